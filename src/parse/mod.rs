//! Table regions → cells. The three tables are read from tokens (see `grid`), not from line
//! positions: label fragments accumulate until a run of values starts, the label names a
//! template row (`labels`), and the run's values are placed in the row's columns. When a
//! run has more or fewer values than the row has columns, every placement is scored with
//! the arithmetic identities (`crate::validate`); a placement they single out is used, and
//! where they cannot decide only the cells all good placements agree on are emitted, with
//! a warning.

mod glued;
pub mod grid;
pub mod labels;
pub mod numbers;
mod pages;
pub mod stated;

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::collections::VecDeque;

use crate::diag::{Code, Diagnostic};
use crate::model::{Cell, CellStatus};
use crate::template::{self, RowSpec, Table, Template};
use crate::validate::{self, Key};
pub use glued::run_head;
use glued::*;
use grid::{Kind, Line, Token};
use numbers::{Unit, Value};
pub use stated::Stated;

/// Cells and diagnostics of one table.
#[derive(Debug, Default)]
pub struct Extracted {
    pub cells: Vec<Cell>,
    pub diags: Vec<Diagnostic>,
    /// Rows whose runs split more than one way that fits (`FileOutcome::alternatives`).
    pub alternatives: Vec<crate::model::Alternatives>,
}

/// The form a document's text came in, which decides how far its layout can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Plain text: lines of cells separated by tabs, bars or runs of spaces.
    Text,
    /// A crawler dump whose cells ran together (digit runs are split).
    Glued,
    /// HTML table rows: every cell, empty ones included, is in its place.
    Html,
}

/// A run of values with the label before it.
#[derive(Debug)]
struct Run<'a> {
    label: String,
    label_line: u32,
    /// The line `label` starts on: `label_line`, or an earlier one when a heading's label
    /// was carried into it.
    first_line: u32,
    /// Where in `label` each of its lines after the first starts, and the line (empty when
    /// the label is on one line).
    breaks: Vec<(usize, u32)>,
    values: Vec<Token<'a>>,
    /// The money unit named by the last header seen before the run.
    header_unit: Option<Unit>,
    /// The line of a 法人或其他组织小计 cell taken out of `values` (one cell a line, its
    /// line still stands between its neighbours').
    subtotal_line: Option<u32>,
    /// The columns where the cell the row lacks may be, as bits, where its 小计 told
    /// ([`short_subtotal`]); None: any.
    gaps: Option<u8>,
}

impl<'a> Run<'a> {
    /// A run of `values` under `label`, on one line: a row's values cut from another run's.
    fn cut(label: String, line: u32, values: Vec<Token<'a>>, header_unit: Option<Unit>) -> Self {
        Run {
            label,
            label_line: line,
            first_line: line,
            breaks: Vec::new(),
            values,
            header_unit,
            subtotal_line: None,
            gaps: None,
        }
    }
}

/// A template row (index into its specs) with the run read for it.
type RowRun<'a> = (usize, Run<'a>);

/// The lines of a label looked at for rows printed without numbers, and the bytes of a
/// heading's label carried into the next run's: a table's header over one cell a line and
/// a few rows fit; a longer label is not a heading but text of another kind (a garbage
/// file's thousands of label lines must not be looked at again for every run).
const LABEL_LINES: usize = 32;
const CARRY_BYTES: usize = 1024;
/// The bytes of a label read for the row it names after an empty row's (the longest row
/// label of the templates is 38 characters, 114 bytes).
const HEAD_BYTES: usize = 384;

/// Room made at once for a run's label (most are shorter: a label grown a character at a
/// time would be copied several times) and values (a row of the widest table has seven).
const LABEL_BYTES: usize = 96;
/// The lines of a row's label looked at after its values (see `rejoin`): the longest label
/// of the templates wrapped two characters a line.
const WRAPPED_LINES: usize = 20;
const VALUES: usize = 8;

/// Line `no` of a table's `lines` (numbered one after the other).
fn line_text<'a>(lines: &[Line<'a>], no: u32) -> Option<&'a str> {
    let l = lines.get(no.checked_sub(lines.first()?.no)? as usize)?;
    (l.no == no).then_some(l.text)
}

/// The character column a token starts at in its line, where its text is the line's.
fn column(t: &Token<'_>, lines: &[Line<'_>]) -> Option<usize> {
    let text = line_text(lines, t.line)?;
    let at = (t.raw.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    if at + t.raw.len() > text.len() || !text.is_char_boundary(at) {
        return None;
    }
    Some(text[..at].chars().count())
}

/// The tokens of `tokens[start]`'s line, from it on (tokens are in line order).
fn line_span(tokens: &[Token<'_>], start: usize) -> std::ops::Range<usize> {
    let line = tokens[start].line;
    start..start + tokens[start..].iter().take_while(|t| t.line == line).count()
}

/// `tokens` without those `marked`.
fn remove_marked(tokens: &mut Vec<Token<'_>>, marked: &[bool]) {
    if marked.contains(&true) {
        let mut k = 0;
        tokens.retain(|_| {
            k += 1;
            !marked[k - 1]
        });
    }
}

/// A value's digits, full-width ones made ASCII, where it is a number of digits alone (a
/// piece of one a narrow cell broke over two lines may be).
fn digit_string(t: &Token<'_>) -> Option<String> {
    let d: String = t.raw.chars().map(numbers::halfwidth).collect();
    (matches!(t.kind, Kind::Value(Value::Number(_))) && !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        .then_some(d)
}

/// Takes out the pieces of a group's label that a PDF's text laid out with spaces puts
/// beside a narrow row label's, line by line (`（四   1.本   0   0 …` / `）无   机关` /
/// `法提   不掌` / `供    握相` / `     关政`: （四）无法提供 beside 1.本机关不掌握相关…; or
/// one space apart, `（四 1.本 …` / `）无 机关`, as pypdf's layout and PyMuPDF's sorted text
/// put them): read in order they run the two together, and no row's label is found. Where a
/// line of values has a piece of label before them that starts after another's (a cell, or
/// a word after a space) and a line after it (before the next line of values) has a piece in
/// that column, the pieces left of that column on those lines are the group's, taken out;
/// the row's then read as a label wrapped after its values (`rejoin`).
fn drop_group_fragments<'a>(tokens: &mut Vec<Token<'a>>, lines: &[Line<'_>]) {
    // Where each word of a token starts: (column, byte offset in its text).
    let words = |t: &Token<'_>| -> Vec<(usize, usize)> {
        let Some(c0) = column(t, lines) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut space = true;
        for (col, (at, ch)) in t.raw.char_indices().enumerate() {
            let white = ch.is_whitespace();
            if space && !white {
                out.push((c0 + col, at));
            }
            space = white;
        }
        out
    };
    let mut drop = vec![false; tokens.len()];
    let mut trim: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let line = tokens[i].line;
        let end = line_span(tokens, i).end;
        let first_value = tokens[i..end].iter().position(|t| t.kind != Kind::Text).map(|k| i + k);
        let here = i;
        i = end;
        let Some(v) = first_value else { continue };
        if v == here || tokens[v - 1].kind != Kind::Text {
            continue;
        }
        // (Looked at only where there can be two pieces: most rows' labels are one; and in
        // a text laid out with spaces: a line of cells apart by tabs or bars has its
        // group's label in a cell of its own.)
        let two_cells = v >= here + 2 && tokens[v - 2].kind == Kind::Text;
        if !two_cells && !tokens[v - 1].raw.trim().contains(char::is_whitespace) {
            continue;
        }
        if line_text(lines, line).is_some_and(|l| l.contains(['\t', '|', '│', '┃'])) {
            continue;
        }
        // The row's piece: the last cell of label, where another is before it, or its
        // second word, where it has two (not more: an OCR text spaces its words out).
        let last = words(&tokens[v - 1]);
        let (c, apart) = match last.as_slice() {
            [(c, _), ..] if two_cells => (*c, true),
            [_, (c, _)] => (*c, false),
            _ => continue,
        };
        // The lines of label after it, to the next line with a value.
        let after = end + tokens[end..].iter().take_while(|t| t.kind == Kind::Text).count();
        // (Not the next line of values' own pieces: it is looked at in its turn.)
        let next_line = tokens.get(after).map_or(u32::MAX, |t| t.line);
        let wrapped = tokens[end..after]
            .iter()
            .filter(|t| t.line < next_line)
            .any(|t| words(t).iter().any(|w| w.0.abs_diff(c) <= 1));
        if !wrapped {
            continue;
        }
        // (A line of one word in the column: the row's lines keep their place. Where none
        // does, a line of one word is the row's, wherever it starts: pdfplumber's text
        // drops the spaces a line starts with.)
        let indented = tokens[end..after]
            .iter()
            .filter(|t| t.line < next_line)
            .any(|t| matches!(words(t).as_slice(), [(col, _)] if col.abs_diff(c) <= 1));
        // Each piece that starts left of the column is the group's; but, one space apart,
        // one of two words whose second stands in the column: that word is the row's.
        let mut cut = |k: usize| {
            let w = words(&tokens[k]);
            let Some(&(first, _)) = w.first() else { return };
            if first + 1 >= c {
                return;
            }
            match w.as_slice() {
                [_, (col, at)] if col.abs_diff(c) <= 1 => trim.push((k, *at)),
                [.., (col, _)] if !apart && col + 1 >= c => {}
                [_] if !apart && !indented && k >= end => {}
                _ => drop[k] = true,
            }
        };
        let continued = (end..after).take_while(|&k| tokens[k].line < next_line);
        for k in (here..v).chain(continued) {
            cut(k);
        }
    }
    for (k, at) in trim {
        let t = &mut tokens[k];
        t.raw = &t.raw[at..];
    }
    remove_marked(tokens, &drop);
}

/// Numbers a narrow cell broke over two lines in a PDF's text laid out with spaces: a row's
/// numbers on one line, the pieces that wrapped on the next, each under its number's
/// column (`一、本年新收政府信 １５ １７ … ２３` / `息公开申请数量   ６   ２`: 156 and
/// 232), or in its number's cell (a box table's row of two lines, w3m's). Joined where each
/// piece stands under one number of a row of the applications table's (seven, or eight
/// with a 小计 at `subtotal`) and the row adds up joined, not without; where their places
/// tell nothing (one space between cells), where one way of giving one or two pieces to the
/// numbers, in order, makes it add up. Returns each join's line and its two pieces.
fn join_pieces_below<'a>(
    tokens: &mut Vec<Token<'a>>,
    lines: &[Line<'_>],
    subtotal: Option<usize>,
) -> Vec<(u32, &'a str, &'a str)> {
    let m = 7 + usize::from(subtotal.is_some());
    let mut out = Vec::new();
    let mut drop = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let line = tokens[start].line;
        let end = line_span(tokens, start).end;
        let (a, b) = (
            start..end,
            end..end + tokens[end..].iter().take_while(|t| t.line == line + 1).count(),
        );
        start = end;
        // (Counted first, and the row's sum, without allocating: most lines are no such
        // pair, a row that adds up as it stands the commonest.)
        let count = |r: std::ops::Range<usize>| r.filter(|&k| tokens[k].is_value()).count();
        if b.is_empty() || count(a.clone()) != m || count(b.clone()) == 0 {
            continue;
        }
        // (A 小计 before the organisations' columns or after them: the header's words may
        // have been broken, and the rows tell which later, `subtotal_by_rows`.)
        let adds_up = |v: &[f64]| match subtotal {
            None => numbers_add_up(v, None),
            Some(_) => numbers_add_up(v, Some(1)) || numbers_add_up(v, Some(6)),
        };
        // (`m` values on the line, counted above: each a number, or no such row.)
        let mut nums = [0.0; 8];
        let mut n = 0;
        let mut numbers = true;
        for k in a.clone() {
            match tokens[k].kind {
                Kind::Value(Value::Number(x)) if n < nums.len() => {
                    nums[n] = x.value;
                    n += 1;
                }
                Kind::Text | Kind::Blank => {}
                _ => numbers = false,
            }
        }
        if !numbers || n != m || adds_up(&nums[..m]) {
            continue;
        }
        let nums = nums[..m].to_vec();
        let values: Vec<usize> = a.clone().filter(|&k| tokens[k].is_value()).collect();
        // The next line: label text, then pieces, nothing else (but empty cells, on a line
        // of cells: a box table's row of two lines).
        let first_piece = b.clone().find(|&k| tokens[k].kind != Kind::Text).unwrap_or(b.end);
        let pieces: Vec<usize> = (first_piece..b.end)
            .filter(|&k| tokens[k].kind != Kind::Blank)
            .collect();
        if pieces.is_empty() || pieces.len() >= m || pieces.iter().any(|&k| digit_string(&tokens[k]).is_none()) {
            continue;
        }
        // A line of cells as many as the line above's: each piece in its number's cell.
        let gridded = (first_piece..b.end).any(|k| tokens[k].kind == Kind::Blank)
            && tokens[b.start].line_cells == tokens[a.start].line_cells;
        // Each piece under one number, a different one each.
        let span = |k: usize| column(&tokens[k], lines).map(|c| (c, c + tokens[k].raw.chars().count()));
        let mut under: Vec<(usize, usize)> = Vec::new();
        for &p in &pieces {
            let above: Vec<usize> = if gridded {
                (0..values.len())
                    .filter(|&i| tokens[values[i]].cell == tokens[p].cell)
                    .collect()
            } else {
                let Some((c, _)) = span(p).filter(|(c, e)| e > c) else {
                    break;
                };
                (0..values.len())
                    .filter(|&i| span(values[i]).is_some_and(|(c0, e0)| c + 1 >= c0 && c <= e0))
                    .collect()
            };
            match above.as_slice() {
                [i] if !under.iter().any(|u| u.0 == *i) => under.push((*i, p)),
                _ => break,
            }
        }
        let join = |under: &[(usize, usize)]| -> Vec<f64> {
            let mut joined = nums.clone();
            for &(i, p) in under {
                joined[i] = match (digit_string(&tokens[values[i]]), digit_string(&tokens[p])) {
                    (Some(x), Some(y)) if !x.starts_with('0') => format!("{x}{y}").parse::<f64>().unwrap_or(f64::NAN),
                    _ => f64::NAN,
                };
            }
            joined
        };
        // Where the pieces' places tell nothing (a text that keeps one space between
        // cells, pdfplumber's: the row's numbers one space apart): the one way of giving one
        // or two pieces, in order, to the numbers above with which the row adds up.
        let single_spaced = || {
            let text = line_text(lines, line).unwrap_or("");
            let from = (tokens[values[0]].raw.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            text.get(from..).is_some_and(|rest| !rest.contains("  "))
        };
        if under.len() != pieces.len() && !gridded && pieces.len() <= 2 && single_spaced() {
            let n = values.len();
            let (p0, p1) = (pieces[0], pieces.get(1).copied());
            let ways: Vec<Vec<(usize, usize)>> = match p1 {
                None => (0..n).map(|i| vec![(i, p0)]).collect(),
                Some(p1) => (0..n)
                    .flat_map(|i| (i + 1..n).map(move |j| vec![(i, p0), (j, p1)]))
                    .collect(),
            };
            let fit: Vec<&Vec<(usize, usize)>> = ways.iter().filter(|w| adds_up(&join(w))).collect();
            if let [one] = fit.as_slice() {
                under = one.to_vec();
            }
        }
        if under.len() != pieces.len() {
            continue;
        }
        let joined = join(&under);
        if !adds_up(&joined) {
            continue;
        }
        for &(i, p) in &under {
            let t = &mut tokens[values[i]];
            t.kind = Kind::Value(Value::Number(numbers::Number {
                value: joined[i],
                unit: None,
                signed: false,
            }));
            drop[p] = true;
            out.push((t.line, t.raw, tokens[p].raw));
        }
    }
    remove_marked(tokens, &drop);
    out
}

/// An amount a narrow cell broke over two lines in a PDF's text laid out with spaces: a
/// row's last value with no unit, and on the next line, alone and under it, the rest of its
/// digits with the unit (`政府集中采购    ２１        ７６１．２８７` / `２万元`: 761.2872万元).
/// Joined where the two read as one number. Returns each join's line and its two pieces.
fn join_amounts_below<'a>(tokens: &mut Vec<Token<'a>>, lines: &[Line<'_>]) -> Vec<(u32, &'a str, &'a str)> {
    let mut out = Vec::new();
    let mut drop = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let line = tokens[start].line;
        let end = line_span(tokens, start).end;
        let below = end..end + tokens[end..].iter().take_while(|t| t.line == line + 1).count();
        let here = start;
        start = end;
        let (Some(a), true) = (end.checked_sub(1), below.len() == 1) else {
            continue;
        };
        let p = below.start;
        let unit = |t: &Token<'_>| match t.kind {
            Kind::Value(Value::Number(n)) if !n.signed => Some(n.unit),
            _ => None,
        };
        let (Some(None), Some(Some(_))) = (unit(&tokens[a]), unit(&tokens[p])) else {
            continue;
        };
        if tokens[here].kind != Kind::Text {
            continue;
        }
        let (Some(c0), Some(c)) = (column(&tokens[a], lines), column(&tokens[p], lines)) else {
            continue;
        };
        if c + 1 < c0 || c > c0 + tokens[a].raw.chars().count() {
            continue;
        }
        let Some(n) = numbers::number(&format!("{}{}", tokens[a].raw, tokens[p].raw)) else {
            continue;
        };
        tokens[a].kind = Kind::Value(Value::Number(n));
        drop[p] = true;
        out.push((line, tokens[a].raw, tokens[p].raw));
    }
    remove_marked(tokens, &drop);
    out
}

/// The digits and decimal point a row's label ends with (`行政事业性收费87070.`, a cell
/// `87070.` whose other digits a PDF's text put in the next cell or lost), if it does: no
/// row's label ends so, and the number is not read (a point ends no number).
fn number_cut_off(label: &str) -> Option<&str> {
    let head = label.strip_suffix('.')?;
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0).then(|| &label[label.len() - digits - 1..])
}

/// Splits tokens into label+values runs.
fn runs<'a>(tokens: &[Token<'a>]) -> Vec<Run<'a>> {
    let mut out = Vec::new();
    let mut label = String::with_capacity(LABEL_BYTES);
    let mut label_line = 0;
    let mut breaks = Vec::new();
    let mut header_unit = None;
    let mut current: Option<Run<'a>> = None;
    let mut text_line = 0;
    for t in tokens {
        match t.kind {
            Kind::Text => {
                if let Some(r) = current.take() {
                    out.push(r);
                }
                if let Some(u) = numbers::header_unit(t.raw) {
                    header_unit = Some(u);
                }
                if label.is_empty() {
                    label_line = t.line;
                    breaks.clear();
                } else if t.line != text_line && label_line != 0 {
                    breaks.push((label.len(), t.line));
                }
                text_line = t.line;
                labels::push_normalized(&mut label, t.raw);
            }
            // An empty cell of a grid line holds its column's place after a label or a value;
            // elsewhere (under a merged label cell) it holds nothing.
            Kind::Blank => {
                // Or, a line's only cell, it holds its place among a row's cells one a line
                // (`821 |`, `|`, `2 |`: a page's cells put into text one a line).
                let on_line = current.as_ref().is_some_and(|r| {
                    r.values
                        .last()
                        .is_some_and(|v: &Token<'_>| v.line == t.line || (t.line_cells == 1 && v.line + 1 == t.line))
                });
                let after_label = text_line == t.line || (t.line_cells == 1 && text_line + 1 == t.line);
                if on_line || (current.is_none() && !label.is_empty() && after_label) {
                    let r = current.get_or_insert_with(|| Run {
                        label: std::mem::replace(&mut label, String::with_capacity(LABEL_BYTES)),
                        label_line,
                        first_line: label_line,
                        breaks: std::mem::take(&mut breaks),
                        values: Vec::with_capacity(VALUES),
                        header_unit,
                        subtotal_line: None,
                        gaps: None,
                    });
                    r.values.push(t.clone());
                    label_line = 0;
                }
            }
            Kind::Value(_) | Kind::Run => {
                let line = if label_line == 0 { t.line } else { label_line };
                let r = current.get_or_insert_with(|| Run {
                    label: std::mem::replace(&mut label, String::with_capacity(LABEL_BYTES)),
                    label_line: line,
                    first_line: line,
                    breaks: std::mem::take(&mut breaks),
                    values: Vec::with_capacity(VALUES),
                    header_unit,
                    subtotal_line: None,
                    gaps: None,
                });
                r.values.push(t.clone());
                label_line = 0;
            }
        }
    }
    out.extend(current);
    out
}

/// A row whose label was broken over lines with its values after the first part (text
/// extracted from a PDF or read by OCR puts a wrapped cell's numbers on its first line):
/// the other parts start the next run's label, on lines of their own. When `run`'s label
/// names no row but with the first of those lines (or the first few) it does, and the next
/// run's label without them names another row or opens with an item's number, the lines go
/// to `run`; the row `run` names is returned.
fn rejoin(run: &mut Run<'_>, next: &mut Run<'_>, specs: &[RowSpec], filled: &[bool], cursor: usize) -> Option<usize> {
    let apart = next.values.first().is_some_and(|v| v.line > next.label_line);
    if run.label.is_empty() || !apart {
        return None;
    }
    // The fewest lines that do: a label wrapped over several (a narrow cell read by OCR,
    // `4.保护` / `第三` / `方合` / `法权` / `益` / `5.属于 3 0 …`).
    let (head, i) = next.breaks.iter().take(WRAPPED_LINES).find_map(|&(head, _)| {
        let joined = [run.label.as_str(), &next.label[..head]].concat();
        let i = labels::match_row(&joined, specs, filled, cursor)?;
        let mut after = filled.to_vec();
        after[i] = true;
        // (Row `i` is filled in `after`: the rest names another row or none.) Or the rest
        // opens the next item (`5.要求行政机关确认`, its label wrapped too, its words after).
        let rest = &next.label[head..];
        let fits = labels::match_row(rest, specs, &after, i + 1).is_some() || opens_item(rest);
        fits.then_some((head, i))
    })?;
    run.label.push_str(&next.label[..head]);
    cut_label(next, head);
    Some(i)
}

/// Whether a row's first value stands between its label's lines and the rest after them,
/// as a PDF's text gives a Word table's row whose label its cell wraps (`一、本年新收政府
/// 信息公开申请数` / `151` / `量` / `3` / `0` …, or the value on the label's first line,
/// `一、本年新收政府信 14` / `息公开申请数量` / `1` …): `run` has that one value, `next` the
/// label's last lines (from the line after the value's or the next) and the
/// rest; joined, they name a row with a value for each of its columns (and its 小计, where
/// the table has one, at `subtotal`), the row each of them names alone if any. Returns how
/// many values the row takes.
fn value_between_label_lines(
    run: &Run<'_>,
    next: &Run<'_>,
    specs: &[RowSpec],
    filled: &[bool],
    cursor: usize,
    subtotal: Option<usize>,
) -> Option<usize> {
    let [value] = run.values.as_slice() else {
        return None;
    };
    // (Not a row's label of its own: an item's or a section's number opens it, `（二）`,
    // `四、结转下年度继续办理`.)
    let section = {
        let mut cs = next.label.chars();
        matches!((cs.next(), cs.next()), (Some(c), Some('、' | '.')) if "一二三四五六七八九十".contains(c))
    };
    let short = next.label.chars().count() <= 20 && !opens_item(&next.label) && !section;
    if !short || value.line < run.label_line || next.label_line <= value.line || next.label_line > value.line + 2 {
        return None;
    }
    if next.values.first().is_none_or(|v| v.line <= next.label_line) {
        return None;
    }
    let joined = [run.label.as_str(), &next.label].concat();
    let i = labels::match_row(&joined, specs, filled, cursor)?;
    let alone = |label: &str| labels::match_row(label, specs, filled, cursor).is_none_or(|j| j == i);
    let m = specs[i].cols.len() + usize::from(subtotal.is_some());
    if m < 2 || 1 + next.values.len() < m || !alone(&run.label) || !alone(&next.label) {
        return None;
    }
    // (A label's last lines, several: only after a first line that names no row alone,
    // `3.危 0` / `及“三` / `安全` / `一稳` / `定”`; an OCR text's lines of a label cut two
    // characters a line come after the row's numbers, `rejoin`'s.)
    if !next.breaks.is_empty() && labels::match_row(&run.label, specs, filled, cursor).is_some() {
        return None;
    }
    // (Nor a line that opens the next item, `6.属于 2`.)
    if next.breaks.iter().any(|&(at, _)| opens_item(&next.label[at..])) {
        return None;
    }
    // A value or two more: the row's, numbers a narrow cell broke over two lines among
    // them (`join_wrapped`), or the next row's where the row's add up without them.
    let n = 1 + next.values.len();
    if n == m {
        return Some(m);
    }
    let first: Option<Vec<f64>> = std::iter::once(value)
        .chain(&next.values[..m - 1])
        .map(|t| grid::number(t).map(|n| n.value))
        .collect();
    if first.is_some_and(|v| numbers_add_up(&v, subtotal)) {
        Some(m)
    } else {
        (n <= m + 2).then_some(n)
    }
}

/// Whether a piece of a header line opens with a column's header word `w`, or with its other
/// form: 合计 for 总计 (the column's other name), 其它 for 其他 (the other spelling).
fn opens_with_word(piece: &str, w: &str) -> bool {
    let other = match w {
        "总计" => "合计",
        "其他" => "其它",
        w => w,
    };
    piece.starts_with(w) || piece.starts_with(other)
}

/// Whether a normalised label opens with an item's number (`5.`, `5、`, `(六)`).
fn opens_item(label: &str) -> bool {
    let digits = label.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return label[digits..].starts_with(['.', '、']);
    }
    label.strip_prefix('(').is_some_and(|r| {
        let rest = r.trim_start_matches(|c| "一二三四五六七八九十".contains(c));
        rest.len() < r.len() && rest.starts_with(')')
    })
}

/// A line of `run`'s label that names the row expected next by itself while the lines
/// after it name a later row: a row printed without values (a label on a line of its own,
/// as text extracted from a PDF or one cell a line holds an empty row), whose label must
/// not take the next row's numbers. The label up to the end of that line is cut off; the
/// row it names and its line are returned. Only the label's first lines are looked at (a
/// table's header and a few rows, [`LABEL_LINES`]).
fn empty_row_before(run: &mut Run<'_>, specs: &[RowSpec], filled: &[bool], cursor: usize) -> Option<(usize, u32)> {
    let mut start = (0, run.first_line);
    for k in 0..run.breaks.len().min(LABEL_LINES) {
        crate::budget::step();
        let (end, next_line) = run.breaks[k];
        // The first line that names the row: the row's own label, or no empty row.
        if let Some(i) = labels::names_next(&run.label[start.0..end], specs, filled, cursor) {
            if !names_a_later_row(&run.label[end..], i, specs, filled) {
                return None;
            }
            cut_label(run, end);
            return Some((i, start.1));
        }
        start = (end, next_line);
    }
    None
}

/// In a crawler dump, the row expected next printed without numbers: its label runs into
/// the next row's (`规章规范性文件898989`). When the label names that row and what follows
/// the row's keyword names the row expected after it, the label is cut after the keyword;
/// the row is returned. (Every run of a crawler dump is tried: the row after is the only
/// one looked for.)
fn glued_empty_row(run: &mut Run<'_>, specs: &[RowSpec], filled: &[bool], cursor: usize) -> Option<usize> {
    let i = labels::expected(filled, cursor)?;
    let end = specs[i]
        .keywords
        .iter()
        .filter_map(|k| run.label.find(k).map(|p| p + k.len()))
        .min()?;
    labels::names_next(&run.label[end..], specs, filled, i + 1)?;
    cut_label(run, end);
    Some(i)
}

/// Drops the first `end` bytes of `run`'s label, and the line breaks within them.
fn cut_label(run: &mut Run<'_>, end: usize) {
    run.label.drain(..end);
    let gone = run.breaks.iter().take_while(|b| b.0 <= end).count();
    if let Some(&(_, line)) = run.breaks[..gone].last() {
        run.first_line = line;
        run.label_line = run.label_line.max(line);
    }
    run.breaks.drain(..gone);
    run.breaks.iter_mut().for_each(|b| b.0 -= end);
}

/// Where the applicant columns' header words start in a label after a row's label
/// (`一、本年新收政府信息公开申请数量自然人法人或其他组织总计商业企业…`): two of the words
/// or more after it, the label before them not empty (the first row's, 本年新收…: the
/// caller's).
fn header_after_label(label: &str) -> Option<usize> {
    const WORDS: [&str; 6] = ["自然", "法人或其他组织", "商业企", "科研机", "社会公", "法律服"];
    let at = WORDS.iter().filter_map(|w| label.find(w)).min()?;
    let after = &label[at..];
    (at > 0 && WORDS.iter().filter(|w| after.contains(*w)).count() >= 2).then_some(at)
}

/// Whether the next of `runs` with values, or with a label that names a row, names a row
/// after row `i` by its label alone (runs of empty cells before it whose label names no row
/// are headings: `第二十条第（九）项\t\t\t`).
fn next_row_is_later(runs: &VecDeque<Run<'_>>, i: usize, specs: &[RowSpec], filled: &[bool]) -> bool {
    for r in runs.iter().take(4) {
        if names_a_later_row(&r.label, i, specs, filled) {
            return true;
        }
        if r.values.iter().any(|t| t.kind != Kind::Blank) || labels::match_row(&r.label, specs, filled, i).is_some() {
            return false;
        }
    }
    false
}

/// Whether `label` by itself names a row after row `i` that is still to be found. Only its
/// head is read ([`HEAD_BYTES`]): the row a label names follows it closely.
fn names_a_later_row(label: &str, i: usize, specs: &[RowSpec], filled: &[bool]) -> bool {
    let label = &label[..label.floor_char_boundary(HEAD_BYTES)];
    let mut after = filled.to_vec();
    after[i] = true;
    labels::match_row(label, specs, &after, i + 1).is_some_and(|j| j > i)
}

