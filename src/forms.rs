//! Texts whose tables a converter or a PDF tool wrote in a form of its own, rewritten as
//! lines of cells before they are read: cells a PDF's layout broke over the lines around
//! their row (`straddled_cells`), lines of no-break spaces as empty cells (`nbsp_cells`),
//! comma-separated values (`csv_cells`), and a merged cell's text repeated in each place it
//! spans (`tab_repeats`).

use crate::*;

/// The pieces of a line apart by two spaces or more, each with its first and last
/// character's place (in characters).
fn layout_pieces(line: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut spaces = 0;
    let mut last = (0, 0);
    for (col, (at, c)) in line.char_indices().enumerate() {
        if c == ' ' || c == '\u{3000}' || c == '\u{c}' {
            spaces += 1;
            if spaces == 2 {
                if let Some((s0, c0)) = start.take() {
                    out.push((c0, last.0, line[s0..last.1].trim_end()));
                }
            }
            continue;
        }
        spaces = 0;
        if start.is_none() {
            start = Some((at, col));
        }
        last = (col, at + c.len_utf8());
    }
    if let Some((s0, c0)) = start {
        out.push((c0, last.0, line[s0..last.1].trim_end()));
    }
    out
}

/// `text` with each cell a narrow PDF table broke over two lines, the row's line between
/// them (a PDF's text with its layout kept: the cell's two lines centred on the row's one,
/// `２５` / `一、本年新收…  １７９  …` / `４` for 254; `2708.2814 万` / `政府集中采购  46` /
/// `元`), put on the row's line where it stands; or None where it has none. Such a cell:
/// a line of one piece alone above a row's line and one below it, under each other, in a
/// gap of the row's line two characters wide on each side: a number, then its last digits
/// or its unit's last characters. Lines stay lines (the two are left empty). Also gives
/// each such cell's line, its text on the row's line and its pieces (apart by a line end).
pub(crate) fn straddled_cells(text: &str) -> Option<Straddled> {
    const UNITS: &str = "万元个项件笔";
    let digits = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| numbers_digit(c) || matches!(c, '.' | '．' | ',' | '，'))
    };
    // Each cell: its row's line, its text there, its place, its pieces.
    let mut found: Vec<(usize, String, usize, String)> = Vec::new();
    // (Most texts have no line indented so; the lines are split only for a text with a lone
    // piece on some line, each line's end found with the SIMD `memchr`.)
    let b = text.as_bytes();
    memchr::memmem::find(b, b"\n        ")?;
    let mut start = 0;
    let mut any = false;
    for end in memchr::memchr_iter(b'\n', b) {
        if b[start..end].starts_with(b"        ") && lone_piece(&text[start..end]).is_some() {
            any = true;
            break;
        }
        start = end + 1;
    }
    if !any {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    for i in 1..lines.len().saturating_sub(1) {
        // (Not a line the cell before took as its last.)
        if found.last().is_some_and(|f| f.0 + 2 == i) {
            continue;
        }
        let (Some(above), Some(below)) = (lone_piece(lines[i - 1]), lone_piece(lines[i + 1])) else {
            continue;
        };
        let (number, unit) = {
            let t = above.2.trim_end_matches(|c| UNITS.contains(c));
            (t.trim_end(), &above.2[t.len()..])
        };
        let tail_digits = digits(below.2) && unit.is_empty();
        let tail_unit = below.2.chars().all(|c| UNITS.contains(c));
        if !digits(number) || !number.chars().next().is_some_and(numbers_digit) || !(tail_digits || tail_unit) {
            continue;
        }
        // Under each other.
        if above.0.max(below.0) > above.1.min(below.1) + 1 {
            continue;
        }
        let mid = lines[i].trim_end_matches('\r');
        let pieces = layout_pieces(mid);
        let (from, to) = (above.0.min(below.0), above.1.max(below.1));
        let labelled = pieces
            .first()
            .is_some_and(|p| p.2.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        let valued = pieces
            .iter()
            .skip(1)
            .any(|p| digits(p.2.trim_end_matches(|c| UNITS.contains(c)).trim_end()));
        // A gap of the row's line two characters wide each side of the cell.
        let clear = pieces.iter().all(|p| p.1 + 2 < from || p.0 > to + 2);
        if labelled && valued && clear {
            found.push((
                i,
                format!("{}{}", above.2, below.2),
                from,
                format!("{}\n{}", above.2, below.2),
            ));
        }
    }
    if found.is_empty() {
        return None;
    }
    let mut lines: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    let mut cells = Vec::with_capacity(found.len());
    for (i, cell, at, pieces) in found {
        let cr = lines[i].ends_with('\r');
        let mut row: Vec<char> = lines[i].trim_end_matches('\r').chars().collect();
        if row.len() < at {
            row.resize(at, ' ');
        }
        let n = cell.chars().count();
        if row.len() < at + n {
            row.resize(at + n, ' ');
        }
        row.splice(at..at + n, cell.chars());
        cells.push((i as u32 + 1, cell, pieces));
        lines[i] = row.into_iter().collect::<String>() + if cr { "\r" } else { "" };
        for j in [i - 1, i + 1] {
            lines[j] = if lines[j].ends_with('\r') {
                "\r".into()
            } else {
                String::new()
            };
        }
    }
    Some((lines.join("\n"), cells))
}

/// A text with cells broken over the lines around their rows put on them, and each such
/// cell's 1-based line, its text there and its pieces (see [`straddled_cells`]).
type Straddled = (String, Vec<(u32, String, String)>);

/// A line's one piece, indented as a cell of a layout is (most lines fail at once).
fn lone_piece(line: &str) -> Option<(usize, usize, &str)> {
    let indent = line.len() - line.trim_start_matches([' ', '\u{3000}']).len();
    if indent < 8 || line.trim().chars().count() > 16 {
        return None;
    }
    let mut p = layout_pieces(line.trim_end_matches('\r'));
    if p.len() == 1 {
        p.pop()
    } else {
        None
    }
}

/// An ASCII or full-width digit.
fn numbers_digit(c: char) -> bool {
    parse::numbers::halfwidth(c).is_ascii_digit()
}

/// `text` with the space between every two ideographs dropped, where it is letter-spaced:
/// four in five of its ideographs next to another stand a space apart from it, twenty at
/// least, and half its first sixteen spaces alone do (`某 某 县 生 态 环 境 局2020年 政 府
/// 信 息 公 开 …`: a PDF's text whose characters were set apart, a justified page). A title
/// run on with a page's other text on a line (`来 源：… 浏 览 次 数：1690 某 某 县…报 告`)
/// was no title so; its tables read alike. None where the text is not so; lines stay lines.
pub(crate) fn letter_spacing(text: &str) -> Option<String> {
    let ideograph = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    // (Counted on the bytes: an ideograph of that block is three, its first E4 to E9.)
    let b = text.as_bytes();
    let lead = |i: usize| b.get(i).is_some_and(|x| (0xE4..=0xE9).contains(x));
    // (A letter-spaced text is so from its start: half its first sixteen spaces that stand
    // alone, not a layout's run, stand between ideographs, or it is none, without a look
    // further.)
    let (mut pos, mut runs, mut alone, mut first) = (0, 0, 0, 0);
    while alone < 16 && runs < 64 {
        let Some(at) = memchr::memchr(b' ', &b[pos..]) else {
            break;
        };
        let s = pos + at;
        let end = s + b[s..].iter().take_while(|&&c| c == b' ').count();
        if end - s == 1 {
            alone += 1;
            first += usize::from(s >= 3 && lead(s - 3) && lead(s + 1));
        }
        (pos, runs) = (end, runs + 1);
    }
    if first < 8 {
        return None;
    }
    let apart = memchr::memchr_iter(b' ', b)
        .filter(|&s| s >= 3 && lead(s - 3) && lead(s + 1))
        .count();
    if apart < 20 {
        return None;
    }
    // Ideographs next to each other: more than a quarter of `apart`, and the text is none.
    let most = apart / 4;
    let mut next = 0;
    let mut i = 0;
    while i + 3 < b.len() {
        if lead(i) && lead(i + 3) {
            next += 1;
            if next > most {
                return None;
            }
        }
        i += if b[i] < 0x80 {
            1
        } else if b[i] >= 0xF0 {
            4
        } else if b[i] >= 0xE0 {
            3
        } else {
            2
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == ' ' && ideograph(prev) && chars.peek().is_some_and(|&n| ideograph(n)) {
            continue;
        }
        out.push(c);
        prev = c;
    }
    Some(out)
}

/// `text` with each number a line break cut at its thousands separator whole again: a
/// line whose last cell is a number's first digits and its comma (`17,`) and the next line
/// opening with three digits (`929`), or the line's last cell digits and the next opening
/// with the comma (`17` / `,929`), as a narrow cell of a PDF's table breaks a large number
/// (`行政处罚 17,929` read 929 or 17 before). The pieces are joined on the first line, the
/// second's left empty (lines stay lines). No cell opens with a comma, and none ends with
/// one after digits: a line so is a number's piece. None where the text has none.
pub(crate) fn thousands_broken(text: &str) -> Option<String> {
    // (Looked at only where a comma ends a line after a digit, or opens one before a digit:
    // most texts have neither, and most of their lines are not looked at.)
    let b = text.as_bytes();
    let piece = memchr::memchr_iter(b',', b).any(|p| {
        // (A digit beside the comma first: most commas have none.)
        let ends = || {
            b[p + 1..]
                .iter()
                .find(|&&c| !matches!(c, b' ' | b'\t' | b'\r'))
                .is_none_or(|&c| c == b'\n')
        };
        let opens = || {
            b[..p]
                .iter()
                .rev()
                .find(|&&c| !matches!(c, b' ' | b'\t'))
                .is_none_or(|&c| c == b'\n')
        };
        (b[..p].last().is_some_and(u8::is_ascii_digit) && ends())
            || (b.get(p + 1).is_some_and(u8::is_ascii_digit) && opens())
    });
    if !piece {
        return None;
    }
    fn boundary(c: char) -> bool {
        c.is_whitespace() || matches!(c, '|' | '│' | '┃')
    }
    // A line up to its last cell's end, and where that cell starts: after the last boundary.
    fn last_cell(l: &str) -> (&str, usize) {
        let t = l.trim_end_matches(boundary);
        let start = t
            .rfind(boundary)
            .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
        (t, start)
    }
    // Digits in groups of three after a first of one to three, a sign before them.
    let grouped = |s: &str| {
        let s = s.strip_prefix(['+', '-']).unwrap_or(s);
        let mut groups = s.split(',');
        let first = groups.next().unwrap_or("");
        (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    };
    // The next line's first cell opens a number's rest: three digits (`929`, `036.6024`,
    // `929|`), or the comma and three (`,929`).
    let rest_len = |l: &str, comma: bool| -> Option<usize> {
        let t = l.trim_start();
        let lead = l.len() - t.len();
        let body = if comma { t.strip_prefix(',')? } else { t };
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(body.len());
        let num = &body[..end];
        let int = num.split('.').next().unwrap_or("");
        let ok = int
            .split(',')
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
            && num
                .split('.')
                .nth(1)
                .is_none_or(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            && num.matches('.').count() <= 1
            && body[end..]
                .chars()
                .next()
                .is_none_or(|c| boundary(c) || !c.is_ascii_punctuation());
        ok.then_some(lead + usize::from(comma) + end)
    };
    let mut lines: Vec<std::borrow::Cow<'_, str>> = text.split('\n').map(Into::into).collect();
    let mut joined = false;
    let mut i = 0;
    while i + 1 < lines.len() {
        let (t, start) = last_cell(&lines[i]);
        let cell = &t[start..];
        let next = &lines[i + 1];
        let found = if let Some(head) = cell.strip_suffix(',') {
            (grouped(head) && !next.trim_start().starts_with(','))
                .then(|| rest_len(next, false))
                .flatten()
        } else if grouped(cell) && next.trim_start().starts_with(',') {
            rest_len(next, true)
        } else {
            None
        };
        let Some(len) = found else {
            i += 1;
            continue;
        };
        // The pieces on the first line, the second left empty.
        let whole = format!("{t}{}{}", next[..len].trim_start(), &next[len..]);
        (lines[i], lines[i + 1]) = (whole.into(), "".into());
        joined = true;
        i += 2;
    }
    joined.then(|| lines.join("\n"))
}

/// `text` with the white space after each line's last character dropped, where its only
/// tabs stand there and nine lines in ten with characters end with one (a converter's or
/// a crawler's tab after every line of a text that has no cells apart by tabs: layout, no
/// empty cell; a PDF's text so written read each line as a cell and an empty one). None
/// where a tab stands before a line's last character (the text's cells are apart by tabs,
/// an empty one after them may be a row's own) or too few lines end with one. Lines stay
/// lines.
pub(crate) fn trailing_tabs(text: &str) -> Option<String> {
    // (Most texts with tabs have one between cells first: given up there.)
    let b = text.as_bytes();
    let first = memchr::memchr(b'\t', b)?;
    if b[first..]
        .iter()
        .take_while(|&&c| c != b'\n')
        .any(|c| !matches!(c, b' ' | b'\t' | b'\r'))
    {
        return None;
    }
    let layout = |c: char| matches!(c, ' ' | '\t' | '\r');
    let (mut lines, mut tabbed) = (0usize, 0usize);
    for line in text.split('\n') {
        let kept = line.trim_end_matches(layout);
        if kept.contains('\t') {
            return None;
        }
        if !kept.is_empty() {
            lines += 1;
            tabbed += usize::from(line[kept.len()..].contains('\t'));
        }
    }
    if lines == 0 || tabbed * 10 < lines * 9 {
        return None;
    }
    Some(map_lines(text, |line| line.trim_end_matches(layout)))
}

/// `text` with each line (apart by `\n`) as `f` makes it: lines stay lines.
fn map_lines<'a>(text: &'a str, f: impl Fn(&'a str) -> &'a str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(f(line));
    }
    out
}

/// `text` with the spaces and ideographic spaces before each line's first character
/// dropped, where nine lines in ten with characters open with two or more of them (or an
/// ideographic space), three of the first five at least, and fewer than five hold a run of
/// three spaces between characters (a PDF's text with its layout kept, whose lines' places
/// are its columns'): an indent of every line, each line's first cell read as an empty one
/// and its characters after it (`  ２８６`: the row's numbers came apart from their empty
/// cells). Tabs stay (a line's first empty cell). None where the text is not so; lines
/// stay lines.
pub(crate) fn indented_lines(text: &str) -> Option<String> {
    let indent = |c: char| c == ' ' || c == '\u{3000}';
    // (Most texts' lines open with a character: given up where three of the first five
    // lines with characters do, or more of them than a tenth of all the lines.)
    let mut all = None;
    let (mut lines, mut indented) = (0usize, 0usize);
    for line in text.split('\n') {
        let opens = line
            .as_bytes()
            .first()
            .is_some_and(|&b| !matches!(b, b' ' | b'\t' | b'\r' | 0xE3));
        if !opens
            && line
                .trim_matches(|c: char| indent(c) || c == '\t' || c == '\r')
                .is_empty()
        {
            continue;
        }
        lines += 1;
        if !opens {
            let lead = &line[..line.len() - line.trim_start_matches(indent).len()];
            indented += usize::from(lead.len() >= 2 || lead.contains('\u{3000}'));
        }
        if lines <= 5 {
            if lines - indented >= 3 {
                return None;
            }
        } else if (lines - indented) * 10
            > *all.get_or_insert_with(|| memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1)
        {
            return None;
        }
    }
    if lines == 0 || indented * 10 < lines * 9 {
        return None;
    }
    let wide = text
        .split('\n')
        .filter(|l| {
            let t = l.trim_matches(|c: char| c.is_whitespace());
            memchr::memmem::find(t.as_bytes(), b"   ").is_some()
        })
        .count();
    if wide >= 5 {
        return None;
    }
    Some(map_lines(text, |line| line.trim_start_matches(indent)))
}

/// `text` with each line of no-break spaces alone (three at most, maybe with other white
/// space: a cell's, not an empty line of a PDF's text with its layout kept) a tab alone, or
/// None where it has none. Lines stay lines.
pub(crate) fn nbsp_cells(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // U+00A0 is C2 A0 in UTF-8.
    let lone = |line: &str| {
        line.chars().all(|c| matches!(c, '\u{a0}' | ' ' | '\t' | '\r'))
            && (1..=3).contains(&line.chars().filter(|&c| c == '\u{a0}').count())
    };
    memchr::memmem::find(b, "\u{a0}".as_bytes())?;
    if !text.split('\n').any(lone) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(if lone(line) { "\t" } else { line });
    }
    Some(out)
}

/// A no-break space: an empty cell's `&nbsp;` in a page's text.
const NBSP: char = '\u{a0}';

/// Whether `text` has a no-break space and no tab (a text whose cells stand apart by tabs
/// has its empty cells as such).
fn nbsp_untabbed(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find(b, "\u{a0}".as_bytes()).is_some() && memchr::memchr(b'\t', b).is_none()
}

/// `text` with the no-break spaces of rows whose cells ran together written as tabs, or
/// None where it has no such rows. A page's text taken whole (BeautifulSoup's `get_text()`)
/// runs a row's cells together, an empty cell's `&nbsp;` a no-break space of its own
/// (`（七）总计64\u{a0}\u{a0}\u{a0}1511`: 64, three empty cells, 1511): each is a cell, so a
/// run of n between two cells is n + 1 tabs (n empty cells between them), n at the line's
/// end. Only where three runs of them or more stand beside a digit on lines with a label
/// run into a number (a crawler's body on one line counts each of its runs), and no line
/// has a tab (its cells apart otherwise); in those texts, the lines with one beside a
/// digit or two or more ending them after a label (a row left empty); no-break spaces
/// opening a line are its indent, and stay.
pub(crate) fn nbsp_glued(text: &str) -> Option<String> {
    if !nbsp_untabbed(text) {
        return None;
    }
    // How many runs of no-break spaces of the line stand beside a digit.
    let beside_digits = |line: &str| {
        let mut prev: Option<char> = None;
        let (mut after_nbsp, mut beside, mut count) = (false, false, 0);
        for c in line.chars() {
            if c == NBSP {
                beside |= !after_nbsp && prev.is_some_and(numbers_digit);
                after_nbsp = true;
            } else {
                if after_nbsp && (beside || (numbers_digit(c) && prev.is_some())) {
                    count += 1;
                }
                after_nbsp = false;
                beside = false;
            }
            prev = Some(c);
        }
        count + usize::from(after_nbsp && beside)
    };
    let beside_digit = |line: &str| beside_digits(line) > 0;
    let ends_empty = |line: &str| {
        let body = line.trim_end_matches([' ', '\r']);
        let rest = body.trim_end_matches(NBSP);
        body.len() - rest.len() >= 2 * NBSP.len_utf8() && !rest.trim().is_empty()
    };
    // A label run into its row's first number (`数量64`, `情形）1`): a crawler's row.
    let label_glued = |line: &str| {
        let mut prev = ' ';
        line.chars().any(|c| {
            let glued = numbers_digit(c) && !prev.is_ascii() && !prev.is_whitespace() && !numbers_digit(prev);
            prev = c;
            glued
        })
    };
    // (A crawler's body on one line counts each such run of it.)
    let rows: usize = text.split('\n').filter(|l| label_glued(l)).map(beside_digits).sum();
    if rows < 3 {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.contains(NBSP) || !(beside_digit(line) || ends_empty(line)) {
            out.push_str(line);
            continue;
        }
        let indent = line.len() - line.trim_start_matches(NBSP).len();
        out.push_str(&line[..indent]);
        let body = &line[indent..];
        let end = body.trim_end_matches([' ', '\r', NBSP]).len();
        let mut chars = body.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c != NBSP {
                out.push(c);
                continue;
            }
            let mut n = 1;
            while chars.next_if(|&(_, c)| c == NBSP).is_some() {
                n += 1;
            }
            let ending = at >= end;
            out.extend(std::iter::repeat_n('\t', if ending { n } else { n + 1 }));
        }
    }
    Some(out)
}

/// `text` with the rows whose cells stand a space apart, an empty cell a no-break space
/// (BeautifulSoup's `get_text(" ")` of a page that leaves its zeros empty: `一、本年新收…
/// 6 4 ␣ ␣ ␣ 5 9 15`, ␣ a no-break space), written as tab-separated cells, the empty ones
/// empty: the label, then each of the numbers and no-break spaces that end the line a cell.
/// None where three lines or more do not end so, or a line has a tab (its cells apart
/// otherwise).
pub(crate) fn nbsp_words(text: &str) -> Option<String> {
    if !nbsp_untabbed(text) {
        return None;
    }
    let empty = |w: &str| !w.is_empty() && w.chars().all(|c| c == NBSP);
    let cell = |w: &str| empty(w) || parse::numbers::number(w).is_some();
    // The line as tab-separated cells, when it ends with such cells, one empty at least,
    // after a label.
    let row = |line: &str| -> Option<String> {
        let (body, cr) = match line.strip_suffix('\r') {
            Some(b) => (b, "\r"),
            None => (line, ""),
        };
        let words: Vec<&str> = body.trim_matches(' ').split(' ').collect();
        let k = words.len() - words.iter().rev().take_while(|w| cell(w)).count();
        if k == 0 || k == words.len() || !words[k..].iter().any(|w| empty(w)) {
            return None;
        }
        let mut out = words[..k].join(" ");
        for w in &words[k..] {
            out.push('\t');
            if !empty(w) {
                out.push_str(w);
            }
        }
        out.push_str(cr);
        Some(out)
    };
    if text.split('\n').filter_map(row).take(3).count() < 3 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match row(line) {
            Some(r) => out.push_str(&r),
            None => out.push_str(line),
        }
    }
    Some(out)
}

