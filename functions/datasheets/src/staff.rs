//! Staff: data sheet templates (versioned), which templates each customer may use, and the submitted
//! sheets (view, filter, export, unlock for correction).

use axum::{
    extract::State,
    http::{header, StatusCode},
    response::IntoResponse,
    Json,
};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, PathIds, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{
        customers::stale,
        datasheets::{display, PortalTemplates, Sheet, SheetStatus, Template, TemplateVersion},
        Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::{
    model::{
        ExportParams, PortalTemplatesInput, PortalTemplatesResponse, SheetFilter, SheetResponse, SheetView,
        TemplateInput, TemplateResponse,
    },
    portal::{assigned, load_sheet, view},
};

async fn head(ctx: &Context, id: &str) -> ApiResult<Template> {
    ctx.table.get::<Template>(id).await?.ok_or(ApiError::NotFound)
}

/// Templates by name.
#[utoipa::path(get, path = "/admin/datasheet-templates", tag = "staff", security(("staff" = [])), params(PageParams),
    responses((status = 200, body = Page<TemplateResponse>), Problems))]
pub async fn list_templates(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadDatasheets>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<TemplateResponse>>> {
    Ok(Json(
        ctx.table
            .query_page::<Template>(&Template::by_name(false), &page)
            .await?
            .map(|t| TemplateResponse::from(&t)),
    ))
}

/// Creates a template at version 1.
#[utoipa::path(post, path = "/admin/datasheet-templates", tag = "staff", security(("staff" = [])), request_body = TemplateInput,
    responses((status = 201, body = TemplateResponse), Problems))]
pub async fn create_template(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteDatasheets>,
    JsonBody(input): JsonBody<TemplateInput>,
) -> ApiResult<(StatusCode, Json<TemplateResponse>)> {
    let template = Template {
        id: ids::new_id(),
        name: input.name.trim().to_owned(),
        description: input.description,
        fields: input.fields,
        layout_html: input.layout_html,
        archived: false,
        updated_at: OffsetDateTime::now_utc(),
        version: 1,
    };
    let actions = vec![
        ctx.table.put_new(&template)?,
        ctx.table.put_new(&TemplateVersion(template.clone()))?,
    ];
    ctx.table
        .transact_or(actions, |_| ApiError::Conflict("the template exists".into()))
        .await?;
    Ok((StatusCode::CREATED, Json(TemplateResponse::from(&template))))
}

#[utoipa::path(get, path = "/admin/datasheet-templates/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Template id")), responses((status = 200, body = TemplateResponse), Problems))]
pub async fn get_template(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadDatasheets>,
    PathId(id): PathId,
) -> ApiResult<Json<TemplateResponse>> {
    Ok(Json(TemplateResponse::from(&head(&ctx, &id).await?)))
}

/// Changes a template: a new version. Sheets already started keep the version they began with.
#[utoipa::path(put, path = "/admin/datasheet-templates/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Template id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = TemplateInput, responses((status = 200, body = TemplateResponse), Problems))]
pub async fn update_template(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteDatasheets>,
    PathId(id): PathId,
    IfMatch(read_version): IfMatch,
    JsonBody(input): JsonBody<TemplateInput>,
) -> ApiResult<Json<TemplateResponse>> {
    let before = head(&ctx, &id).await?;
    if before.version != read_version {
        return Err(stale());
    }
    let mut after = before.clone();
    after.name = input.name.trim().to_owned();
    after.description = input.description;
    after.fields = input.fields;
    after.layout_html = input.layout_html;
    after.updated_at = OffsetDateTime::now_utc();
    after.version += 1;
    let actions = vec![
        ctx.table.put_versioned(&after, read_version)?,
        ctx.table.put_new(&TemplateVersion(after.clone()))?,
    ];
    ctx.table.transact_or(actions, |_| stale()).await?;
    Ok(Json(TemplateResponse::from(&after)))
}

#[utoipa::path(get, path = "/admin/customers/{id}/portal-templates", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), responses((status = 200, body = PortalTemplatesResponse), Problems))]
pub async fn get_portal_templates(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadDatasheets>,
    PathId(id): PathId,
) -> ApiResult<Json<PortalTemplatesResponse>> {
    let mut config = assigned(&ctx, &id).await?;
    config.customer_id.clear();
    Ok(Json(PortalTemplatesResponse::from(&config)))
}

/// Chooses the templates the customer's contacts may use and the mandatory tickets-from email.
#[utoipa::path(put, path = "/admin/customers/{id}/portal-templates", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = PortalTemplatesInput,
    responses((status = 200, body = PortalTemplatesResponse), Problems))]
