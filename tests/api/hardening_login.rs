//! Issue 13: bounded password hashing, login attempt limits, token lifetime and revocation.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use shopops::{
    app::Application,
    config::{AuthSettings, Settings},
    db,
    services::auth::Hasher,
};

use crate::helpers::{
    PASSWORD, SECRET, TestApp, code, create_root, fresh_database, settings, spawn_with, world,
};

const ME: &str = "{ me { id } }";
const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }";

fn with_auth(auth: AuthSettings) -> Settings {
    Settings {
        auth,
        ..Settings::local(SECRET)
    }
}

async fn spawn_with_auth(auth: AuthSettings) -> TestApp {
    spawn_with(with_auth(auth)).await
}

/// How many errors of the response carry `code`.
fn count(resp: &Value, code: &str) -> usize {
    resp["errors"].as_array().map_or(0, |errors| {
        errors
            .iter()
            .filter(|e| e["extensions"]["code"] == code)
            .count()
    })
}

/// One mutation with `n` aliased `login` fields, the i-th signing in as `email(i)`.
fn aliased_logins(n: usize, email: impl Fn(usize) -> String, password: &str) -> Value {
    let fields: String = (0..n)
        .map(|i| {
            format!(
                "a{i}: login(input: {{ email: \"{}\", password: \"{password}\" }}) {{ token }} ",
                email(i)
            )
        })
        .collect();
    json!({ "query": format!("mutation {{ {fields}}}") })
}

async fn login_from(app: &TestApp, forwarded_for: &str, email: &str, password: &str) -> Value {
    app.client
        .post(format!("{}/graphql", app.url))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({ "query": LOGIN, "variables": { "e": email, "p": password } }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json")
}

#[tokio::test]
async fn concurrent_logins_hash_at_most_the_configured_number_at_once() {
    // The app built here rather than by `spawn_with`, to keep a handle on its hasher.
    let (url, _dir) = fresh_database().await;
    let conn = db::connect(&url).await.expect("connect");
    // At full cost: checks of a cheap hash end too soon to ever overlap.
    create_root(&conn, Hasher::offline()).await;
    let settings = with_auth(AuthSettings {
        hash_concurrency: 2,
        // Attempts in flight count as failures of the account until they succeed.
        login_failures_per_account: 16,
        ..AuthSettings::default()
    });
    let app = Application::build(&settings, conn).await.expect("build");
    let hasher = app.password_hasher().clone();
    let endpoint = format!("http://127.0.0.1:{}/graphql", app.port());
    tokio::spawn(app.run_until(std::future::pending()));

    let client = reqwest::Client::new();
    let mut logins = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let request = client.post(&endpoint).json(
            &json!({ "query": LOGIN, "variables": { "e": "root@shop.test", "p": PASSWORD } }),
        );
        logins.spawn(async move { request.send().await?.json::<Value>().await });
    }
    let mut signed_in = 0;
    while let Some(resp) = logins.join_next().await {
        let resp = resp.unwrap().unwrap();
        assert!(resp["data"]["login"]["token"].is_string(), "{resp}");
        signed_in += 1;
    }
    assert_eq!(signed_in, 16);
    // Every one waited for one of the two slots; none hashed beside two others.
    assert!((1..=2).contains(&hasher.peak()), "peak {}", hasher.peak());
}

#[tokio::test]
async fn after_n_failures_even_the_right_password_waits_for_the_window() {
    let app = spawn_with_auth(AuthSettings {
        login_failures_per_account: 3,
        ..AuthSettings::default()
    })
    .await;
    world(&app).await;
    for _ in 0..3 {
        let resp = app
            .gql(
                None,
                LOGIN,
                json!({ "e": "cs.a@shop.test", "p": "wrong password" }),
            )
            .await;
        assert_eq!(code(&resp), "UNAUTHENTICATED");
    }
    // The account is known by its normalized e-mail, however it is typed.
    let resp = app
        .gql(
            None,
            LOGIN,
            json!({ "e": " CS.A@shop.test", "p": PASSWORD }),
        )
        .await;
    assert_eq!(code(&resp), "TOO_MANY_REQUESTS", "{resp}");
    let retry_after = resp["errors"][0]["extensions"]["retryAfter"]
        .as_u64()
        .unwrap();
    assert!((1..=900).contains(&retry_after), "retryAfter {retry_after}");
    assert!(resp["data"].is_null(), "{resp}");
    // Another person signs in from the same address as usual.
    app.login("cs.a2@shop.test", PASSWORD).await;
}

