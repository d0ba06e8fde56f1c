//! The run report: one self-contained HTML page (`report.html`, beside the Parquet files)
//! that a person opens in a browser after the nightly run. Counts by status, year and
//! province, identity-check failure rates, the most frequent diagnostics with example
//! documents, and two inline SVG charts (documents per year and province; share of
//! requests granted by year). No scripts, no styles or fonts from the network; the same
//! input gives the same page.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::diag::Severity;
use crate::model::FileOutcome;
use crate::spill::{Get, Put, Records};

/// What the report needs of one document, so it can be gathered while documents stream by.
pub struct Report {
    files: usize,
    by_status: BTreeMap<&'static str, usize>,
    /// year → status → documents.
    by_year: BTreeMap<Option<i32>, BTreeMap<&'static str, usize>>,
    /// province → documents with cells.
    by_province: BTreeMap<Option<String>, usize>,
    /// year → (documents checked, documents whose identities failed).
    identities: BTreeMap<i32, (usize, usize)>,
    /// Per document in the order added: (year, granted, total processed) when it reports
    /// both; summed at the end over the documents that are not duplicates.
    granted: Granted,
    /// code → (severity, rows, documents, example paths).
    diagnostics: BTreeMap<&'static str, (Severity, usize, usize, Vec<String>)>,
    duplicates: usize,
    aggregate: usize,
}

/// The grant shares' inputs, a record per document in a scratch file
/// ([`crate::spill`]): what they add up to is known only when the duplicates are.
struct Granted {
    /// (year, granted, total); `i32::MIN` as the year: none.
    rows: Records<20>,
    /// Documents left out: duplicates.
    cleared: Vec<usize>,
}

impl Granted {
    fn push(&mut self, v: Option<(i32, f64, f64)>) -> io::Result<()> {
        let (y, g, t) = v.unwrap_or((i32::MIN, 0.0, 0.0));
        let mut b = [0; 20];
        Put::new(&mut b).i32(y).f64(g).f64(t);
        self.rows.push(&b)
    }
    fn clear(&mut self, i: usize) {
        self.cleared.push(i);
    }
    /// Year → (granted, total), summed in document order over the documents not cleared.
    fn sums(&self) -> io::Result<BTreeMap<i32, (f64, f64)>> {
        let mut cleared = self.cleared.clone();
        cleared.sort_unstable();
        let mut sums: BTreeMap<i32, (f64, f64)> = BTreeMap::new();
        self.rows.scan(|i, b| -> io::Result<()> {
            let mut r = Get::new(b);
            let (y, g, t) = (r.i32(), r.f64(), r.f64());
            if y != i32::MIN && cleared.binary_search(&i).is_err() {
                let e = sums.entry(y).or_default();
                e.0 += g;
                e.1 += t;
            }
            Ok(())
        })?;
        Ok(sums)
    }
}

impl Report {
    /// An empty report whose scratch file goes in `dir`.
    pub fn new(dir: &Path) -> io::Result<Report> {
        Ok(Report {
            files: 0,
            by_status: BTreeMap::new(),
            by_year: BTreeMap::new(),
            by_province: BTreeMap::new(),
            identities: BTreeMap::new(),
            granted: Granted {
                rows: Records::new_in(dir)?,
                cleared: Vec::new(),
            },
            diagnostics: BTreeMap::new(),
            duplicates: 0,
            aggregate: 0,
        })
    }

    /// Adds a document; Err only when its record cannot be written to the scratch file.
    pub fn add(&mut self, o: &FileOutcome) -> io::Result<()> {
        self.files += 1;
        let status = o.status.as_str();
        *self.by_status.entry(status).or_default() += 1;
        if o.status == crate::model::DocStatus::Skipped {
            // Not a report (.pdf, .json …): listed by status only.
            return self.granted.push(None);
        }
        *self.by_year.entry(o.year).or_default().entry(status).or_default() += 1;
        if !o.cells.is_empty() {
            *self
                .by_province
                .entry(o.place.province.as_ref().map(|p| p.0.to_string()))
                .or_default() += 1;
        }
        if let (Some(y), Some(ok)) = (o.year, o.identities_ok) {
            let e = self.identities.entry(y).or_default();
            e.0 += 1;
            e.1 += usize::from(!ok);
        }
        let total = |row: &str| {
            o.cells
                .iter()
                .find(|c| c.table == crate::template::Table::Applications && c.row == row && c.col == "total")
                .and_then(|c| c.number())
        };
        self.granted.push(match (o.year, total("granted"), total("total")) {
            (Some(y), Some(g), Some(t)) => Some((y, g, t)),
            _ => None,
        })?;
        if o.scope == Some("aggregate") {
            self.aggregate += 1;
        }
        let mut seen: Vec<&'static str> = Vec::new();
        for d in &o.diagnostics {
            let code = d.code.as_str();
            let e = self
                .diagnostics
                .entry(code)
                .or_insert_with(|| (d.severity, 0, 0, Vec::new()));
            e.0 = e.0.max(d.severity);
            e.1 += 1;
            if !seen.contains(&code) {
                seen.push(code);
                e.2 += 1;
                if e.3.len() < 3 {
                    e.3.push(o.path.clone());
                }
            }
        }
        Ok(())
    }

