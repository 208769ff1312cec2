//! The designation document: what one draft file holds and what is sent.
//!
//! JSON keys are French, like the ministry's service and its contract; Rust names are English.
//! Every section defaults to empty so that an incomplete draft always loads.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// Version of the draft file format written by this build.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Designation {
    pub schema_version: u32,
    /// Also the idempotency key of the submission.
    pub id: Uuid,
    #[serde(rename = "cree_le", with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(rename = "modifie_le", with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(rename = "statut", default)]
    pub status: Status,
    /// The wizard step the user was on, so a draft reopens where it was left.
    #[serde(rename = "etape", default)]
    pub step: Step,
    #[serde(rename = "formulaire", default)]
    pub form: FormChoice,
    #[serde(rename = "organisme", default)]
    pub organization: Organization,
    /// The code mailed to municipalities; kept when the form kind changes, sent only when it applies.
    #[serde(rename = "code_identification", default)]
    pub identification_code: String,
    #[serde(rename = "demandeur", default)]
    pub requester: Requester,
    #[serde(rename = "gestionnaire", default)]
    pub manager: Manager,
    #[serde(rename = "envoi", default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<Receipt>,
    #[serde(rename = "refus", default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<Refusal>,
    /// The outbox's bookkeeping while the designation waits to be sent (and after, for the record).
    #[serde(
        rename = "file_envoi",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub outbox: Option<OutboxEntry>,
}

impl Designation {
    /// A new, empty draft with a fresh id.
    pub fn new(now: OffsetDateTime) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            id: Uuid::new_v4(),
            created_at: now,
            updated_at: now,
            status: Status::default(),
            step: Step::default(),
            form: FormChoice::default(),
            organization: Organization::default(),
            identification_code: String::new(),
            requester: Requester::default(),
            manager: Manager::default(),
            receipt: None,
            refusal: None,
            outbox: None,
        }
    }

    /// Whether the municipal identification code must be given for the chosen form.
    pub fn requires_identification_code(&self) -> bool {
        self.form.kind == Some(FormKind::Municipality)
            && self
                .form
                .municipal_category
                .is_some_and(MunicipalCategory::requires_identification_code)
    }

    /// Whether the identification code belongs to this form at all (municipal forms only); the
    /// rule is [`Field::applies_to`](super::Field::applies_to).
    pub fn identification_code_applies(&self) -> bool {
        super::Field::IdentificationCode.applies_to(self)
    }
}

/// Where a draft is in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Being written; may be incomplete.
    #[default]
    #[serde(rename = "brouillon")]
    Draft,
    /// Valid and waiting in the outbox to be sent.
    #[serde(rename = "en_attente")]
    Queued,
    /// Accepted by the ministry; read-only from then on.
    #[serde(rename = "envoyee")]
    Sent,
    /// Refused by the ministry, with its reasons.
    #[serde(rename = "refusee")]
    Refused,
}

/// The wizard's steps, in order, then the outcomes of sending.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Step {
    #[default]
    #[serde(rename = "choix")]
    Choice,
    #[serde(rename = "organisme")]
    Organization,
    #[serde(rename = "demandeur")]
    Requester,
    #[serde(rename = "gestionnaire")]
    Manager,
    #[serde(rename = "verification")]
    Review,
    #[serde(rename = "envoi")]
    Sending,
    #[serde(rename = "confirmee")]
    Confirmed,
    #[serde(rename = "en_attente")]
    Queued,
    #[serde(rename = "refusee")]
    Refused,
}

impl Step {
    /// The steps where the user enters answers, in order.
    pub const QUESTIONS: [Step; 4] = [
        Step::Choice,
        Step::Organization,
        Step::Requester,
        Step::Manager,
    ];

    /// The step before this one while answering, if any.
    pub fn previous(self) -> Option<Step> {
        match self {
            Step::Choice => None,
            Step::Organization => Some(Step::Choice),
            Step::Requester => Some(Step::Organization),
            Step::Manager => Some(Step::Requester),
            Step::Review => Some(Step::Manager),
            Step::Sending | Step::Confirmed | Step::Queued | Step::Refused => None,
        }
    }

    /// The step after this one while answering, if any.
    pub fn next(self) -> Option<Step> {
        match self {
            Step::Choice => Some(Step::Organization),
            Step::Organization => Some(Step::Requester),
            Step::Requester => Some(Step::Manager),
            Step::Manager => Some(Step::Review),
            _ => None,
        }
    }

    /// Whether the user can change answers on this step.
    pub fn is_question(self) -> bool {
        Self::QUESTIONS.contains(&self)
    }

    /// Position for "Étape N sur 5" (the review counts as the fifth step).
    pub fn number(self) -> Option<u8> {
        match self {
            Step::Choice => Some(1),
            Step::Organization => Some(2),
            Step::Requester => Some(3),
            Step::Manager => Some(4),
            Step::Review => Some(5),
            _ => None,
        }
    }

