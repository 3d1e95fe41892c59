//! Recounting a customer's activity counters from its records, in the business's time zone as set now.
//!
//! The counters are kept by each record's own writes, so they never need this in normal operation. It
//! is for a change of `BUSINESS_TIME_ZONE` on a deployment with data (records counted under the old
//! zone's months move to the new zone's), and for records written before the counters existed. It reads
//! the customer's whole partition (a maintenance operation, like a migration), so run it while the
//! portal takes no writes: a record changed between the read and the write of the counters would be
//! counted from the state read.

use std::collections::BTreeMap;

use super::{
    activity::{sort_key, Activity, Reported, ENTITY},
    counters::{numbers, Counts},
    defects::Defect,
    documents::Document,
    invoices::Invoice,
    keys,
    operations::Job,
    quotes::Quote,
    tickets::Ticket,
    Entity, Item, PrimaryKey, Table,
};
use crate::error::{from_sdk, ApiResult};

/// What a recount did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Recount {
    /// Records read that count in the report.
    pub records: usize,
    /// Counter items changed (a month's total or a site's row).
    pub changed: usize,
}

/// Counter items changed per transaction.
const CHUNK: usize = 25;

impl Table {
    /// Every item of the customer's partition whose sort key begins with `prefix`, all pages.
    pub(super) async fn partition_items(&self, customer_id: &str, prefix: String) -> ApiResult<Vec<Item>> {
        self.items_under(keys::customer(customer_id), prefix).await
    }

    /// Every item of partition `pk` whose sort key begins with `prefix`, all pages (maintenance only).
    pub(super) async fn items_under(&self, pk: String, prefix: String) -> ApiResult<Vec<Item>> {
        let mut out = Vec::new();
        let mut start = None;
        loop {
            let page = self
                .query_prefix(pk.clone(), prefix.clone())
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(from_sdk)?;
            out.extend(page.items.unwrap_or_default());
            start = page.last_evaluated_key;
            if start.is_none() {
                return Ok(out);
            }
        }
    }

    /// Adds what every record of kind `R` (its items under `prefix`) contributes.
    async fn contributions<R: Reported + Entity>(
        &self,
        customer_id: &str,
        prefix: String,
        into: &mut Activity,
    ) -> ApiResult<usize> {
        let mut n = 0;
        for item in self.partition_items(customer_id, prefix).await? {
            if R::is(&item) {
                into.merge(R::from_item(item)?.activity(&self.zone), 1);
                n += 1;
            }
        }
        Ok(n)
    }

    /// Brings the customer's activity counters to a recount of its records: each counter item moves
    /// by the difference (`ADD`), and one no record supports any more goes to zero.
    pub async fn recount_activity(&self, customer_id: &str) -> ApiResult<Recount> {
        let mut want = Activity::default();
        let mut records = 0;
        records += self
            .contributions::<Ticket>(customer_id, keys::ticket(""), &mut want)
            .await?;
        records += self.contributions::<Job>(customer_id, keys::job(""), &mut want).await?;
        records += self
            .contributions::<Defect>(customer_id, keys::defect(""), &mut want)
            .await?;
        records += self
            .contributions::<Quote>(customer_id, keys::quote(""), &mut want)
            .await?;
        records += self
            .contributions::<Invoice>(customer_id, keys::invoice(""), &mut want)
            .await?;
        records += self
            .contributions::<Document>(customer_id, keys::document(""), &mut want)
            .await?;
        let mut moves: BTreeMap<String, Counts> = want
            .0
            .into_iter()
            .map(|((month, site), counts)| (sort_key(&month, site.as_deref()), counts))
            .collect();
        for item in self
            .partition_items(customer_id, keys::ACTIVITY_PREFIX.to_owned())
            .await?
        {
            let Some(sk) = item.get(keys::SK).and_then(|v| v.as_s().ok()).cloned() else {
                continue;
            };
            let into = moves.entry(sk).or_default();
            for (metric, stored) in numbers(item) {
                *into.entry(metric).or_insert(0) -= stored;
            }
        }
        let mut actions = Vec::new();
        for (sk, mut counts) in moves {
            counts.retain(|_, v| *v != 0);
            let key = PrimaryKey::new(keys::customer(customer_id), sk);
            actions.extend(self.add_counts(ENTITY, key, ENTITY, &counts)?);
        }
        let changed = actions.len();
        while !actions.is_empty() {
            let rest = actions.split_off(actions.len().min(CHUNK));
            if let Err(Err(e)) = self.transact(std::mem::replace(&mut actions, rest)).await {
                return Err(e);
            }
        }
        Ok(Recount { records, changed })
    }
}
