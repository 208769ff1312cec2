//! Moving drafts between computers (export, import) and copying them (duplicate).
//!
//! A file from elsewhere brings answers, never acts: whatever it says about sending (waiting in
//! the outbox, sent under a numéro, refused, a gestionnaire already confirmed) was done — if it
//! was done at all — by another computer, and a file can say anything. Every way in (`drafts
//! import`, the window's import, `submit FILE`, a signed PDF copy) goes through
//! [`as_outside_draft`], which keeps that past only as words for the user ([`History`]).

use std::fs;
use std::path::Path;

use time::OffsetDateTime;
use uuid::Uuid;

use super::{Action, DraftStore, StoreError, read, to_bytes};
use crate::designation::{Designation, SCHEMA_VERSION, Status, Step};
use crate::fsutil::{Access, write_atomic};
use crate::i18n::Localizer;

/// What to do when an imported draft has the id of one already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    /// The imported draft takes the place of the existing one, which goes to the trash.
    Replace,
    /// The imported draft is kept as a separate draft, with a new id.
    KeepBoth,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The draft as now stored (with its new id when both were kept).
    pub draft: Designation,
    pub outcome: ImportOutcome,
    /// What the file said had been done with it, to tell the user; `None` for a plain draft.
    pub history: Option<History>,
}

/// What a file from elsewhere said about its sending. Only words for the user: nothing here is
/// trusted, and the imported draft is a brouillon whatever it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum History {
    /// It said it had been accepted under this numéro, at this time.
    Sent {
        numero: String,
        received: OffsetDateTime,
    },
    /// It said it was waiting in an outbox.
    Queued,
    /// It said it had been refused (its reasons are not kept: they were about that sending).
    Refused { on: Option<OffsetDateTime> },
}

impl History {
    /// "Copie d'une désignation envoyée n° … le … : …" — what the file said, and what it now is.
    pub fn words(&self, l: &Localizer) -> String {
        match self {
            History::Sent { numero, received } => l.t_args(
                "import-history-sent",
                &[
                    ("numero", numero.clone().into()),
                    ("date", l.long_date_time(*received).into()),
                ],
            ),
            History::Queued => l.t("import-history-queued"),
            History::Refused { on: Some(on) } => l.t_args(
                "import-history-refused",
                &[("date", l.long_date_time(*on).into())],
            ),
            History::Refused { on: None } => l.t("import-history-refused-undated"),
        }
    }
}

/// A draft read from a file made elsewhere, as it may enter this computer.
#[derive(Debug, Clone, PartialEq)]
pub struct OutsideDraft {
    pub draft: Designation,
    pub history: Option<History>,
}

/// The one gate of every import: the answers of `d`, as a brouillon this user reviews and sends.
/// Its status, receipt, refusal and outbox bookkeeping are dropped (kept as [`History`] words),
/// and the gestionnaire is looked up again before sending (`confirme` is a look-up made on
/// another computer, or typed by hand).
///
/// A file that had been queued, sent or refused gets a **new id**: its id is the
/// `Idempotency-Key` under which the ministry may already hold the other computer's answers, and
/// answers that change after they were sent must never travel under that key again. A plain
/// brouillon keeps its id, so that moving a draft between computers is a move (the import asks
/// about a draft with the same id).
pub fn as_outside_draft(mut d: Designation, now: OffsetDateTime) -> OutsideDraft {
    let history = match d.status {
        Status::Sent => Some(match &d.receipt {
            Some(r) => History::Sent {
                numero: r.numero.clone(),
                received: r.recu_le,
            },
            None => History::Queued,
        }),
        Status::Queued => Some(History::Queued),
        Status::Refused => Some(History::Refused {
            on: d.refusal.as_ref().map(|r| r.le),
        }),
        Status::Draft => None,
    };
    let acted_on =
        history.is_some() || d.receipt.is_some() || d.refusal.is_some() || d.outbox.is_some();
    d.manager.confirmed = false;
    if acted_on {
        d = copy_of(d, now);
    } else if !(d.step.is_question() || d.step == Step::Review) {
        // A brouillon never stands on a step of sending.
        d.step = Step::Review;
    }
    OutsideDraft { draft: d, history }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// No draft had this id.
    Added,
    /// It replaced the draft with the same id; that one is in the trash.
    Replaced,
    /// A draft had this id: the imported one was given a new id.
    KeptBoth { original_id: Uuid },
}

impl DraftStore {
    /// A new draft with the same answers: new id, status brouillon, no receipt or refusal; it
    /// reopens on the same step, or on the review if the original had been sent.
    pub fn duplicate(&self, id: Uuid) -> Result<Designation, StoreError> {
        self.writable()?;
        let copy = copy_of(self.load(id)?, OffsetDateTime::now_utc());
        self.write(&copy)?;
        Ok(copy)
    }

    /// Writes a copy of a draft to `to` (any folder: a USB key, a shared drive), replacing a
    /// file of that name: the file dialog has asked. Works on a read-only store too.
    pub fn export(&self, id: Uuid, to: &Path) -> Result<(), StoreError> {
        let draft = self.load(id)?;
        write_atomic(to, &to_bytes(&draft), Access::Shared)
            .map_err(|e| StoreError::io(Action::Export, to, &e))
    }

