//! CSV files as a [`Source`]: their encoding and delimiter told from the top of the file, then
//! the records one at a time, each with the file line it starts on. The file streams through:
//! only its top (64 KiB) is held to tell how to read it.
//!
//! The encoding is the byte-order mark's (UTF-8 or UTF-16), else UTF-16 if zero bytes sit beside
//! the top's ASCII characters (a UTF-16 file saved without a mark), else UTF-8 if the top of the
//! file is UTF-8, else GB18030 (which reads GBK, what Excel on a Chinese Windows saves). The
//! delimiter is the one of `,` tab `;` under which a top line names the most known columns.

use std::collections::{HashMap, VecDeque};
use std::io::{Chain, Cursor, Read};

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

use super::columns::column_for;
use super::source::{Row, Source, file_error};
use crate::error::AppError;

/// How much of the top of a file tells its encoding and delimiter.
pub const HEAD_BYTES: u64 = 64 * 1024;
/// The top lines the header may be on (exports put a title and a date range above it), which
/// the delimiter is told from.
pub const HEADER_WITHIN: usize = 10;

type Decoded<R> = Chain<Cursor<Vec<u8>>, DecodeReaderBytes<Chain<Cursor<Vec<u8>>, R>, Vec<u8>>>;

/// The records of a CSV file.
pub struct CsvSource<R: Read> {
    reader: ::csv::Reader<Lines<Decoded<R>>>,
    /// The encoding's name, as [`encoding_name`] gives it.
    pub encoding: &'static str,
    pub delimiter: char,
}

impl<R: Read> CsvSource<R> {
    /// Tells the encoding, and the delimiter by the known column `names` the top lines have.
    pub fn open(mut reader: R, names: &HashMap<String, usize>) -> Result<Self, AppError> {
        let mut raw = Vec::new();
        (&mut reader)
            .take(HEAD_BYTES)
            .read_to_end(&mut raw)
            .map_err(|e| file_error(None, format!("cannot be read: {e}")))?;
        let encoding = encoding_of(&raw);
        let mut decoded = DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .bom_override(true)
            .strip_bom(true)
            .build(Cursor::new(raw).chain(reader));
        let mut head = Vec::new();
        (&mut decoded)
            .take(HEAD_BYTES)
            .read_to_end(&mut head)
            .map_err(|e| file_error(None, format!("cannot be read: {e}")))?;
        let delimiter = [b',', b'\t', b';']
            .into_iter()
            .max_by_key(|d| (known_in_top_lines(&head, *d, names), d == &b','))
            .unwrap_or(b',');
        let reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Lines::new(Cursor::new(head).chain(decoded)));
        Ok(Self {
            reader,
            encoding: encoding_name(encoding),
            delimiter: char::from(delimiter),
        })
    }
}

impl<R: Read> Source for CsvSource<R> {
    fn next_row(&mut self, row: &mut Row) -> Result<bool, AppError> {
        row.kinds.clear();
        match self.reader.read_record(&mut row.cells) {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            Err(err) => return Err(unreadable(&mut self.reader, err)),
        }
        let byte = row.cells.position().map_or(0, |p| p.byte());
        row.line = self.reader.get_mut().line_at(byte);
        Ok(true)
    }
}

/// The byte-order mark's encoding, else UTF-16 by its zero bytes, else UTF-8 if the top of the
/// file is UTF-8 (a character cut at its end aside), else GB18030.
fn encoding_of(raw: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(raw) {
        return encoding;
    }
    if let Some(encoding) = utf16_without_bom(raw) {
        return encoding;
    }
    match std::str::from_utf8(raw) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => GB18030,
    }
}

/// UTF-16 told by its zero bytes. Text in UTF-8 or GBK has none, while UTF-16 writes each ASCII
/// character (the delimiters, digits and line ends a CSV is full of) as two bytes, one of them
/// zero: the second (little-endian) or the first (big-endian). A CJK character may have a zero
/// byte too (一 is U+4E00), so it is the side where most of them are that tells, and only when
/// they are at least one pair in eight.
fn utf16_without_bom(raw: &[u8]) -> Option<&'static Encoding> {
    let (mut first, mut second) = (0usize, 0usize);
    for pair in raw.chunks_exact(2) {
        first += usize::from(pair[0] == 0);
        second += usize::from(pair[1] == 0);
    }
    let enough = |zeros: usize| zeros * 8 >= raw.len() / 2 && zeros > 0;
    if second > 2 * first && enough(second) {
        Some(UTF_16LE)
    } else if first > 2 * second && enough(first) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn encoding_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GB18030 {
        "GB18030 (GBK)"
    } else if encoding == UTF_16LE || encoding == UTF_16BE {
        "UTF-16"
    } else {
        "UTF-8"
    }
}

/// How many of a line's cells name known columns.
pub fn known<'a>(
    cells: impl IntoIterator<Item = &'a str>,
    names: &HashMap<String, usize>,
) -> usize {
    cells
        .into_iter()
        .filter(|h| column_for(names, h.trim()).is_some())
        .count()
}

/// The most known columns a top line names when cut at `delimiter`.
fn known_in_top_lines(head: &[u8], delimiter: u8, names: &HashMap<String, usize>) -> usize {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(head)
        .records()
        .take(HEADER_WITHIN)
        .map_while(Result::ok)
        .map(|r| known(&r, names))
        .max()
        .unwrap_or(0)
}

