use sea_orm::entity::prelude::*;

use super::staff::Role;

/// The monthly grade (§7): S ≥ 100, A ≥ 90, B ≥ 80, C ≥ 70, else D. Ordered best first.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(1))")]
pub enum Grade {
    #[sea_orm(string_value = "S")]
    S,
    #[sea_orm(string_value = "A")]
    A,
    #[sea_orm(string_value = "B")]
    B,
    #[sea_orm(string_value = "C")]
    C,
    #[sea_orm(string_value = "D")]
    D,
}

/// One person's review of a month; `month` is its first day. `lines` is JSON
/// (`reviews::ReviewLine`s); `total` an exact decimal as text.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub month: Date,
    pub staff_id: i64,
    pub role: Role,
    pub lines: String,
    pub total: Option<String>,
    pub computed_grade: Option<Grade>,
    pub grade: Option<Grade>,
    /// Moved down one grade by the forced distribution.
    pub demoted: bool,
    pub adjustment_reason: Option<String>,
    pub comment: Option<String>,
    pub computed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
