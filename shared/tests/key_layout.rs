//! Pins every entity's key layout, written out literally, so a refactor of the key builders cannot quietly move data.

use std::collections::BTreeMap;

use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::json;
use shared::{
    modules::Module,
    outbox::{OutboxItem, OutboxTask},
    table::{
        access::{AccessEvent, AccessEventKind, AccessToken, TokenKind, Unique},
        assets::{Asset, AssetTypes},
        billing::{BillingNumber, Line},
        contacts::{Actor, Contact, ContactRef},
        customers::Customer,
        datasheets::{PortalTemplates, Sheet, SheetStatus, Template, TemplateVersion},
        defects::{Defect, DefectStatus},
        documents::{Document, DocumentStatus},
        invoices::{Invoice, InvoiceStatus},
        news::{Audience, Dismissal, NewsItem},
        notices::SupportNotice,
        operations::{FieldWork, Job, JobKind, JobStage, JobStatus, Workflow},
        quotes::{Quote, QuoteKind, QuoteStatus},
        settings::{CustomerModules, PortalSettings},
        sites::{field_counts_key, Severity, Site},
        tickets::{NoteKind, Priority, Ticket, TicketNote, TicketStatus, TicketType},
        Entity,
    },
};
use time::{
    macros::{date, datetime},
    OffsetDateTime,
};

const AT: OffsetDateTime = datetime!(2026-01-15 09:30 UTC);

/// The key attributes `to_item` writes, by name (`ttl` as its number). Tests compare the whole map, so an
/// index attribute an expectation does not list must be absent (sparse indexes).
fn layout(entity: &impl Entity) -> BTreeMap<String, String> {
    let item = entity.to_item().expect("the entity serialises");
    let mut found = BTreeMap::new();
    for name in ["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "entity"] {
        if let Some(value) = item.get(name) {
            let AttributeValue::S(s) = value else {
                panic!("{name} is not a string: {value:?}")
            };
            found.insert(name.to_owned(), s.clone());
        }
    }
    if let Some(value) = item.get("ttl") {
        let AttributeValue::N(n) = value else {
            panic!("ttl is not a number: {value:?}")
        };
        found.insert("ttl".to_owned(), n.clone());
    }
    found
}

/// The GSI3 key `to_item` writes (records staff report on across customers), if any.
fn created_index(entity: &impl Entity) -> Option<(String, String)> {
    let item = entity.to_item().expect("the entity serialises");
    let s = |name: &str| item.get(name).and_then(|v| v.as_s().ok()).cloned();
    Some((s("GSI3PK")?, s("GSI3SK")?))
}

/// What `created_index` should find for a record of `kind` made at [`AT`] for customer C1.
fn created(kind: &str, id: &str) -> Option<(String, String)> {
    Some((format!("CREATED#{kind}#2026-01"), format!("001768469400#C1#{id}")))
}

fn expected(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn outbox() {
    let item = OutboxItem {
        id: "O1".into(),
        task: OutboxTask::Invitation {
            customer_id: "C1".into(),
            contact_id: "K1".into(),
        },
        attempts: 0,
    };
    assert_eq!(
        layout(&item),
        expected(&[
            ("PK", "OUTBOX#O1"),
            ("SK", "OUTBOX"),
            ("GSI1PK", "OUTBOX"),
            ("GSI1SK", "O1"),
            ("entity", "outbox"),
        ])
    );
}

#[test]
fn customers() {
    let mut customer = Customer::new("C1".into(), "  Acme Ltd ".into());
    assert_eq!(
        layout(&customer),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PROFILE"),
            ("GSI1PK", "CUSTOMERS"),
            ("GSI1SK", "acme ltd#C1"),
            ("entity", "customer"),
        ]),
        "active, no support end: not in GSI2"
    );

    customer.support_end = Some(date!(2026 - 12 - 31));
    assert_eq!(
        layout(&customer),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PROFILE"),
            ("GSI1PK", "CUSTOMERS"),
            ("GSI1SK", "acme ltd#C1"),
            ("GSI2PK", "SUPPORT_ENDS"),
            ("GSI2SK", "2026-12-31#C1"),
            ("entity", "customer"),
        ]),
        "active with a support end"
    );

    customer.archived = true;
    assert_eq!(
        layout(&customer),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PROFILE"),
            ("GSI1PK", "CUSTOMERS#ARCHIVED"),
            ("GSI1SK", "acme ltd#C1"),
            ("entity", "customer"),
        ]),
        "archived: leaves GSI2 even with a support end"
    );
}

