use sea_orm_migration::{prelude::*, schema::*};

use crate::{m20261122_000001_create_team::Team, m20261122_000002_create_staff::Staff};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StaffAlias {
    Table,
    Id,
    TeamId,
    StaffId,
    Alias,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StaffAlias::Table)
                    .col(big_pk_auto(StaffAlias::Id))
                    .col(big_integer(StaffAlias::TeamId))
                    .col(big_integer(StaffAlias::StaffId))
                    .col(string_len(StaffAlias::Alias, 64))
                    .col(timestamp_with_time_zone(StaffAlias::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-staff_alias-team_id")
                            .from(StaffAlias::Table, StaffAlias::TeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-staff_alias-staff_id")
                            .from(StaffAlias::Table, StaffAlias::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Imports resolve agents by (team, alias): this index is both the rule and the lookup.
        manager
            .create_index(
                Index::create()
                    .name("uq-staff_alias-team_id-alias")
                    .table(StaffAlias::Table)
                    .col(StaffAlias::TeamId)
                    .col(StaffAlias::Alias)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx-staff_alias-staff_id")
                    .table(StaffAlias::Table)
                    .col(StaffAlias::StaffId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(StaffAlias::Table).to_owned())
            .await
    }
}