    /// Reads a draft file from anywhere (an import, before asking about a conflict).
    pub fn read_file(path: &Path) -> Result<Designation, StoreError> {
        read::read_draft(path, None).map_err(|problem| StoreError::Unreadable {
            path: path.to_path_buf(),
            problem,
            moved_to: None,
        })
    }

    /// Imports a draft file. If a draft with its id exists and `on_conflict` is `None`, nothing
    /// changes and [`StoreError::Conflict`] names that draft: ask, then call again with the
    /// answer. An incomplete draft is imported as it is (drafts may be incomplete).
    pub fn import(
        &self,
        path: &Path,
        on_conflict: Option<OnConflict>,
    ) -> Result<Imported, StoreError> {
        self.writable()?;
        let OutsideDraft { draft, history } =
            as_outside_draft(Self::read_file(path)?, OffsetDateTime::now_utc());
        let target = self.draft_path(draft.id);
        // An unreadable file under that name is moved to quarantine (with its note) by
        // `existing`, and is no conflict.
        let existing = self.existing(draft.id);
        let outcome = match (existing, on_conflict) {
            (None, _) => ImportOutcome::Added,
            (Some(existing), None) => {
                return Err(StoreError::Conflict {
                    existing: Box::new(existing),
                });
            }
            (Some(_), Some(OnConflict::Replace)) => {
                // The old draft is copied to the trash before being replaced, so that at every
                // moment one of the two is on disk.
                let old =
                    fs::read(&target).map_err(|e| StoreError::io(Action::Read, &target, &e))?;
                self.trash_copy(draft.id, &old)?;
                ImportOutcome::Replaced
            }
            (Some(_), Some(OnConflict::KeepBoth)) => ImportOutcome::KeptBoth {
                original_id: draft.id,
            },
        };
        let draft = match outcome {
            ImportOutcome::KeptBoth { .. } => copy_of(draft, OffsetDateTime::now_utc()),
            _ => draft,
        };
        self.write(&draft)?;
        Ok(Imported {
            draft,
            outcome,
            history,
        })
    }
}

/// A separate copy of a draft: new id, not sent, back to a step the user can work on.
fn copy_of(mut d: Designation, now: OffsetDateTime) -> Designation {
    d.id = Uuid::new_v4();
    d.schema_version = SCHEMA_VERSION;
    d.created_at = now;
    d.updated_at = now;
    d.status = Status::Draft;
    d.receipt = None;
    d.refusal = None;
    d.outbox = None;
    if !(d.step.is_question() || d.step == Step::Review) {
        d.step = Step::Review;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::designation::{OutboxEntry, Receipt, Refusal};

    fn at(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(seconds)
    }

    #[test]
    fn a_file_that_was_acted_on_arrives_as_a_new_brouillon_with_its_past_in_words() {
        let mut queued = Designation::new(at(0));
        queued.status = Status::Queued;
        queued.step = Step::Sending;
        queued.manager.confirmed = true;
        queued.outbox = Some(OutboxEntry::new(at(5)));
        let mut sent = queued.clone();
        sent.status = Status::Sent;
        sent.receipt = Some(Receipt {
            numero: "PIQM-2026-999999".into(),
            recu_le: at(10),
        });
        let mut refused = queued.clone();
        refused.status = Status::Refused;
        refused.refusal = Some(Refusal {
            code: "donnees_invalides".into(),
            message: String::new(),
            erreurs: Vec::new(),
            le: at(20),
        });
        let expected = [
            History::Queued,
            History::Sent {
                numero: "PIQM-2026-999999".into(),
                received: at(10),
            },
            History::Refused { on: Some(at(20)) },
        ];
        for (d, history) in [queued, sent, refused].into_iter().zip(expected) {
            let OutsideDraft { draft, history: h } = as_outside_draft(d.clone(), at(100));
            assert_eq!(h, Some(history));
            assert_ne!(
                draft.id, d.id,
                "a new id: the old one is another sending's key"
            );
            assert_eq!((draft.status, draft.step), (Status::Draft, Step::Review));
            assert_eq!(
                (draft.receipt, draft.refusal, draft.outbox),
                (None, None, None)
            );
            assert!(!draft.manager.confirmed);
            assert_eq!(draft.organization, d.organization);
        }
    }

    #[test]
    fn a_plain_brouillon_keeps_its_id_and_is_looked_up_again() {
        let mut d = Designation::new(at(0));
        d.step = Step::Confirmed;
        d.manager.confirmed = true;
        let OutsideDraft { draft, history } = as_outside_draft(d.clone(), at(100));
        assert_eq!(history, None);
        assert_eq!((draft.id, draft.created_at), (d.id, d.created_at));
        assert_eq!(draft.step, Step::Review);
        assert!(!draft.manager.confirmed);
        let fr = Localizer::new(crate::i18n::Lang::Fr);
        let words = History::Sent {
            numero: "PIQM-2026-000007".into(),
            received: at(10),
        }
        .words(&fr);
        assert!(
            words.contains("copie d'une désignation envoyée n° PIQM-2026-000007"),
            "{words}"
        );
    }
}
