//! Shop metrics over a range at DAY / WEEK / MONTH, and one day against the comparisons an
//! operator looks at first (§3, §5).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, EnumIter, FromQueryResult, Iterable, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::cache::DashboardCache;
use super::{add, add_known, select_sums};
use crate::entities::{Metric, ad_day, shop_day, team};
use crate::error::AppResult;
use crate::period::{Granularity, check_range};
use crate::services::auth::Actor;
use crate::services::catalogue::{Sum, Sums, exact};
use crate::services::targets;

/// Sums of a period's shop days (and ad days), from which every §3 shop metric derives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShopTotals {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Days of the period with shop data.
    pub days: i64,
    /// Σ visitors, Σ page views, Σ paid orders and Σ paid units of the period's shop days;
    /// `None` when any of its days was imported without it (summing only the days that have it
    /// would be a wrong figure). A period without shop days has 0.
    pub visitors: Option<i64>,
    pub page_views: Option<i64>,
    pub paid_buyers: i64,
    pub paid_orders: Option<i64>,
    pub paid_units: Option<i64>,
    pub paid_amount_fen: i64,
    pub fav_cart_buyers: i64,
    pub bounced_visitors: i64,
    pub returning_visitors: i64,
    pub refund_amount_fen: i64,
    pub refund_orders: i64,
    pub cost_of_goods_fen: i64,
    pub shipping_cost_fen: i64,
    pub ad_spend_fen: i64,
    pub ad_attributed_fen: i64,
    /// DSR scores and store level are standing values: the period's latest day that has them.
    pub dsr_description_milli: Option<i32>,
    pub dsr_service_milli: Option<i32>,
    pub dsr_logistics_milli: Option<i32>,
    pub store_level: Option<i16>,
}

#[derive(Debug, FromQueryResult)]
struct AdSums {
    date: NaiveDate,
    spend_fen: i64,
    attributed_amount_fen: i64,
}

impl ShopTotals {
    pub fn empty(start: NaiveDate, end: NaiveDate) -> Self {
        Self {
            start,
            end,
            visitors: Some(0),
            page_views: Some(0),
            paid_orders: Some(0),
            paid_units: Some(0),
            ..Default::default()
        }
    }

    /// Adds a later period (days in date order).
    pub fn absorb(&mut self, d: &ShopTotals) -> AppResult<()> {
        self.days = add(self.days, d.days)?;
        self.visitors = add_known(self.visitors, d.visitors)?;
        self.page_views = add_known(self.page_views, d.page_views)?;
        self.paid_buyers = add(self.paid_buyers, d.paid_buyers)?;
        self.paid_orders = add_known(self.paid_orders, d.paid_orders)?;
        self.paid_units = add_known(self.paid_units, d.paid_units)?;
        self.paid_amount_fen = add(self.paid_amount_fen, d.paid_amount_fen)?;
        self.fav_cart_buyers = add(self.fav_cart_buyers, d.fav_cart_buyers)?;
        self.bounced_visitors = add(self.bounced_visitors, d.bounced_visitors)?;
        self.returning_visitors = add(self.returning_visitors, d.returning_visitors)?;
        self.refund_amount_fen = add(self.refund_amount_fen, d.refund_amount_fen)?;
        self.refund_orders = add(self.refund_orders, d.refund_orders)?;
        self.cost_of_goods_fen = add(self.cost_of_goods_fen, d.cost_of_goods_fen)?;
        self.shipping_cost_fen = add(self.shipping_cost_fen, d.shipping_cost_fen)?;
        self.ad_spend_fen = add(self.ad_spend_fen, d.ad_spend_fen)?;
        self.ad_attributed_fen = add(self.ad_attributed_fen, d.ad_attributed_fen)?;
        self.dsr_description_milli = d.dsr_description_milli.or(self.dsr_description_milli);
        self.dsr_service_milli = d.dsr_service_milli.or(self.dsr_service_milli);
        self.dsr_logistics_milli = d.dsr_logistics_milli.or(self.dsr_logistics_milli);
        self.store_level = d.store_level.or(self.store_level);
        Ok(())
    }