#[tokio::test]
async fn successful_logins_do_not_count_toward_the_account_limit() {
    let app = spawn_with_auth(AuthSettings {
        login_failures_per_account: 3,
        ..AuthSettings::default()
    })
    .await;
    world(&app).await;
    for _ in 0..5 {
        app.login("cs.a@shop.test", PASSWORD).await;
    }
    for _ in 0..2 {
        let resp = app
            .gql(
                None,
                LOGIN,
                json!({ "e": "cs.a@shop.test", "p": "wrong password" }),
            )
            .await;
        assert_eq!(code(&resp), "UNAUTHENTICATED");
    }
    app.login("cs.a@shop.test", PASSWORD).await;
}

#[tokio::test]
async fn a_thousand_aliases_in_one_request_evaluate_at_most_the_limit() {
    // The per-request cap lifted, to see the per-account limit count every alias.
    let app = spawn_with_auth(AuthSettings {
        login_failures_per_account: 5,
        max_logins_per_request: 10_000,
        ..AuthSettings::default()
    })
    .await;
    world(&app).await;
    let body = aliased_logins(1000, |_| "cs.a@shop.test".into(), "guess");
    let (_, resp) = app.post(None, &body).await;
    assert_eq!(count(&resp, "UNAUTHENTICATED"), 5);
    assert_eq!(count(&resp, "TOO_MANY_REQUESTS"), 995);

    // By default a request gets three `login` fields, right password or not.
    let app = spawn_with_auth(AuthSettings::default()).await;
    world(&app).await;
    let body = aliased_logins(1000, |_| "cs.a@shop.test".into(), PASSWORD);
    let (_, resp) = app.post(None, &body).await;
    let tokens = (0..1000)
        .filter(|i| resp["data"][format!("a{i}")]["token"].is_string())
        .count();
    assert_eq!(tokens, 3);
    assert_eq!(count(&resp, "TOO_MANY_REQUESTS"), 997);
}

#[tokio::test]
async fn a_batch_of_ten_times_two_hundred_aliases_counts_every_entry() {
    // Spraying 2,000 different e-mails: only the per-address limit can stop it.
    let app = spawn_with_auth(AuthSettings {
        login_attempts_per_address: 20,
        max_logins_per_request: 10_000,
        ..AuthSettings::default()
    })
    .await;
    world(&app).await;
    let batch: Vec<Value> = (0..10)
        .map(|op| aliased_logins(200, |i| format!("user{op}-{i}@shop.test"), "guess"))
        .collect();
    let (_, resp) = app.post(None, &json!(batch)).await;
    let responses = resp.as_array().expect("a batch answer");
    assert_eq!(responses.len(), 10);
    let evaluated: usize = responses.iter().map(|r| count(r, "UNAUTHENTICATED")).sum();
    let throttled: usize = responses
        .iter()
        .map(|r| count(r, "TOO_MANY_REQUESTS"))
        .sum();
    // 4 logins of `world` + 16 guesses = the address's 20.
    assert_eq!((evaluated, throttled), (16, 1984));

    // By default the whole batch gets three `login` fields between its entries.
    let app = spawn_with_auth(AuthSettings::default()).await;
    let (_, resp) = app.post(None, &json!(batch)).await;
    let responses = resp.as_array().expect("a batch answer");
    let evaluated: usize = responses.iter().map(|r| count(r, "UNAUTHENTICATED")).sum();
    let throttled: usize = responses
        .iter()
        .map(|r| count(r, "TOO_MANY_REQUESTS"))
        .sum();
    assert_eq!((evaluated, throttled), (3, 1997));
}

#[tokio::test]
async fn addresses_are_limited_apart_and_forwarded_for_only_from_a_trusted_proxy() {
    let limits = AuthSettings {
        login_attempts_per_address: 5,
        ..AuthSettings::default()
    };
    // Behind a trusted proxy (the tests' 127.0.0.1), X-Forwarded-For names the client.
    let app = spawn_with_auth(AuthSettings {
        trusted_proxies: vec!["127.0.0.1/32".parse().unwrap()],
        ..limits.clone()
    })
    .await;
    world(&app).await;
    // `world` signed in four times from 127.0.0.1 itself, apart.
    for _ in 0..5 {
        let resp = login_from(&app, "203.0.113.1", "cs.a@shop.test", "guess").await;
        assert_eq!(code(&resp), "UNAUTHENTICATED");
    }
    let resp = login_from(&app, "203.0.113.1", "cs.a2@shop.test", PASSWORD).await;
    assert_eq!(code(&resp), "TOO_MANY_REQUESTS");
    // Another client, another account: unaffected; and the first account too, from there.
    let resp = login_from(&app, "203.0.113.2", "cs.a2@shop.test", PASSWORD).await;
    assert!(resp["data"]["login"]["token"].is_string(), "{resp}");
    let resp = login_from(&app, "198.51.100.9", "cs.a@shop.test", PASSWORD).await;
    assert!(resp["data"]["login"]["token"].is_string(), "{resp}");

    // Without a trusted proxy the header is the client's word: changing it gains nothing.
    let app = spawn_with_auth(limits).await;
    for i in 0..5 {
        let resp = login_from(&app, &format!("203.0.113.{i}"), "x@shop.test", "guess").await;
        assert_eq!(code(&resp), "UNAUTHENTICATED");
    }
    let resp = login_from(&app, "203.0.113.99", "x@shop.test", "guess").await;
    assert_eq!(code(&resp), "TOO_MANY_REQUESTS");
}

