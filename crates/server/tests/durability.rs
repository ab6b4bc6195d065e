//! Concurrent writers and a killed process: every acknowledged write is
//! stored and in the audit log exactly once.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::{store_with_accounts, Client, Server, OFFICE};

const INDICATORS: [&str; 4] = ["invest", "growth", "energy", "accidents"];

/// Writes `value` to the home figure of `indicator`, re-reading the
/// current value after each 409 like the app does. Returns whether the
/// server acknowledged the write, or `None` when the connection failed.
async fn write_with_retry(
    client: &Client,
    indicator: &str,
    value: f64,
    previous: &mut Option<f64>,
) -> Option<bool> {
    for _ in 0..500 {
        let body = serde_json::json!({
            "period": "2026-03",
            "entries": [{
                "indicator": indicator,
                "value": value,
                "previous": previous,
            }],
        });
        let response = client
            .http
            .put(format!("{}/api/figures", client.base))
            .header("content-type", "application/json")
            .header("cookie", client.cookie.clone().unwrap())
            .body(body.to_string())
            .send()
            .await
            .ok()?;
        match response.status().as_u16() {
            200 => {
                *previous = Some(value);
                return Some(true);
            }
            409 => {
                let conflict: serde_json::Value = response.json().await.ok()?;
                *previous = conflict["current"]["value"].as_f64();
            }
            status => panic!("unexpected status {status}"),
        }
    }
    Some(false)
}

type Change = (Option<f64>, Option<f64>);

/// Checks the audit log against the acknowledged values: each appears
/// exactly once, each indicator's entries chain old to new, and the
/// stored figure is the last entry's new value.
fn check_audit(
    audit: &[serde_json::Value],
    figures: &serde_json::Value,
    acknowledged: &[(String, f64)],
) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    // Each indicator's (old, new) pairs in audit order.
    let mut chains: HashMap<String, Vec<Change>> = HashMap::new();
    for entry in audit.iter().filter(|e| e["action"] == "figure.set") {
        let target = entry["target"].as_str().unwrap();
        let indicator = target.split('/').nth(2).unwrap().to_string();
        let parse = |field: &str| {
            serde_json::from_str::<Option<f64>>(entry[field].as_str().unwrap())
                .unwrap()
        };
        let new = parse("new");
        *counts.entry(format!("{indicator}={:?}", new)).or_default() += 1;
        chains
            .entry(indicator)
            .or_default()
            .push((parse("old"), new));
    }
    for (indicator, value) in acknowledged {
        let key = format!("{indicator}={:?}", Some(*value));
        assert_eq!(counts.get(&key), Some(&1), "audit entries for {key}");
    }
    for (indicator, chain) in &chains {
        for pair in chain.windows(2) {
            assert_eq!(pair[1].0, pair[0].1, "{indicator} chain broken");
        }
        let stored = common::home_figure(figures, indicator);
        assert_eq!(stored, chain.last().unwrap().1, "{indicator} stored");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_all_recorded() {
    let dir = store_with_accounts();
    let server = Server::start(&["--data", dir.path().to_str().unwrap()]);
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);
    let start = office.audit().await.len();

    let mut tasks = Vec::new();
    for client_id in 0..50u32 {
        let client = office.clone();
        tasks.push(tokio::spawn(async move {
            let indicator = INDICATORS[client_id as usize % INDICATORS.len()];
            let mut previous = None;
            let mut acknowledged = Vec::new();
            for write in 0..20u32 {
                // Unique, non-negative, exactly representable values.
                let value = (client_id * 100 + write) as f64 + 0.5;
                let done =
                    write_with_retry(&client, indicator, value, &mut previous)
                        .await;
                assert_eq!(done, Some(true), "client {client_id} gave up");
                acknowledged.push((indicator.to_string(), value));
            }
            acknowledged
        }));
    }
    let mut acknowledged = Vec::new();
    for task in tasks {
        acknowledged.extend(task.await.unwrap());
    }
    assert_eq!(acknowledged.len(), 1000);
    let audit = office.audit().await;
    assert_eq!(audit.len() - start, 1000, "one audit entry per write");
    let figures = office.get_json("/data/figures.json").await;
    check_audit(&audit, &figures, &acknowledged);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_server_keeps_acknowledged_writes() {
    let dir = store_with_accounts();
    let data = dir.path().to_str().unwrap().to_string();
    let mut server = Server::start(&["--data", &data]);
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);

    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for writer in 0..8u32 {
        let client = office.clone();
        let stop = Arc::clone(&stop);
        tasks.push(tokio::spawn(async move {
            let indicator = INDICATORS[writer as usize % INDICATORS.len()];
            let mut previous = None;
            let mut acknowledged = Vec::new();
            let mut write = 0u32;
            while !stop.load(Ordering::SeqCst) {
                let value = (writer * 100_000 + write) as f64 + 0.25;
                write += 1;
                match write_with_retry(&client, indicator, value, &mut previous)
                    .await
                {
                    Some(true) => {
                        acknowledged.push((indicator.to_string(), value))
                    }
                    // The server is gone: later writes cannot succeed.
                    _ => break,
                }
            }
            acknowledged
        }));
    }
    // Let the burst run, then kill the server in the middle of it.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill();
    stop.store(true, Ordering::SeqCst);
    let mut acknowledged = Vec::new();
    for task in tasks {
        acknowledged.extend(task.await.unwrap());
    }
    assert!(
        acknowledged.len() >= 20,
        "only {} writes acknowledged before the kill",
        acknowledged.len()
    );

    let server = Server::start(&["--data", &data]);
    let mut office = Client::new(&server);
    assert_eq!(office.login(OFFICE.0, OFFICE.1).await, 200);
    let audit = office.audit().await;
    let figures = office.get_json("/data/figures.json").await;
    check_audit(&audit, &figures, &acknowledged);
    let recorded = audit.iter().filter(|e| e["action"] == "figure.set").count();
    eprintln!(
        "{} writes acknowledged before the kill, {recorded} recorded",
        acknowledged.len()
    );
    // A write committed just before the kill may have lost its reply.
    assert!(recorded >= acknowledged.len());
    assert!(recorded <= acknowledged.len() + 8);
}
