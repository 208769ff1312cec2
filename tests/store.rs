//! The drafts store on real files in temporary folders, and a real second process for the lock.

mod tools;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use piqm_acces::designation::{
    Civility, Designation, FormKind, MunicipalCategory, Receipt, SCHEMA_VERSION, Status, Step,
    from_json, validate,
};
use piqm_acces::i18n::{Lang, Localizer};
use piqm_acces::reference::Reference;
use piqm_acces::store::{
    Action, DraftFilter, DraftStore, History, ImportOutcome, IoKind, IoProblem, ListStatus,
    OnConflict, ReadProblem, StoreError,
};
use time::OffsetDateTime;
use time::macros::datetime;
use uuid::Uuid;

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A complete, valid draft (the municipal example).
fn complete() -> Designation {
    from_json(&std::fs::read_to_string(manifest("resources/examples/municipalite.json")).unwrap())
        .unwrap()
}

/// A draft as an import stores it: the same answers and id, the gestionnaire to look up again
/// before sending ("confirme" in a file is a look-up made elsewhere, or typed by hand).
fn as_imported(d: &Designation) -> Designation {
    assert!(d.manager.confirmed, "the examples say confirmé");
    let mut d = d.clone();
    d.manager.confirmed = false;
    d
}

fn with_new_id(mut d: Designation) -> Designation {
    d.id = Uuid::new_v4();
    d
}

fn fr() -> Localizer {
    Localizer::new(Lang::Fr)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_saved_draft_loads_back_identical_with_its_save_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let mut d = Designation::new(datetime!(2026-11-01 9:00 UTC));
    d.organization.name = "Municipalité de Saint-Louis-du-Ha! Ha!".into();
    d.step = Step::Requester;
    let before = OffsetDateTime::now_utc();
    let saved_at = store.save(&mut d).unwrap();
    assert!(saved_at >= before);
    assert_eq!(d.updated_at, saved_at);
    assert_eq!(store.load(d.id).unwrap(), d);
    assert_eq!(
        files_in(&dir.path().join("drafts")),
        [format!("{}.json", d.id)]
    );
}

#[cfg(unix)]
#[test]
fn drafts_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("piqm-acces");
    let store = DraftStore::open(&data).unwrap();
    let mut d = complete();
    store.save(&mut d).unwrap();
    store.set_last_opened(Some(d.id)).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store.draft_path(d.id)), 0o600);
    assert_eq!(mode(&data.join("state.json")), 0o600);
    for folder in ["", "drafts", "trash", "quarantine"] {
        assert_eq!(mode(&data.join(folder)), 0o700, "{folder:?}");
    }
    store.delete(d.id).unwrap();
    let version = &store.trash().unwrap().drafts[0].version;
    assert_eq!(mode(&data.join("trash").join(version)), 0o700);
    assert_eq!(
        mode(
            &data
                .join("trash")
                .join(version)
                .join(format!("{}.json", d.id))
        ),
        0o600
    );
}

#[test]
fn the_list_is_newest_first_with_derived_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let mut ready = with_new_id(complete());
    ready.updated_at = datetime!(2026-11-20 10:00 -5);
    let mut incomplete = with_new_id(complete());
    incomplete.requester.email.clear();
    incomplete.organization.postal_code = "G1D 4J3".into();
    incomplete.step = Step::Requester;
    incomplete.updated_at = datetime!(2026-11-22 10:00 -5);
    let mut queued = with_new_id(complete());
    queued.status = Status::Queued;
    queued.updated_at = datetime!(2026-11-21 10:00 -5);
    let mut sent = with_new_id(complete());
    sent.status = Status::Sent;
    sent.receipt = Some(Receipt {
        numero: "PIQM-2026-000123".into(),
        recu_le: datetime!(2026-11-23 10:00 -5),
    });
    sent.updated_at = datetime!(2026-11-23 10:00 -5);
    let mut refused = with_new_id(complete());
    refused.status = Status::Refused;
    refused.updated_at = datetime!(2026-11-19 10:00 -5);
    for d in [&ready, &incomplete, &queued, &sent, &refused] {
        store.write(d).unwrap();
    }
    let listing = store.list().unwrap();
    assert!(listing.unreadable.is_empty());
    let order: Vec<Uuid> = listing.drafts.iter().map(|s| s.id).collect();
    assert_eq!(
        order,
        [sent.id, incomplete.id, queued.id, ready.id, refused.id]
    );
    let l = fr();
    let labels: Vec<String> = listing.drafts.iter().map(|s| s.status.label(&l)).collect();
    assert_eq!(
        labels,
        [
            "envoyée n° PIQM-2026-000123",
            "brouillon",
            "en attente d'envoi",
            "prête à envoyer",
            "refusée"
        ]
    );
    let s = &listing.drafts[1];
    assert_eq!(s.organization_name, "Ville de Lévis");
    assert_eq!(s.form_kind, Some(FormKind::Municipality));
    assert_eq!(s.step, Step::Requester);
    assert_eq!(s.error_count, 2);
    assert_eq!(listing.drafts[3].status, ListStatus::Ready);
    assert_eq!(listing.drafts[3].error_count, 0);
}

