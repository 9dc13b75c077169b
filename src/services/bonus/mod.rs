//! Month-end bonus (§8): each role's plan of typed rules per team (the defaults of
//! [`rules::default_plan`] until the team sets its own), managers' manual adjustments, and the
//! team's run of a month: one payout per reviewed person with its line items, stored so that a
//! finalized month keeps exactly what was paid.
//!
//! A run is computed from the month's facts ([`MonthFacts`], a fixed number of aggregate
//! queries), loaded once for the reviews ([`crate::services::reviews::refresh`]) and the rules
//! ([`facts`]); recomputing a draft rewrites the payouts that changed in one transaction, so the
//! same inputs give the same figures and never duplicate rows. Once the month is finalized
//! ([`crate::services::closing`]) the run is read as stored and recomputing or adjusting it is
//! a `CONFLICT`.

pub mod facts;
pub mod payroll;
pub mod rules;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    Iterable, QueryFilter, QueryOrder, Set,
};

use crate::entities::{
    Grade, Metric, MonthStatus, Role, bonus_adjustment, bonus_line, bonus_payout, bonus_plan,
    bonus_rule, bonus_run, staff, team,
};
use crate::error::{AppError, AppResult};
use crate::money::{self, from_fen};
use crate::pagination::{self, Page, PageRequest};
use crate::period::Month;
use crate::services::audit::Change;
use crate::services::auth::Actor;
use crate::services::metrics::month::MonthFacts;
use crate::validate::Checks;
use crate::{
    db,
    services::{audit, months, teams},
};
use rules::{Kind, PlanRule, Rule};

/// The kind of record adjustments are audited under (`subject_id` is the adjustment's id).
pub const AUDIT_KIND: &str = "BONUS_ADJUSTMENT";

/// A role's plan in a team.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub role: Role,
    pub rules: Vec<PlanRule>,
    /// No plan was set: the role's default.
    pub is_default: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

// ---------------------------------------------------------------------------------------------
// Plans

/// Every role's plan in the team, in role order.
pub async fn plans(db: &impl ConnectionTrait, team_id: i64) -> AppResult<Vec<Plan>> {
    let stored = bonus_plan::Entity::find()
        .filter(bonus_plan::Column::TeamId.eq(team_id))
        .all(db)
        .await?;
    let rules = if stored.is_empty() {
        Vec::new()
    } else {
        bonus_rule::Entity::find()
            .filter(bonus_rule::Column::PlanId.is_in(stored.iter().map(|p| p.id)))
            .order_by_asc(bonus_rule::Column::PlanId)
            .order_by_asc(bonus_rule::Column::Position)
            .all(db)
            .await?
    };
    Role::iter()
        .map(|role| match stored.iter().find(|p| p.role == role) {
            None => Ok(Plan {
                role,
                rules: rules::default_plan(role),
                is_default: true,
                updated_at: None,
            }),
            Some(p) => Ok(Plan {
                role,
                rules: rules
                    .iter()
                    .filter(|r| r.plan_id == p.id)
                    .map(stored_rule)
                    .collect::<AppResult<_>>()?,
                is_default: false,
                updated_at: Some(p.updated_at),
            }),
        })
        .collect()
}

fn stored_rule(r: &bonus_rule::Model) -> AppResult<PlanRule> {
    let broken = |e: String| AppError::internal(anyhow::anyhow!("bonus_rule {}: {e}", r.id));
    let kind = Kind::parse(&r.kind).ok_or_else(|| broken(format!("kind {:?}", r.kind)))?;
    Ok(PlanRule {
        code: r.code.clone(),
        rule: Rule::from_json(kind, &r.params).map_err(broken)?,
    })
}

/// A rule given for a plan: its code (default the kind's name) and the parameters of each kind
/// given, of which there must be exactly one.
#[derive(Debug, Clone, Default)]
pub struct RuleInput {
    pub code: Option<String>,
    pub given: Vec<Rule>,
}

fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && code != Kind::Adjustment.name()
}

fn check_rule(c: &mut Checks, role: Role, input: RuleInput) -> Option<PlanRule> {
    let Ok([rule]) = <[Rule; 1]>::try_from(input.given) else {
        c.fail(
            "rules",
            format!("give exactly one of {}", Kind::FIELDS.join(", ")),
        );
        return None;
    };
    let rule = rule.check(role, c);
    let code = match input.code {
        Some(code) => {
            let code = code.trim().to_ascii_uppercase();
            if !valid_code(&code) {
                c.fail(
                    "code",
                    "1 to 40 of A–Z, 0–9 and _ (and not ADJUSTMENT), e.g. SALES_COMMISSION",
                );
            }
            code
        }
        None => rule.kind().name().to_owned(),
    };
    Some(PlanRule { code, rule })
}

