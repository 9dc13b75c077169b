//! Files in and out, the adapter beside the GraphQL one: platform exports (生意参谋, 赤兔, ad and
//! design sheets) → imports, and the [`payroll`] file out. Each kind's columns are in [`columns`];
//! a file is CSV ([`csv`]) or an Excel workbook ([`sheet`]), both read as a [`source`] of rows by
//! [`records`], and streams through the import service row by row, so a CSV's size is not held
//! in memory (nor an `.xlsx` sheet's, beyond its shared strings).
//!
//! Every problem is reported at once, each with the file's line number as its `row` and the
//! offending column named by its field: those of the header (which stop the import before any
//! row), those of the cells, and those the service finds in the rows that could be read.

mod cells;
mod columns;
mod csv;
pub mod payroll;
mod records;
mod sheet;
mod source;

use std::io::{Read, Seek};

use sea_orm::DatabaseConnection;

use crate::error::{AppError, AppResult};
use crate::services::auth::Actor;
use crate::services::ingest::{Import, ImportOutcome, Kind, rows};
use columns::FileRow;
pub use records::{Format, Layout, Records, open};

/// Imports a file of `kind` (CSV, or the sheet named or the first of an `.xlsx` or `.xls`: told
/// by its first bytes) into the team in one all-or-nothing import (see [`Import`]), or with
/// `dry_run` only says what it would do; and says how the file was read.
pub async fn import_file(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    kind: Kind,
    input: impl Read + Seek + 'static,
    sheet: Option<&str>,
    dry_run: bool,
) -> AppResult<(ImportOutcome, Layout)> {
    match kind {
        Kind::ShopDays => {
            import_as::<rows::ShopDay>(db, actor, team_id, input, sheet, dry_run).await
        }
        Kind::ProductDays => {
            import_as::<rows::ProductDay>(db, actor, team_id, input, sheet, dry_run).await
        }
        Kind::AgentDays => {
            import_as::<rows::AgentDay>(db, actor, team_id, input, sheet, dry_run).await
        }
        Kind::AdDays => import_as::<rows::AdDay>(db, actor, team_id, input, sheet, dry_run).await,
        Kind::Deliverables => {
            import_as::<rows::Deliverable>(db, actor, team_id, input, sheet, dry_run).await
        }
        Kind::Competitors => {
            import_as::<rows::CompetitorSnapshot>(db, actor, team_id, input, sheet, dry_run).await
        }
    }
}

async fn import_as<T: FileRow>(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    input: impl Read + Seek + 'static,
    sheet: Option<&str>,
    dry_run: bool,
) -> AppResult<(ImportOutcome, Layout)> {
    let mut import = Import::<T>::begin(db, actor, team_id, "line").await?;
    let mut records = open(&T::SPEC, T::KIND.name(), input, sheet)?;
    let mut rows = 0;
    while let Some((line, row)) = records.next_row::<T>()? {
        rows += 1;
        match row {
            Ok(row) => import.push(line, row).await?,
            Err(problems) => {
                for (field, message) in problems {
                    import.fail(line, field, message);
                }
            }
        }
    }
    if rows == 0 {
        let line = records.layout().header_line;
        return Err(AppError::invalid(
            "file",
            format!("has no data rows below its header (line {line})"),
        ));
    }
    let outcome = if dry_run {
        import.dry_run().await?
    } else {
        import.finish().await?
    };
    Ok((outcome, records.layout()))
}
