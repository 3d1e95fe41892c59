//! Documents in nested folders, made as staff make them: announced through the staff route, the bytes
//! put in the bucket under the key the documents repository gives the document, the upload completed
//! (size and type checked) and the document shared to the portal. A document is found again by its
//! folder and name; a half-made one (announced, not uploaded, or not shared) is finished.

use serde_json::json;
use shared::{
    table::documents::{Document, DocumentStatus},
    Context,
};

use super::{api::Api, files, People};
use crate::provision::BoxError;

pub struct DemoDocument {
    pub for_acme: bool,
    pub folder: &'static str,
    pub name: &'static str,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    /// Shared to the portal, or kept with staff.
    pub shared: bool,
    /// The name of the site it is filed under, as well as under the customer.
    pub site: Option<&'static str>,
}

pub const AGREEMENT: &str = "Service agreement 2026.pdf";

pub fn documents() -> Vec<DemoDocument> {
    let doc = |for_acme, folder, name, content_type, bytes, shared| DemoDocument {
        for_acme,
        folder,
        name,
        content_type,
        bytes,
        shared,
        site: None,
    };
    vec![
        doc(
            true,
            "Contracts/2026",
            AGREEMENT,
            "application/pdf",
            files::pdf(
                "Service agreement 2026",
                &[
                    "Between Acme Facilities Ltd and the service provider.",
                    "",
                    "1. Scope: planned and reactive maintenance at Acme House and Riverside Depot.",
                    "2. Response: urgent faults attended within 4 hours, all others within 2 working days.",
                    "3. Hours: 24/7 for urgent faults; Monday to Friday 07:00-19:00 otherwise.",
                    "4. Reporting: a monthly maintenance summary in the portal's Reports folder.",
                    "",
                    "Signed for Acme Facilities Ltd: Alice Archer, Facilities Manager.",
                ],
            ),
            true,
        ),
        doc(
            true,
            "Reports/Monthly",
            "Maintenance log.csv",
            "text/csv",
            files::csv(&[
                &["date", "site", "job", "description", "engineer", "hours", "status"],
                &[
                    "2026-01-08",
                    "Acme House",
                    "J-23911",
                    "Boiler service",
                    "Tess Turner",
                    "3.5",
                    "closed",
                ],
                &[
                    "2026-01-15",
                    "Riverside Depot",
                    "J-23940",
                    "Roller shutter repair",
                    "Omar Okafor",
                    "2.0",
                    "closed",
                ],
                &[
                    "2026-01-22",
                    "Acme House",
                    "J-23968",
                    "Emergency lighting test",
                    "Priya Patel",
                    "4.0",
                    "closed",
                ],
                &[
                    "2026-01-29",
                    "Acme House",
                    "J-23987",
                    "Replace kitchen extractor fan, level 2",
                    "Lee Lambert",
                    "1.5",
                    "closed",
                ],
            ]),
            true,
        ),
        doc(
            true,
            "Certificates",
            "Fire safety certificate.png",
            "image/png",
            files::certificate_png(),
            true,
        ),
        doc(
            true,
            "Contracts/2026",
            "Draft price list 2027.pdf",
            "application/pdf",
            files::pdf("Draft price list 2027", &["Not for release to the customer yet."]),
            false,
        ),
        DemoDocument {
            site: Some("Acme House"),
            ..doc(
                true,
                "Sites/Acme House",
                "Fire risk assessment.pdf",
                "application/pdf",
                files::pdf(
                    "Fire risk assessment: Acme House",
                    &[
                        "Assessed by Tess Turner.",
                        "Findings: one extinguisher discharged; evacuation plan out of date.",
                        "Actions are tracked as defects in the portal.",
                    ],
                ),
                true,
            )
        },
        doc(
            true,
            "Invoices",
            "INV-1111.pdf",
            "application/pdf",
            files::pdf(
                "Invoice INV-1111",
                &[
                    "Acme Facilities Ltd, Acme House.",
                    "Quarterly fire safety maintenance: 1,250.00 plus VAT 250.00, total GBP 1,500.00.",
                    "Payment due within 30 days.",
                ],
            ),
            false,
        ),
        doc(
            true,
            "Invoices",
            "INV-1112.pdf",
            "application/pdf",
            files::pdf(
                "Invoice INV-1112",
                &[
                    "Acme Facilities Ltd, Riverside Offices.",
                    "Emergency call-out and exit sign repair.",
                ],
            ),
            false,
        ),
        doc(
            false,
            "Contracts",
            "Globex support contract.pdf",
            "application/pdf",
            files::pdf(
                "Globex support contract",
                &[
                    "Between Globex IT Services and the service provider.",
                    "Scope: office IT hardware support at Deansgate Quay.",
                ],
            ),
            true,
        ),
    ]
}

pub async fn seed(ctx: &Context, api: &Api, people: &People) -> Result<(), BoxError> {
    let bucket = ctx
        .config
        .bucket_name
        .as_deref()
        .ok_or("BUCKET_NAME is not configured")?;
    let mut existing: Vec<Document> = Vec::new();
    for c in [&people.acme.id, &people.globex.id] {
        for v in api.all(None, &format!("/admin/customers/{c}/documents")).await? {
            existing.push(serde_json::from_value(v)?);
        }
    }
    let acme_sites = api
        .all(None, &format!("/admin/customers/{}/sites", people.acme.id))
        .await?;
    for d in documents() {
        let customer = if d.for_acme { &people.acme.id } else { &people.globex.id };
        let site_id = match d.site {
            Some(name) => Some(
                acme_sites
                    .iter()
                    .find(|s| s["name"] == name)
                    .and_then(|s| s["id"].as_str())
                    .ok_or_else(|| format!("the demo site {name}"))?
                    .to_owned(),
            ),
            None => None,
        };
        let found = existing
            .iter()
            .find(|e| {
                &e.customer_id == customer
                    && e.folder == d.folder
                    && e.name == d.name
                    && e.status != DocumentStatus::Rejected
            })
            .cloned();
        let mut doc = match found {
            Some(doc) => doc,
            None => {
                let announced = api
                    .staff("POST", &format!("/admin/customers/{customer}/documents"), json!({ "folder": d.folder, "name": d.name, "content_type": d.content_type, "size": d.bytes.len(), "site_id": site_id }))
                    .await?;
                serde_json::from_value(announced["document"].clone())?
            }
        };
        if doc.status == DocumentStatus::Pending {
            ctx.clients
                .s3()
                .put_object()
                .bucket(bucket)
                .key(doc.object_key())
                .content_type(d.content_type)
                .body(d.bytes.clone().into())
                .send()
                .await
                .map_err(|e| format!("uploading {}: {e}", d.name))?;
            let completed = api
                .staff(
                    "POST",
                    &format!("/admin/customers/{customer}/documents/{}/complete", doc.id),
                    json!({}),
                )
                .await?;
            doc = serde_json::from_value(completed)?;
        }
        if doc.visible_in_portal != d.shared {
            api.staff(
                "PUT",
                &format!("/admin/customers/{customer}/documents/{}/visibility", doc.id),
                json!({ "visible_in_portal": d.shared }),
            )
            .await?;
        }
    }
    Ok(())
}
