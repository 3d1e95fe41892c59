//! Client groups: customers grouped (regional under national) so that a contact staff grant a group
//! may see each of its customers' portals, or the whole group at once.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{keys, Entity, PrimaryKey, QuerySpec, Table, Versioned};
use crate::{error::ApiResult, pagination::PageParams};

/// How deep groups nest: a national group, its regions and their areas.
pub const MAX_DEPTH: usize = 3;
/// The most customers one group names itself.
pub const MAX_MEMBERS: usize = 500;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ClientGroup {
    pub id: String,
    pub name: String,
    /// The group it sits in, if any.
    pub parent_id: Option<String>,
    /// The customers it names itself (its child groups' customers belong to it too).
    pub customer_ids: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for ClientGroup {
    const TYPE: &'static str = "client_group";
    type Id<'a> = &'a str;

    fn key(id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::group(id), keys::GROUP)
    }

    fn id(&self) -> &str {
        &self.id
    }

    /// Every group by name.
    fn gsi1(&self) -> Option<(String, String)> {
        Some((keys::GROUPS.into(), keys::by_name(&self.name, &self.id)))
    }

    /// The children of a group (sparse: top-level groups have no parent).
    fn gsi2(&self) -> Option<(String, String)> {
        self.parent_id
            .as_ref()
            .map(|p| (keys::child_groups(p), self.id.clone()))
    }
}

impl Versioned for ClientGroup {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl ClientGroup {
    /// Every group by name (staff).
    pub fn all() -> QuerySpec {
        QuerySpec::gsi1(keys::GROUPS.into())
    }

    fn children(parent_id: &str) -> QuerySpec {
        QuerySpec::gsi2(keys::child_groups(parent_id))
    }
}

impl Table {
    /// The groups below `group`, level by level (at most [`MAX_DEPTH`] levels).
    pub async fn descendants(&self, group: &ClientGroup) -> ApiResult<Vec<ClientGroup>> {
        let mut found = Vec::new();
        let mut level = vec![group.id.clone()];
        for _ in 1..MAX_DEPTH {
            let mut next = Vec::new();
            for parent in &level {
                let mut page = PageParams {
                    limit: Some(100),
                    cursor: None,
                };
                loop {
                    let children = self
                        .query_page::<ClientGroup>(&ClientGroup::children(parent), &page)
                        .await?;
                    next.extend(children.items);
                    match children.next_cursor {
                        Some(c) => page.cursor = Some(c),
                        None => break,
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            level = next.iter().map(|g| g.id.clone()).collect();
            found.extend(next);
        }
        Ok(found)
    }

    /// The group and every customer it holds, its child groups' included, in order and without repeats.
    pub async fn group_members(&self, group_id: &str) -> ApiResult<Option<(ClientGroup, Vec<String>)>> {
        let Some(group) = self.get::<ClientGroup>(group_id).await? else {
            return Ok(None);
        };
        let mut members = group.customer_ids.clone();
        for g in self.descendants(&group).await? {
            for c in g.customer_ids {
                if !members.contains(&c) {
                    members.push(c);
                }
            }
        }
        Ok(Some((group, members)))
    }
}
