use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A manager's manual adjustment of one person's bonus for a month (§8): an amount in fen
/// (negative for a deduction) and its mandatory reason. `created_by` is null for the CLI
/// operator.
#[derive(DeriveIden)]
enum BonusAdjustment {
    Table,
    Id,
    TeamId,
    Month,
    StaffId,
    AmountFen,
    Reason,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use BonusAdjustment::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(date(Month))
                    .col(big_integer(StaffId))
                    .col(big_integer(AmountFen))
                    .col(text(Reason))
                    .col(big_integer_null(CreatedBy))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, StaffId, Staff::Table, Staff::Id))
                    .foreign_key(&mut foreign_key(Table, CreatedBy, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Month.into_iden()],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BonusAdjustment::Table).to_owned())
            .await
    }
}