    fn from_day(d: &shop_day::Model) -> Self {
        Self {
            start: d.date,
            end: d.date,
            days: 1,
            visitors: d.visitors,
            page_views: d.page_views,
            paid_buyers: d.paid_buyers,
            paid_orders: d.paid_orders,
            paid_units: d.paid_units,
            paid_amount_fen: d.paid_amount_fen,
            fav_cart_buyers: d.fav_cart_buyers,
            bounced_visitors: d.bounced_visitors,
            returning_visitors: d.returning_visitors,
            refund_amount_fen: d.refund_amount_fen,
            refund_orders: d.refund_orders,
            cost_of_goods_fen: d.cost_of_goods_fen,
            shipping_cost_fen: d.shipping_cost_fen,
            ad_spend_fen: 0,
            ad_attributed_fen: 0,
            dsr_description_milli: d.dsr_description_milli,
            dsr_service_milli: d.dsr_service_milli,
            dsr_logistics_milli: d.dsr_logistics_milli,
            store_level: d.store_level,
        }
    }

    /// The metric per day of the period: sums are divided by the days with data (the mean of a
    /// 7-day base), ratios are pooled. Exact.
    pub fn per_day(&self, metric: Metric) -> Option<Decimal> {
        let q = self.quotient(metric)?;
        if metric.def().is_sum() {
            exact(&[q.num], &[Decimal::from(self.days)])
        } else {
            q.value()
        }
    }
}

impl Sums for ShopTotals {
    // Paid orders and units are no catalogue sum (no §3 metric reads them). One added would
    // return `self.paid_orders` as it is, as visitors are, so that a metric over a period
    // lacking it is null.
    fn sum(&self, s: Sum) -> Option<i64> {
        Some(match s {
            Sum::Visitors => return self.visitors,
            Sum::PageViews => return self.page_views,
            Sum::PaidBuyers => self.paid_buyers,
            Sum::PaidAmount => self.paid_amount_fen,
            Sum::FavCartBuyers => self.fav_cart_buyers,
            Sum::BouncedVisitors => self.bounced_visitors,
            Sum::RefundAmount => self.refund_amount_fen,
            Sum::CostOfGoods => self.cost_of_goods_fen,
            Sum::ShippingCost => self.shipping_cost_fen,
            Sum::AdSpend => self.ad_spend_fen,
            Sum::AttributedAmount => self.ad_attributed_fen,
            _ => return None,
        })
    }
}

/// The shop metrics a day summary compares, in the order it lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum ShopMetric {
    Visitors,
    PaidBuyers,
    PaidAmount,
    ConversionRate,
    Aov,
    BounceRate,
    VisitDepth,
    FavCartRate,
    RefundRate,
    UvValue,
    AdSpend,
    AdRoi,
    NetProfit,
}

impl ShopMetric {
    /// The catalogue's metric.
    pub fn metric(self) -> Metric {
        match self {
            Self::Visitors => Metric::Visitors,
            Self::PaidBuyers => Metric::PaidBuyers,
            Self::PaidAmount => Metric::PaidAmount,
            Self::ConversionRate => Metric::ConversionRate,
            Self::Aov => Metric::Aov,
            Self::BounceRate => Metric::BounceRate,
            Self::VisitDepth => Metric::VisitDepth,
            Self::FavCartRate => Metric::FavCartRate,
            Self::RefundRate => Metric::RefundRate,
            Self::UvValue => Metric::UvValue,
            Self::AdSpend => Metric::AdSpend,
            Self::AdRoi => Metric::Roi,
            Self::NetProfit => Metric::NetProfit,
        }
    }

    /// The team target (§4) this metric is judged against, if any.
    pub fn target(self) -> Option<Metric> {
        Some(self.metric()).filter(|m| Metric::TEAM.contains(m))
    }
}

