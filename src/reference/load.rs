//! Parsing and checking of the embedded CSV files.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{
    FederalRiding, LOCAL_DESIGNATION_CODES, Municipality, NameClash, OrganizationCategory,
    ProvincialRiding, Reference, ReferenceError, Region, fold,
};

/// Declares an embedded file: its name (for error messages) and its content.
macro_rules! data_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/resources/data/",
                $name
            )),
        )
    };
}

type DataFile = (&'static str, &'static str);

const REGIONS: DataFile = data_file!("regions.csv");
const PROVINCIAL_RIDINGS: DataFile = data_file!("circonscriptions_provinciales.csv");
const FEDERAL_RIDINGS: DataFile = data_file!("circonscriptions_federales.csv");
const MUNICIPALITIES: DataFile = data_file!("municipalites.csv");
const ORGANIZATION_CATEGORIES: DataFile = data_file!("categories_organismes.csv");

// Row structs mirror the files' French headers; columns not listed are ignored.

#[derive(Deserialize)]
struct RegionRow {
    code: String,
    nom: String,
}

#[derive(Deserialize)]
struct ProvincialRidingRow {
    code: String,
    nom: String,
}

#[derive(Deserialize)]
struct FederalRidingRow {
    code: String,
    nom_fr: String,
    nom_en: String,
}

#[derive(Deserialize)]
struct MunicipalityRow {
    code_geo: String,
    nom: String,
    code_designation: String,
    mrc_nom: String,
    region_code: String,
    /// `;`-separated riding codes.
    circonscriptions_provinciales: String,
}

#[derive(Deserialize)]
struct OrganizationCategoryRow {
    code: String,
    nom_fr: String,
    nom_en: String,
}

pub(super) fn load() -> Result<Reference, ReferenceError> {
    let regions = parse(
        REGIONS,
        |r: &Region| &r.code,
        |r: RegionRow| {
            require([("code", &r.code), ("nom", &r.nom)])?;
            Ok(Some(Region {
                code: r.code,
                name: r.nom,
            }))
        },
    )?;
    let provincial_ridings = parse(
        PROVINCIAL_RIDINGS,
        |r: &ProvincialRiding| &r.code,
        |r: ProvincialRidingRow| {
            require([("code", &r.code), ("nom", &r.nom)])?;
            Ok(Some(ProvincialRiding {
                code: r.code,
                name: r.nom,
            }))
        },
    )?;
    let federal_ridings = parse(
        FEDERAL_RIDINGS,
        |r: &FederalRiding| &r.code,
        |r: FederalRidingRow| {
            require([
                ("code", &r.code),
                ("nom_fr", &r.nom_fr),
                ("nom_en", &r.nom_en),
            ])?;
            Ok(Some(FederalRiding {
                code: r.code,
                name_fr: r.nom_fr,
                name_en: r.nom_en,
            }))
        },
    )?;
    let organization_categories = parse(
        ORGANIZATION_CATEGORIES,
        |c: &OrganizationCategory| &c.code,
        |r: OrganizationCategoryRow| {
            require([
                ("code", &r.code),
                ("nom_fr", &r.nom_fr),
                ("nom_en", &r.nom_en),
            ])?;
            Ok(Some(OrganizationCategory {
                code: r.code,
                name_fr: r.nom_fr,
                name_en: r.nom_en,
            }))
        },
    )?;

    let region_index = index_by_code(&regions, |r| &r.code);
    let provincial_riding_index = index_by_code(&provincial_ridings, |r| &r.code);

    // Municipalities are checked against the other lists as they are read, while the line is
    // known.
    let municipalities = parse(
        MUNICIPALITIES,
        |m: &Municipality| &m.code,
        |r: MunicipalityRow| {
            if !LOCAL_DESIGNATION_CODES.contains(&r.code_designation.as_str()) {
                return Ok(None);
            }
            require([
                ("code_geo", &r.code_geo),
                ("nom", &r.nom),
                ("region_code", &r.region_code),
            ])?;
            if !region_index.contains_key(&r.region_code) {
                return Err(format!("unknown region code {:?}", r.region_code));
            }
            let ridings: Vec<String> = r
                .circonscriptions_provinciales
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            if let Some(unknown) = ridings
                .iter()
                .find(|c| !provincial_riding_index.contains_key(*c))
            {
                return Err(format!("unknown provincial riding code {unknown:?}"));
            }
            Ok(Some(Municipality {
                code: r.code_geo,
                name: r.nom,
                designation_code: r.code_designation,
                mrc_name: r.mrc_nom,
                region_code: r.region_code,
                provincial_ridings: ridings,
            }))
        },
    )?;

    // Lists are shown sorted by name (ties broken so the order never depends on the file's),
    // so the lookup indexes are built after sorting.
    let provincial_ridings = sort_by_folded(
        provincial_ridings,
        |r| fold(&r.name),
        |a, b| a.name.cmp(&b.name).then_with(|| a.code.cmp(&b.code)),
    )
    .0;
    let federal_ridings = sort_by_folded(
        federal_ridings,
        |r| fold(&r.name_fr),
        |a, b| a.name_fr.cmp(&b.name_fr).then_with(|| a.code.cmp(&b.code)),
    )
    .0;
    let (municipalities, folded_municipality_names) = sort_by_folded(
        municipalities,
        |m| fold(&m.name),
        |a, b| (&a.name, fold(&a.mrc_name), &a.code).cmp(&(&b.name, fold(&b.mrc_name), &b.code)),
    );
    let name_clashes = name_clashes(&municipalities);

    Ok(Reference {
        region_index,
        provincial_riding_index: index_by_code(&provincial_ridings, |r| &r.code),
        federal_riding_index: index_by_code(&federal_ridings, |r| &r.code),
        municipality_index: index_by_code(&municipalities, |m| &m.code),
        organization_category_index: index_by_code(&organization_categories, |c| &c.code),
        regions,
        provincial_ridings,
        federal_ridings,
        municipalities,
        folded_municipality_names,
        name_clashes,
        organization_categories,
    })
}

