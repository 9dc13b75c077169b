use sea_orm::entity::prelude::*;

/// One line item of a payout: `inputs` is a JSON list of `{name, value}`, `formula` the
/// computation as text, the amount in fen (rounded half-up).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bonus_line")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub run_id: i64,
    pub staff_id: i64,
    pub position: i32,
    pub code: String,
    pub kind: String,
    pub inputs: String,
    pub formula: String,
    pub amount_fen: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
