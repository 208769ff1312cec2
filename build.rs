//! On Windows, the program's version details and icon (what Explorer's Properties, the taskbar
//! and IT's inventory tools read) are compiled into the exe with mingw's windres. Elsewhere this
//! does nothing. The icon comes from `PIQM_WINDOWS_ICON` (resources/packaging/windows/build-msi
//! draws it from the SVG first); without it the exe gets the version details only.

use std::env;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PIQM_WINDOWS_ICON");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let mut parts: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    parts.resize(4, 0);
    let numbers = parts
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(",");

    let mut rc = String::new();
    if let Ok(icon) = env::var("PIQM_WINDOWS_ICON") {
        println!("cargo:rerun-if-changed={icon}");
        let icon = icon.replace('\\', "/");
        writeln!(rc, "1 ICON \"{icon}\"").unwrap();
    }
    // Strings in the code page 1252 of the Translation block: "è" written as its octal escape.
    write!(
        rc,
        r#"1 VERSIONINFO
FILEVERSION {numbers}
PRODUCTVERSION {numbers}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "0c0c04e4"
    BEGIN
      VALUE "CompanyName", "Projet piqm-acces"
      VALUE "FileDescription", "Acc\350s PIQM"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "piqm-acces"
      VALUE "LegalCopyright", "MIT OR Apache-2.0"
      VALUE "OriginalFilename", "piqm-acces.exe"
      VALUE "ProductName", "Acc\350s PIQM"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0c0c, 1252
  END
END
"#
    )
    .unwrap();
    let rc_path = out_dir.join("piqm-acces.rc");
    std::fs::write(&rc_path, rc).expect("write the resource script");
    let object = out_dir.join("piqm-acces-resources.o");
    let windres = env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let status = Command::new(&windres)
        .arg("--input")
        .arg(&rc_path)
        .arg("--output")
        .arg(&object)
        .args(["--output-format=coff", "--codepage=1252"])
        .status()
        .unwrap_or_else(|e| {
            panic!("{windres} (Debian's binutils-mingw-w64-x86-64) could not run: {e}")
        });
    assert!(
        status.success(),
        "{windres} failed on {}",
        rc_path.display()
    );
    println!("cargo:rustc-link-arg-bins={}", object.display());
}
