//! Validation: every problem a user can fix, with the field it concerns and a Fluent message id.
//!
//! Works on the answers as typed (it parses them liberally, like `normalize`), so a draft and its
//! normalized copy always get the same verdict.

use email_address::{EmailAddress, Options};

use super::field::Field;
use super::model::{Designation, FormKind, Step};
use super::normalize::{self, PhoneError, PostalCodeError, clean_text};
use crate::reference::Reference;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Blocks Continuer and sending.
    Error,
    /// Worth a look; blocks nothing.
    Warning,
}

/// A value to put in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageArg {
    Text(String),
    Number(u64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub severity: Severity,
    /// A Fluent id from `i18n/`; the message names the field and says what to do.
    pub message_id: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

impl Problem {
    fn error(field: Field, message_id: &'static str) -> Self {
        Problem {
            field,
            severity: Severity::Error,
            message_id,
            args: Vec::new(),
        }
    }

    fn warning(field: Field, message_id: &'static str) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Self::error(field, message_id)
        }
    }

    fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, MessageArg::Text(value.into())));
        self
    }

    fn with_number(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((name, MessageArg::Number(value as u64)));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Every problem of the whole designation, in the order of the form.
pub fn validate(d: &Designation, refs: &Reference) -> Vec<Problem> {
    let mut problems = Vec::new();
    Validator {
        d,
        refs,
        out: &mut problems,
    }
    .run();
    problems.sort_by_key(|p| p.field);
    one_message_per_field(&mut problems);
    problems
}

/// One message per field, as people read them: its first error (the most precise check runs
/// first), or else its first warning.
fn one_message_per_field(problems: &mut Vec<Problem>) {
    let with_error: Vec<Field> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.field)
        .collect();
    let mut seen = Vec::new();
    problems.retain(|p| {
        if seen.contains(&p.field) || (!p.is_error() && with_error.contains(&p.field)) {
            return false;
        }
        seen.push(p.field);
        true
    });
}

/// The problems of the fields answered on one step.
pub fn validate_step(d: &Designation, refs: &Reference, step: Step) -> Vec<Problem> {
    let mut problems = validate(d, refs);
    problems.retain(|p| p.field.step() == step);
    problems
}

struct Validator<'a> {
    d: &'a Designation,
    refs: &'a Reference,
    out: &'a mut Vec<Problem>,
}

