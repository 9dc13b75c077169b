//! The rules of the morning diagnosis (§5), as a pure function of a day's [`Facts`].
//!
//! Each rule yields a [`Check`] per subject it looks at (the shop, an agent, a channel, a
//! product...), fired or not: the diagnosis keeps the fired ones, and the verification of a task
//! reads the same check on a later day. Thresholds are compared in exact decimals, so a value
//! exactly on a threshold behaves as §5 says (`>` and `<` do not fire on it, `≥`/`≤` do).

use rust_decimal::Decimal;

use super::facts::{CompetitorItem, Facts, Hero, channel_key};
use super::thresholds::{ThresholdKey as K, Thresholds};
use crate::entities::{Comparison, FindingCode, Metric, Role, Severity, ad_day};
use crate::money::from_fen;
use crate::services::catalogue::Sums;
use crate::services::metrics::cs::CsTotals;
use crate::services::metrics::reports::{AdTotals, ProductTotals};
use crate::services::metrics::shop::{GmvSplit, ShopTotals, gmv_split};

#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub code: FindingCode,
    /// What the check is about within its code: "" for the shop, `staff:12`, `product:3`,
    /// `channel:ZTC`, `channel:ZTC:staff:5`, `competitor:<name>:<item>`, `dsr:service`...
    pub subject: String,
    pub fires: bool,
    pub severity: Severity,
    pub metric: &'static str,
    pub observed: Option<Decimal>,
    pub expected: Option<Decimal>,
    pub comparison: Comparison,
    pub owner_role: Role,
    pub owner_staff_id: Option<i64>,
    pub message: String,
    pub split: Option<GmvSplit>,
}

/// A rule that could not run for lack of its own inputs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Skipped {
    pub code: FindingCode,
    pub reason: String,
}

#[derive(Default)]
pub struct Outcome {
    pub checks: Vec<Check>,
    pub skipped: Vec<Skipped>,
}

impl Outcome {
    fn skip(&mut self, code: FindingCode, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            code,
            reason: reason.into(),
        });
    }
}

/// What the owner of a finding should do first (shown on the finding and copied into its task).
pub fn suggested_action(code: FindingCode) -> &'static str {
    use FindingCode::*;
    match code {
        SalesBelowTarget => {
            "Find the factor that fell (traffic, conversion or AOV) in the split and act on it first."
        }
        TrafficDrop => {
            "Review paid traffic (直通车 bids, keywords, crowds) and search ranking; restore budget where it fell."
        }
        ConversionDrop => {
            "Review the detail page, price, reviews and customer-service replies against competitors' offers."
        }
        BounceHigh => {
            "Redo the main image and the first screen of the detail page so the page keeps the promise of the ad."
        }
        VisitDepthLow => "Add related products, bundles and store navigation to the detail page.",
        AovStructure => {
            "Add bundles, 满减 thresholds and upsells so the average order rises above the hero product's."
        }
        RefundSpike => {
            "Read the refund reasons, contact the buyers, and check quality and the accuracy of the description."
        }
        BadReview => "Contact the buyer, solve the complaint and reply to the review.",
        CsConversionLag => {
            "Compare the agent's chats with the best agent's; train objection handling and chasing unpaid orders."
        }
        CsSlowResponse => "Check the agent's load and shifts; set up quick replies.",
        AdRoiLow => {
            "Cut bids on, or pause, the keywords and placements that spend without converting."
        }
        AdCtrDrop => "Test new creatives and titles; check positions and bids.",
        StockLow => "Reorder now, or slow the promotion, before the hero product sells out.",
        CompetitorPriceCut => {
            "Decide whether to answer with a coupon or bundle or to stress value; watch conversion."
        }
        DsrLow => {
            "Find the cause of the falling score (description, service or logistics) and follow up recent ratings."
        }
        DataMissing => "Import the missing export, then run the diagnosis again.",
    }
}

/// How urgent each rule is (SALES_BELOW_TARGET grades itself by the shortfall).
fn severity(code: FindingCode) -> Severity {
    use FindingCode::*;
    match code {
        TrafficDrop | ConversionDrop | BadReview | AdRoiLow | StockLow | DataMissing
        | SalesBelowTarget => Severity::High,
        BounceHigh | RefundSpike | CsConversionLag | CsSlowResponse | AdCtrDrop
        | CompetitorPriceCut | DsrLow => Severity::Medium,
        VisitDepthLow | AovStructure => Severity::Low,
    }
}

fn round(v: Decimal, dp: u32) -> Decimal {
    crate::money::round_half_up(v, dp).normalize()
}

fn pct(v: Decimal) -> String {
    format!("{}%", round(v * Decimal::ONE_HUNDRED, 1))
}

struct Base {
    code: FindingCode,
    subject: String,
    metric: &'static str,
    comparison: Comparison,
    owner_role: Role,
}

fn check(
    b: Base,
    fires: bool,
    observed: Option<Decimal>,
    expected: Option<Decimal>,
    dp: u32,
    message: String,
) -> Check {
    Check {
        severity: severity(b.code),
        code: b.code,
        subject: b.subject,
        fires,
        metric: b.metric,
        observed: observed.map(|v| round(v, dp)),
        expected: expected.map(|v| round(v, dp)),
        comparison: b.comparison,
        owner_role: b.owner_role,
        owner_staff_id: None,
        message,
        split: None,
    }
}

fn shop(code: FindingCode, metric: &'static str, comparison: Comparison, owner: Role) -> Base {
    Base {
        code,
        subject: String::new(),
        metric,
        comparison,
        owner_role: owner,
    }
}

