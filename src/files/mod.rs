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
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::entities::ImportVia;
use crate::error::{AppError, AppResult};
use crate::services::auth::Actor;
use crate::services::ingest::{FileFacts, Import, Kind, Report, Source, Warnings, rows};
use columns::FileRow;
pub use records::{Format, Layout, Records, open};

/// The most data rows a dry run shows as parsed.
pub const MAX_PREVIEW: usize = 100;

/// How a file is to be imported.
#[derive(Debug, Clone)]
pub struct FileImport<'a> {
    pub kind: Kind,
    /// The file's name as its owner knows it, for the history.
    pub name: &'a str,
    /// A workbook's sheet to read; None for the first.
    pub sheet: Option<&'a str>,
    /// (column, value) for columns the file lacks, as if each row had it: an ad report names
    /// no owner, and 淘宝客's no channel.
    pub defaults: &'a [(String, String)],
    pub via: ImportVia,
    /// Only say what the import would do.
    pub dry_run: bool,
    /// The data rows to return as parsed, from the top (at most [`MAX_PREVIEW`]).
    pub preview: usize,
}

/// What a file import did (or would do), how the file was read and what was noticed.
#[derive(Debug, Clone)]
pub struct Imported {
    pub report: Report,
    pub layout: Layout,
    /// The ignored columns (one warning naming them all) and the derived cells that disagree.
    pub warnings: Warnings,
    pub preview: Vec<Preview>,
}

/// A data row as the import read it: its file line and its fields (camelCase) with their values
/// as text, those left empty omitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub line: usize,
    pub fields: Vec<(String, String)>,
}

/// Imports `file` (CSV, or the sheet named or the first of an `.xlsx` or `.xls`: told by its
/// first bytes) into the team in one all-or-nothing import (see [`Import`]) recorded in its
/// history, or with `dry_run` only says what it would do.
pub async fn import_file<F>(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    file: F,
    how: &FileImport<'_>,
) -> AppResult<Imported>
where
    F: Read + Seek + Send + 'static,
{
    let (file, sha256) = tokio::task::spawn_blocking(move || digest(file))
        .await
        .map_err(AppError::internal)??;
    match how.kind {
        Kind::ShopDays => import_as::<rows::ShopDay>(db, actor, team_id, file, sha256, how).await,
        Kind::ProductDays => {
            import_as::<rows::ProductDay>(db, actor, team_id, file, sha256, how).await
        }
        Kind::AgentDays => import_as::<rows::AgentDay>(db, actor, team_id, file, sha256, how).await,
        Kind::AdDays => import_as::<rows::AdDay>(db, actor, team_id, file, sha256, how).await,
        Kind::Deliverables => {
            import_as::<rows::Deliverable>(db, actor, team_id, file, sha256, how).await
        }
        Kind::Competitors => {
            import_as::<rows::CompetitorSnapshot>(db, actor, team_id, file, sha256, how).await
        }
    }
}

/// The SHA-256 of the whole file in lowercase hex, and the file rewound.
fn digest<F: Read + Seek>(mut file: F) -> AppResult<(F, String)> {
    let unreadable = |e: std::io::Error| AppError::invalid("file", format!("cannot be read: {e}"));
    file.rewind().map_err(unreadable)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 64 * 1024];
    loop {
        match file.read(&mut buf).map_err(unreadable)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    file.rewind().map_err(unreadable)?;
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((file, hex))
}

async fn import_as<T: FileRow + Serialize>(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    input: impl Read + Seek + 'static,
    sha256: String,
    how: &FileImport<'_>,
) -> AppResult<Imported> {
    let mut import = Import::<T>::begin(db, actor, team_id, "line").await?;
    let mut records = open(&T::SPEC, T::KIND.name(), input, how.sheet, how.defaults)?;
    let source = Source {
        via: how.via,
        file: Some(FileFacts {
            name: how.name.to_owned(),
            sha256,
            format: records.layout().format.name(),
        }),
    };
    let mut rows = 0;
    let mut preview = Vec::new();
    while let Some((line, row)) = records.next_row::<T>()? {
        rows += 1;
        match row {
            Ok(row) => {
                if preview.len() < how.preview.min(MAX_PREVIEW) {
                    preview.push(preview_of(line, &row));
                }
                import.push(line, row).await?
            }
            Err(problems) => {
                for (field, message) in problems {
                    import.fail(line, field, message);
                }
            }
        }
    }
    let layout = records.layout();
    if rows == 0 {
        return Err(AppError::invalid(
            "file",
            format!(
                "has no data rows below its header (line {})",
                layout.header_line
            ),
        ));
    }
    let warnings = warnings_of(&layout);
    let report = if how.dry_run {
        import.dry_run(source).await?
    } else {
        import.finish(source, warnings.clone()).await?
    };
    Ok(Imported {
        report,
        layout,
        warnings,
        preview,
    })
}

/// One warning naming the ignored columns, then the derived cells'.
fn warnings_of(layout: &Layout) -> Warnings {
    let mut listed = Vec::new();
    if !layout.ignored.is_empty() {
        listed.push(format!(
            "ignored {} column(s) no field takes: {}",
            layout.ignored.len(),
            layout.ignored.join(", ")
        ));
    }
    let count = listed.len() + layout.warning_count;
    listed.extend(layout.warnings.iter().cloned());
    Warnings { listed, count }
}

fn preview_of(line: usize, row: &impl Serialize) -> Preview {
    let fields = match serde_json::to_value(row) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter_map(|(field, value)| match value {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some((field, s)),
                other => Some((field, other.to_string())),
            })
            .collect(),
        _ => Vec::new(),
    };
    Preview { line, fields }
}
