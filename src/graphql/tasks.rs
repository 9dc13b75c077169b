use crate::graphql::scalars::{DateTime, Decimal};
use async_graphql::{Context, InputObject, Object, SimpleObject};

use crate::entities::{task, task_note};
use crate::error::AppResult;
use crate::graphql::audit::AuditEntry;
use crate::graphql::diagnosis::{Diagnosis, Finding};
use crate::graphql::enums::{Role, Severity, TaskStatus};
use crate::graphql::staff::{Staff, load_staff};
use crate::graphql::{
    context::{actor, clock, db, events, loaders, team},
    id::Id,
    loaders::load_error,
    relay::{IdConnection, connection, page_request},
};
use crate::pagination::Page;
use crate::period::Date;
use crate::services::tasks::board::{self, Board};
use crate::services::tasks::verification::Verification;
use crate::services::tasks::{self, Caller};

fn caller<'a>(ctx: &Context<'a>) -> AppResult<Caller<'a>> {
    Ok(Caller {
        db: db(ctx),
        bus: events(ctx),
        actor: actor(ctx)?,
        now: clock(ctx).now(),
    })
}

pub struct Task(pub task::Model);

/// A piece of the afternoon's work (§6).
#[Object]
impl Task {
    /// The task's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// Send it back with every change; a stale one is refused with CONFLICT.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The team it belongs to.
    async fn team_id(&self) -> Id {
        Id(self.0.team_id)
    }
    /// A one-line summary, at most 200 characters.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// What to do, in more words, at most 4000 characters (empty when none was given).
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn detail(&self) -> &str {
        &self.0.detail
    }
    /// The role whose work it is.
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    /// Who is to do it (null while unassigned).
    async fn assignee(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.assignee_id).await
    }
    /// Who made it: a manager or admin, or for a finding's task whoever turned it into one.
    async fn creator(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, Some(self.0.creator_id)).await
    }
    /// How urgent it is; a finding's task takes the finding's severity.
    async fn priority(&self) -> Severity {
        self.0.priority.into()
    }
    /// When it is due.
    async fn due_at(&self) -> DateTime {
        self.0.due_at.into()
    }
    /// Where it is in its life (§6).
    async fn status(&self) -> TaskStatus {
        self.0.status.into()
    }
    /// Why it was last blocked or cancelled.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// When it was (last) marked DONE.
    async fn completed_at(&self) -> Option<DateTime> {
        self.0.completed_at.map(Into::into)
    }
    /// When it was made.
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
    /// When it last changed.
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
    }
    /// Past due and not done.
    async fn overdue(&self, ctx: &Context<'_>) -> bool {
        crate::services::tasks::is_overdue(&self.0, clock(ctx).now())
    }
    /// The statuses the caller may move it to now.
    async fn allowed_moves(&self, ctx: &Context<'_>) -> AppResult<Vec<TaskStatus>> {
        Ok(crate::services::tasks::allowed_moves(actor(ctx)?, &self.0)
            .into_iter()
            .map(Into::into)
            .collect())
    }
    /// The finding it was made from (null for a manual task).
    async fn finding(&self, ctx: &Context<'_>) -> AppResult<Option<Finding>> {
        let Some(id) = self.0.finding_id else {
            return Ok(None);
        };
        let found = loaders(ctx)
            .findings
            .load_one(id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Finding))
    }
    /// Its follow-up notes, oldest first; not paginated: every note of this one task.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn follow_ups(&self, ctx: &Context<'_>) -> AppResult<Vec<FollowUp>> {
        let notes = loaders(ctx)
            .follow_ups
            .load_one(self.0.id)
            .await
            .map_err(load_error)?;
        Ok(notes
            .unwrap_or_default()
            .into_iter()
            .map(FollowUp)
            .collect())
    }
    /// Every change, oldest first: who, when, which field, before → after. Not paginated: the
    /// changes of this one task.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn audit_trail(&self, ctx: &Context<'_>) -> AppResult<Vec<AuditEntry>> {
        let entries = loaders(ctx)
            .task_audit
            .load_one(self.0.id)
            .await
            .map_err(load_error)?;
        Ok(entries
            .unwrap_or_default()
            .into_iter()
            .map(AuditEntry)
            .collect())
    }
    /// For a finding's task once done: its metric on the day measured next to the value that
    /// raised it (null for manual tasks and tasks not done yet).
    async fn verification(&self, ctx: &Context<'_>) -> AppResult<Option<Verification>> {
        if self.0.finding_id.is_none() || self.0.completed_at.is_none() {
            return Ok(None);
        }
        loaders(ctx)
            .verifications
            .load_one(self.0.id)
            .await
            .map_err(load_error)
    }
}

