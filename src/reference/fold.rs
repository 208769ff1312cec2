//! Accent- and case-insensitive keys for sorting and type-to-filter search.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The accent- and case-insensitive key used for searching and sorting.
///
/// NFD, combining marks removed, lowercase, `œ`→`oe`, `æ`→`ae`; every run of characters that are
/// neither letters nor digits (dashes `-–—`, apostrophes `’'`, whitespace, and also other
/// punctuation such as the `!` of "Saint-Louis-du-Ha! Ha!") becomes one space; trimmed.
///
/// ```
/// use piqm_acces::reference::fold;
/// assert_eq!(fold("Saguenay–Lac-Saint-Jean"), "saguenay lac saint jean");
/// assert_eq!(fold("  L’Île-d'Orléans "), "l ile d orleans");
/// ```
pub fn fold(s: &str) -> String {
    let mut folder = Folder {
        out: String::with_capacity(s.len()),
        pending_separator: false,
    };
    for c in s.chars() {
        if c.is_ascii() {
            folder.push(c);
        } else {
            // NFD one character at a time: canonical reordering only permutes combining marks,
            // which are dropped anyway. Much faster than the streaming `nfd()` adapter.
            decompose_canonical(c, |d| folder.push(d));
        }
    }
    folder.out
}

struct Folder {
    out: String,
    /// A separator is only written once the next word starts: this collapses runs and trims.
    pending_separator: bool,
}

impl Folder {
    fn push(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            self.start_word();
            self.out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            self.pending_separator = true;
        } else if is_combining_mark(c) {
            // Accents, left alone by NFD: dropped. Tested before `is_alphanumeric`, which is
            // true for some marks.
        } else if c.is_alphanumeric() {
            self.start_word();
            match c {
                'œ' | 'Œ' => self.out.push_str("oe"),
                'æ' | 'Æ' => self.out.push_str("ae"),
                // Lowercasing may itself yield a combining mark (e.g. 'İ' → "i\u{307}").
                _ => self
                    .out
                    .extend(c.to_lowercase().filter(|&l| !is_combining_mark(l))),
            }
        } else {
            self.pending_separator = true;
        }
    }

    fn start_word(&mut self) {
        if self.pending_separator && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.pending_separator = false;
    }
}

/// Folded word-prefix match: does a word of `name` (or the whole name) start with `query`?
///
/// The query may span several words ("jean sur" matches "Saint-Jean-sur-Richelieu"), and
/// complete words "st"/"ste" also stand for "saint"/"sainte" ("st-jean" matches "Saint-Jean-…").
/// An empty query matches everything. Meant for the GUI's pickers; for many names, fold them
/// once and use [`FoldedQuery`].
pub fn matches_filter(name: &str, query: &str) -> bool {
    FoldedQuery::new(query).rank(&fold(name)).is_some()
}

/// How a folded name matches a query; the derived order puts the better match first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchRank {
    /// The name starts with the query.
    Prefix,
    /// A later word of the name starts with the query.
    WordPrefix,
}

/// A search query folded once, to be matched against many already-folded names.
#[derive(Debug, Clone)]
pub struct FoldedQuery {
    /// The folded query, then possibly its variant with "st"/"ste" spelled out.
    variants: Vec<String>,
}

impl FoldedQuery {
    pub fn new(query: &str) -> Self {
        let folded = fold(query);
        let expanded = expand_abbreviations(&folded);
        FoldedQuery {
            variants: std::iter::once(folded).chain(expanded).collect(),
        }
    }

    /// True if the query folds to nothing (it then matches every name).
    pub fn is_empty(&self) -> bool {
        self.variants[0].is_empty()
    }

    /// How `folded_name` (the output of [`fold`]) matches, if it does.
    pub fn rank(&self, folded_name: &str) -> Option<MatchRank> {
        self.variants
            .iter()
            .filter_map(|q| rank_one(folded_name, q))
            .min()
    }
}

fn rank_one(folded_name: &str, folded_query: &str) -> Option<MatchRank> {
    if folded_name.starts_with(folded_query) {
        return Some(MatchRank::Prefix);
    }
    // Folded names separate words with exactly one ASCII space, so word starts are easy to find.
    folded_name
        .match_indices(' ')
        .any(|(i, _)| folded_name[i + 1..].starts_with(folded_query))
        .then_some(MatchRank::WordPrefix)
}

