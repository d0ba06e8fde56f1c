//! An applications table a text reads a column at a time: every row's label, then all the
//! table's numbers (pdfminer's text, which makes each cell a box of its own and reads the
//! boxes in the order it groups them: a column's cells, close above one another, before the
//! next column's). The numbers come in rectangles of the table, each a column at a time, as
//! cuts across and down the table leave them (an XY cut: the first two rows' band, then the
//! rest; or the rows of a tall label's cell apart from those below it): the reading is the
//! one with the fewest rectangles in which every row and every column adds up. The first
//! table, which no identity orders, is read a part at a time, each part's numbers under its
//! heading a column at a time, with a warning.

use super::*;

/// The most rectangles a reading is looked for in (pdfminer's readings of the 250 pages
/// `tools/synth.py` renders take one to nine, 239 of the 250 are such a cut; up to seven,
/// none wrong; with eight, one of them added up by chance).
const MAX_PIECES: usize = 7;

/// The applications table read as all its rows' labels then all its numbers: where at most
/// half its rows took values (the last, its label the last before the numbers; the first,
/// with the first number; a few others, among them), one of them more than a row's, and the
/// table's numbers are as many as its cells, they are put in the one reading, with the
/// fewest rectangles, that makes every row and column add up; each row then takes its own.
/// Nothing changes where no reading does, or two that differ do.
pub(super) fn rows_read_by_columns<'a>(
    specs: &[RowSpec],
    tokens: &[Token<'a>],
    printed_empty: &[(usize, u32)],
    subtotal_at: Option<usize>,
    filled: &mut [bool],
    hits: &mut Vec<RowRun<'a>>,
    ex: &mut Extracted,
) {
    let rows = specs.len();
    let cols = 7 + usize::from(subtotal_at.is_some());
    // The row whose label the most numbers follow (the last, or the first: its box read
    // with the first cell's).
    let Some(&(at, ref run)) = hits.iter().max_by_key(|(_, r)| r.values.len()) else {
        return;
    };
    if run.values.len() <= cols || hits.len() * 2 > rows {
        return;
    }
    let numbers: Vec<&Token<'a>> = tokens.iter().filter(|t| t.is_value()).collect();
    let n = numbers.len();
    // (Every cell printed: a text that leaves empty cells out gives fewer numbers, and no
    // place tells where they were.)
    if n != rows * cols {
        return;
    }
    let Some(values) = numbers.iter().map(|t| integer(t)).collect::<Option<Vec<i64>>>() else {
        return;
    };
    let Some(shape) = Shape::of(specs, cols, subtotal_at) else {
        return;
    };
    let Some((order, pieces)) = shape.reading(&values) else {
        return;
    };
    let (run_line, header_unit) = (run.label_line, run.header_unit);
    let lines: Vec<(usize, u32)> = hits.iter().map(|(j, r)| (*j, r.label_line)).collect();
    hits.clear();
    // order[p]: the cell (row × cols + column) the p-th number stands in.
    let mut cells: Vec<Option<Token<'a>>> = vec![None; n];
    for (p, token) in numbers.into_iter().enumerate() {
        cells[order[p] as usize] = Some(token.clone());
    }
    let mut cells = cells.into_iter().map(|t| t.expect("a reading places every number"));
    for (j, spec) in specs.iter().enumerate() {
        let line = printed_empty
            .iter()
            .chain(&lines)
            .find(|e| e.0 == j)
            .map_or(run_line, |e| e.1);
        super::bands::unmark_printed_empty(ex, spec.key);
        filled[j] = true;
        let row: Vec<Token<'a>> = cells.by_ref().take(cols).collect();
        hits.push((j, Run::cut(spec.label.to_string(), line, row, header_unit)));
    }
    // (Read in one rectangle or two, the first rows' band then the rest, as most are, said
    // as a note; in more, as a warning: the more rectangles, the more readings there are to
    // add up by chance.)
    let message = format!(
        "applications: the table's {n} numbers, after its rows' labels (most after row {}'s), read a column at a time in {pieces} rectangle(s) of it: the one such reading in as few in which every row and every column adds up",
        specs[at].key
    );
    ex.diags.push(if pieces <= 2 {
        Diagnostic::info(Code::MissingValues, Some(run_line), message)
    } else {
        Diagnostic::warning(Code::MissingValues, Some(run_line), message)
    });
}

