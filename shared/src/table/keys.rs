//! Every key of the single table is built here and nowhere else.
//!
//! | item | PK | SK | GSI1PK | GSI1SK |
//! |---|---|---|---|---|
//! | customer profile | `CUST#<id>` | `PROFILE` | `CUSTOMERS` or `CUSTOMERS#ARCHIVED` | `<name lowercased>#<id>` |
//! | contact | `CUST#<cid>` | `CONTACT#<id>` | `CUST#<cid>#CONTACTS` or `…#CONTACTS#ARCHIVED` | `<last first lowercased>#<id>` |
//! | contact reference | `CONTACT#<id>` | `REF` | — | — |

pub const PK: &str = "PK";
pub const SK: &str = "SK";
pub const GSI1: &str = "GSI1";
pub const GSI1PK: &str = "GSI1PK";
pub const GSI1SK: &str = "GSI1SK";
pub const ENTITY: &str = "entity";
pub const VERSION: &str = "version";
pub const TTL: &str = "ttl";

pub const PROFILE: &str = "PROFILE";
pub const REF: &str = "REF";
pub const CONTACT_PREFIX: &str = "CONTACT#";

pub fn customer(id: &str) -> String {
    format!("CUST#{id}")
}

pub fn contact(id: &str) -> String {
    format!("{CONTACT_PREFIX}{id}")
}

/// The partition of the "all customers" index, active or archived.
pub fn customers_index(archived: bool) -> String {
    if archived {
        "CUSTOMERS#ARCHIVED".into()
    } else {
        "CUSTOMERS".into()
    }
}

/// The partition of one customer's contacts in GSI1, active or archived.
pub fn contacts_index(customer_id: &str, archived: bool) -> String {
    let suffix = if archived { "#ARCHIVED" } else { "" };
    format!("CUST#{customer_id}#CONTACTS{suffix}")
}

/// A sort key that orders by a display name, case-insensitively, with the id as tie-breaker.
pub fn by_name(name: &str, id: &str) -> String {
    let folded: String = name.trim().to_lowercase().chars().take(100).collect();
    format!("{folded}#{id}")
}

pub const UNIQUE: &str = "UNIQUE";
pub const TOKEN: &str = "TOKEN";
pub const OUTBOX: &str = "OUTBOX";
pub const INVITATIONS: &str = "INVITATIONS";
pub const HISTORY_PREFIX: &str = "HIST#";

/// Usernames and emails are unique across the deployment, case-insensitively.
pub fn username(name: &str) -> String {
    format!("USERNAME#{}", name.trim().to_lowercase())
}

pub fn email(address: &str) -> String {
    format!("EMAIL#{}", address.trim().to_lowercase())
}

/// An activation or reset token, by the SHA-256 of its value.
pub fn token(hash: &str) -> String {
    format!("TOKEN#{hash}")
}

/// Pending invitations in GSI1, ordered by expiry (zero-padded epoch seconds).
pub fn invitation_expiry(expires_at: i64, hash: &str) -> String {
    format!("{expires_at:012}#{hash}")
}

/// A contact's portal-access history inside the customer partition, in time order.
pub fn history_prefix(contact_id: &str) -> String {
    format!("{HISTORY_PREFIX}{contact_id}#")
}

pub fn history(contact_id: &str, event_id: &str) -> String {
    format!("{HISTORY_PREFIX}{contact_id}#{event_id}")
}

pub fn outbox(id: &str) -> String {
    format!("OUTBOX#{id}")
}

/// A fixed-window counter (rate limiting).
pub fn rate(key: &str) -> String {
    format!("RATE#{key}")
}

/// A TOTP code once accepted for a user, so it is never accepted again.
pub fn used_code(username: &str) -> String {
    format!("TOTPUSED#{}", username.to_lowercase())
}

pub const GSI2: &str = "GSI2";
pub const GSI2PK: &str = "GSI2PK";
pub const GSI2SK: &str = "GSI2SK";

/// GSI3: the records staff report on, across customers, by kind and time of creation.
pub const GSI3: &str = "GSI3";
pub const GSI3PK: &str = "GSI3PK";
pub const GSI3SK: &str = "GSI3SK";

/// The GSI3 partition of one kind of record created in one UTC month (`TICKET`, `2026-11`): a month
/// per partition keeps any one partition's size and write rate bounded.
pub fn created_in(kind: &str, month: &str) -> String {
    format!("CREATED#{kind}#{month}")
}

/// The GSI3 key of a record of `kind` created at `at`.
pub fn created(kind: &str, at: time::OffsetDateTime, customer_id: &str, id: &str) -> (String, String) {
    let utc = at.to_offset(time::UtcOffset::UTC);
    (
        created_in(kind, &crate::months::month_of(utc.date())),
        created_at(utc.unix_timestamp(), customer_id, id),
    )
}

