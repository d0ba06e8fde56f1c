//! The run report: one self-contained HTML page (`report.html`, beside the Parquet files)
//! that a person opens in a browser after the nightly run. Counts by status, year and
//! province, identity-check failure rates, the most frequent diagnostics with example
//! documents, and two inline SVG charts (documents per year and province; share of
//! requests granted by year). No scripts, no styles or fonts from the network; the same
//! input gives the same page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::diag::Severity;
use crate::model::FileOutcome;

/// What the report needs of one document, so it can be gathered while documents stream by.
#[derive(Debug, Default)]
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

/// The grant shares' inputs, twelve bytes per document: counts that are whole numbers
/// below 2^32 (all but odd reports) are kept as such and give back the same `f64`; the
/// others are kept aside as they are.
#[derive(Debug, Default)]
struct Granted {
    /// (year, granted, total); `i32::MIN` as the year: none.
    rows: Vec<(i32, u32, u32)>,
    odd: std::collections::HashMap<usize, (f64, f64)>,
}

impl Granted {
    fn push(&mut self, v: Option<(i32, f64, f64)>) {
        let whole = |x: f64| (x >= 0.0 && x <= u32::MAX as f64 && x.fract() == 0.0).then_some(x as u32);
        match v {
            Some((y, g, t)) if y != i32::MIN => match (whole(g), whole(t)) {
                (Some(g), Some(t)) => self.rows.push((y, g, t)),
                _ => {
                    self.odd.insert(self.rows.len(), (g, t));
                    self.rows.push((y, 0, 0));
                }
            },
            _ => self.rows.push((i32::MIN, 0, 0)),
        }
    }
    fn clear(&mut self, i: usize) {
        self.rows[i].0 = i32::MIN;
        self.odd.remove(&i);
    }
    fn iter(&self) -> impl Iterator<Item = (i32, f64, f64)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.0 != i32::MIN)
            .map(|(i, &(y, g, t))| match self.odd.get(&i) {
                Some(&(g, t)) => (y, g, t),
                None => (y, g as f64, t as f64),
            })
    }
}

impl Report {
    pub fn add(&mut self, o: &FileOutcome) {
        self.files += 1;
        let status = o.status.as_str();
        *self.by_status.entry(status).or_default() += 1;
        if o.status == crate::model::DocStatus::Skipped {
            self.granted.push(None);
            // Not a report (.pdf, .json …): listed by status only.
            return;
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
        });
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

    /// The page.
    pub fn html(&self) -> String {
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
        let mut granted: BTreeMap<i32, (f64, f64)> = BTreeMap::new();
        for (y, g, t) in self.granted.iter() {
            let e = granted.entry(y).or_default();
            e.0 += g;
            e.1 += t;
        }
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
        h
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
    fn grant_shares_come_back_exactly() {
        let mut g = Granted::default();
        let given = [
            Some((2020, 5.0, 10.0)),
            None,
            Some((2021, 2.5, 4.0)),
            Some((2021, 3.0, 5e10)),
            Some((2022, -1.0, 3.0)),
            Some((2022, 7.0, 9.0)),
        ];
        for v in given {
            g.push(v);
        }
        g.clear(5);
        let back: Vec<(i32, f64, f64)> = g.iter().collect();
        let want: Vec<(i32, f64, f64)> = given[..5].iter().flatten().copied().collect();
        assert_eq!(back, want);
        assert_eq!(g.odd.len(), 3);
    }

    #[test]
    fn the_page_is_self_contained_and_escapes_paths() {
        let mut r = Report::default();
        let mut o = FileOutcome::new("id".into(), "a/<b>&.txt".into(), 1);
        o.year = Some(2020);
        o.diagnostics
            .push(crate::diag::Diagnostic::error(crate::diag::Code::Empty, None, "x"));
        r.add(&o);
        let h = r.html();
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