#[test]
fn the_filter_box_matches_names_without_accents_ids_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let levis = complete();
    let mut other = with_new_id(complete());
    other.organization.name = "Régie intermunicipale de Rimouski-Neigette".into();
    other.status = Status::Sent;
    other.receipt = Some(Receipt {
        numero: "PIQM-2026-000777".into(),
        recu_le: datetime!(2026-11-23 10:00 -5),
    });
    store.write(&levis).unwrap();
    store.write(&other).unwrap();
    let drafts = store.list().unwrap().drafts;
    let hits = |q: &str| -> Vec<Uuid> {
        let f = DraftFilter::new(q);
        drafts
            .iter()
            .filter(|s| f.matches(s))
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(hits("levis"), [levis.id]);
    assert_eq!(hits("VILLE DE LÉ"), [levis.id]);
    assert_eq!(hits("rimouski"), [other.id]);
    assert_eq!(hits("000777"), [other.id]);
    assert_eq!(hits(&levis.id.to_string()[..8]), [levis.id]);
    assert_eq!(hits("").len(), 2);
    assert!(hits("montréal").is_empty());
}

/// Puts a file straight into the drafts folder, as a crash, a bad copy or a hand edit would.
fn plant(store: &DraftStore, name: &str, bytes: &[u8]) -> PathBuf {
    let path = store.data_dir().join("drafts").join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn unreadable_files_are_set_aside_reported_never_deleted_and_others_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let good = complete();
    store.write(&good).unwrap();
    let text = serde_json::to_string_pretty(&good).unwrap();

    let truncated_id = Uuid::new_v4();
    let truncated = text.replace(&good.id.to_string(), &truncated_id.to_string());
    let truncated = &truncated[..truncated.len() / 2];
    plant(
        &store,
        &format!("{truncated_id}.json"),
        truncated.as_bytes(),
    );
    let garbage_id = Uuid::new_v4();
    plant(
        &store,
        &format!("{garbage_id}.json"),
        b"\xff\xfe\x00 not text",
    );
    let mismatch_id = Uuid::new_v4();
    plant(&store, &format!("{mismatch_id}.json"), text.as_bytes());
    plant(&store, "lévis-copie.json", text.as_bytes());
    let newer_id = Uuid::new_v4();
    let newer = text
        .replace(&good.id.to_string(), &newer_id.to_string())
        .replace("\"schema_version\": 1", "\"schema_version\": 9");
    plant(&store, &format!("{newer_id}.json"), newer.as_bytes());
    // Not drafts at all: left alone, not reported.
    plant(&store, "notes.txt", b"hello");
    plant(&store, ".DS_Store", b"\0");

    let listing = store.list().unwrap();
    assert_eq!(
        listing.drafts.iter().map(|s| s.id).collect::<Vec<_>>(),
        [good.id]
    );
    let mut reported: Vec<(String, bool)> = listing
        .unreadable
        .iter()
        .map(|u| (u.file_name(), u.moved_to.is_some()))
        .collect();
    reported.sort();
    let mut expected = vec![
        (format!("{truncated_id}.json"), true),
        (format!("{garbage_id}.json"), true),
        (format!("{mismatch_id}.json"), true),
        ("lévis-copie.json".to_string(), true),
        // A newer version of the application can read it: it stays where it is.
        (format!("{newer_id}.json"), false),
    ];
    expected.sort();
    assert_eq!(reported, expected);

    let by_name = |name: &str| {
        listing
            .unreadable
            .iter()
            .find(|u| u.file_name() == name)
            .unwrap()
    };
    let t = by_name(&format!("{truncated_id}.json"));
    assert!(matches!(t.problem, ReadProblem::Parse(_)));
    let message = t.message(&fr());
    assert!(
        message.contains(&format!("{truncated_id}.json")),
        "{message}"
    );
    assert!(message.contains("s'arrête à la ligne"), "{message}");
    assert!(message.contains("sans être effacé"), "{message}");
    assert!(message.contains("quarantine"), "{message}");
    assert_eq!(
        by_name(&format!("{mismatch_id}.json")).problem,
        ReadProblem::IdMismatch { found: good.id }
    );
    assert_eq!(
        by_name("lévis-copie.json").problem,
        ReadProblem::UnexpectedName
    );
    assert_eq!(
        by_name(&format!("{garbage_id}.json")).problem,
        ReadProblem::NotUtf8
    );
    let newer_message = by_name(&format!("{newer_id}.json")).message(&fr());
    assert!(
        newer_message.contains("version plus récente"),
        "{newer_message}"
    );

    // Every byte is still on disk, in quarantine, with a note of why.
    let quarantine = dir.path().join("quarantine");
    assert_eq!(
        std::fs::read(quarantine.join(format!("{truncated_id}.json"))).unwrap(),
        truncated.as_bytes()
    );
    assert_eq!(
        std::fs::read(quarantine.join("lévis-copie.json")).unwrap(),
        text.as_bytes()
    );
    let note =
        std::fs::read_to_string(quarantine.join(format!("{truncated_id}.json.txt"))).unwrap();
    assert!(note.contains("Truncated"), "{note}");
    assert_eq!(files_in(&dir.path().join("drafts")), {
        let mut left = vec![
            ".DS_Store".to_string(),
            format!("{}.json", good.id),
            format!("{newer_id}.json"),
            "notes.txt".to_string(),
        ];
        left.sort();
        left
    });

    // Reported once: the next listing is clean, but for the newer-version file.
    let again = store.list().unwrap();
    assert_eq!(again.drafts.len(), 1);
    assert_eq!(again.unreadable.len(), 1);
    assert_eq!(again.unreadable[0].moved_to, None);
}

