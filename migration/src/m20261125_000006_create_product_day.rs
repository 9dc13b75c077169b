use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, foreign_key, index, team_key};
use crate::m20261122_000004_create_product::Product;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProductDay {
    Table,
    Id,
    TeamId,
    ProductId,
    Date,
    Visitors,
    PaidBuyers,
    PaidUnits,
    PaidAmountFen,
    FavCartBuyers,
    BadReviews,
    Stock,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ProductDay::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    // Denormalised from the product so team reports need no join.
                    .col(big_integer(TeamId))
                    .col(big_integer(ProductId))
                    .col(date(Date))
                    .col(count(Visitors))
                    .col(count(PaidBuyers))
                    .col(count(PaidUnits))
                    .col(count(PaidAmountFen))
                    .col(count(FavCartBuyers))
                    .col(count(BadReviews))
                    .col(big_integer_null(Stock).check(Expr::col(Stock).gte(0)))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(
                        Table,
                        ProductId,
                        Product::Table,
                        Product::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![ProductId.into_iden(), Date.into_iden()],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Date.into_iden()],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ProductDay::Table).to_owned())
            .await
    }
}