    /// The Fluent id of the step's title.
    pub fn title_id(self) -> &'static str {
        match self {
            Step::Choice => "step-choice",
            Step::Organization => "step-organization",
            Step::Requester => "step-requester",
            Step::Manager => "step-manager",
            Step::Review => "step-review",
            Step::Sending => "step-sending",
            Step::Confirmed => "step-confirmed",
            Step::Queued => "step-queued",
            Step::Refused => "step-refused",
        }
    }
}

/// Number of steps shown in "Étape N sur 5".
pub const STEP_COUNT: u8 = 5;

/// Which of the ministry's two forms, and the category within it.
/// Both categories are kept so that switching the kind back and forth loses nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormChoice {
    #[serde(rename = "type", default)]
    pub kind: Option<FormKind>,
    #[serde(rename = "categorie_municipale", default)]
    pub municipal_category: Option<MunicipalCategory>,
    /// A code from the organisme categories list in `resources/data/`.
    #[serde(rename = "categorie_organisme", default)]
    pub organization_category: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FormKind {
    #[serde(rename = "municipalite")]
    Municipality,
    #[serde(rename = "organisme")]
    Organization,
}

impl FormKind {
    pub const ALL: [FormKind; 2] = [FormKind::Municipality, FormKind::Organization];

    pub fn code(self) -> &'static str {
        match self {
            FormKind::Municipality => "municipalite",
            FormKind::Organization => "organisme",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            FormKind::Municipality => "kind-municipality",
            FormKind::Organization => "kind-organization",
        }
    }
}

/// The municipal categories the seed lists for the municipal form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MunicipalCategory {
    #[serde(rename = "municipalite")]
    Municipality,
    Ville,
    Village,
    VillageNordique,
    Paroisse,
    Canton,
    CantonsUnis,
    Mrc,
    Region,
}

impl MunicipalCategory {
    pub const ALL: [MunicipalCategory; 9] = [
        MunicipalCategory::Municipality,
        MunicipalCategory::Ville,
        MunicipalCategory::Village,
        MunicipalCategory::VillageNordique,
        MunicipalCategory::Paroisse,
        MunicipalCategory::Canton,
        MunicipalCategory::CantonsUnis,
        MunicipalCategory::Mrc,
        MunicipalCategory::Region,
    ];

    /// The seed: every municipality needs the mailed code, except northern villages, MRCs and regions.
    pub fn requires_identification_code(self) -> bool {
        !matches!(
            self,
            MunicipalCategory::VillageNordique | MunicipalCategory::Mrc | MunicipalCategory::Region
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            MunicipalCategory::Municipality => "municipalite",
            MunicipalCategory::Ville => "ville",
            MunicipalCategory::Village => "village",
            MunicipalCategory::VillageNordique => "village_nordique",
            MunicipalCategory::Paroisse => "paroisse",
            MunicipalCategory::Canton => "canton",
            MunicipalCategory::CantonsUnis => "cantons_unis",
            MunicipalCategory::Mrc => "mrc",
            MunicipalCategory::Region => "region",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            MunicipalCategory::Municipality => "mcat-municipalite",
            MunicipalCategory::Ville => "mcat-ville",
            MunicipalCategory::Village => "mcat-village",
            MunicipalCategory::VillageNordique => "mcat-village-nordique",
            MunicipalCategory::Paroisse => "mcat-paroisse",
            MunicipalCategory::Canton => "mcat-canton",
            MunicipalCategory::CantonsUnis => "mcat-cantons-unis",
            MunicipalCategory::Mrc => "mcat-mrc",
            MunicipalCategory::Region => "mcat-region",
        }
    }
}

/// The organisation's identification and address. Codes refer to the reference lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organization {
    #[serde(rename = "nom")]
    pub name: String,
    #[serde(rename = "numero_civique")]
    pub civic_number: String,
    #[serde(rename = "rue")]
    pub street: String,
    /// `code_geo` of a local municipality.
    #[serde(rename = "municipalite")]
    pub municipality: String,
    #[serde(rename = "code_postal")]
    pub postal_code: String,
    /// Administrative region code ("03"); optional in the seed, filled from the municipality.
    #[serde(rename = "region")]
    pub region: String,
    #[serde(rename = "circonscription_provinciale")]
    pub provincial_riding: String,
    #[serde(rename = "circonscription_federale")]
    pub federal_riding: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Civility {
    #[serde(rename = "M.")]
    Mr,
    #[serde(rename = "Mme")]
    Mrs,
}

impl Civility {
    pub const ALL: [Civility; 2] = [Civility::Mr, Civility::Mrs];

