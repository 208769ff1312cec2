//! The reference intake server, for trying the application end to end and for tests:
//!
//! ```sh
//! cargo run --example intake-server -- --port 8080
//! piqm-acces --endpoint http://127.0.0.1:8080 submit resources/examples/municipalite.json
//! ```
//!
//! Fault switches: the flags below at start, or at any time (a server started with `--token T`;
//! without one the admin routes answer 401 `administration_fermee`)
//! `curl -X PUT -H 'Authorization: Bearer T' -H 'Content-Type: application/json' -d '{"indisponible": 2}' http://127.0.0.1:8080/admin/fautes`.
//! `GET /admin/designations` lists what was stored.

#[allow(dead_code)] // the tests use what the command line does not
mod server;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::Parser;
use piqm_acces::designation::ManagerDetails;

#[derive(Debug, Parser)]
#[command(
    about = "Reference intake server of the PIQM designation contract (resources/openapi.yaml)"
)]
struct Args {
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Address to listen on; keep the loopback address unless you know why.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    host: IpAddr,
    /// SQLite file of the stored designations.
    #[arg(long, default_value = "intake-server.sqlite3")]
    db: PathBuf,
    /// Keep designations in memory only.
    #[arg(long, conflicts_with = "db")]
    memory: bool,
    /// Require `Authorization: Bearer TOKEN` (every `/v1` request, and the `/admin` routes, which
    /// are closed without it).
    #[arg(long)]
    token: Option<String>,
    /// The Bureau municipal directory: a JSON object username → {nom, prenom, fonction, telephone, poste, courriel}.
    #[arg(long, value_name = "FILE.json")]
    users: Option<PathBuf>,
    /// A municipality's identification code, as CODE_GEO=CODE (repeatable); a different code gets 403.
    #[arg(long = "code", value_name = "CODE_GEO=CODE")]
    codes: Vec<String>,
    /// The next N sends are stored, then the connection is closed without an answer.
    #[arg(long, default_value_t = 0, value_name = "N")]
    drop_after_store: u32,
    /// The next N requests get 503 with Retry-After.
    #[arg(long, default_value_t = 0, value_name = "N")]
    unavailable: u32,
    /// The Retry-After of those 503, in seconds.
    #[arg(long, default_value_t = 1, value_name = "SECONDS")]
    retry_after: u64,
    /// Every answer waits this long.
    #[arg(long, default_value_t = 0, value_name = "MS")]
    delay_ms: u64,
    /// The next N answers have a 2 MiB body.
    #[arg(long, default_value_t = 0, value_name = "N")]
    huge_body: u32,
    /// The next N answers have a body that is not JSON.
    #[arg(long, default_value_t = 0, value_name = "N")]
    malformed_body: u32,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let users: HashMap<String, ManagerDetails> = match &args.users {
        Some(path) => serde_json::from_str(&std::fs::read_to_string(path)?)?,
        None => HashMap::new(),
    };
    let mut codes = HashMap::new();
    for c in &args.codes {
        let (geo, code) = c
            .split_once('=')
            .ok_or_else(|| format!("--code {c}: expected CODE_GEO=CODE"))?;
        codes.insert(geo.to_string(), code.to_string());
    }
    let config = server::Config {
        database: (!args.memory).then(|| args.db.clone()),
        token: args.token.clone(),
        users,
        codes,
        faults: server::Faults {
            coupure_apres_stockage: args.drop_after_store,
            indisponible: args.unavailable,
            retry_after: args.retry_after,
            delai_ms: args.delay_ms,
            corps_enorme: args.huge_body,
            corps_malforme: args.malformed_body,
            refuser_champ: None,
        },
    };
    let running = server::start(config, SocketAddr::new(args.host, args.port)).await?;
    println!("intake-server listening on {}", running.url());
    if !args.memory {
        println!("designations kept in {}", args.db.display());
    }
    tokio::signal::ctrl_c().await?;
    Ok(())
}