#[test]
fn contacts() {
    let mut contact = Contact::new("K1".into(), "C1".into(), "Ada".into(), "Lovelace".into(), Actor::System);
    assert_eq!(
        layout(&contact),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "CONTACT#K1"),
            ("GSI1PK", "CUST#C1#CONTACTS"),
            ("GSI1SK", "lovelace ada#K1"),
            ("entity", "contact"),
        ])
    );

    contact.archived = true;
    assert_eq!(
        layout(&contact),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "CONTACT#K1"),
            ("GSI1PK", "CUST#C1#CONTACTS#ARCHIVED"),
            ("GSI1SK", "lovelace ada#K1"),
            ("entity", "contact"),
        ])
    );

    let reference = ContactRef {
        contact_id: "K1".into(),
        customer_id: "C1".into(),
    };
    assert_eq!(
        layout(&reference),
        expected(&[("PK", "CONTACT#K1"), ("SK", "REF"), ("entity", "contact_ref")])
    );
}

#[test]
fn access() {
    let claim = |key: String| Unique {
        key,
        contact_id: "K1".into(),
        customer_id: "C1".into(),
        value: "Ada".into(),
    };
    assert_eq!(
        layout(&claim(Unique::username_key(" Ada "))),
        expected(&[("PK", "USERNAME#ada"), ("SK", "UNIQUE"), ("entity", "unique")])
    );
    assert_eq!(
        layout(&claim(Unique::email_key("Ada@Example.COM"))),
        expected(&[("PK", "EMAIL#ada@example.com"), ("SK", "UNIQUE"), ("entity", "unique")])
    );

    let mut token = AccessToken {
        hash: "H1".into(),
        kind: TokenKind::Activation,
        customer_id: "C1".into(),
        contact_id: "K1".into(),
        username: "ada".into(),
        expires_at: 1_800_000_000,
        enrollment: None,
    };
    assert_eq!(
        layout(&token),
        expected(&[
            ("PK", "TOKEN#H1"),
            ("SK", "TOKEN"),
            ("GSI1PK", "INVITATIONS"),
            ("GSI1SK", "001800000000#H1"),
            ("entity", "access_token"),
            ("ttl", "1802592000"),
        ]),
        "activation: in the invitations index; kept 30 days after expiry"
    );

    token.kind = TokenKind::Reset;
    assert_eq!(
        layout(&token),
        expected(&[
            ("PK", "TOKEN#H1"),
            ("SK", "TOKEN"),
            ("entity", "access_token"),
            ("ttl", "1802592000"),
        ]),
        "reset: not indexed"
    );

    let event = AccessEvent {
        id: "E1".into(),
        customer_id: "C1".into(),
        contact_id: "K1".into(),
        kind: AccessEventKind::InvitationSent,
        at: AT,
        actor: Actor::System,
        outcome: "sent".into(),
    };
    assert_eq!(
        layout(&event),
        expected(&[("PK", "CUST#C1"), ("SK", "HIST#K1#E1"), ("entity", "access_event")])
    );
}

fn ticket(status: TicketStatus, visible_in_portal: bool, originator: Option<&str>) -> Ticket {
    Ticket {
        id: "T1".into(),
        number: 1001,
        customer_id: "C1".into(),
        subject: "Printer jammed".into(),
        description: "Again.".into(),
        ticket_type: TicketType::Fault,
        priority: Priority::Normal,
        status,
        visible_in_portal,
        originator_contact_id: originator.map(Into::into),
        contact_id: Some("K1".into()),
        contact_name: Some("Ada Lovelace".into()),
        assignee: None,
        created_at: AT,
        updated_at: AT,
        closed_at: None,
        data_sheet_id: None,
        subject_search: "printer jammed".into(),
        closed_by_contact: None,
        rating: None,
        confidential: false,
        sla: Default::default(),
        attachments: Vec::new(),
        version: 1,
    }
}

