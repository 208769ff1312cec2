//! piqm-acces: designation of a gestionnaire local des droits d'accès to the PIQM online service.
//!
//! The core (`designation`, `wizard`, `reference`) is pure: no I/O beyond embedded data, no GUI,
//! no async runtime. Services (`i18n`, `draft_file`, settings) wrap it; the faces (`cli`, and the GUI)
//! only call services.

pub mod cli;
pub mod designation;
pub mod gui;
pub mod i18n;
pub mod lookup;
pub mod paths;
pub mod reference;
pub mod settings;
pub mod store;
pub mod submit;
pub mod wizard;
