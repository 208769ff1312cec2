//! The wizard: a pure state machine over one designation.
//!
//! choix du formulaire → organisme → demandeur → gestionnaire → vérification → envoi →
//! confirmée / en attente d'envoi / refusée.
//!
//! Invariants (checked by property tests): every question step before the current one is
//! valid; nothing reaches `envoi` with an error; no answer the user typed is ever dropped.

use time::OffsetDateTime;

use crate::designation::normalize::{self, clean_text};
use crate::designation::{
    Designation, Field, Manager, ManagerDetails, Problem, Receipt, Refusal, Status, Step, validate,
    validate_step,
};
use crate::reference::Reference;

/// What the user or the outside world does to the wizard.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A new value typed or chosen for a field of the current step.
    Edit(Field, String),
    /// Continuer.
    Next,
    /// The back link.
    Back,
    /// "Modifier" on a section of the review: answer that step, then return to the review.
    Change(Step),
    /// "Envoyer la désignation" on the review: the designation goes to the outbox.
    Submit,
    /// The username look-up found the person.
    LookedUp {
        username: String,
        details: ManagerDetails,
    },
    /// The username look-up answered that nobody has this username.
    UsernameUnknown { username: String },
    /// The ministry accepted the designation.
    Accepted(Receipt),
    /// Sending failed for now (offline, server busy); it stays in the outbox.
    Deferred,
    /// The ministry refused the designation.
    Refused(Refusal),
}

/// What an event did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Answers changed: the draft needs saving.
    Edited,
    /// The wizard moved to another step (answers may have been normalized: save too).
    Moved { from: Step, to: Step },
    /// Continuer or Envoyer was refused; `Wizard::problems` lists why.
    Blocked,
    /// The event does not apply in this state; nothing changed.
    Ignored,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Wizard {
    draft: Designation,
    /// Set by "Modifier" on the review: Continuer then goes back to the review.
    returning_to_review: bool,
    /// The problems that blocked the last Continuer or Envoyer, for the error summary.
    problems: Vec<Problem>,
}

impl Wizard {
    /// A wizard on a new, empty draft.
    pub fn new(now: OffsetDateTime) -> Self {
        Self::resume(Designation::new(now), Reference::get())
    }

    /// Reopens a draft where it was left. A draft whose earlier answers are no longer valid
    /// (edited by hand, reference lists updated) reopens at the first step that needs work.
    pub fn resume(mut draft: Designation, refs: &Reference) -> Self {
        draft.step = match draft.step {
            // A send that was interrupted is still in the outbox.
            Step::Sending => Step::Queued,
            s => s,
        };
        let stop = if draft.step.is_question() || draft.step == Step::Review {
            draft.step
        } else {
            Step::Review
        };
        for step in Step::QUESTIONS.into_iter().filter(|s| *s < stop) {
            normalize_step(&mut draft, step);
        }
        if matches!(draft.status, Status::Draft | Status::Refused)
            && let Some(bad) = Step::QUESTIONS
                .into_iter()
                .filter(|s| *s < stop)
                .find(|s| has_errors(&draft, refs, *s))
        {
            draft.step = bad;
        }
        // A refused designation reopens at what the ministry named; once it is fixed,
        // Continuer leads back to the review, to send it again.
        let returning_to_review = draft.status == Status::Refused && draft.step.is_question();
        Wizard {
            draft,
            returning_to_review,
            problems: Vec::new(),
        }
    }

    pub fn draft(&self) -> &Designation {
        &self.draft
    }

    pub fn into_draft(self) -> Designation {
        self.draft
    }

    pub fn step(&self) -> Step {
        self.draft.step
    }

    pub fn returning_to_review(&self) -> bool {
        self.returning_to_review
    }

    /// The problems that blocked the last Continuer or Envoyer (empty once the user moves on).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Records when the draft reached the disk (its `modifie_le`); not a change of answers.
    pub fn mark_saved(&mut self, at: OffsetDateTime) {
        self.draft.updated_at = at;
    }

    /// Whether answers can still be changed (not in the outbox, not sent).
    pub fn is_editable(&self) -> bool {
        matches!(self.draft.status, Status::Draft | Status::Refused)
    }

