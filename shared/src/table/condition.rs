//! Conditions on the item a write touches, built from typed parts rather than expression strings
//! (modyne's `expr.rs` is the model). Values are serde values; attribute names and values reach
//! DynamoDB through numbered placeholders, so no name is ever a reserved word and no value is ever
//! spliced into the expression.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;
use serde::Serialize;

use super::keys;
use crate::error::{ApiError, ApiResult};

/// A condition: its terms all hold (`AND`), or, from [`Condition::any`], one of them holds (`OR`).
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    terms: Vec<Term>,
    any: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Term {
    Exists(&'static str),
    Missing(&'static str),
    Compare(&'static str, &'static str, AttributeValue),
    Group(Condition),
}

/// A condition as DynamoDB takes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    pub expression: String,
    pub names: HashMap<String, String>,
    pub values: HashMap<String, AttributeValue>,
}

impl Rendered {
    pub fn names(&self) -> Option<HashMap<String, String>> {
        (!self.names.is_empty()).then(|| self.names.clone())
    }

    pub fn values(&self) -> Option<HashMap<String, AttributeValue>> {
        (!self.values.is_empty()).then(|| self.values.clone())
    }
}

impl Condition {
    fn one(term: Term) -> Self {
        Self {
            terms: vec![term],
            any: false,
        }
    }

    /// The item exists.
    pub fn exists() -> Self {
        Self::one(Term::Exists(keys::PK))
    }

    /// No item has this key yet.
    pub fn not_exists() -> Self {
        Self::one(Term::Missing(keys::PK))
    }

    /// The item exists and is not archived.
    pub fn not_archived() -> Self {
        Self::exists().and(Self::one(Term::Compare("archived", "=", AttributeValue::Bool(false))))
    }

    /// Nobody changed the item since it was read at `version`.
    pub fn at_version(version: u64) -> Self {
        Self::one(Term::Compare(
            keys::VERSION,
            "=",
            AttributeValue::N(version.to_string()),
        ))
    }

    /// The attribute does not exist.
    pub fn missing(attribute: &'static str) -> Self {
        Self::one(Term::Missing(attribute))
    }

    /// The attribute equals the value.
    pub fn eq(attribute: &'static str, value: impl Serialize) -> ApiResult<Self> {
        Ok(Self::one(Term::Compare(attribute, "=", attribute_value(value)?)))
    }

    /// The attribute differs from the value (or is absent).
    pub fn ne(attribute: &'static str, value: impl Serialize) -> ApiResult<Self> {
        Ok(Self::one(Term::Compare(attribute, "<>", attribute_value(value)?)))
    }

    /// The attribute is below the value.
    pub fn lt(attribute: &'static str, value: impl Serialize) -> ApiResult<Self> {
        Ok(Self::one(Term::Compare(attribute, "<", attribute_value(value)?)))
    }

    /// Both hold.
    pub fn and(mut self, other: Self) -> Self {
        if self.any {
            self = Self::one(Term::Group(self));
        }
        if other.any {
            self.terms.push(Term::Group(other));
        } else {
            self.terms.extend(other.terms);
        }
        self
    }

    /// At least one of the conditions holds.
    pub fn any(conditions: impl IntoIterator<Item = Self>) -> Self {
        Self {
            terms: conditions.into_iter().map(Term::Group).collect(),
            any: true,
        }
    }

    pub fn render(&self) -> Rendered {
        let mut out = Rendered::default();
        out.expression = self.render_into(&mut out);
        out
    }

    fn render_into(&self, out: &mut Rendered) -> String {
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|term| match term {
                Term::Exists(a) => format!("attribute_exists({})", name(out, a)),
                Term::Missing(a) => format!("attribute_not_exists({})", name(out, a)),
                Term::Compare(a, op, v) => {
                    let n = name(out, a);
                    let placeholder = format!(":v{}", out.values.len());
                    out.values.insert(placeholder.clone(), v.clone());
                    format!("{n} {op} {placeholder}")
                }
                Term::Group(c) if c.terms.len() > 1 => format!("({})", c.render_into(out)),
                Term::Group(c) => c.render_into(out),
            })
            .collect();
        parts.join(if self.any { " OR " } else { " AND " })
    }
}

/// The placeholder of an attribute name, one per name.
fn name(out: &mut Rendered, attribute: &str) -> String {
    if let Some((placeholder, _)) = out.names.iter().find(|(_, a)| a.as_str() == attribute) {
        return placeholder.clone();
    }
    let placeholder = format!("#n{}", out.names.len());
    out.names.insert(placeholder.clone(), attribute.to_owned());
    placeholder
}

fn attribute_value(value: impl Serialize) -> ApiResult<AttributeValue> {
    serde_dynamo::to_attribute_value(value).map_err(|e| {
        tracing::error!(error = %e, "could not serialize a condition value");
        ApiError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_numbered_placeholders() {
        let r = Condition::not_archived().and(Condition::at_version(3)).render();
        assert_eq!(r.expression, "attribute_exists(#n0) AND #n1 = :v0 AND #n2 = :v1");
        assert_eq!(r.names["#n0"], "PK");
        assert_eq!(r.names["#n1"], "archived");
        assert_eq!(r.names["#n2"], "version");
        assert_eq!(r.values[":v0"], AttributeValue::Bool(false));
        assert_eq!(r.values[":v1"], AttributeValue::N("3".into()));
    }

    #[test]
    fn groups_alternatives() -> ApiResult<()> {
        let r = Condition::exists()
            .and(Condition::any([
                Condition::missing("lease_until"),
                Condition::lt("lease_until", 10)?,
            ]))
            .render();
        assert_eq!(
            r.expression,
            "attribute_exists(#n0) AND (attribute_not_exists(#n1) OR #n1 < :v0)"
        );
        assert_eq!(r.values[":v0"], AttributeValue::N("10".into()));
        Ok(())
    }

    #[test]
    fn takes_serde_values() -> ApiResult<()> {
        #[derive(Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Status {
            InProgress,
        }
        let r = Condition::eq("status", Status::InProgress)?.render();
        assert_eq!(r.values[":v0"], AttributeValue::S("in_progress".into()));
        Ok(())
    }
}
