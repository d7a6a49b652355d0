//! `hulpkompas data check [DIR]`: checks a data folder the way the build does, without building.
//!
//! Prints every error (`DIR/file:line: what is wrong`), then a one-line summary. Exit code 0 when
//! the data is clean, 2 when it has errors.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

/// `hulpkompas data …`
#[derive(Subcommand)]
pub(crate) enum DataCommand {
    /// Check a data folder (CSV and TOML) and list every error, as the build would.
    Check {
        /// The data folder; default: the one in the repository this tool was built from.
        dir: Option<PathBuf>,
    },
}

/// The data folder shipped in the repository (`core/data`).
fn default_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("core")
        .join("data")
}

pub(crate) fn run(command: DataCommand, out: &mut impl Write) -> ExitCode {
    let DataCommand::Check { dir } = command;
    let (dir, shown) = match dir {
        Some(d) => {
            let shown = d.display().to_string();
            (d, shown)
        }
        None => (default_dir(), "core/data".to_string()),
    };
    let shown = shown.trim_end_matches('/');
    let errors = hulpkompas_datagen::check(&dir);
    for e in &errors {
        let _ = writeln!(out, "{shown}/{e}");
    }
    if errors.is_empty() {
        let _ = writeln!(out, "{shown}: no errors");
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(out, "{shown}: {} error(s)", errors.len());
        ExitCode::from(2)
    }
}
