//! Managers' manual adjustments of a person's bonus for a month, audited; each counts from the
//! next computation of the run.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Select, Set,
};

use crate::db;
use crate::entities::{bonus_adjustment, staff, team};
use crate::error::{AppError, AppResult};
use crate::money::{self, from_fen};
use crate::pagination::{self, Page, PageRequest};
use crate::period::Month;
use crate::services::audit::{self, Change};
use crate::services::auth::Actor;
use crate::services::{months, teams};
use crate::validate::Checks;

/// The kind of record adjustments are audited under (`subject_id` is the adjustment's id).
pub const AUDIT_KIND: &str = "BONUS_ADJUSTMENT";

/// The manager adds (or, negative, deducts) an amount to a person's bonus of an open month, with
/// a reason; audited. It counts from the next computation of the run.
#[allow(clippy::too_many_arguments)]
pub async fn add_adjustment(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
    staff_id: i64,
    amount: Decimal,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<bonus_adjustment::Model> {
    actor.ensure_manager_of(team_id)?;
    teams::get_active(db, team_id).await?;
    let mut checks = Checks::default();
    let reason = checks.note("reason", reason, 500);
    let fen = match money::to_fen(amount, "amount") {
        Ok(0) => {
            checks.fail("amount", "must not be zero");
            0
        }
        Ok(fen) if fen.abs() > 10_000_000_000 => {
            checks.fail("amount", "at most 100000000.00 either way");
            0
        }
        Ok(fen) => fen,
        Err(_) => {
            checks.fail("amount", "yuan with at most two decimals");
            0
        }
    };
    let person = staff::Entity::find_by_id(staff_id).one(db).await?;
    if !person.is_some_and(|p| p.team_id == Some(team_id) && p.active && p.role.is_some()) {
        checks.fail(
            "staffId",
            "must be an active member of the team with a role",
        );
    }
    checks.finish()?;
    let tx = db::begin_write(db).await?;
    months::ensure_open(&tx, team_id, month).await?;
    let adjustment = bonus_adjustment::ActiveModel {
        team_id: Set(team_id),
        month: Set(month.first_day()),
        staff_id: Set(staff_id),
        amount_fen: Set(fen),
        reason: Set(reason.clone()),
        created_by: Set(actor.recorded_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    // A finalization computed before this adjustment must not lock the month without it.
    bump_version(&tx, team_id).await?;
    let changes = vec![
        Change::new("month", None, Some(month.to_string())),
        Change::new("staff", None, Some(staff_id.to_string())),
        Change::new("amount", None, Some(from_fen(fen).to_string())),
        Change::new("reason", None, Some(reason)),
    ];
    audit::record(&tx, &stamp(team_id, adjustment.id, actor, now), changes).await?;
    tx.commit().await?;
    Ok(adjustment)
}

/// The manager withdraws an adjustment of an open month, with a reason; audited.
pub async fn remove_adjustment(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> AppResult<bonus_adjustment::Model> {
    let adjustment = bonus_adjustment::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("bonus adjustment {id}")))?;
    actor.ensure_manager_of(adjustment.team_id)?;
    let mut checks = Checks::default();
    let reason = checks.note("reason", reason, 500);
    checks.finish()?;
    let tx = db::begin_write(db).await?;
    months::ensure_open(&tx, adjustment.team_id, Month::of(adjustment.month)).await?;
    bonus_adjustment::Entity::delete_by_id(id).exec(&tx).await?;
    bump_version(&tx, adjustment.team_id).await?;
    let changes = vec![
        Change::new(
            "amount",
            Some(from_fen(adjustment.amount_fen).to_string()),
            None,
        ),
        Change::new("reason", Some(adjustment.reason.clone()), Some(reason)),
    ];
    audit::record(&tx, &stamp(adjustment.team_id, id, actor, now), changes).await?;
    tx.commit().await?;
    Ok(adjustment)
}

async fn bump_version(db: &impl ConnectionTrait, team_id: i64) -> AppResult<()> {
    team::Entity::update_many()
        .col_expr(
            team::Column::DataVersion,
            Expr::col(team::Column::DataVersion).add(1),
        )
        .filter(team::Column::Id.eq(team_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The month's adjustments, oldest first; the team's manager.
pub async fn adjustments(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
    page: PageRequest,
) -> AppResult<Page<bonus_adjustment::Model>> {
    actor.ensure_manager_of(team_id)?;
    let select = of_month(team_id, month);
    pagination::fetch(db, select, bonus_adjustment::Column::Id, page).await
}

fn of_month(team_id: i64, month: Month) -> Select<bonus_adjustment::Entity> {
    bonus_adjustment::Entity::find()
        .filter(bonus_adjustment::Column::TeamId.eq(team_id))
        .filter(bonus_adjustment::Column::Month.eq(month.first_day()))
}

pub(super) async fn month_adjustments(
    db: &impl ConnectionTrait,
    team_id: i64,
    month: Month,
) -> AppResult<Vec<bonus_adjustment::Model>> {
    Ok(of_month(team_id, month)
        .order_by_asc(bonus_adjustment::Column::Id)
        .all(db)
        .await?)
}

/// An adjustment's audit stamp.
fn stamp(team_id: i64, adjustment_id: i64, actor: &Actor, at: DateTime<Utc>) -> audit::Stamp {
    audit::Stamp {
        team_id,
        kind: AUDIT_KIND,
        subject_id: adjustment_id,
        actor_id: actor.recorded_id(),
        at,
    }
}