/// The first table's parts, each under its `第二十条第（…）项` heading: its rows, by template.
const PARTS_2019: &[(&str, &[&str])] = &[
    ("一", &["rules", "normative_documents"]),
    ("五", &["administrative_licensing", "other_management_services"]),
    ("六", &["administrative_penalty", "administrative_coercion"]),
    ("八", &["administrative_fees"]),
    ("九", &["centralized_procurement"]),
];
const PARTS_2021: &[(&str, &[&str])] = &[
    ("一", &["rules", "normative_documents"]),
    ("五", &["administrative_licensing"]),
    ("六", &["administrative_penalty", "administrative_coercion"]),
    ("八", &["administrative_fees"]),
];

/// The first table as pdfminer reads it: each part's heading, its column headers and its
/// numbers, a column at a time, its rows' labels apart from them (before, or after them
/// among the next part's: `第二十条第（一）项` / `信息内容` / `规章` / `行政规范性文件` /
/// `本年制发件数` … / `0` `1` `1` `0` `19` `268` / `第二十条第（五）项` / `本年处理决定数量` /
/// `19294` / … / `行政许可`). Where a part's rows were not each read with their values (one
/// printed without values, or a value short), the numbers under its heading are as many as
/// its cells and the first follows its column headers, not a row's label, its rows take
/// them, a column at a time, with a warning: no identity checks that order. (pdfminer's, on
/// the rendered pages: every part of the 2021 template's 181; the 2019 template's 一 and 五
/// where their numbers are as many, 151 of their 193, the other parts read among the next
/// parts', left.)
pub(super) fn sections_read_by_columns<'a>(
    specs: &[RowSpec],
    template: Template,
    tokens: &[Token<'a>],
    filled: &mut [bool],
    hits: &mut Vec<RowRun<'a>>,
    ex: &mut Extracted,
) {
    let parts_of = match template {
        Template::T2019 => PARTS_2019,
        Template::T2021 => PARTS_2021,
    };
    let row = |key: &str| specs.iter().position(|s| s.key == key);
    // Each part's numbers, in the order read, and the money unit its headers name.
    let mut numbers: Vec<Vec<&Token<'a>>> = vec![Vec::new(); parts_of.len()];
    let mut units = vec![None; parts_of.len()];
    let mut seen = vec![false; parts_of.len()];
    // Whether a part's first number follows a row's label (a row's numbers after its label,
    // a band of rows' a row at a time: `行政许可` / `20` `+17` `37` `144` `+5` `149`, for
    // `items_of_rows_after`), not its column headers.
    let mut after_label = vec![false; parts_of.len()];
    let mut last_text: Option<&str> = None;
    let names_row = |text: &str| {
        let text = labels::normalize(text);
        specs.iter().any(|s| s.keywords.iter().any(|k| text.contains(k)))
    };
    let mut current: Option<usize> = None;
    for t in tokens {
        if t.kind == Kind::Text {
            last_text = Some(t.raw);
        }
        match t.kind {
            Kind::Text if t.raw.contains("第二十条") => {
                let item = t
                    .raw
                    .split(['（', '('])
                    .nth(1)
                    .and_then(|rest| rest.split(['）', ')']).next())
                    .map(str::trim);
                current = parts_of.iter().position(|(n, _)| Some(*n) == item);
                match current {
                    Some(i) if !seen[i] => seen[i] = true,
                    // (A part twice, or one the template has not.)
                    _ => return,
                }
            }
            Kind::Text => {
                if let (Some(i), Some(u)) = (current, numbers::header_unit(t.raw)) {
                    units[i] = Some(u);
                }
            }
            _ if t.is_value() => match current {
                Some(i) => {
                    if numbers[i].is_empty() {
                        after_label[i] = last_text.is_some_and(names_row);
                    }
                    numbers[i].push(t)
                }
                None => return,
            },
            _ => {}
        }
    }
    // The parts read so: (rows, columns, numbers, unit).
    let mut parts = Vec::with_capacity(parts_of.len());
    for ((((_, keys), nums), unit), after_label) in parts_of.iter().zip(numbers).zip(units).zip(after_label) {
        let Some(rows) = keys.iter().map(|k| row(k)).collect::<Option<Vec<usize>>>() else {
            return;
        };
        let cols = specs[rows[0]].cols.len();
        let read_whole = |j: usize| hits.iter().any(|h| h.0 == j && h.1.values.len() == specs[j].cols.len());
        if nums.len() == rows.len() * cols
            && !after_label
            && rows.iter().all(|&j| specs[j].cols.len() == cols)
            && !rows.iter().all(|&j| read_whole(j))
        {
            parts.push((rows, cols, nums, unit));
        }
    }
    if parts.is_empty() {
        return;
    }
    // (Every part's numbers used: the values a label matching no row took were some of them.)
    if parts.len() == parts_of.len() {
        ex.diags.retain(|d| d.code != Code::UnknownRow);
    }
    hits.retain(|h| !parts.iter().any(|(rows, _, _, _)| rows.contains(&h.0)));
    let mut first_line = None;
    let mut keys = Vec::new();
    for (rows, cols, nums, unit) in parts {
        for (i, &j) in rows.iter().enumerate() {
            let values: Vec<Token<'a>> = (0..cols).map(|c| nums[c * rows.len() + i].clone()).collect();
            let line = values[0].line;
            first_line.get_or_insert(line);
            super::bands::unmark_printed_empty(ex, specs[j].key);
            filled[j] = true;
            keys.push(specs[j].key);
            hits.push((j, Run::cut(specs[j].label.to_string(), line, values, unit)));
        }
    }
    hits.sort_by_key(|h| h.0);
    ex.diags.push(Diagnostic::warning(
        Code::MissingValues,
        first_line,
        format!(
            "active_disclosure: rows {} stand apart from their numbers; the numbers under each one's 第二十条第（…）项 heading were read as its part's rows', a column at a time, as a text that reads a table's cells a column at a time gives them (no identity checks that order)",
            keys.join(", ")
        ),
    ));
}

