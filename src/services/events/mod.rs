//! Live task events (created, assigned, status changed, follow-up added) for the
//! `taskEvents` subscription.
//!
//! The task service publishes after its transaction committed. On PostgreSQL every event goes
//! through `NOTIFY`, and each `serve` process on the database (the publishing one included)
//! hears it on its own `LISTEN` connection, so subscribers see the events of every process. On
//! SQLite there is only ever one process, and an in-process channel carries them.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sqlx::{self, postgres::PgListener};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use crate::entities::TaskStatus;
use crate::services::auth::Actor;

/// The PostgreSQL notification channel shared by every process on the database.
const CHANNEL: &str = "shopops_task_events";
/// Events a slow subscriber may fall behind by before it starts missing some.
const CAPACITY: usize = 1024;
const MIN_BACKOFF: Duration = Duration::from_millis(200);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskEventKind {
    /// A task was made, by hand or from a finding.
    Created,
    /// The task was given to someone, or to someone else.
    Assigned,
    /// The task moved to another status.
    StatusChanged,
    /// Someone added a follow-up note.
    FollowUpAdded,
}

/// Something that happened to a task, as subscribers see it. Also the JSON payload of the
/// PostgreSQL notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskEvent {
    pub kind: TaskEventKind,
    pub team_id: i64,
    pub task_id: i64,
    /// The task's status after the change.
    pub status: TaskStatus,
    pub assignee_id: Option<i64>,
    /// Set on reassignment: who had it before.
    pub previous_assignee_id: Option<i64>,
    pub actor_id: i64,
    pub at: DateTime<Utc>,
}

impl TaskEvent {
    /// §9: the team's managers (and admins) see every task of the team; staff see their own
    /// tasks, including one just taken away from them.
    pub fn visible_to(&self, actor: &Actor) -> bool {
        actor.manages(self.team_id)
            || self.assignee_id == Some(actor.id)
            || self.previous_assignee_id == Some(actor.id)
    }
}

/// Carries task events from the task service to subscribers. Cheap to clone.
#[derive(Clone)]
pub struct EventBus {
    local: broadcast::Sender<TaskEvent>,
    /// PostgreSQL: publish with `NOTIFY`; the listener feeds `local`.
    notify: bool,
}

impl EventBus {
    /// On PostgreSQL, starts listening (on a connection of the pool, held for good) before it
    /// returns, so no event published after this is missed; a lost connection is re-established
    /// with backoff. On SQLite, just the in-process channel.
    pub async fn start(db: &DatabaseConnection) -> anyhow::Result<Self> {
        let (local, _) = broadcast::channel(CAPACITY);
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(Self {
                local,
                notify: false,
            });
        }
        let pool = db.get_postgres_connection_pool().clone();
        let listener = listen(&pool).await?;
        tokio::spawn(forward(pool, listener, local.clone()));
        Ok(Self {
            local,
            notify: true,
        })
    }

    /// Call after the transaction that made the changes committed. Never fails the caller: a
    /// lost event is logged, and the change itself stands.
    pub async fn publish(&self, db: &DatabaseConnection, events: Vec<TaskEvent>) {
        for event in events {
            if !self.notify {
                // No subscriber is not an error.
                let _ = self.local.send(event);
                continue;
            }
            let payload = match serde_json::to_string(&event) {
                Ok(p) => p,
                Err(e) => {
                    tracing::error!(error = %e, ?event, "cannot encode a task event");
                    continue;
                }
            };
            let notify = Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), payload.into()],
            );
            if let Err(e) = db.execute_raw(notify).await {
                tracing::error!(error = %e, ?event, "cannot publish a task event");
            }
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<TaskEvent> {
        self.local.subscribe()
    }
}

async fn listen(pool: &sqlx::PgPool) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Hands every notification to the local subscribers until the pool is closed.
async fn forward(
    pool: sqlx::PgPool,
    mut listener: PgListener,
    local: broadcast::Sender<TaskEvent>,
) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => match serde_json::from_str(notification.payload()) {
                Ok(event) => {
                    let _ = local.send(event);
                }
                Err(e) => tracing::warn!(
                    error = %e,
                    payload = notification.payload(),
                    "ignoring a malformed task event notification"
                ),
            },
            // PgListener reconnected by itself; what was sent meanwhile is gone.
            Ok(None) => tracing::warn!(
                "task event listener lost its connection; events published meanwhile were missed"
            ),
            Err(sqlx::Error::PoolClosed) => break,
            Err(e) => {
                tracing::error!(error = %e, "task event listener failed; reconnecting");
                // A fresh listener rather than the failed one: its state is unknown.
                drop(listener);
                match reconnect(&pool).await {
                    Some(l) => listener = l,
                    None => break,
                }
            }
        }
    }
    tracing::info!("task event listener stopped: the database pool was closed");
}

/// Retries with exponential backoff until listening again, or `None` once the pool is closed.
async fn reconnect(pool: &sqlx::PgPool) -> Option<PgListener> {
    let mut backoff = MIN_BACKOFF;
    loop {
        tokio::time::sleep(backoff).await;
        if pool.is_closed() {
            return None;
        }
        match listen(pool).await {
            Ok(listener) => {
                tracing::info!("task event listener reconnected");
                return Some(listener);
            }
            Err(sqlx::Error::PoolClosed) => return None,
            Err(e) => {
                backoff = (backoff * 2).min(MAX_BACKOFF);
                tracing::error!(error = %e, retry_in = ?backoff, "task event listener cannot reconnect");
            }
        }
    }
}
