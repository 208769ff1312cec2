//! Crash safety, for real: a child process saves drafts in a loop and is killed with SIGKILL at
//! random moments, over and over on the same data folder. After every kill, every draft file must
//! parse and hold either the last content the child reported saved or the one it was writing, no
//! draft may vanish, and a draft being moved to and from the trash must be in exactly one place.
//!
//! (A SIGKILL tests what a crash does; what a power cut does also depends on the disk honouring
//! `fsync`, which the store calls on the file and on its folder.)

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use piqm_acces::designation::{Designation, from_json};
use piqm_acces::store::DraftStore;
use time::macros::datetime;
use uuid::Uuid;

/// Drafts edited in turn.
const EDITED: u128 = 4;
/// Kills (the issue asks for at least 200).
const KILLS: usize = 220;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x5a5a_0000_0000_4000_8000_0000_0000_0000 | n)
}

/// The draft moved to the trash and back, again and again.
fn moving_id() -> Uuid {
    id(99)
}

/// Version `v` of draft `n`: its content says which version it is, and its size changes from
/// one version to the next, so a torn or mixed write cannot pass for a whole one.
fn content(n: u128, v: u64) -> Designation {
    let mut d = Designation::new(datetime!(2026-11-01 9:00 UTC));
    d.id = id(n);
    d.organization.name = format!("Brouillon {n} version {v}");
    d.organization.street = "rue ".to_string() + &"x".repeat((v as usize * 37) % 900);
    d.requester.last_name = format!("{v}");
    d
}

fn version_of(d: &Designation) -> u64 {
    d.requester.last_name.parse().unwrap()
}

/// The child: saves drafts in turn, forever, and prints `ACK n v` once each save has returned.
#[test]
#[ignore = "helper: run by killed_at_random_moments_no_draft_is_lost_or_torn"]
fn crash_child() {
    let Some(dir) = std::env::var_os("PIQM_CRASH_CHILD") else {
        return;
    };
    let store = DraftStore::open(Path::new(&dir)).unwrap();
    let mut versions: Vec<u64> = (0..EDITED)
        .map(|n| version_of(&store.load(id(n)).unwrap()))
        .collect();
    let mut out = std::io::stdout().lock();
    writeln!(out, "\nREADY").unwrap();
    // Never outlives a parent that died.
    let deadline = Instant::now() + Duration::from_secs(20);
    // Each child starts with another draft, so that every one of them gets killed mid-save.
    let first = u128::from(std::process::id()) % EDITED;
    while Instant::now() < deadline {
        for n in (0..EDITED).map(|k| (k + first) % EDITED) {
            versions[n as usize] += 1;
            let mut d = content(n, versions[n as usize]);
            store.save(&mut d).unwrap();
            writeln!(out, "ACK {n} {}", versions[n as usize]).unwrap();
            out.flush().unwrap();
            store.set_last_opened(Some(d.id)).unwrap();
        }
        if store.draft_path(moving_id()).exists() {
            store.delete(moving_id()).unwrap();
        } else {
            store.restore(moving_id(), None).unwrap();
        }
    }
}

