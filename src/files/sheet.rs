//! Excel workbooks as a [`Source`]: the rows of one sheet (the first, or one named), each as its
//! cells' text and the sheet's row number, 1-based as Excel shows it.
//!
//! An `.xlsx` sheet streams from its XML cell by cell (calamine's cell reader), so only its
//! shared strings and the current row are held; an `.xls` (BIFF8) sheet is read whole, as
//! calamine reads that format (it is at most 65,536 rows).
//!
//! Cells become text as a CSV export would show them, marked with their [`CellKind`]: a number
//! in its shortest exact form (`1234.5`, never `1234.4999999`: the shortest decimal that is the
//! same double, which is what Excel shows at full precision), a date-formatted cell as its day
//! (`2026-11-01`), a boolean as `TRUE`/`FALSE`, an error as its code (`#DIV/0!`).

use std::fmt::Write as _;
use std::io::{Read, Seek};

use calamine::{Data, DataRef, Reader, SheetType, Xls, XlsError, Xlsx, XlsxCellReader, XlsxError};
use ouroboros::self_referencing;

use super::cells::excel_day;
use super::source::{CellKind, Row, Source, file_error};
use crate::error::AppError;

/// A workbook's sheet, its rows read one at a time.
pub struct Sheet<R: Read + Seek + 'static> {
    pub name: String,
    /// The workbook counts days from 1904-01-01 (old Mac Excel) rather than 1900-01-00.
    pub epoch_1904: bool,
    cells: Cells<R>,
}

enum Cells<R: Read + Seek + 'static> {
    /// The reader, the first cell of the next row, and whether the sheet's end was read (the
    /// reader must not be asked again then).
    Xlsx(Box<XlsxRows<R>>, Option<Pending>, bool),
    Xls {
        range: calamine::Range<Data>,
        next: usize,
    },
}

/// The first cell of the next row, read while looking for the end of the current one.
struct Pending {
    row: u32,
    column: u32,
    text: String,
    kind: CellKind,
}

/// The workbook and the reader streaming one sheet of it (which borrows the workbook).
#[self_referencing]
struct XlsxRows<R: Read + Seek + 'static> {
    book: Xlsx<R>,
    #[borrows(mut book)]
    #[not_covariant]
    reader: XlsxCellReader<'this, R>,
}

impl<R: Read + Seek + 'static> Sheet<R> {
    /// The sheet `name` (or the first) of an `.xlsx` workbook.
    pub fn xlsx(input: R, name: Option<&str>) -> Result<Self, AppError> {
        let book = Xlsx::new(input).map_err(xlsx_error)?;
        let name = pick(book.sheets_metadata(), name)?;
        let epoch_1904 = book.has_1904_epoch();
        let rows = XlsxRowsTryBuilder {
            book,
            reader_builder: |book: &mut Xlsx<R>| book.worksheet_cells_reader(&name),
        }
        .try_build()
        .map_err(xlsx_error)?;
        Ok(Self {
            name,
            epoch_1904,
            cells: Cells::Xlsx(Box::new(rows), None, false),
        })
    }

    /// The sheet `name` (or the first) of an `.xls` workbook. A password-protected `.xlsx` is
    /// also a compound file, as `.xls` is: it is told apart here, to be refused as encrypted.
    pub fn xls(mut input: R, name: Option<&str>) -> Result<Self, AppError> {
        let mut book = match Xls::new(&mut input) {
            Ok(book) => book,
            Err(XlsError::Password) => return Err(encrypted()),
            Err(err) => {
                let encrypted_xlsx = input
                    .rewind()
                    .is_ok_and(|()| matches!(Xlsx::new(&mut input), Err(XlsxError::Password)));
                return Err(if encrypted_xlsx {
                    encrypted()
                } else {
                    unreadable("xls", &err)
                });
            }
        };
        let name = pick(book.sheets_metadata(), name)?;
        let epoch_1904 = book.has_1904_epoch();
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable("xls", &e))?;
        Ok(Self {
            name,
            epoch_1904,
            cells: Cells::Xls { range, next: 0 },
        })
    }
}