/// A count as a whole number (a cell of the applications table).
fn integer(t: &Token<'_>) -> Option<i64> {
    match t.kind {
        Kind::Value(Value::Number(n)) if n.value.fract() == 0.0 && n.value >= 0.0 && n.value < 1e12 => {
            Some(n.value as i64)
        }
        _ => None,
    }
}

/// The applications table's shape: its rows and columns, the rows a cut may fall before, and
/// what must add up.
struct Shape {
    rows: usize,
    cols: usize,
    /// Rows a horizontal cut may fall before: each group's first row (a group label's merged
    /// cell, 三、本年度办理结果's groups) and the row after it (a group's first row, its label
    /// the tallest, as `（二）部分公开（区分处理的…）` and `1.本机关不掌握相关政府信息` are).
    cuts: Vec<usize>,
    /// The 小计 column, if printed.
    subtotal: Option<usize>,
    /// The rows of 本年新收 and 上年结转, the outcome rows, 总计 and 结转下年度继续办理.
    received: [usize; 2],
    outcomes: std::ops::Range<usize>,
    total: usize,
    forward: usize,
}

impl Shape {
    fn of(specs: &[RowSpec], cols: usize, subtotal: Option<usize>) -> Option<Shape> {
        let find = |key: &str| specs.iter().position(|s| s.key == key);
        let received = [find("new_received")?, find("carried_over")?];
        let total = find("total")?;
        let forward = find("carried_forward")?;
        let first = received[1] + 1;
        if received != [0, 1] || first >= total {
            return None;
        }
        let group = |j: usize| specs[j].key.split('.').next().unwrap_or("");
        let starts = |j: usize| j == 0 || group(j) != group(j - 1);
        let cuts = (1..specs.len()).filter(|&j| starts(j) || starts(j - 1)).collect();
        Some(Shape {
            rows: specs.len(),
            cols,
            cuts,
            subtotal,
            received,
            outcomes: first..total,
            total,
            forward,
        })
    }

