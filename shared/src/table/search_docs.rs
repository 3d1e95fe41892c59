//! What each record shows to search ([`Searchable`]): its title, a line of detail and the words it is
//! found by. A record the portal's lists do not show (a draft quote, an unpublished defect, a ticket kept
//! out of the portal, a document not shared) shows nothing. A ticket's internal and public notes are
//! never indexed: only its number, subject and description.

use super::{
    articles::ArticleListing,
    assets::Asset,
    datasheets::{display, Sheet},
    defects::Defect,
    documents::Document,
    invoices::Invoice,
    operations::Job,
    quotes::{Quote, QuoteStatus},
    search::{Posting, Restriction, SearchDoc, SearchKind, Searchable},
    sites::Site,
    tickets::Ticket,
};

impl Searchable for Site {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        let a = &self.address;
        let lines: Vec<&str> = [&a.line1, &a.line2, &a.city, &a.region, &a.postcode]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let detail = (!lines.is_empty()).then(|| lines.join(", "));
        Some(SearchDoc::new(
            SearchKind::Site,
            &self.id,
            Some(&self.id),
            &self.name,
            detail,
            &lines,
        ))
    }
}

impl Searchable for Asset {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        let location = self.location.as_deref().unwrap_or_default();
        Some(SearchDoc::new(
            SearchKind::Asset,
            &self.id,
            Some(&self.site_id),
            &self.identifier,
            self.location.clone(),
            &[&self.asset_type, location],
        ))
    }
}

impl Searchable for Defect {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        self.published.then(|| {
            SearchDoc::new(
                SearchKind::Defect,
                &self.id,
                Some(&self.site_id),
                &self.description,
                None,
                &[self.severity.as_str()],
            )
        })
    }
}

impl Searchable for Quote {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        (self.status != QuoteStatus::Draft).then(|| {
            SearchDoc::new(
                SearchKind::Quote,
                &self.id,
                Some(&self.site_id),
                &self.title,
                Some(self.number.clone()),
                &[&self.number, self.description.as_deref().unwrap_or_default()],
            )
        })
    }
}

impl Searchable for Invoice {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        Some(SearchDoc::new(
            SearchKind::Invoice,
            &self.id,
            Some(&self.site_id),
            &self.number,
            None,
            &[],
        ))
    }
}

impl Searchable for Job {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        Some(SearchDoc::new(
            SearchKind::Job,
            &self.id,
            self.field.as_ref().map(|f| f.site_id.as_str()),
            &self.description,
            Some(self.reference.clone()),
            &[&self.reference, &self.job_type],
        ))
    }
}

impl Searchable for Ticket {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        self.visible_in_portal.then(|| {
            let number = self.number.to_string();
            SearchDoc::new(
                SearchKind::Ticket,
                &self.id,
                None,
                &self.subject,
                Some(format!("#{number}")),
                &[&number, &self.description],
            )
            .restricted(Restriction {
                raised_by: self.originator_contact_id.clone(),
                confidential: self.confidential,
            })
        })
    }
}

impl Searchable for Document {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    fn search_doc(&self) -> Option<SearchDoc> {
        self.shown().then(|| {
            SearchDoc::new(
                SearchKind::Document,
                &self.id,
                self.site_id.as_deref(),
                &self.name,
                Some(self.folder.clone()),
                &[&self.folder],
            )
        })
    }
}

impl Searchable for Sheet {
    fn search_customer(&self) -> &str {
        &self.customer_id
    }

    /// Every sheet of the company is in its list; found by its template, who started it, the ticket its
    /// submission raised and the text of its answers.
    fn search_doc(&self) -> Option<SearchDoc> {
        let ticket = self.ticket_number.map(|n| n.to_string()).unwrap_or_default();
        let answers: Vec<String> = self.values.values().map(display).collect();
        let mut more: Vec<&str> = vec![&self.created_by_name, &ticket];
        more.extend(answers.iter().map(String::as_str));
        Some(SearchDoc::new(
            SearchKind::DataSheet,
            &self.id,
            None,
            &self.template_name,
            Some(self.created_by_name.clone()),
            &more,
        ))
    }
}

impl ArticleListing {
    /// A published article the customer's contacts see, as a search candidate. Articles are not in the
    /// index (one written for many customers would need postings in each): search reads them through
    /// the knowledge base's keyword list, which holds exactly the articles the portal shows.
    pub fn search_candidate(&self, customer_id: &str) -> Posting {
        SearchDoc::new(
            SearchKind::Article,
            &self.article_id,
            None,
            &self.title,
            Some(self.summary.clone()),
            &[],
        )
        .candidate(customer_id, &[&self.category, &self.search_text])
    }
}
