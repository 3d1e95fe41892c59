//! A browser's session end to end: the refresh token lives only in an `HttpOnly` cookie scoped to
//! `/portal/auth` (sign-in and activation set it, refresh and sign-out read it, sign-out clears it), and a
//! signed-in contact changes their password with the current one and an authenticator code.

use e2e::{problem, set_cookies, totp_after, totp_now, TestStack, PORTAL_PASSWORD};
use reqwest::{Method, Response};
use serde_json::{json, Value};

/// The session cookies as a browser would send them back.
fn cookie_header(set: &[String]) -> String {
    set.iter()
        .map(|c| c.split(';').next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("; ")
}

fn cookie_named<'a>(set: &'a [String], name: &str) -> &'a str {
    set.iter()
        .find(|c| c.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie in {set:?}"))
}

async fn post(t: &TestStack, path: &str, cookies: Option<&str>, body: Value) -> Response {
    let mut r = t.request(Method::POST, path, None).json(&body);
    if let Some(c) = cookies {
        r = r.header("cookie", c);
    }
    r.send().await.expect("gateway answers")
}

/// Password, then the code with `refresh_cookie`: the response of the second step.
async fn sign_in_for_a_browser(t: &TestStack, username: &str, password: &str, code: &str) -> Response {
    let challenge: Value = post(
        t,
        "/portal/auth/login",
        None,
        json!({ "username": username, "password": password }),
    )
    .await
    .json()
    .await
    .expect("challenge");
    post(
        t,
        "/portal/auth/login/mfa",
        None,
        json!({ "username": username, "session": challenge["session"], "code": code, "refresh_cookie": true }),
    )
    .await
}

#[tokio::test]
async fn the_refresh_token_lives_in_an_http_only_cookie() {
    let t = TestStack::start().await;
    let customer = t.create_customer("Cookie Jar Ltd").await;
    let cid = customer["id"].as_str().unwrap();
    t.activated_contact(cid, "Coo", "Kie", "coo.kie").await;

    let signed_in = sign_in_for_a_browser(&t, "coo.kie", PORTAL_PASSWORD, &totp_now().await).await;
    assert_eq!(signed_in.status(), 200);
    let set = set_cookies(&signed_in);
    assert_eq!(set.len(), 2, "{set:?}");
    let refresh = cookie_named(&set, "portal_refresh");
    assert!(refresh.len() > "portal_refresh=".len() + 10, "{refresh}");
    assert!(
        refresh.ends_with("; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=43200"),
        "over plain HTTP, no Secure: {refresh}"
    );
    assert_eq!(
        cookie_named(&set, "portal_user"),
        "portal_user=coo.kie; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=43200"
    );
    let tokens: Value = signed_in.json().await.unwrap();
    assert!(
        tokens["id_token"].is_string() && tokens.get("refresh_token").is_none(),
        "the body never carries the refresh token: {tokens}"
    );
    let jar = cookie_header(&set);

    // Refresh from the cookie alone; the answer carries no refresh token either.
    let refreshed = post(&t, "/portal/auth/refresh", Some(&jar), json!({})).await;
    assert_eq!(refreshed.status(), 200);
    assert!(set_cookies(&refreshed).is_empty());
    let tokens: Value = refreshed.json().await.unwrap();
    assert!(tokens.get("refresh_token").is_none());
    assert_eq!(
        t.get("/portal/me", tokens["id_token"].as_str().unwrap()).await.status(),
        200
    );
    assert_eq!(
        problem(post(&t, "/portal/auth/refresh", None, json!({})).await).await["status"],
        401,
        "no cookie, no refresh"
    );

    // A cross-site form cannot send JSON: form-encoded bodies are refused before the cookie is read.
    for path in ["/portal/auth/refresh", "/portal/auth/logout"] {
        let form = t
            .request(Method::POST, path, None)
            .header("cookie", &jar)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("a=b")
            .send()
            .await
            .unwrap();
        assert_eq!(form.status(), 415, "{path}");
        assert!(set_cookies(&form).is_empty());
        let plain = t
            .request(Method::POST, path, None)
            .header("cookie", &jar)
            .header("content-type", "text/plain")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(plain.status(), 415, "{path}");
    }

    // Sign-out clears both cookies and kills the refresh token; a dead or missing cookie is cleared all the same.
    let out = post(&t, "/portal/auth/logout", Some(&jar), json!({})).await;
    assert_eq!(out.status(), 204);
    let cleared = set_cookies(&out);
    assert_eq!(
        cleared,
        [
            "portal_refresh=; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=0",
            "portal_user=; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=0",
        ]
    );
    assert_eq!(
        problem(post(&t, "/portal/auth/refresh", Some(&jar), json!({})).await).await["status"],
        401,
        "the signed-out cookie is dead"
    );
    for jar in [Some(jar.as_str()), None] {
        let again = post(&t, "/portal/auth/logout", jar, json!({})).await;
        assert_eq!(again.status(), 204);
        assert_eq!(set_cookies(&again), cleared);
    }
    // API clients keep the body form, and a dead token there is still refused.
    let forged = post(
        &t,
        "/portal/auth/logout",
        None,
        json!({ "username": "coo.kie", "refresh_token": "not-a-refresh-token" }),
    )
    .await;
    assert_eq!(forged.status(), 401);

    // Activation can end in the same cookie.
    let (_, activated) = t
        .activation(cid, "Act", "Cookie", "act.cookie", json!({ "refresh_cookie": true }))
        .await;
    assert_eq!(activated.status(), 200);
    let set = set_cookies(&activated);
    assert_eq!(
        cookie_named(&set, "portal_user"),
        "portal_user=act.cookie; HttpOnly; SameSite=Strict; Path=/portal/auth; Max-Age=43200"
    );
    let tokens: Value = activated.json().await.unwrap();
    assert!(
        tokens["id_token"].is_string() && tokens.get("refresh_token").is_none(),
        "{tokens}"
    );
    assert_eq!(
        post(&t, "/portal/auth/refresh", Some(&cookie_header(&set)), json!({}))
            .await
            .status(),
        200
    );
}

