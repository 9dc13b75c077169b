use sea_orm::entity::prelude::*;

/// One changed field of an audited record: who, when, what, before → after.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub subject_kind: String,
    pub subject_id: i64,
    pub actor_id: Option<i64>,
    pub at: DateTimeUtc,
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