    /// Document `i` (in the order added), at `path`, is a duplicate kept out of the
    /// derived tables, with this diagnostic.
    pub fn duplicate(&mut self, i: usize, path: &str, d: &crate::diag::Diagnostic) {
        self.duplicates += 1;
        self.granted.clear(i);
        let e = self
            .diagnostics
            .entry(d.code.as_str())
            .or_insert_with(|| (d.severity, 0, 0, Vec::new()));
        e.1 += 1;
        e.2 += 1;
        if e.3.len() < 3 {
            e.3.push(path.to_string());
        }
    }

    /// The page; Err only when the scratch file cannot be read back.
    pub fn html(&self) -> io::Result<String> {
        let mut h = String::new();
        h.push_str(concat!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<title>ogi run report</title>\n<style>\n",
            "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}\n",
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}\n",
            "th{background:#f3f3f3}td.l,th.l{text-align:left}code{font-size:90%}\n",
            "svg{display:block;margin:1em 0}.bar{fill:#4a7fb5}.bar2{fill:#d08c3c}\n",
            "</style>\n</head>\n<body>\n"
        ));
        let _ = writeln!(
            h,
            "<h1>ogi run report</h1>\n<p>{} files; {} duplicates (kept out of the derived tables); {} reports that sum a whole area (<code>scope = aggregate</code>). Output schema version {}.</p>",
            self.files,
            self.duplicates,
            self.aggregate,
            crate::SCHEMA_VERSION
        );

        h.push_str("<h2>Documents by status</h2>\n");
        let statuses: Vec<&str> = self.by_status.keys().copied().collect();
        table(
            &mut h,
            &["status", "documents"],
            self.by_status.iter().map(|(s, n)| vec![s.to_string(), n.to_string()]),
        );

        h.push_str("<h2>Report files by year</h2>\n");
        let mut head = vec!["year"];
        let statuses: Vec<&str> = statuses.into_iter().filter(|s| *s != "skipped").collect();
        head.extend(statuses.iter().copied());
        head.push("all");
        table(
            &mut h,
            &head,
            self.by_year.iter().map(|(y, m)| {
                let mut row = vec![y.map_or("unknown".to_string(), |y| y.to_string())];
                row.extend(statuses.iter().map(|s| m.get(s).copied().unwrap_or(0).to_string()));
                row.push(m.values().sum::<usize>().to_string());
                row
            }),
        );
        let years: Vec<(String, f64)> = self
            .by_year
            .iter()
            .map(|(y, m)| {
                (
                    y.map_or("unknown".into(), |y| y.to_string()),
                    m.values().sum::<usize>() as f64,
                )
            })
            .collect();
        bars(&mut h, "Documents per year", &years, "bar", |v| format!("{v:.0}"));

        h.push_str("<h2>Documents with tables by province</h2>\n");
        let provinces: Vec<(String, f64)> = self
            .by_province
            .iter()
            .map(|(p, n)| (p.clone().unwrap_or_else(|| "unresolved".into()), *n as f64))
            .collect();
        bars(&mut h, "Documents per province", &provinces, "bar", |v| {
            format!("{v:.0}")
        });

        h.push_str("<h2>Arithmetic identities (勾稽关系)</h2>\n");
        table(
            &mut h,
            &["year", "documents checked", "identities failed", "failure rate"],
            self.identities.iter().map(|(y, (n, f))| {
                vec![
                    y.to_string(),
                    n.to_string(),
                    f.to_string(),
                    format!("{:.1}%", 100.0 * *f as f64 / (*n).max(1) as f64),
                ]
            }),
        );

        h.push_str("<h2>Share of requests granted (予以公开 / 总计), by year</h2>\n");
        let granted = self.granted.sums()?;
        let shares: Vec<(String, f64)> = granted
            .iter()
            .filter(|(_, (_, t))| *t > 0.0)
            .map(|(y, (g, t))| (y.to_string(), g / t))
            .collect();
        if shares.is_empty() {
            h.push_str("<p>No document reports both numbers.</p>\n");
        } else {
            bars(&mut h, "Share granted", &shares, "bar2", |v| {
                format!("{:.1}%", 100.0 * v)
            });
        }

        h.push_str("<h2>Most frequent diagnostics</h2>\n");
        let mut diags: Vec<_> = self.diagnostics.iter().collect();
        diags.sort_by_key(|(code, d)| (std::cmp::Reverse(d.2), **code));
        table(
            &mut h,
            &["code", "severity", "rows", "documents", "examples"],
            diags.iter().take(20).map(|(code, (sev, rows, docs, ex))| {
                vec![
                    format!("<code>{code}</code>"),
                    sev.as_str().to_string(),
                    rows.to_string(),
                    docs.to_string(),
                    ex.iter()
                        .map(|p| format!("<code>{}</code>", escape(p)))
                        .collect::<Vec<_>>()
                        .join("<br>"),
                ]
            }),
        );
        h.push_str("<p>Every diagnostic is a row of <code>diagnostics.parquet</code>; <code>ogi inspect FILE</code> shows one document as ogi reads it.</p>\n</body>\n</html>\n");
        Ok(h)
    }
}

