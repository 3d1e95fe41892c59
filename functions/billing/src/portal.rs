//! `/portal/quotes…`, `/portal/invoices…`, the site lists of both, and the activity and spend panels:
//! a contact's view of what the business offers and bills their company. Drafts never reach the portal;
//! a sent quote is authorised or declined once, by a contact staff trusted with it.

use axum::{extract::State, Json};
use shared::{
    download::Link,
    error::{ApiError, ApiResult},
    extract::{JsonBody, PathId, QueryParams},
    openapi::Problems,
    outbox::{self, OutboxTask},
    pagination::{Page, PageParams},
    principal::{module, Portal, PortalModule, PortalPrincipal, PortalRead},
    table::{
        billing::{amounts_by_date, by_date},
        counters::{last_twelve_months, Counts},
        documents::Document,
        invoices::{Invoice, InvoiceStatus},
        quotes::{Quote, QuoteDecision, QuoteStatus},
        sites::{field_counts_key, Site},
        Entity, QuerySpec, Table,
    },
    Context,
};
use time::{Date, OffsetDateTime};

use crate::model::{
    today, ActivityPanel, Authorise, Decline, DueAmounts, InvoiceParams, InvoiceView, MonthSpend, QuoteFilter,
    QuoteParams, QuoteView, SpendPanel,
};

fn page(limit: Option<u32>, cursor: Option<String>) -> PageParams {
    PageParams { limit, cursor }
}

/// A quote the portal may show: sent at least once.
async fn sent_quote(table: &Table, customer_id: &str, id: &str) -> ApiResult<Quote> {
    table
        .get::<Quote>((customer_id, id))
        .await?
        .filter(|q| q.status != QuoteStatus::Draft)
        .ok_or(ApiError::NotFound)
}

async fn site_exists(table: &Table, customer_id: &str, id: &str) -> ApiResult<()> {
    table.get::<Site>((customer_id, id)).await?.ok_or(ApiError::NotFound)?;
    Ok(())
}

/// A page of quotes, read beside the access check, as the caller sees them.
/// A page of `spec`, read beside the check that `site` (when one is named) is the customer's: 404 otherwise.
async fn page_on_site<E: Entity>(
    ctx: &Context,
    customer_id: &str,
    site: Option<&str>,
    spec: &QuerySpec,
    params: &PageParams,
) -> ApiResult<Page<E>> {
    let (_, page) = tokio::try_join!(
        async {
            match site {
                Some(s) => site_exists(&ctx.table, customer_id, s).await,
                None => Ok(()),
            }
        },
        ctx.table.query_page::<E>(spec, params)
    )?;
    Ok(page)
}

async fn quote_page<M: PortalModule>(
    ctx: &Context,
    who: &PortalRead<M>,
    site: Option<&str>,
    p: QuoteParams,
) -> ApiResult<Page<QuoteView>> {
    let customer_id = &who.0.customer_id;
    let status = QuoteStatus::from(p.status.unwrap_or(QuoteFilter::Sent));
    let spec = match site {
        Some(s) => Quote::sent_on_site(customer_id, s, status),
        None => Quote::sent_of_customer(customer_id, status),
    };
    let params = page(p.limit, p.cursor);
    let read = page_on_site::<Quote>(ctx, customer_id, site, &spec, &params);
    let (session, quotes) = who.check_during(ctx, read).await?;
    let (today, authority) = (today(), session.contact.authorise_quotes);
    Ok(quotes.map(|q| QuoteView::portal(q, today, authority)))
}

/// The company's quotes in one state, newest sent first.
#[utoipa::path(get, path = "/portal/quotes", tag = "portal", security(("portal" = [])), params(QuoteParams),
    responses((status = 200, body = Page<QuoteView>), Problems))]
pub async fn list_quotes(
    State(ctx): State<Context>,
    who: PortalRead<module::Quotes>,
    QueryParams(p): QueryParams<QuoteParams>,
) -> ApiResult<Json<Page<QuoteView>>> {
    Ok(Json(quote_page(&ctx, &who, None, p).await?))
}

/// One site's quotes in one state, newest sent first.
#[utoipa::path(get, path = "/portal/sites/{id}/quotes", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Site id"), QuoteParams), responses((status = 200, body = Page<QuoteView>), Problems))]
pub async fn site_quotes(
    State(ctx): State<Context>,
    who: PortalRead<module::Quotes>,
    PathId(id): PathId,
    QueryParams(p): QueryParams<QuoteParams>,
) -> ApiResult<Json<Page<QuoteView>>> {
    Ok(Json(quote_page(&ctx, &who, Some(&id), p).await?))
}

