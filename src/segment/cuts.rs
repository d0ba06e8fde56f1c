//! Texts cut again before their tables are read: a crawler's one-line body broken at its
//! section headings (`unglue`), and the forms converters and stores write tables in (bars
//! before, after or around each cell, a paragraph a cell, tables standing apart from their
//! headings) rewritten as lines of cells, each line keeping the document's line it came from.

use super::*;

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
    // Every line with a heading in it is cut, not the long ones alone: a body broken at
    // its sentences runs a table's heading into the line of the table before it
    // (`…行政事业性收费0收到和处理政府信息公开申请情况2024年，共收到…申请3条。`).
    // (Every phrase ends in 况, 项 or 数, and a numbered heading has its 、: the lines with
    // none, most of a dump's header, are not searched for each phrase.)
    glued.then(|| {
        cut_headings(text, |l| {
            l.contains(['、', '况', '项', '数']) && holds_heading(l, SECTION_PHRASES)
        })
    })
}

/// The text of a crawler dump that kept its paragraphs' line breaks but ran each table's
/// cells together (a table on a line of its own, or after its heading on the heading's
/// line): the text with line breaks around every section heading. For a text in which
/// nothing was found otherwise (see `extract`).
pub fn unglue_lines(text: &str) -> Cut {
    cut_headings(text, |l| holds_heading(l, SECTION_PHRASES))
}

/// A page's text with a bar between its strings, on one line (BeautifulSoup's
/// `get_text("|", strip=True)`: `…|一、本年新收政府信息公开申请数量|57|16|7|12|92|二、…`):
/// each string a line, as a text a cell a line; a string of no-break spaces alone (an empty
/// cell's `&nbsp;`, where the strings were not stripped) a line of its own, other white
/// space between the strings none. None for a text without a line of [`JOINED_BARS`] bars or
/// more (a table's row has a bar for each of its cells, sixteen at most).
pub fn bar_joined(text: &str) -> Option<Cut> {
    // (Most texts have a few bars, or none: found by one search over the text first.)
    let bars = |l: &str| memchr::memchr_iter(b'|', l.as_bytes()).count();
    if bars(text) < JOINED_BARS || !text.split('\n').any(|l| bars(l) >= JOINED_BARS) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut source = Vec::new();
    for (no, line) in (1u32..).zip(text.split('\n')) {
        if bars(line) < JOINED_BARS {
            out.push_str(line);
            out.push('\n');
            source.push(no);
            continue;
        }
        for piece in line.split('|') {
            let kept = piece.trim();
            if kept.is_empty() && !piece.contains('\u{a0}') {
                continue;
            }
            out.push_str(if kept.is_empty() { "\u{a0}" } else { kept });
            out.push('\n');
            source.push(no);
        }
    }
    Some(Cut { text: out, source })
}

/// The bars on one line that make it a page's strings joined by bars ([`bar_joined`]).
const JOINED_BARS: usize = 60;

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
pub(super) fn find_spaced(line: &str, phrase: &str, from: usize) -> Option<(usize, usize)> {
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
pub(super) fn number_before(head: &str) -> Option<usize> {
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
pub(super) fn numbered_headings(line: &str) -> Vec<(usize, usize, Table)> {
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
        // (Forty characters, white space not counted: a heading set with spaces between its
        // characters, `四、政 府 信 息 公 开 行 政 复 议 或 提 起 行 政 诉 讼 情 况`.)
        let mut seen = 0;
        for (k, ch) in words.char_indices() {
            seen += usize::from(!ch.is_whitespace());
            if seen > 40 {
                break;
            }
            // (A full-width digit too: `三、收到和处理政府信息公开申请２０２４年，…`.)
            let is_digit = ch.is_ascii_digit() || ('０'..='９').contains(&ch);
            if "。；;".contains(ch) || is_digit {
                digit = is_digit;
                break;
            }
            to = from + k + ch.len_utf8();
        }
        let window = &line[from..to];
        // Up to the table's header, or the heading's 情况, or, the words followed by the
        // prose under the heading, all of them (`二、主动公开政府信息2024年，…`) or those
        // before a space, an ideographic or a no-break one too (`二、主动公开政府信息 通过运用…`).
        let end = STARTS
            .iter()
            .filter_map(|s| window.find(s))
            .filter(|&k| k > 0)
            .min()
            .or_else(|| find_spaced(window, "情况", 0).map(|(_, e)| e))
            .or_else(|| (digit && !window.is_empty()).then_some(window.len()))
            .or_else(|| window.find(char::is_whitespace).filter(|&k| k > 0));
        if let Some(end) = end.filter(|&end| !leader_and_page(&line[from + end..])) {
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
    // Whether a review heading stood on a line above and no section after it was found yet.
    let mut review_above = false;
    for (no, line) in (1u32..).zip(text.split('\n')) {
        let cuts = if cut(line) {
            let (cuts, watch) = heading_cuts(line);
            review_above = watch;
            cuts
        } else if review_above {
            // The section after a review table whose heading stood on a line of its own,
            // run into the table's values, worded as no phrase is (`…总计000000000000000五、
            // 当前存在的突出问题过去一年中…`: a dump broken at its headings): cut there.
            let after = section_after(line, 0);
            review_above = after.is_none();
            after.filter(|&(s, _)| s > 0).into_iter().collect()
        } else {
            Vec::new()
        };
        let mut pos = 0;
        for (s, e) in cuts {
            if s < pos {
                continue;
            }
            out.push_str(&line[pos..s]);
            out.push('\n');
            out.push_str(&line[s..e]);
            out.push('\n');
            source.extend([no; 2]);
            pos = e;
        }
        out.push_str(&line[pos..]);
        out.push('\n');
        source.push(no);
    }
    Cut { text: out, source }
}

/// Where `line` is cut at its headings (sorted byte ranges, each a heading of its own), and
/// whether it has a review heading with no section after it on the line (the lines below
/// are then watched for one).
fn heading_cuts(line: &str) -> (Vec<(usize, usize)>, bool) {
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
            // (Not an entry of a table of contents: `四、…诉讼情况……………4`.)
            if leader_and_page(&line[end..]) {
                continue;
            }
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
    let after = review.and_then(|from| section_after(line, from));
    cuts.extend(after);
    cuts.sort();
    (cuts, review.is_some() && after.is_none())
}
