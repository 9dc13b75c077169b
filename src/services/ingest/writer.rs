//! The writing half of an import, in two tasks of its own: checked rows are turned into
//! statements by one, which the other runs in the import's transaction, while the next rows are
//! read and checked. A file's parsing, the statements' building and the database's work overlap
//! (on other cores, or on the database server): which of them is slowest depends on the file
//! (an `.xlsx` sheet's XML, say) and the database, and neither waits for the others.

use std::collections::BTreeSet;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, QueryFilter,
    QuerySelect, Statement,
};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::history::ImportOutcome;
use super::kind::{Model, Row};
use crate::db;
use crate::error::{AppError, AppResult};
use crate::period::Month;

/// Checked rows, written together: their keys, and the statements that write them.
pub(super) struct Chunk<R: Row> {
    keys: Vec<R::Key>,
    statements: Vec<Statement>,
}

/// Checked rows with their keys, as the import hands them over.
pub(super) type Rows<R> = Vec<(<R as Row>::Key, Model<R>)>;

impl<R: Row> Chunk<R> {
    /// `rows`' statements for `backend`, in the order of their keys: an export lists a day's
    /// people or products one after another, and rows sorted like the unique index write each
    /// one's days together instead of touching every one's index page for every day.
    fn of(backend: DbBackend, mut rows: Rows<R>) -> AppResult<Self> {
        rows.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        let (keys, models) = rows.into_iter().unzip();
        // A stored row's team is its key's (a person's, a product's, or the key itself).
        let statements =
            db::insert_statements::<R::Entity>(backend, models, R::KEY_COLUMNS, &[R::TEAM_COLUMN])?;
        Ok(Self { keys, statements })
    }
}

/// What the writer did: the rows inserted and updated, and the months of the stored rows it
/// overwrote (which must be open too).
#[derive(Default)]
pub(super) struct Written {
    pub outcome: ImportOutcome,
    pub months: BTreeSet<Month>,
}

type Done = (DatabaseTransaction, AppResult<Written>);

/// The writer's tally so far.
#[derive(Default)]
struct Writes {
    rows: u64,
    months: BTreeSet<Month>,
}

pub(super) struct Writer<R: Row> {
    /// None once the writer has stopped on a failure.
    rows: Option<mpsc::Sender<Rows<R>>>,
    builder: JoinHandle<()>,
    task: JoinHandle<Done>,
}

impl<R: Row> Writer<R> {
    /// Takes the transaction until [`finish`](Self::finish).
    pub fn start(tx: DatabaseTransaction, team_id: i64) -> Self {
        let backend = tx.get_database_backend();
        // One chunk of rows and one of statements wait while one is written, so that at most
        // four (the one being filled too) are held.
        let (rows, mut checked) = mpsc::channel::<Rows<R>>(1);
        let (chunks, mut queued) = mpsc::channel::<AppResult<Chunk<R>>>(1);
        let builder = tokio::spawn(async move {
            while let Some(rows) = checked.recv().await {
                if chunks.send(Chunk::of(backend, rows)).await.is_err() {
                    break;
                }
            }
        });
        let task = tokio::spawn(async move {
            let written = async {
                // No row is deleted, and the team's lock keeps out every other import: the
                // rows inserted are those the team has gained.
                let before = count::<R>(&tx, team_id).await?;
                let mut written = Writes::default();
                while let Some(chunk) = queued.recv().await {
                    write::<R>(&tx, team_id, chunk?, &mut written).await?;
                }
                let inserted = count::<R>(&tx, team_id).await? - before;
                let outcome = ImportOutcome {
                    inserted,
                    updated: written.rows - inserted,
                };
                Ok(Written {
                    outcome,
                    months: written.months,
                })
            }
            .await;
            (tx, written)
        });
        Self {
            rows: Some(rows),
            builder,
            task,
        }
    }

    /// Queues `rows`, waiting while some are queued already. Once a write has failed, they are
    /// dropped: [`finish`](Self::finish) says why.
    pub async fn send(&mut self, rows: Rows<R>) {
        if let Some(queue) = &self.rows
            && queue.send(rows).await.is_err()
        {
            self.rows = None;
        }
    }

    /// Waits until every queued chunk is written: the transaction back, and what was written
    /// or the first failure.
    pub async fn finish(self) -> AppResult<Done> {
        drop(self.rows);
        let done = self.task.await.map_err(AppError::internal)?;
        // A builder that panicked ended the writer's queue early: nothing of it is kept.
        self.builder.await.map_err(AppError::internal)?;
        Ok(done)
    }
}

/// The team's stored rows of the kind.
async fn count<R: Row>(tx: &DatabaseTransaction, team_id: i64) -> AppResult<u64> {
    let n: Option<i64> = R::Entity::find()
        .select_only()
        .expr(Expr::col(R::TEAM_COLUMN).count())
        .filter(R::TEAM_COLUMN.eq(team_id))
        .into_tuple()
        .one(tx)
        .await?;
    Ok(n.unwrap_or(0) as u64)
}

async fn write<R: Row>(
    tx: &DatabaseTransaction,
    team_id: i64,
    chunk: Chunk<R>,
    written: &mut Writes,
) -> AppResult<()> {
    let days = R::overwritten_days(tx, team_id, &chunk.keys).await?;
    written.months.extend(days.into_iter().map(Month::of));
    written.rows += chunk.keys.len() as u64;
    db::execute_all(tx, chunk.statements).await?;
    Ok(())
}
