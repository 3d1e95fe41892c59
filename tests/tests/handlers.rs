//! Handler tests: API Gateway v2 events from `events/` go through `lambda_http`'s own parsing into the
//! router, exactly as on Lambda. Where a handler reads the table, the fixture's ids are seeded first.

use http_body_util::BodyExt;
use serde_json::Value;
use shared::table::{
    contacts::{Actor, Contact, ContactRef, PortalStatus},
    customers::Customer,
};
use tower::ServiceExt;

const CUSTOMER: &str = "01JD00000000000000000000AC";
const CONTACT: &str = "01JD0000000000000000000AC1";

async fn call(router: axum::Router, fixture: &str) -> (u16, Value) {
    let path = format!("{}/../events/{fixture}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let request = lambda_http::request::from_str(&text).expect("a valid API Gateway v2 event");
    let response = router.oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

/// A router whose table holds the fixture's customer and contact.
async fn seeded_router() -> axum::Router {
    let t = e2e::TestStack::start().await;
    let mut customer = Customer::new(CUSTOMER.into(), "Fixture Facilities".into());
    customer.main_contact_id = Some(CONTACT.into());
    let mut contact = Contact::new(
        CONTACT.into(),
        CUSTOMER.into(),
        "Alice".into(),
        "Archer".into(),
        Actor::System,
    );
    contact.email = Some("alice@acme.example".into());
    contact.portal_username = Some("alice.acme".into());
    contact.portal_status = PortalStatus::Active;
    t.ctx.table.put(&customer).await.unwrap();
    t.ctx.table.put(&contact).await.unwrap();
    t.ctx
        .table
        .put(&ContactRef {
            contact_id: CONTACT.into(),
            customer_id: CUSTOMER.into(),
        })
        .await
        .unwrap();
    customers::router(t.ctx.clone())
}

#[tokio::test]
async fn portal_fixtures_read_the_callers_own_company() {
    let router = seeded_router().await;
    let (status, me) = call(router.clone(), "portal-me").await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["company"]["name"], "Fixture Facilities");
    assert_eq!(me["contact"]["username"], "alice.acme");

    let (status, created) = call(router.clone(), "portal-contacts-create").await;
    assert_eq!(status, 201, "{created}");
    let (status, page) = call(router, "portal-contacts-list").await;
    assert_eq!(status, 200);
    let names: Vec<_> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["last_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Archer", "Brown"]);
}

/// Fixtures refused before any read: the router's table may be anywhere.
fn offline_router() -> axum::Router {
    let sdk = aws_config::SdkConfig::builder()
        .behavior_version(aws_config::BehaviorVersion::latest())
        .build();
    let config = shared::config::Config {
        table_name: "unused".into(),
        ..Default::default()
    };
    customers::router(shared::Context::new(config, shared::clients::Clients::new(&sdk)))
}

#[tokio::test]
async fn fixtures_without_the_right_principal_are_refused() {
    let (status, p) = call(offline_router(), "portal-me-no-authorizer").await;
    assert_eq!(
        (status, p["type"].as_str()),
        (401, Some("https://problems.customer-portal.dev/unauthorized"))
    );
    let (status, _) = call(offline_router(), "portal-contacts-staff-token").await;
    assert_eq!(status, 403, "a staff identity is not a portal contact");
    let (status, _) = call(offline_router(), "admin-customers-create-viewer").await;
    assert_eq!(status, 403, "viewers cannot create customers");
    let (status, p) = call(offline_router(), "admin-customers-create-invalid").await;
    assert_eq!(status, 422);
    let fields: Vec<_> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name"], "a missing required field is named");
}
