//! A PDF text's layout read by the places of its cells: the applications table's columns by
//! their header words' places (`Layout`), cells stacked or broken over lines under them, and
//! the review table read by the places of its values.

use super::*;

/// The places of the applications table's columns in a text that keeps a page's layout
/// with spaces (a PDF's text extracted with its layout, `pdftotext -layout`, pdfplumber's
/// `layout=True`), where a cell printed empty is no cell of its line but the place under
/// its column's header stays empty: the center of each column's header word, in
/// characters from the line's start; a 法人或其他组织小计 column's between 其他 and 总计.
pub(super) struct Layout {
    centers: Vec<f64>,
    subtotal: bool,
    /// The columns read off the values page by page ([`pages::columns`]); None where the
    /// header's words place them.
    pub(super) pages: Option<pages::Pages>,
    /// Where `centers` are distances from the row's 总计 ([`Layout::relative`]), not
    /// places on the line.
    pub(super) relative: Option<Relative>,
}

/// How the columns' distances from the 总计 were read ([`Layout::relative`]).
pub(super) struct Relative {
    /// Off the values' even spacing, not every column holding one.
    pub(super) spacing: bool,
}

impl Layout {
    /// The header's words, each at the start of a piece of its line: the seven columns'
    /// in order (总计 or 合计, 其他 or 其它), a 小计's before 总计 where the table has one.
    /// A word broken over lines (`商业企` / `业`) is placed by its first line.
    const WORDS: [&'static str; 8] = ["自然人", "商业", "科研", "社会", "法律", "其他", "小计", "总计"];

    /// The columns' places where the header before the table's first values names each column
    /// once, left to right, apart by two characters at least, and nine in ten of the rows'
    /// values (twenty at least) stand within two characters of one of them.
    pub(super) fn of(lines: &[Line<'_>], hits: &[(usize, Run<'_>)], subtotal: bool) -> Option<Layout> {
        let centers = Self::header(lines, hits, subtotal)?;
        let layout = Layout {
            centers,
            subtotal,
            pages: None,
            relative: None,
        };
        let values = hits.iter().flat_map(|(_, r)| &r.values).filter(|t| t.is_value());
        let count = values.clone().count();
        // (Given up at the first value past the one in ten that may stand elsewhere.)
        let mut astray = 0;
        for t in values {
            astray += usize::from(under(&layout.centers, t, lines).is_none());
            if astray * 10 > count {
                return None;
            }
        }
        (count >= 20).then_some(layout)
    }

