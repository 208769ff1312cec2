//! Where the application keeps its files: the `directories` crate's usual places, unless the
//! user names others (`--data-dir`, `PIQM_DATA_DIR`, `--config`).

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("ca.gouv.qc", "MAMH", "piqm-acces")
}

/// The folder of drafts, outbox and signing identity.
pub fn data_dir(overridden: Option<&Path>) -> Option<PathBuf> {
    overridden
        .map(Path::to_path_buf)
        .or_else(|| project_dirs().map(|d| d.data_dir().to_path_buf()))
}

/// The settings file.
pub fn config_file(overridden: Option<&Path>) -> Option<PathBuf> {
    overridden
        .map(Path::to_path_buf)
        .or_else(|| project_dirs().map(|d| d.config_dir().join("config.toml")))
}
