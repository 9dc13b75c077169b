//! A team's month as month-end reads it (§7, §8): the aggregates the reviews and the bonus run
//! both score, loaded once, with a fixed number of queries run concurrently whatever the team's
//! size, and each person's metrics derived from them as exact quotients.

use std::collections::HashMap;

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::cs::CsTotals;
use super::reports::{AdTotals, DesignTotals};
use super::shop::ShopTotals;
use super::{cs, reports, shop};
use crate::entities::{Metric, Role, product};
use crate::error::AppResult;
use crate::money::from_fen;
use crate::period::{Granularity, Month};
use crate::targets;

/// A value kept as an exact quotient, so that a team's rate is Σ numerators / Σ denominators.
/// Amounts and counts have denominator 1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Quotient {
    pub num: Decimal,
    pub den: Decimal,
}

impl Quotient {
    pub fn amount(value: Decimal) -> Self {
        Self {
            num: value,
            den: Decimal::ONE,
        }
    }

    pub fn ratio(num: impl Into<Decimal>, den: impl Into<Decimal>) -> Self {
        Self {
            num: num.into(),
            den: den.into(),
        }
    }

    fn yuan(fen: i64) -> Self {
        Self::amount(from_fen(fen))
    }

    /// The exact value; `None` for x/0.
    pub fn value(&self) -> Option<Decimal> {
        exact(&[self.num], &[self.den])
    }
}

/// Π nums / Π dens, multiplying out before the one division (exact whenever the result fits 28
/// digits); falls back to multiplying and dividing by turns only if a product would overflow.
/// `None` when a denominator is zero.
pub fn exact(nums: &[Decimal], dens: &[Decimal]) -> Option<Decimal> {
    if dens.iter().any(|d| d.is_zero()) {
        return None;
    }
    let den = dens
        .iter()
        .try_fold(Decimal::ONE, |acc, d| acc.checked_mul(*d));
    let num = nums
        .iter()
        .try_fold(Decimal::ONE, |acc, n| acc.checked_mul(*n));
    if let (Some(num), Some(den)) = (num, den)
        && let Some(q) = num.checked_div(den)
    {
        return Some(q);
    }
    let mut q = Decimal::ONE;
    for i in 0..nums.len().max(dens.len()) {
        if let Some(n) = nums.get(i) {
            q = q.checked_mul(*n)?;
        }
        if let Some(d) = dens.get(i) {
            q = q.checked_div(*d)?;
        }
    }
    Some(q)
}

/// A product a designer owns and what it sold in the month.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductUnits {
    /// How the product is named on a bonus line (`1001 白色T恤`).
    pub label: String,
    pub units: i64,
}

/// A designer's owned products: what each sold, and their pooled (buyers, visitors).
#[derive(Debug, Clone, Default)]
struct Owned {
    products: Vec<ProductUnits>,
    buyers: i64,
    visitors: i64,
}

pub struct MonthFacts {
    agents: HashMap<i64, CsTotals>,
    ads: HashMap<i64, AdTotals>,
    design: HashMap<i64, DesignTotals>,
    owned: HashMap<i64, Owned>,
    shop: ShopTotals,
    /// Each person's targets by metric; `None` is the team's.
    targets: HashMap<Option<i64>, HashMap<Metric, Decimal>>,
}

impl MonthFacts {
    pub async fn load(db: &DatabaseConnection, team_id: i64, month: Month) -> AppResult<Self> {
        let (from, to) = (month.first_day(), month.last_day());
        let products = async {
            Ok(product::Entity::find()
                .filter(product::Column::TeamId.eq(team_id))
                .filter(product::Column::DesignerId.is_not_null())
                .order_by_asc(product::Column::Id)
                .all(db)
                .await?)
        };
        let (agents, ads, design, totals, products, days, targets) = tokio::try_join!(
            cs::agent_totals(db, team_id, from, to),
            reports::ad_report(db, team_id, from, to),
            reports::design_report(db, team_id, from, to),
            reports::product_totals(db, team_id, from, to),
            products,
            shop::daily(db, team_id, from, to),
            targets::month_targets(db, team_id, month),
        )?;
        let mut by_staff: HashMap<Option<i64>, HashMap<Metric, Decimal>> = HashMap::new();
        for ((staff, metric), value) in targets {
            by_staff.entry(staff).or_default().insert(metric, value);
        }
        let mut owned: HashMap<i64, Owned> = HashMap::new();
        for p in products {
            let Some(designer) = p.designer_id else {
                continue;
            };
            let t = totals.get(&p.id).cloned().unwrap_or_default();
            // A product that sold nothing this month and is no longer listed says nothing.
            if !p.active && t.paid_units == 0 {
                continue;
            }
            let o = owned.entry(designer).or_default();
            o.products.push(ProductUnits {
                label: format!("{} {}", p.platform_item_id, p.title),
                units: t.paid_units,
            });
            o.buyers += t.paid_buyers;
            o.visitors += t.visitors;
        }
        Ok(Self {
            agents: agents.into_iter().map(|t| (t.staff_id, t)).collect(),
            ads: ads.by_owner.into_iter().collect(),
            design: design.into_iter().map(|d| (d.designer_id, d)).collect(),
            owned,
            shop: shop::bucket(&days, from, to, Granularity::Month)
                .pop()
                .unwrap_or_default(),
            targets: by_staff,
        })
    }

