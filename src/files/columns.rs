//! The columns of each kind's files: the row field a column feeds, the header names it goes by
//! (the field's own name in any case or spelling — `paid_buyers`, `paidBuyers`, `Paid Buyers` —
//! plus the Chinese headers of DOMAIN §2 and the usual export variants) and how its cells are
//! read. A new kind of import is one more [`FileRow`] here.

use std::collections::HashMap;

use serde::de::DeserializeOwned;

use crate::services::ingest::{Kind, Row, rows};

/// A row that files carry: its column table.
pub trait FileRow: Row + DeserializeOwned {
    const SPEC: Spec;
}

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ty {
    /// A whole number; `,` thousands separators are allowed.
    Int,
    /// A whole number of 32 bits.
    Int32,
    /// Money in yuan (or a score such as DSR): exact decimal; `¥`, `￥` and `,` are allowed.
    Decimal,
    /// `2026-11-01`, `2026/11/01`, `2026/11/1` or `20261101`.
    Date,
    Text,
    /// One of a set of values, each with the Chinese names that stand for it.
    Enum(&'static [(&'static str, &'static [&'static str])]),
    /// An average (赤兔's 平均响应时间) of the field, a sum, over the count in the named field:
    /// the sum is the average times the count, to the unit. Where the sum's own column is there
    /// too, it is taken instead.
    MeanOf(&'static str),
}

#[derive(Debug)]
pub struct Col {
    /// The row's field (camelCase).
    pub field: &'static str,
    /// Header names besides the field's own.
    pub aliases: &'static [&'static str],
    pub ty: Ty,
    /// The field is not optional: the column must be there and no cell may be empty.
    pub required: bool,
}

const fn req(field: &'static str, ty: Ty, aliases: &'static [&'static str]) -> Col {
    Col {
        field,
        aliases,
        ty,
        required: true,
    }
}

const fn opt(field: &'static str, ty: Ty, aliases: &'static [&'static str]) -> Col {
    Col {
        field,
        aliases,
        ty,
        required: false,
    }
}

pub struct Spec {
    pub columns: &'static [Col],
    /// Columns of which at least one must be there: the ways a row may name the same thing.
    pub one_of: &'static [&'static [&'static str]],
    /// Columns the export derives from others, which shopops derives itself: read only to be
    /// checked against its own formula.
    pub derived: &'static [Derived],
}

/// A column an export derives: `numerator / denominator` of two fields (as a percentage when
/// `percent`), as the export shows it.
#[derive(Debug)]
pub struct Derived {
    pub names: &'static [&'static str],
    pub numerator: &'static str,
    pub denominator: &'static str,
    pub percent: bool,
}

const fn rate(
    names: &'static [&'static str],
    numerator: &'static str,
    denominator: &'static str,
) -> Derived {
    Derived {
        names,
        numerator,
        denominator,
        percent: true,
    }
}

const fn per(
    names: &'static [&'static str],
    numerator: &'static str,
    denominator: &'static str,
) -> Derived {
    Derived {
        names,
        numerator,
        denominator,
        percent: false,
    }
}

use Ty::{Date, Decimal as Dec, Enum, Int, Int32, MeanOf, Text};

const DATE: &[&str] = &["日期", "统计日期"];

