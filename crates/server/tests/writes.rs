//! Writes through the real server: permissions, rejected input and what
//! accepted writes leave in the documents and the audit log.

mod common;

use common::{store_with_accounts, Client, Server, LEADER, OFFICE, REPORTER};

/// Reads the four documents' bytes and the audit log's length.
async fn snapshot(office: &Client) -> (Vec<String>, usize) {
    let mut docs = Vec::new();
    for name in ["scheme", "figures", "ledger", "supervision"] {
        let response = office.get(&format!("/data/{name}.json")).await;
        assert_eq!(response.status(), 200);
        docs.push(response.text().await.unwrap());
    }
    (docs, office.audit().await.len())
}

#[tokio::test]
async fn reporter_other_unit_forbidden() {
    let dir = store_with_accounts();
    let server = Server::start(&["--data", dir.path().to_str().unwrap()]);
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);
    let mut reporter = Client::new(&server);
    assert_eq!(reporter.login(REPORTER.0, REPORTER.1).await, 200);
    let before = snapshot(&office).await;

    // growth is led by unit swj; the reporter reports for fgj.
    let body = r#"{"period":"2026-03","entries":[
        {"indicator":"growth","value":5.0,"previous":null}]}"#;
    let response = reporter.send("PUT", "/api/figures", body).await;
    assert_eq!(response.status(), 403);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "forbidden");
    assert!(error["error"]["message_zh"]
        .as_str()
        .unwrap()
        .contains("本单位"));

    // Task T002 belongs to swj as well.
    let body = r#"{"task":"T002","milestone":0,"done":"2026-03-05"}"#;
    let response = reporter.send("POST", "/api/milestones", body).await;
    assert_eq!(response.status(), 403);
    let body = r#"{"task":"T002","date":"2026-03-05"}"#;
    let response = reporter.send("POST", "/api/sign-off", body).await;
    assert_eq!(response.status(), 403);
    let body = r#"{"indicator":"growth","period":"2026-02","kind":"post",
        "action":"respond","note":"x"}"#;
    let response = reporter.send("POST", "/api/supervision", body).await;
    assert_eq!(response.status(), 403);

    // Office-only endpoints.
    let body = r#"{"period":"2026-02","entries":[
        {"indicator":"invest","peer":"shanghe","value":1.0}]}"#;
    let response = reporter.send("PUT", "/api/peer-figures", body).await;
    assert_eq!(response.status(), 403);
    let response = reporter.get("/api/audit").await;
    assert_eq!(response.status(), 403);

    assert_eq!(snapshot(&office).await, before);
}

#[tokio::test]
async fn read_roles_and_anonymous_rejected() {
    let dir = store_with_accounts();
    let server = Server::start(&["--data", dir.path().to_str().unwrap()]);
    let mut leader = Client::new(&server);
    assert_eq!(leader.login(LEADER.0, LEADER.1).await, 200);
    let anonymous = Client::new(&server);
    let body = r#"{"period":"2026-03","entries":[
        {"indicator":"invest","value":30.0,"previous":null}]}"#;
    let response = leader.send("PUT", "/api/figures", body).await;
    assert_eq!(response.status(), 403);
    let response = anonymous.send("PUT", "/api/figures", body).await;
    assert_eq!(response.status(), 401);
    // Without --public-read a store's documents need a session.
    let response = anonymous.get("/data/figures.json").await;
    assert_eq!(response.status(), 401);
    let response = leader.get("/data/figures.json").await;
    assert_eq!(response.status(), 200);
    let session = anonymous.get_json("/api/session").await;
    assert_eq!(session["account"], serde_json::Value::Null);
    let session = leader.get_json("/api/session").await;
    assert_eq!(session["role"], "leader");

    let response = leader.send("POST", "/api/logout", "").await;
    assert_eq!(response.status(), 204);
    let session = leader.get_json("/api/session").await;
    assert_eq!(session["account"], serde_json::Value::Null);
}

