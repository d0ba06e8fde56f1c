//! Property test: every fixture report, mutated the way dumps damage reports (cut short,
//! lines duplicated or dropped, cells swapped, whitespace shuffled), goes through the whole
//! per-file pipeline without a panic, and every number it emits as `reported` is printed
//! in the text it was given. (The fuzz target in `fuzz/` does the same on arbitrary bytes.)

use std::path::{Path, PathBuf};

use ogi::model::CellStatus;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Every report under tests/fixtures, decoded, with its file name.
fn fixtures() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "html" | "htm")) {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut paths,
    );
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let decoded = if name.ends_with(".txt") {
                ogi::decode::text(&bytes)
            } else {
                ogi::decode::html(&bytes)
            };
            (name, decoded.unwrap().text.into_owned())
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the text at this fraction (per mille) of its characters.
    Cut(u16),
    DuplicateLine(usize),
    DropLine(usize),
    /// In one line, swap two whitespace-separated cells.
    SwapCells(usize, usize, usize),
    /// Replace each run of whitespace in one line by one of these.
    ShuffleWhitespace(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0u16..1000).prop_map(Mutation::Cut),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::DropLine),
        (any::<usize>(), 0usize..12, 0usize..12).prop_map(|(l, a, b)| Mutation::SwapCells(l, a, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(l, s)| Mutation::ShuffleWhitespace(l, s)),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len();
    match *m {
        Mutation::Cut(per_mille) => {
            let chars = text.chars().count();
            return text.chars().take(chars * per_mille as usize / 1000).collect();
        }
        Mutation::DuplicateLine(i) => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Mutation::DropLine(i) => {
            lines.remove(i % n);
        }
        Mutation::SwapCells(i, a, b) => {
            let mut cells: Vec<&str> = lines[i % n].split_whitespace().collect();
            if !cells.is_empty() {
                let (a, b) = (a % cells.len(), b % cells.len());
                cells.swap(a, b);
                lines[i % n] = cells.join("\t");
            }
        }
        Mutation::ShuffleWhitespace(i, seed) => {
            const WS: [&str; 6] = [" ", "  ", "\t", "\u{3000}", "   \t", "\u{a0}"];
            let cells: Vec<&str> = lines[i % n].split_whitespace().collect();
            let mut out = String::new();
            for (k, c) in cells.iter().enumerate() {
                if k > 0 {
                    out.push_str(WS[(seed as usize + k * 7) % WS.len()]);
                }
                out.push_str(c);
            }
            lines[i % n] = out;
        }
    }
    lines.join("\n")
}

/// The form both sides are compared in: NFKC, no whitespace, no thousands separators, no
/// backslashes (a converter's Markdown escapes, `34\.0107万元`, are read as the characters
/// they escape).
fn squeeze(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '\\')
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn mutated_reports_never_panic_and_invent_no_numbers(
        pick in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        thread_local!(static FIXTURES: Vec<(String, String)> = fixtures());
        let (name, text) = FIXTURES.with(|f| f[pick % f.len()].clone());
        let mut mutated = text;
        for m in &mutations {
            mutated = apply(&mutated, m);
        }
        let o = ogi::process_bytes(&name, mutated.as_bytes(), &ogi::Limits::default());
        // The HTML page is compared as the cells it holds (tags between digits are gone).
        let is_html = name.ends_with("html") || name.ends_with("htm")
            || mutated.trim_start_matches('\u{feff}').trim_start().starts_with('<');
        // A report in traditional characters is read in simplified ones (its units too:
        // 萬元 is 万元).
        let mutated = ogi::hant::simplified(&mutated).unwrap_or(mutated);
        let haystack = if is_html {
            squeeze(&ogi::html::to_text(&mutated)) + &squeeze(&mutated)
        } else {
            squeeze(&mutated)
        };
        // (A cell a narrow table broke over two lines is printed as its two pieces, apart by
        // a line end: each is in the text.)
        for c in o.cells.iter().filter(|c| c.status == CellStatus::Reported) {
            for piece in c.raw.split('\n') {
                prop_assert!(
                    haystack.contains(&squeeze(piece)),
                    "{}: {} {} {:?} is not in the mutated text", name, c.row, c.col, c.raw
                );
            }
        }
    }
}
