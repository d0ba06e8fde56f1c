//! The nightly job's failure handling, tested on the real binary with temporary
//! directories and real signals: bad files are data, an interrupted run leaves the previous
//! dataset byte-identical, two runs never interleave, output faults exit 2 and keep the
//! previous dataset, and temporary directories of killed runs are cleaned up.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use polars::prelude::*;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds")
}

fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn ogi() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ogi"))
}

fn run_args(input: &Path, output: &Path, threads: usize) -> Vec<String> {
    vec![
        "run".into(),
        "--input".into(),
        input.display().to_string(),
        "--output".into(),
        output.display().to_string(),
        "--threads".into(),
        threads.to_string(),
    ]
}

fn run(input: &Path, output: &Path) -> Output {
    ogi().args(run_args(input, output, 2)).output().unwrap()
}

fn spawn(input: &Path, output: &Path) -> Child {
    ogi()
        .args(run_args(input, output, 2))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn read(path: &Path) -> DataFrame {
    ParquetReader::new(fs::File::open(path).unwrap()).finish().unwrap()
}

/// Every file of a directory with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Temporary directories a run left beside `out`.
fn leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("ogi-tmp"))
        .collect()
}

/// A column of strings, nulls as "".
fn strings(df: &DataFrame, col: &str) -> Vec<String> {
    df.column(col)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.unwrap_or("").to_string())
        .collect()
}

/// `path → (status, cells)` of documents.parquet.
fn documents(out: &Path) -> BTreeMap<String, (String, i32)> {
    let docs = read(&out.join("documents.parquet"));
    let cells = docs.column("cells").unwrap().i32().unwrap().clone();
    strings(&docs, "path")
        .into_iter()
        .zip(strings(&docs, "status"))
        .zip(cells.iter())
        .map(|((p, s), c)| (p, (s, c.unwrap())))
        .collect()
}

/// `(path, code)` of diagnostics.parquet, with the messages.
fn diagnostics(out: &Path) -> Vec<(String, String, String)> {
    let d = read(&out.join("diagnostics.parquet"));
    strings(&d, "path")
        .into_iter()
        .zip(strings(&d, "code"))
        .zip(strings(&d, "message"))
        .map(|((p, c), m)| (p, c, m))
        .collect()
}

/// A deterministic byte stream (xorshift), for "random" binary files.
fn noise(n: usize, mut x: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// A seed report with every run of digits replaced by garbage.
fn garbled(text: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            if !in_digits {
                out.push_str("x#?");
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(ch);
        }
    }
    out
}

