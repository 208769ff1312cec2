//! The command line's PDF commands: `export`, `print`, `printers`, `identity show|import`.
//! Kept apart from `cli.rs` (argument parsing) so that each stays short; they only call
//! `crate::pdf`.
//!
//! Exit codes, as for `check`: 0 done; 1 the copy was made but marked "BROUILLON — incomplet"
//! because the designation has problems; 2 a file cannot be read or written, the certificate's
//! password is wrong, or the print system refused the job.

use std::io::Write;
use std::path::Path;

use fluent_bundle::FluentValue;
use time::OffsetDateTime;

use crate::cli::{exit, io_reason, read_draft};
use crate::designation::{Designation, validate};
use crate::i18n::Localizer;
use crate::paths;
use crate::pdf::print::{PrintError, system_printer};
use crate::pdf::{
    self, ExportOptions, Identity, IdentityError, IdentityInfo, IdentityStatus, IdentityStore,
    Paper, Subject,
};
use crate::reference::Reference;

/// The environment variable holding a PKCS #12 password for scripts.
pub const P12_PASSWORD_VAR: &str = "PIQM_P12_PASSWORD";

pub(crate) struct ExportRequest<'a> {
    pub file: &'a Path,
    pub output: &'a Path,
    pub paper: Paper,
    pub p12: Option<&'a Path>,
    pub data_dir: Option<&'a Path>,
}

/// Now, in the computer's time zone when it can be known (else UTC).
fn now() -> OffsetDateTime {
    OffsetDateTime::now_local().unwrap_or_else(|_| OffsetDateTime::now_utc())
}

fn say(w: &mut dyn Write, text: &str) {
    let _ = writeln!(w, "{text}");
}

fn identity_message(e: &IdentityError, path: Option<&Path>, l: &Localizer) -> String {
    e.message(l, path)
}

/// The PKCS #12 password: from the environment, else asked on the terminal without echo.
fn password(l: &Localizer) -> Result<String, String> {
    if let Ok(p) = std::env::var(P12_PASSWORD_VAR) {
        return Ok(p);
    }
    rpassword::prompt_password(l.t("cli-p12-password-prompt"))
        .map_err(|_| l.t("cli-p12-no-password"))
}

fn data_dir(overridden: Option<&Path>, l: &Localizer) -> Result<std::path::PathBuf, String> {
    paths::data_dir(overridden).ok_or_else(|| l.t("cli-no-data-dir"))
}

/// The identity that signs: the given .p12, else the imported organisational certificate, else
/// the installation's self-signed one (made on first use).
fn signing_identity(
    request: &ExportRequest<'_>,
    d: &Designation,
    now: OffsetDateTime,
    l: &Localizer,
) -> Result<Identity, String> {
    if let Some(p12) = request.p12 {
        let bytes = std::fs::read(p12).map_err(|e| {
            l.t_args(
                "cli-file-unreadable",
                &[
                    ("path", p12.display().to_string().into()),
                    ("reason", io_reason(&e, l).into()),
                ],
            )
        })?;
        let password = password(l)?;
        return Identity::from_pkcs12(&bytes, &password)
            .map_err(|e| identity_message(&e, Some(p12), l));
    }
    let store = IdentityStore::new(&data_dir(request.data_dir, l)?);
    let password = if store.needs_password() {
        Some(password(l)?)
    } else {
        None
    };
    store
        .signing_identity(&Subject::of(d), now, password.as_deref())
        .map_err(|e| identity_message(&e, None, l))
}

/// `export FILE.json -o OUT.pdf [--paper letter|a4] [--p12 FILE]`.
pub(crate) fn export(
    request: &ExportRequest<'_>,
    l: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let d = match read_draft(request.file, l) {
        Ok(d) => d,
        Err(message) => {
            say(err, &message);
            return exit::UNREADABLE;
        }
    };
    let now = now();
    let identity = match signing_identity(request, &d, now, l) {
        Ok(i) => i,
        Err(message) => {
            say(err, &message);
            return exit::UNREADABLE;
        }
    };
    let options = ExportOptions {
        paper: request.paper,
        lang: l.lang(),
        now,
    };
    let exported = match pdf::export(&d, &options, &identity) {
        Ok(e) => e,
        Err(e) => {
            say(
                err,
                &l.t_args(e.message_id(), &[("detail", e.to_string().into())]),
            );
            return exit::UNREADABLE;
        }
    };
    let shown = request.output.display().to_string();
    if let Err(e) = pdf::write_file(request.output, &exported.bytes) {
        say(
            err,
            &l.t_args(
                "cli-export-unwritable",
                &[("path", shown.into()), ("reason", io_reason(&e, l).into())],
            ),
        );
        return exit::UNREADABLE;
    }
    if exported.incomplete {
        let count = validate(&d, Reference::get())
            .iter()
            .filter(|p| p.is_error())
            .count();
        say(
            err,
            &l.t_args(
                "cli-export-draft",
                &[("path", shown.into()), ("count", FluentValue::from(count))],
            ),
        );
        exit::PROBLEMS
    } else {
        say(
            out,
            &l.t_args(
                "cli-export-written",
                &[
                    ("path", shown.into()),
                    ("pages", FluentValue::from(exported.pages)),
                ],
            ),
        );
        exit::OK
    }
}

