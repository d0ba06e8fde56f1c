//! Cells → identity checks (勾稽关系) and inferred cells. The identities of DATASET.md are
//! written once, as linear equations over cell keys; the same equations check a table,
//! infer a missing cell, and score candidate placements of a row's values in `parse`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::addr::AddrCache;
use crate::diag::{Code, Diagnostic};
use crate::model::{Cell, CellStatus};
use crate::template::{self, Table, Template, APPLICANTS, PROCEEDINGS, RESULTS};

/// A cell address.
pub type Key = (Table, &'static str, &'static str);

/// `sum(lhs) == sum(rhs)`.
#[derive(Debug)]
pub struct Identity {
    pub lhs: Vec<Key>,
    pub rhs: Vec<Key>,
    /// What is checked, for messages: `applications: column natural_person: 本年新收 + 上年结转 = 总计 + 结转下年度`.
    pub what: String,
}

impl Identity {
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.lhs.iter().chain(&self.rhs)
    }
}

/// Sides of an identity evaluated with `get`; None when a cell has no number.
pub fn sides(id: &Identity, get: &impl Fn(&Key) -> Option<f64>) -> Option<(f64, f64)> {
    let mut l = 0.0;
    for k in &id.lhs {
        l += get(k)?;
    }
    let mut r = 0.0;
    for k in &id.rhs {
        r += get(k)?;
    }
    Some((l, r))
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// The identities of a template, built once.
pub fn identities(template: Template) -> &'static [Identity] {
    static T2019: OnceLock<Vec<Identity>> = OnceLock::new();
    static T2021: OnceLock<Vec<Identity>> = OnceLock::new();
    let cell = match template {
        Template::T2019 => &T2019,
        Template::T2021 => &T2021,
    };
    cell.get_or_init(|| build(template))
}

