//! What the emulators cannot produce: SES refusing a message or throttling. The outbox drain (the
//! `scheduled-drain-outbox` event through `handle`) must leave the item in the table, give its lease
//! back and count the attempt, so the next run tries again; it must never delete an undelivered item.

use aws_sdk_dynamodb::{
    config::{AsyncSleep, Sleep},
    operation::{
        batch_get_item::BatchGetItemOutput, delete_item::DeleteItemOutput, query::QueryOutput,
        update_item::UpdateItemOutput,
    },
};
use aws_sdk_ses::{error::ErrorMetadata, operation::send_email::SendEmailError, types::error::MessageRejected};
use aws_smithy_mocks::{mock, mock_client, RuleMode};
use scheduler::Report;
use shared::{
    clients::Clients,
    config::Config,
    outbox::{OutboxItem, OutboxTask},
    table::{
        contacts::{Actor, Contact},
        customers::Customer,
        Entity, PrimaryKey,
    },
    Context,
};

const TABLE: &str = "portal";
const CUSTOMER: &str = "01JD00000000000000000000AC";
const CONTACT: &str = "01JD0000000000000000000AC1";

/// Back-off without waiting: the attempts are the policy's, the test takes no time.
#[derive(Debug)]
struct NoWait;

impl AsyncSleep for NoWait {
    fn sleep(&self, _: std::time::Duration) -> Sleep {
        Sleep::new(std::future::ready(()))
    }
}

fn message_rejected() -> SendEmailError {
    let meta = ErrorMetadata::builder()
        .code("MessageRejected")
        .message("Email address is not verified.")
        .build();
    SendEmailError::MessageRejected(
        MessageRejected::builder()
            .message("Email address is not verified.")
            .meta(meta)
            .build(),
    )
}

fn ses_throttled() -> SendEmailError {
    SendEmailError::generic(
        ErrorMetadata::builder()
            .code("Throttling")
            .message("Maximum sending rate exceeded.")
            .build(),
    )
}

/// How the drain went: its report and how often SES was tried, the item leased, released and deleted.
#[derive(Debug, PartialEq, Eq)]
struct Drained {
    report: Report,
    sends: usize,
    leases: usize,
    releases: usize,
    deletes: usize,
}

/// Drains an outbox holding one renewal notice for a contact with an email address, with SES
/// answering `ses_error` to every attempt.
async fn drain_with_ses_failing(ses_error: fn() -> SendEmailError) -> Drained {
    let item = OutboxItem::new(OutboxTask::SupportNotice {
        customer_id: CUSTOMER.into(),
        contact_id: CONTACT.into(),
        support_end: "2026-12-31".into(),
    });
    let mut contact = Contact::new(
        CONTACT.into(),
        CUSTOMER.into(),
        "Alice".into(),
        "Archer".into(),
        Actor::System,
    );
    contact.email = Some("alice@acme.example".into());
    let customer = Customer::new(CUSTOMER.into(), "Acme Facilities Ltd".into())
        .to_item()
        .unwrap();
    let contact = contact.to_item().unwrap();
    let outbox = item.to_item().unwrap();
    let this_item = {
        let wanted = OutboxItem::key(&item.id);
        move |key: Option<&shared::table::Item>| key.and_then(PrimaryKey::of).as_ref() == Some(&wanted)
    };
    let (is_lease, is_release) = (this_item.clone(), this_item.clone());

    let pending = mock!(aws_sdk_dynamodb::Client::query)
        .match_requests(|req| req.index_name() == OutboxItem::waiting().index)
        .then_output(move || {
            QueryOutput::builder()
                .items(outbox.clone())
                .count(1)
                .scanned_count(1)
                .build()
        });
    let lease = mock!(aws_sdk_dynamodb::Client::update_item)
        .match_requests(move |req| {
            req.update_expression()
                .is_some_and(|e| e.starts_with("SET lease_until"))
                && is_lease(req.key())
        })
        .then_output(|| UpdateItemOutput::builder().build());
    let release = mock!(aws_sdk_dynamodb::Client::update_item)
        .match_requests(move |req| {
            req.update_expression()
                .is_some_and(|e| e.contains("REMOVE lease_until") && e.contains("ADD attempts :one"))
                && is_release(req.key())
        })
        .then_output(|| UpdateItemOutput::builder().build());
    let people = mock!(aws_sdk_dynamodb::Client::batch_get_item).then_output(move || {
        BatchGetItemOutput::builder()
            .responses(TABLE, vec![customer.clone(), contact.clone()])
            .build()
    });
    let delete = mock!(aws_sdk_dynamodb::Client::delete_item).then_output(|| DeleteItemOutput::builder().build());
    let dynamodb = mock_client!(
        aws_sdk_dynamodb,
        RuleMode::MatchAny,
        [&pending, &lease, &release, &people, &delete]
    );

    let send = mock!(aws_sdk_ses::Client::send_email).then_error(ses_error);
    let ses = mock_client!(aws_sdk_ses, RuleMode::MatchAny, [&send], |c| c.sleep_impl(NoWait));

    let sdk = aws_config::SdkConfig::builder()
        .behavior_version(aws_config::BehaviorVersion::latest())
        .build();
    let config = Config {
        table_name: TABLE.into(),
        sender_email: Some("portal@portal.example.com".into()),
        ..Config::default()
    };
    let ctx = Context::new(config, Clients::new(&sdk).with_dynamodb(dynamodb).with_ses(ses));

    let path = format!(
        "{}/../../events/scheduled-drain-outbox.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let event =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).expect("JSON");
    let report = scheduler::handle(&ctx, &event)
        .await
        .expect("a failed delivery does not fail the drain");
    Drained {
        report,
        sends: send.num_calls(),
        leases: lease.num_calls(),
        releases: release.num_calls(),
        deletes: delete.num_calls(),
    }
}

#[tokio::test]
async fn a_message_ses_rejects_stays_in_the_outbox_with_its_lease_released_and_attempt_counted() {
    let drained = drain_with_ses_failing(message_rejected).await;
    let expected = Drained {
        report: Report {
            failed: 1,
            ..Report::default()
        },
        sends: 1,
        leases: 1,
        releases: 1,
        deletes: 0,
    };
    assert_eq!(drained, expected);
}

#[tokio::test]
async fn a_message_ses_throttles_is_retried_by_the_sdk_then_stays_in_the_outbox() {
    let drained = drain_with_ses_failing(ses_throttled).await;
    let expected = Drained {
        report: Report {
            failed: 1,
            ..Report::default()
        },
        sends: 3,
        leases: 1,
        releases: 1,
        deletes: 0,
    };
    assert_eq!(
        drained, expected,
        "three attempts (the SDK's standard retries), then the item waits for the next run"
    );
}
