//! The JSON Schema shipped in resources/ describes the files the application writes.

use std::path::Path;

use piqm_acces::designation::Designation;
use serde_json::Value;
use time::OffsetDateTime;

fn read(rel: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&read("resources/designation.schema.json"))
        .unwrap()
}

#[test]
fn the_examples_conform() {
    let v = validator();
    for name in ["municipalite", "organisme"] {
        let doc = read(&format!("resources/examples/{name}.json"));
        let errors: Vec<_> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn what_the_application_writes_conforms() {
    let v = validator();
    let mut d = Designation::new(OffsetDateTime::now_utc());
    d.receipt = Some(piqm_acces::designation::Receipt {
        numero: "PIQM-2026-000001".into(),
        recu_le: OffsetDateTime::now_utc(),
    });
    let doc = serde_json::to_value(&d).unwrap();
    let errors: Vec<_> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn broken_documents_do_not_conform() {
    let v = validator();
    let good = read("resources/examples/organisme.json");
    type Break = (&'static str, fn(&mut Value));
    let breaks: [Break; 4] = [
        ("unknown status", |d| d["statut"] = "perdu".into()),
        ("no id", |d| {
            d.as_object_mut().unwrap().remove("id");
        }),
        ("bad civility", |d| d["demandeur"]["civilite"] = "Dr".into()),
        ("bad date", |d| d["cree_le"] = "hier".into()),
    ];
    for (what, edit) in breaks {
        let mut doc = good.clone();
        edit(&mut doc);
        assert!(!v.is_valid(&doc), "{what} accepted");
    }
}
