//! `GET /portal/search`: one Query of the customer's index per word, run beside the access check.

use axum::{extract::State, Json};
use futures_util::future::{try_join, try_join_all};
use shared::{
    error::{ApiError, ApiResult},
    extract::QueryParams,
    ids,
    openapi::Problems,
    principal::{module, PortalRead},
    table::search::{SearchKind, WordHits},
    Context,
};

use crate::{
    model::{SearchParams, SearchResult, SearchResults},
    rank::{rank, words},
};

/// The most postings one search reads, shared evenly among its words: a search costs about what a page
/// of a list does, however common its words (the README's search benchmark chose the figure).
pub const POSTINGS_READ: usize = 120;

/// The most postings the Query of one of `words` words reads.
pub fn word_bound(words: usize) -> usize {
    POSTINGS_READ / words.max(1)
}
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

/// The published articles the customer's contacts see containing the query's longest word, as
/// candidates (the knowledge base's own listings, not the index); none while `kind` or `site_id` rules
/// articles out.
async fn article_candidates(ctx: &Context, customer: &str, words: &[String], p: &SearchParams) -> ApiResult<WordHits> {
    let wanted = p.kind.is_none_or(|k| k == SearchKind::Article) && p.site_id.is_none();
    let Some(longest) = words.iter().max_by_key(|w| w.chars().count()).filter(|_| wanted) else {
        return Ok(WordHits {
            postings: Vec::new(),
            complete: true,
        });
    };
    let (found, complete) = ctx.table.articles_containing(customer, longest).await?;
    Ok(WordHits {
        postings: found.iter().map(|a| a.search_candidate(customer)).collect(),
        complete,
    })
}

/// The sites, assets, published defects, quotes past draft, invoices, jobs, tickets, shared documents,
/// data sheets and published articles of the portal in view whose words begin with every word of `q`,
/// best first. Each kind shows exactly where its list would: only while its module is on (sites, assets
/// and defects: `sites`; `quotes`; `invoices`; `jobs`; `tickets`; `documents`; `data_sheets`;
/// `knowledge_base`), a ticket only to the contact who raised it or, unless it is confidential, to a
/// colleague with the see-all grant. A ticket's notes are never searched.
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
        let bound = word_bound(words.len());
        let indexed = try_join_all(words.iter().map(|w| ctx.table.search_word(customer, w, bound)));
        let (hits, articles) = try_join(indexed, article_candidates(&ctx, customer, &words, &p)).await?;
        Ok((limit, words, hits, articles))
    };
    let (session, (limit, words, hits, articles)) = who.check_during(&ctx, read).await?;
    let shown: Vec<SearchKind> = SearchKind::ALL
        .into_iter()
        .filter(|k| session.modules.contains(&k.module()))
        .filter(|k| p.kind.is_none_or(|only| only == *k))
        .collect();
    let contact = &session.contact;
    let (found, partial) = rank(
        &words,
        hits,
        articles,
        |posting| {
            shown.contains(&posting.kind)
                && posting.visible_to(&contact.id, contact.see_all_tickets)
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
