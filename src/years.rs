//! A report's neighbours in years. Some numbers of one year's report carry on into the
//! next's: the 2019 template's 上一年项目数量 is the year before's 上一年项目数量 plus its
//! 本年增/减, its 对外公开总数量 the year before's plus this year's 本年新公开数量; the 2021
//! template's 现行有效件数 the year before's plus 本年制发件数 less 本年废止件数; and every
//! year's 上年结转 the year before's 结转下年度继续办理. Reports do not always keep to these
//! (a count restated, documents that lapse), so they decide nothing on their own; but where
//! a run of digits splits more than one way that fits (`AMBIGUOUS_SPLIT`, the report's text
//! and its copies silent) and the same agency's report of the year before or after is at
//! hand, a split that carries on exactly from it is far likelier than one that does not:
//! `real/002`'s `其他对外管理服务事项107105` is 10|7|105 or 10|710|5, not 1|0|7105, by
//! `real/001`'s 10|0|153. The most plausible of those that carry on is used and the
//! warning says so (it stays a warning). Neighbours are looked for where `twins` looks for
//! copies (a chunk in path order: an agency's reports side by side in its folder), so the
//! output does not depend on the threads.

use rustc_hash::FxHashSet;

use crate::diag::Severity;
use crate::model::{Alternatives, Cell, FileOutcome};
use crate::template::{Table, APPLICANTS};
use crate::twins::{pending, shown, use_split, ByAgency};

/// One number or numbers of a year's report that the next year's report carries on: the
/// earlier report's `earlier` row gives `from`, the later's `later` row gives `to`, and
/// the two are equal where the reports keep to the rule.
struct Link {
    table: Table,
    /// The earlier report's row (`None`: the same row as the later's).
    earlier: Option<&'static str>,
    /// The later report's row (`None`: any row with the columns `from` and `to` read).
    later: Option<&'static str>,
    from: fn(&Row) -> Option<Vec<i64>>,
    to: fn(&Row) -> Option<Vec<i64>>,
    rule: &'static str,
}

