use sea_orm::entity::prelude::*;

/// The selling platform of a shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Platform {
    #[sea_orm(string_value = "TAOBAO")]
    Taobao,
    #[sea_orm(string_value = "TMALL")]
    Tmall,
    #[sea_orm(string_value = "JD")]
    Jd,
    #[sea_orm(string_value = "PINDUODUO")]
    Pinduoduo,
    #[sea_orm(string_value = "DOUYIN")]
    Douyin,
    #[sea_orm(string_value = "OTHER")]
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub platform: Platform,
    pub time_zone: String,
    pub currency: String,
    pub cs_ranking_visible: bool,
    /// Bumped by every import of the team's data; keys the dashboard cache.
    pub data_version: i64,
    /// Cumulative grade quotas (JSON), see `reviews::ForcedDistribution`; null for none.
    pub forced_distribution: Option<String>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
