//! Turning a query into words, and the postings each word found into ranked results.

use std::collections::BTreeSet;

use shared::{
    error::ApiError,
    table::search::{terms, Posting, WordHits},
};

pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_WORDS: usize = 8;

/// The query's words, as the index holds terms; 400 naming `q` when none is left or there are too many.
pub fn words(q: &str) -> Result<Vec<String>, ApiError> {
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::bad_request(
            "q",
            format!("must be at most {MAX_QUERY_CHARS} characters"),
        ));
    }
    let words = terms([q]);
    match words.len() {
        0 => Err(ApiError::bad_request(
            "q",
            "needs a word of at least two letters or a number",
        )),
        n if n > MAX_WORDS => Err(ApiError::bad_request(
            "q",
            format!("must have at most {MAX_WORDS} words"),
        )),
        _ => Ok(words),
    }
}

/// How well a record's terms answer the words: per word, 2 for a whole term and 1 for a term it begins,
/// one more when that term is in the title; `None` when some word matches no term (every word must).
pub fn score(words: &[String], posting: &Posting) -> Option<u32> {
    words.iter().try_fold(0, |sum, w| {
        let best = posting
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let title = u32::from(i < posting.title_terms);
                if t == w {
                    Some(2 + title)
                } else if t.starts_with(w.as_str()) {
                    Some(1 + title)
                } else {
                    None
                }
            })
            .max()?;
        Some(sum + best)
    })
}

/// The best `limit` records matching every word and `keep`, and whether some may be missing. When some
/// word's Query was complete, the candidates are all the postings of the word that found fewest (every
/// match has one of them); otherwise the postings every word's Query read. `others`, found outside the
/// index, are candidates too; every word is checked on each candidate's own terms.
pub fn rank(
    words: &[String],
    mut hits: Vec<WordHits>,
    others: WordHits,
    keep: impl Fn(&Posting) -> bool,
    limit: usize,
) -> (Vec<Posting>, bool) {
    hits.sort_by_key(|h| (!h.complete, h.postings.len()));
    let complete = hits.first().is_some_and(|h| h.complete);
    if complete {
        hits.truncate(1);
    }
    let partial = !complete || !others.complete;
    let mut seen = BTreeSet::new();
    let mut found: Vec<(u32, Posting)> = hits
        .into_iter()
        .flat_map(|h| h.postings)
        .chain(others.postings)
        .filter(|p| seen.insert((p.kind, p.record_id.clone())))
        .filter(|p| keep(p))
        .filter_map(|p| score(words, &p).map(|s| (s, p)))
        .collect();
    found.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.record_id.cmp(&b.record_id))
    });
    found.truncate(limit);
    (found.into_iter().map(|(_, p)| p).collect(), partial)
}

#[cfg(test)]
mod tests {
    use shared::table::search::{SearchDoc, SearchKind};

    use super::*;

    fn posting(kind: SearchKind, id: &str, title: &str, more: &[&str]) -> Posting {
        let doc = SearchDoc::new(kind, id, None, title, None, more);
        Posting {
            customer_id: "c".into(),
            term: doc.terms[0].clone(),
            kind,
            record_id: id.into(),
            site_id: None,
            title: doc.title,
            detail: None,
            terms: doc.terms,
            title_terms: doc.title_terms,
            restriction: None,
        }
    }

    fn none() -> WordHits {
        WordHits {
            postings: Vec::new(),
            complete: true,
        }
    }

    #[test]
    fn every_word_must_match_and_whole_title_words_rank_first() {
        let words = words("fire ext").unwrap();
        let hits = vec![WordHits {
            postings: vec![
                posting(SearchKind::Asset, "a1", "FE-01", &["extinguisher", "fire escape"]),
                posting(SearchKind::Defect, "d1", "Fire extinguisher missing", &["critical"]),
                posting(SearchKind::Site, "s1", "Fire Station", &[]),
                posting(SearchKind::Defect, "d1", "Fire extinguisher missing", &["critical"]),
            ],
            complete: true,
        }];
        let (found, partial) = rank(&words, hits, none(), |_| true, 10);
        let ids: Vec<&str> = found.iter().map(|p| p.record_id.as_str()).collect();
        assert_eq!(ids, ["d1", "a1"], "the station has no word beginning ext; d1 once");
        assert!(!partial);
    }

    #[test]
    fn the_narrowest_complete_word_decides_and_keep_filters() {
        let words = words("boiler room").unwrap();
        let wide = WordHits {
            postings: vec![posting(SearchKind::Job, "j1", "Boiler service", &["room 2"])],
            complete: false,
        };
        let narrow = WordHits {
            postings: vec![
                posting(SearchKind::Job, "j2", "Boiler room leak", &[]),
                posting(SearchKind::Quote, "q1", "Boiler room", &[]),
            ],
            complete: true,
        };
        let (found, partial) = rank(&words, vec![wide, narrow], none(), |p| p.kind != SearchKind::Quote, 10);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].record_id, "j2");
        assert!(!partial, "one word's postings were all read");
    }

    #[test]
    fn when_no_word_was_read_whole_every_read_posting_is_a_candidate() {
        let words = words("boiler room").unwrap();
        let boiler = WordHits {
            postings: vec![posting(SearchKind::Job, "j1", "Boiler service", &[])],
            complete: false,
        };
        let room = WordHits {
            postings: vec![posting(SearchKind::Job, "j2", "Plant room boiler", &[])],
            complete: false,
        };
        let (found, partial) = rank(&words, vec![boiler, room], none(), |_| true, 10);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].record_id, "j2", "found through the room's postings");
        assert!(partial);
    }

    #[test]
    fn candidates_from_outside_the_index_rank_with_the_postings_and_can_make_it_partial() {
        let words = words("boil reset").unwrap();
        let hits = vec![WordHits {
            postings: vec![posting(SearchKind::Job, "j1", "Boiler reset visit", &[])],
            complete: true,
        }];
        let doc = |id: &str, title: &str| SearchDoc::new(SearchKind::Article, id, None, title, None, &[]);
        let others = WordHits {
            postings: vec![
                doc("a1", "Resetting a boiler").candidate("c", &["heating", "press reset for five seconds"]),
                doc("a2", "Boiler pressure").candidate("c", &["heating"]),
            ],
            complete: false,
        };
        let (found, partial) = rank(&words, hits, others, |_| true, 10);
        let ids: Vec<&str> = found.iter().map(|p| p.record_id.as_str()).collect();
        assert_eq!(
            ids,
            ["j1", "a1"],
            "a2 has no word beginning reset; whole title words rank first"
        );
        assert!(partial, "the articles were not all read");
    }

    #[test]
    fn bad_queries_name_q() {
        for q in ["", "a", "- . !", &"x".repeat(201), "a1 b2 c3 d4 e5 f6 g7 h8 i9"] {
            assert!(words(q).is_err(), "{q}");
        }
        assert_eq!(words("Q-1001").unwrap(), ["1001"]);
    }
}
