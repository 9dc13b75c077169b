//! `shopops import KIND --team ID FILE.csv`: platform exports in, checked whole, all rows or none.
//! The real binary runs against the test app's database; what it stored is read back through the
//! entities.

use std::io::Write;
use std::process::{Command, Output};

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Statement,
};
use serde_json::json;
use shopops::entities::{agent_day, shop_day};

use crate::helpers::{TestApp, spawn_app, world};

/// The URL the app's own connection uses, for the CLI to open the same database.
pub async fn database_url(app: &TestApp) -> String {
    let backend = app.db.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => "SELECT file AS name FROM pragma_database_list WHERE name = 'main'",
        _ => "SELECT current_database() AS name",
    };
    let row = app
        .db
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .expect("database name");
    let name: String = row.try_get("", "name").unwrap();
    match backend {
        DbBackend::Sqlite => format!("sqlite://{name}?mode=rwc"),
        _ => {
            let server = std::env::var("TEST_DATABASE_URL").expect("TEST_DATABASE_URL");
            crate::helpers::database_url(&server, &name)
        }
    }
}

/// Runs `shopops import <kind> --team <team> FILE` on `csv` written to a file.
pub fn import(url: &str, kind: &str, team: &str, csv: impl AsRef<[u8]>) -> Output {
    run_import(url, &["import", kind, "--team", team], csv)
}

fn run_import(url: &str, args: &[&str], csv: impl AsRef<[u8]>) -> Output {
    let mut file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    file.write_all(csv.as_ref()).unwrap();
    Command::new(env!("CARGO_BIN_EXE_shopops"))
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .args(args)
        .arg(file.path())
        .output()
        .unwrap()
}

/// The one line printed by a successful import.
fn imported(out: &Output) -> String {
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .trim()
        .to_owned()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

async fn agent_days(app: &TestApp, team: i64) -> Vec<agent_day::Model> {
    agent_day::Entity::find()
        .filter(agent_day::Column::TeamId.eq(team))
        .order_by_asc(agent_day::Column::Date)
        .order_by_asc(agent_day::Column::StaffId)
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_chitu_export_in_chinese_is_imported_then_reimported_over_itself() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let team: i64 = w.team_a.parse().unwrap();
    let (cs_a, cs_a2): (i64, i64) = (w.cs_a_id.parse().unwrap(), w.cs_a2_id.parse().unwrap());
    // 小雅 chats as a sub-account of the flagship store; cs.a2 is given by e-mail.
    let add = "mutation($s: ID!, $a: String!) { addStaffAlias(input: { staffId: $s, alias: $a }) { alias { id } } }";
    app.ok(
        &w.manager_a,
        add,
        json!({ "s": w.cs_a_id, "a": "旗舰店:小雅" }),
    )
    .await;

    let export = "\u{feff}日期,客服,接待人数,询单人数,询单→下单人数,询单→最终付款人数,客服销售额(元),首次响应总时长(秒),首次响应次数\n\
                  2026/11/1,旗舰店:小雅,120,80,40,36,\"1,234.50\",900,100\n\
                  2026-11-01,cs.a2@shop.test,90,50,25,20,￥800,,\n\
                  20261102,旗舰店:小雅,\"1,020\",300,150,120,\"12,345.67\",3000,250\n\
                  汇总,,\"1,230\",430,215,176,\"14,380.17\",3900,350\n";
    let out = import(&url, "agent-days", &w.team_a, export);
    assert_eq!(imported(&out), "agent-days: 3 inserted, 0 updated");

    let rows = agent_days(&app, team).await;
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.staff_id,
                r.date,
                r.received,
                r.inquiries,
                r.ordered_buyers,
                r.paid_buyers,
                r.sales_amount_fen,
                r.first_response_seconds_sum,
                r.first_response_count,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // "1,234.50" yuan = 123450 fen
            (cs_a, day(1), 120, 80, 40, 36, 123_450, 900, 100),
            // "￥800" = 80000 fen; empty response cells are 0
            (cs_a2, day(1), 90, 50, 25, 20, 80_000, 0, 0),
            // "1,020" received; "12,345.67" = 1234567 fen
            (cs_a, day(2), 1_020, 300, 150, 120, 1_234_567, 3_000, 250),
        ]
    );

    // Four days later the final payments have settled: 11-01 and 11-02 come again with more
    // paid buyers and sales, 11-03 is new. English headers this time.
    let settled = "date,agent,received,inquiries,ordered_buyers,paid_buyers,sales_amount,first_response_seconds_sum,first_response_count\n\
                   2026-11-01,cs.a2@shop.test,90,50,25,22,880.00,,\n\
                   2026-11-02,cs.a@shop.test,1020,300,150,130,\"13,000\",3000,250\n\
                   2026-11-03,旗舰店:小雅,100,40,20,10,999.99,400,40\n";
    let out = import(&url, "agent-days", &w.team_a, settled);
    assert_eq!(imported(&out), "agent-days: 1 inserted, 2 updated");

    let rows = agent_days(&app, team).await;
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.staff_id, r.date, r.paid_buyers, r.sales_amount_fen))
        .collect();
    assert_eq!(
        got,
        [
            (cs_a, day(1), 36, 123_450),    // not in the second file: untouched
            (cs_a2, day(1), 22, 88_000),    // 20 → 22 buyers, ¥800 → ¥880.00
            (cs_a, day(2), 130, 1_300_000), // 120 → 130, ¥12,345.67 → ¥13,000
            (cs_a, day(3), 10, 99_999),     // new
        ]
    );
}

