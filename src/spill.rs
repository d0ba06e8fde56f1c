//! Scratch storage on disk for what the run keeps of every document until its end (the
//! counts that choose among duplicates, each document's count of diagnostics, its cells as
//! the derived tables need them, the report's grant shares): appended as documents
//! complete, read back at the end. A million documents
//! then cost the run's memory nothing; the bytes sit in an unlinked temporary file, which
//! the kernel removes however the run ends, and in the page cache.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;

/// Bytes gathered in memory before they are written out.
const BUF: usize = 64 * 1024;

/// An append-only byte log in an unlinked temporary file.
pub struct Log {
    file: File,
    /// Bytes not yet written, which follow the `written` ones.
    buf: Vec<u8>,
    written: u64,
}

impl Log {
    /// A new empty log in a temporary file in `dir`.
    pub fn new_in(dir: &Path) -> io::Result<Log> {
        Ok(Log {
            file: tempfile::tempfile_in(dir)?,
            buf: Vec::with_capacity(BUF),
            written: 0,
        })
    }

    /// Bytes appended so far.
    pub fn len(&self) -> u64 {
        self.written + self.buf.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends `bytes`; returns where they start.
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.len();
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= BUF {
            self.file.write_all_at(&self.buf, self.written)?;
            self.written += self.buf.len() as u64;
            self.buf.clear();
        }
        Ok(at)
    }

    /// Fills `out` with the bytes from `at` (which must have been appended).
    pub fn read_at(&self, at: u64, out: &mut [u8]) -> io::Result<()> {
        let end = at + out.len() as u64;
        if end > self.len() {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "read past the end of a scratch log",
            ));
        }
        // The part already in the file, then the part still in the buffer.
        let in_file = (self.written.saturating_sub(at) as usize).min(out.len());
        let (head, tail) = out.split_at_mut(in_file);
        self.file.read_exact_at(head, at)?;
        if !tail.is_empty() {
            let from = (at + in_file as u64 - self.written) as usize;
            tail.copy_from_slice(&self.buf[from..from + tail.len()]);
        }
        Ok(())
    }
}

impl Log {
    /// The log's bytes from the start, in order, a block at a time.
    pub fn reader(&self) -> LogReader<'_> {
        LogReader {
            log: self,
            at: 0,
            block: Vec::new(),
            next: 0,
        }
    }
}

/// A sequential reader of a [`Log`] (see [`Log::reader`]).
pub struct LogReader<'a> {
    log: &'a Log,
    /// Where the next block starts in the log.
    at: u64,
    block: Vec<u8>,
    /// The next unread byte of `block`.
    next: usize,
}

impl LogReader<'_> {
    /// Fills `out` with the next bytes; Err when the log ends first.
    pub fn read_exact(&mut self, mut out: &mut [u8]) -> io::Result<()> {
        while !out.is_empty() {
            if self.next == self.block.len() {
                let k = (self.log.len() - self.at).min(BUF as u64) as usize;
                if k == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "read past the end of a scratch log",
                    ));
                }
                self.block.resize(k, 0);
                self.log.read_at(self.at, &mut self.block)?;
                self.at += k as u64;
                self.next = 0;
            }
            let k = out.len().min(self.block.len() - self.next);
            out[..k].copy_from_slice(&self.block[self.next..self.next + k]);
            self.next += k;
            out = &mut out[k..];
        }
        Ok(())
    }

    /// True when every byte has been read.
    pub fn at_end(&self) -> bool {
        self.next == self.block.len() && self.at == self.log.len()
    }
}

/// Records of `N` bytes, numbered from 0 in the order appended.
pub struct Records<const N: usize> {
    log: Log,
}

impl<const N: usize> Records<N> {
    pub fn new_in(dir: &Path) -> io::Result<Records<N>> {
        Ok(Records { log: Log::new_in(dir)? })
    }

    /// Records appended so far.
    pub fn len(&self) -> usize {
        (self.log.len() / N as u64) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, r: &[u8; N]) -> io::Result<()> {
        self.log.append(r).map(drop)
    }

    /// Record `i`.
    pub fn get(&self, i: usize) -> io::Result<[u8; N]> {
        let mut r = [0; N];
        self.log.read_at((i * N) as u64, &mut r)?;
        Ok(r)
    }

    /// Calls `f` with every record and its number, in order, reading a block at a time.
    pub fn scan<E: From<io::Error>>(&self, mut f: impl FnMut(usize, &[u8; N]) -> Result<(), E>) -> Result<(), E> {
        let n = self.len();
        let per_block = (BUF / N).max(1);
        let mut block = vec![0; per_block * N];
        let mut i = 0;
        while i < n {
            let k = per_block.min(n - i);
            self.log.read_at((i * N) as u64, &mut block[..k * N])?;
            for (j, r) in block[..k * N].chunks_exact(N).enumerate() {
                f(i + j, r.try_into().expect("chunks of N bytes"))?;
            }
            i += k;
        }
        Ok(())
    }
}

