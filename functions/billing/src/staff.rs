//! `/admin/customers/{id}/quotes…`, `…/invoices…` and `/admin/contacts/{id}/quote-authority`: the
//! business prices work and bills it, and decides which contacts may authorise its quotes.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, PathIds, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{
        billing::billed_conflict,
        customers::stale,
        defects::Defect,
        documents::Document,
        invoices::{Invoice, InvoiceStatus},
        quotes::{Quote, QuoteKind, QuoteStatus},
        Cancelled, Condition, Entity,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{today, InvoiceInput, InvoiceParams, InvoiceView, QuoteAuthority, QuoteInput, QuoteView};

/// The defects a defect quote names must be defects of its site.
async fn check_defects(ctx: &Context, customer_id: &str, input: &QuoteInput) -> ApiResult<()> {
    if input.defect_ids.is_empty() {
        return Ok(());
    }
    let found: Vec<Defect> = ctx
        .table
        .get_many::<Defect>(input.defect_ids.iter().map(|d| (customer_id, d.as_str())))
        .await?;
    for (i, id) in input.defect_ids.iter().enumerate() {
        if !found.iter().any(|d| &d.id == id && d.site_id == input.site_id) {
            return Err(ApiError::invalid(
                format!("defect_ids[{i}]"),
                "is not a defect of this site",
            ));
        }
    }
    Ok(())
}

#[utoipa::path(get, path = "/admin/customers/{id}/quotes", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams), responses((status = 200, body = Page<QuoteView>), Problems))]
pub async fn list_quotes(
    State(ctx): State<Context>,
    _s: Staff<can::ReadBilling>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<QuoteView>>> {
    let quotes = ctx.table.query_page::<Quote>(&Quote::of_customer(&id), &page).await?;
    let today = today();
    Ok(Json(quotes.map(|q| QuoteView::staff(q, today))))
}

/// Creates a draft quote; contacts see it once sent.
#[utoipa::path(post, path = "/admin/customers/{id}/quotes", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = QuoteInput, responses((status = 201, body = QuoteView), Problems))]
pub async fn create_quote(
    State(ctx): State<Context>,
    _s: Staff<can::WriteBilling>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<QuoteInput>,
) -> ApiResult<(StatusCode, Json<QuoteView>)> {
    check_defects(&ctx, &id, &input).await?;
    let now = OffsetDateTime::now_utc();
    let mut quote = Quote {
        id: ids::new_id(),
        customer_id: id,
        site_id: String::new(),
        number: String::new(),
        kind: QuoteKind::Service,
        defect_ids: Vec::new(),
        title: String::new(),
        description: None,
        lines: Vec::new(),
        tax_rate: 0,
        currency: String::new(),
        subtotal: 0,
        tax: 0,
        total: 0,
        valid_until: now.date(),
        status: QuoteStatus::Draft,
        sent_at: None,
        decision: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    input.apply(&mut quote);
    ctx.table.save_billed(None, Some(&quote)).await?;
    Ok((StatusCode::CREATED, Json(QuoteView::staff(quote, now.date()))))
}

async fn load_quote(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Quote> {
    ctx.table
        .get::<Quote>((customer_id, id))
        .await?
        .ok_or(ApiError::NotFound)
}

/// Only a draft changes: once sent, a quote is what the customer was offered.
fn draft(q: &Quote, version: u64) -> ApiResult<()> {
    if q.version != version {
        return Err(stale());
    }
    if q.status != QuoteStatus::Draft {
        return Err(ApiError::Conflict(format!(
            "the quote is {}; only a draft changes",
            q.status.as_str()
        )));
    }
    Ok(())
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/quotes/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Quote id")),
    responses((status = 200, body = QuoteView), Problems))]
pub async fn get_quote(
    State(ctx): State<Context>,
    _s: Staff<can::ReadBilling>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<QuoteView>> {
    Ok(Json(QuoteView::staff(load_quote(&ctx, &cid, &id).await?, today())))
}

/// Changes a draft quote; its number stays.
#[utoipa::path(put, path = "/admin/customers/{customer_id}/quotes/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Quote id"),
        ("If-Match" = String, Header, description = "The version read")),
    request_body = QuoteInput, responses((status = 200, body = QuoteView), Problems))]
