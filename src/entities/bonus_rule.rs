use sea_orm::entity::prelude::*;

/// One rule of a bonus plan: `kind` names its type, `params` its parameters as JSON
/// (`bonus::rules`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bonus_rule")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub plan_id: i64,
    pub position: i32,
    pub code: String,
    pub kind: String,
    pub params: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
