//! Month-end bonus (§8): each role's plan of typed rules per team ([`plans`]; the defaults of
//! [`rules::default_plan`] until the team sets its own), managers' manual adjustments
//! ([`adjustments`]), and here the team's run of a month: one payout per reviewed person with
//! its line items, stored so that a finalized month keeps exactly what was paid.
//!
//! A run is computed from the month's facts ([`MonthFacts`], a fixed number of aggregate
//! queries), loaded once for the reviews ([`crate::services::reviews::refresh`]) and the rules
//! ([`facts`]); recomputing a draft rewrites the payouts that changed in one transaction, so the
//! same inputs give the same figures and never duplicate rows. Once the month is finalized
//! ([`crate::services::closing`]) the run is read as stored and recomputing or adjusting it is
//! a `CONFLICT`.

mod adjustments;
pub mod facts;
pub mod payroll;
mod plans;
pub mod rules;

pub use adjustments::{AUDIT_KIND, add_adjustment, adjustments, remove_adjustment};
pub use plans::{Plan, RuleInput, plans, reset_plan, set_plan};

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::entities::{Metric, MonthStatus, Role, bonus_line, bonus_payout, bonus_run, team};
use crate::error::{AppError, AppResult};
use crate::money::{self, from_fen};
use crate::pagination::{self, Page, PageRequest};
use crate::period::Month;
use crate::services::auth::Actor;
use crate::services::metrics::month::MonthFacts;
use crate::{
    db,
    services::{months, teams},
};
use rules::PlanRule;

/// A stored run and whether its month is finalized.
#[derive(Debug, Clone)]
pub struct Run {
    pub run: bonus_run::Model,
    pub status: MonthStatus,
}

/// The manager recomputes the draft run of an open month (reviews included): same inputs, same
/// figures, the previous draft's rows replaced.
pub async fn recompute(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
    now: DateTime<Utc>,
) -> AppResult<Run> {
    actor.ensure_manager_of(team_id)?;
    let team = teams::get_active(db, team_id).await?;
    months::ensure_open(db, team_id, month).await?;
    let run = store(db, actor, &team, month, now, true).await?;
    Ok(Run {
        run,
        status: MonthStatus::Open,
    })
}

/// Computes and stores the run of an open month, without access checks: for
/// [`recompute`] and [`closing::finalize`](crate::services::closing::finalize).
pub(crate) async fn compute(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    month: Month,
    now: DateTime<Utc>,
) -> AppResult<bonus_run::Model> {
    store(db, actor, team, month, now, false).await
}

