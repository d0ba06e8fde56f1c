//! The parser's cost per input form: times `ogi::process_bytes` (decode and extract; no
//! walking, no Parquet) over a dump from `tools/synth.py dump`, grouped by the form each
//! report was rendered in (its number mod 8, see `FORMS` there). For profiling the parser
//! alone, e.g. under `perf record`:
//!
//!     cargo run --release --example forms -- target/bench/dump-10000 [FORM]
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).expect("dir");
    let only: Option<usize> = std::env::args().nth(2).map(|s| s.parse().unwrap());
    let names = [
        "tabs", "pdf", "html", "tabs-gbk", "markdown", "box", "tabs-bom", "glued",
    ];
    let mut t = [0f64; 8];
    let mut n = [0usize; 8];
    let mut b = [0usize; 8];
    for e in walkdir::WalkDir::new(&dir) {
        let e = e.unwrap();
        if !e.file_type().is_file() {
            continue;
        }
        let p = e.path().to_string_lossy().to_string();
        let stem = e.path().file_stem().unwrap().to_string_lossy().to_string();
        let Ok(i) = stem.parse::<usize>() else { continue };
        if only.is_some_and(|o| o != i % 8) {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap();
        let s = Instant::now();
        let out = ogi::process_bytes(&p, &bytes, &ogi::Limits::default());
        t[i % 8] += s.elapsed().as_secs_f64();
        n[i % 8] += 1;
        b[i % 8] += bytes.len();
        std::hint::black_box(out);
    }
    for k in 0..8 {
        println!(
            "{:10} {:6} files {:8.1} us/file {:6.1} MB/s",
            names[k],
            n[k],
            t[k] / n[k] as f64 * 1e6,
            b[k] as f64 / t[k] / 1e6
        );
    }
    println!("total {:.2} s", t.iter().sum::<f64>());
}
