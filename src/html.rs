//! HTML page → text lines the table parser reads like any other dump: each `<tr>` becomes
//! one line of tab-separated cells, block elements (`<p>`, `<div>`, `<br>`, headings) end a
//! line, scripts and styles are dropped. Parsed with html5ever (via `scraper`), which
//! repairs malformed tables the way browsers do. Line numbers in diagnostics of an HTML
//! document refer to this text.

use std::borrow::Cow;

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Elements after which a line ends.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "center",
    "title",
    "blockquote",
    "pre",
    "hr",
    "form",
    "dd",
    "dt",
    "caption",
];

/// The text of an HTML page, tables as tab-separated lines.
pub fn to_text(src: &str) -> String {
    // Pages stored inside a JavaScript string keep their quotes escaped (align=\"center\").
    let src: Cow<str> = if src.contains("=\\\"") {
        Cow::Owned(src.replace("\\\"", "\""))
    } else {
        Cow::Borrowed(src)
    };
    let slim = slim(&src);
    let doc = Html::parse_document(slim.as_deref().unwrap_or(&src));
    let mut out = String::with_capacity(src.len() / 4);
    walk(doc.tree.root(), &mut out);
    out
}

/// Tags whose attributes neither the text nor the tree depends on: the layout and styling
/// of Word exports (`<td valign=… ><p style=… ><span style=… >`), which is half of such a
/// page and most of the parser's work. Formatting elements (`<a>`, `<b>`, `<font>` …) are
/// not here (the parser compares their attributes), nor is `<input>` (a hidden one in a
/// table is placed differently).
const SLIM: &[&str] = &[
    "p", "span", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "div", "col", "colgroup", "br", "li", "ul",
    "ol", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// Elements whose content is not markup (raw text and RCDATA): copied as they are.
const RAW: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
];

