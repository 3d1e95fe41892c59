//! `portal-local bench`: the performance budgets of DESIGN.md §8, measured against the local stack and
//! written into the README. Run through `localstack/bench.sh`, which builds the release binaries first.

pub mod counting;
pub mod dynamo_work;
pub mod events;
pub mod field_scale;
pub mod fixtures;
pub mod load;
pub mod process;
pub mod report;
pub mod report_scale;
pub mod runtime_api;
pub mod search_scale;
pub mod startup;
pub mod workloads;

use std::time::Duration;

use shared::Context;

use crate::provision::{BoxError, Stack};

pub struct Options {
    /// Cold starts per binary.
    pub runs: usize,
    /// Seconds of load per gateway row.
    pub load_seconds: u64,
    /// Where the tables go (the README), if anywhere.
    pub readme: Option<String>,
    /// The stack's settings, handed to every function process as Lambda would from the template.
    pub env: Vec<(String, String)>,
}

pub async fn run(ctx: &Context, stack: &Stack, options: &Options) -> Result<(), BoxError> {
    let callers = events::Callers::sign_in(ctx, stack).await?;
    let dispatcher = events::Dispatcher::new(ctx).await?;
    fixtures::make(&dispatcher, &callers).await?;
    let mut workloads = workloads::workloads(&dispatcher, &callers).await;
    if let Ok(only) = std::env::var("BENCH_FUNCTIONS") {
        workloads.retain(|w| only.split(',').any(|f| f == w.function));
    }
    // BENCH_PARTS=startup,work,load (the default: all) runs a part alone, e.g. under `perf record`;
    // `report` (the activity report at scale) and `search` (search at 100,000 tickets) run only when named.
    let parts = std::env::var("BENCH_PARTS").unwrap_or_else(|_| "startup,work,load".into());
    let wanted = |part: &str| parts.split(',').any(|p| p == part);
    let mut startup = Vec::new();
    if wanted("startup") {
        eprintln!(
            "cold start and memory: {} runs of {} binaries",
            options.runs,
            workloads.len() + 1
        );
        startup = startup::measure(&workloads, options.runs, &options.env).await?;
    }
    let mut work = Vec::new();
    if wanted("work") {
        eprintln!("DynamoDB work per portal route");
        work = dynamo_work::measure(ctx, &callers).await?;
    }
    let mut load = Vec::new();
    if wanted("load") {
        eprintln!("gateway under load");
        load = load::measure(ctx, stack, &callers, Duration::from_secs(options.load_seconds)).await?;
    }
    // Not in the default set: it grows the benchmark customer by 5,000 sites and prints its own table.
    if wanted("report") {
        let scale = report_scale::measure(ctx, &callers, &options.env).await?;
        println!("{}", scale.markdown());
    }
    // Not in the default set either: it adds 100,000 tickets with their search postings.
    if wanted("search") {
        let scale = search_scale::measure(ctx, &callers).await?;
        println!("{}", scale.markdown());
    }
    let report = report::Report {
        machine: report::machine(),
        runs: options.runs,
        startup: &startup,
        packages: report::package_sizes(),
        work: &work,
        load: &load,
        load_seconds: options.load_seconds,
    };
    let markdown = report.markdown();
    println!("{markdown}");
    if let Some(path) = &options.readme {
        report::write_into(path, &markdown)?;
        eprintln!("written into {path}");
    }
    Ok(())
}