#[test]
fn tickets() {
    assert_eq!(
        created_index(&ticket(TicketStatus::New, false, None)),
        created("TICKET", "T1")
    );
    for status in [
        TicketStatus::New,
        TicketStatus::InProgress,
        TicketStatus::WaitingOnCustomer,
    ] {
        assert_eq!(
            layout(&ticket(status, true, Some("K1"))),
            expected(&[
                ("PK", "CUST#C1"),
                ("SK", "TICKET#T1"),
                ("GSI1PK", "CUST#C1#TICKETS#OPEN"),
                ("GSI1SK", "TICKET#T1"),
                ("GSI2PK", "CONTACT#K1#TICKETS#OPEN"),
                ("GSI2SK", "TICKET#T1"),
                ("entity", "ticket"),
            ]),
            "visible, open ({status:?}), raised by a contact"
        );
    }

    assert_eq!(
        layout(&ticket(TicketStatus::Closed, true, Some("K1"))),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "TICKET#T1"),
            ("GSI1PK", "CUST#C1#TICKETS#CLOSED"),
            ("GSI1SK", "TICKET#T1"),
            ("GSI2PK", "CONTACT#K1#TICKETS#CLOSED"),
            ("GSI2SK", "TICKET#T1"),
            ("entity", "ticket"),
        ]),
        "visible, closed, raised by a contact"
    );

    assert_eq!(
        layout(&ticket(TicketStatus::New, true, None)),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "TICKET#T1"),
            ("GSI1PK", "CUST#C1#TICKETS#OPEN"),
            ("GSI1SK", "TICKET#T1"),
            ("entity", "ticket"),
        ]),
        "visible, open, raised by staff: not in GSI2"
    );

    assert_eq!(
        layout(&ticket(TicketStatus::Closed, true, None)),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "TICKET#T1"),
            ("GSI1PK", "CUST#C1#TICKETS#CLOSED"),
            ("GSI1SK", "TICKET#T1"),
            ("entity", "ticket"),
        ]),
        "visible, closed, raised by staff: not in GSI2"
    );

    for status in [TicketStatus::New, TicketStatus::Closed] {
        for originator in [Some("K1"), None] {
            assert_eq!(
                layout(&ticket(status, false, originator)),
                expected(&[("PK", "CUST#C1"), ("SK", "TICKET#T1"), ("entity", "ticket")]),
                "not visible ({status:?}, originator {originator:?}): in no index"
            );
        }
    }
}

#[test]
fn ticket_notes() {
    let note = |kind| TicketNote {
        id: "N1".into(),
        ticket_id: "T1".into(),
        customer_id: "C1".into(),
        kind,
        body: "Replaced the roller.".into(),
        author: Actor::Staff {
            id: "S1".into(),
            username: "sam".into(),
        },
        author_name: "Sam".into(),
        created_at: AT,
    };
    for kind in [NoteKind::Contact, NoteKind::Public, NoteKind::Email] {
        assert_eq!(
            layout(&note(kind)),
            expected(&[("PK", "CUST#C1"), ("SK", "TNOTE#T1#N1"), ("entity", "ticket_note")]),
            "{kind:?} note: in the conversation"
        );
    }
    assert_eq!(
        layout(&note(NoteKind::Internal)),
        expected(&[("PK", "CUST#C1"), ("SK", "TINTERNAL#T1#N1"), ("entity", "ticket_note")]),
        "internal note: under its own prefix"
    );
}

fn template(archived: bool) -> Template {
    Template {
        id: "TPL1".into(),
        name: "Site Survey".into(),
        description: None,
        fields: Vec::new(),
        layout_html: None,
        archived,
        updated_at: AT,
        version: 3,
    }
}

