//! Records counted on their site's and their customer's counters (quotes, invoices, field jobs), and
//! the one set of actions that writes such a record with every counter it moves.

use std::collections::BTreeMap;

use super::{
    activity::Reported,
    counters::{add, Counts},
    customers::Customer,
    search::Searchable,
    sites::{field_counts_key, Site},
    Action, Condition, Entity, Table,
};
use crate::error::ApiResult;

/// A record that adds to its site's and its customer's counters.
pub trait Counted: Entity + Searchable + Reported {
    fn customer_id(&self) -> &str;
    /// The site it belongs to, if any; it must be a site of the customer.
    fn site_id(&self) -> Option<&str>;
    fn version(&self) -> u64;
    /// What it adds to its site's counters.
    fn site_contribution(&self) -> Counts;
    /// What it adds to its customer's counters.
    fn customer_contribution(&self) -> Counts;
}

impl Table {
    /// Creates (`before` none), changes or deletes (`after` none) a counted record: the write conditional
    /// on the version read, a check that its site (or, without one, its customer) exists, and the
    /// difference of its contributions added to each site's and the customer's counters, its search postings and its months' activity.
    pub fn counted_actions<E: Counted>(&self, before: Option<&E>, after: Option<&E>) -> ApiResult<Vec<Action>> {
        let Some(any) = after.or(before) else {
            return Ok(Vec::new());
        };
        let customer_id = any.customer_id().to_owned();
        let mut actions = Vec::new();
        match (before, after) {
            (None, Some(a)) => actions.push(self.put_new(a)?),
            (Some(b), Some(a)) => actions.push(self.put_versioned(a, b.version())?),
            (Some(b), None) => actions.push(self.delete::<E>(b.id(), Some(Condition::at_version(b.version())))?),
            (None, None) => {}
        }
        match after.map(|a| a.site_id()) {
            // The site's key is in the customer's partition, so its check covers the customer too.
            Some(Some(site)) => actions.push(self.check::<Site>((&customer_id, site), Condition::exists())?),
            Some(None) if before.is_none() => actions.push(self.check::<Customer>(&customer_id, Condition::exists())?),
            _ => {}
        }
        let mut sites: BTreeMap<String, Counts> = BTreeMap::new();
        let mut customer = Counts::new();
        for (record, sign) in [(before, -1), (after, 1)] {
            let Some(r) = record else { continue };
            if let Some(site) = r.site_id() {
                add(sites.entry(site.to_owned()).or_default(), r.site_contribution(), sign);
            }
            add(&mut customer, r.customer_contribution(), sign);
        }
        for (site_id, mut counts) in sites {
            counts.retain(|_, v| *v != 0);
            actions.extend(self.add_counts(
                "site_counts",
                Site::counts_key(&customer_id, &site_id),
                "site_counts",
                &counts,
            )?);
        }
        customer.retain(|_, v| *v != 0);
        actions.extend(self.add_counts(
            "field_counts",
            field_counts_key(&customer_id),
            "field_counts",
            &customer,
        )?);
        actions.extend(self.search_actions(before, after)?);
        actions.extend(self.activity_actions(before, after)?);
        Ok(actions)
    }
}
