//! Text lines → cells → tokens. A line is split into cells by tabs, by `|`/box-drawing
//! bars, or by runs of two or more spaces (text extracted from PDF); each cell becomes a
//! text token (label fragments, headers), one or more value tokens, or a blank. Tokens
//! borrow the document text and keep their line, so every value is traceable.

use super::numbers::{self, Number, Value};

/// One line of the decoded document, 1-based.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub no: u32,
    pub text: &'a str,
}

/// Splits text into lines (LF or CRLF; a lone CR too), numbered from 1.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    // The pieces `split('\n')` gives, found with the SIMD `memchr`.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.enumerate()
        .map(|(i, end)| {
            crate::budget::step();
            let line = Line {
                no: i as u32 + 1,
                text: text[start..end].trim_end_matches('\r'),
            };
            start = end + 1;
            line
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Label or header text.
    Text,
    /// A number or a not-applicable mark.
    Value(Value),
    /// An empty cell (only tab- or bar-separated lines have them).
    Blank,
    /// Digits of several cells run together (`000`, `20+1737`, `156805947.43元`), as
    /// crawler dumps hold them; split with the row's column count and the identities.
    Run,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: Kind,
    /// The text as printed (for values: the number with its unit).
    pub raw: &'a str,
    pub line: u32,
    /// Index of the cell within its line, and the number of cells of the line.
    pub cell: u16,
    pub line_cells: u16,
}

impl Token<'_> {
    pub fn is_value(&self) -> bool {
        matches!(self.kind, Kind::Value(_))
    }
}

/// A line made only of rule characters (`-----`, `═══`, `+---+`) separates rows; it holds
/// no cells.
pub fn is_rule(line: &str) -> bool {
    let mut dashes = 0;
    let mut max_run = 0;
    for c in line.chars() {
        match c {
            '-' | '=' | '─' | '━' | '═' | '—' | '_' | '－' => {
                dashes += 1;
                max_run = max_run.max(dashes);
            }
            '+' | '|' | '│' | '┃' | '┼' | '╋' | '├' | '┤' | '┌' | '┐' | '└' | '┘' | '┬' | '┴' | ':' | ' ' | '\t' => {
                dashes = 0
            }
            _ => return false,
        }
    }
    max_run >= 3
}

/// A page number line of text extracted from PDF ("— 3 —", "- 3 -", "第 3 页 共 5 页",
/// "第3页，共6页", "－ ２ －"): it may stand in the middle of a table and holds no cells.
pub fn is_page_break(line: &str) -> bool {
    // Most lines fail at their first character, without building the squeezed text.
    if !matches!(
        line.chars().find(|c| !c.is_whitespace()),
        Some('-' | '—' | '–' | '－' | '―' | '第')
    ) {
        return false;
    }
    let t: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(super::numbers::halfwidth)
        .collect();
    let dashes: &[char] = &['-', '—', '–', '－', '―'];
    if let Some(inner) = t.strip_prefix(dashes).and_then(|x| x.strip_suffix(dashes)) {
        let inner = inner.trim_matches(dashes);
        return !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
    }
    let Some(rest) = t.strip_prefix('第') else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let rest = &rest[digits..];
    digits > 0
        && rest.starts_with('页')
        && rest[3..]
            .trim_start_matches([',', '，', '/'])
            .strip_prefix('共')
            .map_or(rest.len() == 3, |r| {
                r.trim_end_matches('页').chars().all(|c| c.is_ascii_digit())
            })
}

/// The line's one non-empty cell as [`cells`] splits it; None when it has none or more
/// than one. Allocates nothing.
pub fn single_cell(line: &str) -> Option<&str> {
    single_cell_within(line, usize::MAX)
}

/// [`single_cell`], but None also when the cell's normalised text
/// ([`labels::normalize`](super::labels::normalize)) would have more than `max`
/// characters: a line of cells apart by spaces (most prose) is read no further than such
/// a cell's `max + 1`-th character that normalising surely keeps.
pub fn single_cell_within<'a>(line: &'a str, max: usize) -> Option<&'a str> {
    // The one non-empty cell; None as soon as a second one shows.
    let mut one = None;
    let mut see = |c: &'a str| -> bool {
        let c = trim(c);
        if c.is_empty() {
            return true;
        }
        let first = one.is_none();
        one = Some(c);
        first
    };
    let single = match separator(line) {
        Separator::Tab => split_tabs_while(line, &mut see),
        Separator::Bar => line.split(['|', '│', '┃']).all(&mut see),
        Separator::Spaces => split_spaces_while(line, max, &mut see),
    };
    match one {
        Some(c) if single && super::labels::normalized_within(c, max) => Some(c),
        _ => None,
    }
}

/// What separates a line's cells: tabs win, then column bars (`|`, `│`, `┃`), then runs of
/// white space.
#[derive(Debug, PartialEq)]
enum Separator {
    Tab,
    Bar,
    Spaces,
}

/// The line's [`Separator`], from one SIMD search for the bytes that start a tab or a bar
/// (`│` and `┃` are E2 94 82 and E2 94 83) rather than one search a character.
fn separator(line: &str) -> Separator {
    let b = line.as_bytes();
    for i in memchr::memchr3_iter(b'\t', b'|', 0xE2, b) {
        // An E2 lead byte starts a three-byte character: `b[i + 2]` is in the line.
        if b[i] == b'|' || (b[i] == 0xE2 && b[i + 1] == 0x94 && matches!(b[i + 2], 0x82 | 0x83)) {
            // A bar: the line's cells are split on bars unless a tab comes later, before
            // the white space that ends the line (`| 规章 | 0 | \t`: bars).
            let rest = line[i..].trim_end_matches(char::is_whitespace);
            return match memchr::memchr(b'\t', rest.as_bytes()) {
                Some(_) => Separator::Tab,
                None => Separator::Bar,
            };
        }
        if b[i] == b'\t' {
            return Separator::Tab;
        }
    }
    Separator::Spaces
}

/// Splits one line into trimmed cells. Tabs win; then bars; then runs of 2+ spaces.
pub fn cells(line: &str) -> Vec<&str> {
    let mut v = Vec::new();
    cells_into(line, false, false, &mut v);
    v
}

/// [`cells`] into `out` (cleared first), which keeps its room from line to line. With
/// `terminated` (a text whose cells each end with a bar, `规章 | 0 | 0 | 0 |`), an empty
/// cell before a line's first bar is a cell; otherwise that bar opens the row (markdown).
/// With `separated` (bars between cells, each written right after its cell, `规章| 0| 0| 0`,
/// as html2text writes a table), the empty cell after a line's last bar is a cell too.
fn cells_into<'a>(line: &'a str, terminated: bool, separated: bool, out: &mut Vec<&'a str>) {
    out.clear();
    match separator(line) {
        Separator::Tab => {
            split_tabs_while(line, |c| {
                out.push(trim(c));
                true
            });
        }
        Separator::Bar => {
            out.extend(line.split(['|', '│', '┃']).map(trim));
            // Markdown and box tables open and close with a bar: drop those empty ends.
            if out.first() == Some(&"") && !terminated {
                out.remove(0);
            }
            if out.last() == Some(&"") && !separated {
                out.pop();
            }
        }
        Separator::Spaces => {
            split_spaces_while(line, usize::MAX, |c| {
                out.push(c);
                true
            });
        }
    }
}

