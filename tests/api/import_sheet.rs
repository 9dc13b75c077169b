//! `shopops import KIND --team ID FILE [--sheet NAME]` with Excel workbooks: an `.xlsx` made here
//! with rust_xlsxwriter, the `.xls` sample of tests/samples (BIFF8, which no Rust crate writes:
//! made by make_xls.py with Python's xlwt). The format is told by the file's first bytes, so
//! every workbook is written under a `.csv` name. What was stored is read back through GraphQL.
//! The same workbook is also uploaded through `importFile`, as a browser would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use serde_json::json;

use crate::helpers::{TestApp, spawn_app, world};
use crate::import_csv::database_url;

/// Runs `shopops import` with `args`, the file (written under a `.csv` name) last.
fn run(url: &str, args: &[&str], file: &[u8]) -> Output {
    let mut named = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    named.write_all(file).unwrap();
    Command::new(env!("CARGO_BIN_EXE_shopops"))
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .args(args)
        .arg(named.path())
        .output()
        .unwrap()
}

/// Runs `shopops import ... -` with the file on stdin.
fn run_stdin(url: &str, args: &[&str], file: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shopops"))
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(file).unwrap();
    child.wait_with_output().unwrap()
}

/// stdout and stderr of a successful import.
fn imported(out: &Output) -> (String, String) {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "import failed: {stderr}");
    (
        String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        stderr,
    )
}

/// stderr of a refused import.
fn refused(out: &Output) -> String {
    assert!(!out.status.success(), "expected a refusal");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const SHOP_METRICS: &str = "query($t: ID!) {
  shopMetrics(teamId: $t, from: \"2026-11-01\", to: \"2026-11-02\") {
    periodStart visitors pageViews paidBuyers paidOrders paidUnits paidAmount } }";

/// Each day's (date, visitors, page views, buyers, orders, units, amount) through GraphQL.
async fn shop_days(app: &TestApp, token: &str, team: &str) -> Vec<serde_json::Value> {
    let data = app.ok(token, SHOP_METRICS, json!({ "t": team })).await;
    data["shopMetrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            json!([
                d["periodStart"],
                d["visitors"],
                d["pageViews"],
                d["paidBuyers"],
                d["paidOrders"],
                d["paidUnits"],
                d["paidAmount"]
            ])
        })
        .collect()
}

/// A 生意参谋 shop-day sheet as Excel holds it: the report's title on row 1, the header on row 3,
/// days as date cells, amounts as doubles, 支付转化率 as a percentage (a fraction), a summary.
fn shop_sheet(sheet: &mut Worksheet) {
    let day = Format::new().set_num_format("yyyy/m/d");
    let percent = Format::new().set_num_format("0.00%");
    sheet
        .write_string(0, 0, "店铺整体数据 统计日期：2026-11-01 ~ 2026-11-02")
        .unwrap();
    let header = [
        "统计日期",
        "访客数",
        "浏览量",
        "支付买家数",
        "支付订单数",
        "支付件数",
        "支付金额",
        "支付转化率",
    ];
    for (c, name) in header.iter().enumerate() {
        sheet.write_string(2, c as u16, *name).unwrap();
    }
    // 45,678.9 and 1,234.56 are not exact doubles (45678.900000000001455… and
    // 1234.559999999999945…): read as their shortest forms they are exact yuan.
    let days = [
        (1, [12_000.0, 36_000.0, 240.0, 250.0, 310.0, 45_678.9], 0.02),
        (2, [9_500.0, 28_000.0, 190.0, 195.0, 240.0, 1_234.56], 0.025),
    ];
    for (r, (d, numbers, rate)) in days.iter().enumerate() {
        let row = 3 + r as u32;
        let date = ExcelDateTime::from_ymd(2026, 11, *d).unwrap();
        sheet
            .write_datetime_with_format(row, 0, &date, &day)
            .unwrap();
        for (c, n) in numbers.iter().enumerate() {
            sheet.write_number(row, 1 + c as u16, *n).unwrap();
        }
        sheet
            .write_number_with_format(row, 7, *rate, &percent)
            .unwrap();
    }
    sheet.write_string(5, 0, "合计").unwrap();
    sheet.write_number(5, 1, 21_500.0).unwrap();
}

/// Writes a sheet's cells.
type Fill = fn(&mut Worksheet);

