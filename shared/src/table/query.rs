//! Queries: one page of a partition of the table or of a GSI.

use aws_sdk_dynamodb::types::AttributeValue;

use super::{keys, Condition, Entity, Item, Table};
use crate::{
    error::{from_sdk, ApiResult},
    pagination::{decode_cursor, encode_cursor, Page, PageParams},
};

/// A Query over one partition of the table or of GSI1, optionally narrowed to a sort-key prefix.
#[derive(Clone, Debug)]
pub struct QuerySpec {
    pub index: Option<&'static str>,
    pub partition: String,
    pub sort_prefix: Option<String>,
    /// Only sort keys below this value (for "everything due before now").
    pub sort_below: Option<String>,
    /// With `sort_below`: only sort keys from this value on (a range).
    pub sort_from: Option<String>,
    pub newest_first: bool,
    /// Keep only items whose attribute contains the text. DynamoDB reads `limit + 1` items and then
    /// filters, so a page may hold fewer matches; its cursor continues the search.
    pub contains: Option<(&'static str, String)>,
    /// Keep only items whose attributes equal these strings (same page semantics as `contains`).
    pub equals: Vec<(&'static str, String)>,
    /// Keep only items that meet this condition (same page semantics as `contains`).
    pub filter: Option<Condition>,
}

impl QuerySpec {
    pub fn table(partition: String, sort_prefix: impl Into<String>) -> Self {
        Self {
            index: None,
            partition,
            sort_prefix: Some(sort_prefix.into()),
            sort_below: None,
            sort_from: None,
            newest_first: false,
            contains: None,
            equals: Vec::new(),
            filter: None,
        }
    }

    pub fn gsi1(partition: String) -> Self {
        Self {
            index: Some(keys::GSI1),
            partition,
            sort_prefix: None,
            sort_below: None,
            sort_from: None,
            newest_first: false,
            contains: None,
            equals: Vec::new(),
            filter: None,
        }
    }

    pub fn gsi2(partition: String) -> Self {
        Self {
            index: Some(keys::GSI2),
            partition,
            sort_prefix: None,
            sort_below: None,
            sort_from: None,
            newest_first: false,
            contains: None,
            equals: Vec::new(),
            filter: None,
        }
    }

    pub fn gsi3(partition: String) -> Self {
        Self {
            index: Some(keys::GSI3),
            ..Self::gsi1(partition)
        }
    }

    /// Newest first (descending sort key).
    pub fn newest_first(mut self) -> Self {
        self.newest_first = true;
        self
    }

    fn attrs(&self) -> (&'static str, &'static str) {
        match self.index {
            Some(keys::GSI2) => (keys::GSI2PK, keys::GSI2SK),
            Some(keys::GSI3) => (keys::GSI3PK, keys::GSI3SK),
            Some(_) => (keys::GSI1PK, keys::GSI1SK),
            None => (keys::PK, keys::SK),
        }
    }

    /// The sort-key attribute of the index (or table) queried.
    pub fn sort_attr(&self) -> &'static str {
        self.attrs().1
    }

    fn key_attrs(&self) -> Vec<&'static str> {
        match self.index {
            None => vec![keys::PK, keys::SK],
            Some(_) => {
                let (pk, sk) = self.attrs();
                vec![keys::PK, keys::SK, pk, sk]
            }
        }
    }
}

impl Table {
    /// One page: reads at most `limit + 1` items, the extra one only to learn whether a next page exists.
    pub async fn query_page<E: Entity>(&self, spec: &QuerySpec, params: &PageParams) -> ApiResult<Page<E>> {
        let limit = params.limit()?;
        let (pk_attr, sk_attr) = spec.attrs();
        let key_attrs = spec.key_attrs();
        let start = params
            .cursor
            .as_deref()
            .map(|c| {
                decode_cursor(
                    c,
                    &key_attrs,
                    pk_attr,
                    &spec.partition,
                    sk_attr,
                    spec.sort_prefix.as_deref(),
                )
            })
            .transpose()?;
        let mut q = self
            .client
            .query()
            .table_name(&self.name)
            .set_index_name(spec.index.map(str::to_owned))
            .expression_attribute_names("#pk", pk_attr)
            .expression_attribute_values(":pk", AttributeValue::S(spec.partition.clone()))
            .scan_index_forward(!spec.newest_first)
            .limit(limit as i32 + 1)
            .set_exclusive_start_key(start);
        q = match (&spec.sort_prefix, &spec.sort_below) {
            (_, Some(upper)) if spec.sort_from.is_some() => q
                .key_condition_expression("#pk = :pk AND #sk BETWEEN :lower AND :upper")
                .expression_attribute_names("#sk", sk_attr)
                .expression_attribute_values(":lower", AttributeValue::S(spec.sort_from.clone().unwrap_or_default()))
                .expression_attribute_values(":upper", AttributeValue::S(upper.clone())),
            (_, Some(upper)) => q
                .key_condition_expression("#pk = :pk AND #sk < :upper")
                .expression_attribute_names("#sk", sk_attr)
                .expression_attribute_values(":upper", AttributeValue::S(upper.clone())),
            (Some(prefix), None) => q
                .key_condition_expression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expression_attribute_names("#sk", sk_attr)
                .expression_attribute_values(":prefix", AttributeValue::S(prefix.clone())),
            (None, None) => q.key_condition_expression("#pk = :pk"),
        };
        let mut filters = Vec::new();
        if let Some((attr, needle)) = &spec.contains {
            filters.push("contains(#filter, :needle)".to_owned());
            q = q
                .expression_attribute_names("#filter", *attr)
                .expression_attribute_values(":needle", AttributeValue::S(needle.clone()));
        }
        for (i, (attr, value)) in spec.equals.iter().enumerate() {
            filters.push(format!("#eq{i} = :eq{i}"));
            q = q
                .expression_attribute_names(format!("#eq{i}"), *attr)
                .expression_attribute_values(format!(":eq{i}"), AttributeValue::S(value.clone()));
        }
        if let Some(condition) = &spec.filter {
            let c = condition.render();
            filters.push(format!("({})", c.expression));
            for (k, v) in c.names {
                q = q.expression_attribute_names(k, v);
            }
            for (k, v) in c.values {
                q = q.expression_attribute_values(k, v);
            }
        }
        if !filters.is_empty() {
            q = q.filter_expression(filters.join(" AND "));
        }
        let out = q.send().await.map_err(from_sdk)?;
        let last_evaluated = out.last_evaluated_key.clone();
        let mut raw = out.items.unwrap_or_default();
        let items_read = usize::try_from(out.scanned_count).unwrap_or(raw.len()).max(raw.len());
        let next_cursor = if raw.len() > limit as usize {
            raw.truncate(limit as usize);
            raw.last().map(|last| {
                let k: Item = key_attrs
                    .iter()
                    .filter_map(|a| last.get(*a).map(|v| ((*a).to_owned(), v.clone())))
                    .collect();
                encode_cursor(&k)
            })
        } else if spec.contains.is_some() || !spec.equals.is_empty() || spec.filter.is_some() {
            last_evaluated.as_ref().map(encode_cursor)
        } else {
            None
        };
        let items = raw.into_iter().map(E::from_item).collect::<ApiResult<Vec<_>>>()?;
        Ok(Page {
            items,
            next_cursor,
            items_read,
        })
    }
}
