//! The knowledge base: articles staff write in Markdown, published to everyone or to chosen customers.
//!
//! - `Article` (`KB` / `ARTICLE#<id>`): the article itself, drafts included; staff list them all.
//! - `ArticleListing`: one per audience a published article reaches (`KBLIST#ALL`, or
//!   `KBLIST#<customer>`), sorted by publication, with a GSI1 partition per category. A contact's list
//!   merges their customer's partition with everyone's, so it reads a page whatever the number of
//!   articles and never one the contact may not see. Listings are written in the article's own
//!   transaction, so a draft or a withdrawn article is in no list the moment it commits.
//! - The categories a contact sees are counted per audience (`KBCATS#…`), in the same transaction.
//! - Votes: one per contact and article (`ArticleVote`), and the article's tallies in their own item
//!   (`ARTICLECOUNTS#<id>`), so a vote never races staff's versioned edit of the article.

use aws_sdk_dynamodb::types::AttributeValue;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{
    counters::{delta, Counts},
    keys,
    news::Audience,
    Action, Entity, PrimaryKey, QuerySpec, Table,
};
use crate::error::{from_sdk, ApiResult};

/// The most customers one article is published to (each is a listing written in its transaction).
pub const MAX_AUDIENCE: usize = 40;
/// The characters of the body a listing carries as its summary.
const SUMMARY_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    /// Staff only.
    Draft,
    /// In the portal of its audience.
    Published,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Article {
    pub id: String,
    pub title: String,
    /// Markdown; the portal receives it rendered and sanitised.
    pub body: String,
    pub category: String,
    pub status: ArticleStatus,
    pub audience: Audience,
    /// First published (the lists' order); kept when it is edited or withdrawn and published again.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub published_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Article {
    const TYPE: &'static str = "article";
    type Id<'a> = &'a str;

    fn key(id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::KB, keys::article(id))
    }

    fn id(&self) -> &str {
        &self.id
    }
}

impl Article {
    /// Every article, newest first (ids are ULIDs): staff's list.
    pub fn all() -> QuerySpec {
        QuerySpec::table(keys::KB.into(), keys::ARTICLE_PREFIX).newest_first()
    }

    /// Whether a contact of `customer_id` may read it.
    pub fn shown_to(&self, customer_id: &str) -> bool {
        self.status == ArticleStatus::Published && self.audience_keys().iter().any(|k| k == ALL || k == customer_id)
    }

    /// The audiences it is listed for while published: `ALL`, or each chosen customer.
    fn audience_keys(&self) -> Vec<String> {
        match &self.audience {
            Audience::All => vec![ALL.to_owned()],
            Audience::Customers { customer_ids } => customer_ids.clone(),
        }
    }

    fn listings(&self) -> Vec<ArticleListing> {
        let Some(published_at) = self.published_at.filter(|_| self.status == ArticleStatus::Published) else {
            return Vec::new();
        };
        let plain = plain_text(&self.body);
        let summary = summary(&plain);
        let search_text = format!("{} {} {plain}", self.title, self.category).to_lowercase();
        self.audience_keys()
            .into_iter()
            .map(|audience| ArticleListing {
                audience,
                article_id: self.id.clone(),
                title: self.title.clone(),
                category: self.category.clone(),
                summary: summary.clone(),
                search_text: search_text.clone(),
                published_at,
                updated_at: self.updated_at,
            })
            .collect()
    }

    /// What it adds to each audience's category counts.
    fn category_counts(&self) -> Vec<(String, Counts)> {
        self.listings()
            .into_iter()
            .map(|l| (l.audience, Counts::from([(self.category.clone(), 1)])))
            .collect()
    }
}

/// The audience key of articles for everyone.
pub const ALL: &str = "ALL";
/// The most listings of one audience a portal search reads.
pub const SEARCH_SCAN: i32 = 2000;

/// The text a reader sees of a Markdown body, in one line: marks, link addresses and raw HTML dropped,
/// blocks and table cells kept apart by a space.
fn plain_text(body: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(body.len());
    // Inside a raw `<script>` or `<style>`, which the rendered page drops with its content.
    let mut hidden = false;
    for event in Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                let tag = h.trim_start().to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    hidden = true;
                }
                if tag.contains("</script") || tag.contains("</style") {
                    hidden = false;
                }
            }
            Event::Text(t) | Event::Code(t) if !hidden => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::Rule => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body's first characters as plain text.
