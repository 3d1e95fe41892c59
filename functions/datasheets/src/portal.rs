//! `/portal/datasheets…`: contacts fill in their company's assigned templates and submit them; a
//! submission locks the sheet and raises a ticket in the same transaction.

use std::collections::BTreeMap;

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, QueryParams},
    ids,
    openapi::Problems,
    outbox::{self, OutboxTask},
    pagination::{Page, PageParams},
    principal::{module, Portal, PortalRead},
    table::{
        contacts::Actor,
        customers::stale,
        datasheets::{display, validate_values, PortalTemplates, Sheet, SheetStatus, Template, TemplateVersion},
        tickets::{Priority, Ticket, TicketType},
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{AvailableTemplate, NewSheet, SaveSheet, SheetResponse, SheetView};

pub async fn assigned(ctx: &Context, customer_id: &str) -> ApiResult<PortalTemplates> {
    Ok(ctx.table.get::<PortalTemplates>(customer_id).await?.unwrap_or_default())
}

pub async fn template_version(ctx: &Context, id: &str, version: u64) -> ApiResult<Template> {
    let v = ctx
        .table
        .get::<TemplateVersion>((id, version))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(v.0)
}

pub async fn load_sheet(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Sheet> {
    ctx.table
        .get::<Sheet>((customer_id, id))
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn view(ctx: &Context, sheet: Sheet) -> ApiResult<SheetView> {
    let template = template_version(ctx, &sheet.template_id, sheet.template_version).await?;
    Ok(SheetView::new(&sheet, &template))
}

/// The company's data sheets, newest first.
#[utoipa::path(get, path = "/portal/datasheets", tag = "portal", security(("portal" = [])), params(PageParams),
    responses((status = 200, body = Page<SheetResponse>), Problems))]
pub async fn list(
    State(ctx): State<Context>,
    who: PortalRead<module::DataSheets>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<SheetResponse>>> {
    let spec = Sheet::of_customer(&who.0.customer_id);
    let read = ctx.table.query_page::<Sheet>(&spec, &page);
    let (_, sheets) = who.check_during(&ctx, read).await?;
    Ok(Json(sheets.map(|x| SheetResponse::from(&x))))
}

/// The templates this company's contacts may start a sheet from.
#[utoipa::path(get, path = "/portal/datasheets/templates", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Vec<AvailableTemplate>), Problems))]
pub async fn templates(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::DataSheets>,
) -> ApiResult<Json<Vec<AvailableTemplate>>> {
    let config = assigned(&ctx, &who.customer_id).await?;
    if config.template_ids.is_empty() {
        return Ok(Json(Vec::new()));
    }
    let mut out: Vec<AvailableTemplate> = ctx
        .table
        .get_many::<Template>(config.template_ids.iter().map(String::as_str))
        .await?
        .into_iter()
        .filter(|t| !t.archived)
        .map(|t| AvailableTemplate {
            id: t.id,
            name: t.name,
            description: t.description,
        })
        .collect();
    out.sort_by_key(|t| t.name.to_lowercase());
    Ok(Json(out))
}

/// Starts a draft from a template assigned to the company (its current version).
#[utoipa::path(post, path = "/portal/datasheets", tag = "portal", security(("portal" = [])), request_body = NewSheet,
    responses((status = 201, body = SheetView), Problems))]
pub async fn create(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::DataSheets>,
    JsonBody(input): JsonBody<NewSheet>,
) -> ApiResult<(StatusCode, Json<SheetView>)> {
    let contact = session.contact;
    let template_id = input.template_id.to_ascii_uppercase();
    let config = assigned(&ctx, &who.customer_id).await?;
    let head = ctx.table.get::<Template>(&template_id).await?;
    let template = match head {
        Some(t) if config.template_ids.contains(&template_id) && !t.archived => t,
        // Not assigned to this customer: exactly as if it did not exist.
        _ => {
            return Err(ApiError::invalid(
                "template_id",
                "is not a template available to your company",
            ))
        }
    };
    let now = OffsetDateTime::now_utc();
    let sheet = Sheet {
        id: ids::new_id(),
        customer_id: who.customer_id.clone(),
        template_id: template.id.clone(),
        template_version: template.version,
        template_name: template.name.clone(),
        status: SheetStatus::Draft,
        values: BTreeMap::new(),
        created_by: Actor::Contact { id: contact.id.clone() },
        created_by_name: contact.display_name(),
        created_at: now,
        updated_at: now,
        submitted_at: None,
        submitted_by: None,
        ticket_id: None,
        ticket_number: None,
        version: 1,
    };
    let mut actions = vec![ctx.table.put_new(&sheet)?];
    actions.extend(ctx.table.search_actions(None, Some(&sheet))?);
    ctx.table
        .transact_or(actions, |_| ApiError::Conflict("the sheet exists".into()))
        .await?;
    Ok((StatusCode::CREATED, Json(SheetView::new(&sheet, &template))))
}

