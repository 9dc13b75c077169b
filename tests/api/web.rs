//! The web app and GraphiQL, served from the files embedded in the binary; CORS for the
//! configured origins only.

use reqwest::{Method, StatusCode, header};
use shopops::config::Settings;

use crate::helpers::{TestApp, settings, spawn_app, spawn_with};

async fn get(
    app: &TestApp,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> reqwest::Response {
    let mut request = app.client.get(format!("{}{path}", app.url));
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    request.send().await.unwrap()
}

fn header(response: &reqwest::Response, name: header::HeaderName) -> &str {
    response
        .headers()
        .get(&name)
        .map_or("", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn the_app_is_served_at_the_root_and_at_its_routes() {
    let app = spawn_app().await;
    let index = include_str!("../../web/dist/index.html");
    for path in ["/", "/tasks", "/cs/ranking"] {
        let page = get(&app, path, &[]).await;
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&page, header::CONTENT_TYPE), "text/html", "{path}");
        assert_eq!(header(&page, header::CACHE_CONTROL), "no-cache", "{path}");
        assert!(
            header(&page, header::CONTENT_SECURITY_POLICY).contains("default-src 'self'"),
            "{path}"
        );
        assert_eq!(page.text().await.unwrap(), index, "{path}");
    }
    // A file that is not there is not the app: a missing script must not come back as HTML.
    for path in ["/assets/missing.js", "/favicon-missing.png"] {
        assert_eq!(
            get(&app, path, &[]).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // Not a GET: the API's paths are the only ones that take a POST.
    let post = app
        .client
        .post(format!("{}/tasks", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
}

/// The app's largest script, as built: its name, its bytes and its gzip.
fn largest_script() -> (String, Vec<u8>, Vec<u8>) {
    let dir = format!("{}/web/dist/assets", env!("CARGO_MANIFEST_DIR"));
    let read = |n: &str| std::fs::read(format!("{dir}/{n}")).unwrap();
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".js"))
        .max_by_key(|n| read(n).len())
        .expect("a script");
    let gz = read(&format!("{name}.gz"));
    (name.clone(), read(&name), gz)
}

#[tokio::test]
async fn files_are_revalidated_by_etag_and_sent_gzipped_as_built() {
    let app = spawn_app().await;
    let first = get(&app, "/", &[]).await;
    let etag = header(&first, header::ETAG).to_owned();
    assert!(
        etag.starts_with('"') && etag.len() == 66,
        "a quoted SHA-256: {etag}"
    );
    let again = get(&app, "/", &[(header::IF_NONE_MATCH, &etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.text().await.unwrap(), "");
    let other = get(&app, "/", &[(header::IF_NONE_MATCH, "\"something-else\"")]).await;
    assert_eq!(other.status(), StatusCode::OK);

    // A script: cached for a year, and its build-time gzip to a browser that takes gzip
    // (reqwest is built without gzip, so the bytes are seen as sent).
    let (name, plain, gz) = largest_script();
    let path = format!("/assets/{name}");
    let gzipped = get(
        &app,
        &path,
        &[(header::ACCEPT_ENCODING, "gzip, deflate, br")],
    )
    .await;
    assert_eq!(header(&gzipped, header::CONTENT_ENCODING), "gzip");
    assert_eq!(header(&gzipped, header::CONTENT_TYPE), "text/javascript");
    assert_eq!(header(&gzipped, header::VARY), "accept-encoding");
    assert_eq!(
        header(&gzipped, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    let gzip_etag = header(&gzipped, header::ETAG).to_owned();
    assert_eq!(gzipped.bytes().await.unwrap().as_ref(), gz.as_slice());
    let identity = get(
        &app,
        &path,
        &[(header::ACCEPT_ENCODING, "br;q=1, gzip;q=0")],
    )
    .await;
    assert_eq!(header(&identity, header::CONTENT_ENCODING), "");
    assert_ne!(
        header(&identity, header::ETAG),
        gzip_etag,
        "an ETag per encoding"
    );
    assert_eq!(identity.bytes().await.unwrap().as_ref(), plain.as_slice());
}

#[tokio::test]
async fn graphiql_is_served_from_the_binary() {
    let app = spawn_app().await;
    let page = get(&app, "/graphql", &[]).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(
        page.text().await.unwrap(),
        include_str!("../../web/dist/graphiql.html")
    );
}

async fn preflight(app: &TestApp, origin: &str) -> reqwest::Response {
    app.client
        .request(Method::OPTIONS, format!("{}/graphql", app.url))
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "authorization, content-type",
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn cors_answers_the_configured_origins_only() {
    let dashboards = "https://dash.example.com";
    let off = spawn_app().await;
    let resp = preflight(&off, dashboards).await;
    assert_eq!(
        header(&resp, header::ACCESS_CONTROL_ALLOW_ORIGIN),
        "",
        "off by default"
    );

    let on = spawn_with(Settings {
        cors_origins: vec![dashboards.to_owned()],
        ..settings()
    })
    .await;
    let resp = preflight(&on, dashboards).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        header(&resp, header::ACCESS_CONTROL_ALLOW_ORIGIN),
        dashboards
    );
    let allowed = header(&resp, header::ACCESS_CONTROL_ALLOW_HEADERS).to_owned();
    assert!(
        allowed.contains("authorization") && allowed.contains("content-type"),
        "{allowed}"
    );
    let resp = preflight(&on, "https://evil.example.com").await;
    assert_eq!(header(&resp, header::ACCESS_CONTROL_ALLOW_ORIGIN), "");

    // The actual request from the allowed origin carries the header too.
    let resp = on
        .client
        .post(format!("{}/graphql", on.url))
        .header(header::ORIGIN, dashboards)
        .json(&serde_json::json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&resp, header::ACCESS_CONTROL_ALLOW_ORIGIN),
        dashboards
    );
}

#[test]
fn origins_are_checked_when_configured() {
    use shopops::config::parse_origin;
    assert_eq!(
        parse_origin(" https://Dash.example.com:8443 ").unwrap(),
        "https://dash.example.com:8443"
    );
    for bad in [
        "dash.example.com",
        "https://dash.example.com/",
        "https://x.com/path",
        "ftp://x.com",
        "https://",
    ] {
        assert!(parse_origin(bad).is_err(), "{bad}");
    }
}