#[tokio::test]
async fn a_file_with_bad_lines_is_refused_whole_and_every_line_is_named() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let team: i64 = w.team_a.parse().unwrap();
    let before = "date,agent,received,inquiries,ordered_buyers,paid_buyers,sales_amount\n\
                  2026-11-05,cs.a@shop.test,10,5,3,2,100.00\n\
                  2026-11-05,cs.a2@shop.test,20,10,6,4,200.00\n";
    let out = import(&url, "agent-days", &w.team_a, before);
    assert_eq!(imported(&out), "agent-days: 2 inserted, 0 updated");

    let bad = [
        "date,agent,received,inquiries,ordered_buyers,paid_buyers,sales_amount", // 1
        "2026-11-05,cs.a@shop.test,11,5,3,2,999.00", // 2: fine (would overwrite)
        "2026-11-05,cs.a2@shop.test,-4,0,0,0,0",     // 3: negative count
        "2026-11-06,cs.a@shop.test,10,5,3,9,100",    // 4: 9 paid of 3 ordered
        "2026-11-06,小雅的马甲,10,5,3,2,100",        // 5: nobody has that alias
        "2026-11-07,cs.a@shop.test,1O,5,3,2,100",    // 6: letter O in a number
        "2030-01-01,cs.a2@shop.test,10,5,3,2,100",   // 7: a day yet to come
        "2026-11-05,cs.a@shop.test,12,5,3,2,100",    // 8: line 2's key again
        "合计,,67,30,18,17,1399",                    // 9: summary, not data
    ]
    .join("\n");
    let out = import(&url, "agent-days", &w.team_a, &bad);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "line 3: received: must not be negative",
        "line 4: paidBuyers: 9 exceeds orderedBuyers (3)",
        "line 5: agent: no one in this team is known as \"小雅的马甲\"",
        "line 6: received: malformed number \"1O\"",
        "line 7: date: 2030-01-01 is in the future",
        "line 8: key: repeats the key of line 2",
        "nothing was imported",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    for fine in ["line 1:", "line 2:", "line 9:"] {
        assert!(!stderr.contains(fine), "{fine:?} in:\n{stderr}");
    }

    // Nothing was written: the same two rows with the same numbers.
    let rows = agent_days(&app, team).await;
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.date, r.received, r.sales_amount_fen))
        .collect();
    assert_eq!(got, [(day(5), 10, 10_000), (day(5), 20, 20_000)]);
    let all = agent_day::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(all, 2);
}