/// One quote, with whether the caller may decide it.
#[utoipa::path(get, path = "/portal/quotes/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Quote id")), responses((status = 200, body = QuoteView), Problems))]
pub async fn get_quote(
    State(ctx): State<Context>,
    who: PortalRead<module::Quotes>,
    PathId(id): PathId,
) -> ApiResult<Json<QuoteView>> {
    let (session, quote) = who
        .check_during(&ctx, sent_quote(&ctx.table, &who.0.customer_id, &id))
        .await?;
    Ok(Json(QuoteView::portal(
        quote,
        today(),
        session.contact.authorise_quotes,
    )))
}

/// Authorises or declines a sent quote, once: the quote, its site's and customer's counters and the
/// business's email commit together, conditional on the version read, so of two contacts acting at
/// once exactly one succeeds and the other hears what happened.
async fn decide(
    ctx: &Context,
    who: &PortalPrincipal,
    authority: bool,
    id: &str,
    outcome: QuoteStatus,
    decision: QuoteDecision,
) -> ApiResult<QuoteView> {
    let before = sent_quote(&ctx.table, &who.customer_id, id).await?;
    if !authority {
        return Err(ApiError::Forbidden);
    }
    let today = today();
    if before.status != QuoteStatus::Sent {
        return Err(ApiError::Conflict(format!(
            "the quote was already {}",
            before.status.as_str()
        )));
    }
    if before.expired(today) {
        return Err(ApiError::Conflict(format!(
            "the quote expired on {}; ask for a new one",
            before.valid_until
        )));
    }
    let mut after = before.clone();
    after.status = outcome;
    after.decision = Some(decision);
    after.updated_at = OffsetDateTime::now_utc();
    after.version += 1;
    let actions = ctx.table.billed_actions(Some(&before), Some(&after))?;
    let task = OutboxTask::QuoteDecided {
        customer_id: who.customer_id.clone(),
        quote_id: id.to_owned(),
    };
    // A sent quote changes only by a decision, so a lost condition means someone decided first.
    outbox::commit_and_deliver(ctx, actions, task, |_| {
        ApiError::Conflict("another contact decided this quote a moment ago".into())
    })
    .await?;
    Ok(QuoteView::portal(after, today, authority))
}

/// Authorises a sent quote (needs the contact's quote authority); afterwards it cannot change. The
/// business is emailed.
#[utoipa::path(post, path = "/portal/quotes/{id}/authorise", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Quote id")), request_body = Authorise,
    responses((status = 200, body = QuoteView), Problems))]
pub async fn authorise(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Quotes>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<Authorise>,
) -> ApiResult<Json<QuoteView>> {
    let decision = input.decision(&who.contact_id);
    let authority = session.contact.authorise_quotes;
    Ok(Json(
        decide(&ctx, &who, authority, &id, QuoteStatus::Authorised, decision).await?,
    ))
}

/// Declines a sent quote (needs the contact's quote authority); afterwards it cannot change. The
/// business is emailed.
#[utoipa::path(post, path = "/portal/quotes/{id}/decline", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Quote id")), request_body = Decline,
    responses((status = 200, body = QuoteView), Problems))]
pub async fn decline(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Quotes>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<Decline>,
) -> ApiResult<Json<QuoteView>> {
    let decision = input.decision(&who.contact_id);
    let authority = session.contact.authorise_quotes;
    Ok(Json(
        decide(&ctx, &who, authority, &id, QuoteStatus::Declined, decision).await?,
    ))
}

async fn invoice_page(
    ctx: &Context,
    who: &PortalRead<module::Invoices>,
    site: Option<&str>,
    p: InvoiceParams,
) -> ApiResult<Page<InvoiceView>> {
    let customer_id = &who.0.customer_id;
    let status = p.status.unwrap_or(InvoiceStatus::Unpaid);
    let spec = match site {
        Some(s) => Invoice::on_site(customer_id, s, status),
        None => Invoice::of_customer(customer_id, status),
    };
    let params = page(p.limit, p.cursor);
    let read = page_on_site::<Invoice>(ctx, customer_id, site, &spec, &params);
    let (_, invoices) = who.check_during(ctx, read).await?;
    let today = today();
    Ok(invoices.map(|i| InvoiceView::new(i, today, false)))
}

/// The company's invoices in one status: unpaid (default) earliest due first, so the overdue lead.
#[utoipa::path(get, path = "/portal/invoices", tag = "portal", security(("portal" = [])), params(InvoiceParams),
    responses((status = 200, body = Page<InvoiceView>), Problems))]
