//! Every answer of the form, named once: its path in the JSON document, the step that holds it,
//! its label, and how to read and write it as text.

use super::model::{Civility, Designation, FormKind, MunicipalCategory, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FormKind,
    MunicipalCategory,
    OrganizationCategory,
    OrgName,
    CivicNumber,
    Street,
    Municipality,
    PostalCode,
    Region,
    ProvincialRiding,
    FederalRiding,
    IdentificationCode,
    Civility,
    RequesterLastName,
    RequesterFirstName,
    RequesterFunction,
    RequesterPhone,
    RequesterExtension,
    RequesterEmail,
    ManagerUsername,
    ManagerLastName,
    ManagerFirstName,
    ManagerFunction,
    ManagerPhone,
    ManagerExtension,
    ManagerEmail,
}

/// Why a text could not be written into a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownChoice;

impl Field {
    pub const ALL: [Field; 26] = [
        Field::FormKind,
        Field::MunicipalCategory,
        Field::OrganizationCategory,
        Field::OrgName,
        Field::CivicNumber,
        Field::Street,
        Field::Municipality,
        Field::PostalCode,
        Field::Region,
        Field::ProvincialRiding,
        Field::FederalRiding,
        Field::IdentificationCode,
        Field::Civility,
        Field::RequesterLastName,
        Field::RequesterFirstName,
        Field::RequesterFunction,
        Field::RequesterPhone,
        Field::RequesterExtension,
        Field::RequesterEmail,
        Field::ManagerUsername,
        Field::ManagerLastName,
        Field::ManagerFirstName,
        Field::ManagerFunction,
        Field::ManagerPhone,
        Field::ManagerExtension,
        Field::ManagerEmail,
    ];

