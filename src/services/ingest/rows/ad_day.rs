use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::Set;
use serde::{Deserialize, Serialize};

use crate::entities::{AdChannel, ad_day};
use crate::services::ingest::kind::{Context, Kind, Model, Row};
use crate::validate::Checks;

/// One channel's day under one owner (推广). Name the owner by `ownerId` or `owner`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdDay {
    pub date: NaiveDate,
    pub channel: AdChannel,
    pub owner_id: Option<i64>,
    /// E-mail, chat alias or name of the person running the channel.
    pub owner: Option<String>,
    /// 展现量; `None`: not given (淘宝客 reports have none), and CTR is then null.
    pub impressions: Option<i64>,
    /// 点击量
    pub clicks: i64,
    /// 花费
    pub spend: Decimal,
    /// 成交笔数
    pub attributed_orders: i64,
    /// 成交金额
    pub attributed_amount: Decimal,
}

pub type AdKey = (NaiveDate, AdChannel, i64);

impl Row for AdDay {
    const KIND: Kind = Kind::AdDays;
    type Entity = ad_day::Entity;
    type Key = AdKey;
    const TEAM_COLUMN: ad_day::Column = ad_day::Column::TeamId;
    const KEY_COLUMNS: &'static [ad_day::Column] = &[
        ad_day::Column::TeamId,
        ad_day::Column::Date,
        ad_day::Column::Channel,
        ad_day::Column::OwnerId,
    ];

    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>) {
        let r = self;
        let date = c.not_future("date", r.date, ctx.today);
        let owner = ctx
            .directory
            .person(c, "owner", r.owner_id, r.owner.as_deref(), None);
        let impressions = r.impressions.map(|n| c.count("impressions", n));
        let clicks = c.count("clicks", r.clicks);
        if let Some(impressions) = impressions {
            c.at_most("clicks", clicks, "impressions", impressions);
        }
        let model = ad_day::ActiveModel {
            team_id: Set(ctx.team_id),
            date: Set(date),
            channel: Set(r.channel),
            owner_id: Set(owner),
            impressions: Set(impressions),
            clicks: Set(clicks),
            spend_fen: Set(c.money("spend", r.spend)),
            attributed_orders: Set(c.count("attributedOrders", r.attributed_orders)),
            attributed_amount_fen: Set(c.money("attributedAmount", r.attributed_amount)),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        ((date, r.channel, owner), model)
    }

    fn day((date, _, _): &Self::Key, _: &Model<Self>) -> Option<NaiveDate> {
        Some(*date)
    }
}
