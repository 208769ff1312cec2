//! The reference intake server's admin routes (what it stored, the fault switches) are behind its
//! token, and a database failure answers `erreur_interne` without a word of SQLite: real server
//! on loopback, real HTTP requests, a real SQLite file broken under it.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;

use support::{Intake, server};

const TOKEN: &str = "jeton-admin-de-test";

/// One HTTP/1.1 request on its own connection: (status, body).
fn request(url: &str, method: &str, path: &str, token: Option<&str>, body: &str) -> (u16, String) {
    let addr = url.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let key = uuid::Uuid::new_v4();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{auth}\
         Idempotency-Key: {key}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer:?}"));
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn code_of(body: &str) -> String {
    // The body may be chunked: the JSON object is between the first '{' and the last '}'.
    let json = &body[body.find('{').unwrap()..=body.rfind('}').unwrap()];
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["code"].as_str().unwrap_or_default().to_string()
}

fn with_token(database: Option<std::path::PathBuf>) -> Intake {
    Intake::start_with(
        server::Config {
            token: Some(TOKEN.into()),
            database,
            ..server::Config::default()
        },
        0,
    )
}

#[test]
fn admin_routes_are_closed_without_the_servers_token() {
    // Started without --token: closed to everyone.
    let open = Intake::start();
    for (method, path, body) in [
        ("GET", "/admin/designations", ""),
        ("GET", "/admin/fautes", ""),
        ("PUT", "/admin/fautes", r#"{"indisponible": 5}"#),
    ] {
        let (status, text) = request(&open.url(), method, path, None, body);
        assert_eq!(status, 401, "{method} {path}: {text}");
        assert_eq!(code_of(&text), "administration_fermee");
        let (status, _) = request(&open.url(), method, path, Some("n'importe quoi"), body);
        assert_eq!(status, 401, "{method} {path} with some token");
    }
    assert_eq!(
        open.running.as_ref().unwrap().intake.faults().indisponible,
        0
    );

    // Started with one: the right token opens them, a wrong or missing one does not.
    let intake = with_token(None);
    let url = intake.url();
    let faults = r#"{"indisponible": 2, "retry_after": 5}"#;
    assert_eq!(request(&url, "PUT", "/admin/fautes", None, faults).0, 401);
    assert_eq!(
        request(&url, "PUT", "/admin/fautes", Some("mauvais"), faults).0,
        401
    );
    assert_eq!(
        intake
            .running
            .as_ref()
            .unwrap()
            .intake
            .faults()
            .indisponible,
        0
    );
    let (status, text) = request(&url, "PUT", "/admin/fautes", Some(TOKEN), faults);
    assert_eq!(status, 200, "{text}");
    assert_eq!(
        intake
            .running
            .as_ref()
            .unwrap()
            .intake
            .faults()
            .indisponible,
        2
    );
    let (status, text) = request(&url, "GET", "/admin/designations", Some(TOKEN), "");
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("\"nombre\":0"), "{text}");
}

#[test]
fn a_database_error_answers_erreur_interne_without_sqlite_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("intake.sqlite3");
    let intake = with_token(Some(db.clone()));
    // Someone breaks the database under the running server.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("DROP TABLE designations;")
        .unwrap();
    let body = serde_json::to_string(&piqm_acces::designation::submission(&support::example(
        "municipalite",
    )))
    .unwrap();
    let answers = [
        request(
            &intake.url(),
            "POST",
            "/v1/designations",
            Some(TOKEN),
            &body,
        ),
        request(&intake.url(), "GET", "/admin/designations", Some(TOKEN), ""),
    ];
    for (status, text) in answers {
        assert_eq!(status, 500, "{text}");
        assert_eq!(code_of(&text), "erreur_interne");
        let lower = text.to_lowercase();
        for leak in ["sqlite", "no such table", "designations", "sql"] {
            assert!(!lower.contains(leak), "{leak:?} in {text}");
        }
    }
}