fn print_message(e: &PrintError, printer: &str, l: &Localizer) -> String {
    l.t_args(
        e.message_id(),
        &[
            ("printer", printer.to_string().into()),
            ("detail", e.detail().into()),
        ],
    )
}

/// `print FILE.pdf [--printer NAME]`.
pub(crate) fn print(
    file: &Path,
    printer: Option<&str>,
    l: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let shown = file.display().to_string();
    if let Err(e) = std::fs::metadata(file) {
        say(
            err,
            &l.t_args(
                "cli-file-unreadable",
                &[("path", shown.into()), ("reason", io_reason(&e, l).into())],
            ),
        );
        return exit::UNREADABLE;
    }
    let system = system_printer();
    let name = match printer {
        Some(p) => p.to_string(),
        None => match system.printers() {
            Ok(list) => match list.into_iter().find(|p| p.is_default) {
                Some(p) => p.name,
                None => {
                    say(err, &l.t("cli-print-no-printer"));
                    return exit::UNREADABLE;
                }
            },
            Err(e) => {
                say(err, &print_message(&e, "", l));
                return exit::UNREADABLE;
            }
        },
    };
    let title = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    match system.print(&name, file, &title) {
        Ok(job) => {
            say(
                out,
                &l.t_args(
                    "cli-print-sent",
                    &[
                        ("path", shown.into()),
                        ("printer", name.into()),
                        ("job", job.id.into()),
                    ],
                ),
            );
            exit::OK
        }
        Err(e) => {
            say(err, &print_message(&e, &name, l));
            exit::UNREADABLE
        }
    }
}

/// `printers`: one per line, the default one marked.
pub(crate) fn printers(l: &Localizer, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match system_printer().printers() {
        Ok(list) if list.is_empty() => {
            say(out, &l.t("cli-printers-none"));
            exit::OK
        }
        Ok(list) => {
            for p in list {
                if p.is_default {
                    say(out, &format!("{} {}", p.name, l.t("cli-printer-default")));
                } else {
                    say(out, &p.name);
                }
            }
            exit::OK
        }
        Err(e) => {
            say(err, &print_message(&e, "", l));
            exit::UNREADABLE
        }
    }
}

fn show_info(info: &IdentityInfo, l: &Localizer, out: &mut dyn Write) {
    let holder = if info.organization.is_empty() {
        info.common_name.clone()
    } else {
        format!("{} — {}", info.common_name, info.organization)
    };
    say(
        out,
        &l.t_args("cli-identity-holder", &[("name", holder.into())]),
    );
    say(
        out,
        &l.t_args(
            "cli-identity-issuer",
            &[("issuer", info.issuer.clone().into())],
        ),
    );
    say(
        out,
        &l.t_args(
            "cli-identity-fingerprint",
            &[("fingerprint", info.fingerprint.clone().into())],
        ),
    );
    let date = |t| l.t_args("pdf-date", &date_args(t));
    say(
        out,
        &l.t_args(
            "cli-identity-validity",
            &[
                ("from", date(info.not_before).into()),
                ("to", date(info.not_after).into()),
            ],
        ),
    );
    say(
        out,
        &l.t_args(
            "cli-identity-algorithm",
            &[("algorithm", info.algorithm.clone().into())],
        ),
    );
}

fn date_args(t: OffsetDateTime) -> Vec<(&'static str, FluentValue<'static>)> {
    vec![
        ("day", t.day().into()),
        ("month", u8::from(t.month()).into()),
        ("year", t.year().into()),
    ]
}

/// `identity show`.
pub(crate) fn identity_show(
    data_dir_arg: Option<&Path>,
    l: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let dir = match data_dir(data_dir_arg, l) {
        Ok(d) => d,
        Err(message) => {
            say(err, &message);
            return exit::UNREADABLE;
        }
    };
    match IdentityStore::new(&dir).status() {
        Ok(IdentityStatus::None) => say(out, &l.t("cli-identity-none")),
        Ok(IdentityStatus::SelfSigned(info)) => {
            say(out, &l.t("cli-identity-self-signed"));
            show_info(&info, l, out);
        }
        Ok(IdentityStatus::Organization(info)) => {
            say(out, &l.t("cli-identity-organization"));
            show_info(&info, l, out);
        }
        Err(e) => {
            say(err, &identity_message(&e, None, l));
            return exit::UNREADABLE;
        }
    }
    exit::OK
}

/// `identity import FILE.p12`.
pub(crate) fn identity_import(
    file: &Path,
    data_dir_arg: Option<&Path>,
    l: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let result = (|| {
        let dir = data_dir(data_dir_arg, l)?;
        let bytes = std::fs::read(file).map_err(|e| {
            l.t_args(
                "cli-file-unreadable",
                &[
                    ("path", file.display().to_string().into()),
                    ("reason", io_reason(&e, l).into()),
                ],
            )
        })?;
        let password = password(l)?;
        IdentityStore::new(&dir)
            .import_pkcs12(&bytes, &password)
            .map_err(|e| identity_message(&e, Some(file), l))
    })();
    match result {
        Ok(info) => {
            say(out, &l.t("cli-identity-imported"));
            show_info(&info, l, out);
            exit::OK
        }
        Err(message) => {
            say(err, &message);
            exit::UNREADABLE
        }
    }
}