pub async fn list_invoices(
    State(ctx): State<Context>,
    who: PortalRead<module::Invoices>,
    QueryParams(p): QueryParams<InvoiceParams>,
) -> ApiResult<Json<Page<InvoiceView>>> {
    Ok(Json(invoice_page(&ctx, &who, None, p).await?))
}

/// One site's invoices in one status.
#[utoipa::path(get, path = "/portal/sites/{id}/invoices", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Site id"), InvoiceParams), responses((status = 200, body = Page<InvoiceView>), Problems))]
pub async fn site_invoices(
    State(ctx): State<Context>,
    who: PortalRead<module::Invoices>,
    PathId(id): PathId,
    QueryParams(p): QueryParams<InvoiceParams>,
) -> ApiResult<Json<Page<InvoiceView>>> {
    Ok(Json(invoice_page(&ctx, &who, Some(&id), p).await?))
}

/// One invoice.
#[utoipa::path(get, path = "/portal/invoices/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Invoice id")), responses((status = 200, body = InvoiceView), Problems))]
pub async fn get_invoice(
    State(ctx): State<Context>,
    who: PortalRead<module::Invoices>,
    PathId(id): PathId,
) -> ApiResult<Json<InvoiceView>> {
    let (_, invoice) = who
        .check_during(&ctx, ctx.table.get::<Invoice>((&who.0.customer_id, &id)))
        .await?;
    Ok(Json(InvoiceView::new(
        invoice.ok_or(ApiError::NotFound)?,
        today(),
        false,
    )))
}

/// A five-minute link to the invoice's PDF, authorised through the invoice: the document need not be
/// shared in the documents tree, and its id alone opens nothing.
#[utoipa::path(get, path = "/portal/invoices/{id}/pdf", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Invoice id")), responses((status = 200, body = Link), Problems))]
pub async fn invoice_pdf(
    State(ctx): State<Context>,
    who: PortalRead<module::Invoices>,
    PathId(id): PathId,
) -> ApiResult<Json<Link>> {
    let customer_id = &who.0.customer_id;
    let (_, invoice) = who
        .check_during(&ctx, ctx.table.get::<Invoice>((customer_id, &id)))
        .await?;
    let document_id = invoice.and_then(|i| i.document_id).ok_or(ApiError::NotFound)?;
    let doc = ctx
        .table
        .get::<Document>((customer_id, &document_id))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(shared::download::link(&ctx, &doc).await?))
}

/// The activity panel, from one item: quotes awaiting a decision and invoices outstanding.
#[utoipa::path(get, path = "/portal/activity", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = ActivityPanel), Problems))]
pub async fn activity(State(ctx): State<Context>, who: PortalRead<module::Activity>) -> ApiResult<Json<ActivityPanel>> {
    let (_, counts) = who
        .check_during(&ctx, ctx.table.counts(field_counts_key(&who.0.customer_id)))
        .await?;
    Ok(Json(activity_panel(&counts, today())))
}

pub fn activity_panel(counts: &Counts, today: Date) -> ActivityPanel {
    let (quotes_expired, quotes_awaiting) = by_date(counts, "quote_due", today);
    let (invoices_overdue, invoices_due) = by_date(counts, "invoice_due", today);
    let amounts = |prefix| {
        amounts_by_date(counts, prefix, today)
            .into_iter()
            .filter(|(_, (past, current))| *past != 0 || *current != 0)
            .map(|(cur, (past, current))| (cur, DueAmounts { past, current }))
            .collect()
    };
    ActivityPanel {
        quotes_awaiting,
        quotes_expired,
        quote_value: amounts("quote_value"),
        invoices_overdue,
        invoices_due,
        owed: amounts("invoice_owed"),
    }
}

/// The spend panel, from one item: invoiced amounts per month for the 12 months up to this one.
#[utoipa::path(get, path = "/portal/spend", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = SpendPanel), Problems))]
pub async fn spend(State(ctx): State<Context>, who: PortalRead<module::Spend>) -> ApiResult<Json<SpendPanel>> {
    let (_, counts) = who
        .check_during(&ctx, ctx.table.counts(field_counts_key(&who.0.customer_id)))
        .await?;
    Ok(Json(spend_panel(&counts, today())))
}

pub fn spend_panel(counts: &Counts, today: Date) -> SpendPanel {
    let months = last_twelve_months(today)
        .into_iter()
        .map(|(year, month)| {
            let key = format!("{year:04}-{month:02}");
            let amounts = counts
                .iter()
                .filter_map(|(k, v)| {
                    let (currency, m) = k.strip_prefix("invoiced#")?.split_once('#')?;
                    (m == key && *v != 0).then(|| (currency.to_owned(), *v))
                })
                .collect();
            MonthSpend { month: key, amounts }
        })
        .collect();
    SpendPanel { months }
}