/// DATA_MISSING for one table of daily data (its name is the subject and the metric).
fn missing(table: &'static str, message: String) -> Check {
    let base = Base {
        code: FindingCode::DataMissing,
        subject: table.into(),
        metric: table,
        comparison: Comparison::Threshold,
        owner_role: Role::Operations,
    };
    check(base, true, None, None, 0, message)
}

pub fn evaluate(f: &Facts, t: &Thresholds) -> Outcome {
    let mut out = Outcome::default();
    shop_rules(f, t, &mut out);
    product_rules(f, t, &mut out);
    cs_rules(f, t, &mut out);
    ad_rules(f, t, &mut out);
    competitor_rules(f, t, &mut out);
    out
}

/// A rule of a group, run on each of the group's subjects (the shop's day, a hero product, an
/// agent, the day's ad rows, a competitor item): the finding codes it decides, and how. A new
/// rule is one function and one entry of its group's table.
struct Rule<S: ?Sized> {
    codes: &'static [FindingCode],
    run: fn(&Facts, &S, &Thresholds, &mut Outcome),
}

/// Each subject in turn, every rule on it, in table order.
fn run_each<'a, S: ?Sized + 'a>(
    rules: &[Rule<S>],
    subjects: impl IntoIterator<Item = &'a S>,
    f: &Facts,
    t: &Thresholds,
    out: &mut Outcome,
) {
    for subject in subjects {
        for rule in rules {
            (rule.run)(f, subject, t, out);
        }
    }
}

/// Every code of a group skipped, for lack of the group's data.
fn skip_all<S: ?Sized>(rules: &[Rule<S>], reason: &str, out: &mut Outcome) {
    for code in rules.iter().flat_map(|r| r.codes) {
        out.skip(*code, reason);
    }
}

/// A person's name for messages.
fn name(f: &Facts, id: i64) -> String {
    f.names
        .get(&id)
        .cloned()
        .unwrap_or_else(|| format!("#{id}"))
}

/// In the order their checks are listed.
const SHOP_RULES: [Rule<ShopTotals>; 7] = [
    Rule {
        codes: &[FindingCode::SalesBelowTarget],
        run: sales_below_target,
    },
    Rule {
        codes: &[FindingCode::TrafficDrop],
        run: traffic_drop,
    },
    Rule {
        codes: &[FindingCode::ConversionDrop],
        run: conversion_drop,
    },
    Rule {
        codes: &[FindingCode::BounceHigh, FindingCode::VisitDepthLow],
        run: bounce_and_depth,
    },
    Rule {
        codes: &[FindingCode::AovStructure],
        run: aov_structure,
    },
    Rule {
        codes: &[FindingCode::RefundSpike],
        run: refund_spike,
    },
    Rule {
        codes: &[FindingCode::DsrLow],
        run: dsr_low,
    },
];

fn shop_rules(f: &Facts, t: &Thresholds, out: &mut Outcome) {
    let Some(day) = &f.day else {
        out.checks.push(missing(
            "shop_day",
            format!("no shop data (生意参谋) for {}", f.date),
        ));
        skip_all(&SHOP_RULES, &format!("no shop data for {}", f.date), out);
        return;
    };
    run_each(&SHOP_RULES, [day], f, t, out);
}

/// Paid amount under the day's target; the shortfall sets the severity.
fn sales_below_target(f: &Facts, day: &ShopTotals, t: &Thresholds, out: &mut Outcome) {
    use FindingCode::*;
    let paid = from_fen(day.paid_amount_fen);

    match f.targets.get(&Metric::PaidAmount) {
        None => out.skip(SalesBelowTarget, "no paid-amount target for the day"),
        Some(&target) => {
            let shortfall = if target > Decimal::ZERO {
                (target - paid) / target
            } else {
                Decimal::ZERO
            };
            let mut c = check(
                shop(
                    SalesBelowTarget,
                    Metric::PaidAmount.def().name,
                    Comparison::DailyTarget,
                    Role::Operations,
                ),
                paid < target,
                Some(paid),
                Some(target),
                2,
                format!(
                    "paid amount ¥{} is {} under the daily target ¥{}",
                    paid,
                    pct(shortfall),
                    round(target, 2)
                ),
            );
            c.severity = if shortfall >= t.get(K::SalesHighShortfall) {
                Severity::High
            } else if shortfall >= t.get(K::SalesMediumShortfall) {
                Severity::Medium
            } else {
                Severity::Low
            };
            c.split = gmv_split(day, &f.week);
            out.checks.push(c);
        }
    }
}

/// Visitors under a share of the 7-day mean.
fn traffic_drop(f: &Facts, day: &ShopTotals, t: &Thresholds, out: &mut Outcome) {
    use FindingCode::*;
    match (day.visitors, f.week.per_day(Metric::Visitors)) {
        (None, _) => out.skip(TrafficDrop, "the day's visitors were not imported"),
        (_, None) if f.week.days > 0 => out.skip(
            TrafficDrop,
            "the visitors of a day in the 7 days before were not imported",
        ),
        (_, None) => out.skip(TrafficDrop, "no shop data in the 7 days before"),
        (Some(visitors), Some(mean)) => {
            let visitors = Decimal::from(visitors);
            out.checks.push(check(
                shop(
                    TrafficDrop,
                    Metric::Visitors.def().name,
                    Comparison::Mean7Days,
                    Role::Promotion,
                ),
                visitors < t.get(K::TrafficDropRatio) * mean,
                Some(visitors),
                Some(mean),
                2,
                format!(
                    "visitors {} against the 7-day mean {}",
                    visitors,
                    round(mean, 2)
                ),
            ));
        }
    }
}