/// One `ShopTotals` per date of `from..=to` that has shop or ad data, in date order. The shop
/// days and the days' ad sums are read at the same time, on two connections.
pub async fn daily(
    db: &DatabaseConnection,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<ShopTotals>> {
    let shop_days = shop_day::Entity::find()
        .filter(shop_day::Column::TeamId.eq(team_id))
        .filter(shop_day::Column::Date.between(from, to))
        .order_by_asc(shop_day::Column::Date)
        .all(db);
    let ads = select_sums(
        ad_day::Entity::find()
            .select_only()
            .column(ad_day::Column::Date)
            .filter(ad_day::Column::TeamId.eq(team_id))
            .filter(ad_day::Column::Date.between(from, to))
            .group_by(ad_day::Column::Date),
        &[
            ad_day::Column::SpendFen,
            ad_day::Column::AttributedAmountFen,
        ],
    )
    .into_model::<AdSums>()
    .all(db);
    let (shop_days, ads) = tokio::try_join!(shop_days, ads)?;
    let mut days: BTreeMap<NaiveDate, ShopTotals> = shop_days
        .iter()
        .map(|d| (d.date, ShopTotals::from_day(d)))
        .collect();
    for a in ads {
        let day = days
            .entry(a.date)
            .or_insert_with(|| ShopTotals::empty(a.date, a.date));
        day.ad_spend_fen = a.spend_fen;
        day.ad_attributed_fen = a.attributed_amount_fen;
    }
    Ok(days.into_values().collect())
}

/// Every bucket of `from..=to` (clipped to the range), with the days that fall in it.
pub fn bucket(
    days: &[ShopTotals],
    from: NaiveDate,
    to: NaiveDate,
    granularity: Granularity,
) -> AppResult<Vec<ShopTotals>> {
    let mut buckets = Vec::new();
    let mut start = from;
    let mut days = days.iter().peekable();
    while start <= to {
        let end = granularity.bucket_end(granularity.bucket(start)).min(to);
        let mut totals = ShopTotals::empty(start, end);
        while let Some(day) = days.next_if(|d| d.start <= end) {
            totals.absorb(day)?;
        }
        buckets.push(totals);
        start = end + Duration::days(1);
    }
    Ok(buckets)
}

/// The shop's numbers over `from..=to`, one entry per bucket of `granularity` (clipped to the
/// range), for a member of the team (§9).
pub async fn metrics(
    db: &DatabaseConnection,
    cache: &DashboardCache,
    actor: &Actor,
    team: &team::Model,
    from: NaiveDate,
    to: NaiveDate,
    granularity: Granularity,
) -> AppResult<Vec<ShopTotals>> {
    check_range(from, to)?;
    actor.ensure_member_of(team.id)?;
    let days = cache
        .get_or_compute(team, format!("shop_daily {from} {to}"), || {
            daily(db, team.id, from, to)
        })
        .await?;
    bucket(&days, from, to, granularity)
}

/// What a day is compared with (§5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparisonBasis {
    PreviousDay,
    /// The mean of the 7 days before (of those with data).
    Previous7DayMean,
    SameWeekdayLastWeek,
    /// The day's team targets (§4).
    Target,
}

/// One metric of the day against a base, exact.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricChange {
    pub metric: ShopMetric,
    pub value: Option<Decimal>,
    pub base: Option<Decimal>,
    /// (value − base) / base × 100; `None` when either is missing or the base is 0.
    pub change_pct: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub basis: ComparisonBasis,
    /// The base period's totals (`None` for TARGET).
    pub base: Option<ShopTotals>,
    pub changes: Vec<MetricChange>,
    /// `None` for TARGET, or when either side sold nothing or nothing changed.
    pub gmv_split: Option<GmvSplit>,
}

/// A day next to each of its comparisons, in [`ComparisonBasis`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct DaySummary {
    pub date: NaiveDate,
    pub day: ShopTotals,
    pub comparisons: Vec<Comparison>,
}

/// A day against the previous day, the mean of the 7 days before, the same weekday last week
/// and the day's targets, for a member of the team (§9).
pub async fn day_summary(
    db: &DatabaseConnection,
    cache: &DashboardCache,
    actor: &Actor,
    team: &team::Model,
    date: NaiveDate,
) -> AppResult<Arc<DaySummary>> {
    actor.ensure_member_of(team.id)?;
    cache
        .get_or_compute(team, format!("day_summary {date}"), || {
            summarize(db, team.id, date)
        })
        .await
}

