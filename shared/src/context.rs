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
        let table =
            Table::new(clients.dynamodb().clone(), config.table_name.clone()).with_zone(config.time_zone.clone());
        Self {
            config: Arc::new(config),
            clients,
            table,
        }
    }

    /// What every `main.rs` does: configuration from the environment, clients from `aws_config`.
    pub async fn from_env() -> Result<Self, crate::config::MissingSetting> {
        let config = Config::from_env()?;
        let sdk = crate::clients::load_sdk_config().await;
        Ok(Self::new(config, Clients::new(&sdk)))
    }
}

/// The state of the functions that also speak to the portal user pool (access, auth). Handlers take
/// what they need through axum's `FromRef`: `State<Context>`, `State<PortalPool>` or both.
#[derive(Clone, Debug)]
pub struct WithPortalPool {
    pub ctx: Context,
    pub pool: crate::identity::PortalPool,
}

impl WithPortalPool {
    /// With the pool for admin operations only (sign-out, delete): no app client needed.
    pub fn admin(ctx: Context) -> Self {
        let pool_id = ctx.config.portal_user_pool_id.clone().unwrap_or_default();
        let pool = crate::identity::PortalPool::admin(ctx.clients.cognito().clone(), pool_id);
        Self { ctx, pool }
    }

    /// With the pool's app client; its secret is resolved once, here, at init.
    pub async fn from_config(ctx: Context) -> Result<Self, crate::config::MissingSetting> {
        let pool = crate::identity::PortalPool::from_config(ctx.clients.cognito().clone(), &ctx.config).await?;
        Ok(Self { ctx, pool })
    }
}

impl axum::extract::FromRef<WithPortalPool> for Context {
    fn from_ref(state: &WithPortalPool) -> Self {
        state.ctx.clone()
    }
}

impl axum::extract::FromRef<WithPortalPool> for crate::identity::PortalPool {
    fn from_ref(state: &WithPortalPool) -> Self {
        state.pool.clone()
    }
}
