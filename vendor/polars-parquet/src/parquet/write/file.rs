use std::io::Write;

use polars_parquet_format::thrift::protocol::{
    TCompactInputProtocol, TCompactOutputProtocol, TFieldIdentifier, TListIdentifier,
    TMapIdentifier, TMessageIdentifier, TOutputProtocol, TSetIdentifier, TStructIdentifier,
};
use polars_parquet_format::{ColumnMetaData, CompressionCodec, RowGroup, Type};

use super::indexes::{write_column_index, write_offset_index};
use super::row_group::write_row_group;
use super::{RowGroupIterColumns, WriteOptions};
use crate::parquet::error::{ParquetError, ParquetResult};
pub use crate::parquet::metadata::KeyValue;
use crate::parquet::metadata::{SchemaDescriptor, ThriftFileMetadata};
use crate::parquet::write::State;
use crate::parquet::{FOOTER_SIZE, PARQUET_MAGIC};

pub(super) fn start_file<W: Write>(writer: &mut W) -> ParquetResult<u64> {
    writer.write_all(&PARQUET_MAGIC)?;
    Ok(PARQUET_MAGIC.len() as u64)
}

pub(super) fn end_file<W: Write>(
    mut writer: &mut W,
    metadata: &ThriftFileMetadata,
) -> ParquetResult<u64> {
    // Write metadata
    let mut protocol = TCompactOutputProtocol::new(&mut writer);
    let metadata_len = metadata.write_to_out_protocol(&mut protocol)? as i32;

    // Write footer
    let metadata_bytes = metadata_len.to_le_bytes();
    let mut footer_buffer = [0u8; FOOTER_SIZE as usize];
    (0..4).for_each(|i| {
        footer_buffer[i] = metadata_bytes[i];
    });

    (&mut footer_buffer[4..]).write_all(&PARQUET_MAGIC)?;
    writer.write_all(&footer_buffer)?;
    writer.flush()?;
    Ok(metadata_len as u64 + FOOTER_SIZE)
}

/// Writes a footer already serialized.
fn end_file_bytes<W: Write>(writer: &mut W, metadata: &[u8]) -> ParquetResult<u64> {
    writer.write_all(metadata)?;
    let mut footer_buffer = [0u8; FOOTER_SIZE as usize];
    footer_buffer[..4].copy_from_slice(&(metadata.len() as i32).to_le_bytes());
    footer_buffer[4..].copy_from_slice(&PARQUET_MAGIC);
    writer.write_all(&footer_buffer)?;
    writer.flush()?;
    Ok(metadata.len() as u64 + FOOTER_SIZE)
}

/// The `ColumnMetaData` that stands in a row group for the serialized one (no allocation).
fn placeholder() -> ColumnMetaData {
    ColumnMetaData {
        type_: Type::BOOLEAN,
        encodings: vec![],
        path_in_schema: vec![],
        codec: CompressionCodec::UNCOMPRESSED,
        num_values: 0,
        total_uncompressed_size: 0,
        total_compressed_size: 0,
        key_value_metadata: None,
        data_page_offset: 0,
        index_page_offset: None,
        dictionary_page_offset: None,
        statistics: None,
        encoding_stats: None,
        bloom_filter_offset: None,
        bloom_filter_length: None,
        size_statistics: None,
    }
}

/// ogi patch: a compact protocol that writes, in place of each `ColumnMetaData` struct it is
/// given (the placeholders), the next of the serialized ones. A struct in the compact
/// protocol is its fields and a stop byte, whatever encloses it (field ids are deltas within
/// the struct), so the bytes are those the struct would have written there.
struct Splice<'a, W: Write> {
    inner: TCompactOutputProtocol<W>,
    metas: &'a [u8],
    lens: std::slice::Iter<'a, u32>,
    at: usize,
    /// Inside a placeholder: its nesting depth (its calls are dropped).
    depth: usize,
}

