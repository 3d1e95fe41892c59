//! The benchmark's tables, as Markdown, and their place in the README (between two marker comments).

use std::fmt::Write as _;

use super::{
    dynamo_work::{RouteWork, SIZES},
    load::LoadRow,
    startup::{Startup, BURST_ROUNDS},
};

pub const START: &str = "<!-- bench:start -->";
pub const END: &str = "<!-- bench:end -->";

pub struct Report<'a> {
    pub machine: String,
    pub runs: usize,
    pub startup: &'a [Startup],
    /// Zipped `bootstrap` per function (MB), from `localstack/package.sh`.
    pub packages: Vec<(String, f64)>,
    pub work: &'a [RouteWork],
    pub load: &'a [LoadRow],
    pub load_seconds: u64,
}

fn ms(d: std::time::Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

impl Report<'_> {
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{START}");
        let _ = writeln!(s, "Measured by `./localstack/bench.sh` on {}.\n", self.machine);
        self.startup_table(&mut s);
        if !self.work.is_empty() {
            self.work_table(&mut s);
        }
        self.load_table(&mut s);
        let _ = write!(s, "{END}");
        s
    }

    fn startup_table(&self, s: &mut String) {
        let Some(hello) = self.startup.first() else { return };
        let base = hello.first_response.as_secs_f64();
        let worst = self.startup[1..]
            .iter()
            .map(|r| r.first_response.as_secs_f64() / base)
            .fold(0.0, f64::max);
        let peak = self.startup[1..].iter().map(|r| r.peak_rss_kib).max().unwrap_or(0) as f64 / 1024.0;
        let biggest = self.packages.iter().map(|p| p.1).fold(0.0, f64::max);
        let _ = writeln!(s, "**Cold start, package and memory.** Each release binary (x86_64 here, `--release` profile) started \
            {} times against a local Runtime API mock, interleaved; medians. *Init* is exec to the first poll of \
            `/runtime/invocation/next`; *first response* is exec to the answer of the first request (a real route reading \
            the emulator: every GET route serves in turn, portal routes first). Peak RSS (`VmHWM`) after serving every \
            GET route of the function {BURST_ROUNDS} times in one process (auth: its public sign-in routes; scheduler: \
            its three jobs). *Warm request* is the median time between answers once every route has been served once: \
            a request's own work, the emulator's included. Zipped `bootstrap` for arm64 from `./localstack/package.sh`.\n", self.runs);
        let _ = writeln!(s, "| binary | init ms | × hello | first response ms | × hello | warm request ms | peak RSS MiB (requests) | bootstrap.zip MB |");
        let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|");
        for r in self.startup {
            let package = self
                .packages
                .iter()
                .find(|p| p.0 == r.function)
                .map(|p| format!("{:.2}", p.1))
                .unwrap_or_else(|| "–".into());
            let _ = writeln!(
                s,
                "| {} | {} | {:.2} | {} | {:.2} | {} | {:.1} ({}{}) | {} |",
                r.function,
                ms(r.init),
                r.init.as_secs_f64() / hello.init.as_secs_f64(),
                ms(r.first_response),
                r.first_response.as_secs_f64() / base,
                ms(r.warm),
                r.peak_rss_kib as f64 / 1024.0,
                r.burst,
                if r.failures > 0 {
                    format!(", {} failed", r.failures)
                } else {
                    String::new()
                },
                package
            );
        }
        let _ = writeln!(
            s,
            "\nBudgets: cold start ≤ 1.5× hello: worst {worst:.2}×, {}. Peak RSS ≤ 40 MB: worst {peak:.1} MiB, {}. \
            Package ≤ 4 MB: {}.\n",
            verdict(worst <= 1.5),
            verdict(peak * 1.048_576 <= 40.0),
            if self.packages.is_empty() {
                "not measured (run `./localstack/package.sh`)".to_owned()
            } else {
                format!("largest {biggest:.2} MB, {}", verdict(biggest <= 4.0))
            }
        );
    }

    fn work_table(&self, s: &mut String) {
        let sizes: Vec<String> = SIZES.iter().map(|n| format_thousands(*n)).collect();
        let sites: Vec<String> = super::field_scale::SITES.iter().map(|n| format_thousands(*n)).collect();
        let _ = writeln!(
            s,
            "**DynamoDB work per portal route**, counted by an interceptor on the SDK client (round trips, \
            items read; for queries the items DynamoDB examined), one request each as the demo contact, with the \
            customer's partition holding {} tickets, and beside them {} sites of {} assets and {} defects each. \
            Writes and public routes are measured once, at the largest size; the public routes with a stranger's \
            wrong input.\n",
            sizes.join(", then "),
            sites.join(", then "),
            super::field_scale::ASSETS_PER_SITE,
            super::field_scale::DEFECTS_PER_SITE,
        );
        let _ = writeln!(
            s,
            "| route | status | round trips | items read at {} tickets and {} sites |",
            sizes.join(" / "),
            sites.join(" / ")
        );
        let _ = writeln!(s, "|---|---:|---:|---:|");
        for r in self.work {
            let trips: Vec<String> = r.work.iter().map(|w| w.round_trips.to_string()).collect();
            let items: Vec<String> = r.work.iter().map(|w| w.items_read.to_string()).collect();
            let dedup = |v: Vec<String>| {
                if v.windows(2).all(|w| w[0] == w[1]) {
                    v[0].clone()
                } else {
                    v.join(" / ")
                }
            };
            let _ = writeln!(
                s,
                "| `{} {}` | {} | {} | {} |",
                r.method,
                r.template,
                r.status,
                dedup(trips),
                dedup(items)
            );
        }
        let _ = writeln!(s);
    }

    fn load_table(&self, s: &mut String) {
        let Some(base) = self.load.first() else { return };
        let _ = writeln!(
            s,
            "**The local gateway under load**: {} concurrent callers for {} s per row, each request a \
            JWT verified against the emulator's keys and a route's full work, against a bare GetItem from the same \
            number of callers to the same emulator.\n",
            super::load::CONCURRENCY,
            self.load_seconds
        );
        let _ = writeln!(s, "| request | requests/s | p50 ms | p99 ms | errors | p50 × GetItem |");
        let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|");
        for r in self.load {
            let _ = writeln!(
                s,
                "| {} | {:.0} | {} | {} | {} of {} | {:.1} |",
                r.name,
                r.per_second,
                ms(r.p50),
                ms(r.p99),
                r.errors,
                r.requests,
                r.p50.as_secs_f64() / base.p50.as_secs_f64()
            );
        }
        let _ = writeln!(s);
    }
}

fn format_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Replaces the section between the markers (or appends it) in the README.
pub fn write_into(path: &str, section: &str) -> std::io::Result<()> {
    let readme = std::fs::read_to_string(path)?;
    let updated = match (readme.find(START), readme.find(END)) {
        (Some(a), Some(b)) if b > a => format!("{}{section}{}", &readme[..a], &readme[b + END.len()..]),
        _ => format!("{readme}\n{section}\n"),
    };
    std::fs::write(path, updated)
}

/// Zipped bootstrap sizes from `localstack/package.sh`, when it has run.
pub fn package_sizes() -> Vec<(String, f64)> {
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let mut out: Vec<(String, f64)> = std::fs::read_dir(format!("{target}/lambda"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let size = std::fs::metadata(e.path().join("bootstrap.zip")).ok()?.len();
            Some((e.file_name().to_string_lossy().into_owned(), size as f64 / 1e6))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let date = time::OffsetDateTime::now_utc().date();
    format!("{date}, {cores} cores ({cpu}), DynamoDB on dynoxide 3.2.0, Cognito on moto 5.2.5")
}
