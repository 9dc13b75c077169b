use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One person's monthly review (§7): `lines` is the scored KPIs as JSON (actual, target, score,
/// weight per KPI); `total` the weighted score; `computed_grade` from the total, `grade` after
/// the forced distribution and any manager adjustment (`adjustment_reason`).
#[derive(DeriveIden)]
enum Review {
    Table,
    Id,
    TeamId,
    Month,
    StaffId,
    Role,
    Lines,
    Total,
    ComputedGrade,
    Grade,
    Demoted,
    AdjustmentReason,
    Comment,
    ComputedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Review::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(date(Month))
                    .col(big_integer(StaffId))
                    .col(string_len(Role, 24))
                    .col(text(Lines))
                    .col(string_len_null(Total, 40))
                    .col(string_len_null(ComputedGrade, 1))
                    .col(string_len_null(Grade, 1))
                    .col(boolean(Demoted))
                    .col(text_null(AdjustmentReason))
                    .col(text_null(Comment))
                    .col(timestamp_with_time_zone(ComputedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, StaffId, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Month.into_iden(), StaffId.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Review::Table).to_owned())
            .await
    }
}
