//! Documents: metadata in the table, bytes in S3 under keys that never derive from user input.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{contacts::Actor, customers::stale, keys, Entity, PrimaryKey, QuerySpec, Table};
use crate::error::ApiResult;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Waiting for the upload.
    Pending,
    Available,
    /// The upload did not match what was announced; the object was removed.
    Rejected,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Document {
    pub id: String,
    pub customer_id: String,
    /// Folder path such as `Contracts/2026`; `Uploads` holds what contacts send.
    pub folder: String,
    /// The original file name, for display and downloads only.
    pub name: String,
    pub content_type: String,
    pub size: u64,
    pub status: DocumentStatus,
    pub visible_in_portal: bool,
    /// The site it belongs to, as well as to the customer (staff file it there).
    #[serde(default)]
    pub site_id: Option<String>,
    pub uploaded_by: Actor,
    /// When it was last shared with the portal (made available and visible).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub shared_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Document {
    /// Every document of a customer, newest first (staff).
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::DOC_PREFIX).newest_first()
    }

    /// The documents a customer's contacts see, by folder and name.
    pub fn visible_to(customer_id: &str) -> QuerySpec {
        QuerySpec::gsi1(keys::visible_documents(customer_id))
    }

    /// The documents of one site that its contacts see, by folder and name.
    pub fn visible_on_site(customer_id: &str, site_id: &str) -> QuerySpec {
        QuerySpec::gsi2(keys::site_documents(customer_id, site_id))
    }

    /// Shared with the portal and uploaded completely.
    /// The next version of `before` (this, changed): stamped `now`, and marked shared if it has just
    /// become visible in the portal.
    pub fn changed_from(mut self, before: &Document, now: OffsetDateTime) -> Self {
        if self.shown() && !before.shown() {
            self.shared_at = Some(now);
        }
        self.updated_at = now;
        self.version = before.version + 1;
        self
    }

    /// Contacts see it.
    pub fn shown(&self) -> bool {
        self.visible_in_portal && self.status == DocumentStatus::Available
    }

    /// The index sort key: folder and name, lowercased, then the id.
    fn by_path(&self) -> String {
        format!(
            "{}/{}#{}",
            self.folder.to_lowercase(),
            self.name.to_lowercase(),
            self.id
        )
    }

    /// The S3 key: the customer and the document id, nothing a user typed.
    pub fn object_key(&self) -> String {
        format!("documents/{}/{}", self.customer_id, self.id)
    }
}

impl Entity for Document {
    const TYPE: &'static str = "document";

    /// (customer id, document id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::document(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// Documents a contact may see, by folder and name (sparse: hidden and pending ones leave it).
    fn gsi1(&self) -> Option<(String, String)> {
        self.shown()
            .then(|| (keys::visible_documents(&self.customer_id), self.by_path()))
    }

    /// The documents of one site that its contacts see, by folder and name (sparse).
    fn gsi2(&self) -> Option<(String, String)> {
        let site = self.site_id.as_deref().filter(|_| self.shown())?;
        Some((keys::site_documents(&self.customer_id, site), self.by_path()))
    }
}

impl Table {
    /// Replaces a document read at `before.version`; its activity and search postings change in the same
    /// transaction (they appear when it is shared and available, and go when it is hidden).
    pub async fn save_document(&self, before: &Document, after: &Document) -> ApiResult<()> {
        let mut actions = vec![self.put_versioned(after, before.version)?];
        actions.extend(self.activity_actions(Some(before), Some(after))?);
        actions.extend(self.search_actions(Some(before), Some(after))?);
        self.transact_or(actions, |_| stale()).await
    }
}
