//! Bytes → text. BOM first (UTF-8, UTF-16LE/BE), then strict UTF-8, then strict GB18030
//! (which covers GBK). A long text that fits neither by a few stray bytes (at most one in
//! [`BYTES_PER_INVALID`], a damaged or mixed page) is read in the one it almost fits, each
//! invalid sequence as U+FFFD, and says so (`Decoded::replaced`); bytes that fit neither
//! otherwise are an error naming the byte offset. HTML may name its charset in a `<meta>`;
//! that is honoured when it names a GB encoding or Big5 and the bytes are not UTF-8. Big5
//! bytes also read as GB18030 (as other characters): a text that reads as Big5 with 公開 in
//! it and as GB18030 without 公开 is Big5. NUL bytes are binary data unless they are UTF-16
//! saved without its BOM; a text whose characters are a crawler's Latin-1 reading of its
//! bytes is read again from those bytes.

use std::borrow::Cow;

use encoding_rs::{Encoding, BIG5, GB18030, UTF_8};

/// Text decoded from a file, borrowed from the bytes when they were UTF-8.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE` or `Big5`.
    pub encoding: &'static str,
    /// The input ended inside a multi-byte character; the partial character was dropped.
    pub truncated: bool,
    /// Invalid sequences replaced by U+FFFD: how many, and the byte offset of the first.
    pub replaced: Option<(usize, usize)>,
    /// The file held the text's bytes read as Latin-1 and saved as UTF-8 (a crawler's
    /// mojibake, `Õþ¸®ÐÅÏ¢¹«¿ª`): they were read again, in `encoding`.
    pub from_latin1: bool,
    /// Some lines were in the other encoding (a crawler's UTF-8 header above a GBK page's
    /// bytes, a site's footer included in another encoding than its page): each line was
    /// read in the one it fits.
    pub mixed: Option<Mixed>,
}

/// The lines of a text in the other encoding than most of it (see [`Decoded::mixed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mixed {
    /// `UTF-8` or `GB18030`.
    pub other: &'static str,
    /// How many lines, and the first's number (from 1).
    pub lines: usize,
    pub first_line: usize,
}

/// A text is read with replacement characters only when it has at most one invalid
/// sequence in this many bytes (and at most [`MAX_INVALID`]): a stray byte in a report of
/// several KB, not a file in another encoding or no text at all.
pub const BYTES_PER_INVALID: usize = 2000;

/// The most invalid sequences a text is read with.
pub const MAX_INVALID: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or a known binary signature.
    Binary(&'static str),
    /// Neither UTF-8 nor GB18030: the first offending byte offset in each.
    Undecodable { utf8_offset: usize, gb18030_offset: usize },
}

/// Known binary signatures, so a PDF or a PNG named `.txt` is called what it is.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\xd0\xcf\x11\xe0", "OLE/Word 97"),
    (b"\x1f\x8b", "gzip"),
];

/// Decodes `bytes` strictly. See the module doc for the order of attempts.
pub fn text(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let d = as_is(bytes)?;
    if d.encoding == "UTF-8" && !d.truncated && d.replaced.is_none() {
        if let Some(d) = latin1_bytes(&d.text).and_then(|b| ideographs(as_is(&b).ok()?)) {
            return Ok(Decoded { from_latin1: true, ..d });
        }
    }
    Ok(d)
}

/// The bytes a text read as Latin-1 (or as Windows-1252, whose `€`, `“` … stand for bytes
/// 0x80–0x9F) was made of, when it holds only such characters and a report's worth of
/// them that are not ASCII (a text in Chinese holds none: most are rejected at their first
/// ideograph's lead byte, E4–E9).
fn latin1_bytes(text: &str) -> Option<Vec<u8>> {
    // Every character of the two but ASCII starts with one of these lead bytes.
    if text
        .bytes()
        .any(|b| b >= 0xC4 && !matches!(b, 0xC5 | 0xC6 | 0xCB | 0xE2))
    {
        return None;
    }
    let mut wide = 0;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let b = match u32::from(c) {
            cp @ 0..=0xFF => cp as u8,
            _ => windows_1252_byte(c)?,
        };
        wide += usize::from(b >= 0x80);
        out.push(b);
    }
    (wide >= 32).then_some(out)
}

