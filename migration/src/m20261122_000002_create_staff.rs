use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_team::Team;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Staff {
    Table,
    Id,
    TeamId,
    Name,
    Email,
    PasswordHash,
    Role,
    Access,
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
                    .table(Staff::Table)
                    .col(big_pk_auto(Staff::Id))
                    .col(big_integer_null(Staff::TeamId))
                    .col(string_len(Staff::Name, 100))
                    // Stored lower-cased by the service, so a plain unique index is case-insensitive.
                    .col(string_len_uniq(Staff::Email, 254))
                    .col(string_len(Staff::PasswordHash, 255))
                    .col(
                        string_len_null(Staff::Role, 24).check(Expr::col(Staff::Role).is_in([
                            "CUSTOMER_SERVICE",
                            "DESIGNER",
                            "PROMOTION",
                            "OPERATIONS",
                        ])),
                    )
                    .col(
                        string_len(Staff::Access, 16)
                            .check(Expr::col(Staff::Access).is_in(["ADMIN", "MANAGER", "STAFF"])),
                    )
                    .col(boolean(Staff::Active))
                    .col(timestamp_with_time_zone(Staff::CreatedAt))
                    .col(timestamp_with_time_zone(Staff::UpdatedAt))
                    // Only an admin may stand outside every team.
                    .check(
                        Expr::col(Staff::Access)
                            .eq("ADMIN")
                            .or(Expr::col(Staff::TeamId).is_not_null()),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-staff-team_id")
                            .from(Staff::Table, Staff::TeamId)
                            .to(Team::Table, Team::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx-staff-team_id-role")
                    .table(Staff::Table)
                    .col(Staff::TeamId)
                    .col(Staff::Role)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Staff::Table).to_owned())
            .await
    }
}
