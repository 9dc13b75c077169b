//! Everything the rules of §5 look at for one team and day, read in a fixed handful of range
//! queries (no per-agent or per-product loops), so a diagnosis costs the same for 5 people or
//! 500.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use sea_orm::{ActiveEnum, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{
    AdChannel, Metric, Role, ad_day, competitor_snapshot, product, product_day, staff,
};
use crate::error::AppResult;
use crate::services::metrics::cs::{self, CsTotals};
use crate::services::metrics::reports::AdTotals;
use crate::services::metrics::shop::{self, ShopTotals};
use crate::services::targets;

/// How far back a competitor item's previous snapshot is looked for.
const SNAPSHOT_LOOKBACK_DAYS: i64 = 60;

pub struct Facts {
    pub date: NaiveDate,
    /// The day's shop data (None: no shop day imported).
    pub day: Option<ShopTotals>,
    pub previous_day: Option<ShopTotals>,
    /// D−7..D−1 summed; `days` counts the days that had data.
    pub week: ShopTotals,
    /// D−30..D−1 summed.
    pub month: ShopTotals,
    /// The day's team targets (§4).
    pub targets: HashMap<Metric, Decimal>,
    /// Each agent's day.
    pub agents: Vec<CsTotals>,
    /// The agents' day pooled.
    pub agents_team: CsTotals,
    /// Whether the team has active customer-service agents (whose day should be there).
    pub has_agents: bool,
    /// The day's ad rows, one per channel and owner.
    pub ads: Vec<ad_day::Model>,
    /// The day's ad sums per channel, and those over D−7..D−1.
    pub ads_day: BTreeMap<AdChannelKey, AdTotals>,
    pub ads_week: BTreeMap<AdChannelKey, AdTotals>,
    pub heroes: Vec<Hero>,
    pub competitors: Vec<CompetitorItem>,
    /// Names of the team's people, for messages.
    pub names: HashMap<i64, String>,
}

/// `AdChannel` ordered by its stored name, for stable output.
pub type AdChannelKey = String;

pub fn channel_key(c: AdChannel) -> AdChannelKey {
    c.to_value()
}

/// Ad rows summed per channel.
pub fn by_channel<'a>(
    rows: impl IntoIterator<Item = &'a ad_day::Model>,
) -> AppResult<BTreeMap<AdChannelKey, AdTotals>> {
    let mut channels: BTreeMap<AdChannelKey, AdTotals> = BTreeMap::new();
    for r in rows {
        let e = channels.entry(channel_key(r.channel)).or_default();
        e.absorb(&AdTotals::from(r))?;
    }
    Ok(channels)
}

/// A hero product (主推款) with its day and its units over D−7..D−1.
pub struct Hero {
    pub product: product::Model,
    pub day: Option<product_day::Model>,
    pub units_week: i64,
    pub days_week: i64,
}

/// A tracked competitor item seen on D, with its previous snapshot.
pub struct CompetitorItem {
    pub competitor: String,
    pub item: String,
    pub price_fen: i64,
    pub previous: Option<(NaiveDate, i64)>,
}

impl Facts {
    pub async fn load(db: &DatabaseConnection, team_id: i64, date: NaiveDate) -> AppResult<Self> {
        let days = shop::daily(db, team_id, date - Duration::days(30), date).await?;
        let single = |d: NaiveDate| days.iter().find(|t| t.start == d && t.days > 0).cloned();
        let mut week = ShopTotals::empty(date - Duration::days(7), date - Duration::days(1));
        let mut month = ShopTotals::empty(date - Duration::days(30), date - Duration::days(1));
        for d in days.iter().filter(|d| d.start < date) {
            month.absorb(d)?;
            if d.start >= week.start {
                week.absorb(d)?;
            }
        }

        let people = staff::Entity::find()
            .filter(staff::Column::TeamId.eq(team_id))
            .all(db)
            .await?;
        let has_agents = people
            .iter()
            .any(|p| p.active && p.role == Some(Role::CustomerService));

        let ad_rows = ad_day::Entity::find()
            .filter(ad_day::Column::TeamId.eq(team_id))
            .filter(ad_day::Column::Date.between(date - Duration::days(7), date))
            .order_by_asc(ad_day::Column::Channel)
            .order_by_asc(ad_day::Column::OwnerId)
            .all(db)
            .await?;
        let ads_week = by_channel(ad_rows.iter().filter(|r| r.date < date))?;
        let ads: Vec<ad_day::Model> = ad_rows.into_iter().filter(|r| r.date == date).collect();
        let ads_day = by_channel(&ads)?;

        let hero_products = product::Entity::find()
            .filter(product::Column::TeamId.eq(team_id))
            .filter(product::Column::IsHero.eq(true))
            .filter(product::Column::Active.eq(true))
            .order_by_asc(product::Column::Id)
            .all(db)
            .await?;
        let product_days = product_day::Entity::find()
            .filter(product_day::Column::ProductId.is_in(hero_products.iter().map(|p| p.id)))
            .filter(product_day::Column::Date.between(date - Duration::days(7), date))
            .all(db)
            .await?;
        let heroes = hero_products
            .into_iter()
            .map(|p| {
                let rows = product_days.iter().filter(|d| d.product_id == p.id);
                let before: Vec<&product_day::Model> =
                    rows.clone().filter(|d| d.date < date).collect();
                Hero {
                    day: rows.clone().find(|d| d.date == date).cloned(),
                    units_week: before.iter().map(|d| d.paid_units).sum(),
                    days_week: before.len() as i64,
                    product: p,
                }
            })
            .collect();

        let snapshots = competitor_snapshot::Entity::find()
            .filter(competitor_snapshot::Column::TeamId.eq(team_id))
            .filter(
                competitor_snapshot::Column::Date
                    .between(date - Duration::days(SNAPSHOT_LOOKBACK_DAYS), date),
            )
            .order_by_asc(competitor_snapshot::Column::Competitor)
            .order_by_asc(competitor_snapshot::Column::Item)
            .order_by_asc(competitor_snapshot::Column::Date)
            .all(db)
            .await?;
        let competitors = snapshots
            .iter()
            .filter(|s| s.date == date)
            .map(|s| CompetitorItem {
                competitor: s.competitor.clone(),
                item: s.item.clone(),
                price_fen: s.price_fen,
                previous: snapshots
                    .iter()
                    .rfind(|p| p.competitor == s.competitor && p.item == s.item && p.date < date)
                    .map(|p| (p.date, p.price_fen)),
            })
            .collect();

        let agents = cs::agent_totals(db, team_id, date, date).await?;
        Ok(Self {
            date,
            day: single(date),
            previous_day: single(date - Duration::days(1)),
            week,
            month,
            targets: targets::team_day_targets(db, team_id, date).await?,
            agents_team: cs::pooled(&agents)?,
            agents,
            has_agents,
            ads,
            ads_day,
            ads_week,
            heroes,
            competitors,
            names: people.into_iter().map(|p| (p.id, p.name)).collect(),
        })
    }
}