    /// The path of the value in the draft file and in the server's error reports.
    pub fn path(self) -> &'static str {
        match self {
            Field::FormKind => "formulaire.type",
            Field::MunicipalCategory => "formulaire.categorie_municipale",
            Field::OrganizationCategory => "formulaire.categorie_organisme",
            Field::OrgName => "organisme.nom",
            Field::CivicNumber => "organisme.numero_civique",
            Field::Street => "organisme.rue",
            Field::Municipality => "organisme.municipalite",
            Field::PostalCode => "organisme.code_postal",
            Field::Region => "organisme.region",
            Field::ProvincialRiding => "organisme.circonscription_provinciale",
            Field::FederalRiding => "organisme.circonscription_federale",
            Field::IdentificationCode => "code_identification",
            Field::Civility => "demandeur.civilite",
            Field::RequesterLastName => "demandeur.nom",
            Field::RequesterFirstName => "demandeur.prenom",
            Field::RequesterFunction => "demandeur.fonction",
            Field::RequesterPhone => "demandeur.telephone",
            Field::RequesterExtension => "demandeur.poste",
            Field::RequesterEmail => "demandeur.courriel",
            Field::ManagerUsername => "gestionnaire.nom_utilisateur",
            Field::ManagerLastName => "gestionnaire.nom",
            Field::ManagerFirstName => "gestionnaire.prenom",
            Field::ManagerFunction => "gestionnaire.fonction",
            Field::ManagerPhone => "gestionnaire.telephone",
            Field::ManagerExtension => "gestionnaire.poste",
            Field::ManagerEmail => "gestionnaire.courriel",
        }
    }

    pub fn from_path(path: &str) -> Option<Field> {
        Self::ALL.into_iter().find(|f| f.path() == path)
    }

    /// The wizard step on which the field is answered.
    pub fn step(self) -> Step {
        match self {
            Field::FormKind | Field::MunicipalCategory | Field::OrganizationCategory => {
                Step::Choice
            }
            Field::OrgName
            | Field::CivicNumber
            | Field::Street
            | Field::Municipality
            | Field::PostalCode
            | Field::Region
            | Field::ProvincialRiding
            | Field::FederalRiding
            | Field::IdentificationCode => Step::Organization,
            Field::Civility
            | Field::RequesterLastName
            | Field::RequesterFirstName
            | Field::RequesterFunction
            | Field::RequesterPhone
            | Field::RequesterExtension
            | Field::RequesterEmail => Step::Requester,
            Field::ManagerUsername
            | Field::ManagerLastName
            | Field::ManagerFirstName
            | Field::ManagerFunction
            | Field::ManagerPhone
            | Field::ManagerExtension
            | Field::ManagerEmail => Step::Manager,
        }
    }

    /// The fields of one step, in the order the form shows them.
    pub fn of_step(step: Step) -> impl Iterator<Item = Field> {
        Self::ALL.into_iter().filter(move |f| f.step() == step)
    }

    /// Details filled by the username look-up, never typed by the user.
    pub fn is_looked_up(self) -> bool {
        matches!(
            self,
            Field::ManagerLastName
                | Field::ManagerFirstName
                | Field::ManagerFunction
                | Field::ManagerPhone
                | Field::ManagerExtension
                | Field::ManagerEmail
        )
    }

    /// The Fluent id of the field's label.
    pub fn label_id(self) -> &'static str {
        match self {
            Field::FormKind => "field-form-kind",
            Field::MunicipalCategory => "field-municipal-category",
            Field::OrganizationCategory => "field-organization-category",
            Field::OrgName => "field-org-name",
            Field::CivicNumber => "field-civic-number",
            Field::Street => "field-street",
            Field::Municipality => "field-municipality",
            Field::PostalCode => "field-postal-code",
            Field::Region => "field-region",
            Field::ProvincialRiding => "field-provincial-riding",
            Field::FederalRiding => "field-federal-riding",
            Field::IdentificationCode => "field-identification-code",
            Field::Civility => "field-civility",
            Field::RequesterLastName => "field-requester-last-name",
            Field::RequesterFirstName => "field-requester-first-name",
            Field::RequesterFunction => "field-requester-function",
            Field::RequesterPhone => "field-requester-phone",
            Field::RequesterExtension => "field-requester-extension",
            Field::RequesterEmail => "field-requester-email",
            Field::ManagerUsername => "field-manager-username",
            Field::ManagerLastName => "field-manager-last-name",
            Field::ManagerFirstName => "field-manager-first-name",
            Field::ManagerFunction => "field-manager-function",
            Field::ManagerPhone => "field-manager-phone",
            Field::ManagerExtension => "field-manager-extension",
            Field::ManagerEmail => "field-manager-email",
        }
    }

    /// The longest text accepted, in characters.
    pub fn max_len(self) -> usize {
        match self {
            Field::OrgName | Field::Street => 150,
            Field::CivicNumber => 20,
            Field::IdentificationCode => 32,
            Field::RequesterExtension | Field::ManagerExtension => 6,
            Field::RequesterEmail | Field::ManagerEmail => 254,
            Field::RequesterPhone | Field::ManagerPhone => 40,
            Field::ManagerUsername => 32,
            _ => 100,
        }
    }

    /// The value as the user sees and types it (choices as their code).
    pub fn get(self, d: &Designation) -> String {
        match self {
            Field::FormKind => d.form.kind.map(FormKind::code).unwrap_or_default().into(),
            Field::MunicipalCategory => d
                .form
                .municipal_category
                .map(MunicipalCategory::code)
                .unwrap_or_default()
                .into(),
            Field::Civility => d
                .requester
                .civility
                .map(Civility::code)
                .unwrap_or_default()
                .into(),
            _ => self.text(d).cloned().unwrap_or_default(),
        }
    }

    /// Writes a value. Choices accept their code or an empty text (no choice); any other
    /// text for a choice is refused and leaves the draft unchanged.
    pub fn set(self, d: &mut Designation, value: String) -> Result<(), UnknownChoice> {
        match self {
            Field::FormKind => d.form.kind = parse_choice(&value, FormKind::from_code)?,
            Field::MunicipalCategory => {
                d.form.municipal_category = parse_choice(&value, MunicipalCategory::from_code)?
            }
            Field::Civility => d.requester.civility = parse_choice(&value, Civility::from_code)?,
            _ => {
                if let Some(slot) = self.text_mut(d) {
                    *slot = value;
                }
            }
        }
        Ok(())
    }

    fn text(self, d: &Designation) -> Option<&String> {
        let o = &d.organization;
        let r = &d.requester;
        let m = &d.manager;
        Some(match self {
            Field::OrganizationCategory => &d.form.organization_category,
            Field::OrgName => &o.name,
            Field::CivicNumber => &o.civic_number,
            Field::Street => &o.street,
            Field::Municipality => &o.municipality,
            Field::PostalCode => &o.postal_code,
            Field::Region => &o.region,
            Field::ProvincialRiding => &o.provincial_riding,
            Field::FederalRiding => &o.federal_riding,
            Field::IdentificationCode => &d.identification_code,
            Field::RequesterLastName => &r.last_name,
            Field::RequesterFirstName => &r.first_name,
            Field::RequesterFunction => &r.function,
            Field::RequesterPhone => &r.phone,
            Field::RequesterExtension => &r.extension,
            Field::RequesterEmail => &r.email,
            Field::ManagerUsername => &m.username,
            Field::ManagerLastName => &m.last_name,
            Field::ManagerFirstName => &m.first_name,
            Field::ManagerFunction => &m.function,
            Field::ManagerPhone => &m.phone,
            Field::ManagerExtension => &m.extension,
            Field::ManagerEmail => &m.email,
            Field::FormKind | Field::MunicipalCategory | Field::Civility => return None,
        })
    }

    fn text_mut(self, d: &mut Designation) -> Option<&mut String> {
        let o = &mut d.organization;
        let r = &mut d.requester;
        let m = &mut d.manager;
        Some(match self {
            Field::OrganizationCategory => &mut d.form.organization_category,
            Field::OrgName => &mut o.name,
            Field::CivicNumber => &mut o.civic_number,
            Field::Street => &mut o.street,
            Field::Municipality => &mut o.municipality,
            Field::PostalCode => &mut o.postal_code,
            Field::Region => &mut o.region,
            Field::ProvincialRiding => &mut o.provincial_riding,
            Field::FederalRiding => &mut o.federal_riding,
            Field::IdentificationCode => &mut d.identification_code,
            Field::RequesterLastName => &mut r.last_name,
            Field::RequesterFirstName => &mut r.first_name,
            Field::RequesterFunction => &mut r.function,
            Field::RequesterPhone => &mut r.phone,
            Field::RequesterExtension => &mut r.extension,
            Field::RequesterEmail => &mut r.email,
            Field::ManagerUsername => &mut m.username,
            Field::ManagerLastName => &mut m.last_name,
            Field::ManagerFirstName => &mut m.first_name,
            Field::ManagerFunction => &mut m.function,
            Field::ManagerPhone => &mut m.phone,
            Field::ManagerExtension => &mut m.extension,
            Field::ManagerEmail => &mut m.email,
            Field::FormKind | Field::MunicipalCategory | Field::Civility => return None,
        })
    }
}

