//! A team's month as month-end reads it (§7, §8): the aggregates the reviews and the bonus run
//! both score, loaded once, with a fixed number of queries run concurrently whatever the team's
//! size, and each person's metrics derived from them as exact quotients (through the
//! [`catalogue`](crate::services::catalogue)).

use std::collections::HashMap;

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::cs::CsTotals;
use super::reports::{AdTotals, DesignTotals, ProductTotals};
use super::shop::ShopTotals;
use super::{cs, reports, shop};
use crate::entities::{Metric, Role, product};
use crate::error::AppResult;
use crate::period::{Granularity, Month};
use crate::services::catalogue::{Quotient, Source, Sums};
use crate::services::targets;

/// A product a designer owns and what it sold in the month.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductUnits {
    /// How the product is named on a bonus line (`1001 白色T恤`).
    pub label: String,
    pub units: i64,
}

/// A designer's owned products: what each sold, and their sums pooled.
#[derive(Debug, Clone, Default)]
struct Owned {
    products: Vec<ProductUnits>,
    totals: ProductTotals,
}

/// Each source's sums per person of its role, and pooled for the team.
struct BySource<T> {
    people: HashMap<i64, T>,
    team: T,
}

impl<T: Default + Clone> BySource<T> {
    fn new(
        rows: impl IntoIterator<Item = (i64, T)>,
        absorb: impl Fn(&mut T, &T) -> AppResult<()>,
    ) -> AppResult<Self> {
        let mut team = T::default();
        let people: HashMap<i64, T> = rows.into_iter().collect();
        for t in people.values() {
            absorb(&mut team, t)?;
        }
        Ok(Self { people, team })
    }

    fn of(&self, staff_id: i64, own: bool) -> std::borrow::Cow<'_, T> {
        use std::borrow::Cow;
        match (own, self.people.get(&staff_id)) {
            (false, _) => Cow::Borrowed(&self.team),
            (true, Some(t)) => Cow::Borrowed(t),
            (true, None) => Cow::Owned(T::default()),
        }
    }
}

pub struct MonthFacts {
    agents: BySource<CsTotals>,
    ads: BySource<AdTotals>,
    design: BySource<DesignTotals>,
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
            o.totals.absorb(&t)?;
        }
        Ok(Self {
            agents: BySource::new(
                agents.into_iter().map(|t| (t.staff_id, t)),
                CsTotals::absorb,
            )?,
            ads: BySource::new(ads.by_owner, AdTotals::absorb)?,
            design: BySource::new(
                design.into_iter().map(|d| (d.designer_id, d)),
                DesignTotals::absorb,
            )?,
            owned,
            shop: shop::bucket(&days, from, to, Granularity::Month)?
                .pop()
                .unwrap_or_default(),
            targets: by_staff,
        })
    }

    /// A person's month of `metric` (§3): their own sums where the metric's source belongs to
    /// their role (an agent's conversion, a promoter's ROI), else the team's (the shop's
    /// conversion, the team's pooled ad ROI). A designer's owned-product conversion exists only
    /// for designers.
    pub fn quotient(&self, staff_id: i64, role: Role, metric: Metric) -> Option<Quotient> {
        let def = metric.def();
        let own = def.source.own_role() == Some(role);
        match def.source {
            Source::Shop => self.shop.quotient(metric),
            Source::Agent => self.agents.of(staff_id, own).quotient(metric),
            Source::Ad => self.ads.of(staff_id, own).quotient(metric),
            Source::Design => self.design.of(staff_id, own).quotient(metric),
            Source::OwnedProducts if own => self
                .owned
                .get(&staff_id)
                .map_or_else(ProductTotals::default, |o| o.totals.clone())
                .quotient(metric),
            Source::OwnedProducts => None,
        }
    }

    /// The shop's month of a metric of the shop.
    pub fn shop(&self, metric: Metric) -> Option<Quotient> {
        self.shop.quotient(metric)
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