pub struct FollowUp(pub task_note::Model);

/// A note on a task, by its assignee or a manager.
#[Object]
impl FollowUp {
    /// The note's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The task it is on.
    async fn task_id(&self) -> Id {
        Id(self.0.task_id)
    }
    /// Who wrote it.
    async fn author(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, Some(self.0.author_id)).await
    }
    /// The note, at most 4000 characters.
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn body(&self) -> &str {
        &self.0.body
    }
    /// When it was written.
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

/// How many tasks have one status.
#[derive(SimpleObject)]
pub struct StatusCount {
    /// The status.
    pub status: TaskStatus,
    /// How many of the tasks have it.
    pub count: u64,
}

/// How many findings have one severity.
#[derive(SimpleObject)]
pub struct SeverityCount {
    /// The severity.
    pub severity: Severity,
    /// How many of the diagnosis's current findings have it.
    pub count: u64,
}

/// One role's share of the day's tasks.
#[derive(SimpleObject)]
pub struct RoleTasks {
    /// The role.
    pub role: Role,
    /// How many of the team's tasks due that day are this role's (whoever the caller is).
    pub total: u64,
    /// Every status, zeros included: six entries.
    #[graphql(complexity = "crate::graphql::cost::rows(STATUSES.len(), child_complexity)")]
    pub by_status: Vec<StatusCount>,
    /// The tasks themselves (staff: only their own); bounded by the tasks due that day, not
    /// paginated.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::DAY_ITEMS, child_complexity)"
    )]
    pub tasks: Vec<Task>,
}

const ROLES: [Role; 4] = [
    Role::Operations,
    Role::Promotion,
    Role::Designer,
    Role::CustomerService,
];

const STATUSES: [TaskStatus; 6] = [
    TaskStatus::Todo,
    TaskStatus::InProgress,
    TaskStatus::Blocked,
    TaskStatus::Done,
    TaskStatus::Verified,
    TaskStatus::Cancelled,
];

pub struct DailyBoard(Board);

/// A team's working day at a glance: the morning's diagnosis, the day's tasks per role, and
/// what waits for verification (§6).
#[Object]
impl DailyBoard {
    /// The working day.
    async fn day(&self) -> Date {
        self.0.day.into()
    }
    /// The morning's diagnosis: of the day before the working day (null until it is run).
    async fn diagnosis(&self) -> Option<Diagnosis> {
        self.0.diagnosis.clone().map(Diagnosis)
    }
    /// How many current findings of each severity the diagnosis has: HIGH, MEDIUM, LOW, zeros
    /// included (empty without a diagnosis).
    #[graphql(complexity = "crate::graphql::cost::rows(3, child_complexity)")]
    async fn finding_counts(&self, ctx: &Context<'_>) -> AppResult<Vec<SeverityCount>> {
        let Some(d) = &self.0.diagnosis else {
            return Ok(Vec::new());
        };
        let findings = crate::services::diagnosis::findings(db(ctx), d.id).await?;
        Ok([Severity::High, Severity::Medium, Severity::Low]
            .into_iter()
            .map(|severity| SeverityCount {
                severity,
                count: findings
                    .iter()
                    .filter(|f| f.severity == severity.into())
                    .count() as u64,
            })
            .collect())
    }
    /// The tasks due on the working day, per role (roles without tasks left out): at most four,
    /// one per role.
    #[graphql(complexity = "crate::graphql::cost::rows(ROLES.len(), child_complexity)")]
    async fn tasks_by_role(&self) -> Vec<RoleTasks> {
        ROLES
            .into_iter()
            .filter_map(|role| {
                let tasks: Vec<&task::Model> = self
                    .0
                    .tasks
                    .iter()
                    .filter(|t| t.role == role.into())
                    .collect();
                (!tasks.is_empty()).then(|| RoleTasks {
                    role,
                    total: tasks.len() as u64,
                    by_status: STATUSES
                        .into_iter()
                        .map(|status| StatusCount {
                            status,
                            count: tasks.iter().filter(|t| t.status == status.into()).count()
                                as u64,
                        })
                        .collect(),
                    tasks: self
                        .0
                        .shown
                        .iter()
                        .filter(|t| t.role == role.into())
                        .cloned()
                        .map(Task)
                        .collect(),
                })
            })
            .collect()
    }
    /// Open team tasks past their due time.
    async fn overdue_count(&self) -> u64 {
        self.0.overdue
    }
    /// DONE or VERIFIED among the day's tasks not cancelled (null without any).
    async fn completion_rate(&self) -> Option<f64> {
        self.0.completion_rate()
    }
    /// The day before's tasks that are DONE and wait for the manager's verification (staff:
    /// only their own), each with its verification view; bounded by those tasks, not paginated.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::DAY_ITEMS, child_complexity)"
    )]
    async fn awaiting_verification(&self) -> Vec<Task> {
        self.0
            .awaiting_verification
            .iter()
            .cloned()
            .map(Task)
            .collect()
    }
}

