//! Which answers a designation asks for, decided once for every face and service: the steps show
//! a field and say "(facultatif)", the review and the copy list it, the body sent to the ministry
//! carries it, and validation checks it, all from these two rules.

use super::field::Field;
use super::model::{Designation, FormKind};

impl Field {
    /// Whether the field belongs to this designation's form. The municipal category and the
    /// identification code belong to the municipal form only, the organisme's category to the
    /// organisme's form only; before a form is chosen, neither category nor the code applies
    /// (nothing to show, check or send for them yet). An answer that does not apply stays in the
    /// draft, unshown and unsent, so switching forms back loses nothing.
    pub fn applies_to(self, d: &Designation) -> bool {
        match self {
            Field::MunicipalCategory | Field::IdentificationCode => {
                d.form.kind == Some(FormKind::Municipality)
            }
            Field::OrganizationCategory => d.form.kind == Some(FormKind::Organization),
            _ => true,
        }
    }

    /// Whether the field may be left empty on this designation (the form says "(facultatif)").
    /// The identification code is optional for the municipal categories that receive none by
    /// mail (northern villages, MRCs, regions).
    pub fn is_optional(self, d: &Designation) -> bool {
        match self {
            Field::CivicNumber
            | Field::Region
            | Field::RequesterExtension
            | Field::ManagerExtension => true,
            Field::IdentificationCode => !d.requires_identification_code(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use time::OffsetDateTime;

    use super::*;
    use crate::designation::validate::tests::complete;
    use crate::designation::{MunicipalCategory, Severity, validate};
    use crate::reference::Reference;

    fn of_kind(kind: Option<FormKind>) -> Designation {
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        d.form.kind = kind;
        d
    }

    #[test]
    fn each_form_has_its_own_category_and_only_the_municipal_one_a_code() {
        let m = of_kind(Some(FormKind::Municipality));
        assert!(Field::MunicipalCategory.applies_to(&m));
        assert!(Field::IdentificationCode.applies_to(&m));
        assert!(!Field::OrganizationCategory.applies_to(&m));
        let o = of_kind(Some(FormKind::Organization));
        assert!(Field::OrganizationCategory.applies_to(&o));
        assert!(!Field::MunicipalCategory.applies_to(&o));
        assert!(!Field::IdentificationCode.applies_to(&o));
    }

    #[test]
    fn with_no_form_kind_neither_category_nor_the_code_applies() {
        let d = of_kind(None);
        for field in [
            Field::MunicipalCategory,
            Field::OrganizationCategory,
            Field::IdentificationCode,
        ] {
            assert!(!field.applies_to(&d), "{field:?}");
        }
        // Everything else is asked of every designation.
        assert!(Field::FormKind.applies_to(&d));
        assert!(Field::OrgName.applies_to(&d));
        assert!(Field::ManagerEmail.applies_to(&d));
    }

    #[test]
    fn optional_fields_are_the_form_s_and_the_code_depends_on_the_category() {
        let mut d = of_kind(Some(FormKind::Municipality));
        let optional: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| f.is_optional(&d))
            .collect();
        assert_eq!(
            optional,
            [
                Field::CivicNumber,
                Field::Region,
                Field::IdentificationCode,
                Field::RequesterExtension,
                Field::ManagerExtension
            ],
            "no category chosen yet: the code is not required"
        );
        d.form.municipal_category = Some(MunicipalCategory::Ville);
        assert!(!Field::IdentificationCode.is_optional(&d));
        d.form.municipal_category = Some(MunicipalCategory::Mrc);
        assert!(Field::IdentificationCode.is_optional(&d));
    }

    /// Validation agrees with both rules: emptying an optional field of a valid designation adds
    /// no error, emptying a required one does, and a field that does not apply is never checked.
    #[test]
    fn validation_follows_the_same_rules() {
        let refs = Reference::get();
        let errors_on = |d: &Designation, field: Field| {
            validate(d, refs)
                .into_iter()
                .filter(|p| p.field == field && p.severity == Severity::Error)
                .count()
        };
        for kind in [FormKind::Municipality, FormKind::Organization] {
            let mut valid = complete();
            valid.form.kind = Some(kind);
            valid.form.organization_category = "cooperative".into();
            assert!(
                validate(&valid, refs).iter().all(|p| !p.is_error()),
                "{kind:?}"
            );
            for field in Field::ALL {
                if field.is_looked_up() || !field.applies_to(&valid) {
                    continue;
                }
                let mut d = valid.clone();
                field.set(&mut d, String::new()).unwrap();
                let errors = errors_on(&d, field);
                if field.is_optional(&valid) {
                    assert_eq!(errors, 0, "{kind:?} {field:?} is optional");
                } else {
                    assert!(errors > 0, "{kind:?} {field:?} is required");
                }
            }
            for field in Field::ALL.into_iter().filter(|f| !f.applies_to(&valid)) {
                let mut d = valid.clone();
                // Whatever it holds (here far too long), an answer that does not apply is not
                // checked: the user could not even see it to correct it.
                let _ = field.set(&mut d, "?".repeat(300));
                assert_eq!(errors_on(&d, field), 0, "{kind:?} {field:?}");
            }
        }
    }
}
