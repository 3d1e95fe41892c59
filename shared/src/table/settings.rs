//! Portal settings: which modules the portal offers (global; per-customer overrides come with the
//! settings capability).

use serde::{Deserialize, Serialize};

use super::{keys, Entity, Keys, Table};
use crate::{error::ApiResult, modules::Module};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PortalSettings {
    pub modules: Vec<Module>,
    pub version: u64,
}

impl Default for PortalSettings {
    fn default() -> Self {
        Self { modules: Module::default_enabled(), version: 0 }
    }
}

impl Entity for PortalSettings {
    const TYPE: &'static str = "portal_settings";

    fn keys(&self) -> Keys {
        Keys { pk: keys::SETTINGS.into(), sk: keys::PORTAL_SETTINGS.into(), gsi1: None }
    }
}

impl Table {
    /// The global portal settings, or the defaults while staff have saved none.
    pub async fn portal_settings(&self) -> ApiResult<PortalSettings> {
        Ok(self.get::<PortalSettings>(keys::SETTINGS.into(), keys::PORTAL_SETTINGS).await?.unwrap_or_default())
    }
}
