//! Documents, app files, headers, login throttling and shutdown.

mod common;

use std::time::Duration;

use common::{fixture, store_with_accounts, Client, Server, OFFICE};

#[tokio::test]
async fn documents_answer_304() {
    let dir = store_with_accounts();
    let data = dir.path().to_str().unwrap();
    let server = Server::start(&["--data", data, "--public-read"]);
    let client = Client::new(&server);
    let response = client.get("/data/figures.json").await;
    assert_eq!(response.status(), 200);
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let modified = response.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(etag.starts_with("W/\""));
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["open_period"], "2026-03");

    let get = |name: &'static str, value: String| {
        client
            .http
            .get(server.url("/data/figures.json"))
            .header(name, value)
            .send()
    };
    let response = get("if-none-match", etag.clone()).await.unwrap();
    assert_eq!(response.status(), 304);
    assert_eq!(response.headers()["etag"].to_str().unwrap(), etag);
    let response = get("if-none-match", "W/\"other\"".into()).await.unwrap();
    assert_eq!(response.status(), 200);
    let response = get("if-modified-since", modified).await.unwrap();
    assert_eq!(response.status(), 304);
    let old = "Mon, 01 Jan 2001 00:00:00 GMT".to_string();
    let response = get("if-modified-since", old).await.unwrap();
    assert_eq!(response.status(), 200);

    // A write changes the ETag.
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);
    let body = r#"{"period":"2026-03","entries":[
        {"indicator":"invest","value":31.5,"previous":null}]}"#;
    assert_eq!(office.send("PUT", "/api/figures", body).await.status(), 200);
    let response = get("if-none-match", etag.clone()).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_ne!(response.headers()["etag"].to_str().unwrap(), etag);

    let response = client.get("/data/secrets.json").await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn demo_accounts_log_in() {
    let server = Server::start(&[]);
    for (account, passcode, role) in [
        ("office", "demo-office", "office"),
        ("leader", "demo-leader", "leader"),
        ("kiosk", "demo-kiosk", "kiosk"),
        ("reporter", "demo-reporter", "reporter"),
    ] {
        let mut client = Client::new(&server);
        assert_eq!(client.login(account, passcode).await, 200, "{account}");
        let session = client.get_json("/api/session").await;
        assert_eq!(session["role"], role);
    }
}

#[tokio::test]
async fn app_files_and_headers() {
    let app = fixture("app");
    let server = Server::start(&["--app", app.to_str().unwrap()]);
    let client = Client::new(&server);

    let response = client.get("/").await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["cache-control"], "no-cache");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains("'sha256-"), "inline loader allowed by hash");
    assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("<title>督考</title>"));

    let response = client.get("/dukao-5c6d7e8f90a1b2c3.js").await;
    assert_eq!(response.status(), 200);
    let cache = response.headers()["cache-control"].to_str().unwrap();
    assert!(cache.contains("immutable"), "{cache}");
    assert!(cache.contains("max-age=31536000"), "{cache}");
    let response = client.get("/sw.js").await;
    assert_eq!(response.headers()["cache-control"], "no-cache");

    // App routes get the index page; missing files get 404.
    let response = client.get("/ledger/T001").await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("督考"));
    assert_eq!(client.get("/missing.js").await.status(), 404);
    let response = client.get("/api/nothing").await;
    assert_eq!(response.status(), 404);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "not_found");

    // Compression on request.
    let response = client
        .http
        .get(server.url("/data/scheme.json"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");
}

#[tokio::test]
async fn missing_app_explains_build() {
    let server = Server::start(&["--app", "/nonexistent/dukao-dist"]);
    let client = Client::new(&server);
    let response = client.get("/").await;
    assert_eq!(response.status(), 503);
    let page = response.text().await.unwrap();
    assert!(page.contains("trunk build --release"));
    assert!(page.contains("前端尚未构建"));
    assert!(page.contains("has not been built"));
    assert_eq!(client.get("/data/scheme.json").await.status(), 200);
}

#[tokio::test]
async fn failed_logins_throttled() {
    let dir = store_with_accounts();
    let server = Server::start(&[
        "--data",
        dir.path().to_str().unwrap(),
        "--max-failed-logins-per-address",
        "8",
    ]);
    let mut client = Client::new(&server);
    for attempt in 0..5 {
        let status = client.login(OFFICE.0, "wrong-passcode").await;
        assert_eq!(status, 401, "attempt {attempt}");
    }
    // The account is locked now, even for the right passcode.
    let response = client
        .send(
            "POST",
            "/api/login",
            &serde_json::json!({"account": OFFICE.0, "passcode": OFFICE.1})
                .to_string(),
        )
        .await;
    assert_eq!(response.status(), 429);
    let wait: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0, "Retry-After {wait}");
    assert!(wait <= 15 * 60, "Retry-After {wait}");
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "too_many_attempts");

    // Other accounts from the same address: three more failures reach
    // the address limit of 8.
    for name in ["a", "b", "c"] {
        assert_eq!(client.login(name, "wrong-passcode").await, 401);
    }
    assert_eq!(client.login(common::LEADER.0, common::LEADER.1).await, 429);
}