/// Loads the assignees and creators of these tasks, and their teams, in one batch each, so a
/// page's nested people never query again however the resolvers interleave.
async fn prime_people<'a>(
    ctx: &Context<'_>,
    tasks: impl Iterator<Item = &'a task::Model>,
) -> AppResult<()> {
    let mut people = Vec::new();
    for t in tasks {
        people.extend(t.assignee_id);
        people.push(t.creator_id);
    }
    loaders(ctx).prime_staff(people, true).await
}

async fn page_of_tasks(
    ctx: &Context<'_>,
    page: Page<task::Model>,
    after_given: bool,
) -> AppResult<IdConnection<Task>> {
    prime_people(ctx, page.items.iter()).await?;
    Ok(connection(page, after_given, |t| t.id, Task))
}

#[derive(Default)]
pub struct TaskQuery;

#[Object]
impl TaskQuery {
    /// One task, of the caller's team (staff: only one assigned to them, else FORBIDDEN).
    async fn task(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The task.")] id: Id,
    ) -> AppResult<Task> {
        Ok(Task(
            crate::services::tasks::get(db(ctx), actor(ctx)?, id.0).await?,
        ))
    }

    /// Tasks matching the filter, in id order (staff: only those assigned to them); a Relay
    /// connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn tasks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which tasks; omit for every task the caller may see.")] filter: Option<
            TaskFilter,
        >,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
    ) -> AppResult<IdConnection<Task>> {
        let page = page_request(first, after.clone())?;
        let now = clock(ctx).now();
        let found = crate::services::tasks::list(
            db(ctx),
            actor(ctx)?,
            now,
            filter.unwrap_or_default().into(),
            page,
        )
        .await?;
        page_of_tasks(ctx, found, after.is_some()).await
    }

    /// The caller's own tasks, in id order; a Relay connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn my_tasks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Any of these statuses; omit for all.")] status: Option<Vec<TaskStatus>>,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
    ) -> AppResult<IdConnection<Task>> {
        let actor = actor(ctx)?;
        let page = page_request(first, after.clone())?;
        let filter = TaskFilter {
            team_id: actor.team_id.map(Id),
            assignee_id: Some(Id(actor.id)),
            status,
            ..Default::default()
        };
        let found =
            crate::services::tasks::list(db(ctx), actor, clock(ctx).now(), filter.into(), page)
                .await?;
        page_of_tasks(ctx, found, after.is_some()).await
    }

    /// The team's board for a working day (default today in the team's time zone).
    async fn daily_board(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team; the caller's own unless an admin.")] team_id: Id,
        #[graphql(desc = "The working day, a local date of the team; omit for today.")] day: Option<
            Date,
        >,
    ) -> AppResult<DailyBoard> {
        let team = team(ctx, team_id.0).await?;
        let now = clock(ctx).now();
        let day = day.map_or_else(|| crate::services::teams::local_date(&team, now), |d| d.0);
        let b = board::board(db(ctx), actor(ctx)?, &team, day, now).await?;
        prime_people(ctx, b.shown.iter().chain(&b.awaiting_verification)).await?;
        Ok(DailyBoard(b))
    }
}

#[derive(Default)]
pub struct TaskMutation;

#[Object]
impl TaskMutation {
    /// A manual task; the team's manager or an admin.
    async fn create_task(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A manual task.")] input: CreateTaskInput,
    ) -> AppResult<CreateTaskPayload> {
        let made = tasks::create(&caller(ctx)?, input.into()).await?;
        Ok(CreateTaskPayload { task: Task(made) })
    }

    /// Turns findings into tasks for their owners: the chosen ones (all or nothing), or, without
    /// `picks`, every current finding of the diagnosis that has no task yet.
    async fn create_tasks_from_diagnosis(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The diagnosis whose findings become tasks.")]
        input: CreateTasksFromDiagnosisInput,
    ) -> AppResult<CreateTasksFromDiagnosisPayload> {
        let made = tasks::from_findings(
            &caller(ctx)?,
            input.diagnosis_id.0,
            input.picks.map(|p| p.into_iter().map(Into::into).collect()),
        )
        .await?;
        Ok(CreateTasksFromDiagnosisPayload {
            tasks: made.into_iter().map(Task).collect(),
        })
    }

