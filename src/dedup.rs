//! Duplicates: the same agency and year in several files (mirrors, re-publications,
//! corrected versions). One document per agency and year is kept — the most complete: most
//! cells, then identities holding, then fewer warnings (a clean HTML page over the same
//! report's crawler text with ambiguous digit runs), then the latest publication date,
//! then the first path — and the others get `duplicate_of` = its doc_id and a `DUPLICATE`
//! diagnostic. Derived tables leave duplicates out, so nothing is counted twice.

use std::cmp::Reverse;

use crate::diag::{Code, Diagnostic};

/// What the choice among duplicates looks at.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub agency: Option<&'a str>,
    pub year: Option<i32>,
    pub cells: usize,
    pub identities_ok: bool,
    pub warnings: usize,
    pub published: Option<i32>,
}

/// `(duplicate, kept)` index pairs among `docs` (in path order, so the first path is the
/// first index), sorted.
pub fn find(docs: &[Doc<'_>]) -> Vec<(usize, usize)> {
    find_by(docs.len(), |i| docs[i].clone())
}

/// [`find`] over `n` documents given one by one: no table of them is built, and the
/// groups come from sorting indexes (a million documents cost 4 MB here).
pub fn find_by<'a>(n: usize, doc: impl Fn(usize) -> Doc<'a>) -> Vec<(usize, usize)> {
    let key = |i: u32| {
        let d = doc(i as usize);
        (d.agency, d.year)
    };
    let mut idx: Vec<u32> = (0..n as u32)
        .filter(|&i| {
            let d = doc(i as usize);
            d.agency.is_some() && d.year.is_some() && d.cells > 0
        })
        .collect();
    idx.sort_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for members in idx.chunk_by(|&a, &b| key(a) == key(b)) {
        if members.len() < 2 {
            continue;
        }
        let kept = members
            .iter()
            .map(|&i| i as usize)
            .min_by_key(|&i| {
                let d = doc(i);
                (
                    Reverse(d.cells),
                    Reverse(d.identities_ok),
                    d.warnings,
                    Reverse(d.published),
                    i,
                )
            })
            .expect("a group has members");
        marks.extend(
            members
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| i != kept)
                .map(|i| (i, kept)),
        );
    }
    marks.sort_unstable();
    marks
}

/// The `DUPLICATE` diagnostic of a document kept out for `kept_path` (`kept_id`).
pub fn diagnostic(kept_path: &str, kept_id: &str) -> Diagnostic {
    Diagnostic::info(
        Code::Duplicate,
        None,
        format!("the same agency and year as {kept_path} ({kept_id}), which is more complete or newer; kept out of the derived tables"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents are given in path order; `_path` only names them in the test.
    fn doc(_path: &str, cells: usize, ok: bool, published: Option<i32>) -> Doc<'static> {
        Doc {
            agency: Some("某某县司法局"),
            year: Some(2020),
            cells,
            identities_ok: ok,
            warnings: 0,
            published,
        }
    }

    #[test]
    fn the_most_complete_then_cleanest_then_newest_then_first_path_is_kept() {
        let docs = [
            doc("a", 100, true, None),
            doc("b", 198, false, None),
            doc("c", 198, true, Some(5)),
        ];
        assert_eq!(find(&docs), [(0, 2), (1, 2)]);
        let docs = [
            doc("a", 198, true, Some(3)),
            doc("b", 198, true, Some(9)),
            doc("c", 198, true, Some(9)),
        ];
        assert_eq!(find(&docs), [(0, 1), (2, 1)]);
        let mut docs = [doc("a", 198, true, None), doc("b", 198, true, None)];
        docs[0].warnings = 3;
        assert_eq!(find(&docs), [(0, 1)]);
        // Another year, or no cells, is not a duplicate.
        let mut docs = [
            doc("a", 198, true, None),
            doc("b", 198, true, None),
            doc("c", 0, false, None),
        ];
        docs[1].year = Some(2021);
        assert!(find(&docs).is_empty());
    }
}