/// The GSI3 sort key: zero-padded epoch seconds of creation, then the customer and the record.
pub fn created_at(epoch_seconds: i64, customer_id: &str, id: &str) -> String {
    format!("{epoch_seconds:012}#{customer_id}#{id}")
}
pub const TICKET_PREFIX: &str = "TICKET#";
pub const COUNTER: &str = "COUNTER";
pub const DASHBOARD: &str = "DASHBOARD";
pub const SETTINGS: &str = "SETTINGS";
pub const PORTAL_SETTINGS: &str = "PORTAL";
pub const SLA_SETTINGS: &str = "SLA";

pub fn ticket(id: &str) -> String {
    format!("{TICKET_PREFIX}{id}")
}

/// A ticket's conversation (contact notes, public notes, emails), in time order after the ticket.
pub fn ticket_notes_prefix(ticket_id: &str) -> String {
    format!("TNOTE#{ticket_id}#")
}

pub fn ticket_note(ticket_id: &str, note_id: &str) -> String {
    format!("TNOTE#{ticket_id}#{note_id}")
}

/// Internal notes live under their own prefix, so no portal query can ever read them.
pub fn ticket_internal_prefix(ticket_id: &str) -> String {
    format!("TINTERNAL#{ticket_id}#")
}

/// A file announced for a ticket, until it is checked and added to the ticket.
pub fn pending_attachment(ticket_id: &str, attachment_id: &str) -> String {
    format!("TUPLOAD#{ticket_id}#{attachment_id}")
}

/// A file announced for a project, until it is checked and added to the project.
pub fn pending_project_file(project_id: &str, attachment_id: &str) -> String {
    format!("PUPLOAD#{project_id}#{attachment_id}")
}

pub fn ticket_internal(ticket_id: &str, note_id: &str) -> String {
    format!("TINTERNAL#{ticket_id}#{note_id}")
}

/// Portal-visible tickets of a customer (GSI1) or originated by one contact (GSI2), open or closed.
pub fn visible_tickets(customer_id: &str, closed: bool) -> String {
    format!("CUST#{customer_id}#TICKETS#{}", if closed { "CLOSED" } else { "OPEN" })
}

pub fn contact_tickets(contact_id: &str, closed: bool) -> String {
    format!(
        "CONTACT#{contact_id}#TICKETS#{}",
        if closed { "CLOSED" } else { "OPEN" }
    )
}

/// A contact's confidential tickets in one customer (GSI1): kept out of the company-wide partition, so
/// colleagues with the see-all grant never list them.
pub fn confidential_tickets(customer_id: &str, contact_id: &str, closed: bool) -> String {
    format!(
        "CUST#{customer_id}#CONFIDENTIAL#{contact_id}#TICKETS#{}",
        if closed { "CLOSED" } else { "OPEN" }
    )
}

pub fn counter(name: &str) -> String {
    format!("COUNTER#{name}")
}

pub const HEAD: &str = "HEAD";
pub const PORTAL_TEMPLATES: &str = "PORTALTEMPLATES";
pub const SHEET_PREFIX: &str = "SHEET#";

/// The partition of the templates index, active or archived.
pub fn templates_index(archived: bool) -> String {
    if archived {
        "TEMPLATES#ARCHIVED".into()
    } else {
        "TEMPLATES".into()
    }
}

pub fn template(id: &str) -> String {
    format!("TEMPLATE#{id}")
}

pub fn template_version(version: u64) -> String {
    format!("V#{version:06}")
}

pub fn sheet(id: &str) -> String {
    format!("{SHEET_PREFIX}{id}")
}

pub const MODULES: &str = "MODULES";

pub const JOB_PREFIX: &str = "JOB#";
pub const WORKFLOW_PREFIX: &str = "WORKFLOW#";

pub fn job(id: &str) -> String {
    format!("{JOB_PREFIX}{id}")
}

pub fn workflow(id: &str) -> String {
    format!("{WORKFLOW_PREFIX}{id}")
}

/// A customer's active workflows in GSI1 (sparse: inactive ones leave it).
pub fn active_workflows(customer_id: &str) -> String {
    format!("CUST#{customer_id}#WORKFLOWS")
}

/// The knowledge base's articles and their tallies.
pub const KB: &str = "KB";
pub const ARTICLE_PREFIX: &str = "ARTICLE#";

pub fn article(id: &str) -> String {
    format!("{ARTICLE_PREFIX}{id}")
}

pub fn article_counts(id: &str) -> String {
    format!("ARTICLECOUNTS#{id}")
}

/// The published articles of one audience (`ALL` or a customer id).
pub fn article_list(audience: &str) -> String {
    format!("KBLIST#{audience}")
}