    /// Gives the task to someone else; the team's manager.
    async fn assign_task(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A task and its new assignee.")] input: AssignTaskInput,
    ) -> AppResult<AssignTaskPayload> {
        let (id, version) = (input.id.0, input.version);
        let task = tasks::assign(&caller(ctx)?, id, version, input.assignee_id.0).await?;
        Ok(AssignTaskPayload { task: Task(task) })
    }

    /// Edits title, detail, priority or due time; the team's manager.
    async fn update_task(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The task to edit and its changes: fields left null are unchanged.")]
        input: UpdateTaskInput,
    ) -> AppResult<UpdateTaskPayload> {
        let (id, version) = (input.id.0, input.version);
        let task = tasks::update(&caller(ctx)?, id, version, input.into()).await?;
        Ok(UpdateTaskPayload { task: Task(task) })
    }

    /// Moves the task through its states (§6); BLOCKED and CANCELLED need a reason.
    async fn move_task(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A task and the state to move it to.")] input: MoveTaskInput,
    ) -> AppResult<MoveTaskPayload> {
        let (id, version, to) = (input.id.0, input.version, input.to.into());
        let task = tasks::move_to(&caller(ctx)?, id, version, to, input.reason).await?;
        Ok(MoveTaskPayload { task: Task(task) })
    }

    /// A follow-up note, by the assignee or a manager.
    async fn add_follow_up(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A note on a task.")] input: AddFollowUpInput,
    ) -> AppResult<AddFollowUpPayload> {
        let note = tasks::add_follow_up(&caller(ctx)?, input.task_id.0, &input.body).await?;
        Ok(AddFollowUpPayload {
            follow_up: FollowUp(note),
        })
    }
}

/// A manual task.
#[derive(Debug, InputObject)]
pub struct CreateTaskInput {
    /// The team.
    pub team_id: Id,
    /// At most 200 characters.
    pub title: String,
    /// What to do, in more words.
    pub detail: Option<String>,
    /// The role whose work it is.
    pub role: Role,
    /// Omit to give it to the active person of `role` with the fewest open tasks.
    pub assignee_id: Option<Id>,
    /// Default MEDIUM.
    pub priority: Option<Severity>,
    /// Default 18:00 local today.
    pub due_at: Option<DateTime>,
}

impl From<CreateTaskInput> for tasks::NewTask {
    fn from(input: CreateTaskInput) -> Self {
        Self {
            team_id: input.team_id.0,
            title: input.title,
            detail: input.detail,
            role: input.role.into(),
            assignee_id: input.assignee_id.map(|id| id.0),
            priority: input.priority.map(Into::into),
            due_at: input.due_at.map(Into::into),
        }
    }
}

/// What `createTask` made.
#[derive(SimpleObject)]
pub struct CreateTaskPayload {
    /// The new task.
    task: Task,
}

/// The diagnosis whose findings become tasks.
#[derive(InputObject)]
pub struct CreateTasksFromDiagnosisInput {
    /// The diagnosis.
    pub diagnosis_id: Id,
    /// The findings to turn into tasks; omit for every current one that has no task yet.
    pub picks: Option<Vec<FindingPick>>,
}

/// What `createTasksFromDiagnosis` made.
#[derive(SimpleObject)]
pub struct CreateTasksFromDiagnosisPayload {
    /// The new tasks (none when every finding has one already).
    tasks: Vec<Task>,
}

/// A task and its new assignee.
#[derive(InputObject)]
pub struct AssignTaskInput {
    /// The task.
    pub id: Id,
    /// The task's `version` as last read; CONFLICT if it has changed since.
    pub version: i32,
    /// The person to give it to.
    pub assignee_id: Id,
}

/// What `assignTask` changed.
#[derive(SimpleObject)]
pub struct AssignTaskPayload {
    /// The task as changed.
    task: Task,
}

/// The task to edit and its changes: fields left null are unchanged.
#[derive(Debug, InputObject)]
pub struct UpdateTaskInput {
    /// The task.
    pub id: Id,
    /// The task's `version` as last read; CONFLICT if it has changed since.
    pub version: i32,
    /// A new title, at most 200 characters.
    pub title: Option<String>,
    /// A new detail.
    pub detail: Option<String>,
    /// A new priority.
    pub priority: Option<Severity>,
    /// A new due time.
    pub due_at: Option<DateTime>,
}

