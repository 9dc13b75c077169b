//! Monthly targets (§4): the team's (paid amount, conversion, ROI, refund rate, net profit), with
//! optional daily overrides, and each person's per KPI metric.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::sea_query::{ExprTrait, NullOrdering};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, Order, QueryFilter,
    QueryOrder, Set, TryIntoModel,
};

use crate::db;
use crate::entities::{Metric, staff, target, target::Period};
use crate::error::{AppError, AppResult};
use crate::period::{Date, Month};
use crate::services::auth::Actor;
use crate::services::catalogue::Unit;
use crate::services::teams;
use crate::validate::Checks;

#[derive(Debug)]
pub struct TargetInput {
    pub metric: Metric,
    pub staff_id: Option<i64>,
    pub month: Month,
    pub date: Option<Date>,
    pub value: Decimal,
}

/// Sets (or replaces) targets; the team's manager or an admin. All or nothing.
pub async fn set(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    inputs: Vec<TargetInput>,
) -> AppResult<Vec<target::Model>> {
    actor.ensure_manager_of(team_id)?;
    teams::get_active(db, team_id).await?;
    let members: Vec<i64> = staff::Entity::find()
        .filter(staff::Column::TeamId.eq(team_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let mut checks = Checks::default();
    for (i, t) in inputs.iter().enumerate() {
        checks.at_row(i + 1);
        check(&mut checks, t, &members);
    }
    checks.finish()?;
    let tx = db::begin_write(db).await?;
    crate::services::months::ensure_open_months(&tx, team_id, inputs.iter().map(|t| t.month))
        .await?;
    let mut saved = Vec::with_capacity(inputs.len());
    for t in inputs {
        let (period, starts_on) = match t.date {
            Some(day) => (Period::Day, day.0),
            None => (Period::Month, t.month.first_day()),
        };
        let staff_id = t.staff_id;
        let staff_cond = match staff_id {
            Some(id) => target::Column::StaffId.eq(id),
            None => target::Column::StaffId.is_null(),
        };
        let existing = target::Entity::find()
            .filter(target::Column::TeamId.eq(team_id))
            .filter(staff_cond)
            .filter(target::Column::Metric.eq(t.metric))
            .filter(target::Column::Period.eq(period))
            .filter(target::Column::StartsOn.eq(starts_on))
            .one(&tx)
            .await?;
        let mut model: target::ActiveModel = match existing {
            Some(m) => m.into(),
            None => target::ActiveModel {
                team_id: Set(team_id),
                staff_id: Set(staff_id),
                metric: Set(t.metric),
                period: Set(period),
                starts_on: Set(starts_on),
                ..Default::default()
            },
        };
        model.value = Set(t.value.normalize().to_string());
        model.updated_at = Set(Utc::now());
        saved.push(model.save(&tx).await?.try_into_model()?);
    }
    teams::bump_data_version(&tx, team_id).await?;
    tx.commit().await?;
    Ok(saved)
}

fn check(checks: &mut Checks, t: &TargetInput, members: &[i64]) {
    match t.staff_id {
        None if !Metric::TEAM.contains(&t.metric) => checks.fail(
            "metric",
            "a team target is one of PAID_AMOUNT, CONVERSION_RATE, ROI, REFUND_RATE, NET_PROFIT",
        ),
        Some(id) if !members.contains(&id) => {
            checks.fail("staffId", "must be a member of the team")
        }
        Some(_) if t.date.is_some() => checks.fail("date", "daily targets are for the team only"),
        _ => {}
    }
    if let Some(day) = t.date
        && Month::of(day.0) != t.month
    {
        checks.fail("date", format!("must fall in {}", t.month));
    }
    checks.setting("value", t.value);
    if !matches!(t.metric, Metric::NetProfit | Metric::GrossProfit) && t.value < Decimal::ZERO {
        checks.fail("value", "must not be negative");
    }
    if t.metric.def().unit == Unit::Rate && t.value > Decimal::ONE {
        checks.fail("value", "a rate is a fraction from 0 to 1 (0.035 = 3.5 %)");
    }
}

/// The month's targets of the team and its people. Staff see the team's and their own.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
) -> AppResult<Vec<target::Model>> {
    actor.ensure_member_of(team_id)?;
    let mut select = target::Entity::find()
        .filter(target::Column::TeamId.eq(team_id))
        .filter(target::Column::StartsOn.between(month.first_day(), month.last_day()));
    if !actor.manages(team_id) {
        select = select.filter(
            Condition::any()
                .add(target::Column::StaffId.is_null())
                .add(target::Column::StaffId.eq(actor.id)),
        );
    }
    Ok(select
        .order_by_with_nulls(target::Column::StaffId, Order::Asc, NullOrdering::First)
        .order_by_asc(target::Column::Metric)
        .order_by_asc(target::Column::StartsOn)
        .all(db)
        .await?)
}

pub fn value(t: &target::Model) -> AppResult<Decimal> {
    t.value.parse().map_err(|e| {
        AppError::internal(anyhow::anyhow!("target {} holds {:?}: {e}", t.id, t.value))
    })
}

/// The team's targets for one day: a daily target where set, else the month's, split evenly over
/// its days for money and counts (rates apply to every day as they are).
pub async fn team_day_targets(
    db: &DatabaseConnection,
    team_id: i64,
    date: NaiveDate,
) -> AppResult<HashMap<Metric, Decimal>> {
    let month = Month::of(date);
    let rows = target::Entity::find()
        .filter(target::Column::TeamId.eq(team_id))
        .filter(target::Column::StaffId.is_null())
        .filter(
            Condition::any()
                .add(
                    target::Column::Period
                        .eq(Period::Month)
                        .and(target::Column::StartsOn.eq(month.first_day())),
                )
                .add(
                    target::Column::Period
                        .eq(Period::Day)
                        .and(target::Column::StartsOn.eq(date)),
                ),
        )
        .all(db)
        .await?;
    let mut targets = HashMap::new();
    // Monthly first, so a daily target for the same metric replaces it.
    for t in rows.iter().filter(|t| t.period == Period::Month) {
        let mut v = value(t)?;
        if t.metric.def().is_sum() {
            v /= Decimal::from(month.days());
        }
        targets.insert(t.metric, v);
    }
    for t in rows.iter().filter(|t| t.period == Period::Day) {
        targets.insert(t.metric, value(t)?);
    }
    Ok(targets)
}

/// Monthly targets of a month: the team's under `None`, each person's under their id.
pub async fn month_targets(
    db: &DatabaseConnection,
    team_id: i64,
    month: Month,
) -> AppResult<HashMap<(Option<i64>, Metric), Decimal>> {
    let rows = target::Entity::find()
        .filter(target::Column::TeamId.eq(team_id))
        .filter(target::Column::Period.eq(Period::Month))
        .filter(target::Column::StartsOn.eq(month.first_day()))
        .all(db)
        .await?;
    rows.iter()
        .map(|t| Ok(((t.staff_id, t.metric), value(t)?)))
        .collect()
}
