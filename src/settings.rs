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
}

/// Why the settings file was not (fully) used; the application goes on with defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsWarning {
    Unreadable { path: PathBuf, reason: String },
    Invalid { path: PathBuf, reason: String },
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

    /// Reads the settings; never fails.
    pub fn load(path: &Path) -> (Settings, Option<SettingsWarning>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Settings::default(), None);
            }
            Err(e) => {
                let warning = SettingsWarning::Unreadable {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                };
                return (Settings::default(), Some(warning));
            }
        };
        match toml::from_str::<Settings>(&text) {
            Ok(settings) => (settings, None),
            Err(e) => {
                let warning = SettingsWarning::Invalid {
                    path: path.to_path_buf(),
                    reason: e.message().to_string(),
                };
                (Settings::default(), Some(warning))
            }
        }
    }

    /// Writes the settings atomically (a temporary file renamed over the old one), readable
    /// only by the user: later versions keep a token here.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("toml.tmp");
        write_private(&tmp, text.as_bytes())?;
        std::fs::rename(&tmp, path)
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_without_warning() {
        let dir = tempfile::tempdir().unwrap();
        let (s, w) = Settings::load(&dir.path().join("config.toml"));
        assert_eq!(s, Settings::default());
        assert_eq!(w, None);
    }

    #[test]
    fn round_trip_and_private_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("config.toml");
        let s = Settings {
            langue: Some("en".into()),
            theme: Some("sombre".into()),
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path), (s, None));
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
        assert!(matches!(w, Some(SettingsWarning::Invalid { .. })));
        // An unknown language is not an error: it just does not apply.
        std::fs::write(&path, "langue = \"de\"\nautre = 3\n").unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s.lang(), None);
        assert_eq!(w, None);
    }
}
