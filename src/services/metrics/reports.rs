//! Ad, design and product reports (§3) for a team over a range.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, FromQueryResult, IdenStatic,
    QueryFilter, QueryOrder, QuerySelect,
};

use super::{add, add_known, select_sums, sum_known, sum_of};
use crate::entities::{AdChannel, ad_day, design_deliverable, product, product_day};
use crate::error::AppResult;
use crate::period::check_range;
use crate::services::auth::Actor;
use crate::services::catalogue::{Sum, Sums};

#[derive(Debug, Clone, PartialEq)]
pub struct AdTotals {
    /// Σ impressions; `None` when any of the days was imported without them (淘宝客 reports
    /// have none), so that CTR is null rather than computed over only some of the clicks.
    pub impressions: Option<i64>,
    pub clicks: i64,
    pub spend_fen: i64,
    pub attributed_orders: i64,
    pub attributed_amount_fen: i64,
}

/// No days: every sum 0.
impl Default for AdTotals {
    fn default() -> Self {
        Self {
            impressions: Some(0),
            clicks: 0,
            spend_fen: 0,
            attributed_orders: 0,
            attributed_amount_fen: 0,
        }
    }
}

impl AdTotals {
    pub fn absorb(&mut self, o: &AdTotals) -> AppResult<()> {
        self.impressions = add_known(self.impressions, o.impressions)?;
        self.clicks = add(self.clicks, o.clicks)?;
        self.spend_fen = add(self.spend_fen, o.spend_fen)?;
        self.attributed_orders = add(self.attributed_orders, o.attributed_orders)?;
        self.attributed_amount_fen = add(self.attributed_amount_fen, o.attributed_amount_fen)?;
        Ok(())
    }
}

impl Sums for AdTotals {
    fn sum(&self, s: Sum) -> Option<i64> {
        Some(match s {
            Sum::Impressions => return self.impressions,
            Sum::Clicks => self.clicks,
            Sum::AdSpend => self.spend_fen,
            Sum::AttributedOrders => self.attributed_orders,
            Sum::AttributedAmount => self.attributed_amount_fen,
            _ => return None,
        })
    }
}

impl From<&ad_day::Model> for AdTotals {
    fn from(d: &ad_day::Model) -> Self {
        Self {
            impressions: d.impressions,
            clicks: d.clicks,
            spend_fen: d.spend_fen,
            attributed_orders: d.attributed_orders,
            attributed_amount_fen: d.attributed_amount_fen,
        }
    }
}

#[derive(Debug, FromQueryResult)]
struct AdGroup {
    channel: AdChannel,
    owner_id: i64,
    impressions: Option<i64>,
    clicks: i64,
    spend_fen: i64,
    attributed_orders: i64,
    attributed_amount_fen: i64,
}

pub struct AdReport {
    pub total: AdTotals,
    pub by_channel: Vec<(AdChannel, AdTotals)>,
    pub by_owner: Vec<(i64, AdTotals)>,
}