#[tokio::test]
async fn invalid_input_changes_nothing() {
    let dir = store_with_accounts();
    let server = Server::start(&["--data", dir.path().to_str().unwrap()]);
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);
    let before = snapshot(&office).await;
    let figure = |value: &str| {
        format!(
            r#"{{"period":"2026-03","entries":[
            {{"indicator":"invest","value":{value},"previous":null}}]}}"#
        )
    };
    let oversize = format!(
        r#"{{"period":"2026-03","entries":[],"pad":"{}"}}"#,
        "x".repeat(3 * 1024 * 1024)
    );
    let cases: Vec<(&str, &str, String, u16, &str)> = vec![
        (
            "PUT",
            "/api/figures",
            r#"{"period":"2026-03","#.into(),
            400,
            "invalid_json",
        ),
        ("PUT", "/api/figures", figure("NaN"), 400, "invalid_json"),
        (
            "PUT",
            "/api/figures",
            figure("\"NaN\""),
            400,
            "invalid_json",
        ),
        ("PUT", "/api/figures", figure("1e400"), 400, "invalid_json"),
        ("PUT", "/api/figures", figure("-1"), 422, "invalid_value"),
        ("PUT", "/api/figures", figure("1e300"), 422, "invalid_value"),
        (
            "PUT",
            "/api/figures",
            r#"{"period":"2026-03","entries":[
               {"indicator":"nope","value":1,"previous":null}]}"#
                .into(),
            404,
            "unknown_id",
        ),
        (
            "PUT",
            "/api/figures",
            r#"{"period":"2026-02","entries":[
               {"indicator":"invest","value":1,"previous":25.1}]}"#
                .into(),
            409,
            "period_closed",
        ),
        (
            "PUT",
            "/api/figures",
            r#"{"period":"2026-03","entries":[],"extra":1}"#.into(),
            400,
            "invalid_json",
        ),
        (
            "PUT",
            "/api/peer-figures",
            r#"{"period":"2026-02","entries":[
               {"indicator":"invest","peer":"nowhere","value":1}]}"#
                .into(),
            404,
            "unknown_id",
        ),
        (
            "PUT",
            "/api/peer-figures",
            r#"{"period":"2030-02","entries":[
               {"indicator":"invest","peer":"shanghe","value":1}]}"#
                .into(),
            422,
            "invalid_value",
        ),
        (
            "POST",
            "/api/milestones",
            r#"{"task":"T404","milestone":0,"done":null}"#.into(),
            404,
            "unknown_id",
        ),
        (
            "POST",
            "/api/milestones",
            r#"{"task":"T001","milestone":9,"done":null}"#.into(),
            404,
            "unknown_id",
        ),
        (
            "POST",
            "/api/milestones",
            r#"{"task":"T001","milestone":0,"done":"2026-02-30"}"#.into(),
            400,
            "invalid_json",
        ),
        (
            "POST",
            "/api/sign-off",
            r#"{"task":"T001","date":"2031-01-01"}"#.into(),
            422,
            "invalid_value",
        ),
        (
            "POST",
            "/api/supervision",
            r#"{"indicator":"growth","period":"2026-02","kind":"post",
               "action":"reopen"}"#
                .into(),
            409,
            "invalid_transition",
        ),
        (
            "PUT",
            "/api/scheme",
            r#"{"year":2026}"#.into(),
            400,
            "invalid_json",
        ),
        ("PUT", "/api/figures", oversize, 413, "payload_too_large"),
    ];
    for (method, path, body, status, code) in &cases {
        // A fresh connection each time: the server responds to an oversize
        // body before reading it and then closes that connection.
        let mut office = office.clone();
        office.http = reqwest::Client::new();
        let response = office.send(method, path, body).await;
        let got = response.status().as_u16();
        let text = response.text().await.unwrap();
        let short: String = body.chars().take(80).collect();
        assert_eq!(got, *status, "{method} {path} {short}: {text}");
        let error: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(error["error"]["code"], *code, "{short}: {text}");
        assert!(!error["error"]["message"].as_str().unwrap().is_empty());
        assert!(!error["error"]["message_zh"].as_str().unwrap().is_empty());
    }

    // A scheme that parses but breaks the figures: drop an indicator
    // that has figures.
    let mut scheme = office.get_json("/data/scheme.json").await;
    scheme["indicators"].as_array_mut().unwrap().remove(0);
    let response = office.send("PUT", "/api/scheme", &scheme.to_string()).await;
    assert_eq!(response.status(), 422);
    let error: serde_json::Value = response.json().await.unwrap();
    assert!(error["error"]["path"].as_str().unwrap().starts_with("$."));

    let response = office
        .http
        .put(server.url("/api/figures"))
        .header("cookie", office.cookie.clone().unwrap())
        .header("content-type", "text/plain")
        .body(figure("1"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);

    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/Cargo.toml",
        "/data/..%2f..%2fCargo.toml",
        "/..%5c..%5cCargo.toml",
    ] {
        assert_eq!(common::raw_get(&server.addr, path), 400, "{path}");
    }
    assert_eq!(snapshot(&office).await, before);
}

