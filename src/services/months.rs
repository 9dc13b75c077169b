//! A team's month locks (§8), which every writer of a month's data checks: bonus, reviews,
//! targets, imports. [`closing`](crate::services::closing) finalizes and reopens months.
//!
//! A month without a `month_close` row is OPEN. Writers of a month's data call [`ensure_open`]
//! (or [`ensure_open_dates`]) inside their transaction: it locks the team's row first
//! (PostgreSQL; SQLite serializes writers anyway), the row `closing::finalize` updates when it
//! locks the month, so an import cannot slip into a month between the check and its commit, and
//! a finalization that raced with a change of its inputs is refused rather than frozen on stale
//! figures.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entities::{MonthStatus, month_close, team};
use crate::error::{AppError, AppResult};
use crate::period::Month;

/// The month's close record, if it was ever finalized.
pub async fn find(
    db: &impl ConnectionTrait,
    team_id: i64,
    month: Month,
) -> AppResult<Option<month_close::Model>> {
    Ok(month_close::Entity::find()
        .filter(month_close::Column::TeamId.eq(team_id))
        .filter(month_close::Column::Month.eq(month.first_day()))
        .one(db)
        .await?)
}

pub async fn status(
    db: &impl ConnectionTrait,
    team_id: i64,
    month: Month,
) -> AppResult<MonthStatus> {
    Ok(find(db, team_id, month)
        .await?
        .map_or(MonthStatus::Open, |c| c.status))
}

/// `CONFLICT` when `month` is finalized.
pub async fn ensure_open(db: &impl ConnectionTrait, team_id: i64, month: Month) -> AppResult<()> {
    check_open(db, team_id, BTreeSet::from([month.first_day()])).await
}

/// `CONFLICT` when any of the months these dates fall in is finalized. (The dates are read
/// before the future is made, so it holds no borrowing iterator.)
pub fn ensure_open_dates<'a, C: ConnectionTrait>(
    db: &'a C,
    team_id: i64,
    dates: impl IntoIterator<Item = NaiveDate>,
) -> impl Future<Output = AppResult<()>> + 'a {
    let firsts = dates
        .into_iter()
        .map(|d| Month::of(d).first_day())
        .collect();
    check_open(db, team_id, firsts)
}

/// `CONFLICT` naming the first finalized month among `months`.
pub fn ensure_open_months<'a, C: ConnectionTrait>(
    db: &'a C,
    team_id: i64,
    months: impl IntoIterator<Item = Month>,
) -> impl Future<Output = AppResult<()>> + 'a {
    let firsts = months.into_iter().map(Month::first_day).collect();
    check_open(db, team_id, firsts)
}

/// One query whatever the number of months.
async fn check_open(
    db: &impl ConnectionTrait,
    team_id: i64,
    firsts: BTreeSet<NaiveDate>,
) -> AppResult<()> {
    if firsts.is_empty() {
        return Ok(());
    }
    lock_team(db, team_id).await?;
    let mut query = month_close::Entity::find()
        .filter(month_close::Column::TeamId.eq(team_id))
        .filter(month_close::Column::Status.eq(MonthStatus::Finalized));
    // Few months per batch in practice; a span keeps the statement small for any number.
    query = if firsts.len() <= 24 {
        query.filter(month_close::Column::Month.is_in(firsts.iter().copied()))
    } else {
        let (from, to) = (firsts.first(), firsts.last());
        query.filter(month_close::Column::Month.between(from.copied(), to.copied()))
    };
    let finalized = query
        .order_by_asc(month_close::Column::Month)
        .all(db)
        .await?
        .into_iter()
        .find(|c| firsts.contains(&c.month));
    match finalized {
        Some(c) => Err(locked(Month::of(c.month))),
        None => Ok(()),
    }
}

/// Locks the team's row until the caller's transaction ends (PostgreSQL; SQLite serializes
/// writers anyway): what `closing::finalize` updates, so writers of a month's data serialize
/// with it (see the module's documentation).
pub async fn lock_team(db: &impl ConnectionTrait, team_id: i64) -> AppResult<()> {
    team::Entity::find_by_id(team_id)
        .select_only()
        .column(team::Column::Id)
        .lock_exclusive()
        .into_tuple::<i64>()
        .one(db)
        .await?;
    Ok(())
}

pub fn locked(month: Month) -> AppError {
    AppError::conflict(format!("{month} is finalized; an admin must reopen it"))
}
