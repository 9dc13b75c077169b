use sea_orm::entity::prelude::*;

/// A morning diagnosis of one team's day (§5). `skipped` is JSON: the rules that lacked inputs.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "diagnosis")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub date: Date,
    pub ran_at: DateTimeUtc,
    pub ran_by: Option<i64>,
    pub skipped: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
