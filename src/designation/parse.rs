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
    let version = version_of(text)?.ok_or_else(|| ParseError {
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
        // The typed parse of the text keeps line and column in its errors.
        std::cmp::Ordering::Equal => Ok(serde_json::from_str(text)?),
        std::cmp::Ordering::Less => {
            let migrated = migrate(serde_json::from_str(text)?, version);
            Ok(serde_json::from_value(migrated)?)
        }
    }
}

/// The `schema_version` of a document, checking its JSON syntax on the way. For an object, only
/// that one entry is kept (the rest is skipped without being built), which makes listing
/// thousands of drafts about a third faster than reading a whole `Value` first.
fn version_of(text: &str) -> Result<Option<u64>, ParseError> {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(default)]
        schema_version: Option<Value>,
    }
    let probe = if text.trim_start().starts_with('{') {
        serde_json::from_str::<Probe>(text)?.schema_version
    } else {
        serde_json::from_str::<Value>(text)?
            .get("schema_version")
            .cloned()
    };
    Ok(probe.as_ref().and_then(Value::as_u64))
}

/// Brings a document of an older version up to the current one, one version at a time.
fn migrate(mut value: Value, from: u64) -> Value {
    let mut version = from;
    while version < u64::from(SCHEMA_VERSION) {
        if version == 0 {
            migrate_0_to_1(&mut value);
        }
        version += 1;
        value["schema_version"] = Value::from(version);
    }
    value
}

/// Version 0 is the format of the autumn 2026 prototype, used by the pilot municipalities:
///
/// - the form was two flat keys, `type_formulaire` and one `categorie` that held either the
///   municipal category or the organisme category, depending on the type;
/// - there was no `etape`: the prototype always reopened a draft on its first page;
/// - the demandeur's `civilite` was spelled out, `Madame` or `Monsieur`.
///
/// Anything else was already as in version 1. Unexpected shapes are left for the typed parse to
/// report, so a broken old file fails like any broken file.
fn migrate_0_to_1(value: &mut Value) {
    let Some(doc) = value.as_object_mut() else {
        return;
    };
    let kind = doc.remove("type_formulaire");
    let category = doc.remove("categorie");
    if !doc.contains_key("formulaire") {
        let kind_code = kind.as_ref().and_then(Value::as_str).unwrap_or_default();
        let category = category.unwrap_or(Value::Null);
        let (municipal, organization) = match kind_code {
            "municipalite" => (category, Value::from("")),
            "organisme" => (Value::Null, category),
            _ => (Value::Null, Value::from("")),
        };
        doc.insert(
            "formulaire".into(),
            serde_json::json!({
                "type": kind.unwrap_or(Value::Null),
                "categorie_municipale": municipal,
                "categorie_organisme": organization,
            }),
        );
    }
    if !doc.contains_key("etape") {
        // With the form chosen, reopen on the review: the wizard then goes back to the first
        // step that still needs an answer.
        let chosen = doc
            .get("formulaire")
            .and_then(|f| f.get("type"))
            .is_some_and(|t| !t.is_null());
        let step = if chosen { "verification" } else { "choix" };
        doc.insert("etape".into(), Value::from(step));
    }
    if let Some(civility) = doc.get_mut("demandeur").and_then(|r| r.get_mut("civilite")) {
        let renamed = match civility.as_str() {
            Some("Madame") => Some("Mme"),
            Some("Monsieur") => Some("M."),
            _ => None,
        };
        if let Some(renamed) = renamed {
            *civility = Value::from(renamed);
        }
    }
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
