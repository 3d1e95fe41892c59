//! Documents: metadata in the table, bytes in S3 under keys that never derive from user input.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{contacts::Actor, keys, Entity, Keys};

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
    pub uploaded_by: Actor,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Document {
    /// The S3 key: the customer and the document id, nothing a user typed.
    pub fn object_key(&self) -> String {
        format!("documents/{}/{}", self.customer_id, self.id)
    }
}

impl Entity for Document {
    const TYPE: &'static str = "document";

    fn keys(&self) -> Keys {
        let shown = self.visible_in_portal && self.status == DocumentStatus::Available;
        Keys {
            pk: keys::customer(&self.customer_id),
            sk: keys::document(&self.id),
            gsi1: shown.then(|| {
                (
                    keys::visible_documents(&self.customer_id),
                    format!(
                        "{}/{}#{}",
                        self.folder.to_lowercase(),
                        self.name.to_lowercase(),
                        self.id
                    ),
                )
            }),
        }
    }
}
