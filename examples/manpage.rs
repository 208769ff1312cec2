//! Writes the manual page of `piqm-acces` from the command line's own grammar and help texts
//! (`piqm_acces::cli::command`, texts from the Fluent files), as one page: the options, then
//! every command with its synopsis, what it does and its own options.
//!
//! ```sh
//! cargo run --example manpage -- OUT.1 [fr|en] [YYYY-MM-DD]
//! ```
//!
//! resources/packaging/linux/build-deb runs it for the .deb. clap_mangen is a dev-dependency, so
//! the application does not carry it.

use std::io::Write;
use std::process::ExitCode;

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};
use piqm_acces::cli::exit;
use piqm_acces::i18n::{Lang, Localizer};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, lang, date) = match args.as_slice() {
        [out] => (out, Some(Lang::Fr), ""),
        [out, lang] => (out, Lang::from_code(lang), ""),
        [out, lang, date] => (out, Lang::from_code(lang), date.as_str()),
        _ => (&String::new(), None, ""),
    };
    let Some(lang) = lang.filter(|_| !out.is_empty()) else {
        eprintln!(
            "usage : manpage SORTIE.1 [fr|en] [AAAA-MM-JJ] / usage: manpage OUT.1 [fr|en] [YYYY-MM-DD]"
        );
        return ExitCode::from(2);
    };
    let page = match render(lang, date) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("manpage: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, page) {
        eprintln!("manpage : impossible d'écrire « {out} » / cannot write \"{out}\": {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn render(lang: Lang, date: &str) -> std::io::Result<Vec<u8>> {
    let l = Localizer::new(lang);
    let mut cmd = piqm_acces::cli::command(lang);
    // Builds every subcommand too: their names become "piqm-acces drafts list" and the global
    // options are copied into them (hidden again below).
    cmd.build();
    let man = Man::new(cmd.clone())
        .title("PIQM-ACCES")
        .date(date)
        .manual(l.t("man-manual"));

    let mut page = Vec::new();
    man.render_title(&mut page)?;
    section(&mut page, &l.t("man-heading-name"))?;
    body(&mut page, |w| man.render_name_section(w))?;
    section(&mut page, &l.t("man-heading-synopsis"))?;
    body(&mut page, |w| man.render_synopsis_section(w))?;
    section(&mut page, &l.t("man-heading-description"))?;
    let mut roff = Roff::new();
    roff.text([roman(l.t("man-description"))]);
    roff.to_writer(&mut page)?;
    // One section per help heading ("Options"), named as --help names it.
    headed(&mut page, |w| man.render_options_section(w))?;

    section(&mut page, &l.t("cli-heading-commands"))?;
    for sub in cmd.get_subcommands() {
        command(&mut page, sub)?;
    }

    section(&mut page, &l.t("man-heading-environment"))?;
    let mut roff = Roff::new();
    for (var, id) in [
        ("PIQM_DATA_DIR", "man-env-data-dir"),
        ("PIQM_ENDPOINT", "man-env-endpoint"),
        ("PIQM_P12_PASSWORD", "man-env-p12-password"),
    ] {
        roff.control("TP", [])
            .text([bold(var)])
            .text([roman(l.t(id))]);
    }
    roff.to_writer(&mut page)?;

    section(&mut page, &l.t("man-heading-exit-status"))?;
    let mut roff = Roff::new();
    for (code, id) in [
        (exit::OK, "man-exit-ok"),
        (exit::PROBLEMS, "man-exit-problems"),
        (exit::UNREADABLE, "man-exit-unreadable"),
        (exit::LEFT_IN_OUTBOX, "man-exit-left-in-outbox"),
        (exit::REFUSED, "man-exit-refused"),
    ] {
        roff.control("TP", [])
            .text([bold(code.to_string())])
            .text([roman(l.t(id))]);
    }
    roff.to_writer(&mut page)?;

    section(&mut page, &l.t("man-heading-version"))?;
    body(&mut page, |w| man.render_version_section(w))?;
    Ok(tidy(&String::from_utf8_lossy(&page), lang).into_bytes())
}

/// The pieces put together as one page: the apostrophe preamble that every clap_mangen render
/// starts with kept once; no no-break space left from the French headings ("commandes ");
/// in French, no hyphenation (groff's patterns are English) and no line break before « ; : ? ! »
/// or after « — French spacing, as the Fluent texts write it with plain spaces.
fn tidy(page: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut preamble_seen = false;
    for line in page.lines() {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            if preamble_seen {
                continue;
            }
            if line.starts_with(".el") {
                preamble_seen = true;
            }
        }
        let mut line = line.replace("\u{a0}\\fR", "\\fR");
        if lang == Lang::Fr && !line.starts_with('.') {
            for (plain, tied) in [
                (" ;", "\\~;"),
                (" :", "\\~:"),
                (" ?", "\\~?"),
                (" !", "\\~!"),
                (" »", "\\~»"),
                ("« ", "«\\~"),
            ] {
                line = line.replace(plain, tied);
            }
        }
        out.push_str(&line);
        out.push('\n');
        if lang == Lang::Fr && line.starts_with(".TH ") {
            out.push_str(".nh\n");
        }
    }
    out
}

