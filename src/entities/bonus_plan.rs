use sea_orm::entity::prelude::*;

use super::staff::Role;

/// A team's bonus plan for one role; its rules are `bonus_rule` rows in `position` order.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bonus_plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub role: Role,
    pub updated_at: DateTimeUtc,
    /// Null when set from the CLI.
    pub updated_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