/// The ad report as `actor` may see it (§9): the team's totals and channels, and of the owners a
/// manager sees everyone, anyone else themselves.
pub async fn ad_report_seen_by(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<AdReport> {
    check_range(from, to)?;
    actor.ensure_member_of(team_id)?;
    let mut report = ad_report(db, team_id, from, to).await?;
    if !actor.manages(team_id) {
        report.by_owner.retain(|(owner, _)| *owner == actor.id);
    }
    Ok(report)
}

/// One aggregate by channel and owner, rolled up both ways.
pub async fn ad_report(
    db: &DatabaseConnection,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<AdReport> {
    use ad_day::Column as C;
    let groups = select_sums(
        ad_day::Entity::find()
            .select_only()
            .columns([C::Channel, C::OwnerId])
            .expr_as(sum_known(C::Impressions), C::Impressions.as_str())
            .filter(C::TeamId.eq(team_id))
            .filter(C::Date.between(from, to))
            .group_by(C::Channel)
            .group_by(C::OwnerId),
        &[
            C::Clicks,
            C::SpendFen,
            C::AttributedOrders,
            C::AttributedAmountFen,
        ],
    )
    .into_model::<AdGroup>()
    .all(db)
    .await?;
    let mut total = AdTotals::default();
    let mut by_channel: BTreeMap<AdChannel, AdTotals> = BTreeMap::new();
    let mut by_owner: BTreeMap<i64, AdTotals> = BTreeMap::new();
    for g in groups {
        let t = AdTotals {
            impressions: g.impressions,
            clicks: g.clicks,
            spend_fen: g.spend_fen,
            attributed_orders: g.attributed_orders,
            attributed_amount_fen: g.attributed_amount_fen,
        };
        total.absorb(&t)?;
        by_channel.entry(g.channel).or_default().absorb(&t)?;
        by_owner.entry(g.owner_id).or_default().absorb(&t)?;
    }
    Ok(AdReport {
        total,
        by_channel: by_channel.into_iter().collect(),
        by_owner: by_owner.into_iter().collect(),
    })
}

/// A designer's work: what was delivered in the range, and what is still open at its end.
#[derive(Debug, Clone, Default, PartialEq, FromQueryResult)]
pub struct DesignTotals {
    pub designer_id: i64,
    pub delivered: i64,
    pub on_time: i64,
    pub revisions: i64,
    /// Requested by the end of the range and not delivered by then.
    pub open: i64,
    /// Open and past due at the end of the range.
    pub overdue: i64,
}

impl DesignTotals {
    pub fn absorb(&mut self, o: &DesignTotals) -> AppResult<()> {
        self.delivered = add(self.delivered, o.delivered)?;
        self.on_time = add(self.on_time, o.on_time)?;
        self.revisions = add(self.revisions, o.revisions)?;
        self.open = add(self.open, o.open)?;
        self.overdue = add(self.overdue, o.overdue)?;
        Ok(())
    }
}

impl Sums for DesignTotals {
    fn sum(&self, s: Sum) -> Option<i64> {
        Some(match s {
            Sum::Delivered => self.delivered,
            Sum::OnTime => self.on_time,
            Sum::Revisions => self.revisions,
            _ => return None,
        })
    }
}

/// The design report as `actor` may see it (§9): a manager every designer, anyone else
/// themselves.
pub async fn design_report_seen_by(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<DesignTotals>> {
    check_range(from, to)?;
    actor.ensure_member_of(team_id)?;
    let mut rows = design_report(db, team_id, from, to).await?;
    if !actor.manages(team_id) {
        rows.retain(|d| d.designer_id == actor.id);
    }
    Ok(rows)
}

/// Per designer, in designer id order: one aggregate over the work requested by the end of the
/// range and not delivered before its start.
pub async fn design_report(
    db: &DatabaseConnection,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<DesignTotals>> {
    use design_deliverable::Column as C;
    use sea_orm::sea_query::ExprTrait;
    let delivered = || Expr::col(C::DeliveredOn).lte(to);
    let open = || {
        Expr::col(C::DeliveredOn)
            .is_null()
            .or(Expr::col(C::DeliveredOn).gt(to))
    };
    let count = |cond: SimpleExpr| sum_of(Expr::case(cond, 1).finally(0));
    Ok(design_deliverable::Entity::find()
        .select_only()
        .column(C::DesignerId)
        .expr_as(count(delivered()), "delivered")
        .expr_as(
            count(delivered().and(Expr::col(C::DeliveredOn).lte(Expr::col(C::DueOn)))),
            "on_time",
        )
        .expr_as(
            sum_of(Expr::case(delivered(), Expr::col(C::Revisions)).finally(0)),
            "revisions",
        )
        .expr_as(count(open()), "open")
        .expr_as(count(open().and(Expr::col(C::DueOn).lt(to))), "overdue")
        .filter(C::TeamId.eq(team_id))
        .filter(C::RequestedOn.lte(to))
        .filter(
            Condition::any()
                .add(C::DeliveredOn.is_null())
                .add(C::DeliveredOn.gte(from)),
        )
        .group_by(C::DesignerId)
        .order_by_asc(C::DesignerId)
        .into_model::<DesignTotals>()
        .all(db)
        .await?)
}

#[derive(Debug, Clone, Default, PartialEq, FromQueryResult)]
pub struct ProductTotals {
    pub product_id: i64,
    pub visitors: i64,
    pub paid_buyers: i64,
    pub paid_units: i64,
    pub paid_amount_fen: i64,
    pub fav_cart_buyers: i64,
    pub bad_reviews: i64,
}

impl ProductTotals {
    pub fn absorb(&mut self, o: &ProductTotals) -> AppResult<()> {
        self.visitors = add(self.visitors, o.visitors)?;
        self.paid_buyers = add(self.paid_buyers, o.paid_buyers)?;
        self.paid_units = add(self.paid_units, o.paid_units)?;
        self.paid_amount_fen = add(self.paid_amount_fen, o.paid_amount_fen)?;
        self.fav_cart_buyers = add(self.fav_cart_buyers, o.fav_cart_buyers)?;
        self.bad_reviews = add(self.bad_reviews, o.bad_reviews)?;
        Ok(())
    }
}

impl From<&product_day::Model> for ProductTotals {
    fn from(d: &product_day::Model) -> Self {
        Self {
            product_id: d.product_id,
            visitors: d.visitors,
            paid_buyers: d.paid_buyers,
            paid_units: d.paid_units,
            paid_amount_fen: d.paid_amount_fen,
            fav_cart_buyers: d.fav_cart_buyers,
            bad_reviews: d.bad_reviews,
        }
    }
}

/// A product's (or a designer's owned products') sums answer the shop's product-level metrics
/// (conversion, AOV, UV value…).
impl Sums for ProductTotals {
    fn sum(&self, s: Sum) -> Option<i64> {
        Some(match s {
            Sum::Visitors => self.visitors,
            Sum::PaidBuyers => self.paid_buyers,
            Sum::PaidAmount => self.paid_amount_fen,
            Sum::FavCartBuyers => self.fav_cart_buyers,
            _ => return None,
        })
    }
}

pub struct ProductRow {
    pub product: product::Model,
    pub totals: ProductTotals,
    /// Stock on the latest day of the range that reported it.
    pub stock: Option<i64>,
    /// Mean daily units over the last 7 days of the range (days with data).
    pub recent_daily_units: Option<f64>,
}

impl ProductRow {
    /// How many days the stock lasts at the recent pace.
    pub fn stock_cover_days(&self) -> Option<f64> {
        let units = self.recent_daily_units.filter(|u| *u > 0.0)?;
        Some(self.stock? as f64 / units)
    }
}

/// Products summed per product id over the range, one aggregate query.
pub async fn product_totals(
    db: &DatabaseConnection,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<HashMap<i64, ProductTotals>> {
    use product_day::Column as C;
    let rows = select_sums(
        product_day::Entity::find()
            .select_only()
            .column(C::ProductId)
            .filter(C::TeamId.eq(team_id))
            .filter(C::Date.between(from, to))
            .group_by(C::ProductId),
        &[
            C::Visitors,
            C::PaidBuyers,
            C::PaidUnits,
            C::PaidAmountFen,
            C::FavCartBuyers,
            C::BadReviews,
        ],
    )
    .into_model::<ProductTotals>()
    .all(db)
    .await?;
    Ok(rows.into_iter().map(|t| (t.product_id, t)).collect())
}

/// A product's last week of the range.
#[derive(Default)]
struct RecentWeek {
    units: i64,
    days: i64,
    /// (date, stock) of the latest day that reported stock.
    stock: Option<(NaiveDate, i64)>,
}

/// The team's products with their numbers, heroes first, then by paid amount; for a member of
/// the team (§9).
pub async fn product_report(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<ProductRow>> {
    check_range(from, to)?;
    actor.ensure_member_of(team_id)?;
    let products = product::Entity::find()
        .filter(product::Column::TeamId.eq(team_id))
        .all(db)
        .await?;
    let mut totals = product_totals(db, team_id, from, to).await?;
    let week_start = (to - Duration::days(6)).max(from);
    let recent: Vec<(i64, NaiveDate, i64, Option<i64>)> = product_day::Entity::find()
        .select_only()
        .columns([
            product_day::Column::ProductId,
            product_day::Column::Date,
            product_day::Column::PaidUnits,
            product_day::Column::Stock,
        ])
        .filter(product_day::Column::TeamId.eq(team_id))
        .filter(product_day::Column::Date.between(week_start, to))
        .into_tuple()
        .all(db)
        .await?;
    let mut recent_by_product: HashMap<i64, RecentWeek> = HashMap::new();
    for (product_id, date, units, stock) in recent {
        let e = recent_by_product.entry(product_id).or_default();
        e.units += units;
        e.days += 1;
        if let Some(stock) = stock
            && e.stock.is_none_or(|(d, _)| d < date)
        {
            e.stock = Some((date, stock));
        }
    }
    let mut rows: Vec<ProductRow> = products
        .into_iter()
        .map(|p| {
            let recent = recent_by_product.get(&p.id);
            ProductRow {
                totals: totals.remove(&p.id).unwrap_or(ProductTotals {
                    product_id: p.id,
                    ..Default::default()
                }),
                stock: recent.and_then(|r| r.stock).map(|(_, s)| s),
                recent_daily_units: recent
                    .filter(|r| r.days > 0)
                    .map(|r| r.units as f64 / r.days as f64),
                product: p,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.product
            .is_hero
            .cmp(&a.product.is_hero)
            .then(b.totals.paid_amount_fen.cmp(&a.totals.paid_amount_fen))
            .then(a.product.id.cmp(&b.product.id))
    });
    Ok(rows)
}
