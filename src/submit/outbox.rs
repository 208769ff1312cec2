//! The outbox: the designations waiting to be sent, and how each one is sent exactly once.
//!
//! The outbox is no separate file: a draft is in it while its status is `en_attente`, and its
//! bookkeeping (`file_envoi`: attempts, next try, last failure) lives in the draft file. Every
//! attempt is first recorded on disk, then sent with the draft's id as `Idempotency-Key`; so after
//! a crash or power cut at any moment the draft is still there, still `en_attente`, and the next
//! attempt — same key — gets the same numéro from the server instead of a second designation.
//!
//! Every attempt — Envoyer, `submit`, `send`, the timer, the start-up sweep — goes through
//! [`Outbox::send_one`], which first checks the designation with the rules of the form: a file
//! put in the drafts folder by hand, or rules that changed since it was queued, never reach the
//! ministry; the designation goes back to the user as a brouillon with its problems.
//!
//! The schedule (back-off, what is due) is pure and takes the clock as an argument; the sending
//! functions do the file and network work.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use time::OffsetDateTime;
use uuid::Uuid;

use super::client::{CallError, Client, SendOutcome, Transient};
use crate::designation::{
    Designation, FailureKind, Field, OutboxEntry, Problem, Receipt, Refusal, SendFailure,
    ServerFieldError, Status, Step, normalize, submission, validate,
};
use crate::reference::Reference;
use crate::store::{DraftStore, DraftSummary, ListStatus, StoreError};
use crate::wizard::{Event, Wizard, fill_manager};

/// The wait after the first failure; it doubles with each failure after that.
pub const FIRST_RETRY: Duration = Duration::from_secs(30);
/// The longest wait between two automatic attempts, whatever the server asks.
pub const MAX_RETRY: Duration = Duration::from_secs(15 * 60);
/// How many designations are sent at the same time.
pub const CONCURRENCY: usize = 8;
/// The refusal code of a username that the look-up before sending did not find.
pub const UNKNOWN_USERNAME: &str = "nom_utilisateur_inconnu";
/// The refusal code of a draft id (`Idempotency-Key`) the service already holds with other
/// answers (`resources/openapi.yaml`, `CleReutilisee`): these answers were not received.
pub const KEY_REUSED: &str = "cle_reutilisee";

/// The wait after `failures` failed attempts in a row (1, 2, …): 30 s, 1 min, 2 min, … capped at
/// 15 min, stretched by up to 1/8 depending on the draft's id so that many computers cut off by
/// the same outage do not all come back at the same second.
pub fn backoff(failures: u32, id: Uuid) -> Duration {
    let doublings = failures.saturating_sub(1).min(16);
    let base = FIRST_RETRY.saturating_mul(1u32 << doublings);
    let spread = u32::from(id.as_bytes()[15]); // 0..=255
    let stretched = base + base.mul_f64(f64::from(spread) / 255.0 / 8.0);
    stretched.min(MAX_RETRY)
}

/// When to try again after a failure: the back-off, or later if the server asked (`Retry-After`),
/// never more than [`MAX_RETRY`] from now.
pub fn retry_at(
    failures: u32,
    id: Uuid,
    retry_after: Option<Duration>,
    now: OffsetDateTime,
) -> OffsetDateTime {
    let wait = backoff(failures, id)
        .max(retry_after.unwrap_or_default())
        .min(MAX_RETRY);
    now + wait
}

/// Whether the outbox should try this draft at `now`.
pub fn is_due(d: &Designation, now: OffsetDateTime) -> bool {
    d.status == Status::Queued
        && d.outbox
            .as_ref()
            .and_then(|o| o.next_attempt)
            .is_none_or(|t| t <= now)
}

/// The drafts due at `now`, the longest waiting first.
pub fn due(drafts: &[Designation], now: OffsetDateTime) -> Vec<Uuid> {
    let mut due: Vec<&Designation> = drafts.iter().filter(|d| is_due(d, now)).collect();
    due.sort_by_key(|d| (d.outbox.as_ref().map(|o| o.queued_at), d.id));
    due.into_iter().map(|d| d.id).collect()
}

/// The earliest next attempt among waiting drafts, for the timer.
pub fn next_wake(drafts: &[Designation]) -> Option<OffsetDateTime> {
    drafts
        .iter()
        .filter(|d| d.status == Status::Queued)
        .filter_map(|d| d.outbox.as_ref().and_then(|o| o.next_attempt))
        .min()
}

/// Failures in a row since the last success (every attempt so far failed: the draft is waiting).
fn failures(d: &Designation) -> u32 {
    d.outbox.as_ref().map_or(0, |o| o.attempts)
}