fn summary(plain: &str) -> String {
    match plain.char_indices().nth(SUMMARY_CHARS) {
        Some((at, _)) => format!("{}…", plain[..at].trim_end()),
        None => plain.to_owned(),
    }
}

/// A published article in one audience's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleListing {
    /// `ALL` or a customer id.
    pub audience: String,
    pub article_id: String,
    pub title: String,
    pub category: String,
    pub summary: String,
    /// Lower-cased title, category and the body's plain text, for keyword search.
    pub search_text: String,
    #[serde(with = "time::serde::rfc3339")]
    pub published_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl ArticleListing {
    /// The sort key both the table and GSI1 order it by: newest publication last.
    pub fn sort_key(&self) -> String {
        keys::article_listing(self.published_at.unix_timestamp(), &self.article_id)
    }
}

impl Entity for ArticleListing {
    const TYPE: &'static str = "article_listing";
    /// (audience, published at in epoch seconds, article id)
    type Id<'a> = (&'a str, i64, &'a str);

    fn key((audience, published, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::article_list(audience), keys::article_listing(published, id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.audience, self.published_at.unix_timestamp(), &self.article_id)
    }

    /// The same list per category.
    fn gsi1(&self) -> Option<(String, String)> {
        Some((keys::article_category(&self.audience, &self.category), self.sort_key()))
    }
}

/// A contact's "was this helpful?" on an article: once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleVote {
    pub customer_id: String,
    pub contact_id: String,
    pub article_id: String,
    pub helpful: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl Entity for ArticleVote {
    const TYPE: &'static str = "article_vote";
    /// (customer, contact, article)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, contact_id, article_id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::article_vote(article_id, contact_id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.contact_id, &self.article_id)
    }
}

/// The key of an article's vote tallies (`helpful`, `not_helpful`).
pub fn counts_key(article_id: &str) -> PrimaryKey {
    PrimaryKey::new(keys::KB, keys::article_counts(article_id))
}

fn categories_key(audience: &str) -> PrimaryKey {
    PrimaryKey::new(keys::article_list(audience), keys::KB_CATEGORIES)
}

impl Table {
    /// The writes that keep an article's listings and category counts in step with it, for the
    /// article's own transaction (`before` none: created; `after` none: deleted).
    pub fn article_actions(&self, before: Option<&Article>, after: Option<&Article>) -> ApiResult<Vec<Action>> {
        let old = before.map(Article::listings).unwrap_or_default();
        let new = after.map(Article::listings).unwrap_or_default();
        let mut actions = Vec::new();
        for l in old.iter().filter(|l| !new.iter().any(|n| n.id() == l.id())) {
            actions.push(
                self.delete::<ArticleListing>(l.id(), None)?
                    .named(format!("listing#{}", l.audience)),
            );
        }
        for l in &new {
            if !old.contains(l) {
                actions.push(self.put_unconditional(l)?.named(format!("listing#{}", l.audience)));
            }
        }
        let (was, is) = (
            before.map(Article::category_counts).unwrap_or_default(),
            after.map(Article::category_counts).unwrap_or_default(),
        );
        let mut audiences: Vec<&String> = was.iter().chain(is.iter()).map(|(a, _)| a).collect();
        audiences.sort();
        audiences.dedup();
        for audience in audiences {
            let of = |list: &[(String, Counts)]| {
                list.iter()
                    .find(|(a, _)| a == audience)
                    .map(|(_, c)| c.clone())
                    .unwrap_or_default()
            };
            let moved = delta(&of(&was), &of(&is));
            actions.extend(
                self.add_counts("categories", categories_key(audience), "article_categories", &moved)?
                    .map(|a| a.named(format!("categories#{audience}"))),
            );
        }
        Ok(actions)
    }

    /// The categories a customer's contacts see, with how many published articles each holds, by name.
    pub async fn article_categories(&self, customer_id: &str) -> ApiResult<Vec<(String, i64)>> {
        let both = self
            .counts_many(vec![categories_key(ALL), categories_key(customer_id)])
            .await?;
        let mut sum = Counts::new();
        for counts in both {
            for (k, v) in counts {
                *sum.entry(k).or_insert(0) += v;
            }
        }
        let mut out: Vec<(String, i64)> = sum.into_iter().filter(|(_, n)| *n > 0).collect();
        out.sort_by_key(|(name, _)| name.to_lowercase());
        Ok(out)
    }