impl<W: Write> Splice<'_, W> {
    fn pass(
        &mut self,
        f: impl FnOnce(&mut TCompactOutputProtocol<W>) -> polars_parquet_format::thrift::Result<usize>,
    ) -> polars_parquet_format::thrift::Result<usize> {
        if self.depth > 0 { Ok(0) } else { f(&mut self.inner) }
    }
}

impl<W: Write> TOutputProtocol for Splice<'_, W> {
    fn write_message_begin(
        &mut self,
        i: &TMessageIdentifier,
    ) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_message_begin(i))
    }
    fn write_message_end(&mut self) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_message_end())
    }
    fn write_struct_begin(
        &mut self,
        i: &TStructIdentifier,
    ) -> polars_parquet_format::thrift::Result<usize> {
        if self.depth > 0 {
            self.depth += 1;
            return Ok(0);
        }
        if i.name != "ColumnMetaData" {
            return self.inner.write_struct_begin(i);
        }
        self.depth = 1;
        let len = *self.lens.next().expect("a serialized ColumnMetaData per placeholder") as usize;
        for &b in &self.metas[self.at..self.at + len] {
            self.inner.write_byte(b)?;
        }
        self.at += len;
        Ok(len)
    }
    fn write_struct_end(&mut self) -> polars_parquet_format::thrift::Result<usize> {
        if self.depth > 0 {
            self.depth -= 1;
            return Ok(0);
        }
        self.inner.write_struct_end()
    }
    fn write_field_begin(
        &mut self,
        i: &TFieldIdentifier,
    ) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_field_begin(i))
    }
    fn write_field_end(&mut self) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_field_end())
    }
    fn write_field_stop(&mut self) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_field_stop())
    }
    fn write_bool(&mut self, b: bool) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_bool(b))
    }
    fn write_bytes(&mut self, b: &[u8]) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_bytes(b))
    }
    fn write_i8(&mut self, i: i8) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_i8(i))
    }
    fn write_i16(&mut self, i: i16) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_i16(i))
    }
    fn write_i32(&mut self, i: i32) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_i32(i))
    }
    fn write_i64(&mut self, i: i64) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_i64(i))
    }
    fn write_double(&mut self, d: f64) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_double(d))
    }
    fn write_string(&mut self, s: &str) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_string(s))
    }
    fn write_list_begin(
        &mut self,
        i: &TListIdentifier,
    ) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_list_begin(i))
    }
    fn write_list_end(&mut self) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_list_end())
    }
    fn write_set_begin(
        &mut self,
        i: &TSetIdentifier,
    ) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_set_begin(i))
    }
    fn write_set_end(&mut self) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_set_end())
    }
    fn write_map_begin(
        &mut self,
        i: &TMapIdentifier,
    ) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_map_begin(i))
    }
    fn write_map_end(&mut self) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_map_end())
    }
    fn flush(&mut self) -> polars_parquet_format::thrift::Result<()> {
        self.inner.flush()
    }
    fn write_byte(&mut self, b: u8) -> polars_parquet_format::thrift::Result<usize> {
        self.pass(|p| p.write_byte(b))
    }
}

fn create_column_orders(schema_desc: &SchemaDescriptor) -> Vec<polars_parquet_format::ColumnOrder> {
    // We only include ColumnOrder for leaf nodes.
    // Currently only supported ColumnOrder is TypeDefinedOrder so we set this
    // for all leaf nodes.
    // Even if the column has an undefined sort order, such as INTERVAL, this
    // is still technically the defined TYPEORDER so it should still be set.
    (0..schema_desc.columns().len())
        .map(|_| {
            polars_parquet_format::ColumnOrder::TYPEORDER(
                polars_parquet_format::TypeDefinedOrder {},
            )
        })
        .collect()
}

/// An interface to write a parquet file.
/// Use `start` to write the header, `write` to write a row group,
/// and `end` to write the footer.
pub struct FileWriter<W: Write> {
    writer: W,
    schema: SchemaDescriptor,
    options: WriteOptions,
    created_by: Option<String>,

