//! Rows of a group's sums: `（三）不予公开` printed with numbers, or a `小计` row under it,
//! which neither template has. Their numbers are no cells of the dataset; they are checked
//! against the group's rows as read.

use super::*;

/// The applications table's groups of rows: the group's name, and the prefix of its rows'
/// keys.
pub(super) const GROUPS: [(&str, &str); 5] = [
    ("不予公开", "withheld"),
    ("无法提供", "unable"),
    ("不予处理", "not_processed"),
    ("其他处理", "other"),
    ("其它处理", "other"),
];

/// Whether a row of `specs` is one of the group `prefix`'s.
fn in_group(spec: &RowSpec, prefix: &str) -> bool {
    spec.key.strip_prefix(prefix).is_some_and(|k| k.starts_with('.'))
}

/// Whether `run` may be a row of a group's sums: its columns' count of values (with a
/// 小计's, where the header has one), or digits run together.
pub(super) fn row_shaped(run: &Run<'_>, specs: &[RowSpec], subtotal_at: Option<usize>) -> bool {
    let width = specs.first().map_or(0, |s| s.cols.len()) + usize::from(subtotal_at.is_some());
    run.values.len() == width || run.values.iter().any(|t| t.kind == Kind::Run)
}

/// The group whose sums a row labelled `label` holds (the prefix of its rows' keys): the
/// label is the group's name alone, numbered or not, with or without a 小计 or 合计, and
/// the group has rows of its own in `specs` (the 2019 template's （六）其他处理 is a row).
pub(super) fn group_of(label: &str, specs: &[RowSpec]) -> Option<&'static str> {
    let punctuation = |c: char| matches!(c, ':' | '：' | '-' | '—');
    let label = labels::normalize(label);
    let label = label.trim_end_matches(punctuation);
    let label = ["小计", "合计"]
        .iter()
        .find_map(|w| label.strip_suffix(w))
        .unwrap_or(label)
        .trim_end_matches(punctuation);
    let (word, prefix) = GROUPS.iter().find(|(w, _)| label.ends_with(w))?;
    let numbering = |c: char| "()（）、.．一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let alone = label[..label.len() - word.len()].chars().all(numbering);
    (alone && specs.iter().any(|s| in_group(s, prefix))).then_some(*prefix)
}

/// The group of a row labelled 小计 or 合计 alone after `last`, the row before it: its
/// group's sums, after its rows.
pub(super) fn group_after(label: &str, last: Option<&RowSpec>) -> Option<&'static str> {
    let label = labels::normalize(label);
    let alone = matches!(label.trim_end_matches([':', '：']), "小计" | "合计");
    let last = last.filter(|_| alone)?;
    GROUPS.iter().map(|g| g.1).find(|prefix| in_group(last, prefix))
}