/// `line.split('\t')`, each piece handed to `f` in turn until it returns false; returns
/// whether it never did. The tabs are found by memchr's SIMD search (the standard
/// library's split calls its word-at-a-time search once a piece).
fn split_tabs_while<'a>(line: &'a str, mut f: impl FnMut(&'a str) -> bool) -> bool {
    let mut start = 0;
    for i in memchr::memchr_iter(b'\t', line.as_bytes()) {
        if !f(&line[start..i]) {
            return false;
        }
        start = i + 1;
    }
    f(&line[start..])
}

/// `str::trim`, answered at once when both ends are surely not white space (most cells):
/// the first byte, and the last character's first byte, are ASCII but white space, or
/// lead bytes no white-space character has (those of U+0085 to U+3000 are C2, E1, E2 and
/// E3).
pub(crate) fn trim(s: &str) -> &str {
    fn solid(b: u8) -> bool {
        if b < 0x80 {
            !matches!(b, b'\t'..=b'\r' | b' ')
        } else {
            !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
        }
    }
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return s;
    };
    let lead = if last < 0x80 {
        last
    } else {
        // Back over the continuation bytes (10xxxxxx) to the last character's first.
        let mut k = b.len() - 1;
        while k > 0 && b[k] & 0xC0 == 0x80 {
            k -= 1;
        }
        b[k]
    };
    if solid(first) && solid(lead) {
        s
    } else {
        s.trim()
    }
}

/// Splits on runs of two or more white-space characters (ideographic space included),
/// each cell handed to `f` in turn until it returns false; returns whether it never did.
/// Stops, returning false, as soon as a cell has more than `max_kept` characters that
/// label normalisation surely keeps (not white space, not a quote, not of a lead byte
/// whose characters it may change).
fn split_spaces_while<'a>(line: &'a str, max_kept: usize, mut f: impl FnMut(&'a str) -> bool) -> bool {
    let mut start = None;
    let mut kept = 0;
    let mut spaces = 0;
    let mut space_start = 0;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // The character at `i`: its width, and whether it is white space (decoded only for
        // the lead bytes of the non-ASCII white space, U+0085 to U+3000: most of a line is
        // CJK or ASCII, told at once).
        // Also whether normalising surely keeps it (ASCII but quotes, and the characters
        // of lead bytes it never changes: `labels::push_normalized`).
        let (width, white, keeps) = match b[i] {
            x if x < 0x80 => (1, matches!(x, b'\t'..=b'\r' | b' '), !matches!(x, b'"' | b'\'')),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = line[i..].chars().next().expect("a character starts here");
                (c.len_utf8(), c.is_whitespace(), false)
            }
            x if x >= 0xF0 => (4, false, true),
            0xEF => (3, false, false),
            x if x >= 0xE0 => (3, false, true),
            _ => (2, false, true),
        };
        if white {
            if spaces == 0 {
                space_start = i;
            }
            spaces += 1;
        } else {
            if spaces >= 2 || (spaces >= 1 && line[space_start..i].contains('\u{3000}')) {
                if let Some(s) = start {
                    if !f(&line[s..space_start]) {
                        return false;
                    }
                }
                start = None;
            }
            if start.is_none() {
                start = Some(i);
                kept = 0;
            }
            spaces = 0;
            kept += usize::from(keeps);
            if kept > max_kept {
                return false;
            }
            // The CJK ideographs that follow in the cell (lead bytes E4 to E9: three bytes,
            // never white space, kept by normalising), counted without the match above:
            // most of a line of prose.
            i += width;
            while i < b.len() && matches!(b[i], 0xE4..=0xE9) {
                kept += 1;
                if kept > max_kept {
                    return false;
                }
                i += 3;
            }
            continue;
        }
        i += width;
    }
    if let Some(s) = start {
        let end = if spaces > 0 { space_start } else { line.len() };
        return f(&line[s..end]);
    }
    true
}

/// Unit words that may stand apart from their number ("476.92 万元").
fn is_unit_word(w: &str) -> bool {
    let mut cs = w.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => c == '元' || super::numbers::is_cell_measure_word(c),
        _ => w == "万元",
    }
}

/// Whether `w` is a piece of the applications table's group labels a narrow cell breaks
/// over its lines: two to four characters of 本年度办理结果, 不予公开, 无法提供, 不予处理 or
/// 其他处理 (not of a row's label: `重复申请` is 2.重复申请's).
fn group_piece(w: &str) -> bool {
    const GROUPS: [&str; 5] = [
        "三、本年度办理结果",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ];
    (2..=4).contains(&w.chars().count()) && GROUPS.iter().any(|g| g.contains(w))
}

/// Whether `w` starts as a row's label does, with its item's number (`（一）予以公开`,
/// `(二)部分公开`, `四、结转下年度继续办理`).
fn starts_label(w: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七";
    let mut cs = w.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some('（' | '('), Some(c), Some('）' | ')')) => NUMERALS.contains(c),
        (Some(c), Some('、'), Some(_)) => NUMERALS.contains(c),
        _ => false,
    }
}

/// A cell's text may carry trailing numbers ("规章 0 0 0" from PDF text with single
/// spaces) only when the text part is label-like: short, and no sentence in it. Short is
/// what the longest label with its groups' labels before it takes (`三、本年度办理结果
/// （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请`, 52
/// characters: a page's text with a space between its strings, `get_text(" ")`).
fn label_like(head: &str) -> bool {
    head.chars().count() <= 56 && !head.contains('。') && !head.contains('；')
}

