use crate::graphql::scalars::DateTime;
use async_graphql::{Context, Object};

use crate::entities::audit_entry;
use crate::error::AppResult;
use crate::graphql::staff::{Staff, load_staff};

pub struct AuditEntry(pub audit_entry::Model);

/// One changed field of an audited record.
#[Object]
impl AuditEntry {
    /// Who changed it; null for the command-line operator.
    async fn actor(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.actor_id).await
    }
    /// When.
    async fn at(&self) -> DateTime {
        self.0.at.into()
    }
    /// The changed field (`status`, `title`, `assignee`, `dueAt`, …).
    async fn field(&self) -> &str {
        &self.0.field
    }
    /// Its value before, as text; null for no value (before a creation).
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn before(&self) -> Option<&str> {
        self.0.before.as_deref()
    }
    /// Its value after, as text; null for no value (after a removal).
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn after(&self) -> Option<&str> {
        self.0.after.as_deref()
    }
}