/// The byte 0x80–0x9F that Windows-1252 reads as `c` (`€` for 0x80, `“` for 0x93), if any.
fn windows_1252_byte(c: char) -> Option<u8> {
    static TABLE: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let bytes: Vec<u8> = (0x80..=0x9F).collect();
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&bytes)
            .0
            .chars()
            .collect()
    });
    let i = TABLE.iter().position(|&x| x == c)?;
    Some(0x80 + i as u8)
}

/// How many Chinese characters (U+4E00 to U+9FFF) `s` holds, counted up to `most`.
fn ideographs_upto(s: &str, most: usize) -> usize {
    s.chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .take(most)
        .count()
}

/// The text, owned, when it reads as Chinese: ideographs, not other characters that the
/// bytes of a text in Latin letters would give.
fn ideographs(d: Decoded<'_>) -> Option<Decoded<'static>> {
    (ideographs_upto(&d.text, 16) >= 16).then(|| Decoded {
        text: Cow::Owned(d.text.into_owned()),
        ..d
    })
}

/// [`text`] without the repair of a crawler's Latin-1 mojibake.
fn as_is(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == UTF_8 {
            return utf8(body);
        }
        return utf16(enc, body);
    }
    for (sig, name) in SIGNATURES {
        if bytes.starts_with(sig) {
            return Err(DecodeError::Binary(name));
        }
    }
    if memchr::memchr(0, bytes).is_some() {
        return utf16_without_bom(bytes).ok_or(DecodeError::Binary("NUL bytes"));
    }
    let utf8_offset = match from_utf8(bytes) {
        Ok(s) => {
            return Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding: "UTF-8",
                truncated: false,
                replaced: None,
                from_latin1: false,
                mixed: None,
            })
        }
        // Valid UTF-8 cut in the middle of a character: the file was truncated.
        Err(e) if e.error_len().is_none() => {
            let s = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("validated prefix");
            return Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding: "UTF-8",
                truncated: true,
                replaced: None,
                from_latin1: false,
                mixed: None,
            });
        }
        Err(e) => e.valid_up_to(),
    };
    match gb18030(bytes) {
        // UTF-8 lines read as GB18030 too, as other characters (`标题` as `鏍囬`): a GBK
        // text with a line of Chinese in UTF-8 is read line by line.
        Ok(d) if utf8_chinese_line(bytes) => Ok(mixed(bytes).unwrap_or(d)),
        // Big5 bytes read as GB18030 too, as other characters: a text that says nothing of
        // 公开 in GB18030 but 公開 in Big5 is Big5 (a 繁體 page saved as text).
        Ok(d) if !d.text.contains("公开") => Ok(big5(bytes).filter(|b| b.text.contains("公開")).unwrap_or(d)),
        Ok(d) => Ok(d),
        Err(gb18030_offset) => mixed(bytes).or_else(|| nearly(bytes)).ok_or(DecodeError::Undecodable {
            utf8_offset,
            gb18030_offset,
        }),
    }
}

