//! CLI tests: the `ogi` binary on a temporary copy of the seed reports plus bad files;
//! every Parquet file is read back with polars and checked for columns, types and rows.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use polars::prelude::*;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds")
}

/// A dump: the five seed reports and a few bad files.
fn dump(dir: &Path) {
    let input = dir.join("in");
    fs::create_dir_all(input.join("nested/deeper")).unwrap();
    for e in fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            fs::copy(&p, input.join(p.file_name().unwrap())).unwrap();
        }
    }
    fs::write(input.join("bad_empty.txt"), b"").unwrap();
    fs::write(input.join("bad_binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(input.join("bad_bytes.txt"), b"abc\x80\x80\xff\xfe def").unwrap();
    fs::write(
        input.join("nested/deeper/prose_only.txt"),
        "某某局2020年政府信息公开工作年度报告\n\n今年主动公开信息729条。\n",
    )
    .unwrap();
    // A report cut off in the middle of the applications table.
    let text = fs::read_to_string(seeds().join("002_cbbca4df9f61f30f.txt")).unwrap();
    let cut = text.find("(二) 部分公开").expect("seed has the row");
    fs::write(input.join("nested/truncated.txt"), &text[..cut]).unwrap();
    fs::write(input.join("notes.pdf"), b"%PDF-1.4").unwrap();
}

fn run(input: &Path, output: &Path, threads: usize) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(["run", "--input"])
        .arg(input)
        .arg("--output")
        .arg(output)
        .args(["--threads", &threads.to_string()])
        .output()
        .unwrap()
}

fn read(path: &Path) -> DataFrame {
    ParquetReader::new(fs::File::open(path).unwrap()).finish().unwrap()
}

fn schema_of(df: &DataFrame) -> Vec<(String, String)> {
    df.schema()
        .iter()
        .map(|(n, t)| (n.to_string(), format!("{t:?}")))
        .collect()
}

fn cols(spec: &[(&str, &str)]) -> Vec<(String, String)> {
    spec.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
}

