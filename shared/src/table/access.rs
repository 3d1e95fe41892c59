//! Portal access records: uniqueness of usernames and emails, single-use tokens, the access history,
//! rate-limit counters and codes already used.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{contacts::Actor, keys, Entity, PrimaryKey, QuerySpec};

/// Claims a username or an email address for one contact, deployment-wide.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Unique {
    /// The key value, `USERNAME#…` or `EMAIL#…`.
    pub key: String,
    pub contact_id: String,
    pub customer_id: String,
    /// The username as the contact was given it (for usernames).
    pub value: String,
}

impl Entity for Unique {
    const TYPE: &'static str = "unique";

    /// The claimed key, from [`Unique::username_key`] or [`Unique::email_key`].
    type Id<'a> = &'a str;

    fn key(claimed: &str) -> PrimaryKey {
        PrimaryKey::new(claimed, keys::UNIQUE)
    }

    fn id(&self) -> &str {
        &self.key
    }
}

impl Unique {
    /// The claim on a username (unique deployment-wide, case-insensitively).
    pub fn username_key(username: &str) -> String {
        keys::username(username)
    }

    /// The claim on an email address (unique deployment-wide, case-insensitively).
    pub fn email_key(address: &str) -> String {
        keys::email(address)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Activation,
    Reset,
}

/// What activation has done so far, kept on the token between the password step and the TOTP step.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Enrollment {
    /// Cognito's MFA_SETUP session, where Cognito asks for TOTP set-up during sign-in.
    pub session: Option<String>,
    /// The user's access token, where Cognito signed the user in without MFA set up yet.
    pub access_token: Option<String>,
    pub id_token: Option<String>,
    pub refresh_token: Option<String>,
}

/// A single-use activation or reset token, stored by hash only.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AccessToken {
    pub hash: String,
    pub kind: TokenKind,
    pub customer_id: String,
    pub contact_id: String,
    pub username: String,
    /// Epoch seconds; the token is refused from then on.
    pub expires_at: i64,
    #[serde(default)]
    pub enrollment: Option<Enrollment>,
}

/// Tokens outlive their expiry in the table for a while, so the expiry job can still find invitations.
const KEEP_AFTER_EXPIRY: i64 = 30 * 24 * 3600;

impl Entity for AccessToken {
    const TYPE: &'static str = "access_token";

    /// The SHA-256 of the token's value.
    type Id<'a> = &'a str;

    fn key(hash: &str) -> PrimaryKey {
        PrimaryKey::new(keys::token(hash), keys::TOKEN)
    }

    fn id(&self) -> &str {
        &self.hash
    }

    /// Pending invitations, by expiry (sparse: reset tokens stay out).
    fn gsi1(&self) -> Option<(String, String)> {
        (self.kind == TokenKind::Activation).then(|| {
            (
                keys::INVITATIONS.to_owned(),
                keys::invitation_expiry(self.expires_at, &self.hash),
            )
        })
    }

    fn expires_at(&self) -> Option<i64> {
        Some(self.expires_at + KEEP_AFTER_EXPIRY)
    }
}

impl AccessToken {
    /// Invitations whose expiry passed before `now`, soonest first.
    pub fn invitations_expired_by(now: OffsetDateTime) -> QuerySpec {
        let mut spec = QuerySpec::gsi1(keys::INVITATIONS.into());
        spec.sort_below = Some(keys::invitation_expiry(now.unix_timestamp(), ""));
        spec
    }

    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        now.unix_timestamp() >= self.expires_at
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccessEventKind {
    Enabled,
    InvitationSent,
    Activated,
    SignInSucceeded,
    SignInFailed,
    ResetRequested,
    ResetDone,
    Revoked,
    InvitationExpired,
    PasswordChanged,
}

/// One entry of a contact's portal-access history.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct AccessEvent {
    pub id: String,
    #[serde(skip_serializing_if = "String::is_empty", default)]
    #[schema(ignore)]
    pub customer_id: String,
    pub contact_id: String,
    pub kind: AccessEventKind,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor: Actor,
    /// What happened, in words (for failures, which check refused).
    pub outcome: String,
}

impl AccessEvent {
    pub fn new(
        customer_id: &str,
        contact_id: &str,
        kind: AccessEventKind,
        actor: Actor,
        outcome: impl Into<String>,
    ) -> Self {
        Self {
            id: crate::ids::new_id(),
            customer_id: customer_id.to_owned(),
            contact_id: contact_id.to_owned(),
            kind,
            at: OffsetDateTime::now_utc(),
            actor,
            outcome: outcome.into(),
        }
    }
}

impl Entity for AccessEvent {
    const TYPE: &'static str = "access_event";

    /// (customer id, contact id, event id)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, contact_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::history(contact_id, id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.contact_id, &self.id)
    }
}

impl AccessEvent {
    /// A contact's portal-access history, newest first.
    pub fn history_of(customer_id: &str, contact_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::history_prefix(contact_id)).newest_first()
    }
}