/// An HTML table; the first column and cells holding markup are left-aligned.
fn table(h: &mut String, head: &[&str], rows: impl Iterator<Item = Vec<String>>) {
    h.push_str("<table>\n<tr>");
    for (i, c) in head.iter().enumerate() {
        let _ = write!(h, "<th{}>{}</th>", if i == 0 { " class=\"l\"" } else { "" }, escape(c));
    }
    h.push_str("</tr>\n");
    for row in rows {
        h.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let left = i == 0 || c.starts_with('<');
            // Cells are escaped by the caller where they hold text from documents.
            let _ = write!(h, "<td{}>{}</td>", if left { " class=\"l\"" } else { "" }, c);
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
}

/// A horizontal bar chart as inline SVG.
fn bars(h: &mut String, title: &str, data: &[(String, f64)], class: &str, label: impl Fn(f64) -> String) {
    if data.is_empty() {
        return;
    }
    let max = data.iter().map(|d| d.1).fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let (row, left, width) = (22.0, 110.0, 420.0);
    let height = row * data.len() as f64 + 10.0;
    let _ = writeln!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\"><title>{}</title>",
        left + width + 90.0,
        left + width + 90.0,
        escape(title)
    );
    for (i, (name, v)) in data.iter().enumerate() {
        let y = 5.0 + row * i as f64;
        let w = (width * v / max).max(1.0);
        let _ = writeln!(
            h,
            "<text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\" font-size=\"13\">{}</text><rect class=\"{class}\" x=\"{left}\" y=\"{y:.0}\" width=\"{w:.1}\" height=\"{:.0}\"/><text x=\"{:.1}\" y=\"{:.0}\" font-size=\"12\">{}</text>",
            left - 6.0,
            y + 15.0,
            escape(name),
            row - 6.0,
            left + w + 4.0,
            y + 15.0,
            label(*v)
        );
    }
    h.push_str("</svg>\n");
}

fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whole counts are kept in 32 bits, the rest aside; either way the same numbers come
    /// back, in order, without the cleared documents.
    #[test]
    fn grant_shares_are_summed_without_the_cleared_documents() {
        let dir = tempfile::tempdir().unwrap();
        let mut g = Granted {
            rows: Records::new_in(dir.path()).unwrap(),
            cleared: Vec::new(),
        };
        let given = [
            Some((2020, 5.0, 10.0)),
            None,
            Some((2021, 2.5, 4.0)),
            Some((2021, 3.0, 5e10)),
            Some((2022, -1.0, 3.0)),
            Some((2022, 7.0, 9.0)),
            Some((2020, 1.0, 1.0)),
        ];
        for v in given {
            g.push(v).unwrap();
        }
        g.clear(6);
        g.clear(5);
        let got: Vec<(i32, (f64, f64))> = g.sums().unwrap().into_iter().collect();
        assert_eq!(
            got,
            [(2020, (5.0, 10.0)), (2021, (5.5, 4.0 + 5e10)), (2022, (-1.0, 3.0))]
        );
    }

    #[test]
    fn the_page_is_self_contained_and_escapes_paths() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = Report::new(dir.path()).unwrap();
        let mut o = FileOutcome::new("id".into(), "a/<b>&.txt".into(), 1);
        o.year = Some(2020);
        o.diagnostics
            .push(crate::diag::Diagnostic::error(crate::diag::Code::Empty, None, "x"));
        r.add(&o).unwrap();
        let h = r.html().unwrap();
        assert!(h.contains("a/&lt;b&gt;&amp;.txt"));
        assert!(h.contains("<svg"));
        // The only address is the SVG namespace: the page makes no network request.
        assert_eq!(
            h.matches("http").count(),
            h.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
        );
        assert!(!h.contains("<script") && !h.contains("src="));
    }
}
