//! Request and response types of news.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::news::{Audience, NewsItem},
    validate::{Checks, Validate, MAX_NAME},
};
use time::OffsetDateTime;
use utoipa::ToSchema;
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalNews {
    pub id: String,
    pub title: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
}

impl From<NewsItem> for PortalNews {
    fn from(n: NewsItem) -> Self {
        Self {
            id: n.id,
            title: n.title,
            body: n.body,
            starts_at: n.starts_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewsInput {
    pub title: String,
    pub body: String,
    pub audience: Audience,
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub ends_at: Option<OffsetDateTime>,
}

impl Validate for NewsInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("title", &self.title, MAX_NAME);
        c.required("body", &self.body, 20_000);
        if self.ends_at.is_some_and(|e| e <= self.starts_at) {
            errors.push(FieldError::new("ends_at", "must be after starts_at"));
        }
        if let Audience::Customers { customer_ids } = &self.audience {
            if customer_ids.is_empty()
                || customer_ids.len() > 500
                || customer_ids.iter().any(|c| !shared::ids::is_valid(c))
            {
                errors.push(FieldError::new(
                    "audience.customer_ids",
                    "must list 1 to 500 customer ids",
                ));
            }
        }
    }
}

// The response for a stored NewsItem (the schema keeps its name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = NewsItem)]
pub struct NewsItemResponse {
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

impl From<&NewsItem> for NewsItemResponse {
    fn from(e: &NewsItem) -> Self {
        Self {
            id: e.id.clone(),
            title: e.title.clone(),
            body: e.body.clone(),
            audience: e.audience.clone(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            created_at: e.created_at,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}
