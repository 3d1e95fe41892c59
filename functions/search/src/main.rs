#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("search");
    let ctx = shared::Context::from_env().await?;
    lambda_http::run(search::router(ctx)).await
}