/// `src` with the attributes of the [`SLIM`] tags dropped, or None when it has none (or
/// holds SVG, MathML, a select list or a frameset). Follows the tokenizer of the HTML
/// standard for where tags, comments and raw text end; anything it is not sure of is
/// copied unchanged.
fn slim(src: &str) -> Option<String> {
    let b = src.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
    // The index just past the `>` closing a tag whose name ends at `i`, and whether it
    // closed with `/>`; None when the input ends inside the tag.
    let tag_end = |mut i: usize| -> Option<(usize, bool)> {
        loop {
            let start = i;
            while i < b.len() && (ws(b[i]) || b[i] == b'/') {
                i += 1;
            }
            match b.get(i)? {
                // Self-closing only when the `/` stands right before the `>` between
                // attributes (in `a=x/>` the slash is part of the value).
                b'>' => return Some((i + 1, i > start && b[i - 1] == b'/')),
                b'=' => i += 1, // a name may start with `=`
                _ => {}
            }
            while i < b.len() && !ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            while i < b.len() && ws(b[i]) {
                i += 1;
            }
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && ws(b[i]) {
                    i += 1;
                }
                match b.get(i)? {
                    q @ (b'"' | b'\'') => {
                        let q = *q;
                        i += 1;
                        while *b.get(i)? != q {
                            i += 1;
                        }
                        i += 1;
                    }
                    b'>' => {}
                    _ => {
                        while i < b.len() && !ws(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
        }
    };
    // The first `pat` at or after `from`, ASCII case ignored after its first byte (which
    // is never a letter here): a scan for the first byte, then a comparison.
    let find = |from: usize, pat: &[u8]| -> Option<usize> {
        let mut i = from;
        loop {
            i += b.get(i..)?.iter().position(|&c| c == pat[0])?;
            if b.get(i..i + pat.len()).is_some_and(|w| w.eq_ignore_ascii_case(pat)) {
                return Some(i);
            }
            i += 1;
        }
    };
    // Where `<script>`, `<style>`, `<title>` … do not hold raw text — SVG and MathML (where
    // `<![CDATA[` is also a section), a select list, a frameset — the page is parsed as it
    // is.
    if [&b"<svg"[..], b"<math", b"<select", b"<frameset"]
        .iter()
        .any(|t| find(0, t).is_some())
    {
        return None;
    }
    let mut out = String::new();
    let mut copied = 0; // src[copied..] is not in `out` yet
    let mut changed = false;
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        let lt = i + p;
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if next == b'!' {
            // A comment (also `<!-->` and `<!--->`), or a doctype or other bogus comment.
            i = if b[lt..].starts_with(b"<!--") {
                let body = lt + 4;
                if b[body..].starts_with(b">") {
                    body + 1
                } else if b[body..].starts_with(b"->") {
                    body + 2
                } else {
                    let end = [find(body, b"-->").map(|e| e + 3), find(body, b"--!>").map(|e| e + 4)];
                    match end.into_iter().flatten().min() {
                        Some(e) => e,
                        None => break,
                    }
                }
            } else {
                match find(lt, b">") {
                    Some(e) => e + 1,
                    None => break,
                }
            };
            continue;
        }
        if next == b'?' {
            match find(lt, b">") {
                Some(e) => i = e + 1,
                None => break,
            }
            continue;
        }
        let end_tag = next == b'/';
        let name_at = lt + 1 + usize::from(end_tag);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            if !end_tag {
                i = lt + 1; // text
                continue;
            }
            // `</` and not a letter: a bogus comment up to the next `>` (`</>` included).
            match find(lt + 2, b">") {
                Some(e) => i = e + 1,
                None => break,
            }
            continue;
        }
        let mut name_end = name_at;
        while name_end < b.len() && !ws(b[name_end]) && !matches!(b[name_end], b'/' | b'>') {
            name_end += 1;
        }
        let Some((close, self_closing)) = tag_end(name_end) else {
            break;
        };
        let name = &src[name_at..name_end];
        if !end_tag {
            if let Some(raw) = RAW.iter().find(|r| r.eq_ignore_ascii_case(name)) {
                // Raw text: up to the first `</name` that ends the element.
                let mut k = close;
                loop {
                    match find(k, format!("</{raw}").as_bytes()) {
                        Some(e) => {
                            let after = b.get(e + 2 + raw.len()).copied();
                            if after.is_none_or(|c| ws(c) || c == b'/' || c == b'>') {
                                k = e;
                                break;
                            }
                            k = e + 2;
                        }
                        None => return changed.then(|| out + &src[copied..]),
                    }
                }
                i = k;
                continue;
            }
            if name.eq_ignore_ascii_case("plaintext") {
                break;
            }
            let has_attributes = close - name_end > 1 + usize::from(self_closing);
            if has_attributes && SLIM.iter().any(|t| t.eq_ignore_ascii_case(name)) {
                out.push_str(&src[copied..name_end]);
                out.push_str(if self_closing { "/>" } else { ">" });
                copied = close;
                changed = true;
            }
        }
        i = close;
    }
    changed.then(|| out + &src[copied..])
}

fn newline(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '\t']).len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        let c = if c == '\u{a0}' || c == '\u{3000}' { ' ' } else { c };
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with([' ', '\n', '\t']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn walk(node: NodeRef<'_, Node>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => push_text(out, &t.text),
            Node::Element(e) => match e.name() {
                "script" | "style" | "noscript" | "template" | "iframe" => {}
                "table" => {
                    newline(out);
                    table(child, out);
                    newline(out);
                }
                name if BLOCKS.contains(&name) => {
                    newline(out);
                    walk(child, out);
                    newline(out);
                }
                _ => walk(child, out),
            },
            _ => {}
        }
    }
}

/// Rows of a table, one line each. A row with a table inside a cell is page layout: its
/// cells are read as blocks instead.
fn table(node: NodeRef<'_, Node>, out: &mut String) {
    for child in node.children() {
        if let Node::Element(e) = child.value() {
            match e.name() {
                "tr" => {
                    let tds: Vec<NodeRef<'_, Node>> = child
                        .children()
                        .filter(|c| matches!(c.value(), Node::Element(e) if e.name() == "td" || e.name() == "th"))
                        .collect();
                    // A layout table (the page body in a cell, as older portals build
                    // pages): its cells are blocks, and the tables inside keep their rows.
                    let layout = tds.iter().any(|td| {
                        td.descendants()
                            .skip(1)
                            .any(|d| matches!(d.value(), Node::Element(e) if e.name() == "table"))
                    });
                    if layout {
                        for td in tds {
                            newline(out);
                            walk(td, out);
                            newline(out);
                        }
                        continue;
                    }
                    let cells: Vec<String> = tds.into_iter().map(cell_text).collect();
                    if !cells.is_empty() {
                        out.push_str(&cells.join("\t"));
                        out.push('\n');
                    }
                }
                "thead" | "tbody" | "tfoot" => table(child, out),
                "caption" => {
                    walk(child, out);
                    newline(out);
                }
                _ => {}
            }
        }
    }
}

