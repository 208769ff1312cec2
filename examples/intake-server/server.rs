//! The reference intake server: the contract of `resources/openapi.yaml`, designations kept in
//! SQLite, idempotency by key under a unique constraint (one key, one content: the SHA-256 of
//! each key's first body is kept, and another body under that key is refused), and fault
//! switches for tests.
//!
//! Used by `cargo run --example intake-server` and, as the same code, in-process by the tests
//! and the benchmark (`#[path]`-included).

// Early answers are axum `Response`s, returned as errors: boxing them would only add noise.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use piqm_acces::designation::{FormKind, ManagerDetails, Submission};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use uuid::Uuid;

/// Request bodies larger than this are refused (413) before they are read.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// The fault switches. Counters apply to the next N requests they concern, then run out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Next N sends: store the designation, then close the connection without answering.
    pub coupure_apres_stockage: u32,
    /// Next N requests: 503 with `Retry-After: retry_after`.
    pub indisponible: u32,
    /// Seconds given in `Retry-After` (503); 0 means 1.
    pub retry_after: u64,
    /// Every answer waits this long first.
    pub delai_ms: u64,
    /// Next N answers: a body far larger than any answer of the contract (2 MiB).
    pub corps_enorme: u32,
    /// Next N answers: a body that is not JSON.
    pub corps_malforme: u32,
    /// Next send: 422 with this error on this field.
    pub refuser_champ: Option<FieldError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub champ: String,
    pub message: String,
}

/// How the server starts.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The SQLite file; `None`: in memory.
    pub database: Option<PathBuf>,
    /// When set, every `/v1` request must carry `Authorization: Bearer <token>`.
    pub token: Option<String>,
    /// The Bureau municipal directory; empty: [`default_users`].
    pub users: HashMap<String, ManagerDetails>,
    /// Municipality code (code_geo) → its identification code; others accept any code.
    pub codes: HashMap<String, String>,
    pub faults: Faults,
}

/// A few people of the Bureau municipal, including those of `resources/examples/`.
pub fn default_users() -> HashMap<String, ManagerDetails> {
    let person =
        |nom: &str, prenom: &str, fonction: &str, tel: &str, poste: &str, courriel: &str| {
            ManagerDetails {
                last_name: nom.into(),
                first_name: prenom.into(),
                function: fonction.into(),
                phone: tel.into(),
                extension: poste.into(),
                email: courriel.into(),
            }
        };
    HashMap::from([
        (
            "abcd0001".to_string(),
            person(
                "Gagnon",
                "Sylvie",
                "Secrétaire-trésorière",
                "418 555-0101",
                "",
                "sylvie.gagnon@municipalite.qc.ca",
            ),
        ),
        (
            "gcot0417".to_string(),
            person(
                "Côté",
                "Geneviève",
                "Technicienne en administration",
                "418 839-2002",
                "4133",
                "genevieve.cote@ville.levis.qc.ca",
            ),
        ),
        (
            "mlav0002".to_string(),
            person(
                "Lavoie",
                "Marie-Ève",
                "Coordonnatrice",
                "819 555-0142",
                "",
                "me.lavoie@organisme.qc.ca",
            ),
        ),
    ])
}

/// One stored designation, as the admin view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub numero: String,
    pub cle: String,
    pub organisme: String,
    pub recu_le: String,
}

pub struct Intake {
    db: Mutex<Connection>,
    faults: Mutex<Faults>,
    token: Option<String>,
    users: HashMap<String, ManagerDetails>,
    codes: HashMap<String, String>,
}

