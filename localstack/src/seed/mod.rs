//! Demo data: two customers and their contacts, portal logins for one contact of each, three staff users
//! (one per built-in role), and for the demo contact alice.acme (Acme Facilities Ltd) something in every
//! portal module: tickets with conversations and a year of history, jobs, workflows, data sheet
//! templates and a draft, documents, news, knowledge base articles, projects and a renewal notice. Globex (dan.globex) gets a little of its
//! own, so each tenant has something the other must never see.
//!
//! Everything goes through the code the portal runs: the repositories (tickets with their numbers and
//! dashboard counters, written with dates in the past) or the functions' routes called in process as
//! staff or as the contact. Idempotent: each demo record is looked up by a fixed id or by its natural key
//! (a ticket's subject and month, a job's reference, a template's name, a document's folder and name, a
//! news title) and made only when missing, so a second run changes nothing.

mod api;
pub mod articles;
pub mod billing;
pub mod datasheets;
pub mod documents;
pub mod field;
pub mod files;
pub mod groups;
pub mod news;
pub mod operations;
mod people;
pub mod projects;
pub mod sites;
pub mod tickets;

use serde_json::json;
use shared::{modules::Module, Context};

pub use people::People;

use crate::provision::{BoxError, Stack};

pub const DEMO_PASSWORD: &str = "Demo-Portal-2026";

/// A sign-in the seed created, printed for the developer.
pub struct Login {
    pub pool: &'static str,
    pub username: &'static str,
    pub who: String,
}

/// The fixed id of a demo customer or contact: `AC` is Acme, `AC1` Alice, `AC2` Bob, `AC3` Carol,
/// `GX` Globex, `GX1` Dan, `GX2` Erin.
pub fn demo_id(tag: &str) -> String {
    format!("01JD{tag:0>22}")
}

pub async fn seed(ctx: &Context, stack: &Stack) -> Result<Vec<Login>, BoxError> {
    let (people, logins) = people::seed(ctx, stack).await?;
    let api = api::Api::new(ctx, stack, "supervisor").await?;
    // Every module for Acme, the ticket dashboard included (it is off by default).
    let modules_uri = format!("/admin/customers/{}/portal-modules", people.acme.id);
    let current = api.staff_get(&modules_uri).await?;
    if current["source"] != "customer" || current["modules"] != json!(Module::ALL) {
        api.staff("PUT", &modules_uri, json!({ "modules": Module::ALL }))
            .await?;
    }
    let agent = api::user_sub(ctx, &stack.staff.pool_id, "agent").await?;
    tickets::seed(ctx, &api, &people, &agent).await?;
    operations::seed(&api, &people).await?;
    datasheets::seed(&api, &people).await?;
    sites::seed(&api, &people).await?;
    field::seed(&api, &people).await?;
    documents::seed(ctx, &api, &people).await?;
    billing::seed(ctx, &api, &people).await?;
    groups::seed(&api, &people).await?;
    news::seed(&api, &people).await?;
    articles::seed(&api, &people).await?;
    projects::seed(&api, &people, ctx.table.zone.today()).await?;
    Ok(logins)
}

/// The first day of the month `back` months before `today`'s (negative: after).
pub(crate) fn month_start(today: time::Date, back: i32) -> time::Date {
    let index = today.year() * 12 + i32::from(u8::from(today.month())) - 1 - back;
    let month = time::Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(time::Month::January);
    time::Date::from_calendar_date(index.div_euclid(12), month, 1).unwrap_or(today)
}
