//! piqm-acces: designation of a gestionnaire local des droits d'accès to the PIQM online service.
//!
//! The core (`designation`, `wizard`, `reference`) is pure: no I/O beyond embedded data, no GUI,
//! no async runtime. Services (`i18n`, `settings`, `lookup`, `paths`, `dialogs`) wrap it; the faces
//! (`cli` and `gui`) only call services.

pub mod blocking;
pub mod cli;
pub mod clock;
pub mod designation;
pub mod dialogs;
pub mod gui;
pub mod i18n;
pub mod lookup;
pub mod paths;
pub mod pdf;
pub mod reference;
pub mod settings;
pub mod store;
pub mod submit;
pub mod wizard;
