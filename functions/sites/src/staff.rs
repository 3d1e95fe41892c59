//! `/admin/customers/{id}/sites…`, `…/assets…`, `…/defects…` and `/admin/settings/asset-types`: the
//! business keeps a customer's sites, their assets and the defects found on them, and decides which
//! defects the customer sees.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, PathIds, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{
        assets::{Asset, AssetTypes},
        customers::{stale, Customer},
        defects::{Defect, DefectStatus},
        sites::Site,
        Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::{
    model::{
        AssetInput, AssetTypesInput, AssetTypesView, AssetView, BulkPublish, BulkPublished, DefectFilter, DefectInput,
        DefectView, SiteInput, SiteView,
    },
    portal::site_views,
};

async fn customer_exists(ctx: &Context, id: &str) -> ApiResult<()> {
    ctx.table.get::<Customer>(id).await?.ok_or(ApiError::NotFound)?;
    Ok(())
}

#[utoipa::path(get, path = "/admin/customers/{id}/sites", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams), responses((status = 200, body = Page<SiteView>), Problems))]
pub async fn list_sites(
    State(ctx): State<Context>,
    _s: Staff<can::ReadSites>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<SiteView>>> {
    let sites = ctx.table.query_page::<Site>(&Site::of_customer(&id), &page).await?;
    Ok(Json(site_views(&ctx.table, &id, sites).await?))
}

#[utoipa::path(post, path = "/admin/customers/{id}/sites", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = SiteInput, responses((status = 201, body = SiteView), Problems))]
pub async fn create_site(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<SiteInput>,
) -> ApiResult<(StatusCode, Json<SiteView>)> {
    let now = OffsetDateTime::now_utc();
    let mut site = Site {
        id: ids::new_id(),
        customer_id: id.clone(),
        name: String::new(),
        address: Default::default(),
        latitude: None,
        longitude: None,
        notes: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    input.apply(&mut site);
    let postings = ctx.table.search_actions(None, Some(&site))?;
    ctx.table.put_new_for_customer_with(&id, &site, postings).await?;
    Ok((StatusCode::CREATED, Json(SiteView::new(site, &Default::default()))))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/sites/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Site id")),
    responses((status = 200, body = SiteView), Problems))]
pub async fn get_site(
    State(ctx): State<Context>,
    _s: Staff<can::ReadSites>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<SiteView>> {
    let (site, counts) = tokio::try_join!(
        ctx.table.get::<Site>((&cid, &id)),
        ctx.table.counts(Site::counts_key(&cid, &id)),
    )?;
    Ok(Json(SiteView::new(site.ok_or(ApiError::NotFound)?, &counts)))
}

#[utoipa::path(put, path = "/admin/customers/{customer_id}/sites/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Site id"),
        ("If-Match" = String, Header, description = "The version read")),
    request_body = SiteInput, responses((status = 200, body = SiteView), Problems))]
pub async fn update_site(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<SiteInput>,
) -> ApiResult<Json<SiteView>> {
    let site = ctx
        .table
        .update_versioned_with::<Site>(
            (&cid, &id),
            v,
            |s| input.apply(s),
            |before, after| ctx.table.search_actions(Some(before), Some(after)),
        )
        .await?;
    let counts = ctx.table.counts(Site::counts_key(&cid, &id)).await?;
    Ok(Json(SiteView::new(site, &counts)))
}

#[utoipa::path(get, path = "/admin/settings/asset-types", tag = "staff", security(("staff" = [])),
    responses((status = 200, body = AssetTypesView), Problems))]
pub async fn get_asset_types(State(ctx): State<Context>, _s: Staff<can::ReadSites>) -> ApiResult<Json<AssetTypesView>> {
    let t = asset_types(&ctx).await?;
    Ok(Json(AssetTypesView {
        types: t.types,
        version: t.version,
    }))
}

async fn asset_types(ctx: &Context) -> ApiResult<AssetTypes> {
    Ok(ctx
        .table
        .get::<AssetTypes>(())
        .await?
        .unwrap_or_else(AssetTypes::defaults))
}

