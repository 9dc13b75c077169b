use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One committed import of a team's data: who (`actor_id`, NULL for the command-line operator),
/// when, through what (`via`: api or cli), the kind, the file it came from (name, SHA-256 of its
/// bytes, format; NULL for rows sent as a GraphQL batch), the rows it read, inserted and updated,
/// and its warnings (a JSON list of the listed ones, and how many there were in all).
#[derive(DeriveIden)]
enum ImportRecord {
    Table,
    Id,
    TeamId,
    Kind,
    Via,
    ActorId,
    At,
    FileName,
    Sha256,
    Format,
    Rows,
    Inserted,
    Updated,
    Warnings,
    WarningCount,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ImportRecord::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(Kind, 24))
                    .col(string_len(Via, 8))
                    .col(big_integer_null(ActorId))
                    .col(timestamp_with_time_zone(At))
                    .col(text_null(FileName))
                    .col(string_len_null(Sha256, 64))
                    .col(string_len_null(Format, 8))
                    .col(count(Rows))
                    .col(count(Inserted))
                    .col(count(Updated))
                    .col(text(Warnings))
                    .col(count(WarningCount))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, ActorId, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        // The history is listed newest first per team; a file is looked up by its digest.
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Id.into_iden()],
                false,
            ))
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Sha256.into_iden()],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ImportRecord::Table).to_owned())
            .await
    }
}
