//! A source of records: the rows of a CSV file or of a sheet, one at a time, each as the text of
//! its cells and the line it is on (the file's line, or the sheet's row as Excel numbers it).
//! Header matching and row building ([`super::records`]) read every format through this.

use ::csv::StringRecord;

use crate::error::{AppError, FieldError};

/// What a cell was. CSV cells are all text; a sheet's cell also says whether it held a number
/// (whose text is its shortest exact form, `1234.5`) or an error (`#DIV/0!`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Text,
    Number,
    Error,
}

/// One row of a source.
#[derive(Debug, Default)]
pub struct Row {
    /// The line the row starts on: the file's line, or the sheet's row, both from 1.
    pub line: usize,
    pub cells: StringRecord,
    /// Each cell's kind, where the source tells them (sheets); none means all text (CSV).
    pub kinds: Vec<CellKind>,
}

impl Row {
    /// The cell at `at`, trimmed; a row shorter than that has an empty one there.
    pub fn cell(&self, at: usize) -> &str {
        self.cells.get(at).unwrap_or("").trim()
    }

    pub fn kind(&self, at: usize) -> CellKind {
        self.kinds.get(at).copied().unwrap_or(CellKind::Text)
    }

    pub fn clear(&mut self) {
        self.cells.clear();
        self.kinds.clear();
    }

    pub fn push(&mut self, text: &str, kind: CellKind) {
        self.cells.push_field(text);
        self.kinds.push(kind);
    }

    /// True when no cell has any text (`,,,,` in a CSV, a row of formatted empty cells).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Rows in file order.
pub trait Source {
    /// Reads the next row into `row`; false at the end.
    fn next_row(&mut self, row: &mut Row) -> Result<bool, AppError>;
}

/// A problem of the file as a whole (`file` is the field), at a line where one is known.
pub fn file_error(line: Option<usize>, message: String) -> AppError {
    AppError::Invalid(vec![FieldError {
        field: "file".into(),
        message,
        row: line,
    }])
}

/// Excel's name of the cell at `column` (0-based) of `row` (1-based): `A1`, `AB12`.
pub fn cell_name(column: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", letters.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_cells_with_their_kinds() {
        let mut row = Row::default();
        row.push(" 2026-11-01 ", CellKind::Text);
        row.push("1234.5", CellKind::Number);
        row.push("#DIV/0!", CellKind::Error);
        assert_eq!(row.cell(0), "2026-11-01");
        assert_eq!((row.cell(1), row.kind(1)), ("1234.5", CellKind::Number));
        assert_eq!(row.kind(2), CellKind::Error);
        // Past its last cell a row is empty text, as a short CSV line is.
        assert_eq!((row.cell(7), row.kind(7)), ("", CellKind::Text));
        assert!(!row.is_blank());
        row.clear();
        row.push(" ", CellKind::Text);
        assert!(row.is_blank());
        // A CSV row has no kinds: every cell is text.
        let csv = Row {
            line: 3,
            cells: StringRecord::from(vec!["12"]),
            kinds: Vec::new(),
        };
        assert_eq!((csv.cell(0), csv.kind(0)), ("12", CellKind::Text));
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(0, 1), "A1");
        assert_eq!(cell_name(2, 5), "C5");
        assert_eq!(cell_name(25, 9), "Z9");
        // 26 letters, then AA: column 27 (index 26) and column 28 is AB.
        assert_eq!(cell_name(26, 10), "AA10");
        assert_eq!(cell_name(27, 10), "AB10");
        // 26 + 26 × 26 = 702 columns end at ZZ; the 703rd is AAA.
        assert_eq!(cell_name(701, 1), "ZZ1");
        assert_eq!(cell_name(702, 1), "AAA1");
    }
}
