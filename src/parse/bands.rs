//! Rows whose numbers a PDF's reading order put away from their labels: a band of rows'
//! numbers after the next rows' labels, numbers a narrow cell broke over two lines, and the
//! checks of whether a table's values follow its labels or end its lines.

use super::*;

/// A row that took the values of the rows after it (a PDF's text that reads a band of rows'
/// numbers before the next rows' labels: `8.属于行政查询事项` / sixteen numbers / `1.本机关不
/// 掌握…` / `2.没有现成信息…` / its numbers): where its values are a row of numbers for it
/// and each of the next rows, each adding up, and those rows were read as printed without
/// values or not found, each of them takes its own, in the template's order. A row whose
/// label was not found at all gets them with a warning.
pub(super) fn values_of_rows_after<'a>(
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
pub(super) fn unmark_printed_empty(ex: &mut Extracted, key: &str) {
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
pub(super) fn items_of_rows_after<'a>(
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
pub(super) fn join_wrapped<'a>(values: &mut Vec<Token<'a>>, subtotal: Option<usize>) -> Vec<(u32, &'a str, &'a str)> {
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
pub(super) fn rows_add_up(values: &[Token<'_>], rows: usize, subtotal: Option<usize>) -> bool {
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
pub(super) fn numbers_add_up(v: &[f64], subtotal: Option<usize>) -> bool {
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
pub(super) fn summand(t: &Token<'_>) -> Option<f64> {
    match t.kind {
        Kind::Value(Value::Number(n)) => Some(n.value),
        Kind::Blank => Some(0.0),
        _ => None,
    }
}

/// Whether a row's last cell is a number, the sum of the others (empty cells as 0).
pub(super) fn adds_up(v: &[Token<'_>]) -> bool {
    match v.split_last() {
        Some((t, rest)) if t.kind != Kind::Blank => {
            let sum: Option<f64> = rest.iter().map(summand).sum();
            summand(t).zip(sum).is_some_and(|(t, s)| validate::close(t, s))
        }
        _ => false,
    }
}

/// Whether a row's last cell is not 0 and the sum of the others (empty cells as 0).
pub(super) fn sums_to_total(v: &[Token<'_>]) -> bool {
    adds_up(v) && v.last().and_then(summand).is_some_and(|t| t != 0.0)
}

/// Whether a text table's values start in the cell after the label: two of its rows have
/// a value there, and none has empty cells there before as many values as its columns (the
/// empty cells of a merged label, `一、本年新收…\t\t3\t0…`). Then an empty cell after a
/// label may be the row's own.
pub(super) fn values_follow_labels(hits: &[(usize, Run<'_>)], specs: &[RowSpec], form: Form, extra: usize) -> bool {
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
pub(super) fn lines_end_at_last_column(hits: &[(usize, Run<'_>)], specs: &[RowSpec], form: Form, extra: usize) -> bool {
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

/// Most steps [`reading_order`]'s search takes: the rows of zeros of a quiet year fit many
/// alignments that read alike; a search past this keeps the reading it found, flagged as
/// unproven, or else is given up (the table stays as read).
const ORDER_STEPS: usize = 200_000;
/// Most readings with other numbers than the first [`reading_order`] checks against the
/// column identities (each check builds the table's cells).
const ORDER_CHECKS: usize = 64;
/// Most rows whose first value waits for its label at once.
const ORDER_WAITING: usize = 8;

/// The applications table of a PDF's text in its reading order (`pdftotext` without
/// `-layout`, a Word document's PDF) where the rows beside a group label's cell (（三）不予公开,
/// （四）无法提供, （五）不予处理, （六）其他处理) were printed apart from their numbers: the
/// numbers stand in the template's order, a row after the other, but the labels of such
/// rows come in a block after them, and a row's first number with its label when the number
/// stood on the label's first line (`0 0 0 0 0 3` among the rows' numbers, `5.属于三类内部事`
/// / `3` / `务信息` after them). Read as the one reading of that kind in which every row adds
/// up and the table's column identities hold: each row takes the next seven numbers, or the
/// next six and, as its first, a number standing alone between label lines later, in the
/// order of the rows that wait for one; where none fits, a first number may also stand
/// before its row's others, in a run of numbers shorter than a row's (a LibreOffice
/// document's PDF of a large agency's page: `5` / `864` / `（区分处理的，` / `4119` among the
/// labels' block, the three rows' other numbers after it), taken by the rows that lack
/// theirs in their order (so too in each pass after: each first without, then with it; a
/// search with it that runs past its steps gives up that pass alone). Where no such
/// reading fits, a row may also take the next numbers but its last (its total), or but its
/// last few where a label follows them,
/// those standing later after a label or after another waiting row's, in the order of the
/// rows that wait (a LibreOffice document's PDF: `0 0 3 4 0 0` among the rows' numbers, the
/// `7` after the labels' block), or its first few (`0 4 2 11` after 上年结转's label, `0 0 5`
/// after the block). Where none fits either, any one of a row's numbers, or any
/// two where a label follows its others, may stand later, in a run of numbers shorter than a
/// row's that waiting rows' numbers make up (`1 3 0 0 0` / `3.其他` / … / `0 4`: 结转下年度's
/// 商业企业 and 总计; its numbers in order, `1 3 0 0 0 0 4`, add up, its columns do not).
/// Each of those passes that finds nothing is tried again, `loose`: a waiting row's first
/// number may also stand in a run with others, and before the first numbers of rows that
/// wait before it, and a row's first two or three may stand before its others together (a
/// large agency's page: `0` `0` after 上年结转's label, `11018 243` on 予以公开's line).
/// Beside a 法人或其他组织小计 column at `subtotal` each
/// row has eight numbers, the 小计 the organisations' and 自然人 plus it the total; it is
/// checked and dropped. None when the table holds other than a row's numbers for each row,
/// or when no reading or more than one (by the numbers read) fits; else the reading, which
/// is unproven where the search ran past its steps after it found it (and then none where
/// it puts a row's numbers right after another row's label: [`after_another_label`]).
pub(super) fn reading_order(
    template: Template,
    specs: &[RowSpec],
    tokens: &[Token<'_>],
    subtotal: Option<usize>,
) -> Option<Reading> {
    if specs.iter().any(|s| s.cols.len() != 7) {
        return None;
    }
    let m = 7 + usize::from(subtotal.is_some());
    let mut at = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Kind::Value(Value::Number(_)) => at.push(i),
            Kind::Text => {}
            _ => return None,
        }
    }
    if at.len() != specs.len() * m {
        return None;
    }
    let vals: Vec<f64> = at.iter().filter_map(|&i| summand(&tokens[i])).collect();
    // A number after a label (or at the table's start), and one before a label (or at its
    // end); one that is both stands alone between label lines.
    let text = |t: Option<&Token<'_>>| t.is_none_or(|t| t.kind == Kind::Text);
    let opens: Vec<bool> = at
        .iter()
        .map(|&i| text(i.checked_sub(1).and_then(|p| tokens.get(p))))
        .collect();
    let closes: Vec<bool> = at.iter().map(|&i| text(tokens.get(i + 1))).collect();
    let alone: Vec<bool> = opens.iter().zip(&closes).map(|(o, c)| *o && *c).collect();
    // The numbers in runs of fewer than a row's between labels, and how many of them stand
    // from each number on: where a row's numbers that stand apart may be.
    let mut short = vec![false; at.len()];
    let mut start = 0;
    for i in 0..at.len() {
        if closes[i] {
            short[start..=i].fill(i + 1 - start < m);
            start = i + 1;
        }
    }
    let mut stray = vec![0; at.len() + 1];
    for i in (0..at.len()).rev() {
        stray[i] = stray[i + 1] + usize::from(short[i]);
    }
    // A row's numbers and its template columns: the 小计's dropped.
    let columns: Vec<(usize, usize)> = (0..m)
        .filter(|&c| Some(c) != subtotal)
        .enumerate()
        .map(|(col, c)| (c, col))
        .collect();
    let cells = |assign: &[usize]| -> Vec<Cell> {
        let mut scratch = Vec::new();
        let columns = &columns;
        specs
            .iter()
            .enumerate()
            .flat_map(|(r, spec)| columns.iter().map(move |&(c, col)| (r, spec, c, col)))
            .map(|(r, spec, c, col)| {
                value_cell(
                    Table::Applications,
                    spec,
                    col,
                    &tokens[at[assign[r * m + c]]],
                    None,
                    &mut scratch,
                )
            })
            .collect()
    };
    // The table's column identities (its rows' own were checked as they were read).
    let holds = |assign: &[usize]| validate::check(&cells(assign), template, &mut Vec::new()) == Some(true);
    // Rows whose first numbers stand apart first; then, where no reading of that kind fits,
    // rows whose last numbers do too; then any one or two of a row's (each a search of many
    // more readings).
    // The columns a row may leave for later, in each pass but the first (whose first number
    // waits as `Wait::First`): its last few; then its first few; then any one, any two, or
    // its last few.
    let last = |len: usize| ((1u16 << len) - 1) << (m - len);
    let first = |len: usize| (1u16 << len) - 1;
    let lasts: Vec<u16> = (1..m - 1).map(last).collect();
    let firsts: Vec<u16> = (2..m - 1).map(first).collect();
    let pairs = (0..m).flat_map(|a| (a + 1..m).map(move |b| (1u16 << a) | (1u16 << b)));
    let any: Vec<u16> = (1..m)
        .map(|c| 1u16 << c)
        .chain(pairs)
        .chain((3..m - 1).map(last))
        .collect();
    // (A pass that lets first numbers stand before their rows' others, or a row's first
    // few stand later, is one the passes before it found nothing in: one that runs past its
    // steps gives up itself alone, not the table. So is each pass again, `loose`, where it
    // found nothing: first numbers standing later in another order than their rows', or
    // among others in a short run, and a row's first two or three standing before its
    // others together.)
    for (apart, masks, bank, widened, loose) in [
        (Apart::First, &[][..], false, false),
        (Apart::First, &[][..], true, true),
        (Apart::Last, &lasts[..], false, false),
        (Apart::Last, &lasts[..], true, true),
        (Apart::Last, &firsts[..], false, true),
        (Apart::Any, &any[..], false, false),
        (Apart::Any, &any[..], true, true),
    ]
    .into_iter()
    .flat_map(|(apart, masks, bank, widened)| [false, true].map(|loose| (apart, masks, bank, widened || loose, loose)))
    {
        let mut search = Order {
            holds: &holds,
            vals: &vals,
            alone: &alone,
            opens: &opens,
            closes: &closes,
            short: &short,
            stray: &stray,
            apart,
            masks,
            m,
            subtotal,
            rows: specs.len(),
            steps: 0,
            checks: 0,
            assign: vec![usize::MAX; specs.len() * m],
            found: None,
            twice: false,
            checked: std::collections::HashSet::new(),
            early: Vec::new(),
            taken: 0,
            bank,
            loose,
        };
        search.go(0, 0, &mut Vec::new(), false);
        if search.twice {
            return None;
        }
        // A reading found before the search ran past its steps proving no other fits (rows
        // of zeros fit many alignments that read alike): the one found, unproven (not where
        // the readings checked ran past theirs: many rows' numbers then add up otherwise).
        let gave_up = search.steps > ORDER_STEPS;
        if gave_up && search.checks > ORDER_CHECKS {
            if !widened {
                return None;
            }
            continue;
        }
        // (Not one that reads a row's numbers right after another row's label: the
        // identities cannot tell two such rows apart, and the search found that one first.)
        let found = search
            .found
            .filter(|(assign, _)| !(gave_up && after_another_label(specs, tokens, &at, &vals, assign, m)));
        if let Some((assign, rows)) = found {
            return Some(Reading {
                cells: cells(&assign),
                apart: rows,
                lasts: apart != Apart::First,
                unproven: gave_up,
            });
        }
        if gave_up && !widened {
            return None;
        }
    }
    None
}

/// Whether reading `assign` (each cell's index in `at`, the numbers' tokens) puts a row's
/// numbers, standing together, right after text that names another row and not it
/// (`1.本机关不` / `掌握相关政府` / `信息` / `1 0 0 0 0 0 1` read as 8.属于行政查询事项's), each
/// row it names read with other numbers (`vals`).
fn after_another_label(
    specs: &[RowSpec],
    tokens: &[Token<'_>],
    at: &[usize],
    vals: &[f64],
    assign: &[usize],
    m: usize,
) -> bool {
    let mut label = String::new();
    (0..specs.len()).any(|r| {
        let row = &assign[r * m..(r + 1) * m];
        if row.windows(2).any(|w| w[0] + 1 != w[1]) {
            return false;
        }
        let first = at[row[0]];
        let start = tokens[..first]
            .iter()
            .rposition(|t| t.kind != Kind::Text)
            .map_or(0, |i| i + 1);
        label.clear();
        for t in &tokens[start..first] {
            labels::push_normalized(&mut label, t.raw);
        }
        // (Rows with the same numbers, rows of zeros, read alike at either's place.)
        let same = |j: usize| (0..m).all(|c| vals[assign[j * m + c]] == vals[row[c]]);
        let mut named =
            (0..specs.len()).filter(|&j| !labels::is_generic(&specs[j]) && labels::matches(&specs[j], &label));
        !label.is_empty()
            && !labels::matches(&specs[r], &label)
            && named.next().is_some_and(|j| !same(j))
            && named.all(|j| !same(j))
    })
}

/// A reading [`reading_order`] found.
pub(super) struct Reading {
    pub cells: Vec<Cell>,
    /// The rows whose numbers stood apart.
    pub apart: Vec<usize>,
    /// Whether some of those were other than first numbers.
    pub lasts: bool,
    /// Whether the search ran past its steps before it proved no other reading fits.
    pub unproven: bool,
}

/// The search of [`reading_order`]: `assign` gives each cell (row by row) the index of its
/// number in `vals`.
struct Order<'v> {
    /// Whether a whole reading's columns add up.
    holds: &'v dyn Fn(&[usize]) -> bool,
    vals: &'v [f64],
    alone: &'v [bool],
    /// The numbers after a label, and before one.
    opens: &'v [bool],
    closes: &'v [bool],
    /// The numbers in runs shorter than a row's, and how many stand from each on.
    short: &'v [bool],
    stray: &'v [usize],
    /// Which of a row's numbers may stand apart, and the sets of its columns (a bit each)
    /// that may.
    apart: Apart,
    masks: &'v [u16],
    /// A row's numbers: seven, or eight beside the 小计 at `subtotal`.
    m: usize,
    subtotal: Option<usize>,
    rows: usize,
    steps: usize,
    /// Readings checked against the column identities.
    checks: usize,
    assign: Vec<usize>,
    /// The first reading found whose columns add up, and its rows whose numbers stood
    /// apart.
    found: Option<(Vec<usize>, Vec<usize>)>,
    /// A second such reading with other numbers was found.
    twice: bool,
    /// The numbers of the readings checked.
    checked: std::collections::HashSet<Vec<u64>>,
    /// Numbers in runs shorter than a row's that stand before the rest of their rows (a
    /// LibreOffice document's PDF read by pdftotext: `5` / `864` / `（区分处理的，` / `4119`
    /// after the labels' block, the rows' other numbers after them), in their order, and
    /// how many of them rows took, in the order of the rows that lack their first number.
    early: Vec<usize>,
    taken: usize,
    /// Whether first numbers may stand before their rows' others.
    bank: bool,
    /// Whether a waiting row's first number may stand in a run shorter than a row's, not
    /// alone, and before the first numbers of rows that wait before it (a large agency's
    /// page in LibreOffice's PDF read by pdftotext: 部分公开's `784` among the labels'
    /// block before 上年结转's last three zeros, which wait before it; 属于行政查询事项's
    /// `50` right after the next row's numbers); and, where `bank`, a row's first two or
    /// three numbers banked, one after the other (`0` `0` after 上年结转's label, `11018
    /// 243` on 予以公开's line, each row's others after them).
    loose: bool,
}

/// Which numbers of a row [`reading_order`]'s search lets stand apart: the first; then the
/// first or the last few; then any.
#[derive(Clone, Copy, PartialEq)]
enum Apart {
    First,
    Last,
    Any,
}

/// What a row whose numbers were not all read in a run waits for.
#[derive(Clone, Copy)]
enum Wait {
    /// Its first number, which must be this (its total less the others).
    First(f64),
    /// Its numbers in these columns (a bit each), in their order.
    Apart(u16),
}

/// The columns of a row of `m` numbers in `mask`, in their order, or not in it.
fn columns_of(mask: u16, m: usize, apart: bool) -> impl Iterator<Item = usize> {
    (0..m).filter(move |&c| (mask >> c) & 1 == u16::from(apart))
}

impl Order<'_> {
    /// Reads from number `pos` on, rows `r` on, `waiting` the rows whose first or last
    /// numbers stand later, in their order; `chained`: the number before `pos` was one a
    /// waiting row took.
    fn go(&mut self, pos: usize, r: usize, waiting: &mut Vec<(usize, Wait)>, chained: bool) {
        self.steps += 1;
        if self.twice || self.steps > ORDER_STEPS {
            return;
        }
        let n = self.vals.len();
        let m = self.m;
        // Any of a row's numbers apart: they stand in runs shorter than a row's, as many as
        // wait.
        let any = self.apart == Apart::Any;
        if any {
            let pending: usize = waiting
                .iter()
                .map(|(_, w)| match w {
                    Wait::First(_) => 1,
                    Wait::Apart(mask) => mask.count_ones() as usize,
                })
                .sum();
            if pending > self.stray[pos] {
                return;
            }
        }
        // The first number of the row that waits first, standing alone here; where loose, of
        // the first waiting row it is, in a short run.
        let is = |w: Wait| matches!(w, Wait::First(want) if validate::close(self.vals[pos], want));
        let first = match (pos < n, self.loose) {
            (true, false) if self.alone[pos] => waiting.first().filter(|&&(_, w)| is(w)).map(|_| 0),
            (true, true) if self.short[pos] => waiting.iter().position(|&(_, w)| is(w)),
            _ => None,
        };
        if let Some(j) = first {
            let (row, w) = waiting.remove(j);
            self.assign[row * m] = pos;
            self.go(pos + 1, r, waiting, true);
            waiting.insert(j, (row, w));
        }
        match waiting.first() {
            // Its other numbers, after a label (or after another waiting row's), with which
            // the row adds up.
            Some(&(row, Wait::Apart(mask)))
                if pos + mask.count_ones() as usize <= n
                    && (self.opens[pos] || chained)
                    && (!any || self.short[pos]) =>
            {
                for (k, c) in columns_of(mask, m, true).enumerate() {
                    self.assign[row * m + c] = pos + k;
                }
                let v: Vec<f64> = (0..m).map(|c| self.vals[self.assign[row * m + c]]).collect();
                if numbers_add_up(&v, self.subtotal) {
                    let first = waiting.remove(0);
                    self.go(pos + mask.count_ones() as usize, r, waiting, true);
                    waiting.insert(0, first);
                }
            }
            _ => {}
        }
        // (The rest of a run a waiting row's numbers started is other waiting rows'.)
        if any && chained && !self.closes[pos - 1] {
            return;
        }
        if r == self.rows {
            if pos == n && waiting.is_empty() && self.taken == self.early.len() {
                self.record();
            }
            return;
        }
        // A number in a run shorter than a row's, standing before its row's others: a first
        // number a later row takes.
        if self.bank && pos < n && self.short[pos] && self.early.len() - self.taken < ORDER_WAITING {
            self.early.push(pos);
            self.go(pos + 1, r, waiting, false);
            self.early.pop();
        }
        // The row's numbers, one after the other.
        let whole = pos + m <= n && numbers_add_up(&self.vals[pos..pos + m], self.subtotal);
        if whole {
            for c in 0..m {
                self.assign[r * m + c] = pos + c;
            }
            self.go(pos + m, r + 1, waiting, false);
        }
        if waiting.len() >= ORDER_WAITING {
            return;
        }
        // All but its first, which stands later (where any may, of a row that does not add
        // up in place).
        if pos + m - 1 <= n && !(any && whole) {
            if let Some(want) = self.first_of(&self.vals[pos..pos + m - 1]) {
                for c in 1..m {
                    self.assign[r * m + c] = pos + c - 1;
                }
                // Its first standing before, the next of those rows lacking theirs took.
                if let Some(&first) = self.early.get(self.taken) {
                    if validate::close(self.vals[first], want) {
                        self.assign[r * m] = first;
                        self.taken += 1;
                        self.go(pos + m - 1, r + 1, waiting, false);
                        self.taken -= 1;
                    }
                }
                waiting.push((r, Wait::First(want)));
                self.go(pos + m - 1, r + 1, waiting, false);
                waiting.pop();
            }
        }
        // (Loose: all but its first two or three, which stand before, the next of those
        // banked, one after the other.)
        if self.loose && self.bank && !whole {
            for k in 2..=3 {
                if self.early.len() - self.taken < k || pos + m - k > n {
                    continue;
                }
                let firsts = &self.early[self.taken..self.taken + k];
                let mut v = [0.0; 8];
                for (c, i) in firsts.iter().copied().chain(pos..pos + m - k).enumerate() {
                    v[c] = self.vals[i];
                }
                if !numbers_add_up(&v[..m], self.subtotal) {
                    continue;
                }
                for (c, &i) in firsts.iter().enumerate() {
                    self.assign[r * m + c] = i;
                }
                for c in k..m {
                    self.assign[r * m + c] = pos + c - k;
                }
                self.taken += k;
                self.go(pos + m - k, r + 1, waiting, false);
                self.taken -= k;
            }
        }
        // All but its last (its total), or but its last few where a label follows its first
        // ones (a LibreOffice document's PDF read by pdftotext: `0 0 3 4 0 0` and the next
        // row's numbers, the `7` after the labels' block), which stand later: where the next
        // numbers are no row that adds up (a row of zeros fits everywhere).
        // (A row that adds up across a label may be none: `1 3 0 0 0` / `3.其他` / `0 4`.)
        let across = || (pos..pos + m - 1).any(|i| self.closes[i]);
        if self.apart == Apart::First || (whole && !(any && across())) {
            return;
        }
        // Then, where that found none, any one number of the row, or any two where a label
        // follows its others (`1 3 0 0 0` / `3.其他` … `0 4`: its 商业企业 and 总计 later).
        for &mask in self.masks {
            let len = mask.count_ones() as usize;
            let k = m - len;
            // (A label after its others where they would add up as a row.)
            if pos + k > n || ((len > 1 || whole) && !self.closes[pos + k - 1]) {
                continue;
            }
            for (i, c) in columns_of(mask, m, false).enumerate() {
                self.assign[r * m + c] = pos + i;
            }
            waiting.push((r, Wait::Apart(mask)));
            self.go(pos + k, r + 1, waiting, false);
            waiting.pop();
        }
    }

    /// The first number a row's others (all but its first, `rest`) make it: the total less
    /// the other organisations', or less the 小计, which must be the organisations' sum; None
    /// when that is no count.
    fn first_of(&self, rest: &[f64]) -> Option<f64> {
        let total = *rest.last()?;
        let want = match self.subtotal {
            None => total - rest[..rest.len() - 1].iter().sum::<f64>(),
            Some(p) => {
                let orgs: f64 = subtotal_orgs(p).map(|k| rest[k - 1]).sum();
                if !validate::close(rest[p - 1], orgs) {
                    return None;
                }
                total - rest[p - 1]
            }
        };
        (want >= 0.0 && validate::close(want, want.round())).then(|| want.round())
    }

    fn record(&mut self) {
        let m = self.m;
        let apart: Vec<usize> = (0..self.rows)
            .filter(|&r| (0..m - 1).any(|c| self.assign[r * m + c] + 1 != self.assign[r * m + c + 1]))
            .collect();
        if let Some((seen, before)) = &self.found {
            if seen
                .iter()
                .zip(&self.assign)
                .all(|(&a, &b)| self.vals[a] == self.vals[b])
            {
                // The same numbers (rows of zeros read at another alignment): the reading
                // that puts the fewest first numbers apart is the one the message names.
                if apart.len() < before.len() {
                    self.found = Some((self.assign.clone(), apart));
                }
                return;
            }
        }
        // (Readings with the numbers of one checked before: that one's answer.)
        let numbers: Vec<u64> = self.assign.iter().map(|&i| self.vals[i].to_bits()).collect();
        if !self.checked.insert(numbers) {
            return;
        }
        self.checks += 1;
        if self.checks > ORDER_CHECKS {
            self.steps = ORDER_STEPS + 1;
            return;
        }
        if (self.holds)(&self.assign) {
            match self.found {
                None => self.found = Some((self.assign.clone(), apart)),
                Some(_) => self.twice = true,
            }
        }
    }
}