    offset: u64,
    row_groups: Vec<RowGroup>,
    // ogi patch: each column chunk's column index (when statistics are written) and offset
    // index, serialized as its row group is written, instead of the chunk's page specs
    // (page headers and statistics, ~4 KB a column chunk) kept until `end`.
    indexes: Vec<Vec<(Vec<u8>, Vec<u8>)>>,
    // ogi patch: each column chunk's `ColumnMetaData` (statistics, encodings, path: ~1 KB
    // a column chunk as structs), serialized as its row group is written, one after
    // another; `row_groups` holds an empty placeholder in its place until `end`, where
    // the footer is written with these bytes spliced in (see `Splice`).
    metas: Vec<u8>,
    meta_lens: Vec<u32>,
    /// Used to store the current state for writing the file
    state: State,
    // when the file is written, metadata becomes available
    metadata: Option<ThriftFileMetadata>,
}

/// Writes a parquet file containing only the header and footer
///
/// This is used to write the metadata as a separate Parquet file, usually when data
/// is partitioned across multiple files.
///
/// Note: Recall that when combining row groups from [`ThriftFileMetadata`], the `file_path` on each
/// of their column chunks must be updated with their path relative to where they are written to.
pub fn write_metadata_sidecar<W: Write>(
    writer: &mut W,
    metadata: &ThriftFileMetadata,
) -> ParquetResult<u64> {
    let mut len = start_file(writer)?;
    len += end_file(writer, metadata)?;
    Ok(len)
}

// Accessors
impl<W: Write> FileWriter<W> {
    /// The options assigned to the file
    pub fn options(&self) -> &WriteOptions {
        &self.options
    }

    /// The [`SchemaDescriptor`] assigned to this file
    pub fn schema(&self) -> &SchemaDescriptor {
        &self.schema
    }

    /// Returns the [`ThriftFileMetadata`]. This is Some iff the [`Self::end`] has been called.
    ///
    /// This is used to write the metadata as a separate Parquet file, usually when data
    /// is partitioned across multiple files
    pub fn metadata(&self) -> Option<&ThriftFileMetadata> {
        self.metadata.as_ref()
    }
}

impl<W: Write> FileWriter<W> {
    /// Returns a new [`FileWriter`].
    pub fn new(
        writer: W,
        schema: SchemaDescriptor,
        options: WriteOptions,
        created_by: Option<String>,
    ) -> Self {
        Self {
            writer,
            schema,
            options,
            created_by,
            offset: 0,
            row_groups: vec![],
            indexes: vec![],
            metas: vec![],
            meta_lens: vec![],
            state: State::Initialised,
            metadata: None,
        }
    }

    /// Writes the header of the file.
    ///
    /// This is automatically called by [`Self::write`] if not called following [`Self::new`].
    ///
    /// # Errors
    /// Returns an error if data has been written to the file.
    fn start(&mut self) -> ParquetResult<()> {
        if self.offset == 0 {
            self.offset = start_file(&mut self.writer)?;
            self.state = State::Started;
            Ok(())
        } else {
            Err(ParquetError::InvalidParameter(
                "Start cannot be called twice".to_string(),
            ))
        }
    }