/// The worksheet named, or the first; an unknown name lists those there are.
fn pick(sheets: &[calamine::Sheet], name: Option<&str>) -> Result<String, AppError> {
    let mut names = sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.as_str());
    let found = match name {
        None => names.next(),
        Some(wanted) => names.clone().find(|n| *n == wanted),
    };
    match (found, name) {
        (Some(found), _) => Ok(found.to_owned()),
        (None, None) => Err(file_error(None, "has no worksheet".to_owned())),
        (None, Some(wanted)) => {
            let there: Vec<String> = names.map(|n| format!("{n:?}")).collect();
            Err(AppError::invalid(
                "sheet",
                format!(
                    "the workbook has no sheet {wanted:?}; its sheets are {}",
                    there.join(", ")
                ),
            ))
        }
    }
}

fn encrypted() -> AppError {
    file_error(
        None,
        "is encrypted (protected by a password): save it without one, or export it as CSV"
            .to_owned(),
    )
}

fn unreadable(format: &str, err: &dyn std::fmt::Display) -> AppError {
    file_error(
        None,
        format!("is not a readable {format} workbook ({err}): is it damaged?"),
    )
}

fn xlsx_error(err: XlsxError) -> AppError {
    match err {
        XlsxError::Password => encrypted(),
        err => unreadable("xlsx", &err),
    }
}

impl<R: Read + Seek + 'static> Source for Sheet<R> {
    fn next_row(&mut self, row: &mut Row) -> Result<bool, AppError> {
        let epoch_1904 = self.epoch_1904;
        loop {
            row.clear();
            let found = match &mut self.cells {
                Cells::Xlsx(rows, pending, done) => {
                    next_xlsx_row(rows, pending, done, epoch_1904, row)?
                }
                Cells::Xls { range, next } => next_xls_row(range, next, epoch_1904, row),
            };
            // Rows of empty (formatted) cells are no rows, as blank lines of a CSV are not.
            if !found || !row.is_blank() {
                return Ok(found);
            }
        }
    }
}

fn next_xlsx_row<R: Read + Seek + 'static>(
    rows: &mut XlsxRows<R>,
    pending: &mut Option<Pending>,
    done: &mut bool,
    epoch_1904: bool,
    row: &mut Row,
) -> Result<bool, AppError> {
    let mut current = None;
    let mut text = String::new();
    if let Some(first) = pending.take() {
        current = Some(first.row);
        place(row, first.column, &first.text, first.kind);
    }
    while !*done {
        let next = rows.with_reader_mut(|reader| {
            let Some(cell) = reader.next_cell().map_err(|e| unreadable("xlsx", &e))? else {
                return Ok::<_, AppError>(None);
            };
            let (r, c) = cell.get_position();
            text.clear();
            let kind = render(cell.get_value(), epoch_1904, &mut text);
            Ok(Some((r, c, kind)))
        })?;
        let Some((r, c, kind)) = next else {
            *done = true;
            break;
        };
        match current {
            Some(this) if this != r => {
                *pending = Some(Pending {
                    row: r,
                    column: c,
                    text: std::mem::take(&mut text),
                    kind,
                });
                break;
            }
            _ => current = Some(r),
        }
        place(row, c, &text, kind);
    }
    match current {
        Some(r) => {
            row.line = r as usize + 1;
            Ok(true)
        }
        None => Ok(false),
    }
}

fn next_xls_row(
    range: &calamine::Range<Data>,
    next: &mut usize,
    epoch_1904: bool,
    row: &mut Row,
) -> bool {
    let Some((top, left)) = range.start() else {
        return false;
    };
    if *next >= range.height() {
        return false;
    }
    let mut text = String::new();
    for c in 0..range.width() {
        text.clear();
        let value = range.get((*next, c)).map_or(DataRef::Empty, data_ref);
        let kind = render(&value, epoch_1904, &mut text);
        place(row, left + c as u32, &text, kind);
    }
    row.line = top as usize + *next + 1;
    *next += 1;
    true
}

/// Puts a cell at its column, the cells the sheet skipped before it (empty ones) as empty text.
fn place(row: &mut Row, column: u32, text: &str, kind: CellKind) {
    while row.cells.len() < column as usize {
        row.push("", CellKind::Text);
    }
    row.push(text, kind);
}

