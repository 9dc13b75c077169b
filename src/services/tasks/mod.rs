//! Tasks (§6): what the morning's findings become for each role, and the afternoon's follow-up.
//!
//! Every change goes through [`save`]: one transaction that checks the caller's version (a stale
//! one is a `CONFLICT` and changes nothing), bumps it, and writes the audit trail; the live event
//! is published once the transaction has committed.

pub mod board;
pub mod verification;

use std::collections::HashMap;

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, DatabaseTransaction, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr, TransactionTrait,
};

use crate::db;
use crate::entities::{Role, Severity, TaskStatus, finding, staff, task, task_note, team};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, Page, PageRequest};
use crate::services::audit::{self, Change, Stamp};
use crate::services::auth::Actor;
use crate::services::events::{EventBus, TaskEvent, TaskEventKind};
use crate::services::teams;
use crate::validate::Checks;

/// Who is acting, and when (the clock of the daily loop).
pub struct Caller<'a> {
    pub db: &'a DatabaseConnection,
    pub bus: &'a EventBus,
    pub actor: &'a Actor,
    pub now: DateTime<Utc>,
}

pub const OPEN: [TaskStatus; 3] = [
    TaskStatus::Todo,
    TaskStatus::InProgress,
    TaskStatus::Blocked,
];

/// Who may make a move: the assignee (or a manager on their behalf), or only a manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mover {
    Assignee,
    Manager,
}

/// The state machine of §6: from each status, where it may go and who may take it there.
fn moves(from: TaskStatus) -> &'static [(TaskStatus, Mover)] {
    use Mover::*;
    use TaskStatus::*;
    match from {
        Todo => &[
            (InProgress, Assignee),
            (Blocked, Assignee),
            (Cancelled, Manager),
        ],
        InProgress => &[(Done, Assignee), (Blocked, Assignee), (Cancelled, Manager)],
        Blocked => &[(InProgress, Assignee), (Cancelled, Manager)],
        Done => &[(Verified, Manager)],
        Verified | Cancelled => &[],
    }
}

pub fn name(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Todo => "TODO",
        TaskStatus::InProgress => "IN_PROGRESS",
        TaskStatus::Blocked => "BLOCKED",
        TaskStatus::Done => "DONE",
        TaskStatus::Verified => "VERIFIED",
        TaskStatus::Cancelled => "CANCELLED",
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::High => "HIGH",
        Severity::Medium => "MEDIUM",
        Severity::Low => "LOW",
    }
}

/// The statuses `actor` may move `t` to now.
pub fn allowed_moves(actor: &Actor, t: &task::Model) -> Vec<TaskStatus> {
    let manages = actor.manages(t.team_id);
    let assignee = t.assignee_id == Some(actor.id);
    moves(t.status)
        .iter()
        .filter(|(_, who)| manages || (*who == Mover::Assignee && assignee))
        .map(|(s, _)| *s)
        .collect()
}

/// Past due and not done (§6).
pub fn is_overdue(t: &task::Model, now: DateTime<Utc>) -> bool {
    OPEN.contains(&t.status) && t.due_at < now
}

/// 18:00 local on the day `now` falls on in the team's zone: a task's default due time.
pub fn default_due(team: &team::Model, now: DateTime<Utc>) -> DateTime<Utc> {
    let day = teams::local_date(team, now);
    let evening = day.and_time(NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default());
    teams::zone(team)
        .from_local_datetime(&evening)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(now)
}

#[derive(Debug)]
pub struct NewTask {
    pub team_id: i64,
    pub title: String,
    pub detail: Option<String>,
    pub role: Role,
    pub assignee_id: Option<i64>,
    pub priority: Option<Severity>,
    pub due_at: Option<DateTime<Utc>>,
}

/// Fields left null are unchanged.
#[derive(Debug, Default)]
pub struct TaskChanges {
    pub title: Option<String>,
    pub detail: Option<String>,
    pub priority: Option<Severity>,
    pub due_at: Option<DateTime<Utc>>,
}

/// A finding to turn into a task, optionally with the manager's choice of assignee.
#[derive(Debug)]
pub struct FindingPick {
    pub finding_id: i64,
    pub assignee_id: Option<i64>,
}

