//! Liberal parsing of what people type, and the one normal form each value is stored in.
//!
//! Every function here is total: text that does not parse is returned cleaned but otherwise
//! as typed, so normalizing never loses what the user entered. Validation reports it instead.

use super::field::Field;
use super::model::Designation;

/// Trims, removes control characters and folds runs of white space into one space.
/// Non-breaking spaces are kept: French typography uses them ("14 h 32", « … »).
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
            pending_space = true;
        } else if c.is_control() {
            // Dropped: a stray tab or NUL pasted from elsewhere is never meant.
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// Why a postal code was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostalCodeError {
    /// Not six characters in the pattern letter-digit-letter digit-letter-digit.
    Shape,
    /// D, F, I, O, Q or U somewhere, or W or Z first: no Canadian code has them.
    Letter,
}

/// A Canadian postal code: accepts `g1r4j3`, `G1R 4J3`, `G1R-4J3`; returns `G1R 4J3`.
pub fn postal_code(s: &str) -> Result<String, PostalCodeError> {
    let compact: Vec<char> = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.len() != 6 {
        return Err(PostalCodeError::Shape);
    }
    for (i, c) in compact.iter().enumerate() {
        let ok = if i % 2 == 0 {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_digit()
        };
        if !ok {
            return Err(PostalCodeError::Shape);
        }
    }
    let letters = [compact[0], compact[2], compact[4]];
    if letters.iter().any(|c| "DFIOQU".contains(*c)) || "WZ".contains(compact[0]) {
        return Err(PostalCodeError::Letter);
    }
    let s: String = compact.iter().collect();
    Ok(format!("{} {}", &s[..3], &s[3..]))
}

/// Whether a valid postal code belongs to Québec (first letter G, H or J).
pub fn postal_code_in_quebec(normal: &str) -> bool {
    matches!(normal.chars().next(), Some('G' | 'H' | 'J'))
}

/// A North-American phone number in its normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// `418 691-2005`
    pub number: String,
    /// Digits only, empty when none was written.
    pub extension: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    /// Not ten digits (after an optional leading 1).
    Digits,
    /// Ten digits, but no such North-American number (area code or exchange starting with 0 or 1).
    NotNorthAmerican,
    /// Something after the number that is not an extension.
    Extension,
}

/// Parses `418 691-2005`, `(418) 691-2005`, `418.691.2005 poste 123`, `+1 418 691 2005 x123`, ….
pub fn phone(s: &str) -> Result<Phone, PhoneError> {
    let s = s.trim().to_lowercase();
    let mut digits = String::new();
    let mut rest_at = s.len();
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !matches!(c, ' ' | '-' | '.' | '(' | ')' | '+' | '/' | '\u{a0}') {
            rest_at = i;
            break;
        }
    }
    if digits.len() == 11 && digits.starts_with('1') {
        digits.remove(0);
    }
    if digits.len() != 10 {
        return Err(PhoneError::Digits);
    }
    let b = digits.as_bytes();
    if b[0] < b'2' || b[3] < b'2' {
        return Err(PhoneError::NotNorthAmerican);
    }
    let extension = extension_after(&s[rest_at..]).ok_or(PhoneError::Extension)?;
    Ok(Phone {
        number: format!("{} {}-{}", &digits[..3], &digits[3..6], &digits[6..]),
        extension,
    })
}

/// The extension written after a number: `poste 123`, `p. 123`, `ext. 123`, `x123`, `#123`, `, 123`.
fn extension_after(rest: &str) -> Option<String> {
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(String::new());
    }
    const MARKERS: [&str; 8] = ["poste", "extension", "ext.", "ext", "p.", "x", "#", ","];
    let after = MARKERS
        .iter()
        .find_map(|m| rest.strip_prefix(m))?
        .trim_start_matches([' ', '.', ':', '\u{a0}']);
    extension(after).filter(|e| !e.is_empty())
}

/// An extension: up to six digits, spaces ignored.
pub fn extension(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (compact.len() <= 6 && compact.chars().all(|c| c.is_ascii_digit())).then_some(compact)
}

/// A Bureau municipal username: four letters and four digits, stored in lower case.
pub fn username(s: &str) -> Option<String> {
    let u = s.trim().to_ascii_lowercase();
    let b = u.as_bytes();
    let ok = b.len() == 8
        && b[..4].iter().all(u8::is_ascii_lowercase)
        && b[4..].iter().all(u8::is_ascii_digit);
    ok.then_some(u)
}

/// The normal form of one field's text, or the cleaned text when it does not parse.
pub fn field_value(field: Field, raw: &str) -> String {
    let cleaned = clean_text(raw);
    match field {
        Field::PostalCode => postal_code(&cleaned).unwrap_or(cleaned),
        Field::RequesterPhone | Field::ManagerPhone => match phone(&cleaned) {
            Ok(p) if p.extension.is_empty() => p.number,
            _ => cleaned,
        },
        Field::RequesterExtension | Field::ManagerExtension => {
            extension(&cleaned).unwrap_or(cleaned)
        }
        Field::ManagerUsername => username(&cleaned).unwrap_or(cleaned),
        _ => cleaned,
    }
}

