//! Copies of one report in a dump: a portal's page and its crawler's text of it (`real/007`
//! and `018`), a mirror. Where one copy's run of digits splits more than one way that fits
//! (`AMBIGUOUS_SPLIT`, the report's text silent) and another copy of the same agency and
//! year reads that row as exactly one of those splits, that split is used and said (the
//! warning becomes information): the digits are the printed ones, the other copy's cells
//! tell where they part. Copies are looked for among the documents of one chunk (in path
//! order: a report's files side by side in its folder), with the previous chunk's last few
//! held back to be settled with it and the few written before them to read, so the output
//! does not depend on the threads.

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::diag::{Code, Severity};
use crate::model::{Alternatives, Cell, CellStatus, FileOutcome};
use crate::validate;

/// How many documents of a chunk's end are held back to be settled with the next chunk,
/// and how many written are kept to read (a report's copies side by side that the chunks'
/// border parts).
pub const LOOK_BACK: usize = 8;

/// The documents of `before` and then `outcomes` (one chain, `before` first) by the hash
/// of their agency, in that order: where the ambiguous rows' copies and neighbours are
/// looked for (most documents have none).
pub(crate) struct ByAgency(FxHashMap<u64, Vec<usize>>);

impl ByAgency {
    pub(crate) fn new(before: &[FileOutcome], outcomes: &[FileOutcome]) -> ByAgency {
        let mut map: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (j, o) in before.iter().chain(outcomes).enumerate() {
            if let Some(agency) = o.agency.as_deref() {
                map.entry(FxBuildHasher.hash_one(agency)).or_default().push(j);
            }
        }
        ByAgency(map)
    }

    /// The documents of `agency` but `outcomes[i]`, in path order.
    pub(crate) fn others<'o>(
        &'o self,
        before: &'o [FileOutcome],
        outcomes: &'o [FileOutcome],
        i: usize,
        agency: &'o str,
    ) -> impl Iterator<Item = &'o FileOutcome> + Clone + 'o {
        let found = self.0.get(&FxBuildHasher.hash_one(agency)).map_or(&[][..], |v| &v[..]);
        let me = before.len() + i;
        found
            .iter()
            .filter(move |&&j| j != me)
            .map(move |&j| {
                if j < before.len() {
                    &before[j]
                } else {
                    &outcomes[j - before.len()]
                }
            })
            .filter(move |o| o.agency.as_deref() == Some(agency))
    }
}

/// Resolves the documents' ambiguous rows by their copies among `outcomes` and `before`
/// (the last documents written, read only).
pub fn resolve(outcomes: &mut [FileOutcome], before: &[FileOutcome]) {
    if outcomes.iter().all(|o| o.alternatives.is_empty()) {
        return;
    }
    let by_agency = ByAgency::new(before, outcomes);
    for i in 0..outcomes.len() {
        if outcomes[i].alternatives.is_empty() {
            continue;
        }
        let (Some(year), Some(agency)) = (outcomes[i].year, outcomes[i].agency.clone()) else {
            continue;
        };
        let alternatives = std::mem::take(&mut outcomes[i].alternatives);
        // (A row settled before, a document held back from the chunk before, stays so.)
        for alt in &alternatives {
            if !pending(&outcomes[i], alt) {
                continue;
            }
            let others = by_agency.others(before, outcomes, i, &agency);
            if let Some((k, copy)) = split_of_copy(others, &agency, year, alt) {
                let split = shown(&alt.splits[k]);
                let note = format!("{copy}, a copy of the same report, reads the row as {split}: that split is used");
                use_split(&mut outcomes[i], alt, k, &note, Severity::Info);
            }
        }
        outcomes[i].alternatives = alternatives;
    }
}

/// The split of `alt` another copy of the report (`agency`, `year`) among `others` reads
/// its row as, and that copy's path: the first copy that reads the row as one split alone,
/// not itself in doubt.
fn split_of_copy<'o>(
    others: impl Iterator<Item = &'o FileOutcome>,
    agency: &str,
    year: i32,
    alt: &Alternatives,
) -> Option<(usize, String)> {
    others
        .filter(|o| o.year == Some(year) && o.agency.as_deref() == Some(agency))
        .filter(|o| !o.alternatives.iter().any(|a| a.table == alt.table && a.row == alt.row))
        .find_map(|o| {
            let row: Vec<&Cell> = o
                .cells
                .iter()
                .filter(|c| c.table == alt.table && c.row == alt.row)
                .collect();
            let reads = |split: &Vec<Cell>| {
                !row.is_empty() && split.iter().all(|c| row.iter().any(|r| r.col == c.col && same(r, c)))
            };
            let mut fits = alt.splits.iter().enumerate().filter(|(_, s)| reads(s));
            match (fits.next(), fits.next()) {
                (Some((k, _)), None) => Some((k, o.path.clone())),
                _ => None,
            }
        })
}

/// Whether a copy's cell `a` reads as the split's cell `b`: the same number (in 万元 for
/// money), or both printed empty.
fn same(a: &Cell, b: &Cell) -> bool {
    match (a.number(), b.number()) {
        (Some(x), Some(y)) => validate::close(x, y),
        (None, None) => a.status == CellStatus::Blank && b.status == CellStatus::Blank,
        _ => false,
    }
}

