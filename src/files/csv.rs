//! CSV files: their encoding, delimiter and header line told from the top of the file, the header
//! matched against a kind's columns, then the data rows one at a time, each with its file line.
//! Summary rows (汇总, 合计, 均值…) and empty lines are skipped.
//!
//! The encoding is the byte-order mark's (UTF-8 or UTF-16), else UTF-8 if the top of the file is
//! UTF-8, else GB18030 (which reads GBK, what Excel on a Chinese Windows saves). The delimiter is
//! the one of `,` tab `;` under which a top line names the most known columns, and the header is
//! the first of the top lines that names at least two (title lines above it are skipped).

use std::collections::{HashMap, VecDeque};
use std::io::{Chain, Cursor, Read};

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::DeserializeOwned;
use serde::de::value::MapDeserializer;
use serde_json::Value;

use super::cells;
use super::columns::{Spec, Ty, also_known_as, column_for, derived_names, header_names};
use crate::error::{AppError, AppResult, FieldError};
use crate::validate::{Checks, MAX_LISTED};

/// A problem of one cell (or of the row): the field and what is wrong.
pub type Problem = (&'static str, String);

/// A data row at its line: the row, or what keeps it from being one.
pub type Record<T> = (usize, Result<T, Vec<Problem>>);

/// How much of the top of a file tells its encoding, delimiter and header.
const HEAD_BYTES: u64 = 64 * 1024;
/// The lines the header may be on: exports put a title and a date range above it.
const HEADER_WITHIN: usize = 10;
/// Known columns a line must name to be taken for the header.
const HEADER_MATCHES: usize = 2;

/// How a file was read, and what was noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub encoding: &'static str,
    pub delimiter: char,
    pub header_line: usize,
    /// The header's columns no row field takes, in file order.
    pub ignored: Vec<String>,
    /// Derived columns that disagree with shopops's own formula (`line 5: 支付转化率 …`): the
    /// first [`MAX_LISTED`] of them, then how many more.
    pub warnings: Vec<String>,
    /// The derived-column warnings there were in all, listed or not.
    pub warning_count: usize,
}

type Decoded<R> = Chain<Cursor<Vec<u8>>, DecodeReaderBytes<Chain<Cursor<Vec<u8>>, R>, Vec<u8>>>;

/// A CSV file whose header has been matched against a kind's columns.
pub struct Records<R: Read> {
    spec: &'static Spec,
    reader: ::csv::Reader<Lines<Decoded<R>>>,
    layout: Layout,
    /// The columns the file has: (index in `spec.columns`, index in the record).
    present: Vec<(usize, usize)>,
    /// The derived columns it has: (index in `spec.derived`, index in the record).
    derived: Vec<(usize, usize)>,
    unlisted_warnings: usize,
    width: usize,
    record: ::csv::StringRecord,
}