impl From<UpdateTaskInput> for tasks::TaskChanges {
    fn from(input: UpdateTaskInput) -> Self {
        Self {
            title: input.title,
            detail: input.detail,
            priority: input.priority.map(Into::into),
            due_at: input.due_at.map(Into::into),
        }
    }
}

/// What `updateTask` changed.
#[derive(SimpleObject)]
pub struct UpdateTaskPayload {
    /// The task as changed.
    task: Task,
}

/// A task and the state to move it to.
#[derive(InputObject)]
pub struct MoveTaskInput {
    /// The task.
    pub id: Id,
    /// The task's `version` as last read; CONFLICT if it has changed since.
    pub version: i32,
    /// The new state.
    pub to: TaskStatus,
    /// Why; required for BLOCKED and CANCELLED, at most 4000 characters.
    pub reason: Option<String>,
}

/// What `moveTask` changed.
#[derive(SimpleObject)]
pub struct MoveTaskPayload {
    /// The task as moved.
    task: Task,
}

/// A note on a task.
#[derive(InputObject)]
pub struct AddFollowUpInput {
    /// The task.
    pub task_id: Id,
    /// The note, at most 4000 characters.
    pub body: String,
}

/// What `addFollowUp` added.
#[derive(SimpleObject)]
pub struct AddFollowUpPayload {
    /// The new note.
    follow_up: FollowUp,
}

/// A finding to turn into a task, optionally with the manager's choice of assignee.
#[derive(Debug, InputObject)]
pub struct FindingPick {
    /// A finding of the diagnosis.
    pub finding_id: Id,
    /// Who gets the task; omit for the person the finding names (an agent, a channel's owner),
    /// else the least-loaded active person of the finding's role.
    pub assignee_id: Option<Id>,
}

impl From<FindingPick> for tasks::FindingPick {
    fn from(input: FindingPick) -> Self {
        Self {
            finding_id: input.finding_id.0,
            assignee_id: input.assignee_id.map(|id| id.0),
        }
    }
}

/// Which tasks to list; conditions given are all met.
#[derive(Debug, Default, InputObject)]
pub struct TaskFilter {
    /// Admins may omit it (every team); everyone else gets their own team.
    pub team_id: Option<Id>,
    /// Assigned to this person.
    pub assignee_id: Option<Id>,
    /// Of this role.
    pub role: Option<Role>,
    /// Any of these statuses.
    pub status: Option<Vec<TaskStatus>>,
    /// Due strictly before this time.
    pub due_before: Option<DateTime>,
    /// Past due and still open (true), or not (false).
    pub overdue: Option<bool>,
    /// Made from a finding of this diagnosis.
    pub diagnosis_id: Option<Id>,
}

impl From<TaskFilter> for tasks::TaskFilter {
    fn from(input: TaskFilter) -> Self {
        Self {
            team_id: input.team_id.map(|id| id.0),
            assignee_id: input.assignee_id.map(|id| id.0),
            role: input.role.map(Into::into),
            status: input
                .status
                .map(|s| s.into_iter().map(Into::into).collect()),
            due_before: input.due_before.map(Into::into),
            overdue: input.overdue,
            diagnosis_id: input.diagnosis_id.map(|id| id.0),
        }
    }
}

/// Whether a task made from a finding worked (§6): the finding's metric on the day its task was
/// completed, next to the value that raised it, and whether the rule still fires.
#[Object]
impl Verification {
    /// The finding's §3 metric.
    async fn metric(&self) -> &str {
        &self.metric
    }
    /// The diagnosed day that raised the finding, and its value then.
    async fn raised_on(&self) -> Date {
        Date(self.raised_on)
    }
    /// The metric's value on `raisedOn`, in the metric's unit (yuan for money, a fraction 0..1
    /// for rates); null if that day lacked what it is computed from.
    async fn raised_value(&self) -> Option<Decimal> {
        self.raised_value.map(Into::into)
    }
    /// The day measured (the day the task was completed, or the day after the finding's) and
    /// the metric that day; null until that day's data is imported.
    async fn measured_on(&self) -> Date {
        Date(self.measured_on)
    }
    /// The metric's value on `measuredOn`, in the same unit; null until that day's data is
    /// imported.
    async fn measured_value(&self) -> Option<Decimal> {
        self.measured_value.map(Into::into)
    }
    /// Whether the rule still fires on the measured day (null without that day's data).
    async fn still_firing(&self) -> Option<bool> {
        self.still_firing
    }
}
