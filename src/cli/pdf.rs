//! The command line's PDF commands: `export`, `print`, `printers`, `identity show|import`.
//! They call `crate::pdf`'s use cases (`pdf::copy`) and put the outcome into words.
//!
//! Exit codes, as for `check`: 0 done; 1 the copy was made but marked "BROUILLON — incomplet"
//! because the designation has problems; 2 a file cannot be read or written, the certificate's
//! password is wrong, or the print system refused the job.

use std::io::Write;
use std::path::Path;

use fluent_bundle::FluentValue;
use time::OffsetDateTime;

use super::check::{io_reason, read_draft};
use super::exit;
use crate::bounded::{Expected, MAX_PKCS12_BYTES, ordinary_file, read_bounded};
use crate::designation::validate;
use crate::i18n::Localizer;
use crate::paths;
use crate::pdf::copy::{PrintFileError, Printed, print_file};
use crate::pdf::print::{PrintError, system_printer};
use crate::pdf::reprint::ReprintError;
use crate::pdf::verify::error_words;
use crate::pdf::{
    CopyError, CopyRequest, IdentityError, IdentityInfo, IdentityStatus, IdentityStore, Paper,
    Signer, make_copy,
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

/// Who signs: the given .p12, else the installation's identity (its password asked when an
/// organisational certificate was imported).
fn signer(request: &ExportRequest<'_>, l: &Localizer) -> Result<Signer, String> {
    if let Some(p12) = request.p12 {
        let bytes =
            read_bounded(p12, MAX_PKCS12_BYTES).map_err(|e| e.message(p12, Expected::Pkcs12, l))?;
        return Ok(Signer::Pkcs12 {
            path: p12.to_path_buf(),
            bytes,
            password: password(l)?,
        });
    }
    let data_dir = data_dir(request.data_dir, l)?;
    let password = if IdentityStore::new(&data_dir).needs_password() {
        Some(password(l)?)
    } else {
        None
    };
    Ok(Signer::Installed { data_dir, password })
}

fn copy_message(e: &CopyError, l: &Localizer) -> String {
    match e {
        CopyError::Identity { error, path } => identity_message(error, path.as_deref(), l),
        CopyError::Pdf(e) => l.t_args(e.message_id(), &[("detail", e.to_string().into())]),
        CopyError::Write { path, error } => l.t_args(
            "cli-export-unwritable",
            &[
                ("path", path.display().to_string().into()),
                ("reason", io_reason(error, l).into()),
            ],
        ),
    }
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
    let signer = match signer(request, l) {
        Ok(s) => s,
        Err(message) => {
            say(err, &message);
            return exit::UNREADABLE;
        }
    };
    let copy_request = CopyRequest {
        draft: &d,
        paper: request.paper,
        lang: l.lang(),
        now: now(),
        signer,
    };
    let copy = match make_copy(&copy_request, request.output) {
        Ok(copy) => copy,
        Err(e) => {
            say(err, &copy_message(&e, l));
            return exit::UNREADABLE;
        }
    };
    let shown = request.output.display().to_string();
    if copy.incomplete {
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
                    ("pages", FluentValue::from(copy.pages)),
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

/// `print FILE.pdf [--printer NAME] [--to-file OUT]`.
pub(crate) fn print(
    file: &Path,
    printer: Option<&str>,
    to_file: Option<&Path>,
    l: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let shown = file.display().to_string();
    if let Err(e) = ordinary_file(file) {
        say(err, &e.message(file, Expected::Pdf, l));
        return exit::UNREADABLE;
    }
    let title = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    // The driver writes where the program runs from; a relative path means the same there.
    let output = to_file.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
    match print_file(
        system_printer().as_ref(),
        file,
        printer,
        &title,
        output.as_deref(),
    ) {
        Ok(Printed { printer, job }) => {
            let (id, mut args) = match &output {
                Some(o) => (
                    "cli-print-written",
                    vec![("output", o.display().to_string().into())],
                ),
                None => ("cli-print-sent", Vec::new()),
            };
            args.extend([
                ("path", shown.into()),
                ("printer", printer.into()),
                ("job", job.id.into()),
            ]);
            say(out, &l.t_args(id, &args));
            exit::OK
        }
        Err(PrintFileError::NotACopy(e)) => {
            let message = match e {
                ReprintError::NotACopy(e) => format!(
                    "{} {}",
                    error_words(&e, file, l),
                    l.t("pdf-reprint-only-copies")
                ),
                e => l.t_args(
                    e.message_id(),
                    &[("path", shown.into()), ("detail", e.detail().into())],
                ),
            };
            say(err, &message);
            exit::UNREADABLE
        }
        Err(PrintFileError::Unreadable(e)) => {
            say(
                err,
                &l.t_args(
                    "cli-file-unreadable",
                    &[("path", shown.into()), ("reason", io_reason(&e, l).into())],
                ),
            );
            exit::UNREADABLE
        }
        Err(PrintFileError::NoDefaultPrinter) => {
            say(err, &l.t("cli-print-no-printer"));
            exit::UNREADABLE
        }
        Err(PrintFileError::Print { printer, error }) => {
            say(err, &print_message(&error, &printer, l));
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
    let store = IdentityStore::new(&dir);
    for note in store.set_aside_notes() {
        say(
            out,
            &l.t_args(
                "cli-identity-set-aside",
                &[("path", note.display().to_string().into())],
            ),
        );
    }
    match store.status() {
        Ok(IdentityStatus::None) => say(out, &l.t("cli-identity-none")),
        Ok(IdentityStatus::SelfSigned(info)) => {
            say(out, &l.t("cli-identity-self-signed"));
            show_info(&info, l, out);
        }
        Ok(IdentityStatus::Organization(info)) => {
            say(out, &l.t("cli-identity-organization"));
            show_info(&info, l, out);
            // Said now rather than at the next copy, which it would refuse.
            if let Some(e) = info.validity_problem(time::OffsetDateTime::now_utc()) {
                say(out, &identity_message(&e, None, l));
            }
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
        let bytes = read_bounded(file, MAX_PKCS12_BYTES)
            .map_err(|e| e.message(file, Expected::Pkcs12, l))?;
        let password = password(l)?;
        IdentityStore::new(&dir)
            .import_pkcs12(&bytes, &password, time::OffsetDateTime::now_utc())
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