fn data_ref(data: &Data) -> DataRef<'_> {
    match data {
        Data::Int(n) => DataRef::Int(*n),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::SharedString(s),
        Data::DurationIso(s) => DataRef::SharedString(s),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// Writes a cell's text into `out` and says what kind of cell it was.
fn render(value: &DataRef<'_>, epoch_1904: bool, out: &mut String) -> CellKind {
    match value {
        DataRef::Empty => CellKind::Text,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            out.push_str(s);
            CellKind::Text
        }
        DataRef::SharedString(s) => {
            out.push_str(s);
            CellKind::Text
        }
        DataRef::Bool(b) => {
            out.push_str(if *b { "TRUE" } else { "FALSE" });
            CellKind::Text
        }
        DataRef::Int(n) => {
            let _ = write!(out, "{n}");
            CellKind::Number
        }
        DataRef::Float(f) => {
            float(*f, out);
            CellKind::Number
        }
        DataRef::DateTime(d) if d.is_duration() => {
            // A duration ([h]:mm:ss) is a fraction of days; shown as Excel shows it, so that a
            // seconds column refuses it by name rather than read days as seconds.
            let seconds = (d.as_f64() * 86_400.0).round() as i64;
            let _ = write!(
                out,
                "{}:{:02}:{:02}",
                seconds / 3600,
                seconds % 3600 / 60,
                seconds % 60
            );
            CellKind::Text
        }
        DataRef::DateTime(d) => match excel_day(d.as_f64(), epoch_1904) {
            Some(day) => {
                let _ = write!(out, "{day}");
                CellKind::Text
            }
            // A serial that is no day: left a number, which a date column refuses as a serial.
            None => {
                let _ = write!(out, "{}", d.as_f64());
                CellKind::Number
            }
        },
        DataRef::Error(e) => {
            let _ = write!(out, "{e}");
            CellKind::Error
        }
    }
}

