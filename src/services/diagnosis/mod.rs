//! The morning diagnosis (§5): yesterday's numbers against the target, the week before and the
//! team's thresholds; every rule that fires becomes a stored finding for its owner.

pub mod facts;
pub mod rules;
pub mod thresholds;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TryIntoModel,
};

use crate::db;
use crate::entities::{FindingCode, Severity, diagnosis, finding, task, team};
use crate::error::{AppError, AppResult};
use crate::services::auth::Actor;
use crate::services::teams;
use facts::Facts;
pub use rules::{Check, Skipped};

pub async fn find(db: &DatabaseConnection, id: i64) -> AppResult<diagnosis::Model> {
    diagnosis::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("diagnosis {id}")))
}

/// The team's diagnosis of `date`, if it was run.
pub async fn of_day(
    db: &DatabaseConnection,
    team_id: i64,
    date: NaiveDate,
) -> AppResult<Option<diagnosis::Model>> {
    Ok(diagnosis::Entity::find()
        .filter(diagnosis::Column::TeamId.eq(team_id))
        .filter(diagnosis::Column::Date.eq(date))
        .one(db)
        .await?)
}

/// The current findings of a diagnosis, most severe first (in rule order within a severity).
pub async fn findings(
    db: &DatabaseConnection,
    diagnosis_id: i64,
) -> AppResult<Vec<finding::Model>> {
    let mut list = finding::Entity::find()
        .filter(finding::Column::DiagnosisId.eq(diagnosis_id))
        .filter(finding::Column::Current.eq(true))
        .order_by_asc(finding::Column::Position)
        .all(db)
        .await?;
    // A stable sort: rule order stays within a severity.
    list.sort_by_key(|f| match f.severity {
        Severity::High => 0,
        Severity::Medium => 1,
        Severity::Low => 2,
    });
    Ok(list)
}

pub fn skipped(d: &diagnosis::Model) -> AppResult<Vec<Skipped>> {
    serde_json::from_str(&d.skipped)
        .map_err(|e| AppError::internal(anyhow::anyhow!("diagnosis {} skipped list: {e}", d.id)))
}

/// Every rule's check of the team's `date` (fired or not), and the rules skipped.
pub async fn evaluate(
    db: &DatabaseConnection,
    team_id: i64,
    date: NaiveDate,
) -> AppResult<rules::Outcome> {
    let facts = Facts::load(db, team_id, date).await?;
    let thresholds = thresholds::load(db, team_id).await?;
    Ok(rules::evaluate(&facts, &thresholds))
}

/// Runs (or re-runs) the team's diagnosis of `date`, by default yesterday (§1); the team's
/// manager or an admin.
pub async fn run(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    date: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> AppResult<(diagnosis::Model, Vec<finding::Model>)> {
    let team = teams::get(db, actor, team_id).await?;
    actor.ensure_manager_of(team.id)?;
    let date = date.unwrap_or_else(|| teams::yesterday(&team, now));
    diagnose(db, &team, date, actor.recorded_id(), now).await
}

/// Runs the diagnosis of `team`'s `date` and stores it. Re-running a date updates its findings
/// in place (same code and subject → same finding), so tasks made from them keep their link; a
/// finding that no longer fires is removed, or kept as not current if a task refers to it.
/// Callers check access; `ran_by` is None from the CLI.
async fn diagnose(
    db: &DatabaseConnection,
    team: &team::Model,
    date: NaiveDate,
    ran_by: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<(diagnosis::Model, Vec<finding::Model>)> {
    if date > crate::services::teams::local_date(team, now) {
        return Err(AppError::invalid("date", "must not be in the future"));
    }
    let outcome = evaluate(db, team.id, date).await?;
    let skipped = serde_json::to_string(&outcome.skipped).map_err(AppError::internal)?;
    let fired: Vec<Check> = outcome.checks.into_iter().filter(|c| c.fires).collect();

    let tx = db::begin_write(db).await?;
    let existing = diagnosis::Entity::find()
        .filter(diagnosis::Column::TeamId.eq(team.id))
        .filter(diagnosis::Column::Date.eq(date))
        .one(&tx)
        .await?;
    let mut model: diagnosis::ActiveModel = match existing {
        Some(d) => d.into(),
        None => diagnosis::ActiveModel {
            team_id: Set(team.id),
            date: Set(date),
            ..Default::default()
        },
    };
    model.ran_at = Set(now);
    model.ran_by = Set(ran_by);
    model.skipped = Set(skipped);
    let diagnosis = model.save(&tx).await?.try_into_model()?;

    let mut before: HashMap<(FindingCode, String), finding::Model> = finding::Entity::find()
        .filter(finding::Column::DiagnosisId.eq(diagnosis.id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|f| ((f.code, f.subject.clone()), f))
        .collect();
    for (position, c) in fired.iter().enumerate() {
        let mut row: finding::ActiveModel = match before.remove(&(c.code, c.subject.clone())) {
            Some(f) => f.into(),
            None => finding::ActiveModel {
                diagnosis_id: Set(diagnosis.id),
                team_id: Set(team.id),
                code: Set(c.code),
                subject: Set(c.subject.clone()),
                ..Default::default()
            },
        };
        fill(&mut row, c, position as i32);
        row.save(&tx).await?;
    }
    let gone: Vec<i64> = before.into_values().map(|f| f.id).collect();
    if !gone.is_empty() {
        let kept: Vec<i64> = task::Entity::find()
            .filter(task::Column::FindingId.is_in(gone.clone()))
            .all(&tx)
            .await?
            .into_iter()
            .filter_map(|t| t.finding_id)
            .collect();
        finding::Entity::update_many()
            .col_expr(finding::Column::Current, false.into())
            .filter(finding::Column::Id.is_in(kept.clone()))
            .exec(&tx)
            .await?;
        finding::Entity::delete_many()
            .filter(finding::Column::Id.is_in(gone))
            .filter(finding::Column::Id.is_not_in(kept))
            .exec(&tx)
            .await?;
    }
    tx.commit().await?;
    let findings = findings(db, diagnosis.id).await?;
    Ok((diagnosis, findings))
}

fn fill(row: &mut finding::ActiveModel, c: &Check, position: i32) {
    let text = |v: Option<Decimal>| v.map(|v| v.normalize().to_string());
    row.severity = Set(c.severity);
    row.metric = Set(c.metric.into());
    row.observed = Set(text(c.observed));
    row.expected = Set(text(c.expected));
    row.comparison = Set(c.comparison);
    row.owner_role = Set(c.owner_role);
    row.owner_staff_id = Set(c.owner_staff_id);
    row.message = Set(c.message.clone());
    row.suggested_action = Set(rules::suggested_action(c.code).into());
    row.gmv_change_fen = Set(c.split.as_ref().and_then(|s| {
        use rust_decimal::prelude::ToPrimitive;
        (s.gmv_change * Decimal::ONE_HUNDRED).to_i64()
    }));
    row.traffic_share = Set(c.split.as_ref().map(|s| s.traffic_share));
    row.conversion_share = Set(c.split.as_ref().map(|s| s.conversion_share));
    row.aov_share = Set(c.split.as_ref().map(|s| s.aov_share));
    row.current = Set(true);
    row.position = Set(position);
}

pub fn decimal(v: &Option<String>) -> Option<Decimal> {
    v.as_deref().and_then(|v| v.parse().ok())
}
