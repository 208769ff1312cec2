//! What the sending tests share: the reference intake server (the same code as
//! `cargo run --example intake-server`), run on loopback in its own runtime, and the examples.

#![allow(dead_code)]

#[path = "../../examples/intake-server/server.rs"]
pub mod server;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;

use piqm_acces::designation::{Designation, from_json};
use uuid::Uuid;

/// The intake server on 127.0.0.1, in a runtime of its own (so blocking tests and the command
/// line can talk to it while the test thread waits).
pub struct Intake {
    runtime: Option<tokio::runtime::Runtime>,
    pub running: Option<server::Running>,
}

impl Intake {
    pub fn start() -> Intake {
        Intake::start_with(server::Config::default(), 0)
    }

    pub fn start_with(config: server::Config, port: u16) -> Intake {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        // From another thread: the caller may itself be inside a runtime (an async test).
        let running = std::thread::scope(|s| {
            s.spawn(|| runtime.block_on(server::start(config, addr)))
                .join()
                .unwrap()
        })
        .unwrap();
        Intake {
            runtime: Some(runtime),
            running: Some(running),
        }
    }

    fn running(&self) -> &server::Running {
        self.running.as_ref().unwrap()
    }

    pub fn url(&self) -> String {
        self.running().url()
    }

    pub fn count(&self) -> usize {
        self.running().intake.count()
    }

    pub fn stored(&self) -> Vec<server::Stored> {
        self.running().intake.stored()
    }

    pub fn set_faults(&self, faults: server::Faults) {
        self.running().intake.set_faults(faults);
    }
}

impl Drop for Intake {
    fn drop(&mut self) {
        // The accept loop first, then the runtime, without waiting (tests may be async).
        drop(self.running.take());
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

/// A port nothing listens on (for "offline"), which a server can take later.
pub fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn example_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("resources/examples")
        .join(format!("{name}.json"))
}

/// One of `resources/examples/` ("municipalite", "organisme"), with a fresh id.
pub fn example(name: &str) -> Designation {
    let text = std::fs::read_to_string(example_path(name)).unwrap();
    let mut d = from_json(&text).unwrap();
    d.id = Uuid::new_v4();
    d
}
