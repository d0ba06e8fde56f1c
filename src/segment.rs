//! Text lines → report metadata (agency, year, publication date) and the regions of the
//! three tables. Headings are found by their keywords on short one-cell lines, never by
//! their numbering (reports misnumber sections, and the applications table has rows that
//! look like headings: 四、结转下年度继续办理). Pure: no I/O, no table parsing.

use crate::parse::grid::{self, Line};
use crate::parse::labels::{normalize, normalized_any, normalized_within, push_normalized};
use crate::parse::numbers::halfwidth;
use crate::template::{Table, Template};

/// What the title and the text say about the report.
#[derive(Debug, Default, PartialEq)]
pub struct Meta {
    /// As printed in the title, NFKC-normalised, no spaces.
    pub agency: Option<String>,
    /// The year reported on.
    pub year: Option<i32>,
    /// Publication or signing date, days since 1970-01-01.
    pub published: Option<i32>,
    pub title_line: Option<u32>,
    /// No title was found: the agency is the one that signs the report, the year its
    /// statistics period's (a crawler's body saved without the header that held the title).
    pub untitled: bool,
    /// The title's year and the year of the statistics' period the report states, where
    /// they differ (`year` is the one the publication date or the summary's first words
    /// bear out, else the title's).
    pub year_conflict: Option<(i32, i32, &'static str)>,
}

/// Lines of the document that hold one non-empty cell of at most `max` characters once
/// normalised, normalised, with their index. Longer cells (prose) cost no string.
fn single_cells_upto<'a>(lines: &'a [Line<'a>], max: usize) -> impl Iterator<Item = (usize, String)> + 'a {
    lines.iter().enumerate().filter_map(move |(i, l)| {
        let cell = grid::single_cell_within(l.text, max)?;
        Some((i, normalize(cell)))
    })
}

/// A heading set with ideographic spaces between its characters (二、主　动　公　开…,
/// justified in a word processor), or with spaces between its words and a wide gap among
/// them (a PDF's OCR text layer with its layout kept, `四 、 政 府 信 息 公 开行 政 复议      、
/// 行 政 诉讼 情况`): the spaces split cells, so the line reads as four or more cells with
/// no digit, three in four of them one to three characters long (a table's header row has
/// longer ones). Its text, normalised, when that has at most `max` characters.
fn letter_spaced(line: &str, max: usize) -> Option<String> {
    // A character and a space are at most six bytes: most lines fail here.
    if line.len() > max * 6 {
        return None;
    }
    let (mut pieces, mut short) = (0, 0);
    for piece in line.split(char::is_whitespace).filter(|p| !p.is_empty()) {
        let mut chars = 0;
        for c in piece.chars() {
            if halfwidth(c).is_ascii_digit() {
                return None;
            }
            chars += 1;
        }
        pieces += 1;
        short += usize::from(chars <= 3);
    }
    let s = normalize(line);
    (pieces >= 4 && short * 4 >= pieces * 3 && s.chars().count() <= max).then_some(s)
}

const CN_DIGITS: &[(char, u32)] = &[
    ('〇', 0),
    ('零', 0),
    ('○', 0),
    ('O', 0),
    ('一', 1),
    ('二', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

fn digit(c: char) -> Option<u32> {
    let c = halfwidth(c);
    c.to_digit(10)
        .or_else(|| CN_DIGITS.iter().find(|(d, _)| *d == c).map(|(_, v)| *v))
}

/// A year written before 年 (2020年, 2020 年, ２０２０年度, 二〇二〇年): (char index where
/// the year starts, char index after 年, year).
pub fn find_year(chars: &[char]) -> Option<(usize, usize, i32)> {
    for (i, &c) in chars.iter().enumerate() {
        if c != '年' {
            continue;
        }
        let mut j = i;
        while j > 0 && chars[j - 1].is_whitespace() {
            j -= 1;
        }
        let end = j;
        let mut v = 0u32;
        let mut n = 0;
        while j > 0 && n < 4 {
            match digit(chars[j - 1]) {
                Some(_) => {
                    j -= 1;
                    n += 1;
                }
                None => break,
            }
        }
        if n != 4 || (j > 0 && digit(chars[j - 1]).is_some()) {
            continue;
        }
        for &d in &chars[j..end] {
            v = v * 10 + digit(d).unwrap_or(0);
        }
        if (1990..=2100).contains(&v) {
            return Some((j, i + 1, v as i32));
        }
    }
    None
}

/// The year [`find_year`] finds in a text.
fn year_in(text: &str) -> Option<i32> {
    find_year(&text.chars().collect::<Vec<_>>()).map(|f| f.2)
}

/// A year of four digits ending a title, maybe in brackets (…年度报告2020, …报告（2020）).
fn trailing_year(chars: &[char]) -> Option<i32> {
    let mut end = chars.len();
    if end > 0 && matches!(chars[end - 1], ')' | '）') {
        end -= 1;
    }
    let start = end.checked_sub(4)?;
    let digits = &chars[start..end];
    if !digits.iter().all(char::is_ascii_digit) || (start > 0 && chars[start - 1].is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits.iter().collect::<String>().parse().ok()?;
    (1990..=2100).contains(&year).then_some(year)
}

fn is_title(norm: &str) -> bool {
    // A title in book-title marks, alone on its line (《某某局2020年政府信息公开工作年度报告》);
    // a sentence citing a title or the regulation (根据《…条例》), or the end of one wrapped
    // (…信息公开工作年度报告编制公布工作的通知》要求，…), is none.
    let norm = norm
        .strip_prefix('《')
        .and_then(|n| n.strip_suffix('》'))
        .filter(|n| !n.contains(['《', '》']))
        .unwrap_or(norm);
    // 年报 with the year before it (某某局2020年度政府信息公开年报); a portal's column of the
    // same name (政府信息公开年报) has none.
    let annual = || norm.ends_with("年报") && year_in(norm).is_some();
    (norm.contains("报告") || annual())
        && (norm.contains("信息公开") || norm.contains("政务公开"))
        && norm.chars().count() <= 80
        && !norm.contains(['《', '》'])
        && !norm.contains('。')
        && !norm.starts_with("根据")
        // (Nor a sentence introducing the report, `…现将本年度工作情况报告如下：`.)
        && !norm.contains("如下")
}

/// The title that `last` (a line with 报告 that is not a title by itself) ends, when one or
/// two short lines before it (the end of `before`) complete it: the index of its first
/// line in `before` and the title.
fn wrapped_title(before: &[(usize, &str)], last: &str) -> Option<(usize, String)> {
    if !last.contains("报告") {
        return None;
    }
    let mut joined = last.to_string();
    for (p, (_, raw)) in before.iter().enumerate().rev().take(2) {
        let prev = normalize(raw);
        // (Nor a title of its own: a yearless title followed by a sentence with 报告 and a
        // year, `报告中所列数据的统计期限自2020年1月1`.)
        if prev.chars().count() > 40 || prev.contains('。') || is_chrome(&prev) || is_title(&prev) {
            return None;
        }
        joined.insert_str(0, &prev);
        if is_title(&joined) {
            return Some((p, joined));
        }
    }
    None
}

/// Lines before the title that are site chrome, not the agency's name.
fn is_chrome(norm: &str) -> bool {
    [
        "发布时间",
        "发布日期",
        "来源",
        "阅读",
        "浏览",
        "字号",
        "当前位置",
        "首页",
        "打印",
        "关闭",
        "分享",
        "索引号",
        "文号",
        "http",
        "www.",
    ]
    .iter()
    .any(|k| norm.contains(k))
}

/// Keys of a page's field that holds the report's title (a page's table of its
/// particulars: 索引号、发布机构、名称、生成日期…).
const TITLE_KEYS: [&str; 7] = ["标题", "名称", "题名", "题目", "文件名称", "信息名称", "文章标题"];

/// Keys of a line that names other reports (links beside or below the report); any key
/// that opens with 相关 too (相关文件, 相关报告).
const OTHER_REPORT_KEYS: [&str; 11] = [
    "推荐阅读",
    "延伸阅读",
    "热点推荐",
    "往期回顾",
    "上一篇",
    "下一篇",
    "上篇",
    "下篇",
    "上一条",
    "下一条",
    "前一篇",
];

/// Whether a field's key names other reports ([`OTHER_REPORT_KEYS`], or 相关…).
fn names_other_report(key: &str) -> bool {
    key.starts_with("相关") || OTHER_REPORT_KEYS.contains(&key)
}

/// The key of a field a line opens with (at most six characters of CJK before a colon,
/// white space within it dropped: `标    题：`) and the text after the colon.
fn field_key(raw: &str) -> Option<(String, &str)> {
    let at = raw.find(['：', ':'])?;
    let key: String = raw[..at].chars().filter(|c| !c.is_whitespace()).collect();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    if key.is_empty() || key.chars().count() > 6 || !key.chars().all(cjk) {
        return None;
    }
    let colon = raw[at..].chars().next().map_or(1, char::len_utf8);
    Some((key, raw[at + colon..].trim()))
}

/// Whether a title names its agency around its year (`某某局2020年…`, `2020年度某某局政府
/// 信息公开…`), not only the year and the reports' column (`2019年政府信息公开年报`, a
/// menu's link).
fn names_agency(norm: &str) -> bool {
    let chars: Vec<char> = norm.chars().collect();
    let Some((start, end, _)) = find_year(&chars) else {
        return false;
    };
    let before: String = chars[..start].iter().filter(|c| c.is_alphanumeric()).collect();
    let after: String = chars[end..].iter().collect();
    let after = after.strip_prefix('度').unwrap_or(&after);
    !before.is_empty() || subject_at(after).is_some_and(|at| at > 0)
}

/// Whether the title `norm` is another report's than the one whose head `later` ends: a
/// title after it in the head, naming its agency (no sentence, no field), is of the year
/// the report's statistics cover or of the agency that signs it, and `norm` is of neither.
/// `body` keeps those two once looked for, each when first needed.
fn another_report(norm: &str, later: &[(usize, &str)], lines: &[Line<'_>], body: &mut Body) -> bool {
    let year = *body.year.get_or_insert_with(|| statistics_year(lines));
    if year.is_some() && year_in(norm) == year {
        return false;
    }
    // (报 is in 报告 and 年报: most lines have neither.)
    let titles: Vec<String> = later
        .iter()
        .filter(|(_, r)| r.contains('报'))
        .map(|(_, r)| normalize(r))
        .filter(|n| is_title(n) && names_agency(n) && !n.contains([',', '，', ':', '：']))
        .collect();
    if titles.is_empty() {
        return false;
    }
    let signer = body.signer.get_or_insert_with(|| signatory(lines)).as_deref();
    let of = |n: &str| year.is_some() && year_in(n) == year || signer.is_some_and(|s| n.contains(s));
    !of(norm) && titles.iter().any(|n| of(n))
}

/// The year a report's statistics cover and the agency that signs it, each looked for once.
#[derive(Default)]
struct Body {
    year: Option<Option<i32>>,
    signer: Option<Option<String>>,
}

/// Breadcrumb separators (`首页 > 政府信息公开 > 年度报告`).
const CRUMBS: [char; 4] = ['>', '›', '»', '＞'];

/// A line of a page's chrome: a breadcrumb, or the page's fields (发布时间、来源、浏览次数).
fn is_chrome_line(raw: &str) -> bool {
    raw.contains(CRUMBS) || is_chrome(&normalize(raw))
}

/// The title a line of chrome holds: a cell or word of it that is a title naming its
/// agency and year, else all that follows the breadcrumb's last separator when that is one
/// (`当前位置：首页 > 信息公开 > 某某局 2020年 政府信息公开工作年度报告`). None for a menu or
/// breadcrumb that only names the reports' column (`首页 > 政府信息公开 > 年度报告 机构职能
/// 2020年以前`: its year is no report's) or fields run into a title with no space between.
/// A page's buttons in brackets after the title (`【打印】【关闭】`) are none of it.
fn title_in_chrome(raw: &str) -> Option<&str> {
    let mut tail = raw.rsplit(CRUMBS).next().unwrap_or(raw).trim();
    // A page's buttons after the title, in brackets (`…年度报告【打印】【关闭】`).
    while let Some(rest) = tail
        .strip_suffix('】')
        .and_then(|t| t.rfind('【').map(|at| t[..at].trim_end()))
    {
        if rest.is_empty() {
            break;
        }
        tail = rest;
    }
    let title = |c: &str, piece: bool| {
        let n = normalize(c);
        // A piece among others (a menu's link, `2019年政府信息公开年报`) names its agency.
        is_title(&n) && !is_chrome(&n) && if piece { names_agency(&n) } else { year_in(&n).is_some() }
    };
    grid::cells(tail)
        .into_iter()
        .find(|c| title(c, true))
        .or_else(|| tail.split_whitespace().find(|c| title(c, true)))
        .or_else(|| Some(tail).filter(|t| title(t, false)))
}

/// Cleans an agency name: NFKC-like half-width, no spaces, no wrapping punctuation, no
/// trailing 关于.
pub fn clean_agency(s: &str) -> Option<String> {
    let mut a = normalize(s);
    for p in ["标题:", "标题：", "title:", "Title:", "TITLE:"] {
        if let Some(rest) = a.strip_prefix(p) {
            a = rest.to_string();
        }
    }
    // A site's name before the title, as a page's <title> may put it (某某市人民政府门户网站-,
    // 中国·平潭 | ): the name is what follows the last separator, when something does.
    if let Some(at) = a.rfind(['-', '_', '|', '—']) {
        let rest: String = a[at..].chars().skip(1).collect();
        if rest.chars().count() >= 2 {
            a = rest;
        }
    }
    // A date before the title (a list's `2021-01-20 某某局…`): no name starts with a digit.
    let dated = a.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ':'));
    if dated.len() < a.len() && dated.chars().count() >= 2 {
        a = dated.to_string();
    }
    // A column's tag before the title (【政府信息公开年报】, [年报]).
    for (open, close) in [('【', '】'), ('[', ']')] {
        if let Some(rest) = a.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let after = &rest[end + close.len_utf8()..];
                if after.chars().count() >= 2 {
                    a = after.to_string();
                }
            }
        }
    }
    // An attachment's mark before the title (附件：, 附件2:).
    if let Some(rest) = a.strip_prefix("附件") {
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：')) {
            a = rest.to_string();
        }
    }
    let trim: &[char] = &[
        '《', '》', '“', '”', '"', ':', '：', '、', ',', '，', '-', '—', '|', '(', ')', '【', '】',
        // A Markdown heading's marks (# title, **title**).
        '#', '*',
    ];
    let mut a = trim_name(&a, trim);
    // A letter or notice sending the report (某某局关于报送2020年度…报告的函, 关于发布…的通知):
    // the name stands before 关于 and its verb.
    for verb in ["报送", "上报", "呈报", "提交", "印发", "转发", "公布", "发布"] {
        if let Some(rest) = a.strip_suffix(verb).filter(|r| r.ends_with("关于")) {
            a = rest.to_string();
            break;
        }
    }
    for suffix in ["关于", "发布", "的"] {
        if let Some(rest) = a.strip_suffix(suffix) {
            a = rest.to_string();
        }
    }
    // No agency's name holds 关于: the name before it, what follows naming the area the
    // report covers (某某县人民政府关于某某县2020年政府信息公开工作年度报告).
    if let Some(at) = a.find("关于").filter(|&at| at > 0) {
        a.truncate(at);
    }
    if let Some(rest) = a.strip_prefix("关于") {
        a = rest.to_string();
    }
    // 关于印发某某局…报告的通知.
    for p in ["印发", "转发", "公布"] {
        if let Some(rest) = a.strip_prefix(p) {
            a = rest.to_string();
        }
    }
    let mut a = trim_name(&a, trim);
    // The title's words after the name (某某局政府信息公开工作2020年度报告, 某某局政府信息公开
    // 工作年度报告（2020年）).
    while let Some(rest) = ["年度报告", "年报", "工作", "政府信息公开", "政务公开"]
        .iter()
        .find_map(|w| a.strip_suffix(w))
    {
        a = trim_name(rest, trim);
    }
    // A seal mark or a date printed after the name: 某某局(盖章), 某某局2021年1月20日.
    for seal in ["(盖章)", "(章)", "(印章)", "(公章)", "盖章"] {
        if let Some(rest) = a.strip_suffix(seal) {
            a = rest.to_string();
        }
    }
    if let Some(p) = a.find(|c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c)) {
        let tail = &a[p..];
        let date = tail
            .chars()
            .all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十年月日.-/".contains(c));
        if date && (tail.contains('年') || tail.contains('-') || tail.contains('.')) && p > 0 {
            a.truncate(p);
        }
    }
    let a = trim_name(&a, trim);
    // A name is written in characters (not a year's digits alone on a cover's line).
    (a.chars().count() >= 2 && a.chars().any(|c| c.is_alphabetic() && !c.is_ascii())).then_some(a)
}