#[tokio::test]
async fn oversized_login_rejected() {
    let server = Server::start(&[]);
    let mut client = Client::new(&server);
    let long = "x".repeat(65);
    assert_eq!(client.login(&long, "demo-office").await, 400);
    assert_eq!(client.login("office", &"y".repeat(1025)).await, 400);
    assert_eq!(client.login("office", "demo-office").await, 200);
}

#[test]
fn sigterm_stops_cleanly() {
    let mut server = Server::start(&[]);
    let code = server.terminate(Duration::from_secs(20));
    assert_eq!(code, Some(0), "{}", server.log_text());
    std::thread::sleep(Duration::from_millis(100));
    let log = server.log_text();
    assert!(log.contains("SIGTERM received"), "{log}");
    assert!(log.contains("dukao stopped"), "{log}");
}

/// Fetches a document asking for brotli, decoded, with its encoding.
async fn fetch_brotli(
    client: &Client,
    server: &Server,
    path: &str,
) -> (String, Vec<u8>) {
    use std::io::Read;
    let response = client
        .http
        .get(server.url(path))
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let encoding = response.headers()["content-encoding"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(encoding, "br");
    let vary = response.headers()["vary"].to_str().unwrap().to_lowercase();
    assert!(vary.contains("accept-encoding"), "{vary}");
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let compressed = response.bytes().await.unwrap();
    let mut plain = Vec::new();
    brotli::Decompressor::new(&compressed[..], 4096)
        .read_to_end(&mut plain)
        .expect("one layer of valid brotli");
    (etag, plain)
}

#[tokio::test]
async fn documents_precompressed_in_background() {
    let server = Server::start(&[]);
    let client = Client::new(&server);
    let plain = client.get("/data/ledger.json").await;
    let plain_etag = plain.headers()["etag"].to_str().unwrap().to_string();
    let plain = plain.bytes().await.unwrap();
    // The first reply may be compressed on the fly; the copy at the
    // highest quality replaces it within seconds. Either decodes to the
    // same document.
    let (etag, first) =
        fetch_brotli(&client, &server, "/data/ledger.json").await;
    assert_eq!(etag, plain_etag);
    assert_eq!(first, plain);
    let mut sizes = Vec::new();
    for _ in 0..60 {
        let response = client
            .http
            .get(server.url("/data/ledger.json"))
            .header("accept-encoding", "br")
            .send()
            .await
            .unwrap();
        sizes.push(response.bytes().await.unwrap().len());
        if sizes.len() > 1 && sizes[sizes.len() - 1] < sizes[0] {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let last = *sizes.last().unwrap();
    assert!(last < sizes[0], "no smaller copy within 30 s: {sizes:?}");
    let (_, decoded) =
        fetch_brotli(&client, &server, "/data/ledger.json").await;
    assert_eq!(decoded, plain);
}
