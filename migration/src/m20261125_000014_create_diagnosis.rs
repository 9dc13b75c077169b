use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The morning diagnosis of one team's day (§5); re-running the date updates this row.
/// `skipped` is a JSON list of the rules that lacked their inputs, with why.
#[derive(DeriveIden)]
pub enum Diagnosis {
    Table,
    Id,
    TeamId,
    Date,
    RanAt,
    RanBy,
    Skipped,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Diagnosis::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(date(Date))
                    .col(timestamp_with_time_zone(RanAt))
                    .col(big_integer_null(RanBy))
                    .col(text(Skipped))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, RanBy, Staff::Table, Staff::Id))
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
            .drop_table(Table::drop().table(Diagnosis::Table).to_owned())
            .await
    }
}
