//! `/admin/customers…` and `/admin/contacts…`: staff keep customers and their contacts.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    Json,
};
use shared::{
    error::{ApiError, ApiResult},
    extract::{etag, IfMatch, JsonBody, PathId, QueryParams},
    ids,
    openapi::Problems,
    pagination::Page,
    principal::{can, Staff, StaffPrincipal},
    table::{
        contacts::Contact,
        customers::{stale, Customer},
    },
    Context,
};
use time::OffsetDateTime;

use crate::{
    model::{ContactInput, ContactResponse, CustomerInput, CustomerResponse, ListParams},
    portal::new_contact,
};

type Created<T> = (StatusCode, HeaderMap, Json<T>);

fn with_etag<T>(status: StatusCode, version: u64, location: Option<String>, body: T) -> Created<T> {
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&etag(version)) {
        headers.insert(header::ETAG, v);
    }
    if let Some(Ok(v)) = location.map(|l| HeaderValue::from_str(&l)) {
        headers.insert(header::LOCATION, v);
    }
    (status, headers, Json(body))
}

async fn load_customer(ctx: &Context, id: &str) -> ApiResult<Customer> {
    ctx.table.customer(id).await?.ok_or(ApiError::NotFound)
}

async fn load_contact(ctx: &Context, id: &str) -> ApiResult<Contact> {
    ctx.table.contact_by_id(id).await?.ok_or(ApiError::NotFound)
}

/// Customers by name; `archived=true` lists the archived ones.
#[utoipa::path(get, path = "/admin/customers", tag = "staff", security(("staff" = [])), params(ListParams),
    responses(
        (status = 200, body = Page<CustomerResponse>),
        Problems,
    ))]
pub async fn list_customers(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadCustomers>,
    QueryParams(q): QueryParams<ListParams>,
) -> ApiResult<Json<Page<CustomerResponse>>> {
    Ok(Json(
        ctx.table
            .customers(q.archived, &q.page())
            .await?
            .map(|c| CustomerResponse::from(&c)),
    ))
}

#[utoipa::path(post, path = "/admin/customers", tag = "staff", security(("staff" = [])),
    request_body = CustomerInput,
    responses(
        (status = 201, body = CustomerResponse),
        Problems,
    ))]
pub async fn create_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteCustomers>,
    JsonBody(input): JsonBody<CustomerInput>,
) -> ApiResult<Created<CustomerResponse>> {
    if input.main_contact_id.is_some() {
        return Err(ApiError::invalid(
            "main_contact_id",
            "a new customer has no contacts yet; set it once they exist",
        ));
    }
    let mut customer = Customer::new(ids::new_id(), String::new());
    input.apply(&mut customer);
    ctx.table.create_customer(&customer).await?;
    let location = format!("/admin/customers/{}", customer.id);
    Ok(with_etag(
        StatusCode::CREATED,
        customer.version,
        Some(location),
        CustomerResponse::from(&customer),
    ))
}

#[utoipa::path(get, path = "/admin/customers/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")),
    responses(
        (status = 200, body = CustomerResponse, headers(("ETag" = String))),
        Problems,
    ))]
pub async fn get_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadCustomers>,
    PathId(id): PathId,
) -> ApiResult<Created<CustomerResponse>> {
    let customer = load_customer(&ctx, &id).await?;
    Ok(with_etag(
        StatusCode::OK,
        customer.version,
        None,
        CustomerResponse::from(&customer),
    ))
}

/// Replaces the customer's editable fields. `If-Match` carries the version read.
#[utoipa::path(put, path = "/admin/customers/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), ("If-Match" = String, Header, description = "The ETag read")),
    request_body = CustomerInput,
    responses(
        (status = 200, body = CustomerResponse),
        Problems,
    ))]
pub async fn update_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteCustomers>,
    PathId(id): PathId,
    IfMatch(read_version): IfMatch,
    JsonBody(input): JsonBody<CustomerInput>,
) -> ApiResult<Created<CustomerResponse>> {
    let mut customer = load_customer(&ctx, &id).await?;
    if customer.version != read_version {
        return Err(stale());
    }
    input.apply(&mut customer);
    customer.version += 1;
    customer.updated_at = OffsetDateTime::now_utc();
    ctx.table.save_customer(&customer, read_version).await?;
    Ok(with_etag(
        StatusCode::OK,
        customer.version,
        None,
        CustomerResponse::from(&customer),
    ))
}

async fn set_customer_archived(ctx: &Context, id: &str, archived: bool) -> ApiResult<Created<CustomerResponse>> {
    let mut customer = load_customer(ctx, id).await?;
    if customer.archived != archived {
        let read_version = customer.version;
        customer.archived = archived;
        customer.version += 1;
        customer.updated_at = OffsetDateTime::now_utc();
        ctx.table.save_customer(&customer, read_version).await?;
    }
    Ok(with_etag(
        StatusCode::OK,
        customer.version,
        None,
        CustomerResponse::from(&customer),
    ))
}

/// Archives a customer: it leaves the customer list and its contacts lose the portal.
#[utoipa::path(post, path = "/admin/customers/{id}/archive", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")),
    responses(
        (status = 200, body = CustomerResponse),
        Problems,
    ))]
pub async fn archive_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteCustomers>,
    PathId(id): PathId,
) -> ApiResult<Created<CustomerResponse>> {
    set_customer_archived(&ctx, &id, true).await
}