/// Replaces the list of asset types. A type still used by an asset may be renamed but not removed
/// (the counts by type would otherwise lose it), so staff extend the list and rename within it.
#[utoipa::path(put, path = "/admin/settings/asset-types", tag = "staff", security(("staff" = [])),
    params(("If-Match" = String, Header, description = "The version read (0 while none was saved)")),
    request_body = AssetTypesInput, responses((status = 200, body = AssetTypesView), Problems))]
pub async fn set_asset_types(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<AssetTypesInput>,
) -> ApiResult<Json<AssetTypesView>> {
    let before = asset_types(&ctx).await?;
    if before.version != v {
        return Err(stale());
    }
    if let Some(gone) = before
        .types
        .iter()
        .find(|t| !input.types.iter().any(|n| n.key == t.key))
    {
        return Err(ApiError::invalid(
            "types",
            format!("`{}` may not be removed: types are renamed, not deleted", gone.key),
        ));
    }
    let after = AssetTypes {
        types: input
            .types
            .into_iter()
            .map(|mut t| {
                t.name = t.name.trim().to_owned();
                t
            })
            .collect(),
        version: v + 1,
    };
    let write = if v == 0 {
        ctx.table.put_new(&after)?
    } else {
        ctx.table.put_versioned(&after, v)?
    };
    ctx.table.transact_or(vec![write], |_| stale()).await?;
    Ok(Json(AssetTypesView {
        types: after.types,
        version: after.version,
    }))
}

async fn checked_type(ctx: &Context, input: &AssetInput) -> ApiResult<()> {
    if asset_types(ctx).await?.contains(input.asset_type.trim()) {
        Ok(())
    } else {
        Err(ApiError::invalid("asset_type", "is not one of the asset types"))
    }
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/sites/{id}/assets", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Site id"), PageParams),
    responses((status = 200, body = Page<AssetView>), Problems))]
pub async fn list_assets(
    State(ctx): State<Context>,
    _s: Staff<can::ReadSites>,
    PathIds(cid, id): PathIds,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<AssetView>>> {
    let spec = Asset::of_site(&cid, &id);
    let (site, assets) = tokio::try_join!(
        ctx.table.get::<Site>((&cid, &id)),
        ctx.table.query_page::<Asset>(&spec, &page)
    )?;
    site.ok_or(ApiError::NotFound)?;
    Ok(Json(assets.map(AssetView::from)))
}

#[utoipa::path(post, path = "/admin/customers/{customer_id}/sites/{id}/assets", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Site id")),
    request_body = AssetInput, responses((status = 201, body = AssetView), Problems))]
pub async fn create_asset(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathIds(cid, site_id): PathIds,
    JsonBody(input): JsonBody<AssetInput>,
) -> ApiResult<(StatusCode, Json<AssetView>)> {
    checked_type(&ctx, &input).await?;
    let now = OffsetDateTime::now_utc();
    let mut asset = Asset {
        id: ids::new_id(),
        customer_id: cid.clone(),
        site_id,
        asset_type: String::new(),
        identifier: String::new(),
        location: None,
        notes: None,
        last_service: None,
        next_service: None,
        contact_editable: Vec::new(),
        open_defects: Default::default(),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    input.apply(&mut asset);
    ctx.table.create_asset(&asset).await.map_err(|e| match e {
        // The path named the site: an unknown one is a missing resource, not a bad field.
        ApiError::Validation(_) => ApiError::NotFound,
        other => other,
    })?;
    Ok((StatusCode::CREATED, Json(AssetView::from(asset))))
}

async fn load_asset(ctx: &Context, cid: &str, id: &str) -> ApiResult<Asset> {
    ctx.table.get::<Asset>((cid, id)).await?.ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/assets/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Asset id")),
    responses((status = 200, body = AssetView), Problems))]
pub async fn get_asset(
    State(ctx): State<Context>,
    _s: Staff<can::ReadSites>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<AssetView>> {
    Ok(Json(AssetView::from(load_asset(&ctx, &cid, &id).await?)))
}

#[utoipa::path(put, path = "/admin/customers/{customer_id}/assets/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Asset id"),
        ("If-Match" = String, Header, description = "The version read")),
    request_body = AssetInput, responses((status = 200, body = AssetView), Problems))]
