//! News items with an audience and an active window, and each contact's dismissals.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{keys, Entity, Keys, Versioned};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Audience {
    /// Every portal user.
    All,
    /// Contacts of these customers only.
    Customers { customer_ids: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct NewsItem {
    pub id: String,
    pub title: String,
    pub body: String,
    pub audience: Audience,
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub ends_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl NewsItem {
    pub fn shown_to(&self, customer_id: &str, now: OffsetDateTime) -> bool {
        let audience = match &self.audience {
            Audience::All => true,
            Audience::Customers { customer_ids } => customer_ids.iter().any(|c| c == customer_id),
        };
        audience && self.starts_at <= now && self.ends_at.is_none_or(|e| now < e)
    }
}

impl Entity for NewsItem {
    const TYPE: &'static str = "news";

    fn keys(&self) -> Keys {
        Keys {
            pk: keys::NEWS.into(),
            sk: keys::news(&self.id),
            gsi1: None,
        }
    }
}

/// A contact dismissed a news item.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Dismissal {
    pub customer_id: String,
    pub contact_id: String,
    pub news_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl Entity for Dismissal {
    const TYPE: &'static str = "news_dismissal";

    fn keys(&self) -> Keys {
        Keys {
            pk: keys::customer(&self.customer_id),
            sk: keys::dismissal(&self.contact_id, &self.news_id),
            gsi1: None,
        }
    }
}

impl Versioned for NewsItem {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}
