use sea_orm::entity::prelude::*;

/// The promotion a competitor runs on the snapshot's day.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    EnumIter,
    DeriveActiveEnum,
    serde::Deserialize,
    serde::Serialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum CompetitorPromotion {
    #[sea_orm(string_value = "COUPON")]
    Coupon,
    #[sea_orm(string_value = "FULL_REDUCTION")]
    FullReduction,
    #[sea_orm(string_value = "BOGO")]
    Bogo,
    #[sea_orm(string_value = "DISCOUNT")]
    Discount,
    #[sea_orm(string_value = "NONE")]
    None,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competitor_snapshot")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub competitor: String,
    pub item: String,
    pub date: Date,
    pub price_fen: i64,
    pub est_monthly_sales: i64,
    pub promotion: CompetitorPromotion,
    pub keywords: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
