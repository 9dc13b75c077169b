//! Database migrations for shopops, one table (or change) per file.
//!
//! Money columns are `BIGINT` amounts in fen (分, 1/100 CNY): exact in SQL aggregates on both
//! SQLite (which has no decimal type) and PostgreSQL. The API converts them to `Decimal`.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_team;
mod m20261122_000002_create_staff;
mod m20261122_000003_create_staff_alias;
mod m20261122_000004_create_product;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_team::Migration),
            Box::new(m20261122_000002_create_staff::Migration),
            Box::new(m20261122_000003_create_staff_alias::Migration),
            Box::new(m20261122_000004_create_product::Migration),
        ]
    }
}
