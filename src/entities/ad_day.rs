use sea_orm::entity::prelude::*;

/// A paid-traffic channel (§2).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    serde::Deserialize,
    serde::Serialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum AdChannel {
    #[sea_orm(string_value = "ZTC")]
    Ztc,
    #[sea_orm(string_value = "DISPLAY")]
    Display,
    #[sea_orm(string_value = "TAOBAOKE")]
    Taobaoke,
    #[sea_orm(string_value = "SUPER_RECOMMEND")]
    SuperRecommend,
    #[sea_orm(string_value = "PINXIAOBAO")]
    Pinxiaobao,
    #[sea_orm(string_value = "LIVE")]
    Live,
    #[sea_orm(string_value = "OTHER")]
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ad_day")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub date: Date,
    pub channel: AdChannel,
    pub owner_id: i64,
    pub impressions: Option<i64>,
    pub clicks: i64,
    pub spend_fen: i64,
    pub attributed_orders: i64,
    pub attributed_amount_fen: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
