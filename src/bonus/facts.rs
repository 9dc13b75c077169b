//! What the bonus rules read about each person's month, loaded with a fixed number of aggregate
//! queries whatever the team's size (one per kind of data the team's plans use), never one per
//! person.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::rules::{Person, PlanRule, ProductUnits, Quotient, Rule};
use crate::entities::{Metric, Role, product, review, team};
use crate::error::{AppError, AppResult};
use crate::metrics::{cs, reports, shop};
use crate::money::from_fen;
use crate::period::{Granularity, Month};
use crate::targets;

/// The kinds of data a set of plans needs.
#[derive(Debug, Default)]
struct Needs {
    agents: bool,
    ads: bool,
    design: bool,
    products: bool,
    shop: bool,
    targets: bool,
}

impl Needs {
    fn metric(&mut self, m: Metric) {
        match m {
            Metric::SalesAmount
            | Metric::InquiryConversion
            | Metric::CsAov
            | Metric::ReplyRate
            | Metric::AvgResponse => self.agents = true,
            Metric::Roi | Metric::Ctr | Metric::Cpc | Metric::AttributedAmount => self.ads = true,
            Metric::OnTimeRate | Metric::Delivered => self.design = true,
            Metric::OwnedConversion => self.products = true,
            Metric::PaidAmount
            | Metric::ConversionRate
            | Metric::RefundRate
            | Metric::NetProfit => self.shop = true,
        }
    }

    fn of<'a>(plans: impl Iterator<Item = &'a PlanRule>) -> Self {
        let mut needs = Self::default();
        for r in plans {
            match &r.rule {
                Rule::GradeBonus(_) | Rule::ScoreBonus(_) => {}
                Rule::Commission(c) => {
                    needs.metric(c.metric.metric());
                    needs.targets = true;
                }
                Rule::PerUnitOverThreshold(_) => needs.products = true,
                Rule::TeamRelative(t) => {
                    if let Some(m) = t.metric.metric() {
                        needs.metric(m);
                    }
                }
            }
        }
        needs
    }
}

fn yuan(fen: i64) -> Quotient {
    Quotient::amount(from_fen(fen))
}

