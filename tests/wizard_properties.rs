//! Property tests of the wizard over random sequences of events.

use piqm_acces::designation::normalize::{clean_text, normalize};
use piqm_acces::designation::{
    Designation, Field, ManagerDetails, Receipt, Refusal, ServerFieldError, Status, Step, validate,
    validate_step,
};
use piqm_acces::reference::Reference;
use piqm_acces::wizard::{Event, Outcome, Wizard};
use proptest::prelude::*;
use time::OffsetDateTime;

fn refs() -> &'static Reference {
    Reference::get()
}

/// Values worth typing into each field: mostly valid ones, so that random runs get far.
fn values(field: Field) -> Vec<&'static str> {
    match field {
        Field::FormKind => vec!["municipalite", "organisme", "organisme", ""],
        Field::MunicipalCategory => vec!["ville", "ville", "village_nordique", "mrc", ""],
        Field::OrganizationCategory => vec!["cooperative", "autre", "inconnue", ""],
        Field::OrgName => vec!["Ville de Lévis", "Ville de Lévis", "  Régie\tde l'eau ", ""],
        Field::CivicNumber => vec!["", "2175", "B12"],
        Field::Street => vec!["chemin du Fleuve", "chemin du Fleuve", ""],
        Field::Municipality => vec!["25213", "10043", "25213", "99999", ""],
        Field::PostalCode => vec!["g6w7w9", "G5L-7C7", "K1A 0B1", "G1D 4J3", ""],
        Field::Region => vec!["", "12", "01", "42"],
        Field::ProvincialRiding => vec!["818", "838", "814", "", "999"],
        Field::FederalRiding => vec!["24040", "24040", "", "35001"],
        Field::IdentificationCode => vec!["LEV2008Q417", "LEV2008Q417", "", "a b"],
        Field::Civility => vec!["Mme", "M.", ""],
        Field::RequesterLastName | Field::RequesterFirstName | Field::RequesterFunction => {
            vec!["Bélanger", "Bélanger", "", " Greffière "]
        }
        Field::RequesterPhone => vec!["(418) 839-2002", "418.691.2005 poste 123", "839-2002", ""],
        Field::RequesterExtension => vec!["", "", "12", "poste"],
        Field::RequesterEmail => vec!["greffe@ville.levis.qc.ca", "greffe@levis", ""],
        Field::ManagerUsername => vec!["ABCD0001", "abcd0002", "abc", ""],
        _ => vec!["Côté", ""],
    }
}

fn field_strategy() -> impl Strategy<Value = Field> {
    (0..Field::ALL.len()).prop_map(|i| Field::ALL[i])
}

/// Mostly the first (valid) value of a field, sometimes any.
fn value_index() -> impl Strategy<Value = usize> {
    prop_oneof![3 => Just(0usize), 2 => 0usize..8]
}

fn step_strategy() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Choice),
        Just(Step::Organization),
        Just(Step::Requester),
        Just(Step::Manager),
        Just(Step::Review),
    ]
}

fn when() -> OffsetDateTime {
    OffsetDateTime::UNIX_EPOCH
}

/// What a random user does; turned into an [`Event`] against the wizard's current state, so that
/// runs answer the step they are on and get all the way to sending.
#[derive(Debug, Clone)]
enum Action {
    /// Answer a field of the current step.
    AnswerHere(usize, usize),
    /// Answer every field of the current step, one after the other (the n-th with the n-th index).
    FillHere(Vec<usize>),
    /// Type into any field, even one of another step (must be ignored there).
    AnswerAnywhere(Field, usize),
    Do(Event),
    /// The look-up answers for the username in the draft.
    LookUpFound,
    LookUpUnknown,
}

impl Action {
    /// The events of this action; most actions are one event.
    fn events(&self, w: &Wizard) -> Vec<Event> {
        match self {
            Action::FillHere(indices) => Field::of_step(w.step())
                .filter(|f| !f.is_looked_up())
                .zip(indices.iter().chain(std::iter::repeat(&0)))
                .map(|(f, i)| {
                    let vals = values(f);
                    Event::Edit(f, vals[i % vals.len()].to_string())
                })
                .collect(),
            _ => vec![self.event(w)],
        }
    }

