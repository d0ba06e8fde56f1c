//! The report's metadata from its text: the title (looked for among the first lines, past a
//! site's chrome, a crawler's header and a converter's front matter), the agency and year it
//! names, or, where no line is a title, the ones the report's sentences, signature or
//! statistics' period give; the publication date; whether it speaks for a whole area (`scope`).

use super::*;

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
pub(super) fn single_cells_upto<'a>(lines: &'a [Line<'a>], max: usize) -> impl Iterator<Item = (usize, String)> + 'a {
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
pub(super) fn letter_spaced(line: &str, max: usize) -> Option<String> {
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

pub(super) fn digit(c: char) -> Option<u32> {
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
    // same name (政府信息公开年报) has none. (Or with the agency in brackets after it.)
    let annual = || {
        let bare = norm
            .strip_suffix(')')
            .and_then(|n| n.rsplit_once('('))
            .map_or(norm, |(head, _)| head);
        bare.ends_with("年报") && year_in(norm).is_some()
    };
    (norm.contains("报告") || annual())
        && (norm.contains("信息公开") || norm.contains("政务公开"))
        && norm.chars().count() <= 80
        && !norm.contains(['《', '》'])
        && !norm.contains('。')
        && !norm.starts_with("根据")
        // (Nor a sentence introducing the report, `…现将本年度工作情况报告如下：`.)
        && !norm.contains("如下")
}

/// The title of the report a notice sends, in book-title marks after its verb
/// (`某某县人民政府办公室关于印发《某某县2020年政府信息公开工作年度报告》的通知`); not a sentence
/// citing one (`根据《关于做好…年度报告…的通知》要求`, `…的通知》，现将…`).
fn sent_title(norm: &str) -> Option<&str> {
    let (head, rest) = norm.split_once('《')?;
    let (title, tail) = rest.split_once('》')?;
    let verb = ["印发", "转发", "公布", "发布", "报送", "上报", "呈报", "提交"]
        .iter()
        .any(|v| head.ends_with(v));
    (verb
        && head.contains("关于")
        && head.chars().count() <= 40
        && ["", "的通知", "的函", "的公告"].contains(&tail)
        && is_title(title))
    .then_some(title)
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
    // A label before the title, up to a colon (文字解读：, 图解：): no name holds one.
    if let Some((label, rest)) = a.split_once(':') {
        if label.chars().count() <= 8 && rest.chars().count() >= 2 {
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
    // A letterhead's name above the title (某某局文件, a document issued as one).
    if let Some(rest) = a.strip_suffix("文件").filter(|r| agency_like(r)) {
        a = rest.to_string();
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
        // (Nor a fence of Pandoc's Markdown around a page's divisions, `::: {.header}`, nor
        // a rule: a Markdown table's separator row cut a cell a line, `---` for each of a
        // layout table's hundreds of columns above the title's cell.)
        .filter(|(_, l)| normalized_any(l.text) && !l.text.trim_start().starts_with(":::") && !grid::is_rule(l.text))
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
            // A notice sending the report, its title in book-title marks (关于印发《某某县
            // 2020年…报告》的通知): the report's own title.
            if let Some(title) = sent_title(&norm) {
                norm = title.to_string();
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
            // A name wrapped before the title's line (某某县人民政府 / 办公室2020年…报告), or
            // before the first line of a title wrapped over several, its year on the line
            // before its words (漳州市住房和城乡建 / 设局2021年政府 / 信息公开工作年度报告).
            let first = k - usize::from(found.map(|f| f.1) == Some(usize::MAX));
            let above = (first > 0 && singles[first - 1].0 + 2 >= singles[first].0)
                .then(|| normalize(singles[first - 1].1))
                .filter(|a| fits_above(a));
            m.agency = clean_agency(&prefix)
                .map(|name| above.as_deref().and_then(|a| joined_name(a, &name)).unwrap_or(name))
                .or_else(|| {
                    // "2019年上海市人民政府办公厅政府信息公开工作年度报告": the agency follows the year.
                    if year_end == usize::MAX {
                        return None;
                    }
                    let rest: String = chars[year_end..].iter().collect();
                    let rest = rest.strip_prefix('度').unwrap_or(&rest);
                    match subject_at(rest) {
                        Some(end) => clean_agency(&rest[..end]),
                        // (The title's words before the year, the name after it, on one
                        // line: `政府信息公开工作年度报告 2023年度 某某县财政局`.)
                        None => (subject_at(&prefix).is_some() && agency_like(rest) && placed(rest))
                            .then(|| clean_agency(rest))
                            .flatten(),
                    }
                })
                .or_else(|| bracketed_agency(&norm))
                .or_else(|| agency_above(&singles[..k]))
                .or_else(|| whole.then(|| agency_of_repeat(&singles, k, year)).flatten())
                .or_else(|| whole.then(|| name_below(&singles, at)).flatten());
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
                .or_else(|| bracketed_agency(&norm))
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
            .or_else(|| byline(lines))
            .or_else(|| site_after_title(lines, m.title_line?));
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
pub(super) fn opening(lines: &[Line<'_>]) -> Option<(i32, Option<String>)> {
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
pub(super) fn named_in_text(singles: &[(usize, &str)]) -> Option<(String, i32)> {
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

/// The agency on a line of its own among the three lines before the title (`before`), or
/// broken over two (a cover's `某某县人民政府` / `办公室`, or `某某市住房和` / `城乡建设局`, a
/// long name set in a large type).
fn agency_above(before: &[(usize, &str)]) -> Option<String> {
    let lines: Vec<String> = before.iter().rev().take(3).map(|(_, raw)| normalize(raw)).collect();
    let at = lines.iter().position(|n| fits_above(n))?;
    let name = &lines[at];
    if let Some(joined) = lines
        .get(at + 1)
        .filter(|a| fits_above(a))
        .and_then(|a| joined_name(a, name))
    {
        return Some(joined);
    }
    // (Not a menu's item above a title without a name, `政策文件` / `年度报告`.)
    clean_agency(name).filter(|n| agency_like(n) || placed(n))
}

/// The agency a title names in brackets after its words (`2023年政府信息公开工作年度报告
/// （某某县教育局）`): a name with its place in it, not a note (`（修订版）`, `（2020年）`).
fn bracketed_agency(title: &str) -> Option<String> {
    let inner = title.strip_suffix(')')?;
    let (head, name) = inner.rsplit_once('(')?;
    (head.ends_with("报告") || head.ends_with("年报"))
        .then_some(name)
        .filter(|n| agency_like(n) && placed(n) && fits_above(n))
        .and_then(clean_agency)
}

/// The agency's name on the line under a title that does not name it (`2023年政府信息公开
/// 工作年度报告` / `某某县教育局`): a name with its place in it. `at`: the title's line among
/// `singles`.
fn name_below(singles: &[(usize, &str)], at: usize) -> Option<String> {
    let n = normalize(singles.get(at + 1)?.1);
    (fits_above(&n) && agency_like(&n) && placed(&n))
        .then(|| clean_agency(&n))
        .flatten()
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
/// place's name does, or that is a piece of a name.
fn joined_name(above: &str, name: &str) -> Option<String> {
    // (城乡 and 城镇 are words of departments' names, `城乡建设局`, not a township's; a name
    // that starts with 人民政府 is a place's government without its place.)
    let words = name.replace("城乡", "").replace("城镇", "");
    let bare = name.chars().count() <= 12
        && !name.contains(AREAS)
        && !words.contains(['镇', '乡'])
        && (!name.contains("政府") || name.starts_with("人民政府"));
    // Or, a line broken in the middle of a word (某某市公共资源 / 交易中心2020年…报告,
    // 某某市住房和 / 城乡建设局), a line above that starts with a place and is no name of its
    // own.
    let fragment = || {
        placed(above)
            && (3..=24).contains(&above.chars().count())
            && above
                .chars()
                .all(|c| c.is_alphabetic() && !c.is_ascii() || "（）()".contains(c))
    };
    let joined = format!("{above}{name}");
    (bare && agency_like(name) && (agency_like(above) || fragment()) && joined.chars().count() <= 40)
        .then(|| clean_agency(&joined))
        .flatten()
}

/// Whether a name starts with a place or a national body's word (某某市…, 国家…, 中共…):
/// an agency's name, or a part of one, not a menu's item (`政策文件`).
pub(super) fn placed(n: &str) -> bool {
    !placeless(n) && (n.contains(AREAS) || ["国家", "中共", "中国"].iter().any(|w| n.starts_with(w)))
}

/// Characters that end the name of an area (某某省, 某某市, 某某区 …).
pub(super) const AREAS: [char; 7] = ['省', '市', '区', '县', '州', '旗', '盟'];

/// The site a page's `<title>` names after the report's own title where that names no
/// agency (`2023年政府信息公开工作年度报告_某某区人民政府`, `… - 某某县教育局`): a page on
/// the agency's own site, its name the site's, without the site's words (门户网站).
fn site_after_title(lines: &[Line<'_>], title_line: u32) -> Option<String> {
    let line = lines.iter().find(|l| l.no == title_line)?;
    let norm = normalize(line.text);
    let after = &norm[norm.find("报告")? + "报告".len()..];
    let after = after.strip_prefix("(全文)").unwrap_or(after);
    let rest = after
        .strip_prefix(['-', '_', '|', '—', '–'])?
        .trim_start_matches(['-', '—']);
    // (Not a site's name that is no agency's, `某某市人民政府网`, `中国政府网`: it ends in 网.)
    let name = ["门户网站", "网站"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .unwrap_or(rest);
    (agency_like(name) && placed(name) && year_in(name).is_none())
        .then(|| clean_agency(name))
        .flatten()
}

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
pub(super) fn pronoun(n: &str) -> bool {
    n.starts_with(['我', '该']) || PRONOUNS.contains(&n)
}

/// A name that is no one agency's: a pronoun's (我局, 本镇, 该局), a whole area's (全县,
/// 各部门), or a department's without its place's (`区统计局`, `市场监督管理局`, `政府办`,
/// `镇政府`: many agencies' at once, which would make different agencies' reports
/// duplicates of each other). Not a place whose name starts so (本溪市, 全椒县, 全州县,
/// 镇江市, 乡宁县, 市中区).
pub(super) fn placeless(n: &str) -> bool {
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
pub(super) fn byline(lines: &[Line<'_>]) -> Option<String> {
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
pub(super) fn signatory(lines: &[Line<'_>]) -> Option<String> {
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
pub(super) fn published(lines: &[Line<'_>]) -> Option<i32> {
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