    /// Whether row `r` of `g` (row × cols + column) adds up: its 总计 the sum of its other
    /// cells, its 小计 the organisations'.
    fn row_adds_up(&self, g: &[i64], r: usize) -> bool {
        let row = &g[r * self.cols..(r + 1) * self.cols];
        let (total, cells) = row.split_last().expect("a row has cells");
        let sum: i64 = cells
            .iter()
            .enumerate()
            .filter(|&(j, _)| Some(j) != self.subtotal)
            .map(|(_, v)| v)
            .sum();
        sum == *total && self.subtotal.is_none_or(|s| row[s] == sum - row[0])
    }

    /// Whether column `j` of `g` adds up: 本年新收 plus 上年结转 the 总计 plus 结转下年度继续办理,
    /// the 总计 the outcome rows' sum.
    fn column_adds_up(&self, g: &[i64], j: usize) -> bool {
        let at = |r: usize| g[r * self.cols + j];
        let outcomes: i64 = self.outcomes.clone().map(at).sum();
        outcomes == at(self.total) && at(self.received[0]) + at(self.received[1]) == outcomes + at(self.forward)
    }

    /// The reading of `values` (the cell of each, and its rectangles' count) with the
    /// fewest rectangles in which the table adds up; None where none of up to
    /// [`MAX_PIECES`] does, or two readings with as few place any value otherwise.
    fn reading(&self, values: &[i64]) -> Option<(Vec<u16>, usize)> {
        let mut s = Search {
            leaves: 0,
            values,
            order: vec![0u16; values.len()],
            grid: vec![0i64; values.len()],
        };
        let whole = Rect {
            r0: 0,
            r1: self.rows,
            c0: 0,
            c1: self.cols,
        };
        for pieces in 1..=MAX_PIECES {
            let mut found: Option<(Vec<u16>, Vec<i64>)> = None;
            let mut twice = false;
            for kind in [Node::Leaf, Node::Across, Node::Down] {
                // (Each rectangle's rows and columns were checked as it completed them.)
                self.each(&mut s, whole, pieces, kind, 0, &mut |s: &mut Search<'_>| {
                    match &found {
                        None => found = Some((s.order.clone(), s.grid.clone())),
                        Some((_, g)) if *g == s.grid => {}
                        Some(_) => twice = true,
                    }
                    !twice
                });
                // (Two readings that differ, or too many tried to know.)
                if twice || s.leaves > LEAVES {
                    return None;
                }
            }
            if let Some((order, _)) = found {
                return Some((order, pieces));
            }
        }
        None
    }

    /// Calls `f` with each reading of `rect` in `pieces` rectangles whose root is `kind`,
    /// written into `s` from the `at`-th number, in which each row and column it completes
    /// adds up (the cells above a rectangle and on its left are read before it); stops
    /// (false) when `f` does. Each reading once: a cut's first part is no cut of the same
    /// kind, and a cut down between two rectangles that are each a column at a time is the
    /// one rectangle.
    fn each(
        &self,
        s: &mut Search<'_>,
        rect: Rect,
        pieces: usize,
        kind: Node,
        at: usize,
        f: &mut dyn FnMut(&mut Search<'_>) -> bool,
    ) -> bool {
        match kind {
            Node::Leaf => {
                if pieces != 1 {
                    return true;
                }
                crate::budget::step();
                s.leaves += 1;
                if s.leaves > LEAVES {
                    return false;
                }
                let mut p = at;
                for c in rect.c0..rect.c1 {
                    for r in rect.r0..rect.r1 {
                        let cell = r * self.cols + c;
                        s.order[p] = cell as u16;
                        s.grid[cell] = s.values[p];
                        p += 1;
                    }
                }
                let columns = rect.r1 < self.rows || (rect.c0..rect.c1).all(|j| self.column_adds_up(&s.grid, j));
                let rows = rect.c1 < self.cols || (rect.r0..rect.r1).all(|r| self.row_adds_up(&s.grid, r));
                !(columns && rows) || f(s)
            }
            // (A column alone, or a row, reads one way.)
            _ if pieces < 2 || rect.c1 - rect.c0 < 2 || rect.r1 - rect.r0 < 2 => true,
            Node::Across => {
                for &r in self.cuts.iter().filter(|&&r| rect.r0 < r && r < rect.r1) {
                    let (top, bottom) = (Rect { r1: r, ..rect }, Rect { r0: r, ..rect });
                    for first in 1..pieces {
                        for a in [Node::Leaf, Node::Down] {
                            let go = self.each(s, top, first, a, at, &mut |s: &mut Search<'_>| {
                                [Node::Leaf, Node::Across, Node::Down]
                                    .into_iter()
                                    .all(|b| self.each(s, bottom, pieces - first, b, at + top.area(), f))
                            });
                            if !go {
                                return false;
                            }
                        }
                    }
                }
                true
            }
            Node::Down => {
                for c in rect.c0 + 1..rect.c1 {
                    let (left, right) = (Rect { c1: c, ..rect }, Rect { c0: c, ..rect });
                    for first in 1..pieces {
                        for a in [Node::Leaf, Node::Across] {
                            let go = self.each(s, left, first, a, at, &mut |s: &mut Search<'_>| {
                                [Node::Leaf, Node::Across, Node::Down]
                                    .into_iter()
                                    .filter(|&b| !(a == Node::Leaf && b == Node::Leaf))
                                    .all(|b| self.each(s, right, pieces - first, b, at + left.area(), f))
                            });
                            if !go {
                                return false;
                            }
                        }
                    }
                }
                true
            }
        }
    }
}

