use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A team's bonus plan for one role (§8): its rules are `bonus_rule` rows. A role without a plan
/// is paid by the default plan of its role.
#[derive(DeriveIden)]
pub enum BonusPlan {
    Table,
    Id,
    TeamId,
    Role,
    UpdatedAt,
    UpdatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use BonusPlan::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(Role, 24))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .col(big_integer_null(UpdatedBy))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, UpdatedBy, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Role.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BonusPlan::Table).to_owned())
            .await
    }
}
