//! A run of values placed in its row's columns: every placement of `n` values into `m`
//! columns (`placements`), scored by the arithmetic identities (`RowScorer`), and the cells
//! the best placements agree on (`agree`, `value_cell`).

use super::*;

/// A placement: for each column, the index of the value placed there (None: a gap).
pub(super) type Placement = Vec<Option<usize>>;

/// Every way to put `n` values into `m` columns in order, with at most two gaps or two
/// dropped values.
pub(super) fn placements(n: usize, m: usize) -> Vec<Placement> {
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
pub(super) fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
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
    /// A column a table left out ([`super::absent::without`]'s rows): 0.
    Zero,
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
    pub(super) fn of(table: Table, template: Template, spec: &RowSpec) -> RowTerms {
        let ids = validate::identities_of_row(template, table, spec.key).to_vec();
        let term = |k: &Key| -> RowTerm {
            if k.0 == table && k.1 == spec.key {
                match spec.cols.iter().position(|x| x == &k.2) {
                    Some(c) => RowTerm::Col(c),
                    None if absent::left_out(table, spec, k.2) => RowTerm::Zero,
                    None => RowTerm::Absent,
                }
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
                RowTerm::Zero => Term::Known(0.0),
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
pub(super) struct RowScorer {
    ids: &'static [&'static validate::Identity],
    /// The identities' terms with the cells of other rows read: see [`RowTerms`].
    terms: Cow<'static, [Term]>,
    sides: &'static [(u32, u32, u32)],
}

#[derive(Clone, Copy)]
pub(super) enum Term {
    Known(f64),
    Col(usize),
    Absent,
}

impl RowScorer {
    pub(super) fn new(table: Table, template: Template, spec: &RowSpec, placed: &[Cell]) -> Self {
        let rt = row_terms(table, template, spec);
        let terms = if rt.reads_others && !placed.is_empty() {
            let known: HashMap<Key, f64> = placed
                .iter()
                .filter_map(|c| c.number().map(|v| ((c.table, c.row, c.col), v)))
                .collect();
            let terms = rt.terms.iter().map(|t| match *t {
                RowTerm::Col(c) => Term::Col(c),
                RowTerm::Other(k) => known.get(&k).map_or(Term::Absent, |&v| Term::Known(v)),
                RowTerm::Zero => Term::Known(0.0),
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
    pub(super) fn pairs(&self) -> impl Iterator<Item = (&[Term], &[Term])> {
        self.sides
            .iter()
            .map(|&(a, b, c)| (&self.terms[a as usize..b as usize], &self.terms[b as usize..c as usize]))
    }

    /// Whether the one identity that can be scored is "the last of the `m` columns is the
    /// sum of the others" (a row of the applications table: 总计 = the six applicants).
    pub(super) fn sums_to_last(&self, m: usize) -> bool {
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

    pub(super) fn score(&self, cand: &[Option<Cell>]) -> i32 {
        self.score_by(|c| cand[c].as_ref().and_then(Cell::number))
    }

    /// `score` of a row given as its columns' numbers.
    pub(super) fn score_nums(&self, nums: &[Option<f64>]) -> i32 {
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
pub(super) fn place(
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
pub(super) fn agree(best: &[&Candidate], m: usize) -> Vec<Option<Cell>> {
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
pub(super) fn value_cell(
    table: Table,
    spec: &RowSpec,
    col: usize,
    tok: &Token<'_>,
    header_unit: Option<Unit>,
    diags: &mut Vec<Diagnostic>,
) -> Cell {
    if tok.kind == Kind::Blank {
        return Cell::blank(table, spec.key, spec.cols[col], tok.line);
    }
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
