//! The outcomes of sending in words, for the window and the command line alike.

use crate::designation::{Refusal, SendFailure};
use crate::i18n::Localizer;
use crate::submit::outbox::{KEY_REUSED, UNKNOWN_USERNAME};

/// A failure that will be retried, in words, with the technical details for support.
pub fn failure_words(f: &SendFailure, l: &Localizer) -> String {
    let words = l.t(f.code.message_id());
    if f.detail.is_empty() {
        words
    } else {
        format!("{words} ({})", f.detail)
    }
}

/// A sentence (`id`) with the failure's words as `$reason`, and its technical detail apart:
/// for the window, which never puts the system's (English) words inside a French sentence.
pub fn failure_sentence(id: &str, f: &SendFailure, l: &Localizer) -> String {
    let sentence = l.t_args(id, &[("reason", l.t(f.code.message_id()).into())]);
    l.with_detail(sentence, &f.detail)
}

/// The ministry's reasons, one a line: its message, then `field: message` for each field.
pub fn refusal_lines(r: &Refusal, l: &Localizer) -> Vec<String> {
    let mut lines = Vec::new();
    let message = refusal_message(r, l);
    if !message.is_empty() {
        lines.push(message);
    }
    for e in &r.erreurs {
        let text = field_error_words(r, &e.message, l);
        lines.push(format!("{}: {}", e.champ, text));
    }
    lines
}

/// The refusal's message: the server's words, or ours when it gave none. A reused key is always
/// said in ours: the way out ("Dupliquer") is the application's, which the server cannot name.
pub fn refusal_message(r: &Refusal, l: &Localizer) -> String {
    if r.code == KEY_REUSED {
        return l.t("refusal-key-reused");
    }
    if !r.message.trim().is_empty() {
        return r.message.clone();
    }
    match r.code.as_str() {
        UNKNOWN_USERNAME => String::new(),
        "non_autorise" => l.t("refusal-unauthorized"),
        "acces_refuse" => l.t("refusal-forbidden"),
        "gestionnaire_deja_designe" => l.t("refusal-already-designated"),
        _ if r.erreurs.is_empty() => l.t("refusal-generic"),
        _ => String::new(),
    }
}

/// One field's error: the server's words, or ours for the look-up made before sending.
pub fn field_error_words(r: &Refusal, message: &str, l: &Localizer) -> String {
    if message.trim().is_empty() && r.code == UNKNOWN_USERNAME {
        l.t("lookup-not-found")
    } else {
        message.to_string()
    }
}
