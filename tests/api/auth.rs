use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;

use crate::helpers::{PASSWORD, SECRET, code, field, spawn_app, world};

const ME: &str = "{ me { id email access role team { name } } }";

#[tokio::test]
async fn login_returns_a_token_that_me_accepts() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let resp = app
        .gql(
            None,
            "mutation { login(input: { email: \" CS.A@Shop.Test \", password: \"correct horse battery\" }) { token expiresAt staff { id email } } }",
            json!({}),
        )
        .await;
    let login = &resp["data"]["login"];
    assert_eq!(login["staff"]["id"], w.cs_a_id.as_str());
    assert_eq!(login["staff"]["email"], "cs.a@shop.test");
    let token = login["token"].as_str().unwrap();
    let me = app.ok(token, ME, json!({})).await;
    assert_eq!(me["me"]["id"], w.cs_a_id.as_str());
    assert_eq!(me["me"]["access"], "STAFF");
    assert_eq!(me["me"]["role"], "CUSTOMER_SERVICE");
    assert_eq!(me["me"]["team"]["name"], "Shop A");
}

#[tokio::test]
async fn wrong_password_and_unknown_email_are_the_same_unauthenticated() {
    let app = spawn_app().await;
    world(&app).await;
    let q = "mutation($e: String!) { login(input: { email: $e, password: \"wrong password\" }) { token } }";
    for email in ["cs.a@shop.test", "nobody@shop.test"] {
        let resp = app.gql(None, q, json!({ "e": email })).await;
        assert_eq!(code(&resp), "UNAUTHENTICATED");
        assert_eq!(resp["errors"][0]["message"], "invalid e-mail or password");
    }
}

#[tokio::test]
async fn every_operation_but_login_needs_a_valid_token() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let resp = app.gql(None, ME, json!({})).await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");
    let resp = app.gql(Some("not-a-jwt"), ME, json!({})).await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");
    let resp = app
        .gql(
            None,
            "mutation { createTeam(input: {name: \"X\", platform: JD}) { team { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");

    let now = chrono::Utc::now().timestamp();
    let forge = |secret: &str, alg: Algorithm, iss: &str, aud: &str, exp: i64| {
        let claims = json!({ "sub": w.cs_a_id, "iss": iss, "aud": aud, "iat": now, "exp": exp });
        jsonwebtoken::encode(
            &Header::new(alg),
            &claims,
            &EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap()
    };
    // The genuine shape is accepted, proving the forgeries below fail for the one thing changed.
    let genuine = forge(
        SECRET,
        Algorithm::HS256,
        "shopops",
        "shopops-api",
        now + 600,
    );
    app.ok(&genuine, ME, json!({})).await;
    for bad in [
        forge(
            "another-secret-another-secret-1234",
            Algorithm::HS256,
            "shopops",
            "shopops-api",
            now + 600,
        ),
        forge(
            SECRET,
            Algorithm::HS512,
            "shopops",
            "shopops-api",
            now + 600,
        ),
        forge(
            SECRET,
            Algorithm::HS256,
            "someone-else",
            "shopops-api",
            now + 600,
        ),
        forge(
            SECRET,
            Algorithm::HS256,
            "shopops",
            "another-api",
            now + 600,
        ),
        forge(
            SECRET,
            Algorithm::HS256,
            "shopops",
            "shopops-api",
            now - 3600,
        ),
    ] {
        let resp = app.gql(Some(&bad), ME, json!({})).await;
        assert_eq!(code(&resp), "UNAUTHENTICATED", "token accepted: {bad}");
    }
}

#[tokio::test]
async fn a_deactivated_persons_token_stops_working() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.ok(&w.cs_a, ME, json!({})).await;
    app.ok(
        &w.manager_a,
        "mutation($id: ID!) { deactivateStaff(input: { id: $id }) { staff { active } } }",
        json!({ "id": w.cs_a_id }),
    )
    .await;
    assert_eq!(
        code(&app.gql(Some(&w.cs_a), ME, json!({})).await),
        "UNAUTHENTICATED"
    );
    let resp = app
        .gql(
            None,
            "mutation { login(input: { email: \"cs.a@shop.test\", password: \"correct horse battery\" }) { token } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");
    app.ok(
        &w.manager_a,
        "mutation($id: ID!) { reactivateStaff(input: { id: $id }) { staff { active } } }",
        json!({ "id": w.cs_a_id }),
    )
    .await;
    app.ok(&w.cs_a, ME, json!({})).await;
}