pub async fn update_quote(
    State(ctx): State<Context>,
    _s: Staff<can::WriteBilling>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<QuoteInput>,
) -> ApiResult<Json<QuoteView>> {
    let before = load_quote(&ctx, &cid, &id).await?;
    draft(&before, v)?;
    if input.number.trim() != before.number {
        return Err(ApiError::invalid("number", "a quote keeps its number"));
    }
    check_defects(&ctx, &cid, &input).await?;
    let mut after = before.clone();
    input.apply(&mut after);
    after.version += 1;
    ctx.table.save_billed(Some(&before), Some(&after)).await?;
    Ok(Json(QuoteView::staff(after, today())))
}

/// Deletes a draft quote and frees its number.
#[utoipa::path(delete, path = "/admin/customers/{customer_id}/quotes/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Quote id"),
        ("If-Match" = String, Header, description = "The version read")),
    responses((status = 204), Problems))]
pub async fn delete_quote(
    State(ctx): State<Context>,
    _s: Staff<can::WriteBilling>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
) -> ApiResult<StatusCode> {
    let before = load_quote(&ctx, &cid, &id).await?;
    draft(&before, v)?;
    ctx.table.save_billed::<Quote>(Some(&before), None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sends a draft quote: contacts see it and, with the grant, authorise or decline it until its last day.
#[utoipa::path(post, path = "/admin/customers/{customer_id}/quotes/{id}/send", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Quote id"),
        ("If-Match" = String, Header, description = "The version read")),
    responses((status = 200, body = QuoteView), Problems))]
pub async fn send_quote(
    State(ctx): State<Context>,
    _s: Staff<can::WriteBilling>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
) -> ApiResult<Json<QuoteView>> {
    let before = load_quote(&ctx, &cid, &id).await?;
    draft(&before, v)?;
    let now = OffsetDateTime::now_utc();
    if before.valid_until < now.date() {
        return Err(ApiError::invalid("valid_until", "has passed; set a later day first"));
    }
    let mut after = before.clone();
    after.status = QuoteStatus::Sent;
    after.sent_at = Some(now);
    after.updated_at = now;
    after.version += 1;
    ctx.table.save_billed(Some(&before), Some(&after)).await?;
    Ok(Json(QuoteView::staff(after, now.date())))
}

#[utoipa::path(get, path = "/admin/customers/{id}/invoices", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), InvoiceParams), responses((status = 200, body = Page<InvoiceView>), Problems))]
pub async fn list_invoices(
    State(ctx): State<Context>,
    _s: Staff<can::ReadBilling>,
    PathId(id): PathId,
    QueryParams(p): QueryParams<InvoiceParams>,
) -> ApiResult<Json<Page<InvoiceView>>> {
    let spec = Invoice::of_customer(&id, p.status.unwrap_or(InvoiceStatus::Unpaid));
    let page = PageParams {
        limit: p.limit,
        cursor: p.cursor,
    };
    let invoices = ctx.table.query_page::<Invoice>(&spec, &page).await?;
    let today = today();
    Ok(Json(invoices.map(|i| InvoiceView::new(i, today, true))))
}

/// Writes an invoice with its counters, checking in the same transaction that its quote and PDF
/// document are the customer's.
async fn save_invoice(ctx: &Context, before: Option<&Invoice>, after: &Invoice) -> ApiResult<()> {
    let mut actions = ctx.table.billed_actions(before, Some(after))?;
    let cid = after.customer_id.as_str();
    if let Some(q) = &after.quote_id {
        actions.push(ctx.table.check::<Quote>((cid, q), Condition::exists())?);
    }
    if let Some(d) = &after.document_id {
        actions.push(ctx.table.check::<Document>((cid, d), Condition::exists())?);
    }
    ctx.table
        .transact_or(actions, |c: Cancelled| {
            if c.failed(Quote::TYPE) {
                ApiError::invalid("quote_id", "is not a quote of this customer")
            } else if c.failed(Document::TYPE) {
                ApiError::invalid("document_id", "is not a document of this customer")
            } else {
                billed_conflict::<Invoice>(c)
            }
        })
        .await
}

