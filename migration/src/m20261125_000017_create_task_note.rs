use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index};
use crate::m20261122_000002_create_staff::Staff;
use crate::m20261125_000016_create_task::Task;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A follow-up: a timestamped note on a task by its assignee or a manager (§6).
#[derive(DeriveIden)]
enum TaskNote {
    Table,
    Id,
    TaskId,
    AuthorId,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use TaskNote::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TaskId))
                    .col(big_integer(AuthorId))
                    .col(text(Body))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .foreign_key(&mut foreign_key(Table, TaskId, Task::Table, Task::Id))
                    .foreign_key(&mut foreign_key(Table, AuthorId, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(Table, vec![TaskId.into_iden()], false))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TaskNote::Table).to_owned())
            .await
    }
}
