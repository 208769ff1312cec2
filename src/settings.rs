//! The user's settings: a TOML file in the configuration folder that never fails to load.
//!
//! A missing file means defaults; a broken file falls back to the defaults, and a broken value to
//! its own default, each reported as a warning, so the application always starts. The file is read
//! through serde: each known key (under its French name or its English alias) is first taken as a
//! raw TOML value, then turned into its type on its own, so one bad value never spoils the others;
//! keys this version does not know are reported by `serde_ignored`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bounded::{BoundedError, read_bounded};
use crate::i18n::Lang;

/// The largest settings file read: a real one is a few hundred bytes. Anything larger is not
/// settings (a log written at the wrong place, a disk image): it is refused, not loaded in memory.
pub use crate::bounded::MAX_SETTINGS_BYTES;

/// A theme the settings can force instead of following the system's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Theme {
    #[serde(rename = "clair", alias = "light")]
    Light,
    #[serde(rename = "sombre", alias = "dark")]
    Dark,
    /// White on black, yellow focus and links, as Windows' "High Contrast Black".
    #[serde(rename = "contraste", alias = "contrast", alias = "high-contrast")]
    Contrast,
}

/// The size of everything in the window (text, and the room around it), in percent.
///
/// The steps are Chrome's and Edge's zoom steps up to 200 %, the size WCAG 1.4.4 asks text to
/// reach without loss: people who enlarge text know them, and each is a visible change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct TextSize(u16);

/// One press of Ctrl+= (larger), Ctrl+- (smaller) or Ctrl+0 (back to 100 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Larger,
    Smaller,
    Reset,
}

impl TextSize {
    pub const NORMAL: TextSize = TextSize(100);
    pub const MAX: TextSize = TextSize(200);
    /// Where Ctrl+= and Ctrl+- go.
    pub const STEPS: [u16; 6] = [100, 110, 125, 150, 175, 200];

    /// A size from the settings file: any whole percent from 100 to 200 (IT may set one between
    /// the steps; the keys then go to the next step).
    pub fn from_percent(percent: i64) -> Option<TextSize> {
        let p = u16::try_from(percent).ok()?;
        (Self::NORMAL.0..=Self::MAX.0)
            .contains(&p)
            .then_some(TextSize(p))
    }

    pub fn percent(self) -> u16 {
        self.0
    }

    /// The window's scale factor.
    pub fn factor(self) -> f32 {
        f32::from(self.0) / 100.0
    }

    /// The size after one key press; at either end it stays.
    pub fn zoom(self, zoom: Zoom) -> TextSize {
        let steps = Self::STEPS.iter().copied();
        let next = match zoom {
            Zoom::Larger => steps.filter(|&s| s > self.0).min(),
            Zoom::Smaller => steps.filter(|&s| s < self.0).max(),
            Zoom::Reset => Some(Self::NORMAL.0),
        };
        next.map_or(self, TextSize)
    }
}

impl Default for TextSize {
    fn default() -> Self {
        TextSize::NORMAL
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// `"fr"` or `"en"`; absent: the system's language if English, else French. A language this
    /// version does not have is no error: it just does not apply.
    #[serde(serialize_with = "lang_code", skip_serializing_if = "Option::is_none")]
    pub langue: Option<Lang>,
    /// `"clair"`, `"sombre"` or `"contraste"`; absent: follow the system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// The window's size in percent (100 to 200); absent: 100 %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taille_texte: Option<TextSize>,
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

/// The file as written, each known key still a raw value (aliases: the English names).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawSettings {
    #[serde(alias = "language")]
    langue: Option<toml::Value>,
    theme: Option<toml::Value>,
    #[serde(alias = "text_size")]
    taille_texte: Option<toml::Value>,
    #[serde(alias = "endpoint")]
    adresse_service: Option<toml::Value>,
    #[serde(alias = "token")]
    jeton: Option<toml::Value>,
    /// The token sealed with DPAPI (Windows), as this application writes it there.
    jeton_protege: Option<toml::Value>,
}

fn lang_code<S: Serializer>(lang: &Option<Lang>, s: S) -> Result<S::Ok, S::Error> {
    match lang {
        Some(lang) => s.serialize_str(lang.code()),
        None => s.serialize_none(),
    }
}

/// A language as text: a known code gives it, any other text gives none (no error).
#[derive(Debug)]
struct LangText(Option<Lang>);

impl<'de> Deserialize<'de> for LangText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(LangText(Lang::from_code(&code)))
    }
}