    fn event(&self, w: &Wizard) -> Event {
        let pick = |f: Field, i: usize| {
            let vals = values(f);
            Event::Edit(f, vals[i % vals.len()].to_string())
        };
        let username = || w.draft().manager.username.trim().to_ascii_lowercase();
        match self {
            Action::AnswerHere(f, v) => {
                let fields: Vec<Field> = Field::of_step(w.step())
                    .filter(|f| !f.is_looked_up())
                    .collect();
                if fields.is_empty() {
                    Event::Next
                } else {
                    pick(fields[f % fields.len()], *v)
                }
            }
            Action::AnswerAnywhere(f, v) => pick(*f, *v),
            Action::FillHere(_) => Event::Next,
            Action::Do(e) => e.clone(),
            Action::LookUpFound => Event::LookedUp {
                username: username(),
                details: ManagerDetails {
                    last_name: "Côté".into(),
                    first_name: "Geneviève".into(),
                    phone: "4188392002".into(),
                    ..Default::default()
                },
            },
            Action::LookUpUnknown => Event::UsernameUnknown {
                username: username(),
            },
        }
    }
}

fn action_strategy() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => prop::collection::vec(value_index(), 0..10).prop_map(Action::FillHere),
        8 => (0usize..10, value_index()).prop_map(|(f, v)| Action::AnswerHere(f, v)),
        1 => (field_strategy(), value_index()).prop_map(|(f, v)| Action::AnswerAnywhere(f, v)),
        6 => Just(Action::Do(Event::Next)),
        2 => Just(Action::Do(Event::Back)),
        1 => step_strategy().prop_map(|s| Action::Do(Event::Change(s))),
        3 => Just(Action::Do(Event::Submit)),
        1 => Just(Action::LookUpFound),
        1 => Just(Action::LookUpUnknown),
        1 => Just(Action::Do(Event::Accepted(Receipt { numero: "PIQM-1".into(), recu_le: when() }))),
        1 => Just(Action::Do(Event::Deferred)),
        1 => field_strategy().prop_map(|f| Action::Do(Event::Refused(Refusal {
            code: "validation".into(),
            message: "Refusée".into(),
            erreurs: vec![ServerFieldError { champ: f.path().into(), message: "Non".into() }],
            le: when(),
        }))),
        1 => Just(Action::Do(Event::Refused(Refusal {
            code: "gestionnaire_deja_designe".into(),
            message: "Déjà désigné".into(),
            erreurs: vec![],
            le: when(),
        }))),
    ]
}

fn session_strategy() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec(action_strategy(), 1..120)
}

fn any_errors(d: &Designation) -> bool {
    Step::QUESTIONS.into_iter().any(|s| has_errors(d, s))
}

fn has_errors(d: &Designation, step: Step) -> bool {
    validate_step(d, refs(), step).iter().any(|p| p.is_error())
}

/// The meaning of a designation: every answer in its normal form.
fn meaning(d: &Designation) -> Designation {
    let mut n = d.clone();
    normalize(&mut n);
    n
}

/// What the user typed, replayed on a copy; checked against the wizard's draft.
struct Typed {
    expected: Designation,
}

impl Typed {
    fn record(&mut self, field: Field, value: &str, before: &Designation, after: &Designation) {
        field.set(&mut self.expected, value.to_string()).unwrap();
        if field == Field::Municipality {
            // Choosing a municipality may fill the region and riding; answers the user gave
            // that did not come from the previous municipality must stay.
            let old = refs().municipality(before.organization.municipality.trim());
            let e = &mut self.expected.organization;
            let region_typed =
                !clean_text(&e.region).is_empty() && old.is_none_or(|m| m.region_code != e.region);
            if region_typed {
                assert_eq!(after.organization.region, e.region, "typed region kept");
            }
            let old_single = old.filter(|m| m.provincial_ridings.len() == 1);
            let riding_typed = !clean_text(&e.provincial_riding).is_empty()
                && old_single.is_none_or(|m| m.provincial_ridings[0] != e.provincial_riding);
            if riding_typed {
                assert_eq!(
                    after.organization.provincial_riding, e.provincial_riding,
                    "typed riding kept"
                );
            }
            e.region = after.organization.region.clone();
            e.provincial_riding = after.organization.provincial_riding.clone();
        }
    }

