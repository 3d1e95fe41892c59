//! Portal access end to end: staff enable and invite, the email is read back from the emulator, the
//! contact activates with a password and TOTP, signs in, and loses everything when staff revoke.

use e2e::{last_token, problem, totp_now, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

const PASSWORD: &str = "Correct-Horse-42";

async fn body(r: reqwest::Response) -> Value {
    r.json().await.expect("json")
}

#[tokio::test]
async fn invitation_activation_sign_in_and_revocation() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Acme Access").await;
    let cid = customer["id"].as_str().unwrap();
    let contact = t.create_contact(cid, "Pat", "Jones").await;
    let id = contact["id"].as_str().unwrap();
    let email = contact["email"].as_str().unwrap();
    let access = format!("/admin/contacts/{id}/portal-access");

    let enabled = body(
        t.request(Method::PUT, &access, Some(&staff))
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(enabled["status"], "enabled");
    let username = enabled["username"].as_str().unwrap().to_owned();
    assert_eq!(username, "pat.jones", "a readable generated username");

    let sent = t.post(&format!("{access}/invitation"), &staff, json!({})).await;
    assert_eq!(sent.status(), 202);
    let sent = body(sent).await;
    assert_eq!(sent["email"], "sent");
    assert_eq!(sent["access"]["status"], "invited");
    let first_token = last_token(email).await;
    // Re-sending voids the first link.
    t.post(&format!("{access}/invitation"), &staff, json!({})).await;
    let token = last_token(email).await;
    assert_ne!(token, first_token);
    let r = t
        .request(Method::POST, "/portal/auth/activate", None)
        .json(&json!({ "token": first_token, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "the voided link no longer works");

    let weak = t
        .request(Method::POST, "/portal/auth/activate", None)
        .json(&json!({ "token": token, "password": "short" }))
        .send()
        .await
        .unwrap();
    assert_eq!(weak.status(), 422);
    assert_eq!(problem(weak).await["errors"][0]["field"], "password");

    let enrollment = body(
        t.request(Method::POST, "/portal/auth/activate", None)
            .json(&json!({ "token": token, "password": PASSWORD }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(enrollment["username"], username);
    assert!(enrollment["otpauth_uri"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/"));
    let wrong = t
        .request(Method::POST, "/portal/auth/activate/totp", None)
        .json(&json!({ "token": token, "code": "000000" }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let tokens = body(
        t.request(Method::POST, "/portal/auth/activate/totp", None)
            .json(&json!({ "token": token, "code": totp_now().await }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let me = t.get("/portal/me", tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(me.status(), 200);
    assert_eq!(body(me).await["company"]["name"], "Acme Access");
    let reused = t
        .request(Method::POST, "/portal/auth/activate/totp", None)
        .json(&json!({ "token": token, "code": totp_now().await }))
        .send()
        .await
        .unwrap();
    assert_eq!(reused.status(), 422, "an activation link works once");

    // Sign in: password, then the code; the same code is never accepted twice.
    let challenge = body(
        t.request(Method::POST, "/portal/auth/login", None)
            .json(&json!({ "username": "PAT.JONES", "password": PASSWORD }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(challenge["challenge"], "totp");
    let code = totp_now().await;
    let signed_in = t
        .request(Method::POST, "/portal/auth/login/mfa", None)
        .json(&json!({ "username": username, "session": challenge["session"], "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 200);
    let session = body(signed_in).await;
    let again = body(
        t.request(Method::POST, "/portal/auth/login", None)
            .json(&json!({ "username": username, "password": PASSWORD }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let replay = t
        .request(Method::POST, "/portal/auth/login/mfa", None)
        .json(&json!({ "username": username, "session": again["session"], "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 401, "a code is accepted once");
    let wrong_password = t
        .request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": username, "password": "Wrong-Password-1" }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_password.status(), 401);
    let unknown = t
        .request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": "nobody.here", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 401);
    assert_eq!(
        problem(unknown).await,
        problem(wrong_password_again(&t, &username).await).await,
        "refusals read the same"
    );

    let refreshed = t
        .request(Method::POST, "/portal/auth/refresh", None)
        .json(&json!({ "username": username, "refresh_token": session["refresh_token"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(refreshed.status(), 200);

    let history = body(t.get(&format!("{access}/history"), &staff).await).await;
    let kinds: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"sign_in_failed"), "newest first: {kinds:?}");
    for kind in [
        "enabled",
        "invitation_sent",
        "activated",
        "sign_in_succeeded",
        "sign_in_failed",
    ] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }

    // Revoke: the refresh token dies, sign-in is refused, the username is free again.
    let id_token = session["id_token"].as_str().unwrap().to_owned();
    assert_eq!(t.get("/portal/tickets", &id_token).await.status(), 200);
    let email_change = t
        .request(Method::PUT, &format!("/admin/contacts/{id}"), Some(&staff))
        .header(
            "If-Match",
            format!(
                "\"{}\"",
                body(t.get(&format!("/admin/contacts/{id}"), &staff).await).await["version"]
            ),
        )
        .json(&json!({ "first_name": "Pat", "last_name": "Jones", "email": "elsewhere@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        email_change.status(),
        409,
        "the claimed email moves only with the access"
    );
    let agent = t.staff_token("agent").await;
    assert_eq!(
        t.post(&format!("/admin/contacts/{id}/archive"), &agent, json!({}))
            .await
            .status(),
        403,
        "archiving revokes, which agents may not"
    );
    let revoked = body(t.request(Method::DELETE, &access, Some(&staff)).send().await.unwrap()).await;
    assert_eq!(revoked["status"], "revoked");
    assert_eq!(
        t.get("/portal/tickets", &id_token).await.status(),
        403,
        "a revoked contact's unexpired token no longer works"
    );
    assert_eq!(t.get("/portal/me", &id_token).await.status(), 403);
    // Every portal read refuses it, including those that run the access check beside their first query.
    for (method, path, _) in localstack::functions::routes() {
        if method != "GET" || !path.starts_with("/portal/") || path.starts_with("/portal/auth/") {
            continue;
        }
        // Every path parameter a well-formed id, so the handler is reached.
        let path = path
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    "01JD0000000000000000000000"
                } else {
                    seg
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let r = t.get(&path, &id_token).await;
        assert_eq!(r.status(), 403, "GET {path} with a revoked contact's token");
        assert_eq!(r.headers()["content-type"], "application/problem+json", "{path}");
    }
    let refresh = t
        .request(Method::POST, "/portal/auth/refresh", None)
        .json(&json!({ "username": username, "refresh_token": session["refresh_token"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(refresh.status(), 401);
    let login = t
        .request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": username, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 401);
    let other = t.create_contact(cid, "Pat", "Other").await;
    let taken = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{}/portal-access", other["id"].as_str().unwrap()),
            Some(&staff),
        )
        .json(&json!({ "username": username }))
        .send()
        .await
        .unwrap();
    assert_eq!(taken.status(), 200, "the username was released");
}

async fn wrong_password_again(t: &TestStack, username: &str) -> reqwest::Response {
    t.request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": username, "password": "Wrong-Password-2" }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn racing_staff_get_one_username_and_one_conflict() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Racers").await;
    let cid = customer["id"].as_str().unwrap();
    let a = t.create_contact(cid, "Ann", "A").await;
    let b = t.create_contact(cid, "Ben", "B").await;
    let put = |id: String| {
        t.request(
            Method::PUT,
            &format!("/admin/contacts/{id}/portal-access"),
            Some(&staff),
        )
        .json(&json!({ "username": "Shared.Name" }))
        .send()
    };
    let (ra, rb) = tokio::join!(
        put(a["id"].as_str().unwrap().to_owned()),
        put(b["id"].as_str().unwrap().to_owned())
    );
    let mut statuses = [ra.unwrap().status().as_u16(), rb.unwrap().status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 409]);

    // The same email cannot have portal access twice.
    let c = t.create_contact(cid, "Cat", "C").await;
    let c_email = c["email"].as_str().unwrap();
    let d = t.create_contact(cid, "Dan", "D").await;
    let did = d["id"].as_str().unwrap();
    let etag = "\"1\"";
    let same = t
        .request(Method::PUT, &format!("/admin/contacts/{did}"), Some(&staff))
        .header("If-Match", etag)
        .json(&json!({ "first_name": "Dan", "last_name": "D", "email": c_email.to_uppercase() }))
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), 200);
    let first = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{}/portal-access", c["id"].as_str().unwrap()),
            Some(&staff),
        )
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    let second = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{did}/portal-access"),
            Some(&staff),
        )
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), 409);
    assert!(problem(second).await["detail"].as_str().unwrap().contains("email"));

    // No email, no access; a bad username is named.
    let e = t
        .post(
            &format!("/admin/customers/{cid}/contacts"),
            &staff,
            json!({ "first_name": "No", "last_name": "Mail" }),
        )
        .await;
    let eid = body(e).await["id"].as_str().unwrap().to_owned();
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{eid}/portal-access"),
            Some(&staff),
        )
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(problem(r).await["errors"][0]["field"], "email");
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{eid}/portal-access"),
            Some(&staff),
        )
        .json(&json!({ "username": "a b" }))
        .send()
        .await
        .unwrap();
    assert_eq!(problem(r).await["errors"][0]["field"], "username");
}

#[tokio::test]
async fn forgotten_password_reset_keeps_totp_and_unknown_users_learn_nothing() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Resetters").await;
    let contact = t.create_contact(customer["id"].as_str().unwrap(), "Rae", "Reset").await;
    let id = contact["id"].as_str().unwrap();
    let email = contact["email"].as_str().unwrap();
    t.request(
        Method::PUT,
        &format!("/admin/contacts/{id}/portal-access"),
        Some(&staff),
    )
    .json(&json!({ "username": "rae.reset" }))
    .send()
    .await
    .unwrap();
    t.post(
        &format!("/admin/contacts/{id}/portal-access/invitation"),
        &staff,
        json!({}),
    )
    .await;
    let token = last_token(email).await;
    t.request(Method::POST, "/portal/auth/activate", None)
        .json(&json!({ "token": token, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let activated = t
        .request(Method::POST, "/portal/auth/activate/totp", None)
        .json(&json!({ "token": token, "code": totp_now().await }))
        .send()
        .await
        .unwrap();
    assert_eq!(activated.status(), 200);
    let session = body(activated).await;

    let unknown = t
        .request(Method::POST, "/portal/auth/password/forgot", None)
        .json(&json!({ "username": "no.such.user" }))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 202);
    let known = t
        .request(Method::POST, "/portal/auth/password/forgot", None)
        .json(&json!({ "username": "rae.reset" }))
        .send()
        .await
        .unwrap();
    assert_eq!(known.status(), 202);
    // The reset email is only queued (so the answer's timing says nothing); the drain sends it.
    assert_eq!(scheduler::drain_outbox(&t.ctx).await.unwrap().sent, 1);
    let reset_token = last_token(email).await;
    assert_ne!(reset_token, token);
    let done = t
        .request(Method::POST, "/portal/auth/password/reset", None)
        .json(&json!({ "token": reset_token, "password": "Brand-New-Pass-7" }))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 204);
    let again = t
        .request(Method::POST, "/portal/auth/password/reset", None)
        .json(&json!({ "token": reset_token, "password": "Brand-New-Pass-8" }))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 422, "a reset link works once");

    let refresh = t
        .request(Method::POST, "/portal/auth/refresh", None)
        .json(&json!({ "username": "rae.reset", "refresh_token": session["refresh_token"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(refresh.status(), 401, "the reset signed out every session");
    let old = t
        .request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": "rae.reset", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 401);
    let new = body(
        t.request(Method::POST, "/portal/auth/login", None)
            .json(&json!({ "username": "rae.reset", "password": "Brand-New-Pass-7" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(new["challenge"], "totp", "a reset never bypasses TOTP");
}

#[tokio::test]
async fn repeated_failures_are_throttled() {
    let t = TestStack::start().await;
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..11 {
        let r = t
            .request(Method::POST, "/portal/auth/login", None)
            .json(&json!({ "username": "victim.user", "password": "Guess-Number-1" }))
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
        retry_after = r
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    }
    assert!(statuses[..10].iter().all(|s| *s == 401), "{statuses:?}");
    assert_eq!(statuses[10], 429);
    let seconds = retry_after.expect("a 429 says when to try again");
    assert!(
        (1..=15 * 60).contains(&seconds),
        "Retry-After {seconds} lies within the 15-minute window"
    );
}

#[tokio::test]
async fn archiving_a_contact_revokes_their_access() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Archived Access").await;
    let cid = customer["id"].as_str().unwrap();
    let contact = t.create_contact(cid, "Arch", "Ive").await;
    let id = contact["id"].as_str().unwrap();
    t.request(
        Method::PUT,
        &format!("/admin/contacts/{id}/portal-access"),
        Some(&staff),
    )
    .json(&json!({ "username": "arch.ive" }))
    .send()
    .await
    .unwrap();
    t.post(
        &format!("/admin/contacts/{id}/portal-access/invitation"),
        &staff,
        json!({}),
    )
    .await;
    let token = last_token(contact["email"].as_str().unwrap()).await;
    t.request(Method::POST, "/portal/auth/activate", None)
        .json(&json!({ "token": token, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let session = body(
        t.request(Method::POST, "/portal/auth/activate/totp", None)
            .json(&json!({ "token": token, "code": totp_now().await }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(session["refresh_token"].is_string());

    let archived = body(
        t.post(&format!("/admin/contacts/{id}/archive"), &staff, json!({}))
            .await,
    )
    .await;
    assert_eq!(archived["archived"], true);
    assert_eq!(archived["portal_status"], "revoked");
    assert!(
        archived.get("portal_token_hash").is_none(),
        "token hashes never leave the table"
    );
    let refresh = t
        .request(Method::POST, "/portal/auth/refresh", None)
        .json(&json!({ "username": "arch.ive", "refresh_token": session["refresh_token"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(refresh.status(), 401);
    let login = t
        .request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": "arch.ive", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 401);
}

#[tokio::test]
async fn sign_in_is_refused_for_archived_customers_and_outside_the_support_period() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Supported Ltd").await;
    let cid = customer["id"].as_str().unwrap();
    t.activated_contact(cid, "Sue", "Port", "sue.port").await;

    let put = |body: Value, version: u64| {
        t.request(Method::PUT, &format!("/admin/customers/{cid}"), Some(&staff))
            .header("If-Match", format!("\"{version}\""))
            .json(&body)
            .send()
    };
    let r = put(
        json!({ "name": "Supported Ltd", "support_start": "2020-01-01", "support_end": "2020-12-31" }),
        1,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let outside = t
        .request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": "sue.port", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(outside.status(), 401);
    let generic = problem(outside).await;
    let r = put(
        json!({ "name": "Supported Ltd", "support_start": "2020-01-01", "support_end": "2099-12-31" }),
        2,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(t.sign_in("sue.port", PASSWORD).await, 200, "inside the window again");

    assert_eq!(
        t.post(&format!("/admin/customers/{cid}/archive"), &staff, json!({}))
            .await
            .status(),
        200
    );
    let archived = t
        .request(Method::POST, "/portal/auth/login", None)
        .json(&json!({ "username": "sue.port", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(archived.status(), 401);
    assert_eq!(
        problem(archived).await,
        generic,
        "one generic refusal whatever the reason"
    );
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let t = TestStack::start().await;
    let customer = t.create_customer("Leavers").await;
    let (_, tokens) = t
        .activated_contact(customer["id"].as_str().unwrap(), "Lou", "Out", "lou.out")
        .await;
    let refresh = json!({ "username": "lou.out", "refresh_token": tokens["refresh_token"] });
    assert_eq!(
        t.request(Method::POST, "/portal/auth/refresh", None)
            .json(&refresh)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        t.request(Method::POST, "/portal/auth/logout", None)
            .json(&refresh)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        t.request(Method::POST, "/portal/auth/refresh", None)
            .json(&refresh)
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let forged = json!({ "username": "lou.out", "refresh_token": "not-a-refresh-token" });
    assert_eq!(
        t.request(Method::POST, "/portal/auth/logout", None)
            .json(&forged)
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
}

#[tokio::test]
async fn bulk_invitations_report_each_contact_and_staff_resets_by_email() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Bulkers").await;
    let cid = customer["id"].as_str().unwrap();
    let ready = t.create_contact(cid, "Rea", "Dy").await;
    let rid = ready["id"].as_str().unwrap();
    t.request(
        Method::PUT,
        &format!("/admin/contacts/{rid}/portal-access"),
        Some(&staff),
    )
    .json(&json!({}))
    .send()
    .await
    .unwrap();
    let never = t.create_contact(cid, "Nev", "Er").await;
    let missing = "01JD0000000000000000000ZZZ";
    let results = body(
        t.post(
            "/admin/portal-access/invitations",
            &staff,
            json!({ "contact_ids": [rid, never["id"], missing] }),
        )
        .await,
    )
    .await;
    let results = results.as_array().unwrap();
    assert_eq!(results[0]["result"], "sent");
    assert_eq!(results[1]["result"], "refused");
    assert!(results[1]["reason"].as_str().unwrap().contains("enable"));
    assert_eq!(results[2]["result"], "refused");
    assert_eq!(e2e::emails_to(ready["email"].as_str().unwrap()).await.len(), 1);
    let too_many = t
        .post(
            "/admin/portal-access/invitations",
            &staff,
            json!({ "contact_ids": vec![rid; 51] }),
        )
        .await;
    assert_eq!(too_many.status(), 422);

    // Staff-initiated reset: an email with a link; staff never see a password.
    let (active, _) = t.activated_contact(cid, "Act", "Ive", "act.ive").await;
    let aid = active["id"].as_str().unwrap();
    let r = t
        .post(
            &format!("/admin/contacts/{aid}/portal-access/password-reset"),
            &staff,
            json!({}),
        )
        .await;
    assert_eq!(r.status(), 202);
    let reply = body(r).await;
    assert_eq!(reply["email"], "sent");
    assert!(
        !reply.to_string().contains("password\":"),
        "no password in any staff response"
    );
    let token = last_token(active["email"].as_str().unwrap()).await;
    let r = t
        .request(Method::POST, "/portal/auth/password/reset", None)
        .json(&json!({ "token": token, "password": "Staff-Sent-Reset-9" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(t.sign_in("act.ive", "Staff-Sent-Reset-9").await, 200);
    let r = t
        .post(
            &format!("/admin/contacts/{rid}/portal-access/password-reset"),
            &staff,
            json!({}),
        )
        .await;
    assert_eq!(r.status(), 409, "an invited contact gets an invitation, not a reset");
}

#[tokio::test]
async fn an_email_address_is_a_username_unique_and_case_insensitive() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Email Names Ltd").await;
    let (contact, _) = t
        .activated_contact(customer["id"].as_str().unwrap(), "Eve", "Evans", "Eve@Acme.Example")
        .await;
    let access = body(
        t.get(
            &format!("/admin/contacts/{}/portal-access", contact["id"].as_str().unwrap()),
            &staff,
        )
        .await,
    )
    .await;
    assert_eq!(
        (access["username"].as_str(), access["status"].as_str()),
        (Some("eve@acme.example"), Some("active")),
        "kept in lower case"
    );
    assert_eq!(
        t.sign_in("EVE@acme.EXAMPLE", PASSWORD).await,
        200,
        "signed in with it, in any case"
    );
    let me = body(
        t.request(Method::POST, "/portal/auth/login", None)
            .json(&json!({ "username": "eve@acme.example", "password": "Wrong-Password-1" }))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(me["status"], 401, "a wrong password is still refused");

    // Unique deployment-wide, another customer's contact included, whatever the case.
    let other_customer = t.create_customer("Elsewhere Ltd").await;
    let other = t
        .create_contact(other_customer["id"].as_str().unwrap(), "Eve", "Other")
        .await;
    let enable = |body: Value| {
        t.request(
            Method::PUT,
            &format!("/admin/contacts/{}/portal-access", other["id"].as_str().unwrap()),
            Some(&staff),
        )
        .json(&body)
        .send()
    };
    let taken = enable(json!({ "username": "EVE@acme.example" })).await.unwrap();
    assert_eq!(taken.status(), 409);
    assert_eq!(problem(taken).await["detail"], "that username is taken");
    let bad = enable(json!({ "username": "eve@acme" })).await.unwrap();
    assert_eq!(
        problem(bad).await["errors"][0]["field"],
        "username",
        "not an email address, not a plain username"
    );
    // A generated username stays readable.
    assert_eq!(body(enable(json!({})).await.unwrap()).await["username"], "eve.other");
}
