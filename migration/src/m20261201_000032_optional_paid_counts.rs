use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, count_or_null, index, rebuild_sqlite_table, team_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `shop_day.paid_orders` (支付订单数) and `shop_day.paid_units` (支付件数) become nullable, with
/// no default: many 生意参谋 exports lack them, and a day imported without them is NULL ("not
/// given"), never 0. Stored values are kept, and the CHECK that they are not negative stays.
/// PostgreSQL alters the two columns; SQLite cannot, so there the table is rebuilt as migration
/// 5 made it but for these two, rows, ids and index kept. `down` refuses while a day lacks one.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_nullable(manager, true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_nullable(manager, false).await
    }
}

#[derive(DeriveIden, Clone, Copy, PartialEq)]
pub(crate) enum ShopDay {
    Table,
    Id,
    TeamId,
    Date,
    Visitors,
    PageViews,
    PaidBuyers,
    PaidOrders,
    PaidUnits,
    PaidAmountFen,
    FavCartBuyers,
    BouncedVisitors,
    ReturningVisitors,
    RefundAmountFen,
    RefundOrders,
    DsrDescriptionMilli,
    DsrServiceMilli,
    DsrLogisticsMilli,
    StoreLevel,
    CostOfGoodsFen,
    ShippingCostFen,
    UpdatedAt,
}

/// Migration 5's `count`, or NULL when not given if the column is among `nullable`.
fn optional_count(col: ShopDay, nullable: &[ShopDay]) -> ColumnDef {
    count_or_null(col, nullable.contains(&col))
}

/// The table and its unique index as migration 5 creates them, but for the counts `nullable`.
/// The columns are in migration 5's order, so `SELECT *` copies across.
pub(crate) fn create(nullable: &[ShopDay]) -> (TableCreateStatement, IndexCreateStatement) {
    use ShopDay::*;
    let table = sea_orm_migration::prelude::Table::create()
        .table(Table)
        .col(big_pk_auto(Id))
        .col(big_integer(TeamId))
        .col(date(Date))
        .col(optional_count(Visitors, nullable))
        .col(optional_count(PageViews, nullable))
        .col(count(PaidBuyers))
        .col(optional_count(PaidOrders, nullable))
        .col(optional_count(PaidUnits, nullable))
        .col(count(PaidAmountFen))
        .col(count(FavCartBuyers))
        .col(count(BouncedVisitors))
        .col(count(ReturningVisitors))
        .col(count(RefundAmountFen))
        .col(count(RefundOrders))
        .col(integer_null(DsrDescriptionMilli))
        .col(integer_null(DsrServiceMilli))
        .col(integer_null(DsrLogisticsMilli))
        .col(small_integer_null(StoreLevel))
        .col(count(CostOfGoodsFen))
        .col(count(ShippingCostFen))
        .col(timestamp_with_time_zone(UpdatedAt))
        .foreign_key(&mut team_key(Table, TeamId))
        .to_owned();
    let unique = index(Table, vec![TeamId.into_iden(), Date.into_iden()], true);
    (table, unique)
}

async fn set_nullable(manager: &SchemaManager<'_>, nullable: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    if !nullable {
        // Every row read: a statement left open would keep its connection on an old snapshot.
        let lacking = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT \"date\" FROM \"shop_day\" \
                 WHERE \"paid_orders\" IS NULL OR \"paid_units\" IS NULL",
            ))
            .await?;
        if !lacking.is_empty() {
            return Err(DbErr::Migration(format!(
                "{} shop days have no paid_orders or paid_units, which the old columns cannot \
                 hold: give them their counts (or remove those days) first",
                lacking.len()
            )));
        }
    }
    if backend == DbBackend::Postgres {
        let sql = if nullable {
            "ALTER TABLE \"shop_day\" \
             ALTER COLUMN \"paid_orders\" DROP NOT NULL, \
             ALTER COLUMN \"paid_orders\" DROP DEFAULT, \
             ALTER COLUMN \"paid_units\" DROP NOT NULL, \
             ALTER COLUMN \"paid_units\" DROP DEFAULT"
        } else {
            "ALTER TABLE \"shop_day\" \
             ALTER COLUMN \"paid_orders\" SET DEFAULT 0, \
             ALTER COLUMN \"paid_orders\" SET NOT NULL, \
             ALTER COLUMN \"paid_units\" SET DEFAULT 0, \
             ALTER COLUMN \"paid_units\" SET NOT NULL"
        };
        db.execute_unprepared(sql).await?;
        return Ok(());
    }
    // Nothing refers to shop_day.
    let paid = [ShopDay::PaidOrders, ShopDay::PaidUnits];
    let (create, unique) = create(if nullable { &paid } else { &[] });
    rebuild_sqlite_table(manager, create, &[unique]).await
}
