use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{code, spawn_app, world};

#[tokio::test]
async fn healthz_reports_the_database() {
    let app = spawn_app().await;
    let resp = app
        .client
        .get(format!("{}/healthz", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.json::<Value>().await.unwrap(),
        json!({ "status": "ok" })
    );
    // Closing the app's pool (it is shared with this handle) makes the database unreachable.
    app.db.clone().close().await.unwrap();
    let resp = app
        .client
        .get(format!("{}/healthz", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(
        resp.json::<Value>().await.unwrap(),
        json!({ "status": "unavailable" })
    );
}

#[tokio::test]
async fn database_errors_are_masked_as_internal() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.db
        .execute_unprepared("ALTER TABLE product RENAME TO product_gone")
        .await
        .unwrap();
    let resp = app
        .gql(Some(&w.admin), "{ products { totalCount } }", json!({}))
        .await;
    assert_eq!(code(&resp), "INTERNAL");
    assert_eq!(resp["errors"][0]["message"], "internal error");
    let text = resp.to_string().to_lowercase();
    assert!(
        !text.contains("product\"") && !text.contains("select") && !text.contains("sql"),
        "{resp}"
    );
}

/// Parsed documents are reused by query text; each request must still get its own variables'
/// `@include` / `@skip`, and a document that does not parse must fail every time.
#[tokio::test]
async fn a_repeated_query_text_honours_each_requests_variables() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let q = "query($name: Boolean!) { me { email name @include(if: $name) } }";
    for name in [true, false, true] {
        let data = app.ok(&w.admin, q, json!({ "name": name })).await;
        let mut me = json!({ "email": "root@shop.test" });
        if name {
            me["name"] = json!("Root");
        }
        assert_eq!(data["me"], me);
    }
    for _ in 0..2 {
        let resp = app.gql(Some(&w.admin), "{ me { email }", json!({})).await;
        assert_eq!(code(&resp), "BAD_USER_INPUT");
    }
}

#[tokio::test]
async fn the_checked_in_schema_is_the_servers() {
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/schema.graphql"
    ))
    .expect("schema/schema.graphql");
    assert!(
        file == shopops::graphql::schema::sdl(),
        "schema/schema.graphql is stale: run `cargo run -- schema > schema/schema.graphql`"
    );
}
