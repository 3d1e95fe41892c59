//! `portal-local`: the commands behind `localstack/up.sh` and `localstack/test.sh`.
//!
//! ```text
//! portal-local provision            create or find every resource; writes .local/stack.env
//! portal-local seed                 demo data: customers, contacts, logins and every portal module (idempotent)
//! portal-local gateway [PORT]       the local API gateway on 127.0.0.1:PORT (default 3000)
//! portal-local up [PORT]            provision, seed, print the logins, run the gateway
//! portal-local token USERNAME       sign in (password + TOTP) and print the ID token
//! portal-local code                 the current TOTP code (the emulator gives every device one secret)
//! portal-local job NAME             run a scheduled job with its events/ fixture
//! portal-local openapi              print the OpenAPI document
//! portal-local bench [RUNS]         the performance budgets (release binaries; see localstack/bench.sh)
//! ```

use std::sync::Arc;

use localstack::{
    cognito,
    definitions::StackNames,
    functions, gateway,
    provision::{self, BoxError, Stack},
    seed,
    stack_env::{self, DEFAULT_ENDPOINT, DEFAULT_PATH, DEFAULT_PORTAL_URL},
};
use shared::{clients::Clients, Context};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if std::env::var_os("LOG_LEVEL").is_some() {
        // Opt-in: the commands print tokens and reports on stdout, where the logs would also go.
        shared::telemetry::init("portal-local");
    }
    let result = run(&args).await;
    if let Err(e) = result {
        eprintln!("portal-local: {e}");
        std::process::exit(1);
    }
}

fn endpoint() -> String {
    std::env::var("AWS_ENDPOINT_URL").unwrap_or_else(|_| DEFAULT_ENDPOINT.into())
}

fn port(args: &[String]) -> Result<u16, BoxError> {
    Ok(args.get(1).map(|p| p.parse()).transpose()?.unwrap_or(3000))
}

/// `PORTAL_STACK=name` selects a second, separately named stack (the fuzzer uses one), with its own env file.
fn stack_suffix() -> String {
    std::env::var("PORTAL_STACK").unwrap_or_default()
}

fn env_path() -> String {
    match stack_suffix().as_str() {
        "" => DEFAULT_PATH.to_owned(),
        s => format!(".local/stack-{s}.env"),
    }
}

async fn run(args: &[String]) -> Result<(), BoxError> {
    let _ = stack_env::load_env_file(&env_path());
    match args.first().map(String::as_str) {
        Some("provision") => {
            provision_demo().await?;
        }
        Some("seed") => {
            let (ctx, stack) = context().await?;
            print_logins(&seed::seed(&ctx, &stack).await?);
        }
        Some("gateway") => {
            let (ctx, stack) = context().await?;
            serve(ctx, stack, port(args)?).await?;
        }
        Some("up") => {
            // The stack just provisioned, not the env file read at start (it may describe an older emulator).
            let stack = provision_demo().await?;
            let ctx = context_for(&stack).await;
            print_logins(&seed::seed(&ctx, &stack).await?);
            serve(ctx, stack, port(args)?).await?;
        }
        Some("token") => {
            let username = args.get(1).ok_or("usage: portal-local token USERNAME [PASSWORD]")?;
            let password = args.get(2).map(String::as_str).unwrap_or(seed::DEMO_PASSWORD);
            let (ctx, stack) = context().await?;
            let cognito = ctx.clients.cognito();
            let tokens = match cognito::sign_in(
                cognito,
                &stack.portal,
                username,
                password,
                cognito::EMULATOR_TOTP_SECRET,
            )
            .await
            {
                Ok(t) => t,
                Err(_) => {
                    cognito::sign_in(cognito, &stack.staff, username, password, cognito::EMULATOR_TOTP_SECRET).await?
                }
            };
            println!("{}", tokens.id_token);
        }
        Some("code") => {
            println!("{}", cognito::now_code(cognito::EMULATOR_TOTP_SECRET)?);
        }
        Some("job") => {
            let job = args
                .get(1)
                .ok_or("usage: portal-local job expire-invitations|drain-outbox|support-notices|monthly-reports|recount-activity")?;
            // A scheduled job's EventBridge fixture; a job run by hand (recount-activity) takes its name alone.
            let event = match std::fs::read_to_string(format!("events/scheduled-{job}.json")) {
                Ok(fixture) => serde_json::from_str(&fixture)?,
                Err(_) => serde_json::json!({ "job": job }),
            };
            let (ctx, _) = context().await?;
            let report = scheduler::handle(&ctx, &event).await?;
            println!("{}", serde_json::to_string(&report)?);
        }
        Some("bench") => {
            let runs = args.get(1).map(|r| r.parse()).transpose()?.unwrap_or(20);
            let load_seconds = std::env::var("BENCH_LOAD_SECONDS")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(5);
            let readme = std::env::var("BENCH_README").ok().filter(|p| !p.is_empty());
            // Always its own stack, emptied first, so the partition sizes it reports grow from the demo seed.
            let names = StackNames::with_suffix("bench");
            let sdk = shared::clients::load_sdk_config().await;
            provision::drop_table(&sdk, &names.table).await?;
            let stack = provision::provision(&sdk, names, DEFAULT_PORTAL_URL).await?;
            let ctx = context_for(&stack).await;
            seed::seed(&ctx, &stack).await?;
            let env = stack
                .env_vars(DEFAULT_PORTAL_URL)
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect();
            localstack::bench::run(
                &ctx,
                &stack,
                &localstack::bench::Options {
                    runs,
                    load_seconds,
                    readme,
                    env,
                },
            )
            .await?;
        }
        Some("openapi") => {
            println!("{}", serde_json::to_string_pretty(&functions::openapi_document())?);
        }
        _ => {
            return Err(
                "usage: portal-local provision|seed|gateway [PORT]|up [PORT]|token USERNAME|code|job NAME|openapi"
                    .into(),
            )
        }
    }
    Ok(())
}

