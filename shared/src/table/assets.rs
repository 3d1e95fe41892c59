//! Assets on a site, the asset types staff keep, and which asset fields a contact may edit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::{
    counters::{delta, Counts},
    customers::stale,
    keys,
    sites::{field_counts_key, Severity, Site},
    Condition, Entity, PrimaryKey, QuerySpec, Table, Versioned,
};
use crate::error::{ApiError, ApiResult};

/// One kind of asset (extinguisher, hydrant, exit light …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssetType {
    /// Stable key, such as `extinguisher`.
    pub key: String,
    /// What people read.
    pub name: String,
}

/// The deployment's asset types, one item staff extend.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssetTypes {
    pub types: Vec<AssetType>,
    #[serde(default)]
    pub version: u64,
}

impl AssetTypes {
    /// What a fresh deployment offers.
    pub fn defaults() -> Self {
        let t = |key: &str, name: &str| AssetType {
            key: key.into(),
            name: name.into(),
        };
        Self {
            types: vec![
                t("extinguisher", "Fire extinguisher"),
                t("hydrant", "Fire hydrant"),
                t("exit_light", "Exit light"),
                t("emergency_light", "Emergency light"),
                t("fire_door", "Fire door"),
                t("sprinkler", "Sprinkler system"),
                t("alarm_panel", "Fire alarm panel"),
            ],
            version: 0,
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.types.iter().any(|t| t.key == key)
    }
}

impl Entity for AssetTypes {
    const TYPE: &'static str = "asset_types";
    /// One item per deployment.
    type Id<'a> = ();

    fn key((): ()) -> PrimaryKey {
        PrimaryKey::new(keys::SETTINGS, keys::ASSET_TYPES)
    }

    fn id(&self) {}
}

/// The asset fields staff may open to the customer's contacts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssetField {
    Identifier,
    Location,
    Notes,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Asset {
    pub id: String,
    pub customer_id: String,
    pub site_id: String,
    /// A key of the asset types.
    pub asset_type: String,
    /// The label or serial on the asset.
    pub identifier: String,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub last_service: Option<Date>,
    pub next_service: Option<Date>,
    /// What the customer's contacts may change.
    #[serde(default)]
    pub contact_editable: Vec<AssetField>,
    /// Open, published defects on this asset by severity (kept with every defect change).
    #[serde(default)]
    #[schema(ignore)]
    pub open_defects: BTreeMap<String, i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Asset {
    const TYPE: &'static str = "asset";
    /// (customer id, asset id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::asset(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// A site's assets by type and identifier.
    fn gsi1(&self) -> Option<(String, String)> {
        Some((
            keys::site_assets(&self.customer_id, &self.site_id),
            format!("{}#{}", self.asset_type, keys::by_name(&self.identifier, &self.id)),
        ))
    }
}

impl Versioned for Asset {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl Asset {
    /// A site's assets by type and identifier.
    pub fn of_site(customer_id: &str, site_id: &str) -> QuerySpec {
        QuerySpec::gsi1(keys::site_assets(customer_id, site_id))
    }

    /// The worst severity among its open, published defects.
    pub fn worst(&self) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|s| self.open_defects.get(s.as_str()).copied().unwrap_or(0) > 0)
    }

    /// What the asset adds to its customer's counters: one asset of its type, under its worst open defect
    /// (`assets#<type>#<severity or none>`; `#` never appears in a type key).
    pub fn contribution(&self) -> Counts {
        let worst = self.worst().map_or("none", Severity::as_str);
        Counts::from([(format!("assets#{}#{worst}", self.asset_type), 1)])
    }
}

impl Table {
    /// Adds an asset to an existing site, counted under its type in the same transaction.
    pub async fn create_asset(&self, asset: &Asset) -> ApiResult<()> {
        let mut actions = vec![
            self.put_new(asset)?,
            self.check::<Site>((&asset.customer_id, &asset.site_id), Condition::exists())?,
        ];
        actions.extend(self.add_counts(
            "field_counts",
            field_counts_key(&asset.customer_id),
            "field_counts",
            &asset.contribution(),
        )?);
        actions.extend(self.search_actions(None, Some(asset))?);
        self.transact_or(actions, |c| {
            if c.failed(Site::TYPE) {
                ApiError::invalid("site_id", "is not a site of this customer")
            } else {
                ApiError::Conflict("the asset exists".into())
            }
        })
        .await
    }

    /// Replaces an asset read at `before.version`; a change of type moves it between the type counts.
    pub async fn save_asset(&self, before: &Asset, after: &Asset) -> ApiResult<()> {
        let mut actions = vec![self.put_versioned(after, before.version)?];
        actions.extend(self.add_counts(
            "field_counts",
            field_counts_key(&after.customer_id),
            "field_counts",
            &delta(&before.contribution(), &after.contribution()),
        )?);
        actions.extend(self.search_actions(Some(before), Some(after))?);
        self.transact_or(actions, |_| stale()).await
    }
}
