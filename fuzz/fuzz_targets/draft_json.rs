//! A draft file from a colleague, an e-mail or a USB key: parsed, then validated, as `check`
//! and `drafts import` do. Neither may panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piqm_acces::designation::{from_json, validate};
use piqm_acces::reference::Reference;

fuzz_target!(|bytes: &[u8]| {
    if bytes.len() as u64 > piqm_acces::store::MAX_DRAFT_BYTES {
        return;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(draft) = from_json(text) {
        let _ = validate(&draft, Reference::get());
    }
});
