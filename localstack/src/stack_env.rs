//! A provisioned stack as environment variables: written to `.local/stack.env` by `provision`, read by
//! the gateway, the seed and the token command, and usable with `set -a; . .local/stack.env`.

use std::collections::BTreeMap;

use crate::{cognito::AppClient, definitions::StackNames, provision::Stack};

pub const DEFAULT_PATH: &str = ".local/stack.env";
pub const DEFAULT_ENDPOINT: &str = "http://127.0.0.1:4566";
pub const DEFAULT_PORTAL_URL: &str = "http://127.0.0.1:3000";
/// The service business the demo portal belongs to.
pub const DEMO_BUSINESS: &str = "Summit Facility Services";

impl Stack {
    pub fn env_vars(&self, portal_url: &str) -> BTreeMap<&'static str, String> {
        let mut v = BTreeMap::from([
            ("AWS_REGION", self.region.clone()),
            ("TABLE_NAME", self.names.table.clone()),
            ("BUCKET_NAME", self.names.bucket.clone()),
            ("PORTAL_USER_POOL_ID", self.portal.pool_id.clone()),
            ("PORTAL_CLIENT_ID", self.portal.client_id.clone()),
            ("STAFF_USER_POOL_ID", self.staff.pool_id.clone()),
            ("STAFF_CLIENT_ID", self.staff.client_id.clone()),
            ("SENDER_EMAIL", self.names.sender_email.clone()),
            ("PORTAL_URL", portal_url.to_owned()),
            ("COMPANY_PHONE", "+44 20 7946 0000".to_owned()),
            ("BUSINESS_NAME", DEMO_BUSINESS.to_owned()),
        ]);
        if let Ok(zone) = std::env::var("BUSINESS_TIME_ZONE") {
            v.insert("BUSINESS_TIME_ZONE", zone);
        }
        if let Some(secret) = &self.portal.client_secret {
            v.insert("PORTAL_CLIENT_SECRET", secret.clone());
        }
        v
    }

    pub fn write_env_file(&self, path: &str, portal_url: &str, endpoint: &str) -> std::io::Result<()> {
        if let Some(dir) = std::path::Path::new(path).parent() {
            std::fs::create_dir_all(dir)?;
        }
        // The emulator takes any credentials; these let the binary run without the scripts' environment.
        let mut text = format!("AWS_ENDPOINT_URL={endpoint}\nAWS_ACCESS_KEY_ID=test\nAWS_SECRET_ACCESS_KEY=test\n");
        for (k, v) in self.env_vars(portal_url) {
            text.push_str(&format!("{k}={v}\n"));
        }
        std::fs::write(path, text)
    }

    /// Reads the stack back from the environment (after `stack.env` was loaded into it).
    pub fn from_env() -> Result<Self, String> {
        let var = |k: &str| std::env::var(k).map_err(|_| format!("{k} is not set: run `portal-local provision` first"));
        let mut names = StackNames::demo();
        names.table = var("TABLE_NAME")?;
        names.bucket = var("BUCKET_NAME")?;
        names.sender_email = var("SENDER_EMAIL")?;
        Ok(Self {
            names,
            region: var("AWS_REGION")?,
            portal: AppClient {
                pool_id: var("PORTAL_USER_POOL_ID")?,
                client_id: var("PORTAL_CLIENT_ID")?,
                client_secret: std::env::var("PORTAL_CLIENT_SECRET").ok(),
            },
            staff: AppClient {
                pool_id: var("STAFF_USER_POOL_ID")?,
                client_id: var("STAFF_CLIENT_ID")?,
                client_secret: None,
            },
        })
    }

    /// The configuration a function would get from its environment in this stack.
    pub fn config(&self, portal_url: &str) -> shared::config::Config {
        shared::config::Config {
            table_name: self.names.table.clone(),
            bucket_name: Some(self.names.bucket.clone()),
            portal_user_pool_id: Some(self.portal.pool_id.clone()),
            portal_client_id: Some(self.portal.client_id.clone()),
            portal_client_secret: self.portal.client_secret.clone(),
            staff_user_pool_id: Some(self.staff.pool_id.clone()),
            sender_email: Some(self.names.sender_email.clone()),
            portal_url: Some(portal_url.to_owned()),
            company_phone: Some("+44 20 7946 0000".to_owned()),
            invitation_days: 3,
            tickets_email: Some("support@portal.example.com".to_owned()),
            default_assignee: Some("service-desk".to_owned()),
            support_notice_days: 60,
            ticket_reopen_days: 7,
            business_name: Some(DEMO_BUSINESS.to_owned()),
            time_zone: std::env::var("BUSINESS_TIME_ZONE")
                .ok()
                .and_then(|z| shared::zone::BusinessZone::named(&z))
                .unwrap_or_default(),
        }
    }
}

/// Loads `KEY=VALUE` lines into the process environment, leaving variables already set alone.
pub fn load_env_file(path: &str) -> std::io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            if std::env::var_os(k).is_none() {
                // SAFETY: called at start-up, before any other thread reads the environment.
                unsafe { std::env::set_var(k, v) };
            }
        }
    }
    Ok(())
}
