//! `/portal/me` and `/portal/contacts`: what a signed-in contact sees of their own company.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::ApiResult,
    extract::{JsonBody, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, viewed_customer, Portal, PortalRead, PortalViewer},
    table::contacts::{Actor, Contact},
    Context,
};

use crate::model::{
    manager_cards, renewal_notice, Company, ContactInput, Me, MyContact, Notifications, PortalContact, Viewing,
};
use shared::{principal::PortalPrincipal, table::customers::Customer, table::tickets::TicketScope};
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
    let (customer, contact) = signed_in(&ctx, &who).await?;
    let main_contact = match customer.main_contact_id.as_deref() {
        None => None,
        Some(id) if id == contact.id => Some(contact.clone()),
        Some(id) => ctx.table.contact(&customer.id, id).await?,
    }
    .filter(|c| !c.archived)
    .map(PortalContact::from);
    let account_managers = manager_cards(&customer, ctx.config.company_phone.as_deref());
    let (viewing, modules, default_scope) = if who.viewing_other() {
        let (viewed, modules) = viewed_customer(&ctx, &who, &contact).await?;
        let scope = viewed.default_ticket_scope;
        (
            Some(Viewing {
                id: viewed.id,
                name: viewed.name,
            }),
            modules,
            scope,
        )
    } else {
        let modules = ctx.table.effective_modules(&customer.id).await?;
        (None, modules, customer.default_ticket_scope)
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
            ticket_scope: if contact.see_all_tickets {
                default_scope
            } else {
                TicketScope::Mine
            },
            ticket_emails_opt_out: contact.ticket_emails_opt_out,
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

/// The signed-in contact and their own company, while they may use the portal (403 otherwise).
async fn signed_in(ctx: &Context, who: &PortalPrincipal) -> ApiResult<(Customer, Contact)> {
    ctx.table.signed_in(&who.home_customer_id, &who.contact_id).await
}

/// The emails the signed-in contact receives: ticket emails unless they turned them off.
#[utoipa::path(get, path = "/portal/notifications", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Notifications), Problems))]
pub async fn notifications(
    State(ctx): State<Context>,
    PortalViewer(who): PortalViewer,
) -> ApiResult<Json<Notifications>> {
    let (_, contact) = signed_in(&ctx, &who).await?;
    Ok(Json(Notifications {
        ticket_emails: !contact.ticket_emails_opt_out,
    }))
}

/// Turns ticket emails on or off for the signed-in contact (their own record, whichever portal is in
/// view). Off, no ticket notice or staff email on a ticket is sent to them; the portal still shows all.
#[utoipa::path(put, path = "/portal/notifications", tag = "portal", security(("portal" = [])),
    request_body = Notifications, responses((status = 200, body = Notifications), Problems))]
pub async fn set_notifications(
    State(ctx): State<Context>,
    PortalViewer(who): PortalViewer,
    JsonBody(input): JsonBody<Notifications>,
) -> ApiResult<Json<Notifications>> {
    let (_, contact) = signed_in(&ctx, &who).await?;
    if contact.ticket_emails_opt_out == input.ticket_emails {
        let mut updated = contact.clone();
        updated.ticket_emails_opt_out = !input.ticket_emails;
        updated.updated_at = OffsetDateTime::now_utc();
        updated.version += 1;
        ctx.table.save_contact(&updated, contact.version).await?;
    }
    Ok(Json(input))
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
