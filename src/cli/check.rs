//! `check FILE.json`, and reading a draft file with what is wrong with it in words (shared by
//! every command that takes one).

use std::io::Write;
use std::path::Path;

use fluent_bundle::FluentValue;

use super::exit;
use crate::bounded::{Expected, MAX_DRAFT_BYTES, read_bounded};
use crate::designation::{self, ParseError, ParseErrorKind, Severity, validate};
use crate::i18n::Localizer;
use crate::reference::Reference;

/// `check FILE.json`: every problem as `field.path: message`.
pub(super) fn check(path: &Path, l: &Localizer, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let d = match read_draft(path, l) {
        Ok(d) => d,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            return exit::UNREADABLE;
        }
    };
    let problems = validate(&d, Reference::get());
    for p in &problems {
        let line = match p.severity {
            Severity::Error => format!("{}: {}", p.field.path(), l.problem(p)),
            Severity::Warning => format!(
                "{}: {} — {}",
                p.field.path(),
                l.t("cli-warning"),
                l.problem(p)
            ),
        };
        let _ = writeln!(out, "{line}");
    }
    let shown = path.display().to_string();
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if errors == 0 {
        let _ = writeln!(
            out,
            "{}",
            l.t_args("cli-check-valid", &[("path", shown.into())])
        );
        exit::OK
    } else {
        let count = FluentValue::from(errors);
        let summary = l.t_args(
            "cli-check-invalid",
            &[("path", shown.into()), ("count", count)],
        );
        let _ = writeln!(err, "{summary}");
        exit::PROBLEMS
    }
}

/// Reads and parses a draft file (at most [`MAX_DRAFT_BYTES`], a regular file only), or says in
/// words what is wrong with it.
pub(super) fn read_draft(path: &Path, l: &Localizer) -> Result<designation::Designation, String> {
    let shown = path.display().to_string();
    let bytes =
        read_bounded(path, MAX_DRAFT_BYTES).map_err(|e| e.message(path, Expected::Draft, l))?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(l.t_args("cli-file-not-utf8", &[("path", shown.into())]));
    };
    designation::from_json(&text).map_err(|e| parse_message(&shown, &e, l))
}

pub(super) use crate::bounded::io_reason;

pub(super) fn parse_message(path: &str, e: &ParseError, l: &Localizer) -> String {
    let args = |extra: Vec<(&'static str, FluentValue<'static>)>| {
        let mut all: Vec<(&str, FluentValue)> = vec![
            ("path", path.to_string().into()),
            ("line", e.line.into()),
            ("column", e.column.into()),
            ("detail", e.detail.clone().into()),
        ];
        all.extend(extra);
        all
    };
    match &e.kind {
        ParseErrorKind::Syntax => l.t_args("cli-parse-syntax", &args(vec![])),
        ParseErrorKind::Truncated => l.t_args("cli-parse-truncated", &args(vec![])),
        ParseErrorKind::Content => l.t_args("cli-parse-content", &args(vec![])),
        ParseErrorKind::NoVersion => l.t_args("cli-parse-no-version", &args(vec![])),
        ParseErrorKind::NewerVersion { found } => l.t_args(
            "cli-parse-newer-version",
            &args(vec![("found", (*found).into())]),
        ),
    }
}