#[test]
fn a_file_set_aside_twice_under_the_same_name_keeps_both_copies() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let id = Uuid::new_v4();
    plant(&store, &format!("{id}.json"), b"{ first");
    store.list().unwrap();
    plant(&store, &format!("{id}.json"), b"{ second");
    let err = store.load(id).unwrap_err();
    let StoreError::Unreadable { moved_to, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        moved_to.as_deref(),
        Some(
            dir.path()
                .join("quarantine")
                .join(format!("{id}.2.json"))
                .as_path()
        )
    );
    let q = dir.path().join("quarantine");
    assert_eq!(
        std::fs::read(q.join(format!("{id}.json"))).unwrap(),
        b"{ first"
    );
    assert_eq!(
        std::fs::read(q.join(format!("{id}.2.json"))).unwrap(),
        b"{ second"
    );
    assert!(matches!(store.load(id), Err(StoreError::NotFound { .. })));
}

#[test]
fn a_file_far_too_large_is_not_read_and_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let id = Uuid::new_v4();
    let big = vec![b' '; (piqm_acces::store::MAX_DRAFT_BYTES + 1) as usize];
    plant(&store, &format!("{id}.json"), &big);
    let listing = store.list().unwrap();
    assert!(matches!(
        listing.unreadable[0].problem,
        ReadProblem::TooLarge { .. }
    ));
    assert!(listing.unreadable[0].moved_to.is_some());
}

#[test]
fn a_version_0_draft_is_migrated_on_load() {
    let fixture = manifest("tests/fixtures/draft-v0.json");
    let text = std::fs::read_to_string(&fixture).unwrap();
    assert!(text.contains("\"schema_version\": 0"));
    let d = from_json(&text).unwrap();
    assert_eq!(d.schema_version, SCHEMA_VERSION);
    assert_eq!(d.form.kind, Some(FormKind::Municipality));
    assert_eq!(d.form.municipal_category, Some(MunicipalCategory::Ville));
    assert_eq!(d.form.organization_category, "");
    assert_eq!(d.requester.civility, Some(Civility::Mrs));
    assert_eq!(d.step, Step::Review);
    assert_eq!(d.organization.name, "Ville de Lévis");
    assert_eq!(d.created_at, datetime!(2026-09-14 10:05 -4));
    assert!(
        validate(&d, Reference::get()).is_empty(),
        "the pilot's complete draft is still complete"
    );

    // In the store: listed and opened as any draft; rewritten in the current format on save.
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let path = plant(&store, &format!("{}.json", d.id), text.as_bytes());
    let listing = store.list().unwrap();
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    assert_eq!(listing.drafts[0].status, ListStatus::Ready);
    let mut loaded = store.load(d.id).unwrap();
    assert_eq!(loaded, d);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "reading changes nothing"
    );
    store.save(&mut loaded).unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["schema_version"], 1);
    assert_eq!(saved["formulaire"]["categorie_municipale"], "ville");
    assert!(saved.get("type_formulaire").is_none());
}

