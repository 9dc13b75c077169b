//! Daily data in (§2): shop, product, agent and ad days, design deliverables and competitor
//! snapshots, from GraphQL or from files. An import is all or nothing: one bad row rejects it
//! with every offending row and field listed. Rows whose natural key exists overwrite it; the
//! outcome says how many were inserted and how many updated.
//!
//! An [`Import`] takes its rows one at a time, so that a file of any size streams through it:
//! rows are checked as they come and written in chunks inside one transaction, which is rolled
//! back if any row (or a repeated key, or a finalized month) turns out wrong.

mod directory;
pub mod history;
mod kind;
pub mod rows;
mod tally;
mod writer;

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use sea_orm::DatabaseConnection;

use crate::db;
use crate::error::{AppError, AppResult};
use crate::period::Month;
use crate::services::auth::Actor;
use crate::services::{months, teams};
use crate::validate::{Checks, MAX_LISTED};
use directory::Directory;
pub use history::{FileFacts, ImportOutcome, Report, Source, Warnings};
use kind::Context;
pub use kind::{Kind, Row};
pub use tally::Tally;
use writer::{Rows, Writer};

/// The team's manager (or an admin) imports its data; all of it or none. Rows are numbered
/// from 1 in the problems.
pub async fn import<R: Row>(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    rows: Vec<R>,
) -> AppResult<ImportOutcome> {
    let mut import = Import::begin(db, actor, team_id, "row").await?;
    for (i, row) in rows.into_iter().enumerate() {
        import.push(i + 1, row).await?;
    }
    let report = import.finish(Source::batch(), Warnings::default()).await?;
    Ok(report.outcome)
}

/// Rows checked and handed to the writer at a time while the import has no problem.
const CHUNK: usize = 5000;
/// Beyond this many rows, an import none of whose rows names a person or product of the team is
/// refused with one message instead of one per row.
const ONE_LINE_OVER: usize = 10;

/// One import in progress: [`push`](Self::push) each row with its number (a batch's position or
/// a file's line), then [`finish`](Self::finish).
pub struct Import<R: Row> {
    /// Holds the transaction until the end.
    writer: Writer<R>,
    team_id: i64,
    /// Who is recorded as importing ([`Actor::recorded_id`]).
    actor_id: Option<i64>,
    today: NaiveDate,
    directory: Directory,
    /// What a row's number counts, for messages: "row" or "line".
    unit: &'static str,
    checks: Checks,
    /// The number of the row each key was first seen in.
    seen: HashMap<R::Key, usize>,
    /// Checked rows not sent to the writer yet.
    pending: Rows<R>,
    /// The months the rows count in.
    months: BTreeSet<Month>,
    /// Rows pushed, and those among them that named someone or something the team lacks.
    rows: usize,
    strangers: usize,
}

impl<R: Row> Import<R> {
    /// Checks the caller (§9: the team's manager or an admin) and that the team is active, and
    /// starts the transaction.
    pub async fn begin(
        db: &DatabaseConnection,
        actor: &Actor,
        team_id: i64,
        unit: &'static str,
    ) -> AppResult<Self> {
        actor.ensure_manager_of(team_id)?;
        let team = teams::get_active(db, team_id).await?;
        let tx = db::begin_write(db).await?;
        // Taken first, so that a finalization waits for the whole import (see `months`).
        months::lock_team(&tx, team_id).await?;
        let directory = Directory::load(&tx, team_id).await?;
        Ok(Self {
            writer: Writer::start(tx, team_id),
            team_id,
            actor_id: actor.recorded_id(),
            today: teams::today(&team),
            directory,
            unit,
            checks: Checks::listing_at_most(MAX_LISTED),
            seen: HashMap::new(),
            pending: Vec::new(),
            months: BTreeSet::new(),
            rows: 0,
            strangers: 0,
        })
    }

    /// Notes a problem of row `at` found before it could become a row (a file's unreadable
    /// cell, say).
    pub fn fail(&mut self, at: usize, field: &str, message: impl Into<String>) {
        self.checks.at_row(at);
        self.checks.fail(field, message);
    }

