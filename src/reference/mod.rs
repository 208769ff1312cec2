//! Reference lists for the designation form: administrative regions, provincial and federal
//! ridings, local municipalities and organisation categories.
//!
//! The lists are CSV files in `resources/data/` (see its README for provenance and licences),
//! embedded in the binary and parsed once; the core does no I/O at run time.

mod fold;
mod load;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

pub use fold::{FoldedQuery, MatchRank, fold, matches_filter};

/// The MAMH designation codes of local municipalities (01 Canton, 02 Cantons unis, 04 Paroisse,
/// 05 Municipalité, 06 Village, 07 Village cri, 08 Village naskapi, 09 Village nordique,
/// 10 Ville, 40 Gouvernement régional). Unorganised territories, Indian reserves and category I
/// lands are in the source file too, but cannot designate a gestionnaire.
pub const LOCAL_DESIGNATION_CODES: [&str; 10] =
    ["01", "02", "04", "05", "06", "07", "08", "09", "10", "40"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// "01" … "17".
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvincialRiding {
    /// DGEQ code, e.g. "818".
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FederalRiding {
    /// Elections Canada code, e.g. "24048".
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    /// MAMH geographic code, e.g. "46005".
    pub code: String,
    pub name: String,
    /// MAMH designation code, e.g. "06" (Village); one of [`LOCAL_DESIGNATION_CODES`].
    pub designation_code: String,
    /// May be empty (cities outside any MRC, Nord-du-Québec…).
    pub mrc_name: String,
    pub region_code: String,
    /// Codes of the provincial ridings covering the municipality, in source order.
    pub provincial_ridings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationCategory {
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
}

/// How much context the GUI must show to tell a municipality from its namesakes
/// (30 names are shared by two local municipalities each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameClash {
    /// No other local municipality has this name.
    Unique,
    /// Namesakes exist, all in other MRCs: the MRC (or, if empty, the region) tells them apart.
    OtherMrc,
    /// A namesake is in the same MRC (e.g. Ville and Canton de Stanstead): show the designation.
    SameMrc,
}

/// The parsed reference lists, with lookup indexes and folded names for search.
#[derive(Debug)]
pub struct Reference {
    regions: Vec<Region>,
    provincial_ridings: Vec<ProvincialRiding>,
    federal_ridings: Vec<FederalRiding>,
    municipalities: Vec<Municipality>,
    /// `fold(name)` of each municipality, same order.
    folded_municipality_names: Vec<String>,
    name_clashes: Vec<NameClash>,
    organization_categories: Vec<OrganizationCategory>,
    region_index: HashMap<String, usize>,
    provincial_riding_index: HashMap<String, usize>,
    federal_riding_index: HashMap<String, usize>,
    municipality_index: HashMap<String, usize>,
    organization_category_index: HashMap<String, usize>,
}

/// A defect in the embedded data: which file, which line (when known), what.
#[derive(Debug)]
pub struct ReferenceError {
    file: &'static str,
    line: Option<u64>,
    message: String,
}

impl ReferenceError {
    /// The file name under `resources/data/`.
    pub fn file(&self) -> &'static str {
        self.file
    }

    /// The 1-based line in that file, when the defect is tied to one.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "resources/data/{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ReferenceError {}

impl Reference {
    /// Parses the CSVs embedded with `include_str!` from `resources/data/`.
    pub fn load() -> Result<Reference, ReferenceError> {
        load::load()
    }

    /// Loaded once and shared.
    ///
    /// # Panics
    /// If the embedded data is invalid. The tests load the same data, so this is a build defect,
    /// not a run-time condition.
    pub fn get() -> &'static Reference {
        static REFERENCE: OnceLock<Reference> = OnceLock::new();
        REFERENCE.get_or_init(|| {
            Reference::load().expect("embedded reference data in resources/data/ is invalid")
        })
    }

    /// The 17 administrative regions, by code.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// Sorted by name, accent-insensitively.
    pub fn provincial_ridings(&self) -> &[ProvincialRiding] {
        &self.provincial_ridings
    }

    /// Sorted by French name, accent-insensitively.
    pub fn federal_ridings(&self) -> &[FederalRiding] {
        &self.federal_ridings
    }

    /// The local municipalities only, sorted by name accent-insensitively (namesakes by MRC,
    /// then code).
    pub fn municipalities(&self) -> &[Municipality] {
        &self.municipalities
    }

    /// In file order (`autre` last).
    pub fn organization_categories(&self) -> &[OrganizationCategory] {
        &self.organization_categories
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.region_index.get(code).map(|&i| &self.regions[i])
    }

    pub fn provincial_riding(&self, code: &str) -> Option<&ProvincialRiding> {
        self.provincial_riding_index
            .get(code)
            .map(|&i| &self.provincial_ridings[i])
    }

    pub fn federal_riding(&self, code: &str) -> Option<&FederalRiding> {
        self.federal_riding_index
            .get(code)
            .map(|&i| &self.federal_ridings[i])
    }

    pub fn municipality(&self, code: &str) -> Option<&Municipality> {
        self.municipality_index
            .get(code)
            .map(|&i| &self.municipalities[i])
    }

    pub fn organization_category(&self, code: &str) -> Option<&OrganizationCategory> {
        self.organization_category_index
            .get(code)
            .map(|&i| &self.organization_categories[i])
    }

    /// The provincial ridings that cover a municipality, sorted by name like
    /// [`provincial_ridings`](Self::provincial_ridings) (empty if the code is unknown).
    pub fn ridings_of_municipality(&self, code: &str) -> Vec<&ProvincialRiding> {
        let Some(municipality) = self.municipality(code) else {
            return Vec::new();
        };
        // The ridings are stored sorted by name, so sorting indexes sorts by name.
        let mut indexes: Vec<usize> = municipality
            .provincial_ridings
            .iter()
            .filter_map(|c| self.provincial_riding_index.get(c.as_str()).copied())
            .collect();
        indexes.sort_unstable();
        indexes.dedup();
        indexes
            .into_iter()
            .map(|i| &self.provincial_ridings[i])
            .collect()
    }

    /// Whether the GUI must show more than the name to identify this municipality
    /// ([`NameClash::Unique`] if the code is unknown).
    pub fn name_clash(&self, code: &str) -> NameClash {
        self.municipality_index
            .get(code)
            .map_or(NameClash::Unique, |&i| self.name_clashes[i])
    }

    /// Type-to-filter search, accent- and case-insensitive, dashes, apostrophes and spaces alike
    /// ("levis" finds "Lévis", "saint jean" and "st-jean" find "Saint-Jean-sur-Richelieu").
    ///
    /// Municipalities whose name starts with the query come first, then those where a later word
    /// starts with it; each group sorted by name; at most `limit` results. An empty query gives
    /// the first `limit` municipalities.
    pub fn search_municipalities(&self, query: &str, limit: usize) -> Vec<&Municipality> {
        let query = FoldedQuery::new(query);
        if query.is_empty() || limit == 0 {
            return self.municipalities.iter().take(limit).collect();
        }
        let mut prefix = Vec::new();
        let mut later_word = Vec::new();
        let candidates = self
            .municipalities
            .iter()
            .zip(&self.folded_municipality_names);
        for (municipality, folded) in candidates {
            match query.rank(folded) {
                Some(MatchRank::Prefix) => {
                    prefix.push(municipality);
                    // Prefix matches fill the page first: nothing after can displace them.
                    if prefix.len() == limit {
                        return prefix;
                    }
                }
                Some(MatchRank::WordPrefix) if later_word.len() < limit => {
                    later_word.push(municipality);
                }
                _ => {}
            }
        }
        prefix.extend(later_word);
        prefix.truncate(limit);
        prefix
    }
}
