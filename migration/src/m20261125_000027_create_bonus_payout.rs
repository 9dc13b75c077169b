use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index};
use crate::m20261122_000002_create_staff::Staff;
use crate::m20261125_000026_create_bonus_run::BonusRun;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One person's payout in a bonus run: the review's score (exact decimal as text) and grade it
/// was computed from, the sum of its lines (`gross_fen`, adjustments included) and what is paid
/// (`total_fen`, the gross floored at 0).
#[derive(DeriveIden)]
enum BonusPayout {
    Table,
    Id,
    RunId,
    StaffId,
    Role,
    Score,
    Grade,
    GrossFen,
    TotalFen,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use BonusPayout::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(RunId))
                    .col(big_integer(StaffId))
                    .col(string_len(Role, 24))
                    .col(string_len_null(Score, 40))
                    .col(string_len_null(Grade, 1))
                    .col(big_integer(GrossFen))
                    .col(big_integer(TotalFen).check(Expr::col(TotalFen).gte(0)))
                    .foreign_key(&mut foreign_key(
                        Table,
                        RunId,
                        BonusRun::Table,
                        BonusRun::Id,
                    ))
                    .foreign_key(&mut foreign_key(Table, StaffId, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![RunId.into_iden(), StaffId.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BonusPayout::Table).to_owned())
            .await
    }
}