/// What Excel on a Chinese Windows saves from a 生意参谋 export: GBK, the report's title and its
/// date range above the header. Read without being told, the header found on line 4.
#[tokio::test]
async fn a_gbk_export_with_title_lines_is_read_as_it_is() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let team: i64 = w.team_a.parse().unwrap();
    let export = "店铺整体数据\n统计日期：2026-11-01 ~ 2026-11-02\n\n\
                  统计日期,访客数,浏览量,支付买家数,支付子订单数,支付件数,支付金额(元)\n\
                  2026-11-01,\"12,000\",36000,240,250,310,\"45,678.90\"\n\
                  2026-11-02,9500,28000,190,195,240,38000.00\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(export);
    assert!(!unmappable);
    let out = import(&url, "shop-days", &w.team_a, &gbk);
    assert_eq!(imported(&out), "shop-days: 2 inserted, 0 updated");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("read as GB18030 (GBK), cells separated by ',', the header on line 4"),
        "{said}"
    );
    let days: Vec<_> = shop_day::Entity::find()
        .filter(shop_day::Column::TeamId.eq(team))
        .order_by_asc(shop_day::Column::Date)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.date, d.visitors, d.paid_orders, d.paid_amount_fen))
        .collect();
    // ¥45,678.90 = 4,567,890 fen; ¥38,000.00 = 3,800,000 fen.
    assert_eq!(
        days,
        [
            (day(1), Some(12_000), Some(250), 4_567_890),
            (day(2), Some(9_500), Some(195), 3_800_000)
        ]
    );

    // A bad cell of the GBK file is named by its line of the file, title lines counted.
    let bad = export.replace("9500", "九千五");
    let (bad, _, _) = encoding_rs::GBK.encode(&bad);
    let out = import(&url, "shop-days", &w.team_a, &bad);
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("line 6: visitors: malformed number \"九千五\""),
        "{said}"
    );
}

#[tokio::test]
async fn shop_days_with_english_headers() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let team: i64 = w.team_a.parse().unwrap();
    let export = "Date,Visitors,page_views,Paid Buyers,paidOrders,PAID_UNITS,paid_amount,refund_amount,dsr_description,store_level,cost_of_goods,shipping_cost\n\
                  2026-11-01,\"12,000\",36000,240,250,310,\"¥45,678.90\",1200.5,4.812,5,20000,1500\n\
                  2026/11/2,9500,28000,190,195,240,38000,,,,,\n";
    let out = import(&url, "shop-days", &w.team_a, export);
    assert_eq!(imported(&out), "shop-days: 2 inserted, 0 updated");

    let days = shop_day::Entity::find()
        .filter(shop_day::Column::TeamId.eq(team))
        .order_by_asc(shop_day::Column::Date)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(days.len(), 2);
    let first = &days[0];
    assert_eq!(first.date, day(1));
    assert_eq!(
        (
            first.visitors,
            first.page_views,
            first.paid_buyers,
            first.paid_orders,
            first.paid_units
        ),
        (Some(12_000), Some(36_000), 240, Some(250), Some(310))
    );
    assert_eq!(first.paid_amount_fen, 4_567_890); // ¥45,678.90
    assert_eq!(first.refund_amount_fen, 120_050); // ¥1200.5
    assert_eq!(first.dsr_description_milli, Some(4_812));
    assert_eq!(first.dsr_service_milli, None);
    assert_eq!(first.store_level, Some(5));
    assert_eq!(first.cost_of_goods_fen, 2_000_000);
    assert_eq!(first.shipping_cost_fen, 150_000);
    assert_eq!(first.fav_cart_buyers, 0); // no such column
    let second = &days[1];
    assert_eq!(second.date, day(2));
    assert_eq!(
        (second.visitors, second.paid_amount_fen),
        (Some(9_500), 3_800_000)
    );
    assert_eq!((second.refund_amount_fen, second.store_level), (0, None));

    // A team that does not exist is refused.
    let out = import(&url, "shop-days", "999999", export);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("NOT_FOUND"));

    // A rate shopops derives itself is checked against its formula (3 / 100 = 3.00 %, so no
    // warning, but 3 / 100 is not 4.00 %); a column nobody knows is ignored, and said to be.
    let header =
        "date,visitors,page_views,paid_buyers,paid_orders,paid_units,paid_amount,conversion,colour";
    let rows = "2026-11-03,100,300,3,3,4,450,3.00%,red\n2026-11-04,100,300,3,3,4,450,4.00%,red\n";
    let out = import(&url, "shop-days", &w.team_a, format!("{header}\n{rows}"));
    assert_eq!(imported(&out), "shop-days: 2 inserted, 0 updated");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ignored 1 column(s) no field takes: colour"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: line 3: 支付转化率 is 4.00%, but paidBuyers / visitors is 3%"),
        "{stderr}"
    );
    assert!(!stderr.contains("warning: line 2"), "{stderr}");
    // A file with a header and no data rows is refused, not taken for an empty day.
    let out = import(
        &url,
        "shop-days",
        &w.team_a,
        format!("{header}\n合计,,,,,,,,\n"),
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("file: has no data rows below its header (line 1)"),
        "{stderr}"
    );
}

