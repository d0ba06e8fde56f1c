//! Research keys on the real binary: every fixture's agency resolves to the expected place
//! (province, prefecture, county codes), level, kind and scope; three copies of one report
//! are flagged as duplicates and counted once in the derived tables; `report.html` is
//! written with its charts; the schema version is in every file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use polars::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn run(input: &Path, output: &Path) -> std::process::Output {
    // Run from the repository, whose pipeline.toml names data/divisions.csv.
    Command::new(env!("CARGO_BIN_EXE_ogi"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--input"])
        .arg(input)
        .arg("--output")
        .arg(output)
        .output()
        .unwrap()
}

fn read(path: &Path) -> DataFrame {
    ParquetReader::new(fs::File::open(path).unwrap()).finish().unwrap()
}

fn strings(df: &DataFrame, col: &str) -> Vec<Option<String>> {
    df.column(col)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.map(str::to_string))
        .collect()
}

/// path → the named columns of documents.parquet.
fn documents(out: &Path, cols: &[&str]) -> BTreeMap<String, Vec<Option<String>>> {
    let docs = read(&out.join("documents.parquet"));
    let columns: Vec<Vec<Option<String>>> = cols.iter().map(|c| strings(&docs, c)).collect();
    strings(&docs, "path")
        .into_iter()
        .enumerate()
        .map(|(i, p)| (p.unwrap(), columns.iter().map(|c| c[i].clone()).collect()))
        .collect()
}

#[test]
fn every_fixture_agency_resolves_to_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let r = run(&fixtures(), &out);
    assert!(r.status.code().unwrap() <= 1, "{}", String::from_utf8_lossy(&r.stderr));
    let cols = [
        "province_code",
        "prefecture_code",
        "county_code",
        "level",
        "agency_kind",
        "scope",
        "province",
    ];
    let docs = documents(&out, &cols);
    let pingtan = ["350000", "350100", "350128", "county"];
    // (path, [province, prefecture, county, level], kind, scope)
    let expected: &[(&str, [&str; 4], &str, &str)] = &[
        (
            "seeds/000_4b309371d3f10fe3.txt",
            ["620000", "", "", "province"],
            "department",
            "agency",
        ),
        (
            "seeds/001_048cfcac86dd0fa1.txt",
            ["370000", "370800", "370829", "county"],
            "other",
            "agency",
        ),
        (
            "seeds/002_cbbca4df9f61f30f.txt",
            ["620000", "", "", "province"],
            "general_office",
            "agency",
        ),
        (
            "seeds/003_70c16c846537526a.txt",
            ["410000", "410800", "410883", "county"],
            "other",
            "agency",
        ),
        (
            "seeds/004_026ff46b06e7a98a.txt",
            ["510000", "510400", "510421", "county"],
            "other",
            "agency",
        ),
        ("real/001.txt", pingtan, "government", "agency"),
        ("real/002.txt", pingtan, "government", "aggregate"),
        ("real/003.txt", pingtan, "government", "aggregate"),
        ("real/007.txt", pingtan, "government", "aggregate"),
        ("real/008.txt", pingtan, "department", "agency"),
        ("real/010.txt", pingtan, "department", "agency"),
        (
            "real/013.html",
            ["310000", "", "", "province"],
            "general_office",
            "agency",
        ),
        (
            "real/015.txt",
            ["320000", "320800", "", "prefecture"],
            "government",
            "aggregate",
        ),
        ("real/019.html", pingtan, "department", "agency"),
        // Placeholder names (某某县) have no place; the unit still tells the level.
        (
            "forms/markdown_pipes.txt",
            ["", "", "", "county"],
            "department",
            "agency",
        ),
        (
            "forms/old_form_in_2021.txt",
            ["", "", "", "township"],
            "government",
            "agency",
        ),
        ("forms/pdf_text_2021.txt", ["", "", "", ""], "government", "agency"),
        (
            "forms/html_content_type_subtotal.htm",
            ["", "", "", ""],
            "general_office",
            "agency",
        ),
    ];
    for (path, place, kind, scope) in expected {
        let got = &docs[*path];
        let s = |i: usize| got[i].clone().unwrap_or_default();
        assert_eq!(
            [s(0), s(1), s(2), s(3)],
            place.map(String::from),
            "{path}: province, prefecture, county, level"
        );
        assert_eq!((s(4), s(5)), (kind.to_string(), scope.to_string()), "{path}");
    }
    assert_eq!(docs["seeds/004_026ff46b06e7a98a.txt"][6].as_deref(), Some("四川省"));
    // Placeholders are reported as unknown places, never guessed.
    let diags = read(&out.join("diagnostics.parquet"));
    let unknown: Vec<String> = strings(&diags, "path")
        .into_iter()
        .zip(strings(&diags, "code"))
        .filter(|(_, c)| c.as_deref() == Some("PLACE_UNKNOWN"))
        .map(|(p, _)| p.unwrap())
        .collect();
    assert!(unknown.contains(&"forms/markdown_pipes.txt".to_string()));
    // (The rendered reports, and those of them put into text or scanned, name placeholder
    // agencies.)
    assert!(
        unknown
            .iter()
            .all(|p| ["forms/", "converted/", "ocr/"].iter().any(|d| p.starts_with(d))),
        "{unknown:?}"
    );
}