impl Intake {
    pub fn new(config: Config) -> rusqlite::Result<Intake> {
        let db = match &config.database {
            Some(path) => Connection::open(path)?,
            None => Connection::open_in_memory()?,
        };
        db.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             CREATE TABLE IF NOT EXISTS designations (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 numero TEXT NOT NULL UNIQUE,
                 cle TEXT NOT NULL UNIQUE,
                 organisme TEXT NOT NULL UNIQUE,
                 recu_le TEXT NOT NULL,
                 corps TEXT NOT NULL,
                 empreinte TEXT
             );",
        )?;
        migrate(&db)?;
        let users = if config.users.is_empty() {
            default_users()
        } else {
            config.users
        };
        Ok(Intake {
            db: Mutex::new(db),
            faults: Mutex::new(config.faults),
            token: config.token.filter(|t| !t.is_empty()),
            users,
            codes: config.codes,
        })
    }

    pub fn set_faults(&self, faults: Faults) {
        *self.faults.lock().unwrap() = faults;
    }

    pub fn faults(&self) -> Faults {
        self.faults.lock().unwrap().clone()
    }

    pub fn stored(&self) -> Vec<Stored> {
        self.try_stored().expect("the stored designations")
    }

    /// What `GET /admin/designations` lists.
    pub fn try_stored(&self) -> rusqlite::Result<Vec<Stored>> {
        let db = self.db.lock().unwrap();
        let mut q =
            db.prepare("SELECT numero, cle, organisme, recu_le FROM designations ORDER BY id")?;
        q.query_map([], |r| {
            Ok(Stored {
                numero: r.get(0)?,
                cle: r.get(1)?,
                organisme: r.get(2)?,
                recu_le: r.get(3)?,
            })
        })?
        .collect()
    }

    pub fn count(&self) -> usize {
        self.stored().len()
    }

    /// Takes one from a counter of the fault switches, if any is left.
    fn take(&self, pick: impl Fn(&mut Faults) -> &mut u32) -> bool {
        let mut f = self.faults.lock().unwrap();
        let n = pick(&mut f);
        if *n > 0 {
            *n -= 1;
            true
        } else {
            false
        }
    }
}

/// A server listening on loopback; stops when dropped.
pub struct Running {
    pub addr: SocketAddr,
    pub intake: Arc<Intake>,
    accept: tokio::task::JoinHandle<()>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// Closes the connection of the request that holds it (the "stored, then cut" fault).
#[derive(Clone)]
struct Cut(Arc<Notify>);

/// Starts serving on `addr` (port 0: any free port) on the current tokio runtime.
pub async fn start(config: Config, addr: SocketAddr) -> std::io::Result<Running> {
    let intake = Arc::new(Intake::new(config).map_err(std::io::Error::other)?);
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let app = router(intake.clone());
    let accept = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let cut = Arc::new(Notify::new());
            let service = app.clone().layer(axum::Extension(Cut(cut.clone())));
            tokio::spawn(async move {
                let connection = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
                // Dropping the connection closes the socket, whatever the request was doing.
                tokio::select! {
                    _ = connection => {}
                    _ = cut.notified() => {}
                }
            });
        }
    });
    Ok(Running {
        addr,
        intake,
        accept,
    })
}

fn router(intake: Arc<Intake>) -> Router {
    Router::new()
        .route("/v1/utilisateurs/{username}", get(get_user))
        .route("/v1/designations", post(post_designation))
        .route("/admin/designations", get(admin_list))
        .route("/admin/fautes", get(admin_faults).put(admin_set_faults))
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES))
        .with_state(intake)
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({"code": code, "message": message})),
    )
        .into_response()
}

/// The faults that apply to every answer: delay, 503, bad bodies. `None`: answer normally.
async fn before(intake: &Intake) -> Option<Response> {
    let delay = intake.faults().delai_ms;
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if intake.take(|f| &mut f.indisponible) {
        let seconds = intake.faults().retry_after.max(1);
        let mut r = error(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_indisponible",
            "Le service est momentanément indisponible. Réessayez plus tard.",
        );
        r.headers_mut()
            .insert(header::RETRY_AFTER, seconds.to_string().parse().unwrap());
        return Some(r);
    }
    None
}

fn bad_body(intake: &Intake, status: StatusCode) -> Option<Response> {
    if intake.take(|f| &mut f.corps_enorme) {
        let huge = format!("{{\"numero\": \"{}\"}}", "9".repeat(2 * 1024 * 1024));
        return Some((status, [(header::CONTENT_TYPE, "application/json")], huge).into_response());
    }
    if intake.take(|f| &mut f.corps_malforme) {
        return Some(
            (
                status,
                [(header::CONTENT_TYPE, "application/json")],
                "{\"numero\": \"PIQM-",
            )
                .into_response(),
        );
    }
    None
}

