//! `/portal/sites…`, `/portal/assets…`, `/portal/defects…`: a contact's view of their company's
//! properties. Contacts see published defects only; every count comes from the counters kept with the
//! defects, so a page reads the same few items whatever the portfolio's size.

use axum::{extract::State, Json};
use serde::Deserialize;
use shared::{
    error::{ApiError, ApiResult, FieldError},
    extract::{IfMatch, JsonBody, PathId, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, Portal, PortalRead},
    table::{
        assets::Asset,
        counters::{last_twelve_months, Counts},
        customers::stale,
        defects::{Defect, DefectStatus},
        documents::Document,
        sites::{field_counts_key, Severity, Site},
        Table,
    },
    Context,
};
use time::OffsetDateTime;
use utoipa::IntoParams;

use crate::model::{
    AssetEdit, AssetTypeTally, AssetView, DefectView, DefectsPanel, MonthDefects, SiteDocument, SiteFeature, SiteMap,
    SiteView, StatusParams,
};

/// The counts of each site of a page, in one round trip.
pub(crate) async fn with_counts(table: &Table, customer_id: &str, sites: Vec<Site>) -> ApiResult<Vec<(Site, Counts)>> {
    let keys = sites.iter().map(|s| Site::counts_key(customer_id, &s.id)).collect();
    let counts = table.counts_many(keys).await?;
    Ok(sites.into_iter().zip(counts).collect())
}

/// A page of sites as shown, each with its counts (one more round trip for the whole page).
pub(crate) async fn site_views(table: &Table, customer_id: &str, sites: Page<Site>) -> ApiResult<Page<SiteView>> {
    let items = with_counts(table, customer_id, sites.items)
        .await?
        .into_iter()
        .map(|(s, c)| SiteView::new(s, &c))
        .collect();
    Ok(Page {
        items,
        next_cursor: sites.next_cursor,
        items_read: sites.items_read,
    })
}

/// The company's sites by name, each with what needs attention.
#[utoipa::path(get, path = "/portal/sites", tag = "portal", security(("portal" = [])), params(PageParams),
    responses((status = 200, body = Page<SiteView>), Problems))]
