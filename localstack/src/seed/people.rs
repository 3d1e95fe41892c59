//! The demo customers and their contacts, portal logins for one contact of each and three staff users,
//! one per built-in role. Each record is read first and written only when it differs from the demo's, so
//! a second run changes nothing; a demo record someone changed (an archived contact, a revoked login) is
//! put back.

use shared::{
    permissions::{ROLE_AGENT, ROLE_SUPERVISOR, ROLE_VIEWER},
    table::{
        access::Unique,
        contacts::{Actor, Contact, ContactRef, PortalStatus},
        customers::{AccountManager, Address, Customer},
        Entity,
    },
    Context,
};
use time::{macros::date, Date, Duration, OffsetDateTime};

use super::{demo_id, Login, DEMO_PASSWORD};
use crate::{
    cognito::{ensure_user, UserSpec},
    provision::{BoxError, Stack},
};

struct DemoContact {
    tag: &'static str,
    first: &'static str,
    last: &'static str,
    title: &'static str,
    email: &'static str,
    phone: Option<&'static str>,
    mobile: Option<&'static str>,
    username: Option<&'static str>,
}

/// How a customer's support period is kept relative to today.
#[derive(Clone, Copy)]
enum Support {
    /// Ends within the renewal-notice period, so `/portal/me` carries the notice (and sign-in still works).
    EndingSoon,
    /// Ends well after the notice period.
    Running,
}

struct DemoCustomer {
    tag: &'static str,
    name: &'static str,
    street: &'static str,
    city: &'static str,
    postcode: &'static str,
    phone: &'static str,
    website: &'static str,
    support: Support,
    contacts: Vec<DemoContact>,
}

fn demo() -> Vec<DemoCustomer> {
    vec![
        DemoCustomer {
            tag: "AC",
            name: "Acme Facilities Ltd",
            street: "12 Riverside Way",
            city: "London",
            postcode: "SE1 9AA",
            phone: "+44 20 7946 0100",
            website: "https://acme.example",
            support: Support::EndingSoon,
            contacts: vec![
                DemoContact {
                    tag: "AC1",
                    first: "Alice",
                    last: "Archer",
                    title: "Facilities Manager",
                    email: "alice@acme.example",
                    phone: Some("+44 20 7946 0101"),
                    mobile: Some("+44 7700 900101"),
                    username: Some("alice.acme"),
                },
                DemoContact {
                    tag: "AC2",
                    first: "Bob",
                    last: "Baker",
                    title: "Site Supervisor",
                    email: "bob@acme.example",
                    phone: Some("+44 20 7946 0102"),
                    mobile: None,
                    username: None,
                },
                DemoContact {
                    tag: "AC3",
                    first: "Carol",
                    last: "Chen",
                    title: "Finance",
                    email: "carol@acme.example",
                    phone: None,
                    mobile: Some("+44 7700 900103"),
                    username: None,
                },
            ],
        },
        DemoCustomer {
            tag: "GX",
            name: "Globex IT Services",
            street: "3 Deansgate Quay",
            city: "Manchester",
            postcode: "M3 4LQ",
            phone: "+44 161 496 0200",
            website: "https://globex.example",
            support: Support::Running,
            contacts: vec![
                DemoContact {
                    tag: "GX1",
                    first: "Dan",
                    last: "Diaz",
                    title: "IT Director",
                    email: "dan@globex.example",
                    phone: Some("+44 161 496 0201"),
                    mobile: Some("+44 7700 900201"),
                    username: Some("dan.globex"),
                },
                DemoContact {
                    tag: "GX2",
                    first: "Erin",
                    last: "Evans",
                    title: "Service Desk Lead",
                    email: "erin@globex.example",
                    phone: Some("+44 161 496 0202"),
                    mobile: None,
                    username: None,
                },
            ],
        },
    ]
}