/// Extracts a labelled table (active disclosure or applications) from the lines of its
/// region. `first_line` is the heading's line, recorded for cells with no line of their own.
pub fn labelled(
    table: Table,
    template: Template,
    lines: &[Line<'_>],
    first_line: u32,
    form: Form,
    stated: &Stated<'_>,
) -> Extracted {
    let specs = template::rows(table, template);
    let mut tokens = grid::tokens(lines, form == Form::Glued);
    // Numbers broken over two lines in a narrow cell, joined: (line, first piece, second).
    let mut wrapped: Vec<(u32, &str, &str)> = Vec::new();
    // (Amounts: the piece with the unit under one without.)
    let mut amounts: Vec<(u32, &str, &str)> = Vec::new();
    // Only the applications table has a subtotal column (a value more a row).
    let subtotal_at = if table == Table::Applications {
        subtotal_position(&tokens)
    } else {
        None
    };
    if form == Form::Text && table == Table::Applications {
        wrapped = join_pieces_below(&mut tokens, lines, subtotal_at);
        drop_group_fragments(&mut tokens, lines);
    } else if form == Form::Text && table == Table::ActiveDisclosure {
        amounts = join_amounts_below(&mut tokens, lines);
    }
    let mut ex = Extracted {
        cells: Vec::with_capacity(template::cell_count(table, template)),
        diags: Vec::new(),
        alternatives: Vec::new(),
    };
    let mut filled = vec![false; specs.len()];
    let mut cursor = 0;
    let mut hits: Vec<(usize, Run)> = Vec::with_capacity(specs.len());
    // The label of a row of empty cells that names no template row (a group heading such
    // as （三）不予公开 on a row of its own) leads the next row's label.
    let mut carry: Option<Run> = None;
    // The rows read as printed without values, and their label's line.
    let mut printed_empty: Vec<(usize, u32)> = Vec::new();
    let mut all: VecDeque<Run> = runs(&tokens).into();
    while let Some(mut run) = all.pop_front() {
        crate::budget::step();
        if let Some(mut c) = carry.take() {
            // The carried label's lines, then the run's, each where it starts.
            let at = c.label.len();
            c.breaks.push((at, run.label_line));
            c.breaks.extend(run.breaks.iter().map(|&(b, line)| (b + at, line)));
            run.breaks = c.breaks;
            run.label = c.label + &run.label;
            run.first_line = c.first_line;
        }
        if form == Form::Text && table == Table::Applications {
            if let Some(next) = all.front() {
                if let Some(m) = value_between_label_lines(&run, next, specs, &filled, cursor, subtotal_at) {
                    let mut next = all.pop_front().expect("the front run");
                    let at = run.label.len();
                    run.breaks.push((at, next.label_line));
                    run.label.push_str(&next.label);
                    // (Values after the row's: the next row's, its label elsewhere.)
                    let more = next.values.split_off(m - 1);
                    run.values.extend(next.values);
                    if let Some(first) = more.first() {
                        let line = first.line;
                        all.push_front(Run::cut(String::new(), line, more, next.header_unit));
                    }
                }
            }
        }
        // A row's label with the header's words after it (a PDF's text prints the first
        // row's label, the cell beside the header's, before the header: `一、本年新收政府` /
        // `信息公开申请数量 自然` / `人 法人或其他组织 总计 商业` / … / `其他 小计` / `138 …`):
        // the row's, without the header's words (`总计` names the last row).
        if table == Table::Applications && form == Form::Text {
            // (`企`, of 商业企业, is in no row's label.)
            if let Some(at) = run
                .label
                .contains('企')
                .then(|| header_after_label(&run.label))
                .flatten()
                .filter(|&at| run.label[..at].contains("新收"))
            {
                run.label.truncate(at);
                run.breaks.retain(|b| b.0 < at);
            }
        }
        // Rows whose labels stand before this run's own, each by itself.
        let mut empties: Vec<(usize, u32)> = Vec::new();
        loop {
            let (i, line) = if let Some(found) = empty_row_before(&mut run, specs, &filled, cursor) {
                found
            } else if form == Form::Glued {
                let line = run.label_line;
                match glued_empty_row(&mut run, specs, &filled, cursor) {
                    Some(i) => (i, line),
                    None => break,
                }
            } else {
                break;
            };
            filled[i] = true;
            cursor = i + 1;
            empties.push((i, line));
        }
        let blank = run.values.iter().all(|t| t.kind == Kind::Blank);
        let row = labels::match_row(&run.label, specs, &filled, cursor);
        // A row of empty cells is a row in an HTML table when its cells line up with the
        // row's columns; in text when it has a cell for each column, the label's line with
        // them names the row, and the next label names a later row by itself (a row left
        // empty, `7. 属于行政执法案卷\t\t\t…`: its label must not take the next row's
        // numbers). Otherwise (a header cell followed by a stray tab) its label leads the
        // next row's.
        let row = row.filter(|&i| {
            let m = specs[i].cols.len();
            let n = run.values.len();
            !blank
                || if form == Form::Html {
                    (m..=m + 1).contains(&n)
                } else {
                    let last = run.breaks.last().map_or(0, |b| b.0);
                    n >= m
                        && labels::match_row(&run.label[last..], specs, &filled, cursor) == Some(i)
                        && next_row_is_later(&all, i, specs, &filled)
                }
        });
        // Or the row its label names with the next run's first line (see `rejoin`).
        let row = match row {
            None if !blank => all
                .front_mut()
                .and_then(|next| rejoin(&mut run, next, specs, &filled, cursor)),
            row => row,
        };
        // The rows whose labels came first: each takes its own values where the run holds
        // a row of values for each of them and its own, each adding up (a PDF's text that
        // reads a band of rows' labels before their numbers, `（一）予以公开` / `（二）部分公开…`
        // / `20` / `9` / … sixteen numbers); else their cells were printed empty (a crawler
        // keeps every character of a cell; a PDF's text, every character on the line):
        // blank, as an HTML table's empty cells are.
        let rows = empties.len() + 1;
        let split = !empties.is_empty()
            && row.is_some()
            && table == Table::Applications
            && form == Form::Text
            && run.values.len() >= 14
            && rows_add_up(&run.values, rows, subtotal_at);
        if split {
            let m = run.values.len() / rows;
            let mut values = std::mem::take(&mut run.values).into_iter();
            for &(i, line) in &empties {
                let own = Run::cut(
                    specs[i].label.to_string(),
                    line,
                    values.by_ref().take(m).collect(),
                    run.header_unit,
                );
                hits.push((i, own));
            }
            run.values = values.collect();
            let keys: Vec<&str> = empties.iter().map(|&(i, _)| specs[i].key).collect();
            ex.diags.push(Diagnostic::info(
                Code::MissingValues,
                Some(run.label_line),
                format!(
                    "{}: the labels of row(s) {} stand before row {}'s, and {} rows of {m} values after them, each adding up: each row took its own, in order",
                    table.as_str(),
                    keys.join(", "),
                    row.map_or("", |i| specs[i].key),
                    rows
                ),
            ));
        } else {
            printed_empty.extend_from_slice(&empties);
            for &(i, line) in &empties {
                ex.cells.extend(
                    specs[i]
                        .cols
                        .iter()
                        .map(|&col| Cell::blank(table, specs[i].key, col, line)),
                );
                ex.diags.push(Diagnostic::warning(
                    Code::MissingValues,
                    Some(line),
                    format!(
                        "{}: row {} ({}) is printed without values (its label is followed by the next row's): its cells are blank",
                        table.as_str(),
                        specs[i].key,
                        specs[i].label
                    ),
                ));
            }
        }
        match row {
            Some(i) => {
                filled[i] = true;
                cursor = i + 1;
                hits.push((i, run));
            }
            None if blank && run.label.len() <= CARRY_BYTES => carry = Some(run),
            None if blank => {}
            None => ex.diags.push(Diagnostic::warning(
                Code::UnknownRow,
                Some(run.label_line),
                format!(
                    "{}: {} value(s) after label {:?} match no row of the {} template; they were not used",
                    table.as_str(),
                    run.values.len(),
                    shorten(&run.label),
                    template.as_str()
                ),
            )),
        }
    }
    if table == Table::Applications && form == Form::Text && hits.iter().any(|(_, r)| r.values.len() >= 14) {
        values_of_rows_after(specs, &tokens, &printed_empty, &mut filled, &mut hits, &mut ex);
    }
    if table == Table::ActiveDisclosure && form == Form::Text && !printed_empty.is_empty() {
        items_of_rows_after(specs, &printed_empty, &mut hits, &mut ex);
    }
    // More unknown labelled rows than template rows, and most template rows absent: another
    // table (the statistics table of reports before 2019) under a familiar heading. Its
    // numbers are not read. (Extra rows some agencies add to a complete table are only
    // reported as UNKNOWN_ROW.)
    let unknown = ex.diags.iter().filter(|d| d.code == Code::UnknownRow).count();
    if unknown > hits.len() && hits.len() * 2 < specs.len() {
        ex.diags.push(Diagnostic::warning(
            Code::TableMissing,
            Some(first_line),
            format!(
                "{}: {} labelled rows match no row of the {} template and only {} do: this is not the template's table, so it was not read",
                table.as_str(),
                unknown,
                template.as_str(),
                hits.len()
            ),
        ));
        // (Nor the rows printed without values found on the way: no cell of it is read.)
        ex.cells.clear();
        return ex;
    }
    // Bars that end each cell (`规章 | 0 | 0 | 0 |`, a page's table put into text): a row's
    // empty cells after its columns are the bars a converter pads a short row with to the
    // table's widest (`（二）部分公开 | 3 | | | | | | | |`), and those that make up its columns
    // its own. Likewise rows framed by bars so padded (`| 行政许可 | 1300 | ||`).
    let terminated = form == Form::Text && grid::bars_terminate_cells(lines);
    let framed = form == Form::Text && !terminated && grid::bars_pad_framed_rows(lines);
    let padded = terminated || framed;
    // The columns rows print beyond their template's (a 小计).
    let extra = usize::from(subtotal_at.is_some());
    if padded {
        for (i, r) in hits.iter_mut() {
            // (After the empty cells before its values: a label's own padding; a framed
            // row's merged label is padded after it, its empty cells first are its own.)
            let lead = if framed {
                0
            } else {
                r.values.iter().take_while(|t| t.kind == Kind::Blank).count()
            };
            let m = specs[*i].cols.len() + extra + lead;
            while r.values.len() > m && r.values.last().is_some_and(|t| t.kind == Kind::Blank) {
                r.values.pop();
            }
        }
    }
    // (Looked at only when some row could use it: one of its columns' count of cells, the
    // first empty.)
    let own_blanks = hits.iter().any(|(i, r)| {
        r.values.len() == specs[*i].cols.len() + extra && r.values.first().is_some_and(|t| t.kind == Kind::Blank)
    }) && values_follow_labels(&hits, specs, form, extra);
    // Rows of eight cells whose eighth is empty in every one, under a header that names no
    // 小计: a word processor's spare column after the table's, their seventh the 总计 (a row
    // whose 自然人 is 0 makes that 总计 the organisations' sum, as a 小计 would be), where
    // each row's seventh, printed, is its first six's sum, and either no row opens with an
    // empty cell (but rows of empty cells) or some row's non-zero 总计 adds up so: a row
    // that opens with an empty cell before six zeros may have its label's merged cell there
    // (seed 003's `（一）予以公开 |  | 0 | 0 | 0 | 0 | 0 | 0 |  |`), its 总计 the last.
    let spare = table == Table::Applications && subtotal_at.is_none() && {
        let eight: Vec<&[Token<'_>]> = hits
            .iter()
            .filter(|(i, r)| r.values.len() == specs[*i].cols.len() + 1)
            .map(|(_, r)| r.values.as_slice())
            .collect();
        let blank = |t: &Token<'_>| t.kind == Kind::Blank;
        // (`&v[..7]`: the row's seven cells before the spare one, the 总计 last.)
        !eight.is_empty()
            && eight
                .iter()
                .all(|v| v.last().is_some_and(blank) && (blank(&v[6]) || adds_up(&v[..7])))
            && (eight.iter().any(|v| sums_to_total(&v[..7]))
                || eight.iter().all(|v| !blank(&v[0]) || v.iter().all(blank)))
    };
    if spare {
        // (Each row's spare cell dropped: a row of empty cells is then its seven.)
        for (i, r) in hits.iter_mut() {
            if r.values.len() == specs[*i].cols.len() + 1 {
                r.values.pop();
            }
        }
    }
    let subtotal_rows = if table == Table::Applications && !spare {
        subtotal_by_rows(&hits, specs)
    } else {
        None
    };
    // A header's 小计 placed by its words, against the rows that add up with it only at the
    // other place: the header's words were broken (a PDF's text, `商业企` / `业`, before
    // `其他 小计`), the rows are right.
    let subtotal_at = match (subtotal_at, subtotal_rows) {
        (Some(h), Some(r)) if h != r => Some(r),
        (at, _) => at,
    };
    let trailing_own = hits
        .iter()
        .any(|(i, r)| r.values.len() >= specs[*i].cols.len() && r.values.last().is_some_and(|t| t.kind == Kind::Blank))
        && (padded || lines_end_at_last_column(&hits, specs, form, extra));
    // Rows a converter spread to the table's width, a merged cell's other places empty
    // (`| 一、本年新收… |  |  | 821 |  | 2 |`, trafilatura), or wrote a label's merged cell
    // as empty cells after it (`| 一、本年新收… | | | 14 | 1 |`, markdownify; Pandoc's grid
    // tables): a row's values are its last cells, an empty one among them its own (a zero
    // left empty), where the table's rows end with their last column.
    let right_aligned = form == Form::Text && values_end_rows(&hits, lines);
    // A PDF's text with its layout kept: the columns' places on the lines, read off the
    // values page by page or where the rows' values stand under the header's words.
    // (Looked for only where a row has fewer values than columns.)
    let short =
        |(i, r): &(usize, Run<'_>)| r.values.iter().filter(|t| t.is_value()).count() < specs[*i].cols.len() + extra;
    let layout = if table == Table::Applications && form == Form::Text && hits.iter().any(short) {
        // The columns the values themselves and the identities tell first; then the header's
        // words, where the values stand under them; then the values' columns the header's
        // words tell apart.
        let values = (extra == 0)
            .then(|| Layout::of_values(lines, &hits, specs, &filled, template))
            .flatten();
        match values {
            Some(l) if l.pages.as_ref().is_some_and(|p| !p.by_header) => Some(l),
            values => Layout::of(lines, &hits, extra == 1).or(values),
        }
    } else {
        None
    };
    if let Some(Layout {
        pages: Some(pages::Pages { by_header: true, .. }),
        ..
    }) = &layout
    {
        ex.diags.push(Diagnostic::warning(
            Code::AmbiguousRow,
            Some(first_line),
            "applications: the columns the values stand in were told apart by the header's words: the identities hold whichever of the columns no value of the table stands in are taken to be empty, so they do not check which".to_string(),
        ));
    }
    if let (Table::Applications, Some(p)) = (table, subtotal_at) {
        cut_with_subtotal(specs, &mut hits, p);
    }
    // Rows whose values fit their columns exactly first, so identities can place the rest.
    hits.sort_by_key(|(i, r)| (r.values.len() != specs[*i].cols.len(), *i));
    // Rows still to place after the ones read by position.
    let mut pending: Vec<RowRun> = Vec::with_capacity(hits.len());
    for (i, mut run) in hits {
        let spec = &specs[i];
        if let Some(piece) = number_cut_off(&run.label) {
            ex.diags.push(Diagnostic::warning(
                Code::InvalidValue,
                Some(run.label_line),
                format!(
                    "{}: row {} ({}): {piece:?} before its values reads as a number cut off at its decimal point (its cell broken, a digit lost?): not read",
                    table.as_str(),
                    spec.key,
                    spec.label
                ),
            ));
        }
        let m = spec.cols.len() + extra;
        let n = run.values.len();
        let spread = right_aligned
            && n >= m
            && run.values[..n - m].iter().all(|t| t.kind == Kind::Blank)
            && run.values.iter().all(|t| t.kind != Kind::Run);
        if spread {
            run.values.drain(..run.values.len() - m);
        } else if form != Form::Html {
            spare_stacked_blanks(&mut run, m);
        }
        if table == Table::Applications && form == Form::Text && !spare {
            let subtotal = if extra == 1 {
                subtotal_at.or(subtotal_rows)
            } else {
                None
            };
            if extra == 0 || subtotal.is_some() {
                wrapped.extend(join_wrapped(&mut run.values, subtotal));
            }
        }
        if table == Table::Applications && !spare {
            if let Some(p) = subtotal_at.or(subtotal_rows) {
                short_subtotal(spec, &mut run, p, &mut ex);
            }
            drop_subtotal(spec, &mut run, subtotal_at, subtotal_rows, &mut ex);
        }
        if spread && run.values.len() == spec.cols.len() {
            by_position(table, spec, &run, &mut ex);
            continue;
        }
        if positional(table, spec, &mut run, form, own_blanks, trailing_own, &mut ex) {
            continue;
        }
        run.values.retain(|t| t.kind != Kind::Blank);
        if let Some(layout) = &layout {
            if layout.place(table, spec, &run, lines, &mut ex) {
                continue;
            }
        }
        if form == Form::Glued && run.values.len() < spec.cols.len() {
            // A crawler dump's short number may still be several cells (规章1411 = 14|1|1;
            // in full-width digits too).
            for t in run.values.iter_mut() {
                let digits = t
                    .raw
                    .chars()
                    .filter(|&c| numbers::halfwidth(c).is_ascii_digit())
                    .count();
                if t.kind != Kind::Run && digits > 1 {
                    t.kind = Kind::Run;
                }
            }
        }
        if run.values.is_empty() {
            ex.diags.push(Diagnostic::warning(
                Code::MissingValues,
                Some(run.label_line),
                format!(
                    "{}: row {} ({}) has no values, and its empty cells do not line up with its {} columns",
                    table.as_str(),
                    spec.key,
                    spec.label,
                    spec.cols.len()
                ),
            ));
        } else {
            pending.push((i, run));
        }
    }
    // Rows are placed one after the other, each scored with the rows placed before it. When
    // a row had to be placed by score (a count that is off), the rows are placed again, each
    // scored with every other row of the previous pass, until nothing changes: the column
    // identities then decide what one row's identities could not. Rows whose digits ran
    // together are split last, all together.
    let (glued_rows, plain): (Vec<RowRun>, Vec<RowRun>) = pending
        .into_iter()
        .partition(|(_, r)| r.values.iter().any(|t| t.kind == Kind::Run));
    let fixed = ex;
    let mut previous: Option<Vec<Cell>> = None;
    let mut ex;
    let mut pass = 0;
    loop {
        // Room for the table's cells at once: they are pushed one by one, and a cell is
        // large enough that regrowing the vector cost as much as the copies.
        let mut cells = Vec::with_capacity(fixed.cells.len().max(template::cell_count(table, template)));
        cells.extend_from_slice(&fixed.cells);
        ex = Extracted {
            cells,
            diags: fixed.diags.clone(),
            alternatives: Vec::new(),
        };
        for (i, run) in &plain {
            place(table, template, &specs[*i], run, previous.as_deref(), &mut ex);
        }
        pass += 1;
        let scored = plain.iter().any(|(i, r)| r.values.len() != specs[*i].cols.len());
        if !scored || pass == 4 || previous.as_ref() == Some(&ex.cells) {
            break;
        }
        previous = Some(ex.cells.clone());
    }
    if !glued_rows.is_empty() {
        joint_glued(table, template, specs, &glued_rows, stated, &mut ex);
    }
    for (i, spec) in specs.iter().enumerate() {
        if !filled[i] {
            ex.diags.push(Diagnostic::warning(
                Code::RowMissing,
                Some(first_line),
                format!("{}: row {} ({}) was not found", table.as_str(), spec.key, spec.label),
            ));
        }
    }
    if table == Table::Applications {
        totals_printed_empty(&mut ex);
    }
    // A number broken over two lines is printed as both its pieces.
    let why = |(line, first, second)| (line, first, second, "the only reading with which the row adds up");
    let amount = |(line, first, second)| (line, first, second, "the second with the unit the first lacks");
    for (line, first, second, reason) in wrapped.into_iter().map(why).chain(amounts.into_iter().map(amount)) {
        if let Some(c) = ex.cells.iter_mut().find(|c| c.line == line && c.raw == first) {
            c.raw = format!("{first}\n{second}").into();
            ex.diags.push(Diagnostic::info(
                Code::ExtraValues,
                Some(line),
                format!(
                    "{}: row {} column {}: {first:?} and {second:?} on the next line are one number broken over two lines (a narrow cell), {reason}",
                    table.as_str(),
                    c.row,
                    c.col
                ),
            ));
        }
    }
    // One table's cells: by table, then order, is by order.
    sort_in_order(&mut ex.cells, |_| template);
    unitless_procurement(&mut ex);
    ex
}

/// Outcome rows that each lack their 总计 alone, in a text that keeps no empty cells (a
/// PDF's text, a cell a line): a report that leaves the 总计 column of its outcome rows
/// empty prints them so (real/013's eleven rows), and a 总计 printed and lost is one
/// row's at most; so where two rows or more lack theirs, the 总计 the identities gave each
/// (`place`) are blank, with a warning that says what they would be.
fn totals_printed_empty(ex: &mut Extracted) {
    let outcome = |row: &str| row != "total" && !template::STAGES.contains(&row);
    let lacking: Vec<usize> = ex
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == CellStatus::Inferred && c.col == "total" && outcome(c.row))
        // (Every other cell of the row read as printed: not a row whose values were
        // placed by no identity, an OCR text's that lost a cell anywhere.)
        .filter(|(_, c)| {
            ex.cells
                .iter()
                .filter(|o| o.row == c.row && o.status == CellStatus::Reported)
                .count()
                == template::APPLICANTS.len() - 1
        })
        .map(|(i, _)| i)
        .collect();
    if lacking.len() < 2 {
        return;
    }
    let mut said = Vec::with_capacity(lacking.len());
    for &i in &lacking {
        let c = &mut ex.cells[i];
        said.push(format!("{} {}", c.row, c.value.unwrap_or(f64::NAN)));
        *c = Cell::blank(c.table, c.row, c.col, c.line);
    }
    ex.diags.push(Diagnostic::warning(
        Code::MissingValues,
        Some(ex.cells[lacking[0]].line),
        format!(
            "applications: {} outcome rows lack their 总计 alone, as a table that leaves the 总计 of its outcome rows empty prints them: blank, not the sums the identities give ({})",
            lacking.len(),
            said.join(", ")
        ),
    ));
}

/// A procurement amount printed with no unit in its cell or header was read as 万元
/// (`UNIT_ASSUMED`); where its projects are known, it is read in the unit that makes the
/// amount per project the more plausible (`unitless_per_project`, which takes 万元 only when
/// it is the more plausible by a decade): `18 | 4253521.20` is 4253521.20 元 (236,000 元 a
/// project), not 万元 (2.4 亿 a project); `3 | 12.5` stays 万元. The diagnostic says which,
/// as a warning when 元 was taken.
fn unitless_procurement(ex: &mut Extracted) {
    let (table, key) = (Table::ActiveDisclosure, "centralized_procurement");
    let value = |col: &str| ex.cells.iter().position(|c| c.row == key && c.col == col);
    let (Some(p), Some(a)) = (value("projects"), value("amount")) else {
        return;
    };
    let raw = ex.cells[a].raw.as_str();
    let assumed = unit_assumed(table, key, "amount", raw, "万元");
    let Some(d) = ex
        .diags
        .iter()
        .position(|d| d.code == Code::UnitAssumed && d.message == assumed)
    else {
        return;
    };
    let (Some(n), Some(wan)) = (ex.cells[p].value, ex.cells[a].value) else {
        return;
    };
    if n <= 0.0 || wan <= 0.0 || !unitless_per_project(n, wan).1 {
        return;
    }
    let yuan = format!(
        "元: {n} project(s) of {} 万元 each would be implausible",
        twelve_digits(wan / n)
    );
    let d = &mut ex.diags[d];
    d.severity = crate::diag::Severity::Warning;
    d.message = unit_assumed(table, key, "amount", raw, &yuan);
    ex.cells[a].value = Some(wan / 10_000.0);
}

/// The message of `UNIT_ASSUMED` for `raw`, read as `read_as`.
fn unit_assumed(table: Table, key: &str, col: &str, raw: &str, read_as: &str) -> String {
    format!(
        "{}: {key} {col} = {raw:?} has no unit in the cell or header; read as {read_as}",
        table.as_str()
    )
}

/// A number as a message shows it: amounts converted to 万元 carry the conversion's binary
/// noise (658.6650099999999), shown to twelve significant digits (a yuan amount's cents
/// are the sixth decimal).
fn twelve_digits(x: f64) -> String {
    let digits = if x.abs() >= 1.0 {
        x.abs().log10().floor() as usize + 1
    } else {
        1
    };
    let s = format!("{x:.*}", 12usize.saturating_sub(digits));
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// How far, in decades, the amount per project (`wan` 万元 over `n` projects) is from a
/// typical one (2×10⁵ 元: the middle of the real reports' 2×10³ to 7×10⁵).
fn per_project(n: f64, wan: f64) -> f64 {
    ((wan * 10_000.0 / n).log10() - 5.3).abs()
}

/// How far the amount per project is from typical (`per_project`) for an amount printed
/// with no unit, read as `number` 万元 or as `number` 元, whichever is nearer, and whether
/// that is 元. A report that counts in 万元 says so (the header's 单位：万元, the cell's
/// 万元); the amounts left without a unit in the reports read were 元 (10669053 for 41
/// projects, 78407 for 9, 4253521.20 for 18): 万元 is taken only when it is nearer by
/// more than a decade.
fn unitless_per_project(n: f64, number: f64) -> (f64, bool) {
    let (wan, yuan) = (per_project(n, number) + 1.0, per_project(n, number / 10_000.0));
    if yuan <= wan {
        (yuan, true)
    } else {
        (wan, false)
    }
}

/// Reads a row with empty cells by position when its cells, empty ones included, line up
/// with the row's columns: an empty cell is a `blank` cell, not a gap to fill. In an HTML
/// table every `<td>` is a cell, so only empty cells before the values (under a merged
/// label) are dropped. In text, tabs and bars before and after the values are layout
/// (`规章\t\t0\t0\t0\t`), so only empty cells between values count, unless the row has no
/// value at all and a cell for each column, or its first empty cell is its own (where
/// [`values_follow_labels`], an applications row that adds up with it). Returns false when
/// the row is not such a grid row.
fn positional(
    table: Table,
    spec: &RowSpec,
    run: &mut Run<'_>,
    form: Form,
    own_blanks: bool,
    trailing_own: bool,
    ex: &mut Extracted,
) -> bool {
    let m = spec.cols.len();
    if !run.values.iter().any(|t| t.kind == Kind::Blank) {
        return false;
    }
    if form == Form::Html {
        while run.values.len() > m && run.values[0].kind == Kind::Blank {
            run.values.remove(0);
        }
        // An empty column after the table's (a word processor's): a cell to spare at the end.
        while run.values.len() > m && run.values.last().is_some_and(|t| t.kind == Kind::Blank) {
            run.values.pop();
        }
    } else if stacked(run, m) {
        // One cell a line, an empty one printed as such (`|`, a page's cells put into text
        // one a line): each is a cell; the empty cells on the label's line are its padding.
        let pad = padding(run);
        run.values.drain(..pad);
    } else if run.values.iter().all(|t| t.kind == Kind::Blank) {
        // A row left empty: every cell is blank, whichever of its tabs are layout.
        if run.values.len() < m {
            return false;
        }
        run.values.truncate(m);
    } else {
        let lead = run.values.iter().take_while(|t| t.kind == Kind::Blank).count();
        // In a table whose values start after the label, an applications row of exactly its
        // seven cells, the first empty, whose non-zero 总计 is the sum of the other six
        // (empty cells as 0): the empty cell is the row's own (`4. 保护…\t\t1\t…\t1`).
        // Likewise two or more empty cells first in a row whose last cell adds up the others
        // (a report that leaves its zeros empty, `（一）予以公开 | | | | | | | 0 |`).
        let blanks = run.values.iter().filter(|t| t.kind == Kind::Blank).count();
        let own = own_blanks
            && table == Table::Applications
            && run.values.len() == m
            && ((lead == 1 && sums_to_total(&run.values)) || (lead >= 2 && blanks >= 2 && adds_up(&run.values)));
        if !own {
            run.values.drain(..lead);
            // Empty cells after the values are the row's own when they make up its columns
            // exactly in a table whose lines end at their last column (a blank 总计 in
            // `1.属于国家秘密\t14\t\t\t\t\t\t`); else layout.
            if !(trailing_own && run.values.len() == m) {
                while run.values.last().is_some_and(|t| t.kind == Kind::Blank) {
                    run.values.pop();
                }
            }
        }
        if !run.values.iter().any(|t| t.kind == Kind::Blank) {
            return false;
        }
    }
    let line = run.values[0].line;
    let one_per_cell = run.values.windows(2).all(|w| w[0].cell < w[1].cell);
    let one_line = one_per_cell && run.values.iter().all(|t| t.line == line);
    if run.values.len() != m || !(one_line || stacked(run, m)) || run.values.iter().any(|t| t.kind == Kind::Run) {
        return false;
    }
    by_position(table, spec, run, ex);
    true
}

/// A row's cells, its values in its columns' order, an empty one blank.
fn by_position(table: Table, spec: &RowSpec, run: &Run<'_>, ex: &mut Extracted) {
    for (c, tok) in run.values.iter().enumerate() {
        let cell = if tok.kind == Kind::Blank {
            Cell::blank(table, spec.key, spec.cols[c], tok.line)
        } else {
            value_cell(table, spec, c, tok, run.header_unit, &mut ex.diags)
        };
        ex.cells.push(cell);
    }
}

/// The places of the applications table's columns in a text that keeps a page's layout
/// with spaces (a PDF's text extracted with its layout, `pdftotext -layout`, pdfplumber's
/// `layout=True`), where a cell printed empty is no cell of its line but the place under
/// its column's header stays empty: the center of each column's header word, in
/// characters from the line's start; a 法人或其他组织小计 column's between 其他 and 总计.
struct Layout {
    centers: Vec<f64>,
    subtotal: bool,
    /// The columns read off the values page by page ([`pages::columns`]); None where the
    /// header's words place them.
    pages: Option<pages::Pages>,
}

impl Layout {
    /// The header's words, each at the start of a piece of its line: the seven columns'
    /// in order (总计 or 合计, 其他 or 其它), a 小计's before 总计 where the table has one.
    /// A word broken over lines (`商业企` / `业`) is placed by its first line.
    const WORDS: [&'static str; 8] = ["自然人", "商业", "科研", "社会", "法律", "其他", "小计", "总计"];

    /// The columns' places where the header before the table's first values names each column
    /// once, left to right, apart by two characters at least, and nine in ten of the rows'
    /// values (twenty at least) stand within two characters of one of them.
    fn of(lines: &[Line<'_>], hits: &[(usize, Run<'_>)], subtotal: bool) -> Option<Layout> {
        let centers = Self::header(lines, hits, subtotal)?;
        let layout = Layout {
            centers,
            subtotal,
            pages: None,
        };
        let values = hits.iter().flat_map(|(_, r)| &r.values).filter(|t| t.is_value());
        let count = values.clone().count();
        // (Given up at the first value past the one in ten that may stand elsewhere.)
        let mut astray = 0;
        for t in values {
            astray += usize::from(under(&layout.centers, t, lines).is_none());
            if astray * 10 > count {
                return None;
            }
        }
        (count >= 20).then_some(layout)
    }

    /// The centers of the header's words before the table's first values, where it names
    /// each column once, left to right, apart by two characters at least.
    fn header(lines: &[Line<'_>], hits: &[(usize, Run<'_>)], subtotal: bool) -> Option<Vec<f64>> {
        let first = hits
            .iter()
            .filter_map(|(_, r)| r.values.first())
            .map(|t| t.line)
            .min()?;
        let words: Vec<&str> = Self::WORDS
            .iter()
            .copied()
            .filter(|w| subtotal || *w != "小计")
            .collect();
        let mut centers = vec![None; words.len()];
        for (center, piece) in header_pieces(lines, first)? {
            for (k, w) in words.iter().enumerate() {
                if centers[k].is_none() && opens_with_word(piece, w) {
                    centers[k] = Some(center);
                }
            }
        }
        let centers: Vec<f64> = centers.into_iter().collect::<Option<_>>()?;
        if centers.windows(2).any(|w| w[1] - w[0] < 2.0) {
            return None;
        }
        Some(centers)
    }

    /// The columns read off the rows' values page by page, where the header's words do not
    /// line up with them (a table without a 小计 column): see [`pages::columns`].
    fn of_values(
        lines: &[Line<'_>],
        hits: &[(usize, Run<'_>)],
        specs: &[RowSpec],
        found: &[bool],
        template: Template,
    ) -> Option<Layout> {
        let header = Self::header(lines, hits, false);
        let pages = pages::columns(lines, hits, specs, found, template, header.as_deref())?;
        Some(Layout {
            centers: vec![f64::NAN; 7],
            subtotal: false,
            pages: Some(pages),
        })
    }

    /// The columns' centers on the page of `line`.
    fn centers_at(&self, line: u32) -> &[f64] {
        self.pages.as_ref().map_or(&self.centers, |p| p.at(line))
    }

    /// Reads a row with fewer values than columns by the places of its values: each under
    /// its own column, left to right, the other cells blank. Where the row's 总计 stands,
    /// it must be the sum of the others, and a 小计 the sum of the five organisations' (it
    /// is then dropped); where the 总计 is blank, nothing checks the places: a warning says
    /// so.
    fn place(&self, table: Table, spec: &RowSpec, run: &Run<'_>, lines: &[Line<'_>], ex: &mut Extracted) -> bool {
        let n = self.centers.len();
        let m = spec.cols.len();
        if m != 7 || run.values.is_empty() || run.values.len() >= n || run.values.iter().any(|t| !t.is_value()) {
            return false;
        }
        let mut at = vec![None; n];
        let mut last = None;
        for (k, t) in run.values.iter().enumerate() {
            let Some(c) = under(self.centers_at(t.line), t, lines) else {
                return false;
            };
            if last.is_some_and(|l| l >= c) {
                return false;
            }
            last = Some(c);
            at[c] = Some(k);
        }
        // An empty place counts 0, as an empty cell does.
        let number = |c: usize| at[c].map_or(Some(0.0), |k| summand(&run.values[k]));
        let adds_up = |total: usize, parts: std::ops::Range<usize>| {
            let sum: Option<f64> = parts.map(number).sum();
            sum.zip(number(total)).is_some_and(|(s, t)| validate::close(s, t))
        };
        let checked = at[n - 1].is_some();
        if checked && !adds_up(n - 1, 0..6) {
            return false;
        }
        if self.subtotal {
            if let Some(k) = at[6] {
                if !adds_up(6, 1..6) {
                    return false;
                }
                ex.diags.push(Diagnostic::info(
                    Code::Subtotal,
                    Some(run.values[k].line),
                    format!(
                        "applications: row {} has a 法人或其他组织小计 column ({:?}); it was checked and not emitted",
                        spec.key, run.values[k].raw
                    ),
                ));
            }
        }
        // The template's columns: the 小计's place left out.
        let cols = (0..6).chain([n - 1]);
        for (c, place) in cols.enumerate() {
            let cell = match at[place] {
                Some(k) => value_cell(table, spec, c, &run.values[k], run.header_unit, &mut ex.diags),
                None => Cell::blank(table, spec.key, spec.cols[c], run.values[0].line),
            };
            ex.cells.push(cell);
        }
        let msg = format!(
            "{}: row {} ({}) has {} values, fewer than its {} columns; each was read under the column its place on the line stands under{}, the others blank",
            table.as_str(),
            spec.key,
            spec.label,
            run.values.len(),
            n,
            if self.pages.is_some() {
                " (the columns' places read off the values of its page)"
            } else {
                ""
            }
        );
        ex.diags.push(if checked {
            Diagnostic::info(
                Code::MissingValues,
                Some(run.label_line),
                format!("{msg} (the row adds up)"),
            )
        } else {
            Diagnostic::warning(
                Code::MissingValues,
                Some(run.label_line),
                format!("{msg}; its 总计 is blank, so nothing checks the places"),
            )
        });
        true
    }
}

/// The header whose center (`centers`, in characters) a value stands under: within two
/// characters of the value's center, and nearer it than any other by one; None on a line
/// with tabs (its places are no layout's).
fn under(centers: &[f64], t: &Token<'_>, lines: &[Line<'_>]) -> Option<usize> {
    let center = center(t, lines)?;
    // The nearest header and the distance to the next nearest.
    let (mut best, mut near, mut next) = (0, f64::INFINITY, f64::INFINITY);
    for (k, c) in centers.iter().enumerate() {
        let d = (c - center).abs();
        if d < near {
            (best, near, next) = (k, d, near);
        } else if d < next {
            next = d;
        }
    }
    (near <= 2.0 && next - near >= 1.0).then_some(best)
}

/// A value's center on its line, in characters from the line's start; None on a line with
/// tabs (its places are no layout's).
fn center(t: &Token<'_>, lines: &[Line<'_>]) -> Option<f64> {
    if line_text(lines, t.line)?.contains('\t') {
        return None;
    }
    Some(column(t, lines)? as f64 + t.raw.chars().count() as f64 / 2.0)
}

/// The review table's row in a text that keeps a page's layout (see [`Layout`]) with
/// empty cells left out: its values, one line of them, fewer than fifteen, each under one
/// of the fifteen results' header words (结果维持, 结果纠正, 其他结果, 尚未审结, 总计, each
/// maybe broken over lines and placed by its first piece), left to right; each cell in its
/// column, the others blank. Where a proceeding's 总计 stands it must be the sum of its
/// four results. Returns the cells' tokens and whether a 总计 checked them.
fn review_by_layout<'t, 'a>(
    lines: &[Line<'_>],
    tokens: &'t [Token<'a>],
    width: usize,
) -> Option<(Vec<Option<&'t Token<'a>>>, bool)> {
    let values: Vec<&Token<'a>> = tokens.iter().filter(|t| t.is_value() || t.kind == Kind::Run).collect();
    let line = values.first()?.line;
    if values.len() >= width
        || values.iter().any(|t| !t.is_value() || t.line != line)
        || tokens.iter().any(|t| t.line >= line && !t.is_value())
    {
        return None;
    }
    let mut centers: Vec<f64> = header_pieces(lines, line)?
        .filter(|(_, piece)| {
            ["结果", "其他", "尚未", "总计"]
                .iter()
                .any(|w| opens_with_word(piece, w))
        })
        .map(|(center, _)| center)
        .collect();
    centers.sort_by(f64::total_cmp);
    centers.dedup_by(|a, b| (*a - *b).abs() <= 1.0);
    if centers.len() != width || centers.windows(2).any(|w| w[1] - w[0] < 2.0) {
        return None;
    }
    let mut cells = vec![None; width];
    let mut last = None;
    for t in values {
        let c = under(&centers, t, lines)?;
        if last.is_some_and(|l| l >= c) {
            return None;
        }
        last = Some(c);
        cells[c] = Some(t);
    }
    let number = |t: Option<&Token<'_>>| t.map_or(Some(0.0), summand);
    let mut checked = false;
    for g in cells.chunks(5) {
        if g[4].is_some() {
            let sum: Option<f64> = g[..4].iter().map(|t| number(*t)).sum();
            if !sum.zip(number(g[4])).is_some_and(|(s, t)| validate::close(s, t)) {
                return None;
            }
            checked = true;
        }
    }
    Some((cells, checked))
}

/// The pieces of the header lines before line `before` of a text that keeps a page's
/// layout, each with its center in characters; None where one of them has a tab (its places
/// are no layout's).
fn header_pieces<'l>(lines: &'l [Line<'_>], before: u32) -> Option<impl Iterator<Item = (f64, &'l str)> + 'l> {
    let head = &lines[..lines.iter().take_while(|l| l.no < before).count()];
    if head.iter().any(|l| l.text.contains('\t')) {
        return None;
    }
    Some(
        head.iter()
            .flat_map(|l| pieces(l.text))
            .map(|(at, piece)| (at as f64 + piece.chars().count() as f64 / 2.0, piece)),
    )
}

/// The pieces of a line apart by white space, each with its place in characters.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = 0;
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let c = rest.chars().next()?;
        if c.is_whitespace() {
            chars += 1;
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (piece, after) = rest.split_at(end);
        let at = chars;
        chars += piece.chars().count();
        rest = after;
        return Some((at, piece));
    })
}