pub async fn list_sites(
    State(ctx): State<Context>,
    who: PortalRead<module::Sites>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<SiteView>>> {
    let customer_id = who.0.customer_id.clone();
    let spec = Site::of_customer(&customer_id);
    let (_, sites) = who
        .check_during(&ctx, ctx.table.query_page::<Site>(&spec, &page))
        .await?;
    Ok(Json(site_views(&ctx.table, &customer_id, sites).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MapParams {
    /// Sites per response, 1 to 1000 (default 1000).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

const MAP_PAGE: u32 = 1000;

/// The company's sites with a position as GeoJSON points, each with its worst open defect: up to 1000
/// sites per response (about 150 KB), then `next_cursor`.
#[utoipa::path(get, path = "/portal/sites/map", tag = "portal", security(("portal" = [])), params(MapParams),
    responses((status = 200, body = SiteMap), Problems))]
pub async fn site_map(
    State(ctx): State<Context>,
    who: PortalRead<module::SiteMap>,
    QueryParams(p): QueryParams<MapParams>,
) -> ApiResult<Json<SiteMap>> {
    let wanted = match p.limit {
        None => MAP_PAGE,
        Some(n) if (1..=MAP_PAGE).contains(&n) => n,
        Some(_) => {
            return Err(ApiError::bad_request(
                "limit",
                format!("must be between 1 and {MAP_PAGE}"),
            ))
        }
    };
    let customer_id = who.0.customer_id.clone();
    let read = async {
        let spec = Site::of_customer(&customer_id);
        let mut sites = Vec::new();
        let mut page = PageParams {
            limit: None,
            cursor: p.cursor.clone(),
        };
        loop {
            page.limit = Some((wanted - sites.len() as u32).min(shared::pagination::MAX_LIMIT));
            let next = ctx.table.query_page::<Site>(&spec, &page).await?;
            sites.extend(next.items);
            match next.next_cursor {
                Some(c) if (sites.len() as u32) < wanted => page.cursor = Some(c),
                other => return Ok::<_, ApiError>((sites, other)),
            }
        }
    };
    let (_, (sites, next_cursor)) = who.check_during(&ctx, read).await?;
    let mut features = Vec::with_capacity(sites.len());
    for chunk in sites.chunks(100) {
        let counted = with_counts(&ctx.table, &customer_id, chunk.to_vec()).await?;
        features.extend(counted.into_iter().filter_map(|(s, c)| SiteFeature::new(s, &c)));
    }
    Ok(Json(SiteMap {
        kind: "FeatureCollection",
        features,
        next_cursor,
    }))
}

async fn load_site(table: &Table, customer_id: &str, id: &str) -> ApiResult<Site> {
    table.get::<Site>((customer_id, id)).await?.ok_or(ApiError::NotFound)
}

/// One site with what needs attention on it.
#[utoipa::path(get, path = "/portal/sites/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Site id")), responses((status = 200, body = SiteView), Problems))]
pub async fn get_site(
    State(ctx): State<Context>,
    who: PortalRead<module::Sites>,
    PathId(id): PathId,
) -> ApiResult<Json<SiteView>> {
    let customer_id = &who.0.customer_id;
    let read = async {
        tokio::try_join!(
            load_site(&ctx.table, customer_id, &id),
            ctx.table.counts(Site::counts_key(customer_id, &id)),
        )
    };
    let (_, (site, counts)) = who.check_during(&ctx, read).await?;
    Ok(Json(SiteView::new(site, &counts)))
}

/// A site's assets by type and identifier.
#[utoipa::path(get, path = "/portal/sites/{id}/assets", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Site id"), PageParams), responses((status = 200, body = Page<AssetView>), Problems))]
pub async fn site_assets(
    State(ctx): State<Context>,
    who: PortalRead<module::Sites>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<AssetView>>> {
    let customer_id = &who.0.customer_id;
    let spec = Asset::of_site(customer_id, &id);
    let read = async {
        tokio::try_join!(
            load_site(&ctx.table, customer_id, &id),
            ctx.table.query_page::<Asset>(&spec, &page),
        )
    };
    let (_, (_, assets)) = who.check_during(&ctx, read).await?;
    Ok(Json(assets.map(AssetView::from)))
}

/// A site's published defects, open (default) or resolved, newest first.
#[utoipa::path(get, path = "/portal/sites/{id}/defects", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Site id"), StatusParams), responses((status = 200, body = Page<DefectView>), Problems))]
pub async fn site_defects(
    State(ctx): State<Context>,
    who: PortalRead<module::Sites>,
    PathId(id): PathId,
    QueryParams(p): QueryParams<StatusParams>,
) -> ApiResult<Json<Page<DefectView>>> {
    let customer_id = &who.0.customer_id;
    let spec = Defect::published_on_site(customer_id, &id, p.status.unwrap_or(DefectStatus::Open));
    let page = PageParams {
        limit: p.limit,
        cursor: p.cursor,
    };
    let read = async {
        tokio::try_join!(
            load_site(&ctx.table, customer_id, &id),
            ctx.table.query_page::<Defect>(&spec, &page),
        )
    };
    let (_, (_, defects)) = who.check_during(&ctx, read).await?;
    Ok(Json(defects.map(DefectView::portal)))
}

/// A site's shared documents by folder and name (up to 500); each opens through `/portal/documents/{id}/link`.
#[utoipa::path(get, path = "/portal/sites/{id}/documents", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Site id")), responses((status = 200, body = Vec<SiteDocument>), Problems))]
pub async fn site_documents(
    State(ctx): State<Context>,
    who: PortalRead<module::Sites>,
    PathId(id): PathId,
) -> ApiResult<Json<Vec<SiteDocument>>> {
    let customer_id = &who.0.customer_id;
    let read = async {
        let spec = Document::visible_on_site(customer_id, &id);
        let mut docs = Vec::new();
        let mut page = PageParams {
            limit: Some(100),
            cursor: None,
        };
        let (_, first) = tokio::try_join!(
            load_site(&ctx.table, customer_id, &id),
            ctx.table.query_page::<Document>(&spec, &page)
        )?;
        let mut next = first.next_cursor;
        docs.extend(first.items);
        while let Some(c) = next.filter(|_| docs.len() < 500) {
            page.cursor = Some(c);
            let more = ctx.table.query_page::<Document>(&spec, &page).await?;
            docs.extend(more.items);
            next = more.next_cursor;
        }
        Ok::<_, ApiError>(docs)
    };
    let (_, docs) = who.check_during(&ctx, read).await?;
    Ok(Json(docs.into_iter().map(SiteDocument::from).collect()))
}

/// The company's published defects across every site, open (default) or resolved, newest first.
#[utoipa::path(get, path = "/portal/defects", tag = "portal", security(("portal" = [])),
    params(StatusParams), responses((status = 200, body = Page<DefectView>), Problems))]
pub async fn list_defects(
    State(ctx): State<Context>,
    who: PortalRead<module::Sites>,
    QueryParams(p): QueryParams<StatusParams>,
) -> ApiResult<Json<Page<DefectView>>> {
    let spec = Defect::published_of_customer(&who.0.customer_id, p.status.unwrap_or(DefectStatus::Open));
    let page = PageParams {
        limit: p.limit,
        cursor: p.cursor,
    };
    let (_, defects) = who
        .check_during(&ctx, ctx.table.query_page::<Defect>(&spec, &page))
        .await?;
    Ok(Json(defects.map(DefectView::portal)))
}

/// The defects panel, from one item: open defects by severity, 12 months of defects raised (resolved by
/// now or still open), assets by type under their worst open defect.
#[utoipa::path(get, path = "/portal/defects/summary", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = DefectsPanel), Problems))]
pub async fn defects_summary(
    State(ctx): State<Context>,
    who: PortalRead<module::DefectAnalytics>,
) -> ApiResult<Json<DefectsPanel>> {
    let read = ctx.table.counts(field_counts_key(&who.0.customer_id));
    let (_, counts) = who.check_during(&ctx, read).await?;
    Ok(Json(panel(&counts, OffsetDateTime::now_utc().date())))
}

/// The panel from the customer's counters, for the 12 months up to `today`'s.
pub fn panel(counts: &Counts, today: time::Date) -> DefectsPanel {
    let get = |k: &str| counts.get(k).copied().unwrap_or(0).max(0);
    let open_by_severity = Severity::ALL.into_iter().map(|s| (s, get(&s.open_counter()))).collect();
    let months = last_twelve_months(today)
        .into_iter()
        .map(|(year, month)| {
            let key = format!("{year:04}_{month:02}");
            MonthDefects {
                month: format!("{year:04}-{month:02}"),
                resolved: get(&format!("raised_{key}_resolved")),
                open: get(&format!("raised_{key}_open")),
            }
        })
        .collect();
    let mut assets_by_type: Vec<AssetTypeTally> = Vec::new();
    for (k, n) in counts {
        let Some((asset_type, worst)) = k.strip_prefix("assets#").and_then(|rest| rest.split_once('#')) else {
            continue;
        };
        let n = (*n).max(0);
        if n == 0 {
            continue;
        }
        match assets_by_type.iter_mut().find(|t| t.asset_type == asset_type) {
            Some(t) => {
                t.by_worst.insert(worst.to_owned(), n);
                t.total += n;
            }
            None => assets_by_type.push(AssetTypeTally {
                asset_type: asset_type.to_owned(),
                by_worst: [(worst.to_owned(), n)].into(),
                total: n,
            }),
        }
    }
    DefectsPanel {
        open_by_severity,
        months,
        assets_by_type,
    }
}

/// One asset.
#[utoipa::path(get, path = "/portal/assets/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Asset id")), responses((status = 200, body = AssetView), Problems))]
pub async fn get_asset(
    State(ctx): State<Context>,
    who: PortalRead<module::Sites>,
    PathId(id): PathId,
) -> ApiResult<Json<AssetView>> {
    let read = ctx.table.get::<Asset>((&who.0.customer_id, &id));
    let (_, asset) = who.check_during(&ctx, read).await?;
    Ok(Json(AssetView::from(asset.ok_or(ApiError::NotFound)?)))
}

/// Changes the fields of an asset that staff opened to contacts; any other field is refused with 422.
/// `If-Match` carries the version read.
#[utoipa::path(patch, path = "/portal/assets/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Asset id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = AssetEdit, responses((status = 200, body = AssetView), Problems))]
pub async fn edit_asset(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::Sites>,
    PathId(id): PathId,
    IfMatch(read_version): IfMatch,
    JsonBody(input): JsonBody<AssetEdit>,
) -> ApiResult<Json<AssetView>> {
    let before = ctx
        .table
        .get::<Asset>((&who.customer_id, &id))
        .await?
        .ok_or(ApiError::NotFound)?;
    let closed: Vec<FieldError> = input
        .fields()
        .into_iter()
        .filter(|f| !before.contact_editable.contains(f))
        .map(|f| {
            let name = serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_owned));
            FieldError::new(name.unwrap_or_default(), "is not editable from the portal")
        })
        .collect();
    if !closed.is_empty() {
        return Err(ApiError::Validation(closed));
    }
    if before.version != read_version {
        return Err(stale());
    }
    let mut after = before.clone();
    input.apply(&mut after);
    after.version += 1;
    ctx.table.save_asset(&before, &after).await?;
    Ok(Json(AssetView::from(after)))
}
