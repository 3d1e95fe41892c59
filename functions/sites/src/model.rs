//! Request and response types of sites, assets and defects.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::{
        assets::{Asset, AssetField, AssetType},
        billing::by_date,
        counters::Counts,
        customers::Address,
        defects::{Defect, DefectStatus},
        documents::Document,
        sites::{worst, Severity, Site},
    },
    validate::{Checks, Validate, MAX_NAME, MAX_TEXT},
};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

/// What staff send for a site.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteInput {
    pub name: String,
    #[serde(default)]
    pub address: Address,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub notes: Option<String>,
}

impl Validate for SiteInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("name", &self.name, MAX_NAME);
        c.address("address", &self.address);
        c.optional("notes", self.notes.as_deref(), MAX_TEXT);
        if self
            .latitude
            .is_some_and(|v| !v.is_finite() || !(-90.0..=90.0).contains(&v))
        {
            c.0.push(FieldError::new("latitude", "must be between -90 and 90"));
        }
        if self
            .longitude
            .is_some_and(|v| !v.is_finite() || !(-180.0..=180.0).contains(&v))
        {
            c.0.push(FieldError::new("longitude", "must be between -180 and 180"));
        }
        if self.latitude.is_some() != self.longitude.is_some() {
            c.0.push(FieldError::new("longitude", "latitude and longitude come together"));
        }
    }
}

impl SiteInput {
    pub fn apply(self, s: &mut Site) {
        s.name = self.name.trim().to_owned();
        s.address = self.address.cleaned();
        s.latitude = self.latitude;
        s.longitude = self.longitude;
        s.notes = self.notes.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        s.updated_at = OffsetDateTime::now_utc();
    }
}

/// What needs attention on a site: its open, published defects, the quotes awaiting a decision and
/// the overdue invoices.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct SiteAttention {
    /// Unpaid invoices past their due date.
    pub overdue_invoices: i64,
    /// Sent quotes still open for authorisation.
    pub quotes_awaiting: i64,
    /// Open defects that need attention (information and recommendations excluded).
    pub open_defects: i64,
    /// Open defects by severity, every severity present.
    pub by_severity: BTreeMap<Severity, i64>,
    /// The worst open severity, which colours the site's pin; none when nothing is open.
    pub worst_severity: Option<Severity>,
}

impl From<&Counts> for SiteAttention {
    fn from(counts: &Counts) -> Self {
        let by_severity: BTreeMap<Severity, i64> = Severity::ALL
            .into_iter()
            .map(|s| (s, counts.get(&s.open_counter()).copied().unwrap_or(0).max(0)))
            .collect();
        let today = OffsetDateTime::now_utc().date();
        Self {
            overdue_invoices: by_date(counts, "invoice_due", today).0,
            quotes_awaiting: by_date(counts, "quote_due", today).1,
            open_defects: by_severity
                .iter()
                .filter(|(s, _)| s.needs_attention())
                .map(|(_, n)| n)
                .sum(),
            by_severity,
            worst_severity: worst(counts),
        }
    }
}

/// A site as contacts and staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteView {
    pub id: String,
    pub name: String,
    pub address: Address,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub notes: Option<String>,
    pub attention: SiteAttention,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl SiteView {
    pub fn new(s: Site, counts: &Counts) -> Self {
        Self {
            id: s.id,
            name: s.name,
            address: s.address,
            latitude: s.latitude,
            longitude: s.longitude,
            notes: s.notes,
            attention: SiteAttention::from(counts),
            updated_at: s.updated_at,
            version: s.version,
        }
    }
}

/// The sites as GeoJSON (RFC 7946): one point per site with a position, coloured by `worst_severity`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteMap {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub features: Vec<SiteFeature>,
    /// The next page of sites, when there is one.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SiteFeature {
    /// Always `Feature`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: String,
    pub geometry: PointGeometry,
    pub properties: SitePin,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PointGeometry {
    /// Always `Point`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Longitude, then latitude (GeoJSON's order).
    pub coordinates: [f64; 2],
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SitePin {
    pub name: String,
    pub open_defects: i64,
    pub worst_severity: Option<Severity>,
}

impl SiteFeature {
    /// A pin for a site with a position.
    pub fn new(s: Site, counts: &Counts) -> Option<Self> {
        let (lat, lng) = (s.latitude?, s.longitude?);
        let attention = SiteAttention::from(counts);
        Some(Self {
            kind: "Feature",
            id: s.id,
            geometry: PointGeometry {
                kind: "Point",
                coordinates: [lng, lat],
            },
            properties: SitePin {
                name: s.name,
                open_defects: attention.open_defects,
                worst_severity: attention.worst_severity,
            },
        })
    }
}

/// What staff send for an asset.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssetInput {
    /// A key of the asset types (`GET /admin/settings/asset-types`).
    pub asset_type: String,
    pub identifier: String,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub last_service: Option<Date>,
    pub next_service: Option<Date>,
    /// The fields the customer's contacts may change.
    #[serde(default)]
    pub contact_editable: Vec<AssetField>,
}