    /// Checks row `at`. Once anything is wrong, rows are only checked, so that one run lists
    /// every problem.
    pub async fn push(&mut self, at: usize, row: R) -> AppResult<()> {
        self.checks.at_row(at);
        let problems = self.checks.problems();
        let ctx = Context {
            team_id: self.team_id,
            today: self.today,
            directory: &self.directory,
        };
        let misses = self.directory.misses();
        let (key, model) = row.check(&mut self.checks, &ctx);
        self.rows += 1;
        if self.directory.misses() > misses {
            self.strangers += 1;
        }
        let first = *self.seen.entry(key.clone()).or_insert(at);
        // Only a row that is otherwise valid is blamed for a repeat: a failed one may carry a
        // placeholder key (an unknown person is 0), which no valid row can have.
        if first != at && self.checks.problems() == problems {
            let message = format!("repeats the key of {} {first}", self.unit);
            self.checks.fail("key", message);
        }
        if self.checks.problems() > 0 {
            self.pending.clear();
            return Ok(());
        }
        self.months.extend(R::day(&key, &model).map(Month::of));
        self.pending.push((key, model));
        if self.pending.len() >= CHUNK {
            self.writer.send(std::mem::take(&mut self.pending)).await;
        }
        Ok(())
    }

    /// Commits the import with its record in the history, or rolls it back and lists every
    /// problem found (`BAD_USER_INPUT`) or names the finalized month (`CONFLICT`).
    pub async fn finish(self, source: Source, warnings: Warnings) -> AppResult<Report> {
        self.end(source, Some(warnings)).await
    }

    /// Everything [`finish`](Self::finish) checks and counts, the writes included, then rolled
    /// back: what the import would do, with nothing kept.
    pub async fn dry_run(self, source: Source) -> AppResult<Report> {
        self.end(source, None).await
    }

    /// Commits with `warnings` recorded, or (None) rolls back.
    async fn end(mut self, source: Source, keep: Option<Warnings>) -> AppResult<Report> {
        if self.checks.problems() == 0 && !self.pending.is_empty() {
            self.writer.send(std::mem::take(&mut self.pending)).await;
        }
        let Self {
            writer,
            team_id,
            actor_id,
            checks,
            mut months,
            rows,
            strangers,
            ..
        } = self;
        let (tx, written) = writer.finish().await?;
        let written = match written {
            Ok(written) => written,
            Err(e) => {
                tx.rollback().await?;
                return Err(e);
            }
        };
        let outcome = written.outcome;
        months.extend(written.months);
        if let Err(problems) = checks.finish() {
            tx.rollback().await?;
            return Err(match problems {
                // One line rather than one per row, when the rows are another team's.
                AppError::Invalid(list) if strangers == rows && rows > ONE_LINE_OVER => {
                    let first = list.first().map(|p| p.message.as_str()).unwrap_or_default();
                    AppError::invalid(
                        "team",
                        format!(
                            "none of the {rows} rows names a person or product of team \
                             {team_id} (the first: {first}): is it the right team?"
                        ),
                    )
                }
                other => other,
            });
        }
        months::ensure_open_months(&tx, team_id, months).await?;
        let previous = history::previous(&tx, team_id, &source).await?;
        let mut report = Report {
            outcome,
            rows,
            record: None,
            previous,
        };
        let Some(warnings) = keep else {
            tx.rollback().await?;
            return Ok(report);
        };
        if outcome != ImportOutcome::default() {
            teams::bump_data_version(&tx, team_id).await?;
        }
        let done = history::Done {
            team_id,
            kind: R::KIND,
            actor_id,
            rows,
            outcome,
        };
        report.record = Some(history::record(&tx, done, source, warnings).await?);
        tx.commit().await?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind's row type says it is that kind, and each name is one kind's.
    #[test]
    fn kinds_and_rows_agree() {
        let rows = [
            rows::ShopDay::KIND,
            rows::ProductDay::KIND,
            rows::AgentDay::KIND,
            rows::AdDay::KIND,
            rows::Deliverable::KIND,
            rows::CompetitorSnapshot::KIND,
        ];
        assert_eq!(Kind::all().collect::<Vec<_>>(), rows);
        for kind in Kind::all() {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
        }
    }
}
