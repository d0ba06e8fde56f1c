//! Outcomes → polars DataFrames, one per output table of DATASET.md. Columns are built
//! from one `Vec` per field. Rows follow the outcomes' order (sorted paths), then template
//! order within a document. The only module besides `write` that knows polars.

use polars::prelude::*;
use rustc_hash::FxHashMap;
use std::io;
use std::ops::Range;
use std::path::Path;

use crate::addr::AddrCache;
use crate::dedup;
use crate::model::{CellStatus, FileOutcome};
use crate::spill::{Get, Log, Put, Records};
use crate::template::{self, Table};

/// Column buffers for every output table: `push` one document after another, take the
/// streamed tables whose buffers are full with [`Frames::full_tables`] and
/// [`Frames::take_table`], the documents with [`Frames::take_documents`]; at the end, once
/// the duplicates are known, the derived tables with [`Frames::derive`].
pub struct Frames {
    docs: Docs,
    pending: PendingDocs,
    cells: Cells,
    diags: Diags,
    /// What the derived tables are made of, kept on disk to the end of the run.
    kept: CellLog,
    /// The `cells` table's codes of each cell kind's table, row and column, by the kind's
    /// number in `kept` (its codes never change): one lookup a cell instead of three.
    cell_codes: Vec<Option<[u8; 3]>>,
    /// One document's cell kinds, for `kept`.
    slots: Vec<u16>,
}

/// Keys every table carries: each row holds an index into the documents of the rows
/// buffered (their doc_id, agency and year, kept once each), so no row allocates and the
/// names live only while their rows are buffered.
#[derive(Default)]
struct Keys {
    doc: Vec<u32>,
    ids: Vec<[u8; 16]>,
    agency: Strs,
    year: Vec<i32>,
    /// The run's number of the last document added, which the next rows may share.
    last: Option<usize>,
}

/// What identifies a document in every table's rows.
struct Key<'a> {
    /// The document's number in the run.
    n: usize,
    id: [u8; 16],
    agency: Option<&'a str>,
    year: i32,
}

impl Keys {
    fn clear(&mut self) {
        self.doc.clear();
        self.ids.clear();
        self.agency.clear();
        self.year.clear();
        self.last = None;
    }
    fn push(&mut self, k: &Key<'_>) {
        if self.last != Some(k.n) {
            self.last = Some(k.n);
            self.ids.push(k.id);
            self.agency.push(k.agency);
            self.year.push(k.year);
        }
        self.doc.push((self.ids.len() - 1) as u32);
    }
    fn len(&self) -> usize {
        self.doc.len()
    }
    /// doc_id, agency and year. doc_id and agency are dictionary-encoded with the frame's
    /// documents as categories (a document's rows are consecutive, so each document is
    /// looked up once).
    fn columns(&self, r: Range<usize>) -> PolarsResult<Vec<Column>> {
        let docs = &self.doc[r];
        let (mut ids, mut agencies) = (Dict::default(), Dict::default());
        let mut id_codes: Vec<u32> = Vec::with_capacity(docs.len());
        let mut agency_codes: Vec<u32> = Vec::with_capacity(docs.len());
        let mut last = None;
        let (mut id, mut agency) = (0, NULL_CODE);
        for &i in docs {
            if last != Some(i) {
                last = Some(i);
                id = ids.code(hex(&self.ids[i as usize]));
                agency = self.agency.get(i as usize).map_or(NULL_CODE, |a| agencies.code(a));
            }
            id_codes.push(id);
            agency_codes.push(agency);
        }
        let year: Vec<Option<i32>> = docs.iter().map(|&i| opt_i32(self.year[i as usize])).collect();
        let year = opt_column::<Int32Type>("year", &year);
        Ok(vec![
            enum_column("doc_id", &ids.cats, &id_codes)?,
            enum_column("agency", &agencies.cats, &agency_codes)?,
            year,
        ])
    }
}

/// A doc_id (16 hex digits) as text.
fn hex(id: &[u8; 16]) -> &str {
    std::str::from_utf8(id).expect("hex digits")
}

/// Strings kept end to end in one buffer: one allocation for a million paths, not one each.
#[derive(Default)]
struct Strs {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
    /// False for a null.
    valid: Vec<bool>,
}

impl Strs {
    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.valid.clear();
    }
    fn push(&mut self, s: Option<&str>) {
        self.text.push_str(s.unwrap_or_default());
        self.ends.push(self.text.len());
        self.valid.push(s.is_some());
    }
    fn get(&self, i: usize) -> Option<&str> {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.valid[i].then(|| &self.text[start..self.ends[i]])
    }
    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// Texts numbered as they are pushed, each distinct one kept once (the cells' raw text:
/// few distinct values, mostly short numbers). A row is a number; a frame's dictionary is
/// made from the numbers, with no text compared or hashed again.
#[derive(Default)]
struct Interned {
    index: FxHashMap<compact_str::CompactString, u32>,
    texts: Vec<compact_str::CompactString>,
    /// The last text pushed and its number: runs of one text skip the lookup.
    last: Option<u32>,
    codes: Vec<u32>,
}

impl Interned {
    fn clear(&mut self) {
        self.index.clear();
        self.texts.clear();
        self.last = None;
        self.codes.clear();
    }
    fn push(&mut self, s: &compact_str::CompactString) {
        let k = match self.last {
            Some(k) if self.texts[k as usize] == *s => k,
            _ => match self.index.get(s.as_str()) {
                Some(&k) => k,
                None => {
                    let k = self.texts.len() as u32;
                    self.index.insert(s.clone(), k);
                    self.texts.push(s.clone());
                    k
                }
            },
        };
        self.last = Some(k);
        self.codes.push(k);
    }
    /// Rows `r` as [`dictionary`] makes them of their texts: an enum column of the texts
    /// they use in order of first use when those are at most half the rows, else plain
    /// strings.
    fn column(&self, name: &str, r: Range<usize>) -> PolarsResult<Column> {
        let codes = &self.codes[r];
        let mut new = vec![u32::MAX; self.texts.len()];
        let mut cats: Vec<&str> = Vec::new();
        let mut ids: Vec<u32> = Vec::with_capacity(codes.len());
        for &c in codes {
            let n = &mut new[c as usize];
            if *n == u32::MAX {
                *n = cats.len() as u32;
                cats.push(&self.texts[c as usize]);
            }
            ids.push(*n);
        }
        if cats.len() > codes.len() / 2 {
            let texts: Vec<&str> = codes.iter().map(|&c| self.texts[c as usize].as_str()).collect();
            return Ok(Column::new(name.into(), texts));
        }
        enum_column(name, &cats, &ids)
    }
}

fn strs_at(s: &Strs, range: std::ops::Range<usize>) -> Vec<Option<&str>> {
    range.map(|i| s.get(i)).collect()
}

/// A column of few distinct static strings, one byte per row.
#[derive(Default)]
struct Codes {
    names: Vec<Option<&'static str>>,
    /// Each name's code by the address and length of the text pushed: a lookup without
    /// comparing text (the same text at two addresses still gets one code).
    by_addr: FxHashMap<(usize, usize), u8>,
    /// The last text pushed (address and length) and its code: runs of one value (a
    /// table's name, a cell's status) skip the lookup.
    last: Option<((usize, usize), u8)>,
    codes: Vec<u8>,
}

impl Codes {
    /// Forgets the rows, not the names and their codes.
    fn clear(&mut self) {
        self.codes.clear();
    }
    fn push(&mut self, v: Option<&'static str>) {
        let k = self.code(v);
        self.codes.push(k);
    }
    /// Pushes a row of the value whose code [`Codes::code`] gave.
    fn push_code(&mut self, k: u8) {
        self.codes.push(k);
    }
    /// The code of `v`, which it gets on its first use.
    fn code(&mut self, v: Option<&'static str>) -> u8 {
        let addr = v.map_or((0, 0), |s| (s.as_ptr() as usize, s.len()));
        if let Some((a, k)) = self.last {
            if a == addr {
                return k;
            }
        }
        let k = match self.by_addr.get(&addr) {
            Some(&k) => k,
            None => {
                let k = match self.names.iter().position(|n| *n == v) {
                    Some(k) => k,
                    None => {
                        self.names.push(v);
                        self.names.len() - 1
                    }
                };
                // 255 at most: an enum column of up to 255 categories has one-byte codes.
                let k = u8::try_from(k)
                    .ok()
                    .filter(|&k| k < u8::MAX)
                    .expect("at most 255 distinct values");
                self.by_addr.insert(addr, k);
                k
            }
        };
        self.last = Some((addr, k));
        k
    }
    fn put(&mut self, v: &'static str) {
        self.push(Some(v))
    }
    fn get(&self, i: usize) -> Option<&'static str> {
        self.names[self.codes[i] as usize]
    }
    /// Rows `r` as a dictionary-encoded (enum) column: its categories are the values those
    /// rows use, in order of first use, so the Parquet writer takes the codes as they are
    /// instead of hashing every row's text.
    fn column(&self, name: &str, r: Range<usize>) -> PolarsResult<Column> {
        let codes = &self.codes[r];
        // The categories in order of first use, and the new code of each old one (a null's
        // stays 0, under a null bit).
        let (mut new, mut seen) = ([0u8; 256], [false; 256]);
        let mut cats: Vec<&str> = Vec::new();
        let mut nulls = false;
        for &c in codes {
            if !seen[c as usize] {
                seen[c as usize] = true;
                match self.names[c as usize] {
                    None => nulls = true,
                    Some(v) => {
                        // At most 255 names (`Codes::code`), so new codes fit in a byte.
                        new[c as usize] = cats.len() as u8;
                        cats.push(v);
                    }
                }
            }
        }
        let ids: Vec<u8> = codes.iter().map(|&c| new[c as usize]).collect();
        let valid = nulls.then(|| {
            codes
                .iter()
                .map(|&c| self.names[c as usize].is_some())
                .collect::<polars_arrow::bitmap::Bitmap>()
        });
        let fcats = FrozenCategories::new(cats.iter().copied())?;
        let dtype = DataType::from_frozen_categories(fcats);
        // polars keeps up to 255 categories in bytes, and a `Codes` has at most 255 names.
        polars_ensure!(
            dtype.cat_physical()? == CategoricalPhysical::U8,
            ComputeError: "{} categories in a column of byte codes", cats.len()
        );
        // SAFETY: every code is below the number of categories (each was given as the
        // category was pushed; a null's 0 is under a null bit).
        Ok(unsafe { u8_enum_column(name, ids, valid, dtype) })
    }
}