#[test]
fn run_writes_every_table_and_bad_files_are_data() {
    let tmp = tempfile::tempdir().unwrap();
    dump(tmp.path());
    let out = tmp.path().join("out");
    let r = run(&tmp.path().join("in"), &out, 2);
    let stderr = String::from_utf8_lossy(&r.stderr);
    // Some files failed or are partial: exit code 1, and a summary line.
    assert_eq!(r.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("11 files: 5 ok, 1 partial, 3 failed"), "{stderr}");

    let docs = read(&out.join("documents.parquet"));
    assert_eq!(
        schema_of(&docs),
        cols(&[
            ("doc_id", "String"),
            ("path", "String"),
            ("bytes", "Int64"),
            ("encoding", "String"),
            ("agency", "String"),
            ("year", "Int32"),
            ("template", "String"),
            ("published", "Date"),
            ("status", "String"),
            ("cells", "Int32"),
            ("identities_ok", "Boolean"),
            ("duplicate_of", "String"),
            ("scope", "String"),
            ("province", "String"),
            ("province_code", "String"),
            ("prefecture", "String"),
            ("prefecture_code", "String"),
            ("county", "String"),
            ("county_code", "String"),
            ("level", "String"),
            ("agency_kind", "String"),
            ("schema_version", "String"),
        ])
    );
    assert_eq!(docs.height(), 11);
    let status: Vec<(String, String)> = docs
        .column("path")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .zip(docs.column("status").unwrap().str().unwrap().iter())
        .map(|(p, s)| (p.unwrap().to_string(), s.unwrap().to_string()))
        .collect();
    let status_of = |p: &str| status.iter().find(|(q, _)| q == p).map(|x| x.1.as_str()).unwrap();
    assert_eq!(status_of("bad_empty.txt"), "failed");
    assert_eq!(status_of("bad_binary.txt"), "failed");
    assert_eq!(status_of("bad_bytes.txt"), "failed");
    assert_eq!(status_of("nested/deeper/prose_only.txt"), "no_tables");
    assert_eq!(status_of("nested/truncated.txt"), "partial");
    assert_eq!(status_of("notes.pdf"), "skipped");
    // Paths are in sorted order.
    let paths: Vec<&String> = status.iter().map(|x| &x.0).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);

    let cells = read(&out.join("cells.parquet"));
    assert_eq!(
        schema_of(&cells),
        cols(&[
            ("doc_id", "String"),
            ("agency", "String"),
            ("year", "Int32"),
            ("table", "String"),
            ("row", "String"),
            ("col", "String"),
            ("value", "Float64"),
            ("status", "String"),
            ("raw", "String"),
            ("line", "Int32"),
        ])
    );
    let truncated_cells: i32 = docs
        .column("cells")
        .unwrap()
        .i32()
        .unwrap()
        .iter()
        .zip(paths.iter())
        .filter(|(_, p)| p.as_str() == "nested/truncated.txt")
        .map(|(c, _)| c.unwrap())
        .sum();
    assert!(truncated_cells > 0 && truncated_cells < 198);
    assert_eq!(cells.height(), 990 + truncated_cells as usize);

    let keys = [("doc_id", "String"), ("agency", "String"), ("year", "Int32")];
    let with_keys = |rest: &[(&str, &str)]| {
        let mut v = cols(&keys);
        v.extend(cols(rest));
        v
    };
    let requests = read(&out.join("requests.parquet"));
    assert_eq!(
        schema_of(&requests),
        with_keys(&[
            ("stage", "String"),
            ("applicant", "String"),
            ("count", "Int64"),
            ("status", "String")
        ])
    );
    assert!(requests.height() >= 5 * 3 * 7);
    let outcomes = read(&out.join("outcomes.parquet"));
    assert_eq!(
        schema_of(&outcomes),
        with_keys(&[
            ("outcome", "String"),
            ("category", "String"),
            ("reason", "String"),
            ("applicant", "String"),
            ("count", "Int64"),
            ("status", "String"),
        ])
    );
    assert!(outcomes.height() >= 5 * 20 * 7);
    let procurement = read(&out.join("procurement.parquet"));
    assert_eq!(
        schema_of(&procurement),
        with_keys(&[
            ("projects", "Int64"),
            ("amount_wan_yuan", "Float64"),
            ("amount_raw", "String")
        ])
    );
    // nested/truncated.txt is a duplicate of seed 002 (same agency and year, fewer cells):
    // it stays in `cells` and out of the derived tables.
    assert_eq!(procurement.height(), 5);
    let litigation = read(&out.join("litigation.parquet"));
    assert_eq!(
        schema_of(&litigation),
        with_keys(&[
            ("proceeding", "String"),
            ("result", "String"),
            ("count", "Int64"),
            ("status", "String")
        ])
    );
    assert_eq!(litigation.height(), 5 * 15);
    let active = read(&out.join("active_disclosure.parquet"));
    assert_eq!(
        schema_of(&active),
        with_keys(&[
            ("template", "String"),
            ("item", "String"),
            ("measure", "String"),
            ("value", "Float64"),
            ("status", "String"),
        ])
    );
    assert_eq!(active.height(), 5 * 22);
    let diags = read(&out.join("diagnostics.parquet"));
    assert_eq!(
        schema_of(&diags),
        cols(&[
            ("doc_id", "String"),
            ("path", "String"),
            ("severity", "String"),
            ("code", "String"),
            ("message", "String"),
            ("line", "Int32"),
        ])
    );
    let codes: Vec<(String, String)> = diags
        .column("path")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .zip(diags.column("code").unwrap().str().unwrap().iter())
        .map(|(p, c)| (p.unwrap().to_string(), c.unwrap().to_string()))
        .collect();
    for (path, code) in [
        ("bad_empty.txt", "EMPTY"),
        ("bad_binary.txt", "BINARY"),
        ("bad_bytes.txt", "UNDECODABLE"),
        ("nested/deeper/prose_only.txt", "NO_TABLES"),
        ("nested/truncated.txt", "TABLE_MISSING"),
        ("notes.pdf", "SKIPPED"),
    ] {
        assert!(
            codes.contains(&(path.to_string(), code.to_string())),
            "{path}: no {code} in {codes:?}"
        );
    }
    let undecodable = diags
        .column("message")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .flatten()
        .find(|m| m.contains("offset 3"));
    assert!(undecodable.is_some(), "the UNDECODABLE message names the byte offset");
    // No leftover temporary directory beside the output.
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("ogi-tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    dump(tmp.path());
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    run(&tmp.path().join("in"), &a, 1);
    run(&tmp.path().join("in"), &b, 4);
    for t in ogi::frame::TABLES {
        let name = format!("{t}.parquet");
        assert_eq!(
            fs::read(a.join(&name)).unwrap(),
            fs::read(b.join(&name)).unwrap(),
            "{name} differs"
        );
    }
}