/// Each reviewed person's month, in the reviews' order.
pub async fn load(
    db: &DatabaseConnection,
    team: &team::Model,
    month: Month,
    reviews: &[review::Model],
    plans: &HashMap<Role, Vec<PlanRule>>,
) -> AppResult<Vec<Person>> {
    let needs = Needs::of(plans.values().flatten());
    let (from, to) = (month.first_day(), month.last_day());
    let team_id = team.id;

    let agents: HashMap<i64, cs::CsTotals> = if needs.agents {
        cs::agent_totals(db, team_id, from, to)
            .await?
            .into_iter()
            .map(|t| (t.staff_id, t))
            .collect()
    } else {
        HashMap::new()
    };
    let ads: HashMap<i64, reports::AdTotals> = if needs.ads {
        reports::ad_report(db, team_id, from, to)
            .await?
            .by_owner
            .into_iter()
            .collect()
    } else {
        HashMap::new()
    };
    let design: HashMap<i64, reports::DesignTotals> = if needs.design {
        reports::design_report(db, team_id, from, to)
            .await?
            .into_iter()
            .map(|d| (d.designer_id, d))
            .collect()
    } else {
        HashMap::new()
    };
    // Per designer: the products they own with the month's units, and the pooled
    // (buyers, visitors) of those products.
    let mut owned: HashMap<i64, Vec<ProductUnits>> = HashMap::new();
    let mut owned_conversion: HashMap<i64, (i64, i64)> = HashMap::new();
    if needs.products {
        let totals = reports::product_totals(db, team_id, from, to).await?;
        let products = product::Entity::find()
            .filter(product::Column::TeamId.eq(team_id))
            .filter(product::Column::DesignerId.is_not_null())
            .order_by_asc(product::Column::Id)
            .all(db)
            .await?;
        for p in products {
            let Some(designer) = p.designer_id else {
                continue;
            };
            let t = totals.get(&p.id).cloned().unwrap_or_default();
            // A product that sold nothing this month and is no longer listed says nothing.
            if !p.active && t.paid_units == 0 {
                continue;
            }
            owned.entry(designer).or_default().push(ProductUnits {
                label: format!("{} {}", p.platform_item_id, p.title),
                units: t.paid_units,
            });
            let c = owned_conversion.entry(designer).or_default();
            c.0 += t.paid_buyers;
            c.1 += t.visitors;
        }
    }
    let shop_month = if needs.shop {
        let days = shop::daily(db, team_id, from, to).await?;
        shop::bucket(&days, from, to, Granularity::Month)
            .pop()
            .unwrap_or_default()
    } else {
        shop::ShopTotals::default()
    };
    let month_targets = if needs.targets {
        targets::month_targets(db, team_id, month).await?
    } else {
        HashMap::new()
    };

    let mut shop_metrics: Vec<(Metric, Quotient)> = Vec::new();
    if needs.shop {
        let s = &shop_month;
        shop_metrics = vec![
            (Metric::PaidAmount, yuan(s.paid_amount_fen)),
            (
                Metric::ConversionRate,
                Quotient::ratio(s.paid_buyers, s.visitors),
            ),
            (
                Metric::RefundRate,
                Quotient::ratio(s.refund_amount_fen, s.paid_amount_fen),
            ),
            (Metric::NetProfit, yuan(s.net_profit_fen())),
        ];
    }
    let target_metrics: HashSet<Metric> = month_targets.keys().map(|(_, m)| *m).collect();

    reviews
        .iter()
        .map(|r| {
            let score = r
                .total
                .as_deref()
                .map(str::parse::<Decimal>)
                .transpose()
                .map_err(|e| AppError::internal(anyhow::anyhow!("review {} total: {e}", r.id)))?;
            let mut metrics: HashMap<Metric, Quotient> = shop_metrics.iter().copied().collect();
            match r.role {
                Role::CustomerService if needs.agents => {
                    let a = agents.get(&r.staff_id).cloned().unwrap_or_default();
                    metrics.extend([
                        (Metric::SalesAmount, yuan(a.sales_amount_fen)),
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
                    ]);
                }
                Role::Promotion if needs.ads => {
                    let a = ads.get(&r.staff_id).cloned().unwrap_or_default();
                    metrics.extend([
                        (
                            Metric::Roi,
                            Quotient::ratio(
                                from_fen(a.attributed_amount_fen),
                                from_fen(a.spend_fen),
                            ),
                        ),
                        (Metric::Ctr, Quotient::ratio(a.clicks, a.impressions)),
                        (
                            Metric::Cpc,
                            Quotient::ratio(from_fen(a.spend_fen), a.clicks),
                        ),
                        (Metric::AttributedAmount, yuan(a.attributed_amount_fen)),
                    ]);
                }
                Role::Designer => {
                    if needs.design {
                        let d = design.get(&r.staff_id).cloned().unwrap_or_default();
                        metrics.extend([
                            (Metric::OnTimeRate, Quotient::ratio(d.on_time, d.delivered)),
                            (Metric::Delivered, Quotient::amount(d.delivered.into())),
                        ]);
                    }
                    if needs.products {
                        let (buyers, visitors) = owned_conversion
                            .get(&r.staff_id)
                            .copied()
                            .unwrap_or_default();
                        metrics.insert(Metric::OwnedConversion, Quotient::ratio(buyers, visitors));
                    }
                }
                _ => {}
            }
            let targets = target_metrics
                .iter()
                .filter_map(|m| {
                    month_targets
                        .get(&(Some(r.staff_id), *m))
                        .or_else(|| month_targets.get(&(None, *m)))
                        .map(|t| (*m, *t))
                })
                .collect();
            Ok(Person {
                staff_id: r.staff_id,
                role: r.role,
                score,
                grade: r.grade,
                metrics,
                targets,
                products: owned.get(&r.staff_id).cloned().unwrap_or_default(),
            })
        })
        .collect()
}
