//! Data sheets: versioned templates with typed fields, the templates each customer may use, and the
//! sheets contacts fill in and submit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::{contacts::Actor, keys, Entity, PrimaryKey, QuerySpec};
use crate::error::FieldError;

/// A field's type and its bounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    Text {
        max_length: Option<u32>,
    },
    MultiLineText {
        max_length: Option<u32>,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
        #[serde(default)]
        integer: bool,
    },
    Date,
    YesNo,
    SingleChoice {
        options: Vec<String>,
    },
    MultipleChoice {
        options: Vec<String>,
    },
}

/// (Unknown properties cannot be refused here: serde does not combine that with the flattened type.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FieldDef {
    /// Stable key of the value in a sheet: lowercase letters, digits and `_`.
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    pub help: Option<String>,
}

/// The current definition of a template (its head); every version is also kept immutable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Template {
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

impl Entity for Template {
    const TYPE: &'static str = "template";

    type Id<'a> = &'a str;

    fn key(id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::template(id), keys::HEAD)
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn gsi1(&self) -> Option<(String, String)> {
        Some((
            keys::templates_index(self.archived),
            keys::by_name(&self.name, &self.id),
        ))
    }
}

/// An immutable snapshot of a template version.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TemplateVersion(pub Template);

impl Entity for TemplateVersion {
    const TYPE: &'static str = "template_version";

    /// (template id, version)
    type Id<'a> = (&'a str, u64);

    fn key((id, version): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::template(id), keys::template_version(version))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.0.id, self.0.version)
    }
}

/// Which templates a customer's contacts may use, and where submitted sheets are emailed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PortalTemplates {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schema(ignore)]
    pub customer_id: String,
    pub template_ids: Vec<String>,
    /// Mandatory whenever any template is assigned.
    pub tickets_from_email: Option<String>,
    #[serde(default)]
    pub version: u64,
}

impl Entity for PortalTemplates {
    const TYPE: &'static str = "portal_templates";

    /// The customer id.
    type Id<'a> = &'a str;

