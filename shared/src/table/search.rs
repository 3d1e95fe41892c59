//! The search index: one posting per word of each portal-visible record (sites, assets, published
//! defects, quotes past draft, invoices, jobs, portal-visible tickets, shared documents, data sheets), written in the record's own transaction, so a search
//! finds a change the moment it commits and never finds what the portal's lists would not show.
//!
//! A posting is `PK = SEARCH#<customer>`, `SK = <term>#<kind>#<id>`. A query word is one Query of the
//! customer's partition for sort keys beginning with it (prefix matching). Every posting carries the
//! record's title, detail and all its terms, so the other words of a query are checked on the postings
//! themselves: a search reads one bounded Query per word and no record.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{keys, Action, Entity, PrimaryKey, Table};
use crate::{
    error::{from_sdk, ApiResult},
    modules::Module,
};

/// The most terms a record is indexed under (each is a posting, written in the record's transaction).
pub const MAX_TERMS: usize = 24;
/// The longest term kept; longer words are indexed by their first characters.
const MAX_TERM_CHARS: usize = 32;
/// The most characters of a title or detail a posting carries (a job's description may be long).
const MAX_SHOWN_CHARS: usize = 160;

fn shown(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

/// What a search result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Site,
    Asset,
    Defect,
    Quote,
    Invoice,
    Job,
    Ticket,
    Document,
    DataSheet,
    /// A knowledge base article: found through the knowledge base's own lists, not the index.
    Article,
}

impl SearchKind {
    pub const ALL: [SearchKind; 10] = [
        Self::Site,
        Self::Asset,
        Self::Defect,
        Self::Quote,
        Self::Invoice,
        Self::Job,
        Self::Ticket,
        Self::Document,
        Self::DataSheet,
        Self::Article,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Site => "site",
            Self::Asset => "asset",
            Self::Defect => "defect",
            Self::Quote => "quote",
            Self::Invoice => "invoice",
            Self::Job => "job",
            Self::Ticket => "ticket",
            Self::Document => "document",
            Self::DataSheet => "data_sheet",
            Self::Article => "article",
        }
    }

    /// The portal module whose lists show this kind: a result shows only where its list would.
    pub fn module(self) -> Module {
        match self {
            Self::Site | Self::Asset | Self::Defect => Module::Sites,
            Self::Quote => Module::Quotes,
            Self::Invoice => Module::Invoices,
            Self::Job => Module::Jobs,
            Self::Ticket => Module::Tickets,
            Self::Document => Module::Documents,
            Self::DataSheet => Module::DataSheets,
            Self::Article => Module::KnowledgeBase,
        }
    }
}

/// What a record shows to search: `None` from [`Searchable::search_doc`] keeps it out of the index.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchDoc {
    pub kind: SearchKind,
    pub id: String,
    pub site_id: Option<String>,
    pub title: String,
    pub detail: Option<String>,
    /// The title's terms first, then the rest's ([`SearchDoc::new`] builds them).
    pub terms: Vec<String>,
    /// How many of `terms` come from the title (they rank higher).
    pub title_terms: usize,
    /// Who may see it, when not every contact of the company may (a ticket): see [`Restriction`].
    pub restriction: Option<Restriction>,
}

/// A ticket's visibility, carried on its postings so a search shows it exactly where the ticket lists do:
/// to the contact who raised it, and to colleagues with the see-all grant unless it is confidential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restriction {
    pub raised_by: Option<String>,
    pub confidential: bool,
}

impl Restriction {
    pub fn allows(&self, contact_id: &str, sees_all: bool) -> bool {
        self.raised_by.as_deref() == Some(contact_id) || (sees_all && !self.confidential)
    }
}

