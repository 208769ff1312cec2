use super::*;

fn reference() -> &'static Reference {
    Reference::get()
}

fn names<'a>(municipalities: &[&'a Municipality]) -> Vec<&'a str> {
    municipalities.iter().map(|m| m.name.as_str()).collect()
}

#[test]
fn embedded_data_loads_with_the_expected_counts() {
    let r = Reference::load().expect("embedded data must load");
    assert_eq!(r.regions().len(), 17);
    assert_eq!(r.provincial_ridings().len(), 125);
    assert_eq!(r.federal_ridings().len(), 78);
    assert_eq!(r.municipalities().len(), 1_123);
    assert!(!r.organization_categories().is_empty());
}

#[test]
fn only_local_municipalities_are_kept() {
    let r = reference();
    assert!(
        r.municipalities()
            .iter()
            .all(|m| LOCAL_DESIGNATION_CODES.contains(&m.designation_code.as_str()))
    );
    // A territoire non organisé and an Indian reserve of the source file.
    assert_eq!(r.municipality("62920"), None);
    assert_eq!(r.municipality("69802"), None);
}

#[test]
fn municipalities_refer_to_known_regions_and_ridings() {
    let r = reference();
    for m in r.municipalities() {
        assert!(r.region(&m.region_code).is_some(), "{m:?}");
        assert!(!m.provincial_ridings.is_empty(), "{m:?} has no riding");
        for code in &m.provincial_ridings {
            assert!(r.provincial_riding(code).is_some(), "{m:?}: {code}");
        }
    }
}

#[test]
fn every_region_has_municipalities() {
    let r = reference();
    for region in r.regions() {
        assert!(
            r.municipalities()
                .iter()
                .any(|m| m.region_code == region.code),
            "{region:?}"
        );
    }
}

#[test]
fn lookups_by_code() {
    let r = reference();
    assert_eq!(r.region("02").unwrap().name, "Saguenay–Lac-Saint-Jean");
    assert_eq!(r.provincial_riding("370").unwrap().name, "Camille-Laurin");
    let mont_royal = r.federal_riding("24048").unwrap();
    assert_eq!(mont_royal.name_fr, "Mont-Royal");
    assert_eq!(mont_royal.name_en, "Mount Royal");
    let abercorn = r.municipality("46005").unwrap();
    assert_eq!(
        abercorn,
        &Municipality {
            code: "46005".into(),
            name: "Abercorn".into(),
            designation_code: "06".into(),
            mrc_name: "MRC Brome-Missisquoi".into(),
            region_code: "05".into(),
            provincial_ridings: vec!["204".into()],
        }
    );
    assert_eq!(r.organization_category("autre").unwrap().name_en, "Other");
    assert_eq!(r.region("99"), None);
    assert_eq!(r.provincial_riding(""), None);
    assert_eq!(r.federal_riding("370"), None);
    assert_eq!(r.organization_category("Autre"), None);
}

#[test]
fn lists_are_sorted_accent_insensitively() {
    let r = reference();
    let is_sorted = |keys: Vec<String>| keys.windows(2).all(|w| w[0] <= w[1]);
    assert!(is_sorted(
        r.provincial_ridings()
            .iter()
            .map(|x| fold(&x.name))
            .collect()
    ));
    assert!(is_sorted(
        r.federal_ridings()
            .iter()
            .map(|x| fold(&x.name_fr))
            .collect()
    ));
    assert!(is_sorted(
        r.municipalities().iter().map(|x| fold(&x.name)).collect()
    ));
    assert!(is_sorted(
        r.regions().iter().map(|x| x.code.clone()).collect()
    ));
    // By byte, "Saint-É…" would sort after "Saint-Eustache"; here it sorts among the E's.
    let position = |code: &str| r.municipalities().iter().position(|m| m.code == code);
    let edmond = position("49100"); // Saint-Edmond-de-Grantham
    let edouard = position("68045"); // Saint-Édouard
    let eustache = position("72005"); // Saint-Eustache
    assert!(edmond.is_some() && edmond < edouard && edouard < eustache);
}

#[test]
fn ridings_of_levis() {
    let r = reference();
    let levis = r.search_municipalities("levis", 1)[0];
    assert_eq!(levis.code, "25213");
    let ridings: Vec<(&str, &str)> = r
        .ridings_of_municipality(&levis.code)
        .iter()
        .map(|x| (x.code.as_str(), x.name.as_str()))
        .collect();
    assert_eq!(
        ridings,
        [
            ("822", "Bellechasse"),
            ("814", "Chutes-de-la-Chaudière"),
            ("818", "Lévis")
        ]
    );
    assert!(r.ridings_of_municipality("00000").is_empty());
}

#[test]
fn municipalities_with_several_ridings() {
    let r = reference();
    let several = r
        .municipalities()
        .iter()
        .filter(|m| m.provincial_ridings.len() > 1)
        .count();
    assert_eq!(several, 16);
    let montreal = r.search_municipalities("montreal", 1)[0];
    assert_eq!(montreal.name, "Montréal");
    assert_eq!(r.ridings_of_municipality(&montreal.code).len(), 26);
}

#[test]
fn search_is_accent_and_case_insensitive() {
    let r = reference();
    assert_eq!(fold("LÉVIS"), fold("Levis"));
    for query in ["levis", "Lévis", "LÉVIS", " lev"] {
        assert_eq!(
            r.search_municipalities(query, 5)[0].name,
            "Lévis",
            "{query}"
        );
    }
}

