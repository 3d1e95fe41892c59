//! One-click unsubscribe links: each email to a contact that they may opt out of carries its own link,
//! stored only as the SHA-256 of its 256-bit token, usable once and expiring.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{keys, Entity, PrimaryKey};

/// How long an email's unsubscribe link works.
pub const LINK_DAYS: i64 = 60;

/// What a contact can opt out of by email.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmailTopic {
    /// Ticket notifications and staff emails on tickets.
    Tickets,
    /// The monthly report email.
    Reports,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsubscribeLink {
    pub hash: String,
    pub customer_id: String,
    pub contact_id: String,
    pub topic: EmailTopic,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

impl UnsubscribeLink {
    /// A new link for `contact_id`: the token to mail, and the item that stores its hash.
    pub fn mint(customer_id: &str, contact_id: &str, topic: EmailTopic) -> (String, Self) {
        let (token, hash) = crate::secrets::new_token();
        let link = Self {
            hash,
            customer_id: customer_id.to_owned(),
            contact_id: contact_id.to_owned(),
            topic,
            expires_at: OffsetDateTime::now_utc() + time::Duration::days(LINK_DAYS),
        };
        (token, link)
    }
}

impl Entity for UnsubscribeLink {
    const TYPE: &'static str = "unsubscribe_link";
    /// The hash of the link's token: the public route knows nothing else.
    type Id<'a> = &'a str;

    fn key(hash: &str) -> PrimaryKey {
        PrimaryKey::new(keys::unsubscribe(hash), keys::UNSUBSCRIBE)
    }

    fn id(&self) -> &str {
        &self.hash
    }

    fn expires_at(&self) -> Option<i64> {
        Some(self.expires_at.unix_timestamp())
    }
}
