//! `submit`, `send` and `lookup`: the outbox and the username look-up from the command line,
//! through the same services as the window.
//!
//! Exit codes: 0 accepted (or found); 1 a designation has problems (nothing sent; `send` puts it
//! back among the drafts) or the username is unknown; 2 a file, folder or address that cannot be used; 3 left in the outbox (offline,
//! service busy, no address configured); 4 refused by the ministry (its reasons are printed).

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use time::{OffsetDateTime, UtcOffset};

use super::check::read_draft;
use super::exit::{self, LEFT_IN_OUTBOX, REFUSED};
use crate::bounded::{BoundedError, Expected};
use crate::designation::{Designation, Field, normalize};
use crate::i18n::Localizer;
use crate::settings::{Settings, SettingsWarning};
use crate::store::DraftStore;
use crate::submit::outbox::KEY_REUSED;
use crate::submit::words::{failure_words, refusal_lines};
use crate::submit::{
    Attempt, AttemptError, AttemptResult, CallError, Client, EndpointError, Outbox, Submitted,
    SubmittedFile, submit_file,
};

/// What the three commands share: where things are and which service to use.
pub struct Context<'a> {
    pub l: &'a Localizer,
    pub data_dir: Option<&'a Path>,
    pub config: Option<&'a Path>,
    /// `--endpoint` / `PIQM_ENDPOINT`.
    pub endpoint: Option<&'a str>,
}

struct Io<'a> {
    l: &'a Localizer,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
    offset: UtcOffset,
}

impl Io<'_> {
    fn out(&mut self, line: &str) {
        let _ = writeln!(self.out, "{line}");
    }
    fn err(&mut self, line: &str) {
        let _ = writeln!(self.err, "{line}");
    }
}

/// The settings at `path`, their warnings written to `err`; a file that could not be read at
/// all (a folder, a pipe, a device, over the limit) is refused: exit 2, nothing done.
pub(super) fn load_settings(
    path: &Path,
    l: &Localizer,
    err: &mut dyn Write,
) -> Result<Settings, u8> {
    let (settings, warnings) = Settings::load(path);
    if let Some(unusable) = warnings.iter().find(|w| w.file_unusable()) {
        let _ = writeln!(err, "{}", settings_refused(unusable, l));
        return Err(exit::UNREADABLE);
    }
    for w in &warnings {
        let _ = writeln!(err, "{}", w.message(l));
    }
    Ok(settings)
}

/// Why no command can run with the settings file at `path`, if it could not be read at all.
pub(super) fn unusable_settings(path: &Path, l: &Localizer) -> Option<String> {
    let (_, warnings) = Settings::load(path);
    warnings
        .iter()
        .find(|w| w.file_unusable())
        .map(|w| settings_refused(w, l))
}

/// Why the command stopped on its settings file, and what to do.
fn settings_refused(w: &SettingsWarning, l: &Localizer) -> String {
    let (path, error) = match w {
        SettingsWarning::NotAFile { path } => (path, BoundedError::NotAFile),
        SettingsWarning::TooLarge { path } => (
            path,
            BoundedError::TooLarge {
                limit: crate::settings::MAX_SETTINGS_BYTES,
            },
        ),
        SettingsWarning::Unreadable { path, reason } => (
            path,
            BoundedError::Io(std::io::Error::other(reason.clone())),
        ),
        other => return other.message(l),
    };
    format!(
        "{} {}",
        error.message(path, Expected::Settings, l),
        l.t("cli-settings-nothing-done")
    )
}

/// The client the settings and the command line ask for: `Ok(None)` when no address is set.
fn client(ctx: &Context<'_>, io: &mut Io<'_>) -> Result<Option<Client>, u8> {
    let settings = match crate::paths::config_file(ctx.config) {
        Some(path) => load_settings(&path, ctx.l, io.err)?,
        None => Settings::default(),
    };
    match settings.endpoint(ctx.endpoint) {
        None => Ok(None),
        Some(Err(e)) => {
            io.err(&endpoint_refused(&e, ctx.l));
            Err(exit::UNREADABLE)
        }
        Some(Ok(endpoint)) => Client::new(endpoint, settings.token())
            .map(Some)
            .map_err(|reason| {
                io.err(
                    &ctx.l
                        .t_args("cli-client-failed", &[("reason", reason.into())]),
                );
                exit::UNREADABLE
            }),
    }
}

