//! The record of every committed import (who, when, which file, what it did), written in the
//! import's own transaction so that the history and the data commit together.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::kind::Kind;
use crate::entities::{ImportVia, import_record};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, Page, PageRequest};
use crate::services::auth::Actor;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Rows whose key was new.
    pub inserted: u64,
    /// Rows that overwrote an existing key.
    pub updated: u64,
}

/// Where an import's rows came from.
#[derive(Debug, Clone)]
pub struct Source {
    pub via: ImportVia,
    /// None for rows sent as a GraphQL batch.
    pub file: Option<FileFacts>,
}

impl Source {
    /// Rows sent in a GraphQL mutation.
    pub fn batch() -> Self {
        Self {
            via: ImportVia::Api,
            file: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct FileFacts {
    pub name: String,
    /// Lowercase hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// `CSV`, `xlsx` or `xls`.
    pub format: &'static str,
}

/// What the import noticed without refusing it.
#[derive(Debug, Clone, Default)]
pub struct Warnings {
    /// The first ones (at most [`crate::validate::MAX_LISTED`] and a line saying how many more).
    pub listed: Vec<String>,
    /// How many there were in all.
    pub count: usize,
}

/// What an import did, or (a dry run) would do.
#[derive(Debug, Clone)]
pub struct Report {
    pub outcome: ImportOutcome,
    /// Data rows read.
    pub rows: usize,
    /// The import's record; None for a dry run.
    pub record: Option<import_record::Model>,
    /// The latest earlier import of the same file (same bytes) into the team, if any.
    pub previous: Option<import_record::Model>,
}

/// The latest import of the file with this digest into the team.
pub(super) async fn previous(
    db: &impl ConnectionTrait,
    team_id: i64,
    source: &Source,
) -> AppResult<Option<import_record::Model>> {
    let Some(file) = &source.file else {
        return Ok(None);
    };
    Ok(import_record::Entity::find()
        .filter(import_record::Column::TeamId.eq(team_id))
        .filter(import_record::Column::Sha256.eq(file.sha256.as_str()))
        .order_by_desc(import_record::Column::Id)
        .one(db)
        .await?)
}

/// What `record` writes, besides the source.
pub(super) struct Done {
    pub team_id: i64,
    pub kind: Kind,
    /// [`Actor::recorded_id`].
    pub actor_id: Option<i64>,
    pub rows: usize,
    pub outcome: ImportOutcome,
}

pub(super) async fn record(
    db: &impl ConnectionTrait,
    done: Done,
    source: Source,
    warnings: Warnings,
) -> AppResult<import_record::Model> {
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let listed = serde_json::to_string(&warnings.listed).map_err(AppError::internal)?;
    let file = source.file;
    let model = import_record::ActiveModel {
        team_id: Set(done.team_id),
        kind: Set(done.kind.name().to_owned()),
        via: Set(source.via),
        actor_id: Set(done.actor_id),
        at: Set(Utc::now()),
        file_name: Set(file.as_ref().map(|f| f.name.clone())),
        sha256: Set(file.as_ref().map(|f| f.sha256.clone())),
        format: Set(file.as_ref().map(|f| f.format.to_owned())),
        rows: Set(count(done.rows)),
        inserted: Set(count(done.outcome.inserted as usize)),
        updated: Set(count(done.outcome.updated as usize)),
        warnings: Set(listed),
        warning_count: Set(count(warnings.count)),
        ..Default::default()
    };
    Ok(model.insert(db).await?)
}

/// The team's imports, newest first (§9: its manager or an admin, who may import).
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    page: PageRequest,
) -> AppResult<Page<import_record::Model>> {
    actor.ensure_manager_of(team_id)?;
    let select = import_record::Entity::find().filter(import_record::Column::TeamId.eq(team_id));
    pagination::fetch_newest(db, select, import_record::Column::Id, page).await
}

/// The warnings listed in a record.
pub fn warnings(record: &import_record::Model) -> Vec<String> {
    serde_json::from_str(&record.warnings).unwrap_or_default()
}
