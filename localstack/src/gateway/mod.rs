//! The local gateway: plays API Gateway's part in front of every function's router. It routes each
//! route of each function's OpenAPI document to that function, verifies bearer tokens with the right
//! pool's authorizer and hands the function the same request context API Gateway would. Like CloudFront
//! in production, it also serves the web app (`web.rs`) from the same origin.

pub mod jwt;
pub mod web;

use std::{net::SocketAddr, path::PathBuf, sync::Arc};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::header,
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use lambda_http::request::RequestContext;
use shared::{error::ApiError, Context};
use tower::ServiceExt;

use crate::{functions, provision::Stack};
pub use jwt::Authorizer;

pub struct Authorizers {
    pub portal: Authorizer,
    pub staff: Authorizer,
}

impl Authorizers {
    pub fn for_stack(stack: &Stack, endpoint: &str) -> Self {
        Self {
            portal: Authorizer::for_pool(endpoint, &stack.region, &stack.portal.pool_id, &stack.portal.client_id),
            staff: Authorizer::for_pool(endpoint, &stack.region, &stack.staff.pool_id, &stack.staff.client_id),
        }
    }
}

/// Which authorizer guards a path, as the SAM template attaches them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    None,
    Portal,
    Staff,
}

pub fn guard_for(path: &str) -> Guard {
    if path.starts_with("/portal/auth/") {
        Guard::None
    } else if path.starts_with("/portal/") {
        Guard::Portal
    } else if path.starts_with("/admin/") {
        Guard::Staff
    } else {
        Guard::None
    }
}

/// The gateway with the web app from [`web::dist_dir`].
pub async fn app(ctx: &Context, authorizers: Arc<Authorizers>) -> Result<Router, shared::config::MissingSetting> {
    app_serving(ctx, authorizers, web::dist_dir()).await
}

/// The gateway serving the built web app in `dist` at `/`.
pub async fn app_serving(
    ctx: &Context,
    authorizers: Arc<Authorizers>,
    dist: PathBuf,
) -> Result<Router, shared::config::MissingSetting> {
    let mut router = Router::new().route("/openapi.json", get(|| async { Json(functions::openapi_document()) }));
    for f in functions::all(ctx).await? {
        // Each route goes to its function as an opaque service, as API Gateway integrates a Lambda.
        let function = f.router;
        let integration = tower::service_fn(move |req: Request| function.clone().oneshot(invocation(req)));
        for path in f.openapi.paths.paths.keys() {
            router = router.route_service(path, integration.clone());
        }
    }
    let dist = Arc::new(dist);
    let bucket = ctx.config.bucket_name.clone().unwrap_or_default();
    let region = ctx
        .clients
        .s3()
        .config()
        .region()
        .map(|r| r.to_string())
        .unwrap_or_default();
    let headers = Arc::new(web::security_headers(&web::documents_origin(&bucket, &region)));
    Ok(router
        .fallback(move |req: Request| web::serve(dist.clone(), req))
        .layer(middleware::from_fn_with_state(authorizers, authorize))
        .layer(middleware::map_response_with_state(headers, web::secure)))
}

async fn authorize(State(auth): State<Arc<Authorizers>>, mut req: Request, next: Next) -> Response {
    let authorizer = match guard_for(req.uri().path()) {
        Guard::None => None,
        Guard::Portal => Some(&auth.portal),
        Guard::Staff => Some(&auth.staff),
    };
    let claims = match authorizer {
        None => None,
        Some(a) => {
            let header = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
            match a.verify(header).await {
                Ok(claims) => Some(claims),
                Err(_) => return ApiError::Unauthorized.into_response(),
            }
        }
    };
    let context = request_context(&req, claims);
    req.extensions_mut().insert(context);
    next.run(req).await
}

/// The API Gateway v2 request context, built through its JSON form (its types are not constructible
/// outside their crate), so a function sees exactly what it would see on AWS.
fn request_context(req: &Request, claims: Option<std::collections::HashMap<String, String>>) -> RequestContext {
    let now = time::OffsetDateTime::now_utc();
    let source_ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let user_agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut ctx = serde_json::json!({
        "routeKey": "$default",
        "accountId": "000000000000",
        "stage": "$default",
        "requestId": ulid::Ulid::new().to_string(),
        "apiId": "local",
        "domainName": "127.0.0.1",
        "domainPrefix": "local",
        "time": now.format(&time::format_description::well_known::Rfc2822).unwrap_or_default(),
        "timeEpoch": now.unix_timestamp() * 1000 + i64::from(now.millisecond()),
        "http": {
            "method": req.method().as_str(),
            "path": req.uri().path(),
            "protocol": "HTTP/1.1",
            "sourceIp": source_ip,
            "userAgent": user_agent,
        },
    });
    if let Some(claims) = claims {
        ctx["authorizer"] = serde_json::json!({ "jwt": { "claims": claims, "scopes": null } });
    }
    match serde_json::from_value(ctx) {
        Ok(c) => RequestContext::ApiGatewayV2(c),
        Err(e) => {
            tracing::error!(error = %e, "could not build a request context");
            RequestContext::ApiGatewayV2(Default::default())
        }
    }
}

/// The request as a function receives it: method, URI, headers, body and the request context, and none
/// of the gateway's own routing state (the function matches the route itself, as behind API Gateway).
fn invocation(req: Request) -> Request {
    let (parts, body) = req.into_parts();
    let mut out = Request::new(body);
    *out.method_mut() = parts.method;
    *out.uri_mut() = parts.uri;
    *out.version_mut() = parts.version;
    *out.headers_mut() = parts.headers;
    if let Some(context) = parts.extensions.get::<RequestContext>() {
        out.extensions_mut().insert(context.clone());
    }
    out
}

/// Serves the gateway until the process is stopped.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await
}
