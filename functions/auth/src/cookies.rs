//! The browser's session: the refresh token and the username it belongs to, in two `HttpOnly` cookies
//! scoped to `/portal/auth`, so no script ever reads the refresh token and no other route receives it.
//! `SameSite=Strict` keeps other sites' pages from sending them, and the routes that read them take
//! JSON bodies only ([`shared::extract::JsonBody`] answers 415 otherwise), which no cross-site form can send.

use axum::{
    extract::FromRequestParts,
    http::{header, request::Parts, HeaderName},
};
use shared::{config::Config, error::ApiError, identity::REFRESH_TOKEN_HOURS};

pub const REFRESH_COOKIE: &str = "portal_refresh";
pub const USER_COOKIE: &str = "portal_user";
pub const COOKIE_PATH: &str = "/portal/auth";

/// The cookies' lifetime: the refresh token's own.
pub const MAX_AGE_SECONDS: i64 = REFRESH_TOKEN_HOURS as i64 * 3600;

/// `Set-Cookie` headers a handler answers with (none for API clients that keep the token themselves).
pub type SetCookies = axum::response::AppendHeaders<Vec<(HeaderName, String)>>;

pub fn none() -> SetCookies {
    axum::response::AppendHeaders(Vec::new())
}

/// `Secure` everywhere but a local portal served over plain HTTP.
fn secure(config: &Config) -> bool {
    !config.portal_url.as_deref().is_some_and(|u| u.starts_with("http://"))
}

fn cookie(config: &Config, name: &str, value: &str, max_age: i64) -> (HeaderName, String) {
    let secure = if secure(config) { "; Secure" } else { "" };
    (
        header::SET_COOKIE,
        format!(
            "{name}={}; HttpOnly; SameSite=Strict; Path={COOKIE_PATH}; Max-Age={max_age}{secure}",
            encode(value)
        ),
    )
}

/// A signed-in browser's session: the refresh token and the username.
pub fn session(config: &Config, username: &str, refresh_token: &str) -> SetCookies {
    axum::response::AppendHeaders(vec![
        cookie(config, REFRESH_COOKIE, refresh_token, MAX_AGE_SECONDS),
        cookie(config, USER_COOKIE, username, MAX_AGE_SECONDS),
    ])
}

/// Both cookies removed (same attributes, `Max-Age=0`).
pub fn cleared(config: &Config) -> SetCookies {
    axum::response::AppendHeaders(vec![
        cookie(config, REFRESH_COOKIE, "", 0),
        cookie(config, USER_COOKIE, "", 0),
    ])
}

/// Percent-encodes everything but RFC 3986's unreserved characters: a refresh token (base64url and
/// dots) is unchanged, and nothing can break out of the cookie value.
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

pub fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The session cookies the request carries, if any (an empty or undecodable value counts as absent).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SessionCookies {
    pub username: Option<String>,
    pub refresh_token: Option<String>,
}

impl SessionCookies {
    pub fn from_headers(headers: &axum::http::HeaderMap) -> Self {
        let mut found = Self::default();
        let pairs = headers
            .get_all(header::COOKIE)
            .into_iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'));
        for pair in pairs {
            let Some((name, value)) = pair.trim().split_once('=') else {
                continue;
            };
            let value = decode(value.trim().trim_matches('"')).filter(|v| !v.is_empty());
            match name.trim() {
                REFRESH_COOKIE => found.refresh_token = value,
                USER_COOKIE => found.username = value,
                _ => {}
            }
        }
        found
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SessionCookies {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::from_headers(&parts.headers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderValue};

    fn config(portal_url: Option<&str>) -> Config {
        Config {
            portal_url: portal_url.map(str::to_owned),
            ..Config::default()
        }
    }

    fn values(cookies: SetCookies) -> Vec<String> {
        cookies.0.into_iter().map(|(_, v)| v).collect()
    }

    #[test]
    fn session_cookies_are_http_only_strict_and_scoped_to_auth() {
        let local = values(session(
            &config(Some("http://127.0.0.1:3000")),
            "pat.o'neil",
            "abc.DEF-1_2",
        ));
        assert_eq!(
            local,
            [
                "portal_refresh=abc.DEF-1_2; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=43200",
                "portal_user=pat.o%27neil; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=43200",
            ]
        );
        let deployed = values(session(&config(Some("https://portal.example.com")), "u", "t"));
        assert!(
            deployed.iter().all(|c| c.ends_with("; Max-Age=43200; Secure")),
            "{deployed:?}"
        );
        let unset = values(cleared(&config(None)));
        assert_eq!(
            unset[0], "portal_refresh=; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=0; Secure",
            "Secure unless the portal is plain HTTP"
        );
    }

    #[test]
    fn cookies_are_read_back_whatever_else_the_browser_sends() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; portal_user=pat.o%27neil"),
        );
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("portal_refresh=abc.DEF; other=1"),
        );
        let found = SessionCookies::from_headers(&headers);
        assert_eq!(
            found,
            SessionCookies {
                username: Some("pat.o'neil".into()),
                refresh_token: Some("abc.DEF".into())
            }
        );
        let mut cleared = HeaderMap::new();
        cleared.append(
            header::COOKIE,
            HeaderValue::from_static("portal_refresh=; portal_user=%zz"),
        );
        assert_eq!(SessionCookies::from_headers(&cleared), SessionCookies::default());
    }

    #[test]
    fn encoding_round_trips() {
        for s in ["plain", "a b;c=d,e\"f\\g", "ünï"] {
            assert_eq!(decode(&encode(s)).as_deref(), Some(s));
        }
    }
}