    /// The user now sees the answers of `step` (of all steps at the review) in normal form.
    fn normalized(&mut self, step: Step) {
        let normal = meaning(&self.expected);
        for f in Field::ALL {
            if step == Step::Review || f.step() == step {
                f.set(&mut self.expected, f.get(&normal)).unwrap();
            }
        }
    }

    fn assert_nothing_lost(&self, actual: &Designation) {
        let (want, got) = (meaning(&self.expected), meaning(actual));
        for f in Field::ALL.into_iter().filter(|f| !f.is_looked_up()) {
            assert_eq!(f.get(&got), f.get(&want), "{f:?} lost or changed");
        }
    }
}

fn check_invariants(w: &Wizard, event: &Event, before: Step, outcome: &Outcome) {
    let d = w.draft();
    if matches!(w.step(), Step::Sending | Step::Queued | Step::Confirmed)
        || matches!(d.status, Status::Queued | Status::Sent)
    {
        let errors: Vec<_> = validate(d, refs())
            .into_iter()
            .filter(|p| p.is_error())
            .collect();
        assert!(errors.is_empty(), "sent with errors: {errors:?}");
    }
    if *event == Event::Next && matches!(outcome, Outcome::Moved { .. }) {
        assert!(
            !has_errors(d, before),
            "{before:?} left forward with errors"
        );
        if w.step() == Step::Review {
            for s in Step::QUESTIONS {
                assert!(!has_errors(d, s), "review reached with {s:?} invalid");
            }
        }
    }
}

/// Back, then forward again, gives the same state (answers compared by meaning).
fn check_back_then_forward(w: &Wizard) {
    let step = w.step();
    if !step.is_question() && step != Step::Review {
        // Outcomes of sending are not reached by Continuer.
        return;
    }
    if !w.returning_to_review()
        && step.previous().is_some_and(|p| {
            has_errors(w.draft(), p) || (step == Step::Review && any_errors(w.draft()))
        })
    {
        // Continuer from there would (rightly) stop on the problem.
        return;
    }
    let mut other = w.clone();
    if !matches!(other.apply(Event::Back, refs()), Outcome::Moved { .. }) {
        return;
    }
    let forward = if w.returning_to_review() {
        Event::Change(step)
    } else {
        Event::Next
    };
    other.apply(forward, refs());
    assert_eq!(other.step(), step);
    // Leaving a step puts its answers in normal form; their meaning is the same.
    assert_eq!(meaning(other.draft()), meaning(w.draft()));
    assert_eq!(other.returning_to_review(), w.returning_to_review());
}

enum EditApplies {
    /// Not on this step, not editable, a looked-up detail or an unknown choice.
    No,
    /// A new value: the edit must be taken.
    Changes,
    /// The same value again (it may still refill derived answers).
    SameValue,
}

