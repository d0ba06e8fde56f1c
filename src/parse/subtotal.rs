//! A 法人或其他组织小计 column, which the templates do not have but many reports print: where
//! the header puts it, whether a row's numbers hold it (the identities of its columns), and
//! taking it out of the rows.

use super::*;

/// Where the table's header puts a 法人或其他组织小计 column among the eight value columns:
/// after the five organisation columns (6), or before them (1). None when no header names
/// a 小计. A 小计 after a group's label is that group's row of sums (`（三）不予公开小计`, or
/// its cells `（三）不予公开` / `小计`), and one that opens a label after a row's values or
/// its label numbered by a digit is a row's (a group's sums after its rows), not a column.
pub(super) fn subtotal_position(tokens: &[Token<'_>]) -> Option<usize> {
    let mut seen_org = false;
    let mut before = Cow::Borrowed("");
    let mut after_values = false;
    for t in tokens {
        if t.kind != Kind::Text {
            // (An empty cell, a trailing tab, says nothing of where the line stands.)
            after_values |= t.kind != Kind::Blank;
            continue;
        }
        // Through white space: a header's words may be spaced out (`小 计`, `商 业 企 业`).
        let text = if t.raw.contains(char::is_whitespace) {
            Cow::Owned(labels::normalize(t.raw))
        } else {
            Cow::Borrowed(t.raw)
        };
        // (Or the word broken over two lines of its cell, `小` / `计`: a table of bars or
        // box-drawing lines, each line's piece of a cell a cell of its own.)
        let broken = text.len() <= 8 && text.trim() == "小";
        let at = text.find("小计").or(broken.then_some(0));
        let group = |at: usize| {
            let opens = text[..at].trim().is_empty();
            let head = if opens { &before[..] } else { &text[..at] };
            let head = head.trim_end_matches(|c: char| c.is_whitespace() || "：:、，,".contains(c));
            // (A group's row's label before it, its values printed empty: `5.要求…确认…` /
            // `小计`.)
            let numbered = before.starts_with(|c: char| numbers::halfwidth(c).is_ascii_digit());
            (opens && (after_values || numbered)) || GROUPS.iter().any(|(w, _)| head.ends_with(w))
        };
        if let Some(at) = at.filter(|&at| !group(at)) {
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
        before = text;
        after_values = false;
    }
    None
}

/// The five organisation columns' places among a row's eight numbers beside a 小计 at `p`
/// (1, before them, or 6, after them).
pub(super) fn subtotal_orgs(p: usize) -> std::ops::Range<usize> {
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
/// the others are left to be cut without it (the identities flag what fails). A row no cut
/// makes add up is cut with empty cells at its spaces too (`spaced_blanks`); the rows so
/// cut are returned, their empty cells in their places.
/// A row's cut that adds up with its 小计: its numbers without the 小计, and the tokens.
type Cut<'a> = (Vec<f64>, Vec<Token<'a>>);

/// Most cuts of a row [`cut_with_subtotal`] keeps: a row with more is cut no way "alone".
const MAX_CUTS: usize = 64;

pub(super) fn cut_with_subtotal(
    specs: &[RowSpec],
    hits: &mut [(usize, Run<'_>)],
    p: usize,
    lines: &[Line<'_>],
) -> Vec<usize> {
    // The combinations of the undecided rows' cuts tried together.
    const MAX_JOINT: usize = 4096;
    let mut cuts: Vec<Vec<Cut<'_>>> = Vec::with_capacity(hits.len());
    // Whether each row's cuts put empty cells at its spaces (`spaced_blanks`).
    let mut spaced = vec![false; hits.len()];
    for (k, (i, run)) in hits.iter().enumerate() {
        let mut found: Vec<Cut<'_>> = Vec::new();
        let glued = run.values.iter().any(|t| t.kind == Kind::Run);
        if glued {
            let m = specs[*i].cols.len() + 1;
            let mut fit = 0;
            // Each cut of `values` that adds up, into `found` (counted in `fit`); whether
            // every cut was tried.
            fn cut<'a>(values: &[Token<'a>], m: usize, p: usize, fit: &mut usize, found: &mut Vec<Cut<'a>>) -> bool {
                splits(values, m, |split, _| {
                    let Some(v) = split.iter().map(summand).collect::<Option<Vec<f64>>>() else {
                        return;
                    };
                    if numbers_add_up(&v, Some(p)) {
                        *fit += 1;
                        if found.len() < MAX_CUTS {
                            let mut own = v;
                            own.remove(p);
                            found.push((own, split.to_vec()));
                        }
                    }
                })
            }
            let mut all = cut(&run.values, m, p, &mut fit, &mut found);
            // Where no cut adds up, a crawler's spaces may stand for empty cells.
            if all && found.is_empty() {
                for variant in spaced_blanks(&run.values, m, lines) {
                    all &= cut(&variant, m, p, &mut fit, &mut found);
                }
                spaced[k] = !found.is_empty();
            }
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
    let mut placed = Vec::new();
    for (k, (i, run)) in hits.iter_mut().enumerate() {
        if let Some(c) = chosen[k] {
            run.values = std::mem::take(&mut cuts[k][c].1);
            if spaced[k] {
                placed.push(*i);
            }
        }
    }
    placed
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
pub(super) fn subtotal_by_rows(hits: &[(usize, Run<'_>)], specs: &[RowSpec]) -> Option<usize> {
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
pub(super) fn drop_subtotal(
    spec: &RowSpec,
    run: &mut Run<'_>,
    header: Option<usize>,
    rows: Option<usize>,
    ex: &mut Extracted,
) {
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
pub(super) fn short_subtotal(spec: &RowSpec, run: &mut Run<'_>, p: usize, ex: &mut Extracted) {
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
