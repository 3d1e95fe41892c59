//! The knowledge base through the staff routes: published articles for everyone in three categories,
//! one for Acme only, one for Globex only and a draft nobody sees. An article is found again by title.

use serde_json::{json, Value};

use super::{api::Api, People};
use crate::provision::BoxError;

pub const GLOBEX_ARTICLE: &str = "Connecting to the Globex VPN";
pub const DRAFT_ARTICLE: &str = "Draft: new emergency call-out charges";

/// Oldest first: the portal lists the newest first.
fn articles(p: &People) -> Vec<Value> {
    let all = json!({ "kind": "all" });
    let only = |id: &str| json!({ "kind": "customers", "customer_ids": [id] });
    vec![
        json!({ "title": "How do I raise a ticket?", "category": "Using the portal", "status": "published", "audience": all,
            "body": "Open **Tickets** and choose *Raise a ticket*.\n\n1. Give it a short subject.\n2. Describe what happened and where.\n3. Choose the priority: *urgent* only when people or property are at risk.\n\nYou can attach photos, and mark the ticket **confidential** if only you and our staff should see it." }),
        json!({ "title": "What the priorities mean", "category": "Using the portal", "status": "published", "audience": all,
            "body": "| Priority | First answer | Fixed within |\n|---|---|---|\n| Urgent | 1 hour | 8 hours |\n| High | 4 hours | 1 day |\n| Normal | 8 hours | 3 days |\n| Low | 1 day | 1 week |\n\nEach ticket shows its times and whether we met them." }),
        json!({ "title": "Resetting a tripped boiler", "category": "Heating", "status": "published", "audience": all,
            "body": "## Before you call\n\n- Check the gas supply and the thermostat.\n- Press and hold **reset** for five seconds.\n- If the fault light comes back, raise a ticket with the fault code.\n\nNever remove the boiler's cover yourself." }),
        json!({ "title": "Testing emergency lighting monthly", "category": "Fire safety", "status": "published", "audience": all,
            "body": "Switch the test key for a few seconds and check every fitting lights. Write the result in the log book; we check the log at each routine visit." }),
        json!({ "title": "Acme House: out-of-hours access", "category": "Sites", "status": "published", "audience": only(&p.acme.id),
            "body": "Engineers collect the key from the security desk on the ground floor; the code for the side gate is in your site pack." }),
        json!({ "title": GLOBEX_ARTICLE, "category": "IT", "status": "published", "audience": only(&p.globex.id),
            "body": "Install the client from the intranet and sign in with your Globex account." }),
        json!({ "title": DRAFT_ARTICLE, "category": "Billing", "status": "draft", "audience": all,
            "body": "Not yet agreed." }),
    ]
}

pub async fn seed(api: &Api, people: &People) -> Result<(), BoxError> {
    let titles: Vec<Value> = api
        .all(None, "/admin/articles")
        .await?
        .into_iter()
        .map(|a| a["title"].clone())
        .collect();
    for article in articles(people) {
        if !titles.contains(&article["title"]) {
            api.create("/admin/articles", article).await?;
        }
    }
    Ok(())
}
