//! Competitor snapshots read back (§2): each tracked item's price history, and the items the team
//! tracks with their latest snapshot. Team-level market data: every member of the team sees it,
//! like the shop's metrics (§9).

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entities::{competitor_snapshot, team};
use crate::error::AppResult;
use crate::pagination::{self, KeysetRequest, MAX_PAGE_SIZE, Page};
use crate::services::auth::Actor;
use crate::validate::Checks;

/// How many (competitor, item) pairs [`tracked`] returns at most.
pub const MAX_TRACKED: u64 = MAX_PAGE_SIZE as u64;

/// What to read of the team's snapshots; every field narrows, none is required.
#[derive(Debug, Clone, Default)]
pub struct SnapshotFilter {
    /// Exactly this competitor (竞店), as imported.
    pub competitor: Option<String>,
    /// Exactly this item, as imported.
    pub item: Option<String>,
    /// From this day on (inclusive).
    pub from: Option<NaiveDate>,
    /// Up to this day (inclusive).
    pub to: Option<NaiveDate>,
}

/// The order of a price history, and its cursor: unique within a team (the import's key).
pub type SnapshotKey = (String, String, NaiveDate);

pub fn key(s: &competitor_snapshot::Model) -> SnapshotKey {
    (s.competitor.clone(), s.item.clone(), s.date)
}

/// Names are matched as the import stored them: trimmed, and no longer than it allows.
fn name(checks: &mut Checks, field: &str, value: Option<String>, max: usize) -> Option<String> {
    value.map(|v| checks.text(field, &v, max))
}

/// The team's snapshots by competitor, item and date: one price history per item, oldest day
/// first. Every member of the team.
pub async fn snapshots(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    filter: SnapshotFilter,
    page: KeysetRequest<SnapshotKey>,
) -> AppResult<Page<competitor_snapshot::Model>> {
    actor.ensure_member_of(team.id)?;
    use competitor_snapshot::Column as C;
    let mut checks = Checks::default();
    let competitor = name(&mut checks, "competitor", filter.competitor, 100);
    let item = name(&mut checks, "item", filter.item, 200);
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && to < from
    {
        checks.fail("to", format!("{to} is before from ({from})"));
    }
    checks.finish()?;
    let mut select = competitor_snapshot::Entity::find().filter(C::TeamId.eq(team.id));
    if let Some(competitor) = competitor {
        select = select.filter(C::Competitor.eq(competitor));
    }
    if let Some(item) = item {
        select = select.filter(C::Item.eq(item));
    }
    if let Some(from) = filter.from {
        select = select.filter(C::Date.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(C::Date.lte(to));
    }
    pagination::fetch_by_key(db, select, (C::Competitor, C::Item, C::Date), page).await
}

/// The latest snapshot of each (competitor, item) the team tracks, by competitor and item: at
/// most [`MAX_TRACKED`], the first in that order; `competitor` narrows to one shop's items.
/// Every member of the team.
pub async fn tracked(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    competitor: Option<String>,
) -> AppResult<Vec<competitor_snapshot::Model>> {
    actor.ensure_member_of(team.id)?;
    use competitor_snapshot::{Column as C, Entity as Snapshot};
    let mut checks = Checks::default();
    let competitor = name(&mut checks, "competitor", competitor, 100);
    checks.finish()?;
    // The last date of the same competitor and item: one probe of the unique key per pair.
    let other = Alias::new("later");
    let latest = Query::select()
        .expr(Expr::col((other.clone(), C::Date)).max())
        .from_as(Snapshot, other.clone())
        .and_where(Expr::col((other.clone(), C::TeamId)).equals((Snapshot, C::TeamId)))
        .and_where(Expr::col((other.clone(), C::Competitor)).equals((Snapshot, C::Competitor)))
        .and_where(Expr::col((other, C::Item)).equals((Snapshot, C::Item)))
        .to_owned();
    let mut select = Snapshot::find()
        .filter(C::TeamId.eq(team.id))
        .filter(C::Date.in_subquery(latest));
    if let Some(competitor) = competitor {
        select = select.filter(C::Competitor.eq(competitor));
    }
    Ok(select
        .order_by_asc(C::Competitor)
        .order_by_asc(C::Item)
        .limit(MAX_TRACKED)
        .all(db)
        .await?)
}
