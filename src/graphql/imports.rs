//! Files uploaded over HTTP (the GraphQL multipart request spec) and the history of imports.

use crate::graphql::scalars::DateTime;
use async_graphql::{Context, InputObject, Object, SimpleObject, Upload};

use crate::entities::import_record;
use crate::error::{AppError, AppResult};
use crate::files::{self, FileImport, MAX_PREVIEW};
use crate::graphql::context::{actor, db, import_tally};
use crate::graphql::enums::{ImportKind, ImportVia};
use crate::graphql::id::Id;
use crate::graphql::relay::{IdConnection, connection, page_request};
use crate::graphql::staff::{Staff, load_staff};
use crate::services::ingest::{self, history};

/// The longest file name kept in the history.
const MAX_FILE_NAME: usize = 255;

#[derive(Default)]
pub struct ImportQuery;

#[Object]
impl ImportQuery {
    /// The team's imports, newest first: every committed import, from the API or the command
    /// line (the team's manager or an admin); a Relay connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn imports(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
    ) -> AppResult<IdConnection<ImportRecord>> {
        let after_given = after.is_some();
        let page = page_request(first, after)?;
        let imports = history::list(db(ctx), actor(ctx)?, team_id.0, page).await?;
        Ok(connection(imports, after_given, |r| r.id, ImportRecord))
    }
}

#[derive(Default)]
pub struct ImportMutation;

#[Object]
impl ImportMutation {
    /// Imports an uploaded export (CSV in UTF-8, GBK/GB18030 or UTF-16, or an `.xlsx` / `.xls`
    /// workbook's sheet: told by the file's first bytes) into the team, all or nothing, as
    /// `shopops import` does; with `dryRun` says what it would do and writes nothing. Sent as a
    /// multipart request (the GraphQL multipart request spec), within the upload size limit
    /// (`SHOPOPS_MAX_UPLOAD_BYTES`). The team's manager or an admin.
    async fn import_file(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The file, the team and kind it is for, and how to read it.")]
        input: ImportFileInput,
    ) -> AppResult<ImportFilePayload> {
        let actor = actor(ctx)?;
        let preview = usize::try_from(input.preview_rows)
            .ok()
            .filter(|n| *n <= MAX_PREVIEW)
            .ok_or_else(|| {
                AppError::invalid(
                    "previewRows",
                    format!("must be between 0 and {MAX_PREVIEW}"),
                )
            })?;
        let upload = input
            .file
            .value(ctx)
            .map_err(|e| AppError::invalid("file", format!("cannot be read: {e}")))?;
        let name = file_name(&upload.filename)?;
        if input.defaults.len() > MAX_DEFAULTS {
            let message = format!("at most {MAX_DEFAULTS}");
            return Err(AppError::invalid("defaults", message));
        }
        let defaults: Vec<(String, String)> = input
            .defaults
            .into_iter()
            .map(|d| (d.column, d.value))
            .collect();
        let how = FileImport {
            kind: input.kind.into(),
            name: &name,
            sheet: input.sheet.as_deref(),
            defaults: &defaults,
            via: crate::entities::ImportVia::Api,
            dry_run: input.dry_run,
            preview,
        };
        let imported =
            files::import_file(db(ctx), actor, input.team_id.0, upload.content, &how).await?;
        // A record only for what was committed: a dry run wrote nothing.
        if imported.report.record.is_some() {
            import_tally(ctx).note(how.kind, imported.report.outcome);
        }
        Ok(ImportFilePayload {
            dry_run: input.dry_run,
            imported,
        })
    }
}

