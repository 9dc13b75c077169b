//! `importFile`: an export uploaded over HTTP (the GraphQL multipart request spec), read by the
//! same parser as `shopops import`, previewed by a dry run, committed all or nothing, and
//! recorded in the team's import history with its digest.

use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use shopops::entities::{agent_day, import_record};

use crate::helpers::{TestApp, code, field, settings, spawn_app, spawn_with, world};
use crate::import_csv::{database_url, import};

const IMPORT: &str = "mutation($i: ImportFileInput!) { importFile(input: $i) {
    dryRun inserted updated rows warnings warningCount
    layout { format encoding delimiter headerLine ignoredColumns }
    preview { line fields { name value } }
    import { id kind via fileName sha256 format rows inserted updated warnings warningCount
             importedBy { id } }
    previousImport { id }
} }";

const HISTORY: &str = "query($t: ID!) { imports(teamId: $t) {
    totalCount
    edges { node { id via fileName sha256 inserted updated importedBy { id } } }
} }";

/// 赤兔's 客服绩效 as Excel on a Chinese Windows saves it: GBK, a title and a date range above
/// the header, a derived 询单转化率, average response times with their counts, a remark column
/// shopops has no field for, and the summary row.
fn chitu_export() -> Vec<u8> {
    let text = "客服绩效报表\n\
                统计时间：2026-11-01 至 2026-11-02\n\
                日期,客服,接待人数,询单人数,询单→下单人数,询单→最终付款人数,询单转化率,客服销售额,平均响应时间,响应次数,备注\n\
                2026-11-01,cs.a@shop.test,120,80,40,36,45.00%,\"1,234.50\",25.5,100,早班\n\
                2026-11-01,cs.a2@shop.test,90,50,25,20,41.00%,800,30,10,\n\
                2026-11-02,cs.a@shop.test,100,40,20,10,25.00%,999.99,12.34,50,\n\
                合计,,310,170,85,66,38.82%,\"3,034.49\",,160,\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    gbk.into_owned()
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn upload(
    app: &TestApp,
    token: Option<&str>,
    input: Value,
    file: (&str, Vec<u8>),
) -> (StatusCode, Value) {
    app.upload(
        token,
        IMPORT,
        json!({ "i": input }),
        "variables.i.file",
        file,
    )
    .await
}

async fn stored_agent_days(app: &TestApp) -> Vec<(String, i64, i64, i64, i64)> {
    agent_day::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                format!("{} #{}", r.date, r.staff_id),
                r.paid_buyers,
                r.sales_amount_fen,
                r.response_seconds_sum,
                r.response_count,
            )
        })
        .collect()
}

