//! Request and response types of data sheets.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use shared::{
    error::FieldError,
    table::{
        contacts::Actor,
        datasheets::{FieldDef, FieldKind, PortalTemplates, Sheet, SheetStatus, Template},
    },
    validate::{has_control, Checks, Validate, CONTROL_MESSAGE, MAX_NAME, MAX_TEXT},
};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

pub const MAX_FIELDS: usize = 100;
pub const MAX_OPTIONS: usize = 100;
pub const MAX_LAYOUT: usize = 100_000;
pub const MAX_ASSIGNED: usize = 50;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateInput {
    pub name: String,
    pub description: Option<String>,
    pub fields: Vec<FieldDef>,
    pub layout_html: Option<String>,
}

fn valid_key(k: &str) -> bool {
    (1..=64).contains(&k.len())
        && k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl Validate for TemplateInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("name", &self.name, MAX_NAME);
        c.optional("description", self.description.as_deref(), MAX_TEXT);
        c.optional("layout_html", self.layout_html.as_deref(), MAX_LAYOUT);
        if self.fields.is_empty() || self.fields.len() > MAX_FIELDS {
            errors.push(FieldError::new("fields", format!("must hold 1 to {MAX_FIELDS} fields")));
        }
        let mut keys = HashSet::new();
        for (i, f) in self.fields.iter().enumerate() {
            let at = |p: &str| format!("fields[{i}].{p}");
            if !valid_key(&f.key) {
                errors.push(FieldError::new(
                    at("key"),
                    "must be 1 to 64 lowercase letters, digits or '_', starting with a letter",
                ));
            } else if !keys.insert(f.key.clone()) {
                errors.push(FieldError::new(at("key"), "is used by another field"));
            }
            Checks(errors).required(&at("label"), &f.label, MAX_NAME);
            Checks(errors).optional(&at("help"), f.help.as_deref(), MAX_TEXT);
            match &f.kind {
                FieldKind::SingleChoice { options } | FieldKind::MultipleChoice { options } => {
                    let unique: HashSet<_> = options.iter().collect();
                    if options.is_empty()
                        || options.len() > MAX_OPTIONS
                        || unique.len() != options.len()
                        || options.iter().any(|o| o.trim().is_empty() || o.len() > MAX_NAME)
                    {
                        errors.push(FieldError::new(
                            at("options"),
                            format!("must be 1 to {MAX_OPTIONS} distinct, non-blank options"),
                        ));
                    }
                    for (j, _) in options.iter().enumerate().filter(|(_, o)| has_control(o)) {
                        errors.push(FieldError::new(at(&format!("options[{j}]")), CONTROL_MESSAGE));
                    }
                }
                FieldKind::Number {
                    min: Some(lo),
                    max: Some(hi),
                    ..
                } if lo > hi => {
                    errors.push(FieldError::new(at("max"), "must not be below min"));
                }
                FieldKind::Number { min, max, .. }
                    if min.is_some_and(|v| !v.is_finite()) || max.is_some_and(|v| !v.is_finite()) =>
                {
                    errors.push(FieldError::new(at("min"), "bounds must be finite numbers"));
                }
                FieldKind::Text { max_length: Some(0) } | FieldKind::MultiLineText { max_length: Some(0) } => {
                    errors.push(FieldError::new(at("max_length"), "must be at least 1"));
                }
                _ => {}
            }
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PortalTemplatesInput {
    pub template_ids: Vec<String>,
    /// Where submitted sheets are emailed; mandatory when any template is assigned.
    pub tickets_from_email: Option<String>,
}

impl Validate for PortalTemplatesInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if self.template_ids.len() > MAX_ASSIGNED {
            errors.push(FieldError::new("template_ids", format!("at most {MAX_ASSIGNED}")));
        }
        for (i, id) in self.template_ids.iter().enumerate() {
            if !shared::ids::is_valid(id) {
                errors.push(FieldError::new(
                    format!("template_ids[{i}]"),
                    "is not a valid identifier",
                ));
            }
        }
        Checks(errors).email("tickets_from_email", self.tickets_from_email.as_deref());
        if !self.template_ids.is_empty() && self.tickets_from_email.as_deref().is_none_or(|e| e.trim().is_empty()) {
            errors.push(FieldError::new(
                "tickets_from_email",
                "is required when templates are assigned",
            ));
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSheet {
    pub template_id: String,
}

impl Validate for NewSheet {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if !shared::ids::is_valid(&self.template_id) {
            errors.push(FieldError::new("template_id", "is not a valid identifier"));
        }
    }
}

/// A draft save: every value of the sheet (fields left out are empty).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveSheet {
    #[schema(value_type = Object)]
    pub values: BTreeMap<String, Value>,
}

impl Validate for SaveSheet {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if self.values.len() > MAX_FIELDS {
            errors.push(FieldError::new("values", format!("at most {MAX_FIELDS} values")));
        }
    }
}