#[derive(Debug, Default)]
pub struct TaskFilter {
    pub team_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub role: Option<Role>,
    pub status: Option<Vec<TaskStatus>>,
    pub due_before: Option<DateTime<Utc>>,
    pub overdue: Option<bool>,
    pub diagnosis_id: Option<i64>,
}

async fn find(db: &DatabaseConnection, id: i64) -> AppResult<task::Model> {
    task::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("task {id}")))
}

/// §9: managers see their team's tasks, staff the ones assigned to them.
pub fn can_see(actor: &Actor, t: &task::Model) -> bool {
    actor.manages(t.team_id) || t.assignee_id == Some(actor.id)
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: i64) -> AppResult<task::Model> {
    let t = find(db, id).await?;
    actor.ensure_member_of(t.team_id)?;
    if !can_see(actor, &t) {
        return Err(AppError::forbidden("this task is not assigned to you"));
    }
    Ok(t)
}

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    now: DateTime<Utc>,
    filter: TaskFilter,
    page: PageRequest,
) -> AppResult<Page<task::Model>> {
    let team = actor.team_scope(filter.team_id)?;
    let mut select = task::Entity::find();
    if let Some(team) = team {
        select = select.filter(task::Column::TeamId.eq(team));
        if !actor.manages(team) {
            select = select.filter(task::Column::AssigneeId.eq(actor.id));
        }
    }
    if let Some(a) = filter.assignee_id {
        select = select.filter(task::Column::AssigneeId.eq(a));
    }
    if let Some(role) = filter.role {
        select = select.filter(task::Column::Role.eq(role));
    }
    if let Some(statuses) = filter.status {
        select = select.filter(task::Column::Status.is_in(statuses));
    }
    if let Some(before) = filter.due_before {
        select = select.filter(task::Column::DueAt.lt(before));
    }
    if let Some(overdue) = filter.overdue {
        let cond = Condition::all()
            .add(task::Column::Status.is_in(OPEN))
            .add(task::Column::DueAt.lt(now));
        select = select.filter(if overdue { cond } else { cond.not() });
    }
    if let Some(d) = filter.diagnosis_id {
        select = select.filter(
            task::Column::FindingId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(finding::Column::Id)
                    .from(finding::Entity)
                    .and_where(finding::Column::DiagnosisId.eq(d))
                    .to_owned(),
            ),
        );
    }
    pagination::fetch(db, select, task::Column::Id, page).await
}

/// An active member of the team to give a task to.
async fn assignable(db: &DatabaseConnection, team_id: i64, id: i64) -> AppResult<staff::Model> {
    staff::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|s| s.team_id == Some(team_id) && s.active)
        .ok_or_else(|| AppError::invalid("assigneeId", "must be an active member of the team"))
}

#[derive(FromQueryResult)]
struct OpenCount {
    assignee_id: i64,
    open: i64,
}

/// Who gets a task nobody picked: the team's active person of the role with the fewest open
/// tasks (ties to the lowest id). Counts grow as a batch hands tasks out.
struct Workload {
    people: Vec<staff::Model>,
    open: HashMap<i64, i64>,
}

impl Workload {
    async fn load(db: &DatabaseConnection, team_id: i64) -> AppResult<Self> {
        let people = crate::services::staff::active_members(db, team_id, None).await?;
        let counts = task::Entity::find()
            .select_only()
            .column(task::Column::AssigneeId)
            .expr_as(Func::count(Expr::col(task::Column::Id)), "open")
            .filter(task::Column::TeamId.eq(team_id))
            .filter(task::Column::Status.is_in(OPEN))
            .filter(task::Column::AssigneeId.is_not_null())
            .group_by(task::Column::AssigneeId)
            .into_model::<OpenCount>()
            .all(db)
            .await?;
        Ok(Self {
            people,
            open: counts
                .into_iter()
                .map(|c| (c.assignee_id, c.open))
                .collect(),
        })
    }

    fn is_active(&self, id: i64) -> bool {
        self.people.iter().any(|p| p.id == id)
    }