/// Québec's usual abbreviations, expanded only in words the user has finished typing (followed
/// by another word), so that typing "st" still finds "Stanstead" and "Stoke".
fn expand_abbreviations(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let last = words.len() - 1;
    let expanded: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, &word)| match word {
            "st" if i < last => "saint",
            "ste" if i < last => "sainte",
            _ => word,
        })
        .collect();
    (expanded != words).then(|| expanded.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_case_and_punctuation() {
        assert_eq!(fold("Saguenay–Lac-Saint-Jean"), "saguenay lac saint jean");
        assert_eq!(fold("LÉVIS"), fold("Levis"));
        assert_eq!(fold("Lévis"), "levis");
        assert_eq!(fold("Abitibi—Baie-James"), "abitibi baie james");
        assert_eq!(fold("L’Ange-Gardien"), "l ange gardien");
        assert_eq!(fold("L'Ange-Gardien"), "l ange gardien");
        assert_eq!(fold("  Sainte -  Foy  "), "sainte foy");
        assert_eq!(fold("Cœur ÆLFRED"), "coeur aelfred");
        assert_eq!(fold("Saint-Louis-du-Ha! Ha!"), "saint louis du ha ha");
        assert_eq!(fold("İ"), "i");
        assert_eq!(fold(" -’ "), "");
    }

    /// The definition, with the streaming NFD adapter.
    fn naive_fold(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        for c in s.nfd().filter(|&c| !is_combining_mark(c)) {
            let c = match c {
                'œ' | 'Œ' => "oe".to_owned(),
                'æ' | 'Æ' => "ae".to_owned(),
                c if c.is_alphanumeric() => c.to_lowercase().collect(),
                _ => " ".to_owned(),
            };
            out.push_str(&c);
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn fold_agrees_with_its_definition() {
        let samples = [
            include_str!("../../resources/data/municipalites.csv"),
            include_str!("../../resources/data/circonscriptions_federales.csv"),
            "Œuvre Ærø İstanbul ǅ Ἀθῆναι 𝔸 ﬁ x\u{301}\u{327}y Ω Å",
        ];
        for text in samples {
            for field in text.split([',', '\n']) {
                assert_eq!(fold(field), naive_fold(field), "{field:?}");
            }
        }
    }

    #[test]
    fn fold_is_idempotent() {
        for s in [
            "Saguenay–Lac-Saint-Jean",
            "L’Île-d'Orléans",
            "Ha! Ha!",
            "Œuvre",
        ] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }

    #[test]
    fn filter_matches_word_prefixes() {
        assert!(matches_filter("Saint-Jean-sur-Richelieu", ""));
        assert!(matches_filter("Saint-Jean-sur-Richelieu", "saint jean"));
        assert!(matches_filter("Saint-Jean-sur-Richelieu", "SAINT-JEAN"));
        assert!(matches_filter("Saint-Jean-sur-Richelieu", "richel"));
        assert!(matches_filter("Saint-Jean-sur-Richelieu", "jean sur"));
        assert!(matches_filter("Saint-Jean-sur-Richelieu", "st-jean"));
        assert!(matches_filter("Sainte-Foy", "ste foy"));
        assert!(matches_filter("Stanstead", "st"));
        assert!(!matches_filter("Saint-Jean-sur-Richelieu", "st"));
        assert!(!matches_filter("Saint-Jean-sur-Richelieu", "ichel"));
        assert!(!matches_filter("Lévis", "levy"));
    }

    #[test]
    fn rank_prefers_the_start_of_the_name() {
        let q = FoldedQuery::new("jean");
        assert_eq!(q.rank("jean"), Some(MatchRank::Prefix));
        assert_eq!(q.rank("saint jean"), Some(MatchRank::WordPrefix));
        assert_eq!(q.rank("sjean"), None);
        assert_eq!(
            FoldedQuery::new("st jean").rank("saint jean"),
            Some(MatchRank::Prefix)
        );
        assert!(FoldedQuery::new(" - ").is_empty());
    }
}
