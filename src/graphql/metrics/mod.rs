//! Dashboard queries, one file per dashboard: thin resolvers over the `metrics` services (and the
//! metric catalogue), merged into one query part.

mod catalogue;
mod cs;
mod kpis;
mod reports;
mod shop;

pub use shop::GmvSplit;

/// In the order the schema lists their fields.
#[derive(async_graphql::MergedObject, Default)]
pub struct MetricsQuery(
    catalogue::CatalogueQuery,
    shop::ShopQuery,
    cs::CsQuery,
    reports::ReportsQuery,
    kpis::KpisQuery,
);
