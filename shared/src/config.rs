//! Configuration read once at start-up from the environment.

use std::env;

/// Deployment settings every function reads at init. Only the table is needed by all functions;
/// the rest are optional here and demanded by the functions that use them (see [`Config::require`]).
#[derive(Clone, Debug)]
pub struct Config {
    pub table_name: String,
    pub bucket_name: Option<String>,
    pub portal_user_pool_id: Option<String>,
    pub portal_client_id: Option<String>,
    /// Local runs only; on AWS the auth function reads the secret from Cognito at init.
    pub portal_client_secret: Option<String>,
    pub staff_user_pool_id: Option<String>,
    pub sender_email: Option<String>,
    pub portal_url: Option<String>,
    /// The service business's switchboard number, shown for relationship managers in `/portal/me`.
    pub company_phone: Option<String>,
    /// The service business's name, on the reports it sends (`BUSINESS_NAME`).
    pub business_name: Option<String>,
    /// How long an invitation stays valid (default 3 days).
    pub invitation_days: i64,
    /// Where new-ticket notifications go, and who new portal tickets are assigned to.
    pub tickets_email: Option<String>,
    pub default_assignee: Option<String>,
    /// How many days before a support contract ends its contacts are told (default 60).
    pub support_notice_days: i64,
    /// How long after closing a ticket its contact may reopen it (`TICKET_REOPEN_DAYS`, 7 by default).
    pub ticket_reopen_days: i64,
    /// The business's time zone (`BUSINESS_TIME_ZONE`, an IANA name; UTC by default): the calendar
    /// activity is counted in.
    pub time_zone: crate::zone::BusinessZone,
}

#[derive(Debug, thiserror::Error)]
#[error("environment variable {0} is not set, or not valid")]
pub struct MissingSetting(pub &'static str);

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> Result<Self, MissingSetting> {
        Ok(Self {
            table_name: var("TABLE_NAME").ok_or(MissingSetting("TABLE_NAME"))?,
            bucket_name: var("BUCKET_NAME"),
            portal_user_pool_id: var("PORTAL_USER_POOL_ID"),
            portal_client_id: var("PORTAL_CLIENT_ID"),
            portal_client_secret: var("PORTAL_CLIENT_SECRET"),
            staff_user_pool_id: var("STAFF_USER_POOL_ID"),
            sender_email: var("SENDER_EMAIL"),
            portal_url: var("PORTAL_URL"),
            company_phone: var("COMPANY_PHONE"),
            business_name: var("BUSINESS_NAME"),
            invitation_days: var("INVITATION_DAYS")
                .and_then(|d| d.parse().ok())
                .filter(|d| *d > 0)
                .unwrap_or(3),
            tickets_email: var("TICKETS_EMAIL"),
            default_assignee: var("DEFAULT_ASSIGNEE"),
            support_notice_days: var("SUPPORT_NOTICE_DAYS")
                .and_then(|d| d.parse().ok())
                .filter(|d| *d > 0)
                .unwrap_or(60),
            ticket_reopen_days: var("TICKET_REOPEN_DAYS")
                .and_then(|d| d.parse().ok())
                .filter(|d| *d >= 0)
                .unwrap_or(7),
            time_zone: match var("BUSINESS_TIME_ZONE") {
                None => crate::zone::BusinessZone::default(),
                Some(name) => {
                    crate::zone::BusinessZone::named(name.trim()).ok_or(MissingSetting("BUSINESS_TIME_ZONE"))?
                }
            },
        })
    }

    /// A setting a function cannot run without; fails at init rather than on the first request.
    pub fn require<'a>(value: &'a Option<String>, name: &'static str) -> Result<&'a str, MissingSetting> {
        value.as_deref().ok_or(MissingSetting(name))
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            table_name: String::new(),
            bucket_name: None,
            portal_user_pool_id: None,
            portal_client_id: None,
            portal_client_secret: None,
            staff_user_pool_id: None,
            sender_email: None,
            portal_url: None,
            company_phone: None,
            business_name: None,
            invitation_days: 3,
            tickets_email: None,
            default_assignee: None,
            support_notice_days: 60,
            ticket_reopen_days: 7,
            time_zone: crate::zone::BusinessZone::default(),
        }
    }
}
