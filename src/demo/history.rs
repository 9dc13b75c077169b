//! Daily history for a seeded team: every kind of daily data (§2) for the `days` days up to
//! yesterday in the team's time zone, and the monthly targets (§4) of every month it covers,
//! written through the import and target services like any manager's upload.
//!
//! The figures are those of a Tmall apparel shop: about 2,250 visitors a day per
//! customer-service agent (4,500 for the two-agent demo team), conversion about 4 %, an average
//! order of ¥150-220 (heroes are the cheap traffic drivers), bounce 50-65 %, 3-4 pages a visit, refunds 4-6 % of sales, DSR scores
//! drifting between 4.805 and 4.920; agents with 30-80 inquiries a day converting 38-48 % and
//! answering first in 12-26 s; ad channels returning 1.7-4 times their spend. Weekends bring
//! 20-25 % more traffic, and the shop grows 8 % a year. A fixed-seed generator makes the same
//! `days` and roster give the same figures.
//!
//! # Problems planted on yesterday
//!
//! Yesterday also carries one of each of these (returned as [`Planted`], with its numbers), so
//! that the morning diagnosis (§5) has something to find:
//! - **BOUNCE_HIGH**: 72-74 % of the shop's visitors bounced (the rest of the day is ordinary).
//! - **CS_CONVERSION_LAG** and **CS_SLOW_RESPONSE**: the second customer-service agent had
//!   40-45 inquiries but converted 20 % of them (the others 45 %), at least 8 points below the
//!   team's pooled rate, and took 41-44 s on average to answer first (everyone else < 29 s).
//! - **AD_ROI_LOW**: the DISPLAY channel spent as usual for a ROI of 1.25-1.45; every other
//!   channel returned at least 2.3.
//! - **BAD_REVIEW**: the second hero product (the first if there is only one) got 2 bad reviews;
//!   no other hero got any.
//! - **COMPETITOR_PRICE_CUT**: the first tracked competitor item dropped to at most 85 % of its
//!   previous snapshot (whole yuan, rounded down); no other item was cut by 10 % or more.
//! - **STOCK_LOW**: the first (best-selling) hero product ended the day with 3 days of its mean
//!   daily units over the 7 days before (its last 10 days without a restock); every other
//!   product keeps at least 12 days of its expected sales.
//!
//! A planted problem needs its cast: the agent one needs two agents, the ad one a promoter, the
//! stock one 8 days of history and the competitor one 2; without them it is left out. The unit
//! tests below check that yesterday fires these rules of §5 and no other, on every weekday, but
//! yesterday may also fall short of the month's sales target (SALES_BELOW_TARGET), as any
//! weekday can: targets are 95-112 % of what each month did.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;
use sea_orm::DatabaseConnection;

use crate::entities::{AdChannel, CompetitorPromotion, DeliverableKind, Metric};
use crate::error::AppResult;
use crate::money::from_fen as yuan;
use crate::period::Month;
use crate::services::auth::Actor;
use crate::services::ingest;
use crate::services::ingest::rows::{
    AdDay, AgentDay, CompetitorSnapshot, Deliverable, ProductDay, ShopDay,
};
use crate::services::targets::{self, TargetInput};
use crate::services::teams;

/// Rows per import call.
const BATCH: usize = 5_000;
/// The generator's seed: the same roster and days give the same history.
const SEED: u64 = 0x5409_0905_2026_1125;

/// The people and products the history is about, in a stable order (not by id).
pub struct Roster {
    /// Staff names by id, for describing the planted problems.
    pub names: HashMap<i64, String>,
    pub agents: Vec<i64>,
    pub designers: Vec<i64>,
    pub promoters: Vec<i64>,
    pub products: Vec<Item>,
}

pub struct Item {
    pub id: i64,
    pub title: String,
    pub hero: bool,
    pub designer: Option<i64>,
    /// The list price the generated sales are made at (less coupons).
    pub price_fen: i64,
    pub cost_fen: i64,
}

/// The list price of the `i`-th seeded product: ¥89 or ¥99 for a hero (the shop's traffic
/// driver, 引流款), ¥139 to ¥299 for the rest.
pub fn list_price_fen(i: usize, hero: bool) -> i64 {
    if hero {
        [8_900, 9_900][i % 2]
    } else {
        [139, 159, 179, 199, 229, 259, 299][i % 7] * 100
    }
}

/// Rows written per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rows {
    pub shop_days: usize,
    pub product_days: usize,
    pub agent_days: usize,
    pub ad_days: usize,
    pub deliverables: usize,
    pub competitor_snapshots: usize,
    pub targets: usize,
}

impl Rows {
    pub fn total(&self) -> usize {
        self.shop_days
            + self.product_days
            + self.agent_days
            + self.ad_days
            + self.deliverables
            + self.competitor_snapshots
            + self.targets
    }
}

impl fmt::Display for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "shop days {}, product days {}, agent days {}, ad days {}, design deliverables {}, \
             competitor snapshots {}, targets {}",
            self.shop_days,
            self.product_days,
            self.agent_days,
            self.ad_days,
            self.deliverables,
            self.competitor_snapshots,
            self.targets
        )
    }
}

/// What a seeded team's history holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// The first and the last day (yesterday); `None` without history.
    pub span: Option<(NaiveDate, NaiveDate)>,
    pub rows: Rows,
    /// The problems planted on the last day.
    pub planted: Vec<Planted>,
}

/// A problem planted on yesterday, with the stored numbers that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planted {
    BounceHigh {
        visitors: i64,
        bounced_visitors: i64,
    },
    /// Also a slow first response.
    CsConversionLag {
        staff_id: i64,
        name: String,
        inquiries: i64,
        paid_buyers: i64,
        team_inquiries: i64,
        team_paid_buyers: i64,
        first_response_seconds_sum: i64,
        first_response_count: i64,
    },
    AdRoiLow {
        channel: AdChannel,
        spend_fen: i64,
        attributed_amount_fen: i64,
    },
    BadReview {
        product_id: i64,
        title: String,
        bad_reviews: i64,
    },
    CompetitorPriceCut {
        competitor: String,
        item: String,
        previous_price_fen: i64,
        price_fen: i64,
    },
    StockLow {
        product_id: i64,
        title: String,
        stock: i64,
        /// Units sold over the 7 days before.
        units_prior_7_days: i64,
    },
}

impl Planted {
    /// The diagnosis rule (§5) it is planted for.
    pub fn code(&self) -> &'static str {
        match self {
            Planted::BounceHigh { .. } => "BOUNCE_HIGH",
            Planted::CsConversionLag { .. } => "CS_CONVERSION_LAG",
            Planted::AdRoiLow { .. } => "AD_ROI_LOW",
            Planted::BadReview { .. } => "BAD_REVIEW",
            Planted::CompetitorPriceCut { .. } => "COMPETITOR_PRICE_CUT",
            Planted::StockLow { .. } => "STOCK_LOW",
        }
    }
}

fn pct(part: i64, whole: i64) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