pub const ARTICLE_LISTING_PREFIX: &str = "L#";

/// A listing's sort key: its publication in epoch seconds (12 digits), then the article.
pub fn article_listing(published: i64, article_id: &str) -> String {
    format!("{ARTICLE_LISTING_PREFIX}{published:012}#{article_id}")
}

/// An audience's published articles of one category (GSI1).
pub fn article_category(audience: &str, category: &str) -> String {
    format!("KBLIST#{audience}#CAT#{}", category.trim().to_lowercase())
}

/// An audience's category counts: after every listing in the partition, so no listing query reads it.
pub const KB_CATEGORIES: &str = "~CATEGORIES";

pub fn article_vote(article_id: &str, contact_id: &str) -> String {
    format!("KBVOTE#{article_id}#{contact_id}")
}

pub const NEWS: &str = "NEWS";
pub const NEWS_PREFIX: &str = "NEWS#";

pub fn news(id: &str) -> String {
    format!("{NEWS_PREFIX}{id}")
}

pub fn dismissals(contact_id: &str) -> String {
    format!("DISMISS#{contact_id}#")
}

pub fn dismissal(contact_id: &str, news_id: &str) -> String {
    format!("DISMISS#{contact_id}#{news_id}")
}

pub const SUPPORT_ENDS: &str = "SUPPORT_ENDS";

/// A renewal notice sent to a contact for one contract end date.
pub fn support_notice(contact_id: &str, support_end: &str) -> String {
    format!("NOTICE#{contact_id}#{support_end}")
}

pub const DOC_PREFIX: &str = "DOC#";

pub fn document(id: &str) -> String {
    format!("{DOC_PREFIX}{id}")
}

/// A customer's portal-visible, uploaded documents in GSI1, ordered by folder and name.
pub fn visible_documents(customer_id: &str) -> String {
    format!("CUST#{customer_id}#DOCS")
}

pub const SITE_PREFIX: &str = "SITE#";
/// A month of a customer's activity counters (`ACTIVITY#<YYYY-MM>`, and `…#SITE#<id>` per site).
pub const ACTIVITY_PREFIX: &str = "ACTIVITY#";
pub const ASSET_PREFIX: &str = "ASSET#";
pub const DEFECT_PREFIX: &str = "DEFECT#";
pub const FIELD_COUNTS: &str = "FIELDCOUNTS";
pub const ASSET_TYPES: &str = "ASSET_TYPES";

pub fn site(id: &str) -> String {
    format!("{SITE_PREFIX}{id}")
}

/// A site's counters, beside the site in the customer partition.
pub fn site_counts(site_id: &str) -> String {
    format!("SITECOUNTS#{site_id}")
}

/// A customer's sites in GSI1, by name.
pub fn customer_sites(customer_id: &str) -> String {
    format!("CUST#{customer_id}#SITES")
}

pub fn asset(id: &str) -> String {
    format!("{ASSET_PREFIX}{id}")
}

/// A site's assets in GSI1, by type and identifier.
pub fn site_assets(customer_id: &str, site_id: &str) -> String {
    format!("CUST#{customer_id}#SITE#{site_id}#ASSETS")
}

pub fn defect(id: &str) -> String {
    format!("{DEFECT_PREFIX}{id}")
}

/// A site's published defects in GSI1, by status and time raised.
pub fn site_defects(customer_id: &str, site_id: &str) -> String {
    format!("CUST#{customer_id}#SITE#{site_id}#DEFECTS")
}

/// A customer's published defects in GSI2, by status and time raised.
pub fn customer_defects(customer_id: &str) -> String {
    format!("CUST#{customer_id}#DEFECTS")
}

/// A site's portal-visible documents in GSI2, by folder and name.
pub fn site_documents(customer_id: &str, site_id: &str) -> String {
    format!("CUST#{customer_id}#SITE#{site_id}#DOCS")
}

pub const QUOTE_PREFIX: &str = "QUOTE#";
pub const INVOICE_PREFIX: &str = "INVOICE#";

pub fn quote(id: &str) -> String {
    format!("{QUOTE_PREFIX}{id}")
}

/// A customer's quotes past draft in GSI1, by status and time sent.
pub fn customer_quotes(customer_id: &str) -> String {
    format!("CUST#{customer_id}#QUOTES")
}

/// A site's quotes past draft in GSI2, the same way.
pub fn site_quotes(customer_id: &str, site_id: &str) -> String {
    format!("CUST#{customer_id}#SITE#{site_id}#QUOTES")
}

pub fn invoice(id: &str) -> String {
    format!("{INVOICE_PREFIX}{id}")
}

