//! A PDF copy handed over to be imported: its attached designation is found and read.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = piqm_acces::pdf::extract_designation(bytes);
});