impl fmt::Display for Planted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.code())?;
        match self {
            Planted::BounceHigh {
                visitors,
                bounced_visitors,
            } => write!(
                f,
                "{bounced_visitors} of {visitors} visitors bounced ({:.2} %)",
                pct(*bounced_visitors, *visitors)
            ),
            Planted::CsConversionLag {
                staff_id,
                name,
                inquiries,
                paid_buyers,
                team_inquiries,
                team_paid_buyers,
                first_response_seconds_sum,
                first_response_count,
            } => {
                let own = pct(*paid_buyers, *inquiries);
                let team = pct(*team_paid_buyers, *team_inquiries);
                write!(
                    f,
                    "{name} (staff {staff_id}) converted {paid_buyers} of {inquiries} inquiries \
                     ({own:.2} %) against the team's {team_paid_buyers} of {team_inquiries} \
                     ({team:.2} %), {:.2} points below; average first response {:.1} s \
                     (CS_SLOW_RESPONSE)",
                    team - own,
                    *first_response_seconds_sum as f64 / (*first_response_count).max(1) as f64
                )
            }
            Planted::AdRoiLow {
                channel,
                spend_fen,
                attributed_amount_fen,
            } => write!(
                f,
                "{channel:?} spent ¥{} for ¥{} attributed (ROI {:.2})",
                yuan(*spend_fen),
                yuan(*attributed_amount_fen),
                *attributed_amount_fen as f64 / (*spend_fen).max(1) as f64
            ),
            Planted::BadReview {
                product_id,
                title,
                bad_reviews,
            } => write!(
                f,
                "hero {title} (product {product_id}) got {bad_reviews} bad reviews"
            ),
            Planted::CompetitorPriceCut {
                competitor,
                item,
                previous_price_fen,
                price_fen,
            } => write!(
                f,
                "{competitor} / {item} cut from ¥{} to ¥{} ({:.1} % of before)",
                yuan(*previous_price_fen),
                yuan(*price_fen),
                pct(*price_fen, *previous_price_fen)
            ),
            Planted::StockLow {
                product_id,
                title,
                stock,
                units_prior_7_days,
            } => write!(
                f,
                "hero {title} (product {product_id}) has {stock} in stock: {:.1} days of its 7-day mean \
                 of {:.1} units",
                *stock as f64 * 7.0 / (*units_prior_7_days).max(1) as f64,
                *units_prior_7_days as f64 / 7.0
            ),
        }
    }
}

/// Generates `days` days of history up to yesterday (team time) and writes it: one import per
/// kind and 5,000 rows, then one target call per month. Nothing for `days` 0.
pub async fn seed(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    roster: &Roster,
    days: u32,
) -> AppResult<History> {
    if days == 0 {
        return Ok(History::default());
    }
    let team = teams::get_active(db, team_id).await?;
    let yesterday = teams::today(&team) - Duration::days(1);
    let first = yesterday - Duration::days(i64::from(days) - 1);
    let clock = std::time::Instant::now();
    let g = generate(roster, first, days as usize);
    let rows = Rows {
        shop_days: g.shop.len(),
        product_days: g.products.len(),
        agent_days: g.agents.len(),
        ad_days: g.ads.len(),
        deliverables: g.deliverables.len(),
        competitor_snapshots: g.competitors.len(),
        targets: g.targets.iter().map(Vec::len).sum(),
    };
    let lap = |what: &str| tracing::debug!(what, elapsed = ?clock.elapsed(), "seeded");
    lap("generated");
    for rows in batches(g.shop) {
        ingest::import(db, actor, team_id, rows).await?;
    }
    for rows in batches(g.products) {
        ingest::import(db, actor, team_id, rows).await?;
    }
    lap("shop and product days");
    for rows in batches(g.agents) {
        ingest::import(db, actor, team_id, rows).await?;
    }
    lap("agent days");
    for rows in batches(g.ads) {
        ingest::import(db, actor, team_id, rows).await?;
    }
    for rows in batches(g.deliverables) {
        ingest::import(db, actor, team_id, rows).await?;
    }
    for rows in batches(g.competitors) {
        ingest::import(db, actor, team_id, rows).await?;
    }
    lap("ad days, deliverables, competitor snapshots");
    for month in g.targets {
        targets::set(db, actor, team_id, month).await?;
    }
    lap("targets");
    Ok(History {
        span: Some((first, yesterday)),
        rows,
        planted: g.planted,
    })
}

fn batches<T>(rows: Vec<T>) -> impl Iterator<Item = Vec<T>> {
    let mut rows = rows.into_iter().peekable();
    std::iter::from_fn(move || {
        rows.peek()?;
        Some(rows.by_ref().take(BATCH).collect())
    })
}

/// Everything one history writes.
pub(crate) struct Generated {
    pub shop: Vec<ShopDay>,
    pub products: Vec<ProductDay>,
    pub agents: Vec<AgentDay>,
    pub ads: Vec<AdDay>,
    pub deliverables: Vec<Deliverable>,
    pub competitors: Vec<CompetitorSnapshot>,
    /// One list per month.
    pub targets: Vec<Vec<TargetInput>>,
    pub planted: Vec<Planted>,
}

fn round(x: f64) -> i64 {
    x.round() as i64
}

