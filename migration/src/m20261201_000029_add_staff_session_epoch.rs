use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StaffSession {
    SessionEpoch,
}

/// The staff member's session epoch: changing or resetting the password advances it, and a
/// token carrying an older one is refused. Existing rows (and tokens without the claim) start
/// at 0, so nobody is signed out by the migration itself.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Staff::Table)
                    .add_column(big_integer(StaffSession::SessionEpoch).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Staff::Table)
                    .drop_column(StaffSession::SessionEpoch)
                    .to_owned(),
            )
            .await
    }
}
