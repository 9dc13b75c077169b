use sea_orm::entity::prelude::*;

/// A team's bonus run of a month (`month` is its first day): a draft while the month is open,
/// frozen once it is finalized.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bonus_run")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub month: Date,
    pub computed_at: DateTimeUtc,
    pub computed_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
