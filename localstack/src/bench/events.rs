//! Requests as a function receives them: API Gateway v2 events with the claims the JWT authorizer
//! would pass, for the demo contact and the demo supervisor, and an in-process dispatcher that hands
//! an event to the right function's router through `lambda_http`'s own event conversion.

use std::collections::HashMap;

use axum::Router;
use serde_json::{json, Value};
use shared::Context;
use tower::ServiceExt;

use crate::{
    cognito,
    functions::{self, Function},
    gateway::{guard_for, jwt::unverified_claims, Guard},
    provision::{BoxError, Stack},
    seed,
};

pub type Claims = HashMap<String, String>;

/// Who the benchmark acts as: a portal contact of the first demo customer and the staff supervisor.
pub struct Callers {
    /// The contact's ID token, for requests through the gateway; `portal` is its claims.
    pub portal_token: String,
    pub portal: Claims,
    pub staff: Claims,
    pub customer_id: String,
}

impl Callers {
    pub async fn sign_in(ctx: &Context, stack: &Stack) -> Result<Self, BoxError> {
        let claims = |token: &str| unverified_claims(token).ok_or_else(|| BoxError::from("unreadable ID token"));
        let cognito = ctx.clients.cognito();
        let portal = cognito::sign_in(
            cognito,
            &stack.portal,
            "alice.acme",
            seed::DEMO_PASSWORD,
            cognito::EMULATOR_TOTP_SECRET,
        )
        .await?;
        let staff = cognito::sign_in(
            cognito,
            &stack.staff,
            "supervisor",
            seed::DEMO_PASSWORD,
            cognito::EMULATOR_TOTP_SECRET,
        )
        .await?;
        let portal_token = portal.id_token;
        let portal = claims(&portal_token)?;
        let customer_id = portal
            .get(shared::principal::CLAIM_CUSTOMER_ID)
            .cloned()
            .ok_or("no customer claim")?;
        Ok(Self {
            portal_token,
            portal,
            staff: claims(&staff.id_token)?,
            customer_id,
        })
    }

    /// The claims the gateway would attach on this path (none on public routes).
    pub fn for_path(&self, path: &str) -> Option<&Claims> {
        match guard_for(path) {
            Guard::Portal => Some(&self.portal),
            Guard::Staff => Some(&self.staff),
            Guard::None => None,
        }
    }
}

/// An API Gateway v2 (HTTP API, payload 2.0) event for `method uri`.
pub fn http_event(method: &str, uri: &str, body: Option<&Value>, claims: Option<&Claims>) -> Value {
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    let now = time::OffsetDateTime::now_utc();
    let mut headers =
        json!({ "accept": "application/json", "host": "api.portal.example.com", "user-agent": "portal-bench" });
    if body.is_some() {
        headers["content-type"] = json!("application/json");
    }
    let mut context = json!({
        "accountId": "000000000000",
        "apiId": "bench",
        "domainName": "api.portal.example.com",
        "domainPrefix": "api",
        "http": { "method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.7", "userAgent": "portal-bench" },
        "requestId": ulid::Ulid::new().to_string(),
        "routeKey": "$default",
        "stage": "$default",
        "time": "24/Nov/2026:07:00:00 +0000",
        "timeEpoch": now.unix_timestamp() * 1000,
    });
    if let Some(claims) = claims {
        context["authorizer"] = json!({ "jwt": { "claims": claims, "scopes": null } });
    }
    let mut event = json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": query,
        "headers": headers,
        "requestContext": context,
        "isBase64Encoded": false,
    });
    if let Some(body) = body {
        event["body"] = json!(body.to_string());
    }
    event
}

/// Whether a concrete path matches an OpenAPI path template such as `/portal/tickets/{id}`.
pub fn matches(template: &str, path: &str) -> bool {
    let (t, p): (Vec<_>, Vec<_>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter()
            .zip(&p)
            .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
}

/// Every function's router, called in-process with the exact request `lambda_http` builds from an event.
pub struct Dispatcher {
    pub functions: Vec<Function>,
}

pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Dispatcher {
    pub async fn new(ctx: &Context) -> Result<Self, BoxError> {
        Ok(Self {
            functions: functions::all(ctx).await?,
        })
    }

    pub fn function_for(&self, path: &str) -> Option<&Function> {
        self.functions
            .iter()
            .find(|f| f.openapi.paths.paths.keys().any(|t| matches(t, path)))
    }

    pub async fn call(&self, event: &Value) -> Result<Reply, BoxError> {
        let path = event["rawPath"].as_str().unwrap_or_default();
        let router: Router = self
            .function_for(path)
            .map(|f| f.router.clone())
            .ok_or_else(|| format!("no function serves {path}"))?;
        let request = lambda_http::request::from_str(&event.to_string())?;
        let response = router.oneshot(request).await?;
        let status = response.status().as_u16();
        let bytes = http_body_util::BodyExt::collect(response.into_body()).await?.to_bytes();
        Ok(Reply {
            status,
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        })
    }

    pub async fn get(&self, callers: &Callers, uri: &str) -> Result<Reply, BoxError> {
        let path = uri.split('?').next().unwrap_or(uri);
        self.call(&http_event("GET", uri, None, callers.for_path(path))).await
    }
}

/// The first `id` found inside a listing (items, a folder tree), skipping the top level.
pub fn first_id(v: &Value) -> Option<String> {
    fn walk(v: &Value, depth: usize) -> Option<String> {
        match v {
            Value::Object(map) => {
                if depth > 0 {
                    if let Some(Value::String(id)) = map.get("id") {
                        return Some(id.clone());
                    }
                }
                map.values().find_map(|v| walk(v, depth + 1))
            }
            Value::Array(items) => items.iter().find_map(|v| walk(v, depth + 1)),
            _ => None,
        }
    }
    walk(v, 0)
}

/// A concrete URI for a route template: the customer's id for `{customer_id}` and `/admin/customers/{id}`,
/// and for any other `{id}` the first id its collection lists (a fresh id, answering 404, when it lists none).
pub async fn resolve(dispatcher: &Dispatcher, callers: &Callers, template: &str) -> String {
    let mut path = template.replace("{customer_id}", &callers.customer_id);
    if let Some(rest) = path.strip_prefix("/admin/customers/{id}") {
        path = format!("/admin/customers/{}{rest}", callers.customer_id);
    }
    while let Some(at) = path.find("/{id}") {
        let collection = match &path[..at] {
            "/admin/contacts" => format!("/admin/customers/{}/contacts", callers.customer_id),
            other => other.to_owned(),
        };
        let id = match dispatcher.get(callers, &collection).await {
            Ok(reply) if reply.status == 200 => first_id(&reply.body),
            _ => None,
        };
        let id = id.unwrap_or_else(|| ulid::Ulid::new().to_string());
        path = format!("{}/{id}{}", &path[..at], &path[at + "/{id}".len()..]);
    }
    // A search needs its words to answer 200.
    if template == "/portal/search" {
        path.push_str("?q=acme+house");
    }
    path
}