async fn change(t: &TestStack, token: &str, current: &str, new: &str, code: &str) -> Response {
    t.post(
        "/portal/account/password",
        token,
        json!({ "current_password": current, "new_password": new, "code": code }),
    )
    .await
}

async fn refused_field(r: Response) -> String {
    assert_eq!(r.status(), 422);
    problem(r).await["errors"][0]["field"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_signed_in_contact_changes_their_password() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Passwords Ltd").await;
    let cid = customer["id"].as_str().unwrap();
    let ((contact, tokens), (_, weak_tokens)) = tokio::join!(
        t.activated_contact(cid, "Cha", "Nge", "cha.nge"),
        t.activated_contact(cid, "Wea", "K", "wea.k"),
    );
    let token = tokens["id_token"].as_str().unwrap();
    let new_password = "Changed-Password-77";

    // Cognito's own policy (here: an upper-case letter) is reported at the field too.
    let weak = change(
        &t,
        weak_tokens["id_token"].as_str().unwrap(),
        PORTAL_PASSWORD,
        "only-lower-case-letters",
        &totp_now().await,
    )
    .await;
    assert_eq!(refused_field(weak).await, "new_password");

    let code = totp_now().await;
    assert_eq!(
        refused_field(change(&t, token, "Not-The-Password-1", new_password, &code).await).await,
        "current_password"
    );
    assert_eq!(
        refused_field(change(&t, token, PORTAL_PASSWORD, "Too-Short-1", &code).await).await,
        "new_password"
    );
    assert_eq!(
        refused_field(change(&t, token, PORTAL_PASSWORD, PORTAL_PASSWORD, &code).await).await,
        "new_password"
    );
    let wrong_code = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(
        refused_field(change(&t, token, PORTAL_PASSWORD, new_password, wrong_code).await).await,
        "code"
    );
    let unknown = t
        .post(
            "/portal/account/password",
            token,
            json!({ "current_password": PORTAL_PASSWORD, "new_password": new_password, "code": code, "admin": true }),
        )
        .await;
    assert_eq!(unknown.status(), 422);

    let changed = change(&t, token, PORTAL_PASSWORD, new_password, &code).await;
    assert_eq!(changed.status(), 204);
    assert_eq!(
        refused_field(change(&t, token, new_password, "Third-Password-99", &code).await).await,
        "code",
        "a code is accepted once"
    );
    assert_eq!(
        t.get("/portal/me", token).await.status(),
        200,
        "the session stays signed in"
    );

    let old = post(
        &t,
        "/portal/auth/login",
        None,
        json!({ "username": "cha.nge", "password": PORTAL_PASSWORD }),
    )
    .await;
    assert_eq!(old.status(), 401, "the old password no longer signs in");
    let again = sign_in_for_a_browser(&t, "cha.nge", new_password, &totp_after(&code).await).await;
    assert_eq!(again.status(), 200, "the new one does");

    let history: Value = t
        .get(
            &format!(
                "/admin/contacts/{}/portal-access/history",
                contact["id"].as_str().unwrap()
            ),
            &staff,
        )
        .await
        .json()
        .await
        .unwrap();
    let kinds: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"password_changed"), "{kinds:?}");
}

#[tokio::test]
async fn password_changes_are_throttled_like_sign_ins() {
    let t = TestStack::start().await;
    let customer = t.create_customer("Guessers Ltd").await;
    let (_, tokens) = t
        .activated_contact(customer["id"].as_str().unwrap(), "Gue", "Ss", "gue.ss")
        .await;
    let token = tokens["id_token"].as_str().unwrap();
    let mut statuses = Vec::new();
    for i in 0..11 {
        statuses.push(
            change(
                &t,
                token,
                &format!("Guess-Number-{i:02}"),
                "Changed-Password-77",
                "123456",
            )
            .await
            .status()
            .as_u16(),
        );
    }
    assert!(statuses[..10].iter().all(|s| *s == 422), "{statuses:?}");
    assert_eq!(statuses[10], 429);
}