/// A reading being made: the numbers, and for each the cell it was put in, and the cells'
/// values so far.
struct Search<'v> {
    /// The rectangles placed so far, all readings together.
    leaves: u64,
    values: &'v [i64],
    order: Vec<u16>,
    grid: Vec<i64>,
}

/// The most rectangles placed in looking for a reading (each its numbers put in place and
/// the rows and columns it completes checked), all readings together: the search of the
/// 310 rendered pages' pdfminer texts places 5.3 M at most (0.2 s), a fifth of this; more
/// is given up (nothing read), before the file's own budget of steps is.
const LEAVES: u64 = 20_000_000;

/// A reading's root: a rectangle read a column at a time, a cut across (the part above
/// first) or down (the part on the left first).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Node {
    Leaf,
    Across,
    Down,
}

#[derive(Clone, Copy)]
struct Rect {
    r0: usize,
    r1: usize,
    c0: usize,
    c1: usize,
}

impl Rect {
    fn area(&self) -> usize {
        (self.r1 - self.r0) * (self.c1 - self.c0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tests::{labelled_text, values};

    /// An applications table that adds up: the rows named (自然人, 商业企业, 总计 …), the
    /// others zeros.
    fn table(specs: &[RowSpec]) -> Vec<[i64; 7]> {
        let named = [
            ("new_received", [13, 2, 0, 0, 1, 0, 16]),
            ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
            ("granted", [5, 1, 0, 0, 1, 0, 7]),
            ("partially_granted", [1, 0, 0, 0, 0, 0, 1]),
            ("withheld.internal_affairs", [3, 0, 0, 0, 0, 0, 3]),
            ("unable.not_held", [4, 1, 0, 0, 0, 0, 5]),
            ("total", [13, 2, 0, 0, 1, 0, 16]),
            ("carried_forward", [2, 0, 0, 0, 0, 0, 2]),
        ];
        crate::parse::tests::application_rows(specs, &named)
            .into_iter()
            .map(|row| row.map(i64::from))
            .collect()
    }

    /// The table's text as pdfminer gives it: its header, every row's label on a line of its
    /// own, then its numbers one a line, read in `pieces` (rows, columns) in turn, each a
    /// column at a time; with a 小计 column after the organisations'.
    fn text(specs: &[RowSpec], rows: &[[i64; 7]], subtotal: bool, pieces: &[(usize, usize, usize, usize)]) -> String {
        let mut text =
            String::from("申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n");
        if subtotal {
            text.push_str("小计\n");
        }
        text.push_str("总计\n");
        for spec in specs {
            text.push_str(spec.label);
            text.push('\n');
        }
        let printed: Vec<Vec<i64>> = rows
            .iter()
            .map(|v| {
                let mut p = v[..6].to_vec();
                if subtotal {
                    p.push(v[1..6].iter().sum());
                }
                p.push(v[6]);
                p
            })
            .collect();
        for &(r0, r1, c0, c1) in pieces {
            for c in c0..c1 {
                for row in &printed[r0..r1] {
                    text.push_str(&format!("{}\n", row[c]));
                }
            }
        }
        text
    }

    fn read(template: Template, text: &str) -> Extracted {
        labelled_text(Table::Applications, template, text, Form::Text)
    }

    fn said(ex: &Extracted) -> Option<Severity> {
        ex.diags
            .iter()
            .find(|d| d.message.contains("read a column at a time"))
            .map(|d| d.severity)
    }

    use crate::diag::Severity;

    #[test]
    fn a_table_read_a_column_at_a_time_in_rectangles() {
        for template in [Template::T2019, Template::T2021] {
            let specs = template::rows(Table::Applications, template);
            let rows = table(specs);
            let (r, total) = (specs.len(), specs.iter().position(|s| s.key == "total").unwrap());
            for subtotal in [false, true] {
                let m = 7 + usize::from(subtotal);
                for (pieces, severity) in [
                    // The whole table a column at a time.
                    (vec![(0, r, 0, m)], Severity::Info),
                    // The first two rows' band, then the rest.
                    (vec![(0, 2, 0, m), (2, r, 0, m)], Severity::Info),
                    // The band; the first two columns' outcome rows, then their 总计 and 结转;
                    // then the other columns below the band.
                    (
                        vec![(0, 2, 0, m), (2, total, 0, 2), (total, r, 0, 2), (2, r, 2, m)],
                        Severity::Warning,
                    ),
                ] {
                    let ex = read(template, &text(specs, &rows, subtotal, &pieces));
                    assert_eq!(
                        said(&ex),
                        Some(severity),
                        "{template:?} {subtotal} {pieces:?}: {:?}",
                        ex.diags
                    );
                    for (spec, want) in specs.iter().zip(&rows) {
                        let want: Vec<Option<f64>> = want.iter().map(|&v| Some(v as f64)).collect();
                        assert_eq!(
                            values(&ex, spec.key),
                            want,
                            "{template:?} {subtotal} {pieces:?}: row {}",
                            spec.key
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_no_reading_adds_up_are_not_placed() {
        let specs = template::rows(Table::Applications, Template::T2021);
        let mut rows = table(specs);
        // 予以公开's 自然人 one more: its row no longer adds up, whatever the reading.
        rows[2][0] += 1;
        let ex = read(
            Template::T2021,
            &text(specs, &rows, false, &[(0, 2, 0, 7), (2, specs.len(), 0, 7)]),
        );
        assert_eq!(said(&ex), None);
        assert!(ex
            .cells
            .iter()
            .filter(|c| c.row == "granted")
            .all(|c| c.value.is_none()));
    }

    #[test]
    fn the_first_tables_parts_read_a_column_at_a_time() {
        // pdfminer's text of a rendered page (tests/fixtures/pdfminer/full_2021_band_then_columns).
        let text = "第二十条第（一）项\n信息内容\n规章\n行政规范性文件\n本年制发件数\n本年废止件数\n现行有效件数\n0\n1\n1\n0\n19\n268\n\
                    第二十条第（五）项\n本年处理决定数量\n19294\n第二十条第（六）项\n本年处理决定数量\n20549\n26\n\
                    信息内容\n行政许可\n信息内容\n行政处罚\n行政强制\n第二十条第（八）项\n信息内容\n\
                    本年收费金额（单位：万元）\n行政事业性收费\n0\n";
        let ex = active(Template::T2021, text);
        assert_eq!(values(&ex, "rules"), [Some(0.0), Some(1.0), Some(19.0)]);
        assert_eq!(values(&ex, "normative_documents"), [Some(1.0), Some(0.0), Some(268.0)]);
        assert_eq!(values(&ex, "administrative_licensing"), [Some(19294.0)]);
        assert_eq!(values(&ex, "administrative_penalty"), [Some(20549.0)]);
        assert_eq!(values(&ex, "administrative_coercion"), [Some(26.0)]);
        assert_eq!(values(&ex, "administrative_fees"), [Some(0.0)]);
        assert!(ex
            .diags
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("a column at a time")));
        // A part with a number fewer than its cells is not read so; the others are.
        let short = text.replace("20549\n26\n", "20549\n");
        let ex = active(Template::T2021, &short);
        let said = ex
            .diags
            .iter()
            .find(|d| d.message.contains("a column at a time"))
            .expect("the other parts read");
        assert!(said.message.contains("rules") && !said.message.contains("administrative_penalty"));
        assert_eq!(values(&ex, "normative_documents"), [Some(1.0), Some(0.0), Some(268.0)]);
    }

    #[test]
    fn the_2019_first_tables_parts_whose_numbers_are_as_many_as_their_cells() {
        // pdfminer's text of a rendered page (tests/fixtures/pdfminer/full_2019_columns): 五's
        // third column and 六, 八 and 九 read among the next parts' labels and numbers.
        let text = "第二十条第（一）项\n本年新制作数量\n本年新公开数量\n对外公开总数量\n0\n0\n0\n0\n350\n227\n\
                    第二十条第（五）项\n上一年项目数量\n本年增/减\n处理决定数量\n468\n0\n-12\n10\n0\n0\n\
                    第二十条第（六）项\n0\n上一年项目数量\n本年增/减\n处理决定数量\n信息内容\n规章\n规范性文件\n\
                    信息内容\n行政许可\n其他对外管理服务事项\n信息内容\n行政处罚\n行政强制\n0\n0\n\
                    第二十条第（八）项\n信息内容\n上一年项目数量\n行政事业性收费\n25\n第二十条第（九）项\n0\n33\n\
                    本年增/减\n0\n采购总金额\n603.1471万元\n信息内容\n政府集中采购\n采购项目数量\n23\n";
        let ex = active(Template::T2019, text);
        assert_eq!(values(&ex, "rules"), [Some(0.0), Some(0.0), Some(350.0)]);
        assert_eq!(values(&ex, "normative_documents"), [Some(0.0), Some(0.0), Some(227.0)]);
        assert_eq!(
            values(&ex, "administrative_licensing"),
            [Some(468.0), Some(-12.0), Some(0.0)]
        );
        assert_eq!(
            values(&ex, "other_management_services"),
            [Some(0.0), Some(10.0), Some(0.0)]
        );
        let said = ex
            .diags
            .iter()
            .find(|d| d.message.contains("a column at a time"))
            .expect("一 and 五 read");
        assert_eq!(said.severity, Severity::Warning);
        assert!(!said.message.contains("administrative_penalty"));
    }

    fn active(template: Template, text: &str) -> Extracted {
        labelled_text(Table::ActiveDisclosure, template, text, Form::Text)
    }

    #[test]
    fn every_reading_in_as_many_rectangles_is_tried() {
        let specs = template::rows(Table::Applications, Template::T2019);
        let shape = Shape::of(specs, 7, None).expect("the template's shape");
        // The distinct readings of a 23 × 7 table in up to one, two, three and four
        // rectangles at the template's twelve cuts, as a search of every XY cut that keeps
        // the distinct orders counts them (a script, once).
        let whole = Rect {
            r0: 0,
            r1: shape.rows,
            c0: 0,
            c1: shape.cols,
        };
        let values = vec![0i64; shape.rows * shape.cols];
        let mut s = Search {
            leaves: 0,
            values: &values,
            order: vec![0u16; values.len()],
            grid: vec![0i64; values.len()],
        };
        let mut seen = std::collections::HashSet::new();
        for (pieces, distinct) in [(1, 1), (2, 13), (3, 199), (4, 3095)] {
            let before = seen.len();
            let mut count = 0;
            for kind in [Node::Leaf, Node::Across, Node::Down] {
                shape.each(&mut s, whole, pieces, kind, 0, &mut |s: &mut Search<'_>| {
                    count += 1;
                    seen.insert(s.order.clone());
                    true
                });
            }
            assert_eq!(seen.len(), distinct, "up to {pieces} rectangles");
            // (In four, a few readings come twice: a cut down between a rectangle and a
            // cut across whose first part has its rows, 3,016 for 2,896.)
            if pieces <= 3 {
                assert_eq!(count, seen.len() - before, "{pieces} rectangles: a reading given twice");
            }
        }
    }
}
