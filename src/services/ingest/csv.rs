//! CSV files of platform exports (生意参谋, 赤兔, ad and design sheets) → import batches.
//!
//! Each kind has one column table: the GraphQL input field a column feeds, the header names it
//! goes by (the field's own name in any case or spelling — `paid_buyers`, `paidBuyers`,
//! `Paid Buyers` — plus the Chinese headers of DOMAIN §2 and the usual export variants) and how
//! its cells are read. A record becomes a GraphQL input object keyed by field name and is turned
//! into the input struct of `rows.rs` with `InputType::parse`, so those structs stay the one
//! definition of a row. Summary rows (汇总, 合计, 均值…) and empty lines are skipped.
//!
//! Every problem is reported at once, each with the file's line number (the header is line 1) as
//! its `row`, the offending column named by its field; `import_file` renumbers the service's own
//! findings (numbered by position in the batch) the same way.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::io::Read;
use std::str::FromStr;

use async_graphql::indexmap::IndexMap;
use async_graphql::{InputType, Name, Value};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::DatabaseConnection;

use super::{Batch, ImportOutcome, Kind};
use crate::error::{AppError, AppResult, FieldError};
use crate::period;
use crate::services::auth::Actor;
use crate::validate::Checks;

/// Reads a whole CSV file of `kind` into a batch, or lists every problem in it (rows numbered by
/// file line).
pub fn parse(kind: Kind, reader: impl Read) -> AppResult<Batch> {
    let parsed = parse_numbered(kind, reader)?;
    if parsed.problems.is_empty() {
        Ok(parsed.batch)
    } else {
        Err(AppError::Invalid(parsed.problems))
    }
}

/// Parses the file and imports it in one all-or-nothing batch (see [`super::import`]). Every
/// problem is reported at its file line: those of the cells and, so that one run tells everything
/// wrong with the file, those the service finds in the rows that did parse.
pub async fn import_file(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    kind: Kind,
    reader: impl Read,
) -> AppResult<ImportOutcome> {
    let Parsed {
        batch,
        lines,
        mut problems,
    } = parse_numbered(kind, reader)?;
    if problems.is_empty() {
        return super::import(db, actor, team_id, batch)
            .await
            .map_err(|err| to_file_lines(err, &lines));
    }
    if let Err(err) = super::check_only(db, actor, team_id, batch).await {
        match to_file_lines(err, &lines) {
            AppError::Invalid(more) => problems.extend(more),
            other => return Err(other),
        }
    }
    problems.sort_by_key(|p| p.row);
    Err(AppError::Invalid(problems))
}

/// The rows that could be read, the file line of each, and the problems of the others.
struct Parsed {
    batch: Batch,
    lines: Vec<usize>,
    problems: Vec<FieldError>,
}

/// Fails only when the file as a whole cannot be read (its header, its encoding).
fn parse_numbered(kind: Kind, reader: impl Read) -> AppResult<Parsed> {
    let mut file = Parser::open(spec(kind), reader)?;
    let batch = match kind {
        Kind::ShopDays => Batch::ShopDays(file.rows()?),
        Kind::ProductDays => Batch::ProductDays(file.rows()?),
        Kind::AgentDays => Batch::AgentDays(file.rows()?),
        Kind::AdDays => Batch::AdDays(file.rows()?),
        Kind::Deliverables => Batch::Deliverables(file.rows()?),
        Kind::Competitors => Batch::Competitors(file.rows()?),
    };
    let problems = match file.checks.finish() {
        Err(AppError::Invalid(problems)) => problems,
        _ => Vec::new(),
    };
    Ok(Parsed {
        batch,
        lines: file.lines,
        problems,
    })
}

/// Renumbers the rows of a rejected batch (1 = its first row) as the lines of the file.
fn to_file_lines(err: AppError, lines: &[usize]) -> AppError {
    let line_of = |row: usize| row.checked_sub(1).and_then(|i| lines.get(i)).copied();
    match err {
        AppError::Invalid(mut fields) => {
            for f in &mut fields {
                f.row = f.row.map(|row| line_of(row).unwrap_or(row));
                // `check` in mod.rs points a repeated key at the row that first had it.
                let first = f
                    .message
                    .strip_prefix("repeats the key of row ")
                    .and_then(|n| n.parse().ok())
                    .and_then(line_of);
                if let Some(line) = first {
                    f.message = format!("repeats the key of line {line}");
                }
            }
            AppError::Invalid(fields)
        }
        other => other,
    }
}

