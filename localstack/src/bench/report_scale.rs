//! The activity report at scale: a customer with 5,000 sites and a month of 10,000 events (4,000 field
//! jobs, 2,000 defects raised of which 1,000 resolved, 2,000 invoices issued of which 1,000 paid), the
//! records written in bulk and their activity counters written as the sum of what each record adds, as
//! their own transactions would have. Then the report of that month: its DynamoDB work, the time to
//! build and render it, the PDF's size, and the `reports` binary's answer time and peak memory when it
//! renders the PDF from a cold start.

use std::time::Instant;

use shared::{
    table::{
        activity::{sort_key, Activity, Reported},
        billing::{totals, Line},
        counters::Counts,
        defects::{Defect, DefectStatus},
        invoices::{Invoice, InvoiceStatus},
        keys,
        operations::{FieldWork, Job, JobKind, JobStage, JobStatus},
        sites::{Severity, Site},
        PrimaryKey,
    },
    Context,
};
use time::{Date, Duration, OffsetDateTime};

use super::{
    counting::{Counter, Work},
    events::{http_event, Callers, Dispatcher},
    process,
};
use crate::provision::BoxError;

pub const SITES: usize = 5_000;
pub const EVENTS: usize = 10_000;

pub struct ReportScale {
    pub month: String,
    pub sites: usize,
    pub events: usize,
    /// `GET /portal/reports/activity`: the figures.
    pub figures: Work,
    pub figures_ms: f64,
    /// `GET /portal/reports/activity/pdf`, rendering: the work, the whole request, the render alone.
    pub pdf: Work,
    pub pdf_ms: f64,
    pub render_ms: f64,
    pub pdf_bytes: usize,
    pub pdf_pages: usize,
    /// The release `reports` binary rendering the same PDF from a cold start.
    pub cold_answer_ms: f64,
    pub peak_rss_kib: u64,
}

fn last_month(today: Date) -> (Date, String) {
    let first = today.replace_day(1).expect("day 1") - Duration::days(1);
    let first = first.replace_day(1).expect("day 1");
    (first, format!("{:04}-{:02}", first.year(), u8::from(first.month())))
}