/// Conversion under a share of the 7-day conversion, or under its target.
fn conversion_drop(f: &Facts, day: &ShopTotals, t: &Thresholds, out: &mut Outcome) {
    use FindingCode::*;
    let conversion = day.value(Metric::ConversionRate);
    let base = f.week.value(Metric::ConversionRate);
    let target = f.targets.get(&Metric::ConversionRate).copied();
    match (conversion, base, target) {
        (None, _, _) => out.skip(ConversionDrop, "no visitors on the day"),
        (_, None, None) => out.skip(ConversionDrop, "no 7-day base and no conversion target"),
        (Some(c), base, target) => {
            let under_mean = base.filter(|b| c < t.get(K::ConversionDropRatio) * b);
            let under_target = target.filter(|g| c < *g);
            let (fires, expected, comparison) = match (under_mean, under_target) {
                (Some(b), _) => (true, b, Comparison::Mean7Days),
                (None, Some(g)) => (true, g, Comparison::DailyTarget),
                (None, None) => match base {
                    Some(b) => (false, b, Comparison::Mean7Days),
                    None => (false, target.unwrap_or_default(), Comparison::DailyTarget),
                },
            };
            let against = if comparison == Comparison::Mean7Days {
                "the 7-day conversion"
            } else {
                "the conversion target"
            };
            out.checks.push(check(
                shop(
                    ConversionDrop,
                    Metric::ConversionRate.def().name,
                    comparison,
                    Role::Operations,
                ),
                fires,
                Some(c),
                Some(expected),
                4,
                format!("conversion {} against {against} {}", pct(c), pct(expected)),
            ));
        }
    }
}

/// Bounce rate above its maximum; page views per visitor under their minimum.
fn bounce_and_depth(_: &Facts, day: &ShopTotals, t: &Thresholds, out: &mut Outcome) {
    use FindingCode::*;
    match day.value(Metric::BounceRate) {
        None => {
            out.skip(BounceHigh, "no visitors on the day");
            out.skip(VisitDepthLow, "no visitors on the day");
        }
        Some(bounce) => {
            let max = t.get(K::BounceRateMax);
            out.checks.push(check(
                shop(
                    BounceHigh,
                    Metric::BounceRate.def().name,
                    Comparison::Threshold,
                    Role::Designer,
                ),
                bounce > max,
                Some(bounce),
                Some(max),
                4,
                format!("bounce rate (跳失率) {} above {}", pct(bounce), pct(max)),
            ));
            let depth = day.value(Metric::VisitDepth).unwrap_or_default();
            let min = t.get(K::VisitDepthMin);
            out.checks.push(check(
                shop(
                    VisitDepthLow,
                    Metric::VisitDepth.def().name,
                    Comparison::Threshold,
                    Role::Designer,
                ),
                depth < min,
                Some(depth),
                Some(min),
                2,
                format!(
                    "{} page views per visitor, under {}",
                    round(depth, 2),
                    round(min, 2)
                ),
            ));
        }
    }
}

/// AOV under a multiple of the best-selling hero product's.
fn aov_structure(f: &Facts, day: &ShopTotals, t: &Thresholds, out: &mut Outcome) {
    use FindingCode::*;
    let heroes_sold = f
        .heroes
        .iter()
        .filter_map(|h| h.day.as_ref().map(|d| (h, d)))
        .filter(|(_, d)| d.paid_buyers > 0)
        .max_by_key(|(h, d)| {
            (
                d.paid_units,
                d.paid_amount_fen,
                std::cmp::Reverse(h.product.id),
            )
        });
    match (heroes_sold, day.value(Metric::Aov)) {
        _ if f.heroes.is_empty() => out.skip(AovStructure, "the team has no hero products"),
        (None, _) => out.skip(AovStructure, "no hero product sold on the day"),
        (_, None) => out.skip(AovStructure, "no paying buyers on the day"),
        (Some((hero, d)), Some(aov)) => {
            let hero_aov = ProductTotals::from(d)
                .value(Metric::Aov)
                .unwrap_or_default();
            let expected = t.get(K::AovHeroMultiple) * hero_aov;
            out.checks.push(check(
                shop(
                    AovStructure,
                    Metric::Aov.def().name,
                    Comparison::HeroProduct,
                    Role::Operations,
                ),
                aov < expected,
                Some(aov),
                Some(expected),
                2,
                format!(
                    "AOV (客单价) ¥{} under {} × ¥{} of the best-selling hero product {}",
                    round(aov, 2),
                    round(t.get(K::AovHeroMultiple), 2),
                    round(hero_aov, 2),
                    hero.product.title
                ),
            ));
        }
    }
}

/// Refund rate above a multiple of the 30-day rate.
fn refund_spike(f: &Facts, day: &ShopTotals, t: &Thresholds, out: &mut Outcome) {
    use FindingCode::*;
    match (
        day.value(Metric::RefundRate),
        f.month.value(Metric::RefundRate),
    ) {
        (None, _) => out.skip(RefundSpike, "no paid amount on the day"),
        (_, None) => out.skip(RefundSpike, "no paid amount in the 30 days before"),
        (Some(rate), Some(base)) => {
            out.checks.push(check(
                shop(
                    RefundSpike,
                    Metric::RefundRate.def().name,
                    Comparison::Mean30Days,
                    Role::CustomerService,
                ),
                rate > t.get(K::RefundSpikeMultiple) * base,
                Some(rate),
                Some(base),
                4,
                format!("refund rate {} against the 30-day {}", pct(rate), pct(base)),
            ));
        }
    }
}

