//! What `/portal/search` takes and answers.

use serde::{Deserialize, Serialize};
use shared::table::search::{Posting, SearchKind};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to find, each as the start of a word (`ext fi` finds "extinguisher, first floor"): at most
    /// 200 characters and 8 words; words of one letter are ignored, and at least one must remain (required).
    pub q: Option<String>,
    /// Only results of this kind.
    pub kind: Option<SearchKind>,
    /// Only results on this site.
    pub site_id: Option<String>,
    /// Results to return, 1 to 50 (default 20).
    pub limit: Option<u32>,
}

/// A record that matches: open it by kind and id (a defect on its site's page).
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResult {
    pub kind: SearchKind,
    pub id: String,
    /// Its site, for an asset, defect, quote, invoice or field job (and a site itself).
    pub site_id: Option<String>,
    pub title: String,
    /// A second line: a site's address, an asset's location, a quote's or job's number.
    pub detail: Option<String>,
}

impl From<Posting> for SearchResult {
    fn from(p: Posting) -> Self {
        Self {
            kind: p.kind,
            id: p.record_id,
            site_id: p.site_id,
            title: p.title,
            detail: p.detail,
        }
    }
}

/// The best matches first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    pub items: Vec<SearchResult>,
    /// Every word matched more records than one search reads, so some matches may be missing: a longer
    /// or another word narrows the search.
    pub partial: bool,
}
