//! Cells → identity checks (勾稽关系) and inferred cells. The identities of DATASET.md are
//! written once, as linear equations over cell keys; the same equations check a table,
//! infer a missing cell, and score candidate placements of a row's values in `parse`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

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

/// Index of a document's cells by key.
pub fn index(cells: &[Cell]) -> HashMap<Key, usize> {
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.table, c.row, c.col), i))
        .collect()
}

/// Adds inferred cells where exactly one cell of an identity is absent and the others
/// carry numbers; the derived value must be a whole number ≥ 0. `line_of` gives the line
/// to record for an inferred cell.
pub fn infer(cells: &mut Vec<Cell>, template: Template, line_of: impl Fn(&Key) -> u32, diags: &mut Vec<Diagnostic>) {
    let ids = identities(template);
    loop {
        let idx = index(cells);
        let mut added = false;
        for id in ids {
            let absent: Vec<&Key> = id.keys().filter(|k| !idx.contains_key(*k)).collect();
            if absent.len() != 1 {
                continue;
            }
            let key = *absent[0];
            let get = |k: &Key| {
                if *k == key {
                    Some(0.0)
                } else {
                    idx.get(k).and_then(|&i| cells[i].number())
                }
            };
            let Some((l, r)) = sides(id, &get) else { continue };
            let v = if id.lhs.contains(&key) { r - l } else { l - r };
            if v < -1e-9 || !close(v, v.round()) {
                continue;
            }
            let line = line_of(&key);
            diags.push(Diagnostic::info(
                Code::InferredCell,
                Some(line),
                format!(
                    "{}: row {} column {} is missing; {} gives {}",
                    key.0.as_str(),
                    key.1,
                    key.2,
                    id.what,
                    v.round()
                ),
            ));
            cells.push(Cell {
                table: key.0,
                row: key.1,
                col: key.2,
                value: Some(v.round()),
                status: CellStatus::Inferred,
                raw: String::new(),
                line,
            });
            added = true;
            break;
        }
        if !added {
            return;
        }
    }
}

/// Checks every identity that can be evaluated; a failure is a warning naming both sides.
/// Returns whether all checked identities hold (None when none could be checked).
pub fn check(cells: &[Cell], template: Template, diags: &mut Vec<Diagnostic>) -> Option<bool> {
    let idx = index(cells);
    let blank = |k: &Key| idx.get(k).is_some_and(|&i| cells[i].status == CellStatus::Blank);
    // An empty cell adds nothing to a sum; but an identity with an empty cell that does not
    // hold says only that the cell was left empty (blank 总计 cells), so it is not a failure.
    let get = |k: &Key| {
        if blank(k) {
            Some(0.0)
        } else {
            idx.get(k).and_then(|&i| cells[i].number())
        }
    };
    let mut checked = false;
    let mut ok = true;
    for id in identities(template) {
        let Some((l, r)) = sides(id, &get) else { continue };
        if !close(l, r) && id.keys().any(blank) {
            continue;
        }
        checked = true;
        if !close(l, r) {
            ok = false;
            let line = id.keys().filter_map(|k| idx.get(k).map(|&i| cells[i].line)).min();
            diags.push(Diagnostic::warning(
                Code::IdentityFailed,
                line,
                format!("{} does not hold: {} ≠ {}", id.what, fmt(l), fmt(r)),
            ));
        }
    }
    checked.then_some(ok)
}

fn fmt(v: f64) -> String {
    if close(v, v.round()) {
        format!("{}", v.round())
    } else {
        format!("{v}")
    }
}