#[tokio::test]
async fn an_export_is_previewed_then_imported_and_recorded_in_the_history() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let export = chitu_export();
    let input = |dry_run: bool| {
        json!({ "teamId": w.team_a, "kind": "AGENT_DAYS", "file": null, "dryRun": dry_run,
                "previewRows": 2 })
    };
    let derived_warning = "line 5: 询单转化率 is 41.00%, but paidBuyers / inquiries is 40%";
    let ignored_warning = "ignored 1 column(s) no field takes: 备注";

    // The dry run: everything counted and shown, nothing written or recorded.
    let (status, resp) = upload(
        &app,
        Some(&w.manager_a),
        input(true),
        ("客服绩效.csv", export.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let dry = &resp["data"]["importFile"];
    assert_eq!(
        *dry,
        json!({
            "dryRun": true, "inserted": 3, "updated": 0, "rows": 3,
            // 20 / 50 = 40 %, not the 41.00 % shown; 36 / 80 = 45 % and 10 / 40 = 25 % agree.
            "warnings": [ignored_warning, derived_warning],
            "warningCount": 2,
            "layout": { "format": "CSV", "encoding": "GB18030 (GBK)", "delimiter": ",",
                        "headerLine": 3, "ignoredColumns": ["备注"] },
            "preview": [
                { "line": 4, "fields": [
                    { "name": "agent", "value": "cs.a@shop.test" },
                    { "name": "date", "value": "2026-11-01" },
                    { "name": "received", "value": "120" },
                    { "name": "inquiries", "value": "80" },
                    { "name": "orderedBuyers", "value": "40" },
                    { "name": "paidBuyers", "value": "36" },
                    { "name": "salesAmount", "value": "1234.50" },
                    // the average 25.5 s × 100 responses = 2550 s
                    { "name": "responseSecondsSum", "value": "2550" },
                    { "name": "responseCount", "value": "100" },
                ]},
                { "line": 5, "fields": [
                    { "name": "agent", "value": "cs.a2@shop.test" },
                    { "name": "date", "value": "2026-11-01" },
                    { "name": "received", "value": "90" },
                    { "name": "inquiries", "value": "50" },
                    { "name": "orderedBuyers", "value": "25" },
                    { "name": "paidBuyers", "value": "20" },
                    { "name": "salesAmount", "value": "800" },
                    // 30 s × 10 = 300 s
                    { "name": "responseSecondsSum", "value": "300" },
                    { "name": "responseCount", "value": "10" },
                ]},
            ],
            "import": null, "previousImport": null,
        }),
        "{resp}"
    );
    assert!(stored_agent_days(&app).await.is_empty());
    assert_eq!(
        import_record::Entity::find().count(&app.db).await.unwrap(),
        0
    );

    // The import: the same file, committed and recorded.
    let (_, resp) = upload(
        &app,
        Some(&w.manager_a),
        input(false),
        ("C:\\fakepath\\客服绩效.csv", export.clone()),
    )
    .await;
    let done = &resp["data"]["importFile"];
    assert_eq!(
        (&done["dryRun"], &done["inserted"], &done["updated"]),
        (&json!(false), &json!(3), &json!(0)),
        "{resp}"
    );
    let first = done["import"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        done["import"],
        json!({
            "id": first, "kind": "AGENT_DAYS", "via": "API",
            // the browser's fake path is not part of the name
            "fileName": "客服绩效.csv", "sha256": hex_sha256(&export), "format": "CSV",
            "rows": 3, "inserted": 3, "updated": 0,
            "warnings": [ignored_warning, derived_warning], "warningCount": 2,
            "importedBy": { "id": w.manager_a_id },
        })
    );
    assert_eq!(done["previousImport"], Value::Null);
    let (cs_a, cs_a2) = (&w.cs_a_id, &w.cs_a2_id);
    let mut stored = stored_agent_days(&app).await;
    stored.sort();
    assert_eq!(
        stored,
        [
            // ¥1,234.50 = 123450 fen; 25.5 s × 100 = 2550 s
            (format!("2026-11-01 #{cs_a}"), 36, 123_450, 2_550, 100),
            // ¥800 = 80000 fen; 30 s × 10 = 300 s
            (format!("2026-11-01 #{cs_a2}"), 20, 80_000, 300, 10),
            // ¥999.99 = 99999 fen; 12.34 s × 50 = 617 s
            (format!("2026-11-02 #{cs_a}"), 10, 99_999, 617, 50),
        ]
    );

    // The same bytes again: every row an update, and the earlier import named.
    let (_, resp) = upload(
        &app,
        Some(&w.manager_a),
        input(false),
        ("客服绩效 (1).csv", export.clone()),
    )
    .await;
    let again = &resp["data"]["importFile"];
    assert_eq!(
        (&again["inserted"], &again["updated"]),
        (&json!(0), &json!(3))
    );
    assert_eq!(again["previousImport"]["id"], json!(first), "{resp}");
    let second = again["import"]["id"].as_str().unwrap().to_owned();

    // The command line's import of it is recorded too, with no one as its author.
    let url = database_url(&app).await;
    let out = import(&url, "agent-days", &w.team_a, &export);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("the same file was imported before, on "),
        "{said}"
    );
    assert!(said.contains(&format!("(import {second})")), "{said}");

    // Rows sent as a batch are an import without a file.
    app.ok(
        &w.manager_a,
        "mutation($t: ID!) { importAgentDays(input: { teamId: $t, rows: [{ agent: \"cs.a@shop.test\",
           date: \"2026-11-03\", received: 1, inquiries: 1, orderedBuyers: 1, paidBuyers: 1,
           salesAmount: \"1\" }] }) { inserted } }",
        json!({ "t": w.team_a }),
    )
    .await;

    let history = app
        .ok(&w.manager_a, HISTORY, json!({ "t": w.team_a }))
        .await;
    let nodes: Vec<Value> = history["imports"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = &e["node"];
            json!([
                n["via"],
                n["fileName"],
                n["inserted"],
                n["updated"],
                n["importedBy"]
            ])
        })
        .collect();
    let digest = hex_sha256(&export);
    assert_eq!(history["imports"]["totalCount"], json!(4));
    // Newest first: the batch, the command line's (the file's name as it was on disk), the
    // second upload, the first.
    assert_eq!(
        nodes,
        [
            json!(["API", null, 1, 0, { "id": w.manager_a_id }]),
            json!(["CLI", nodes[1][1].clone(), 0, 3, null]),
            json!(["API", "客服绩效 (1).csv", 0, 3, { "id": w.manager_a_id }]),
            json!(["API", "客服绩效.csv", 3, 0, { "id": w.manager_a_id }]),
        ]
    );
    assert!(nodes[1][1].as_str().unwrap().ends_with(".csv"));
    let digests: Vec<&Value> = history["imports"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"]["sha256"])
        .collect();
    assert_eq!(
        digests,
        [&Value::Null, &json!(digest), &json!(digest), &json!(digest)]
    );

    // Only the team's manager (or an admin) sees its history.
    for token in [&w.cs_a, &w.manager_b] {
        let resp = app
            .gql(Some(token), HISTORY, json!({ "t": w.team_a }))
            .await;
        assert_eq!(code(&resp), "FORBIDDEN", "{resp}");
    }
    let admin = app.ok(&w.admin, HISTORY, json!({ "t": w.team_a })).await;
    assert_eq!(admin["imports"]["totalCount"], json!(4));
}