impl SearchDoc {
    /// A document whose terms are the words of the title, then of `more`.
    pub fn new(
        kind: SearchKind,
        id: &str,
        site_id: Option<&str>,
        title: &str,
        detail: Option<String>,
        more: &[&str],
    ) -> Self {
        let title_terms = terms([title]);
        let mut all = title_terms.clone();
        for t in terms(more.iter().copied()) {
            if all.len() == MAX_TERMS {
                break;
            }
            if !all.contains(&t) {
                all.push(t);
            }
        }
        Self {
            kind,
            id: id.to_owned(),
            site_id: site_id.map(str::to_owned),
            title: shown(title),
            detail: detail.as_deref().map(shown),
            title_terms: title_terms.len(),
            terms: all,
            restriction: None,
        }
    }

    /// A record found other than through the index (a knowledge base article) as a search candidate: every
    /// word of its title and of `more` counts, with no [`MAX_TERMS`] bound.
    pub fn candidate(&self, customer_id: &str, more: &[&str]) -> Posting {
        let mut posting = Posting::of(customer_id, "", self);
        let title = terms_upto([self.title.as_str()], usize::MAX);
        posting.title_terms = title.len();
        posting.terms = terms_upto(
            std::iter::once(self.title.as_str()).chain(more.iter().copied()),
            usize::MAX,
        );
        posting
    }

    /// Visible only as [`Restriction`] says.
    pub fn restricted(mut self, restriction: Restriction) -> Self {
        self.restriction = Some(restriction);
        self
    }
}

/// A record of the portal that search finds.
pub trait Searchable {
    fn search_customer(&self) -> &str;
    /// What it shows to search, or `None` while the portal does not show it (a draft, an unpublished defect).
    fn search_doc(&self) -> Option<SearchDoc>;
}

/// The words of some texts as search terms: lowercased, split at anything not a letter or digit, single
/// letters dropped (single digits kept), each once, in order, at most [`MAX_TERMS`].
pub fn terms<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    terms_upto(texts, MAX_TERMS)
}

/// [`terms`], at most `max` of them.
pub fn terms_upto<'a>(texts: impl IntoIterator<Item = &'a str>, max: usize) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out: Vec<String> = Vec::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let term: String = word.chars().flat_map(char::to_lowercase).take(MAX_TERM_CHARS).collect();
            let keep = term.chars().count() > 1 || term.chars().all(|c| c.is_ascii_digit());
            if !term.is_empty() && keep && seen.insert(term.clone()) {
                out.push(term);
                if out.len() == max {
                    return out;
                }
            }
        }
    }
    out
}

/// Every posting of a record as it shows to search now (none while the portal does not show it): for
/// writing the index in bulk (the benchmark), where a record's own write uses [`Table::search_actions`].
pub fn postings<S: Searchable>(record: &S) -> Vec<Posting> {
    let customer_id = record.search_customer();
    record
        .search_doc()
        .map(|doc| doc.terms.iter().map(|t| Posting::of(customer_id, t, &doc)).collect())
        .unwrap_or_default()
}

/// One word of one record in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Posting {
    pub customer_id: String,
    pub term: String,
    pub kind: SearchKind,
    pub record_id: String,
    pub site_id: Option<String>,
    pub title: String,
    pub detail: Option<String>,
    pub terms: Vec<String>,
    pub title_terms: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restriction: Option<Restriction>,
}

impl Posting {
    /// Whether this contact may see the record (every contact of the company, unless it is restricted).
    pub fn visible_to(&self, contact_id: &str, sees_all: bool) -> bool {
        self.restriction.as_ref().is_none_or(|r| r.allows(contact_id, sees_all))
    }

    fn of(customer_id: &str, term: &str, doc: &SearchDoc) -> Self {
        Self {
            customer_id: customer_id.to_owned(),
            term: term.to_owned(),
            kind: doc.kind,
            record_id: doc.id.clone(),
            site_id: doc.site_id.clone(),
            title: doc.title.clone(),
            detail: doc.detail.clone(),
            terms: doc.terms.clone(),
            title_terms: doc.title_terms,
            restriction: doc.restriction.clone(),
        }
    }
}