#[test]
fn a_version_0_organisme_draft_and_an_empty_one_migrate_too() {
    let organisme = r#"{"schema_version": 0, "id": "0b7f7c1e-4d2a-4c0e-9b1a-2d3e4f5a6b7c",
        "cree_le": "2026-09-01T09:00:00-04:00", "modifie_le": "2026-09-01T09:00:00-04:00",
        "type_formulaire": "organisme", "categorie": "regie_intermunicipale",
        "demandeur": {"civilite": "Monsieur"}}"#;
    let d = from_json(organisme).unwrap();
    assert_eq!(d.form.kind, Some(FormKind::Organization));
    assert_eq!(d.form.municipal_category, None);
    assert_eq!(d.form.organization_category, "regie_intermunicipale");
    assert_eq!(d.requester.civility, Some(Civility::Mr));
    let empty = r#"{"schema_version": 0, "id": "0b7f7c1e-4d2a-4c0e-9b1a-2d3e4f5a6b7d",
        "cree_le": "2026-09-01T09:00:00-04:00", "modifie_le": "2026-09-01T09:00:00-04:00"}"#;
    let d = from_json(empty).unwrap();
    assert_eq!(d.form.kind, None);
    assert_eq!(d.step, Step::Choice);
}

fn write_temp_json(text: &str) -> tempfile::TempPath {
    let file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file.into_temp_path()
}

#[test]
fn importing_the_same_id_twice_asks_then_replaces_or_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let mut original = complete();
    original.step = Step::Manager;
    let file = write_temp_json(&serde_json::to_string_pretty(&original).unwrap());

    let first = store.import(&file, None).unwrap();
    assert_eq!(first.outcome, ImportOutcome::Added);
    assert_eq!(store.load(original.id).unwrap(), as_imported(&original));

    // The same file from the laptop, edited there.
    let mut edited = original.clone();
    edited.organization.street = "rue Saint-Laurent".into();
    let edited_file = write_temp_json(&serde_json::to_string_pretty(&edited).unwrap());
    let err = store.import(&edited_file, None).unwrap_err();
    let StoreError::Conflict { existing } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(existing.id, original.id);
    assert!(err.message(&fr()).contains("Ville de Lévis"));
    assert_eq!(
        store.load(original.id).unwrap(),
        as_imported(&original),
        "nothing replaced"
    );
    assert_eq!(store.list().unwrap().drafts.len(), 1);

    let kept = store
        .import(&edited_file, Some(OnConflict::KeepBoth))
        .unwrap();
    assert_eq!(
        kept.outcome,
        ImportOutcome::KeptBoth {
            original_id: original.id
        }
    );
    assert_ne!(kept.draft.id, original.id);
    assert_eq!(kept.draft.organization.street, "rue Saint-Laurent");
    assert_eq!(kept.draft.step, Step::Manager);
    assert_eq!(store.load(original.id).unwrap(), as_imported(&original));
    assert_eq!(store.load(kept.draft.id).unwrap(), kept.draft);
    assert_eq!(store.list().unwrap().drafts.len(), 2);

    let replaced = store
        .import(&edited_file, Some(OnConflict::Replace))
        .unwrap();
    assert_eq!(replaced.outcome, ImportOutcome::Replaced);
    assert_eq!(store.load(original.id).unwrap(), as_imported(&edited));
    assert_eq!(store.list().unwrap().drafts.len(), 2);
    // The replaced one is in the trash, restorable.
    let trash = store.trash().unwrap();
    assert_eq!(trash.drafts.len(), 1);
    assert_eq!(trash.drafts[0].summary.id, original.id);
    let in_trash = std::fs::read_to_string(
        dir.path()
            .join("trash")
            .join(&trash.drafts[0].version)
            .join(format!("{}.json", original.id)),
    )
    .unwrap();
    assert_eq!(from_json(&in_trash).unwrap(), as_imported(&original));
}

#[test]
fn a_copy_of_a_sent_draft_imports_as_a_new_unsent_draft_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let mut sent = complete();
    sent.status = Status::Sent;
    sent.step = Step::Confirmed;
    sent.receipt = Some(Receipt {
        numero: "PIQM-2026-000001".into(),
        recu_le: datetime!(2026-11-23 10:00 -5),
    });
    store.write(&sent).unwrap();
    let file = write_temp_json(&serde_json::to_string(&sent).unwrap());
    // Its id is the key the ministry holds its answers under: the copy gets a new one, so there
    // is no conflict to ask about, and the sent one stays as it was.
    let kept = store.import(&file, None).unwrap();
    assert_eq!(kept.outcome, ImportOutcome::Added);
    assert_ne!(kept.draft.id, sent.id);
    assert_eq!(kept.draft.status, Status::Draft);
    assert_eq!(kept.draft.receipt, None);
    assert_eq!(kept.draft.step, Step::Review);
    assert!(!kept.draft.manager.confirmed);
    assert_eq!(
        kept.history,
        Some(History::Sent {
            numero: "PIQM-2026-000001".into(),
            received: datetime!(2026-11-23 10:00 -5),
        })
    );
    assert!(
        kept.history
            .unwrap()
            .words(&fr())
            .contains("copie d'une désignation envoyée n° PIQM-2026-000001 le 23 novembre 2026")
    );
    assert_eq!(store.load(sent.id).unwrap(), sent);
}

