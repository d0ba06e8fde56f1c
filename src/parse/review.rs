//! The review and litigation table: fifteen cells, three proceedings of five results, read
//! by position where a line holds exactly them, otherwise in order and placed with the
//! identities.

use super::*;

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
    // The first row whose proceedings' 总计 add up, else the first: a row of the columns'
    // numbers above the table's (`| 0 | 1 | 2 | … | 14 |`, pandas' header of a table it
    // read) is none.
    let adds_up = |ts: &[&Token<'_>]| {
        ts.chunks(5).all(|group| {
            let v: Option<Vec<f64>> = group.iter().map(|t| grid::number(t).map(|n| n.value)).collect();
            v.is_none_or(|v| group_adds_up(&v))
        })
    };
    let mut first = None;
    let positional = by_line
        .iter()
        .filter_map(|(_, ts)| {
            let grid = ts.len() >= width
                && ts[0].line_cells as usize == ts.len()
                && ts.iter().all(|t| t.kind != Kind::Text && t.kind != Kind::Run)
                && ts.iter().any(|t| t.is_value());
            grid.then(|| review_cells(ts, width)).flatten()
        })
        .find(|ts| {
            first.get_or_insert_with(|| ts.clone());
            adds_up(ts)
        })
        .or(first);
    // A proceeding's cells partly empty on a line that holds all fifteen, the next line's
    // values after it (`0\t…\t0\t` / `0`: the row broken before its last cell), are the
    // row broken there where that line and the next together read so.
    let partial = |ts: &[&Token<'_>]| {
        ts.chunks(template::RESULTS.len())
            .any(|g| g.iter().any(|t| t.kind == Kind::Blank) && g.iter().any(|t| t.is_value()))
    };
    let positional: Option<Vec<Token<'_>>> = match positional {
        Some(ts) if partial(&ts) => continued_review(&by_line, lines, width)
            .filter(|c| c[0].line == ts[0].line && c[0].cell == ts[0].cell)
            .or_else(|| Some(own(&ts))),
        Some(ts) => Some(own(&ts)),
        None => stacked_review(&tokens, lines, width)
            .map(|ts| own(&ts))
            .or_else(|| continued_review(&by_line, lines, width)),
    };
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
                    v.map_or(0, |v| if group_adds_up(&v) { 1 } else { -1 })
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
/// has them, or, when both ends have, in the one way, from either end or from both, after
/// which each proceeding's 总计 is the sum of its four results (empty cells as 0).
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
    // Each way of taking the spare cells from the two ends (a line that opens and ends with
    // a tab, `get_text("\t")`'s, has one at each).
    let ways: Vec<&[&Token<'_>]> = (0..=extra)
        .filter(|&k| k <= lead && extra - k <= trail)
        .map(|k| &ts[k..k + width])
        .collect();
    let pick = match ways[..] {
        [] => return None,
        [one] => one,
        _ => {
            let mut adding = ways.iter().filter(|w| sums(w));
            let first = adding.next()?;
            // (Readings that differ only in which empty cells were dropped are one.)
            let same = |a: &[&Token<'_>], b: &[&Token<'_>]| a.iter().zip(b).all(|(x, y)| x.kind == y.kind);
            if !adding.all(|w| same(w, first)) {
                return None;
            }
            first
        }
    };
    Some(pick.to_vec())
}

