//! HTML page → text lines the table parser reads like any other dump: each `<tr>` becomes
//! one line of tab-separated cells, block elements (`<p>`, `<div>`, `<br>`, headings) end a
//! line, scripts and styles are dropped. A page whose markup already is a tree is built
//! by a stack of open elements (`fast_dom`); any other is parsed with html5ever (via
//! `scraper`), which repairs malformed tables the way browsers do. Both give the same tree
//! to the same conversion. Each line of the text keeps the page's line it was read from
//! (where the fast path built the tree), so cells are reported at the page's lines.

use std::borrow::Cow;

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
    page_text(src).0
}

/// The text of an HTML page, tables as tab-separated lines, and the page's 1-based line
/// of each of its lines; None where html5ever built the tree (it keeps no positions), the
/// lines then being the text's own.
pub fn page_text(src: &str) -> (String, Option<Vec<u32>>) {
    // Pages stored inside a JavaScript or JSON string keep their quotes escaped
    // (align=\"center\"), maybe their end tags' slashes too (<\/td>), and their characters
    // (\u4e00).
    let src = unescaped(src);
    let mut out = String::with_capacity(src.len() / 4);
    let mut marks = Vec::new();
    match fast_dom(&src) {
        Some(dom) => {
            walk(&dom, 0, &mut out, &mut marks);
            let lines = source_lines(&src, &out, &marks);
            (out, Some(lines))
        }
        None => {
            let slim = slim(&src);
            let doc = Html::parse_document(slim.as_deref().unwrap_or(&src));
            walk(&Dom::from_html(&doc), 0, &mut out, &mut marks);
            (out, None)
        }
    }
}

/// `src`, or the page it holds inside a JavaScript or JSON string, unescaped
/// ([`js_unescaped`]), where it holds an escaped quote after `=` or a paragraph's or a
/// table's end tag escaped (not a script's `document.write("<\/script>")`).
fn unescaped(src: &str) -> Cow<'_, str> {
    let b = src.as_bytes();
    let escaped = memchr::memchr_iter(b'\\', b).any(|at| {
        let (before, after) = (at.checked_sub(1).map(|p| b[p]), &b[at + 1..]);
        (before == Some(b'=') && after.starts_with(b"\""))
            || (before == Some(b'<') && [&b"/p>"[..], b"/td>", b"/tr>"].iter().any(|t| after.starts_with(t)))
    });
    if escaped {
        Cow::Owned(js_unescaped(src))
    } else {
        Cow::Borrowed(src)
    }
}

/// A page stored inside a JavaScript or JSON string, its escapes undone: `\"`, `\'`, `\/`
/// and `\\` are the character, `\uXXXX` the character it numbers (a surrogate pair one
/// character), `\n`, `\r` and `\t` a space (white space to HTML, and the file's own line
/// breaks stay its lines); any other backslash stays.
fn js_unescaped(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut from = 0;
    let hex = |at: usize| -> Option<u32> {
        let h = src.get(at..at + 4)?;
        h.bytes()
            .all(|c| c.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(h, 16).ok())
            .flatten()
    };
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &b[i..]) {
        let at = i + k;
        out.push_str(&src[from..at]);
        let (c, len) = match b.get(at + 1) {
            Some(&q @ (b'"' | b'\'' | b'/' | b'\\')) => (Some(q as char), 2),
            Some(b'n' | b'r' | b't') => (Some(' '), 2),
            Some(b'u') => match hex(at + 2) {
                Some(hi @ 0xD800..=0xDBFF) => match (src.get(at + 6..at + 8), hex(at + 8)) {
                    (Some("\\u"), Some(lo @ 0xDC00..=0xDFFF)) => {
                        (char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)), 12)
                    }
                    _ => (None, 1),
                },
                Some(v) => (char::from_u32(v), 6),
                None => (None, 1),
            },
            _ => (None, 1),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push('\\'),
        }
        from = at + if c.is_some() { len } else { 1 };
        i = from;
    }
    out.push_str(&src[from..]);
    out
}

/// The page's line of each line of `out`: that of the first mark on it (a mark is where a
/// node's text or a table row starts in `out`, and where the node starts in `src`), else
/// the line before's.
fn source_lines(src: &str, out: &str, marks: &[(usize, u32)]) -> Vec<u32> {
    let breaks: Vec<usize> = memchr::memchr_iter(b'\n', src.as_bytes()).collect();
    let line_of = |pos: u32| breaks.partition_point(|&b| b < pos as usize) as u32 + 1;
    let mut lines = Vec::with_capacity(out.len() / 16);
    let (mut m, mut last, mut start) = (0, 1, 0);
    for end in memchr::memchr_iter(b'\n', out.as_bytes()).chain([out.len()]) {
        while m < marks.len() && marks[m].0 < start {
            m += 1;
        }
        if m < marks.len() && marks[m].0 <= end {
            last = line_of(marks[m].1);
        }
        lines.push(last);
        start = end + 1;
    }
    lines
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

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// The first `pat` in `b` at or after `from`, ASCII case ignored after its first byte
/// (which is never a letter here): a scan for the first byte, then a comparison.
fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        i += memchr::memchr(pat[0], b.get(i..)?)?;
        if b.get(i..i + pat.len()).is_some_and(|w| w.eq_ignore_ascii_case(pat)) {
            return Some(i);
        }
        i += 1;
    }
}

