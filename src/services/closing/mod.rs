//! Month close (§8): a team's month is OPEN — its reviews and bonus run are drafts, recomputed at
//! will — until the team's manager FINALIZES it. Finalizing computes the final reviews and bonus
//! run and locks the month: from then on recomputing, adjusting, setting targets for it or
//! importing data dated in it is a `CONFLICT`, until an admin reopens it with a reason. Both
//! moves are audited under [`AUDIT_KIND`].
//!
//! The month locks themselves are in [`months`](crate::services::months).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use crate::db;
use crate::entities::{MonthStatus, audit_entry, month_close, team};
use crate::error::{AppError, AppResult};
use crate::pagination::{Page, PageRequest};
use crate::period::Month;
use crate::services::audit::{Change, Stamp};
use crate::services::auth::Actor;
use crate::services::{months, teams};
use crate::validate::Checks;

/// The kind of record month closes are audited under (`audit_entry.subject_id` is the
/// `month_close` id).
pub const AUDIT_KIND: &str = "MONTH";

/// Days after a month's end before its figures are final: the customer-service final payment
/// (最终付款) of the last day settles 4 days after it (§2).
pub const SETTLE_DAYS: i64 = 4;

/// The first day on which `month` may be finalized without an override.
pub fn settles_on(month: Month) -> NaiveDate {
    month.last_day() + Duration::days(SETTLE_DAYS)
}

/// The team's manager (or an admin) finalizes a month that has ended: the final reviews and
/// bonus run are computed, then the month is locked. Before the figures settle
/// ([`settles_on`]) it needs `override_early`.
pub async fn finalize(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
    override_early: bool,
    now: DateTime<Utc>,
) -> AppResult<month_close::Model> {
    actor.ensure_manager_of(team_id)?;
    let team = teams::get_active(db, team_id).await?;
    let today = teams::local_date(&team, now);
    if today <= month.last_day() {
        return Err(AppError::invalid(
            "month",
            format!("{month} has not ended (today is {today})"),
        ));
    }
    let settles = settles_on(month);
    let early = today < settles;
    if early && !override_early {
        return Err(AppError::invalid(
            "override",
            format!(
                "the final-payment figures of {month} settle on {settles} (§2); \
                 to finalize earlier, pass override: true"
            ),
        ));
    }
    let existing = months::find(db, team_id, month).await?;
    if existing
        .as_ref()
        .is_some_and(|c| c.status == MonthStatus::Finalized)
    {
        return Err(AppError::conflict(format!("{month} is already finalized")));
    }
    // The data version the final figures are computed from; `team` was read before them.
    let seen_version = team.data_version;
    crate::services::bonus::compute(db, actor, &team, month, now).await?;

    let tx = db::begin_write(db).await?;
    let bumped = team::Entity::update_many()
        .col_expr(
            team::Column::DataVersion,
            Expr::col(team::Column::DataVersion).add(1),
        )
        .filter(team::Column::Id.eq(team_id))
        .filter(team::Column::DataVersion.eq(seen_version))
        .exec(&tx)
        .await?;
    if bumped.rows_affected == 0 {
        return Err(AppError::conflict(format!(
            "the team's data changed while {month} was being finalized; try again"
        )));
    }
    let by = actor.recorded_id();
    let close = match existing {
        Some(c) => {
            let done = month_close::Entity::update_many()
                .col_expr(
                    month_close::Column::Status,
                    Expr::value(MonthStatus::Finalized),
                )
                .col_expr(month_close::Column::FinalizedAt, Expr::value(Some(now)))
                .col_expr(month_close::Column::FinalizedBy, Expr::value(by))
                .col_expr(month_close::Column::Version, Expr::value(c.version + 1))
                .col_expr(month_close::Column::UpdatedAt, Expr::value(now))
                .filter(month_close::Column::Id.eq(c.id))
                .filter(month_close::Column::Version.eq(c.version))
                .exec(&tx)
                .await?;
            if done.rows_affected == 0 {
                return Err(AppError::conflict(format!(
                    "{month} was changed meanwhile; try again"
                )));
            }
            month_close::Entity::find_by_id(c.id)
                .one(&tx)
                .await?
                .ok_or_else(|| AppError::not_found(format!("month close {}", c.id)))?
        }
        None => {
            month_close::ActiveModel {
                team_id: Set(team_id),
                month: Set(month.first_day()),
                status: Set(MonthStatus::Finalized),
                finalized_at: Set(Some(now)),
                finalized_by: Set(by),
                version: Set(1),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&tx)
            .await?
        }
    };
    let mut changes = vec![Change::new(
        "status",
        Some("OPEN".into()),
        Some("FINALIZED".into()),
    )];
    if early {
        changes.push(Change::new(
            "override",
            None,
            Some(format!("finalized on {today}, before {settles}")),
        ));
    }
    record(&tx, &close, actor, now, changes).await?;
    tx.commit().await?;
    Ok(close)
}

/// An admin reopens a finalized month, with a reason (audited): its reviews and bonus run are
/// drafts again and its data may change.
pub async fn reopen(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<month_close::Model> {
    actor.ensure_admin()?;
    let mut checks = Checks::default();
    let reason = checks.note("reason", reason, 500);
    checks.finish()?;
    teams::get(db, actor, team_id).await?;
    let close = months::find(db, team_id, month)
        .await?
        .filter(|c| c.status == MonthStatus::Finalized)
        .ok_or_else(|| AppError::conflict(format!("{month} is not finalized")))?;
    let tx = db::begin_write(db).await?;
    let done = month_close::Entity::update_many()
        .col_expr(month_close::Column::Status, Expr::value(MonthStatus::Open))
        .col_expr(month_close::Column::Version, Expr::value(close.version + 1))
        .col_expr(month_close::Column::UpdatedAt, Expr::value(now))
        .filter(month_close::Column::Id.eq(close.id))
        .filter(month_close::Column::Version.eq(close.version))
        .exec(&tx)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::conflict(format!(
            "{month} was changed meanwhile; try again"
        )));
    }
    let changes = vec![
        Change::new("status", Some("FINALIZED".into()), Some("OPEN".into())),
        Change::new("reason", None, Some(reason)),
    ];
    record(&tx, &close, actor, now, changes).await?;
    let reopened = month_close::Entity::find_by_id(close.id)
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::not_found(format!("month close {}", close.id)))?;
    tx.commit().await?;
    Ok(reopened)
}

async fn record(
    db: &impl ConnectionTrait,
    close: &month_close::Model,
    actor: &Actor,
    at: DateTime<Utc>,
    changes: Vec<Change>,
) -> AppResult<()> {
    let stamp = Stamp {
        team_id: close.team_id,
        kind: AUDIT_KIND,
        subject_id: close.id,
        actor_id: actor.recorded_id(),
        at,
    };
    crate::services::audit::record(db, &stamp, changes).await
}

/// A page of a month's trail of finalizations and reopenings, oldest first.
pub async fn trail(
    db: &DatabaseConnection,
    close: &month_close::Model,
    page: PageRequest,
) -> AppResult<Page<audit_entry::Model>> {
    crate::services::audit::list(db, AUDIT_KIND, close.id, page).await
}