/// The identities of a template that read a cell of `row` of `table`, in the order of
/// [`identities`]: those `id.keys().any(|k| k.0 == table && k.1 == row)` keeps, found
/// once per template rather than by reading every key of every identity.
pub fn identities_of_row(template: Template, table: Table, row: &'static str) -> &'static [&'static Identity] {
    compiled(template).by_row.get(&(table, row)).map_or(&[], Vec::as_slice)
}

/// A template's identities' [`Slots`] and their index by row, built once.
struct Compiled {
    slots: Slots,
    /// (table, row) → the identities reading a cell of that row, in order.
    by_row: HashMap<(Table, &'static str), Vec<&'static Identity>>,
}

fn compiled(template: Template) -> &'static Compiled {
    static T2019: OnceLock<Compiled> = OnceLock::new();
    static T2021: OnceLock<Compiled> = OnceLock::new();
    let cell = match template {
        Template::T2019 => &T2019,
        Template::T2021 => &T2021,
    };
    cell.get_or_init(|| {
        let ids = identities(template);
        let mut by_row: HashMap<(Table, &'static str), Vec<&'static Identity>> = HashMap::default();
        for id in ids {
            let mut rows: Vec<(Table, &'static str)> = id.keys().map(|k| (k.0, k.1)).collect();
            rows.sort_unstable();
            rows.dedup();
            for r in rows {
                by_row.entry(r).or_default().push(id);
            }
        }
        Compiled {
            slots: Slots::of(ids),
            by_row,
        }
    })
}

fn build(template: Template) -> Vec<Identity> {
    let a = Table::Applications;
    let rows = template::rows(a, template);
    let outcome_rows: Vec<&'static str> = rows
        .iter()
        .map(|r| r.key)
        .filter(|k| !template::STAGES.contains(k) && *k != "total")
        .collect();
    let mut out = Vec::new();
    for &c in APPLICANTS {
        out.push(Identity {
            lhs: vec![(a, "new_received", c), (a, "carried_over", c)],
            rhs: vec![(a, "total", c), (a, "carried_forward", c)],
            what: format!("applications column {c}: 本年新收 + 上年结转 = 总计 + 结转下年度"),
        });
        out.push(Identity {
            lhs: vec![(a, "total", c)],
            rhs: outcome_rows.iter().map(|r| (a, *r, c)).collect(),
            what: format!("applications column {c}: 总计 = sum of the outcome rows"),
        });
    }
    for r in rows {
        out.push(Identity {
            lhs: vec![(a, r.key, "total")],
            rhs: APPLICANTS[..6].iter().map(|c| (a, r.key, *c)).collect(),
            what: format!(
                "applications row {}: 总计 = 自然人 + the five organisation columns",
                r.key
            ),
        });
    }
    let t = Table::ReviewLitigation;
    for &p in PROCEEDINGS {
        out.push(Identity {
            lhs: vec![(t, p, "total")],
            rhs: RESULTS[..4].iter().map(|r| (t, p, *r)).collect(),
            what: format!("review_litigation {p}: 总计 = 维持 + 纠正 + 其他 + 尚未审结"),
        });
    }
    out
}

/// A template's identities over numbered cells: each key an identity reads gets a slot, so
/// a document's cells are looked up once each, not once for every identity that reads them.
struct Slots {
    /// Slot → key.
    keys: Vec<Key>,
    slot: HashMap<Key, u16>,
    /// Each identity of [`identities`] (same order) as the slots of its two sides.
    ids: Vec<(Vec<u16>, Vec<u16>)>,
}

impl Slots {
    fn of(identities: &[Identity]) -> Slots {
        let mut s = Slots {
            keys: Vec::new(),
            slot: HashMap::default(),
            ids: Vec::new(),
        };
        let side = |keys: &[Key], s: &mut Slots| -> Vec<u16> {
            keys.iter()
                .map(|k| {
                    *s.slot.entry(*k).or_insert_with(|| {
                        s.keys.push(*k);
                        (s.keys.len() - 1) as u16
                    })
                })
                .collect()
        };
        for id in identities {
            let l = side(&id.lhs, &mut s);
            let r = side(&id.rhs, &mut s);
            s.ids.push((l, r));
        }
        s
    }
}

/// No cell in this slot.
const NONE: u32 = u32::MAX;

/// The document's cell in each slot of the template's [`Slots`] (the last one of a key, as
/// a map built from the cells would hold), `NONE` where there is none.
fn place(template: Template, cells: &[Cell]) -> Vec<u32> {
    // A cell's key by the addresses and lengths of its row and column names (static text,
    // the same few for every document) → its slot, or `NO_SLOT`: most lookups then
    // compare a few words instead of hashing two strings. Per thread.
    thread_local! {
        static BY_ADDR: std::cell::RefCell<AddrCache<u16>> = Default::default();
    }
    const NO_SLOT: u16 = u16::MAX;
    let s = &compiled(template).slots;
    let mut at = vec![NONE; s.keys.len()];
    BY_ADDR.with_borrow_mut(|by_addr| {
        for (i, c) in cells.iter().enumerate() {
            let tag = (template as u8) << 4 | c.table as u8;
            let k = by_addr.get_or(tag, c.row, c.col, || {
                s.slot.get(&(c.table, c.row, c.col)).copied().unwrap_or(NO_SLOT)
            });
            if k != NO_SLOT {
                at[k as usize] = i as u32;
            }
        }
    });
    at
}

/// Sides of an identity (as slots) evaluated with `get`; None when a cell has no number.
fn slot_sides(l: &[u16], r: &[u16], get: impl Fn(u16) -> Option<f64>) -> Option<(f64, f64)> {
    let mut a = 0.0;
    for &k in l {
        a += get(k)?;
    }
    let mut b = 0.0;
    for &k in r {
        b += get(k)?;
    }
    Some((a, b))
}

/// Where each of a template's cells is among a document's cells, for [`check_placed`]:
/// valid while those cells are not changed or moved.
pub struct Placement(Vec<u32>);

/// Adds inferred cells where exactly one cell of an identity is absent and the others
/// carry numbers; the derived value must be a whole number ≥ 0. Where several are absent,
/// all on one side, and the others make their sum 0, each is 0 ([`zero_sum`]). `line_of`
/// gives the line to record for an inferred cell. Returns where each cell now is.
pub fn infer(
    cells: &mut Vec<Cell>,
    template: Template,
    line_of: impl Fn(&Key) -> u32,
    diags: &mut Vec<Diagnostic>,
) -> Placement {
    let ids = identities(template);
    let s = &compiled(template).slots;
    let mut at = place(template, cells);
    loop {
        let mut added = false;
        for (id, (l, r)) in ids.iter().zip(&s.ids) {
            let mut absent = l.iter().chain(r).filter(|&&k| at[k as usize] == NONE);
            // The cells to add, their value, and what the diagnostic adds to the identity.
            let (slots, value, why) = match (absent.next(), absent.next()) {
                (Some(&slot), None) => {
                    let get = |k: u16| {
                        if k == slot {
                            Some(0.0)
                        } else {
                            match at[k as usize] {
                                NONE => None,
                                i => cells[i as usize].number(),
                            }
                        }
                    };
                    let Some((lv, rv)) = slot_sides(l, r, get) else {
                        continue;
                    };
                    let v = if l.contains(&slot) { rv - lv } else { lv - rv };
                    if v < -1e-9 || !close(v, v.round()) {
                        continue;
                    }
                    (vec![slot], v.round(), "")
                }
                // All present (most identities of most documents): nothing to infer.
                (None, _) => continue,
                (Some(_), Some(_)) => match zero_sum(l, r, &at, cells) {
                    Some(zeros) => (
                        zeros,
                        0.0,
                        " for it and the other cells missing beside it (counts are not negative)",
                    ),
                    None => continue,
                },
            };
            for slot in slots {
                let key = s.keys[slot as usize];
                let line = line_of(&key);
                // A warning: the text may have dropped a cell printed empty (a 总计 left
                // blank, as text that keeps no empty cells holds it), which no identity tells.
                diags.push(Diagnostic::warning(
                    Code::InferredCell,
                    Some(line),
                    format!(
                        "{}: row {} column {} is missing; {} gives {}{why} (unless the cell was printed empty)",
                        key.0.as_str(),
                        key.1,
                        key.2,
                        id.what,
                        value
                    ),
                ));
                cells.push(Cell {
                    table: key.0,
                    row: key.1,
                    col: key.2,
                    value: Some(value),
                    status: CellStatus::Inferred,
                    raw: Default::default(),
                    line,
                });
                at[slot as usize] = (cells.len() - 1) as u32;
            }
            added = true;
            break;
        }
        if !added {
            return Placement(at);
        }
    }
}

/// The absent cells of an identity when there are several, all on one side, and the
/// cells present make their sum 0: every count in the identities is a whole number ≥ 0, so
/// each of them is 0 (two rows of an all-zero table printed with a cell short, `0 0 0 0 0
/// 0` for seven columns). None otherwise.
fn zero_sum(l: &[u16], r: &[u16], at: &[u32], cells: &[Cell]) -> Option<Vec<u16>> {
    let absent = |side: &[u16]| {
        side.iter()
            .copied()
            .filter(|&k| at[k as usize] == NONE)
            .collect::<Vec<u16>>()
    };
    let (al, ar) = (absent(l), absent(r));
    let zeros = match (al.len(), ar.len()) {
        (0, n) if n >= 2 => ar,
        (n, 0) if n >= 2 => al,
        _ => return None,
    };
    let get = |k: u16| match at[k as usize] {
        NONE => Some(0.0),
        i => cells[i as usize].number(),
    };
    let (lv, rv) = slot_sides(l, r, get)?;
    close(lv, rv).then_some(zeros)
}

/// Checks every identity that can be evaluated; a failure is a warning naming both sides.
/// Returns whether all checked identities hold (None when none could be checked).
pub fn check(cells: &[Cell], template: Template, diags: &mut Vec<Diagnostic>) -> Option<bool> {
    check_placed(cells, template, Placement(place(template, cells)), diags)
}

/// [`check`] with the cells' placement known (what [`infer`] returned, the cells
/// unchanged since).
pub fn check_placed(
    cells: &[Cell],
    template: Template,
    placement: Placement,
    diags: &mut Vec<Diagnostic>,
) -> Option<bool> {
    let s = &compiled(template).slots;
    let at = placement.0;
    let cell = |k: u16| match at[k as usize] {
        NONE => None,
        i => Some(&cells[i as usize]),
    };
    let blank = |k: u16| cell(k).is_some_and(|c| c.status == CellStatus::Blank);
    // An empty cell adds nothing to a sum; but an identity with an empty cell that does not
    // hold may say only that the cell was left empty (blank 总计 cells), so it is not a
    // failure, where the side it stands on falls short (the empty cell could hold what is
    // missing). Where only the other side has one, no count left out makes it hold.
    let get = |k: u16| {
        if blank(k) {
            Some(0.0)
        } else {
            cell(k).and_then(Cell::number)
        }
    };
    let mut checked = false;
    let mut ok = true;
    for (id, (l, r)) in identities(template).iter().zip(&s.ids) {
        let Some((lv, rv)) = slot_sides(l, r, get) else {
            continue;
        };
        if !close(lv, rv) && (if lv < rv { l } else { r }).iter().any(|&k| blank(k)) {
            continue;
        }
        checked = true;
        if !close(lv, rv) {
            ok = false;
            let line = l.iter().chain(r).filter_map(|&k| cell(k).map(|c| c.line)).min();
            diags.push(Diagnostic::warning(
                Code::IdentityFailed,
                line,
                format!("{} does not hold: {} ≠ {}", id.what, fmt(lv), fmt(rv)),
            ));
        }
    }
    checked.then_some(ok)
}

/// The line of the applications table where its rows print numbers other than 0 but no row
/// prints its 总计 (the column empty in every row): no row's sum can then be checked, and a
/// column added or left out would shift the others unseen (a word processor's spare column
/// after a table that left one out reads as seven columns whose 总计 are all empty). None
/// where some row prints a 总计, or no row a number other than 0.
pub fn totals_unprinted(cells: &[Cell]) -> Option<u32> {
    let mut line = None;
    for c in cells.iter().filter(|c| c.table == Table::Applications) {
        let n = c.number();
        if c.col == "total" {
            if n.is_some() {
                return None;
            }
        } else if n.is_some_and(|v| v != 0.0) {
            line = Some(line.map_or(c.line, |l: u32| l.min(c.line)));
        }
    }
    line
}

fn fmt(v: f64) -> String {
    if close(v, v.round()) {
        format!("{}", v.round())
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index by row keeps exactly the identities a scan of every key keeps, in order.
    #[test]
    fn identities_of_row_are_those_reading_the_row() {
        for template in [Template::T2019, Template::T2021] {
            for table in [Table::ActiveDisclosure, Table::Applications, Table::ReviewLitigation] {
                let mut rows: Vec<&str> = template::rows(table, template).iter().map(|r| r.key).collect();
                rows.push("no such row");
                for row in rows {
                    let want: Vec<*const Identity> = identities(template)
                        .iter()
                        .filter(|id| id.keys().any(|k| k.0 == table && k.1 == row))
                        .map(std::ptr::from_ref)
                        .collect();
                    let got: Vec<*const Identity> = identities_of_row(template, table, row)
                        .iter()
                        .map(|id| std::ptr::from_ref(*id))
                        .collect();
                    assert_eq!(got, want, "{template:?} {table:?} {row}");
                }
            }
            let some = template::rows(Table::Applications, template)[0].key;
            assert!(!identities_of_row(template, Table::Applications, some).is_empty());
        }
    }

    /// An applications table whose rows print numbers but no 总计 is said (its rows' sums
    /// unchecked); one row's 总计 printed, or only zeros printed, is not.
    #[test]
    fn a_table_that_prints_no_total_is_said() {
        let cell = |row: &'static str, col: &'static str, v: Option<f64>, line: u32| match v {
            Some(v) => Cell {
                table: Table::Applications,
                row,
                col,
                value: Some(v),
                status: CellStatus::Reported,
                raw: Default::default(),
                line,
            },
            None => Cell::blank(Table::Applications, row, col, line),
        };
        let table = |rows: &[(&'static str, [Option<f64>; 7], u32)]| -> Vec<Cell> {
            rows.iter()
                .flat_map(|&(row, vals, line)| {
                    template::APPLICANTS
                        .iter()
                        .zip(vals)
                        .map(move |(&col, v)| cell(row, col, v, line))
                })
                .collect()
        };
        let (z, n) = (Some(0.0), None);
        let shifted = [
            (
                "new_received",
                [Some(9.0), Some(1.0), Some(2.0), z, Some(1.0), Some(13.0), n],
                7,
            ),
            ("granted", [Some(4.0), Some(1.0), z, z, Some(1.0), Some(6.0), n], 9),
        ];
        assert_eq!(totals_unprinted(&table(&shifted)), Some(7));
        let mut one = shifted;
        one[1].1[6] = Some(6.0);
        assert_eq!(totals_unprinted(&table(&one)), None);
        let zeros = [("new_received", [z, z, z, z, z, z, n], 7)];
        assert_eq!(totals_unprinted(&table(&zeros)), None);
        assert_eq!(totals_unprinted(&[]), None);
    }

    /// A row with an empty cell that does not add up: a 总计 left empty is no failure (the
    /// cell could hold the applicants' sum), but an applicant's empty cell beside a 总计
    /// smaller than the others' sum is (no count left out makes it hold): a row read into
    /// the wrong columns (`18 2 1 1 ‹empty› 4 22`, its 小计 taken for 其他) is flagged.
    #[test]
    fn an_empty_cell_excuses_only_the_side_it_could_make_up() {
        let row = |vals: [Option<f64>; 7]| -> Vec<Cell> {
            template::APPLICANTS
                .iter()
                .zip(vals)
                .map(|(&col, v)| match v {
                    Some(v) => Cell {
                        table: Table::Applications,
                        row: "granted",
                        col,
                        value: Some(v),
                        status: CellStatus::Reported,
                        raw: Default::default(),
                        line: 1,
                    },
                    None => Cell::blank(Table::Applications, "granted", col, 1),
                })
                .collect()
        };
        let failed = |cells: Vec<Cell>| {
            let mut diags = Vec::new();
            check(&cells, Template::T2021, &mut diags);
            diags.iter().any(|d| d.code == Code::IdentityFailed)
        };
        let (one, two, four) = (Some(1.0), Some(2.0), Some(4.0));
        assert!(!failed(row([Some(18.0), two, one, one, None, four, None])));
        assert!(!failed(row([Some(18.0), two, one, one, None, four, Some(26.0)])));
        assert!(!failed(row([Some(18.0), two, one, one, None, four, Some(27.0)])));
        assert!(failed(row([Some(18.0), two, one, one, None, four, Some(22.0)])));
    }

    /// Two rows missing from an all-zero table (a real 2021 report printed them with a cell
    /// short, `（一）予以公开 0 0 0 0 0 0`): the identities make each row's cells sum to 0,
    /// and counts are not negative, so each is 0. Not when the sum is not 0.
    #[test]
    fn several_missing_cells_summing_to_zero_are_zero() {
        let table = |total: f64| -> Vec<Cell> {
            template::rows(Table::Applications, Template::T2021)
                .iter()
                .filter(|r| !matches!(r.key, "granted" | "partially_granted"))
                .flat_map(|r| {
                    r.cols.iter().map(move |&col| {
                        let v = if matches!(r.key, "new_received" | "total") && col != "commercial_enterprise" {
                            total
                        } else {
                            0.0
                        };
                        Cell {
                            table: Table::Applications,
                            row: r.key,
                            col,
                            value: Some(v),
                            status: CellStatus::Reported,
                            raw: Default::default(),
                            line: 1,
                        }
                    })
                })
                .collect()
        };
        let mut cells = table(0.0);
        let mut diags = Vec::new();
        infer(&mut cells, Template::T2021, |_| 1, &mut diags);
        let inferred: Vec<&Cell> = cells.iter().filter(|c| c.status == CellStatus::Inferred).collect();
        assert_eq!(inferred.len(), 14, "{diags:?}");
        assert!(inferred
            .iter()
            .all(|c| c.value == Some(0.0) && c.row.contains("granted")));
        // One request granted or partly granted: which row took it is not known.
        let mut cells = table(1.0);
        infer(&mut cells, Template::T2021, |_| 1, &mut Vec::new());
        let rows: Vec<&str> = cells
            .iter()
            .filter(|c| c.status == CellStatus::Inferred)
            .map(|c| c.row)
            .collect();
        assert!(rows.iter().all(|r| *r == "granted" || *r == "partially_granted"));
        assert!(
            !cells
                .iter()
                .any(|c| c.status == CellStatus::Inferred && c.col == "natural_person"),
            "{cells:?}"
        );
    }
}
