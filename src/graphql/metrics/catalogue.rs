//! The metric catalogue (DOMAIN §3), as every dashboard and form reads it.

use async_graphql::{Context, Object};

use crate::entities::kpi_definition::Direction;
use crate::entities::{Metric, Role};
use crate::error::AppResult;
use crate::graphql::{context::actor, cost};
use crate::services::catalogue::{CATALOGUE, Def, Unit};

/// A metric as the catalogue defines it (DOMAIN §3).
pub struct MetricDef(&'static Def);

#[Object]
impl MetricDef {
    async fn metric(&self) -> Metric {
        self.0.metric
    }
    /// DOMAIN's snake_case name, as bonus formulas show it (`inquiry_conversion`).
    async fn name(&self) -> &str {
        self.0.name
    }
    /// The Chinese name users see in their exports (询单→最终付款转化率).
    async fn label(&self) -> &str {
        self.0.label
    }
    async fn unit(&self) -> Unit {
        self.0.unit
    }
    /// Decimal places a value is shown with (rates as fractions).
    async fn places(&self) -> u32 {
        self.0.unit.places()
    }
    /// Whether higher or lower is better.
    async fn direction(&self) -> Direction {
        self.0.direction
    }
    /// A sum over days (an amount or a count) rather than a ratio of sums.
    async fn is_sum(&self) -> bool {
        self.0.is_sum()
    }
    /// The role whose people each have their own value; everyone else is measured on the
    /// team's pooled sums. Null for the shop's metrics.
    async fn own_role(&self) -> Option<Role> {
        self.0.source.own_role()
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
