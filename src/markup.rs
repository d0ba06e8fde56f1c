//! Texts that hold a page's markup, or text a page's markup shaped, prepared before they
//! are read: markup escaped (`&lt;td&gt;`) or in a page's metadata (`<meta name="PubDate">`,
//! `ArticleTitle`), white space left escaped, a converter's Markdown escapes, what a browser
//! does not show, rows broken at `<br>`, inline tags, and whether a text is a page or holds
//! its tables.

use crate::*;

/// A text that holds a page's tables with their markup escaped (`&lt;td&gt;`, eight cells
/// or more), that markup unescaped (`&lt;`, `&gt;`, `&quot;`, `&#39;`, `&amp;`; the file's
/// line breaks stay its lines); None for any other text.
pub(crate) fn markup_escaped(text: &str) -> Option<String> {
    let cells = memchr::memmem::find_iter(text.as_bytes(), b"&lt;td").take(8).count();
    if cells < 8 || !text.contains("&lt;table") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&amp;", '&'),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match entity {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

/// The `content` of each `<meta>` tag in an HTML page's first 64 KB that `name` (a finder
/// of the tag's name) matches, as written between its quotes.
fn meta_contents<'a>(page: &'a str, name: &'a aho_corasick::AhoCorasick) -> impl Iterator<Item = &'a str> + 'a {
    let head = &page[..page.floor_char_boundary(64 * 1024)];
    name.find_iter(head).filter_map(move |m| {
        let open = head[..m.start()].rfind('<')?;
        let close = m.end() + head[m.end()..].find('>')?;
        let tag = &head[open..close];
        if !tag.get(..5)?.eq_ignore_ascii_case("<meta") {
            return None;
        }
        // ASCII lowercasing keeps every byte where it is.
        let at = tag.to_ascii_lowercase().find("content=")? + "content=".len();
        let value = tag[at..].trim_start_matches(' ');
        let value = match value.chars().next()? {
            q @ ('"' | '\'') => &value[1..value[1..].find(q).map_or(value.len(), |e| e + 1)],
            _ => value.split([' ', '/']).next()?,
        };
        Some(value)
    })
}

/// A finder of a `<meta>` tag's name, case aside.
fn meta_name(name: &str) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([name])
        .expect("a fixed name")
}

/// The date of an HTML page's `<meta name="PubDate" content="2020-01-13 16:07">`, the
/// publication date government portals' pages carry (the national standard for their
/// metadata).
pub(crate) fn meta_pubdate(page: &str) -> Option<i32> {
    static NAME: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| meta_name("pubdate"));
    meta_contents(page, &NAME).find_map(segment::date)
}

/// The title in an HTML page's `<meta name="ArticleTitle" content="…">` (the same
/// standard's), for a page whose text shows no title with an agency and a year.
pub(crate) fn meta_title(page: &str) -> Option<String> {
    static NAME: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| meta_name("articletitle"));
    // (Its character references read: a page written in ASCII writes its title so.)
    meta_contents(page, &NAME)
        .map(str::trim)
        .find(|t| !t.is_empty())
        .map(|t| html::decode_refs(t).map_or_else(|| t.to_string(), std::borrow::Cow::into_owned))
}

/// The agency and year a page's metadata title gives where its text shows no title with
/// both (it may have given them from a sentence, its signature or its statistics' period,
/// `Meta::untitled`): both where the metadata gives both, else the ones missing; the
/// `NO_TITLE` warning goes when both are then known.
pub(crate) fn title_from_metadata(title: &str, out: &mut FileOutcome) {
    let lines = grid::lines(title);
    let meta = segment::meta(&lines);
    if meta.agency.is_some() && meta.year.is_some() {
        (out.agency, out.year) = (meta.agency, meta.year);
    } else {
        out.agency = out.agency.take().or(meta.agency);
        out.year = out.year.or(meta.year);
    }
    if out.agency.is_some() && out.year.is_some() {
        out.diagnostics.retain(|d| d.code != Code::NoTitle);
    }
}