/// The key of a metadata field a line holds (`title: …`, `tags: […]`, as the front matter
/// a converter writes above a page's text): ASCII letters or `_` before a colon.
fn metadata_key(norm: &str) -> Option<&str> {
    let end = norm.find(':')?;
    let key = &norm[..end];
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')).then_some(key)
}

/// `s` without the punctuation of `trim` around it, but for a closing bracket its own
/// opening one needs: a second name in brackets (某某县卫生健康局(某某县中医药管理局),
/// an agency's other plate) keeps its end.
fn trim_name(s: &str, trim: &[char]) -> String {
    let t = s.trim_matches(trim);
    let rest = &s[s.len() - s.trim_start_matches(trim).len() + t.len()..];
    if rest.starts_with(')') && t.matches('(').count() > t.matches(')').count() {
        return format!("{t})");
    }
    t.to_string()
}

/// Title, agency, year and date of a report.
pub fn meta(lines: &[Line<'_>]) -> Meta {
    let mut m = Meta::default();
    // The head's first 80 non-empty lines, normalised only when looked at (a page's text
    // may hold a line of its own for each item of the site's menus, an empty line between
    // them: the title 150 lines down).
    let singles: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        // (Nor a fence of Pandoc's Markdown around a page's divisions, `::: {.header}`.)
        .filter(|(_, l)| normalized_any(l.text) && !l.text.trim_start().starts_with(":::"))
        .map(|(i, l)| (i, l.text))
        .take(80)
        .collect();
    // The first title without a year: its line, its first line among `singles`, its text.
    let mut yearless: Option<(usize, usize, String)> = None;
    // The year the report's statistics cover and the agency that signs it, when looked at.
    let mut body = Body::default();
    // First the lines that may be a title (at most 80 characters, `is_title`), then, when
    // none is, the longer lines' heads up to their first 报告: a title run into the text
    // after it (a crawler's one-line body with no header above it).
    'passes: for whole in [true, false] {
        for (k, &(i, raw)) in singles.iter().enumerate() {
            let raw = match (whole, normalized_within(raw, 80)) {
                (true, true) => raw,
                (false, false) => {
                    // The head up to its first 报告; or, where that is no title with a year
                    // and the line's cells are apart by bars or tabs, up to a later 报告 in
                    // the first cell that is (a page's layout table put into text: `|信息
                    // 公开目录年度报告|某某局2022年…年度报告 本报告根据…`).
                    let mut heads = raw
                        .match_indices("报告")
                        .map(|(at, _)| &raw[..at + "报告".len()])
                        .take_while(|head| normalized_within(head, 80));
                    let Some(first) = heads.next() else { continue };
                    let dated = |head: &str| {
                        let n = normalize(head);
                        is_title(&n) && year_in(&n).is_some()
                    };
                    let head = if dated(first) || !first.contains(['|', '\t']) {
                        first
                    } else {
                        std::iter::once(first)
                            .chain(heads)
                            .map(|h| h.rsplit(['|', '\t']).next().unwrap_or(h))
                            .find(|h| dated(h))
                            .unwrap_or(first)
                    };
                    // Site chrome run in before it (当前位置： 首页政务公开… XX局2021年…):
                    // the title is what follows the last space.
                    let head = if is_chrome(&normalize(head)) {
                        head.rsplit(char::is_whitespace).next().unwrap_or(head)
                    } else {
                        head
                    };
                    // Not a sentence that names the report (按照要求，现将…报告).
                    if head.contains(['，', ',', '；', '：', ':', '、']) {
                        continue;
                    }
                    head
                }
                _ => continue,
            };
            // An item of a list (a sidebar's latest reports, `· 某某局2019年政府信息公开年报`)
            // is no title.
            if raw
                .trim_start()
                .starts_with(['·', '•', '●', '◆', '◇', '■', '□', '▪', '○', '►', '▶', '★', '☆'])
            {
                continue;
            }
            let line = raw;
            // A title in a page's layout column, after a menu's cell on its line
            // (`信息公开目录    某某局2023年…报告`): the cell that is a title with a year (not
            // a title spaced out, `某某局  2020年度  政府信息公开工作年度报告`).
            let raw = if raw.contains(['\t', ' ']) {
                let is_whole = |c: &&str| {
                    let n = normalize(c);
                    is_title(&n) && year_in(&n).is_some()
                };
                // (Or a word of it: the title before the text its layout cell runs on with,
                // one space apart, `某某局2022年…年度报告 本报告根据《中`, a PDF's line.)
                grid::cells(raw)
                    .into_iter()
                    .find(is_whole)
                    .or_else(|| raw.split_whitespace().find(is_whole))
                    .unwrap_or(raw)
            } else {
                raw
            };
            let mut norm = normalize(raw);
            // A metadata field other than the title (a converter's front matter: `tags:
            // ['信息公开、年度报告']`, `description: …`) is none.
            if metadata_key(&norm).is_some_and(|k| !k.eq_ignore_ascii_case("title")) {
                continue;
            }
            // A line that reads as a title may be a page's field naming the report, after its
            // key (`标    题：…`, `名称：…`), or one naming another report (`相关链接：…`,
            // `上一篇：…`); a line of the site's chrome holds a title only as a piece of its
            // own.
            if is_title(&norm) {
                match field_key(line) {
                    Some((key, _)) if names_other_report(&key) => continue,
                    Some((key, value)) if TITLE_KEYS.contains(&key.as_str()) => {
                        norm = normalize(grid::cells(value).into_iter().next().unwrap_or(value));
                    }
                    _ if whole && is_chrome_line(line) => {
                        let Some(title) = title_in_chrome(line) else { continue };
                        norm = normalize(title);
                    }
                    _ => {}
                }
            }
            // The title's first line among `singles`.
            let at = k;
            let mut k = k;
            if !is_title(&norm) {
                // A title wrapped over two or three lines (…2020年度政府信息公开 / 工作年度报告).
                match whole.then(|| wrapped_title(&singles[..k], &norm)).flatten() {
                    Some((first, joined)) => (k, norm) = (first, joined),
                    None => continue,
                }
            }
            let chars: Vec<char> = norm.chars().collect();
            let found = find_year(&chars).or_else(|| {
                // "XX局2020年度" on the line before "政府信息公开工作年度报告"; or the year's
                // digits alone there, before "年政府信息公开…" (a PDF's text of a title set
                // in two fonts).
                // (Not a line of the page's chrome: a breadcrumb's `2020年以前`.)
                k.checked_sub(1)
                    .filter(|&p| !is_chrome_line(singles[p].1))
                    .and_then(|p| {
                        let mut prev = normalize(singles[p].1);
                        if norm.starts_with('年') {
                            prev.push('年');
                        }
                        let prev: Vec<char> = prev.chars().collect();
                        find_year(&prev).map(|(s, _, y)| (s, usize::MAX, y))
                    })
            });
            // An item of a list of other reports above the title (a sidebar's latest,
            // `某某市教育局2019年政府信息公开年报`, with no bullet) is none where a later title
            // is of the year the report's statistics cover or of the agency that signs it, and
            // this one of neither.
            if whole
                && found.is_some_and(|f| f.1 != usize::MAX)
                && another_report(&norm, &singles[at + 1..], lines, &mut body)
            {
                continue;
            }
            let Some((start, year_end, year)) = found else {
                // The year after the title, without 年 (某某局政府信息公开工作年度报告2020,
                // …年度报告（2020）).
                if let Some(year) = trailing_year(&chars) {
                    m.year = Some(year);
                    m.title_line = Some(lines[i].no);
                    let end = subject_at(&norm).unwrap_or(0);
                    m.agency = clean_agency(&norm[..end]).or_else(|| agency_above(&singles[..k]));
                    break 'passes;
                }
                // A cover's title with the year on a short line after it and maybe the
                // agency after that (政府信息公开工作年度报告 / （2020年度） / 某某局).
                let after = |n: usize| {
                    singles
                        .get(n)
                        .map(|(_, r)| normalize(r))
                        .filter(|r| r.chars().count() <= 40)
                };
                let Some(year) = after(k + 1)
                    .filter(|r| r.chars().count() <= 12)
                    .and_then(|r| year_in(&r))
                else {
                    // (Not a line of a site's menu, `政府信息公开 领导之窗 … 政府工作报告 …`.)
                    if whole && yearless.is_none() && raw.split_whitespace().count() <= 3 {
                        yearless = Some((i, k, norm));
                    }
                    continue;
                };
                m.year = Some(year);
                m.title_line = Some(lines[i].no);
                // The name before the title's words (某某局政府信息公开工作年度报告 / （2020年）),
                // else above it or on the line after the year.
                m.agency = subject_at(&norm)
                    .and_then(|end| clean_agency(&norm[..end]))
                    .or_else(|| agency_above(&singles[..k]))
                    .or_else(|| after(k + 2).filter(|r| agency_like(r)).and_then(|r| clean_agency(&r)));
                break 'passes;
            };
            m.year = Some(year);
            m.title_line = Some(lines[i].no);
            let prefix: String = if found.map(|f| f.1) == Some(usize::MAX) {
                normalize(singles[k - 1].1).chars().take(start).collect()
            } else {
                chars[..start].iter().collect()
            };
            // A name wrapped before the title's line (某某县人民政府 / 办公室2020年…报告).
            let above = (found.map(|f| f.1) != Some(usize::MAX) && k > 0 && at == k && singles[k - 1].0 + 2 >= i)
                .then(|| normalize(singles[k - 1].1))
                .filter(|a| fits_above(a));
            m.agency = clean_agency(&prefix)
                .map(|name| {
                    above
                        .as_deref()
                        .and_then(|a| joined_name(a, &name, true))
                        .unwrap_or(name)
                })
                .or_else(|| {
                    // "2019年上海市人民政府办公厅政府信息公开工作年度报告": the agency follows the year.
                    if year_end == usize::MAX {
                        return None;
                    }
                    let rest: String = chars[year_end..].iter().collect();
                    let rest = rest.strip_prefix('度').unwrap_or(&rest);
                    clean_agency(&rest[..subject_at(rest)?])
                })
                .or_else(|| agency_above(&singles[..k]))
                .or_else(|| whole.then(|| agency_of_repeat(&singles, k, year)).flatten());
            break 'passes;
        }
    }
    // A title without a year (某某局政府信息公开工作年度报告): the year of the statistics'
    // period the report states (数据统计期限从2020年1月1日到12月31日止).
    let titleless = yearless.is_none();
    if let (None, Some((i, k, norm))) = (m.year, yearless) {
        if let Some(year) = statistics_year(lines) {
            m.year = Some(year);
            m.title_line = Some(lines[i].no);
            let end = subject_at(&norm).unwrap_or(0);
            // The name before the title's words, above them, or under them on a cover
            // (政府信息公开工作年度报告 / 某某局 / 2021年1月).
            let below = || {
                let n = normalize(singles.get(k + 1)?.1);
                (fits_above(&n) && agency_like(&n) && placed(&n))
                    .then(|| clean_agency(&n))
                    .flatten()
            };
            m.agency = clean_agency(&norm[..end])
                .or_else(|| agency_above(&singles[..k]))
                .or_else(below);
        }
    }
    // The summary's first sentence (see `opening`), read once where it is asked for.
    let opened = std::cell::OnceCell::new();
    let summary = || opened.get_or_init(|| opening(lines)).clone();
    // A title without the agency's name (a report published on the agency's own site):
    // the agency that signs it at its end, else the one its opening words say compiled it,
    // else its summary's subject in a sentence of the title's year, else the page header's
    // publisher.
    if m.year.is_some() && m.agency.is_none() {
        m.agency = signatory(lines)
            .or_else(|| compiled_by(&singles))
            .or_else(|| summary().filter(|o| Some(o.0) == m.year).and_then(|o| o.1))
            .or_else(|| byline(lines));
    }
    // No title at all (a crawler's body saved without the header above it, a page's text
    // without its heading): the agency and year of the sentence that names the report
    // (特编制某某局2023年政府信息公开工作年度报告), else the year of the statistics' period
    // and the agency that signs the report or that its opening words say compiled it
    // (`由某某局编制`), each where the text states it.
    if m.year.is_none() && m.agency.is_none() && titleless {
        let (agency, year) = named_in_text(&singles).unzip();
        m.year = year.or_else(|| statistics_year(lines));
        m.agency = agency.or_else(|| signatory(lines)).or_else(|| compiled_by(&singles));
        m.untitled = m.year.is_some() || m.agency.is_some();
    }
    m.published = published(lines);
    // A title's year against the year of the statistics' period the report states (a
    // report named by the year it is published in, `2023年…报告` for 2022's statistics; a
    // period copied from last year's report unchanged): the year the report was published
    // the year after, else the one the summary's first words name, else the title's; a
    // warning either way.
    if let (Some(title), Some(_)) = (m.year, m.title_line) {
        if let Some(period) = stated_period_year(lines).filter(|&p| p != title) {
            let published_after = |y: i32| m.published.is_some_and(|d| in_year_after(d, y));
            let (year, why) = if published_after(period) && !published_after(title) {
                (period, "the report was published the year after the period's")
            } else if published_after(title) {
                (title, "the report was published the year after the title's")
            } else {
                match summary() {
                    Some((y, _)) if y == period => (period, "the summary's first words name the period's"),
                    _ => (title, "nothing else tells them apart"),
                }
            };
            m.year = Some(year);
            m.year_conflict = Some((title, period, why));
        }
    }
    // Still no year or no agency (no title, no period stated, no signature): the year the
    // summary's first words name (`一、总体情况` / `2020年，…`) where the report was signed
    // or published in the next year or bears no date, as these reports are; the agency
    // its first sentence names as its subject (`2022年，在区委区政府的正确领导下，某某开发区
    // 管理委员会认真贯彻执行…`).
    if (m.year.is_none() || m.agency.is_none()) && titleless {
        if let Some((year, subject)) = summary() {
            if m.year.is_none() && m.published.is_none_or(|d| in_year_after(d, year)) {
                m.year = Some(year);
                m.untitled = true;
            }
            if m.agency.is_none() && m.year == Some(year) && m.title_line.is_none() {
                m.agency = subject;
                m.untitled |= m.agency.is_some();
            }
        }
    }
    // Last, the publisher a page's header names (`来源：某某县统计局`): the office that
    // posted the page, which may be another than the report's (a government's report
    // posted by its 办公室), so after what the report's own text says.
    if m.agency.is_none() && titleless && m.title_line.is_none() {
        m.agency = byline(lines);
        m.untitled |= m.agency.is_some();
    }
    m
}

