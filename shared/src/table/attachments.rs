//! Files attached to a record (a ticket, a project): announced (a pending upload, kept a day), uploaded
//! straight to S3 under `<tickets|projects>/<customer>/<record>/<id>`, then checked and added to the record
//! itself, so the record lists them without another read and a link is signed only through the record.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{contacts::Actor, keys, Entity, PrimaryKey};

/// The largest attachment (25 MiB).
pub const MAX_ATTACHMENT_SIZE: u64 = 25 * 1024 * 1024;

/// The kind of record a file is attached to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolderKind {
    #[default]
    Ticket,
    Project,
}

impl HolderKind {
    fn folder(self) -> &'static str {
        match self {
            Self::Ticket => "tickets",
            Self::Project => "projects",
        }
    }
}

/// A file on a record, as stored on the record.
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

/// A file on a record as the portal and staff see it: who attached it by name only.
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

/// An announced upload, until it is checked and added to its record (or expires a day later).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingAttachment {
    #[serde(default)]
    pub holder: HolderKind,
    pub customer_id: String,
    /// The ticket or project.
    #[serde(alias = "ticket_id")]
    pub holder_id: String,
    pub attachment: Attachment,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

impl PendingAttachment {
    pub fn object_key(&self) -> String {
        object_key(self.holder, &self.customer_id, &self.holder_id, &self.attachment.id)
    }
}

/// Where an attachment's bytes are.
pub fn object_key(holder: HolderKind, customer_id: &str, holder_id: &str, attachment_id: &str) -> String {
    format!("{}/{customer_id}/{holder_id}/{attachment_id}", holder.folder())
}

impl Entity for PendingAttachment {
    const TYPE: &'static str = "pending_attachment";
    /// (kind of record, customer id, record id, attachment id)
    type Id<'a> = (HolderKind, &'a str, &'a str, &'a str);

    fn key((holder, customer_id, holder_id, id): Self::Id<'_>) -> PrimaryKey {
        let sk = match holder {
            HolderKind::Ticket => keys::pending_attachment(holder_id, id),
            HolderKind::Project => keys::pending_project_file(holder_id, id),
        };
        PrimaryKey::new(keys::customer(customer_id), sk)
    }

    fn id(&self) -> Self::Id<'_> {
        (self.holder, &self.customer_id, &self.holder_id, &self.attachment.id)
    }

    fn expires_at(&self) -> Option<i64> {
        Some(self.expires_at.unix_timestamp())
    }
}