// ---------------------------------------------------------------------------------------------
// Column tables

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ty {
    /// A whole number; `,` thousands separators are allowed.
    Int,
    /// A whole number within GraphQL's 32-bit `Int`.
    Int32,
    /// Money in yuan (or a score such as DSR): exact decimal; `¥`, `￥` and `,` are allowed.
    Decimal,
    /// `2026-11-01`, `2026/11/01`, `2026/11/1` or `20261101`.
    Date,
    Text,
    /// A GraphQL enum: each value with the Chinese names that stand for it.
    Enum(&'static [(&'static str, &'static [&'static str])]),
}

#[derive(Debug)]
struct Col {
    /// The GraphQL input field (camelCase).
    field: &'static str,
    /// Header names besides the field's own.
    aliases: &'static [&'static str],
    ty: Ty,
    /// The input field is non-null: the column must be there and no cell may be empty.
    required: bool,
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

struct Spec {
    /// As the CLI spells it, for messages.
    name: &'static str,
    columns: &'static [Col],
    /// Columns of which at least one must be there: the ways a row may name the same thing.
    one_of: &'static [&'static [&'static str]],
}

use Ty::{Date, Decimal as Dec, Enum, Int, Int32, Text};

const DATE: &[&str] = &["日期", "统计日期"];

const SHOP_DAYS: Spec = Spec {
    name: "shop-days",
    columns: &[
        req("date", Date, DATE),
        req("visitors", Int, &["访客数"]),
        req("pageViews", Int, &["浏览量"]),
        req("paidBuyers", Int, &["支付买家数"]),
        req("paidOrders", Int, &["支付订单数", "支付子订单数"]),
        req("paidUnits", Int, &["支付件数", "支付商品件数"]),
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
};

const PRODUCT_DAYS: Spec = Spec {
    name: "product-days",
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
};

const AGENT_DAYS: Spec = Spec {
    name: "agent-days",
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
        opt("firstResponseCount", Int, &["首次响应次数"]),
        opt("responseSecondsSum", Int, &["响应总时长(秒)", "响应总时长"]),
        opt("responseCount", Int, &["响应次数"]),
        opt("buyerMessages", Int, &["买家消息数"]),
        opt("agentMessages", Int, &["客服消息数"]),
        opt("unreplied", Int, &["未回复人数"]),
        opt("ratedGood", Int, &["满意", "满意数", "好评数"]),
        opt("ratedBad", Int, &["不满意", "不满意数", "差评数"]),
    ],
    one_of: &[&["agent", "staffId"]],
};

const CHANNELS: &[(&str, &[&str])] = &[
    ("ZTC", &["直通车"]),
    ("DISPLAY", &["钻展", "引力魔方", "钻石展位"]),
    ("TAOBAOKE", &["淘宝客"]),
    ("SUPER_RECOMMEND", &["超级推荐"]),
    ("PINXIAOBAO", &["品销宝"]),
    ("LIVE", &["直播"]),
    ("OTHER", &["其他", "其它"]),
];

const AD_DAYS: Spec = Spec {
    name: "ad-days",
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
};

const DELIVERABLE_KINDS: &[(&str, &[&str])] = &[
    ("MAIN_IMAGE", &["主图"]),
    ("WHITE_BG", &["白底图"]),
    ("DETAIL_PAGE", &["详情页"]),
    ("BANNER", &["海报"]),
    ("STORE_DECOR", &["店铺装修"]),
    ("VIDEO", &["主图视频"]),
];

const DELIVERABLES: Spec = Spec {
    name: "deliverables",
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
};

const PROMOTIONS: &[(&str, &[&str])] = &[
    ("COUPON", &["优惠券"]),
    ("FULL_REDUCTION", &["满减"]),
    ("BOGO", &["买一送一"]),
    ("DISCOUNT", &["折扣"]),
    ("NONE", &["无"]),
];

const COMPETITORS: Spec = Spec {
    name: "competitors",
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
};

fn spec(kind: Kind) -> &'static Spec {
    match kind {
        Kind::ShopDays => &SHOP_DAYS,
        Kind::ProductDays => &PRODUCT_DAYS,
        Kind::AgentDays => &AGENT_DAYS,
        Kind::AdDays => &AD_DAYS,
        Kind::Deliverables => &DELIVERABLES,
        Kind::Competitors => &COMPETITORS,
    }
}