/// The fields of a line of comma-separated values (quoted ones unquoted, `""` a quote),
/// or None where the line is not one: fewer than three fields, a tab or a bar in it (cells
/// apart otherwise), a field longer than a label is or a sentence's (ending in `。`), a
/// quote left open, or, `strict`, what reads as a number with thousands separators outside
/// quotes (`1,234`: PDF text, not fields; in a text of comma-separated values, a writer
/// quotes such a number, and `2,476.92 万元` is 2 and 476.92 万元).
fn csv_fields(line: &str, strict: bool) -> Option<Vec<String>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.contains(['\t', '|']) {
        return None;
    }
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut prev = None;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.trim().is_empty() => quoted = true,
            ',' if !quoted => {
                // A number's thousands separator: digits after words before it (`行政许可
                // 1,234`, `共计1,234`), three digits after it and no more.
                let thousands = strict && prev.is_some_and(|p: char| p.is_ascii_digit()) && {
                    let words = field.trim_end_matches(|c: char| c.is_ascii_digit());
                    let ahead: String = chars.clone().take(4).collect();
                    let d = ahead.chars().take_while(char::is_ascii_digit).count();
                    d == 3 && !words.trim().is_empty()
                };
                if thousands {
                    return None;
                }
                fields.push(std::mem::take(&mut field));
            }
            c => field.push(c),
        }
        prev = Some(c);
    }
    if quoted {
        return None;
    }
    fields.push(field);
    let fits = |f: &String| {
        let t = f.trim();
        t.chars().count() <= 60 && !t.ends_with('。')
    };
    // (Two fields, in a text of comma-separated values: a label and its number, `行政许可,
    // 29681`, `政府集中采购,251000元`.)
    let pair = !strict && fields.len() == 2 && {
        let v = fields[1].trim();
        let v = v.strip_suffix("万元").or_else(|| v.strip_suffix('元')).unwrap_or(v);
        csv_number(v)
    };
    ((fields.len() >= 3 || pair) && fields.iter().all(fits)).then_some(fields)
}

