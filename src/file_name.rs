//! The names offered for files the user saves (the PDF copy, an exported draft): one rule for
//! both, plain lowercase ASCII that every file system, mail client and USB key accepts.

use time::Date;

use crate::reference::fold;

/// The longest slug kept: long organisme names stay readable without making paths too long for
/// older Windows tools.
const MAX_SLUG_CHARS: usize = 60;

/// `text` as a file-name part: accents and case folded away, every run of other characters made
/// one `-`, no `-` at either end, at most 60 characters. Empty when `text` has no letter or digit.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let cut: String = slug.chars().take(MAX_SLUG_CHARS).collect();
    cut.trim_end_matches('-').to_string()
}

/// `designation-<organisme>-<date>.<extension>` (`designation-<date>.<extension>` when the
/// organisme has no name yet).
pub fn designation_file_name(organization: &str, date: Date, extension: &str) -> String {
    let date = format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    );
    match slug(organization) {
        s if s.is_empty() => format!("designation-{date}.{extension}"),
        s => format!("designation-{s}-{date}.{extension}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_lowercase_ascii_with_single_dashes() {
        assert_eq!(
            slug("Ville de Lévis — Service du greffe"),
            "ville-de-levis-service-du-greffe"
        );
        assert_eq!(slug("  «MRC» d'Île-d'Orléans!! "), "mrc-d-ile-d-orleans");
        assert_eq!(slug("Œuvre ÇA"), "oeuvre-ca");
        assert_eq!(slug(" — "), "");
        assert_eq!(slug(""), "");
    }

    #[test]
    fn slugs_are_cut_at_60_characters_without_a_trailing_dash() {
        let long = format!("{} b", "a".repeat(59));
        assert_eq!(slug(&long), "a".repeat(59), "cut on the dash, which goes");
        assert_eq!(slug(&"x".repeat(200)).len(), 60);
    }

    #[test]
    fn file_names_carry_the_organisme_and_the_date() {
        let date = time::macros::date!(2026 - 01 - 05);
        assert_eq!(
            designation_file_name("Ville de Québec", date, "pdf"),
            "designation-ville-de-quebec-2026-01-05.pdf"
        );
        assert_eq!(
            designation_file_name("", date, "json"),
            "designation-2026-01-05.json"
        );
    }
}