/// Callers asking at once are read together (`auth::callers`): each still gets their own row,
/// and one deactivated while others' requests are in flight is refused from the next request on.
#[tokio::test]
async fn concurrent_callers_get_their_own_rows_and_a_deactivation_holds_at_once() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cs_a2 = app.login("cs.a2@shop.test", PASSWORD).await;
    let callers = [
        (&w.admin, None),
        (&w.manager_a, Some(w.manager_a_id.as_str())),
        (&w.cs_a, Some(w.cs_a_id.as_str())),
        (&cs_a2, Some(w.cs_a2_id.as_str())),
    ];
    let asks = (0..40).map(|i| {
        let (token, id) = callers[i % callers.len()];
        let app = &app;
        async move {
            let data = app.ok(token, "{ me { id } }", json!({})).await;
            if let Some(id) = id {
                assert_eq!(data["me"]["id"], id, "request {i} got someone else's row");
            }
        }
    });
    futures_util::future::join_all(asks).await;

    // The manager's requests keep coming while cs.a is deactivated and asks again.
    let busy = async {
        for _ in 0..20 {
            app.ok(&w.manager_a, "{ me { id } }", json!({})).await;
        }
    };
    let deactivate_then_ask = async {
        app.ok(
            &w.manager_a,
            "mutation($id: ID!) { deactivateStaff(input: { id: $id }) { staff { active } } }",
            json!({ "id": w.cs_a_id }),
        )
        .await;
        let asks = (0..10).map(|_| app.gql(Some(&w.cs_a), "{ me { id } }", json!({})));
        for resp in futures_util::future::join_all(asks).await {
            assert_eq!(code(&resp), "UNAUTHENTICATED");
        }
    };
    tokio::join!(busy, deactivate_then_ask);
    app.ok(&cs_a2, "{ me { id } }", json!({})).await;
}

#[tokio::test]
async fn deactivating_a_team_signs_out_its_members_but_not_admins() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.ok(
        &w.admin,
        "mutation($id: ID!) { deactivateTeam(input: { id: $id }) { team { active } } }",
        json!({ "id": w.team_a }),
    )
    .await;
    for token in [&w.cs_a, &w.manager_a] {
        assert_eq!(
            code(&app.gql(Some(token), ME, json!({})).await),
            "UNAUTHENTICATED"
        );
    }
    app.ok(&w.manager_b, ME, json!({})).await;
    app.ok(&w.admin, ME, json!({})).await;
}

#[tokio::test]
async fn changing_your_password_needs_the_current_one() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let change = "mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { staff { id } } }";
    let resp = app
        .gql(
            Some(&w.cs_a),
            change,
            json!({ "c": "not my password", "n": "a brand new secret" }),
        )
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert_eq!(field(&resp), "currentPassword");
    let resp = app
        .gql(
            Some(&w.cs_a),
            change,
            json!({ "c": PASSWORD, "n": "short" }),
        )
        .await;
    assert_eq!(field(&resp), "newPassword");
    // Nothing changed so far: the old password still works.
    app.login("cs.a@shop.test", PASSWORD).await;

    let data = app
        .ok(
            &w.cs_a,
            change,
            json!({ "c": PASSWORD, "n": "a brand new secret" }),
        )
        .await;
    assert_eq!(data["changePassword"]["staff"]["id"], w.cs_a_id.as_str());
    app.login("cs.a@shop.test", "a brand new secret").await;
    let resp = app
        .gql(
            None,
            "mutation { login(input: { email: \"cs.a@shop.test\", password: \"correct horse battery\" }) { token } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");
}

#[tokio::test]
async fn a_manager_resets_passwords_only_in_their_team() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let reset = "mutation($id: ID!) { resetStaffPassword(input: { id: $id, newPassword: \"reset by boss 1\" }) { staff { id } } }";
    let resp = app
        .gql(Some(&w.manager_b), reset, json!({ "id": w.cs_a_id }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(Some(&w.cs_a), reset, json!({ "id": w.cs_a2_id }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    app.ok(&w.manager_a, reset, json!({ "id": w.cs_a_id }))
        .await;
    app.login("cs.a@shop.test", "reset by boss 1").await;
}
