use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A team's bonus run of a month (§8): one per team and month, recomputed in place while the
/// month is open (a draft) and frozen once `month_close` finalizes it. `computed_by` is null for
/// the CLI operator.
#[derive(DeriveIden)]
pub enum BonusRun {
    Table,
    Id,
    TeamId,
    Month,
    ComputedAt,
    ComputedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use BonusRun::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(date(Month))
                    .col(timestamp_with_time_zone(ComputedAt))
                    .col(big_integer_null(ComputedBy))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, ComputedBy, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Month.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BonusRun::Table).to_owned())
            .await
    }
}
