use crate::graphql::scalars::DateTime;
use async_graphql::{Context, InputObject, Object, SimpleObject};

use crate::entities::month_close;
use crate::error::AppResult;
use crate::graphql::audit::AuditEntry;
use crate::graphql::enums::MonthStatus;
use crate::graphql::staff::{Staff, load_staff};
use crate::graphql::{
    context::{actor, clock, db, team},
    id::Id,
    relay::{IdConnection, connection, page_request},
};
use crate::pagination::Page;
use crate::period::{Date, Month};

pub struct MonthClose {
    pub team_id: i64,
    pub month: Month,
    /// `None` while the month was never finalized.
    pub close: Option<month_close::Model>,
}

/// A team's month at month end: OPEN (reviews and bonus run are drafts) or FINALIZED (locked).
#[Object]
impl MonthClose {
    /// The team.
    async fn team_id(&self) -> Id {
        Id(self.team_id)
    }
    /// The month (the team's local calendar).
    async fn month(&self) -> Month {
        self.month
    }
    /// OPEN (also when never finalized) or FINALIZED.
    async fn status(&self) -> MonthStatus {
        self.close
            .as_ref()
            .map_or(MonthStatus::Open, |c| c.status.into())
    }
    /// Grows with every finalization and reopening (0: never finalized).
    async fn version(&self) -> i32 {
        self.close.as_ref().map_or(0, |c| c.version)
    }
    /// The first day the month may be finalized without `override` (its figures have settled).
    async fn settles_on(&self) -> Date {
        crate::services::closing::settles_on(self.month).into()
    }
    /// When it was last finalized.
    async fn finalized_at(&self) -> Option<DateTime> {
        self.close
            .as_ref()
            .and_then(|c| c.finalized_at)
            .map(Into::into)
    }
    /// Who last finalized it (null from the CLI).
    async fn finalized_by(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.close.as_ref().and_then(|c| c.finalized_by)).await
    }
    /// Every finalization and reopening (with its reason), oldest first. A Relay connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn audit_trail(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
    ) -> AppResult<IdConnection<AuditEntry>> {
        let after_given = after.is_some();
        let page = page_request(first, after)?;
        let trail = match &self.close {
            Some(close) => crate::services::closing::trail(db(ctx), close, page).await?,
            None => Page {
                items: Vec::new(),
                has_next_page: false,
                total_count: 0,
            },
        };
        Ok(connection(trail, after_given, |e| e.id, AuditEntry))
    }
}

#[derive(Default)]
pub struct ClosingQuery;

#[Object]
impl ClosingQuery {
    /// Whether a month of the team is open or finalized; any member of the team.
    async fn month_close(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
        #[graphql(desc = "The month asked about.")] month: Month,
    ) -> AppResult<MonthClose> {
        let team = team(ctx, team_id.0).await?;
        Ok(MonthClose {
            team_id: team.id,
            month,
            close: crate::services::months::find(db(ctx), team.id, month).await?,
        })
    }
}

#[derive(Default)]
pub struct ClosingMutation;

#[Object]
impl ClosingMutation {
    /// The team's manager finalizes an ended month: computes the final reviews and bonus run,
    /// then locks the month. Before the figures settle (`settlesOn`, the 4th day after the
    /// month's end) it needs `override: true`.
    async fn finalize_month(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The month to finalize.")] input: FinalizeMonthInput,
    ) -> AppResult<FinalizeMonthPayload> {
        let close = crate::services::closing::finalize(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.month,
            input.override_early,
            clock(ctx).now(),
        )
        .await?;
        Ok(FinalizeMonthPayload {
            month_close: MonthClose {
                team_id: close.team_id,
                month: input.month,
                close: Some(close),
            },
        })
    }

    /// An admin reopens a finalized month, with a reason (audited).
    async fn reopen_month(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The month to reopen.")] input: ReopenMonthInput,
    ) -> AppResult<ReopenMonthPayload> {
        let close = crate::services::closing::reopen(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.month,
            &input.reason,
            clock(ctx).now(),
        )
        .await?;
        Ok(ReopenMonthPayload {
            month_close: MonthClose {
                team_id: close.team_id,
                month: input.month,
                close: Some(close),
            },
        })
    }
}

/// The month to finalize.
#[derive(InputObject)]
pub struct FinalizeMonthInput {
    /// The team.
    pub team_id: Id,
    /// An ended month of the team.
    pub month: Month,
    /// Finalize before the figures settle (`settlesOn`); default false.
    #[graphql(name = "override", default)]
    pub override_early: bool,
}

/// What `finalizeMonth` locked.
#[derive(SimpleObject)]
pub struct FinalizeMonthPayload {
    /// The month, now FINALIZED.
    month_close: MonthClose,
}

/// The month to reopen.
#[derive(InputObject)]
pub struct ReopenMonthInput {
    /// The team.
    pub team_id: Id,
    /// A finalized month of the team.
    pub month: Month,
    /// Why, at most 500 characters (kept in the audit trail).
    pub reason: String,
}

/// What `reopenMonth` unlocked.
#[derive(SimpleObject)]
pub struct ReopenMonthPayload {
    /// The month, OPEN again.
    month_close: MonthClose,
}