/// The sites and the month's records, with the counters they add.
async fn seed(ctx: &Context, customer_id: &str, first: Date, month: &str) -> Result<(), BoxError> {
    let now = OffsetDateTime::now_utc();
    let at = |n: usize| (first + Duration::days((n % 28) as i64)).midnight().assume_utc() + Duration::hours(9);
    let sites: Vec<Site> = (0..SITES)
        .map(|n| Site {
            id: shared::ids::new_id(),
            customer_id: customer_id.to_owned(),
            name: format!("Report site {n:05}"),
            address: Default::default(),
            latitude: None,
            longitude: None,
            notes: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    ctx.table.put_many(&sites).await?;
    let site = |n: usize| sites[n * 7919 % SITES].id.clone();
    let mut activity = Activity::default();
    let mut add = |a: Activity| {
        for (k, counts) in a.0 {
            let into = activity.0.entry(k).or_default();
            for (name, v) in counts {
                *into.entry(name).or_insert(0) += v;
            }
        }
    };

    let jobs: Vec<Job> = (0..4_000)
        .map(|n| {
            let routine = n % 2 == 0;
            let stage = JobStage::ALL[n % JobStage::ALL.len()];
            Job {
                id: shared::ids::new_id(),
                customer_id: customer_id.to_owned(),
                reference: format!("RB-{n}"),
                description: "Benchmark work".into(),
                job_type: "service".into(),
                taken_by: None,
                order_number: None,
                booked_dates: vec![],
                scheduled_at: None,
                days_allocated: None,
                technicians: vec![],
                estimated_hours: None,
                actual_hours: None,
                status: JobStatus::Booked,
                finished_at: None,
                closed_at: None,
                field: Some(FieldWork {
                    site_id: site(n),
                    kind: if routine { JobKind::Routine } else { JobKind::Reactive },
                    stage,
                    due_month: routine.then(|| month.to_owned()),
                    tolerance_days: 7,
                    logged_on: at(n).date(),
                    performed_on: stage.done().then(|| at(n + 3).date()),
                }),
                created_at: now,
                updated_at: now,
                version: 1,
            }
        })
        .collect();
    for j in &jobs {
        add(j.activity(&ctx.table.zone));
    }
    ctx.table.put_many(&jobs).await?;

    let defects: Vec<Defect> = (0..2_000)
        .map(|n| Defect {
            id: shared::ids::new_id(),
            customer_id: customer_id.to_owned(),
            site_id: site(n + 11),
            asset_id: None,
            severity: Severity::ALL[n % Severity::ALL.len()],
            description: "Benchmark defect".into(),
            status: if n % 2 == 0 {
                DefectStatus::Resolved
            } else {
                DefectStatus::Open
            },
            raised_at: at(n),
            resolved_at: (n % 2 == 0).then(|| at(n + 5)),
            published: true,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    for d in &defects {
        add(d.activity(&ctx.table.zone));
    }
    ctx.table.put_many(&defects).await?;

    let lines = vec![Line {
        description: "Maintenance".into(),
        quantity: 1.0,
        unit_price: 25_000,
    }];
    let (subtotal, tax, total) = totals(&lines, 2_000);
    let invoices: Vec<Invoice> = (0..2_000)
        .map(|n| Invoice {
            id: shared::ids::new_id(),
            customer_id: customer_id.to_owned(),
            site_id: site(n + 23),
            number: format!("RB-INV-{n:05}"),
            quote_id: None,
            issued_on: at(n).date(),
            due_on: at(n).date() + Duration::days(14),
            lines: lines.clone(),
            tax_rate: 2_000,
            currency: "GBP".into(),
            subtotal,
            tax,
            total,
            status: if n % 2 == 0 {
                InvoiceStatus::Paid
            } else {
                InvoiceStatus::Unpaid
            },
            paid_on: (n % 2 == 0).then(|| at(n + 2).date()),
            document_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    for i in &invoices {
        add(i.activity(&ctx.table.zone));
    }
    ctx.table.put_many(&invoices).await?;

    // The counters, each item one ADD as the records' transactions make them (100 to a transaction).
    let mut actions = Vec::new();
    for ((m, s), counts) in activity.0 {
        let key = PrimaryKey::new(keys::customer(customer_id), sort_key(&m, s.as_deref()));
        actions.extend(ctx.table.add_counts("activity", key, "activity", &counts)?);
    }
    while !actions.is_empty() {
        let rest = actions.split_off(actions.len().min(100));
        ctx.table
            .transact(std::mem::replace(&mut actions, rest))
            .await
            .map_err(|_| "writing the activity counters failed")?;
    }
    Ok(())
}

pub async fn measure(ctx: &Context, callers: &Callers, env: &[(String, String)]) -> Result<ReportScale, BoxError> {
    let today = ctx.table.zone.today();
    let (first, month) = last_month(today);
    eprintln!("report scale: {SITES} sites and {EVENTS} events in {month}");
    seed(ctx, &callers.customer_id, first, &month).await?;
    let pdf_uri = format!("/portal/reports/activity/pdf?month={month}");
    let event = |uri: &str| http_event("GET", uri, None, callers.for_path(uri.split('?').next().unwrap_or(uri)));

    // The release binary renders it first, from a cold start, so its memory is the rendering's.
    let run = process::run(&process::binary("reports"), vec![event(&pdf_uri)], env).await?;
    if run.failures() > 0 {
        return Err("the reports binary failed to answer".into());
    }

    let counter = Counter::default();
    let counted = counter.context(ctx);
    let dispatcher = Dispatcher::new(&counted).await?;
    let figures_uri = format!("/portal/reports/activity?month={month}");
    counter.take();
    let started = Instant::now();
    let reply = dispatcher.call(&event(&figures_uri)).await?;
    let figures_ms = started.elapsed().as_secs_f64() * 1e3;
    let figures = counter.take();
    if reply.status != 200 {
        return Err(format!("{figures_uri}: {}", reply.status).into());
    }
    let report: reports::activity::ActivityReport =
        serde_json::from_value(reply.body.clone()).map_err(|e| format!("the report did not read back: {e}"))?;
    let started = Instant::now();
    let pdf = reports::pdf::render(&report);
    let render_ms = started.elapsed().as_secs_f64() * 1e3;
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    let pages = count(b"/Type /Page") - count(b"/Type /Pages");

    // A changed figure names a new object, so this request renders and stores it again.
    ctx.table
        .transact(
            ctx.table
                .add_counts(
                    "activity",
                    PrimaryKey::new(keys::customer(&callers.customer_id), sort_key(&month, None)),
                    "activity",
                    &Counts::from([("tickets_opened".to_owned(), 1)]),
                )?
                .into_iter()
                .collect(),
        )
        .await
        .map_err(|_| "bumping a counter failed")?;
    counter.take();
    let started = Instant::now();
    let reply = dispatcher.call(&event(&pdf_uri)).await?;
    let pdf_ms = started.elapsed().as_secs_f64() * 1e3;
    let pdf_work = counter.take();
    if reply.status != 200 || reply.body["rendered"] != true {
        return Err(format!("{pdf_uri}: {} {}", reply.status, reply.body).into());
    }
    Ok(ReportScale {
        month,
        sites: SITES,
        events: EVENTS,
        figures,
        figures_ms,
        pdf: pdf_work,
        pdf_ms,
        render_ms,
        pdf_bytes: pdf.len(),
        pdf_pages: pages,
        cold_answer_ms: run.first_response().as_secs_f64() * 1e3,
        peak_rss_kib: run.peak_rss_kib,
    })
}

impl ReportScale {
    pub fn markdown(&self) -> String {
        format!(
            "| Measured ({} sites, {} events in {}) | Figure |\n|---|---|\n\
             | `GET /portal/reports/activity`: round trips / items read | {} / {} |\n\
             | the same: time in process (release build, dynoxide) | {:.0} ms |\n\
             | `GET /portal/reports/activity/pdf` rendering: round trips / items read | {} / {} |\n\
             | the same: time in process | {:.0} ms |\n\
             | rendering the PDF alone | {:.1} ms |\n\
             | the PDF | {} KiB, {} pages |\n\
             | release `reports` binary, cold start to the PDF link | {:.0} ms |\n\
             | its peak RSS | {:.1} MiB |\n",
            self.sites,
            self.events,
            self.month,
            self.figures.round_trips,
            self.figures.items_read,
            self.figures_ms,
            self.pdf.round_trips,
            self.pdf.items_read,
            self.pdf_ms,
            self.render_ms,
            self.pdf_bytes / 1024,
            self.pdf_pages,
            self.cold_answer_ms,
            self.peak_rss_kib as f64 / 1024.0,
        )
    }
}
