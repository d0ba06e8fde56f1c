//! The applications table's columns in a PDF's text that keeps its layout with spaces
//! (`pdftotext -layout`), read off the places of the values themselves, page by page.
//!
//! Such a text puts each value where it stands on its page, in characters, but each page
//! in its own frame: the same column's values stand at one place on a page and at another
//! on the next (real 013: 自然人 at 31 on the header's page, at 39 on the next), and the
//! header's words, Chinese characters a text counts one character each where they print
//! twice as wide, stand off their columns' values by several characters. Where a table
//! leaves its zeros empty, a row's values cannot be placed by the header's words
//! ([`super::Layout::of`]) nor, printed one to six of seven, by the identities alone.
//!
//! On each page the values of a column stand within a character or so of each other: they
//! gather in groups, left to right, one group a column some row of the page has a value
//! in. Which columns the groups are is chosen among every way to give each page's groups
//! columns in order, by the identities: every row's 总计 the sum of its others, every
//! column's outcome rows their 总计, and 本年新收 + 上年结转 = 总计 + 结转下年度 (an empty
//! cell counts 0, but a 总计 printed empty excuses what it breaks); they tie the pages'
//! groups to each other, and the ways that keep the most are kept. Where more than one is
//! (a column with no value in the whole table moves freely between empty columns), the
//! header's words choose on their own page, nearest the groups, by a clear margin, and a
//! warning says so; else no columns are read this way.

use super::grid::Line;
use super::{center, summand, Run};
use crate::template::{RowSpec, Table, Template};
use crate::validate;

/// The columns' places, page by page.
pub(super) struct Pages {
    /// Each page's first line and the center of each column's values on it (NaN where no
    /// value of the page stands in the column).
    pub pages: Vec<(u32, Vec<f64>)>,
    /// Whether the header's words chose among ways the identities could not tell apart.
    pub by_header: bool,
}

impl Pages {
    /// The columns' places on the page of line `line`.
    pub fn at(&self, line: u32) -> &[f64] {
        let k = self.pages.partition_point(|(first, _)| *first <= line);
        &self.pages[k.saturating_sub(1)].1
    }
}

/// The widest spread of one column's values' centers on a page, in characters, and the
/// widest step between two of them next to each other (a right-aligned column's 1 and
/// 1000 are a character and a half apart; a PDF's columns two and a half at least).
const SPREAD: f64 = 2.5;
const GAP: f64 = 1.5;
/// The ways tried at most (every page's ways multiplied): past it, nothing is read so.
const WAYS: usize = 20_000;
/// How much nearer its groups the header's words must put one way than any other, in
/// characters summed over the groups: pages printed from web pages put the header's
/// words three or four characters off their columns' values (`法律服务` nearer 其他's
/// values than its own).
const MARGIN: f64 = 4.5;
/// How far from its header word, in characters, the group a header's words choose may be.
const NEAR: f64 = 3.0;