/// A small random generator (xorshift), seeded from the clock; the seed is printed so a failure
/// can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn killed_at_random_moments_no_draft_is_lost_or_torn() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = DraftStore::open(dir.path()).unwrap();
        for n in 0..EDITED {
            store.write(&content(n, 0)).unwrap();
        }
        store.write(&content(99, 0)).unwrap();
    }
    let seed = std::env::var("PIQM_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("seed {seed} (PIQM_CRASH_SEED to replay)");
    let mut rng = Rng(seed);
    let mut acked = vec![0u64; EDITED as usize];
    let mut saves_seen = 0u64;
    let mut in_flight_landed = 0u64;
    let mut torn_writes_left = 0u64;
    let started = Instant::now();

    for round in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--ignored", "--nocapture"])
            .env("PIQM_CRASH_CHILD", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        // Mostly while saving; sometimes during start-up (opening, cleaning, loading).
        if rng.below(10) > 0 {
            let ready = Instant::now();
            loop {
                match rx.recv_timeout(Duration::from_secs(10)) {
                    Ok(line) if line.contains("READY") => break,
                    Ok(_) => {}
                    Err(e) => panic!("round {round}: child not ready: {e}"),
                }
                assert!(ready.elapsed() < Duration::from_secs(10));
            }
            std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        } else {
            std::thread::sleep(Duration::from_micros(rng.below(3_000)));
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        for line in rx.try_iter() {
            if let Some(rest) = line.split("ACK ").nth(1) {
                let mut parts = rest.split(' ').map(|p| p.trim().parse::<u64>().unwrap());
                let (n, v) = (parts.next().unwrap(), parts.next().unwrap());
                assert_eq!(v, acked[n as usize] + 1, "round {round}: acks in order");
                acked[n as usize] = v;
                saves_seen += 1;
            }
        }

        // A kill in the middle of writing leaves a temporary file, never a torn draft.
        torn_writes_left += std::fs::read_dir(dir.path().join("drafts"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".tmp-")
            })
            .count() as u64;

        // Every draft is there, whole, and holds the last acknowledged content or the next one.
        let drafts = dir.path().join("drafts");
        for n in 0..EDITED {
            let path = drafts.join(format!("{}.json", id(n)));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("round {round}: draft {n} vanished: {e}"));
            let mut d = from_json(&text)
                .unwrap_or_else(|e| panic!("round {round}: draft {n} does not parse: {e}"));
            let v = version_of(&d);
            assert!(
                v == acked[n as usize] || v == acked[n as usize] + 1,
                "round {round}: draft {n} holds version {v}, acknowledged {}",
                acked[n as usize]
            );
            let mut expected = content(n, v);
            expected.updated_at = d.updated_at;
            d.schema_version = expected.schema_version;
            assert_eq!(
                d, expected,
                "round {round}: draft {n} is not a version written"
            );
            if v > acked[n as usize] {
                // Saved, killed before it could say so: the next child goes on from there.
                in_flight_landed += 1;
                acked[n as usize] = v;
            }
        }
        let moving = format!("{}.json", moving_id());
        // In the drafts, or in one version folder of the trash (`trash/<version>/<id>.json`).
        let mut places = vec![drafts.join(&moving)];
        for version in std::fs::read_dir(dir.path().join("trash")).unwrap() {
            places.push(version.unwrap().path().join(&moving));
        }
        let present: Vec<_> = places.iter().filter(|p| p.is_file()).collect();
        assert_eq!(
            present.len(),
            1,
            "round {round}: the moved draft is in {present:?}"
        );
        let moved = from_json(&std::fs::read_to_string(present[0]).unwrap()).unwrap();
        assert_eq!(moved, content(99, 0));
        // The state file is always whole JSON.
        if let Ok(state) = std::fs::read_to_string(dir.path().join("state.json")) {
            serde_json::from_str::<serde_json::Value>(&state)
                .unwrap_or_else(|e| panic!("round {round}: state.json torn: {e}"));
        }
        // Nothing was ever set aside: no file was ever unreadable.
        assert!(
            std::fs::read_dir(dir.path().join("quarantine"))
                .unwrap()
                .next()
                .is_none(),
            "round {round}: quarantine not empty"
        );
    }

    // The next start cleans up what the kills left half-written, and everything lists.
    let store = DraftStore::open(dir.path()).unwrap();
    let listing = store.list().unwrap();
    assert!(listing.unreadable.is_empty());
    assert!(listing.drafts.len() >= EDITED as usize);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!(
        "{KILLS} kills in {:.1} s: {saves_seen} saves acknowledged, {in_flight_landed} saves \
         on disk but killed before they returned, {torn_writes_left} writes cut before their \
         rename; final versions {acked:?}",
        started.elapsed().as_secs_f64()
    );
    assert!(
        in_flight_landed + torn_writes_left >= KILLS as u64 / 4,
        "too few kills landed in the middle of a save to prove anything"
    );
}