/// A sheet with the template version it follows, for rendering and editing.
#[derive(Debug, Serialize, ToSchema)]
pub struct SheetView {
    pub sheet: SheetResponse,
    pub template: TemplateResponse,
}

impl SheetView {
    pub fn new(sheet: &Sheet, template: &Template) -> Self {
        Self {
            sheet: sheet.into(),
            template: template.into(),
        }
    }
}

/// A template a contact may start a sheet from.
#[derive(Debug, Serialize, ToSchema)]
pub struct AvailableTemplate {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusParam {
    Draft,
    Submitted,
}

/// Staff list filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetFilter {
    #[param(inline)]
    pub status: Option<StatusParam>,
    pub template_id: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

impl SheetFilter {
    pub fn status(&self) -> Option<SheetStatus> {
        self.status.map(|s| match s {
            StatusParam::Draft => SheetStatus::Draft,
            StatusParam::Submitted => SheetStatus::Submitted,
        })
    }
}

/// `?template_id=` for the CSV export of submitted sheets.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    pub template_id: String,
}

// The response for a stored Template (the schema keeps its name).
/// The current definition of a template (its head); every version is also kept immutable.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Template)]
pub struct TemplateResponse {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// In display order.
    pub fields: Vec<FieldDef>,
    /// Optional HTML layout for rendering a sheet; `{{ key }}` placeholders.
    pub layout_html: Option<String>,
    #[serde(default)]
    pub archived: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Each change makes a new version; sheets keep the version they were started on.
    pub version: u64,
}

impl From<&Template> for TemplateResponse {
    fn from(e: &Template) -> Self {
        Self {
            id: e.id.clone(),
            name: e.name.clone(),
            description: e.description.clone(),
            fields: e.fields.clone(),
            layout_html: e.layout_html.clone(),
            archived: e.archived,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}

// The response for a stored Sheet (the schema keeps its name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Sheet)]
pub struct SheetResponse {
    pub id: String,
    pub customer_id: String,
    pub template_id: String,
    pub template_version: u64,
    pub template_name: String,
    pub status: SheetStatus,
    /// Field key → value, typed per the template.
    #[schema(value_type = Object)]
    pub values: BTreeMap<String, Value>,
    pub created_by: Actor,
    pub created_by_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub submitted_at: Option<OffsetDateTime>,
    pub submitted_by: Option<String>,
    /// The ticket the last submission created.
    pub ticket_id: Option<String>,
    pub ticket_number: Option<u64>,
    pub version: u64,
}

impl From<&Sheet> for SheetResponse {
    fn from(e: &Sheet) -> Self {
        Self {
            id: e.id.clone(),
            customer_id: e.customer_id.clone(),
            template_id: e.template_id.clone(),
            template_version: e.template_version,
            template_name: e.template_name.clone(),
            status: e.status,
            values: e.values.clone(),
            created_by: e.created_by.clone(),
            created_by_name: e.created_by_name.clone(),
            created_at: e.created_at,
            updated_at: e.updated_at,
            submitted_at: e.submitted_at,
            submitted_by: e.submitted_by.clone(),
            ticket_id: e.ticket_id.clone(),
            ticket_number: e.ticket_number,
            version: e.version,
        }
    }
}

// The response for a stored PortalTemplates (the schema keeps its name).
/// Which templates a customer's contacts may use, and where submitted sheets are emailed.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PortalTemplates)]
pub struct PortalTemplatesResponse {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schema(ignore)]
    pub customer_id: String,
    pub template_ids: Vec<String>,
    /// Mandatory whenever any template is assigned.
    pub tickets_from_email: Option<String>,
    #[serde(default)]
    pub version: u64,
}

impl From<&PortalTemplates> for PortalTemplatesResponse {
    fn from(e: &PortalTemplates) -> Self {
        Self {
            customer_id: e.customer_id.clone(),
            template_ids: e.template_ids.clone(),
            tickets_from_email: e.tickets_from_email.clone(),
            version: e.version,
        }
    }
}
