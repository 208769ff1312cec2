//! A PDF copy handed over to be verified (`piqm-acces verify`, the import of a copy): its
//! signature, byte ranges, CMS structure, certificate, attachment and QR text are read, then the
//! report is put into words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use piqm_acces::i18n::{Lang, Localizer};
use piqm_acces::pdf::verify::{Known, lines, verify_bytes};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(report) = verify_bytes(bytes, &Known::default()) {
        let _ = lines(&report, &Localizer::new(Lang::Fr));
    }
});
