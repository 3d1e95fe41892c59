//! `/portal/articles…`: the knowledge base as a contact reads it: the published articles of everyone
//! and of their company, by category or keyword, each once; "was this helpful?" once per article.

use axum::{extract::State, http::HeaderMap, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{JsonBody, PathId, QueryParams},
    openapi::Problems,
    pagination::{items_read_header, Page, PageParams},
    principal::{module, Portal, PortalRead},
    table::{
        articles::{counts_key, Article, ArticleVote},
        counters::Counts,
        Condition, Entity,
    },
    Context,
};
use time::OffsetDateTime;

use crate::{
    markdown::to_safe_html,
    model::{ArticleCategory, ArticleListParams, ArticleSummary, PortalArticle, Vote, MAX_CATEGORY},
};

/// The category and keyword, or 400 naming the parameter.
fn filters(p: &ArticleListParams) -> ApiResult<(Option<String>, Option<String>)> {
    let category = p.category.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if category.is_some_and(|c| c.chars().count() > MAX_CATEGORY) {
        return Err(ApiError::bad_request(
            "category",
            format!("must be at most {MAX_CATEGORY} characters"),
        ));
    }
    let q = p.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    if q.is_some_and(|q| !(2..=100).contains(&q.chars().count())) {
        return Err(ApiError::bad_request("q", "must be 2 to 100 characters"));
    }
    Ok((category.map(str::to_owned), q.map(str::to_owned)))
}

/// The published articles the caller's company sees, newest first: `category`, `q` (a keyword), paged;
/// `X-Items-Read` reports the items read. Two queries of a page each: everyone's and the company's.
#[utoipa::path(get, path = "/portal/articles", tag = "portal", security(("portal" = [])), params(ArticleListParams),
    responses((status = 200, body = Page<ArticleSummary>, headers(("X-Items-Read" = u64))), Problems))]
pub async fn list_articles(
    State(ctx): State<Context>,
    who: PortalRead<module::KnowledgeBase>,
    QueryParams(p): QueryParams<ArticleListParams>,
) -> ApiResult<(HeaderMap, Json<Page<ArticleSummary>>)> {
    let customer = who.0.customer_id.clone();
    let read = async {
        let (category, q) = filters(&p)?;
        let page = PageParams {
            limit: p.limit,
            cursor: p.cursor.clone(),
        };
        ctx.table
            .article_page(&customer, category.as_deref(), q.as_deref(), &page)
            .await
    };
    let (_, page) = who.check_during(&ctx, read).await?;
    Ok((items_read_header(page.items_read), Json(page.map(ArticleSummary::from))))
}

/// The categories with published articles the caller's company sees, by name, with how many each holds.
#[utoipa::path(get, path = "/portal/articles/categories", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Vec<ArticleCategory>), Problems))]
pub async fn article_categories(
    State(ctx): State<Context>,
    who: PortalRead<module::KnowledgeBase>,
) -> ApiResult<Json<Vec<ArticleCategory>>> {
    let read = ctx.table.article_categories(&who.0.customer_id);
    let (_, found) = who.check_during(&ctx, read).await?;
    Ok(Json(
        found
            .into_iter()
            .map(|(name, articles)| ArticleCategory { name, articles })
            .collect(),
    ))
}

async fn shown(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Article> {
    match ctx.table.get::<Article>(id).await? {
        Some(a) if a.shown_to(customer_id) => Ok(a),
        _ => Err(ApiError::NotFound),
    }
}

/// A published article of the caller's company's knowledge base, its body rendered and sanitised; a
/// draft or another audience's article answers 404.
#[utoipa::path(get, path = "/portal/articles/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Article id")),
    responses((status = 200, body = PortalArticle), Problems))]
pub async fn get_article(
    State(ctx): State<Context>,
    who: PortalRead<module::KnowledgeBase>,
    PathId(id): PathId,
) -> ApiResult<Json<PortalArticle>> {
    let p = &who.0;
    let read = async {
        tokio::try_join!(
            shown(&ctx, &p.customer_id, &id),
            ctx.table.get::<ArticleVote>((&p.home_customer_id, &p.contact_id, &id)),
        )
    };
    let (_, (article, vote)) = who.check_during(&ctx, read).await?;
    Ok(Json(PortalArticle {
        body_html: to_safe_html(&article.body),
        id: article.id,
        title: article.title,
        category: article.category,
        published_at: article.published_at.unwrap_or(article.created_at),
        updated_at: article.updated_at,
        my_vote: vote.map(|v| v.helpful),
    }))
}

/// "Was this helpful?": once per contact and article (409 after); staff see the tallies.
#[utoipa::path(post, path = "/portal/articles/{id}/vote", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Article id")), request_body = Vote,
    responses((status = 200, body = Vote), Problems))]
pub async fn vote_article(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::KnowledgeBase>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<Vote>,
) -> ApiResult<Json<Vote>> {
    let article = shown(&ctx, &who.customer_id, &id).await?;
    let vote = ArticleVote {
        customer_id: who.home_customer_id.clone(),
        contact_id: who.contact_id.clone(),
        article_id: article.id.clone(),
        helpful: input.helpful,
        at: OffsetDateTime::now_utc(),
    };
    let tally = if input.helpful { "helpful" } else { "not_helpful" };
    let mut actions = vec![
        ctx.table.put_new(&vote)?,
        ctx.table.check::<Article>(&article.id, Condition::exists())?,
    ];
    actions.extend(ctx.table.add_counts(
        "tally",
        counts_key(&article.id),
        "article_counts",
        &Counts::from([(tally.to_owned(), 1)]),
    )?);
    ctx.table
        .transact_or(actions, |c| {
            if c.failed(ArticleVote::TYPE) {
                ApiError::Conflict("you have already answered for this article".into())
            } else {
                ApiError::NotFound
            }
        })
        .await?;
    Ok(Json(input))
}
