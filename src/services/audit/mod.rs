//! The audit trail: every change of an audited record, field by field (who, when, before → after).

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::entities::audit_entry;
use crate::error::AppResult;
use crate::pagination::{self, Page, PageRequest};

/// The kinds of record the trail covers.
pub const TASK: &str = "TASK";

/// One changed field; `None` is "no value" (before a creation, after a removal).
pub struct Change {
    pub field: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl Change {
    pub fn new(field: &'static str, before: Option<String>, after: Option<String>) -> Self {
        Self {
            field,
            before,
            after,
        }
    }
}

/// Who changed which record, and when; `actor_id` is none for the command-line operator
/// ([`crate::services::auth::Actor::recorded_id`]).
pub struct Stamp {
    pub team_id: i64,
    pub kind: &'static str,
    pub subject_id: i64,
    pub actor_id: Option<i64>,
    pub at: DateTime<Utc>,
}

/// Writes the changes, in the caller's transaction, so the trail and the change commit together.
pub async fn record(
    db: &impl ConnectionTrait,
    stamp: &Stamp,
    changes: Vec<Change>,
) -> AppResult<()> {
    if changes.is_empty() {
        return Ok(());
    }
    let rows = changes.into_iter().map(|c| audit_entry::ActiveModel {
        team_id: Set(stamp.team_id),
        subject_kind: Set(stamp.kind.into()),
        subject_id: Set(stamp.subject_id),
        actor_id: Set(stamp.actor_id),
        at: Set(stamp.at),
        field: Set(c.field.into()),
        before: Set(c.before),
        after: Set(c.after),
        ..Default::default()
    });
    audit_entry::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// A page of a record's trail, oldest first.
pub async fn list(
    db: &DatabaseConnection,
    kind: &str,
    subject_id: i64,
    page: PageRequest,
) -> AppResult<Page<audit_entry::Model>> {
    let select = audit_entry::Entity::find()
        .filter(audit_entry::Column::SubjectKind.eq(kind))
        .filter(audit_entry::Column::SubjectId.eq(subject_id));
    pagination::fetch(db, select, audit_entry::Column::Id, page).await
}