#[tokio::test]
async fn resetting_or_changing_a_password_ends_the_sessions_it_had() {
    let app = spawn_with(settings()).await;
    let w = world(&app).await;
    let cs_a_second = app.login("cs.a@shop.test", PASSWORD).await;
    app.ok(
        &w.manager_a,
        "mutation($id: ID!) { resetStaffPassword(input: { id: $id, newPassword: \"reset by boss 1\" }) { staff { id } } }",
        json!({ "id": w.cs_a_id }),
    )
    .await;
    for token in [&w.cs_a, &cs_a_second] {
        assert_eq!(
            code(&app.gql(Some(token), ME, json!({})).await),
            "UNAUTHENTICATED"
        );
    }
    let fresh = app.login("cs.a@shop.test", "reset by boss 1").await;
    app.ok(&fresh, ME, json!({})).await;
    // The manager who reset it is still signed in.
    app.ok(&w.manager_a, ME, json!({})).await;

    app.ok(
        &fresh,
        "mutation { changePassword(input: { currentPassword: \"reset by boss 1\", newPassword: \"my own secret\" }) { staff { id } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        code(&app.gql(Some(&fresh), ME, json!({})).await),
        "UNAUTHENTICATED"
    );
    let mine = app.login("cs.a@shop.test", "my own secret").await;
    app.ok(&mine, ME, json!({})).await;
}

#[tokio::test]
async fn a_token_older_than_its_lifetime_is_refused_whatever_its_expiry() {
    let app = spawn_with_auth(AuthSettings {
        token_lifetime_secs: 3600,
        ..AuthSettings::default()
    })
    .await;
    let w = world(&app).await;
    let resp = app
        .gql(
            None,
            "mutation { login(input: { email: \"cs.a@shop.test\", password: \"correct horse battery\" }) { expiresAt } }",
            json!({}),
        )
        .await;
    let expires_at: chrono::DateTime<chrono::Utc> = resp["data"]["login"]["expiresAt"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let lifetime = expires_at - chrono::Utc::now();
    assert!(lifetime <= chrono::Duration::hours(1), "{lifetime}");
    assert!(lifetime > chrono::Duration::minutes(59), "{lifetime}");

    // Signed with the right key, unexpired, but issued `age` seconds ago.
    let now = chrono::Utc::now().timestamp();
    let issued_ago = |age: i64| {
        let claims = json!({
            "sub": w.cs_a_id, "iss": "shopops", "aud": "shopops-api",
            "iat": now - age, "exp": now + 12 * 3600,
        });
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(SECRET.as_bytes()),
        )
        .unwrap()
    };
    app.ok(&issued_ago(50 * 60), ME, json!({})).await;
    let resp = app.gql(Some(&issued_ago(2 * 3600)), ME, json!({})).await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");
}

/// A `login` sent over `/graphql/ws` counts against the client's address as over HTTP: the
/// socket is no way around the address limit.
#[tokio::test]
async fn logins_over_websocket_count_against_the_same_address() {
    let app = spawn_with_auth(AuthSettings {
        login_attempts_per_address: 30,
        ..AuthSettings::default()
    })
    .await;
    let w = world(&app).await;
    // Use up the address's attempts over HTTP, each for another (unknown) account.
    let mut i = 0;
    loop {
        let e = format!("guess{i}@shop.test");
        let resp = app.gql(None, LOGIN, json!({ "e": e, "p": "x" })).await;
        if code(&resp) == "TOO_MANY_REQUESTS" {
            break;
        }
        assert_eq!(code(&resp), "UNAUTHENTICATED");
        i += 1;
        assert!(i <= 30, "the address limit of 30 holds");
    }
    let mut ws = crate::ws::connect(&app.url, &w.cs_a).await;
    let id = ws
        .subscribe(LOGIN, json!({ "e": "another@shop.test", "p": "x" }))
        .await;
    let resp = ws.next(&id).await;
    assert_eq!(code(&resp), "TOO_MANY_REQUESTS", "{resp}");
}
