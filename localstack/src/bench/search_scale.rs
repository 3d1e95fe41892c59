//! Search at scale: the benchmark customer gains 100,000 tickets with their search postings (as each
//! ticket's own transaction would write them), their subjects drawn from a vocabulary so that words are
//! common, middling or rare as in a real helpdesk. Then `GET /portal/search` for words of each kind and a
//! page of `GET /portal/tickets` are timed in process, many times each, and their medians compared.

use std::time::{Duration, Instant};

use shared::{
    table::search::{postings, Posting},
    Context,
};

use super::{
    counting::{Counter, Work},
    dynamo_work::bulk_tickets,
    events::{http_event, Callers, Dispatcher},
};
use crate::provision::BoxError;

pub const RECORDS: usize = 100_000;
/// Timed calls of each request (after two untimed ones).
const CALLS: usize = 60;
const THINGS: [&str; 60] = [
    "boiler",
    "pump",
    "door",
    "lift",
    "window",
    "roof",
    "gutter",
    "radiator",
    "thermostat",
    "toilet",
    "sink",
    "tap",
    "shower",
    "drain",
    "fan",
    "heater",
    "light",
    "socket",
    "switch",
    "alarm",
    "sprinkler",
    "extinguisher",
    "camera",
    "gate",
    "barrier",
    "lock",
    "keypad",
    "intercom",
    "printer",
    "router",
    "laptop",
    "monitor",
    "keyboard",
    "projector",
    "screen",
    "server",
    "cable",
    "fridge",
    "freezer",
    "oven",
    "kettle",
    "dishwasher",
    "carpet",
    "ceiling",
    "floor",
    "wall",
    "stair",
    "ramp",
    "fence",
    "bollard",
    "compressor",
    "chiller",
    "valve",
    "meter",
    "generator",
    "battery",
    "panel",
    "duct",
    "vent",
    "skylight",
];
const PROBLEMS: [&str; 30] = [
    "leaking",
    "broken",
    "noisy",
    "stuck",
    "flickering",
    "cracked",
    "jammed",
    "tripping",
    "overheating",
    "missing",
    "loose",
    "blocked",
    "dripping",
    "faulty",
    "dead",
    "slow",
    "damaged",
    "smelling",
    "rattling",
    "frozen",
    "corroded",
    "flooding",
    "sparking",
    "beeping",
    "sagging",
    "peeling",
    "squeaking",
    "vibrating",
    "failing",
    "dirty",
];
const PLACES: [&str; 20] = [
    "reception",
    "kitchen",
    "basement",
    "atrium",
    "canteen",
    "warehouse",
    "lobby",
    "corridor",
    "office",
    "plantroom",
    "carpark",
    "loading",
    "mezzanine",
    "gym",
    "library",
    "studio",
    "workshop",
    "laboratory",
    "boardroom",
    "yard",
];

pub struct Timed {
    pub label: String,
    pub uri: String,
    pub p50: Duration,
    pub p90: Duration,
    pub work: Work,
    pub results: usize,
    pub partial: bool,
}

pub struct SearchScale {
    pub records: usize,
    pub postings: usize,
    pub list: Timed,
    pub searches: Vec<Timed>,
}