impl Validate for AssetInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("asset_type", &self.asset_type, 64);
        c.required("identifier", &self.identifier, MAX_NAME);
        c.optional("location", self.location.as_deref(), MAX_NAME);
        c.optional("notes", self.notes.as_deref(), MAX_TEXT);
        if let (Some(last), Some(next)) = (self.last_service, self.next_service) {
            if next < last {
                c.0.push(FieldError::new("next_service", "must not be before last_service"));
            }
        }
    }
}

impl AssetInput {
    pub fn apply(self, a: &mut Asset) {
        a.asset_type = self.asset_type.trim().to_owned();
        a.identifier = self.identifier.trim().to_owned();
        a.location = trimmed(self.location);
        a.notes = trimmed(self.notes);
        a.last_service = self.last_service;
        a.next_service = self.next_service;
        let mut editable = self.contact_editable;
        editable.sort();
        editable.dedup();
        a.contact_editable = editable;
        a.updated_at = OffsetDateTime::now_utc();
    }
}

fn trimmed(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// What a contact may change on an asset: only the fields staff opened; any other field is refused.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssetEdit {
    pub identifier: Option<String>,
    /// Send `null` to clear.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub location: Option<Option<String>>,
    /// Send `null` to clear.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub notes: Option<Option<String>>,
}

/// Tells a field sent as `null` (`Some(None)`) from one not sent (`None`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl Validate for AssetEdit {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        if let Some(v) = &self.identifier {
            c.required("identifier", v, MAX_NAME);
        }
        c.optional("location", self.location.as_ref().and_then(|v| v.as_deref()), MAX_NAME);
        c.optional("notes", self.notes.as_ref().and_then(|v| v.as_deref()), MAX_TEXT);
    }
}

impl AssetEdit {
    /// The fields this edit touches.
    pub fn fields(&self) -> Vec<AssetField> {
        let mut f = Vec::new();
        if self.identifier.is_some() {
            f.push(AssetField::Identifier);
        }
        if self.location.is_some() {
            f.push(AssetField::Location);
        }
        if self.notes.is_some() {
            f.push(AssetField::Notes);
        }
        f
    }

    pub fn apply(self, a: &mut Asset) {
        if let Some(v) = self.identifier {
            a.identifier = v.trim().to_owned();
        }
        if let Some(v) = self.location {
            a.location = trimmed(v);
        }
        if let Some(v) = self.notes {
            a.notes = trimmed(v);
        }
        a.updated_at = OffsetDateTime::now_utc();
    }
}