#[utoipa::path(get, path = "/portal/datasheets/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Sheet id")),
    responses((status = 200, body = SheetView), Problems))]
pub async fn get(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::DataSheets>,
    PathId(id): PathId,
) -> ApiResult<Json<SheetView>> {
    let sheet = load_sheet(&ctx, &who.customer_id, &id).await?;
    Ok(Json(view(&ctx, sheet).await?))
}

/// Saves the draft's values, as often as needed; each value is checked against its field's type.
/// `If-Match` carries the version read: a stale save is refused with 409, never silently overwritten.
#[utoipa::path(put, path = "/portal/datasheets/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Sheet id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = SaveSheet, responses((status = 200, body = SheetView), Problems))]
pub async fn save(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::DataSheets>,
    PathId(id): PathId,
    IfMatch(read_version): IfMatch,
    JsonBody(input): JsonBody<SaveSheet>,
) -> ApiResult<Json<SheetView>> {
    let sheet = load_sheet(&ctx, &who.customer_id, &id).await?;
    if sheet.status == SheetStatus::Submitted {
        return Err(ApiError::Conflict(
            "the sheet is submitted and locked; ask us to unlock it for a correction".into(),
        ));
    }
    if sheet.version != read_version {
        return Err(stale());
    }
    let template = template_version(&ctx, &sheet.template_id, sheet.template_version).await?;
    let errors = validate_values(&template, &input.values, false);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut updated = sheet.clone();
    updated.values = input.values;
    updated.updated_at = OffsetDateTime::now_utc();
    updated.version += 1;
    let mut actions = vec![ctx.table.put_versioned(&updated, read_version)?];
    actions.extend(ctx.table.search_actions(Some(&sheet), Some(&updated))?);
    ctx.table.transact_or(actions, |_| stale()).await?;
    Ok(Json(SheetView::new(&updated, &template)))
}

/// Submits the sheet: every value validated, then in one transaction the sheet is locked, a ticket is
/// raised (linked both ways) and the tickets-from address is queued an email. A second submit answers
/// with the same result and creates nothing.
#[utoipa::path(post, path = "/portal/datasheets/{id}/submit", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Sheet id")),
    responses((status = 200, body = SheetView), Problems))]
pub async fn submit(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::DataSheets>,
    PathId(id): PathId,
) -> ApiResult<Json<SheetView>> {
    let contact = session.contact;
    let sheet = load_sheet(&ctx, &who.customer_id, &id).await?;
    if sheet.status == SheetStatus::Submitted {
        return Ok(Json(view(&ctx, sheet).await?));
    }
    let template = template_version(&ctx, &sheet.template_id, sheet.template_version).await?;
    let errors = validate_values(&template, &sheet.values, true);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = OffsetDateTime::now_utc();
    let description = template
        .fields
        .iter()
        .map(|f| {
            format!(
                "{}: {}",
                f.label,
                sheet.values.get(&f.key).map(display).unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut ticket = Ticket::raised_by(
        &contact,
        &format!("Data sheet: {}", template.name),
        &description,
        TicketType::Request,
        Priority::Normal,
        ctx.config.default_assignee.clone(),
    );
    ticket.data_sheet_id = Some(sheet.id.clone());
    let mut submitted = sheet.clone();
    submitted.status = SheetStatus::Submitted;
    submitted.submitted_at = Some(now);
    submitted.submitted_by = Some(contact.display_name());
    submitted.ticket_id = Some(ticket.id.clone());
    submitted.updated_at = now;
    submitted.version += 1;
    let task = OutboxTask::SheetSubmitted {
        customer_id: who.customer_id.clone(),
        sheet_id: sheet.id.clone(),
    };
    // The ticket (with its number), the locked sheet and the outbox item in one transaction.
    let (table, before) = (&ctx.table, &sheet);
    let (ticket_ref, submitted_ref) = (&mut ticket, &mut submitted);
    let result = outbox::commit_and_deliver_with(&ctx, task, move |email| async move {
        table
            .create_ticket(ticket_ref, |number| {
                submitted_ref.ticket_number = Some(number);
                let mut actions = vec![table.put_versioned(&*submitted_ref, before.version)?, email.clone()];
                actions.extend(table.search_actions(Some(before), Some(&*submitted_ref))?);
                Ok(actions)
            })
            .await
    })
    .await;
    match result {
        Ok(((), _)) => Ok(Json(SheetView::new(&submitted, &template))),
        Err(e) => {
            // A concurrent submit won: answer with its result.
            let now = load_sheet(&ctx, &who.customer_id, &id).await?;
            if now.status == SheetStatus::Submitted {
                return Ok(Json(SheetView::new(&now, &template)));
            }
            Err(e)
        }
    }
}