pub async fn update_asset(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<AssetInput>,
) -> ApiResult<Json<AssetView>> {
    checked_type(&ctx, &input).await?;
    let before = load_asset(&ctx, &cid, &id).await?;
    if before.version != v {
        return Err(stale());
    }
    let mut after = before.clone();
    input.apply(&mut after);
    after.version += 1;
    ctx.table.save_asset(&before, &after).await?;
    Ok(Json(AssetView::from(after)))
}

/// Where a defect goes: its asset's site when it names an asset (which must be of this customer).
async fn placed(
    ctx: &Context,
    cid: &str,
    site_id: Option<String>,
    asset_id: Option<String>,
) -> ApiResult<(String, Option<String>)> {
    match asset_id {
        Some(a) => {
            let asset = ctx
                .table
                .get::<Asset>((cid, &a))
                .await?
                .ok_or_else(|| ApiError::invalid("asset_id", "is not an asset of this customer"))?;
            if site_id.is_some_and(|s| s != asset.site_id) {
                return Err(ApiError::invalid("site_id", "is not the asset's site"));
            }
            Ok((asset.site_id, Some(a)))
        }
        None => Ok((site_id.unwrap_or_default(), None)),
    }
}

fn resolved_at(status: DefectStatus, before: Option<&Defect>, now: OffsetDateTime) -> Option<OffsetDateTime> {
    match status {
        DefectStatus::Open => None,
        DefectStatus::Resolved => before.and_then(|b| b.resolved_at).or(Some(now)),
    }
}

/// A customer's defects, published or not, newest first; the filters narrow the page.
#[utoipa::path(get, path = "/admin/customers/{id}/defects", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), DefectFilter),
    responses((status = 200, body = Page<DefectView>), Problems))]
pub async fn list_defects(
    State(ctx): State<Context>,
    _s: Staff<can::ReadSites>,
    PathId(id): PathId,
    QueryParams(f): QueryParams<DefectFilter>,
) -> ApiResult<Json<Page<DefectView>>> {
    let spec = filtered(&id, f.site_id, f.asset_id, f.severity, f.status, f.published)?;
    let page = PageParams {
        limit: f.limit,
        cursor: f.cursor,
    };
    Ok(Json(
        ctx.table
            .query_page::<Defect>(&spec, &page)
            .await?
            .map(DefectView::staff),
    ))
}

fn filtered(
    customer_id: &str,
    site_id: Option<String>,
    asset_id: Option<String>,
    severity: Option<shared::table::sites::Severity>,
    status: Option<DefectStatus>,
    published: Option<bool>,
) -> ApiResult<shared::table::QuerySpec> {
    let mut spec = Defect::of_customer(customer_id);
    let mut filter: Option<Condition> = None;
    let mut and = |c: Condition| {
        filter = Some(match filter.take() {
            Some(f) => f.and(c),
            None => c,
        })
    };
    if let Some(v) = site_id {
        and(Condition::eq("site_id", v)?);
    }
    if let Some(v) = asset_id {
        and(Condition::eq("asset_id", v)?);
    }
    if let Some(v) = severity {
        and(Condition::eq("severity", v)?);
    }
    if let Some(v) = status {
        and(Condition::eq("status", v)?);
    }
    if let Some(v) = published {
        and(Condition::eq("published", v)?);
    }
    spec.filter = filter;
    Ok(spec)
}

#[utoipa::path(post, path = "/admin/customers/{id}/defects", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = DefectInput,
    responses((status = 201, body = DefectView), Problems))]
