//! The monthly activity report, shaped from a month's counters: sections for the modules the portal
//! offers, a row per site with activity, and six months of totals for the chart.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shared::{
    modules::Module,
    table::{
        activity::{metric, MonthActivity},
        counters::Counts,
        operations::{JobStage, RoutineOutcome},
        sites::Severity,
    },
};
use time::Date;
use utoipa::ToSchema;

/// `GET /portal/reports/activity`.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct ActivityReport {
    pub customer_id: String,
    pub customer_name: String,
    /// The service business the report comes from.
    pub business: String,
    /// `YYYY-MM`, in the business's time zone.
    pub month: String,
    /// The IANA zone the month is counted in.
    pub time_zone: String,
    /// The day the figures were read: routine work missed and invoices overdue are as of this day.
    pub as_of: Date,
    /// Nothing happened in the month; the report says so.
    pub empty: bool,
    /// One per module the portal offers that has figures to show.
    pub sections: Vec<Section>,
    /// What the site rows hold, in order.
    pub site_columns: Vec<Column>,
    /// The sites with activity in the month, by name.
    pub sites: Vec<SiteRow>,
    /// The customer's sites with no activity in the month.
    pub quiet_sites: usize,
    /// Six months up to this one, for the chart.
    pub trend: Trend,
}

/// What a section covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    Tickets,
    Routine,
    ServiceCalls,
    Defects,
    Quotes,
    Invoices,
    DataSheets,
    Documents,
}

#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Section {
    pub key: SectionKey,
    pub title: String,
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Figure {
    /// Stable, for the CSV and the web app's labels (`tickets_opened`, `defects_raised_critical`).
    pub key: String,
    pub label: String,
    pub count: i64,
    /// Money behind the count, per currency (invoices only).
    pub amounts: Vec<Amount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Amount {
    pub currency: String,
    /// In minor units (cents).
    pub minor: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Column {
    pub key: String,
    pub label: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct SiteRow {
    pub site_id: String,
    pub name: String,
    /// One per [`ActivityReport::site_columns`].
    pub values: Vec<i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Trend {
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    pub series: Vec<Series>,
}

#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Series {
    pub key: String,
    pub label: String,
    /// One per month of [`Trend::months`].
    pub values: Vec<i64>,
}

/// What a report is made from.
pub struct Inputs<'a> {
    pub customer_id: &'a str,
    pub customer_name: &'a str,
    pub business: &'a str,
    pub month: &'a str,
    pub time_zone: &'a str,
    pub today: Date,
    pub modules: &'a [Module],
    pub activity: &'a MonthActivity,
    /// The totals of the months of the trend, oldest first, ending with this month's.
    pub trend: &'a [(String, Counts)],
    /// Site id → name, for every site of the customer.
    pub site_names: &'a BTreeMap<String, String>,
}

/// Figures read off one set of counters (a month's total or one site's row) as of `today`.
struct Read<'a> {
    counts: &'a Counts,
    today: Date,
}

impl Read<'_> {
    fn n(&self, key: &str) -> i64 {
        self.counts.get(key).copied().unwrap_or(0)
    }

    /// Counters `<prefix><day>` (or `<prefix><currency>#<day>`) whose day is before today.
    fn past_due(&self, prefix: &str) -> BTreeMap<String, i64> {
        let today = self.today.to_string();
        let mut out = BTreeMap::new();
        for (k, v) in self.counts.range(prefix.to_owned()..) {
            let Some(rest) = k.strip_prefix(prefix) else { break };
            let (group, day) = rest.rsplit_once('#').unwrap_or(("", rest));
            if day < today.as_str() {
                *out.entry(group.to_owned()).or_insert(0) += v;
            }
        }
        out
    }

    fn routine(&self, outcome: RoutineOutcome) -> i64 {
        match outcome {
            RoutineOutcome::Missed => self.past_due(metric::ROUTINE_OPEN).values().sum(),
            RoutineOutcome::Pending => {
                let open: i64 = self.with_prefix(metric::ROUTINE_OPEN).values().sum();
                open - self.routine(RoutineOutcome::Missed)
            }
            done => self.n(&format!("{}{}", metric::ROUTINE, done.as_str())),
        }
    }

    fn routine_done(&self) -> i64 {
        [
            RoutineOutcome::OnTime,
            RoutineOutcome::WithinTolerance,
            RoutineOutcome::Late,
        ]
        .into_iter()
        .map(|o| self.routine(o))
        .sum()
    }

    fn with_prefix(&self, prefix: &str) -> BTreeMap<String, i64> {
        self.counts
            .range(prefix.to_owned()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k[prefix.len()..].to_owned(), *v))
            .collect()
    }

    fn service_calls(&self) -> i64 {
        self.with_prefix(metric::REACTIVE).values().sum()
    }

    fn defects(&self, prefix: &str) -> i64 {
        self.with_prefix(prefix).values().sum()
    }

    fn overdue(&self) -> i64 {
        self.n(metric::INVOICES_LATE) + self.past_due(metric::INVOICES_UNPAID).values().sum::<i64>()
    }

    fn overdue_amounts(&self) -> Vec<Amount> {
        let mut by: BTreeMap<String, i64> = self.with_prefix(metric::INVOICES_LATE_AMOUNT).into_iter().collect();
        for (cur, v) in self.past_due(metric::INVOICES_UNPAID_AMOUNT) {
            *by.entry(cur).or_insert(0) += v;
        }
        amounts(by)
    }

    fn amounts(&self, prefix: &str) -> Vec<Amount> {
        amounts(self.with_prefix(prefix))
    }
}