/// A text whose lines are each UTF-8 or GB18030, some of each (see [`Decoded::mixed`]): a
/// line that is not UTF-8 but for a stray byte among Chinese characters (four or more for
/// each, as a GBK line's never are) and that reads as no Chinese in GB18030 is UTF-8 with
/// the byte read as U+FFFD; one that fits neither makes the text none of this kind.
fn mixed(bytes: &[u8]) -> Option<Decoded<'static>> {
    let most = (bytes.len() / BYTES_PER_INVALID).min(MAX_INVALID);
    let mut text = String::with_capacity(bytes.len() * 3 / 2);
    // Non-ASCII bytes in lines of each encoding; the lines in GB18030, the first's number.
    let (mut utf8_wide, mut gb_wide, mut gb_lines, mut first_gb) = (0, 0, 0, 0);
    // The UTF-8 lines with characters of their own (not ASCII alone), the first's number.
    let (mut utf8_lines, mut first_utf8) = (0, 0);
    let (mut replaced, mut first_replaced, mut at) = (0, 0, 0);
    let odd = |s: &str| s.chars().any(|c| !plain(c));
    for (no, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let wide = line.iter().filter(|&&b| b >= 0x80).count();
        // (A short GBK line may be UTF-8 too, as other scripts' letters: `元` is D4 AA,
        // `Ԫ`. Such a line that reads in GB18030 as Chinese is GB18030.)
        let utf8 = from_utf8(line).ok().filter(|s| {
            !odd(s)
                || GB18030
                    .decode_without_bom_handling_and_without_replacement(line)
                    .is_none_or(|g| odd(&g))
        });
        if let Some(s) = utf8 {
            text.push_str(s);
            utf8_wide += wide;
            if wide > 0 {
                utf8_lines += 1;
                if first_utf8 == 0 {
                    first_utf8 = no + 1;
                }
            }
        } else {
            let invalid = line.utf8_chunks().filter(|c| !c.invalid().is_empty()).count();
            let chinese = line
                .utf8_chunks()
                .map(|c| ideographs_upto(c.valid(), usize::MAX))
                .sum::<usize>();
            let gb = GB18030.decode_without_bom_handling_and_without_replacement(line);
            if invalid > 0 && chinese >= 4 * invalid && gb.as_deref().is_none_or(odd) && replaced + invalid <= most {
                for chunk in line.utf8_chunks() {
                    text.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() {
                        if replaced == 0 {
                            first_replaced = at + (chunk.invalid().as_ptr() as usize - line.as_ptr() as usize);
                        }
                        replaced += 1;
                        text.push('\u{FFFD}');
                    }
                }
                utf8_wide += wide;
            } else {
                text.push_str(&gb?);
                gb_wide += wide;
                gb_lines += 1;
                if first_gb == 0 {
                    first_gb = no + 1;
                }
            }
        }
        at += line.len();
    }
    if gb_lines == 0 || utf8_lines == 0 {
        return None;
    }
    // The text's encoding is the one most of its characters are in; the other's lines are
    // counted.
    let (encoding, other, lines, first_line) = if gb_wide > utf8_wide {
        ("GB18030", "UTF-8", utf8_lines, first_utf8)
    } else {
        ("UTF-8", "GB18030", gb_lines, first_gb)
    };
    Some(Decoded {
        text: Cow::Owned(text),
        encoding,
        truncated: false,
        replaced: (replaced > 0).then_some((replaced, first_replaced)),
        from_latin1: false,
        mixed: Some(Mixed {
            other,
            lines,
            first_line,
        }),
    })
}

/// Whether a line is Chinese in UTF-8: four Chinese characters or more, nothing but what
/// a report is made of (GBK bytes are almost never so).
fn utf8_chinese(line: &[u8]) -> bool {
    simdutf8::basic::from_utf8(line).is_ok_and(|s| !s.is_ascii() && ideographs_upto(s, 4) >= 4 && s.chars().all(plain))
}

/// Whether a line of `bytes` is Chinese in UTF-8 (see [`utf8_chinese`]).
fn utf8_chinese_line(bytes: &[u8]) -> bool {
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        if utf8_chinese(&bytes[start..end]) {
            return true;
        }
        start = end + 1;
    }
    false
}