/// An enum column of byte codes into `dtype`'s categories.
///
/// # Safety
/// Every code not under a null bit of `validity` is below the number of categories: all
/// that polars' unchecked constructor leaves out (its checked twin looks each code up).
unsafe fn u8_enum_column(
    name: &str,
    ids: Vec<u8>,
    validity: Option<polars_arrow::bitmap::Bitmap>,
    dtype: DataType,
) -> Column {
    CategoricalChunked::<Categorical8Type>::from_cats_and_dtype_unchecked(
        UInt8Chunked::from_vec_validity(name.into(), ids, validity),
        dtype,
    )
    .into_series()
    .into_column()
}

/// The code of a null row in the codes [`enum_column`] takes.
const NULL_CODE: u32 = u32::MAX;

/// An enum column `name` of `cats` (distinct) from each row's index into them
/// (`NULL_CODE`: null), in the width polars gives that many categories.
fn enum_column(name: &str, cats: &[&str], codes: &[u32]) -> PolarsResult<Column> {
    let fcats = FrozenCategories::new(cats.iter().copied())?;
    let dtype = DataType::from_frozen_categories(fcats);
    let phys = dtype.cat_physical()?;
    // Two passes the compiler vectorises, rather than one that stops at the first bad code.
    // The largest code plus one, a null's (u32::MAX) wrapping to 0: at most the number of
    // categories.
    let nulls = codes.contains(&NULL_CODE);
    let top = codes.iter().map(|&c| c.wrapping_add(1)).max().unwrap_or(0);
    polars_ensure!(
        top as usize <= cats.len(),
        ComputeError: "code {} of {} categories", top - 1, cats.len()
    );
    let validity = nulls.then(|| {
        codes
            .iter()
            .map(|&c| c != NULL_CODE)
            .collect::<polars_arrow::bitmap::Bitmap>()
    });
    // SAFETY: every code is below the number of categories (checked above), which is all
    // the unchecked constructor leaves out (its checked twin looks each code up in the
    // mapping).
    let column = unsafe {
        match phys {
            CategoricalPhysical::U8 => u8_enum_column(name, codes.iter().map(|&c| c as u8).collect(), validity, dtype),
            CategoricalPhysical::U16 => CategoricalChunked::<Categorical16Type>::from_cats_and_dtype_unchecked(
                UInt16Chunked::from_vec_validity(name.into(), codes.iter().map(|&c| c as u16).collect(), validity),
                dtype,
            )
            .into_series()
            .into_column(),
            CategoricalPhysical::U32 => CategoricalChunked::<Categorical32Type>::from_cats_and_dtype_unchecked(
                UInt32Chunked::from_vec_validity(name.into(), codes.to_vec(), validity),
                dtype,
            )
            .into_series()
            .into_column(),
        }
    };
    Ok(column)
}

/// A column of `n` strings as an enum column of its distinct values in order of first
/// use, when they are at most half the rows (the Parquet writer then takes the codes as
/// they are instead of hashing every row's text in its own dictionary pass); None when
/// they are more. A value equal to the one before is not looked up again.
fn dictionary<'a>(name: &str, n: usize, values: impl Iterator<Item = Option<&'a str>>) -> PolarsResult<Option<Column>> {
    let mut dict = Dict::default();
    let mut ids: Vec<u32> = Vec::with_capacity(n);
    let mut last: Option<(Option<&str>, u32)> = None;
    for v in values {
        let id = match last {
            Some((prev, id)) if prev == v => id,
            _ => {
                let id = v.map_or(NULL_CODE, |v| dict.code(v));
                if dict.cats.len() > n / 2 {
                    return Ok(None);
                }
                last = Some((v, id));
                id
            }
        };
        ids.push(id);
    }
    enum_column(name, &dict.cats, &ids).map(Some)
}

/// `df` with its string columns dictionary-encoded where that pays (see [`dictionary`]):
/// for frames read back from a Parquet file, which come as plain strings.
pub fn with_dictionaries(df: DataFrame) -> PolarsResult<DataFrame> {
    let n = df.height();
    let mut cols = df.into_columns();
    for c in cols.iter_mut() {
        if c.dtype() == &DataType::String {
            if let Some(d) = dictionary(c.name(), n, c.str()?.iter())? {
                *c = d;
            }
        }
    }
    DataFrame::new(n, cols)
}

/// Distinct strings of a frame's column, numbered in order of first use.
#[derive(Default)]
struct Dict<'a> {
    index: FxHashMap<&'a str, u32>,
    cats: Vec<&'a str>,
}

impl<'a> Dict<'a> {
    fn code(&mut self, s: &'a str) -> u32 {
        let next = self.cats.len() as u32;
        let k = *self.index.entry(s).or_insert(next);
        if k == next {
            self.cats.push(s);
        }
        k
    }
}

/// What the run keeps of every document until the end — what chooses among duplicates
/// and finds the duplicates' rows — as one record each in a scratch file on disk
/// ([`crate::spill`]), and the agencies' names and the paths in two others: memory does
/// not grow with the corpus. The documents table's own rows are in [`PendingDocs`] only
/// until their row group is written.
struct Docs {
    records: Records<DOC_RECORD>,
    names: Log,
    paths: Log,
}

/// Bytes of a document's record: see [`Doc`].
const DOC_RECORD: usize = 16 + 8 + 8 + 4 + 4 + 4 + 4 + 4 + 1 + 4 + 8 + 4;

/// One document's record.
#[derive(Debug, Clone, PartialEq)]
struct Doc {
    id: [u8; 16],
    /// The agency's hash ([`dedup::agency_hash`]), where its name starts in the names'
    /// log, and its length in bytes.
    agency: Option<(u64, u64, u32)>,
    year: Option<i32>,
    published: Option<i32>,
    cells: u32,
    /// Warnings and errors, for choosing among duplicates.
    warnings: u32,
    identities_ok: Option<bool>,
    /// Rows the document added to the diagnostics, for placing a duplicate's `DUPLICATE`
    /// row after its own by position (identical copies share their doc_id).
    diagnostics: u32,
    /// Where the document's path starts in the paths' log, and its length in bytes: the
    /// duplicates' diagnostics name both paths without reading the documents table back.
    path: (u64, u32),
}

impl Doc {
    fn to_bytes(&self) -> [u8; DOC_RECORD] {
        let mut b = [0; DOC_RECORD];
        let (hash, at, len) = self.agency.unwrap_or((0, u64::MAX, 0));
        let mut p = Put::new(&mut b);
        p.bytes(&self.id)
            .u64(hash)
            .u64(at)
            .u32(len)
            .i32(self.year.unwrap_or(NO_I32))
            .i32(self.published.unwrap_or(NO_I32))
            .u32(self.cells)
            .u32(self.warnings)
            .u8(match self.identities_ok {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            });
        p.u32(self.diagnostics).u64(self.path.0).u32(self.path.1);
        b
    }
    fn from_bytes(b: &[u8; DOC_RECORD]) -> Doc {
        let mut g = Get::new(b);
        let id = g.bytes();
        let (hash, at, len) = (g.u64(), g.u64(), g.u32());
        Doc {
            id,
            agency: (at != u64::MAX).then_some((hash, at, len)),
            year: opt_i32(g.i32()),
            published: opt_i32(g.i32()),
            cells: g.u32(),
            warnings: g.u32(),
            identities_ok: match g.u8() {
                0 => None,
                1 => Some(false),
                _ => Some(true),
            },
            diagnostics: g.u32(),
            path: (g.u64(), g.u32()),
        }
    }
}

/// The null of a column kept as plain `i32`s.
const NO_I32: i32 = i32::MIN;

fn opt_i32(v: i32) -> Option<i32> {
    (v != NO_I32).then_some(v)
}

/// A numeric column of `values` (`None` a null) built at once: the values and a validity
/// mask, none when nothing is null — what polars' element-by-element builder makes of the
/// same slice, at a fraction of its work.
fn opt_column<T: PolarsNumericType>(name: &str, values: &[Option<T::Native>]) -> Column {
    let valid = values.iter().any(Option::is_none).then(|| {
        values
            .iter()
            .map(Option::is_some)
            .collect::<polars_arrow::bitmap::Bitmap>()
    });
    let values = values.iter().map(|v| v.unwrap_or_default()).collect();
    ChunkedArray::<T>::from_vec_validity(name.into(), values, valid).into_column()
}