fn parse_choice<T>(value: &str, parse: fn(&str) -> Option<T>) -> Result<Option<T>, UnknownChoice> {
    let value = value.trim();
    if value.is_empty() {
        Ok(None)
    } else {
        parse(value).map(Some).ok_or(UnknownChoice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    #[test]
    fn paths_are_unique_and_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_path(f.path()), Some(f));
        }
    }

    #[test]
    fn every_field_reads_back_what_was_written() {
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        for f in Field::ALL {
            let value = match f {
                Field::FormKind => "organisme".to_string(),
                Field::MunicipalCategory => "cantons_unis".to_string(),
                Field::Civility => "Mme".to_string(),
                _ => format!("valeur {}", f.path()),
            };
            f.set(&mut d, value.clone()).unwrap();
            assert_eq!(f.get(&d), value, "{f:?}");
        }
    }

    #[test]
    fn an_unknown_choice_changes_nothing() {
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        Field::Civility.set(&mut d, "Mme".into()).unwrap();
        assert_eq!(Field::Civility.set(&mut d, "Dr".into()), Err(UnknownChoice));
        assert_eq!(Field::Civility.get(&d), "Mme");
        Field::Civility.set(&mut d, String::new()).unwrap();
        assert_eq!(Field::Civility.get(&d), "");
    }
}