async fn store(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    month: Month,
    now: DateTime<Utc>,
    check_open: bool,
) -> AppResult<bonus_run::Model> {
    let month_facts = MonthFacts::load(db, team.id, month).await?;
    let reviews = crate::services::reviews::refresh(db, team, month, &month_facts).await?;
    let plans: HashMap<Role, Vec<PlanRule>> = plans(db, team.id)
        .await?
        .into_iter()
        .map(|p| (p.role, p.rules))
        .collect();
    let mut adjustments: HashMap<i64, Vec<rules::Adjustment>> = HashMap::new();
    for a in adjustments::month_adjustments(db, team.id, month).await? {
        adjustments
            .entry(a.staff_id)
            .or_default()
            .push(rules::Adjustment {
                amount: from_fen(a.amount_fen),
                reason: a.reason,
            });
    }
    let mut metrics: Vec<Metric> = Vec::new();
    for r in plans.values().flatten().filter_map(|r| r.rule.metric()) {
        if !metrics.contains(&r) {
            metrics.push(r);
        }
    }
    let people = facts::people(&month_facts, &reviews, &metrics)?;
    let payouts = rules::payouts(&people, &plans, &adjustments);

    let tx = db::begin_write(db).await?;
    // One writer of the team's run at a time; a recompute also refuses a finalized month.
    if check_open {
        months::ensure_open(&tx, team.id, month).await?;
    } else {
        months::lock_team(&tx, team.id).await?;
    }
    bonus_run::Entity::insert(bonus_run::ActiveModel {
        team_id: Set(team.id),
        month: Set(month.first_day()),
        computed_at: Set(now),
        computed_by: Set(actor.recorded_id()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([bonus_run::Column::TeamId, bonus_run::Column::Month])
            .update_columns([bonus_run::Column::ComputedAt, bonus_run::Column::ComputedBy])
            .to_owned(),
    )
    .exec_without_returning(&tx)
    .await?;
    let run = find_run(&tx, team.id, month)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("bonus run vanished")))?;
    // Only the payouts that changed are rewritten: a recompute of unchanged data writes nothing
    // but the run's time, and the rows of a draft are never duplicated.
    let mut stored: HashMap<i64, bonus_payout::Model> = bonus_payout::Entity::find()
        .filter(bonus_payout::Column::RunId.eq(run.id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|p| (p.staff_id, p))
        .collect();
    let mut stored_lines: HashMap<i64, Vec<bonus_line::Model>> = HashMap::new();
    if !stored.is_empty() {
        for l in bonus_line::Entity::find()
            .filter(bonus_line::Column::RunId.eq(run.id))
            .order_by_asc(bonus_line::Column::StaffId)
            .order_by_asc(bonus_line::Column::Position)
            .all(&tx)
            .await?
        {
            stored_lines.entry(l.staff_id).or_default().push(l);
        }
    }
    let fen = |d: Decimal| money::to_fen(d, "amount");
    // Changed: payout updated in place (its id kept), lines replaced. Gone: both deleted.
    let mut changed: Vec<i64> = Vec::new();
    let mut payout_rows = Vec::new();
    let mut line_rows = Vec::new();
    for (person, payout) in people.iter().zip(&payouts) {
        let row = bonus_payout::Model {
            id: 0,
            run_id: run.id,
            staff_id: person.staff_id,
            role: person.role,
            score: person.score.map(|s| s.normalize().to_string()),
            grade: person.grade,
            gross_fen: fen(payout.gross)?,
            total_fen: fen(payout.total)?,
        };
        let lines = payout
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                Ok(bonus_line::Model {
                    id: 0,
                    run_id: run.id,
                    staff_id: person.staff_id,
                    position: i as i32,
                    code: line.code.clone(),
                    kind: line.kind.name().into(),
                    inputs: serde_json::to_string(&line.inputs).map_err(AppError::internal)?,
                    formula: line.formula.clone(),
                    amount_fen: fen(line.amount)?,
                })
            })
            .collect::<AppResult<Vec<_>>>()?;
        if let Some(old) = stored.remove(&person.staff_id) {
            let old_lines = stored_lines.remove(&person.staff_id).unwrap_or_default();
            if unchanged(&old, &old_lines, &row, &lines) {
                continue;
            }
            changed.push(person.staff_id);
        }
        payout_rows.push(db::new_row::<bonus_payout::Entity>(row));
        line_rows.extend(lines.into_iter().map(db::new_row::<bonus_line::Entity>));
    }
    // People no longer in the run (deactivated, or without a role now).
    let gone: Vec<i64> = stored.into_keys().collect();
    for chunk in changed.chunks(1000).chain(gone.chunks(1000)) {
        bonus_line::Entity::delete_many()
            .filter(bonus_line::Column::RunId.eq(run.id))
            .filter(bonus_line::Column::StaffId.is_in(chunk.iter().copied()))
            .exec(&tx)
            .await?;
    }
    for chunk in gone.chunks(1000) {
        bonus_payout::Entity::delete_many()
            .filter(bonus_payout::Column::RunId.eq(run.id))
            .filter(bonus_payout::Column::StaffId.is_in(chunk.iter().copied()))
            .exec(&tx)
            .await?;
    }
    let keys = [bonus_payout::Column::RunId, bonus_payout::Column::StaffId];
    db::insert_chunks::<bonus_payout::Entity>(&tx, payout_rows, &keys, &[]).await?;
    db::insert_chunks::<bonus_line::Entity>(&tx, line_rows, &[], &[]).await?;
    tx.commit().await?;
    Ok(run)
}

/// The same figures and lines, whatever the rows' ids.
fn unchanged(
    old: &bonus_payout::Model,
    old_lines: &[bonus_line::Model],
    row: &bonus_payout::Model,
    lines: &[bonus_line::Model],
) -> bool {
    *old == (bonus_payout::Model {
        id: old.id,
        ..row.clone()
    }) && old_lines.len() == lines.len()
        && old_lines.iter().zip(lines).all(|(o, l)| {
            *o == bonus_line::Model {
                id: o.id,
                ..l.clone()
            }
        })
}

async fn find_run(
    db: &impl ConnectionTrait,
    team_id: i64,
    month: Month,
) -> AppResult<Option<bonus_run::Model>> {
    Ok(bonus_run::Entity::find()
        .filter(bonus_run::Column::TeamId.eq(team_id))
        .filter(bonus_run::Column::Month.eq(month.first_day()))
        .one(db)
        .await?)
}

