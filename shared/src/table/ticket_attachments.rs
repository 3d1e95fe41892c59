//! Files attached to a ticket: announced (a pending upload, kept a day), uploaded straight to S3 under
//! `tickets/<customer>/<ticket>/<id>`, then checked and added to the ticket itself, so the ticket's
//! conversation lists them without another read and a link is signed only through the ticket.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{contacts::Actor, keys, Entity, PrimaryKey};

/// The largest attachment (25 MiB).
pub const MAX_ATTACHMENT_SIZE: u64 = 25 * 1024 * 1024;
/// The most files one ticket holds.
pub const MAX_ATTACHMENTS: usize = 20;

/// A file on a ticket, as stored on the ticket.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub content_type: String,
    /// Bytes.
    pub size: u64,
    /// The contact or member of staff who attached it, by name.
    pub author_name: String,
    #[serde(default)]
    pub author: Option<Actor>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A file on a ticket as the portal and staff see it, in the conversation beside the notes: who
/// attached it by name only.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
#[schema(as = Attachment)]
pub struct AttachmentView {
    pub id: String,
    pub name: String,
    pub content_type: String,
    /// Bytes.
    pub size: u64,
    pub author_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&Attachment> for AttachmentView {
    fn from(a: &Attachment) -> Self {
        Self {
            id: a.id.clone(),
            name: a.name.clone(),
            content_type: a.content_type.clone(),
            size: a.size,
            author_name: a.author_name.clone(),
            created_at: a.created_at,
        }
    }
}

/// An announced upload, until it is checked and added to its ticket (or expires a day later).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingAttachment {
    pub customer_id: String,
    pub ticket_id: String,
    pub attachment: Attachment,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

impl PendingAttachment {
    pub fn object_key(&self) -> String {
        object_key(&self.customer_id, &self.ticket_id, &self.attachment.id)
    }
}

/// Where an attachment's bytes are.
pub fn object_key(customer_id: &str, ticket_id: &str, attachment_id: &str) -> String {
    format!("tickets/{customer_id}/{ticket_id}/{attachment_id}")
}

impl Entity for PendingAttachment {
    const TYPE: &'static str = "pending_attachment";
    /// (customer id, ticket id, attachment id)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, ticket_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::pending_attachment(ticket_id, id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.ticket_id, &self.attachment.id)
    }

    fn expires_at(&self) -> Option<i64> {
        Some(self.expires_at.unix_timestamp())
    }
}
