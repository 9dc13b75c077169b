use sea_orm::entity::prelude::*;

/// A shop's day (生意参谋). Money in fen, DSR in thousandths; rates are derived on read.
/// `paid_orders` and `paid_units` are `None` where the day was imported without them (many
/// exports lack them): not given, which is not 0.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shop_day")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub date: Date,
    pub visitors: Option<i64>,
    pub page_views: Option<i64>,
    pub paid_buyers: i64,
    pub paid_orders: Option<i64>,
    pub paid_units: Option<i64>,
    pub paid_amount_fen: i64,
    pub fav_cart_buyers: i64,
    pub bounced_visitors: i64,
    pub returning_visitors: i64,
    pub refund_amount_fen: i64,
    pub refund_orders: i64,
    pub dsr_description_milli: Option<i32>,
    pub dsr_service_milli: Option<i32>,
    pub dsr_logistics_milli: Option<i32>,
    pub store_level: Option<i16>,
    pub cost_of_goods_fen: i64,
    pub shipping_cost_fen: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