/// A file of 2,500 shop days streams through in chunks of 1,000 rows, so that its size is never
/// held: a bad line in the third chunk still refuses all of it, after two chunks were written
/// inside the transaction; fixed, it is inserted whole, and again it overwrites every day.
#[tokio::test]
async fn a_file_longer_than_a_chunk_is_still_all_or_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let team: i64 = w.team_a.parse().unwrap();
    // Days 2026-11-30 back to 2020-01-27 (2,500 days), one per line from line 2.
    let last = day(30);
    let lines: Vec<String> = (0..2_500)
        .map(|i| {
            let date = last - chrono::Duration::days(i);
            format!("{date},1000,3000,30,32,40,4500.00")
        })
        .collect();
    let file = |lines: &[String]| {
        let header = "date,visitors,page_views,paid_buyers,paid_orders,paid_units,paid_amount";
        format!("{header}\n{}\n", lines.join("\n"))
    };
    let mut bad = lines.clone();
    bad[2_398] = bad[2_398].replace(",30,32,", ",31,30,"); // line 2,400: 31 buyers of 30 orders
    bad[2_448] = lines[1].clone(); // line 2,450: the day of line 3 again
    let out = import(&url, "shop-days", &w.team_a, file(&bad));
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "line 2400: paidBuyers: 31 exceeds paidOrders (30)",
        "line 2450: key: repeats the key of line 3",
        "shop-days: 2 problem(s)",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    let stored = || {
        shop_day::Entity::find()
            .filter(shop_day::Column::TeamId.eq(team))
            .count(&app.db)
    };
    assert_eq!(stored().await.unwrap(), 0);

    let out = import(&url, "shop-days", &w.team_a, file(&lines));
    assert_eq!(imported(&out), "shop-days: 2500 inserted, 0 updated");
    assert_eq!(stored().await.unwrap(), 2_500);
    let out = import(&url, "shop-days", &w.team_a, file(&lines));
    assert_eq!(imported(&out), "shop-days: 0 inserted, 2500 updated");
}

/// Inserted and updated are counted exactly when a file mixes new and stored keys across
/// chunks, and another team's days on the same dates count for nothing.
#[tokio::test]
async fn new_and_stored_keys_across_chunks_are_counted_exactly() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let last = day(30);
    // Days `from` to `to` (exclusive) back from 2026-11-30, one per line.
    let file = |from: i64, to: i64| {
        let header = "date,visitors,page_views,paid_buyers,paid_orders,paid_units,paid_amount";
        let lines: String = (from..to)
            .map(|i| {
                format!(
                    "{},1000,3000,30,32,40,4500.00\n",
                    last - chrono::Duration::days(i)
                )
            })
            .collect();
        format!("{header}\n{lines}")
    };
    let out = import(&url, "shop-days", &w.team_b, file(0, 3_000));
    assert_eq!(imported(&out), "shop-days: 3000 inserted, 0 updated");
    let out = import(&url, "shop-days", &w.team_a, file(0, 1_500));
    assert_eq!(imported(&out), "shop-days: 1500 inserted, 0 updated");
    // Days 1,000 to 3,500 back: 1,000..1,500 are stored (500), 1,500..3,500 new (2,000); the
    // first chunk of 1,000 rows holds 500 of each.
    let out = import(&url, "shop-days", &w.team_a, file(1_000, 3_500));
    assert_eq!(imported(&out), "shop-days: 2000 inserted, 500 updated");
    // 0..3,500 back: 3,500 stored now, none new.
    let out = import(&url, "shop-days", &w.team_a, file(0, 3_500));
    assert_eq!(imported(&out), "shop-days: 0 inserted, 3500 updated");
}

