//! Request and response types of settings.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    modules::Module,
    table::sla::{SlaTargets, MAX_MINUTES},
    validate::Validate,
};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModulesInput {
    pub modules: Vec<Module>,
}

impl Validate for ModulesInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if self.modules.len() > Module::ALL.len() * 2 {
            errors.push(FieldError::new("modules", "lists too many modules"));
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Global,
    Customer,
}

/// The modules in force and where they come from.
#[derive(Debug, Serialize, ToSchema)]
pub struct Modules {
    pub modules: Vec<Module>,
    pub source: Source,
}

/// `PUT /admin/settings/sla`: the response and resolution targets of each priority.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaInput {
    pub targets: SlaTargets,
}

impl Validate for SlaInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let t = &self.targets;
        for (name, target) in [
            ("low", t.low),
            ("normal", t.normal),
            ("high", t.high),
            ("urgent", t.urgent),
        ] {
            for (field, minutes) in [
                ("respond_minutes", target.respond_minutes),
                ("resolve_minutes", target.resolve_minutes),
            ] {
                if minutes.is_some_and(|m| !(1..=MAX_MINUTES).contains(&m)) {
                    errors.push(FieldError::new(
                        format!("targets.{name}.{field}"),
                        format!("must be from 1 to {MAX_MINUTES} minutes"),
                    ));
                }
            }
            if let (Some(respond), Some(resolve)) = (target.respond_minutes, target.resolve_minutes) {
                if respond > resolve {
                    errors.push(FieldError::new(
                        format!("targets.{name}.respond_minutes"),
                        "must not be later than resolve_minutes",
                    ));
                }
            }
        }
    }
}

/// The service levels in force; new tickets (and a ticket whose priority changes) take them.
#[derive(Debug, Serialize, ToSchema)]
pub struct Sla {
    pub targets: SlaTargets,
}