/// Turns one cell into tokens, appending to `out`.
/// `split_rows`: a row's label run into the values of the row before starts a cell (not in
/// a crawler's text, whose runs are cut later, `unglue`).
fn cell_tokens<'a>(cell: &'a str, line: u32, idx: u16, n: u16, split_rows: bool, out: &mut Vec<Token<'a>>) {
    let tok = |kind, raw| Token {
        kind,
        raw,
        line,
        cell: idx,
        line_cells: n,
    };
    if cell.is_empty() || numbers::is_empty_mark(cell) {
        out.push(tok(Kind::Blank, &cell[..0]));
        return;
    }
    if numbers::is_not_applicable(cell) {
        out.push(tok(Kind::Value(Value::NotApplicable), cell));
        return;
    }
    if let Some(n) = numbers::number(cell) {
        out.push(tok(Kind::Value(Value::Number(n)), cell));
        return;
    }
    // A number with a quote mark stuck to it (`”512`: OCR's reading of a rule beside it).
    let bare = unquoted(cell);
    if bare.len() < cell.len() {
        if let Some(n) = numbers::number(bare) {
            out.push(tok(Kind::Value(Value::Number(n)), bare));
            return;
        }
    }
    // One word that is neither a number nor a mark (most labels): text.
    if !cell.contains(char::is_whitespace) && !numbers::is_numbers(cell) {
        out.push(tok(Kind::Text, cell));
        return;
    }
    // Words with their byte offsets in the cell.
    let words: Vec<(usize, &str)> = cell
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - cell.as_ptr() as usize, w))
        .collect();
    // The next row's label, or a group label's piece, run into a row's last value (`… 0 0
    // 7（一）予以公开 4 2 …`, `… 0 0 7三、本`: a PDF's pages put into text with nothing
    // between them, the next page's first line on the row's last): the cell up to it, then
    // the rest read as a cell of its own.
    for w in (1..words.len()).filter(|_| split_rows) {
        let (off, word) = words[w];
        // (Most words are a number alone or text: neither starts so.)
        let bytes = word.as_bytes();
        if !bytes[0].is_ascii_digit() || bytes.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let rest = &word[digits..];
        let starts_row = digits > 0
            && (starts_label(rest)
                || w + 1 == words.len() && group_piece(rest) && numbers::number(words[w - 1].1).is_some());
        if starts_row {
            cell_tokens(cell[..off + digits].trim_end(), line, idx, n, true, out);
            cell_tokens(&cell[off + digits..], line, idx, n, true, out);
            return;
        }
    }
    // The longest suffix of words that are all numbers, units or not-applicable marks (万
    // alone the cell's last word: 万元 with its 元 wrapped onto the next line).
    let unit_at = |i: usize| is_unit_word(words[i].1) || (words[i].1 == "万" && i + 1 == words.len());
    let mut k = words.len();
    while k > 0 {
        let w = words[k - 1].1;
        let ok = numbers::is_numbers(unquoted(w))
            || numbers::is_not_applicable(w)
            || numbers::is_empty_mark(w)
            || (unit_at(k - 1) && k >= 2);
        if !ok {
            break;
        }
        k -= 1;
    }
    // A unit word cannot start the suffix.
    while k < words.len() && unit_at(k) {
        k += 1;
    }
    // A group label's piece one space after a row's last value (`2 理结果`: PyMuPDF's
    // sorted text puts the lines of a narrow group cell, 三、本年度办理结果 a few
    // characters a line, at the ends of its rows' lines): the number is a value, the piece
    // text.
    if idx > 0 && k == words.len() && words.len() == 2 && group_piece(words[1].1) {
        if let Some(n) = numbers::number(words[0].1) {
            out.push(tok(Kind::Value(Value::Number(n)), words[0].1));
            out.push(tok(Kind::Text, words[1].1));
            return;
        }
    }
    if k == words.len() || (k > 0 && !label_like(cell[..words[k].0].trim_end())) {
        // No trailing values, or a sentence: one text cell. A cell of several glued
        // numbers with units ("1个246900元") is values.
        match numbers::numbers(cell) {
            Some(ns) if k == 0 || words.len() == 1 => {
                for n in ns {
                    out.push(tok(Kind::Value(Value::Number(n)), cell));
                }
            }
            _ => out.push(tok(Kind::Text, cell)),
        }
        return;
    }
    if k > 0 {
        out.push(tok(Kind::Text, cell[..words[k].0].trim_end()));
    }
    let mut i = k;
    while i < words.len() {
        let (off, w) = words[i];
        let mut end = off + w.len();
        if i + 1 < words.len() && unit_at(i + 1) && numbers::is_numbers(w) {
            end = words[i + 1].0 + words[i + 1].1.len();
            i += 1;
        }
        let raw = unquoted(&cell[off..end]);
        if numbers::is_empty_mark(raw) {
            out.push(tok(Kind::Blank, &raw[..0]));
        } else if numbers::is_not_applicable(raw) {
            out.push(tok(Kind::Value(Value::NotApplicable), raw));
        } else {
            for n in numbers::numbers(raw).unwrap_or_default() {
                out.push(tok(Kind::Value(Value::Number(n)), raw));
            }
        }
        i += 1;
    }
}

/// `w` without the quote marks at its ends where a digit or a sign is then first (`”512`,
/// `“3”`); `w` otherwise.
fn unquoted(w: &str) -> &str {
    const QUOTES: [char; 8] = ['"', '\'', '“', '”', '‘', '’', '「', '」'];
    // (At a byte's cost for most words: those quotes start with `"`, `'`, E2 or E3 and
    // end with `"`, `'` or one of six continuation bytes.)
    let b = w.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return w;
    };
    if !matches!(first, b'"' | b'\'' | 0xE2 | 0xE3)
        && !matches!(last, b'"' | b'\'' | 0x98 | 0x99 | 0x9C | 0x9D | 0x8C | 0x8D)
    {
        return w;
    }
    if !w.starts_with(QUOTES) && !w.ends_with(QUOTES) {
        return w;
    }
    let bare = w.trim_matches(QUOTES);
    let first = bare.chars().next().map(numbers::halfwidth);
    if first.is_some_and(|c| c.is_ascii_digit() || matches!(c, '+' | '-')) {
        bare
    } else {
        w
    }
}

