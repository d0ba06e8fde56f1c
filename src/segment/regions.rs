//! The regions of the three tables: each table's heading found by its keywords on a short
//! line (or a numbered one in a paragraph), the region running to the next heading, and the
//! template (2019 or 2021) the tables' own headers and rows show.

use super::*;

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

pub(super) fn heading_of(norm: &str) -> Option<Table> {
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
    if chars > 40 || !key || toc_entry(norm) {
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

/// Whether a normalised line is an entry of a table of contents, a dot leader and a page's
/// number after the heading's words (`四、政府信息公开行政复议、行政诉讼情况……4`, `二、…情况
/// .......2`): no heading.
fn toc_entry(norm: &str) -> bool {
    let rest = norm.trim_end_matches(|c: char| c.is_ascii_digit());
    rest.len() < norm.len() && rest.chars().rev().take_while(|&c| leader(c)).count() >= 2
}

/// A character of a table of contents' leader between a heading and its page's number.
fn leader(c: char) -> bool {
    matches!(c, '…' | '⋯' | '.' | '·' | '．' | '-' | '—' | '_')
}

/// Whether `rest`, what follows a heading's words on its line, is a table of contents'
/// leader and a page's number (`……………4`, ` . . . . 4`, a crawler's `……4二、…`), or white
/// space and the number alone to the line's end (`\t4`): the heading is an entry of the
/// contents, no table's.
pub(super) fn leader_and_page(rest: &str) -> bool {
    let page = rest.trim();
    if rest.starts_with(char::is_whitespace)
        && (1..=3).contains(&page.len())
        && page.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    let mut leaders = 0;
    let mut chars = rest.chars().peekable();
    while let Some(&c) = chars.peek() {
        if leader(c) {
            leaders += 1;
        } else if !c.is_whitespace() {
            break;
        }
        chars.next();
    }
    leaders >= 2 && chars.next().is_some_and(|c| halfwidth(c).is_ascii_digit())
}

/// The numerals of a section's number (二、).
pub(super) const SECTION_NUMERALS: &str = "一二三四五六七八九十";

/// The numerals of the sections after the tables (五、存在的主要问题…, 六、其他需要报告的事项).
pub(super) const AFTER_TABLES: &str = "五六七八九十";

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
        && !toc_entry(norm)
        && ((key
            && (norm.contains("存在的主要问题")
                || norm.contains("主要问题及")
                || norm.contains("其他需要报告")
                || norm.contains("信息处理费收取情况")))
            || (is_section(norm) && AFTER_TABLES.contains(norm.chars().next().unwrap_or(' '))))
}

/// Whether `line` opens with `word`, white space allowed before and among its characters
/// (`通 知 收 取 件 数`: a text letter-spaced), and a table's bars before it (`| 通知收取件数
/// | …`: a row of a Markdown or box table).
fn starts_spaced(line: &str, word: &str) -> bool {
    let mut cs = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .skip_while(|c| matches!(c, '|' | '│' | '┃' | '║'));
    word.chars().all(|w| cs.next() == Some(w))
}

/// Whether `line` opens with the number of a section after the tables (五、 to 十、) and
/// words, a heading run into its paragraph (a heading alone is `is_end`'s).
fn opens_section_after_tables(line: &str) -> bool {
    let mut cs = line.trim_start().chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some(n), Some('、'), Some(w)) if AFTER_TABLES.contains(n) && ('\u{4e00}'..='\u{9fff}').contains(&w)
    )
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
                .or_else(|| heading_in_cells(l.text))
                .or_else(|| heading_after_values(l.text))?;
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
pub(super) fn heading_after_prose(line: &str) -> Option<String> {
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

/// The numbered heading of a table after a row's last value on its line, run into it or
/// after white space (`四、结转下年度继续办理 0 0 0 0 0 0 0四、政府信息公开行政复议、行政诉讼
/// 情况`: a PDF's text that put the two on one line), normalised: the line's values are the
/// table's before it ([`regions_among`] ends that one's region after the line).
pub(super) fn heading_after_values(line: &str) -> Option<String> {
    let line = line.trim_end();
    // (Each 、 of the line, found by its bytes: a section's numeral before it, a digit
    // before that, white space between allowed.)
    for (k, _) in line.match_indices('、') {
        let mut before = line[..k].chars().rev();
        let numeral = before.next().filter(|&c| SECTION_NUMERALS.contains(c));
        let Some(numeral) = numeral else { continue };
        if !before
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| halfwidth(c).is_ascii_digit())
        {
            continue;
        }
        let rest = &line[k - numeral.len_utf8()..];
        if !normalized_within(rest, 40) {
            return None;
        }
        let n = normalize(rest);
        return heading_of(&n).is_some().then_some(n);
    }
    None
}