#[test]
fn a_second_run_replaces_the_dataset_and_bad_config_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    dump(tmp.path());
    let out = tmp.path().join("out");
    run(&tmp.path().join("in"), &out, 2);
    fs::write(out.join("stale.parquet"), b"x").unwrap();
    run(&tmp.path().join("in"), &out, 2);
    assert!(
        !out.join("stale.parquet").exists(),
        "the output directory is swapped whole"
    );
    assert!(out.join("documents.parquet").exists());

    let cfg = tmp.path().join("bad.toml");
    fs::write(&cfg, "[input]\nrot = \"x\"\n").unwrap();
    let r = Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(["run", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("unknown field"));

    let r = run(&tmp.path().join("does-not-exist"), &out, 1);
    assert_eq!(r.status.code(), Some(2));
    assert!(out.join("documents.parquet").exists(), "the previous dataset is intact");
}

#[test]
fn inspect_prints_the_grid_and_diagnostics() {
    let seed = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("002_cbbca4df9f61f30f.txt"))
        .unwrap();
    let r = Command::new(env!("CARGO_BIN_EXE_ogi"))
        .arg("inspect")
        .arg(&seed)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&r.stdout);
    assert_eq!(r.status.code(), Some(0), "{out}");
    assert!(out.contains("agency     甘肃省人民政府办公厅"), "{out}");
    assert!(out.contains("encoding   UTF-8"));
    assert!(out.contains("new_received"));
    assert!(out.contains("natural_person=161"));
    assert!(out.contains("upheld=·"), "blank review cells are shown as blank: {out}");
}

/// Every column chunk of a Parquet file has a column index and an offset index (the page
/// index, which the patched polars-parquet serializes as each row group is written, see
/// vendor/polars-parquet/OGI-PATCH.md), and they describe its pages: each location is a
/// data page header of this chunk, the pages' first rows count up from 0 within the row
/// group, and the column index has one entry per page.
fn page_indexes_point_at_their_pages(path: &Path) {
    use polars_parquet::parquet::read::read_metadata;
    use polars_parquet_format::thrift::protocol::TCompactInputProtocol;
    use polars_parquet_format::{ColumnIndex, OffsetIndex, PageHeader, PageType};

    let bytes = fs::read(path).unwrap();
    let meta = read_metadata(&mut std::io::Cursor::new(&bytes)).unwrap();
    let at = |off: Option<i64>, len: Option<i32>| {
        let (off, len) = (off.expect("an index") as usize, len.expect("its length") as usize);
        &bytes[off..off + len]
    };
    let mut chunks = 0;
    for rg in meta.row_groups.iter() {
        for col in rg.parquet_columns() {
            chunks += 1;
            let what = format!("{}: {:?}", path.display(), col.descriptor().path_in_schema);
            let raw = at(col.offset_index_offset(), col.offset_index_length());
            let offsets = OffsetIndex::read_from_in_protocol(&mut TCompactInputProtocol::new(raw, 1 << 24)).unwrap();
            let raw = at(col.column_index_offset(), col.column_index_length());
            let columns = ColumnIndex::read_from_in_protocol(&mut TCompactInputProtocol::new(raw, 1 << 24)).unwrap();
            let pages = &offsets.page_locations;
            assert!(!pages.is_empty(), "{what}");
            assert_eq!(columns.null_pages.len(), pages.len(), "{what}");
            assert_eq!(pages[0].first_row_index, 0, "{what}");
            let range = col.byte_range();
            for (k, page) in pages.iter().enumerate() {
                if k > 0 {
                    assert!(page.first_row_index > pages[k - 1].first_row_index, "{what}");
                }
                assert!((page.first_row_index as usize) < rg.num_rows(), "{what}");
                let (start, end) = (
                    page.offset as u64,
                    page.offset as u64 + page.compressed_page_size as u64,
                );
                assert!(
                    range.start <= start && end <= range.end,
                    "{what}: page {k} outside the chunk"
                );
                let mut r = &bytes[start as usize..end as usize];
                let header =
                    PageHeader::read_from_in_protocol(&mut TCompactInputProtocol::new(&mut r, 1 << 24)).unwrap();
                assert!(
                    matches!(header.type_, PageType::DATA_PAGE | PageType::DATA_PAGE_V2),
                    "{what}"
                );
                assert_eq!(r.len(), header.compressed_page_size as usize, "{what}: page {k}'s size");
            }
        }
    }
    assert!(chunks > 0);
}

