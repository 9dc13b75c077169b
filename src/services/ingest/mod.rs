//! Daily data in (§2): batches of shop, product, agent and ad days, design deliverables and
//! competitor snapshots, from GraphQL or CSV. A batch is checked whole before anything is written:
//! one bad row rejects it with every offending row and field listed. Rows whose natural key
//! exists overwrite it; the outcome says how many were inserted and how many updated.

pub mod csv;
mod directory;
pub mod rows;

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QuerySelect,
};

use crate::db;
use crate::entities::{
    AdChannel, ad_day, agent_day, competitor_snapshot, design_deliverable, product_day, shop_day,
};
use crate::error::AppResult;
use crate::services::auth::Actor;
use crate::services::{months, teams};
use crate::validate::Checks;
use directory::Directory;
use rows::{
    AdDayInput, AgentDayInput, CompetitorSnapshotInput, Context, DeliverableInput, ProductDayInput,
    ShopDayInput,
};

/// The kinds of data an import carries (the CLI's `import <kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    ShopDays,
    ProductDays,
    AgentDays,
    AdDays,
    Deliverables,
    Competitors,
}

pub enum Batch {
    ShopDays(Vec<ShopDayInput>),
    ProductDays(Vec<ProductDayInput>),
    AgentDays(Vec<AgentDayInput>),
    AdDays(Vec<AdDayInput>),
    Deliverables(Vec<DeliverableInput>),
    Competitors(Vec<CompetitorSnapshotInput>),
}

