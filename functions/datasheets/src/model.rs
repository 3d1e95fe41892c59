//! Request and response types of data sheets.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use shared::{
    error::FieldError,
    table::datasheets::{FieldDef, FieldKind, Sheet, SheetStatus, Template},
    validate::{has_control, Checks, Validate, CONTROL_MESSAGE, MAX_NAME, MAX_TEXT},
};
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
    (1..=64).contains(&k.len()) && k.starts_with(|c: char| c.is_ascii_lowercase()) && k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
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
                errors.push(FieldError::new(at("key"), "must be 1 to 64 lowercase letters, digits or '_', starting with a letter"));
            } else if !keys.insert(f.key.clone()) {
                errors.push(FieldError::new(at("key"), "is used by another field"));
            }
            Checks(errors).required(&at("label"), &f.label, MAX_NAME);
            Checks(errors).optional(&at("help"), f.help.as_deref(), MAX_TEXT);
            match &f.kind {
                FieldKind::SingleChoice { options } | FieldKind::MultipleChoice { options } => {
                    let unique: HashSet<_> = options.iter().collect();
                    if options.is_empty() || options.len() > MAX_OPTIONS || unique.len() != options.len() || options.iter().any(|o| o.trim().is_empty() || o.len() > MAX_NAME) {
                        errors.push(FieldError::new(at("options"), format!("must be 1 to {MAX_OPTIONS} distinct, non-blank options")));
                    }
                    for (j, _) in options.iter().enumerate().filter(|(_, o)| has_control(o)) {
                        errors.push(FieldError::new(at(&format!("options[{j}]")), CONTROL_MESSAGE));
                    }
                }
                FieldKind::Number { min: Some(lo), max: Some(hi), .. } if lo > hi => {
                    errors.push(FieldError::new(at("max"), "must not be below min"));
                }
                FieldKind::Number { min, max, .. } if min.is_some_and(|v| !v.is_finite()) || max.is_some_and(|v| !v.is_finite()) => {
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
                errors.push(FieldError::new(format!("template_ids[{i}]"), "is not a valid identifier"));
            }
        }
        Checks(errors).email("tickets_from_email", self.tickets_from_email.as_deref());
        if !self.template_ids.is_empty() && self.tickets_from_email.as_deref().is_none_or(|e| e.trim().is_empty()) {
            errors.push(FieldError::new("tickets_from_email", "is required when templates are assigned"));
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
    pub sheet: Sheet,
    pub template: Template,
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
