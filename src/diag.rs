//! Diagnostics: what went wrong in one file, where, and under which stable code.
//!
//! Every stage reports problems as values of [`Diagnostic`] instead of returning errors, so a
//! bad file becomes rows in `diagnostics.parquet` and never stops the run. Codes are stable
//! UPPER_SNAKE names (listed in the README); messages put the place first.

use std::fmt;

/// How bad a diagnostic is. `warning` and `error` mark a document whose numbers need a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($($name:ident => $text:literal, $doc:literal;)*) => {
        /// Stable diagnostic codes. The string form is part of the dataset contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Code { $(#[doc = $doc] $name,)* }

        impl Code {
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $text,)* }
            }

            /// Every code with its one-line meaning, for the README and `ogi codes`.
            pub const ALL: &'static [(Code, &'static str)] = &[$((Code::$name, $doc),)*];
        }
    };
}

codes! {
    Empty => "EMPTY", "the file has no bytes";
    Binary => "BINARY", "the file holds binary data (NUL bytes or a known binary signature)";
    Undecodable => "UNDECODABLE", "the bytes are neither UTF-8, UTF-16 with BOM, nor GB18030; the message names the byte offset";
    InvalidBytes => "INVALID_BYTES", "a few byte sequences fit neither UTF-8 nor GB18030 (a stray byte in a long text); each was read as U+FFFD and the rest of the text as usual; the message names how many and the first offset";
    MixedEncoding => "MIXED_ENCODING", "some lines are UTF-8 and others GB18030 (a crawler's UTF-8 header above a GBK page's bytes, a footer included in another encoding than its page); each line was read in the one it fits; the message names the other encoding's lines";
    Latin1Mojibake => "LATIN1_MOJIBAKE", "the file holds the text's bytes read as Latin-1 (or Windows-1252) and saved as UTF-8, as a crawler that took a page without a charset for Latin-1 saves it (`Õþ¸®ÐÅÏ¢¹«¿ª`); the bytes were read again";
    Traditional => "TRADITIONAL", "the text is in traditional characters (a portal's 繁體 mirror); it was read in simplified ones, and its agency is named in them";
    TruncatedText => "TRUNCATED_TEXT", "the file ends in the middle of a multi-byte character";
    TooLarge => "TOO_LARGE", "the file is larger than `max_file_bytes` and was not parsed";
    TooSlow => "TOO_SLOW", "decoding and parsing the file took more than `max_file_steps` steps; it was given up";
    Unreadable => "UNREADABLE", "the file could not be read (deleted, permissions, I/O error)";
    PathEscaped => "PATH_ESCAPED", "the file name is not UTF-8; its bytes that are not are written as `\\xNN` in `path`";
    Skipped => "SKIPPED", "the file type is not a report format (only .txt, .html, .htm are parsed)";
    NoTitle => "NO_TITLE", "no report title with an agency and a year was found";
    YearConflict => "YEAR_CONFLICT", "the title's year and the year of the statistics' period the report states differ; the year is the one the publication date (the year after) or the summary's first words bear out, else the title's";
    NoTables => "NO_TABLES", "none of the three standard tables was found";
    TableMissing => "TABLE_MISSING", "one of the three standard tables was not found";
    TemplateConflict => "TEMPLATE_CONFLICT", "the tables show markers of both the 2019 and the 2021 template";
    TablesRepeated => "TABLES_REPEATED", "the tables stand again later in the file (another report, as in a compilation of several, or a copy); only the first were read";
    UnknownRow => "UNKNOWN_ROW", "a row label with numbers matched no row of the template";
    RowMissing => "ROW_MISSING", "a template row was not found in its table";
    MissingValues => "MISSING_VALUES", "a row has fewer values than the template has columns";
    ExtraValues => "EXTRA_VALUES", "a row has more values than the template has columns";
    AmbiguousRow => "AMBIGUOUS_ROW", "a row's values could be placed in its columns in several ways the identities cannot tell apart";
    AmbiguousSplit => "AMBIGUOUS_SPLIT", "digits run together (crawler text) split in several ways the identities cannot tell apart; the most plausible split was used";
    GroupRow => "GROUP_ROW", "a row of a group's sums (（三）不予公开 printed with numbers, or a 小计 under it), which the templates do not have; checked against the group's rows and not emitted (a warning when it does not add up)";
    ColumnMissing => "COLUMN_MISSING", "the applications table's header names no column for a kind of applicant (no 科研机构) and every row prints a value fewer (a crawler's rows of zeros a digit fewer): the values were read in the columns the header names, the absent column's cells blank";
    Subtotal => "SUBTOTAL", "an applications row has an eighth column 法人或其他组织小计; it was checked against the organisation columns and not emitted";
    TotalsBlank => "TOTALS_BLANK", "no row of the applications table prints its 总计 though some print numbers other than 0: no row's sum could be checked (a warning), and a column the table added or left out would shift the others unseen";
    InferredCell => "INFERRED_CELL", "a missing cell was derived from the arithmetic identities";
    InvalidValue => "INVALID_VALUE", "a cell holds text that is not a number";
    UnitAssumed => "UNIT_ASSUMED", "an amount carries no unit in its cell or header; 万元 was assumed (元 for a procurement amount it makes plausible)";
    IdentityFailed => "IDENTITY_FAILED", "an arithmetic identity (勾稽关系) does not hold as printed";
    PlaceUnknown => "PLACE_UNKNOWN", "the agency name holds no administrative division of the table (province, prefecture, county stay null)";
    PlaceAmbiguous => "PLACE_AMBIGUOUS", "the agency name fits several divisions equally well (朝阳区 alone); the place was left null, the candidates are named";
    Duplicate => "DUPLICATE", "another file holds a more complete report of the same agency and year; this one is kept out of the derived tables (`duplicate_of`)";
    Internal => "INTERNAL", "the parser panicked on this file (a bug in ogi); the file's other data is lost";
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// 1-based line in the decoded document, when the problem has a place.
    pub line: Option<u32>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code, line: Option<u32>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            line,
        }
    }
    pub fn error(code: Code, line: Option<u32>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, line, message)
    }
    pub fn warning(code: Code, line: Option<u32>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, line, message)
    }
    pub fn info(code: Code, line: Option<u32>, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, line, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(
                f,
                "{l}: {} {}: {}",
                self.severity.as_str(),
                self.code.as_str(),
                self.message
            ),
            None => write!(f, "{} {}: {}", self.severity.as_str(), self.code.as_str(), self.message),
        }
    }
}
