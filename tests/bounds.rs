//! Every input from outside is bounded before it is parsed: the real binary, under a 1 GiB
//! address-space limit (`prlimit --as`), given what an attacker or a clumsy colleague would give
//! it — `/dev/zero`, a named pipe, a folder, a decompression bomb, answers of 200,000 characters.
//! Each is answered with a message and an exit code; none may exhaust memory or hang. The
//! `timeout` of each run only guards against a hang (it is far above the run's real time).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use common::{example_path, run, tool};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use predicates::prelude::*;
use predicates::str::contains;

/// 1 GiB of address space: far more than the application needs, far less than what the
/// unbounded reads of these inputs took (3 to 6 GB).
const ADDRESS_SPACE: &str = "--as=1073741824";
/// Longer than any of these runs takes, even in a debug build: only a hang reaches it.
const HANG: Duration = Duration::from_secs(60);

/// The binary in French under `prlimit`, with its own data folder and a missing settings file.
fn app(data: &Path) -> Option<Command> {
    let prlimit = tool("prlimit")?;
    let mut cmd = Command::new(prlimit);
    cmd.arg(ADDRESS_SPACE)
        .arg("--")
        .arg(assert_cmd::cargo::cargo_bin("piqm-acces"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("PIQM_ENDPOINT")
        .env_remove("PIQM_P12_PASSWORD")
        .env("LANG", "fr_CA.UTF-8")
        .arg("--data-dir")
        .arg(data.join("donnees"))
        .timeout(HANG);
    Some(cmd)
}

fn no_panic() -> impl Predicate<str> {
    contains("panicked").not()
}

/// A named pipe nobody writes to: opening it the ordinary way waits forever.
fn fifo(dir: &Path) -> PathBuf {
    let path = dir.join("tube.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    path
}

/// A copy of an example with one answer changed.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let text = std::fs::read_to_string(example_path(&format!("{name}.json"))).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut v);
    let path = dir.join(format!("{name}-modifie.json"));
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    path
}

const NOT_A_FILE: &str = "n'est pas un fichier ordinaire";

#[test]
fn check_and_export_refuse_dev_zero_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut check) = app(dir.path()) else {
        return;
    };
    check
        .args(["check", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(contains("« /dev/zero » n'est pas un fichier ordinaire"))
        .stderr(contains("Choisissez un brouillon (.json)"))
        .stderr(no_panic());
    let mut export = app(dir.path()).unwrap();
    export
        .args(["export", "/dev/zero", "-o"])
        .arg(dir.path().join("copie.pdf"))
        .assert()
        .code(2)
        .stderr(contains(NOT_A_FILE))
        .stderr(no_panic());
    assert!(!dir.path().join("copie.pdf").exists());
}

#[test]
fn print_refuses_a_device_before_the_printing_system_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut print) = app(dir.path()) else {
        return;
    };
    print
        .args(["print", "/dev/zero", "--printer", "PDF"])
        .assert()
        .code(2)
        .stderr(contains(NOT_A_FILE))
        .stderr(contains("Choisissez une copie PDF à imprimer."));
}

#[test]
fn a_named_pipe_given_as_a_draft_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path());
    let Some(mut check) = app(dir.path()) else {
        return;
    };
    check
        .arg("check")
        .arg(&pipe)
        .assert()
        .code(2)
        .stderr(contains(NOT_A_FILE));
    let mut import = app(dir.path()).unwrap();
    import
        .args(["drafts", "import"])
        .arg(&pipe)
        .assert()
        .code(2)
        .stderr(contains(NOT_A_FILE));
}

#[test]
fn a_draft_over_1_mib_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    // Valid JSON all the way (spaces), so only its size can refuse it.
    let path = dir.path().join("gros.json");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(&vec![b' '; 2 * 1024 * 1024]).unwrap();
    file.write_all(b"{}").unwrap();
    drop(file);
    let Some(mut check) = app(dir.path()) else {
        return;
    };
    check
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("fait plus de 1 Mio"))
        .stderr(contains("aucun brouillon n'est aussi gros"));
}

#[test]
fn a_settings_file_that_is_not_a_file_stops_the_command_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(dir.path());
    let draft = example_path("municipalite.json");
    for config in [Path::new("/dev/zero"), pipe.as_path(), dir.path()] {
        let Some(mut cmd) = app(dir.path()) else {
            return;
        };
        cmd.arg("--config")
            .arg(config)
            .arg("check")
            .arg(&draft)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(NOT_A_FILE))
            .stderr(contains("retirez l'option --config. Rien n'a été fait."))
            .stderr(no_panic());
    }
    // A command that uses the settings says the same.
    let mut send = app(dir.path()).unwrap();
    send.arg("--config")
        .arg(&pipe)
        .arg("send")
        .assert()
        .code(2)
        .stderr(contains(NOT_A_FILE));
}

#[test]
fn a_settings_file_over_64_kib_stops_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let comment = format!("# {}\n", "x".repeat(100));
    std::fs::write(&config, comment.repeat(700)).unwrap();
    let Some(mut cmd) = app(dir.path()) else {
        return;
    };
    cmd.arg("--config")
        .arg(&config)
        .arg("check")
        .arg(example_path("municipalite.json"))
        .assert()
        .code(2)
        .stderr(contains("fait plus de 64 Kio"));
}

