//! `piqm-acces drafts …`: the drafts on disk, from the command line (the same store as the GUI).
//!
//! Exit codes, as for `check`: 0 done; 1 not done because it needs a decision (an imported draft
//! has the id of one already there: `--replace` or `--keep-both`); 2 not possible: a file that
//! cannot be read, an unknown id, the folder held by another instance, a disk that refuses.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use fluent_bundle::FluentValue;
use serde_json::json;

mod format;

use super::check::parse_message;
use super::exit;
use crate::designation::{Designation, validate};
use crate::i18n::Localizer;
use crate::reference::Reference;
use crate::store::{DraftStore, DraftSummary, ImportOutcome, OnConflict, ReadProblem, StoreError};
use format::{local_offset, local_time, rfc3339, shorten, summary_json, table, unreadable_json};

#[derive(Debug, Subcommand)]
pub enum DraftsCommand {
    /// The drafts, most recently modified first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Adds a draft file (from another computer) to the drafts.
    Import {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        #[arg(long, conflicts_with = "keep_both")]
        replace: bool,
        #[arg(long)]
        keep_both: bool,
    },
    /// Writes a copy of a draft to a file.
    Export {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(short = 'o', long, value_name = "FILE.json")]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Moves a draft to the trash.
    Delete {
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Makes a new draft with the same answers.
    Duplicate {
        #[arg(value_name = "ID")]
        id: String,
    },
    /// The drafts in the trash.
    Trash {
        #[arg(long)]
        json: bool,
    },
    /// Puts a draft back from the trash: its latest version, or the one named.
    Restore {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, value_name = "VERSION")]
        version: Option<String>,
    },
    /// Erases the drafts in the trash for good.
    EmptyTrash,
}

/// Help texts from the Fluent files.
pub(super) fn localize(c: clap::Command, l: &Localizer, template: &str) -> clap::Command {
    let arguments = l.t("cli-heading-arguments");
    let options = l.t("cli-heading-options");
    let sub = |c: clap::Command, about: &str| {
        c.help_template(template.to_string())
            .about(l.t(about))
            .next_help_heading(options.clone())
    };
    let id = |a: clap::Arg| {
        a.help(l.t("cli-help-drafts-id"))
            .help_heading(arguments.clone())
    };
    let json = |a: clap::Arg| {
        a.help(l.t("cli-help-drafts-json"))
            .help_heading(options.clone())
    };
    c.help_template(template.to_string())
        .about(l.t("cli-help-drafts"))
        .subcommand_help_heading(l.t("cli-heading-commands"))
        .disable_help_subcommand(true)
        .subcommand_required(false)
        .arg_required_else_help(true)
        .mut_subcommand("list", |c| {
            sub(c, "cli-help-drafts-list").mut_arg("json", json)
        })
        .mut_subcommand("import", |c| {
            sub(c, "cli-help-drafts-import")
                .mut_arg("file", |a| {
                    a.help(l.t("cli-help-drafts-import-file"))
                        .help_heading(arguments.clone())
                })
                .mut_arg("replace", |a| {
                    a.help(l.t("cli-help-drafts-replace"))
                        .help_heading(options.clone())
                })
                .mut_arg("keep_both", |a| {
                    a.help(l.t("cli-help-drafts-keep-both"))
                        .help_heading(options.clone())
                })
        })
        .mut_subcommand("export", |c| {
            sub(c, "cli-help-drafts-export")
                .mut_arg("id", id)
                .mut_arg("output", |a| {
                    a.help(l.t("cli-help-drafts-output"))
                        .help_heading(options.clone())
                })
                .mut_arg("force", |a| {
                    a.help(l.t("cli-help-drafts-force"))
                        .help_heading(options.clone())
                })
        })
        .mut_subcommand("delete", |c| {
            sub(c, "cli-help-drafts-delete").mut_arg("id", id)
        })
        .mut_subcommand("duplicate", |c| {
            sub(c, "cli-help-drafts-duplicate").mut_arg("id", id)
        })
        .mut_subcommand("trash", |c| {
            sub(c, "cli-help-drafts-trash").mut_arg("json", json)
        })
        .mut_subcommand("restore", |c| {
            sub(c, "cli-help-drafts-restore")
                .mut_arg("id", id)
                .mut_arg("version", |a| {
                    a.help(l.t("cli-help-drafts-version"))
                        .help_heading(options.clone())
                })
        })
        .mut_subcommand("empty-trash", |c| sub(c, "cli-help-drafts-empty-trash"))
}

/// Where `drafts` writes: stdout for results, stderr for problems.
struct Io<'a> {
    l: &'a Localizer,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

impl Io<'_> {
    fn out(&mut self, line: &str) {
        let _ = writeln!(self.out, "{line}");
    }

    fn err(&mut self, line: &str) {
        let _ = writeln!(self.err, "{line}");
    }

    /// Prints the error and gives its exit code.
    fn fail(&mut self, e: &StoreError) -> u8 {
        let message = e.message(self.l);
        self.err(&message);
        match e {
            StoreError::Conflict { .. } => exit::PROBLEMS,
            _ => exit::UNREADABLE,
        }
    }
}

