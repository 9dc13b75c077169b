//! The metric catalogue: every metric of DOMAIN §3 defined once, as a numerator and a
//! denominator over stored sums, with its unit, its direction, the display rounding of its unit,
//! and the role whose people have a value of their own. Dashboards, the diagnosis, KPI scoring and
//! the bonus rules all read metrics through [`Sums`]; nothing else divides one sum by another.
//!
//! Values are exact [`Quotient`]s of the stored sums (money in yuan, exact to the fen). They are
//! compared, scored and multiplied as such; rounding happens only for display ([`shown`]) and,
//! in the bonus, once per line item.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::entities::kpi_definition::Direction;
use crate::entities::{Metric, Role};
use crate::money::{from_fen, round_half_up as round};

/// What a metric's value measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Yuan (an amount, or an amount per buyer, click or visitor).
    Money,
    /// A fraction (0.035 = 3.5 %).
    Rate,
    /// Seconds.
    Seconds,
    /// A plain multiple (page views per visitor, ROI, answers per message, revisions per piece).
    Ratio,
    /// A count.
    Count,
}

impl Unit {
    /// Decimal places a value of this unit is shown with (rates as fractions: 0.0350 = 3.50 %).
    pub fn places(self) -> u32 {
        match self {
            Unit::Money | Unit::Ratio | Unit::Seconds => 2,
            Unit::Rate => 4,
            Unit::Count => 0,
        }
    }
}

/// The data a metric is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The shop's days (生意参谋), with the day's ad sums.
    Shop,
    /// Customer-service agents' days (赤兔).
    Agent,
    /// Ad days by channel and owner.
    Ad,
    /// Design deliverables.
    Design,
    /// The days of the products a designer owns.
    OwnedProducts,
}

impl Source {
    /// The role whose people each have their own value; everyone else is measured on the team's
    /// pooled sums (the shop has no owner: its metrics are the team's for everyone).
    pub fn own_role(self) -> Option<Role> {
        match self {
            Source::Shop => None,
            Source::Agent => Some(Role::CustomerService),
            Source::Ad => Some(Role::Promotion),
            Source::Design | Source::OwnedProducts => Some(Role::Designer),
        }
    }
}

/// Whether people of `role` have a value of `metric`: their own, or the team's where the metric
/// is another role's; only a designer has owned-product conversion.
pub fn applies(role: Role, metric: Metric) -> bool {
    let source = metric.def().source;
    source != Source::OwnedProducts || source.own_role() == Some(role)
}

/// A stored daily figure, summed over days (and people). Money is in fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sum {
    Visitors,
    PageViews,
    PaidBuyers,
    PaidAmount,
    FavCartBuyers,
    BouncedVisitors,
    RefundAmount,
    CostOfGoods,
    ShippingCost,
    Impressions,
    Clicks,
    AdSpend,
    AttributedOrders,
    AttributedAmount,
    Received,
    Inquiries,
    OrderedBuyers,
    SalesAmount,
    FirstResponseSeconds,
    FirstResponseCount,
    ResponseSeconds,
    ResponseCount,
    BuyerMessages,
    AgentMessages,
    Unreplied,
    RatedGood,
    RatedBad,
    Delivered,
    OnTime,
    Revisions,
}

impl Sum {
    fn is_fen(self) -> bool {
        matches!(
            self,
            Sum::PaidAmount
                | Sum::RefundAmount
                | Sum::CostOfGoods
                | Sum::ShippingCost
                | Sum::AdSpend
                | Sum::AttributedAmount
                | Sum::SalesAmount
        )
    }
}

/// Totals that carry some of the stored sums: a shop period, an agent, an ad owner, a designer,
/// a product. Every metric is read through here.
pub trait Sums {
    /// The sum (fen for money), or `None` when these totals do not carry it.
    fn sum(&self, s: Sum) -> Option<i64>;

    /// The metric as an exact quotient; `None` when these totals lack one of its sums.
    fn quotient(&self, m: Metric) -> Option<Quotient> {
        m.def().quotient(self)
    }

    /// The exact value; `None` for x/0 (or sums these totals lack).
    fn value(&self, m: Metric) -> Option<Decimal> {
        self.quotient(m)?.value()
    }

