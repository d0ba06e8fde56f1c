//! Duplicates: the same agency and year in several files (mirrors, re-publications,
//! corrected versions). One document per agency and year is kept — the most complete: most
//! cells, then identities holding, then fewer warnings (a clean HTML page over the same
//! report's crawler text with ambiguous digit runs), then the latest publication date,
//! then the first path —
//! and the others get `duplicate_of` = its doc_id and a `DUPLICATE` diagnostic. Derived
//! tables leave duplicates out, so nothing is counted twice.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::diag::{Code, Diagnostic, Severity};
use crate::model::FileOutcome;

/// Marks duplicates among `docs` (in path order).
pub fn mark(docs: &mut [FileOutcome]) {
    let mut groups: HashMap<(&str, i32), Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let (Some(a), Some(y), false) = (d.agency.as_deref(), d.year, d.cells.is_empty()) {
            groups.entry((a, y)).or_default().push(i);
        }
    }
    let mut marks: Vec<(usize, usize)> = Vec::new(); // (duplicate, kept)
    for (_, members) in groups {
        if members.len() < 2 {
            continue;
        }
        let kept = *members
            .iter()
            .min_by_key(|&&i| {
                let d = &docs[i];
                (
                    Reverse(d.cells.len()),
                    Reverse(d.identities_ok == Some(true)),
                    d.diagnostics.iter().filter(|g| g.severity >= Severity::Warning).count(),
                    Reverse(d.published),
                    d.path.as_str(),
                )
            })
            .expect("a group has members");
        marks.extend(members.iter().filter(|&&i| i != kept).map(|&i| (i, kept)));
    }
    marks.sort_unstable();
    for (dup, kept) in marks {
        let (id, path) = (docs[kept].doc_id.clone(), docs[kept].path.clone());
        let d = &mut docs[dup];
        d.duplicate_of = Some(id.clone());
        d.diagnostics.push(Diagnostic::info(
            Code::Duplicate,
            None,
            format!("the same agency and year as {path} ({id}), which is more complete or newer; kept out of the derived tables"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, CellStatus};
    use crate::template::Table;

    fn doc(path: &str, cells: usize, ok: bool, published: Option<i32>) -> FileOutcome {
        let mut d = FileOutcome::new(format!("id-{path}"), path.into(), 1);
        d.agency = Some("某某县司法局".into());
        d.year = Some(2020);
        d.identities_ok = Some(ok);
        d.published = published;
        let c = Cell {
            table: Table::Applications,
            row: "x",
            col: "y",
            value: Some(1.0),
            status: CellStatus::Reported,
            raw: "1".into(),
            line: 1,
        };
        d.cells = vec![c; cells];
        d
    }

    #[test]
    fn the_most_complete_then_newest_then_first_path_is_kept() {
        let mut docs = vec![
            doc("a", 100, true, None),
            doc("b", 198, false, None),
            doc("c", 198, true, Some(5)),
        ];
        mark(&mut docs);
        let dup: Vec<Option<&str>> = docs.iter().map(|d| d.duplicate_of.as_deref()).collect();
        assert_eq!(dup, [Some("id-c"), Some("id-c"), None]);
        let mut docs = vec![
            doc("a", 198, true, Some(3)),
            doc("b", 198, true, Some(9)),
            doc("c", 198, true, Some(9)),
        ];
        mark(&mut docs);
        let dup: Vec<Option<&str>> = docs.iter().map(|d| d.duplicate_of.as_deref()).collect();
        assert_eq!(dup, [Some("id-b"), None, Some("id-b")]);
        // Another year is not a duplicate.
        let mut docs = vec![doc("a", 198, true, None), doc("b", 198, true, None)];
        docs[1].year = Some(2021);
        mark(&mut docs);
        assert!(docs.iter().all(|d| d.duplicate_of.is_none()));
    }
}
