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

/// Paid traffic numbers (§3 ads).
pub struct AdMetrics(pub AdTotals);

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
    /// 花费
    async fn spend(&self) -> Decimal {
        from_fen(self.0.spend_fen).into()
    }
    async fn attributed_orders(&self) -> i64 {
        self.0.attributed_orders
    }
    async fn attributed_amount(&self) -> Decimal {
        from_fen(self.0.attributed_amount_fen).into()
    }
    /// Clicks / impressions.
    async fn ctr(&self) -> Option<f64> {
        self.0.float(Metric::Ctr.into())
    }
    /// PPC = spend / clicks.
    async fn cpc(&self) -> Option<Decimal> {
        self.0.rounded(Metric::Cpc.into()).map(Into::into)
    }
    /// Attributed orders / clicks.
    async fn cvr(&self) -> Option<f64> {
        self.0.float(Metric::Cvr.into())
    }
    /// 投入产出比 = attributed amount / spend.
    async fn roi(&self) -> Option<f64> {
        self.0.float(Metric::Roi.into())
    }
}

#[derive(SimpleObject)]
pub struct AdChannelRow {
    pub channel: AdChannel,
    pub metrics: AdMetrics,
}

pub struct AdOwnerRow {
    owner_id: i64,
    totals: AdTotals,
}

#[Object]
impl AdOwnerRow {
    async fn owner_id(&self) -> Id {
        Id(self.owner_id)
    }
    async fn owner(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let found = loaders(ctx)
            .staff
            .load_one(self.owner_id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Staff))
    }
    async fn metrics(&self) -> AdMetrics {
        AdMetrics(self.totals.clone())
    }
}

#[derive(SimpleObject)]
pub struct AdReport {
    pub total: AdMetrics,
    #[graphql(
        complexity = "cost::rows(crate::entities::AdChannel::iter().count(), child_complexity)"
    )]
    pub by_channel: Vec<AdChannelRow>,
    /// Managers see every owner; staff only themselves.
    #[graphql(complexity = "cost::rows(cost::TEAM_PEOPLE, child_complexity)")]
    pub by_owner: Vec<AdOwnerRow>,
}

pub struct DesignerRow(DesignTotals);

#[Object]
impl DesignerRow {
    async fn designer_id(&self) -> Id {
        Id(self.0.designer_id)
    }
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
    async fn on_time_rate(&self) -> Option<f64> {
        self.0.float(Metric::OnTimeRate.into())
    }
    /// Revisions of the delivered pieces.
    async fn revisions(&self) -> i64 {
        self.0.revisions
    }
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

#[Object]
impl ProductReportRow {
    async fn product(&self) -> Product {
        Product(self.0.product.clone())
    }
    async fn visitors(&self) -> i64 {
        self.0.totals.visitors
    }
    async fn paid_buyers(&self) -> i64 {
        self.0.totals.paid_buyers
    }
    async fn paid_units(&self) -> i64 {
        self.0.totals.paid_units
    }
    async fn paid_amount(&self) -> Decimal {
        from_fen(self.0.totals.paid_amount_fen).into()
    }
    async fn fav_cart_buyers(&self) -> i64 {
        self.0.totals.fav_cart_buyers
    }
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
    /// Paid traffic by channel and by owner.
    async fn ad_report(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
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
    /// staff themselves.
    #[graphql(complexity = "cost::rows(cost::TEAM_PEOPLE, child_complexity)")]
    async fn design_report(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
    ) -> AppResult<Vec<DesignerRow>> {
        let team = team(ctx, team_id.0).await?;
        let rows =
            reports::design_report_seen_by(db(ctx), actor(ctx)?, team.id, from.0, to.0).await?;
        Ok(rows.into_iter().map(DesignerRow).collect())
    }

    /// Products with their numbers, hero products (主推款) first, then by paid amount.
    #[graphql(complexity = "cost::page(first, child_complexity)")]
    async fn product_report(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
        #[graphql(default = 20)] first: i32,
        after: Option<String>,
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
