use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index};
use crate::m20261122_000002_create_staff::Staff;
use crate::m20261125_000026_create_bonus_run::BonusRun;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One line item of a person's payout: the rule (`code`, `kind`) or manual adjustment, its
/// inputs (JSON list of name/value), the formula as text and the amount rounded to the fen.
/// Keyed by run, person and position, so a whole run is written in bulk.
#[derive(DeriveIden)]
enum BonusLine {
    Table,
    Id,
    RunId,
    StaffId,
    Position,
    Code,
    Kind,
    Inputs,
    Formula,
    AmountFen,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use BonusLine::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(RunId))
                    .col(big_integer(StaffId))
                    .col(integer(Position))
                    .col(string_len(Code, 40))
                    .col(string_len(Kind, 32).check(Expr::col(Kind).is_in([
                        "GRADE_BONUS",
                        "SCORE_BONUS",
                        "COMMISSION",
                        "PER_UNIT_OVER_THRESHOLD",
                        "TEAM_RELATIVE",
                        "ADJUSTMENT",
                    ])))
                    .col(text(Inputs))
                    .col(text(Formula))
                    .col(big_integer(AmountFen))
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
                vec![RunId.into_iden(), StaffId.into_iden(), Position.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BonusLine::Table).to_owned())
            .await
    }
}
