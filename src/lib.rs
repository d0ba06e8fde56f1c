//! ogi: annual reports on government information disclosure (政府信息公开工作年度报告) →
//! a Parquet dataset. The pipeline reads as its stages:
//! walk → decode → segment → parse → validate → frame → write; `run` strings them
//! together. [`process_bytes`] is the pure per-file core that tests and the fuzzer call.
//!
//! Where each stage lives: `walk` (the sorted list of files) → `decode` (bytes → text;
//! `hant` and `radicals` read traditional characters and radicals as the ideographs the
//! parser looks for) → `html` (a page → lines of cells), `markup` and `forms` (texts in a
//! page's or a converter's form of their own, rewritten as lines of cells) → `segment`
//! (metadata, the tables' regions, texts cut again at their headings) → `parse` (regions →
//! cells) → `validate` (the identities) → `twins` and `years` (a report's copies and
//! neighbours settle its runs in doubt), `dedup` (one document per agency and year) →
//! `frame` → `write`. Beside them: `place` (agencies → places), `report` (`report.html`),
//! `spill` (what the run's end needs, kept on disk), `budget` and `signal` (a file's work
//! bounded, a run stopped cleanly), `inspect` (`ogi inspect`).

mod addr;
pub mod budget;
pub mod config;
pub mod decode;
pub mod dedup;
pub mod diag;
mod forms;
#[cfg(feature = "parquet")]
pub mod frame;
pub mod hant;
pub mod html;
pub mod inspect;
mod markup;
pub mod model;
pub mod parse;
pub mod place;
pub mod radicals;
pub mod report;
#[cfg(feature = "parquet")]
pub mod run;
pub mod segment;
pub mod signal;
pub mod spill;
pub mod template;
pub mod twins;
pub mod validate;
pub mod walk;
#[cfg(feature = "parquet")]
pub mod write;
pub mod years;

use sha2::{Digest, Sha256};

use diag::{Code, Diagnostic};
use model::{Cell, DocStatus, FileOutcome};
use parse::grid::{self, Line};
use template::{Table, Template};

use forms::*;
use markup::*;

/// Version of the output schema (in every Parquet file's key-value metadata and in
/// `documents.schema_version`); bumped with any change to DATASET.md's columns.
pub const SCHEMA_VERSION: &str = "2";

/// Limits that apply to every file.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Files larger than this are listed but not parsed.
    pub max_file_bytes: u64,
    /// A file that takes more steps than this to decode and parse is given up (see
    /// [`budget`]).
    pub max_file_steps: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
            max_file_steps: 100_000_000,
        }
    }
}

/// First 16 hex digits of the SHA-256 of the bytes.
pub fn doc_id(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The kind of input a path names, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    Html,
    Other,
}

pub fn input_kind(path: &str) -> InputKind {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" => InputKind::Text,
        "html" | "htm" => InputKind::Html,
        _ => InputKind::Other,
    }
}

/// Processes one file's bytes: never fails, never panics on purpose; everything that went
/// wrong is in the outcome's diagnostics.
pub fn process_bytes(path: &str, bytes: &[u8], limits: &Limits) -> FileOutcome {
    let mut out = FileOutcome::new(doc_id(bytes), path.to_string(), bytes.len() as i64);
    let kind = input_kind(path);
    if kind == InputKind::Other {
        out.status = DocStatus::Skipped;
        out.diagnostics.push(Diagnostic::info(
            Code::Skipped,
            None,
            "not a .txt or .html report; listed only",
        ));
        return out;
    }
    if bytes.is_empty() {
        out.diagnostics
            .push(Diagnostic::error(Code::Empty, None, "the file is empty"));
        return out;
    }
    if bytes.len() as u64 > limits.max_file_bytes {
        out.diagnostics.push(Diagnostic::error(
            Code::TooLarge,
            None,
            format!(
                "{} bytes is over the limit of {} (max_file_bytes)",
                bytes.len(),
                limits.max_file_bytes
            ),
        ));
        return out;
    }
    if budget::run(limits.max_file_steps, || decode_and_extract(kind, bytes, &mut out)).is_none() {
        // What was read before the budget ran out is left out, as half a parse.
        let mut given_up = FileOutcome::new(out.doc_id, out.path, out.bytes);
        given_up.encoding = out.encoding;
        given_up.diagnostics.push(Diagnostic::error(
            Code::TooSlow,
            None,
            format!(
                "decoding and parsing took more than {} steps (input.max_file_steps); the file was given up",
                limits.max_file_steps
            ),
        ));
        return given_up;
    }
    out
}

/// Decodes `bytes` and extracts its tables into `out` (the part of [`process_bytes`] that
/// runs on a budget).
fn decode_and_extract(kind: InputKind, bytes: &[u8], out: &mut FileOutcome) {
    let decoded = match kind {
        InputKind::Html => decode::html(bytes),
        _ => decode::text(bytes),
    };
    let decoded = match decoded {
        Ok(d) => d,
        Err(decode::DecodeError::Binary(what)) => {
            out.diagnostics.push(Diagnostic::error(
                Code::Binary,
                None,
                format!("binary data ({what}), not text"),
            ));
            return;
        }
        Err(decode::DecodeError::Undecodable {
            utf8_offset,
            gb18030_offset,
        }) => {
            out.diagnostics.push(Diagnostic::error(
                Code::Undecodable,
                None,
                format!(
                    "not UTF-8 (invalid byte at offset {utf8_offset}) and not GB18030/GBK (invalid byte at offset {gb18030_offset})"
                ),
            ));
            return;
        }
    };
    out.encoding = Some(decoded.encoding);
    if decoded.from_latin1 {
        out.diagnostics.push(Diagnostic::info(
            Code::Latin1Mojibake,
            None,
            format!(
                "the file holds the text's bytes read as Latin-1 and saved as UTF-8 (a crawler's mojibake); they were read again, as {}",
                decoded.encoding
            ),
        ));
    }
    if let Some((count, first)) = decoded.replaced {
        // (In a text of mixed lines only UTF-8 lines are read with stray bytes.)
        let encoding = if decoded.mixed.is_some() {
            "UTF-8"
        } else {
            decoded.encoding
        };
        out.diagnostics.push(Diagnostic::warning(
            Code::InvalidBytes,
            None,
            format!("{count} byte sequence(s) are not {encoding} (the first at byte offset {first}); each was read as U+FFFD"),
        ));
    }
    if let Some(mixed) = decoded.mixed {
        out.diagnostics.push(Diagnostic::warning(
            Code::MixedEncoding,
            Some(mixed.first_line as u32),
            format!(
                "{} line(s) are {} (the first is line {}), the rest {}; each line was read in the encoding it fits",
                mixed.lines, mixed.other, mixed.first_line, decoded.encoding
            ),
        ));
    }
    if decoded.truncated {
        out.diagnostics.push(Diagnostic::warning(
            Code::TruncatedText,
            None,
            "the file ends inside a multi-byte character; it was probably cut off",
        ));
    }
    // Radicals for ideographs (text extracted from a PDF: `⾏政许可`) are read as those.
    let decoded_text = match radicals::unified(&decoded.text) {
        Some(unified) => std::borrow::Cow::Owned(unified),
        None => decoded.text,
    };
    // A report in traditional characters (a portal's 繁體 mirror) is read in simplified ones.
    let traditional = |out: &mut FileOutcome| {
        out.diagnostics.push(Diagnostic::info(
            Code::Traditional,
            None,
            "the text is in traditional characters: it was read, and its agency named, in simplified ones",
        ))
    };
    let (decoded_text, was_traditional) = match hant::simplified(&decoded_text) {
        Some(simplified) => {
            traditional(out);
            (std::borrow::Cow::Owned(simplified), true)
        }
        None => (decoded_text, false),
    };
    // The page's text was found in traditional characters once its references were read.
    let mut traditional_refs = false;
    // A page's source written as text, its markup escaped (`&lt;td&gt;`: a feed's or a
    // double-escaping editor's): the markup.
    let decoded_text = match markup_escaped(&decoded_text) {
        Some(page) => std::borrow::Cow::Owned(page),
        None => decoded_text,
    };
    // A page saved under .txt is still HTML, and so is a text (under either name) holding
    // HTML tables after a crawler's header or between lines of plain text (a converter's
    // Markdown).
    let opens_page = looks_like_html(&decoded_text);
    let embedded = if opens_page {
        // A fragment that opens with a tag and has paragraphs of Markdown between its blocks
        // (Pandoc's GitHub Markdown of a page keeps its `<div>`s and tables as HTML).
        markdown_among_blocks(&decoded_text).then_some(false)
    } else {
        embedded_tables(&decoded_text)
    };
    let html = kind == InputKind::Html || opens_page || embedded.is_some();
    let (text, pubdate, page, page_lines) = if html {
        let page = match embedded {
            Some(plain) => std::borrow::Cow::Owned(lines_marked(&decoded_text, plain)),
            None => decoded_text,
        };
        let (text, lines) = html::page_text(&page);
        // A page that holds its report's markup escaped in its text: that markup's text
        // (its lines its own).
        let (text, lines) = match embedded_tables(&text) {
            Some(_) => (html::page_text(&text).0, None),
            None => (text, lines),
        };
        // A page in traditional characters written as character references
        // (`&#38283;`: a mirror's or a crawler's escaping of every character not ASCII):
        // its text read in simplified ones (each character the same length: the lines
        // kept).
        let text = match (!was_traditional).then(|| hant::simplified(&text)).flatten() {
            Some(simplified) => {
                traditional(out);
                traditional_refs = true;
                simplified
            }
            None => text,
        };
        (std::borrow::Cow::Owned(text), meta_pubdate(&page), Some(page), lines)
    } else {
        (
            markdown_escapes(spaces_escaped(inline_tags(bracketed_spans(decoded_text)))),
            None,
            None,
            None,
        )
    };
    let before = out.diagnostics.len();
    extract(&visible(text), html, out);
    // An HTML page's cells at the page's lines (the text's lines are its own otherwise).
    if let Some(lines) = &page_lines {
        to_source_lines(lines, out, before);
    }
    // The page's own publication date where its text states none (a portal's article page
    // shows its 发布时间 in script or not at all, and states it in its metadata), and its
    // title where its text shows none (the title in an image, or only in the page's head).
    out.published = out.published.or(pubdate);
    if out.agency.is_none() || out.year.is_none() || out.diagnostics.iter().any(|d| d.code == Code::NoTitle) {
        if let Some(title) = page.as_deref().and_then(meta_title) {
            let title = if traditional_refs { hant::mapped(&title) } else { title };
            title_from_metadata(&title, out);
        }
    }
}

/// Segments, parses and validates decoded text into `out`. `html`: the text is the line
/// form of an HTML page (`html::to_text`), whose table rows hold every cell in place.
pub fn extract(text: &str, html: bool, out: &mut FileOutcome) {
    // A text's layout that hides its cells, undone in turn (each pass None where the text
    // is not so): a tab after every line of a text whose cells are not apart by tabs, an
    // indent before every line, a number a line break cut at its thousands separator, a
    // letter-spaced text (every two ideographs a space apart).
    let mut undone: Option<String> = None;
    if !html {
        let passes: [fn(&str) -> Option<String>; 4] = [
            forms::trailing_tabs,
            forms::indented_lines,
            forms::thousands_broken,
            forms::letter_spacing,
        ];
        for pass in passes {
            if let Some(t) = pass(undone.as_deref().unwrap_or(text)) {
                undone = Some(t);
            }
        }
    }
    let text = undone.as_deref().unwrap_or(text);
    // A line of no-break spaces alone (a page's `&nbsp;` cell, a cell a line) is an empty
    // cell, written as a tab alone: the form of a table put into text a cell a line.
    // (Most texts have no no-break space: looked for once.)
    let spaces = !html && memchr::memmem::find(text.as_bytes(), "\u{a0}".as_bytes()).is_some();
    let nbsp = if spaces { nbsp_cells(text) } else { None };
    let text = nbsp.as_deref().unwrap_or(text);
    // A row's cells run together with each empty one a no-break space (a page's text taken
    // whole): those spaces as tabs, an empty cell's place kept.
    let Some(glued) = spaces.then(|| nbsp_glued(text)).flatten() else {
        return extract_forms(text, html, spaces, out);
    };
    // Read as a crawler's text, its runs cut, and as any other text (a crawler's no-break
    // spaces may be its spacing, not empty cells: `数量230␣000023`, 23|0|0|0|0|0|23): the
    // reading whose identities hold is kept, of two that both hold the one with fewer
    // warnings; the other text's where neither is better.
    let before = out.diagnostics.len();
    let mut again = FileOutcome::new(String::new(), String::new(), out.bytes);
    let cut = segment::unglue_lines(&glued);
    read(&cut.text, parse::Form::Glued, &mut again);
    to_source_lines(&cut.source, &mut again, 0);
    extract_forms(text, html, spaces, out);
    let rank = |o: &FileOutcome, from: usize| {
        let warned = o.diagnostics[from..]
            .iter()
            .filter(|d| d.severity >= diag::Severity::Warning)
            .count();
        (
            o.status == DocStatus::Ok,
            o.identities_ok == Some(true),
            std::cmp::Reverse(warned),
        )
    };
    let (crawled, plain) = (rank(&again, 0), rank(out, before));
    // (Fewer warnings decide only between readings whose identities hold.)
    if (crawled.0, crawled.1) > (plain.0, plain.1)
        || ((crawled.0, crawled.1) == (plain.0, plain.1) && crawled.1 && crawled.2 > plain.2)
    {
        adopt(out, before, again);
    }
}

