//! The news capability.

use std::collections::HashSet;

use axum::{extract::State, http::StatusCode, Json, Router};
use serde::{Deserialize, Serialize};
use shared::{
    error::{ApiError, ApiResult, FieldError},
    extract::{IfMatch, JsonBody, PathId, QueryParams},
    ids,
    openapi::{Problems, SecuritySchemes},
    pagination::{Page, PageParams},
    principal::{can, module, Portal, PortalPrincipal, Staff},
    table::{
        keys,
        news::{Audience, Dismissal, NewsItem},
        QuerySpec,
    },
    validate::{Checks, Validate, MAX_NAME},
    Context,
};
use time::OffsetDateTime;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

/// How many recent items the portal considers (news is announcements, not an archive).
const RECENT: u32 = 100;

#[derive(Debug, Serialize, ToSchema)]
pub struct PortalNews {
    pub id: String,
    pub title: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
}

impl From<NewsItem> for PortalNews {
    fn from(n: NewsItem) -> Self {
        Self { id: n.id, title: n.title, body: n.body, starts_at: n.starts_at }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewsInput {
    pub title: String,
    pub body: String,
    pub audience: Audience,
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub ends_at: Option<OffsetDateTime>,
}

impl Validate for NewsInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("title", &self.title, MAX_NAME);
        c.required("body", &self.body, 20_000);
        if self.ends_at.is_some_and(|e| e <= self.starts_at) {
            errors.push(FieldError::new("ends_at", "must be after starts_at"));
        }
        if let Audience::Customers { customer_ids } = &self.audience {
            if customer_ids.is_empty() || customer_ids.len() > 500 || customer_ids.iter().any(|c| !shared::ids::is_valid(c)) {
                errors.push(FieldError::new("audience.customer_ids", "must list 1 to 500 customer ids"));
            }
        }
    }
}

/// Customer ids as stored (ULIDs are accepted in either case).
fn normalised(a: Audience) -> Audience {
    match a {
        Audience::Customers { customer_ids } => Audience::Customers { customer_ids: customer_ids.into_iter().map(|c| c.to_ascii_uppercase()).collect() },
        all => all,
    }
}

/// The recent items shown to this contact's company now, split by whether the contact dismissed them.
async fn shown(ctx: &Context, who: &PortalPrincipal) -> ApiResult<(Vec<NewsItem>, Vec<NewsItem>)> {
    let mut spec = QuerySpec::table(keys::NEWS.into(), keys::NEWS_PREFIX);
    spec.newest_first = true;
    let recent = ctx.table.query_page::<NewsItem>(&spec, &PageParams { limit: Some(RECENT), cursor: None }).await?;
    let prefix = keys::dismissals(&who.contact_id);
    let dismissed_spec = QuerySpec::table(keys::customer(&who.customer_id), &prefix);
    let dismissed: HashSet<String> = ctx
        .table
        .query_page::<Dismissal>(&dismissed_spec, &PageParams { limit: Some(100), cursor: None })
        .await?
        .items
        .into_iter()
        .map(|d| d.news_id)
        .collect();
    let now = OffsetDateTime::now_utc();
    Ok(recent.items.into_iter().filter(|n| n.shown_to(&who.customer_id, now)).partition(|n| !dismissed.contains(&n.id)))
}

/// Active news for this contact's company, newest first, minus what the contact dismissed.
#[utoipa::path(get, path = "/portal/news", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Vec<PortalNews>), Problems))]
pub async fn portal_list(State(ctx): State<Context>, Portal(who, _): Portal<module::News>) -> ApiResult<Json<Vec<PortalNews>>> {
    Ok(Json(shown(&ctx, &who).await?.0.into_iter().map(PortalNews::from).collect()))
}

/// Active news the contact dismissed (the announcement icon).
#[utoipa::path(get, path = "/portal/news/dismissed", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Vec<PortalNews>), Problems))]
pub async fn portal_dismissed(State(ctx): State<Context>, Portal(who, _): Portal<module::News>) -> ApiResult<Json<Vec<PortalNews>>> {
    Ok(Json(shown(&ctx, &who).await?.1.into_iter().map(PortalNews::from).collect()))
}

