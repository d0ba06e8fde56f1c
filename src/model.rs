//! The values that flow between stages: extracted cells and the per-file outcome.

use crate::diag::Diagnostic;
use crate::template::Table;

/// How a cell's value came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellStatus {
    /// The number printed in the report.
    Reported,
    /// The cell is empty in the report.
    Blank,
    /// 不涉及, 无, —, /.
    NotApplicable,
    /// Missing in the text, derived from the identities.
    Inferred,
    /// Text that is not a number.
    Invalid,
}

impl CellStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CellStatus::Reported => "reported",
            CellStatus::Blank => "blank",
            CellStatus::NotApplicable => "not_applicable",
            CellStatus::Inferred => "inferred",
            CellStatus::Invalid => "invalid",
        }
    }
}

/// One table cell of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub table: Table,
    pub row: &'static str,
    pub col: &'static str,
    /// The number; money in 万元.
    pub value: Option<f64>,
    pub status: CellStatus,
    /// The cell's text as printed.
    pub raw: compact_str::CompactString,
    /// 1-based line where the value stands (for inferred cells: the row's or table's line).
    pub line: u32,
}

impl Cell {
    /// A cell printed empty (status `blank`, no value, no text).
    pub fn blank(table: Table, row: &'static str, col: &'static str, line: u32) -> Cell {
        Cell {
            table,
            row,
            col,
            value: None,
            status: CellStatus::Blank,
            raw: Default::default(),
            line,
        }
    }

    /// A row's cells as printed, one a column (`line` 9): for tests.
    #[cfg(test)]
    pub(crate) fn reported_row(table: Table, row: &'static str, cols: &[&'static str], values: &[f64]) -> Vec<Cell> {
        cols.iter()
            .zip(values)
            .map(|(&col, &v)| Cell {
                table,
                row,
                col,
                value: Some(v),
                status: CellStatus::Reported,
                raw: v.to_string().into(),
                line: 9,
            })
            .collect()
    }

    /// The number when the cell carries one (reported or inferred).
    pub fn number(&self) -> Option<f64> {
        match self.status {
            CellStatus::Reported | CellStatus::Inferred => self.value,
            _ => None,
        }
    }
}

/// Document status in `documents.parquet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStatus {
    Ok,
    Partial,
    NoTables,
    Skipped,
    Failed,
}

impl DocStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Ok => "ok",
            DocStatus::Partial => "partial",
            DocStatus::NoTables => "no_tables",
            DocStatus::Skipped => "skipped",
            DocStatus::Failed => "failed",
        }
    }
}

/// Everything learned from one input file: one `documents` row and its cells and
/// diagnostics. Produced for every file, whatever went wrong.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    pub doc_id: String,
    pub path: String,
    pub bytes: i64,
    pub encoding: Option<&'static str>,
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// `2019`, `2021` or `unknown`.
    pub template: &'static str,
    /// Days since 1970-01-01.
    pub published: Option<i32>,
    pub status: DocStatus,
    pub cells: Vec<Cell>,
    pub identities_ok: Option<bool>,
    pub scope: Option<&'static str>,
    /// Where the agency sits (filled by the run from the division table).
    pub place: crate::place::Place,
    pub diagnostics: Vec<Diagnostic>,
    /// The rows whose digits ran together and split more than one way that fits
    /// (`AMBIGUOUS_SPLIT`, the report's text silent): each such split's cells, the one
    /// used first. The run resolves them by the same report's other copy (`twins`), or narrows
    /// them by the same agency's reports of the years around (`years`).
    pub alternatives: Vec<Alternatives>,
}

/// The equally good splits of one row's run of digits, as the row's cells (the one used
/// first).
#[derive(Debug, Clone)]
pub struct Alternatives {
    pub table: Table,
    pub row: &'static str,
    pub splits: Vec<Vec<Cell>>,
    /// The split used was chosen by the same agency's reports of the years around
    /// (`years`): the row is still in doubt (its warning stands), but its neighbours read
    /// it as emitted.
    pub settled: bool,
}

impl FileOutcome {
    /// An outcome with no content yet: the caller fills what it learns.
    pub fn new(doc_id: String, path: String, bytes: i64) -> Self {
        FileOutcome {
            doc_id,
            path,
            bytes,
            encoding: None,
            agency: None,
            year: None,
            template: "unknown",
            published: None,
            status: DocStatus::Failed,
            cells: Vec::new(),
            identities_ok: None,
            scope: None,
            place: crate::place::Place::default(),
            diagnostics: Vec::new(),
            alternatives: Vec::new(),
        }
    }
}
