use sea_orm::entity::prelude::*;

use super::review::Grade;
use super::staff::Role;

/// One person's payout in a run: the score (exact decimal as text) and grade it used, the sum
/// of its lines (fen) and what is paid (the sum floored at 0).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bonus_payout")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub run_id: i64,
    pub staff_id: i64,
    pub role: Role,
    pub score: Option<String>,
    pub grade: Option<Grade>,
    pub gross_fen: i64,
    pub total_fen: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