#[utoipa::path(post, path = "/admin/customers/{id}/restore", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")),
    responses(
        (status = 200, body = CustomerResponse),
        Problems,
    ))]
pub async fn restore_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteCustomers>,
    PathId(id): PathId,
) -> ApiResult<Created<CustomerResponse>> {
    set_customer_archived(&ctx, &id, false).await
}

/// A customer's contacts by name; `archived=true` lists the archived ones.
#[utoipa::path(get, path = "/admin/customers/{id}/contacts", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), ListParams),
    responses(
        (status = 200, body = Page<ContactResponse>),
        Problems,
    ))]
pub async fn list_contacts(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadCustomers>,
    PathId(id): PathId,
    QueryParams(q): QueryParams<ListParams>,
) -> ApiResult<Json<Page<ContactResponse>>> {
    Ok(Json(
        ctx.table
            .contacts(&id, q.archived, &q.page())
            .await?
            .map(|c| ContactResponse::from(&c)),
    ))
}

#[utoipa::path(post, path = "/admin/customers/{id}/contacts", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")),
    request_body = ContactInput,
    responses(
        (status = 201, body = ContactResponse),
        Problems,
    ))]
pub async fn create_contact(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteCustomers>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<ContactInput>,
) -> ApiResult<Created<ContactResponse>> {
    let contact = new_contact(&id, input, who.actor());
    ctx.table.create_contact(&contact).await?;
    let location = format!("/admin/contacts/{}", contact.id);
    Ok(with_etag(
        StatusCode::CREATED,
        contact.version,
        Some(location),
        ContactResponse::from(&contact),
    ))
}

#[utoipa::path(get, path = "/admin/contacts/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")),
    responses(
        (status = 200, body = ContactResponse, headers(("ETag" = String))),
        Problems,
    ))]
pub async fn get_contact(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadCustomers>,
    PathId(id): PathId,
) -> ApiResult<Created<ContactResponse>> {
    let contact = load_contact(&ctx, &id).await?;
    Ok(with_etag(
        StatusCode::OK,
        contact.version,
        None,
        ContactResponse::from(&contact),
    ))
}

#[utoipa::path(put, path = "/admin/contacts/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id"), ("If-Match" = String, Header, description = "The ETag read")),
    request_body = ContactInput,
    responses(
        (status = 200, body = ContactResponse),
        Problems,
    ))]
pub async fn update_contact(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteCustomers>,
    PathId(id): PathId,
    IfMatch(read_version): IfMatch,
    JsonBody(input): JsonBody<ContactInput>,
) -> ApiResult<Created<ContactResponse>> {
    let mut contact = load_contact(&ctx, &id).await?;
    if contact.version != read_version {
        return Err(stale());
    }
    let new_email = input
        .email
        .as_deref()
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty());
    if contact.portal_username.is_some() && new_email != contact.email {
        // The address is claimed deployment-wide with the portal access; it moves only with it.
        return Err(ApiError::Conflict(
            "revoke the contact's portal access before changing their email address".into(),
        ));
    }
    input.apply(&mut contact);
    contact.version += 1;
    contact.updated_at = OffsetDateTime::now_utc();
    ctx.table.save_contact(&contact, read_version).await?;
    Ok(with_etag(
        StatusCode::OK,
        contact.version,
        None,
        ContactResponse::from(&contact),
    ))
}

async fn set_contact_archived(
    ctx: &Context,
    who: &StaffPrincipal,
    id: &str,
    archived: bool,
) -> ApiResult<Created<ContactResponse>> {
    let mut contact = load_contact(ctx, id).await?;
    if archived && contact.portal_username.is_some() {
        // Archiving revokes access, which only those who manage portal access may do.
        who.require(shared::permissions::Permission::PortalManageAccess)?;
        // Archiving revokes portal access first: sessions end, username and email are released.
        let pool = shared::identity::PortalPool::admin(
            ctx.clients.cognito().clone(),
            ctx.config.portal_user_pool_id.clone().unwrap_or_default(),
        );
        contact = shared::portal_access::revoke(ctx, &pool, &contact, who.actor(), "contact archived").await?;
    }
    if contact.archived != archived {
        let read_version = contact.version;
        contact.archived = archived;
        contact.version += 1;
        contact.updated_at = OffsetDateTime::now_utc();
        ctx.table.save_contact(&contact, read_version).await?;
    }
    Ok(with_etag(
        StatusCode::OK,
        contact.version,
        None,
        ContactResponse::from(&contact),
    ))
}

/// Archives a contact: they leave the portal's contact list and can no longer use the portal.
#[utoipa::path(post, path = "/admin/contacts/{id}/archive", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")),
    responses(
        (status = 200, body = ContactResponse),
        Problems,
    ))]
pub async fn archive_contact(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteCustomers>,
    PathId(id): PathId,
) -> ApiResult<Created<ContactResponse>> {
    set_contact_archived(&ctx, &who, &id, true).await
}

#[utoipa::path(post, path = "/admin/contacts/{id}/restore", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")),
    responses(
        (status = 200, body = ContactResponse),
        Problems,
    ))]
pub async fn restore_contact(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteCustomers>,
    PathId(id): PathId,
) -> ApiResult<Created<ContactResponse>> {
    set_contact_archived(&ctx, &who, &id, false).await
}
