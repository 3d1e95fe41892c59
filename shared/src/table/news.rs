//! News items with an audience and an active window, and each contact's dismissals.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{keys, Entity, PrimaryKey, QuerySpec, Versioned};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Audience {
    /// Every portal user.
    All,
    /// Contacts of these customers only.
    Customers { customer_ids: Vec<String> },
}

impl Audience {
    /// Customer ids as stored (ULIDs are accepted in either case).
    pub fn normalised(self) -> Self {
        match self {
            Self::Customers { customer_ids } => Self::Customers {
                customer_ids: customer_ids.into_iter().map(|c| c.to_ascii_uppercase()).collect(),
            },
            all => all,
        }
    }
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

    type Id<'a> = &'a str;

    fn key(id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::NEWS, keys::news(id))
    }

    fn id(&self) -> &str {
        &self.id
    }
}

impl NewsItem {
    /// Every news item, newest first (ids are ULIDs).
    pub fn all() -> QuerySpec {
        QuerySpec::table(keys::NEWS.into(), keys::NEWS_PREFIX).newest_first()
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

    /// (customer id, contact id, news id)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, contact_id, news_id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::dismissal(contact_id, news_id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.contact_id, &self.news_id)
    }
}

impl Dismissal {
    /// What one contact dismissed.
    pub fn of_contact(customer_id: &str, contact_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::dismissals(contact_id))
    }
}

impl Versioned for NewsItem {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}
