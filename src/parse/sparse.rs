//! The applications table of a report that left its zeros empty, in a text that keeps no
//! empty cells (a PDF's text in its reading order, a page's text with its cells' strings a
//! line each): a row holds only its non-zero applicants' numbers and its 总计, the columns
//! they stood in gone with the empty cells between them.
//!
//! What such a text still says for certain: each row's 总计 (its last number, the sum of
//! the others), and the cells of a row that holds its 总计 alone (`0`: every applicant
//! empty) or all seven. Which columns a row's other numbers stood in, the column identities
//! (本年新收 + 上年结转 = 总计 + 结转下年度; 总计 = the outcome rows' sum) narrow: every
//! placement of every row is tried together ([`columns`]), and a cell is emitted where every
//! placement that adds up puts the same number there, or none. The five organisations'
//! columns (and, where no row tells them apart, 自然人 too) are alike to the identities,
//! so a row's numbers often fit several: its applicants' cells are then left out, flagged.

use super::*;
use rustc_hash::FxHashSet as HashSet;

/// Column sums the search over the outcome rows may hold at one step, and the steps (a sum
/// and a placement tried) it may take in all: beyond them the identities decide nothing
/// (the rows' certain cells are still read).
const SPARSE_STATES: usize = 20_000;
const SPARSE_STEPS: usize = 1_000_000;

/// The six applicants' numbers of a row, as column sums.
type Sums = [u64; 6];

/// A row of the table as the text holds it.
struct Row<'r, 'a> {
    spec: &'r RowSpec,
    /// Its applicants' numbers as printed (fewer than six: the others empty), with their
    /// tokens; `None` for a row read before (every cell in its place).
    printed: Option<(Vec<u64>, Vec<&'r Token<'a>>)>,
    /// Each placement of its numbers: the columns they stand in, and the sums they make.
    placements: Vec<(Vec<usize>, Sums)>,
}