/// Whether a day (days since 1970-01-01) falls in the year after `year`, when these reports
/// are published.
fn in_year_after(day: i32, year: i32) -> bool {
    (days_from_civil(year + 1, 1, 1)..days_from_civil(year + 2, 1, 1)).contains(&day)
}

/// The year the first words after the summary's heading (`一、总体情况`, `一、概述`, among
/// the text's first 300 lines) name (`2020年，我局…`, `2020年度，`), in one of the three
/// lines after it or the text's first line, and the agency that sentence names as its
/// subject, after the year and any clause of who led it (`在区委、区政府的正确领导下，`) and
/// before the first word of what it did (认真, 坚持, 严格, …): a name that reads as one
/// agency's (see [`placeless`]).
fn opening(lines: &[Line<'_>]) -> Option<(i32, Option<String>)> {
    let head = &lines[..lines.len().min(300)];
    // (The heading's line, or a line it ends (a PDF's text run on), not a sentence listing
    // the report's parts, `全文包括总体情况、…`.)
    let at = head.iter().position(|l| {
        let t = l.text.trim();
        (t.contains("总体情况") || t.contains("概述")) && t.chars().count() <= 20
            || t.ends_with("总体情况")
            || t.ends_with("概述")
    });
    // The line after the heading; or the text's first, where the summary opens it before
    // its heading (`2024年,在…引领下,小营街道办事处严格依照…,现将本年度工作情况报告如下:`).
    let first = |from: usize| head[from..].iter().find(|l| !l.text.trim().is_empty());
    // (The heading's first three lines: the template's opening words may follow it.)
    let after = at.map_or(&head[..0], |at| &head[at + 1..]);
    after
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .take(3)
        .chain(first(0))
        .find_map(|l| summary_subject(l.text))
}

/// The year a summary's first sentence opens with and the agency it names as its subject
/// (see [`opening`]).
fn summary_subject(line: &str) -> Option<(i32, Option<String>)> {
    // The words an agency's deeds open with.
    const DEEDS: [&str; 40] = [
        "认真",
        "坚持",
        "严格",
        "深入",
        "全面",
        "始终",
        "按照",
        "紧紧",
        "紧密",
        "紧扣",
        "紧跟",
        "围绕",
        "积极",
        "持续",
        "继续",
        "进一步",
        "不断",
        "高度",
        "扎实",
        "切实",
        "贯彻",
        "依据",
        "根据",
        "结合",
        "聚焦",
        "牢固",
        "统筹",
        "立足",
        "着力",
        "大力",
        "主动",
        "稳步",
        "有序",
        "依法",
        "通过",
        "全年",
        "共",
        "在",
        "以",
        "把",
    ];
    let line = normalize(line);
    // (After a sub-heading that opens the line, `(一)主动公开情况。2022年…`.)
    let line = match line.find('。') {
        Some(p) if line.starts_with(['(', '（']) && line[..p].chars().count() <= 16 => &line[p + '。'.len_utf8()..],
        _ => line.as_str(),
    };
    // (`截至2023年12月31日，`, `截止2023年底，`: the year as its end.)
    let cut_off = ["截至", "截止到", "截止"].iter().find_map(|w| line.strip_prefix(w));
    let chars: Vec<char> = cut_off.unwrap_or(line).chars().take(120).collect();
    let (start, end, year) = find_year(&chars[..chars.len().min(12)])?;
    let rest: String = chars[end..].iter().collect();
    let rest = match cut_off {
        Some(_) => ["12月31日", "底"].iter().find_map(|w| rest.strip_prefix(w))?,
        // (`2024年度，`; `2024年以来，`, the year's work since it began.)
        None => {
            let rest = rest.strip_prefix('度').unwrap_or(&rest);
            rest.strip_prefix("以来").unwrap_or(rest)
        }
    };
    if start != 0 {
        return None;
    }
    // The year and a comma; or the year run into the subject (`2022年宜城市教育局全面贯彻…`),
    // taken only with a subject.
    let comma = rest.starts_with([',', '，', '、']);
    let mut rest = if comma {
        &rest[rest.chars().next()?.len_utf8()..]
    } else {
        rest
    };
    // A clause of who led the work (在区委、区政府的正确领导下，).
    if rest.starts_with('在') {
        if let Some(p) = ["下,", "下，"]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()
            .filter(|&p| p < 90)
        {
            rest = rest[p + "下".len()..].trim_start_matches([',', '，']);
        }
    }
    let subject = DEEDS
        .iter()
        .filter_map(|d| rest.find(d))
        .min()
        .map(|p| &rest[..p])
        .filter(|n| {
            n.chars().count() >= 2 && agency_like(n) && !n.contains(['、', '《', '》', '；', ';']) && !placeless(n)
        })
        .and_then(clean_agency);
    (comma || subject.is_some()).then_some((year, subject))
}

/// The agency and year of a sentence among the text's first lines (`singles`) that names
/// the report after a verb of writing or publishing it: `…要求，特编制某某市地方志办公室2023年
/// 政府信息公开工作年度报告。`, `现公布某某市人民政府2023年度政府信息公开工作报告`,
/// `现向社会公布区统计局2021年度政府信息公开年度报告`, or the name after the year
/// (`汇总2021年度某某镇人民政府的政务公开年度报告编制而成`). The name reads as an agency's;
/// not one inside a cited title (`《关于印发某某市2020年政府信息公开…的通知》`).
fn named_in_text(singles: &[(usize, &str)]) -> Option<(String, i32)> {
    const VERBS: [&str; 9] = ["编制", "公布", "发布", "现将", "印发", "呈报", "报送", "编写", "汇总"];
    // (`政府信息` alone: a name that lost its 公开, `…2024年度政府信息工作年度报告`.)
    let subjects = SUBJECTS.iter().chain(&["政府信息"]);
    // (Not a pronoun's: `现将我局2021年…报告公布如下`, `本单位`.)
    let is_name = |n: &str| {
        !n.contains(['，', ',', '。', '；', ';', ':', '：', '《', '》', '、']) && agency_like(n) && !pronoun(n)
    };
    singles.iter().take(30).enumerate().find_map(|(k, &(_, raw))| {
        if !raw.contains("报告") || !raw.contains("信息公开") && !raw.contains("政务公开") {
            return None;
        }
        // The agency's name on a line of its own above the sentence (the page's byline,
        // `浑南区国资局` over `…现公布区政府国资局2022年…报告`) is its full name.
        let above = || agency_above(&singles[..k]).filter(|a| agency_like(a));
        let chars: Vec<char> = normalize(raw).chars().collect();
        let mut from = 0;
        while let Some((start, end, year)) = find_year(&chars[from..]) {
            let (start, end) = (from + start, from + end);
            from = end;
            let before: String = chars[start.saturating_sub(40)..start].iter().collect();
            let Some((at, verb)) = VERBS.iter().filter_map(|v| before.rfind(v).map(|at| (at, *v))).max() else {
                continue;
            };
            let cited = chars[..start].iter().filter(|&&c| c == '《').count()
                > chars[..start].iter().filter(|&&c| c == '》').count();
            if cited {
                continue;
            }
            // The report's name after the year: its subject, then 报告 or 年报 soon after;
            // or the agency's name first (汇总2021年度某某镇人民政府的政务公开年度报告).
            let after: String = chars[end..].iter().take(40).collect();
            let after = after.strip_prefix('度').unwrap_or(&after);
            let Some(subject) = subjects.clone().filter_map(|w| after.find(w)).min() else {
                continue;
            };
            if !after[subject..].chars().take(24).collect::<String>().contains("报告")
                && !after[subject..].contains("年报")
            {
                continue;
            }
            let name = if subject == 0 {
                &before[at + verb.len()..]
            } else {
                // (`某某镇人民政府信息公开…`: the subject's 政府 is the name's.)
                let name = &after[..subject];
                let name = if name.ends_with("人民") {
                    &after[..subject + "政府".len()]
                } else {
                    name
                };
                name.strip_suffix('的').unwrap_or(name)
            };
            if !is_name(name) {
                continue;
            }
            if let Some(agency) = above().or_else(|| clean_agency(name)) {
                return Some((agency, year));
            }
        }
        None
    })
}

/// The agency a sentence among the text's first lines says compiled the report, as the
/// template's opening words do (`本报告由某某市教育局编制`, `…由上饶市教育局结合有关统计数据
/// 编制`, `由广东省教育考试院（以下简称…）编制`): the name after 由, before what it did; a
/// name that reads as one agency's (see [`placeless`]).
fn compiled_by(singles: &[(usize, &str)]) -> Option<String> {
    const AFTER: [&str; 9] = ["编制", "结合", "根据", "依据", "按照", "综合", "汇总", "会同", "负责"];
    singles.iter().take(30).find_map(|&(_, raw)| {
        if !raw.contains('由') || !raw.contains("编制") {
            return None;
        }
        let n = normalize(raw);
        n.match_indices('由').find_map(|(at, _)| {
            let rest = &n[at + '由'.len_utf8()..];
            let end = AFTER
                .iter()
                .filter_map(|w| rest.find(w))
                .chain(rest.find(['(', '（', ',', '，', '。']))
                .min()?;
            let name = &rest[..end];
            (name.chars().count() >= 3
                && agency_like(name)
                && !placeless(name)
                && !name.contains(['《', '》', '、'])
                && rest[end..].contains("编制"))
            .then(|| clean_agency(name))
            .flatten()
        })
    })
}

/// What a report's title names as its subject, after the agency's name.
const SUBJECTS: [&str; 3] = ["政府信息公开", "政务公开", "信息公开"];

/// Where a title names its subject (政府信息公开, 政务公开, 信息公开): the agency's name
/// ends there.
fn subject_at(title: &str) -> Option<usize> {
    let at = SUBJECTS.iter().filter_map(|w| title.find(w)).min()?;
    // (`某某县人民政府信息公开…`: the subject's 政府 is the name's.)
    Some(
        if title[..at].ends_with("人民") && title[at..].starts_with("政府信息公开") {
            at + "政府".len()
        } else {
            at
        },
    )
}

/// The year whose 1 January starts the statistics' period a report states in its first
/// 300 lines (本年度报告中所列数据统计期限从2020年1月1日到12月31日止; 2020年1月1日至12月31日),
/// also within a crawler's one-line body, where other dates and years come before it.
/// Its digits may be full-width ones (自２０１９年１月１日起).
/// Or, where no line states it so, two lines joined without their white space state it: the
/// text of a PDF (`2021 年 1 月 1 日`, a text layer added by OCR) or a sentence broken over
/// lines (`统计期限自2019年1月1` / `日起至2019年12月31日止`).
fn statistics_year(lines: &[Line<'_>]) -> Option<i32> {
    let head = &lines[..lines.len().min(300)];
    stated_period_year(lines).or_else(|| {
        let norm: Vec<String> = head.iter().map(|l| normalize(l.text)).collect();
        norm.iter().enumerate().find_map(|(i, n)| {
            let pair = [n.as_str(), norm.get(i + 1).map_or("", String::as_str)].concat();
            let stated = pair.find("统计").is_some_and(|s| pair[s..].contains("1月1日"));
            period_year(&pair, stated)
        })
    })
}

/// The year of the statistics' period a line among the text's first 300 states (see
/// [`statistics_year`]; not two lines joined).
fn stated_period_year(lines: &[Line<'_>]) -> Option<i32> {
    lines[..lines.len().min(300)].iter().find_map(|l| {
        let text: std::borrow::Cow<str> = if l.text.contains("１月１日") {
            std::borrow::Cow::Owned(l.text.chars().map(halfwidth).collect())
        } else {
            std::borrow::Cow::Borrowed(l.text)
        };
        period_year(&text, text.contains("统计"))
    })
}

/// The year of the first `1月1日` in `text` that starts a statistics' period: one `stated`
/// to (统计…), or one followed by 12月31日.
fn period_year(text: &str, stated: bool) -> Option<i32> {
    text.match_indices("1月1日").find_map(|(at, _)| {
        if !(stated || text[at..].contains("12月31日")) {
            return None;
        }
        // The year right before it (自2020年1月1日, not 11月1日).
        let from = text[..at].char_indices().rev().nth(7).map_or(0, |(i, _)| i);
        let chars: Vec<char> = normalize(&text[from..at]).chars().collect();
        let (_, end, year) = find_year(&chars)?;
        (end == chars.len()).then_some(year)
    })
}

/// The agency of the same title repeated within the ten lines after the one at `k` that
/// named none (a page's header shows `2019年度政府信息公开年度报告` alone, the article below
/// it under the agency's name: `衡阳市国资委` / `2019年度政府信息公开年度报告`): the name
/// before its year, or on a line above it.
fn agency_of_repeat(singles: &[(usize, &str)], k: usize, year: i32) -> Option<String> {
    (k + 1..singles.len().min(k + 11)).find_map(|j| {
        let n = normalize(singles[j].1);
        if !is_title(&n) || year_in(&n) != Some(year) {
            return None;
        }
        let chars: Vec<char> = n.chars().collect();
        let (start, _, _) = find_year(&chars)?;
        clean_agency(&chars[..start].iter().collect::<String>()).or_else(|| agency_above(&singles[k + 1..j]))
    })
}

/// The agency on a line of its own among the three lines before the title (`before`).
fn agency_above(before: &[(usize, &str)]) -> Option<String> {
    let lines: Vec<String> = before.iter().rev().take(3).map(|(_, raw)| normalize(raw)).collect();
    let at = lines.iter().position(|n| fits_above(n))?;
    let name = &lines[at];
    if let Some(joined) = lines
        .get(at + 1)
        .filter(|a| fits_above(a))
        .and_then(|a| joined_name(a, name, false))
    {
        return Some(joined);
    }
    // (Not a menu's item above a title without a name, `政策文件` / `年度报告`.)
    clean_agency(name).filter(|n| agency_like(n) || placed(n))
}

/// Whether a normalised line may be the agency's name, or its first part, above a title.
fn fits_above(n: &str) -> bool {
    !is_chrome(n)
        // (Nor a site's name, `某某市人民政府网`, `365体育官网`: a hacked page's banner.)
        && !n.ends_with('网')
        && !n.ends_with("网站")
        && !n.contains("官网")
        && n.chars().count() <= 40
        && !n.contains(['。', '，', '《', '》'])
        && year_in(n).is_none()
        && n.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// A name broken over two lines of a cover or a wrapped title (某某县人民政府 / 办公室…):
/// a department's name without a place in it, under a line that ends as an agency's or a
/// place's name does.
fn joined_name(above: &str, name: &str, mid_word: bool) -> Option<String> {
    let bare =
        name.chars().count() <= 8 && !name.contains(AREAS) && !name.contains(['镇', '乡']) && !name.contains("政府");
    // Or, a title's line wrapped in the middle of a word (`mid_word`: 某某市公共资源 /
    // 交易中心2020年…报告), a line above that starts with a place and is no name of its own.
    let fragment = || {
        placed(above)
            && (3..=24).contains(&above.chars().count())
            && above
                .chars()
                .all(|c| c.is_alphabetic() && !c.is_ascii() || "（）()".contains(c))
    };
    let joined = format!("{above}{name}");
    (bare && agency_like(name) && (agency_like(above) || mid_word && fragment()) && joined.chars().count() <= 40)
        .then(|| clean_agency(&joined))
        .flatten()
}

/// Whether a name starts with a place or a national body's word (某某市…, 国家…, 中共…):
/// an agency's name, or a part of one, not a menu's item (`政策文件`).
fn placed(n: &str) -> bool {
    !placeless(n) && (n.contains(AREAS) || ["国家", "中共", "中国"].iter().any(|w| n.starts_with(w)))
}

/// Characters that end the name of an area (某某省, 某某市, 某某区 …).
const AREAS: [char; 7] = ['省', '市', '区', '县', '州', '旗', '盟'];

/// Whether a normalised line ends as the name of an agency does.
fn agency_like(n: &str) -> bool {
    const ENDS: &[&str] = &[
        "局", "厅", "委", "会", "政府", "室", "中心", "院", "馆", "所", "站", "处", "办", "部", "署", "镇", "乡",
        "街道", "公司", "队", "社", "区", "县", "市", "省",
    ];
    n.chars().count() <= 30
        && !n.contains(['。', ':', '：', '，', ','])
        && !is_chrome(n)
        && ENDS.iter().any(|e| n.ends_with(e))
}

/// The names an agency calls itself by in its own report.
const PRONOUNS: [&str; 12] = [
    "本局",
    "本委",
    "本办",
    "本院",
    "本厅",
    "本镇",
    "本乡",
    "本街道",
    "本中心",
    "本单位",
    "本部门",
    "本机关",
];

/// Whether a name is an agency's word for itself (我局, 该局, 本单位).
fn pronoun(n: &str) -> bool {
    n.starts_with(['我', '该']) || PRONOUNS.contains(&n)
}

/// A name that is no one agency's: a pronoun's (我局, 本镇, 该局), a whole area's (全县,
/// 各部门), or a department's without its place's (`区统计局`, `市场监督管理局`, `政府办`,
/// `镇政府`: many agencies' at once, which would make different agencies' reports
/// duplicates of each other). Not a place whose name starts so (本溪市, 全椒县, 全州县,
/// 镇江市, 乡宁县, 市中区).
fn placeless(n: &str) -> bool {
    let mut chars = n.chars();
    let (first, second) = (chars.next(), chars.next());
    // The words for an agency or an area after 本 or 全 (本局, 本镇, 全县, 全省).
    let level = second.is_some_and(|c| "局委办院厅镇乡县市区街中单部机省".contains(c));
    pronoun(n)
        || matches!(first, Some('本' | '全')) && level
        || matches!(first, Some('各' | '区' | '县' | '省' | '州' | '局' | '委'))
        || first == Some('市') && !n.starts_with("市中区")
        || matches!(first, Some('镇' | '乡')) && matches!(second, Some('政' | '人' | '党'))
        || ["街道", "政府", "机关"].iter().any(|w| n.starts_with(w))
}

/// The agency a page's header names as the publisher among the text's first 40 lines
/// (`来源：某某县统计局  发布时间：…`, `发布机构：某某县统计局`, a portal's index table
/// `发布机构 | 某某县统计局 |`): a name that reads as an agency's, not a site's
/// (`某某县人民政府网`), a pronoun's or a department's without its place's (`市政府办`,
/// `区统计局`: many agencies' at once).
fn byline(lines: &[Line<'_>]) -> Option<String> {
    const LABELS: [&str; 8] = [
        "发布机构",
        "发文机关",
        "发布单位",
        "信息来源",
        "来源单位",
        "供稿单位",
        "来源",
        "供稿",
    ];
    lines.iter().take(40).find_map(|l| {
        if !LABELS.iter().any(|w| l.text.contains(w)) {
            return None;
        }
        LABELS.iter().find_map(|w| {
            // (Split at the white space after the name before it is normalised away.)
            let rest = &l.text[l.text.find(w)? + w.len()..];
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
            let rest = rest.strip_prefix([':', '：']).unwrap_or(rest);
            let name = rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == '|')
                .split(|c: char| c.is_whitespace() || c == '|')
                .next()?;
            let name = normalize(name);
            let name = name.as_str();
            (agency_like(name) && fits_above(name) && name.chars().count() >= 3 && !placeless(name))
                .then(|| clean_agency(name))
                .flatten()
        })
    })
}

/// The agency that signs a report at its end: the name on the line before the signing date
/// (某某局 / 2021年1月20日) or before the date on its line (某某局 2021年1月20日). The
/// imprint an official document prints below it (抄送：…, 某某局办公室 2020年1月13日印发)
/// is no signature: its date is not the signing date.
fn signatory(lines: &[Line<'_>]) -> Option<String> {
    let tail: Vec<String> = lines
        .iter()
        .rev()
        .filter(|l| !l.text.trim().is_empty())
        .take(12)
        .filter(|l| normalized_within(l.text, 40))
        .map(|l| normalize(l.text))
        .collect();
    tail.iter()
        .position(|n| date(n).is_some() && !n.contains("印发") && !n.contains("抄送"))
        .and_then(|at| {
            let above = tail.get(at + 1);
            signing_name(&tail[at])
                .or_else(|| {
                    // A name's tail (no name of its own: `政局`), its head ending the line
                    // above after the text's last sentence (a PDF's narrow layout cell:
                    // `…答复全文。 闽侯县财` / `政局 2023年1月19日`).
                    let piece = clean_agency(&tail[at]).filter(|p| date(p).is_none())?;
                    let (_, head) = above?.rsplit_once(['。', '；', ';'])?;
                    signing_name(&format!("{head}{piece}")).filter(|_| !head.is_empty())
                })
                .or_else(|| above.and_then(|n| signing_name(n)))
        })
        .or_else(|| signed_at_end(lines.iter().rev().find(|l| !l.text.trim().is_empty())?.text))
}

/// The agency that signs a report whose last line runs on from its text (a crawler's
/// one-line body: `…无收取信息处理费情况。 平潭综合实验区财政金融局2023年1月4日`): the
/// name before the date that ends the line's last sentence, with nothing but a few words
/// (附件下载) after that date.
fn signed_at_end(line: &str) -> Option<String> {
    // The last sentence, within the line's last 80 characters.
    let start = line.char_indices().rev().nth(79).map_or(0, |(i, _)| i);
    let tail = &line[start..];
    let tail = tail.rfind(['。', '；', ';']).map_or(tail, |p| &tail[p..]);
    let tail = tail.trim_start_matches(['。', '；', ';']);
    let chars: Vec<char> = tail.chars().map(halfwidth).collect();
    let (at, end, _) = date_span(&chars)?;
    // Only a few words after the date (附件下载, 印发): a signature, not a sentence.
    let after: String = chars[end..].iter().collect();
    if normalize(&after).chars().count() > 8 {
        return None;
    }
    signing_name(&chars[..at].iter().collect::<String>())
}

/// The agency's name a signature's text gives, if it reads as one (no date in it).
fn signing_name(text: &str) -> Option<String> {
    // (Two characters are no agency's whole name: `政局`, a name's tail.)
    clean_agency(text).filter(|a| agency_like(a) && date(a).is_none() && a.chars().count() > 2)
}

/// The publication date (发布时间/发布日期) or else the signing date at the end.
fn published(lines: &[Line<'_>]) -> Option<i32> {
    for l in lines.iter().take(40) {
        // Every key starts with 发 or 成, which normalising leaves as they are: found by
        // their last bytes in one SIMD pass (two `contains` set up a search each, line
        // after line).
        let b = l.text.as_bytes();
        let (fa, cheng) = ("发".as_bytes(), "成".as_bytes());
        let has_key =
            memchr::memchr2_iter(fa[2], cheng[2], b).any(|i| i >= 2 && (&b[i - 2..=i] == fa || &b[i - 2..=i] == cheng));
        if !has_key {
            continue;
        }
        let n = normalize(l.text);
        for key in ["发布时间", "发布日期", "发文日期", "成文日期"] {
            // The date as printed when the key is (normalising joins a date to the time after
            // it: `发布时间: 2020-01-20 15:22` would read 2020-01-2015:22), else as normalised
            // (a letter-spaced key).
            let after = match l.text.find(key) {
                Some(p) => date(&l.text[p + key.len()..]),
                None => n.find(key).and_then(|p| date(&n[p + key.len()..])),
            };
            if let Some(d) = after {
                return Some(d);
            }
        }
    }
    let tail = lines.iter().rev().filter(|l| !l.text.trim().is_empty()).take(12);
    for l in tail {
        if !normalized_within(l.text, 16) {
            continue;
        }
        let n = normalize(l.text);
        {
            if let Some(d) = date(&n) {
                return Some(d);
            }
        }
    }
    None
}

/// Small Chinese numbers (一 … 三十一) and ASCII digits.
fn small_number(s: &[char]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.iter().all(|c| halfwidth(*c).is_ascii_digit()) {
        return s
            .iter()
            .collect::<String>()
            .chars()
            .map(halfwidth)
            .collect::<String>()
            .parse()
            .ok();
    }
    match s {
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        [d] => digit(*d),
        _ => None,
    }
}

/// The first date in `s` (2021-01-12, 2021/1/12, 2021年1月12日, 二〇二一年一月十二日).
pub fn date(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().map(halfwidth).collect();
    date_span(&chars).map(|(_, _, d)| d)
}

/// The first date in `chars` (half-width): where it starts, where it ends (after its 日,
/// if any) and the date.
fn date_span(chars: &[char]) -> Option<(usize, usize, i32)> {
    for i in 0..chars.len() {
        if i > 0 && digit(chars[i - 1]).is_some() {
            continue;
        }
        if chars.len() < i + 4 || !chars[i..i + 4].iter().all(|c| digit(*c).is_some()) {
            continue;
        }
        let year: u32 = chars[i..i + 4].iter().fold(0, |a, c| a * 10 + digit(*c).unwrap_or(0));
        let mut j = i + 4;
        let sep = *chars.get(j)?;
        if !matches!(sep, '-' | '/' | '.' | '年') {
            continue;
        }
        j += 1;
        let ms = j;
        while j < chars.len() && (digit(chars[j]).is_some() || chars[j] == '十') {
            j += 1;
        }
        let month = small_number(&chars[ms..j]);
        let sep2 = chars.get(j).copied();
        let expected = if sep == '年' { '月' } else { sep };
        if sep2 != Some(expected) {
            continue;
        }
        j += 1;
        let ds = j;
        while j < chars.len() && (digit(chars[j]).is_some() || chars[j] == '十') && j - ds < 3 {
            j += 1;
        }
        let day = small_number(&chars[ds..j]);
        if let (Some(mo), Some(d)) = (month, day) {
            if (1990..=2100).contains(&year) && (1..=12).contains(&mo) && (1..=31).contains(&d) {
                let end = j + usize::from(chars.get(j) == Some(&'日'));
                return Some((i, end, days_from_civil(year as i32, mo, d)));
            }
        }
    }
    None
}

/// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's `days_from_civil`.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe as i32 - 719468
}

/// A table's lines: from its heading (exclusive) to the next heading (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub table: Table,
    /// Index into the document's lines of the heading.
    pub heading: usize,
    /// Index one past the region's last line.
    pub end: usize,
}

/// Where a table framed by bars ends among its region's `lines` (a markdown, grid or box
/// table: five lines or more open with a bar): at the first empty line after its last
/// framed line, when no line after that holds a bar. What follows is the prose before the
/// next heading (Pandoc's `\`, the line break of a `<br>` opening the heading's
/// paragraph; a note), no cells of the table's last row. Else `lines.len()`.
pub fn framed_end(lines: &[Line<'_>]) -> usize {
    const BARS: [char; 3] = ['|', '│', '┃'];
    let framed = |l: &Line<'_>| {
        grid::trim(l.text).starts_with(|c: char| BARS.contains(&c) || matches!(c, '+' | '└' | '┗' | '╚' | '├' | '┣'))
    };
    if lines.iter().filter(|l| framed(l)).take(5).count() < 5 {
        return lines.len();
    }
    let Some(last) = lines.iter().rposition(framed) else {
        return lines.len();
    };
    let rest = &lines[last + 1..];
    let Some(gap) = rest.iter().position(|l| grid::trim(l.text).is_empty()) else {
        return lines.len();
    };
    if rest[gap..].iter().any(|l| l.text.contains(BARS)) {
        return lines.len();
    }
    last + 1 + gap
}

fn heading_of(norm: &str) -> Option<Table> {
    // Every heading below has 公 (主动公开, 公开), 收 (收到和处理) or 议 (复议): most lines,
    // with none of them, are told in the pass that counts the characters and looks for 。.
    let (mut chars, mut key) = (0, false);
    for c in norm.chars() {
        if c == '。' {
            return None;
        }
        chars += 1;
        key |= matches!(c, '公' | '收' | '议');
    }
    if chars > 40 || !key {
        return None;
    }
    if norm.contains("主动公开") && !norm.contains("申请") {
        Some(Table::ActiveDisclosure)
    } else if norm.contains("收到和处理")
        || norm.contains("依申请公开政府信息")
        || (norm.contains("申请") && norm.contains("情况") && norm.contains("公开") && !norm.contains("复议"))
    {
        Some(Table::Applications)
    } else if norm.contains("复议") && norm.contains("诉讼") {
        Some(Table::ReviewLitigation)
    } else {
        None
    }
}

/// The numerals of a section's number (二、).
const SECTION_NUMERALS: &str = "一二三四五六七八九十";

/// The numerals of the sections after the tables (五、存在的主要问题…, 六、其他需要报告的事项).
const AFTER_TABLES: &str = "五六七八九十";

/// Numbered section headings (二、…) are preferred over sub-headings ((一)…).
fn is_section(norm: &str) -> bool {
    let mut cs = norm.chars();
    matches!((cs.next(), cs.next()), (Some(c), Some('、' | '.' | ',')) if SECTION_NUMERALS.contains(c))
}

fn is_end(norm: &str) -> bool {
    // The phrases have 题 (问题), 报 (报告) or 费 (信息处理费): a line with none is looked at
    // only as a numbered section, in the pass that counts its characters.
    let (mut chars, mut key) = (0, false);
    for c in norm.chars() {
        chars += 1;
        key |= matches!(c, '题' | '报' | '费');
    }
    chars <= 40
        && ((key
            && (norm.contains("存在的主要问题")
                || norm.contains("主要问题及")
                || norm.contains("其他需要报告")
                || norm.contains("信息处理费收取情况")))
            || (is_section(norm) && AFTER_TABLES.contains(norm.chars().next().unwrap_or(' '))))
}

/// The regions of the tables present, in document order, and the line where the tables
/// stand again, numbered headings their headers follow, two tables or more of them after
/// the ones read: a second report in the file (a compilation of several agencies' reports)
/// or a copy of the first.
pub fn regions(lines: &[Line<'_>]) -> (Vec<Region>, Option<usize>) {
    // Headings and end markers are at most 40 characters (`heading_of`, `is_end`).
    let mut singles: Vec<(usize, String)> = single_cells_upto(lines, 40).collect();
    let found = regions_among(lines, &singles);
    let numbered = |r: &Region| {
        singles
            .binary_search_by_key(&r.heading, |s| s.0)
            .is_ok_and(|k| is_section(&singles[k].1))
    };
    if found.0.len() == Table::ALL.len() && found.0.iter().all(numbered) {
        return found;
    }
    // A table's heading not found, or found only as a sub-heading or in the prose
    // (（一）主动公开情况。): the lines set with ideographic spaces between their characters
    // are looked at too, where a numbered heading may be (looked for only then: most
    // documents have none).
    // Among the lines not read as one cell already (`singles` is in line order).
    // So are the numbered headings at the end of a paragraph's line and those cut into a
    // table's cells (a PDF converter's Markdown joins a heading to the paragraph before it,
    // `…开展督查2次。 二、主动公开政府信息情况`, or puts it in the table, `|四、政府信|息公开|…|`).
    let spaced: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| singles.binary_search_by_key(i, |s| s.0).is_err())
        .filter_map(|(i, l)| {
            let heading = letter_spaced(l.text, 40)
                .or_else(|| heading_after_prose(l.text))
                .or_else(|| heading_in_cells(l.text))?;
            Some((i, heading))
        })
        .collect();
    // (A short paragraph with the heading after it is a line of one cell already.)
    let mut ended = false;
    for (i, n) in singles.iter_mut() {
        if let Some(h) = heading_of(n)
            .is_none()
            .then(|| heading_after_prose(lines[*i].text))
            .flatten()
        {
            (*n, ended) = (h, true);
        }
    }
    if spaced.is_empty() && !ended {
        return found;
    }
    singles.extend(spaced);
    singles.sort_unstable_by_key(|s| s.0);
    regions_among(lines, &singles)
}

/// The numbered heading of a table that ends a paragraph's line, after its last sentence
/// and white space (`…全年开展督查2次。 二、主动公开政府信息情况`), normalised; also where
/// the line goes on into the table's first cell after a bar (a layout table's cell put into
/// text by html2text: `…督查2次。 **二、主动公开政府信息情况** | 第二十条第（一）项`).
fn heading_after_prose(line: &str) -> Option<String> {
    let line = line.trim_end();
    let end = line.rfind('。')? + '。'.len_utf8();
    let rest = &line[end..];
    let rest = rest.split('|').next().unwrap_or(rest).trim_end().trim_end_matches('*');
    let tail = rest.trim_start();
    if tail.len() == rest.len() || !normalized_within(tail, 40) {
        return None;
    }
    // (Bold in Markdown: `**二、主动公开政府信息情况**`.)
    let n = normalize(tail.trim_start_matches('*'));
    (is_section(&n) && heading_of(&n).is_some()).then_some(n)
}

/// The numbered heading of a table cut into a row of bar-separated cells, none with a
/// digit (`|四、政府信|息公开|行政复议、行政诉讼情况|||`), normalised.
fn heading_in_cells(line: &str) -> Option<String> {
    let line = line.trim();
    if !line.starts_with('|') || !normalized_within(line, 60) {
        return None;
    }
    let mut n = String::new();
    let mut pieces = 0;
    for piece in line.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        if piece.chars().any(|c| halfwidth(c).is_ascii_digit()) {
            return None;
        }
        pieces += 1;
        push_normalized(&mut n, piece);
    }
    (pieces >= 2 && n.chars().count() <= 40 && is_section(&n) && heading_of(&n).is_some()).then_some(n)
}

/// The regions of the tables whose headings are among `singles` (the lines read as one
/// cell, normalised, in document order), and where they stand again (see
/// [`regions`]).
fn regions_among(lines: &[Line<'_>], singles: &[(usize, String)]) -> (Vec<Region>, Option<usize>) {
    let kinds: Vec<Option<Table>> = singles.iter().map(|(_, n)| heading_of(n)).collect();
    let mut heads: Vec<(usize, Table)> = Vec::new();
    // Per table, a numbered heading its header follows after the one picked, itself one.
    let mut again: Vec<usize> = Vec::new();
    for t in Table::ALL {
        let cands: Vec<usize> = singles
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| **k == Some(t))
            .map(|((i, _), _)| *i)
            .collect();
        // A numbered heading (二、…) the table's header follows, else a numbered one, else
        // one the header follows, else the first: a report's own list of its sections
        // (本报告包括总体情况、主动公开政府信息情况、…) and its summary's sub-headings
        // (（一）主动公开政府信息的情况) name the tables too.
        let numbered = |i: usize| singles.iter().any(|(j, n)| *j == i && is_section(n));
        let opens = |i: usize| opens_table(lines, singles, &kinds, i, t);
        let first = cands.iter().copied().find(|&i| numbered(i) && opens(i));
        if let Some(p) = first {
            again.extend(cands.iter().copied().find(|&i| i > p && numbered(i) && opens(i)));
        }
        let pick = first
            .or_else(|| cands.iter().copied().find(|&i| numbered(i)))
            .or_else(|| cands.iter().copied().find(|&i| opens(i)))
            .or_else(|| cands.first().copied());
        if let Some(i) = pick {
            heads.push((i, t));
        }
    }
    heads.sort();
    let again = (again.len() >= 2).then(|| again.iter().copied().min()).flatten();
    let mut ends: Vec<usize> = singles.iter().filter(|(_, n)| is_end(n)).map(|(i, _)| *i).collect();
    // The fee table's header row (通知收取件数 | 通知收取金额（元） | …), under a heading
    // worded otherwise than `is_end` knows, ends the tables too.
    ends.extend(
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.text.trim_start().starts_with("通知收取件数"))
            .map(|(i, _)| i),
    );
    ends.sort_unstable();
    let found = heads
        .iter()
        .enumerate()
        .map(|(k, &(i, t))| {
            let next_head = heads.get(k + 1).map(|h| h.0).unwrap_or(lines.len());
            let next_end = if t == Table::ReviewLitigation || k + 1 == heads.len() {
                ends.iter().copied().find(|&e| e > i).unwrap_or(lines.len())
            } else {
                lines.len()
            };
            let mut end = next_head.min(next_end);
            if t == Table::ReviewLitigation && next_end < next_head {
                end = review_values_after_end(lines, i, end).min(next_head);
            }
            Region {
                table: t,
                heading: i,
                end,
            }
        })
        .collect();
    (found, again)
}

/// Where the review table's region ends when a PDF's text put the section heading after it
/// among its values (`pdftotext` reads a table at a page's foot a block at a time: the
/// review's five values, `五、存在的主要问题及改进情况`, the litigation's ten): past the
/// lines of nothing but numbers right after the heading at `end`, where those and the
/// region's numbers are the table's fifteen together, else `end`.
fn review_values_after_end(lines: &[Line<'_>], heading: usize, end: usize) -> usize {
    const CELLS: usize = 15;
    // (Looked at only where a line of numbers alone follows the heading.)
    let first = lines.iter().skip(end + 1).find(|l| !l.text.trim().is_empty());
    if first.is_none_or(|l| numbers_of_line(l.text).is_none_or(|n| n == 0)) {
        return end;
    }
    let before: usize = lines[heading + 1..end]
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .filter(|w| is_number_word(w))
        .count();
    if before == 0 || before >= CELLS {
        return end;
    }
    let (mut after, mut last) = (0, None);
    for (k, l) in lines.iter().enumerate().skip(end + 1) {
        if l.text.trim().is_empty() {
            continue;
        }
        match numbers_of_line(l.text) {
            Some(n) if n > 0 && before + after + n <= CELLS => (after, last) = (after + n, Some(k)),
            // (More numbers than the table has cells: none is known to be its.)
            Some(n) if n > 0 => return end,
            _ => break,
        }
    }
    match last {
        Some(k) if before + after == CELLS => k + 1,
        _ => end,
    }
}

/// How many numbers a line holds where it holds nothing else (`０`, `1 0 2`), else None.
fn numbers_of_line(text: &str) -> Option<usize> {
    let mut n = 0;
    for word in text.split_whitespace() {
        if !is_number_word(word) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Whether a word is a number alone (`０`, `12`, `3.5`).
fn is_number_word(word: &str) -> bool {
    word.chars().next().is_some_and(|c| halfwidth(c).is_ascii_digit())
        && word.chars().all(|c| halfwidth(c).is_ascii_digit() || c == '.')
}

/// Whether the lines after the heading at line `i` open table `t` (its header's words,
/// before the next heading or end of the tables and within a few lines): `singles` and
/// `kinds` as in `regions_among`.
fn opens_table(lines: &[Line<'_>], singles: &[(usize, String)], kinds: &[Option<Table>], i: usize, t: Table) -> bool {
    let words: &[&str] = match t {
        Table::ActiveDisclosure => &["第二十条", "信息内容"],
        Table::Applications => &["申请人情况", "自然人", "勾稽", "钩稽"],
        Table::ReviewLitigation => &["结果维持", "结果纠正", "未经复议"],
    };
    let stops = |k: usize| {
        singles
            .binary_search_by_key(&k, |s| s.0)
            .is_ok_and(|at| kinds[at].is_some() || is_end(&singles[at].1))
    };
    let mut budget = 600;
    for k in (i + 1..lines.len()).take(8) {
        let text = lines[k].text;
        let head = &text[..text.floor_char_boundary(budget.min(text.len()))];
        // A header row may itself read as a heading (`行政复议行政诉讼结果维持…`).
        if words.iter().any(|w| head.contains(w)) {
            return true;
        }
        budget -= head.len();
        if stops(k) || budget == 0 {
            break;
        }
    }
    false
}

/// The markers of [`template_of`]: the first seven the 2019 template's, the others the
/// 2021 template's.
const MARKERS: [&str; 14] = [
    "新制作数量",
    "新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "增/减",
    "集中采购",
    "对外管理服务",
    "制发件数",
    "废止件数",
    "现行有效件数",
    "收费金额",
    "逾期不补正",
    "收费通知",
    "缴纳费用",
];

/// The template a table's text follows, from the column headers and rows only the
/// one template has. None when the text has no marker of either.
pub fn template_of(lines: &[Line<'_>]) -> Option<Template> {
    decide(markers(lines).1)
}

/// A table's normalised text and the [`MARKERS`] it holds (bit `i` for `MARKERS[i]`).
fn markers(lines: &[Line<'_>]) -> (String, u16) {
    // One pass over the text for all fourteen (std's `contains` would take fourteen). No
    // marker overlaps another (a test checks), so the leftmost matches, one after another,
    // find every marker the text holds.
    static SEARCH: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        // Leftmost-first: the kind with SIMD (Teddy) prefilters; with no overlaps it
        // reports what the standard kind would.
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(MARKERS)
            .expect("fixed markers")
    });
    // Normalising never lengthens a text (it drops characters or narrows full-width forms).
    let mut text = String::with_capacity(lines.iter().map(|l| l.text.len()).sum());
    for l in lines {
        push_normalized(&mut text, l.text);
    }
    let mut seen = 0u16;
    for m in SEARCH.find_iter(&text) {
        seen |= 1 << m.pattern().as_usize();
    }
    (text, seen)
}

/// The template the markers `seen` show.
fn decide(seen: u16) -> Option<Template> {
    let a = (seen & 0x7f).count_ones();
    let b = (seen >> 7).count_ones();
    // One marker alone may be prose (政府集中采购项目类信息55条): a table shows two or more.
    if a.max(b) < 2 {
        return None;
    }
    match a.cmp(&b) {
        std::cmp::Ordering::Greater => Some(Template::T2019),
        std::cmp::Ordering::Less => Some(Template::T2021),
        std::cmp::Ordering::Equal => None,
    }
}

/// The template an applications table's text follows: [`template_of`]'s, else the 2021
/// template's where one of the rows it splits （六）其他处理 into is named (one marker is
/// enough here: no prose stands between the table's rows), else the 2019 template's where
/// the table has its （六）其他处理 row without them (a 2021 report may keep the 2019
/// form's applications table; its rows hold no marker of their own). The text is read
/// once for both.
pub fn applications_template_of(lines: &[Line<'_>]) -> Option<Template> {
    let (text, seen) = markers(lines);
    decide(seen).or_else(|| {
        if seen >> 11 != 0 {
            Some(Template::T2021)
        } else {
            (text.contains("其他处理") || text.contains("其它处理")).then_some(Template::T2019)
        }
    })
}

/// Phrases that head a section, for breaking a crawler dump's one-line body: the tables'
/// headings as the template words them (the first three: a dump holds one of them), as
/// some reports word them, then the sections after the tables.
const SECTION_PHRASES: &[&str] = &[
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    // 行政复议、行政诉讼情况 and its variants (行政法复议…, 被申请行政复议、提起行政诉讼情况,
    // 行政复议与行政诉讼情况; numbered headings worded otherwise, 被申请行政复议和提起行政诉讼
    // 情况, are found by `numbered_headings`).
    "复议、行政诉讼情况",
    "复议和行政诉讼情况",
    "复议、提起行政诉讼情况",
    "复议与行政诉讼情况",
    "复议及行政诉讼情况",
    "主动公开情况",
    "依申请公开政府信息情况",
    "依申请公开情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
    // A section some 2023–2025 reports put after the tables (五、信息处理费收取情况, a table
    // of its own: 通知收取件数, 通知收取金额（元）, 实际收取金额（元）): unbroken, its
    // numbers ran into the review table's.
    "信息处理费收取情况",
    // ... and its header, which ends the review table under a heading worded otherwise
    // (`regions_among`).
    "通知收取件数",
];

/// The table each of [`SECTION_PHRASES`] heads (`heading_of`), found once.
static PHRASE_TABLES: std::sync::LazyLock<Vec<Option<Table>>> =
    std::sync::LazyLock::new(|| SECTION_PHRASES.iter().map(|p| heading_of(p)).collect());

/// A text broken at its section headings, and where each of its lines stands in the
/// document: a value read from it is reported at the document's line, as the dataset's
/// `line` column promises (a crawler dump's whole body is one line of the file).
pub struct Cut {
    pub text: String,
    /// The document's 1-based line of each line of `text`.
    pub source: Vec<u32>,
}

/// The tables of a text whose headings stand apart from them (a Word document read by the
/// commonest python-docx recipe, its paragraphs first and every table after them; a PDF
/// whose tables are an appendix, `附表`): each table's own first line, found by what the
/// template prints there — `第二十条第（一）项` for the first, `申请人情况` (or the
/// applications' first row, `一、本年新收…`) for the second, the line naming both
/// `行政复议` and `行政诉讼` after it for the third — gets its heading on a line of its own
/// before it, so regions are found. None where the first two are not found, in order.
pub fn anchored_tables(text: &str) -> Option<Cut> {
    // (Most texts without a table read have none: looked for at once.)
    memchr::memmem::find(text.as_bytes(), "第二十条".as_bytes())?;
    let lines: Vec<&str> = text.split('\n').collect();
    let cell_line = |l: &str| !l.contains('。') && normalized_within(l, 400);
    let find = |from: usize, test: &dyn Fn(&str) -> bool| {
        (from..lines.len()).find(|&i| cell_line(lines[i]) && test(&normalize(lines[i])))
    };
    let active = find(0, &|n: &str| n.starts_with("第二十条第"))?;
    let applications = find(active + 1, &|n: &str| n.contains("申请人情况")).or_else(|| {
        find(active + 1, &|n: &str| {
            n.starts_with("一、本年新收") && n.chars().any(|c| c.is_ascii_digit())
        })
    })?;
    let review = find(applications + 1, &|n: &str| {
        n.contains("行政复议") && n.contains("行政诉讼") && !n.contains("申请情况")
    });
    let heads = [
        (active, "二、主动公开政府信息情况"),
        (applications, "三、收到和处理政府信息公开申请情况"),
    ];
    let review_head = review.map(|r| (r, "四、政府信息公开行政复议、行政诉讼情况"));
    let mut out = String::with_capacity(text.len() + 256);
    let mut source = Vec::with_capacity(lines.len() + 3);
    for (i, (no, line)) in (1u32..).zip(&lines).enumerate() {
        if let Some((_, head)) = heads.iter().chain(&review_head).find(|(at, _)| *at == i) {
            out.push_str(head);
            out.push('\n');
            source.push(no);
        }
        out.push_str(line);
        out.push('\n');
        source.push(no);
    }
    Some(Cut { text: out, source })
}

/// A crawler dump holds the body on one long line with the tables' cells run together.
/// Returns the text with line breaks around the section headings (so regions can be
/// found), or None when the text is not of that form. Lines keep their order.
pub fn unglue(text: &str) -> Option<Cut> {
    // Tabs do not make it a table row: a crawler's body may hold a stray one (in the prose,
    // between a label and its value, at the line's end), and a row is never 1,500 bytes
    // with a section heading in it.
    let is_glued = |l: &str| l.len() > 1500 && holds_heading(l, &SECTION_PHRASES[..3]);
    // `text.lines().any(is_glued)`, the line ends found with memchr's SIMD search (the
    // standard library's searches a word at a time): every document is checked.
    let mut start = 0;
    let glued = memchr::memchr_iter(b'\n', text.as_bytes())
        .chain([text.len()])
        .any(|end| {
            let line = &text[start..end];
            start = end + 1;
            is_glued(line.strip_suffix('\r').unwrap_or(line))
        });
    glued.then(|| cut_headings(text, is_glued))
}

/// The text of a crawler dump that kept its paragraphs' line breaks but ran each table's
/// cells together (a table on a line of its own, or after its heading on the heading's
/// line): the text with line breaks around every section heading. For a text in which
/// nothing was found otherwise (see `extract`).
pub fn unglue_lines(text: &str) -> Cut {
    cut_headings(text, |l| holds_heading(l, SECTION_PHRASES))
}

/// A page's tables put into text with a bar after every cell (` | `, as trafilatura writes
/// them) where each cell's paragraph ended its line: every cell but a row's first stands
/// on a line behind the bar that closed the one before (`| 821`), an empty cell is a bar
/// alone (`|`) or bars on one line (`| | | 1`), and the row's last bar, with the bars a
/// converter pads a short row with (`| ||`), ends it. Returns the text with each such line
/// joined to the line before, a row a line (`一、本年新收… | 821 | 35 | | | 2 | 1 | 859 | |`,
/// as the converter writes rows whose cells hold no paragraph), or None for a text
/// without: twenty lines or more that open with a bar and hold one cell, five bars alone,
/// and other lines with bars (a markdown table's, `| 规章 | 0 |`; a cell with its bar after
/// it, `821 |`) one in ten of those at most.
pub fn bars_lead_rows(text: &str) -> Option<Cut> {
    let b = text.as_bytes();
    // Most texts hold no bar, nor a line that opens with one.
    let first = memchr::memchr(b'|', b)?;
    if first > 0 && memchr::memmem::find(&b[first - 1..], b"\n|").is_none() {
        return None;
    }
    let (mut led, mut lone, mut other) = (0usize, 0usize, 0usize);
    for line in text.lines() {
        let t = line.trim();
        let Some(rest) = t.strip_prefix('|') else {
            // A cell with its bar after it (`821 |`): bars that end cells on their lines.
            other += usize::from(t.ends_with('|'));
            continue;
        };
        match rest.split('|').filter(|c| !c.trim().is_empty()).count() {
            0 => lone += 1,
            1 => led += 1,
            _ => other += 1,
        }
        // Rows with bars (a markdown table's) from the start: no need to read on.
        if other >= 20 && (led + lone) * 4 < other {
            return None;
        }
    }
    if led < 20 || lone < 5 || other * 9 > led + lone {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut source = Vec::with_capacity(text.len() / 16);
    for (i, line) in text.lines().enumerate() {
        // A page's number (a PDF's text) may break a row: it is none of the text.
        if grid::is_page_break(line) {
            continue;
        }
        if line.trim_start().starts_with('|') && !source.is_empty() {
            out.push(' ');
            out.push_str(line.trim());
        } else {
            if !source.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
            source.push(i as u32 + 1);
        }
    }
    Some(Cut { text: out, source })
}

/// A line of bars alone (`|`, `| ||`), trimmed.
fn bars_alone(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|c| c == b'|' || c == b' ')
}

/// A cell closed on its line, trimmed: its text, then bars alone (`821 |`; `35 |||`,
/// ` 0  | ||`: the empty cells after it).
fn closed_cell(t: &str) -> bool {
    let mut parts = t.split('|');
    parts.next().is_some_and(|c| !c.trim().is_empty()) && t.ends_with('|') && parts.all(|c| c.trim().is_empty())
}

/// Whether a line of the text ends with a bar (white space after it aside).
fn bar_ends_line(b: &[u8]) -> bool {
    memchr::memchr_iter(b'|', b).any(|i| {
        b[i + 1..]
            .iter()
            .find(|&&c| c != b' ' && c != b'\t')
            .is_none_or(|&c| c == b'\n' || c == b'\r')
    })
}

/// A page's tables put into text a framed row at a time whose cells each hold a paragraph
/// (a stored report page's `<td><p>…</p></td>`, as a converter writes them): a row opens
/// with a bar alone on its line (`| `; `| ||` where its first cells are empty), each cell
/// stands on a line of its own with its bar after it (` 规章  | `), an empty cell is a bar
/// more after the cell before it (` 0  | ||`), and a cell of two paragraphs is two lines,
/// the first without its bar. Returns the text a row a line, framed (`| 规章 | 0 | 0 | 0 |`,
/// the form of a markdown table's rows: `grid`'s framed rows read it), other lines as they
/// are, each row at its opening bar's line; or None for a text without: ten rows or more
/// opened by a bar alone with a label's cell after it, twice as many cells so closed, and
/// numbers after a bar alone one in ten of those rows at most (cells with their bars after
/// them whose empty cells are bars alone, `821 |` / `|` / `2 |`, read a cell a line).
pub fn bars_open_rows(text: &str) -> Option<Cut> {
    let b = text.as_bytes();
    // Most texts hold no bar, nor a line that ends with one.
    if !bar_ends_line(b) {
        return None;
    }
    let (lone, closed) = (bars_alone, closed_cell);
    let number = |t: &str| crate::parse::numbers::number(t.trim_end_matches(['|', ' ']).trim()).is_some();
    let lines: Vec<&str> = text.lines().collect();
    let at = |i: usize| {
        lines[i + 1..]
            .iter()
            .enumerate()
            .map(|(k, l)| (i + 1 + k, l.trim()))
            .find(|(_, t)| !t.is_empty())
    };
    let next = |i: usize| at(i).map(|(_, t)| t);
    let (mut opens, mut numbers, mut cells, mut other) = (0usize, 0usize, 0usize, 0usize);
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t == "|" {
            match at(i) {
                Some((_, n)) if closed(n) && number(n) => numbers += 1,
                Some((_, n)) if closed(n) => opens += 1,
                // A cell of two paragraphs.
                Some((j, n)) if !n.contains('|') && next(j).is_some_and(closed) => opens += 1,
                _ => {}
            }
        } else if closed(t) {
            cells += 1;
        } else if t.contains('|') && !lone(t) {
            other += 1;
            // Rows with bars (a markdown table's) from the start: no need to read on.
            if other >= 20 && opens * 4 < other {
                return None;
            }
        }
    }
    if opens < 10 || cells < 2 * opens || numbers * 10 > opens {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut source = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        if !source.is_empty() {
            out.push('\n');
        }
        source.push(i as u32 + 1);
        i += 1;
        if !(lone(t) && next(i - 1).is_some_and(|n| closed(n) || !n.contains('|'))) {
            out.push_str(line);
            continue;
        }
        // A row: its cells' lines joined to its opening bar's, a cell's paragraphs to each
        // other; it ends at a line that is no cell of it (the next row's bar, a heading).
        out.push_str(t);
        let mut open = false;
        while let Some((j, u)) = lines[i..]
            .iter()
            .enumerate()
            .map(|(k, l)| (i + k, l.trim()))
            .find(|(_, u)| !u.is_empty())
        {
            if grid::is_page_break(u) {
                i = j + 1;
                continue;
            }
            if closed(u) {
                if !open {
                    out.push(' ');
                }
                out.push_str(u);
                open = false;
            } else if !u.contains('|') && next(j).is_some_and(closed) {
                // A cell's paragraph, its bar after the next one's.
                if !open {
                    out.push(' ');
                }
                out.push_str(u);
                open = true;
            } else {
                break;
            }
            i = j + 1;
        }
    }
    Some(Cut { text: out, source })
}

/// A page's tables put into text with a bar after every cell where the cells' own line
/// breaks stayed (as the extractions of stored report pages have them): each cell on a line
/// of its own with its bar after it (`821 |`) or on the next line (`821` / `|`), an empty
/// cell a bar alone (`|`, or bars after a cell on its line, `35 |||2 |`), and bars alone
/// in twos or more after a row (`||`, `|||`: the places a converter pads a row with to the
/// table's width, where cells span columns) none. Returns the text a cell a line, an empty
/// cell a line holding a tab (the form of a table put into text a cell a line,
/// `paragraph_cells`), other lines as they are, each line at its own line; or None for a
/// text without: twenty cells or more with their bars on the next line, half the cells so
/// closed at least (where the bars stand on the cells' own lines, the text is read as it
/// stands, a cell a line), and other lines with bars (rows with their cells apart by bars,
/// `规章 | 0 | 0 | 0 |`; a markdown table's, `| 规章 | 0 |`) one in ten of the cells at most.
pub fn bars_close_cells(text: &str) -> Option<Cut> {
    // Most texts hold no bar at all, nor a line that ends with one.
    let b = text.as_bytes();
    if !bar_ends_line(b) {
        return None;
    }
    let (lone, closed) = (bars_alone, closed_cell);
    let (mut cells, mut below, mut other) = (0usize, 0usize, 0usize);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.is_empty() || lone(t) {
            continue;
        }
        if !t.contains('|') {
            // A cell whose bar stands on the next line.
            let closes = lines.peek().is_some_and(|n| lone(n.trim()));
            cells += usize::from(closes);
            below += usize::from(closes);
        } else if closed(t) {
            cells += 1;
        } else {
            other += 1;
            // Rows with bars (a markdown table's) from the start: no need to read on.
            if other >= 20 && cells * 4 < other {
                return None;
            }
        }
    }
    // (Cells with their bars on their own lines, each an empty one a bar alone, are read
    // as they stand: a cell a line.)
    if below < 20 || below * 2 < cells || other * 10 > cells {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut source = Vec::with_capacity(lines.len());
    let mut push = |cell: &str, no: usize| {
        if !source.is_empty() {
            out.push('\n');
        }
        out.push_str(if cell.is_empty() { "\t" } else { cell });
        source.push(no as u32 + 1);
    };
    // Whether the last line pushed is a cell whose bar is yet to come.
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        // A page's number (a PDF's text) may break a table: it is none of the text.
        if grid::is_page_break(line) {
            continue;
        }
        if lone(t) {
            let mut bars = t.bytes().filter(|&c| c == b'|').count();
            if std::mem::take(&mut open) {
                bars -= 1;
            } else if bars >= 2 {
                // A row's padding.
                continue;
            }
            if bars == 1 {
                push("", i);
            }
            continue;
        }
        open = false;
        if closed(t) {
            let mut parts = t.split('|');
            parts.next_back();
            for part in parts {
                push(part.trim(), i);
            }
        } else {
            // A cell whose bar is on the next line, or a line of the text (a heading, prose).
            open = !t.contains('|') && lines.get(i + 1).is_some_and(|n| lone(n.trim()));
            push(if open { t } else { line.trim_end() }, i);
        }
    }
    Some(Cut { text: out, source })
}

/// A text that holds each of a table's cells in a paragraph of its own, an empty line after
/// each (a word processor's document put into text by docx2txt or textract; a page's
/// `<td>`s one a paragraph), some of the cells empty: an empty cell is a paragraph of
/// no-break spaces (`&nbsp;`, a page's; a tab alone by now, `nbsp_cells`) or an empty
/// paragraph (its empty line, then the ones after it, as a merged cell's other places are
/// too). The empty lines between paragraphs are the commonest gap's number (one; two where
/// every line break was written twice), an empty paragraph one more line and a gap more;
/// lines of white space alone are empty lines (a text indented, or its lines ending in
/// white space). Returns the text a paragraph a line with no empty lines, an empty cell a
/// line holding a tab (the form of a table put into text a cell a line behind tabs), each
/// line at its own line, or None for a text not so: forty paragraphs or more, four in five
/// of their lines one cell, nine in ten of the gaps between them the commonest gap and any
/// number of empty paragraphs, an empty cell at least.
pub fn paragraph_cells(text: &str) -> Option<Cut> {
    // Most texts have no empty cell of this form: a line of a tab alone, or an empty
    // paragraph (four line breaks in a row, or more); looked for first.
    let b = text.as_bytes();
    let lone_tab = memchr::memchr_iter(b'\t', b)
        .any(|i| (i == 0 || b[i - 1] == b'\n') && matches!(b.get(i + 1), None | Some(b'\n' | b'\r')));
    // (Or a paragraph of spaces alone: a page's `&nbsp;` cell once its text is normalised.)
    // (Found by its end, a space before an empty line, and read back to the empty line
    // before it: few lines end so.)
    let spaces_alone = || {
        let alone = |close: &[u8], open: &[u8]| {
            memchr::memmem::find_iter(b, close).any(|i| {
                let head = &b[..=i];
                head[..head.len() - head.iter().rev().take_while(|&&c| c == b' ').count()].ends_with(open)
            })
        };
        alone(b" \n\n", b"\n\n") || alone(b" \r\n\r\n", b"\r\n\r\n")
    };
    if !lone_tab
        && memchr::memmem::find(b, b"\n\n\n\n").is_none()
        && memchr::memmem::find(b, b"\n\r\n\r\n\r\n").is_none()
        && !spaces_alone()
    {
        return None;
    }
    let empty = |l: &str| l != "\t" && l.trim().is_empty();
    // Nor many empty lines (a third of their lines at least here).
    let lines: Vec<&str> = text.lines().collect();
    if lines.iter().filter(|l| empty(l)).count() * 10 < lines.len() * 3 {
        return None;
    }
    // The paragraphs (runs of lines not empty) and the gaps after them: (first line, end).
    let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(lines.len() / 2);
    let mut i = 0;
    while i < lines.len() {
        if empty(lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && !empty(lines[j]) {
            j += 1;
        }
        let mut k = j;
        while k < lines.len() && empty(lines[k]) {
            k += 1;
        }
        spans.push((i, j, k));
        i = k;
    }
    if spans.len() < 40 {
        return None;
    }
    // A cell a paragraph: four in five of the lines one cell (not a PDF's text with its
    // layout kept, or a table a row a line, its line breaks written twice).
    let (mut content, mut single) = (0usize, 0usize);
    for line in spans.iter().flat_map(|&(i, j, _)| &lines[i..j]) {
        if *line != "\t" {
            content += 1;
            // (Nor cells behind bars, a converter's Markdown or trafilatura's.)
            if line.trim_start().starts_with(['|', '│', '┃']) || line.trim_end().ends_with(['|', '│', '┃']) {
                continue;
            }
            // (Cells apart by no-break spaces too, a layout's.)
            let t = line.trim();
            let spaced = t
                .chars()
                .zip(t.chars().skip(1))
                .any(|(a, b)| a.is_whitespace() && b.is_whitespace());
            single += usize::from(grid::cells(t).len() == 1 && !spaced);
        }
    }
    if single * 5 < content * 4 {
        return None;
    }
    // The commonest gap between paragraphs (not after the last).
    let mut counts = [0usize; 8];
    for &(_, j, k) in &spans[..spans.len() - 1] {
        if let Some(c) = counts.get_mut(k - j) {
            *c += 1;
        }
    }
    let g = (1..counts.len()).max_by_key(|&n| (counts[n], std::cmp::Reverse(n)))?;
    let paragraphs_in = |n: usize| (n >= g && (n - g).is_multiple_of(g + 1)).then(|| (n - g) / (g + 1));
    let gaps = spans.len() - 1;
    let fitting = spans[..gaps]
        .iter()
        .filter(|&&(_, j, k)| paragraphs_in(k - j).is_some())
        .count();
    let cells: usize = spans[..gaps]
        .iter()
        .filter_map(|&(_, j, k)| paragraphs_in(k - j))
        .sum::<usize>()
        + lines.iter().filter(|l| **l == "\t").count();
    if fitting * 10 < gaps * 9 || cells == 0 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut source = Vec::with_capacity(lines.len() / 2);
    let mut push = |line: &str, no: usize| {
        if !source.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
        source.push(no as u32 + 1);
    };
    for (n, &(i, j, k)) in spans.iter().enumerate() {
        for (at, line) in lines[i..j].iter().enumerate() {
            // A page's number (a PDF's text) is none of the text, no line between cells.
            if !grid::is_page_break(line) {
                push(if *line == "\t" { line } else { line.trim_end() }, i + at);
            }
        }
        // An empty paragraph: the line after the gap's separator, and each gap after.
        let inner = if n + 1 < spans.len() {
            paragraphs_in(k - j).unwrap_or(0)
        } else {
            0
        };
        for p in 0..inner {
            push("\t", j + g + p * (g + 1));
        }
    }
    Some(Cut { text: out, source })
}

/// Whether `line` holds one of `phrases` (`holds_any`) or a table's numbered heading worded
/// otherwise (`numbered_headings`).
fn holds_heading(line: &str, phrases: &[&str]) -> bool {
    holds_any(line, phrases) || !numbered_headings(line).is_empty()
}

/// Whether `line` holds one of `phrases`, as written (memchr's substring search) or with
/// white space between its characters.
fn holds_any(line: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| line.contains(p)) || phrases.iter().any(|p| find_spaced(line, p, 0).is_some())
}

/// The first match of `phrase` in `line` at or after byte `from`, white space allowed
/// between its characters (主 动 公 开…, a crawler's text of spans, a justified heading),
/// and a 的 the phrase does not have (主动公开政府信息的情况): (start, end) in bytes.
fn find_spaced(line: &str, phrase: &str, from: usize) -> Option<(usize, usize)> {
    let mut want = phrase.chars();
    let first = want.next()?;
    let rest = want.as_str();
    let mut buf = [0u8; 4];
    let lead = first.encode_utf8(&mut buf).as_bytes();
    // One searcher for every occurrence (its lead character may stand hundreds of times in
    // a crawler's line: 信 of 信息处理费…).
    let finder = memchr::memmem::Finder::new(lead);
    let mut at = from;
    while let Some(k) = finder.find(&line.as_bytes()[at..]) {
        let start = at + k;
        let mut i = start + first.len_utf8();
        let mut ok = true;
        for w in rest.chars() {
            let tail = &line[i..];
            let mut t = tail.trim_start();
            if !t.starts_with(w) {
                match t.strip_prefix('的').map(str::trim_start) {
                    Some(after) if after.starts_with(w) => t = after,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            i += tail.len() - t.len() + w.len_utf8();
        }
        if ok {
            return Some((start, i));
        }
        at = start + first.len_utf8();
    }
    None
}

/// Where the section number of a heading phrase starts, in `head`, the text before the
/// phrase: `二、` just before it, or a few words before (`四、因政府信息公开工作被申请行政`
/// before `复议、提起行政诉讼情况`). Not across a bracket, a stop, a digit or another
/// heading's 情况: in `一、总体情况（一）主动公开情况` the 一、 is the section of 总体情况,
/// and the phrase a sub-heading of it in the prose, not the table's section; in
/// `四、结转下年度继续办理0000000政府信息公开行政复议、…` the 四、 is the last row's.
fn number_before(head: &str) -> Option<usize> {
    for (i, c) in head.char_indices().rev().take(30) {
        if "（(）)。，；：:".contains(c) || c.is_ascii_digit() || ('０'..='９').contains(&c) {
            return None;
        }
        if SECTION_NUMERALS.contains(c) && head[i + c.len_utf8()..].trim_start().starts_with('、') {
            return (!head[i..].contains("情况")).then_some(i);
        }
    }
    None
}

/// The tables' numbered headings (二、…) in a crawler's glued line however they are worded
/// (`二、主动公开政府信息`, `三、收到和处理政府信息公开申请`, `四、政府信息公开行政复议、诉讼情况`):
/// a section number, then words that read as a table's heading (`heading_of`) up to where
/// the table's header starts (`第二十条`, `（本列数据…`, `申请人情况`, `行政复议行政诉讼`,
/// `结果维持`) or to their 情况, or to the prose's first digit or a space, within 40
/// characters and before any stop or digit. Byte ranges, as `cut_headings` takes them, and
/// the table each heads.
fn numbered_headings(line: &str) -> Vec<(usize, usize, Table)> {
    const STARTS: [&str; 7] = [
        "第二十条",
        "信息内容",
        "（本列",
        "(本列",
        "申请人情况",
        "行政复议行政诉讼",
        "结果维持",
    ];
    let mut out = Vec::new();
    // Each 、 (memchr's search: a dump's body is long, its 、 a few hundred), after a numeral.
    for at in memchr::memmem::find_iter(line.as_bytes(), "、".as_bytes()) {
        let head = line[..at].trim_end();
        let Some(c) = head.chars().next_back().filter(|&c| SECTION_NUMERALS.contains(c)) else {
            continue;
        };
        let i = head.len() - c.len_utf8();
        let from = at + '、'.len_utf8();
        let words = &line[from..];
        let (mut to, mut digit) = (from, false);
        for (k, ch) in words.char_indices().take(40) {
            if "。；;".contains(ch) || ch.is_ascii_digit() {
                digit = ch.is_ascii_digit();
                break;
            }
            to = from + k + ch.len_utf8();
        }
        let window = &line[from..to];
        // Up to the table's header, or the heading's 情况, or, the words followed by the
        // prose under the heading, all of them (`二、主动公开政府信息2024年，…`) or those
        // before a space (`二、主动公开政府信息 通过运用…`).
        let end = STARTS
            .iter()
            .filter_map(|s| window.find(s))
            .filter(|&k| k > 0)
            .min()
            .or_else(|| window.find("情况").map(|k| k + "情况".len()))
            .or_else(|| (digit && !window.is_empty()).then_some(window.len()))
            .or_else(|| window.find([' ', '\u{3000}']).filter(|&k| k > 0));
        if let Some(end) = end {
            if let Some(table) = heading_of(&normalize(&line[i..from + end])) {
                out.push((i, from + end, table));
            }
        }
    }
    out
}

/// The first numbered section heading after the tables (五、 to 十、) in `line` at or after
/// byte `from`: its number after a digit, a space or a stop (the table's last values, the
/// prose's end), not after another numeral or 第 (十五、, 第五、), and its words up to a
/// stop, a digit or a space, at most 30 characters. Byte range, as `cut_headings` takes it.
fn section_after(line: &str, from: usize) -> Option<(usize, usize)> {
    let tail = &line[from..];
    for at in memchr::memmem::find_iter(tail.as_bytes(), "、".as_bytes()) {
        let head = tail[..at].trim_end();
        let mut back = head.chars().rev();
        let Some(c) = back.next().filter(|c| AFTER_TABLES.contains(*c)) else {
            continue;
        };
        let before = back.next();
        if !before.is_none_or(|b| b.is_ascii_digit() || b.is_whitespace() || "。；;）)".contains(b)) {
            continue;
        }
        let start = head.len() - c.len_utf8();
        let words = &tail[at + '、'.len_utf8()..];
        let len = words
            .char_indices()
            .take(30)
            .find(|&(_, ch)| "。，,；;：:".contains(ch) || ch.is_ascii_digit() || ch.is_whitespace())
            .map_or_else(|| words.chars().take(30).map(char::len_utf8).sum(), |(k, _)| k);
        if len == 0 {
            continue;
        }
        return Some((from + start, from + at + '、'.len_utf8() + len));
    }
    None
}

/// `text` with the lines `cut` picks broken before and after each section heading.
fn cut_headings(text: &str, cut: impl Fn(&str) -> bool) -> Cut {
    let mut out = String::with_capacity(text.len() + 64);
    let mut source = Vec::new();
    for (no, line) in (1u32..).zip(text.split('\n')) {
        let breaks = out.len();
        if !cut(line) {
            out.push_str(line);
            out.push('\n');
            source.push(no);
            continue;
        }
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        // The tables with a numbered heading among the phrases', and where the last review
        // heading ends.
        let mut numbered: Vec<Table> = Vec::new();
        let mut review: Option<usize> = None;
        for (p, &table) in SECTION_PHRASES.iter().zip(PHRASE_TABLES.iter()) {
            // Through white space: a heading may have it when the same phrase in the prose
            // has none.
            let mut from = 0;
            while let Some((at, end)) = find_spaced(line, p, from) {
                from = end;
                let number = number_before(&line[..at]);
                if let (Some(_), Some(t)) = (number, table) {
                    numbered.push(t);
                }
                if table == Some(Table::ReviewLitigation) {
                    review = review.max(Some(end));
                }
                cuts.push((number.unwrap_or(at), end));
            }
        }
        // Headings worded otherwise than every phrase: looked for only when some table has
        // no numbered heading among the phrases' (most dumps word all three as the template).
        if !Table::ALL.iter().all(|t| numbered.contains(t)) {
            for (s, e, table) in numbered_headings(line) {
                if table == Table::ReviewLitigation {
                    review = review.max(Some(e));
                }
                cuts.push((s, e));
            }
        }
        // The section after the review table, however worded (五、当前存在的突出问题, 五、信息
        // 处理费…): its number ends the table, or the prose after it runs into its values.
        if let Some(cut) = review.and_then(|from| section_after(line, from)) {
            cuts.push(cut);
        }
        cuts.sort();
        let mut pos = 0;
        for (s, e) in cuts {
            if s < pos {
                continue;
            }
            out.push_str(&line[pos..s]);
            out.push('\n');
            out.push_str(&line[s..e]);
            out.push('\n');
            pos = e;
        }
        out.push_str(&line[pos..]);
        out.push('\n');
        let pieces = memchr::memchr_iter(b'\n', &out.as_bytes()[breaks..]).count();
        source.extend(std::iter::repeat_n(no, pieces));
    }
    Cut { text: out, source }
}

/// `aggregate` when the report speaks for every agency of its area (全市共受理…申请,
/// 全区各级行政机关, 全县汇总), else `agency`. Counts of a whole area sum the reports its
/// agencies publish themselves; researchers must not add both.
pub fn scope(text: &str) -> &'static str {
    const COUNTS: [&str; 6] = ["受理", "收到", "接收", "办理", "新收", "主动公开"];
    // 全's bytes found by memmem, which looks for the rarest of them (`match_indices('全')`
    // looks for its last byte, which most Chinese characters share).
    for i in memchr::memmem::find_iter(text.as_bytes(), "全".as_bytes()) {
        // The next characters, white space skipped (全 市 汇 总 in spaced-out text); only
        // these few are copied, not the document.
        let mut chars = text[i + '全'.len_utf8()..].chars().filter(|c| !c.is_whitespace());
        if !chars.next().is_some_and(|c| AREAS.contains(&c)) {
            continue;
        }
        let after: String = chars.take(12).collect();
        let aggregate = after.starts_with("各级行政机关")
            || after.starts_with("各级政府信息公开")
            || after.starts_with("汇总")
            || after.contains("情况汇总")
            || after
                .strip_prefix('共')
                .is_some_and(|a| COUNTS.iter().any(|k| a.starts_with(k)));
        if aggregate {
            return "aggregate";
        }
    }
    "agency"
}

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
            "政府信息公开工作年度报告\n（2020年度）\n某某县教育局",
            "某某县教育局2020年度政府信息公开年报",
            "2020年某某县教育局政府信息公开年报",
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
        ];
        for title in cases {
            let text = format!("{title}{body}");
            assert_eq!(
                meta_of(&text),
                (Some("某某县教育局".to_string()), Some(2020)),
                "{title:?}"
            );
        }
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
    }
}
