use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Targets of a team (`staff_id` NULL) or of one person, for a month (`period` MONTH, `starts_on`
/// its first day) or, for team targets, a single day (`period` DAY). Values are exact decimals as
/// text: money in yuan, rates as fractions (0.035), ROI as a ratio.
#[derive(DeriveIden)]
enum Target {
    Table,
    Id,
    TeamId,
    StaffId,
    Metric,
    Period,
    StartsOn,
    Value,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Target::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(big_integer_null(StaffId))
                    .col(string_len(Metric, 32))
                    .col(string_len(Period, 8).check(Expr::col(Period).is_in(["MONTH", "DAY"])))
                    .col(date(StartsOn))
                    .col(string_len(Value, 40))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, StaffId, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        // NULL staff ids never collide in a unique index, so team and staff targets get one each.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX \"uq-target-team\" ON \"target\" (\"team_id\", \"metric\", \"period\", \"starts_on\") WHERE \"staff_id\" IS NULL",
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![
                    StaffId.into_iden(),
                    Metric.into_iden(),
                    Period.into_iden(),
                    StartsOn.into_iden(),
                ],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Target::Table).to_owned())
            .await
    }
}