/// Rust's `Display` of a double: the shortest decimal that reads back as the same double,
/// without an exponent (1234.5 stays 1234.5, 0.1 + 0.2 is 0.30000000000000004). A whole number,
/// which most cells of an export are (counts), is written as the integer it is: the same text,
/// several times faster than the shortest-decimal search.
fn float(f: f64, out: &mut String) {
    let whole = f.fract() == 0.0 && f.abs() < 1e15 && !(f == 0.0 && f.is_sign_negative());
    let _ = if whole {
        write!(out, "{}", f as i64)
    } else {
        write!(out, "{f}")
    };
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    use super::*;

    type Rows = Vec<(usize, Vec<(String, CellKind)>)>;

    fn rows(file: Vec<u8>, name: Option<&str>) -> Result<(String, Rows), AppError> {
        let mut sheet = Sheet::xlsx(Cursor::new(file), name)?;
        let mut row = Row::default();
        let mut rows = Vec::new();
        while sheet.next_row(&mut row)? {
            let cells = (0..row.cells.len())
                .map(|at| (row.cells[at].to_owned(), row.kind(at)))
                .collect();
            rows.push((row.line, cells));
        }
        Ok((sheet.name, rows))
    }

    /// Whole numbers take the integer path and read as `Display` writes them.
    #[test]
    fn floats_are_written_as_display_writes_them() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -7.0,
            20.0,
            1234.5,
            0.1 + 0.2,
            999_999_999_999_999.0,
            1e15,
            1e300,
        ] {
            let mut out = String::new();
            float(f, &mut out);
            assert_eq!(out, format!("{f}"), "{f:?}");
        }
    }

    fn text(s: &str) -> (String, CellKind) {
        (s.to_owned(), CellKind::Text)
    }

    fn number(s: &str) -> (String, CellKind) {
        (s.to_owned(), CellKind::Number)
    }

    /// A workbook of two sheets: 说明 (a note), then 数据 with a title, a gap, and typed cells.
    fn workbook() -> Vec<u8> {
        let mut book = Workbook::new();
        book.add_worksheet()
            .set_name("说明")
            .unwrap()
            .write_string(0, 0, "见下一页")
            .unwrap();
        let data = book.add_worksheet().set_name("数据").unwrap();
        let day = Format::new().set_num_format("yyyy-mm-dd");
        let percent = Format::new().set_num_format("0.00%");
        data.write_string(0, 0, "店铺整体数据").unwrap(); // row 1
        // Row 2 is left empty; row 3 has formatted cells without values (blank).
        data.write_blank(2, 1, &day).unwrap();
        data.write_string(3, 0, "日期").unwrap(); // row 4
        data.write_string(3, 2, "访客数").unwrap(); // C4, B4 never written
        let nov1 = ExcelDateTime::from_ymd(2026, 11, 1).unwrap();
        data.write_datetime_with_format(4, 0, &nov1, &day).unwrap(); // row 5
        data.write_number(4, 1, 1234.5).unwrap();
        data.write_number(4, 2, 12.0).unwrap();
        data.write_number_with_format(4, 3, 0.0235, &percent)
            .unwrap();
        data.write_boolean(4, 4, true).unwrap();
        data.write_formula(4, 5, Formula::new("=1/0").set_result("#DIV/0!"))
            .unwrap();
        data.write_number(5, 0, 46_327.0).unwrap(); // row 6
        data.write_number(5, 2, 0.1 + 0.2).unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_sheets_rows_come_with_their_row_numbers_and_cell_kinds() {
        let (name, got) = rows(workbook(), Some("数据")).unwrap();
        assert_eq!(name, "数据");
        let expected: Rows = vec![
            (1, vec![text("店铺整体数据")]),
            // Row 3's formatted empty cell is no row; B4 was never written: an empty cell.
            (4, vec![text("日期"), text(""), text("访客数")]),
            (
                5,
                vec![
                    // A date-formatted cell is its day.
                    text("2026-11-01"),
                    // The double 1234.5 in its shortest form, not 1234.4999999….
                    number("1234.5"),
                    number("12"),
                    // A percentage is held as its fraction.
                    number("0.0235"),
                    // Booleans are text, as Excel shows them.
                    text("TRUE"),
                    ("#DIV/0!".to_owned(), CellKind::Error),
                ],
            ),
            // A plain number, even in a date column, stays a number (46327 is a serial); 0.1 +
            // 0.2 is the double 0.30000000000000004, and so written.
            (
                6,
                vec![number("46327"), text(""), number("0.30000000000000004")],
            ),
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn the_first_worksheet_or_the_one_named() {
        let (name, got) = rows(workbook(), None).unwrap();
        assert_eq!(
            (name.as_str(), got),
            ("说明", vec![(1, vec![text("见下一页")])])
        );
        let Err(AppError::Invalid(problems)) = rows(workbook(), Some("Sheet1")) else {
            panic!("an unknown sheet is refused");
        };
        assert_eq!(problems[0].field, "sheet");
        assert_eq!(
            problems[0].message,
            "the workbook has no sheet \"Sheet1\"; its sheets are \"说明\", \"数据\""
        );
    }

    #[test]
    fn a_damaged_workbook_is_refused_as_such() {
        // The zip archive's first bytes, then nothing an archive has.
        let mut damaged = b"PK\x03\x04".to_vec();
        damaged.extend([0u8; 60]);
        let Err(AppError::Invalid(problems)) = rows(damaged, None) else {
            panic!("a damaged workbook is refused");
        };
        assert_eq!(problems[0].field, "file");
        assert!(
            problems[0]
                .message
                .starts_with("is not a readable xlsx workbook (")
                && problems[0].message.ends_with("): is it damaged?"),
            "{}",
            problems[0].message
        );
        let mut cut = workbook();
        cut.truncate(cut.len() / 2);
        assert!(rows(cut, None).is_err());
        let Err(AppError::Invalid(problems)) =
            Sheet::xls(Cursor::new(vec![0xd0, 0xcf, 0x11, 0xe0, 0, 0]), None)
        else {
            panic!("a damaged xls is refused");
        };
        assert!(
            problems[0]
                .message
                .starts_with("is not a readable xls workbook"),
            "{}",
            problems[0].message
        );
    }
}