fn authorized(intake: &Intake, headers: &HeaderMap) -> Result<(), Response> {
    let Some(token) = &intake.token else {
        return Ok(());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match given {
        Some(g) if g == token => Ok(()),
        Some(_) => Err(error(
            StatusCode::UNAUTHORIZED,
            "jeton_invalide",
            "Le jeton d'accès de ce poste n'est pas reconnu. Demandez un nouveau jeton à la Direction des infrastructures.",
        )),
        None => Err(error(
            StatusCode::UNAUTHORIZED,
            "jeton_manquant",
            "Ce service exige un jeton d'accès. Inscrivez-le dans les réglages de l'application.",
        )),
    }
}

async fn get_user(
    State(intake): State<Arc<Intake>>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(r) = before(&intake).await {
        return r;
    }
    if let Err(r) = authorized(&intake, &headers) {
        return r;
    }
    match intake.users.get(&username.to_lowercase()) {
        Some(details) => bad_body(&intake, StatusCode::OK)
            .unwrap_or_else(|| (StatusCode::OK, axum::Json(details)).into_response()),
        None => error(
            StatusCode::NOT_FOUND,
            "utilisateur_inconnu",
            "Aucune personne n'a ce nom d'utilisateur au Bureau municipal.",
        ),
    }
}

#[derive(Serialize)]
struct Receipt {
    numero: String,
    recu_le: String,
}

async fn post_designation(
    State(intake): State<Arc<Intake>>,
    axum::Extension(cut): axum::Extension<Cut>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(r) = before(&intake).await {
        return r;
    }
    if let Err(r) = authorized(&intake, &headers) {
        return r;
    }
    let key = headers
        .get("Idempotency-Key")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| Uuid::parse_str(v.trim()).ok());
    let Some(key) = key else {
        return error(
            StatusCode::BAD_REQUEST,
            "cle_idempotence_manquante",
            "L'en-tête Idempotency-Key (l'identifiant de la désignation) est obligatoire.",
        );
    };
    let submission: Submission = match serde_json::from_slice(&body) {
        Ok(s) => s,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                "requete_invalide",
                &format!("Le corps de la requête n'est pas une désignation : {e}"),
            );
        }
    };
    let outcome = intake.receive(key, &submission, &body);
    let (status, receipt) = match outcome {
        Ok(x) => x,
        Err(r) => return r,
    };
    if status == StatusCode::CREATED && intake.take(|f| &mut f.coupure_apres_stockage) {
        cut.0.notify_one();
        std::future::pending::<()>().await;
    }
    bad_body(&intake, status).unwrap_or_else(|| (status, axum::Json(receipt)).into_response())
}