fn amounts(by: BTreeMap<String, i64>) -> Vec<Amount> {
    by.into_iter()
        .filter(|(_, v)| *v != 0)
        .map(|(currency, minor)| Amount { currency, minor })
        .collect()
}

fn figure(key: impl Into<String>, label: impl Into<String>, count: i64) -> Figure {
    Figure {
        key: key.into(),
        label: label.into(),
        count,
        amounts: Vec::new(),
    }
}

fn title_case(snake: &str) -> String {
    let words = snake.replace('_', " ");
    let mut c = words.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The sections the portal's modules call for, each with its figures.
fn sections(r: &Read, modules: &[Module]) -> Vec<Section> {
    let on = |m| modules.contains(&m);
    let mut out = Vec::new();
    let mut push = |key, title: &str, figures| {
        out.push(Section {
            key,
            title: title.to_owned(),
            figures,
        })
    };
    if on(Module::Tickets) {
        push(
            SectionKey::Tickets,
            "Tickets",
            vec![
                figure("tickets_opened", "Opened", r.n(metric::TICKETS_OPENED)),
                figure("tickets_closed", "Closed", r.n(metric::TICKETS_CLOSED)),
            ],
        );
    }
    if on(Module::Routine) {
        let mut figures: Vec<Figure> = RoutineOutcome::ALL
            .into_iter()
            .map(|o| figure(format!("routine_{}", o.as_str()), title_case(o.as_str()), r.routine(o)))
            .collect();
        let due = figures.iter().map(|f| f.count).sum();
        figures.insert(0, figure("routine_due", "Due this month", due));
        push(SectionKey::Routine, "Routine maintenance", figures);
    }
    if on(Module::ServiceCalls) {
        let mut figures = vec![figure("service_calls_logged", "Logged", r.service_calls())];
        figures.extend(JobStage::ALL.into_iter().map(|s| {
            figure(
                format!("service_calls_{}", s.as_str()),
                format!("Now {}", s.as_str().replace('_', " ")),
                r.n(&format!("{}{}", metric::REACTIVE, s.as_str())),
            )
        }));
        push(SectionKey::ServiceCalls, "Service calls", figures);
    }
    if on(Module::Sites) {
        let mut figures = vec![
            figure("defects_raised", "Raised", r.defects(metric::DEFECTS_RAISED)),
            figure("defects_resolved", "Resolved", r.defects(metric::DEFECTS_RESOLVED)),
        ];
        for (prefix, what) in [
            (metric::DEFECTS_RAISED, "raised"),
            (metric::DEFECTS_RESOLVED, "resolved"),
        ] {
            figures.extend(Severity::ALL.into_iter().map(|s| {
                figure(
                    format!("defects_{what}_{}", s.as_str()),
                    format!("{} {what}", title_case(s.as_str())),
                    r.n(&format!("{prefix}{}", s.as_str())),
                )
            }));
        }
        push(SectionKey::Defects, "Defects", figures);
    }
    if on(Module::Quotes) {
        push(
            SectionKey::Quotes,
            "Quotes",
            vec![
                figure("quotes_sent", "Sent", r.n(metric::QUOTES_SENT)),
                figure("quotes_authorised", "Authorised", r.n(metric::QUOTES_AUTHORISED)),
                figure("quotes_declined", "Declined", r.n(metric::QUOTES_DECLINED)),
            ],
        );
    }
    if on(Module::Invoices) {
        let mut issued = figure("invoices_issued", "Issued", r.n(metric::INVOICES_ISSUED));
        issued.amounts = r.amounts(metric::INVOICES_ISSUED_AMOUNT);
        let mut paid = figure("invoices_paid", "Paid", r.n(metric::INVOICES_PAID));
        paid.amounts = r.amounts(metric::INVOICES_PAID_AMOUNT);
        let mut overdue = figure("invoices_overdue", "Due this month and overdue", r.overdue());
        overdue.amounts = r.overdue_amounts();
        push(SectionKey::Invoices, "Invoices", vec![issued, paid, overdue]);
    }
    if on(Module::DataSheets) {
        push(
            SectionKey::DataSheets,
            "Data sheets",
            vec![figure(
                "data_sheets_submitted",
                "Submitted",
                r.n(metric::SHEETS_SUBMITTED),
            )],
        );
    }
    if on(Module::Documents) {
        push(
            SectionKey::Documents,
            "Documents",
            vec![figure(
                "documents_shared",
                "Shared with you",
                r.n(metric::DOCUMENTS_SHARED),
            )],
        );
    }
    out
}

/// One number the site table or the chart shows: its key, its label, the module it needs, and how a
/// month's (or a site's) counters give it.
struct Measure {
    key: &'static str,
    label: &'static str,
    module: Module,
    value: fn(&Read) -> i64,
}

impl Measure {
    const fn new(key: &'static str, label: &'static str, module: Module, value: fn(&Read) -> i64) -> Self {
        Self {
            key,
            label,
            module,
            value,
        }
    }
}

const ROUTINE_DONE: Measure = Measure::new("routine_done", "Routine done", Module::Routine, |r| r.routine_done());
const DEFECTS_RAISED: Measure = Measure::new("defects_raised", "Defects raised", Module::Sites, |r| {
    r.defects(metric::DEFECTS_RAISED)
});

/// The site table's columns.
const SITE_COLUMNS: [Measure; 9] = [
    ROUTINE_DONE,
    Measure::new("routine_missed", "Routine missed", Module::Routine, |r| {
        r.routine(RoutineOutcome::Missed)
    }),
    Measure::new("service_calls_logged", "Calls", Module::ServiceCalls, |r| {
        r.service_calls()
    }),
    DEFECTS_RAISED,
    Measure::new("defects_resolved", "Defects resolved", Module::Sites, |r| {
        r.defects(metric::DEFECTS_RESOLVED)
    }),
    Measure::new("quotes_sent", "Quotes sent", Module::Quotes, |r| {
        r.n(metric::QUOTES_SENT)
    }),
    Measure::new("invoices_issued", "Invoices", Module::Invoices, |r| {
        r.n(metric::INVOICES_ISSUED)
    }),
    Measure::new("invoices_overdue", "Overdue", Module::Invoices, |r| r.overdue()),
    Measure::new("documents_shared", "Documents", Module::Documents, |r| {
        r.n(metric::DOCUMENTS_SHARED)
    }),
];

/// The trend's series: what the chart compares month by month.
const TREND_SERIES: [Measure; 4] = [
    Measure::new("tickets_opened", "Tickets opened", Module::Tickets, |r| {
        r.n(metric::TICKETS_OPENED)
    }),
    Measure::new("service_calls_logged", "Service calls", Module::ServiceCalls, |r| {
        r.service_calls()
    }),
    ROUTINE_DONE,
    DEFECTS_RAISED,
];

/// The report for a month.
pub fn build(i: &Inputs) -> ActivityReport {
    let read = |counts| Read { counts, today: i.today };
    let total = read(&i.activity.total);
    let sections = sections(&total, i.modules);
    let empty = sections.iter().all(|s| s.figures.iter().all(|f| f.count == 0));
    let columns: Vec<&Measure> = SITE_COLUMNS.iter().filter(|c| i.modules.contains(&c.module)).collect();
    let mut sites: Vec<SiteRow> = i
        .activity
        .sites
        .iter()
        .filter_map(|(id, counts)| {
            let r = read(counts);
            let values: Vec<i64> = columns.iter().map(|c| (c.value)(&r)).collect();
            // A site whose only activity is in modules switched off shows nothing.
            values.iter().any(|v| *v != 0).then(|| SiteRow {
                site_id: id.clone(),
                name: i
                    .site_names
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| "(removed site)".to_owned()),
                values,
            })
        })
        .collect();
    sites.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.site_id.cmp(&b.site_id))
    });
    let series = TREND_SERIES
        .iter()
        .filter(|s| i.modules.contains(&s.module))
        .map(|s| Series {
            key: s.key.to_owned(),
            label: s.label.to_owned(),
            values: i.trend.iter().map(|(_, c)| (s.value)(&read(c))).collect(),
        })
        .collect();
    ActivityReport {
        customer_id: i.customer_id.to_owned(),
        customer_name: i.customer_name.to_owned(),
        business: i.business.to_owned(),
        month: i.month.to_owned(),
        time_zone: i.time_zone.to_owned(),
        as_of: i.today,
        empty,
        sections,
        site_columns: columns
            .iter()
            .map(|c| Column {
                key: c.key.to_owned(),
                label: c.label.to_owned(),
            })
            .collect(),
        quiet_sites: i.site_names.len().saturating_sub(sites.len()),
        sites,
        trend: Trend {
            months: i.trend.iter().map(|(m, _)| m.clone()).collect(),
            series,
        },
    }
}
