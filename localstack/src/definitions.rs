//! What the stack is made of: the same names, keys and settings the SAM template declares
//! (`tests/tests/infra.rs` holds the two in agreement).

use shared::table::keys;

/// Names of one stack's resources. `suffix` isolates parallel test stacks from each other and from the demo.
#[derive(Clone, Debug)]
pub struct StackNames {
    pub table: String,
    pub bucket: String,
    pub portal_pool: String,
    pub staff_pool: String,
    pub portal_client: String,
    pub staff_client: String,
    pub sender_email: String,
}

impl StackNames {
    pub fn demo() -> Self {
        Self::with_suffix("")
    }

    pub fn with_suffix(suffix: &str) -> Self {
        let s = if suffix.is_empty() {
            String::new()
        } else {
            format!("-{}", suffix.to_lowercase())
        };
        Self {
            table: format!("customer-portal{s}"),
            bucket: format!("customer-portal-documents{s}"),
            portal_pool: format!("customer-portal-contacts{s}"),
            staff_pool: format!("customer-portal-staff{s}"),
            portal_client: "portal-auth".into(),
            staff_client: "staff-console".into(),
            sender_email: "portal@portal.example.com".into(),
        }
    }
}

/// The table's key schema: (attribute, role) for the table and for each GSI.
pub struct TableDef {
    pub pk: &'static str,
    pub sk: &'static str,
    pub gsis: &'static [(&'static str, &'static str, &'static str)],
    pub ttl_attribute: &'static str,
}

pub const TABLE: TableDef = TableDef {
    pk: keys::PK,
    sk: keys::SK,
    gsis: &[
        (keys::GSI1, keys::GSI1PK, keys::GSI1SK),
        (keys::GSI2, keys::GSI2PK, keys::GSI2SK),
        (keys::GSI3, keys::GSI3PK, keys::GSI3SK),
    ],
    ttl_attribute: keys::TTL,
};

/// Custom attributes of the portal pool: written by the admin API only, never by an app client.
pub const PORTAL_CUSTOM_ATTRIBUTES: [&str; 2] = ["customer_id", "contact_id"];

/// Password policy of both pools.
pub const PASSWORD_MIN_LENGTH: i32 = shared::identity::PASSWORD_MIN_LENGTH;

/// Refresh tokens of both app clients, in hours; the auth function's session cookie lives as long.
pub const REFRESH_TOKEN_HOURS: i32 = shared::identity::REFRESH_TOKEN_HOURS;

/// ID tokens live briefly so a revoked contact's last token dies soon; refresh tokens are revoked on sign-out.
pub const ID_TOKEN_MINUTES: i32 = 15;

/// The EventBridge Scheduler schedules: (job, expression). Each invokes the scheduler function with
/// `{"job": "<job>"}`; `events/scheduled-<job>.json` is the fixture for running it locally.
pub const SCHEDULES: [(&str, &str); 4] = [
    ("expire-invitations", "rate(15 minutes)"),
    ("drain-outbox", "rate(5 minutes)"),
    ("support-notices", "cron(0 7 * * ? *)"),
    // 06:00 on the 1st in the business's time zone (the template sets ScheduleExpressionTimezone).
    ("monthly-reports", "cron(0 6 1 * ? *)"),
];
