use sea_orm_migration::{prelude::*, schema::*};

use crate::{m20261122_000001_create_team::Team, m20261122_000002_create_staff::Staff};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Product {
    Table,
    Id,
    TeamId,
    PlatformItemId,
    Title,
    IsHero,
    DesignerId,
    UnitCostFen,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Product::Table)
                    .col(big_pk_auto(Product::Id))
                    .col(big_integer(Product::TeamId))
                    .col(string_len(Product::PlatformItemId, 64))
                    .col(string_len(Product::Title, 200))
                    .col(boolean(Product::IsHero))
                    .col(big_integer_null(Product::DesignerId))
                    .col(
                        big_integer(Product::UnitCostFen)
                            .check(Expr::col(Product::UnitCostFen).gte(0)),
                    )
                    .col(boolean(Product::Active))
                    .col(timestamp_with_time_zone(Product::CreatedAt))
                    .col(timestamp_with_time_zone(Product::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-product-team_id")
                            .from(Product::Table, Product::TeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-product-designer_id")
                            .from(Product::Table, Product::DesignerId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq-product-team_id-platform_item_id")
                    .table(Product::Table)
                    .col(Product::TeamId)
                    .col(Product::PlatformItemId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx-product-designer_id")
                    .table(Product::Table)
                    .col(Product::DesignerId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Product::Table).to_owned())
            .await
    }
}