/// Team B's customer-service export imported into team A by mistake: its 12 rows name nobody of
/// team A, which is said once, not once per row.
#[tokio::test]
async fn another_teams_file_is_refused_in_one_line() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let rows: String = (1..=12)
        .map(|d| format!("2026-11-{d:02},cs.b@shop.test,10,5,3,2,100.00\n"))
        .collect();
    let file =
        format!("date,agent,received,inquiries,ordered_buyers,paid_buyers,sales_amount\n{rows}");
    let out = import(&url, "agent-days", &w.team_a, &file);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let team = &w.team_a;
    let expected = format!(
        "team: none of the 12 rows names a person or product of team {team} (the first: no one \
         in this team is known as \"cs.b@shop.test\"): is it the right team?"
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(!stderr.contains("line 2:"), "{stderr}");
    // The same file into team B is fine.
    let out = import(&url, "agent-days", &w.team_b, &file);
    assert_eq!(imported(&out), "agent-days: 12 inserted, 0 updated");
}

/// A file of 150 bad lines lists the first 100 problems and says how many there were.
#[tokio::test]
async fn at_most_a_hundred_problems_are_listed_with_the_total() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    // 150 days back from 2026-11-30, each with more buyers (5) than visitors (4): one problem a line.
    let rows: String = (0..150)
        .map(|i| {
            let date = day(30) - chrono::Duration::days(i);
            format!("{date},4,10,5,5,5,50\n")
        })
        .collect();
    let file =
        format!("date,visitors,page_views,paid_buyers,paid_orders,paid_units,paid_amount\n{rows}");
    let out = import(&url, "shop-days", &w.team_a, &file);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let listed = stderr.lines().filter(|l| l.starts_with("line ")).count();
    assert_eq!(listed, 100, "{stderr}");
    assert!(
        stderr.contains("line 101: paidBuyers: 5 exceeds visitors (4)"),
        "{stderr}"
    );
    assert!(!stderr.contains("line 102:"), "{stderr}");
    assert!(
        stderr.contains("problems: 50 more are not listed (150 in all)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("shop-days: more than 100 problems in"),
        "{stderr}"
    );
}

/// `--dry-run` checks and counts everything a real import would, then writes nothing.
#[tokio::test]
async fn a_dry_run_says_what_an_import_would_do_and_writes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let team: i64 = w.team_a.parse().unwrap();
    let header = "date,agent,received,inquiries,ordered_buyers,paid_buyers,sales_amount";
    let first = format!("{header}\n2026-11-05,cs.a@shop.test,10,5,3,2,100.00\n");
    let dry = |csv: String| {
        run_import(
            &url,
            &["import", "agent-days", "--team", &w.team_a, "--dry-run"],
            csv,
        )
    };
    assert_eq!(
        imported(&dry(first.clone())),
        "agent-days: 1 would be inserted, 0 updated (a dry run: nothing was written)"
    );
    assert!(agent_days(&app, team).await.is_empty());
    assert_eq!(
        imported(&import(&url, "agent-days", &w.team_a, &first)),
        "agent-days: 1 inserted, 0 updated"
    );
    // Day 5 again with other numbers, and day 6: one update and one insert, neither kept.
    let second = format!(
        "{header}\n2026-11-05,cs.a@shop.test,99,5,3,2,999.00\n2026-11-06,cs.a@shop.test,10,5,3,2,100\n"
    );
    assert_eq!(
        imported(&dry(second)),
        "agent-days: 1 would be inserted, 1 updated (a dry run: nothing was written)"
    );
    let stored: Vec<_> = agent_days(&app, team)
        .await
        .iter()
        .map(|r| (r.date, r.received, r.sales_amount_fen))
        .collect();
    assert_eq!(stored, [(day(5), 10, 10_000)]);
    // A bad file is refused by a dry run as by an import.
    let out = dry(format!(
        "{header}\n2026-11-05,cs.a@shop.test,-1,5,3,2,100\n"
    ));
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 2: received: must not be negative")
    );
}
