//! Text lines → cells → tokens. A line is split into cells by tabs, by `|`/box-drawing
//! bars, or by runs of two or more spaces (text extracted from PDF); each cell becomes a
//! text token (label fragments, headers), one or more value tokens, or a blank. Tokens
//! borrow the document text and keep their line, so every value is traceable.

use super::numbers::{self, Number, Value};

/// One line of the decoded document, 1-based.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub no: u32,
    pub text: &'a str,
}

/// Splits text into lines (LF or CRLF; a lone CR too), numbered from 1.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            no: i as u32 + 1,
            text: l.trim_end_matches('\r'),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Label or header text.
    Text,
    /// A number or a not-applicable mark.
    Value(Value),
    /// An empty cell (only tab- or bar-separated lines have them).
    Blank,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: Kind,
    /// The text as printed (for values: the number with its unit).
    pub raw: &'a str,
    pub line: u32,
    /// Index of the cell within its line, and the number of cells of the line.
    pub cell: u16,
    pub line_cells: u16,
}

impl Token<'_> {
    pub fn is_value(&self) -> bool {
        matches!(self.kind, Kind::Value(_))
    }
}

/// A line made only of rule characters (`-----`, `═══`, `+---+`) separates rows; it holds
/// no cells.
pub fn is_rule(line: &str) -> bool {
    let mut dashes = 0;
    let mut max_run = 0;
    for c in line.chars() {
        match c {
            '-' | '=' | '─' | '━' | '═' | '—' | '_' | '－' => {
                dashes += 1;
                max_run = max_run.max(dashes);
            }
            '+' | '|' | '│' | '┃' | '┼' | '╋' | '├' | '┤' | '┌' | '┐' | '└' | '┘' | '┬' | '┴' | ':' | ' ' | '\t' => {
                dashes = 0
            }
            _ => return false,
        }
    }
    max_run >= 3
}

/// Splits one line into trimmed cells. Tabs win; then bars; then runs of 2+ spaces.
pub fn cells(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        return line.split('\t').map(str::trim).collect();
    }
    if line.contains(['|', '│', '┃']) {
        let mut v: Vec<&str> = line.split(['|', '│', '┃']).map(str::trim).collect();
        // Markdown and box tables open and close with a bar: drop those empty ends.
        if v.first() == Some(&"") {
            v.remove(0);
        }
        if v.last() == Some(&"") {
            v.pop();
        }
        return v;
    }
    split_spaces(line)
}

/// Splits on runs of two or more white-space characters (ideographic space included).
fn split_spaces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    let mut space_start = 0;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if spaces == 0 {
                space_start = i;
            }
            spaces += 1;
        } else {
            if spaces >= 2 || (spaces >= 1 && c != ' ' && line[space_start..i].contains('\u{3000}')) {
                if let Some(s) = start {
                    out.push(&line[s..space_start]);
                }
                start = None;
            }
            if start.is_none() {
                start = Some(i);
            }
            spaces = 0;
        }
    }
    if let Some(s) = start {
        let end = if spaces > 0 { space_start } else { line.len() };
        out.push(&line[s..end]);
    }
    out
}

/// Unit words that may stand apart from their number ("476.92 万元").
fn is_unit_word(w: &str) -> bool {
    matches!(w, "万元" | "元" | "件" | "个" | "项" | "条")
}

/// A cell's text may carry trailing numbers ("规章 0 0 0" from PDF text with single
/// spaces) only when the text part is label-like: short, and no sentence in it.
fn label_like(head: &str) -> bool {
    head.chars().count() <= 40 && !head.contains('。') && !head.contains('；')
}