    /// The centers of the header's words before the table's first values, where it names
    /// each column once, left to right, apart by two characters at least.
    pub(super) fn header(lines: &[Line<'_>], hits: &[(usize, Run<'_>)], subtotal: bool) -> Option<Vec<f64>> {
        let first = hits
            .iter()
            .filter_map(|(_, r)| r.values.first())
            .map(|t| t.line)
            .min()?;
        let words: Vec<&str> = Self::WORDS
            .iter()
            .copied()
            .filter(|w| subtotal || *w != "小计")
            .collect();
        let mut centers = vec![None; words.len()];
        for (center, piece) in header_pieces(lines, first)? {
            for (k, w) in words.iter().enumerate() {
                if centers[k].is_none() && opens_with_word(piece, w) {
                    centers[k] = Some(center);
                }
            }
        }
        let centers: Vec<f64> = centers.into_iter().collect::<Option<_>>()?;
        if centers.windows(2).any(|w| w[1] - w[0] < 2.0) {
            return None;
        }
        Some(centers)
    }

    /// The columns read off the rows' values page by page, where the header's words do not
    /// line up with them (a table without a 小计 column): see [`pages::columns`].
    pub(super) fn of_values(
        lines: &[Line<'_>],
        hits: &[(usize, Run<'_>)],
        specs: &[RowSpec],
        found: &[bool],
        template: Template,
    ) -> Option<Layout> {
        let header = Self::header(lines, hits, false);
        let pages = pages::columns(lines, hits, specs, found, template, header.as_deref())?;
        Some(Layout {
            centers: vec![f64::NAN; 7],
            subtotal: false,
            pages: Some(pages),
            relative: None,
        })
    }

    /// The columns as distances from each row's 总计, read off the rows that fill every
    /// column, where a text lays its rows out with spaces but starts each line in a frame of
    /// its own (PyMuPDF's sorted text: a row's values stand ten or fifteen characters
    /// further right on a line without its label than on one with it, and a wide character
    /// counts as one where it prints two): on a line, the values of a row stand as far
    /// apart as the columns do, counting a wide character two.
    ///
    /// Read so only where every row before the last ones found is found; every row whose
    /// values stand on one line, two spaces apart at least, ends with their sum (the 总计:
    /// a table that leaves some empty is not read so; with a 小计 column, `subtotal`, the
    /// sum of the others but the 小计, itself the organisations' sum) and puts each value
    /// within two places of one column's distance, in order, the columns four places apart
    /// at least ([`relative_columns`]); some row's values stand a column apart or more
    /// around an empty cell; and every identity of the table over the rows so read (and
    /// those found without values) holds, three at least, an empty cell counting 0.
    pub(super) fn relative(
        lines: &[Line<'_>],
        hits: &[(usize, Run<'_>)],
        specs: &[RowSpec],
        found: &[bool],
        template: Template,
        subtotal: bool,
    ) -> Option<Layout> {
        const M: usize = 7;
        if specs.iter().any(|s| s.cols.len() != M) {
            return None;
        }
        // (Every row found but the table's last ones: a row whose label was not may have
        // lent its values to another's, which the identities over the rows read could not
        // tell.)
        if found.iter().skip_while(|f| **f).any(|f| *f) {
            return None;
        }
        // The columns on the lines, a 小计's before the 总计.
        let m = M + usize::from(subtotal);
        // Each such row: its spec, its values' distances from its last and their numbers.
        let mut rows: Vec<(usize, Vec<f64>, Vec<f64>)> = Vec::new();
        for (spec, run) in hits {
            let v = &run.values;
            if v.is_empty() || v.len() > m || v.iter().any(|t| !t.is_value() || t.line != v[0].line) {
                continue;
            }
            let centers: Option<Vec<f64>> = v.iter().map(|t| wide_center(t, lines)).collect();
            let numbers: Option<Vec<f64>> = v.iter().map(summand).collect();
            let (Some(centers), Some(numbers)) = (centers, numbers) else {
                continue;
            };
            if !v[1..].iter().all(|t| spaced(t, lines)) {
                continue;
            }
            let end = centers[centers.len() - 1];
            rows.push((*spec, centers.iter().map(|c| c - end).collect(), numbers));
        }
        let (centers, spacing) = relative_columns(&rows, m)?;
        // Some row's values stand a column apart or more where a cell between them is
        // empty: the spaces keep the columns' places. (Values apart by the same spaces
        // everywhere, a tab written as spaces, put a row's missing cell nowhere.)
        let step = centers.windows(2).map(|w| w[1] - w[0]).fold(f64::INFINITY, f64::min);
        if !rows
            .iter()
            .any(|(_, d, _)| d.windows(2).any(|w| w[1] - w[0] >= 1.5 * step))
        {
            return None;
        }
        // The table as so read: a row's cells (the template's: a 小计 checked and left out),
        // where every one is known and the row adds up; a single value that does not is
        // left unknown. (A row of two values or more that does not leaves its 总计 empty,
        // and a row whose last value is the sum of its others may have left its own: the
        // table is not read so.)
        let mut grid: Vec<Option<[f64; M]>> = vec![None; specs.len()];
        for (spec, distances, numbers) in &rows {
            let mut cells = vec![None; m];
            let mut last = None;
            for (d, n) in distances.iter().zip(numbers) {
                let c = under_at(&centers, *d)?;
                if last.is_some_and(|l| l >= c) {
                    return None;
                }
                last = Some(c);
                cells[c] = Some(*n);
            }
            let sum = |r: std::ops::Range<usize>| -> f64 { cells[r].iter().flatten().sum() };
            let adds = cells[m - 1].is_some_and(|t| validate::close(sum(0..6), t))
                && (!subtotal || cells[6].is_none_or(|s| validate::close(sum(1..6), s)));
            if !adds {
                if numbers.len() == 1 {
                    continue;
                }
                return None;
            }
            let mut row = [0.0; M];
            for (k, c) in (0..6).chain([m - 1]).enumerate() {
                row[k] = cells[c].unwrap_or(0.0);
            }
            grid[*spec] = Some(row);
        }
        // Rows found with no value: every cell empty.
        for (i, _) in found.iter().enumerate().filter(|(_, f)| **f) {
            let valued = hits
                .iter()
                .any(|(s, r)| *s == i && r.values.iter().any(|t| t.kind != Kind::Blank));
            if !valued && grid[i].is_none() {
                grid[i] = Some([0.0; M]);
            }
        }
        let cell = |k: &validate::Key| -> Option<f64> {
            (k.0 == Table::Applications).then_some(())?;
            let row = specs.iter().position(|s| s.key == k.1)?;
            let col = specs[row].cols.iter().position(|c| *c == k.2)?;
            Some(grid[row]?[col])
        };
        let mut held = 0;
        for id in validate::identities(template) {
            let lhs: Option<f64> = id.lhs.iter().map(cell).sum();
            let rhs: Option<f64> = id.rhs.iter().map(cell).sum();
            if let (Some(l), Some(r)) = (lhs, rhs) {
                if !validate::close(l, r) {
                    return None;
                }
                held += 1;
            }
        }
        (held >= 3).then_some(Layout {
            centers,
            subtotal,
            pages: None,
            relative: Some(Relative { spacing }),
        })
    }

    /// The columns' centers on the page of `line`.
    fn centers_at(&self, line: u32) -> &[f64] {
        self.pages.as_ref().map_or(&self.centers, |p| p.at(line))
    }

    /// Reads a row with fewer values than columns by the places of its values: each under
    /// its own column, left to right, the other cells blank. Where the row's 总计 stands,
    /// it must be the sum of the others, and a 小计 the sum of the five organisations' (it
    /// is then dropped); where the 总计 is blank, nothing checks the places: a warning says
    /// so.
    pub(super) fn place(
        &self,
        table: Table,
        spec: &RowSpec,
        run: &Run<'_>,
        lines: &[Line<'_>],
        ex: &mut Extracted,
    ) -> bool {
        let n = self.centers.len();
        let m = spec.cols.len();
        if m != 7 || run.values.is_empty() || run.values.len() >= n || run.values.iter().any(|t| !t.is_value()) {
            return false;
        }
        let mut at = vec![None; n];
        let mut last = None;
        // (Distances from the row's last value, on its line, where the columns are.)
        let end = match &self.relative {
            Some(_) => {
                let end = &run.values[run.values.len() - 1];
                match wide_center(end, lines) {
                    Some(c) if run.values.iter().all(|t| t.line == end.line) => Some(c),
                    _ => return false,
                }
            }
            None => None,
        };
        for (k, t) in run.values.iter().enumerate() {
            let c = match end {
                Some(end) => wide_center(t, lines).and_then(|c| under_at(&self.centers, c - end)),
                None => under(self.centers_at(t.line), t, lines),
            };
            let Some(c) = c else {
                return false;
            };
            if last.is_some_and(|l| l >= c) {
                return false;
            }
            last = Some(c);
            at[c] = Some(k);
        }
        // An empty place counts 0, as an empty cell does.
        let number = |c: usize| at[c].map_or(Some(0.0), |k| summand(&run.values[k]));
        let adds_up = |total: usize, parts: std::ops::Range<usize>| {
            let sum: Option<f64> = parts.map(number).sum();
            sum.zip(number(total)).is_some_and(|(s, t)| validate::close(s, t))
        };
        let checked = at[n - 1].is_some();
        if checked && !adds_up(n - 1, 0..6) {
            return false;
        }
        if self.subtotal {
            if let Some(k) = at[6] {
                if !adds_up(6, 1..6) {
                    return false;
                }
                ex.diags.push(Diagnostic::info(
                    Code::Subtotal,
                    Some(run.values[k].line),
                    format!(
                        "applications: row {} has a 法人或其他组织小计 column ({:?}); it was checked and not emitted",
                        spec.key, run.values[k].raw
                    ),
                ));
            }
        }
        // The template's columns: the 小计's place left out.
        let cols = (0..6).chain([n - 1]);
        for (c, place) in cols.enumerate() {
            let cell = match at[place] {
                Some(k) => value_cell(table, spec, c, &run.values[k], run.header_unit, &mut ex.diags),
                None => Cell::blank(table, spec.key, spec.cols[c], run.values[0].line),
            };
            ex.cells.push(cell);
        }
        let msg = format!(
            "{}: row {} ({}) has {} values, fewer than its {} columns; each was read under the column its place on the line stands under{}, the others blank",
            table.as_str(),
            spec.key,
            spec.label,
            run.values.len(),
            n,
            if self.relative.is_some() {
                " (the columns' distances from the 总计 read off the rows' values)"
            } else if self.pages.is_some() {
                " (the columns' places read off the values of its page)"
            } else {
                ""
            }
        );
        ex.diags.push(if checked {
            Diagnostic::info(
                Code::MissingValues,
                Some(run.label_line),
                format!("{msg} (the row adds up)"),
            )
        } else {
            Diagnostic::warning(
                Code::MissingValues,
                Some(run.label_line),
                format!("{msg}; its 总计 is blank, so nothing checks the places"),
            )
        });
        true
    }
}

/// The columns' distances from the 总计 (the last, 0) of [`Layout::relative`]'s rows (each
/// its spec, its values' distances from its last, their numbers), and whether they were
/// read off the values' even spacing: the rows that fill every column, where some do (each
/// column's distances within two places of each other); else the groups the applicants'
/// values' distances gather in, where there are six (a column's values within two and a
/// half places, a group ending where the next value stands a place and a half further);
/// else, fewer groups, where they stand at whole steps of one spacing from the 总计, six at
/// most, and at no half of it (two groups twenty-two apart are two columns or four). The
/// columns four places apart at least.
fn relative_columns(rows: &[(usize, Vec<f64>, Vec<f64>)], m: usize) -> Option<(Vec<f64>, bool)> {
    let full: Vec<&Vec<f64>> = rows.iter().map(|r| &r.1).filter(|d| d.len() == m).collect();
    let (centers, spacing) = if !full.is_empty() {
        let mut centers = vec![0.0; m];
        for (k, center) in centers.iter_mut().enumerate() {
            let (lo, hi) = full.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), d| {
                (lo.min(d[k]), hi.max(d[k]))
            });
            if hi - lo > 2.0 {
                return None;
            }
            *center = full.iter().map(|d| d[k]).sum::<f64>() / full.len() as f64;
        }
        (centers, false)
    } else {
        let mut parts: Vec<f64> = rows.iter().flat_map(|r| &r.1[..r.1.len() - 1]).copied().collect();
        parts.sort_by(f64::total_cmp);
        let mut groups: Vec<(f64, f64)> = Vec::new();
        for d in parts {
            match groups.last_mut() {
                Some((_, hi)) if d - *hi <= 1.5 => *hi = d,
                _ => groups.push((d, d)),
            }
        }
        if groups.is_empty() || groups.len() > m - 1 || groups.iter().any(|(lo, hi)| hi - lo > 2.5) {
            return None;
        }
        let at: Vec<f64> = groups.iter().map(|(lo, hi)| (lo + hi) / 2.0).collect();
        if at.len() == m - 1 {
            (at.into_iter().chain([0.0]).collect(), false)
        } else {
            // The spacing: the nearest two groups' (or the last's to the 总计), and the
            // steps of each group from the 总计 in it; where half of it fits as well, the
            // steps are not known.
            let step = at
                .windows(2)
                .map(|w| w[1] - w[0])
                .chain([-at[at.len() - 1]])
                .fold(f64::INFINITY, f64::min);
            let fit = |step: f64| -> Option<(f64, Vec<usize>)> {
                let steps: Vec<usize> = at.iter().map(|d| (-d / step).round() as usize).collect();
                let total: usize = steps.iter().sum();
                let spacing = -at.iter().sum::<f64>() / total as f64;
                let fits = steps.iter().all(|&j| (1..m).contains(&j))
                    && steps.windows(2).all(|w| w[0] > w[1])
                    && at
                        .iter()
                        .zip(&steps)
                        .all(|(d, &j)| (d + j as f64 * spacing).abs() <= 1.5);
                fits.then_some((spacing, steps))
            };
            let (spacing, _) = fit(step)?;
            if fit(step / 2.0).is_some() {
                return None;
            }
            ((0..m).map(|k| -((m - 1 - k) as f64) * spacing).collect(), true)
        }
    };
    if centers.windows(2).any(|w| w[1] - w[0] < 4.0) {
        return None;
    }
    Some((centers, spacing))
}

/// The header whose center (`centers`, in characters) a value stands under: within two
/// characters of the value's center, and nearer it than any other by one; None on a line
/// with tabs (its places are no layout's).
pub(super) fn under(centers: &[f64], t: &Token<'_>, lines: &[Line<'_>]) -> Option<usize> {
    under_at(centers, center(t, lines)?)
}

/// The column whose center (`centers`) `center` stands under: within two places, and
/// nearer it than any other by one.
fn under_at(centers: &[f64], center: f64) -> Option<usize> {
    // The nearest header and the distance to the next nearest.
    let (mut best, mut near, mut next) = (0, f64::INFINITY, f64::INFINITY);
    for (k, c) in centers.iter().enumerate() {
        let d = (c - center).abs();
        if d < near {
            (best, near, next) = (k, d, near);
        } else if d < next {
            next = d;
        }
    }
    (near <= 2.0 && next - near >= 1.0).then_some(best)
}

/// A value's center on its line, in characters from the line's start; None on a line with
/// tabs (its places are no layout's).
pub(super) fn center(t: &Token<'_>, lines: &[Line<'_>]) -> Option<f64> {
    if line_text(lines, t.line)?.contains('\t') {
        return None;
    }
    Some(column(t, lines)? as f64 + t.raw.chars().count() as f64 / 2.0)
}

/// A value's center on its line counting a wide character (CJK, full-width forms) two
/// places, as it prints; None on a line with tabs.
fn wide_center(t: &Token<'_>, lines: &[Line<'_>]) -> Option<f64> {
    let (text, before) = line_before(t, lines)?;
    if text.contains('\t') {
        return None;
    }
    let width = |s: &str| s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum::<usize>();
    Some(width(before) as f64 + width(t.raw) as f64 / 2.0)
}

/// Whether a character prints two places wide: CJK ideographs, kana, hangul, CJK
/// punctuation and full-width forms.
fn wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Whether a token stands two spaces at least after what comes before it on its line.
fn spaced(t: &Token<'_>, lines: &[Line<'_>]) -> bool {
    line_before(t, lines)
        .is_some_and(|(_, before)| before.chars().rev().take(2).filter(|c| c.is_whitespace()).count() == 2)
}