impl Docs {
    fn new_in(dir: &Path) -> io::Result<Docs> {
        Ok(Docs {
            records: Records::new_in(dir)?,
            names: Log::new_in(dir)?,
            paths: Log::new_in(dir)?,
        })
    }
    fn len(&self) -> usize {
        self.records.len()
    }
    fn get(&self, i: usize) -> io::Result<Doc> {
        Ok(Doc::from_bytes(&self.records.get(i)?))
    }
    fn agency(&self, d: &Doc) -> io::Result<Option<String>> {
        let Some((_, at, len)) = d.agency else {
            return Ok(None);
        };
        text_at(&self.names, at, len).map(Some)
    }
    fn path(&self, d: &Doc) -> io::Result<String> {
        text_at(&self.paths, d.path.0, d.path.1)
    }
}

/// The text of `len` bytes at `at` in `log`.
fn text_at(log: &Log, at: u64, len: u32) -> io::Result<String> {
    let mut b = vec![0; len as usize];
    log.read_at(at, &mut b)?;
    String::from_utf8(b).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// The documents table's rows not yet written (columns the other buffers do not hold).
#[derive(Default)]
struct PendingDocs {
    doc_id: Vec<[u8; 16]>,
    agency: Strs,
    /// [`NO_I32`] for a null, here and in `published`: four bytes, not eight.
    year: Vec<i32>,
    published: Vec<i32>,
    cells: Vec<i32>,
    identities_ok: Vec<Option<bool>>,
    path: Strs,
    bytes: Vec<i64>,
    encoding: Codes,
    template: Codes,
    status: Codes,
    scope: Codes,
    /// Province, prefecture and county, indexes into `divisions`.
    place: Vec<[Option<u32>; 3]>,
    level: Codes,
    agency_kind: Codes,
    /// Every division seen in the run (a few thousand), shared by address.
    divisions: Vec<(std::sync::Arc<str>, std::sync::Arc<str>)>,
    division_index: std::collections::HashMap<(usize, usize), u32>,
}

impl PendingDocs {
    fn len(&self) -> usize {
        self.bytes.len()
    }
    fn division(&mut self, d: &Option<(std::sync::Arc<str>, std::sync::Arc<str>)>) -> Option<u32> {
        let (name, code) = d.as_ref()?;
        let key = (
            std::sync::Arc::as_ptr(name) as *const u8 as usize,
            std::sync::Arc::as_ptr(code) as *const u8 as usize,
        );
        let next = self.divisions.len() as u32;
        let k = *self.division_index.entry(key).or_insert(next);
        if k == next {
            self.divisions.push((name.clone(), code.clone()));
        }
        Some(k)
    }
}

#[derive(Default)]
struct Cells {
    keys: Keys,
    table: Codes,
    row: Codes,
    col: Codes,
    value: Vec<Option<f64>>,
    status: Codes,
    raw: Interned,
    line: Vec<i32>,
}

#[derive(Default)]
struct Requests {
    keys: Keys,
    stage: Codes,
    applicant: Codes,
    count: Vec<Option<i64>>,
    status: Codes,
}

#[derive(Default)]
struct Outcomes {
    keys: Keys,
    outcome: Codes,
    category: Codes,
    reason: Codes,
    applicant: Codes,
    count: Vec<Option<i64>>,
    status: Codes,
}

#[derive(Default)]
struct Procurement {
    keys: Keys,
    projects: Vec<Option<i64>>,
    amount: Vec<Option<f64>>,
    amount_raw: Vec<Option<String>>,
}

#[derive(Default)]
struct Litigation {
    keys: Keys,
    proceeding: Codes,
    result: Codes,
    count: Vec<Option<i64>>,
    status: Codes,
}

#[derive(Default)]
struct Active {
    keys: Keys,
    template: Codes,
    item: Codes,
    measure: Codes,
    value: Vec<Option<f64>>,
    status: Codes,
}

/// The derived tables' buffers.
#[derive(Default)]
struct Derived {
    requests: Requests,
    outcomes: Outcomes,
    procurement: Procurement,
    litigation: Litigation,
    active: Active,
    /// By [`Slot`] number: the codes of its row and column (and category and reason) in its
    /// derived table's columns, once it has been seen (see [`Derived::codes`]).
    codes: Vec<Option<[u8; 4]>>,
}

/// A cell as the derived tables need it.
struct KeptCell<'a> {
    slot: &'a Slot,
    value: Option<f64>,
    status: CellStatus,
    /// The text as printed, kept only for the procurement table (see [`is_procurement`]);
    /// empty for the other cells.
    raw: &'a str,
}

/// The derived tables by their index in [`DERIVED`].
const REQUESTS: usize = 0;
const OUTCOMES: usize = 1;
const PROCUREMENT: usize = 2;
const LITIGATION: usize = 3;
const ACTIVE: usize = 4;

/// A cell's table, row and column, with what the derived tables make of them, worked out
/// once for each (not for each cell).
struct Slot {
    /// Its number in [`CellLog`]'s slots.
    id: u16,
    table: Table,
    row: &'static str,
    col: &'static str,
    /// The derived table (of [`DERIVED`]) the cell makes a row of.
    table_of: usize,
    /// An applications row's outcome category and reason.
    category: &'static str,
    reason: Option<&'static str>,
    /// Whether the cell goes to the procurement table in a 2019-template report (see
    /// [`is_procurement`]).
    procurement: bool,
}

impl Slot {
    fn new(id: u16, table: Table, row: &'static str, col: &'static str) -> Slot {
        Slot {
            id,
            table,
            row,
            col,
            table_of: match table {
                Table::Applications if template::STAGES.contains(&row) => REQUESTS,
                Table::Applications => OUTCOMES,
                Table::ReviewLitigation => LITIGATION,
                Table::ActiveDisclosure => ACTIVE,
            },
            category: template::outcome_category(row),
            reason: template::outcome_reason(row),
            procurement: table == Table::ActiveDisclosure && row == "centralized_procurement",
        }
    }
}

/// Whether a cell goes to the procurement table (which keeps the amount's text as printed
/// too): the centralized procurement row of a 2019-template report. Its one row a
/// document is made of those cells besides their rows in active_disclosure.
fn is_procurement(template: &str, slot: &Slot) -> bool {
    slot.procurement && template == "2019"
}

/// Every document's cells as the derived tables need them, appended to a scratch file on
/// disk as documents complete and read back once at the end, when the duplicates are
/// known: the derived tables are then written once, without the duplicates' rows, instead
/// of being written as the run goes and rewritten. About 5.5 bytes a cell (a cell's row
/// and column as a number, its status, its value as a variable-length integer when it is
/// a whole number) and 60 a document: 1.1 GB of scratch file for a million reports (in
/// the page cache, on disk), none of it in the process's memory.
struct CellLog {
    log: Log,
    /// A cell's table, row and column by number, numbered in order of first use.
    slots: Vec<Slot>,
    /// The numbers by the address and length of the row's and column's text (the same text
    /// at two addresses gets two numbers, which read back as the same text).
    slot_of: FxHashMap<(Table, usize, usize, usize, usize), u16>,
    /// `slot_of`'s answers, most lookups' (see [`AddrCache`]).
    cached: AddrCache<u16>,
    /// The number the last lookup gave: a document's cells come in template order, as
    /// the first document's numbered them, so the next cell is most often the next number.
    last: Option<u16>,
    /// The templates' names by number.
    templates: Vec<&'static str>,
    /// One document's bytes as they are put together.
    buf: Vec<u8>,
}

/// A kept cell's status and what its value is stored as: the status's number in the low
/// three bits, then the value's kind, then whether the text follows.
const STATUSES: [CellStatus; 5] = [
    CellStatus::Reported,
    CellStatus::Blank,
    CellStatus::NotApplicable,
    CellStatus::Inferred,
    CellStatus::Invalid,
];
const VALUE_NONE: u8 = 0;
const VALUE_UINT: u8 = 1 << 3;
const VALUE_F64: u8 = 2 << 3;
const VALUE_MASK: u8 = 3 << 3;
const HAS_RAW: u8 = 1 << 5;

fn put_varint(buf: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        buf.push(v as u8 | 0x80);
        v >>= 7;
    }
    buf.push(v as u8);
}

/// Reads what [`put_varint`] wrote at `*at`, moving `*at` past it.
fn get_varint(b: &[u8], at: &mut usize) -> io::Result<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let x = *b.get(*at).ok_or_else(corrupt)?;
        *at += 1;
        v |= u64::from(x & 0x7f) << shift;
        if x & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(corrupt())
}

/// The error of a scratch file that does not read back as written.
fn corrupt() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "a scratch file does not read back as written",
    )
}

/// `n` bytes at `*at`, moving `*at` past them.
fn next_bytes<'a>(b: &'a [u8], at: &mut usize, n: usize) -> io::Result<&'a [u8]> {
    let end = at.checked_add(n).filter(|&e| e <= b.len()).ok_or_else(corrupt)?;
    let s = &b[*at..end];
    *at = end;
    Ok(s)
}

impl CellLog {
    fn new_in(dir: &Path) -> io::Result<CellLog> {
        Ok(CellLog {
            log: Log::new_in(dir)?,
            slots: Vec::new(),
            slot_of: FxHashMap::default(),
            cached: AddrCache::default(),
            last: None,
            templates: Vec::new(),
            buf: Vec::new(),
        })
    }

