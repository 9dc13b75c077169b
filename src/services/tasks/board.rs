//! The daily board (§6): the working day's page. The morning's diagnosis (of the day before),
//! the day's tasks by role and status, what is overdue, how much is done, and yesterday's
//! finished tasks waiting for the manager to verify them against this morning's numbers.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::{OPEN, can_see};
use crate::entities::{TaskStatus, diagnosis, task, team};
use crate::error::AppResult;
use crate::services::auth::Actor;
use crate::services::teams;

pub struct Board {
    /// The working day.
    pub day: NaiveDate,
    /// The diagnosis of the day before (the numbers the morning reviews), if run.
    pub diagnosis: Option<diagnosis::Model>,
    /// The team's tasks due on the working day, all of them: what the counts count.
    pub tasks: Vec<task::Model>,
    /// Those of `tasks` the caller may open (§9: staff their own).
    pub shown: Vec<task::Model>,
    /// Open team tasks past their due time (as of now, or the end of a past working day).
    pub overdue: u64,
    /// Tasks due the day before that are DONE and wait for verification, as far as the caller
    /// may see them.
    pub awaiting_verification: Vec<task::Model>,
}

impl Board {
    /// DONE or VERIFIED among the day's tasks that were not cancelled; null without any.
    pub fn completion_rate(&self) -> Option<f64> {
        let counted = self
            .tasks
            .iter()
            .filter(|t| t.status != TaskStatus::Cancelled);
        let total = counted.clone().count();
        let done = counted
            .filter(|t| matches!(t.status, TaskStatus::Done | TaskStatus::Verified))
            .count();
        (total > 0).then(|| done as f64 / total as f64)
    }
}

/// Midnight starting `day` in the team's zone, as UTC.
fn start_of(team: &team::Model, day: NaiveDate) -> DateTime<Utc> {
    teams::zone(team)
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_time(NaiveTime::MIN).and_utc())
}

async fn due_on(
    db: &DatabaseConnection,
    team: &team::Model,
    day: NaiveDate,
    status: Option<TaskStatus>,
) -> AppResult<Vec<task::Model>> {
    let mut select = task::Entity::find()
        .filter(task::Column::TeamId.eq(team.id))
        .filter(task::Column::DueAt.gte(start_of(team, day)))
        .filter(task::Column::DueAt.lt(start_of(team, day + Duration::days(1))));
    if let Some(status) = status {
        select = select.filter(task::Column::Status.eq(status));
    }
    Ok(select.order_by_asc(task::Column::Id).all(db).await?)
}

/// The board of `team`'s working `day` as `actor` sees it: every member sees the counts, and
/// the tasks they may open.
pub async fn board(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Board> {
    actor.ensure_member_of(team.id)?;
    let yesterday = day - Duration::days(1);
    let overdue = task::Entity::find()
        .filter(task::Column::TeamId.eq(team.id))
        .filter(task::Column::Status.is_in(OPEN))
        .filter(task::Column::DueAt.lt(now.min(start_of(team, day + Duration::days(1)))))
        .count(db)
        .await?;
    let tasks = due_on(db, team, day, None).await?;
    let mut awaiting_verification = due_on(db, team, yesterday, Some(TaskStatus::Done)).await?;
    awaiting_verification.retain(|t| can_see(actor, t));
    Ok(Board {
        day,
        diagnosis: crate::services::diagnosis::of_day(db, team.id, yesterday).await?,
        shown: tasks
            .iter()
            .filter(|t| can_see(actor, t))
            .cloned()
            .collect(),
        tasks,
        overdue,
        awaiting_verification,
    })
}