#[test]
fn an_import_that_is_not_a_draft_changes_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let text = serde_json::to_string_pretty(&complete()).unwrap();
    let broken = write_temp_json(&text.replacen("\"rue\":", "\"rue\"", 1));
    let err = store.import(&broken, None).unwrap_err();
    let StoreError::Unreadable {
        problem: ReadProblem::Parse(e),
        moved_to: None,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert!(e.line > 1 && e.column > 0);
    assert!(
        std::fs::metadata(&broken).is_ok(),
        "the user's file is left alone"
    );
    let missing = store.import(Path::new("/nonexistent/brouillon.json"), None);
    assert!(matches!(
        missing,
        Err(StoreError::Unreadable {
            problem: ReadProblem::Io(IoProblem {
                kind: IoKind::NotFound,
                ..
            }),
            ..
        })
    ));
    assert!(store.list().unwrap().drafts.is_empty());

    // Incomplete drafts are drafts: they import.
    let mut incomplete = Designation::new(OffsetDateTime::now_utc());
    incomplete.organization.name = "Village de Kuujjuaq".into();
    let file = write_temp_json(&serde_json::to_string(&incomplete).unwrap());
    assert_eq!(
        store.import(&file, None).unwrap().outcome,
        ImportOutcome::Added
    );
}

#[test]
fn export_then_import_on_another_computer_gives_the_same_draft() {
    let laptop = tempfile::tempdir().unwrap();
    let office = tempfile::tempdir().unwrap();
    let key = tempfile::tempdir().unwrap();
    let mut d = complete();
    d.step = Step::Requester;
    {
        let store = DraftStore::open(laptop.path()).unwrap();
        store.save(&mut d).unwrap();
        store.export(d.id, &key.path().join("lévis.json")).unwrap();
        assert!(matches!(
            store.export(Uuid::new_v4(), &key.path().join("x.json")),
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.export(d.id, &key.path().join("missing-folder/x.json")),
            Err(StoreError::Io {
                action: Action::Export,
                ..
            })
        ));
    }
    let store = DraftStore::open(office.path()).unwrap();
    let imported = store.import(&key.path().join("lévis.json"), None).unwrap();
    assert_eq!(imported.draft, as_imported(&d));
    assert_eq!(imported.history, None, "a brouillon: nothing to tell");
    assert_eq!(store.load(d.id).unwrap(), as_imported(&d));
}

#[test]
fn deleted_drafts_go_to_the_trash_and_come_back_until_it_is_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let a = complete();
    let b = with_new_id(complete());
    store.write(&a).unwrap();
    store.write(&b).unwrap();

    store.delete(a.id).unwrap();
    assert_eq!(
        store
            .list()
            .unwrap()
            .drafts
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        [b.id]
    );
    let trash = store.trash().unwrap();
    assert_eq!(trash.drafts.len(), 1);
    assert!(trash.drafts[0].deleted_at > OffsetDateTime::now_utc() - time::Duration::minutes(1));
    assert!(matches!(
        store.delete(a.id),
        Err(StoreError::NotFound { .. })
    ));

    store.restore(a.id, None).unwrap();
    assert_eq!(store.load(a.id).unwrap(), a);
    assert!(store.trash().unwrap().drafts.is_empty());

    // Restoring over a draft imported since with the same id: asks, moves nothing.
    store.delete(a.id).unwrap();
    store.write(&a).unwrap();
    assert!(matches!(
        store.restore(a.id, None),
        Err(StoreError::Conflict { .. })
    ));
    assert_eq!(store.trash().unwrap().drafts.len(), 1);

    store.delete(b.id).unwrap();
    assert_eq!(store.empty_trash().unwrap(), 2);
    assert!(store.trash().unwrap().drafts.is_empty());
    assert!(files_in(&dir.path().join("trash")).is_empty());
    assert!(matches!(
        store.restore(b.id, None),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.empty_trash().unwrap(), 0);
}