/// Whether a table's rows end with their last column: five rows at least, each on one
/// line that opens with a bar, nearly all ending with a value, the 总计 (not a column of
/// empty cells after the table's, `| … | 0 |  |`, whose rows' empty cells may be cells the
/// text lost).
fn values_end_rows(hits: &[(usize, Run<'_>)], lines: &[Line<'_>]) -> bool {
    let (mut rows, mut ended) = (0, 0);
    for (_, run) in hits {
        let Some(first) = run.values.first() else { continue };
        ended += usize::from(run.values.last().is_some_and(|t| t.kind != Kind::Blank));
        let opens = lines
            .binary_search_by_key(&first.line, |l| l.no)
            .is_ok_and(|k| lines[k].text.trim_start().starts_with('|'));
        if !opens || run.values.iter().any(|t| t.line != first.line) {
            return false;
        }
        rows += 1;
    }
    rows >= 5 && ended * 10 >= rows * 9
}

/// A row one cell a line with empty cells after its `m`, a line each (the places a merged
/// label cell takes in the rows below it, as docx2txt writes a word processor's table):
/// those are the next rows' layout, and are taken out where the row's own `m` are one a
/// line ([`stacked`]).
fn spare_stacked_blanks(run: &mut Run<'_>, m: usize) {
    let pad = padding(run);
    if run.values.len() > pad + m
        && run.values[pad + m..]
            .iter()
            .all(|t| t.kind == Kind::Blank && t.line_cells == 1)
    {
        let spare = run.values.split_off(pad + m);
        if !stacked(run, m) {
            run.values.extend(spare);
        }
    }
}

/// Whether a text row's values after its [`padding`] are one cell a line, on lines one
/// after another, exactly its `m` columns: an empty cell among them was printed (a line of
/// its own), not left out, so the row reads by position.
fn stacked(run: &Run<'_>, m: usize) -> bool {
    let pad = padding(run);
    let mut v = run.values[pad..].iter();
    let Some(first) = v.next() else { return false };
    // Right after the label's last line (an empty cell on the line after it is the row's,
    // not one of the next row's run on).
    let label_end = run.breaks.last().map_or(run.label_line, |b| b.1);
    let before = pad.checked_sub(1).map_or(label_end, |p| run.values[p].line);
    let mut line = first.line;
    let mut n = 1;
    // Nor may it be empty, but in a row left empty or one whose empty cells stand for its
    // zeros (two or more, its last cell the sum of the others): the empty cell after a label
    // may be layout (a merged label's column, `2.重复申请\t\t0\t0…` with a value left out),
    // as on a line of cells.
    let cells = &run.values[pad..];
    let blanks = cells.iter().filter(|t| t.kind == Kind::Blank).count();
    let empty = first.kind == Kind::Blank && blanks < cells.len() && (blanks < 2 || !adds_up(cells));
    // The next line, or the one after a 小计 cell's taken out.
    let follows =
        |line: u32, t: &Token<'_>| t.line == line + 1 || (run.subtotal_line == Some(line + 1) && t.line == line + 2);
    if first.line_cells != 1 || !follows(before, first) || empty {
        return false;
    }
    for t in v {
        if t.line_cells != 1 || !follows(line, t) {
            return false;
        }
        line = t.line;
        n += 1;
    }
    n == m
}

/// The empty cells a row's values start with on lines of more cells than one (a label's
/// line, `（一）予以公开 ||`).
fn padding(run: &Run<'_>) -> usize {
    run.values
        .iter()
        .take_while(|t| t.kind == Kind::Blank && t.line_cells > 1)
        .count()
}

/// A row that took the values of the rows after it (a PDF's text that reads a band of rows'
/// numbers before the next rows' labels: `8.属于行政查询事项` / sixteen numbers / `1.本机关不
/// 掌握…` / `2.没有现成信息…` / its numbers): where its values are a row of numbers for it
/// and each of the next rows, each adding up, and those rows were read as printed without
/// values or not found, each of them takes its own, in the template's order. A row whose
/// label was not found at all gets them with a warning.
fn values_of_rows_after<'a>(
    specs: &[RowSpec],
    tokens: &[Token<'a>],
    printed_empty: &[(usize, u32)],
    filled: &mut [bool],
    hits: &mut Vec<RowRun<'a>>,
    ex: &mut Extracted,
) {
    let subtotal = subtotal_position(tokens);
    let m = 7 + usize::from(subtotal.is_some());
    let mut taken: Vec<RowRun<'a>> = Vec::new();
    for (i, run) in hits.iter_mut() {
        // Each row's values: `m` each, or (where they do not add up so) as many as make a
        // row that adds up, numbers a narrow cell broke over two lines joined (`join_wrapped`).
        let Some(bounds) = band_rows(&run.values, m, subtotal) else {
            continue;
        };
        let k = bounds.len();
        let end = bounds[k - 1].end;
        // (Values after the rows' that make no row: a later row's, the rest of it printed
        // elsewhere; left unused, said so, where three rows or more of them add up, or two
        // not both all zeros.)
        let spare = run.values.len() - end;
        let totals = || bounds.iter().map(|r| run.values[r.end - 1].clone());
        let some_nonzero = || totals().any(|t| summand(&t).is_some_and(|t| t != 0.0));
        if spare != 0 && k < 3 && !some_nonzero() || *i + k > specs.len() {
            continue;
        }
        // Each next row: read as printed empty (its line), or not found (None).
        let next: Option<Vec<Option<u32>>> = (*i + 1..*i + k)
            .map(|j| match printed_empty.iter().find(|e| e.0 == j) {
                Some(&(_, line)) => Some(Some(line)),
                None if !filled[j] => Some(None),
                None => None,
            })
            .collect();
        let Some(next) = next else { continue };
        // (A row whose label was not found gets values only where each row of them has a
        // 总计 other than 0, or where its label stands after them, as a PDF's text puts the
        // labels of a band of rows' it broke over lines: rows of zeros add up whatever they
        // are, as a text that reads a table a column at a time gives them, its labels
        // before.)
        let unseen = next.iter().any(Option::is_none);
        let nonzero = || totals().all(|t| summand(&t).is_some_and(|t| t != 0.0));
        let last = run.values[end - 1].line;
        let labels_after = || {
            next.iter().zip(*i + 1..).all(|(line, j)| {
                line.is_some() || label_after(&specs[j], tokens, last) || names_in_wrap(run, &specs[j])
            })
        };
        if unseen && !nonzero() && !labels_after() {
            continue;
        }
        if spare != 0 {
            let left: Vec<&str> = run.values[end..].iter().map(|t| t.raw).collect();
            ex.diags.push(Diagnostic::warning(
                Code::ExtraValues,
                run.values.get(end).map(|t| t.line),
                format!(
                    "applications: the {spare} value(s) [{}] after the {k} rows of numbers that follow row {}'s label make no row of their own; they were not used",
                    left.join(" "),
                    specs[*i].key
                ),
            ));
            run.values.truncate(end);
        }
        let rest = run.values.split_off(bounds[0].end);
        let first = bounds[0].end;
        for (d, (line, range)) in next.iter().zip(&bounds[1..]).enumerate() {
            let chunk = &rest[range.start - first..range.end - first];
            let j = *i + 1 + d;
            filled[j] = true;
            let key = specs[j].key;
            unmark_printed_empty(ex, key);
            let at = line.unwrap_or(run.label_line);
            let msg = format!(
                "applications: row {key} ({}) took the {m} values after row {}'s own, each row of them adding up{}",
                specs[j].label,
                specs[*i].key,
                if line.is_some() {
                    ": its label stands after them"
                } else if label_after(&specs[j], tokens, last) {
                    "; its label stands after the table's rows, so only the template's order of rows tells they are its"
                } else if names_in_wrap(run, &specs[j]) {
                    "; its label was read into that row's, before the numbers"
                } else {
                    "; its label was not found, so only the template's order of rows tells they are its"
                }
            );
            ex.diags.push(if line.is_some() {
                Diagnostic::info(Code::MissingValues, Some(at), msg)
            } else {
                Diagnostic::warning(Code::MissingValues, Some(at), msg)
            });
            taken.push((
                j,
                Run::cut(specs[j].label.to_string(), at, chunk.to_vec(), run.header_unit),
            ));
        }
    }
    hits.extend(taken);
}

/// A row read as printed without values that takes values after all: its blank cells and
/// the warning that said so taken back.
fn unmark_printed_empty(ex: &mut Extracted, key: &str) {
    let named = format!("row {key} (");
    ex.cells.retain(|c| c.row != key);
    ex.diags
        .retain(|x| !(x.code == Code::MissingValues && x.message.contains(&named)));
}

/// An item row of the 2019 template's first table (行政许可, 行政处罚 …: last year's
/// count, the change, this year's) that took the values of the rows after it, read as
/// printed without values (a PDF's text that reads a band of rows' numbers before the next
/// rows' labels: `行政许可` / `20` `+17` `37` `144` `+5` `149` / `其他对外管理服务事项`): where
/// its values are three for it and each of those rows, each row's count plus its change its
/// count this year, each takes its own, in the template's order.
fn items_of_rows_after<'a>(
    specs: &[RowSpec],
    printed_empty: &[(usize, u32)],
    hits: &mut Vec<RowRun<'a>>,
    ex: &mut Extracted,
) {
    const M: usize = 3;
    let items = |j: usize| {
        specs
            .get(j)
            .is_some_and(|s| s.cols == ["previous_year", "change", "decisions"])
    };
    let mut taken: Vec<RowRun<'a>> = Vec::new();
    for (i, run) in hits.iter_mut() {
        let k = run.values.len() / M;
        if k < 2 || run.values.len() % M != 0 || !(*i..*i + k).all(items) {
            continue;
        }
        let lines: Option<Vec<u32>> = (*i + 1..*i + k)
            .map(|j| printed_empty.iter().find(|e| e.0 == j).map(|e| e.1))
            .collect();
        let Some(lines) = lines else { continue };
        let adds_up = run.values.chunks(M).all(|row| {
            let v: Option<Vec<f64>> = row.iter().map(|t| grid::number(t).map(|n| n.value)).collect();
            v.is_some_and(|v| validate::close(v[0] + v[1], v[2]))
        });
        if !adds_up {
            continue;
        }
        let rest = run.values.split_off(M);
        for (d, (&line, chunk)) in lines.iter().zip(rest.chunks(M)).enumerate() {
            let j = *i + 1 + d;
            let key = specs[j].key;
            unmark_printed_empty(ex, key);
            ex.diags.push(Diagnostic::info(
                Code::MissingValues,
                Some(line),
                format!(
                    "active_disclosure: row {key} ({}) took the {M} values after row {}'s own, each row's count and change making its count this year: its label stands after them",
                    specs[j].label,
                    specs[*i].key
                ),
            ));
            taken.push((
                j,
                Run::cut(specs[j].label.to_string(), line, chunk.to_vec(), run.header_unit),
            ));
        }
    }
    hits.extend(taken);
}