pub async fn create_defect(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathId(cid): PathId,
    JsonBody(input): JsonBody<DefectInput>,
) -> ApiResult<(StatusCode, Json<DefectView>)> {
    customer_exists(&ctx, &cid).await?;
    let (site_id, asset_id) = placed(&ctx, &cid, input.site_id, input.asset_id).await?;
    let now = OffsetDateTime::now_utc();
    let defect = Defect {
        id: ids::new_id(),
        customer_id: cid,
        site_id,
        asset_id,
        severity: input.severity,
        description: input.description.trim().to_owned(),
        status: input.status,
        raised_at: input.raised_at.unwrap_or(now),
        resolved_at: resolved_at(input.status, None, now),
        published: input.published,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    ctx.table.save_defect(None, Some(&defect)).await?;
    Ok((StatusCode::CREATED, Json(DefectView::staff(defect))))
}

async fn load_defect(ctx: &Context, cid: &str, id: &str) -> ApiResult<Defect> {
    ctx.table.get::<Defect>((cid, id)).await?.ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/defects/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Defect id")),
    responses((status = 200, body = DefectView), Problems))]
pub async fn get_defect(
    State(ctx): State<Context>,
    _s: Staff<can::ReadSites>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<DefectView>> {
    Ok(Json(DefectView::staff(load_defect(&ctx, &cid, &id).await?)))
}

/// Changes a defect: severity, description, status (resolve or reopen), publication, or its asset
/// (a move). Every count behind it moves in the same transaction.
#[utoipa::path(put, path = "/admin/customers/{customer_id}/defects/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Defect id"),
        ("If-Match" = String, Header, description = "The version read")),
    request_body = DefectInput, responses((status = 200, body = DefectView), Problems))]
pub async fn update_defect(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<DefectInput>,
) -> ApiResult<Json<DefectView>> {
    let before = load_defect(&ctx, &cid, &id).await?;
    if before.version != v {
        return Err(stale());
    }
    let (site_id, asset_id) = placed(&ctx, &cid, input.site_id, input.asset_id).await?;
    let now = OffsetDateTime::now_utc();
    let mut after = before.clone();
    after.site_id = site_id;
    after.asset_id = asset_id;
    after.severity = input.severity;
    after.description = input.description.trim().to_owned();
    after.status = input.status;
    after.resolved_at = resolved_at(input.status, Some(&before), now);
    after.raised_at = input.raised_at.unwrap_or(before.raised_at);
    after.published = input.published;
    after.updated_at = now;
    after.version += 1;
    ctx.table.save_defect(Some(&before), Some(&after)).await?;
    Ok(Json(DefectView::staff(after)))
}

#[utoipa::path(delete, path = "/admin/customers/{customer_id}/defects/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Defect id")),
    responses((status = 204), Problems))]
pub async fn delete_defect(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathIds(cid, id): PathIds,
) -> ApiResult<StatusCode> {
    let before = load_defect(&ctx, &cid, &id).await?;
    ctx.table.save_defect(Some(&before), None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publishes (or withdraws) the defects a filter matches, each in its own transaction with its counts;
/// up to `limit` defects are examined per call, and `next_cursor` continues.
#[utoipa::path(post, path = "/admin/customers/{id}/defects/publish", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = BulkPublish,
    responses((status = 200, body = BulkPublished), Problems))]
pub async fn bulk_publish(
    State(ctx): State<Context>,
    _s: Staff<can::WriteSites>,
    PathId(cid): PathId,
    JsonBody(input): JsonBody<BulkPublish>,
) -> ApiResult<Json<BulkPublished>> {
    customer_exists(&ctx, &cid).await?;
    let spec = filtered(
        &cid,
        input.site_id,
        input.asset_id,
        input.severity,
        input.status,
        Some(!input.published),
    )?;
    let page = PageParams {
        limit: input.limit,
        cursor: input.cursor,
    };
    let found = ctx.table.query_page::<Defect>(&spec, &page).await?;
    let mut changed = 0;
    for before in found.items {
        let mut after = before.clone();
        after.published = input.published;
        after.updated_at = OffsetDateTime::now_utc();
        after.version += 1;
        match ctx.table.save_defect(Some(&before), Some(&after)).await {
            Ok(()) => changed += 1,
            // Changed meanwhile by someone else: theirs stands; the next call's filter still sees it.
            Err(ApiError::Conflict(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Json(BulkPublished {
        changed,
        next_cursor: found.next_cursor,
    }))
}
