use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;
use crate::m20261125_000015_create_finding::Finding;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A piece of the afternoon's work (§6). `version` grows with every change (optimistic
/// concurrency); `reason` is why it was last blocked or cancelled; `completed_at` when it was
/// last marked DONE (the verification view measures the day after).
#[derive(DeriveIden)]
pub enum Task {
    Table,
    Id,
    TeamId,
    Title,
    Detail,
    Role,
    AssigneeId,
    CreatorId,
    Priority,
    DueAt,
    FindingId,
    Status,
    Reason,
    CompletedAt,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Task::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(Title, 200))
                    .col(text(Detail))
                    .col(string_len(Role, 24))
                    .col(big_integer_null(AssigneeId))
                    .col(big_integer(CreatorId))
                    .col(
                        string_len(Priority, 8)
                            .check(Expr::col(Priority).is_in(["HIGH", "MEDIUM", "LOW"])),
                    )
                    .col(timestamp_with_time_zone(DueAt))
                    .col(big_integer_null(FindingId))
                    .col(string_len(Status, 16).check(Expr::col(Status).is_in([
                        "TODO",
                        "IN_PROGRESS",
                        "BLOCKED",
                        "DONE",
                        "VERIFIED",
                        "CANCELLED",
                    ])))
                    .col(text_null(Reason))
                    .col(timestamp_with_time_zone_null(CompletedAt))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .col(integer(Version).check(Expr::col(Version).gte(1)))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, AssigneeId, Staff::Table, Staff::Id))
                    .foreign_key(&mut foreign_key(Table, CreatorId, Staff::Table, Staff::Id))
                    .foreign_key(&mut foreign_key(
                        Table,
                        FindingId,
                        Finding::Table,
                        Finding::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for cols in [
            vec![TeamId.into_iden(), DueAt.into_iden()],
            vec![AssigneeId.into_iden(), Status.into_iden()],
            vec![FindingId.into_iden()],
        ] {
            manager.create_index(index(Table, cols, false)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Task::Table).to_owned())
            .await
    }
}
