//! Design deliverables read back (§2): the jobs a team's designers (美工) were given, when they
//! were due and delivered. Managers see the team's; a staff member only their own (§9).

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::{design_deliverable, team};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, KeysetRequest, Page};
use crate::services::auth::Actor;
use crate::services::teams;

/// Where a deliverable stands on the team's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliverableStatus {
    /// Not delivered yet.
    Open,
    Delivered,
    /// Not delivered, and due before today.
    Overdue,
}

#[derive(Debug, Clone, Default)]
pub struct DeliverableFilter {
    /// One designer's work; staff may only name themselves.
    pub designer_id: Option<i64>,
    pub status: Option<DeliverableStatus>,
    /// Due on this day or later.
    pub due_from: Option<NaiveDate>,
    /// Due on this day or earlier.
    pub due_to: Option<NaiveDate>,
}

/// A deliverable as seen on the team's day `today`.
#[derive(Debug, Clone)]
pub struct Deliverable {
    pub model: design_deliverable::Model,
    pub today: NaiveDate,
}

impl Deliverable {
    /// Delivered on or before its due day (§3); unknown while undelivered.
    pub fn on_time(&self) -> Option<bool> {
        self.model.delivered_on.map(|d| d <= self.model.due_on)
    }

    /// Not delivered, and its due day has passed. The same rule as the `OVERDUE` filter.
    pub fn overdue(&self) -> bool {
        self.model.delivered_on.is_none() && self.model.due_on < self.today
    }
}

/// The order of the list, and its cursor.
pub type DeliverableKey = (NaiveDate, i64);

pub fn key(d: &Deliverable) -> DeliverableKey {
    (d.model.due_on, d.model.id)
}

/// The team's deliverables by due day, then id, as of `now` in the team's time zone. The team's
/// manager (or an admin) sees everyone's; a staff member sees only their own, and naming anyone
/// else is FORBIDDEN.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    filter: DeliverableFilter,
    now: DateTime<Utc>,
    page: KeysetRequest<DeliverableKey>,
) -> AppResult<Page<Deliverable>> {
    actor.ensure_member_of(team.id)?;
    let designer = if actor.manages(team.id) {
        filter.designer_id
    } else {
        match filter.designer_id {
            Some(id) if id != actor.id => {
                return Err(AppError::forbidden(
                    "you may see only your own deliverables",
                ));
            }
            _ => Some(actor.id),
        }
    };
    if let (Some(from), Some(to)) = (filter.due_from, filter.due_to)
        && to < from
    {
        return Err(AppError::invalid(
            "dueTo",
            format!("{to} is before dueFrom ({from})"),
        ));
    }
    let today = teams::local_date(team, now);
    use design_deliverable::Column as C;
    let mut select = design_deliverable::Entity::find().filter(C::TeamId.eq(team.id));
    if let Some(designer) = designer {
        select = select.filter(C::DesignerId.eq(designer));
    }
    select = match filter.status {
        None => select,
        Some(DeliverableStatus::Open) => select.filter(C::DeliveredOn.is_null()),
        Some(DeliverableStatus::Delivered) => select.filter(C::DeliveredOn.is_not_null()),
        Some(DeliverableStatus::Overdue) => select
            .filter(C::DeliveredOn.is_null())
            .filter(C::DueOn.lt(today)),
    };
    if let Some(from) = filter.due_from {
        select = select.filter(C::DueOn.gte(from));
    }
    if let Some(to) = filter.due_to {
        select = select.filter(C::DueOn.lte(to));
    }
    let page = pagination::fetch_by_key(db, select, (C::DueOn, C::Id), page).await?;
    Ok(page.map(|model| Deliverable { model, today }))
}
