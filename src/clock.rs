//! Local time for what users read ("Enregistré à 14 h 32"). The local offset can only be read
//! safely while the process has one thread, so `main` reads it once at start.

use std::sync::OnceLock;

use time::{OffsetDateTime, UtcOffset};

static LOCAL_OFFSET: OnceLock<UtcOffset> = OnceLock::new();

/// Reads the system's UTC offset; call first thing in `main`. UTC when it cannot be known.
pub fn init_local_offset() {
    let offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
    let _ = LOCAL_OFFSET.set(offset);
}

/// The moment in the user's local time.
pub fn local(t: OffsetDateTime) -> OffsetDateTime {
    t.to_offset(*LOCAL_OFFSET.get().unwrap_or(&UtcOffset::UTC))
}