/// The demo records the rest of the seed builds on.
pub struct People {
    pub acme: Customer,
    pub globex: Customer,
    pub alice: Contact,
    pub bob: Contact,
    pub carol: Contact,
    pub dan: Contact,
    pub erin: Contact,
}

/// Writes `desired` unless the stored item is exactly it already.
async fn put_if_changed<E: Entity>(ctx: &Context, stored: Option<&E>, desired: &E) -> Result<(), BoxError> {
    if let Some(s) = stored {
        if s.to_item()? == desired.to_item()? {
            return Ok(());
        }
    }
    ctx.table.put(desired).await?;
    Ok(())
}

/// The support end to keep: the stored one while it still gives the wanted state today, else a fresh one.
fn support_end(support: Support, stored: Option<Date>, today: Date, notice_days: i64) -> Date {
    let days_left = |d: Date| (d - today).whole_days();
    match support {
        // Inside the notice period but not about to lapse: the notice shows and sign-in keeps working.
        Support::EndingSoon => stored
            .filter(|d| (notice_days.min(7)..=notice_days).contains(&days_left(*d)))
            .unwrap_or(today + Duration::days(notice_days.min(45))),
        Support::Running => stored
            .filter(|d| days_left(*d) > notice_days + 30)
            .unwrap_or(today + Duration::days(notice_days + 365)),
    }
}

async fn customer(ctx: &Context, c: &DemoCustomer, today: Date) -> Result<Customer, BoxError> {
    let id = demo_id(c.tag);
    let stored = ctx.table.customer(&id).await?;
    let mut desired = stored
        .clone()
        .unwrap_or_else(|| Customer::new(id.clone(), c.name.into()));
    desired.name = c.name.into();
    desired.address = Address {
        line1: Some(c.street.into()),
        line2: None,
        city: Some(c.city.into()),
        region: None,
        postcode: Some(c.postcode.into()),
        country: Some("United Kingdom".into()),
    };
    desired.phone = Some(c.phone.into());
    desired.email = Some(format!(
        "office@{}.example",
        c.name.split_whitespace().next().unwrap_or(c.tag).to_lowercase()
    ));
    desired.website = Some(c.website.into());
    desired.main_contact_id = c.contacts.first().map(|k| demo_id(k.tag));
    desired.sales_rep = Some(AccountManager {
        name: "Sam Seller".into(),
        email: "sam.seller@portal.example.com".into(),
        phone: None,
        mobile: Some("+44 7700 900900".into()),
    });
    desired.relationship_managers = vec![AccountManager {
        name: "Rita Relations".into(),
        email: "rita.relations@portal.example.com".into(),
        phone: Some("+44 20 7946 0999".into()),
        mobile: Some("+44 7700 900999".into()),
    }];
    desired.support_start = Some(
        stored
            .as_ref()
            .and_then(|s| s.support_start)
            .filter(|d| *d <= today)
            .unwrap_or(date!(2024 - 01 - 01)),
    );
    desired.support_end = Some(support_end(
        c.support,
        stored.as_ref().and_then(|s| s.support_end),
        today,
        ctx.config.support_notice_days,
    ));
    desired.archived = false;
    if let Some(s) = &stored {
        if s.to_item()? != desired.to_item()? {
            desired.version = s.version + 1;
            desired.updated_at = OffsetDateTime::now_utc();
        }
    }
    put_if_changed(ctx, stored.as_ref(), &desired).await?;
    Ok(desired)
}