/// Hides an item from this contact's news list; it stays under `/portal/news/dismissed`.
#[utoipa::path(post, path = "/portal/news/{id}/dismiss", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "News id")), responses((status = 204), Problems))]
pub async fn portal_dismiss(State(ctx): State<Context>, Portal(who, _): Portal<module::News>, PathId(id): PathId) -> ApiResult<StatusCode> {
    let item: NewsItem = ctx.table.get(keys::NEWS.into(), keys::news(&id)).await?.ok_or(ApiError::NotFound)?;
    if !item.shown_to(&who.customer_id, OffsetDateTime::now_utc()) {
        return Err(ApiError::NotFound);
    }
    let d = Dismissal { customer_id: who.customer_id.clone(), contact_id: who.contact_id.clone(), news_id: id, at: OffsetDateTime::now_utc() };
    ctx.table.put(&d).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/admin/news", tag = "staff", security(("staff" = [])), params(PageParams),
    responses((status = 200, body = Page<NewsItem>), Problems))]
pub async fn staff_list(State(ctx): State<Context>, _s: Staff<can::ManageNews>, QueryParams(page): QueryParams<PageParams>) -> ApiResult<Json<Page<NewsItem>>> {
    let mut spec = QuerySpec::table(keys::NEWS.into(), keys::NEWS_PREFIX);
    spec.newest_first = true;
    Ok(Json(ctx.table.query_page(&spec, &page).await?))
}

#[utoipa::path(post, path = "/admin/news", tag = "staff", security(("staff" = [])), request_body = NewsInput,
    responses((status = 201, body = NewsItem), Problems))]
pub async fn staff_create(State(ctx): State<Context>, _s: Staff<can::ManageNews>, JsonBody(input): JsonBody<NewsInput>) -> ApiResult<(StatusCode, Json<NewsItem>)> {
    let now = OffsetDateTime::now_utc();
    let item = NewsItem { id: ids::new_id(), title: input.title.trim().into(), body: input.body, audience: normalised(input.audience), starts_at: input.starts_at, ends_at: input.ends_at, created_at: now, updated_at: now, version: 1 };
    ctx.table.transact_or(vec![ctx.table.put_new(&item)?], |_| ApiError::Conflict("exists".into())).await?;
    Ok((StatusCode::CREATED, Json(item)))
}

#[utoipa::path(get, path = "/admin/news/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "News id")), responses((status = 200, body = NewsItem), Problems))]
pub async fn staff_get(State(ctx): State<Context>, _s: Staff<can::ManageNews>, PathId(id): PathId) -> ApiResult<Json<NewsItem>> {
    Ok(Json(ctx.table.get(keys::NEWS.into(), keys::news(&id)).await?.ok_or(ApiError::NotFound)?))
}

#[utoipa::path(put, path = "/admin/news/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "News id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = NewsInput, responses((status = 200, body = NewsItem), Problems))]
pub async fn staff_update(State(ctx): State<Context>, _s: Staff<can::ManageNews>, PathId(id): PathId, IfMatch(v): IfMatch, JsonBody(input): JsonBody<NewsInput>) -> ApiResult<Json<NewsItem>> {
    let updated = ctx
        .table
        .update_versioned::<NewsItem>(keys::NEWS.into(), keys::news(&id), v, |n| {
            n.title = input.title.trim().into();
            n.body = input.body;
            n.audience = normalised(input.audience);
            n.starts_at = input.starts_at;
            n.ends_at = input.ends_at;
            n.updated_at = OffsetDateTime::now_utc();
        })
        .await?;
    Ok(Json(updated))
}

#[utoipa::path(delete, path = "/admin/news/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "News id")), responses((status = 204), Problems))]
pub async fn staff_delete(State(ctx): State<Context>, _s: Staff<can::ManageNews>, PathId(id): PathId) -> ApiResult<StatusCode> {
    let delete = ctx.table.delete(keys::NEWS.into(), keys::news(&id), Some("attribute_exists(PK)"), Default::default())?;
    ctx.table.transact_or(vec![delete], |_| ApiError::NotFound).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(OpenApi)]
#[openapi(modifiers(&SecuritySchemes))]
struct ApiDoc;

pub fn routes() -> OpenApiRouter<Context> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(portal_list))
        .routes(routes!(portal_dismissed))
        .routes(routes!(portal_dismiss))
        .routes(routes!(staff_list, staff_create))
        .routes(routes!(staff_get, staff_update, staff_delete))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), ctx)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