/// A factor of 1 ± `spread`.
fn jitter(rng: &mut StdRng, spread: f64) -> f64 {
    rng.random_range(1.0 - spread..=1.0 + spread)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The shop's growth by day `t` of the history: 8 % a year.
fn growth(t: usize) -> f64 {
    1.0 + 0.08 * t as f64 / 365.0
}

/// Traffic relative to an ordinary weekday at the start: busier weekends, and growth.
fn rhythm(date: NaiveDate, t: usize) -> f64 {
    let week = match date.weekday() {
        Weekday::Sat => 1.25,
        Weekday::Sun => 1.22,
        Weekday::Fri => 1.05,
        _ => 1.0,
    };
    week * growth(t)
}

/// A paid channel's usual figures.
struct ChannelSpec {
    channel: AdChannel,
    /// Share of the ad budget.
    share: f64,
    cpc_fen: f64,
    ctr: f64,
    roi: (f64, f64),
}

const CHANNELS: [ChannelSpec; 6] = [
    ChannelSpec {
        channel: AdChannel::Ztc,
        share: 0.40,
        cpc_fen: 130.0,
        ctr: 0.035,
        roi: (2.4, 3.6),
    },
    ChannelSpec {
        channel: AdChannel::Display,
        share: 0.20,
        cpc_fen: 75.0,
        ctr: 0.012,
        roi: (2.0, 3.0),
    },
    ChannelSpec {
        channel: AdChannel::Taobaoke,
        share: 0.15,
        cpc_fen: 45.0,
        ctr: 0.020,
        roi: (3.2, 4.0),
    },
    ChannelSpec {
        channel: AdChannel::SuperRecommend,
        share: 0.25,
        cpc_fen: 85.0,
        ctr: 0.018,
        roi: (1.7, 2.8),
    },
    ChannelSpec {
        channel: AdChannel::Pinxiaobao,
        share: 0.10,
        cpc_fen: 220.0,
        ctr: 0.045,
        roi: (2.5, 3.5),
    },
    ChannelSpec {
        channel: AdChannel::Live,
        share: 0.10,
        cpc_fen: 60.0,
        ctr: 0.030,
        roi: (1.8, 3.2),
    },
];
/// The channel whose ROI is planted low.
const LOW_ROI_CHANNEL: usize = 1;

const COMPETITORS: [(&str, u32); 4] = [
    ("拾光女装旗舰店", 1),
    ("初棉服饰专营店", 1),
    ("衣念时尚旗舰店", 2),
    ("木槿原创女装", 3),
];
const COMPETITOR_ITEMS: [(&str, &str); 6] = [
    ("碎花连衣裙", "连衣裙 碎花 法式 夏季"),
    ("纯棉T恤", "T恤 纯棉 基础款 百搭"),
    ("阔腿牛仔裤", "牛仔裤 高腰 阔腿 显瘦"),
    ("针织开衫", "开衫 针织 软糯 秋季"),
    ("百褶半身裙", "半身裙 百褶 中长款"),
    ("轻薄羽绒服", "羽绒服 轻薄 短款 保暖"),
];

/// Per month, for its targets.
#[derive(Default)]
struct MonthSums {
    days: u32,
    paid_fen: i64,
    /// Paid − refunds − cost of goods − shipping − ad spend.
    net_fen: i64,
    agent_sales_fen: Vec<i64>,
    delivered: Vec<i64>,
    promoter_spend_fen: Vec<i64>,
    promoter_clicks: Vec<i64>,
    promoter_attributed_fen: Vec<i64>,
}

/// Units a paying buyer takes, on average.
const UNITS_PER_BUYER: f64 = 1.325;

/// A customer-service agent's own habits: daily receptions, conversion, speed, basket.
struct Habits {
    received: f64,
    conversion: f64,
    first_response: f64,
    response: f64,
    basket: f64,
}

/// One day of the history.
struct Day {
    date: NaiveDate,
    /// The last day, which carries the planted problems.
    yesterday: bool,
    /// Its traffic relative to an ordinary weekday at the start.
    pace: f64,
}

/// What the generators of each kind share: the seeded random source (drawn from in a fixed
/// order, so that a roster and `days` always give the same figures), the cast and the shop's
/// scale, the rows written so far, the month sums the targets follow and the planted problems.
struct Generator<'r> {
    rng: StdRng,
    roster: &'r Roster,
    first: NaiveDate,
    days: usize,
    base_visitors: f64,
    /// Each product's share of the units sold and of the visits.
    unit_share: Vec<f64>,
    visit_share: Vec<f64>,
    store_level: i32,
    reviewed_hero: Option<usize>,
    lagging_agent: Option<usize>,
    habits: Vec<Habits>,
    /// (channel, promoter) of each campaign, and its daily budget in fen.
    campaigns: Vec<(usize, usize)>,
    campaign_budget: Vec<f64>,
    dsr: [i64; 3],
    months: BTreeMap<Month, MonthSums>,
    shop: Vec<ShopDay>,
    products: Vec<ProductDay>,
    agents: Vec<AgentDay>,
    ads: Vec<AdDay>,
    planted: Vec<Planted>,
}

/// The sums of `date`'s month.
fn sums(months: &mut BTreeMap<Month, MonthSums>, date: NaiveDate) -> &mut MonthSums {
    months
        .get_mut(&Month::of(date))
        .expect("every month listed")
}

/// The whole history, from `first` for `days` days (the last one gets the planted problems).
pub(crate) fn generate(roster: &Roster, first: NaiveDate, days: usize) -> Generated {
    let mut g = Generator::new(roster, first, days);
    for t in 0..days {
        g.day(t);
    }
    g.finish()
}

