//! What a server (or a proxy in its place) answers to a send: any status, any body.
#![no_main]

use std::time::Duration;

use http::StatusCode;
use libfuzzer_sys::fuzz_target;
use piqm_acces::submit::client::classify_send;

fuzz_target!(|input: (u16, Option<u16>, &[u8])| {
    let (status, retry_after, body) = input;
    let Ok(status) = StatusCode::from_u16(status) else {
        return;
    };
    let _ = classify_send(status, body, retry_after.map(|s| Duration::from_secs(s.into())));
});