/// Puts every answer of the designation in its normal form. Idempotent, and never drops
/// meaning: an extension written in the phone field moves to the extension field only when
/// that one is empty or says the same.
pub fn normalize(d: &mut Designation) {
    for field in Field::ALL {
        let raw = field.get(d);
        let normal = field_value(field, &raw);
        if normal != raw {
            // Choices were written from their code, so they always read back as themselves.
            let _ = field.set(d, normal);
        }
    }
    move_extension(&mut d.requester.phone, &mut d.requester.extension);
    move_extension(&mut d.manager.phone, &mut d.manager.extension);
}

fn move_extension(phone_text: &mut String, extension_text: &mut String) {
    if let Ok(p) = phone(phone_text)
        && !p.extension.is_empty()
        && (extension_text.is_empty() || *extension_text == p.extension)
    {
        *phone_text = p.number;
        *extension_text = p.extension;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_trims_and_drops_controls() {
        assert_eq!(clean_text("  Ville\tde   Lévis\u{0}\n "), "Ville de Lévis");
        assert_eq!(clean_text("14\u{a0}h\u{a0}32"), "14\u{a0}h\u{a0}32");
        assert_eq!(clean_text(""), "");
    }

    #[test]
    fn postal_codes_written_any_usual_way() {
        for s in ["g1r4j3", "G1R 4J3", "G1R-4J3", " g1r 4j3 "] {
            assert_eq!(postal_code(s).as_deref(), Ok("G1R 4J3"), "{s}");
        }
    }

    #[test]
    fn postal_codes_with_impossible_letters() {
        for s in [
            "G1D 4J3", "D1R 4J3", "G1R 4F3", "G1R 4J3X", "G1R", "11R 4J3", "GGR 4J3",
        ] {
            assert!(postal_code(s).is_err(), "{s}");
        }
        assert_eq!(postal_code("W1R 4J3"), Err(PostalCodeError::Letter));
        assert_eq!(postal_code("Z1R 4J3"), Err(PostalCodeError::Letter));
        assert_eq!(postal_code("G1U 4J3"), Err(PostalCodeError::Letter));
        assert_eq!(postal_code("G1R4J"), Err(PostalCodeError::Shape));
        // W and Z are fine after the first letter.
        assert_eq!(postal_code("K1W 4Z3").as_deref(), Ok("K1W 4Z3"));
    }

    #[test]
    fn quebec_postal_codes() {
        assert!(postal_code_in_quebec("G1R 4J3"));
        assert!(postal_code_in_quebec("H2X 1Y4"));
        assert!(postal_code_in_quebec("J0E 1B0"));
        assert!(!postal_code_in_quebec("K1A 0B1"));
    }

    #[test]
    fn phones_written_any_usual_way() {
        let plain = Phone {
            number: "418 691-2005".into(),
            extension: String::new(),
        };
        for s in [
            "418 691-2005",
            "(418) 691-2005",
            "418.691.2005",
            "4186912005",
            "1-418-691-2005",
            "+1 418 691 2005",
        ] {
            assert_eq!(phone(s), Ok(plain.clone()), "{s}");
        }
        let with_ext = Phone {
            number: "418 691-2005".into(),
            extension: "123".into(),
        };
        for s in [
            "418.691.2005 poste 123",
            "(418) 691-2005 poste 123",
            "418 691-2005 p. 123",
            "418-691-2005 ext. 123",
            "418-691-2005 x123",
            "418 691-2005 #123",
            "418 691-2005, 123",
            "418 691-2005 POSTE 123",
        ] {
            assert_eq!(phone(s), Ok(with_ext.clone()), "{s}");
        }
    }

    #[test]
    fn phones_that_are_not() {
        assert_eq!(phone("691-2005"), Err(PhoneError::Digits));
        assert_eq!(phone("418 691-2005 123"), Err(PhoneError::Digits));
        assert_eq!(phone("018 691-2005"), Err(PhoneError::NotNorthAmerican));
        assert_eq!(phone("418 191-2005"), Err(PhoneError::NotNorthAmerican));
        assert_eq!(phone("418 691-2005 poste"), Err(PhoneError::Extension));
        assert_eq!(phone("418 691-2005 bureau"), Err(PhoneError::Extension));
        assert_eq!(
            phone("418 691-2005 poste 1234567"),
            Err(PhoneError::Extension)
        );
        assert_eq!(phone(""), Err(PhoneError::Digits));
    }

    #[test]
    fn usernames() {
        assert_eq!(username("ABCD0001").as_deref(), Some("abcd0001"));
        assert_eq!(username(" abcd0001 ").as_deref(), Some("abcd0001"));
        for s in [
            "abc0001",
            "abcd001",
            "abcd00011",
            "1bcd0001",
            "abcdé001",
            "ab cd0001",
        ] {
            assert_eq!(username(s), None, "{s}");
        }
    }

    #[test]
    fn normalize_moves_an_extension_only_when_it_loses_nothing() {
        use time::OffsetDateTime;
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        d.requester.phone = "418.691.2005 poste 123".into();
        normalize(&mut d);
        assert_eq!(d.requester.phone, "418 691-2005");
        assert_eq!(d.requester.extension, "123");

        d.requester.phone = "418.691.2005 poste 456".into();
        normalize(&mut d);
        assert_eq!(
            d.requester.phone, "418.691.2005 poste 456",
            "two extensions: keep both as typed"
        );
        assert_eq!(d.requester.extension, "123");
    }
}
