//! `hulpkompas layer check FILE` and `lookup --offers FILE`: an organisation's own layer (HSDS 3.0
//! with the Hulpkompas profile, see `layer/README.md`), read as the widget reads it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use hulpkompas_core::{Dataset, Date, LayerError};

/// `hulpkompas layer …`
#[derive(Subcommand)]
pub(crate) enum LayerCommand {
    /// Check a layer file (HSDS 3.0 services) and list every problem with its JSON path.
    Check {
        /// The layer file, e.g. ons-aanbod.json.
        file: PathBuf,
        /// Check the schedules as of this date (YYYY-MM-DD); default: today.
        #[arg(long)]
        date: Option<String>,
    },
}

/// The file's text, or the one problem that keeps it from being read.
fn text(file: &Path) -> Result<String, String> {
    let size = std::fs::metadata(file)
        .map_err(|e| format!("{}: cannot read it ({e})", file.display()))?
        .len();
    if let Some(p) = hulpkompas_layer::too_big(size) {
        return Err(format!("{}: {p}", file.display()));
    }
    let bytes =
        std::fs::read(file).map_err(|e| format!("{}: cannot read it ({e})", file.display()))?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: $: the file is not UTF-8 text (save it as UTF-8 JSON)",
            file.display()
        )
    })
}

/// The built-in data with the layer of `file`, and its problems; `Err` when it cannot be read.
pub(crate) fn apply(file: &Path, today: Date) -> Result<(Dataset, Vec<LayerError>), String> {
    let text = text(file)?;
    Ok(hulpkompas_layer::apply(Dataset::builtin(), &text, today))
}

/// Prints one problem a line (`FILE: [3].name: …`); exit 2 when there is any.
pub(crate) fn run(command: LayerCommand, today: Date, out: &mut impl Write) -> ExitCode {
    let LayerCommand::Check { file, date } = command;
    let today = match date.as_deref().map(Date::parse) {
        Some(Some(d)) => d,
        Some(None) => {
            eprintln!("--date: use YYYY-MM-DD, e.g. 2026-11-22");
            return ExitCode::from(2);
        }
        None => today,
    };
    let (data, problems) = match apply(&file, today) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return ExitCode::from(2);
        }
    };
    for p in &problems {
        let _ = writeln!(out, "{}: {p}", file.display());
    }
    let offers = data
        .offers()
        .iter()
        .filter(|o| o.provider.is_some())
        .count();
    let _ = writeln!(
        out,
        "{}: {} problem{}; {offers} offer{} can be used",
        file.display(),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        if offers == 1 { "" } else { "s" },
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