impl FileRow for rows::ShopDay {
    const SPEC: Spec = Spec {
        columns: &[
            req("date", Date, DATE),
            // A 抖店罗盘 shop export has neither: a day without them has no visitor count.
            opt("visitors", Int, &["访客数"]),
            opt("pageViews", Int, &["浏览量"]),
            req("paidBuyers", Int, &["支付买家数", "成交客户数", "成交人数"]),
            // Many exports lack these two: a day without them has no order or unit count.
            // 京东商智 says 成交单量 and 成交商品件数, 抖店罗盘 成交订单数 and 成交件数.
            opt(
                "paidOrders",
                Int,
                &["支付订单数", "支付子订单数", "成交单量", "成交订单数"],
            ),
            opt(
                "paidUnits",
                Int,
                &["支付件数", "支付商品件数", "成交商品件数", "成交件数"],
            ),
            req("paidAmount", Dec, &["支付金额", "成交金额"]),
            opt("favCartBuyers", Int, &["收藏加购人数", "加购收藏人数"]),
            opt("bouncedVisitors", Int, &["跳失人数"]),
            opt("returningVisitors", Int, &["老访客数"]),
            // 抖店罗盘 gives refunds by payment time and by refund time: the day's refunds are
            // those by refund time, as 生意参谋's 成功退款金额 counts them.
            opt(
                "refundAmount",
                Dec,
                &["退款金额", "成功退款金额", "退款金额（退款时间）"],
            ),
            opt(
                "refundOrders",
                Int,
                &["退款订单数", "成功退款订单数", "退款订单数（退款时间）"],
            ),
            opt("dsrDescription", Dec, &["描述相符", "描述相符评分"]),
            opt("dsrService", Dec, &["服务态度", "服务态度评分"]),
            opt("dsrLogistics", Dec, &["物流服务", "物流服务评分"]),
            opt("storeLevel", Int32, &["店铺层级"]),
            opt("costOfGoods", Dec, &["商品成本"]),
            opt("shippingCost", Dec, &["运费"]),
        ],
        one_of: &[],
        derived: &[
            rate(
                &["支付转化率", "conversion", "成交转化率"],
                "paidBuyers",
                "visitors",
            ),
            rate(&["跳失率", "bounceRate"], "bouncedVisitors", "visitors"),
            per(&["客单价", "aov"], "paidAmount", "paidBuyers"),
            per(&["人均浏览量", "平均访问深度"], "pageViews", "visitors"),
            per(
                &["UV价值", "uvValue", "访客平均价值"],
                "paidAmount",
                "visitors",
            ),
        ],
    };
}

impl FileRow for rows::ProductDay {
    const SPEC: Spec = Spec {
        columns: &[
            opt("productId", Int, &[]),
            opt("platformItemId", Text, &["商品ID", "宝贝ID", "itemId"]),
            req("date", Date, DATE),
            req("visitors", Int, &["访客数", "商品访客数"]),
            req("paidBuyers", Int, &["支付买家数"]),
            req("paidUnits", Int, &["支付件数", "支付商品件数"]),
            req("paidAmount", Dec, &["支付金额"]),
            opt(
                "favCartBuyers",
                Int,
                &["收藏加购人数", "加购收藏人数", "商品收藏加购人数"],
            ),
            opt("badReviews", Int, &["中差评", "中差评数"]),
            opt("stock", Int, &["库存", "库存数"]),
        ],
        one_of: &[&["platformItemId", "productId"]],
        derived: &[
            rate(&["支付转化率", "商品支付转化率"], "paidBuyers", "visitors"),
            per(&["客单价"], "paidAmount", "paidBuyers"),
            per(&["访客平均价值", "UV价值"], "paidAmount", "visitors"),
        ],
    };
}

