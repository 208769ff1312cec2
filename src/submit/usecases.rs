//! The use cases of sending, called by the window and the command line alike:
//!
//! - submit a designation: [`submit_designation`] (normalize, validate, put it in the outbox at
//!   the step "en attente d'envoi", try to send it once);
//! - submit a file (`piqm-acces submit FILE`): [`submit_file`], the same once the file's answers
//!   have come in as a brouillon ([`as_outside_draft`]);
//! - send the outbox: [`Outbox::send_all`] (everything waiting), [`Outbox::send_due`] (what the
//!   timer finds due), [`Outbox::send_many`] (the ones the window has read and is not already
//!   sending);
//! - look a username up: [`Client::get_user`](super::Client::get_user), which the window reaches
//!   through [`UserLookup`](crate::lookup::UserLookup) so that its tests can answer offline.
//!
//! The results are typed; each face puts them into its own words.

use time::OffsetDateTime;

use uuid::Uuid;

use super::outbox::{self, Attempt, AttemptError, Outbox};
use crate::designation::{Designation, Problem, Status, Step, normalize, validate};
use crate::reference::Reference;
use crate::store::{History, OutsideDraft, as_outside_draft};

/// What [`submit_designation`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Submitted {
    /// The designation has errors (listed, in the order of the form): nothing was queued.
    Problems(Vec<Problem>),
    /// A designation with this id was already accepted (as now on disk): nothing was sent again.
    AlreadySent(Designation),
    /// It is in the outbox; what its first attempt did (accepted, refused, or still waiting).
    Attempted(Attempt),
}

/// Readies a designation for the outbox, without any I/O: its answers in normal form, every
/// rule checked (the errors are returned, and nothing changes but the normal form), then marked
/// waiting from `now`, at the step "en attente d'envoi".
pub fn queue(
    d: &mut Designation,
    refs: &Reference,
    now: OffsetDateTime,
) -> Result<(), Vec<Problem>> {
    normalize::normalize(d);
    // The same rules as every attempt ([`outbox::check`]), against these reference lists.
    let errors: Vec<Problem> = validate(d, refs)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    outbox::mark_queued(d, now);
    d.step = Step::Queued;
    Ok(())
}

/// "Envoyer la désignation" (`piqm-acces submit`): never twice for one id; otherwise
/// [`queue`], written to the outbox, and one attempt to send it.
pub async fn submit_designation(
    outbox: &Outbox,
    mut d: Designation,
) -> Result<Submitted, AttemptError> {
    let id = d.id;
    if let Some(existing) = already_sent(outbox, id).await {
        return Ok(Submitted::AlreadySent(existing));
    }
    if let Err(problems) = queue(&mut d, Reference::get(), OffsetDateTime::now_utc()) {
        return Ok(Submitted::Problems(problems));
    }
    let writer = outbox.clone();
    crate::blocking::run(move || writer.enqueue(&d))
        .await
        .map_err(|error| AttemptError {
            id,
            error: Box::new(error),
        })?;
    outbox.send_one(id).await.map(Submitted::Attempted)
}

/// The designation of this id in the drafts folder, if it was accepted. A draft that cannot be
/// read is no accepted designation: only a readable "envoyée" counts.
async fn already_sent(outbox: &Outbox, id: Uuid) -> Option<Designation> {
    let store = outbox.store().clone();
    crate::blocking::run(move || store.load(id))
        .await
        .ok()
        .filter(|d| d.status == Status::Sent)
}

/// What [`submit_file`] did, and what the file said of its past (to tell the user).
#[derive(Debug, Clone, PartialEq)]
pub struct SubmittedFile {
    pub history: Option<History>,
    pub submitted: Submitted,
}

/// `piqm-acces submit FILE`: the user sends a file's answers. What this folder did under the
/// file's id stands: sent, it is not sent again; waiting in this outbox, that designation gets
/// its attempt (never a second one beside it). Otherwise the file comes in as every import does
/// ([`as_outside_draft`]: a brouillon, its gestionnaire looked up again, a new id if it had been
/// queued, sent or refused elsewhere), then [`submit_designation`].
pub async fn submit_file(outbox: &Outbox, d: Designation) -> Result<SubmittedFile, AttemptError> {
    let id = d.id;
    let store = outbox.store().clone();
    let here = crate::blocking::run(move || store.load(id)).await.ok();
    let done_here = |submitted| {
        Ok(SubmittedFile {
            history: None,
            submitted,
        })
    };
    match here.map(|h| (h.status, h)) {
        Some((Status::Sent, existing)) => return done_here(Submitted::AlreadySent(existing)),
        Some((Status::Queued, _)) => {
            return done_here(Submitted::Attempted(outbox.send_one(id).await?));
        }
        _ => {}
    }
    let OutsideDraft { draft, history } = as_outside_draft(d, OffsetDateTime::now_utc());
    let submitted = submit_designation(outbox, draft).await?;
    Ok(SubmittedFile { history, submitted })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::designation::{Field, from_json};

    fn example() -> Designation {
        from_json(include_str!("../../resources/examples/municipalite.json")).unwrap()
    }

    #[test]
    fn a_complete_designation_is_queued_at_the_step_en_attente() {
        let mut d = example();
        d.organization.postal_code = "g6w7w9".into();
        let now = OffsetDateTime::UNIX_EPOCH;
        queue(&mut d, Reference::get(), now).unwrap();
        assert_eq!(d.status, Status::Queued);
        assert_eq!(d.step, Step::Queued);
        assert_eq!(d.organization.postal_code, "G6W 7W9", "in normal form");
        assert_eq!(d.outbox.as_ref().unwrap().queued_at, now);
        assert!(outbox::is_due(&d, now), "due at once");
    }

    #[test]
    fn a_designation_with_errors_is_not_queued_and_every_error_is_listed() {
        let mut d = example();
        d.organization.name.clear();
        d.requester.email = "pas un courriel".into();
        let before = (d.status, d.step);
        let errors = queue(&mut d, Reference::get(), OffsetDateTime::UNIX_EPOCH).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|p| p.field).collect();
        assert!(fields.contains(&Field::OrgName), "{fields:?}");
        assert!(fields.contains(&Field::RequesterEmail), "{fields:?}");
        assert!(errors.iter().all(Problem::is_error));
        assert_eq!((d.status, d.step), before, "left as it was");
        assert!(d.outbox.is_none());
    }
}