#[test]
fn bad_files_are_data_and_every_other_file_is_written() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    for p in seed_files() {
        fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
    }
    let seed2 = fs::read_to_string(seed_files()[2].clone()).unwrap();
    let bad: &[(&str, Vec<u8>)] = &[
        ("bad/empty.txt", Vec::new()),
        (
            "bad/pdf.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n".to_vec(),
        ),
        ("bad/png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec()),
        ("bad/zip.txt", b"PK\x03\x04\x14\0\0\0\x08\0report.docx".to_vec()),
        ("bad/random.txt", noise(20_000, 0x9e37_79b9_7f4a_7c15)),
        // Valid UTF-8 up to byte 6, then 0xFF (invalid in GB18030 too); and an invalid GBK pair
        // (0x81 must be followed by 0x30–0x39 or 0x40–0xFE) at byte 4.
        ("bad/utf8.txt", b"\xe5\xb9\xb4\xe6\x8a\xa5\xff abc".to_vec()),
        ("bad/gbk.txt", b"\xc4\xea\xb1\xa8\x81\x20\xc4\xea".to_vec()),
        (
            "bad/truncated.txt",
            seed2.as_bytes()[..seed2.find("(二) 部分公开").unwrap()].to_vec(),
        ),
        ("bad/garbage_numbers.txt", garbled(&seed2).into_bytes()),
    ];
    for (name, bytes) in bad {
        let p = input.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    // A 300 MB file (sparse, so it costs no disk): refused by max_file_bytes, never read.
    let huge = fs::File::create(input.join("bad/huge.txt")).unwrap();
    huge.set_len(300 * 1024 * 1024).unwrap();
    drop(huge);
    // 60 nested folders with a report at the bottom.
    let mut deep = input.join("deep");
    for i in 0..60 {
        deep = deep.join(format!("d{i:02}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::copy(&seed_files()[0], deep.join("report.txt")).unwrap();
    // A symlink loop.
    fs::create_dir_all(input.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", input.join("loop/up")).unwrap();
    // A file name that is not UTF-8 (GBK for 报告.txt).
    fs::copy(&seed_files()[1], input.join(OsStr::from_bytes(b"\xb1\xa8\xb8\xe6.txt"))).unwrap();

    let out = tmp.path().join("out");
    let r = run(&input, &out);
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{stderr}");

    let docs = documents(&out);
    // The seeds and the two copies in odd places are read in full.
    for p in seed_files() {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(docs[&name].0, "ok", "{name}");
    }
    let deep_rel = format!(
        "deep/{}/report.txt",
        (0..60).map(|i| format!("d{i:02}")).collect::<Vec<_>>().join("/")
    );
    assert_eq!(docs[&deep_rel], ("ok".to_string(), 198));
    assert_eq!(docs["\\xB1\\xA8\\xB8\\xE6.txt"].0, "ok");
    let cells = read(&out.join("cells.parquet"));
    let seed_cells: i32 = docs.values().filter(|d| d.0 == "ok").map(|d| d.1).sum();
    assert_eq!(seed_cells, 990 + 198 + 198);
    assert!(cells.height() >= seed_cells as usize);

    let diags = diagnostics(&out);
    let has = |path: &str, code: &str| diags.iter().find(|d| d.0 == path && d.1 == code);
    for (path, status, code) in [
        ("bad/empty.txt", "failed", "EMPTY"),
        ("bad/pdf.txt", "failed", "BINARY"),
        ("bad/png.txt", "failed", "BINARY"),
        ("bad/zip.txt", "failed", "BINARY"),
        ("bad/random.txt", "failed", "BINARY"),
        ("bad/utf8.txt", "failed", "UNDECODABLE"),
        ("bad/gbk.txt", "failed", "UNDECODABLE"),
        ("bad/truncated.txt", "partial", "TABLE_MISSING"),
        ("bad/huge.txt", "failed", "TOO_LARGE"),
        ("\\xB1\\xA8\\xB8\\xE6.txt", "ok", "PATH_ESCAPED"),
    ] {
        assert_eq!(docs[path].0, status, "{path}");
        assert!(has(path, code).is_some(), "{path}: no {code} in {diags:?}");
    }
    // The byte offsets of the undecodable files are named.
    assert!(has("bad/utf8.txt", "UNDECODABLE").unwrap().2.contains("offset 6"));
    assert!(has("bad/gbk.txt", "UNDECODABLE").unwrap().2.contains("offset 4"));
    // Garbage where the numbers were: the document is listed, and no number is invented.
    let garbage = &docs["bad/garbage_numbers.txt"];
    assert_ne!(garbage.0, "ok");
    let doc_ids = read(&out.join("documents.parquet"));
    let id = strings(&doc_ids, "doc_id")[strings(&doc_ids, "path")
        .iter()
        .position(|p| p == "bad/garbage_numbers.txt")
        .unwrap()]
    .clone();
    let garbage_numbers = strings(&cells, "doc_id")
        .iter()
        .zip(cells.column("value").unwrap().f64().unwrap().iter())
        .filter(|(d, v)| **d == id && v.is_some())
        .count();
    assert_eq!(garbage_numbers, 0, "numbers were read from a report without numbers");
    // The symlink loop is reported, not followed forever.
    assert!(
        diags.iter().any(|d| d.0.starts_with("loop/") && d.1 == "UNREADABLE"),
        "{diags:?}"
    );
}

#[test]
fn a_file_deleted_or_replaced_between_walk_and_read_is_unreadable() {
    let tmp = tempfile::tempdir().unwrap();
    for p in seed_files() {
        fs::copy(&p, tmp.path().join(p.file_name().unwrap())).unwrap();
    }
    let all = globset::GlobSet::builder()
        .add(globset::Glob::new("**/*").unwrap())
        .build()
        .unwrap();
    let none = globset::GlobSet::empty();
    let (files, errors) = ogi::walk::files(tmp.path(), &all, &none).unwrap();
    assert!(errors.is_empty());
    assert_eq!(files.len(), 5);
    // Deleted after the walk; another replaced by a directory (unreadable as a file).
    fs::remove_file(files[0].path(tmp.path())).unwrap();
    fs::remove_file(files[1].path(tmp.path())).unwrap();
    fs::create_dir(files[1].path(tmp.path())).unwrap();
    let limits = ogi::Limits::default();
    for f in &files[..2] {
        let o = ogi::run::process_file(f, tmp.path(), &limits);
        assert_eq!(o.status, ogi::model::DocStatus::Failed);
        assert_eq!(o.diagnostics[0].code.as_str(), "UNREADABLE", "{:?}", o.diagnostics);
    }
    for f in &files[2..] {
        assert_eq!(
            ogi::run::process_file(f, tmp.path(), &limits).status,
            ogi::model::DocStatus::Ok
        );
    }
}

/// A file whose parse takes long (a crawler row of 2,000 digits run together, cut every way
/// the row allows) is given up at its work budget with a `TOO_SLOW` error, without a panic
/// message; every other file is read in full. Under the default budget the same file is read.
#[test]
fn a_file_over_its_work_budget_is_given_up_and_the_run_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    for p in seed_files() {
        fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
    }
    let crawler = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms/crawler_2021.txt");
    let crawler = fs::read_to_string(crawler).unwrap();
    let digits: Vec<u8> = noise(2000, 0x2545_f491_4f6c_dd1d)
        .iter()
        .map(|b| b'0' + b % 10)
        .collect();
    let slow = crawler.replacen(
        "予以公开173000121",
        &format!("予以公开{}", String::from_utf8(digits).unwrap()),
        1,
    );
    assert_ne!(slow, crawler);
    fs::write(input.join("slow.txt"), &slow).unwrap();
    let config = tmp.path().join("pipeline.toml");
    fs::write(&config, "[input]\nmax_file_steps = 1000000\n").unwrap();
    let out = tmp.path().join("out");
    let mut args = run_args(&input, &out, 2);
    args.extend(["--config".to_string(), config.display().to_string()]);
    let r = ogi().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let docs = documents(&out);
    assert_eq!(docs["slow.txt"], ("failed".to_string(), 0));
    for p in seed_files() {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(docs[&name].0, "ok", "{name}");
    }
    let slow_codes: Vec<String> = diagnostics(&out)
        .into_iter()
        .filter(|d| d.0 == "slow.txt")
        .map(|d| d.1)
        .collect();
    assert_eq!(slow_codes, ["TOO_SLOW"]);

    let o = ogi::process_bytes("slow.txt", slow.as_bytes(), &ogi::Limits::default());
    assert!(
        o.diagnostics.iter().all(|d| d.code.as_str() != "TOO_SLOW"),
        "{:?}",
        o.diagnostics
    );
    assert!(!o.cells.is_empty());
}

/// A dump big enough that a run takes a while: `copies` copies of each seed report.
fn big_dump(dir: &Path, copies: usize) {
    let seeds: Vec<(String, Vec<u8>)> = seed_files()
        .iter()
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                fs::read(p).unwrap(),
            )
        })
        .collect();
    for i in 0..copies {
        let sub = dir.join(format!("{:03}", i / 100)).join(format!("{i:05}"));
        fs::create_dir_all(&sub).unwrap();
        for (stem, bytes) in &seeds {
            fs::write(sub.join(format!("{stem}.txt")), bytes).unwrap();
        }
    }
}

/// Waits for a child at most `limit`; kills it after that.
fn wait_for(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("the run did not stop within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn send(child: &Child, sig: i32) {
    // SAFETY: a plain kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, sig) }, 0);
}

#[test]
fn a_killed_run_leaves_the_previous_dataset_and_the_next_run_cleans_up() {
    let tmp = tempfile::tempdir().unwrap();
    let old_in = tmp.path().join("old");
    fs::create_dir_all(&old_in).unwrap();
    for p in seed_files() {
        fs::copy(&p, old_in.join(p.file_name().unwrap())).unwrap();
    }
    let new_in = tmp.path().join("new");
    big_dump(&new_in, 120);
    let out = tmp.path().join("out");
    assert_eq!(run(&old_in, &out).status.code(), Some(0));
    let old = snapshot(&out);
    // What a run over the new dump writes when it is not killed.
    let reference = tmp.path().join("reference");
    run(&new_in, &reference);
    let new = snapshot(&reference);
    let t = Instant::now();
    run(&new_in, tmp.path().join("timing").as_path());
    let full = t.elapsed();

    // Kill at moments spread over the whole run: walking, parsing, writing, swapping.
    let mut killed = 0;
    for step in 0..12u32 {
        let mut child = spawn(&new_in, &out);
        std::thread::sleep(full * step / 10);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        if status.code().is_none() {
            killed += 1;
        }
        let now = snapshot(&out);
        assert!(
            now == old || now == new,
            "after SIGKILL at {:?}: the dataset is neither the previous one nor the new one",
            full * step / 10
        );
        if now == new {
            // The run finished (or swapped) before the kill: restore the old dataset.
            assert_eq!(run(&old_in, &out).status.code(), Some(0));
        }
        read(&out.join("documents.parquet"));
    }
    assert!(killed >= 3, "only {killed} runs were killed before they ended");
    // The next run removes what the killed runs left.
    assert_eq!(run(&old_in, &out).status.code(), Some(0));
    assert_eq!(snapshot(&out), old);
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}

#[test]
fn sigint_and_sigterm_stop_cleanly_with_130_and_143() {
    let tmp = tempfile::tempdir().unwrap();
    let old_in = tmp.path().join("old");
    fs::create_dir_all(&old_in).unwrap();
    fs::copy(&seed_files()[0], old_in.join("a.txt")).unwrap();
    let new_in = tmp.path().join("new");
    big_dump(&new_in, 200);
    let out = tmp.path().join("out");
    assert_eq!(run(&old_in, &out).status.code(), Some(0));
    let old = snapshot(&out);
    for (sig, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let mut child = spawn(&new_in, &out);
        // Once the run has made its working directory beside the output (its handlers are
        // installed before that), long before it ends. (A fixed delay of 150 ms was longer
        // than a whole optimised run of this dump.)
        let start = Instant::now();
        while leftovers(tmp.path()).is_empty() && start.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(1));
        }
        send(&child, sig);
        let status = wait_for(&mut child, Duration::from_secs(60));
        let mut stderr = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(code), "{stderr}");
        assert!(stderr.contains("previous dataset is unchanged"), "{stderr}");
        assert_eq!(snapshot(&out), old);
        assert_eq!(leftovers(tmp.path()), Vec::<String>::new(), "the stopped run cleans up");
    }
}

