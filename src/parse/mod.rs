//! Table regions → cells. The three tables are read from tokens (see `grid`), not from line
//! positions: label fragments accumulate until a run of values starts, the label names a
//! template row (`labels`), and the run's values are placed in the row's columns. When a
//! run has more or fewer values than the row has columns, every placement is scored with
//! the arithmetic identities (`crate::validate`); a placement they single out is used, and
//! where they cannot decide only the cells all good placements agree on are emitted, with
//! a warning.
//!
//! Its parts: `grid` (lines → tokens), `labels` (labels → template rows), `numbers` (cell
//! text → values), `place` (a run's values into its row's columns, scored by the
//! identities), `glued` (a crawler's runs of digits cut into cells), `stated` (the numbers
//! the prose states), `subtotal` (a 法人或其他组织小计 column), `layout` and `pages` (a PDF's
//! text with its layout kept), `bands` (a PDF's text in its reading order), `review` (the
//! review and litigation table).

mod absent;
mod bands;
mod columns;
mod glued;
pub mod grid;
mod groups;
pub mod labels;
mod layout;
pub mod numbers;
mod pages;
mod place;
mod review;
mod sparse;
pub mod stated;
mod subtotal;

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::collections::VecDeque;

use crate::diag::{Code, Diagnostic};
use crate::model::{Cell, CellStatus};
use crate::template::{self, RowSpec, Table, Template};
use crate::validate::{self, Key};
use bands::*;
use columns::*;
pub use glued::run_head;
use glued::*;
use grid::{Kind, Line, Token};
use groups::*;
use layout::*;
use numbers::{Unit, Value};
use place::*;
pub use review::review;
pub use stated::Stated;
use subtotal::*;

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
#[derive(Debug, Clone)]
struct Run<'a> {
    label: String,
    label_line: u32,
    /// The line `label` starts on: `label_line`, or an earlier one when a heading's label
    /// was carried into it.
    first_line: u32,
    /// Where in `label` each of its lines after the first starts, and the line (empty when
    /// the label is on one line).
    breaks: Vec<(usize, u32)>,
    /// Where in `label` a cell starts after another on the same line (a text laid out with
    /// spaces puts two rows' labels on one line: PyMuPDF's sorted text, `二、上年结转…数量`
    /// and `（一）予以公开` with the second's values).
    cells: Vec<usize>,
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
            cells: Vec::new(),
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