    /// The shop's month: the operations KPIs, which any bonus rule may also read.
    pub fn shop_metrics(&self) -> [(Metric, Quotient); 4] {
        let s = &self.shop;
        [
            (Metric::PaidAmount, Quotient::yuan(s.paid_amount_fen)),
            (
                Metric::ConversionRate,
                Quotient::ratio(s.paid_buyers, s.visitors),
            ),
            (
                Metric::RefundRate,
                Quotient::ratio(s.refund_amount_fen, s.paid_amount_fen),
            ),
            (Metric::NetProfit, Quotient::yuan(s.net_profit_fen())),
        ]
    }

    /// The §7 metrics of a person's role, pooled over the month.
    pub fn own_metrics(&self, staff_id: i64, role: Role) -> Vec<(Metric, Quotient)> {
        match role {
            Role::CustomerService => {
                let a = self.agents.get(&staff_id).cloned().unwrap_or_default();
                vec![
                    (Metric::SalesAmount, Quotient::yuan(a.sales_amount_fen)),
                    (
                        Metric::InquiryConversion,
                        Quotient::ratio(a.paid_buyers, a.inquiries),
                    ),
                    (
                        Metric::CsAov,
                        Quotient::ratio(from_fen(a.sales_amount_fen), a.paid_buyers),
                    ),
                    (
                        Metric::ReplyRate,
                        Quotient::ratio(a.received - a.unreplied, a.received),
                    ),
                    (
                        Metric::AvgResponse,
                        Quotient::ratio(a.response_seconds_sum, a.response_count),
                    ),
                ]
            }
            Role::Designer => {
                let d = self.design.get(&staff_id).cloned().unwrap_or_default();
                let o = self.owned.get(&staff_id);
                vec![
                    (Metric::OnTimeRate, Quotient::ratio(d.on_time, d.delivered)),
                    (Metric::Delivered, Quotient::amount(d.delivered.into())),
                    (
                        Metric::OwnedConversion,
                        o.map_or(Quotient::ratio(0, 0), |o| {
                            Quotient::ratio(o.buyers, o.visitors)
                        }),
                    ),
                ]
            }
            Role::Promotion => {
                let a = self.ads.get(&staff_id).cloned().unwrap_or_default();
                vec![
                    (
                        Metric::Roi,
                        Quotient::ratio(from_fen(a.attributed_amount_fen), from_fen(a.spend_fen)),
                    ),
                    (Metric::Ctr, Quotient::ratio(a.clicks, a.impressions)),
                    (
                        Metric::Cpc,
                        Quotient::ratio(from_fen(a.spend_fen), a.clicks),
                    ),
                    (
                        Metric::AttributedAmount,
                        Quotient::yuan(a.attributed_amount_fen),
                    ),
                ]
            }
            Role::Operations => self.shop_metrics().to_vec(),
        }
    }

    /// The person's target for the month, else the team's.
    pub fn target(&self, staff_id: i64, metric: Metric) -> Option<Decimal> {
        [Some(staff_id), None]
            .iter()
            .find_map(|who| self.targets.get(who)?.get(&metric))
            .copied()
    }

    /// Every metric the person has a target for (their own or the team's).
    pub fn targets_of(&self, staff_id: i64) -> HashMap<Metric, Decimal> {
        let mut all = self.targets.get(&None).cloned().unwrap_or_default();
        all.extend(self.targets.get(&Some(staff_id)).into_iter().flatten());
        all
    }

    pub fn owned_products(&self, staff_id: i64) -> &[ProductUnits] {
        self.owned
            .get(&staff_id)
            .map_or(&[], |o| o.products.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_products_divide_step_by_step_instead_of_overflowing() {
        let big = Decimal::from(10_i64.pow(15));
        // 10^15 × 10^15 overflows 28 digits; dividing by 10^15 on the way does not.
        assert_eq!(exact(&[big, big], &[big]), Some(big));
        assert_eq!(exact(&[Decimal::ONE], &[Decimal::ZERO]), None);
    }
}
