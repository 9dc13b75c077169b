use serde_json::json;
use shopops::config::{Limits, Settings};

use crate::helpers::{code, field, settings, spawn_app, spawn_with, world};

#[tokio::test]
async fn pages_walk_the_whole_list_in_order() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let page = "query($after: String) { staff(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { email } } } }";
    let mut after = serde_json::Value::Null;
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let data = app.ok(&w.manager_a, page, json!({ "after": after })).await;
        let conn = &data["staff"];
        assert_eq!(conn["totalCount"], 4);
        assert_eq!(conn["pageInfo"]["hasPreviousPage"], pages > 0);
        for e in conn["edges"].as_array().unwrap() {
            seen.push(e["node"]["email"].as_str().unwrap().to_owned());
        }
        pages += 1;
        if conn["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = conn["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(pages, 2);
    assert_eq!(
        seen,
        [
            "boss.a@shop.test",
            "cs.a@shop.test",
            "cs.a2@shop.test",
            "art.a@shop.test"
        ]
    );
}

#[tokio::test]
async fn page_size_and_cursor_are_validated() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let q = "query($n: Int!, $a: String) { staff(first: $n, after: $a) { totalCount } }";
    for n in [0, 101] {
        let resp = app.gql(Some(&w.admin), q, json!({ "n": n })).await;
        assert_eq!(code(&resp), "BAD_USER_INPUT");
        assert_eq!(field(&resp), "first");
    }
    app.ok(&w.admin, q, json!({ "n": 100 })).await;
    let resp = app
        .gql(Some(&w.admin), q, json!({ "n": 5, "a": "!!garbage" }))
        .await;
    assert_eq!(field(&resp), "after");
}

#[tokio::test]
async fn depth_complexity_and_batch_size_are_limited() {
    let limits = Limits {
        max_depth: 5,
        max_complexity: 300,
        max_batch: 2,
        ..Limits::default()
    };
    let app = spawn_with(Settings {
        limits,
        ..settings()
    })
    .await;
    let w = world(&app).await;
    // depth 6: staff > edges > node > team > name ... plus aliases nesting
    let deep = "{ staff { edges { node { team { name } aliases { alias } } } } }";
    app.ok(&w.admin, deep, json!({})).await;
    let too_deep = "{ products { edges { node { designer { team { name } } } } } }";
    let resp = app.gql(Some(&w.admin), too_deep, json!({})).await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("too deep"),
        "{resp}"
    );
    // A list field costs `first` × the cost of one item: 10 items pass, 100 exceed 300.
    let q = "query($n: Int!) { staff(first: $n) { edges { node { id email } } } }";
    app.ok(&w.admin, q, json!({ "n": 10 })).await;
    let resp = app.gql(Some(&w.admin), q, json!({ "n": 100 })).await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("complex"),
        "{resp}"
    );

    let op = json!({ "query": "{ me { id } }" });
    let (status, body) = app.post(Some(&w.admin), &json!([op, op])).await;
    assert_eq!(status, 200);
    assert_eq!(body.as_array().unwrap().len(), 2);
    let (status, body) = app.post(Some(&w.admin), &json!([op, op, op])).await;
    assert_eq!(status, 400);
    assert_eq!(code(&body), "BAD_USER_INPUT");
    assert_eq!(field(&body), "batch");
}

/// What GraphiQL, graphql-codegen and Postman send (graphql-js 16's `getIntrospectionQuery` with
/// every option on) nests 15 levels; it is answered under the default limits (depth 12), whose
/// depth still holds for the query's own fields, and introspection has a bound of its own.
#[tokio::test]
async fn the_standard_introspection_query_is_answered_under_the_default_limits() {
    let app = spawn_app().await;
    let standard = include_str!("introspection.graphql");
    let resp = app.gql(None, standard, json!({})).await;
    assert!(resp.get("errors").is_none(), "{resp}");
    let types = resp["data"]["__schema"]["types"].as_array().unwrap();
    assert!(types.iter().any(|t| t["name"] == "DailyBoard"));

    // 1 (`__type`) + 21 `ofType` + `name` = 23 levels, over the bound of 20.
    let deep = format!(
        "{{ __type(name: \"Staff\") {{ {}name{} }} }}",
        "ofType { ".repeat(21),
        " }".repeat(21)
    );
    let resp = app.gql(None, &deep, json!({})).await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert_eq!(
        resp["errors"][0]["message"],
        "introspection is too deep: it nests 23 levels, the limit is 20"
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let app = spawn_with(Settings {
        limits: Limits {
            max_body_bytes: 4096,
            ..Limits::default()
        },
        ..settings()
    })
    .await;
    let padding = " ".repeat(5000);
    let (status, _) = app
        .post(
            None,
            &json!({ "query": format!("{{ me {{ id }} }}{padding}") }),
        )
        .await;
    assert_eq!(status, 413);
    let (status, body) = app.post(None, &json!({ "query": "{ me { id } }" })).await;
    assert_eq!(status, 200);
    assert_eq!(code(&body), "UNAUTHENTICATED");
}

#[tokio::test]
async fn introspection_and_graphiql_can_be_turned_off() {
    let introspect = "{ __schema { queryType { name } } }";
    let on = spawn_app().await;
    let resp = on.gql(None, introspect, json!({})).await;
    assert_eq!(resp["data"]["__schema"]["queryType"]["name"], "Query");
    let page = on
        .client
        .get(format!("{}/graphql", on.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .to_lowercase()
            .contains("graphiql")
    );

    let off = spawn_with(Settings {
        introspection: false,
        graphiql: false,
        ..settings()
    })
    .await;
    let resp = off.gql(None, introspect, json!({})).await;
    assert_eq!(resp["data"]["__schema"], serde_json::Value::Null, "{resp}");
    // Nor does a typo get the schema spelled out ("Did you mean").
    let resp = off.gql(None, "{ teams_ { id } }", json!({})).await;
    let message = resp["errors"][0]["message"].as_str().unwrap();
    assert_eq!(message, "Unknown field \"teams_\" on type \"Query\".");
    let resp = on.gql(None, "{ teams_ { id } }", json!({})).await;
    let message = resp["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("Did you mean"), "{message}");
    let page = off
        .client
        .get(format!("{}/graphql", off.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 405);
}