impl Batch {
    fn is_empty(&self) -> bool {
        match self {
            Batch::ShopDays(rows) => rows.is_empty(),
            Batch::ProductDays(rows) => rows.is_empty(),
            Batch::AgentDays(rows) => rows.is_empty(),
            Batch::AdDays(rows) => rows.is_empty(),
            Batch::Deliverables(rows) => rows.is_empty(),
            Batch::Competitors(rows) => rows.is_empty(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, async_graphql::SimpleObject)]
pub struct ImportOutcome {
    /// Rows whose key was new.
    pub inserted: u64,
    /// Rows that overwrote an existing key.
    pub updated: u64,
}

/// The team's manager (or an admin) imports its data; all of it or none.
pub async fn import(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    batch: Batch,
) -> AppResult<ImportOutcome> {
    run(db, actor, team_id, batch, true).await
}

/// Everything `import` checks, without keeping anything: for reporting every problem of a file
/// some of whose lines could not even be read.
pub async fn check_only(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    batch: Batch,
) -> AppResult<()> {
    run(db, actor, team_id, batch, false).await.map(drop)
}

async fn run(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    batch: Batch,
    commit: bool,
) -> AppResult<ImportOutcome> {
    actor.ensure_manager_of(team_id)?;
    let team = teams::get_active(db, team_id).await?;
    if batch.is_empty() {
        return Ok(ImportOutcome::default());
    }
    let tx = db::begin_write(db).await?;
    let directory = Directory::load(&tx, team_id).await?;
    let ctx = Context {
        team_id,
        today: teams::today(&team),
        directory: &directory,
    };
    let outcome = match batch {
        Batch::ShopDays(rows) => {
            let rows = check(&ctx, rows, rows::shop_day)?;
            months::ensure_open_dates(&tx, team_id, rows.iter().map(|(d, _)| *d)).await?;
            let (from, to) = date_span(rows.iter().map(|(d, _)| *d));
            let existing = shop_day::Entity::find()
                .select_only()
                .column(shop_day::Column::Date)
                .filter(shop_day::Column::TeamId.eq(team_id))
                .filter(shop_day::Column::Date.between(from, to))
                .into_tuple::<NaiveDate>()
                .all(&tx)
                .await?;
            use shop_day::Column::*;
            upsert::<shop_day::Entity, _>(&tx, rows, existing, &[TeamId, Date]).await?
        }
        Batch::ProductDays(rows) => {
            let rows = check(&ctx, rows, rows::product_day)?;
            months::ensure_open_dates(&tx, team_id, rows.iter().map(|((_, d), _)| *d)).await?;
            let (from, to) = date_span(rows.iter().map(|((_, d), _)| *d));
            let existing = product_day::Entity::find()
                .select_only()
                .columns([product_day::Column::ProductId, product_day::Column::Date])
                .filter(product_day::Column::TeamId.eq(team_id))
                .filter(product_day::Column::Date.between(from, to))
                .into_tuple::<(i64, NaiveDate)>()
                .all(&tx)
                .await?;
            use product_day::Column::*;
            upsert::<product_day::Entity, _>(&tx, rows, existing, &[ProductId, Date]).await?
        }
        Batch::AgentDays(rows) => {
            let rows = check(&ctx, rows, rows::agent_day)?;
            months::ensure_open_dates(&tx, team_id, rows.iter().map(|((_, d), _)| *d)).await?;
            let (from, to) = date_span(rows.iter().map(|((_, d), _)| *d));
            let existing = agent_day::Entity::find()
                .select_only()
                .columns([agent_day::Column::StaffId, agent_day::Column::Date])
                .filter(agent_day::Column::TeamId.eq(team_id))
                .filter(agent_day::Column::Date.between(from, to))
                .into_tuple::<(i64, NaiveDate)>()
                .all(&tx)
                .await?;
            use agent_day::Column::*;
            upsert::<agent_day::Entity, _>(&tx, rows, existing, &[StaffId, Date]).await?
        }
        Batch::AdDays(rows) => {
            let rows = check(&ctx, rows, rows::ad_day)?;
            months::ensure_open_dates(&tx, team_id, rows.iter().map(|((d, _, _), _)| *d)).await?;
            let (from, to) = date_span(rows.iter().map(|((d, _, _), _)| *d));
            let existing = ad_day::Entity::find()
                .select_only()
                .columns([
                    ad_day::Column::Date,
                    ad_day::Column::Channel,
                    ad_day::Column::OwnerId,
                ])
                .filter(ad_day::Column::TeamId.eq(team_id))
                .filter(ad_day::Column::Date.between(from, to))
                .into_tuple::<(NaiveDate, AdChannel, i64)>()
                .all(&tx)
                .await?;
            use ad_day::Column::*;
            upsert::<ad_day::Entity, _>(&tx, rows, existing, &[TeamId, Date, Channel, OwnerId])
                .await?
        }
        Batch::Deliverables(rows) => {
            let rows = check(&ctx, rows, rows::deliverable)?;
            let existing: HashMap<String, Option<NaiveDate>> = design_deliverable::Entity::find()
                .select_only()
                .columns([
                    design_deliverable::Column::Reference,
                    design_deliverable::Column::DeliveredOn,
                ])
                .filter(design_deliverable::Column::TeamId.eq(team_id))
                .into_tuple::<(String, Option<NaiveDate>)>()
                .all(&tx)
                .await?
                .into_iter()
                .collect();
            // A deliverable counts in the month it was delivered (§3 design metrics): both the
            // month it is delivered in now and the one it was delivered in before must be open.
            let delivered = rows.iter().flat_map(|(reference, m)| {
                let now = m.delivered_on.try_as_ref().copied().flatten();
                let before = existing.get(reference).copied().flatten();
                [now, before].into_iter().flatten()
            });
            months::ensure_open_dates(&tx, team_id, delivered).await?;
            use design_deliverable::Column::*;
            upsert::<design_deliverable::Entity, _>(
                &tx,
                rows,
                existing.into_keys().collect(),
                &[TeamId, Reference],
            )
            .await?
        }
        Batch::Competitors(rows) => {
            let rows = check(&ctx, rows, rows::competitor)?;
            months::ensure_open_dates(&tx, team_id, rows.iter().map(|((_, _, d), _)| *d)).await?;
            let (from, to) = date_span(rows.iter().map(|((_, _, d), _)| *d));
            let existing = competitor_snapshot::Entity::find()
                .select_only()
                .columns([
                    competitor_snapshot::Column::Competitor,
                    competitor_snapshot::Column::Item,
                    competitor_snapshot::Column::Date,
                ])
                .filter(competitor_snapshot::Column::TeamId.eq(team_id))
                .filter(competitor_snapshot::Column::Date.between(from, to))
                .into_tuple::<(String, String, NaiveDate)>()
                .all(&tx)
                .await?;
            use competitor_snapshot::Column::*;
            upsert::<competitor_snapshot::Entity, _>(
                &tx,
                rows,
                existing,
                &[TeamId, Competitor, Item, Date],
            )
            .await?
        }
    };
    if outcome != ImportOutcome::default() {
        teams::bump_data_version(&tx, team_id).await?;
    }
    if commit {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(outcome)
}

/// Runs `check_row` over every row, numbering them from 1, and refuses the batch if any row (or a
/// repeated key) is wrong.
fn check<I, K: Hash + Eq + Clone, M>(
    ctx: &Context,
    rows: Vec<I>,
    check_row: fn(&mut Checks, &Context, I) -> (K, M),
) -> AppResult<Vec<(K, M)>> {
    let mut checks = Checks::default();
    let mut seen: HashMap<K, usize> = HashMap::with_capacity(rows.len());
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        checks.at_row(i + 1);
        let problems = checks.problems();
        let (key, model) = check_row(&mut checks, ctx, row);
        let first = *seen.entry(key.clone()).or_insert(i + 1);
        // Only a row that is otherwise valid is blamed for a repeat: a failed one may carry a
        // placeholder key (an unknown person is 0), which no valid row can have.
        if first != i + 1 && checks.problems() == problems {
            checks.fail("key", format!("repeats the key of row {first}"));
        }
        out.push((key, model));
    }
    checks.finish()?;
    Ok(out)
}

fn date_span(dates: impl Iterator<Item = NaiveDate>) -> (NaiveDate, NaiveDate) {
    dates.fold((NaiveDate::MAX, NaiveDate::MIN), |(lo, hi), d| {
        (Ord::min(lo, d), Ord::max(hi, d))
    })
}

/// Inserts the rows, overwriting those whose `key` columns match an existing row.
async fn upsert<E, K>(
    tx: &DatabaseTransaction,
    rows: Vec<(K, E::ActiveModel)>,
    existing: Vec<K>,
    key_columns: &[E::Column],
) -> AppResult<ImportOutcome>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    K: Hash + Eq,
{
    let existing: HashSet<K> = existing.into_iter().collect();
    let updated = rows.iter().filter(|(k, _)| existing.contains(k)).count() as u64;
    let outcome = ImportOutcome {
        inserted: rows.len() as u64 - updated,
        updated,
    };
    let models = rows.into_iter().map(|(_, m)| m).collect();
    crate::db::insert_chunks::<E>(tx, models, key_columns).await?;
    Ok(outcome)
}