#[test]
fn a_duplicate_is_a_new_unsent_draft_with_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let mut sent = complete();
    sent.status = Status::Sent;
    sent.step = Step::Confirmed;
    sent.receipt = Some(Receipt {
        numero: "PIQM-2026-000001".into(),
        recu_le: datetime!(2026-11-23 10:00 -5),
    });
    store.write(&sent).unwrap();
    let copy = store.duplicate(sent.id).unwrap();
    assert_ne!(copy.id, sent.id);
    assert_eq!(copy.status, Status::Draft);
    assert_eq!(copy.receipt, None);
    assert_eq!(copy.step, Step::Review);
    assert_eq!(copy.organization, sent.organization);
    assert_eq!(copy.requester, sent.requester);
    assert_eq!(store.load(copy.id).unwrap(), copy);
    assert_eq!(
        store.load(sent.id).unwrap(),
        sent,
        "the original is untouched"
    );

    let mut draft = with_new_id(complete());
    draft.step = Step::Requester;
    store.write(&draft).unwrap();
    assert_eq!(store.duplicate(draft.id).unwrap().step, Step::Requester);
}

#[test]
fn ids_can_be_given_by_their_first_characters() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let mut ids = Vec::new();
    for n in [0xabcd_0001_u128, 0xabcd_0002, 0x1234_0003] {
        let mut d = complete();
        d.id = Uuid::from_u128(n << 96 | 0x4000_8000_0000_0000_0000);
        store.write(&d).unwrap();
        ids.push(d.id);
    }
    assert_eq!(store.resolve("12340003").unwrap(), ids[2]);
    assert_eq!(store.resolve("1234").unwrap(), ids[2]);
    assert_eq!(store.resolve(&ids[0].to_string()).unwrap(), ids[0]);
    assert_eq!(store.resolve("ABCD0001").unwrap(), ids[0]);
    assert!(matches!(
        store.resolve("abcd"),
        Err(StoreError::Ambiguous { count: 2, .. })
    ));
    assert!(matches!(
        store.resolve("123"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.resolve("zzzz"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.resolve(&Uuid::new_v4().to_string()),
        Err(StoreError::NotFound { .. })
    ));
    store.delete(ids[2]).unwrap();
    assert_eq!(store.resolve_in_trash("1234").unwrap(), ids[2]);
}

#[test]
fn after_a_restart_the_last_draft_is_offered_where_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = complete();
    d.step = Step::Requester;
    {
        let store = DraftStore::open(dir.path()).unwrap();
        assert_eq!(store.resume_offer(), None);
        store.save(&mut d).unwrap();
        store.set_last_opened(Some(d.id)).unwrap();
    }
    let store = DraftStore::open(dir.path()).unwrap();
    let offer = store.resume_offer().unwrap();
    assert_eq!(offer.id, d.id);
    assert_eq!(offer.step, Step::Requester);

    // Nothing to offer once it is sent, deleted, or forgotten.
    let mut queued = d.clone();
    queued.status = Status::Queued;
    store.write(&queued).unwrap();
    assert_eq!(store.resume_offer(), None);
    store.write(&d).unwrap();
    store.delete(d.id).unwrap();
    assert_eq!(store.resume_offer(), None);
    store.restore(d.id, None).unwrap();
    assert!(store.resume_offer().is_some());
    store.set_last_opened(None).unwrap();
    assert_eq!(store.resume_offer(), None);
    // A damaged state file only means there is nothing to offer.
    std::fs::write(dir.path().join("state.json"), "{{{").unwrap();
    assert_eq!(store.last_opened(), None);
    store.set_last_opened(Some(d.id)).unwrap();
    assert_eq!(store.last_opened(), Some(d.id));
}

#[test]
fn leftovers_of_a_killed_save_are_cleaned_at_open_and_never_listed() {
    let dir = tempfile::tempdir().unwrap();
    let d = complete();
    {
        let store = DraftStore::open(dir.path()).unwrap();
        store.write(&d).unwrap();
        plant(&store, &format!(".tmp-0123-{}.json", d.id), b"{ half");
        assert_eq!(store.list().unwrap().drafts.len(), 1);
        assert!(store.list().unwrap().unreadable.is_empty());
    }
    DraftStore::open(dir.path()).unwrap();
    assert_eq!(
        files_in(&dir.path().join("drafts")),
        [format!("{}.json", d.id)]
    );
}