async fn provision_demo() -> Result<Stack, BoxError> {
    let sdk = shared::clients::load_sdk_config().await;
    let portal_url = std::env::var("PORTAL_URL").unwrap_or_else(|_| DEFAULT_PORTAL_URL.into());
    let stack = provision::provision(&sdk, StackNames::with_suffix(&stack_suffix()), &portal_url).await?;
    let path = env_path();
    stack.write_env_file(&path, &portal_url, &endpoint())?;
    println!(
        "provisioned: table {}, bucket {}, portal pool {}, staff pool {} (written to {path})",
        stack.names.table, stack.names.bucket, stack.portal.pool_id, stack.staff.pool_id
    );
    Ok(stack)
}

async fn context() -> Result<(Context, Stack), BoxError> {
    let stack = Stack::from_env()?;
    Ok((context_for(&stack).await, stack))
}

async fn context_for(stack: &Stack) -> Context {
    let sdk = shared::clients::load_sdk_config().await;
    let portal_url = std::env::var("PORTAL_URL").unwrap_or_else(|_| DEFAULT_PORTAL_URL.into());
    Context::new(stack.config(&portal_url), Clients::new(&sdk))
}

fn print_logins(logins: &[seed::Login]) {
    println!(
        "\nDemo logins (password {}; TOTP secret {} — the emulator gives every device this one):",
        seed::DEMO_PASSWORD,
        cognito::EMULATOR_TOTP_SECRET
    );
    for l in logins {
        println!("  {:<7} {:<12} {}", l.pool, l.username, l.who);
    }
    println!("\nA bearer token (password + TOTP sign-in done for you):");
    println!("  TOKEN=$(./localstack/portal-local.sh token alice.acme)");
    println!("  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:3000/portal/me");
}

async fn serve(ctx: Context, stack: Stack, port: u16) -> Result<(), BoxError> {
    shared::telemetry::init("local-gateway");
    let authorizers = Arc::new(gateway::Authorizers::for_stack(&stack, &endpoint()));
    let app = gateway::app(&ctx, authorizers).await?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("\nThe portal: http://127.0.0.1:{port}/ (sign in as alice.acme; the API under /portal and /admin, OpenAPI at /openapi.json); Ctrl-C stops it");
    gateway::serve(listener, app).await?;
    Ok(())
}
