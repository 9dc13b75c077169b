use sea_orm::entity::prelude::*;

/// A manual adjustment of one person's bonus for a month (`month` is its first day); fen,
/// negative for a deduction.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bonus_adjustment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub month: Date,
    pub staff_id: i64,
    pub amount_fen: i64,
    pub reason: String,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