/// [`extract`] for the forms a text may take beyond a crawler's with empty cells as
/// no-break spaces (`spaces`: the text has one).
fn extract_forms(text: &str, html: bool, spaces: bool, out: &mut FileOutcome) {
    // Cells a space apart, each empty one a no-break space (a page's text with a space
    // between its strings): tab-separated, the empty cells in their places.
    let words = if spaces { nbsp_words(text) } else { None };
    let text = words.as_deref().unwrap_or(text);
    // A table's rows as comma-separated values (a spreadsheet's, a scraper's `to_csv`):
    // their cells apart by tabs.
    let csv = if html { None } else { csv_cells(text) };
    let text = csv.as_deref().unwrap_or(text);
    // A merged cell's text in each place it spans (python-docx's `row.cells`): once.
    let merged = if html { None } else { tab_repeats(text) };
    let text = merged.as_deref().unwrap_or(text);
    // A cell broken over the lines above and below its row in a PDF's text with its layout
    // kept (`２５` / the row / `４`): on the row's line, read there, printed as its pieces.
    let straddled = if html { None } else { straddled_cells(text) };
    let Some((text, cells)) = straddled.as_ref() else {
        return read_text(text, html, out);
    };
    read_text(text, html, out);
    for (line, joined, pieces) in cells {
        if let Some(c) = out
            .cells
            .iter_mut()
            .find(|c| c.line == *line && c.raw == joined.as_str())
        {
            c.raw = pieces.as_str().into();
        }
    }
}

/// [`extract`] after the text's lines are read as cells where they are.
fn read_text(text: &str, html: bool, out: &mut FileOutcome) {
    // A page's strings joined by bars on one line: a string a line.
    if let Some(cut) = (!html).then(|| segment::bar_joined(text)).flatten() {
        let before = out.diagnostics.len();
        read_lines(&cut.text, false, out);
        to_source_lines(&cut.source, out, before);
        return;
    }
    read_lines(text, html, out);
}

/// [`read_text`] of a text whose strings are on their own lines or cells.
fn read_lines(text: &str, html: bool, out: &mut FileOutcome) {
    // Crawler dumps hold the whole body on one line: break it at the headings first. A
    // page's tables put into text a cell a line behind bars are read a row a line; those
    // with a bar after each cell, a cell a line.
    let unglued = if html { None } else { segment::unglue(text) };
    let rows = if html || unglued.is_some() {
        None
    } else {
        segment::bars_lead_rows(text)
            .or_else(|| segment::bars_open_rows(text))
            .or_else(|| segment::bars_close_cells(text))
            .or_else(|| segment::paragraph_cells(text))
    };
    let form = match (html, unglued.is_some()) {
        (true, _) => parse::Form::Html,
        (false, true) => parse::Form::Glued,
        (false, false) => parse::Form::Text,
    };
    let before = out.diagnostics.len();
    let cut = unglued.as_ref().or(rows.as_ref());
    read(cut.map_or(text, |c| c.text.as_str()), form, out);
    if let Some(cut) = cut {
        to_source_lines(&cut.source, out, before);
    }
    // (A text read whole whose identities fail where it cut runs of digits itself may be a
    // crawler's text whose rows' cells ran together after a space, `数量 100242010440140`:
    // read again so too.)
    let cut_runs = || out.diagnostics[before..].iter().any(|d| d.code == Code::AmbiguousSplit);
    let runs_fail = out.status == DocStatus::Ok && out.identities_ok == Some(false) && cut_runs();
    if form != parse::Form::Text || (out.status == DocStatus::Ok && !runs_fail) {
        return;
    }
    // No table read where headings were found: the tables may stand apart from their
    // headings (a Word document's paragraphs first and its tables after them; an appendix
    // of tables). Read again with a heading before each table's own first line; kept when
    // that finds cells, and the reading as a crawler's below no more.
    let mut anchored = None;
    if out.status == DocStatus::NoTables {
        if let Some(cut) = segment::anchored_tables(text) {
            let mut again = FileOutcome::new(String::new(), String::new(), out.bytes);
            read(&cut.text, parse::Form::Text, &mut again);
            to_source_lines(&cut.source, &mut again, 0);
            if again.cells.iter().any(|c| c.status != model::CellStatus::Blank) {
                anchored = Some(again);
            }
        }
    }
    // Not all read from a text: it may be a crawler dump that kept its paragraphs' line
    // breaks but ran each table's cells together, on lines too short to be told as one.
    // Read again so; kept when that finds cells where there were none, or reads every
    // table whole with the identities holding where the text read only part.
    let mut again = FileOutcome::new(String::new(), String::new(), out.bytes);
    let cut = segment::unglue_lines(text);
    read(&cut.text, parse::Form::Glued, &mut again);
    to_source_lines(&cut.source, &mut again, 0);
    // Blank cells alone (rows printed without values) are no reading of the tables.
    let values = |o: &FileOutcome| o.cells.iter().filter(|c| c.status != model::CellStatus::Blank).count();
    // The tables read with their headings put back, unless the text read as a crawler's
    // reads more of them (a crawler's text that kept its paragraphs' lines).
    if let Some(anchored) = anchored {
        if values(&anchored) >= values(&again) {
            adopt(out, before, anchored);
            return;
        }
    }
    // Nor is it taken where the text read nine cells in ten of what it reads: a table with
    // one cell that is no number (`两千余万元`) is no crawler's, and its other cells are no
    // runs to cut (`51` as 5|1).
    let reported = |o: &FileOutcome| {
        o.cells
            .iter()
            .filter(|c| c.status == model::CellStatus::Reported)
            .count()
    };
    // Nor where the text read a table's few cells and the re-read the tables (a review row
    // of digits on a line of its own is read either way, the tables' rows run together
    // only so): the text must read a third of the cells at least.
    let better = if values(out) == 0 {
        values(&again) > 0
    } else if runs_fail {
        // (Whole both ways: the reading whose identities hold.)
        again.status == DocStatus::Ok && again.identities_ok == Some(true)
    } else {
        (again.status == DocStatus::Ok
            && again.identities_ok == Some(true)
            && reported(out) * 10 < again.cells.len() * 9)
            || values(out) * 3 < values(&again)
    };
    if !better {
        return;
    }
    adopt(out, before, again);
}

/// `out` as `again` read it: its diagnostics from `before` on, its meta and cells.
fn adopt(out: &mut FileOutcome, before: usize, mut again: FileOutcome) {
    out.diagnostics.truncate(before);
    out.diagnostics.append(&mut again.diagnostics);
    out.agency = again.agency;
    out.year = again.year;
    out.published = again.published;
    out.template = again.template;
    out.status = again.status;
    out.identities_ok = again.identities_ok;
    out.scope = again.scope;
    out.cells = again.cells;
    out.alternatives = again.alternatives;
}

/// The lines of `out`'s cells and of its diagnostics from `from` on, read from a text
/// derived from the document (broken at its headings, an HTML page's text) whose lines
/// stand at the document's lines `source`, as the document's lines: the dataset's `line`
/// is the line of the document where the value stands.
fn to_source_lines(source: &[u32], out: &mut FileOutcome, from: usize) {
    let at = |line: u32| {
        let i = (line as usize).saturating_sub(1);
        source.get(i).or(source.last()).copied().unwrap_or(line)
    };
    for c in &mut out.cells {
        c.line = at(c.line);
    }
    for d in &mut out.diagnostics[from..] {
        d.line = d.line.map(at);
    }
}

