//! The web app and the GraphiQL page: the files `web/` builds into `web/dist`, embedded in the
//! binary when it is compiled, so that `shopops serve` needs nothing beside it. Built files are
//! committed (README, "The web app"), so that a build needs no Node.js.
//!
//! `/assets/…` are content-hashed: cached for a year. The HTML pages are revalidated on each
//! visit (their ETag is the file's digest), so a new release is picked up at once. Any other
//! path without a file extension is a route of the app: it gets `index.html`. A browser that
//! accepts gzip gets the `.gz` the build wrote beside a file (compressed once, at build time).

use std::borrow::Cow;

use axum::{
    body::Body,
    http::{HeaderMap, HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Response},
};
use rust_embed::{Embed, EmbeddedFile};

#[derive(Embed)]
#[folder = "web/dist"]
struct Dist;

/// What the browser may load and connect to: only this origin (and its WebSocket), styles
/// inline too (Ant Design writes its styles at run time), workers from blobs (GraphiQL's editor).
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
     connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'none'; \
     base-uri 'self'; form-action 'self'";

/// `GET` on any path the API does not claim: a file of the app, or the app for one of its
/// routes.
pub async fn app(uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    if let Some(file) = Dist::get(path).filter(|_| !path.is_empty()) {
        return file_response(path, file, &headers);
    }
    let is_route =
        !path.starts_with("assets/") && !path.rsplit('/').next().unwrap_or("").contains('.');
    if is_route {
        page("index.html", &headers)
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

/// `GET /graphql`: GraphiQL, served from the binary like the app.
pub async fn graphiql(headers: HeaderMap) -> Response {
    page("graphiql.html", &headers)
}

fn page(name: &str, headers: &HeaderMap) -> Response {
    match Dist::get(name) {
        Some(file) => file_response(name, file, headers),
        // Only a binary built without `web/dist` lacks it (the build embeds what is there).
        None => (
            StatusCode::NOT_FOUND,
            format!("{name} was not built into this binary"),
        )
            .into_response(),
    }
}

fn file_response(path: &str, file: EmbeddedFile, headers: &HeaderMap) -> Response {
    let gzipped = Dist::get(&format!("{path}.gz"));
    let varies = gzipped.is_some();
    let mime = file.metadata.mimetype().to_owned();
    let (file, encoding) = match gzipped.filter(|_| accepts_gzip(headers)) {
        Some(gz) => (gz, Some("gzip")),
        None => (file, None),
    };
    // Each encoding has its own ETag: the digest of the bytes sent.
    let digest: String = file
        .metadata
        .sha256_hash()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let etag = format!("\"{digest}\"");
    let cache = if path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let body = match file.data {
            Cow::Borrowed(bytes) => Body::from(bytes),
            Cow::Owned(bytes) => Body::from(bytes),
        };
        let mut response = Response::new(body);
        if let Ok(mime) = HeaderValue::from_str(&mime) {
            response.headers_mut().insert(header::CONTENT_TYPE, mime);
        }
        if let Some(encoding) = encoding {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    };
    let out = response.headers_mut();
    if varies {
        out.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        out.insert(header::ETAG, etag);
    }
    out.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    out.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if path.ends_with(".html") {
        out.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
    }
    response
}

/// Whether `Accept-Encoding` takes gzip (`gzip` or `*`, with a weight above 0).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    let Some(accepted) = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    accepted.split(',').any(|coding| {
        let mut parts = coding.split(';');
        let name = parts.next().unwrap_or("").trim();
        let weight = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        (name.eq_ignore_ascii_case("gzip") || name == "*") && weight > 0.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(value: &str) -> bool {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        accepts_gzip(&headers)
    }

    #[test]
    fn gzip_is_sent_only_where_it_is_accepted() {
        assert!(accepts("gzip, deflate, br, zstd"));
        assert!(accepts("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts("*"));
        assert!(!accepts("gzip;q=0, br"));
        assert!(!accepts("br, deflate"));
        assert!(!accepts(""));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
