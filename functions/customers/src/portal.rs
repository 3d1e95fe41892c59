//! `/portal/me` and `/portal/contacts`: what a signed-in contact sees of their own company.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{JsonBody, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, viewed_customer, Portal, PortalRead, PortalViewer},
    table::contacts::{Actor, Contact},
    Context,
};

use crate::model::{manager_cards, renewal_notice, Company, ContactInput, Me, MyContact, PortalContact, Viewing};
use time::OffsetDateTime;

/// The signed-in contact, their company's main information, its account managers and the modules of the
/// portal in view: their own company's, or (with `x-portal-customer`, checked against their group grant) the
/// viewed customer's, named in `viewing`.
#[utoipa::path(get, path = "/portal/me", tag = "portal", security(("portal" = [])),
    responses(
        (status = 200, body = Me),
        Problems,
    ))]
pub async fn me(State(ctx): State<Context>, PortalViewer(who): PortalViewer) -> ApiResult<Json<Me>> {
    let (customer, contact) = ctx
        .table
        .customer_and_contact(&who.home_customer_id, &who.contact_id)
        .await?;
    let (Some(customer), Some(contact)) = (customer, contact) else {
        return Err(ApiError::NotFound);
    };
    if shared::table::contacts::portal_refusal(&customer, &contact, OffsetDateTime::now_utc().date()).is_some() {
        return Err(ApiError::Forbidden);
    }
    let main_contact = match customer.main_contact_id.as_deref() {
        None => None,
        Some(id) if id == contact.id => Some(contact.clone()),
        Some(id) => ctx.table.contact(&customer.id, id).await?,
    }
    .filter(|c| !c.archived)
    .map(PortalContact::from);
    let account_managers = manager_cards(&customer, ctx.config.company_phone.as_deref());
    let (viewing, modules) = if who.viewing_other() {
        let (viewed, modules) = viewed_customer(&ctx, &who, &contact).await?;
        (
            Some(Viewing {
                id: viewed.id,
                name: viewed.name,
            }),
            modules,
        )
    } else {
        (None, ctx.table.effective_modules(&customer.id).await?)
    };
    let renewal_notice = renewal_notice(
        &customer,
        OffsetDateTime::now_utc().date(),
        ctx.config.support_notice_days,
    );
    Ok(Json(Me {
        contact: MyContact {
            id: contact.id,
            first_name: contact.first_name,
            last_name: contact.last_name,
            title: contact.title,
            email: contact.email,
            phone: contact.phone,
            mobile: contact.mobile,
            username: who.username,
            sees_all_tickets: contact.see_all_tickets,
            authorises_quotes: contact.authorise_quotes,
        },
        company: Company {
            id: customer.id,
            name: customer.name,
            address: customer.address,
            phone: customer.phone,
            email: customer.email,
            website: customer.website,
            main_contact,
        },
        account_managers,
        modules,
        viewing,
        renewal_notice,
    }))
}

/// The company's active contacts by name.
#[utoipa::path(get, path = "/portal/contacts", tag = "portal", security(("portal" = [])), params(PageParams),
    responses(
        (status = 200, body = Page<PortalContact>),
        Problems,
    ))]
pub async fn list_contacts(
    State(ctx): State<Context>,
    who: PortalRead<module::Contacts>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<PortalContact>>> {
    let read = ctx.table.contacts(&who.0.customer_id, false, &page);
    let (_, contacts) = who.check_during(&ctx, read).await?;
    Ok(Json(contacts.map(PortalContact::from)))
}

/// Adds a colleague to the company. Existing contacts cannot be changed from the portal.
#[utoipa::path(post, path = "/portal/contacts", tag = "portal", security(("portal" = [])),
    request_body = ContactInput,
    responses(
        (status = 201, body = PortalContact),
        Problems,
    ))]
pub async fn create_contact(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::Contacts>,
    JsonBody(input): JsonBody<ContactInput>,
) -> ApiResult<(StatusCode, Json<PortalContact>)> {
    let contact = new_contact(
        &who.customer_id,
        input,
        Actor::Contact {
            id: who.contact_id.clone(),
        },
    );
    ctx.table.create_contact(&contact).await?;
    Ok((StatusCode::CREATED, Json(contact.into())))
}

/// A fresh contact record; staff and portal creation share it.
pub fn new_contact(customer_id: &str, input: ContactInput, created_by: Actor) -> Contact {
    let mut contact = Contact::new(
        ids::new_id(),
        customer_id.to_owned(),
        String::new(),
        String::new(),
        created_by,
    );
    input.apply(&mut contact);
    contact
}
