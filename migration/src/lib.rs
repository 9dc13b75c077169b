//! Database migrations for shopops, one table (or change) per file.
//!
//! Money columns are `BIGINT` amounts in fen (分, 1/100 CNY): exact in SQL aggregates on both
//! SQLite (which has no decimal type) and PostgreSQL. The API converts them to `Decimal`.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_team;
mod m20261122_000002_create_staff;
mod m20261122_000003_create_staff_alias;
mod m20261122_000004_create_product;
mod m20261125_000005_create_shop_day;
mod m20261125_000006_create_product_day;
mod m20261125_000007_create_agent_day;
mod m20261125_000008_create_ad_day;
mod m20261125_000009_create_design_deliverable;
mod m20261125_000010_create_competitor_snapshot;
mod m20261125_000011_create_target;
mod m20261125_000012_add_team_data_version;
mod m20261125_000013_create_diagnosis_threshold;
mod m20261125_000014_create_diagnosis;
mod m20261125_000015_create_finding;
mod m20261125_000016_create_task;
mod m20261125_000017_create_task_note;
mod m20261125_000018_create_audit_entry;
mod m20261125_000019_create_kpi_definition;
mod m20261125_000020_create_month_close;
mod m20261125_000021_create_review;
mod m20261125_000022_add_team_forced_distribution;
mod m20261125_000023_create_bonus_plan;
mod m20261125_000024_create_bonus_rule;
mod m20261125_000025_create_bonus_adjustment;
mod m20261125_000026_create_bonus_run;
mod m20261125_000027_create_bonus_payout;
mod m20261125_000028_create_bonus_line;
mod m20261201_000029_add_staff_session_epoch;
mod m20261201_000030_unique_task_finding;
mod m20261201_000031_unchecked_bonus_kinds;
mod m20261201_000032_optional_paid_counts;
mod m20261201_000033_create_import_record;
mod m20261201_000034_optional_traffic_counts;

mod helpers;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_team::Migration),
            Box::new(m20261122_000002_create_staff::Migration),
            Box::new(m20261122_000003_create_staff_alias::Migration),
            Box::new(m20261122_000004_create_product::Migration),
            Box::new(m20261125_000005_create_shop_day::Migration),
            Box::new(m20261125_000006_create_product_day::Migration),
            Box::new(m20261125_000007_create_agent_day::Migration),
            Box::new(m20261125_000008_create_ad_day::Migration),
            Box::new(m20261125_000009_create_design_deliverable::Migration),
            Box::new(m20261125_000010_create_competitor_snapshot::Migration),
            Box::new(m20261125_000011_create_target::Migration),
            Box::new(m20261125_000012_add_team_data_version::Migration),
            Box::new(m20261125_000013_create_diagnosis_threshold::Migration),
            Box::new(m20261125_000014_create_diagnosis::Migration),
            Box::new(m20261125_000015_create_finding::Migration),
            Box::new(m20261125_000016_create_task::Migration),
            Box::new(m20261125_000017_create_task_note::Migration),
            Box::new(m20261125_000018_create_audit_entry::Migration),
            Box::new(m20261125_000019_create_kpi_definition::Migration),
            Box::new(m20261125_000020_create_month_close::Migration),
            Box::new(m20261125_000021_create_review::Migration),
            Box::new(m20261125_000022_add_team_forced_distribution::Migration),
            Box::new(m20261125_000023_create_bonus_plan::Migration),
            Box::new(m20261125_000024_create_bonus_rule::Migration),
            Box::new(m20261125_000025_create_bonus_adjustment::Migration),
            Box::new(m20261125_000026_create_bonus_run::Migration),
            Box::new(m20261125_000027_create_bonus_payout::Migration),
            Box::new(m20261125_000028_create_bonus_line::Migration),
            Box::new(m20261201_000029_add_staff_session_epoch::Migration),
            Box::new(m20261201_000030_unique_task_finding::Migration),
            Box::new(m20261201_000031_unchecked_bonus_kinds::Migration),
            Box::new(m20261201_000032_optional_paid_counts::Migration),
            Box::new(m20261201_000033_create_import_record::Migration),
            Box::new(m20261201_000034_optional_traffic_counts::Migration),
        ]
    }
}
