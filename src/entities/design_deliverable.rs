use sea_orm::entity::prelude::*;

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
pub enum DeliverableKind {
    #[sea_orm(string_value = "MAIN_IMAGE")]
    MainImage,
    #[sea_orm(string_value = "WHITE_BG")]
    WhiteBg,
    #[sea_orm(string_value = "DETAIL_PAGE")]
    DetailPage,
    #[sea_orm(string_value = "BANNER")]
    Banner,
    #[sea_orm(string_value = "STORE_DECOR")]
    StoreDecor,
    #[sea_orm(string_value = "VIDEO")]
    Video,
}

/// A piece of design work, keyed by the team's own job `reference`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "design_deliverable")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub reference: String,
    pub designer_id: i64,
    pub product_id: Option<i64>,
    pub kind: DeliverableKind,
    pub requested_on: Date,
    pub due_on: Date,
    pub delivered_on: Option<Date>,
    pub revisions: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
