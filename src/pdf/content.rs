//! What the copy says, in the chosen language: every label and value of the form, the status,
//! the dates, the signature blocks. Pure: the layout turns it into pages.

use fluent_bundle::FluentValue;
use time::OffsetDateTime;

use super::identity::{IdentityInfo, IdentityKind};
use crate::designation::{Designation, Field, Status, Step, validate};
use crate::i18n::{Lang, Localizer};
use crate::reference::Reference;

/// One answer: its label and its value as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub label: String,
    pub value: String,
    /// Shown as "Non fourni", in grey.
    pub missing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    pub title: String,
    pub rows: Vec<Row>,
}

/// The whole text of the copy.
#[derive(Debug, Clone)]
pub(crate) struct Content {
    pub title: String,
    pub subtitle: String,
    /// "BROUILLON — incomplet", on every page, when the designation has errors.
    pub draft_mark: Option<String>,
    /// Why it is a draft, and the problems, on the first page.
    pub problems: Option<Section>,
    pub draft_explanation: String,
    /// Status, numéro, dates.
    pub summary: Vec<Row>,
    pub sections: Vec<Section>,
    pub hand_title: String,
    pub hand_rows: Vec<Row>,
    pub hand_date: String,
    pub hand_signature: String,
    pub digital_title: String,
    pub digital_rows: Vec<Row>,
    pub digital_note: String,
    /// Whom to call: the ministry's contact (`resources/contact.toml`), as in the help panel.
    pub contact_title: String,
    pub contact_lines: Vec<String>,
}

/// A date in words: "24 novembre 2026", "November 24, 2026".
pub(crate) fn date(l: &Localizer, t: OffsetDateTime) -> String {
    l.t_args(
        "pdf-date",
        &[
            ("day", t.day().into()),
            ("month", u8::from(t.month()).into()),
            ("year", t.year().into()),
        ],
    )
}

/// A date and time: "24 novembre 2026 à 14 h 32", "November 24, 2026 at 14:32".
pub(crate) fn date_time(l: &Localizer, t: OffsetDateTime) -> String {
    l.t_args(
        "pdf-date-time",
        &[
            ("date", date(l, t).into()),
            ("hour", t.hour().into()),
            ("minute", format!("{:02}", t.minute()).into()),
        ],
    )
}

fn row(label: String, value: String, l: &Localizer) -> Row {
    let value = value.trim().to_string();
    if value.is_empty() {
        Row {
            label,
            value: l.t("not-provided"),
            missing: true,
        }
    } else {
        Row {
            label,
            value,
            missing: false,
        }
    }
}

/// The value of a field as a person reads it: names for codes, labels for choices.
fn display_value(field: Field, d: &Designation, l: &Localizer, refs: &Reference) -> String {
    let en = l.lang() == Lang::En;
    let raw = field.get(d);
    match field {
        Field::FormKind => d.form.kind.map(|k| l.t(k.label_id())).unwrap_or_default(),
        Field::MunicipalCategory => d
            .form
            .municipal_category
            .map(|c| l.t(c.label_id()))
            .unwrap_or_default(),
        Field::Civility => d
            .requester
            .civility
            .map(|c| l.t(c.label_id()))
            .unwrap_or_default(),
        Field::OrganizationCategory => refs
            .organization_category(&raw)
            .map(|c| {
                if en {
                    c.name_en.clone()
                } else {
                    c.name_fr.clone()
                }
            })
            .unwrap_or(raw),
        Field::Municipality => refs
            .municipality(&raw)
            .map(|m| m.name.clone())
            .unwrap_or(raw),
        Field::Region => refs
            .region(&raw)
            .map(|r| format!("{} ({})", r.name, r.code))
            .unwrap_or(raw),
        Field::ProvincialRiding => refs
            .provincial_riding(&raw)
            .map(|r| r.name.clone())
            .unwrap_or(raw),
        Field::FederalRiding => refs
            .federal_riding(&raw)
            .map(|r| {
                if en {
                    r.name_en.clone()
                } else {
                    r.name_fr.clone()
                }
            })
            .unwrap_or(raw),
        _ => raw,
    }
}

fn section(
    step: Step,
    title_id: &str,
    d: &Designation,
    l: &Localizer,
    refs: &Reference,
) -> Section {
    let rows = Field::of_step(step)
        // The same rule as the review and the body sent (`Field::applies_to`).
        .filter(|f| f.applies_to(d))
        .map(|f| row(l.t(f.label_id()), display_value(f, d, l, refs), l))
        .collect();
    Section {
        title: l.t(title_id),
        rows,
    }
}

fn status_id(status: Status) -> &'static str {
    match status {
        Status::Draft => "pdf-status-draft",
        Status::Queued => "pdf-status-queued",
        Status::Sent => "pdf-status-sent",
        Status::Refused => "pdf-status-refused",
    }
}

/// Who signs the copy, for its "Signataire" row and the signature's `/Name`. The installation's
/// certificate names the installation, not a person: the demandeur signs with it (and their
/// organisme). An organisation's certificate names its holder, who signs.
pub(crate) fn signatory(d: &Designation, signer: &IdentityInfo) -> String {
    let (name, organization) = match signer.kind {
        IdentityKind::SelfSigned => {
            let r = &d.requester;
            let name = format!("{} {}", r.first_name.trim(), r.last_name.trim());
            let name = name.trim().to_string();
            if name.is_empty() {
                (signer.common_name.clone(), String::new())
            } else {
                (name, d.organization.name.trim().to_string())
            }
        }
        IdentityKind::Organization => (signer.common_name.clone(), signer.organization.clone()),
    };
    if organization.is_empty() {
        name
    } else {
        format!("{name} — {organization}")
    }
}

