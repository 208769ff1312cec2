//! Reading a draft file's text: format version check, migration of older versions, and errors
//! that say where the file is broken (line, column) in words a user can act on.

use serde_json::Value;

use super::model::{Designation, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// Not JSON at all, or JSON with a syntax mistake.
    Syntax,
    /// The text stops in the middle (a cut copy, a partial download).
    Truncated,
    /// JSON, but a value has the wrong type or is not one of the allowed choices, or a required
    /// entry (id, dates, version) is missing.
    Content,
    /// Written by a newer version of the application.
    NewerVersion { found: u64 },
    /// The file has no usable `schema_version`.
    NoVersion,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    /// 1-based; 0 when not known.
    pub line: usize,
    pub column: usize,
    /// The parser's own words (English), for support.
    pub detail: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} at line {}, column {}: {}",
            self.kind, self.line, self.column, self.detail
        )
    }
}

impl std::error::Error for ParseError {}

impl From<serde_json::Error> for ParseError {
    fn from(e: serde_json::Error) -> Self {
        use serde_json::error::Category;
        let kind = match e.classify() {
            Category::Eof => ParseErrorKind::Truncated,
            Category::Syntax | Category::Io => ParseErrorKind::Syntax,
            Category::Data => ParseErrorKind::Content,
        };
        // serde_json appends " at line L column C"; we report those separately.
        let detail = e.to_string();
        let detail = detail
            .rsplit_once(" at line ")
            .map_or(detail.as_str(), |(d, _)| d)
            .to_string();
        ParseError {
            kind,
            line: e.line(),
            column: e.column(),
            detail,
        }
    }
}

/// Parses a draft file, migrating older format versions to the current one.
pub fn from_json(text: &str) -> Result<Designation, ParseError> {
    let value: Value = serde_json::from_str(text)?;
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| ParseError {
            kind: ParseErrorKind::NoVersion,
            line: 0,
            column: 0,
            detail: "missing or non-numeric schema_version".into(),
        })?;
    match version.cmp(&u64::from(SCHEMA_VERSION)) {
        std::cmp::Ordering::Greater => Err(ParseError {
            kind: ParseErrorKind::NewerVersion { found: version },
            line: 0,
            column: 0,
            detail: format!("schema_version {version} > {SCHEMA_VERSION}"),
        }),
        // Parse the text again rather than the Value, so errors keep their line and column.
        std::cmp::Ordering::Equal => Ok(serde_json::from_str(text)?),
        std::cmp::Ordering::Less => {
            let migrated = migrate(value, version);
            Ok(serde_json::from_value(migrated)?)
        }
    }
}

/// Brings a document of an older version up to the current one, one version at a time.
/// Version 1 is the first published format, so there is nothing to do yet; the loop is the
/// place where each future step goes.
fn migrate(mut value: Value, from: u64) -> Value {
    let mut version = from;
    while version < u64::from(SCHEMA_VERSION) {
        version += 1;
        value["schema_version"] = Value::from(version);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    fn sample() -> String {
        serde_json::to_string_pretty(&Designation::new(OffsetDateTime::UNIX_EPOCH)).unwrap()
    }

    #[test]
    fn round_trip() {
        let d = Designation::new(OffsetDateTime::now_utc());
        let text = serde_json::to_string(&d).unwrap();
        let back = from_json(&text).unwrap();
        // RFC 3339 keeps nanoseconds, so the round trip is exact.
        assert_eq!(back, d);
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let text = sample().replacen("\"statut\"", "statut", 1);
        let e = from_json(&text).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Syntax);
        assert!(e.line > 1 && e.column > 0, "{e:?}");
        assert!(!e.detail.contains(" at line "), "{e:?}");
    }

    #[test]
    fn truncated_file() {
        let text = sample();
        let e = from_json(&text[..text.len() / 2]).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Truncated);
    }

    #[test]
    fn wrong_choice_is_a_content_error_with_position() {
        let text = sample().replace("\"brouillon\"", "\"perdu\"");
        let e = from_json(&text).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Content);
        assert!(e.line > 1, "{e:?}");
    }

    #[test]
    fn versions() {
        let newer = sample().replace("\"schema_version\": 1", "\"schema_version\": 7");
        assert_eq!(
            from_json(&newer).unwrap_err().kind,
            ParseErrorKind::NewerVersion { found: 7 }
        );
        let none = sample().replace("\"schema_version\": 1,", "");
        assert_eq!(
            from_json(&none).unwrap_err().kind,
            ParseErrorKind::NoVersion
        );
        assert_eq!(
            from_json("[1, 2]").unwrap_err().kind,
            ParseErrorKind::NoVersion
        );
    }

    #[test]
    fn missing_sections_default_to_empty() {
        let text = r#"{"schema_version": 1, "id": "6f1c1b9e-0a53-4c1e-9d0e-5d1f3a0b8c11",
            "cree_le": "2026-11-27T09:00:00-05:00", "modifie_le": "2026-11-27T09:00:00-05:00"}"#;
        let d = from_json(text).unwrap();
        assert_eq!(d.organization.name, "");
        assert_eq!(d.form.kind, None);
    }
}
