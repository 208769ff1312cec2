//! Type-to-filter choice lists. Every choice of the form (form kind, categories, civility,
//! municipality, region, ridings) is a picker built on a text input, so that it can be reached
//! with Tab and used with the keyboard alone (iced's radios and buttons cannot take focus).

use crate::designation::{Civility, Designation, Field, FormKind, MunicipalCategory};
use crate::i18n::{Lang, Localizer};
use crate::reference::{FoldedQuery, NameClash, Reference, fold};

/// At most this many matches are listed under a long list's input.
pub const MAX_SHOWN: usize = 8;

/// The picker being typed into, with its query and the highlighted match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenPicker {
    pub field: Field,
    pub query: String,
    pub highlight: usize,
}

/// One choice: the code stored in the draft, and what the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// Whether a field is answered with a picker.
pub fn is_picker(field: Field) -> bool {
    matches!(
        field,
        Field::FormKind
            | Field::MunicipalCategory
            | Field::OrganizationCategory
            | Field::Civility
            | Field::Municipality
            | Field::Region
            | Field::ProvincialRiding
            | Field::FederalRiding
    )
}

/// Short lists show every choice at all times, like radio buttons.
pub fn is_short(field: Field) -> bool {
    matches!(
        field,
        Field::FormKind | Field::MunicipalCategory | Field::OrganizationCategory | Field::Civility
    )
}

/// Every choice of a picker field, in display order, for the current draft.
pub fn choices(field: Field, d: &Designation, refs: &Reference, l: &Localizer) -> Vec<Choice> {
    let choice = |code: &str, label: String| Choice {
        code: code.to_string(),
        label,
    };
    match field {
        Field::FormKind => FormKind::ALL
            .iter()
            .map(|k| choice(k.code(), l.t(k.label_id())))
            .collect(),
        Field::MunicipalCategory => MunicipalCategory::ALL
            .iter()
            .map(|c| choice(c.code(), l.t(c.label_id())))
            .collect(),
        Field::Civility => Civility::ALL
            .iter()
            .map(|c| choice(c.code(), l.t(c.label_id())))
            .collect(),
        Field::OrganizationCategory => refs
            .organization_categories()
            .iter()
            .map(|c| {
                let name = match l.lang() {
                    Lang::Fr => &c.name_fr,
                    Lang::En => &c.name_en,
                };
                choice(&c.code, name.clone())
            })
            .collect(),
        Field::Region => refs
            .regions()
            .iter()
            .map(|r| choice(&r.code, format!("{} ({})", r.name, r.code)))
            .collect(),
        Field::ProvincialRiding => {
            let covering = refs.ridings_of_municipality(d.organization.municipality.trim());
            let list: Vec<_> = if covering.is_empty() {
                refs.provincial_ridings().iter().collect()
            } else {
                covering
            };
            list.into_iter()
                .map(|r| choice(&r.code, r.name.clone()))
                .collect()
        }
        Field::FederalRiding => refs
            .federal_ridings()
            .iter()
            .map(|r| {
                let name = match l.lang() {
                    Lang::Fr => &r.name_fr,
                    Lang::En => &r.name_en,
                };
                choice(&r.code, name.clone())
            })
            .collect(),
        Field::Municipality => refs
            .municipalities()
            .iter()
            .map(|m| choice(&m.code, municipality_label(refs, l, &m.code)))
            .collect(),
        _ => Vec::new(),
    }
}

/// A municipality's name, with what tells it apart from its namesakes.
pub fn municipality_label(refs: &Reference, l: &Localizer, code: &str) -> String {
    let Some(m) = refs.municipality(code) else {
        return code.to_string();
    };
    let region = || {
        refs.region(&m.region_code)
            .map(|r| r.name.clone())
            .unwrap_or_default()
    };
    match refs.name_clash(code) {
        NameClash::Unique => m.name.clone(),
        NameClash::OtherMrc if !m.mrc_name.is_empty() => format!("{} — {}", m.name, m.mrc_name),
        NameClash::OtherMrc => format!("{} — {}", m.name, region()),
        NameClash::SameMrc => {
            let designation = l.t(designation_label_id(&m.designation_code));
            format!("{} ({}) — {}", m.name, designation, m.mrc_name)
        }
    }
}

/// The Fluent id of a municipal designation code of the MAMH list.
fn designation_label_id(code: &str) -> &'static str {
    match code {
        "01" => "mcat-canton",
        "02" => "mcat-cantons-unis",
        "04" => "mcat-paroisse",
        "06" => "mcat-village",
        "07" => "mdes-village-cri",
        "08" => "mdes-village-naskapi",
        "09" => "mcat-village-nordique",
        "10" => "mcat-ville",
        "40" => "mdes-gouvernement-regional",
        _ => "mcat-municipalite",
    }
}

/// The label shown for the field's current value (the code itself if it is not a choice).
pub fn current_label(field: Field, d: &Designation, refs: &Reference, l: &Localizer) -> String {
    let code = field.get(d);
    if code.trim().is_empty() {
        return String::new();
    }
    if field == Field::Municipality {
        return municipality_label(refs, l, code.trim());
    }
    choices(field, d, refs, l)
        .into_iter()
        .find(|c| c.code == code.trim())
        .map_or(code, |c| c.label)
}

/// The choices matching a query: names starting with it first, then a later word starting
/// with it; accents, case, dashes and apostrophes ignored ("levis" finds "Lévis").
pub fn matches(
    field: Field,
    query: &str,
    d: &Designation,
    refs: &Reference,
    l: &Localizer,
) -> Vec<Choice> {
    if field == Field::Municipality {
        return refs
            .search_municipalities(query, MAX_SHOWN)
            .into_iter()
            .map(|m| Choice {
                code: m.code.clone(),
                label: municipality_label(refs, l, &m.code),
            })
            .collect();
    }
    let q = FoldedQuery::new(query);
    let mut ranked: Vec<_> = choices(field, d, refs, l)
        .into_iter()
        .filter_map(|c| q.rank(&fold(&c.label)).map(|rank| (rank, c)))
        .collect();
    // Stable: equal ranks keep the list's own order.
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    #[test]
    fn accent_insensitive_filtering() {
        let refs = Reference::get();
        let l = Localizer::new(Lang::Fr);
        let d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        let found = matches(Field::Municipality, "levis", &d, refs, &l);
        assert_eq!(found[0].label, "Lévis");
        let found = matches(Field::MunicipalCategory, "VILLAGE", &d, refs, &l);
        assert_eq!(found[0].code, "village");
        assert_eq!(found[1].code, "village_nordique");
        let found = matches(Field::Region, "saguenay", &d, refs, &l);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn ridings_narrow_to_the_municipality() {
        let refs = Reference::get();
        let l = Localizer::new(Lang::Fr);
        let mut d = Designation::new(OffsetDateTime::UNIX_EPOCH);
        assert_eq!(choices(Field::ProvincialRiding, &d, refs, &l).len(), 125);
        d.organization.municipality = "25213".into();
        let codes: Vec<_> = choices(Field::ProvincialRiding, &d, refs, &l)
            .into_iter()
            .map(|c| c.code)
            .collect();
        assert_eq!(codes.len(), 3);
        assert!(codes.contains(&"818".to_string()));
    }
}
