use async_graphql::{Context, Enum, Object};

use crate::error::AppResult;
use crate::graphql::enums::DeliverableKind;
use crate::graphql::staff::Staff;
use crate::graphql::{
    context::{actor, clock, db, loaders, team},
    id::Id,
    loaders::load_error,
    relay::{KeyConnection, key_connection, keyset_request},
};
use crate::period::Date;
use crate::services::design::{DeliverableFilter, DeliverableKey};

/// Where a deliverable stands on the team's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::services::design::DeliverableStatus")]
pub enum DeliverableStatus {
    /// Not delivered yet, overdue or not.
    Open,
    /// Delivered, on time or late.
    Delivered,
    /// Not delivered, and due before today (the team's local day).
    Overdue,
}

pub struct DesignDeliverable(pub crate::services::design::Deliverable);

/// A piece of design work (美工) with its due and delivery days.
#[Object]
impl DesignDeliverable {
    /// The deliverable's own id.
    async fn id(&self) -> Id {
        Id(self.0.model.id)
    }
    /// The team's own job reference (编号), the import's key.
    async fn reference(&self) -> &str {
        &self.0.model.reference
    }
    /// The designer the work was given to.
    async fn designer_id(&self) -> Id {
        Id(self.0.model.designer_id)
    }
    /// The designer's profile, when the caller may see it (§9: managers, and the designer).
    async fn designer(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let viewer = actor(ctx)?;
        let designer = loaders(ctx)
            .staff
            .load_one(self.0.model.designer_id)
            .await
            .map_err(load_error)?;
        Ok(designer.filter(|d| viewer.can_view_staff(d)).map(Staff))
    }
    /// The product (宝贝) the work is for, if any.
    async fn product_id(&self) -> Option<Id> {
        self.0.model.product_id.map(Id)
    }
    /// What was made: main image, detail page, banner, …
    async fn kind(&self) -> DeliverableKind {
        self.0.model.kind.into()
    }
    /// The day it was asked for (the team's local day).
    async fn requested_on(&self) -> Date {
        self.0.model.requested_on.into()
    }
    /// The day it is due (the team's local day).
    async fn due_on(&self) -> Date {
        self.0.model.due_on.into()
    }
    /// The day it was delivered (the team's local day); null while open.
    async fn delivered_on(&self) -> Option<Date> {
        self.0.model.delivered_on.map(Into::into)
    }
    /// Rounds of changes asked for.
    async fn revisions(&self) -> i64 {
        self.0.model.revisions
    }
    /// Delivered on or before its due day; null while not delivered.
    async fn on_time(&self) -> Option<bool> {
        self.0.on_time()
    }
    /// Not delivered and due before today, in the team's time zone.
    async fn overdue(&self) -> bool {
        self.0.overdue()
    }
}

#[derive(Default)]
pub struct DesignQuery;

#[Object]
impl DesignQuery {
    /// The team's design deliverables by due day, then id. The team's manager (or an admin) sees
    /// everyone's; a staff member only their own (naming another designer is FORBIDDEN).
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    // Filters and Relay paging are all arguments of the field.
    #[allow(clippy::too_many_arguments)]
    async fn design_deliverables(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team (shop) whose imports to read.")] team_id: Id,
        #[graphql(
            desc = "Only this designer's work. Staff may name only themselves; without it they get their own."
        )]
        designer_id: Option<Id>,
        #[graphql(
            desc = "Only OPEN, DELIVERED or OVERDUE work, as of today (the team's local day)."
        )]
        status: Option<DeliverableStatus>,
        #[graphql(desc = "Only work due on this day or later (the team's local day).")]
        due_from: Option<Date>,
        #[graphql(
            desc = "Only work due on this day or earlier (the team's local day); not before `dueFrom`."
        )]
        due_to: Option<Date>,
        #[graphql(desc = "Page size, 1 to 100.", default = 20)] first: i32,
        #[graphql(desc = "The cursor of the last edge of the previous page.")] after: Option<
            String,
        >,
    ) -> AppResult<KeyConnection<DeliverableKey, DesignDeliverable>> {
        let after_given = after.is_some();
        let page = keyset_request(first, after)?;
        let team = team(ctx, team_id.0).await?;
        let filter = DeliverableFilter {
            designer_id: designer_id.map(|d| d.0),
            status: status.map(Into::into),
            due_from: due_from.map(Into::into),
            due_to: due_to.map(Into::into),
        };
        let now = clock(ctx).now();
        let found =
            crate::services::design::list(db(ctx), actor(ctx)?, &team, filter, now, page).await?;
        let designer = ctx
            .look_ahead()
            .field("edges")
            .field("node")
            .field("designer");
        if designer.exists() {
            let ids = found.items.iter().map(|d| d.model.designer_id);
            loaders(ctx)
                .prime_staff(ids, designer.field("team").exists())
                .await?;
        }
        Ok(key_connection(
            found,
            after_given,
            crate::services::design::key,
            DesignDeliverable,
        ))
    }
}