impl<'r> Generator<'r> {
    fn new(roster: &'r Roster, first: NaiveDate, days: usize) -> Self {
        let mut rng = StdRng::seed_from_u64(SEED);
        let heroes: Vec<usize> = (0..roster.products.len())
            .filter(|&i| roster.products[i].hero)
            .collect();

        // The shop's scale and its products' shares of it.
        let base_visitors = 2_250.0 * roster.agents.len().max(2) as f64;
        let weights: Vec<f64> = roster
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let hero = if p.hero { 4.0 } else { 1.0 };
                hero / (1.0 + 0.15 * i as f64) * rng.random_range(0.7..1.3)
            })
            .collect();
        let total: f64 = weights.iter().sum();
        let unit_share: Vec<f64> = weights.iter().map(|w| w / total).collect();
        let total: f64 = weights.iter().map(|w| w.powf(0.6)).sum();
        let visit_share: Vec<f64> = weights.iter().map(|w| w.powf(0.6) / total).collect();
        let store_level = match base_visitors {
            v if v >= 100_000.0 => 7,
            v if v >= 20_000.0 => 6,
            _ => 5,
        };

        let habits: Vec<Habits> = roster
            .agents
            .iter()
            .map(|_| Habits {
                received: rng.random_range(45.0..90.0),
                conversion: rng.random_range(0.38..0.48),
                first_response: rng.random_range(12.0..26.0),
                response: rng.random_range(18.0..34.0),
                basket: rng.random_range(1.10..1.30),
            })
            .collect();

        // Ad campaigns: each promoter runs one channel; with few promoters, they share them all.
        let channels = roster.promoters.len().clamp(4, CHANNELS.len());
        let campaigns: Vec<(usize, usize)> = if roster.promoters.is_empty() {
            Vec::new()
        } else {
            (0..channels.max(roster.promoters.len()))
                .map(|j| (j % channels, j % roster.promoters.len()))
                .collect()
        };
        let share_total: f64 = CHANNELS[..channels].iter().map(|c| c.share).sum();
        // About 12 % of expected sales (¥175 a buyer) goes to ads.
        let ad_budget_fen = base_visitors * 0.04 * 17_500.0 * 0.12;
        let campaign_budget: Vec<f64> = campaigns
            .iter()
            .map(|&(c, _)| {
                let runs = campaigns.iter().filter(|(o, _)| *o == c).count() as f64;
                ad_budget_fen * CHANNELS[c].share / share_total / runs
            })
            .collect();

        let mut months = BTreeMap::new();
        let mut month = Month::of(first);
        while month <= Month::of(first + Duration::days(days as i64 - 1)) {
            months.insert(
                month,
                MonthSums {
                    agent_sales_fen: vec![0; roster.agents.len()],
                    delivered: vec![0; roster.designers.len()],
                    promoter_spend_fen: vec![0; roster.promoters.len()],
                    promoter_clicks: vec![0; roster.promoters.len()],
                    promoter_attributed_fen: vec![0; roster.promoters.len()],
                    ..Default::default()
                },
            );
            month = month.next();
        }

        Generator {
            rng,
            roster,
            first,
            days,
            base_visitors,
            unit_share,
            visit_share,
            store_level,
            reviewed_hero: heroes.get(1).or(heroes.first()).copied(),
            lagging_agent: (roster.agents.len() >= 2).then_some(1),
            habits,
            campaign_budget,
            shop: Vec::with_capacity(days),
            products: Vec::with_capacity(days * roster.products.len()),
            agents: Vec::with_capacity(days * roster.agents.len()),
            ads: Vec::with_capacity(days * campaigns.len()),
            campaigns,
            dsr: [4_850, 4_870, 4_860],
            months,
            planted: Vec::new(),
        }
    }

    /// Day `t`: the shop's traffic and buyers, what each product sold of it, the shop's day,
    /// then customer service and paid traffic.
    fn day(&mut self, t: usize) {
        let date = self.first + Duration::days(t as i64);
        let day = Day {
            date,
            yesterday: t == self.days - 1,
            pace: rhythm(date, t),
        };
        sums(&mut self.months, date).days += 1;
        let visitors = round(self.base_visitors * day.pace * jitter(&mut self.rng, 0.05));
        let weekend = if is_weekend(date) { 0.95 } else { 1.0 };
        let conversion = 0.040 * weekend * jitter(&mut self.rng, 0.06);
        let buyers = round(visitors as f64 * conversion).max(1);
        let sold = self.product_days(&day, visitors, buyers);
        let shop_aov_fen = self.shop_day(&day, visitors, buyers, sold);
        self.agent_days(&day, shop_aov_fen);
        self.ad_days(&day, shop_aov_fen);
    }

    /// Each product's day; returns the units, amount and cost of goods (fen) sold in all.
    fn product_days(&mut self, day: &Day, visitors: i64, buyers: i64) -> (i64, i64, i64) {
        let rng = &mut self.rng;
        let units_due = buyers as f64 * UNITS_PER_BUYER;
        let (mut units, mut amount_fen, mut cogs_fen) = (0, 0, 0);
        for (i, item) in self.roster.products.iter().enumerate() {
            let sold = round(units_due * self.unit_share[i] * jitter(rng, 0.2));
            let paid_buyers = round(sold as f64 / 1.2).clamp(sold.min(1), sold);
            let seen = round(visitors as f64 * 1.6 * self.visit_share[i] * jitter(rng, 0.15))
                .max(paid_buyers);
            let amount = round(sold as f64 * item.price_fen as f64 * rng.random_range(0.88..0.98));
            let fav_cart = round(seen as f64 * rng.random_range(0.07..0.12)).min(seen);
            let chance = (sold as f64 * 0.002).min(0.5);
            let mut bad_reviews = i64::from(rng.random_bool(chance));
            if day.yesterday && item.hero {
                bad_reviews = 0;
            }
            if day.yesterday && self.reviewed_hero == Some(i) {
                bad_reviews = 2;
                self.planted.push(Planted::BadReview {
                    product_id: item.id,
                    title: item.title.clone(),
                    bad_reviews,
                });
            }
            units += sold;
            amount_fen += amount;
            cogs_fen += sold * item.cost_fen;
            self.products.push(ProductDay {
                product_id: Some(item.id),
                platform_item_id: None,
                date: day.date,
                visitors: seen,
                paid_buyers,
                paid_units: sold,
                paid_amount: yuan(amount),
                fav_cart_buyers: Some(fav_cart),
                bad_reviews: Some(bad_reviews),
                stock: None,
            });
        }
        (units, amount_fen, cogs_fen)
    }

    /// The shop's day, of the products' `sold` (units, amount, cost of goods); returns its
    /// average order value in fen.
    fn shop_day(&mut self, day: &Day, visitors: i64, buyers: i64, sold: (i64, i64, i64)) -> f64 {
        let (units, amount_fen, cogs_fen) = sold;
        let rng = &mut self.rng;
        let paid_buyers = buyers.min(units);
        let paid_orders =
            round(buyers as f64 * rng.random_range(1.04..1.09)).clamp(paid_buyers, units);
        let depth = if day.yesterday {
            rng.random_range(2.8..3.0)
        } else {
            rng.random_range(3.0..4.0)
        };
        let bounce = if day.yesterday {
            rng.random_range(0.72..0.74)
        } else {
            rng.random_range(0.50..0.65)
        };
        let bounced = round(visitors as f64 * bounce);
        if day.yesterday {
            self.planted.push(Planted::BounceHigh {
                visitors,
                bounced_visitors: bounced,
            });
        }
        let refund_fen = round(amount_fen as f64 * rng.random_range(0.04..0.06));
        let shipping_fen = paid_orders * round(rng.random_range(600.0..800.0));
        for score in &mut self.dsr {
            *score = (*score + rng.random_range(-3..=3)).clamp(4_805, 4_920);
        }
        self.shop.push(ShopDay {
            date: day.date,
            visitors: Some(visitors),
            page_views: Some(round(visitors as f64 * depth)),
            paid_buyers,
            paid_orders: Some(paid_orders),
            paid_units: Some(units),
            paid_amount: yuan(amount_fen),
            fav_cart_buyers: Some(round(visitors as f64 * rng.random_range(0.08..0.12))),
            bounced_visitors: Some(bounced),
            returning_visitors: Some(round(visitors as f64 * rng.random_range(0.18..0.26))),
            refund_amount: Some(yuan(refund_fen)),
            refund_orders: Some(round(paid_orders as f64 * rng.random_range(0.035..0.05))),
            dsr_description: Some(Decimal::new(self.dsr[0], 3)),
            dsr_service: Some(Decimal::new(self.dsr[1], 3)),
            dsr_logistics: Some(Decimal::new(self.dsr[2], 3)),
            store_level: Some(self.store_level),
            cost_of_goods: Some(yuan(cogs_fen)),
            shipping_cost: Some(yuan(shipping_fen)),
        });
        let sums = sums(&mut self.months, day.date);
        sums.paid_fen += amount_fen;
        sums.net_fen += amount_fen - refund_fen - cogs_fen - shipping_fen;
        amount_fen as f64 / paid_buyers.max(1) as f64
    }

    /// Each customer-service agent's day.
    fn agent_days(&mut self, day: &Day, shop_aov_fen: f64) {
        let rng = &mut self.rng;
        let roster = self.roster;
        let sums = sums(&mut self.months, day.date);
        let (mut team_inquiries, mut team_paid) = (0, 0);
        let mut lagging = None;
        for (a, agent) in self.habits.iter().enumerate() {
            let planted_here = day.yesterday && self.lagging_agent == Some(a);
            let mut received = round(agent.received * day.pace * jitter(rng, 0.12)).max(1);
            let mut inquiries = round(received as f64 * rng.random_range(0.65..0.82));
            let mut ordered = round(inquiries as f64 * rng.random_range(0.52..0.62));
            let mut paid = round(inquiries as f64 * agent.conversion * jitter(rng, 0.12));
            let mut first_response = agent.first_response * jitter(rng, 0.1);
            if day.yesterday {
                // Everyone but the planted agent converts alike, so only that one lags.
                paid = round(inquiries as f64 * 0.45);
            }
            if planted_here {
                inquiries = rng.random_range(40..=45);
                received = round(inquiries as f64 / rng.random_range(0.70..0.80));
                ordered = round(inquiries as f64 * 0.5);
                paid = round(inquiries as f64 * 0.20);
                first_response = rng.random_range(41.0..44.0);
            }
            let paid = paid.min(ordered);
            let unreplied = round(received as f64 * rng.random_range(0.0..0.02));
            let first_count = received - unreplied;
            let buyer_messages = round(received as f64 * rng.random_range(5.0..8.0));
            let agent_messages = round(buyer_messages as f64 * rng.random_range(1.0..1.3));
            let sales_fen = round(paid as f64 * shop_aov_fen * agent.basket * jitter(rng, 0.05));
            let first_sum = round(first_count as f64 * first_response);
            team_inquiries += inquiries;
            team_paid += paid;
            if planted_here {
                lagging = Some((roster.agents[a], inquiries, paid, first_sum, first_count));
            }
            sums.agent_sales_fen[a] += sales_fen;
            self.agents.push(AgentDay {
                staff_id: Some(roster.agents[a]),
                agent: None,
                date: day.date,
                received,
                inquiries,
                ordered_buyers: ordered,
                paid_buyers: paid,
                sales_amount: yuan(sales_fen),
                sales_units: Some(round(paid as f64 * rng.random_range(1.3..1.6))),
                first_response_seconds_sum: Some(first_sum),
                first_response_count: Some(first_count),
                response_seconds_sum: Some(round(
                    agent_messages as f64 * agent.response * jitter(rng, 0.1),
                )),
                response_count: Some(agent_messages),
                buyer_messages: Some(buyer_messages),
                agent_messages: Some(agent_messages),
                unreplied: Some(unreplied),
                rated_good: Some(round(received as f64 * rng.random_range(0.12..0.22))),
                rated_bad: Some(i64::from(rng.random_bool(0.15))),
            });
        }
        if let Some((staff_id, inquiries, paid_buyers, sum, count)) = lagging {
            self.planted.push(Planted::CsConversionLag {
                staff_id,
                name: roster.names.get(&staff_id).cloned().unwrap_or_default(),
                inquiries,
                paid_buyers,
                team_inquiries,
                team_paid_buyers: team_paid,
                first_response_seconds_sum: sum,
                first_response_count: count,
            });
        }
    }

    /// Each ad campaign's day.
    fn ad_days(&mut self, day: &Day, shop_aov_fen: f64) {
        let rng = &mut self.rng;
        let sums = sums(&mut self.months, day.date);
        let (mut low_spend, mut low_attributed) = (0, 0);
        for (k, &(c, owner)) in self.campaigns.iter().enumerate() {
            let spec = &CHANNELS[c];
            let spend = round(self.campaign_budget[k] * day.pace * jitter(rng, 0.1)).max(100);
            let clicks = round(spend as f64 / (spec.cpc_fen * jitter(rng, 0.08))).max(1);
            let impressions = round(clicks as f64 / (spec.ctr * jitter(rng, 0.06)));
            let roi = match (day.yesterday, c == LOW_ROI_CHANNEL) {
                (true, true) => rng.random_range(1.25..1.45),
                (true, false) => rng.random_range(spec.roi.0.max(2.3)..spec.roi.1.max(2.4)),
                (false, _) => rng.random_range(spec.roi.0..spec.roi.1),
            };
            let attributed = round(spend as f64 * roi);
            let orders =
                round(attributed as f64 / (shop_aov_fen * jitter(rng, 0.1))).clamp(1, clicks);
            if day.yesterday && c == LOW_ROI_CHANNEL {
                low_spend += spend;
                low_attributed += attributed;
            }
            sums.net_fen -= spend;
            sums.promoter_spend_fen[owner] += spend;
            sums.promoter_clicks[owner] += clicks;
            sums.promoter_attributed_fen[owner] += attributed;
            self.ads.push(AdDay {
                date: day.date,
                channel: spec.channel,
                owner_id: Some(self.roster.promoters[owner]),
                owner: None,
                impressions: Some(impressions),
                clicks,
                spend: yuan(spend),
                attributed_orders: orders,
                attributed_amount: yuan(attributed),
            });
        }
        if day.yesterday && low_spend > 0 {
            self.planted.push(Planted::AdRoiLow {
                channel: CHANNELS[LOW_ROI_CHANNEL].channel,
                spend_fen: low_spend,
                attributed_amount_fen: low_attributed,
            });
        }
    }

    /// After the days: stock, deliverables, competitors and targets, and the planted problems
    /// in the order of the rules in §5.
    fn finish(mut self) -> Generated {
        let (rng, roster, days) = (&mut self.rng, self.roster, self.days);
        let low_stock_hero = roster.products.iter().position(|p| p.hero);
        let base_units = self.base_visitors * 0.04 * UNITS_PER_BUYER;
        let stock_plant = stock(
            rng,
            roster,
            &mut self.products,
            days,
            base_units,
            &self.unit_share,
            low_stock_hero,
        );
        self.planted.extend(stock_plant);
        let deliverables = deliverables(rng, roster, self.first, days, &mut self.months);
        let (competitors, cut) = competitors(rng, self.first, days);
        self.planted.extend(cut);
        let targets = targets(rng, roster, &self.months);
        self.planted.sort_by_key(|p| match p {
            Planted::BounceHigh { .. } => 0,
            Planted::BadReview { .. } => 1,
            Planted::CsConversionLag { .. } => 2,
            Planted::AdRoiLow { .. } => 3,
            Planted::StockLow { .. } => 4,
            Planted::CompetitorPriceCut { .. } => 5,
        });
        Generated {
            shop: self.shop,
            products: self.products,
            agents: self.agents,
            ads: self.ads,
            deliverables,
            competitors,
            targets,
            planted: self.planted,
        }
    }
}