/// Whether a character is one a Chinese report's text is made of: ASCII, Chinese
/// characters and their punctuation, full-width forms, general punctuation, Latin-1's.
fn plain(c: char) -> bool {
    matches!(c as u32,
        0..=0xFF | 0x2000..=0x206F | 0x2100..=0x27BF | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

/// The text `bytes` almost are: UTF-8, else GB18030, with each invalid sequence as U+FFFD,
/// when there are few of them (see [`BYTES_PER_INVALID`]).
fn nearly(bytes: &[u8]) -> Option<Decoded<'static>> {
    let most = (bytes.len() / BYTES_PER_INVALID).min(MAX_INVALID);
    if most == 0 {
        return None;
    }
    // UTF-8 first, when its characters outnumber its invalid sequences many times: GBK
    // text is almost never valid UTF-8 by chance (its few characters that are come with
    // many invalid ones), while UTF-8 text often reads as (wrong) GB18030 characters.
    let mut text = String::with_capacity(bytes.len());
    let (mut count, mut first, mut at, mut wide) = (0, 0, 0, 0);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        wide += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            if count == 0 {
                first = at;
            }
            count += 1;
            if count > most {
                break;
            }
            text.push('\u{FFFD}');
            at += chunk.invalid().len();
        }
    }
    if count <= most && wide >= 10 * count {
        return Some(Decoded {
            text: Cow::Owned(text),
            encoding: "UTF-8",
            truncated: false,
            replaced: Some((count, first)),
            from_latin1: false,
            mixed: None,
        });
    }
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let (mut count, mut first, mut at) = (0, 0, 0);
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[at..], &mut text, true);
        at += read;
        match result {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => text.reserve(bytes.len() - at + 16),
            encoding_rs::DecoderResult::Malformed(bad, extra) => {
                if count == 0 {
                    first = at - bad as usize - extra as usize;
                }
                count += 1;
                if count > most {
                    return None;
                }
                text.push('\u{FFFD}');
            }
        }
    }
    Some(Decoded {
        text: Cow::Owned(text),
        encoding: "GB18030",
        truncated: false,
        replaced: Some((count, first)),
        from_latin1: false,
        mixed: None,
    })
}

fn utf8(body: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    match from_utf8(body) {
        Ok(s) => Ok(Decoded {
            text: Cow::Borrowed(s),
            encoding: "UTF-8",
            truncated: false,
            replaced: None,
            from_latin1: false,
            mixed: None,
        }),
        Err(e) if e.error_len().is_none() => {
            let s = std::str::from_utf8(&body[..e.valid_up_to()]).expect("validated prefix");
            Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding: "UTF-8",
                truncated: true,
                replaced: None,
                from_latin1: false,
                mixed: None,
            })
        }
        Err(e) => nearly(body)
            .filter(|d| d.encoding == "UTF-8")
            .ok_or(DecodeError::Undecodable {
                utf8_offset: e.valid_up_to() + 3,
                gb18030_offset: 0,
            }),
    }
}

fn utf16(enc: &'static Encoding, body: &[u8]) -> Result<Decoded<'static>, DecodeError> {
    let truncated = body.len() % 2 == 1;
    let body = &body[..body.len() - body.len() % 2];
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(s) => Ok(Decoded {
            text: Cow::Owned(s.into_owned()),
            encoding: enc.name(),
            truncated,
            replaced: None,
            from_latin1: false,
            mixed: None,
        }),
        None => {
            let offset = first_malformed(enc, body).unwrap_or(0) + 2;
            Err(DecodeError::Undecodable {
                utf8_offset: offset,
                gb18030_offset: offset,
            })
        }
    }
}