/// The rows of numbers `values` start with, two or more, each a range of them: `m` a row
/// where the rows so cut each add up (`rows_add_up`); else, row by row, `m` that add up or
/// `m` + 1 or + 2 with numbers a narrow cell broke over two lines among them, joined
/// (`join_wrapped`: the only reading with which the row adds up).
fn band_rows(values: &[Token<'_>], m: usize, subtotal: Option<usize>) -> Option<Vec<std::ops::Range<usize>>> {
    let k = values.len() / m;
    if k >= 2 && rows_add_up(&values[..k * m], k, subtotal) {
        return Some((0..k).map(|r| r * m..(r + 1) * m).collect());
    }
    if values.len() < 2 * m || values.iter().any(|t| !matches!(t.kind, Kind::Value(Value::Number(_)))) {
        return None;
    }
    let mut rows = Vec::new();
    let mut at = 0;
    while at + m <= values.len() {
        let fits = |n: usize| -> bool {
            let Some(row) = values.get(at..at + n) else {
                return false;
            };
            if n == m {
                return rows_add_up(row, 1, subtotal);
            }
            let mut row = row.to_vec();
            !join_wrapped(&mut row, subtotal).is_empty()
        };
        let Some(n) = (m..=m + 2).find(|&n| fits(n)) else {
            break;
        };
        rows.push(at..at + n);
        at += n;
    }
    // (Some row wrapped: else the rows of `m` above.)
    (rows.len() >= 2 && rows.iter().any(|r| r.len() > m)).then_some(rows)
}

/// Whether a line of `run`'s label after its first names the row `spec` (one of its
/// keywords): a next row's label read into this one's, as a PDF's text puts the labels of
/// a band of rows before their numbers (`3.其` / `他` / `（七）总计` / fourteen numbers).
fn names_in_wrap(run: &Run<'_>, spec: &RowSpec) -> bool {
    let ends = run.breaks.iter().map(|b| b.0).skip(1).chain([run.label.len()]);
    run.breaks.iter().zip(ends).any(|(&(start, _), end)| {
        let n = labels::normalize(&run.label[start..end]);
        spec.keywords.iter().any(|k| n.contains(k))
    })
}

/// Whether a text token after line `after` names the row `spec` (one of its keywords).
fn label_after(spec: &RowSpec, tokens: &[Token<'_>], after: u32) -> bool {
    tokens
        .iter()
        .filter(|t| t.line > after && t.kind == Kind::Text)
        .any(|t| {
            let n = labels::normalize(t.raw);
            spec.keywords.iter().any(|k| n.contains(k))
        })
}

/// A row of the applications table with one or two values more than its seven columns
/// (eight with a 小计 at `subtotal`), each extra one a piece of a number a narrow cell broke
/// over two lines (`２８` / `６` for 286, a PDF's text): the pieces joined where they are
/// whole numbers on lines one after the other (or with one line between, a wrapped label's
/// with the first piece on its first line), the first not 0, and joining them is the
/// only way the row adds up (its 总计 the sum of the others, its 小计 the organisations'):
/// no other join does, nor does leaving values out (all of the extra ones, or some with
/// the other joined). Returns each join's line and its two pieces.
fn join_wrapped<'a>(values: &mut Vec<Token<'a>>, subtotal: Option<usize>) -> Vec<(u32, &'a str, &'a str)> {
    let m = 7 + usize::from(subtotal.is_some());
    let extra = values.len().wrapping_sub(m);
    if extra != 1 && extra != 2 {
        return Vec::new();
    }
    let Some(nums) = values.iter().map(summand).collect::<Option<Vec<f64>>>() else {
        return Vec::new();
    };
    // Each value and the next joined, where they may be: (k, the number).
    let joins: Vec<(usize, f64)> = (0..values.len() - 1)
        .filter_map(|k| {
            // (Or with a line between: a label's, the number's first piece on its line.)
            let (a, b) = (&values[k], &values[k + 1]);
            if b.line != a.line + 1 && b.line != a.line + 2 {
                return None;
            }
            let (x, y) = (digit_string(a)?, digit_string(b)?);
            if x.starts_with('0') {
                return None;
            }
            Some((k, format!("{x}{y}").parse::<f64>().ok()?))
        })
        .collect();
    // A reading: each value kept, joined to the next (its number) or left out.
    #[derive(Clone, Copy, PartialEq)]
    enum Op {
        Keep,
        Join(f64),
        Drop,
    }
    let adds_up = |ops: &[Op]| -> bool {
        let mut v = Vec::with_capacity(m);
        let mut i = 0;
        while i < ops.len() {
            match ops[i] {
                Op::Keep => v.push(nums[i]),
                Op::Join(x) => {
                    v.push(x);
                    i += 1;
                }
                Op::Drop => {}
            }
            i += 1;
        }
        v.len() == m && numbers_add_up(&v, subtotal)
    };
    let n = values.len();
    let mut readings: Vec<Vec<Op>> = Vec::new();
    // Joins and drops, `extra` of them in all, none overlapping.
    let mut ops = vec![Op::Keep; n];
    let free = |ops: &[Op], k: usize, width: usize| {
        (k..k + width).all(|i| ops[i] == Op::Keep) && (k == 0 || !matches!(ops[k - 1], Op::Join(_)))
    };
    fn choose(
        ops: &mut Vec<Op>,
        from: usize,
        left: usize,
        joins: &[(usize, f64)],
        free: &dyn Fn(&[Op], usize, usize) -> bool,
        adds_up: &dyn Fn(&[Op]) -> bool,
        out: &mut Vec<Vec<Op>>,
    ) {
        if left == 0 {
            if adds_up(ops) {
                out.push(ops.clone());
            }
            return;
        }
        for k in from..ops.len() {
            if free(ops, k, 1) {
                ops[k] = Op::Drop;
                choose(ops, k + 1, left - 1, joins, free, adds_up, out);
                ops[k] = Op::Keep;
            }
            if let Some(&(_, x)) = joins.iter().find(|j| j.0 == k) {
                if free(ops, k, 2) {
                    ops[k] = Op::Join(x);
                    choose(ops, k + 2, left - 1, joins, free, adds_up, out);
                    ops[k] = Op::Keep;
                }
            }
        }
    }
    choose(&mut ops, 0, extra, &joins, &free, &adds_up, &mut readings);
    let [reading] = readings.as_slice() else {
        return Vec::new();
    };
    if reading.contains(&Op::Drop) {
        return Vec::new();
    }
    // Joined from the last, so each earlier join's index still holds.
    let mut out = Vec::new();
    for k in (0..n).rev() {
        let Op::Join(joined) = reading[k] else { continue };
        let second = values.remove(k + 1);
        let first = &mut values[k];
        first.kind = Kind::Value(Value::Number(numbers::Number {
            value: joined,
            unit: None,
            signed: false,
        }));
        out.push((first.line, first.raw, second.raw));
    }
    out.reverse();
    out
}

/// Whether `values` are `rows` rows of the applications table's numbers, seven each (eight
/// with a 小计 at `subtotal`), each row's 总计 the sum of the others (and its 小计 the
/// organisations').
fn rows_add_up(values: &[Token<'_>], rows: usize, subtotal: Option<usize>) -> bool {
    let m = 7 + usize::from(subtotal.is_some());
    if values.iter().any(|t| !matches!(t.kind, Kind::Value(Value::Number(_)))) {
        return false;
    }
    let numbers = |row: &[Token<'_>]| -> Vec<f64> { row.iter().filter_map(summand).collect() };
    match subtotal {
        _ if values.len() == rows * m => values.chunks(m).all(|row| numbers_add_up(&numbers(row), subtotal)),
        // Beside a 小计 column, rows whose 总计 were printed empty: seven numbers each, the
        // 小计 the organisations' (the blank 总计 are read so when the rows are placed).
        Some(p) if rows >= 2 && values.len() == rows * (m - 1) => values.chunks(m - 1).all(|row| {
            let v = numbers(row);
            validate::close(v[p], subtotal_orgs(p).map(|k| v[k]).sum())
        }),
        _ => false,
    }
}

/// Whether a row of the applications table's numbers (seven, or eight with a 小计 at
/// `subtotal`) adds up: its 总计, the last, the sum of the others (and its 小计 the
/// organisations').
fn numbers_add_up(v: &[f64], subtotal: Option<usize>) -> bool {
    match subtotal {
        None => v
            .split_last()
            .is_some_and(|(t, rest)| validate::close(*t, rest.iter().sum())),
        Some(p) => {
            let orgs: f64 = subtotal_orgs(p).map(|k| v[k]).sum();
            v.len() == 8 && validate::close(v[p], orgs) && validate::close(v[7], v[0] + orgs)
        }
    }
}

/// A cell's number for a row's sum: an empty cell counts 0.
fn summand(t: &Token<'_>) -> Option<f64> {
    match t.kind {
        Kind::Value(Value::Number(n)) => Some(n.value),
        Kind::Blank => Some(0.0),
        _ => None,
    }
}

/// Whether a row's last cell is a number, the sum of the others (empty cells as 0).
fn adds_up(v: &[Token<'_>]) -> bool {
    match v.split_last() {
        Some((t, rest)) if t.kind != Kind::Blank => {
            let sum: Option<f64> = rest.iter().map(summand).sum();
            summand(t).zip(sum).is_some_and(|(t, s)| validate::close(t, s))
        }
        _ => false,
    }
}

/// Whether a row's last cell is not 0 and the sum of the others (empty cells as 0).
fn sums_to_total(v: &[Token<'_>]) -> bool {
    adds_up(v) && v.last().and_then(summand).is_some_and(|t| t != 0.0)
}

/// Whether a text table's values start in the cell after the label: two of its rows have
/// a value there, and none has empty cells there before as many values as its columns (the
/// empty cells of a merged label, `一、本年新收…\t\t3\t0…`). Then an empty cell after a
/// label may be the row's own.
fn values_follow_labels(hits: &[(usize, Run<'_>)], specs: &[RowSpec], form: Form, extra: usize) -> bool {
    if form == Form::Html {
        return false;
    }
    let mut seen = 0;
    for (i, run) in hits {
        let v = &run.values;
        let lead = v.iter().take_while(|t| t.kind == Kind::Blank).count();
        let filled = v.iter().filter(|t| t.kind != Kind::Blank).count();
        if lead > 0 && filled >= specs[*i].cols.len() + extra {
            return false;
        }
        seen += usize::from(lead == 0 && v.first().is_some_and(Token::is_value));
    }
    seen >= 2
}

/// Whether a text table's lines end at their last column: two of its rows have as many
/// values as columns, on one line, the last in the line's last cell, and no row has an
/// empty cell after more cells than its columns (`规章\t0\t0\t0\t`: a tab after the values
/// is layout). Then empty cells that make up a row's columns after its values are its own.
/// `extra`: columns the rows print beyond their template's (a 小计 column).
fn lines_end_at_last_column(hits: &[(usize, Run<'_>)], specs: &[RowSpec], form: Form, extra: usize) -> bool {
    if form == Form::Html {
        return false;
    }
    let mut seen = 0;
    for (i, run) in hits {
        let m = specs[*i].cols.len() + extra;
        let lead = run.values.iter().take_while(|t| t.kind == Kind::Blank).count();
        let v = &run.values[lead..];
        let Some(last) = v.last() else { continue };
        if last.kind == Kind::Blank {
            if v.len() > m {
                return false;
            }
            continue;
        }
        let one_line = v.iter().all(|t| t.line == last.line && t.kind != Kind::Run);
        seen += usize::from(v.len() == m && one_line && last.cell + 1 == last.line_cells);
    }
    seen >= 2
}

/// Where the table's header puts a 法人或其他组织小计 column among the eight value columns:
/// after the five organisation columns (6), or before them (1). None when no header names
/// a 小计.
fn subtotal_position(tokens: &[Token<'_>]) -> Option<usize> {
    let mut seen_org = false;
    for t in tokens.iter().filter(|t| t.kind == Kind::Text) {
        // Through white space: a header's words may be spaced out (`小 计`, `商 业 企 业`).
        let text = if t.raw.contains(char::is_whitespace) {
            Cow::Owned(labels::normalize(t.raw))
        } else {
            Cow::Borrowed(t.raw)
        };
        // (Or the word broken over two lines of its cell, `小` / `计`: a table of bars or
        // box-drawing lines, each line's piece of a cell a cell of its own.)
        let broken = text.len() <= 8 && text.trim() == "小";
        if let Some(at) = text.find("小计").or(broken.then_some(0)) {
            // (A crawler's header runs its words together: `…法律服务机构其他小计`.)
            let org_before = ["商业企", "科研机", "社会公", "法律服"]
                .iter()
                .any(|w| text[..at].contains(w));
            return Some(if seen_org || org_before { 6 } else { 1 });
        }
        // A column's name, or its head where a PDF's text broke it over lines (`商业企` /
        // `业`: the header then reads `商业企 科研机 … 其他 小计`).
        if !seen_org
            && ["商业企", "科研机", "社会公", "法律服"]
                .iter()
                .any(|w| text.contains(w))
        {
            seen_org = true;
        }
    }
    None
}

/// The five organisation columns' places among a row's eight numbers beside a 小计 at `p`
/// (1, before them, or 6, after them).
fn subtotal_orgs(p: usize) -> std::ops::Range<usize> {
    if p == 1 {
        2..7
    } else {
        1..6
    }
}

/// An applications row's values with one more than its seven columns (empty cells of a
/// merged label before them dropped), and whether a 小计 column at 6 (after the five
/// organisation columns) and at 1 (before them) adds up: the five beside it make it, and
/// 自然人 plus it the total (unless the total is printed blank). None for any other row.
#[allow(clippy::type_complexity)]
fn subtotal_fits<'r, 'a>(spec: &RowSpec, run: &'r Run<'a>) -> Option<(Vec<&'r Token<'a>>, [Option<bool>; 2])> {
    let m = spec.cols.len();
    // Most rows: their columns' values, or fewer.
    if run.values.len() <= m {
        return None;
    }
    let mut vals: Vec<&Token<'_>> = run.values.iter().collect();
    while vals.len() > m + 1 && vals[0].kind == Kind::Blank {
        vals.remove(0);
    }
    if vals.len() != m + 1 || vals.iter().any(|t| t.kind == Kind::Run) {
        return None;
    }
    let num = |t: &Token<'_>| match t.kind {
        Kind::Value(Value::Number(n)) => Some(n.value),
        Kind::Blank | Kind::Value(Value::NotApplicable) => Some(0.0),
        _ => None,
    };
    let v: Vec<Option<f64>> = vals.iter().map(|t| num(t)).collect();
    let holds = |p: usize| -> Option<bool> {
        let mut sum = 0.0;
        for i in subtotal_orgs(p) {
            sum += v[i]?;
        }
        let total = vals[7].kind == Kind::Blank || validate::close(v[0]? + v[p]?, v[7]?);
        Some(validate::close(sum, v[p]?) && total)
    };
    let fits = [holds(6), holds(1)];
    Some((vals, fits))
}

/// A crawler's applications rows whose cells ran together, in a table whose header has a
/// 小计 column at `p`: each row's digits cut into its columns and the 小计, where one cut
/// alone makes the 小计 the sum of the five organisation columns and 自然人 plus it the
/// total (`464321600048512` = 464|32|16|0|0|0|48|512), or, of a row several cuts make add
/// up, the one cut that also makes every column identity it enters hold with the rows cut
/// so (本年新收 + 上年结转 = 总计 + 结转下年度; 总计 = the outcome rows' sum). Such a row is
/// then its eight numbers, and [`drop_subtotal`] checks and drops the 小计 as a text's;
/// the others are left to be cut without it (the identities flag what fails).
fn cut_with_subtotal(specs: &[RowSpec], hits: &mut [(usize, Run<'_>)], p: usize) {
    const MAX_CUTS: usize = 64;
    // The combinations of the undecided rows' cuts tried together.
    const MAX_JOINT: usize = 4096;
    let number = |t: &Token<'_>| match t.kind {
        Kind::Value(Value::Number(n)) => Some(n.value),
        _ => None,
    };
    // Each row's cuts that add up, as their numbers without the 小计 (and the tokens).
    type Cut<'a> = (Vec<f64>, Vec<Token<'a>>);
    let mut cuts: Vec<Vec<Cut<'_>>> = Vec::with_capacity(hits.len());
    for (i, run) in hits.iter() {
        let mut found: Vec<Cut<'_>> = Vec::new();
        let glued = run.values.iter().any(|t| t.kind == Kind::Run);
        if glued && !run.values.iter().any(|t| t.kind == Kind::Blank) {
            let m = specs[*i].cols.len() + 1;
            let mut fit = 0;
            let all = splits(&run.values, m, |split, _| {
                let Some(v) = split.iter().map(number).collect::<Option<Vec<f64>>>() else {
                    return;
                };
                if numbers_add_up(&v, Some(p)) {
                    fit += 1;
                    if found.len() < MAX_CUTS {
                        let mut own = v;
                        own.remove(p);
                        found.push((own, split.to_vec()));
                    }
                }
            });
            // Only where every cut was tried and every fitting one kept is one cut "alone".
            if !all || fit > MAX_CUTS {
                found.clear();
            }
        }
        cuts.push(found);
    }
    let key = |k: usize| specs[hits[k].0].key;
    let mut chosen: Vec<Option<usize>> = cuts.iter().map(|c| (c.len() == 1).then_some(0)).collect();
    // The column identities a row enters, with the rows cut so far (one cut each).
    let balance = BALANCE_ROWS;
    let outcome = |key: &str| !balance.contains(&key);
    let outcomes: Vec<usize> = (0..hits.len()).filter(|&k| outcome(key(k))).collect();
    let outcome_specs = specs.iter().filter(|s| outcome(s.key)).count();
    let outcome_keys: Vec<&str> = outcomes.iter().map(|&o| key(o)).collect();
    loop {
        let known: HashMap<&str, &[f64]> = (0..hits.len())
            .filter_map(|k| chosen[k].map(|c| (key(k), cuts[k][c].0.as_slice())))
            .collect();
        // (identities that hold, identities looked at) for row `k` cut as `v`.
        let checks = |k: usize, v: &[f64]| -> (usize, usize) {
            let get = |name: &str| {
                if name == key(k) {
                    Some(v)
                } else {
                    known.get(name).copied()
                }
            };
            let (balanced, summed) = (balance.contains(&key(k)), key(k) == "total" || outcome(key(k)));
            column_identities(&get, &outcome_keys, outcome_specs, balanced, summed)
        };
        let mut progress = false;
        for k in 0..hits.len() {
            if chosen[k].is_some() || cuts[k].len() < 2 {
                continue;
            }
            let fits: Vec<usize> = (0..cuts[k].len())
                .filter(|&c| {
                    let (held, looked) = checks(k, &cuts[k][c].0);
                    looked > 0 && held == looked
                })
                .collect();
            if let [c] = fits[..] {
                chosen[k] = Some(c);
                progress = true;
                break;
            }
        }
        if !progress {
            break;
        }
    }
    // Rows no row alone decides (本年新收 and 总计 each cut two ways enter the same
    // identities): every combination of their cuts, and the one combination with which
    // every identity of the table holds, if only one does.
    let open: Vec<usize> = (0..hits.len())
        .filter(|&k| chosen[k].is_none() && cuts[k].len() >= 2)
        .collect();
    let product = open
        .iter()
        .try_fold(1usize, |a, &k| a.checked_mul(cuts[k].len()).filter(|&p| p <= MAX_JOINT));
    if open.len() >= 2 && product.is_some() {
        let mut c = vec![0; open.len()];
        let (mut found, mut count) = (Vec::new(), 0);
        // The decided rows' cuts once; the open rows' each combination (in their places).
        let mut known: HashMap<&str, &[f64]> = (0..hits.len())
            .filter_map(|k| chosen[k].map(|c| (key(k), cuts[k][c].0.as_slice())))
            .collect();
        loop {
            for (j, &k) in open.iter().enumerate() {
                known.insert(key(k), cuts[k][c[j]].0.as_slice());
            }
            let get = |name: &str| known.get(name).copied();
            let (held, looked) = column_identities(&get, &outcome_keys, outcome_specs, true, true);
            if looked > 0 && held == looked {
                count += 1;
                if count == 1 {
                    found = c.clone();
                }
            }
            // The next combination (odometer).
            let mut j = 0;
            while j < open.len() {
                c[j] += 1;
                if c[j] < cuts[open[j]].len() {
                    break;
                }
                c[j] = 0;
                j += 1;
            }
            if j == open.len() {
                break;
            }
        }
        if count == 1 {
            for (j, &k) in open.iter().enumerate() {
                chosen[k] = Some(found[j]);
            }
        }
    }
    for (k, (_, run)) in hits.iter_mut().enumerate() {
        if let Some(c) = chosen[k] {
            run.values = std::mem::take(&mut cuts[k][c].1);
        }
    }
}

/// The rows of each applications column's balance: 本年新收 + 上年结转 = 总计 + 结转下年度.
const BALANCE_ROWS: [&str; 4] = ["new_received", "carried_over", "total", "carried_forward"];

/// (identities that hold, identities looked at) of an applications table with the rows'
/// numbers `get` gives: each column's balance (本年新收 + 上年结转 = 总计 + 结转下年度,
/// where `balanced`) and its outcome rows' sum (= 总计, where `summed`), each where every
/// row it reads is known (`outcome_specs` outcome rows, `outcomes` those there are).
fn column_identities<'v>(
    get: &dyn Fn(&str) -> Option<&'v [f64]>,
    outcomes: &[&str],
    outcome_specs: usize,
    balanced: bool,
    summed: bool,
) -> (usize, usize) {
    let (mut held, mut looked) = (0, 0);
    if balanced {
        let rows: Option<Vec<&[f64]>> = BALANCE_ROWS.iter().map(|n| get(n)).collect();
        if let Some(r) = rows {
            let (new, carried, total, forward) = (r[0], r[1], r[2], r[3]);
            for (c, n) in new.iter().enumerate() {
                looked += 1;
                held += usize::from(validate::close(n + carried[c], total[c] + forward[c]));
            }
        }
    }
    if summed {
        let parts: Option<Vec<&[f64]>> = outcomes.iter().map(|o| get(o)).collect();
        if let (Some(parts), Some(total)) = (parts.filter(|p| p.len() == outcome_specs), get("total")) {
            for (c, t) in total.iter().enumerate() {
                looked += 1;
                held += usize::from(validate::close(*t, parts.iter().map(|r| r[c]).sum()));
            }
        }
    }
    (held, looked)
}

/// The 小计 column a row's numbers single out: 6 or 1 where only that one adds up.
fn subtotal_singled_out(fits: [Option<bool>; 2]) -> Option<usize> {
    match fits {
        [Some(true), Some(false)] => Some(6),
        [Some(false), Some(true)] => Some(1),
        _ => None,
    }
}

/// Where a table's rows put a 小计 column its header does not name (a PDF's header lost in
/// its text): the place the rows that single one out agree on; None if none does, or they
/// disagree.
fn subtotal_by_rows(hits: &[(usize, Run<'_>)], specs: &[RowSpec]) -> Option<usize> {
    let mut found = None;
    for (i, run) in hits {
        let Some(p) = subtotal_fits(&specs[*i], run).and_then(|(_, fits)| subtotal_singled_out(fits)) else {
            continue;
        };
        if found.is_some_and(|f| f != p) {
            return None;
        }
        found = Some(p);
    }
    found
}

/// An applications row with one value more than its seven columns, in a table whose header
/// has a 小计 column (or whose eighth value adds up as one, or whose other rows' do at one
/// place): the subtotal of the five organisation columns is checked and dropped, since it
/// is not a column of the dataset.
fn drop_subtotal(spec: &RowSpec, run: &mut Run<'_>, header: Option<usize>, rows: Option<usize>, ex: &mut Extracted) {
    let Some((vals, fits)) = subtotal_fits(spec, run) else {
        return;
    };
    let holds = |p: usize| fits[usize::from(p == 1)];
    let p = match header.or(subtotal_singled_out(fits)).or(rows) {
        Some(p) => p,
        // No header names a 小计 and the numbers do not single one out.
        None => return,
    };
    let line = vals[p].line;
    match holds(p) {
        Some(true) | None => ex.diags.push(Diagnostic::info(
            Code::Subtotal,
            Some(line),
            format!(
                "applications: row {} has a 法人或其他组织小计 column ({:?}); it was checked and not emitted",
                spec.key, vals[p].raw
            ),
        )),
        Some(false) => ex.diags.push(Diagnostic::warning(
            Code::IdentityFailed,
            Some(line),
            format!(
                "applications row {}: 法人或其他组织小计 {:?} is not the sum of the five organisation columns and 自然人 + 小计 = 总计",
                spec.key, vals[p].raw
            ),
        )),
    }
    let at = run.values.len() - vals.len() + p;
    drop(vals);
    let cell = run.values.remove(at);
    run.subtotal_line = Some(cell.line);
}

/// An applications row of seven numbers in a table with a 小计 column at `p` (its header's
/// or its rows'), that do not add up as its seven columns (自然人 + the five organisations
/// = 总计): one of its eight cells was lost (an empty cell a converter or OCR dropped), not
/// the 小计. Where the 小计 then stands at one place of the seven for every lost cell that
/// leaves the rest adding up (`0 0 0 2 0 2 2`: 小计 2, 总计 2, a zero lost among the
/// organisations), it is checked and dropped as [`drop_subtotal`] does, and the row's six
/// numbers are placed as a row with a cell missing is, the missing cell only where the 小计
/// lets it be (`464 32 11 0 0 44 508`: not the 自然人, 464 + 44 = 508). Otherwise the row is
/// left as it is (the identities flag it).
fn short_subtotal(spec: &RowSpec, run: &mut Run<'_>, p: usize, ex: &mut Extracted) {
    let m = spec.cols.len();
    if run.values.len() != m || m != 7 {
        return;
    }
    let mut v = [0.0; 7];
    for (slot, t) in v.iter_mut().zip(&run.values) {
        // (Not a number with a leading zero, `010`: OCR's reading of a cell and a rule.)
        let mut digits = t.raw.trim().chars().map(numbers::halfwidth);
        if digits.next() == Some('0') && digits.next().is_some_and(|d| d.is_ascii_digit()) {
            return;
        }
        match t.kind {
            Kind::Value(Value::Number(n)) => *slot = n.value,
            _ => return,
        }
    }
    let orgs = subtotal_orgs(p);
    if validate::close(v[..6].iter().sum::<f64>(), v[6]) {
        // Read as its seven columns. Where they read as well as six and the 小计 with the
        // 总计 printed empty (自然人 0: the 小计 is the 总计), which cell is lost cannot be
        // told: said, so the 总计 is not taken for printed unflagged.
        if validate::close(orgs.clone().map(|k| v[k]).sum::<f64>(), v[p]) {
            ex.diags.push(Diagnostic::warning(
                Code::MissingValues,
                Some(run.label_line),
                format!(
                    "applications: row {} has seven values in a table with a 法人或其他组织小计 column; read as its seven columns (总计 {}), though they read as well as six with the 小计 ({}) and the 总计 printed empty",
                    spec.key, v[6], v[p]
                ),
            ));
        }
        return;
    }
    let mut at = None;
    let mut gaps = 0u8;
    // The lost cell's place among the eight, `g` (not the 小计's: then the seven add up).
    for g in (0..8).filter(|&g| g != p) {
        // The eight cells, the lost one None.
        let cell = |c: usize| -> Option<f64> {
            match c.cmp(&g) {
                std::cmp::Ordering::Less => Some(v[c]),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(v[c - 1]),
            }
        };
        let (Some(sub), known): (Option<f64>, f64) = (cell(p), orgs.clone().filter_map(cell).sum()) else {
            continue;
        };
        let fits = match (cell(0), cell(7)) {
            // Lost among the organisations: what it held is the 小计 less the others.
            (Some(natural), Some(total)) => validate::close(natural + sub, total) && sub + 1e-6 >= known,
            (None, Some(total)) => validate::close(known, sub) && total + 1e-6 >= sub,
            (Some(_), None) => validate::close(known, sub),
            (None, None) => false,
        };
        if fits {
            let i = if g > p { p } else { p - 1 };
            if at.is_some_and(|a| a != i) {
                return;
            }
            at = Some(i);
            // (The lost cell's column among the row's seven.)
            gaps |= 1 << if g > p { g - 1 } else { g };
        }
    }
    let Some(i) = at else { return };
    let cell = run.values.remove(i);
    run.subtotal_line = Some(cell.line);
    run.gaps = Some(gaps);
    ex.diags.push(Diagnostic::info(
        Code::Subtotal,
        Some(cell.line),
        format!(
            "applications: row {} has a 法人或其他组织小计 column ({:?}) and a cell fewer; it was checked and not emitted",
            spec.key, cell.raw
        ),
    ));
}

/// A cell's row and column indexes in its template by the keys' addresses, per thread:
/// the same few hundred cells in every document (see `AddrCache`), so the specs are
/// scanned only the first time.
type OrderCache = crate::addr::AddrCache<(usize, usize)>;

thread_local! {
    static ORDER: std::cell::RefCell<OrderCache> = Default::default();
}

/// Sorts `cells` into template order: by table, then row index, then column index, each
/// table in its template (`template_of`: a report may fill a table of each) (a stable
/// sort; the thread's cache is taken once for the whole sort, not once a cell).
pub fn sort_in_order(cells: &mut [Cell], template_of: impl Fn(Table) -> Template) {
    ORDER.with_borrow_mut(|cache| {
        let mut prev = None;
        cells.sort_by_cached_key(|c| {
            let template = template_of(c.table);
            let at = next_in_order(prev, template, c).unwrap_or_else(|| order_in(cache, c.table, template, c));
            prev = Some((c.table, at));
            (c.table, at)
        })
    });
}

/// A cell's place when it is the next column of the previous cell's row, or the first of
/// the next row (cells mostly come in template order already): found by comparing the
/// names' addresses with the template's, in the order the template lists them, where the
/// cache's entries are scattered over 80 KB. A row's key and a column's name are unique
/// in a table (a test in `template`), so the place is the one the search by name finds.
fn next_in_order(prev: Option<(Table, (usize, usize))>, template: Template, c: &Cell) -> Option<(usize, usize)> {
    let (table, (r, col)) = prev?;
    if table != c.table {
        return None;
    }
    let specs = template::rows(table, template);
    let at = |r: usize, col: usize| {
        specs
            .get(r)
            .is_some_and(|s| std::ptr::eq(s.key, c.row) && s.cols.get(col).is_some_and(|k| std::ptr::eq(*k, c.col)))
    };
    let next = (r, col.checked_add(1)?);
    if at(next.0, next.1) {
        return Some(next);
    }
    let below = (r.checked_add(1)?, 0);
    at(below.0, below.1).then_some(below)
}

/// A cell's row index, then column index, in its template.
fn order_in(cache: &mut OrderCache, table: Table, template: Template, c: &Cell) -> (usize, usize) {
    let tag = (template as u8) << 4 | table as u8;
    cache.get_or(tag, c.row, c.col, || {
        let specs = template::rows(table, template);
        let r = specs.iter().position(|s| s.key == c.row).unwrap_or(usize::MAX);
        let col = specs
            .get(r)
            .and_then(|s| s.cols.iter().position(|k| *k == c.col))
            .unwrap_or(usize::MAX);
        (r, col)
    })
}

fn shorten(s: &str) -> String {
    let n = s.chars().count();
    if n <= 40 {
        s.to_string()
    } else {
        format!("…{}", s.chars().skip(n - 40).collect::<String>())
    }
}

/// A placement: for each column, the index of the value placed there (None: a gap).
type Placement = Vec<Option<usize>>;

/// Every way to put `n` values into `m` columns in order, with at most two gaps or two
/// dropped values.
fn placements(n: usize, m: usize) -> Vec<Placement> {
    let mut out = Vec::new();
    if n == m {
        out.push((0..m).map(Some).collect());
    } else if n < m && m - n <= 2 {
        for gaps in combinations(m, m - n) {
            let mut v = 0;
            out.push(
                (0..m)
                    .map(|c| {
                        if gaps.contains(&c) {
                            None
                        } else {
                            v += 1;
                            Some(v - 1)
                        }
                    })
                    .collect(),
            );
        }
    } else if n > m && n - m <= 2 {
        for drops in combinations(n, n - m) {
            out.push((0..n).filter(|i| !drops.contains(i)).map(Some).collect());
        }
    }
    out
}

/// Every way to choose `k` of `n` places, in increasing order: one or two of them (a row
/// one or two values short or over); none past that.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    match k {
        1 | 2 => pages::choose(n, k),
        _ => Vec::new(),
    }
}

/// A candidate row: per column, the cell (None: nothing can be said).
type Candidate = Vec<Option<Cell>>;

/// An identity's term as one row sees it: one of the row's columns, a cell of another row,
/// or a column the row does not have (the identity cannot be evaluated).
#[derive(Clone, Copy)]
enum RowTerm {
    Col(usize),
    Other(Key),
    Absent,
}

/// The identities that read a row, with their terms resolved against the row's columns:
/// the same for every document, so built once per row of the template ([`row_terms`]).
struct RowTerms {
    ids: Vec<&'static validate::Identity>,
    /// The terms of every identity's two sides, one after the other: identity `i`'s left
    /// side is `terms[sides[i].0..sides[i].1]`, its right side `terms[sides[i].1..sides[i].2]`.
    terms: Vec<RowTerm>,
    sides: Vec<(u32, u32, u32)>,
    /// Whether some term is a cell of another row.
    reads_others: bool,
    /// The terms as a scorer without the other rows' cells reads them.
    alone: Vec<Term>,
}

impl RowTerms {
    fn of(table: Table, template: Template, spec: &RowSpec) -> RowTerms {
        let ids = validate::identities_of_row(template, table, spec.key).to_vec();
        let term = |k: &Key| -> RowTerm {
            if k.0 == table && k.1 == spec.key {
                spec.cols
                    .iter()
                    .position(|x| x == &k.2)
                    .map_or(RowTerm::Absent, RowTerm::Col)
            } else {
                RowTerm::Other(*k)
            }
        };
        let (mut terms, mut sides) = (Vec::new(), Vec::with_capacity(ids.len()));
        for id in &ids {
            let from = terms.len() as u32;
            terms.extend(id.lhs.iter().map(term));
            let mid = terms.len() as u32;
            terms.extend(id.rhs.iter().map(term));
            sides.push((from, mid, terms.len() as u32));
        }
        let reads_others = terms.iter().any(|t| matches!(t, RowTerm::Other(_)));
        let alone = terms
            .iter()
            .map(|t| match *t {
                RowTerm::Col(c) => Term::Col(c),
                RowTerm::Other(_) | RowTerm::Absent => Term::Absent,
            })
            .collect();
        RowTerms {
            ids,
            terms,
            sides,
            reads_others,
            alone,
        }
    }
}

/// [`RowTerms`] of a row of the template, built once for the process: keyed by the table,
/// the template and the row's spec, which lives in the template's static tables (a spec
/// found elsewhere gets its own entry; the review table's rows serve both templates).
fn row_terms(table: Table, template: Template, spec: &RowSpec) -> &'static RowTerms {
    type Cache = std::sync::Mutex<HashMap<(usize, Table, Template), &'static RowTerms>>;
    static CACHE: std::sync::LazyLock<Cache> = std::sync::LazyLock::new(Default::default);
    let at = (std::ptr::from_ref(spec) as usize, table, template);
    // A panic elsewhere while the lock was held leaves the map as it was: still usable.
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // One per row spec: a few hundred small tables for the life of the process.
    cache
        .entry(at)
        .or_insert_with(|| Box::leak(Box::new(RowTerms::of(table, template, spec))))
}

/// Scores a candidate row against the identities that involve it, with the cells of rows
/// already placed: +1 for each identity that holds, -1 for each that fails.
struct RowScorer {
    ids: &'static [&'static validate::Identity],
    /// The identities' terms with the cells of other rows read: see [`RowTerms`].
    terms: Cow<'static, [Term]>,
    sides: &'static [(u32, u32, u32)],
}

#[derive(Clone, Copy)]
enum Term {
    Known(f64),
    Col(usize),
    Absent,
}

impl RowScorer {
    fn new(table: Table, template: Template, spec: &RowSpec, placed: &[Cell]) -> Self {
        let rt = row_terms(table, template, spec);
        let terms = if rt.reads_others && !placed.is_empty() {
            let known: HashMap<Key, f64> = placed
                .iter()
                .filter_map(|c| c.number().map(|v| ((c.table, c.row, c.col), v)))
                .collect();
            let terms = rt.terms.iter().map(|t| match *t {
                RowTerm::Col(c) => Term::Col(c),
                RowTerm::Other(k) => known.get(&k).map_or(Term::Absent, |&v| Term::Known(v)),
                RowTerm::Absent => Term::Absent,
            });
            Cow::Owned(terms.collect())
        } else {
            Cow::Borrowed(rt.alone.as_slice())
        };
        RowScorer {
            ids: &rt.ids,
            terms,
            sides: &rt.sides,
        }
    }

    /// Each identity's two sides, in the order of `ids`.
    fn pairs(&self) -> impl Iterator<Item = (&[Term], &[Term])> {
        self.sides
            .iter()
            .map(|&(a, b, c)| (&self.terms[a as usize..b as usize], &self.terms[b as usize..c as usize]))
    }

    /// Whether the one identity that can be scored is "the last of the `m` columns is the
    /// sum of the others" (a row of the applications table: 总计 = the six applicants).
    fn sums_to_last(&self, m: usize) -> bool {
        let mut scored = self
            .pairs()
            .filter(|(l, r)| !l.iter().chain(*r).any(|t| matches!(t, Term::Absent)));
        let (Some((l, r)), None) = (scored.next(), scored.next()) else {
            return false;
        };
        let cols = |side: &[Term]| -> Option<Vec<usize>> {
            side.iter()
                .map(|t| match t {
                    Term::Col(c) => Some(*c),
                    _ => None,
                })
                .collect()
        };
        let (Some(l), Some(r)) = (cols(l), cols(r)) else {
            return false;
        };
        let (total, mut parts) = if l == [m - 1] { (l, r) } else { (r, l) };
        parts.sort_unstable();
        m >= 2 && total == [m - 1] && parts.iter().copied().eq(0..m - 1)
    }

    fn score(&self, cand: &[Option<Cell>]) -> i32 {
        self.score_by(|c| cand[c].as_ref().and_then(Cell::number))
    }

    /// `score` of a row given as its columns' numbers.
    fn score_nums(&self, nums: &[Option<f64>]) -> i32 {
        self.score_by(|c| nums[c])
    }

    fn score_by(&self, num: impl Fn(usize) -> Option<f64>) -> i32 {
        let sum = |terms: &[Term]| -> Option<f64> {
            let mut s = 0.0;
            for t in terms {
                s += match *t {
                    Term::Known(v) => v,
                    Term::Col(c) => num(c)?,
                    Term::Absent => return None,
                };
            }
            Some(s)
        };
        self.pairs()
            .filter_map(|(l, r)| Some((sum(l)?, sum(r)?)))
            .map(|(l, r)| if validate::close(l, r) { 1 } else { -1 })
            .sum()
    }
}

/// Places a run's values into its row's columns and appends the cells to `ex`.
/// `context`: the cells of the other rows to score with (default: the rows placed so far).
fn place(
    table: Table,
    template: Template,
    spec: &RowSpec,
    run: &Run<'_>,
    context: Option<&[Cell]>,
    ex: &mut Extracted,
) {
    let m = spec.cols.len();
    let n = run.values.len();
    let cell_at = |col: usize, tok: &Token<'_>, diags: &mut Vec<Diagnostic>| {
        value_cell(table, spec, col, tok, run.header_unit, diags)
    };
    if n == m {
        for (c, tok) in run.values.iter().enumerate() {
            let cell = cell_at(c, tok, &mut ex.diags);
            ex.cells.push(cell);
        }
        return;
    }
    let scorer = RowScorer::new(table, template, spec, context.unwrap_or(&ex.cells));
    let mut scratch = Vec::new();
    let mut scored: Vec<(i32, Candidate)> = Vec::new();
    for p in placements(n, m) {
        // (Where the row's 小计 told where its lost cell may be, there only.)
        if run
            .gaps
            .is_some_and(|g| p.iter().enumerate().any(|(c, v)| v.is_none() && g & (1 << c) == 0))
        {
            continue;
        }
        let mut cand: Candidate = p
            .iter()
            .enumerate()
            .map(|(c, v)| v.map(|i| cell_at(c, &run.values[i], &mut scratch)))
            .collect();
        // A single gap is inferred from an identity within the row when one applies.
        let gaps: Vec<usize> = (0..m).filter(|&c| cand[c].is_none()).collect();
        if gaps.len() == 1 {
            let g = gaps[0];
            let get = |k: &Key| {
                if k.0 == table && k.1 == spec.key {
                    let c = spec.cols.iter().position(|x| x == &k.2)?;
                    if c == g {
                        Some(0.0)
                    } else {
                        cand[c].as_ref().and_then(Cell::number)
                    }
                } else {
                    None
                }
            };
            let inferred = scorer.ids.iter().find_map(|id| {
                let (l, r) = validate::sides(id, &get)?;
                let gk = (table, spec.key, spec.cols[g]);
                Some(if id.lhs.contains(&gk) { r - l } else { l - r })
            });
            match inferred {
                Some(v) if v >= -1e-9 && validate::close(v, v.round()) => {
                    cand[g] = Some(Cell {
                        table,
                        row: spec.key,
                        col: spec.cols[g],
                        value: Some(v.round()),
                        status: CellStatus::Inferred,
                        raw: Default::default(),
                        line: run.label_line,
                    });
                }
                Some(_) => continue, // a negative or fractional count: not this placement
                None => {}
            }
        }
        let score = scorer.score(&cand);
        scored.push((score, cand));
    }
    let best = scored.iter().map(|s| s.0).max();
    let best: Vec<&Candidate> = scored.iter().filter(|s| Some(s.0) == best).map(|s| &s.1).collect();
    let what = if n < m { "fewer" } else { "more" };
    let code = if n < m { Code::MissingValues } else { Code::ExtraValues };
    let raws: Vec<&str> = run.values.iter().map(|t| t.raw).collect();
    let agreed = agree(&best, m);
    let complete = agreed.iter().all(Option::is_some);
    let msg = format!(
        "{}: row {} ({}) has {} values [{}], {} than its {} columns",
        table.as_str(),
        spec.key,
        spec.label,
        n,
        raws.join(" "),
        what,
        m
    );
    if complete && !best.is_empty() {
        let resolved = if best.len() == 1 {
            "the identities single out one placement"
        } else {
            "every placement gives the same cells"
        };
        // A cell the text lacks, given by the identities, may have been printed empty (a
        // 总计 left blank, dropped by text that keeps no empty cells): a warning.
        let inferred: Vec<&str> = agreed
            .iter()
            .flatten()
            .filter(|c| c.status == CellStatus::Inferred)
            .map(|c| c.col)
            .collect();
        ex.diags.push(if inferred.is_empty() {
            Diagnostic::info(code, Some(run.label_line), format!("{msg}; {resolved}"))
        } else {
            Diagnostic::warning(
                code,
                Some(run.label_line),
                format!(
                    "{msg}; {resolved}, column(s) {} inferred from the identities (unless printed empty)",
                    inferred.join(", ")
                ),
            )
        });
    } else {
        let missing: Vec<&str> = (0..m).filter(|&c| agreed[c].is_none()).map(|c| spec.cols[c]).collect();
        ex.diags.push(Diagnostic::warning(
            Code::AmbiguousRow,
            Some(run.label_line),
            format!(
                "{msg}; {} placements fit equally well, so column(s) {} were left out",
                best.len().max(1),
                missing.join(", ")
            ),
        ));
    }
    ex.diags
        .extend(scratch.into_iter().filter(|d| d.code != Code::UnitAssumed || complete));
    ex.cells.extend(agreed.into_iter().flatten());
}

/// The cells every best candidate agrees on. Candidates may agree on a column's value
/// while it was printed in one and inferred in another (a row of zeros with one zero
/// missing): such a cell is `inferred`, since only the identities put it there.
fn agree(best: &[&Candidate], m: usize) -> Vec<Option<Cell>> {
    (0..m)
        .map(|c| {
            let first = best.first()?[c].clone()?;
            let mut mixed = false;
            for b in best {
                let x = b[c].as_ref()?;
                if x.value != first.value || (x.status != first.status && x.number().is_none()) {
                    return None;
                }
                mixed |= x.status != first.status;
            }
            Some(if mixed {
                Cell {
                    status: CellStatus::Inferred,
                    raw: Default::default(),
                    ..first
                }
            } else {
                first
            })
        })
        .collect()
}

/// The cell for value token `tok` in column `col` of `spec`.
fn value_cell(
    table: Table,
    spec: &RowSpec,
    col: usize,
    tok: &Token<'_>,
    header_unit: Option<Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Cell {
    let mut cell = Cell {
        table,
        row: spec.key,
        col: spec.cols[col],
        value: None,
        status: CellStatus::NotApplicable,
        raw: tok.raw.into(),
        line: tok.line,
    };
    if let Kind::Value(Value::Number(n)) = tok.kind {
        cell.status = CellStatus::Reported;
        if spec.amount_col == Some(col) {
            let (v, known) = numbers::to_wan_yuan(&n, header_unit);
            if !known && v != 0.0 {
                let sev = if v > 10_000.0 {
                    Diagnostic::warning
                } else {
                    Diagnostic::info
                };
                diags.push(sev(
                    Code::UnitAssumed,
                    Some(tok.line),
                    unit_assumed(table, spec.key, spec.cols[col], tok.raw, "万元"),
                ));
            }
            cell.value = Some(v);
        } else {
            cell.value = Some(n.value);
            if !validate::close(n.value, n.value.round()) {
                diags.push(Diagnostic::warning(
                    Code::InvalidValue,
                    Some(tok.line),
                    format!(
                        "{}: {} {} = {:?} is not a whole number",
                        table.as_str(),
                        spec.key,
                        spec.cols[col],
                        tok.raw
                    ),
                ));
            }
        }
    }
    cell
}

/// Extracts the review/litigation table: 15 cells, three proceedings of five results.
/// A line of exactly 15 cells with no text is read by position (blank cells are blank);
/// otherwise the values are read in order and placed with the identities.
pub fn review(lines: &[Line<'_>], first_line: u32, form: Form) -> Extracted {
    let table = Table::ReviewLitigation;
    let specs = template::REVIEW;
    let tokens = grid::tokens(lines, form == Form::Glued);
    let mut ex = Extracted::default();
    let width = specs.len() * template::RESULTS.len();
    // Positional: one line of `width` cells, values and blanks only.
    let mut by_line: Vec<(u32, Vec<&Token>)> = Vec::new();
    for t in &tokens {
        match by_line.last_mut() {
            Some((l, v)) if *l == t.line => v.push(t),
            _ => by_line.push((t.line, vec![t])),
        }
    }
    let positional = by_line.iter().find_map(|(_, ts)| {
        let grid = ts.len() >= width
            && ts[0].line_cells as usize == ts.len()
            && ts.iter().all(|t| t.kind != Kind::Text && t.kind != Kind::Run)
            && ts.iter().any(|t| t.is_value());
        grid.then(|| review_cells(ts, width)).flatten()
    });
    let positional = positional.or_else(|| stacked_review(&tokens, width));
    if positional.is_none() && form == Form::Text {
        if let Some((cells, checked)) = review_by_layout(lines, &tokens, width) {
            let line = cells.iter().flatten().next().map_or(first_line, |t| t.line);
            for (i, t) in cells.iter().enumerate() {
                let spec = &specs[i / 5];
                ex.cells.push(match t {
                    Some(t) => value_cell(table, spec, i % 5, t, None, &mut ex.diags),
                    None => Cell::blank(table, spec.key, spec.cols[i % 5], line),
                });
            }
            let msg = format!(
                "{}: {} values, fewer than its {width} columns; each was read under the column its place on the line stands under, the others blank",
                table.as_str(),
                cells.iter().flatten().count()
            );
            ex.diags.push(if checked {
                Diagnostic::info(
                    Code::MissingValues,
                    Some(line),
                    format!("{msg} (the proceedings' 总计 add up)"),
                )
            } else {
                Diagnostic::warning(
                    Code::MissingValues,
                    Some(line),
                    format!("{msg}; its 总计 are blank, so nothing checks the places"),
                )
            });
            return ex;
        }
    }
    if let Some(ts) = positional {
        for (i, t) in ts.iter().enumerate() {
            let spec = &specs[i / 5];
            let cell = if t.kind == Kind::Blank {
                Cell::blank(table, spec.key, spec.cols[i % 5], t.line)
            } else {
                value_cell(table, spec, i % 5, t, None, &mut ex.diags)
            };
            ex.cells.push(cell);
        }
        return ex;
    }
    let mut values: Vec<Token> = tokens
        .iter()
        .filter(|t| t.is_value() || t.kind == Kind::Run)
        .cloned()
        .collect();
    runs_among_values(&mut values, width);
    if values.iter().any(|t| t.kind == Kind::Run) {
        let line = values[0].line;
        let score = |nums: &[Option<f64>]| -> i32 {
            (0..3)
                .map(|g| {
                    let v: Option<Vec<f64>> = nums[g * 5..g * 5 + 5].iter().copied().collect();
                    v.map_or(0, |v| {
                        if validate::close(v[4], v[..4].iter().sum()) {
                            1
                        } else {
                            -1
                        }
                    })
                })
                .sum()
        };
        let cell_for =
            |c: usize, tok: &Token<'_>, d: &mut Vec<Diagnostic>| value_cell(table, &specs[c / 5], c % 5, tok, None, d);
        place_glued(
            table,
            "行政复议、行政诉讼",
            &values,
            &REVIEW_COLS,
            line,
            cell_for,
            score,
            &mut ex,
        );
        return ex;
    }
    if values.is_empty() {
        // A table left empty: a row of exactly `width` empty cells (`<td>`s of an HTML row)
        // is its row of blank cells.
        let tabs = |l: &&Line<'_>| l.text.bytes().filter(|&b| b == b'\t').count();
        if let Some(l) = lines
            .iter()
            .find(|l| tabs(l) == width - 1 && grid::trim(l.text).is_empty())
        {
            for spec in specs {
                for &col in spec.cols {
                    ex.cells.push(Cell::blank(table, spec.key, col, l.no));
                }
            }
            return ex;
        }
        ex.diags.push(Diagnostic::warning(
            Code::TableMissing,
            Some(first_line),
            format!("{}: the heading is there but no values follow it", table.as_str()),
        ));
        return ex;
    }
    // The 15 cells as one row, so every placement is scored on all three groups.
    let line = values[0].line;
    let run = Run::cut(String::new(), line, values, None);
    place_flat(&run, width, &mut ex);
    ex
}

/// Digits of several cells run together on a line of their own, in a text whose other
/// lines are not (a page put into text with no space between its cells' strings:
/// `5460151000100022` under the review table's header): where the row's values are fewer
/// than its `width` cells but their digits are enough to fill them, a value of digits alone
/// that no cell would print — seven digits or more (no proceeding counts a million cases),
/// or a leading 0 — is such a run, split as a crawler's are, by the identities.
fn runs_among_values(values: &mut [Token<'_>], width: usize) {
    let digits = |t: &Token<'_>| {
        t.raw
            .chars()
            .all(|c| numbers::halfwidth(c).is_ascii_digit())
            .then(|| t.raw.chars().count())
    };
    if values.len() >= width || values.iter().any(|t| t.kind == Kind::Run) {
        return;
    }
    let total: usize = values.iter().map(|t| digits(t).unwrap_or(1)).sum();
    if total < width {
        return;
    }
    for t in values.iter_mut() {
        let run = digits(t).is_some_and(|n| n >= 7 || (n > 1 && t.raw.starts_with(['0', '０'])));
        if t.is_value() && run {
            t.kind = Kind::Run;
        }
    }
}

/// The `width` cells of a review row of values and empty cells, one token a cell. A row
/// with more cells has empty ones to spare at its ends (a trailing tab, an empty column a
/// word processor added before or after the table's): they are dropped from the end that
/// has them, or, when both ends have, from the one end after whose dropping each
/// proceeding's 总计 is the sum of its four results (empty cells as 0).
fn review_cells<'t, 'a>(ts: &[&'t Token<'a>], width: usize) -> Option<Vec<&'t Token<'a>>> {
    let extra = ts.len() - width;
    if extra == 0 {
        return Some(ts.to_vec());
    }
    let lead = ts.iter().take_while(|t| t.kind == Kind::Blank).count();
    let trail = ts.iter().rev().take_while(|t| t.kind == Kind::Blank).count();
    let sums = |cells: &[&Token<'_>]| {
        cells.chunks(template::RESULTS.len()).all(|g| {
            let n: Vec<f64> = g
                .iter()
                .map(|t| match t.kind {
                    Kind::Value(Value::Number(n)) => n.value,
                    _ => 0.0,
                })
                .collect();
            validate::close(n[n.len() - 1], n[..n.len() - 1].iter().sum())
        })
    };
    let front = (lead >= extra).then(|| &ts[extra..]);
    let back = (trail >= extra).then(|| &ts[..width]);
    let pick = match (front, back) {
        (Some(f), None) => f,
        (None, Some(b)) => b,
        (Some(f), Some(b)) => match (sums(f), sums(b)) {
            (true, false) => f,
            (false, true) => b,
            _ => return None,
        },
        (None, None) => return None,
    };
    Some(pick.to_vec())
}

/// The review table's `width` cells one a line, an empty one printed as such (`5 |`, `|`,
/// `2 |`: a page's cells put into text one a line): the one run of tokens, each its line's
/// only cell, values and empty cells on lines one after another, exactly `width` long with
/// a value among them.
fn stacked_review<'t, 'a>(tokens: &'t [Token<'a>], width: usize) -> Option<Vec<&'t Token<'a>>> {
    let mut found = None;
    let mut run: Vec<&Token<'a>> = Vec::new();
    let mut close = |run: &mut Vec<&'t Token<'a>>| -> bool {
        let fits = run.len() == width && run.iter().any(|t| t.is_value()) && run.iter().any(|t| t.kind == Kind::Blank);
        let taken = fits && found.replace(std::mem::take(run)).is_some();
        run.clear();
        taken
    };
    for t in tokens {
        let cell = t.line_cells == 1 && (t.is_value() || t.kind == Kind::Blank);
        let ends = !cell || run.last().is_some_and(|p| p.line + 1 != t.line);
        if ends && close(&mut run) {
            return None;
        }
        if cell {
            run.push(t);
        }
    }
    if close(&mut run) {
        return None;
    }
    found
}

/// The review table's 15 cells as one row, for splitting runs (no column has a prior).
const REVIEW_COLS: [&str; 15] = [""; 15];

/// Places the review table's values as one 15-column row, scoring with the three
/// proceeding identities, then maps the flat columns back to (proceeding, result).
fn place_flat(run: &Run<'_>, m: usize, ex: &mut Extracted) {
    let table = Table::ReviewLitigation;
    let n = run.values.len();
    let mut scored: Vec<(i32, Vec<Option<Cell>>)> = Vec::new();
    let mut scratch = Vec::new();
    for p in placements(n, m) {
        let mut cand: Vec<Option<Cell>> = p
            .iter()
            .enumerate()
            .map(|(c, v)| {
                v.map(|i| {
                    let spec = &template::REVIEW[c / 5];
                    value_cell(table, spec, c % 5, &run.values[i], None, &mut scratch)
                })
            })
            .collect();
        let mut score = 0;
        let mut reject = false;
        for g in 0..3 {
            let group = &mut cand[g * 5..g * 5 + 5];
            let gaps: Vec<usize> = (0..5).filter(|&c| group[c].is_none()).collect();
            if gaps.len() == 1 && group.iter().flatten().all(|c| c.number().is_some()) {
                let c = gaps[0];
                let sum: f64 = group[..4].iter().flatten().filter_map(Cell::number).sum();
                let v = if c == 4 {
                    sum
                } else {
                    group[4].as_ref().and_then(Cell::number).unwrap_or(0.0) - sum
                };
                if v < -1e-9 {
                    reject = true;
                }
                group[c] = Some(Cell {
                    table,
                    row: template::PROCEEDINGS[g],
                    col: template::RESULTS[c],
                    value: Some(v),
                    status: CellStatus::Inferred,
                    raw: Default::default(),
                    line: run.label_line,
                });
            }
            let nums: Option<Vec<f64>> = group.iter().map(|c| c.as_ref().and_then(Cell::number)).collect();
            if let Some(v) = nums {
                score += if validate::close(v[4], v[..4].iter().sum()) {
                    1
                } else {
                    -1
                };
            }
        }
        if !reject {
            scored.push((score, cand));
        }
    }
    let best = scored.iter().map(|s| s.0).max();
    let best: Vec<&Vec<Option<Cell>>> = scored.iter().filter(|s| Some(s.0) == best).map(|s| &s.1).collect();
    let agreed = agree(&best, m);
    let complete = agreed.iter().all(Option::is_some);
    if n != m {
        let raws: Vec<&str> = run.values.iter().map(|t| t.raw).collect();
        let msg = format!("{}: {} values [{}] for 15 cells", table.as_str(), n, raws.join(" "));
        if complete {
            let code = if n < m { Code::MissingValues } else { Code::ExtraValues };
            ex.diags.push(Diagnostic::info(
                code,
                Some(run.label_line),
                format!("{msg}; the identities place them"),
            ));
        } else {
            let missing: Vec<String> = (0..m)
                .filter(|&c| agreed[c].is_none())
                .map(|c| format!("{}/{}", template::PROCEEDINGS[c / 5], template::RESULTS[c % 5]))
                .collect();
            ex.diags.push(Diagnostic::warning(
                Code::AmbiguousRow,
                Some(run.label_line),
                format!(
                    "{msg}; the identities cannot place them, so {} were left out",
                    missing.join(", ")
                ),
            ));
        }
    }
    ex.diags.extend(scratch);
    ex.cells.extend(agreed.into_iter().flatten());
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The sort into template order finds each cell's place as the search by name does,
        /// whatever order the cells come in (the next place is guessed from the previous
        /// cell's; a cell the guess misses is looked up), and keeps equal places in order.
        #[test]
        fn cells_sort_into_the_places_the_names_give(
            template in proptest::sample::select(vec![Template::T2019, Template::T2021]),
            picks in proptest::collection::vec(proptest::num::usize::ANY, 0..80),
            runs in proptest::collection::vec(1usize..40, 1..6),
        ) {
            // Every cell of the template, in its order; then runs of them in order (as
            // tables are), picked from anywhere, some twice.
            let all: Vec<Cell> = Table::ALL
                .iter()
                .flat_map(|&t| {
                    template::rows(t, template).iter().flat_map(move |spec| {
                        spec.cols.iter().map(move |&col| Cell::blank(t, spec.key, col, 0))
                    })
                })
                .collect();
            let mut cells: Vec<Cell> = Vec::new();
            for (k, &p) in picks.iter().enumerate() {
                let start = p % all.len();
                let len = runs[k % runs.len()];
                cells.extend(all[start..(start + len).min(all.len())].iter().cloned());
            }
            for (i, c) in cells.iter_mut().enumerate() {
                c.line = i as u32;
            }
            let by_name = |c: &Cell| {
                let specs = template::rows(c.table, template);
                let r = specs.iter().position(|s| s.key == c.row).unwrap();
                (c.table, r, specs[r].cols.iter().position(|k| *k == c.col).unwrap())
            };
            let mut want = cells.clone();
            want.sort_by_key(by_name);
            sort_in_order(&mut cells, |_| template);
            proptest::prop_assert_eq!(cells, want);
        }
    }

    fn lines(text: &str) -> Vec<Line<'_>> {
        grid::lines(text)
    }

    /// `labelled` on a table's text alone (no prose around it), from line 1.
    fn labelled_text(table: Table, template: Template, text: &str, form: Form) -> Extracted {
        labelled(table, template, &lines(text), 1, form, &Stated::new(""))
    }

    /// The applications table of the 2019 template read from lines of text.
    fn applications_text(text: &str) -> Extracted {
        labelled_text(Table::Applications, Template::T2019, text, Form::Text)
    }

    fn values(ex: &Extracted, row: &str) -> Vec<Option<f64>> {
        ex.cells.iter().filter(|c| c.row == row).map(|c| c.value).collect()
    }

    /// Whether every diagnostic of `ex` has one of `codes`.
    fn only(ex: &Extracted, codes: &[Code]) -> bool {
        ex.diags.iter().all(|d| codes.contains(&d.code))
    }

    fn statuses(ex: &Extracted, row: &str) -> Vec<CellStatus> {
        ex.cells.iter().filter(|c| c.row == row).map(|c| c.status).collect()
    }

    #[test]
    fn label_split_over_three_lines() {
        let text = "（五）不予\t1.信访举报投诉类申请\t1\t0\t0\t0\t0\t0\t1\n2.重复申请\t\t2\t0\t0\t0\t0\t0\t2\n\n\t处理\t3.要求提供公开出版物\t3\t0\t0\t0\t0\t0\t3\n";
        let ex = applications_text(text);
        assert_eq!(values(&ex, "not_processed.duplicate")[0], Some(2.0));
        assert_eq!(values(&ex, "not_processed.publication_request")[6], Some(3.0));
        assert_eq!(
            ex.cells
                .iter()
                .find(|c| c.row == "not_processed.publication_request")
                .unwrap()
                .line,
            4
        );
    }

    #[test]
    fn one_missing_value_is_inferred_from_the_row_identity() {
        // 7 columns, 6 values: the gap can only be the total (5+1 = 6), or any other
        // column with the remainder; the column identities are unknown here, so every
        // placement with a non-negative remainder is possible → only the agreed cells.
        let ex = applications_text("（一）予以公开\t0\t0\t0\t0\t0\t0\n");
        assert_eq!(values(&ex, "granted"), vec![Some(0.0); 7]);
        assert!(ex.cells.iter().any(|c| c.status == CellStatus::Inferred));
    }

    #[test]
    fn ambiguous_missing_value_is_left_out_with_a_warning() {
        let ex = applications_text("（一）予以公开\t3\t1\t0\t0\t0\t4\n");
        assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousRow));
        // Whatever is emitted is printed in the text or follows from it.
        for c in &ex.cells {
            assert!(c.status != CellStatus::Reported || ["3", "1", "0", "4"].contains(&c.raw.as_str()));
        }
    }

    #[test]
    fn review_row_with_leading_blanks_is_positional() {
        let text = "\t\t\t\t\t1\t2\t0\t1\t4\t0\t0\t0\t0\t0\n";
        let ex = review(&lines(text), 1, Form::Text);
        assert_eq!(ex.cells.len(), 15);
        assert_eq!(ex.cells[0].status, CellStatus::Blank);
        assert_eq!(ex.cells[9].value, Some(4.0));
    }

    /// An HTML row with an empty cell more than its columns at its end (a word processor's
    /// empty column) is read by position, its blank 总计 kept.
    #[test]
    fn html_row_with_a_spare_column_is_positional() {
        let ex = labelled_text(
            Table::Applications,
            Template::T2019,
            "（一）予以公开\t3\t\t\t\t\t1\t\t\n",
            Form::Html,
        );
        let got: Vec<(Option<f64>, CellStatus)> = ex.cells.iter().map(|c| (c.value, c.status)).collect();
        let blank = (None, CellStatus::Blank);
        let reported = |v| (Some(v), CellStatus::Reported);
        assert_eq!(got, [reported(3.0), blank, blank, blank, blank, reported(1.0), blank]);
    }

    /// Empty cells after a row's values that make up its columns, in a text table whose
    /// other lines end at their last column, are the row's own: its 总计 printed blank (a
    /// page of 上海市人民政府办公厅 2019 put into text), not a gap the identities fill. Where
    /// a line holds a tab after its values, they stay layout.
    #[test]
    fn empty_cells_after_the_values_are_the_rows_own_where_lines_end_at_their_last_column() {
        let head = "一、本年新收政府信息公开申请数量\t\t\t821\t35\t\t\t2\t1\t859\n\
                    二、上年结转政府信息公开申请数量\t\t\t18\t\t\t\t\t\t18\n";
        let rows = "三、本年度办理结果\t（一）予以公开\t\t258\t12\t\t\t1\t1\t\n\
                    （三）不予公开\t1.属于国家秘密\t14\t\t\t\t\t\t\n";
        let ex = applications_text(&format!("{head}{rows}"));
        let blank = (None, CellStatus::Blank);
        let reported = |v| (Some(v), CellStatus::Reported);
        let got = |ex: &Extracted, row: &str| -> Vec<(Option<f64>, CellStatus)> {
            ex.cells
                .iter()
                .filter(|c| c.row == row)
                .map(|c| (c.value, c.status))
                .collect()
        };
        assert_eq!(
            got(&ex, "granted"),
            [
                reported(258.0),
                reported(12.0),
                blank,
                blank,
                reported(1.0),
                reported(1.0),
                blank
            ]
        );
        assert_eq!(got(&ex, "withheld.state_secret")[0], reported(14.0));
        assert!(got(&ex, "withheld.state_secret")[1..].iter().all(|c| *c == blank));
        // A tab after a row's values: the table's lines do not end at their last column.
        let ex = applications_text(&format!("{}{rows}", head.replace("\n", "\t\n")));
        assert!(got(&ex, "withheld.state_secret")
            .iter()
            .all(|c| c.1 != CellStatus::Blank));
    }

    /// A report that leaves its zeros empty (`（一）予以公开 | | | | | | | 0 |`): two or more
    /// empty cells first in an applications row whose last cell adds up the others stand in
    /// their columns, where the table's values start after the label; one empty cell before
    /// six zeros may be a merged label's column, and is not.
    #[test]
    fn empty_cells_first_stand_for_zeros_where_the_last_adds_up() {
        let text = "一、本年新收政府信息公开申请数量\t2\t\t\t\t\t\t2\n\
                    二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t0\n\
                    三、本年度办理结果\t（一）予以公开\t1\t\t\t\t\t\t1\n\
                    （二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t\t3\t\t\t\t3\n\
                    （三）不予公开\t1.属于国家秘密\t\t0\t0\t0\t0\t0\t0\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "carried_over"),
            [None, None, None, None, None, None, Some(0.0)]
        );
        assert_eq!(
            values(&ex, "partially_granted"),
            [None, None, Some(3.0), None, None, None, Some(3.0)]
        );
        let state_secret = statuses(&ex, "withheld.state_secret");
        assert!(!state_secret.contains(&CellStatus::Blank), "{state_secret:?}");
    }

    /// A 法人或其他组织小计 column (its header spaced out, `小 计`) beside a 总计 printed
    /// blank: the subtotal is taken out, the blank is the 总计's, on a line of cells as one
    /// cell a line (where 自然人 is 0, the subtotal equals the total the identities want).
    #[test]
    fn a_subtotal_column_beside_a_blank_total() {
        let text = "申请人情况\n自然人\t法人或其他组织\t总计\n\
                    商 业 企 业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小 计\n\
                    一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t2\t3\t8\n\
                    二、上年结转政府信息公开申请数量\t0\t2\t0\t0\t0\t0\t2\t\n\
                    三、本年度办理结果\t（一）予以公开\t4\t1\t0\t0\t0\t1\t2\t6\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "carried_over"),
            [Some(0.0), Some(2.0), Some(0.0), Some(0.0), Some(0.0), Some(0.0), None]
        );
        assert_eq!(statuses(&ex, "carried_over")[6], CellStatus::Blank);
        assert_eq!(values(&ex, "new_received")[6], Some(8.0));
        assert!(
            !ex.diags.iter().any(|d| d.code == Code::IdentityFailed),
            "{:?}",
            ex.diags
        );
        // One cell a line, an empty one a bar alone.
        let stacked = "申请人情况 |\n自然人 |\n商业企业 |\n小计 |\n总计 |\n\
                       一、本年新收政府信息公开申请数量 |\n5 |\n1 |\n0 |\n0 |\n0 |\n2 |\n3 |\n8 |\n\
                       二、上年结转政府信息公开申请数量 |\n0 |\n2 |\n0 |\n0 |\n0 |\n0 |\n2 |\n|\n";
        let ex = applications_text(stacked);
        assert_eq!(
            values(&ex, "carried_over"),
            [Some(0.0), Some(2.0), Some(0.0), Some(0.0), Some(0.0), Some(0.0), None]
        );
        assert_eq!(statuses(&ex, "carried_over")[6], CellStatus::Blank);
    }

    /// Rows written `' | '.join(cells)` (a script reading a Word table with python-docx):
    /// no line opens with a bar and most end with a cell, so a line ending with a bar ends
    /// with an empty cell, a 总计 printed blank, not one to infer.
    #[test]
    fn a_bar_ending_rows_joined_with_bars_is_an_empty_last_cell() {
        let rows = [
            "一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6",
            "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
            "三、本年度办理结果 | （一）予以公开 | 4 | 1 | 0 | 0 | 0 | 0 | ",
            "（二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
            "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
            "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
            "3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0",
            "4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
            "5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        ];
        let ex = applications_text(&(rows.join("\n") + "\n"));
        assert_eq!(
            values(&ex, "granted")[..6],
            [Some(4.0), Some(1.0), Some(0.0), Some(0.0), Some(0.0), Some(0.0)]
        );
        assert_eq!(statuses(&ex, "granted")[6], CellStatus::Blank, "{:?}", ex.diags);
    }

    /// Rows framed by bars and padded to the table's width with empty cells run together
    /// after them (`| 行政许可 | 1300 | ||`, the text stored report pages hold): the padding
    /// is none of a row's cells, an empty cell that makes up a row's columns its own
    /// (`| 规章 | 0 | 0 | |`: 现行有效件数 printed empty).
    #[test]
    fn framed_rows_padded_to_the_tables_width() {
        let text = "| 第二十条第(一)项 | |||\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
                    | 规章 | 0 | 0 | |\n| 行政规范性文件 | 0 | 0 | |\n| 第二十条第(五)项 | |||\n\
                    | 信息内容 | 本年处理决定数量 | ||\n| 行政许可 | 1300 | ||\n| 第二十条第(六)项 | |||\n\
                    | 信息内容 | 本年处理决定数量 | ||\n| 行政处罚 | 25 | ||\n| 行政强制 | 0 | ||\n\
                    | 第二十条第(八)项 | |||\n| 信息内容 | 本年收费金额(单位:万元) | ||\n| 行政事业性收费 | 0 | ||\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2021, text, Form::Text);
        assert_eq!(values(&ex, "rules"), [Some(0.0), Some(0.0), None], "{:?}", ex.diags);
        assert_eq!(statuses(&ex, "rules")[2], CellStatus::Blank);
        assert_eq!(values(&ex, "administrative_licensing"), [Some(1300.0)]);
        assert!(ex.diags.is_empty(), "{:?}", ex.diags);
    }

    /// A number cut off at its decimal point in a row's cell, its other digits in the next
    /// cell (a PDF converter's Markdown that lost one: `|行政事业性收费|87070.|2|`): the piece
    /// reads as no number and joins the label; the row's number is flagged, not taken as
    /// printed without a word.
    #[test]
    fn a_number_cut_off_at_its_point_is_said() {
        let text = "| 第二十条第(八)项 | |||\n| 信息内容 | 本年收费金额(单位:万元) | ||\n\
                    | 行政事业性收费 | 87070. | 2 |\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2021, text, Form::Text);
        assert!(
            ex.diags
                .iter()
                .any(|d| d.code == Code::InvalidValue && d.message.contains("\"87070.\"")),
            "{:?}",
            ex.diags
        );
        assert_eq!(number_cut_off("行政事业性收费87070."), Some("87070."));
        assert_eq!(number_cut_off("1.属于国家秘密"), None);
        assert_eq!(number_cut_off("行政事业性收费."), None);
    }

    /// A row of seven numbers in a table with a 小计 column, one cell lost (OCR, a converter
    /// that drops empty cells): its 小计 is taken out where the rest then adds up, and the
    /// lost cell is looked for only where the 小计 lets it be; a row that adds up as seven
    /// keeps them.
    #[test]
    fn a_row_a_cell_short_beside_a_subtotal_column() {
        let text = "申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他 小计\n\
                    一、本年新收政府信息公开申请数量 464 32 16 0 0 0 48 512\n\
                    二、上年结转政府信息公开申请数量 0 0 0 2 0 2 2\n\
                    三、本年度办理结果（一）予以公开 6 3 0 0 0 1 4 10\n\
                    （七）总计 464 32 11 0 0 44 508\n\
                    四、结转下年度继续办理 4 0 0 1 0 0 1 5\n";
        let ex = applications_text(text);
        // 0 + 2 = 2: a zero lost among the organisations, the 2 at one of two places.
        assert_eq!(values(&ex, "carried_over").first(), Some(&Some(0.0)), "{:?}", ex.diags);
        assert_eq!(values(&ex, "carried_over").last(), Some(&Some(2.0)), "{:?}", ex.diags);
        // 464 + 44 = 508: the 自然人 is 464, the 1 lost among the organisations.
        let total = ex.cells.iter().filter(|c| c.row == "total");
        let natural = total.clone().find(|c| c.col == "natural_person").and_then(|c| c.value);
        assert_eq!(natural, Some(464.0), "{:?}", ex.diags);
        assert!(total.clone().all(|c| c.value != Some(44.0)), "{:?}", ex.cells);
        assert!(
            ex.diags.iter().all(|d| d.code != Code::IdentityFailed),
            "{:?}",
            ex.diags
        );
        // Seven that add up as seven (the 小计 printed empty) are the row's seven.
        let text = text.replace(" 0 0 0 2 0 2 2\n", " 0 0 0 2 0 0 2\n");
        let ex = applications_text(&text);
        let seven = [
            Some(0.0),
            Some(0.0),
            Some(0.0),
            Some(2.0),
            Some(0.0),
            Some(0.0),
            Some(2.0),
        ];
        assert_eq!(values(&ex, "carried_over"), seven, "{:?}", ex.diags);
        // With the 自然人 0 they read as well as six and the 小计 with the 总计 printed
        // empty: which cell was lost is said; not where the 自然人 tells them apart.
        let said = |ex: &Extracted| {
            ex.diags
                .iter()
                .any(|d| d.code == Code::MissingValues && d.message.contains("row carried_over has seven values"))
        };
        assert!(said(&ex), "{:?}", ex.diags);
        let text = text.replace(" 0 0 0 2 0 0 2\n", " 1 0 0 2 0 0 3\n");
        let ex = applications_text(&text);
        assert_eq!(values(&ex, "carried_over").last(), Some(&Some(3.0)), "{:?}", ex.diags);
        assert!(!said(&ex), "{:?}", ex.diags);
    }

    /// A 小计 column no header names (a PDF's header lost in its text): a row whose numbers
    /// add up at either place (`0 3 0 0 0 0 3 3`) takes the place the table's other rows
    /// single out.
    #[test]
    fn a_subtotal_column_is_where_the_tables_rows_put_it() {
        let text = "一、本年新收政府信息公开申请数量      12      0      0      6      0      0      6     18\n\
                    二、上年结转政府信息公开申请数量       0      3      0      0      0      0      3      3\n\
                    三、本年度办理结果（一）予以公开      10      3      0      0      0      0      3     13\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "carried_over"),
            [
                Some(0.0),
                Some(3.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(3.0)
            ]
        );
        assert_eq!(values(&ex, "granted")[1], Some(3.0));
        assert!(!ex.diags.iter().any(|d| d.code == Code::AmbiguousRow), "{:?}", ex.diags);
    }

    /// A word processor's table put into text a cell a line, each behind a tab, an empty
    /// line after each row (seed 001's form): an empty cell is a line of its tab alone, as
    /// the seed's review header has them.
    #[test]
    fn cells_one_a_line_behind_a_tab_with_empty_ones_a_tab_alone_read_by_position() {
        let row = |label: &str, cells: &[&str]| -> String {
            let mut s = format!("\t{label}\n");
            for c in cells {
                s += &format!("\t{c}\n");
            }
            s + "\n"
        };
        let mut text = row(
            "一、本年新收政府信息公开申请数量",
            &["821", "35", "0", "0", "2", "1", "859"],
        );
        text += &row("二、上年结转政府信息公开申请数量", &["3", "0", "0", "0", "0", "0", "3"]);
        text += "\t三、本年度办理结果\n";
        text += &row("（一）予以公开", &["258", "12", "0", "0", "1", "1", ""]);
        text += &row("（二）部分公开", &["3", "", "", "", "", "", "3"]);
        text += &row("（七）总计", &["264", "12", "0", "0", "1", "1", "278"]);
        let ex = applications_text(&text);
        let got = |row: &str| -> Vec<Option<f64>> { values(&ex, row) };
        assert_eq!(
            got("granted"),
            [
                Some(258.0),
                Some(12.0),
                Some(0.0),
                Some(0.0),
                Some(1.0),
                Some(1.0),
                None
            ]
        );
        assert_eq!(statuses(&ex, "granted")[6], CellStatus::Blank);
        assert_eq!(
            got("partially_granted"),
            [Some(3.0), None, None, None, None, None, Some(3.0)]
        );
        assert_eq!(got("new_received")[6], Some(859.0));
        // Every line ending with spaces, the empty lines between rows spaces alone: those
        // are no cells (they hold no tab), and the rows read the same.
        let spaced: String = text.lines().map(|l| format!("{l}  \n")).collect();
        let ex = applications_text(&spaced);
        for row in ["new_received", "granted", "partially_granted", "total"] {
            assert_eq!(values(&ex, row), got(row), "{row}");
        }
        assert_eq!(statuses(&ex, "granted")[6], CellStatus::Blank);
        // The same lines with the empty cells' tabs gone are cells left out: the blank 总计
        // is not read as printed.
        let gone = text.replace("\t\n", "");
        let ex = applications_text(&gone);
        assert_ne!(statuses(&ex, "granted").get(6), Some(&CellStatus::Blank));
    }

    /// A row's cells one a line, an empty one a bar alone (a page's cells put into text one
    /// a line, `821 |`, `|`): each line is a cell in its column, the empty ones blank.
    #[test]
    fn cells_one_a_line_with_empty_ones_printed_read_by_position() {
        let text = "一、本年新收政府信息公开申请数量 |||\n821 |\n35 |\n|\n|\n2 |\n1 |\n859 |\n\
                    三、本年度办理结果 |\n（一）予以公开 ||\n258 |\n12 |\n|\n|\n1 |\n1 |\n|\n\
                    （二）部分公开（区分处理的，只计这一情形，不计其他情形） ||\n3 |\n|\n|\n|\n|\n|\n3 |\n\
                    （三）不予公开 |\n1.属于国家秘密 |\n|\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n\
                    2.其他法律行政法规禁止公开 |\n|\n|\n|\n|\n|\n|\n0 |\n\
                    （六）其他处理 ||\n|\n|\n|\n|\n|\n|\n|\n（七）总计 ||\n264 |\n12 |\n|\n|\n1 |\n1 |\n278 |\n";
        let ex = applications_text(text);
        let got = |row: &str| -> Vec<Option<f64>> { values(&ex, row) };
        assert_eq!(
            got("new_received"),
            [Some(821.0), Some(35.0), None, None, Some(2.0), Some(1.0), Some(859.0)]
        );
        assert_eq!(
            got("granted"),
            [Some(258.0), Some(12.0), None, None, Some(1.0), Some(1.0), None]
        );
        assert_eq!(
            got("partially_granted"),
            [Some(3.0), None, None, None, None, None, Some(3.0)]
        );
        // An empty cell first may be a merged label's column, the row's six values short of
        // one: not read by position.
        let state_secret = statuses(&ex, "withheld.state_secret");
        assert!(!state_secret.contains(&CellStatus::Blank), "{state_secret:?}");
        // ... but where two or more are, and the last cell adds up the others (a report
        // that leaves its zeros empty), they stand in their columns.
        assert_eq!(
            got("withheld.prohibited_by_law"),
            [None, None, None, None, None, None, Some(0.0)]
        );
        // A row left empty after a label's line with a padding cell (`（六）其他处理 ||`).
        assert_eq!(statuses(&ex, "other"), [CellStatus::Blank; 7]);
        assert_eq!(got("total")[6], Some(278.0));
        // The review table's cells one a line too.
        let review_text =
            "行政复议 |\n行政诉讼 |\n结果维持 |\n总计 |\n5 |\n|\n|\n2 |\n7 |\n8 |\n|\n|\n1 |\n9 |\n|\n|\n|\n|\n|\n";
        let ex = review(&lines(review_text), 1, Form::Text);
        let got: Vec<Option<f64>> = ex.cells.iter().map(|c| c.value).collect();
        assert_eq!(
            got,
            [
                Some(5.0),
                None,
                None,
                Some(2.0),
                Some(7.0),
                Some(8.0),
                None,
                None,
                Some(1.0),
                Some(9.0),
                None,
                None,
                None,
                None,
                None
            ]
        );
        assert!(ex.diags.is_empty(), "{:?}", ex.diags);
    }

    /// Bars that end cells (`行政复议 |  |  |`, a page's text with a bar after each cell) make
    /// the empty cell before a line's first bar a cell, where a markdown table's first bar
    /// opens its row.
    #[test]
    fn a_bar_after_each_cell_keeps_a_lines_first_empty_cell() {
        let text = "行政复议 |  |  |  |  | 行政诉讼 |\n\
                    结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |\n\
                     |  |  |  |  | 1 | 2 | 0 | 1 | 4 | 0 | 0 | 0 | 0 | 0 |\n";
        let ex = review(&lines(text), 1, Form::Text);
        assert_eq!(ex.cells.len(), 15);
        assert!(ex.cells[..5].iter().all(|c| c.status == CellStatus::Blank));
        assert_eq!(ex.cells[9].value, Some(4.0));
        let markdown = "| 行政复议 | | | | | 行政诉讼 |\n| | | | | | 1 | 2 | 0 | 1 | 4 | 0 | 0 | 0 | 0 | 0 |\n";
        let ex = review(&lines(markdown), 1, Form::Text);
        assert_eq!(ex.cells.len(), 15);
        assert_eq!(ex.cells[4].status, CellStatus::Blank);
        assert_eq!(ex.cells[5].value, Some(1.0));
    }

    /// Rows a converter padded with bars to its table's widest (`| |`, `| ||`, trafilatura):
    /// the empty cells after a row's columns are padding, the empty cell that makes up its
    /// columns (a 总计 printed blank) is the row's own, not inferred.
    #[test]
    fn bars_padding_a_row_are_no_cells_but_a_blank_total_is() {
        let text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | |||||||\n\
                    自然人 | 法人或其他组织 | 总计 | ||||||\n\
                    一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | |\n\
                    三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | |\n\
                    （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 2 | 0 | 0 | 0 | 0 | 0 | 2 | |\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "new_received"),
            [5.0, 1.0, 0.0, 0.0, 0.0, 0.0, 6.0].map(Some)
        );
        assert_eq!(values(&ex, "granted")[..6], [3.0, 1.0, 0.0, 0.0, 0.0, 0.0].map(Some));
        assert_eq!(statuses(&ex, "granted")[6], CellStatus::Blank);
        assert_eq!(values(&ex, "partially_granted")[6], Some(2.0));
        assert!(ex.diags.iter().all(|d| d.code == Code::RowMissing), "{:?}", ex.diags);
    }

    /// A header whose words a PDF's text broke (`商业企` / `业`), its 小计 after `其他`: the
    /// columns' heads put the 小计 after them, where rows that add up at either place
    /// (`6 4 0 0 0 0 4 10`) cannot tell; and where the header's words put it first, rows
    /// that add up only after the organisations are right.
    #[test]
    fn a_subtotal_column_where_the_rows_put_it_against_a_broken_header() {
        let either = "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 0\n（一）予以公开 6 4 0 0 0 0 4 10\n";
        let after = "一、本年新收政府信息公开申请数量 464 32 16 0 0 0 48 512\n";
        for (header, rows) in [
            (
                "自然人 总计\n商业企 科研机 社会公 法律服\n其他 小计\n业 构 益组织 务机构\n",
                either.to_string(),
            ),
            ("自然人 总计\n小计\n", format!("{after}{either}")),
        ] {
            let ex = applications_text(&format!("{header}{rows}"));
            assert_eq!(
                values(&ex, "granted"),
                [6.0, 4.0, 0.0, 0.0, 0.0, 0.0, 10.0].map(Some),
                "{header}"
            );
            assert!(only(&ex, &[Code::RowMissing, Code::Subtotal]), "{:?}", ex.diags);
        }
    }

    /// Rows a converter spread to the table's width (trafilatura 2: a merged cell's other
    /// places empty) in a report that leaves its zeros empty: the table's rows end with its
    /// last column, so a row's values are its last seven, the empty ones its own.
    #[test]
    fn rows_spread_to_the_tables_width_are_read_from_their_end() {
        let read = |rows: &[&str]| applications_text(&(rows.join("\n") + "\n"));
        let rows = [
            "| 一、本年新收政府信息公开申请数量 |  |  | 242 | 113 | 3 | 10 | 11 | 2 | 381 |",
            "| 二、上年结转政府信息公开申请数量 |  |  | 7 |  |  |  |  |  | 7 |",
            "| 三、本年度办理结果 | （一）予以公开 |  | 147 | 76 | 1 | 4 | 9 | 3 | 240 |",
            "|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 5 | 28 |  | 1 |  | 1 | 35 |",
            "|  | （三）不予公开 | 1.属于国家秘密 |  |  |  |  |  |  | 0 |",
            "|  |  | 2.其他法律行政法规禁止公开 |  |  |  | 2 |  |  | 2 |",
        ];
        let ex = read(&rows);
        assert_eq!(
            values(&ex, "carried_over"),
            [Some(7.0), None, None, None, None, None, Some(7.0)]
        );
        assert_eq!(statuses(&ex, "withheld.state_secret")[..6], [CellStatus::Blank; 6]);
        assert_eq!(values(&ex, "withheld.state_secret")[6], Some(0.0));
        assert_eq!(
            values(&ex, "withheld.prohibited_by_law"),
            [None, None, None, Some(2.0), None, None, Some(2.0)]
        );
        assert!(ex.diags.iter().all(|d| d.code == Code::RowMissing), "{:?}", ex.diags);
        // A label's merged cell written as empty cells after it, a row under a merged label
        // without them (markdownify): rows of different widths, read from their end as well.
        let rows = [
            "| 一、本年新收政府信息公开申请数量 | | | 14 | 1 | 5 | 4 | 2 |  | 26 |",
            "| 二、上年结转政府信息公开申请数量 | | |  |  |  |  |  |  | 0 |",
            "| 三、本年度办理结果 | （一）予以公开 | | 4 |  |  |  |  |  | 4 |",
            "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 3 |  |  |  |  |  | 3 |",
            "| （三）不予公开 | 1.属于国家秘密 |  |  |  |  |  |  | 0 |",
            "| 2.其他法律行政法规禁止公开 |  |  |  |  |  |  | 0 |",
        ];
        let ex = read(&rows);
        assert_eq!(
            values(&ex, "new_received"),
            [Some(14.0), Some(1.0), Some(5.0), Some(4.0), Some(2.0), None, Some(26.0)]
        );
        assert_eq!(statuses(&ex, "carried_over")[..6], [CellStatus::Blank; 6]);
        assert_eq!(
            values(&ex, "partially_granted"),
            [Some(3.0), None, None, None, None, None, Some(3.0)]
        );
        assert_eq!(statuses(&ex, "withheld.prohibited_by_law")[..6], [CellStatus::Blank; 6]);
        assert!(ex.diags.iter().all(|d| d.code == Code::RowMissing), "{:?}", ex.diags);
    }

    /// Bars between cells, each right after its cell (html2text's tables): a row that ends
    /// with a bar ends with an empty cell, its own (a 总计 printed blank), as the rows that
    /// end with a number show.
    #[test]
    fn a_bar_after_a_rows_last_number_stands_before_an_empty_cell() {
        let text = "一、本年新收政府信息公开申请数量| 5| 1|  |  | 0| 0| 6  \n\
                    二、上年结转政府信息公开申请数量| 0| 0| 0| 0| 0| 0| 0  \n\
                    三、本年度办理结果| （一）予以公开| 3| 1|  |  | 0| 0|    \n";
        let ex = applications_text(text);
        assert_eq!(values(&ex, "new_received")[6], Some(6.0));
        assert_eq!(values(&ex, "granted")[..2], [Some(3.0), Some(1.0)]);
        assert_eq!(statuses(&ex, "granted")[6], CellStatus::Blank);
        assert!(ex.diags.iter().all(|d| d.code == Code::RowMissing), "{:?}", ex.diags);
    }

    /// A review row with a cell to spare at an end (a trailing tab, a word processor's empty
    /// column) is read by position: the spare cell is dropped from the end that has one,
    /// or from the end the proceedings' sums pick when both ends are empty.
    #[test]
    fn review_row_with_a_spare_empty_cell_is_positional() {
        for text in [
            "\t\t\t\t\t1\t2\t0\t1\t4\t0\t0\t0\t0\t0\t\n",
            "\t5\t\t\t2\t7\t8\t\t\t1\t9\t0\t0\t0\t0\t0\n",
        ] {
            let ex = review(&lines(text), 1, Form::Html);
            assert_eq!(ex.cells.len(), 15, "{text:?}");
            assert!(ex.diags.is_empty(), "{text:?}: {:?}", ex.diags);
        }
        let ex = review(&lines("\t\t\t\t\t1\t2\t0\t1\t4\t0\t0\t0\t0\t0\t\n"), 1, Form::Text);
        assert_eq!(ex.cells[0].status, CellStatus::Blank);
        assert_eq!(ex.cells[9].value, Some(4.0));
        let ex = review(&lines("\t5\t\t\t2\t7\t8\t\t\t1\t9\t0\t0\t0\t0\t0\n"), 1, Form::Html);
        assert_eq!(ex.cells[0].value, Some(5.0));
        assert_eq!(ex.cells[1].status, CellStatus::Blank);
        assert_eq!(ex.cells[4].value, Some(7.0));
    }

    /// A label broken over two lines with the row's values after its first part (a PDF's
    /// wrapped cell with its numbers on the first line): the second part belongs to that
    /// row, not to the next one, whose label follows on a line of its own.
    #[test]
    fn a_label_wrapped_after_its_values_names_its_own_row() {
        let text = "（三）不予公开\t4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0\n\
                    5. 属于三类\t2\t0\t0\t0\t0\t0\t2\n\
                    内部事务信息\n\
                    6. 属于四类过程性信息\t1\t0\t0\t0\t0\t0\t1\n";
        let ex = applications_text(text);
        let total = |row: &str| {
            ex.cells
                .iter()
                .find(|c| c.row.ends_with(row) && c.col == "total")
                .and_then(|c| c.value)
        };
        assert_eq!(total("internal_affairs"), Some(2.0), "{:?}", ex.diags);
        assert_eq!(total("process_information"), Some(1.0), "{:?}", ex.diags);
        assert!(ex.diags.iter().all(|d| d.code != Code::UnknownRow), "{:?}", ex.diags);
        // The next row's label wrapped too, its words on its second line: its first opens
        // with the item's number.
        let text = "3.要求提供公开出版物\t3\t2\t0\t0\t0\t0\t5\n4.无正当理\t4\t1\t0\t0\t0\t0\t5\n由大量反复申请\n\
                    5.要求行政机关确认\t3\t0\t0\t0\t0\t0\t3\n或重新出具已获取信息\n（六）其他处理\t7\t0\t0\t0\t0\t0\t7\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "not_processed.excessive_repeated"),
            [
                Some(4.0),
                Some(1.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(5.0)
            ],
            "{:?}",
            ex.diags
        );
        assert_eq!(values(&ex, "not_processed.confirmation_request")[6], Some(3.0));
        assert_eq!(values(&ex, "other")[6], Some(7.0));
        assert!(ex.diags.iter().all(|d| d.code == Code::RowMissing), "{:?}", ex.diags);
    }

    /// A narrow label cell wrapped over several lines after its values (a scanned report
    /// read by OCR, two characters a line, the merged heading's pieces among them): every
    /// line up to the next item's number belongs to the row.
    #[test]
    fn a_label_wrapped_over_several_lines_after_its_values_names_its_own_row() {
        let text = "(三) 3.危及 0 0 0 0 0 0 0\n不予公 “三安\n开 全一\n稳定”\n\
                    4.保护 1 0 0 0 0 0 1\n第三\n方合\n法权\n益\n\
                    5.属于 3 0 0 0 0 0 3\n三类\n内部\n事务\n信息\n\
                    6.属于 2 0 0 0 0 0 2\n四类\n过程\n性信\n息\n\
                    7.属于 5 0 0 0 0 0 5\n行政\n执法\n案卷\n\
                    8.属于 0 0 0 0 0 0 0\n行政\n查询\n事项\n";
        let ex = applications_text(text);
        let total = |row: &str| values(&ex, row).get(6).copied().flatten();
        assert_eq!(
            total("withheld.three_securities_one_stability"),
            Some(0.0),
            "{:?}",
            ex.diags
        );
        assert_eq!(total("withheld.third_party_rights"), Some(1.0), "{:?}", ex.diags);
        assert_eq!(total("withheld.internal_affairs"), Some(3.0), "{:?}", ex.diags);
        assert_eq!(total("withheld.process_information"), Some(2.0), "{:?}", ex.diags);
        assert_eq!(total("withheld.law_enforcement_file"), Some(5.0), "{:?}", ex.diags);
        // (The last row's words come after the text's last values: it names no row.)
        let unknown: Vec<_> = ex.diags.iter().filter(|d| d.code == Code::UnknownRow).collect();
        assert!(
            unknown.len() == 1 && unknown[0].message.contains("8.属于"),
            "{:?}",
            ex.diags
        );
    }

    /// Rows printed without numbers: empty cells (`7. 属于行政执法案卷\t\t…`) or the label
    /// alone, as in text extracted from a PDF, each before a group heading or another row:
    /// none of them takes the next row's numbers, and their cells are blank.
    #[test]
    fn rows_printed_without_numbers_take_no_other_rows_numbers() {
        let text = "\t（三）不予公开\t6.属于四类过程性信息\t1\t0\t0\t0\t0\t0\t1\n\
                    \t7. 属于行政执法案卷\t\t\t\t\t\t\t\n\
                    \t8. 属于行政查询事项\t\t\t\t\t\t\t\n\
                    （四）无法提供\t1. 本机关不掌握相关政府信息\t49\t2\t0\t0\t0\t2\t53\n\
                    2. 没有现成信息需要另行制作\n\
                    3. 补正后申请内容仍不明确\n\
                    （五）不予处理\n\
                    1. 信访举报投诉类申请\t6\t0\t0\t0\t0\t0\t6\n";
        let ex = applications_text(text);
        let blank = vec![None; 7];
        assert_eq!(values(&ex, "withheld.law_enforcement_file"), blank, "{:?}", ex.diags);
        assert_eq!(values(&ex, "withheld.administrative_query"), blank);
        assert!(ex
            .cells
            .iter()
            .filter(|c| c.row == "withheld.administrative_query")
            .all(|c| c.status == CellStatus::Blank));
        let row = |k: &str| values(&ex, k).last().copied().flatten();
        assert_eq!(row("unable.not_held"), Some(53.0));
        assert_eq!(row("not_processed.petition_complaint"), Some(6.0));
        // A label alone: its cells were printed empty too.
        assert_eq!(values(&ex, "unable.needs_creation"), blank);
        assert_eq!(values(&ex, "unable.unclear_after_correction"), blank);
        let missing: Vec<u32> = ex
            .diags
            .iter()
            .filter(|d| d.code == Code::MissingValues)
            .filter_map(|d| d.line)
            .collect();
        assert_eq!(missing, [5, 6], "{:?}", ex.diags);
        // The same rows in a table of the 2019 active disclosure: a heading row of empty
        // cells between two rows of empty cells is a heading.
        let text = "第二十条第（六）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t\t\t\n\
                    行政强制\t\t\t\n第二十条第（八）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t\n行政事业性收费\t\t\t\n\
                    第二十条第（九）项\t\t\t\n信息内容\t采购项目数量\t采购总金额\t\n政府集中采购\t2\t476.92 万元\t\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Text);
        assert_eq!(values(&ex, "administrative_coercion"), [None; 3], "{:?}", ex.diags);
        assert_eq!(values(&ex, "administrative_fees"), [None; 2]);
        assert_eq!(values(&ex, "centralized_procurement"), [Some(2.0), Some(476.92)]);
    }

    /// A crawler dump's row printed without numbers: its label runs into the next row's,
    /// whose numbers it must not take; its cells are blank.
    #[test]
    fn a_crawler_rows_label_without_numbers_takes_none() {
        let text = "一、本年新收政府信息公开申请数量2000002二、上年结转政府信息公开申请数量0000000\
                    三、本年度办理结果（一）予以公开1000001（二）部分公开0000000\
                    （三）不予公开属于国家秘密其他法律行政法规禁止公开1000001危及“三安全一稳定”0000000";
        let ex = labelled_text(Table::Applications, Template::T2019, text, Form::Glued);
        assert_eq!(values(&ex, "withheld.state_secret"), [None; 7], "{:?}", ex.cells);
        assert!(ex
            .cells
            .iter()
            .filter(|c| c.row == "withheld.state_secret")
            .all(|c| c.status == CellStatus::Blank));
        let row = values(&ex, "withheld.prohibited_by_law");
        assert_eq!(row, [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0].map(Some), "{:?}", ex.diags);
        let missing = ex.diags.iter().find(|d| d.code == Code::MissingValues);
        assert!(
            missing.is_some_and(|d| d.message.contains("state_secret")),
            "{:?}",
            ex.diags
        );
    }

    /// The splits a diagnostic offers show amounts as printed, without the binary noise
    /// of their conversion to 万元 (a real 2020 report: `政府集中采购176586650.10元`).
    #[test]
    fn ambiguous_amounts_are_shown_as_printed() {
        let text = "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购176586650.10元";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Glued);
        let d = ex
            .diags
            .iter()
            .find(|d| d.code == Code::AmbiguousSplit)
            .expect("ambiguous");
        assert!(d.message.contains("17|658.66501 or 176|58.66501"), "{}", d.message);
        assert!(!d.message.contains("9999"), "{}", d.message);
    }

    /// No row's own label, as the template prints it, reads as that row printed without
    /// numbers before a later row.
    #[test]
    fn no_template_label_reads_as_an_empty_row_before_another() {
        for (table, template) in [
            (Table::ActiveDisclosure, Template::T2019),
            (Table::ActiveDisclosure, Template::T2021),
            (Table::Applications, Template::T2019),
            (Table::Applications, Template::T2021),
        ] {
            let specs = template::rows(table, template);
            for (i, spec) in specs.iter().enumerate() {
                let mut label = String::new();
                labels::push_normalized(&mut label, spec.label);
                let mut run = Run {
                    label,
                    label_line: 1,
                    first_line: 1,
                    breaks: Vec::new(),
                    values: Vec::new(),
                    header_unit: None,
                    subtotal_line: None,
                    gaps: None,
                };
                let filled: Vec<bool> = (0..specs.len()).map(|j| j < i).collect();
                assert_eq!(glued_empty_row(&mut run, specs, &filled, i), None, "{}", spec.label);
            }
        }
    }

    /// In a table whose values start in the cell after the label, an empty first cell of
    /// a row is the row's own when the row's 总计 adds up with it; in one whose labels span
    /// two cells (`label\t\t0\t0…`) it is not, however the numbers add up.
    #[test]
    fn an_empty_first_cell_is_the_rows_own_where_values_follow_labels() {
        let text = "（三）不予公开\t3. 危及“三安全一稳定”\t1\t0\t0\t0\t0\t0\t1\n\
                    \t4. 保护第三方合法权益\t\t1\t\t\t\t\t1\n\
                    \t5. 属于三类内部事务信息\t2\t\t\t\t\t\t2\n";
        let ex = applications_text(text);
        let row = values(&ex, "withheld.third_party_rights");
        assert_eq!(
            row,
            [None, Some(1.0), None, None, None, None, Some(1.0)],
            "{:?}",
            ex.diags
        );
        let text = "（三）不予公开\t3. 危及“三安全一稳定”\t\t1\t0\t0\t0\t0\t0\t1\n\
                    \t4. 保护第三方合法权益\t\t1\t0\t0\t0\t0\t1\n\
                    \t5. 属于三类内部事务信息\t\t2\t0\t0\t0\t0\t0\t2\n";
        let ex = applications_text(text);
        let row = values(&ex, "withheld.third_party_rights");
        assert_ne!(row.first(), Some(&None), "{:?}", ex.diags);
    }

    /// The same beside a 小计 column (html2text's bars between cells, a report that leaves
    /// its zeros empty): the rows' columns are counted with the 小计, so an empty first cell
    /// of a row of eight is its own.
    #[test]
    fn an_empty_first_cell_is_the_rows_own_beside_a_subtotal_column() {
        let text = "自然人| 法人或其他组织| 总计  \n\
                    商业企业| 科研机构| 社会公益组织| 法律服务机构| 其他| 小计  \n\
                    一、本年新收政府信息公开申请数量| 77| 15|  |  | 2|  | 17| 94  \n\
                    二、上年结转政府信息公开申请数量|  | 2|  |  |  |  | 2| 2  \n\
                    三、本年度办理结果| （一）予以公开| 49| 3|  |  | 1|  | 4| 53  \n\
                    （三）不予公开| 1.属于国家秘密|  |  |  |  |  |  | 0| 0  \n\
                    2.其他法律行政法规禁止公开| 1|  |  |  |  |  | 0| 1  \n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "carried_over"),
            [None, Some(2.0), None, None, None, None, Some(2.0)],
            "{:?}",
            ex.diags
        );
        assert_eq!(statuses(&ex, "withheld.state_secret")[..6], [CellStatus::Blank; 6]);
        assert_eq!(values(&ex, "withheld.prohibited_by_law")[0], Some(1.0));
        assert!(only(&ex, &[Code::RowMissing, Code::Subtotal]), "{:?}", ex.diags);
    }

    /// A PDF's text with its layout kept (pdfplumber's `layout=True`) of a report that
    /// leaves its zeros empty: an empty cell is no cell of its line, but the values stand
    /// under their columns' header words. Each is read under its own column, the others
    /// blank, where the row adds up; a row whose values fit no column, or do not add up, is
    /// left to the identities. A text whose values do not stand under its header's words is
    /// not read so.
    #[test]
    fn values_stand_under_their_columns_in_a_text_that_keeps_the_layout() {
        // A line with each piece at its place, in characters.
        let line = |pieces: &[(usize, &str)]| -> String {
            let mut l = String::new();
            for (at, p) in pieces {
                let n = l.chars().count();
                l.extend(std::iter::repeat_n(' ', at.saturating_sub(n).max(1)));
                l.push_str(p);
            }
            l + "\n"
        };
        let header = [
            line(&[(35, "自然人"), (70, "总计")]),
            line(&[(41, "商业企"), (47, "科研机"), (53, "社会公"), (58, "法律服")]),
            line(&[(64, "其他")]),
            line(&[(42, "业"), (48, "构"), (53, "益组织"), (58, "务机构")]),
        ]
        .concat();
        let mut rows = [
            line(&[
                (12, "一、本年新收政府信息公开申请数量"),
                (37, "29"),
                (42, "6"),
                (60, "1"),
                (71, "36"),
            ]),
            line(&[(12, "二、上年结转政府信息公开申请数量"), (71, "0")]),
            line(&[(20, "（一）予以公开"), (37, "20"), (42, "1"), (71, "21")]),
            line(&[(20, "（二）部分公开"), (37, "3"), (71, "3")]),
            line(&[(23, "1.属于国家秘密"), (71, "0")]),
            line(&[(23, "2.其他法律行政法规禁止公开"), (42, "2"), (54, "2"), (71, "5")]),
        ]
        .concat();
        for label in [
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ] {
            rows += &line(&[(23, label), (71, "0")]);
        }
        let ex = applications_text(&format!("{header}{rows}"));
        assert_eq!(
            values(&ex, "new_received"),
            [Some(29.0), Some(6.0), None, None, Some(1.0), None, Some(36.0)],
            "{:?}",
            ex.diags
        );
        assert_eq!(statuses(&ex, "new_received")[2], CellStatus::Blank);
        // The 总计 column headed 合计, its other name, and 其他 spelt 其它: read the same.
        let other = applications_text(&format!(
            "{}{rows}",
            header.replace("总计", "合计").replace("其他", "其它")
        ));
        for row in ["new_received", "carried_over", "granted"] {
            assert_eq!(values(&other, row), values(&ex, row), "{row}");
        }
        assert_eq!(
            values(&ex, "carried_over"),
            [None, None, None, None, None, None, Some(0.0)]
        );
        assert_eq!(statuses(&ex, "carried_over")[..6], [CellStatus::Blank; 6]);
        assert_eq!(
            values(&ex, "granted"),
            [Some(20.0), Some(1.0), None, None, None, None, Some(21.0)]
        );
        // 2 + 2 is not 5: not read by the places.
        assert!(!statuses(&ex, "withheld.prohibited_by_law").contains(&CellStatus::Blank));
        assert!(ex
            .diags
            .iter()
            .any(|d| d.code == Code::MissingValues && d.severity == crate::diag::Severity::Info));
        // With a 小计 column between 其他 and 总计: checked, and not emitted.
        let header = [
            line(&[(35, "自然人"), (71, "总计")]),
            line(&[(40, "商业企"), (45, "科研机"), (50, "社会公"), (55, "法律服")]),
            line(&[(61, "其他"), (66, "小计")]),
        ]
        .concat();
        let mut sub = [
            line(&[
                (12, "一、本年新收政府信息公开申请数量"),
                (36, "37"),
                (41, "7"),
                (46, "2"),
                (56, "8"),
                (61, "6"),
                (66, "23"),
                (71, "60"),
            ]),
            line(&[
                (12, "二、上年结转政府信息公开申请数量"),
                (36, "4"),
                (66, "0"),
                (71, "4"),
            ]),
            line(&[(20, "（一）予以公开"), (36, "4"), (41, "2"), (66, "2"), (71, "6")]),
        ]
        .concat();
        for label in [
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
        ] {
            sub += &line(&[(23, label), (46, "1"), (66, "1"), (71, "1")]);
        }
        let ex = applications_text(&format!("{header}{sub}"));
        assert_eq!(
            values(&ex, "carried_over"),
            [Some(4.0), None, None, None, None, None, Some(4.0)],
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "granted"),
            [Some(4.0), Some(2.0), None, None, None, None, Some(6.0)]
        );
        assert_eq!(
            values(&ex, "withheld.state_secret"),
            [None, None, Some(1.0), None, None, None, Some(1.0)]
        );
        assert!(ex.diags.iter().any(|d| d.code == Code::Subtotal && d.line == Some(7)));
        // The same rows under a header that is no layout (the words on one line, apart by
        // one space): read by the identities, as before.
        let ex = applications_text(&format!(
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n{rows}"
        ));
        assert!(
            !statuses(&ex, "carried_over").contains(&CellStatus::Blank),
            "{:?}",
            ex.cells
        );
    }

    /// A number a narrow cell broke over two lines (`２３` / `２`, the 总计 232, a PDF's text
    /// a value a line) is one number where joining the two is the only reading with which
    /// the row adds up, the cell printed as both; not where leaving a value out adds up too,
    /// nor two numbers of one line.
    #[test]
    fn a_number_broken_over_two_lines_is_one() {
        let row = |values: &str| {
            let cells: String = values.split(' ').map(|v| format!("{v}\n")).collect();
            applications_text(&format!(
                "一、本年新收政府信息公开申请数量\n{cells}二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
            ))
        };
        let ex = row("156 17 7 3 16 33 23 2");
        assert_eq!(
            values(&ex, "new_received"),
            [156.0, 17.0, 7.0, 3.0, 16.0, 33.0, 232.0].map(Some),
            "{:?}",
            ex.diags
        );
        let total = ex
            .cells
            .iter()
            .find(|c| c.row == "new_received" && c.col == "total")
            .unwrap();
        assert_eq!((total.raw.as_str(), total.status), ("23\n2", CellStatus::Reported));
        // With a 小计 column: it and the 总计 add up.
        let cells: String = "156 17 7 3 16 33 76 23 2"
            .split(' ')
            .map(|v| format!("{v}\n"))
            .collect();
        let ex = applications_text(&format!(
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 小计 总计\n一、本年新收政府信息公开申请数量\n{cells}"
        ));
        assert_eq!(
            values(&ex, "new_received"),
            [156.0, 17.0, 7.0, 3.0, 16.0, 33.0, 232.0].map(Some),
            "{:?}",
            ex.diags
        );
        // In the middle of the row too (自然人 1|56).
        let ex = row("1 56 17 7 3 16 33 232");
        assert_eq!(values(&ex, "new_received")[0], Some(156.0), "{:?}", ex.diags);
        // A value too many that leaving out makes the row add up: read as before.
        let ex = row("1 1 0 0 0 0 2 3");
        assert!(!values(&ex, "new_received").contains(&Some(23.0)), "{:?}", ex.cells);
        // Both pieces on one line: two cells, not one number.
        let ex = applications_text("一、本年新收政府信息公开申请数量 156 17 7 3 16 33 23 2\n");
        assert!(!values(&ex, "new_received").contains(&Some(232.0)), "{:?}", ex.cells);
        // Two numbers broken so, the first piece of one on the label's first line and its
        // second after the label's second (`一、本年新收政府信 ２８` / `息公开申请数量` / `６` …).
        let ex = applications_text(
            "一、本年新收政府信 ２８\n息公开申请数量\n６\n２２\n０\n１３\n４\n１２\n３３\n７\n\
             二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n",
        );
        assert_eq!(
            values(&ex, "new_received"),
            [286.0, 22.0, 0.0, 13.0, 4.0, 12.0, 337.0].map(Some),
            "{:?}",
            ex.diags
        );
        // Two too many that two left out would make add up too: not joined.
        let ex = row("1 1 0 0 0 0 1 2 1");
        assert!(!values(&ex, "new_received").contains(&Some(11.0)), "{:?}", ex.cells);
    }

    /// Outcome rows that each lack their 总计 alone in a text that keeps no empty cells (a
    /// table that leaves the 总计 of its outcome rows empty, as a PDF's text gives it): two
    /// rows or more so are blank there, a warning says what the identities would make them;
    /// one row so is one 总计 lost, inferred as before.
    #[test]
    fn outcome_rows_lacking_their_totals_alone_printed_them_empty() {
        // (A number a line, as `pdftotext` without `-layout` gives a Word table's cells.)
        let a_line = |values: &str| values.split(' ').map(|v| format!("{v}\n")).collect::<String>();
        let table = |partial: &str| {
            let (zeros, totals) = (a_line("0 0 0 0 0 0 0"), a_line("5 1 0 0 0 0 6"));
            applications_text(&format!(
                "一、本年新收政府信息公开申请数量\n{totals}二、上年结转政府信息公开申请数量\n{zeros}\
                 （一）予以公开\n{}（二）部分公开\n{}（七）总计\n{totals}四、结转下年度继续办理\n{zeros}",
                a_line("3 1 0 0 0 0"),
                a_line(partial)
            ))
        };
        let status = |ex: &Extracted, row: &str| {
            let c = ex.cells.iter().find(|c| c.row == row && c.col == "total").unwrap();
            (c.value, c.status)
        };
        let ex = table("2 0 0 0 0 0");
        assert_eq!(status(&ex, "granted"), (None, CellStatus::Blank), "{:?}", ex.diags);
        assert_eq!(status(&ex, "partially_granted"), (None, CellStatus::Blank));
        assert!(
            ex.diags
                .iter()
                .any(|d| d.code == Code::MissingValues && d.message.contains("granted 4")),
            "{:?}",
            ex.diags
        );
        let ex = table("2 0 0 0 0 0 2");
        assert_eq!(
            status(&ex, "granted"),
            (Some(4.0), CellStatus::Inferred),
            "{:?}",
            ex.diags
        );
        assert_eq!(status(&ex, "partially_granted"), (Some(2.0), CellStatus::Reported));
    }

    /// An amount a narrow cell broke over two lines, the rest of its digits and its unit
    /// under it on the next line: one amount.
    #[test]
    fn an_amount_broken_over_two_lines_is_one() {
        let text = "第二十条第（十五）项\n信息内容 采购项目数量 采购总金额\n\
                    政府集中采购    ２１        ７６１．２８７\n\
                    \x20                   ２万元\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Text);
        assert_eq!(
            values(&ex, "centralized_procurement"),
            [Some(21.0), Some(761.2872)],
            "{:?}",
            ex.diags
        );
        // Not where the piece stands under no number of the line above.
        let text = "政府集中采购    ２１        ７６１．２８７\n２万元\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Text);
        assert!(!values(&ex, "centralized_procurement").contains(&Some(761.2872)));
    }

    /// A PDF's text laid out with spaces puts the pieces of numbers a narrow cell broke over
    /// two lines on the next line, each under its number: joined, the only reading with
    /// which the row adds up.
    #[test]
    fn pieces_under_their_numbers_are_joined_to_them() {
        let text = "一、本年新收政府信 １５         １７   ７   ３   １６   ３３   ２３\n\
                    息公开申请数量   ６                                 ２\n\
                    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n\
                    （七）总计                  １５      １７       １       ３       １２      ２９       ２１\n\
                    \x20                      ６                                                 ８\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "new_received"),
            [156.0, 17.0, 7.0, 3.0, 16.0, 33.0, 232.0].map(Some),
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "total"),
            [156.0, 17.0, 1.0, 3.0, 12.0, 29.0, 218.0].map(Some)
        );
        let total = ex.cells.iter().find(|c| c.row == "total" && c.col == "total").unwrap();
        assert_eq!(total.raw.as_str(), "２１\n８");
        // A box table's row of two lines, each piece in its number's cell.
        let text = "│一、本年新收政府信息公开申请数量│２８│２２ │０   │１３    │４      │１ │３３│\n\
                    │                                │６  │     │     │        │        │２ │７  │\n\
                    │二、上年结转政府信息公开申请数量│０  │４   │０   │５      │４      │０ │１３│\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "new_received"),
            [286.0, 22.0, 0.0, 13.0, 4.0, 12.0, 337.0].map(Some),
            "{:?}",
            ex.diags
        );
        // One space between cells (pdfplumber's text): the one way of giving the pieces, in
        // order, to the numbers above with which the row adds up.
        let ex = applications_text(
            "一、本年新收政府信 ２８ ２２ ０ １３ ４ １２ ３３\n息公开申请数量 ６ ７\n\
             二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n",
        );
        assert_eq!(
            values(&ex, "new_received"),
            [286.0, 22.0, 0.0, 13.0, 4.0, 12.0, 337.0].map(Some),
            "{:?}",
            ex.diags
        );
        // A piece under no number, or a row that adds up as it is: left as they are.
        let ex = applications_text(
            "（七）总计 15 17 1 3 12 29 77\n\
             \x20                                           6\n",
        );
        assert_eq!(values(&ex, "total"), [15.0, 17.0, 1.0, 3.0, 12.0, 29.0, 77.0].map(Some));
    }

    /// A PDF's text laid out with spaces (`pdftotext -layout`, a Word document's PDF) puts a
    /// group's label (（四）无法提供) beside its narrow rows' labels, line by line, three
    /// spaces apart or one (pypdf's layout, PyMuPDF's sorted text): the group's pieces are
    /// taken out, and each row's label read as wrapped after its values.
    #[test]
    fn a_groups_label_beside_narrow_row_labels_is_taken_out() {
        // (group's piece, row's piece, values), the group's column padded.
        let lines: &[(&str, &str, &str)] = &[
            ("三、", "（一）予以", "4 1 0 0 0 0 5"),
            ("本年", "公开", ""),
            ("度办", "", ""),
            ("理结", "（二）部分", "6 0 0 0 1 0 7"),
            ("果", "公开（区分", ""),
            ("", "处理的，只", ""),
            ("", "计这一情", ""),
            ("", "形，不计其", ""),
            ("", "他情形）", ""),
            ("（四", "1.本", "3 0 0 0 0 0 3"),
            ("）无", "机关", ""),
            ("法提", "不掌", ""),
            ("供", "握相", ""),
            ("", "关政", ""),
            ("", "府信", ""),
            ("", "息", ""),
            ("", "2.没", "1 0 0 0 0 0 1"),
            ("", "有现", ""),
            ("", "成信", ""),
            ("", "息需", ""),
            ("", "要另", ""),
            ("", "行制", ""),
            ("", "作", ""),
            ("", "3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"),
        ];
        let row = |v: [f64; 7]| v.map(Some).to_vec();
        for apart in [3, 1] {
            let mut text = "一、本年新收政府信息公开申请数量 14 1 0 0 1 3 19\n\
                            二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
                .to_string();
            for (group, label, values) in lines {
                let pad = " ".repeat(2 + apart - group.chars().count());
                let values = values.replace(' ', "  ");
                let line = format!("{group}{pad}{label}  {values}");
                text.push_str(line.trim_end());
                text.push('\n');
            }
            let ex = labelled_text(Table::Applications, Template::T2021, &text, Form::Text);
            let granted = row([4.0, 1.0, 0.0, 0.0, 0.0, 0.0, 5.0]);
            assert_eq!(values(&ex, "granted"), granted, "{apart}: {:?}", ex.diags);
            assert_eq!(
                values(&ex, "partially_granted"),
                row([6.0, 0.0, 0.0, 0.0, 1.0, 0.0, 7.0])
            );
            assert_eq!(values(&ex, "unable.not_held"), row([3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]));
            assert_eq!(
                values(&ex, "unable.needs_creation"),
                row([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0])
            );
        }
        // Not the words of an OCR text spaced out, more than two (`(一 ) 予以 公开`).
        let ex = labelled_text(
            Table::Applications,
            Template::T2021,
            "三 、本 年 度  (一 ) 予以 公开  4  1  0  0  0  0  5\n 办 理 结 果\n",
            Form::Text,
        );
        assert_eq!(
            values(&ex, "granted"),
            row([4.0, 1.0, 0.0, 0.0, 0.0, 0.0, 5.0]),
            "{:?}",
            ex.diags
        );
    }

    #[test]
    fn rows_take_their_own_values_from_a_band_of_them() {
        let numbers = |rows: &[[u32; 7]]| -> String { rows.iter().flatten().map(|v| format!("{v}\n")).collect() };
        let head = "一、本年新收政府信息公开申请数量 9 1 0 0 0 0 10\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n";
        // Two labels, then both rows' numbers.
        let text = format!(
            "{head}（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n{}",
            numbers(&[[2, 1, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1]])
        );
        let ex = applications_text(&text);
        let row = |v: [f64; 7]| v.map(Some).to_vec();
        assert_eq!(
            values(&ex, "granted"),
            row([2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "partially_granted"),
            row([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0])
        );
        // Numbers that do not add up a row at a time: the first row printed without values.
        let text = format!(
            "{head}（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n{}",
            numbers(&[[2, 1, 0, 0, 0, 0, 4], [1, 0, 0, 0, 0, 0, 0]])
        );
        let ex = applications_text(&text);
        assert_eq!(statuses(&ex, "granted"), [CellStatus::Blank; 7], "{:?}", ex.cells);
        // A row's numbers, then the next row's, before its label.
        let text = format!(
            "{head}8.属于行政查询事项\n{}1.本机关不掌握相关政府信息\n2.没有现成信息需要另行制作\n{}",
            numbers(&[[1, 0, 0, 0, 0, 0, 1], [2, 1, 0, 0, 0, 0, 3]]),
            numbers(&[[0, 0, 0, 0, 0, 0, 0]])
        );
        let ex = applications_text(&text);
        assert_eq!(
            values(&ex, "withheld.administrative_query"),
            row([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0])
        );
        assert_eq!(
            values(&ex, "unable.not_held"),
            row([2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            "{:?}",
            ex.diags
        );
        assert_eq!(values(&ex, "unable.needs_creation"), row([0.0; 7]));
        // The next row's label not found at all: its numbers taken only where each row of
        // them has a 总计 other than 0, with a warning.
        let text = format!(
            "{head}8.属于行政查询事项\n{}2.没有现成信息需要另行制作\n{}",
            numbers(&[[1, 0, 0, 0, 0, 0, 1], [2, 1, 0, 0, 0, 0, 3]]),
            numbers(&[[0, 0, 0, 0, 0, 0, 0]])
        );
        let ex = applications_text(&text);
        assert_eq!(values(&ex, "unable.not_held"), row([2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 3.0]));
        assert!(ex.diags.iter().any(|d| d.severity == crate::diag::Severity::Warning
            && d.message.contains("row unable.not_held")
            && d.message.contains("not found")));
        let text = format!(
            "{head}8.属于行政查询事项\n{}2.没有现成信息需要另行制作\n{}",
            numbers(&[[1, 0, 0, 0, 0, 0, 1], [0; 7]]),
            numbers(&[[0, 0, 0, 0, 0, 0, 0]])
        );
        let ex = applications_text(&text);
        assert!(values(&ex, "unable.not_held").is_empty(), "{:?}", ex.cells);
        // Rows of zeros for rows whose labels stand after the table's last rows (a PDF's
        // text that broke a band's labels off): theirs, with a warning.
        let text = format!(
            "{head}1.本机关不掌握相关政府信息\n{}（七）总计 2 1 0 0 0 0 3\n四、结转下年度继续办理 0 0 0 0 0 0 0\n\
             2.没有现成信息需要另行制作\n3.补正后申请内容仍不明确\n",
            numbers(&[[2, 1, 0, 0, 0, 0, 3], [0; 7], [0; 7]])
        );
        let ex = applications_text(&text);
        assert_eq!(values(&ex, "unable.needs_creation"), row([0.0; 7]), "{:?}", ex.diags);
        assert_eq!(
            statuses(&ex, "unable.unclear_after_correction"),
            [CellStatus::Reported; 7]
        );
        assert!(ex.diags.iter().any(|d| d.severity == crate::diag::Severity::Warning
            && d.message.contains("row unable.unclear_after_correction")
            && d.message.contains("stands after the table's rows")));
        // A band of rows' numbers with a later row's first numbers after them (the rest of
        // that row printed after its label): the rows take theirs, the spare ones unused.
        let text = format!(
            "{head}1.本机关不掌握相关政府信息\n{}4\n0\n0\n2.没有现成信息需要另行制作\n\
             3.补正后申请内容仍不明确\n1.信访举报投诉类申请 0 0 0 0 4\n",
            numbers(&[[2, 1, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0, 1], [0, 1, 0, 0, 0, 0, 1]])
        );
        let ex = applications_text(&text);
        assert_eq!(
            values(&ex, "unable.needs_creation"),
            row([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "unable.unclear_after_correction"),
            row([0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0])
        );
        assert!(ex
            .diags
            .iter()
            .any(|d| d.code == Code::ExtraValues && d.message.contains("[4 0 0]")));
        // Two rows only, one not all zeros, with a later row's values after them.
        let text = format!(
            "{head}（六）其他处理\n{}0\n5\n0\n5\n0\n12\n（七）总计\n四、结转下年度继续办理 2\n",
            numbers(&[[0; 7], [9, 1, 0, 0, 0, 0, 10]])
        );
        let ex = applications_text(&text);
        assert_eq!(
            values(&ex, "total"),
            row([9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0]),
            "{:?}",
            ex.diags
        );
        assert_eq!(values(&ex, "other"), row([0.0; 7]));
        // The next row's label read into this one's wrapped label (`3.其` / `他` / `（七）总计`),
        // then both rows' numbers, the first all zeros: each row takes its own.
        let wrapped_into = |numbers: &str| {
            let text = format!(
                "{head}1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n\
                 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n\
                 3.其\n他\n（七）总计\n{numbers}"
            );
            labelled_text(Table::Applications, Template::T2021, &text, Form::Text)
        };
        let ex = wrapped_into(&format!(
            "{}0\n5\n0\n5\n0\n12\n四、结转下年度继续办理 2\n",
            numbers(&[[0; 7], [9, 1, 0, 0, 0, 0, 10]])
        ));
        assert_eq!(
            values(&ex, "total"),
            row([9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0]),
            "{:?}",
            ex.diags
        );
        assert_eq!(values(&ex, "other.other"), row([0.0; 7]));
        // A row of the band with numbers a narrow cell broke over two lines (`２８` / `６`):
        // joined, the only reading with which the row adds up.
        let ex = wrapped_into(
            "5\n0\n0\n0\n0\n0\n5\n28\n6\n26\n0\n14\n8\n12\n34\n6\n\
             0\n0\n4\n0\n0\n4\n四、结转下年度继续办理 0\n",
        );
        assert_eq!(
            values(&ex, "total"),
            row([286.0, 26.0, 0.0, 14.0, 8.0, 12.0, 346.0]),
            "{:?}",
            ex.diags
        );
        assert_eq!(values(&ex, "other.other"), row([5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0]));
        // Beside a 小计 column, the rows' 总计 printed empty: seven numbers a row, each 小计
        // the organisations'; the 总计 blank.
        let text = format!(
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 小计 总计\n\
             一、本年新收政府信息公开申请数量 9 1 0 0 0 0 1 10\n\
             二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 0\n（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n{}",
            numbers(&[[1, 0, 0, 0, 2, 0, 2], [3, 0, 0, 0, 0, 0, 0]])
        );
        let ex = applications_text(&text);
        let blank_total = |v: [f64; 6]| v.map(Some).into_iter().chain([None]).collect::<Vec<_>>();
        assert_eq!(
            values(&ex, "granted"),
            blank_total([1.0, 0.0, 0.0, 0.0, 2.0, 0.0]),
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "partially_granted"),
            blank_total([3.0, 0.0, 0.0, 0.0, 0.0, 0.0])
        );
    }

    /// A Word table's row whose label its cell wraps, in a PDF's reading order: the label's
    /// first line, the row's first value, the label's last line, the other values. The
    /// value and the label's lines are one row's; the values after a row's, the next's.
    #[test]
    fn a_rows_first_value_between_its_labels_lines_is_its_own() {
        let a_line = |values: &str| values.split(' ').map(|v| format!("{v}\n")).collect::<String>();
        let text = format!(
            "一、本年新收政府信息公开申请数\n151\n量\n{}二、上年结转政府信息公开申请数\n2\n量\n{}",
            a_line("3 0 0 0 0 154"),
            a_line("0 0 0 0 0 2")
        );
        let ex = applications_text(&text);
        assert_eq!(
            values(&ex, "new_received"),
            [151.0, 3.0, 0.0, 0.0, 0.0, 0.0, 154.0].map(Some),
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "carried_over"),
            [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0].map(Some)
        );
        // The value on the label's first line.
        let text = format!("一、本年新收政府信 14\n息公开申请数量\n{}", a_line("1 0 0 1 3 19"));
        let ex = applications_text(&text);
        assert_eq!(
            values(&ex, "new_received"),
            [14.0, 1.0, 0.0, 0.0, 1.0, 3.0, 19.0].map(Some),
            "{:?}",
            ex.diags
        );
        // The label's last lines several, after a first line that names no row.
        let text = format!(
            "{}3.危 1\n及“三\n安全\n一稳\n定”\n{}4.保护第三方合法权益 0 0 0 0 0 0 0\n",
            "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n",
            a_line("0 0 0 0 0 1")
        );
        let ex = applications_text(&text);
        assert_eq!(
            values(&ex, "withheld.three_securities_one_stability"),
            [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0].map(Some),
            "{:?}",
            ex.diags
        );
        // The next row's label after the value is no line of this one's.
        let text = format!(
            "一、本年新收政府信息公开申请数量\n151\n（一）予以公开\n{}",
            a_line("3 0 0 0 0 154")
        );
        let ex = applications_text(&text);
        assert_ne!(
            values(&ex, "new_received").first(),
            Some(&Some(151.0)),
            "{:?}",
            ex.cells
        );
    }

    /// The first row's label before the header's words (a PDF's text prints the label cell
    /// beside the header's first): the row's values are its, not the 总计 row's, whose
    /// name the header has.
    #[test]
    fn the_header_after_the_first_rows_label_is_no_part_of_it() {
        let text = "一、本年新收政府\n信息公开申请数量 自然\n人 法人或其他组织 总计 商业\n企业 科研\n机构 社会\n\
                    公益\n组织 法律\n服务\n机构 其他\n9 1 0 0 0 0 10\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "new_received"),
            [9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0].map(Some),
            "{:?}",
            ex.diags
        );
        assert!(values(&ex, "total").is_empty(), "{:?}", ex.cells);
    }

    /// A box-drawing table (w3m's text of a page) whose 小计 header is broken over its cell's
    /// two lines (`小` / `计`), its zeros left empty: the 小计 column is known from the
    /// header, so a row of empty cells but its 小计 and 总计 reads by position.
    #[test]
    fn a_subtotal_header_broken_over_its_cells_lines_is_one() {
        let row = |label: &str, cells: &str| format!("│{label}│{}│\n", cells.split(' ').collect::<Vec<_>>().join("│"));
        let text = [
            "│（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）│    │法人或其他组织│   │\n"
                .to_string(),
            "│  │自然│  │  │  │  │  │  │总 │\n".to_string(),
            "│  │人  │商业 │科研 │社会公益│法律服务│其 │小 │计 │\n".to_string(),
            "│  │    │企业 │机构 │  组织  │  机构  │他 │计 │   │\n".to_string(),
            row("一、本年新收政府信息公开申请数量", "25 3 2 _ _ _ 5 30"),
            row("二、上年结转政府信息公开申请数量", "2 _ _ _ _ _ 0 2"),
            row("（一）予以公开", "19 _ _ _ _ _ 0 19"),
            row("1.属于国家秘密", "_ _ _ _ _ _ 0 0"),
        ]
        .concat()
        .replace('_', "  ");
        let ex = applications_text(&text);
        assert_eq!(
            values(&ex, "withheld.state_secret"),
            [None, None, None, None, None, None, Some(0.0)],
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "new_received"),
            [25.0, 3.0, 2.0]
                .map(Some)
                .into_iter()
                .chain([None; 3])
                .chain([Some(30.0)])
                .collect::<Vec<_>>()
        );
    }

    /// The 2019 template's item rows read a band at a time (a Word document's PDF read by
    /// `pdftotext`): the first row's label, both rows' numbers, the second's label. Each
    /// takes its own where each count and change make the count this year; else as before.
    #[test]
    fn item_rows_take_their_own_values_from_a_band_of_them() {
        let read = |numbers: &str| {
            let numbers: String = numbers.split(' ').map(|v| format!("{v}\n")).collect();
            let text = format!(
                "第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n{numbers}\
                 其他对外管理服务事项\n第二十条第（六）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n\
                 行政处罚\n0\n0\n0\n"
            );
            labelled_text(Table::ActiveDisclosure, Template::T2019, &text, Form::Text)
        };
        let ex = read("20 +17 37 144 +5 149");
        assert_eq!(
            values(&ex, "administrative_licensing"),
            [20.0, 17.0, 37.0].map(Some),
            "{:?}",
            ex.diags
        );
        assert_eq!(values(&ex, "other_management_services"), [144.0, 5.0, 149.0].map(Some));
        let ex = read("20 +17 37 144 +5 150");
        assert_eq!(values(&ex, "other_management_services"), [None; 3], "{:?}", ex.cells);
    }

    /// A PDF's text with its layout kept, as `pdftotext -layout` writes it: each page in a
    /// frame of its own (the next page's columns eight characters to the right, a form feed
    /// before it), the header's words nowhere near their columns, zeros left empty. The
    /// columns are read off the values page by page and told apart by the identities; where
    /// a column no value stands in could be any of several, only a header whose words stand
    /// over the values by a clear margin tells which, and says so; else nothing is read so.
    #[test]
    fn columns_are_read_off_the_values_of_each_page() {
        // A line with each value centered at its place, in characters.
        let line = |label: &str, at: &[(usize, &str)]| -> String {
            let mut l = format!("  {label}");
            for (center, v) in at {
                let start = center - v.chars().count() / 2;
                let n = l.chars().count();
                l.extend(std::iter::repeat_n(' ', start.saturating_sub(n).max(1)));
                l.push_str(v);
            }
            l + "\n"
        };
        // The rows: (label, page, cells as numbers, 0 left empty).
        let table = |soc: u32| -> Vec<(&'static str, usize, [u32; 7])> {
            vec![
                ("一、本年新收政府信息公开申请数量", 0, [10, 5, 2, soc, 3, 4, 24 + soc]),
                ("二、上年结转政府信息公开申请数量", 0, [2, 0, 0, 0, 0, 0, 2]),
                ("（一）予以公开", 0, [6, 3, 0, 0, 0, 0, 9]),
                ("（二）部分公开", 0, [0, 0, 2, 0, 0, 0, 2]),
                ("1.属于国家秘密", 1, [0, 0, 0, 0, 2, 0, 2]),
                ("1.本机关不掌握相关政府信息", 1, [4, 0, 0, 0, 0, 4, 8]),
                ("（七）总计", 1, [10, 3, 2, 0, 2, 4, 21]),
                ("四、结转下年度继续办理", 1, [2, 2, 0, soc, 1, 0, 5 + soc]),
            ]
        };
        let text = |rows: &[(&str, usize, [u32; 7])], header: &str| -> String {
            let mut t = String::from(header);
            let mut page = 0;
            for (label, p, cells) in rows {
                if *p != page {
                    page = *p;
                    t.push('\u{c}');
                }
                let nums: Vec<String> = cells.iter().map(u32::to_string).collect();
                let at: Vec<(usize, &str)> = (0..7)
                    .filter(|&c| cells[c] != 0 || (c == 6 && cells.iter().all(|&v| v == 0)))
                    .map(|c| (40 + 6 * c + 8 * page, nums[c].as_str()))
                    .collect();
                t += &line(label, &at);
            }
            t
        };
        let far = "      自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n";
        // Every column holds a value on the first page: its seven groups are the columns.
        let ex = applications_text(&text(&table(1), far));
        assert_eq!(
            values(&ex, "total"),
            [Some(10.0), Some(3.0), Some(2.0), None, Some(2.0), Some(4.0), Some(21.0)],
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "unable.not_held"),
            [Some(4.0), None, None, None, None, Some(4.0), Some(8.0)]
        );
        assert_eq!(
            values(&ex, "carried_forward"),
            [Some(2.0), Some(2.0), None, Some(1.0), Some(1.0), None, Some(6.0)]
        );
        assert_eq!(
            values(&ex, "partially_granted"),
            [None, None, Some(2.0), None, None, None, Some(2.0)]
        );
        assert!(ex.diags.iter().all(|d| d.code != Code::AmbiguousRow), "{:?}", ex.diags);
        // A page whose rows print no 总计: its groups could be any columns (a 总计 taken to be
        // empty excuses every row's sum), so nothing is read so.
        let mut blank = table(1);
        for row in blank.iter_mut().filter(|r| r.1 == 1) {
            row.2[6] = 0;
        }
        let ex = applications_text(&text(&blank, far));
        assert!(
            !statuses(&ex, "unable.not_held").contains(&CellStatus::Blank),
            "{:?}",
            ex.cells
        );
        // No value of the table in the 社会公益组织 column: the identities hold whichever
        // empty column the groups skip. With no header to tell, nothing is read so.
        let ex = applications_text(&text(&table(0), far));
        assert!(!statuses(&ex, "total").contains(&CellStatus::Blank), "{:?}", ex.diags);
        // A header whose words stand over the first page's values: it tells, and a warning
        // says that it did.
        let near = line(
            "",
            &[
                (40, "自然人"),
                (46, "商业"),
                (52, "科研"),
                (58, "社会"),
                (64, "法律"),
                (70, "其他"),
                (76, "总计"),
            ],
        );
        let ex = applications_text(&text(&table(0), &near));
        assert_eq!(
            values(&ex, "total"),
            [Some(10.0), Some(3.0), Some(2.0), None, Some(2.0), Some(4.0), Some(21.0)],
            "{:?}",
            ex.diags
        );
        assert!(ex
            .diags
            .iter()
            .any(|d| d.code == Code::AmbiguousRow && d.message.contains("header's words")));
        // A header whose words stand near the values but too far from them to tell: nothing.
        let vague = near.replace("  社会", "社会  ").replace("  法律", "法律  ");
        let ex = applications_text(&text(&table(0), &vague));
        assert!(!statuses(&ex, "total").contains(&CellStatus::Blank), "{:?}", ex.cells);
    }

    /// The review table in a PDF's text with its layout kept, its empty cells left out
    /// (real 013, printed as a PDF and read with pdfplumber's `layout=True`): each value
    /// under its result's header word, broken over lines; each proceeding's 总计 adds up. A
    /// 总计 that does not leaves the row to the identities.
    #[test]
    fn review_values_stand_under_their_results_in_a_text_that_keeps_the_layout() {
        let header = [
            "                 行政复议                             行政诉讼",
            "                                     未经复议直接起诉               复议后起诉",
            "         结果  结果   其他  尚未",
            "                           总计",
            "         维持  纠正   结果  审结       结果   结果  其他  尚未       结果   结果  其他  尚未",
            "                                                 总计                    总计",
            "                               维持   纠正  结果  审结       维持   纠正  结果  审结",
        ]
        .join("\n");
        let text = format!("{header}\n          5            2    7   8            1    9\n");
        let ex = review(&lines(&text), 1, Form::Text);
        let got: Vec<Option<f64>> = ex.cells.iter().map(|c| c.value).collect();
        let mut want = [None; 15];
        for (at, v) in [(0, 5.0), (3, 2.0), (4, 7.0), (5, 8.0), (8, 1.0), (9, 9.0)] {
            want[at] = Some(v);
        }
        assert_eq!(got, want, "{:?}", ex.diags);
        assert_eq!(ex.cells[1].status, CellStatus::Blank);
        assert!(ex
            .diags
            .iter()
            .all(|d| d.code == Code::MissingValues && d.severity == crate::diag::Severity::Info));
        // Its 总计 columns headed 合计, 其他 spelt 其它: read the same.
        let other = format!(
            "{}\n          5            2    7   8            1    9\n",
            header.replace("总计", "合计").replace("其他", "其它")
        );
        let ex = review(&lines(&other), 1, Form::Text);
        assert_eq!(ex.cells.iter().map(|c| c.value).collect::<Vec<_>>(), want);
        // 5 + 2 is not 8: not read by the places.
        let text = format!("{header}\n          5            2    8   8            1    9\n");
        let ex = review(&lines(&text), 1, Form::Text);
        assert!(ex.cells.iter().all(|c| c.status != CellStatus::Blank), "{:?}", ex.cells);
    }

    #[test]
    fn items_open_with_their_numbers() {
        for label in ["5.要求行政机关确认", "5、要求", "12.其他", "(六)其他处理", "(十二)其他"] {
            assert!(opens_item(label), "{label}");
        }
        for label in ["要求行政机关确认", "5要求", "2020年", "(本列数据)", "()", "(六其他"] {
            assert!(!opens_item(label), "{label}");
        }
    }

    /// A table whose labelled rows mostly match no template row (a statistics table of the
    /// reports before 2019, or a PDF's text with its cells out of order) is not read: no
    /// cell of it, not even the rows whose labels stood alone, printed as without values.
    #[test]
    fn a_table_that_is_not_the_templates_gives_no_cells() {
        let text = "规章\n规范性文件\n行政许可\n其他对外管理服务事项\n\
                    收到申请\t1\t2\n受理申请\t3\t4\n办结申请\t5\t6\n答复申请\t7\t8\n咨询\t9\t1\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Text);
        assert!(ex.diags.iter().any(|d| d.code == Code::TableMissing), "{:?}", ex.diags);
        assert!(ex.cells.is_empty(), "{:?}", ex.cells);
    }

    /// An HTML table with a word processor's spare empty column after its seven: every row
    /// eight cells, the eighth empty. A row whose 自然人 is 0 has a 总计 that is the
    /// organisations' sum, as a 小计 would be: it is no 小计, the 总计 is read as printed.
    #[test]
    fn a_spare_empty_column_after_the_table_is_no_subtotal() {
        let rows = [
            ("一、本年新收政府信息公开申请数量", [165, 47, 0, 4, 5, 3, 224]),
            ("二、上年结转政府信息公开申请数量", [4, 0, 0, 0, 0, 0, 4]),
            ("（一）予以公开", [0, 0, 0, 1, 0, 1, 2]),
            ("（二）部分公开", [3, 2, 0, 0, 0, 0, 5]),
        ];
        let text: String = rows
            .iter()
            .map(|(label, v)| {
                let cells: Vec<String> = v.iter().map(|n| n.to_string()).collect();
                format!("{label}\t{}\t\n", cells.join("\t"))
            })
            .collect();
        let ex = labelled_text(Table::Applications, Template::T2019, &text, Form::Html);
        for (label, v) in rows {
            let key = if label.contains("新收") {
                "new_received"
            } else if label.contains("结转") {
                "carried_over"
            } else if label.contains("予以") {
                "granted"
            } else {
                "partially_granted"
            };
            let want: Vec<Option<f64>> = v.iter().map(|&n| Some(n as f64)).collect();
            assert_eq!(values(&ex, key), want, "{key} {:?}", ex.diags);
        }
        assert!(
            ex.diags
                .iter()
                .all(|d| !matches!(d.code, Code::Subtotal | Code::IdentityFailed)),
            "{:?}",
            ex.diags
        );
    }

    /// A review table left empty in HTML: its row of fifteen empty cells is blank.
    #[test]
    fn an_empty_review_row_is_blank() {
        let text = "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n".to_string()
            + &"\t".repeat(14)
            + "\n";
        let ex = review(&lines(&text), 1, Form::Html);
        assert_eq!(ex.cells.len(), 15, "{:?}", ex.diags);
        assert!(ex.cells.iter().all(|c| c.status == CellStatus::Blank && c.line == 3));
        let ex = review(&lines("行政复议\t行政诉讼\n结果维持\t结果纠正\n"), 1, Form::Html);
        assert!(ex.cells.is_empty());
        assert_eq!(ex.diags[0].code, Code::TableMissing);
    }

    #[test]
    fn review_extra_zero_is_dropped() {
        let text = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
        let ex = review(&lines(text), 1, Form::Text);
        assert_eq!(ex.cells.len(), 15);
        assert!(ex.diags.iter().all(|d| d.severity == crate::diag::Severity::Info));
    }

    #[test]
    fn a_review_rows_digits_run_together_on_a_line_of_their_own_are_split() {
        // A page's text with no space between its cells' strings: the header's lines, then
        // the row's fifteen cells as one string of digits (one split makes every 总计 add up).
        let header = "行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n";
        let ex = review(&lines(&format!("{header}5460151000100022\n")), 1, Form::Text);
        let got: Vec<f64> = ex.cells.iter().filter_map(|c| c.value).collect();
        assert_eq!(got, [5., 4., 6., 0., 15., 1., 0., 0., 0., 1., 0., 0., 0., 2., 2.]);
        // Values a text printed apart, some cells left out: no runs, whatever their digits.
        let ex = review(&lines(&format!("{header}12 30 45 10 97 11 12 23\n")), 1, Form::Text);
        assert!(ex
            .cells
            .iter()
            .all(|c| c.value.is_none() || [12., 30., 45., 10., 97., 11., 23.].contains(&c.value.unwrap())));
        // Too few digits to fill the row: left to the placements, as before.
        let ex = review(&lines(&format!("{header}0102\n")), 1, Form::Text);
        assert!(ex.cells.iter().all(|c| c.value != Some(1.0) && c.value != Some(2.0)));
    }

    #[test]
    fn a_crawlers_rows_with_a_subtotal_column_are_cut_with_it() {
        // The header's words run together (`…其他小计`), each row's eight numbers too.
        let header = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他小计";
        let rows = "一、本年新收政府信息公开申请数量464321600048512二、上年结转政府信息公开申请数量00002022";
        let ex = labelled_text(
            Table::Applications,
            Template::T2019,
            &format!("{header}{rows}"),
            Form::Glued,
        );
        assert_eq!(
            values(&ex, "new_received"),
            [464.0, 32.0, 16.0, 0.0, 0.0, 0.0, 512.0].map(Some)
        );
        assert_eq!(
            values(&ex, "carried_over"),
            [0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 2.0].map(Some)
        );
        assert_eq!(ex.diags.iter().filter(|d| d.code == Code::Subtotal).count(), 2);
        // More than one cut adds up (464|32|1|1|0|10|44|508, 464|32|1|10|1|0|44|508 …): left
        // to be cut without the 小计, as before.
        let ex = labelled_text(
            Table::Applications,
            Template::T2019,
            &format!("{header}（七）总计464321101044508"),
            Form::Glued,
        );
        assert!(ex.diags.iter().all(|d| d.code != Code::Subtotal));
        // A whole table (tools/synth.py's crawler_subtotal_2019): 本年新收's digits add up
        // cut several ways, and so do 总计's; the column identities with the other rows
        // choose one cut of each.
        let table = concat!(
            "一、本年新收政府信息公开申请数量8111209022103二、上年结转政府信息公开申请数量00002022",
            "三、本年度办理结果（一）予以公开40410501050（二）部分公开（区分处理的，只计这一情形，不计其他情形）06001077",
            "（三）不予公开1.属于国家秘密000000002.其他法律行政法规禁止公开000000003.危及“三安全一稳定”30000003",
            "4.保护第三方合法权益000000005.属于三类内部事务信息000000006.属于四类过程性信息00000000",
            "7.属于行政执法案卷100000018.属于行政查询事项00000000（四）无法提供1.本机关不掌握相关政府信息1200000012",
            "2.没有现成信息需要另行制作000000003.补正后申请内容仍不明确10000001（五）不予处理1.信访举报投诉类申请1710000118",
            "2.重复申请001000113.要求提供公开出版物200000024.无正当理由大量反复申请00000000",
            "5.要求行政机关确认或重新出具已获取信息00000000（六）其他处理00000000（七）总计761120601995",
            "四、结转下年度继续办理500050510"
        );
        let ex = labelled_text(
            Table::Applications,
            Template::T2019,
            &format!("{header}{table}"),
            Form::Glued,
        );
        assert_eq!(
            values(&ex, "new_received"),
            [81.0, 11.0, 2.0, 0.0, 9.0, 0.0, 103.0].map(Some)
        );
        assert_eq!(values(&ex, "total"), [76.0, 11.0, 2.0, 0.0, 6.0, 0.0, 95.0].map(Some));
        assert_eq!(
            ex.diags.iter().filter(|d| d.code == Code::Subtotal).count(),
            23,
            "every row"
        );
    }

    /// A crawler's text of a 2021 applications table, a row a line, each row's label then
    /// its run of digits as given (the template's twenty-five rows in order), with a 小计
    /// column in the header where `subtotal`.
    fn crawled_applications(runs: [&str; 25], subtotal: bool) -> String {
        const LABELS: [&str; 25] = [
            "一、本年新收政府信息公开申请数量",
            "二、上年结转政府信息公开申请数量",
            "三、本年度办理结果（一）予以公开",
            "（二）部分公开",
            "（三）不予公开1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
            "（四）无法提供1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
            "（五）不予处理1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
            "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
            "（七）总计",
            "四、结转下年度继续办理",
        ];
        let mut text = format!(
            "自然人法人或其他组织总计\n商业企业科研机构社会公益组织法律服务机构其他{}\n",
            if subtotal { "小计" } else { "" }
        );
        for (label, run) in LABELS.iter().zip(runs) {
            text.push_str(label);
            text.push_str(run);
            text.push('\n');
        }
        text
    }

    /// A crawler's text of a table that leaves some outcome rows' 总计 empty (as real/013
    /// does): those rows' runs hold six numbers' digits, cut into the six applicant columns
    /// where the column identities choose, the 总计 blank and said so.
    #[test]
    fn a_crawlers_runs_with_the_total_printed_empty() {
        // (A space after a run of six: the empty cell's.)
        let runs = [
            "15880402172",
            "0000044",
            "14050006151",
            "7000007",
            "100000 ",
            "1000001",
            "0000000",
            "2000002",
            "0000000",
            "000000 ",
            "1000001",
            "000000 ",
            "1100002",
            "0000000",
            "0000000",
            "2000002",
            "0200002",
            "0000000",
            "0000000",
            "3000003",
            "0000000",
            "0000000",
            "000000 ",
            "15880006172",
            "0004004",
        ];
        let text = &crawled_applications(runs, false);
        let ex = labelled_text(Table::Applications, Template::T2021, text, Form::Glued);
        let zeros = [0.0; 6].map(Some);
        for (row, first) in [
            ("withheld.state_secret", 1.0),
            ("withheld.process_information", 0.0),
            ("withheld.administrative_query", 0.0),
            ("other.other", 0.0),
        ] {
            let mut want = zeros.to_vec();
            want[0] = Some(first);
            want.push(None);
            assert_eq!(values(&ex, row), want, "{row}: {:?}", ex.diags);
            assert_eq!(statuses(&ex, row)[6], CellStatus::Blank, "{row}");
            assert!(
                ex.diags.iter().any(|d| d.code == Code::MissingValues
                    && d.message.contains(row)
                    && d.message.contains("printed empty")),
                "{row}: {:?}",
                ex.diags
            );
        }
        assert_eq!(values(&ex, "total"), [158.0, 8.0, 0.0, 0.0, 0.0, 6.0, 172.0].map(Some));
    }

    /// A crawler's runs with a 小计 column where 本年新收, 予以公开 and 总计 each cut more than
    /// one way that adds up: no row alone decides, the identities of all three together do.
    #[test]
    fn subtotal_runs_no_row_decides_alone_are_cut_together() {
        let runs = [
            "10948134056165",
            "501041611",
            "72121212734",
            "4100020243",
            "81000019",
            "00000000",
            "40000004",
            "50000005",
            "30000003",
            "30000003",
            "20000002",
            "00000000",
            "151702202136",
            "00000000",
            "50000005",
            "630020511",
            "02000022",
            "00000000",
            "10000001",
            "50000005",
            "30000003",
            "60000006",
            "00000000",
            "11444238158172",
            "04000044",
        ];
        let text = &crawled_applications(runs, true);
        let ex = labelled_text(Table::Applications, Template::T2021, text, Form::Glued);
        assert_eq!(
            values(&ex, "new_received"),
            [109.0, 48.0, 1.0, 3.0, 4.0, 0.0, 165.0].map(Some),
            "{:?}",
            ex.diags
        );
        assert_eq!(values(&ex, "granted"), [7.0, 21.0, 2.0, 1.0, 2.0, 1.0, 34.0].map(Some));
        assert_eq!(values(&ex, "total"), [114.0, 44.0, 2.0, 3.0, 8.0, 1.0, 172.0].map(Some));
        assert!(
            !ex.diags.iter().any(|d| d.code == Code::AmbiguousSplit),
            "{:?}",
            ex.diags
        );
    }

    #[test]
    fn glued_runs_are_split_by_the_identities() {
        let text = "一、本年新收政府信息公开申请数量230 000023二、上年结转政府信息公开申请数量0000000";
        let ex = labelled_text(Table::Applications, Template::T2019, text, Form::Glued);
        assert_eq!(
            values(&ex, "new_received"),
            [23.0, 0.0, 0.0, 0.0, 0.0, 0.0, 23.0].map(Some)
        );
        let ex = review(&lines("结果维持总计10203120001200000"), 1, Form::Glued);
        let got: Vec<f64> = ex.cells.iter().filter_map(|c| c.value).collect();
        assert_eq!(got, [1., 0., 2., 0., 3., 12., 0., 0., 0., 12., 0., 0., 0., 0., 0.]);
        let ex = labelled_text(
            Table::ActiveDisclosure,
            Template::T2019,
            "规章000规范性文件898989第二十条",
            Form::Glued,
        );
        assert_eq!(values(&ex, "normative_documents"), [89.0; 3].map(Some));
        assert!(
            ex.diags.iter().any(|d| d.code == Code::AmbiguousSplit),
            "no identity decides 898989"
        );
    }

    /// What is in force has built up over the years: a split giving more than half as many
    /// issued, or repealed, as in force is less plausible than one that does not (管委会办公室 2024: `行政规范性文件114251` is 11|4|251, not 11|42|51), still
    /// flagged.
    #[test]
    fn what_is_in_force_outnumbers_what_was_issued() {
        for (run, want) in [("114251", [11.0, 4.0, 251.0]), ("74383", [7.0, 4.0, 383.0])] {
            let text = format!("规章000规范性文件{run}第二十条");
            let ex = labelled_text(Table::ActiveDisclosure, Template::T2021, &text, Form::Glued);
            assert_eq!(values(&ex, "normative_documents"), want.map(Some), "{run}");
            assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousSplit), "{run}");
        }
        // A split that breaks a rule before it is not made worse (`693665` is 69|3|665).
        let ex = labelled_text(
            Table::ActiveDisclosure,
            Template::T2021,
            "规章000规范性文件693665第二十条",
            Form::Glued,
        );
        assert_eq!(values(&ex, "normative_documents"), [69.0, 3.0, 665.0].map(Some));
    }

    /// Where no identity decides a run's split, the split whose numbers the report's prose
    /// states about the row is used (经济发展局 2024: `规范性文件1129` = 11, 2, 9 by the page's
    /// table; 管委会办公室 2020: `政府集中采购1973601627.4元` = 197 deals, 3601627.4元), still
    /// flagged; without such prose, the most plausible split.
    #[test]
    fn the_split_the_prose_states_is_used() {
        let read = |text: &str, template: Template, prose: &str| {
            labelled(
                Table::ActiveDisclosure,
                template,
                &lines(text),
                1,
                Form::Glued,
                &Stated::new(prose),
            )
        };
        let text = "规章000行政规范性文件1129第二十条";
        let prose = "主动公开政府信息124条，涵盖政策及规范性文件类11条、重大建设项目信息类35条。";
        let ex = read(text, Template::T2021, prose);
        assert_eq!(values(&ex, "normative_documents"), [11.0, 2.0, 9.0].map(Some));
        let flag = ex.diags.iter().find(|d| d.code == Code::AmbiguousSplit).unwrap();
        assert!(flag.message.contains("the report's text states"), "{}", flag.message);
        assert_eq!(
            values(&read(text, Template::T2021, ""), "normative_documents"),
            [1.0, 1.0, 29.0].map(Some)
        );
        // A number the prose states about another row is no evidence.
        let other = "行政许可类11条；规范性文件清理工作。";
        assert_eq!(
            values(&read(text, Template::T2021, other), "normative_documents"),
            [1.0, 1.0, 29.0].map(Some)
        );

        let text = "政府集中采购1973601627.4元三、收到";
        let prose = "在政府采购网对采购情况进行全流程公布，全年共发布采购信息197批次涉及金额3601627.4元。";
        let got = values(&read(text, Template::T2019, prose), "centralized_procurement");
        assert_eq!(got[0], Some(197.0));
        assert!((got[1].unwrap() - 360.16274).abs() < 1e-9, "{got:?}");
        // Without the prose, the most plausible split is the same since a typical amount per
        // project is 2×10⁵ 元 (18,000 元 a project against 3.9 million); it was 19 at 5×10⁵.
        assert_eq!(
            values(&read(text, Template::T2019, ""), "centralized_procurement")[0],
            Some(197.0)
        );
        // Where the prose states the most plausible split's numbers (管委会办公室 2025:
        // `行政规范性文件97253`, `制发行政规范性文件9件，…现行有效行政规范性文件共253件`), the
        // flag says so; without the prose, it says only that it is the most plausible.
        let text = "规章000行政规范性文件97253第二十条";
        let prose = "制发行政规范性文件9件，按程序确认失效或废止文件7件，现行有效行政规范性文件共253件。";
        for (prose, says) in [(prose, true), ("", false)] {
            let ex = read(text, Template::T2021, prose);
            assert_eq!(values(&ex, "normative_documents"), [9.0, 7.0, 253.0].map(Some));
            let flag = ex.diags.iter().find(|d| d.code == Code::AmbiguousSplit).unwrap();
            assert_eq!(
                flag.message.contains("the report's text states too"),
                says,
                "{}",
                flag.message
            );
            assert!(flag.message.contains("the most plausible split"), "{}", flag.message);
        }

        // Decisions counted in cases (综合执法与应急管理局 2020: the page's table has 1121,
        // 784, 784).
        let text = "行政处罚1121784784行政强制000第二十条";
        let prose = "立案查处各类违法行为并作出行政处罚决定784起，全部予以公开挂网。";
        let got = values(&read(text, Template::T2019, prose), "administrative_penalty");
        assert_eq!(got, [1121.0, 784.0, 784.0].map(Some));
        assert_ne!(values(&read(text, Template::T2019, ""), "administrative_penalty"), got);
    }

    /// A crawler's line with ideographic spaces between some cells (综合执法与应急管理局 2020,
    /// `规章 0 0　0规范性文件 00　2`): the digits a cut-off piece starts with are the previous
    /// row's, its run of digits is cut as any other.
    #[test]
    fn a_crawler_cell_cut_off_by_an_ideographic_space_keeps_its_digits() {
        let text = "规章 0 0\u{3000}0规范性文件 00\u{3000}2第二十条第（五）项";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Glued);
        assert_eq!(values(&ex, "rules"), [0.0, 0.0, 0.0].map(Some));
        assert_eq!(values(&ex, "normative_documents"), [0.0, 0.0, 2.0].map(Some));
        assert!(!ex.diags.iter().any(|d| d.code == Code::AmbiguousRow), "{:?}", ex.diags);
        // In full-width digits the same (`００` is two cells as `00` is).
        let wide = numbers::fullwidth(text, |c| c.is_ascii_digit());
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, &wide, Form::Glued);
        assert_eq!(values(&ex, "normative_documents"), [0.0, 0.0, 2.0].map(Some));
    }

    /// A procurement run is not cut into projects bought for nothing (综合执法与应急管理局
    /// 2019, `政府集中采购2273680元`: 2 projects, 273680元, not 227368 projects, 0元).
    #[test]
    fn procurement_is_not_cut_into_projects_for_nothing() {
        let text = "政府集中采购2273680元三、收到";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Glued);
        let got = values(&ex, "centralized_procurement");
        assert_eq!(got[0], Some(2.0));
        assert!((got[1].unwrap() - 27.368).abs() < 1e-9, "{got:?}");
        assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousSplit));
    }

    /// A procurement amount with no unit is read in the unit that makes the amount per
    /// project plausible (农业农村局 2020's page: `18 | 4253521.20`, 元; a crawler's
    /// `184253521.20` the same, not 1842 projects), and said so; `3 | 12.5` stays 万元.
    #[test]
    fn a_unitless_procurement_amount_is_read_in_its_plausible_unit() {
        let amount = |text: &str, form: Form| {
            let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, form);
            let v = values(&ex, "centralized_procurement");
            let d = ex
                .diags
                .iter()
                .find(|d| d.code == Code::UnitAssumed)
                .map(|d| (d.severity, d.message.clone()));
            (v, d)
        };
        for (text, form) in [
            ("政府集中采购\t18\t4253521.20", Form::Text),
            ("政府集中采购184253521.20三、收到", Form::Glued),
        ] {
            let (v, d) = amount(text, form);
            assert_eq!(v[0], Some(18.0), "{text}");
            assert!((v[1].unwrap() - 425.352_12).abs() < 1e-9, "{text}: {v:?}");
            let (severity, message) = d.unwrap();
            assert_eq!(severity, crate::diag::Severity::Warning);
            assert!(message.contains("read as 元"), "{message}");
        }
        let (v, d) = amount("政府集中采购\t3\t12.5", Form::Text);
        assert_eq!(v, [Some(3.0), Some(12.5)]);
        assert!(d.unwrap().1.ends_with("read as 万元"));
        // 君山片区管理局 2019, `政府集中采购978407`: the page's table has 9 | 78407, no unit
        // (元: 8,712 元 a project), not 97 | 8407 万元 (867,000 元 a project), which a
        // typical amount per project of 5×10⁵ 元 and 万元 as likely as 元 had preferred.
        let (v, d) = amount("政府集中采购978407 三、收到", Form::Glued);
        assert_eq!(v[0], Some(9.0));
        assert!((v[1].unwrap() - 7.8407).abs() < 1e-9, "{v:?}");
        assert!(d.unwrap().1.contains("read as 元"));
    }

    /// A run the identities cannot split is not cut into tens of thousands of last year's
    /// items for a change of 0 (社会事业局 2020, `行政许可72171051`: the page's table has
    /// 72, 17, 1051); still flagged.
    #[test]
    fn last_years_items_are_not_tens_of_thousands() {
        let text = "行政许可72171051其他对外管理服务事项000第二十条";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Glued);
        assert_eq!(values(&ex, "administrative_licensing"), [72.0, 17.0, 1051.0].map(Some));
        assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousSplit));
        // Where every split breaks a rule, such a count may still be read.
        let text = "行政许可1200000其他对外管理服务事项000第二十条";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Glued);
        assert_eq!(values(&ex, "administrative_licensing"), [12000.0, 0.0, 0.0].map(Some));
    }

    /// Full-width digits, points and signs in a run are cut as ASCII ones are: no piece with a
    /// leading ０, none ending in ．, the same values and the same diagnostics.
    #[test]
    fn full_width_runs_are_split_as_ascii_ones() {
        let full = |s: &str| -> String { numbers::fullwidth(s, |c| c.is_ascii_digit() || ".+-".contains(c)) };
        let got = |text: &str| {
            let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Glued);
            let values: Vec<_> = ex.cells.iter().map(|c| (c.row, c.col, c.value)).collect();
            let codes: Vec<_> = ex.diags.iter().map(|d| d.code).collect();
            (values, codes)
        };
        for text in [
            "其他对外管理服务事项100153行政处罚2648-18538行政许可20+1737第二十条",
            "规章000规范性文件898989政府集中采购13575394432.52元",
            // real/002's table, with a negative change and a negative fee change.
            "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章007规范性文件7777166第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可396442278其他对外管理服务事项107105第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538行政强制1262629第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购39573802895.90元",
        ] {
            assert_eq!(got(&full(text)), got(text), "{text}");
        }
    }

    /// A long run of digits (60 for seven columns: 2^59 ways to cut it into any number of
    /// pieces, C(59, 6) into seven) is searched within bounds and still read: the run used
    /// to cut it into every number of pieces, and did not come back.
    #[test]
    fn a_long_glued_run_is_searched_within_bounds() {
        let digits = "730591286403779125508864213907345618290475133068257719340268";
        let text = format!("（一）予以公开{digits}（二）部分公开0000000");
        let ex = labelled_text(Table::Applications, Template::T2019, &text, Form::Glued);
        let granted = ex.cells.iter().filter(|c| c.row == "granted").count();
        let flagged = ex.diags.iter().any(|d| d.code == Code::AmbiguousSplit);
        assert!(granted == 7 || flagged, "{granted} cells, {:?}", ex.diags);
        let mut count = 0;
        splits(
            &[Token {
                kind: Kind::Run,
                raw: digits,
                line: 1,
                cell: 0,
                line_cells: 1,
            }],
            7,
            |_, _| count += 1,
        );
        assert_eq!(count, LIMIT, "the full enumeration stops at LIMIT");
    }

    /// The other splits a warning names are counted once each, as `==` tells numbers apart
    /// (-0 is 0), in the order they come; thousands of them are counted at once.
    #[test]
    fn an_ambiguous_splits_alternatives_are_counted_once_each() {
        let token = Token {
            kind: Kind::Run,
            raw: "1234",
            line: 1,
            cell: 0,
            line_cells: 1,
        };
        let v = |a: f64, b: f64| vec![Some(a), Some(b)];
        let mut all = vec![v(1.0, 234.0), v(12.0, 34.0), v(-0.0, 1.0), v(12.0, 34.0), v(0.0, 1.0)];
        all.extend((0..20_000).map(|i| v(f64::from(i % 5000), 7.0)));
        let d = ambiguity(
            Table::ActiveDisclosure,
            "rules",
            &[token],
            1,
            all.into_iter(),
            ByText::Silent,
        )
        .expect("a warning");
        assert!(
            d.message
                .contains("splits as 1|234 or 12|34 or -0|1 or 0|7 (+4999 more)"),
            "{}",
            d.message
        );
        assert!(ambiguity(
            Table::ActiveDisclosure,
            "rules",
            &[],
            1,
            [v(1.0, 2.0), v(1.0, 2.0)].into_iter(),
            ByText::Silent
        )
        .is_none());
    }

    /// A run followed by zeros that take every number the row has (`9…9` then
    /// `000000000000000` for the review table's fifteen) has no split, and the search finds
    /// that at once: it used to cut the run every way first (C(103, 14) ways for 104 digits),
    /// until the file's step budget ran out and the whole report was given up (`TOO_SLOW`).
    #[test]
    fn a_run_the_zeros_after_it_leave_no_room_is_given_up_at_once() {
        let nines = "9".repeat(104);
        let token = |raw| Token {
            kind: Kind::Run,
            raw,
            line: 1,
            cell: 0,
            line_cells: 2,
        };
        let mut count = 0;
        let done = crate::budget::run(10_000, || {
            splits(&[token(&nines), token("000000000000000")], 15, |_, _| count += 1)
        });
        assert!(done.is_some(), "the search ran out of its budget");
        assert_eq!(count, 0);
        // A sign with no digit after it (`-9999…--`, a Markdown rule mangled into digits)
        // is no number: nothing is tried.
        // Nor are digits with a comma after them (`9999，`, run into a label's words).
        let runs = [format!("-{}--", "9".repeat(52)), format!("{}，", "9".repeat(104))];
        for run in &runs {
            let done = crate::budget::run(10_000, || splits(&[token(run)], 7, |_, _| count += 1));
            assert!(done.is_some(), "the search ran out of its budget: {run}");
            assert_eq!(count, 0);
        }
        // A unit or a measure word after the digits still ends a number.
        for run in ["1156805947.43元", "37件"] {
            let mut got = 0;
            splits(&[token(run)], 2, |_, _| got += 1);
            assert!(got > 0, "{run}");
        }
        // With room for the run, the zeros are still a number each.
        let mut seen = Vec::new();
        splits(&[token("12"), token("000")], 5, |t, _| {
            seen.push(t.iter().map(|t| t.raw).collect::<Vec<_>>())
        });
        assert_eq!(seen, [["1", "2", "0", "0", "0"]]);
        assert_eq!(fewest_pieces("000"), 3);
        assert_eq!(fewest_pieces("00.5"), 2);
        assert_eq!(fewest_pieces("０５"), 2);
        assert_eq!(fewest_pieces("105"), 1);
    }

    /// `splits_summing` gives exactly the splits of `splits` whose last number is the sum
    /// of the others, in the same order, with one id per piece: random rows of counts (and
    /// some decimals, units, spaces, uncut values, totals that are not the sum).
    #[test]
    fn summing_splits_are_the_splits_whose_last_is_the_sum() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut rnd = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let number = |t: &Token<'_>| match t.kind {
            Kind::Value(Value::Number(n)) => n.value,
            _ => panic!("not a number: {t:?}"),
        };
        let mut searched = 0;
        for _ in 0..1500 {
            let m = 2 + rnd(6) as usize;
            let mut parts: Vec<f64> = (0..m - 1)
                .map(|_| match rnd(5) {
                    0 | 1 => 0.0,
                    2 => rnd(10) as f64,
                    3 => rnd(300) as f64,
                    _ => rnd(3_000) as f64,
                })
                .collect();
            if rnd(10) == 0 {
                parts[0] += 0.5;
            }
            let mut total: f64 = parts.iter().sum();
            if rnd(4) == 0 {
                total += 1.0 + rnd(40) as f64;
            }
            parts.push(total);
            let mut raw = String::new();
            if rnd(2) == 0 {
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 && rnd(6) == 0 {
                        raw.push(' ');
                    }
                    raw.push_str(&p.to_string());
                }
            } else {
                // Short runs of few digits, many with several sums in them (1|9|10 and 19|1|20).
                for _ in 0..m + rnd(6) as usize {
                    raw.push(char::from(b"0112349"[rnd(7) as usize]));
                }
            }
            if rnd(8) == 0 {
                raw.push('万');
            }
            let raw: &'static str = Box::leak(raw.into_boxed_str());
            let token = |kind, raw| Token {
                kind,
                raw,
                line: 1,
                cell: 0,
                line_cells: 1,
            };
            let mut tokens = vec![token(Kind::Run, raw)];
            if rnd(5) == 0 {
                let first = numbers::numbers("7").unwrap()[0];
                tokens.insert(0, token(Kind::Value(Value::Number(first)), "7"));
            }
            let (mut want, mut count) = (Vec::new(), 0);
            splits(&tokens, m, |t, _| {
                count += 1;
                let v: Vec<f64> = t.iter().map(number).collect();
                if validate::close(v[..m - 1].iter().sum(), v[m - 1]) {
                    want.push(t.iter().map(|t| t.raw).collect::<Vec<_>>());
                }
            });
            if count >= LIMIT {
                continue;
            }
            let Some((found, _)) = splits_summing(&tokens, m) else {
                panic!("{raw:?} can be searched");
            };
            let got: Vec<Vec<&str>> = found.iter().map(|(t, _)| t.iter().map(|t| t.raw).collect()).collect();
            assert_eq!(got, want, "{raw:?} into {m}");
            let mut id_of: HashMap<(usize, usize), u32> = HashMap::default();
            for (t, ids) in &found {
                for (t, &id) in t.iter().zip(ids) {
                    let key = (t.raw.as_ptr() as usize, t.raw.len());
                    assert_eq!(*id_of.entry(key).or_insert(id), id, "one id per piece");
                }
            }
            let distinct: std::collections::HashSet<u32> = id_of.values().copied().collect();
            assert_eq!(distinct.len(), id_of.len(), "one piece per id");
            searched += usize::from(!got.is_empty());
        }
        assert!(searched > 250, "only {searched} rows had a split");
        let signed = [Token {
            kind: Kind::Run,
            raw: "12-3",
            line: 1,
            cell: 0,
            line_cells: 1,
        }];
        assert!(splits_summing(&signed, 3).is_none(), "a sign is left to `splits`");
    }

    #[test]
    fn review_values_one_per_line() {
        let text = (1..=3).map(|_| "1\n0\n0\n0\n1\n").collect::<String>();
        let ex = review(&lines(&text), 1, Form::Text);
        assert_eq!(ex.cells.iter().filter_map(|c| c.value).sum::<f64>(), 6.0);
    }
}
