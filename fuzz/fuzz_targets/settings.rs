//! A settings file, maybe written by hand or by a deployment tool.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use piqm_acces::settings::Settings;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = Settings::parse(text, Path::new("piqm-acces.toml"));
    }
});