/// A split's cells as a warning shows them: `0|6|284`, a cell printed empty `·`.
pub(crate) fn shown(split: &[Cell]) -> String {
    let cells: Vec<&str> = split
        .iter()
        .map(|c| if c.raw.is_empty() { "·" } else { c.raw.as_str() })
        .collect();
    cells.join("|")
}

/// Whether `alt`'s row is still open in `o`: its `AMBIGUOUS_SPLIT` warning stands and no
/// neighbour in years chose its split.
pub(crate) fn pending(o: &FileOutcome, alt: &Alternatives) -> bool {
    if alt.settled {
        return false;
    }
    let head = crate::parse::run_head(alt.table, alt.row);
    o.diagnostics
        .iter()
        .any(|d| d.code == Code::AmbiguousSplit && d.severity == Severity::Warning && d.message.starts_with(&head))
}

/// Puts split `k` of `alt` in `o`'s row and says why in its `AMBIGUOUS_SPLIT` warning
/// (`note`), which takes `severity`; whether it was. Not where another cell of the table
/// was inferred from the identities with the split used (it would be left standing on the
/// other one).
pub(crate) fn use_split(o: &mut FileOutcome, alt: &Alternatives, k: usize, note: &str, severity: Severity) -> bool {
    if k != 0
        && o.cells
            .iter()
            .any(|c| c.table == alt.table && c.status == CellStatus::Inferred)
    {
        return false;
    }
    // (The split used first is the row's cells as emitted: their lines and raws since put
    // in the source's terms. Another's cells stand on the same line.)
    if k != 0 {
        for c in &alt.splits[k] {
            if let Some(slot) = o
                .cells
                .iter_mut()
                .find(|x| x.table == c.table && x.row == c.row && x.col == c.col)
            {
                slot.value = c.value;
                slot.status = c.status;
                slot.raw = c.raw.clone();
            }
        }
    }
    let head = crate::parse::run_head(alt.table, alt.row);
    if let Some(d) = o
        .diagnostics
        .iter_mut()
        .find(|d| d.code == Code::AmbiguousSplit && d.severity == Severity::Warning && d.message.starts_with(&head))
    {
        d.severity = severity;
        d.message = format!("{}; {note}", d.message);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use crate::template::Table;

    fn rules(values: [f64; 3]) -> Vec<Cell> {
        Cell::reported_row(
            Table::ActiveDisclosure,
            "rules",
            &["issued", "repealed", "in_force"],
            &values,
        )
    }

    fn doc(path: &str, year: i32, cells: Vec<Cell>) -> FileOutcome {
        let mut o = FileOutcome::new(path.into(), path.into(), 0);
        o.agency = Some("某某局".into());
        o.year = Some(year);
        o.cells = cells;
        o
    }

    /// A crawler's text whose `06284` splits two ways, beside the page it was taken from:
    /// the page's split is used and said; a copy of another year, or one that reads the
    /// row as neither split, changes nothing.
    #[test]
    fn a_copy_of_the_report_tells_how_a_run_splits() {
        let crawled = || {
            let mut o = doc("r/page.txt", 2022, rules([0.0, 62.0, 84.0]));
            o.alternatives.push(Alternatives {
                table: Table::ActiveDisclosure,
                row: "rules",
                splits: vec![rules([0.0, 62.0, 84.0]), rules([0.0, 6.0, 284.0])],
                settled: false,
            });
            o.diagnostics.push(Diagnostic::warning(
                Code::AmbiguousSplit,
                Some(9),
                "active_disclosure: rules: the run [06284] splits as 0|62|84 or 0|6|284; the identities cannot decide, the most plausible split was used",
            ));
            o
        };
        let mut docs = vec![doc("r/page.html", 2022, rules([0.0, 6.0, 284.0])), crawled()];
        resolve(&mut docs, &[]);
        let values: Vec<Option<f64>> = docs[1].cells.iter().map(|c| c.value).collect();
        assert_eq!(values, [Some(0.0), Some(6.0), Some(284.0)]);
        assert!(docs[1].cells.iter().all(|c| c.line == 9));
        let d = &docs[1].diagnostics[0];
        assert_eq!(d.severity, Severity::Info);
        assert!(
            d.message
                .contains("r/page.html, a copy of the same report, reads the row as 0|6|284"),
            "{}",
            d.message
        );
        for other in [
            doc("r/page.html", 2021, rules([0.0, 6.0, 284.0])),
            doc("r/page.html", 2022, rules([0.0, 6.0, 28.0])),
        ] {
            let mut docs = vec![other, crawled()];
            resolve(&mut docs, &[]);
            let values: Vec<Option<f64>> = docs[1].cells.iter().map(|c| c.value).collect();
            assert_eq!(values, [Some(0.0), Some(62.0), Some(84.0)]);
            assert_eq!(docs[1].diagnostics[0].severity, Severity::Warning);
        }
    }
}
