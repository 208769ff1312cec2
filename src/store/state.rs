//! What the application remembers between runs apart from drafts: the draft last on screen, so
//! that the next start can offer to resume it.

use std::fs;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Action, DraftStore, DraftSummary, StoreError};
use crate::fsutil::{Access, write_atomic};

const STATE: &str = "state.json";

/// What the application remembers between runs, apart from drafts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct State {
    #[serde(default)]
    schema_version: u32,
    #[serde(rename = "dernier_brouillon", default)]
    last_opened: Option<Uuid>,
}

impl DraftStore {
    /// Remembers the draft on screen (or none), so the next start can offer to resume it.
    pub fn set_last_opened(&self, id: Option<Uuid>) -> Result<(), StoreError> {
        self.writable()?;
        let state = State {
            schema_version: 1,
            last_opened: id,
        };
        let path = self.root.join(STATE);
        let bytes = serde_json::to_vec_pretty(&state).unwrap_or_default();
        write_atomic(&path, &bytes, Access::Private)
            .map_err(|e| StoreError::io(Action::Save, &path, &e))
    }

    /// The draft last on screen, as remembered (it may since have been deleted).
    pub fn last_opened(&self) -> Option<Uuid> {
        // A missing or damaged state file only means there is nothing to offer.
        let text = fs::read_to_string(self.root.join(STATE)).ok()?;
        serde_json::from_str::<State>(&text).ok()?.last_opened
    }

    /// The draft to offer to resume at start: the last one on screen, if it is still there and
    /// can still be changed. Its `step` is where the user left it.
    pub fn resume_offer(&self) -> Option<DraftSummary> {
        self.existing(self.last_opened()?)
            .filter(DraftSummary::is_editable)
    }
}
