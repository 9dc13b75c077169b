use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Team {
    Table,
    Id,
    Name,
    Platform,
    TimeZone,
    Currency,
    CsRankingVisible,
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
                    .table(Team::Table)
                    .col(big_pk_auto(Team::Id))
                    .col(string_len(Team::Name, 100))
                    .col(
                        string_len(Team::Platform, 16).check(Expr::col(Team::Platform).is_in([
                            "TAOBAO",
                            "TMALL",
                            "JD",
                            "PINDUODUO",
                            "DOUYIN",
                            "OTHER",
                        ])),
                    )
                    .col(string_len(Team::TimeZone, 64))
                    .col(char_len(Team::Currency, 3))
                    .col(boolean(Team::CsRankingVisible))
                    .col(boolean(Team::Active))
                    .col(timestamp_with_time_zone(Team::CreatedAt))
                    .col(timestamp_with_time_zone(Team::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Team::Table).to_owned())
            .await
    }
}
