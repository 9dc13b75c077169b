//! The monthly review (§7): each person's KPI actuals pooled over the month, scored by their
//! role's scorecard, weighted into a total and a grade, put through the team's forced
//! distribution, and open to the manager's adjustment (with a reason, audited) and comment.
//!
//! While the month is open the review is a draft, recomputed from the data whenever it is read
//! (idempotently: one row per person, the manager's adjustment and comment kept; a read never
//! deletes one); once the month is finalized it is read as stored.

use std::collections::{HashMap, HashSet};

use chrono::{SubsecRound, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveEnum, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use crate::db;
use crate::entities::kpi_definition::Basis;
use crate::entities::{Grade, Metric, MonthStatus, Role, audit_entry, review, team};
use crate::error::{AppError, AppResult};
use crate::pagination::{Page, PageRequest};
use crate::period::Month;
use crate::services::audit::{self, Change, Stamp};
use crate::services::auth::Actor;
use crate::services::catalogue::{Quotient, exact, team_value};
use crate::services::kpi::scoring::{self, GradeQuota, Scoring, TargetSource};
use crate::services::metrics::kpis::{KpiValue, StaffKpis, month_kpis};
use crate::services::metrics::month::MonthFacts;

/// The kind of record review changes are audited under.
pub const AUDIT_KIND: &str = "REVIEW";

/// One KPI of a review, with exact figures (as stored; shown rounded, see the GraphQL type): the
/// month's value, the actual it was scored on, the target used, and the score (null when not
/// scored: no data, or no target to compare with; it then counts for nothing, weight included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewLine {
    pub code: String,
    pub metric: Metric,
    /// The month's sums the value is the quotient of (absent on reviews stored before them).
    #[serde(default)]
    pub numerator: Option<Decimal>,
    #[serde(default)]
    pub denominator: Option<Decimal>,
    /// The month's value of the metric.
    pub value: Option<Decimal>,
    /// What was scored: the value, or for a completion KPI value ÷ target.
    pub actual: Option<Decimal>,
    pub target: Option<Decimal>,
    pub score: Option<Decimal>,
    pub weight: Decimal,
    /// Whether the actual is the value's completion of its target (a fraction).
    #[serde(default)]
    pub completion: bool,
    /// The tiers' thresholds the actual is compared with (TIERS); empty where the score moves
    /// with every digit of the actual (LINEAR, TARGET_RATIO).
    #[serde(default)]
    pub thresholds: Vec<Decimal>,
    /// Whether the score is a continuous function of the actual (LINEAR, TARGET_RATIO), so every
    /// digit of the actual shows in it.
    #[serde(default)]
    pub continuous: bool,
}

/// The team's forced distribution (cumulative quotas from the top grade), or none.
pub fn quotas(team: &team::Model) -> AppResult<Vec<GradeQuota>> {
    match &team.forced_distribution {
        None => Ok(Vec::new()),
        Some(json) => serde_json::from_str(json).map_err(|e| {
            AppError::internal(anyhow::anyhow!("team {} forced distribution: {e}", team.id))
        }),
    }
}

