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
pub struct Doc {
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub cells: usize,
    pub identities_ok: bool,
    pub warnings: usize,
    pub published: Option<i32>,
}

/// The hash of an agency's name that groups candidates (the names themselves are then
/// compared, so a collision costs a lookup, never a wrong pair).
pub fn agency_hash(agency: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(agency)
}

/// What a document is grouped by — its agency's hash and its year — when it can be a
/// duplicate at all (an agency, a year, some cells).
pub fn key(agency_hash: Option<u64>, year: Option<i32>, cells: usize) -> Option<(u64, i32)> {
    Some((agency_hash?, year?)).filter(|_| cells > 0)
}

/// `(duplicate, kept)` index pairs among `docs` (in path order, so the first path is the
/// first index), sorted.
pub fn find(docs: &[Doc]) -> Vec<(usize, usize)> {
    let keys = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((key(d.agency.as_deref().map(agency_hash), d.year, d.cells)?, i as u32)))
        .map(|((h, y), i)| (h, y, i))
        .collect();
    find_by(keys, |i| Ok::<_, std::convert::Infallible>(docs[i].clone())).unwrap_or_else(|e| match e {})
}

/// [`find`] from the [`key`]s of the documents that have one, `(hash, year, index)`, and
/// the documents themselves given one by one, asked for only where two keys are equal:
/// no table of the documents is built, and the groups come from sorting the keys (16
/// bytes a document).
pub fn find_by<E>(
    mut keys: Vec<(u64, i32, u32)>,
    mut doc: impl FnMut(usize) -> Result<Doc, E>,
) -> Result<Vec<(usize, usize)>, E> {
    keys.sort_unstable();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for same_hash in keys.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        if same_hash.len() < 2 {
            continue;
        }
        let mut docs: Vec<(usize, Doc)> = same_hash
            .iter()
            .map(|&(.., i)| Ok((i as usize, doc(i as usize)?)))
            .collect::<Result<_, E>>()?;
        // Equal hashes of different names are told apart here.
        docs.sort_by(|a, b| a.1.agency.cmp(&b.1.agency).then(a.0.cmp(&b.0)));
        for members in docs.chunk_by(|a, b| a.1.agency == b.1.agency) {
            if members.len() < 2 {
                continue;
            }
            let (kept, _) = members
                .iter()
                .min_by_key(|(i, d)| {
                    (
                        Reverse(d.cells),
                        Reverse(d.identities_ok),
                        d.warnings,
                        Reverse(d.published),
                        *i,
                    )
                })
                .expect("a group has members");
            marks.extend(
                members
                    .iter()
                    .map(|(i, _)| *i)
                    .filter(|i| i != kept)
                    .map(|i| (i, *kept)),
            );
        }
    }
    marks.sort_unstable();
    Ok(marks)
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
    fn doc(_path: &str, cells: usize, ok: bool, published: Option<i32>) -> Doc {
        Doc {
            agency: Some("某某县司法局".into()),
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

    /// Two agencies whose hashes are equal are still two agencies.
    #[test]
    fn equal_hashes_of_different_names_are_no_duplicates() {
        let mut docs = [
            doc("a", 198, true, None),
            doc("b", 198, true, None),
            doc("c", 100, true, None),
        ];
        docs[1].agency = Some("另一个县司法局".into());
        // Every key the same, as if the hash collided.
        let keys = vec![(7, 2020, 0), (7, 2020, 1), (7, 2020, 2)];
        let got = find_by(keys, |i| Ok::<_, ()>(docs[i].clone())).unwrap();
        assert_eq!(got, [(2, 0)]);
    }
}