fn endpoint_refused(e: &EndpointError, l: &Localizer) -> String {
    l.t_args("cli-endpoint-refused", &[("reason", e.message(l).into())])
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

fn open_store(ctx: &Context<'_>, io: &mut Io<'_>) -> Result<Arc<DraftStore>, u8> {
    let Some(dir) = crate::paths::data_dir(ctx.data_dir) else {
        io.err(&ctx.l.t("cli-drafts-no-data-dir"));
        return Err(exit::UNREADABLE);
    };
    DraftStore::open(&dir).map(Arc::new).map_err(|e| {
        io.err(&e.message(ctx.l));
        exit::UNREADABLE
    })
}

/// `submit FILE.json`: validate, queue, try to send.
pub fn submit(file: &Path, ctx: &Context<'_>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let offset = local_offset();
    let mut io = Io {
        l: ctx.l,
        out,
        err,
        offset,
    };
    let l = ctx.l;
    let d = match read_draft(file, l) {
        Ok(d) => d,
        Err(message) => {
            io.err(&message);
            return exit::UNREADABLE;
        }
    };
    let client = match client(ctx, &mut io) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let store = match open_store(ctx, &mut io) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let outbox = Outbox::new(store, client);
    let submitted = match runtime().block_on(submit_file(&outbox, d)) {
        Ok(SubmittedFile { history, submitted }) => {
            // What the file said of its past: words only, it is sent as this user's act.
            if let Some(h) = history {
                io.err(&h.words(l));
            }
            Ok(submitted)
        }
        Err(e) => Err(e),
    };
    match submitted {
        Ok(Submitted::AlreadySent(existing)) => {
            // Never twice: a designation already accepted (the same id) is not sent again.
            if let Some(r) = &existing.receipt {
                io.out(&l.t_args(
                    "cli-submit-already-sent",
                    &[("numero", r.numero.clone().into())],
                ));
            }
            exit::OK
        }
        Ok(Submitted::Problems(errors)) => {
            for p in &errors {
                io.out(&format!("{}: {}", p.field.path(), l.problem(p)));
            }
            let summary = l.t_args(
                "cli-submit-invalid",
                &[
                    ("path", file.display().to_string().into()),
                    ("count", errors.len().into()),
                ],
            );
            io.err(&summary);
            exit::PROBLEMS
        }
        Ok(Submitted::Attempted(attempt)) => report(&mut io, Ok(attempt)),
        Err(e) => report(&mut io, Err(e)),
    }
}

/// `send`: every designation in the outbox, now.
pub fn send(ctx: &Context<'_>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut io = Io {
        l: ctx.l,
        out,
        err,
        offset: local_offset(),
    };
    let client = match client(ctx, &mut io) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let store = match open_store(ctx, &mut io) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let outbox = Outbox::new(store, client);
    let results = match runtime().block_on(outbox.send_all()) {
        Ok(results) => results,
        Err(e) => {
            io.err(&e.message(ctx.l));
            return exit::UNREADABLE;
        }
    };
    if results.is_empty() {
        io.out(&ctx.l.t("cli-send-empty"));
        return exit::OK;
    }
    let mut code = exit::OK;
    for result in results {
        code = worst(code, report(&mut io, result));
    }
    code
}