    fn key(customer_id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::PORTAL_TEMPLATES)
    }

    fn id(&self) -> &str {
        &self.customer_id
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SheetStatus {
    Draft,
    Submitted,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Sheet {
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

impl Entity for Sheet {
    const TYPE: &'static str = "sheet";

    /// (customer id, sheet id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::sheet(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// Every data sheet by time of creation, for the staff reports.
    fn gsi3(&self) -> Option<(String, String)> {
        Some(keys::created(
            keys::report_kind::SHEET,
            self.created_at,
            &self.customer_id,
            &self.id,
        ))
    }
}

impl Sheet {
    /// A customer's sheets, newest first (ids are ULIDs).
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::SHEET_PREFIX).newest_first()
    }
}

impl Template {
    /// Templates by name, active or archived.
    pub fn by_name(archived: bool) -> QuerySpec {
        QuerySpec::gsi1(keys::templates_index(archived))
    }
}

fn check_value(f: &FieldDef, v: &Value) -> Result<(), String> {
    let text_len = |s: &str, max: Option<u32>| match max {
        Some(m) if s.chars().count() > m as usize => Err(format!("must be at most {m} characters")),
        _ if s.chars().count() > 20_000 => Err("must be at most 20000 characters".to_owned()),
        _ => Ok(()),
    };
    match (&f.kind, v) {
        (FieldKind::Text { max_length }, Value::String(s)) => {
            if s.contains('\n') {
                return Err("must be a single line".into());
            }
            text_len(s, *max_length)
        }
        (FieldKind::MultiLineText { max_length }, Value::String(s)) => text_len(s, *max_length),
        (FieldKind::Number { min, max, integer }, Value::Number(n)) => {
            let x = n.as_f64().ok_or("must be a number")?;
            if *integer && x.fract() != 0.0 {
                return Err("must be a whole number".into());
            }
            if min.is_some_and(|m| x < m) || max.is_some_and(|m| x > m) {
                return Err(format!(
                    "must be between {} and {}",
                    min.map_or("-∞".into(), |m| m.to_string()),
                    max.map_or("∞".into(), |m| m.to_string())
                ));
            }
            Ok(())
        }
        (FieldKind::Date, Value::String(s)) => Date::parse(s, &time::format_description::well_known::Iso8601::DATE)
            .map(|_| ())
            .map_err(|_| "must be a date such as 2026-11-24".into()),
        (FieldKind::YesNo, Value::Bool(_)) => Ok(()),
        (FieldKind::SingleChoice { options }, Value::String(s)) => {
            if options.contains(s) {
                Ok(())
            } else {
                Err(format!("must be one of: {}", options.join(", ")))
            }
        }
        (FieldKind::MultipleChoice { options }, Value::Array(items)) => {
            if items
                .iter()
                .all(|i| i.as_str().is_some_and(|s| options.iter().any(|o| o == s)))
            {
                Ok(())
            } else {
                Err(format!("must be a list of: {}", options.join(", ")))
            }
        }
        (kind, _) => Err(format!(
            "has the wrong type for a {} field",
            match kind {
                FieldKind::Text { .. } | FieldKind::MultiLineText { .. } => "text",
                FieldKind::Number { .. } => "number",
                FieldKind::Date => "date (a string)",
                FieldKind::YesNo => "yes/no (true or false)",
                FieldKind::SingleChoice { .. } => "single-choice (a string)",
                FieldKind::MultipleChoice { .. } => "multiple-choice (a list of strings)",
            }
        )),
    }
}

/// Whether a value holds text with control characters (in a list's items too).
fn has_control(v: &Value) -> bool {
    match v {
        Value::String(s) => crate::validate::has_control(s),
        Value::Array(items) => items.iter().any(has_control),
        _ => false,
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Checks values against the template: unknown keys, control characters and wrongly typed values always;
/// missing required values only when `complete` (submission). Errors name `values.<key>`.
pub fn validate_values(template: &Template, values: &BTreeMap<String, Value>, complete: bool) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for key in values.keys() {
        if !template.fields.iter().any(|f| &f.key == key) {
            errors.push(FieldError::new(
                format!("values.{key}"),
                "is not a field of this template",
            ));
        }
    }
    for f in &template.fields {
        match values.get(&f.key) {
            // Blank or not: the text reaches the ticket, the email and the CSV export as it is.
            Some(v) if has_control(v) => errors.push(FieldError::new(
                format!("values.{}", f.key),
                crate::validate::CONTROL_MESSAGE,
            )),
            Some(v) if !is_blank(v) => {
                if let Err(m) = check_value(f, v) {
                    errors.push(FieldError::new(format!("values.{}", f.key), m));
                }
            }
            _ if complete && f.required => errors.push(FieldError::new(
                format!("values.{}", f.key),
                format!("{} is required", f.label),
            )),
            _ => {}
        }
    }
    errors
}

/// A value as text, for the ticket description, the email and the CSV export.
pub fn display(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(display).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn template() -> Result<Template, serde_json::Error> {
        serde_json::from_value(json!({
            "id": "T", "name": "Site survey", "description": null, "layout_html": null, "version": 1,
            "updated_at": "2026-01-01T00:00:00Z",
            "fields": [
                { "key": "site", "label": "Site", "type": "text", "max_length": 10, "required": true, "help": null },
                { "key": "floors", "label": "Floors", "type": "number", "min": 1.0, "max": 50.0, "integer": true, "required": true, "help": null },
                { "key": "visit", "label": "Visit", "type": "date", "required": false, "help": null },
                { "key": "lift", "label": "Lift", "type": "yes_no", "required": false, "help": null },
                { "key": "risk", "label": "Risk", "type": "single_choice", "options": ["low", "high"], "required": false, "help": null },
                { "key": "kit", "label": "Kit", "type": "multiple_choice", "options": ["ladder", "drill"], "required": false, "help": null }
            ]
        }))
    }

    fn fields(e: Vec<FieldError>) -> Vec<String> {
        e.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn drafts_check_types_and_submissions_also_require() -> Result<(), serde_json::Error> {
        let t = template()?;
        let partial: BTreeMap<String, Value> = [("site".to_owned(), json!("HQ"))].into();
        assert!(validate_values(&t, &partial, false).is_empty());
        assert_eq!(fields(validate_values(&t, &partial, true)), ["values.floors"]);
        let bad: BTreeMap<String, Value> = [
            ("site".to_owned(), json!("far too long a name")),
            ("floors".to_owned(), json!(2.5)),
            ("visit".to_owned(), json!("24/11/2026")),
            ("lift".to_owned(), json!("yes")),
            ("risk".to_owned(), json!("medium")),
            ("kit".to_owned(), json!(["ladder", "crane"])),
            ("colour".to_owned(), json!("red")),
        ]
        .into();
        assert_eq!(
            fields(validate_values(&t, &bad, false)),
            [
                "values.colour",
                "values.site",
                "values.floors",
                "values.visit",
                "values.lift",
                "values.risk",
                "values.kit"
            ]
        );
        let good: BTreeMap<String, Value> = [
            ("site".to_owned(), json!("HQ")),
            ("floors".to_owned(), json!(3)),
            ("visit".to_owned(), json!("2026-11-24")),
            ("lift".to_owned(), json!(true)),
            ("risk".to_owned(), json!("low")),
            ("kit".to_owned(), json!(["drill"])),
        ]
        .into();
        assert!(validate_values(&t, &good, true).is_empty());
        let control: BTreeMap<String, Value> = [
            ("site".to_owned(), json!("a\u{0}b\u{1b}[2J")),
            ("visit".to_owned(), json!("\u{7f}")),
            ("risk".to_owned(), json!(" \u{b} ")),
            ("kit".to_owned(), json!(["ladder", "\u{85}"])),
        ]
        .into();
        let errors = validate_values(&t, &control, false);
        assert_eq!(
            fields(errors.clone()),
            ["values.site", "values.visit", "values.risk", "values.kit"]
        );
        assert!(
            errors
                .iter()
                .all(|e| e.message == "must not contain control characters"),
            "{errors:?}"
        );
        let lines: BTreeMap<String, Value> = [
            ("site".to_owned(), json!("HQ\tEast")),
            ("risk".to_owned(), json!("low")),
        ]
        .into();
        assert!(validate_values(&t, &lines, false).is_empty(), "tabs are text");
        Ok(())
    }
}
