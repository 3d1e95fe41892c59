//! `GET /portal/search`: one Query of the customer's index per word, run beside the access check.

use axum::{extract::State, Json};
use futures_util::future::try_join_all;
use shared::{
    error::{ApiError, ApiResult},
    extract::QueryParams,
    ids,
    openapi::Problems,
    principal::{module, PortalRead},
    table::search::SearchKind,
    Context,
};

use crate::{
    model::{SearchParams, SearchResult, SearchResults},
    rank::{rank, words},
};

/// The most postings one word's Query reads (a page of about 300 KB at most).
pub const WORD_BOUND: usize = 400;
const DEFAULT_LIMIT: u32 = 20;
const MAX_LIMIT: u32 = 50;

/// The limit and the query's words, or 400 naming the parameter.
fn checked(p: &SearchParams) -> ApiResult<(u32, Vec<String>)> {
    let limit = match p.limit {
        None => DEFAULT_LIMIT,
        Some(n) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            return Err(ApiError::bad_request(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            ))
        }
    };
    let words = words(p.q.as_deref().unwrap_or_default())?;
    if p.site_id.as_deref().is_some_and(|s| !ids::is_valid(s)) {
        return Err(ApiError::bad_request("site_id", "is not a site id"));
    }
    Ok((limit, words))
}

/// The sites, assets, published defects, quotes past draft, invoices and jobs of the portal in view whose
/// words begin with every word of `q`, best first. A kind shows only while its module is on (sites,
/// assets and defects: `sites`; `quotes`; `invoices`; `jobs`), exactly as its lists do.
#[utoipa::path(get, path = "/portal/search", tag = "portal", security(("portal" = [])), params(SearchParams),
    responses((status = 200, body = SearchResults), Problems))]
pub async fn search(
    State(ctx): State<Context>,
    who: PortalRead<module::Search>,
    QueryParams(p): QueryParams<SearchParams>,
) -> ApiResult<Json<SearchResults>> {
    let customer = who.0.customer_id.as_str();
    // The input is checked inside the read, so a caller the access check refuses learns nothing from it.
    let read = async {
        let (limit, words) = checked(&p)?;
        let hits = try_join_all(words.iter().map(|w| ctx.table.search_word(customer, w, WORD_BOUND))).await?;
        Ok((limit, words, hits))
    };
    let (session, (limit, words, hits)) = who.check_during(&ctx, read).await?;
    let shown: Vec<SearchKind> = SearchKind::ALL
        .into_iter()
        .filter(|k| session.modules.contains(&k.module()))
        .filter(|k| p.kind.is_none_or(|only| only == *k))
        .collect();
    let (found, partial) = rank(
        &words,
        hits,
        |posting| {
            shown.contains(&posting.kind)
                && p.site_id
                    .as_deref()
                    .is_none_or(|s| posting.site_id.as_deref() == Some(s))
        },
        limit as usize,
    );
    Ok(Json(SearchResults {
        items: found.into_iter().map(SearchResult::from).collect(),
        partial,
    }))
}
