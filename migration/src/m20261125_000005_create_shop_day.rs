use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, index, team_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One shop's day as 生意参谋 reports it: raw counts and fen sums only, rates are derived on read.
#[derive(DeriveIden)]
enum ShopDay {
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ShopDay::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(date(Date))
                    .col(count(Visitors))
                    .col(count(PageViews))
                    .col(count(PaidBuyers))
                    .col(count(PaidOrders))
                    .col(count(PaidUnits))
                    .col(count(PaidAmountFen))
                    .col(count(FavCartBuyers))
                    .col(count(BouncedVisitors))
                    .col(count(ReturningVisitors))
                    .col(count(RefundAmountFen))
                    .col(count(RefundOrders))
                    // DSR scores such as 4.812, kept exact as thousandths.
                    .col(integer_null(DsrDescriptionMilli))
                    .col(integer_null(DsrServiceMilli))
                    .col(integer_null(DsrLogisticsMilli))
                    .col(small_integer_null(StoreLevel))
                    .col(count(CostOfGoodsFen))
                    .col(count(ShippingCostFen))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Date.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ShopDay::Table).to_owned())
            .await
    }
}
