use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_day")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub product_id: i64,
    pub date: Date,
    pub visitors: i64,
    pub paid_buyers: i64,
    pub paid_units: i64,
    pub paid_amount_fen: i64,
    pub fav_cart_buyers: i64,
    pub bad_reviews: i64,
    pub stock: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
