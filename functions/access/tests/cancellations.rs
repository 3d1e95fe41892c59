//! What the emulators cannot produce on demand: a TransactWriteItems cancelled with chosen reasons.
//! `PUT /admin/contacts/{id}/portal-access` writes the contact, the username and email claims, a check
//! that the customer is not archived and the history event in one transaction; each failed condition
//! must come back as its own 409. The mock fails the action by what it writes, not by its position, so
//! reordering the actions without reordering the explanation is caught here.

use aws_sdk_dynamodb::{
    error::ErrorMetadata,
    operation::{
        get_item::GetItemOutput,
        transact_write_items::{TransactWriteItemsError, TransactWriteItemsInput, TransactWriteItemsOutput},
    },
    types::{error::TransactionCanceledException, CancellationReason, TransactWriteItem},
};
use aws_smithy_mocks::{mock, mock_client, MockResponse, RuleMode};
use http_body_util::BodyExt;
use serde_json::Value;
use shared::{
    clients::Clients,
    config::Config,
    table::{
        access::Unique,
        contacts::{Actor, Contact, ContactRef},
        customers::Customer,
        Entity, PrimaryKey,
    },
    Context,
};
use tower::ServiceExt;

const CUSTOMER: &str = "01JD00000000000000000000AC";
const CONTACT: &str = "01JD0000000000000000000AC5";

/// Picks the action a test makes fail, by what it writes or checks.
type Failing = fn(&TransactWriteItem) -> bool;

/// The key of the item an action writes or checks.
fn key_of(action: &TransactWriteItem) -> PrimaryKey {
    action
        .put()
        .map(|p| p.item())
        .or_else(|| action.condition_check().map(|c| c.key()))
        .or_else(|| action.update().map(|u| u.key()))
        .or_else(|| action.delete().map(|d| d.key()))
        .and_then(PrimaryKey::of)
        .unwrap_or_else(|| PrimaryKey::new("", ""))
}

fn username_claim(a: &TransactWriteItem) -> bool {
    a.put().is_some() && key_of(a).pk.starts_with(&Unique::username_key(""))
}

fn email_claim(a: &TransactWriteItem) -> bool {
    a.put().is_some() && key_of(a).pk.starts_with(&Unique::email_key(""))
}

fn customer_check(a: &TransactWriteItem) -> bool {
    a.condition_check().is_some() && key_of(a) == Customer::key(CUSTOMER)
}

fn contact_write(a: &TransactWriteItem) -> bool {
    a.put().is_some() && key_of(a) == Contact::key((CUSTOMER, CONTACT))
}

/// DynamoDB's answer when the actions `failing` picks fail with `code`: one reason per action, in order,
/// `None` for the others.
fn cancelled(input: &TransactWriteItemsInput, failing: Failing, code: &str) -> TransactWriteItemsError {
    let reasons: Vec<_> = input
        .transact_items()
        .iter()
        .map(|a| {
            CancellationReason::builder()
                .code(if failing(a) { code } else { "None" })
                .build()
        })
        .collect();
    assert_eq!(
        input.transact_items().iter().filter(|a| failing(a)).count(),
        1,
        "exactly one action fails"
    );
    TransactWriteItemsError::TransactionCanceledException(
        TransactionCanceledException::builder()
            .message("Transaction cancelled, please refer cancellation reasons for specific reasons")
            .set_cancellation_reasons(Some(reasons))
            .meta(ErrorMetadata::builder().code("TransactionCanceledException").build())
            .build(),
    )
}