#[test]
fn datasheets() {
    assert_eq!(
        layout(&template(false)),
        expected(&[
            ("PK", "TEMPLATE#TPL1"),
            ("SK", "HEAD"),
            ("GSI1PK", "TEMPLATES"),
            ("GSI1SK", "site survey#TPL1"),
            ("entity", "template"),
        ])
    );
    assert_eq!(
        layout(&template(true)),
        expected(&[
            ("PK", "TEMPLATE#TPL1"),
            ("SK", "HEAD"),
            ("GSI1PK", "TEMPLATES#ARCHIVED"),
            ("GSI1SK", "site survey#TPL1"),
            ("entity", "template"),
        ])
    );
    assert_eq!(
        layout(&TemplateVersion(template(false))),
        expected(&[
            ("PK", "TEMPLATE#TPL1"),
            ("SK", "V#000003"),
            ("entity", "template_version")
        ])
    );

    let assigned = PortalTemplates {
        customer_id: "C1".into(),
        template_ids: vec!["TPL1".into()],
        tickets_from_email: Some("tickets@example.com".into()),
        version: 1,
    };
    assert_eq!(
        layout(&assigned),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PORTALTEMPLATES"),
            ("entity", "portal_templates")
        ])
    );

    let sheet = Sheet {
        id: "SH1".into(),
        customer_id: "C1".into(),
        template_id: "TPL1".into(),
        template_version: 3,
        template_name: "Site Survey".into(),
        status: SheetStatus::Draft,
        values: [("rooms".to_owned(), json!(4))].into(),
        created_by: Actor::Contact { id: "K1".into() },
        created_by_name: "Ada Lovelace".into(),
        created_at: AT,
        updated_at: AT,
        submitted_at: None,
        submitted_by: None,
        ticket_id: None,
        ticket_number: None,
        version: 1,
    };
    assert_eq!(
        layout(&sheet),
        expected(&[("PK", "CUST#C1"), ("SK", "SHEET#SH1"), ("entity", "sheet")])
    );
    assert_eq!(created_index(&sheet), created("SHEET", &sheet.id));
    assert_eq!(
        created_index(&template(false)),
        None,
        "only the records staff report on"
    );
}

#[test]
fn operations() {
    let mut job = Job {
        id: "J1".into(),
        customer_id: "C1".into(),
        reference: "JOB-0042".into(),
        description: "Annual service".into(),
        job_type: "Service".into(),
        taken_by: None,
        order_number: None,
        booked_dates: vec![date!(2026 - 02 - 01)],
        scheduled_at: None,
        days_allocated: None,
        technicians: Vec::new(),
        estimated_hours: None,
        actual_hours: None,
        status: JobStatus::Booked,
        finished_at: None,
        closed_at: None,
        field: None,
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&job),
        expected(&[("PK", "CUST#C1"), ("SK", "JOB#J1"), ("entity", "job")]),
        "a job without field work: in no index"
    );
    let mut field = FieldWork {
        site_id: "S1".into(),
        kind: JobKind::Reactive,
        stage: JobStage::InProgress,
        due_month: None,
        tolerance_days: 0,
        logged_on: date!(2026 - 01 - 15),
        performed_on: None,
    };
    job.field = Some(field.clone());
    assert_eq!(
        layout(&job),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "JOB#J1"),
            ("GSI1PK", "CUST#C1#SITE#S1#JOBS"),
            ("GSI1SK", "JOB#J1"),
            ("GSI2PK", "CUST#C1#REACTIVE"),
            ("GSI2SK", "2026-01#in_progress#J1"),
            ("entity", "job")
        ])
    );
    field.kind = JobKind::Routine;
    field.due_month = Some("2026-03".into());
    job.field = Some(field);
    assert_eq!(
        layout(&job),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "JOB#J1"),
            ("GSI1PK", "CUST#C1#SITE#S1#JOBS"),
            ("GSI1SK", "JOB#J1"),
            ("GSI2PK", "CUST#C1#ROUTINE"),
            ("GSI2SK", "2026-03#J1"),
            ("entity", "job")
        ])
    );

    let mut workflow = Workflow {
        id: "W1".into(),
        customer_id: "C1".into(),
        workflow_type: "Onboarding".into(),
        instigator: "Sam".into(),
        active: true,
        tasks: Vec::new(),
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&workflow),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "WORKFLOW#W1"),
            ("GSI1PK", "CUST#C1#WORKFLOWS"),
            ("GSI1SK", "WORKFLOW#W1"),
            ("entity", "workflow"),
        ]),
        "active: in the active-workflows index"
    );

    workflow.active = false;
    assert_eq!(
        layout(&workflow),
        expected(&[("PK", "CUST#C1"), ("SK", "WORKFLOW#W1"), ("entity", "workflow")]),
        "inactive: leaves the index"
    );
    assert_eq!(created_index(&job), created("JOB", "J1"));
    assert_eq!(created_index(&workflow), created("WORKFLOW", &workflow.id));
}