/// A row's numbers by column.
struct Row(Vec<(&'static str, Option<f64>)>);

impl Row {
    fn of<'a>(cells: impl Iterator<Item = &'a Cell>) -> Row {
        Row(cells.map(|c| (c.col, c.number())).collect())
    }

    /// The column's number, where it is a whole one.
    fn int(&self, col: &str) -> Option<i64> {
        let v = self.0.iter().find(|(c, _)| *c == col)?.1?;
        (v.fract() == 0.0 && v.abs() < 1e15).then_some(v as i64)
    }

    /// The columns' numbers, where each is a whole one.
    fn ints(&self, cols: &[&str]) -> Option<Vec<i64>> {
        cols.iter().map(|c| self.int(c)).collect()
    }
}

const LINKS: &[Link] = &[
    Link {
        table: Table::ActiveDisclosure,
        earlier: None,
        later: None,
        from: |r| Some(vec![r.int("previous_year")? + r.int("change")?]),
        to: |r| Some(vec![r.int("previous_year")?]),
        rule: "上一年项目数量 = the year before's 上一年项目数量 + 本年增/减",
    },
    Link {
        table: Table::ActiveDisclosure,
        earlier: None,
        later: None,
        from: |r| Some(vec![r.int("total_published")?]),
        to: |r| Some(vec![r.int("total_published")? - r.int("new_published")?]),
        rule: "对外公开总数量 = the year before's + 本年新公开数量",
    },
    Link {
        table: Table::ActiveDisclosure,
        earlier: None,
        later: None,
        from: |r| Some(vec![r.int("in_force")?]),
        to: |r| Some(vec![r.int("in_force")? - r.int("issued")? + r.int("repealed")?]),
        rule: "现行有效件数 = the year before's + 本年制发件数 − 本年废止件数",
    },
    Link {
        table: Table::Applications,
        earlier: Some("carried_forward"),
        later: Some("carried_over"),
        from: |r| r.ints(APPLICANTS),
        to: |r| r.ints(APPLICANTS),
        rule: "上年结转 = the year before's 结转下年度继续办理",
    },
];

/// Resolves the documents' ambiguous rows by the same agency's reports of the years
/// before and after among `outcomes` and `before` (the last documents written, read only).
/// Runs after `twins::resolve`: a row a copy settled is no longer in doubt.
pub fn resolve(outcomes: &mut [FileOutcome], before: &[FileOutcome]) {
    // In path order, each row settled before the next is looked at: where two neighbours'
    // rows are both in doubt, one that carries on from only one split of the other is
    // settled first, and the other then reads it as settled. Again while a pass settles
    // something (a row may wait for one after it in path order).
    if outcomes.iter().all(|o| o.alternatives.is_empty()) {
        return;
    }
    let by_agency = ByAgency::new(before, outcomes);
    for _ in 0..4 {
        let mut settled = false;
        for i in 0..outcomes.len() {
            if outcomes[i].alternatives.is_empty() {
                continue;
            }
            let (Some(year), Some(agency)) = (outcomes[i].year, outcomes[i].agency.clone()) else {
                continue;
            };
            // (Most documents have no neighbour: nothing more to look at.)
            let near = |o: &FileOutcome| o.year.is_some_and(|y| y.abs_diff(year) == 1);
            if !by_agency.others(before, outcomes, i, &agency).any(near) {
                continue;
            }
            for a in 0..outcomes[i].alternatives.len() {
                let alt = &outcomes[i].alternatives[a];
                if !pending(&outcomes[i], alt) {
                    continue;
                }
                let others = || by_agency.others(before, outcomes, i, &agency);
                if let Some((k, note)) = carried_on(alt, year, others) {
                    let mut alts = std::mem::take(&mut outcomes[i].alternatives);
                    alts[a].settled = use_split(&mut outcomes[i], &alts[a], k, &note, Severity::Warning);
                    settled |= alts[a].settled;
                    outcomes[i].alternatives = alts;
                }
            }
        }
        if !settled {
            break;
        }
    }
}

/// The split of `alt` (a row of the report of `year`) that carries on from or into its
/// neighbours among `others` (the same agency's documents), and the note that says so.
/// Each neighbour and rule that some split keeps to narrows the splits to those that keep
/// to it; of those left (they must agree), the most plausible (the first: `alt`'s splits
/// are in the parser's order of plausibility).
fn carried_on<'o, I>(alt: &Alternatives, year: i32, others: impl Fn() -> I) -> Option<(usize, String)>
where
    I: Iterator<Item = &'o FileOutcome>,
{
    // A split's numbers (by their bits, -0 as 0): splits of different cuts may read alike.
    let numbers = |k: usize| -> Vec<Option<u64>> {
        alt.splits[k]
            .iter()
            .map(|c| c.number().map(|v| (v + 0.0).to_bits()))
            .collect()
    };
    let mut left: Vec<bool> = vec![true; alt.splits.len()];
    let mut why: Vec<String> = Vec::new();
    for link in LINKS.iter().filter(|l| l.table == alt.table) {
        // This report the later one, a neighbour of the year before the earlier; then the
        // other way round.
        for (this_later, near) in [(true, year.checked_sub(1)), (false, year.checked_add(1))] {
            let Some(near) = near else {
                continue;
            };
            let (mine, theirs, key_mine, key_theirs) = if this_later {
                (link.later, link.earlier, link.to, link.from)
            } else {
                (link.earlier, link.later, link.from, link.to)
            };
            if mine.is_some_and(|r| r != alt.row) {
                continue;
            }
            let their_row = theirs.unwrap_or(alt.row);
            for n in others().filter(|n| n.year == Some(near)) {
                let (theirs, open) = readings(n, alt.table, their_row);
                let keys: FxHashSet<Vec<i64>> = theirs.iter().filter_map(key_theirs).collect();
                let fits: Vec<bool> = alt
                    .splits
                    .iter()
                    .map(|s| key_mine(&Row::of(s.iter())).is_some_and(|key| keys.contains(&key)))
                    .collect();
                let Some(first) = fits.iter().position(|&f| f) else {
                    continue;
                };
                // A neighbour whose row is in doubt too narrows nothing unless every split
                // that carries on from one of its splits is the same: two rows in doubt
                // may carry on from each other in several pairs, and the pair of the
                // most plausible of one need not be the other's.
                if open && (first..fits.len()).any(|k| fits[k] && numbers(k) != numbers(first)) {
                    continue;
                }
                left.iter_mut().zip(&fits).for_each(|(l, f)| *l &= f);
                let way = if this_later { "from" } else { "into" };
                why.push(format!(
                    "{way} {}, the same agency's {near} report ({})",
                    n.path, link.rule
                ));
            }
        }
    }
    if why.is_empty() {
        return None;
    }
    let kept: Vec<usize> = (0..left.len()).filter(|&k| left[k]).collect();
    let &k = kept.first()?;
    let mut read: Vec<Vec<Option<u64>>> = kept.iter().map(|&j| numbers(j)).collect();
    read.sort_unstable();
    read.dedup();
    let note = if read.len() == 1 {
        format!(
            "of these only {} carries on {}: that split is used",
            shown(&alt.splits[k]),
            why.join(" and ")
        )
    } else {
        let others = read.len() - 1;
        format!(
            "of these {} and {others} more carry on {}: the most plausible of them is used",
            shown(&alt.splits[k]),
            why.join(" and ")
        )
    };
    Some((k, note))
}

/// The ways a neighbour reads a row, and whether the row is in doubt there: each split
/// where it is, else its cells as emitted.
fn readings(n: &FileOutcome, table: Table, row: &str) -> (Vec<Row>, bool) {
    if let Some(alt) = n
        .alternatives
        .iter()
        .find(|a| a.table == table && a.row == row && pending(n, a))
    {
        return (alt.splits.iter().map(|s| Row::of(s.iter())).collect(), true);
    }
    let cells = n.cells.iter().filter(|c| c.table == table && c.row == row);
    (vec![Row::of(cells)], false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Diagnostic};

    const ITEMS: [&str; 3] = ["previous_year", "change", "decisions"];

    fn cells(table: Table, row: &'static str, cols: &[&'static str], values: &[f64]) -> Vec<Cell> {
        Cell::reported_row(table, row, cols, values)
    }

    fn doc(path: &str, agency: &str, year: i32) -> FileOutcome {
        let mut o = FileOutcome::new(path.into(), path.into(), 0);
        o.agency = Some(agency.into());
        o.year = Some(year);
        o
    }

    /// `o`'s row read certain: its cells.
    fn read(mut o: FileOutcome, table: Table, row: &'static str, cols: &[&'static str], values: &[f64]) -> FileOutcome {
        o.cells.extend(cells(table, row, cols, values));
        o
    }

    /// `o`'s row in doubt: the first split's cells, every split, the warning.
    fn in_doubt(
        mut o: FileOutcome,
        table: Table,
        row: &'static str,
        cols: &[&'static str],
        splits: &[&[f64]],
    ) -> FileOutcome {
        o.cells.extend(cells(table, row, cols, splits[0]));
        o.alternatives.push(Alternatives {
            table,
            row,
            splits: splits.iter().map(|s| cells(table, row, cols, s)).collect(),
            settled: false,
        });
        o.diagnostics.push(Diagnostic::warning(
            Code::AmbiguousSplit,
            Some(9),
            format!("{}…] splits as …", crate::parse::run_head(table, row)),
        ));
        o
    }

    fn values(o: &FileOutcome, row: &str) -> Vec<f64> {
        o.cells
            .iter()
            .filter(|c| c.row == row)
            .map(|c| c.value.unwrap())
            .collect()
    }

    const A: Table = Table::ActiveDisclosure;
    const OTHER: &str = "other_management_services";

    /// `real/001` and `002`: `100153` and `107105`, both in doubt. Only 10|0|153 carries
    /// on into any split of 2020's (10 = 10 + 0); 2020's then reads it settled and takes
    /// the most plausible of its two splits that start from 10, 10|7|105 (not 10|710|5).
    /// In either path order; both stay warnings, each naming the other report.
    #[test]
    fn a_row_in_doubt_is_cut_as_it_carries_on_from_the_year_before() {
        let y2019 = || {
            let splits: &[&[f64]] = &[
                &[10.0, 0.0, 153.0],
                &[1001.0, 5.0, 3.0],
                &[100.0, 1.0, 53.0],
                &[100.0, 15.0, 3.0],
            ];
            in_doubt(doc("p/2019.txt", "某某局", 2019), A, OTHER, &ITEMS, splits)
        };
        let y2020 = || {
            let splits: &[&[f64]] = &[
                &[1.0, 0.0, 7105.0],
                &[1071.0, 0.0, 5.0],
                &[10.0, 7.0, 105.0],
                &[107.0, 10.0, 5.0],
                &[10.0, 710.0, 5.0],
            ];
            in_doubt(doc("p/2020.txt", "某某局", 2020), A, OTHER, &ITEMS, splits)
        };
        for mut docs in [vec![y2019(), y2020()], vec![y2020(), y2019()]] {
            resolve(&mut docs, &[]);
            docs.sort_by_key(|o| o.year);
            assert_eq!(values(&docs[0], OTHER), [10.0, 0.0, 153.0]);
            assert_eq!(values(&docs[1], OTHER), [10.0, 7.0, 105.0]);
            for (o, says) in docs
                .iter()
                .zip(["carries on into p/2020.txt", "carry on from p/2019.txt"])
            {
                let d = &o.diagnostics[0];
                assert_eq!(d.severity, Severity::Warning);
                assert!(d.message.contains(says), "{}", d.message);
            }
            assert!(docs[1].diagnostics[0].message.contains("10|7|105 and 1 more"));
        }
    }

    /// A neighbour read certain settles the row; one of another agency, two years away, or
    /// whose numbers no split carries on from, changes nothing.
    #[test]
    fn only_the_same_agencys_next_or_previous_report_counts() {
        let crawled = || {
            let splits: &[&[f64]] = &[&[0.0, 6.0, 284.0], &[0.0, 62.0, 84.0]];
            in_doubt(
                doc("p/2022.txt", "某某局", 2022),
                A,
                "rules",
                &["issued", "repealed", "in_force"],
                splits,
            )
        };
        let before = |path: &str, agency: &str, year: i32, in_force: f64| {
            read(
                doc(path, agency, year),
                A,
                "rules",
                &["issued", "repealed", "in_force"],
                &[3.0, 0.0, in_force],
            )
        };
        // 146 + 0 − 62 = 84.
        let mut docs = vec![before("p/2021.txt", "某某局", 2021, 146.0), crawled()];
        resolve(&mut docs, &[]);
        assert_eq!(values(&docs[1], "rules"), [0.0, 62.0, 84.0]);
        assert!(docs[1].diagnostics[0]
            .message
            .contains("only 0|62|84 carries on from p/2021.txt, the same agency's 2021 report"));
        for other in [
            before("p/2021.txt", "另一局", 2021, 146.0),
            before("p/2020.txt", "某某局", 2020, 146.0),
            before("p/2021.txt", "某某局", 2021, 100.0),
        ] {
            let mut docs = vec![other, crawled()];
            resolve(&mut docs, &[]);
            assert_eq!(values(&docs[1], "rules"), [0.0, 6.0, 284.0]);
            assert!(!docs[1].diagnostics[0].message.contains("carr"));
        }
        // The neighbour among the documents written last.
        let mut docs = vec![crawled()];
        resolve(&mut docs, &[before("p/2021.txt", "某某局", 2021, 146.0)]);
        assert_eq!(values(&docs[0], "rules"), [0.0, 62.0, 84.0]);
    }

    /// Two rows in doubt that carry on from each other in two pairs (311|11|2 → 322|0|0,
    /// 31|1|112 → 32|20|0): neither is settled, the most plausible of one need not be the
    /// other's pair.
    #[test]
    fn rows_in_doubt_that_pair_several_ways_are_left() {
        let lic = "administrative_licensing";
        let a: &[&[f64]] = &[
            &[31.0, 11.0, 12.0],
            &[31.0, 1.0, 112.0],
            &[311.0, 1.0, 12.0],
            &[311.0, 11.0, 2.0],
        ];
        let b: &[&[f64]] = &[&[322.0, 0.0, 0.0], &[32.0, 20.0, 0.0], &[3.0, 2.0, 200.0]];
        let mut docs = vec![
            in_doubt(doc("p/2019.txt", "某某局", 2019), A, lic, &ITEMS, a),
            in_doubt(doc("p/2020.txt", "某某局", 2020), A, lic, &ITEMS, b),
        ];
        resolve(&mut docs, &[]);
        assert_eq!(values(&docs[0], lic), [31.0, 11.0, 12.0]);
        assert_eq!(values(&docs[1], lic), [322.0, 0.0, 0.0]);
        assert!(docs.iter().all(|o| !o.diagnostics[0].message.contains("carr")));
    }

    /// `real/002`'s `7777166`: 77|77|166, not 777|7|166, by 2019's 对外公开总数量 89
    /// (166 = 89 + 77).
    #[test]
    fn the_total_published_carries_on_the_year_befores() {
        let made = ["new_made", "new_published", "total_published"];
        let key = "normative_documents";
        let splits: &[&[f64]] = &[&[777.0, 7.0, 166.0], &[77.0, 77.0, 166.0]];
        let mut docs = vec![
            read(doc("p/2019.txt", "某某局", 2019), A, key, &made, &[89.0, 89.0, 89.0]),
            in_doubt(doc("p/2020.txt", "某某局", 2020), A, key, &made, splits),
        ];
        resolve(&mut docs, &[]);
        assert_eq!(values(&docs[1], key), [77.0, 77.0, 166.0]);
        assert!(docs[1].diagnostics[0]
            .message
            .contains("对外公开总数量 = the year before's + 本年新公开数量"));
    }

    /// 上年结转 carries on the year before's 结转下年度继续办理, every column.
    #[test]
    fn carried_over_requests_are_the_year_befores_carried_forward() {
        let t = Table::Applications;
        let cf: &[f64] = &[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0];
        let splits: &[&[f64]] = &[
            &[10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 10.0],
            &[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
        ];
        let mut docs = vec![
            read(doc("p/2021.txt", "某某局", 2021), t, "carried_forward", APPLICANTS, cf),
            in_doubt(doc("p/2022.txt", "某某局", 2022), t, "carried_over", APPLICANTS, splits),
        ];
        resolve(&mut docs, &[]);
        assert_eq!(values(&docs[1], "carried_over"), cf);
        assert!(docs[1].diagnostics[0]
            .message
            .contains("上年结转 = the year before's 结转下年度继续办理"));
    }
}