/// An asset as contacts and staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssetView {
    pub id: String,
    pub site_id: String,
    pub asset_type: String,
    pub identifier: String,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub last_service: Option<Date>,
    pub next_service: Option<Date>,
    pub contact_editable: Vec<AssetField>,
    /// The worst open (published) defect on it.
    pub worst_severity: Option<Severity>,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl From<Asset> for AssetView {
    fn from(a: Asset) -> Self {
        Self {
            worst_severity: a.worst(),
            id: a.id,
            site_id: a.site_id,
            asset_type: a.asset_type,
            identifier: a.identifier,
            location: a.location,
            notes: a.notes,
            last_service: a.last_service,
            next_service: a.next_service,
            contact_editable: a.contact_editable,
            updated_at: a.updated_at,
            version: a.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssetTypesInput {
    pub types: Vec<AssetType>,
}

impl Validate for AssetTypesInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        if self.types.is_empty() || self.types.len() > 200 {
            c.0.push(FieldError::new("types", "between 1 and 200 types"));
        }
        for (i, t) in self.types.iter().enumerate() {
            let key_ok = !t.key.is_empty()
                && t.key.len() <= 64
                && t.key
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
            if !key_ok {
                c.0.push(FieldError::new(
                    format!("types[{i}].key"),
                    "1 to 64 characters: a-z, 0-9 and _",
                ));
            } else if self.types[..i].iter().any(|o| o.key == t.key) {
                c.0.push(FieldError::new(format!("types[{i}].key"), "appears twice"));
            }
            c.required(&format!("types[{i}].name"), &t.name, MAX_NAME);
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssetTypesView {
    pub types: Vec<AssetType>,
    pub version: u64,
}

/// What staff send for a defect.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DefectInput {
    /// The site; taken from the asset when `asset_id` is given.
    pub site_id: Option<String>,
    pub asset_id: Option<String>,
    pub severity: Severity,
    pub description: String,
    #[serde(default = "open")]
    pub status: DefectStatus,
    /// When it was found; now when absent.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub raised_at: Option<OffsetDateTime>,
    #[serde(default)]
    pub published: bool,
}

/// `site_id` and `asset_id`, where given, must be identifiers.
fn placement_ids(errors: &mut Vec<FieldError>, site_id: &Option<String>, asset_id: &Option<String>) {
    for (field, id) in [("site_id", site_id), ("asset_id", asset_id)] {
        if id.as_deref().is_some_and(|v| !shared::ids::is_valid(v)) {
            errors.push(FieldError::new(field, "is not a valid identifier"));
        }
    }
}

fn open() -> DefectStatus {
    DefectStatus::Open
}

impl Validate for DefectInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("description", &self.description, MAX_TEXT);
        placement_ids(c.0, &self.site_id, &self.asset_id);
        if self.site_id.is_none() && self.asset_id.is_none() {
            c.0.push(FieldError::new("site_id", "a defect is raised on a site or an asset"));
        }
        if self
            .raised_at
            .is_some_and(|t| t > OffsetDateTime::now_utc() + time::Duration::minutes(5))
        {
            c.0.push(FieldError::new("raised_at", "must not be in the future"));
        }
    }
}

/// A defect as contacts and staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DefectView {
    pub id: String,
    pub site_id: String,
    pub asset_id: Option<String>,
    pub severity: Severity,
    pub description: String,
    pub status: DefectStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub raised_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub resolved_at: Option<OffsetDateTime>,
    /// Staff only: contacts see published defects alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<bool>,
    pub version: u64,
}

impl DefectView {
    pub fn portal(d: Defect) -> Self {
        Self::new(d, false)
    }

    pub fn staff(d: Defect) -> Self {
        Self::new(d, true)
    }

    fn new(d: Defect, staff: bool) -> Self {
        Self {
            id: d.id,
            site_id: d.site_id,
            asset_id: d.asset_id,
            severity: d.severity,
            description: d.description,
            status: d.status,
            raised_at: d.raised_at,
            resolved_at: d.resolved_at,
            published: staff.then_some(d.published),
            version: d.version,
        }
    }
}

/// Narrows the staff defect list and bulk publishing.
#[derive(Debug, Default, Deserialize, IntoParams, ToSchema)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DefectFilter {
    pub site_id: Option<String>,
    pub asset_id: Option<String>,
    pub severity: Option<Severity>,
    pub status: Option<DefectStatus>,
    pub published: Option<bool>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// Publishes (or withdraws) every defect a filter matches, up to `limit` per call.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkPublish {
    pub published: bool,
    pub site_id: Option<String>,
    pub asset_id: Option<String>,
    pub severity: Option<Severity>,
    pub status: Option<DefectStatus>,
    /// At most this many defects examined per call (default and maximum 100).
    pub limit: Option<u32>,
    /// Where the previous call stopped.
    pub cursor: Option<String>,
}

impl Validate for BulkPublish {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        placement_ids(errors, &self.site_id, &self.asset_id);
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BulkPublished {
    /// Defects changed by this call.
    pub changed: u32,
    /// Call again with this cursor for the rest; none when the filter is exhausted.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatusParams {
    /// `open` (default) or `resolved`.
    pub status: Option<DefectStatus>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// The defects panel: open defects by severity, defects raised per month for 12 months (resolved by
/// now or still open), and assets by type under their worst open defect.
#[derive(Debug, Serialize, ToSchema)]
pub struct DefectsPanel {
    pub open_by_severity: BTreeMap<Severity, i64>,
    pub months: Vec<MonthDefects>,
    pub assets_by_type: Vec<AssetTypeTally>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthDefects {
    /// `YYYY-MM`.
    pub month: String,
    pub resolved: i64,
    pub open: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssetTypeTally {
    pub asset_type: String,
    /// Assets of this type by their worst open defect; `none` for assets with nothing open.
    pub by_worst: BTreeMap<String, i64>,
    pub total: i64,
}

/// A document shared on a site, as its contacts see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteDocument {
    pub id: String,
    pub folder: String,
    pub name: String,
    pub content_type: String,
    pub size: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<Document> for SiteDocument {
    fn from(d: Document) -> Self {
        Self {
            id: d.id,
            folder: d.folder,
            name: d.name,
            content_type: d.content_type,
            size: d.size,
            created_at: d.created_at,
        }
    }
}