/// A cell's text on one line: white space collapsed, paragraphs joined.
fn cell_text(td: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in td.descendants() {
        if let Node::Text(t) = d.value() {
            push_text(&mut s, &t.text);
        }
    }
    s.trim().replace('\t', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `to_text` without the slimming pre-pass.
    fn unslimmed(src: &str) -> String {
        let src = src.replace("\\\"", "\"");
        let doc = Html::parse_document(&src);
        let mut out = String::new();
        walk(doc.tree.root(), &mut out);
        out
    }

    #[test]
    fn slimming_changes_no_text() {
        let cases = [
            "<table><tr><td valign=\"center\" colspan=4><p style=\"text-align:center\"><span style='a>b'>规章</span></p></td><td x=1/>2</td></tr></table>",
            "<p title=\"-->\">a<!-- <p style=x> -->b<!-->c<!--->d<script>if (a<b) {}</script><title><p x=1>t</title>e</p>",
            "<svg><td/>x</svg><table><td class=a/>1<input type=hidden><td>2</table>",
            "<div a=\"unclosed",
            "<p a='1'b=2 c d=>x</p><ul\tclass=z><li id=1>y</ul><br clear=all/><plaintext><p a=1>",
            "<textarea><td style=x></textarea><p/ a=1>z",
        ];
        for c in cases {
            assert_eq!(to_text(c), unslimmed(c), "{c:?}");
        }
        assert!(slim(cases[0]).unwrap().contains("<td><p><span>规章"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Markup soup from the pieces the tokenizer cares about: the text never changes.
        #[test]
        fn slimming_changes_no_soup(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "<", ">", "/", "=", "\"", "'", " ", "\t", "!--", "-->", "--!>", "-", "!", "?", "p", "td", "tr", "table",
            "span", "div", "svg", "math", "script", "</script", "style", "title", "textarea", "plaintext", "a", "b",
            "font", "input", "type=hidden", "x", "规章", "1", "&amp;", "br", "li", "TD", "P", "<p ", "<td ", "<span ",
            "<div ", "<tr ", "<table ", "<br ", " a=", " b='", " c=\"", "/>", "<!--", "<script>", "</td>", "<svg>",
            "<xmp>", "</xmp>", "<iframe>", "<noscript>", "</noscript>", "<noframes>", "<noembed>", "<![CDATA[", "]]>",
            "\0", "\r", "<?", "<template>", "<select>", "<option ", "<frameset>", "<head>", "<body ",
        ]), 0..60)) {
            let soup: String = pieces.concat();
            proptest::prop_assert_eq!(to_text(&soup), unslimmed(&soup), "{:?}", soup);
        }
    }

    /// Every HTML fixture, and the fuzzer's corpus when it is there (`cargo test --release
    /// -- --ignored slimming_corpus`).
    #[test]
    fn slimming_changes_no_fixture() {
        check_dirs(&["tests/fixtures"]);
    }

    #[test]
    #[ignore]
    fn slimming_corpus() {
        check_dirs(&["fuzz/corpus/process"]);
    }

    fn check_dirs(dirs: &[&str]) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut n = 0;
        for d in dirs {
            for e in walkdir::WalkDir::new(root.join(d)).into_iter().flatten() {
                let Ok(bytes) = std::fs::read(e.path()) else { continue };
                let Ok(decoded) = crate::decode::html(&bytes) else {
                    continue;
                };
                let text = decoded.text;
                if !text.contains('<') {
                    continue;
                }
                assert_eq!(to_text(&text), unslimmed(&text), "{}", e.path().display());
                n += 1;
            }
        }
        assert!(n > 0);
    }

    #[test]
    fn tables_become_tab_lines() {
        let html = "<html><head><title>t</title><script>var x=1;</script></head><body>\
            <p>二、主动公开政府信息情况</p><table><tbody><tr><td><p><span>规</span><span>章</span></p></td>\
            <td>2</td><td>&nbsp;</td></tr></tbody></table><p>结束</p></body></html>";
        let text = to_text(html);
        assert!(text.contains("二、主动公开政府信息情况\n规章\t2\t\n结束"), "{text:?}");
        assert!(!text.contains("var x"));
    }

    #[test]
    fn layout_tables_keep_the_tables_inside() {
        let html = "<table><tr><td><p>标题</p><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>";
        let text = to_text(html);
        assert!(text.contains("标题\n规章\t1\n"), "{text:?}");
    }

    #[test]
    fn escaped_quotes_are_unescaped() {
        let text = to_text("<table><tr><td align=\\\"center\\\">总计</td><td>3</td></tr></table>");
        assert!(text.contains("总计\t3"), "{text:?}");
    }
}