/// [`extract`] for a text of one form.
fn read(text: &str, form: parse::Form, out: &mut FileOutcome) {
    let lines = grid::lines(text);
    let meta = segment::meta(&lines);
    out.agency = meta.agency;
    out.year = meta.year;
    out.published = meta.published;
    if meta.untitled {
        out.diagnostics.push(Diagnostic::warning(
            Code::NoTitle,
            None,
            match (&out.agency, out.year) {
                (Some(_), Some(_)) => "no title was found: the agency and the year are the ones the text names (the sentence that names the report, or the signature, the statistics' period, the summary's first sentence, the page header's publisher)",
                (None, _) => "no title was found: the year is the one the text names; no agency was found",
                (_, None) => "no title was found: the agency is the one the text names; no year was found",
            },
        ));
    } else if out.agency.is_none() || out.year.is_none() {
        out.diagnostics.push(Diagnostic::warning(
            Code::NoTitle,
            meta.title_line,
            format!(
                "no title with {} was found",
                match (&out.agency, out.year) {
                    (None, None) => "an agency and a year",
                    (None, Some(_)) => "an agency",
                    _ => "a year",
                }
            ),
        ));
    }
    if let Some((title, period, why)) = meta.year_conflict {
        out.diagnostics.push(Diagnostic::warning(
            Code::YearConflict,
            meta.title_line,
            format!(
                "the title's year is {title}, the statistics' period the report states is {period}'s; the year read is {} ({why})",
                out.year.unwrap_or(title)
            ),
        ));
    }
    let (regions, again) = segment::regions(&lines);
    if let Some(at) = again {
        out.diagnostics.push(Diagnostic::warning(
            Code::TablesRepeated,
            Some(lines[at].no),
            "the tables stand again from this line (another report in the file, or a copy of this one): only the first were read",
        ));
    }
    let region_lines = |r: &segment::Region| -> &[Line<'_>] {
        let lines = &lines[r.heading + 1..r.end];
        &lines[..segment::framed_end(lines)]
    };
    // The document's template: what its tables show, else the year's.
    let detected: Vec<(Table, Option<Template>)> = regions
        .iter()
        .filter(|r| r.table != Table::ReviewLitigation)
        .map(|r| {
            let lines = region_lines(r);
            let template = match r.table {
                Table::Applications => segment::applications_template_of(lines),
                _ => segment::template_of(lines),
            };
            (r.table, template)
        })
        .collect();
    let shown: Vec<Template> = detected.iter().filter_map(|d| d.1).collect();
    if shown.windows(2).any(|w| w[0] != w[1]) {
        out.diagnostics.push(Diagnostic::warning(
            Code::TemplateConflict,
            None,
            "the active-disclosure and applications tables follow different templates; each is read with its own",
        ));
    }
    // Tables with no column header or row of either template (the statistics tables of
    // reports before 2019) are not read: their numbers would land under wrong keys.
    let Some(doc_template) = shown.first().copied() else {
        out.status = DocStatus::NoTables;
        let msg = if regions.is_empty() {
            "none of the three standard tables was found".to_string()
        } else {
            format!(
                "{} table heading(s) found, but no column header or row of the 2019 or 2021 template: not read",
                regions.len()
            )
        };
        out.diagnostics.push(Diagnostic::warning(
            Code::NoTables,
            regions.first().map(|r| lines[r.heading].no),
            msg,
        ));
        return;
    };
    out.template = doc_template.as_str();
    // Each table is read, counted, ordered and checked in the template it shows (a 2021
    // report may keep the 2019 form's first table and fill the 2021 applications table).
    let template_of = |t: Table| {
        detected
            .iter()
            .find(|d| d.0 == t)
            .and_then(|d| d.1)
            .unwrap_or(doc_template)
    };
    let expected: usize = Table::ALL
        .iter()
        .map(|&t| template::cell_count(t, template_of(t)))
        .sum();
    let mut cells: Vec<Cell> = Vec::with_capacity(expected);
    let mut complete = true;
    // The numbers the text states, for runs of digits the identities cannot split (the
    // active-disclosure and applications tables' rows; prose names no review cell).
    let stated = parse::Stated::new(text);
    for t in Table::ALL {
        let Some(r) = regions.iter().find(|r| r.table == t) else {
            complete = false;
            out.diagnostics.push(Diagnostic::warning(
                Code::TableMissing,
                None,
                format!("{}: table {} was not found", t.as_str(), t.label()),
            ));
            continue;
        };
        let template = template_of(t);
        let first_line = lines[r.heading].no;
        let ex = match t {
            Table::ReviewLitigation => parse::review(region_lines(r), first_line, form),
            _ => parse::labelled(t, template, region_lines(r), first_line, form, &stated),
        };
        if ex.cells.len() < template::cell_count(t, template) {
            complete = false;
        }
        cells.extend(ex.cells);
        out.diagnostics.extend(ex.diags);
        out.alternatives.extend(ex.alternatives);
    }
    let heading_line = |t: Table| {
        regions
            .iter()
            .find(|r| r.table == t)
            .map(|r| lines[r.heading].no)
            .unwrap_or(1)
    };
    // The identities are the applications and review tables' (the review table is the same
    // in both templates): those of the applications table's template.
    let checked = template_of(Table::Applications);
    let before = cells.len();
    let placement = validate::infer(&mut cells, checked, |k| heading_line(k.0), &mut out.diagnostics);
    out.identities_ok = if cells.len() > before {
        // The inferred cells go in template order: the cells move, and are placed again.
        parse::sort_in_order(&mut cells, template_of);
        validate::check(&cells, checked, &mut out.diagnostics)
    } else {
        validate::check_placed(&cells, checked, placement, &mut out.diagnostics)
    };
    if let Some(line) = validate::totals_unprinted(&cells) {
        out.diagnostics.push(Diagnostic::warning(
            Code::TotalsBlank,
            Some(line),
            "applications: no row prints its 总计 (the column is empty in every row): no row's sum could be checked, and a column the table added or left out would shift the others unseen",
        ));
    }
    out.status = if cells.is_empty() {
        DocStatus::NoTables
    } else if complete && cells.len() >= expected {
        DocStatus::Ok
    } else {
        DocStatus::Partial
    };
    if cells.is_empty() {
        out.template = "unknown";
        out.diagnostics.push(Diagnostic::warning(
            Code::NoTables,
            None,
            "table headings were found but no cells could be read",
        ));
    }
    out.scope = (!cells.is_empty()).then(|| segment::scope(text));
    out.cells = cells;
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::CellStatus;

    type CellValue = (Table, &'static str, &'static str, Option<f64>, CellStatus);

    /// A document's cells as (table, row, column, value, status), in order.
    fn values(o: &FileOutcome) -> Vec<CellValue> {
        o.cells
            .iter()
            .map(|c| (c.table, c.row, c.col, c.value, c.status))
            .collect()
    }

    /// A cell a narrow PDF table broke over two lines, centred on its row's line (`２５` above
    /// the row, `４` below it; an amount's unit on the line below): put in the row's line
    /// where it stands; not a piece with something of the row's line next to it, nor pieces
    /// that do not stand under each other, nor a line of text.
    #[test]
    fn a_cell_broken_over_the_lines_around_its_row_is_put_on_it() {
        let text = [
            "                                                      ２５",
            "   一、本年新收政府信息公开申请数量   １７９   ４７   ２   ２   １３   １１",
            "                                                      ４",
            "",
            "                           2708.2814 万",
            " 政府集中采购       46",
            "                              元",
        ]
        .join("\n");
        let (out, cells) = straddled_cells(&text).expect("two cells");
        assert_eq!(
            cells,
            [
                (2, "２５４".to_string(), "２５\n４".to_string()),
                (6, "2708.2814 万元".to_string(), "2708.2814 万\n元".to_string())
            ]
        );
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines.len(), 7);
        assert!(lines[1].ends_with("１１      ２５４"), "{:?}", lines[1]);
        assert!(lines[5].ends_with("46           2708.2814 万元"), "{:?}", lines[5]);
        assert!(lines[0].is_empty() && lines[2].is_empty() && lines[4].is_empty() && lines[6].is_empty());
        // A line one cell took as its last is no other's first.
        let row = "   一、本年新收政府信息公开申请数量   １７９   ４７   ２   ２   １３   １１";
        let piece = |p: &str| format!("{}{p}", " ".repeat(54));
        let text = [piece("２５"), row.into(), piece("４"), row.into(), piece("６")].join("\n");
        let (out, _) = straddled_cells(&text).expect("one cell");
        assert_eq!(out.matches("２５４").count(), 1);
        assert!(out.ends_with("６"), "{out:?}");
        // Next to a piece of the row's line, under no other piece, or no number: as it is.
        for (above, below) in [
            (format!("{}２５", " ".repeat(49)), format!("{}４", " ".repeat(49))),
            (format!("{}２５", " ".repeat(54)), format!("{}４", " ".repeat(34))),
            (format!("{}附注", " ".repeat(54)), format!("{}４", " ".repeat(54))),
        ] {
            let text = format!(
                "{above}\n   一、本年新收政府信息公开申请数量   １７９   ４７   ２   ２   １３   １１\n{below}"
            );
            assert_eq!(straddled_cells(&text), None, "{above:?} {below:?}");
        }
    }

    /// A report in traditional characters — a portal's 繁體 mirror, in Big5 as it declares or
    /// in UTF-8 — is read as its simplified page is: the same agency, the same cells.
    #[test]
    fn a_report_in_traditional_characters_reads_as_its_simplified_page() {
        let page = |words: [&str; 4], charset: &str| {
            let [title, heading, header, label] = words;
            format!(
                "<html><head><meta charset=\"{charset}\"></head><body><p>{title}</p><p>{heading}</p><table><tr><td>{header}</td></tr><tr><td>{label}</td><td>3</td><td>1</td><td>12</td></tr></table></body></html>"
            )
        };
        let simplified = page(
            [
                "某某县财政局2022年政府信息公开工作年度报告",
                "二、主动公开政府信息情况",
                "信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数",
                "规章",
            ],
            "utf-8",
        );
        let traditional = page(
            [
                "某某縣財政局2022年政府信息公開工作年度報告",
                "二、主動公開政府信息情況",
                "信息內容</td><td>本年制發件數</td><td>本年廢止件數</td><td>現行有效件數",
                "規章",
            ],
            "big5",
        );
        let (big5, _, unmappable) = encoding_rs::BIG5.encode(&traditional);
        assert!(!unmappable);
        let s = process_bytes("s.html", simplified.as_bytes(), &Limits::default());
        let t = process_bytes("t.html", &big5, &Limits::default());
        assert_eq!(t.encoding, Some("Big5"));
        assert_eq!(t.agency.as_deref(), Some("某某县财政局"));
        assert_eq!((t.agency.clone(), t.year), (s.agency.clone(), s.year));
        assert_eq!(values(&t), values(&s));
        assert!(values(&t).iter().any(|c| c.1 == "rules" && c.3 == Some(12.0)));
        assert!(t.diagnostics.iter().any(|d| d.code == Code::Traditional));
        assert!(s.diagnostics.iter().all(|d| d.code != Code::Traditional));
        // The same page in UTF-8 (a mirror that only maps the characters).
        let u = process_bytes(
            "u.html",
            traditional.replace("big5", "utf-8").as_bytes(),
            &Limits::default(),
        );
        assert_eq!((u.encoding, values(&u)), (Some("UTF-8"), values(&s)));
    }

    /// A minus written as an en dash, the minus sign or a hyphen (`–18`, `−18`) is a sign:
    /// the cell is a negative number, in a table of cells as in a crawler's run.
    #[test]
    fn a_minus_written_as_a_dash_is_a_sign() {
        let report = |minus: &str| {
            format!(
                "某某县财政局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t20\t{minus}3\t17\n三、收到和处理政府信息公开申请情况\n"
            )
        };
        let change = |o: &FileOutcome| {
            o.cells
                .iter()
                .find(|c| c.row == "administrative_licensing" && c.col == "change")
                .and_then(|c| c.value)
        };
        for minus in ["-", "\u{2013}", "\u{2212}", "\u{2010}", "\u{2011}"] {
            let o = process_bytes("r.txt", report(minus).as_bytes(), &Limits::default());
            assert_eq!(change(&o), Some(-3.0), "{minus:?}");
        }
        // A crawler's run: 行政许可20–317 is 20 | −3 | 17.
        let run = "某某县财政局2020年政府信息公开工作年度报告 二、主动公开政府信息情况第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可20\u{2013}317行政处罚000三、收到和处理政府信息公开申请情况";
        let o = process_bytes("r.txt", run.as_bytes(), &Limits::default());
        assert_eq!(change(&o), Some(-3.0));
    }

    /// A portal page's publication date from its metadata, whatever the case of the name
    /// and the quotes; not from another element's attribute.
    #[test]
    fn a_pages_publication_date_is_read_from_its_metadata() {
        let day = segment::days_from_civil(2020, 1, 13);
        assert_eq!(
            meta_pubdate(r#"<head><meta name="PubDate" content="2020-01-13 16:07"/></head>"#),
            Some(day)
        );
        assert_eq!(
            meta_pubdate("<HEAD><META NAME=pubdate CONTENT='2020-01-13'></HEAD>"),
            Some(day)
        );
        assert_eq!(meta_pubdate(r#"<div class="pubdate">2020-01-13</div>"#), None);
        assert_eq!(meta_pubdate(r#"<meta name="PubDate" content="">"#), None);
        let page = "<html><head><meta name=\"PubDate\" content=\"2020-01-13 16:07\"></head><body><p>平潭综合实验区市场监督管理局2019年度政府信息公开工作年度报告</p></body></html>";
        let o = process_bytes("page.html", page.as_bytes(), &Limits::default());
        assert_eq!(o.published, Some(day));
    }

    /// A page whose text shows no title (the title an image, or only in the page's head)
    /// takes its agency and year from `<meta name="ArticleTitle">`, the title portals' pages
    /// carry; a title in the text comes first.
    #[test]
    fn a_pages_title_is_read_from_its_metadata_where_its_text_has_none() {
        let page = |head: &str, body: &str| {
            format!(
                "<html><head><title>详情页</title>{head}</head><body><p>一、总体情况</p><p>{body}</p></body></html>"
            )
        };
        let meta =
            r#"<meta name="ArticleTitle" content="平潭综合实验区市场监督管理局2019年度政府信息公开工作年度报告"/>"#;
        let o = process_bytes("page.html", page(meta, "今年。").as_bytes(), &Limits::default());
        assert_eq!(o.agency.as_deref(), Some("平潭综合实验区市场监督管理局"));
        assert_eq!(o.year, Some(2019));
        assert!(o.diagnostics.iter().all(|d| d.code != Code::NoTitle));
        let o = process_bytes("page.html", page("", "今年。").as_bytes(), &Limits::default());
        assert_eq!((o.agency, o.year), (None, None));
        assert!(o.diagnostics.iter().any(|d| d.code == Code::NoTitle));
        // The text's own title first.
        let body = "</p><p>某某县教育局2020年度政府信息公开工作年度报告</p><p>今年。";
        let o = process_bytes("page.html", page(meta, body).as_bytes(), &Limits::default());
        assert_eq!((o.agency.as_deref(), o.year), (Some("某某县教育局"), Some(2020)));
        assert_eq!(
            meta_title("<META NAME='articletitle' CONTENT='某某局2020年报告'>").as_deref(),
            Some("某某局2020年报告")
        );
        assert_eq!(meta_title(r#"<meta name="ArticleTitle" content="">"#), None);
        // The metadata's title before a signature and a statistics' period.
        let body = "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p><p>某某县教育局</p><p>2023年1月4日";
        let o = process_bytes("page.html", page(meta, body).as_bytes(), &Limits::default());
        assert_eq!(
            (o.agency.as_deref(), o.year),
            (Some("平潭综合实验区市场监督管理局"), Some(2019))
        );
        assert!(o.diagnostics.iter().all(|d| d.code != Code::NoTitle));
        // Without metadata, those, with the warning that says where they come from.
        let o = process_bytes("page.html", page("", body).as_bytes(), &Limits::default());
        assert_eq!((o.agency.as_deref(), o.year), (Some("某某县教育局"), Some(2022)));
        let warned = o.diagnostics.iter().find(|d| d.code == Code::NoTitle);
        assert!(
            warned.is_some_and(|d| d.message.contains("the text names")),
            "{:?}",
            o.diagnostics
        );
        // A page in traditional characters written as character references (a crawler
        // writing ASCII), its metadata's title so too: read in simplified ones.
        let refs = |s: &str| {
            s.chars()
                .map(|c| {
                    if c.is_ascii() {
                        c.to_string()
                    } else {
                        format!("&#{};", c as u32)
                    }
                })
                .collect::<String>()
        };
        let meta = format!(
            r#"<meta name="ArticleTitle" content="{}"/>"#,
            refs("平潭綜合實驗區市場監督管理局2019年度政府信息公開工作年度報告")
        );
        let body = refs(&"本機關認真貫徹落實條例，積極推進政務公開，開展檢查與評議。".repeat(3));
        let o = process_bytes("page.html", page(&meta, &body).as_bytes(), &Limits::default());
        assert_eq!(
            (o.agency.as_deref(), o.year),
            (Some("平潭综合实验区市场监督管理局"), Some(2019)),
            "{:?}",
            o.diagnostics
        );
        assert!(o.diagnostics.iter().any(|d| d.code == Code::Traditional));
    }

    #[test]
    fn html_saved_as_txt_is_html() {
        assert!(looks_like_html("\u{feff}<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <div><table><tr><td>规章</td></tr></table>"));
        assert!(!looks_like_html("规章\t0\t0\t0"));
        // The sniffed head ends on a character boundary.
        let long = format!("<p>{}</p><table>", "规".repeat(3000));
        assert!(!looks_like_html(&long));
    }

    #[test]
    fn html_tables_in_a_text_make_it_a_page_keeping_its_lines() {
        let table = format!(
            "<table>{}</table>",
            "<tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>".repeat(2)
        );
        // A converter's Markdown: plain lines, tables as HTML; each line stays a line.
        let md = format!("# 某某局2021年报告\n\n一、总体情况\n{table}\n三、收到\n");
        assert_eq!(embedded_tables(&md), Some(true));
        assert_eq!(
            lines_marked(&md, true),
            format!("# 某某局2021年报告<br>\n<br>\n一、总体情况<br>\n{table}<br>\n三、收到<br>\n")
        );
        // A page after a crawler's header: the header's lines only.
        let page = format!("标题: 某某局\n发布时间: 2022-01-10\n<html><body><p>一、总体</p>\n{table}\n</body></html>");
        assert_eq!(embedded_tables(&page), Some(false));
        assert_eq!(
            lines_marked(&page, false),
            format!("标题: 某某局<br>\n发布时间: 2022-01-10<br>\n<html><body><p>一、总体</p>\n{table}\n</body></html>")
        );
        // Paragraphs of Markdown among raw HTML blocks (Pandoc's GitHub Markdown of a page)
        // stay lines.
        let text = format!("标题\n<div>\n\n**二、主动公开政府信息情况**\n\n{table}\n</div>\n");
        assert_eq!(embedded_tables(&text), Some(false));
        assert_eq!(
            lines_marked(&text, false),
            format!("标题<br>\n<div>\n\n**二、主动公开政府信息情况**<br>\n\n{table}\n</div>\n")
        );
        // Markdown's line break (`\\` ending a paragraph's line: Pandoc's of a `<br>`
        // opening the heading's paragraph) is no text.
        let text = format!("<div>\n\n{table}\n\n\\\n四、政府信息公开行政复议、行政诉讼情况\n\n{table}\n</div>\n");
        assert_eq!(
            lines_marked(&text, false),
            format!("<div>\n\n{table}\n\n<br>\n四、政府信息公开行政复议、行政诉讼情况<br>\n\n{table}\n</div>\n")
        );
        // So too where the line ends in `\r` (a text with CRLF line ends) or spaces.
        for end in ["\r", "  "] {
            let text = text.replace("\\\n", &format!("\\{end}\n"));
            assert!(lines_marked(&text, false).contains("\n\n<br>\n四、"), "{end:?}");
        }
        // A line break inside a table is the table's.
        let split = "a\n<TABLE>\n<tr><td>1</td>\n</tr></table>\nb";
        assert_eq!(
            lines_marked(split, true),
            "a<br>\n<TABLE>\n<tr><td>1</td>\n</tr></table><br>\nb"
        );
        // Not a page: no table, or too few cells to be one of the report's, or a tag's
        // name only beginning like one.
        assert_eq!(embedded_tables("规章\t0\t0\t0\n<5件\n"), None);
        assert_eq!(embedded_tables("a\n<table><tr><td>1</td></tr></table>"), None);
        assert_eq!(embedded_tables(&md.replace("<td>", "<tdx>")), None);
        assert_eq!(embedded_tables(&md.replace("<table>", "<tablet>")), None);
    }

    /// Pandoc's GitHub Markdown of a page opens with the page's `<div>`, its paragraphs of
    /// Markdown between the blocks (a heading in a styled `<span>` among them): they stay
    /// lines, so the heading is found (read as a page, the paragraphs ran together and the
    /// first table's heading was lost). A whole page, or a fragment whose text stands in its
    /// blocks' tags, is read as HTML.
    #[test]
    fn markdown_paragraphs_among_a_fragments_blocks_stay_lines() {
        let table = "<table>\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n<tr><td>规章</td><td>3</td><td>1</td><td>12</td></tr>\n</table>";
        let gfm = format!(
            "<div class=\"header\">\n\n[首页](/) \\> 年度报告\n\n</div>\n\n<div class=\"content\">\n\n# 某某县财政局2022年政府信息公开工作年度报告\n\n一、总体情况\n\n本机关主动公开信息120条。\n\n**<span style=\"font-family: 黑体\">二、主动公开政府信息情况</span>**\n\n{table}\n\n</div>\n"
        );
        assert!(markdown_among_blocks(&gfm));
        assert!(lines_marked(&gfm, false)
            .contains("\n**<span style=\"font-family: 黑体\">二、主动公开政府信息情况</span>**<br>\n"));
        let o = process_bytes("r.txt", gfm.as_bytes(), &Limits::default());
        assert_eq!(o.agency.as_deref(), Some("某某县财政局"));
        assert!(values(&o).contains(&(
            Table::ActiveDisclosure,
            "rules",
            "in_force",
            Some(12.0),
            CellStatus::Reported
        )));
        assert!(!markdown_among_blocks(&format!("<html><body>\n{gfm}")));
        assert!(!markdown_among_blocks(
            "<div>\n\n<p>一、总体情况</p>\n\n<p>二、主动公开</p>\n\n<p>三、收到</p>\n\n</div>\n"
        ));
        assert!(inline_tags_only("**<span style=\"a\">二、</span>**<font>x</font><br>"));
        assert!(!inline_tags_only("<p>二、主动公开</p>"));
    }

    /// Pandoc's Markdown keeps a styled span's attributes after its text in brackets: the
    /// text alone is read; brackets of other kinds stay.
    #[test]
    fn pandocs_bracketed_spans_are_their_text() {
        let span = |t: &str| bracketed_spans(std::borrow::Cow::Borrowed(t)).into_owned();
        assert_eq!(
            span("| [（一）予以公开]{style=\"font-size: 12pt;\"}[]{style=\"x\"} | [12]{.c} |"),
            "| （一）予以公开 | 12 |"
        );
        for kept in [
            "【政府信息公开年报】某某局",
            "[年报] 某某局",
            "[首页](/index.html){.nav}",
            "a]{b\nc}",
        ] {
            assert_eq!(span(kept), kept);
        }
    }

    /// pymupdf4llm's Markdown: a cell's line breaks as `<br>`, underlined headings as
    /// `<u>`: the text alone, a `<br>` between digits a space; other `<` stay.
    #[test]
    fn inline_tags_of_markdown_are_no_text() {
        let strip = |t: &str| inline_tags(std::borrow::Cow::Borrowed(t)).into_owned();
        assert_eq!(
            strip("|（二）部分公开（区分处理的，只计这<br>一情形）|3|<br/>|\n# <u>三、收到和处理</u> "),
            "|（二）部分公开（区分处理的，只计这一情形）|3||\n# 三、收到和处理 "
        );
        assert_eq!(strip("|12<br>3|<BR />4|<span style=\"x\">5</span>|"), "|12 3|4|5|");
        for kept in [
            "a < b",
            "<table><tr><td>1</td></tr></table>",
            "<u",
            "<br\n>",
            "<bx>",
            "<a href=\"/\">首页</a>",
        ] {
            assert_eq!(strip(kept), kept);
        }
        assert!(matches!(
            inline_tags(std::borrow::Cow::Borrowed("无标记")),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// pymupdf4llm's row that holds the heading row after it as its cells' second lines:
    /// two rows; a label wrapped in its cell, or an amount's unit, stays.
    #[test]
    fn a_markdown_row_with_the_next_rows_lines_is_two() {
        let rows = |t: &str| rows_at_breaks(std::borrow::Cow::Borrowed(t)).into_owned();
        assert_eq!(
            rows("|行政许可<br>第二十<br>|18<br>条第（六）项<br>|||\n|行政处罚|34|||\n"),
            "|行政许可|18|||\n|第二十<br>|条第（六）项<br>|||\n|行政处罚|34|||\n"
        );
        for kept in [
            "|（二）部分公开（区分处理的，只计这<br>一情形）|3|\n",
            "|政府集中采购|2|39670<br>元|\n",
            "|12<br>3|4|\n",
            "行政许可 18<br>条第（六）项\n",
        ] {
            assert_eq!(rows(kept), kept);
        }
        let text = "二、主动公开政府信息情况\n|信息内容|本年处理决定数量|||\n\
                    |行政许可<br>第二十<br>|18<br>条第（六）项<br>|||\n|信息内容|本年处理决定数量|||\n\
                    |行政处罚|34|||\n|行政强制<br>第二十<br>|0<br>条第（八）项<br>|||\n";
        assert!(inline_tags(std::borrow::Cow::Borrowed(text)).contains("|行政许可|18|||\n|第二十|条第（六）项|||\n"));
    }

    /// Three real crawler dumps (one-line bodies): name, text and the outcome as read.
    fn crawler_dumps() -> Vec<(&'static str, String, FileOutcome)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
        ["001.txt", "003.txt", "008.txt"]
            .into_iter()
            .map(|name| {
                let bytes = std::fs::read(root.join(name)).unwrap();
                let plain = process_bytes(name, &bytes, &Limits::default());
                assert_eq!(plain.status, DocStatus::Ok, "{name}");
                (name, String::from_utf8(bytes).unwrap(), plain)
            })
            .collect()
    }

    /// Asserts that `text`, a crawler dump `name` changed in some `form`, reads as the dump
    /// did (`plain`): the same status, every cell the same.
    fn reads_as(name: &str, form: &str, text: &str, plain: &FileOutcome) {
        let o = process_bytes(name, text.as_bytes(), &Limits::default());
        assert_eq!(o.status, DocStatus::Ok, "{name} {form}");
        assert_eq!(values(&o), values(plain), "{name} {form}");
    }

    /// A crawler dump's one-line body is still one when a tab stands in it (a stray one in
    /// the prose, one between a label and its value, one at each line's end): its cells are
    /// read as without the tabs.
    #[test]
    fn tabs_in_a_crawler_dump_do_not_hide_its_tables() {
        for (name, text, plain) in crawler_dumps() {
            let tabbed: Vec<String> = text
                .split('\n')
                .map(|l| {
                    let l = l.replacen('。', "。\t", 2).replacen("予以公开", "予以公开\t", 1);
                    format!("{l}\t")
                })
                .collect();
            reads_as(name, "tabbed", &tabbed.join("\n"), &plain);
        }
    }

    /// Each fixture `names` (under `tests/fixtures`) read as `damage` makes its text reads as
    /// the fixture: its status and every cell's value.
    fn fixtures_read_alike(names: &[&str], damage: impl Fn(&str) -> String) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for name in names {
            let text = std::fs::read_to_string(root.join(name)).unwrap();
            let plain = process_bytes(name, text.as_bytes(), &Limits::default());
            let o = process_bytes(name, damage(&text).as_bytes(), &Limits::default());
            assert_eq!(o.status, plain.status, "{name}");
            assert_eq!(values(&o), values(&plain), "{name}");
        }
    }

    /// A PDF's text (with and without its layout, a Word document's) and a page's lines with
    /// a space and a tab after every line: the tabs are layout, not an empty cell after each
    /// line's (each number read as a cell and an empty one before); read as without them. A
    /// text whose cells stand apart by tabs keeps its own (lines stay lines).
    #[test]
    fn a_tab_after_every_line_of_an_untabbed_text_is_layout() {
        fixtures_read_alike(
            &[
                "converted/full_2021_pdftotext.txt",
                "converted/full_2019_word_pdftotext_layout.txt",
                "converted/zeros_blank_2021_plumber.txt",
                "converted/blank_totals_2021_get_text.txt",
            ],
            |text| {
                let tabbed: Vec<String> = text.split('\n').map(|l| format!("{l} \t ")).collect();
                tabbed.join("\n")
            },
        );
        assert_eq!(forms::trailing_tabs("a \t\n\nb\t\r\nc\t").as_deref(), Some("a\n\nb\nc"));
        // A tab between cells, or too few lines ending with one: no change.
        assert_eq!(forms::trailing_tabs("a\tb\t\nc\t\nd\t"), None);
        assert_eq!(forms::trailing_tabs("a\t\nb\nc\t"), None);
        assert_eq!(forms::trailing_tabs("a\nb"), None);
    }

    /// A PDF's text and a page's paragraphs with every line indented (two ideographic spaces
    /// before every third, two spaces before the others): each line's indent was read as an
    /// empty cell before its characters, a row's numbers apart from their empty cells (`  ２８６`
    /// / `  ２２` …: 79% of `full_2021_pdftotext`'s cells read); read as without it. A text with
    /// its layout kept, or whose lines are not all indented, keeps its own.
    #[test]
    fn an_indent_before_every_line_is_no_empty_cell() {
        fixtures_read_alike(
            &[
                "converted/full_2021_pdftotext.txt",
                "converted/018_word_pdftotext.txt",
                "converted/zeros_blank_2019_paragraphs_spaces.txt",
            ],
            |text| {
                let indented: Vec<String> = text
                    .split('\n')
                    .enumerate()
                    .map(|(i, l)| format!("{}{l}", if i % 3 == 0 { "\u{3000}\u{3000}" } else { "  " }))
                    .collect();
                indented.join("\n")
            },
        );
        assert_eq!(
            forms::indented_lines("  a\n\u{3000}\u{3000}b\n \n  \tc").as_deref(),
            Some("a\nb\n\n\tc")
        );
        // Lines not all indented, or a layout's columns: no change.
        assert_eq!(forms::indented_lines("  a\nb\n  c"), None);
        assert_eq!(forms::indented_lines(" a\n b"), None);
        let layout = "  规章     0     0     0\n".repeat(6);
        assert_eq!(forms::indented_lines(&layout), None);
    }

    /// A PDF's large numbers a narrow cell broke at their thousands separator (`17,` / `929`,
    /// `82` / `,036.6024`): read whole, as printed on one line (929 and 36.6024, or 17 and
    /// 82, before: wrong, and said only by the report's other warning). A Markdown row's
    /// number so broken likewise (`|行政处罚|8` / `,538|||`).
    #[test]
    fn a_number_broken_at_its_thousands_separator_is_read_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let name = "converted/thousands_2021_word_pdftotext.txt";
        let text = std::fs::read_to_string(root.join(name)).unwrap();
        assert!(text.contains("17,929") && text.contains("82,036.6024"));
        let plain = process_bytes(name, text.as_bytes(), &Limits::default());
        for (a, b) in [("17,\n929", "82,\n036.6024"), ("17\n,929", "82\n  ,036.6024")] {
            let cut = text.replace("17,929", a).replace("82,036.6024", b);
            let o = process_bytes(name, cut.as_bytes(), &Limits::default());
            assert_eq!(values(&o), values(&plain), "{a}");
        }
        assert_eq!(
            forms::thousands_broken("|行政处罚|8\t \n,538|||\n规章").as_deref(),
            Some("|行政处罚|8,538|||\n\n规章")
        );
        // No number's piece: prose, a year, a cell of its own after a whole number, CSV.
        for text in [
            "申请17,\n929件",
            "17,\n2019年",
            "1,234\n567",
            "0,0,0,\n100,0,0",
            "12\n，345",
        ] {
            assert_eq!(forms::thousands_broken(text), None, "{text}");
        }
    }

    /// `text` with a space between every two characters `between` picks.
    fn spaced_between(text: &str, between: impl Fn(char, char) -> bool) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        let mut prev = None;
        for c in text.chars() {
            if prev.is_some_and(|p| between(p, c)) {
                out.push(' ');
            }
            out.push(c);
            prev = Some(c);
        }
        out
    }

    /// A text letter-spaced whole (a space between every two ideographs, as a PDF's text
    /// whose characters were set apart gives): its title, run on with the page's other text
    /// on a line (`…浏 览 次 数：1690 某 某 县 生 态 环 境 局2020年 政 府 …报 告`), names its
    /// agency, and its cells read as without the spaces. A text with a space between some
    /// cells is no such text.
    #[test]
    fn a_letter_spaced_text_reads_as_without_its_spaces() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for name in [
            "converted/pymupdf4llm_2020.txt",
            "converted/zeros_blank_2025_get_text_one_line.txt",
            "seeds/001_048cfcac86dd0fa1.txt",
        ] {
            let text = std::fs::read_to_string(root.join(name)).unwrap();
            let plain = process_bytes(name, text.as_bytes(), &Limits::default());
            assert!(plain.agency.is_some(), "{name}");
            let spaced = spaced_between(&text, |a, b| cjk(a) && cjk(b));
            let o = process_bytes(name, spaced.as_bytes(), &Limits::default());
            assert_eq!((&o.agency, o.year), (&plain.agency, plain.year), "{name}");
            assert_eq!(values(&o), values(&plain), "{name}");
        }
        assert_eq!(forms::letter_spacing("自然人 法人或其他组织 总计\n规章 0"), None);
        let spaced = "某 某 县 教 育 局 政 府 信 息 公 开 工 作 年 度 报 告 2020年 1 月\n".repeat(2);
        assert_eq!(
            forms::letter_spacing(&spaced).as_deref(),
            Some("某某县教育局政府信息公开工作年度报告 2020年 1 月\n".repeat(2).as_str())
        );
    }

    /// White space between the characters of a crawler dump's text (a space after every
    /// Chinese character, as a page of one span per character gives; ideographic spaces in
    /// its section headings, as a justified heading gives) changes no cell.
    #[test]
    fn spaces_between_characters_do_not_hide_a_crawler_dumps_tables() {
        let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for (name, text, plain) in crawler_dumps() {
            let spaced = spaced_between(&text, |a, b| cjk(a) && cjk(b));
            let mut justified = text.clone();
            for h in [
                "主动公开政府信息情况",
                "收到和处理政府信息公开申请情况",
                "行政复议、行政诉讼情况",
            ] {
                let letters: Vec<String> = h.chars().map(String::from).collect();
                justified = justified.replace(h, &letters.join("\u{3000}"));
            }
            for (form, t) in [("spaced", spaced), ("justified", justified)] {
                reads_as(name, form, &t, &plain);
            }
        }
    }

    /// A space between a number and the characters around it (`2019 年`, `156805947.43 元`,
    /// as text extracted from a PDF or typed into a cell has) changes no cell of a crawler
    /// dump: the unit still closes the run and goes with its last number.
    #[test]
    fn spaces_around_numbers_in_a_crawler_dump_change_no_cell() {
        let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for (name, text, plain) in crawler_dumps() {
            let spaced = spaced_between(&text, |a, b| {
                (cjk(a) && b.is_ascii_digit()) || (a.is_ascii_digit() && cjk(b))
            });
            assert_ne!(spaced, text, "{name}");
            reads_as(name, "spaced numbers", &spaced, &plain);
        }
    }

    /// The section some 2023–2025 reports put after the review table, 信息处理费收取情况 (a
    /// table of its own), numbered or not, worded so or otherwise, letter-spaced or not, does
    /// not run its numbers into the review table's: every cell is read as without it.
    #[test]
    fn the_fee_section_after_the_review_table_ends_it() {
        for (name, text, plain) in crawler_dumps() {
            let at = text.rfind("五、存在的主要问题").unwrap();
            for heading in ["五、信息处理费收取情况", "信息处理费收取情况", "政府信息公开处理费情况"]
            {
                let fee = format!("{heading}通知收取件数通知收取金额（元）实际收取金额（元）3150150");
                reads_as(name, heading, &format!("{}{fee}{}", &text[..at], &text[at..]), &plain);
                // And on lines of their own, as a page's table gives them.
                let lines = format!(
                    "{}\n{heading}\n通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n3\t150\t150\n{}",
                    &text[..at],
                    &text[at..]
                );
                reads_as(name, &format!("{heading} lines"), &lines, &plain);
                // And as a Markdown table's rows (`| 通知收取件数 | … |`).
                let bars = format!(
                    "{}\n{heading}\n| 通知收取件数 | 通知收取金额（元） | 实际收取金额（元） |\n| 3 | 150 | 150 |\n{}",
                    &text[..at],
                    &text[at..]
                );
                reads_as(name, &format!("{heading} bars"), &bars, &plain);
                // And letter-spaced, as a text of spans may be (`通 知 收 取 件 数`).
                let spaced = format!(
                    "{}{}{}",
                    &text[..at],
                    spaced_between(&fee, |a, b| !a.is_ascii_digit() && !b.is_ascii_digit()),
                    &text[at..]
                );
                reads_as(name, &format!("{heading} letter-spaced"), &spaced, &plain);
            }
        }
    }

    /// The sections after the tables worded as no template words them (`五、当前存在的突出
    /// 问题`, `六、下一步改进举措`, `七、其他需说明事项`, a real report's), their prose with
    /// numbers in it: the review table ends at the first, its numbers its own.
    #[test]
    fn a_section_after_the_tables_worded_otherwise_ends_them() {
        for (name, text, plain) in crawler_dumps() {
            let at = text.rfind("五、存在的主要问题").unwrap();
            let after = text[at..]
                .replace(
                    "五、存在的主要问题及改进情况",
                    "五、当前存在的突出问题过去一年中，按国办函〔2020〕109号规定",
                )
                .replace(
                    "六、其他需要报告的事项",
                    "六、下一步改进举措一是优化。七、其他需说明事项",
                )
                .replace("存在的主要问题", "突出问题");
            for sep in ["", " ", "\u{3000}"] {
                reads_as(
                    name,
                    &format!("{sep:?}"),
                    &format!("{}{sep}{after}", &text[..at]),
                    &plain,
                );
            }
        }
    }

    /// A double or ideographic space between a label and its row's digits run together
    /// (`总计  000000000000000`, as a stray space beside the crawler's one gives) changes no
    /// cell: digits with a leading zero are no one number, set apart or not.
    #[test]
    fn a_double_space_before_a_run_of_digits_changes_no_cell() {
        let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for (name, text, plain) in crawler_dumps() {
            for space in ["  ", "\u{3000}"] {
                let mut t = String::with_capacity(text.len() * 2);
                let cs: Vec<char> = text.chars().collect();
                for (i, &c) in cs.iter().enumerate() {
                    let run = cs[i..].iter().take_while(|d| d.is_ascii_digit()).count();
                    if c == '0' && run > 1 && i > 0 && cjk(cs[i - 1]) {
                        t.push_str(space);
                    }
                    t.push(c);
                }
                assert_ne!(t, text, "{name}");
                reads_as(name, &format!("{space:?}"), &t, &plain);
            }
        }
    }

    /// A crawler dump that kept its paragraphs' line breaks (each table's cells still run
    /// together, on a line of its own or after its heading) gives the one-line dump's
    /// numbers. (A row on a line of its own may be read less well: `230 000023` alone
    /// does not split into seven values, and the row's values are then inferred.)
    #[test]
    fn a_crawler_dump_with_paragraph_breaks_is_read_as_the_one_line_dump() {
        for (name, text, plain) in crawler_dumps() {
            let (head, body) = text.split_at(text.find("====\n").unwrap() + 5);
            // Paragraphs, and a line break before each numbered heading or row (一、…).
            let mut before_numbers = body.replace('。', "。\n");
            for n in "一二三四五六七八九十".chars() {
                before_numbers = before_numbers.replace(&format!("{n}、"), &format!("\n{n}、"));
            }
            // And the numbered headings on lines of their own, the tables after them.
            let headings: String = before_numbers
                .split('\n')
                .map(|l| {
                    let end = ["政府信息情况", "申请情况", "诉讼情况", "诉讼的情况"]
                        .iter()
                        .filter_map(|p| l.find(p).map(|at| at + p.len()))
                        .find(|&end| end <= 120);
                    match end {
                        Some(end) => format!("{}\n{}\n", &l[..end], &l[end..]),
                        None => format!("{l}\n"),
                    }
                })
                .collect();
            for (form, body) in [("numbers", before_numbers), ("headings", headings)] {
                let o = process_bytes(name, format!("{head}{body}").as_bytes(), &Limits::default());
                let (got, want) = (values(&o), values(&plain));
                let same = |g: &CellValue, w: &CellValue| {
                    (g.0, g.1, g.2, g.3) == (w.0, w.1, w.2, w.3)
                        && (g.4 == w.4 || (g.4, w.4) == (CellStatus::Inferred, CellStatus::Reported))
                };
                let differ: Vec<_> = got.iter().zip(&want).filter(|(g, w)| !same(g, w)).take(3).collect();
                assert!(
                    got.len() == want.len() && differ.is_empty(),
                    "{name} {form}: {} cells for {}, {differ:?}",
                    got.len(),
                    want.len()
                );
                // Partial where a row's values were inferred rather than read.
                assert!(matches!(o.status, DocStatus::Ok | DocStatus::Partial), "{name} {form}");
                assert_eq!((o.agency, o.year), (plain.agency.clone(), plain.year), "{name} {form}");
            }
        }
    }

    /// A crawler dump broken at its sentences and before its numbered headings, whose
    /// section after the tables is worded as no template words it, its heading run into
    /// its first paragraph on one line (`五、当前存在的突出问题过去一年中，按国办函〔2020〕
    /// 109号规定…`): the review table ends there, its run not joined to that line's numbers.
    /// Every line of such a dump with a heading in it is cut at the heading, not the long
    /// ones alone.
    /// And a table's heading without its 情况, a no-break space between it and its prose
    /// (`二、主动公开政府信息\u{a0}通过运用…`): read as the dump is.
    #[test]
    fn a_crawler_dump_broken_at_its_sentences_reads_as_the_one_line_dump() {
        for (name, text, plain) in crawler_dumps() {
            let (head, body) = text.split_at(text.find("====\n").unwrap() + 5);
            let worded = body.replacen(
                "五、存在的主要问题及改进情况",
                "五、当前存在的突出问题过去一年中，按国办函〔2020〕109号规定",
                1,
            );
            let mut sentences = worded.replace('。', "。\n");
            for n in "一二三四五六七八九十".chars() {
                sentences = sentences.replace(&format!("{n}、"), &format!("\n{n}、"));
            }
            reads_as(name, "sentences", &format!("{head}{sentences}"), &plain);
            // Broken at its sentences and around the review table's heading alone: the
            // section after it, worded otherwise, runs into the table's values on their line.
            let review = [
                "四、政府信息公开行政复议、行政诉讼情况",
                "四、因政府信息公开申请行政复议、行政诉讼情况",
            ]
            .into_iter()
            .find(|h| worded.contains(h))
            .expect("a review heading");
            let apart = worded
                .replace('。', "。\n")
                .replacen(review, &format!("\n{review}\n"), 1);
            assert!(!apart.contains("\n五、当前"), "{name}");
            reads_as(name, "review heading apart", &format!("{head}{apart}"), &plain);
            // Broken at its sentences alone, a sentence after the applications table's heading
            // (as jjf2024's: `三、收到和处理政府信息公开申请情况2024年，共收到…3条。`): the heading
            // runs into the line of the table before it, a line too short to be told as a
            // dump's (the dump is told by the next, the applications table's run into the
            // review table's), unnumbered too.
            for (form, heading) in [("a sentence", "三、收到和处理"), ("unnumbered", "收到和处理")] {
                let sentences = body
                    .replacen(
                        "三、收到和处理政府信息公开申请情况",
                        &format!("{heading}政府信息公开申请情况本年共收到政府信息公开申请。"),
                        1,
                    )
                    .replace('。', "。\n");
                reads_as(name, form, &format!("{head}{sentences}"), &plain);
            }
            let prose = "主动公开政府信息\u{a0}通过运用微信公众号等多种方式进行立体式、多方位解读，注重发挥专家学者作用，提升解读准确性。";
            let bare = body.replacen("主动公开政府信息情况 ", prose, 1).replacen(
                "主动公开政府信息情况第",
                &format!("{prose}第"),
                1,
            );
            assert_ne!(bare, body, "{name}");
            reads_as(name, "bare heading", &format!("{head}{bare}"), &plain);
        }
    }

    /// A cell of a crawler dump is reported at the line of the file where it stands: the
    /// one line of the body (not a line of the text broken at its headings, which the file
    /// does not have), and in a dump that kept its paragraphs' line breaks, the line that
    /// prints its number.
    #[test]
    fn a_crawler_dumps_cells_stand_at_the_files_lines() {
        for (name, text, plain) in crawler_dumps() {
            let head = &text[..text.find("====\n").unwrap() + 5];
            let body_line = head.matches('\n').count() as u32 + 1;
            let lines = text.lines().count() as u32;
            assert!(plain.cells.iter().all(|c| c.line == body_line), "{name}");
            assert!(
                plain.diagnostics.iter().all(|d| d.line.is_none_or(|l| l <= lines)),
                "{name}"
            );
            // The body's paragraphs on lines of their own: each number stands on its line.
            let broken = format!("{head}{}", text[head.len()..].replace('。', "。\n"));
            let o = process_bytes(name, broken.as_bytes(), &Limits::default());
            let lines: Vec<&str> = broken.lines().collect();
            for c in o.cells.iter().filter(|c| c.status == model::CellStatus::Reported) {
                let line = lines[c.line as usize - 1];
                assert!(line.contains(c.raw.as_str()), "{name}: {c:?} not on line {}", c.line);
            }
        }
    }

    /// An HTML page's cells are reported at the page's lines: a row's where its `<tr>`
    /// starts (real 019, a Word export, spreads each row over some thirty lines; its text
    /// has a line a row).
    #[test]
    fn an_html_pages_cells_stand_at_the_pages_lines() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
        for name in ["018.html", "019.html"] {
            let bytes = std::fs::read(root.join(name)).unwrap();
            let page = String::from_utf8_lossy(&bytes);
            let lines: Vec<&str> = page.lines().collect();
            let o = process_bytes(name, &bytes, &Limits::default());
            assert_eq!(o.status, DocStatus::Ok, "{name}");
            for c in &o.cells {
                let line = lines[c.line as usize - 1];
                assert!(
                    line.contains("<tr"),
                    "{name}: {} {} at line {}: {line:.80}",
                    c.row,
                    c.col,
                    c.line
                );
            }
        }
    }

    /// A page's source written as text with its markup escaped (`&lt;td&gt;`), as a page's
    /// text or as a text of its own, reads as the page does (real 013: nothing read before).
    #[test]
    fn a_pages_markup_escaped_reads_as_the_page() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
        let page = std::fs::read_to_string(root.join("013.html"))
            .unwrap()
            .replace("\\\"", "\"");
        let plain = process_bytes("013.html", page.as_bytes(), &Limits::default());
        assert_eq!(plain.status, DocStatus::Ok);
        let escaped = page.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let in_page = format!("<html><body><div class=\"content\">{escaped}</div></body></html>");
        // Escaped as numbered references: read as the page's text, then as a page.
        let numbered = page.replace('&', "&amp;").replace('<', "&#60;").replace('>', "&#62;");
        let numbered = format!("<html><body><div class=\"content\">{numbered}</div></body></html>");
        assert_eq!(markup_escaped(&numbered), None);
        for (name, text) in [
            ("a.html", in_page.as_str()),
            ("a.txt", escaped.as_str()),
            ("b.html", &numbered),
        ] {
            let o = process_bytes(name, text.as_bytes(), &Limits::default());
            assert_eq!(
                (o.agency.as_deref(), o.year),
                (plain.agency.as_deref(), plain.year),
                "{name}"
            );
            assert_eq!(values(&o), values(&plain), "{name}");
        }
        // Not a page: a text citing a tag or two.
        assert_eq!(markup_escaped("规章 &lt;td&gt; 1"), None);
    }

    /// A page's tables made a Word document and put into text a paragraph a cell (docx2txt,
    /// as textract reads `.docx`): its empty cells paragraphs of a no-break space, the places
    /// its merged label cells take in the rows below them empty paragraphs. It reads as the
    /// page does (real 013: 120 cells left out before).
    #[test]
    fn a_word_documents_table_a_paragraph_a_cell_reads_as_its_page() {
        reads_as_real_013("converted/013_docx2txt.txt");
    }

    /// A converted fixture of real 013 reads whole, every cell as the page's.
    fn reads_as_real_013(fixture: &str) {
        reads_as_page("real/013.html", fixture);
    }

    /// The fixture `fixture` reads as the page `page` (both under `tests/fixtures`).
    fn reads_as_page(page: &str, fixture: &str) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let html = std::fs::read(root.join(page)).unwrap();
        let text = std::fs::read(root.join(fixture)).unwrap();
        let html = process_bytes("page.html", &html, &Limits::default());
        let text = process_bytes("page.txt", &text, &Limits::default());
        assert_eq!(text.status, DocStatus::Ok, "{fixture}");
        assert_eq!(values(&text), values(&html), "{fixture}");
    }

    /// A Word document read by python-docx: a row's cells apart by tabs, a merged cell's
    /// text in each place it spans (`行政许可\t20\t+17\t+17\t37`), a header cell's line
    /// breaks kept (`信息内容\t本年新` / `制作数量\t本年新` / …); by its commonest recipe,
    /// the paragraphs first and every table after them, the headings apart from their
    /// tables. Each reads as its page.
    #[test]
    fn a_word_documents_tables_read_by_python_docx_read_as_its_page() {
        reads_as_page("real/019.html", "converted/019_python_docx.txt");
        reads_as_real_013("converted/013_python_docx_tables_last.txt");
        let head = "第二十条第（五）项\t第二十条第（五）项\t第二十条第（五）项\n\
                    信息内容\t上一年项目数量\t本年增/减\t本年增/减\t处理决定数量\n";
        let text = format!("{head}行政许可\t20\t+17\t+17\t37\n");
        assert_eq!(tab_repeats(&text), Some(format!("{head}行政许可\t20\t+17\t37\n")));
        // Cells apart by bars (`' | '.join(cells)`) likewise.
        let bars = tab_repeats(&text.replace('\t', " | ")).unwrap();
        assert!(bars.ends_with("\n行政许可 | 20 | +17 | 37\n"), "{bars}");
        // (Looked at only where the first table's heading row is written in each place.)
        assert_eq!(tab_repeats(&text.replace("\t第二十条第（五）项", "\t")), None);
        let broken = "第二十条第（一）项\t第二十条第（一）项\t第二十条第（一）项\t第二十条第（一）项\n\
                      信息内容\t本年新\n制作数量\t本年新\n公开数量\t本年新\n公开数量\t对外公开\n规章\t13\t13\t13\t524\n";
        let once = tab_repeats(broken).unwrap();
        assert!(once.ends_with("\n公开数量\t对外公开\n规章\t13\t13\t524\n"), "{once}");
        // Equal numbers under different headers stay; no repeated header, no change.
        let rows = "第二十条\t第二十条\n规章\t本年\t本年\n规章\t1\t2\n";
        assert_eq!(tab_repeats(rows), None);
        assert_eq!(
            tab_repeats(&rows.replace("本年\t本年", "制作\t公开").replace("2\n", "1\n")),
            None
        );
    }

    /// Every applications cell of fixture `converted/NAME` as its truth file has it, and its
    /// identities hold; the fixture's outcome.
    fn applications_as_truth(name: &str) -> FileOutcome {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/converted");
        let o = process_bytes(name, &std::fs::read(root.join(name)).unwrap(), &Limits::default());
        let truth: serde_json::Value =
            serde_json::from_slice(&std::fs::read(root.join(name.replace(".txt", ".truth.json"))).unwrap()).unwrap();
        for group in ["requests", "outcomes"] {
            for (key, cells) in truth[group].as_object().unwrap() {
                let expected: Vec<Option<f64>> = cells.as_array().unwrap().iter().map(|v| v.as_f64()).collect();
                let read: Vec<Option<f64>> = o
                    .cells
                    .iter()
                    .filter(|c| c.table == template::Table::Applications && c.row == key)
                    .map(|c| c.value)
                    .collect();
                assert_eq!(read, expected, "{name} {key}: {:?}", o.diagnostics);
            }
        }
        assert_eq!(o.identities_ok, Some(true), "{name}");
        o
    }

    /// That `o` has a diagnostic `code` whose message holds `text`.
    fn assert_said(o: &FileOutcome, code: Code, text: &str) {
        assert!(
            o.diagnostics.iter().any(|d| d.code == code && d.message.contains(text)),
            "{}: {:?}",
            o.path,
            o.diagnostics
        );
    }

    /// LibreOffice's PDF of an ordinary agency's page read by pdftotext without `-layout`:
    /// the applications rows' labels apart from their numbers, 予以公开's first number on its
    /// label's line, and a quiet year's rows of zeros, which fit many alignments: the search
    /// of the numbers' order finds the reading but runs past its steps proving no other
    /// fits. The reading it found is kept, flagged as not proven the only one (its rows were
    /// left out before).
    #[test]
    fn a_reading_found_before_the_search_gave_up_is_kept_and_flagged() {
        let o = applications_as_truth("full_2019_libreoffice_pdftotext_zero_rows.txt");
        assert_said(&o, Code::AmbiguousRow, "not proven the only one");
    }

    /// LibreOffice's PDFs of large agencies' pages read by pdftotext without `-layout`: rows'
    /// first numbers among the labels' block before the numbers of a row that waits before
    /// them (部分公开's `784`, 属于国家秘密's `6`, … before 上年结转's last three zeros), and
    /// rows' first two standing before their others together (`0` `0` after 上年结转's
    /// label, `11018 243` on 予以公开's line). Both tables were left out before (flagged).
    #[test]
    fn first_numbers_in_another_order_or_two_at_a_time_are_read() {
        for name in [
            "full_2023_libreoffice_pdftotext_firsts_out_of_order.txt",
            "full_2022_libreoffice_pdftotext_firsts_in_twos.txt",
        ] {
            assert_said(
                &applications_as_truth(name),
                Code::MissingValues,
                "apart from their others",
            );
        }
    }

    /// A page's text taken whole (BeautifulSoup's `get_text()`) of a report that leaves its
    /// zeros empty: a row's cells run together, each empty cell a no-break space of its own
    /// (`（一）予以公开2528␣␣1761`: 25, 28, two empty cells, 1, 7, 61). Each such space is an
    /// empty cell in its place, and the runs between them are cut around them: every cell
    /// as the page has it (115 left out before), with a 小计 column too.
    #[test]
    fn a_pages_text_taken_whole_keeps_its_empty_cells_in_place() {
        applications_as_truth("zeros_blank_2021_get_text_nbsp.txt");
        applications_as_truth("zeros_blank_subtotal_2019_get_text_nbsp.txt");
        applications_as_truth("zeros_blank_2025_get_text_one_line.txt");
        // Spaces as tabs, n + 1 between cells and n at the line's end; the indent stays; a
        // line with none beside a digit and not ending with empty cells stays.
        let text = "数量64\u{a0}\u{a0}\u{a0}5915\n秘密1\u{a0}\u{a0}01\n政务\u{a0}公开\n\u{a0}\u{a0}总计3\u{a0}\u{a0}\n";
        assert_eq!(
            nbsp_glued(text).as_deref(),
            Some("数量64\t\t\t\t5915\n秘密1\t\t\t01\n政务\u{a0}公开\n\u{a0}\u{a0}总计3\t\t\n")
        );
        // Not where fewer than three rows show it, nor where cells stand behind tabs.
        assert_eq!(nbsp_glued(&text.replace("总计3", "总计")), None);
        assert_eq!(nbsp_glued(&format!("{text}a\tb\n")), None);
        // A crawler's no-break spaces that are its spacing, not empty cells (`数量230␣000023`,
        // 23|0|0|0|0|0|23): the text reads as with spaces.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
        for name in ["001.txt", "007.txt"] {
            let text = std::fs::read_to_string(root.join(name)).unwrap();
            let spaced = process_bytes(name, text.as_bytes(), &Limits::default());
            let nbsp = process_bytes(name, text.replace(' ', "\u{a0}").as_bytes(), &Limits::default());
            assert_eq!(values(&nbsp), values(&spaced), "{name}");
        }
        // A crawler's body on one line: each run of them counts.
        assert_eq!(
            nbsp_glued("数量64\u{a0}\u{a0}5915二、数量\u{a0}3三、1\u{a0}1").as_deref(),
            Some("数量64\t\t\t5915二、数量\t\t3三、1\t\t1")
        );
    }

    /// A page's text with a space between its strings (`get_text(" ")`): a row's label and
    /// cells a space apart, a group's label before the row's (`（六）其他处理 1.申请人无正当
    /// 理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0`, 41 characters before
    /// the numbers: read as a sentence, its numbers with it, 7 cells wrong); where the page
    /// leaves its zeros empty, each empty cell a no-break space between spaces (76 cells
    /// left out before). Both read as the page.
    #[test]
    fn a_pages_text_with_spaces_between_its_strings_reads_as_the_page() {
        applications_as_truth("get_text_spaces_2024.txt");
        applications_as_truth("zeros_blank_2021_get_text_spaces.txt");
        let text = "规章 1 \u{a0} 2\n许可 \u{a0} 3\r\n（一）予以公开 \u{a0} \u{a0}\n本年 工作 5 件\n";
        assert_eq!(
            nbsp_words(text).as_deref(),
            Some("规章\t1\t\t2\n许可\t\t3\r\n（一）予以公开\t\t\n本年 工作 5 件\n")
        );
        assert_eq!(nbsp_words(&text.replace("许可 \u{a0} 3", "许可 3")), None);
    }

    /// A crawler's text of a page that leaves its zeros empty, its white space collapsed
    /// (the whole page one line, each row's empty cells one space: `二、上年结转政府信息公开
    /// 申请数量 3 3`, five empty cells, 3 and 3; `1.属于国家秘密1 1`, 1, five empty cells,
    /// 1). No cut without empty cells adds up; the cuts with one or more at each space (and
    /// before the first number, only where a space stands there) do, and the identities
    /// choose: every cell as the page has it (91 left out and 14 wrong before, flagged).
    #[test]
    fn a_crawlers_runs_with_empty_cells_at_their_spaces_read_as_the_page() {
        applications_as_truth("zeros_blank_2020_crawler_spaces.txt");
        // With a 小计 column (`数量8 161816`: 8, two empty cells, 1, 6, 1, 小计 8, 总计 16), and
        // a space only before the run (`1.属于国家秘密 00`: six empty cells, 0, 0).
        applications_as_truth("zeros_blank_subtotal_2024_crawler_spaces.txt");
    }

    /// A page's text with a tab between its strings (`get_text("\t")`) of a report that
    /// leaves its zeros empty: each line a row, a tab after each cell, each empty cell a
    /// no-break space (`\t四、结转下年度继续办理\t␣\t␣\t␣\t5\t␣\t6\t11\t`). The tab after the
    /// last cell is no cell, and the empty cells stay in their places (the row's 5 was read
    /// one column right, 社会公益组织's as 法律服务机构's, with no warning). A row with one
    /// cell too many is no row of empty cells at its spaces: left out, said.
    #[test]
    fn a_pages_text_with_tabs_between_its_strings_keeps_its_empty_cells_in_place() {
        applications_as_truth("zeros_blank_2021_get_text_tabs.txt");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/converted");
        let text = std::fs::read_to_string(root.join("zeros_blank_2021_get_text_tabs.txt")).unwrap();
        let row = "\t四、结转下年度继续办理\t\u{a0}\t\u{a0}\t\u{a0}\t5\t";
        assert!(text.contains(row));
        let more = text.replace(row, "\t四、结转下年度继续办理\t\u{a0}\t\u{a0}\t\u{a0}\t\u{a0}\t5\t");
        let o = process_bytes("more.txt", more.as_bytes(), &Limits::default());
        let forward: Vec<Option<f64>> = o
            .cells
            .iter()
            .filter(|c| c.row == "carried_forward")
            .map(|c| c.value)
            .collect();
        assert!(forward.iter().all(Option::is_none), "{forward:?}");
        assert!(
            o.diagnostics.iter().any(|d| d.message.contains("carried_forward")),
            "{:?}",
            o.diagnostics
        );
    }

    /// A page's strings joined by bars (or spaces) on one line (`get_text("|", strip=True)`),
    /// the empty cells' strings gone: a string a line, read as a text that keeps no empty
    /// cells (133 cells left out before, read as a crawler's runs). A string of no-break
    /// spaces is an empty cell's line; a line with fewer bars than a page's strings make
    /// stays as written.
    #[test]
    fn a_pages_strings_joined_by_bars_read_a_string_a_line() {
        applications_as_truth("zeros_blank_subtotal_2023_get_text_bars.txt");
        // A space apart (`" ".join(stripped_strings)`), every zero empty: a space is a
        // separator where rows of numbers so apart make up their columns (60 cells left out
        // or wrong before, read as a crawler's collapsed white space).
        applications_as_truth("zeros_blank_subtotal_2023_stripped_strings_spaced.txt");
        let strings: Vec<String> = (0..60).map(|i| format!("{i}")).collect();
        let line = format!("标题|{}| \u{a0} |\n|", strings.join("|"));
        let cut = segment::bar_joined(&format!("上\n{line}")).unwrap();
        let lines: Vec<&str> = cut.text.lines().collect();
        assert_eq!(&lines[..3], ["上", "标题", "0"]);
        // (The line after it, with a bar alone, stays as it is.)
        assert_eq!(lines[lines.len() - 3..], ["59", "\u{a0}", "|"]);
        assert_eq!(cut.source[..2], [1, 2]);
        assert_eq!(cut.source[cut.source.len() - 3..cut.source.len() - 1], [2, 2]);
        assert!(segment::bar_joined(&"| 规章 | 0 | 0 | 0 |\n".repeat(30)).is_none());
    }

    /// The same Word 97 document put into text by LibreOffice: a cell a line, no empty line
    /// between cells, an empty cell a line of a no-break space (an empty line the place of a
    /// merged label cell). It reads as the page does (real 013: 120 cells left out before).
    #[test]
    fn a_word_documents_table_a_cell_a_line_reads_as_its_page() {
        reads_as_real_013("converted/013_libreoffice_text.txt");
        // Lines stay lines; no line of no-break spaces, no change.
        assert_eq!(
            nbsp_cells("a\n\u{a0}\u{a0}\r\n \u{a0}\nb\u{a0}c").as_deref(),
            Some("a\n\t\n\t\nb\u{a0}c")
        );
        assert_eq!(nbsp_cells("a\nb\u{a0}c\n  \n"), None);
    }

    /// A page's tables as comma-separated values (a scraper's `csv.writer` of each `<tr>`'s
    /// cells, the text around them kept): read as the page, its empty cells blank. Lines
    /// stay lines; quoted fields are unquoted; a PDF's numbers with thousands separators,
    /// a sentence's commas and too few rows are no such text.
    #[test]
    fn a_pages_tables_as_comma_separated_values_read_as_its_page() {
        reads_as_real_013("converted/013_csv.txt");
        // As pandas writes them: a merged cell's text in each place it spans.
        reads_as_real_013("converted/013_pandas_csv.txt");
        let header = ["信息内容", "本年新公开数量", "本年新公开数量", "总数"].map(String::from);
        assert_eq!(
            merged_repeats(&header, &["规章", "13", "13", "524"]),
            [false, false, true, false]
        );
        assert_eq!(merged_repeats(&header, &["规章", "13", "12", "524"]), [false; 4]);
        assert_eq!(merged_repeats(&header, &["规章", "13", "13"]), [false; 3]);
        let rows = "规章,0,0,0\n".repeat(8);
        let text =
            format!("标题\n{rows}行政处罚,\"17,929\"\n政府集中采购,2,476.92 万元,\n他说：\"好\"，然后,走了,1,2\n");
        let got = csv_cells(&text).unwrap();
        let lines: Vec<&str> = got.lines().collect();
        assert_eq!(lines.len(), 12, "{got}");
        assert_eq!((lines[0], lines[1]), ("标题", "规章\t0\t0\t0"));
        assert_eq!(lines[9], "行政处罚\t17,929");
        assert_eq!(lines[10], "政府集中采购\t2\t476.92 万元\t");
        assert_eq!(csv_cells(&"规章,0,0,0\n".repeat(7)), None);
        // Numbers of three digits are fields; a PDF's numbers with thousands separators
        // after a label are not.
        assert!(csv_cells(&"行政许可,120,300,450\n".repeat(8)).is_some());
        assert_eq!(csv_cells(&"行政许可 1,234 5 1,239,2,3\n".repeat(9)), None);
        assert_eq!(
            csv_cells(&"全年受理申请33件,答复,31件,其中2件,延期,。\n".repeat(9)),
            None
        );
    }

    /// A converter's Markdown escapes (mammoth's: `\-5`, `279\.4833万元`, `1\.属于国家秘密`)
    /// are the characters they escape; a bar in a table's cell (`\|`) stays escaped.
    #[test]
    fn markdown_escapes_are_their_characters() {
        let text = markdown_escapes("行政强制\n\n\\-5\n\n279\\.4833万元\n1\\.属于\\|a\\\\b".into());
        assert_eq!(text, "行政强制\n\n-5\n\n279.4833万元\n1.属于\\|a\\\\b");
        assert!(matches!(
            markdown_escapes("规章\t0".into()),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// A 2021 report that keeps the 2019 form's first table and fills the 2021 applications
    /// table (社会事业局 2021) is checked, completed and ordered by the applications table's
    /// own template: its three （六） rows, no 2019 （六）其他处理 row inferred beside them;
    /// and one with the 2019 form's applications table is read in it.
    #[test]
    fn each_table_is_checked_in_the_template_it_shows() {
        // A report of the department fixtures, and its applications table's rows.
        let read = |name: &str| {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pingtan");
            let o = process_bytes(name, &std::fs::read(root.join(name)).unwrap(), &Limits::default());
            let rows: Vec<&'static str> = o
                .cells
                .iter()
                .filter(|c| c.table == Table::Applications)
                .map(|c| c.row)
                .collect();
            (o, rows)
        };
        let (o, rows) = read("shs2021.txt");
        assert_eq!(o.template, "2019");
        assert_eq!(o.identities_ok, Some(true));
        assert!(o.diagnostics.iter().any(|d| d.code == diag::Code::TemplateConflict));
        assert!(!o.diagnostics.iter().any(|d| d.code == diag::Code::InferredCell));
        assert!(!rows.contains(&"other"));
        let at = |row: &str| rows.iter().position(|r| *r == row).unwrap();
        assert!(at("not_processed.confirmation_request") < at("other.no_correction"));
        assert!(at("other.other") < at("total") && at("total") < at("carried_forward"));
        // The first table is read in its own (2019) form.
        assert!(o
            .cells
            .iter()
            .any(|c| c.row == "administrative_licensing" && c.col == "previous_year"));

        // And the other way round (综合执法与应急管理局 2021: the 2021 form's first table, the
        // 2019 form's applications table, whose rows hold no marker of their own): its one
        // （六）其他处理 row is read, not lost, and no three 2021 rows are inferred for it.
        let (o, rows) = read("zhz2021.txt");
        assert_eq!(
            (o.template, o.status, o.identities_ok),
            ("2021", DocStatus::Ok, Some(true))
        );
        assert!(rows.contains(&"other") && !rows.iter().any(|r| r.starts_with("other.")));
        assert!(!o
            .diagnostics
            .iter()
            .any(|d| matches!(d.code, diag::Code::InferredCell | diag::Code::UnknownRow)));
    }

    /// Characters that print as nothing (zero-width spaces in labels and numbers, a BOM, a
    /// soft hyphen), white space left HTML-escaped in a text (`&nbsp;`) and line breaks
    /// written as a lone `\r`, U+2028 or `\r\r\n` change no cell.
    #[test]
    fn invisible_characters_and_escaped_spaces_change_no_cell() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let marks = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}'];
        for name in [
            "seeds/001_048cfcac86dd0fa1.txt",
            "real/001.txt",
            "real/015.txt",
            "real/018.html",
        ] {
            let bytes = std::fs::read(root.join(name)).unwrap();
            let plain = process_bytes(name, &bytes, &Limits::default());
            assert!(!plain.cells.is_empty(), "{name}");
            let text = String::from_utf8(bytes).unwrap();
            let damaged = if name.ends_with(".html") {
                vec![text.replace("</td>", "&#8203;</td>").replace("</p>", "\u{200b}</p>")]
            } else {
                let mut t = String::new();
                for (i, c) in text.chars().enumerate() {
                    t.push(c);
                    if i % 3 == 1 && c != '\n' {
                        t.push(marks[i % marks.len()]);
                    }
                }
                let lf = text.replace("\r\n", "\n");
                vec![
                    t.replace(' ', "&nbsp;").replace('\t', "&emsp;\t"),
                    lf.replace('\n', "\r"),
                    lf.replace('\n', "\u{2028}"),
                    lf.replace('\n', "\r\r\n"),
                ]
            };
            for (k, damaged) in damaged.iter().enumerate() {
                let o = process_bytes(name, damaged.as_bytes(), &Limits::default());
                assert_eq!(values(&o), values(&plain), "{name} {k}");
                assert_eq!((&o.agency, o.year), (&plain.agency, plain.year), "{name} {k}");
            }
        }
        // A table of one cell a line, its empty cells a tab alone, in GBK with CRLF line
        // ends: `\r\r\n` is no empty line between them.
        let name = "forms/tab_cells_zeros_blank_2021.txt";
        let bytes = std::fs::read(root.join(name)).unwrap();
        let plain = process_bytes(name, &bytes, &Limits::default());
        let (text, _, _) = encoding_rs::GB18030.decode(&bytes);
        assert!(text.contains("\t\r\n"));
        let o = process_bytes(name, text.replace("\r\n", "\r\r\n").as_bytes(), &Limits::default());
        assert_eq!(values(&o), values(&plain));
        assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
    }

    /// A page's text whose rows' cells ran together, a 小计 among them, with a space between
    /// a row's label and its run (`数量 100242010440140`, on one row or on every row): read as
    /// the rows run into their labels, 小计 and all.
    #[test]
    fn runs_apart_from_their_labels_by_a_space_are_cut_with_their_subtotal() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/converted");
        let name = "subtotal_columns_2021_get_text.txt";
        let text = std::fs::read_to_string(root.join(name)).unwrap();
        let plain = process_bytes(name, text.as_bytes(), &Limits::default());
        assert_eq!(plain.identities_ok, Some(true));
        let one = text.replace("申请数量100242010440140", "申请数量 100242010440140");
        let every: String = text
            .split_inclusive('\n')
            .map(|l| {
                let at = l.find(|c: char| c.is_ascii_digit()).filter(|&at| {
                    l[at..].trim_end().bytes().all(|b| b.is_ascii_digit()) && l[at..].trim_end().len() >= 5
                });
                match at {
                    Some(at) if at > 0 && !l[..at].ends_with(['.', ' ']) => format!("{} {}", &l[..at], &l[at..]),
                    _ => l.to_string(),
                }
            })
            .collect();
        assert!(every.contains("（一）予以公开 331420101750"));
        for damaged in [one, every] {
            let o = process_bytes(name, damaged.as_bytes(), &Limits::default());
            assert_eq!(values(&o), values(&plain));
            assert_eq!(o.identities_ok, Some(true));
        }
    }

    /// A mangled page (`tools/mutate.py --seed 2`) whose first line two tables' headings are
    /// found on (one after the prose's last sentence, the other among its cells): the first
    /// table's region ended at its heading, and the reader sliced backwards (a panic, caught
    /// as `INTERNAL`). Every region now ends after its heading.
    #[test]
    fn two_tables_headings_on_one_line_are_no_panic() {
        let text = "（五）监督保障。将政务公开纳入绩效考核，分值占比4%，全年开展督查2次。 <u>二、主动公开政府信息、收到和处理政府信息<br>|公开申请情况<br>||||申请人情况<br>||||\n\
            |一、本年新收政府信息|公开申请数量|159|58|0|3|9|0|229|\n# <u>三、收到和处理政府信息公开申请情况</u> ";
        let o = process_bytes("mangled.txt", text.as_bytes(), &Limits::default());
        assert!(
            o.diagnostics.iter().all(|d| d.code != Code::Internal),
            "{:?}",
            o.diagnostics
        );
    }

    /// pdfminer's text of a rendered page that reads a block of cells at a time: some rows'
    /// labels stand before the next row's with no numbers of their own, but the tables hold
    /// a number for each of their cells, so none was printed empty. Those rows are left out,
    /// said so, not read as printed blank.
    #[test]
    fn rows_without_numbers_in_a_table_with_a_number_for_each_cell_are_not_blank() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdfminer");
        let name = "full_2019_no_xy_cut.txt";
        let o = process_bytes(name, &std::fs::read(root.join(name)).unwrap(), &Limits::default());
        assert!(o.cells.iter().all(|c| c.status != model::CellStatus::Blank));
        let said = |d: &&diag::Diagnostic| d.message.contains("none was printed empty: its cells were left out");
        let left_out: Vec<&str> = o.diagnostics.iter().filter(said).map(|d| d.message.as_str()).collect();
        assert!(left_out.len() >= 10, "{left_out:?}");
        for m in &left_out {
            let row = m.split("row ").nth(1).and_then(|r| r.split(' ').next()).unwrap();
            assert!(o.cells.iter().all(|c| c.row != row), "{row}");
        }
        // A table whose numbers are fewer than its cells keeps its rows printed blank.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/converted");
        let name = "layout_table_2021_pandoc_plain.txt";
        let o = process_bytes(name, &std::fs::read(root.join(name)).unwrap(), &Limits::default());
        assert!(o.cells.iter().any(|c| c.status == model::CellStatus::Blank));
    }

    /// Pandoc's plain text of a page laid out in a table: each row of its grid tables ends
    /// with the layout's empty cell, eight cells under a header with no 小计. The spare cell
    /// is no 总计 or 小计: a 总计 printed blank stays blank (it was given by the identities).
    #[test]
    fn a_grid_tables_spare_cell_after_its_rows_is_dropped() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/converted");
        let name = "layout_table_2021_pandoc_plain.txt";
        let o = process_bytes(name, &std::fs::read(root.join(name)).unwrap(), &Limits::default());
        let cell = |row: &str, col: &str| {
            o.cells
                .iter()
                .find(|c| c.row == row && c.col == col)
                .map(|c| (c.value, c.status))
        };
        assert_eq!(cell("granted", "total"), Some((None, model::CellStatus::Blank)));
        assert_eq!(
            cell("granted", "natural_person"),
            Some((Some(44.0), model::CellStatus::Reported))
        );
        assert_eq!(
            cell("new_received", "total"),
            Some((Some(137.0), model::CellStatus::Reported))
        );
    }

    /// trafilatura's rows of a page that leaves its zeros empty, padded with a bar to the
    /// table's width: a row under one label cell ends with the pad, and one whose 自然人 is
    /// a zero left empty opens with an empty cell (`二、上年结转… | | 3 | | | 1 | | 4 | |`).
    /// The pad is dropped where the rows' 总计 add up without it; the empty cells are the
    /// row's own, blank.
    #[test]
    fn trafilaturas_padded_rows_with_zeros_left_empty_keep_their_places() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms");
        let name = "trafilatura_rows_zeros_blank_2019.txt";
        let o = process_bytes(name, &std::fs::read(root.join(name)).unwrap(), &Limits::default());
        let row = |key: &str| -> Vec<Option<f64>> {
            o.cells
                .iter()
                .filter(|c| c.table == template::Table::Applications && c.row == key)
                .map(|c| c.value)
                .collect()
        };
        assert_eq!(
            row("carried_over"),
            [None, Some(3.0), None, None, Some(1.0), None, Some(4.0)],
            "{:?}",
            o.diagnostics
        );
        assert_eq!(
            row("withheld.prohibited_by_law"),
            [Some(1.0), None, None, None, None, None, Some(1.0)]
        );
        assert_eq!(o.identities_ok, Some(true));
    }

    /// A table read all but a cell whose text is no number (`两千余万元`) is not read again
    /// as a crawler's dump, whose runs of digits a cell of the row would be cut into
    /// (`51` as 5|1); amounts printed with a yuan sign, 万 alone, a unit in brackets or
    /// 人民币 after it are numbers.
    #[test]
    fn a_table_read_but_for_a_cell_is_not_read_as_a_crawlers_dump() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms");
        let text = std::fs::read_to_string(root.join("markdown_pipes.txt")).unwrap();
        let row = "| 政府集中采购 | 51 | 2087.0313万元 |";
        assert!(text.contains(row));
        let procurement = |amount: &str| {
            let o = process_bytes(
                "r.txt",
                text.replace(row, &format!("| 政府集中采购 | 51 | {amount} |"))
                    .as_bytes(),
                &Limits::default(),
            );
            let get = |col: &str| {
                o.cells
                    .iter()
                    .find(|c| c.row == "centralized_procurement" && c.col == col)
                    .and_then(|c| c.value)
            };
            (get("projects"), get("amount"))
        };
        assert_ne!(procurement("两千余万元").0, Some(5.0));
        for amount in [
            "￥20870313",
            "2087.0313万",
            "2087.0313（万元）",
            "2087.0313万元人民币",
            "约2087.0313万元",
        ] {
            let (projects, got) = procurement(amount);
            assert_eq!(projects, Some(51.0), "{amount}");
            assert!(got.is_some_and(|v| (v - 2087.0313).abs() < 1e-9), "{amount}: {got:?}");
        }
    }

    /// A file holding two reports (a compilation of several agencies' reports, or a page
    /// with its text twice): the first is read as it is alone, and the second set of tables
    /// is flagged where it starts, not read into the first's cells.
    #[test]
    fn tables_standing_again_in_the_file_are_flagged() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms");
        let read = |name: &str| std::fs::read_to_string(root.join(name)).unwrap();
        let values = |o: &FileOutcome| -> Vec<(String, String, Option<f64>)> {
            o.cells
                .iter()
                .map(|c| (c.row.to_string(), c.col.to_string(), c.value))
                .collect()
        };
        for (a, b) in [
            ("markdown_pipes.txt", "bars_blank_totals.txt"),
            ("pdf_text_2021.txt", "pdf_text_2019_signed.txt"),
        ] {
            let first = read(a);
            let alone = process_bytes(a, first.as_bytes(), &Limits::default());
            let both = format!("{first}\n{}", read(b));
            let o = process_bytes(a, both.as_bytes(), &Limits::default());
            assert_eq!(values(&o), values(&alone), "{a}");
            let again: Vec<_> = o
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::TablesRepeated)
                .collect();
            assert_eq!(again.len(), 1, "{a}");
            let at = again[0].line.expect("a line") as usize;
            assert!(at > first.lines().count(), "{a}: {at}");
            assert!(!alone.diagnostics.iter().any(|d| d.code == Code::TablesRepeated), "{a}");
        }
    }

    /// `tools/mutate.py`'s mangling of a fixture, made smaller: ninety-one nines run into a
    /// row's label, its other cells apart by commas. The run's cuts into the row's numbers
    /// were looked at past the file's budget, and the report given up; now at most
    /// `CUT_STEPS` of them are.
    #[test]
    fn a_run_of_ninety_digits_is_cut_within_the_files_budget() {
        let label = "二、上年结转政府信息公开申请数量";
        let text = format!(
            "三、收到和处理政府信息公开申请情况\n{label},{label},{label}{},,2,,,3,,5,5\n三、本年度办理结果,（六）其他处理,（六）其他处理,1,,,,,,0,1",
            "9".repeat(91)
        );
        let o = process_bytes("a.txt", text.as_bytes(), &Limits::default());
        assert_ne!(o.status, DocStatus::Failed, "{:?}", o.diagnostics);
    }

    /// Every stage counts against a file's budget: with a budget of a few steps a report
    /// of each form is given up (`TOO_SLOW`, failed, nothing of it kept but its name, size
    /// and encoding); with the default one it is read.
    #[test]
    fn a_file_over_its_budget_is_given_up_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms");
        for name in ["crawler_2021.txt", "html_gbk_merged_cells.html", "pdf_text_2021.txt"] {
            let bytes = std::fs::read(root.join(name)).unwrap();
            let read = process_bytes(name, &bytes, &Limits::default());
            assert!(!read.cells.is_empty(), "{name}");
            for steps in [0, 10, 100] {
                let tight = Limits {
                    max_file_steps: steps,
                    ..Limits::default()
                };
                let o = process_bytes(name, &bytes, &tight);
                assert_eq!(o.status, DocStatus::Failed, "{name}");
                assert!(o.cells.is_empty() && o.agency.is_none() && o.year.is_none());
                let codes: Vec<&str> = o.diagnostics.iter().map(|d| d.code.as_str()).collect();
                assert_eq!(codes, ["TOO_SLOW"], "{name}");
                assert_eq!((o.doc_id.as_str(), o.bytes), (read.doc_id.as_str(), read.bytes));
            }
        }
    }
}