/// The review table's row in a text that keeps a page's layout (see [`Layout`]) with
/// empty cells left out: its values, one line of them, fewer than fifteen, each under one
/// of the fifteen results' header words (结果维持, 结果纠正, 其他结果, 尚未审结, 总计, each
/// maybe broken over lines and placed by its first piece), left to right; each cell in its
/// column, the others blank. Where a proceeding's 总计 stands it must be the sum of its
/// four results. Returns the cells' tokens and whether a 总计 checked them.
pub(super) fn review_by_layout<'t, 'a>(
    lines: &[Line<'_>],
    tokens: &'t [Token<'a>],
    width: usize,
) -> Option<(Vec<Option<&'t Token<'a>>>, bool)> {
    let values: Vec<&Token<'a>> = tokens.iter().filter(|t| t.is_value() || t.kind == Kind::Run).collect();
    let line = values.first()?.line;
    if values.len() >= width
        || values.iter().any(|t| !t.is_value() || t.line != line)
        || tokens.iter().any(|t| t.line >= line && !t.is_value())
    {
        return None;
    }
    let mut centers: Vec<f64> = header_pieces(lines, line)?
        .filter(|(_, piece)| {
            ["结果", "其他", "尚未", "总计"]
                .iter()
                .any(|w| opens_with_word(piece, w))
        })
        .map(|(center, _)| center)
        .collect();
    centers.sort_by(f64::total_cmp);
    centers.dedup_by(|a, b| (*a - *b).abs() <= 1.0);
    if centers.len() != width || centers.windows(2).any(|w| w[1] - w[0] < 2.0) {
        return None;
    }
    let mut cells = vec![None; width];
    let mut last = None;
    for t in values {
        let c = under(&centers, t, lines)?;
        if last.is_some_and(|l| l >= c) {
            return None;
        }
        last = Some(c);
        cells[c] = Some(t);
    }
    let number = |t: Option<&Token<'_>>| t.map_or(Some(0.0), summand);
    let mut checked = false;
    for g in cells.chunks(5) {
        if g[4].is_some() {
            let sum: Option<f64> = g[..4].iter().map(|t| number(*t)).sum();
            if !sum.zip(number(g[4])).is_some_and(|(s, t)| validate::close(s, t)) {
                return None;
            }
            checked = true;
        }
    }
    Some((cells, checked))
}

