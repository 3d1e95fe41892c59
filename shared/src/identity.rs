//! The portal user pool through its secret-holding app client: only the `auth` and `access` functions
//! talk to Cognito, always through this.

use aws_sdk_cognitoidentityprovider::{
    error::ProvideErrorMetadata,
    types::{AttributeType, AuthFlowType, ChallengeNameType, MessageActionType, SoftwareTokenMfaSettingsType},
    Client,
};
use base64::{engine::general_purpose::STANDARD, Engine};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::{from_sdk, ApiError, ApiResult};

/// The pools' password policy: at least this many characters (the template and the provisioner set it).
pub const PASSWORD_MIN_LENGTH: i32 = 12;

/// How long the portal app client's refresh tokens live, in hours (the template and the provisioner
/// set it): a signed-in browser's session cookie lives exactly as long.
pub const REFRESH_TOKEN_HOURS: i32 = 12;

#[derive(Clone, Debug)]
pub struct PortalPool {
    pub cognito: Client,
    pub pool_id: String,
    pub client_id: String,
    pub client_secret: Option<String>,
}

/// Tokens Cognito issued.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Tokens {
    pub id_token: String,
    pub access_token: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    pub expires_in: i32,
}

/// Where a password sign-in stands.
#[derive(Debug)]
pub enum SignIn {
    /// Tokens straight away: the user has no second factor yet (the emulator's behaviour before enrollment).
    Tokens(Tokens),
    /// Cognito wants the TOTP code.
    Totp { session: String },
    /// Cognito wants TOTP set up first.
    SetUpTotp { session: String },
}

/// Why Cognito refused, in the terms handlers need.
#[derive(Debug)]
pub enum Refusal {
    /// Wrong password, unknown user, disabled user, wrong or reused code, expired session.
    Credentials,
    /// The password does not meet the policy; Cognito's message says how.
    WeakPassword(String),
    Other(ApiError),
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Credentials => ApiError::Unauthorized,
            Refusal::WeakPassword(m) => ApiError::invalid("password", m),
            Refusal::Other(e) => e,
        }
    }
}

fn refusal<E, R>(err: aws_smithy_runtime_api::client::result::SdkError<E, R>) -> Refusal
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    match err.as_service_error().and_then(|e| e.code()) {
        Some(
            "NotAuthorizedException"
            | "UserNotFoundException"
            | "CodeMismatchException"
            | "ExpiredCodeException"
            | "EnableSoftwareTokenMFAException"
            | "UserNotConfirmedException"
            | "PasswordResetRequiredException",
        ) => Refusal::Credentials,
        Some("InvalidPasswordException") => Refusal::WeakPassword(
            err.as_service_error()
                .and_then(|e| e.message())
                .map(|m| m.trim_start_matches("Password does not conform to policy: ").to_owned())
                .unwrap_or_else(|| "does not meet the password policy".into()),
        ),
        _ => Refusal::Other(from_sdk(err)),
    }
}