    /// The published articles a customer's contacts see whose lower-cased text contains `word`, newest
    /// first per audience: one filtered Query of everyone's listings and one of the company's, each
    /// reading at most [`SEARCH_SCAN`] listings (a knowledge base is the business's, not the customer's,
    /// and stays far smaller). `false` when a partition held more than that.
    pub async fn articles_containing(&self, customer_id: &str, word: &str) -> ApiResult<(Vec<ArticleListing>, bool)> {
        let reads = [ALL, customer_id].map(|audience| async move {
            let out = self
                .query_prefix(keys::article_list(audience), keys::ARTICLE_LISTING_PREFIX.to_owned())
                .scan_index_forward(false)
                .limit(SEARCH_SCAN)
                .filter_expression("contains(#text, :word)")
                .expression_attribute_names("#text", "search_text")
                .expression_attribute_values(":word", AttributeValue::S(word.to_lowercase()))
                .send()
                .await
                .map_err(from_sdk)?;
            let items = out.items.unwrap_or_default();
            let found = items
                .into_iter()
                .map(ArticleListing::from_item)
                .collect::<ApiResult<Vec<_>>>()?;
            Ok::<_, crate::error::ApiError>((found, out.last_evaluated_key.is_none()))
        });
        let [everyone, own] = futures_util::future::try_join_all(reads)
            .await?
            .try_into()
            .map_err(|_| crate::error::ApiError::Internal)?;
        let complete = everyone.1 && own.1;
        Ok((everyone.0.into_iter().chain(own.0).collect(), complete))
    }

    /// A page of the articles a customer's contacts see, newest first: everyone's and the customer's
    /// own, optionally of one category and containing a keyword.
    pub async fn article_page(
        &self,
        customer_id: &str,
        category: Option<&str>,
        keyword: Option<&str>,
        page: &crate::pagination::PageParams,
    ) -> ApiResult<crate::pagination::Page<ArticleListing>> {
        let streams = [ALL, customer_id].map(|audience| {
            // The category counts share the list's partition under a sort key after every listing's.
            let mut spec = match category {
                Some(c) => QuerySpec::gsi1(keys::article_category(audience, c)),
                None => QuerySpec::table(keys::article_list(audience), keys::ARTICLE_LISTING_PREFIX),
            }
            .newest_first();
            spec.contains = keyword.map(|k| ("search_text", k.to_lowercase()));
            spec
        });
        super::merged::newest_first_page(
            self,
            &streams,
            keys::ARTICLE_LISTING_PREFIX,
            page,
            ArticleListing::sort_key,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn article(status: ArticleStatus, audience: Audience) -> Article {
        Article {
            id: "A1".into(),
            title: "Reset the boiler".into(),
            body: "## Steps\n\nPress **reset** for five seconds.".into(),
            category: "Heating".into(),
            status,
            audience,
            published_at: Some(datetime!(2026-03-01 10:00 UTC)),
            created_at: datetime!(2026-03-01 10:00 UTC),
            updated_at: datetime!(2026-03-01 10:00 UTC),
            version: 1,
        }
    }

    #[test]
    fn a_draft_is_listed_nowhere_and_an_audience_gets_one_listing_each() {
        assert!(article(ArticleStatus::Draft, Audience::All).listings().is_empty());
        let all = article(ArticleStatus::Published, Audience::All).listings();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].audience, ALL);
        assert_eq!(all[0].summary, "Steps Press reset for five seconds.");
        let two = Audience::Customers {
            customer_ids: vec!["C1".into(), "C2".into()],
        };
        let some = article(ArticleStatus::Published, two);
        assert_eq!(
            some.listings().iter().map(|l| l.audience.as_str()).collect::<Vec<_>>(),
            ["C1", "C2"]
        );
        assert!(some.shown_to("C2") && !some.shown_to("C3"));
        assert!(!article(ArticleStatus::Draft, Audience::All).shown_to("C1"));
    }

    #[test]
    fn the_summary_and_search_text_are_what_a_reader_sees() {
        let mut a = article(ArticleStatus::Published, Audience::All);
        a.body = "| Priority | First answer |\n|---|---|\n| Urgent | 1 hour |\n\nChoose *Raise a ticket*. \
                  <script>alert(1)</script> [click](javascript:alert(2)) `code`"
            .into();
        let listing = &a.listings()[0];
        assert_eq!(
            listing.summary,
            "Priority First answer Urgent 1 hour Choose Raise a ticket. click code"
        );
        assert!(listing
            .search_text
            .starts_with("reset the boiler heating priority first answer"));
        for absent in ["script", "javascript", "alert", "|", "*"] {
            assert!(!listing.search_text.contains(absent), "{absent}");
        }
    }
}