/// Scores each person's month; pure and exact.
fn score_people(
    library: &[crate::services::kpi::Kpi],
    people: &[StaffKpis],
) -> Vec<(i64, Vec<ReviewLine>, Option<Decimal>)> {
    // TEAM_AVERAGE: each role's value of a metric among its people (pooled for ratios, the mean
    // per person for sums), unless §7 names the team's own (the shop's conversion).
    let mut by_role: HashMap<(Option<Role>, Metric), Vec<Quotient>> = HashMap::new();
    for p in people {
        for v in &p.values {
            if let Some(q) = v.quotient.filter(|q| !q.den.is_zero()) {
                by_role.entry((p.staff.role, v.metric)).or_default().push(q);
            }
        }
    }
    let team_average = |role: Option<Role>, metric: Metric| {
        let people = by_role.get(&(role, metric))?;
        team_value(metric, people.iter().copied()).value()
    };
    people
        .iter()
        .map(|p| {
            let lines: Vec<ReviewLine> = library
                .iter()
                .filter(|k| Some(k.role) == p.staff.role)
                .map(|k| {
                    let v = p.values.iter().find(|v| v.metric == k.metric);
                    let quotient = v.and_then(|v| v.quotient);
                    let value = v.and_then(KpiValue::value);
                    let own_target = v.and_then(|v| v.target);
                    let completion = k.basis == Basis::Completion;
                    let target = match &k.scoring {
                        Scoring::TargetRatio { target, value, .. } => match target {
                            TargetSource::Target => own_target,
                            TargetSource::Fixed => *value,
                            TargetSource::TeamAverage => v
                                .and_then(|v| v.team_value)
                                .or_else(|| team_average(p.staff.role, k.metric)),
                        },
                        _ if completion => own_target,
                        _ => None,
                    };
                    let actual = match k.basis {
                        Basis::Value => value,
                        Basis::Completion => value
                            .zip(own_target.filter(|t| !t.is_zero()))
                            .and_then(|(v, t)| exact(&[v], &[t])),
                    };
                    let ratio_target = matches!(k.scoring, Scoring::TargetRatio { .. })
                        .then_some(target)
                        .flatten();
                    let thresholds = match &k.scoring {
                        Scoring::Tiers { tiers } => tiers.iter().map(|t| t.threshold).collect(),
                        _ => Vec::new(),
                    };
                    ReviewLine {
                        code: k.code.clone(),
                        metric: k.metric,
                        numerator: quotient.map(|q| q.num),
                        denominator: quotient.map(|q| q.den),
                        value,
                        actual,
                        target,
                        score: scoring::score(&k.scoring, k.direction, actual, ratio_target),
                        weight: k.weight,
                        completion,
                        continuous: !matches!(k.scoring, Scoring::Tiers { .. }),
                        thresholds,
                    }
                })
                .collect();
            let total = scoring::total(lines.iter().filter_map(|l| Some((l.weight, l.score?))));
            (p.staff.id, lines, total)
        })
        .collect()
}

async fn is_finalized(db: &DatabaseConnection, team_id: i64, month: Month) -> AppResult<bool> {
    Ok(crate::services::months::status(db, team_id, month).await? == MonthStatus::Finalized)
}

async fn stored(
    db: &DatabaseConnection,
    team_id: i64,
    month: Month,
) -> AppResult<Vec<review::Model>> {
    Ok(review::Entity::find()
        .filter(review::Column::TeamId.eq(team_id))
        .filter(review::Column::Month.eq(month.first_day()))
        .order_by_asc(review::Column::StaffId)
        .all(db)
        .await?)
}

/// The month's reviews of the team's active people with a role, in staff id order: recomputed
/// while the month is open, as stored once it is finalized. Callers check access.
///
/// A read never deletes: the draft of someone deactivated (or without a role) is left out of
/// the list but kept, with the manager's adjustment and comment, until a bonus run of the month
/// (the manager's act, [`refresh`]) drops it; reactivated before that, they get it back.
pub async fn current(
    db: &DatabaseConnection,
    team: &team::Model,
    month: Month,
) -> AppResult<Vec<review::Model>> {
    if is_finalized(db, team.id, month).await? {
        return stored(db, team.id, month).await;
    }
    let facts = MonthFacts::load(db, team.id, month).await?;
    sync(db, team, month, &facts, false).await
}

/// Recomputes the reviews of an open month from its facts for a bonus run (recompute or
/// finalization), storing what changed and dropping the drafts of people no longer reviewed.
/// In staff id order.
pub async fn refresh(
    db: &DatabaseConnection,
    team: &team::Model,
    month: Month,
    facts: &MonthFacts,
) -> AppResult<Vec<review::Model>> {
    sync(db, team, month, facts, true).await
}