/// The real division table on names a dump holds: a district name two cities share is
/// left null with the candidates named, and resolved when its city is named too.
#[test]
fn an_ambiguous_district_is_not_guessed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let text = fs::read_to_string(fixtures().join("seeds/000_4b309371d3f10fe3.txt")).unwrap();
    for (file, agency) in [
        ("a.txt", "朝阳区教育局"),
        ("b.txt", "北京市朝阳区教育委员会"),
        ("c.txt", "长春市朝阳区人民政府"),
        ("d.txt", "黔东南苗族侗族自治州凯里市某某街道办事处"),
    ] {
        fs::write(input.join(file), text.replacen("甘肃省公共资源交易局", agency, 1)).unwrap();
    }
    let out = tmp.path().join("out");
    run(&input, &out);
    let docs = documents(&out, &["agency", "county_code", "level", "agency_kind"]);
    let got = |p: &str| {
        docs[p]
            .iter()
            .map(|v| v.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(got("a.txt"), ["朝阳区教育局", "", "", "department"]);
    assert_eq!(
        got("b.txt"),
        ["北京市朝阳区教育委员会", "110105", "county", "department"]
    );
    assert_eq!(got("c.txt"), ["长春市朝阳区人民政府", "220104", "county", "government"]);
    assert_eq!(got("d.txt")[1..], ["522601", "township", "government"]);
    let diags = read(&out.join("diagnostics.parquet"));
    let ambiguous: Vec<(Option<String>, Option<String>)> = strings(&diags, "path")
        .into_iter()
        .zip(strings(&diags, "message"))
        .zip(strings(&diags, "code"))
        .filter(|(_, c)| c.as_deref() == Some("PLACE_AMBIGUOUS"))
        .map(|(pm, _)| pm)
        .collect();
    assert_eq!(ambiguous.len(), 1, "{ambiguous:?}");
    let message = ambiguous[0].1.clone().unwrap();
    assert!(message.contains("110105") && message.contains("220104"), "{message}");
}

#[test]
fn three_copies_of_one_report_are_counted_once() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(input.join("mirror")).unwrap();
    let seed = fixtures().join("seeds/002_cbbca4df9f61f30f.txt");
    let text = fs::read_to_string(&seed).unwrap();
    // The original, a byte-identical mirror, and a re-publication cut short.
    fs::write(input.join("a_original.txt"), &text).unwrap();
    fs::write(input.join("mirror/copy.txt"), &text).unwrap();
    let cut = text.find("四、政府信息公开行政复议").unwrap();
    fs::write(input.join("b_republished.txt"), &text[..cut]).unwrap();
    // Another agency's report is not a duplicate of anything.
    fs::copy(
        fixtures().join("seeds/000_4b309371d3f10fe3.txt"),
        input.join("other.txt"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    run(&input, &out);

    let docs = documents(&out, &["doc_id", "duplicate_of"]);
    let kept = docs["a_original.txt"][0].clone();
    assert_eq!(
        docs["a_original.txt"][1], None,
        "the first path of the complete copies is kept"
    );
    assert_eq!(docs["mirror/copy.txt"][1], kept);
    assert_eq!(docs["b_republished.txt"][1], kept);
    assert_eq!(docs["other.txt"][1], None);

    let diags = read(&out.join("diagnostics.parquet"));
    let dup_paths: Vec<Option<String>> = strings(&diags, "path")
        .into_iter()
        .zip(strings(&diags, "code"))
        .filter(|(_, c)| c.as_deref() == Some("DUPLICATE"))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(dup_paths.len(), 2, "{dup_paths:?}");

    // Derived tables hold each report once; cells keep every copy.
    let requests = read(&out.join("requests.parquet"));
    let ids: std::collections::BTreeSet<String> = strings(&requests, "doc_id").into_iter().flatten().collect();
    assert_eq!(ids.len(), 2, "the original and the other agency");
    assert_eq!(requests.height(), 2 * 3 * 7);
    let cells = read(&out.join("cells.parquet"));
    let cell_docs: std::collections::BTreeSet<String> = strings(&cells, "doc_id").into_iter().flatten().collect();
    // Identical copies share a doc_id; the cut copy has its own; and the other agency.
    assert_eq!(cell_docs.len(), 3);
    let lit = read(&out.join("litigation.parquet"));
    assert_eq!(lit.height(), 2 * 15);
}

#[test]
fn the_run_report_and_the_schema_version_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run(&fixtures().join("seeds"), &out);
    let html = fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("<h1>ogi run report</h1>"));
    assert!(
        html.matches("<svg").count() >= 3,
        "charts: years, provinces, share granted"
    );
    for province in ["甘肃省", "山东省", "河南省", "四川省"] {
        assert!(html.contains(province), "{province} is in the province chart");
    }
    assert!(html.contains("2020"));
    assert!(!html.contains("<script"));
    for t in ogi::frame::TABLES {
        let f = fs::File::open(out.join(format!("{t}.parquet"))).unwrap();
        let meta = ParquetReader::new(f).get_metadata().unwrap().clone();
        let kv = meta.key_value_metadata().clone().unwrap_or_default();
        assert!(
            kv.iter()
                .any(|k| k.key == "ogi.schema_version" && k.value.as_deref() == Some(ogi::write::SCHEMA_VERSION)),
            "{t}"
        );
    }
    let docs = documents(&out, &["schema_version"]);
    assert!(docs
        .values()
        .all(|v| v[0].as_deref() == Some(ogi::write::SCHEMA_VERSION)));
}