/// The numbered heading of a table cut into a row of bar-separated cells, none with a
/// digit (`|四、政府信|息公开|行政复议、行政诉讼情况|||`), normalised.
pub(super) fn heading_in_cells(line: &str) -> Option<String> {
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
pub(super) fn regions_among(lines: &[Line<'_>], singles: &[(usize, String)]) -> (Vec<Region>, Option<usize>) {
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
        // The applications table's header and first rows before its heading (pymupdf4llm
        // joins them to the table above and puts the heading after them): the table starts
        // at its header where a row of its own follows it before the heading.
        let pick = pick.map(|i| match t {
            Table::Applications if first.is_none() && !opens(i) => header_before(lines, i).unwrap_or(i),
            _ => i,
        });
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
            .filter(|(_, l)| starts_spaced(l.text, "通知收取件数"))
            .map(|(i, _)| i),
    );
    // A section after the tables whose heading runs into its first paragraph on its line,
    // worded as `is_end` does not know (`五、当前存在的突出问题过去一年中，…`: a crawler's body
    // broken at its sentences), ends them too.
    ends.extend(
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| opens_section_after_tables(l.text))
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
            // The table's last numbers on the line of the section after it, before its
            // heading (`0 0 0 5 5 … 6 0 8五、存在的主要问题及改进情况`: PyMuPDF's sorted text
            // put the two on one line): the line is the table's too.
            if end == next_end && end < next_head && numbers_before_section(lines[end].text) {
                end += 1;
            }
            // Or on the line of the next table's heading, before it (`四、结转下年度继续办理
            // 0 0 0 0 0 0 0四、政府信息公开行政复议、行政诉讼情况`).
            if end == next_head && end < lines.len() && heading_after_values(lines[end].text).is_some() {
                end += 1;
            }
            // (Two tables' headings found on one line, a mangled page's: the first's region
            // holds no line, and ends after its heading all the same.)
            Region {
                table: t,
                heading: i,
                end: end.max(i + 1),
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
    // (A page's number, `- 34 -`, among the lines is no value: passed over.)
    let blank = |l: &Line<'_>| l.text.trim().is_empty() || grid::is_page_break(l.text);
    let first = lines.iter().skip(end + 1).find(|l| !blank(l));
    if first.is_none_or(|l| numbers_of_line(l.text).is_none_or(|n| n == 0)) {
        return end;
    }
    let before: usize = lines[heading + 1..end]
        .iter()
        .filter(|l| !grid::is_page_break(l.text))
        .flat_map(|l| l.text.split_whitespace())
        .filter(|w| is_number_word(w))
        .count();
    if before == 0 || before >= CELLS {
        return end;
    }
    let (mut after, mut last) = (0, None);
    for (k, l) in lines.iter().enumerate().skip(end + 1) {
        if blank(l) {
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

/// Whether `text` opens with numbers alone, then (run into the last or after white space) a
/// numbered section's heading (`0 0 6 0 8五、存在的主要问题及改进情况`).
fn numbers_before_section(text: &str) -> bool {
    let text = text.trim_start();
    let at = text
        .char_indices()
        .find(|&(_, c)| !(halfwidth(c).is_ascii_digit() || c == '.' || c.is_whitespace()))
        .map_or(text.len(), |(k, _)| k);
    let (numbers, rest) = text.split_at(at);
    numbers.split_whitespace().next().is_some_and(is_number_word) && is_section(&normalize(rest))
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
        // (A grid table's rules and its cells' padding are no text: Pandoc's grid tables
        // run to hundreds of characters a line.)
        let text = lines[k].text.trim();
        if grid::is_rule(text) {
            continue;
        }
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

/// The first line of the applications table's header a few lines before its heading at
/// `heading`, where its first row (一、本年新收…) follows that header before the heading.
fn header_before(lines: &[Line<'_>], heading: usize) -> Option<usize> {
    const WORDS: [&str; 3] = ["申请人情况", "勾稽", "钩稽"];
    let window = heading.saturating_sub(12)..heading;
    // (Through white space: a PDF's text with spaces among its characters, `一、本 年新收`.)
    let holds = |k: usize, w: &str| find_spaced(lines[k].text, w, 0).is_some();
    let first_row = window.clone().find(|&k| holds(k, "本年新收"))?;
    (first_row.saturating_sub(6).max(window.start)..first_row).find(|&k| WORDS.iter().any(|w| holds(k, w)))
}

/// The markers of [`template_of`]: the first seven the 2019 template's, the others the
/// 2021 template's.
pub(super) const MARKERS: [&str; 14] = [
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
pub(super) fn markers(lines: &[Line<'_>]) -> (String, u16) {
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
pub(super) fn decide(seen: u16) -> Option<Template> {
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
