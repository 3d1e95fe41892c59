//! `/admin/articles…`: staff write the knowledge base (news.manage). Each write keeps the article's
//! listings and category counts in the same transaction.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    Json,
};
use shared::{
    error::{ApiError, ApiResult},
    extract::{etag, IfMatch, JsonBody, PathId, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{
        articles::{counts_key, Article, ArticleStatus},
        customers::stale,
        Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{ArticleInput, StaffArticle};

fn apply(a: &mut Article, input: ArticleInput, now: OffsetDateTime) {
    a.title = input.title.trim().to_owned();
    a.body = input.body;
    a.category = input.category.trim().to_owned();
    a.status = input.status;
    a.audience = input.audience.normalised();
    if a.status == ArticleStatus::Published && a.published_at.is_none() {
        a.published_at = Some(now);
    }
    a.updated_at = now;
}

/// Every article, drafts included, newest first.
#[utoipa::path(get, path = "/admin/articles", tag = "staff", security(("staff" = [])), params(PageParams),
    responses((status = 200, body = Page<Article>), Problems))]
pub async fn list_articles(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<Article>>> {
    Ok(Json(ctx.table.query_page::<Article>(&Article::all(), &page).await?))
}

/// Writes an article (a draft, or published to its audience at once).
#[utoipa::path(post, path = "/admin/articles", tag = "staff", security(("staff" = [])), request_body = ArticleInput,
    responses((status = 201, body = Article), Problems))]
pub async fn create_article(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    JsonBody(input): JsonBody<ArticleInput>,
) -> ApiResult<(StatusCode, Json<Article>)> {
    let now = OffsetDateTime::now_utc();
    let mut article = Article {
        id: ids::new_id(),
        title: String::new(),
        body: String::new(),
        category: String::new(),
        status: ArticleStatus::Draft,
        audience: shared::table::news::Audience::All,
        published_at: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    apply(&mut article, input, now);
    let mut actions = vec![ctx.table.put_new(&article)?];
    actions.extend(ctx.table.article_actions(None, Some(&article))?);
    ctx.table
        .transact_or(actions, |_| ApiError::Conflict("the article exists".into()))
        .await?;
    Ok((StatusCode::CREATED, Json(article)))
}

async fn load(ctx: &Context, id: &str) -> ApiResult<Article> {
    ctx.table.get::<Article>(id).await?.ok_or(ApiError::NotFound)
}

/// An article with how many contacts found it helpful or not.
#[utoipa::path(get, path = "/admin/articles/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Article id")),
    responses((status = 200, body = StaffArticle, headers(("ETag" = String))), Problems))]
pub async fn get_article(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    PathId(id): PathId,
) -> ApiResult<(HeaderMap, Json<StaffArticle>)> {
    let (article, counts) = tokio::try_join!(load(&ctx, &id), ctx.table.counts(counts_key(&id)))?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&etag(article.version)) {
        headers.insert(header::ETAG, v);
    }
    let count = |k: &str| counts.get(k).copied().unwrap_or(0);
    Ok((
        headers,
        Json(StaffArticle {
            helpful: count("helpful"),
            not_helpful: count("not_helpful"),
            article,
        }),
    ))
}

/// Replaces an article (`If-Match`): publishing, withdrawing (back to a draft) or a new audience take
/// effect in the portal's lists in the same transaction.
#[utoipa::path(put, path = "/admin/articles/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Article id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = ArticleInput, responses((status = 200, body = Article), Problems))]
pub async fn update_article(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    PathId(id): PathId,
    IfMatch(version): IfMatch,
    JsonBody(input): JsonBody<ArticleInput>,
) -> ApiResult<Json<Article>> {
    let before = load(&ctx, &id).await?;
    if before.version != version {
        return Err(stale());
    }
    let mut after = before.clone();
    apply(&mut after, input, OffsetDateTime::now_utc());
    after.version += 1;
    let mut actions = vec![ctx.table.put_versioned(&after, before.version)?];
    actions.extend(ctx.table.article_actions(Some(&before), Some(&after))?);
    ctx.table.transact_or(actions, |_| stale()).await?;
    Ok(Json(after))
}

/// Deletes an article and takes it out of every list.
#[utoipa::path(delete, path = "/admin/articles/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Article id")), responses((status = 204), Problems))]
pub async fn delete_article(
    State(ctx): State<Context>,
    _s: Staff<can::ManageNews>,
    PathId(id): PathId,
) -> ApiResult<StatusCode> {
    let before = load(&ctx, &id).await?;
    let condition = Condition::eq("version", before.version)?;
    let mut actions = vec![ctx.table.delete::<Article>(&id, Some(condition))?];
    actions.extend(ctx.table.article_actions(Some(&before), None)?);
    ctx.table.transact_or(actions, |_| stale()).await?;
    Ok(StatusCode::NO_CONTENT)
}
