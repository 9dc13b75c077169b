//! The dashboards the benches ask for, each with the raw SQL its answer needs (see
//! `dashboards.rs`, whose cases these are, and `concurrency.rs`).

use chrono::{Datelike, Duration as Days, NaiveDate};
use sea_orm::{DatabaseBackend, Statement};
use serde_json::{Value, json};

use super::stmt;

pub struct Case {
    pub name: &'static str,
    pub query: &'static str,
    /// The i-th request's variables (distinct for each i, so uncached runs miss).
    pub vars: fn(i64, NaiveDate, usize) -> Value,
    /// The raw SQL the answer needs, for the same i.
    pub sql: fn(DatabaseBackend, i64, NaiveDate, usize) -> Vec<Statement>,
}

fn month_of(yesterday: NaiveDate, i: usize) -> (NaiveDate, NaiveDate) {
    let first = yesterday.with_day0(0).unwrap();
    let mut start = first;
    for _ in 0..(i % 23) + 1 {
        start = (start - Days::days(1)).with_day0(0).unwrap();
    }
    let next = (start + Days::days(32)).with_day0(0).unwrap();
    (start, next - Days::days(1))
}

const AGENT_SUMS: &str = "CAST(SUM(received) AS BIGINT), CAST(SUM(inquiries) AS BIGINT), \
    CAST(SUM(ordered_buyers) AS BIGINT), CAST(SUM(paid_buyers) AS BIGINT), \
    CAST(SUM(sales_amount_fen) AS BIGINT), CAST(SUM(sales_units) AS BIGINT), \
    CAST(SUM(first_response_seconds_sum) AS BIGINT), CAST(SUM(first_response_count) AS BIGINT), \
    CAST(SUM(response_seconds_sum) AS BIGINT), CAST(SUM(response_count) AS BIGINT), \
    CAST(SUM(buyer_messages) AS BIGINT), CAST(SUM(agent_messages) AS BIGINT), \
    CAST(SUM(unreplied) AS BIGINT), CAST(SUM(rated_good) AS BIGINT), CAST(SUM(rated_bad) AS BIGINT)";

const SHOP_SUMS: &str = "CAST(SUM(visitors) AS BIGINT), CAST(SUM(page_views) AS BIGINT), \
    CAST(SUM(paid_buyers) AS BIGINT), CAST(SUM(paid_orders) AS BIGINT), \
    CAST(SUM(paid_units) AS BIGINT), CAST(SUM(paid_amount_fen) AS BIGINT), \
    CAST(SUM(fav_cart_buyers) AS BIGINT), CAST(SUM(bounced_visitors) AS BIGINT), \
    CAST(SUM(returning_visitors) AS BIGINT), CAST(SUM(refund_amount_fen) AS BIGINT), \
    CAST(SUM(refund_orders) AS BIGINT), CAST(SUM(cost_of_goods_fen) AS BIGINT), \
    CAST(SUM(shipping_cost_fen) AS BIGINT)";

fn week_expr(backend: DatabaseBackend) -> &'static str {
    match backend {
        DatabaseBackend::Postgres => "date_trunc('week', date)",
        _ => "date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days')",
    }
}

pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "cs_ranking_month",
            query: "query($t: ID!, $f: Date!, $to: Date!) { csRanking(teamId: $t, from: $f, to: $to, sortBy: INQUIRY_CONVERSION) {
                team { inquiryConversion } agents(first: 100) { edges { node { rank staff { name }
                metrics { inquiryConversion salesAmount avgFirstResponse } gap { inquiryConversionPts } } } } } }",
            vars: |team, y, i| {
                let (f, to) = month_of(y, i);
                json!({ "t": team.to_string(), "f": f, "to": to })
            },
            sql: |b, team, y, i| {
                let (f, to) = month_of(y, i);
                vec![stmt(
                    b,
                    &format!("SELECT a.*, s.name FROM (SELECT staff_id, {AGENT_SUMS} FROM agent_day \
                        WHERE team_id = ? AND date BETWEEN ? AND ? GROUP BY staff_id) AS a \
                        JOIN staff AS s ON s.id = a.staff_id"),
                    vec![team.into(), f.into(), to.into()],
                )]
            },
        },
        Case {
            name: "shop_metrics_year_by_week",
            query: "query($t: ID!, $f: Date!, $to: Date!) { shopMetrics(teamId: $t, from: $f, to: $to, granularity: WEEK) {
                periodStart visitors paidAmount conversionRate aov bounceRate netProfit adRoi } }",
            vars: |team, y, i| {
                let to = y - Days::days((i % 300) as i64);
                json!({ "t": team.to_string(), "f": to - Days::days(364), "to": to })
            },
            sql: |b, team, y, i| {
                let to = y - Days::days((i % 300) as i64);
                let from = to - Days::days(364);
                let week = week_expr(b);
                vec![
                    stmt(
                        b,
                        &format!("SELECT {week} AS wk, {SHOP_SUMS} FROM shop_day WHERE team_id = ? AND date BETWEEN ? AND ? GROUP BY wk"),
                        vec![team.into(), from.into(), to.into()],
                    ),
                    stmt(
                        b,
                        &format!("SELECT {week} AS wk, CAST(SUM(spend_fen) AS BIGINT), CAST(SUM(attributed_amount_fen) AS BIGINT) FROM ad_day WHERE team_id = ? AND date BETWEEN ? AND ? GROUP BY wk"),
                        vec![team.into(), from.into(), to.into()],
                    ),
                ]
            },
        },
        Case {
            name: "day_summary",
            query: "query($t: ID!, $d: Date!) { daySummary(teamId: $t, date: $d) { day { paidAmount conversionRate }
                comparisons { basis changes { metric value base changePct } gmvSplit { trafficShare conversionShare aovShare } } } }",
            vars: |team, y, i| json!({ "t": team.to_string(), "d": y - Days::days((i % 700) as i64) }),
            sql: |b, team, y, i| {
                let d = y - Days::days((i % 700) as i64);
                let week_ago = d - Days::days(7);
                let month = d.with_day0(0).unwrap();
                vec![
                    stmt(
                        b,
                        "SELECT * FROM shop_day WHERE team_id = ? AND date BETWEEN ? AND ? ORDER BY date",
                        vec![team.into(), week_ago.into(), d.into()],
                    ),
                    stmt(
                        b,
                        "SELECT date, CAST(SUM(spend_fen) AS BIGINT), CAST(SUM(attributed_amount_fen) AS BIGINT) FROM ad_day WHERE team_id = ? AND date BETWEEN ? AND ? GROUP BY date",
                        vec![team.into(), week_ago.into(), d.into()],
                    ),
                    stmt(
                        b,
                        "SELECT * FROM target WHERE team_id = ? AND staff_id IS NULL AND ((period = 'MONTH' AND starts_on = ?) OR (period = 'DAY' AND starts_on = ?))",
                        vec![team.into(), month.into(), d.into()],
                    ),
                ]
            },
        },
    ]
}
