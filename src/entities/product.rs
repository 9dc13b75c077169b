use sea_orm::entity::prelude::*;

/// A listed item (宝贝). Money is stored in fen (1/100 CNY); see `crate::money`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub platform_item_id: String,
    pub title: String,
    pub is_hero: bool,
    pub designer_id: Option<i64>,
    pub unit_cost_fen: i64,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
