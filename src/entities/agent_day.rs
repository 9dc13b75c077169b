use sea_orm::entity::prelude::*;

/// A customer-service agent's day (赤兔-style): sums and counts only.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agent_day")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub staff_id: i64,
    pub date: Date,
    pub received: i64,
    pub inquiries: i64,
    pub ordered_buyers: i64,
    pub paid_buyers: i64,
    pub sales_amount_fen: i64,
    pub sales_units: i64,
    pub first_response_seconds_sum: i64,
    pub first_response_count: i64,
    pub response_seconds_sum: i64,
    pub response_count: i64,
    pub buyer_messages: i64,
    pub agent_messages: i64,
    pub unreplied: i64,
    pub rated_good: i64,
    pub rated_bad: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
