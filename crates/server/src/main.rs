//! `dukao`: serves the Dukao app and its documents, records units'
//! reports, and prints bulletins. See docs/api.md for the endpoints.

// ApiError carries both messages, a path and a value; it is built only
// when a request is rejected, so its size does not matter.
#![allow(clippy::result_large_err)]

mod app;
mod auth;
mod clock;
mod commands;
mod edit;
mod error;
mod precompress;
mod seed;
mod store;
mod web;

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use crate::auth::{Role, Throttle};
use crate::commands::{BulletinFormat, Failure};

/// The window in which failed logins are counted.
const THROTTLE_WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Parser)]
#[command(
    name = "dukao",
    version,
    about = "督考 Dukao: supervision and assessment server"
)]
struct Cli {
    /// Log filter: error, warn, info, debug, trace, or a tracing
    /// directive such as `dukao=debug,tower_http=info`.
    #[arg(long, global = true, env = "DUKAO_LOG", default_value = "info")]
    log_level: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app, the documents under /data and the /api endpoints.
    Serve {
        /// Address and port to listen on.
        #[arg(long, env = "DUKAO_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Folder of the store (created and seeded on first start).
        /// Without it the server runs on the embedded demo data in
        /// memory and loses every write when it stops.
        #[arg(long, env = "DUKAO_DATA")]
        data: Option<PathBuf>,
        /// Folder of the built app (output of `trunk build`).
        #[arg(long, env = "DUKAO_APP", default_value = "dist")]
        app: PathBuf,
        /// Let anyone read /data/*.json without logging in (always on
        /// for the embedded demo).
        #[arg(long, env = "DUKAO_PUBLIC_READ")]
        public_read: bool,
        /// Mark the session cookie Secure; use behind HTTPS.
        #[arg(long, env = "DUKAO_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Failed logins allowed per account within 15 minutes before
        /// further attempts get 429.
        #[arg(long, default_value_t = 5)]
        max_failed_logins_per_account: u32,
        /// Failed logins allowed per client address within 15 minutes
        /// before further attempts get 429.
        #[arg(long, default_value_t = 20)]
        max_failed_logins_per_address: u32,
    },
    /// Manage the accounts of a store.
    Account {
        #[command(subcommand)]
        command: AccountCommand,
    },
    /// Write the app and the four documents (data/*.json) into a folder
    /// for any static web server.
    ExportStatic {
        /// Output folder.
        out: PathBuf,
        /// Store folder or folder of the four JSON documents; the
        /// embedded demo when absent.
        #[arg(long, env = "DUKAO_DATA")]
        data: Option<PathBuf>,
        /// Folder of the built app.
        #[arg(long, env = "DUKAO_APP", default_value = "dist")]
        app: PathBuf,
    },
    /// Print a period's ranking bulletin.
    Bulletin {
        /// Store folder or folder of the four JSON documents; the
        /// embedded demo when absent.
        #[arg(long, env = "DUKAO_DATA")]
        data: Option<PathBuf>,
        /// Month of the bulletin, YYYY-MM.
        #[arg(long)]
        period: String,
        #[arg(long, value_enum, default_value = "json")]
        format: BulletinFormat,
    },
}

#[derive(Subcommand)]
enum AccountCommand {
    /// Add an account; the passcode is read from the first line of
    /// standard input.
    Add {
        /// Store folder.
        #[arg(long, env = "DUKAO_DATA")]
        data: PathBuf,
        /// Account name used to log in.
        #[arg(long)]
        account: String,
        /// reporter, office, leader or kiosk.
        #[arg(long)]
        role: Role,
        /// Unit id a reporter reports for.
        #[arg(long)]
        unit: Option<String>,
        /// Replace an existing account of that name.
        #[arg(long)]
        replace: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_new(&cli.log_level).unwrap_or_else(|e| {
        eprintln!("invalid log level {:?} ({e}): using info", cli.log_level);
        EnvFilter::new("info")
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let result = match cli.command {
        Command::Serve {
            addr,
            data,
            app,
            public_read,
            secure_cookies,
            max_failed_logins_per_account,
            max_failed_logins_per_address,
        } => {
            let throttle = Throttle::new(
                max_failed_logins_per_account,
                max_failed_logins_per_address,
                THROTTLE_WINDOW,
            );
            serve(addr, data, app, public_read, secure_cookies, throttle)
        }
        Command::Account {
            command:
                AccountCommand::Add {
                    data,
                    account,
                    role,
                    unit,
                    replace,
                },
        } => commands::account_add(&data, &account, role, unit, replace),
        Command::ExportStatic { out, data, app } => {
            commands::export_static(&out, data.as_deref(), &app)
        }
        Command::Bulletin {
            data,
            period,
            format,
        } => commands::bulletin(data.as_deref(), &period, format),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("dukao: {}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}

fn serve(
    addr: SocketAddr,
    data: Option<PathBuf>,
    app_dir: PathBuf,
    public_read: bool,
    secure_cookies: bool,
    throttle: Throttle,
) -> Result<(), Failure> {
    if seed::DEMO_FROM_FIXTURE && data.is_none() {
        tracing::warn!(
            "this build embeds the small test fixture as its demo data \
             because data/demo was incomplete when it was built"
        );
    }
    let store = seed::open_store(data.as_deref())?;
    let config = app::Config {
        app_dir: app_dir.clone(),
        // The embedded demo has no real data, so it reads without login.
        public_read: public_read || data.is_none(),
        secure_cookies,
    };
    let public_read = config.public_read;
    let state = app::App::new(config, store, throttle)
        .map_err(|e| Failure::invalid(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::failed(format!("cannot start runtime: {e}")))?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|e| {
                Failure::failed(format!("cannot listen on {addr}: {e}"))
            })?;
        let local = listener.local_addr().map_err(|e| {
            Failure::failed(format!("cannot read the bound address: {e}"))
        })?;
        let store = match &data {
            Some(dir) => dir.display().to_string(),
            None => "embedded demo (in memory)".to_string(),
        };
        if !app_dir.join("index.html").is_file() {
            tracing::warn!(
                app = %app_dir.display(),
                "no built app found: run `trunk build --release`"
            );
        }
        let shutdown = web::shutdown_signal();
        tracing::info!(
            addr = %local,
            store,
            app = %app_dir.display(),
            public_read,
            "dukao listening on http://{local}/"
        );
        web::serve(listener, Arc::new(state), shutdown)
            .await
            .map_err(|e| Failure::failed(format!("server failed: {e}")))?;
        tracing::info!("dukao stopped");
        Ok(())
    })
}