impl Validator<'_> {
    fn run(&mut self) {
        self.form_choice();
        self.organization();
        self.identification_code();
        self.requester();
        self.manager();
        // Last: a field's precise message ("au plus 6 chiffres") wins over its length.
        self.lengths();
    }

    fn push(&mut self, p: Problem) {
        self.out.push(p);
    }

    /// The cleaned text of a field.
    fn text(&self, field: Field) -> String {
        clean_text(&field.get(self.d))
    }

    /// Pushes `message_id` when the field is empty; returns the cleaned text otherwise.
    fn required(&mut self, field: Field, message_id: &'static str) -> Option<String> {
        let value = self.text(field);
        if value.is_empty() {
            self.push(Problem::error(field, message_id));
            None
        } else {
            Some(value)
        }
    }

    fn lengths(&mut self) {
        // An answer that does not apply is neither shown nor sent: nothing to check.
        for field in Field::ALL.into_iter().filter(|f| f.applies_to(self.d)) {
            let count = self.text(field).chars().count();
            if count > field.max_len() {
                let p = Problem::error(field, "err-too-long")
                    .with_number("max", field.max_len())
                    .with_number("count", count);
                self.push(p);
            }
        }
    }

    fn form_choice(&mut self) {
        match self.d.form.kind {
            None => self.push(Problem::error(Field::FormKind, "err-form-kind-missing")),
            Some(FormKind::Municipality) => {
                if self.d.form.municipal_category.is_none() {
                    self.push(Problem::error(
                        Field::MunicipalCategory,
                        "err-municipal-category-missing",
                    ));
                }
            }
            Some(FormKind::Organization) => {
                let field = Field::OrganizationCategory;
                if let Some(code) = self.required(field, "err-organization-category-missing")
                    && self.refs.organization_category(&code).is_none()
                {
                    self.push(Problem::error(field, "err-organization-category-unknown"));
                }
            }
        }
    }

    fn organization(&mut self) {
        self.required(Field::OrgName, "err-org-name-missing");
        self.required(Field::Street, "err-street-missing");
        let civic = self.text(Field::CivicNumber);
        if !civic.is_empty() && !civic.starts_with(|c: char| c.is_ascii_digit()) {
            self.push(Problem::error(
                Field::CivicNumber,
                "err-civic-number-format",
            ));
        }
        self.postal_code();

        let municipality = self
            .required(Field::Municipality, "err-municipality-missing")
            .and_then(|code| {
                let found = self.refs.municipality(&code);
                if found.is_none() {
                    self.push(Problem::error(
                        Field::Municipality,
                        "err-municipality-unknown",
                    ));
                }
                found
            });

        let region = self.text(Field::Region);
        if !region.is_empty() {
            match self.refs.region(&region) {
                None => self.push(Problem::error(Field::Region, "err-region-unknown")),
                Some(r) => {
                    if let Some(m) = municipality
                        && m.region_code != r.code
                    {
                        let expected = self
                            .refs
                            .region(&m.region_code)
                            .map_or(m.region_code.clone(), |r| r.name.clone());
                        let p = Problem::error(Field::Region, "err-region-mismatch")
                            .with("municipality", m.name.clone())
                            .with("region", expected);
                        self.push(p);
                    }
                }
            }
        }

        let field = Field::ProvincialRiding;
        if let Some(code) = self.required(field, "err-provincial-riding-missing") {
            if self.refs.provincial_riding(&code).is_none() {
                self.push(Problem::error(field, "err-provincial-riding-unknown"));
            } else if let Some(m) = municipality
                && !m.provincial_ridings.is_empty()
                && !m.provincial_ridings.contains(&code)
            {
                let p = Problem::error(field, "err-provincial-riding-mismatch")
                    .with("municipality", m.name.clone());
                self.push(p);
            }
        }

        let field = Field::FederalRiding;
        if let Some(code) = self.required(field, "err-federal-riding-missing")
            && self.refs.federal_riding(&code).is_none()
        {
            self.push(Problem::error(field, "err-federal-riding-unknown"));
        }
    }

    fn postal_code(&mut self) {
        let field = Field::PostalCode;
        let Some(raw) = self.required(field, "err-postal-code-missing") else {
            return;
        };
        match normalize::postal_code(&raw) {
            Err(PostalCodeError::Shape) => {
                self.push(Problem::error(field, "err-postal-code-format"))
            }
            Err(PostalCodeError::Letter) => {
                self.push(Problem::error(field, "err-postal-code-letter"))
            }
            Ok(code) if !normalize::postal_code_in_quebec(&code) => {
                self.push(Problem::warning(field, "warn-postal-code-outside-quebec"))
            }
            Ok(_) => {}
        }
    }

    fn identification_code(&mut self) {
        let field = Field::IdentificationCode;
        if !field.applies_to(self.d) {
            return;
        }
        let code = self.text(field);
        if code.is_empty() {
            if !field.is_optional(self.d) {
                self.push(Problem::error(field, "err-identification-code-missing"));
            }
        } else if code.chars().count() < 4
            || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            self.push(Problem::error(field, "err-identification-code-format"));
        }
    }

    fn requester(&mut self) {
        if self.d.requester.civility.is_none() {
            self.push(Problem::error(Field::Civility, "err-civility-missing"));
        }
        self.required(Field::RequesterLastName, "err-requester-last-name-missing");
        self.required(
            Field::RequesterFirstName,
            "err-requester-first-name-missing",
        );
        self.required(Field::RequesterFunction, "err-requester-function-missing");

        let extension = self.text(Field::RequesterExtension);
        let extension_ok = normalize::extension(&extension).is_some();
        if !extension_ok {
            self.push(Problem::error(
                Field::RequesterExtension,
                "err-requester-extension-format",
            ));
        }

        let field = Field::RequesterPhone;
        if let Some(raw) = self.required(field, "err-requester-phone-missing") {
            match normalize::phone(&raw) {
                Err(PhoneError::Digits) => {
                    self.push(Problem::error(field, "err-requester-phone-digits"))
                }
                Err(PhoneError::NotNorthAmerican) => self.push(Problem::error(
                    field,
                    "err-requester-phone-not-north-american",
                )),
                Err(PhoneError::Extension) => {
                    self.push(Problem::error(field, "err-requester-phone-extension"))
                }
                Ok(p) => {
                    let typed = normalize::extension(&extension).unwrap_or_default();
                    if extension_ok
                        && !p.extension.is_empty()
                        && !typed.is_empty()
                        && typed != p.extension
                    {
                        self.push(Problem::error(field, "err-requester-phone-two-extensions"));
                    }
                }
            }
        }

        let field = Field::RequesterEmail;
        if let Some(email) = self.required(field, "err-requester-email-missing")
            && !is_email(&email)
        {
            self.push(Problem::error(field, "err-requester-email-format"));
        }
    }

    fn manager(&mut self) {
        let field = Field::ManagerUsername;
        let Some(raw) = self.required(field, "err-manager-username-missing") else {
            return;
        };
        if normalize::username(&raw).is_none() {
            self.push(Problem::error(field, "err-manager-username-format"));
        } else if !self.d.manager.confirmed {
            // Offline drafting is normal: the look-up runs again before sending.
            self.push(Problem::warning(field, "warn-manager-unconfirmed"));
        }
    }
}