/// `SECRET_HASH` = base64(HMAC-SHA256(client secret, username + client id)).
pub fn secret_hash(secret: &str, client_id: &str, username: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new(); // unreachable: HMAC takes keys of any length
    };
    mac.update(username.as_bytes());
    mac.update(client_id.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

fn tokens(r: Option<&aws_sdk_cognitoidentityprovider::types::AuthenticationResultType>) -> Result<Tokens, Refusal> {
    let r = r.ok_or(Refusal::Credentials)?;
    Ok(Tokens {
        id_token: r.id_token().unwrap_or_default().to_owned(),
        access_token: r.access_token().unwrap_or_default().to_owned(),
        refresh_token: r.refresh_token().map(str::to_owned),
        expires_in: r.expires_in(),
    })
}

impl PortalPool {
    /// The app client's secret comes from the environment or, on AWS, from Cognito itself at init.
    pub async fn from_config(
        cognito: Client,
        config: &crate::config::Config,
    ) -> Result<Self, crate::config::MissingSetting> {
        let pool_id = crate::config::Config::require(&config.portal_user_pool_id, "PORTAL_USER_POOL_ID")?.to_owned();
        let client_id = crate::config::Config::require(&config.portal_client_id, "PORTAL_CLIENT_ID")?.to_owned();
        let mut client_secret = config.portal_client_secret.clone();
        if client_secret.is_none() {
            client_secret = cognito
                .describe_user_pool_client()
                .user_pool_id(&pool_id)
                .client_id(&client_id)
                .send()
                .await
                .ok()
                .and_then(|o| o.user_pool_client?.client_secret);
        }
        Ok(Self {
            cognito,
            pool_id,
            client_id,
            client_secret,
        })
    }

    /// For admin operations only (sign-out, delete): no app client needed.
    pub fn admin(cognito: Client, pool_id: String) -> Self {
        Self {
            cognito,
            pool_id,
            client_id: String::new(),
            client_secret: None,
        }
    }

    fn hash(&self, username: &str) -> Option<String> {
        self.client_secret
            .as_deref()
            .map(|s| secret_hash(s, &self.client_id, username))
    }

    /// Creates the user (idempotent) with its tenant attributes, then sets a permanent password.
    pub async fn set_up_user(
        &self,
        username: &str,
        email: &str,
        customer_id: &str,
        contact_id: &str,
        password: &str,
    ) -> Result<(), Refusal> {
        let attr = |n: &str, v: &str| {
            AttributeType::builder()
                .name(n)
                .value(v)
                .build()
                .map_err(|_| Refusal::Other(ApiError::Internal))
        };
        let created = self
            .cognito
            .admin_create_user()
            .user_pool_id(&self.pool_id)
            .username(username)
            .message_action(MessageActionType::Suppress)
            .user_attributes(attr("email", email)?)
            .user_attributes(attr("email_verified", "true")?)
            .user_attributes(attr("custom:customer_id", customer_id)?)
            .user_attributes(attr("custom:contact_id", contact_id)?)
            .send()
            .await;
        if let Err(e) = created {
            if !e.as_service_error().is_some_and(|s| s.is_username_exists_exception()) {
                return Err(refusal(e));
            }
        }
        self.set_password(username, password).await
    }

    pub async fn set_password(&self, username: &str, password: &str) -> Result<(), Refusal> {
        self.cognito
            .admin_set_user_password()
            .user_pool_id(&self.pool_id)
            .username(username)
            .password(password)
            .permanent(true)
            .send()
            .await
            .map_err(refusal)?;
        Ok(())
    }

    pub async fn sign_in(&self, username: &str, password: &str) -> Result<SignIn, Refusal> {
        let mut req = self
            .cognito
            .admin_initiate_auth()
            .user_pool_id(&self.pool_id)
            .client_id(&self.client_id)
            .auth_flow(AuthFlowType::AdminUserPasswordAuth)
            .auth_parameters("USERNAME", username)
            .auth_parameters("PASSWORD", password);
        if let Some(h) = self.hash(username) {
            req = req.auth_parameters("SECRET_HASH", h);
        }
        let out = req.send().await.map_err(refusal)?;
        let session = out.session().unwrap_or_default().to_owned();
        match out.challenge_name() {
            None => Ok(SignIn::Tokens(tokens(out.authentication_result())?)),
            Some(ChallengeNameType::SoftwareTokenMfa) => Ok(SignIn::Totp { session }),
            Some(ChallengeNameType::MfaSetup) => Ok(SignIn::SetUpTotp { session }),
            Some(other) => {
                tracing::warn!(challenge = other.as_str(), "unexpected sign-in challenge");
                Err(Refusal::Credentials)
            }
        }
    }

    async fn respond(
        &self,
        challenge: ChallengeNameType,
        username: &str,
        session: &str,
        code: Option<&str>,
    ) -> Result<Tokens, Refusal> {
        let mut req = self
            .cognito
            .admin_respond_to_auth_challenge()
            .user_pool_id(&self.pool_id)
            .client_id(&self.client_id)
            .challenge_name(challenge)
            .session(session)
            .challenge_responses("USERNAME", username);
        if let Some(code) = code {
            req = req.challenge_responses("SOFTWARE_TOKEN_MFA_CODE", code);
        }
        if let Some(h) = self.hash(username) {
            req = req.challenge_responses("SECRET_HASH", h);
        }
        let out = req.send().await.map_err(refusal)?;
        if out.challenge_name().is_some() {
            return Err(Refusal::Credentials);
        }
        tokens(out.authentication_result())
    }

    pub async fn answer_totp(&self, username: &str, session: &str, code: &str) -> Result<Tokens, Refusal> {
        self.respond(ChallengeNameType::SoftwareTokenMfa, username, session, Some(code))
            .await
    }

    /// Starts TOTP enrollment: with Cognito's MFA_SETUP session or the user's access token.
    /// Returns the device secret and the session to verify with (when there was one).
    pub async fn associate_totp(
        &self,
        session: Option<&str>,
        access_token: Option<&str>,
    ) -> Result<(String, Option<String>), Refusal> {
        let out = self
            .cognito
            .associate_software_token()
            .set_session(session.map(str::to_owned))
            .set_access_token(access_token.map(str::to_owned))
            .send()
            .await
            .map_err(refusal)?;
        Ok((
            out.secret_code().unwrap_or_default().to_owned(),
            out.session().map(str::to_owned).or(session.map(str::to_owned)),
        ))
    }

    /// Confirms enrollment with a code; with a session it completes the sign-in and returns tokens.
    pub async fn verify_totp(
        &self,
        username: &str,
        session: Option<&str>,
        access_token: Option<&str>,
        code: &str,
    ) -> Result<Option<Tokens>, Refusal> {
        let out = self
            .cognito
            .verify_software_token()
            .set_session(session.map(str::to_owned))
            .set_access_token(access_token.map(str::to_owned))
            .user_code(code)
            .send()
            .await
            .map_err(refusal)?;
        if let Some(token) = access_token {
            self.cognito
                .set_user_mfa_preference()
                .access_token(token)
                .software_token_mfa_settings(
                    SoftwareTokenMfaSettingsType::builder()
                        .enabled(true)
                        .preferred_mfa(true)
                        .build(),
                )
                .send()
                .await
                .map_err(refusal)?;
            return Ok(None);
        }
        let session = out.session().or(session).unwrap_or_default().to_owned();
        self.respond(ChallengeNameType::MfaSetup, username, &session, None)
            .await
            .map(Some)
    }

    pub async fn refresh(&self, username: &str, refresh_token: &str) -> Result<Tokens, Refusal> {
        let mut req = self
            .cognito
            .admin_initiate_auth()
            .user_pool_id(&self.pool_id)
            .client_id(&self.client_id)
            .auth_flow(AuthFlowType::RefreshTokenAuth)
            .auth_parameters("REFRESH_TOKEN", refresh_token);
        if let Some(h) = self.hash(username) {
            req = req.auth_parameters("SECRET_HASH", h);
        }
        let out = req.send().await.map_err(refusal)?;
        let mut t = tokens(out.authentication_result())?;
        t.refresh_token = None;
        Ok(t)
    }

    /// Invalidates every refresh token of the user.
    pub async fn sign_out_everywhere(&self, username: &str) -> Result<(), Refusal> {
        match self
            .cognito
            .admin_user_global_sign_out()
            .user_pool_id(&self.pool_id)
            .username(username)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.as_service_error().is_some_and(|s| s.is_user_not_found_exception()) => Ok(()),
            Err(e) => Err(refusal(e)),
        }
    }

    /// Signs the user out everywhere and deletes them, releasing the username. Idempotent.
    pub async fn remove_user(&self, username: &str) -> ApiResult<()> {
        self.sign_out_everywhere(username).await.map_err(ApiError::from)?;
        match self
            .cognito
            .admin_delete_user()
            .user_pool_id(&self.pool_id)
            .username(username)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.as_service_error().is_some_and(|s| s.is_user_not_found_exception()) => Ok(()),
            Err(e) => Err(from_sdk(e)),
        }
    }
}