async fn summarize(
    db: &DatabaseConnection,
    team_id: i64,
    date: NaiveDate,
) -> AppResult<DaySummary> {
    let week_ago = date - Duration::days(7);
    let (days, targets) = tokio::try_join!(
        daily(db, team_id, week_ago, date),
        targets::team_day_targets(db, team_id, date),
    )?;
    let single = |d: NaiveDate| {
        days.iter()
            .find(|t| t.start == d)
            .cloned()
            .unwrap_or_else(|| ShopTotals::empty(d, d))
    };
    let mut previous_7_days = ShopTotals::empty(week_ago, date - Duration::days(1));
    for d in days.iter().filter(|d| d.start < date) {
        previous_7_days.absorb(d)?;
    }
    let day = single(date);
    let comparisons = vec![
        compare(
            ComparisonBasis::PreviousDay,
            &day,
            single(date - Duration::days(1)),
        ),
        compare(ComparisonBasis::Previous7DayMean, &day, previous_7_days),
        compare(ComparisonBasis::SameWeekdayLastWeek, &day, single(week_ago)),
        against_targets(&day, &targets),
    ];
    Ok(DaySummary {
        date,
        day,
        comparisons,
    })
}

/// One metric of the day against its base.
fn change(metric: ShopMetric, value: Option<Decimal>, base: Option<Decimal>) -> MetricChange {
    MetricChange {
        metric,
        value,
        base,
        change_pct: value
            .zip(base)
            .and_then(|(v, b)| exact(&[v - b, Decimal::ONE_HUNDRED], &[b])),
    }
}

/// Every metric per day of the day against the base period's.
fn compare(basis: ComparisonBasis, day: &ShopTotals, base: ShopTotals) -> Comparison {
    let changes = ShopMetric::iter()
        .map(|m| change(m, day.per_day(m.metric()), base.per_day(m.metric())))
        .collect();
    Comparison {
        basis,
        gmv_split: gmv_split(day, &base),
        base: Some(base),
        changes,
    }
}

/// The metrics that have a team target for the day, against it.
fn against_targets(day: &ShopTotals, targets: &HashMap<Metric, Decimal>) -> Comparison {
    let changes = ShopMetric::iter()
        .filter_map(|metric| {
            let target = targets.get(&metric.target()?)?;
            Some(change(metric, day.per_day(metric.metric()), Some(*target)))
        })
        .collect();
    Comparison {
        basis: ComparisonBasis::Target,
        base: None,
        changes,
        gmv_split: None,
    }
}

/// How a change of paid amount G = visitors × conversion × AOV splits into its three factors:
/// ln(G1/G0) = ln(V1/V0) + ln(C1/C0) + ln(A1/A0), each factor's share of the log change (the
/// shares add up to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct GmvSplit {
    /// Paid amount per day, the day minus the base, in yuan.
    pub gmv_change: Decimal,
    pub traffic_share: f64,
    pub conversion_share: f64,
    pub aov_share: f64,
}

/// `None` when either side has no sales or no visitors, or the paid amount did not change.
pub fn gmv_split(now: &ShopTotals, base: &ShopTotals) -> Option<GmvSplit> {
    let positive = |t: &ShopTotals| {
        t.days > 0
            && t.visitors.is_some_and(|v| v > 0)
            && t.paid_buyers > 0
            && t.paid_amount_fen > 0
    };
    if !positive(now) || !positive(base) {
        return None;
    }
    // G = V × C × A per day, each factor as the catalogue defines it.
    let factors = |t: &ShopTotals| {
        Some((
            t.per_day(Metric::Visitors)?.to_f64()?,
            t.float(Metric::ConversionRate)?,
            t.float(Metric::Aov)?,
        ))
    };
    let ((v1, c1, a1), (v0, c0, a0)) = (factors(now)?, factors(base)?);
    let (lv, lc, la) = ((v1 / v0).ln(), (c1 / c0).ln(), (a1 / a0).ln());
    let total = lv + lc + la;
    if total.abs() < 1e-12 {
        return None;
    }
    let (g0, g1) = (
        base.per_day(Metric::PaidAmount)?,
        now.per_day(Metric::PaidAmount)?,
    );
    Some(GmvSplit {
        gmv_change: crate::money::cents(g1 - g0),
        traffic_share: lv / total,
        conversion_share: lc / total,
        aov_share: la / total,
    })
}
