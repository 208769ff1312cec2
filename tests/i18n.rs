//! The two locales say the same things, and the code asks only for messages that exist.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use piqm_acces::designation::{Field, Problem, Severity};
use piqm_acces::i18n::{Lang, Localizer, SOURCES};

/// message id → the variables it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("Fluent syntax errors: {errors:?}");
    });
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                Some((m.id.name.to_string(), vars))
            }
            _ => None,
        })
        .collect()
}

fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[test]
fn both_locales_parse_and_have_the_same_messages_and_variables() {
    let fr = messages(SOURCES[0].1);
    let en = messages(SOURCES[1].1);
    assert!(fr.len() > 100, "{} messages", fr.len());
    let fr_ids: BTreeSet<_> = fr.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        fr_ids.symmetric_difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "ids in one locale only"
    );
    for (id, vars) in &fr {
        assert_eq!(Some(vars), en.get(id), "variables of {id} differ");
    }
}

/// Every string literal in the code that looks like a message id must be one.
#[test]
fn every_id_the_code_uses_exists() {
    let known = messages(SOURCES[0].1);
    let prefixes: BTreeSet<&str> = known
        .keys()
        .filter_map(|id| id.split_once('-').map(|(p, _)| p))
        .collect();
    let mut used = BTreeSet::new();
    let mut files = Vec::new();
    collect_rs(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
        &mut files,
    );
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for literal in text.split('"').skip(1).step_by(2) {
            let looks_like_id = literal.contains('-')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && literal
                    .split_once('-')
                    .is_some_and(|(p, _)| prefixes.contains(p));
            if looks_like_id {
                used.insert((literal.to_string(), file.display().to_string()));
            }
        }
    }
    assert!(used.len() > 50, "the scan found only {} ids", used.len());
    let missing: Vec<_> = used
        .iter()
        .filter(|(id, _)| !known.contains_key(id))
        .collect();
    assert!(
        missing.is_empty(),
        "ids used in code but not in i18n/: {missing:?}"
    );
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_field_label_exists_in_both_languages() {
    for lang in Lang::ALL {
        let l = Localizer::new(lang);
        for f in Field::ALL {
            assert!(l.has(f.label_id()), "{lang:?} {f:?}");
        }
    }
}

#[test]
fn problems_read_as_sentences_with_their_arguments() {
    let p = Problem {
        field: Field::OrgName,
        severity: Severity::Error,
        message_id: "err-too-long",
        args: vec![
            ("max", piqm_acces::designation::MessageArg::Number(150)),
            ("count", piqm_acces::designation::MessageArg::Number(151)),
        ],
    };
    let fr = Localizer::new(Lang::Fr).problem(&p);
    assert_eq!(
        fr,
        "Écrivez au plus 150 caractères dans « Nom de l'organisme » ; il y en a 151."
    );
    let en = Localizer::new(Lang::En).problem(&p);
    assert!(
        en.starts_with("Write at most 150 characters in \"Name of the organization\""),
        "{en}"
    );
    assert!(!fr.contains('\u{2068}'), "no Unicode isolation marks");
}

#[test]
fn language_codes() {
    assert_eq!(Lang::from_code("en_CA.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
    assert_eq!(Lang::from_code("de_DE"), None);
}
