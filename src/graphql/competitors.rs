use crate::graphql::scalars::Decimal;
use async_graphql::{Context, Object};

use crate::entities::competitor_snapshot;
use crate::error::AppResult;
use crate::graphql::enums::CompetitorPromotion;
use crate::graphql::{
    context::{actor, db, team},
    id::Id,
    relay::{KeyConnection, key_connection, keyset_request},
};
use crate::money;
use crate::period::Date;
use crate::services::competitors::{MAX_TRACKED, SnapshotFilter, SnapshotKey};

pub struct CompetitorSnapshot(pub competitor_snapshot::Model);

/// One day's observation of an item a competitor sells (竞品): what it cost and how it sold.
#[Object]
impl CompetitorSnapshot {
    /// The snapshot's own id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The competing shop (竞店), as imported.
    async fn competitor(&self) -> &str {
        &self.0.competitor
    }
    /// The competitor's item, as imported.
    async fn item(&self) -> &str {
        &self.0.item
    }
    /// The day observed, the team's local day.
    async fn date(&self) -> Date {
        self.0.date.into()
    }
    /// The item's price that day, in yuan.
    async fn price(&self) -> Decimal {
        money::from_fen(self.0.price_fen).into()
    }
    /// Estimated monthly sales (月销量), in units; 0 when the export had none.
    async fn est_monthly_sales(&self) -> i64 {
        self.0.est_monthly_sales
    }
    /// The promotion running that day (NONE when none).
    async fn promotion(&self) -> CompetitorPromotion {
        self.0.promotion.into()
    }
    /// The item's search keywords (关键词), if the export had any.
    async fn keywords(&self) -> Option<&str> {
        self.0.keywords.as_deref()
    }
}

pub struct CompetitorItem(pub competitor_snapshot::Model);

/// An item the team tracks at a competitor, with its most recent snapshot.
#[Object]
impl CompetitorItem {
    /// The competing shop (竞店).
    async fn competitor(&self) -> &str {
        &self.0.competitor
    }
    /// The competitor's item.
    async fn item(&self) -> &str {
        &self.0.item
    }
    /// The item's snapshot of the latest day imported: its date and price (yuan) are the last
    /// known.
    async fn latest(&self) -> CompetitorSnapshot {
        CompetitorSnapshot(self.0.clone())
    }
}

#[derive(Default)]
pub struct CompetitorQuery;

#[Object]
impl CompetitorQuery {
    /// The team's competitor snapshots ordered by competitor, item and date (oldest first): each
    /// item's price history in turn. Every member of the team (managers and staff).
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    // Filters and Relay paging are all arguments of the field.
    #[allow(clippy::too_many_arguments)]
    async fn competitor_snapshots(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team (shop) whose imports to read.")] team_id: Id,
        #[graphql(desc = "Only this competing shop (exact name, as imported).")] competitor: Option<
            String,
        >,
        #[graphql(desc = "Only this item (exact name, as imported).")] item: Option<String>,
        #[graphql(desc = "Only snapshots of this day or later (the team's local day).")]
        from: Option<Date>,
        #[graphql(
            desc = "Only snapshots of this day or earlier (the team's local day); not before `from`."
        )]
        to: Option<Date>,
        #[graphql(desc = "Page size, 1 to 100.", default = 20)] first: i32,
        #[graphql(desc = "The cursor of the last edge of the previous page.")] after: Option<
            String,
        >,
    ) -> AppResult<KeyConnection<SnapshotKey, CompetitorSnapshot>> {
        let after_given = after.is_some();
        let page = keyset_request(first, after)?;
        let team = team(ctx, team_id.0).await?;
        let filter = SnapshotFilter {
            competitor,
            item,
            from: from.map(Into::into),
            to: to.map(Into::into),
        };
        let found =
            crate::services::competitors::snapshots(db(ctx), actor(ctx)?, &team, filter, page)
                .await?;
        Ok(key_connection(
            found,
            after_given,
            crate::services::competitors::key,
            CompetitorSnapshot,
        ))
    }

    /// The items the team tracks at competitors, by competitor and item, each with its latest
    /// snapshot: at most 100 (the first in that order; narrow with `competitor` for the rest).
    /// Every member of the team.
    #[graphql(complexity = "crate::graphql::cost::rows(MAX_TRACKED as usize, child_complexity)")]
    async fn competitors(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team (shop) whose imports to read.")] team_id: Id,
        #[graphql(desc = "Only this competing shop's items (exact name, as imported).")]
        competitor: Option<String>,
    ) -> AppResult<Vec<CompetitorItem>> {
        let team = team(ctx, team_id.0).await?;
        let items =
            crate::services::competitors::tracked(db(ctx), actor(ctx)?, &team, competitor).await?;
        Ok(items.into_iter().map(CompetitorItem).collect())
    }
}
