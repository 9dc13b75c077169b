use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A customer-service agent's day (赤兔-style). Response times are kept as sums and counts so a
/// month's average is Σseconds / Σresponses, never a mean of daily means.
#[derive(DeriveIden)]
enum AgentDay {
    Table,
    Id,
    TeamId,
    StaffId,
    Date,
    Received,
    Inquiries,
    OrderedBuyers,
    PaidBuyers,
    SalesAmountFen,
    SalesUnits,
    FirstResponseSecondsSum,
    FirstResponseCount,
    ResponseSecondsSum,
    ResponseCount,
    BuyerMessages,
    AgentMessages,
    Unreplied,
    RatedGood,
    RatedBad,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AgentDay::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(TeamId))
                    .col(big_integer(StaffId))
                    .col(date(Date))
                    .col(count(Received))
                    .col(count(Inquiries))
                    .col(count(OrderedBuyers))
                    .col(count(PaidBuyers))
                    .col(count(SalesAmountFen))
                    .col(count(SalesUnits))
                    .col(count(FirstResponseSecondsSum))
                    .col(count(FirstResponseCount))
                    .col(count(ResponseSecondsSum))
                    .col(count(ResponseCount))
                    .col(count(BuyerMessages))
                    .col(count(AgentMessages))
                    .col(count(Unreplied))
                    .col(count(RatedGood))
                    .col(count(RatedBad))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(Table, StaffId, Staff::Table, Staff::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![StaffId.into_iden(), Date.into_iden()],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                Table,
                vec![TeamId.into_iden(), Date.into_iden()],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AgentDay::Table).to_owned())
            .await
    }
}