impl FileRow for rows::AgentDay {
    const SPEC: Spec = Spec {
        columns: &[
            opt("staffId", Int, &[]),
            opt(
                "agent",
                Text,
                &[
                    "客服",
                    "旺旺",
                    "子账号",
                    "客服昵称",
                    "旺旺子账号",
                    "客服旺旺",
                    "旺旺昵称",
                ],
            ),
            req("date", Date, DATE),
            req("received", Int, &["接待人数"]),
            req("inquiries", Int, &["询单人数"]),
            req(
                "orderedBuyers",
                Int,
                &[
                    "询单→下单人数",
                    "询单->下单人数",
                    "下单人数",
                    "询单->最终下单人数",
                    "询单→最终下单人数",
                ],
            ),
            req(
                "paidBuyers",
                Int,
                &["询单→最终付款人数", "询单->最终付款人数", "最终付款人数"],
            ),
            req("salesAmount", Dec, &["客服销售额", "销售额"]),
            opt("salesUnits", Int, &["客服销售量", "销售量"]),
            opt(
                "firstResponseSecondsSum",
                Int,
                &["首次响应总时长(秒)", "首次响应总时长"],
            ),
            opt(
                "firstResponseSecondsSum",
                MeanOf("firstResponseCount"),
                &["平均首次响应时间", "平均首次响应时长", "首次响应平均时长"],
            ),
            opt("firstResponseCount", Int, &["首次响应次数"]),
            opt("responseSecondsSum", Int, &["响应总时长(秒)", "响应总时长"]),
            opt(
                "responseSecondsSum",
                MeanOf("responseCount"),
                &["平均响应时间", "平均响应时长", "响应平均时长"],
            ),
            opt("responseCount", Int, &["响应次数"]),
            opt("buyerMessages", Int, &["买家消息数"]),
            opt("agentMessages", Int, &["客服消息数"]),
            opt("unreplied", Int, &["未回复人数"]),
            opt("ratedGood", Int, &["满意", "满意数", "好评数"]),
            opt("ratedBad", Int, &["不满意", "不满意数", "差评数"]),
        ],
        one_of: &[&["agent", "staffId"]],
        derived: &[
            rate(
                &[
                    "询单转化率",
                    "询单→最终付款转化率",
                    "询单->最终付款转化率",
                    "询单->最终付款成功率",
                    "询单→最终付款成功率",
                ],
                "paidBuyers",
                "inquiries",
            ),
            per(&["客服客单价"], "salesAmount", "paidBuyers"),
            per(&["答问比", "客服答问比"], "agentMessages", "buyerMessages"),
        ],
    };
}

pub(super) const CHANNELS: &[(&str, &[&str])] = &[
    // 万相台无界 names a report's 场景: 关键词推广 is what 直通车 became, 人群推广 引力魔方.
    ("ZTC", &["直通车", "关键词推广"]),
    (
        "DISPLAY",
        &["钻展", "引力魔方", "钻石展位", "人群推广", "精准人群推广"],
    ),
    ("TAOBAOKE", &["淘宝客"]),
    ("SUPER_RECOMMEND", &["超级推荐"]),
    ("PINXIAOBAO", &["品销宝"]),
    ("LIVE", &["直播"]),
    ("OTHER", &["其他", "其它", "货品全站推广", "全站推广"]),
];

impl FileRow for rows::AdDay {
    const SPEC: Spec = Spec {
        columns: &[
            req("date", Date, DATE),
            req(
                "channel",
                Enum(CHANNELS),
                &["渠道", "推广渠道", "场景名字", "场景名称", "营销场景"],
            ),
            opt("ownerId", Int, &[]),
            opt("owner", Text, &["负责人"]),
            // 淘宝客 reports have none: a day without them has no CTR.
            opt("impressions", Int, &["展现量"]),
            // 淘宝客: 点击数(进店量), 点击量(即进店量).
            req("clicks", Int, &["点击量", "点击数", "进店量"]),
            // 引力魔方 says 消耗; 淘宝客's spend is what the sales cost it (佣金 and 服务费) when
            // paid, as its orders and amount are counted when paid.
            req("spend", Dec, &["花费", "消耗", "付款支出费用"]),
            req(
                "attributedOrders",
                Int,
                &["成交笔数", "总成交笔数", "成交订单量", "付款笔数"],
            ),
            req(
                "attributedAmount",
                Dec,
                &["成交金额", "总成交金额", "成交订单金额", "付款金额"],
            ),
        ],
        one_of: &[&["owner", "ownerId"]],
        // 阿里妈妈's reports show rates as fractions to 5 places (0.02345), 淘宝联盟's as
        // percentages: a ratio's name says which it is.
        derived: &[
            per(&["点击率"], "clicks", "impressions"),
            per(
                &["平均点击花费", "点击成本", "PPC", "cpc"],
                "spend",
                "clicks",
            ),
            per(
                &["投入产出比", "投资回报率", "ROI"],
                "attributedAmount",
                "spend",
            ),
            per(&["点击转化率"], "attributedOrders", "clicks"),
            rate(
                &["点击转化率(即付款转化率)", "点击转化率（即付款转化率）"],
                "attributedOrders",
                "clicks",
            ),
            per(&["总成交成本"], "spend", "attributedOrders"),
        ],
    };
}

