//! The outbox item: work that must happen after a commit, and what became of it.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::table::{keys, Entity, PrimaryKey, QuerySpec};

/// Work that must happen after a commit (an email), written in the same transaction and deleted once done.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OutboxItem {
    pub id: String,
    pub task: OutboxTask,
    #[serde(default)]
    pub attempts: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OutboxTask {
    /// Email the contact a fresh activation link (a new token voids any earlier one).
    Invitation { customer_id: String, contact_id: String },
    /// Email the contact a password-reset link valid for `valid_seconds`.
    PasswordReset {
        customer_id: String,
        contact_id: String,
        valid_seconds: i64,
    },
    /// Tell the ticket's owner a contact raised it in the portal (items queued before
    /// [`OutboxTask::TicketNotice`]; sent as its `created` notice to the owner).
    TicketCreated { customer_id: String, ticket_id: String },
    /// Tell the ticket's contact or its owner what happened on it.
    TicketNotice {
        customer_id: String,
        ticket_id: String,
        event: TicketEvent,
        to: NoticeRecipient,
    },
    /// Send the customer contact an email staff wrote on a ticket (stored as the note).
    TicketEmail {
        customer_id: String,
        ticket_id: String,
        note_id: String,
    },
    /// Send a submitted data sheet to the customer's tickets-from address.
    SheetSubmitted { customer_id: String, sheet_id: String },
    /// Tell the business a contact authorised or declined a quote.
    QuoteDecided { customer_id: String, quote_id: String },
    /// Tell a contact their company's support contract ends soon.
    SupportNotice {
        customer_id: String,
        contact_id: String,
        support_end: String,
    },
    /// Mail a subscribed contact a link to their company's report of `month` (`YYYY-MM`).
    MonthlyReport {
        customer_id: String,
        contact_id: String,
        month: String,
    },
}

/// What happened on a ticket that its people are told of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TicketEvent {
    Created,
    /// A note the other side sees: a contact's, or staff's public one.
    Comment {
        note_id: String,
    },
    Closed,
}

/// Who a ticket notice goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeRecipient {
    /// The customer contact the ticket is about (unless they opted out of ticket emails).
    Contact,
    /// The ticket's owner: its assignee when that is an address, else the business's tickets inbox.
    Owner,
}

impl OutboxTask {
    /// The notices of `event` on a ticket, one per recipient.
    pub fn ticket_notices(customer_id: &str, ticket_id: &str, event: TicketEvent, to: &[NoticeRecipient]) -> Vec<Self> {
        to.iter()
            .map(|&to| Self::TicketNotice {
                customer_id: customer_id.to_owned(),
                ticket_id: ticket_id.to_owned(),
                event: event.clone(),
                to,
            })
            .collect()
    }
}

impl OutboxItem {
    pub fn new(task: OutboxTask) -> Self {
        Self {
            id: crate::ids::new_id(),
            task,
            attempts: 0,
        }
    }
}

impl Entity for OutboxItem {
    const TYPE: &'static str = "outbox";

    type Id<'a> = &'a str;

    fn key(id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::outbox(id), keys::OUTBOX)
    }

    fn id(&self) -> &str {
        &self.id
    }

    /// Every waiting item, oldest first (ids are ULIDs), for the drain.
    fn gsi1(&self) -> Option<(String, String)> {
        Some((keys::OUTBOX.into(), self.id.clone()))
    }
}

impl OutboxItem {
    /// The items waiting to be delivered, oldest first.
    pub fn waiting() -> QuerySpec {
        QuerySpec::gsi1(keys::OUTBOX.into())
    }
}

/// Whether an access email went out now or waits in the outbox for the next drain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Sent,
    Queued,
    /// Nothing to send any more (access was revoked or already used meanwhile).
    Dropped,
}
