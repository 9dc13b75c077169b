use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::helpers::rebuild_sqlite_table;
use crate::m20261125_000008_create_ad_day as ad_day;
use crate::m20261201_000032_optional_paid_counts::{self as shop_day, ShopDay};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `shop_day.visitors` (访客数) and `shop_day.page_views` (浏览量), and `ad_day.impressions`
/// (展现量), become nullable with no default, as migration 32 made the paid counts: a 抖店罗盘
/// shop export has no visitors or page views, a 淘宝客 report no impressions, and a day imported
/// without them is NULL ("not given"), never 0. Stored values are kept, and so is the CHECK that
/// they are not negative. PostgreSQL alters the columns; SQLite rebuilds the two tables. `down`
/// refuses while a day lacks one.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_nullable(manager, true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_nullable(manager, false).await
    }
}

/// The tables and the columns this migration changes.
const COLUMNS: [(&str, &[&str]); 2] = [
    ("shop_day", &["visitors", "page_views"]),
    ("ad_day", &["impressions"]),
];

async fn set_nullable(manager: &SchemaManager<'_>, nullable: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    for (table, columns) in COLUMNS {
        if !nullable {
            let lacking: Vec<String> = columns.iter().map(|c| format!("\"{c}\" IS NULL")).collect();
            let sql = format!("SELECT 1 FROM \"{table}\" WHERE {}", lacking.join(" OR "));
            // Every row read: a statement left open would keep its connection on an old snapshot.
            let rows = db
                .query_all_raw(Statement::from_string(backend, sql))
                .await?;
            if !rows.is_empty() {
                return Err(DbErr::Migration(format!(
                    "{} rows of {table} have no {}, which the old columns cannot hold: give \
                     them their counts (or remove them) first",
                    rows.len(),
                    columns.join(" or ")
                )));
            }
        }
        if backend == DbBackend::Postgres {
            let alter: Vec<String> = columns
                .iter()
                .map(|c| {
                    if nullable {
                        format!(
                            "ALTER COLUMN \"{c}\" DROP NOT NULL, ALTER COLUMN \"{c}\" DROP DEFAULT"
                        )
                    } else {
                        format!(
                            "ALTER COLUMN \"{c}\" SET DEFAULT 0, ALTER COLUMN \"{c}\" SET NOT NULL"
                        )
                    }
                })
                .collect();
            db.execute_unprepared(&format!("ALTER TABLE \"{table}\" {}", alter.join(", ")))
                .await?;
        }
    }
    if backend == DbBackend::Postgres {
        return Ok(());
    }
    // Nothing refers to either table.
    let paid = [ShopDay::PaidOrders, ShopDay::PaidUnits];
    let traffic = [
        ShopDay::PaidOrders,
        ShopDay::PaidUnits,
        ShopDay::Visitors,
        ShopDay::PageViews,
    ];
    let (create, unique) = shop_day::create(if nullable { &traffic } else { &paid });
    rebuild_sqlite_table(manager, create, &[unique]).await?;
    let (create, indexes) = ad_day::create(nullable);
    rebuild_sqlite_table(manager, create, &indexes).await
}