/// Fills in every product's end-of-day stock: sold down from 35 days' worth, restocked with 40
/// days' worth below 12. The `low` product instead runs its last 10 days without a restock and
/// ends with 3 days of the mean of its 7 days before.
fn stock(
    rng: &mut StdRng,
    roster: &Roster,
    rows: &mut [ProductDay],
    days: usize,
    base_units: f64,
    unit_share: &[f64],
    low: Option<usize>,
) -> Option<Planted> {
    let n = roster.products.len();
    let mut planted = None;
    for (p, share) in unit_share.iter().enumerate() {
        let expected = |t: usize| (base_units * share * growth(t)).max(1.0);
        let mut stock = round(expected(0) * rng.random_range(30.0..40.0));
        for t in 0..days {
            let row = &mut rows[t * n + p];
            stock = (stock - row.paid_units).max(0);
            if (stock as f64) < 12.0 * expected(t) {
                stock += round(40.0 * expected(t));
            }
            row.stock = Some(stock);
        }
        if low == Some(p) && days > 7 {
            let last = days - 1;
            let prior: i64 = (last - 7..last).map(|t| rows[t * n + p].paid_units).sum();
            let mut stock = prior * 3 / 7;
            rows[last * n + p].stock = Some(stock);
            for t in (last.saturating_sub(10)..last).rev() {
                stock += rows[(t + 1) * n + p].paid_units;
                rows[t * n + p].stock = Some(stock);
            }
            planted = Some(Planted::StockLow {
                product_id: roster.products[p].id,
                title: roster.products[p].title.clone(),
                stock: prior * 3 / 7,
                units_prior_7_days: prior,
            });
        }
    }
    planted
}

