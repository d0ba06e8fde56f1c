//! `ogi inspect FILE`: one report as ogi reads it, for a person debugging a wrong number:
//! encoding, agency, year, template, each table as a grid with row and column keys, and
//! every diagnostic with its line.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use crate::model::{Cell, CellStatus, DocStatus, FileOutcome};
use crate::template::{self, Table, Template};
use crate::Limits;

/// The printed report and the exit code (0 ok, 1 partial or failed).
pub fn report(path: &Path) -> Result<(String, u8)> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let name = path.to_string_lossy();
    let o = crate::process_bytes(
        &name,
        &bytes,
        &Limits {
            max_file_bytes: u64::MAX,
            max_file_steps: u64::MAX,
        },
    );
    let code = if matches!(o.status, DocStatus::Partial | DocStatus::Failed) {
        1
    } else {
        0
    };
    Ok((render(&o), code))
}

fn shown(c: &Cell) -> String {
    match c.status {
        CellStatus::Blank => "·".to_string(),
        CellStatus::NotApplicable => "n/a".to_string(),
        CellStatus::Inferred => format!("({})", num(c.value)),
        CellStatus::Invalid => format!("?{}", c.raw),
        CellStatus::Reported => num(c.value),
    }
}

/// A value as printed back: money in 万元 to six decimals (a yuan amount's cents), so that
/// 3601627.4元 shows as 360.16274, not rounded.
fn num(v: Option<f64>) -> String {
    match v {
        Some(x) if x.fract() == 0.0 => format!("{x}"),
        Some(x) => format!("{x:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
        None => String::new(),
    }
}

/// Renders an outcome as text.
pub fn render(o: &FileOutcome) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "file       {}", o.path);
    let _ = writeln!(s, "doc_id     {}", o.doc_id);
    let _ = writeln!(s, "encoding   {}", o.encoding.unwrap_or("-"));
    let _ = writeln!(s, "agency     {}", o.agency.as_deref().unwrap_or("-"));
    let _ = writeln!(
        s,
        "year       {}",
        o.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into())
    );
    let _ = writeln!(s, "template   {}", o.template);
    let _ = writeln!(
        s,
        "status     {}  ({} cells, identities {})",
        o.status.as_str(),
        o.cells.len(),
        match o.identities_ok {
            Some(true) => "hold",
            Some(false) => "FAIL",
            None => "not checked",
        }
    );
    let tpl = match o.template {
        "2021" => Some(Template::T2021),
        "2019" => Some(Template::T2019),
        _ => None,
    };
    if let Some(tpl) = tpl {
        for t in Table::ALL {
            let _ = writeln!(s, "\n{} ({})", t.as_str(), t.label());
            // A table filled in the other template (a 2021 report with the 2019 form's
            // first table) is shown in that template's rows.
            let other = match tpl {
                Template::T2019 => Template::T2021,
                Template::T2021 => Template::T2019,
            };
            let own = |tpl: Template| {
                let specs = template::rows(t, tpl);
                o.cells
                    .iter()
                    .filter(|c| c.table == t)
                    .all(|c| specs.iter().any(|r| r.key == c.row))
            };
            let specs = template::rows(t, if !own(tpl) && own(other) { other } else { tpl });
            let width = specs.iter().map(|r| r.key.len()).max().unwrap_or(10);
            for r in specs {
                let mut line = format!("  {:<width$}", r.key);
                for col in r.cols {
                    let c = o.cells.iter().find(|c| c.table == t && c.row == r.key && c.col == *col);
                    let v = c.map(shown).unwrap_or_else(|| "—".to_string());
                    let _ = write!(line, "  {col}={v}");
                }
                if let Some(l) = o.cells.iter().find(|c| c.table == t && c.row == r.key).map(|c| c.line) {
                    let _ = write!(line, "  @{l}");
                }
                let _ = writeln!(s, "{line}");
            }
        }
        let _ = writeln!(s, "\n(n) inferred · blank n/a not applicable — missing @ line");
    }
    let _ = writeln!(s, "\ndiagnostics ({})", o.diagnostics.len());
    for d in &o.diagnostics {
        match d.line {
            Some(_) => {
                let _ = writeln!(s, "  {}:{d}", o.path);
            }
            None => {
                let _ = writeln!(s, "  {}: {d}", o.path);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn values_are_shown_to_the_cent() {
        assert_eq!(num(Some(360.16274)), "360.16274");
        assert_eq!(num(Some(4166.214619)), "4166.214619");
        assert_eq!(num(Some(7360.16274 - 7000.0)), "360.16274");
        assert_eq!(num(Some(0.5)), "0.5");
        assert_eq!(num(Some(2.0000001)), "2");
        assert_eq!(num(Some(12.0)), "12");
        assert_eq!(num(None), "");
    }
}
