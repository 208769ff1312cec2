//! The user's settings: a TOML file in the configuration folder that never fails to load.
//!
//! A missing file means defaults; a broken file or a broken value falls back to its default and
//! is reported as a warning, so the application always starts.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// "fr" or "en"; absent: the system's language if English, else French.
    pub langue: Option<String>,
    /// "clair" or "sombre"; absent (or anything else): follow the system.
    pub theme: Option<String>,
    /// The base address of the ministry's intake service (`https://…`; `http://` only on this
    /// computer). `--endpoint` and `PIQM_ENDPOINT` override it. Absent: nothing is sent, the
    /// outbox keeps every designation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adresse_service: Option<String>,
    /// The bearer token the ministry gave this organisme, if its service asks for one. This is
    /// why the file is readable only by the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jeton: Option<String>,
}

/// The keys of the file, each with the other names it is accepted under.
const KEYS: [(&str, &[&str]); 4] = [
    ("langue", &["language"]),
    ("theme", &[]),
    ("adresse_service", &["endpoint"]),
    ("jeton", &["token"]),
];

/// Why the settings file was not (fully) used; the application goes on with defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsWarning {
    /// The file exists but cannot be read: every setting has its default.
    Unreadable { path: PathBuf, reason: String },
    /// The file is not TOML: every setting has its default.
    Invalid { path: PathBuf, reason: String },
    /// A key this version does not know; ignored.
    UnknownKey { path: PathBuf, key: String },
    /// A known key with a value that cannot be used; that setting has its default.
    BadValue {
        path: PathBuf,
        key: String,
        reason: String,
    },
}

impl SettingsWarning {
    /// The warning in words, naming the file and what to do.
    pub fn message(&self, l: &crate::i18n::Localizer) -> String {
        let shown = |p: &Path| p.display().to_string();
        match self {
            SettingsWarning::Unreadable { path, reason }
            | SettingsWarning::Invalid { path, reason } => l.t_args(
                "notice-settings-broken",
                &[
                    ("path", shown(path).into()),
                    ("reason", reason.clone().into()),
                ],
            ),
            SettingsWarning::UnknownKey { path, key } => l.t_args(
                "notice-settings-unknown-key",
                &[("path", shown(path).into()), ("key", key.clone().into())],
            ),
            SettingsWarning::BadValue { path, key, reason } => l.t_args(
                "notice-settings-bad-value",
                &[
                    ("path", shown(path).into()),
                    ("key", key.clone().into()),
                    ("reason", reason.clone().into()),
                ],
            ),
        }
    }
}

impl Settings {
    /// The interface language these settings ask for.
    pub fn lang(&self) -> Option<Lang> {
        self.langue.as_deref().and_then(Lang::from_code)
    }

    /// The light or dark theme these settings force, if any.
    pub fn forced_dark(&self) -> Option<bool> {
        match self.theme.as_deref() {
            Some("sombre" | "dark") => Some(true),
            Some("clair" | "light") => Some(false),
            _ => None,
        }
    }

    /// Reads the settings; never fails. Each key is read on its own: an unknown key or a
    /// value of the wrong kind is reported and skipped, the others still apply.
    pub fn load(path: &Path) -> (Settings, Vec<SettingsWarning>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Settings::default(), Vec::new());
            }
            Err(e) => {
                let warning = SettingsWarning::Unreadable {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                };
                return (Settings::default(), vec![warning]);
            }
        };
        let table = match text.parse::<toml::Table>() {
            Ok(table) => table,
            Err(e) => {
                let warning = SettingsWarning::Invalid {
                    path: path.to_path_buf(),
                    reason: e.message().to_string(),
                };
                return (Settings::default(), vec![warning]);
            }
        };
        let mut settings = Settings::default();
        let mut warnings = Vec::new();
        for (key, value) in table {
            let Some((name, _)) = KEYS
                .iter()
                .find(|(name, aliases)| *name == key || aliases.contains(&key.as_str()))
            else {
                warnings.push(SettingsWarning::UnknownKey {
                    path: path.to_path_buf(),
                    key,
                });
                continue;
            };
            let Some(text) = value.as_str().map(str::to_string) else {
                warnings.push(SettingsWarning::BadValue {
                    path: path.to_path_buf(),
                    key,
                    reason: format!("{} instead of text", value.type_str()),
                });
                continue;
            };
            let slot = match *name {
                "langue" => &mut settings.langue,
                "theme" => &mut settings.theme,
                "adresse_service" => &mut settings.adresse_service,
                _ => &mut settings.jeton,
            };
            *slot = Some(text);
        }
        if let Some(address) = settings.adresse_service.as_deref()
            && let Err(e) = crate::submit::Endpoint::parse(address)
        {
            warnings.push(SettingsWarning::BadValue {
                path: path.to_path_buf(),
                key: "adresse_service".into(),
                reason: e.to_string(),
            });
        }
        (settings, warnings)
    }

    /// The endpoint to use: the command line's (`--endpoint`, `PIQM_ENDPOINT`) if given, else
    /// this file's; `None` when neither names one.
    pub fn endpoint(
        &self,
        overridden: Option<&str>,
    ) -> Option<Result<crate::submit::Endpoint, crate::submit::EndpointError>> {
        overridden
            .or(self.adresse_service.as_deref())
            .filter(|s| !s.trim().is_empty())
            .map(crate::submit::Endpoint::parse)
    }

    /// The token, if one is set.
    pub fn token(&self) -> Option<String> {
        self.jeton
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    }

    /// Writes the settings atomically and durably ([`crate::fsutil::write_atomic`]), readable
    /// only by the user: the file may hold the ministry's token.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::fsutil::create_private_dir(dir)?;
        }
        crate::fsutil::write_atomic(path, text.as_bytes(), crate::fsutil::Access::Private)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_without_warning() {
        let dir = tempfile::tempdir().unwrap();
        let (s, w) = Settings::load(&dir.path().join("config.toml"));
        assert_eq!(s, Settings::default());
        assert_eq!(w, vec![]);
    }

    #[test]
    fn round_trip_and_private_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("config.toml");
        let s = Settings {
            langue: Some("en".into()),
            theme: Some("sombre".into()),
            adresse_service: Some("https://piqm.example.gouv.qc.ca/api".into()),
            jeton: Some("secret".into()),
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path), (s, vec![]));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn broken_file_still_loads_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "langue = [1, 2\n").unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s, Settings::default());
        assert!(matches!(w[..], [SettingsWarning::Invalid { .. }]));
        // An unknown language is not an error: it just does not apply.
        std::fs::write(&path, "langue = \"de\"\n").unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s.lang(), None);
        assert_eq!(w, vec![]);
    }

    #[test]
    fn unknown_keys_and_broken_values_are_skipped_one_by_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "langue = \"en\"\nautre = 3\ntheme = 7\nendpoint = \"http://piqm.example.com\"\ntoken = \"t\"\n",
        )
        .unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s.lang(), Some(Lang::En), "the good values still apply");
        assert_eq!(s.theme, None);
        assert_eq!(s.token().as_deref(), Some("t"));
        assert!(
            matches!(s.endpoint(None), Some(Err(_))),
            "http to another computer"
        );
        assert!(matches!(
            s.endpoint(Some("http://127.0.0.1:1")),
            Some(Ok(_))
        ));
        let keys: Vec<_> = w
            .iter()
            .map(|w| match w {
                SettingsWarning::UnknownKey { key, .. } => format!("unknown {key}"),
                SettingsWarning::BadValue { key, .. } => format!("bad {key}"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(keys, ["unknown autre", "bad theme", "bad adresse_service"]);
    }
}