/// Puts a designation the wizard has queued (`en_attente`) into the outbox: it is due at once.
/// A refusal from an earlier attempt no longer applies.
pub fn mark_queued(d: &mut Designation, now: OffsetDateTime) {
    d.status = Status::Queued;
    d.refusal = None;
    d.outbox = Some(OutboxEntry::new(now));
}

/// What one attempt did to a draft.
#[derive(Debug, Clone, PartialEq)]
pub enum AttemptResult {
    Accepted(Receipt),
    /// Still in the outbox: why, and when the next automatic attempt is.
    Deferred {
        failure: SendFailure,
        next: OffsetDateTime,
    },
    Refused(Refusal),
    /// Not sent: the designation breaks rules of the form (listed, in the order of the form).
    /// It is a brouillon again, out of the outbox, for the user to correct.
    Problems(Vec<Problem>),
    /// The draft was not in the outbox (already sent, refused, or changed back to a draft).
    NotQueued,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// The draft as now written on disk.
    pub draft: Designation,
    pub result: AttemptResult,
}

/// Why an attempt could not even be made: the draft file.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptError {
    pub id: Uuid,
    /// Boxed: the error is rare and large (paths), the success path carries only a pointer.
    pub error: Box<StoreError>,
}

/// Runs file work off the async threads (the GUI's runtime stays responsive).
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    crate::blocking::run(f).await
}

/// Whether a listed draft is one of the outbox's: waiting, or refused by the ministry.
pub fn in_outbox(s: &DraftSummary) -> bool {
    matches!(s.status, ListStatus::Queued | ListStatus::Refused)
}

/// The outbox of one data folder, sending through one client (none: nothing configured).
#[derive(Clone)]
pub struct Outbox {
    store: Arc<DraftStore>,
    client: Option<Client>,
}

impl Outbox {
    pub fn new(store: Arc<DraftStore>, client: Option<Client>) -> Outbox {
        Outbox { store, client }
    }

    pub fn store(&self) -> &Arc<DraftStore> {
        &self.store
    }

    pub fn client(&self) -> Option<&Client> {
        self.client.as_ref()
    }

    /// The designations in the outbox (waiting), and the refused ones, the oldest first.
    pub fn contents(&self) -> Result<Vec<Designation>, StoreError> {
        let listing = self.store.list()?;
        self.contents_among(&listing.drafts)
    }

