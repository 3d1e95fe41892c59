//! Request and response types of the knowledge base.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::{
        articles::{Article, ArticleListing, ArticleStatus, MAX_AUDIENCE},
        news::Audience,
    },
    validate::{Checks, Validate, MAX_NAME},
};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

pub const MAX_BODY: usize = 50_000;
pub const MAX_CATEGORY: usize = 60;

/// An article as staff write it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    pub title: String,
    /// Markdown (raw HTML in it is removed when the portal shows it).
    pub body: String,
    pub category: String,
    pub status: ArticleStatus,
    /// Everyone, or chosen customers (1 to 40).
    pub audience: Audience,
}

impl Validate for ArticleInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("title", &self.title, MAX_NAME);
        c.required("body", &self.body, MAX_BODY);
        c.required("category", &self.category, MAX_CATEGORY);
        if let Audience::Customers { customer_ids } = &self.audience {
            let mut sorted: Vec<String> = customer_ids.iter().map(|c| c.to_ascii_uppercase()).collect();
            sorted.sort();
            sorted.dedup();
            if customer_ids.is_empty()
                || customer_ids.len() > MAX_AUDIENCE
                || sorted.len() != customer_ids.len()
                || customer_ids.iter().any(|c| !shared::ids::is_valid(c))
            {
                errors.push(FieldError::new(
                    "audience.customer_ids",
                    format!("must list 1 to {MAX_AUDIENCE} distinct customer ids"),
                ));
            }
        }
    }
}

/// An article with its votes, for staff.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffArticle {
    pub article: Article,
    /// Contacts who found it helpful.
    pub helpful: i64,
    pub not_helpful: i64,
}

/// A published article in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    pub category: String,
    /// The body's first 200 characters as plain text.
    pub summary: String,
    #[serde(with = "time::serde::rfc3339")]
    pub published_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<ArticleListing> for ArticleSummary {
    fn from(l: ArticleListing) -> Self {
        Self {
            id: l.article_id,
            title: l.title,
            category: l.category,
            summary: l.summary,
            published_at: l.published_at,
            updated_at: l.updated_at,
        }
    }
}

/// An article as a contact reads it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalArticle {
    pub id: String,
    pub title: String,
    pub category: String,
    /// The body rendered from Markdown and sanitised: no script, event handler or `javascript:` link.
    pub body_html: String,
    #[serde(with = "time::serde::rfc3339")]
    pub published_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// The caller's answer to "was this helpful?", once given.
    pub my_vote: Option<bool>,
}

/// A category and how many published articles the caller sees in it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleCategory {
    pub name: String,
    pub articles: i64,
}

/// `GET /portal/articles` parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ArticleListParams {
    /// Only this category (as `GET /portal/articles/categories` names it).
    pub category: Option<String>,
    /// A keyword the title, category or body contains (case-insensitive; 2 to 100 characters).
    pub q: Option<String>,
    /// Items per page, 1 to 100 (default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// `POST /portal/articles/{id}/vote`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub helpful: bool,
}

impl Validate for Vote {
    fn validate(&self, _: &mut Vec<FieldError>) {}
}