pub(super) const DELIVERABLE_KINDS: &[(&str, &[&str])] = &[
    ("MAIN_IMAGE", &["主图"]),
    ("WHITE_BG", &["白底图"]),
    ("DETAIL_PAGE", &["详情页"]),
    ("BANNER", &["海报"]),
    ("STORE_DECOR", &["店铺装修"]),
    ("VIDEO", &["主图视频"]),
];

impl FileRow for rows::Deliverable {
    const SPEC: Spec = Spec {
        columns: &[
            req("reference", Text, &["编号"]),
            opt("designerId", Int, &[]),
            opt("designer", Text, &["美工"]),
            opt("productId", Int, &[]),
            opt("platformItemId", Text, &["商品ID", "宝贝ID", "itemId"]),
            req("kind", Enum(DELIVERABLE_KINDS), &["类型", "type"]),
            req("requestedOn", Date, &["需求日期"]),
            req("dueOn", Date, &["截止日期"]),
            opt("deliveredOn", Date, &["交付日期"]),
            opt("revisions", Int, &["修改次数"]),
        ],
        one_of: &[&["designer", "designerId"]],
        derived: &[],
    };
}

pub(super) const PROMOTIONS: &[(&str, &[&str])] = &[
    ("COUPON", &["优惠券"]),
    ("FULL_REDUCTION", &["满减"]),
    ("BOGO", &["买一送一"]),
    ("DISCOUNT", &["折扣"]),
    ("NONE", &["无"]),
];

impl FileRow for rows::CompetitorSnapshot {
    const SPEC: Spec = Spec {
        columns: &[
            req("competitor", Text, &["竞店"]),
            req("item", Text, &["商品"]),
            req("date", Date, DATE),
            req("price", Dec, &["价格"]),
            opt("estMonthlySales", Int, &["月销量"]),
            opt("promotion", Enum(PROMOTIONS), &["促销"]),
            opt("keywords", Text, &["关键词"]),
        ],
        one_of: &[],
        derived: &[],
    };
}