#[test]
fn a_second_run_on_the_same_output_does_not_start() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::copy(&seed_files()[0], input.join("a.txt")).unwrap();
    let out = tmp.path().join("out");
    assert_eq!(run(&input, &out).status.code(), Some(0));
    let before = snapshot(&out);
    // Another run holds the lock (this process, through the library).
    let lock = ogi::write::lock(&out).unwrap();
    fs::copy(&seed_files()[1], input.join("b.txt")).unwrap();
    let r = run(&input, &out);
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("another ogi run"), "{stderr}");
    assert!(stderr.contains(&format!("pid {}", std::process::id())), "{stderr}");
    assert_eq!(snapshot(&out), before, "the held dataset is untouched");
    drop(lock);
    // Once it is released the next run goes ahead.
    assert_eq!(run(&input, &out).status.code(), Some(0));
    assert_eq!(documents(&out).len(), 2);

    // Two real processes: whichever comes second is refused, the dataset is whole.
    let big = tmp.path().join("big");
    big_dump(&big, 100);
    let mut first = spawn(&big, &out);
    std::thread::sleep(Duration::from_millis(100));
    let second = run(&big, &out);
    let first = wait_for(&mut first, Duration::from_secs(120));
    // Whichever takes the lock first runs; the other exits 2 (or runs after it).
    let codes = (first.code(), second.status.code());
    assert!(
        [(Some(0), Some(2)), (Some(2), Some(0)), (Some(0), Some(0))].contains(&codes),
        "{codes:?}: {}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(documents(&out).len(), 500);
}

#[test]
fn output_faults_exit_2_and_keep_the_previous_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    big_dump(&input, 20);
    // The output's parent is a file: nothing can be created there.
    fs::write(tmp.path().join("file"), b"x").unwrap();
    let r = run(&input, &tmp.path().join("file/out"));
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("cannot"), "{r:?}");

    // The disk fills during the write: a file-size limit of 4 KB (the documents table of
    // 100 reports is larger) makes the write fail with EFBIG.
    let out = tmp.path().join("out");
    let small = tmp.path().join("small");
    fs::create_dir_all(&small).unwrap();
    fs::copy(&seed_files()[0], small.join("a.txt")).unwrap();
    assert_eq!(run(&small, &out).status.code(), Some(0));
    let before = snapshot(&out);
    let mut cmd = ogi();
    cmd.args(run_args(&input, &out, 2));
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let r = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write") && stderr.contains("File too large"),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), before);
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}