#[tokio::test]
async fn accepted_writes_are_recorded() {
    let dir = store_with_accounts();
    let server = Server::start(&["--data", dir.path().to_str().unwrap()]);
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);
    let mut reporter = Client::new(&server);
    assert_eq!(reporter.login(REPORTER.0, REPORTER.1).await, 200);

    let body = r#"{"period":"2026-03","entries":[
        {"indicator":"invest","value":33.25,"previous":null},
        {"indicator":"energy","value":0.52,"previous":null}]}"#;
    let response = reporter.send("PUT", "/api/figures", body).await;
    assert_eq!(response.status(), 200);
    let figures = office.get_json("/data/figures.json").await;
    assert_eq!(common::home_figure(&figures, "invest"), Some(33.25));
    assert_eq!(common::home_figure(&figures, "energy"), Some(0.52));

    // A stale `previous` gets 409 with the current value.
    let body = r#"{"period":"2026-03","entries":[
        {"indicator":"invest","value":40,"previous":null}]}"#;
    let response = office.send("PUT", "/api/figures", body).await;
    assert_eq!(response.status(), 409);
    let conflict: serde_json::Value = response.json().await.unwrap();
    assert_eq!(conflict["current"]["indicator"], "invest");
    assert_eq!(conflict["current"]["value"], 33.25);

    let body = r#"{"task":"T001","milestone":1,"done":"2026-03-10"}"#;
    let response = reporter.send("POST", "/api/milestones", body).await;
    assert_eq!(response.status(), 200);
    // Only the office signs off, even the reporter's own unit's tasks.
    let body = r#"{"task":"T001","date":null}"#;
    let response = reporter.send("POST", "/api/sign-off", body).await;
    assert_eq!(response.status(), 403);
    // Sign-off (销号) needs every milestone done, on or after the last.
    let body = r#"{"task":"T002","date":"2026-03-12","above_target":true}"#;
    let response = office.send("POST", "/api/sign-off", body).await;
    assert_eq!(response.status(), 422, "T002's milestone is open");
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["error"]["path"], "$.date");
    assert!(error["error"]["message_zh"]
        .as_str()
        .unwrap()
        .contains("尚未完成"));
    let body = r#"{"task":"T002","milestone":0,"done":"2026-03-12"}"#;
    let response = office.send("POST", "/api/milestones", body).await;
    assert_eq!(response.status(), 200);
    let body = r#"{"task":"T002","date":"2026-03-11"}"#;
    let response = office.send("POST", "/api/sign-off", body).await;
    assert_eq!(response.status(), 422, "before the milestone was done");
    let body = r#"{"task":"T002","date":"2026-03-12","above_target":true}"#;
    let response = office.send("POST", "/api/sign-off", body).await;
    assert_eq!(response.status(), 200);
    // A signed-off task's milestones stay as they are.
    let body = r#"{"task":"T002","milestone":0,"done":null}"#;
    let response = office.send("POST", "/api/milestones", body).await;
    assert_eq!(response.status(), 422);
    let ledger = office.get_json("/data/ledger.json").await;
    assert_eq!(ledger["tasks"][0]["milestones"][1]["done"], "2026-03-10");
    assert_eq!(ledger["tasks"][1]["signed_off"], "2026-03-12");
    assert_eq!(ledger["tasks"][1]["above_target"], true);

    let body = r#"{"period":"2026-02","entries":[
        {"indicator":"growth","peer":"shanghe","value":-0.5}]}"#;
    let response = office.send("PUT", "/api/peer-figures", body).await;
    assert_eq!(response.status(), 200, "rates may be negative");

    // The office closes an item; a reporter may not reopen it.
    let body = r#"{"indicator":"growth","period":"2026-02","kind":"post",
        "action":"close","note":"已整改到位","date":"2026-03-15"}"#;
    let response = office.send("POST", "/api/supervision", body).await;
    assert_eq!(response.status(), 200);
    let log = office.get_json("/data/supervision.json").await;
    assert_eq!(log["items"][0]["status"], "closed");
    assert_eq!(log["items"][0]["closed"], "2026-03-15");
    assert_eq!(log["items"][0]["note"], "已整改到位");

    let audit = office.audit().await;
    let actions: Vec<&str> = audit
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "figure.set",
            "figure.set",
            "milestone.set",
            "milestone.set",
            "sign_off.set",
            "peer_figure.set",
            "supervision.close"
        ]
    );
    assert_eq!(audit[0]["account"], REPORTER.0);
    assert_eq!(audit[0]["target"], "figures/jiyang/invest/2026-03");
    assert_eq!(audit[0]["old"], "null");
    assert_eq!(audit[0]["new"], "33.25");
    assert_eq!(audit[5]["old"], "5.9");

    let response = office.get("/api/audit?format=csv").await;
    assert_eq!(response.status(), 200);
    let csv = response.bytes().await.unwrap();
    assert!(csv.starts_with("\u{feff}编号,时间,账号".as_bytes()));
    let text = String::from_utf8(csv.to_vec()).unwrap();
    assert_eq!(text.lines().count(), 1 + audit.len());
}