/// Tokens of a run of lines. Rule lines are dropped; blank lines give no tokens. With
/// `glued` (a crawler dump whose cells ran together), text cells are further split into
/// label text and digit runs.
pub fn tokens<'a>(lines: &[Line<'a>], glued: bool) -> Vec<Token<'a>> {
    // Room for a table's tokens at once (a few per line), bounded for a garbage file's
    // millions of lines.
    let mut out = Vec::with_capacity((lines.len() * 4).min(4096));
    let mut cs: Vec<&'a str> = Vec::new();
    // Looked at only once a line starts with a bar, or has one after a cell.
    let mut memo = None;
    let mut memo_sep = None;
    // (None: not so; Some(true): the cells stand behind tabs, and so must an empty one.)
    let one_a_line = if glued {
        None
    } else {
        cells_one_a_line(lines).or_else(|| tabs_alone(lines).then_some(true))
    };
    for l in lines {
        crate::budget::step();
        let text = trim(l.text);
        if text.is_empty() && one_a_line.is_some_and(|tabs| !l.text.is_empty() && (!tabs || l.text.contains('\t'))) {
            // One cell a line, each behind a tab (a word processor's table put into text,
            // `\t0`): a line of white space alone is an empty cell, as an empty line
            // between rows is not; where the cells stand behind tabs, a line of spaces
            // with no tab is no cell either (the empty line between rows, with the
            // spaces every line of the text ends with).
            out.push(Token {
                kind: Kind::Blank,
                raw: "",
                line: l.no,
                cell: 0,
                line_cells: 1,
            });
            continue;
        }
        if text.is_empty() || is_rule(l.text) || is_page_break(l.text) {
            continue;
        }
        let line_text = if one_a_line.is_some() { text } else { l.text };
        // `|`, or `│` and `┃` (E2 94 82 and E2 94 83), by their bytes: most lines start
        // with neither.
        let opens = matches!(text.as_bytes(), [b'|', ..] | [0xE2, 0x94, 0x82 | 0x83, ..]);
        let terminated = opens && *memo.get_or_insert_with(|| bars_terminate_cells(lines));
        let separated =
            !opens && separator(text) == Separator::Bar && *memo_sep.get_or_insert_with(|| bars_follow_cells(lines));
        cells_into(line_text, terminated, separated, &mut cs);
        let n = cs.len().min(u16::MAX as usize) as u16;
        let line_start = out.len();
        for (i, c) in cs.iter().enumerate() {
            let from = out.len();
            cell_tokens(c, l.no, i.min(u16::MAX as usize) as u16, n, !glued, &mut out);
            // A cell of digits with a leading zero (`000000000000000`, `0100000`: a crawler's
            // cells run together, set apart from their label by a double space) is no one
            // number but a run, as within text.
            let leading_zero = |t: &Token<'_>| {
                let mut ds = t.raw.chars().map(super::numbers::halfwidth);
                t.is_value() && ds.next() == Some('0') && t.raw.chars().count() > 1 && ds.all(|d| d.is_ascii_digit())
            };
            if glued && out.len() == from + 1 && leading_zero(&out[from]) {
                out[from].kind = Kind::Run;
            } else if glued && out.len() == from + 1 && out[from].kind == Kind::Text {
                let t = out.pop().expect("just pushed");
                unglue(t, &mut out);
            } else if glued && out.len() > from + 1 && out[from..].iter().any(|t| t.kind == Kind::Text) {
                // A cell cut off by an ideographic or double space in a crawler's line
                // (`规章 0 0　0规范性文件 00　2`): its label text may hold the previous
                // row's last digits (`0规范性文件`), glued as anywhere else in the line.
                let cell: Vec<Token<'a>> = out.drain(from..).collect();
                for t in cell {
                    if t.kind == Kind::Text {
                        unglue(t, &mut out);
                    } else {
                        out.push(t);
                    }
                }
            }
        }
        if !glued {
            split_glued_first_values(&mut out, line_start.saturating_sub(1));
        }
    }
    out
}

/// A row's first number run into its label (`（一）予以公开1856 793 46 30 106 42 2873`:
/// PyMuPDF's sorted text, OCR, a PDF's text with the label's cell and the first number's
/// a hair apart; `（一）予以公开6636` / `237` …, its text unsorted): where a label ends with
/// digits right after a CJK character and the next token, on its line or the next, is a
/// value, the digits are the row's first value. Looked at from `from` on (the last token
/// of the line before the one just read). Not where the label holds digits run into a
/// word elsewhere (`规章000规范性文件898989`: a crawler's runs) or the digits open with a
/// zero (a run of cells, `000`), and never in a crawler's text, whose runs are cut by the
/// identities (`unglue`).
fn split_glued_first_values(out: &mut Vec<Token<'_>>, from: usize) {
    let mut i = from;
    while i + 1 < out.len() {
        let (t, next) = (&out[i], &out[i + 1]);
        let glued = t.kind == Kind::Text && t.raw.as_bytes().last().is_some_and(u8::is_ascii_digit);
        if glued && next.is_value() && next.line <= t.line + 1 {
            if let Some(value) = glued_value(t) {
                out[i].raw = &out[i].raw[..out[i].raw.len() - value.raw.len()];
                out.insert(i + 1, value);
                i += 1;
            }
        }
        i += 1;
    }
}

/// The value `label`'s last digits are, if they stand right after a CJK character (see
/// [`split_glued_first_values`]).
fn glued_value<'a>(label: &Token<'a>) -> Option<Token<'a>> {
    let raw = label.raw;
    let head = raw.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &raw[head.len()..];
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    if !head.chars().next_back().is_some_and(han) || digits.len() > 9 || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    // (Digits run into a word before them: `规章0规范性文件12`.)
    let mut cs = head.chars().map(numbers::halfwidth).peekable();
    while let Some(c) = cs.next() {
        if c.is_ascii_digit() && cs.peek().is_some_and(|&d| han(d)) {
            return None;
        }
    }
    let n = numbers::number(digits)?;
    Some(Token {
        kind: Kind::Value(Value::Number(n)),
        raw: digits,
        ..label.clone()
    })
}