    fn least_loaded(&self, role: Role) -> Option<i64> {
        self.people
            .iter()
            .filter(|p| p.role == Some(role))
            .min_by_key(|p| (self.open.get(&p.id).copied().unwrap_or(0), p.id))
            .map(|p| p.id)
    }

    fn give(&mut self, id: Option<i64>) -> Option<i64> {
        if let Some(id) = id {
            *self.open.entry(id).or_default() += 1;
        }
        id
    }
}

struct Draft {
    title: String,
    detail: String,
    role: Role,
    assignee_id: Option<i64>,
    priority: Severity,
    due_at: DateTime<Utc>,
    finding_id: Option<i64>,
}

/// What to do with a finding's draft when someone else gave the finding a live task after we
/// looked (the unique index `uq-task-finding_id` tells).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Taken {
    /// Refuse the whole batch: the caller picked this finding.
    Conflict,
    /// Leave it out: the caller asked for every finding without a task.
    Skip,
}

/// Inserts new tasks with their audit entries in one transaction, then announces them.
async fn insert(
    caller: &Caller<'_>,
    team_id: i64,
    drafts: Vec<Draft>,
    taken: Taken,
) -> AppResult<Vec<task::Model>> {
    let tx = db::begin_write(caller.db).await?;
    let mut made = Vec::with_capacity(drafts.len());
    for d in drafts {
        let finding_id = d.finding_id;
        let row = task::ActiveModel {
            team_id: Set(team_id),
            title: Set(d.title),
            detail: Set(d.detail),
            role: Set(d.role),
            assignee_id: Set(d.assignee_id),
            creator_id: Set(caller.actor.id),
            priority: Set(d.priority),
            due_at: Set(d.due_at),
            finding_id: Set(d.finding_id),
            status: Set(TaskStatus::Todo),
            reason: Set(None),
            completed_at: Set(None),
            created_at: Set(caller.now),
            updated_at: Set(caller.now),
            version: Set(1),
            ..Default::default()
        };
        // A savepoint: on PostgreSQL a failed statement aborts its whole transaction, so the
        // unique violation must be rolled back alone for the rest of the batch to go on.
        let savepoint = tx.begin().await?;
        let t = match row.insert(&savepoint).await {
            Ok(t) => {
                savepoint.commit().await?;
                t
            }
            // The finding index is the task table's only unique one.
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                savepoint.rollback().await?;
                match (taken, finding_id) {
                    (Taken::Skip, Some(_)) => continue,
                    (_, Some(f)) => return Err(already_tasked(f)),
                    (_, None) => return Err(e.into()),
                }
            }
            Err(e) => return Err(e.into()),
        };
        let changes = vec![
            Change::new("status", None, Some(name(t.status).into())),
            Change::new("title", None, Some(t.title.clone())),
            Change::new("assignee", None, t.assignee_id.map(|a| a.to_string())),
            Change::new("priority", None, Some(severity_name(t.priority).into())),
            Change::new("dueAt", None, Some(t.due_at.to_rfc3339())),
        ];
        audit::record(&tx, &stamp(caller, &t), changes).await?;
        made.push(t);
    }
    tx.commit().await?;
    let events = made
        .iter()
        .map(|t| event(caller, t, TaskEventKind::Created, None))
        .collect();
    caller.bus.publish(caller.db, events).await;
    Ok(made)
}

fn stamp(caller: &Caller<'_>, t: &task::Model) -> Stamp {
    Stamp {
        team_id: t.team_id,
        kind: audit::TASK,
        subject_id: t.id,
        actor_id: caller.actor.recorded_id(),
        at: caller.now,
    }
}

fn event(
    caller: &Caller<'_>,
    t: &task::Model,
    kind: TaskEventKind,
    previous_assignee_id: Option<i64>,
) -> TaskEvent {
    TaskEvent {
        kind,
        team_id: t.team_id,
        task_id: t.id,
        status: t.status,
        assignee_id: t.assignee_id,
        previous_assignee_id,
        actor_id: caller.actor.id,
        at: caller.now,
    }
}

