use crate::graphql::scalars::DateTime;
use async_graphql::{Context, Object};

use crate::entities::audit_entry;
use crate::error::AppResult;
use crate::graphql::staff::{Staff, load_staff};

/// One changed field of an audited record.
pub struct AuditEntry(pub audit_entry::Model);

#[Object]
impl AuditEntry {
    async fn actor(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.actor_id).await
    }
    async fn at(&self) -> DateTime {
        self.0.at.into()
    }
    async fn field(&self) -> &str {
        &self.0.field
    }
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn before(&self) -> Option<&str> {
        self.0.before.as_deref()
    }
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn after(&self) -> Option<&str> {
        self.0.after.as_deref()
    }
}
