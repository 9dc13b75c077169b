use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{index, team_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A team's override of one diagnosis threshold (§5); a key without a row uses its default.
#[derive(DeriveIden)]
enum DiagnosisThreshold {
    Table,
    Id,
    TeamId,
    Key,
    Value,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use DiagnosisThreshold::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(Key, 40))
                    .col(string_len(Value, 40))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Key.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DiagnosisThreshold::Table).to_owned())
            .await
    }
}
