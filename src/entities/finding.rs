use sea_orm::entity::prelude::*;

use super::staff::Role;

/// How urgent a finding is; a task made from it takes it as its priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
pub enum Severity {
    #[sea_orm(string_value = "HIGH")]
    High,
    #[sea_orm(string_value = "MEDIUM")]
    Medium,
    #[sea_orm(string_value = "LOW")]
    Low,
}

/// The rules of the morning diagnosis (§5).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingCode {
    #[sea_orm(string_value = "SALES_BELOW_TARGET")]
    SalesBelowTarget,
    #[sea_orm(string_value = "TRAFFIC_DROP")]
    TrafficDrop,
    #[sea_orm(string_value = "CONVERSION_DROP")]
    ConversionDrop,
    #[sea_orm(string_value = "BOUNCE_HIGH")]
    BounceHigh,
    #[sea_orm(string_value = "VISIT_DEPTH_LOW")]
    VisitDepthLow,
    #[sea_orm(string_value = "AOV_STRUCTURE")]
    AovStructure,
    #[sea_orm(string_value = "REFUND_SPIKE")]
    RefundSpike,
    #[sea_orm(string_value = "BAD_REVIEW")]
    BadReview,
    #[sea_orm(string_value = "CS_CONVERSION_LAG")]
    CsConversionLag,
    #[sea_orm(string_value = "CS_SLOW_RESPONSE")]
    CsSlowResponse,
    #[sea_orm(string_value = "AD_ROI_LOW")]
    AdRoiLow,
    #[sea_orm(string_value = "AD_CTR_DROP")]
    AdCtrDrop,
    #[sea_orm(string_value = "STOCK_LOW")]
    StockLow,
    #[sea_orm(string_value = "COMPETITOR_PRICE_CUT")]
    CompetitorPriceCut,
    #[sea_orm(string_value = "DSR_LOW")]
    DsrLow,
    #[sea_orm(string_value = "DATA_MISSING")]
    DataMissing,
}

/// What a finding's observed value was held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
pub enum Comparison {
    #[sea_orm(string_value = "DAILY_TARGET")]
    DailyTarget,
    #[sea_orm(string_value = "MEAN_7_DAYS")]
    Mean7Days,
    #[sea_orm(string_value = "MEAN_30_DAYS")]
    Mean30Days,
    #[sea_orm(string_value = "PREVIOUS_DAY")]
    PreviousDay,
    #[sea_orm(string_value = "THRESHOLD")]
    Threshold,
    #[sea_orm(string_value = "TEAM")]
    Team,
    #[sea_orm(string_value = "HERO_PRODUCT")]
    HeroProduct,
    #[sea_orm(string_value = "PREVIOUS_SNAPSHOT")]
    PreviousSnapshot,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "finding")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub diagnosis_id: i64,
    pub team_id: i64,
    pub code: FindingCode,
    /// What the finding is about within its code ("" for the shop, `staff:12`, `channel:ZTC`...).
    pub subject: String,
    pub severity: Severity,
    pub metric: String,
    pub observed: Option<String>,
    pub expected: Option<String>,
    pub comparison: Comparison,
    pub owner_role: Role,
    pub owner_staff_id: Option<i64>,
    pub message: String,
    pub suggested_action: String,
    pub gmv_change_fen: Option<i64>,
    pub traffic_share: Option<f64>,
    pub conversion_share: Option<f64>,
    pub aov_share: Option<f64>,
    pub current: bool,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