/// Whether a field is a number alone (its digits maybe full-width ones, a quoted one's
/// with thousands separators).
fn csv_number(t: &str) -> bool {
    let t = t.trim();
    t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '０'..='９' | '-' | '+' | '－' | '＋'))
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '０'..='９' | '.' | ',' | '-' | '+' | '．' | '－' | '＋'))
}

/// `text` with the lines of comma-separated values (a table's rows as a spreadsheet or a
/// scraper writes them: `一、本年新收政府信息公开申请数量,,14,1,0,0,0,0,15`) as cells apart
/// by tabs, or None where it has fewer than eight such lines with two numbers or more
/// (a table's rows, not a list in a sentence). Lines stay lines.
pub(crate) fn csv_cells(text: &str) -> Option<String> {
    memchr::memchr(b',', text.as_bytes())?;
    let rows = text
        .split('\n')
        .filter(|l| l.matches(',').nth(1).is_some())
        .filter_map(|l| csv_fields(l, true))
        .filter(|f| f.iter().filter(|x| csv_number(x)).count() >= 2)
        .take(8)
        .count();
    if rows < 8 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    // (A merged cell pandas writes in each place it spans is written once after, by
    // `tab_repeats`, as python-docx's.)
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match line.contains(',').then(|| csv_fields(line, false)).flatten() {
            Some(fields) => {
                for (k, f) in fields.iter().enumerate() {
                    if k > 0 {
                        out.push('\t');
                    }
                    out.push_str(f.trim());
                }
            }
            None => out.push_str(line),
        }
    }
    Some(out)
}

