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
}

/// The templates: `<name>.subject`, `<name>.html`, `<name>.txt` for each email.
const TEMPLATES: &[(&str, &str)] = &[
    ("invitation.subject", include_str!("templates/invitation.subject")),
    ("invitation.html", include_str!("templates/invitation.html")),
    ("invitation.txt", include_str!("templates/invitation.txt")),
    ("reset.subject", include_str!("templates/reset.subject")),
    ("reset.html", include_str!("templates/reset.html")),
    ("reset.txt", include_str!("templates/reset.txt")),
    (
        "ticket-created.subject",
        include_str!("templates/ticket-created.subject"),
    ),
    ("ticket-created.html", include_str!("templates/ticket-created.html")),
    ("ticket-created.txt", include_str!("templates/ticket-created.txt")),
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
    })
}

/// Sends through SES (the classic API, which the emulator also serves).
pub async fn send(ses: &aws_sdk_ses::Client, from: &str, email: &Email) -> ApiResult<()> {
    use aws_sdk_ses::types::{Body, Content, Destination, Message};
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
}