fn edit_applies(w: &Wizard, field: Field, value: &str) -> EditApplies {
    let mut probe = w.draft().clone();
    if !w.is_editable()
        || w.step() != field.step()
        || field.is_looked_up()
        || field.set(&mut probe, value.to_string()).is_err()
    {
        EditApplies::No
    } else if probe != *w.draft() {
        EditApplies::Changes
    } else {
        EditApplies::SameValue
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_keep_every_promise(actions in session_strategy()) {
        let mut w = Wizard::new(when());
        let mut typed = Typed { expected: w.draft().clone() };
        for action in actions {
            for event in action.events(&w) {
                let before = w.draft().clone();
                let (step, editable) = (w.step(), w.is_editable());
                let edit = match &event {
                    Event::Edit(f, v) => Some((*f, v.clone(), edit_applies(&w, *f, v))),
                    _ => None,
                };
                let normalizes = match event {
                    Event::Next | Event::Back => step.is_question(),
                    Event::Submit => step == Step::Review,
                    _ => false,
                };
                let event_copy = event.clone();
                let outcome = w.apply(event, refs());
                if normalizes && editable {
                    // Continuer shows the step's answers in their normal form, blocked or not.
                    typed.normalized(step);
                }
                if let Some((field, value, applies)) = edit {
                    match applies {
                        EditApplies::No => prop_assert_eq!(&outcome, &Outcome::Ignored, "{:?}", field),
                        EditApplies::Changes => prop_assert_eq!(&outcome, &Outcome::Edited, "{:?}", field),
                        EditApplies::SameValue => {}
                    }
                    if outcome == Outcome::Edited {
                        typed.record(field, &value, &before, w.draft());
                    }
                }
                typed.assert_nothing_lost(w.draft());
                check_invariants(&w, &event_copy, step, &outcome);
                check_back_then_forward(&w);
            }
    }
    }
}

/// The generator is only worth something if random sessions get far: most must reach the
/// review and many must be sent.
#[test]
fn random_sessions_reach_the_review_and_beyond() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut reviewed, mut sent) = (0, 0);
    for _ in 0..200 {
        let actions = session_strategy().new_tree(&mut runner).unwrap().current();
        let mut w = Wizard::new(when());
        let mut furthest = Step::Choice;
        for action in actions {
            for event in action.events(&w) {
                w.apply(event, refs());
                furthest = furthest.max(w.step());
            }
        }
        if furthest < Step::Review {
            eprintln!("{:?} {:?}", w.step(), w.problems());
        }
        reviewed += usize::from(furthest >= Step::Review);
        sent += usize::from(furthest >= Step::Sending);
    }
    assert!(
        reviewed >= 60 && sent >= 30,
        "reviewed {reviewed}/200, sent {sent}/200"
    );
}

/// A straight run through a complete municipal designation, as a secretary would do it.
#[test]
fn a_complete_run_reaches_the_outbox_and_the_receipt() {
    let mut w = Wizard::new(when());
    let answers = [
        (Field::FormKind, "municipalite"),
        (Field::MunicipalCategory, "ville"),
        (Field::OrgName, "Ville de Lévis"),
        (Field::CivicNumber, "2175"),
        (Field::Street, "chemin du Fleuve"),
        (Field::Municipality, "25213"),
        (Field::PostalCode, "g6w7w9"),
        (Field::ProvincialRiding, "818"),
        (Field::FederalRiding, "24040"),
        (Field::IdentificationCode, "LEV2008Q417"),
        (Field::Civility, "Mme"),
        (Field::RequesterLastName, "Bélanger"),
        (Field::RequesterFirstName, "Hélène"),
        (Field::RequesterFunction, "Greffière"),
        (Field::RequesterPhone, "418.839.2002 poste 4120"),
        (Field::RequesterEmail, "greffe@ville.levis.qc.ca"),
        (Field::ManagerUsername, "GCOT0417"),
    ];
    let mut step = Step::Choice;
    for (field, value) in answers {
        if field.step() != step {
            assert_eq!(
                w.apply(Event::Next, refs()),
                Outcome::Moved {
                    from: step,
                    to: field.step()
                },
                "{:?}",
                w.problems()
            );
            step = field.step();
        }
        assert_eq!(
            w.apply(Event::Edit(field, value.into()), refs()),
            Outcome::Edited,
            "{field:?}"
        );
    }
    let d = w.draft();
    assert_eq!(d.organization.region, "12", "filled from Lévis");
    assert_eq!(
        w.apply(Event::Next, refs()),
        Outcome::Moved {
            from: Step::Manager,
            to: Step::Review
        }
    );
    let d = w.draft();
    assert_eq!(d.organization.postal_code, "G6W 7W9");
    assert_eq!(d.requester.phone, "418 839-2002");
    assert_eq!(d.requester.extension, "4120");
    assert_eq!(d.manager.username, "gcot0417");

    // Change a section from the review, and come straight back.
    w.apply(Event::Change(Step::Requester), refs());
    w.apply(
        Event::Edit(Field::RequesterFunction, "Greffière adjointe".into()),
        refs(),
    );
    assert_eq!(
        w.apply(Event::Next, refs()),
        Outcome::Moved {
            from: Step::Requester,
            to: Step::Review
        }
    );

    assert_eq!(
        w.apply(Event::Submit, refs()),
        Outcome::Moved {
            from: Step::Review,
            to: Step::Sending
        }
    );
    assert_eq!(w.draft().status, Status::Queued);
    assert_eq!(
        w.apply(Event::Edit(Field::RequesterFunction, "x".into()), refs()),
        Outcome::Ignored,
        "nothing changes in the outbox"
    );
    w.apply(Event::Deferred, refs());
    assert_eq!(w.step(), Step::Queued);
    let receipt = Receipt {
        numero: "PIQM-2026-000123".into(),
        recu_le: when(),
    };
    w.apply(Event::Accepted(receipt.clone()), refs());
    assert_eq!(w.step(), Step::Confirmed);
    assert_eq!(w.draft().status, Status::Sent);
    assert_eq!(w.draft().receipt.as_ref(), Some(&receipt));
}