/// Staff enabling the contact's access with a chosen username, the transaction cancelled as described:
/// the status and the problem document.
async fn enable_cancelled(failing: Failing, code: &'static str) -> (u16, Value) {
    let mut contact = Contact::new(
        CONTACT.into(),
        CUSTOMER.into(),
        "Eve".into(),
        "Evans".into(),
        Actor::System,
    );
    contact.email = Some("eve@acme.example".into());
    let reference = ContactRef {
        contact_id: CONTACT.into(),
        customer_id: CUSTOMER.into(),
    }
    .to_item()
    .unwrap();
    let contact = contact.to_item().unwrap();
    let reads = |wanted: PrimaryKey| {
        move |req: &aws_sdk_dynamodb::operation::get_item::GetItemInput| {
            req.key().and_then(PrimaryKey::of) == Some(wanted.clone())
        }
    };
    let read_reference = mock!(aws_sdk_dynamodb::Client::get_item)
        .match_requests(reads(ContactRef::key(CONTACT)))
        .then_output(move || GetItemOutput::builder().set_item(Some(reference.clone())).build());
    let read_contact = mock!(aws_sdk_dynamodb::Client::get_item)
        .match_requests(reads(Contact::key((CUSTOMER, CONTACT))))
        .then_output(move || GetItemOutput::builder().set_item(Some(contact.clone())).build());
    let transaction = mock!(aws_sdk_dynamodb::Client::transact_write_items).then_compute_response(move |input| {
        MockResponse::<TransactWriteItemsOutput, _>::Error(cancelled(input, failing, code))
    });
    let dynamodb = mock_client!(
        aws_sdk_dynamodb,
        RuleMode::MatchAny,
        [&read_reference, &read_contact, &transaction]
    );

    let sdk = aws_config::SdkConfig::builder()
        .behavior_version(aws_config::BehaviorVersion::latest())
        .build();
    let config = Config {
        table_name: "portal".into(),
        ..Config::default()
    };
    let router = access::router(shared::context::WithPortalPool::admin(Context::new(
        config,
        Clients::new(&sdk).with_dynamodb(dynamodb),
    )));

    let response = router.oneshot(enable_request()).await.expect("infallible");
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.expect("body").to_bytes();
    assert_eq!(transaction.num_calls(), 1, "one transaction, not retried");
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// `PUT /admin/contacts/{CONTACT}/portal-access` with `{"username":"eve.acme"}` from a supervisor, as
/// API Gateway delivers it (the staff fixture with the route, body and role changed).
fn enable_request() -> lambda_http::Request {
    let path = format!(
        "{}/../../events/admin-customers-create-viewer.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let fixture = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut event: Value = serde_json::from_str(&fixture).expect("JSON");
    let route = format!("/admin/contacts/{CONTACT}/portal-access");
    event["rawPath"] = route.clone().into();
    event["requestContext"]["http"]["path"] = route.into();
    event["requestContext"]["http"]["method"] = "PUT".into();
    let claims = &mut event["requestContext"]["authorizer"]["jwt"]["claims"];
    claims["cognito:username"] = "supervisor".into();
    claims["cognito:groups"] = "[supervisor]".into();
    event["body"] = r#"{"username":"eve.acme"}"#.into();
    lambda_http::request::from_str(&event.to_string()).expect("a valid API Gateway v2 event")
}

#[tokio::test]
async fn each_failed_condition_of_enabling_access_is_its_own_409() {
    let cases: [(&str, Failing, &str); 4] = [
        ("username claim", username_claim, "that username is taken"),
        (
            "email claim",
            email_claim,
            "another contact with portal access already uses this email address",
        ),
        ("customer check", customer_check, "the customer is archived"),
        (
            "contact version",
            contact_write,
            "the record was changed by someone else since you read it; reload and try again",
        ),
    ];
    for (what, failing, detail) in cases {
        let (status, problem) = enable_cancelled(failing, "ConditionalCheckFailed").await;
        assert_eq!(status, 409, "{what}: {problem}");
        assert_eq!(
            problem["type"], "https://problems.customer-portal.dev/conflict",
            "{what}"
        );
        assert_eq!(problem["detail"], detail, "{what}");
    }
}

#[tokio::test]
async fn a_transaction_conflict_is_a_409_asking_to_retry() {
    let (status, problem) = enable_cancelled(contact_write, "TransactionConflict").await;
    assert_eq!(status, 409, "{problem}");
    assert_eq!(
        problem["detail"],
        "another change to the same records was in progress; retry"
    );
}
