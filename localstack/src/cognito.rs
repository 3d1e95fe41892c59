//! Signing in against a user pool with the admin API, as the `auth` function and the dev tooling do:
//! password, then the TOTP challenge answered with a code computed per RFC 6238.

use aws_sdk_cognitoidentityprovider::{
    types::{AuthFlowType, AuthenticationResultType, ChallengeNameType, SoftwareTokenMfaSettingsType},
    Client,
};
use base64::{engine::general_purpose::STANDARD, Engine};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The secret every TOTP device gets from the emulator (it is random on AWS).
pub const EMULATOR_TOTP_SECRET: &str = "asdfasdfasdf";

#[derive(Clone, Debug)]
pub struct AppClient {
    pub pool_id: String,
    pub client_id: String,
    pub client_secret: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Tokens {
    pub id_token: String,
    pub access_token: String,
    pub refresh_token: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("cognito refused: {0}")]
    Refused(String),
    #[error("unexpected challenge {0:?}")]
    Challenge(Option<ChallengeNameType>),
    #[error("bad TOTP secret")]
    Secret,
}

/// `SECRET_HASH` = base64(HMAC-SHA256(client secret, username + client id)).
pub fn secret_hash(client: &AppClient, username: &str) -> Option<String> {
    let secret = client.client_secret.as_ref()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(username.as_bytes());
    mac.update(client.client_id.as_bytes());
    Some(STANDARD.encode(mac.finalize().into_bytes()))
}

/// The current RFC 6238 code (SHA-1, 6 digits, 30 s) for a base32 secret, without the 128-bit minimum
/// that libraries enforce by default (the emulator's secret is shorter).
pub fn totp_code(secret_base32: &str, unix_time: u64) -> Result<String, SignInError> {
    let secret = totp_rs::Secret::try_from_base32(secret_base32.to_uppercase()).map_err(|_| SignInError::Secret)?;
    let totp = totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_secret(secret)
        .build_noncompliant();
    Ok(totp.generate(unix_time).to_string())
}

pub fn now_code(secret_base32: &str) -> Result<String, SignInError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    totp_code(secret_base32, now)
}

/// A code that stays current for at least three more seconds: moto checks only the current 30-second step,
/// so a code taken at the very end of one would arrive in the next and be refused.
pub async fn fresh_code(secret_base32: &str) -> Result<String, SignInError> {
    let into_step = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() % 30_000)
        .unwrap_or(0);
    if into_step > 27_000 {
        tokio::time::sleep(std::time::Duration::from_millis(30_000 - into_step as u64 + 50)).await;
    }
    now_code(secret_base32)
}

fn refused<E: std::fmt::Debug + aws_sdk_cognitoidentityprovider::error::ProvideErrorMetadata>(e: E) -> SignInError {
    SignInError::Refused(e.code().unwrap_or("unknown").to_owned() + ": " + e.message().unwrap_or_default())
}

fn tokens(result: Option<&AuthenticationResultType>) -> Result<Tokens, SignInError> {
    let r = result.ok_or(SignInError::Challenge(None))?;
    Ok(Tokens {
        id_token: r.id_token().unwrap_or_default().to_owned(),
        access_token: r.access_token().unwrap_or_default().to_owned(),
        refresh_token: r.refresh_token().map(str::to_owned),
    })
}

/// Password, then (when the user has TOTP) the code. Users without TOTP get tokens straight away,
/// which is how enrollment starts.
pub async fn sign_in(
    cognito: &Client,
    client: &AppClient,
    username: &str,
    password: &str,
    totp_secret: &str,
) -> Result<Tokens, SignInError> {
    let mut req = cognito
        .admin_initiate_auth()
        .user_pool_id(&client.pool_id)
        .client_id(&client.client_id)
        .auth_flow(AuthFlowType::AdminUserPasswordAuth)
        .auth_parameters("USERNAME", username)
        .auth_parameters("PASSWORD", password);
    if let Some(h) = secret_hash(client, username) {
        req = req.auth_parameters("SECRET_HASH", h);
    }
    let out = req.send().await.map_err(|e| refused(e.into_service_error()))?;
    match out.challenge_name() {
        None => tokens(out.authentication_result()),
        Some(ChallengeNameType::SoftwareTokenMfa) => {
            let mut answer = cognito
                .admin_respond_to_auth_challenge()
                .user_pool_id(&client.pool_id)
                .client_id(&client.client_id)
                .challenge_name(ChallengeNameType::SoftwareTokenMfa)
                .set_session(out.session().map(str::to_owned))
                .challenge_responses("USERNAME", username)
                .challenge_responses("SOFTWARE_TOKEN_MFA_CODE", fresh_code(totp_secret).await?);
            if let Some(h) = secret_hash(client, username) {
                answer = answer.challenge_responses("SECRET_HASH", h);
            }
            let out = answer.send().await.map_err(|e| refused(e.into_service_error()))?;
            tokens(out.authentication_result())
        }
        other => Err(SignInError::Challenge(other.cloned())),
    }
}