    /// The value rounded for display to its unit's places (money: half-up to 0.01).
    fn rounded(&self, m: Metric) -> Option<Decimal> {
        Some(round(self.value(m)?, m.def().unit.places()))
    }

    /// The exact value as a float, for display (rates, times, multiples).
    fn float(&self, m: Metric) -> Option<f64> {
        self.value(m)?.to_f64()
    }
}

type Terms = &'static [(i64, Sum)];

/// One metric: `Σ num / Σ den` over the stored sums (an empty `den` is 1).
#[derive(Debug)]
pub struct Def {
    pub metric: Metric,
    /// The snake_case name DOMAIN §3 uses (`inquiry_conversion`), as formulas show it.
    pub name: &'static str,
    /// What the users' exports and screens call it.
    pub label: &'static str,
    pub unit: Unit,
    pub direction: Direction,
    pub source: Source,
    num: Terms,
    den: Terms,
}

impl Def {
    /// A sum over days (money or a count), not a ratio: a month's target of it splits into daily
    /// ones, a per-day figure is its mean, and a team's value is the mean per person.
    pub fn is_sum(&self) -> bool {
        self.den.is_empty()
    }

    pub fn quotient(&self, sums: &(impl Sums + ?Sized)) -> Option<Quotient> {
        let eval = |terms: Terms| {
            terms.iter().try_fold(Decimal::ZERO, |acc, (sign, s)| {
                let raw = sums.sum(*s)?;
                let v = if s.is_fen() {
                    from_fen(raw)
                } else {
                    Decimal::from(raw)
                };
                Some(acc + Decimal::from(*sign) * v)
            })
        };
        Some(Quotient {
            num: eval(self.num)?,
            den: if self.den.is_empty() {
                Decimal::ONE
            } else {
                eval(self.den)?
            },
        })
    }
}

// One row of the table below; positional so that the table reads as one.
#[allow(clippy::too_many_arguments)]
const fn def(
    metric: Metric,
    name: &'static str,
    label: &'static str,
    unit: Unit,
    direction: Direction,
    source: Source,
    num: Terms,
    den: Terms,
) -> Def {
    Def {
        metric,
        name,
        label,
        unit,
        direction,
        source,
        num,
        den,
    }
}

use Direction::{Higher, Lower};
use Source::{Ad, Agent, Design, OwnedProducts, Shop};
use Sum::*;
use Unit::{Count, Money, Rate, Ratio, Seconds};

