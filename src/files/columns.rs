//! The columns of each kind's files: the row field a column feeds, the header names it goes by
//! (the field's own name in any case or spelling — `paid_buyers`, `paidBuyers`, `Paid Buyers` —
//! plus the Chinese headers of DOMAIN §2 and the usual export variants) and how its cells are
//! read. A new kind of import is one more [`FileRow`] here.

use std::collections::HashMap;

use serde::de::DeserializeOwned;

use crate::services::ingest::{Row, rows};

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
            req("visitors", Int, &["访客数"]),
            req("pageViews", Int, &["浏览量"]),
            req("paidBuyers", Int, &["支付买家数"]),
            // Many exports lack these two: a day without them has no order or unit count.
            opt("paidOrders", Int, &["支付订单数", "支付子订单数"]),
            opt("paidUnits", Int, &["支付件数", "支付商品件数"]),
            req("paidAmount", Dec, &["支付金额"]),
            opt("favCartBuyers", Int, &["收藏加购人数", "加购收藏人数"]),
            opt("bouncedVisitors", Int, &["跳失人数"]),
            opt("returningVisitors", Int, &["老访客数"]),
            opt("refundAmount", Dec, &["退款金额", "成功退款金额"]),
            opt("refundOrders", Int, &["退款订单数", "成功退款订单数"]),
            opt("dsrDescription", Dec, &["描述相符", "描述相符评分"]),
            opt("dsrService", Dec, &["服务态度", "服务态度评分"]),
            opt("dsrLogistics", Dec, &["物流服务", "物流服务评分"]),
            opt("storeLevel", Int32, &["店铺层级"]),
            opt("costOfGoods", Dec, &["商品成本"]),
            opt("shippingCost", Dec, &["运费"]),
        ],
        one_of: &[],
        derived: &[
            rate(&["支付转化率", "conversion"], "paidBuyers", "visitors"),
            rate(&["跳失率", "bounceRate"], "bouncedVisitors", "visitors"),
            per(&["客单价", "aov"], "paidAmount", "paidBuyers"),
            per(&["人均浏览量", "平均访问深度"], "pageViews", "visitors"),
            per(&["UV价值", "uvValue"], "paidAmount", "visitors"),
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
                ],
            ),
            req("date", Date, DATE),
            req("received", Int, &["接待人数"]),
            req("inquiries", Int, &["询单人数"]),
            req(
                "orderedBuyers",
                Int,
                &["询单→下单人数", "询单->下单人数", "下单人数"],
            ),
            req(
                "paidBuyers",
                Int,
                &["询单→最终付款人数", "询单->最终付款人数", "最终付款人数"],
            ),
            req("salesAmount", Dec, &["客服销售额"]),
            opt("salesUnits", Int, &["客服销售量"]),
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
                &["询单转化率", "询单→最终付款转化率"],
                "paidBuyers",
                "inquiries",
            ),
            per(&["客服客单价"], "salesAmount", "paidBuyers"),
        ],
    };
}

pub(super) const CHANNELS: &[(&str, &[&str])] = &[
    ("ZTC", &["直通车"]),
    ("DISPLAY", &["钻展", "引力魔方", "钻石展位"]),
    ("TAOBAOKE", &["淘宝客"]),
    ("SUPER_RECOMMEND", &["超级推荐"]),
    ("PINXIAOBAO", &["品销宝"]),
    ("LIVE", &["直播"]),
    ("OTHER", &["其他", "其它"]),
];

impl FileRow for rows::AdDay {
    const SPEC: Spec = Spec {
        columns: &[
            req("date", Date, DATE),
            req("channel", Enum(CHANNELS), &["渠道", "推广渠道"]),
            opt("ownerId", Int, &[]),
            opt("owner", Text, &["负责人"]),
            req("impressions", Int, &["展现量"]),
            req("clicks", Int, &["点击量"]),
            req("spend", Dec, &["花费"]),
            req("attributedOrders", Int, &["成交笔数"]),
            req("attributedAmount", Dec, &["成交金额"]),
        ],
        one_of: &[&["owner", "ownerId"]],
        derived: &[],
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
    let open = key.rfind(['(', '（'])?;
    (key.ends_with([')', '）']) && open > 0)
        .then(|| names.get(&key[..open]).copied())
        .flatten()
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

    fn specs() -> [(&'static str, &'static Spec); 6] {
        [
            ("shop days", &rows::ShopDay::SPEC),
            ("product days", &rows::ProductDay::SPEC),
            ("agent days", &rows::AgentDay::SPEC),
            ("ad days", &rows::AdDay::SPEC),
            ("deliverables", &rows::Deliverable::SPEC),
            ("competitors", &rows::CompetitorSnapshot::SPEC),
        ]
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