#[test]
fn continuer_is_blocked_with_the_steps_problems_and_keeps_what_was_typed() {
    let mut w = Wizard::new(when());
    w.apply(Event::Edit(Field::FormKind, "organisme".into()), refs());
    w.apply(
        Event::Edit(Field::OrganizationCategory, "cooperative".into()),
        refs(),
    );
    w.apply(Event::Next, refs());
    w.apply(Event::Edit(Field::PostalCode, "G1D 4J3".into()), refs());
    assert_eq!(w.apply(Event::Next, refs()), Outcome::Blocked);
    let ids: Vec<_> = w.problems().iter().map(|p| p.message_id).collect();
    assert_eq!(ids[0], "err-org-name-missing");
    assert!(ids.contains(&"err-postal-code-letter"));
    assert!(
        w.problems()
            .iter()
            .all(|p| p.field.step() == Step::Organization)
    );
    assert_eq!(w.draft().organization.postal_code, "G1D 4J3");
    assert_eq!(w.step(), Step::Organization);
}

#[test]
fn switching_the_form_kind_keeps_both_categories_and_the_code() {
    let mut w = Wizard::new(when());
    w.apply(Event::Edit(Field::FormKind, "municipalite".into()), refs());
    w.apply(
        Event::Edit(Field::MunicipalCategory, "paroisse".into()),
        refs(),
    );
    w.apply(Event::Edit(Field::FormKind, "organisme".into()), refs());
    w.apply(
        Event::Edit(Field::OrganizationCategory, "autre".into()),
        refs(),
    );
    w.apply(Event::Edit(Field::FormKind, "municipalite".into()), refs());
    assert_eq!(Field::MunicipalCategory.get(w.draft()), "paroisse");
    assert_eq!(Field::OrganizationCategory.get(w.draft()), "autre");
}

#[test]
fn a_server_field_error_reopens_its_step_and_returns_to_the_review() {
    let d: Designation =
        piqm_acces::designation::from_json(include_str!("../resources/examples/municipalite.json"))
            .unwrap();
    let mut w = Wizard::resume(d, refs());
    assert_eq!(w.step(), Step::Review);
    w.apply(Event::Submit, refs());
    w.apply(
        Event::Refused(Refusal {
            code: "validation".into(),
            message: "Données refusées".into(),
            erreurs: vec![ServerFieldError {
                champ: "demandeur.courriel".into(),
                message: "Adresse inconnue".into(),
            }],
            le: when(),
        }),
        refs(),
    );
    assert_eq!(w.step(), Step::Requester);
    assert_eq!(w.draft().status, Status::Refused);
    assert!(w.returning_to_review());
    w.apply(
        Event::Edit(Field::RequesterEmail, "greffe2@ville.levis.qc.ca".into()),
        refs(),
    );
    assert_eq!(w.draft().status, Status::Draft);
    assert_eq!(
        w.apply(Event::Next, refs()),
        Outcome::Moved {
            from: Step::Requester,
            to: Step::Review
        }
    );
}

#[test]
fn a_hand_edited_draft_reopens_at_the_first_step_that_needs_work() {
    let mut d: Designation =
        piqm_acces::designation::from_json(include_str!("../resources/examples/organisme.json"))
            .unwrap();
    d.requester.email = "pas une adresse".into();
    let w = Wizard::resume(d, refs());
    assert_eq!(w.step(), Step::Requester);
}
