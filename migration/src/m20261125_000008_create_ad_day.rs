use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{count, count_or_null, foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum AdDay {
    Table,
    Id,
    TeamId,
    Date,
    Channel,
    OwnerId,
    Impressions,
    Clicks,
    SpendFen,
    AttributedOrders,
    AttributedAmountFen,
    UpdatedAt,
}

pub const CHANNELS: [&str; 7] = [
    "ZTC",
    "DISPLAY",
    "TAOBAOKE",
    "SUPER_RECOMMEND",
    "PINXIAOBAO",
    "LIVE",
    "OTHER",
];

/// The table and its indexes, `impressions` nullable if `nullable_impressions` (migration 34).
pub(crate) fn create(
    nullable_impressions: bool,
) -> (TableCreateStatement, [IndexCreateStatement; 2]) {
    use AdDay::*;
    let table = sea_orm_migration::prelude::Table::create()
        .table(Table)
        .col(big_pk_auto(Id))
        .col(big_integer(TeamId))
        .col(date(Date))
        .col(string_len(Channel, 16).check(Expr::col(Channel).is_in(CHANNELS)))
        .col(big_integer(OwnerId))
        .col(count_or_null(Impressions, nullable_impressions))
        .col(count(Clicks))
        .col(count(SpendFen))
        .col(count(AttributedOrders))
        .col(count(AttributedAmountFen))
        .col(timestamp_with_time_zone(UpdatedAt))
        .foreign_key(&mut team_key(Table, TeamId))
        .foreign_key(&mut foreign_key(Table, OwnerId, Staff::Table, Staff::Id))
        .to_owned();
    let key = vec![
        TeamId.into_iden(),
        Date.into_iden(),
        Channel.into_iden(),
        OwnerId.into_iden(),
    ];
    let by_owner = vec![OwnerId.into_iden(), Date.into_iden()];
    (
        table,
        [index(Table, key, true), index(Table, by_owner, false)],
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let (table, indexes) = create(false);
        manager.create_table(table).await?;
        for index in indexes {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AdDay::Table).to_owned())
            .await
    }
}
