//! Counters: aggregates kept by `ADD` in the same transaction as the change that moves them, so a panel
//! reads one item whatever the size of the data behind it, and the counts never drift from the records.

use std::collections::BTreeMap;

use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};

use super::{Action, PrimaryKey, Table};
use crate::error::{from_sdk, ApiError, ApiResult};

/// Counter name → amount.
pub type Counts = BTreeMap<String, i64>;

/// What moves when one record goes from contributing `before` to contributing `after`; zero entries dropped.
pub fn delta(before: &Counts, after: &Counts) -> Counts {
    let mut d = after.clone();
    for (k, v) in before {
        *d.entry(k.clone()).or_insert(0) -= v;
    }
    d.retain(|_, v| *v != 0);
    d
}

/// The twelve months up to `today`'s, oldest first, as (year, month): the span every monthly panel shows.
pub fn last_twelve_months(today: time::Date) -> Vec<(i32, u8)> {
    let (mut year, mut month) = (today.year(), u8::from(today.month()));
    let mut months = Vec::with_capacity(12);
    for _ in 0..12 {
        months.push((year, month));
        (year, month) = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
    }
    months.reverse();
    months
}

/// Adds `sign` times `counts` to `into`.
pub fn add(into: &mut Counts, counts: Counts, sign: i64) {
    for (k, v) in counts {
        *into.entry(k).or_insert(0) += sign * v;
    }
}

impl Table {
    /// An Update adding `counts` to the item `key` names (made on first use, its `entity` set to
    /// `entity`); `None` when nothing moves.
    pub fn add_counts(
        &self,
        name: &'static str,
        key: PrimaryKey,
        entity: &str,
        counts: &Counts,
    ) -> ApiResult<Option<Action>> {
        if counts.is_empty() {
            return Ok(None);
        }
        let mut adds = Vec::with_capacity(counts.len());
        let mut update = Update::builder()
            .table_name(&self.name)
            .set_key(Some(key.item()))
            .expression_attribute_names("#entity", "entity")
            .expression_attribute_values(":entity", AttributeValue::S(entity.into()));
        for (i, (k, v)) in counts.iter().enumerate() {
            adds.push(format!("#c{i} :c{i}"));
            update = update
                .expression_attribute_names(format!("#c{i}"), k)
                .expression_attribute_values(format!(":c{i}"), AttributeValue::N(v.to_string()));
        }
        let update = update
            .update_expression(format!("SET #entity = :entity ADD {}", adds.join(", ")))
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(Some(Action::new(
            name,
            TransactWriteItem::builder().update(update).build(),
        )))
    }

    /// The numeric attributes of the item `key` names (none when it does not exist yet).
    pub async fn counts(&self, key: PrimaryKey) -> ApiResult<Counts> {
        let out = self
            .client
            .get_item()
            .table_name(&self.name)
            .set_key(Some(key.item()))
            .send()
            .await
            .map_err(from_sdk)?;
        Ok(numbers(out.item.unwrap_or_default()))
    }

    /// The counts of several items in one round trip (up to 100), in the order of `keys`; a missing item
    /// counts nothing.
    pub async fn counts_many(&self, keys: Vec<PrimaryKey>) -> ApiResult<Vec<Counts>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let mut found: Vec<(PrimaryKey, Counts)> = self
            .batch_get(keys.clone())
            .await?
            .into_iter()
            .filter_map(|item| Some((PrimaryKey::of(&item)?, numbers(item))))
            .collect();
        Ok(keys
            .iter()
            .map(|key| match found.iter().position(|(k, _)| k == key) {
                Some(at) => found.swap_remove(at).1,
                None => Counts::new(),
            })
            .collect())
    }
}

/// The numeric attributes of an item.
pub fn numbers(item: super::Item) -> Counts {
    item.into_iter()
        .filter_map(|(k, v)| Some((k, v.as_n().ok()?.parse::<i64>().ok()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_is_after_minus_before_without_zeros() {
        let before = Counts::from([("a".into(), 1), ("b".into(), 2)]);
        let after = Counts::from([("b".into(), 2), ("c".into(), 1)]);
        assert_eq!(
            delta(&before, &after),
            Counts::from([("a".into(), -1), ("c".into(), 1)])
        );
    }
}