    fn slot(&mut self, table: Table, row: &'static str, col: &'static str) -> u16 {
        // The next number first: one comparison of addresses in a vector read in order,
        // where the cache's entries are scattered over 64 KB (its loads missed the L1
        // cache for a third of this function's time on the writer thread, `perf`).
        let next = self.last.map_or(0, |s| s as usize + 1);
        if let Some(s) = self.slots.get(next) {
            if s.table == table && std::ptr::eq(s.row, row) && std::ptr::eq(s.col, col) {
                self.last = Some(s.id);
                return s.id;
            }
        }
        let (slot_of, slots) = (&mut self.slot_of, &mut self.slots);
        let id = self.cached.get_or(table as u8, row, col, || {
            let key = (
                table,
                row.as_ptr() as usize,
                row.len(),
                col.as_ptr() as usize,
                col.len(),
            );
            let next = slots.len();
            *slot_of.entry(key).or_insert_with(|| {
                // The templates' cells are a few hundred (each a static string of the binary).
                let id = u16::try_from(next).expect("fewer than 65,536 cell kinds");
                slots.push(Slot::new(id, table, row, col));
                id
            })
        });
        self.last = Some(id);
        id
    }

    /// Appends document `doc`'s cells: its number and the byte length of the rest, then
    /// its doc_id, year, template, agency, and cells.
    /// `slots`: each cell's kind, as [`CellLog::slot`] numbered it.
    fn push(
        &mut self,
        doc: &Key<'_>,
        template: &'static str,
        cells: &[crate::model::Cell],
        slots: &[u16],
    ) -> io::Result<()> {
        let t = match self.templates.iter().position(|&t| t == template) {
            Some(t) => t,
            None => {
                self.templates.push(template);
                self.templates.len() - 1
            }
        };
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        buf.extend_from_slice(&doc.id);
        buf.extend_from_slice(&doc.year.to_le_bytes());
        buf.push(u8::try_from(t).expect("a few templates"));
        match doc.agency {
            Some(a) => {
                buf.push(1);
                put_varint(&mut buf, a.len() as u64);
                buf.extend_from_slice(a.as_bytes());
            }
            None => buf.push(0),
        }
        put_varint(&mut buf, cells.len() as u64);
        debug_assert_eq!(cells.len(), slots.len());
        for (c, &slot) in cells.iter().zip(slots) {
            buf.extend_from_slice(&slot.to_le_bytes());
            let status = STATUSES.iter().position(|&s| s == c.status).expect("every status") as u8;
            let raw = is_procurement(template, &self.slots[slot as usize]);
            let flags = status | if raw { HAS_RAW } else { 0 };
            match c.value {
                None => buf.push(flags | VALUE_NONE),
                // A whole number that reads back bit for bit (not -0.0, not past 2^64).
                Some(v) if v >= 0.0 && (v as u64 as f64).to_bits() == v.to_bits() => {
                    buf.push(flags | VALUE_UINT);
                    put_varint(&mut buf, v as u64);
                }
                Some(v) => {
                    buf.push(flags | VALUE_F64);
                    buf.extend_from_slice(&v.to_bits().to_le_bytes());
                }
            }
            if raw {
                put_varint(&mut buf, c.raw.len() as u64);
                buf.extend_from_slice(c.raw.as_bytes());
            }
        }
        let n = u32::try_from(doc.n).map_err(|_| io::Error::other("more than 2^32 documents"))?;
        let len = u32::try_from(buf.len()).map_err(|_| io::Error::other("a document of more than 4 GiB of cells"))?;
        let mut head = [0; 8];
        Put::new(&mut head).u32(n).u32(len);
        self.log.append(&head)?;
        self.log.append(&buf)?;
        self.buf = buf;
        Ok(())
    }

    /// A document's bytes as [`CellLog::push`] wrote them (after the number and length):
    /// its key (numbered `n`), template, and cells.
    fn decode<'a>(&'a self, n: usize, b: &'a [u8]) -> io::Result<(Key<'a>, &'static str, Vec<KeptCell<'a>>)> {
        let mut at = 0;
        let id: [u8; 16] = next_bytes(b, &mut at, 16)?.try_into().expect("16 bytes");
        let year = i32::from_le_bytes(next_bytes(b, &mut at, 4)?.try_into().expect("4 bytes"));
        let template = *self
            .templates
            .get(next_bytes(b, &mut at, 1)?[0] as usize)
            .ok_or_else(corrupt)?;
        let agency = match next_bytes(b, &mut at, 1)?[0] {
            0 => None,
            _ => {
                let len = get_varint(b, &mut at)? as usize;
                Some(std::str::from_utf8(next_bytes(b, &mut at, len)?).map_err(|_| corrupt())?)
            }
        };
        let k = get_varint(b, &mut at)? as usize;
        let mut cells = Vec::with_capacity(k.min(b.len()));
        for _ in 0..k {
            let slot = u16::from_le_bytes(next_bytes(b, &mut at, 2)?.try_into().expect("2 bytes"));
            let slot = self.slots.get(slot as usize).ok_or_else(corrupt)?;
            let flags = next_bytes(b, &mut at, 1)?[0];
            let status = *STATUSES.get((flags & 7) as usize).ok_or_else(corrupt)?;
            let value = match flags & VALUE_MASK {
                VALUE_NONE => None,
                VALUE_UINT => Some(get_varint(b, &mut at)? as f64),
                VALUE_F64 => Some(f64::from_bits(u64::from_le_bytes(
                    next_bytes(b, &mut at, 8)?.try_into().expect("8 bytes"),
                ))),
                _ => return Err(corrupt()),
            };
            let raw = if flags & HAS_RAW != 0 {
                let len = get_varint(b, &mut at)? as usize;
                std::str::from_utf8(next_bytes(b, &mut at, len)?).map_err(|_| corrupt())?
            } else {
                ""
            };
            cells.push(KeptCell {
                slot,
                value,
                status,
                raw,
            });
        }
        if at != b.len() {
            return Err(corrupt());
        }
        Ok((Key { n, id, agency, year }, template, cells))
    }
}

#[derive(Default)]
struct Diags {
    doc_id: Vec<[u8; 16]>,
    /// The paths of the documents with buffered rows, and each row's index into them.
    paths: Strs,
    path: Vec<u32>,
    severity: Codes,
    code: Codes,
    message: Vec<String>,
    line: Vec<Option<i32>>,
}

/// `clear` for a table's buffers: every field forgets its rows and keeps its capacity
/// (enum columns keep their names and codes). The fields are destructured, so a field
/// missing from the list does not compile.
macro_rules! clear_fields {
    ($($t:ident { $($f:ident),* })*) => {
        $(impl $t {
            fn clear(&mut self) {
                let $t { $($f),* } = self;
                $($f.clear();)*
            }
        })*
    };
}

clear_fields! {
    Cells { keys, table, row, col, value, status, raw, line }
    Requests { keys, stage, applicant, count, status }
    Outcomes { keys, outcome, category, reason, applicant, count, status }
    Procurement { keys, projects, amount, amount_raw }
    Litigation { keys, proceeding, result, count, status }
    Active { keys, template, item, measure, value, status }
    Diags { doc_id, paths, path, severity, code, message, line }
}

fn count(v: Option<f64>) -> Option<i64> {
    v.map(|x| x.round() as i64)
}

/// The tables written row group by row group as documents complete, besides documents.
pub const STREAMED: [&str; 2] = ["cells", "diagnostics"];

/// The tables that leave duplicates out (views of `cells`): written at the end of the run,
/// once the duplicates are known, from what [`CellLog`] kept.
pub const DERIVED: [&str; 5] = ["requests", "outcomes", "procurement", "litigation", "active_disclosure"];

/// The output tables, in the order they are written.
pub const TABLES: &[&str] = &[
    "documents",
    "cells",
    "requests",
    "outcomes",
    "procurement",
    "litigation",
    "active_disclosure",
    "diagnostics",
];

/// `df`, a slice of documents.parquet starting at row `off`, with `duplicate_of` set from
/// `kept`: `(duplicate, the kept document's doc_id)`, sorted.
pub fn with_duplicate_of(mut df: DataFrame, off: usize, kept: &[(usize, String)]) -> PolarsResult<DataFrame> {
    let ids: Vec<Option<&str>> = (off..off + df.height())
        .map(|i| {
            let k = kept.binary_search_by_key(&i, |d| d.0).ok()?;
            Some(kept[k].1.as_str())
        })
        .collect();
    df.replace("duplicate_of", Column::new("duplicate_of".into(), ids))?;
    Ok(df)
}

