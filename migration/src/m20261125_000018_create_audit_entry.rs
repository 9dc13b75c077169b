use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One changed field of an audited record (a task now; reviews and bonus runs later): who,
/// when, what, before → after. `subject_kind` + `subject_id` name the record.
#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    TeamId,
    SubjectKind,
    SubjectId,
    ActorId,
    At,
    Field,
    Before,
    After,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AuditEntry::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(SubjectKind, 16))
                    .col(big_integer(SubjectId))
                    .col(big_integer_null(ActorId))
                    .col(timestamp_with_time_zone(At))
                    .col(string_len(Field, 32))
                    .col(text_null(Before))
                    .col(text_null(After))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, ActorId, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![SubjectKind.into_iden(), SubjectId.into_iden()],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AuditEntry::Table).to_owned())
            .await
    }
}
