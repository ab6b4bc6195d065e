//! Runs the real `dukao` binary on a loopback port for the tests.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_dukao");

pub const OFFICE: (&str, &str) = ("office-test", "office-passcode");
pub const REPORTER: (&str, &str) = ("reporter-fgj", "reporter-passcode");
pub const LEADER: (&str, &str) = ("leader-test", "leader-passcode");

/// A folder under the system's temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNT: AtomicU32 = AtomicU32::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let path = std::env::temp_dir()
            .join(format!("dukao-test-{}-{label}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Creates a data folder with copies of the fixture's four documents.
pub fn fixture_data() -> TempDir {
    let dir = TempDir::new("data");
    for entry in std::fs::read_dir(fixture("data")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name()))
            .unwrap();
    }
    dir
}

/// Runs `dukao account add`, writing the passcode to its stdin.
pub fn add_account(
    dir: &Path,
    name: &str,
    role: &str,
    unit: Option<&str>,
    passcode: &str,
) -> std::process::Output {
    let mut command = Command::new(BIN);
    command.args(["account", "add", "--data"]).arg(dir).args([
        "--account",
        name,
        "--role",
        role,
    ]);
    if let Some(unit) = unit {
        command.args(["--unit", unit]);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may reject its arguments and exit before reading.
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{passcode}\n").as_bytes());
    child.wait_with_output().unwrap()
}

/// A store seeded from the fixture with an office, a reporter for unit
/// `fgj` and a leader account.
pub fn store_with_accounts() -> TempDir {
    let dir = fixture_data();
    for (account, role, unit) in [
        (OFFICE, "office", None),
        (REPORTER, "reporter", Some("fgj")),
        (LEADER, "leader", None),
    ] {
        let output = add_account(dir.path(), account.0, role, unit, account.1);
        assert!(output.status.success(), "{output:?}");
    }
    dir
}

/// A running server, killed on drop.
pub struct Server {
    child: Child,
    pub addr: String,
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `dukao serve` on a free loopback port with extra args.
    pub fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .env("DUKAO_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (sender, receiver) = std::sync::mpsc::channel();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            let marker = "listening on http://";
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(at) = line.find(marker) {
                    let rest = &line[at + marker.len()..];
                    let addr = rest.split('/').next().unwrap().to_string();
                    let _ = sender.send(addr);
                }
                sink.lock().unwrap().push(line);
            }
        });
        let addr = match receiver.recv_timeout(Duration::from_secs(60)) {
            Ok(addr) => addr,
            Err(_) => {
                let _ = child.kill();
                panic!("server did not start: {:?}", log.lock().unwrap());
            }
        };
        Server { child, addr, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Sends SIGKILL and waits for the process to end.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Sends SIGTERM and waits up to `timeout` for a clean exit.
    pub fn terminate(&mut self, timeout: Duration) -> Option<i32> {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    pub fn log_text(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// An HTTP client that keeps the session cookie.
#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
    pub cookie: Option<String>,
}

impl Client {
    pub fn new(server: &Server) -> Client {
        Client {
            http: reqwest::Client::new(),
            base: server.url(""),
            cookie: None,
        }
    }

    /// Logs in and keeps the cookie; returns the response status.
    pub async fn login(&mut self, account: &str, passcode: &str) -> u16 {
        let body = serde_json::json!({
            "account": account,
            "passcode": passcode,
        });
        let response = self.send("POST", "/api/login", &body.to_string()).await;
        if let Some(value) = response.headers().get("set-cookie") {
            let text = value.to_str().unwrap();
            self.cookie = Some(text.split(';').next().unwrap().to_string());
        }
        response.status().as_u16()
    }

    pub async fn send(
        &self,
        method: &str,
        path: &str,
        body: &str,
    ) -> reqwest::Response {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(body.to_string());
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.unwrap()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.unwrap()
    }

    /// Fetches the audit log's entries (needs an office session).
    pub async fn audit(&self) -> Vec<serde_json::Value> {
        let log = self.get_json("/api/audit").await;
        log["entries"].as_array().unwrap().clone()
    }
}

/// Sends a request line as written, without any URL normalisation, and
/// returns the status code.
pub fn raw_get(addr: &str, path: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let status = response.split(' ').nth(1).unwrap_or("0");
    status.parse().unwrap()
}

/// Reads the home peer's figure for an indicator in the open period
/// from figures.json.
pub fn home_figure(
    figures: &serde_json::Value,
    indicator: &str,
) -> Option<f64> {
    let open = figures["open_period"].as_str().unwrap();
    let month = |text: &str| {
        let (y, m) = text.split_once('-').unwrap();
        y.parse::<i64>().unwrap() * 12 + m.parse::<i64>().unwrap()
    };
    let series = figures["peers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["indicator"] == indicator && s["entity"] == "jiyang")?;
    let offset = month(open) - month(series["from"].as_str().unwrap());
    series["values"].get(offset as usize)?.as_f64()
}