#[tokio::test]
async fn future_dates_rejected() {
    let dir = store_with_accounts();
    let server = Server::start(&["--data", dir.path().to_str().unwrap()]);
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);
    let before = snapshot(&office).await;

    // Tomorrow in China Standard Time, the server's zone.
    let china = time::UtcOffset::from_hms(8, 0, 0).unwrap();
    let tomorrow = (time::OffsetDateTime::now_utc().to_offset(china)
        + time::Duration::days(1))
    .date();
    let tomorrow = format!(
        "{:04}-{:02}-{:02}",
        tomorrow.year(),
        u8::from(tomorrow.month()),
        tomorrow.day()
    );
    for (path, body) in [
        (
            "/api/milestones",
            format!(r#"{{"task":"T001","milestone":0,"done":"{tomorrow}"}}"#),
        ),
        (
            "/api/sign-off",
            format!(r#"{{"task":"T002","date":"{tomorrow}"}}"#),
        ),
    ] {
        let response = office.send("POST", path, &body).await;
        assert_eq!(response.status(), 422, "{path}");
        let error: serde_json::Value = response.json().await.unwrap();
        let message = error["error"]["message"].as_str().unwrap();
        assert!(message.contains("after today"), "{path}: {message}");
        assert!(error["error"]["message_zh"]
            .as_str()
            .unwrap()
            .contains("晚于今天"));
    }
    // Outside the assessment year: a plain reason, not a JSON path.
    let body = r#"{"task":"T001","milestone":0,"done":"2020-05-01"}"#;
    let response = office.send("POST", "/api/milestones", body).await;
    assert_eq!(response.status(), 422);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        error["error"]["message_zh"],
        "日期 2020年5月1日 不在考核年度内，请填写 2026 年或 2027 年的日期。"
    );
    assert_eq!(snapshot(&office).await, before);
}
