//! Demo data: two customers, their contacts, portal logins for one contact of each and three staff
//! users, one per built-in role. Fixed ids, so seeding twice changes nothing.

use shared::{
    permissions::{ROLE_AGENT, ROLE_SUPERVISOR, ROLE_VIEWER},
    table::{
        access::Unique,
        contacts::{Actor, Contact, ContactRef, PortalStatus},
        customers::{AccountManager, Address, Customer},
    },
    Context,
};
use time::macros::date;

use crate::{
    cognito::{ensure_user, UserSpec},
    provision::{BoxError, Stack},
};

pub const DEMO_PASSWORD: &str = "Demo-Portal-2026";

/// A sign-in the seed created, printed for the developer.
pub struct Login {
    pub pool: &'static str,
    pub username: &'static str,
    pub who: String,
}

fn demo_id(tag: &str) -> String {
    format!("01JD{tag:0>22}")
}

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

struct DemoCustomer {
    tag: &'static str,
    name: &'static str,
    city: &'static str,
    contacts: Vec<DemoContact>,
}

fn demo() -> Vec<DemoCustomer> {
    vec![
        DemoCustomer {
            tag: "AC",
            name: "Acme Facilities Ltd",
            city: "London",
            contacts: vec![
                DemoContact { tag: "AC1", first: "Alice", last: "Archer", title: "Facilities Manager", email: "alice@acme.example", phone: Some("+44 20 7946 0101"), mobile: Some("+44 7700 900101"), username: Some("alice.acme") },
                DemoContact { tag: "AC2", first: "Bob", last: "Baker", title: "Site Supervisor", email: "bob@acme.example", phone: Some("+44 20 7946 0102"), mobile: None, username: None },
                DemoContact { tag: "AC3", first: "Carol", last: "Chen", title: "Finance", email: "carol@acme.example", phone: None, mobile: Some("+44 7700 900103"), username: None },
            ],
        },
        DemoCustomer {
            tag: "GX",
            name: "Globex IT Services",
            city: "Manchester",
            contacts: vec![
                DemoContact { tag: "GX1", first: "Dan", last: "Diaz", title: "IT Director", email: "dan@globex.example", phone: Some("+44 161 496 0201"), mobile: Some("+44 7700 900201"), username: Some("dan.globex") },
                DemoContact { tag: "GX2", first: "Erin", last: "Evans", title: "Service Desk Lead", email: "erin@globex.example", phone: Some("+44 161 496 0202"), mobile: None, username: None },
            ],
        },
    ]
}

pub async fn seed(ctx: &Context, stack: &Stack) -> Result<Vec<Login>, BoxError> {
    let mut logins = Vec::new();
    for c in demo() {
        let customer_id = demo_id(c.tag);
        let main_contact = c.contacts.first().map(|k| demo_id(k.tag));
        let mut customer = Customer::new(customer_id.clone(), c.name.into());
        customer.address = Address {
            line1: Some("1 Example Street".into()),
            line2: None,
            city: Some(c.city.into()),
            region: None,
            postcode: Some("EX1 1AA".into()),
            country: Some("United Kingdom".into()),
        };
        customer.phone = Some("+44 20 7946 0100".into());
        customer.email = Some(format!("office@{}.example", c.tag.to_lowercase()));
        customer.main_contact_id = main_contact;
        customer.sales_rep = Some(AccountManager {
            name: "Sam Seller".into(),
            email: "sam.seller@portal.example.com".into(),
            phone: None,
            mobile: Some("+44 7700 900900".into()),
        });
        customer.relationship_managers = vec![AccountManager {
            name: "Rita Relations".into(),
            email: "rita.relations@portal.example.com".into(),
            phone: Some("+44 20 7946 0999".into()),
            mobile: Some("+44 7700 900999".into()),
        }];
        customer.support_start = Some(date!(2026 - 01 - 01));
        customer.support_end = Some(date!(2027 - 12 - 31));
        ctx.table.put(&customer).await?;
        for k in c.contacts {
            let id = demo_id(k.tag);
            let mut contact = Contact::new(id.clone(), customer_id.clone(), k.first.into(), k.last.into(), Actor::System);
            contact.title = Some(k.title.into());
            contact.email = Some(k.email.into());
            contact.phone = k.phone.map(Into::into);
            contact.mobile = k.mobile.map(Into::into);
            contact.portal_username = k.username.map(Into::into);
            if k.username.is_some() {
                contact.portal_status = PortalStatus::Active;
            }
            ctx.table.put(&contact).await?;
            ctx.table.put(&ContactRef { contact_id: id.clone(), customer_id: customer_id.clone() }).await?;
            if let Some(username) = k.username {
                for key in [shared::table::keys::username(username), shared::table::keys::email(k.email)] {
                    let claim = Unique { key, contact_id: id.clone(), customer_id: customer_id.clone(), value: username.to_owned() };
                    ctx.table.put(&claim).await?;
                }
                ensure_user(
                    ctx.clients.cognito(),
                    &stack.portal,
                    &UserSpec {
                        username,
                        email: k.email,
                        password: DEMO_PASSWORD,
                        attributes: vec![("custom:customer_id", customer_id.clone()), ("custom:contact_id", id.clone())],
                        groups: vec![],
                    },
                )
                .await?;
                logins.push(Login { pool: "portal", username, who: format!("{} {}, {}", k.first, k.last, c.name) });
            }
        }
    }
    for (username, role) in [("supervisor", ROLE_SUPERVISOR), ("agent", ROLE_AGENT), ("viewer", ROLE_VIEWER)] {
        let email = format!("{username}@portal.example.com");
        ensure_user(
            ctx.clients.cognito(),
            &stack.staff,
            &UserSpec { username, email: &email, password: DEMO_PASSWORD, attributes: vec![], groups: vec![role] },
        )
        .await?;
        logins.push(Login { pool: "staff", username, who: format!("staff, role {role}") });
    }
    Ok(logins)
}
