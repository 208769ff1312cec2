//! Every text a user reads, from the Fluent files in `i18n/` (French first, English second).

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::designation::{MessageArg, Problem};

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// The Fluent sources, embedded so the application is one file to install.
pub const SOURCES: [(Lang, &str); 2] = [
    (Lang::Fr, include_str!("../i18n/fr-CA/piqm-acces.ftl")),
    (Lang::En, include_str!("../i18n/en-CA/piqm-acces.ftl")),
];

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The short code used on the command line and in settings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag of the Fluent files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr-CA",
            Lang::En => "en-CA",
        }
    }

    /// "fr", "en", "fr-CA", "en_US.UTF-8", …; None for other languages.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_', '.']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The system's language if it is English, else French (the first language of the app).
    pub fn from_system() -> Lang {
        match sys_locale::get_locale()
            .as_deref()
            .and_then(Lang::from_code)
        {
            Some(Lang::En) => Lang::En,
            _ => Lang::Fr,
        }
    }

    fn source(self) -> &'static str {
        SOURCES
            .iter()
            .find(|(l, _)| *l == self)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }
}

/// Translates message ids into one language.
pub struct Localizer {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Localizer {
    pub fn new(lang: Lang) -> Self {
        // The embedded files are checked by tests: a syntax error there is a build defect,
        // and Fluent still keeps every message it could read.
        let resource = FluentResource::try_new(lang.source().to_string())
            .unwrap_or_else(|(partial, _errors)| partial);
        let langid: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Unicode isolation marks show up as garbage in terminals and some fonts.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        Localizer { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message, or its id when missing (tests make sure none is).
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    /// A sentence, then the system's own words (often English) on a line of their own,
    /// labelled ("Détail technique : …"), for whoever helps the user: never inside the sentence.
    pub fn with_detail(&self, sentence: String, detail: &str) -> String {
        if detail.trim().is_empty() {
            sentence
        } else {
            let detail = self.t_args("failure-detail", &[("detail", detail.to_string().into())]);
            format!("{sentence}\n{detail}")
        }
    }

    /// A validation problem in words, with the field's label available as `$label`.
    pub fn problem(&self, p: &Problem) -> String {
        let mut args = FluentArgs::new();
        args.set("label", self.t(p.field.label_id()));
        for (name, value) in &p.args {
            match value {
                MessageArg::Text(s) => args.set(*name, s.clone()),
                MessageArg::Number(n) => args.set(*name, *n),
            }
        }
        self.format(p.message_id, Some(&args))
    }

    /// "14 h 32" in French, "2:32 p.m." in English, in the user's local time.
    pub fn time_of_day(&self, t: time::OffsetDateTime) -> String {
        let t = crate::clock::local(t);
        match self.lang {
            Lang::Fr => format!("{}\u{a0}h\u{a0}{:02}", t.hour(), t.minute()),
            Lang::En => {
                let (h, suffix) = match t.hour() {
                    0 => (12, "a.m."),
                    h @ 1..=11 => (h, "a.m."),
                    12 => (12, "p.m."),
                    h => (h - 12, "p.m."),
                };
                format!("{h}:{:02}\u{a0}{suffix}", t.minute())
            }
        }
    }

    /// "2026-11-27 14 h 32": the ISO date Québec's administration uses, then the time of day.
    pub fn date_time(&self, t: time::OffsetDateTime) -> String {
        let local = crate::clock::local(t);
        format!(
            "{}-{:02}-{:02} {}",
            local.year(),
            u8::from(local.month()),
            local.day(),
            self.time_of_day(t)
        )
    }

    /// "2 décembre 2026 à 5 h 11" / "December 2, 2026 at 5:11 a.m.": a date people read in a
    /// sentence, in the user's local time.
    pub fn long_date_time(&self, t: time::OffsetDateTime) -> String {
        let local = crate::clock::local(t);
        let month = self.t(&format!("month-{}", u8::from(local.month())));
        self.t_args(
            "date-long",
            &[
                ("day", local.day().into()),
                ("month", month.into()),
                ("year", local.year().to_string().into()),
                ("time", self.time_of_day(t).into()),
            ],
        )
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// The ids of the messages in a Fluent source, for the consistency tests.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}
