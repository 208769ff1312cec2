//! Printing to a real CUPS queue: the `PDF` queue of printer-driver-cups-pdf that .ci/run sets
//! up, which writes each job as a PDF file into ~/PDF/.

mod common;
mod gui_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::*;
use piqm_acces::i18n::Lang;
use piqm_acces::pdf::Paper;
use piqm_acces::pdf::print::{Cups, Job, PrintError, Printer};

const QUEUE: &str = "PDF";

/// The cups-pdf output folder (`Out ${HOME}/PDF` in /etc/cups/cups-pdf.conf).
fn output_dir() -> PathBuf {
    let conf = std::fs::read_to_string("/etc/cups/cups-pdf.conf").unwrap_or_default();
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    conf.lines()
        .find_map(|l| l.trim().strip_prefix("Out "))
        .map(|out| PathBuf::from(out.trim().replace("${HOME}", &home)))
        .unwrap_or_else(|| PathBuf::from(home).join("PDF"))
}

/// Whether the CUPS queue is there; when it is not, the test fails (see `tools::missing`).
fn queue_ready() -> bool {
    if tool("lpstat").is_none() || tool("lp").is_none() {
        return false;
    }
    let printers = Cups.printers().unwrap_or_default();
    if printers.iter().any(|p| p.name == QUEUE) {
        return true;
    }
    missing(&format!("the CUPS queue {QUEUE} (printers: {printers:?})"));
    false
}

#[test]
fn the_copy_printed_on_a_real_queue_comes_out() {
    if !queue_ready() {
        return;
    }
    let exported = export(&example("municipalite.json"), Lang::Fr, Paper::Letter);
    let dir = tempfile::tempdir().unwrap();
    let token = format!("piqm-impression-{}", std::process::id());
    let file = write_temp(&dir, &format!("{token}.pdf"), &exported.bytes);
    let title = format!("{token}.pdf");
    let job = Cups
        .print(
            QUEUE,
            &Job {
                file: &file,
                pages: Some(&exported.layout),
                title: &title,
                output: None,
            },
        )
        .unwrap();
    assert!(job.id.starts_with(QUEUE), "{job:?}");

    let out = output_dir();
    let deadline = Instant::now() + Duration::from_secs(60);
    let printed = loop {
        let found = std::fs::read_dir(&out).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().contains(&token))
        });
        if let Some(p) = found.filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 1000)) {
            break p;
        }
        assert!(
            Instant::now() < deadline,
            "no printed file for job {} in {}",
            job.id,
            out.display()
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    // Give cups-pdf a moment to finish writing, then check it is a PDF.
    std::thread::sleep(Duration::from_millis(500));
    let bytes = std::fs::read(&printed).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "{}", printed.display());
    let _ = std::fs::remove_file(printed);
}

#[test]
fn an_unknown_printer_is_refused_by_name() {
    if !queue_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write_temp(&dir, "x.pdf", b"%PDF-1.4\n");
    let job = Job {
        file: &file,
        pages: None,
        title: "x",
        output: None,
    };
    assert!(matches!(
        Cups.print("aucune-imprimante-de-ce-nom", &job),
        Err(PrintError::UnknownPrinter(_))
    ));
}

/// "Imprimer…" in the window: the printers are listed, the one chosen gets the signed copy.
#[test]
fn the_window_prints_the_copy_on_the_chosen_queue() {
    use piqm_acces::gui::{App, DraftMessage, Options, PdfMessage, drafts_msg, pdf_msg};
    if !queue_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::from_options(&Options {
        lang: Some(Lang::Fr),
        config: Some(dir.path().join("config.toml")),
        data_dir: Some(dir.path().join("data")),
        ..Options::default()
    });
    let id = app
        .drafts
        .store
        .as_ref()
        .unwrap()
        .import(&example_path("municipalite.json"), None)
        .unwrap()
        .draft
        .id;
    gui_support::send(&mut app, drafts_msg(DraftMessage::Open(id)));
    let out = output_dir();
    let before: Vec<PathBuf> = std::fs::read_dir(&out)
        .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    gui_support::click(&mut app, "Imprimer…");
    assert!(gui_support::shows(&app, "Choisissez l'imprimante\u{a0}:"));
    assert!(gui_support::shows_part(&app, QUEUE), "the queue is listed");
    gui_support::send(&mut app, pdf_msg(PdfMessage::PrintTo(QUEUE.into())));
    assert!(
        gui_support::shows(&app, "Copie envoyée à l'imprimante «\u{a0}PDF\u{a0}»."),
        "{:?}",
        app.pdf.status
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let new = std::fs::read_dir(&out).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                // cups-pdf names the file after the job's title (the copy's file name);
                // the other tests print under their own names, in parallel.
                .find(|p| {
                    !before.contains(p)
                        && p.to_string_lossy().contains("designation-ville-de-levis")
                        && std::fs::metadata(p).is_ok_and(|m| m.len() > 1000)
                })
        });
        if let Some(p) = new {
            std::thread::sleep(Duration::from_millis(500));
            assert!(std::fs::read(&p).unwrap().starts_with(b"%PDF"));
            let _ = std::fs::remove_file(p);
            break;
        }
        assert!(
            Instant::now() < deadline,
            "nothing printed in {}",
            out.display()
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}
