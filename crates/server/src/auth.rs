//! Roles, passcode hashing, sessions and the throttle on failed logins.

use std::collections::HashMap;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use base64::Engine;

/// The role of an account, which decides what it may read and write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Staff of one unit: writes the figures, milestones and supervision
    /// replies of what that unit leads.
    Reporter,
    /// The supervision office: writes everything.
    Office,
    /// Reads everything.
    Leader,
    /// A wall display: reads everything.
    Kiosk,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::Office => "office",
            Role::Leader => "leader",
            Role::Kiosk => "kiosk",
        }
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(text: &str) -> Result<Role, String> {
        match text {
            "reporter" => Ok(Role::Reporter),
            "office" => Ok(Role::Office),
            "leader" => Ok(Role::Leader),
            "kiosk" => Ok(Role::Kiosk),
            _ => Err(format!(
                "invalid role {text:?}: expected reporter, office, leader \
                 or kiosk"
            )),
        }
    }
}

/// Shortest passcode `account add` accepts.
pub const MIN_PASSCODE_CHARS: usize = 8;

/// Hashes a passcode with Argon2id and a random salt (PHC string).
pub fn hash_passcode(passcode: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(passcode.as_bytes(), &salt)
        .expect("Argon2 with default parameters hashes any passcode")
        .to_string()
}

/// Checks a passcode against a stored hash; a malformed hash never
/// matches.
pub fn verify_passcode(passcode: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(passcode.as_bytes(), &parsed)
            .is_ok(),
        Err(e) => {
            tracing::error!(error = %e, "stored passcode hash is malformed");
            false
        }
    }
}

/// A logged-in account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub account: String,
    pub role: Role,
    pub unit: Option<String>,
    expires: Instant,
}

/// How long a session lasts after login.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);

/// The sessions of this process. They live in memory, so a restart logs
/// everyone out; the stored data is unaffected.
#[derive(Default)]
pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    /// Starts a session and returns its token (256 random bits).
    pub fn start(
        &self,
        account: &str,
        role: Role,
        unit: Option<String>,
    ) -> String {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        let token =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let session = Session {
            account: account.to_string(),
            role,
            unit,
            expires: Instant::now() + SESSION_LIFETIME,
        };
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        map.retain(|_, s| s.expires > now);
        map.insert(token.clone(), session);
        token
    }

    /// Returns the live session for a token.
    pub fn get(&self, token: &str) -> Option<Session> {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.get(token)
            .filter(|s| s.expires > Instant::now())
            .cloned()
    }

    /// Ends a session; unknown tokens are ignored.
    pub fn end(&self, token: &str) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(token);
    }
}

/// Failed logins counted in one window.
#[derive(Clone, Copy, Debug)]
struct Failures {
    count: u32,
    first: Instant,
}

/// Limits failed logins to `per_account` per account and `per_address`
/// per client address within `window`. Further attempts are rejected
/// until the window that began with the first failure ends.
pub struct Throttle {
    per_account: u32,
    per_address: u32,
    window: Duration,
    accounts: Mutex<HashMap<String, Failures>>,
    addresses: Mutex<HashMap<IpAddr, Failures>>,
}

/// Entries kept per table before expired ones are pruned.
const PRUNE_AT: usize = 10_000;

impl Throttle {
    pub fn new(per_account: u32, per_address: u32, window: Duration) -> Self {
        Throttle {
            per_account,
            per_address,
            window,
            accounts: Mutex::new(HashMap::new()),
            addresses: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds until another attempt is allowed, or `None` when the
    /// account and the address may try now.
    pub fn blocked(&self, account: &str, address: IpAddr) -> Option<u64> {
        let now = Instant::now();
        let accounts = self.accounts.lock().unwrap_or_else(|e| e.into_inner());
        let addresses =
            self.addresses.lock().unwrap_or_else(|e| e.into_inner());
        let wait = |failures: Option<&Failures>, limit: u32| {
            let failures = failures?;
            let end = failures.first + self.window;
            (failures.count >= limit && end > now)
                .then(|| (end - now).as_secs().max(1))
        };
        let by_account = wait(accounts.get(account), self.per_account);
        let by_address = wait(addresses.get(&address), self.per_address);
        by_account.max(by_address)
    }

    /// Counts a failed login for the account and the address.
    pub fn fail(&self, account: &str, address: IpAddr) {
        let now = Instant::now();
        let window = self.window;
        let bump = |failures: &mut Failures| {
            if now.duration_since(failures.first) >= window {
                *failures = Failures {
                    count: 0,
                    first: now,
                };
            }
            failures.count += 1;
        };
        let fresh = Failures {
            count: 0,
            first: now,
        };
        {
            let mut accounts =
                self.accounts.lock().unwrap_or_else(|e| e.into_inner());
            if accounts.len() >= PRUNE_AT {
                accounts.retain(|_, f| now.duration_since(f.first) < window);
            }
            bump(accounts.entry(account.to_string()).or_insert(fresh));
        }
        let mut addresses =
            self.addresses.lock().unwrap_or_else(|e| e.into_inner());
        if addresses.len() >= PRUNE_AT {
            addresses.retain(|_, f| now.duration_since(f.first) < window);
        }
        bump(addresses.entry(address).or_insert(fresh));
    }

    /// Clears the account's failures after a successful login.
    pub fn succeed(&self, account: &str) {
        let mut accounts =
            self.accounts.lock().unwrap_or_else(|e| e.into_inner());
        accounts.remove(account);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passcode_hash_verifies() {
        let hash = hash_passcode("correct horse");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_passcode("correct horse", &hash));
        assert!(!verify_passcode("wrong horse", &hash));
        assert!(!verify_passcode("correct horse", "not a hash"));
    }

    #[test]
    fn throttle_blocks_after_limit() {
        let throttle = Throttle::new(3, 100, Duration::from_secs(60));
        let address: IpAddr = "127.0.0.1".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(throttle.blocked("office", address), None);
            throttle.fail("office", address);
        }
        assert!(throttle.blocked("office", address).is_some());
        assert_eq!(throttle.blocked("leader", address), None);
    }

    #[test]
    fn throttle_blocks_address() {
        let throttle = Throttle::new(100, 2, Duration::from_secs(60));
        let address: IpAddr = "127.0.0.2".parse().unwrap();
        throttle.fail("a", address);
        throttle.fail("b", address);
        assert!(throttle.blocked("c", address).is_some());
        let other: IpAddr = "127.0.0.3".parse().unwrap();
        assert_eq!(throttle.blocked("c", other), None);
    }

    #[test]
    fn role_parses_known_names() {
        assert_eq!("office".parse::<Role>(), Ok(Role::Office));
        assert!("admin".parse::<Role>().is_err());
    }
}