/// A customer's invoices in GSI1, by status and due date.
pub fn customer_invoices(customer_id: &str) -> String {
    format!("CUST#{customer_id}#INVOICES")
}

/// A site's invoices in GSI2, the same way.
pub fn site_invoices(customer_id: &str, site_id: &str) -> String {
    format!("CUST#{customer_id}#SITE#{site_id}#INVOICES")
}

/// A quote or invoice number, unique across the business: (`QUOTE` or `INVOICE`, number).
pub fn billing_number(kind: &str, number: &str) -> String {
    format!("{kind}NO#{number}")
}

/// A site's field jobs in GSI1, newest first.
pub fn site_jobs(customer_id: &str, site_id: &str) -> String {
    format!("CUST#{customer_id}#SITE#{site_id}#JOBS")
}

/// A customer's routine jobs in GSI2, by month due.
pub fn routine_jobs(customer_id: &str) -> String {
    format!("CUST#{customer_id}#ROUTINE")
}

/// A customer's reactive jobs (service calls) in GSI2, by month logged and stage.
pub fn reactive_jobs(customer_id: &str) -> String {
    format!("CUST#{customer_id}#REACTIVE")
}

pub fn group(id: &str) -> String {
    format!("GROUP#{id}")
}

pub const GROUP: &str = "GROUP";
/// Every client group in GSI1, by name.
pub const GROUPS: &str = "GROUPS";

/// A group's child groups in GSI2.
pub fn child_groups(parent_id: &str) -> String {
    format!("GROUPS#PARENT#{parent_id}")
}

/// A customer's search index partition.
pub fn search(customer_id: &str) -> String {
    format!("SEARCH#{customer_id}")
}

/// A posting: the term first, so a word's prefix is a range of the partition.
pub fn search_term(term: &str, kind: &str, record_id: &str) -> String {
    format!("{term}#{kind}#{record_id}")
}

/// A contact's subscription to the monthly activity report.
pub fn report_subscription(contact_id: &str) -> String {
    format!("REPORTSUB#{contact_id}")
}

/// Every subscription, by customer then contact (GSI1), for the monthly mailing.
pub const REPORT_SUBSCRIBERS: &str = "REPORT_SUBSCRIBERS";

/// The claim that a month's report was queued to a contact: once per contact and month.
pub fn report_mailing(contact_id: &str, month: &str) -> String {
    format!("REPORTMAIL#{contact_id}#{month}")
}

/// An email's one-click unsubscribe link, by the hash of its token.
pub fn unsubscribe(hash: &str) -> String {
    format!("UNSUB#{hash}")
}

pub const UNSUBSCRIBE: &str = "UNSUB";

/// A mailed report link, by the hash of its id.
pub fn report_link(hash: &str) -> String {
    format!("REPORTLINK#{hash}")
}

/// The kinds of record in GSI3.
pub mod report_kind {
    pub const TICKET: &str = "TICKET";
    pub const JOB: &str = "JOB";
    pub const SHEET: &str = "SHEET";
    pub const WORKFLOW: &str = "WORKFLOW";
    pub const QUOTE: &str = "QUOTE";
}

pub const PROJECT_PREFIX: &str = "PROJECT#";

/// A project; its tasks follow it in its collection (`PROJECT#<id>#TASK#<task>`), so one Query reads both.
pub fn project(id: &str) -> String {
    format!("{PROJECT_PREFIX}{id}")
}

pub fn project_tasks_prefix(project_id: &str) -> String {
    format!("{PROJECT_PREFIX}{project_id}#TASK#")
}

pub fn project_task(project_id: &str, task_id: &str) -> String {
    format!("{PROJECT_PREFIX}{project_id}#TASK#{task_id}")
}

/// A project's comments (on it or its tasks), in time order, apart from the project's collection.
pub fn project_comments_prefix(project_id: &str) -> String {
    format!("PNOTE#{project_id}#")
}

pub fn project_comment(project_id: &str, comment_id: &str) -> String {
    format!("PNOTE#{project_id}#{comment_id}")
}

/// One task's comments in GSI1.
pub fn task_comments(customer_id: &str, task_id: &str) -> String {
    format!("CUST#{customer_id}#PTASK#{task_id}#COMMENTS")
}

/// A customer's open or closed projects in GSI1.
pub fn customer_projects(customer_id: &str, closed: bool) -> String {
    format!("CUST#{customer_id}#PROJECTS#{}", if closed { "CLOSED" } else { "OPEN" })
}

/// A sort key that orders by a date, soonest first, undated last, with the id as tie-breaker.
pub fn by_due_date(date: Option<time::Date>, id: &str) -> String {
    match date {
        Some(d) => format!("{d}#{id}"),
        None => format!("9999-12-31#{id}"),
    }
}
