//! The two national report templates: tables, row keys, column keys and the label keywords
//! that identify each row. This is the one place where the output vocabulary of
//! `../shared/spec/DATASET.md` is spelled out; everything else refers to it.

/// The three standard tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// 二、主动公开政府信息情况
    ActiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况
    Applications,
    /// 四、政府信息公开行政复议、行政诉讼情况
    ReviewLitigation,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::ActiveDisclosure, Table::Applications, Table::ReviewLitigation];

    pub fn as_str(self) -> &'static str {
        match self {
            Table::ActiveDisclosure => "active_disclosure",
            Table::Applications => "applications",
            Table::ReviewLitigation => "review_litigation",
        }
    }

    /// The Chinese name, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Table::ActiveDisclosure => "主动公开政府信息情况",
            Table::Applications => "收到和处理政府信息公开申请情况",
            Table::ReviewLitigation => "行政复议、行政诉讼情况",
        }
    }
}

/// Which national template a report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// 国办公开办函〔2019〕60号, the 2019 and 2020 reports.
    T2019,
    /// The 2021 revision, 2021 reports onward.
    T2021,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::T2019 => "2019",
            Template::T2021 => "2021",
        }
    }
}

/// One row of a template table.
#[derive(Debug)]
pub struct RowSpec {
    /// Output key, e.g. `withheld.state_secret`.
    pub key: &'static str,
    /// The label as the template prints it, for messages.
    pub label: &'static str,
    /// Normalised fragments that identify the row's label (any one suffices).
    pub keywords: &'static [&'static str],
    /// Column keys of this row.
    pub cols: &'static [&'static str],
    /// Index of the money column (stored in 万元), if any.
    pub amount_col: Option<usize>,
    /// Words a report's prose names the row by, for the numbers it states about it
    /// (`parse::stated`): its keywords, unless set otherwise.
    pub prose: &'static [&'static str],
}

impl RowSpec {
    /// The row as a report's prose names it (采购信息21条共5419886元 for 政府集中采购).
    const fn named_in_prose(self, prose: &'static [&'static str]) -> RowSpec {
        RowSpec { prose, ..self }
    }
}

const fn row(
    key: &'static str,
    label: &'static str,
    keywords: &'static [&'static str],
    cols: &'static [&'static str],
) -> RowSpec {
    RowSpec {
        key,
        label,
        keywords,
        cols,
        amount_col: None,
        prose: keywords,
    }
}

const fn money_row(
    key: &'static str,
    label: &'static str,
    keywords: &'static [&'static str],
    cols: &'static [&'static str],
    amount_col: usize,
) -> RowSpec {
    RowSpec {
        key,
        label,
        keywords,
        cols,
        amount_col: Some(amount_col),
        prose: keywords,
    }
}

const MADE: &[&str] = &["new_made", "new_published", "total_published"];
const ITEMS: &[&str] = &["previous_year", "change", "decisions"];
const ISSUED: &[&str] = &["issued", "repealed", "in_force"];
const DECISIONS: &[&str] = &["decisions"];

/// 二、主动公开政府信息情况, 2019 template.
pub static ACTIVE_2019: &[RowSpec] = &[
    row("rules", "规章", &["规章"], MADE),
    row("normative_documents", "规范性文件", &["规范性文件"], MADE),
    row("administrative_licensing", "行政许可", &["行政许可"], ITEMS),
    row(
        "other_management_services",
        "其他对外管理服务事项",
        &["对外管理服务", "其他对外管理"],
        ITEMS,
    ),
    row("administrative_penalty", "行政处罚", &["行政处罚"], ITEMS),
    row("administrative_coercion", "行政强制", &["行政强制"], ITEMS),
    row(
        "administrative_fees",
        "行政事业性收费",
        &["事业性收费", "行政事业", "行政性收费", "行政收费"],
        &["previous_year", "change"],
    ),
    money_row(
        "centralized_procurement",
        "政府集中采购",
        &["集中采购", "政府采购"],
        &["projects", "amount"],
        1,
    )
    .named_in_prose(&["采购"]),
];

