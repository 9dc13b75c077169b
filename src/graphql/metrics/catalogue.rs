//! The metric catalogue (DOMAIN §3), as every dashboard and form reads it.

use async_graphql::{Context, Enum, Object};

use crate::error::AppResult;
use crate::graphql::enums::{Direction, Metric, Role};
use crate::graphql::{context::actor, cost};
use crate::services::catalogue::{self, CATALOGUE, Def};

/// What a metric's value measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(name = "MetricUnit", remote = "catalogue::Unit")]
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

pub struct MetricDef(&'static Def);

/// A metric as the catalogue defines it (DOMAIN §3).
#[Object]
impl MetricDef {
    /// The metric.
    async fn metric(&self) -> Metric {
        self.0.metric.into()
    }
    /// DOMAIN's snake_case name, as bonus formulas show it (`inquiry_conversion`).
    async fn name(&self) -> &str {
        self.0.name
    }
    /// The Chinese name users see in their exports (询单→最终付款转化率).
    async fn label(&self) -> &str {
        self.0.label
    }
    /// What its values measure.
    async fn unit(&self) -> Unit {
        self.0.unit.into()
    }
    /// Decimal places a value is shown with (rates as fractions).
    async fn places(&self) -> u32 {
        self.0.unit.places()
    }
    /// Whether higher or lower is better.
    async fn direction(&self) -> Direction {
        self.0.direction.into()
    }
    /// A sum over days (an amount or a count) rather than a ratio of sums.
    async fn is_sum(&self) -> bool {
        self.0.is_sum()
    }
    /// The role whose people each have their own value; everyone else is measured on the
    /// team's pooled sums. Null for the shop's metrics.
    async fn own_role(&self) -> Option<Role> {
        self.0.source.own_role().map(Into::into)
    }
}

#[derive(Default)]
pub struct CatalogueQuery;

#[Object]
impl CatalogueQuery {
    /// Every metric of DOMAIN §3 (33): what targets, KPIs and dashboards measure, with its unit
    /// and direction. Any signed-in person.
    #[graphql(complexity = "cost::rows(CATALOGUE.len(), child_complexity)")]
    async fn metric_catalogue(&self, ctx: &Context<'_>) -> AppResult<Vec<MetricDef>> {
        actor(ctx)?;
        Ok(CATALOGUE.iter().map(MetricDef).collect())
    }
}
