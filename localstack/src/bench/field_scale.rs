//! The benchmark customer's field service: sites with 40 assets and 200 defects each (5,000 sites make
//! 200,000 assets and 1,000,000 defects), written in bulk with every counter a recount of them, so the
//! portal's field-service routes read what they would read for such a customer.

use std::collections::BTreeMap;

use shared::{
    table::{
        assets::Asset,
        counters::{add, Counts},
        defects::{Defect, DefectStatus},
        sites::{field_counts_key, Severity, Site},
    },
    Context,
};
use time::{Duration, OffsetDateTime};

use crate::provision::BoxError;

/// Sites at each measurement, beside the tickets of [`super::dynamo_work::SIZES`].
pub const SITES: [usize; 3] = [10, 1_000, 5_000];
pub const ASSETS_PER_SITE: usize = 40;
pub const DEFECTS_PER_SITE: usize = 200;
const KINDS: [&str; 5] = [
    "extinguisher",
    "exit_light",
    "emergency_light",
    "fire_door",
    "alarm_panel",
];

/// Adds sites `from..to` to the customer, with their assets, defects and counters.
pub async fn grow(ctx: &Context, customer_id: &str, from: usize, to: usize) -> Result<(), BoxError> {
    let now = OffsetDateTime::now_utc();
    let mut customer = Counts::new();
    for first in (from..to).step_by(50) {
        let last = (first + 50).min(to);
        let (mut sites, mut assets, mut defects) = (Vec::new(), Vec::new(), Vec::new());
        let mut site_counts: BTreeMap<String, Counts> = BTreeMap::new();
        for n in first..last {
            let site = Site {
                id: shared::ids::new_id(),
                customer_id: customer_id.to_owned(),
                name: format!("Benchmark site {n:05}"),
                address: Default::default(),
                latitude: Some(50.0 + (n % 400) as f64 / 100.0),
                longitude: Some(-3.0 + (n / 400) as f64 / 10.0),
                notes: None,
                created_at: now,
                updated_at: now,
                version: 1,
            };
            let mut site_assets: Vec<Asset> = (0..ASSETS_PER_SITE)
                .map(|a| Asset {
                    id: shared::ids::new_id(),
                    customer_id: customer_id.to_owned(),
                    site_id: site.id.clone(),
                    asset_type: KINDS[a % KINDS.len()].into(),
                    identifier: format!("B{n:05}-{a:02}"),
                    location: None,
                    notes: None,
                    last_service: None,
                    next_service: None,
                    contact_editable: Vec::new(),
                    open_defects: BTreeMap::new(),
                    created_at: now,
                    updated_at: now,
                    version: 1,
                })
                .collect();
            let counts = site_counts.entry(site.id.clone()).or_default();
            for d in 0..DEFECTS_PER_SITE {
                let asset = &mut site_assets[d % ASSETS_PER_SITE];
                let defect = Defect {
                    id: shared::ids::new_id(),
                    customer_id: customer_id.to_owned(),
                    site_id: site.id.clone(),
                    asset_id: Some(asset.id.clone()),
                    severity: Severity::ALL[(n + d) % Severity::ALL.len()],
                    description: format!("Benchmark defect {d}"),
                    status: if d % 3 == 0 {
                        DefectStatus::Open
                    } else {
                        DefectStatus::Resolved
                    },
                    raised_at: now - Duration::days((d % 365) as i64),
                    resolved_at: None,
                    published: d % 10 != 0,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                add(counts, defect.site_contribution(), 1);
                add(&mut customer, defect.customer_contribution(), 1);
                if defect.published && defect.status == DefectStatus::Open {
                    *asset.open_defects.entry(defect.severity.as_str().into()).or_insert(0) += 1;
                }
                defects.push(defect);
            }
            for a in &site_assets {
                add(&mut customer, a.contribution(), 1);
            }
            sites.push(site);
            assets.extend(site_assets);
        }
        ctx.table.put_many(&sites).await?;
        ctx.table.put_many(&assets).await?;
        ctx.table.put_many(&defects).await?;
        for (site_id, counts) in site_counts {
            let action = ctx.table.add_counts(
                "site_counts",
                Site::counts_key(customer_id, &site_id),
                "site_counts",
                &counts,
            )?;
            ctx.table
                .transact(action.into_iter().collect())
                .await
                .map_err(|_| "writing a site's counts")?;
        }
    }
    customer.retain(|_, v| *v != 0);
    let action = ctx
        .table
        .add_counts("field_counts", field_counts_key(customer_id), "field_counts", &customer)?;
    ctx.table
        .transact(action.into_iter().collect())
        .await
        .map_err(|_| "writing the customer's counts")?;
    Ok(())
}