// ---------------------------------------------------------------------------------------------
// Headers

/// A header as compared: no BOM, trimmed, lower case, without `_`, `-` or spaces.
fn normalize(header: &str) -> String {
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
fn same_name(a: &str, b: &str) -> bool {
    fn key(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| !is_separator(*c))
            .map(|c| c.to_ascii_lowercase())
    }
    key(a).eq(key(b))
}

/// Which column a header names (`names` from [`header_names`]), if any. A unit in brackets (`支付金额(元)`) is ignored
/// when the header is not known with it.
fn column_for(names: &HashMap<String, usize>, header: &str) -> Option<usize> {
    let key = normalize(header);
    if let Some(i) = names.get(&key) {
        return Some(*i);
    }
    let open = key.rfind(['(', '（'])?;
    (key.ends_with([')', '）']) && open > 0)
        .then(|| names.get(&key[..open]).copied())
        .flatten()
}

fn header_names(spec: &Spec) -> HashMap<String, usize> {
    let mut names = HashMap::new();
    for (i, col) in spec.columns.iter().enumerate() {
        names.insert(normalize(col.field), i);
        for alias in col.aliases {
            names.insert(normalize(alias), i);
        }
    }
    names
}

// ---------------------------------------------------------------------------------------------
// Records

/// A CSV file whose header has been matched against a kind's columns.
struct Parser<R: Read> {
    spec: &'static Spec,
    reader: ::csv::Reader<Lines<R>>,
    /// The columns the file has: (index in `spec.columns`, index in the record).
    present: Vec<(usize, usize)>,
    /// The field name of each column of `spec`, made once and shared by every row.
    keys: Vec<Name>,
    width: usize,
    checks: Checks,
    /// The file line of each row kept so far.
    lines: Vec<usize>,
}

impl<R: Read> Parser<R> {
    fn open(spec: &'static Spec, reader: R) -> AppResult<Self> {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(Lines::new(reader));
        let headers = match reader.headers() {
            Ok(headers) => headers.clone(),
            Err(err) => return Err(unreadable(&mut reader, err)),
        };
        let header_line = line_of(&mut reader, &headers);
        if headers
            .iter()
            .all(|h| h.trim_start_matches('\u{feff}').trim().is_empty())
        {
            return Err(AppError::invalid(
                "header",
                format!(
                    "the file is empty: expected a header line of {} columns",
                    spec.name
                ),
            ));
        }
        let names = header_names(spec);
        let mut checks = Checks::default();
        checks.at_row(header_line);
        let mut seen: Vec<Option<&str>> = vec![None; spec.columns.len()];
        let mut present = Vec::new();
        for (at, header) in headers.iter().enumerate() {
            let shown = header.trim_start_matches('\u{feff}').trim();
            if shown.is_empty() {
                // Exports often end each line with a comma: a column without a name is ignored.
                continue;
            }
            match column_for(&names, shown) {
                Some(i) => match seen[i] {
                    Some(first) => checks.fail(
                        shown,
                        format!(
                            "names the same column ({}) as {first:?}",
                            spec.columns[i].field
                        ),
                    ),
                    None => {
                        seen[i] = Some(shown);
                        present.push((i, at));
                    }
                },
                None => checks.fail(
                    shown,
                    format!(
                        "unknown column for {}; known columns: {}",
                        spec.name,
                        known_columns(spec)
                    ),
                ),
            }
        }
        for (i, col) in spec.columns.iter().enumerate() {
            if col.required && seen[i].is_none() {
                checks.fail(col.field, format!("missing column{}", also_known_as(col)));
            }
        }
        for group in spec.one_of {
            let any = spec
                .columns
                .iter()
                .zip(&seen)
                .any(|(col, s)| s.is_some() && group.contains(&col.field));
            if !any {
                let col = spec.columns.iter().find(|c| c.field == group[0]);
                checks.fail(
                    group[0],
                    format!(
                        "missing column{}",
                        col.map(also_known_as).unwrap_or_default()
                    ),
                );
            }
        }
        checks.finish()?;
        Ok(Self {
            spec,
            reader,
            present,
            keys: spec.columns.iter().map(|c| Name::new(c.field)).collect(),
            width: headers.len(),
            checks: Checks::default(),
            lines: Vec::new(),
        })
    }