/// A slice of diagnostics.parquet starting at row `off`, with the rows of `inserts`
/// `(position, doc_id, path, diagnostic)` (sorted by position) whose position falls in it
/// inserted before the row at that position (and those at the very end when the slice is
/// the `last`). The inserted rows are built as one frame and gathered into place with the
/// slice's by one index, not stacked piece by piece.
pub fn insert_diagnostics(
    df: DataFrame,
    off: usize,
    last: bool,
    inserts: &[(usize, String, String, crate::diag::Diagnostic)],
) -> PolarsResult<DataFrame> {
    let end = off + df.height();
    let from = inserts.partition_point(|p| p.0 < off);
    let to = if last {
        inserts.len()
    } else {
        inserts.partition_point(|p| p.0 < end)
    };
    if from >= to {
        return Ok(df);
    }
    let mine = &inserts[from..to];
    let extra = DataFrame::new(
        mine.len(),
        vec![
            Column::new(
                "doc_id".into(),
                mine.iter().map(|i| Some(i.1.as_str())).collect::<Vec<_>>(),
            ),
            Column::new(
                "path".into(),
                mine.iter().map(|i| Some(i.2.as_str())).collect::<Vec<_>>(),
            ),
            Column::new(
                "severity".into(),
                mine.iter().map(|i| Some(i.3.severity.as_str())).collect::<Vec<_>>(),
            ),
            Column::new(
                "code".into(),
                mine.iter().map(|i| Some(i.3.code.as_str())).collect::<Vec<_>>(),
            ),
            Column::new(
                "message".into(),
                mine.iter().map(|i| Some(i.3.message.as_str())).collect::<Vec<_>>(),
            ),
            Column::new(
                "line".into(),
                mine.iter().map(|i| i.3.line.map(|l| l as i32)).collect::<Vec<_>>(),
            ),
        ],
    )?;
    // The slice's rows, then the inserted ones, gathered into place by one index.
    let n = df.height();
    let mut idx: Vec<IdxSize> = Vec::with_capacity(n + mine.len());
    let mut cut = 0;
    for (k, (at, ..)) in mine.iter().enumerate() {
        let at = (*at).clamp(off, end) - off;
        idx.extend(cut as IdxSize..at as IdxSize);
        idx.push((n + k) as IdxSize);
        cut = at;
    }
    idx.extend(cut as IdxSize..n as IdxSize);
    let mut all = df;
    all.vstack_mut(&extra)?;
    all.take(&IdxCa::from_vec("".into(), idx))
}

impl Frames {
    /// Buffers for a run whose scratch files go in `dir`.
    pub fn new(dir: &Path) -> io::Result<Frames> {
        Ok(Frames {
            docs: Docs::new_in(dir)?,
            pending: PendingDocs::default(),
            cells: Cells::default(),
            diags: Diags::default(),
            kept: CellLog::new_in(dir)?,
            cell_codes: Vec::new(),
            slots: Vec::new(),
        })
    }

    /// Frees the buffers of the tables written as the run goes (`cells`, `diagnostics`,
    /// `documents`) once their last rows are written. They keep a row group's worth of
    /// room for reuse, which the derived tables, made after them, would otherwise be made
    /// beside.
    pub fn release_streamed(&mut self) {
        self.cells = Cells::default();
        self.cell_codes = Vec::new();
        self.diags = Diags::default();
        self.pending = PendingDocs::default();
    }

    /// Appends one document's rows to every table; Err only when its record cannot be
    /// written to the scratch file.
    pub fn push(&mut self, o: &FileOutcome) -> io::Result<()> {
        let id: [u8; 16] = o.doc_id.as_bytes().try_into().expect("a doc_id is 16 hex digits");
        // A year or date that is i32::MIN is no year or date a report can hold.
        let key = Key {
            n: self.docs.len(),
            id,
            agency: o.agency.as_deref(),
            year: o.year.unwrap_or(NO_I32),
        };
        let doc = &key;
        let d = &mut self.pending;
        d.doc_id.push(id);
        d.agency.push(o.agency.as_deref());
        d.year.push(key.year);
        d.published.push(o.published.unwrap_or(NO_I32));
        d.cells.push(o.cells.len() as i32);
        d.identities_ok.push(o.identities_ok);
        d.path.push(Some(&o.path));
        d.bytes.push(o.bytes);
        d.encoding.push(o.encoding);
        d.template.push(Some(o.template));
        d.status.push(Some(o.status.as_str()));
        d.scope.push(o.scope);
        let p = &o.place;
        let place = [
            d.division(&p.province),
            d.division(&p.prefecture),
            d.division(&p.county),
        ];
        d.place.push(place);
        d.level.push(p.level);
        d.agency_kind.push(p.kind);
        if !o.diagnostics.is_empty() {
            self.diags.paths.push(Some(&o.path));
        }
        for g in &o.diagnostics {
            let x = &mut self.diags;
            x.doc_id.push(id);
            x.path.push((x.paths.len() - 1) as u32);
            x.severity.put(g.severity.as_str());
            x.code.put(g.code.as_str());
            x.message.push(g.message.clone());
            x.line.push(g.line.map(|l| l as i32));
        }
        self.slots.clear();
        for c in &o.cells {
            let slot = self.kept.slot(c.table, c.row, c.col);
            self.slots.push(slot);
            let x = &mut self.cells;
            if self.cell_codes.len() <= slot as usize {
                self.cell_codes.resize(slot as usize + 1, None);
            }
            let [table, row, col] = match self.cell_codes[slot as usize] {
                Some(codes) => codes,
                None => {
                    let codes = [
                        x.table.code(Some(c.table.as_str())),
                        x.row.code(Some(c.row)),
                        x.col.code(Some(c.col)),
                    ];
                    self.cell_codes[slot as usize] = Some(codes);
                    codes
                }
            };
            x.keys.push(doc);
            x.table.push_code(table);
            x.row.push_code(row);
            x.col.push_code(col);
            x.value.push(c.value);
            x.status.put(c.status.as_str());
            x.raw.push(&c.raw);
            x.line.push(c.line as i32);
        }
        if !o.cells.is_empty() {
            self.kept.push(doc, o.template, &o.cells, &self.slots)?;
        }
        let agency = match o.agency.as_deref() {
            Some(a) => Some((
                dedup::agency_hash(a),
                self.docs.names.append(a.as_bytes())?,
                a.len() as u32,
            )),
            None => None,
        };
        let record = Doc {
            id,
            agency,
            year: o.year,
            published: o.published,
            cells: o.cells.len() as u32,
            // (A run a copy of the report resolved, `twins`, still counts: among copies the
            // one that printed its cells apart is kept.)
            warnings: o
                .diagnostics
                .iter()
                .filter(|g| g.severity >= crate::diag::Severity::Warning || g.code == crate::diag::Code::AmbiguousSplit)
                .count() as u32,
            identities_ok: o.identities_ok,
            diagnostics: o.diagnostics.len() as u32,
            path: (self.docs.paths.append(o.path.as_bytes())?, o.path.len() as u32),
        };
        self.docs.records.push(&record.to_bytes())
    }

    /// Rows buffered in each table of [`STREAMED`].
    fn lens(&self) -> [usize; STREAMED.len()] {
        [self.cells.keys.len(), self.diags.doc_id.len()]
    }

