//! How `drafts` prints: aligned tables for people, JSON for scripts, times in the local zone.

use serde_json::json;
use time::{OffsetDateTime, UtcOffset};

use crate::i18n::Localizer;
use crate::store::{DraftSummary, ListStatus, UnreadableDraft};

/// One draft for scripts: stable codes, French keys like the draft files.
pub(super) fn summary_json(s: &DraftSummary) -> serde_json::Value {
    json!({
        "id": s.id,
        "organisme": s.organization_name,
        "formulaire": s.form_kind.map(|k| k.code()),
        "etape": s.step,
        "statut": s.status.code(),
        "numero": match &s.status {
            ListStatus::Sent { number } if !number.is_empty() => Some(number.as_str()),
            _ => None,
        },
        "erreurs": s.error_count,
        "cree_le": rfc3339(s.created_at),
        "modifie_le": rfc3339(s.updated_at),
    })
}

pub(super) fn unreadable_json(u: &UnreadableDraft, l: &Localizer) -> serde_json::Value {
    json!({
        "fichier": u.path,
        "raison": u.problem.reason(l),
        "deplace_vers": u.moved_to,
    })
}

pub(super) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub(super) fn local_offset() -> UtcOffset {
    UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC)
}

/// "2026-11-24 14:32", in the computer's time zone.
pub(super) fn local_time(t: OffsetDateTime, offset: UtcOffset) -> String {
    let t = t.to_offset(offset);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max - 1).collect();
        short.push('…');
        short
    }
}

/// Columns aligned on the widest cell (in characters: the names are accented, not wide).
pub(super) fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if c + 1 < columns {
                    let pad = widths[c] - cell.chars().count() + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