#[test]
fn news() {
    let item = NewsItem {
        id: "NW1".into(),
        title: "Maintenance".into(),
        body: "Saturday night.".into(),
        audience: Audience::All,
        starts_at: AT,
        ends_at: None,
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&item),
        expected(&[("PK", "NEWS"), ("SK", "NEWS#NW1"), ("entity", "news")])
    );

    let dismissal = Dismissal {
        customer_id: "C1".into(),
        contact_id: "K1".into(),
        news_id: "NW1".into(),
        at: AT,
    };
    assert_eq!(
        layout(&dismissal),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "DISMISS#K1#NW1"),
            ("entity", "news_dismissal")
        ])
    );
}

#[test]
fn settings() {
    let global = PortalSettings {
        modules: vec![Module::Tickets],
        version: 1,
    };
    assert_eq!(
        layout(&global),
        expected(&[("PK", "SETTINGS"), ("SK", "PORTAL"), ("entity", "portal_settings")])
    );

    let own = CustomerModules {
        customer_id: "C1".into(),
        modules: vec![Module::Tickets],
        version: 1,
    };
    assert_eq!(
        layout(&own),
        expected(&[("PK", "CUST#C1"), ("SK", "MODULES"), ("entity", "customer_modules")])
    );
}

#[test]
fn support_notices() {
    let notice = SupportNotice {
        customer_id: "C1".into(),
        contact_id: "K1".into(),
        support_end: "2026-12-31".into(),
    };
    assert_eq!(
        layout(&notice),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "NOTICE#K1#2026-12-31"),
            ("entity", "support_notice")
        ])
    );
}

fn document(visible_in_portal: bool, status: DocumentStatus) -> Document {
    Document {
        id: "D1".into(),
        customer_id: "C1".into(),
        folder: "Contracts/2026".into(),
        name: "Terms.PDF".into(),
        content_type: "application/pdf".into(),
        size: 1024,
        status,
        visible_in_portal,
        site_id: None,
        uploaded_by: Actor::System,
        shared_at: None,
        created_at: AT,
        updated_at: AT,
        version: 1,
    }
}

#[test]
fn documents() {
    assert_eq!(
        layout(&document(true, DocumentStatus::Available)),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "DOC#D1"),
            ("GSI1PK", "CUST#C1#DOCS"),
            ("GSI1SK", "contracts/2026/terms.pdf#D1"),
            ("entity", "document"),
        ]),
        "shown in the portal"
    );
    for (visible, status) in [
        (false, DocumentStatus::Available),
        (true, DocumentStatus::Pending),
        (true, DocumentStatus::Rejected),
    ] {
        assert_eq!(
            layout(&document(visible, status)),
            expected(&[("PK", "CUST#C1"), ("SK", "DOC#D1"), ("entity", "document")]),
            "not shown (visible {visible}, {status:?}): in no index"
        );
    }
    let mut on_site = document(true, DocumentStatus::Available);
    on_site.site_id = Some("S1".into());
    assert_eq!(
        layout(&on_site),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "DOC#D1"),
            ("GSI1PK", "CUST#C1#DOCS"),
            ("GSI1SK", "contracts/2026/terms.pdf#D1"),
            ("GSI2PK", "CUST#C1#SITE#S1#DOCS"),
            ("GSI2SK", "contracts/2026/terms.pdf#D1"),
            ("entity", "document"),
        ]),
        "a site's document: in the company's tree and the site's list"
    );
    on_site.visible_in_portal = false;
    assert_eq!(
        layout(&on_site),
        expected(&[("PK", "CUST#C1"), ("SK", "DOC#D1"), ("entity", "document")]),
        "hidden, on a site or not: in no index"
    );
}