/// An address people can receive mail at: `nom@domaine.qc.ca`, no display name, no IP literal.
pub fn is_email(s: &str) -> bool {
    let options = Options::default()
        .with_required_tld()
        .without_domain_literal()
        .without_display_text();
    EmailAddress::parse_with_options(s, options).is_ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::designation::{Civility, MunicipalCategory};
    use time::OffsetDateTime;

    fn refs() -> &'static Reference {
        Reference::get()
    }

    /// A complete municipal designation (Lévis).
    pub(crate) fn complete() -> Designation {
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        d.form.kind = Some(FormKind::Municipality);
        d.form.municipal_category = Some(MunicipalCategory::Ville);
        let levis = refs().search_municipalities("levis", 1)[0].clone();
        let o = &mut d.organization;
        o.name = "Ville de Lévis".into();
        o.civic_number = "2175".into();
        o.street = "chemin du Fleuve".into();
        o.municipality = levis.code.clone();
        o.postal_code = "g6w7w9".into();
        o.region = levis.region_code.clone();
        o.provincial_riding = levis.provincial_ridings[0].clone();
        o.federal_riding = refs().federal_ridings()[0].code.clone();
        d.identification_code = "ABC123".into();
        let r = &mut d.requester;
        r.civility = Some(Civility::Mrs);
        r.last_name = "Tremblay".into();
        r.first_name = "Hélène".into();
        r.function = "Greffière".into();
        r.phone = "(418) 839-2002 poste 123".into();
        r.email = "greffe@ville.levis.qc.ca".into();
        d.manager.username = "ABCD0001".into();
        d.manager.confirmed = true;
        d
    }

    fn ids(problems: &[Problem]) -> Vec<&'static str> {
        problems.iter().map(|p| p.message_id).collect()
    }

    #[test]
    fn a_complete_designation_has_no_problem() {
        assert_eq!(validate(&complete(), refs()), vec![]);
    }

    #[test]
    fn an_empty_draft_asks_for_the_form_first() {
        let d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        let problems = validate(&d, refs());
        assert_eq!(problems[0].message_id, "err-form-kind-missing");
        assert!(problems.iter().all(Problem::is_error));
        // No problem about the category or the code before the kind is known.
        assert!(!ids(&problems).contains(&"err-identification-code-missing"));
    }

    #[test]
    fn identification_code_depends_on_the_category() {
        let mut d = complete();
        d.identification_code.clear();
        assert_eq!(
            ids(&validate(&d, refs())),
            ["err-identification-code-missing"]
        );
        for category in [
            MunicipalCategory::VillageNordique,
            MunicipalCategory::Mrc,
            MunicipalCategory::Region,
        ] {
            d.form.municipal_category = Some(category);
            assert_eq!(validate(&d, refs()), vec![], "{category:?}");
        }
        d.form.kind = Some(FormKind::Organization);
        d.form.organization_category = "cooperative".into();
        d.identification_code = "??".into();
        assert_eq!(validate(&d, refs()), vec![], "ignored for an organisme");
    }

    #[test]
    fn organisation_category_must_be_in_the_list() {
        let mut d = complete();
        d.form.kind = Some(FormKind::Organization);
        assert_eq!(
            ids(&validate(&d, refs())),
            ["err-organization-category-missing"]
        );
        d.form.organization_category = "club-de-golf".into();
        assert_eq!(
            ids(&validate(&d, refs())),
            ["err-organization-category-unknown"]
        );
    }

    #[test]
    fn postal_code_outside_quebec_only_warns() {
        let mut d = complete();
        d.organization.postal_code = "K1A 0B1".into();
        let problems = validate(&d, refs());
        assert_eq!(ids(&problems), ["warn-postal-code-outside-quebec"]);
        assert_eq!(problems[0].severity, Severity::Warning);
        d.organization.postal_code = "G1D 4J3".into();
        assert_eq!(ids(&validate(&d, refs())), ["err-postal-code-letter"]);
        d.organization.postal_code = "G1R4".into();
        assert_eq!(ids(&validate(&d, refs())), ["err-postal-code-format"]);
    }

    #[test]
    fn reference_codes_must_exist_and_agree() {
        let mut d = complete();
        d.organization.municipality = "99999".into();
        d.organization.region = "42".into();
        d.organization.federal_riding = "35001".into();
        assert_eq!(
            ids(&validate(&d, refs())),
            [
                "err-municipality-unknown",
                "err-region-unknown",
                "err-federal-riding-unknown"
            ]
        );

        let mut d = complete();
        d.organization.region = "01".into();
        d.organization.provincial_riding = refs()
            .provincial_ridings()
            .iter()
            .find(|r| r.code != d.organization.provincial_riding)
            .map(|r| r.code.clone())
            .unwrap();
        let problems = validate(&d, refs());
        assert_eq!(
            ids(&problems),
            ["err-region-mismatch", "err-provincial-riding-mismatch"]
        );
        assert!(
            problems[0]
                .args
                .contains(&("municipality", MessageArg::Text("Lévis".into())))
        );
    }

    #[test]
    fn requester_phone_and_email() {
        let mut d = complete();
        d.requester.phone = "839-2002".into();
        d.requester.email = "greffe@levis".into();
        assert_eq!(
            ids(&validate(&d, refs())),
            ["err-requester-phone-digits", "err-requester-email-format"]
        );
        d.requester.phone = "418 839-2002 poste 5".into();
        d.requester.extension = "6".into();
        d.requester.email = "Hélène Tremblay <greffe@ville.levis.qc.ca>".into();
        assert_eq!(
            ids(&validate(&d, refs())),
            [
                "err-requester-phone-two-extensions",
                "err-requester-email-format"
            ]
        );
        d.requester.extension = "poste".into();
        d.requester.email = "greffe@ville.levis.qc.ca".into();
        assert_eq!(
            ids(&validate(&d, refs())),
            ["err-requester-extension-format"]
        );
    }

    #[test]
    fn username_and_confirmation() {
        let mut d = complete();
        d.manager.confirmed = false;
        let problems = validate(&d, refs());
        assert_eq!(ids(&problems), ["warn-manager-unconfirmed"]);
        d.manager.username = "abcd01".into();
        assert_eq!(ids(&validate(&d, refs())), ["err-manager-username-format"]);
    }

    #[test]
    fn too_long_and_control_characters() {
        let mut d = complete();
        d.organization.name = "x".repeat(151);
        let problems = validate(&d, refs());
        assert_eq!(ids(&problems), ["err-too-long"]);
        assert!(problems[0].args.contains(&("max", MessageArg::Number(150))));
        d.organization.name = "\u{7}\t  \n".into();
        assert_eq!(ids(&validate(&d, refs())), ["err-org-name-missing"]);
    }

    #[test]
    fn one_message_per_field_the_precise_one() {
        let mut d = complete();
        d.requester.extension = "poste 12".into();
        let problems = validate(&d, refs());
        assert_eq!(ids(&problems), ["err-requester-extension-format"]);
        d.requester.extension = "1234567".into();
        assert_eq!(
            ids(&validate(&d, refs())),
            ["err-requester-extension-format"]
        );
        // A length problem alone still shows.
        d.requester.extension = String::new();
        d.requester.function = "x".repeat(400);
        assert_eq!(ids(&validate(&d, refs())), ["err-too-long"]);
    }

    #[test]
    fn step_validation_keeps_only_that_step() {
        let d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        let problems = validate_step(&d, refs(), Step::Requester);
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| p.field.step() == Step::Requester));
    }

    #[test]
    fn normalizing_never_changes_the_verdict() {
        let d = complete();
        let mut n = d.clone();
        normalize::normalize(&mut n);
        assert_eq!(n.organization.postal_code, "G6W 7W9");
        assert_eq!(n.requester.phone, "418 839-2002");
        assert_eq!(n.requester.extension, "123");
        assert_eq!(n.manager.username, "abcd0001");
        assert_eq!(validate(&d, refs()), validate(&n, refs()));
    }
}