/// The stored run of a month (`None` if never computed). Managers see it whole; a staff member
/// sees it (with only their own payout) once the month is finalized (§9).
pub async fn get_run(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
) -> AppResult<Option<Run>> {
    actor.ensure_member_of(team_id)?;
    let status = months::status(db, team_id, month).await?;
    if !actor.manages(team_id) && status != MonthStatus::Finalized {
        return Err(AppError::forbidden(format!(
            "your bonus for {month} is shown once the month is finalized"
        )));
    }
    Ok(find_run(db, team_id, month)
        .await?
        .map(|run| Run { run, status }))
}

/// A run's payouts as `actor` may see them (§9): a manager everyone's, or one person's with
/// `staff_id`; anyone else only their own (asking for another's is `FORBIDDEN`).
pub async fn payouts(
    db: &DatabaseConnection,
    actor: &Actor,
    run: &bonus_run::Model,
    staff_id: Option<i64>,
    page: PageRequest,
) -> AppResult<Page<(bonus_payout::Model, Vec<bonus_line::Model>)>> {
    actor.ensure_member_of(run.team_id)?;
    let only = if actor.manages(run.team_id) {
        staff_id
    } else {
        if staff_id.is_some_and(|s| s != actor.id) {
            return Err(AppError::forbidden("you may see only your own bonus"));
        }
        Some(actor.id)
    };
    payouts_of(db, run, only, page).await
}

/// Σ the payouts of a run that `actor` may see: a manager the whole run, anyone else their own.
pub async fn visible_total_fen(
    db: &DatabaseConnection,
    actor: &Actor,
    run: &bonus_run::Model,
) -> AppResult<i64> {
    actor.ensure_member_of(run.team_id)?;
    if actor.manages(run.team_id) {
        return run_total_fen(db, run.id).await;
    }
    let own = payouts_of(db, run, Some(actor.id), PageRequest::new(1, None)?).await?;
    Ok(own.items.iter().map(|(p, _)| p.total_fen).sum())
}

/// A page of a run's payouts (by person), with their lines; `only` restricts it to one person.
async fn payouts_of(
    db: &DatabaseConnection,
    run: &bonus_run::Model,
    only: Option<i64>,
    page: PageRequest,
) -> AppResult<Page<(bonus_payout::Model, Vec<bonus_line::Model>)>> {
    let mut select = bonus_payout::Entity::find().filter(bonus_payout::Column::RunId.eq(run.id));
    if let Some(id) = only {
        select = select.filter(bonus_payout::Column::StaffId.eq(id));
    }
    let page = pagination::fetch(db, select, bonus_payout::Column::Id, page).await?;
    let mut lines = lines_of(db, run.id, page.items.iter().map(|p| p.staff_id)).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(|p| {
                let l = lines.remove(&p.staff_id).unwrap_or_default();
                (p, l)
            })
            .collect(),
        has_next_page: page.has_next_page,
        total_count: page.total_count,
    })
}

/// The lines of these people in a run, in position order, one query.
async fn lines_of(
    db: &DatabaseConnection,
    run_id: i64,
    staff: impl Iterator<Item = i64>,
) -> AppResult<HashMap<i64, Vec<bonus_line::Model>>> {
    let staff: Vec<i64> = staff.collect();
    let mut by_staff: HashMap<i64, Vec<bonus_line::Model>> = HashMap::new();
    if staff.is_empty() {
        return Ok(by_staff);
    }
    let lines = bonus_line::Entity::find()
        .filter(bonus_line::Column::RunId.eq(run_id))
        .filter(bonus_line::Column::StaffId.is_in(staff))
        .order_by_asc(bonus_line::Column::StaffId)
        .order_by_asc(bonus_line::Column::Position)
        .all(db)
        .await?;
    for l in lines {
        by_staff.entry(l.staff_id).or_default().push(l);
    }
    Ok(by_staff)
}

/// The run's total payout (Σ totals), in fen.
async fn run_total_fen(db: &DatabaseConnection, run_id: i64) -> AppResult<i64> {
    use sea_orm::QuerySelect;
    let total: Option<Option<i64>> = bonus_payout::Entity::find()
        .select_only()
        .expr_as(
            crate::services::metrics::sum(bonus_payout::Column::TotalFen),
            "total",
        )
        .filter(bonus_payout::Column::RunId.eq(run_id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(total.flatten().unwrap_or(0))
}

pub fn line_inputs(l: &bonus_line::Model) -> AppResult<Vec<rules::Input>> {
    serde_json::from_str(&l.inputs)
        .map_err(|e| AppError::internal(anyhow::anyhow!("bonus_line {} inputs: {e}", l.id)))
}
