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
    /// 访客数 (shop)
    #[sea_orm(string_value = "VISITORS")]
    Visitors,
    /// 支付买家数 (shop)
    #[sea_orm(string_value = "PAID_BUYERS")]
    PaidBuyers,
    /// 客单价 (shop), yuan per paying buyer.
    #[sea_orm(string_value = "AOV")]
    Aov,
    /// 收藏加购率 (shop)
    #[sea_orm(string_value = "FAV_CART_RATE")]
    FavCartRate,
    /// 跳失率 (shop)
    #[sea_orm(string_value = "BOUNCE_RATE")]
    BounceRate,
    /// 人均浏览量 (shop), page views per visitor.
    #[sea_orm(string_value = "VISIT_DEPTH")]
    VisitDepth,
    /// UV价值 (shop), yuan per visitor.
    #[sea_orm(string_value = "UV_VALUE")]
    UvValue,
    /// Paid amount less refunds, cost of goods and shipping, yuan.
    #[sea_orm(string_value = "GROSS_PROFIT")]
    GrossProfit,
    /// 询单人数
    #[sea_orm(string_value = "INQUIRIES")]
    Inquiries,
    /// 询单→下单转化率
    #[sea_orm(string_value = "ORDER_RATE")]
    OrderRate,
    /// 下单→付款转化率
    #[sea_orm(string_value = "PAYMENT_RATE")]
    PaymentRate,
    /// Average first response time, seconds.
    #[sea_orm(string_value = "AVG_FIRST_RESPONSE")]
    AvgFirstResponse,
    /// 答问比: agent messages per buyer message.
    #[sea_orm(string_value = "ANSWER_RATIO")]
    AnswerRatio,
    /// Good ratings / all ratings.
    #[sea_orm(string_value = "SATISFACTION")]
    Satisfaction,
    /// Ad spend (花费), yuan.
    #[sea_orm(string_value = "AD_SPEND")]
    AdSpend,
    /// Ad conversion: attributed orders per click.
    #[sea_orm(string_value = "CVR")]
    Cvr,
    /// Revisions per delivered design piece.
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
