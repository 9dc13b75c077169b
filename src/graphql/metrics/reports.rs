//! The ad, design and product reports.

use crate::graphql::scalars::Decimal;
use async_graphql::{Context, Object, SimpleObject};
use sea_orm::Iterable;

use crate::error::AppResult;
use crate::graphql::enums::{AdChannel, Metric};
use crate::graphql::products::Product;
use crate::graphql::staff::Staff;
use crate::graphql::{
    context::{actor, db, loaders, team},
    cost,
    id::Id,
    loaders::load_error,
    relay::{OffsetConnection, offset_page},
};
use crate::money::from_fen;
use crate::period::Date;
use crate::services::catalogue::Sums;
use crate::services::metrics::reports::{self, AdTotals, DesignTotals, ProductRow};

pub struct AdMetrics(pub AdTotals);

/// Paid traffic numbers (§3 ads).
#[Object]
impl AdMetrics {
    /// 展现量; null when a day of the range was imported without it.
    async fn impressions(&self) -> Option<i64> {
        self.0.impressions
    }
    /// 点击量
    async fn clicks(&self) -> i64 {
        self.0.clicks
    }
    /// 花费, yuan (for TAOBAOKE the commission).
    async fn spend(&self) -> Decimal {
        from_fen(self.0.spend_fen).into()
    }
    /// 成交笔数: orders attributed to the ads.
    async fn attributed_orders(&self) -> i64 {
        self.0.attributed_orders
    }
    /// 成交金额: amount attributed to the ads, yuan.
    async fn attributed_amount(&self) -> Decimal {
        from_fen(self.0.attributed_amount_fen).into()
    }
    /// Clicks / impressions, a fraction; null without impressions.
    async fn ctr(&self) -> Option<f64> {
        self.0.float(Metric::Ctr.into())
    }
    /// PPC = spend / clicks, yuan; null without clicks.
    async fn cpc(&self) -> Option<Decimal> {
        self.0.rounded(Metric::Cpc.into()).map(Into::into)
    }
    /// Attributed orders / clicks, a fraction; null without clicks.
    async fn cvr(&self) -> Option<f64> {
        self.0.float(Metric::Cvr.into())
    }
    /// 投入产出比 = attributed amount / spend (a multiple); null without spend.
    async fn roi(&self) -> Option<f64> {
        self.0.float(Metric::Roi.into())
    }
}

/// One ad channel's numbers over the range.
#[derive(SimpleObject)]
pub struct AdChannelRow {
    /// The channel.
    pub channel: AdChannel,
    /// Its numbers over the range.
    pub metrics: AdMetrics,
}

pub struct AdOwnerRow {
    owner_id: i64,
    totals: AdTotals,
}

/// One ad owner's numbers over the range, all channels together.
#[Object]
impl AdOwnerRow {
    /// The person who owns the ads.
    async fn owner_id(&self) -> Id {
        Id(self.owner_id)
    }
    /// That person; null if no longer found.
    async fn owner(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let found = loaders(ctx)
            .staff
            .load_one(self.owner_id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Staff))
    }
    /// Their numbers over the range.
    async fn metrics(&self) -> AdMetrics {
        AdMetrics(self.totals.clone())
    }
}

/// Paid traffic over a range.
#[derive(SimpleObject)]
pub struct AdReport {
    /// All channels and owners together.
    pub total: AdMetrics,
    /// Bounded: at most one per ad channel (7).
    #[graphql(
        complexity = "cost::rows(crate::entities::AdChannel::iter().count(), child_complexity)"
    )]
    pub by_channel: Vec<AdChannelRow>,
    /// Managers see every owner; staff only themselves. Bounded: at most one per person of the
    /// team.
    #[graphql(complexity = "cost::rows(cost::TEAM_PEOPLE, child_complexity)")]
    pub by_owner: Vec<AdOwnerRow>,
}

pub struct DesignerRow(DesignTotals);

/// One designer's work over the range.
#[Object]
impl DesignerRow {
    /// The designer.
    async fn designer_id(&self) -> Id {
        Id(self.0.designer_id)
    }
    /// That person; null if no longer found.
    async fn designer(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let found = loaders(ctx)
            .staff
            .load_one(self.0.designer_id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Staff))
    }
    /// Delivered within the range.
    async fn delivered(&self) -> i64 {
        self.0.delivered
    }
    /// Of those, delivered on or before their due date.
    async fn on_time(&self) -> i64 {
        self.0.on_time
    }
    /// 准时交付率 = on time / delivered, a fraction; null when nothing was delivered.
    async fn on_time_rate(&self) -> Option<f64> {
        self.0.float(Metric::OnTimeRate.into())
    }
    /// Revisions of the delivered pieces.
    async fn revisions(&self) -> i64 {
        self.0.revisions
    }
    /// Revisions / delivered pieces; null when nothing was delivered.
    async fn avg_revisions(&self) -> Option<f64> {
        self.0.float(Metric::AvgRevisions.into())
    }
    /// Requested and not delivered at the end of the range.
    async fn open(&self) -> i64 {
        self.0.open
    }
    /// Open and past due at the end of the range.
    async fn overdue(&self) -> i64 {
        self.0.overdue
    }
}