#[test]
fn search_treats_dashes_apostrophes_and_spaces_alike() {
    let r = reference();
    let dashed = r.search_municipalities("saint-jean", 50);
    assert!(names(&dashed).contains(&"Saint-Jean-sur-Richelieu"));
    assert!(names(&dashed).contains(&"Saint-Jean-de-l'Île-d'Orléans"));
    assert_eq!(r.search_municipalities("saint jean", 50), dashed);
    assert_eq!(r.search_municipalities("SAINT – JEAN", 50), dashed);
    // Abbreviations, once the word is complete.
    assert_eq!(r.search_municipalities("st-jean", 50), dashed);
    assert_eq!(r.search_municipalities("st jean", 50), dashed);
    let orleans = r.search_municipalities("saint jean de l’ile", 5);
    assert_eq!(names(&orleans), ["Saint-Jean-de-l'Île-d'Orléans"]);
    assert_eq!(
        names(&r.search_municipalities("ha ha", 5)),
        ["Saint-Louis-du-Ha! Ha!"]
    );
}

#[test]
fn search_puts_name_prefixes_before_later_words() {
    let r = reference();
    let results = r.search_municipalities("rivière-du", 20);
    assert_eq!(
        names(&results),
        [
            "Rivière-du-Loup",
            "Saint-François-de-la-Rivière-du-Sud",
            "Saint-Hubert-de-Rivière-du-Loup",
            "Saint-Pierre-de-la-Rivière-du-Sud",
            "Sainte-Euphémie-sur-Rivière-du-Sud",
        ]
    );
    // In general: every prefix match first, then word matches, each group sorted.
    let query = FoldedQuery::new("lac");
    let results = r.search_municipalities("lac", usize::MAX);
    let ranks: Vec<MatchRank> = results
        .iter()
        .map(|m| {
            query
                .rank(&fold(&m.name))
                .expect("only matches are returned")
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    assert!(ranks.contains(&MatchRank::Prefix) && ranks.contains(&MatchRank::WordPrefix));
    for group in results.chunk_by(|a, b| query.rank(&fold(&a.name)) == query.rank(&fold(&b.name))) {
        assert!(
            group
                .windows(2)
                .all(|w| fold(&w[0].name) <= fold(&w[1].name))
        );
    }
    let expected = r
        .municipalities()
        .iter()
        .filter(|m| matches_filter(&m.name, "lac"))
        .count();
    assert_eq!(results.len(), expected);
}

#[test]
fn search_respects_the_limit() {
    let r = reference();
    assert_eq!(r.search_municipalities("sai", 10).len(), 10);
    assert_eq!(r.search_municipalities("l", 7).len(), 7);
    assert!(r.search_municipalities("l", 0).is_empty());
    // With a small limit, the later-word matches are cut, not the prefix ones.
    let few = r.search_municipalities("rivière-du", 2);
    assert_eq!(
        names(&few),
        ["Rivière-du-Loup", "Saint-François-de-la-Rivière-du-Sud"]
    );
    assert!(r.search_municipalities("zzzz", 10).is_empty());
}

#[test]
fn empty_query_returns_the_first_municipalities() {
    let r = reference();
    let first: Vec<&Municipality> = r.municipalities().iter().take(12).collect();
    assert_eq!(r.search_municipalities("", 12), first);
    assert_eq!(r.search_municipalities(" - ", 12), first);
    assert_eq!(r.search_municipalities("", 5_000).len(), 1_123);
}

#[test]
fn duplicate_names_are_flagged() {
    let r = reference();
    let mut shared: Vec<&str> = r
        .municipalities()
        .iter()
        .filter(|m| r.name_clash(&m.code) != NameClash::Unique)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(shared.len(), 60);
    shared.dedup();
    assert_eq!(shared.len(), 30);
    let same_mrc = r
        .municipalities()
        .iter()
        .filter(|m| r.name_clash(&m.code) == NameClash::SameMrc)
        .count();
    assert_eq!(same_mrc, 18);
    // Ville (45008) and Canton (45025) de Stanstead, both in MRC Memphrémagog.
    assert_eq!(r.name_clash("45008"), NameClash::SameMrc);
    assert_eq!(r.name_clash("46005"), NameClash::Unique);
    assert_eq!(r.name_clash("unknown"), NameClash::Unique);
    let saint_lambert: Vec<&Municipality> = r
        .municipalities()
        .iter()
        .filter(|m| m.name == "Saint-Lambert")
        .collect();
    assert_eq!(saint_lambert.len(), 2);
    assert!(
        saint_lambert
            .iter()
            .all(|m| r.name_clash(&m.code) == NameClash::OtherMrc)
    );
}

#[test]
fn organization_categories_end_with_autre() {
    let categories = reference().organization_categories();
    assert!(categories.len() >= 2);
    assert_eq!(categories.last().unwrap().code, "autre");
    assert_eq!(categories[0].code, "regie_intermunicipale");
    assert!(
        categories
            .iter()
            .all(|c| !c.name_fr.is_empty() && !c.name_en.is_empty())
    );
}

#[test]
fn get_is_shared_and_equal_to_load() {
    let a = Reference::get();
    assert!(std::ptr::eq(a, Reference::get()));
    let b = Reference::load().unwrap();
    assert_eq!(a.municipalities(), b.municipalities());
    assert_eq!(a.provincial_ridings(), b.provincial_ridings());
}