/// Whether the applications table's rows `hits` are a text that keeps no empty cells, or
/// keeps some that do not line up with the columns (`extra`: a 小计's): no run of a
/// crawler's digits, no row with an empty cell holding more cells than the columns, and,
/// where some row holds an empty cell, one such row holding fewer.
pub(super) fn keeps_no_empty_cells(hits: &[RowRun<'_>], specs: &[RowSpec], extra: usize) -> bool {
    let blanks = |r: &Run<'_>| r.values.iter().any(|t| t.kind == Kind::Blank);
    let width = |i: usize| specs[i].cols.len() + extra;
    !hits.iter().any(|(_, r)| r.values.iter().any(|t| t.kind == Kind::Run))
        && !hits.iter().any(|(i, r)| blanks(r) && r.values.len() > width(*i))
        && (!hits.iter().any(|(_, r)| blanks(r)) || hits.iter().any(|(i, r)| blanks(r) && r.values.len() < width(*i)))
}

/// Reads the applications table's rows `hits` as a text of a report that left its zeros
/// empty holds them, when it is one: no row holds a zero among its applicants (here or
/// among the rows read before, `fixed`), each adds up as the applicants' numbers and, last,
/// their 总计 (with a 小计 column at `subtotal`: the organisations' numbers and their 小计,
/// where any, beside 自然人's), and some row holds three or more fewer numbers than
/// columns (what no other reading places). Returns the cells and diagnostics of the rows
/// in `hits`, or `None` when the table is not such a text (or its 本年新收, 上年结转 or 总计
/// row is missing; another row missing, printed without values where no row's label
/// follows, only bounds the column identities). The rows' empty cells, where any, are not
/// read: the caller has found that they do not line up with the columns.
pub(super) fn zeros_left_empty(
    specs: &[RowSpec],
    fixed: &[Cell],
    hits: &[RowRun<'_>],
    subtotal: Option<usize>,
    first_line: u32,
) -> Option<Extracted> {
    let m = template::APPLICANTS.len();
    let width = m + usize::from(subtotal.is_some());
    let number = |t: &Token<'_>| match t.kind {
        Kind::Value(Value::Number(n)) if n.value >= 0.0 && n.value.fract() == 0.0 && n.value < 1e12 && !n.signed => {
            Some(n.value as u64)
        }
        _ => None,
    };
    // (First, without reading a row: a table of rows as long as their columns, or with an
    // applicant's zero printed, is no such text.)
    if (subtotal.is_none() && hits.iter().any(|(_, r)| zero_before_last(r)))
        || !hits.iter().any(|(_, r)| printed(r).count() + 3 <= width)
    {
        return None;
    }
    // Each row's applicants' numbers, their tokens and the 总计's last, and the ways its
    // numbers may stand in the six columns.
    type Read<'r, 'a> = (usize, Vec<u64>, Vec<&'r Token<'a>>, Vec<Vec<usize>>);
    let mut read: Vec<Read<'_, '_>> = Vec::with_capacity(hits.len());
    let mut very_short = false;
    for (i, run) in hits {
        if specs[*i].cols.len() != m || read.iter().any(|r| r.0 == *i) {
            return None;
        }
        if run.values.len() == width && run.values.iter().any(|t| t.kind == Kind::Blank) {
            // As many cells as columns, some empty: read by position.
            let (total, cells) = run.values.split_last()?;
            let (mut vals, mut toks, mut cols, mut orgs, mut sub) = (Vec::new(), Vec::new(), Vec::new(), 0, 0);
            for (k, t) in cells.iter().enumerate() {
                let v = match t.kind {
                    Kind::Blank => 0,
                    _ => number(t)?,
                };
                if subtotal == Some(k) {
                    sub = v;
                    continue;
                }
                let c = k - usize::from(subtotal.is_some_and(|p| k > p));
                if t.kind != Kind::Blank {
                    if v == 0 {
                        return None;
                    }
                    vals.push(v);
                    toks.push(t);
                    cols.push(c);
                    orgs += if c > 0 { v } else { 0 };
                }
            }
            // (A 总计 left empty: the row's cells are all empty.)
            let t = match total.kind {
                Kind::Blank => 0,
                _ => number(total)?,
            };
            if vals.iter().sum::<u64>() != t || (subtotal.is_some() && sub != orgs) {
                return None;
            }
            toks.push(total);
            read.push((*i, vals, toks, vec![cols]));
            continue;
        }
        // (Empty cells that do not line up with the columns: a PDF's columns merged. A row
        // of empty cells alone, its 总计's zero left empty too: its first stands for the 总计.)
        let mut toks: Vec<&Token<'_>> = run.values.iter().filter(|t| t.kind != Kind::Blank).collect();
        if toks.is_empty() {
            toks.extend(run.values.first());
        }
        let n = toks.len();
        if n == 0 || n > width {
            return None;
        }
        let nums: Vec<u64> = toks
            .iter()
            .map(|t| match t.kind {
                Kind::Blank => Some(0),
                _ => number(t),
            })
            .collect::<Option<_>>()?;
        let shape = shape(&nums, subtotal)?;
        very_short |= n + 3 <= width;
        // The applicants' numbers (自然人's first, where printed) and their tokens; the 小计
        // apart; the 总计 last.
        let own: Vec<usize> = (0..n - 1).filter(|&k| shape.subtotal != Some(k)).collect();
        let vals: Vec<u64> = own.iter().map(|&k| nums[k]).collect();
        let mut owned: Vec<&Token<'_>> = own.iter().map(|&k| toks[k]).collect();
        owned.push(toks[n - 1]);
        // Where they may stand: any of the six columns, or, with a 小计, 自然人's where it
        // tells one and the organisations' the rest.
        let ways: Vec<Vec<usize>> = match subtotal {
            None => pages::choose(6, vals.len()),
            Some(_) => {
                let orgs = vals.len() - usize::from(shape.natural);
                pages::choose(5, orgs)
                    .into_iter()
                    .map(|w| {
                        let shifted = w.into_iter().map(|c| c + 1);
                        if shape.natural {
                            std::iter::once(0).chain(shifted).collect()
                        } else {
                            shifted.collect()
                        }
                    })
                    .collect()
            }
        };
        read.push((*i, vals, owned, ways));
    }
    if !very_short {
        return None;
    }
    // The rows read before: every cell in its place, no applicant's zero printed.
    let before = |key: &str| -> Option<Sums> {
        let mut sums = [0; 6];
        let mut seen = 0;
        for c in fixed.iter().filter(|c| c.row == key) {
            let Some(at) = template::APPLICANTS.iter().position(|&a| a == c.col) else {
                continue;
            };
            seen += 1;
            match (c.status, c.value) {
                (CellStatus::Blank, _) => {}
                (CellStatus::Reported, Some(v)) if at < 6 && v > 0.0 && v.fract() == 0.0 => sums[at] = v as u64,
                (CellStatus::Reported, Some(_)) if at == 6 => {}
                _ => return None,
            }
        }
        (seen == m).then_some(sums)
    };
    let mut rows = Vec::with_capacity(specs.len());
    for (i, spec) in specs.iter().enumerate() {
        let row = match read.iter().position(|r| r.0 == i).map(|k| read.swap_remove(k)) {
            Some((_, vals, toks, ways)) => {
                let placements = ways
                    .into_iter()
                    .map(|cols| {
                        let mut sums = [0; 6];
                        for (&c, &v) in cols.iter().zip(&vals) {
                            sums[c] = v;
                        }
                        (cols, sums)
                    })
                    .collect();
                Row {
                    spec,
                    printed: Some((vals, toks)),
                    placements,
                }
            }
            // An outcome row or 结转下年度继续办理 not found (printed without values, its
            // label before a heading or among a group's labels rather than before a row's):
            // the identities it enters then say only that none of its counts is negative.
            None if !matches!(spec.key, "new_received" | "carried_over" | "total") && before(spec.key).is_none() => {
                Row {
                    spec,
                    printed: None,
                    placements: Vec::new(),
                }
            }
            None => {
                let sums = before(spec.key)?;
                let cols = (0..6).filter(|&c| sums[c] > 0).collect();
                Row {
                    spec,
                    printed: None,
                    placements: vec![(cols, sums)],
                }
            }
        };
        rows.push(row);
    }
    let possible = columns(&rows);
    let mut ex = Extracted::default();
    let short: Vec<&Row<'_, '_>> = rows.iter().filter(|r| r.printed.is_some()).collect();
    ex.diags.push(Diagnostic::warning(
        Code::MissingValues,
        Some(first_line),
        format!(
            "applications: {} rows hold fewer numbers than columns, each its 总计 last and the sum of the others{}, no applicant's a zero: the report left its zeros empty and the text kept no empty cells; the cells no number stands in are read as empty{}",
            short.iter().filter(|r| r.printed.as_ref().is_some_and(|(p, _)| p.len() < 6)).count(),
            if subtotal.is_some() {
                " (the organisations' with their 法人或其他组织小计, checked and not emitted)"
            } else {
                ""
            },
            if possible.is_none() {
                " (no placement of the rows' numbers in their columns makes the column identities hold, or too many do to try: only each row's 总计, and the rows whose cells are all told, are read)"
            } else {
                ""
            }
        ),
    ));
    for (r, row) in rows.iter().enumerate() {
        let Some((nums, toks)) = &row.printed else {
            continue;
        };
        let spec = row.spec;
        let line = toks[0].line;
        let fits: Vec<&(Vec<usize>, Sums)> = match &possible {
            Some(p) => row
                .placements
                .iter()
                .zip(&p[r])
                .filter(|(_, &ok)| ok)
                .map(|(pl, _)| pl)
                .collect(),
            None => row.placements.iter().collect(),
        };
        let mut left_out = Vec::new();
        for c in 0..6 {
            // The printed number each fitting placement puts in column `c` (None: empty).
            let at = |cols: &Vec<usize>| cols.iter().position(|&x| x == c);
            let first = fits.first().map(|(cols, _)| at(cols));
            let agreed = match first {
                Some(first) => fits
                    .iter()
                    .all(|(cols, _)| at(cols).map(|i| nums[i]) == first.map(|i| nums[i])),
                None => false,
            };
            match (agreed, first.flatten()) {
                (true, Some(i)) => {
                    ex.cells
                        .push(value_cell(Table::Applications, spec, c, toks[i], None, &mut ex.diags))
                }
                (true, None) => ex
                    .cells
                    .push(Cell::blank(Table::Applications, spec.key, spec.cols[c], line)),
                (false, _) => left_out.push(spec.cols[c]),
            }
        }
        let last = toks.len() - 1;
        ex.cells.push(match toks[last].kind {
            Kind::Blank => Cell::blank(Table::Applications, spec.key, spec.cols[6], line),
            _ => value_cell(Table::Applications, spec, 6, toks[last], None, &mut ex.diags),
        });
        let raws: Vec<&str> = toks.iter().map(|t| t.raw).collect();
        if !left_out.is_empty() {
            ex.diags.push(Diagnostic::warning(
                Code::AmbiguousRow,
                Some(line),
                format!(
                    "applications: row {} ({}) holds [{}], its 总计 last: {} placements of its applicants' numbers fit the column identities, so column(s) {} were left out",
                    spec.key,
                    spec.label,
                    raws.join(" "),
                    fits.len(),
                    left_out.join(", ")
                ),
            ));
        } else if nums.len() < 6 {
            ex.diags.push(Diagnostic::info(
                Code::MissingValues,
                Some(line),
                format!(
                    "applications: row {} ({}) holds [{}], its 总计 last: {}",
                    spec.key,
                    spec.label,
                    raws.join(" "),
                    if nums.is_empty() {
                        "every applicant's cell empty"
                    } else {
                        "its columns told (by its empty cells' places, or by the column identities), the others empty"
                    }
                ),
            ));
        }
    }
    Some(ex)
}

/// For each row, which of its placements some placement of every row together fits the
/// column identities with: 本年新收 + 上年结转 = 总计 + 结转下年度, and 总计 = the outcome
/// rows' sum, in each of the six applicants' columns. `None` when none does, or the search
/// outgrew its bounds.
///
/// For each placement of the 总计 row, the outcome rows' column sums are followed row by row
/// (none past the 总计's), then back from the 总计's to mark the placements on a way there.
fn columns(rows: &[Row<'_, '_>]) -> Option<Vec<Vec<bool>>> {
    let find = |key: &str| rows.iter().position(|r| r.spec.key == key);
    let (new, over, total, forward) = (
        find("new_received")?,
        find("carried_over")?,
        find("total")?,
        find("carried_forward")?,
    );
    let outcomes: Vec<usize> = (0..rows.len())
        .filter(|&r| ![new, over, total, forward].contains(&r))
        .collect();
    let mut possible: Vec<Vec<bool>> = rows.iter().map(|r| vec![false; r.placements.len()]).collect();
    let mut steps = 0usize;
    let add = |a: &Sums, b: &Sums| -> Sums { std::array::from_fn(|c| a[c] + b[c]) };
    for (t, (_, sums_t)) in rows[total].placements.iter().enumerate() {
        // The requests' rows first: a few placements each.
        let mut requests = Vec::new();
        for (a, (_, n)) in rows[new].placements.iter().enumerate() {
            for (b, (_, o)) in rows[over].placements.iter().enumerate() {
                if rows[forward].placements.is_empty() {
                    steps += 1;
                    if (0..6).all(|c| n[c] + o[c] >= sums_t[c]) {
                        requests.push((a, b, None));
                    }
                }
                for (d, (_, f)) in rows[forward].placements.iter().enumerate() {
                    steps += 1;
                    if add(n, o) == add(sums_t, f) {
                        requests.push((a, b, Some(d)));
                    }
                }
            }
        }
        if requests.is_empty() {
            continue;
        }
        let mut layers: Vec<HashSet<Sums>> = Vec::with_capacity(outcomes.len() + 1);
        layers.push(std::iter::once([0; 6]).collect());
        for &r in &outcomes {
            if rows[r].placements.is_empty() {
                // (A row not found: the sums go on as they were.)
                let same = layers.last()?.clone();
                layers.push(same);
                continue;
            }
            let mut next = HashSet::default();
            for s in layers.last()? {
                for (_, p) in &rows[r].placements {
                    steps += 1;
                    let s2 = add(s, p);
                    if (0..6).all(|c| s2[c] <= sums_t[c]) {
                        next.insert(s2);
                    }
                }
            }
            if next.len() > SPARSE_STATES || steps > SPARSE_STEPS {
                return None;
            }
            layers.push(next);
        }
        // With every outcome row found, the sums must come to the 总计's; else to no more.
        let unknown = outcomes.iter().any(|&r| rows[r].placements.is_empty());
        let ends: HashSet<Sums> = if unknown {
            layers.last()?.clone()
        } else {
            layers.last()?.iter().filter(|s| *s == sums_t).copied().collect()
        };
        if ends.is_empty() {
            continue;
        }
        possible[total][t] = true;
        for (a, b, d) in requests {
            possible[new][a] = true;
            possible[over][b] = true;
            if let Some(d) = d {
                possible[forward][d] = true;
            }
        }
        let mut ahead = ends;
        for (step, &r) in outcomes.iter().enumerate().rev() {
            if rows[r].placements.is_empty() {
                continue;
            }
            let mut back = HashSet::default();
            for s in &layers[step] {
                for (j, (_, p)) in rows[r].placements.iter().enumerate() {
                    steps += 1;
                    if ahead.contains(&add(s, p)) {
                        possible[r][j] = true;
                        back.insert(*s);
                    }
                }
            }
            ahead = back;
        }
        if steps > SPARSE_STEPS {
            return None;
        }
    }
    possible.iter().any(|p| p.contains(&true)).then_some(possible)
}

/// A row's cells that are not empty.
fn printed<'r, 'a>(run: &'r Run<'a>) -> impl Iterator<Item = &'r Token<'a>> {
    run.values.iter().filter(|t| t.kind != Kind::Blank)
}

/// Whether a row prints a zero before its last cell.
fn zero_before_last(run: &Run<'_>) -> bool {
    let n = printed(run).count();
    printed(run)
        .take(n.saturating_sub(1))
        .any(|t| matches!(t.kind, Kind::Value(Value::Number(n)) if n.value == 0.0))
}

/// How a row's numbers read: whether the first is 自然人's, and where its 小计 stands.
#[derive(Clone, Copy)]
struct Shape {
    natural: bool,
    subtotal: Option<usize>,
}

/// How a row's numbers (its 总计 last) read in a table of zeros left empty, with a 小计
/// column at `subtotal` (6: after the organisations; 1: before them) or none: the one way
/// they add up, no applicant's a zero (a 小计 may be one); `None` if none does, or more.
fn shape(nums: &[u64], subtotal: Option<usize>) -> Option<Shape> {
    let (&total, rest) = nums.split_last()?;
    if rest.is_empty() {
        return (total == 0).then_some(Shape {
            natural: false,
            subtotal: None,
        });
    }
    let Some(p) = subtotal else {
        return (!rest.contains(&0) && rest.iter().sum::<u64>() == total).then_some(Shape {
            natural: false,
            subtotal: None,
        });
    };
    let mut fits = Vec::new();
    // Its organisations all empty and their 小计 too: 自然人's number alone.
    if rest.len() == 1 && rest[0] == total && total > 0 {
        fits.push(Shape {
            natural: true,
            subtotal: None,
        });
    }
    let sum = |s: &[u64]| s.iter().sum::<u64>();
    let k = rest.len();
    for natural in [true, false] {
        let n0 = usize::from(natural);
        // The 小计's place among `rest`, and the organisations' numbers beside it.
        let at = if p == 1 { n0 } else { k - 1 };
        if at >= k || (natural && k < 2) {
            continue;
        }
        let orgs: Vec<u64> = (n0..k).filter(|&j| j != at).map(|j| rest[j]).collect();
        let sub = rest[at];
        let nat = if natural { rest[0] } else { 0 };
        if (natural && nat == 0) || orgs.contains(&0) || sum(&orgs) != sub || nat + sub != total {
            continue;
        }
        fits.push(Shape {
            natural,
            subtotal: Some(at),
        });
    }
    match fits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}