/// The columns of a table of `m` columns whose last is the 总计, read off its rows' values
/// (`hits`); `header`: the centers of the header's words, where found.
pub(super) fn columns(
    lines: &[Line<'_>],
    hits: &[(usize, Run<'_>)],
    specs: &[RowSpec],
    found: &[bool],
    template: Template,
    header: Option<&[f64]>,
) -> Option<Pages> {
    let m = 7;
    if specs.iter().any(|s| s.cols.len() != m) {
        return None;
    }
    // Pages start at a form feed.
    let breaks: Vec<u32> = lines
        .iter()
        .filter(|l| l.text.contains('\u{c}'))
        .map(|l| l.no)
        .collect();
    let page_of = |line: u32| breaks.partition_point(|&b| b <= line);
    // Every value: its row (index into `hits`), page, center and number.
    struct Placed {
        row: usize,
        spec: usize,
        page: usize,
        center: f64,
        number: f64,
    }
    let mut placed: Vec<Placed> = Vec::new();
    for (h, (spec, run)) in hits.iter().enumerate() {
        let mut page = None;
        for t in run.values.iter().filter(|t| t.is_value()) {
            let p = page_of(t.line);
            if page.is_some_and(|q| q != p) {
                return None;
            }
            page = Some(p);
            placed.push(Placed {
                row: h,
                spec: *spec,
                page: p,
                center: center(t, lines)?,
                number: summand(t)?,
            });
        }
        if run.values.iter().any(|t| !t.is_value() && summand(t) != Some(0.0)) {
            return None;
        }
    }
    let pages: Vec<usize> = {
        let mut p: Vec<usize> = placed.iter().map(|v| v.page).collect();
        p.sort_unstable();
        p.dedup();
        p
    };
    // Each page's groups: their centers, and each value's group.
    let mut groups: Vec<Vec<f64>> = Vec::with_capacity(pages.len());
    let mut group_of = vec![0usize; placed.len()];
    for &p in &pages {
        let mut on: Vec<usize> = (0..placed.len()).filter(|&i| placed[i].page == p).collect();
        on.sort_by(|&a, &b| placed[a].center.total_cmp(&placed[b].center));
        // (A group ends where the next value stands more than `GAP` further: columns a few
        // characters apart stay apart, as a group spread wider than `SPREAD` is none.)
        let mut spans: Vec<(f64, f64)> = Vec::new();
        for &i in &on {
            let c = placed[i].center;
            match spans.last_mut() {
                Some((_, hi)) if c - *hi <= GAP => *hi = c,
                _ => spans.push((c, c)),
            }
            group_of[i] = spans.len() - 1;
        }
        if spans.len() > m || spans.iter().any(|(lo, hi)| hi - lo > SPREAD) {
            return None;
        }
        groups.push(spans.iter().map(|(lo, hi)| (lo + hi) / 2.0).collect());
    }
    let page_index = |p: usize| pages.binary_search(&p).unwrap_or(0);
    // Each row's values in groups left to right, one a group.
    for h in 0..hits.len() {
        let gs: Vec<usize> = (0..placed.len())
            .filter(|&i| placed[i].row == h)
            .map(|i| group_of[i])
            .collect();
        if gs.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
    }
    // The identities of the table over the rows found, each side as (row, column) pairs (a
    // row found without values has every cell empty).
    let row_of = |key: &str| (0..specs.len()).find(|&i| specs[i].key == key && found[i]);
    let col_of = |key: &str| specs[0].cols.iter().position(|c| *c == key);
    let term = |k: &validate::Key| -> Option<(usize, usize)> {
        (k.0 == Table::Applications).then_some(())?;
        Some((row_of(k.1)?, col_of(k.2)?))
    };
    type Side = Vec<(usize, usize)>;
    let ids: Vec<(Side, Side)> = validate::identities(template)
        .iter()
        .filter_map(|id| {
            let l: Option<Side> = id.lhs.iter().map(term).collect();
            let r: Option<Side> = id.rhs.iter().map(term).collect();
            Some((l?, r?))
        })
        .collect();
    // The ways each page's groups may be columns: in order, the last the 总计 (a page whose
    // rows print no 总计 is not read so: its groups could be any columns), a row's 总计 the
    // sum of its others.
    let ways: Vec<Vec<Vec<usize>>> = pages
        .iter()
        .enumerate()
        .map(|(k, &p)| {
            choose(m, groups[k].len())
                .into_iter()
                .filter(|way| way.last() == Some(&(m - 1)))
                .filter(|way| {
                    let mut sums = vec![(0.0, None); hits.len()];
                    for (i, v) in placed.iter().enumerate().filter(|(_, v)| v.page == p) {
                        if way[group_of[i]] == m - 1 {
                            sums[v.row].1 = Some(v.number);
                        } else {
                            sums[v.row].0 += v.number;
                        }
                    }
                    sums.iter().all(|(s, t)| t.is_none_or(|t: f64| validate::close(*s, t)))
                })
                .collect()
        })
        .collect();
    let total: usize = ways.iter().map(Vec::len).try_fold(1usize, |a, n| a.checked_mul(n))?;
    if total == 0 || total > WAYS {
        return None;
    }
    // The ways of the whole table whose cells keep every identity (an empty cell counts
    // 0), but where a 总计 printed empty is one of its cells (real 013: the outcome rows'
    // 总计 left empty, their other cells not), and of those the ways that keep the most
    // (a 总计 column taken to be empty would excuse every row).
    let mut kept: Vec<Vec<usize>> = Vec::new();
    let mut most = 0;
    let mut pick = vec![0usize; pages.len()];
    let mut grid = vec![[None::<f64>; 7]; specs.len()];
    for _ in 0..total {
        crate::budget::step();
        for row in grid.iter_mut() {
            *row = [None; 7];
        }
        for (i, v) in placed.iter().enumerate() {
            let k = page_index(v.page);
            grid[v.spec][ways[k][pick[k]][group_of[i]]] = Some(v.number);
        }
        let sum = |side: &Side| side.iter().map(|&(r, c)| grid[r][c].unwrap_or(0.0)).sum::<f64>();
        let blank_total = |side: &Side| side.iter().any(|&(r, c)| c == m - 1 && grid[r][c].is_none());
        let mut held = 0;
        let admissible = ids.iter().all(|(l, r)| {
            let holds = validate::close(sum(l), sum(r));
            held += usize::from(holds);
            holds || blank_total(l) || blank_total(r)
        });
        if admissible && held >= most {
            if held > most {
                most = held;
                kept.clear();
            }
            kept.push(pick.clone());
        }
        // The next way: the pages' picks counted as digits.
        for (k, p) in pick.iter_mut().enumerate() {
            *p += 1;
            if *p < ways[k].len() {
                break;
            }
            *p = 0;
        }
    }
    let chosen = match kept.len() {
        0 => return None,
        1 => (kept.pop()?, false),
        _ => {
            // The header's page: the page of the table's first value.
            let first = placed.iter().map(|v| (hits[v.row].1.values[0].line, v.page)).min()?.1;
            let k = page_index(first);
            let header = header?;
            let cost = |pick: &[usize]| -> f64 {
                let way = &ways[k][pick[k]];
                groups[k].iter().zip(way).map(|(g, &c)| (g - header[c]).abs()).sum()
            };
            let best = kept.iter().min_by(|a, b| cost(a).total_cmp(&cost(b)))?.clone();
            // Each group under its header word: a header elsewhere tells nothing.
            let way = &ways[k][best[k]];
            if groups[k].iter().zip(way).any(|(g, &c)| (g - header[c]).abs() > NEAR) {
                return None;
            }
            // No other way of the header's page within the margin, nor another way of the
            // other pages with the same one.
            let rivals = kept.iter().filter(|w| **w != best);
            if rivals
                .clone()
                .any(|w| w[k] == best[k] || cost(w) < cost(&best) + MARGIN)
            {
                return None;
            }
            (best, true)
        }
    };
    let (pick, by_header) = chosen;
    let pages = pages
        .iter()
        .enumerate()
        .map(|(k, &p)| {
            let first = if p == 0 { 0 } else { breaks[p - 1] };
            let mut centers = vec![f64::NAN; m];
            for (g, &c) in groups[k].iter().zip(&ways[k][pick[k]]) {
                centers[c] = *g;
            }
            (first, centers)
        })
        .collect();
    Some(Pages { pages, by_header })
}

/// Every way to choose `k` of `n` columns, each in increasing order.
pub(super) fn choose(n: usize, k: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut way: Vec<usize> = (0..k).collect();
    if k > n {
        return out;
    }
    loop {
        out.push(way.clone());
        // The rightmost pick that can move right, and every pick after it just after it.
        let Some(i) = (0..k).rev().find(|&i| way[i] < n - k + i) else {
            return out;
        };
        way[i] += 1;
        for j in i + 1..k {
            way[j] = way[j - 1] + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_to_choose_columns_once() {
        assert_eq!(choose(3, 2), vec![vec![0, 1], vec![0, 2], vec![1, 2]]);
        assert_eq!(choose(7, 7).len(), 1);
        assert_eq!(choose(7, 4).len(), 35);
        assert_eq!(choose(7, 0), vec![Vec::<usize>::new()]);
    }
}