    /// Every data row of the file that is a `T`; the problems of the others are noted.
    fn rows<T: InputType>(&mut self) -> AppResult<Vec<T>> {
        let mut rows = Vec::new();
        let mut record = ::csv::StringRecord::new();
        loop {
            match self.reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(err) => return Err(unreadable(&mut self.reader, err)),
            }
            if !is_data(&record) {
                continue;
            }
            let line = line_of(&mut self.reader, &record);
            self.checks.at_row(line);
            if let Some(row) = self.row(&record) {
                rows.push(row);
                self.lines.push(line);
            }
        }
        Ok(rows)
    }

    /// One record as `T`; `None` (with its problems noted) if it cannot be one.
    fn row<T: InputType>(&mut self, record: &::csv::StringRecord) -> Option<T> {
        let mut ok = true;
        if record.len() > self.width && record.iter().skip(self.width).any(|c| !c.trim().is_empty())
        {
            self.checks.fail(
                "columns",
                format!(
                    "has {} cells but the header has {} columns",
                    record.len(),
                    self.width
                ),
            );
            ok = false;
        }
        let mut object = IndexMap::with_capacity(self.present.len());
        for &(i, at) in &self.present {
            let col = &self.spec.columns[i];
            let cell = record.get(at).unwrap_or("").trim();
            if cell.is_empty() {
                if col.required {
                    self.checks.fail(col.field, "must not be empty");
                    ok = false;
                }
                continue;
            }
            match cell_value(col.ty, cell) {
                Ok(value) => {
                    object.insert(self.keys[i].clone(), value);
                }
                Err(message) => {
                    self.checks.fail(col.field, message);
                    ok = false;
                }
            }
        }
        if !ok {
            return None;
        }
        match T::parse(Some(Value::Object(object))) {
            Ok(row) => Some(row),
            Err(err) => {
                // The cells were checked above, so this is a type the table does not foresee.
                let message = err.into_server_error(Default::default()).message;
                self.checks.fail("row", message);
                None
            }
        }
    }
}

/// The file line a record starts on.
fn line_of<R: Read>(reader: &mut ::csv::Reader<Lines<R>>, record: &::csv::StringRecord) -> usize {
    let byte = record.position().map_or(0, |p| p.byte());
    reader.get_mut().line_at(byte)
}

/// Counts lines for the parser. The csv crate gives a record the position where the previous one
/// ended, so a record after blank lines (which it skips) would be put on the first blank line;
/// this remembers where each non-blank line starts, so that the first one at or after that
/// position is the record's own.
struct Lines<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// The line of the next byte.
    line: usize,
    at_line_start: bool,
    /// (first byte, line) of the non-blank lines read and not yet passed.
    starts: VecDeque<(u64, usize)>,
}

impl<R> Lines<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            offset: 0,
            line: 1,
            at_line_start: true,
            starts: VecDeque::new(),
        }
    }

    /// The line of the first non-blank line starting at or after `byte`; earlier lines are
    /// forgotten, so ask in file order.
    fn line_at(&mut self, byte: u64) -> usize {
        while let Some(&(start, line)) = self.starts.front() {
            if start >= byte {
                return line;
            }
            self.starts.pop_front();
        }
        self.line
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut rest = &buf[..n];
        while !rest.is_empty() {
            if self.at_line_start && rest[0] != b'\n' && rest[0] != b'\r' {
                self.starts.push_back((self.offset, self.line));
            }
            let (len, newline) = match rest.iter().position(|&b| b == b'\n') {
                Some(at) => (at + 1, true),
                None => (rest.len(), false),
            };
            self.at_line_start = newline;
            self.line += usize::from(newline);
            self.offset += len as u64;
            rest = &rest[len..];
        }
        Ok(n)
    }
}

fn unreadable<R: Read>(reader: &mut ::csv::Reader<Lines<R>>, err: ::csv::Error) -> AppError {
    let line = err.position().map(|p| reader.get_mut().line_at(p.byte()));
    let message = match err.kind() {
        ::csv::ErrorKind::Utf8 { .. } => {
            "is not UTF-8 text: save the export as \"CSV UTF-8\"".to_owned()
        }
        ::csv::ErrorKind::Io(e) => format!("cannot be read: {e}"),
        _ => format!("is not valid CSV: {err}"),
    };
    AppError::Invalid(vec![FieldError {
        field: "file".into(),
        message,
        row: line,
    }])
}