/// The text of the copy of `d`, made at `now`, signed by `signer`.
pub(crate) fn build(
    d: &Designation,
    l: &Localizer,
    signer: &IdentityInfo,
    now: OffsetDateTime,
) -> Content {
    let refs = Reference::get();
    let errors: Vec<String> = validate(d, refs)
        .iter()
        .filter(|p| p.is_error())
        .map(|p| l.problem(p))
        .collect();
    let is_draft = !errors.is_empty();

    let mut summary = vec![row(l.t("pdf-status"), l.t(status_id(d.status)), l)];
    if let Some(receipt) = &d.receipt {
        summary.push(row(l.t("pdf-receipt-number"), receipt.numero.clone(), l));
        summary.push(row(
            l.t("pdf-receipt-date"),
            date_time(l, receipt.recu_le),
            l,
        ));
    }
    if let Some(refusal) = &d.refusal {
        summary.push(row(l.t("pdf-refusal-date"), date_time(l, refusal.le), l));
        summary.push(row(l.t("pdf-refusal-message"), refusal.message.clone(), l));
    }
    summary.push(row(l.t("pdf-copy-date"), date_time(l, now), l));

    let mut manager = section(Step::Manager, "pdf-section-manager", d, l, refs);
    manager.rows.push(row(
        l.t("pdf-manager-confirmed"),
        l.t(if d.manager.confirmed {
            "pdf-yes"
        } else {
            "pdf-no"
        }),
        l,
    ));
    let sections = vec![
        section(Step::Choice, "pdf-section-form", d, l, refs),
        section(Step::Organization, "pdf-section-organization", d, l, refs),
        section(Step::Requester, "pdf-section-requester", d, l, refs),
        manager,
    ];

    let requester_name = {
        let r = &d.requester;
        let civility = r.civility.map(|c| l.t(c.label_id())).unwrap_or_default();
        [civility.as_str(), r.first_name.trim(), r.last_name.trim()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let hand_rows = vec![
        row(l.t("pdf-hand-name"), requester_name, l),
        row(l.t("pdf-hand-function"), d.requester.function.clone(), l),
        row(l.t("pdf-hand-organization"), d.organization.name.clone(), l),
    ];

    let certificate = match signer.kind {
        IdentityKind::SelfSigned => l.t_args(
            "pdf-digital-self-signed",
            &[("name", signer.common_name.clone().into())],
        ),
        IdentityKind::Organization => l.t_args(
            "pdf-digital-issued-by",
            &[("issuer", signer.issuer.clone().into())],
        ),
    };
    let digital_rows = vec![
        row(l.t("pdf-digital-signer"), signatory(d, signer), l),
        row(l.t("pdf-digital-date"), date_time(l, now), l),
        row(l.t("pdf-digital-certificate"), certificate, l),
        row(
            l.t("pdf-digital-fingerprint"),
            signer.fingerprint.clone(),
            l,
        ),
    ];

    let count = FluentValue::from(errors.len());
    let problems = is_draft.then(|| Section {
        title: l.t_args("pdf-problems-title", &[("count", count.clone())]),
        rows: errors
            .into_iter()
            .map(|e| Row {
                label: String::new(),
                value: e,
                missing: false,
            })
            .collect(),
    });

    Content {
        title: l.t("app-title"),
        subtitle: l.t("pdf-subtitle"),
        draft_mark: is_draft.then(|| l.t("pdf-draft-mark")),
        problems,
        draft_explanation: l.t("pdf-draft-explanation"),
        summary,
        sections,
        hand_title: l.t("pdf-hand-title"),
        hand_rows,
        hand_date: l.t("pdf-hand-date"),
        hand_signature: l.t("pdf-hand-signature"),
        digital_title: l.t("pdf-digital-title"),
        digital_rows,
        digital_note: l.t("pdf-digital-note"),
        contact_title: l.t("help-contact-title"),
        contact_lines: crate::contact::Contact::get().lines(l),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::designation::FormKind;

    fn labels_of_form_section(d: &Designation) -> Vec<String> {
        let l = Localizer::new(Lang::Fr);
        let signer = IdentityInfo {
            kind: IdentityKind::SelfSigned,
            common_name: "Hélène Tremblay".into(),
            organization: String::new(),
            issuer: "Hélène Tremblay".into(),
            fingerprint: "AB:CD".into(),
            not_before: OffsetDateTime::UNIX_EPOCH,
            not_after: OffsetDateTime::UNIX_EPOCH,
            algorithm: "ECDSA P-256".into(),
        };
        let content = build(d, &l, &signer, OffsetDateTime::UNIX_EPOCH);
        content.sections[0]
            .rows
            .iter()
            .map(|r| r.label.clone())
            .collect()
    }

    #[test]
    fn the_copy_lists_the_same_answers_as_the_review() {
        let l = Localizer::new(Lang::Fr);
        let label = |f: Field| l.t(f.label_id());
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        // No form chosen: neither category (it used to list both).
        assert_eq!(labels_of_form_section(&d), [label(Field::FormKind)]);
        d.form.kind = Some(FormKind::Organization);
        assert_eq!(
            labels_of_form_section(&d),
            [label(Field::FormKind), label(Field::OrganizationCategory)]
        );
        d.form.kind = Some(FormKind::Municipality);
        assert_eq!(
            labels_of_form_section(&d),
            [label(Field::FormKind), label(Field::MunicipalCategory)]
        );
    }
}