/// A text's white space left HTML-escaped by the crawler that saved it (`&nbsp;`,
/// `&#160;`, `&emsp;`, `&#12288;` …) as spaces: cells and labels are separated by them.
pub(crate) fn spaces_escaped(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    const SPACES: [&str; 10] = [
        "&nbsp;", "&ensp;", "&emsp;", "&thinsp;", "&#160;", "&#xa0;", "&#8194;", "&#8195;", "&#12288;", "&#x3000;",
    ];
    let b = text.as_bytes();
    // One pass; the copy is made at the first escape found, if any.
    let mut out: Option<String> = None;
    let (mut last, mut i) = (0, 0);
    while let Some(k) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + k;
        let escape = SPACES
            .iter()
            .find(|e| b.len() >= amp + e.len() && b[amp..amp + e.len()].eq_ignore_ascii_case(e.as_bytes()));
        match escape {
            Some(e) => {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                o.push_str(&text[last..amp]);
                o.push(' ');
                i = amp + e.len();
                last = i;
            }
            None => i = amp + 1,
        }
    }
    match out {
        None => text,
        Some(mut o) => {
            o.push_str(&text[last..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// A text's Markdown escapes (a converter's Markdown of a page: `279\.4833万元`, `\-5`,
/// `1\.属于国家秘密`, mammoth's and html2text's) as the characters they escape: a backslash
/// before ASCII punctuation is dropped, but before a bar (a bar within a table's cell,
/// `\|`), a backslash or a quote.
pub(crate) fn markdown_escapes(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    const ESCAPED: &[u8] = b"!#$%&()*+,-./:;<=>?@[]^_`{}~";
    let b = text.as_bytes();
    let escape = |at: usize| b.get(at + 1).is_some_and(|c| ESCAPED.contains(c));
    if !memchr::memchr_iter(b'\\', b).any(escape) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for at in memchr::memchr_iter(b'\\', b) {
        if at >= last && escape(at) {
            out.push_str(&text[last..at]);
            last = at + 1;
        }
    }
    out.push_str(&text[last..]);
    std::borrow::Cow::Owned(out)
}

/// `text` without the characters that print as nothing (zero-width space and joiners, word
/// joiner, a byte-order mark inside the text, soft hyphen): web pages scatter them through
/// labels and numbers (`规范性\u{200b}文件`, `89\u{200b}89`), where a reader sees none.
/// Line breaks written otherwise than `\n` or `\r\n` (a lone `\r`, U+2028, U+2029)
/// become `\n`: a text of them is still one line a row; `\r`s before a line break are
/// part of it (`\r\r\n`). A hyphen (U+2010, U+2011), an en
/// dash or the minus sign before a digit becomes `-`, the sign every reader knows.
pub(crate) fn visible(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    fn invisible(c: char) -> bool {
        matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
    }
    // Found by their first bytes, E2 (U+200B–U+200D, U+2060, U+2028, U+2029) and C2
    // (U+00AD), and the BOM (EF BB BF) by itself: EF starts every full-width comma. A lone
    // `\r` by the first and the last `\r` (a text's line ends are all of one kind, or
    // nearly): looking at every one would stop at each line of a CRLF text.
    let b = text.as_bytes();
    let lone = |i: usize| b.get(i + 1) != Some(&b'\n');
    let any = memchr::memchr2_iter(0xE2, 0xC2, b).any(|i| {
        matches!(
            b[i..],
            [0xE2, 0x80, 0x8B..=0x8D | 0xA8 | 0xA9, ..]
                | [0xE2, 0x81, 0xA0, ..]
                | [0xC2, 0xAD, ..]
                | [0xE2, 0x80, 0x90 | 0x91 | 0x93, ..]
                | [0xE2, 0x88, 0x92, ..]
        )
    }) || memchr::memmem::find(b, "\u{FEFF}".as_bytes()).is_some()
        || memchr::memchr(b'\r', b).is_some_and(lone)
        || memchr::memrchr(b'\r', b).is_some_and(lone);
    if !any {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // `\r\r\n` (a CRLF text written again in a text mode that turns `\n` into
            // `\r\n`) is one line end, as is `\r` before U+2028.
            '\r' if chars.peek() != Some(&'\n') => {
                let mut ahead = chars.clone();
                while ahead.peek() == Some(&'\r') {
                    ahead.next();
                }
                if !matches!(ahead.peek(), Some('\n' | '\u{2028}' | '\u{2029}')) {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if invisible(c) => {}
            // A minus written as a hyphen, an en dash or the minus sign (`–18`, `−3`, a word
            // processor's or a PDF's), before a digit: `-`.
            '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2212}'
                if chars
                    .peek()
                    .is_some_and(|d| parse::numbers::halfwidth(*d).is_ascii_digit()) =>
            {
                out.push('-')
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Pandoc's Markdown of a page keeps a styled span's attributes in braces after its text
/// in brackets (`[（一）予以公开]{style="font-size: 12pt;"}`, `[]{style="…"}`): the text
/// alone. A bracket without braces after it (`[年报]`) stays.
pub(crate) fn bracketed_spans(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    if memchr::memmem::find(text.as_bytes(), b"]{").is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while let Some(close) = rest.find("]{") {
        // The span's opening bracket on the same line, and its attributes' closing brace.
        let line_start = rest[..close].rfind('\n').map_or(0, |p| p + 1);
        let open = rest[line_start..close].rfind('[').map(|p| line_start + p);
        let end = rest[close + 2..].find(['}', '\n']).map(|p| close + 2 + p);
        match (open, end) {
            (Some(open), Some(end)) if rest.as_bytes()[end] == b'}' => {
                out.push_str(&rest[..open]);
                out.push_str(&rest[open + 1..close]);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push_str(&rest[..close + 2]);
                rest = &rest[close + 2..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The first `<br>` of a table cell's text (`<br>`, `<br/>`, `<br />`, any case): where
/// it starts and ends.
fn first_break(cell: &str) -> Option<(usize, usize)> {
    let b = cell.as_bytes();
    memchr::memchr_iter(b'<', b).find_map(|at| {
        let rest = b.get(at + 1..at + 3)?;
        if !rest.eq_ignore_ascii_case(b"br") {
            return None;
        }
        let mut end = at + 3;
        while b.get(end).is_some_and(|c| *c == b' ' || *c == b'/') {
            end += 1;
        }
        (b.get(end) == Some(&b'>')).then_some((at, end + 1))
    })
}

/// A Markdown table row (pymupdf4llm's of a PDF) whose cells hold two lines of the
/// table, the second the next row's, a heading spanning the columns read into the
/// columns' cells after a `<br>` (`|行政许可<br>第二十<br>|18<br>条第（六）项<br>|`): where a
/// cell's first line is a number and the text after its `<br>` no digit, the row is two,
/// each cell's first line and the rest (`|行政许可|18|` and `|第二十<br>|条第（六）项<br>|`);
/// a label wrapped in its cell (`只计这<br>一情形`) stays one row.
pub(crate) fn rows_at_breaks(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let splits = |line: &str| {
        let row = line.trim();
        row.starts_with('|')
            && row.split('|').any(|cell| {
                first_break(cell).is_some_and(|(at, end)| {
                    parse::numbers::number(cell[..at].trim()).is_some()
                        && cell[end..]
                            .trim_start()
                            .chars()
                            .next()
                            .is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit() && c != '<' && c != '|')
                        // (Not the number's unit on its second line, `39670<br>元`.)
                        && !parse::numbers::is_numbers(&format!("{}{}", &cell[..at], &cell[end..]))
                })
            })
    };
    if first_break(&text).is_none() || !text.lines().any(splits) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !splits(body) {
            out.push_str(line);
            continue;
        }
        let (mut first, mut second) = (String::new(), String::new());
        for (k, cell) in body.split('|').enumerate() {
            if k > 0 {
                first.push('|');
                second.push('|');
            }
            match first_break(cell) {
                Some((at, end)) => {
                    first.push_str(&cell[..at]);
                    second.push_str(&cell[end..]);
                }
                None => first.push_str(cell),
            }
        }
        out.push_str(&first);
        out.push('\n');
        out.push_str(&second);
        out.push_str(&line[body.len()..]);
    }
    std::borrow::Cow::Owned(out)
}

/// A converter's Markdown of a PDF (pymupdf4llm) keeps a cell's line breaks as `<br>` in
/// its table's cells (`（二）部分公开（区分处理的，只计这<br>一情形，不计其他情形）`) and
/// underlined headings as `<u>…</u>`: the tags of running text go (a `<br>` between two
/// digits is a space: no number is made of two). A text read as a page never comes here.
pub(crate) fn inline_tags(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let text = rows_at_breaks(text);
    const INLINE: [&[u8]; 13] = [
        b"span", b"strong", b"b", b"em", b"i", b"u", b"font", b"sup", b"sub", b"s", b"small", b"br", b"ins",
    ];
    // A tag: `<`, an optional `/`, an inline name, then `>`, `/>` or attributes up to `>`
    // on the same line. Its end, and whether it is a `<br>`.
    let tag_at = |b: &[u8], at: usize| -> Option<(usize, bool)> {
        let (close, name) = tag_name(&b[at + 1..]);
        if name.is_empty() || !INLINE.contains(&name.as_slice()) {
            return None;
        }
        let after = at + 1 + usize::from(close) + name.len();
        match b.get(after)? {
            b'>' | b'/' | b' ' => {}
            _ => return None,
        }
        let end = after + memchr::memchr2(b'>', b'\n', &b[after..])?;
        (b[end] == b'>').then_some((end + 1, name == b"br"))
    };
    let b = text.as_bytes();
    if !memchr::memchr_iter(b'<', b).any(|at| tag_at(b, at).is_some()) {
        return text;
    }
    let digit = |c: Option<char>| c.is_some_and(|c| parse::numbers::halfwidth(c).is_ascii_digit());
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in memchr::memchr_iter(b'<', b) {
        if at < from {
            continue;
        }
        let Some((end, br)) = tag_at(b, at) else { continue };
        out.push_str(&text[from..at]);
        if br && digit(out.chars().next_back()) && digit(text[end..].chars().next()) {
            out.push(' ');
        }
        from = end;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// Whether text is an HTML document: it opens with a tag and has a table or an html element.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('<') && {
        let lower = head[..head.floor_char_boundary(4096)].to_ascii_lowercase();
        lower.starts_with("<!doctype html") || lower.contains("<html") || lower.contains("<table")
    }
}

/// Whether a text that opens with a tag but is no whole page (no `<html>` or `<body>`) has
/// paragraphs of Markdown between its blocks: three lines of text or more with no tag but
/// running text's, each with an empty line before and after it (an HTML fragment's text
/// stands in its blocks' tags).
pub(crate) fn markdown_among_blocks(text: &str) -> bool {
    let head = text[..text.floor_char_boundary(4096)].to_ascii_lowercase();
    if head.contains("<html") || head.contains("<body") {
        return false;
    }
    let mut lines = text.lines().map(str::trim);
    let (mut before, mut current) = (lines.next(), lines.next());
    let mut paragraphs = 0;
    for after in lines {
        let Some(line) = current else { break };
        if before == Some("") && after.is_empty() && !line.is_empty() && inline_tags_only(line) {
            paragraphs += 1;
            if paragraphs >= 3 {
                return true;
            }
        }
        (before, current) = (current, Some(after));
    }
    false
}

/// Whether every tag on a line is one of running text's (`<span>`, `<strong>`, `<font>`…):
/// a paragraph of Markdown may hold them (Pandoc keeps a styled span as HTML), a block of
/// HTML opens with its own tag.
pub(crate) fn inline_tags_only(line: &str) -> bool {
    const INLINE: [&[u8]; 14] = [
        b"span", b"strong", b"b", b"em", b"i", b"u", b"font", b"a", b"sup", b"sub", b"s", b"small", b"img", b"br",
    ];
    let b = line.as_bytes();
    memchr::memchr_iter(b'<', b).all(|at| INLINE.contains(&tag_name(&b[at + 1..]).1.as_slice()))
}

/// Whether a text that does not open with a tag holds HTML tables (eight cells or more):
/// Some(true) where the text outside them is plain lines (a PDF converter's Markdown
/// writes its tables so), Some(false) where it is marked up too (a page saved after a
/// crawler's header); None for a text without them.
pub(crate) fn embedded_tables(text: &str) -> Option<bool> {
    let b = text.as_bytes();
    let (mut tables, mut cells, mut depth, mut blocks) = (0, 0, 0usize, 0);
    for at in memchr::memchr_iter(b'<', b) {
        let (close, name) = tag_name(&b[at + 1..]);
        match name.as_slice() {
            b"table" if close => depth = depth.saturating_sub(1),
            b"table" => {
                depth += 1;
                tables += 1;
            }
            b"td" | b"th" if !close && depth > 0 => cells += 1,
            b"p" | b"div" | b"br" | b"body" | b"li" | b"h1" | b"h2" | b"h3" | b"h4" if depth == 0 => blocks += 1,
            _ => {}
        }
    }
    (tables > 0 && cells >= 8).then_some(blocks == 0)
}

/// The name of the tag after a `<` (lowercased, at most 8 ASCII letters or digits) and
/// whether it closes one.
fn tag_name(after: &[u8]) -> (bool, Vec<u8>) {
    let close = after.first() == Some(&b'/');
    let name = after[usize::from(close)..]
        .iter()
        .take(9)
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect::<Vec<u8>>();
    (close, if name.len() > 8 { Vec::new() } else { name })
}

/// A text with HTML tables made a page: its lines before the first tag (a crawler's
/// header) and, where `plain`, every line outside the tables end in `<br>`, so each stays
/// a line of the page's text; otherwise the lines outside the tables with no tag that an
/// empty line stands before or after (a paragraph of Markdown among raw HTML blocks, as
/// Pandoc's GitHub Markdown of a page keeps its `<div>`s and tables) do too.
pub(crate) fn lines_marked(text: &str, plain: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let (mut depth, mut tagged) = (0usize, false);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let blank = |i: Option<usize>| i.and_then(|i| lines.get(i)).is_some_and(|l| l.trim().is_empty());
    for (i, line) in lines.iter().enumerate() {
        let outside = depth == 0;
        for at in memchr::memchr_iter(b'<', line.as_bytes()) {
            tagged = true;
            match tag_name(&line.as_bytes()[at + 1..]) {
                (true, n) if n == b"table" => depth = depth.saturating_sub(1),
                (false, n) if n == b"table" => depth += 1,
                _ => {}
            }
        }
        let Some(body) = line.strip_suffix('\n') else {
            out.push_str(line);
            continue;
        };
        let paragraph = outside
            && !line.trim().is_empty()
            && (blank(i.checked_sub(1)) || blank(Some(i + 1)))
            && inline_tags_only(line);
        // Markdown's line break, a `\` ending the line (Pandoc's of a `<br>`), is none of
        // the text: alone on its line before a heading it would be read as a cell (`\`),
        // also where the line ends in `\r` or spaces after it.
        out.push_str(if paragraph {
            body.trim_end().strip_suffix('\\').unwrap_or(body)
        } else {
            body
        });
        if depth == 0 && (plain || !tagged || paragraph) {
            out.push_str("<br>");
        }
        out.push('\n');
    }
    out
}