pub(super) fn run(
    command: DraftsCommand,
    data_dir: Option<&Path>,
    l: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut io = Io { l, out, err };
    let Some(data_dir) = crate::paths::data_dir(data_dir) else {
        io.err(&l.t("cli-drafts-no-data-dir"));
        return exit::UNREADABLE;
    };
    // Looking needs no lock: with the application open, the commands that only read still work.
    let reading = matches!(
        command,
        DraftsCommand::List { .. } | DraftsCommand::Trash { .. } | DraftsCommand::Export { .. }
    );
    let store = match DraftStore::open(&data_dir) {
        Ok(store) => store,
        Err(StoreError::Locked { .. }) if reading => match DraftStore::open_read_only(&data_dir) {
            Ok(store) => store,
            Err(e) => return io.fail(&e),
        },
        Err(e) => return io.fail(&e),
    };
    let result = match command {
        DraftsCommand::List { json } => list(&store, json, &mut io),
        DraftsCommand::Trash { json } => trash(&store, json, &mut io),
        DraftsCommand::Import {
            file,
            replace,
            keep_both,
        } => {
            let choice = match (replace, keep_both) {
                (true, _) => Some(OnConflict::Replace),
                (_, true) => Some(OnConflict::KeepBoth),
                _ => None,
            };
            import(&store, &file, choice, &mut io)
        }
        DraftsCommand::Export { id, output, force } => export(&store, &id, &output, force, &mut io),
        DraftsCommand::Delete { id } => delete(&store, &id, &mut io),
        DraftsCommand::Duplicate { id } => duplicate(&store, &id, &mut io),
        DraftsCommand::Restore { id, version } => restore(&store, &id, version.as_deref(), &mut io),
        DraftsCommand::EmptyTrash => empty_trash(&store, &mut io),
    };
    result.unwrap_or_else(|e| io.fail(&e))
}

type Done = Result<u8, StoreError>;

