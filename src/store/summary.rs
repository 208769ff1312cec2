//! One line of the drafts list: what the home screen and `drafts list` show of a draft.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::designation::{Designation, FormKind, Status, Step, validate};
use crate::i18n::Localizer;
use crate::reference::{FoldedQuery, Reference, fold};

/// The status shown in the list. "Prête à envoyer" is derived: a draft with no error left that is
/// not yet in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ListStatus {
    /// Being written; some answers are missing or need fixing.
    Draft,
    /// Complete and valid, not yet sent.
    Ready,
    /// In the outbox, waiting to be sent.
    Queued,
    /// Accepted by the ministry, with its number.
    Sent {
        number: String,
    },
    Refused,
}

impl ListStatus {
    pub fn of(d: &Designation, error_count: usize) -> ListStatus {
        match d.status {
            Status::Draft if error_count == 0 => ListStatus::Ready,
            Status::Draft => ListStatus::Draft,
            Status::Queued => ListStatus::Queued,
            Status::Sent => ListStatus::Sent {
                number: d
                    .receipt
                    .as_ref()
                    .map(|r| r.numero.clone())
                    .unwrap_or_default(),
            },
            Status::Refused => ListStatus::Refused,
        }
    }

    /// A stable code for scripts (`drafts list --json`).
    pub fn code(&self) -> &'static str {
        match self {
            ListStatus::Draft => "brouillon",
            ListStatus::Ready => "prete",
            ListStatus::Queued => "en_attente",
            ListStatus::Sent { .. } => "envoyee",
            ListStatus::Refused => "refusee",
        }
    }

    /// "brouillon", "prête à envoyer", "envoyée n° PIQM-2026-000123", …
    pub fn label(&self, l: &Localizer) -> String {
        match self {
            ListStatus::Draft => l.t("draft-status-draft"),
            ListStatus::Ready => l.t("draft-status-ready"),
            ListStatus::Queued => l.t("draft-status-queued"),
            ListStatus::Sent { number } if number.is_empty() => l.t("draft-status-sent"),
            ListStatus::Sent { number } => l.t_args(
                "draft-status-sent-number",
                &[("number", number.clone().into())],
            ),
            ListStatus::Refused => l.t("draft-status-refused"),
        }
    }
}

/// What the list shows of one draft, without its personal details beyond the organisme's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: Uuid,
    /// As typed; may be empty in a new draft.
    pub organization_name: String,
    pub form_kind: Option<FormKind>,
    /// The step the user was on.
    pub step: Step,
    pub status: ListStatus,
    /// Errors left to fix before the draft can be sent (0 for a ready draft).
    pub error_count: usize,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    /// The organisme's name folded for the filter box (see [`DraftFilter`]).
    pub(super) folded_name: String,
}

impl DraftSummary {
    pub fn of(d: &Designation, refs: &Reference) -> DraftSummary {
        let error_count = validate(d, refs).iter().filter(|p| p.is_error()).count();
        DraftSummary {
            id: d.id,
            organization_name: d.organization.name.clone(),
            form_kind: d.form.kind,
            step: d.step,
            status: ListStatus::of(d, error_count),
            error_count,
            created_at: d.created_at,
            updated_at: d.updated_at,
            folded_name: fold(&d.organization.name),
        }
    }

    /// The first 8 characters of the id: enough to tell drafts apart on the command line.
    pub fn short_id(&self) -> String {
        self.id.simple().to_string()[..8].to_string()
    }

    /// The organisme's name, or "(sans nom)" for a draft that has none yet.
    pub fn display_name(&self, l: &Localizer) -> String {
        if self.organization_name.trim().is_empty() {
            l.t("draft-unnamed")
        } else {
            self.organization_name.clone()
        }
    }

    /// Whether the draft can still be changed (the wizard agrees: not queued, not sent).
    pub fn is_editable(&self) -> bool {
        matches!(
            self.status,
            ListStatus::Draft | ListStatus::Ready | ListStatus::Refused
        )
    }
}

/// The drafts list's filter box: folded word-prefix match on the organisme's name (as the
/// municipality pickers do), or the start of the id, or the ministry's number.
#[derive(Debug, Clone)]
pub struct DraftFilter {
    raw: String,
    folded: FoldedQuery,
}

impl DraftFilter {
    pub fn new(query: &str) -> DraftFilter {
        DraftFilter {
            raw: query.trim().to_lowercase(),
            folded: FoldedQuery::new(query),
        }
    }

    pub fn matches(&self, s: &DraftSummary) -> bool {
        if self.raw.is_empty() {
            return true;
        }
        if !self.folded.is_empty() && self.folded.rank(&s.folded_name).is_some() {
            return true;
        }
        let id = s.id.as_hyphenated().to_string();
        if self.raw.len() >= 4
            && (id.starts_with(&self.raw) || s.id.simple().to_string().starts_with(&self.raw))
        {
            return true;
        }
        matches!(&s.status, ListStatus::Sent { number } if number.to_lowercase().contains(&self.raw))
    }
}
