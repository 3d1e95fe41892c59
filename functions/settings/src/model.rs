//! Request and response types of settings.

use serde::{Deserialize, Serialize};
use shared::{error::FieldError, modules::Module, validate::Validate};
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
