//! The local gateway serves the built web app beside the API, as CloudFront does in production: files
//! where they exist, `index.html` for the app's routes, problem documents for the API's paths, and the
//! production security headers on everything.

use e2e::{problem, TestStack};
use localstack::gateway::web;
use reqwest::{Method, Response};

const INDEX: &str =
    "<!doctype html><title>Portal</title><script type=\"module\" src=\"/assets/index-3f2a9c.js\"></script>";
const ASSET: &str = "console.log('portal')";

fn dist() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("portal-dist-{}", ulid::Ulid::new()));
    std::fs::create_dir_all(dir.join("assets")).expect("temporary dist");
    std::fs::write(dir.join("index.html"), INDEX).expect("index.html");
    std::fs::write(dir.join("assets/index-3f2a9c.js"), ASSET).expect("asset");
    dir
}

fn header<'a>(r: &'a Response, name: &str) -> &'a str {
    r.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

fn assert_secured(r: &Response, what: &str) {
    let csp = header(r, "content-security-policy");
    assert!(
        csp.starts_with("default-src 'self'; script-src 'self';") && csp.ends_with("frame-ancestors 'none'"),
        "{what}: {csp}"
    );
    assert_eq!(
        header(r, "strict-transport-security"),
        web::STRICT_TRANSPORT_SECURITY,
        "{what}"
    );
    assert_eq!(header(r, "x-content-type-options"), "nosniff", "{what}");
    assert_eq!(header(r, "referrer-policy"), web::REFERRER_POLICY, "{what}");
    assert_eq!(header(r, "x-frame-options"), "DENY", "{what}");
}

#[tokio::test]
async fn the_gateway_serves_the_app_beside_the_api() {
    let dir = dist();
    let t = TestStack::start_serving(dir.clone()).await;
    let get = |path: &str| t.request(Method::GET, path, None).send();

    for path in [
        "/",
        "/tickets",
        "/tickets/01JD0000000000000000000ZZZ",
        "/activate?token=abc",
    ] {
        let r = get(path).await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert!(header(&r, "content-type").starts_with("text/html"), "{path}");
        assert_eq!(header(&r, "cache-control"), "no-cache", "{path}");
        assert_secured(&r, path);
        assert_eq!(r.text().await.unwrap(), INDEX, "{path} is the app");
    }
    let asset = get("/assets/index-3f2a9c.js").await.unwrap();
    assert_eq!(asset.status(), 200);
    assert!(header(&asset, "content-type").contains("javascript"));
    assert_eq!(header(&asset, "cache-control"), "public, max-age=31536000, immutable");
    assert_secured(&asset, "asset");
    assert_eq!(asset.text().await.unwrap(), ASSET);
    // Compressed for a browser that accepts it, as CloudFront compresses (reqwest here decodes nothing).
    let big = "export const rows = [".to_owned() + &"'a row of the ticket list',".repeat(200) + "];";
    std::fs::write(dir.join("assets/big-1a2b3c.js"), &big).expect("big asset");
    let zipped = t
        .request(Method::GET, "/assets/big-1a2b3c.js", None)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(zipped.status(), 200);
    assert_eq!(header(&zipped, "content-encoding"), "gzip");
    assert!(
        zipped.bytes().await.unwrap().len() < big.len() / 4,
        "the body is compressed"
    );
    let plain = get("/assets/big-1a2b3c.js").await.unwrap();
    assert_eq!(
        header(&plain, "content-encoding"),
        "",
        "no encoding the client did not ask for"
    );
    let missing = get("/assets/index-000000.js").await.unwrap();
    assert_eq!(missing.status(), 404, "a missing file is not the app");
    assert_ne!(header(&missing, "cache-control"), web::IMMUTABLE);

    // The API's paths stay the API's: problem documents, with the same headers.
    let portal = t.customer_with_portal_contact("Web Ltd").await.2;
    let nope = t.get("/portal/nope", &portal).await;
    assert_eq!(nope.status(), 404);
    assert_secured(&nope, "/portal/nope");
    assert_eq!(problem(nope).await["status"], 404);
    let staff = t.staff_token("viewer").await;
    assert_eq!(problem(t.get("/admin/nope.js", &staff).await).await["status"], 404);
    assert_eq!(
        problem(get("/portal/nope").await.unwrap()).await["status"],
        401,
        "the authorizer still runs first"
    );
    let me = t.get("/portal/me", &portal).await;
    assert_eq!(me.status(), 200);
    assert_secured(&me, "/portal/me");
    assert!(get("/openapi.json")
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["paths"]
        .is_object());
    assert_eq!(
        problem(t.request(Method::POST, "/tickets", None).send().await.unwrap()).await["status"],
        405
    );

    // Without a build, the app's paths say how to make one.
    std::fs::remove_dir_all(&dir).expect("remove the build");
    let unbuilt = get("/").await.unwrap();
    assert_eq!(unbuilt.status(), 503);
    assert!(header(&unbuilt, "content-type").starts_with("text/plain"));
    assert!(unbuilt.text().await.unwrap().contains("npm run build"));
}