/// Run as a child process by the lock test: holds the store until its stdin closes.
#[test]
#[ignore = "helper: run by second_instance_in_another_process_is_kept_out"]
fn child_holds_the_store() {
    let Some(dir) = std::env::var_os("PIQM_TEST_HOLD_STORE") else {
        return;
    };
    let _store = DraftStore::open(Path::new(&dir)).unwrap();
    println!("\nHOLDING");
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

#[test]
fn second_instance_in_another_process_is_kept_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = complete();
    {
        let store = DraftStore::open(dir.path()).unwrap();
        store.write(&d).unwrap();
        plant(&store, &format!("{}.json", Uuid::new_v4()), b"broken");
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_holds_the_store",
            "--ignored",
            "--nocapture",
        ])
        .env("PIQM_TEST_HOLD_STORE", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("HOLDING") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "child ended");
    }

    let err = DraftStore::open(dir.path()).unwrap_err();
    assert_eq!(
        err,
        StoreError::Locked {
            data_dir: dir.path().to_path_buf(),
            pid: Some(child.id())
        }
    );
    let message = err.message(&fr());
    assert!(
        message.contains("déjà utilisé par une autre fenêtre"),
        "{message}"
    );
    assert!(message.contains(&child.id().to_string()), "{message}");

    // Read-only: everything can be seen, nothing changes, not even the quarantine.
    let ro = DraftStore::open_read_only(dir.path()).unwrap();
    assert!(ro.is_read_only());
    let listing = ro.list().unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.unreadable.len(), 1);
    assert_eq!(listing.unreadable[0].moved_to, None);
    assert_eq!(ro.load(d.id).unwrap(), d);
    let mut copy = d.clone();
    assert!(matches!(
        ro.save(&mut copy),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(ro.delete(d.id), Err(StoreError::ReadOnly { .. })));
    assert!(matches!(
        ro.import(Path::new("x.json"), None),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(ro.empty_trash(), Err(StoreError::ReadOnly { .. })));
    let out = tempfile::tempdir().unwrap();
    ro.export(d.id, &out.path().join("copie.json")).unwrap();

    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    // The lock goes with the process.
    let store = DraftStore::open(dir.path()).unwrap();
    assert!(store.list().unwrap().unreadable[0].moved_to.is_some());
}

#[test]
fn a_second_open_in_the_same_process_is_kept_out_too() {
    let dir = tempfile::tempdir().unwrap();
    let first = DraftStore::open(dir.path()).unwrap();
    assert!(matches!(
        DraftStore::open(dir.path()),
        Err(StoreError::Locked { .. })
    ));
    drop(first);
    DraftStore::open(dir.path()).unwrap();
}

#[test]
fn disk_errors_become_sentences_that_name_the_file_and_say_what_to_do() {
    let path = PathBuf::from("/home/marie/.local/share/piqm-acces/drafts/x.json");
    #[cfg(unix)]
    let cases = [
        (
            28,
            IoKind::DiskFull,
            "le disque est plein ; libérez de l'espace",
        ),
        (30, IoKind::ReadOnlyDisk, "en lecture seule"),
        (13, IoKind::PermissionDenied, "vous n'avez pas les droits"),
    ];
    #[cfg(not(unix))]
    let cases: [(i32, IoKind, &str); 0] = [];
    for (errno, kind, words) in cases {
        let e = std::io::Error::from_raw_os_error(errno);
        assert_eq!(IoKind::of(&e), kind);
        let err = StoreError::Io {
            action: Action::Save,
            path: path.clone(),
            problem: (&e).into(),
        };
        let fr = err.message(&fr());
        assert!(
            fr.starts_with("Impossible d'enregistrer « /home/marie"),
            "{fr}"
        );
        assert!(fr.contains(words), "{fr}");
        assert!(
            fr.contains("Ce qui était déjà enregistré est intact"),
            "{fr}"
        );
        let en = err.message(&Localizer::new(Lang::En));
        assert!(en.starts_with("Could not save \"/home/marie"), "{en}");
    }
}

#[test]
fn a_data_folder_that_cannot_be_made_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let err = DraftStore::open(&file.join("piqm-acces")).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Io {
                action: Action::CreateFolder,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(DraftStore::open_read_only(&file).is_err());
    // A missing folder reads as empty.
    let ro = DraftStore::open_read_only(&dir.path().join("nothing-yet")).unwrap();
    assert!(ro.list().unwrap().drafts.is_empty());
}

#[cfg(unix)]
#[test]
fn a_folder_without_write_permission_refuses_saves_with_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    // Built in memory: as `nobody`, the source tree may not be readable.
    let mut d = Designation::new(OffsetDateTime::now_utc());
    d.organization.street = "chemin du Fleuve".into();
    store.save(&mut d).unwrap();
    let drafts = dir.path().join("drafts");
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o500)).unwrap();
    // The superuser writes anyway (CI runs as root): run this test again as `nobody`.
    if std::fs::write(drafts.join(".probe"), "x").is_ok() {
        std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o700)).unwrap();
        rerun_as_nobody("a_folder_without_write_permission_refuses_saves_with_a_clear_error");
        return;
    }
    d.organization.street = "rue Racine".into();
    let err = store.save(&mut d).unwrap_err();
    assert!(
        matches!(
            &err,
            StoreError::Io {
                action: Action::Save,
                problem: IoProblem {
                    kind: IoKind::PermissionDenied,
                    ..
                },
                ..
            }
        ),
        "{err:?}"
    );
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(
        store.load(d.id).unwrap().organization.street,
        "chemin du Fleuve"
    );
}