/// Reads every row of `file`, converting each with `convert` (which may skip a row with `None`
/// or reject it with a message) and rejecting duplicate codes. Errors carry the 1-based line.
fn parse<Row, T>(
    (file, data): DataFile,
    code: impl Fn(&T) -> &String,
    mut convert: impl FnMut(Row) -> Result<Option<T>, String>,
) -> Result<Vec<T>, ReferenceError>
where
    Row: DeserializeOwned,
{
    let csv_error = |e: csv::Error| ReferenceError {
        file,
        line: e
            .position()
            .map(|p| LineCounter::new(data).line_at(p.byte())),
        message: e.to_string(),
    };
    let mut reader = csv::Reader::from_reader(data.as_bytes());
    let headers = reader.headers().map_err(csv_error)?.clone();
    let mut items: Vec<T> = Vec::new();
    let mut seen = HashSet::new();
    let mut lines = LineCounter::new(data);
    // One record buffer reused for every row.
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(csv_error)? {
        let line = record.position().map(|p| lines.line_at(p.byte()));
        let row_error = |message| ReferenceError {
            file,
            line,
            message,
        };
        let row = record.deserialize(Some(&headers)).map_err(csv_error)?;
        let Some(item) = convert(row).map_err(row_error)? else {
            continue;
        };
        if !seen.insert(code(&item).clone()) {
            return Err(row_error(format!("duplicate code {:?}", code(&item))));
        }
        items.push(item);
    }
    Ok(items)
}