/// Each DSR score under its minimum, or down from the day before.
fn dsr_low(f: &Facts, day: &ShopTotals, t: &Thresholds, out: &mut Outcome) {
    use FindingCode::*;
    let scores = [
        (
            "description",
            day.dsr_description_milli,
            f.previous_day
                .as_ref()
                .and_then(|p| p.dsr_description_milli),
        ),
        (
            "service",
            day.dsr_service_milli,
            f.previous_day.as_ref().and_then(|p| p.dsr_service_milli),
        ),
        (
            "logistics",
            day.dsr_logistics_milli,
            f.previous_day.as_ref().and_then(|p| p.dsr_logistics_milli),
        ),
    ];
    if scores.iter().all(|(_, now, _)| now.is_none()) {
        out.skip(DsrLow, "no DSR scores on the day");
    }
    for (name, now, before) in scores {
        let Some(now) = now else { continue };
        let now = Decimal::new(now.into(), 3);
        let before = before.map(|b| Decimal::new(b.into(), 3));
        let min = t.get(K::DsrMin);
        let dropped = before.filter(|b| *b - now >= t.get(K::DsrDrop));
        let (fires, expected, comparison) = if now < min {
            (true, min, Comparison::Threshold)
        } else if let Some(b) = dropped {
            (true, b, Comparison::PreviousDay)
        } else {
            (false, min, Comparison::Threshold)
        };
        out.checks.push(check(
            Base {
                code: DsrLow,
                subject: format!("dsr:{name}"),
                metric: match name {
                    "description" => "dsr_description",
                    "service" => "dsr_service",
                    _ => "dsr_logistics",
                },
                comparison,
                owner_role: Role::Operations,
            },
            fires,
            Some(now),
            Some(expected),
            3,
            match comparison {
                Comparison::PreviousDay => format!("DSR {name} {now} down from {expected}"),
                _ => format!("DSR {name} {now} under {}", round(min, 3)),
            },
        ));
    }
}

/// Per hero product (主推款), in product order.
const PRODUCT_RULES: [Rule<Hero>; 2] = [
    Rule {
        codes: &[FindingCode::BadReview],
        run: bad_review,
    },
    Rule {
        codes: &[FindingCode::StockLow],
        run: stock_low,
    },
];

fn product_rules(f: &Facts, t: &Thresholds, out: &mut Outcome) {
    if f.heroes.is_empty() {
        skip_all(&PRODUCT_RULES, "the team has no hero products", out);
        return;
    }
    run_each(&PRODUCT_RULES, &f.heroes, f, t, out);
}

/// Any bad review (中差评) of a hero product on the day.
fn bad_review(_: &Facts, hero: &Hero, _: &Thresholds, out: &mut Outcome) {
    let Some(day) = &hero.day else { return };
    let p = &hero.product;
    out.checks.push(check(
        Base {
            code: FindingCode::BadReview,
            subject: format!("product:{}", p.id),
            metric: "bad_reviews",
            comparison: Comparison::Threshold,
            owner_role: Role::CustomerService,
        },
        day.bad_reviews > 0,
        Some(day.bad_reviews.into()),
        Some(Decimal::ZERO),
        0,
        format!(
            "{} bad reviews (中差评) on hero product {}",
            day.bad_reviews, p.title
        ),
    ));
}

/// A hero product's stock under some days of its 7-day mean sales.
fn stock_low(_: &Facts, hero: &Hero, t: &Thresholds, out: &mut Outcome) {
    let Some(day) = &hero.day else { return };
    let (Some(stock), Some(mean)) = (
        day.stock,
        (hero.days_week > 0)
            .then(|| Decimal::from(hero.units_week) / Decimal::from(hero.days_week)),
    ) else {
        return;
    };
    let p = &hero.product;
    let cover = t.get(K::StockCoverDays) * mean;
    out.checks.push(check(
        Base {
            code: FindingCode::StockLow,
            subject: format!("product:{}", p.id),
            metric: "stock",
            comparison: Comparison::Mean7Days,
            owner_role: Role::Operations,
        },
        Decimal::from(stock) < cover,
        Some(stock.into()),
        Some(cover),
        2,
        format!(
            "stock {} of hero product {} covers {} days of its 7-day mean sales ({}/day)",
            stock,
            p.title,
            if mean.is_zero() {
                "many".into()
            } else {
                round(Decimal::from(stock) / mean, 1).to_string()
            },
            round(mean, 2)
        ),
    ));
}

/// Per agent with a day, in staff order.
const CS_RULES: [Rule<CsTotals>; 2] = [
    Rule {
        codes: &[FindingCode::CsConversionLag],
        run: cs_conversion_lag,
    },
    Rule {
        codes: &[FindingCode::CsSlowResponse],
        run: cs_slow_response,
    },
];

fn cs_rules(f: &Facts, t: &Thresholds, out: &mut Outcome) {
    if f.agents.is_empty() {
        if f.has_agents {
            out.checks.push(missing(
                "agent_day",
                format!("no customer-service data (赤兔) for {}", f.date),
            ));
        }
        skip_all(&CS_RULES, "no customer-service data on the day", out);
        return;
    }
    run_each(&CS_RULES, &f.agents, f, t, out);
}

