//! External tools the tests need (validators, CUPS, flock, setpriv): a missing one fails its test.
//!
//! `.ci/run` installs them all (and the README says how on a new machine). The only way to run
//! the tests without one is deliberate and named: `PIQM_ALLOW_MISSING_TOOLS=1`, which turns the
//! failure into a loud line in the output — the check did not happen.
#![allow(dead_code)]

use std::path::PathBuf;

/// The environment variable that lets a test pass without a tool it needs.
pub const ALLOW_MISSING: &str = "PIQM_ALLOW_MISSING_TOOLS";

/// Whether missing tools were deliberately allowed for this run.
pub fn missing_allowed() -> bool {
    std::env::var(ALLOW_MISSING).is_ok_and(|v| v == "1")
}

/// Fails the test because `what` is missing, unless [`ALLOW_MISSING`] is set: then says loudly
/// that this check did not run, and returns (the caller then skips it).
pub fn missing(what: &str) {
    if !missing_allowed() {
        panic!(
            "{what} is missing, so this test cannot check anything: install it (.ci/run does), \
             or set {ALLOW_MISSING}=1 to let the tests pass without this check"
        );
    }
    eprintln!("\n*** NOT CHECKED ({ALLOW_MISSING}=1): {what} is missing — see .ci/run ***\n");
}

/// The path of an external program on `PATH`; when missing, [`missing`] decides.
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        missing(name);
    }
    found
}
