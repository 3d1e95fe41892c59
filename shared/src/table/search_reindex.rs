//! Rebuilding a customer's search index from its records.
//!
//! Each record writes its own postings in its own transaction, so the index never needs this in normal
//! operation. It is for records written before search existed (or before a kind joined it), and for
//! repair: it reads the customer's records and postings whole (a maintenance operation, like the
//! activity recount), writes each posting a record should have and is missing or stale, and deletes each
//! posting no record has. Run it while the portal takes no writes.

use std::collections::BTreeMap;

use super::{
    assets::Asset,
    datasheets::Sheet,
    defects::Defect,
    documents::Document,
    invoices::Invoice,
    keys,
    operations::Job,
    quotes::Quote,
    search::{postings, Posting, Searchable},
    sites::Site,
    tickets::Ticket,
    Entity, Item, PrimaryKey, Table,
};
use crate::error::ApiResult;

/// What a reindex did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reindexed {
    /// Records read that search shows (a draft quote or an unpublished defect is not one).
    pub records: usize,
    /// Postings written (missing or different).
    pub written: usize,
    /// Postings deleted (no record has them).
    pub removed: usize,
}

/// Postings deleted per transaction.
const CHUNK: usize = 25;

impl Table {
    /// The postings every record of kind `R` (its items under `prefix`) should have, by sort key.
    async fn postings_of<R: Searchable + Entity>(
        &self,
        customer_id: &str,
        prefix: String,
        into: &mut BTreeMap<String, Item>,
    ) -> ApiResult<usize> {
        let mut n = 0;
        for item in self.partition_items(customer_id, prefix).await? {
            if !R::is(&item) {
                continue;
            }
            let shown = postings(&R::from_item(item)?);
            n += usize::from(!shown.is_empty());
            for posting in shown {
                into.insert(Posting::key(posting.id()).sk, posting.to_item()?);
            }
        }
        Ok(n)
    }

    /// Brings the customer's postings to what its records say.
    pub async fn reindex_search(&self, customer_id: &str) -> ApiResult<Reindexed> {
        let mut want = BTreeMap::new();
        let c = customer_id;
        let mut records = 0;
        records += self.postings_of::<Site>(c, keys::site(""), &mut want).await?;
        records += self.postings_of::<Asset>(c, keys::asset(""), &mut want).await?;
        records += self.postings_of::<Defect>(c, keys::defect(""), &mut want).await?;
        records += self.postings_of::<Quote>(c, keys::quote(""), &mut want).await?;
        records += self.postings_of::<Invoice>(c, keys::invoice(""), &mut want).await?;
        records += self.postings_of::<Job>(c, keys::job(""), &mut want).await?;
        records += self.postings_of::<Ticket>(c, keys::ticket(""), &mut want).await?;
        records += self.postings_of::<Document>(c, keys::document(""), &mut want).await?;
        records += self.postings_of::<Sheet>(c, keys::sheet(""), &mut want).await?;
        let mut gone = Vec::new();
        for item in self.items_under(keys::search(c), String::new()).await? {
            let Some(key) = PrimaryKey::of(&item) else {
                continue;
            };
            match want.get(&key.sk) {
                Some(wanted) if *wanted == item => {
                    want.remove(&key.sk);
                }
                Some(_) => {}
                None => gone.push(Posting::from_item(item)?),
            }
        }
        let mut postings = Vec::with_capacity(want.len());
        for item in want.into_values() {
            postings.push(Posting::from_item(item)?);
        }
        self.put_many(&postings).await?;
        let removed = gone.len();
        for chunk in gone.chunks(CHUNK) {
            let actions = chunk
                .iter()
                .map(|p| {
                    Ok(self
                        .delete::<Posting>(p.id(), None)?
                        .named(format!("posting {}", p.term)))
                })
                .collect::<ApiResult<Vec<_>>>()?;
            if let Err(Err(e)) = self.transact(actions).await {
                return Err(e);
            }
        }
        Ok(Reindexed {
            records,
            written: postings.len(),
            removed,
        })
    }
}
