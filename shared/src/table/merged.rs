//! One page of a list that several GSI partitions hold, newest first: each partition reads one page
//! after the cursor, and the pages merge by sort key. The cursor is the sort key the page ended
//! before, so it moves every partition at once and names no partition a caller could swap.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde::{Deserialize, Serialize};

use super::{Entity, QuerySpec, Table};
use crate::{
    error::{ApiError, ApiResult},
    pagination::{cursor_value, Page, PageParams},
};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Before {
    before: String,
}

fn invalid() -> ApiError {
    ApiError::bad_request("cursor", "is not a cursor this list issued")
}

fn encode(before: String) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&Before { before }).unwrap_or_default())
}

fn decode(cursor: &str, prefix: &str) -> ApiResult<String> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
    let Before { before } = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    if cursor.len() > 1024 || !before.starts_with(prefix) {
        return Err(invalid());
    }
    Ok(before)
}

/// One page over `streams` (queries whose sort keys all start with `prefix`; `sort_key` gives an item's),
/// newest first: at most `limit + 1` items read from each.
pub async fn newest_first_page<E: Entity>(
    table: &Table,
    streams: &[QuerySpec],
    prefix: &str,
    page: &PageParams,
    sort_key: impl Fn(&E) -> String,
) -> ApiResult<Page<E>> {
    let limit = page.limit()? as usize;
    let before = page.cursor.as_deref().map(|c| decode(c, prefix)).transpose()?;
    let one = PageParams {
        limit: page.limit,
        cursor: None,
    };
    let reads = streams.iter().map(|spec| {
        let mut spec = spec.clone();
        spec.sort_below = before.clone();
        let one = one.clone();
        async move { table.query_page::<E>(&spec, &one).await }
    });
    let pages = futures_util::future::try_join_all(reads).await?;
    // Beyond the newest point where a partition stopped with items left, an item of that partition
    // could still be missing: the page ends there (that point's own item was read, so it stays).
    let mut boundary: Option<String> = None;
    let mut items_read = 0;
    let mut items = Vec::new();
    for (spec, p) in streams.iter().zip(pages) {
        items_read += p.items_read;
        if let Some(next) = &p.next_cursor {
            let sort_attr = spec.sort_attr();
            let stopped = cursor_value(next, sort_attr).ok_or(ApiError::Internal)?;
            boundary = Some(boundary.map_or(stopped.clone(), |b| b.max(stopped)));
        }
        items.extend(p.items.into_iter().map(|e| (sort_key(&e), e)));
    }
    items.retain(|(k, _)| boundary.as_ref().is_none_or(|b| k >= b));
    items.sort_by(|a, b| b.0.cmp(&a.0));
    let next = if items.len() > limit {
        items.truncate(limit);
        items.last().map(|(k, _)| k.clone())
    } else {
        boundary
    };
    Ok(Page {
        items: items.into_iter().map(|(_, e)| e).collect(),
        next_cursor: next.map(encode),
        items_read,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_and_a_foreign_one_is_refused() -> ApiResult<()> {
        assert_eq!(decode(&encode("TICKET#01K".into()), "TICKET#")?, "TICKET#01K");
        assert!(decode(&encode("QUOTE#01K".into()), "TICKET#").is_err());
        assert!(decode("not base64!", "TICKET#").is_err());
        assert!(decode(&URL_SAFE_NO_PAD.encode(b"{\"PK\":\"x\"}"), "TICKET#").is_err());
        Ok(())
    }
}
