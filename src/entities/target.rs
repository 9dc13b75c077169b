use sea_orm::entity::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum, async_graphql::Enum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
#[graphql(name = "TargetPeriod")]
pub enum Period {
    #[sea_orm(string_value = "MONTH")]
    Month,
    #[sea_orm(string_value = "DAY")]
    Day,
}

/// A metric that targets (and, at month end, KPIs) are set on. Rates are fractions (0.035 = 3.5 %),
/// money is yuan, times are seconds.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    EnumIter,
    DeriveActiveEnum,
    async_graphql::Enum,
    serde::Serialize,
    serde::Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Metric {
    /// 支付金额 (shop)
    #[sea_orm(string_value = "PAID_AMOUNT")]
    PaidAmount,
    /// 支付转化率 (shop)
    #[sea_orm(string_value = "CONVERSION_RATE")]
    ConversionRate,
    /// Ad ROI 投入产出比
    #[sea_orm(string_value = "ROI")]
    Roi,
    /// 退款率 (shop)
    #[sea_orm(string_value = "REFUND_RATE")]
    RefundRate,
    #[sea_orm(string_value = "NET_PROFIT")]
    NetProfit,
    /// 客服销售额
    #[sea_orm(string_value = "SALES_AMOUNT")]
    SalesAmount,
    /// 询单→最终付款转化率
    #[sea_orm(string_value = "INQUIRY_CONVERSION")]
    InquiryConversion,
    /// 客服客单价
    #[sea_orm(string_value = "CS_AOV")]
    CsAov,
    /// 回复率
    #[sea_orm(string_value = "REPLY_RATE")]
    ReplyRate,
    /// Average response time, seconds.
    #[sea_orm(string_value = "AVG_RESPONSE")]
    AvgResponse,
    /// Design work delivered on or before its due date / delivered.
    #[sea_orm(string_value = "ON_TIME_RATE")]
    OnTimeRate,
    /// Design pieces delivered.
    #[sea_orm(string_value = "DELIVERED")]
    Delivered,
    /// Conversion of the products a designer owns.
    #[sea_orm(string_value = "OWNED_CONVERSION")]
    OwnedConversion,
    /// Ad click-through rate.
    #[sea_orm(string_value = "CTR")]
    Ctr,
    /// Ad cost per click, yuan.
    #[sea_orm(string_value = "CPC")]
    Cpc,
    /// Ad-attributed sales, yuan.
    #[sea_orm(string_value = "ATTRIBUTED_AMOUNT")]
    AttributedAmount,
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

    /// Sums over days (money, counts), so a month's target splits evenly into daily ones; rates
    /// and averages do not.
    pub fn is_additive(self) -> bool {
        matches!(
            self,
            Metric::PaidAmount
                | Metric::NetProfit
                | Metric::SalesAmount
                | Metric::Delivered
                | Metric::AttributedAmount
        )
    }

    /// A fraction between 0 and 1.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            Metric::ConversionRate
                | Metric::RefundRate
                | Metric::InquiryConversion
                | Metric::ReplyRate
                | Metric::OnTimeRate
                | Metric::OwnedConversion
                | Metric::Ctr
        )
    }
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
