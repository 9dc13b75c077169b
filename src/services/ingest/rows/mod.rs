//! The rows each kind of import accepts, one module per kind. A row that passes its checks
//! becomes the entity's active model plus its natural key (§2); the key finds duplicates within
//! an import and tells inserts from overwrites.
//!
//! A new kind of import is one module here implementing [`Row`](super::Row), one entry of
//! [`Kind`](super::Kind), and the ways it arrives: its GraphQL input (`graphql::ingest`) and its
//! file columns (`files::columns`).

mod ad_day;
mod agent_day;
mod competitor_snapshot;
mod deliverable;
mod product_day;
mod shop_day;

pub use ad_day::AdDay;
pub use agent_day::AgentDay;
pub use competitor_snapshot::CompetitorSnapshot;
pub use deliverable::Deliverable;
pub use product_day::ProductDay;
pub use shop_day::ShopDay;
