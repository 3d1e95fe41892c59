//! Input validation: a trait request types implement, and the small checks they are made of.

use crate::error::FieldError;

pub trait Validate {
    /// Pushes one [`FieldError`] per invalid field; an empty list means valid.
    fn validate(&self, errors: &mut Vec<FieldError>);
}

/// Collects errors for one request body.
pub struct Checks<'a>(pub &'a mut Vec<FieldError>);

pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 2_000;
pub const MAX_EMAIL: usize = 254;
pub const MAX_PHONE: usize = 40;

impl Checks<'_> {
    fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Non-blank, at most `max` characters.
    pub fn required(&mut self, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.fail(field, "must not be blank");
        } else {
            self.length(field, value, max);
        }
    }

    pub fn length(&mut self, field: &str, value: &str, max: usize) {
        let n = value.chars().count();
        if n > max {
            self.fail(field, format!("must be at most {max} characters, got {n}"));
        }
        if has_control(value) {
            self.fail(field, CONTROL_MESSAGE);
        }
    }

    pub fn optional(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            self.length(field, v, max);
        }
    }

    /// Every line of an address, each as an optional name (`address.city`, …).
    pub fn address(&mut self, field: &str, a: &crate::table::customers::Address) {
        for (line, value) in [
            ("line1", &a.line1),
            ("line2", &a.line2),
            ("city", &a.city),
            ("region", &a.region),
            ("postcode", &a.postcode),
            ("country", &a.country),
        ] {
            self.optional(&format!("{field}.{line}"), value.as_deref(), MAX_NAME);
        }
    }

    pub fn email(&mut self, field: &str, value: Option<&str>) {
        let Some(v) = value else { return };
        self.length(field, v, MAX_EMAIL);
        if !is_email(v) {
            self.fail(field, "must be an email address such as name@example.com");
        }
    }

    pub fn phone(&mut self, field: &str, value: Option<&str>) {
        let Some(v) = value else { return };
        self.length(field, v, MAX_PHONE);
        let ok = v.chars().any(|c| c.is_ascii_digit())
            && v.chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c) || c == 'x');
        if !ok {
            self.fail(field, "must be a phone number: digits, spaces and + - ( ) . x");
        }
    }
}

pub const CONTROL_MESSAGE: &str = "must not contain control characters";

/// Control characters other than line breaks and tabs: what no text field of the API accepts.
pub fn has_control(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
}

/// A deliberately plain check: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_each_bad_field() {
        let mut errors = Vec::new();
        let mut c = Checks(&mut errors);
        c.required("name", "  ", 10);
        c.required("title", &"x".repeat(11), 10);
        c.email("email", Some("not-an-email"));
        c.phone("phone", Some("call me"));
        c.email("ok_email", Some("a.b@example.co.uk"));
        c.phone("ok_phone", Some("+44 (0)20 7946-0000"));
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "title", "email", "phone"]);
    }
}