/// A manual task (§6); the team's manager or an admin.
pub async fn create(caller: &Caller<'_>, input: NewTask) -> AppResult<task::Model> {
    let team_id = input.team_id;
    caller.actor.ensure_manager_of(team_id)?;
    let team = teams::get_active(caller.db, team_id).await?;
    let mut checks = Checks::default();
    let title = checks.text("title", &input.title, 200);
    let detail = checks.optional_note("detail", &input.detail.unwrap_or_default(), 4000);
    checks.finish()?;
    let mut workload = Workload::load(caller.db, team_id).await?;
    let assignee_id = match input.assignee_id {
        Some(a) => Some(assignable(caller.db, team_id, a).await?.id),
        None => workload.least_loaded(input.role),
    };
    let draft = Draft {
        title,
        detail,
        role: input.role,
        assignee_id: workload.give(assignee_id),
        priority: input.priority.unwrap_or(Severity::Medium),
        due_at: input
            .due_at
            .unwrap_or_else(|| default_due(&team, caller.now)),
        finding_id: None,
    };
    Ok(insert(caller, team_id, vec![draft], Taken::Conflict)
        .await?
        .remove(0))
}

/// Turns a diagnosis's findings into tasks for their owners: the chosen ones (`picks`, all or
/// nothing: a finding that already has a live task is a `CONFLICT`), or every current finding
/// that has none yet. The assignee is the manager's pick, else the person the finding names (an
/// agent, a channel's owner), else the least-loaded active person of the finding's role.
pub async fn from_findings(
    caller: &Caller<'_>,
    diagnosis_id: i64,
    picks: Option<Vec<FindingPick>>,
) -> AppResult<Vec<task::Model>> {
    let diagnosis = crate::services::diagnosis::find(caller.db, diagnosis_id).await?;
    caller.actor.ensure_manager_of(diagnosis.team_id)?;
    let team = teams::get_active(caller.db, diagnosis.team_id).await?;
    let findings = finding::Entity::find()
        .filter(finding::Column::DiagnosisId.eq(diagnosis_id))
        .filter(finding::Column::Current.eq(true))
        .order_by_asc(finding::Column::Position)
        .all(caller.db)
        .await?;
    let tasked: Vec<i64> = task::Entity::find()
        .filter(task::Column::FindingId.is_in(findings.iter().map(|f| f.id)))
        .filter(task::Column::Status.ne(TaskStatus::Cancelled))
        .all(caller.db)
        .await?
        .into_iter()
        .filter_map(|t| t.finding_id)
        .collect();
    let mut workload = Workload::load(caller.db, team.id).await?;
    let taken = if picks.is_some() {
        Taken::Conflict
    } else {
        Taken::Skip
    };
    let chosen: Vec<(&finding::Model, Option<i64>)> = match picks {
        None => findings
            .iter()
            .filter(|f| !tasked.contains(&f.id))
            .map(|f| (f, None))
            .collect(),
        Some(picks) => {
            let mut checks = Checks::default();
            let mut chosen = Vec::new();
            for (i, p) in picks.iter().enumerate() {
                checks.at_row(i + 1);
                match findings.iter().find(|f| f.id == p.finding_id) {
                    None => checks.fail("findingId", "not a current finding of this diagnosis"),
                    Some(f) if tasked.contains(&f.id) => return Err(already_tasked(f.id)),
                    Some(f) => {
                        if let Some(a) = p.assignee_id
                            && !workload.is_active(a)
                        {
                            checks.fail("assigneeId", "must be an active member of the team");
                        }
                        chosen.push((f, p.assignee_id));
                    }
                }
            }
            checks.finish()?;
            chosen
        }
    };
    let due_at = default_due(&team, caller.now);
    let drafts = chosen
        .into_iter()
        .map(|(f, pick)| {
            let named = f.owner_staff_id.filter(|id| workload.is_active(*id));
            let assignee = pick
                .or(named)
                .or_else(|| workload.least_loaded(f.owner_role));
            Draft {
                title: f.message.chars().take(200).collect(),
                detail: f.suggested_action.clone(),
                role: f.owner_role,
                assignee_id: workload.give(assignee),
                priority: f.severity,
                due_at,
                finding_id: Some(f.id),
            }
        })
        .collect();
    insert(caller, team.id, drafts, taken).await
}

