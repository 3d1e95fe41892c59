//! Request and response types of portal access management.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    outbox::Delivery,
    table::{
        access::{AccessEvent, AccessEventKind},
        contacts::{Actor, Contact, PortalStatus},
    },
    validate::Validate,
};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// `PUT /admin/contacts/{id}/portal-access`: give the contact a username; leave it out to have one generated.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnableAccess {
    /// 3 to 64 characters (letters, digits, `.`, `_`, `-`), or an email address (such as the contact's own)
    /// of up to 128; case-insensitive and unique deployment-wide.
    pub username: Option<String>,
}

/// The longest email address accepted as a username (Cognito's own limit for a username).
pub const MAX_EMAIL_USERNAME: usize = 128;

/// A plain username (3 to 64 letters, digits, `.`, `_`, `-`, starting with a letter or digit) or an
/// email address.
pub fn valid_username(u: &str) -> bool {
    let n = u.chars().count();
    let plain = (3..=64).contains(&n)
        && u.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && u.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    plain || email_username(u)
}

/// An email address as a username: ASCII, up to 128 characters, a local part of letters, digits and
/// `.`, `_`, `-`, `+`, `'` (no leading, trailing or double dot) and a domain of letter-digit-hyphen labels.
/// The portal pool has no email alias, so Cognito takes it as a username like any other.
fn email_username(u: &str) -> bool {
    let Some((local, domain)) = u.split_once('@') else {
        return false;
    };
    let label = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    u.len() <= MAX_EMAIL_USERNAME
        && shared::validate::is_email(u)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '\''))
        && domain.split('.').all(label)
}

impl Validate for EnableAccess {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if let Some(u) = &self.username {
            if !valid_username(u.trim()) {
                errors.push(FieldError::new(
                    "username",
                    format!("must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, or an email address of up to {MAX_EMAIL_USERNAME} characters"),
                ));
            }
        }
    }
}

/// A readable username from the contact's name: `first.last`, letters and digits only.
pub fn username_base(contact: &Contact) -> String {
    let part = |s: &str| {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    };
    let (first, last) = (part(&contact.first_name), part(&contact.last_name));
    let base = match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first}.{last}"),
        (false, true) => first,
        (true, false) => last,
        (true, true) => "contact".into(),
    };
    let base: String = base.chars().take(50).collect();
    if base.len() < 3 {
        format!("{base}.user")
    } else {
        base
    }
}

/// The contact's portal access as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalAccess {
    pub contact_id: String,
    pub username: Option<String>,
    pub status: PortalStatus,
    #[serde(with = "time::serde::rfc3339::option")]
    pub invited_until: Option<OffsetDateTime>,
}

impl From<&Contact> for PortalAccess {
    fn from(c: &Contact) -> Self {
        Self {
            contact_id: c.id.clone(),
            username: c.portal_username.clone(),
            status: c.portal_status,
            invited_until: c.portal_invited_until,
        }
    }
}

/// The result of sending an invitation or a reset email.
#[derive(Debug, Serialize, ToSchema)]
pub struct Sent {
    pub access: PortalAccess,
    pub email: Delivery,
}

pub const MAX_BULK: usize = 50;

/// `POST /admin/portal-access/invitations`: the contacts chosen from a filtered list.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkInvite {
    pub contact_ids: Vec<String>,
}

impl Validate for BulkInvite {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if self.contact_ids.is_empty() || self.contact_ids.len() > MAX_BULK {
            errors.push(FieldError::new(
                "contact_ids",
                format!("must list 1 to {MAX_BULK} contacts"),
            ));
        }
        for (i, id) in self.contact_ids.iter().enumerate() {
            if !shared::ids::is_valid(id) {
                errors.push(FieldError::new(
                    format!("contact_ids[{i}]"),
                    "is not a valid identifier",
                ));
            }
        }
    }
}

/// One contact's outcome in a bulk invitation.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResult {
    pub contact_id: String,
    /// `sent`, `queued`, or `refused` with the reason.
    pub result: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::table::contacts::Actor;

    #[test]
    fn usernames_are_readable_and_checked() {
        let c = Contact::new(
            "X".into(),
            "C".into(),
            "Zoë".into(),
            "O'Brien-Smith".into(),
            Actor::System,
        );
        assert_eq!(username_base(&c), "zo.obriensmith");
        assert!(valid_username("alice.acme"));
        assert!(!valid_username(".alice"));
        assert!(!valid_username("al"));
        assert!(!valid_username("alice acme"));
    }

    #[test]
    fn an_email_address_is_a_username() {
        for ok in [
            "eve@acme.example",
            "Eve.Evans+portal@mail.acme-group.example",
            "o'brien@acme.example",
            "e_v-e@a.co",
        ] {
            assert!(valid_username(ok), "{ok}");
        }
        let long = format!("{}@acme.example", "e".repeat(MAX_EMAIL_USERNAME));
        for bad in [
            "eve@",
            "@acme.example",
            "eve@acme",
            "eve@@acme.example",
            "eve @acme.example",
            "eve@acme..example",
            ".eve@acme.example",
            "eve.@acme.example",
            "e..ve@acme.example",
            "eve@-acme.example",
            "eve@acme.example.",
            "éve@acme.example",
            "eve@acme.exa_mple",
            "eve#1@acme.example",
            "eve@acme.example\u{0}",
            long.as_str(),
        ] {
            assert!(!valid_username(bad), "{bad}");
        }
    }
}

// The response for a stored access event (the schema keeps its name); the customer is the contact's,
// so it is not repeated.
/// One entry of a contact's portal-access history.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = AccessEvent)]
pub struct AccessEventResponse {
    pub id: String,
    pub contact_id: String,
    pub kind: AccessEventKind,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor: Actor,
    /// What happened, in words (for failures, which check refused).
    pub outcome: String,
}

impl From<&AccessEvent> for AccessEventResponse {
    fn from(e: &AccessEvent) -> Self {
        Self {
            id: e.id.clone(),
            contact_id: e.contact_id.clone(),
            kind: e.kind,
            at: e.at,
            actor: e.actor.clone(),
            outcome: e.outcome.clone(),
        }
    }
}