/// An agent with enough inquiries converting some points under the team's pooled conversion.
fn cs_conversion_lag(f: &Facts, a: &CsTotals, t: &Thresholds, out: &mut Outcome) {
    let min_inquiries = t
        .get(K::CsMinInquiries)
        .trunc()
        .try_into()
        .unwrap_or(i64::MAX);
    let (Some(team_c), Some(c)) = (
        f.agents_team.value(Metric::InquiryConversion),
        a.value(Metric::InquiryConversion),
    ) else {
        return;
    };
    if a.inquiries < min_inquiries {
        return;
    }
    let mut lag = check(
        Base {
            code: FindingCode::CsConversionLag,
            subject: format!("staff:{}", a.staff_id),
            metric: Metric::InquiryConversion.def().name,
            comparison: Comparison::Team,
            owner_role: Role::CustomerService,
        },
        team_c - c >= t.get(K::CsConversionGap),
        Some(c),
        Some(team_c),
        4,
        format!(
            "{} converts {} of inquiries (询单转化), the team {}",
            name(f, a.staff_id),
            pct(c),
            pct(team_c)
        ),
    );
    lag.owner_staff_id = Some(a.staff_id);
    out.checks.push(lag);
}

/// An agent's average first response over the maximum.
fn cs_slow_response(f: &Facts, a: &CsTotals, t: &Thresholds, out: &mut Outcome) {
    let Some(avg) = a.value(Metric::AvgFirstResponse) else {
        return;
    };
    let max = t.get(K::CsFirstResponseMax);
    let mut slow = check(
        Base {
            code: FindingCode::CsSlowResponse,
            subject: format!("staff:{}", a.staff_id),
            metric: Metric::AvgFirstResponse.def().name,
            comparison: Comparison::Threshold,
            owner_role: Role::CustomerService,
        },
        avg > max,
        Some(avg),
        Some(max),
        2,
        format!(
            "{} answers first in {} s on average, over {} s",
            name(f, a.staff_id),
            round(avg, 1),
            round(max, 1)
        ),
    );
    slow.owner_staff_id = Some(a.staff_id);
    out.checks.push(slow);
}

/// On the day's ad rows (one per channel and owner, in that order).
const AD_RULES: [Rule<[ad_day::Model]>; 2] = [
    Rule {
        codes: &[FindingCode::AdRoiLow],
        run: ad_roi_low,
    },
    Rule {
        codes: &[FindingCode::AdCtrDrop],
        run: ad_ctr_drop,
    },
];

fn ad_rules(f: &Facts, t: &Thresholds, out: &mut Outcome) {
    if f.ads.is_empty() {
        if !f.ads_week.is_empty() {
            out.checks.push(missing(
                "ad_day",
                format!(
                    "no ad data for {}, though the 7 days before had some",
                    f.date
                ),
            ));
        }
        skip_all(&AD_RULES, "no ad data on the day", out);
        return;
    }
    run_each(&AD_RULES, [f.ads.as_slice()], f, t, out);
}

/// Each channel and owner's ROI under the team's ROI target, else under the minimum.
fn ad_roi_low(f: &Facts, ads: &[ad_day::Model], t: &Thresholds, out: &mut Outcome) {
    let (target, comparison) = match f.targets.get(&Metric::Roi) {
        Some(roi) => (*roi, Comparison::DailyTarget),
        None => (t.get(K::AdRoiMin), Comparison::Threshold),
    };
    for r in ads {
        let channel = channel_key(r.channel);
        let Some(roi) = AdTotals::from(r).value(Metric::Roi) else {
            continue;
        };
        let mut c = check(
            Base {
                code: FindingCode::AdRoiLow,
                subject: format!("channel:{channel}:staff:{}", r.owner_id),
                metric: Metric::Roi.def().name,
                comparison,
                owner_role: Role::Promotion,
            },
            roi < target,
            Some(roi),
            Some(target),
            2,
            format!(
                "{channel} ROI {} (owner {}) under {}",
                round(roi, 2),
                name(f, r.owner_id),
                round(target, 2)
            ),
        );
        c.owner_staff_id = Some(r.owner_id);
        out.checks.push(c);
    }
}

/// Each channel's CTR under a share of its 7-day CTR.
fn ad_ctr_drop(f: &Facts, _: &[ad_day::Model], t: &Thresholds, out: &mut Outcome) {
    // A channel without impressions (淘宝客) has no CTR, so no finding.
    for (channel, day) in &f.ads_day {
        let Some(ctr) = day.value(Metric::Ctr) else {
            continue;
        };
        let Some(base) = f.ads_week.get(channel).and_then(|w| w.value(Metric::Ctr)) else {
            continue;
        };
        out.checks.push(check(
            Base {
                code: FindingCode::AdCtrDrop,
                subject: format!("channel:{channel}"),
                metric: Metric::Ctr.def().name,
                comparison: Comparison::Mean7Days,
                owner_role: Role::Promotion,
            },
            ctr < t.get(K::AdCtrDropRatio) * base,
            Some(ctr),
            Some(base),
            4,
            format!("{channel} CTR {} against the 7-day {}", pct(ctr), pct(base)),
        ));
    }
}

/// Per tracked competitor item seen on the day, by competitor and item.
const COMPETITOR_RULES: [Rule<CompetitorItem>; 1] = [Rule {
    codes: &[FindingCode::CompetitorPriceCut],
    run: competitor_price_cut,
}];

fn competitor_rules(f: &Facts, t: &Thresholds, out: &mut Outcome) {
    if f.competitors.is_empty() {
        skip_all(&COMPETITOR_RULES, "no competitor snapshots on the day", out);
        return;
    }
    run_each(&COMPETITOR_RULES, &f.competitors, f, t, out);
}