/// UTF-16 saved without its BOM: NUL bytes, the high bytes of the ASCII characters (digits,
/// tabs, line breaks), mostly at odd offsets (little-endian) or at even ones (big-endian),
/// and text that reads as Chinese in that byte order (16 ideographs or more, 95% of its
/// characters ASCII, no-break spaces (a page's empty cells), middle dots, ideographs, CJK
/// or general punctuation, full-width forms, enclosed numbers (①) and box drawing (a
/// table's rules, `│`, `┼`)). Otherwise None: NUL bytes in a file that is not such a text
/// are binary data.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded<'static>> {
    if bytes.len() % 2 == 1 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for i in memchr::memchr_iter(0, bytes) {
        // (The box rule `─`, U+2500, has its NUL byte where an ideograph U+xx00 has: a
        // table drawn with it would outweigh its digits.)
        let other = if i % 2 == 0 { bytes.get(i + 1) } else { bytes.get(i - 1) };
        if other == Some(&0x25) {
            continue;
        }
        if i % 2 == 0 {
            even += 1;
        } else {
            odd += 1;
        }
    }
    // (An ideograph U+xx00 has a NUL byte at the other offset: 开 is U+5F00, 一 U+4E00.)
    let enc = if odd > 2 * even {
        encoding_rs::UTF_16LE
    } else if even > 2 * odd {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let d = utf16(enc, bytes).ok()?;
    // Nearly every character is one a report is written in: binary data read as UTF-16
    // gives characters of every block.
    let (mut all, mut usual) = (0usize, 0usize);
    for c in d.text.chars() {
        all += 1;
        usual += usize::from(
            matches!(c, '\t'..='\r' | ' '..='~' | '\u{a0}' | '\u{b7}' | '\u{2000}'..='\u{206F}' | '\u{2460}'..='\u{257F}' | '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'),
        );
    }
    if usual * 20 < all * 19 {
        return None;
    }
    ideographs(d)
}

/// `std::str::from_utf8`, valid text checked with SIMD first (`simdutf8`, several times
/// faster on CJK text); the standard check only says where invalid text goes wrong.
fn from_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// Strict GB18030. Err holds the byte offset of the first malformed sequence.
fn gb18030(bytes: &[u8]) -> Result<Decoded<'static>, usize> {
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok(Decoded {
            text: Cow::Owned(s.into_owned()),
            encoding: "GB18030",
            truncated: false,
            replaced: None,
            from_latin1: false,
            mixed: None,
        }),
        None => {
            let offset = first_malformed(GB18030, bytes).unwrap_or(0);
            // A GBK file cut in the middle of a two-byte character: decode the rest.
            if offset + 1 >= bytes.len() && offset > 0 {
                if let Some(s) = GB18030.decode_without_bom_handling_and_without_replacement(&bytes[..offset]) {
                    return Ok(Decoded {
                        text: Cow::Owned(s.into_owned()),
                        encoding: "GB18030",
                        truncated: true,
                        replaced: None,
                        from_latin1: false,
                        mixed: None,
                    });
                }
            }
            Err(offset)
        }
    }
}

/// Strict Big5.
fn big5(bytes: &[u8]) -> Option<Decoded<'static>> {
    let s = BIG5.decode_without_bom_handling_and_without_replacement(bytes)?;
    Some(Decoded {
        text: Cow::Owned(s.into_owned()),
        encoding: "Big5",
        truncated: false,
        replaced: None,
        from_latin1: false,
        mixed: None,
    })
}

/// Byte offset of the first malformed sequence for `enc`, if any.
fn first_malformed(enc: &'static Encoding, bytes: &[u8]) -> Option<usize> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, extra) => Some(read - bad as usize - extra as usize),
        _ => None,
    }
}