impl<R: Read> Records<R> {
    /// Reads and matches the header; `kind` names the kind of file in messages.
    pub fn open(spec: &'static Spec, kind: &str, mut reader: R) -> AppResult<Self> {
        let names = header_names(spec);
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
            .max_by_key(|d| (known_in_top_lines(&head, *d, &names), d == &b','))
            .unwrap_or(b',');
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Lines::new(Cursor::new(head).chain(decoded)));
        // Without a line that names known columns, the first is taken (its columns are then
        // reported as unknown, so the rows it skipped do not matter).
        let (mut header, mut first) = (None, None);
        let mut record = ::csv::StringRecord::new();
        for _ in 0..HEADER_WITHIN {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(err) => return Err(unreadable(&mut reader, err)),
            }
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = line_of(&mut reader, &record);
            if known(&record, &names) >= HEADER_MATCHES {
                header = Some((record.clone(), line));
                break;
            }
            first.get_or_insert_with(|| (record.clone(), line));
        }
        let Some((headers, header_line)) = header.or(first) else {
            return Err(AppError::invalid(
                "header",
                format!("the file is empty: expected a header line of {kind} columns"),
            ));
        };
        let encoding = encoding_name(encoding);
        let mut checks = Checks::default();
        checks.at_row(header_line);
        let mut seen: Vec<Option<&str>> = vec![None; spec.columns.len()];
        let mut present = Vec::new();
        let mut derived = Vec::new();
        let mut ignored = Vec::new();
        let derived_names = derived_names(spec);
        for (at, header) in headers.iter().enumerate() {
            let shown = header.trim_start_matches('\u{feff}').trim();
            if shown.is_empty() {
                // Exports often end each line with a comma: a column without a name is ignored.
                continue;
            }
            match column_for(&names, shown) {
                Some(i) => match seen[i] {
                    Some(first) => checks.fail(
                        shown,
                        format!(
                            "names the same column ({}) as {first:?}",
                            spec.columns[i].field
                        ),
                    ),
                    None => {
                        seen[i] = Some(shown);
                        present.push((i, at));
                    }
                },
                // A column shopops derives itself (支付转化率, 客单价…) is checked, others ignored.
                None => match column_for(&derived_names, shown) {
                    Some(d) => derived.push((d, at)),
                    None => ignored.push(shown.to_owned()),
                },
            }
        }
        for (i, col) in spec.columns.iter().enumerate() {
            if col.required && seen[i].is_none() {
                checks.fail(col.field, format!("missing column{}", also_known_as(col)));
            }
        }
        for group in spec.one_of {
            let any = spec
                .columns
                .iter()
                .zip(&seen)
                .any(|(col, s)| s.is_some() && group.contains(&col.field));
            if !any {
                let col = spec.columns.iter().find(|c| c.field == group[0]);
                checks.fail(
                    group[0],
                    format!(
                        "missing column{}",
                        col.map(also_known_as).unwrap_or_default()
                    ),
                );
            }
        }
        checks.finish()?;
        Ok(Self {
            spec,
            reader,
            layout: Layout {
                encoding,
                delimiter: char::from(delimiter),
                header_line,
                ignored,
                warnings: Vec::new(),
                warning_count: 0,
            },
            present,
            derived,
            unlisted_warnings: 0,
            width: headers.len(),
            record: ::csv::StringRecord::new(),
        })
    }

    /// How the file was read; once every row is read, with its warnings.
    pub fn layout(&self) -> Layout {
        let mut layout = self.layout.clone();
        layout.warning_count = layout.warnings.len() + self.unlisted_warnings;
        if self.unlisted_warnings > 0 {
            let total = layout.warnings.len() + self.unlisted_warnings;
            layout.warnings.push(format!(
                "{} more warnings are not listed ({total} in all)",
                self.unlisted_warnings
            ));
        }
        layout
    }

    /// The next data row and its line, or the problems that keep it from being a `T`; `None`
    /// at the end of the file.
    pub fn next_row<T: DeserializeOwned>(&mut self) -> AppResult<Option<Record<T>>> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return Ok(None),
                Err(err) => return Err(unreadable(&mut self.reader, err)),
            }
            if is_data(&self.record) {
                let line = line_of(&mut self.reader, &self.record);
                let row = self.row(line);
                return Ok(Some((line, row)));
            }
        }
    }

    fn row<T: DeserializeOwned>(&mut self, line: usize) -> Result<T, Vec<Problem>> {
        let record = &self.record;
        let mut problems = Vec::new();
        if record.len() > self.width && record.iter().skip(self.width).any(|c| !c.trim().is_empty())
        {
            let message = format!(
                "has {} cells but the header has {} columns",
                record.len(),
                self.width
            );
            problems.push(("columns", message));
        }
        // Decoding puts U+FFFD where bytes are not text in the file's encoding.
        if record.iter().any(|c| c.contains('\u{fffd}')) {
            let message = format!("has bytes that are not {} text", self.layout.encoding);
            problems.push(("file", message));
        }
        let mut fields = Vec::with_capacity(self.present.len());
        let mut means = Vec::new();
        for &(i, at) in &self.present {
            let col = &self.spec.columns[i];
            let cell = record.get(at).unwrap_or("").trim();
            if cell.is_empty() {
                if col.required {
                    problems.push((col.field, "must not be empty".to_owned()));
                }
                continue;
            }
            match (cells::value(col.ty, cell), col.ty) {
                (Ok(value), Ty::MeanOf(count)) => means.push((col.field, value, count)),
                (Ok(value), _) => fields.push((col.field, value)),
                (Err(message), _) => problems.push((col.field, message)),
            }
        }
        for (field, mean, count_field) in means {
            if fields.iter().any(|(f, _)| *f == field) {
                continue;
            }
            let count = fields.iter().find(|(f, _)| *f == count_field);
            match count.map(|(_, n)| (sum_of_mean(&mean, n), n)) {
                Some((Some(sum), _)) => fields.push((field, Value::from(sum))),
                Some((None, _)) => problems.push((field, format!("{mean} is not an average"))),
                None => problems.push((field, format!("an average needs {count_field}"))),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.cross_check(line, &fields);
        // The cells were checked above, so a failure here is a type the table does not foresee.
        T::deserialize(MapDeserializer::<_, serde_json::Error>::new(
            fields.into_iter(),
        ))
        .map_err(|err| vec![("row", err.to_string())])
    }
}

impl<R: Read> Records<R> {
    /// Warns of each derived cell of the row that is not shopops's own formula on the row's
    /// fields, to the places the export shows (2.35% stands for anything from 2.345 to 2.355 %).
    fn cross_check(&mut self, line: usize, fields: &[(&'static str, Value)]) {
        let field = |name: &str| {
            let value = &fields.iter().find(|(f, _)| *f == name)?.1;
            match value {
                Value::Number(n) => n.as_i64().map(Decimal::from),
                Value::String(s) => s.parse().ok(),
                _ => None,
            }
        };
        for &(d, at) in &self.derived {
            let formula = &self.spec.derived[d];
            let cell = self.record.get(at).unwrap_or("").trim();
            let shown_text: String = cell.chars().filter(|c| !"%,¥￥".contains(*c)).collect();
            let Ok(shown) = shown_text.parse::<Decimal>() else {
                continue;
            };
            let (Some(num), Some(den)) = (field(formula.numerator), field(formula.denominator))
            else {
                continue;
            };
            // The cells are not range-checked yet: a figure beyond Decimal's reach is left to the
            // row's own checks rather than panicking here.
            let scale = if formula.percent {
                Decimal::ONE_HUNDRED
            } else {
                Decimal::ONE
            };
            let Some(ours) = num.checked_div(den).and_then(|q| q.checked_mul(scale)) else {
                continue;
            };
            let Some(gap) = ours.checked_sub(shown) else {
                continue;
            };
            // Past Decimal's 28 places a shown value carries no rounding worth checking.
            let Ok(half_unit) = Decimal::try_new(5, shown.scale() + 1) else {
                continue;
            };
            if gap.abs() <= half_unit {
                continue;
            }
            if self.layout.warnings.len() >= MAX_LISTED {
                self.unlisted_warnings += 1;
                continue;
            }
            let unit = if formula.percent { "%" } else { "" };
            let ours = ours.round_dp(shown.scale() + 2).normalize();
            self.layout.warnings.push(format!(
                "line {line}: {} is {cell}, but {} / {} is {ours}{unit}",
                formula.names[0], formula.numerator, formula.denominator
            ));
        }
    }
}

/// An average times its count, rounded half-up to the unit: the sum it was taken of, to within
/// the count times the average's own rounding.
fn sum_of_mean(mean: &Value, count: &Value) -> Option<i64> {
    let mean: Decimal = mean.as_str()?.parse().ok()?;
    let count = Decimal::from(count.as_i64()?);
    let sum = mean.checked_mul(count)?;
    sum.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
}

/// The byte-order mark's encoding, else UTF-8 if the top of the file is UTF-8 (a character cut
/// at its end aside), else GB18030.
fn encoding_of(raw: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(raw) {
        return encoding;
    }
    match std::str::from_utf8(raw) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => GB18030,
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
fn known(record: &::csv::StringRecord, names: &HashMap<String, usize>) -> usize {
    record
        .iter()
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

/// The file line a record starts on.
fn line_of<R: Read>(reader: &mut ::csv::Reader<Lines<R>>, record: &::csv::StringRecord) -> usize {
    let byte = record.position().map_or(0, |p| p.byte());
    reader.get_mut().line_at(byte)
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

fn file_error(line: Option<usize>, message: String) -> AppError {
    AppError::Invalid(vec![FieldError {
        field: "file".into(),
        message,
        row: line,
    }])
}

const SUMMARY: [&str; 6] = ["汇总", "均值", "合计", "总计", "平均", "平均值"];

/// False for empty lines and the summary rows exports end with (汇总, 合计, 均值…).
fn is_data(record: &::csv::StringRecord) -> bool {
    let Some(first) = record.iter().map(str::trim).find(|c| !c.is_empty()) else {
        return false;
    };
    let first = first.trim_start_matches('\u{feff}');
    !(SUMMARY.contains(&first) || first.starts_with("汇总") || first.starts_with("合计"))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::entities::{AdChannel, DeliverableKind};
    use crate::files::columns::FileRow;
    use crate::services::ingest::rows::{
        AdDay, AgentDay, CompetitorSnapshot, Deliverable, ShopDay,
    };

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The rows of a file with their lines, or every problem in it (header or cells) as an
    /// import lists them.
    fn read<T: FileRow>(file: &[u8]) -> Result<Vec<(usize, T)>, Vec<FieldError>> {
        let invalid = |err: AppError| match err {
            AppError::Invalid(problems) => problems,
            other => panic!("expected invalid input, got {}", other.message()),
        };
        let mut records = Records::open(&T::SPEC, T::KIND.name(), file).map_err(invalid)?;
        let (mut rows, mut problems) = (Vec::new(), Vec::new());
        while let Some((line, row)) = records.next_row::<T>().map_err(invalid)? {
            match row {
                Ok(row) => rows.push((line, row)),
                Err(found) => {
                    problems.extend(found.into_iter().map(|(field, message)| FieldError {
                        field: field.into(),
                        message,
                        row: Some(line),
                    }))
                }
            }
        }
        if problems.is_empty() {
            Ok(rows)
        } else {
            Err(problems)
        }
    }

    fn parse<T: FileRow>(file: &str) -> Vec<T> {
        match read::<T>(file.as_bytes()) {
            Ok(rows) => rows.into_iter().map(|(_, row)| row).collect(),
            Err(problems) => panic!("{problems:?}"),
        }
    }

    #[test]
    fn values_in_english_or_chinese() {
        let csv = "日期,渠道,负责人,展现量,点击量,花费,成交笔数,成交金额\n\
                   2026-11-01,钻展,ad@shop.test,\"10,000\",300,¥450.00,12,\"1,980.00\"\n";
        let rows = parse::<AdDay>(csv);
        assert_eq!(rows[0].channel, AdChannel::Display);
        assert_eq!(rows[0].impressions, 10_000);
        assert_eq!(rows[0].spend, dec("450.00"));
        assert_eq!(rows[0].attributed_amount, dec("1980.00"));
        let csv = "编号,美工,类型,需求日期,截止日期\nD-1,art@shop.test,白底图,2026/11/1,20261103\n";
        let rows = parse::<Deliverable>(csv);
        assert_eq!(rows[0].kind, DeliverableKind::WhiteBg);
        assert_eq!(
            rows[0].due_on,
            NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
        );
        assert_eq!(rows[0].delivered_on, None);
    }

    #[test]
    fn a_chinese_export_with_summary_rows() {
        let csv = "\u{feff}日期,客服,接待人数,询单人数,询单→下单人数,询单→最终付款人数,客服销售额(元),首次响应总时长(秒),首次响应次数\n\
                   2026/11/1,旗舰店:小雅,120,80,40,36,\"1,234.50\",900,100\n\
                   ,,,,,,,,\n\
                   \n\
                   20261102,cs@shop.test,100,50,20,18,¥800,,\n\
                   汇总,,220,130,60,54,\"2,034.50\",900,100\n\
                   均值,,110,65,30,27,1017.25,,\n";
        let read = read::<AgentDay>(csv.as_bytes()).unwrap();
        let lines: Vec<usize> = read.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 5]);
        let rows = parse::<AgentDay>(csv);
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(first.agent.as_deref(), Some("旗舰店:小雅"));
        assert_eq!(first.date, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        assert_eq!(
            (
                first.received,
                first.inquiries,
                first.ordered_buyers,
                first.paid_buyers
            ),
            (120, 80, 40, 36)
        );
        assert_eq!(first.sales_amount, dec("1234.50"));
        assert_eq!(first.first_response_seconds_sum, Some(900));
        assert_eq!(first.first_response_count, Some(100));
        // Empty cells are left out.
        assert_eq!(rows[1].first_response_seconds_sum, None);
        assert_eq!(rows[1].sales_amount, dec("800"));

        for summary in [
            "合计",
            "总计",
            "平均",
            "平均值",
            "汇总(全部客服)",
            "合计：",
            " 汇总 ",
        ] {
            let row = ::csv::StringRecord::from(vec!["", summary, "1"]);
            assert!(!is_data(&row), "{summary}");
        }
        assert!(is_data(&::csv::StringRecord::from(vec![
            "2026-11-01",
            "汇总"
        ])));
    }

    #[test]
    fn line_numbers_survive_blank_lines_crlf_and_multiline_cells() {
        for newline in ["\n", "\r\n"] {
            let csv = [
                "竞店,商品,日期,价格,关键词", // 1
                "A,x,2026-11-01,10,\"one",    // 2
                "two\"",                      // 3
                "",                           // 4
                "",                           // 5
                "B,y,2026-11-01,10,",         // 6
                ",,,,",                       // 7
                "C,z,2026-11-01,bad,\"three", // 8
                "",                           // 9
                "four\"",                     // 10
                "D,w,2026-11-01,11,",         // 11
            ]
            .join(newline);
            let errs = read::<CompetitorSnapshot>(csv.as_bytes()).unwrap_err();
            assert_eq!(errs.len(), 1, "{errs:?}");
            assert_eq!(errs[0].row, Some(8), "{newline:?}");
            let fixed = csv.replace("bad", "12");
            let read = read::<CompetitorSnapshot>(fixed.as_bytes()).unwrap();
            let lines: Vec<usize> = read.iter().map(|(line, _)| *line).collect();
            assert_eq!(lines, [2, 6, 8, 11], "{newline:?}");
            assert_eq!(
                read[0].1.keywords.as_deref(),
                Some(format!("one{newline}two").as_str())
            );
        }
    }

    #[test]
    fn every_problem_is_named_by_line_and_field() {
        // A column no field takes is ignored, and said to be.
        let csv = "date,agent,received,inquiries,orderedBuyers,paidBuyers,salesAmount,colour,\n\
                   2026-11-01,a,1,1,1,1,1,x,\n";
        assert_eq!(read::<AgentDay>(csv.as_bytes()).unwrap().len(), 1);
        assert_eq!(layout::<AgentDay>(csv.as_bytes()).ignored, ["colour"]);

        let errs = read::<AgentDay>("日期,客服,接待人数\n".as_bytes()).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["inquiries", "orderedBuyers", "paidBuyers", "salesAmount"]
        );
        let errs = read::<AgentDay>(
            "日期,接待人数,询单人数,下单人数,最终付款人数,客服销售额\n".as_bytes(),
        )
        .unwrap_err();
        assert_eq!(errs[0].field, "agent");
        assert!(errs[0].message.contains("客服"), "{}", errs[0].message);
        let errs = read::<AgentDay>(
            "客服,paid_buyers,最终付款人数,日期,接待人数,询单人数,下单人数,客服销售额\n".as_bytes(),
        )
        .unwrap_err();
        assert_eq!(errs[0].field, "最终付款人数");
        assert_eq!(errs[0].row, Some(1));

        let csv = "日期,客服,接待人数,询单人数,下单人数,最终付款人数,客服销售额\n\
                   2026-11-01,a,1.5,1,1,1,1\n\
                   2026-11-31,b,1,,1,1,abc\n\
                   2026-11-02,c,1,1,1,1,1,extra\n\
                   2026-11-02,d,1,1,1,1,1\n";
        let errs = read::<AgentDay>(csv.as_bytes()).unwrap_err();
        let found: Vec<_> = errs
            .iter()
            .map(|e| (e.row.unwrap(), e.field.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (2, "received"),
                (3, "date"),
                (3, "inquiries"),
                (3, "salesAmount"),
                (4, "columns"),
            ]
        );
        assert!(errs[0].message.starts_with("malformed number"));
    }

    const AGENT_DAYS: &str = "日期,客服,接待人数,询单人数,下单人数,最终付款人数,客服销售额\n\
                              2026-11-01,小雅,120,80,40,36,1234.50\n";

    fn layout<T: FileRow>(file: &[u8]) -> Layout {
        Records::open(&T::SPEC, T::KIND.name(), file)
            .unwrap_or_else(|e| panic!("{}", e.message()))
            .layout()
    }

    fn first_agent(file: &[u8]) -> (String, i64, Decimal) {
        let rows = read::<AgentDay>(file).unwrap_or_else(|e| panic!("{e:?}"));
        let r = &rows[0].1;
        (r.agent.clone().unwrap(), r.received, r.sales_amount)
    }

    #[test]
    fn gbk_utf16_and_utf8_with_or_without_a_bom_are_told_apart() {
        let expected = ("小雅".to_owned(), 120, dec("1234.50"));
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(AGENT_DAYS);
        assert!(!unmappable);
        assert_eq!(first_agent(&gbk), expected);
        assert_eq!(layout::<AgentDay>(&gbk).encoding, "GB18030 (GBK)");
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(AGENT_DAYS.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(first_agent(&utf16), expected);
        assert_eq!(layout::<AgentDay>(&utf16).encoding, "UTF-16");
        let bom = [&b"\xef\xbb\xbf"[..], AGENT_DAYS.as_bytes()].concat();
        for utf8 in [AGENT_DAYS.as_bytes(), &bom] {
            assert_eq!(first_agent(utf8), expected);
            assert_eq!(layout::<AgentDay>(utf8).encoding, "UTF-8");
        }
    }

    #[test]
    fn tabs_and_semicolons_separate_cells_too() {
        for delimiter in ['\t', ';'] {
            let file = AGENT_DAYS.replace(',', &delimiter.to_string());
            assert_eq!(first_agent(file.as_bytes()).1, 120, "{delimiter:?}");
            assert_eq!(layout::<AgentDay>(file.as_bytes()).delimiter, delimiter);
        }
        // A comma inside a tab-separated file is part of its cell: "1,234.50" is one amount.
        let file = "日期\t客服\t接待人数\t询单人数\t下单人数\t最终付款人数\t客服销售额\n\
                    2026-11-01\t小雅\t120\t80\t40\t36\t1,234.50\n";
        assert_eq!(first_agent(file.as_bytes()).2, dec("1234.50"));
    }

    #[test]
    fn title_lines_above_the_header_are_skipped_and_lines_keep_their_numbers() {
        let file = format!(
            "生意参谋 · 客服绩效\n统计时间：2026-11-01 ~ 2026-11-01\n\n{AGENT_DAYS}\
             2026-11-01,cs@shop.test,100,50,20,18,800\n"
        );
        assert_eq!(layout::<AgentDay>(file.as_bytes()).header_line, 4);
        let lines: Vec<usize> = read::<AgentDay>(file.as_bytes())
            .unwrap()
            .iter()
            .map(|(line, _)| *line)
            .collect();
        assert_eq!(lines, [5, 6]);
        // No top line names two known columns: the first is the header, and lacks them all.
        let errs = read::<AgentDay>("报表\n2026-11-01,小雅\n".as_bytes()).unwrap_err();
        assert_eq!((errs[0].field.as_str(), errs[0].row), ("date", Some(1)));
        assert!(errs[0].message.starts_with("missing column"));
    }

    #[test]
    fn bytes_that_are_not_text_are_named_by_line() {
        // UTF-8 at the top (what decides the encoding), a GBK name far below it.
        let mut file = AGENT_DAYS.as_bytes().to_vec();
        let row = "2026-11-01,cs@shop.test,100,50,20,18,800\n";
        let rows = (HEAD_BYTES as usize) / row.len() + 1;
        file.extend(row.repeat(rows).bytes());
        file.extend(&b"2026-11-01,\xd0\xa1\xd1\xc5,1,1,1,1,1\n"[..]);
        let errs = read::<AgentDay>(&file).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].row, Some(rows + 3));
        assert_eq!(errs[0].message, "has bytes that are not UTF-8 text");
    }

    #[test]
    fn averages_with_their_counts_become_sums() {
        let head = "日期,客服,接待人数,询单人数,下单人数,最终付款人数,客服销售额";
        let file = format!(
            "{head},平均首次响应时间(秒),首次响应次数,平均响应时长,响应次数\n\
             2026-11-01,小雅,120,80,40,36,1234.50,12.35,40,20.5,3\n\
             2026-11-02,小雅,120,80,40,36,1234.50,12.34,3,,\n"
        );
        let rows = parse::<AgentDay>(&file);
        // 12.35 s × 40 = 494 s; 20.5 s × 3 = 61.5 s, half up to 62 s; 12.34 s × 3 = 37.02 s → 37 s.
        let sums: Vec<_> = rows
            .iter()
            .map(|r| (r.first_response_seconds_sum, r.response_seconds_sum))
            .collect();
        assert_eq!(sums, [(Some(494), Some(62)), (Some(37), None)]);
        // The sum's own column wins over its average.
        let file = format!(
            "{head},首次响应总时长,平均首次响应时间,首次响应次数\n\
                            2026-11-01,小雅,120,80,40,36,1234.50,500,12.35,40\n"
        );
        assert_eq!(
            parse::<AgentDay>(&file)[0].first_response_seconds_sum,
            Some(500)
        );
        // An average without its count cannot be a sum.
        let file = format!("{head},平均响应时间\n2026-11-01,小雅,120,80,40,36,1234.50,20\n");
        let errs = read::<AgentDay>(file.as_bytes()).unwrap_err();
        assert_eq!(errs[0].field, "responseSecondsSum");
        assert_eq!(errs[0].message, "an average needs responseCount");
    }

    #[test]
    fn derived_columns_are_checked_against_our_formulas_at_the_shown_places() {
        let file = "日期,访客数,浏览量,支付买家数,支付订单数,支付件数,支付金额,支付转化率,客单价,跳失率\n\
                    2026-11-01,1000,3000,20,20,25,3000.00,2.00%,150.00,\n\
                    2026-11-02,1000,3000,21,21,25,3000.00,2.10%,142.86,\n\
                    2026-11-03,2999,3000,70,70,80,7000.00,2.33%,99.00,\n\
                    2026-11-04,1000,3000,20,20,25,3000.00,2.5%,150,\n";
        let layout = layout::<ShopDay>(file.as_bytes());
        assert!(layout.ignored.is_empty(), "{:?}", layout.ignored);
        // Line 3: 21 / 1000 = 2.1 % and ¥3,000.00 / 21 = ¥142.857… → 142.86: both agree.
        // Line 4: 70 / 2,999 = 2.3341… % shows as 2.33 %, but ¥7,000.00 / 70 = ¥100, not ¥99.00.
        let rows = read::<ShopDay>(file.as_bytes()).unwrap();
        assert_eq!(rows.len(), 4);
        let mut records = Records::open(&ShopDay::SPEC, "shop-days", file.as_bytes()).unwrap();
        while records.next_row::<ShopDay>().unwrap().is_some() {}
        // A cell of 28 places (Decimal's most) is no reason to panic.
        let precise = file.replace(",2.00%,", ",2.0000000000000000000000000000%,");
        // Nor is a shown figure at Decimal's far end (¥3,000 / 20 minus it would overflow).
        let precise = precise.replace(",150.00,", ",-79228162514264337593543950335,");
        let mut more = Records::open(&ShopDay::SPEC, "shop-days", precise.as_bytes()).unwrap();
        while more.next_row::<ShopDay>().unwrap().is_some() {}
        assert_eq!(
            records.layout().warnings,
            [
                "line 4: 客单价 is 99.00, but paidAmount / paidBuyers is 100",
                // 20 / 1,000 = 2 %, not 2.5 % (which would stand for 2.45 to 2.55 %).
                "line 5: 支付转化率 is 2.5%, but paidBuyers / visitors is 2%",
            ]
        );
    }
}
