//! A verification in words, the same for the command line and the window: the verdict first,
//! what to do about it, then the signer and the designation.

use fluent_bundle::FluentValue;

use std::path::Path;

use super::{Report, Trust, Verdict, VerifyError};
use crate::designation::Status;
use crate::i18n::Localizer;

fn status_id(status: Status) -> &'static str {
    match status {
        Status::Draft => "pdf-status-draft",
        Status::Queued => "pdf-status-queued",
        Status::Sent => "pdf-status-sent",
        Status::Refused => "pdf-status-refused",
    }
}

/// The verdict and what to do, as one sentence.
pub fn verdict(report: &Report, l: &Localizer) -> String {
    match &report.verdict {
        Verdict::Valid => match report.signer.as_ref().map(|s| s.trust) {
            Some(Trust::Unknown) => l.t("verify-valid-unknown"),
            _ => l.t("verify-valid"),
        },
        Verdict::Unsigned => l.t("verify-unsigned"),
        Verdict::Invalid(problem) => l.with_detail(
            l.t_args(
                "verify-invalid",
                &[("reason", l.t(problem.message_id()).into())],
            ),
            &problem.detail(),
        ),
    }
}

/// Why a file could not be verified, in words.
pub fn error_words(e: &VerifyError, path: &Path, l: &Localizer) -> String {
    let sentence = l.t_args(
        e.message_id(),
        &[
            ("path", path.display().to_string().into()),
            ("detail", e.detail().into()),
            ("limit", (super::MAX_COPY_BYTES / (1024 * 1024)).into()),
        ],
    );
    match e {
        VerifyError::Io(_) | VerifyError::TooLarge { .. } => l.with_detail(sentence, &e.detail()),
        _ => sentence,
    }
}

/// Every line of the report, the verdict first.
pub fn lines(report: &Report, l: &Localizer) -> Vec<String> {
    let mut out = vec![verdict(report, l)];
    if let Some(s) = &report.signer {
        let trust = match s.trust {
            Trust::Installation => "verify-trust-installation",
            Trust::Organization => "verify-trust-organization",
            Trust::Unknown => "verify-trust-unknown",
        };
        out.push(l.t_args(
            "verify-signer",
            &[
                ("name", s.display_name().into()),
                ("trust", l.t(trust).into()),
            ],
        ));
        out.push(l.t_args(
            "verify-fingerprint",
            &[("fingerprint", s.fingerprint.clone().into())],
        ));
        out.push(l.t_args(
            "verify-validity",
            &[
                ("from", l.date_time(s.not_before).into()),
                ("to", l.date_time(s.not_after).into()),
            ],
        ));
        if let Some(t) = s.signing_time {
            out.push(l.t_args("verify-signed-at", &[("date", l.date_time(t).into())]));
        }
        if s.valid_at_signing() == Some(false) {
            out.push(l.t("verify-certificate-outside-validity"));
        }
    }
    if let Some(d) = &report.designation {
        out.push(l.t_args(
            "verify-designation",
            &[
                ("id", d.id.as_hyphenated().to_string().into()),
                ("organization", d.organization.name.clone().into()),
                ("status", l.t(status_id(d.status)).into()),
            ],
        ));
        if let Some(r) = &d.receipt {
            out.push(l.t_args(
                "verify-number",
                &[("number", FluentValue::from(r.numero.clone()))],
            ));
        }
    }
    if let Some(sha256) = &report.attachment_sha256 {
        out.push(l.t_args(
            "verify-attachment-sha256",
            &[("sha256", sha256.clone().into())],
        ));
    }
    out.push(
        l.t(match (&report.designation, &report.qr, report.qr_agrees) {
            // Nothing readable attached (an altered or damaged copy): no QR code to compare with,
            // whether or not there is one — never "made by an earlier version".
            (None, _, _) => "verify-qr-unchecked",
            (Some(_), None, _) => "verify-qr-absent",
            (Some(_), Some(_), Some(true)) => "verify-qr-agrees",
            (Some(_), Some(_), _) => "verify-qr-differs",
        }),
    );
    out
}