fn known_columns(spec: &Spec) -> String {
    spec.columns
        .iter()
        .map(|c| match c.aliases.first() {
            Some(alias) => format!("{} ({alias})", c.field),
            None => c.field.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn also_known_as(col: &Col) -> String {
    if col.aliases.is_empty() {
        String::new()
    } else {
        format!(" (or {})", col.aliases.join(" / "))
    }
}

const SUMMARY: [&str; 6] = ["汇总", "均值", "合计", "总计", "平均", "平均值"];

/// False for empty lines and the summary rows exports end with (汇总, 合计, 均值…).
fn is_data(record: &::csv::StringRecord) -> bool {
    let Some(first) = record.iter().map(str::trim).find(|c| !c.is_empty()) else {
        return false;
    };
    let first = first.trim_start_matches('\u{feff}');
    !(SUMMARY.contains(&first) || first.starts_with("汇总") || first.starts_with("合计"))
}

// ---------------------------------------------------------------------------------------------
// Cells

fn cell_value(ty: Ty, cell: &str) -> Result<Value, String> {
    match ty {
        Ty::Int => int(cell).map(Value::from),
        Ty::Int32 => int(cell).and_then(|n| {
            i32::try_from(n)
                .map(Value::from)
                .map_err(|_| format!("{cell:?} is out of range"))
        }),
        Ty::Decimal => decimal(cell).map(Value::String),
        Ty::Date => date(cell).map(|d| Value::String(period::Date(d).to_string())),
        Ty::Text => Ok(Value::String(cell.to_owned())),
        Ty::Enum(values) => enum_value(values, cell).map(|v| Value::Enum(Name::new(v))),
    }
}

/// A whole number, with or without `,` between thousands.
fn int(cell: &str) -> Result<i64, String> {
    let digits = without(cell, &[',']);
    digits
        .parse()
        .map_err(|_| format!("malformed number {cell:?}: expected a whole number"))
}

/// An exact decimal (yuan, a score), without currency signs or thousands separators, as text.
fn decimal(cell: &str) -> Result<String, String> {
    let digits = without(cell, &['¥', '￥', ',']);
    match Decimal::from_str(&digits) {
        Ok(_) if digits.bytes().any(|b| b.is_ascii_digit()) => Ok(digits.into_owned()),
        _ => Err(format!("malformed amount {cell:?}: expected e.g. 1234.50")),
    }
}

fn without<'a>(cell: &'a str, chars: &[char]) -> Cow<'a, str> {
    if cell.contains(chars) {
        Cow::Owned(cell.chars().filter(|c| !chars.contains(c)).collect())
    } else {
        Cow::Borrowed(cell)
    }
}

/// `2026-11-01`, `2026/11/01`, `2026/11/1` or `20261101` (a time after the date is ignored).
fn date(cell: &str) -> Result<NaiveDate, String> {
    let day = cell.split([' ', 'T']).next().unwrap_or(cell);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let parts = if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        Some((&day[..4], &day[4..6], &day[6..]))
    } else {
        let sep = if day.contains('/') { '/' } else { '-' };
        let mut parts = day.split(sep);
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d), None) => Some((y, m, d)),
            _ => None,
        }
    };
    parts
        .and_then(|(y, m, d)| Some((digits(y, 4..=4)?, digits(m, 1..=2)?, digits(d, 1..=2)?)))
        .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y as i32, m, d))
        .ok_or_else(|| format!("malformed date {cell:?}: expected e.g. 2026-11-01 or 2026/11/1"))
}

fn enum_value(
    values: &'static [(&'static str, &'static [&'static str])],
    cell: &str,
) -> Result<&'static str, String> {
    values
        .iter()
        .find(|(value, names)| same_name(value, cell) || names.contains(&cell))
        .map(|(value, _)| *value)
        .ok_or_else(|| {
            let known: Vec<String> = values
                .iter()
                .map(|(value, names)| match names {
                    [] => (*value).to_owned(),
                    _ => format!("{value} {}", names.join("/")),
                })
                .collect();
            format!(
                "unknown value {cell:?}: expected one of {}",
                known.join(", ")
            )
        })
}

#[cfg(test)]
mod tests {
    use async_graphql::registry::{MetaType, Registry};