/// 4 (refused) wins over 2 (a file), over 1 (problems to correct), over 3 (left in the
/// outbox), over 0.
fn worst(a: u8, b: u8) -> u8 {
    let rank = |c: u8| match c {
        REFUSED => 4,
        exit::UNREADABLE => 3,
        exit::PROBLEMS => 2,
        LEFT_IN_OUTBOX => 1,
        _ => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// Prints what one attempt did; returns its exit code.
fn report(io: &mut Io<'_>, result: Result<Attempt, AttemptError>) -> u8 {
    let l = io.l;
    let attempt = match result {
        Ok(a) => a,
        Err(AttemptError { error, .. }) => {
            io.err(&error.message(l));
            return exit::UNREADABLE;
        }
    };
    let name = name_of(&attempt.draft, l);
    match attempt.result {
        AttemptResult::Accepted(receipt) => {
            io.out(&l.t_args(
                "cli-send-accepted",
                &[
                    ("name", name.into()),
                    ("numero", receipt.numero.clone().into()),
                ],
            ));
            io.out(&l.t("confirmed-thanks"));
            exit::OK
        }
        AttemptResult::Deferred { failure, next } => {
            let next = local_time(next, io.offset);
            io.err(&l.t_args(
                "cli-send-deferred",
                &[
                    ("name", name.into()),
                    ("reason", failure_words(&failure, l).into()),
                    ("next", next.into()),
                ],
            ));
            LEFT_IN_OUTBOX
        }
        AttemptResult::Refused(refusal) => {
            let header = if refusal.code == KEY_REUSED {
                "cli-send-refused-key-reused"
            } else {
                "cli-send-refused"
            };
            io.err(&l.t_args(header, &[("name", name.into())]));
            for line in refusal_lines(&refusal, l) {
                io.err(&line);
            }
            if refusal.code == KEY_REUSED {
                let id = attempt.draft.id.simple().to_string();
                io.err(&l.t_args(
                    "cli-send-key-reused-hint",
                    &[("id", id[..8].to_string().into())],
                ));
            }
            REFUSED
        }
        AttemptResult::Problems(problems) => {
            io.err(&l.t_args(
                "cli-send-problems",
                &[("name", name.into()), ("count", problems.len().into())],
            ));
            for p in &problems {
                io.err(&format!("{}: {}", p.field.path(), l.problem(p)));
            }
            exit::PROBLEMS
        }
        AttemptResult::NotQueued => exit::OK,
    }
}

fn name_of(d: &Designation, l: &Localizer) -> String {
    let name = d.organization.name.trim();
    if name.is_empty() {
        l.t("draft-unnamed")
    } else {
        name.to_string()
    }
}

/// `lookup USERNAME`.
pub fn lookup(username: &str, ctx: &Context<'_>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut io = Io {
        l: ctx.l,
        out,
        err,
        offset: UtcOffset::UTC,
    };
    let l = ctx.l;
    let Some(username) = normalize::username(username) else {
        io.err(&l.t("err-manager-username-format"));
        return exit::PROBLEMS;
    };
    let client = match client(ctx, &mut io) {
        Ok(Some(c)) => c,
        Ok(None) => {
            io.err(&l.t("lookup-not-configured-cli"));
            return LEFT_IN_OUTBOX;
        }
        Err(code) => return code,
    };
    match runtime().block_on(client.get_user(&username)) {
        Ok(Some(p)) => {
            let rows = [
                (Field::ManagerUsername, username.clone()),
                (Field::ManagerLastName, p.last_name),
                (Field::ManagerFirstName, p.first_name),
                (Field::ManagerFunction, p.function),
                (Field::ManagerPhone, p.phone),
                (Field::ManagerExtension, p.extension),
                (Field::ManagerEmail, p.email),
            ];
            for (field, value) in rows {
                let value = if value.trim().is_empty() {
                    l.t("not-provided")
                } else {
                    value
                };
                io.out(&format!("{} : {}", l.t(field.label_id()), value));
            }
            exit::OK
        }
        Ok(None) => {
            io.err(&l.t_args("cli-lookup-unknown", &[("username", username.into())]));
            exit::PROBLEMS
        }
        Err(CallError::Unauthorized(detail)) => {
            io.err(&l.t_args("cli-lookup-unauthorized", &[("detail", detail.into())]));
            exit::UNREADABLE
        }
        Err(CallError::Failure(f)) => {
            io.err(&l.t_args(
                "cli-lookup-unavailable",
                &[("reason", failure_words(&f, l).into())],
            ));
            LEFT_IN_OUTBOX
        }
    }
}

fn local_offset() -> UtcOffset {
    UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC)
}

/// "2026-11-24 14:32", in the computer's time zone.
fn local_time(t: OffsetDateTime, offset: UtcOffset) -> String {
    let t = t.to_offset(offset);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}