/// The review table's `width` cells one a line, an empty one printed as such (`5 |`, `|`,
/// `2 |`: a page's cells put into text one a line): the one run of tokens, each its line's
/// only cell, values and empty cells on lines one after another, exactly `width` long with
/// a value among them. A PDF's page number between two of them (`- 25 -`) breaks no run:
/// the cells go on after it.
fn stacked_review<'t, 'a>(tokens: &'t [Token<'a>], lines: &[Line<'_>], width: usize) -> Option<Vec<&'t Token<'a>>> {
    // Whether there are lines between `a` and `b`, all page numbers.
    let page_between = |a: u32, b: u32| {
        let from = lines.partition_point(|l| l.no <= a);
        let mut between = lines[from..].iter().take_while(|l| l.no < b).peekable();
        between.peek().is_some() && between.all(|l| grid::is_page_break(l.text))
    };
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
        let ends = !cell
            || run
                .last()
                .is_some_and(|p| p.line + 1 != t.line && !page_between(p.line, t.line));
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

/// The review table's row broken over lines (a page put into text with a tab between its
/// cells, a cell's line break breaking the row: `\t\t\t\t\t1` / `2\t0\t1\t4\t0\t0…`):
/// up to three lines one after another, each of values and empty cells only (no bars) and
/// no more than `width`, the first holding a tab and a value — or a line of tabs alone
/// right above one that opens with a value (the row broken before that value) — that
/// together hold exactly `width` cells, an empty cell a line ends with left out where the
/// cell broken there began on the next line; each proceeding's five cells all empty or all
/// numbers that add up, and no other such reading.
fn continued_review<'a>(
    by_line: &[(u32, Vec<&Token<'a>>)],
    lines: &[Line<'_>],
    width: usize,
) -> Option<Vec<Token<'a>>> {
    let text = |no: u32| lines.binary_search_by_key(&no, |l| l.no).map_or("", |i| lines[i].text);
    // Cells apart by tabs, not bars (a line of bars alone is a row's padding, not its
    // cells).
    let cells_only = |no: u32, ts: &[&Token<'_>]| {
        ts.len() <= width
            && ts[0].line_cells as usize == ts.len()
            && ts.iter().all(|t| t.is_value() || t.kind == Kind::Blank)
            && !text(no).contains(['|', '│', '┃'])
    };
    let fits = |cells: &[Token<'_>]| {
        cells.len() == width
            && cells
                .chunks(template::RESULTS.len())
                .any(|g| g.iter().all(|t| t.is_value()))
            && cells.chunks(template::RESULTS.len()).all(|g| {
                let n: Option<Vec<f64>> = g.iter().map(|t| grid::number(t).map(|n| n.value)).collect();
                g.iter().all(|t| t.kind == Kind::Blank) || n.is_some_and(|n| group_adds_up(&n))
            })
    };
    let same = |a: &[Token<'_>], b: &[Token<'_>]| {
        a.iter()
            .zip(b)
            .all(|(x, y)| x.line == y.line && x.cell == y.cell && x.kind == y.kind)
    };
    let mut found: Option<Vec<Token<'a>>> = None;
    for (i, (first, ts)) in by_line.iter().enumerate() {
        if !cells_only(*first, ts) || !text(*first).contains('\t') || !ts.iter().any(|t| t.is_value()) {
            continue;
        }
        // The line's cells, or a line of tabs alone right above them first: its empty cells.
        let above = first.checked_sub(1).filter(|&no| {
            let t = text(no);
            ts[0].is_value() && t.contains('\t') && grid::trim(t).is_empty()
        });
        let tabs_above = above.map(|no| {
            let n = text(no).matches('\t').count() + 1;
            (0..n)
                .map(|c| Token {
                    kind: Kind::Blank,
                    raw: "",
                    line: no,
                    cell: c as u16,
                    line_cells: n as u16,
                })
                .collect::<Vec<_>>()
        });
        let starts = tabs_above
            .map(|blanks| (vec![blanks, own(ts)], 1))
            .into_iter()
            .chain([(vec![own(ts)], 0)]);
        for (mut rows, tabs_line) in starts {
            let mut last = *first;
            for (line, next) in by_line[i + 1..].iter().take(2 - tabs_line) {
                if *line != last + 1 || !cells_only(*line, next) {
                    break;
                }
                last = *line;
                rows.push(own(next));
            }
            // Each run of the lines from the first, with every line's cells, and with the
            // empty cell each broken line ends with left out.
            for k in 2..=rows.len() {
                let all: Vec<Token<'a>> = rows[..k].concat();
                let mut broken: Vec<Token<'a>> = Vec::new();
                for (j, row) in rows[..k].iter().enumerate() {
                    broken.extend(row.iter().cloned());
                    if j + 1 < k && broken.last().is_some_and(|t| t.kind == Kind::Blank) {
                        broken.pop();
                    }
                }
                for cells in [all, broken] {
                    if fits(&cells) {
                        match &found {
                            Some(f) if !same(f, &cells) => return None,
                            _ => found = Some(cells),
                        }
                    }
                }
            }
        }
    }
    found
}

/// Owned copies of a line's tokens.
fn own<'a>(ts: &[&Token<'a>]) -> Vec<Token<'a>> {
    ts.iter().map(|&t| t.clone()).collect()
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
                score += if group_adds_up(&v) { 1 } else { -1 };
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

/// Whether a proceeding's five numbers add up: its 总计, the fifth, the sum of the others.
fn group_adds_up(v: &[f64]) -> bool {
    validate::close(v[4], v[..4].iter().sum())
}
