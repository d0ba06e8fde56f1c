//! Golden tests: every fixture document under `tests/fixtures/` with a `NAME.truth.json`
//! beside it is run through the library and compared cell by cell with its truth (the
//! format of `../shared/fixtures/seeds/`, scored like `score.py`). Adding a case means
//! adding a file and its truth.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ogi::model::{CellStatus, FileOutcome};
use serde_json::Value;

use ogi::template::APPLICANTS;

fn active_cols(template: &str, row: &str) -> &'static [&'static str] {
    ogi::template::rows(
        ogi::template::Table::ActiveDisclosure,
        if template == "2021" {
            ogi::template::Template::T2021
        } else {
            ogi::template::Template::T2019
        },
    )
    .iter()
    .find(|r| r.key == row)
    .map(|r| r.cols)
    .unwrap_or_else(|| panic!("unknown active_disclosure row {row}"))
}

type Key = (String, String, String);

/// Truth document → expected cells.
fn truth_cells(t: &Value) -> HashMap<Key, Value> {
    let mut out = HashMap::new();
    let template = t["template"].as_str().unwrap();
    if let Some(rows) = t["active_disclosure"].as_object() {
        for (row, vals) in rows {
            let cols = active_cols(template, row);
            let vals = vals.as_array().unwrap();
            assert_eq!(vals.len(), cols.len(), "active_disclosure.{row}");
            for (c, v) in cols.iter().zip(vals) {
                out.insert(("active_disclosure".into(), row.clone(), c.to_string()), v.clone());
            }
        }
    }
    for part in ["requests", "outcomes"] {
        if let Some(rows) = t[part].as_object() {
            for (row, vals) in rows {
                for (c, v) in APPLICANTS.iter().zip(vals.as_array().unwrap()) {
                    out.insert(("applications".into(), row.clone(), c.to_string()), v.clone());
                }
            }
        }
    }
    if let Some(rl) = t["review_litigation"].as_array() {
        for (i, v) in rl.iter().enumerate() {
            let p = ogi::template::PROCEEDINGS[i / 5];
            let r = ogi::template::RESULTS[i % 5];
            out.insert(("review_litigation".into(), p.into(), r.into()), v.clone());
        }
    }
    out
}

fn matches(expected: &Value, value: Option<f64>, status: CellStatus) -> bool {
    match expected {
        Value::Null => status == CellStatus::Blank,
        Value::String(s) if s == "NA" => status == CellStatus::NotApplicable,
        Value::Number(n) => {
            matches!(status, CellStatus::Reported | CellStatus::Inferred)
                && value.is_some_and(|v| (v - n.as_f64().unwrap()).abs() <= 1e-6)
        }
        _ => false,
    }
}

/// Every problem with one document, as readable lines.
fn compare(doc: &Path, truth: &Value, o: &FileOutcome) -> Vec<String> {
    let mut bad = Vec::new();
    let name = doc.display();
    if o.agency.as_deref() != truth["agency"].as_str() {
        bad.push(format!("{name}: agency {:?}, expected {}", o.agency, truth["agency"]));
    }
    if o.year.map(i64::from) != truth["year"].as_i64() {
        bad.push(format!("{name}: year {:?}, expected {}", o.year, truth["year"]));
    }
    if Some(o.template) != truth["template"].as_str() {
        bad.push(format!(
            "{name}: template {}, expected {}",
            o.template, truth["template"]
        ));
    }
    let got: HashMap<Key, (Option<f64>, CellStatus)> = o
        .cells
        .iter()
        .map(|c| {
            (
                (c.table.as_str().to_string(), c.row.to_string(), c.col.to_string()),
                (c.value, c.status),
            )
        })
        .collect();
    let expected = truth_cells(truth);
    let mut keys: Vec<&Key> = expected.keys().collect();
    keys.sort();
    for k in keys {
        let e = &expected[k];
        match got.get(k) {
            None => bad.push(format!("{name}: {}/{}/{} missing, expected {e}", k.0, k.1, k.2)),
            Some(&(v, s)) if !matches(e, v, s) => {
                bad.push(format!("{name}: {}/{}/{} = {v:?} {s:?}, expected {e}", k.0, k.1, k.2))
            }
            _ => {}
        }
    }
    for k in got.keys().filter(|k| !expected.contains_key(*k)) {
        bad.push(format!("{name}: extra cell {}/{}/{}", k.0, k.1, k.2));
    }
    bad
}

fn fixtures(dir: &Path, out: &mut Vec<(PathBuf, PathBuf)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in &entries {
        if p.is_dir() {
            fixtures(p, out);
        } else if let Some(stem) = p.file_name().unwrap().to_str().unwrap().strip_suffix(".truth.json") {
            let doc = entries
                .iter()
                .find(|d| {
                    d.file_stem().and_then(|s| s.to_str()) == Some(stem) && !d.to_string_lossy().ends_with(".json")
                })
                .unwrap_or_else(|| panic!("{}: no document beside it", p.display()));
            out.push((doc.clone(), p.clone()));
        }
    }
}

#[test]
fn every_fixture_matches_its_truth() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases = Vec::new();
    fixtures(&root, &mut cases);
    assert!(cases.len() >= 5, "fixtures missing under {}", root.display());
    let mut bad = Vec::new();
    let mut cells = 0;
    for (doc, truth) in &cases {
        let bytes = std::fs::read(doc).unwrap();
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(truth).unwrap()).unwrap();
        let rel = doc.strip_prefix(&root).unwrap().to_string_lossy().into_owned();
        let o = ogi::process_bytes(&rel, &bytes, &ogi::Limits::default());
        cells += truth_cells(&truth).len();
        bad.extend(compare(doc.strip_prefix(&root).unwrap(), &truth, &o));
    }
    assert!(
        bad.is_empty(),
        "{} of {cells} cells or fields differ:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn seeds_have_990_cells() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut cases = Vec::new();
    fixtures(&root, &mut cases);
    let mut n = 0;
    for (doc, _) in &cases {
        let o = ogi::process_bytes("x.txt", &std::fs::read(doc).unwrap(), &ogi::Limits::default());
        assert_eq!(o.status, ogi::model::DocStatus::Ok, "{}", doc.display());
        n += o.cells.len();
    }
    assert_eq!(n, 990);
}