/// DOMAIN §3, in the order of [`Metric`]'s variants.
#[rustfmt::skip]
pub static CATALOGUE: [Def; 33] = [
    // Shop (生意参谋).
    def(Metric::PaidAmount, "paid_amount", "支付金额", Money, Higher, Shop, &[(1, PaidAmount)], &[]),
    def(Metric::ConversionRate, "conversion_rate", "支付转化率", Rate, Higher, Shop, &[(1, PaidBuyers)], &[(1, Visitors)]),
    def(Metric::Roi, "roi", "投入产出比", Ratio, Higher, Ad, &[(1, AttributedAmount)], &[(1, AdSpend)]),
    def(Metric::RefundRate, "refund_rate", "退款率", Rate, Lower, Shop, &[(1, RefundAmount)], &[(1, PaidAmount)]),
    def(
        Metric::NetProfit, "net_profit", "净利润", Money, Higher, Shop,
        &[(1, PaidAmount), (-1, RefundAmount), (-1, CostOfGoods), (-1, ShippingCost), (-1, AdSpend)],
        &[],
    ),
    // Customer service (赤兔).
    def(Metric::SalesAmount, "sales_amount", "客服销售额", Money, Higher, Agent, &[(1, SalesAmount)], &[]),
    def(Metric::InquiryConversion, "inquiry_conversion", "询单→最终付款转化率", Rate, Higher, Agent, &[(1, PaidBuyers)], &[(1, Inquiries)]),
    def(Metric::CsAov, "cs_aov", "客服客单价", Money, Higher, Agent, &[(1, SalesAmount)], &[(1, PaidBuyers)]),
    def(Metric::ReplyRate, "reply_rate", "回复率", Rate, Higher, Agent, &[(1, Received), (-1, Unreplied)], &[(1, Received)]),
    def(Metric::AvgResponse, "avg_response", "平均响应时间", Seconds, Lower, Agent, &[(1, ResponseSeconds)], &[(1, ResponseCount)]),
    // Design.
    def(Metric::OnTimeRate, "on_time_rate", "准时交付率", Rate, Higher, Design, &[(1, OnTime)], &[(1, Delivered)]),
    def(Metric::Delivered, "delivered", "交付数", Count, Higher, Design, &[(1, Delivered)], &[]),
    def(Metric::OwnedConversion, "owned_conversion", "负责商品转化率", Rate, Higher, OwnedProducts, &[(1, PaidBuyers)], &[(1, Visitors)]),
    // Ads.
    def(Metric::Ctr, "ctr", "点击率", Rate, Higher, Ad, &[(1, Clicks)], &[(1, Impressions)]),
    def(Metric::Cpc, "cpc", "平均点击花费", Money, Lower, Ad, &[(1, AdSpend)], &[(1, Clicks)]),
    def(Metric::AttributedAmount, "attributed_amount", "推广成交金额", Money, Higher, Ad, &[(1, AttributedAmount)], &[]),
    // The rest of §3.
    def(Metric::Visitors, "visitors", "访客数", Count, Higher, Shop, &[(1, Visitors)], &[]),
    def(Metric::PaidBuyers, "paid_buyers", "支付买家数", Count, Higher, Shop, &[(1, PaidBuyers)], &[]),
    def(Metric::Aov, "aov", "客单价", Money, Higher, Shop, &[(1, PaidAmount)], &[(1, PaidBuyers)]),
    def(Metric::FavCartRate, "fav_cart_rate", "收藏加购率", Rate, Higher, Shop, &[(1, FavCartBuyers)], &[(1, Visitors)]),
    def(Metric::BounceRate, "bounce_rate", "跳失率", Rate, Lower, Shop, &[(1, BouncedVisitors)], &[(1, Visitors)]),
    def(Metric::VisitDepth, "visit_depth", "人均浏览量", Ratio, Higher, Shop, &[(1, PageViews)], &[(1, Visitors)]),
    def(Metric::UvValue, "uv_value", "UV价值", Money, Higher, Shop, &[(1, PaidAmount)], &[(1, Visitors)]),
    def(
        Metric::GrossProfit, "gross_profit", "毛利润", Money, Higher, Shop,
        &[(1, PaidAmount), (-1, RefundAmount), (-1, CostOfGoods), (-1, ShippingCost)],
        &[],
    ),
    def(Metric::Inquiries, "inquiries", "询单人数", Count, Higher, Agent, &[(1, Inquiries)], &[]),
    def(Metric::OrderRate, "order_rate", "询单→下单转化率", Rate, Higher, Agent, &[(1, OrderedBuyers)], &[(1, Inquiries)]),
    def(Metric::PaymentRate, "payment_rate", "下单→付款转化率", Rate, Higher, Agent, &[(1, PaidBuyers)], &[(1, OrderedBuyers)]),
    def(Metric::AvgFirstResponse, "avg_first_response", "首次响应时间", Seconds, Lower, Agent, &[(1, FirstResponseSeconds)], &[(1, FirstResponseCount)]),
    def(Metric::AnswerRatio, "answer_ratio", "答问比", Ratio, Higher, Agent, &[(1, AgentMessages)], &[(1, BuyerMessages)]),
    def(Metric::Satisfaction, "satisfaction", "满意度", Rate, Higher, Agent, &[(1, RatedGood)], &[(1, RatedGood), (1, RatedBad)]),
    def(Metric::AdSpend, "ad_spend", "推广花费", Money, Lower, Ad, &[(1, AdSpend)], &[]),
    def(Metric::Cvr, "cvr", "推广转化率", Rate, Higher, Ad, &[(1, AttributedOrders)], &[(1, Clicks)]),
    def(Metric::AvgRevisions, "avg_revisions", "平均修改次数", Ratio, Lower, Design, &[(1, Revisions)], &[(1, Delivered)]),
];

