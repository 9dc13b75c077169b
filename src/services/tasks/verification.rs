//! The verification view (§6): a finding's metric after its task was done, next to the value
//! that raised it.
//!
//! §6 measures "the day after completion". A task is done in the afternoon of the working day
//! after the diagnosed day D, and the next morning reads that working day's numbers, so the day
//! measured is the day the task was completed (never earlier than D + 1): the first day whose
//! numbers include the fix.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::entities::{diagnosis, finding, task, team};
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq)]
pub struct Verification {
    /// The finding's §3 metric.
    pub metric: String,
    /// The diagnosed day that raised the finding, and its value then.
    pub raised_on: NaiveDate,
    pub raised_value: Option<Decimal>,
    /// The day measured, and the metric that day (`None` until that day's data is imported).
    pub measured_on: NaiveDate,
    pub measured_value: Option<Decimal>,
    /// Whether the rule still fires on the measured day (`None` without that day's data).
    pub still_firing: Option<bool>,
}

/// Verifications of completed tasks made from findings, by task id. One batch reads the tasks,
/// their findings, diagnoses and teams once, and evaluates each distinct (team, day) once.
pub async fn load(
    db: &DatabaseConnection,
    task_ids: &[i64],
) -> Result<HashMap<i64, Verification>, AppError> {
    let tasks = task::Entity::find()
        .filter(task::Column::Id.is_in(task_ids.iter().copied()))
        .filter(task::Column::CompletedAt.is_not_null())
        .filter(task::Column::FindingId.is_not_null())
        .all(db)
        .await?;
    let findings: HashMap<i64, finding::Model> = finding::Entity::find()
        .filter(finding::Column::Id.is_in(tasks.iter().filter_map(|t| t.finding_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let diagnoses: HashMap<i64, diagnosis::Model> = diagnosis::Entity::find()
        .filter(diagnosis::Column::Id.is_in(findings.values().map(|f| f.diagnosis_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let teams: HashMap<i64, team::Model> = team::Entity::find()
        .filter(team::Column::Id.is_in(tasks.iter().map(|t| t.team_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();

    // (team, measured day) → the tasks measured on it: (task, finding, day it was raised on).
    type Measured<'a> = Vec<(i64, &'a finding::Model, NaiveDate)>;
    let mut days: BTreeMap<(i64, NaiveDate), Measured> = BTreeMap::new();
    for t in &tasks {
        let (Some(f), Some(done), Some(team)) = (
            t.finding_id.and_then(|id| findings.get(&id)),
            t.completed_at,
            teams.get(&t.team_id),
        ) else {
            continue;
        };
        let Some(d) = diagnoses.get(&f.diagnosis_id) else {
            continue;
        };
        let measured =
            crate::services::teams::local_date(team, done).max(d.date + Duration::days(1));
        days.entry((t.team_id, measured))
            .or_default()
            .push((t.id, f, d.date));
    }
    let mut out = HashMap::new();
    for ((team_id, day), measured) in days {
        let checks = crate::services::diagnosis::evaluate(db, team_id, day)
            .await?
            .checks;
        for (task_id, f, raised_on) in measured {
            let check = checks
                .iter()
                .find(|c| c.code == f.code && c.subject == f.subject);
            out.insert(
                task_id,
                Verification {
                    metric: f.metric.clone(),
                    raised_on,
                    raised_value: crate::services::diagnosis::decimal(&f.observed),
                    measured_on: day,
                    measured_value: check.and_then(|c| c.observed),
                    still_firing: check.map(|c| c.fires),
                },
            );
        }
    }
    Ok(out)
}