/// Recomputes and stores what changed (a recompute of unchanged data writes nothing); with
/// `drop_departed`, also deletes the drafts of people who left the team or lost their role.
async fn sync(
    db: &DatabaseConnection,
    team: &team::Model,
    month: Month,
    facts: &MonthFacts,
    drop_departed: bool,
) -> AppResult<Vec<review::Model>> {
    let (library, people) = tokio::try_join!(
        crate::services::kpi::library(db, team.id),
        crate::services::staff::active_members(db, team.id, None)
    )?;
    let roles: HashMap<i64, Role> = people
        .iter()
        .filter_map(|p| Some((p.id, p.role?)))
        .collect();
    let kpis = month_kpis(facts, people, |role| {
        crate::services::kpi::metrics_of(&library, role)
    });
    let scored = score_people(&library, &kpis);

    // Rank by total (ties to the lower id) for the forced distribution.
    let mut ranked: Vec<(i64, Decimal)> = scored
        .iter()
        .filter_map(|(id, _, total)| Some((*id, (*total)?)))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let computed: Vec<Grade> = ranked.iter().map(|(_, t)| scoring::grade(*t)).collect();
    let forced: HashMap<i64, (Grade, Grade)> = ranked
        .iter()
        .zip(
            computed
                .iter()
                .zip(scoring::force(&computed, &quotas(team)?)),
        )
        .map(|((id, _), (c, f))| (*id, (*c, f)))
        .collect();

    let tx = db::begin_write(db).await?;
    let mut before: HashMap<i64, review::Model> = review::Entity::find()
        .filter(review::Column::TeamId.eq(team.id))
        .filter(review::Column::Month.eq(month.first_day()))
        .all(&tx)
        .await?
        .into_iter()
        .map(|r| (r.staff_id, r))
        .collect();
    // As precise as the databases store it, so a review returned from here reads the same later.
    let now = Utc::now().trunc_subsecs(6);
    let mut reviews = Vec::with_capacity(scored.len());
    let mut writes = Vec::new();
    let mut inserted = false;
    for (staff_id, lines, total) in scored {
        let (computed_grade, forced_grade) = forced
            .get(&staff_id)
            .map_or((None, None), |(c, f)| (Some(*c), Some(*f)));
        let kept = before.remove(&staff_id);
        // A manager's adjustment stands until the manager changes it.
        let adjusted = kept.as_ref().filter(|r| r.adjustment_reason.is_some());
        let row = review::Model {
            id: kept.as_ref().map_or(0, |r| r.id),
            team_id: team.id,
            month: month.first_day(),
            staff_id,
            role: roles[&staff_id],
            lines: serde_json::to_string(&lines).map_err(AppError::internal)?,
            total: total.map(|t| t.normalize().to_string()),
            computed_grade,
            grade: adjusted.map_or(forced_grade, |r| r.grade),
            demoted: computed_grade != forced_grade,
            adjustment_reason: adjusted.and_then(|r| r.adjustment_reason.clone()),
            comment: kept.as_ref().and_then(|r| r.comment.clone()),
            computed_at: now,
        };
        match kept {
            Some(old)
                if old
                    == (review::Model {
                        computed_at: old.computed_at,
                        ..row.clone()
                    }) =>
            {
                reviews.push(old)
            }
            _ => {
                inserted |= row.id == 0;
                writes.push(crate::db::new_row::<review::Entity>(row.clone()));
                reviews.push(row);
            }
        }
    }
    // People who left the team or lost their role.
    let gone: Vec<i64> = if drop_departed {
        before.into_values().map(|r| r.id).collect()
    } else {
        Vec::new()
    };
    for chunk in gone.chunks(1000) {
        review::Entity::delete_many()
            .filter(review::Column::Id.is_in(chunk.iter().copied()))
            .exec(&tx)
            .await?;
    }
    let keys = [
        review::Column::TeamId,
        review::Column::Month,
        review::Column::StaffId,
    ];
    crate::db::insert_chunks::<review::Entity>(&tx, writes, &keys, &[]).await?;
    tx.commit().await?;
    if inserted {
        // New rows' ids are the database's.
        let reviewed: HashSet<i64> = reviews.iter().map(|r| r.staff_id).collect();
        let mut fresh = stored(db, team.id, month).await?;
        fresh.retain(|r| reviewed.contains(&r.staff_id));
        return Ok(fresh);
    }
    reviews.sort_by_key(|r| r.staff_id);
    Ok(reviews)
}

/// The review's exact total score.
pub fn total(r: &review::Model) -> AppResult<Option<Decimal>> {
    r.total
        .as_deref()
        .map(str::parse::<Decimal>)
        .transpose()
        .map_err(|e| AppError::internal(anyhow::anyhow!("review {} total: {e}", r.id)))
}

pub fn lines(r: &review::Model) -> AppResult<Vec<ReviewLine>> {
    serde_json::from_str(&r.lines)
        .map_err(|e| AppError::internal(anyhow::anyhow!("review {} lines: {e}", r.id)))
}

/// The reviews `actor` may see: the team's for its manager, their own for a member.
pub async fn visible(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    month: Month,
) -> AppResult<Vec<review::Model>> {
    actor.ensure_member_of(team.id)?;
    let all = current(db, team, month).await?;
    Ok(if actor.manages(team.id) {
        all
    } else {
        all.into_iter().filter(|r| r.staff_id == actor.id).collect()
    })
}