#[utoipa::path(post, path = "/admin/customers/{id}/invoices", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = InvoiceInput, responses((status = 201, body = InvoiceView), Problems))]
pub async fn create_invoice(
    State(ctx): State<Context>,
    _s: Staff<can::WriteBilling>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<InvoiceInput>,
) -> ApiResult<(StatusCode, Json<InvoiceView>)> {
    let now = OffsetDateTime::now_utc();
    let mut invoice = Invoice {
        id: ids::new_id(),
        customer_id: id,
        site_id: String::new(),
        number: String::new(),
        quote_id: None,
        issued_on: now.date(),
        due_on: now.date(),
        lines: Vec::new(),
        tax_rate: 0,
        currency: String::new(),
        subtotal: 0,
        tax: 0,
        total: 0,
        status: InvoiceStatus::Unpaid,
        paid_on: None,
        document_id: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    input.apply(&mut invoice);
    save_invoice(&ctx, None, &invoice).await?;
    Ok((StatusCode::CREATED, Json(InvoiceView::new(invoice, now.date(), true))))
}

async fn load_invoice(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Invoice> {
    ctx.table
        .get::<Invoice>((customer_id, id))
        .await?
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/invoices/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Invoice id")),
    responses((status = 200, body = InvoiceView), Problems))]
pub async fn get_invoice(
    State(ctx): State<Context>,
    _s: Staff<can::ReadBilling>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<InvoiceView>> {
    Ok(Json(InvoiceView::new(
        load_invoice(&ctx, &cid, &id).await?,
        today(),
        true,
    )))
}

/// Changes an invoice: marks it paid or void, moves its due date, corrects it. The number stays, and a
/// void invoice stays void.
#[utoipa::path(put, path = "/admin/customers/{customer_id}/invoices/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Invoice id"),
        ("If-Match" = String, Header, description = "The version read")),
    request_body = InvoiceInput, responses((status = 200, body = InvoiceView), Problems))]
pub async fn update_invoice(
    State(ctx): State<Context>,
    _s: Staff<can::WriteBilling>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<InvoiceInput>,
) -> ApiResult<Json<InvoiceView>> {
    let before = load_invoice(&ctx, &cid, &id).await?;
    if before.version != v {
        return Err(stale());
    }
    if before.status == InvoiceStatus::Void {
        return Err(ApiError::Conflict("a void invoice cannot change".into()));
    }
    if input.number.trim() != before.number {
        return Err(ApiError::invalid("number", "an invoice keeps its number"));
    }
    let mut after = before.clone();
    input.apply(&mut after);
    after.version += 1;
    save_invoice(&ctx, Some(&before), &after).await?;
    Ok(Json(InvoiceView::new(after, today(), true)))
}

/// Grants or withdraws a contact's right to authorise and decline their company's quotes.
#[utoipa::path(put, path = "/admin/contacts/{id}/quote-authority", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")), request_body = QuoteAuthority,
    responses((status = 200, body = QuoteAuthority), Problems))]
pub async fn quote_authority(
    State(ctx): State<Context>,
    _s: Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<QuoteAuthority>,
) -> ApiResult<Json<QuoteAuthority>> {
    let contact = ctx.table.contact_by_id(&id).await?.ok_or(ApiError::NotFound)?;
    if contact.authorise_quotes != input.authorise_quotes {
        let mut updated = contact.clone();
        updated.authorise_quotes = input.authorise_quotes;
        updated.version += 1;
        updated.updated_at = OffsetDateTime::now_utc();
        ctx.table.save_contact(&updated, contact.version).await?;
    }
    Ok(Json(input))
}
