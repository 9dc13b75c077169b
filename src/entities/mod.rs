//! SeaORM entities: the database's view of the domain. GraphQL types live with each domain module.

pub mod ad_day;
pub mod agent_day;
pub mod competitor_snapshot;
pub mod design_deliverable;
pub mod product;
pub mod product_day;
pub mod shop_day;
pub mod staff;
pub mod staff_alias;
pub mod target;
pub mod team;

pub use ad_day::AdChannel;
pub use competitor_snapshot::CompetitorPromotion;
pub use design_deliverable::DeliverableKind;
pub use staff::{Access, Role};
pub use target::Metric;
pub use team::Platform;