async fn contact(ctx: &Context, customer_id: &str, k: &DemoContact) -> Result<Contact, BoxError> {
    let id = demo_id(k.tag);
    let stored = ctx.table.contact(customer_id, &id).await?;
    let mut desired = stored.clone().unwrap_or_else(|| {
        Contact::new(
            id.clone(),
            customer_id.to_owned(),
            k.first.into(),
            k.last.into(),
            Actor::System,
        )
    });
    desired.first_name = k.first.into();
    desired.last_name = k.last.into();
    desired.title = Some(k.title.into());
    desired.email = Some(k.email.into());
    desired.phone = k.phone.map(Into::into);
    desired.mobile = k.mobile.map(Into::into);
    desired.archived = false;
    if let Some(username) = k.username {
        // The demo's shortcut past the invitation email: access is active under the demo username.
        desired.portal_username = Some(username.into());
        desired.portal_status = PortalStatus::Active;
        desired.portal_token_hash = None;
        desired.portal_invited_until = None;
    }
    if let Some(s) = &stored {
        if s.to_item()? != desired.to_item()? {
            desired.version = s.version + 1;
            desired.updated_at = OffsetDateTime::now_utc();
        }
    }
    put_if_changed(ctx, stored.as_ref(), &desired).await?;
    let reference = ContactRef {
        contact_id: id.clone(),
        customer_id: customer_id.to_owned(),
    };
    let stored_ref = ctx.table.get::<ContactRef>(&id).await?;
    put_if_changed(ctx, stored_ref.as_ref(), &reference).await?;
    if let Some(username) = k.username {
        for key in [Unique::username_key(username), Unique::email_key(k.email)] {
            let claim = Unique {
                key: key.clone(),
                contact_id: id.clone(),
                customer_id: customer_id.to_owned(),
                value: username.to_owned(),
            };
            let stored_claim = ctx.table.get::<Unique>(&key).await?;
            put_if_changed(ctx, stored_claim.as_ref(), &claim).await?;
        }
    }
    Ok(desired)
}

pub async fn seed(ctx: &Context, stack: &Stack) -> Result<(People, Vec<Login>), BoxError> {
    let today = OffsetDateTime::now_utc().date();
    let mut logins = Vec::new();
    let mut customers = Vec::new();
    let mut contacts = Vec::new();
    for c in demo() {
        let customer = customer(ctx, &c, today).await?;
        for k in &c.contacts {
            let record = contact(ctx, &customer.id, k).await?;
            if let Some(username) = k.username {
                ensure_user(
                    ctx.clients.cognito(),
                    &stack.portal,
                    &UserSpec {
                        username,
                        email: k.email,
                        password: DEMO_PASSWORD,
                        attributes: vec![
                            ("custom:customer_id", customer.id.clone()),
                            ("custom:contact_id", record.id.clone()),
                        ],
                        groups: vec![],
                    },
                )
                .await?;
                logins.push(Login {
                    pool: "portal",
                    username,
                    who: format!("{} {}, {}", k.first, k.last, c.name),
                });
            }
            contacts.push(record);
        }
        customers.push(customer);
    }
    for (username, role) in [
        ("supervisor", ROLE_SUPERVISOR),
        ("agent", ROLE_AGENT),
        ("viewer", ROLE_VIEWER),
    ] {
        let email = format!("{username}@portal.example.com");
        ensure_user(
            ctx.clients.cognito(),
            &stack.staff,
            &UserSpec {
                username,
                email: &email,
                password: DEMO_PASSWORD,
                attributes: vec![],
                groups: vec![role],
            },
        )
        .await?;
        logins.push(Login {
            pool: "staff",
            username,
            who: format!("staff, role {role}"),
        });
    }
    let mut contacts = contacts.into_iter();
    let mut customers = customers.into_iter();
    let mut next = |what: &str| {
        contacts
            .next()
            .ok_or_else(|| BoxError::from(format!("demo contact {what} missing")))
    };
    let (alice, bob, carol, dan, erin) = (
        next("alice")?,
        next("bob")?,
        next("carol")?,
        next("dan")?,
        next("erin")?,
    );
    let acme = customers.next().ok_or("demo customer Acme missing")?;
    let globex = customers.next().ok_or("demo customer Globex missing")?;
    Ok((
        People {
            acme,
            globex,
            alice,
            bob,
            carol,
            dan,
            erin,
        },
        logins,
    ))
}
