use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_team::Team;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TeamData {
    DataVersion,
}

/// Bumped in the same transaction as every import of the team's data: a dashboard cache keyed by
/// it can never serve a number older than the last import, in this process or any other.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Team::Table)
                    .add_column(big_integer(TeamData::DataVersion).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Team::Table)
                    .drop_column(TeamData::DataVersion)
                    .to_owned(),
            )
            .await
    }
}
