//! `piqm-acces verify COPIE.pdf [--json]`: is the copy whole, as signed, and by whom
//! ([`crate::pdf::verify`]). Exit codes: 0 valid; 1 unsigned, altered or not soundly signed;
//! 2 not readable as a copy (not a PDF, no designation attached, too large).

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::exit;
use crate::i18n::Localizer;
use crate::pdf::verify::{self, Report, Verdict, VerifyError};

fn say(w: &mut dyn Write, text: &str) {
    let _ = writeln!(w, "{text}");
}

/// The exit code of a verification.
pub(crate) fn code(result: &Result<Report, VerifyError>) -> u8 {
    match result {
        Ok(r) if r.verdict == Verdict::Valid => exit::OK,
        Ok(_) => exit::PROBLEMS,
        Err(_) => exit::UNREADABLE,
    }
}

pub(crate) fn run(
    file: &Path,
    as_json: bool,
    data_dir: Option<&Path>,
    l: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    // Without a data folder, no certificate is known: the copy is still verified.
    let known = crate::paths::data_dir(data_dir)
        .map(|d| verify::Known::of(&d))
        .unwrap_or_default();
    let result = verify::read_copy(file).and_then(|bytes| verify::verify_bytes(&bytes, &known));
    let code = code(&result);
    match (&result, as_json) {
        (Ok(report), true) => say(out, &to_json(file, report)),
        (Ok(report), false) => {
            let mut lines = verify::lines(report, l).into_iter();
            if let Some(first) = lines.next() {
                say(out, &format!("{} : {first}", file.display()));
            }
            for line in lines {
                say(out, &line);
            }
        }
        (Err(e), true) => {
            let doc = json!({
                "fichier": file.display().to_string(),
                "resultat": "illisible",
                "message": verify::error_words(e, file, l),
            });
            say(out, &serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
        (Err(e), false) => say(err, &verify::error_words(e, file, l)),
    }
    code
}

fn to_json(file: &Path, r: &Report) -> String {
    let (result, problem) = match &r.verdict {
        Verdict::Valid => ("valide", None),
        Verdict::Unsigned => ("non_signee", None),
        Verdict::Invalid(p) => ("invalide", Some(p)),
    };
    let time = |t: time::OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    let signer = r.signer.as_ref().map(|s| {
        json!({
            "nom": s.common_name,
            "organisation": s.organization,
            "emetteur": s.issuer,
            "empreinte_sha256": s.fingerprint,
            "valide_du": time(s.not_before),
            "valide_au": time(s.not_after),
            "algorithme": s.algorithm,
            "signe_le": s.signing_time.map(time),
            "certificat": s.trust.code(),
        })
    });
    let designation = r.designation.as_ref().map(|d| {
        json!({
            "id": d.id.as_hyphenated().to_string(),
            "organisme": d.organization.name,
            "statut": d.status,
            "numero": d.receipt.as_ref().map(|x| x.numero.clone()),
        })
    });
    let doc = json!({
        "fichier": file.display().to_string(),
        "resultat": result,
        "probleme": problem.map(|p| p.code()),
        "detail": problem.map(|p| p.detail()),
        "signataire": signer,
        "designation": designation,
        "designation_sha256": r.attachment_sha256,
        "code_qr": r.qr,
        "code_qr_concorde": r.qr_agrees,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