/// A report's page and its crawler's text side by side (`converted/twins_2020_*`) resolve
/// the crawler's runs, also where the chunks of 512 documents part them: the page the last
/// of one chunk and the text the first of the next, or the other way round (a chunk's last
/// documents are held back for the next one's to settle), whatever the threads.
#[test]
fn copies_of_a_report_resolve_runs_across_a_chunks_border() {
    let converted = fixtures().join("converted");
    // (page, text) as the 512th and 513th documents, then (text, page).
    for (first, second, page, text) in [
        ("1.html", "2.txt", "b/1.html", "b/2.txt"),
        ("1.txt", "2.html", "b/2.html", "b/1.txt"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        fs::create_dir_all(input.join("a")).unwrap();
        for i in 0..511 {
            fs::write(input.join(format!("a/{i:04}.txt")), "无表格的文本\n").unwrap();
        }
        fs::create_dir_all(input.join("b")).unwrap();
        let (page_file, text_file) = if first.ends_with(".html") {
            (first, second)
        } else {
            (second, first)
        };
        fs::copy(converted.join("twins_2020_page.html"), input.join("b").join(page_file)).unwrap();
        fs::copy(
            converted.join("twins_2020_crawler.txt"),
            input.join("b").join(text_file),
        )
        .unwrap();
        let mut outputs = Vec::new();
        for threads in ["1", "3"] {
            let out = tmp.path().join(format!("out{threads}"));
            let r = Command::new(env!("CARGO_BIN_EXE_ogi"))
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(["run", "--threads", threads, "--input"])
                .arg(&input)
                .arg("--output")
                .arg(&out)
                .output()
                .unwrap();
            assert!(r.status.code().unwrap() <= 1, "{}", String::from_utf8_lossy(&r.stderr));
            let cells = read(&out.join("cells.parquet"));
            let docs = documents(&out, &["doc_id"]);
            let id = docs[text][0].clone();
            let (ids, rows, cols) = (
                strings(&cells, "doc_id"),
                strings(&cells, "row"),
                strings(&cells, "col"),
            );
            let values: Vec<Option<f64>> = cells.column("value").unwrap().f64().unwrap().iter().collect();
            let value = |row: &str, col: &str| {
                (0..ids.len())
                    .find(|&i| ids[i] == id && rows[i].as_deref() == Some(row) && cols[i].as_deref() == Some(col))
                    .and_then(|i| values[i])
            };
            // The run 015777: 0|1|5777 as the page prints it, not the most plausible 0|15|777.
            assert_eq!(value("other_management_services", "decisions"), Some(5777.0), "{text}");
            assert_eq!(value("administrative_penalty", "decisions"), Some(4812.0), "{text}");
            let diags = read(&out.join("diagnostics.parquet"));
            let copy = format!("{page}, a copy of the same report");
            let said = strings(&diags, "message")
                .into_iter()
                .flatten()
                .filter(|m| m.contains(&copy))
                .count();
            assert_eq!(said, 4, "{text}");
            outputs.push(fs::read(out.join("cells.parquet")).unwrap());
        }
        assert!(outputs[0] == outputs[1], "the threads change the output");
    }
}
