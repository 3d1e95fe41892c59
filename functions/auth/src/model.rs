//! Request and response types of sign-in, activation and password reset.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    identity::PASSWORD_MIN_LENGTH,
    validate::{Checks, Validate},
};
use utoipa::ToSchema;

const MAX_SECRET: usize = 4096;

fn code_ok(errors: &mut Vec<FieldError>, code: &str) {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        errors.push(FieldError::new(
            "code",
            "must be the 6-digit code from the authenticator app",
        ));
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
    /// For browsers: the refresh token is set as the `HttpOnly` cookie `portal_refresh` (with the username in
    /// `portal_user`), both scoped to `/portal/auth`, and left out of the body.
    #[serde(default)]
    pub refresh_cookie: bool,
}

impl Validate for LoginMfa {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("username", &self.username, 128);
        Checks(errors).required("session", &self.session, MAX_SECRET);
        code_ok(errors, &self.code);
    }
}

/// Who is refreshing or signing out. A browser sends `{}`: both come from its session cookies
/// (`portal_user`, `portal_refresh`); an API client sends them here.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Refresh {
    /// Default: the `portal_user` cookie.
    #[serde(default)]
    pub username: Option<String>,
    /// Default: the `portal_refresh` cookie.
    #[serde(default)]
    pub refresh_token: Option<String>,
}

impl Validate for Refresh {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if let Some(u) = &self.username {
            Checks(errors).required("username", u, 128);
        }
        if let Some(t) = &self.refresh_token {
            Checks(errors).required("refresh_token", t, MAX_SECRET);
        }
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
    /// As for sign-in: the refresh token goes into the `HttpOnly` session cookie instead of the body.
    #[serde(default)]
    pub refresh_cookie: bool,
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

/// A signed-in contact's new password, proven with the current one and an authenticator code.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    pub current_password: String,
    /// At least 12 characters with a lower-case letter, an upper-case letter and a digit (the pool's policy).
    pub new_password: String,
    /// The authenticator's current code; like a sign-in's, accepted once.
    pub code: String,
}

impl Validate for ChangePassword {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("current_password", &self.current_password, 256);
        Checks(errors).length("new_password", &self.new_password, 256);
        let min = usize::try_from(PASSWORD_MIN_LENGTH).unwrap_or(12);
        if self.new_password.chars().count() < min {
            errors.push(FieldError::new(
                "new_password",
                format!("must be at least {min} characters"),
            ));
        } else if self.new_password == self.current_password {
            errors.push(FieldError::new("new_password", "must differ from the current password"));
        }
        code_ok(errors, &self.code);
    }
}

/// The `otpauth://` URI authenticator apps read from a QR code.
pub fn otpauth_uri(issuer: &str, username: &str, secret: &str) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
        enc(issuer),
        enc(username),
        secret,
        enc(issuer)
    )
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
        LoginMfa {
            username: "u".into(),
            session: "s".into(),
            code: "12345a".into(),
            refresh_cookie: false,
        }
        .validate(&mut e);
        assert_eq!(e[0].field, "code");
    }

    fn change(current: &str, new: &str, code: &str) -> Vec<String> {
        let mut e = Vec::new();
        ChangePassword {
            current_password: current.into(),
            new_password: new.into(),
            code: code.into(),
        }
        .validate(&mut e);
        e.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_new_password_is_long_enough_and_new() {
        assert!(change("Old-Password-1", "New-Password-2", "123456").is_empty());
        assert_eq!(change("Old-Password-1", "Short-1", "123456"), ["new_password"]);
        assert_eq!(change("Same-Password-1", "Same-Password-1", "123456"), ["new_password"]);
        assert_eq!(change("", "New-Password-2", "12"), ["current_password", "code"]);
    }
}