/// Sets a role's plan (replacing its rules); the team's manager. An empty list pays the role
/// nothing but adjustments. Runs already finalized keep what they paid.
pub async fn set_plan(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    role: Role,
    inputs: Vec<RuleInput>,
    now: DateTime<Utc>,
) -> AppResult<Plan> {
    actor.ensure_manager_of(team_id)?;
    teams::get_active(db, team_id).await?;
    let mut checks = Checks::default();
    let mut rules: Vec<PlanRule> = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.into_iter().enumerate() {
        checks.at_row(i + 1);
        if let Some(rule) = check_rule(&mut checks, role, input) {
            if rules.iter().any(|r| r.code == rule.code) {
                checks.fail(
                    "code",
                    format!("{} is used twice; give the rules distinct codes", rule.code),
                );
            }
            rules.push(rule);
        }
    }
    checks.finish()?;
    let tx = db::begin_write(db).await?;
    bonus_plan::Entity::insert(bonus_plan::ActiveModel {
        team_id: Set(team_id),
        role: Set(role),
        updated_at: Set(now),
        updated_by: Set(actor.recorded_id()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([bonus_plan::Column::TeamId, bonus_plan::Column::Role])
            .update_columns([bonus_plan::Column::UpdatedAt, bonus_plan::Column::UpdatedBy])
            .to_owned(),
    )
    .exec_without_returning(&tx)
    .await?;
    let plan = bonus_plan::Entity::find()
        .filter(bonus_plan::Column::TeamId.eq(team_id))
        .filter(bonus_plan::Column::Role.eq(role))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("bonus plan vanished")))?;
    bonus_rule::Entity::delete_many()
        .filter(bonus_rule::Column::PlanId.eq(plan.id))
        .exec(&tx)
        .await?;
    if !rules.is_empty() {
        bonus_rule::Entity::insert_many(rules.iter().enumerate().map(|(i, r)| {
            bonus_rule::ActiveModel {
                plan_id: Set(plan.id),
                position: Set(i as i32),
                code: Set(r.code.clone()),
                kind: Set(r.rule.kind().name().into()),
                params: Set(r.rule.params_json()),
                ..Default::default()
            }
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Plan {
        role,
        rules,
        is_default: false,
        updated_at: Some(now),
    })
}

/// Puts a role back on its default plan; the team's manager.
pub async fn reset_plan(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    role: Role,
) -> AppResult<Plan> {
    actor.ensure_manager_of(team_id)?;
    teams::get_active(db, team_id).await?;
    let tx = db::begin_write(db).await?;
    if let Some(plan) = bonus_plan::Entity::find()
        .filter(bonus_plan::Column::TeamId.eq(team_id))
        .filter(bonus_plan::Column::Role.eq(role))
        .one(&tx)
        .await?
    {
        bonus_rule::Entity::delete_many()
            .filter(bonus_rule::Column::PlanId.eq(plan.id))
            .exec(&tx)
            .await?;
        bonus_plan::Entity::delete_by_id(plan.id).exec(&tx).await?;
    }
    tx.commit().await?;
    Ok(Plan {
        role,
        rules: rules::default_plan(role),
        is_default: true,
        updated_at: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Manual adjustments

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
) -> AppResult<Vec<bonus_adjustment::Model>> {
    actor.ensure_manager_of(team_id)?;
    month_adjustments(db, team_id, month).await
}

async fn month_adjustments(
    db: &impl ConnectionTrait,
    team_id: i64,
    month: Month,
) -> AppResult<Vec<bonus_adjustment::Model>> {
    Ok(bonus_adjustment::Entity::find()
        .filter(bonus_adjustment::Column::TeamId.eq(team_id))
        .filter(bonus_adjustment::Column::Month.eq(month.first_day()))
        .order_by_asc(bonus_adjustment::Column::Id)
        .all(db)
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Runs

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
    for a in month_adjustments(db, team.id, month).await? {
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
    db::insert_chunks::<bonus_payout::Entity>(&tx, payout_rows, &keys).await?;
    db::insert_chunks::<bonus_line::Entity>(&tx, line_rows, &[]).await?;
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

pub fn grade_name(g: Option<Grade>) -> String {
    g.map(|g| g.to_value()).unwrap_or_default()
}

pub fn line_inputs(l: &bonus_line::Model) -> AppResult<Vec<rules::Input>> {
    serde_json::from_str(&l.inputs)
        .map_err(|e| AppError::internal(anyhow::anyhow!("bonus_line {} inputs: {e}", l.id)))
}