/// One command as a subsection: its synopsis, what it does, its own options; then its
/// subcommands ("drafts list", …) each as a subsection of their own.
fn command(page: &mut Vec<u8>, sub: &clap::Command) -> std::io::Result<()> {
    let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name());
    // The global options are described once, at the top.
    let own = sub
        .clone()
        .mut_args(|a| if a.is_global_set() { a.hide(true) } else { a });
    let man = Man::new(own);
    Roff::new().control("SS", [name]).to_writer(page)?;
    body(page, |w| man.render_synopsis_section(w))?;
    Roff::new().control("PP", []).to_writer(page)?;
    body(page, |w| man.render_description_section(w))?;
    // Arguments and options of a command as tagged paragraphs, under a bold run-in heading
    // rather than a section of their own.
    let mut rendered = Vec::new();
    man.render_options_section(&mut rendered)?;
    for line in String::from_utf8_lossy(&rendered).lines() {
        match line.strip_prefix(".SH ") {
            Some(heading) => {
                // "ARGUMENTS" as clap_mangen wrote it, back to "Arguments".
                let heading = unquote(heading).to_lowercase();
                let mut chars = heading.chars();
                let heading: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                let mut roff = Roff::new();
                roff.control("PP", []).text([bold(heading)]);
                roff.to_writer(page)?;
            }
            None => writeln!(page, "{line}")?,
        }
    }
    for subsub in sub.get_subcommands() {
        command(page, subsub)?;
    }
    Ok(())
}

/// A section heading: upper case, without the no-break space the French headings keep before
/// clap's colon.
fn section(page: &mut Vec<u8>, heading: &str) -> std::io::Result<()> {
    let heading = heading
        .trim_matches(|c: char| c.is_whitespace())
        .to_uppercase();
    Roff::new()
        .control("SH", [heading.as_str()])
        .to_writer(page)
}

/// A clap_mangen section without its English heading (ours is written before it).
fn body(
    page: &mut Vec<u8>,
    render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut rendered = Vec::new();
    render(&mut rendered)?;
    let text = String::from_utf8_lossy(&rendered);
    for line in text.lines().filter(|l| !l.starts_with(".SH ")) {
        writeln!(page, "{line}")?;
    }
    Ok(())
}

/// A clap_mangen section whose headings are ours already (the Fluent help headings): only
/// tidied.
fn headed(
    page: &mut Vec<u8>,
    render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut rendered = Vec::new();
    render(&mut rendered)?;
    for line in String::from_utf8_lossy(&rendered).lines() {
        match line.strip_prefix(".SH ") {
            Some(heading) => section(page, &unquote(heading))?,
            None => writeln!(page, "{line}")?,
        }
    }
    Ok(())
}

/// A macro argument as roff wrote it ("OPTIONS\ " or "\"ARGUMENTS \"") back to plain text.
fn unquote(arg: &str) -> String {
    arg.trim()
        .trim_matches('"')
        .replace("\\ ", " ")
        .replace("\\-", "-")
        .trim()
        .to_string()
}
