//! Portal settings: which modules the portal offers (global; per-customer overrides come with the
//! settings capability).

use serde::{Deserialize, Serialize};

use super::{contacts::Contact, customers::Customer, keys, Entity, Keys, Table};

/// See [`Table::portal_session`].
#[derive(Debug, Default)]
pub struct PortalSession {
    pub modules: Vec<Module>,
    pub customer: Option<Customer>,
    pub contact: Option<Contact>,
}
use crate::{error::ApiResult, modules::Module};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PortalSettings {
    pub modules: Vec<Module>,
    pub version: u64,
}

impl Default for PortalSettings {
    fn default() -> Self {
        Self {
            modules: Module::default_enabled(),
            version: 0,
        }
    }
}

impl Entity for PortalSettings {
    const TYPE: &'static str = "portal_settings";

    fn keys(&self) -> Keys {
        Keys {
            pk: keys::SETTINGS.into(),
            sk: keys::PORTAL_SETTINGS.into(),
            gsi1: None,
        }
    }
}

/// A customer's own choice of modules, replacing the global set while present.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CustomerModules {
    pub customer_id: String,
    pub modules: Vec<Module>,
    pub version: u64,
}

impl Entity for CustomerModules {
    const TYPE: &'static str = "customer_modules";

    fn keys(&self) -> Keys {
        Keys {
            pk: keys::customer(&self.customer_id),
            sk: keys::MODULES.into(),
            gsi1: None,
        }
    }
}

impl Table {
    /// The global portal settings, or the defaults while staff have saved none.
    pub async fn portal_settings(&self) -> ApiResult<PortalSettings> {
        Ok(self
            .get::<PortalSettings>(keys::SETTINGS.into(), keys::PORTAL_SETTINGS)
            .await?
            .unwrap_or_default())
    }

    /// The modules a customer's portal offers: its override, else the global setting (one round trip).
    pub async fn effective_modules(&self, customer_id: &str) -> ApiResult<Vec<Module>> {
        Ok(self.portal_session(customer_id, None).await?.modules)
    }

    /// What a portal request needs to know, in one round trip: the effective modules and, when a
    /// contact is given, the customer profile and the contact.
    pub async fn portal_session(&self, customer_id: &str, contact_id: Option<&str>) -> ApiResult<PortalSession> {
        let mut wanted = vec![
            super::key(keys::SETTINGS.into(), keys::PORTAL_SETTINGS),
            super::key(keys::customer(customer_id), keys::MODULES),
        ];
        if let Some(contact) = contact_id {
            wanted.push(super::key(keys::customer(customer_id), keys::PROFILE));
            wanted.push(super::key(keys::customer(customer_id), keys::contact(contact)));
        }
        let mut session = PortalSession::default();
        let (mut global, mut own) = (None, None);
        for item in self.batch_get(wanted).await? {
            match item.get(keys::ENTITY).and_then(|v| v.as_s().ok()).map(String::as_str) {
                Some(CustomerModules::TYPE) => own = Some(CustomerModules::from_item(item)?.modules),
                Some(PortalSettings::TYPE) => global = Some(PortalSettings::from_item(item)?.modules),
                Some(Customer::TYPE) => session.customer = Some(Customer::from_item(item)?),
                Some(Contact::TYPE) => session.contact = Some(Contact::from_item(item)?),
                _ => {}
            }
        }
        session.modules = own.or(global).unwrap_or_else(Module::default_enabled);
        Ok(session)
    }
}