/// Each designer gets a job every 2-4 days: due in 2-7 days by kind, a fifth of them late, a
/// quarter with two or more revisions; jobs that would finish after yesterday are still open.
fn deliverables(
    rng: &mut StdRng,
    roster: &Roster,
    first: NaiveDate,
    days: usize,
    months: &mut BTreeMap<Month, MonthSums>,
) -> Vec<Deliverable> {
    use DeliverableKind::*;
    let yesterday = first + Duration::days(days as i64 - 1);
    let mut out = Vec::new();
    for (d, &designer) in roster.designers.iter().enumerate() {
        let owned: Vec<i64> = roster
            .products
            .iter()
            .filter(|p| p.designer == Some(designer))
            .map(|p| p.id)
            .collect();
        let mut t = rng.random_range(0..3);
        let mut seq = 0;
        while t < days {
            seq += 1;
            let (kind, span) = match rng.random_range(0..100) {
                0..30 => (MainImage, 2),
                30..45 => (WhiteBg, 1),
                45..70 => (DetailPage, 4),
                70..85 => (Banner, 2),
                85..90 => (StoreDecor, 5),
                _ => (Video, 6),
            };
            let requested = first + Duration::days(t as i64);
            let due = requested + Duration::days(span + rng.random_range(0..=1));
            let late = rng.random_bool(0.2);
            let took = if late {
                span + rng.random_range(1..=3)
            } else {
                (span - rng.random_range(0..=1)).max(0)
            };
            let delivered = requested + Duration::days(took);
            let mut revisions = match rng.random_range(0..100) {
                0..45 => 0,
                45..75 => 1,
                75..93 => 2,
                _ => 3,
            };
            if late && rng.random_bool(0.5) {
                revisions += 1;
            }
            let product = match kind {
                Banner | StoreDecor => None,
                _ if owned.is_empty() => None,
                _ => Some(owned[seq % owned.len()]),
            };
            let delivered = (delivered <= yesterday).then_some(delivered);
            if let Some(day) = delivered {
                months
                    .get_mut(&Month::of(day))
                    .expect("month listed")
                    .delivered[d] += 1;
            }
            out.push(Deliverable {
                reference: format!("DJ{:04}-{seq:05}", d + 1),
                designer_id: Some(designer),
                designer: None,
                product_id: product,
                platform_item_id: None,
                kind,
                requested_on: requested,
                due_on: due,
                delivered_on: delivered,
                revisions: Some(revisions),
            });
            t += rng.random_range(2..=4);
        }
    }
    out
}

/// Four competitors × three items each, seen daily or every 2-3 days (always yesterday). Prices
/// drift by up to 6 % now and then and run 2-4 snapshot sales of 12-20 % off; yesterday the
/// first item is cut to at most 85 % and no other item starts a sale.
fn competitors(
    rng: &mut StdRng,
    first: NaiveDate,
    days: usize,
) -> (Vec<CompetitorSnapshot>, Option<Planted>) {
    let last = days - 1;
    let mut out = Vec::new();
    let mut cut = None;
    for (c, &(competitor, every)) in COMPETITORS.iter().enumerate() {
        for i in 0..3 {
            let (item, keywords) = COMPETITOR_ITEMS[(c * 2 + i) % COMPETITOR_ITEMS.len()];
            let mut regular = rng.random_range(99..=299_i64) * 100;
            let monthly_sales = rng.random_range(1_500.0..20_000.0);
            let mut sale: Option<(i64, u32)> = None;
            let mut previous = None;
            for t in (0..days).filter(|t| (last - t).is_multiple_of(every as usize)) {
                let mut promotion = match rng.random_range(0..100) {
                    0..55 => CompetitorPromotion::None,
                    55..80 => CompetitorPromotion::Coupon,
                    80..95 => CompetitorPromotion::FullReduction,
                    _ => CompetitorPromotion::Bogo,
                };
                let mut price = regular;
                if let Some((sale_price, left)) = sale {
                    price = sale_price;
                    promotion = CompetitorPromotion::Discount;
                    sale = (left > 1).then_some((sale_price, left - 1));
                } else if t < last && rng.random_bool(0.03) {
                    price = round(regular as f64 * rng.random_range(0.80..0.88) / 100.0) * 100;
                    promotion = CompetitorPromotion::Discount;
                    sale = Some((price, rng.random_range(1..=3)));
                } else if rng.random_bool(0.08) {
                    regular = round(regular as f64 * rng.random_range(0.95..1.06) / 100.0) * 100;
                    price = regular;
                }
                let planted_here = t == last && c == 0 && i == 0;
                if planted_here && let Some(before) = previous {
                    price = before * 85 / 100 / 100 * 100;
                    promotion = CompetitorPromotion::FullReduction;
                    cut = Some(Planted::CompetitorPriceCut {
                        competitor: competitor.to_owned(),
                        item: item.to_owned(),
                        previous_price_fen: before,
                        price_fen: price,
                    });
                }
                let boost = if promotion == CompetitorPromotion::Discount {
                    1.3
                } else {
                    1.0
                };
                out.push(CompetitorSnapshot {
                    competitor: competitor.to_owned(),
                    item: item.to_owned(),
                    date: first + Duration::days(t as i64),
                    price: yuan(price),
                    est_monthly_sales: Some(round(monthly_sales * boost * jitter(rng, 0.05))),
                    promotion: Some(promotion),
                    keywords: Some(keywords.to_owned()),
                });
                previous = Some(price);
            }
        }
    }
    (out, cut)
}

/// Targets of every month covered, set as a manager would: 95-112 % of what the month did (its
/// days scaled to the whole month) for amounts and counts, the shop's usual rates otherwise.
fn targets(
    rng: &mut StdRng,
    roster: &Roster,
    months: &BTreeMap<Month, MonthSums>,
) -> Vec<Vec<TargetInput>> {
    // Fen rounded to a multiple of `step` fen.
    let round_to = |fen: f64, step: i64| round(fen / step as f64) * step;
    let mut out = Vec::new();
    for (&month, sums) in months {
        let scale = f64::from(month.days()) / f64::from(sums.days.max(1));
        let mut stretch = || rng.random_range(0.95..1.12);
        let team = |metric, value| TargetInput {
            metric,
            staff_id: None,
            month,
            date: None,
            value,
        };
        let person = |metric, staff: i64, value| TargetInput {
            metric,
            staff_id: Some(staff),
            month,
            date: None,
            value,
        };
        let mut list = vec![
            team(
                Metric::PaidAmount,
                yuan(round_to(sums.paid_fen as f64 * scale * stretch(), 100_000)),
            ),
            team(Metric::ConversionRate, Decimal::new(35, 3)),
            team(Metric::Roi, Decimal::new(2, 0)),
            team(Metric::RefundRate, Decimal::new(6, 2)),
            team(
                Metric::NetProfit,
                yuan(round_to(sums.net_fen as f64 * scale * stretch(), 100_000)),
            ),
        ];
        for (a, &staff) in roster.agents.iter().enumerate() {
            let fen = round_to(sums.agent_sales_fen[a] as f64 * scale * stretch(), 10_000);
            list.push(person(Metric::SalesAmount, staff, yuan(fen)));
        }
        for (d, &staff) in roster.designers.iter().enumerate() {
            let count = round(sums.delivered[d] as f64 * scale * stretch()).max(1);
            list.push(person(Metric::Delivered, staff, Decimal::from(count)));
        }
        for (p, &staff) in roster.promoters.iter().enumerate() {
            let clicks = sums.promoter_clicks[p].max(1) as f64;
            let cpc = round(sums.promoter_spend_fen[p] as f64 / clicks * stretch());
            list.push(person(Metric::Cpc, staff, yuan(cpc.max(1))));
            let fen = round_to(
                sums.promoter_attributed_fen[p] as f64 * scale * stretch(),
                10_000,
            );
            list.push(person(Metric::AttributedAmount, staff, yuan(fen)));
        }
        out.push(list);
    }
    out
}

