//! The processes a launch started, read from /proc: their memory, and their ending.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// A process and its descendants, by the kernel's own children lists.
pub fn tree(pid: u32) -> BTreeSet<u32> {
    let mut all = BTreeSet::from([pid]);
    for child in children(pid) {
        all.extend(tree(child));
    }
    all
}

fn children(pid: u32) -> Vec<u32> {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|c| {
            c.split_whitespace()
                .filter_map(|p| p.parse::<u32>().ok())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The live processes whose command line names `path`: Chromium's crash handler is started
/// through a double fork and left to init, outside the browser's tree, but it is told where the
/// profile is. A zombie's command line is empty, so it is not counted.
pub fn naming(path: &Path) -> BTreeSet<u32> {
    let needle = path.as_os_str().as_encoded_bytes();
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|cmd| cmd.windows(needle.len()).any(|w| w == needle))
        })
        .collect()
}

/// Proportional set size of one process, in KiB (smaps_rollup): shared pages are split among
/// the processes that map them, so a sum over processes counts each page once.
pub fn pss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .unwrap_or(0)
}

/// Waits for the processes naming `path` to end by themselves (Chromium's helpers leave when
/// the browser does), then kills those left: the next launch starts on a quiet machine.
pub fn end_naming(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !naming(path).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let left: Vec<String> = naming(path).iter().map(u32::to_string).collect();
    if !left.is_empty() {
        let _ = std::process::Command::new("kill")
            .arg("-KILL")
            .args(&left)
            .status();
    }
}