/// 二、主动公开政府信息情况, 2021 template.
pub static ACTIVE_2021: &[RowSpec] = &[
    row("rules", "规章", &["规章"], ISSUED),
    row("normative_documents", "行政规范性文件", &["规范性文件"], ISSUED),
    row("administrative_licensing", "行政许可", &["行政许可"], DECISIONS),
    row("administrative_penalty", "行政处罚", &["行政处罚"], DECISIONS),
    row("administrative_coercion", "行政强制", &["行政强制"], DECISIONS),
    money_row(
        "administrative_fees",
        "行政事业性收费",
        &["事业性收费", "行政事业", "行政性收费", "行政收费"],
        &["fee_amount"],
        0,
    ),
];

/// Applicant columns of the applications table, in template order.
pub const APPLICANTS: &[&str] = &[
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_agency",
    "other_org",
    "total",
];

macro_rules! app_rows {
    ($name:ident, $doc:literal, [$($key:literal, $label:literal, [$($kw:literal),*];)*]) => {
        #[doc = $doc]
        pub static $name: &[RowSpec] = &[$(row($key, $label, &[$($kw),*], APPLICANTS),)*];
    };
}

app_rows!(APPLICATIONS_2019, "三、收到和处理政府信息公开申请情况, 2019 template.", [
    "new_received", "本年新收政府信息公开申请数量", ["本年新收", "新收"];
    "carried_over", "上年结转政府信息公开申请数量", ["上年结转", "上年度结转"];
    "granted", "（一）予以公开", ["予以公开"];
    "partially_granted", "（二）部分公开", ["部分公开", "部分予以", "区分处理"];
    "withheld.state_secret", "属于国家秘密", ["国家秘密"];
    "withheld.prohibited_by_law", "其他法律行政法规禁止公开", ["禁止公开", "其他法律行政法规"];
    "withheld.three_securities_one_stability", "危及“三安全一稳定”", ["三安全一稳定", "危及"];
    "withheld.third_party_rights", "保护第三方合法权益", ["第三方合法权益", "保护第三方"];
    "withheld.internal_affairs", "属于三类内部事务信息", ["内部事务"];
    "withheld.process_information", "属于四类过程性信息", ["过程性信息"];
    "withheld.law_enforcement_file", "属于行政执法案卷", ["执法案卷", "执法案件"];
    "withheld.administrative_query", "属于行政查询事项", ["行政查询"];
    "unable.not_held", "本机关不掌握相关政府信息", ["不掌握", "掌握"];
    "unable.needs_creation", "没有现成信息需要另行制作", ["另行制作", "没有现成信息"];
    "unable.unclear_after_correction", "补正后申请内容仍不明确", ["仍不明确", "补正后", "不明确"];
    "not_processed.petition_complaint", "信访举报投诉类申请", ["信访举报", "举报投诉", "信访"];
    "not_processed.duplicate", "重复申请", ["重复申请", "重复"];
    "not_processed.publication_request", "要求提供公开出版物", ["公开出版物"];
    "not_processed.excessive_repeated", "无正当理由大量反复申请", ["大量反复", "反复", "反覆"];
    "not_processed.confirmation_request", "要求行政机关确认或重新出具已获取信息", ["重新出具", "确认或重新"];
    "other", "（六）其他处理", ["其他处理", "其它处理"];
    "total", "（七）总计", ["总计", "合计"];
    "carried_forward", "结转下年度继续办理", ["结转下年度", "继续办理"];
]);