/// Who changed a review's grade, when, and why; the team's manager.
pub async fn audit_trail(
    db: &DatabaseConnection,
    actor: &Actor,
    review_id: i64,
    page: PageRequest,
) -> AppResult<Page<audit_entry::Model>> {
    let r = review::Entity::find_by_id(review_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("review {review_id}")))?;
    actor.ensure_manager_of(r.team_id)?;
    audit::list(db, AUDIT_KIND, r.id, page).await
}

/// The team's forced distribution (empty: none), for a member of the team.
pub fn forced_distribution(actor: &Actor, team: &team::Model) -> AppResult<Vec<GradeQuota>> {
    actor.ensure_member_of(team.id)?;
    quotas(team)
}

/// A person's review of an open month, for the manager to change.
async fn for_change(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    month: Month,
    staff_id: i64,
) -> AppResult<review::Model> {
    actor.ensure_manager_of(team.id)?;
    crate::services::months::ensure_open(db, team.id, month).await?;
    current(db, team, month)
        .await?
        .into_iter()
        .find(|r| r.staff_id == staff_id)
        .ok_or_else(|| AppError::not_found(format!("review of staff {staff_id} for {month}")))
}

/// The manager overrides a grade; the reason is mandatory and both are audited. `None` removes
/// the adjustment, so the computed (and distributed) grade applies again.
pub async fn adjust_grade(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    month: Month,
    staff_id: i64,
    grade: Option<Grade>,
    reason: String,
) -> AppResult<review::Model> {
    let mut checks = crate::validate::Checks::default();
    let reason = checks.note("reason", &reason, 500);
    checks.finish()?;
    let r = for_change(db, actor, team, month, staff_id).await?;
    let tx = db::begin_write(db).await?;
    review::Entity::update_many()
        .col_expr(
            review::Column::Grade,
            grade.or(r.grade).map(|g| g.to_value()).into(),
        )
        .col_expr(
            review::Column::AdjustmentReason,
            grade.map(|_| reason.clone()).into(),
        )
        .filter(review::Column::Id.eq(r.id))
        .exec(&tx)
        .await?;
    let stamp = Stamp {
        team_id: team.id,
        kind: AUDIT_KIND,
        subject_id: r.id,
        actor_id: actor.recorded_id(),
        at: Utc::now(),
    };
    let changes = vec![
        Change::new(
            "grade",
            r.grade.map(|g| g.to_value()),
            grade.map(|g| g.to_value()),
        ),
        Change::new(
            "adjustmentReason",
            r.adjustment_reason.clone(),
            Some(reason),
        ),
    ];
    audit::record(&tx, &stamp, changes).await?;
    tx.commit().await?;
    current(db, team, month)
        .await?
        .into_iter()
        .find(|x| x.id == r.id)
        .ok_or_else(|| AppError::not_found(format!("review {}", r.id)))
}

/// The manager's comment on a review (replaces the previous one).
pub async fn comment(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    month: Month,
    staff_id: i64,
    comment: String,
) -> AppResult<review::Model> {
    let mut checks = crate::validate::Checks::default();
    let comment = Some(checks.optional_note("comment", &comment, 4000)).filter(|c| !c.is_empty());
    checks.finish()?;
    let r = for_change(db, actor, team, month, staff_id).await?;
    review::Entity::update_many()
        .col_expr(review::Column::Comment, comment.into())
        .filter(review::Column::Id.eq(r.id))
        .exec(db)
        .await?;
    review::Entity::find_by_id(r.id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("review {}", r.id)))
}

/// Sets (or, with no quotas, removes) the team's forced distribution; the team's manager.
pub async fn set_forced_distribution(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    quotas: Vec<GradeQuota>,
) -> AppResult<team::Model> {
    actor.ensure_manager_of(team_id)?;
    let team = crate::services::teams::get_active(db, team_id).await?;
    let mut checks = crate::validate::Checks::default();
    for (i, q) in quotas.iter().enumerate() {
        checks.at_row(i + 1);
        if q.max < Decimal::ZERO || q.max > Decimal::ONE {
            checks.fail("max", "a share from 0 to 1 (0.1 = 10 %)");
        }
        if q.grade == Grade::D {
            checks.fail("grade", "D is the lowest grade and has no quota");
        }
    }
    checks.finish()?;
    let json = (!quotas.is_empty())
        .then(|| serde_json::to_string(&quotas))
        .transpose()
        .map_err(AppError::internal)?;
    let mut model: team::ActiveModel = team.into();
    model.forced_distribution = Set(json);
    model.updated_at = Set(Utc::now());
    Ok(sea_orm::ActiveModelTrait::update(model, db).await?)
}