fn list(store: &DraftStore, json: bool, io: &mut Io) -> Done {
    // Before any thread starts: the local time zone can only be read safely then.
    let offset = local_offset();
    let listing = store.list()?;
    for u in &listing.unreadable {
        io.err(&u.message(io.l));
    }
    let l = io.l;
    if json {
        let drafts: Vec<_> = listing.drafts.iter().map(summary_json).collect();
        let doc = json!({
            "brouillons": drafts,
            "illisibles": listing.unreadable.iter().map(|u| unreadable_json(u, l)).collect::<Vec<_>>(),
        });
        io.out(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return Ok(exit::OK);
    }
    if listing.drafts.is_empty() {
        let shown = store.data_dir().display().to_string();
        io.out(&l.t_args("cli-drafts-none", &[("path", shown.into())]));
        return Ok(exit::OK);
    }
    let mut rows = vec![vec![
        l.t("cli-drafts-col-id"),
        l.t("cli-drafts-col-name"),
        l.t("cli-drafts-col-kind"),
        l.t("cli-drafts-col-step"),
        l.t("cli-drafts-col-status"),
        l.t("cli-drafts-col-modified"),
    ]];
    for s in &listing.drafts {
        rows.push(vec![
            s.short_id(),
            shorten(&s.display_name(l), 40),
            s.form_kind.map_or("—".to_string(), |k| l.t(k.label_id())),
            l.t(s.step.title_id()),
            s.status.label(l),
            local_time(s.updated_at, offset),
        ]);
    }
    io.out(&table(&rows));
    Ok(exit::OK)
}

fn trash(store: &DraftStore, json: bool, io: &mut Io) -> Done {
    let offset = local_offset();
    let listing = store.trash()?;
    for u in &listing.unreadable {
        io.err(&u.message(io.l));
    }
    let l = io.l;
    if json {
        let drafts: Vec<_> = listing
            .drafts
            .iter()
            .map(|t| {
                let mut v = summary_json(&t.summary);
                v["supprime_le"] = rfc3339(t.deleted_at).into();
                v["version"] = t.version.clone().into();
                v
            })
            .collect();
        let doc = json!({
            "brouillons": drafts,
            "illisibles": listing.unreadable.iter().map(|u| unreadable_json(u, l)).collect::<Vec<_>>(),
        });
        io.out(&serde_json::to_string_pretty(&doc).unwrap_or_default());
        return Ok(exit::OK);
    }
    if listing.drafts.is_empty() {
        io.out(&l.t("cli-drafts-trash-empty"));
        return Ok(exit::OK);
    }
    let mut rows = vec![vec![
        l.t("cli-drafts-col-id"),
        l.t("cli-drafts-col-name"),
        l.t("cli-drafts-col-status"),
        l.t("cli-drafts-col-deleted"),
        l.t("cli-drafts-col-version"),
    ]];
    for t in &listing.drafts {
        rows.push(vec![
            t.summary.short_id(),
            shorten(&t.summary.display_name(l), 40),
            t.summary.status.label(l),
            local_time(t.deleted_at, offset),
            t.version.clone(),
        ]);
    }
    io.out(&table(&rows));
    Ok(exit::OK)
}

fn import(store: &DraftStore, file: &Path, choice: Option<OnConflict>, io: &mut Io) -> Done {
    let l = io.l;
    let imported = match store.import(file, choice) {
        Ok(imported) => imported,
        Err(StoreError::Unreadable {
            path,
            problem: ReadProblem::Parse(e),
            ..
        }) => {
            // The very words `check` uses, with line and column.
            io.err(&parse_message(&path.display().to_string(), &e, l));
            return Ok(exit::UNREADABLE);
        }
        Err(e @ StoreError::Conflict { .. }) => {
            let code = io.fail(&e);
            io.err(&l.t("cli-drafts-conflict-hint"));
            return Ok(code);
        }
        Err(e) => return Err(e),
    };
    // Drafts may be incomplete: what is left to do is said, and does not fail the import.
    let problems = validate(&imported.draft, Reference::get());
    for p in &problems {
        io.out(&format!(
            "{}: {} — {}",
            p.field.path(),
            l.t("cli-warning"),
            l.problem(p)
        ));
    }
    let summary = DraftSummary::of(&imported.draft, Reference::get());
    let args = |id: &str| -> Vec<(&str, FluentValue)> {
        vec![
            ("name", summary.display_name(l).into()),
            ("id", summary.short_id().into()),
            ("other", id.to_string().into()),
        ]
    };
    let message = match imported.outcome {
        ImportOutcome::Added => l.t_args("cli-drafts-imported", &args("")),
        ImportOutcome::Replaced => l.t_args("cli-drafts-imported-replaced", &args("")),
        ImportOutcome::KeptBoth { original_id } => l.t_args(
            "cli-drafts-imported-kept-both",
            &args(&original_id.simple().to_string()[..8]),
        ),
    };
    io.out(&message);
    // What the file said of its past, in words: it arrived as a brouillon, nothing was sent.
    if let Some(h) = &imported.history {
        io.out(&h.words(l));
    }
    let errors = summary.error_count;
    if errors > 0 {
        io.out(&l.t_args("cli-drafts-incomplete", &[("count", errors.into())]));
    }
    Ok(exit::OK)
}

fn export(store: &DraftStore, id: &str, output: &Path, force: bool, io: &mut Io) -> Done {
    let id = store.resolve(id)?;
    let shown = output.display().to_string();
    if output.exists() && !force {
        io.err(
            &io.l
                .t_args("cli-drafts-export-exists", &[("path", shown.into())]),
        );
        return Ok(exit::UNREADABLE);
    }
    store.export(id, output)?;
    let name = summary_of(&store.load(id)?).display_name(io.l);
    io.out(&io.l.t_args(
        "cli-drafts-exported",
        &[("name", name.into()), ("path", shown.into())],
    ));
    Ok(exit::OK)
}

fn delete(store: &DraftStore, id: &str, io: &mut Io) -> Done {
    let id = store.resolve(id)?;
    let summary = summary_of(&store.load(id)?);
    store.delete(id)?;
    io.out(&io.l.t_args(
        "cli-drafts-deleted",
        &[
            ("name", summary.display_name(io.l).into()),
            ("id", summary.short_id().into()),
        ],
    ));
    Ok(exit::OK)
}

fn duplicate(store: &DraftStore, id: &str, io: &mut Io) -> Done {
    let id = store.resolve(id)?;
    let copy = summary_of(&store.duplicate(id)?);
    io.out(&io.l.t_args(
        "cli-drafts-duplicated",
        &[
            ("name", copy.display_name(io.l).into()),
            ("id", copy.short_id().into()),
        ],
    ));
    Ok(exit::OK)
}

fn restore(store: &DraftStore, id: &str, version: Option<&str>, io: &mut Io) -> Done {
    let id = store.resolve_in_trash(id)?;
    store.restore(id, version)?;
    let summary = summary_of(&store.load(id)?);
    io.out(&io.l.t_args(
        "cli-drafts-restored",
        &[
            ("name", summary.display_name(io.l).into()),
            ("id", summary.short_id().into()),
        ],
    ));
    Ok(exit::OK)
}

fn empty_trash(store: &DraftStore, io: &mut Io) -> Done {
    let count = store.empty_trash()?;
    io.out(
        &io.l
            .t_args("cli-drafts-trash-emptied", &[("count", count.into())]),
    );
    Ok(exit::OK)
}

fn summary_of(d: &Designation) -> DraftSummary {
    DraftSummary::of(d, Reference::get())
}