/// 1,000 files, 200 copies of each seed: the derived tables span several row groups and
/// are rewritten without the 995 duplicates, by position; every DUPLICATE diagnostic
/// stands right after its document's own, in path order.
#[test]
fn duplicates_are_dropped_across_row_groups() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let seeds: Vec<PathBuf> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    for i in 0..200 {
        let dir = input.join(format!("{i:03}"));
        fs::create_dir_all(&dir).unwrap();
        for s in &seeds {
            fs::copy(s, dir.join(s.file_name().unwrap())).unwrap();
        }
    }
    let out = tmp.path().join("out");
    let r = run(&input, &out, 2);
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    // Several chunks, several row groups, a rewrite: still the same bytes on 1 thread.
    let one = tmp.path().join("one");
    run(&input, &one, 1);
    for t in ogi::frame::TABLES {
        let name = format!("{t}.parquet");
        assert!(
            fs::read(out.join(&name)).unwrap() == fs::read(one.join(&name)).unwrap(),
            "{name} differs"
        );
        page_indexes_point_at_their_pages(&out.join(&name));
    }
    let docs = read(&out.join("documents.parquet"));
    let dup = docs.column("duplicate_of").unwrap().str().unwrap().clone();
    assert_eq!(dup.null_count(), 5, "one kept per agency and year");
    let paths = docs.column("path").unwrap().str().unwrap().clone();
    let kept: Vec<&str> = paths
        .iter()
        .zip(dup.iter())
        .filter(|(_, d)| d.is_none())
        .map(|(p, _)| p.unwrap())
        .collect();
    assert!(kept.iter().all(|p| p.starts_with("000/")), "{kept:?}");
    // 140 outcome rows per report: one report's worth per agency, over several row groups
    // before the rewrite.
    assert_eq!(read(&out.join("outcomes.parquet")).height(), 5 * 140);
    assert_eq!(read(&out.join("requests.parquet")).height(), 5 * 21);
    assert_eq!(read(&out.join("litigation.parquet")).height(), 5 * 15);
    assert_eq!(read(&out.join("cells.parquet")).height(), 1000 * 198);
    let diags = read(&out.join("diagnostics.parquet"));
    let dpaths: Vec<&str> = diags
        .column("path")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|p| p.unwrap())
        .collect();
    let codes: Vec<&str> = diags
        .column("code")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|p| p.unwrap())
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == "DUPLICATE").count(), 995);
    let mut sorted = dpaths.clone();
    sorted.sort();
    assert_eq!(dpaths, sorted, "diagnostics follow the paths");
    for (i, c) in codes.iter().enumerate() {
        if *c == "DUPLICATE" {
            assert!(
                i + 1 == codes.len() || dpaths[i + 1] != dpaths[i],
                "DUPLICATE is the last diagnostic of {}",
                dpaths[i]
            );
        }
    }
}

/// The allocator settings of `main.rs` reach mimalloc before it reads its options (its
/// verbose start-up lists them by name, which also checks the option numbers), and a
/// `MIMALLOC_*` variable still overrides them.
#[cfg(target_os = "linux")]
#[test]
fn allocator_options_are_set_before_mimalloc_starts() {
    let options = |env: &[(&str, &str)]| {
        let r = Command::new(env!("CARGO_BIN_EXE_ogi"))
            .arg("codes")
            .env("MIMALLOC_VERBOSE", "1")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(r.status.success());
        String::from_utf8_lossy(&r.stderr).into_owned()
    };
    let defaults = options(&[]);
    assert!(defaults.contains("option 'arena_eager_commit': 0"), "{defaults}");
    assert!(defaults.contains("option 'purge_delay': 100"), "{defaults}");
    let overridden = options(&[("MIMALLOC_PURGE_DELAY", "250")]);
    assert!(overridden.contains("option 'purge_delay': 250"), "{overridden}");
}
