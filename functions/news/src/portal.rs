//! The portal's news routes: what is shown to a contact's company now, and dismissing it.

use std::collections::HashSet;

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::PathId,
    openapi::Problems,
    pagination::PageParams,
    principal::{module, Portal, PortalPrincipal, PortalRead},
    table::news::{Dismissal, NewsItem},
    Context,
};
use time::OffsetDateTime;

use crate::model::PortalNews;

/// How many recent items the portal considers (news is announcements, not an archive).
const RECENT: u32 = 100;

/// The recent items shown to this contact's company now, split by whether the contact dismissed them.
async fn shown(ctx: &Context, who: &PortalPrincipal) -> ApiResult<(Vec<NewsItem>, Vec<NewsItem>)> {
    let first = |limit| PageParams {
        limit: Some(limit),
        cursor: None,
    };
    let (all, mine) = (
        NewsItem::all(),
        Dismissal::of_contact(&who.customer_id, &who.contact_id),
    );
    let (recent_page, dismissed_page) = (first(RECENT), first(100));
    let (recent, dismissed) = tokio::try_join!(
        ctx.table.query_page::<NewsItem>(&all, &recent_page),
        ctx.table.query_page::<Dismissal>(&mine, &dismissed_page),
    )?;
    let dismissed: HashSet<String> = dismissed.items.into_iter().map(|d| d.news_id).collect();
    let now = OffsetDateTime::now_utc();
    Ok(recent
        .items
        .into_iter()
        .filter(|n| n.shown_to(&who.customer_id, now))
        .partition(|n| !dismissed.contains(&n.id)))
}

/// Active news for this contact's company, newest first, minus what the contact dismissed.
#[utoipa::path(get, path = "/portal/news", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Vec<PortalNews>), Problems))]
pub async fn portal_list(
    State(ctx): State<Context>,
    who: PortalRead<module::News>,
) -> ApiResult<Json<Vec<PortalNews>>> {
    let (_, (shown, _)) = who.check_during(&ctx, shown(&ctx, &who.0)).await?;
    Ok(Json(shown.into_iter().map(PortalNews::from).collect()))
}

/// Active news the contact dismissed (the announcement icon).
#[utoipa::path(get, path = "/portal/news/dismissed", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Vec<PortalNews>), Problems))]
pub async fn portal_dismissed(
    State(ctx): State<Context>,
    who: PortalRead<module::News>,
) -> ApiResult<Json<Vec<PortalNews>>> {
    let (_, (_, dismissed)) = who.check_during(&ctx, shown(&ctx, &who.0)).await?;
    Ok(Json(dismissed.into_iter().map(PortalNews::from).collect()))
}

/// Hides an item from this contact's news list; it stays under `/portal/news/dismissed`.
#[utoipa::path(post, path = "/portal/news/{id}/dismiss", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "News id")), responses((status = 204), Problems))]
pub async fn portal_dismiss(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::News>,
    PathId(id): PathId,
) -> ApiResult<StatusCode> {
    let item: NewsItem = ctx.table.get::<NewsItem>(&id).await?.ok_or(ApiError::NotFound)?;
    if !item.shown_to(&who.customer_id, OffsetDateTime::now_utc()) {
        return Err(ApiError::NotFound);
    }
    let d = Dismissal {
        customer_id: who.customer_id.clone(),
        contact_id: who.contact_id.clone(),
        news_id: id,
        at: OffsetDateTime::now_utc(),
    };
    ctx.table.put(&d).await?;
    Ok(StatusCode::NO_CONTENT)
}
