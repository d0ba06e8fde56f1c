//! Applications tables that print fewer applicant columns than the template's: an agency
//! that had no applications from one kind of organisation left its column out (the header
//! `商业企业 社会公益组织 法律服务机构 其他`, no 科研机构, and every row a value short). The
//! header's words tell which column is absent; the rows' values take the others in order,
//! the absent column's cells blank (nothing was printed there).

use super::*;

/// The organisation columns (1 to 5 of the applications table) and a character each that
/// only its header word holds: a word a PDF's text broke over two lines (`商业企` / `业`)
/// still shows it. (其他's is looked for apart: 法人或其他组织 holds it too.)
const ORG_MARKS: [(usize, char); 4] = [(1, '商'), (2, '研'), (3, '益'), (4, '律')];

/// The applications table's columns' header words, in template order.
const WORDS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// The organisation columns (template indexes, 1 to 5) the header of an applications table
/// names no word for, where it names 自然人 and at least two of the five: the header's text
/// is that of the table's cells before its first value. Empty where every column is named,
/// or no header is found.
pub(super) fn absent_columns(tokens: &[Token<'_>]) -> Vec<usize> {
    // (Each mark looked for in each cell, not in the cells' text put together: a header is
    // a few dozen cells, and a character is found by its last byte alone.)
    let (mut natural, mut total, mut org) = (false, false, [false; 4]);
    let (mut others, mut ors, mut bytes) = (0, 0, 0);
    for t in tokens {
        match t.kind {
            Kind::Text => {}
            Kind::Blank => continue,
            _ => break,
        }
        let r = t.raw;
        // (Past the header's words: a table without a header, or a garbage file's text.)
        bytes += r.len();
        if bytes > 1024 {
            return Vec::new();
        }
        natural |= r.contains('然');
        total |= r.contains('总') || r.contains('合');
        for (seen, (_, c)) in org.iter_mut().zip(ORG_MARKS) {
            *seen |= r.contains(c);
        }
        others += r.matches('其').count();
        ors += r.matches('或').count();
    }
    if !natural || !total {
        return Vec::new();
    }
    let mut absent: Vec<usize> = ORG_MARKS
        .iter()
        .zip(org)
        .filter(|(_, seen)| !seen)
        .map(|(&(i, _), _)| i)
        .collect();
    // 其他 as a column of its own: more 其 than 法人或其他组织 holds (its 或 with it).
    if others <= ors {
        absent.push(5);
    }
    if absent.len() > 3 {
        return Vec::new();
    }
    absent
}

/// Whether the header's cells, put together without white space, name the organisation
/// columns but `absent` one after the other (`商业企业社会公益组织法律服务机构其他`): a
/// crawler's runs hold nothing that tells a column left out from a header cut short, so
/// its header must name the others whole.
pub(super) fn named_in_order(tokens: &[Token<'_>], absent: &[usize]) -> bool {
    let mut header = String::new();
    for t in tokens {
        match t.kind {
            Kind::Text => header.extend(t.raw.chars().filter(|c| !c.is_whitespace())),
            Kind::Blank => {}
            _ => break,
        }
    }
    let named: String = (1..6).filter(|c| !absent.contains(c)).map(|c| WORDS[c]).collect();
    header.contains(&named)
}

/// Whether a crawler's rows of zeros run together print `width` zeros, every one: a row
/// of zeros is as many digits as the table's columns (`000000`, six), so they tell a table
/// that left a column out from one whose header lost words. (At least one such row.)
pub(super) fn zero_runs_fit(rows: &[RowRun<'_>], width: usize) -> bool {
    let mut zeros = rows.iter().filter_map(|(_, run)| match &run.values[..] {
        [t] if t.kind == Kind::Run && t.raw.chars().all(|c| c == '0' || c == '０') => Some(t.raw.chars().count()),
        _ => None,
    });
    let mut any = false;
    zeros.all(|n| {
        any = true;
        n == width
    }) && any
}

/// A row's values as the printed columns of a table that prints `width` of them: the
/// empty cells before and after its values dropped while it has more (a merged label's
/// cells, a line's trailing tab). None when the row does not print exactly `width` cells
/// or holds digits run together.
fn printed<'r, 'a>(run: &'r Run<'a>, width: usize) -> Option<&'r [Token<'a>]> {
    let mut v = &run.values[..];
    while v.len() > width && v.first().is_some_and(|t| t.kind == Kind::Blank) {
        v = &v[1..];
    }
    while v.len() > width && v.last().is_some_and(|t| t.kind == Kind::Blank) {
        v = &v[..v.len() - 1];
    }
    (v.len() == width && v.iter().all(|t| t.kind != Kind::Run)).then_some(v)
}

/// The count of cells every row of an applications table prints, where it is one to three
/// fewer than the template's columns (see [`printed`]): a table that may have left columns
/// out. None for any other table (most: a row of seven cells ends the look).
pub(super) fn fewer_cells(specs: &[RowSpec], hits: &[RowRun<'_>]) -> Option<usize> {
    let m = specs.first()?.cols.len();
    (m - 3..m)
        .rev()
        .find(|&width| !hits.is_empty() && hits.iter().all(|(_, run)| printed(run, width).is_some()))
}

/// Reads the rows of an applications table whose header names no word for the columns
/// `absent` (see [`absent_columns`]) where every row prints exactly the other columns'
/// count of cells (and three rows at least a value): each row's cells in the named
/// columns' order, the absent columns' blank, with a warning naming them. Returns false,
/// reading nothing, where some row prints another count (the header's words were broken,
/// not a column left out).
pub(super) fn read_without(
    table: Table,
    specs: &[RowSpec],
    hits: &[RowRun<'_>],
    absent: &[usize],
    line: u32,
    ex: &mut Extracted,
) -> bool {
    let Some(m) = specs.first().map(|s| s.cols.len()) else {
        return false;
    };
    let width = m - absent.len();
    let mut valued = 0;
    for (_, run) in hits {
        let Some(v) = printed(run, width) else {
            return false;
        };
        valued += usize::from(v.iter().any(Token::is_value));
    }
    if valued < 3 {
        return false;
    }
    for (i, run) in hits {
        let spec = &specs[*i];
        let mut values = printed(run, width).expect("checked above").iter();
        for c in 0..spec.cols.len() {
            let cell = if absent.contains(&c) {
                Cell::blank(table, spec.key, spec.cols[c], run.label_line)
            } else {
                let tok = values.next().expect("as many values as named columns");
                value_cell(table, spec, c, tok, run.header_unit, &mut ex.diags)
            };
            ex.cells.push(cell);
        }
    }
    let how =
        format!("every row prints {width} cells, not {m}: each row's values were read in the columns the header names");
    ex.diags.push(column_missing(table, specs, absent, line, &how));
    true
}

/// The warning that `absent`'s columns were left out of the table, and how its rows were
/// read.
fn column_missing(table: Table, specs: &[RowSpec], absent: &[usize], line: u32, how: &str) -> Diagnostic {
    let words: Vec<&str> = absent.iter().map(|&c| WORDS[c]).collect();
    let keys: Vec<&str> = absent.iter().map(|&c| specs[0].cols[c]).collect();
    Diagnostic::warning(
        Code::ColumnMissing,
        Some(line),
        format!(
            "{}: the header names no column {}: {how}, the cells of {} blank",
            table.as_str(),
            words.join(", "),
            keys.join(", ")
        ),
    )
}

/// The applications rows of `template` without the columns `absent`, built once for the
/// process per template and set of columns (the scorers key their caches by a row's
/// address): a crawler's runs of a table that left columns out are cut into the others.
pub(super) fn without(template: Template, absent: &[usize]) -> &'static [RowSpec] {
    type Cache = std::sync::Mutex<HashMap<(Template, u8), &'static [RowSpec]>>;
    static CACHE: std::sync::LazyLock<Cache> = std::sync::LazyLock::new(Default::default);
    let mask = absent.iter().fold(0u8, |m, &c| m | 1 << c);
    // A panic elsewhere while the lock was held leaves the map as it was: still usable.
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // (At most two templates times the sets of one to three of five columns: 50.)
    cache.entry((template, mask)).or_insert_with(|| {
        let specs = template::rows(Table::Applications, template);
        let cols: Vec<&'static str> = template::APPLICANTS
            .iter()
            .enumerate()
            .filter(|(c, _)| !absent.contains(c))
            .map(|(_, k)| *k)
            .collect();
        let cols: &'static [&'static str] = Box::leak(cols.into_boxed_slice());
        let rows: Vec<RowSpec> = specs
            .iter()
            .map(|s| RowSpec {
                key: s.key,
                label: s.label,
                keywords: s.keywords,
                cols,
                amount_col: s.amount_col,
                prose: s.prose,
            })
            .collect();
        Box::leak(rows.into_boxed_slice())
    })
}

/// Whether `col` is an applicant column `spec` (an applications row) leaves out: a row of
/// [`without`]'s, whose left-out columns count as 0 in the identities.
pub(super) fn left_out(table: Table, spec: &RowSpec, col: &str) -> bool {
    table == Table::Applications
        && spec.cols.len() < template::APPLICANTS.len()
        && template::APPLICANTS.contains(&col)
        && !spec.cols.contains(&col)
}

/// After a crawler's runs were cut into the columns of [`without`]`(…, absent)`: each
/// such row's absent columns blank, and a warning naming them.
pub(super) fn runs_cut_without(
    table: Table,
    specs: &[RowSpec],
    rows: &[RowRun<'_>],
    absent: &[usize],
    line: u32,
    ex: &mut Extracted,
) {
    for (i, run) in rows {
        let spec = &specs[*i];
        for &c in absent {
            ex.cells
                .push(Cell::blank(table, spec.key, spec.cols[c], run.label_line));
        }
    }
    let how = "the rows' digits run together were cut into the columns the header names";
    ex.diags.push(column_missing(table, specs, absent, line, how));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::grid;
    use crate::parse::tests::{application_rows, labelled_text, values};

    /// The 2021 applications table as tab-separated text whose header names the columns
    /// `cols` (indexes into [`WORDS`]) and whose rows print only those.
    fn table(cols: &[usize]) -> String {
        let specs = template::rows(Table::Applications, Template::T2021);
        let rows = application_rows(
            specs,
            &[
                ("new_received", [9, 1, 0, 2, 0, 1, 13]),
                ("granted", [4, 1, 0, 0, 0, 1, 6]),
                ("withheld.state_secret", [2, 0, 0, 2, 0, 0, 4]),
                ("unable.not_held", [3, 0, 0, 0, 0, 0, 3]),
                ("total", [9, 1, 0, 2, 0, 1, 13]),
            ],
        );
        let header: Vec<&str> = cols.iter().map(|&c| WORDS[c]).collect();
        let mut text = format!("申请人情况\n{}\n", header.join("\t"));
        for (spec, row) in specs.iter().zip(rows) {
            let cells: Vec<String> = cols.iter().map(|&c| row[c].to_string()).collect();
            text.push_str(&format!("{}\t{}\n", spec.label, cells.join("\t")));
        }
        text
    }

    /// `ex` read [`table`]'s rows without the 科研机构 column: two rows' values in the
    /// others, that column's cells blank, `COLUMN_MISSING` said.
    fn read_without_research(ex: &Extracted) {
        assert_eq!(
            values(ex, "new_received"),
            vec![Some(9.0), Some(1.0), None, Some(2.0), Some(0.0), Some(1.0), Some(13.0)],
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(ex, "withheld.state_secret"),
            vec![Some(2.0), Some(0.0), None, Some(2.0), Some(0.0), Some(0.0), Some(4.0)]
        );
        assert!(ex.diags.iter().any(|d| d.code == Code::ColumnMissing), "{:?}", ex.diags);
    }

    #[test]
    fn the_columns_a_header_names_no_word_for_are_absent() {
        let absent = |text: &str| absent_columns(&grid::tokens(&grid::lines(text), false));
        assert_eq!(absent(&table(&[0, 1, 3, 4, 5, 6])), vec![2]);
        assert_eq!(absent(&table(&[0, 1, 2, 3, 4, 6])), vec![5]);
        assert_eq!(absent(&table(&[0, 1, 2, 3, 4, 5, 6])), Vec::<usize>::new());
        // Broken words still show their marks; 法人或其他组织 holds no 其他 column.
        let broken = "自然人\t法人或其他组织\t总计\n商业企\t科研机\t社会公\t法律服\t其他\n业\t构\t益组织\t务机构\n一、本年新收\t1";
        assert_eq!(absent(broken), Vec::<usize>::new());
        let no_other = "自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\n一、本年新收\t1";
        assert_eq!(absent(no_other), vec![5]);
        // A header of 法人或其他组织 alone, no header, or no 自然人: nothing said.
        assert_eq!(
            absent("自然人\t法人或其他组织\t总计\n一、本年新收\t1\t0\t1"),
            Vec::<usize>::new()
        );
        assert_eq!(
            absent("一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1"),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn a_table_that_left_a_column_out_is_read_by_its_headers_words() {
        let ex = labelled_text(
            Table::Applications,
            Template::T2021,
            &table(&[0, 1, 3, 4, 5, 6]),
            Form::Text,
        );
        assert_eq!(
            values(&ex, "new_received"),
            vec![Some(9.0), Some(1.0), None, Some(2.0), Some(0.0), Some(1.0), Some(13.0)]
        );
        let research: Vec<_> = ex.cells.iter().filter(|c| c.col == "research_institution").collect();
        assert!(research.iter().all(|c| c.status == CellStatus::Blank), "{research:?}");
        assert_eq!(
            research.len(),
            template::rows(Table::Applications, Template::T2021).len()
        );
        let missing: Vec<_> = ex.diags.iter().filter(|d| d.code == Code::ColumnMissing).collect();
        assert_eq!(missing.len(), 1, "{:?}", ex.diags);
        assert!(missing[0].message.contains("科研机构"), "{}", missing[0].message);
        assert!(ex.diags.iter().all(|d| d.code != Code::AmbiguousRow), "{:?}", ex.diags);
        // And the 其他 column, last of the organisations'.
        let ex = labelled_text(
            Table::Applications,
            Template::T2021,
            &table(&[0, 1, 2, 3, 4, 6]),
            Form::Text,
        );
        assert_eq!(
            values(&ex, "granted"),
            vec![Some(4.0), Some(1.0), Some(0.0), Some(0.0), Some(0.0), None, Some(6.0)]
        );
    }

    /// A page's table that left a column out, with a word processor's spare empty column
    /// after its own (every row its six values and two empty cells in the page's grid): the
    /// spare cell dropped, the row's other empty cell is no 总计 left empty in every row but
    /// the width of a table of six columns. Read so, not shifted one column left (科研机构
    /// taking 社会公益组织's values, 其他 the totals, every 总计 blank: the column sums hold
    /// so, nothing said).
    #[test]
    fn a_table_that_left_a_column_out_with_a_spare_column_after_is_read_by_its_words() {
        let text: String = table(&[0, 1, 3, 4, 5, 6])
            .lines()
            .enumerate()
            .map(|(i, l)| if i < 2 { format!("{l}\n") } else { format!("{l}\t\t\n") })
            .collect();
        let ex = labelled_text(Table::Applications, Template::T2021, &text, Form::Html);
        read_without_research(&ex);
    }

    #[test]
    fn a_crawlers_runs_of_a_table_that_left_a_column_out_are_cut_into_the_others() {
        // The table's text run together, as a crawler keeps a page's: header and rows.
        let glued: String = table(&[0, 1, 3, 4, 5, 6])
            .lines()
            .map(|l| l.replace('\t', ""))
            .collect();
        let ex = labelled_text(Table::Applications, Template::T2021, &glued, Form::Glued);
        read_without_research(&ex);
        // A header cut short (its last words lost) is no table that left columns out.
        let cut = glued.replacen("法律服务机构其他", "", 1);
        let ex = labelled_text(Table::Applications, Template::T2021, &cut, Form::Glued);
        assert!(ex.diags.iter().all(|d| d.code != Code::ColumnMissing), "{:?}", ex.diags);
    }

    #[test]
    fn rows_of_the_templates_count_are_read_as_before_whatever_the_header() {
        // The header's word for 科研机构 lost (a converter's), every row its seven values.
        let mut text = table(&[0, 1, 2, 3, 4, 5, 6]);
        text = text.replacen("科研机构", "", 1);
        let ex = labelled_text(Table::Applications, Template::T2021, &text, Form::Text);
        assert_eq!(
            values(&ex, "new_received"),
            vec![
                Some(9.0),
                Some(1.0),
                Some(0.0),
                Some(2.0),
                Some(0.0),
                Some(1.0),
                Some(13.0)
            ]
        );
        assert!(ex.diags.iter().all(|d| d.code != Code::ColumnMissing), "{:?}", ex.diags);
    }
}