/// Associates a TOTP device with the signed-in user, verifies it with a code and makes it the
/// preferred factor. Returns the device secret.
pub async fn enroll_totp(cognito: &Client, access_token: &str) -> Result<String, SignInError> {
    let assoc = cognito
        .associate_software_token()
        .access_token(access_token)
        .send()
        .await
        .map_err(|e| refused(e.into_service_error()))?;
    let secret = assoc.secret_code().unwrap_or(EMULATOR_TOTP_SECRET).to_owned();
    cognito
        .verify_software_token()
        .access_token(access_token)
        .user_code(fresh_code(&secret).await?)
        .send()
        .await
        .map_err(|e| refused(e.into_service_error()))?;
    cognito
        .set_user_mfa_preference()
        .access_token(access_token)
        .software_token_mfa_settings(
            SoftwareTokenMfaSettingsType::builder()
                .enabled(true)
                .preferred_mfa(true)
                .build(),
        )
        .send()
        .await
        .map_err(|e| refused(e.into_service_error()))?;
    Ok(secret)
}

/// A user to have in a pool, signed-in-able with TOTP.
pub struct UserSpec<'a> {
    pub username: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub attributes: Vec<(&'a str, String)>,
    pub groups: Vec<&'a str>,
}

/// Creates the user if missing, sets the permanent password, the groups and enrolls TOTP. Idempotent.
pub async fn ensure_user(cognito: &Client, client: &AppClient, user: &UserSpec<'_>) -> Result<(), SignInError> {
    use aws_sdk_cognitoidentityprovider::types::{AttributeType, MessageActionType};
    let mut create = cognito
        .admin_create_user()
        .user_pool_id(&client.pool_id)
        .username(user.username)
        .message_action(MessageActionType::Suppress)
        .user_attributes(
            AttributeType::builder()
                .name("email")
                .value(user.email)
                .build()
                .map_err(|_| SignInError::Secret)?,
        )
        .user_attributes(
            AttributeType::builder()
                .name("email_verified")
                .value("true")
                .build()
                .map_err(|_| SignInError::Secret)?,
        );
    for (name, value) in &user.attributes {
        create = create.user_attributes(
            AttributeType::builder()
                .name(*name)
                .value(value)
                .build()
                .map_err(|_| SignInError::Secret)?,
        );
    }
    if let Err(e) = create.send().await {
        let e = e.into_service_error();
        if !e.is_username_exists_exception() {
            return Err(refused(e));
        }
    }
    cognito
        .admin_set_user_password()
        .user_pool_id(&client.pool_id)
        .username(user.username)
        .password(user.password)
        .permanent(true)
        .send()
        .await
        .map_err(|e| refused(e.into_service_error()))?;
    for group in &user.groups {
        cognito
            .admin_add_user_to_group()
            .user_pool_id(&client.pool_id)
            .username(user.username)
            .group_name(*group)
            .send()
            .await
            .map_err(|e| refused(e.into_service_error()))?;
    }
    let current = cognito
        .admin_get_user()
        .user_pool_id(&client.pool_id)
        .username(user.username)
        .send()
        .await
        .map_err(|e| refused(e.into_service_error()))?;
    if !current
        .user_mfa_setting_list()
        .iter()
        .any(|m| m == "SOFTWARE_TOKEN_MFA")
    {
        let first = sign_in(cognito, client, user.username, user.password, EMULATOR_TOTP_SECRET).await?;
        enroll_totp(cognito, &first.access_token).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_reference_vector() -> Result<(), SignInError> {
        // RFC 6238 appendix B, SHA-1: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082.
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assert_eq!(totp_code(secret, 59)?, "287082");
        assert_eq!(totp_code(secret, 1111111109)?, "081804");
        Ok(())
    }

    #[test]
    fn emulator_secret_is_accepted_despite_its_length() -> Result<(), SignInError> {
        assert_eq!(totp_code(EMULATOR_TOTP_SECRET, 59)?.len(), 6);
        Ok(())
    }
}