app_rows!(APPLICATIONS_2021, "三、收到和处理政府信息公开申请情况, 2021 template.", [
    "new_received", "本年新收政府信息公开申请数量", ["本年新收", "新收"];
    "carried_over", "上年结转政府信息公开申请数量", ["上年结转", "上年度结转"];
    "granted", "（一）予以公开", ["予以公开"];
    "partially_granted", "（二）部分公开", ["部分公开", "部分予以", "区分处理"];
    "withheld.state_secret", "属于国家秘密", ["国家秘密"];
    "withheld.prohibited_by_law", "其他法律行政法规禁止公开", ["禁止公开", "其他法律行政法规"];
    "withheld.three_securities_one_stability", "危及“三安全一稳定”", ["三安全一稳定", "危及"];
    "withheld.third_party_rights", "保护第三方合法权益", ["第三方合法权益", "保护第三方"];
    "withheld.internal_affairs", "属于三类内部事务信息", ["内部事务"];
    "withheld.process_information", "属于四类过程性信息", ["过程性信息"];
    "withheld.law_enforcement_file", "属于行政执法案卷", ["执法案卷", "执法案件"];
    "withheld.administrative_query", "属于行政查询事项", ["行政查询"];
    "unable.not_held", "本机关不掌握相关政府信息", ["不掌握", "掌握"];
    "unable.needs_creation", "没有现成信息需要另行制作", ["另行制作", "没有现成信息"];
    "unable.unclear_after_correction", "补正后申请内容仍不明确", ["仍不明确", "补正后", "不明确"];
    "not_processed.petition_complaint", "信访举报投诉类申请", ["信访举报", "举报投诉", "信访"];
    "not_processed.duplicate", "重复申请", ["重复申请", "重复"];
    "not_processed.publication_request", "要求提供公开出版物", ["公开出版物"];
    "not_processed.excessive_repeated", "无正当理由大量反复申请", ["大量反复", "反复", "反覆"];
    "not_processed.confirmation_request", "要求行政机关确认或重新出具已获取信息", ["重新出具", "确认或重新"];
    "other.no_correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ["逾期不补正", "无正当理由逾期", "不再处理"];
    "other.unpaid_fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ["收费通知", "缴纳费用", "缴费", "缴纳"];
    "other.other", "其他", ["其他", "其它"];
    "total", "（七）总计", ["总计", "合计"];
    "carried_forward", "结转下年度继续办理", ["结转下年度", "继续办理"];
]);

/// Proceedings (rows) of the review/litigation table.
pub const PROCEEDINGS: &[&str] = &["administrative_review", "litigation_direct", "litigation_after_review"];
/// Results (columns) of each proceeding.
pub const RESULTS: &[&str] = &["upheld", "corrected", "other", "pending", "total"];

const RESULT_ROW: &[&str] = RESULTS;

/// 四、行政复议、行政诉讼情况: the same in both templates.
pub static REVIEW: &[RowSpec] = &[
    row("administrative_review", "行政复议", &["行政复议"], RESULT_ROW),
    row("litigation_direct", "未经复议直接起诉", &["直接起诉"], RESULT_ROW),
    row("litigation_after_review", "复议后起诉", &["复议后起诉"], RESULT_ROW),
];

/// The rows of `table` in `template`, in template order.
pub fn rows(table: Table, template: Template) -> &'static [RowSpec] {
    match (table, template) {
        (Table::ActiveDisclosure, Template::T2019) => ACTIVE_2019,
        (Table::ActiveDisclosure, Template::T2021) => ACTIVE_2021,
        (Table::Applications, Template::T2019) => APPLICATIONS_2019,
        (Table::Applications, Template::T2021) => APPLICATIONS_2021,
        (Table::ReviewLitigation, _) => REVIEW,
    }
}

/// Number of cells a complete table has.
pub fn cell_count(table: Table, template: Template) -> usize {
    rows(table, template).iter().map(|r| r.cols.len()).sum()
}

/// Rows of the applications table that are request stages rather than outcomes.
pub const STAGES: &[&str] = &["new_received", "carried_over", "carried_forward"];

/// Outcome category of an applications row key (`withheld.state_secret` → `withheld`).
pub fn outcome_category(row: &str) -> &str {
    row.split('.').next().unwrap_or(row)
}

/// The reason part of an applications row key (`withheld.state_secret` → `state_secret`).
pub fn outcome_reason(row: &str) -> Option<&str> {
    row.split_once('.').map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_tables_have_the_contract_sizes() {
        // 2019: 6×3 + 2 + 2 active cells, 23×7 applications cells, 15 review cells = 198.
        let n: usize = Table::ALL.iter().map(|&t| cell_count(t, Template::T2019)).sum();
        assert_eq!(n, 198);
        assert_eq!(cell_count(Table::ActiveDisclosure, Template::T2021), 10);
        assert_eq!(cell_count(Table::Applications, Template::T2021), 25 * 7);
    }

    #[test]
    fn keys_are_unique_within_a_table() {
        // `parse::sort_in_order` finds a cell's row and column by the first key that is the same
        // string: the same string twice would put both under the first.
        for table in Table::ALL {
            for template in [Template::T2019, Template::T2021] {
                let specs = rows(table, template);
                for (i, s) in specs.iter().enumerate() {
                    assert!(specs[..i].iter().all(|p| p.key != s.key), "{}", s.key);
                    for (j, c) in s.cols.iter().enumerate() {
                        assert!(!s.cols[..j].contains(c), "{} {c}", s.key);
                    }
                }
            }
        }
    }
}
