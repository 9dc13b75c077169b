//! SeaORM entities: the database's view of the domain. They know nothing of the API: the GraphQL
//! enums of the stored enums, with a description of each value, are in `graphql/enums.rs`.

pub mod ad_day;
pub mod agent_day;
pub mod audit_entry;
pub mod bonus_adjustment;
pub mod bonus_line;
pub mod bonus_payout;
pub mod bonus_plan;
pub mod bonus_rule;
pub mod bonus_run;
pub mod competitor_snapshot;
pub mod design_deliverable;
pub mod diagnosis;
pub mod diagnosis_threshold;
pub mod finding;
pub mod import_record;
pub mod kpi_definition;
pub mod month_close;
pub mod product;
pub mod product_day;
pub mod review;
pub mod shop_day;
pub mod staff;
pub mod staff_alias;
pub mod target;
pub mod task;
pub mod task_note;
pub mod team;

pub use ad_day::AdChannel;
pub use competitor_snapshot::CompetitorPromotion;
pub use design_deliverable::DeliverableKind;
pub use finding::{Comparison, FindingCode, Severity};
pub use import_record::ImportVia;
pub use month_close::MonthStatus;
pub use review::Grade;
pub use staff::{Access, Role};
pub use target::Metric;
pub use task::TaskStatus;
pub use team::Platform;
