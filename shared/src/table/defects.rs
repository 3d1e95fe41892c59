//! Defects raised on a site or one of its assets, and the one write that keeps every counter behind
//! them exact: the defect, its site's counts, its customer's counts and its assets' open tallies move
//! together in one transaction.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{
    assets::Asset,
    counters::{add, delta, Counts},
    customers::stale,
    keys,
    sites::{field_counts_key, Severity, Site},
    Condition, Entity, PrimaryKey, QuerySpec, Table,
};
use crate::error::{ApiError, ApiResult};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DefectStatus {
    Open,
    Resolved,
}

impl DefectStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Resolved => "resolved",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Defect {
    pub id: String,
    pub customer_id: String,
    pub site_id: String,
    /// The asset it was found on; none for a defect of the site itself.
    pub asset_id: Option<String>,
    pub severity: Severity,
    pub description: String,
    pub status: DefectStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub raised_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub resolved_at: Option<OffsetDateTime>,
    /// Contacts see published defects only, so staff review first.
    pub published: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Defect {
    const TYPE: &'static str = "defect";
    /// (customer id, defect id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::defect(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// Published defects of one site, by status, newest first within it (sparse).
    fn gsi1(&self) -> Option<(String, String)> {
        self.published
            .then(|| (keys::site_defects(&self.customer_id, &self.site_id), self.listing_key()))
    }

    /// Published defects of the whole customer, the same way (sparse).
    fn gsi2(&self) -> Option<(String, String)> {
        self.published
            .then(|| (keys::customer_defects(&self.customer_id), self.listing_key()))
    }
}

impl Defect {
    fn listing_key(&self) -> String {
        format!(
            "{}#{:012}#{}",
            self.status.as_str().to_uppercase(),
            self.raised_at.unix_timestamp().max(0),
            self.id
        )
    }

    /// A customer's defects, published or not, newest first (staff).
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::DEFECT_PREFIX).newest_first()
    }

    /// Published defects of one site in one status, newest first.
    pub fn published_on_site(customer_id: &str, site_id: &str, status: DefectStatus) -> QuerySpec {
        let mut spec = QuerySpec::gsi1(keys::site_defects(customer_id, site_id)).newest_first();
        spec.sort_prefix = Some(format!("{}#", status.as_str().to_uppercase()));
        spec
    }

    /// Published defects of the whole customer in one status, newest first.
    pub fn published_of_customer(customer_id: &str, status: DefectStatus) -> QuerySpec {
        let mut spec = QuerySpec::gsi2(keys::customer_defects(customer_id)).newest_first();
        spec.sort_prefix = Some(format!("{}#", status.as_str().to_uppercase()));
        spec
    }

    fn counted_open(&self) -> bool {
        self.published && self.status == DefectStatus::Open
    }

    /// What it adds to its site's counts.
    pub fn site_contribution(&self) -> Counts {
        let mut c = Counts::new();
        if self.counted_open() {
            c.insert(self.severity.open_counter(), 1);
        }
        c
    }

    /// What it adds to its customer's counts: open by severity, and raised in its month (still open or
    /// resolved by now).
    pub fn customer_contribution(&self) -> Counts {
        let mut c = Counts::new();
        if !self.published {
            return c;
        }
        if self.status == DefectStatus::Open {
            c.insert(self.severity.open_counter(), 1);
        }
        let month = format!("{:04}_{:02}", self.raised_at.year(), u8::from(self.raised_at.month()));
        c.insert(format!("raised_{month}_{}", self.status.as_str()), 1);
        c
    }
}

impl Table {
    /// Creates (`before` none), changes, or deletes (`after` none) a defect, with its site's counts, its
    /// customer's counts and the open tallies of the assets it leaves and joins, in one transaction. A
    /// defect changed or deleted meanwhile, or an asset changed meanwhile, answers 409 and writes nothing.
    pub async fn save_defect(&self, before: Option<&Defect>, after: Option<&Defect>) -> ApiResult<()> {
        let Some(customer_id) = after.or(before).map(|d| d.customer_id.clone()) else {
            return Ok(());
        };
        let mut actions = Vec::new();
        match (before, after) {
            (None, Some(a)) => actions.push(self.put_new(a)?),
            (Some(b), Some(a)) => actions.push(self.put_versioned(a, b.version)?),
            (Some(b), None) => actions.push(self.delete::<Defect>(b.id(), Some(Condition::at_version(b.version)))?),
            (None, None) => return Ok(()),
        }
        if let Some(a) = after {
            actions.push(self.check::<Site>((&customer_id, &a.site_id), Condition::exists())?);
        }

        let mut sites: BTreeMap<String, Counts> = BTreeMap::new();
        let mut assets: BTreeMap<String, Counts> = BTreeMap::new();
        let mut customer = Counts::new();
        for (defect, sign) in [(before, -1), (after, 1)] {
            let Some(d) = defect else { continue };
            add(sites.entry(d.site_id.clone()).or_default(), d.site_contribution(), sign);
            add(&mut customer, d.customer_contribution(), sign);
            if let Some(asset) = &d.asset_id {
                let open = if d.counted_open() {
                    Counts::from([(d.severity.as_str().to_owned(), 1)])
                } else {
                    Counts::new()
                };
                add(assets.entry(asset.clone()).or_default(), open, sign);
            }
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
        for (asset_id, mut moved) in assets {
            moved.retain(|_, v| *v != 0);
            if moved.is_empty() {
                continue;
            }
            let asset: Asset = self
                .get::<Asset>((&customer_id, &asset_id))
                .await?
                .ok_or_else(|| ApiError::invalid("asset_id", "is not an asset of this customer"))?;
            let mut changed = asset.clone();
            add(&mut changed.open_defects, moved, 1);
            changed.open_defects.retain(|_, v| *v > 0);
            changed.version += 1;
            changed.updated_at = OffsetDateTime::now_utc();
            add(&mut customer, delta(&asset.contribution(), &changed.contribution()), 1);
            actions.push(self.put_versioned(&changed, asset.version)?);
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
        self.transact_or(actions, |c| {
            if c.failed(Site::TYPE) {
                ApiError::invalid("site_id", "is not a site of this customer")
            } else if c.failed(Asset::TYPE) {
                ApiError::Conflict("an asset of this defect changed meanwhile; try again".into())
            } else {
                stale()
            }
        })
        .await
    }
}
