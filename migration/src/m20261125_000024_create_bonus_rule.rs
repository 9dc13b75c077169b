use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index};
use crate::m20261125_000023_create_bonus_plan::BonusPlan;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One typed rule of a bonus plan (§8), in plan order. `code` names it (the payroll column);
/// `params` is the kind's parameters as JSON (`bonus::rules`), decimals as strings.
#[derive(DeriveIden)]
enum BonusRule {
    Table,
    Id,
    PlanId,
    Position,
    Code,
    Kind,
    Params,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use BonusRule::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(PlanId))
                    .col(integer(Position))
                    .col(string_len(Code, 40))
                    .col(string_len(Kind, 32).check(Expr::col(Kind).is_in([
                        "GRADE_BONUS",
                        "SCORE_BONUS",
                        "COMMISSION",
                        "PER_UNIT_OVER_THRESHOLD",
                        "TEAM_RELATIVE",
                    ])))
                    .col(text(Params))
                    .foreign_key(&mut foreign_key(
                        Table,
                        PlanId,
                        BonusPlan::Table,
                        BonusPlan::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![PlanId.into_iden(), Code.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BonusRule::Table).to_owned())
            .await
    }
}