/// The name as the history keeps it: its last path component (some browsers send a full
/// path), at most 255 characters, no control characters.
fn file_name(sent: &str) -> AppResult<String> {
    let name = sent.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    if name.is_empty() {
        return Err(AppError::invalid("file", "has no file name"));
    }
    if name.chars().count() > MAX_FILE_NAME {
        return Err(AppError::invalid(
            "file",
            format!("its name is longer than {MAX_FILE_NAME} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(AppError::invalid("file", "its name has control characters"));
    }
    Ok(name.to_owned())
}

/// An uploaded export and how to read it.
#[derive(InputObject)]
pub struct ImportFileInput {
    /// The team the rows are for.
    pub team_id: Id,
    /// What the file holds, as `shopops import`'s kind does.
    pub kind: ImportKind,
    /// The export, as a multipart file part.
    pub file: Upload,
    /// A workbook's sheet to read (by its name); the first when left out. Refused for CSV.
    pub sheet: Option<String>,
    /// Values for columns the file lacks, as if every row had them: an ad report names no
    /// `owner` (负责人), a 淘宝客 report no `channel`. A column the file has is read from the
    /// file (and a warning says the default was not used). At most 20.
    #[graphql(default)]
    pub defaults: Vec<ColumnValueInput>,
    /// Check and count everything, write nothing.
    #[graphql(default)]
    pub dry_run: bool,
    /// How many data rows, from the top, to return as parsed (0 to 100).
    #[graphql(default = 5)]
    pub preview_rows: i32,
}

/// A value for a column: `column` is its field (`owner`) or any header the column is known
/// by (`负责人`); `value` is written as a cell of it would be (`TAOBAOKE` or `淘宝客`).
#[derive(InputObject)]
pub struct ColumnValueInput {
    /// The column: its field (`owner`) or any header it is known by (`负责人`).
    pub column: String,
    /// The value, written as a cell of the column would be.
    pub value: String,
}

/// The most defaults an upload takes: more than any kind has columns.
const MAX_DEFAULTS: usize = 20;

pub struct ImportFilePayload {
    dry_run: bool,
    imported: files::Imported,
}

/// What an upload did, or (a dry run) would do.
#[Object]
impl ImportFilePayload {
    /// True when nothing was written.
    async fn dry_run(&self) -> bool {
        self.dry_run
    }
    /// Rows whose key was new (would be, in a dry run).
    async fn inserted(&self) -> u64 {
        self.imported.report.outcome.inserted
    }
    /// Rows that overwrote an existing key (would, in a dry run).
    async fn updated(&self) -> u64 {
        self.imported.report.outcome.updated
    }
    /// The data rows the file holds.
    async fn rows(&self) -> usize {
        self.imported.report.rows
    }
    /// How the file was read.
    async fn layout(&self) -> ImportLayout {
        let layout = &self.imported.layout;
        let (encoding, delimiter) = match &layout.format {
            files::Format::Csv {
                encoding,
                delimiter,
            } => (Some((*encoding).to_owned()), Some(delimiter.to_string())),
            _ => (None, None),
        };
        ImportLayout {
            format: layout.format.name().into(),
            encoding,
            delimiter,
            sheet: layout.format.sheet().map(str::to_owned),
            header_line: layout.header_line,
            ignored_columns: layout.ignored.clone(),
        }
    }
    /// What was noticed without refusing the file: one line naming the ignored columns, then
    /// each derived cell that disagrees with shopops's formula (at most 100, then how many
    /// more).
    async fn warnings(&self) -> &[String] {
        &self.imported.warnings.listed
    }
    /// The warnings there were in all, listed or not.
    async fn warning_count(&self) -> usize {
        self.imported.warnings.count
    }
    /// The first data rows as parsed (`previewRows` of them).
    async fn preview(&self) -> Vec<ImportPreviewRow> {
        self.imported
            .preview
            .iter()
            .map(|p| ImportPreviewRow {
                line: p.line,
                fields: p
                    .fields
                    .iter()
                    .map(|(name, value)| ImportField {
                        name: name.clone(),
                        value: value.clone(),
                    })
                    .collect(),
            })
            .collect()
    }
    /// The history's record of this import; null for a dry run.
    async fn import(&self) -> Option<ImportRecord> {
        self.imported.report.record.clone().map(ImportRecord)
    }
    /// The latest earlier import of the same file (the same bytes) into the team: set when the
    /// file was imported before.
    async fn previous_import(&self) -> Option<ImportRecord> {
        self.imported.report.previous.clone().map(ImportRecord)
    }
}

/// How a file was read.
#[derive(SimpleObject)]
pub struct ImportLayout {
    /// `CSV`, `xlsx` or `xls`.
    pub format: String,
    /// A CSV file's encoding: `UTF-8`, `GB18030 (GBK)` or `UTF-16`.
    pub encoding: Option<String>,
    /// A CSV file's cell separator: `,`, a tab or `;`.
    pub delimiter: Option<String>,
    /// The sheet a workbook was read from.
    pub sheet: Option<String>,
    /// The line (or sheet row) of the header; lines above it were titles.
    pub header_line: usize,
    /// The header's columns no field takes, in file order.
    pub ignored_columns: Vec<String>,
}

/// A data row as the import read it.
#[derive(SimpleObject)]
pub struct ImportPreviewRow {
    /// Its line in the file (or row in the sheet).
    pub line: usize,
    /// The fields it gives, in the order of the kind's batch input; empty cells left out.
    pub fields: Vec<ImportField>,
}

/// One field of a parsed row.
#[derive(SimpleObject)]
pub struct ImportField {
    /// The field's name, as in the kind's batch input (`paidBuyers`).
    pub name: String,
    /// Its value as text: decimals exact, dates `YYYY-MM-DD`.
    pub value: String,
}

pub struct ImportRecord(pub import_record::Model);

/// One committed import.
#[Object]
impl ImportRecord {
    /// The record's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// What the rows were.
    async fn kind(&self) -> AppResult<ImportKind> {
        ingest::Kind::from_name(&self.0.kind)
            .map(Into::into)
            .ok_or_else(|| {
                AppError::internal(anyhow::anyhow!("stored import kind {:?}", self.0.kind))
            })
    }
    /// How the rows came in.
    async fn via(&self) -> ImportVia {
        self.0.via.into()
    }
    /// Who imported; null for the command-line operator.
    async fn imported_by(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.actor_id).await
    }
    /// When it was committed.
    async fn at(&self) -> DateTime {
        self.0.at.into()
    }
    /// The file's name; null for rows sent as a batch.
    async fn file_name(&self) -> Option<&str> {
        self.0.file_name.as_deref()
    }
    /// The lowercase hex SHA-256 of the file's bytes; null for a batch.
    async fn sha256(&self) -> Option<&str> {
        self.0.sha256.as_deref()
    }
    /// `CSV`, `xlsx` or `xls`; null for a batch.
    async fn format(&self) -> Option<&str> {
        self.0.format.as_deref()
    }
    /// Data rows read.
    async fn rows(&self) -> i64 {
        self.0.rows
    }
    /// Rows whose key was new.
    async fn inserted(&self) -> i64 {
        self.0.inserted
    }
    /// Rows that overwrote an existing key.
    async fn updated(&self) -> i64 {
        self.0.updated
    }
    /// The warnings listed (at most 100, then how many more).
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn warnings(&self) -> Vec<String> {
        history::warnings(&self.0)
    }
    /// The warnings there were in all.
    async fn warning_count(&self) -> i64 {
        self.0.warning_count
    }
}
