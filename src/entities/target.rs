use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
pub enum Period {
    #[sea_orm(string_value = "MONTH")]
    Month,
    #[sea_orm(string_value = "DAY")]
    Day,
}

/// A metric of DOMAIN §3 that targets and KPIs are set on; each is defined in the metric
/// catalogue (query `metricCatalogue`). Rates are fractions (0.035 = 3.5 %), money is yuan, times
/// are seconds.
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
pub enum Metric {
    #[sea_orm(string_value = "PAID_AMOUNT")]
    PaidAmount,
    #[sea_orm(string_value = "CONVERSION_RATE")]
    ConversionRate,
    #[sea_orm(string_value = "ROI")]
    Roi,
    #[sea_orm(string_value = "REFUND_RATE")]
    RefundRate,
    #[sea_orm(string_value = "NET_PROFIT")]
    NetProfit,
    #[sea_orm(string_value = "SALES_AMOUNT")]
    SalesAmount,
    #[sea_orm(string_value = "INQUIRY_CONVERSION")]
    InquiryConversion,
    #[sea_orm(string_value = "CS_AOV")]
    CsAov,
    #[sea_orm(string_value = "REPLY_RATE")]
    ReplyRate,
    #[sea_orm(string_value = "AVG_RESPONSE")]
    AvgResponse,
    #[sea_orm(string_value = "ON_TIME_RATE")]
    OnTimeRate,
    #[sea_orm(string_value = "DELIVERED")]
    Delivered,
    #[sea_orm(string_value = "OWNED_CONVERSION")]
    OwnedConversion,
    #[sea_orm(string_value = "CTR")]
    Ctr,
    #[sea_orm(string_value = "CPC")]
    Cpc,
    #[sea_orm(string_value = "ATTRIBUTED_AMOUNT")]
    AttributedAmount,
    #[sea_orm(string_value = "VISITORS")]
    Visitors,
    #[sea_orm(string_value = "PAID_BUYERS")]
    PaidBuyers,
    #[sea_orm(string_value = "AOV")]
    Aov,
    #[sea_orm(string_value = "FAV_CART_RATE")]
    FavCartRate,
    #[sea_orm(string_value = "BOUNCE_RATE")]
    BounceRate,
    #[sea_orm(string_value = "VISIT_DEPTH")]
    VisitDepth,
    #[sea_orm(string_value = "UV_VALUE")]
    UvValue,
    #[sea_orm(string_value = "GROSS_PROFIT")]
    GrossProfit,
    #[sea_orm(string_value = "INQUIRIES")]
    Inquiries,
    #[sea_orm(string_value = "ORDER_RATE")]
    OrderRate,
    #[sea_orm(string_value = "PAYMENT_RATE")]
    PaymentRate,
    #[sea_orm(string_value = "AVG_FIRST_RESPONSE")]
    AvgFirstResponse,
    #[sea_orm(string_value = "ANSWER_RATIO")]
    AnswerRatio,
    #[sea_orm(string_value = "SATISFACTION")]
    Satisfaction,
    #[sea_orm(string_value = "AD_SPEND")]
    AdSpend,
    #[sea_orm(string_value = "CVR")]
    Cvr,
    #[sea_orm(string_value = "AVG_REVISIONS")]
    AvgRevisions,
}

impl Metric {
    /// The shop-level metrics a team sets monthly (and daily) targets on (§4).
    pub const TEAM: [Metric; 5] = [
        Metric::PaidAmount,
        Metric::ConversionRate,
        Metric::Roi,
        Metric::RefundRate,
        Metric::NetProfit,
    ];
}

/// A team target (`staff_id` None) or a person's. `value` is an exact decimal as text.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "target")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    pub staff_id: Option<i64>,
    pub metric: Metric,
    pub period: Period,
    pub starts_on: Date,
    pub value: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
