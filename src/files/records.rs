//! The records of a file of any format, CSV or a workbook's sheet: the header found among the top
//! rows and matched against a kind's columns, then the data rows one at a time, each with its
//! line (the file's line, or the sheet's row). Summary rows (汇总, 合计, 均值…) and empty rows
//! are skipped. The format is told by the file's first bytes, never by its name.
//!
//! The header is the first of the top rows that names at least two known columns (title rows
//! above it are skipped). Every format is read through one [`Source`], so that header matching,
//! row building and the checks of derived columns are the same for all of them.

use std::collections::HashMap;
use std::io::{Read, Seek};

use ::csv::StringRecord;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::DeserializeOwned;
use serde::de::value::MapDeserializer;
use serde_json::Value;

use super::cells;
use super::columns::{
    Spec, Ty, also_known_as, closeness, column_for, derived_names, every_spec, header_names,
};
use super::csv::{CsvSource, HEADER_WITHIN, known};
use super::sheet::Sheet;
use super::source::{CellKind, Row, Source, cell_name, file_error};
use crate::error::{AppError, AppResult};
use crate::validate::{Checks, MAX_LISTED};

/// A problem of one cell (or of the row): the field and what is wrong.
pub type Problem = (&'static str, String);

/// A data row at its line: the row, or what keeps it from being one.
pub type Record<T> = (usize, Result<T, Vec<Problem>>);

/// Known columns a line must name to be taken for the header.
const HEADER_MATCHES: usize = 2;

/// What a file turned out to be, by its first bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// Text, in the encoding named (`UTF-8`, `GB18030 (GBK)`, `UTF-16`), cells separated by
    /// `delimiter`.
    Csv {
        encoding: &'static str,
        delimiter: char,
    },
    /// An Excel 2007+ workbook, read from the sheet named.
    Xlsx { sheet: String },
    /// An Excel 97-2003 (BIFF8) workbook, read from the sheet named.
    Xls { sheet: String },
}

impl Format {
    /// `CSV`, `xlsx` or `xls`.
    pub fn name(&self) -> &'static str {
        match self {
            Format::Csv { .. } => "CSV",
            Format::Xlsx { .. } => "xlsx",
            Format::Xls { .. } => "xls",
        }
    }

    /// The sheet read, for a workbook.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            Format::Csv { .. } => None,
            Format::Xlsx { sheet } | Format::Xls { sheet } => Some(sheet),
        }
    }
}

/// How a file was read, and what was noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub format: Format,
    /// The header's line (a sheet's row).
    pub header_line: usize,
    /// The header's columns no row field takes, in file order.
    pub ignored: Vec<String>,
    /// Derived columns that disagree with shopops's own formula (`line 5: 支付转化率 …`): the
    /// first [`MAX_LISTED`] of them, then how many more.
    pub warnings: Vec<String>,
    /// All the warnings there were, listed or not.
    pub warning_count: usize,
}

/// The first bytes of an `.xlsx` (a zip archive) and of an `.xls` (a compound file).
const ZIP: [u8; 4] = *b"PK\x03\x04";
const COMPOUND_FILE: [u8; 4] = [0xd0, 0xcf, 0x11, 0xe0];

/// Opens the records of a file of `kind` (named so in messages): a workbook's sheet (`sheet`, or
/// the first) if the file starts as one, else CSV. `input` is read from its start. `defaults`
/// are (column, value) for columns the file lacks (an ad report names no owner).
pub fn open<R: Read + Seek + 'static>(
    spec: &'static Spec,
    kind: &str,
    mut input: R,
    sheet: Option<&str>,
    defaults: &[(String, String)],
) -> AppResult<Records<R>> {
    let cannot = |e: std::io::Error| file_error(None, format!("cannot be read: {e}"));
    let mut magic = Vec::with_capacity(4);
    (&mut input)
        .take(4)
        .read_to_end(&mut magic)
        .map_err(cannot)?;
    input.rewind().map_err(cannot)?;
    let names = header_names(spec);
    let (source, format, epoch_1904) = if magic == ZIP || magic == COMPOUND_FILE {
        let sheet = if magic == ZIP {
            Sheet::xlsx(input, sheet)?
        } else {
            Sheet::xls(input, sheet)?
        };
        let format = if magic == ZIP {
            Format::Xlsx {
                sheet: sheet.name.clone(),
            }
        } else {
            Format::Xls {
                sheet: sheet.name.clone(),
            }
        };
        let epoch_1904 = sheet.epoch_1904;
        (Input::Sheet(sheet), format, epoch_1904)
    } else {
        if let Some(sheet) = sheet {
            return Err(AppError::invalid(
                "sheet",
                format!("the file is CSV, which has no sheets (not even {sheet:?})"),
            ));
        }
        let csv = CsvSource::open(input, &names)?;
        let format = Format::Csv {
            encoding: csv.encoding,
            delimiter: csv.delimiter,
        };
        (Input::Csv(csv), format, false)
    };
    Records::new(spec, kind, source, format, epoch_1904, &names, defaults)
}

