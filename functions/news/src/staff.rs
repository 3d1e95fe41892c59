//! Staff's news routes: announcements to every customer or to some.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{news::NewsItem, Condition},
    Context,
};
use time::OffsetDateTime;

use crate::model::{NewsInput, NewsItemResponse};

#[utoipa::path(get, path = "/admin/news", tag = "staff", security(("staff" = [])), params(PageParams),
    responses((status = 200, body = Page<NewsItemResponse>), Problems))]
pub async fn staff_list(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<NewsItemResponse>>> {
    let spec = NewsItem::all();
    Ok(Json(
        ctx.table
            .query_page::<NewsItem>(&spec, &page)
            .await?
            .map(|n| NewsItemResponse::from(&n)),
    ))
}

#[utoipa::path(post, path = "/admin/news", tag = "staff", security(("staff" = [])), request_body = NewsInput,
    responses((status = 201, body = NewsItemResponse), Problems))]
pub async fn staff_create(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    JsonBody(input): JsonBody<NewsInput>,
) -> ApiResult<(StatusCode, Json<NewsItemResponse>)> {
    let now = OffsetDateTime::now_utc();
    let item = NewsItem {
        id: ids::new_id(),
        title: input.title.trim().into(),
        body: input.body,
        audience: input.audience.normalised(),
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    ctx.table
        .transact_or(vec![ctx.table.put_new(&item)?], |_| ApiError::Conflict("exists".into()))
        .await?;
    Ok((StatusCode::CREATED, Json(NewsItemResponse::from(&item))))
}

#[utoipa::path(get, path = "/admin/news/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "News id")), responses((status = 200, body = NewsItemResponse), Problems))]
pub async fn staff_get(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    PathId(id): PathId,
) -> ApiResult<Json<NewsItemResponse>> {
    let item: NewsItem = ctx.table.get::<NewsItem>(&id).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(NewsItemResponse::from(&item)))
}

#[utoipa::path(put, path = "/admin/news/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "News id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = NewsInput, responses((status = 200, body = NewsItemResponse), Problems))]
pub async fn staff_update(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    PathId(id): PathId,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<NewsInput>,
) -> ApiResult<Json<NewsItemResponse>> {
    let updated = ctx
        .table
        .update_versioned::<NewsItem>(&id, v, |n| {
            n.title = input.title.trim().into();
            n.body = input.body;
            n.audience = input.audience.normalised();
            n.starts_at = input.starts_at;
            n.ends_at = input.ends_at;
            n.updated_at = OffsetDateTime::now_utc();
        })
        .await?;
    Ok(Json(NewsItemResponse::from(&updated)))
}

#[utoipa::path(delete, path = "/admin/news/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "News id")), responses((status = 204), Problems))]
pub async fn staff_delete(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    PathId(id): PathId,
) -> ApiResult<StatusCode> {
    let delete = ctx.table.delete::<NewsItem>(&id, Some(Condition::exists()))?;
    ctx.table.transact_or(vec![delete], |_| ApiError::NotFound).await?;
    Ok(StatusCode::NO_CONTENT)
}