#[test]
fn sites_assets_and_defects() {
    let site = Site {
        id: "S1".into(),
        customer_id: "C1".into(),
        name: "Acme House".into(),
        address: Default::default(),
        latitude: Some(51.5),
        longitude: Some(-0.1),
        notes: None,
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&site),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "SITE#S1"),
            ("GSI1PK", "CUST#C1#SITES"),
            ("GSI1SK", "acme house#S1"),
            ("entity", "site")
        ])
    );
    let counts = Site::counts_key("C1", "S1");
    assert_eq!((counts.pk.as_str(), counts.sk.as_str()), ("CUST#C1", "SITECOUNTS#S1"));
    let field = field_counts_key("C1");
    assert_eq!((field.pk.as_str(), field.sk.as_str()), ("CUST#C1", "FIELDCOUNTS"));

    let asset = Asset {
        id: "A1".into(),
        customer_id: "C1".into(),
        site_id: "S1".into(),
        asset_type: "extinguisher".into(),
        identifier: "EXT-1".into(),
        location: None,
        notes: None,
        last_service: None,
        next_service: None,
        contact_editable: Vec::new(),
        open_defects: Default::default(),
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&asset),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "ASSET#A1"),
            ("GSI1PK", "CUST#C1#SITE#S1#ASSETS"),
            ("GSI1SK", "extinguisher#ext-1#A1"),
            ("entity", "asset")
        ])
    );
    assert_eq!(
        layout(&AssetTypes::defaults()),
        expected(&[("PK", "SETTINGS"), ("SK", "ASSET_TYPES"), ("entity", "asset_types")])
    );

    let mut defect = Defect {
        id: "F1".into(),
        customer_id: "C1".into(),
        site_id: "S1".into(),
        asset_id: Some("A1".into()),
        severity: Severity::Critical,
        description: "Discharged".into(),
        status: DefectStatus::Open,
        raised_at: datetime!(2026-01-15 09:30 UTC),
        resolved_at: None,
        published: false,
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&defect),
        expected(&[("PK", "CUST#C1"), ("SK", "DEFECT#F1"), ("entity", "defect")]),
        "unpublished: in no index the portal reads"
    );
    defect.published = true;
    assert_eq!(
        layout(&defect),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "DEFECT#F1"),
            ("GSI1PK", "CUST#C1#SITE#S1#DEFECTS"),
            ("GSI1SK", "OPEN#001768469400#F1"),
            ("GSI2PK", "CUST#C1#DEFECTS"),
            ("GSI2SK", "OPEN#001768469400#F1"),
            ("entity", "defect")
        ])
    );
}

#[test]
fn quotes_invoices_and_their_numbers() {
    let line = Line {
        description: "Service".into(),
        quantity: 1.0,
        unit_price: 10_000,
    };
    let mut quote = Quote {
        id: "Q1".into(),
        customer_id: "C1".into(),
        site_id: "S1".into(),
        number: "Q-1".into(),
        kind: QuoteKind::Service,
        defect_ids: vec![],
        title: "Service".into(),
        description: None,
        lines: vec![line.clone()],
        tax_rate: 2_000,
        currency: "GBP".into(),
        subtotal: 10_000,
        tax: 2_000,
        total: 12_000,
        valid_until: date!(2026 - 02 - 15),
        status: QuoteStatus::Draft,
        sent_at: None,
        decision: None,
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&quote),
        expected(&[("PK", "CUST#C1"), ("SK", "QUOTE#Q1"), ("entity", "quote")]),
        "a draft: in no index the portal reads"
    );
    quote.status = QuoteStatus::Sent;
    quote.sent_at = Some(AT);
    assert_eq!(
        layout(&quote),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "QUOTE#Q1"),
            ("GSI1PK", "CUST#C1#QUOTES"),
            ("GSI1SK", "SENT#001768469400#Q1"),
            ("GSI2PK", "CUST#C1#SITE#S1#QUOTES"),
            ("GSI2SK", "SENT#001768469400#Q1"),
            ("entity", "quote")
        ])
    );
    let invoice = Invoice {
        id: "I1".into(),
        customer_id: "C1".into(),
        site_id: "S1".into(),
        number: "INV-1".into(),
        quote_id: None,
        issued_on: date!(2026 - 01 - 15),
        due_on: date!(2026 - 02 - 14),
        lines: vec![line],
        tax_rate: 2_000,
        currency: "GBP".into(),
        subtotal: 10_000,
        tax: 2_000,
        total: 12_000,
        status: InvoiceStatus::Unpaid,
        paid_on: None,
        document_id: None,
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&invoice),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "INVOICE#I1"),
            ("GSI1PK", "CUST#C1#INVOICES"),
            ("GSI1SK", "UNPAID#2026-02-14#I1"),
            ("GSI2PK", "CUST#C1#SITE#S1#INVOICES"),
            ("GSI2SK", "UNPAID#2026-02-14#I1"),
            ("entity", "invoice")
        ])
    );
    let number = BillingNumber {
        kind: "INVOICE".into(),
        number: "INV-1".into(),
        customer_id: "C1".into(),
        document_id: "I1".into(),
    };
    assert_eq!(
        layout(&number),
        expected(&[
            ("PK", "INVOICENO#INV-1"),
            ("SK", "INVOICENO#INV-1"),
            ("entity", "billing_number")
        ])
    );
    assert_eq!(created_index(&quote), created("QUOTE", "Q1"));
}