/// Each kind's columns, to tell which kind a file is of.
pub fn every_spec() -> [(Kind, &'static Spec); 6] {
    [
        (Kind::ShopDays, &rows::ShopDay::SPEC),
        (Kind::ProductDays, &rows::ProductDay::SPEC),
        (Kind::AgentDays, &rows::AgentDay::SPEC),
        (Kind::AdDays, &rows::AdDay::SPEC),
        (Kind::Deliverables, &rows::Deliverable::SPEC),
        (Kind::Competitors, &rows::CompetitorSnapshot::SPEC),
    ]
}

/// A header as compared: no BOM, trimmed, lower case, without `_`, `-` or spaces.
pub fn normalize(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .trim()
        .chars()
        .filter(|c| !is_separator(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_separator(c: char) -> bool {
    matches!(c, '_' | '-' | ' ' | '\u{3000}' | '\t')
}

/// Whether two names are the same up to ASCII case and separators (see [`normalize`]).
pub fn same_name(a: &str, b: &str) -> bool {
    fn key(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| !is_separator(*c))
            .map(|c| c.to_ascii_lowercase())
    }
    key(a).eq(key(b))
}

/// Which column a header names (`names` from [`header_names`]), if any. A unit in brackets
/// (`支付金额(元)`) is ignored when the header is not known with it.
pub fn column_for(names: &HashMap<String, usize>, header: &str) -> Option<usize> {
    let key = normalize(header);
    if let Some(i) = names.get(&key) {
        return Some(*i);
    }
    names.get(without_unit(&key)?).copied()
}

/// A normalized header without its last bracketed part (`退款金额（退款时间）` → `退款金额`).
fn without_unit(key: &str) -> Option<&str> {
    let open = key.rfind(['(', '（'])?;
    (key.ends_with([')', '）']) && open > 0).then(|| &key[..open])
}

/// How closely `header` names `col`, for two headers that name the same column: 0 for the
/// field's own name, then its aliases in their order, then the same again for a header known
/// only without its bracketed part. The closer one is read (抖店罗盘's 日期 before its
/// 统计日期, a range; `退款金额（退款时间）` before `退款金额（支付时间）`).
pub fn closeness(col: &Col, header: &str) -> usize {
    let names = || std::iter::once(col.field).chain(col.aliases.iter().copied());
    let rank = |key: &str| names().position(|name| normalize(name) == key);
    let key = normalize(header);
    rank(&key)
        .or_else(|| Some(rank(without_unit(&key)?)? + 1 + col.aliases.len()))
        .unwrap_or(usize::MAX)
}

/// The names of the derived columns, as [`column_for`] takes them.
pub fn derived_names(spec: &Spec) -> HashMap<String, usize> {
    let mut names = HashMap::new();
    for (i, d) in spec.derived.iter().enumerate() {
        for name in d.names {
            names.insert(normalize(name), i);
        }
    }
    names
}

pub fn header_names(spec: &Spec) -> HashMap<String, usize> {
    let mut names = HashMap::new();
    for (i, col) in spec.columns.iter().enumerate() {
        names.insert(normalize(col.field), i);
        for alias in col.aliases {
            names.insert(normalize(alias), i);
        }
    }
    names
}

pub fn also_known_as(col: &Col) -> String {
    if col.aliases.is_empty() {
        String::new()
    } else {
        format!(" (or {})", col.aliases.join(" / "))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, Value};

    use super::*;

    fn specs() -> impl Iterator<Item = (&'static str, &'static Spec)> {
        every_spec()
            .into_iter()
            .map(|(kind, spec)| (kind.name(), spec))
    }

    #[test]
    fn headers_match_in_any_case_spelling_and_language() {
        let spec = &rows::ShopDay::SPEC;
        let names = header_names(spec);
        let paid_buyers = spec
            .columns
            .iter()
            .position(|c| c.field == "paidBuyers")
            .unwrap();
        for header in [
            "paid_buyers",
            "paidBuyers",
            "Paid Buyers",
            " PAID_BUYERS ",
            "\u{feff}paidbuyers",
            "支付买家数",
            "支付买家数(人)",
            "支付买家数（人）",
        ] {
            assert_eq!(column_for(&names, header), Some(paid_buyers), "{header}");
        }
        assert_eq!(column_for(&names, "paid buyer"), None);
        assert_eq!(column_for(&names, "(元)"), None);
    }

    #[test]
    fn no_header_names_two_columns() {
        for (kind, spec) in specs() {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for col in spec.columns {
                for name in std::iter::once(&col.field).chain(col.aliases) {
                    if let Some(other) = seen.insert(normalize(name), col.field) {
                        assert_eq!(other, col.field, "{kind}: {name} is ambiguous");
                    }
                }
            }
        }
    }

    /// A derived column's name is no field's, nor another formula's: a header is either read or
    /// checked, by one formula.
    #[test]
    fn no_derived_name_is_a_column_or_two_formulas() {
        for (kind, spec) in specs() {
            let columns = header_names(spec);
            let mut seen: HashMap<String, usize> = HashMap::new();
            for (i, d) in spec.derived.iter().enumerate() {
                assert!(
                    [d.numerator, d.denominator]
                        .iter()
                        .all(|f| spec.columns.iter().any(|c| c.field == *f)),
                    "{kind}: {:?} divides fields the kind does not have",
                    d.names
                );
                for name in d.names {
                    assert_eq!(
                        column_for(&columns, name),
                        None,
                        "{kind}: {name} is a column"
                    );
                    if let Some(other) = seen.insert(normalize(name), i) {
                        assert_eq!(other, i, "{kind}: {name} is two formulas");
                    }
                }
            }
        }
    }

    /// The headers of the platforms' exports (README, "Export layouts"; the samples under
    /// tests/samples) name the fields they feed, or the formula that checks them.
    #[test]
    fn the_exports_headers_feed_their_fields() {
        fn field_of(spec: &Spec, header: &str) -> Option<&'static str> {
            column_for(&header_names(spec), header).map(|i| spec.columns[i].field)
        }
        fn formula_of(spec: &Spec, header: &str) -> Option<(&'static str, &'static str, bool)> {
            column_for(&derived_names(spec), header).map(|i| {
                let d = &spec.derived[i];
                (d.numerator, d.denominator, d.percent)
            })
        }
        let shop = &rows::ShopDay::SPEC;
        for (header, field) in [
            // 生意参谋 交易概况
            ("统计日期", "date"),
            ("支付子订单数", "paidOrders"),
            ("成功退款金额", "refundAmount"),
            ("老访客数", "returningVisitors"),
            // 京东商智
            ("成交客户数", "paidBuyers"),
            ("成交单量", "paidOrders"),
            ("成交商品件数", "paidUnits"),
            ("成交金额", "paidAmount"),
            // 抖店罗盘
            ("成交人数", "paidBuyers"),
            ("成交订单数", "paidOrders"),
            ("成交件数", "paidUnits"),
        ] {
            assert_eq!(field_of(shop, header), Some(field), "{header}");
        }
        assert_eq!(
            formula_of(shop, "成交转化率"),
            Some(("paidBuyers", "visitors", true))
        );
        assert_eq!(
            formula_of(shop, "访客平均价值"),
            Some(("paidAmount", "visitors", false))
        );
        // Not the same as the fields: 生意参谋's 加购人数 and 商品收藏买家数 are two head counts
        // of which 收藏加购人数 is not the sum; 抖店's 用户支付金额 is not its 成交金额.
        for header in ["加购人数", "商品收藏买家数", "用户支付金额", "商品访客数"]
        {
            assert_eq!(field_of(shop, header), None, "{header}");
        }

        let product = &rows::ProductDay::SPEC;
        for (header, field) in [
            ("商品ID", "platformItemId"),
            ("商品访客数", "visitors"),
            ("支付件数", "paidUnits"),
        ] {
            assert_eq!(field_of(product, header), Some(field), "{header}");
        }
        assert_eq!(
            formula_of(product, "访客平均价值"),
            Some(("paidAmount", "visitors", false))
        );
        for header in ["商品收藏人数", "商品加购人数", "下单买家数"] {
            assert_eq!(field_of(product, header), None, "{header}");
        }

        let agent = &rows::AgentDay::SPEC;
        for (header, field) in [
            ("客服昵称", "agent"),
            ("询单->最终下单人数", "orderedBuyers"),
            ("询单->最终付款人数", "paidBuyers"),
            ("销售额", "salesAmount"),
            ("销售量", "salesUnits"),
            ("买家消息数", "buyerMessages"),
        ] {
            assert_eq!(field_of(agent, header), Some(field), "{header}");
        }
        assert_eq!(
            formula_of(agent, "询单->最终付款成功率"),
            Some(("paidBuyers", "inquiries", true))
        );
        assert_eq!(
            formula_of(agent, "答问比"),
            Some(("agentMessages", "buyerMessages", false))
        );
        // 赤兔's averages come without their counts, and its 客单价 is over 销售人数, not over
        // the inquirers who paid: neither is read nor checked.
        for header in ["首次响应(秒)", "平均响应(秒)", "客单价", "销售人数"] {
            assert_eq!(field_of(agent, header), None, "{header}");
            assert_eq!(formula_of(agent, header), None, "{header}");
        }

        let ad = &rows::AdDay::SPEC;
        for (header, field) in [
            // 万相台无界 (直通车, 引力魔方)
            ("场景名字", "channel"),
            ("总成交笔数", "attributedOrders"),
            ("总成交金额", "attributedAmount"),
            // 引力魔方, before 万相台无界
            ("消耗", "spend"),
            ("成交订单量", "attributedOrders"),
            ("成交订单金额", "attributedAmount"),
            // 淘宝客 (淘宝联盟)
            ("点击量(即进店量)", "clicks"),
            ("点击数(进店量)", "clicks"),
            ("付款笔数", "attributedOrders"),
            ("付款金额(元)", "attributedAmount"),
            ("付款支出费用(元)", "spend"),
        ] {
            assert_eq!(field_of(ad, header), Some(field), "{header}");
        }
        for header in [
            "直接成交笔数",
            "间接成交金额",
            "拍下订单金额",
            "结算金额(元)",
        ] {
            assert_eq!(field_of(ad, header), None, "{header}");
        }
        for (header, formula) in [
            ("点击率", ("clicks", "impressions", false)),
            ("平均点击花费", ("spend", "clicks", false)),
            ("点击成本", ("spend", "clicks", false)),
            ("投入产出比", ("attributedAmount", "spend", false)),
            ("投资回报率", ("attributedAmount", "spend", false)),
            ("点击转化率", ("attributedOrders", "clicks", false)),
            (
                "点击转化率(即付款转化率)",
                ("attributedOrders", "clicks", true),
            ),
            ("总成交成本", ("spend", "attributedOrders", false)),
        ] {
            assert_eq!(formula_of(ad, header), Some(formula), "{header}");
        }
        for (cell, channel) in [
            ("关键词推广", "ZTC"),
            ("人群推广", "DISPLAY"),
            ("货品全站推广", "OTHER"),
        ] {
            let found = CHANNELS.iter().find(|(_, names)| names.contains(&cell));
            assert_eq!(found.map(|(value, _)| *value), Some(channel), "{cell}");
        }
    }

    /// A cell every column of this type reads.
    fn sample(ty: Ty) -> Value {
        match ty {
            Ty::Int | Ty::Int32 => Value::from(1),
            Ty::Decimal => Value::from("1"),
            Ty::Date => Value::from("2026-11-01"),
            Ty::Text => Value::from("x"),
            Ty::Enum(values) => Value::from(values[0].0),
            Ty::MeanOf(_) => Value::from(1),
        }
    }

    fn reads<T: FileRow>(columns: impl Iterator<Item = &'static Col>) -> Result<T, String> {
        let row: Map<String, Value> = columns
            .map(|c| (c.field.to_owned(), sample(c.ty)))
            .collect();
        serde_json::from_value(Value::Object(row)).map_err(|e| e.to_string())
    }

    /// The tables follow the rows: the required columns make a row and each is needed, and
    /// every optional column is a field of its type. (Rows refuse unknown fields.)
    fn follows<T: FileRow>() {
        let spec = &T::SPEC;
        let required = || spec.columns.iter().filter(|c| c.required);
        if let Err(e) = reads::<T>(required()) {
            panic!("{:?}: the required columns are not a row: {e}", T::KIND);
        }
        for col in required() {
            let without = required().filter(|c| c.field != col.field);
            assert!(
                reads::<T>(without).is_err(),
                "{:?}.{} is optional",
                T::KIND,
                col.field
            );
        }
        for col in spec.columns.iter().filter(|c| !c.required) {
            let with = required().chain(std::iter::once(col));
            if let Err(e) = reads::<T>(with) {
                panic!("{:?}.{}: {e}", T::KIND, col.field);
            }
        }
    }

    #[test]
    fn tables_follow_the_rows() {
        follows::<rows::ShopDay>();
        follows::<rows::ProductDay>();
        follows::<rows::AgentDay>();
        follows::<rows::AdDay>();
        follows::<rows::Deliverable>();
        follows::<rows::CompetitorSnapshot>();
    }
}