#[cfg(test)]
mod tests {
    //! The generator alone, without a database: the rows keep the import's rules, and yesterday
    //! fires the planted rules of §5 (recomputed here by hand) and no other, on every weekday.

    use std::collections::HashMap;

    use rust_decimal::prelude::ToPrimitive;

    use super::*;

    fn roster(agents: usize, designers: usize, promoters: usize, products: usize) -> Roster {
        let mut next = 0;
        let mut ids = |n: usize| -> Vec<i64> {
            (0..n)
                .map(|_| {
                    next += 1;
                    next
                })
                .collect()
        };
        let agents = ids(agents);
        let designers = ids(designers);
        let promoters = ids(promoters);
        let hero_every = if products <= 8 { 4 } else { 10 };
        let products = (0..products)
            .map(|i| Item {
                id: 1_000 + i as i64,
                title: format!("item {i}"),
                hero: i % hero_every == 0,
                designer: (!designers.is_empty()).then(|| designers[i % designers.len()]),
                price_fen: list_price_fen(i, i % hero_every == 0),
                cost_fen: 2_000 + (i as i64 % 7) * 1_250,
            })
            .collect();
        Roster {
            names: HashMap::new(),
            agents,
            designers,
            promoters,
            products,
        }
    }

    fn f(d: Decimal) -> f64 {
        d.to_f64().unwrap()
    }

    fn ratio(part: i64, whole: i64) -> f64 {
        part as f64 / whole as f64
    }

    /// The checks `ingest::rows` applies, on every generated row.
    fn assert_consistent(g: &Generated, yesterday: NaiveDate) {
        for s in &g.shop {
            assert!(s.date <= yesterday);
            let (orders, units) = (s.paid_orders.unwrap(), s.paid_units.unwrap());
            assert!(s.paid_buyers <= s.visitors.unwrap() && s.paid_buyers <= orders);
            assert!(orders <= units, "{s:?}");
            for part in [s.fav_cart_buyers, s.bounced_visitors, s.returning_visitors] {
                assert!(part.unwrap() <= s.visitors.unwrap());
            }
            assert_eq!(s.paid_amount.scale(), 2);
            let depth = ratio(s.page_views.unwrap(), s.visitors.unwrap());
            assert!((2.5..=4.0).contains(&depth), "{depth}");
        }
        for p in &g.products {
            assert!(p.paid_buyers <= p.visitors && p.paid_buyers <= p.paid_units);
            assert!(p.fav_cart_buyers.unwrap() <= p.visitors);
            assert!(p.stock.unwrap() >= 0);
        }
        for a in &g.agents {
            assert!(a.inquiries <= a.received && a.ordered_buyers <= a.inquiries);
            assert!(a.paid_buyers <= a.ordered_buyers && a.unreplied.unwrap() <= a.received);
            assert!(a.first_response_count.unwrap() > 0 && a.response_count.unwrap() > 0);
        }
        for a in &g.ads {
            assert!(a.clicks <= a.impressions.unwrap() && a.attributed_orders <= a.clicks);
            assert!(a.spend > Decimal::ZERO);
        }
        for d in &g.deliverables {
            assert!(d.requested_on <= yesterday && d.due_on >= d.requested_on);
            if let Some(on) = d.delivered_on {
                assert!(on >= d.requested_on && on <= yesterday);
            }
        }
    }