/// Counts lines for the parser. The csv crate gives a record the position where the previous one
/// ended, so a record after blank lines (which it skips) would be put on the first blank line;
/// this remembers where each non-blank line starts, so that the first one at or after that
/// position is the record's own.
struct Lines<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// The line of the next byte.
    line: usize,
    at_line_start: bool,
    /// (first byte, line) of the non-blank lines read and not yet passed.
    starts: VecDeque<(u64, usize)>,
}

impl<R> Lines<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            offset: 0,
            line: 1,
            at_line_start: true,
            starts: VecDeque::new(),
        }
    }

    /// The line of the first non-blank line starting at or after `byte`; earlier lines are
    /// forgotten, so ask in file order.
    fn line_at(&mut self, byte: u64) -> usize {
        while let Some(&(start, line)) = self.starts.front() {
            if start >= byte {
                return line;
            }
            self.starts.pop_front();
        }
        self.line
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut rest = &buf[..n];
        while !rest.is_empty() {
            if self.at_line_start && rest[0] != b'\n' && rest[0] != b'\r' {
                self.starts.push_back((self.offset, self.line));
            }
            let (len, newline) = match rest.iter().position(|&b| b == b'\n') {
                Some(at) => (at + 1, true),
                None => (rest.len(), false),
            };
            self.at_line_start = newline;
            self.line += usize::from(newline);
            self.offset += len as u64;
            rest = &rest[len..];
        }
        Ok(n)
    }
}

fn unreadable<R: Read>(reader: &mut ::csv::Reader<Lines<R>>, err: ::csv::Error) -> AppError {
    let line = err.position().map(|p| reader.get_mut().line_at(p.byte()));
    let message = match err.kind() {
        ::csv::ErrorKind::Io(e) => format!("cannot be read: {e}"),
        _ => format!("is not valid CSV: {err}"),
    };
    file_error(line, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "生意参谋 · 客服绩效\n日期,客服,接待人数,询单人数\n2026-11-01,小雅,120,80\n\
                        一月,一二三,,\n";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    /// Every row as (line, cells), read by a source opened with no known columns (so `,`).
    fn rows(file: &[u8]) -> (&'static str, Vec<(usize, Vec<String>)>) {
        let mut source = CsvSource::open(file, &HashMap::new()).unwrap();
        let mut row = Row::default();
        let mut rows = Vec::new();
        while source.next_row(&mut row).unwrap() {
            rows.push((row.line, row.cells.iter().map(str::to_owned).collect()));
        }
        (source.encoding, rows)
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_told_by_its_zero_bytes() {
        // "2026-11-01,小雅" in UTF-16LE is 32 00 30 00 … 2C 00 0F 5C 45 96: the zero byte second
        // in each ASCII character's pair. 一 (U+4E00) puts one first (00 4E), but far fewer.
        let le = utf16(FILE, false);
        assert_eq!(&le[..4], [0x1f, 0x75, 0x0f, 0x61]); // 生 U+751F, 意 U+610F
        assert_eq!(utf16_without_bom(&le), Some(UTF_16LE));
        let be = utf16(FILE, true);
        assert_eq!(utf16_without_bom(&be), Some(UTF_16BE));
        let expected = vec![
            (1, vec!["生意参谋 · 客服绩效".to_owned()]),
            (
                2,
                ["日期", "客服", "接待人数", "询单人数"]
                    .map(String::from)
                    .to_vec(),
            ),
            (
                3,
                ["2026-11-01", "小雅", "120", "80"]
                    .map(String::from)
                    .to_vec(),
            ),
            (4, ["一月", "一二三", "", ""].map(String::from).to_vec()),
        ];
        for file in [&le, &be] {
            assert_eq!(rows(file), ("UTF-16", expected.clone()));
        }
        // UTF-8 and GBK have no zero bytes at all, so they are never taken for UTF-16.
        assert_eq!(utf16_without_bom(FILE.as_bytes()), None);
        let (gbk, _, _) = encoding_rs::GBK.encode(FILE);
        assert_eq!(utf16_without_bom(&gbk), None);
        assert_eq!(rows(&gbk).0, "GB18030 (GBK)");
        // Zero bytes on both sides alike are not UTF-16 (binary, or nothing): read as before.
        assert_eq!(utf16_without_bom(&[0, 0, 0, 0, b'a', b'b']), None);
        // Too few of them (one ASCII character in many CJK ones) is no evidence either.
        let mostly_cjk = utf16(&format!("{},", "汉字".repeat(20)), false);
        assert_eq!(utf16_without_bom(&mostly_cjk), None);
        // With a mark, the mark decides.
        let mut marked = vec![0xfe, 0xff];
        marked.extend(&be);
        assert_eq!(rows(&marked), ("UTF-16", expected));
    }

    #[test]
    fn the_delimiter_is_the_one_that_names_known_columns() {
        let names: HashMap<String, usize> = [("a".to_owned(), 0), ("b".to_owned(), 1)].into();
        for (file, delimiter) in [("a;b\n1;2\n", ';'), ("a\tb\n1\t2\n", '\t'), ("x\n", ',')] {
            let source = CsvSource::open(file.as_bytes(), &names).unwrap();
            assert_eq!(source.delimiter, delimiter, "{file:?}");
        }
    }
}