impl Entity for Posting {
    const TYPE: &'static str = "search_posting";
    /// (customer, term, kind, record)
    type Id<'a> = (&'a str, &'a str, SearchKind, &'a str);

    fn key((customer_id, term, kind, record_id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(
            keys::search(customer_id),
            keys::search_term(term, kind.as_str(), record_id),
        )
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.term, self.kind, &self.record_id)
    }
}

/// The postings one query word found: at most the bound asked for, and whether that was all of them.
pub struct WordHits {
    pub postings: Vec<Posting>,
    pub complete: bool,
}

impl Table {
    /// The index's side of a record's write (`before` none: created; `after` none: deleted): the postings
    /// of words it no longer has deleted, and every posting of its current words written, unless what it
    /// shows to search did not change. Unconditional: the record's own action carries the condition.
    pub fn search_actions<S: Searchable>(&self, before: Option<&S>, after: Option<&S>) -> ApiResult<Vec<Action>> {
        let Some(customer_id) = after.or(before).map(|r| r.search_customer().to_owned()) else {
            return Ok(Vec::new());
        };
        let (old, new) = (before.and_then(S::search_doc), after.and_then(S::search_doc));
        if old == new {
            return Ok(Vec::new());
        }
        let kept: BTreeSet<&str> = new.iter().flat_map(|d| d.terms.iter().map(String::as_str)).collect();
        let mut actions = Vec::new();
        if let Some(old) = &old {
            for term in old.terms.iter().filter(|t| !kept.contains(t.as_str())) {
                actions.push(
                    self.delete::<Posting>((&customer_id, term, old.kind, &old.id), None)?
                        .named(format!("{}#{term}", Posting::TYPE)),
                );
            }
        }
        if let Some(new) = &new {
            for term in &new.terms {
                let posting = Posting::of(&customer_id, term, new);
                actions.push(
                    self.put_unconditional(&posting)?
                        .named(format!("{}#{term}", Posting::TYPE)),
                );
            }
        }
        Ok(actions)
    }

    /// The customer's postings whose term begins with `word`, in term order, at most `bound` of them.
    pub async fn search_word(&self, customer_id: &str, word: &str, bound: usize) -> ApiResult<WordHits> {
        let mut postings = Vec::new();
        let mut start = None;
        loop {
            let page = self
                .query_prefix(keys::search(customer_id), word.to_owned())
                .limit((bound - postings.len()) as i32 + 1)
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(from_sdk)?;
            for item in page.items.unwrap_or_default() {
                postings.push(Posting::from_item(item)?);
            }
            start = page.last_evaluated_key;
            if start.is_none() || postings.len() > bound {
                break;
            }
        }
        let complete = postings.len() <= bound;
        postings.truncate(bound);
        Ok(WordHits { postings, complete })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_lowercased_words_once_each() {
        assert_eq!(
            terms(["Fire door FD-03, 2nd floor", "fire EXIT"]),
            ["fire", "door", "fd", "03", "2nd", "floor", "exit"]
        );
        assert_eq!(terms(["a b 7 Q-1001"]), ["7", "1001"], "single letters go, digits stay");
        assert_eq!(terms(["Café Zürich"]), ["café", "zürich"]);
    }

    #[test]
    fn a_record_has_at_most_max_terms() {
        let text: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let doc = SearchDoc::new(SearchKind::Site, "s", None, "Title here", None, &[&text.join(" ")]);
        assert_eq!(doc.terms.len(), MAX_TERMS);
        assert_eq!(&doc.terms[..2], ["title", "here"]);
        assert_eq!(doc.title_terms, 2);
    }

    #[test]
    fn long_titles_are_shortened_but_indexed_whole() {
        let long = format!("{} tail", "word ".repeat(60));
        let doc = SearchDoc::new(SearchKind::Job, "j", None, &long, None, &[]);
        assert!(doc.title.chars().count() <= MAX_SHOWN_CHARS + 1);
        assert!(doc.title.ends_with('…'));
        assert!(doc.terms.contains(&"tail".to_owned()));
    }
}