    /// Writes the derived tables through `write`, row group by row group, from the cells
    /// kept of every document but the `duplicates` (`(duplicate, kept)` indexes, sorted);
    /// once, at the end of the run. Every derived table gets its file, empty or not.
    /// `parallel`, the outcomes table (three quarters of the derived rows) is made on a
    /// thread of its own while this one makes the other four; each table's frames are the
    /// same either way.
    pub fn derive<E: From<io::Error> + From<PolarsError> + Send>(
        &self,
        duplicates: &[(usize, usize)],
        parallel: bool,
        write: &(dyn Fn(&'static str, DataFrame) -> Result<(), E> + Sync),
    ) -> Result<(), E> {
        let outcomes: [bool; DERIVED.len()] = std::array::from_fn(|k| k == OUTCOMES);
        let others = outcomes.map(|o| !o);
        if !parallel {
            self.derive_tables(duplicates, outcomes, write)?;
            return self.derive_tables(duplicates, others, write);
        }
        std::thread::scope(|s| {
            let apart = s.spawn(|| self.derive_tables(duplicates, outcomes, write));
            let here = self.derive_tables(duplicates, others, write);
            let apart = apart.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            apart.and(here)
        })
    }

    /// [`Frames::derive`] for the tables of [`DERIVED`] marked in `only`.
    fn derive_tables<E: From<io::Error> + From<PolarsError>>(
        &self,
        duplicates: &[(usize, usize)],
        only: [bool; DERIVED.len()],
        write: &(dyn Fn(&'static str, DataFrame) -> Result<(), E> + Sync),
    ) -> Result<(), E> {
        let mut derived = Derived::default();
        // The tables whose buffers cannot take `more` rows (each table's count) and stay
        // within a row group (all of them for None). A document's rows then never straddle
        // two row groups, and row groups are as full as that allows.
        let flush = |derived: &mut Derived, more: Option<[usize; DERIVED.len()]>| -> Result<(), E> {
            let lens = derived.lens();
            for (k, name) in DERIVED.into_iter().enumerate() {
                let full = more.is_none_or(|m| overflows(lens[k], m[k], crate::write::row_group(name)));
                if only[k] && full {
                    for df in derived.take(name)? {
                        write(name, df)?;
                    }
                }
            }
            Ok(())
        };
        let mut r = self.kept.log.reader();
        let mut dups = duplicates.iter().map(|d| d.0).peekable();
        let mut body = Vec::new();
        while !r.at_end() {
            let mut head = [0; 8];
            r.read_exact(&mut head)?;
            let mut g = Get::new(&head);
            let (n, len) = (g.u32() as usize, g.u32() as usize);
            body.resize(len, 0);
            r.read_exact(&mut body)?;
            while dups.next_if(|&d| d < n).is_some() {}
            if dups.peek() == Some(&n) {
                continue;
            }
            let (key, template, cells) = self.kept.decode(n, &body)?;
            flush(&mut derived, Some(Derived::rows(template, &cells)))?;
            derived.push(&key, template, &cells, only);
        }
        flush(&mut derived, None)
    }

    /// Documents pushed so far.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    /// Duplicates among the documents pushed so far: `(duplicate, kept)` indexes, sorted
    /// (see [`crate::dedup`]).
    pub fn duplicates(&self) -> io::Result<Vec<(usize, usize)>> {
        let d = &self.docs;
        let mut keys = Vec::new();
        d.records.scan(|i, r| -> io::Result<()> {
            let r = Doc::from_bytes(r);
            if let Some((hash, year)) = dedup::key(r.agency.map(|a| a.0), r.year, r.cells as usize) {
                keys.push((hash, year, i as u32));
            }
            Ok(())
        })?;
        dedup::find_by(keys, |i| {
            let r = d.get(i)?;
            Ok(dedup::Doc {
                agency: d.agency(&r)?,
                year: r.year,
                cells: r.cells as usize,
                identities_ok: r.identities_ok == Some(true),
                warnings: r.warnings as usize,
                published: r.published,
            })
        })
    }

    /// Calls `f` with every document's number and the rows it added to the diagnostics, in
    /// order.
    pub fn scan_diagnostics<E: From<io::Error>>(
        &self,
        mut f: impl FnMut(usize, usize) -> Result<(), E>,
    ) -> Result<(), E> {
        self.docs
            .records
            .scan(|i, r| f(i, Doc::from_bytes(r).diagnostics as usize))
    }

    /// The doc_id of document `i`.
    pub fn doc_id(&self, i: usize) -> io::Result<String> {
        Ok(hex(&self.docs.get(i)?.id).to_string())
    }

    /// The path of document `i`.
    pub fn path(&self, i: usize) -> io::Result<String> {
        self.docs.path(&self.docs.get(i)?)
    }

    /// The documents table's next rows: the first `min` pending rows when at least that
    /// many are pending (all of them for `min` = 0), so its row groups are `min` rows.
    pub fn take_documents(&mut self, min: usize) -> PolarsResult<Option<DataFrame>> {
        let p = &mut self.pending;
        if min > 0 && p.len() < min {
            return Ok(None);
        }
        let n = if min == 0 { p.len() } else { min };
        let df = self.documents_frame(n)?;
        // Keep what is left after the first `n` (at most a chunk's worth).
        let p = &mut self.pending;
        let mut rest = PendingDocs {
            divisions: std::mem::take(&mut p.divisions),
            division_index: std::mem::take(&mut p.division_index),
            ..PendingDocs::default()
        };
        for i in n..p.len() {
            rest.doc_id.push(p.doc_id[i]);
            rest.agency.push(p.agency.get(i));
            rest.year.push(p.year[i]);
            rest.published.push(p.published[i]);
            rest.cells.push(p.cells[i]);
            rest.identities_ok.push(p.identities_ok[i]);
            rest.path.push(p.path.get(i));
            rest.bytes.push(p.bytes[i]);
            rest.encoding.push(p.encoding.get(i));
            rest.template.push(p.template.get(i));
            rest.status.push(p.status.get(i));
            rest.scope.push(p.scope.get(i));
            rest.place.push(p.place[i]);
            rest.level.push(p.level.get(i));
            rest.agency_kind.push(p.agency_kind.get(i));
        }
        self.pending = rest;
        Ok(Some(df))
    }

    /// The first `n` pending documents as rows of the documents table. `duplicate_of` is
    /// null: duplicates are known only at the end, when the table is rewritten.
    fn documents_frame(&self, n: usize) -> PolarsResult<DataFrame> {
        let p = &self.pending;
        // The columns of few values as enum columns (see `Codes::column`, `dictionary`): a
        // byte or four a row instead of a string view, and no hashing in the writer.
        let division = |name: &str, level: usize, code: bool| -> PolarsResult<Column> {
            let values = p.place[..n].iter().map(|place| {
                place[level].map(|k| {
                    let (name, c) = &p.divisions[k as usize];
                    if code {
                        &**c
                    } else {
                        &**name
                    }
                })
            });
            Ok(match dictionary(name, n, values.clone())? {
                Some(c) => c,
                None => Column::new(name.into(), values.collect::<Vec<_>>()),
            })
        };
        let published = Column::new(
            "published".into(),
            p.published[..n].iter().map(|&v| opt_i32(v)).collect::<Vec<_>>(),
        )
        .cast(&DataType::Date)?;
        let doc_id: Vec<&str> = p.doc_id[..n].iter().map(hex).collect();
        DataFrame::new(
            n,
            vec![
                Column::new("doc_id".into(), doc_id),
                Column::new("path".into(), strs_at(&p.path, 0..n)),
                Column::new("bytes".into(), &p.bytes[..n]),
                p.encoding.column("encoding", 0..n)?,
                Column::new("agency".into(), strs_at(&p.agency, 0..n)),
                Column::new(
                    "year".into(),
                    p.year[..n].iter().map(|&v| opt_i32(v)).collect::<Vec<_>>(),
                ),
                p.template.column("template", 0..n)?,
                published,
                p.status.column("status", 0..n)?,
                Column::new("cells".into(), &p.cells[..n]),
                Column::new("identities_ok".into(), &p.identities_ok[..n]),
                Column::new("duplicate_of".into(), vec![None::<&str>; n]),
                p.scope.column("scope", 0..n)?,
                division("province", 0, false)?,
                division("province_code", 0, true)?,
                division("prefecture", 1, false)?,
                division("prefecture_code", 1, true)?,
                division("county", 2, false)?,
                division("county_code", 2, true)?,
                p.level.column("level", 0..n)?,
                p.agency_kind.column("agency_kind", 0..n)?,
                Column::new("schema_version".into(), vec![crate::write::SCHEMA_VERSION; n]),
            ],
        )
    }

    /// The tables of [`STREAMED`] whose buffers cannot take the rows of `o` and stay within
    /// a row group: write them before pushing it, and a document's rows never straddle two
    /// row groups.
    pub fn full_before(&self, o: &FileOutcome) -> Vec<&'static str> {
        let more = [o.cells.len(), o.diagnostics.len()];
        let lens = self.lens();
        STREAMED
            .iter()
            .enumerate()
            .filter(|&(k, name)| overflows(lens[k], more[k], crate::write::row_group(name)))
            .map(|(_, name)| *name)
            .collect()
    }

    /// The tables of [`STREAMED`] whose buffers hold a row group (all of them, empty ones
    /// included, for `all`): take and write them one at a time with
    /// [`Frames::take_table`], so only one table's frame is in memory at once.
    pub fn full_tables(&self, all: bool) -> Vec<&'static str> {
        let lens = self.lens();
        STREAMED
            .iter()
            .enumerate()
            .filter(|&(k, name)| all || lens[k] >= crate::write::row_group(name))
            .map(|(_, name)| *name)
            .collect()
    }

    /// The buffered rows of table `name` (of [`STREAMED`]) as frames of at
    /// most [`crate::write::row_group`] rows (one row group each; one empty frame when there
    /// are no rows), named as the output file. Each frame's dictionary columns hold the
    /// values its own rows use.
    pub fn take_table(&mut self, name: &str) -> PolarsResult<Vec<DataFrame>> {
        // Each table's buffers are cleared once its frames are built: they keep their capacity
        // for the next rows (no regrowing, no fresh pages).
        match name {
            "cells" => {
                let c = &self.cells;
                let frames = groups("cells", &c.keys, &|r| {
                    let raw = c.raw.column("raw", r.clone())?;
                    Ok(vec![
                        c.table.column("table", r.clone())?,
                        c.row.column("row", r.clone())?,
                        c.col.column("col", r.clone())?,
                        opt_column::<Float64Type>("value", &c.value[r.clone()]),
                        c.status.column("status", r.clone())?,
                        raw,
                        Column::new("line".into(), &c.line[r]),
                    ])
                });
                self.cells.clear();
                frames
            }
            "diagnostics" => {
                let g = &self.diags;
                let frames = row_groups(g.doc_id.len(), crate::write::row_group("diagnostics"))
                    .map(|r| {
                        let doc_id: Vec<&str> = g.doc_id[r.clone()].iter().map(hex).collect();
                        let path: Vec<&str> = g.path[r.clone()]
                            .iter()
                            .map(|&i| g.paths.get(i as usize).unwrap_or_default())
                            .collect();
                        let message: Vec<&str> = g.message[r.clone()].iter().map(String::as_str).collect();
                        DataFrame::new(
                            r.len(),
                            vec![
                                Column::new("doc_id".into(), doc_id),
                                Column::new("path".into(), path),
                                g.severity.column("severity", r.clone())?,
                                g.code.column("code", r.clone())?,
                                Column::new("message".into(), message),
                                Column::new("line".into(), &g.line[r]),
                            ],
                        )
                    })
                    .collect();
                self.diags.clear();
                frames
            }
            other => unreachable!("no streamed table {other}"),
        }
    }
}

/// Whether a table buffer holding `len` rows must be written before a document adds `more`:
/// they would not fit in one row group together. (A document's rows then never straddle
/// two row groups; a document of more rows than a row group holds gets row groups of its
/// own.)
fn overflows(len: usize, more: usize, row_group: usize) -> bool {
    len > 0 && more > 0 && len + more > row_group
}

/// The row ranges of the row groups of `row_group` rows of a table of `n` rows (one empty
/// range for none).
fn row_groups(n: usize, row_group: usize) -> impl Iterator<Item = Range<usize>> + Clone {
    (0..n.max(1))
        .step_by(row_group)
        .map(move |start| start..(start + row_group).min(n))
}

/// One frame per row group of table `name`, whose rows carry `keys`: the keys' columns,
/// then the table's own (`rest`) for those rows.
fn groups(
    name: &str,
    keys: &Keys,
    rest: &dyn Fn(Range<usize>) -> PolarsResult<Vec<Column>>,
) -> PolarsResult<Vec<DataFrame>> {
    row_groups(keys.len(), crate::write::row_group(name))
        .map(|r| {
            let mut cols = keys.columns(r.clone())?;
            cols.extend(rest(r.clone())?);
            DataFrame::new(r.len(), cols)
        })
        .collect()
}

impl Derived {
    /// Rows buffered in each table of [`DERIVED`].
    fn lens(&self) -> [usize; DERIVED.len()] {
        [
            self.requests.keys.len(),
            self.outcomes.keys.len(),
            self.procurement.keys.len(),
            self.litigation.keys.len(),
            self.active.keys.len(),
        ]
    }

    /// The rows one document's cells make in each derived table.
    fn rows(template: &str, cells: &[KeptCell<'_>]) -> [usize; DERIVED.len()] {
        let mut rows = [0; DERIVED.len()];
        for c in cells {
            rows[c.slot.table_of] += 1;
        }
        rows[PROCUREMENT] = cells.iter().any(|c| is_procurement(template, c.slot)) as usize;
        rows
    }

    /// The codes [`Slot`] `s`'s cells take in its derived table's columns: its row's and
    /// column's (an outcome's: row, category, reason, column), looked up once a slot and
    /// run (the columns' codes stay the same for the whole run).
    fn codes(&mut self, s: &Slot) -> [u8; 4] {
        let i = s.id as usize;
        if let Some(Some(k)) = self.codes.get(i) {
            return *k;
        }
        let (row, col) = (Some(s.row), Some(s.col));
        let k = match s.table_of {
            REQUESTS => [self.requests.stage.code(row), self.requests.applicant.code(col), 0, 0],
            OUTCOMES => {
                let o = &mut self.outcomes;
                [
                    o.outcome.code(row),
                    o.category.code(Some(s.category)),
                    o.reason.code(s.reason),
                    o.applicant.code(col),
                ]
            }
            LITIGATION => [
                self.litigation.proceeding.code(row),
                self.litigation.result.code(col),
                0,
                0,
            ],
            _ => [self.active.item.code(row), self.active.measure.code(col), 0, 0],
        };
        if self.codes.len() <= i {
            self.codes.resize(i + 1, None);
        }
        self.codes[i] = Some(k);
        k
    }

    /// Appends the rows one document's cells make in each derived table marked in `only`.
    fn push(&mut self, doc: &Key<'_>, template: &'static str, cells: &[KeptCell<'_>], only: [bool; DERIVED.len()]) {
        let mut projects: Option<Option<f64>> = None;
        let mut amount: Option<(Option<f64>, &str)> = None;
        for c in cells {
            let procurement = only[PROCUREMENT] && is_procurement(template, c.slot);
            if procurement {
                if c.slot.col == "projects" {
                    projects = Some(c.value);
                } else {
                    amount = Some((c.value, c.raw));
                }
            }
            if !only[c.slot.table_of] {
                continue;
            }
            let status = c.status.as_str();
            let k = self.codes(c.slot);
            match c.slot.table_of {
                REQUESTS => {
                    let r = &mut self.requests;
                    r.keys.push(doc);
                    r.stage.push_code(k[0]);
                    r.applicant.push_code(k[1]);
                    r.count.push(count(c.value));
                    r.status.put(status);
                }
                OUTCOMES => {
                    let r = &mut self.outcomes;
                    r.keys.push(doc);
                    r.outcome.push_code(k[0]);
                    r.category.push_code(k[1]);
                    r.reason.push_code(k[2]);
                    r.applicant.push_code(k[3]);
                    r.count.push(count(c.value));
                    r.status.put(status);
                }
                LITIGATION => {
                    let r = &mut self.litigation;
                    r.keys.push(doc);
                    r.proceeding.push_code(k[0]);
                    r.result.push_code(k[1]);
                    r.count.push(count(c.value));
                    r.status.put(status);
                }
                _ /* ACTIVE */ => {
                    let r = &mut self.active;
                    r.keys.push(doc);
                    r.template.put(template);
                    r.item.push_code(k[0]);
                    r.measure.push_code(k[1]);
                    r.value.push(c.value);
                    r.status.put(status);
                }
            }
        }
        if projects.is_some() || amount.is_some() {
            let p = &mut self.procurement;
            p.keys.push(doc);
            p.projects.push(count(projects.flatten()));
            p.amount.push(amount.and_then(|a| a.0));
            p.amount_raw.push(amount.map(|a| a.1.to_string()));
        }
    }

    /// See [`Frames::take_table`].
    fn take(&mut self, name: &str) -> PolarsResult<Vec<DataFrame>> {
        match name {
            "requests" => {
                let t = &self.requests;
                let frames = groups(name, &t.keys, &|r| {
                    Ok(vec![
                        t.stage.column("stage", r.clone())?,
                        t.applicant.column("applicant", r.clone())?,
                        opt_column::<Int64Type>("count", &t.count[r.clone()]),
                        t.status.column("status", r)?,
                    ])
                });
                self.requests.clear();
                frames
            }
            "outcomes" => {
                let t = &self.outcomes;
                let frames = groups(name, &t.keys, &|r| {
                    Ok(vec![
                        t.outcome.column("outcome", r.clone())?,
                        t.category.column("category", r.clone())?,
                        t.reason.column("reason", r.clone())?,
                        t.applicant.column("applicant", r.clone())?,
                        opt_column::<Int64Type>("count", &t.count[r.clone()]),
                        t.status.column("status", r)?,
                    ])
                });
                self.outcomes.clear();
                frames
            }
            "procurement" => {
                let t = &self.procurement;
                let frames = groups(name, &t.keys, &|r| {
                    Ok(vec![
                        opt_column::<Int64Type>("projects", &t.projects[r.clone()]),
                        opt_column::<Float64Type>("amount_wan_yuan", &t.amount[r.clone()]),
                        Column::new(
                            "amount_raw".into(),
                            t.amount_raw[r].iter().map(Option::as_deref).collect::<Vec<_>>(),
                        ),
                    ])
                });
                self.procurement.clear();
                frames
            }
            "litigation" => {
                let t = &self.litigation;
                let frames = groups(name, &t.keys, &|r| {
                    Ok(vec![
                        t.proceeding.column("proceeding", r.clone())?,
                        t.result.column("result", r.clone())?,
                        opt_column::<Int64Type>("count", &t.count[r.clone()]),
                        t.status.column("status", r)?,
                    ])
                });
                self.litigation.clear();
                frames
            }
            "active_disclosure" => {
                let t = &self.active;
                let frames = groups(name, &t.keys, &|r| {
                    Ok(vec![
                        t.template.column("template", r.clone())?,
                        t.item.column("item", r.clone())?,
                        t.measure.column("measure", r.clone())?,
                        opt_column::<Float64Type>("value", &t.value[r.clone()]),
                        t.status.column("status", r)?,
                    ])
                });
                self.active.clear();
                frames
            }
            other => unreachable!("no table {other}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Diagnostic};
    use crate::model::{Cell, CellStatus, FileOutcome};

    #[test]
    fn enum_columns_take_codes_below_their_categories_or_nulls() {
        let col = enum_column("x", &["a", "b"], &[1, NULL_CODE, 0]).unwrap();
        let strings = col.cast(&DataType::String).unwrap();
        let got: Vec<Option<&str>> = strings.str().unwrap().iter().collect();
        assert_eq!(got, [Some("b"), None, Some("a")]);
        // All null, with no categories at all; no rows.
        assert_eq!(enum_column("x", &[], &[NULL_CODE, NULL_CODE]).unwrap().null_count(), 2);
        assert_eq!(enum_column("x", &[], &[]).unwrap().len(), 0);
        // A code past the categories, after a null or not.
        assert!(enum_column("x", &["a", "b"], &[0, 2]).is_err());
        assert!(enum_column("x", &["a"], &[NULL_CODE, 1]).is_err());
        assert!(enum_column("x", &[], &[0]).is_err());
    }

    fn messages(df: &DataFrame) -> Vec<String> {
        let col = df.column("message").unwrap().str().unwrap();
        (0..col.len()).map(|i| col.get(i).unwrap().to_string()).collect()
    }

    /// Inserted rows land before the row at their position whatever the slicing, those at
    /// a slice's end in the next slice, those at the very end in the last.
    #[test]
    fn diagnostics_are_inserted_in_place_across_slices() {
        let rows: Vec<String> = (0..5).map(|i| format!("r{i}")).collect();
        let df = DataFrame::new(
            5,
            vec![
                Column::new("doc_id".into(), vec![Some("d"); 5]),
                Column::new("path".into(), vec![Some("p"); 5]),
                Column::new("severity".into(), vec![Some("info"); 5]),
                Column::new("code".into(), vec![Some("X"); 5]),
                Column::new(
                    "message".into(),
                    rows.iter().map(|r| Some(r.as_str())).collect::<Vec<_>>(),
                ),
                Column::new("line".into(), vec![None::<i32>; 5]),
            ],
        )
        .unwrap();
        let ins = |at: usize, m: &str| {
            (
                at,
                "i".to_string(),
                "q".to_string(),
                Diagnostic::info(Code::Duplicate, None, m),
            )
        };
        let inserts = vec![ins(0, "a"), ins(2, "b"), ins(2, "c"), ins(3, "d"), ins(5, "e")];
        let want = ["a", "r0", "r1", "b", "c", "r2", "d", "r3", "r4", "e"];
        for cut in 0..=5 {
            let mut got = Vec::new();
            if cut > 0 {
                got.extend(messages(
                    &insert_diagnostics(df.slice(0, cut), 0, cut == 5, &inserts).unwrap(),
                ));
            }
            if cut < 5 {
                got.extend(messages(
                    &insert_diagnostics(df.slice(cut as i64, 5 - cut), cut, true, &inserts).unwrap(),
                ));
            }
            assert_eq!(got, want, "slices cut at {cut}");
        }
    }

    /// What is kept of every document to the end comes back from the scratch files: row
    /// counts (of 2^16 and more too), doc_ids, and the duplicates chosen from the records
    /// and the agencies' names.
    #[test]
    fn what_is_kept_to_the_end_comes_back_from_the_scratch_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = Frames::new(dir.path()).unwrap();
        // Cells (of 2^16 and more too), diagnostics, agency.
        let docs = [
            (3usize, 2usize, Some("甲县司法局")),
            (70_000, 0, Some("乙县司法局")),
            (65_535, 1, Some("甲县司法局")),
            (0, 3, None),
            (5, 0, Some("甲县司法局")),
        ];
        for (k, (n, m, agency)) in docs.into_iter().enumerate() {
            let mut o = FileOutcome::new(format!("{k:016x}"), format!("{k}.txt"), 1);
            o.agency = agency.map(String::from);
            o.year = Some(2020);
            o.cells = (0..n)
                .map(|i| Cell {
                    table: Table::ReviewLitigation,
                    row: "review",
                    col: "total",
                    value: Some(i as f64),
                    status: CellStatus::Reported,
                    raw: i.to_string().into(),
                    line: 1,
                })
                .collect();
            o.diagnostics = (0..m)
                .map(|_| Diagnostic::info(Code::PlaceUnknown, None, "x"))
                .collect();
            f.push(&o).unwrap();
        }
        let mut diagnostics = Vec::new();
        f.scan_diagnostics(|_, n| -> io::Result<()> {
            diagnostics.push(n);
            Ok(())
        })
        .unwrap();
        assert_eq!(diagnostics, [2, 0, 1, 3, 0]);
        assert_eq!(f.documents(), 5);
        assert_eq!(f.doc_id(4).unwrap(), "0000000000000004");
        // The most cells of 甲县司法局's three reports of 2020: the third.
        let duplicates = f.duplicates().unwrap();
        assert_eq!(duplicates, [(0, 2), (4, 2)]);
        // The derived tables leave the duplicates out: the litigation rows of documents 1
        // and 2 only, a row group each (together they are more than one holds, and a
        // document's rows are not split); an empty frame for each other table.
        let derive = |parallel: bool| {
            let written = std::sync::Mutex::new(Vec::new());
            f.derive(&duplicates, parallel, &|name, df| -> PolarsResult<()> {
                written.lock().unwrap().push((name, df));
                Ok(())
            })
            .unwrap();
            let mut written = written.into_inner().unwrap();
            // In the order each table's frames came (the tables' threads interleave).
            written.sort_by_key(|(name, _)| DERIVED.iter().position(|t| t == name));
            written
        };
        let written: Vec<(&str, DataFrame)> = derive(true);
        let serial = derive(false);
        assert_eq!(written.len(), serial.len());
        for ((a, x), (b, y)) in written.iter().zip(&serial) {
            assert_eq!(a, b);
            assert!(x.equals_missing(y), "{a}");
        }
        let heights = |t: &str| -> Vec<usize> {
            written
                .iter()
                .filter(|(n, _)| *n == t)
                .map(|(_, df)| df.height())
                .collect()
        };
        assert_eq!(heights("litigation"), [70_000, 65_535]);
        for t in ["requests", "outcomes", "procurement", "active_disclosure"] {
            assert_eq!(heights(t), [0], "{t}");
        }
        // Each row group: its document's doc_id, and its cells' values as counts in order.
        let lit: Vec<&DataFrame> = written
            .iter()
            .filter(|(n, _)| *n == "litigation")
            .map(|(_, df)| df)
            .collect();
        for (df, doc) in lit.into_iter().zip(["0000000000000001", "0000000000000002"]) {
            let ids = df.column("doc_id").unwrap().cast(&DataType::String).unwrap();
            let ids = ids.str().unwrap();
            assert!(ids.iter().all(|id| id == Some(doc)));
            let count = df.column("count").unwrap().i64().unwrap();
            assert!(count.iter().enumerate().all(|(i, c)| c == Some(i as i64)));
        }
    }

    /// A kept cell reads back as it was: every status, values that are whole numbers and
    /// values that are not (-0.0, NaN, fractions, past 2^64), the procurement amount's text.
    #[test]
    fn kept_cells_read_back_bit_for_bit() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = CellLog::new_in(dir.path()).unwrap();
        let values = [
            None,
            Some(0.0),
            Some(-0.0),
            Some(127.0),
            Some(128.0),
            Some(1e15),
            Some(2.5),
            Some(-3.0),
            Some(f64::NAN),
            Some(f64::INFINITY),
            Some(1.8446744073709552e19),
            Some(1e300),
        ];
        let rows: [(Table, &'static str, &'static str); 3] = [
            (Table::ActiveDisclosure, "centralized_procurement", "amount"),
            (Table::Applications, "new_received", "natural_person"),
            (Table::ReviewLitigation, "review", "total"),
        ];
        let cells: Vec<Cell> = values
            .iter()
            .enumerate()
            .map(|(i, &value)| {
                let (table, row, col) = rows[i % 3];
                Cell {
                    table,
                    row,
                    col,
                    value,
                    status: STATUSES[i % STATUSES.len()],
                    raw: format!("{i}万元").into(),
                    line: 7,
                }
            })
            .collect();
        let key = Key {
            n: 9,
            id: *b"0123456789abcdef",
            agency: Some("某某局"),
            year: NO_I32,
        };
        let slots: Vec<u16> = cells.iter().map(|c| log.slot(c.table, c.row, c.col)).collect();
        log.push(&key, "2019", &cells, &slots).unwrap();
        log.push(
            &Key {
                agency: None,
                n: 10,
                ..key
            },
            "2021",
            &cells[..1],
            &slots[..1],
        )
        .unwrap();
        let mut r = log.log.reader();
        for (n, template, want) in [(9, "2019", &cells[..]), (10, "2021", &cells[..1])] {
            let mut head = [0; 8];
            r.read_exact(&mut head).unwrap();
            let mut g = Get::new(&head);
            assert_eq!(g.u32() as usize, n);
            let mut body = vec![0; g.u32() as usize];
            r.read_exact(&mut body).unwrap();
            let (k, t, got) = log.decode(n, &body).unwrap();
            assert_eq!((k.n, k.id, k.year, t), (n, key.id, NO_I32, template));
            assert_eq!(k.agency, (n == 9).then_some("某某局"));
            assert_eq!(got.len(), want.len());
            for (g, c) in got.iter().zip(want) {
                assert_eq!((g.slot.row, g.slot.col, g.status), (c.row, c.col, c.status));
                assert_eq!(g.slot.table_of, [ACTIVE, REQUESTS, LITIGATION][c.table as usize]);
                assert_eq!(g.value.map(f64::to_bits), c.value.map(f64::to_bits), "{:?}", c.value);
                // The text is kept for the procurement table's cells alone.
                let procurement = is_procurement(template, g.slot);
                assert_eq!(g.raw, if procurement { c.raw.as_str() } else { "" });
            }
        }
        assert!(r.at_end());
        // A document cut short is an error, not a panic.
        let mut r = log.log.reader();
        let mut head = [0; 8];
        r.read_exact(&mut head).unwrap();
        let mut body = vec![0; Get::new(&head[4..]).u32() as usize];
        r.read_exact(&mut body).unwrap();
        for cut in [0, 10, 17, body.len() - 1] {
            assert!(log.decode(9, &body[..cut]).is_err(), "cut at {cut}");
        }
    }

    proptest::proptest! {
        /// The raw texts numbered as they are pushed make the columns `dictionary` makes of
        /// the same texts, for any rows: an enum column of the texts in order of first use,
        /// or plain strings past half the rows.
        #[test]
        fn interned_texts_make_the_dictionary_columns(
            texts in proptest::collection::vec(proptest::sample::select(vec![
                "0", "1", "12", "", "—", "不涉及", "3.5", "1,024", "一百二十三万元整（含税）的采购金额",
            ]), 0..60),
            from in 0usize..60,
            len in 0usize..60,
        ) {
            let mut interned = Interned::default();
            for t in &texts {
                interned.push(&compact_str::CompactString::from(*t));
            }
            let from = from.min(texts.len());
            let r = from..(from + len).min(texts.len());
            let got = interned.column("raw", r.clone()).unwrap();
            let want = match dictionary("raw", r.len(), texts[r.clone()].iter().map(|t| Some(*t))).unwrap() {
                Some(d) => d,
                None => Column::new("raw".into(), texts[r].to_vec()),
            };
            proptest::prop_assert_eq!(got.dtype(), want.dtype());
            proptest::prop_assert!(got.equals_missing(&want));
        }
    }

    #[test]
    fn a_document_record_comes_back_as_written() {
        let d = Doc {
            id: *b"0123456789abcdef",
            agency: Some((u64::MAX - 1, 12345, 27)),
            year: None,
            published: Some(-3),
            cells: 198,
            warnings: 2,
            identities_ok: Some(false),
            diagnostics: u32::MAX,
            path: (u64::MAX - 7, 4096),
        };
        assert_eq!(Doc::from_bytes(&d.to_bytes()), d);
        let e = Doc {
            agency: None,
            year: Some(2024),
            identities_ok: None,
            ..d
        };
        assert_eq!(Doc::from_bytes(&e.to_bytes()), e);
    }
}