/// Little-endian fields one after another into a record's bytes.
pub struct Put<'a> {
    out: &'a mut [u8],
    at: usize,
}

impl<'a> Put<'a> {
    pub fn new(out: &'a mut [u8]) -> Put<'a> {
        Put { out, at: 0 }
    }
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.out[self.at..self.at + b.len()].copy_from_slice(b);
        self.at += b.len();
        self
    }
    pub fn u8(&mut self, v: u8) -> &mut Self {
        self.bytes(&[v])
    }
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }
    pub fn i32(&mut self, v: i32) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }
    pub fn f64(&mut self, v: f64) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }
}

/// The fields of a record written by [`Put`], read back in the same order.
pub struct Get<'a> {
    from: &'a [u8],
    at: usize,
}

impl<'a> Get<'a> {
    pub fn new(from: &'a [u8]) -> Get<'a> {
        Get { from, at: 0 }
    }
    pub fn bytes<const K: usize>(&mut self) -> [u8; K] {
        let b = self.from[self.at..self.at + K].try_into().expect("K bytes");
        self.at += K;
        b
    }
    pub fn u8(&mut self) -> u8 {
        self.bytes::<1>()[0]
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.bytes())
    }
    pub fn i32(&mut self) -> i32 {
        i32::from_le_bytes(self.bytes())
    }
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.bytes())
    }
    pub fn f64(&mut self) -> f64 {
        f64::from_le_bytes(self.bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_whether_written_out_or_buffered() {
        let dir = tempfile::tempdir().unwrap();
        let mut r: Records<12> = Records::new_in(dir.path()).unwrap();
        // Enough records to cross several buffer flushes (12 does not divide 64 KiB, so
        // records straddle the file and the buffer).
        let n = 3 * BUF / 12 + 7;
        for i in 0..n {
            let mut b = [0; 12];
            Put::new(&mut b).u64(i as u64 * 3).i32(-(i as i32));
            r.push(&b).unwrap();
        }
        assert_eq!(r.len(), n);
        for i in [0, 1, BUF / 12, BUF / 12 + 1, n - 2, n - 1] {
            let b = r.get(i).unwrap();
            let mut g = Get::new(&b);
            assert_eq!((g.u64(), g.i32()), (i as u64 * 3, -(i as i32)), "record {i}");
        }
        let mut seen = 0;
        r.scan(|i, b| -> io::Result<()> {
            assert_eq!(Get::new(b).u64(), i as u64 * 3);
            seen += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, n);
        assert!(r.get(n).is_err());
    }

    #[test]
    fn log_reads_span_the_file_and_the_buffer() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = Log::new_in(dir.path()).unwrap();
        let text: Vec<u8> = (0..BUF + 100).map(|i| (i % 251) as u8).collect();
        assert_eq!(log.append(&text[..BUF - 10]).unwrap(), 0);
        // This append crosses BUF: everything so far is written out.
        assert_eq!(log.append(&text[BUF - 10..BUF + 50]).unwrap(), (BUF - 10) as u64);
        assert_eq!(log.append(&text[BUF + 50..]).unwrap(), (BUF + 50) as u64);
        let mut out = vec![0; 80];
        log.read_at((BUF + 10) as u64, &mut out).unwrap();
        assert_eq!(out, text[BUF + 10..BUF + 90]);
        let mut out = vec![0; text.len()];
        log.read_at(0, &mut out).unwrap();
        assert_eq!(out, text);
        // Wholly in the file.
        let mut out = vec![0; 30];
        log.read_at(5, &mut out).unwrap();
        assert_eq!(out, text[5..35]);
    }

    #[test]
    fn a_log_reads_back_in_order_in_pieces_of_any_size() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = Log::new_in(dir.path()).unwrap();
        // Past two blocks, the last part still buffered.
        let text: Vec<u8> = (0..2 * BUF + 300).map(|i| (i % 253) as u8).collect();
        for piece in text.chunks(1000) {
            log.append(piece).unwrap();
        }
        let mut r = log.reader();
        let mut got = Vec::new();
        // Pieces that straddle the blocks' ends.
        for size in [1usize, 7, 4093, 65_536, 3].into_iter().cycle() {
            let k = size.min(text.len() - got.len());
            if k == 0 {
                break;
            }
            let mut out = vec![0; k];
            r.read_exact(&mut out).unwrap();
            got.extend(out);
        }
        assert_eq!(got, text);
        assert!(r.at_end());
        assert!(r.read_exact(&mut [0]).is_err());
    }
}
