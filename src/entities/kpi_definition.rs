use sea_orm::entity::prelude::*;

use super::staff::Role;
use super::target::Metric;

/// What a KPI scores: the month's metric itself, or the metric as a share of its target
/// (sales completion = sales / target).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Basis {
    #[sea_orm(string_value = "VALUE")]
    Value,
    #[sea_orm(string_value = "COMPLETION")]
    Completion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
pub enum Direction {
    #[sea_orm(string_value = "HIGHER")]
    Higher,
    #[sea_orm(string_value = "LOWER")]
    Lower,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum Method {
    #[sea_orm(string_value = "TIERS")]
    Tiers,
    #[sea_orm(string_value = "LINEAR")]
    Linear,
    #[sea_orm(string_value = "TARGET_RATIO")]
    TargetRatio,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kpi_definition")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub role: Role,
    pub code: String,
    pub metric: Metric,
    pub basis: Basis,
    pub direction: Direction,
    pub method: Method,
    /// The method's parameters as JSON (`kpi::Params`).
    pub params: String,
    pub weight: String,
    pub position: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