/// Checks each group's row of sums against the cells of the group's rows (an empty cell
/// as 0): a note where every column adds up, a warning where one does not. A crawler's run
/// adds up where its digits are the sums' run together. `subtotal_at` is where a
/// 法人或其他组织小计 column stands among the row's values (see `subtotal_position`): the
/// group's row has its sum there too.
pub(super) fn check_groups(
    specs: &[RowSpec],
    groups: &[(&'static str, Run<'_>)],
    subtotal_at: Option<usize>,
    ex: &mut Extracted,
) {
    for (prefix, run) in groups {
        let rows: Vec<&RowSpec> = specs.iter().filter(|s| in_group(s, prefix)).collect();
        let Some(cols) = rows.first().map(|s| s.cols) else {
            continue;
        };
        let glued = run.values.iter().any(|t| t.kind == Kind::Run);
        // Each column's sum over the group's rows; None where a row's cell was not read.
        let sums: Option<Vec<f64>> = cols
            .iter()
            .map(|&col| {
                rows.iter()
                    .map(|s| {
                        ex.cells
                            .iter()
                            .find(|c| c.row == s.key && c.col == col)
                            .map(|c| c.number().unwrap_or(0.0))
                    })
                    .sum::<Option<f64>>()
            })
            .collect();
        // With a 小计 column, its sum among the columns' (the five organisations').
        let sums = sums.map(|mut sums| {
            if let Some(p) = subtotal_at {
                // (自然人, the five organisations, 总计.)
                let orgs: f64 = sums[1..6].iter().sum();
                sums.insert(p, orgs);
            }
            sums
        });
        let adds_up = sums.as_ref().is_some_and(|sums| {
            if !glued {
                // (The row's values as many as the columns: a 小计 the rows showed after the
                // row was taken is no column of it.)
                run.values.len() == sums.len()
                    && run
                        .values
                        .iter()
                        .zip(sums)
                        .all(|(t, &s)| bands::summand(t).is_some_and(|v| validate::close(v, s)))
            } else {
                // Digits run together: the sums' digits, in order, and nothing else.
                let digits: String = run
                    .values
                    .iter()
                    .flat_map(|t| t.raw.chars())
                    .map(numbers::halfwidth)
                    .filter(|c| !c.is_whitespace())
                    .collect();
                let whole = sums.iter().all(|s| s.fract() == 0.0 && *s >= 0.0 && *s < 1e15);
                whole && digits == sums.iter().map(|s| format!("{s:.0}")).collect::<String>()
            }
        });
        let n = rows.len();
        let label = shorten(&run.label);
        let group = GROUPS.iter().find(|g| g.1 == *prefix).map_or("", |g| g.0);
        ex.diags.push(if adds_up {
            Diagnostic::info(
                Code::GroupRow,
                Some(run.label_line),
                format!(
                    "applications: the row {label:?} holds the sums of {group}'s {n} rows, which the template does not have: every column adds up; it was not emitted"
                ),
            )
        } else {
            let read = match &sums {
                Some(s) => format!("{s:?}"),
                None => "not all read".to_string(),
            };
            Diagnostic::warning(
                Code::GroupRow,
                Some(run.label_line),
                format!(
                    "applications: {} value(s) after label {label:?}, a row of {group}'s sums, do not add up to its {n} rows as read (their sums {read}); they were not used",
                    run.values.len()
                ),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::parse::tests::{application_rows, labelled_text, values};

    #[test]
    fn a_group_is_named_by_its_label_alone() {
        let t2021 = template::rows(Table::Applications, Template::T2021);
        let t2019 = template::rows(Table::Applications, Template::T2019);
        assert_eq!(group_of("（三）不予公开", t2021), Some("withheld"));
        assert_eq!(group_of("(四) 无法提供 小计", t2021), Some("unable"));
        assert_eq!(group_of("五、不予处理合计：", t2019), Some("not_processed"));
        assert_eq!(group_of("（六）其他处理", t2021), Some("other"));
        // The 2019 template's （六）其他处理 is a row, not a group.
        assert_eq!(group_of("（六）其他处理", t2019), None);
        for label in [
            "1.属于国家秘密",
            "其他法律行政法规禁止公开",
            "三、本年度办理结果",
            "（七）总计",
        ] {
            assert_eq!(group_of(label, t2021), None, "{label}");
        }
    }

    /// The 2021 applications table as tab-separated text, with a row of 不予公开's sums
    /// printed before the group's first row; with a 小计 column after the organisations'.
    fn table(sums: &str, subtotal: bool) -> String {
        let specs = template::rows(Table::Applications, Template::T2021);
        let rows = application_rows(
            specs,
            &[
                ("new_received", [9, 1, 0, 0, 0, 0, 10]),
                ("granted", [4, 1, 0, 0, 0, 0, 5]),
                ("withheld.state_secret", [2, 0, 0, 0, 0, 0, 2]),
                ("withheld.internal_affairs", [3, 0, 0, 0, 0, 0, 3]),
                ("total", [9, 1, 0, 0, 0, 0, 10]),
            ],
        );
        let header = if subtotal {
            "其他\t小计\t总计"
        } else {
            "其他\t总计"
        };
        let mut text = format!("申请人情况\n自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t{header}\n");
        for (spec, row) in specs.iter().zip(rows) {
            if spec.key == "withheld.state_secret" {
                text.push_str(&format!("（三）不予公开\t小计\t{sums}\n"));
            }
            let mut cells: Vec<String> = row.iter().map(u32::to_string).collect();
            if subtotal {
                cells.insert(6, row[1..6].iter().sum::<u32>().to_string());
            }
            text.push_str(&format!("{}\t{}\n", spec.label, cells.join("\t")));
        }
        text
    }

    /// The severity of `ex`'s one `GROUP_ROW`.
    fn group_row(ex: &Extracted) -> Severity {
        let group: Vec<_> = ex.diags.iter().filter(|d| d.code == Code::GroupRow).collect();
        assert_eq!(group.len(), 1, "{:?}", ex.diags);
        group[0].severity
    }

    #[test]
    fn a_row_of_a_groups_sums_is_checked_not_emitted() {
        let ex = labelled_text(
            Table::Applications,
            Template::T2021,
            &table("5\t0\t0\t0\t0\t0\t5", false),
            Form::Text,
        );
        assert_eq!(group_row(&ex), Severity::Info);
        // Its 小计 is the group's, not a 法人或其他组织小计 column's.
        assert!(
            ex.diags
                .iter()
                .all(|d| d.code != Code::Subtotal && d.code != Code::UnknownRow),
            "{:?}",
            ex.diags
        );
        assert_eq!(
            values(&ex, "withheld.state_secret"),
            [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0].map(Some)
        );
        assert!(ex.cells.iter().all(|c| !c.row.starts_with("(三)")));

        // Sums that are not the group's: a warning, the rows as read.
        let ex = labelled_text(
            Table::Applications,
            Template::T2021,
            &table("6\t0\t0\t0\t0\t0\t6", false),
            Form::Text,
        );
        assert_eq!(group_row(&ex), Severity::Warning);
        assert_eq!(
            values(&ex, "withheld.internal_affairs"),
            [3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0].map(Some)
        );

        // A 小计 alone after the group's last row, that row (numbered) printed empty.
        let specs = template::rows(Table::Applications, Template::T2021);
        let last = specs
            .iter()
            .rev()
            .find(|s| in_group(s, "withheld"))
            .expect("a group")
            .label;
        let text = table("5\t0\t0\t0\t0\t0\t5", false)
            .replace("（三）不予公开\t小计\t5\t0\t0\t0\t0\t0\t5\n", "")
            .replace(
                &format!("{last}\t0\t0\t0\t0\t0\t0\t0\n"),
                &format!("8.{last}\t\t\t\t\t\t\t\n小计\t5\t0\t0\t0\t0\t0\t5\n"),
            );
        assert!(text.contains("\n小计\t"), "{text}");
        let ex = labelled_text(Table::Applications, Template::T2021, &text, Form::Text);
        assert_eq!(group_row(&ex), Severity::Info);
        assert!(ex.diags.iter().all(|d| d.code != Code::Subtotal), "{:?}", ex.diags);
        // The row before it printed empty: blank, not the sums (its label was carried into
        // the 小计's, and the row took them).
        assert_eq!(values(&ex, "withheld.administrative_query"), [None; 7]);

        // Under a 小计 column the row has its 小计 too.
        let text = table("5\t0\t0\t0\t0\t0\t0\t5", true);
        let ex = labelled_text(Table::Applications, Template::T2021, &text, Form::Text);
        assert_eq!(group_row(&ex), Severity::Info);
        assert_eq!(
            values(&ex, "new_received"),
            [9.0, 1.0, 0.0, 0.0, 0.0, 0.0, 10.0].map(Some)
        );
    }
}