/// A price at or under a share of the item's previous snapshot.
fn competitor_price_cut(_: &Facts, c: &CompetitorItem, t: &Thresholds, out: &mut Outcome) {
    let Some((_, before)) = c.previous else {
        return;
    };
    let (now, before) = (from_fen(c.price_fen), from_fen(before));
    out.checks.push(check(
        Base {
            code: FindingCode::CompetitorPriceCut,
            subject: format!("competitor:{}:{}", c.competitor, c.item),
            metric: "price",
            comparison: Comparison::PreviousSnapshot,
            owner_role: Role::Operations,
        },
        now <= t.get(K::CompetitorPriceRatio) * before,
        Some(now),
        Some(before),
        2,
        format!(
            "{} cut {} to ¥{} from ¥{}",
            c.competitor, c.item, now, before
        ),
    ));
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use chrono::NaiveDate;

    use super::*;
    use crate::entities::{product, product_day};

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    /// A day with no shop data, no people, no products: only what a test sets is there.
    fn facts() -> Facts {
        let d = date();
        Facts {
            date: d,
            day: None,
            previous_day: None,
            week: ShopTotals::empty(d - chrono::Duration::days(7), d - chrono::Duration::days(1)),
            month: ShopTotals::empty(
                d - chrono::Duration::days(30),
                d - chrono::Duration::days(1),
            ),
            targets: HashMap::new(),
            agents: Vec::new(),
            agents_team: CsTotals::default(),
            has_agents: false,
            ads: Vec::new(),
            ads_day: BTreeMap::new(),
            ads_week: BTreeMap::new(),
            heroes: Vec::new(),
            competitors: Vec::new(),
            names: HashMap::new(),
        }
    }

    /// 1,000 visitors, 2,500 page views, 30 buyers paying ¥6,000 on the day.
    fn day() -> ShopTotals {
        ShopTotals {
            days: 1,
            visitors: Some(1000),
            page_views: Some(2500),
            paid_buyers: 30,
            paid_orders: Some(30),
            paid_units: Some(40),
            paid_amount_fen: 600_000,
            bounced_visitors: 500,
            ..ShopTotals::empty(date(), date())
        }
    }

    fn check(out: &Outcome, code: FindingCode) -> &Check {
        out.checks
            .iter()
            .find(|c| c.code == code)
            .unwrap_or_else(|| panic!("no {code:?} check"))
    }

    #[test]
    fn without_the_shop_day_every_shop_rule_is_skipped_in_order() {
        let out = evaluate(&facts(), &Thresholds::default());
        assert_eq!(out.checks[0].metric, "shop_day");
        let skipped: Vec<FindingCode> = out.skipped.iter().map(|s| s.code).take(8).collect();
        use FindingCode::*;
        assert_eq!(
            skipped,
            [
                SalesBelowTarget,
                TrafficDrop,
                ConversionDrop,
                BounceHigh,
                VisitDepthLow,
                AovStructure,
                RefundSpike,
                DsrLow
            ]
        );
    }

    #[test]
    fn bounce_fires_above_the_maximum_not_on_it() {
        // 700 / 1000 = 0.70, the default maximum: `>` does not fire on it.
        let mut f = facts();
        f.day = Some(ShopTotals {
            bounced_visitors: 700,
            ..day()
        });
        let out = evaluate(&f, &Thresholds::default());
        let bounce = check(&out, FindingCode::BounceHigh);
        assert!(!bounce.fires);
        assert_eq!(bounce.observed, Some(Decimal::new(70, 2)));
        // 701 / 1000 = 0.701 > 0.70.
        f.day = Some(ShopTotals {
            bounced_visitors: 701,
            ..day()
        });
        let out = evaluate(&f, &Thresholds::default());
        assert!(check(&out, FindingCode::BounceHigh).fires);
    }

    #[test]
    fn traffic_is_compared_with_the_seven_day_mean() {
        // 7 days of 8,750 visitors: a mean of 1,250; 0.80 × 1,250 = 1,000, and the day's 1,000
        // is not under it. 7 × 1,251 = 8,757: 0.80 × 1,251 = 1,000.8, and 1,000 is.
        let mut f = facts();
        f.day = Some(day());
        f.week.days = 7;
        f.week.visitors = Some(8750);
        let out = evaluate(&f, &Thresholds::default());
        let traffic = check(&out, FindingCode::TrafficDrop);
        assert!(!traffic.fires);
        assert_eq!(traffic.expected, Some(Decimal::from(1250)));
        f.week.visitors = Some(8757);
        let out = evaluate(&f, &Thresholds::default());
        assert!(check(&out, FindingCode::TrafficDrop).fires);

        // A day, or a day of the week, imported without visitors (抖店罗盘): no check, a reason.
        let skipped = |f: &Facts| {
            let out = evaluate(f, &Thresholds::default());
            assert!(
                out.checks
                    .iter()
                    .all(|c| c.code != FindingCode::TrafficDrop)
            );
            let skip = out
                .skipped
                .iter()
                .find(|s| s.code == FindingCode::TrafficDrop);
            skip.map(|s| s.reason.clone())
        };
        f.week.visitors = None;
        assert_eq!(
            skipped(&f).as_deref(),
            Some("the visitors of a day in the 7 days before were not imported")
        );
        f.day = Some(ShopTotals {
            visitors: None,
            ..day()
        });
        assert_eq!(
            skipped(&f).as_deref(),
            Some("the day's visitors were not imported")
        );
    }

    #[test]
    fn a_sales_shortfall_sets_the_severity() {
        // ¥6,000 against ¥8,000: (8000 − 6000) / 8000 = 25 % short, at least the 20 % of HIGH.
        let mut f = facts();
        f.day = Some(day());
        f.targets.insert(Metric::PaidAmount, Decimal::from(8000));
        let out = evaluate(&f, &Thresholds::default());
        let sales = check(&out, FindingCode::SalesBelowTarget);
        assert!(sales.fires);
        assert_eq!(sales.observed, Some(Decimal::from(6000)));
        assert_eq!(sales.severity, Severity::High);
        // Against ¥7,000: 1000 / 7000 = 14.3 % short, between MEDIUM's 10 % and HIGH's 20 %.
        f.targets.insert(Metric::PaidAmount, Decimal::from(7000));
        let out = evaluate(&f, &Thresholds::default());
        assert_eq!(
            check(&out, FindingCode::SalesBelowTarget).severity,
            Severity::Medium
        );
        // On target: no finding.
        f.targets.insert(Metric::PaidAmount, Decimal::from(6000));
        let out = evaluate(&f, &Thresholds::default());
        assert!(!check(&out, FindingCode::SalesBelowTarget).fires);
    }

    /// A hero product with `units_week` sold over `days_week` days before, and its day.
    fn hero(bad_reviews: i64, stock: Option<i64>, units_week: i64, days_week: i64) -> Hero {
        let at = chrono::Utc::now();
        Hero {
            product: product::Model {
                id: 3,
                team_id: 1,
                platform_item_id: "item-3".into(),
                title: "Hero".into(),
                is_hero: true,
                designer_id: None,
                unit_cost_fen: 0,
                active: true,
                created_at: at,
                updated_at: at,
            },
            day: Some(product_day::Model {
                id: 1,
                team_id: 1,
                product_id: 3,
                date: date(),
                visitors: 100,
                paid_buyers: 5,
                paid_units: 5,
                paid_amount_fen: 50_000,
                fav_cart_buyers: 0,
                bad_reviews,
                stock,
                updated_at: at,
            }),
            units_week,
            days_week,
        }
    }

    fn agent(staff_id: i64, inquiries: i64, paid_buyers: i64) -> CsTotals {
        CsTotals {
            staff_id,
            inquiries,
            paid_buyers,
            ..Default::default()
        }
    }

    /// The agents of the day, pooled as the facts pool them.
    fn with_agents(agents: Vec<CsTotals>) -> Facts {
        let mut f = facts();
        f.agents_team = crate::services::metrics::cs::pooled(&agents).unwrap();
        f.agents = agents;
        f
    }

    /// The day's ad rows, and their sums per channel.
    fn set_ads(f: &mut Facts, rows: Vec<ad_day::Model>) {
        f.ads_day = super::super::facts::by_channel(&rows).unwrap();
        f.ads = rows;
    }

    /// A week's ZTC impressions and clicks.
    fn week_ads(impressions: i64, clicks: i64) -> AdTotals {
        AdTotals {
            impressions: Some(impressions),
            clicks,
            ..Default::default()
        }
    }

    fn ad(
        impressions: i64,
        clicks: i64,
        spend_fen: i64,
        attributed_amount_fen: i64,
    ) -> ad_day::Model {
        ad_day::Model {
            id: 1,
            team_id: 1,
            date: date(),
            channel: crate::entities::AdChannel::Ztc,
            owner_id: 5,
            impressions: Some(impressions),
            clicks,
            spend_fen,
            attributed_orders: 1,
            attributed_amount_fen,
            updated_at: chrono::Utc::now(),
        }
    }

    fn competitor(price_fen: i64, before_fen: i64) -> CompetitorItem {
        CompetitorItem {
            competitor: "Rival".into(),
            item: "r-1".into(),
            price_fen,
            previous: Some((date() - chrono::Duration::days(1), before_fen)),
        }
    }

    #[test]
    fn without_their_data_the_other_groups_skip_every_code_in_order() {
        use FindingCode::*;
        let out = evaluate(&facts(), &Thresholds::default());
        let skipped: Vec<FindingCode> = out.skipped.iter().map(|s| s.code).skip(8).collect();
        assert_eq!(
            skipped,
            [
                BadReview,
                StockLow,
                CsConversionLag,
                CsSlowResponse,
                AdRoiLow,
                AdCtrDrop,
                CompetitorPriceCut
            ]
        );
        // No agents and no ads the week before: only the shop day is missing.
        assert_eq!(out.checks.len(), 1);
        let mut f = facts();
        f.has_agents = true;
        f.ads_week.insert("ZTC".into(), week_ads(1000, 50));
        let out = evaluate(&f, &Thresholds::default());
        let missing: Vec<&str> = out.checks.iter().map(|c| c.metric).collect();
        assert_eq!(missing, ["shop_day", "agent_day", "ad_day"]);
    }

    #[test]
    fn a_bad_review_fires_from_the_first() {
        let mut f = facts();
        f.heroes = vec![hero(0, None, 0, 0)];
        let out = evaluate(&f, &Thresholds::default());
        assert!(!check(&out, FindingCode::BadReview).fires);
        f.heroes = vec![hero(1, None, 0, 0)];
        let out = evaluate(&f, &Thresholds::default());
        let bad = check(&out, FindingCode::BadReview);
        assert!(bad.fires);
        assert_eq!(bad.subject, "product:3");
    }

    #[test]
    fn stock_fires_under_seven_days_of_the_weeks_mean_sales() {
        // 70 units over 7 days: 10 a day; 7 × 10 = 70 units of cover, and 70 in stock is not
        // under it; 69 is.
        let mut f = facts();
        f.heroes = vec![hero(0, Some(70), 70, 7)];
        let out = evaluate(&f, &Thresholds::default());
        let stock = check(&out, FindingCode::StockLow);
        assert!(!stock.fires);
        assert_eq!(stock.expected, Some(Decimal::from(70)));
        f.heroes = vec![hero(0, Some(69), 70, 7)];
        let out = evaluate(&f, &Thresholds::default());
        assert!(check(&out, FindingCode::StockLow).fires);
        // No stock reported, or no sales days before: no check.
        f.heroes = vec![hero(0, None, 70, 7), hero(0, Some(1), 0, 0)];
        let out = evaluate(&f, &Thresholds::default());
        assert!(out.checks.iter().all(|c| c.code != FindingCode::StockLow));
    }

    #[test]
    fn an_agent_lags_from_five_points_under_the_team() {
        // Agent 1: 4 / 20 = 0.20. Team: (4 + 21) / (20 + 80) = 0.25; 0.25 − 0.20 = 0.05, the
        // gap, and `≥` fires on it.
        let out = evaluate(
            &with_agents(vec![agent(1, 20, 4), agent(2, 80, 21)]),
            &Thresholds::default(),
        );
        let lag = check(&out, FindingCode::CsConversionLag);
        assert_eq!((lag.subject.as_str(), lag.fires), ("staff:1", true));
        assert_eq!(lag.expected, Some(Decimal::new(25, 2)));
        assert_eq!(lag.owner_staff_id, Some(1));
        // Team: (4 + 245) / (20 + 980) = 0.249; 0.249 − 0.20 = 0.049, under the gap.
        let out = evaluate(
            &with_agents(vec![agent(1, 20, 4), agent(2, 980, 245)]),
            &Thresholds::default(),
        );
        assert!(!check(&out, FindingCode::CsConversionLag).fires);
        // 19 inquiries, under the 20 an agent is judged from: no check, however far under.
        let out = evaluate(
            &with_agents(vec![agent(1, 19, 0), agent(2, 80, 40)]),
            &Thresholds::default(),
        );
        let lags: Vec<&str> = out
            .checks
            .iter()
            .filter(|c| c.code == FindingCode::CsConversionLag)
            .map(|c| c.subject.as_str())
            .collect();
        assert_eq!(lags, ["staff:2"]);
    }

    #[test]
    fn a_first_response_is_slow_over_thirty_seconds_not_on_them() {
        // 300 s / 10 = 30 s, the maximum: `>` does not fire; 301 / 10 = 30.1 s does.
        let slow = |sum: i64| {
            let a = CsTotals {
                first_response_seconds_sum: sum,
                first_response_count: 10,
                ..agent(1, 0, 0)
            };
            let out = evaluate(&with_agents(vec![a]), &Thresholds::default());
            check(&out, FindingCode::CsSlowResponse).clone()
        };
        let on = slow(300);
        assert!(!on.fires);
        assert_eq!(on.observed, Some(Decimal::from(30)));
        assert!(slow(301).fires);
    }

    #[test]
    fn roi_is_judged_against_the_minimum_or_the_target() {
        // ¥200 / ¥100 = 2.0, the minimum: `<` does not fire; ¥199.99 / ¥100 = 1.9999 does.
        let mut f = facts();
        set_ads(&mut f, vec![ad(1000, 50, 10_000, 20_000)]);
        let out = evaluate(&f, &Thresholds::default());
        let roi = check(&out, FindingCode::AdRoiLow);
        assert_eq!((roi.fires, roi.comparison), (false, Comparison::Threshold));
        assert_eq!(roi.subject, "channel:ZTC:staff:5");
        set_ads(&mut f, vec![ad(1000, 50, 10_000, 19_999)]);
        let out = evaluate(&f, &Thresholds::default());
        assert!(check(&out, FindingCode::AdRoiLow).fires);
        // A team ROI target of 3 replaces the minimum: 2.0 < 3.
        set_ads(&mut f, vec![ad(1000, 50, 10_000, 20_000)]);
        f.targets.insert(Metric::Roi, Decimal::from(3));
        let out = evaluate(&f, &Thresholds::default());
        let roi = check(&out, FindingCode::AdRoiLow);
        assert_eq!((roi.fires, roi.comparison), (true, Comparison::DailyTarget));
    }

    #[test]
    fn ctr_drops_under_eighty_percent_of_the_weeks() {
        // The week: 50 / 1000 = 0.05; 0.80 × 0.05 = 0.04. The day's 40 / 1000 = 0.04 is not
        // under it; 39 / 1000 = 0.039 is.
        let mut f = facts();
        f.ads_week.insert("ZTC".into(), week_ads(1000, 50));
        set_ads(&mut f, vec![ad(1000, 40, 10_000, 20_000)]);
        let out = evaluate(&f, &Thresholds::default());
        let ctr = check(&out, FindingCode::AdCtrDrop);
        assert!(!ctr.fires);
        assert_eq!(ctr.expected, Some(Decimal::new(5, 2)));
        set_ads(&mut f, vec![ad(1000, 39, 10_000, 20_000)]);
        let out = evaluate(&f, &Thresholds::default());
        assert!(check(&out, FindingCode::AdCtrDrop).fires);
    }

    #[test]
    fn a_competitor_cuts_at_ninety_percent_of_the_previous_price() {
        // 0.90 × ¥100.00 = ¥90.00: `≤` fires on it, not on ¥90.01.
        let mut f = facts();
        f.competitors = vec![competitor(9000, 10_000)];
        let out = evaluate(&f, &Thresholds::default());
        let cut = check(&out, FindingCode::CompetitorPriceCut);
        assert!(cut.fires);
        assert_eq!(cut.subject, "competitor:Rival:r-1");
        f.competitors = vec![competitor(9001, 10_000)];
        let out = evaluate(&f, &Thresholds::default());
        assert!(!check(&out, FindingCode::CompetitorPriceCut).fires);
    }
}
