use sea_orm_migration::prelude::*;

use crate::m20261125_000016_create_task::Task;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One live task per finding (§6), enforced by the database: a unique index on `finding_id` over
/// the tasks that are not CANCELLED (a finding whose task was cancelled may get a new one).
///
/// Parallel `createTasksFromDiagnosis` calls could make duplicates before it. Of each finding's
/// live tasks the earliest (lowest id) keeps the link; the later ones keep their status, notes
/// and audit trail but lose the link, so they read as manual tasks.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE \"task\" SET \"finding_id\" = NULL \
             WHERE \"finding_id\" IS NOT NULL AND \"status\" <> 'CANCELLED' \
             AND \"id\" > (SELECT MIN(\"first\".\"id\") FROM \"task\" AS \"first\" \
                 WHERE \"first\".\"finding_id\" = \"task\".\"finding_id\" \
                 AND \"first\".\"status\" <> 'CANCELLED')",
        )
        .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX \"uq-task-finding_id\" ON \"task\" (\"finding_id\") \
             WHERE \"status\" <> 'CANCELLED'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("uq-task-finding_id")
                    .table(Task::Table)
                    .to_owned(),
            )
            .await
    }
}
