//! Portal settings: which modules the portal offers (global; per-customer overrides come with the
//! settings capability).

use serde::{Deserialize, Serialize};

use super::{contacts::Contact, customers::Customer, keys, Entity, PrimaryKey, Table};

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

    /// One item per deployment.
    type Id<'a> = ();

    fn key((): ()) -> PrimaryKey {
        PrimaryKey::new(keys::SETTINGS, keys::PORTAL_SETTINGS)
    }

    fn id(&self) {}
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

    /// The customer id.
    type Id<'a> = &'a str;

    fn key(customer_id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::MODULES)
    }

    fn id(&self) -> &str {
        &self.customer_id
    }
}

impl Table {
    /// The global portal settings, or the defaults while staff have saved none.
    pub async fn portal_settings(&self) -> ApiResult<PortalSettings> {
        Ok(self.get::<PortalSettings>(()).await?.unwrap_or_default())
    }

    /// The modules a customer's portal offers: its override, else the global setting (one round trip).
    pub async fn effective_modules(&self, customer_id: &str) -> ApiResult<Vec<Module>> {
        Ok(self.portal_session(customer_id, None).await?.modules)
    }

    /// What a portal request needs to know, in one round trip: the effective modules and, when a
    /// contact is given, the customer profile and the contact.
    pub async fn portal_session(&self, customer_id: &str, contact_id: Option<&str>) -> ApiResult<PortalSession> {
        let mut wanted = vec![PortalSettings::key(()), CustomerModules::key(customer_id)];
        if let Some(contact) = contact_id {
            wanted.push(Customer::key(customer_id));
            wanted.push(Contact::key((customer_id, contact)));
        }
        let mut session = PortalSession::default();
        let (mut global, mut own) = (None, None);
        for item in self.batch_get(wanted).await? {
            if CustomerModules::is(&item) {
                own = Some(CustomerModules::from_item(item)?.modules);
            } else if PortalSettings::is(&item) {
                global = Some(PortalSettings::from_item(item)?.modules);
            } else if Customer::is(&item) {
                session.customer = Some(Customer::from_item(item)?);
            } else if Contact::is(&item) {
                session.contact = Some(Contact::from_item(item)?);
            }
        }
        session.modules = own.or(global).unwrap_or_else(Module::default_enabled);
        Ok(session)
    }
}
