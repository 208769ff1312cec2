//! The system's proxy and the loopback: with `HTTP_PROXY`, `HTTPS_PROXY` and `ALL_PROXY` set (as
//! in many municipal offices), requests to the intake service on this computer never go to the
//! proxy — it would see them in clear, bearer token included — while an `https://` address still
//! goes through it, as a CONNECT tunnel. The real binary, the reference intake server on
//! loopback, and a proxy that records every connection it gets.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, TcpListener};
use std::path::Path;
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use predicates::str::contains;
use support::{Intake, example_path};

/// A proxy on loopback that records the first line of each request it gets and answers 502.
struct RecordingProxy {
    url: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl RecordingProxy {
    fn start() -> RecordingProxy {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        // Lives until the test process ends; it only ever answers on loopback.
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut first = String::new();
                let _ = BufReader::new(&stream).read_line(&mut first);
                record.lock().unwrap().push(first.trim_end().to_string());
                let _ = stream.write_all(
                    b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                );
            }
        });
        RecordingProxy { url, seen }
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

/// The binary in French, with its own data folder, no settings file, a token, and every proxy
/// variable pointing at `proxy`.
fn app(data: &Path, proxy: &RecordingProxy) -> Command {
    let config = data.join("config.toml");
    std::fs::write(&config, "jeton = \"jeton-secret\"\n").unwrap();
    let mut cmd = Command::cargo_bin("piqm-acces").unwrap();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("PIQM_ENDPOINT")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env("LANG", "fr_CA.UTF-8")
        .arg("--data-dir")
        .arg(data.join("donnees"))
        .arg("--config")
        .arg(config);
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        cmd.env(var, &proxy.url).env(var.to_lowercase(), &proxy.url);
    }
    cmd
}

#[test]
fn submit_and_lookup_to_the_loopback_never_touch_the_proxy() {
    let proxy = RecordingProxy::start();
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    app(dir.path(), &proxy)
        .args(["submit", "--endpoint", &intake.url()])
        .arg(example_path("municipalite"))
        .assert()
        .code(0)
        .stdout(contains(intake.stored()[0].numero.as_str()));
    app(dir.path(), &proxy)
        .args(["lookup", "GCOT0417", "--endpoint", &intake.url()])
        .assert()
        .code(0);
    assert_eq!(intake.count(), 1);
    assert_eq!(proxy.seen(), Vec::<String>::new());
}

#[test]
fn localhost_reaches_the_loopback_without_dns_or_proxy() {
    let proxy = RecordingProxy::start();
    let intake = Intake::start();
    let dir = tempfile::tempdir().unwrap();
    let url = intake.url().replace("127.0.0.1", "localhost");
    assert!(url.starts_with("http://localhost:"), "{url}");
    app(dir.path(), &proxy)
        .args(["submit", "--endpoint", &url])
        .arg(example_path("organisme"))
        .assert()
        .code(0)
        .stdout(contains(intake.stored()[0].numero.as_str()));
    // A name under .localhost, which DNS here does not know (`getent hosts` finds nothing):
    // only the application's own answer, the loopback, can reach the server.
    let sub = intake.url().replace("127.0.0.1", "piqm.localhost");
    app(dir.path(), &proxy)
        .args(["lookup", "GCOT0417", "--endpoint", &sub])
        .assert()
        .code(0);
    assert_eq!(proxy.seen(), Vec::<String>::new());
}

#[test]
fn an_https_address_goes_through_the_proxy_as_a_tunnel() {
    // The proxy does work: an address elsewhere is reached through it, with CONNECT, so that
    // what is sent (the token too) stays inside TLS.
    let proxy = RecordingProxy::start();
    let dir = tempfile::tempdir().unwrap();
    app(dir.path(), &proxy)
        .args(["submit", "--endpoint", "https://piqm.example.invalid"])
        .arg(example_path("municipalite"))
        .assert()
        .code(3);
    let seen = proxy.seen();
    assert!(!seen.is_empty(), "the proxy was not asked");
    assert!(
        seen.iter()
            .all(|line| line.starts_with("CONNECT piqm.example.invalid:443 ")),
        "{seen:?}"
    );
}