pub struct ProductReportRow(ProductRow);

/// One product's numbers over the range.
#[Object]
impl ProductReportRow {
    /// The product.
    async fn product(&self) -> Product {
        Product(self.0.product.clone())
    }
    /// 访客数, summed over the days of the range.
    async fn visitors(&self) -> i64 {
        self.0.totals.visitors
    }
    /// 支付买家数, summed over the days of the range.
    async fn paid_buyers(&self) -> i64 {
        self.0.totals.paid_buyers
    }
    /// 支付件数, summed over the days of the range.
    async fn paid_units(&self) -> i64 {
        self.0.totals.paid_units
    }
    /// 支付金额 over the range, yuan.
    async fn paid_amount(&self) -> Decimal {
        from_fen(self.0.totals.paid_amount_fen).into()
    }
    /// 收藏加购人数, summed over the days of the range.
    async fn fav_cart_buyers(&self) -> i64 {
        self.0.totals.fav_cart_buyers
    }
    /// Paid buyers / visitors, a fraction; null without visitors.
    async fn conversion_rate(&self) -> Option<f64> {
        self.0.totals.float(Metric::ConversionRate.into())
    }
    /// 中差评 in the range.
    async fn bad_reviews(&self) -> i64 {
        self.0.totals.bad_reviews
    }
    /// Stock on the latest day of the range's last week that reported it.
    async fn stock(&self) -> Option<i64> {
        self.0.stock
    }
    /// Mean units sold per day over the range's last 7 days (days with data).
    async fn recent_daily_units(&self) -> Option<f64> {
        self.0.recent_daily_units
    }
    /// Stock / recent daily units: days until sold out at the recent pace.
    async fn stock_cover_days(&self) -> Option<f64> {
        self.0.stock_cover_days()
    }
}

#[derive(Default)]
pub struct ReportsQuery;

#[Object]
impl ReportsQuery {
    /// Paid traffic by channel and by owner (§3 ads). Every member of the team; of the owners,
    /// managers see everyone, staff themselves.
    async fn ad_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose numbers are read.")] team_id: Id,
        #[graphql(desc = "The range's first day (the team's local day).")] from: Date,
        #[graphql(desc = "The range's last day, inclusive.")] to: Date,
    ) -> AppResult<AdReport> {
        let team = team(ctx, team_id.0).await?;
        let r = reports::ad_report_seen_by(db(ctx), actor(ctx)?, team.id, from.0, to.0).await?;
        Ok(AdReport {
            total: AdMetrics(r.total),
            by_channel: r
                .by_channel
                .into_iter()
                .map(|(channel, t)| AdChannelRow {
                    channel: channel.into(),
                    metrics: AdMetrics(t),
                })
                .collect(),
            by_owner: r
                .by_owner
                .into_iter()
                .map(|(owner_id, totals)| AdOwnerRow { owner_id, totals })
                .collect(),
        })
    }

    /// Design work per designer: delivered, on time, revisions, open. Managers see everyone;
    /// staff themselves. Bounded: at most one per person of the team.
    #[graphql(complexity = "cost::rows(cost::TEAM_PEOPLE, child_complexity)")]
    async fn design_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose numbers are read.")] team_id: Id,
        #[graphql(desc = "The range's first day (the team's local day).")] from: Date,
        #[graphql(desc = "The range's last day, inclusive.")] to: Date,
    ) -> AppResult<Vec<DesignerRow>> {
        let team = team(ctx, team_id.0).await?;
        let rows =
            reports::design_report_seen_by(db(ctx), actor(ctx)?, team.id, from.0, to.0).await?;
        Ok(rows.into_iter().map(DesignerRow).collect())
    }

    /// Products with their numbers, hero products (主推款) first, then by paid amount. A Relay
    /// connection (`first` at most 100). Every member of the team.
    #[graphql(complexity = "cost::page(first, child_complexity)")]
    async fn product_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose numbers are read.")] team_id: Id,
        #[graphql(desc = "The range's first day (the team's local day).")] from: Date,
        #[graphql(desc = "The range's last day, inclusive.")] to: Date,
        #[graphql(desc = "Page size, 1 to 100.", default = 20)] first: i32,
        #[graphql(desc = "The cursor of the last row of the previous page.")] after: Option<String>,
    ) -> AppResult<OffsetConnection<ProductReportRow>> {
        let team = team(ctx, team_id.0).await?;
        let rows = reports::product_report(db(ctx), actor(ctx)?, team.id, from.0, to.0).await?;
        offset_page(
            rows.into_iter().map(ProductReportRow).collect(),
            first,
            after,
        )
    }
}
