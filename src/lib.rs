//! piqm-acces: designation of a gestionnaire local des droits d'accès to the PIQM online service.
//!
//! The core (`designation`, `wizard`, `reference`) is pure: no I/O beyond embedded data, no GUI,
//! no async runtime. Services (`store`, `submit`, `pdf`, `i18n`, `settings`, `lookup`, `paths`,
//! `dialogs`, `blocking`, `bounded`) wrap it, and each use case is one function of a service
//! (`submit::submit_designation`, `pdf::make_copy`, `store::DraftStore::import`, …). The faces
//! (`cli` and `gui`, chosen by `main.rs`) turn input into those calls and their results into
//! words.

/// The application's id: the name of its .desktop and AppStream files (resources/packaging/linux)
/// and the window's Wayland app id and X11 WM_CLASS, by which a desktop ties the window to its
/// launcher and icon. The same reverse-DNS name as the data folder's (src/paths.rs).
pub const APP_ID: &str = "ca.gouv.qc.mamh.piqm_acces";

pub mod blocking;
pub mod bounded;
pub mod cli;
pub mod clock;
pub mod console;
pub mod contact;
pub mod designation;
#[cfg(feature = "gui")]
pub mod dialogs;
pub mod file_name;
pub mod fsutil;
#[cfg(feature = "gui")]
pub mod gui;
pub mod i18n;
pub mod lookup;
pub mod memory;
pub mod paths;
pub mod pdf;
pub mod reference;
pub mod secret;
pub mod settings;
pub mod store;
pub mod submit;
pub mod wizard;