    /// As [`Outbox::contents`], from a listing of the drafts folder just read: the window's
    /// start-up reads the folder once for its list and its outbox (with 5,000 drafts a second
    /// listing cost as much as the first). Each candidate is read again from its file, whose
    /// status decides.
    pub fn contents_among(&self, drafts: &[DraftSummary]) -> Result<Vec<Designation>, StoreError> {
        let mut out = Vec::new();
        for s in drafts.iter().filter(|s| in_outbox(s)) {
            match self.store.load(s.id) {
                Ok(d) if matches!(d.status, Status::Queued | Status::Refused) => out.push(d),
                Ok(_) => {}
                // Deleted or set aside since the listing: not in the outbox any more.
                Err(StoreError::NotFound { .. } | StoreError::Unreadable { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        out.sort_by_key(|d| (d.outbox.as_ref().map(|o| o.queued_at), d.created_at));
        Ok(out)
    }

    /// The designations waiting to be sent.
    pub fn waiting(&self) -> Result<Vec<Designation>, StoreError> {
        Ok(self
            .contents()?
            .into_iter()
            .filter(|d| d.status == Status::Queued)
            .collect())
    }

    /// Writes a queued designation (see [`mark_queued`]) to disk; it is then in the outbox.
    pub fn enqueue(&self, d: &Designation) -> Result<(), StoreError> {
        self.store.write(d)
    }

    /// One attempt to send one designation. The attempt is on disk before the request leaves,
    /// and its result is on disk before this returns.
    pub async fn send_one(&self, id: Uuid) -> Result<Attempt, AttemptError> {
        let fail = |error| AttemptError {
            id,
            error: Box::new(error),
        };
        let store = self.store.clone();
        let now = OffsetDateTime::now_utc();
        let (mut draft, problems) = blocking(move || {
            let mut d = store.load(id)?;
            if d.status != Status::Queued {
                return Ok((d, Vec::new()));
            }
            let problems = check(&mut d);
            if problems.is_empty() {
                let entry = d.outbox.get_or_insert_with(|| OutboxEntry::new(now));
                entry.attempts += 1;
                entry.last_attempt = Some(now);
                d.step = Step::Sending;
            } else {
                back_to_draft(&mut d);
            }
            store.write(&d)?;
            Ok((d, problems))
        })
        .await
        .map_err(fail)?;
        if !problems.is_empty() {
            return Ok(Attempt {
                draft,
                result: AttemptResult::Problems(problems),
            });
        }
        if draft.status != Status::Queued {
            return Ok(Attempt {
                draft,
                result: AttemptResult::NotQueued,
            });
        }
        let result = self.attempt(&mut draft).await;
        let store = self.store.clone();
        let (draft, result) = blocking(move || {
            let (draft, result) = record(draft, result, OffsetDateTime::now_utc());
            store.write(&draft)?;
            Ok((draft, result))
        })
        .await
        .map_err(fail)?;
        Ok(Attempt { draft, result })
    }

    /// The network part: confirm the gestionnaire if the look-up could not, then send.
    async fn attempt(&self, draft: &mut Designation) -> SendOutcome {
        let Some(client) = &self.client else {
            return SendOutcome::Transient(Transient {
                failure: SendFailure {
                    code: FailureKind::NotConfigured,
                    detail: String::new(),
                },
                retry_after: None,
            });
        };
        if !draft.manager.confirmed {
            match client.get_user(draft.manager.username.trim()).await {
                Ok(Some(details)) => fill_manager(&mut draft.manager, &details),
                Ok(None) => {
                    return SendOutcome::Refused(Refusal {
                        code: UNKNOWN_USERNAME.into(),
                        message: String::new(),
                        erreurs: vec![ServerFieldError {
                            champ: Field::ManagerUsername.path().into(),
                            message: String::new(),
                        }],
                        le: OffsetDateTime::now_utc(),
                    });
                }
                Err(CallError::Unauthorized(detail)) => {
                    return SendOutcome::Refused(Refusal {
                        code: "non_autorise".into(),
                        message: detail,
                        erreurs: Vec::new(),
                        le: OffsetDateTime::now_utc(),
                    });
                }
                // Sending now would send unconfirmed details: wait until the look-up answers.
                Err(CallError::Failure(failure)) => {
                    return SendOutcome::Transient(Transient {
                        failure,
                        retry_after: None,
                    });
                }
            }
        }
        client.send(&submission(draft)).await
    }

    /// Sends these designations, at most `concurrency` at a time; each one at most once at a time.
    pub async fn send_many(
        &self,
        ids: Vec<Uuid>,
        concurrency: usize,
    ) -> Vec<Result<Attempt, AttemptError>> {
        let unique: Vec<Uuid> = {
            let mut seen = HashSet::new();
            ids.into_iter().filter(|id| seen.insert(*id)).collect()
        };
        futures_util::stream::iter(unique)
            .map(|id| {
                let outbox = self.clone();
                async move {
                    match tokio::spawn(async move { outbox.send_one(id).await }).await {
                        Ok(result) => result,
                        Err(e) => std::panic::resume_unwind(e.into_panic()),
                    }
                }
            })
            .buffer_unordered(concurrency.max(1))
            .collect()
            .await
    }

    /// Every designation waiting, due or not ("Envoyer maintenant", `piqm-acces send`).
    pub async fn send_all(&self) -> Result<Vec<Result<Attempt, AttemptError>>, StoreError> {
        let store = self.store.clone();
        let outbox = Outbox::new(store, None);
        let ids: Vec<Uuid> = blocking(move || outbox.waiting())
            .await?
            .iter()
            .map(|d| d.id)
            .collect();
        Ok(self.send_many(ids, CONCURRENCY).await)
    }

    /// The designations whose time has come (start-up, the timer).
    pub async fn send_due(
        &self,
        now: OffsetDateTime,
    ) -> Result<Vec<Result<Attempt, AttemptError>>, StoreError> {
        let outbox = Outbox::new(self.store.clone(), None);
        let waiting = blocking(move || outbox.waiting()).await?;
        Ok(self.send_many(due(&waiting, now), CONCURRENCY).await)
    }
}

/// The rules of the form, as Envoyer checks them: the answers in normal form, then the errors
/// (warnings do not stop a sending).
pub fn check(d: &mut Designation) -> Vec<Problem> {
    normalize::normalize(d);
    validate(d, Reference::get())
        .into_iter()
        .filter(Problem::is_error)
        .collect()
}

/// Out of the outbox, back to the user: a brouillon on the review, which reopens at the first
/// step to correct.
fn back_to_draft(d: &mut Designation) {
    d.status = Status::Draft;
    d.outbox = None;
    d.step = Step::Review;
}

/// Writes the outcome of an attempt into the draft (pure: the caller saves it). Acceptance and
/// refusal go through the wizard, which owns those transitions.
pub fn record(
    draft: Designation,
    outcome: SendOutcome,
    now: OffsetDateTime,
) -> (Designation, AttemptResult) {
    match outcome {
        SendOutcome::Accepted(receipt) => {
            let mut w = Wizard::resume(draft, Reference::get());
            w.apply(Event::Accepted(receipt.clone()), Reference::get());
            let mut d = w.into_draft();
            if let Some(o) = d.outbox.as_mut() {
                o.next_attempt = None;
                o.last_failure = None;
            }
            (d, AttemptResult::Accepted(receipt))
        }
        SendOutcome::Refused(refusal) => {
            let mut w = Wizard::resume(draft, Reference::get());
            w.apply(Event::Refused(refusal.clone()), Reference::get());
            let mut d = w.into_draft();
            if let Some(o) = d.outbox.as_mut() {
                o.next_attempt = None;
            }
            (d, AttemptResult::Refused(refusal))
        }
        SendOutcome::Transient(t) => {
            let mut d = draft;
            let next = retry_at(failures(&d).max(1), d.id, t.retry_after, now);
            let entry = d.outbox.get_or_insert_with(|| OutboxEntry::new(now));
            entry.next_attempt = Some(next);
            entry.last_failure = Some(t.failure.clone());
            d.step = Step::Queued;
            (
                d,
                AttemptResult::Deferred {
                    failure: t.failure,
                    next,
                },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(last: u8) -> Uuid {
        let mut bytes = [0x11; 16];
        bytes[15] = last;
        Uuid::from_bytes(bytes)
    }

    fn at(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(seconds)
    }

    #[test]
    fn the_wait_doubles_and_stops_at_fifteen_minutes() {
        let waits: Vec<u64> = (1..=8).map(|n| backoff(n, id(0)).as_secs()).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 900, 900, 900]);
        assert_eq!(backoff(u32::MAX, id(255)), MAX_RETRY);
        // The spread: at most 1/8 more, never past the cap.
        assert_eq!(backoff(1, id(255)).as_secs_f64(), 30.0 * 1.125);
        assert!((1..40).all(|n| backoff(n, id(255)) <= MAX_RETRY));
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let now = at(1000);
        assert_eq!(retry_at(1, id(0), None, now), at(1030));
        assert_eq!(
            retry_at(1, id(0), Some(Duration::from_secs(120)), now),
            at(1120)
        );
        assert_eq!(
            retry_at(1, id(0), Some(Duration::from_secs(86_400)), now),
            at(1900)
        );
        assert_eq!(
            retry_at(3, id(0), Some(Duration::from_secs(1)), now),
            at(1120)
        );
    }

    fn queued(n: u8, queued_at: i64, next: Option<i64>) -> Designation {
        let mut d = Designation::new(at(0));
        d.id = id(n);
        mark_queued(&mut d, at(queued_at));
        d.outbox.as_mut().unwrap().next_attempt = next.map(at);
        d
    }

    #[test]
    fn what_is_due_and_when_to_wake() {
        let mut sent = queued(4, 0, None);
        sent.status = Status::Sent;
        let drafts = vec![
            queued(1, 50, Some(200)),
            queued(2, 10, None),
            queued(3, 20, Some(100)),
            sent,
        ];
        assert_eq!(due(&drafts, at(99)), vec![id(2)]);
        assert_eq!(due(&drafts, at(100)), vec![id(2), id(3)]);
        assert_eq!(due(&drafts, at(1000)), vec![id(2), id(3), id(1)]);
        assert_eq!(next_wake(&drafts), Some(at(100)));
        assert_eq!(next_wake(&[]), None);
    }

    #[test]
    fn a_failure_schedules_the_next_try_and_keeps_the_draft_waiting() {
        let mut d = queued(0, 0, None);
        d.outbox.as_mut().unwrap().attempts = 2;
        d.step = Step::Sending;
        let outcome = SendOutcome::Transient(Transient {
            failure: SendFailure {
                code: FailureKind::Offline,
                detail: "refused".into(),
            },
            retry_after: None,
        });
        let (d, result) = record(d, outcome, at(500));
        assert_eq!(d.status, Status::Queued);
        assert_eq!(d.step, Step::Queued);
        let o = d.outbox.unwrap();
        assert_eq!(o.next_attempt, Some(at(560)));
        assert_eq!(o.last_failure.unwrap().code, FailureKind::Offline);
        assert!(matches!(result, AttemptResult::Deferred { next, .. } if next == at(560)));
    }

    #[test]
    fn acceptance_and_refusal_go_through_the_wizard() {
        let receipt = Receipt {
            numero: "PIQM-2026-000001".into(),
            recu_le: at(10),
        };
        let (d, _) = record(
            queued(0, 0, None),
            SendOutcome::Accepted(receipt.clone()),
            at(10),
        );
        assert_eq!(
            (d.status, d.step, d.receipt),
            (Status::Sent, Step::Confirmed, Some(receipt))
        );
        let refusal = Refusal {
            code: "gestionnaire_deja_designe".into(),
            message: "Déjà un gestionnaire.".into(),
            erreurs: vec![],
            le: at(10),
        };
        let (d, _) = record(
            queued(0, 0, None),
            SendOutcome::Refused(refusal.clone()),
            at(10),
        );
        assert_eq!((d.status, d.refusal), (Status::Refused, Some(refusal)));
    }
}