    pub fn code(self) -> &'static str {
        match self {
            Civility::Mr => "M.",
            Civility::Mrs => "Mme",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Civility::Mr => "civility-mr",
            Civility::Mrs => "civility-mrs",
        }
    }
}

/// The demandeur: a person in authority within the organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Requester {
    #[serde(rename = "civilite")]
    pub civility: Option<Civility>,
    #[serde(rename = "nom")]
    pub last_name: String,
    #[serde(rename = "prenom")]
    pub first_name: String,
    #[serde(rename = "fonction")]
    pub function: String,
    #[serde(rename = "telephone")]
    pub phone: String,
    #[serde(rename = "poste")]
    pub extension: String,
    #[serde(rename = "courriel")]
    pub email: String,
}

/// The gestionnaire local des droits d'accès, known by their Bureau municipal username.
/// The details come from the ministry's look-up; `confirmed` says whether they did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Manager {
    #[serde(rename = "nom_utilisateur")]
    pub username: String,
    #[serde(rename = "nom")]
    pub last_name: String,
    #[serde(rename = "prenom")]
    pub first_name: String,
    #[serde(rename = "fonction")]
    pub function: String,
    #[serde(rename = "telephone")]
    pub phone: String,
    #[serde(rename = "poste")]
    pub extension: String,
    #[serde(rename = "courriel")]
    pub email: String,
    #[serde(rename = "confirme")]
    pub confirmed: bool,
}

/// The details the username look-up returns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ManagerDetails {
    #[serde(rename = "nom")]
    pub last_name: String,
    #[serde(rename = "prenom")]
    pub first_name: String,
    #[serde(rename = "fonction")]
    pub function: String,
    #[serde(rename = "telephone")]
    pub phone: String,
    #[serde(rename = "poste")]
    pub extension: String,
    #[serde(rename = "courriel")]
    pub email: String,
}

/// The ministry's acknowledgement of a designation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub numero: String,
    #[serde(with = "time::serde::rfc3339")]
    pub recu_le: OffsetDateTime,
}

/// The ministry's refusal, in its own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub erreurs: Vec<ServerFieldError>,
    #[serde(with = "time::serde::rfc3339")]
    pub le: OffsetDateTime,
}

/// One field error returned by the server (422).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerFieldError {
    pub champ: String,
    pub message: String,
}

/// Where a designation is in the outbox. Written to the draft file before every attempt, so a
/// crash or power cut in the middle of a send neither loses it nor sends it twice (the draft's id
/// is the idempotency key of every attempt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    #[serde(rename = "mise_en_file_le", with = "time::serde::rfc3339")]
    pub queued_at: OffsetDateTime,
    /// Attempts started, including one interrupted by a crash.
    #[serde(rename = "tentatives", default)]
    pub attempts: u32,
    #[serde(
        rename = "derniere_tentative",
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_attempt: Option<OffsetDateTime>,
    /// When the next automatic attempt is due; `None`: at once.
    #[serde(
        rename = "prochaine_tentative",
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub next_attempt: Option<OffsetDateTime>,
    /// Why the last attempt did not go through (it will be tried again).
    #[serde(
        rename = "dernier_echec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_failure: Option<SendFailure>,
}

impl OutboxEntry {
    pub fn new(queued_at: OffsetDateTime) -> Self {
        OutboxEntry {
            queued_at,
            attempts: 0,
            last_attempt: None,
            next_attempt: None,
            last_failure: None,
        }
    }
}

/// A failure that will be retried, as a code the interface puts in words, and the details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendFailure {
    pub code: FailureKind,
    /// The technical details (the HTTP status, the network error), for support.
    #[serde(default)]
    pub detail: String,
}

/// Why an attempt to send did not go through; each is retried later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FailureKind {
    /// No endpoint is configured on this computer.
    #[serde(rename = "non_configure")]
    NotConfigured,
    /// The service could not be reached (no network, name not found, connection refused or cut).
    #[serde(rename = "hors_ligne")]
    Offline,
    /// The service did not answer in time.
    #[serde(rename = "delai_depasse")]
    Timeout,
    /// The service asked to come back later (429, 503).
    #[serde(rename = "occupe")]
    Busy,
    /// The service failed (other 5xx).
    #[serde(rename = "erreur_serveur")]
    ServerError,
    /// The answer was not what the contract says (malformed, too large, unexpected status).
    #[serde(rename = "reponse_invalide")]
    BadResponse,
}

impl FailureKind {
    /// The Fluent id of the failure in words.
    pub fn message_id(self) -> &'static str {
        match self {
            FailureKind::NotConfigured => "failure-not-configured",
            FailureKind::Offline => "failure-offline",
            FailureKind::Timeout => "failure-timeout",
            FailureKind::Busy => "failure-busy",
            FailureKind::ServerError => "failure-server-error",
            FailureKind::BadResponse => "failure-bad-response",
        }
    }
}
