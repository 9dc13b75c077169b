use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A team's month at month end (§8): OPEN (reviews and the bonus run are drafts) until a manager
/// FINALIZES it, which locks the month's data; an admin may reopen it (audited). `forced` is the
/// forced distribution used (JSON), `version` guards concurrent finalize/reopen.
#[derive(DeriveIden)]
pub enum MonthClose {
    Table,
    Id,
    TeamId,
    Month,
    Status,
    FinalizedAt,
    FinalizedBy,
    Version,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use MonthClose::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(date(Month))
                    .col(
                        string_len(Status, 16)
                            .check(Expr::col(Status).is_in(["OPEN", "FINALIZED"])),
                    )
                    .col(timestamp_with_time_zone_null(FinalizedAt))
                    .col(big_integer_null(FinalizedBy))
                    .col(integer(Version))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(
                        Table,
                        FinalizedBy,
                        Staff::Table,
                        Staff::Id,
                    ))
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
            .drop_table(Table::drop().table(MonthClose::Table).to_owned())
            .await
    }
}
