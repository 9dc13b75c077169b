//! The GraphQL enums of the stored enums (`src/entities/`): copies whose `From` both ways
//! async-graphql's `remote` derive generates, so the compiler keeps them in step.

use async_graphql::Enum;

/// A paid-traffic channel (§2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::ad_day::AdChannel")]
pub enum AdChannel {
    /// 直通车
    Ztc,
    /// 钻展 / 引力魔方
    Display,
    /// 淘宝客 (spend is the commission paid)
    Taobaoke,
    /// 超级推荐
    SuperRecommend,
    /// 品销宝
    Pinxiaobao,
    /// 直播
    Live,
    /// Any other paid channel.
    Other,
}

/// The promotion a competitor runs on the snapshot's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::competitor_snapshot::CompetitorPromotion")]
pub enum CompetitorPromotion {
    /// 优惠券
    Coupon,
    /// 满减
    FullReduction,
    /// 买一送一
    Bogo,
    /// 折扣
    Discount,
    /// 无: no promotion.
    None,
}

/// What a design deliverable (美工's piece of work) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::design_deliverable::DeliverableKind")]
pub enum DeliverableKind {
    /// 主图
    MainImage,
    /// 白底图
    WhiteBg,
    /// 详情页
    DetailPage,
    /// 海报
    Banner,
    /// 店铺装修
    StoreDecor,
    /// 主图视频
    Video,
}

/// How urgent a finding is; a task made from it takes it as its priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::finding::Severity")]
pub enum Severity {
    /// Act today (e.g. sales 20 % or more under target).
    High,
    /// Act soon.
    Medium,
    /// Worth a look.
    Low,
}

/// The rules of the morning diagnosis (§5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::finding::FindingCode")]
pub enum FindingCode {
    /// Paid amount under the daily target (HIGH at 20 % or more short, MEDIUM at 10 %, else
    /// LOW), with the traffic / conversion / AOV split against the 7-day mean. Operations.
    SalesBelowTarget,
    /// Visitors under 80 % of the 7-day mean. Promotion.
    TrafficDrop,
    /// Conversion under 85 % of the 7-day conversion, or under its target. Operations.
    ConversionDrop,
    /// Bounce rate over 70 %. Designer.
    BounceHigh,
    /// Page views per visitor under 2.5. Designer.
    VisitDepthLow,
    /// The shop's AOV under 1.3 × the best-selling hero product's. Operations.
    AovStructure,
    /// Refund rate over 1.5 × its 30-day mean. Customer service.
    RefundSpike,
    /// A bad review on a hero product. Customer service.
    BadReview,
    /// An agent with 20 or more inquiries converting 5 points or more under the team. That
    /// agent.
    CsConversionLag,
    /// An agent's average first response over 30 seconds. That agent.
    CsSlowResponse,
    /// A channel with spend whose ROI is under the team's ROI target (2.0 by default). The
    /// channel's owner.
    AdRoiLow,
    /// A channel's CTR under 80 % of its 7-day CTR. Promotion.
    AdCtrDrop,
    /// A hero product's stock under 7 days of its 7-day mean units. Operations.
    StockLow,
    /// A tracked competitor item at 90 % or less of its previous price. Operations.
    CompetitorPriceCut,
    /// A DSR score under 4.8, or 0.01 or more under the day before. Operations.
    DsrLow,
    /// Data the rules need is missing for the day (no shop day: the shop rules cannot run).
    /// Operations.
    DataMissing,
}

/// What a finding's observed value was held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(
    remote = "crate::entities::finding::Comparison",
    name = "FindingComparison"
)]
pub enum Comparison {
    /// The day's target (§4).
    DailyTarget,
    /// The mean of the 7 days before.
    Mean7Days,
    /// The mean of the 30 days before.
    Mean30Days,
    /// The day before.
    PreviousDay,
    /// A fixed threshold of the team's settings.
    Threshold,
    /// The team's pooled value that day.
    Team,
    /// A multiple of the best-selling hero product's value.
    HeroProduct,
    /// The item's previous snapshot.
    PreviousSnapshot,
}

/// What a KPI scores: the month's metric itself, or the metric as a share of its target
/// (sales completion = sales / target).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::kpi_definition::Basis", name = "KpiBasis")]
pub enum Basis {
    /// The month's value of the metric.
    Value,
    /// The month's value as a share of its target.
    Completion,
}

/// Which way of a KPI's metric is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(
    remote = "crate::entities::kpi_definition::Direction",
    name = "KpiDirection"
)]
pub enum Direction {
    /// Higher is better.
    Higher,
    /// Lower is better (response time, CPC, refund rate).
    Lower,
}

/// How a KPI's value becomes a score of 0 to 100 (§7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(
    remote = "crate::entities::kpi_definition::Method",
    name = "ScoringMethod"
)]
pub enum Method {
    /// The score of the highest tier the value meets (e.g. ≥ 100 % → 100, ≥ 90 % → 85), else 0.
    Tiers,
    /// 100 × (value − worst) / (best − worst), clamped to 0..100; works both ways.
    Linear,
    /// min(value / target, cap) × 100 (cap 1.2 by default); lower-is-better: target / value.
    TargetRatio,
}

