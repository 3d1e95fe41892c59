//! The state a function's router is built with: configuration, clients and the table, all shared.

use std::sync::Arc;

use crate::{clients::Clients, config::Config, table::Table};

#[derive(Clone, Debug)]
pub struct Context {
    pub config: Arc<Config>,
    pub clients: Clients,
    pub table: Table,
}

impl Context {
    pub fn new(config: Config, clients: Clients) -> Self {
        let table = Table::new(clients.dynamodb().clone(), config.table_name.clone());
        Self { config: Arc::new(config), clients, table }
    }

    /// What every `main.rs` does: configuration from the environment, clients from `aws_config`.
    pub async fn from_env() -> Result<Self, crate::config::MissingSetting> {
        let config = Config::from_env()?;
        let sdk = crate::clients::load_sdk_config().await;
        Ok(Self::new(config, Clients::new(&sdk)))
    }
}
