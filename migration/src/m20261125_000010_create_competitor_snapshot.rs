use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, index, team_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CompetitorSnapshot {
    Table,
    Id,
    TeamId,
    Competitor,
    Item,
    Date,
    PriceFen,
    EstMonthlySales,
    Promotion,
    Keywords,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use CompetitorSnapshot::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(Competitor, 100))
                    .col(string_len(Item, 200))
                    .col(date(Date))
                    .col(count(PriceFen))
                    .col(count(EstMonthlySales))
                    .col(string_len(Promotion, 16).check(Expr::col(Promotion).is_in([
                        "COUPON",
                        "FULL_REDUCTION",
                        "BOGO",
                        "DISCOUNT",
                        "NONE",
                    ])))
                    .col(string_len_null(Keywords, 500))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![
                    TeamId.into_iden(),
                    Competitor.into_iden(),
                    Item.into_iden(),
                    Date.into_iden(),
                ],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CompetitorSnapshot::Table).to_owned())
            .await
    }
}