/// Turns csv byte offsets into 1-based line numbers. csv's own line count lags by one after a
/// CRLF line end (a record ends at the `\r`, its `\n` is counted with the next record), and the
/// source files use CRLF.
struct LineCounter<'a> {
    data: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(data: &'a str) -> Self {
        LineCounter {
            data: data.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    /// The line of the record starting at `byte`; offsets must not decrease between calls, so
    /// the whole file is scanned once.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte).map_or(self.data.len(), |b| b.min(self.data.len()));
        // The offset may point at the end of the previous line; the record starts after it.
        while matches!(self.data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.byte {
            let newlines = self.data[self.byte..start].iter().filter(|&&b| b == b'\n');
            self.line += newlines.count() as u64;
            self.byte = start;
        }
        self.line
    }
}

/// Rejects empty required fields.
fn require<const N: usize>(fields: [(&str, &str); N]) -> Result<(), String> {
    match fields.iter().find(|(_, value)| value.trim().is_empty()) {
        Some((name, _)) => Err(format!("empty {name}")),
        None => Ok(()),
    }
}

/// Maps each code to its position (codes were checked unique by [`parse`]).
fn index_by_code<T>(items: &[T], code: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (code(item).clone(), i))
        .collect()
}

/// Sorts by folded name, then by `tie`; also returns the folded names, in the new order.
fn sort_by_folded<T>(
    items: Vec<T>,
    folded: impl Fn(&T) -> String,
    tie: impl Fn(&T, &T) -> Ordering,
) -> (Vec<T>, Vec<String>) {
    let mut keyed: Vec<(String, T)> = items.into_iter().map(|t| (folded(&t), t)).collect();
    keyed.sort_by(|(ka, a), (kb, b)| ka.cmp(kb).then_with(|| tie(a, b)));
    keyed.into_iter().map(|(k, t)| (t, k)).unzip()
}

fn name_clashes(municipalities: &[Municipality]) -> Vec<NameClash> {
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut by_name_and_mrc: HashMap<(&str, &str), usize> = HashMap::new();
    for m in municipalities {
        *by_name.entry(&m.name).or_default() += 1;
        *by_name_and_mrc.entry((&m.name, &m.mrc_name)).or_default() += 1;
    }
    municipalities
        .iter()
        .map(|m| {
            if by_name_and_mrc[&(m.name.as_str(), m.mrc_name.as_str())] > 1 {
                NameClash::SameMrc
            } else if by_name[m.name.as_str()] > 1 {
                NameClash::OtherMrc
            } else {
                NameClash::Unique
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(data: &'static str) -> Result<Vec<Region>, ReferenceError> {
        parse(
            ("test.csv", data),
            |r: &Region| &r.code,
            |r: RegionRow| {
                require([("code", &r.code), ("nom", &r.nom)])?;
                Ok(Some(Region {
                    code: r.code,
                    name: r.nom,
                }))
            },
        )
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = regions("code,nom\r\n01,Un\r\n02,Deux\r\n01,Encore\r\n").unwrap_err();
        assert_eq!((e.file(), e.line()), ("test.csv", Some(4)));
        assert_eq!(
            e.to_string(),
            "resources/data/test.csv, line 4: duplicate code \"01\""
        );
        let e = regions("code,nom\n01,Un\n02,\n").unwrap_err();
        assert_eq!((e.line(), e.message()), (Some(3), "empty nom"));
        let e = regions("code,name\n01,Un\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(e.message().contains("nom"), "{e}");
        let e = regions("code,nom\n01,Un,extra\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = regions("code,nom\r\n\r\n01,Un\r\n02,Deux,extra\r\n").unwrap_err();
        assert_eq!(e.line(), Some(4));
    }

    #[test]
    fn lines_match_the_embedded_crlf_file() {
        let data = MUNICIPALITIES.1;
        let text: Vec<&str> = data.lines().collect();
        let mut reader = csv::Reader::from_reader(data.as_bytes());
        let mut lines = LineCounter::new(data);
        let mut count = 0;
        for record in reader.records() {
            let record = record.unwrap();
            let line = lines.line_at(record.position().unwrap().byte());
            assert!(text[line as usize - 1].starts_with(&format!("{},", &record[0])));
            count += 1;
        }
        assert_eq!(count, text.len() - 1);
    }

    #[test]
    fn riding_lists_are_split_on_semicolons() {
        let levis = load().unwrap().municipality("25213").cloned().unwrap();
        assert_eq!(levis.provincial_ridings, ["814", "818", "822"]);
    }
}
