//! Verifies bearer tokens as API Gateway's JWT authorizer does: RS256 only, signature by a key from the
//! pool's JWKS, issuer, expiry, and the audience (`aud`, or `client_id` for access tokens).

use std::{collections::HashMap, time::Duration};

use jsonwebtoken::{decode, decode_header, jwk::JwkSet, Algorithm, DecodingKey, Validation};
use serde_json::Value;
use tokio::sync::RwLock;

pub struct Authorizer {
    pub issuer: String,
    pub audiences: Vec<String>,
    jwks_url: String,
    http: reqwest::Client,
    keys: RwLock<HashMap<String, DecodingKey>>,
}

#[derive(Debug, thiserror::Error)]
pub enum Rejected {
    #[error("no bearer token")]
    Missing,
    #[error("token refused")]
    Invalid,
}

impl Authorizer {
    /// `jwks_url` is separate from the issuer: the emulator serves the keys at its own address.
    pub fn new(issuer: String, audiences: Vec<String>, jwks_url: String) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap_or_default();
        Self {
            issuer,
            audiences,
            jwks_url,
            http,
            keys: RwLock::new(HashMap::new()),
        }
    }

    pub fn for_pool(endpoint: &str, region: &str, pool_id: &str, client_id: &str) -> Self {
        Self::new(
            format!("https://cognito-idp.{region}.amazonaws.com/{pool_id}"),
            vec![client_id.to_owned()],
            format!("{}/{pool_id}/.well-known/jwks.json", endpoint.trim_end_matches('/')),
        )
    }

    async fn key(&self, kid: &str) -> Option<DecodingKey> {
        if let Some(k) = self.keys.read().await.get(kid) {
            return Some(k.clone());
        }
        // Unknown key id: fetch the set once more (keys rotate), then give up.
        let set: JwkSet = self.http.get(&self.jwks_url).send().await.ok()?.json().await.ok()?;
        let mut keys = self.keys.write().await;
        for jwk in &set.keys {
            if let (Some(id), Ok(k)) = (jwk.common.key_id.clone(), DecodingKey::from_jwk(jwk)) {
                keys.insert(id, k);
            }
        }
        keys.get(kid).cloned()
    }

    /// The verified claims, rendered as API Gateway hands them to a function: every value a string,
    /// arrays as `[a b]`.
    pub async fn verify(&self, authorization: Option<&str>) -> Result<HashMap<String, String>, Rejected> {
        let token = authorization
            .and_then(|h| h.strip_prefix("Bearer ").or_else(|| h.strip_prefix("bearer ")))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or(Rejected::Missing)?;
        let header = decode_header(token).map_err(|_| Rejected::Invalid)?;
        if header.alg != Algorithm::RS256 {
            return Err(Rejected::Invalid);
        }
        let key = self
            .key(header.kid.as_deref().ok_or(Rejected::Invalid)?)
            .await
            .ok_or(Rejected::Invalid)?;
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&[&self.issuer]);
        validation.validate_aud = false;
        validation.set_required_spec_claims(&["exp", "iss"]);
        validation.leeway = 0;
        let data = decode::<HashMap<String, Value>>(token, &key, &validation).map_err(|_| Rejected::Invalid)?;
        let claims = data.claims;
        let audience = claims
            .get("aud")
            .or_else(|| claims.get("client_id"))
            .and_then(Value::as_str);
        if !audience.is_some_and(|a| self.audiences.iter().any(|x| x == a)) {
            return Err(Rejected::Invalid);
        }
        Ok(claims.into_iter().map(|(k, v)| (k, render(v))).collect())
    }
}

/// A token's claims rendered as API Gateway would, without verifying it: for tools that hold a token
/// they just got from the emulator (the benchmark builds its events from them).
pub fn unverified_claims(token: &str) -> Option<HashMap<String, String>> {
    use base64::Engine;
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: HashMap<String, Value> = serde_json::from_slice(&bytes).ok()?;
    Some(claims.into_iter().map(|(k, v)| (k, render(v))).collect())
}

fn render(v: Value) -> String {
    match v {
        Value::String(s) => s,
        Value::Array(items) => {
            let parts: Vec<String> = items.into_iter().map(render).collect();
            format!("[{}]", parts.join(" "))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_render_like_api_gateway() {
        assert_eq!(render(serde_json::json!(["supervisor", "agent"])), "[supervisor agent]");
        assert_eq!(render(serde_json::json!(17)), "17");
        assert_eq!(render(serde_json::json!("x")), "x");
    }

    #[tokio::test]
    async fn missing_and_malformed_tokens_are_refused_without_network() {
        let a = Authorizer::new("iss".into(), vec!["aud".into()], "http://127.0.0.1:9/jwks".into());
        assert!(matches!(a.verify(None).await, Err(Rejected::Missing)));
        assert!(matches!(a.verify(Some("Basic abc")).await, Err(Rejected::Missing)));
        assert!(matches!(
            a.verify(Some("Bearer not.a.jwt")).await,
            Err(Rejected::Invalid)
        ));
        // An unsigned token ("alg": "none") is refused before any key is looked up.
        let none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJpc3MiLCJhdWQiOiJhdWQifQ.";
        assert!(matches!(
            a.verify(Some(&format!("Bearer {none}"))).await,
            Err(Rejected::Invalid)
        ));
    }
}