    use super::*;
    use crate::entities::{AdChannel, DeliverableKind};
    use crate::services::ingest::rows::{
        AdDayInput, AgentDayInput, CompetitorSnapshotInput, DeliverableInput, ProductDayInput,
        ShopDayInput,
    };

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn errors(result: AppResult<Batch>) -> Vec<FieldError> {
        match result {
            Err(AppError::Invalid(errors)) => errors,
            Err(other) => panic!("expected invalid input, got {}", other.message()),
            Ok(_) => panic!("expected invalid input, got a batch"),
        }
    }

    fn agent_days(csv: &str) -> Vec<AgentDayInput> {
        match parse(Kind::AgentDays, csv.as_bytes()) {
            Ok(Batch::AgentDays(rows)) => rows,
            Ok(_) => unreachable!(),
            Err(e) => panic!("{}", e.message()),
        }
    }

    #[test]
    fn headers_match_in_any_case_spelling_and_language() {
        let names = header_names(&SHOP_DAYS);
        let paid_buyers = SHOP_DAYS
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
        for spec in [
            &SHOP_DAYS,
            &PRODUCT_DAYS,
            &AGENT_DAYS,
            &AD_DAYS,
            &DELIVERABLES,
            &COMPETITORS,
        ] {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for col in spec.columns {
                for name in std::iter::once(&col.field).chain(col.aliases) {
                    if let Some(other) = seen.insert(normalize(name), col.field) {
                        assert_eq!(other, col.field, "{}: {name} is ambiguous", spec.name);
                    }
                }
            }
        }
    }

    /// The tables follow the GraphQL input objects: every column is a field of the right
    /// nullability, and every non-null field has a column.
    #[test]
    fn tables_follow_the_input_objects() {
        fn check<T: InputType>(spec: &Spec) {
            let mut registry = Registry::default();
            T::create_type_info(&mut registry);
            let name = T::type_name().into_owned();
            let Some(MetaType::InputObject { input_fields, .. }) = registry.types.get(&name) else {
                panic!("{name} is not an input object")
            };
            for col in spec.columns {
                let field = input_fields
                    .get(col.field)
                    .unwrap_or_else(|| panic!("{name} has no field {}", col.field));
                assert_eq!(
                    field.ty.ends_with('!'),
                    col.required,
                    "{name}.{} nullability",
                    col.field
                );
            }
            for (field, meta) in input_fields {
                if meta.ty.ends_with('!') {
                    assert!(
                        spec.columns.iter().any(|c| c.field == field.as_str()),
                        "{name}.{field} has no column"
                    );
                }
            }
        }
        check::<ShopDayInput>(&SHOP_DAYS);
        check::<ProductDayInput>(&PRODUCT_DAYS);
        check::<AgentDayInput>(&AGENT_DAYS);
        check::<AdDayInput>(&AD_DAYS);
        check::<DeliverableInput>(&DELIVERABLES);
        check::<CompetitorSnapshotInput>(&COMPETITORS);
    }

    #[test]
    fn numbers() {
        assert_eq!(int("1,234"), Ok(1234));
        assert_eq!(int("-3"), Ok(-3));
        assert_eq!(int("0"), Ok(0));
        for bad in ["1.5", "12a", "一百", "1e3", ""] {
            let err = int(bad).unwrap_err();
            assert!(err.starts_with("malformed number"), "{bad}: {err}");
        }
        assert_eq!(decimal("1,234.50").unwrap(), "1234.50");
        assert_eq!(decimal("¥88").unwrap(), "88");
        assert_eq!(decimal("￥1,000.5").unwrap(), "1000.5");
        assert_eq!(decimal("4.812").unwrap(), "4.812");
        assert_eq!(decimal("-2.00").unwrap(), "-2.00");
        for bad in ["12元", "1.2.3", "¥", "abc"] {
            assert!(decimal(bad).is_err(), "{bad}");
        }
        assert_eq!(
            cell_value(Ty::Int32, "99999999999").unwrap_err(),
            "\"99999999999\" is out of range"
        );
    }

