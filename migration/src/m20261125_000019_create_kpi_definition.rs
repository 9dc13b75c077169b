use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{index, team_key};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One KPI of a role's scorecard in a team (§7). `params` is the scoring method's parameters as
/// JSON (tiers, linear bounds, target ratio source and cap); `weight` an exact decimal as text.
#[derive(DeriveIden)]
enum KpiDefinition {
    Table,
    Id,
    TeamId,
    Role,
    Code,
    Metric,
    Basis,
    Direction,
    Method,
    Params,
    Weight,
    Position,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use KpiDefinition::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(string_len(Role, 24))
                    .col(string_len(Code, 40))
                    .col(string_len(Metric, 32))
                    .col(
                        string_len(Basis, 16)
                            .check(Expr::col(Basis).is_in(["VALUE", "COMPLETION"])),
                    )
                    .col(
                        string_len(Direction, 8)
                            .check(Expr::col(Direction).is_in(["HIGHER", "LOWER"])),
                    )
                    .col(string_len(Method, 16).check(Expr::col(Method).is_in([
                        "TIERS",
                        "LINEAR",
                        "TARGET_RATIO",
                    ])))
                    .col(text(Params))
                    .col(string_len(Weight, 40))
                    .col(integer(Position))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Code.into_iden()],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KpiDefinition::Table).to_owned())
            .await
    }
}