fn already_tasked(finding_id: i64) -> AppError {
    AppError::conflict(format!("finding {finding_id} already has a task"))
}

/// Loads a task for a change by this caller, refusing a stale version.
async fn for_change(caller: &Caller<'_>, id: i64, version: i32) -> AppResult<task::Model> {
    let t = get(caller.db, caller.actor, id).await?;
    if t.version != version {
        return Err(stale(&t));
    }
    Ok(t)
}

fn stale(t: &task::Model) -> AppError {
    AppError::conflict(format!(
        "task {} was changed by someone else (now version {}); reload it and try again",
        t.id, t.version
    ))
}

/// Writes a change to `t` (already checked against the caller's version), bumping the version
/// only if nobody changed it in between, with its audit entries; then announces it.
async fn save(
    caller: &Caller<'_>,
    t: &task::Model,
    mut changed: task::ActiveModel,
    changes: Vec<Change>,
    kind: Option<TaskEventKind>,
    previous_assignee_id: Option<i64>,
) -> AppResult<task::Model> {
    changed.version = Set(t.version + 1);
    changed.updated_at = Set(caller.now);
    let tx: DatabaseTransaction = db::begin_write(caller.db).await?;
    let written = task::Entity::update_many()
        .set(changed)
        .filter(task::Column::Id.eq(t.id))
        .filter(task::Column::Version.eq(t.version))
        .exec(&tx)
        .await?;
    if written.rows_affected == 0 {
        return Err(stale(&find(caller.db, t.id).await?));
    }
    audit::record(&tx, &stamp(caller, t), changes).await?;
    let saved = task::Entity::find_by_id(t.id)
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::not_found(format!("task {}", t.id)))?;
    tx.commit().await?;
    if let Some(kind) = kind {
        let announced = event(caller, &saved, kind, previous_assignee_id);
        caller.bus.publish(caller.db, vec![announced]).await;
    }
    Ok(saved)
}

/// Gives the task to someone else; the team's manager.
pub async fn assign(
    caller: &Caller<'_>,
    id: i64,
    version: i32,
    assignee_id: i64,
) -> AppResult<task::Model> {
    let t = for_change(caller, id, version).await?;
    caller.actor.ensure_manager_of(t.team_id)?;
    if !OPEN.contains(&t.status) {
        return Err(AppError::invalid(
            "id",
            format!("a {} task cannot be reassigned", name(t.status)),
        ));
    }
    let assignee = assignable(caller.db, t.team_id, assignee_id).await?;
    let changes = vec![Change::new(
        "assignee",
        t.assignee_id.map(|a| a.to_string()),
        Some(assignee.id.to_string()),
    )];
    let changed = task::ActiveModel {
        assignee_id: Set(Some(assignee.id)),
        ..Default::default()
    };
    save(
        caller,
        &t,
        changed,
        changes,
        Some(TaskEventKind::Assigned),
        t.assignee_id,
    )
    .await
}

/// Edits title, detail, priority or due time; the team's manager.
pub async fn update(
    caller: &Caller<'_>,
    id: i64,
    version: i32,
    input: TaskChanges,
) -> AppResult<task::Model> {
    let t = for_change(caller, id, version).await?;
    caller.actor.ensure_manager_of(t.team_id)?;
    let mut checks = Checks::default();
    let mut changed: task::ActiveModel = Default::default();
    let mut changes = Vec::new();
    if let Some(title) = input.title {
        let title = checks.text("title", &title, 200);
        changes.push(Change::new(
            "title",
            Some(t.title.clone()),
            Some(title.clone()),
        ));
        changed.title = Set(title);
    }
    if let Some(detail) = input.detail {
        let detail = checks.optional_note("detail", &detail, 4000);
        changes.push(Change::new(
            "detail",
            Some(t.detail.clone()),
            Some(detail.clone()),
        ));
        changed.detail = Set(detail);
    }
    checks.finish()?;
    if let Some(p) = input.priority {
        changes.push(Change::new(
            "priority",
            Some(severity_name(t.priority).into()),
            Some(severity_name(p).into()),
        ));
        changed.priority = Set(p);
    }
    if let Some(due) = input.due_at {
        changes.push(Change::new(
            "dueAt",
            Some(t.due_at.to_rfc3339()),
            Some(due.to_rfc3339()),
        ));
        changed.due_at = Set(due);
    }
    changes.retain(|c| c.before != c.after);
    if changes.is_empty() {
        return Ok(t);
    }
    save(caller, &t, changed, changes, None, None).await
}