/// Runs one test of this binary again as the unprivileged user `nobody` (through setpriv), and
/// fails if it fails there. Skipped, with a note, where that is not possible (no setpriv, or the
/// binary is not reachable by `nobody`).
#[cfg(unix)]
fn rerun_as_nobody(test: &str) {
    let output = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture"])
        .current_dir(std::env::temp_dir())
        .output();
    let Ok(output) = output else {
        // As root, permission bits are not enforced: without setpriv nothing is checked.
        tools::missing("setpriv (util-linux), to run this test as nobody");
        return;
    };
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    if text.contains("1 passed") {
        return;
    }
    assert!(
        !text.contains("panicked") && !text.contains("FAILED"),
        "as nobody:\n{text}"
    );
    tools::missing(&format!(
        "a run as nobody (the test binary must be reachable by it): {text}"
    ));
}

#[test]
fn an_unreadable_draft_with_the_imported_id_is_set_aside_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let d = complete();
    plant(&store, &format!("{}.json", d.id), b"{ torn");
    let file = write_temp_json(&serde_json::to_string(&d).unwrap());
    assert_eq!(
        store.import(&file, None).unwrap().outcome,
        ImportOutcome::Added
    );
    assert_eq!(store.load(d.id).unwrap(), as_imported(&d));
    assert_eq!(
        std::fs::read(dir.path().join("quarantine").join(format!("{}.json", d.id))).unwrap(),
        b"{ torn"
    );
}

/// The GUI shares one store between its tasks.
#[test]
fn the_store_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<DraftStore>();
    shared::<StoreError>();
}

#[test]
fn every_deleted_or_replaced_version_stays_in_the_trash_and_each_is_restorable() {
    let dir = tempfile::tempdir().unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let mut first = complete();
    first.organization.name = "Première version".into();
    store.write(&first).unwrap();
    store.delete(first.id).unwrap();
    // The same draft, written again with other answers, deleted again.
    let mut second = first.clone();
    second.organization.name = "Deuxième version".into();
    store.write(&second).unwrap();
    store.delete(second.id).unwrap();
    // And a third one replaced by an import: the replaced one goes to the trash too.
    let mut third = first.clone();
    third.organization.name = "Troisième version".into();
    store.write(&third).unwrap();
    let mut imported = first.clone();
    imported.organization.name = "Importée".into();
    let file = dir.path().join("importee.json");
    std::fs::write(&file, serde_json::to_vec(&imported).unwrap()).unwrap();
    store.import(&file, Some(OnConflict::Replace)).unwrap();
    store.delete(first.id).unwrap();

    let trash = store.trash().unwrap();
    let names: Vec<_> = trash
        .drafts
        .iter()
        .map(|t| t.summary.organization_name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Importée",
            "Troisième version",
            "Deuxième version",
            "Première version"
        ],
        "every version, most recent first"
    );
    assert!(
        trash
            .drafts
            .windows(2)
            .all(|w| w[0].deleted_at >= w[1].deleted_at && w[0].version != w[1].version)
    );
    assert_eq!(store.trash_versions(first.id).unwrap().len(), 4);

    // The latest by default…
    store.restore(first.id, None).unwrap();
    assert_eq!(store.load(first.id).unwrap().organization.name, "Importée");
    // …another one when named (once the draft is out of the way again).
    store.delete(first.id).unwrap();
    let oldest = store
        .trash()
        .unwrap()
        .drafts
        .last()
        .unwrap()
        .version
        .clone();
    store.restore(first.id, Some(&oldest)).unwrap();
    assert_eq!(store.load(first.id).unwrap(), first);
    assert!(matches!(
        store.restore(first.id, Some("0000000000000000-nothing")),
        Err(StoreError::NotFound { .. })
    ));
    // Three versions left (the latest went back, was deleted again, then the oldest went back);
    // emptying erases them all.
    assert_eq!(store.trash().unwrap().drafts.len(), 3);
    assert_eq!(store.empty_trash().unwrap(), 3);
    assert!(files_in(&dir.path().join("trash")).is_empty());
}

#[test]
fn a_trash_of_an_older_version_is_migrated_to_versions() {
    let dir = tempfile::tempdir().unwrap();
    let d = complete();
    let trash = dir.path().join("trash");
    std::fs::create_dir_all(&trash).unwrap();
    std::fs::write(
        trash.join(format!("{}.json", d.id)),
        serde_json::to_vec(&d).unwrap(),
    )
    .unwrap();
    let store = DraftStore::open(dir.path()).unwrap();
    let listing = store.trash().unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert!(listing.drafts[0].deleted_at > OffsetDateTime::now_utc() - time::Duration::minutes(1));
    store.restore(d.id, None).unwrap();
    assert_eq!(store.load(d.id).unwrap(), d);
}
