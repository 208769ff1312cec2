//! Whom to call: the Direction des infrastructures' contact, kept as data in
//! `resources/contact.toml` (embedded, parsed once) and shown the same way in the help panel and
//! on the PDF copy.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::i18n::Localizer;

/// The ministry's contact block.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(rename = "ministere")]
    pub ministry: String,
    pub direction: String,
    /// The postal address, one line each.
    #[serde(rename = "adresse")]
    pub address: Vec<String>,
    #[serde(rename = "telephone")]
    pub phone: String,
    #[serde(rename = "telecopieur")]
    pub fax: String,
    #[serde(rename = "courriel")]
    pub email: String,
}

const SOURCE: &str = include_str!("../resources/contact.toml");

impl Contact {
    /// The contact shipped with the application.
    pub fn get() -> &'static Contact {
        static CONTACT: OnceLock<Contact> = OnceLock::new();
        // Embedded at build time and checked by a test: it cannot fail at run time.
        CONTACT.get_or_init(|| toml::from_str(SOURCE).expect("resources/contact.toml parses"))
    }

    /// The block as people read it, one line each: ministry, direction, address, then the
    /// labelled telephone, fax and email.
    pub fn lines(&self, l: &Localizer) -> Vec<String> {
        let mut lines = vec![self.ministry.clone(), self.direction.clone()];
        lines.extend(self.address.iter().cloned());
        for (id, value) in [
            ("contact-phone", &self.phone),
            ("contact-fax", &self.fax),
            ("contact-email", &self.email),
        ] {
            lines.push(l.t_args(id, &[("value", value.clone().into())]));
        }
        lines
    }

    /// [`Self::lines`] as one text.
    pub fn text(&self, l: &Localizer) -> String {
        self.lines(l).join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_shipped_contact_reads_as_before_in_both_languages() {
        let c = Contact::get();
        assert_eq!(
            c.text(&Localizer::new(Lang::Fr)),
            "Ministère des Affaires municipales, des Régions et de l'Occupation du territoire\n\
             Direction des infrastructures\n\
             Aile Chauveau, 2e étage\n\
             10, rue Pierre-Olivier-Chauveau\n\
             Québec (Québec) G1R 4J3\n\
             Téléphone : 418 691-2005\n\
             Télécopieur : 418 644-8957\n\
             Courriel : infrastructures@mamrot.gouv.qc.ca"
        );
        let en = c.lines(&Localizer::new(Lang::En));
        assert_eq!(
            &en[5..],
            [
                "Telephone: 418 691-2005",
                "Fax: 418 644-8957",
                "Email: infrastructures@mamrot.gouv.qc.ca"
            ]
        );
    }
}