    /// Yesterday against §5, rule by rule: the codes that fire.
    fn findings(g: &Generated, roster: &Roster, yesterday: NaiveDate) -> Vec<&'static str> {
        let mut fired = Vec::new();
        let shop: HashMap<NaiveDate, &ShopDay> = g.shop.iter().map(|s| (s.date, s)).collect();
        let d = shop[&yesterday];
        let week: Vec<&ShopDay> = (1..=7)
            .map(|k| shop[&(yesterday - Duration::days(k))])
            .collect();
        let mean = |m: &dyn Fn(&ShopDay) -> f64| week.iter().map(|s| m(s)).sum::<f64>() / 7.0;
        let conversion = |s: &ShopDay| ratio(s.paid_buyers, s.visitors.unwrap());
        if (d.visitors.unwrap() as f64) < 0.8 * mean(&|s| s.visitors.unwrap() as f64) {
            fired.push("TRAFFIC_DROP");
        }
        if conversion(d) < 0.85 * mean(&conversion) || conversion(d) < 0.035 {
            fired.push("CONVERSION_DROP");
        }
        if ratio(d.bounced_visitors.unwrap(), d.visitors.unwrap()) > 0.70 {
            fired.push("BOUNCE_HIGH");
        }
        if ratio(d.page_views.unwrap(), d.visitors.unwrap()) < 2.5 {
            fired.push("VISIT_DEPTH_LOW");
        }
        let heroes: HashMap<i64, bool> = roster.products.iter().map(|p| (p.id, p.hero)).collect();
        let hero_days: Vec<&ProductDay> = g
            .products
            .iter()
            .filter(|p| p.date == yesterday && heroes[&p.product_id.unwrap()])
            .collect();
        let best = hero_days.iter().max_by_key(|p| p.paid_units).unwrap();
        let (aov, hero_aov) = (
            f(d.paid_amount) / d.paid_buyers as f64,
            f(best.paid_amount) / best.paid_buyers as f64,
        );
        if aov < 1.3 * hero_aov {
            fired.push("AOV_STRUCTURE");
        }
        let month: Vec<&&ShopDay> = (1..=30)
            .filter_map(|k| shop.get(&(yesterday - Duration::days(k))))
            .collect();
        let refund = |s: &ShopDay| f(s.refund_amount.unwrap()) / f(s.paid_amount);
        let refund_mean = month.iter().map(|s| refund(s)).sum::<f64>() / month.len() as f64;
        if refund(d) > 1.5 * refund_mean {
            fired.push("REFUND_SPIKE");
        }
        if hero_days.iter().any(|p| p.bad_reviews.unwrap() > 0) {
            fired.push("BAD_REVIEW");
        }
        let agents: Vec<&AgentDay> = g.agents.iter().filter(|a| a.date == yesterday).collect();
        let team = ratio(
            agents.iter().map(|a| a.paid_buyers).sum(),
            agents.iter().map(|a| a.inquiries).sum(),
        );
        for a in &agents {
            if a.inquiries >= 20 && team - ratio(a.paid_buyers, a.inquiries) >= 0.05 {
                fired.push("CS_CONVERSION_LAG");
            }
            if ratio(
                a.first_response_seconds_sum.unwrap(),
                a.first_response_count.unwrap(),
            ) > 30.0
            {
                fired.push("CS_SLOW_RESPONSE");
            }
        }
        let channel_day = |c: AdChannel, day: NaiveDate| {
            let rows = g.ads.iter().filter(|a| a.channel == c && a.date == day);
            rows.fold((0.0, 0.0, 0, 0), |(s, v, k, i), a| {
                (
                    s + f(a.spend),
                    v + f(a.attributed_amount),
                    k + a.clicks,
                    i + a.impressions.unwrap(),
                )
            })
        };
        for spec in &CHANNELS {
            let (spend, value, clicks, impressions) = channel_day(spec.channel, yesterday);
            if spend == 0.0 {
                continue;
            }
            if value / spend < 2.0 {
                fired.push("AD_ROI_LOW");
            }
            let ctr_mean = (1..=7)
                .map(|k| {
                    let (_, _, c, i) = channel_day(spec.channel, yesterday - Duration::days(k));
                    ratio(c, i)
                })
                .sum::<f64>()
                / 7.0;
            if ratio(clicks, impressions) < 0.8 * ctr_mean {
                fired.push("AD_CTR_DROP");
            }
        }
        for hero in &hero_days {
            let id = hero.product_id.unwrap();
            let units = |from: i64, to: i64| -> i64 {
                g.products
                    .iter()
                    .filter(|p| p.product_id.unwrap() == id)
                    .filter(|p| (from..=to).any(|k| p.date == yesterday - Duration::days(k)))
                    .map(|p| p.paid_units)
                    .sum()
            };
            // Whether the 7 days end the day before or on the day, it fires (or not) alike.
            let stock = hero.stock.unwrap() as f64;
            let (before, with) = (units(1, 7) as f64 / 7.0, units(0, 6) as f64 / 7.0);
            assert_eq!(
                stock < 7.0 * before,
                stock < 7.0 * with,
                "{stock} {before} {with}"
            );
            if stock < 7.0 * before {
                fired.push("STOCK_LOW");
            }
        }
        let mut seen: HashMap<(&str, &str), Decimal> = HashMap::new();
        for c in &g.competitors {
            let key = (c.competitor.as_str(), c.item.as_str());
            if let Some(before) = seen.insert(key, c.price)
                && c.date == yesterday
                && f(c.price) <= 0.9 * f(before)
            {
                fired.push("COMPETITOR_PRICE_CUT");
            }
        }
        let before = shop[&(yesterday - Duration::days(1))];
        for (now, then) in [
            (d.dsr_description, before.dsr_description),
            (d.dsr_service, before.dsr_service),
            (d.dsr_logistics, before.dsr_logistics),
        ] {
            let (now, then) = (f(now.unwrap()), f(then.unwrap()));
            if now < 4.8 || then - now >= 0.01 {
                fired.push("DSR_LOW");
            }
        }
        fired.sort();
        fired
    }

    #[test]
    fn yesterday_fires_the_planted_rules_and_no_other_on_every_weekday() {
        let planted = {
            let mut codes = vec![
                "AD_ROI_LOW",
                "BAD_REVIEW",
                "BOUNCE_HIGH",
                "COMPETITOR_PRICE_CUT",
                "CS_CONVERSION_LAG",
                "CS_SLOW_RESPONSE",
                "STOCK_LOW",
            ];
            codes.sort();
            codes
        };
        // The demo team, a 50-person team and a 200-person one.
        for r in [
            roster(2, 2, 2, 8),
            roster(20, 10, 10, 12),
            roster(80, 40, 40, 50),
        ] {
            for offset in 0..7 {
                let first = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap() + Duration::days(offset);
                let days = 90;
                let yesterday = first + Duration::days(days - 1);
                let g = generate(&r, first, days as usize);
                assert_consistent(&g, yesterday);
                assert_eq!(
                    findings(&g, &r, yesterday),
                    planted,
                    "{} agents, {} products, ending {yesterday}",
                    r.agents.len(),
                    r.products.len()
                );
                assert_eq!(g.planted.len(), 6);
            }
        }
    }

    #[test]
    fn a_single_day_is_enough_for_most_problems() {
        let r = roster(2, 2, 2, 8);
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let g = generate(&r, day, 1);
        assert_consistent(&g, day);
        let codes: Vec<&str> = g.planted.iter().map(Planted::code).collect();
        assert_eq!(
            codes,
            [
                "BOUNCE_HIGH",
                "BAD_REVIEW",
                "CS_CONVERSION_LAG",
                "AD_ROI_LOW"
            ]
        );
        assert_eq!((g.shop.len(), g.products.len(), g.targets.len()), (1, 8, 1));
    }

    #[test]
    fn the_planted_agent_lags_by_at_least_8_points() {
        for r in [roster(2, 1, 1, 4), roster(80, 40, 40, 50)] {
            let g = generate(&r, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), 30);
            let lag = g
                .planted
                .iter()
                .find_map(|p| match p {
                    Planted::CsConversionLag {
                        inquiries,
                        paid_buyers,
                        team_inquiries,
                        team_paid_buyers,
                        ..
                    } => Some(
                        ratio(*team_paid_buyers, *team_inquiries) - ratio(*paid_buyers, *inquiries),
                    ),
                    _ => None,
                })
                .unwrap();
            assert!(lag >= 0.08, "{lag}");
        }
    }

    #[test]
    fn same_roster_and_days_give_the_same_history_and_the_figures_are_plausible() {
        let r = roster(2, 2, 2, 8);
        let first = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let (a, b) = (generate(&r, first, 90), generate(&r, first, 90));
        assert_eq!(format!("{:?}", a.shop), format!("{:?}", b.shop));
        assert_eq!(format!("{:?}", a.agents), format!("{:?}", b.agents));
        assert_eq!(a.planted, b.planted);
        let days = a.shop.len() as f64;
        let sum = |m: fn(&ShopDay) -> f64| a.shop.iter().map(m).sum::<f64>();
        let visitors = sum(|s| s.visitors.unwrap() as f64);
        let buyers = sum(|s| s.paid_buyers as f64);
        let paid = sum(|s| f(s.paid_amount));
        assert!(
            (3_000.0..6_000.0).contains(&(visitors / days)),
            "{}",
            visitors / days
        );
        assert!((0.03..0.05).contains(&(buyers / visitors)));
        assert!(
            (150.0..250.0).contains(&(paid / buyers)),
            "aov {}",
            paid / buyers
        );
        let refunds = sum(|s| f(s.refund_amount.unwrap()));
        assert!((0.04..0.06).contains(&(refunds / paid)));
        let inquiries: i64 = a.agents.iter().map(|x| x.inquiries).sum();
        let per_agent_day = inquiries as f64 / a.agents.len() as f64;
        assert!((30.0..80.0).contains(&per_agent_day), "{per_agent_day}");
        let spend: f64 = a.ads.iter().map(|x| f(x.spend)).sum();
        let value: f64 = a.ads.iter().map(|x| f(x.attributed_amount)).sum();
        assert!((1.5..4.0).contains(&(value / spend)));
        assert!(a.deliverables.iter().any(|d| d.delivered_on.is_none()));
        assert!(
            a.deliverables
                .iter()
                .any(|d| d.delivered_on.is_some_and(|on| on > d.due_on))
        );
        assert!(a.deliverables.iter().any(|d| d.revisions.unwrap() > 0));
        // Three months: March to May, 5 team targets and 2 + 2 + 2 × 2 personal ones each.
        assert_eq!(a.targets.len(), 3);
        assert!(a.targets.iter().all(|m| m.len() == 5 + 2 + 2 + 4));
    }
}