// One per file: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
enum Input<R: Read + Seek + 'static> {
    Csv(CsvSource<R>),
    Sheet(Sheet<R>),
}

impl<R: Read + Seek + 'static> Source for Input<R> {
    fn next_row(&mut self, row: &mut Row) -> Result<bool, AppError> {
        match self {
            Input::Csv(csv) => csv.next_row(row),
            Input::Sheet(sheet) => sheet.next_row(row),
        }
    }
}

/// A file whose header has been matched against a kind's columns.
pub struct Records<R: Read + Seek + 'static> {
    spec: &'static Spec,
    source: Input<R>,
    layout: Layout,
    /// The workbook's days count from 1904 (for number cells in date columns).
    epoch_1904: bool,
    /// The columns the file has: (index in `spec.columns`, index in the row).
    present: Vec<(usize, usize)>,
    /// The derived columns it has: (index in `spec.derived`, index in the row).
    derived: Vec<(usize, usize)>,
    /// The values given for columns the file lacks, by field.
    filled: Vec<(&'static str, Value)>,
    width: usize,
    row: Row,
}

/// A header matched against a kind's columns.
struct Header {
    present: Vec<(usize, usize)>,
    derived: Vec<(usize, usize)>,
    filled: Vec<(&'static str, Value)>,
    ignored: Vec<String>,
    /// What the header's reading noticed, for the warnings.
    notes: Vec<String>,
}

impl Header {
    /// Matches `headers` (of line `line`) to the columns of `spec`, with `defaults` (column,
    /// value) for columns the file lacks; refuses a header that lacks a needed column, names
    /// one column twice by one name, or a default that is not a column's value.
    fn matched(
        spec: &'static Spec,
        names: &HashMap<String, usize>,
        headers: &StringRecord,
        line: usize,
        defaults: &[(String, String)],
    ) -> AppResult<Self> {
        let mut checks = Checks::default();
        checks.at_row(line);
        // Each column's header and its place in the row.
        let mut seen: Vec<Option<(&str, usize)>> = vec![None; spec.columns.len()];
        let mut notes = Vec::new();
        let mut derived = Vec::new();
        let mut ignored = Vec::new();
        let derived_names = derived_names(spec);
        for (at, header) in headers.iter().enumerate() {
            let shown = header.trim_start_matches('\u{feff}').trim();
            if shown.is_empty() {
                // Exports often end each line with a comma: a column without a name is ignored.
                continue;
            }
            let Some(i) = column_for(names, shown) else {
                // A column shopops derives itself (支付转化率, 客单价…) is checked, others ignored.
                match column_for(&derived_names, shown) {
                    Some(d) => derived.push((d, at)),
                    None => ignored.push(shown.to_owned()),
                }
                continue;
            };
            let col = &spec.columns[i];
            match seen[i] {
                None => seen[i] = Some((shown, at)),
                Some((first, _)) if closeness(col, first) == closeness(col, shown) => {
                    let message = format!("names the same column ({}) as {first:?}", col.field);
                    checks.fail(shown, message);
                }
                // Two names of one column (统计日期 and 日期): the closer one is read.
                Some((first, _)) => {
                    let (read, skipped) = if closeness(col, first) < closeness(col, shown) {
                        (first, shown)
                    } else {
                        seen[i] = Some((shown, at));
                        (shown, first)
                    };
                    notes.push(format!(
                        "column {skipped} is not read: {read} gives {}",
                        col.field
                    ));
                }
            }
        }
        let filled = fill(spec, names, &seen, defaults, &mut notes)?;
        let given = |field: &str, mean: bool| {
            let in_file = spec.columns.iter().zip(&seen).any(|(c, s)| {
                s.is_some() && c.field == field && matches!(c.ty, Ty::MeanOf(_)) == mean
            });
            in_file || (!mean && filled.iter().any(|(f, _)| *f == field))
        };
        // An average becomes a sum with its count; without the count it cannot, and is not
        // read (nor needed, when the sum has its own column).
        let mut unread = Vec::new();
        for (i, col) in spec.columns.iter().enumerate() {
            if let (Ty::MeanOf(count), Some((shown, _))) = (col.ty, seen[i]) {
                if given(count, false) || given(col.field, false) {
                    continue;
                }
                let count = spec.columns.iter().find(|c| c.field == count);
                let count = count.map_or("", |c| c.aliases.first().unwrap_or(&c.field));
                notes.push(format!(
                    "column {shown} is not read: an average needs its count ({count}) to be a sum"
                ));
                unread.push(i);
            }
        }
        for col in spec.columns.iter().filter(|c| c.required) {
            if !given(col.field, false) {
                checks.fail(col.field, format!("missing column{}", also_known_as(col)));
            }
        }
        for group in spec.one_of {
            if !group.iter().any(|field| given(field, false)) {
                let col = spec.columns.iter().find(|c| c.field == group[0]);
                let known = col.map(also_known_as).unwrap_or_default();
                checks.fail(group[0], format!("missing column{known}"));
            }
        }
        checks.finish()?;
        let mut present: Vec<(usize, usize)> = seen
            .iter()
            .enumerate()
            .filter(|(i, _)| !unread.contains(i))
            .filter_map(|(i, s)| s.map(|(_, at)| (i, at)))
            .collect();
        present.sort_by_key(|&(_, at)| at);
        Ok(Self {
            present,
            derived,
            filled,
            ignored,
            notes,
        })
    }
}

/// A header refused for `kind` that is a whole header of one other kind: one message
/// saying so, rather than each of the columns `kind` lacks.
fn of_another_kind(kind: &str, headers: &StringRecord, line: usize) -> Option<AppError> {
    // By name: a constant's address is not its identity.
    let mut others = every_spec().into_iter().filter(|(other, other_spec)| {
        other.name() != kind
            && Header::matched(other_spec, &header_names(other_spec), headers, line, &[]).is_ok()
    });
    let (other, _) = others.next()?;
    if others.next().is_some() {
        return None;
    }
    let other = other.name();
    let graphql = other.to_uppercase().replace('-', "_");
    Some(AppError::invalid(
        "kind",
        format!(
            "the header on line {line} is that of {other} ({graphql}), not of {kind}: \
             import the file as {other}"
        ),
    ))
}

/// The values of `defaults` for the columns the file lacks (a column it has is read from the
/// file, and said so); an unknown column or a value that is not one of its cells is refused.
fn fill(
    spec: &Spec,
    names: &HashMap<String, usize>,
    seen: &[Option<(&str, usize)>],
    defaults: &[(String, String)],
    notes: &mut Vec<String>,
) -> AppResult<Vec<(&'static str, Value)>> {
    let mut filled: Vec<(&'static str, Value)> = Vec::new();
    let mut given = Vec::new();
    for (column, value) in defaults {
        let Some(i) = column_for(names, column) else {
            return Err(AppError::invalid(
                "defaults",
                format!("{column:?} is no column of this kind of file"),
            ));
        };
        let col = &spec.columns[i];
        if given.contains(&col.field) {
            let message = format!("gives {} twice", col.field);
            return Err(AppError::invalid("defaults", message));
        }
        given.push(col.field);
        // A default is the value of every row: an average has no count to become a sum by.
        if let Ty::MeanOf(_) = col.ty {
            let message = format!(
                "{column:?} is an average: give the sum ({}) instead",
                col.field
            );
            return Err(AppError::invalid("defaults", message));
        }
        if let Some((shown, _)) = seen[i] {
            notes.push(format!(
                "the default {} is not used: the file has its column {shown}",
                col.field
            ));
            continue;
        }
        let value = cells::value(col.ty, value.trim())
            .map_err(|e| AppError::invalid("defaults", format!("{}: {e}", col.field)))?;
        filled.push((col.field, value));
    }
    Ok(filled)
}

impl<R: Read + Seek + 'static> Records<R> {
    /// Reads and matches the header; `kind` names the kind of file in messages.
    fn new(
        spec: &'static Spec,
        kind: &str,
        mut source: Input<R>,
        format: Format,
        epoch_1904: bool,
        names: &HashMap<String, usize>,
        defaults: &[(String, String)],
    ) -> AppResult<Self> {
        // Without a line that names known columns, the first is taken (its columns are then
        // reported as unknown, so the rows it skipped do not matter).
        let (mut header, mut first) = (None, None);
        let mut row = Row::default();
        for _ in 0..HEADER_WITHIN {
            if !source.next_row(&mut row)? {
                break;
            }
            if row.is_blank() {
                continue;
            }
            if known(&row.cells, names) >= HEADER_MATCHES {
                header = Some((row.cells.clone(), row.line));
                break;
            }
            first.get_or_insert_with(|| (row.cells.clone(), row.line));
        }
        let Some((headers, header_line)) = header.or(first) else {
            let what = match format.sheet() {
                Some(sheet) => format!("the sheet {sheet:?} is empty"),
                None => "the file is empty".to_owned(),
            };
            return Err(AppError::invalid(
                "header",
                format!("{what}: expected a header line of {kind} columns"),
            ));
        };
        let header = Header::matched(spec, names, &headers, header_line, defaults)
            .map_err(|refused| of_another_kind(kind, &headers, header_line).unwrap_or(refused))?;
        Ok(Self {
            spec,
            source,
            layout: Layout {
                format,
                header_line,
                ignored: header.ignored,
                warning_count: header.notes.len(),
                warnings: header.notes,
            },
            epoch_1904,
            present: header.present,
            derived: header.derived,
            filled: header.filled,
            width: headers.len(),
            row,
        })
    }

    /// How the file was read; once every row is read, with its warnings.
    pub fn layout(&self) -> Layout {
        let mut layout = self.layout.clone();
        let unlisted = layout.warning_count - layout.warnings.len();
        if unlisted > 0 {
            layout.warnings.push(format!(
                "{unlisted} more warnings are not listed ({} in all)",
                layout.warning_count
            ));
        }
        layout
    }

    /// The next data row and its line, or the problems that keep it from being a `T`; `None`
    /// at the end of the file.
    pub fn next_row<T: DeserializeOwned>(&mut self) -> AppResult<Option<Record<T>>> {
        loop {
            if !self.source.next_row(&mut self.row)? {
                return Ok(None);
            }
            if is_data(&self.row) {
                let line = self.row.line;
                let row = self.build(line);
                return Ok(Some((line, row)));
            }
        }
    }

    fn build<T: DeserializeOwned>(&mut self, line: usize) -> Result<T, Vec<Problem>> {
        let row = &self.row;
        let mut problems = Vec::new();
        let cells = &row.cells;
        if cells.len() > self.width && cells.iter().skip(self.width).any(|c| !c.trim().is_empty()) {
            let message = format!(
                "has {} cells but the header has {} columns",
                cells.len(),
                self.width
            );
            problems.push(("columns", message));
        }
        // Decoding puts U+FFFD where bytes are not text in the file's encoding.
        if let Format::Csv { encoding, .. } = self.layout.format
            && cells.iter().any(|c| c.contains('\u{fffd}'))
        {
            problems.push(("file", format!("has bytes that are not {encoding} text")));
        }
        let mut fields = self.filled.clone();
        let mut means = Vec::new();
        for &(i, at) in &self.present {
            let col = &self.spec.columns[i];
            let cell = row.cell(at);
            if cell.is_empty() {
                if col.required {
                    problems.push((col.field, "must not be empty".to_owned()));
                }
                continue;
            }
            let value = match (row.kind(at), col.ty) {
                (CellKind::Error, _) => {
                    Err(format!("cell {} is the error {cell}", cell_name(at, line)))
                }
                (CellKind::Number, Ty::Date) => cells::serial_date(cell, self.epoch_1904),
                _ => cells::value(col.ty, cell),
            };
            match (value, col.ty) {
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

    /// Warns of each derived cell of the row that is not shopops's own formula on the row's
    /// fields, to the places the export shows (2.35% stands for anything from 2.345 to 2.355 %).
    ///
    /// A sheet's number cell is what Excel holds, not what it shows: a percentage is held as its
    /// fraction (2.35% is 0.0235), and a formula's result to a double's 15 or so digits. So a
    /// number in a percentage column is taken times 100, to the places of its shortest form,
    /// and any number is allowed a double's own error (a millionth of a millionth of itself).
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
            let cell = self.row.cell(at);
            let number = self.row.kind(at) == CellKind::Number;
            let shown_text: String = cell.chars().filter(|c| !"%,¥￥".contains(*c)).collect();
            let Ok(mut shown) = shown_text.parse::<Decimal>() else {
                continue;
            };
            if number && formula.percent {
                let Some(percent) = shown.checked_mul(Decimal::ONE_HUNDRED) else {
                    continue;
                };
                shown = percent.normalize();
            }
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
            let Ok(mut half_unit) = Decimal::try_new(5, shown.scale() + 1) else {
                continue;
            };
            if number {
                let double_error = shown.abs() * Decimal::new(1, 12);
                half_unit = half_unit.max(double_error);
            }
            if gap.abs() <= half_unit {
                continue;
            }
            self.layout.warning_count += 1;
            if self.layout.warnings.len() >= MAX_LISTED {
                continue;
            }
            let (unit, cell) = match (formula.percent, number) {
                (true, true) => ("%", format!("{shown}%")),
                (true, false) => ("%", cell.to_owned()),
                _ => ("", cell.to_owned()),
            };
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

const SUMMARY: [&str; 6] = ["汇总", "均值", "合计", "总计", "平均", "平均值"];

/// False for empty lines and the summary rows exports end with (汇总, 合计, 均值…).
fn is_data(row: &Row) -> bool {
    let Some(first) = row.cells.iter().map(str::trim).find(|c| !c.is_empty()) else {
        return false;
    };
    let first = first.trim_start_matches('\u{feff}');
    !(SUMMARY.contains(&first) || first.starts_with("汇总") || first.starts_with("合计"))
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::entities::{AdChannel, DeliverableKind};
    use crate::error::FieldError;
    use crate::files::columns::FileRow;
    use crate::services::ingest::rows::{
        AdDay, AgentDay, CompetitorSnapshot, Deliverable, ShopDay,
    };

    fn text_row(cells: &[&str]) -> Row {
        let mut row = Row::default();
        for cell in cells {
            row.push(cell, CellKind::Text);
        }
        row
    }

    fn csv_format(layout: &Layout) -> (&'static str, char) {
        match layout.format {
            Format::Csv {
                encoding,
                delimiter,
            } => (encoding, delimiter),
            ref other => panic!("not CSV: {other:?}"),
        }
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The rows of a file with their lines, or every problem in it.
    type Rows<T> = Result<Vec<(usize, T)>, Vec<FieldError>>;

    /// The rows of a file with their lines, or every problem in it (header or cells) as an
    /// import lists them.
    fn read<T: FileRow>(file: &[u8]) -> Rows<T> {
        let invalid = |err: AppError| match err {
            AppError::Invalid(problems) => problems,
            other => panic!("expected invalid input, got {}", other.message()),
        };
        let mut records = open(
            &T::SPEC,
            T::KIND.name(),
            Cursor::new(file.to_vec()),
            None,
            &[],
        )
        .map_err(invalid)?;
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
        assert_eq!(rows[0].impressions, Some(10_000));
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

    /// Defaults give the columns a file lacks, as if every row had them; the file's own column
    /// wins; an unknown column or a value no cell could hold is refused, naming `defaults`.
    #[test]
    fn defaults_fill_the_columns_a_file_lacks() {
        let csv = "日期,点击量,花费,成交笔数,成交金额\n2026-11-01,300,450.00,12,1980.00\n";
        let with = |defaults: &[(&str, &str)]| {
            let defaults: Vec<(String, String)> = defaults
                .iter()
                .map(|(c, v)| (c.to_string(), v.to_string()))
                .collect();
            open(&AdDay::SPEC, "ad-days", Cursor::new(csv), None, &defaults)
        };
        let mut records = with(&[("渠道", "淘宝客"), ("owner", "阿明")]).unwrap();
        let (_, row) = records.next_row::<AdDay>().unwrap().unwrap();
        let row = row.unwrap();
        assert_eq!(
            (row.channel, row.owner.as_deref()),
            (AdChannel::Taobaoke, Some("阿明"))
        );
        assert_eq!((row.impressions, row.clicks), (None, 300));
        assert!(records.layout().warnings.is_empty());

        let message = |defaults: &[(&str, &str)]| match with(defaults) {
            Err(AppError::Invalid(problems)) => {
                (problems[0].field.clone(), problems[0].message.clone())
            }
            Err(other) => panic!("{}", other.message()),
            Ok(_) => panic!("{defaults:?} taken"),
        };
        assert_eq!(
            message(&[("colour", "red")]),
            (
                "defaults".into(),
                "\"colour\" is no column of this kind of file".into()
            )
        );
        let (field, refused) = message(&[("channel", "TV"), ("owner", "阿明")]);
        assert_eq!(field, "defaults");
        assert!(refused.starts_with("channel: "), "{refused}");
        assert_eq!(
            message(&[("owner", "阿明"), ("负责人", "小雅")]),
            ("defaults".into(), "gives owner twice".into())
        );
        // Without an owner, the header lacks one.
        assert_eq!(
            message(&[("channel", "ZTC")]),
            ("owner".into(), "missing column (or 负责人)".into())
        );

        let csv = "日期,渠道,负责人,点击量,花费,成交笔数,成交金额\n\
                   2026-11-01,直通车,阿杰,300,450.00,12,1980.00\n";
        let defaults = [("channel".to_owned(), "TAOBAOKE".to_owned())];
        let mut records = open(&AdDay::SPEC, "ad-days", Cursor::new(csv), None, &defaults).unwrap();
        let (_, row) = records.next_row::<AdDay>().unwrap().unwrap();
        assert_eq!(row.unwrap().channel, AdChannel::Ztc);
        assert_eq!(
            records.layout().warnings,
            ["the default channel is not used: the file has its column 渠道"]
        );
        // Twice is refused even for a column the file has.
        let twice = [
            ("channel".to_owned(), "ZTC".to_owned()),
            ("渠道".to_owned(), "DISPLAY".to_owned()),
        ];
        let Err(AppError::Invalid(problems)) =
            open(&AdDay::SPEC, "ad-days", Cursor::new(csv), None, &twice)
        else {
            panic!("a column given twice is taken");
        };
        assert_eq!(problems[0].message, "gives channel twice");

        // An average as a default would be read as the sum of every row: refused.
        let head = "日期,客服,接待人数,询单人数,询单→下单人数,询单→最终付款人数,客服销售额\n\
                    2026-11-01,小雅,120,80,40,36,1234.50\n";
        let mean = [("平均响应时间".to_owned(), "20".to_owned())];
        let Err(AppError::Invalid(problems)) = open(
            &AgentDay::SPEC,
            "agent-days",
            Cursor::new(head),
            None,
            &mean,
        ) else {
            panic!("an average default is taken");
        };
        assert_eq!(
            (problems[0].field.as_str(), problems[0].message.as_str()),
            (
                "defaults",
                "\"平均响应时间\" is an average: give the sum (responseSecondsSum) instead"
            )
        );
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
            assert!(!is_data(&text_row(&["", summary, "1"])), "{summary}");
        }
        assert!(is_data(&text_row(&["2026-11-01", "汇总"])));
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
        // One name twice is refused; of two names of one column the closer is read.
        let errs = read::<AgentDay>(
            "客服,最终付款人数,最终付款人数,日期,接待人数,询单人数,下单人数,客服销售额\n"
                .as_bytes(),
        )
        .unwrap_err();
        assert_eq!(errs[0].field, "最终付款人数");
        assert_eq!(errs[0].row, Some(1));
        assert_eq!(
            errs[0].message,
            "names the same column (paidBuyers) as \"最终付款人数\""
        );
        let two_names = "客服,最终付款人数,paid_buyers,日期,接待人数,询单人数,下单人数,客服销售额\n\
                         小雅,9,8,2026-11-01,120,80,40,1234.50\n";
        assert_eq!(
            read::<AgentDay>(two_names.as_bytes()).unwrap()[0]
                .1
                .paid_buyers,
            8
        );
        assert_eq!(
            layout::<AgentDay>(two_names.as_bytes()).warnings,
            ["column 最终付款人数 is not read: paid_buyers gives paidBuyers"]
        );

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
        open(
            &T::SPEC,
            T::KIND.name(),
            Cursor::new(file.to_vec()),
            None,
            &[],
        )
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
        assert_eq!(csv_format(&layout::<AgentDay>(&gbk)).0, "GB18030 (GBK)");
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(AGENT_DAYS.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(first_agent(&utf16), expected);
        assert_eq!(csv_format(&layout::<AgentDay>(&utf16)).0, "UTF-16");
        let bom = [&b"\xef\xbb\xbf"[..], AGENT_DAYS.as_bytes()].concat();
        for utf8 in [AGENT_DAYS.as_bytes(), &bom] {
            assert_eq!(first_agent(utf8), expected);
            assert_eq!(csv_format(&layout::<AgentDay>(utf8)).0, "UTF-8");
        }
    }

    #[test]
    fn tabs_and_semicolons_separate_cells_too() {
        for delimiter in ['\t', ';'] {
            let file = AGENT_DAYS.replace(',', &delimiter.to_string());
            assert_eq!(first_agent(file.as_bytes()).1, 120, "{delimiter:?}");
            assert_eq!(
                csv_format(&layout::<AgentDay>(file.as_bytes())).1,
                delimiter
            );
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
        let rows = (crate::files::csv::HEAD_BYTES as usize) / row.len() + 1;
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
        // An average without its count cannot be a sum: it is not read, and said so.
        let file = format!("{head},平均响应时间\n2026-11-01,小雅,120,80,40,36,1234.50,20\n");
        assert_eq!(
            read::<AgentDay>(file.as_bytes()).unwrap()[0]
                .1
                .response_seconds_sum,
            None
        );
        assert_eq!(
            layout::<AgentDay>(file.as_bytes()).warnings,
            ["column 平均响应时间 is not read: an average needs its count (响应次数) to be a sum"]
        );
        // With its count column, a row whose count cell is empty is refused.
        let file =
            format!("{head},平均响应时间,响应次数\n2026-11-01,小雅,120,80,40,36,1234.50,20,\n");
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
        let mut records = open(
            &ShopDay::SPEC,
            "shop-days",
            Cursor::new(file.as_bytes().to_vec()),
            None,
            &[],
        )
        .unwrap();
        while records.next_row::<ShopDay>().unwrap().is_some() {}
        // A cell of 28 places (Decimal's most) is no reason to panic.
        let precise = file.replace(",2.00%,", ",2.0000000000000000000000000000%,");
        // Nor is a shown figure at Decimal's far end (¥3,000 / 20 minus it would overflow).
        let precise = precise.replace(",150.00,", ",-79228162514264337593543950335,");
        let mut more = open(
            &ShopDay::SPEC,
            "shop-days",
            Cursor::new(precise.into_bytes()),
            None,
            &[],
        )
        .unwrap();
        while more.next_row::<ShopDay>().unwrap().is_some() {}
        assert_eq!(records.layout().warning_count, 2);
        assert_eq!(
            records.layout().warnings,
            [
                "line 4: 客单价 is 99.00, but paidAmount / paidBuyers is 100",
                // 20 / 1,000 = 2 %, not 2.5 % (which would stand for 2.45 to 2.55 %).
                "line 5: 支付转化率 is 2.5%, but paidBuyers / visitors is 2%",
            ]
        );
    }

    /// A 生意参谋 shop-day sheet as Excel holds it: a title row, numbers as doubles, the day as
    /// a date cell or a bare serial, 支付转化率 as a percentage-formatted fraction, a summary.
    fn shop_sheet(edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let day = CellFormat::new().set_num_format("yyyy/m/d");
        let percent = CellFormat::new().set_num_format("0.00%");
        sheet
            .write_string(0, 0, "店铺整体数据 2026-11-01 ~ 2026-11-02")
            .unwrap();
        let header = [
            "统计日期",
            "访客数",
            "浏览量",
            "支付买家数",
            "支付订单数",
            "支付件数",
        ];
        for (c, name) in header.iter().chain(&["支付金额", "支付转化率"]).enumerate() {
            sheet.write_string(2, c as u16, *name).unwrap();
        }
        let nov1 = ExcelDateTime::from_ymd(2026, 11, 1).unwrap();
        sheet.write_datetime_with_format(3, 0, &nov1, &day).unwrap();
        // 46,328 is 2026-11-02 (46,327 is 11-01: see cells::tests), written as a bare number.
        sheet.write_number(4, 0, 46_328.0).unwrap();
        for (r, row) in [
            [1000.0, 3000.0, 20.0, 20.0, 25.0, 1234.5],
            [800.0, 2400.0, 16.0, 17.0, 20.0, 0.1 + 0.2],
        ]
        .iter()
        .enumerate()
        {
            for (c, n) in row.iter().enumerate() {
                sheet.write_number(3 + r as u32, 1 + c as u16, *n).unwrap();
            }
        }
        // 20 / 1,000 = 2 %, held as 0.02; 16 / 800 is 2 % too, not the 2.5 % shown.
        sheet
            .write_number_with_format(3, 7, 0.02, &percent)
            .unwrap();
        sheet
            .write_number_with_format(4, 7, 0.025, &percent)
            .unwrap();
        sheet.write_string(5, 0, "合计").unwrap();
        sheet.write_number(5, 1, 1800.0).unwrap();
        edit(sheet);
        book.save_to_buffer().unwrap()
    }

    fn read_sheet(file: Vec<u8>) -> (Rows<ShopDay>, Layout) {
        let mut records = open(&ShopDay::SPEC, "shop-days", Cursor::new(file), None, &[])
            .unwrap_or_else(|e| panic!("{}", e.message()));
        let (mut rows, mut problems) = (Vec::new(), Vec::new());
        while let Some((line, row)) = records.next_row::<ShopDay>().unwrap() {
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
        let rows = if problems.is_empty() {
            Ok(rows)
        } else {
            Err(problems)
        };
        (rows, records.layout())
    }

    #[test]
    fn a_sheet_is_read_as_a_csv_would_be() {
        let (rows, layout) = read_sheet(shop_sheet(|_| {}));
        let rows = rows.unwrap();
        assert_eq!(
            (
                layout.format.name(),
                layout.format.sheet(),
                layout.header_line
            ),
            ("xlsx", Some("Sheet1"), 3)
        );
        // Rows 4 and 5 of the sheet (its title on row 1, row 2 empty, the header on row 3);
        // row 6 is the summary.
        let got: Vec<_> = rows
            .iter()
            .map(|(line, r)| {
                (
                    *line,
                    r.date.to_string(),
                    r.visitors,
                    r.paid_orders,
                    r.paid_amount,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    4,
                    "2026-11-01".to_owned(),
                    Some(1000),
                    Some(20),
                    dec("1234.5")
                ),
                // The double nearest 0.1 + 0.2 is read as the shortest decimal that is it.
                (
                    5,
                    "2026-11-02".to_owned(),
                    Some(800),
                    Some(17),
                    dec("0.30000000000000004")
                ),
            ]
        );
        // 0.02 is 2 %, which 20 / 1,000 is; 0.025 is 2.5 %, which 16 / 800 (2 %) is not.
        assert_eq!(
            layout.warnings,
            ["line 5: 支付转化率 is 2.5%, but paidBuyers / visitors is 2%"]
        );
        assert_eq!(layout.warning_count, 1);
    }

    #[test]
    fn a_sheets_bad_cells_are_named_by_row_and_field() {
        let (rows, _) = read_sheet(shop_sheet(|sheet| {
            sheet.write_number(3, 2, 3000.5).unwrap(); // C4: half a page view
            sheet.write_number(4, 1, 12.0).unwrap(); // B5: 12.0 is the whole number 12
            sheet
                .write_formula(
                    4,
                    3,
                    rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!"),
                )
                .unwrap(); // D5
            sheet.write_number(4, 0, 60.0).unwrap(); // A5: Excel's 1900-02-29
        }));
        let problems: Vec<_> = rows
            .unwrap_err()
            .into_iter()
            .map(|p| (p.row.unwrap(), p.field, p.message))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    4,
                    "pageViews".to_owned(),
                    "malformed number \"3000.5\": expected a whole number".to_owned()
                ),
                (
                    5,
                    "date".to_owned(),
                    "60 is 1900-02-29 as an Excel date serial, a day that never was (Excel's \
                     1900 leap-year bug)"
                        .to_owned()
                ),
                (
                    5,
                    "paidBuyers".to_owned(),
                    "cell D5 is the error #DIV/0!".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn every_warning_is_counted_and_the_first_hundred_listed() {
        // 105 days, each 客单价 99.00 where ¥3,000.00 / 20 is ¥150: one warning a line.
        let rows: String = (0..105)
            .map(|i| {
                let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(i);
                format!("{day},1000,3000,20,20,25,3000.00,99.00\n")
            })
            .collect();
        let file =
            format!("日期,访客数,浏览量,支付买家数,支付订单数,支付件数,支付金额,客单价\n{rows}");
        let mut records = open(
            &ShopDay::SPEC,
            "shop-days",
            Cursor::new(file.into_bytes()),
            None,
            &[],
        )
        .unwrap();
        while records.next_row::<ShopDay>().unwrap().is_some() {}
        let layout = records.layout();
        assert_eq!(layout.warning_count, 105);
        // 100 listed, then the line that says how many more.
        assert_eq!(layout.warnings.len(), 101);
        assert_eq!(
            layout.warnings[100],
            "5 more warnings are not listed (105 in all)"
        );
    }

    #[test]
    fn a_csv_has_no_sheet_to_name() {
        let Err(AppError::Invalid(problems)) = open(
            &AgentDay::SPEC,
            "agent-days",
            Cursor::new(AGENT_DAYS.as_bytes()),
            Some("数据"),
            &[],
        ) else {
            panic!("a sheet of a CSV is refused");
        };
        assert_eq!(problems[0].field, "sheet");
        assert_eq!(
            problems[0].message,
            "the file is CSV, which has no sheets (not even \"数据\")"
        );
    }

    #[test]
    fn records_of_a_file_can_move_between_threads() {
        // The upload awaits the import inside a multi-threaded server.
        fn send<T: Send>() {}
        send::<Records<std::fs::File>>();
    }
}
