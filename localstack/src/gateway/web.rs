//! The browser app (`web/dist`) as the local gateway serves it beside the API, from one origin as
//! CloudFront does in production: real files where they exist, `index.html` for the app's own routes,
//! and on every response the security headers of the production response-headers policy
//! (`infra/template.yaml`, `WebSecurityHeaders`; `tests/tests/infra.rs` keeps the two equal).

use std::{
    convert::Infallible,
    path::{Path, PathBuf},
    sync::Arc,
};

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};
use shared::error::ApiError;
use tower::Layer;
use tower::ServiceExt;
use tower_http::{
    compression::CompressionLayer,
    services::{ServeDir, ServeFile},
};

/// The Content-Security-Policy: no inline script or style, nothing from another origin but the documents
/// bucket's (`documents`), which presigned uploads and links reach straight from the browser (`connect-src`
/// for an upload, `img-src` and `frame-src` for a document shown inline); the app is never framed.
pub fn content_security_policy(documents: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: {documents}; font-src 'self'; \
         connect-src 'self' {documents}; frame-src 'self' blob: {documents}; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains; preload";
pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";
pub const FRAME_OPTIONS: &str = "DENY";

/// The headers every response carries, here as behind CloudFront.
pub fn security_headers(documents: &str) -> Vec<(&'static str, String)> {
    vec![
        ("content-security-policy", content_security_policy(documents)),
        ("strict-transport-security", STRICT_TRANSPORT_SECURITY.into()),
        ("x-content-type-options", "nosniff".into()),
        ("referrer-policy", REFERRER_POLICY.into()),
        ("x-frame-options", FRAME_OPTIONS.into()),
    ]
}

/// The origin presigned document links point at: the S3 emulator's locally (`AWS_ENDPOINT_URL_S3`, else
/// `AWS_ENDPOINT_URL`), the bucket's regional host on AWS.
pub fn documents_origin(bucket: &str, region: &str) -> String {
    let endpoint = std::env::var("AWS_ENDPOINT_URL_S3")
        .or_else(|_| std::env::var("AWS_ENDPOINT_URL"))
        .ok();
    match endpoint.and_then(|e| e.parse::<axum::http::Uri>().ok()) {
        Some(uri) => format!(
            "{}://{}",
            uri.scheme_str().unwrap_or("http"),
            uri.authority().map(|a| a.as_str()).unwrap_or_default()
        ),
        None => format!("https://{bucket}.s3.{region}.amazonaws.com"),
    }
}

/// Hashed build output under `/assets/` never changes under its name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (`index.html` above all) is revalidated, so a deployment shows at the next load.
pub const REVALIDATE: &str = "no-cache";

/// Paths the API owns: they answer problem documents, never the app.
pub fn is_api(path: &str) -> bool {
    path.starts_with("/portal/") || path.starts_with("/admin/") || path.starts_with("/openapi.json")
}

/// A route of the app itself (answered with `index.html`): outside the API, and no file extension in
/// its last segment. CloudFront's viewer-request function (`SpaRewriteFunction`) applies the same rule.
pub fn is_client_route(path: &str) -> bool {
    !is_api(path) && !path.rsplit('/').next().unwrap_or_default().contains('.')
}

/// Where the built app is: `WEB_DIST`, else `web/dist` under the current directory (the scripts run from
/// the repository root), else under the workspace this binary was built from.
pub fn dist_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("WEB_DIST").filter(|d| !d.is_empty()) {
        return dir.into();
    }
    let here = PathBuf::from("web/dist");
    if here.is_dir() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(|root| root.join("web/dist"))
        .unwrap_or(here)
}

/// Sets the security headers on every response (the gateway's outermost layer).
pub async fn secure(
    headers: axum::extract::State<Arc<Vec<(&'static str, String)>>>,
    mut response: Response,
) -> Response {
    for (name, value) in headers.iter() {
        if let Ok(value) = HeaderValue::from_str(value) {
            response.headers_mut().insert(*name, value);
        }
    }
    response
}

fn plain(status: StatusCode, text: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// Answers a request no API route took: a file of the app, `index.html` for an app route, a problem
/// document for an unknown API path. Whether the app is built is checked per request, so building it
/// while the gateway runs is enough.
pub async fn serve(dist: Arc<PathBuf>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    if is_api(&path) {
        return ApiError::NotFound.into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return ApiError::MethodNotAllowed.into_response();
    }
    let index = dist.join("index.html");
    if !index.is_file() {
        let text = format!(
            "The web app is not built: nothing at {}.\nBuild it (cd web && npm ci && npm run build), then reload.\n",
            index.display()
        );
        return plain(StatusCode::SERVICE_UNAVAILABLE, text);
    }
    let app_route = tower::service_fn(move |req: Request| {
        let index = index.clone();
        async move {
            if is_client_route(req.uri().path()) {
                match ServeFile::new(index).oneshot(req).await {
                    Ok(r) => Ok::<_, Infallible>(r.map(Body::new)),
                    Err(e) => match e {},
                }
            } else {
                Ok(plain(StatusCode::NOT_FOUND, "Not found\n".into()))
            }
        }
    });
    // Compressed for clients that accept it, as CloudFront does (`Compress: true`).
    let files = CompressionLayer::new().layer(ServeDir::new(dist.as_path()).fallback(app_route));
    let mut response = match files.oneshot(req).await {
        Ok(r) => r.map(Body::new),
        Err(e) => match e {},
    };
    let cache = if path.starts_with("/assets/") && response.status().is_success() {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_routes_are_extensionless_paths_outside_the_api() {
        for path in [
            "/",
            "/tickets",
            "/tickets/01JD0000000000000000000ZZZ",
            "/activate",
            "/documents/",
        ] {
            assert!(is_client_route(path), "{path}");
        }
        for path in [
            "/portal/me",
            "/admin/customers",
            "/openapi.json",
            "/assets/index-3f2a.js",
            "/favicon.ico",
            "/portal/nope",
        ] {
            assert!(!is_client_route(path), "{path}");
        }
    }

    #[test]
    fn the_policy_allows_nothing_inline_and_no_framing() {
        let csp = content_security_policy("http://127.0.0.1:4566");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && !csp.contains('*'));
        assert!(csp.contains("script-src 'self';") && csp.contains("connect-src 'self' http://127.0.0.1:4566;"));
        assert!(csp.ends_with("frame-ancestors 'none'") && !csp.contains("  "), "{csp}");
    }
}
