//! The payroll file: a run's sheet as CSV (UTF-8, a header line, `,` between cells).

use crate::services::bonus::payroll::Sheet;

pub fn csv(sheet: &Sheet) -> String {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    for record in std::iter::once(&sheet.header).chain(&sheet.rows) {
        let _ = out.write_record(record);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}