/// The index just past the `>` closing a tag whose name ends at `i`, and whether it closed
/// with `/>`; None when the input ends inside the tag.
fn tag_end(b: &[u8], mut i: usize) -> Option<(usize, bool)> {
    loop {
        let start = i;
        while i < b.len() && (is_ws(b[i]) || b[i] == b'/') {
            i += 1;
        }
        match b.get(i)? {
            // Self-closing only when the `/` stands right before the `>` between
            // attributes (in `a=x/>` the slash is part of the value).
            b'>' => return Some((i + 1, i > start && b[i - 1] == b'/')),
            b'=' => i += 1, // a name may start with `=`
            _ => {}
        }
        while i < b.len() && !is_ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            match b.get(i)? {
                q @ (b'"' | b'\'') => {
                    // Word's pages have long style values: the closing quote by SIMD.
                    i += 1 + memchr::memchr(*q, &b[i + 1..])?;
                    i += 1;
                }
                b'>' => {}
                _ => {
                    while i < b.len() && !is_ws(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
    }
}

/// What a `<` starts, by the tokenizer of the HTML standard.
enum Markup {
    /// Nothing: the `<` is text.
    Text,
    /// A comment, doctype, processing instruction or bogus comment, ending before this.
    Skip(usize),
    /// A start or end tag: its name is `b[name.0..name.1]`, it ends before `close`.
    Tag {
        end_tag: bool,
        name: (usize, usize),
        close: usize,
        self_closing: bool,
    },
    /// The input ends inside the markup.
    Eof,
}

/// The markup starting at the `<` at `lt`.
fn scan(b: &[u8], lt: usize) -> Markup {
    let to = |e: Option<usize>| e.map_or(Markup::Eof, Markup::Skip);
    let next = b.get(lt + 1).copied().unwrap_or(0);
    if next == b'!' {
        // A comment (also `<!-->` and `<!--->`), or a doctype or other bogus comment.
        if b[lt..].starts_with(b"<!--") {
            let body = lt + 4;
            if b[body..].starts_with(b">") {
                return Markup::Skip(body + 1);
            }
            if b[body..].starts_with(b"->") {
                return Markup::Skip(body + 2);
            }
            let end = [
                find(b, body, b"-->").map(|e| e + 3),
                find(b, body, b"--!>").map(|e| e + 4),
            ];
            return to(end.into_iter().flatten().min());
        }
        return to(find(b, lt, b">").map(|e| e + 1));
    }
    if next == b'?' {
        return to(find(b, lt, b">").map(|e| e + 1));
    }
    let end_tag = next == b'/';
    let name_at = lt + 1 + usize::from(end_tag);
    if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
        if !end_tag {
            return Markup::Text;
        }
        // `</` and not a letter: a bogus comment up to the next `>` (`</>` included).
        return to(find(b, lt + 2, b">").map(|e| e + 1));
    }
    let mut name_end = name_at;
    while name_end < b.len() && !is_ws(b[name_end]) && !matches!(b[name_end], b'/' | b'>') {
        name_end += 1;
    }
    match tag_end(b, name_end) {
        Some((close, self_closing)) => Markup::Tag {
            end_tag,
            name: (name_at, name_end),
            close,
            self_closing,
        },
        None => Markup::Eof,
    }
}

/// Where the raw text of a `raw` element that starts at `from` ends: the first `</raw`
/// followed by white space, `/` or `>`; None when the input ends first.
fn raw_end(b: &[u8], from: usize, raw: &str) -> Option<usize> {
    let mut k = from;
    loop {
        let e = find(b, k, format!("</{raw}").as_bytes())?;
        let after = b.get(e + 2 + raw.len()).copied();
        if after.is_none_or(|c| is_ws(c) || c == b'/' || c == b'>') {
            return Some(e);
        }
        k = e + 2;
    }
}

/// Whether the page has elements in whose content `<script>`, `<style>`, `<title>` … do
/// not hold raw text — SVG and MathML (where `<![CDATA[` is also a section), a select
/// list, a frameset.
fn foreign(b: &[u8]) -> bool {
    // One pass over the `<`s for the four names.
    memchr::memchr_iter(b'<', b).any(|i| {
        let name = &b[i + 1..];
        // Most tags are told apart by their first letter.
        matches!(name.first(), Some(b's' | b'S' | b'm' | b'M' | b'f' | b'F'))
            && [&b"svg"[..], b"math", b"select", b"frameset"]
                .iter()
                .any(|t| name.get(..t.len()).is_some_and(|w| w.eq_ignore_ascii_case(t)))
    })
}

/// `src` with the attributes of the [`SLIM`] tags dropped, or None when it has none (or
/// holds SVG, MathML, a select list or a frameset). Follows the tokenizer of the HTML
/// standard for where tags, comments and raw text end; anything it is not sure of is
/// copied unchanged.
fn slim(src: &str) -> Option<String> {
    let b = src.as_bytes();
    if foreign(b) {
        return None;
    }
    let hides = may_hide(b);
    let mut out = String::new();
    let mut copied = 0; // src[copied..] is not in `out` yet
    let mut changed = false;
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        crate::budget::step();
        let lt = i + p;
        let (name_at, name_end, close, self_closing) = match scan(b, lt) {
            Markup::Text => {
                i = lt + 1;
                continue;
            }
            Markup::Skip(e) => {
                i = e;
                continue;
            }
            Markup::Eof => break,
            Markup::Tag {
                end_tag: true, close, ..
            } => {
                i = close;
                continue;
            }
            Markup::Tag {
                end_tag: false,
                name,
                close,
                self_closing,
            } => (name.0, name.1, close, self_closing),
        };
        let name = &src[name_at..name_end];
        if let Some(raw) = RAW.iter().find(|r| r.eq_ignore_ascii_case(name)) {
            // Raw text: up to the first `</name` that ends the element.
            match raw_end(b, close, raw) {
                Some(k) => i = k,
                None => return changed.then(|| out + &src[copied..]),
            }
            continue;
        }
        if name.eq_ignore_ascii_case("plaintext") {
            break;
        }
        let has_attributes = close - name_end > 1 + usize::from(self_closing);
        if has_attributes
            && SLIM.iter().any(|t| t.eq_ignore_ascii_case(name))
            && !(hides && hidden(&b[name_end..close]))
        {
            out.push_str(&src[copied..name_end]);
            out.push_str(if self_closing { "/>" } else { ">" });
            copied = close;
            changed = true;
        }
        i = close;
    }
    changed.then(|| out + &src[copied..])
}

/// Whether a start tag's attributes (the bytes after its name) hide the element and its
/// content as a browser shows the page: a style `display: none` or `visibility: hidden`,
/// or the `hidden` attribute. (Text hidden so, digits among a cell's, is how some sites
/// poison copies of their tables.)
fn hidden(attrs: &[u8]) -> bool {
    hidden_by_style(attrs) || has_hidden_attribute(attrs)
}

/// Whether `text` (a start tag's attributes, or a style's value) holds `display: none` or
/// `visibility: hidden`.
fn hidden_by_style(attrs: &[u8]) -> bool {
    if attrs.len() < 7 {
        return false;
    }
    // Words in any case, white space around a style's `:` (one pass for each byte looked
    // for: a Word export's tags are mostly styles).
    let before = |mut k: usize, word: &[u8]| {
        while k > 0 && is_ws(attrs[k - 1]) {
            k -= 1;
        }
        k >= word.len() && attrs[k - word.len()..k].eq_ignore_ascii_case(word)
    };
    let after = |mut k: usize, word: &[u8]| {
        while k < attrs.len() && is_ws(attrs[k]) {
            k += 1;
        }
        attrs
            .get(k..k + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    memchr::memchr_iter(b':', attrs).any(|c| {
        (before(c, b"display") && after(c + 1, b"none")) || (before(c, b"visibility") && after(c + 1, b"hidden"))
    })
}

/// Whether a start tag's attributes (the bytes after its name) hold the `hidden`
/// attribute: the word as an attribute's name, outside every quoted value (not a style's
/// `overflow: hidden`, nor a title's words).
fn has_hidden_attribute(attrs: &[u8]) -> bool {
    let mut quote = None;
    for (at, &c) in attrs.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None => {
                if at > 0
                    && is_ws(attrs[at - 1])
                    && attrs.get(at..at + 6).is_some_and(|w| w.eq_ignore_ascii_case(b"hidden"))
                    && attrs
                        .get(at + 6)
                        .is_none_or(|&c| is_ws(c) || matches!(c, b'=' | b'>' | b'/'))
                {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether a page may hide an element ([`hidden`]): it has `none` or `hidden` somewhere
/// (as styles are written: a tag of the page is then looked at in any case). Most pages
/// have neither: their tags are not looked at.
fn may_hide(page: &[u8]) -> bool {
    static WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| ["none", "hidden"].map(memchr::memmem::Finder::new));
    WORDS.iter().any(|w| w.find(page).is_some())
}

/// What the text conversion does with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// Left out with its content: scripts, styles …
    Skip,
    Table,
    /// Ends a line before and after ([`BLOCKS`]).
    Block,
    /// A block that is also a table's caption.
    Caption,
    Tr,
    /// `td`, `th`.
    Cell,
    /// `thead`, `tbody`, `tfoot`.
    Section,
    Other,
}

fn tag_of(name: &str) -> Tag {
    match name {
        "script" | "style" | "noscript" | "template" | "iframe" => Tag::Skip,
        "table" => Tag::Table,
        "caption" => Tag::Caption,
        "tr" => Tag::Tr,
        "td" | "th" => Tag::Cell,
        "thead" | "tbody" | "tfoot" => Tag::Section,
        _ if BLOCKS.contains(&name) => Tag::Block,
        _ => Tag::Other,
    }
}

const NONE: u32 = u32::MAX;

enum Data<'a> {
    Root,
    Element(Tag),
    Text(Cow<'a, str>),
}

struct DomNode<'a> {
    data: Data<'a>,
    first: u32,
    last: u32,
    next: u32,
    /// Where the node starts in the page (bytes); `NONE` in html5ever's tree.
    pos: u32,
}

/// The document tree the text is read from: only what the conversion needs (element kinds
/// and text), built by [`fast_dom`] or from html5ever's tree.
struct Dom<'a> {
    nodes: Vec<DomNode<'a>>,
}

impl<'a> Dom<'a> {
    fn new(capacity: usize) -> Self {
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(DomNode {
            data: Data::Root,
            first: NONE,
            last: NONE,
            next: NONE,
            pos: NONE,
        });
        Dom { nodes }
    }

    /// Appends a node starting at byte `pos` of the page as the last child of `parent`;
    /// its index.
    fn append(&mut self, parent: u32, data: Data<'a>, pos: u32) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(DomNode {
            data,
            first: NONE,
            last: NONE,
            next: NONE,
            pos,
        });
        let p = &mut self.nodes[parent as usize];
        let prev = p.last;
        p.last = id;
        if prev == NONE {
            p.first = id;
        } else {
            self.nodes[prev as usize].next = id;
        }
        id
    }

    fn children(&self, n: u32) -> impl Iterator<Item = u32> + '_ {
        let mut c = self.nodes[n as usize].first;
        std::iter::from_fn(move || {
            (c != NONE).then(|| {
                let id = c;
                c = self.nodes[c as usize].next;
                id
            })
        })
    }

    /// The descendants of `n` (not `n`), in document order, but not what a skipped element
    /// (a script, a hidden element) holds; `stack` is the walk's room, reused from call to
    /// call (a table's cells are walked one after another).
    fn descendants<'s>(&'s self, n: u32, stack: &'s mut Vec<u32>) -> impl Iterator<Item = &'s DomNode<'a>> + 's {
        stack.clear();
        stack.push(self.nodes[n as usize].first);
        std::iter::from_fn(move || loop {
            let top = stack.last_mut()?;
            if *top == NONE {
                stack.pop();
                continue;
            }
            let node = &self.nodes[*top as usize];
            *top = node.next;
            // What a script, a style or a hidden element holds is no text of the page.
            stack.push(match node.data {
                Data::Element(Tag::Skip) => NONE,
                _ => node.first,
            });
            return Some(node);
        })
    }

    fn tag(&self, n: u32) -> Option<Tag> {
        match self.nodes[n as usize].data {
            Data::Element(t) => Some(t),
            _ => None,
        }
    }

    /// html5ever's tree, elements and text.
    fn from_html(doc: &'a Html) -> Self {
        let mut dom = Dom::new(doc.tree.values().len() + 1);
        let mut parents: Vec<u32> = Vec::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => {
                    let parent = parents.last().copied().unwrap_or(0);
                    let id = match node.value() {
                        Node::Element(e) => {
                            let hides = e.attr("hidden").is_some()
                                || e.attr("style").is_some_and(|style| hidden_by_style(style.as_bytes()));
                            let tag = if hides { Tag::Skip } else { tag_of(e.name()) };
                            dom.append(parent, Data::Element(tag), NONE)
                        }
                        Node::Text(t) => dom.append(parent, Data::Text(Cow::Borrowed(&t.text)), NONE),
                        _ => parent,
                    };
                    parents.push(id);
                }
                ego_tree::iter::Edge::Close(_) => {
                    parents.pop();
                }
            }
        }
        dom
    }
}

