//! Request and response types of sign-in, activation and password reset.

use serde::{Deserialize, Serialize};
use shared::{error::FieldError, validate::{Checks, Validate}};
use utoipa::ToSchema;

const MAX_SECRET: usize = 4096;

fn code_ok(errors: &mut Vec<FieldError>, code: &str) {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        errors.push(FieldError::new("code", "must be the 6-digit code from the authenticator app"));
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Login {
    pub username: String,
    pub password: String,
}

impl Validate for Login {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("username", &self.username, 128);
        c.required("password", &self.password, 256);
    }
}

/// The password was right; the authenticator code is next.
#[derive(Debug, Serialize, ToSchema)]
pub struct Challenge {
    /// Always `totp`.
    pub challenge: String,
    /// Send back with the code to `/portal/auth/login/mfa`; valid for a few minutes.
    pub session: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginMfa {
    pub username: String,
    pub session: String,
    pub code: String,
}

impl Validate for LoginMfa {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("username", &self.username, 128);
        Checks(errors).required("session", &self.session, MAX_SECRET);
        code_ok(errors, &self.code);
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Refresh {
    pub username: String,
    pub refresh_token: String,
}

impl Validate for Refresh {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("username", &self.username, 128);
        Checks(errors).required("refresh_token", &self.refresh_token, MAX_SECRET);
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Activate {
    /// The token from the invitation link.
    pub token: String,
    pub password: String,
}

impl Validate for Activate {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("token", &self.token, 128);
        Checks(errors).required("password", &self.password, 256);
    }
}

/// Set up the authenticator app with this, then confirm a code.
#[derive(Debug, Serialize, ToSchema)]
pub struct TotpEnrollment {
    pub username: String,
    /// Base32 secret for manual entry.
    pub secret: String,
    /// `otpauth://` URI for a QR code.
    pub otpauth_uri: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivateTotp {
    pub token: String,
    pub code: String,
}

impl Validate for ActivateTotp {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("token", &self.token, 128);
        code_ok(errors, &self.code);
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Forgot {
    pub username: String,
}

impl Validate for Forgot {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("username", &self.username, 128);
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reset {
    pub token: String,
    pub password: String,
}

impl Validate for Reset {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("token", &self.token, 128);
        Checks(errors).required("password", &self.password, 256);
    }
}

/// The `otpauth://` URI authenticator apps read from a QR code.
pub fn otpauth_uri(issuer: &str, username: &str, secret: &str) -> String {
    let enc = |s: &str| s.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect::<String>();
    format!("otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30", enc(issuer), enc(username), secret, enc(issuer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn otpauth_uri_is_escaped() {
        assert_eq!(
            otpauth_uri("Acme Portal", "al.acme", "ABC"),
            "otpauth://totp/Acme%20Portal:al.acme?secret=ABC&issuer=Acme%20Portal&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn codes_are_six_digits() {
        let mut e = Vec::new();
        LoginMfa { username: "u".into(), session: "s".into(), code: "12345a".into() }.validate(&mut e);
        assert_eq!(e[0].field, "code");
    }
}