/// The tickets, numbered past the other parts', with subjects like "Leaking boiler in the kitchen 3"
/// and their postings; the rare word is in every 10,000th ticket's description.
async fn seed(ctx: &Context, callers: &Callers) -> Result<usize, BoxError> {
    let contact_id = callers
        .portal
        .get(shared::principal::CLAIM_CONTACT_ID)
        .cloned()
        .unwrap_or_default();
    let mut written = 0;
    for chunk in 0..RECORDS / 5_000 {
        let first = 5_000_000 + (chunk * 5_000) as u64;
        let mut tickets = bulk_tickets(&callers.customer_id, &contact_id, first, 5_000);
        for (i, t) in tickets.iter_mut().enumerate() {
            let n = chunk * 5_000 + i;
            let (problem, thing) = (PROBLEMS[n % PROBLEMS.len()], THINGS[(n / 7) % THINGS.len()]);
            t.subject = format!(
                "{problem} {thing} in the {} {}",
                PLACES[(n / 3) % PLACES.len()],
                n % 9 + 1
            );
            t.subject_search = t.subject.to_lowercase();
            t.description = if n % 10_000 == 0 {
                "Reported by the quartermaster on the morning round.".into()
            } else {
                format!("Reported on the morning round, floor {}.", n % 12)
            };
        }
        let all: Vec<Posting> = tickets.iter().flat_map(postings).collect();
        written += all.len();
        ctx.table
            .put_many(&tickets)
            .await
            .map_err(|e| format!("seeding tickets: {e}"))?;
        ctx.table
            .put_many(&all)
            .await
            .map_err(|e| format!("seeding postings: {e}"))?;
        eprintln!("  search scale: {} tickets, {written} postings", (chunk + 1) * 5_000);
    }
    Ok(written)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

async fn timed(
    dispatcher: &Dispatcher,
    counter: &Counter,
    callers: &Callers,
    label: &str,
    uri: &str,
) -> Result<Timed, BoxError> {
    let event = http_event("GET", uri, None, callers.for_path(uri.split('?').next().unwrap_or(uri)));
    let mut times = Vec::with_capacity(CALLS);
    let mut last = None;
    for call in 0..CALLS + 2 {
        counter.take();
        let started = Instant::now();
        let reply = dispatcher.call(&event).await?;
        let elapsed = started.elapsed();
        if reply.status != 200 {
            return Err(format!("{uri}: {} {}", reply.status, reply.body).into());
        }
        if call >= 2 {
            times.push(elapsed);
        }
        last = Some((reply, counter.take()));
    }
    times.sort();
    let (reply, work) = last.ok_or("no call")?;
    Ok(Timed {
        label: label.to_owned(),
        uri: uri.to_owned(),
        p50: percentile(&times, 0.5),
        p90: percentile(&times, 0.9),
        work,
        results: reply.body["items"].as_array().map_or(0, Vec::len),
        partial: reply.body["partial"] == true,
    })
}

pub async fn measure(ctx: &Context, callers: &Callers) -> Result<SearchScale, BoxError> {
    eprintln!("search scale: {RECORDS} tickets with their postings");
    let postings = seed(ctx, callers).await?;
    let counter = Counter::default();
    let counted = counter.context(ctx);
    let dispatcher = Dispatcher::new(&counted).await?;
    let list = timed(
        &dispatcher,
        &counter,
        callers,
        "a page of tickets (25)",
        "/portal/tickets",
    )
    .await?;
    let mut searches = Vec::new();
    for (label, uri) in [
        (
            "a common word (about 1 in 60 tickets)",
            "/portal/search?q=boiler".to_owned(),
        ),
        ("a common prefix", "/portal/search?q=boi".to_owned()),
        (
            "two common words (1 in 1,800 together)",
            "/portal/search?q=leaking+boiler".to_owned(),
        ),
        ("three words", "/portal/search?q=leaking+boiler+kitchen".to_owned()),
        ("a rare word (10 tickets)", "/portal/search?q=quartermaster".to_owned()),
        ("a ticket number", "/portal/search?q=5012345".to_owned()),
        ("no match", "/portal/search?q=zeppelin".to_owned()),
    ] {
        searches.push(timed(&dispatcher, &counter, callers, label, &uri).await?);
    }
    Ok(SearchScale {
        records: RECORDS,
        postings,
        list,
        searches,
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

impl SearchScale {
    pub fn markdown(&self) -> String {
        let base = ms(self.list.p50);
        let row = |t: &Timed| {
            format!(
                "| {} | `{}` | {:.2} | {:.2} | {:.2}× | {} / {} | {}{} |\n",
                t.label,
                t.uri,
                ms(t.p50),
                ms(t.p90),
                ms(t.p50) / base,
                t.work.round_trips,
                t.work.items_read,
                t.results,
                if t.partial { " (partial)" } else { "" },
            )
        };
        let mut out = format!(
            "| Request ({} tickets, {} postings) | URI | p50 ms | p90 ms | p50 × ticket page | round trips / items read | results |\n\
             |---|---|---|---|---|---|---|\n",
            self.records, self.postings
        );
        out.push_str(&row(&self.list));
        for t in &self.searches {
            out.push_str(&row(t));
        }
        out
    }
}