/// Moves the task through the state machine of §6. A move the machine does not allow is
/// `BAD_USER_INPUT` naming the allowed ones; a move reserved to the manager is `FORBIDDEN` to
/// the assignee; BLOCKED and CANCELLED need a reason.
pub async fn move_to(
    caller: &Caller<'_>,
    id: i64,
    version: i32,
    to: TaskStatus,
    reason: Option<String>,
) -> AppResult<task::Model> {
    let t = for_change(caller, id, version).await?;
    let allowed = moves(t.status);
    let Some(&(_, mover)) = allowed.iter().find(|(s, _)| *s == to) else {
        let names: Vec<&str> = allowed.iter().map(|(s, _)| name(*s)).collect();
        let allowed = if names.is_empty() {
            format!("{} is final", name(t.status))
        } else {
            format!("allowed from {}: {}", name(t.status), names.join(", "))
        };
        return Err(AppError::invalid(
            "to",
            format!("cannot move to {}; {allowed}", name(to)),
        ));
    };
    let manages = caller.actor.manages(t.team_id);
    match mover {
        Mover::Manager if !manages => {
            return Err(AppError::forbidden(format!(
                "only the team's manager may move a task to {}",
                name(to)
            )));
        }
        Mover::Assignee if !manages && t.assignee_id != Some(caller.actor.id) => {
            return Err(AppError::forbidden(
                "only the assignee or the manager may do this",
            ));
        }
        _ => {}
    }
    let mut checks = Checks::default();
    let reason = reason
        .map(|r| checks.optional_note("reason", &r, 4000))
        .filter(|r| !r.is_empty());
    checks.finish()?;
    let needs_reason = matches!(to, TaskStatus::Blocked | TaskStatus::Cancelled);
    if needs_reason && reason.is_none() {
        return Err(AppError::invalid(
            "reason",
            format!("a reason is required to move a task to {}", name(to)),
        ));
    }
    let mut changes = vec![Change::new(
        "status",
        Some(name(t.status).into()),
        Some(name(to).into()),
    )];
    let mut changed = task::ActiveModel {
        status: Set(to),
        ..Default::default()
    };
    if needs_reason {
        changes.push(Change::new("reason", t.reason.clone(), reason.clone()));
        changed.reason = Set(reason);
    }
    if to == TaskStatus::Done {
        changes.push(Change::new(
            "completedAt",
            t.completed_at.map(|c| c.to_rfc3339()),
            Some(caller.now.to_rfc3339()),
        ));
        changed.completed_at = Set(Some(caller.now));
    }
    let kind = Some(TaskEventKind::StatusChanged);
    save(caller, &t, changed, changes, kind, None).await
}

/// A follow-up note by the assignee or a manager. It does not change the task's version.
pub async fn add_follow_up(
    caller: &Caller<'_>,
    task_id: i64,
    body: &str,
) -> AppResult<task_note::Model> {
    let t = get(caller.db, caller.actor, task_id).await?;
    let mut checks = Checks::default();
    let body = checks.note("body", body, 4000);
    checks.finish()?;
    let tx = db::begin_write(caller.db).await?;
    let note = task_note::ActiveModel {
        task_id: Set(t.id),
        author_id: Set(caller.actor.id),
        body: Set(body.clone()),
        created_at: Set(caller.now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        &stamp(caller, &t),
        vec![Change::new("followUp", None, Some(body))],
    )
    .await?;
    tx.commit().await?;
    caller
        .bus
        .publish(
            caller.db,
            vec![event(caller, &t, TaskEventKind::FollowUpAdded, None)],
        )
        .await;
    Ok(note)
}