    pub fn apply(&mut self, event: Event, refs: &Reference) -> Outcome {
        match event {
            Event::Edit(field, value) => self.edit(field, value, refs),
            Event::Next => self.next(refs),
            Event::Back => self.back(),
            Event::Change(step) => self.change(step),
            Event::Submit => self.submit(refs),
            Event::LookedUp { username, details } => self.looked_up(&username, details),
            Event::UsernameUnknown { username } => self.username_unknown(&username),
            Event::Accepted(receipt) => self.accepted(receipt),
            Event::Deferred => self.deferred(),
            Event::Refused(refusal) => self.refused(refusal),
        }
    }

    fn edit(&mut self, field: Field, value: String, refs: &Reference) -> Outcome {
        if !self.is_editable_now() || field.step() != self.draft.step || field.is_looked_up() {
            return Outcome::Ignored;
        }
        let d = &mut self.draft;
        let before = d.clone();
        if field.set(d, value).is_err() {
            return Outcome::Ignored;
        }
        match field {
            Field::ManagerUsername => {
                let old = normalize::username(&before.manager.username);
                if normalize::username(&d.manager.username) != old || old.is_none() {
                    forget_manager_details(d);
                }
            }
            Field::Municipality => follow_municipality(d, &before, refs),
            _ => {}
        }
        if *d == before {
            return Outcome::Ignored;
        }
        if d.status == Status::Refused {
            d.status = Status::Draft;
        }
        Outcome::Edited
    }

    fn is_editable_now(&self) -> bool {
        self.is_editable() && self.draft.step.is_question()
    }

    fn next(&mut self, refs: &Reference) -> Outcome {
        let from = self.draft.step;
        if !from.is_question() || !self.is_editable() {
            return Outcome::Ignored;
        }
        normalize_step(&mut self.draft, from);
        let problems = validate_step(&self.draft, refs, from);
        if problems.iter().any(Problem::is_error) {
            self.problems = errors_first(problems);
            return Outcome::Blocked;
        }
        let to = if self.returning_to_review {
            Step::Review
        } else {
            from.next().unwrap_or(Step::Review)
        };
        if to == Step::Review {
            // The review is reached only with every step valid: a change can make another step
            // incomplete (a category that now needs the code), and the back link from a change
            // may have left one so. Send the user there, then back to the review.
            if let Some(bad) = Step::QUESTIONS
                .into_iter()
                .find(|s| has_errors(&self.draft, refs, *s))
            {
                let outcome = self.move_to(bad);
                self.returning_to_review = true;
                return outcome;
            }
        }
        self.move_to(to)
    }

    /// Always allowed, and never validates: from a change made from the review, back to the
    /// review (whose problems then show there); otherwise to the previous step.
    fn back(&mut self) -> Outcome {
        let from = self.draft.step;
        let to = match from {
            _ if self.returning_to_review && from.is_question() => Some(Step::Review),
            Step::Refused if self.is_editable() => Some(Step::Review),
            _ => from.previous(),
        };
        match to {
            Some(to) => self.move_to(to),
            None => Outcome::Ignored,
        }
    }

    fn change(&mut self, step: Step) -> Outcome {
        let from = self.draft.step;
        if !step.is_question()
            || !self.is_editable()
            || !matches!(from, Step::Review | Step::Refused)
        {
            return Outcome::Ignored;
        }
        let outcome = self.move_to(step);
        self.returning_to_review = true;
        outcome
    }

    fn submit(&mut self, refs: &Reference) -> Outcome {
        if self.draft.step != Step::Review || !self.is_editable() {
            return Outcome::Ignored;
        }
        normalize::normalize(&mut self.draft);
        let problems = validate(&self.draft, refs);
        if let Some(first) = problems.iter().find(|p| p.is_error()) {
            // Only reachable when the reference lists changed under a draft: show the step.
            let step = first.field.step();
            self.move_to(step);
            self.returning_to_review = true;
            self.problems = errors_first(validate_step(&self.draft, refs, step));
            return Outcome::Blocked;
        }
        self.draft.status = Status::Queued;
        self.move_to(Step::Sending)
    }

    fn looked_up(&mut self, username: &str, details: ManagerDetails) -> Outcome {
        let m = &self.draft.manager;
        // A late answer for a username the user has since changed is stale.
        if !self.is_editable() || normalize::username(&m.username).as_deref() != Some(username) {
            return Outcome::Ignored;
        }
        fill_manager(&mut self.draft.manager, &details);
        Outcome::Edited
    }

