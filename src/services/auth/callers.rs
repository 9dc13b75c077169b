//! Reading the callers of concurrent requests together. Every request's token is checked against
//! its owner's row as it is *now* (a deactivation, a password reset or a team closed takes effect
//! at once, whichever process made it), so a cache would break that; instead, requests that
//! arrive while a read is under way wait for the next one, which reads them all in one query.
//!
//! A request only ever joins a read that has not started yet, so what it sees was read after it
//! arrived: a change committed before that is never missed. At one request at a time this is the
//! plain read; under load, one query serves as many requests as arrived during the last one.
//! (A DataLoader batches by waiting a delay; here nothing waits but for the query in flight.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tokio::sync::oneshot;

use crate::entities::{staff, team};
use crate::error::{AppError, AppResult};

/// A caller's row and their team's, as one read found them; None if the person is not there.
pub type Found = Option<(staff::Model, Option<team::Model>)>;

type Reply = oneshot::Sender<AppResult<Found>>;

/// One per app; cheap to share.
pub struct Callers {
    db: DatabaseConnection,
    queue: Arc<Mutex<Queue>>,
}

#[derive(Default)]
struct Queue {
    /// Those waiting for the next read, by staff id.
    waiting: HashMap<i64, Vec<Reply>>,
    /// Whether a read is under way (its task reads again while anyone is waiting).
    reading: bool,
}

impl Callers {
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            queue: Arc::default(),
        }
    }

    /// The person `staff_id` and their team, read after this call began.
    pub async fn read(&self, staff_id: i64) -> AppResult<Found> {
        let (reply, answer) = oneshot::channel();
        let start = {
            let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
            queue.waiting.entry(staff_id).or_default().push(reply);
            !std::mem::replace(&mut queue.reading, true)
        };
        if start {
            // A task of its own, so that no request's answer waits for others' reads and a
            // request that goes away (its client gone) does not strand those waiting on it.
            tokio::spawn(read_while_waiting(self.db.clone(), self.queue.clone()));
        }
        answer
            .await
            .map_err(|_| AppError::internal(anyhow::anyhow!("the caller read was dropped")))?
    }
}

/// Should a read panic (or the task be dropped mid-read), those waiting are told (their replies
/// dropped) and the next request starts a read again, rather than every later request waiting
/// for good. A task's panic is caught by the runtime before the task is dropped, so it is the
/// missing `finished` that tells, not `std::thread::panicking`.
struct Reading<'a> {
    queue: &'a Mutex<Queue>,
    finished: bool,
}

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        if !self.finished {
            let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
            queue.waiting.clear();
            queue.reading = false;
        }
    }
}

async fn read_while_waiting(db: DatabaseConnection, queue: Arc<Mutex<Queue>>) {
    let mut reading = Reading {
        queue: &queue,
        finished: false,
    };
    loop {
        let waiting = {
            let mut queue = queue.lock().unwrap_or_else(|e| e.into_inner());
            if queue.waiting.is_empty() {
                queue.reading = false;
                reading.finished = true;
                return;
            }
            std::mem::take(&mut queue.waiting)
        };
        let ids: Vec<i64> = waiting.keys().copied().collect();
        let read = staff::Entity::find()
            .filter(staff::Column::Id.is_in(ids))
            .find_also_related(team::Entity)
            .all(&db)
            .await;
        match read {
            Ok(rows) => {
                let mut rows: HashMap<i64, _> = rows.into_iter().map(|r| (r.0.id, r)).collect();
                for (id, replies) in waiting {
                    let found = rows.remove(&id);
                    for reply in replies {
                        let _ = reply.send(Ok(found.clone()));
                    }
                }
            }
            Err(e) => {
                let error = AppError::from(e);
                for reply in waiting.into_values().flatten() {
                    let _ = reply.send(Err(error.clone()));
                }
            }
        }
    }
}