/// The charset an HTML page declares in `<meta charset>` or a Content-Type meta, if any,
/// looked for in the first 4 KiB like browsers do.
pub fn html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = find(&lower, b"charset")?;
    let rest = &lower[pos + 7..];
    let rest = rest
        .iter()
        .position(|&b| b != b' ' && b != b'=' && b != b'"' && b != b'\'' && b != b'\\')
        .map(|i| &rest[i..])?;
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an HTML page: a declared GB charset wins over UTF-8 only when the bytes are not
/// valid UTF-8 (pages often lie about their charset after re-encoding by a crawler).
pub fn html(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let declared = html_charset(bytes);
    // A page that declares Big5 (a portal's 繁體 mirror) is read in it when it is not UTF-8
    // and fits it: its bytes would read as GB18030 too, as other characters. (So would a
    // GBK page's as Big5: one that says 公开 in GB18030 is GBK, whatever it declares.)
    if declared == Some(BIG5)
        && Encoding::for_bom(bytes).is_none()
        && from_utf8(bytes).is_err()
        && gb18030(bytes).map_or(true, |d| !d.text.contains("公开"))
    {
        if let Some(d) = big5(bytes) {
            return Ok(d);
        }
    }
    match text(bytes) {
        Ok(d) => Ok(d),
        Err(e) => match declared {
            Some(enc) if enc == GB18030 || enc.name() == "GBK" || enc.name() == "gb18030" => {
                gb18030(bytes).map_err(|_| e)
            }
            _ => Err(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = text("规章 0".as_bytes()).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("规章 0", "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("规章".as_bytes());
        assert_eq!(text(&b).unwrap().text, "规章");
    }

    #[test]
    fn gbk_is_gb18030() {
        let (bytes, _, _) = GB18030.encode("行政许可\t0\t0\t0\n");
        let d = text(&bytes).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("行政许可\t0\t0\t0\n", "GB18030"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "总计 3".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = text(&le).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("总计 3", "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        for u in "总计".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(text(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn binary_and_garbage_are_errors_with_offsets() {
        assert_eq!(text(b"%PDF-1.4\n...").unwrap_err(), DecodeError::Binary("PDF"));
        assert_eq!(text(b"ab\0cd").unwrap_err(), DecodeError::Binary("NUL bytes"));
        // 0xFF is invalid in both UTF-8 and GB18030 (0x80 alone is € in GB18030).
        match text(b"abc\xff\xffdef").unwrap_err() {
            DecodeError::Undecodable {
                utf8_offset,
                gb18030_offset,
            } => {
                assert_eq!(utf8_offset, 3);
                assert_eq!(gb18030_offset, 3);
            }
            e => panic!("{e:?}"),
        }
    }

    /// A long text a few stray bytes away from UTF-8 or GB18030 is read in it, each invalid
    /// sequence as U+FFFD and counted; a short one, or one with more of them, is not.
    #[test]
    fn a_few_stray_bytes_in_a_long_text_are_replaced_and_counted() {
        let report = "规章\t0\t0\t0\n".repeat(400); // 4,800 bytes
        let mut utf8 = report.clone().into_bytes();
        utf8.insert(10, 0xFF);
        let d = text(&utf8).unwrap();
        assert_eq!((d.encoding, d.replaced), ("UTF-8", Some((1, 10))));
        assert_eq!(d.text.replace('\u{FFFD}', ""), report);
        // With a BOM too.
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], &utf8].concat();
        assert_eq!(text(&with_bom).unwrap().replaced, Some((1, 10)));
        let (gbk, _, _) = GB18030.encode(&report);
        let mut gbk = gbk.into_owned();
        gbk.insert(9, 0xFF);
        let d = text(&gbk).unwrap();
        assert_eq!((d.encoding, d.replaced), ("GB18030", Some((1, 9))));
        assert_eq!(d.text.replace('\u{FFFD}', ""), report);
        // GBK with few Chinese characters among ASCII is not taken for UTF-8 with a few
        // invalid sequences.
        let sparse = format!("{}规章\n", "0\t".repeat(3000));
        let (gbk, _, _) = GB18030.encode(&sparse);
        let mut gbk = gbk.into_owned();
        gbk.insert(9, 0xFF);
        let d = text(&gbk).unwrap();
        assert_eq!((d.encoding, d.replaced), ("GB18030", Some((1, 9))));
        // One invalid sequence in every 2,000 bytes at most: two in 4,800 bytes are read, a
        // third is not.
        utf8.insert(3000, 0xFF);
        assert_eq!(text(&utf8).unwrap().replaced, Some((2, 10)));
        utf8.insert(4000, 0xFF);
        assert!(matches!(text(&utf8), Err(DecodeError::Undecodable { .. })));
        // A short text with one is not read.
        assert!(matches!(
            text(b"\xe5\xb9\xb4\xe6\x8a\xa5\xff abc"),
            Err(DecodeError::Undecodable { .. })
        ));
        // Valid texts say nothing was replaced.
        assert_eq!(text(report.as_bytes()).unwrap().replaced, None);
    }

    /// A text whose lines are each UTF-8 or GB18030 (a crawler's UTF-8 header above a GBK
    /// page's bytes) is read line by line, each in the one it fits, and says which lines
    /// were in the other; a GBK line that is UTF-8 too as other scripts' letters (`元`, D4
    /// AA, `Ԫ`) is GB18030; a UTF-8 line with a stray byte is UTF-8 still.
    #[test]
    fn lines_in_utf8_and_gbk_are_each_read_in_their_own() {
        let header = "标题: 某某县教育局2020年政府信息公开工作年度报告\n发布时间: 2021-01-20\n";
        let body = "一、总体情况\n政府集中采购\t3\t12.5万元\n元\n".repeat(40);
        let gbk = |s: &str| GB18030.encode(s).0.into_owned();
        let bytes = [header.as_bytes(), &gbk(&body)].concat();
        let d = text(&bytes).unwrap();
        assert_eq!(d.text, format!("{header}{body}"));
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(
            d.mixed,
            Some(Mixed {
                other: "UTF-8",
                lines: 2,
                first_line: 1
            })
        );
        assert_eq!(d.replaced, None);
        // The other way round, a stray byte in a UTF-8 line.
        let mut utf8 = body.clone().into_bytes();
        utf8.insert(3, 0xFF);
        let bytes = [&gbk(header)[..], &utf8].concat();
        let d = text(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.mixed,
            Some(Mixed {
                other: "GB18030",
                lines: 2,
                first_line: 1
            })
        );
        assert_eq!(d.replaced.map(|r| r.0), Some(1));
        assert_eq!(d.text.replace('\u{FFFD}', ""), format!("{header}{body}"));
        // A line that fits neither is no such text.
        let bytes = [header.as_bytes(), &gbk(&body), b"\xff\xff\xff\xff\n"].concat();
        assert!(mixed(&bytes).is_none());
        // Nor one in one encoding alone.
        assert!(mixed(&gbk(&body)).is_none());
    }

    #[test]
    fn truncated_utf8_is_kept_and_flagged() {
        let mut b = "规章".as_bytes().to_vec();
        b.extend_from_slice(&"章".as_bytes()[..2]);
        let d = text(&b).unwrap();
        assert!(d.truncated);
        assert_eq!(d.text, "规章");
    }

    /// Big5 bytes read as GB18030 too, as other characters: a page that declares Big5 is
    /// read in it, and a text that reads as Big5 with 公開 and as GB18030 without 公开.
    #[test]
    fn big5_is_read_where_the_page_declares_it_or_the_text_reads_as_a_report_in_it() {
        let report = "某某縣財政局2022年政府信息公開工作年度報告\n規章\t3\t1\t12\n";
        let (bytes, _, _) = BIG5.encode(report);
        assert!(GB18030
            .decode_without_bom_handling_and_without_replacement(&bytes)
            .is_some());
        let d = text(&bytes).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (report, "Big5"));
        let page = format!("<meta charset=\"big5\"><p>{report}</p>");
        let (bytes, _, _) = BIG5.encode(&page);
        let d = html(&bytes).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (page.as_str(), "Big5"));
        // A GBK report stays GBK, and so does a GBK page that claims Big5 but is not.
        let gbk = "某某县财政局2022年政府信息公开工作年度报告\n规章\t3\t1\t12\n";
        let (bytes, _, _) = GB18030.encode(gbk);
        assert_eq!(text(&bytes).unwrap().encoding, "GB18030");
        let claims = format!("<meta charset=\"big5\"><p>{gbk}</p>");
        let (bytes, _, _) = GB18030.encode(&claims);
        assert_eq!(html(&bytes).unwrap().encoding, "GB18030");
    }

    /// A crawler that took a page without a charset for Latin-1 (Windows-1252) saved its
    /// bytes as that many characters in UTF-8: they are read again as what they were.
    #[test]
    fn a_texts_bytes_saved_as_latin1_characters_are_read_again() {
        let report = "某某县财政局2022年政府信息公开工作年度报告\n规章\t3\t1\t12\n行政规范性文件\t5\t0\t30\n";
        let latin1 = |bytes: &[u8]| -> String { bytes.iter().map(|&b| char::from(b)).collect() };
        // UTF-8 bytes as Latin-1 (`æŸ` …), GBK bytes as Windows-1252 (`ÄêÕþ¸®`, with `€` for 0x80).
        let (gbk, _, _) = GB18030.encode(report);
        let (w1252, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&gbk);
        for (saved, encoding) in [(latin1(report.as_bytes()), "UTF-8"), (w1252.into_owned(), "GB18030")] {
            let d = text(saved.as_bytes()).unwrap();
            assert_eq!((d.text.as_ref(), d.encoding, d.from_latin1), (report, encoding, true));
        }
        // Text in Latin letters with accents, and Chinese text, stay as they are.
        let french = "Rapport annuel sur la publicité de l'information gouvernementale, élaboré à Pékin. ".repeat(4);
        let d = text(french.as_bytes()).unwrap();
        assert_eq!((d.text.as_ref(), d.from_latin1), (french.as_str(), false));
        assert!(!text(report.as_bytes()).unwrap().from_latin1);
    }

    /// UTF-16 saved without its BOM reads as what it is; NUL bytes in other files are
    /// still binary data.
    #[test]
    fn utf16_without_its_bom() {
        let report = "某某县财政局2022年政府信息公开工作年度报告\n规章\t3\t1\t12\n行政规范性文件\t5\t0\t30\n";
        // A table drawn with box rules too (`┌──┬──┐`, `│规章│3│`).
        let boxed = format!(
            "某某县财政局2022年政府信息公开工作年度报告\n{}",
            "┌──────────┬────┬────┐\n│规章      │3   │1   │\n├──────────┼────┼────┤\n".repeat(4)
        );
        // A page's text whose empty cells are no-break spaces (`get_text("\t")`).
        let spaced = format!(
            "某某县财政局2022年政府信息公开工作年度报告\n{}",
            "一、本年新收政府信息公开申请数量\t\u{a0}\t\u{a0}\t\u{a0}\t\u{a0}\t\u{a0}\t\u{a0}\t\u{a0}\n".repeat(4)
        );
        for report in [report, boxed.as_str(), spaced.as_str()] {
            let le: Vec<u8> = report.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = report.encode_utf16().flat_map(u16::to_be_bytes).collect();
            for (bytes, encoding) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
                let d = text(&bytes).unwrap();
                assert_eq!((d.text.as_ref(), d.encoding), (report, encoding));
            }
        }
        let english: Vec<u8> = "annual report 2022\n"
            .repeat(8)
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(text(&english).unwrap_err(), DecodeError::Binary("NUL bytes"));
        assert_eq!(text(b"ab\0cd\0ef\0\0").unwrap_err(), DecodeError::Binary("NUL bytes"));
        // Binary data whose NUL bytes happen to stand at one parity.
        let noise: Vec<u8> = (0..4096u32)
            .flat_map(|i| {
                [
                    (i * 7919 % 251) as u8 | 1,
                    // No surrogates (D8–DF): the noise reads as UTF-16, a third of it ideographs.
                    if i % 3 == 0 { 0 } else { (i * 104729 % 0xD0) as u8 | 1 },
                ]
            })
            .collect();
        assert_eq!(text(&noise).unwrap_err(), DecodeError::Binary("NUL bytes"));
    }

    #[test]
    fn html_meta_charset() {
        assert_eq!(html_charset(b"<meta charset=\"gbk\">").unwrap().name(), "GBK");
        assert_eq!(
            html_charset(b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">")
                .unwrap()
                .name(),
            "GBK"
        );
    }
}