    #[test]
    fn dates() {
        let nov1 = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for cell in [
            "2026-11-01",
            "2026/11/01",
            "2026/11/1",
            "20261101",
            "2026-11-01 00:00:00",
            "2026-11-01T08:30:00",
        ] {
            assert_eq!(date(cell), Ok(nov1), "{cell}");
        }
        let jan2 = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        for cell in ["2026-1-2", "2026/01/2", "2026/1/2"] {
            assert_eq!(date(cell), Ok(jan2), "{cell}");
        }
        assert_eq!(
            cell_value(Ty::Date, "2026/11/1").unwrap(),
            Value::String("2026-11-01".into())
        );
        for bad in [
            "2026-13-01",
            "11/01/2026",
            "2026年11月1日",
            "202611011",
            "20261131",
            "2026-02-29",
            "2026-11",
            "2026-11-01-01",
            "26/11/01",
            "2026/11/+1",
            "2026/011/1",
            "２０２６１１",
            "yesterday",
            "",
        ] {
            assert!(date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn enums_in_english_or_chinese() {
        assert_eq!(enum_value(CHANNELS, "ztc"), Ok("ZTC"));
        assert_eq!(enum_value(CHANNELS, "引力魔方"), Ok("DISPLAY"));
        assert_eq!(
            enum_value(CHANNELS, "super recommend"),
            Ok("SUPER_RECOMMEND")
        );
        assert_eq!(enum_value(DELIVERABLE_KINDS, "主图视频"), Ok("VIDEO"));
        assert_eq!(enum_value(PROMOTIONS, "买一送一"), Ok("BOGO"));
        assert!(
            enum_value(CHANNELS, "抖音")
                .unwrap_err()
                .contains("ZTC 直通车")
        );
        let csv = "日期,渠道,负责人,展现量,点击量,花费,成交笔数,成交金额\n\
                   2026-11-01,钻展,ad@shop.test,\"10,000\",300,¥450.00,12,\"1,980.00\"\n";
        let Ok(Batch::AdDays(rows)) = parse(Kind::AdDays, csv.as_bytes()) else {
            panic!("ad days")
        };
        assert_eq!(rows[0].channel, AdChannel::Display);
        assert_eq!(rows[0].impressions, 10_000);
        assert_eq!(rows[0].spend, dec("450.00"));
        assert_eq!(rows[0].attributed_amount, dec("1980.00"));
        let csv = "编号,美工,类型,需求日期,截止日期\nD-1,art@shop.test,白底图,2026/11/1,20261103\n";
        let Ok(Batch::Deliverables(rows)) = parse(Kind::Deliverables, csv.as_bytes()) else {
            panic!("deliverables")
        };
        assert_eq!(rows[0].kind, DeliverableKind::WhiteBg);
        assert_eq!(
            rows[0].due_on.0,
            NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
        );
        assert_eq!(rows[0].delivered_on, None);
    }

    #[test]
    fn a_chinese_export_with_summary_rows() {
        let csv = "\u{feff}日期,客服,接待人数,询单人数,询单→下单人数,询单→最终付款人数,客服销售额(元),首次响应总时长(秒),首次响应次数\n\
                   2026/11/1,旗舰店:小雅,120,80,40,36,\"1,234.50\",900,100\n\
                   ,,,,,,,,\n\
                   \n\
                   20261102,cs@shop.test,100,50,20,18,¥800,,\n\
                   汇总,,220,130,60,54,\"2,034.50\",900,100\n\
                   均值,,110,65,30,27,1017.25,,\n";
        let rows = agent_days(csv);
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(first.agent.as_deref(), Some("旗舰店:小雅"));
        assert_eq!(first.date.0, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        assert_eq!(
            (
                first.received,
                first.inquiries,
                first.ordered_buyers,
                first.paid_buyers
            ),
            (120, 80, 40, 36)
        );
        assert_eq!(first.sales_amount, dec("1234.50"));
        assert_eq!(first.first_response_seconds_sum, Some(900));
        assert_eq!(first.first_response_count, Some(100));
        // Empty cells are left out.
        assert_eq!(rows[1].first_response_seconds_sum, None);
        assert_eq!(rows[1].sales_amount, dec("800"));

        let parsed = parse_numbered(Kind::AgentDays, csv.as_bytes()).unwrap();
        assert_eq!(parsed.lines, [2, 5]);
        for summary in [
            "合计",
            "总计",
            "平均",
            "平均值",
            "汇总(全部客服)",
            "合计：",
            " 汇总 ",
        ] {
            let row = ::csv::StringRecord::from(vec!["", summary, "1"]);
            assert!(!is_data(&row), "{summary}");
        }
        assert!(is_data(&::csv::StringRecord::from(vec![
            "2026-11-01",
            "汇总"
        ])));
    }

    #[test]
    fn line_numbers_survive_blank_lines_crlf_and_multiline_cells() {
        for newline in ["\n", "\r\n"] {
            let csv = [
                "竞店,商品,日期,价格,关键词", // 1
                "A,x,2026-11-01,10,\"one",    // 2
                "two\"",                      // 3
                "",                           // 4
                "",                           // 5
                "B,y,2026-11-01,10,",         // 6
                ",,,,",                       // 7
                "C,z,2026-11-01,bad,\"three", // 8
                "",                           // 9
                "four\"",                     // 10
                "D,w,2026-11-01,11,",         // 11
            ]
            .join(newline);
            let errs = errors(parse(Kind::Competitors, csv.as_bytes()));
            assert_eq!(errs.len(), 1, "{errs:?}");
            assert_eq!(errs[0].row, Some(8), "{newline:?}");
            let fixed = csv.replace("bad", "12");
            let parsed = parse_numbered(Kind::Competitors, fixed.as_bytes()).unwrap();
            assert_eq!(parsed.lines, [2, 6, 8, 11], "{newline:?}");
            let Batch::Competitors(rows) = parsed.batch else {
                unreachable!()
            };
            assert_eq!(
                rows[0].keywords.as_deref(),
                Some(format!("one{newline}two").as_str())
            );
        }
    }

    #[test]
    fn every_problem_is_named_by_line_and_field() {
        let csv = "date,agent,received,inquiries,orderedBuyers,paidBuyers,salesAmount,colour,\n\
                   2026-11-01,a,1,1,1,1,1,x,\n";
        let errs = errors(parse(Kind::AgentDays, csv.as_bytes()));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!((errs[0].field.as_str(), errs[0].row), ("colour", Some(1)));

        let errs = errors(parse(Kind::AgentDays, "日期,客服,接待人数\n".as_bytes()));
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["inquiries", "orderedBuyers", "paidBuyers", "salesAmount"]
        );
        let errs = errors(parse(
            Kind::AgentDays,
            "日期,接待人数,询单人数,下单人数,最终付款人数,客服销售额\n".as_bytes(),
        ));
        assert_eq!(errs[0].field, "agent");
        assert!(errs[0].message.contains("客服"), "{}", errs[0].message);
        let errs = errors(parse(
            Kind::AgentDays,
            "客服,paid_buyers,最终付款人数,日期,接待人数,询单人数,下单人数,客服销售额\n".as_bytes(),
        ));
        assert_eq!(errs[0].field, "最终付款人数");
        assert_eq!(errs[0].row, Some(1));

        let csv = "日期,客服,接待人数,询单人数,下单人数,最终付款人数,客服销售额\n\
                   2026-11-01,a,1.5,1,1,1,1\n\
                   2026-11-31,b,1,,1,1,abc\n\
                   2026-11-02,c,1,1,1,1,1,extra\n\
                   2026-11-02,d,1,1,1,1,1\n";
        let errs = errors(parse(Kind::AgentDays, csv.as_bytes()));
        let found: Vec<_> = errs
            .iter()
            .map(|e| (e.row.unwrap(), e.field.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (2, "received"),
                (3, "date"),
                (3, "inquiries"),
                (3, "salesAmount"),
                (4, "columns"),
            ]
        );
        assert!(errs[0].message.starts_with("malformed number"));
    }

    #[test]
    fn service_rows_become_file_lines() {
        let err = AppError::Invalid(vec![
            FieldError {
                field: "paidBuyers".into(),
                message: "9 exceeds orderedBuyers (3)".into(),
                row: Some(2),
            },
            FieldError {
                field: "key".into(),
                message: "repeats the key of row 1".into(),
                row: Some(3),
            },
        ]);
        let AppError::Invalid(errs) = to_file_lines(err, &[2, 5, 9]) else {
            unreachable!()
        };
        assert_eq!(errs[0].row, Some(5));
        assert_eq!(errs[1].row, Some(9));
        assert_eq!(errs[1].message, "repeats the key of line 2");
    }

    #[test]
    fn not_utf8_is_reported() {
        // "日期" in GBK.
        let errs = errors(parse(Kind::AgentDays, &b"\xc8\xd5\xc6\xda\n"[..]));
        assert_eq!(errs[0].field, "file");
        assert!(errs[0].message.contains("UTF-8"));
    }
}