fn workbook(sheets: &[(&str, Fill)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, fill) in sheets {
        fill(book.add_worksheet().set_name(*name).unwrap());
    }
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn an_xlsx_export_with_a_title_a_derived_column_and_a_summary_reads_back_exactly() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let file = workbook(&[("店铺整体数据", shop_sheet)]);
    let args = ["import", "shop-days", "--team", &w.team_a];
    let (said, stderr) = imported(&run(&url, &args, &file));
    assert_eq!(said, "shop-days: 2 inserted, 0 updated");
    assert!(
        stderr.contains("read as xlsx, sheet \"店铺整体数据\", the header on row 3"),
        "{stderr}"
    );
    // Row 4: 240 / 12,000 = 2 %, held as 0.02: no warning. Row 5: 190 / 9,500 = 2 % too, but
    // the cell holds 0.025 (2.5 %). The summary row 6 is no day.
    assert!(
        stderr.contains("warning: line 5: 支付转化率 is 2.5%, but paidBuyers / visitors is 2%"),
        "{stderr}"
    );
    assert!(!stderr.contains("line 4:"), "{stderr}");
    let expected = vec![
        json!(["2026-11-01", 12000, 36000, 240, 250, 310, "45678.90"]),
        json!(["2026-11-02", 9500, 28000, 190, 195, 240, "1234.56"]),
    ];
    assert_eq!(shop_days(&app, &w.manager_a, &w.team_a).await, expected);

    // The same workbook on stdin (spooled to a file, as a workbook is read by seeking in it):
    // both days again, overwritten with the same numbers.
    let (said, _) = imported(&run_stdin(&url, &args, &file));
    assert_eq!(said, "shop-days: 0 inserted, 2 updated");
    assert_eq!(shop_days(&app, &w.manager_a, &w.team_a).await, expected);
}

/// The shop sheet uploaded over HTTP: a dry run says how it was read and shows the rows as
/// parsed (dates from their serials, amounts exact), writing nothing; the upload then stores
/// them and the history records an xlsx.
#[tokio::test]
async fn an_xlsx_uploaded_over_http_is_previewed_then_imported() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let file = workbook(&[("店铺整体数据", shop_sheet)]);
    let query = "mutation($i: ImportFileInput!) { importFile(input: $i) {
        dryRun inserted updated rows warnings
        layout { format encoding delimiter sheet headerLine }
        preview { line fields { name value } }
        import { format fileName rows } } }";
    let upload = |dry_run: bool| {
        let input = json!({ "teamId": w.team_a, "kind": "SHOP_DAYS", "file": null,
                            "dryRun": dry_run, "previewRows": 1 });
        app.upload(
            Some(&w.manager_a),
            query,
            json!({ "i": input }),
            "variables.i.file",
            ("店铺整体数据.xlsx", file.clone()),
        )
    };
    let (status, dry) = upload(true).await;
    assert_eq!(status, reqwest::StatusCode::OK);
    let warning = "line 5: 支付转化率 is 2.5%, but paidBuyers / visitors is 2%";
    let fields = [
        ("date", "2026-11-01"),
        ("visitors", "12000"),
        ("pageViews", "36000"),
        ("paidBuyers", "240"),
        ("paidOrders", "250"),
        ("paidUnits", "310"),
        ("paidAmount", "45678.9"),
    ];
    let fields: Vec<_> = fields
        .iter()
        .map(|(name, value)| json!({ "name": name, "value": value }))
        .collect();
    assert_eq!(
        dry["data"]["importFile"],
        json!({
            "dryRun": true, "inserted": 2, "updated": 0, "rows": 2, "warnings": [warning],
            "layout": { "format": "xlsx", "encoding": null, "delimiter": null,
                        "sheet": "店铺整体数据", "headerLine": 3 },
            "preview": [{ "line": 4, "fields": fields }],
            "import": null,
        }),
        "{dry}"
    );
    // Nothing written: both days have no visitors.
    let days = shop_days(&app, &w.manager_a, &w.team_a).await;
    assert!(days.iter().all(|d| d[1] == json!(0)), "{days:?}");

    let (_, done) = upload(false).await;
    assert_eq!(
        done["data"]["importFile"]["import"],
        json!({ "format": "xlsx", "fileName": "店铺整体数据.xlsx", "rows": 2 }),
        "{done}"
    );
    assert_eq!(
        shop_days(&app, &w.manager_a, &w.team_a).await,
        [
            json!(["2026-11-01", 12000, 36000, 240, 250, 310, "45678.90"]),
            json!(["2026-11-02", 9500, 28000, 190, 195, 240, "1234.56"]),
        ]
    );
}

fn note_sheet(sheet: &mut Worksheet) {
    sheet.write_string(0, 0, "赤兔名品 客服绩效").unwrap();
}

