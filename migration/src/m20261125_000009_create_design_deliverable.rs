use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;
use crate::m20261122_000004_create_product::Product;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A piece of design work. `reference` is the team's own job number for it (the natural key
/// that makes a re-import overwrite instead of duplicate).
#[derive(DeriveIden)]
enum DesignDeliverable {
    Table,
    Id,
    TeamId,
    Reference,
    DesignerId,
    ProductId,
    Kind,
    RequestedOn,
    DueOn,
    DeliveredOn,
    Revisions,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use DesignDeliverable::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(Reference, 64))
                    .col(big_integer(DesignerId))
                    .col(big_integer_null(ProductId))
                    .col(string_len(Kind, 16).check(Expr::col(Kind).is_in([
                        "MAIN_IMAGE",
                        "WHITE_BG",
                        "DETAIL_PAGE",
                        "BANNER",
                        "STORE_DECOR",
                        "VIDEO",
                    ])))
                    .col(date(RequestedOn))
                    .col(date(DueOn))
                    .col(date_null(DeliveredOn))
                    .col(count(Revisions))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .check(Expr::col(DueOn).gte(Expr::col(RequestedOn)))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, DesignerId, Staff::Table, Staff::Id))
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
                vec![TeamId.into_iden(), Reference.into_iden()],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                Table,
                vec![DesignerId.into_iden(), DeliveredOn.into_iden()],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DesignDeliverable::Table).to_owned())
            .await
    }
}
