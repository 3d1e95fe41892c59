//! What each record shows to search ([`Searchable`]): its title, a line of detail and the words it is
//! found by. A record the portal's lists do not show (a draft quote, an unpublished defect) shows nothing.

use super::{
    assets::Asset,
    defects::Defect,
    invoices::Invoice,
    operations::Job,
    quotes::{Quote, QuoteStatus},
    search::{SearchDoc, SearchKind, Searchable},
    sites::Site,
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