impl Metric {
    pub fn def(self) -> &'static Def {
        &CATALOGUE[self as usize]
    }
}

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

    #[cfg(test)]
    pub fn ratio(num: impl Into<Decimal>, den: impl Into<Decimal>) -> Self {
        Self {
            num: num.into(),
            den: den.into(),
        }
    }

    /// The exact value; `None` for x/0.
    pub fn value(&self) -> Option<Decimal> {
        exact(&[self.num], &[self.den])
    }

    /// Adds another's numerator and denominator (pooling people or days).
    pub fn pool(self, o: Quotient) -> Quotient {
        Quotient {
            num: self.num + o.num,
            den: self.den + o.den,
        }
    }
}

/// The team's value of a metric among people (§7 TEAM_AVERAGE, §8 TEAM_RELATIVE): the pooled
/// quotient of a ratio (Σ numerators / Σ denominators), the mean per person of a sum.
pub fn team_value(metric: Metric, people: impl IntoIterator<Item = Quotient>) -> Quotient {
    if metric.def().is_sum() {
        mean(people.into_iter().map(|q| q.num))
    } else {
        people.into_iter().fold(Quotient::default(), Quotient::pool)
    }
}

/// Σ values / their number.
pub fn mean(values: impl IntoIterator<Item = Decimal>) -> Quotient {
    values
        .into_iter()
        .fold(Quotient::default(), |q, v| Quotient {
            num: q.num + v,
            den: q.den + Decimal::ONE,
        })
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

/// `value` for display to 10 places, at least `places`, without trailing zeros beyond them.
pub fn precise(value: Decimal, places: u32) -> Decimal {
    at_least(round(value, 10), places)
}

/// Without trailing zeros, but with at least `places` places.
fn at_least(value: Decimal, places: u32) -> Decimal {
    let mut d = value.normalize();
    if d.scale() < places {
        d.rescale(places);
    }
    d
}

/// `value` for display: rounded to `places`, or with as many more places as it takes for the
/// shown value to compare with every one of `boundaries` (tier thresholds, a target, a grade's
/// lower bound) as the exact value does — 249.995 against a tier at 250, not 250.00.
pub fn shown(value: Decimal, places: u32, boundaries: &[Decimal]) -> Decimal {
    for p in places..=28 {
        let r = round(value, p);
        if boundaries.iter().all(|b| r.cmp(b) == value.cmp(b)) {
            return at_least(r, places);
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_in_enum_order_and_complete() {
        use sea_orm::Iterable;
        let listed: Vec<Metric> = CATALOGUE.iter().map(|d| d.metric).collect();
        assert_eq!(listed, Metric::iter().collect::<Vec<_>>());
    }

    #[test]
    fn large_products_divide_step_by_step_instead_of_overflowing() {
        let big = Decimal::from(10_i64.pow(15));
        // 10^15 × 10^15 overflows 28 digits; dividing by 10^15 on the way does not.
        assert_eq!(exact(&[big, big], &[big]), Some(big));
        assert_eq!(exact(&[Decimal::ONE], &[Decimal::ZERO]), None);
    }

    #[test]
    fn shown_values_keep_the_side_of_every_boundary() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // 49999.00 / 200 = 249.995: 250.00 would pass a tier at 250.
        assert_eq!(shown(d("249.995"), 2, &[d("250")]).to_string(), "249.995");
        assert_eq!(shown(d("249.995"), 2, &[]).to_string(), "250.00");
        assert_eq!(shown(d("250"), 2, &[d("250")]).to_string(), "250.00");
        // 45004 / 100009 = 0.44999950004…: 0.4500 would pass 45 %.
        let conversion = exact(&[d("45004")], &[d("100009")]).unwrap();
        assert_eq!(
            shown(conversion, 4, &[d("0.45"), d("0.40")]).to_string(),
            "0.4499995"
        );
        // 70000036 / 2000001 = 35.0000005 s against ≤ 35 s.
        let response = exact(&[d("70000036")], &[d("2000001")]).unwrap();
        assert_eq!(shown(response, 2, &[d("35")]).to_string(), "35.0000005");
    }
}
