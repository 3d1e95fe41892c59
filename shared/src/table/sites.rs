//! Sites (a customer's properties) and the per-site and per-customer field-service counters.

use aws_sdk_dynamodb::types::AttributeValue;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{customers::Address, keys, Entity, PrimaryKey, QuerySpec, Table, Versioned};
use crate::error::{from_sdk, ApiResult};

/// How serious a defect is, worst first (the order pins are coloured and panels tallied in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    NonCritical,
    NonConformance,
    Recommendation,
    Information,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Self::Critical,
        Self::NonCritical,
        Self::NonConformance,
        Self::Recommendation,
        Self::Information,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::NonCritical => "non_critical",
            Self::NonConformance => "non_conformance",
            Self::Recommendation => "recommendation",
            Self::Information => "information",
        }
    }

    /// Whether an open defect of this severity counts as "open defects" on the properties list
    /// (information and recommendations do not, as Uptick counts them).
    pub fn needs_attention(self) -> bool {
        !matches!(self, Self::Recommendation | Self::Information)
    }

    /// The counter of open, published defects of this severity.
    pub fn open_counter(self) -> String {
        format!("open_{}", self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Site {
    pub id: String,
    pub customer_id: String,
    pub name: String,
    #[serde(default)]
    pub address: Address,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub notes: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Site {
    const TYPE: &'static str = "site";
    /// (customer id, site id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::site(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// A customer's sites by name.
    fn gsi1(&self) -> Option<(String, String)> {
        Some((
            keys::customer_sites(&self.customer_id),
            keys::by_name(&self.name, &self.id),
        ))
    }
}

impl Versioned for Site {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl Site {
    /// A customer's sites by name.
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::gsi1(keys::customer_sites(customer_id))
    }

    /// The counters of one site (open published defects by severity), kept beside the site so that
    /// editing the site never races with them.
    pub fn counts_key(customer_id: &str, site_id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::site_counts(site_id))
    }
}

/// The customer-wide field-service counters: open published defects by severity, defects raised per
/// month (still open or resolved), assets by type and worst open defect.
pub fn field_counts_key(customer_id: &str) -> PrimaryKey {
    PrimaryKey::new(keys::customer(customer_id), keys::FIELD_COUNTS)
}

/// The worst severity among open counts, if any is open.
pub fn worst(counts: &super::counters::Counts) -> Option<Severity> {
    Severity::ALL
        .into_iter()
        .find(|s| counts.get(&s.open_counter()).copied().unwrap_or(0) > 0)
}

impl Table {
    /// Every site of a customer as (id, name), by name: one row per site from the sites index, only
    /// those two attributes sent back. Also answers how many round trips that took.
    pub async fn site_names(&self, customer_id: &str) -> ApiResult<(Vec<(String, String)>, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        let mut trips = 0;
        loop {
            let page = self
                .client
                .query()
                .table_name(&self.name)
                .index_name(keys::GSI1)
                .key_condition_expression("#pk = :pk")
                .projection_expression("#id, #name")
                .expression_attribute_names("#pk", keys::GSI1PK)
                .expression_attribute_names("#id", "id")
                .expression_attribute_names("#name", "name")
                .expression_attribute_values(":pk", AttributeValue::S(keys::customer_sites(customer_id)))
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(from_sdk)?;
            trips += 1;
            for item in page.items.unwrap_or_default() {
                let text = |k: &str| item.get(k).and_then(|v| v.as_s().ok()).cloned();
                if let (Some(id), Some(name)) = (text("id"), text("name")) {
                    out.push((id, name));
                }
            }
            start = page.last_evaluated_key;
            if start.is_none() {
                break;
            }
        }
        Ok((out, trips))
    }
}