/// `text` with the cells of its rows apart by tabs (or bars) that repeat a merged cell's text
/// (pandas' comma-separated values once `csv_cells` set them apart by tabs; a Word table
/// read by python-docx, whose `row.cells` gives a merged cell in each place it spans:
/// `行政许可\t20\t+17\t+17\t37` under `信息内容\t上一年项目数量\t本年增/减\t本年增/减\t处理决定数量`)
/// written once (see [`merged_repeats`]), or None where no line changes. Looked at only where
/// a cell after a tab opens with `第二十条` (the template's merged heading row of the first
/// table, `第二十条第（一）项`, written in each place it spans: one search of the text) and a
/// line of cells has two equal ones side by side that are no number.
pub(crate) fn tab_repeats(text: &str) -> Option<String> {
    // Cells apart by tabs, or by bars (`' | '.join(cells)`): what stands before a
    // `第二十条` (one search of the text).
    let b = text.as_bytes();
    let before = |at: usize| {
        let head = b[..at].strip_suffix(b" ").unwrap_or(&b[..at]);
        head.last().copied()
    };
    let seps: Vec<u8> = memchr::memmem::find_iter(b, "第二十条".as_bytes())
        .filter_map(before)
        .filter(|c| matches!(c, b'\t' | b'|'))
        .collect();
    let (sep, joint) = if seps.contains(&b'\t') {
        ('\t', "\t")
    } else if seps.contains(&b'|') {
        ('|', " | ")
    } else {
        return None;
    };
    let repeats = |line: &str| {
        let mut prev: Option<&str> = None;
        line.split(sep).any(|c| {
            let c = c.trim();
            let same = !c.is_empty() && prev == Some(c) && !csv_number(c);
            prev = Some(c);
            same
        })
    };
    if !text.split('\n').any(|l| l.contains(sep) && repeats(l)) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut header: Vec<String> = Vec::new();
    // The lines of cells with no number in a row before (a header whose cells hold line
    // breaks, `本年新` / `制作数量`, is several: each line ends a cell and starts the next).
    let mut heads: Vec<&str> = Vec::new();
    let mut changed = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.contains(sep) {
            heads.clear();
            out.push_str(line);
            continue;
        }
        let line_cells = line.trim_end_matches('\r');
        let cells: Vec<&str> = line_cells.split(sep).map(str::trim).collect();
        if !cells.iter().any(|c| csv_number(c)) {
            header = cells.iter().map(|c| c.to_string()).collect();
            heads.push(line_cells);
            out.push_str(line);
            continue;
        }
        if header.len() != cells.len() {
            // The last lines that hold as many cells joined, each line break within a cell.
            for j in 2..=heads.len().min(8) {
                let joined = heads[heads.len() - j..].concat();
                if joined.split(sep).count() == cells.len() {
                    header = joined.split(sep).map(|c| c.trim().to_string()).collect();
                    break;
                }
            }
        }
        heads.clear();
        let repeated = merged_repeats(&header, &cells);
        if !repeated.contains(&true) {
            out.push_str(line);
            continue;
        }
        changed = true;
        let kept = cells.iter().zip(&repeated).filter(|(_, r)| !**r).map(|(c, _)| *c);
        for (k, c) in kept.enumerate() {
            if k > 0 {
                out.push_str(joint);
            }
            out.push_str(c);
        }
    }
    changed.then_some(out)
}

/// Which of a row's fields repeat a merged cell's text (pandas' `read_html` writes a cell
/// that spans columns in each of them): those after the first of a run of equal fields
/// under a run of equal header fields (`信息内容,本年新公开数量,本年新公开数量` over
/// `规章,13,13`), where the row has the header's count of fields.
pub(crate) fn merged_repeats(header: &[String], fields: &[&str]) -> Vec<bool> {
    let mut repeated = vec![false; fields.len()];
    if header.len() != fields.len() || !fields.iter().any(|f| csv_number(f)) {
        return repeated;
    }
    let mut start = 0;
    while start < fields.len() {
        let end = (start + 1..fields.len())
            .find(|&k| header[k] != header[start])
            .unwrap_or(fields.len());
        if end - start > 1 && !header[start].is_empty() && fields[start..end].iter().all(|f| *f == fields[start]) {
            repeated[start + 1..end].iter_mut().for_each(|r| *r = true);
        }
        start = end;
    }
    repeated
}