    fn username_unknown(&mut self, username: &str) -> Outcome {
        let m = &self.draft.manager;
        if !self.is_editable() || normalize::username(&m.username).as_deref() != Some(username) {
            return Outcome::Ignored;
        }
        let before = self.draft.manager.clone();
        forget_manager_details(&mut self.draft);
        if self.draft.manager == before {
            Outcome::Ignored
        } else {
            Outcome::Edited
        }
    }

    fn in_outbox(&self) -> bool {
        self.draft.status == Status::Queued
    }

    fn accepted(&mut self, receipt: Receipt) -> Outcome {
        if !self.in_outbox() {
            return Outcome::Ignored;
        }
        self.draft.status = Status::Sent;
        self.draft.receipt = Some(receipt);
        self.draft.refusal = None;
        self.move_to(Step::Confirmed)
    }

    fn deferred(&mut self) -> Outcome {
        if !self.in_outbox() || self.draft.step == Step::Queued {
            return Outcome::Ignored;
        }
        self.move_to(Step::Queued)
    }

    fn refused(&mut self, refusal: Refusal) -> Outcome {
        if !self.in_outbox() {
            return Outcome::Ignored;
        }
        let reopen = refusal
            .erreurs
            .iter()
            .filter_map(|e| Field::from_path(&e.champ))
            .map(Field::step)
            .min();
        self.draft.status = Status::Refused;
        self.draft.refusal = Some(refusal);
        match reopen {
            Some(step) => {
                let outcome = self.move_to(step);
                self.returning_to_review = true;
                outcome
            }
            None => self.move_to(Step::Refused),
        }
    }

    fn move_to(&mut self, to: Step) -> Outcome {
        let from = self.draft.step;
        if from.is_question() && self.is_editable() {
            // Whichever way a step is left, its answers show in their normal form on return.
            normalize_step(&mut self.draft, from);
        }
        self.draft.step = to;
        self.problems.clear();
        if !to.is_question() {
            self.returning_to_review = false;
        }
        Outcome::Moved { from, to }
    }
}

fn has_errors(d: &Designation, refs: &Reference, step: Step) -> bool {
    validate_step(d, refs, step).iter().any(Problem::is_error)
}

/// Normalizes only the answers of one step, so leaving a step never rewrites another.
fn normalize_step(d: &mut Designation, step: Step) {
    let mut normal = d.clone();
    normalize::normalize(&mut normal);
    for field in Field::of_step(step) {
        let value = field.get(&normal);
        // Values come from the same designation, so choices always parse.
        let _ = field.set(d, value);
    }
}

/// Errors first, then warnings; each group in the order of the form.
fn errors_first(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort_by_key(|p| (p.severity, p.field));
    problems
}

/// Writes what the username look-up found, in normal form, and marks the details confirmed.
/// Also used by the outbox, which checks unconfirmed details again before sending.
pub fn fill_manager(m: &mut Manager, details: &ManagerDetails) {
    m.last_name = clean_text(&details.last_name);
    m.first_name = clean_text(&details.first_name);
    m.function = clean_text(&details.function);
    m.phone = normalize::field_value(Field::ManagerPhone, &details.phone);
    m.extension = normalize::field_value(Field::ManagerExtension, &details.extension);
    m.email = clean_text(&details.email);
    m.confirmed = true;
}

/// Details belong to one username: when it changes, they no longer apply.
fn forget_manager_details(d: &mut Designation) {
    let username = std::mem::take(&mut d.manager.username);
    d.manager = Manager {
        username,
        ..Default::default()
    };
}

/// Choosing a municipality fills the region and, when only one covers it, the provincial
/// riding — unless the user gave other values, which stay (validation will point them out).
fn follow_municipality(d: &mut Designation, before: &Designation, refs: &Reference) {
    let Some(new) = refs.municipality(d.organization.municipality.trim()) else {
        return;
    };
    let old = refs.municipality(before.organization.municipality.trim());
    let o = &mut d.organization;
    let region_was_derived = old.is_some_and(|m| m.region_code == o.region);
    if o.region.trim().is_empty() || region_was_derived {
        o.region = new.region_code.clone();
    }
    let single = |m: &crate::reference::Municipality| match m.provincial_ridings.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    };
    let riding_was_derived = old
        .and_then(single)
        .is_some_and(|r| r == o.provincial_riding);
    if (o.provincial_riding.trim().is_empty() || riding_was_derived)
        && let Some(only) = single(new)
    {
        o.provincial_riding = only;
    }
}
