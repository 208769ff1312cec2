//! What is sent to the ministry: the designation as JSON, without what does not apply to it
//! (the other form's category, the identification code of an organisme, empty optional answers)
//! and without the application's own bookkeeping (status, step, outbox, receipt).
//!
//! A pure projection: the same draft always gives the same body, so every attempt of a send
//! carries the same content under the same idempotency key.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::field::Field;
use super::model::{Civility, Designation, FormKind, MunicipalCategory};

/// The body of `POST /v1/designations` (see `resources/openapi.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub schema_version: u32,
    /// The draft's id; also the `Idempotency-Key` header.
    pub id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub cree_le: OffsetDateTime,
    pub formulaire: SubmittedForm,
    pub organisme: SubmittedOrganization,
    /// Only on the municipal form, and only when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_identification: Option<String>,
    pub demandeur: SubmittedRequester,
    pub gestionnaire: SubmittedManager,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedForm {
    #[serde(rename = "type")]
    pub kind: Option<FormKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categorie_municipale: Option<MunicipalCategory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categorie_organisme: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedOrganization {
    pub nom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numero_civique: Option<String>,
    pub rue: String,
    pub municipalite: String,
    pub code_postal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub circonscription_provinciale: String,
    pub circonscription_federale: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedRequester {
    pub civilite: Option<Civility>,
    pub nom: String,
    pub prenom: String,
    pub fonction: String,
    pub telephone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poste: Option<String>,
    pub courriel: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedManager {
    pub nom_utilisateur: String,
    pub nom: String,
    pub prenom: String,
    pub fonction: String,
    pub telephone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poste: Option<String>,
    pub courriel: String,
}

/// `None` for an empty (trimmed) optional answer.
fn given(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn text(s: &str) -> String {
    s.trim().to_string()
}

/// The body sent for a designation. Meant for a valid, normalized designation (the outbox only
/// sends those); for any other it is still total, and the server's 422 names what is missing.
pub fn submission(d: &Designation) -> Submission {
    let applies = |field: Field| field.applies_to(d);
    let o = &d.organization;
    let r = &d.requester;
    let m = &d.manager;
    Submission {
        schema_version: d.schema_version,
        id: d.id,
        cree_le: d.created_at,
        formulaire: SubmittedForm {
            kind: d.form.kind,
            categorie_municipale: d
                .form
                .municipal_category
                .filter(|_| applies(Field::MunicipalCategory)),
            categorie_organisme: given(&d.form.organization_category)
                .filter(|_| applies(Field::OrganizationCategory)),
        },
        organisme: SubmittedOrganization {
            nom: text(&o.name),
            numero_civique: given(&o.civic_number),
            rue: text(&o.street),
            municipalite: text(&o.municipality),
            code_postal: text(&o.postal_code),
            region: given(&o.region),
            circonscription_provinciale: text(&o.provincial_riding),
            circonscription_federale: text(&o.federal_riding),
        },
        code_identification: given(&d.identification_code)
            .filter(|_| applies(Field::IdentificationCode)),
        demandeur: SubmittedRequester {
            civilite: r.civility,
            nom: text(&r.last_name),
            prenom: text(&r.first_name),
            fonction: text(&r.function),
            telephone: text(&r.phone),
            poste: given(&r.extension),
            courriel: text(&r.email),
        },
        gestionnaire: SubmittedManager {
            nom_utilisateur: text(&m.username),
            nom: text(&m.last_name),
            prenom: text(&m.first_name),
            fonction: text(&m.function),
            telephone: text(&m.phone),
            poste: given(&m.extension),
            courriel: text(&m.email),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::designation::validate::tests::complete;
    use crate::designation::{OutboxEntry, Status};

    #[test]
    fn a_municipality_sends_its_code_and_not_the_organisme_category() {
        let mut d = complete();
        d.form.organization_category = "obnl".into();
        d.status = Status::Queued;
        let body = serde_json::to_value(submission(&d)).unwrap();
        assert_eq!(body["formulaire"]["type"], "municipalite");
        assert_eq!(body["formulaire"]["categorie_municipale"], "ville");
        assert!(body["formulaire"].get("categorie_organisme").is_none());
        assert!(body.get("code_identification").is_some());
        for local in [
            "statut",
            "etape",
            "modifie_le",
            "envoi",
            "refus",
            "file_envoi",
        ] {
            assert!(body.get(local).is_none(), "{local} is local bookkeeping");
        }
        assert!(body["gestionnaire"].get("confirme").is_none());
    }

    #[test]
    fn an_organisme_never_sends_an_identification_code() {
        let mut d = complete();
        d.form.kind = Some(FormKind::Organization);
        d.form.organization_category = "obnl".into();
        d.identification_code = "LEV2008Q417".into();
        d.requester.extension = "  ".into();
        let s = submission(&d);
        assert_eq!(s.code_identification, None);
        assert_eq!(s.formulaire.categorie_municipale, None);
        assert_eq!(s.formulaire.categorie_organisme.as_deref(), Some("obnl"));
        assert_eq!(s.demandeur.poste, None);
    }

    #[test]
    fn the_body_is_the_same_on_every_attempt_and_reads_back() {
        let d = complete();
        let a = serde_json::to_string(&submission(&d)).unwrap();
        let mut later = d.clone();
        later.outbox = Some(OutboxEntry::new(OffsetDateTime::now_utc()));
        later.updated_at = OffsetDateTime::now_utc();
        assert_eq!(a, serde_json::to_string(&submission(&later)).unwrap());
        let back: Submission = serde_json::from_str(&a).unwrap();
        assert_eq!(back, submission(&d));
    }
}