impl Intake {
    /// Stores a designation once per key; the same key again gets the same receipt.
    fn receive(
        &self,
        key: Uuid,
        s: &Submission,
        body: &[u8],
    ) -> Result<(StatusCode, Receipt), Response> {
        let db = self.db.lock().unwrap();
        let existing = db
            .query_row(
                "SELECT numero, recu_le, empreinte FROM designations WHERE cle = ?1",
                params![key.to_string()],
                |r| {
                    Ok((
                        Receipt {
                            numero: r.get(0)?,
                            recu_le: r.get(1)?,
                        },
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()
            .map_err(internal)?;
        let empreinte = digest(body);
        if let Some((receipt, first)) = existing {
            // One key, one content: the same body again is the same designation (a retry);
            // another body under this key was never received, and is not answered as if it were.
            return if first == empreinte {
                Ok((StatusCode::OK, receipt))
            } else {
                Err(key_reused())
            };
        }
        if let Some(f) = self.faults.lock().unwrap().refuser_champ.take() {
            return Err(unprocessable(vec![f]));
        }
        let errors = self.validate(s);
        if !errors.is_empty() {
            return Err(unprocessable(errors));
        }
        if let (Some(expected), Some(given)) = (
            self.codes.get(&s.organisme.municipalite),
            &s.code_identification,
        ) && expected != given
        {
            return Err(error(
                StatusCode::FORBIDDEN,
                "code_identification_invalide",
                "Le code d'identification ne correspond pas à celui de la municipalité. Recopiez-le tel qu'il figure sur la lettre du Ministère du 1er mai 2008.",
            ));
        }
        let organisme = organisme_key(s);
        let taken: Option<String> = db
            .query_row(
                "SELECT numero FROM designations WHERE organisme = ?1",
                params![organisme],
                |r| r.get(0),
            )
            .optional()
            .map_err(internal)?;
        if let Some(numero) = taken {
            return Err(error(
                StatusCode::CONFLICT,
                "gestionnaire_deja_designe",
                &format!(
                    "Cet organisme a déjà un gestionnaire local des droits d'accès (demande {numero}). Un organisme ne peut en désigner qu'un seul ; pour le remplacer, communiquez avec la Direction des infrastructures."
                ),
            ));
        }
        let recu_le = OffsetDateTime::now_utc().format(&Rfc3339).unwrap();
        let year = OffsetDateTime::now_utc().year();
        let tx = db.unchecked_transaction().map_err(internal)?;
        tx.execute(
            "INSERT INTO designations (numero, cle, organisme, recu_le, corps, empreinte) VALUES ('', ?1, ?2, ?3, ?4, ?5)",
            params![key.to_string(), organisme, recu_le, String::from_utf8_lossy(body), empreinte],
        )
        .map_err(internal)?;
        let id = tx.last_insert_rowid();
        let numero = format!("PIQM-{year}-{id:06}");
        tx.execute(
            "UPDATE designations SET numero = ?1 WHERE id = ?2",
            params![numero, id],
        )
        .map_err(internal)?;
        tx.commit().map_err(internal)?;
        Ok((StatusCode::CREATED, Receipt { numero, recu_le }))
    }

    /// What the service itself checks: required answers, and a username it knows.
    fn validate(&self, s: &Submission) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut require = |champ: &str, value: &str, message: &str| {
            if value.trim().is_empty() {
                errors.push(FieldError {
                    champ: champ.into(),
                    message: message.into(),
                });
            }
        };
        let o = &s.organisme;
        require(
            "organisme.nom",
            &o.nom,
            "Le nom de l'organisme est obligatoire.",
        );
        require("organisme.rue", &o.rue, "Le nom de la rue est obligatoire.");
        require(
            "organisme.municipalite",
            &o.municipalite,
            "La municipalité est obligatoire.",
        );
        require(
            "organisme.code_postal",
            &o.code_postal,
            "Le code postal est obligatoire.",
        );
        let r = &s.demandeur;
        require(
            "demandeur.nom",
            &r.nom,
            "Le nom du demandeur est obligatoire.",
        );
        require(
            "demandeur.prenom",
            &r.prenom,
            "Le prénom du demandeur est obligatoire.",
        );
        require(
            "demandeur.courriel",
            &r.courriel,
            "Le courriel du demandeur est obligatoire.",
        );
        if s.formulaire.kind.is_none() {
            errors.push(FieldError {
                champ: "formulaire.type".into(),
                message: "Le type de formulaire est obligatoire.".into(),
            });
        }
        if !self.users.contains_key(&s.gestionnaire.nom_utilisateur) {
            errors.push(FieldError {
                champ: "gestionnaire.nom_utilisateur".into(),
                message: "Ce nom d'utilisateur n'existe pas au Bureau municipal. La personne doit s'inscrire au Bureau municipal avant d'être désignée.".into(),
            });
        }
        errors
    }
}

/// The SHA-256 of a request body, in hexadecimal: what "the same content" means for a key.
pub fn digest(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A database made before the digests were kept: the column is added, and each stored
/// designation's digest computed from the body it was received with (kept as text: the body was
/// JSON, so UTF-8, and the text is its exact bytes).
fn migrate(db: &Connection) -> rusqlite::Result<()> {
    let has_column = db
        .prepare("SELECT 1 FROM pragma_table_info('designations') WHERE name = 'empreinte'")?
        .exists([])?;
    if !has_column {
        db.execute("ALTER TABLE designations ADD COLUMN empreinte TEXT", [])?;
    }
    let missing: Vec<(i64, String)> = db
        .prepare("SELECT id, corps FROM designations WHERE empreinte IS NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, corps) in missing {
        db.execute(
            "UPDATE designations SET empreinte = ?1 WHERE id = ?2",
            params![digest(corps.as_bytes()), id],
        )?;
    }
    Ok(())
}

/// 422 `cle_reutilisee` (`CleReutilisee` in the contract).
fn key_reused() -> Response {
    error(
        StatusCode::UNPROCESSABLE_ENTITY,
        "cle_reutilisee",
        "Une désignation portant cet identifiant (Idempotency-Key) a déjà été reçue avec un autre contenu : ce contenu-ci n'a pas été reçu. Envoyez-le comme une nouvelle désignation, avec un nouvel identifiant.",
    )
}

/// One gestionnaire per organisme: the municipality (by category) or the named organisme.
fn organisme_key(s: &Submission) -> String {
    let f = &s.formulaire;
    match f.kind {
        Some(FormKind::Municipality) => format!(
            "municipalite:{}:{}",
            f.categorie_municipale.map(|c| c.code()).unwrap_or_default(),
            s.organisme.municipalite
        ),
        _ => format!(
            "organisme:{}:{}:{}",
            f.categorie_organisme.clone().unwrap_or_default(),
            s.organisme.municipalite,
            s.organisme.nom.to_lowercase()
        ),
    }
}

fn unprocessable(erreurs: Vec<FieldError>) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::Json(json!({
            "code": "donnees_invalides",
            "message": "La désignation contient des erreurs.",
            "erreurs": erreurs,
        })),
    )
        .into_response()
}

/// A database failure: the detail goes to the server's log (stderr), never to the client, who
/// learns nothing of the schema or the engine from it.
fn internal(e: rusqlite::Error) -> Response {
    eprintln!("intake-server: database error: {e}");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "erreur_interne",
        "Le service a rencontré une erreur interne. Réessayez plus tard.",
    )
}

/// The admin routes (what is stored, the fault switches) need the server's token: a server
/// started without `--token` keeps them closed.
fn admin_authorized(intake: &Intake, headers: &HeaderMap) -> Result<(), Response> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match (&intake.token, given) {
        (Some(token), Some(given)) if given == token => Ok(()),
        _ => Err(error(
            StatusCode::UNAUTHORIZED,
            "administration_fermee",
            "L'administration de ce serveur exige son jeton : démarrez-le avec --token et envoyez Authorization: Bearer <jeton>.",
        )),
    }
}

async fn admin_list(State(intake): State<Arc<Intake>>, headers: HeaderMap) -> Response {
    if let Err(r) = admin_authorized(&intake, &headers) {
        return r;
    }
    match intake.try_stored() {
        Ok(stored) => {
            axum::Json(json!({"nombre": stored.len(), "designations": stored})).into_response()
        }
        Err(e) => internal(e),
    }
}

async fn admin_faults(State(intake): State<Arc<Intake>>, headers: HeaderMap) -> Response {
    if let Err(r) = admin_authorized(&intake, &headers) {
        return r;
    }
    axum::Json(intake.faults()).into_response()
}

async fn admin_set_faults(
    State(intake): State<Arc<Intake>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = admin_authorized(&intake, &headers) {
        return r;
    }
    // Read after the token check, so that no one without it learns what the body should be.
    let faults: Faults = match serde_json::from_slice(&body) {
        Ok(f) => f,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                "requete_invalide",
                &format!("Le corps de la requête n'est pas un jeu de fautes : {e}"),
            );
        }
    };
    intake.set_faults(faults);
    axum::Json(intake.faults()).into_response()
}