#[tokio::test]
async fn uploads_that_are_refused_change_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let input = json!({ "teamId": w.team_a, "kind": "AGENT_DAYS", "file": null });
    let header = "date,agent,received,inquiries,ordered_buyers,paid_buyers,sales_amount\n";
    let good = format!("{header}2026-11-05,cs.a@shop.test,10,5,3,2,100.00\n");

    // §9: the team's manager or an admin.
    for token in [&w.cs_a, &w.manager_b] {
        let file = ("a.csv", good.clone().into_bytes());
        let (_, resp) = upload(&app, Some(token), input.clone(), file).await;
        assert_eq!(code(&resp), "FORBIDDEN", "{resp}");
    }
    let (_, resp) = upload(&app, None, input.clone(), ("a.csv", good.clone().into())).await;
    assert_eq!(code(&resp), "UNAUTHENTICATED", "{resp}");

    // A header and no rows; a bad row (every problem named by its line); a preview too long.
    let (_, resp) = upload(
        &app,
        Some(&w.manager_a),
        input.clone(),
        ("h.csv", header.into()),
    )
    .await;
    assert_eq!((code(&resp), field(&resp)), ("BAD_USER_INPUT", "file"));
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("has no data rows below its header (line 1)"),
        "{resp}"
    );
    let bad = format!("{good}2026-11-06,cs.a@shop.test,-4,5,3,2,100\n");
    let (_, resp) = upload(
        &app,
        Some(&w.manager_a),
        input.clone(),
        ("b.csv", bad.into()),
    )
    .await;
    assert_eq!(
        (code(&resp), field(&resp)),
        ("BAD_USER_INPUT", "received"),
        "{resp}"
    );
    assert_eq!(
        resp["errors"][0]["extensions"]["errors"][0]["row"],
        json!(3),
        "{resp}"
    );
    let mut long = input.clone();
    long["previewRows"] = json!(101);
    let (_, resp) = upload(
        &app,
        Some(&w.manager_a),
        long,
        ("a.csv", good.clone().into()),
    )
    .await;
    assert_eq!(
        (code(&resp), field(&resp)),
        ("BAD_USER_INPUT", "previewRows")
    );

    assert!(stored_agent_days(&app).await.is_empty());
    assert_eq!(
        import_record::Entity::find().count(&app.db).await.unwrap(),
        0
    );
}

/// The upload limit holds for the whole request while it streams; without a signed-in caller
/// a multipart body gets only the ordinary body limit.
#[tokio::test]
async fn an_upload_over_the_limit_is_refused_before_it_is_read() {
    let mut settings = settings();
    settings.limits.max_body_bytes = 2048;
    settings.limits.max_upload_bytes = 16 * 1024;
    let app = spawn_with(settings).await;
    let w = world(&app).await;
    let input = json!({ "teamId": w.team_a, "kind": "AGENT_DAYS", "file": null, "dryRun": true });
    let header = "date,agent,received,inquiries,ordered_buyers,paid_buyers,sales_amount\n";
    let row = "2026-11-05,cs.a@shop.test,10,5,3,2,100.00\n";
    // 70 + 100 × 42 = 4,270 bytes: over the body limit, within the upload limit.
    let medium = format!("{header}{}", row.repeat(100));
    assert_eq!(medium.len(), 70 + 100 * 42);
    let (status, resp) = upload(
        &app,
        Some(&w.manager_a),
        input.clone(),
        ("m.csv", medium.clone().into()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{resp}");
    // 100 rows of one key: the repeats are refused, which shows the file was read.
    assert_eq!(field(&resp), "key", "{resp}");
    let (status, resp) = upload(&app, None, input.clone(), ("m.csv", medium.into())).await;
    assert_eq!(
        (status, code(&resp)),
        (StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE")
    );

    // 70 + 400 × 42 = 16,870 bytes: over the upload limit of 16,384.
    let big = format!("{header}{}", row.repeat(400));
    let (status, resp) = upload(&app, Some(&w.manager_a), input, ("b.csv", big.into())).await;
    assert_eq!(
        (status, code(&resp)),
        (StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE")
    );
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("larger than 16384 bytes"),
        "{resp}"
    );
}
