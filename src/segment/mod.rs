//! Text lines → report metadata (agency, year, publication date) and the regions of the
//! three tables. Headings are found by their keywords on short one-cell lines, never by
//! their numbering (reports misnumber sections, and the applications table has rows that
//! look like headings: 四、结转下年度继续办理). Pure: no I/O, no table parsing.

use crate::parse::grid::{self, Line};
use crate::parse::labels::{normalize, normalized_any, normalized_within, push_normalized};
use crate::parse::numbers::halfwidth;
use crate::template::{Table, Template};

mod cuts;
mod meta;
mod regions;
pub use cuts::*;
pub use meta::*;
pub use regions::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::grid::lines;

    /// An applications table's template from its （六） rows: one 2021 row named is enough,
    /// the one 其他处理 row (or 其它处理) without them is the 2019 form's.
    #[test]
    fn an_applications_tables_template_from_its_other_rows() {
        let of = |text: &str| applications_template_of(&lines(text));
        assert_eq!(of("（六）其他处理\t0\t0\n（七）总计\t0"), Some(Template::T2019));
        assert_eq!(of("（六）其它处理 0 0 0 0 0 0 0（七）总计"), Some(Template::T2019));
        assert_eq!(
            of("（六）其他处理\n1.申请人逾期未缴费\t0\n2.逾期不补正\t0"),
            Some(Template::T2021)
        );
        assert_eq!(of("一、本年新收政府信息公开申请数量\t0"), None);
    }

    #[test]
    fn no_template_marker_overlaps_another() {
        // `template_of` finds the markers by leftmost matches one after another: a marker
        // that could overlap another's match (a suffix of one the other's prefix, or one
        // inside the other) could go unseen.
        for a in MARKERS {
            for b in MARKERS.iter().filter(|b| **b != a) {
                assert!(!a.contains(b), "{b} is inside {a}");
                for (k, _) in a.char_indices().skip(1) {
                    assert!(!b.starts_with(&a[k..]), "{a} ends with the start of {b}");
                }
            }
        }
    }

    #[test]
    fn template_of_counts_each_templates_markers() {
        let of = |text: &str| template_of(&lines(text));
        assert_eq!(of("本年新制作数量\t本年新公开数量"), Some(Template::T2019));
        assert_eq!(of("本年制发件数\t本年废止件数\t现行有效件数"), Some(Template::T2021));
        // One marker alone, or as many of each: no template.
        assert_eq!(of("政府集中采购项目类信息55条"), None);
        assert_eq!(of("新 制 作 数 量\n制发件数\n新公开数量\n收费金额"), None);
    }

    #[test]
    fn scope_from_the_reports_wording() {
        for t in [
            "2020年，全市共受理政府信息公开申请312件",
            "本表数据为全区各级行政机关汇总",
            "全 县 汇总",
            "全省政府信息公开工作情况汇总表",
        ] {
            assert_eq!(scope(t), "aggregate", "{t}");
        }
        for t in [
            "全局共受理政府信息公开申请3件",
            "组织全省政务公开工作培训班",
            "全市政务公开工作人员的工作能力",
            "本机关共收到申请",
        ] {
            assert_eq!(scope(t), "agency", "{t}");
        }
    }

    #[test]
    fn agency_names_lose_seals_and_dates() {
        assert_eq!(clean_agency("某某县司法局（盖章）").as_deref(), Some("某某县司法局"));
        assert_eq!(
            clean_agency("某某县司法局 2021年1月20日").as_deref(),
            Some("某某县司法局")
        );
        assert_eq!(
            clean_agency("某某县司法局二〇二一年一月").as_deref(),
            Some("某某县司法局")
        );
        assert_eq!(clean_agency("某某市第一中学").as_deref(), Some("某某市第一中学"));
    }

    /// A page's text with a line for each item of its menus, an empty line between them
    /// (a browser's innerText): the title is found past the first 80 lines, and a menu's
    /// line that names 政府工作报告 and 信息公开 is no title without a year whose agency the
    /// line above it would be.
    #[test]
    fn a_title_below_a_long_menu_and_no_menu_line_for_one() {
        let menu = "首页\n\n政务公开\n\n走进平潭\n\n政府信息公开 领导之窗 政府机构 要闻 政府工作报告 公示公告 重点领域信息公开\n\n".repeat(12);
        let body = "本报告所列数据统计期限为2025年1月1日至2025年12月31日。\n";
        let text = format!("{menu}平潭综合实验区2025年度政府信息公开工作年度报告\n{body}");
        assert_eq!(meta_of(&text), (Some("平潭综合实验区".to_string()), Some(2025)));
        // (The year then is the statistics' period's.)
        let m = meta(&lines(&format!("{menu}{body}")));
        assert_eq!((m.agency, m.year, m.untitled), (None, Some(2025), true));
    }

    /// A title in a page's layout column, a menu's cell before it on its line (a text that
    /// keeps a layout table's columns apart by spaces): the menu's cell is no part of it.
    #[test]
    fn a_title_in_a_layout_column_is_its_cell() {
        let text = "信息公开目录    某某县农业农村局2023年政府信息公开工作年度报告      \n";
        assert_eq!(meta_of(text), (Some("某某县农业农村局".to_string()), Some(2023)));
        for spaced in [
            "某某县 农业农村局2023年政府信息公开工作年度报告\n",
            "某某县农业农村局  2023年度  政府信息公开工作年度报告\n",
        ] {
            assert_eq!(
                meta_of(spaced),
                (Some("某某县农业农村局".to_string()), Some(2023)),
                "{spaced}"
            );
        }
    }

    /// A page's head as portals print it above a title: the fields of its particulars
    /// (`名称：`, `标    题：`), links to other reports (`相关链接：`, a sidebar's items), a
    /// menu's link to last year's reports, a list's date before the title. The title is the
    /// report's and the agency its own, with no key, bullet or date.
    #[test]
    fn fields_links_and_menus_around_a_title_are_no_part_of_it() {
        let title = "某某市生态环境局2020年政府信息公开工作年度报告\n";
        for head in [
            "索引号：11350100MB0000000X/2021-00001 | 发布机构：某某市生态环境局\n名称：",
            "发布机构：某某市生态环境局\n标    题：",
            "相关链接：某某市生态环境局2019年政府信息公开工作年度报告\n\n",
            "上一篇：某某市教育局2019年政府信息公开年报\n",
            "相关文件：某某市2019年政府信息公开工作年度报告\n",
            "上篇：某某市教育局2019年政府信息公开年报\n",
            "最新信息\n· 某某市教育局2019年政府信息公开年报\n• 某某市财政局2019年政府信息公开年报\n\n",
            "首页 | 机构概况 | 政务公开 | 2019年政府信息公开年报 | 互动交流\n\n",
            "网站首页 政府信息公开 2019年度报告 政策解读 互动交流\n\n",
            "2021-01-20 ",
        ] {
            let text = format!("{head}{title}");
            assert_eq!(
                meta_of(&text),
                (Some("某某市生态环境局".to_string()), Some(2020)),
                "{text}"
            );
        }
    }

    /// A sidebar's latest reports above the title, with no bullet (a page's `<li>`s put into
    /// lines): the title is the one of the year the report's statistics cover, or of the
    /// agency that signs it; with neither stated, the first stays (nothing tells).
    #[test]
    fn a_list_of_other_reports_above_the_title_gives_way_to_the_reports_own() {
        let list = "最新公开\n某某市教育局2019年政府信息公开年报\n某某市财政局2019年政府信息公开年报\n";
        let title = "某某市生态环境局2020年政府信息公开工作年度报告\n";
        let own = (Some("某某市生态环境局".to_string()), Some(2020));
        let stated = "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n";
        assert_eq!(meta_of(&format!("{list}{title}{stated}")), own);
        let signed = "一、总体情况\n全年主动公开信息。\n\n某某市生态环境局\n2021年1月20日\n";
        assert_eq!(meta_of(&format!("{list}{title}{signed}")), own);
        let other = (Some("某某市教育局".to_string()), Some(2019));
        assert_eq!(meta_of(&format!("{list}{title}一、总体情况\n")), other);
    }

    /// A PDF converter's Markdown (pymupdf4llm) joins a page's head into paragraphs: the
    /// breadcrumb with the reports' column's menu (its `2020年以前` no report's year), then
    /// the page's fields run into the title. The title is the piece of its own.
    #[test]
    fn a_breadcrumbs_menu_is_no_title_and_fields_before_one_are_no_agency() {
        let head = "首页 > 政府信息公开 > 年度报告 机构职能 政策文件 2020年以前 \n\n";
        let fields = "发布时间：2026-01-11 来源：某某县生态环境局 浏览次数：1814 某某县生态环境局2025年政府信息公开工作年度报告 \n";
        assert_eq!(
            meta_of(&format!("{head}{fields}")),
            (Some("某某县生态环境局".to_string()), Some(2025))
        );
        // A breadcrumb that ends with the title, spaced or not.
        for crumbs in [
            "当前位置：首页 > 信息公开 > 某某县生态环境局2025年政府信息公开工作年度报告\n",
            "当前位置：首页 » 信息公开 » 某某县生态环境局 2025年 政府信息公开工作年度报告\n",
        ] {
            assert_eq!(
                meta_of(crumbs),
                (Some("某某县生态环境局".to_string()), Some(2025)),
                "{crumbs}"
            );
        }
        // The breadcrumb alone names no report.
        let m = meta(&lines(head));
        assert_eq!((m.agency, m.year), (None, None));
    }

    /// A table framed by bars ends at its last framed line: a line past an empty line after
    /// it (Pandoc's `\\` of a `<br>` before the next heading) is none of its last row's
    /// cells. A table without bars, a bar after the gap, or no gap keep the region whole.
    #[test]
    fn a_framed_table_ends_at_its_last_framed_line() {
        let table = "+----+----+\n| 规章 | 1 |\n+----+----+\n| 规范性文件 | 2 |\n+----+----+\n| 四、结转下年度继续办理 | 72 |\n+----+----+\n";
        let end = |text: &str| framed_end(&grid::lines(text));
        assert_eq!(end(&format!("{table}\n\\\n")), 7);
        assert_eq!(end(&format!("{table}\n注：本表数据截至年底。\n\n\\\n")), 7);
        for whole in [
            format!("{table}\\"),
            format!("{table}\n\\\n合计| 3\n"),
            "规章\t1\n规范性文件\t2\n\n\\\n".to_string(),
        ] {
            assert_eq!(end(&whole), grid::lines(&whole).len(), "{whole}");
        }
    }

    /// Pandoc's fences around a page's divisions (`::: {.header}`) are no lines of its head.
    #[test]
    fn pandocs_fences_are_no_lines_of_the_head() {
        let fences = ":::: {.header}\n::: row\n:::\n::::\n".repeat(30);
        let text = format!("{fences}某某县教育局2021年政府信息公开工作年度报告\n");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2021)));
    }

    /// The front matter a converter writes above a page's text (trafilatura's
    /// `with_metadata`): the title field's value is the title; no other field is one (a tag
    /// `信息公开、年度报告` gave the agency `tags:[`).
    #[test]
    fn a_converters_front_matter_gives_its_title_field_alone() {
        let period = "本报告所列数据统计期限为2019年1月1日至2019年12月31日。\n";
        let text = format!("---\ntitle: 某某县教育局2019年政府信息公开工作年度报告_年报_某某县人民政府\ndate: \"2020-01-13\"\n---\n{period}");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2019)));
        // (The year then is the statistics' period's.)
        let text = format!("---\ntitle: 部门文件_ 某某县人民政府\ntags: ['信息公开、年度报告']\n---\n{period}");
        assert_eq!(meta_of(&text), (None, Some(2019)));
    }

    /// A table a cell a line behind bars (trafilatura's text of cells that hold paragraphs)
    /// is read a row a line, each line at the line of the row's first cell; a markdown
    /// table, or a text with a few such lines, is left as it is.
    #[test]
    fn cells_behind_bars_are_joined_into_rows() {
        let row = "（一）予以公开\n| 3\n| 1\n| | | 1\n| 0\n| 0\n| |\n";
        let text = format!("某某局2020年报告\n{}", row.repeat(5));
        let cut = bars_lead_rows(&text).expect("cells behind bars");
        assert_eq!(
            cut.text.lines().nth(1),
            Some("（一）予以公开 | 3 | 1 | | | 1 | 0 | 0 | |")
        );
        assert_eq!(cut.source, [1, 2, 9, 16, 23, 30]);
        assert!(bars_lead_rows(&text.replace("| |\n", "|\n").replace("| | | 1", "| 1")).is_some());
        // A page's number between a row's cells (a PDF's text) is none of the row.
        let paged = text.replacen("| 1\n", "| 1\n- 2 -\n", 1);
        let cut = bars_lead_rows(&paged).expect("cells behind bars");
        assert_eq!(
            cut.text.lines().nth(1),
            Some("（一）予以公开 | 3 | 1 | | | 1 | 0 | 0 | |")
        );
        // A markdown table's rows open with a bar too, with two cells or more.
        let markdown = "| 规章 | 0 | 0 | 0 |\n|\n".repeat(20);
        assert!(bars_lead_rows(&markdown).is_none());
        // Nor are cells with their bars after them, an empty one a bar alone.
        assert!(bars_lead_rows(&"（一）予以公开 |\n821 |\n|\n|\n2 |\n".repeat(20)).is_none());
        assert!(bars_lead_rows(&row.repeat(2)).is_none());
    }

    /// A table whose rows open with a bar alone and whose cells' paragraphs stand a line each
    /// with their bars after them (a stored report page's) is read a framed row a line; cells
    /// with their bars after them whose empty cells are bars alone are no such rows.
    #[test]
    fn rows_opened_by_a_bar_alone_are_joined() {
        let rows = "| \n 第二十条第(一)项  | |||\n| \n 信息内容  | \n 本年制发件数  | \n 本年废止件数  | \n 现行有效件数  | \n\
                    | \n 规章  | \n 0  | \n 0  | \n 0  | \n| ||\n 行政规范性文件  | \n 2  | \n 1  | ||\n";
        let text = format!(
            "某某镇2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n{}三、收到和处理政府信息公开申请情况\n",
            rows.repeat(4)
        );
        let cut = bars_open_rows(&text).expect("rows opened by a bar alone");
        assert_eq!(
            cut.text.lines().take(7).collect::<Vec<_>>(),
            [
                "某某镇2022年政府信息公开工作年度报告",
                "二、主动公开政府信息情况",
                "| 第二十条第(一)项  | |||",
                "| 信息内容  | 本年制发件数  | 本年废止件数  | 现行有效件数  |",
                "| 规章  | 0  | 0  | 0  |",
                "| || 行政规范性文件  | 2  | 1  | ||",
                "| 第二十条第(一)项  | |||",
            ]
        );
        assert_eq!(cut.source[..7], [1, 2, 3, 5, 10, 15, 19]);
        assert_eq!(cut.text.lines().last(), Some("三、收到和处理政府信息公开申请情况"));
        // A cell of two paragraphs: the first without its bar, joined to the second.
        let two = "| \n （二）部分公开（区分处理的，只计\n 这一情形，不计其他情形）  | \n 3  | \n 3  | \n".repeat(10);
        let cut = bars_open_rows(&two).expect("a cell of two paragraphs");
        assert_eq!(
            cut.text.lines().next(),
            Some("| （二）部分公开（区分处理的，只计这一情形，不计其他情形）  | 3  | 3  |")
        );
        // Cells with their bars after them, an empty one a bar alone: numbers after a bar
        // alone.
        assert!(bars_open_rows(&"（一）予以公开 |\n821 |\n|\n|\n2 |\n||\n".repeat(12)).is_none());
        assert!(bars_open_rows(&"|\n（一）予以公开 |\n821 |\n|\n2 |\n".repeat(12)).is_none());
        // Fewer than ten rows so opened.
        assert!(bars_open_rows(&rows.repeat(3)).is_none());
        assert!(bars_open_rows(&"| 规章 | 0 | 0 | 0 |\n".repeat(30)).is_none());
    }

    /// A table with a bar after each cell on the next line (the extractions of stored report
    /// pages) is read a cell a line, an empty cell a tab, the bars that pad a row none; one
    /// with the bars on the cells' lines, or rows with their cells apart by bars, is left as
    /// it is.
    #[test]
    fn cells_closed_by_bars_are_read_a_cell_a_line() {
        // The bar on the line after the cell's, an empty cell a bar alone, a row's padding
        // bars run together.
        let below = "（一）予以公开\n|\n821\n|\n|\n|\n2\n|\n||\n";
        let text = format!("某某局2020年报告\n{}", below.repeat(7));
        let cut = bars_close_cells(&text).expect("bars below cells");
        assert_eq!(
            cut.text.lines().take(6).collect::<Vec<_>>(),
            ["某某局2020年报告", "（一）予以公开", "821", "\t", "\t", "2"]
        );
        assert_eq!(cut.source[..7], [1, 2, 4, 6, 7, 8, 11]);
        // Empty places after a cell on its line, among cells with bars below them.
        let glued = "（一）予以公开\n|\n821 |||\n2\n|\n";
        let cut = bars_close_cells(&glued.repeat(10)).expect("empty places after a cell");
        assert_eq!(
            cut.text.lines().take(5).collect::<Vec<_>>(),
            ["（一）予以公开", "821", "\t", "\t", "2"]
        );
        // Cells with their bars on their own lines are read as they stand.
        let after = "（一）予以公开 |\n821 |\n|\n|\n2 |\n||\n";
        assert!(bars_close_cells(&after.repeat(7)).is_none());
        // Rows with their cells apart by bars, or a markdown table's, are no such cells.
        assert!(bars_close_cells(&"规章 | 0 | 0 | 0 |\n".repeat(30)).is_none());
        assert!(bars_close_cells(&"| 规章 | 0 | 0 | 0 |\n".repeat(30)).is_none());
        assert!(bars_close_cells(&format!("{}{}", below.repeat(2), "规章 | 0 | 0 | 0 |\n".repeat(3))).is_none());
    }

    /// An agency's second name in brackets (its other plate) keeps its closing bracket; a
    /// bracket around the name or a year's does not stay.
    #[test]
    fn an_agencys_second_name_in_brackets_keeps_its_end() {
        let (agency, year) = meta_of("某某县卫生健康局（某某县中医药管理局）2020年政府信息公开工作年度报告\n");
        assert_eq!(agency.as_deref(), Some("某某县卫生健康局(某某县中医药管理局)"));
        assert_eq!(year, Some(2020));
        assert_eq!(
            clean_agency("（某某市人民政府办公室（某某市人民政府外事办公室））").as_deref(),
            Some("某某市人民政府办公室(某某市人民政府外事办公室)")
        );
        assert_eq!(clean_agency("（某某县司法局）").as_deref(), Some("某某县司法局"));
        assert_eq!(
            meta_of("某某县司法局政府信息公开工作年度报告（2020年）\n"),
            (Some("某某县司法局".into()), Some(2020))
        );
    }

    /// A page's layout table put into text: the title in the cell after the menu's, the
    /// report's text run on after it (bars between cells, or one space on a PDF's line),
    /// under a breadcrumb whose `2020年以前` is no title's year; and a signature a narrow
    /// cell broke after its text's last sentence.
    #[test]
    fn a_title_in_a_layout_cell_with_its_text_run_on() {
        let crumbs = "首页 > 政府信息公开 > 年度报告 机构职能 政策文件 2020年以前 \n\n";
        let text = "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。";
        let bars = format!("{crumbs}|信息公开目录年度报告|某某县财政局2022年政府信息公开工作年度报告 {text}|\n");
        let want = (Some("某某县财政局".to_string()), Some(2022));
        assert_eq!(meta_of(&bars), want);
        let pdf = "首页 > 政府信息公开 > 年度报告\n机构职能\n政策文件\n2020年以前\n\
                   发布时间：2023-01-21 来源：某某县财政局 浏览次数：6355\n\
                   某某县财政局2022年政府信息公开工作年度报告 本报告根据《中\n华人民共和国政府信息公开条例》\n";
        assert_eq!(meta_of(pdf), want);
        let signed = "建议1件、政协提案26件，均已按要求公开答复全文。 某某县财\n政局 2023年1月19日\n";
        assert_eq!(signatory(&lines(signed)).as_deref(), Some("某某县财政局"));
        // Two characters alone are no name.
        assert_eq!(signatory(&lines("特此报告\n政局 2023年1月19日\n")), None);
    }

    fn meta_of(text: &str) -> (Option<String>, Option<i32>) {
        let m = meta(&lines(text));
        (m.agency, m.year)
    }

    /// A title run into the text after it (a crawler's one-line body with no header) is
    /// read from the line's head, after the site chrome before it; a sentence that names
    /// the report is not a title.
    #[test]
    fn a_title_at_the_head_of_a_long_line() {
        let body = "根据《中华人民共和国政府信息公开条例》要求，编制本报告。".repeat(10);
        let crawled = format!("当前位置： 首页政务公开政府信息公开年报 平潭综合实验区2021年度政府信息公开工作年度报告 来源：平潭县人民政府 {body}");
        assert_eq!(meta_of(&crawled), (Some("平潭综合实验区".into()), Some(2021)));
        let bare = format!("某某县司法局2020年政府信息公开工作年度报告 {body}");
        assert_eq!(meta_of(&bare), (Some("某某县司法局".into()), Some(2020)));
        // A sentence naming the report is no title: the name it gives is read as such
        // (`named_in_text`), its line no title's.
        let sentence = format!("按照要求，现将某某县司法局2020年政府信息公开工作年度报告公布如下：{body}");
        assert_eq!(meta_of(&sentence), (Some("某某县司法局".into()), Some(2020)));
        assert_eq!(meta(&lines(&sentence)).title_line, None);
        // A short title line is still preferred to a long line's head.
        let both = format!("{bare}\n某某市民政局2019年政府信息公开工作年度报告\n");
        assert_eq!(meta_of(&both), (Some("某某市民政局".into()), Some(2019)));
    }

    /// A Markdown table's separator row cut a cell a line (MarkItDown's table of a page's
    /// layout table: a `---` for each of its hundreds of columns) takes none of the head's
    /// 80 lines: the title in the cell below is still found.
    #[test]
    fn rules_are_no_lines_of_the_head() {
        let title = "某某县农业农村局2023年政府信息公开工作年度报告 本报告根据《中华人民共和国政府信息公开条例》编制。";
        let text = format!("发布时间：2024-01-16\n{}信息公开目录\n{title}\n", "---\n".repeat(300));
        assert_eq!(meta_of(&text), (Some("某某县农业农村局".into()), Some(2023)));
        let text = format!("发布时间：2024-01-16\n{}信息公开目录\n{title}\n", "x\n".repeat(300));
        assert_eq!(meta_of(&text).1, None);
    }

    /// docx2txt's text of a word processor's table: a paragraph a cell, an empty line after
    /// each; an empty cell a paragraph of white space or an empty paragraph (its line, then
    /// the empty line after it). A paragraph a line, an empty cell a tab, each at its line.
    /// (A page's cells a paragraph each, an empty one of spaces, likewise.)
    #[test]
    fn paragraphs_a_cell_are_a_cell_a_line() {
        let mut text = String::from("标题\n\n");
        for i in 0..45 {
            text.push_str(&format!("{i}\n\n"));
        }
        text.push_str("\u{a0}\n\n\n\n规章\n\n\n\n\n\n3\n");
        let cut = paragraph_cells(&text).unwrap();
        let lines: Vec<&str> = cut.text.lines().collect();
        assert_eq!(lines[..2], ["标题", "0"]);
        assert_eq!(lines[46..], ["\t", "\t", "规章", "\t", "\t", "3"]);
        assert_eq!(cut.source[46..], [93, 95, 97, 99, 101, 103]);
        // Every line break written twice: the same cells. Lines of white space alone (an
        // indent, white space ending each line) are empty lines.
        let doubled = paragraph_cells(&text.replace('\n', "\n\n")).unwrap();
        assert_eq!(doubled.text, cut.text);
        assert_eq!(doubled.source[46..], [185, 189, 193, 197, 201, 205]);
        let indented = text
            .lines()
            .map(|l| format!("  {l} \t "))
            .collect::<Vec<_>>()
            .join("\n");
        // (The no-break space's line a tab alone by then, as `extract` reads a text.)
        let indented = crate::nbsp_cells(&indented).unwrap();
        assert_eq!(paragraph_cells(&indented).unwrap().text.replace("  ", ""), cut.text);
        // No empty cell, or gaps of one empty line and of two alike (no paragraphs'): none.
        assert!(paragraph_cells(&text.replace("\u{a0}\n\n\n\n", "").replace("\n\n\n\n\n\n", "\n\n")).is_none());
        let mixed: String = (0..60)
            .map(|i| format!("{i}{}", if i % 2 == 0 { "\n\n" } else { "\n\n\n" }))
            .collect();
        assert!(paragraph_cells(&format!("{mixed}\u{a0}\n\n")).is_none());
        // An empty cell a paragraph of spaces (a page's `&nbsp;` once normalised), and no
        // empty paragraph: the same cells, with CRLF line ends too.
        let spaced: String = (0..45).map(|i| format!("{i}\n\n")).collect();
        let spaced = format!("标题\n\n{spaced} \n\n规章\n\n \n\n3\n");
        let cut = paragraph_cells(&spaced).expect("a paragraph of spaces");
        assert_eq!(cut.text.lines().skip(46).collect::<Vec<_>>(), ["\t", "规章", "\t", "3"]);
        assert!(paragraph_cells(&spaced.replace('\n', "\r\n")).is_some());
    }

    #[test]
    fn title_forms() {
        let cases: &[(&str, &str, i32)] = &[
            (
                "济宁市公共资源交易服务中心嘉祥分中心2020年政府信息公开工作年度报告\n正文",
                "济宁市公共资源交易服务中心嘉祥分中心",
                2020,
            ),
            (
                "\n\n甘肃省人民政府办公厅 2020 年政府信息公开工作年度报告\n",
                "甘肃省人民政府办公厅",
                2020,
            ),
            (
                "\n甘肃省公共资源交易局\n\n2020 年政府信息公开工作的年度报告\n",
                "甘肃省公共资源交易局",
                2020,
            ),
            (
                "标题: 平潭综合实验区市场监督管理局2019年度政府信息公开工作年度报告\n发布时间: 2020-01-13 16:07\n",
                "平潭综合实验区市场监督管理局",
                2019,
            ),
            (
                "发布时间：2022-01-20  来源：区政府办\n某某区人民政府关于二〇二一年度政府信息公开工作的报告\n",
                "某某区人民政府",
                2021,
            ),
            (
                "某某县教育局\n２０２１年度政府信息公开工作年度报告",
                "某某县教育局",
                2021,
            ),
            // The area after 关于.
            (
                "某某县人民政府关于某某县2020年政府信息公开工作年度报告\n正文",
                "某某县人民政府",
                2020,
            ),
            // A name wrapped before the title's line.
            (
                "某某县人民政府\n办公室2020年政府信息公开工作年度报告\n正文",
                "某某县人民政府办公室",
                2020,
            ),
            (
                "某某县人民政府\n\n办公室2020年政府信息公开工作年度报告\n正文",
                "某某县人民政府办公室",
                2020,
            ),
            // Wrapped in the middle of a word.
            (
                "孟州市公共资源\n交易中心2020年政府信息公开工作年度报告\n正文",
                "孟州市公共资源交易中心",
                2020,
            ),
            (
                "某某市自然资源和规\n划局2020年政府信息公开工作年度报告\n正文",
                "某某市自然资源和规划局",
                2020,
            ),
            // And the title wrapped over three lines, the name's first part on the first.
            (
                "漳州市住房和城乡建\n设局2021年政府\n信息公开工作年度报告\n正文",
                "漳州市住房和城乡建设局",
                2021,
            ),
            (
                "漳州市住房和城乡\n建设局2021年度政府信息公开\n工作年度报告\n正文",
                "漳州市住房和城乡建设局",
                2021,
            ),
            // A name broken over lines of its own above the title (a cover's large type):
            // in a word, 城乡 no township's, a name longer than a department's, a place's
            // 人民政府 without its place.
            (
                "漳州市住房和\n城乡建设局\n2021年政府信息公开工作年度报告\n正文",
                "漳州市住房和城乡建设局",
                2021,
            ),
            (
                "漳州市\n住房和城乡建设局2021年政府\n信息公开工作年度报告\n正文",
                "漳州市住房和城乡建设局",
                2021,
            ),
            (
                "中共某某市委\n机构编制委员会办公室\n2021年政府信息公开工作年度报告\n正文",
                "中共某某市委机构编制委员会办公室",
                2021,
            ),
            (
                "某某省某某市某某区\n人民政府办公室\n2021年政府信息公开工作年度报告\n正文",
                "某某省某某市某某区人民政府办公室",
                2021,
            ),
            (
                "某某县公共资源\n\n交易中心\n\n2021年政府信息公开工作年度报告\n正文",
                "某某县公共资源交易中心",
                2021,
            ),
            // (Not a township's office under its county: 某某县 / 某某乡人民政府.)
            (
                "某某县\n某某乡人民政府\n2021年政府信息公开工作年度报告\n正文",
                "某某乡人民政府",
                2021,
            ),
            // A letterhead's name (某某局文件) above the title.
            (
                "某某县住房和城乡建设局文件\n2021年政府信息公开工作年度报告\n正文",
                "某某县住房和城乡建设局",
                2021,
            ),
            // The page's buttons after it.
            (
                "某某县教育局2020年政府信息公开工作年度报告【打印】【关闭】\n正文",
                "某某县教育局",
                2020,
            ),
            // In book-title marks, alone on its line.
            (
                "《某某县教育局2020年政府信息公开工作年度报告》\n正文",
                "某某县教育局",
                2020,
            ),
        ];
        for (text, agency, year) in cases {
            assert_eq!(meta_of(text), (Some(agency.to_string()), Some(*year)), "{text:?}");
        }
        // A sentence that cites a title is none.
        let cited = "现将《某某县教育局2020年政府信息公开工作年度报告》予以公布\n正文";
        assert_eq!(meta_of(cited), (None, None));
    }

    /// Titles as covers, attachments and notices print them: the title's words after the
    /// name, the year after them or on a line of its own, the title wrapped over lines, an
    /// attachment's mark, a notice that issues the report, no name but the signature's.
    #[test]
    fn title_forms_of_covers_attachments_and_notices() {
        let body = "\n一、总体情况\n2020年，我局……。\n";
        let signed = "六、其他需要报告的事项\n无。\n某某县教育局\n2021年1月15日\n";
        let cases = [
            "某某县教育局政府信息公开工作2020年度报告",
            "某某县教育局政府信息公开工作年度报告（2020年）",
            "某某县教育局\n2020年度政府信息公开\n工作年度报告",
            "某某县教育局2020年度政府信息\n公开工作年度报告",
            "附件：某某县教育局2020年政府信息公开工作年度报告",
            "附件2\n某某县教育局2020年政府信息公开工作年度报告",
            "关于印发某某县教育局2020年政府信息公开工作年度报告的通知",
            "某某县教育局关于报送2020年度政府信息公开工作年度报告的函",
            "某某县教育局关于发布2020年度政府信息公开工作年度报告的通知",
            "关于印发《某某县教育局2020年政府信息公开工作年度报告》的通知",
            "某某县人民政府办公室关于公布《某某县教育局2020年政府信息公开工作年度报告》的通知",
            "文字解读：某某县教育局2020年政府信息公开工作年度报告",
            "政府信息公开工作年度报告\n（2020年度）\n某某县教育局",
            "某某县教育局2020年度政府信息公开年报",
            "2020年某某县教育局政府信息公开年报",
            "2020年政府信息公开工作年度报告（某某县教育局）",
            "2020年度政府信息公开年报(某某县教育局)",
            "2020年政府信息公开工作年度报告\n某某县教育局",
            "某某县教育局2020年政府信息公开工作年度报告（修订版）",
            "某某县人民政府门户网站-某某县教育局2020年政府信息公开工作年度报告",
            "中国·某某 | 某某县教育局2020年政府信息公开工作年度报告",
            "某某在线_某某县教育局2020年政府信息公开工作年度报告",
            "【政府信息公开年报】某某县教育局2020年政府信息公开工作年度报告",
            "[年报]某某县教育局2020年政府信息公开工作年度报告",
            "某某县教育局政府信息公开工作年度报告2020",
            "某某县教育局政府信息公开工作年度报告（2020）",
            "某某县\n教育局\n2020年度政府信息公开工作年度报告",
            "某某市人民政府\n某某县教育局\n2020年度政府信息公开工作年度报告",
            "某某县教育局政府信息公开工作年度报告\n（2020年）",
            "某某县教育局政府信息公开工作年度报告\n（2020年度）\n某某县教育局",
            "某某县教育局\n2020\n年度政府信息公开工作年度报告",
            "某某县教育局2020\n年度政府信息公开工作年度报告",
            // A title naming no agency on the agency's own site, the site's name after it.
            "2020年政府信息公开工作年度报告_某某县教育局",
            "2020年度政府信息公开工作年度报告 - 某某县教育局门户网站",
            // The title's words, the year, the name, on one line.
            "政府信息公开工作年度报告 2020年度 某某县教育局",
        ];
        for title in cases {
            let text = format!("{title}{body}");
            assert_eq!(
                meta_of(&text),
                (Some("某某县教育局".to_string()), Some(2020)),
                "{title:?}"
            );
        }
        // A site's section after such a title is no agency.
        let text = format!("2020年政府信息公开工作年度报告_政府信息公开年报专栏{body}");
        assert_eq!(meta_of(&text), (None, Some(2020)));
        // No year in the title: the year of the statistics' period the report states.
        let stated = "\n本年度报告中所列数据统计期限从2020年1月1日到12月31日止。\n";
        let text = format!("某某县教育局政府信息公开工作年度报告{stated}{body}");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
        let text = format!("某某县教育局\n政府信息公开工作年度报告{body}2020年1月1日至12月31日，我局……");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
        // The name under the title on a cover (title / name / date), not a menu's item
        // above it.
        let text = format!("政府信息公开工作年度报告\n某某县教育局\n2021年1月{stated}{body}");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
        let text = format!("政策文件\n政府信息公开工作年度报告{stated}{body}");
        assert_eq!(meta_of(&text).0, None);
        // Stated with spaces between the characters (a PDF's OCR text layer), or broken
        // over two lines; a date of another kind is none.
        let spaced = "\n本 报告 中 所 列 数据 的 统计 期 限 自 2020 年 1 月 1 日 起 至 2020 年 12 月 31 日 止 。\n";
        let text = format!("某某县教育局政府信息公开工作年度报告{spaced}{body}");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
        let broken = "\n报告中所列数据的统计期限自2020年1月1\n日起至2020年12月31日止。\n";
        let text = format!("某某县教育局政府信息公开工作年度报告{broken}{body}");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
        let other = "\n《条例》自2019年5月15日起施行，2020年1月\n1日起我局……\n";
        let text = format!("某某县教育局政府信息公开工作年度报告{other}{body}");
        assert_eq!(meta_of(&text), (None, None));
        let text = format!("某某县教育局政府信息公开工作年度报告{body}");
        assert_eq!(meta_of(&text), (None, None));
        // A sentence citing the notice on these reports, wrapped (OCR's lines), is no title
        // and its first line no agency.
        let cited = "根据《中华人民共和国政府信息公开条例》、《某某省政府信息公\n\
                     信息公开工作年度报告编制公布工作的通知》要求，结合我局工作实际\n";
        let text = format!("{cited}{broken}{body}");
        assert_eq!(meta_of(&text), (None, Some(2020)));
        // A portal's column named 政府信息公开年报 is no title.
        let text = format!("栏目: 政府信息公开年报\n某某县教育局政府信息公开工作年度报告{body}");
        assert_eq!(meta_of(&text), (None, None));
        let unsigned = format!("2020年政府信息公开工作年度报告{body}");
        assert_eq!(meta_of(&unsigned), (None, Some(2020)));
        // Under or after the title, a note or a name without its place is none.
        for title in [
            "2020年政府信息公开工作年度报告（修订版）",
            "2020年政府信息公开工作年度报告（教育局）",
            "2020年政府信息公开工作年度报告\n教育局",
            "2020年政府信息公开工作年度报告\n（2021年1月）",
        ] {
            assert_eq!(meta_of(&format!("{title}{body}")), (None, Some(2020)), "{title:?}");
        }
        let text = format!("政府信息公开工作年度报告（某某县教育局）{stated}{body}");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
        let text = format!("2020年政府信息公开工作年度报告{body}{signed}");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
        let text = format!("2020年政府信息公开工作年度报告{body}某某县教育局 2021年1月15日\n");
        assert_eq!(meta_of(&text), (Some("某某县教育局".to_string()), Some(2020)));
    }

    /// No title and no period stated: the year the summary's first words name, where the
    /// report was signed early in the next year; not otherwise.
    #[test]
    fn an_untitled_report_is_dated_by_its_summarys_first_words() {
        let text = "一、总体情况\n2020年,在区委、区政府的正确领导下,某某街道办事处认真贯彻落实。\n二、主动公开政府信息情况\n无。\n某某区人民政府某某街道办事处\n2021年1月20日\n";
        let m = meta(&lines(text));
        assert_eq!(
            (m.agency.as_deref(), m.year, m.untitled),
            (Some("某某区人民政府某某街道办事处"), Some(2020), true)
        );
        // Signed two years on: no year.
        assert_eq!(meta_of(&text.replace("2021年1月20日", "2022年1月20日")).1, None);
        // Not signed: the year, and the agency the sentence names as its subject, after the
        // clause of who led the work.
        let unsigned = text.replace("某某区人民政府某某街道办事处\n2021年1月20日\n", "");
        let m = meta(&lines(&unsigned));
        assert_eq!(
            (m.agency.as_deref(), m.year, m.untitled),
            (Some("某某街道办事处"), Some(2020), true)
        );
        // Words that open with another date: no year.
        assert_eq!(meta_of(&text.replace("2020年,在区委", "2020年5月,在区委")).1, None);
    }

    /// A title whose agency is a 人民政府 and whose subject is 信息公开 runs the two
    /// together (`某某县人民政府信息公开工作年度报告`): the 政府 is the agency's.
    #[test]
    fn a_peoples_government_keeps_its_name_before_information_disclosure() {
        let period = "\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n";
        for title in [
            "2022年度某某县人民政府信息公开工作年度报告",
            "某某县人民政府信息公开工作年度报告",
        ] {
            assert_eq!(
                meta_of(&format!("{title}{period}")),
                (Some("某某县人民政府".to_string()), Some(2022)),
                "{title}"
            );
        }
        // Its own subject after the name, as usual.
        assert_eq!(
            meta_of(&format!("某某县人民政府政府信息公开工作年度报告{period}")),
            (Some("某某县人民政府".to_string()), Some(2022))
        );
    }

    /// A title without the agency's name and no signature: the publisher the page's header
    /// names; not a site, nor a department's name without its place's; after what the
    /// report's own text says where there is no title.
    #[test]
    fn a_pages_publisher_names_a_title_without_an_agency() {
        let title = "2022年政府信息公开工作年度报告\n";
        let body = "\n一、总体情况\n本年度，我局认真贯彻落实《条例》。\n";
        for header in [
            "来源：某某县统计局  发布时间：2023-01-18",
            "发布机构：某某县统计局",
            "索引号：11xxx/2023-00012  发布机构：某某县统计局  成文日期：2023-01-18",
            "信息来源： 某某县统计局",
            "| 发布机构 | 某某县统计局 | 发文日期 | 2023-01-18 |",
        ] {
            assert_eq!(
                meta_of(&format!("{title}{header}{body}")),
                (Some("某某县统计局".to_string()), Some(2022)),
                "{header}"
            );
        }
        for header in [
            "来源：某某县人民政府网",
            "发布机构：市政府办",
            "来源：本站",
            "来源：区统计局",
        ] {
            assert_eq!(meta_of(&format!("{title}{header}{body}")).0, None, "{header}");
        }
        // The report's own words before the page's header: who compiled it, its summary's
        // subject in a sentence of the title's year.
        let office = "来源：某某县人民政府办公室";
        assert_eq!(
            meta_of(&format!(
                "{title}{office}\n本报告由某某县教育局根据《条例》编制。{body}"
            ))
            .0,
            Some("某某县教育局".to_string())
        );
        let summary = |year: &str| {
            meta_of(&format!(
                "{title}{office}\n一、总体情况\n{year}，某某县教育局坚持以公开为常态。\n"
            ))
            .0
        };
        assert_eq!(summary("2022年"), Some("某某县教育局".to_string()));
        assert_eq!(summary("2021年"), Some("某某县人民政府办公室".to_string()));
        // No title: the summary's subject before the office that posted the page.
        let untitled = "来源：某某县人民政府办公室\n一、总体情况\n2022年，某某县坚持以公开为常态。\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n";
        assert_eq!(meta_of(untitled), (Some("某某县".to_string()), Some(2022)));
        assert_eq!(
            meta_of(&untitled.replace("2022年，某某县坚持", "2022年，我县坚持")),
            (Some("某某县人民政府办公室".to_string()), Some(2022))
        );
    }

    /// No title, no sentence naming the report, no signature: the agency the template's
    /// opening words say compiled it (`…由某某市教育局编制`); not a pronoun.
    #[test]
    fn an_untitled_report_is_named_by_who_compiled_it() {
        let read = |opening: &str| {
            meta_of(&format!("{opening}本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n本年度，我局认真落实。\n"))
        };
        let linyi = "年度报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由临沂市教育局编制。";
        assert_eq!(read(linyi), (Some("临沂市教育局".to_string()), Some(2022)));
        let shangrao = "本报告依据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称新《条例》),由上饶市教育局结合有关统计数据编制。";
        assert_eq!(read(shangrao), (Some("上饶市教育局".to_string()), Some(2022)));
        let guangdong =
            "本年度报告根据《中华人民共和国政府信息公开条例》要求,由广东省教育考试院(以下简称“省教育考试院”)编制。";
        assert_eq!(read(guangdong), (Some("广东省教育考试院".to_string()), Some(2022)));
        assert_eq!(read("本报告由我局根据《条例》编制。"), (None, Some(2022)));
    }

    /// Names of no one agency, and places whose names start as such names do.
    #[test]
    fn a_name_without_its_place_is_no_agencys() {
        for n in [
            "我局",
            "本局",
            "本单位",
            "该局",
            "全县",
            "全省",
            "各部门",
            "区统计局",
            "县政府办",
            "市场监督管理局",
            "镇政府",
            "乡人民政府",
            "街道办",
            "政府办",
        ] {
            assert!(placeless(n), "{n}");
        }
        for n in [
            "本溪市教育局",
            "全椒县财政局",
            "全州县人民政府",
            "镇江市统计局",
            "乡宁县人民政府",
            "市中区人民政府",
            "太平镇",
            "某某县教育局",
        ] {
            assert!(!placeless(n), "{n}");
        }
    }

    /// A title's year that differs from the statistics' period's: the year the publication
    /// date or the summary bears out, else the title's; flagged either way.
    #[test]
    fn a_titles_year_against_the_periods_is_decided_by_the_publication_date() {
        let text = |published: &str, summary: &str| {
            format!("某某县统计局2023年政府信息公开工作年度报告\n{published}\n本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n{summary}\n")
        };
        let read = |t: String| {
            let m = meta(&lines(&t));
            (m.year, m.year_conflict.map(|c| (c.0, c.1)))
        };
        let flagged = Some((2023, 2022));
        // Named by the year it was published in.
        assert_eq!(
            read(text("发布时间：2023-01-18", "本年度，我局…")),
            (Some(2022), flagged)
        );
        // A period copied from last year's report.
        assert_eq!(
            read(text("发布时间：2024-01-18", "本年度，我局…")),
            (Some(2023), flagged)
        );
        // No date: the summary's year, else the title's.
        assert_eq!(
            read(text("", "2022年，我局认真贯彻落实《条例》。")),
            (Some(2022), flagged)
        );
        assert_eq!(read(text("", "本年度，我局…")), (Some(2023), flagged));
        // The same year: nothing to flag.
        assert_eq!(
            read(text("", "本年度，我局…").replace("2022年", "2023年")),
            (Some(2023), None)
        );
    }

    /// No title, no signature: the agency the summary's first sentence names as its
    /// subject; not a pronoun, nor a department's name without its place's.
    #[test]
    fn an_untitled_report_is_named_by_its_summarys_subject() {
        let opening = |s: &str| meta_of(&format!("一、总体情况\n{s}\n二、主动公开政府信息情况\n无。\n"));
        assert_eq!(
            opening("2022年,在区委区政府的正确领导下,广东从化经济开发区管理委员会认真贯彻执行《中华人民共和国政府信息公开条例》。"),
            (Some("广东从化经济开发区管理委员会".to_string()), Some(2022))
        );
        assert_eq!(
            opening("2023年，甘眉工业园区管委会严格按照《条例》，坚持以公开为常态。"),
            (Some("甘眉工业园区管委会".to_string()), Some(2023))
        );
        assert_eq!(
            opening("2022年,太平镇认真学习领会《条例》等有关法规文件精神。"),
            (Some("太平镇".to_string()), Some(2022))
        );
        assert_eq!(opening("2022年,我镇持续强化组织领导。"), (None, Some(2022)));
        assert_eq!(
            opening("2024年以来,长通街道通过官方网站、公示栏等多种渠道主动公开信息。"),
            (Some("长通街道".to_string()), Some(2024))
        );
        // A year stated as the end of what the summary counts: its year too.
        assert_eq!(
            opening("截至2023年12月31日,城关街道办事处共主动公开政府信息120条。"),
            (Some("城关街道办事处".to_string()), Some(2023))
        );
        assert_eq!(
            opening("截止2023年底，我局共主动公开政府信息120条。"),
            (None, Some(2023))
        );
        assert_eq!(
            opening("截至2024年6月30日，我局共主动公开政府信息120条。"),
            (None, None)
        );
        assert_eq!(
            opening("2023年,在区委、区政府的统一部署下,区统计局紧紧围绕中心工作。"),
            (None, Some(2023))
        );
        assert_eq!(
            opening("2023年,市场监督管理局认真贯彻落实《条例》。"),
            (None, Some(2023))
        );
        for whole in ["全县", "各部门", "政府办"] {
            assert_eq!(
                opening(&format!("2023年,{whole}坚持以公开为常态。")),
                (None, Some(2023)),
                "{whole}"
            );
        }
        // After the template's opening words and a sub-heading, the year run into the name.
        assert_eq!(
            meta_of("一、总体情况\n本报告依据《条例》要求编制。数据统计期限为2022年1月1日至2022年12月31日。\n(一)主动公开情况。2022年宜城市教育局全面贯彻落实《条例》精神。\n"),
            (Some("宜城市教育局".to_string()), Some(2022))
        );
        // A date is no year run into a name.
        assert_eq!(opening("2023年3月,某某局召开会议。"), (None, None));
        // The summary opening the text before its heading.
        assert_eq!(
            meta_of("2024年,在区政府政务信息公开工作主管部门的引领下,小营街道办事处严格依照区委、区政府的要求,现将本年度工作情况报告如下:\n一、总体情况\n(一)主动公开。\n"),
            (Some("小营街道办事处".to_string()), Some(2024))
        );
        // A sentence listing the report's parts is no heading of the summary.
        assert_eq!(
            meta_of("报告全文由总体情况、主动公开政府信息情况等组成。\n一、总体情况\n2023年，甘眉工业园区管委会严格按照《条例》。\n").0,
            Some("甘眉工业园区管委会".to_string())
        );
    }

    /// A page's header with the title alone over the article with the agency above the
    /// same title: the article's agency, not the header's line above (a hacked page's banner).
    #[test]
    fn a_title_repeated_below_under_its_agency_names_it() {
        let text = "365体育官网\n\n2019年度政府信息公开年度报告\n发布时间:2020-01-19 10:56 来源:办公室 浏览量:次\n字体:\n\n衡阳市国资委\n\n2019年度政府信息公开年度报告\n\n本年度报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n";
        assert_eq!(meta_of(text), (Some("衡阳市国资委".to_string()), Some(2019)));
        // A site's name is no agency above a title.
        assert_eq!(meta_of("某某市人民政府网\n2019年度政府信息公开年度报告\n").0, None);
    }

    /// A text without a title whose first sentence names the report after a verb of
    /// writing or publishing it (a page's text without its heading): the agency and year of
    /// that name; not a name inside a cited title, nor one that reads as no agency's.
    #[test]
    fn a_sentence_that_names_the_report_gives_its_agency_and_year() {
        let body = "\n一、总体情况\n本年度，我办坚持以习近平新时代中国特色社会主义思想为指导。\n";
        let named = |s: &str| {
            let m = meta(&lines(&format!("{s}{body}")));
            (m.agency, m.year, m.untitled)
        };
        let zhanjiang = "根据《中华人民共和国政府信息公开条例》要求,特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。本报告所列数据统计期限自2023年1月1日起到2023年12月31日止。";
        assert_eq!(
            named(zhanjiang),
            (Some("湛江市人民政府地方志办公室".to_string()), Some(2023), true)
        );
        let zichang = "根据《条例》编制本报告,现公布子长市人民政府2023年度政府信息公开工作报告。";
        assert_eq!(named(zichang), (Some("子长市人民政府".to_string()), Some(2023), true));
        // A report's name that lost its 公开.
        let xiguan = "根据《中华人民共和国政府信息公开条例》有关要求,现将莲湖区西关街道办事处2024年度政府信息工作年度报告予以公开。";
        assert_eq!(
            named(xiguan),
            (Some("莲湖区西关街道办事处".to_string()), Some(2024), true)
        );
        // A cited notice's title, a year not the report's name's, a name that is no agency's.
        let cited =
            "按照《某某市人民政府办公室关于印发某某市2020年政府信息公开工作年度报告编制要点的通知》要求编制本报告。";
        assert_eq!(named(cited), (None, None, false));
        let other = "特编制本报告。2023年政府信息公开工作取得新进展。";
        assert_eq!(named(other), (None, None, false));
        let plain = "现将2023年度政府信息公开工作年度报告公布如下。";
        assert_eq!(named(plain), (None, None, false));
        for own in [
            "现将我局2023年政府信息公开工作年度报告公布如下。",
            "现将本单位2023年度政府信息公开工作报告公布如下。",
        ] {
            assert_eq!(named(own), (None, None, false), "{own}");
        }
        // The name on a line of its own above the sentence is the agency's full name.
        let byline = "浑南区国资局\n根据《条例》相关要求,现公布区政府国资局2022年政府信息公开工作年度报告。";
        assert_eq!(named(byline), (Some("浑南区国资局".to_string()), Some(2022), true));
        // The agency's name after the year.
        let after = "本年度报告根据《条例》要求,汇总2021年度大东坝镇人民政府的政务公开年度报告编制而成。";
        assert_eq!(named(after), (Some("大东坝镇人民政府".to_string()), Some(2021), true));
        let after = "现通过政府门户网向社会公布2021年度张家湾镇人民政府信息公开工作年度报告。";
        assert_eq!(named(after), (Some("张家湾镇人民政府".to_string()), Some(2021), true));
    }

    /// A body without a title (a crawler's body saved without the header that held it):
    /// the year of the statistics' period it states and the agency that signs it, both or
    /// neither, and the meta says so.
    #[test]
    fn an_untitled_body_is_dated_by_its_period_and_named_by_its_signature() {
        let open = "根据《某某县2021年政府信息公开工作要点》要求编制本报告。本报告所列数据的统计期限自";
        let period = "2022年1月1日起至2022年12月31日止。一、总体情况2022年，我局……";
        let end = "六、其他需要报告的事项2022年，无收取信息处理费情况。 某某县教育局2023年1月4日";
        let m = meta(&lines(&format!("{open}{period}{end}")));
        assert_eq!(
            (m.agency.as_deref(), m.year, m.untitled),
            (Some("某某县教育局"), Some(2022), true)
        );
        // Some words after the date (the page's 附件下载), the signature on lines of its own.
        let m = meta(&lines(&format!("{open}{period}{end} 附件下载")));
        assert_eq!((m.agency.as_deref(), m.year), (Some("某某县教育局"), Some(2022)));
        let m = meta(&lines(&format!("{open}\n{period}\n无。\n某某县教育局\n2023年1月4日\n")));
        assert_eq!(
            (m.agency.as_deref(), m.year, m.untitled),
            (Some("某某县教育局"), Some(2022), true)
        );
        // Each without the other; no 11月1日 for a 1 January; no date in a sentence.
        let unsigned = format!("{open}{period}六、其他需要报告的事项无。");
        assert_eq!(meta_of(&unsigned), (None, Some(2022)));
        assert_eq!(
            meta_of(&format!("根据要求编制本报告。一、总体情况……{end}")),
            (Some("某某县教育局".to_string()), None)
        );
        let november = "本报告所列数据统计自2022年11月1日至2022年12月31日。";
        assert_eq!(meta_of(&format!("{november}\n无。")), (None, None));
        let sentence = "六、其他需要报告的事项。某某县教育局2023年1月4日召开了政务公开工作会议";
        assert_eq!(meta_of(&format!("{open}{period}{sentence}")), (None, Some(2022)));
        // The imprint below the signature (a Word export of the official document) is not it.
        let imprint =
            "某某县教育局\n2023年1月4日\n| 抄送：县政府办公室。 |\n| 某某县教育局办公室  2023年1月4日印发 |\n扫一扫";
        let m = meta(&lines(&format!("{open}\n{period}\n无。\n{imprint}\n")));
        assert_eq!(
            (m.agency.as_deref(), m.year, m.untitled),
            (Some("某某县教育局"), Some(2022), true)
        );
        // The whole text in full-width digits (自２０２２年１月１日起, ２０２３年１月４日).
        let full = crate::parse::numbers::fullwidth(&format!("{open}\n{period}\n无。\n{imprint}\n"), |c| {
            c.is_ascii_digit()
        });
        let m = meta(&lines(&full));
        assert_eq!(
            (m.agency.as_deref(), m.year, m.untitled),
            (Some("某某县教育局"), Some(2022), true)
        );
        // A title's agency and year are not the signature's.
        let m = meta(&lines(&format!(
            "某某县卫生局2022年政府信息公开工作年度报告\n{open}{period}{end}"
        )));
        assert_eq!(
            (m.agency.as_deref(), m.year, m.untitled),
            (Some("某某县卫生局"), Some(2022), false)
        );
    }

    #[test]
    fn dates() {
        assert_eq!(date("2020年1月13日"), Some(days_from_civil(2020, 1, 13)));
        assert_eq!(date(": 2021-01-12 16:07"), Some(days_from_civil(2021, 1, 12)));
        assert_eq!(date("二〇二一年一月十五日"), Some(days_from_civil(2021, 1, 15)));
        assert_eq!(date("2020年"), None);
        // A crawler dump's header: the date and the time after it (all the real crawler
        // dumps had no publication date).
        let head = "标题: 某局2019年度政府信息公开工作年度报告\n发布时间: 2020-01-20 15:22\n文号: \n";
        assert_eq!(published(&lines(head)), Some(days_from_civil(2020, 1, 20)));
        let spaced = "某局2019年度政府信息公开工作年度报告\n发 布 时 间：2020年1月21日\n";
        assert_eq!(published(&lines(spaced)), Some(days_from_civil(2020, 1, 21)));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2020, 3, 1), 18322);
    }

    #[test]
    fn phrases_are_found_through_white_space() {
        let line = "前文。二 、主 动\u{3000}公开 政府信息情况 （一）";
        let (s, e) = find_spaced(line, "主动公开政府信息情况", 0).unwrap();
        assert_eq!(&line[s..e], "主 动\u{3000}公开 政府信息情况");
        assert_eq!(find_spaced(line, "主动公开政府信息情况", e), None);
        assert_eq!(find_spaced("主动。公开", "主动公开", 0), None);
        // A 的 the phrase does not have (the heading as some reports word it), but no other
        // character.
        let worded = "二、收到和处理政府信息公开申请的情况（本列";
        let (s, e) = find_spaced(worded, "收到和处理政府信息公开申请情况", 0).unwrap();
        assert_eq!(&worded[s..e], "收到和处理政府信息公开申请的情况");
        assert_eq!(
            find_spaced("收到和处理政府信息公开申请及情况", "收到和处理政府信息公开申请情况", 0),
            None
        );
        assert_eq!(find_spaced("主动的公开", "主动公开", 0), Some((0, "主动的公开".len())));
        let cut = unglue_lines(line).text;
        assert_eq!(cut, "前文。\n二 、主 动\u{3000}公开 政府信息情况\n （一）\n");
        // The review heading with 与 or 及 (a real 2025 report: 行政复议与行政诉讼情况), and
        // with 提起 after any of them (苏平片区管理局 2019: 被申请行政复议和提起行政诉讼情况).
        for and in ["、", "和", "与", "及", "、提起", "和提起", "或提起", "及提起", "与提起"] {
            let line = format!("继续办理0000000四、政府信息公开行政复议{and}行政诉讼情况行政复议行政诉讼");
            let cut = unglue_lines(&line).text;
            assert_eq!(
                cut,
                format!("继续办理0000000\n四、政府信息公开行政复议{and}行政诉讼情况\n行政复议行政诉讼\n"),
                "{and}"
            );
            // Letter-spaced too (a crawler's text of a page set with spaces between its
            // characters).
            let spaced: String = line.chars().flat_map(|c| [c, ' ']).collect();
            let cut = unglue_lines(&spaced).text;
            let heading = cut.lines().find(|l| l.contains("况")).unwrap_or_default();
            assert!(
                heading.starts_with("四 、") && heading.trim_end().ends_with("情 况"),
                "{and}: {cut:?}"
            );
        }
    }

    #[test]
    fn a_sub_heading_in_the_summary_does_not_take_its_sections_number() {
        // 海坛片区管理局's 2020 report, its body on one line: 一、总体情况 opens with the
        // sub-heading （一）主动公开情况 (and, further on, （二）依申请公开情况). The 一、 is
        // 总体情况's, not the sub-heading's: taken as a numbered table heading, it was
        // preferred to 二、主动公开政府信息情况 and the table read from the summary's prose.
        let body =
            "一、总体情况（一）主动公开情况2020年，共公开政府信息254条，办理行政许可和其他对外管理服务事项的依据3条。\
            （二）依申请公开情况 2020年，共受理依申请公开 0 件。二、主动公开政府信息情况第二十条第（一）项";
        let cut = unglue_lines(body).text;
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(lines[0], "一、总体情况（一）");
        assert_eq!(lines[1], "主动公开情况");
        assert_eq!(lines[3], "依申请公开情况");
        assert_eq!(lines[5], "二、主动公开政府信息情况");
        // Nor across a stop; a few words between the number and the phrase are the
        // heading's own (四、因政府信息公开工作被申请行政复议、提起行政诉讼情况).
        assert_eq!(number_before("二、总体情况。"), None);
        assert_eq!(number_before("前文。二、"), Some("前文。".len()));
        assert_eq!(number_before("四、因政府信息公开工作被申请行政"), Some(0));
        assert_eq!(number_before("四、结转下年度继续办理0000000政府信息公开行政"), None);
    }

    #[test]
    fn numbered_headings_however_worded() {
        // Headings without 情况 or worded otherwise than any phrase: the section number,
        // then words that read as a table's heading, up to the table's header.
        let line =
            "一、总体情况2020年共公开信息3条。二、主动公开政府信息 通过门户网站公开。第二十条第（一）项信息内容规章000\
            三、收到和处理政府信息公开申请2020年共收到申请3件。（本列数据的勾稽关系为：…）申请人情况自然人\
            一、本年新收政府信息公开申请数量0000000四、结转下年度继续办理0000000\
            四、政府信息公开行政复议、诉讼情况行政复议行政诉讼结果维持0";
        let got: Vec<&str> = numbered_headings(line).iter().map(|&(s, e, _)| &line[s..e]).collect();
        assert_eq!(
            got,
            [
                "二、主动公开政府信息",
                "三、收到和处理政府信息公开申请",
                "四、政府信息公开行政复议、诉讼情况"
            ]
        );
        // The prose's year in full-width digits, a no-break space after a heading.
        let wide =
            "三、收到和处理政府信息公开申请２０２４年，共收到申请３件。二、主动公开政府信息\u{a0}通过门户网站公开。";
        let got: Vec<&str> = numbered_headings(wide).iter().map(|&(s, e, _)| &wide[s..e]).collect();
        assert_eq!(got, ["三、收到和处理政府信息公开申请", "二、主动公开政府信息"]);
        let cut = unglue_lines(line).text;
        let lines = lines(&cut);
        let r: Vec<(Table, &str)> = regions(&lines)
            .0
            .iter()
            .map(|r| (r.table, lines[r.heading].text))
            .collect();
        assert_eq!(
            r,
            [
                (Table::ActiveDisclosure, "二、主动公开政府信息"),
                (Table::Applications, "三、收到和处理政府信息公开申请"),
                (Table::ReviewLitigation, "四、政府信息公开行政复议、诉讼情况")
            ]
        );
    }

    #[test]
    fn an_unnumbered_heading_is_told_by_the_table_after_it() {
        // The tables' headings without their numbers, after the report's list of its
        // sections and the summary's sub-headings, which name the tables too: the heading
        // the table's header follows is the table's.
        let body = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况等。\
            一、总体情况（一）主动公开政府信息的情况2020年共公开政府信息254条。（二）依申请公开情况共受理0件。\
            主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000\
            收到和处理政府信息公开申请情况（本列数据的钩稽关系为：第一项加第二项之和）申请人情况自然人\
            四、结转下年度继续办理0000000政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正\
            五、存在的主要问题及改进情况无。";
        let cut = unglue_lines(body).text;
        let lines = lines(&cut);
        let r = regions(&lines).0;
        let got: Vec<(Table, &str, &str)> = r
            .iter()
            .map(|r| (r.table, lines[r.heading].text, &lines[r.heading + 1].text[..9]))
            .collect();
        assert_eq!(
            got,
            vec![
                (Table::ActiveDisclosure, "主动公开政府信息情况", "第二十"),
                (Table::Applications, "收到和处理政府信息公开申请情况", "（本列"),
                (Table::ReviewLitigation, "复议、行政诉讼情况", "行政复")
            ]
        );
    }

    /// Pandoc's grid tables after unnumbered headings: the rules and the cells' padding,
    /// hundreds of characters a line, do not hide the header the heading opens.
    #[test]
    fn an_unnumbered_heading_opens_a_grid_table() {
        let rule = format!("+{}+", "-".repeat(800));
        let cell = |s: &str| format!("| {s}{} |", " ".repeat(790 - s.chars().count()));
        let text = [
            "一、总体情况".to_string(),
            "（一）主动公开政府信息的情况".to_string(),
            "本年主动公开政府信息120条。".to_string(),
            "（二）依申请公开情况".to_string(),
            "本年受理申请3件。".to_string(),
            "主动公开政府信息情况".to_string(),
            String::new(),
            "::: {align=\"center\"}".to_string(),
            rule.clone(),
            cell("第二十条第（一）项"),
            rule.clone(),
            "收到和处理政府信息公开申请情况".to_string(),
            String::new(),
            "::: {align=\"center\"}".to_string(),
            rule.clone(),
            cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            cell(""),
            rule.clone(),
            cell("一、本年新收政府信息公开申请数量"),
        ]
        .join("\n");
        let lines = lines(&text);
        let r = regions(&lines).0;
        let got: Vec<(Table, &str)> = r.iter().map(|r| (r.table, lines[r.heading].text)).collect();
        assert_eq!(
            got,
            [
                (Table::ActiveDisclosure, "主动公开政府信息情况"),
                (Table::Applications, "收到和处理政府信息公开申请情况")
            ]
        );
    }

    /// pymupdf4llm's Markdown of a PDF: a heading joined to the paragraph before it, and
    /// one cut into a table's cells; neither is a heading where it is no numbered table's.
    #[test]
    fn headings_after_a_paragraph_or_cut_into_cells_are_found() {
        let text = "（五）监督保障。全年开展督查2次。 二、主动公开政府信息情况 \n|第二十条|信息内容|\n|规章|0|\n\
            |三、收到和处理政府信息公开|申请情况|||\n|申请人情况|自然人|\n|一、本年新收|1|\n\
            |四、政府信|息公开|行政复议、行政诉讼情况||||\n|结果维持|结果纠正|\n|0|0|\n";
        let got = heads(text);
        assert_eq!(
            got,
            vec![
                (Table::ActiveDisclosure, 0),
                (Table::Applications, 3),
                (Table::ReviewLitigation, 6)
            ]
        );
        // html2text's text of a layout table's cell: the heading in bold, the table's first
        // cell after a bar.
        assert_eq!(
            heading_after_prose("全年开展督查2次。  **二、主动公开政府信息情况** | 第二十条第（一）项").as_deref(),
            Some("二、主动公开政府信息情况")
        );
        for line in [
            "全年开展督查2次。二、主动公开政府信息情况",
            "全年开展督查2次。 我们将继续做好主动公开政府信息情况的统计",
            "全年开展督查2次。 我们将继续做好主动公开 | 二、主动公开政府信息情况",
        ] {
            assert_eq!(heading_after_prose(line), None, "{line}");
        }
        for line in [
            "|三、收到和处理政府信息公开|申请情况|1|",
            "三、收到和处理|政府信息公开申请情况",
            "|三、收到和处理政府信息公开申请情况|",
        ] {
            assert_eq!(heading_in_cells(line), None, "{line}");
        }
    }

    /// pymupdf4llm's Markdown of a PDF whose applications table's header and first rows it
    /// joined to the table above, the table's heading after them: the table starts at its
    /// header; not where no row of its own stands between them.
    #[test]
    fn an_applications_header_and_rows_before_its_heading_start_the_table() {
        let text = "二、主动公开政府信息情况\n|第二十条|信息内容|\n|行政事业性收费|5|\n\
            |、收到和处理政府信息<br>|公开申请情况<br>|||申请人情况<br>||\n|||自然人|总计|\n\
            |一、本年新收政府信息|公开申请数量|5|5|\n|二、上年结转政府信息|公开申请数量|0|0|\n\n\
            # 三、收到和处理政府信息公开申请情况\n\n|（一）予以公开|5|5|\n\
            四、政府信息公开行政复议、行政诉讼情况\n|结果维持|结果纠正|\n|0|0|\n";
        assert_eq!(
            heads(text),
            vec![
                (Table::ActiveDisclosure, 0),
                (Table::Applications, 3),
                (Table::ReviewLitigation, 11)
            ]
        );
        let apart = text.replace("|一、本年新收政府信息|公开申请数量|5|5|\n", "|行政强制|5|5|\n");
        assert_eq!(heads(&apart)[1], (Table::Applications, 8));
        // Spaces among the characters (a PDF's text): the same.
        let spaced = text
            .replace("本年新收", "本 年新收")
            .replace("申请人情况", "申请 人情况");
        assert_eq!(heads(&spaced)[1], (Table::Applications, 3));
    }

    /// The tables `regions` finds in `text` and their headings' lines.
    fn heads(text: &str) -> Vec<(Table, usize)> {
        regions(&lines(text)).0.iter().map(|r| (r.table, r.heading)).collect()
    }

    #[test]
    fn letter_spaced_headings_are_one_cell() {
        let text = "二、主\u{3000}动\u{3000}公\u{3000}开\u{3000}政\u{3000}府\u{3000}信\u{3000}息\u{3000}情\u{3000}况\n规章\t0\n\
            四、政府信息公开行政复\u{3000}议\u{3000}、\u{3000}行\u{3000}政\u{3000}诉\u{3000}讼\u{3000}情\u{3000}况\n\
            行政复议\u{3000}行政诉讼\n结果维持\u{3000}结果纠正\u{3000}其他结果\u{3000}尚未审结\u{3000}总计\n0";
        let got = heads(text);
        assert_eq!(got, vec![(Table::ActiveDisclosure, 0), (Table::ReviewLitigation, 2)]);
        // Every table found in the prose's sub-headings first ((一)主动公开情况, as a real
        // 2025 report words its summary; a crawler dump's body is cut there): the spaced
        // numbered headings still win.
        let text = "主动公开情况\n。累计主动公开政府信息251条。\n依申请公开情况\n。共收到申请6件。\n\
            二、主\u{3000}动\u{3000}公\u{3000}开\u{3000}政\u{3000}府\u{3000}信\u{3000}息\u{3000}情\u{3000}况\n规章\t0\n\
            三、收\u{3000}到\u{3000}和\u{3000}处\u{3000}理\u{3000}政\u{3000}府\u{3000}信\u{3000}息\u{3000}公\u{3000}开\u{3000}申\u{3000}请\u{3000}情\u{3000}况\n\
            一、本年新收\t1\n四、政府信息公开行政复议、行政诉讼情况\n0";
        let got = heads(text);
        assert_eq!(
            got,
            vec![
                (Table::ActiveDisclosure, 4),
                (Table::Applications, 6),
                (Table::ReviewLitigation, 8)
            ]
        );
        // Words set apart by spaces, a wide gap among them (a PDF's OCR text layer).
        let text = "二 、 主 动 公 开 政府 信息 情况\n规 章       0\n\
            四 、 政 府 信 息 公 开行 政 复议                  、 行 政 诉讼 情况\n\
            行政 复议                       行政 诉讼\n结果 维持   结果 纠正   其他 结果   尚未 审结   总 计\n0";
        let got = heads(text);
        assert_eq!(got, vec![(Table::ActiveDisclosure, 0), (Table::ReviewLitigation, 2)]);
        // A table's header row (cells of four characters or more), a row with a number.
        assert_eq!(letter_spaced("行政复议\u{3000}行政诉讼", 40), None);
        assert_eq!(
            letter_spaced(
                "结果维持\u{3000}结果纠正\u{3000}其他结果\u{3000}尚未审结\u{3000}总计",
                40
            ),
            None
        );
        assert_eq!(letter_spaced("规\u{3000}章\u{3000}1\u{3000}个", 40), None);
        assert_eq!(
            letter_spaced("一、总\u{3000}体\u{3000}情\u{3000}况", 40).as_deref(),
            Some("一、总体情况")
        );
    }

    #[test]
    fn headings_not_rows() {
        let text = "二、主动公开政府信息情况\n规章\t0\n三、收到和处理政府信息公开申请情况\n一、本年新收\t1\n四、结转下年度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n0\n五、存在的主要问题及改进情况\n文字";
        let r = regions(&lines(text)).0;
        let got: Vec<(Table, usize, usize)> = r.iter().map(|r| (r.table, r.heading, r.end)).collect();
        assert_eq!(
            got,
            vec![
                (Table::ActiveDisclosure, 0, 2),
                (Table::Applications, 2, 5),
                (Table::ReviewLitigation, 5, 7)
            ]
        );
    }

    /// A table of contents' entries (a heading's words, a dot leader or white space, the
    /// page's number) are no headings: the tables' are the ones below.
    #[test]
    fn a_table_of_contents_entries_are_no_headings() {
        for entry in [
            "……………………{}",
            ".........{}",
            " . . . . {}",
            "··········{}",
            "\t{}",
            "      {}",
        ] {
            let toc: String = [
                "二、主动公开政府信息情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
            ]
            .iter()
            .enumerate()
            .map(|(i, h)| format!("{h}{}\n", entry.replace("{}", &(i + 2).to_string())))
            .collect();
            let text = format!(
                "目  录\n{toc}二、主动公开政府信息情况\n规章\t0\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n0\n五、存在的主要问题及改进情况\n文字"
            );
            assert_eq!(
                heads(&text),
                vec![(Table::ActiveDisclosure, 4), (Table::ReviewLitigation, 6)],
                "{entry:?}"
            );
        }
        assert!(leader_and_page("……………4二、主动公开"));
        assert!(!leader_and_page(" 0 0 0 0 0"));
        assert!(!leader_and_page("（一）"));
    }

    /// The fee table's header row after the review table, under a heading worded as no
    /// section's (`政府信息公开处理费情况`), ends the review table: in a tab-separated text,
    /// letter-spaced, and as a Markdown or box table's row (`| 通知收取件数 | … |`).
    #[test]
    fn the_fee_tables_header_row_ends_the_review_table() {
        for header in [
            "通知收取件数\t通知收取金额（元）\t实际收取金额（元）",
            "通 知 收 取 件 数\t通知收取金额（元）",
            "| 通知收取件数 | 通知收取金额（元） | 实际收取金额（元） |",
            "│通知收取件数│通知收取金额（元）│实际收取金额（元）│",
        ] {
            let text = format!(
                "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n0\t0\t0\t0\t0\n政府信息公开处理费情况\n{header}\n3\t150\t150\n文字"
            );
            let r = regions(&lines(&text)).0;
            let got: Vec<(Table, usize, usize)> = r.iter().map(|r| (r.table, r.heading, r.end)).collect();
            assert_eq!(got, vec![(Table::ReviewLitigation, 0, 4)], "{header}");
        }
    }

    /// PyMuPDF's sorted text that put the review table's last line of values and the next
    /// section's heading on one line (`… 6 0 8五、存在的主要问题及改进情况`): the line is the
    /// table's too; a heading alone, or after words, is not.
    #[test]
    fn review_values_on_the_next_headings_line_are_the_tables() {
        let end = |last: &str| {
            let text = format!(
                "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正\n{last}\n2020年，我局……\n六、其他需要报告的事项\n无。"
            );
            let r = regions(&lines(&text)).0;
            r.iter().find(|r| r.table == Table::ReviewLitigation).map(|r| r.end)
        };
        assert_eq!(
            end(" 0 0 0 5 5 0 0 6 6 12 2 0 6 0 8五、存在的主要问题及改进情况"),
            Some(4)
        );
        assert_eq!(
            end("0 0 0 5 5 0 0 6 6 12 2 0 6 0 8 五、存在的主要问题及改进情况"),
            Some(4)
        );
        assert_eq!(end("五、存在的主要问题及改进情况"), Some(3));
        assert_eq!(end("共8件。五、存在的主要问题及改进情况"), Some(3));
    }

    /// A PDF's text that put the review table's heading on the line of the applications
    /// table's last row, after its values: the heading is found there, and the line is the
    /// applications table's too (its region ends after it, the review's starts after it).
    #[test]
    fn a_heading_after_a_rows_last_value_on_its_line_is_found() {
        for glue in ["", " "] {
            let text = format!(
                "三、收到和处理政府信息公开申请情况\n申请人情况 自然人 总计\n一、本年新收政府信息公开申请数量 1 1\n\
                 四、结转下年度继续办理 0 0 0 0 0 0 0{glue}四、政府信息公开行政复议、行政诉讼情况\n\
                 行政复议 行政诉讼\n结果维持 结果纠正\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n无。"
            );
            let r = regions(&lines(&text)).0;
            let got: Vec<(Table, usize, usize)> = r.iter().map(|r| (r.table, r.heading, r.end)).collect();
            assert_eq!(
                got,
                vec![(Table::Applications, 0, 4), (Table::ReviewLitigation, 3, 7)],
                "{glue:?}"
            );
        }
        assert_eq!(
            heading_after_values("四、结转下年度继续办理 0 0 7四、政府信息公开行政复议、行政诉讼情况").as_deref(),
            Some("四、政府信息公开行政复议、行政诉讼情况")
        );
        for line in [
            "四、政府信息公开行政复议、行政诉讼情况",
            "2020年四、政府信息公开行政复议、行政诉讼情况",
            "结转 0 0 7四、结转下年度继续办理",
        ] {
            assert_eq!(heading_after_values(line), None, "{line}");
        }
    }

    /// A PDF's text that put the next section's heading among the review table's values
    /// (five, the heading, ten): the region goes on past the heading to the values that
    /// make its fifteen, and no further; not where they would be more or fewer.
    #[test]
    fn review_values_after_the_next_heading_are_the_tables() {
        let review = |after: &str| {
            let text = format!(
                "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果维持 总计\n０\n\n０\n６\n１\n７\n\
                 五、存在的主要问题及改进情况\n\n{after}\n2020年，我局……\n六、其他需要报告的事项\n无。"
            );
            let lines = lines(&text);
            let r = regions(&lines).0;
            let r = r.iter().find(|r| r.table == Table::ReviewLitigation).unwrap();
            lines[r.end - 1].text.to_string()
        };
        let ten = "０\n\n０\n０\n０\n０\n０ ０\n０\n０\n０";
        assert_eq!(review(ten), "０");
        assert_eq!(review(&format!("{ten}\n\n１")), "７");
        assert_eq!(review("０\n０"), "７");
        assert_eq!(review("- 5 -"), "７");
        // A page's number among the ten is none of them (`tools/damage.py`'s `page-numbers`
        // on `converted/full_2019_pdftotext`).
        assert_eq!(review("０\n\n０\n- 35 -\n０\n０\n０\n０ ０\n０\n０\n０"), "０");
    }
}