/// Why the settings file was not (fully) used; the application goes on with defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsWarning {
    /// The file exists but cannot be read: every setting has its default.
    Unreadable { path: PathBuf, reason: String },
    /// Something other than a file is at that place (a folder, a pipe, a device): not read, so
    /// that the application neither waits on it forever nor reads it without end.
    NotAFile { path: PathBuf },
    /// The file is larger than [`MAX_SETTINGS_BYTES`]: not read.
    TooLarge { path: PathBuf },
    /// The file is not TOML: every setting has its default.
    Invalid { path: PathBuf, reason: String },
    /// A key this version does not know; ignored.
    UnknownKey { path: PathBuf, key: String },
    /// `taille_texte` is not a whole number from 100 to 200: the window shows at 100 %.
    BadTextSize { path: PathBuf, value: String },
    /// A known key with a value that cannot be used; that setting has its default.
    BadValue {
        path: PathBuf,
        key: String,
        reason: String,
    },
}

impl SettingsWarning {
    /// Whether the file was not read at all (a folder, a pipe, a device, too large, refused by
    /// the system): the command line stops there rather than go on without the settings it was
    /// given.
    pub fn file_unusable(&self) -> bool {
        matches!(
            self,
            SettingsWarning::Unreadable { .. }
                | SettingsWarning::NotAFile { .. }
                | SettingsWarning::TooLarge { .. }
        )
    }

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
            SettingsWarning::NotAFile { path } => l.t_args(
                "notice-settings-not-a-file",
                &[("path", shown(path).into())],
            ),
            SettingsWarning::TooLarge { path } => l.t_args(
                "notice-settings-too-large",
                &[
                    ("path", shown(path).into()),
                    ("limit", (MAX_SETTINGS_BYTES / 1024).into()),
                ],
            ),
            SettingsWarning::UnknownKey { path, key } => l.t_args(
                "notice-settings-unknown-key",
                &[("path", shown(path).into()), ("key", key.clone().into())],
            ),
            SettingsWarning::BadTextSize { path, value } => l.t_args(
                "notice-settings-bad-text-size",
                &[
                    ("path", shown(path).into()),
                    ("value", value.clone().into()),
                ],
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

/// The text of the settings file, or why there is none to use. `Ok(None)`: no file (defaults,
/// no warning). Read through [`crate::bounded`]: a named pipe opens without waiting and, like a
/// device or a folder, is refused before a byte is read.
fn read_settings(path: &Path) -> Result<Option<String>, SettingsWarning> {
    let bytes = match read_bounded(path, MAX_SETTINGS_BYTES) {
        Ok(bytes) => bytes,
        Err(BoundedError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(BoundedError::Io(e)) => {
            return Err(SettingsWarning::Unreadable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            });
        }
        Err(BoundedError::NotAFile) => {
            return Err(SettingsWarning::NotAFile {
                path: path.to_path_buf(),
            });
        }
        Err(BoundedError::TooLarge { .. }) => {
            return Err(SettingsWarning::TooLarge {
                path: path.to_path_buf(),
            });
        }
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| SettingsWarning::Invalid {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })
}

/// `taille_texte` as written: a whole number from 100 to 200, else a warning naming the value.
fn text_size(
    value: toml::Value,
    path: &Path,
    warnings: &mut Vec<SettingsWarning>,
) -> Option<TextSize> {
    let size = value.as_integer().and_then(TextSize::from_percent);
    if size.is_none() {
        warnings.push(SettingsWarning::BadTextSize {
            path: path.to_path_buf(),
            value: value.to_string(),
        });
    }
    size
}

/// Turns one raw value into its type; a value of the wrong kind is reported under `key` and
/// gives `None` (the default).
fn typed<T: serde::de::DeserializeOwned>(
    raw: Option<toml::Value>,
    key: &str,
    path: &Path,
    warnings: &mut Vec<SettingsWarning>,
) -> Option<T> {
    let value = raw?;
    match value.try_into::<T>() {
        Ok(v) => Some(v),
        Err(e) => {
            warnings.push(SettingsWarning::BadValue {
                path: path.to_path_buf(),
                key: key.to_string(),
                reason: e.message().trim().to_string(),
            });
            None
        }
    }
}

impl Settings {
    /// The interface language these settings ask for.
    pub fn lang(&self) -> Option<Lang> {
        self.langue
    }

    /// The window's size (100 % when not set).
    pub fn text_size(&self) -> TextSize {
        self.taille_texte.unwrap_or_default()
    }

    /// Keeps a size; 100 % is the default, so it leaves the file.
    pub fn set_text_size(&mut self, size: TextSize) {
        self.taille_texte = (size != TextSize::NORMAL).then_some(size);
    }

    /// Reads the settings; never fails, never waits on a pipe, never reads more than
    /// [`MAX_SETTINGS_BYTES`]. Each key is read on its own: an unknown key or a value of the wrong
    /// kind is reported and skipped, the others still apply.
    pub fn load(path: &Path) -> (Settings, Vec<SettingsWarning>) {
        let text = match read_settings(path) {
            Ok(Some(text)) => text,
            Ok(None) => return (Settings::default(), Vec::new()),
            Err(warning) => return (Settings::default(), vec![warning]),
        };
        Self::parse(&text, path)
    }

    /// Reads settings from the text of the file at `path` (named in the warnings).
    pub fn parse(text: &str, path: &Path) -> (Settings, Vec<SettingsWarning>) {
        let mut warnings = Vec::new();
        let mut unknown = Vec::new();
        let parsed = toml::Deserializer::parse(text).map_err(|e| e.message().to_string());
        let raw = parsed.and_then(|de| {
            serde_ignored::deserialize(de, |key| unknown.push(key.to_string()))
                .map_err(|e: toml::de::Error| e.message().to_string())
        });
        let raw: RawSettings = match raw {
            Ok(raw) => raw,
            // Not TOML, or one setting given twice (under both its names).
            Err(reason) => {
                let warning = SettingsWarning::Invalid {
                    path: path.to_path_buf(),
                    reason,
                };
                return (Settings::default(), vec![warning]);
            }
        };
        warnings.extend(unknown.into_iter().map(|key| SettingsWarning::UnknownKey {
            path: path.to_path_buf(),
            key,
        }));
        let settings = Settings {
            langue: typed::<LangText>(raw.langue, "langue", path, &mut warnings).and_then(|l| l.0),
            theme: typed(raw.theme, "theme", path, &mut warnings),
            taille_texte: raw
                .taille_texte
                .and_then(|v| text_size(v, path, &mut warnings)),
            adresse_service: typed(raw.adresse_service, "adresse_service", path, &mut warnings),
            jeton: typed(raw.jeton, "jeton", path, &mut warnings),
        };
        let mut settings = settings;
        // A token written in clear (by IT, or before sealing) wins over a sealed one: it is
        // the newer intention, and is sealed at the next save.
        if settings.jeton.is_none()
            && let Some(sealed) =
                typed::<String>(raw.jeton_protege, "jeton_protege", path, &mut warnings)
        {
            match open_token(&sealed) {
                Ok(token) => settings.jeton = Some(token),
                Err(reason) => warnings.push(SettingsWarning::BadValue {
                    path: path.to_path_buf(),
                    key: "jeton_protege".into(),
                    reason,
                }),
            }
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
        let text = self.to_file_text()?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::fsutil::create_private_dir(dir)?;
        }
        crate::fsutil::write_atomic(path, text.as_bytes(), crate::fsutil::Access::Private)
    }
}

impl Settings {
    /// The file's text: on Windows the token is sealed for the user ([`crate::secret`]) and
    /// written as `jeton_protege`; elsewhere as `jeton`, in a file only its owner may read.
    fn to_file_text(&self) -> std::io::Result<String> {
        let mut shown = self.clone();
        let sealed = match self.token() {
            Some(token) if cfg!(windows) => {
                shown.jeton = None;
                Some(seal_token(&token)?)
            }
            _ => None,
        };
        let mut table = toml::Table::try_from(&shown).map_err(std::io::Error::other)?;
        if let Some(sealed) = sealed {
            table.insert("jeton_protege".into(), toml::Value::String(sealed));
        }
        toml::to_string(&table).map_err(std::io::Error::other)
    }
}

/// A token sealed, as text for the TOML file.
fn seal_token(token: &str) -> std::io::Result<String> {
    use base64ct::{Base64, Encoding};
    Ok(Base64::encode_string(&crate::secret::seal(
        token.as_bytes(),
    )?))
}

/// The token of a `jeton_protege` value; `Err`: why it cannot be used, in English, for the
/// warning (which tells the user to enter it again).
fn open_token(text: &str) -> Result<String, String> {
    use base64ct::{Base64, Encoding};
    let stored = Base64::decode_vec(text.trim()).map_err(|e| format!("not base64: {e}"))?;
    if !crate::secret::is_sealed(&stored) {
        return Err("not a sealed token".into());
    }
    let plain = crate::secret::open(&stored).map_err(|e| e.to_string())?;
    String::from_utf8(plain).map_err(|e| e.to_string())
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
            langue: Some(Lang::En),
            theme: Some(Theme::Dark),
            taille_texte: Some(TextSize(150)),
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
    fn a_sealed_token_that_cannot_be_opened_is_named_and_a_clear_one_wins() {
        let path = Path::new("config.toml");
        // Sealed on Windows, read here (or sealed for another user there): a warning naming the
        // key, no token.
        let mut sealed = crate::secret::MAGIC.to_vec();
        sealed.extend_from_slice(b"\x01\x00\x00\x00");
        let sealed = {
            use base64ct::{Base64, Encoding};
            Base64::encode_string(&sealed)
        };
        let (s, w) = Settings::parse(&format!("jeton_protege = \"{sealed}\"\n"), path);
        assert_eq!(s.token(), None);
        assert!(
            matches!(&w[..], [SettingsWarning::BadValue { key, .. }] if key == "jeton_protege"),
            "{w:?}"
        );
        let (s, w) = Settings::parse("jeton_protege = \"pas du base64!\"\n", path);
        assert_eq!((s.token(), w.len()), (None, 1));
        // A token in clear beside it is the newer intention.
        let (s, w) = Settings::parse(
            &format!("jeton = \"neuf\"\njeton_protege = \"{sealed}\"\n"),
            path,
        );
        assert_eq!((s.token().as_deref(), w), (Some("neuf"), vec![]));
    }

    #[test]
    fn the_token_is_written_sealed_only_where_sealing_exists() {
        let s = Settings {
            jeton: Some("secret".into()),
            ..Settings::default()
        };
        let text = s.to_file_text().unwrap();
        if cfg!(windows) {
            assert!(
                !text.contains("secret") && text.contains("jeton_protege"),
                "{text}"
            );
        } else {
            assert_eq!(text, "jeton = \"secret\"\n");
        }
        assert_eq!(Settings::parse(&text, Path::new("c")), (s, vec![]));
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

    fn warned_keys(w: &[SettingsWarning]) -> Vec<String> {
        w.iter()
            .map(|w| match w {
                SettingsWarning::UnknownKey { key, .. } => format!("unknown {key}"),
                SettingsWarning::BadValue { key, .. } => format!("bad {key}"),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_new_key_never_lands_in_the_token() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "nouvelle_cle = \"x\"\n[section]\ncle = 1\n").unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s, Settings::default(), "nothing went into the token");
        assert_eq!(warned_keys(&w), ["unknown nouvelle_cle", "unknown section"]);
    }

    #[test]
    fn typed_values_french_names_and_english_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "language = \"fr-CA\"\ntheme = \"light\"\ntoken = \" t \"\n",
        )
        .unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(w, vec![]);
        assert_eq!(s.lang(), Some(Lang::Fr));
        assert_eq!(s.theme, Some(Theme::Light));
        assert_eq!(s.token().as_deref(), Some("t"));
        // Saved under the French names and values.
        s.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("langue = \"fr\""), "{text}");
        assert!(text.contains("theme = \"clair\""), "{text}");
        if cfg!(windows) {
            // Sealed for the user (DPAPI): the token is not in the file in clear.
            assert!(
                text.contains("jeton_protege = ") && !text.contains("\"t\""),
                "{text}"
            );
            assert_eq!(Settings::load(&path).0.token().as_deref(), Some("t"));
        } else {
            assert!(text.contains("jeton = \" t \""), "{text}");
        }
        // A theme that is not one of the two falls back alone, with a warning naming it.
        std::fs::write(&path, "theme = \"bleu\"\nlangue = \"en\"\n").unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s.theme, None);
        assert_eq!(s.lang(), Some(Lang::En));
        assert_eq!(warned_keys(&w), ["bad theme"]);
        // One setting under both its names: the file is ambiguous, the defaults apply.
        std::fs::write(&path, "jeton = \"a\"\ntoken = \"b\"\n").unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s, Settings::default());
        assert!(matches!(w[..], [SettingsWarning::Invalid { .. }]), "{w:?}");
    }

    #[test]
    fn the_text_size_is_a_whole_percent_from_100_to_200() {
        let path = Path::new("config.toml");
        let size = |text: &str| {
            let (s, w) = Settings::parse(text, path);
            (s.taille_texte.map(TextSize::percent), warned_keys(&w))
        };
        assert_eq!(size("taille_texte = 150\n"), (Some(150), vec![]));
        assert_eq!(size("text_size = 200\n"), (Some(200), vec![]));
        // Between the steps is fine: IT may want 130 %.
        assert_eq!(size("taille_texte = 130\n"), (Some(130), vec![]));
        assert_eq!(size("taille_texte = 100\n"), (Some(100), vec![]));
        for bad in [
            "99",
            "201",
            "0",
            "-150",
            "1.5",
            "150.0",
            "\"150 %\"",
            "\"grand\"",
            "[150]",
        ] {
            let (s, w) = Settings::parse(&format!("taille_texte = {bad}\nlangue = \"en\"\n"), path);
            assert_eq!(s.text_size(), TextSize::NORMAL, "{bad}");
            assert_eq!(
                s.lang(),
                Some(Lang::En),
                "{bad}: the other keys still apply"
            );
            assert!(
                matches!(&w[..], [SettingsWarning::BadTextSize { value, .. }] if value == bad),
                "{bad}: {w:?}"
            );
        }
        // The warning names the key, the value and what is allowed, in French first.
        let (_, w) = Settings::parse("taille_texte = 300\n", path);
        let fr = w[0].message(&crate::i18n::Localizer::new(Lang::Fr));
        assert!(
            fr.contains("taille_texte") && fr.contains("300") && fr.contains("100"),
            "{fr}"
        );
        let en = w[0].message(&crate::i18n::Localizer::new(Lang::En));
        assert!(en.contains("300") && en.contains("200"), "{en}");
        // Both names at once: ambiguous, as for the other keys.
        let (s, w) = Settings::parse("taille_texte = 150\ntext_size = 175\n", path);
        assert_eq!(s, Settings::default());
        assert!(matches!(w[..], [SettingsWarning::Invalid { .. }]), "{w:?}");
    }

    #[test]
    fn the_text_size_is_saved_as_a_number_and_100_leaves_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let mut s = Settings::default();
        s.set_text_size(TextSize(175));
        s.save(&path).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "taille_texte = 175\n"
        );
        assert_eq!(Settings::load(&path), (s.clone(), vec![]));
        s.set_text_size(TextSize::NORMAL);
        assert_eq!(s.taille_texte, None);
        s.save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    }

    #[test]
    fn the_keys_go_by_steps_and_stop_at_both_ends() {
        let mut size = TextSize::NORMAL;
        let mut seen = vec![size.percent()];
        for _ in 0..7 {
            size = size.zoom(Zoom::Larger);
            seen.push(size.percent());
        }
        assert_eq!(seen, [100, 110, 125, 150, 175, 200, 200, 200]);
        assert_eq!(size.factor(), 2.0);
        assert_eq!(size.zoom(Zoom::Smaller).percent(), 175);
        assert_eq!(TextSize::NORMAL.zoom(Zoom::Smaller), TextSize::NORMAL);
        assert_eq!(size.zoom(Zoom::Reset), TextSize::NORMAL);
        // From a size between the steps, to the nearest step each way.
        let odd = TextSize::from_percent(130).unwrap();
        assert_eq!(odd.zoom(Zoom::Larger).percent(), 150);
        assert_eq!(odd.zoom(Zoom::Smaller).percent(), 125);
    }

    #[test]
    fn the_high_contrast_theme_has_a_french_name_and_english_aliases() {
        let path = Path::new("config.toml");
        for text in ["contraste", "contrast", "high-contrast"] {
            let (s, w) = Settings::parse(&format!("theme = \"{text}\"\n"), path);
            assert_eq!((s.theme, w), (Some(Theme::Contrast), vec![]), "{text}");
        }
        let s = Settings {
            theme: Some(Theme::Contrast),
            ..Settings::default()
        };
        assert_eq!(s.to_file_text().unwrap(), "theme = \"contraste\"\n");
    }

    #[test]
    fn an_oversized_file_is_refused_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let mut text = "langue = \"en\"\n".to_string();
        text.push_str(&"# commentaire\n".repeat(6000));
        assert!(text.len() as u64 > MAX_SETTINGS_BYTES);
        std::fs::write(&path, &text).unwrap();
        let (s, w) = Settings::load(&path);
        assert_eq!(s, Settings::default());
        assert_eq!(w, vec![SettingsWarning::TooLarge { path: path.clone() }]);
        let l = crate::i18n::Localizer::new(Lang::Fr);
        assert!(w[0].message(&l).contains("64"), "{}", w[0].message(&l));
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_a_device_is_refused_without_waiting_or_reading_forever() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("config.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo (coreutils) runs");
        assert!(made.success());
        // Opening the pipe would wait for a writer forever: a thread keeps the test from hanging
        // if it did.
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || tx.send(Settings::load(&path)).unwrap());
        let (s, w) = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("load returns at once");
        assert_eq!(s, Settings::default());
        assert_eq!(w, vec![SettingsWarning::NotAFile { path: fifo }]);
        let (s, w) = Settings::load(Path::new("/dev/zero"));
        assert_eq!(s, Settings::default());
        assert!(matches!(w[..], [SettingsWarning::NotAFile { .. }]), "{w:?}");
        let (_, w) = Settings::load(dir.path());
        assert!(
            matches!(w[..], [SettingsWarning::NotAFile { .. }]),
            "a folder: {w:?}"
        );
    }
}