/// Whether a team's month is still a draft or finalized (locked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::month_close::MonthStatus")]
pub enum MonthStatus {
    /// Reviews and the bonus run may still change; data may still be imported.
    Open,
    /// Locked: reviews and payouts are final, imports into the month are refused.
    Finalized,
}

/// The monthly grade (§7): S ≥ 100, A ≥ 90, B ≥ 80, C ≥ 70, else D. Ordered best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::review::Grade")]
pub enum Grade {
    /// Total score of 100 or more.
    S,
    /// 90 or more.
    A,
    /// 80 or more.
    B,
    /// 70 or more.
    C,
    /// Under 70.
    D,
}

/// The job a person does in the shop (§1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::staff::Role", name = "StaffRole")]
pub enum Role {
    /// 客服
    CustomerService,
    /// 美工
    Designer,
    /// 推广
    Promotion,
    /// 运营
    Operations,
}

/// What a person may see and change (§9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::staff::Access", name = "AccessLevel")]
pub enum Access {
    /// Everything, every team.
    Admin,
    /// Everything in their own team.
    Manager,
    /// Their own profile, numbers and tasks, and the team's shop metrics.
    Staff,
}

/// What span a target is set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::target::Period", name = "TargetPeriod")]
pub enum Period {
    /// The whole month.
    Month,
    /// Each day of the month.
    Day,
}

/// A metric of DOMAIN §3 that targets and KPIs are set on; each is defined in the metric
/// catalogue (query `metricCatalogue`). Rates are fractions (0.035 = 3.5 %), money is yuan, times
/// are seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::target::Metric")]
pub enum Metric {
    /// 支付金额 (shop)
    PaidAmount,
    /// 支付转化率 (shop)
    ConversionRate,
    /// Ad ROI 投入产出比
    Roi,
    /// 退款率 (shop)
    RefundRate,
    /// 净利润: gross profit less all ad spend, yuan.
    NetProfit,
    /// 客服销售额
    SalesAmount,
    /// 询单→最终付款转化率
    InquiryConversion,
    /// 客服客单价
    CsAov,
    /// 回复率
    ReplyRate,
    /// Average response time, seconds.
    AvgResponse,
    /// Design work delivered on or before its due date / delivered.
    OnTimeRate,
    /// Design pieces delivered.
    Delivered,
    /// Conversion of the products a designer owns.
    OwnedConversion,
    /// Ad click-through rate.
    Ctr,
    /// Ad cost per click, yuan.
    Cpc,
    /// Ad-attributed sales, yuan.
    AttributedAmount,
    /// 访客数 (shop)
    Visitors,
    /// 支付买家数 (shop)
    PaidBuyers,
    /// 客单价 (shop), yuan per paying buyer.
    Aov,
    /// 收藏加购率 (shop)
    FavCartRate,
    /// 跳失率 (shop)
    BounceRate,
    /// 人均浏览量 (shop), page views per visitor.
    VisitDepth,
    /// UV价值 (shop), yuan per visitor.
    UvValue,
    /// Paid amount less refunds, cost of goods and shipping, yuan.
    GrossProfit,
    /// 询单人数
    Inquiries,
    /// 询单→下单转化率
    OrderRate,
    /// 下单→付款转化率
    PaymentRate,
    /// Average first response time, seconds.
    AvgFirstResponse,
    /// 答问比: agent messages per buyer message.
    AnswerRatio,
    /// Good ratings / all ratings.
    Satisfaction,
    /// Ad spend (花费), yuan.
    AdSpend,
    /// Ad conversion: attributed orders per click.
    Cvr,
    /// Revisions per delivered design piece.
    AvgRevisions,
}

/// Where a task is in the afternoon's work (§6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::task::TaskStatus")]
pub enum TaskStatus {
    /// Not started.
    Todo,
    /// Being worked on.
    InProgress,
    /// Waiting on something (the reason is asked for).
    Blocked,
    /// Done by its assignee, awaiting the manager's check the next morning.
    Done,
    /// Checked by the manager: it worked.
    Verified,
    /// Dropped (the reason is asked for).
    Cancelled,
}

/// The selling platform of a shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::team::Platform")]
pub enum Platform {
    /// 淘宝
    Taobao,
    /// 天猫
    Tmall,
    /// 京东
    Jd,
    /// 拼多多
    Pinduoduo,
    /// 抖音 (抖店)
    Douyin,
    /// Any other platform.
    Other,
}

/// A kind of data an import carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::services::ingest::Kind")]
pub enum ImportKind {
    /// Shop days (生意参谋), keyed by date.
    ShopDays,
    /// Product days, keyed by product and date.
    ProductDays,
    /// Customer-service agent days (赤兔), keyed by agent and date.
    AgentDays,
    /// Ad days (直通车, 引力魔方, 淘宝客…), keyed by date, channel and owner.
    AdDays,
    /// Design deliverables, keyed by the team's job reference.
    Deliverables,
    /// Competitor snapshots, keyed by competitor, item and date.
    Competitors,
}

/// How an import came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::entities::import_record::ImportVia")]
pub enum ImportVia {
    /// A GraphQL mutation: rows sent in a batch, or an uploaded file.
    Api,
    /// The `shopops import` command.
    Cli,
}
