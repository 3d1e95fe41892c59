//! The functions' own routes, called in process as API Gateway would call them: staff routes as the demo
//! supervisor, portal routes as a demo contact. What the seed makes this way is exactly what staff and
//! contacts would have made (ids, keys, versions, validation).

use serde_json::{json, Value};
use shared::{principal, table::contacts::Contact, Context};

use crate::{
    bench::events::{http_event, Claims, Dispatcher},
    provision::{BoxError, Stack},
};

pub struct Api {
    dispatcher: Dispatcher,
    staff: Claims,
}

/// The `sub` of a user of a pool (the id staff routes record as the actor).
pub async fn user_sub(ctx: &Context, pool_id: &str, username: &str) -> Result<String, BoxError> {
    let user = ctx
        .clients
        .cognito()
        .admin_get_user()
        .user_pool_id(pool_id)
        .username(username)
        .send()
        .await
        .map_err(|e| format!("reading user {username}: {e}"))?;
    user.user_attributes()
        .iter()
        .find(|a| a.name() == "sub")
        .and_then(|a| a.value())
        .map(str::to_owned)
        .ok_or_else(|| format!("user {username} has no sub").into())
}

impl Api {
    /// Acts as `staff_username` (a supervisor: every permission) on staff routes.
    pub async fn new(ctx: &Context, stack: &Stack, staff_username: &str) -> Result<Self, BoxError> {
        let sub = user_sub(ctx, &stack.staff.pool_id, staff_username).await?;
        let staff = Claims::from([
            ("sub".to_owned(), sub),
            (principal::CLAIM_USERNAME.to_owned(), staff_username.to_owned()),
            (
                principal::CLAIM_GROUPS.to_owned(),
                format!("[{}]", shared::permissions::ROLE_SUPERVISOR),
            ),
        ]);
        Ok(Self {
            dispatcher: Dispatcher::new(ctx).await?,
            staff,
        })
    }

    /// The claims the gateway would pass for a contact with portal access.
    pub fn contact(c: &Contact) -> Claims {
        Claims::from([
            ("sub".to_owned(), c.id.to_lowercase()),
            (
                principal::CLAIM_USERNAME.to_owned(),
                c.portal_username.clone().unwrap_or_default(),
            ),
            (principal::CLAIM_CUSTOMER_ID.to_owned(), c.customer_id.clone()),
            (principal::CLAIM_CONTACT_ID.to_owned(), c.id.clone()),
        ])
    }

    /// One request; anything but a 2xx is an error naming the route and the answer.
    pub async fn call(
        &self,
        claims: &Claims,
        method: &str,
        uri: &str,
        body: Option<Value>,
        if_match: Option<u64>,
    ) -> Result<Value, BoxError> {
        let mut event = http_event(method, uri, body.as_ref(), Some(claims));
        if let Some(v) = if_match {
            event["headers"]["if-match"] = json!(shared::extract::etag(v));
        }
        let reply = self.dispatcher.call(&event).await?;
        if !(200..300).contains(&reply.status) {
            return Err(format!("{method} {uri} answered {}: {}", reply.status, reply.body).into());
        }
        Ok(reply.body)
    }

    pub async fn staff(&self, method: &str, uri: &str, body: Value) -> Result<Value, BoxError> {
        self.call(&self.staff, method, uri, Some(body), None).await
    }

    /// Creates a record through a staff route, then waits a moment: ids are ULIDs, ordered only to the
    /// millisecond, and lists show the newest first, so each demo record must be later than the last.
    pub async fn create(&self, uri: &str, body: Value) -> Result<Value, BoxError> {
        let created = self.staff("POST", uri, body).await?;
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        Ok(created)
    }

    /// A staff request on a record read at `version` (the `If-Match` it carries).
    pub async fn staff_at(&self, method: &str, uri: &str, version: u64) -> Result<Value, BoxError> {
        self.call(&self.staff, method, uri, None, Some(version)).await
    }

    /// A staff change with a body to a record read at `version`.
    pub async fn staff_put(&self, uri: &str, body: Value, version: u64) -> Result<Value, BoxError> {
        self.call(&self.staff, "PUT", uri, Some(body), Some(version)).await
    }

    pub async fn staff_get(&self, uri: &str) -> Result<Value, BoxError> {
        self.call(&self.staff, "GET", uri, None, None).await
    }

    /// Every item of a paginated list, page by page.
    pub async fn all(&self, claims: Option<&Claims>, uri: &str) -> Result<Vec<Value>, BoxError> {
        let claims = claims.unwrap_or(&self.staff);
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..100 {
            let join = if uri.contains('?') { '&' } else { '?' };
            let page_uri = match &cursor {
                Some(c) => format!("{uri}{join}limit=100&cursor={c}"),
                None => format!("{uri}{join}limit=100"),
            };
            let page = self.call(claims, "GET", &page_uri, None, None).await?;
            items.extend(page["items"].as_array().cloned().unwrap_or_default());
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        Ok(items)
    }
}