/// The text of `s` with its character references decoded, or None when it holds one the
/// fast path does not decode exactly as html5ever would (named references not in
/// [`NAMED_REFS`], legacy references without `;`, numeric ones without `;` or to code
/// points the standard replaces).
pub(crate) fn decode_refs(s: &str) -> Option<Cow<'_, str>> {
    if !s.contains('&') {
        return Some(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let b = after.as_bytes();
        match b.first() {
            Some(b'#') => {
                let hex = matches!(b.get(1), Some(b'x' | b'X'));
                let from = 1 + usize::from(hex);
                let len = b[from..]
                    .iter()
                    .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
                    .count();
                if len == 0 || len > 6 || b.get(from + len) != Some(&b';') {
                    return None;
                }
                let v = u32::from_str_radix(&after[from..from + len], if hex { 16 } else { 10 }).ok()?;
                let ok = matches!(v, 0x09 | 0x0a | 0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfdcf | 0xfdf0..=0xfffd);
                out.push(char::from_u32(v).filter(|_| ok)?);
                rest = &after[from + len + 1..];
            }
            Some(c) if c.is_ascii_alphanumeric() => {
                let len = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                let name = &after[..len];
                if b.get(len) != Some(&b';') {
                    // Without `;` only the legacy names are references, also as a prefix
                    // (`&notit` is `¬it`); anything else is text.
                    if LEGACY_REFS.iter().any(|l| name.starts_with(l)) {
                        return None;
                    }
                    out.push('&');
                    rest = after;
                    continue;
                }
                let c = NAMED_REFS.iter().find(|r| r.0 == name)?.1;
                out.push(c);
                rest = &after[len + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// The named character references the fast path decodes (with `;`); pages with others go
/// to html5ever, which knows all 2,231.
const NAMED_REFS: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("middot", '·'),
    ("bull", '•'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("deg", '°'),
    ("yen", '¥'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
];

/// The named references that also count without `;` (the standard's legacy names).
const LEGACY_REFS: &[&str] = &[
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute", "Ecirc",
    "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc", "Ograve", "Oslash",
    "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute", "aacute", "acirc",
    "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil", "cent", "copy",
    "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14", "frac34", "gt",
    "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro", "middot", "nbsp", "not",
    "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound",
    "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc",
    "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
];

/// Elements with no content.
#[rustfmt::skip]
fn void(name: &str) -> bool {
    matches!(name,
        "area" | "base" | "basefont" | "bgsound" | "br" | "col" | "embed" | "hr" | "img" | "input" | "keygen" |
        "link" | "meta" | "param" | "source" | "track" | "wbr")
}

/// Start tags that close an open `<p>`.
#[rustfmt::skip]
fn closes_p(name: &str) -> bool {
    matches!(name,
        "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog" | "dir" | "div" |
        "dl" | "fieldset" | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "main" | "menu" |
        "nav" | "ol" | "p" | "section" | "summary" | "ul" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre"
        | "listing" | "form" | "li" | "dd" | "dt" | "plaintext" | "table" | "hr" | "xmp" | "search")
}

/// Start tags the fast path leaves to html5ever wherever they stand: their tree rules
/// (scopes, foreign content, first-newline and raw-text quirks, implied structure) are more
/// than a stack of open elements.
#[rustfmt::skip]
fn hard(name: &str) -> bool {
    matches!(name,
        "svg" | "math" | "select" | "option" | "optgroup" | "frameset" | "frame" | "template" | "noscript" |
        "plaintext" | "xmp" | "textarea" | "pre" | "listing" | "marquee" | "object" | "applet" | "image" |
        "isindex" | "menuitem" | "rb" | "rp" | "rt" | "rtc" | "ruby" | "caption" | "col" | "colgroup" |
        "tbody" | "thead" | "tfoot" | "tr" | "td" | "th")
}

/// End tags that first end the paragraphs and list items left open inside their element
/// ("generate implied end tags").
#[rustfmt::skip]
fn end_implies(name: &str) -> bool {
    matches!(name,
        "address" | "article" | "aside" | "blockquote" | "button" | "center" | "details" | "dialog" | "dir"
        | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "listing" |
        "main" | "menu" | "nav" | "ol" | "pre" | "search" | "section" | "summary" | "ul" | "form" | "p" |
        "li" | "dd" | "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "th")
}

/// The special elements of the HTML standard that can be open (not void).
#[rustfmt::skip]
fn special(name: &str) -> bool {
    matches!(name,
        "address" | "applet" | "article" | "aside" | "blockquote" | "body" | "button" | "caption" | "center"
        | "colgroup" | "dd" | "details" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption" | "figure"
        | "footer" | "form" | "frameset" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "header" |
        "hgroup" | "html" | "iframe" | "li" | "listing" | "main" | "marquee" | "menu" | "nav" | "noembed" |
        "noframes" | "noscript" | "object" | "ol" | "p" | "plaintext" | "pre" | "script" | "search" |
        "section" | "select" | "style" | "summary" | "table" | "tbody" | "td" | "template" | "textarea" |
        "tfoot" | "th" | "thead" | "title" | "tr" | "ul" | "xmp")
}

/// Whether a `<p>` is open in button scope: a start tag of [`closes_p`] would close it.
fn p_in_button_scope(stack: &[(u32, String)]) -> bool {
    for (_, n) in stack.iter().rev() {
        match n.as_str() {
            "p" => return true,
            "applet" | "caption" | "html" | "table" | "td" | "th" | "marquee" | "object" | "template" | "button" => {
                return false
            }
            _ => {}
        }
    }
    false
}

/// Whether a start tag of a list item (`li`; `dd` or `dt`) would close an open one of
/// `items`: one is open above the nearest special element other than address, div, p.
fn closes_item(stack: &[(u32, String)], items: &[&str]) -> bool {
    for (_, n) in stack.iter().rev() {
        if items.contains(&n.as_str()) {
            return true;
        }
        if special(n) && !matches!(n.as_str(), "address" | "div" | "p") {
            return false;
        }
    }
    false
}

/// Elements with raw-text content the fast path reads; `title` decodes references.
fn fast_raw(name: &str) -> bool {
    matches!(name, "script" | "style" | "title" | "iframe" | "noembed" | "noframes")
}

/// The tree of a page whose markup already is one — every element closed by its own end
/// tag in order, tables built of their own elements, no `<p>` left open around a block —
/// built with a stack of open elements; None for any page where html5ever's tree
/// construction would do more than that (implied end tags, foster parenting, formatting
/// elements reopened, …), which then goes to html5ever. Decides nothing html5ever would
/// decide differently: `tests::fast_path_agrees_with_html5ever` checks it.
fn fast_dom(src: &str) -> Option<Dom<'_>> {
    let b = src.as_bytes();
    if b.contains(&0) {
        return None;
    }
    // About a node every 30 bytes in a Word export: room for all of them at once.
    let mut dom = Dom::new(src.len() / 24);
    let hides = may_hide(b);
    // Open elements: (node, lowercased name).
    let mut stack: Vec<(u32, String)> = Vec::new();
    let open = |stack: &[(u32, String)], name: &str| stack.iter().any(|(_, n)| n == name);
    // Table contexts: where only table structure may stand.
    fn in_table(context: &str) -> bool {
        matches!(context, "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup")
    }
    fn allowed_in(context: &str, name: &str) -> Option<bool> {
        let ok: &[&str] = match context {
            "table" => &[
                "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "script", "style",
            ],
            "tbody" | "thead" | "tfoot" => &["tr", "script", "style"],
            "tr" => &["td", "th", "script", "style"],
            "colgroup" => &["col"],
            _ => return None,
        };
        Some(ok.contains(&name))
    }
    let mut text_from = 0;
    let mut i = 0;
    let mut name = String::new();
    // The names of the elements closed, for the next ones opened: no allocation an element.
    let mut spare: Vec<String> = Vec::new();
    loop {
        crate::budget::step();
        let lt = memchr::memchr(b'<', &b[i..]).map(|p| i + p);
        let markup = lt.map(|lt| scan(b, lt));
        if matches!(markup, Some(Markup::Text)) {
            i = lt? + 1;
            continue;
        }
        // The text before this markup (or the end).
        let text_end = lt.unwrap_or(b.len());
        if text_end > text_from {
            let text = decode_refs(&src[text_from..text_end])?;
            if in_table(stack.last().map_or("", |(_, n)| n.as_str())) {
                // Text in table structure is moved out of the table unless it is blank.
                if !text.bytes().all(is_ws) {
                    return None;
                }
            } else {
                let parent = stack.last().map_or(0, |s| s.0);
                dom.append(parent, Data::Text(text), text_from as u32);
            }
        }
        let Some(markup) = markup else { break };
        let (end_tag, (name_at, name_end), close) = match markup {
            Markup::Text => unreachable!(),
            Markup::Eof => return None,
            Markup::Skip(e) => {
                i = e;
                text_from = e;
                continue;
            }
            Markup::Tag {
                end_tag, name, close, ..
            } => (end_tag, name, close),
        };
        name.clear();
        name.push_str(&src[name_at..name_end]);
        name.make_ascii_lowercase();
        // SVG, MathML, a select list or a frameset: their content is tokenized and built
        // otherwise (`foreign`). Found as the tags are read, not in a pass of its own:
        // where such a name is not a start tag (in a comment, raw text, an attribute),
        // html5ever opens no such element either.
        if !end_tag && matches!(name.as_str(), "svg" | "math" | "select" | "frameset") {
            return None;
        }
        i = close;
        text_from = close;
        if matches!(name.as_str(), "html" | "head" | "body") {
            // Their tags only open and close the document's parts around everything else
            // (what follows `</body>` is read as inside it).
            continue;
        }
        if end_tag {
            if end_implies(&name) {
                // Paragraphs and list items left open end with the element around them.
                while let Some((_, top)) = stack.last() {
                    if *top == name || !matches!(top.as_str(), "p" | "li" | "dd" | "dt") {
                        break;
                    }
                    spare.extend(stack.pop().map(|e| e.1));
                }
            }
            match stack.last() {
                Some((_, top)) if *top == name => {
                    spare.extend(stack.pop().map(|e| e.1));
                }
                _ => return None,
            }
            continue;
        }
        let context = stack.last().map_or("", |(_, n)| n.as_str());
        match allowed_in(context, &name) {
            Some(false) => return None,
            Some(true) => {}
            None => {
                let n = name.as_str();
                // A list item ends the open one, with the paragraphs left open inside it.
                let items: &[&str] = match n {
                    "li" => &["li"],
                    "dd" | "dt" => &["dd", "dt"],
                    _ => &[],
                };
                if !items.is_empty() && closes_item(&stack, items) {
                    let k = stack
                        .iter()
                        .rposition(|(_, s)| items.contains(&s.as_str()))
                        .unwrap_or(0);
                    if stack[k + 1..].iter().any(|(_, s)| s != "p") {
                        return None;
                    }
                    spare.extend(stack.drain(k..).map(|e| e.1));
                }
                // A block ends the paragraph left open before it.
                if closes_p(n) && p_in_button_scope(&stack) {
                    // (Unless the block is a table and the page in quirks mode: a doctype
                    // question left to html5ever.)
                    if n == "table" || stack.last().map(|s| s.1.as_str()) != Some("p") {
                        return None;
                    }
                    spare.extend(stack.pop().map(|e| e.1));
                }
                let context = stack.last().map_or("", |(_, n)| n.as_str());
                if hard(n)
                    || (matches!(n, "a" | "nobr" | "form" | "button") && open(&stack, n))
                    || (matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                        && matches!(context, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
                {
                    return None;
                }
            }
        }
        let parent = stack.last().map_or(0, |s| s.0);
        let tag = if hides && hidden(&b[name_end..close]) {
            Tag::Skip
        } else {
            tag_of(&name)
        };
        let id = dom.append(parent, Data::Element(tag), lt.unwrap_or(0) as u32);
        if void(&name) {
            continue;
        }
        if fast_raw(&name) {
            let end = raw_end(b, close, &name)?;
            let text = &src[close..end];
            if end > close {
                let text = match name.as_str() {
                    "title" => decode_refs(text)?,
                    // A comment inside a script may hide its end tag.
                    "script" if text.contains("<!--") => return None,
                    _ => Cow::Borrowed(text),
                };
                dom.append(id, Data::Text(text), close as u32);
            }
            i = end;
            text_from = end;
        }
        if stack.len() >= 512 {
            return None;
        }
        stack.push((id, std::mem::replace(&mut name, spare.pop().unwrap_or_default())));
    }
    Some(dom)
}

fn newline(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '\t']).len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Appends `text` with each white-space character as one space, none after a space, a
/// line break or a tab (nor at the start of `out`). Runs of other characters are copied
/// whole: the white space is found by its lead byte (ASCII; C2, E1, E2 for U+0085 to
/// U+205F; E3 80 80 for U+3000), most characters without being decoded.
fn push_text(out: &mut String, text: &str) {
    let b = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        let width = match b[i] {
            b'\t'..=b'\r' | b' ' => 1,
            0xC2 | 0xE1 | 0xE2 => {
                let c = text[i..].chars().next().expect("a character starts at a lead byte");
                if !c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                c.len_utf8()
            }
            // A three-byte character: `b[i + 2]` is in the text.
            0xE3 if b[i + 1] == 0x80 && b[i + 2] == 0x80 => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[run..i]);
        if !out.is_empty() && !out.ends_with([' ', '\n', '\t']) {
            out.push(' ');
        }
        i += width;
        run = i;
    }
    out.push_str(&text[run..]);
}

/// Appends the text of `node`'s children to `out`; `marks` gets, for each text with a
/// place in the page, where it starts in `out` and in the page.
fn walk(dom: &Dom<'_>, node: u32, out: &mut String, marks: &mut Vec<(usize, u32)>) {
    for child in dom.children(node) {
        let n = &dom.nodes[child as usize];
        match &n.data {
            Data::Text(t) => {
                if n.pos != NONE && !t.bytes().all(is_ws) {
                    marks.push((out.len(), n.pos));
                }
                push_text(out, t)
            }
            Data::Element(tag) => match tag {
                Tag::Skip => {}
                Tag::Table => {
                    newline(out);
                    table(dom, child, out, marks);
                    newline(out);
                }
                Tag::Block | Tag::Caption => {
                    newline(out);
                    walk(dom, child, out, marks);
                    newline(out);
                }
                _ => walk(dom, child, out, marks),
            },
            Data::Root => {}
        }
    }
}

/// Rows of a table, one line each. A row with a table inside a cell is page layout: its
/// cells are read as blocks instead.
fn table(dom: &Dom<'_>, node: u32, out: &mut String, marks: &mut Vec<(usize, u32)>) {
    // Reused from row to row: the row's cells, its line, one cell's text, the walk of a cell.
    let (mut tds, mut line, mut cell, mut stack) = (Vec::new(), String::new(), String::new(), Vec::new());
    for child in dom.children(node) {
        match dom.tag(child) {
            Some(Tag::Tr) => {
                tds.clear();
                tds.extend(dom.children(child).filter(|&c| dom.tag(c) == Some(Tag::Cell)));
                // Each cell's text on one line (white space collapsed, paragraphs joined),
                // read in the same pass that looks for a table inside it: a layout table
                // (the page body in a cell, as older portals build pages) has blocks for
                // cells, and the tables inside keep their rows.
                line.clear();
                let mut layout = false;
                'cells: for (k, &td) in tds.iter().enumerate() {
                    cell.clear();
                    for d in dom.descendants(td, &mut stack) {
                        match &d.data {
                            Data::Text(t) => push_text(&mut cell, t),
                            Data::Element(Tag::Table) => {
                                layout = true;
                                break 'cells;
                            }
                            _ => {}
                        }
                    }
                    if k > 0 {
                        line.push('\t');
                    }
                    // `push_text` made every white space a space: no tab is left to split the row.
                    line.push_str(crate::parse::grid::trim(&cell));
                }
                if layout {
                    for &td in &tds {
                        newline(out);
                        walk(dom, td, out, marks);
                        newline(out);
                    }
                    continue;
                }
                let pos = dom.nodes[child as usize].pos;
                if pos != NONE && !tds.is_empty() {
                    marks.push((out.len(), pos));
                }
                out.push_str(&line);
                if !tds.is_empty() {
                    out.push('\n');
                }
            }
            Some(Tag::Section) => table(dom, child, out, marks),
            Some(Tag::Caption) => {
                walk(dom, child, out, marks);
                newline(out);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `to_text` by html5ever alone: without the fast path or the slimming pre-pass.
    fn unslimmed(src: &str) -> String {
        let src = unescaped(src);
        let doc = Html::parse_document(&src);
        let mut out = String::new();
        walk(&Dom::from_html(&doc), 0, &mut out, &mut Vec::new());
        out
    }

    /// Each line of a page's text keeps the page's line it was read from: a row's, where
    /// its `<tr>` starts (a Word export spreads a row's cells over many lines); a
    /// paragraph's, where its text starts.
    #[test]
    fn each_line_keeps_the_pages_line() {
        let page = "<html><body>\n<p>某某局2020年政府信息公开工作年度报告</p>\n<table>\n<tr>\n<td>规章</td>\n\
                    <td>1</td></tr>\n<tr><td>规范性文件</td><td>2</td></tr>\n</table>\n<p>a\nb</p>\n<p>\n</p><p>c</p></body></html>";
        let (text, lines) = page_text(page);
        let got: Vec<(&str, u32)> = text.lines().zip(lines.unwrap()).collect();
        assert_eq!(
            got,
            [
                ("某某局2020年政府信息公开工作年度报告", 2),
                ("规章\t1", 4),
                ("规范性文件\t2", 7),
                ("a b", 9),
                ("c", 12)
            ]
        );
        // Where html5ever builds the tree (a frameset here), the lines are the text's own.
        assert_eq!(page_text("<frameset></frameset><p>x</p>").1, None);
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

    /// SVG, MathML, a select list or a frameset send the page to html5ever only where one
    /// starts an element; their names in a comment, raw text, an attribute or a longer
    /// name leave it on the fast path.
    #[test]
    fn foreign_content_is_found_where_it_starts_an_element() {
        for (page, fast) in [
            ("<p>a</p><svg><style><td>x</style></svg><p>b</p>", false),
            ("<div><MATH><mi>x</mi></MATH></div>", false),
            ("<p>a</p><select><option>1<td>2</select>", false),
            ("<frameset><frame></frameset>", false),
            ("<p>a<!-- <svg><style> --></p><p>b</p>", true),
            ("<script>var s = '<svg><style>';</script><p>b</p>", true),
            ("<p title=\"<math>\">x</p>", true),
            ("<p>x</p><svgs>y</svgs><selection>z</selection>", true),
        ] {
            assert_eq!(fast_dom(page).is_some(), fast, "{page:?}");
            assert_eq!(to_text(page), unslimmed(page), "{page:?}");
        }
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
            "</p>", "<li>", "</li>", "<ul>", "</ul>", "<button>", "</button>", "&nbsp;", "&#20013;", "&#x4e2d;",
            "&ampx;", "&#0;", "&#128;", "&lt", "</body>", "<body>", "<html>", "</html>", "<col>", "<colgroup>",
            "<caption>", "</caption>", "<div>", "</div>", "<b>", "</b>", "<h1>", "</h1>", "<dd>", "<dt>", "<tbody>",
            "<tr>", "<td>", "</tr>", "</table>", "<a>", "</a>", "<o:p>", "</o:p>", "<title>", "</title>", "<br>",
        ]), 0..60)) {
            let soup: String = pieces.concat();
            proptest::prop_assert_eq!(to_text(&soup), unslimmed(&soup), "{:?}", soup);
        }
    }

    /// Deterministic numbers below `n`, from `seed` (xorshift).
    fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    /// Pages built as trees, with end tags left out, tags misnested and junk put in at
    /// random: whatever the fast path accepts, it reads as html5ever does. Most are
    /// accepted, so the agreement is tested where it matters.
    /// What a browser does not show is no text: an element hidden by its style or the
    /// `hidden` attribute (digits hidden among a cell's, as some sites poison copies of
    /// their tables), a script or style in a cell; `aria-hidden` text shows. Both paths.
    #[test]
    fn hidden_elements_are_no_text() {
        let page = "<html><body><table><tr><td>规章</td><td><span style=\"display:none\">9</span>13</td>\
                    <td><font style=\"DISPLAY : None;color:red\">7</font>2</td><td><i hidden>5</i>4</td>\
                    <td><b style=\"visibility: hidden\">8</b>6</td><td><span aria-hidden=\"true\">1</span></td>\
                    <td><style>td{}</style>0<input type=\"hidden\" value=\"3\"></td></tr></table>\
                    <div style=\"display: none\"><p>某某局2019年政府信息公开年报</p></div></body></html>";
        assert!(fast_dom(page).is_some());
        assert_eq!(to_text(page).trim(), "规章\t13\t2\t4\t6\t1\t0");
        assert_eq!(unslimmed(page).trim(), "规章\t13\t2\t4\t6\t1\t0");
        // A style's other hidden (`overflow: hidden`) and the word in a value hide nothing.
        let shown = "<html><body><table><tr><td>规章</td><td style=\"overflow: hidden\">13</td>\
                     <td style=\"overflow: hidden \">7</td><td title=\"a hidden b\">4</td></tr></table></body></html>";
        assert!(fast_dom(shown).is_some());
        assert_eq!(to_text(shown).trim(), "规章\t13\t7\t4");
        assert_eq!(unslimmed(shown).trim(), "规章\t13\t7\t4");
        assert!(!hidden(b" style=\"display:block\" class=\"none\""));
        assert!(!hidden(b" class=\"hidden-xs\""));
    }

    #[test]
    fn fast_path_agrees_with_html5ever() {
        let mut rng = xorshift(0x9e37_79b9_7f4a_7c15u64);
        let (mut accepted, cases) = (0, 20_000);
        for _ in 0..cases {
            let mut page = String::new();
            if rng(2) == 0 {
                page.push_str("<!DOCTYPE html><html><head><title>t &amp; u</title><meta charset=utf-8></head><body>");
            }
            grow(&mut page, &mut rng, 0, "body");
            if rng(2) == 0 {
                page.push_str("</body></html>");
            }
            if fast_dom(&page).is_some() {
                accepted += 1;
            }
            assert_eq!(to_text(&page), unslimmed(&page), "{page:?}");
        }
        assert!(accepted > cases / 3, "{accepted} of {cases} took the fast path");
    }

    /// The real and synthetic HTML fixtures with tags deleted, doubled, moved or junk put in
    /// at random: whatever the fast path accepts, it reads as html5ever does.
    #[test]
    fn fast_path_agrees_on_mutated_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut rng = xorshift(0x2545_f491_4f6c_dd1du64);
        const JUNK: &[&str] = &[
            "<p>",
            "</p>",
            "<td>",
            "</td>",
            "</tr>",
            "<table>",
            "</div>",
            "<li>",
            "<b>",
            "</span>",
            "&copy;",
            "<br/>",
            "<!-- x -->",
            "</body>",
            "<font>",
            "<o:p>",
            "<center>",
            "&nbsp;",
            "x",
            "<![if !vml]>",
        ];
        let (mut pages, mut accepted) = (0, 0);
        for e in walkdir::WalkDir::new(&root).into_iter().flatten() {
            let Ok(bytes) = std::fs::read(e.path()) else { continue };
            let Ok(decoded) = crate::decode::html(&bytes) else {
                continue;
            };
            let page = decoded.text;
            let tags: Vec<usize> = page.match_indices('<').map(|(i, _)| i).collect();
            if !page.contains("<td") || tags.len() < 10 {
                continue;
            }
            // 150 mutants of a page up to 16 KB, fewer of a larger one (a Word page of 240
            // KB: 12), so the test's time grows with the fixtures' count, not their bytes.
            let mutants = (150 * 16_384 / page.len().max(16_384)).max(12);
            for _ in 0..mutants {
                let mut m = page.to_string();
                for _ in 0..1 + rng(3) {
                    let at = tags[rng(tags.len())].min(m.len());
                    if !m.is_char_boundary(at) || !m[at..].starts_with('<') {
                        continue;
                    }
                    let end = m[at..].find('>').map_or(m.len(), |p| at + p + 1);
                    let tag = m[at..end].to_string();
                    match rng(4) {
                        0 => m.replace_range(at..end, ""),
                        1 => m.insert_str(at, &tag),
                        2 => m.insert_str(at, JUNK[rng(JUNK.len())]),
                        _ => {
                            // Moved past the next tag.
                            let next = m[end..].find('>').map_or(m.len(), |p| end + p + 1);
                            m.insert_str(next, &tag);
                            m.replace_range(at..end, "");
                        }
                    }
                }
                pages += 1;
                if fast_dom(&m).is_some() {
                    accepted += 1;
                }
                assert_eq!(to_text(&m), unslimmed(&m), "{}: {m:?}", e.path().display());
            }
        }
        assert!(
            pages > 0 && accepted > 0,
            "{accepted} of {pages} mutated pages took the fast path"
        );
    }

    /// Appends random content for an element named `parent`.
    fn grow(page: &mut String, rng: &mut impl FnMut(usize) -> usize, depth: usize, parent: &str) {
        const TEXT: &[&str] = &[
            "规章", " ", "\n\t", "12", "&nbsp;", "&amp;", "&#20013;", "a&b", "x<y", "\u{3000}", "&lt;", "合计 3",
            "&copy;", "&hellip;", "&#x26;", "&#9;", "&emsp;",
        ];
        // References html5ever decodes in ways the fast path leaves to it.
        const RARE_TEXT: &[&str] = &[
            "?a=1&not=2",
            "&notin;",
            "&ampx",
            "&AMP;",
            "&zwj;",
            "&#128;",
            "&#0;",
            "&#xD800;",
        ];
        const INLINE: &[&str] = &["span", "b", "font", "a", "o:p", "em", "i", "u"];
        const BLOCK: &[&str] = &[
            "p",
            "div",
            "h2",
            "ul",
            "li",
            "dl",
            "dd",
            "dt",
            "center",
            "table",
            "blockquote",
        ];
        let n = rng(4) + usize::from(depth == 0) * 4;
        for _ in 0..n {
            if rng(150) == 0 {
                // Junk: what real pages get wrong.
                const JUNK: &[&str] = &[
                    "</p>",
                    "<p>",
                    "</div>",
                    "<td>",
                    "</td>",
                    "<tr>",
                    "</table>",
                    "<li>",
                    "</span>",
                    "<br/>",
                    "</br>",
                    "<b>",
                    "</b>",
                    "<!-- c -->",
                    "<body>",
                    "</body>",
                    "<input type=hidden>",
                    "&copy;",
                    "<button>",
                ];
                page.push_str(JUNK[rng(JUNK.len())]);
                continue;
            }
            let table_like = matches!(parent, "table" | "tbody" | "thead" | "tr" | "colgroup");
            if table_like {
                let (child, grand) = match parent {
                    "table" => [
                        ("tbody", "tr"),
                        ("tr", ""),
                        ("caption", ""),
                        ("colgroup", ""),
                        ("col", ""),
                    ][rng(5)],
                    "tbody" | "thead" => ("tr", ""),
                    "tr" => (["td", "th"][rng(2)], ""),
                    _ => ("col", ""),
                };
                let _ = grand;
                let attrs = [" style=\"x\"", ""][rng(2)];
                let attrs = if rng(40) == 0 {
                    " style=\"visibility:hidden\""
                } else {
                    attrs
                };
                page.push_str(&format!("<{child}{attrs}>"));
                if rng(6) == 0 {
                    page.push_str(" \n");
                }
                if child != "col" {
                    if depth < 6 {
                        grow(page, rng, depth + 1, child);
                    }
                    if rng(30) != 0 {
                        page.push_str(&format!("</{child}>"));
                    }
                }
                continue;
            }
            match rng(6) {
                0 | 1 if rng(30) == 0 => page.push_str(RARE_TEXT[rng(RARE_TEXT.len())]),
                0 | 1 => page.push_str(TEXT[rng(TEXT.len())]),
                2 => page.push_str(
                    [
                        "<br>",
                        "<img src=x>",
                        "<hr>",
                        "<script>var a = '<p>';</script>",
                        "<style>p{}</style>",
                    ][rng(5)],
                ),
                _ => {
                    // Mostly inline content in paragraphs and inline elements.
                    let phrasing = matches!(parent, "p" | "h2") || INLINE.contains(&parent);
                    let block = rng(if phrasing { 12 } else { 2 }) == 0;
                    let tag = if block {
                        BLOCK[rng(BLOCK.len())]
                    } else {
                        INLINE[rng(INLINE.len())]
                    };
                    let tag = if rng(10) == 0 {
                        tag.to_ascii_uppercase()
                    } else {
                        tag.to_string()
                    };
                    // Now and then hidden, as some sites hide digits among a cell's.
                    let attrs = [" class=a", "", " align=\"center\""][rng(3)];
                    let attrs = match rng(40) {
                        0 => " style=\"Display : none\"",
                        1 => " hidden",
                        2 => " aria-hidden=\"true\"",
                        _ => attrs,
                    };
                    page.push_str(&format!("<{tag}{attrs}>"));
                    if depth < 6 {
                        grow(page, rng, depth + 1, &tag.to_ascii_lowercase());
                    }
                    // End tags left out now and then, as pages do.
                    if rng(20) != 0 {
                        page.push_str(&format!("</{tag}>"));
                    }
                }
            }
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// `push_text` appends as mapping every character would, after any text.
        #[test]
        fn text_is_pushed_as_the_characters_would_be(before in proptest::sample::select(vec!["", "a", "a ", "a\n", "a\t", "规"]),
            pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}", "\u{85}", "\u{a0}", "\u{a9}", "\u{1680}",
            "\u{1681}", "\u{2000}", "\u{200a}", "\u{200b}", "\u{2028}", "\u{202f}", "\u{205f}", "“", "—", "\u{3000}",
            "\u{3001}", "\u{3080}", "\u{3400}", "𠀀", "é",
        ]), 0..16)) {
            let text: String = pieces.concat();
            let mut want = before.to_string();
            for c in text.chars() {
                if c.is_whitespace() {
                    if !want.is_empty() && !want.ends_with([' ', '\n', '\t']) {
                        want.push(' ');
                    }
                } else {
                    want.push(c);
                }
            }
            let mut got = before.to_string();
            push_text(&mut got, &text);
            proptest::prop_assert_eq!(got, want);
        }
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

    /// A page inside a JSON string (an API's answer saved as the page): end tags' slashes
    /// escaped, line breaks and tabs escaped, characters as `\u` escapes.
    #[test]
    fn a_page_in_a_json_string_is_unescaped() {
        let page = r#"{"content":"<p>\u89c4\u7ae0\u8868<\/p>\n<table><tr><td align=\"center\">\u603b\u8ba1<\/td>\t<td>3<\/td><\/tr><tr><td>a\\b \ud83d\ude00<\/td><\/tr><\/table>"}"#;
        let text = to_text(page);
        assert!(text.contains("规章表\n"), "{text:?}");
        assert!(text.contains("总计\t3\n"), "{text:?}");
        assert!(text.contains("a\\b 😀"), "{text:?}");
        assert_eq!(js_unescaped(r"\x \u12 \"), r"\x \u12 \");
    }
}