#[test]
fn search_postings() {
    use shared::table::search::{Posting, SearchKind};
    let posting = Posting {
        customer_id: "C1".into(),
        term: "boiler".into(),
        kind: SearchKind::Asset,
        record_id: "A1".into(),
        site_id: Some("S1".into()),
        title: "FE-01".into(),
        detail: Some("Boiler room".into()),
        terms: vec!["fe".into(), "01".into(), "boiler".into(), "room".into()],
        title_terms: 2,
        restriction: None,
    };
    assert_eq!(
        layout(&posting),
        expected(&[
            ("PK", "SEARCH#C1"),
            ("SK", "boiler#asset#A1"),
            ("entity", "search_posting")
        ])
    );
}

#[test]
fn activity_counters() {
    use shared::table::{activity::sort_key, keys};
    // A month's total and one site's row, both in the customer's partition.
    assert_eq!(keys::customer("C1"), "CUST#C1");
    assert_eq!(sort_key("2026-10", None), "ACTIVITY#2026-10");
    assert_eq!(sort_key("2026-10", Some("S1")), "ACTIVITY#2026-10#SITE#S1");
}

#[test]
fn projects_their_tasks_and_comments() {
    use shared::table::projects::{Project, ProjectComment, ProjectStatus, ProjectTask, ProjectTaskStatus};
    let project = |status, due_date| Project {
        id: "P1".into(),
        customer_id: "C1".into(),
        name: "Fire panels".into(),
        description: None,
        status,
        start_date: None,
        due_date,
        manager: None,
        milestones: Vec::new(),
        tasks: Default::default(),
        files: Vec::new(),
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    let due = time::macros::date!(2026 - 12 - 24);
    assert_eq!(
        layout(&project(ProjectStatus::Active, Some(due))),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PROJECT#P1"),
            ("GSI1PK", "CUST#C1#PROJECTS#OPEN"),
            ("GSI1SK", "2026-12-24#P1"),
            ("entity", "project"),
        ])
    );
    assert_eq!(
        layout(&project(ProjectStatus::Cancelled, None)),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PROJECT#P1"),
            ("GSI1PK", "CUST#C1#PROJECTS#CLOSED"),
            ("GSI1SK", "9999-12-31#P1"),
            ("entity", "project"),
        ]),
        "closed, undated last"
    );
    let task = ProjectTask {
        id: "K1".into(),
        customer_id: "C1".into(),
        project_id: "P1".into(),
        title: "Order panels".into(),
        description: None,
        status: ProjectTaskStatus::Todo,
        progress: 0,
        due_date: None,
        milestone_id: None,
        assignee: None,
        created_at: AT,
        updated_at: AT,
        version: 1,
    };
    assert_eq!(
        layout(&task),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PROJECT#P1#TASK#K1"),
            ("entity", "project_task")
        ]),
        "in its project's collection"
    );
    let comment = |task_id: Option<&str>| ProjectComment {
        id: "M1".into(),
        customer_id: "C1".into(),
        project_id: "P1".into(),
        task_id: task_id.map(str::to_owned),
        body: "Monday.".into(),
        author: Actor::Contact { id: "A1".into() },
        author_name: "Alice".into(),
        created_at: AT,
    };
    assert_eq!(
        layout(&comment(None)),
        expected(&[("PK", "CUST#C1"), ("SK", "PNOTE#P1#M1"), ("entity", "project_comment")])
    );
    assert_eq!(
        layout(&comment(Some("K1"))),
        expected(&[
            ("PK", "CUST#C1"),
            ("SK", "PNOTE#P1#M1"),
            ("GSI1PK", "CUST#C1#PTASK#K1#COMMENTS"),
            ("GSI1SK", "M1"),
            ("entity", "project_comment"),
        ]),
        "on a task: in the project's thread and the task's"
    );
}