    /// Writes a row group to the file.
    ///
    /// This call is IO-bounded
    pub fn write<E>(
        &mut self,
        num_rows: u64,
        row_group: RowGroupIterColumns<'_, E>,
    ) -> ParquetResult<()>
    where
        ParquetError: From<E>,
        E: std::error::Error,
    {
        if self.offset == 0 {
            self.start()?;
        }
        let ordinal = self.row_groups.len();
        let (mut group, specs, size) = write_row_group(
            &mut self.writer,
            num_rows,
            self.offset,
            self.schema.columns(),
            row_group,
            ordinal,
        )?;
        self.offset += size;
        for column in group.columns.iter_mut() {
            if let Some(meta) = column.meta_data.replace(placeholder()) {
                let start = self.metas.len();
                let mut protocol = TCompactOutputProtocol::new(&mut self.metas);
                meta.write_to_out_protocol(&mut protocol)?;
                self.meta_lens.push((self.metas.len() - start) as u32);
            } else {
                column.meta_data = None;
            }
        }
        self.row_groups.push(group);
        let indexes = specs
            .iter()
            .map(|pages| {
                let mut column = vec![];
                if self.options.write_statistics {
                    write_column_index(&mut column, pages)?;
                }
                let mut offset = vec![];
                write_offset_index(&mut offset, pages)?;
                column.shrink_to_fit();
                offset.shrink_to_fit();
                ParquetResult::Ok((column, offset))
            })
            .collect::<ParquetResult<Vec<_>>>()?;
        self.indexes.push(indexes);
        Ok(())
    }

    /// Writes the footer of the parquet file. Returns the total size of the file and the
    /// underlying writer.
    pub fn end(&mut self, key_value_metadata: Option<Vec<KeyValue>>) -> ParquetResult<u64> {
        if self.offset == 0 {
            self.start()?;
        }

        if self.state != State::Started {
            return Err(ParquetError::InvalidParameter(
                "End cannot be called twice".to_string(),
            ));
        }
        // compute file stats
        let num_rows = self.row_groups.iter().map(|group| group.num_rows).sum();

        if self.options.write_statistics {
            // write column indexes (require page statistics)
            for (group, indexes) in self.row_groups.iter_mut().zip(self.indexes.iter()) {
                for (column, (index, _)) in group.columns.iter_mut().zip(indexes.iter()) {
                    column.column_index_offset = Some(self.offset as i64);
                    self.writer.write_all(index)?;
                    self.offset += index.len() as u64;
                    column.column_index_length = Some(index.len() as i32);
                }
            }
        };

        // write offset index
        for (group, indexes) in self.row_groups.iter_mut().zip(self.indexes.iter()) {
            for (column, (_, index)) in group.columns.iter_mut().zip(indexes.iter()) {
                column.offset_index_offset = Some(self.offset as i64);
                self.writer.write_all(index)?;
                self.offset += index.len() as u64;
                column.offset_index_length = Some(index.len() as i32);
            }
        }

        let metadata = ThriftFileMetadata::new(
            self.options.version.into(),
            self.schema.clone().into_thrift(),
            num_rows,
            self.row_groups.clone(),
            key_value_metadata,
            self.created_by.clone(),
            Some(create_column_orders(&self.schema)),
            None,
            None,
        );

        // The footer with each placeholder replaced by its chunk's serialized metadata;
        // `metadata()` then gives the footer as written, read back from these bytes.
        let mut bytes = vec![];
        let mut splice = Splice {
            inner: TCompactOutputProtocol::new(&mut bytes),
            metas: &self.metas,
            lens: self.meta_lens.iter(),
            at: 0,
            depth: 0,
        };
        metadata.write_to_out_protocol(&mut splice)?;
        drop(metadata);
        self.row_groups = vec![];
        self.metas = vec![];
        self.meta_lens = vec![];
        let len = end_file_bytes(&mut self.writer, &bytes)?;
        let mut protocol = TCompactInputProtocol::new(&bytes[..], usize::MAX);
        self.metadata = Some(ThriftFileMetadata::read_from_in_protocol(&mut protocol)?);
        self.state = State::Finished;
        Ok(self.offset + len)
    }

    /// Returns the underlying writer.
    pub fn into_inner(self) -> W {
        self.writer
    }

    /// Returns the underlying writer and [`ThriftFileMetadata`]
    /// # Panics
    /// This function panics if [`Self::end`] has not yet been called
    pub fn into_inner_and_metadata(self) -> (W, ThriftFileMetadata) {
        (self.writer, self.metadata.expect("File to have ended"))
    }
}