/// The pieces of the header lines before line `before` of a text that keeps a page's
/// layout, each with its center in characters; None where one of them has a tab (its places
/// are no layout's).
fn header_pieces<'l>(lines: &'l [Line<'_>], before: u32) -> Option<impl Iterator<Item = (f64, &'l str)> + 'l> {
    let head = &lines[..lines.iter().take_while(|l| l.no < before).count()];
    if head.iter().any(|l| l.text.contains('\t')) {
        return None;
    }
    Some(
        head.iter()
            .flat_map(|l| pieces(l.text))
            .map(|(at, piece)| (at as f64 + piece.chars().count() as f64 / 2.0, piece)),
    )
}

/// The pieces of a line apart by white space, each with its place in characters.
pub(super) fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = 0;
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let c = rest.chars().next()?;
        if c.is_whitespace() {
            chars += 1;
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (piece, after) = rest.split_at(end);
        let at = chars;
        chars += piece.chars().count();
        rest = after;
        return Some((at, piece));
    })
}

/// Whether a table's rows end with their last column: five rows at least, each on one
/// line that opens with a bar, nearly all that hold a value ending with one, the 总计 (not
/// a column of empty cells after the table's, `| … | 0 |  |`, whose rows' empty cells may
/// be cells the text lost; a row of empty cells, a report's zeros left empty, tells
/// nothing).
pub(super) fn values_end_rows(hits: &[(usize, Run<'_>)], lines: &[Line<'_>]) -> bool {
    let (mut rows, mut valued, mut ended) = (0, 0, 0);
    for (_, run) in hits {
        let Some(first) = run.values.first() else { continue };
        valued += usize::from(run.values.iter().any(|t| t.kind != Kind::Blank));
        ended += usize::from(run.values.last().is_some_and(|t| t.kind != Kind::Blank));
        let opens = lines
            .binary_search_by_key(&first.line, |l| l.no)
            .is_ok_and(|k| lines[k].text.trim_start().starts_with('|'));
        if !opens || run.values.iter().any(|t| t.line != first.line) {
            return false;
        }
        rows += 1;
    }
    rows >= 5 && valued > 0 && ended * 10 >= valued * 9
}

/// A row one cell a line with empty cells after its `m`, a line each (the places a merged
/// label cell takes in the rows below it, as docx2txt writes a word processor's table):
/// those are the next rows' layout, and are taken out where the row's own `m` are one a
/// line ([`stacked`]).
pub(super) fn spare_stacked_blanks(run: &mut Run<'_>, m: usize) {
    let pad = padding(run);
    if run.values.len() > pad + m
        && run.values[pad + m..]
            .iter()
            .all(|t| t.kind == Kind::Blank && t.line_cells == 1)
    {
        let spare = run.values.split_off(pad + m);
        if !stacked(run, m) {
            run.values.extend(spare);
        }
    }
}

/// Whether a text row's values after its [`padding`] are one cell a line, on lines one
/// after another, exactly its `m` columns: an empty cell among them was printed (a line of
/// its own), not left out, so the row reads by position.
pub(super) fn stacked(run: &Run<'_>, m: usize) -> bool {
    let pad = padding(run);
    let mut v = run.values[pad..].iter();
    let Some(first) = v.next() else { return false };
    // Right after the label's last line (an empty cell on the line after it is the row's,
    // not one of the next row's run on).
    let label_end = run.breaks.last().map_or(run.label_line, |b| b.1);
    let before = pad.checked_sub(1).map_or(label_end, |p| run.values[p].line);
    let mut line = first.line;
    let mut n = 1;
    // Nor may it be empty, but in a row left empty or one whose empty cells stand for its
    // zeros (two or more, its last cell the sum of the others): the empty cell after a label
    // may be layout (a merged label's column, `2.重复申请\t\t0\t0…` with a value left out),
    // as on a line of cells.
    let cells = &run.values[pad..];
    let blanks = cells.iter().filter(|t| t.kind == Kind::Blank).count();
    let empty = first.kind == Kind::Blank && blanks < cells.len() && (blanks < 2 || !adds_up(cells));
    // The next line, or the one after a 小计 cell's taken out.
    let follows =
        |line: u32, t: &Token<'_>| t.line == line + 1 || (run.subtotal_line == Some(line + 1) && t.line == line + 2);
    if first.line_cells != 1 || !follows(before, first) || empty {
        return false;
    }
    for t in v {
        if t.line_cells != 1 || !follows(line, t) {
            return false;
        }
        line = t.line;
        n += 1;
    }
    n == m
}

/// The empty cells a row's values start with on lines of more cells than one (a label's
/// line, `（一）予以公开 ||`).
pub(super) fn padding(run: &Run<'_>) -> usize {
    run.values
        .iter()
        .take_while(|t| t.kind == Kind::Blank && t.line_cells > 1)
        .count()
}