fn agent_sheet(sheet: &mut Worksheet) {
    let header = [
        "日期",
        "客服",
        "接待人数",
        "询单人数",
        "下单人数",
        "最终付款人数",
        "客服销售额",
    ];
    for (c, name) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    // The day as the bare serial 46,327 (2026-11-01: 1899-12-30 + 46,327 days).
    sheet.write_number(1, 0, 46_327.0).unwrap();
    sheet.write_string(1, 1, "cs.a@shop.test").unwrap();
    for (c, n) in [120.0, 80.0, 40.0, 36.0, 1_234.5].iter().enumerate() {
        sheet.write_number(1, 2 + c as u16, *n).unwrap();
    }
}

#[tokio::test]
async fn a_named_sheet_is_read_and_an_unknown_one_is_refused_with_those_there_are() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let file = workbook(&[("说明", note_sheet), ("客服", agent_sheet)]);
    let args = ["import", "agent-days", "--team", &w.team_a];

    // Without --sheet the first sheet is read: a note, no header of agent-day columns.
    let stderr = refused(&run(&url, &args, &file));
    assert!(stderr.contains("line 1: date: missing column"), "{stderr}");

    let named = [&args[..], &["--sheet", "客服"]].concat();
    let (said, stderr) = imported(&run(&url, &named, &file));
    assert_eq!(said, "agent-days: 1 inserted, 0 updated");
    assert!(
        stderr.contains("read as xlsx, sheet \"客服\", the header on row 1"),
        "{stderr}"
    );
    let query = "query($t: ID!) { csRanking(teamId: $t, from: \"2026-11-01\", \
                 to: \"2026-11-01\") { agents { edges { node { staffId metrics { received \
                 paidBuyers salesAmount } } } } } }";
    let data = app.ok(&w.manager_a, query, json!({ "t": w.team_a })).await;
    // 1,234.5 yuan read as the decimal 1234.5, not 1234.4999…
    assert_eq!(
        data["csRanking"]["agents"]["edges"],
        json!([{ "node": { "staffId": w.cs_a_id, "metrics": {
            "received": 120, "paidBuyers": 36, "salesAmount": "1234.50" } } }])
    );

    let unknown = [&args[..], &["--sheet", "Sheet1"]].concat();
    let stderr = refused(&run(&url, &unknown, &file));
    assert!(
        stderr.contains(
            "sheet: the workbook has no sheet \"Sheet1\"; its sheets are \"说明\", \"客服\""
        ),
        "{stderr}"
    );
}

#[tokio::test]
async fn an_xls_export_is_read_from_its_first_sheet() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let file = include_bytes!("../samples/shop_days.xls");
    let args = ["import", "shop-days", "--team", &w.team_a];
    let (said, stderr) = imported(&run(&url, &args, file));
    assert_eq!(said, "shop-days: 2 inserted, 0 updated");
    // Title on row 1, date range on row 2, row 3 empty, the header on row 4.
    assert!(
        stderr.contains("read as xls, sheet \"店铺整体数据\", the header on row 4"),
        "{stderr}"
    );
    // 240 / 12,000 and 190 / 9,500 are both the 2 % (0.02) the sheet shows: no warning.
    assert!(!stderr.contains("warning"), "{stderr}");
    assert_eq!(
        shop_days(&app, &w.manager_a, &w.team_a).await,
        [
            json!(["2026-11-01", 12000, 36000, 240, 250, 310, "45678.90"]),
            json!(["2026-11-02", 9500, 28000, 190, 195, 240, "38000.00"]),
        ]
    );
}

#[tokio::test]
async fn an_encrypted_or_damaged_workbook_is_refused_as_such() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    let args = ["import", "shop-days", "--team", &w.team_a];
    // Password-protected (made by make_encrypted_xlsx.py): a compound file, as .xls is.
    let stderr = refused(&run(
        &url,
        &args,
        include_bytes!("../samples/encrypted.xlsx"),
    ));
    assert!(
        stderr.contains(
            "file: is encrypted (protected by a password): save it without one, or export it as CSV"
        ),
        "{stderr}"
    );
    // A workbook cut in half.
    let mut cut = workbook(&[("店铺整体数据", shop_sheet)]);
    cut.truncate(cut.len() / 2);
    let stderr = refused(&run(&url, &args, &cut));
    assert!(
        stderr.contains("file: is not a readable xlsx workbook ("),
        "{stderr}"
    );
    assert!(stderr.contains("): is it damaged?"), "{stderr}");
}
