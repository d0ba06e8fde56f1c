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
    let doc = Html::parse_document(&src);
    let mut out = String::with_capacity(src.len() / 4);
    walk(doc.tree.root(), &mut out);
    out
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