/// Whether the lines hold one cell each, most behind white space (`\t0`, `\t规章`: a word
/// processor's table put into text a cell a line), and some lines are white space alone:
/// then such a line is an empty cell of the table, printed (an empty line still is none).
/// Eight such lines at least, nine in ten of the lines with text. Some(true) where every
/// such cell stands behind a tab: an empty cell is then a line with a tab.
fn cells_one_a_line(lines: &[Line<'_>]) -> Option<bool> {
    let white = |l: &Line<'_>| !l.text.is_empty() && trim(l.text).is_empty();
    if !lines.iter().any(white) {
        return None;
    }
    let (mut single, mut led, mut tabbed, mut other) = (0usize, 0usize, 0usize, 0usize);
    let mut cs = Vec::new();
    for l in lines {
        let text = trim(l.text);
        if text.is_empty() || is_rule(l.text) || is_page_break(l.text) {
            continue;
        }
        cells_into(text, false, false, &mut cs);
        if cs.len() == 1 {
            single += 1;
            let behind = l.text.len() > text.len() && l.text.starts_with(char::is_whitespace);
            led += usize::from(behind);
            // (Behind a tab, or spaces and a tab: every line indented.)
            let lead = &l.text[..l.text.len() - l.text.trim_start().len()];
            tabbed += usize::from(behind && lead.contains('\t'));
        } else {
            other += 1;
        }
    }
    (led >= 8 && led * 2 >= single && single >= 9 * other).then_some(tabbed == led)
}

/// Whether the lines hold one cell each and their only tabs are lines of a tab alone (a
/// table put into text a cell a line, an empty cell a tab: `segment::paragraph_cells`'
/// form): then such a line is an empty cell of the table. Four in five of the lines with
/// text one cell (a label justified with ideographic spaces, `总　　计`, is two).
fn tabs_alone(lines: &[Line<'_>]) -> bool {
    let mut tabs = lines.iter().filter(|l| l.text.contains('\t')).peekable();
    if tabs.peek().is_none() || tabs.any(|l| l.text != "\t") {
        return false;
    }
    let (mut text, mut single) = (0usize, 0usize);
    let mut cs = Vec::new();
    for l in lines {
        let t = trim(l.text);
        if t.is_empty() || is_rule(l.text) || is_page_break(l.text) {
            continue;
        }
        text += 1;
        cells_into(t, false, false, &mut cs);
        single += usize::from(cs.len() == 1);
    }
    single * 10 >= text * 8
}

/// Whether the lines' bars stand between cells, each written right after its cell and a
/// space after it (`规章| 0| 6| 301`, html2text's tables): eight bars or more right after a
/// cell's text, three times as many as after white space (the bar after an empty cell
/// counts neither way), on lines that open with a cell.
/// Then a line's last bar stands before its last cell, empty where the line ends with it.
/// So too where no line opens with a bar and most lines of bars end with a cell, not a bar
/// (a Word table's rows written `' | '.join(cells)`, as scripts reading python-docx do, a
/// Markdown table without its outer bars): a line ending with a bar ends with an empty cell.
fn bars_follow_cells(lines: &[Line<'_>]) -> bool {
    let (mut glued, mut spaced) = (0usize, 0usize);
    let (mut opens, mut ends_bar, mut ends_cell) = (0usize, 0usize, 0usize);
    for l in lines {
        let t = trim(l.text);
        if separator(t) != Separator::Bar {
            continue;
        }
        if t.starts_with(['|', '│', '┃']) {
            opens += 1;
            continue;
        }
        if t.ends_with(['|', '│', '┃']) {
            ends_bar += 1;
        } else {
            ends_cell += 1;
        }
        // (The bar after an empty cell follows white space either way.)
        let mut pieces = t.split('|');
        pieces.next_back();
        for piece in pieces.filter(|p| !p.trim().is_empty()) {
            if piece.ends_with(char::is_whitespace) {
                spaced += 1;
            } else {
                glued += 1;
            }
        }
    }
    (glued >= 8 && glued >= 3 * spaced) || (ends_cell >= 8 && ends_cell > ends_bar && opens * 10 <= ends_cell)
}

/// Whether the lines' bars end cells rather than stand between them: as many lines with bars
/// start with a cell and end with a bar (`行政复议 |  |  |`, as pages put into text hold their
/// tables) as start with a bar, where every line of a markdown or box table opens with one.
pub(crate) fn bars_terminate_cells(lines: &[Line<'_>]) -> bool {
    let (mut open, mut end) = (0, 0);
    for l in lines {
        let t = trim(l.text);
        if separator(t) != Separator::Bar {
            continue;
        }
        let bar = |c: char| matches!(c, '|' | '│' | '┃');
        if t.chars().all(|c| bar(c) || c.is_whitespace()) {
            // Empty cells alone (`|`, `|  |`) open or end cells alike.
            continue;
        }
        if t.starts_with(bar) {
            open += 1;
        } else if t.ends_with(bar) {
            end += 1;
        }
    }
    end > 0 && end >= open
}

/// Whether rows framed by bars (`| 规章 | 0 | 0 | |`) are padded to the table's width with
/// empty cells run together after them (`| 行政许可 | 1300 | ||`): a markdown table's rows
/// never are (its separator row sets its width), a page's text made by a crawler may be (two
/// rows at least, one in ten, the rows under a merged label padded too): the empty cells
/// past a row's columns are padding, those that make them up its own. Looked at where
/// [`bars_terminate_cells`] is not so.
pub(crate) fn bars_pad_framed_rows(lines: &[Line<'_>]) -> bool {
    let (mut framed, mut padded) = (0, 0);
    for l in lines {
        // (Found by their last byte: most lines end with none.)
        let t = l.text.trim_end();
        if !t.ends_with('|') {
            continue;
        }
        let t = t.trim_start();
        if !t.starts_with('|') || t.len() < 2 {
            continue;
        }
        framed += 1;
        padded += usize::from(t.ends_with("||") && !t.trim_start_matches('|').trim().is_empty());
    }
    padded >= 2 && padded * 10 >= framed
}

/// Characters after a number that make it part of the text (2020年, 4位, 711号, 第3页).
const COUNTERS: &str = "年月日位号条件个项次笔宗人家余亿页期届批类%％";

/// Splits a text cell of a crawler dump into label text and digit runs.
fn unglue<'a>(t: Token<'a>, out: &mut Vec<Token<'a>>) {
    let s = t.raw;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut text_start = 0;
    let mut i = 0;
    let push = |kind: Kind, raw: &'a str, out: &mut Vec<Token<'a>>| {
        let raw = trim(raw);
        if !raw.is_empty() {
            out.push(Token { kind, raw, ..t.clone() });
        }
    };
    while i < chars.len() {
        let c = super::numbers::halfwidth(chars[i].1);
        let starts = c.is_ascii_digit()
            || ((c == '+' || c == '-')
                && chars
                    .get(i + 1)
                    .is_some_and(|x| super::numbers::halfwidth(x.1).is_ascii_digit()));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() {
            let d = super::numbers::halfwidth(chars[j].1);
            if d.is_ascii_digit() || d == '.' || d == '+' || d == '-' || d == ',' || d == ' ' {
                j += 1;
            } else {
                break;
            }
        }
        // Trailing spaces are not part of the run (the no-break and ideographic spaces, which
        // the run takes in, too).
        let space = |c: char| super::numbers::halfwidth(c) == ' ';
        while j > i && space(chars[j - 1].1) {
            j -= 1;
        }
        // A row's last digits run into the prose's year after the table (`行政事业性收费
        // 02025年，我局…`, `结转下年度继续办理20000022025年`, `24252.3110822020年`): the
        // year is the prose's, the digits before it the row's.
        let unit_at = j + chars[j..].iter().take_while(|x| space(x.1)).count();
        if j - i > 4 && chars.get(unit_at).is_some_and(|x| x.1 == '年') {
            let digit = |k: usize| super::numbers::halfwidth(chars[k].1).to_digit(10);
            let year = (j - 4..j).try_fold(0, |y, k| digit(k).map(|d| y * 10 + d));
            let before = chars[i..j - 4].iter().all(|x| {
                let d = super::numbers::halfwidth(x.1);
                d.is_ascii_digit() || d == ' ' || d == '.' || d == ','
            });
            if year.is_some_and(|y| (1949..=2100).contains(&y)) && before {
                j -= 4;
                while j > i && space(chars[j - 1].1) {
                    j -= 1;
                }
            }
        }
        // The character after the run, and where it is: text extracted from a PDF or typed
        // into a cell may hold a space between a number and its unit or counter (2025 年,
        // 75394432.52 元, 1 个).
        let after = |k: usize| k + chars[k.min(chars.len())..].iter().take_while(|x| space(x.1)).count();
        let at = after(j);
        let next = chars.get(at).map(|x| x.1);
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        // A label's own number (1.属于…, 2、…) or a counted thing (2020年): text.
        let mut end = j;
        let span: String = chars[i..j].iter().map(|x| super::numbers::halfwidth(x.1)).collect();
        // A count with its measure word followed straight by the next cell's digits
        // (政府集中采购1个246900元, 2笔984361元) is a cell; not 条 and 次, which count
        // things in prose (信息148条，).
        let counted_cell = next.is_some_and(|n| super::numbers::is_measure_word(n) && n != '条' && n != '次') && {
            let from = after(at + 1);
            let digits = chars[from.min(chars.len())..]
                .iter()
                .take_while(|x| {
                    let d = super::numbers::halfwidth(x.1);
                    d.is_ascii_digit() || d == '.'
                })
                .count();
            // ... unless those digits count something themselves (共3个12月).
            digits > 0 && !chars.get(after(from + digits)).is_some_and(|x| COUNTERS.contains(x.1))
        };
        if counted_cell && end == j {
            let byte = |k: usize| chars.get(k).map(|x| x.0).unwrap_or(s.len());
            if let Some(n) = super::numbers::number(&s[byte(i)..byte(at + 1)]) {
                push(Kind::Text, &s[byte(text_start)..byte(i)], out);
                push(Kind::Value(Value::Number(n)), &s[byte(i)..byte(at + 1)], out);
                text_start = at + 1;
                i = at + 1;
                continue;
            }
        }
        if next.is_some_and(|n| COUNTERS.contains(n)) || prev == Some('第') {
            i = j.max(i + 1);
            continue;
        }
        if span.ends_with('.') || next == Some('、') {
            // The last digit starts the next label ("00000002.其他…").
            let keep = span.trim_end_matches('.').len();
            end = i + keep.saturating_sub(1);
            while end > i && !super::numbers::halfwidth(chars[end - 1].1).is_ascii_digit() {
                end -= 1;
            }
            if end == i {
                i = j.max(i + 1);
                continue;
            }
        }
        // A unit closes the run.
        let mut unit_end = end;
        if end == j {
            if next == Some('元') {
                unit_end = at + 1;
            } else if next == Some('万') && chars.get(at + 1).map(|x| x.1) == Some('元') {
                unit_end = at + 2;
            }
        }
        // Digits inside Latin text (URLs, codes) are not cells.
        if chars.get(j).is_some_and(|n| n.1.is_ascii_alphabetic()) || prev.is_some_and(|p| p.is_ascii_alphabetic()) {
            i = j.max(i + 1);
            continue;
        }
        let byte = |k: usize| chars.get(k).map(|x| x.0).unwrap_or(s.len());
        push(Kind::Text, &s[byte(text_start)..byte(i)], out);
        let raw = &s[byte(i)..byte(unit_end)];
        match super::numbers::numbers(raw) {
            Some(ns)
                if ns.len() == 1 && !raw.trim_start_matches(['+', '-']).starts_with("00") && raw.trim().len() <= 4 =>
            {
                push(Kind::Value(Value::Number(ns[0])), raw, out)
            }
            _ => push(Kind::Run, raw, out),
        }
        text_start = unit_end;
        i = unit_end.max(i + 1);
    }
    let byte = |k: usize| chars.get(k).map(|x| x.0).unwrap_or(s.len());
    push(Kind::Text, &s[byte(text_start)..], out);
}

/// The number in a value token, if it is one.
pub fn number(t: &Token<'_>) -> Option<Number> {
    match t.kind {
        Kind::Value(Value::Number(n)) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells of [`split_spaces_while`] in a vector.
    fn split_spaces(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_spaces_while(line, usize::MAX, |c| {
            out.push(c);
            true
        });
        out
    }

    /// `split_spaces` as it was written first, a character at a time: the reference for
    /// the byte scan.
    fn split_spaces_by_chars(line: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = None;
        let mut spaces = 0;
        let mut space_start = 0;
        for (i, c) in line.char_indices() {
            if c.is_whitespace() {
                if spaces == 0 {
                    space_start = i;
                }
                spaces += 1;
            } else {
                if spaces >= 2 || (spaces >= 1 && line[space_start..i].contains('\u{3000}')) {
                    if let Some(s) = start {
                        out.push(&line[s..space_start]);
                    }
                    start = None;
                }
                if start.is_none() {
                    start = Some(i);
                }
                spaces = 0;
            }
        }
        if let Some(s) = start {
            out.push(&line[s..if spaces > 0 { space_start } else { line.len() }]);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Lines are the pieces between newlines, as `split('\n')` gives them, numbered from
        /// 1, without a trailing carriage return.
        #[test]
        fn lines_are_the_pieces_between_newlines(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", "\n", "\r", "\r\n", "\n\n", " ", "\t",
        ]), 0..16)) {
            let text: String = pieces.concat();
            let want: Vec<(u32, &str)> = text
                .split('\n')
                .enumerate()
                .map(|(i, l)| (i as u32 + 1, l.trim_end_matches('\r')))
                .collect();
            let got: Vec<(u32, &str)> = lines(&text).iter().map(|l| (l.no, l.text)).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The byte scan splits as the character scan does, with every white space of
        /// Unicode and characters of every width.
        #[test]
        fn split_spaces_reads_characters_as_they_are(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", "1", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}",
            "\u{2000}", "\u{200a}", "\u{200b}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
            "\u{3001}", "é", "€", "𠀀", "\u{e2}", "—",
        ]), 0..16)) {
            let line: String = pieces.concat();
            proptest::prop_assert_eq!(split_spaces(&line), split_spaces_by_chars(&line));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// `single_cell` is `cells` with the empty cells left out, when one is left.
        #[test]
        fn single_cell_is_the_one_cell(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", "1", " ", "  ", "\t", "|", "│", "┃", "\u{3000}", "\u{a0}", "-",
        ]), 0..12)) {
            let line: String = pieces.concat();
            let cs: Vec<&str> = cells(&line).into_iter().filter(|c| !c.is_empty()).collect();
            let want = if cs.len() == 1 { Some(cs[0]) } else { None };
            proptest::prop_assert_eq!(single_cell(&line), want);
        }

        /// `single_cell_within` is `single_cell` and the normalised length's bound, however
        /// early it stops reading.
        #[test]
        fn single_cell_within_is_single_cell_bounded(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", "1", " ", "  ", "\t", "|", "\u{3000}", "\u{a0}", "\"", "'", "“", "」", "『",
            "，", "Ａ", "＂", "、", "é", "\u{2003}", "𠀀",
        ]), 0..16), max in 0usize..8) {
            let line: String = pieces.concat();
            let want = single_cell(&line).filter(|c| crate::parse::labels::normalized_within(c, max));
            proptest::prop_assert_eq!(single_cell_within(&line, max), want);
        }

        /// `trim` is `str::trim`, for every kind of white space at either end.
        #[test]
        fn trim_is_str_trim(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", "1", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}", "\u{85}", "\u{a0}",
            "\u{1680}", "\u{2000}", "\u{200a}", "\u{200b}", "\u{2028}", "\u{202f}", "\u{205f}",
            "\u{3000}", "\u{3001}", "é", "—", "“", "𠀀", "\u{feff}",
        ]), 0..8)) {
            let s: String = pieces.concat();
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }

        /// The byte search for the separator agrees with searching for the characters.
        #[test]
        fn the_separator_is_found_as_the_characters_would_be(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", " ", "\t", "|", "│", "┃", "┄", "╋", "“", "—", "\u{2000}", "｜", "\u{2502}\u{2503}",
        ]), 0..12)) {
            let line: String = pieces.concat();
            // Tabs win, but for those in the white space that ends a line after a bar.
            let want = match (line.find('\t'), line.find(['|', '│', '┃'])) {
                (Some(t), Some(b)) if t > b && !line[b..].trim_end().contains('\t') => Separator::Bar,
                (Some(_), _) => Separator::Tab,
                (None, Some(_)) => Separator::Bar,
                (None, None) => Separator::Spaces,
            };
            proptest::prop_assert_eq!(separator(&line), want);
        }
    }

    fn show(line: &str, glued: bool) -> Vec<String> {
        tokens(&[Line { no: 1, text: line }], glued)
            .iter()
            .map(|t| match &t.kind {
                Kind::Text => format!("T:{}", t.raw),
                Kind::Value(Value::Number(n)) => format!("V:{}", n.value),
                Kind::Value(Value::NotApplicable) => "NA".to_string(),
                Kind::Blank => "_".to_string(),
                Kind::Run => format!("R:{}", t.raw),
            })
            .collect()
    }

    fn kinds(line: &str) -> Vec<String> {
        show(line, false)
    }

    fn glued(line: &str) -> Vec<String> {
        show(line, true)
    }

    /// An amount whose 万元 a narrow cell broke after 万 (a PDF's text, one space between
    /// cells): 万 the cell's last word is its unit; not before other words.
    #[test]
    fn wan_alone_at_a_cells_end_is_the_amounts_unit() {
        assert_eq!(
            kinds("政府集中采购 46 2708.2814 万"),
            ["T:政府集中采购", "V:46", "V:2708.2814"]
        );
        let t = tokens(
            &[Line {
                no: 1,
                text: "政府集中采购 46 2708.2814 万",
            }],
            false,
        );
        assert_eq!(t.last().map(|t| t.raw), Some("2708.2814 万"));
        assert_eq!(kinds("政府集中采购 46 万 人"), ["T:政府集中采购 46 万 人"]);
    }

    /// A narrow group cell's lines one space after a row's last value (PyMuPDF's sorted
    /// text): the number is the row's, the piece text; a row's own label after a number
    /// stays one (`2 重复申请`), as does a piece the line starts with.
    #[test]
    fn a_group_labels_piece_after_a_rows_last_value_leaves_it_a_value() {
        assert_eq!(
            kinds("   8.属于行政查询事项     2        2 年度办"),
            ["T:8.属于行政查询事项", "V:2", "V:2", "T:年度办"]
        );
        assert_eq!(
            kinds("  2.没有现成信息需要另行制     2        2 理结果"),
            ["T:2.没有现成信息需要另行制", "V:2", "V:2", "T:理结果"]
        );
        assert_eq!(
            kinds("  1.信访举报投诉类申请     4        2 重复申请"),
            ["T:1.信访举报投诉类申请", "V:4", "T:2 重复申请"]
        );
        assert_eq!(kinds("2 理结果     4"), ["T:2 理结果", "V:4"]);
    }

    /// A row's first number run into its label, the next token a value (PyMuPDF's text of
    /// a large agency's table): the digits are a value of their own; not
    /// where no value follows, the digits follow no CJK character, open with a zero, or the
    /// label holds digits run into a word before them (a crawler's runs).
    #[test]
    fn a_rows_first_number_run_into_its_label_is_a_value() {
        assert_eq!(
            kinds("三、本 （一）予以公开1856 793  46 30 106 42 2873"),
            [
                "T:三、本 （一）予以公开",
                "V:1856",
                "V:793",
                "V:46",
                "V:30",
                "V:106",
                "V:42",
                "V:2873"
            ]
        );
        assert_eq!(
            kinds("1.属于国家秘密13 46 1"),
            ["T:1.属于国家秘密", "V:13", "V:46", "V:1"]
        );
        assert_eq!(kinds("（一）予以公开1856"), ["T:（一）予以公开1856"]);
        assert_eq!(kinds("截至2019年 5 6"), ["T:截至2019年", "V:5", "V:6"]);
        assert_eq!(kinds("Section2 5 6"), ["T:Section2", "V:5", "V:6"]);
        assert_eq!(kinds("规章000 5 6"), ["T:规章000", "V:5", "V:6"]);
        assert_eq!(kinds("规章0规范性文件12 5 6"), ["T:规章0规范性文件12", "V:5", "V:6"]);
        // The next line's value (PyMuPDF's unsorted text, a cell a line); not one further.
        let read = |text: &'static str| {
            let t = tokens(&lines(text), false);
            t.iter().map(|t| (t.raw, t.line, t.is_value())).collect::<Vec<_>>()
        };
        assert_eq!(
            read("（一）予以公开6636\n237\n42 274"),
            [
                ("（一）予以公开", 1, false),
                ("6636", 1, true),
                ("237", 2, true),
                ("42", 3, true),
                ("274", 3, true)
            ]
        );
        assert_eq!(read("（一）予以公开6636\n\n237")[0], ("（一）予以公开6636", 1, false));
    }

    /// A PDF's pages joined with nothing between them: the next page's first line (a row's
    /// label, a group label's piece) run into the last value of the row ending the page
    /// starts a cell of its own; a group label's piece with no value before it and a
    /// number's unit stay as they are.
    #[test]
    fn a_label_run_into_a_rows_last_value_starts_a_cell() {
        assert_eq!(
            kinds("二、上年结转政府信息公开申请数量 0 5 0 2 0 0 7三、本"),
            [
                "T:二、上年结转政府信息公开申请数量",
                "V:0",
                "V:5",
                "V:0",
                "V:2",
                "V:0",
                "V:0",
                "V:7",
                "T:三、本"
            ]
        );
        assert_eq!(
            kinds("二、上年结转政府信息公开申请数量 0 2 2（一）予以公开 24 1 25"),
            [
                "T:二、上年结转政府信息公开申请数量",
                "V:0",
                "V:2",
                "V:2",
                "T:（一）予以公开",
                "V:24",
                "V:1",
                "V:25"
            ]
        );
        assert_eq!(
            kinds("二、上年结转政府信息公开申请数量 0（一）予以公开 52 7"),
            [
                "T:二、上年结转政府信息公开申请数量",
                "V:0",
                "T:（一）予以公开",
                "V:52",
                "V:7"
            ]
        );
        // A group label's piece alone needs a value before it.
        assert_eq!(
            kinds("二、上年结转政府信息公开申请数量 7理结果"),
            ["T:二、上年结转政府信息公开申请数量 7理结果"]
        );
        assert_eq!(kinds("政府集中采购 46 2708万元"), ["T:政府集中采购", "V:46", "V:2708"]);
        // Not in a crawler's text, whose runs are cut later, with the labels run into them.
        let crawler = glued("（六）其他处理 0 0 0 0 0 0 0（七）总计 1 0 00 0 0 1");
        assert_eq!(crawler[..3], ["T:（六）其他处理", "R:0 0 0 0 0 0 0", "T:（七）总计"]);
    }

    #[test]
    fn crawler_runs_are_cut_from_labels() {
        assert_eq!(
            glued("信息内容规章000规范性文件898989第二十条"),
            ["T:信息内容规章", "R:000", "T:规范性文件", "R:898989", "T:第二十条"]
        );
        assert_eq!(glued("行政许可20+1737其他"), ["T:行政许可", "R:20+1737", "T:其他"]);
        assert_eq!(
            glued("1.属于国家秘密00000002.其他法律"),
            ["T:1.属于国家秘密", "R:0000000", "T:2.其他法律"]
        );
        assert_eq!(
            glued("政府集中采购156805947.43元三、"),
            ["T:政府集中采购", "R:156805947.43元", "T:三、"]
        );
        assert_eq!(
            glued("（单位：万元，保留4位小数）2020年"),
            ["T:（单位：万元，保留4位小数）2020年"]
        );
        assert_eq!(glued("数量230 000023二、"), ["T:数量", "R:230 000023", "T:二、"]);
        assert_eq!(
            glued("（七）总计23 0 00 0 023四、"),
            ["T:（七）总计", "R:23 0 00 0 023", "T:四、"]
        );
        assert_eq!(
            glued("政府集中采购1个246900元二、"),
            ["T:政府集中采购", "V:1", "R:246900元", "T:二、"]
        );
        assert_eq!(glued("共3个12月"), ["T:共3个12月"]);
        // Deals counted with 笔 (a real 2020 report: `政府集中采购 2笔 984361元`).
        assert_eq!(
            glued("政府集中采购2笔984361元三、"),
            ["T:政府集中采购", "V:2", "R:984361元", "T:三、"]
        );
        assert_eq!(glued("信息148条，其中"), ["T:信息148条，其中"]);
        // A row's last digits run into the year that starts the prose after the table (a
        // real 2025 report: `行政事业性收费02025年，我局…`); a year alone is the prose's.
        assert_eq!(
            glued("行政事业性收费02025年，我局"),
            ["T:行政事业性收费", "V:0", "T:2025年，我局"]
        );
        assert_eq!(
            glued("继续办理20000022025年，共收到"),
            ["T:继续办理", "R:2000002", "T:2025年，共收到"]
        );
        assert_eq!(glued("收费0 2025年，"), ["T:收费", "V:0", "T:2025年，"]);
        assert_eq!(glued("收费 02025 年，"), ["T:收费", "V:0", "T:2025 年，"]);
        assert_eq!(
            glued("收费24252.3110822020年，"),
            ["T:收费", "R:24252.311082", "T:2020年，"]
        );
        assert_eq!(glued("情况2025年，我局"), ["T:情况2025年，我局"]);
        assert_eq!(glued("情况12345年"), ["T:情况12345年"]);
        // A space before a unit or a counter, as text extracted from a PDF has.
        assert_eq!(
            glued("政府集中采购 13575394432.52 元三、"),
            ["T:政府集中采购", "R:13575394432.52 元", "T:三、"]
        );
        assert_eq!(
            glued("政府集中采购 1 个 246900 元二、"),
            ["T:政府集中采购", "V:1", "R:246900 元", "T:二、"]
        );
        // The same with no-break spaces.
        assert_eq!(
            glued("政府集中采购\u{a0}2笔\u{a0}984361元三、"),
            ["T:政府集中采购", "V:2", "R:984361元", "T:三、"]
        );
        assert_eq!(glued("宿迁市 2025 年政府信息公开"), ["T:宿迁市 2025 年政府信息公开"]);
        assert_eq!(glued("共 3 个 12 月"), ["T:共 3 个 12 月"]);
    }

    #[test]
    fn cell_recovery_table() {
        let cases: &[(&str, &[&str])] = &[
            ("规章\t2\t2\t8", &["T:规章", "V:2", "V:2", "V:8"]),
            ("\t(一) 予以公开\t\t0", &["_", "T:(一) 予以公开", "_", "V:0"]),
            ("规章    0    0    0", &["T:规章", "V:0", "V:0", "V:0"]),
            ("规章 0 0 0", &["T:规章", "V:0", "V:0", "V:0"]),
            ("政府集中采购\t2\t476.92 万元", &["T:政府集中采购", "V:2", "V:476.92"]),
            ("| 行政许可 | 不涉及 | / | — |", &["T:行政许可", "NA", "NA", "NA"]),
            // A tab in the white space that ends a line of bars splits nothing.
            ("| 规章 | 3 | 1 | 12 | \t ", &["T:规章", "V:3", "V:1", "V:12"]),
            ("    结 果 维 持", &["T:结 果 维 持"]),
            (
                "2020年，我局没有因政府信息公开申请行政复议 3 件。",
                &["T:2020年，我局没有因政府信息公开申请行政复议 3 件。"],
            ),
            (
                "2020 年政府信息公开工作的年度报告",
                &["T:2020 年政府信息公开工作的年度报告"],
            ),
            ("1个246900元", &["V:1", "V:246900"]),
            ("政府集中采购 2笔 984361元", &["T:政府集中采购", "V:2", "V:984361"]),
            ("行政许可\t20\t+17\t37", &["T:行政许可", "V:20", "V:17", "V:37"]),
            (
                "（三）不予公开　1．属于国家秘密　　５",
                &["T:（三）不予公开", "T:1．属于国家秘密", "V:5"],
            ),
            // A quote mark stuck to a number (OCR's reading of a rule beside it); quoted
            // words are still words.
            (
                "一、本年新收政府 464 32 48 ”512",
                &["T:一、本年新收政府", "V:464", "V:32", "V:48", "V:512"],
            ),
            ("规章	“3”	0", &["T:规章", "V:3", "V:0"]),
            ("危及“三安全一稳定”", &["T:危及“三安全一稳定”"]),
            ("“三安全一稳定”	2", &["T:“三安全一稳定”", "V:2"]),
        ];
        for (line, want) in cases {
            assert_eq!(kinds(line), *want, "{line:?}");
        }
    }

    #[test]
    fn page_breaks_are_not_cells() {
        for l in [
            "— 3 —",
            "- 12 -",
            "第 3 页 共 5 页",
            "第3页，共6页",
            "第 3 页",
            " －2－ ",
            // Full-width digits (a text typed so throughout).
            "－ ２ －",
            "第３页　共５页",
        ] {
            assert!(is_page_break(l), "{l:?}");
        }
        for l in ["3", "-3", "第三章", "第2页说明", "规章 - 3 -"] {
            assert!(!is_page_break(l), "{l:?}");
        }
    }

    #[test]
    fn rules_are_not_cells() {
        assert!(is_rule("-------------\t---\t---"));
        assert!(is_rule("+-----+-----+"));
        assert!(!is_rule("—"));
        assert!(kinds("|---|---|").is_empty());
    }
}
