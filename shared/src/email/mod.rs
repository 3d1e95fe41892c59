//! Emails rendered by the app (SES templates are not used) and sent through SES.

use minijinja::Environment;
use serde::Serialize;
use std::sync::OnceLock;

use crate::error::{from_sdk, ApiError, ApiResult};

/// A rendered email.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub html: String,
    pub text: String,
    /// The one-click unsubscribe address (RFC 8058), sent as `List-Unsubscribe` with
    /// `List-Unsubscribe-Post`; emails one cannot opt out of (access links) have none.
    pub unsubscribe: Option<String>,
}

/// The templates: `<name>.subject`, `<name>.html`, `<name>.txt` for each email.
const TEMPLATES: &[(&str, &str)] = &[
    ("invitation.subject", include_str!("templates/invitation.subject")),
    ("invitation.html", include_str!("templates/invitation.html")),
    ("invitation.txt", include_str!("templates/invitation.txt")),
    ("reset.subject", include_str!("templates/reset.subject")),
    ("reset.html", include_str!("templates/reset.html")),
    ("reset.txt", include_str!("templates/reset.txt")),
    ("ticket-notice.subject", include_str!("templates/ticket-notice.subject")),
    ("ticket-notice.html", include_str!("templates/ticket-notice.html")),
    ("ticket-notice.txt", include_str!("templates/ticket-notice.txt")),
    ("ticket-email.subject", include_str!("templates/ticket-email.subject")),
    ("ticket-email.html", include_str!("templates/ticket-email.html")),
    ("ticket-email.txt", include_str!("templates/ticket-email.txt")),
    (
        "sheet-submitted.subject",
        include_str!("templates/sheet-submitted.subject"),
    ),
    ("sheet-submitted.html", include_str!("templates/sheet-submitted.html")),
    ("sheet-submitted.txt", include_str!("templates/sheet-submitted.txt")),
    ("quote-decided.subject", include_str!("templates/quote-decided.subject")),
    ("quote-decided.html", include_str!("templates/quote-decided.html")),
    ("quote-decided.txt", include_str!("templates/quote-decided.txt")),
    (
        "support-notice.subject",
        include_str!("templates/support-notice.subject"),
    ),
    ("support-notice.html", include_str!("templates/support-notice.html")),
    ("support-notice.txt", include_str!("templates/support-notice.txt")),
    (
        "monthly-report.subject",
        include_str!("templates/monthly-report.subject"),
    ),
    ("monthly-report.html", include_str!("templates/monthly-report.html")),
    ("monthly-report.txt", include_str!("templates/monthly-report.txt")),
];

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // HTML templates escape every value; text templates do not.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                tracing::error!(template = name, error = %e, "email template does not compile");
            }
        }
        env
    })
}

pub fn render<C: Serialize>(name: &str, to: &str, context: &C) -> ApiResult<Email> {
    let part = |suffix: &str| -> ApiResult<String> {
        env()
            .get_template(&format!("{name}.{suffix}"))
            .and_then(|t| t.render(context))
            .map_err(|e| {
                tracing::error!(template = name, error = %e, "email template failed");
                ApiError::Internal
            })
    };
    Ok(Email {
        to: to.to_owned(),
        subject: part("subject")?.trim().to_owned(),
        html: part("html")?,
        text: part("txt")?,
        unsubscribe: None,
    })
}

/// Sends through SES (the classic API, which the emulator also serves): raw MIME when the email
/// carries unsubscribe headers, which `SendEmail` cannot set.
pub async fn send(ses: &aws_sdk_ses::Client, from: &str, email: &Email) -> ApiResult<()> {
    use aws_sdk_ses::types::{Body, Content, Destination, Message, RawMessage};
    if let Some(unsubscribe) = &email.unsubscribe {
        let raw = mime(from, email, unsubscribe)?;
        ses.send_raw_email()
            .source(from)
            .destinations(&email.to)
            .raw_message(
                RawMessage::builder()
                    .data(aws_smithy_types::Blob::new(raw))
                    .build()
                    .map_err(|_| ApiError::Internal)?,
            )
            .send()
            .await
            .map_err(from_sdk)?;
        return Ok(());
    }
    let content = |s: &str| {
        Content::builder()
            .data(s)
            .charset("UTF-8")
            .build()
            .map_err(|_| ApiError::Internal)
    };
    let message = Message::builder()
        .subject(content(&email.subject)?)
        .body(
            Body::builder()
                .html(content(&email.html)?)
                .text(content(&email.text)?)
                .build(),
        )
        .build();
    ses.send_email()
        .source(from)
        .destination(Destination::builder().to_addresses(&email.to).build())
        .message(message)
        .send()
        .await
        .map_err(from_sdk)?;
    Ok(())
}

/// The email as a MIME message with `List-Unsubscribe` (the one-click address) and
/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`.
fn mime(from: &str, email: &Email, unsubscribe: &str) -> ApiResult<Vec<u8>> {
    use mail_builder::{headers::raw::Raw, MessageBuilder};
    MessageBuilder::new()
        .from(from)
        .to(email.to.as_str())
        .subject(email.subject.as_str())
        .header("List-Unsubscribe", Raw::new(format!("<{unsubscribe}>")))
        .header("List-Unsubscribe-Post", Raw::new("List-Unsubscribe=One-Click"))
        .text_body(email.text.as_str())
        .html_body(email.html.as_str())
        .write_to_vec()
        .map_err(|_| ApiError::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitation_escapes_html_and_carries_the_link() -> Result<(), ApiError> {
        let ctx = serde_json::json!({
            "first_name": "<b>Al</b>", "company": "Acme & Co", "username": "al.acme",
            "link": "https://portal.example.com/activate?token=abc", "days": 3, "portal_url": "https://portal.example.com"
        });
        let e = render("invitation", "al@acme.example", &ctx)?;
        assert!(
            e.html.contains("&lt;b&gt;Al&lt;") && !e.html.contains("<b>Al"),
            "{}",
            e.html
        );
        assert!(
            e.html.contains("activate?token=abc"),
            "the link, its slashes escaped as entities"
        );
        assert!(e.text.contains("<b>Al</b>"), "text is not HTML-escaped");
        assert!(e.text.contains("al.acme"));
        assert!(e.subject.contains("Acme & Co"));
        Ok(())
    }

    #[test]
    fn an_email_with_an_unsubscribe_address_carries_the_one_click_headers() -> Result<(), ApiError> {
        let mut e = render(
            "support-notice",
            "al@acme.example",
            &serde_json::json!({ "first_name": "Al", "company": "Acme", "support_end": "2027-01-31", "portal_url": "https://p.example" }),
        )?;
        e.unsubscribe = Some("https://p.example/portal/auth/unsubscribe/abc".into());
        let raw = String::from_utf8(mime(
            "portal@biz.example",
            &e,
            "https://p.example/portal/auth/unsubscribe/abc",
        )?)
        .map_err(|_| ApiError::Internal)?;
        assert!(
            raw.contains("List-Unsubscribe: <https://p.example/portal/auth/unsubscribe/abc>"),
            "{raw}"
        );
        assert!(
            raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{raw}"
        );
        assert!(raw.contains("text/plain") && raw.contains("text/html"));
        Ok(())
    }
}