/// Turns one cell into tokens, appending to `out`.
fn cell_tokens<'a>(cell: &'a str, line: u32, idx: u16, n: u16, out: &mut Vec<Token<'a>>) {
    let tok = |kind, raw| Token {
        kind,
        raw,
        line,
        cell: idx,
        line_cells: n,
    };
    if cell.is_empty() {
        out.push(tok(Kind::Blank, cell));
        return;
    }
    if numbers::is_not_applicable(cell) {
        out.push(tok(Kind::Value(Value::NotApplicable), cell));
        return;
    }
    if let Some(ns) = numbers::numbers(cell) {
        if ns.len() == 1 {
            out.push(tok(Kind::Value(Value::Number(ns[0])), cell));
            return;
        }
    }
    // Words with their byte offsets in the cell.
    let words: Vec<(usize, &str)> = cell
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - cell.as_ptr() as usize, w))
        .collect();
    // The longest suffix of words that are all numbers, units or not-applicable marks.
    let mut k = words.len();
    while k > 0 {
        let w = words[k - 1].1;
        let ok = numbers::numbers(w).is_some() || numbers::is_not_applicable(w) || (is_unit_word(w) && k >= 2);
        if !ok {
            break;
        }
        k -= 1;
    }
    // A unit word cannot start the suffix.
    while k < words.len() && is_unit_word(words[k].1) {
        k += 1;
    }
    if k == words.len() || (k > 0 && !label_like(cell[..words[k].0].trim_end())) {
        // No trailing values, or a sentence: one text cell. A cell of several glued
        // numbers with units ("1个246900元") is values.
        match numbers::numbers(cell) {
            Some(ns) if k == 0 || words.len() == 1 => {
                for n in ns {
                    out.push(tok(Kind::Value(Value::Number(n)), cell));
                }
            }
            _ => out.push(tok(Kind::Text, cell)),
        }
        return;
    }
    if k > 0 {
        out.push(tok(Kind::Text, cell[..words[k].0].trim_end()));
    }
    let mut i = k;
    while i < words.len() {
        let (off, w) = words[i];
        let mut end = off + w.len();
        if i + 1 < words.len() && is_unit_word(words[i + 1].1) && numbers::numbers(w).is_some() {
            end = words[i + 1].0 + words[i + 1].1.len();
            i += 1;
        }
        let raw = &cell[off..end];
        if numbers::is_not_applicable(raw) {
            out.push(tok(Kind::Value(Value::NotApplicable), raw));
        } else {
            for n in numbers::numbers(raw).unwrap_or_default() {
                out.push(tok(Kind::Value(Value::Number(n)), raw));
            }
        }
        i += 1;
    }
}

/// Tokens of a run of lines. Rule lines are dropped; blank lines give no tokens.
pub fn tokens<'a>(lines: &[Line<'a>]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    for l in lines {
        if l.text.trim().is_empty() || is_rule(l.text) {
            continue;
        }
        let cs = cells(l.text);
        let n = cs.len().min(u16::MAX as usize) as u16;
        for (i, c) in cs.iter().enumerate() {
            cell_tokens(c, l.no, i.min(u16::MAX as usize) as u16, n, &mut out);
        }
    }
    out
}

/// The number in a value token, if it is one.
pub fn number(t: &Token<'_>) -> Option<Number> {
    match t.kind {
        Kind::Value(Value::Number(n)) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<String> {
        tokens(&[Line { no: 1, text: line }])
            .iter()
            .map(|t| match &t.kind {
                Kind::Text => format!("T:{}", t.raw),
                Kind::Value(Value::Number(n)) => format!("V:{}", n.value),
                Kind::Value(Value::NotApplicable) => "NA".to_string(),
                Kind::Blank => "_".to_string(),
            })
            .collect()
    }

    #[test]
    fn cell_recovery_table() {
        let cases: &[(&str, &[&str])] = &[
            ("规章\t2\t2\t8", &["T:规章", "V:2", "V:2", "V:8"]),
            ("\t(一) 予以公开\t\t0", &["_", "T:(一) 予以公开", "_", "V:0"]),
            ("规章    0    0    0", &["T:规章", "V:0", "V:0", "V:0"]),
            ("规章 0 0 0", &["T:规章", "V:0", "V:0", "V:0"]),
            ("政府集中采购\t2\t476.92 万元", &["T:政府集中采购", "V:2", "V:476.92"]),
            ("| 行政许可 | 不涉及 | / | — |", &["T:行政许可", "NA", "NA", "NA"]),
            ("    结 果 维 持", &["T:结 果 维 持"]),
            (
                "2020年，我局没有因政府信息公开申请行政复议 3 件。",
                &["T:2020年，我局没有因政府信息公开申请行政复议 3 件。"],
            ),
            (
                "2020 年政府信息公开工作的年度报告",
                &["T:2020 年政府信息公开工作的年度报告"],
            ),
            ("1个246900元", &["V:1", "V:246900"]),
            ("行政许可\t20\t+17\t37", &["T:行政许可", "V:20", "V:17", "V:37"]),
            (
                "（三）不予公开　1．属于国家秘密　　５",
                &["T:（三）不予公开", "T:1．属于国家秘密", "V:5"],
            ),
        ];
        for (line, want) in cases {
            assert_eq!(kinds(line), *want, "{line:?}");
        }
    }

    #[test]
    fn rules_are_not_cells() {
        assert!(is_rule("-------------\t---\t---"));
        assert!(is_rule("+-----+-----+"));
        assert!(!is_rule("—"));
        assert!(kinds("|---|---|").is_empty());
    }
}