/// A token's line and the line's text before the token, where its text is the line's.
fn line_before<'a>(t: &Token<'_>, lines: &[Line<'a>]) -> Option<(&'a str, &'a str)> {
    let text = line_text(lines, t.line)?;
    let at = (t.raw.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    if at + t.raw.len() > text.len() || !text.is_char_boundary(at) {
        return None;
    }
    Some((text, &text[..at]))
}

/// The character column a token starts at in its line, where its text is the line's.
fn column(t: &Token<'_>, lines: &[Line<'_>]) -> Option<usize> {
    line_before(t, lines).map(|(_, before)| before.chars().count())
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
    /// The most characters of a group label's piece on one line of a narrow cell.
    const GROUP_PIECE_CHARS: usize = 4;
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
            // (A narrow cell's piece is a few characters a line; a row's whole label at the
            // line's start, a text laid out with spaces whose rows' labels stand apart from
            // their group's, `（三）不予公开      1.属于国家秘密` / `2.其他法律行政法规禁止公开`
            // (inscriptis), is no group's piece.)
            let piece = match w.as_slice() {
                [_, (_, at), ..] => &tokens[k].raw[..*at],
                _ => tokens[k].raw,
            };
            if piece.chars().filter(|ch| !ch.is_whitespace()).count() > GROUP_PIECE_CHARS {
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
    let mut cells = Vec::new();
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
                    cells.clear();
                } else if t.line != text_line && label_line != 0 {
                    breaks.push((label.len(), t.line));
                } else if t.line == text_line {
                    cells.push(label.len());
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
                        cells: std::mem::take(&mut cells),
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
                    cells: std::mem::take(&mut cells),
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
    // A label after the last value: the table's last row printed without values, maybe.
    if !label.is_empty() {
        out.push(Run {
            label,
            label_line,
            first_line: label_line,
            breaks,
            cells,
            values: Vec::new(),
            header_unit,
            subtotal_line: None,
            gaps: None,
        });
    }
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
/// many values the row takes, and how many it has.
fn value_between_label_lines(
    run: &Run<'_>,
    next: &Run<'_>,
    specs: &[RowSpec],
    filled: &[bool],
    cursor: usize,
    subtotal: Option<usize>,
) -> Option<(usize, usize)> {
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
        return Some((m, m));
    }
    let first: Option<Vec<f64>> = std::iter::once(value)
        .chain(&next.values[..m - 1])
        .map(|t| grid::number(t).map(|n| n.value))
        .collect();
    if first.is_some_and(|v| numbers_add_up(&v, subtotal)) {
        Some((m, m))
    } else {
        (n <= m + 2).then_some((n, m))
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

/// A token's numbers a space apart as values of their own (a run `22 2 24`); other tokens
/// as they are.
fn spaced_values<'a>(t: &Token<'a>) -> Vec<Token<'a>> {
    if t.kind != Kind::Run || !t.raw.contains(' ') {
        return vec![t.clone()];
    }
    let pieces: Vec<Token<'a>> = t
        .raw
        .split(' ')
        .filter(|p| !p.is_empty())
        .map(|p| Token {
            kind: numbers::number(p).map_or(Kind::Run, |n| Kind::Value(Value::Number(n))),
            raw: p,
            ..t.clone()
        })
        .collect();
    if pieces.iter().any(|p| p.kind == Kind::Run) {
        return vec![t.clone()];
    }
    pieces
}

/// A crawler's applications rows, each run's numbers a space apart as values of their own,
/// where the rows set every two values a space apart: two rows or more whose numbers, so
/// cut, are as many as the row's columns and add up (`numbers_add_up`, the 总计 not 0), and
/// none a run of digits without a space in it but a single number's (no digits ran
/// together). None otherwise, or where no run has a space.
fn spaced_rows<'a>(
    hits: &[(usize, Run<'a>)],
    specs: &[RowSpec],
    extra: usize,
    subtotal: Option<usize>,
) -> Option<Vec<Vec<Token<'a>>>> {
    let spaced = |r: &Run<'_>| r.values.iter().any(|t| t.kind == Kind::Run && t.raw.contains(' '));
    if !hits.iter().any(|(_, r)| spaced(r)) {
        return None;
    }
    let rows: Vec<Vec<Token<'a>>> = hits
        .iter()
        .map(|(_, r)| r.values.iter().flat_map(spaced_values).collect())
        .collect();
    if rows.iter().flatten().any(|t| t.kind == Kind::Run) {
        return None;
    }
    let whole = hits
        .iter()
        .zip(&rows)
        .filter(|((i, _), values)| {
            let numbers: Vec<f64> = values.iter().filter_map(summand).collect();
            values.len() == specs[*i].cols.len() + extra
                && numbers.len() == values.len()
                && numbers.last().is_some_and(|&t| t != 0.0)
                && numbers_add_up(&numbers, subtotal.filter(|_| extra == 1))
        })
        .count();
    (whole >= 2).then_some(rows)
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
    if let Some(found) = empty_cell_before(run, specs, filled, cursor) {
        return Some(found);
    }
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

/// Whether the applications table's last label after its last value (`last`, naming the
/// table's last row by itself) is that row printed without values (a report that leaves
/// its zeros empty, 四、结转下年度继续办理 with none to carry forward), as a row whose
/// label the next row's follows: where the 总计 column says so, 本年新收's 总计 and
/// 上年结转's (each row's last value and the sum of its others; a row printed empty, 0)
/// making the （七）总计 row's, nothing carried forward. (A text that prints the table's
/// labels apart from its values, pdfminer's a column at a time, may end with the row's
/// label and its values elsewhere.) The row, where it is.
fn last_row_printed_empty(
    last: &Run<'_>,
    specs: &[RowSpec],
    hits: &[RowRun<'_>],
    printed_empty: &[(usize, u32)],
    subtotal_at: Option<usize>,
    filled: &[bool],
    cursor: usize,
) -> Option<usize> {
    let total_of = |key: &str| -> Option<f64> {
        let row = specs.iter().position(|s| s.key == key)?;
        if printed_empty.iter().any(|e| e.0 == row) {
            return Some(0.0);
        }
        // (Beside a 小计, the sum of the others but the 小计, the organisations' sum.)
        let (_, run) = hits.iter().find(|(r, _)| *r == row)?;
        let v: Vec<f64> = run.values.iter().map(summand).collect::<Option<_>>()?;
        let (&last, rest) = v.split_last()?;
        let sum: f64 = rest.iter().sum();
        let adds =
            validate::close(sum, last) || (subtotal_at.is_some() && validate::close(sum, 2.0 * last - rest.first()?));
        adds.then_some(last)
    };
    let new = total_of("new_received")?;
    let carried = total_of("carried_over")?;
    let total = total_of("total")?;
    let i = specs.len() - 1;
    (validate::close(new + carried, total) && labels::names_next(&last.label, specs, filled, cursor) == Some(i))
        .then_some(i)
}

/// A cell of `run`'s label that names the row expected next by itself while the cell after
/// it on the same line names a later row by itself (PyMuPDF's sorted text of a row left
/// empty: `二、上年结转政府信息公开申请数量   （一）予以公开   52   7 …`): a row printed without
/// values. The label up to that cell's end is cut off; the row it names and its line are
/// returned.
fn empty_cell_before(run: &mut Run<'_>, specs: &[RowSpec], filled: &[bool], cursor: usize) -> Option<(usize, u32)> {
    // (Only the label's last cell, on the line of the run's first value: a header's cells,
    // on lines above the values, are not looked at.)
    let &at = run.cells.last()?;
    let line = run.breaks.last().filter(|b| b.0 < at).map_or(run.first_line, |b| b.1);
    if run.breaks.last().is_some_and(|b| b.0 > at) || run.values.first().is_none_or(|v| v.line != line) {
        return None;
    }
    // The cell before: from the cell or line before it.
    let from = run
        .cells
        .iter()
        .rev()
        .nth(1)
        .copied()
        .into_iter()
        .chain(run.breaks.last().map(|b| b.0))
        .max();
    let before = run.label.get(from.unwrap_or(0)..at)?;
    let i = labels::names_next(before, specs, filled, cursor)?;
    if !names_a_later_row(run.label.get(at..)?, i, specs, filled) {
        return None;
    }
    cut_label(run, at);
    Some((i, line))
}

/// The label's last cell holding two rows' labels, the later one's item number right after
/// the first's words (`二、上年结转政府信息公开申请数量（一）予以公开  52  7 …`: a PDF's pages
/// put into text with nothing between them, the row that ends a page printed empty): the
/// first a row printed without values, as [`empty_cell_before`] reads two cells. (A text's
/// only: a crawler's labels run together are cut by `glued_empty_row`.)
fn empty_label_within(run: &mut Run<'_>, specs: &[RowSpec], filled: &[bool], cursor: usize) -> Option<(usize, u32)> {
    let (start, line) = run.breaks.last().map_or((0, run.first_line), |&b| b);
    if run.values.first().is_none_or(|v| v.line != line) {
        return None;
    }
    let start = run.cells.last().copied().filter(|&c| c > start).unwrap_or(start);
    let cell = run.label.get(start..)?;
    // (An item's number opens with `(` or a digit, in a label normalised, not within a
    // number: looked at only there, byte by byte.)
    let bytes = cell.as_bytes();
    let (k, i) = (1..bytes.len())
        .filter(|&k| bytes[k] == b'(' || bytes[k].is_ascii_digit() && !bytes[k - 1].is_ascii_digit())
        .filter(|&k| opens_item(&cell[k..]))
        .find_map(|k| {
            let i = labels::names_next(&cell[..k], specs, filled, cursor)?;
            names_a_later_row(&cell[k..], i, specs, filled).then_some((start + k, i))
        })?;
    cut_label(run, k);
    Some((i, line))
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
    run.cells.retain(|&c| c > end);
    run.cells.iter_mut().for_each(|c| *c -= end);
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
    if i + 1 == specs.len() {
        // The table's last row (结转下年度继续办理, its 总计's zero left empty too): no row
        // follows it; what does must hold no value and name no row.
        return runs.iter().take(4).all(|r| {
            r.values.iter().all(|t| t.kind == Kind::Blank) && labels::match_row(&r.label, specs, filled, i).is_none()
        });
    }
    for r in runs.iter().take(4) {
        // (Or its group's sums after it, `8.属于行政查询事项` / `小计`: see `groups`.)
        if names_a_later_row(&r.label, i, specs, filled) || group_after(&r.label, Some(&specs[i])).is_some() {
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
    // The organisation columns the header names no word for (a table that left some out),
    // looked for only where a row could be such a table's (`absent::absent_columns`).
    let may_leave_out = table == Table::Applications && subtotal_at.is_none();
    let mut absent: Option<Vec<usize>> = None;
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
    // The label after the table's last value ([`runs`]' last run, without values).
    let mut trailing: Option<Run> = None;
    // The rows of a group's sums (`（三）不予公开小计`), with their group.
    let mut groups: Vec<(&'static str, Run)> = Vec::new();
    while let Some(mut run) = all.pop_front() {
        crate::budget::step();
        if let Some(c) = carry.take() {
            carry_into(c, &mut run);
        }
        if run.values.is_empty() {
            trailing = Some(run);
            break;
        }
        if form == Form::Text && table == Table::Applications {
            join_value_between_lines(&mut run, &mut all, specs, &filled, cursor, subtotal_at, false);
            header_after_first_label(&mut run);
            join_header_word_between_values(&mut run, &mut all, specs, &filled, cursor, subtotal_at);
        } else if form == Form::Text && table == Table::ActiveDisclosure && counts_between_lines(&run, all.front()) {
            // (The first table's rows too, of counts, each value the row's: `行政规范性文` /
            // `58` / `件` / `45` / `546`.)
            join_value_between_lines(&mut run, &mut all, specs, &filled, cursor, None, true);
        }
        // Rows whose labels stand before this run's own, each by itself.
        let empties = rows_before(&mut run, specs, &mut filled, &mut cursor, form);
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
            // (A table that left columns out: its rows' cells are fewer.)
            let fewest = if blank && may_leave_out && n < m {
                m - absent.get_or_insert_with(|| absent::absent_columns(&tokens)).len()
            } else {
                m
            };
            !blank
                || if form == Form::Html {
                    (fewest..=m + 1).contains(&n)
                } else {
                    let last = run.breaks.last().map_or(0, |b| b.0);
                    n >= fewest
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
        let band = match row {
            Some(r) if !empties.is_empty() && table == Table::Applications && form == Form::Text => {
                band_of_rows_before(&mut run, r, &empties, specs, subtotal_at)
            }
            _ => None,
        };
        match band {
            Some((own, diag)) => {
                hits.extend(own);
                ex.diags.push(diag);
            }
            None => {
                printed_empty.extend_from_slice(&empties);
                printed_without_values(table, specs, &empties, &mut ex);
            }
        }
        let group = match row {
            None if !blank && table == Table::Applications && row_shaped(&run, specs, subtotal_at) => {
                group_of(&run.label, specs).or_else(|| group_after(&run.label, hits.last().map(|h| &specs[h.0])))
            }
            _ => None,
        };
        match row {
            Some(i) => {
                filled[i] = true;
                cursor = i + 1;
                hits.push((i, run));
            }
            None if blank && run.label.len() <= CARRY_BYTES => carry = Some(run),
            None if blank => {}
            None if group.is_some() => groups.extend(group.map(|g| (g, run))),
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
    let mut last_empty = None;
    if let Some(last) = trailing.filter(|_| table == Table::Applications) {
        if let Some(i) = last_row_printed_empty(&last, specs, &hits, &printed_empty, subtotal_at, &filled, cursor) {
            filled[i] = true;
            last_empty = Some((i, last.label_line));
            ex.cells.extend(
                specs[i]
                    .cols
                    .iter()
                    .map(|&col| Cell::blank(table, specs[i].key, col, last.label_line)),
            );
            ex.diags.push(Diagnostic::warning(
                Code::MissingValues,
                Some(last.label_line),
                format!(
                    "{}: row {} ({}) is printed without values (the table ends after its label): its cells are blank",
                    table.as_str(),
                    specs[i].key,
                    specs[i].label
                ),
            ));
        }
    }
    // Every row's label, then all the table's numbers: a text that reads it a column at a time.
    if table == Table::Applications && form == Form::Text && hits.len() * 2 <= specs.len() {
        rows_read_by_columns(
            specs,
            &tokens,
            &printed_empty,
            subtotal_at,
            &mut filled,
            &mut hits,
            &mut ex,
        );
    }
    if table == Table::Applications && form == Form::Text && hits.iter().any(|(_, r)| r.values.len() >= 14) {
        values_of_rows_after(specs, &tokens, &printed_empty, &mut filled, &mut hits, &mut ex);
    }
    if table == Table::ActiveDisclosure && form == Form::Text && !printed_empty.is_empty() {
        sections_read_by_columns(specs, template, &tokens, &mut filled, &mut hits, &mut ex);
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
    // A page's strings a space apart on one line (`" ".join(stripped_strings)`), its empty
    // cells' strings gone: a space is no empty cell but the separator of every two values,
    // where a row of numbers a space apart makes up its columns, adding up (`数量 220 30 9 7
    // 9 4 279`: a crawler's collapsed white space runs such a row's digits together, a
    // space standing for empty cells). Each run's numbers are then values of their own.
    // A crawler's row with an empty 总计 after its runs: the row as one that leaves its 总计
    // empty (`joint_glued`'s cuts into the applicant columns, with the other rows'); a line
    // that ends with a separator after its last cell, an empty cell past its columns.
    if form == Form::Glued && table == Table::Applications {
        if let Some(rows) = spaced_rows(&hits, specs, extra, subtotal_at) {
            for ((_, r), values) in hits.iter_mut().zip(rows) {
                r.values = values;
            }
        }
        for (_, r) in hits.iter_mut() {
            if r.values.iter().any(|t| t.kind != Kind::Blank) {
                while r.values.last().is_some_and(|t| t.kind == Kind::Blank) {
                    r.values.pop();
                }
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
    // A table that left columns out, its header naming the others: every row read so (also
    // after a word processor's spare column was dropped: the rows' last cells, empty in every
    // row, are the spare column's, not a 总计 column left empty).
    if may_leave_out && subtotal_rows.is_none() {
        if let Some(width) = absent::fewer_cells(specs, &hits) {
            let cols = absent.get_or_insert_with(|| absent::absent_columns(&tokens));
            if cols.len() + width == specs[0].cols.len()
                && absent::read_without(table, specs, &hits, cols, first_line, &mut ex)
            {
                hits.clear();
            }
        }
    }
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
            values => Layout::of(lines, &hits, extra == 1).or(values).or_else(|| {
                (extra <= 1)
                    .then(|| Layout::relative(lines, &hits, specs, &filled, template, extra == 1))
                    .flatten()
            }),
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
    if let Some(Layout {
        relative: Some(layout::Relative { spacing: true }),
        ..
    }) = &layout
    {
        ex.diags.push(Diagnostic::warning(
            Code::AmbiguousRow,
            Some(first_line),
            "applications: no row fills every column, and some column holds no value: the columns were placed by the even spacing of the values on their lines, counted from each row's 总计".to_string(),
        ));
    }
    // A crawler's row with its empty cells in their places (`nbsp_glued`): fewer cells
    // than columns, so its numbers ran together, each maybe several cells (`64 · · · 5915`:
    // 6|4, three empty, 5|9|15).
    let mut placed: Vec<usize> = Vec::new();
    if form == Form::Glued {
        // A row's numbers of several digits, as runs to cut.
        let runs = |values: &mut Vec<Token<'_>>| {
            for t in values.iter_mut() {
                let digits = t
                    .raw
                    .chars()
                    .filter(|&c| numbers::halfwidth(c).is_ascii_digit())
                    .count();
                if t.is_value() && digits > 1 {
                    t.kind = Kind::Run;
                }
            }
        };
        for (i, r) in hits.iter_mut() {
            // (A row's one number of several digits, set apart from its label by a space
            // (`数量 100242010440140`): a run to cut, with its 小计 too.)
            if extra == 1 && r.values.len() == 1 {
                runs(&mut r.values);
            }
            if r.values.iter().any(|t| t.kind == Kind::Blank) && r.values.len() < specs[*i].cols.len() + extra {
                placed.push(*i);
                runs(&mut r.values);
            }
        }
    }
    if let (Table::Applications, Some(p)) = (table, subtotal_at) {
        placed.extend(cut_with_subtotal(specs, &mut hits, p, lines));
    }
    // A report that left its zeros empty, in a text that keeps no empty cells: every row.
    // (A crawler's too, where no row's digits ran together: its strings a space apart,
    // `" ".join(stripped_strings)`.)
    if table == Table::Applications
        && matches!(form, Form::Text | Form::Glued)
        && layout.is_none()
        && sparse::keeps_no_empty_cells(&hits, specs, extra)
    {
        if let Some(read) = sparse::zeros_left_empty(specs, &ex.cells, &hits, subtotal_at, first_line) {
            ex.cells.extend(read.cells);
            ex.diags.extend(read.diags);
            hits.clear();
        }
    }
    // A page's table with a word processor's empty column after its own: every row longer
    // than its columns ends with an empty cell and some opens with a value. Such rows lose
    // their last empty cells first, not their first (`规范性文件 | | | 373 | |`: a report that
    // left its zeros empty opens rows with empty cells too). Where every such row both opens
    // and ends empty, nothing tells the spare column's side: said.
    let spare_after = if form == Form::Html {
        spare_column_after(table, specs, &hits, extra, first_line, &mut ex)
    } else {
        false
    };
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
        if spare_after {
            while run.values.len() > m && run.values.last().is_some_and(|t| t.kind == Kind::Blank) {
                run.values.pop();
            }
        }
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
        // A crawler's run of cells with an empty one among them, in its place (a no-break
        // space of a page's text taken whole, `nbsp_glued`): the split keeps it there.
        let placed_blanks = placed.contains(&i);
        if placed_blanks && run.values.len() == spec.cols.len() && !run.values.iter().any(|t| t.kind == Kind::Run) {
            // (Cut with its 小计, which was checked and dropped.)
            by_position(table, spec, &run, &mut ex);
            continue;
        }
        // (A row whose cells as printed, empty ones among them, are as many as its columns
        // (but empty ones after its last value: a tab ending each line) stood apart: its
        // numbers are no runs to cut, whichever empty cells are layout.)
        let printed = run.values.len() - run.values.iter().rev().take_while(|t| t.kind == Kind::Blank).count();
        let apart = printed == spec.cols.len() && run.values[..printed].iter().any(|t| t.kind == Kind::Blank);
        if !placed_blanks && positional(table, spec, &mut run, form, own_blanks, trailing_own, &mut ex) {
            continue;
        }
        if !placed_blanks {
            run.values.retain(|t| t.kind != Kind::Blank);
        }
        if let Some(layout) = &layout {
            if layout.place(table, spec, &run, lines, &mut ex) {
                continue;
            }
        }
        if form == Form::Glued && run.values.len() < spec.cols.len() && !apart {
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
        // A crawler's runs of a table that left columns out: cut into the others.
        let cols = (may_leave_out && form == Form::Glued)
            .then(|| absent.get_or_insert_with(|| absent::absent_columns(&tokens)))
            .filter(|cols| {
                !cols.is_empty()
                    && absent::named_in_order(&tokens, cols)
                    && absent::zero_runs_fit(&glued_rows, specs[0].cols.len() - cols.len())
            });
        if let Some(cols) = cols {
            let without = absent::without(template, cols);
            joint_glued(table, template, without, &glued_rows, stated, lines, &mut ex);
            absent::runs_cut_without(table, specs, &glued_rows, cols, first_line, &mut ex);
        } else {
            joint_glued(table, template, specs, &glued_rows, stated, lines, &mut ex);
        }
    }
    // Rows a PDF's reading order printed apart from their labels, some left out as read.
    if table == Table::Applications && form == Form::Text {
        by_reading_order(template, specs, &tokens, subtotal_at, first_line, &mut filled, &mut ex);
    }
    if form == Form::Text && (!printed_empty.is_empty() || last_empty.is_some()) {
        not_printed_empty(table, specs, &tokens, printed_empty.iter().chain(&last_empty), &mut ex);
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
        check_groups(specs, &groups, subtotal_at, &mut ex);
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

/// `c`'s label (a row of empty cells that named no row: a group heading) leading `run`'s:
/// the carried label's lines, then the run's, each where it starts.
fn carry_into(mut c: Run<'_>, run: &mut Run<'_>) {
    let at = c.label.len();
    c.breaks.push((at, run.label_line));
    c.breaks.extend(run.breaks.iter().map(|&(b, line)| (b + at, line)));
    run.breaks = c.breaks;
    c.cells.extend(run.cells.iter().map(|&b| b + at));
    run.cells = c.cells;
    run.label = c.label + &run.label;
    run.first_line = c.first_line;
}

/// Whether `run`'s values and the next run's are counts alone (no sign, no fraction, no
/// unit): a first table's row whose value stands between its label's lines is read so only
/// where its columns cannot be told apart by what they hold otherwise (pdfminer's text, a
/// column at a time, gives a 政府集中采购 row's amount between its label's lines, its deals
/// after, and a 行政事业性收费 row's signed change before its count), for no identity
/// checks the order of that table's columns.
fn counts_between_lines(run: &Run<'_>, next: Option<&Run<'_>>) -> bool {
    let count = |t: &Token<'_>| {
        grid::number(t).is_some_and(|n| !n.signed && n.unit.is_none() && n.value >= 0.0 && n.value.fract() == 0.0)
    };
    run.values.len() == 1 && next.is_some_and(|next| run.values.iter().chain(&next.values).all(count))
}

/// A row's first value between its label's lines ([`value_between_label_lines`]): the next
/// run's label joined to `run`'s and its values to the row's, the values after the row's
/// (the next row's, its label elsewhere) put back as a run of their own; `exact`: only where
/// the two runs hold the row's values and no more.
fn join_value_between_lines<'a>(
    run: &mut Run<'a>,
    all: &mut VecDeque<Run<'a>>,
    specs: &[RowSpec],
    filled: &[bool],
    cursor: usize,
    subtotal_at: Option<usize>,
    exact: bool,
) {
    let Some(next) = all.front() else {
        return;
    };
    // (The label's last lines after a group's label's last piece, which its narrow cell
    // wrapped beside the row's: `（六）其他处 2.申请人逾期…其政府信息公` / `0` / `理` / `开申请`.)
    let piece = group_piece(&run.label, next);
    let cut;
    let view = if piece > 0 {
        let mut rest = next.clone();
        cut_label(&mut rest, piece);
        cut = rest;
        &cut
    } else {
        next
    };
    let Some((m, of)) = value_between_label_lines(run, view, specs, filled, cursor, subtotal_at) else {
        return;
    };
    if exact && of != 1 + next.values.len() {
        return;
    }
    let mut next = all.pop_front().expect("the front run");
    if piece > 0 {
        cut_label(&mut next, piece);
    }
    let at = run.label.len();
    run.breaks.push((at, next.label_line));
    run.label.push_str(&next.label);
    let more = next.values.split_off(m - 1);
    run.values.extend(next.values);
    if let Some(first) = more.first() {
        let line = first.line;
        all.push_front(Run::cut(String::new(), line, more, next.header_unit));
    }
}

/// The length of `next`'s first line where it is the last piece of a group's label whose
/// other pieces end `label`'s (`（六）其他处` … / `理`): at most three characters, on a line
/// of its own before the rest of `next`'s label; 0 otherwise.
fn group_piece(label: &str, next: &Run<'_>) -> usize {
    let Some(&(end, _)) = next.breaks.first() else {
        return 0;
    };
    let piece = &next.label[..end];
    if piece.is_empty() || piece.chars().count() > 3 {
        return 0;
    }
    let completes = |g: &str| {
        g.len() > piece.len() && g.ends_with(piece) && label.contains(&g[..g.len() - piece.len()]) && !label.contains(g)
    };
    // (The groups' labels, and 三、本年度办理结果's.)
    if GROUPS.iter().map(|g| g.0).chain(["办理结果"]).any(completes) {
        end
    } else {
        0
    }
}

/// A header's word among the first row's values (a PDF's text reads the 总计 header cell,
/// which spans the header's rows, after the row's first numbers: `一、本年新收…数量` /
/// `1766 281` / `总计` / `72` / … / `2741`): where `run` names the first row expected, with
/// fewer values than its columns, and the next run's label is header words alone whose
/// values make the row's whole, the two are the row's.
fn join_header_word_between_values<'a>(
    run: &mut Run<'a>,
    all: &mut VecDeque<Run<'a>>,
    specs: &[RowSpec],
    filled: &[bool],
    cursor: usize,
    subtotal: Option<usize>,
) {
    const WORDS: [&str; 10] = [
        "总计",
        "合计",
        "小计",
        "自然人",
        "法人或其他组织",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "申请人情况",
    ];
    let (Some(next), Some(spec)) = (all.front(), specs.first()) else {
        return;
    };
    let m = spec.cols.len() + usize::from(subtotal.is_some());
    if filled.first() != Some(&false) || run.values.len() >= m || run.values.len() + next.values.len() != m {
        return;
    }
    let mut rest = next.label.as_str();
    while let Some(w) = WORDS.iter().find(|w| rest.starts_with(*w)) {
        rest = &rest[w.len()..];
    }
    if !rest.is_empty() || next.label.is_empty() || labels::names_next(&run.label, specs, filled, cursor) != Some(0) {
        return;
    }
    let next = all.pop_front().expect("the front run");
    run.values.extend(next.values);
}

/// A row's label with the header's words after it (a PDF's text prints the first row's
/// label, the cell beside the header's, before the header: `一、本年新收政府` / `信息公开申请数量
/// 自然` / `人 法人或其他组织 总计 商业` / … / `其他 小计` / `138 …`): the row's, without the
/// header's words (`总计` names the last row).
fn header_after_first_label(run: &mut Run<'_>) {
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
        run.cells.retain(|&c| c < at);
    }
}

/// The rows whose labels stand before `run`'s own, each by itself (printed without values,
/// or a band's labels before its numbers), taken off `run`'s label, marked filled, with
/// their labels' lines.
fn rows_before(
    run: &mut Run<'_>,
    specs: &[RowSpec],
    filled: &mut [bool],
    cursor: &mut usize,
    form: Form,
) -> Vec<(usize, u32)> {
    let mut empties = Vec::new();
    loop {
        let (i, line) = if let Some(found) = empty_row_before(run, specs, filled, *cursor) {
            found
        } else if let Some(found) = (form == Form::Text)
            .then(|| empty_label_within(run, specs, filled, *cursor))
            .flatten()
        {
            found
        } else if form == Form::Glued {
            let line = run.label_line;
            match glued_empty_row(run, specs, filled, *cursor) {
                Some(i) => (i, line),
                None => break,
            }
        } else {
            break;
        };
        filled[i] = true;
        *cursor = i + 1;
        empties.push((i, line));
    }
    empties
}

/// The rows whose labels came before `run`'s own (row `r`'s), where the run holds a row of
/// values for each of them and its own, each adding up (a PDF's text that reads a band of
/// rows' labels before their numbers, `（一）予以公开` / `（二）部分公开…` / `20` / `9` / …
/// sixteen numbers): each row's run, in order (`run` keeps the last), and the diagnostic
/// saying so. None when they do not.
fn band_of_rows_before<'a>(
    run: &mut Run<'a>,
    r: usize,
    empties: &[(usize, u32)],
    specs: &[RowSpec],
    subtotal_at: Option<usize>,
) -> Option<(Vec<RowRun<'a>>, Diagnostic)> {
    let rows = empties.len() + 1;
    if run.values.len() < 14 || !rows_add_up(&run.values, rows, subtotal_at) {
        return None;
    }
    let m = run.values.len() / rows;
    let mut values = std::mem::take(&mut run.values).into_iter();
    let own = empties
        .iter()
        .map(|&(i, line)| {
            let values = values.by_ref().take(m).collect();
            (i, Run::cut(specs[i].label.to_string(), line, values, run.header_unit))
        })
        .collect();
    run.values = values.collect();
    let keys: Vec<&str> = empties.iter().map(|&(i, _)| specs[i].key).collect();
    let diag = Diagnostic::info(
        Code::MissingValues,
        Some(run.label_line),
        format!(
            "{}: the labels of row(s) {} stand before row {}'s, and {} rows of {m} values after them, each adding up: each row took its own, in order",
            Table::Applications.as_str(),
            keys.join(", "),
            specs[r].key,
            rows
        ),
    );
    Some((own, diag))
}

/// Rows read as printed without values whose cells are still blank, where the table holds a
/// number for each of its cells (a PDF's text read a block of cells at a time: the rows'
/// labels, then their numbers): no cell of it was printed empty, and those rows' numbers
/// stand where no reading found them. Their blank cells are taken out (left out, not
/// printed empty), with a warning each instead of the one that said they were blank.
fn not_printed_empty<'x>(
    table: Table,
    specs: &[RowSpec],
    tokens: &[Token<'_>],
    rows: impl Iterator<Item = &'x (usize, u32)>,
    ex: &mut Extracted,
) {
    let cells: usize = specs.iter().map(|s| s.cols.len()).sum();
    if tokens.iter().filter(|t| t.is_value()).count() < cells {
        return;
    }
    for &(i, line) in rows {
        let key = specs[i].key;
        let mut own = ex.cells.iter().filter(|c| c.row == key).peekable();
        if own.peek().is_none() || !own.all(|c| c.status == CellStatus::Blank) {
            continue;
        }
        unmark_printed_empty(ex, key);
        ex.diags.push(Diagnostic::warning(
            Code::MissingValues,
            Some(line),
            format!(
                "{}: row {key} ({}) has no values after its label, but the table holds a number for each of its cells, so none was printed empty: its cells were left out",
                table.as_str(),
                specs[i].label
            ),
        ));
    }
}

/// Rows whose labels stand before another's with no values of their own: their cells were
/// printed empty (a crawler keeps every character of a cell; a PDF's text, every character
/// on the line): blank, as an HTML table's empty cells are, with a warning each.
fn printed_without_values(table: Table, specs: &[RowSpec], empties: &[(usize, u32)], ex: &mut Extracted) {
    for &(i, line) in empties {
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

/// The applications table of a PDF's text in its reading order whose rows beside a group
/// label's cell were printed apart from their numbers, where the rows as read left some
/// out: read by the numbers' order alone where one reading of it adds up
/// ([`reading_order`]), its cells for `ex`'s, with a warning naming the rows whose first
/// numbers stood apart.
fn by_reading_order(
    template: Template,
    specs: &[RowSpec],
    tokens: &[Token<'_>],
    subtotal: Option<usize>,
    first_line: u32,
    filled: &mut [bool],
    ex: &mut Extracted,
) {
    let table = Table::Applications;
    let left_out = ex
        .diags
        .iter()
        .any(|d| matches!(d.code, Code::AmbiguousRow | Code::UnknownRow));
    if !filled.contains(&false) && !left_out {
        return;
    }
    let Some(Reading {
        cells,
        apart,
        lasts,
        unproven,
    }) = reading_order(template, specs, tokens, subtotal)
    else {
        return;
    };
    ex.cells = cells;
    ex.diags.retain(|d| {
        !matches!(
            d.code,
            Code::AmbiguousRow | Code::UnknownRow | Code::MissingValues | Code::ExtraValues | Code::Subtotal
        )
    });
    filled.fill(true);
    let keys: Vec<&str> = apart.iter().map(|&r| specs[r].key).collect();
    // (A reading not proven the only one is a row's placement the identities may not
    // decide: said so.)
    ex.diags.push(Diagnostic::warning(
        if unproven { Code::AmbiguousRow } else { Code::MissingValues },
        Some(first_line),
        format!(
            "{}: the rows' labels stand apart from their numbers (a PDF's text in its reading order){}; read by the numbers' order alone, {} in which every row and column adds up{}",
            table.as_str(),
            if keys.is_empty() {
                String::new()
            } else {
                let what = if lasts { "some numbers" } else { "the first numbers" };
                format!(", {what} of row(s) {} apart from their others", keys.join(", "))
            },
            if unproven {
                "a reading (the search for another gave up among rows that fit many alignments: not proven the only one)"
            } else {
                "the one reading"
            },
            if subtotal.is_some() {
                " (each row's 法人或其他组织小计 the organisations' sum, and not emitted)"
            } else {
                ""
            }
        ),
    ));
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

/// Whether a page's table has an empty column after its own (see `labelled`): the rows
/// longer than their columns all end with an empty cell, and some opens with a value. A
/// warning where they all open and end with empty cells (the spare column's side unknown)
/// and some holds a value.
fn spare_column_after(
    table: Table,
    specs: &[RowSpec],
    hits: &[RowRun<'_>],
    extra: usize,
    line: u32,
    ex: &mut Extracted,
) -> bool {
    let blank = |t: Option<&Token<'_>>| t.is_some_and(|t| t.kind == Kind::Blank);
    let mut longer = hits
        .iter()
        .filter(|(i, r)| r.values.len() > specs[*i].cols.len() + extra)
        .map(|(_, r)| &r.values)
        .peekable();
    if longer.peek().is_none() {
        return false;
    }
    let (mut ends_empty, mut opens_empty, mut valued) = (true, true, false);
    for v in longer {
        ends_empty &= blank(v.last());
        opens_empty &= blank(v.first());
        valued |= v.iter().any(|t| t.kind != Kind::Blank);
    }
    if ends_empty && opens_empty && valued {
        ex.diags.push(Diagnostic::warning(
            Code::AmbiguousRow,
            Some(line),
            format!(
                "{}: the rows with a cell more than their columns all open and end with an empty one: the spare column may be the first or the last; read as the first",
                table.as_str()
            ),
        ));
    }
    ends_empty && !opens_empty
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
    pub(super) fn labelled_text(table: Table, template: Template, text: &str, form: Form) -> Extracted {
        labelled(table, template, &lines(text), 1, form, &Stated::new(""))
    }

    /// The applications table of the 2019 template read from lines of text.
    fn applications_text(text: &str) -> Extracted {
        labelled_text(Table::Applications, Template::T2019, text, Form::Text)
    }

    /// An applications table's rows, in `specs`' order: the rows named, the others zeros.
    pub(super) fn application_rows(specs: &[RowSpec], named: &[(&str, [u32; 7])]) -> Vec<[u32; 7]> {
        let mut rows = vec![[0u32; 7]; specs.len()];
        for (k, v) in named {
            let at = specs.iter().position(|s| s.key == *k).expect("a row of the template");
            rows[at] = *v;
        }
        rows
    }

    pub(super) fn values(ex: &Extracted, row: &str) -> Vec<Option<f64>> {
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

    /// A page's table with a spare empty column after its own whose report left its zeros
    /// empty: a row that opens with empty cells (`规范性文件 | | | 373 | |`) loses its last
    /// one, not its first (373 is 对外公开总数量, not 本年新公开数量). Where every longer row
    /// opens and ends empty, the side is not known: said.
    #[test]
    fn a_spare_column_after_a_table_that_left_its_zeros_empty() {
        let text = "规章\t5\t5\t349\t\n规范性文件\t\t\t373\t\n第二十条\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, text, Form::Html);
        assert_eq!(values(&ex, "normative_documents"), [None, None, Some(373.0)]);
        assert_eq!(values(&ex, "rules"), [5.0, 5.0, 349.0].map(Some));
        assert!(!ex.diags.iter().any(|d| d.code == Code::AmbiguousRow));
        // (A spare column before is read as before.)
        let before = "规章\t\t5\t5\t349\n规范性文件\t\t\t\t373\n第二十条\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, before, Form::Html);
        assert_eq!(values(&ex, "normative_documents"), [None, None, Some(373.0)]);
        let both = "规章\t\t\t5\t\n规范性文件\t\t\t373\t\n第二十条\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2019, both, Form::Html);
        assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousRow));
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

    /// One cell a line, each behind a tab, so that a line of white space with a tab is an
    /// empty cell (a word processor's table put into text, every line ending with a tab):
    /// a PDF's page number among the review table's cells ends no run of them (before, the
    /// cells before it, an empty line's "cell" first, were read as the fifteen).
    #[test]
    fn a_page_number_among_the_review_cells_one_a_line_breaks_no_run() {
        let vals = [1, 0, 0, 0, 1, 2, 0, 1, 0, 3, 0, 0, 0, 0, 0];
        let mut text = String::from(" \t \n\t行政复议 \t \n\t行政诉讼 \t \n \t \n\t结果维持 \t \n\t总计 \t \n");
        for (i, v) in vals.iter().enumerate() {
            if i == 0 {
                text.push_str(" \t \n");
            }
            if i == 14 {
                text.push_str("- 25 - \t \n");
            }
            text.push_str(&format!("\t{v} \t \n"));
        }
        text.push_str(" \t \n \t \n");
        let ex = review(&lines(&text), 1, Form::Text);
        let got: Vec<Option<f64>> = ex.cells.iter().map(|c| c.value).collect();
        assert_eq!(got, vals.map(|v| Some(f64::from(v))), "{:?}", ex.diags);
    }

    /// A tab-separated review row broken over two lines, as a cell's line break leaves it:
    /// its first five cells empty, so the ten values read in order could stand anywhere
    /// (before, left out with `AMBIGUOUS_ROW`). The lines' cells together are the fifteen,
    /// an empty cell a broken line ends with left out, each proceeding's empty or adding up;
    /// broken before its first value, the line of tabs alone above holds the empty cells.
    #[test]
    fn a_review_row_broken_over_lines_is_read_by_place() {
        let head = "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n";
        let want: Vec<Option<f64>> = [None, None, None, None, None]
            .into_iter()
            .chain([1, 2, 0, 1, 4, 0, 0, 0, 0, 0].map(|v| Some(f64::from(v))))
            .collect();
        for row in [
            "\t\t\t\t\t1\n2\t0\t1\t4\t0\t0\t0\t0\t0\n",
            "\t\t\t\t\t1\t\n2\t0\t1\t4\t0\t0\t0\t0\t0\n",
            "\t\t\t\t\t1\t2\t0\n1\t4\n0\t0\t0\t0\t0\n",
            // Broken before its last cell, the line's fifteenth an empty one.
            "\t\t\t\t\t1\t2\t0\t1\t4\t0\t0\t0\t0\t\n0\n",
            // Broken before its first value: its empty cells a line of tabs alone.
            "\t\t\t\t\t\n1\t2\t0\t1\t4\t0\t0\t0\t0\t0\n",
            "\t\t\t\t\n1\t2\t0\t1\t4\t0\t0\t0\t0\t0\n",
        ] {
            let ex = review(&lines(&format!("{head}{row}")), 1, Form::Text);
            let got: Vec<Option<f64>> = ex.cells.iter().map(|c| c.value).collect();
            assert_eq!(got, want, "{row:?}: {:?}", ex.diags);
            assert!(ex.cells[..5].iter().all(|c| c.status == CellStatus::Blank));
        }
        // Where a proceeding's cells do not add up so read, nothing is read by place.
        let ex = review(
            &lines(&format!("{head}\t\t\t\t\t1\n2\t0\t1\t5\t0\t0\t0\t0\t0\n")),
            1,
            Form::Text,
        );
        assert!(ex.cells.iter().all(|c| c.status != CellStatus::Blank), "{:?}", ex.cells);
        assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousRow), "{:?}", ex.diags);
        // Nor where a line of tabs alone above the values holds too few empty cells.
        let ex = review(
            &lines(&format!("{head}\t\t\t\n1\t2\t0\t1\t4\t0\t0\t0\t0\t0\n")),
            1,
            Form::Text,
        );
        assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousRow), "{:?}", ex.diags);
        // A line of the fifteen with a 总计 printed empty and no line after it is read as it
        // stands.
        let ex = review(
            &lines(&format!("{head}1\t0\t0\t0\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n")),
            1,
            Form::Text,
        );
        assert_eq!(ex.cells[4].status, CellStatus::Blank);
        assert_eq!(ex.cells[0].value, Some(1.0));
    }

    /// A table pandas read and printed (`to_markdown`, `to_string`): its columns' numbers
    /// as a header row above the table's (`| 0 | 1 | … | 14 |`), read before as the review
    /// row (its 总计 do not add up); its empty cells `nan` or `NaN`, empty cells in their
    /// places.
    #[test]
    fn a_table_pandas_printed_reads_past_its_column_numbers_and_nan() {
        let numbers: Vec<String> = (0..15).map(|i| i.to_string()).collect();
        let text = format!(
            "| {} |\n|:--|\n| 行政复议 | 行政复议 | 行政复议 | 行政复议 | 行政复议 | 行政诉讼 |\n\
             | 2 | 5 | 0 | 1 | 8 | 5 | 5 | 0 | 3 | 13 | 3 | 0 | 0 | 0 | 3 |\n",
            numbers.join(" | ")
        );
        let ex = review(&lines(&text), 1, Form::Text);
        let got: Vec<Option<f64>> = ex.cells.iter().map(|c| c.value).collect();
        let want = [2, 5, 0, 1, 8, 5, 5, 0, 3, 13, 3, 0, 0, 0, 3].map(|v| Some(f64::from(v)));
        assert_eq!(got, want, "{:?}", ex.diags);
        // Where no row adds up, the first is read, as before.
        let ex = review(&lines(&text.replace("| 8 |", "| 9 |")), 1, Form::Text);
        assert_eq!(ex.cells[1].value, Some(1.0));
        let kinds = |line: &str| -> Vec<(bool, String)> {
            grid::tokens(&lines(line), false)
                .iter()
                .map(|t| (t.kind == Kind::Blank, t.raw.to_string()))
                .collect()
        };
        let want = |w: &[(bool, &str)]| -> Vec<(bool, String)> { w.iter().map(|&(b, r)| (b, r.to_string())).collect() };
        assert_eq!(
            kinds("一、本年新收政府信息公开申请数量   NaN   3   nan   3"),
            want(&[
                (false, "一、本年新收政府信息公开申请数量"),
                (true, ""),
                (false, "3"),
                (true, ""),
                (false, "3")
            ])
        );
        assert_eq!(
            kinds("| 规章 | nan | 1 |"),
            want(&[(false, "规章"), (true, ""), (false, "1")])
        );
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
        // The 总计's zeros left empty too: rows of empty cells say nothing of where rows end.
        let rows = [
            "| 一、本年新收政府信息公开申请数量 | | | 24 | 6 | 1 |  | 5 | 6 | 42 |",
            "| 二、上年结转政府信息公开申请数量 | | |  |  |  | 1 |  |  | 1 |",
            "| 三、本年度办理结果 | （一）予以公开 | |  | 6 |  | 1 | 5 |  | 12 |",
            "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 2 |  |  |  |  |  | 2 |",
            "| （三）不予公开 | 1.属于国家秘密 |  |  |  |  |  |  |  |",
            "| 2.其他法律行政法规禁止公开 |  |  |  |  |  |  |  |",
            "| 3.危及“三安全一稳定” | 2 |  |  |  |  |  | 2 |",
            "| 4.保护第三方合法权益 |  |  |  |  |  |  |  |",
            "| 5.属于三类内部事务信息 |  |  |  |  |  |  |  |",
        ];
        let ex = read(&rows);
        assert_eq!(
            values(&ex, "carried_over"),
            [None, None, None, Some(1.0), None, None, Some(1.0)],
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "granted"),
            [None, Some(6.0), None, Some(1.0), Some(5.0), None, Some(12.0)]
        );
        assert_eq!(statuses(&ex, "withheld.state_secret"), [CellStatus::Blank; 7]);
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
        // Two to spare, one at each end (a line opening and ending with a tab, as
        // `get_text("\t")` writes it), in a report that left its zeros empty: the one way
        // that adds up (1 upheld after review, its 总计 1), not both from the front.
        let text = format!("\t{}1\t\t\t\t1\t\n", "\t".repeat(10));
        for form in [Form::Text, Form::Html] {
            let ex = review(&lines(&text), 1, form);
            let got: Vec<Option<f64>> = ex.cells.iter().map(|c| c.value).collect();
            let mut want = vec![None; 15];
            (want[10], want[14]) = (Some(1.0), Some(1.0));
            assert_eq!(got, want, "{form:?}");
        }
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

    /// A text laid out with spaces whose rows' labels stand at the line's start, apart from
    /// their group's (`（三）不予公开      1.属于国家秘密`, inscriptis): the rows printed
    /// without numbers below a row whose label stands in the same column as such a row's
    /// are rows, not a narrow group cell's pieces to take out.
    #[test]
    fn whole_row_labels_are_no_group_labels_pieces() {
        let pad = |a: &str, b: &str| format!("{a}{}{b}", " ".repeat(24 - a.chars().count()));
        let text = [
            pad(
                "三、本年度办理结果",
                "（一）予以公开      5      0      0      0      0      0      5",
            ),
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）".to_string(),
            pad("（三）不予公开", "1.属于国家秘密"),
            "2.其他法律行政法规禁止公开".to_string(),
            pad(
                "",
                "3.危及“三安全一稳定”      1      0      0      0      0      0      1",
            ),
        ]
        .join("\n");
        let ex = labelled_text(Table::Applications, Template::T2021, &(text + "\n"), Form::Text);
        assert_eq!(values(&ex, "granted")[6], Some(5.0), "{:?}", ex.diags);
        for row in [
            "partially_granted",
            "withheld.state_secret",
            "withheld.prohibited_by_law",
        ] {
            assert_eq!(statuses(&ex, row), [CellStatus::Blank; 7], "{row} {:?}", ex.diags);
        }
        assert_eq!(values(&ex, "withheld.three_securities_one_stability")[0], Some(1.0));
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
        // The table's last row left empty, its 总计 too: no row follows it, and nothing
        // after it holds a value.
        let text = "（七）总计\t5\t0\t0\t0\t0\t0\t5\n四、结转下年度继续办理\t\t\t\t\t\t\t\n";
        let ex = applications_text(text);
        assert_eq!(
            statuses(&ex, "carried_forward"),
            [CellStatus::Blank; 7],
            "{:?}",
            ex.diags
        );
        // ... but not where numbers follow it (they may be its own).
        let ex = applications_text(&format!("{text}\t3\t0\t0\t0\t0\t0\t3\n"));
        assert_ne!(
            statuses(&ex, "carried_forward"),
            [CellStatus::Blank; 7],
            "{:?}",
            ex.diags
        );
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

    /// A row printed without numbers whose label runs into the next row's, that one's item
    /// number right after it, on a line of a PDF's text (its pages joined with nothing
    /// between them): blank, the next row's numbers its own; not where the words before the
    /// item number name no row (a group's label before its first row's).
    #[test]
    fn a_label_run_into_the_next_rows_label_is_a_row_printed_empty() {
        let text = "一、本年新收政府信息公开申请数量 220 30 9 7 9 4 279\n\
                    二、上年结转政府信息公开申请数量（一）予以公开 52 7 2 4 7 1 73\n\
                    （二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0\n";
        let ex = applications_text(text);
        assert_eq!(statuses(&ex, "carried_over"), [CellStatus::Blank; 7], "{:?}", ex.diags);
        let granted = [52.0, 7.0, 2.0, 4.0, 7.0, 1.0, 73.0].map(Some);
        assert_eq!(values(&ex, "granted"), granted, "{:?}", ex.diags);
        let grouped = "三、本年度办理结果（一）予以公开 52 7 2 4 7 1 73\n";
        let ex = applications_text(grouped);
        assert_eq!(values(&ex, "granted"), granted, "{:?}", ex.diags);
        assert!(ex.diags.iter().all(|d| d.code != Code::MissingValues), "{:?}", ex.diags);
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
                    cells: Vec::new(),
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
    fn rows_beside_a_group_label_printed_apart_are_read_by_the_numbers_order() {
        // A Word document's PDF in its reading order (`converted/018_word_pdftotext`): the
        // numbers in the template's order, but the rows beside the （三） and （四） group
        // labels printed apart, each label after the group's numbers with the row's first
        // number between its lines. Both templates' tables, and one with a 小计 column.
        for (template, subtotal) in [
            (Template::T2021, false),
            (Template::T2019, false),
            (Template::T2021, true),
        ] {
            rows_printed_apart(template, subtotal);
        }
    }

    fn rows_printed_apart(template: Template, subtotal: bool) {
        let specs = template::rows(Table::Applications, template);
        let key = |k: &str| specs.iter().position(|s| s.key == k).expect("a row of both templates");
        let rows = application_rows(
            specs,
            &[
                ("new_received", [13, 2, 0, 0, 0, 0, 15]),
                ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
                ("granted", [5, 1, 0, 0, 0, 0, 6]),
                ("withheld.internal_affairs", [3, 0, 0, 0, 0, 0, 3]),
                ("unable.not_held", [4, 1, 0, 0, 0, 0, 5]),
                ("unable.needs_creation", [2, 0, 0, 0, 0, 0, 2]),
                ("total", [14, 2, 0, 0, 0, 0, 16]),
                ("carried_forward", [1, 0, 0, 0, 0, 0, 1]),
            ],
        );
        let apart = [
            key("withheld.internal_affairs"),
            key("unable.not_held"),
            key("unable.needs_creation"),
        ];
        let text = |first_of_apart: &dyn Fn(usize) -> u32| {
            let mut text = String::from(
                "申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n",
            );
            if subtotal {
                text = text.replace("其他\n", "其他 小计\n");
            }
            // A row's numbers as printed: beside a 小计, the organisations' sum before the total.
            let printed = |r: usize| -> Vec<u32> {
                let v = rows[r];
                let mut p = v[..6].to_vec();
                if subtotal {
                    p.push(v[1..6].iter().sum());
                }
                p.push(v[6]);
                p
            };
            for (r, spec) in specs.iter().enumerate() {
                if apart.contains(&r) {
                    printed(r)[1..].iter().for_each(|v| text.push_str(&format!("{v}\n")));
                } else {
                    text.push_str(&format!("{}\n", spec.label));
                    printed(r).iter().for_each(|v| text.push_str(&format!("{v}\n")));
                }
                if spec.key == "unable.unclear_after_correction" {
                    for &a in &apart {
                        let label: Vec<char> = specs[a].label.chars().collect();
                        let (head, tail) = label.split_at(label.len() / 2);
                        let (head, tail): (String, String) = (head.iter().collect(), tail.iter().collect());
                        text.push_str(&format!("{head}\n{}\n{tail}\n", first_of_apart(a)));
                    }
                }
            }
            text
        };
        let ex = labelled_text(Table::Applications, template, &text(&|a| rows[a][0]), Form::Text);
        for (r, spec) in specs.iter().enumerate() {
            assert_eq!(
                values(&ex, spec.key),
                rows[r].map(|v| Some(f64::from(v))).to_vec(),
                "{template:?} {subtotal} {} {:?}",
                spec.key,
                ex.diags
            );
        }
        assert!(ex.diags.iter().any(|d| d.code == Code::MissingValues
            && d.message
                .contains("withheld.internal_affairs, unable.not_held, unable.needs_creation")));
        // A first number that makes its row not add up: no reading of the numbers' order
        // fits, and the table is not read so.
        let ex = labelled_text(Table::Applications, template, &text(&|a| rows[a][0] + 1), Form::Text);
        assert!(
            !ex.diags.iter().any(|d| d.message.contains("reading order")),
            "{:?}",
            ex.diags
        );
    }

    #[test]
    fn a_reading_that_reads_a_rows_numbers_after_another_rows_label_is_not_kept() {
        // LibreOffice's PDF of an ordinary agency's page read by pdftotext without `-layout`
        // (seed 23's 80 pages): the search of the numbers' order runs past its steps after
        // it found a reading that puts 本机关不掌握's `1 0 0 0 0 0 1`, after its label, in
        // 8.属于行政查询事项, and a row of zeros in 本机关不掌握: the identities cannot tell
        // the two apart, the labels can. Not kept: no cell read wrong.
        let text = [
            "申请人情况|（本列数据的勾稽关系为：第|一项加第二项之和，等于第三|项加第四项之和）|自然人|法人或其他组织|总计|社会|商业企 科研|法律服务|公益|其他|业 机构|机构|组织|一、本年新收政府信息公开申|16|",
            "请数量|2|4|0|4|6 32|",
            "二、上年结转政府信息公开申|请数量|0|0|0|0|0|0 0|",
            "三、本 （一）予以公开 13|年度办|理结果 （二）部分公开（区|分处理的，只计这一|2|",
            "情形，不计其他情|形）|2|0|0|1|0 16|0|0|0|0|0 2|0|0|0|0|1|0 1|0|0|0|0|0|0 0|",
            "3.危及“三安 0|全一稳定”|0|0|0|0|0 0|",
            "（三 1.属于国家|）不|秘密|予公|开 2.其他法律|行政法规禁止|公开|\u{c}4.保护第三|方合法权益|0|0|0|0|0|0 0|",
            "5.属于三类|内部事务信息|0|0|0|0|0|0 0|",
            "6.属于四类|过程性信息|0|0|0|0|0|0 0|",
            "7.属于行政|执法案卷|0|0|0|0|0|0 0|",
            "8.属于行政|查询事项|0|0|0|0|0|0 0|",
            "1.本机关不|掌握相关政府|信息|1|0|0|0|0|0 1|",
            "（四|2.没有现成|）无|信息需要另行|法提|制作|供|0|0|0|0|0|0 0|",
            "3.补正后申|请内容仍不明|确|0|0|0|0|0|0 0|",
            "1.信访举报|投诉类申请|0|0|0|0|0|0 0|",
            "2.重复申请|0|0|0|0|0|0 0|0|0|0|0|0|0 0|0|0|0|0|0|0 0|",
            "5.要求行政|机关确认或重|新出具已获取|信息|0|0|0|0|0|0 0|",
            "（六）其他处理|0|0|0|0|0|0 0|",
            "（七）总计|16|2|0|0|2|0 20|",
            "四、结转下年度继续办理|0|0|4|0|2|6 12|",
            "3.要求提供|（五 公开出版物|）不|予处 4.无正当理|理 由大量反复申|请|",
        ]
        .concat()
        .replace('|', "\n");
        let ex = labelled_text(Table::Applications, Template::T2019, &text, Form::Text);
        assert!(
            !ex.diags.iter().any(|d| d.message.contains("not proven the only one")),
            "{:?}",
            ex.diags
        );
        for (key, want) in [
            ("withheld.administrative_query", [0.0; 7]),
            ("unable.not_held", [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
        ] {
            for (got, want) in values(&ex, key).iter().zip(want) {
                assert!(got.is_none_or(|v| v == want), "{key}: {:?}", values(&ex, key));
            }
        }
    }

    #[test]
    fn rows_whose_first_numbers_stand_before_their_others_are_read_by_the_numbers_order() {
        // A LibreOffice document's PDF of a large agency's page read by pdftotext: the labels
        // of 上年结转 and the first outcome rows in a block, with those rows' first numbers
        // (the widest column's) between its lines, then the rows' other numbers.
        let template = Template::T2021;
        let specs = template::rows(Table::Applications, template);
        let rows = application_rows(
            specs,
            &[
                ("new_received", [10437, 5357, 276, 347, 2317, 596, 19330]),
                ("carried_over", [5, 0, 2, 0, 0, 0, 7]),
                ("granted", [864, 3400, 17, 196, 1448, 107, 6032]),
                ("partially_granted", [4119, 401, 9, 6, 29, 109, 4673]),
                ("withheld.state_secret", [90, 31, 30, 0, 18, 8, 177]),
                ("unable.not_held", [5369, 1525, 216, 145, 822, 371, 8448]),
                ("total", [10442, 5357, 272, 347, 2317, 595, 19330]),
                ("carried_forward", [0, 0, 6, 0, 0, 1, 7]),
            ],
        );
        let line =
            |r: usize, from: usize| rows[r][from..].iter().map(u32::to_string).collect::<Vec<_>>().join(" ") + "\n";
        let text = |first: &dyn Fn(usize) -> u32| {
            let mut text = String::from(
                "申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n",
            );
            text.push_str(&format!("一、本年新收政府信息公开申请数量\n{}", line(0, 0)));
            text.push_str("二、上年结转政府信息公\n开申请数量\n三、本 （一）予以公开\n年度办\n理结果 （二）部分公开\n");
            text.push_str(&format!(
                "{}\n{}\n（区分处理的，\n{}\n只计这一情形，\n不计其他情形）\n",
                first(1),
                first(2),
                first(3)
            ));
            for r in 1..4 {
                text.push_str(&line(r, 1));
            }
            for (r, spec) in specs.iter().enumerate().skip(4) {
                text.push_str(&format!("{}\n{}", spec.label, line(r, 0)));
            }
            text
        };
        let ex = labelled_text(Table::Applications, template, &text(&|r| rows[r][0]), Form::Text);
        for (r, spec) in specs.iter().enumerate() {
            assert_eq!(
                values(&ex, spec.key),
                rows[r].map(|v| Some(f64::from(v))).to_vec(),
                "{} {:?}",
                spec.key,
                ex.diags
            );
        }
        assert!(ex.diags.iter().any(|d| d.code == Code::MissingValues
            && d.message
                .contains("carried_over, granted, partially_granted apart from their others")));
        // Firsts in another order than their rows' (or one that makes its row not add up):
        // no reading of the numbers' order fits, and the table is not read so.
        let swapped = |r: usize| rows[[1, 3, 2][r - 1]][0];
        let wrong = |r: usize| rows[r][0] + 1;
        let firsts: [&dyn Fn(usize) -> u32; 2] = [&swapped, &wrong];
        for first in firsts {
            let ex = labelled_text(Table::Applications, template, &text(first), Form::Text);
            assert!(
                !ex.diags.iter().any(|d| d.message.contains("reading order")),
                "{:?}",
                ex.diags
            );
        }
    }

    #[test]
    fn a_rows_first_few_numbers_after_a_block_of_labels_are_read_by_the_numbers_order() {
        // The same PDFs' text of another page: 上年结转's last four numbers after its label,
        // its first three after the labels' block of the rows beside the group cells.
        let template = Template::T2019;
        let specs = template::rows(Table::Applications, template);
        let rows = application_rows(
            specs,
            &[
                ("new_received", [20956, 5740, 434, 315, 1608, 1130, 30183]),
                ("carried_over", [0, 0, 5, 0, 4, 2, 11]),
                ("granted", [5212, 2014, 208, 138, 6, 32, 7610]),
                ("partially_granted", [882, 321, 78, 39, 773, 285, 2378]),
                ("withheld.state_secret", [70, 53, 0, 1, 17, 17, 158]),
                ("withheld.prohibited_by_law", [32, 149, 14, 5, 34, 13, 247]),
                ("withheld.three_securities_one_stability", [20, 87, 3, 1, 73, 5, 189]),
                ("withheld.third_party_rights", [128, 81, 0, 0, 35, 17, 261]),
                ("withheld.internal_affairs", [368, 75, 7, 0, 5, 50, 505]),
                ("withheld.process_information", [233, 71, 1, 11, 10, 18, 344]),
                ("withheld.law_enforcement_file", [964, 39, 3, 2, 22, 29, 1059]),
                ("withheld.administrative_query", [82, 43, 10, 18, 3, 26, 182]),
                ("unable.not_held", [9330, 1634, 53, 9, 186, 176, 11388]),
                ("unable.needs_creation", [213, 29, 25, 25, 44, 76, 412]),
                ("unable.unclear_after_correction", [119, 18, 9, 6, 5, 4, 161]),
                ("not_processed.petition_complaint", [1305, 780, 2, 20, 113, 11, 2231]),
                ("not_processed.duplicate", [391, 287, 6, 7, 198, 226, 1115]),
                ("not_processed.publication_request", [148, 48, 5, 4, 4, 59, 268]),
                ("not_processed.excessive_repeated", [155, 1, 2, 8, 20, 2, 188]),
                ("not_processed.confirmation_request", [722, 3, 5, 7, 30, 57, 824]),
                ("other", [582, 7, 8, 10, 34, 29, 670]),
                ("total", [20956, 5740, 439, 311, 1612, 1132, 30190]),
                ("carried_forward", [0, 0, 0, 4, 0, 0, 4]),
            ],
        );
        let text = |head: [u32; 3]| {
            let mut text = String::from(
                "申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n",
            );
            let numbers = |v: &[u32]| v.iter().map(|v| format!("{v}\n")).collect::<String>();
            for (r, spec) in specs.iter().enumerate() {
                text.push_str(&format!("{}\n", spec.label));
                match spec.key {
                    "carried_over" => text.push_str(&numbers(&rows[r][3..])),
                    _ => text.push_str(&numbers(&rows[r])),
                }
                if spec.key == "withheld.third_party_rights" {
                    text.push_str(&format!(
                        "（区分处理的，\n（三 1.属于国\n）不 家秘密\n{}",
                        numbers(&head)
                    ));
                }
            }
            text
        };
        let ex = labelled_text(Table::Applications, template, &text([0, 0, 5]), Form::Text);
        for (r, spec) in specs.iter().enumerate() {
            assert_eq!(
                values(&ex, spec.key),
                rows[r].map(|v| Some(f64::from(v))).to_vec(),
                "{} {:?}",
                spec.key,
                ex.diags
            );
        }
        assert!(ex.diags.iter().any(|d| d.code == Code::MissingValues
            && d.message
                .contains("some numbers of row(s) carried_over apart from their others")));
        // First numbers with which the row does not add up: not read so.
        let ex = labelled_text(Table::Applications, template, &text([0, 1, 5]), Form::Text);
        assert!(
            !ex.diags.iter().any(|d| d.message.contains("reading order")),
            "{:?}",
            ex.diags
        );
    }

    #[test]
    fn a_first_table_rows_first_count_between_its_labels_lines_is_its_own() {
        // A LibreOffice document's PDF read by pdftotext (real/018's page): the label wrapped
        // in its narrow cell, the row's first count between its lines.
        let text = "第二十条第（一）项\n信息内容\n本年制发件数 本年废止件数 现行有效件数\n规章\n0\n0\n0\n行政规范性文\n58\n件\n45\n546\n";
        let ex = labelled_text(Table::ActiveDisclosure, Template::T2021, text, Form::Text);
        assert_eq!(
            values(&ex, "normative_documents"),
            [58.0, 45.0, 546.0].map(Some),
            "{:?}",
            ex.diags
        );
        // Not where the values are more than the row's (`\+7` read as a label, the next
        // row's after it), nor other than counts (an amount, a signed change: pdfminer's text
        // a column at a time puts them so, and no identity orders the table's columns).
        for (between, after) in [("58", "45\n546\n7"), ("58.5", "45\n546"), ("+58", "45\n546")] {
            let text = text.replace("58\n件\n45\n546", &format!("{between}\n件\n{after}"));
            let ex = labelled_text(Table::ActiveDisclosure, Template::T2021, &text, Form::Text);
            let first = values(&ex, "normative_documents").first().copied().flatten();
            assert_ne!(first, Some(between.parse::<f64>().unwrap()), "{text}");
        }
    }

    #[test]
    fn rows_whose_last_numbers_stand_after_a_block_of_labels_are_read_by_the_numbers_order() {
        // A LibreOffice document's PDF read by pdftotext (`converted/full_2024_libreoffice_
        // pdftotext`): 上年结转's total after the labels' block, 结转下年度's last two after a
        // label that follows its first five (its numbers still in order: read as a row).
        let template = Template::T2021;
        let specs = template::rows(Table::Applications, template);
        let rows = application_rows(
            specs,
            &[
                ("new_received", [13, 2, 1, 3, 0, 0, 19]),
                ("carried_over", [2, 0, 3, 4, 0, 0, 9]),
                ("granted", [5, 1, 3, 6, 0, 0, 15]),
                ("withheld.internal_affairs", [3, 0, 0, 0, 0, 0, 3]),
                ("unable.not_held", [4, 1, 0, 0, 0, 0, 5]),
                ("unable.needs_creation", [2, 0, 0, 0, 0, 0, 2]),
                ("total", [14, 2, 3, 6, 0, 0, 25]),
                ("carried_forward", [1, 0, 1, 1, 0, 0, 3]),
            ],
        );
        let text = |total_of_carried_over: u32, middle: bool| {
            let mut text = String::from(
                "申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n",
            );
            let numbers = |v: &[u32]| v.iter().map(|v| format!("{v}\n")).collect::<String>();
            for (r, spec) in specs.iter().enumerate() {
                text.push_str(&format!("{}\n", spec.label));
                match spec.key {
                    "carried_over" => text.push_str(&numbers(&rows[r][..6])),
                    // Or its 商业企业 with its total after the label: its numbers in order
                    // add up (`1 1 1 0 0` / `0 3`), but the table's columns do not.
                    "carried_forward" if middle => {
                        let v = rows[r];
                        text.push_str(&numbers(&[v[0], v[2], v[3], v[4], v[5]]));
                        text.push_str(&format!("（七）总计\n{}", numbers(&[v[1], v[6]])));
                    }
                    "carried_forward" => {
                        text.push_str(&numbers(&rows[r][..5]));
                        text.push_str(&format!("（七）总计\n{}", numbers(&rows[r][5..])));
                    }
                    _ => text.push_str(&numbers(&rows[r])),
                }
                if spec.key == "not_processed.confirmation_request" {
                    text.push_str(&format!(
                        "（二）部分公开\n（四）无法提供\n总计\n{total_of_carried_over}\n"
                    ));
                }
            }
            text
        };
        for (middle, apart) in [(false, "carried_over"), (true, "carried_over, carried_forward")] {
            let ex = labelled_text(Table::Applications, template, &text(9, middle), Form::Text);
            for (r, spec) in specs.iter().enumerate() {
                assert_eq!(
                    values(&ex, spec.key),
                    rows[r].map(|v| Some(f64::from(v))).to_vec(),
                    "{middle} {} {:?}",
                    spec.key,
                    ex.diags
                );
            }
            assert!(
                ex.diags.iter().any(|d| d.code == Code::MissingValues
                    && d.message
                        .contains(&format!("some numbers of row(s) {apart} apart from"))),
                "{:?}",
                ex.diags
            );
            // A total that makes its row not add up: no such reading fits.
            let ex = labelled_text(Table::Applications, template, &text(8, middle), Form::Text);
            assert!(
                !ex.diags.iter().any(|d| d.message.contains("reading order")),
                "{:?}",
                ex.diags
            );
        }
    }

    /// A report that leaves its zeros empty, nothing carried forward: the table's last label
    /// after its last value, 四、结转下年度继续办理, is the row printed without values, where
    /// 本年新收's 总计 and 上年结转's make the （七）总计's; else (its values printed elsewhere,
    /// as pdfminer's text a column at a time prints them) it is not.
    #[test]
    fn the_tables_last_label_after_its_last_value_is_its_last_row_left_empty() {
        let specs = template::rows(Table::Applications, Template::T2019);
        let text = |total: u32| -> String {
            let mut t = String::new();
            for spec in specs {
                let v = match spec.key {
                    "new_received" | "granted" => " 3 3",
                    "total" => &format!(" {total} {total}"),
                    "carried_forward" => "",
                    _ => " 0",
                };
                t += &format!("{}{v}\n", spec.label);
            }
            t
        };
        let ex = applications_text(&text(3));
        assert_eq!(
            statuses(&ex, "carried_forward"),
            [CellStatus::Blank; 7],
            "{:?}",
            ex.diags
        );
        assert!(ex
            .diags
            .iter()
            .any(|d| d.code == Code::MissingValues && d.message.contains("the table ends")));
        let ex = applications_text(&text(4));
        assert!(statuses(&ex, "carried_forward").is_empty(), "{:?}", ex.cells);
    }

    /// A row left empty whose label shares its line with the next row's and its values
    /// (PyMuPDF's sorted text): the first cell names the row expected next, the second a
    /// later row, each by itself; the first is a row printed without values, the values the
    /// second's. A cell that names no row (a group's label) or only the rest of a label
    /// leaves the label whole.
    #[test]
    fn a_row_left_empty_on_the_line_of_the_next_rows_label_is_blank() {
        let text = "一、本年新收政府信息公开申请数量    9    1    0    0    0    0    10\n\
                    二、上年结转政府信息公开申请数量    （一）予以公开    9    1    0    0    0    0    10\n\
                    （二）部分公开    0    0    0    0    0    0    0\n";
        let ex = applications_text(text);
        assert_eq!(statuses(&ex, "carried_over"), [CellStatus::Blank; 7], "{:?}", ex.diags);
        assert_eq!(
            values(&ex, "granted"),
            [9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0].map(Some),
            "{:?}",
            ex.diags
        );
        // A group's label before the row's: one row.
        let text = "一、本年新收政府信息公开申请数量    9    1    0    0    0    0    10\n\
                    二、上年结转政府信息公开申请数量    0    0    0    0    0    0    0\n\
                    三、本年度办理结果    （一）予以公开    9    1    0    0    0    0    10\n";
        let ex = applications_text(text);
        assert_eq!(values(&ex, "granted"), [9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0].map(Some));
        assert!(
            !ex.diags.iter().any(|d| d.code == Code::MissingValues),
            "{:?}",
            ex.diags
        );
        // A label's rest in a cell of its own: one row.
        let text = "（二）部分公开    （区分处理的，只计这一情形，不计其他情形）    2    0    0    0    0    0    2\n";
        let ex = applications_text(text);
        assert_eq!(
            values(&ex, "partially_granted"),
            [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0].map(Some)
        );
    }

    /// PyMuPDF's sorted text of a report that leaves its zeros empty: each row's values
    /// stand as far apart as the columns, a wide character counting two, but each line in a
    /// frame of its own (a line without its label's characters starts its values further
    /// right). The columns are read as distances from each row's 总计: off a row that fills
    /// every column; else, where some column holds no value, off the values' even spacing,
    /// said; not where half the spacing fits as well.
    #[test]
    fn values_stand_as_far_from_their_total_as_their_columns_on_lines_of_their_own() {
        let specs = template::rows(Table::Applications, Template::T2019);
        let text = |rows: &[[u32; 7]], pitch: usize, subtotal: bool| -> String {
            let mut text = String::from(
                "                申请人情况\n   自然人        总计    商业企  科研机  社会公  法律服  其他\n",
            );
            if subtotal {
                text = text.replace("其他\n", "其他  小计\n");
            }
            for (r, (spec, v)) in specs.iter().zip(rows).enumerate() {
                // The row's cells as printed: beside a 小计, the organisations' sum before
                // the 总计; zeros left empty but the 总计's.
                let mut cells = v[..6].to_vec();
                if subtotal {
                    cells.push(v[1..6].iter().sum());
                }
                cells.push(v[6]);
                let m = cells.len();
                // The 总计's center, in places: another for each line.
                let end = 120 + (r * 7) % 15;
                let mut line = format!("{:indent$}{}", "", spec.label, indent = 4 + r % 5);
                let mut width: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
                for (k, n) in cells.iter().enumerate() {
                    if *n == 0 && k + 1 < m {
                        continue;
                    }
                    let s = n.to_string();
                    let start = end - (m - 1 - k) * pitch - s.len() / 2;
                    line.push_str(&" ".repeat(start.saturating_sub(width).max(2)));
                    line.push_str(&s);
                    width = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
                }
                text.push_str(&line);
                text.push('\n');
            }
            text
        };
        let read_with = |rows: &[[u32; 7]], pitch: usize, subtotal: bool| {
            let ex = labelled_text(
                Table::Applications,
                Template::T2019,
                &text(rows, pitch, subtotal),
                Form::Text,
            );
            for (spec, v) in specs.iter().zip(rows) {
                let want: Vec<Option<f64>> = v
                    .iter()
                    .enumerate()
                    .map(|(k, &n)| (n > 0 || k == 6).then_some(f64::from(n)))
                    .collect();
                if values(&ex, spec.key) != want {
                    return Err(format!("{}: {:?} {:?}", spec.key, values(&ex, spec.key), ex.diags));
                }
            }
            Ok(ex)
        };
        let read = |rows: &[[u32; 7]], pitch: usize| read_with(rows, pitch, false);
        // The table's rows, `research` requests from 科研机构 in 本年新收, 予以公开 and 总计.
        let table = |research: u32| {
            application_rows(
                specs,
                &[
                    ("new_received", [10, 2, research, 1, 1, 1, 15 + research]),
                    ("granted", [6, 0, research, 0, 0, 1, 7 + research]),
                    ("partially_granted", [2, 2, 0, 0, 0, 0, 4]),
                    ("unable.not_held", [2, 0, 0, 1, 1, 0, 4]),
                    ("total", [10, 2, research, 1, 1, 1, 15 + research]),
                ],
            )
        };
        // A row that fills every column, 本年新收.
        let ex = read(&table(1), 11).unwrap();
        assert!(!ex.diags.iter().any(|d| d.code == Code::AmbiguousRow), "{:?}", ex.diags);
        // No row fills every column and 科研机构 holds no value: its place is the spacing's.
        let rows = table(0);
        let ex = read(&rows, 11).unwrap();
        assert!(ex
            .diags
            .iter()
            .any(|d| d.code == Code::AmbiguousRow && d.message.contains("even spacing")));
        // Values in 自然人 and 法律服务机构 alone, 66 and 22 places from the 总计: six steps
        // and two of 11, or three and one of 22. Not read by the spacing.
        let rows = application_rows(
            specs,
            &[
                ("new_received", [10, 0, 0, 0, 2, 0, 12]),
                ("granted", [10, 0, 0, 0, 2, 0, 12]),
                ("total", [10, 0, 0, 0, 2, 0, 12]),
            ],
        );
        let err = read(&rows, 11).expect_err("not read by the spacing");
        assert!(!err.contains("even spacing"), "{err}");
        // A tab-separated text with its tabs written as spaces: every value four spaces
        // after the last, a row's cells short by one not said where. Not read by distances.
        let mut text = String::from("    自然人    法人或其他组织    总计\n            商业企业    科研机构    社会公益组织    法律服务机构    其他\n");
        for (k, spec) in specs.iter().enumerate() {
            let zeros = if k < 2 {
                "0    0    0    0    0    0    0"
            } else {
                "    0    0    0    0    0    0"
            };
            text += &format!("{}    {zeros}\n", spec.label);
        }
        let ex = labelled_text(Table::Applications, Template::T2019, &text, Form::Text);
        assert!(
            !ex.diags.iter().any(|d| d.message.contains("distances")),
            "{:?}",
            ex.diags
        );
        // A 小计 column before the 总计: its place read too, the rows' 小计s checked and left
        // out.
        let ex = read_with(&table(0), 10, true).unwrap();
        assert!(ex.diags.iter().any(|d| d.code == Code::Subtotal));
    }

    #[test]
    fn zeros_left_empty_in_a_text_without_empty_cells_are_read_by_the_column_identities() {
        // A report that left its zeros empty, put into text that keeps no empty cells (a
        // PDF's text in its reading order): each row its non-zero numbers and its 总计.
        let specs = template::rows(Table::Applications, Template::T2021);
        let key = |k: &str| specs.iter().position(|s| s.key == k).expect("a row of the template");
        let rows = application_rows(
            specs,
            &[
                ("new_received", [5, 3, 1, 2, 4, 6, 21]),
                ("granted", [5, 3, 0, 0, 0, 0, 8]),
                ("unable.not_held", [0, 0, 1, 2, 0, 0, 3]),
                ("not_processed.duplicate", [0, 0, 0, 0, 4, 6, 10]),
                ("total", [5, 3, 1, 2, 4, 6, 21]),
            ],
        );
        let text = |rows: &[[u32; 7]], subtotal: bool| -> String {
            let mut text = String::from(
                "申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他",
            );
            text.push_str(if subtotal { " 小计\n" } else { "\n" });
            for (spec, v) in specs.iter().zip(rows) {
                let mut printed: Vec<u32> = v[..6].iter().copied().filter(|&x| x != 0).collect();
                if subtotal {
                    // (The 小计 printed, a zero too, before the 总计.)
                    let orgs: u32 = v[1..6].iter().sum();
                    printed.push(orgs);
                }
                printed.push(v[6]);
                let printed: Vec<String> = printed.iter().map(u32::to_string).collect();
                text.push_str(&format!("{} {}\n", spec.label, printed.join(" ")));
            }
            text
        };
        let cell = |ex: &Extracted, row: &str, col: &str| {
            ex.cells
                .iter()
                .find(|c| c.row == row && c.col == col)
                .map(|c| (c.status, c.value))
        };
        // Every cell as `rows` has it, the zeros empty.
        let reads_all = |ex: &Extracted, what: &str| {
            for (spec, v) in specs.iter().zip(&rows) {
                for (c, col) in template::APPLICANTS.iter().enumerate() {
                    let want = if v[c] == 0 && c < 6 {
                        (CellStatus::Blank, None)
                    } else {
                        (CellStatus::Reported, Some(f64::from(v[c])))
                    };
                    assert_eq!(
                        cell(ex, spec.key, col),
                        Some(want),
                        "{what} {} {col} {:?}",
                        spec.key,
                        ex.diags
                    );
                }
            }
        };
        for subtotal in [false, true] {
            // Every row's numbers fit one placement only: each cell read, the zeros empty.
            let ex = labelled_text(Table::Applications, Template::T2021, &text(&rows, subtotal), Form::Text);
            reads_all(&ex, if subtotal { "小计" } else { "text" });
            assert!(
                ex.diags.iter().any(|d| d.message.contains("left its zeros empty")),
                "{:?}",
                ex.diags
            );
            assert!(!ex
                .diags
                .iter()
                .any(|d| d.severity == crate::diag::Severity::Warning && d.code != Code::MissingValues));
            // 结转下年度继续办理 printed without values, its 总计's zero too, its label last: a
            // row printed empty (本年新收's 总计 is the （七）总计's), and the outcome rows still
            // decide.
            let zero = if subtotal { " 0 0\n" } else { " 0\n" };
            let lost = text(&rows, subtotal).replace(&format!("结转下年度继续办理{zero}"), "结转下年度继续办理\n");
            assert_ne!(lost, text(&rows, subtotal));
            let ex = labelled_text(Table::Applications, Template::T2021, &lost, Form::Text);
            assert_eq!(
                cell(&ex, "granted", "commercial_enterprise"),
                Some((CellStatus::Reported, Some(3.0)))
            );
            assert_eq!(
                cell(&ex, "unable.not_held", "social_welfare_org"),
                Some((CellStatus::Reported, Some(2.0)))
            );
            assert_eq!(cell(&ex, "carried_forward", "total"), Some((CellStatus::Blank, None)));
        }
        // A PDF's Markdown whose merged columns left a row's empty cells fewer than its
        // columns (`|（一）予以公开|5|3||8|`), but some row's as many (`|2.重复申请|||||4|6|10|`,
        // read by position).
        let mut md = String::from("|申请人情况|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n");
        for (spec, v) in specs.iter().zip(&rows) {
            let cells: Vec<String> = if spec.key == "not_processed.duplicate" {
                v.iter()
                    .enumerate()
                    .map(|(c, x)| if *x == 0 && c < 6 { String::new() } else { x.to_string() })
                    .collect()
            } else {
                let mut p: Vec<String> = v[..6].iter().filter(|&&x| x != 0).map(u32::to_string).collect();
                if p.len() < 6 {
                    p.insert(p.len().min(1), String::new());
                }
                p.push(v[6].to_string());
                p
            };
            md.push_str(&format!("|{}|{}|\n", spec.label, cells.join("|")));
        }
        let ex = labelled_text(Table::Applications, Template::T2021, &md, Form::Text);
        reads_all(&ex, "markdown");
        // ... and its rows of zeros left wholly empty, their 总计 too (`|1.属于国家秘密|||`;
        // the last, 结转下年度继续办理, is then no row found: nothing follows it).
        // (And 上年结转's as many empty cells as columns, its 总计's too: read by position.)
        let md = md.replace("||0|\n", "|||\n");
        let over = specs[key("carried_over")].label;
        let md = md.replace(&format!("|{over}|||\n"), &format!("|{over}|{}|\n", [""; 7].join("|")));
        let ex = labelled_text(Table::Applications, Template::T2021, &md, Form::Text);
        for (spec, v) in specs.iter().zip(&rows) {
            if v[6] == 0 && spec.key != "carried_forward" {
                assert_eq!(
                    statuses(&ex, spec.key),
                    [CellStatus::Blank; 7],
                    "{} {:?}",
                    spec.key,
                    ex.diags
                );
            }
        }
        assert_eq!(
            cell(&ex, "granted", "commercial_enterprise"),
            Some((CellStatus::Reported, Some(3.0)))
        );
        // Every request a natural person's: the six applicants' columns are alike to the
        // identities, so a row's number could stand in any; its 总计 and the rows that hold
        // their 总计 alone are read, the rest left out and said.
        let four = [4, 0, 0, 0, 0, 0, 4];
        let alike = application_rows(specs, &[("new_received", four), ("granted", four), ("total", four)]);
        let ex = labelled_text(Table::Applications, Template::T2021, &text(&alike, false), Form::Text);
        assert_eq!(cell(&ex, "granted", "total"), Some((CellStatus::Reported, Some(4.0))));
        assert_eq!(cell(&ex, "granted", "natural_person"), None);
        assert_eq!(cell(&ex, "carried_over", "other_org"), Some((CellStatus::Blank, None)));
        assert_eq!(
            cell(&ex, "carried_over", "total"),
            Some((CellStatus::Reported, Some(0.0)))
        );
        assert!(ex
            .diags
            .iter()
            .any(|d| d.code == Code::AmbiguousRow && d.message.contains("row granted")));
        // A zero printed among a row's applicants: the report printed its zeros, and its
        // rows are not read so.
        let mut printed = alike.clone();
        printed[key("granted")] = [4, 0, 0, 0, 0, 0, 4];
        let zero = text(&printed, false).replace("（一）予以公开 4 4", "（一）予以公开 4 0 4");
        let ex = labelled_text(Table::Applications, Template::T2021, &zero, Form::Text);
        assert!(!ex.diags.iter().any(|d| d.message.contains("left its zeros empty")));
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
        // A group's label's last piece between the value and the label's last line, its
        // other pieces on the label's first (LibreOffice's PDF read by pdftotext: `（六）其他处`
        // wrapped in its narrow cell); the next row's values after the row's.
        let text = format!(
            "{}（六）其他处 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公\n2\n理\n开申请\n{}{}3.其他\n",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n",
            a_line("1 0 0 0 0 3"),
            a_line("1 0 0 0 0 0 1"),
        );
        let ex = labelled_text(Table::Applications, Template::T2021, &text, Form::Text);
        assert_eq!(
            values(&ex, "other.unpaid_fee"),
            [2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 3.0].map(Some),
            "{:?}",
            ex.diags
        );
        // Not a piece of another group's label (`理` ends none the label's first line begins).
        let other = text.replace("（六）其他处 ", "");
        let ex = labelled_text(Table::Applications, Template::T2021, &other, Form::Text);
        assert_ne!(
            values(&ex, "other.unpaid_fee").first(),
            Some(&Some(2.0)),
            "{:?}",
            ex.cells
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

    /// The header's 总计, a cell spanning the header's rows, among the first row's numbers
    /// (LibreOffice's PDF of a large agency's page read by pdftotext): the row's, all seven;
    /// not where they are not the row's whole.
    #[test]
    fn a_header_word_among_the_first_rows_values_is_no_row() {
        let text = |first: &str, after: &str| {
            format!(
                "{}一、本年新收政府信息公开申请数量\n{first}\n总计\n{after}\n二、上年结转政府信息公开申请数量\n2\n0\n0\n0\n1\n0\n3\n",
                "申请人情况\n自然人\n法人或其他组织\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
            )
        };
        let ex = labelled_text(
            Table::Applications,
            Template::T2021,
            &text("1766 281", "72\n75\n353\n194 2741"),
            Form::Text,
        );
        assert_eq!(
            values(&ex, "new_received"),
            [1766.0, 281.0, 72.0, 75.0, 353.0, 194.0, 2741.0].map(Some),
            "{:?}",
            ex.diags
        );
        assert!(values(&ex, "total").iter().all(Option::is_none), "{:?}", ex.cells);
        // Eight values: not the row's whole; the 总计 is not taken for the row's.
        let ex = labelled_text(
            Table::Applications,
            Template::T2021,
            &text("1766 281", "72\n75\n353\n194 2741 5"),
            Form::Text,
        );
        assert_ne!(values(&ex, "new_received").get(2), Some(&Some(72.0)), "{:?}", ex.cells);
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
    /// a column no value stands in could be any of several, a header whose words stand over
    /// the values by a clear margin tells which, and says so; else the columns' even
    /// spacing, said too; else nothing is read so.
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
        // The same rows in the whole table, every other row's 总计 a 0.
        let specs = template::rows(Table::Applications, Template::T2019);
        let keys = [
            "new_received",
            "carried_over",
            "granted",
            "partially_granted",
            "withheld.state_secret",
            "unable.not_held",
            "total",
            "carried_forward",
        ];
        let whole = |soc: u32| -> Vec<(&'static str, usize, [u32; 7])> {
            let rows = table(soc);
            specs
                .iter()
                .enumerate()
                .map(|(i, spec)| {
                    let page = usize::from(i > 3);
                    match keys.iter().position(|k| *k == spec.key) {
                        Some(k) => (rows[k].0, page, rows[k].2),
                        None => (spec.label, page, [0; 7]),
                    }
                })
                .collect()
        };
        let even: [usize; 7] = std::array::from_fn(|c| 40 + 6 * c);
        let text_at = |rows: &[(&str, usize, [u32; 7])], header: &str, cols: [usize; 7]| -> String {
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
                    .map(|c| (cols[c] + 8 * page, nums[c].as_str()))
                    .collect();
                t += &line(label, &at);
            }
            t
        };
        let text = |rows: &[(&str, usize, [u32; 7])], header: &str| text_at(rows, header, even);
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
        // empty column the groups skip. With no header to tell, the columns' even spacing
        // does (where every row of the table is found), and a warning says so; columns
        // apart unevenly, nothing.
        // (The 总计 row read with its empty column, and a warning saying what told it.)
        let told = |ex: &Extracted, by: &str| {
            assert_eq!(
                values(ex, "total"),
                [Some(10.0), Some(3.0), Some(2.0), None, Some(2.0), Some(4.0), Some(21.0)],
                "{:?}",
                ex.diags
            );
            assert!(ex
                .diags
                .iter()
                .any(|d| d.code == Code::AmbiguousRow && d.message.contains(by)));
        };
        let ex = applications_text(&text(&table(0), far));
        assert!(!statuses(&ex, "total").contains(&CellStatus::Blank), "{:?}", ex.diags);
        told(&applications_text(&text(&whole(0), far)), "even spacing");
        let uneven = [40, 47, 52, 60, 65, 71, 78];
        let ex = applications_text(&text_at(&whole(0), far, uneven));
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
        told(&applications_text(&text(&table(0), &near)), "header's words");
        // A header whose words stand near the values but too far from them to tell: nothing,
        // where the columns are apart unevenly.
        let vague = near.replace("  社会", "社会  ").replace("  法律", "法律  ");
        let ex = applications_text(&text_at(&whole(0), &vague, uneven));
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

    /// A large agency's crawled runs (hundreds and thousands of applications): nine rows
    /// cut more than one way that adds up, too many combinations of them to try each, which
    /// a search row by row left with columns that did not add up. The search of the
    /// combinations the column sums allow finds the one in which every identity holds.
    #[test]
    fn runs_of_many_rows_each_cut_several_ways_are_cut_together_by_the_column_sums() {
        let runs = [
            "1149287144779621638",
            "0500005",
            "68268553121812",
            "122201025141",
            "6000107",
            "110006017",
            "76000215",
            "3017002150",
            "101000213",
            "213000327",
            "2221022047",
            "3300006",
            "52104519918207",
            "2410002036",
            "294005038",
            "95112112112",
            "2110312138",
            "1000102",
            "616010225",
            "0000358",
            "0201205",
            "163000019",
            "111000012",
            "1149292144179621637",
            "0006006",
        ];
        let text = &crawled_applications(runs, false);
        let ex = labelled_text(Table::Applications, Template::T2021, text, Form::Glued);
        for (row, want) in [
            ("granted", [682, 68, 5, 5, 31, 21, 812]),
            ("withheld.law_enforcement_file", [22, 21, 0, 2, 2, 0, 47]),
            ("not_processed.petition_complaint", [95, 1, 1, 2, 11, 2, 112]),
            ("not_processed.duplicate", [21, 10, 3, 1, 2, 1, 38]),
            ("other.other", [1, 11, 0, 0, 0, 0, 12]),
            ("total", [1149, 292, 14, 41, 79, 62, 1637]),
        ] {
            assert_eq!(
                values(&ex, row),
                want.map(|v| Some(f64::from(v))),
                "{row}: {:?}",
                ex.diags
            );
        }
        assert!(
            !ex.diags
                .iter()
                .any(|d| matches!(d.code, Code::AmbiguousSplit | Code::IdentityFailed)),
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

    /// A row whose cells stood apart by tabs, an empty one among them, as many as its
    /// columns (`行政规范性文件\t\t2\t63`, a report that left its zeros empty), read as a
    /// crawler's text (the reading tried where a text's tables were not all read) is no run
    /// to cut: not 2|6|3, which no identity checks; the row is flagged as read as text. With a
    /// tab after each line's last cell too (BeautifulSoup's `get_text("\t")`).
    #[test]
    fn numbers_apart_by_tabs_are_no_runs_to_cut() {
        for text in [
            "规章\t34\t6\t96\n行政规范性文件\t\t2\t63\n第二十条",
            "\t规章\t34\t6\t96\t\n\t行政规范性文件\t\t2\t63\t\n第二十条",
        ] {
            let ex = labelled_text(Table::ActiveDisclosure, Template::T2021, text, Form::Glued);
            assert_eq!(values(&ex, "rules"), [34.0, 6.0, 96.0].map(Some), "{text:?}");
            assert_ne!(
                values(&ex, "normative_documents"),
                [2.0, 6.0, 3.0].map(Some),
                "{text:?}"
            );
            assert!(ex.diags.iter().any(|d| d.code == Code::AmbiguousRow), "{text:?}");
        }
        // (A crawler's run with a stray tab after it is cut as before: `规范性文件\t1411\t`.)
        let ex = labelled_text(
            Table::ActiveDisclosure,
            Template::T2021,
            "规章000规范性文件\t1411\t第二十条",
            Form::Glued,
        );
        let cut: String = values(&ex, "normative_documents")
            .iter()
            .flatten()
            .map(|v| v.to_string())
            .collect();
        assert_eq!(cut, "1411");
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