#[test]
fn a_pkcs12_file_that_is_a_device_is_refused_before_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut cmd) = app(dir.path()) else {
        return;
    };
    cmd.args(["identity", "import", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(contains(NOT_A_FILE))
        .stderr(contains("Choisissez le fichier .p12 ou .pfx"));
}

/// A raw DEFLATE stream (fixed Huffman codes) that inflates to about `bytes` zeros: one literal
/// zero, then "copy 258 bytes from 1 back" over and over. Made bit by bit, so that the test does
/// not have to compress gigabytes itself.
fn deflate_of_zeros(bytes: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        /// `count` bits of `value`, least significant first (DEFLATE's order for headers).
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.n;
            self.n += count;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u64, len: u32) {
            let reversed = (0..len).fold(0, |r, i| (r << 1) | ((code >> i) & 1));
            self.put(reversed, len);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed Huffman codes
    b.code(0b0011_0000, 8); // literal 0
    for _ in 0..bytes / 258 {
        b.code(0b1100_0101, 8); // length code 285: 258 bytes
        b.code(0, 5); // distance code 0: 1 back
    }
    b.code(0, 7); // end of block
    b.put(0, 7); // pad to a byte
    b.out
}

/// A zlib stream (the PDF's FlateDecode) around a raw DEFLATE stream.
fn zlib(deflate: Vec<u8>) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    out.extend(deflate);
    // The Adler-32 is never reached: inflating stops at the limit long before.
    out.extend([0, 0, 0, 0]);
    out
}

/// A small PDF with a `designation.json` attachment compressed twice: the inner stream inflates
/// to about 4 GiB of zeros.
fn bomb() -> Vec<u8> {
    let inner = zlib(deflate_of_zeros(4 << 30));
    let mut outer = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    outer.write_all(&inner).unwrap();
    let outer = outer.finish().unwrap();

    let mut doc = Document::with_version("1.7");
    let filters = Object::Array(vec![
        Object::Name(b"FlateDecode".to_vec()),
        Object::Name(b"FlateDecode".to_vec()),
    ]);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"EmbeddedFile".to_vec()));
    dict.set("Filter", filters);
    let file = doc.add_object(Stream::new(dict, outer));
    let name = Object::String(b"designation.json".to_vec(), StringFormat::Literal);
    let mut ef = Dictionary::new();
    ef.set("F", Object::Reference(file));
    let mut spec = Dictionary::new();
    spec.set("Type", Object::Name(b"Filespec".to_vec()));
    spec.set("F", name.clone());
    spec.set("EF", Object::Dictionary(ef));
    let spec = doc.add_object(spec);
    let mut tree = Dictionary::new();
    tree.set("Names", Object::Array(vec![name, Object::Reference(spec)]));
    let mut names = Dictionary::new();
    names.set("EmbeddedFiles", Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Names", Object::Dictionary(names));
    catalog.set("AF", Object::Array(vec![Object::Reference(spec)]));
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_doubly_compressed_pdf_bomb_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copie.pdf");
    let bytes = bomb();
    assert!(
        bytes.len() < 64 * 1024,
        "a small file: {} bytes",
        bytes.len()
    );
    std::fs::write(&path, &bytes).unwrap();
    let Some(mut import) = app(dir.path()) else {
        return;
    };
    import
        .args(["drafts", "import"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains(
            "la désignation jointe à ce PDF dépasse 1 Mio une fois décompressée",
        ))
        .stderr(no_panic());
    // Nothing was imported.
    let mut list = app(dir.path()).unwrap();
    list.args(["drafts", "list", "--json"])
        .assert()
        .code(0)
        .stdout(contains("designation").not());
}

#[test]
fn a_200000_character_name_is_a_problem_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let draft = edited(dir.path(), "organisme", |v| {
        v["organisme"]["nom"] = "x".repeat(200_000).into();
    });
    let Some(mut check) = app(dir.path()) else {
        return;
    };
    check
        .arg("check")
        .arg(&draft)
        .assert()
        .code(1)
        .stdout(contains(
            "organisme.nom: Écrivez au plus 150 caractères dans « Nom de l'organisme » ; il y en a 200000.",
        ));
    // And its copy is made (marked incomplete), signed, the whole name wrapped on the pages.
    let out = dir.path().join("copie.pdf");
    let mut export = app(dir.path()).unwrap();
    export
        .arg("export")
        .arg(&draft)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("copie écrite, marquée « BROUILLON — incomplet »"))
        .stderr(no_panic());
    let copy = std::fs::read(&out).unwrap();
    let attached = piqm_acces::pdf::extract_designation(&copy).unwrap();
    assert_eq!(attached.organization.name.chars().count(), 200_000);
}

#[test]
fn a_1119_character_organisme_and_account_sign_a_valid_copy() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Régie intermunicipale de l'eau potable ".repeat(30);
    let long = long.chars().take(1119).collect::<String>();
    let draft = edited(dir.path(), "organisme", |v| {
        v["organisme"]["nom"] = long.clone().into();
    });
    let out = dir.path().join("copie.pdf");
    let Some(mut export) = app(dir.path()) else {
        return;
    };
    // The installation's certificate names the account: a 1,119-character one too.
    let account = "Compte ".repeat(160);
    // Exit 1: the name is over 150 characters, a problem the copy is marked with; the copy is
    // made and signed all the same (it once failed: the name overflowed the signature's room).
    export
        .env("USER", &account)
        .arg("export")
        .arg(&draft)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("copie écrite"))
        .stderr(contains("exceeds").not());
    let Some(pdfsig) = tool("pdfsig") else { return };
    let (_, text) = run(&pdfsig, &[out.as_os_str()]);
    assert!(text.contains("Signature is Valid."), "{text}");
    assert!(text.contains("Total document signed"), "{text}");
    // The certificate's common name is cut to 64 characters (X.520 ub-common-name).
    let cn: String = format!("piqm-acces — {account}").chars().take(64).collect();
    assert!(
        text.contains(&format!(
            "Signer Certificate Common Name: {}\n",
            cn.trim_end()
        )),
        "{text}"
    );
}