pub async fn set_portal_templates(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteDatasheets>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<PortalTemplatesInput>,
) -> ApiResult<Json<PortalTemplatesResponse>> {
    ctx.table.customer(&id).await?.ok_or(ApiError::NotFound)?;
    let mut ids_: Vec<String> = input.template_ids.iter().map(|t| t.to_ascii_uppercase()).collect();
    ids_.sort();
    ids_.dedup();
    let before = assigned(&ctx, &id).await?;
    let config = PortalTemplates {
        customer_id: id.clone(),
        template_ids: ids_.clone(),
        tickets_from_email: input
            .tickets_from_email
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty()),
        version: before.version + 1,
    };
    let write = if before.version == 0 {
        ctx.table.put_new(&config)?
    } else {
        ctx.table.put_versioned(&config, before.version)?
    };
    let mut actions = vec![write];
    for (i, t) in ids_.iter().enumerate() {
        actions.push(
            ctx.table
                .check::<Template>(t, Condition::not_archived())?
                .named(format!("template_ids[{i}]")),
        );
    }
    ctx.table
        .transact_or(actions, |c| {
            match c.failed.iter().find(|(name, _)| name.starts_with("template_ids[")) {
                Some((field, _)) => ApiError::invalid(field.to_string(), "is not an active template"),
                None => stale(),
            }
        })
        .await?;
    let mut shown = config;
    shown.customer_id.clear();
    Ok(Json(PortalTemplatesResponse::from(&shown)))
}

/// A customer's sheets, newest first; `status` and `template_id` narrow the list.
#[utoipa::path(get, path = "/admin/customers/{id}/datasheets", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), SheetFilter),
    responses((status = 200, body = Page<SheetResponse>), Problems))]
pub async fn list_sheets(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadDatasheets>,
    PathId(id): PathId,
    QueryParams(f): QueryParams<SheetFilter>,
) -> ApiResult<Json<Page<SheetResponse>>> {
    let mut spec = Sheet::of_customer(&id);
    if let Some(s) = f.status() {
        spec.equals.push((
            "status",
            if s == SheetStatus::Submitted {
                "submitted".into()
            } else {
                "draft".into()
            },
        ));
    }
    if let Some(t) = &f.template_id {
        spec.equals.push(("template_id", t.to_ascii_uppercase()));
    }
    Ok(Json(
        ctx.table
            .query_page::<Sheet>(
                &spec,
                &PageParams {
                    limit: f.limit,
                    cursor: f.cursor.clone(),
                },
            )
            .await?
            .map(|x| SheetResponse::from(&x)),
    ))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/datasheets/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Sheet id")),
    responses((status = 200, body = SheetView), Problems))]
pub async fn get_sheet(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadDatasheets>,
    PathIds(customer_id, id): PathIds,
) -> ApiResult<Json<SheetView>> {
    let sheet = load_sheet(&ctx, &customer_id, &id).await?;
    Ok(Json(view(&ctx, sheet).await?))
}

/// Unlocks a submitted sheet so the contact can correct it; submitting it again raises a new ticket.
#[utoipa::path(post, path = "/admin/customers/{customer_id}/datasheets/{id}/unlock", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Sheet id")),
    responses((status = 200, body = SheetResponse), Problems))]
pub async fn unlock(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteDatasheets>,
    PathIds(customer_id, id): PathIds,
) -> ApiResult<Json<SheetResponse>> {
    let sheet = load_sheet(&ctx, &customer_id, &id).await?;
    if sheet.status != SheetStatus::Submitted {
        return Err(ApiError::Conflict("the sheet is not submitted".into()));
    }
    let mut draft = sheet.clone();
    draft.status = SheetStatus::Draft;
    draft.updated_at = OffsetDateTime::now_utc();
    draft.version += 1;
    ctx.table
        .transact_or(vec![ctx.table.put_versioned(&draft, sheet.version)?], |_| stale())
        .await?;
    Ok(Json(SheetResponse::from(&draft)))
}

/// Submitted sheets of one template as CSV (columns from the template's current fields; up to 5,000 rows).
#[utoipa::path(get, path = "/admin/customers/{id}/datasheets/export", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), ExportParams),
    responses((status = 200, content_type = "text/csv", body = String), Problems))]
pub async fn export(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadDatasheets>,
    PathId(id): PathId,
    QueryParams(p): QueryParams<ExportParams>,
) -> ApiResult<impl IntoResponse> {
    let template_id = shared::extract::object_id(&p.template_id)?;
    let template = head(&ctx, &template_id).await?;
    let mut csv = String::from("sheet,submitted_at,submitted_by,ticket_number");
    for f in &template.fields {
        csv.push(',');
        csv.push_str(&shared::csv::field(&f.label));
    }
    csv.push_str("\r\n");
    let mut spec = Sheet::of_customer(&id);
    spec.newest_first = false;
    spec.equals = vec![("status", "submitted".into()), ("template_id", template_id.clone())];
    let mut page = PageParams {
        limit: Some(100),
        cursor: None,
    };
    for _ in 0..50 {
        let rows = ctx.table.query_page::<Sheet>(&spec, &page).await?;
        for s in rows.items {
            let when = s
                .submitted_at
                .and_then(|d| d.format(&time::format_description::well_known::Rfc3339).ok())
                .unwrap_or_default();
            let mut line = vec![
                s.id.clone(),
                when,
                shared::csv::field(s.submitted_by.as_deref().unwrap_or_default()),
                s.ticket_number.map(|n| n.to_string()).unwrap_or_default(),
            ];
            line.extend(
                template
                    .fields
                    .iter()
                    .map(|f| shared::csv::field(&s.values.get(&f.key).map(display).unwrap_or_default())),
            );
            csv.push_str(&line.join(","));
            csv.push_str("\r\n");
        }
        match rows.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"datasheets.csv\""),
        ],
        csv,
    ))
}
