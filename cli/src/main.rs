//! `hulpkompas`: the command-line face of the Hulpkompas core.
//!
//! ```text
//! hulpkompas lookup <postcode|place> [--need "<words>"] [--lang nl|fr|en] [--json] [--date YYYY-MM-DD]
//! hulpkompas search "<words>" [--postcode P] [--lang nl|fr|en] [--json]
//! hulpkompas concepts [--lang nl|fr|en] [--json]
//! hulpkompas export --json
//! hulpkompas data check [DIR]
//! ```
//! Exit codes: 0 for an answer (also "outside Flanders and Brussels"), 2 for input that is no place
//! or a usage error. The JSON shapes are documented in the README and kept stable.

mod data_check;
mod layer_file;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hulpkompas_cli::{hsds, json, text};
use hulpkompas_core::{Dataset, Date, Lang, Outcome};

#[derive(Parser)]
#[command(
    name = "hulpkompas",
    version,
    about = "Which first-line welfare concepts apply here, and where to go."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Look up a postcode or place: its areas, and every concept that applies there.
    Lookup {
        /// A postcode (8500) or a municipality or locality name (Kortrijk, Laken).
        place: String,
        /// Also rank the concepts for a need ("schulden", "mijn partner slaat me").
        #[arg(long)]
        need: Option<String>,
        #[command(flatten)]
        out: Output,
        /// Answer as of this date (YYYY-MM-DD); default: today.
        #[arg(long)]
        date: Option<String>,
        /// Answer with an organisation's own layer (HSDS 3.0 JSON, see layer/README.md) on top of
        /// the built-in data; its problems are printed on stderr.
        #[arg(long, value_name = "FILE")]
        offers: Option<std::path::PathBuf>,
    },
    /// Search concepts by need, in Dutch, French or English.
    Search {
        /// What the person needs, in their own words.
        words: String,
        /// Rank with what is available at this postcode or place.
        #[arg(long)]
        postcode: Option<String>,
        #[command(flatten)]
        out: Output,
    },
    /// List the concepts.
    Concepts {
        #[command(flatten)]
        out: Output,
    },
    /// Export the searchable corpus (concepts and the needs vocabulary) as JSON; with `--hsds DIR`,
    /// the whole dataset as HSDS 3.0 tables (one JSON file per table).
    Export {
        #[command(flatten)]
        out: Output,
        /// Write the dataset as HSDS 3.0 into this folder (created if missing).
        #[arg(long, value_name = "DIR")]
        hsds: Option<std::path::PathBuf>,
    },
    /// Turn someone else's HSDS 3.0 data (a file or a folder of JSON files) into a layer file,
    /// printed on stdout; what does not map is listed on stderr.
    Import {
        /// The HSDS file or folder.
        #[arg(long, value_name = "FILE|DIR")]
        hsds: std::path::PathBuf,
        /// The concept id for the services that do not name one (`sociaal-huis`).
        #[arg(long)]
        concept: Option<String>,
        /// The places served by services without a readable area: postcodes and nis: codes,
        /// separated by commas (`9000,nis:44021`).
        #[arg(long)]
        serves: Option<String>,
    },
    /// Work with an organisation's own layer of offers (`layer check FILE`).
    Layer {
        #[command(subcommand)]
        command: layer_file::LayerCommand,
    },
    /// Work with the data folder (`data check [DIR]`).
    Data {
        #[command(subcommand)]
        command: data_check::DataCommand,
    },
}

#[derive(clap::Args)]
struct Output {
    /// Language of the answer: nl, fr or en.
    #[arg(long, default_value = "nl", value_parser = parse_lang)]
    lang: Lang,
    /// Print JSON (stable shape, see the README).
    #[arg(long)]
    json: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s)
        .ok_or_else(|| format!("`{s}` is not a language Hulpkompas speaks: use nl, fr or en"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let data = Dataset::builtin();
    let mut stdout = Sink::new(std::io::stdout().lock());
    let code = match cli.command {
        Command::Lookup {
            place,
            need,
            out,
            date,
            offers,
        } => {
            let today = match date.as_deref().map(Date::parse) {
                Some(Some(d)) => d,
                Some(None) => {
                    report("--date: use YYYY-MM-DD, e.g. 2026-11-22");
                    return ExitCode::from(2);
                }
                None => today(),
            };
            let data = match offers {
                None => data,
                Some(file) => match layer_file::apply(&file, today) {
                    Ok((layered, problems)) => {
                        for p in problems {
                            report(format!("{}: {p}", file.display()));
                        }
                        layered
                    }
                    Err(e) => {
                        report(e);
                        return ExitCode::from(2);
                    }
                },
            };
            let answer = data.lookup_on(&place, today);
            let results = need.as_deref().map(|n| data.search(n, Some(&answer)));
            print(
                &mut stdout,
                &out,
                || {
                    let j = json::lookup(&place, &answer, results.as_deref(), out.lang);
                    match need.as_deref() {
                        Some(n) => j.with_need(n, out.lang),
                        None => j,
                    }
                },
                || {
                    // The lines to call now come first: for the need, or for an input that is no place.
                    let typed = match (&need, &answer.place) {
                        (Some(n), _) => n.as_str(),
                        (None, None) => place.as_str(),
                        (None, Some(_)) => "",
                    };
                    text::urgent(typed, out.lang)
                        + &text::lookup(&answer, results.as_deref(), out.lang)
                },
            );
            exit_for(&answer, out.lang, out.json)
        }
        Command::Search {
            words,
            postcode,
            out,
        } => {
            let answer = postcode.as_deref().map(|p| data.lookup_on(p, today()));
            let results = data.search(&words, answer.as_ref());
            print(
                &mut stdout,
                &out,
                || json::search(&words, answer.as_ref(), &results, out.lang),
                || text::search(&words, answer.as_ref(), &results, out.lang),
            );
            match &answer {
                Some(a) => exit_for(a, out.lang, out.json),
                None => ExitCode::SUCCESS,
            }
        }
        Command::Concepts { out } => {
            print(
                &mut stdout,
                &out,
                || json::concepts(&data),
                || text::concepts(&data, out.lang),
            );
            ExitCode::SUCCESS
        }
        Command::Export {
            out: _,
            hsds: Some(dir),
        } => match hsds::export::write(&data, &dir) {
            Ok(summary) => {
                let _ = writeln!(stdout, "wrote {summary} to {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                report(e);
                ExitCode::FAILURE
            }
        },
        Command::Import {
            hsds,
            concept,
            serves,
        } => {
            let options = hsds::import::Options { concept, serves };
            match hsds::import::import(&hsds, &options) {
                Ok(import) => {
                    for line in import.detected.iter().chain(&import.report) {
                        report(line);
                    }
                    let n = import.kept;
                    report(format!("{n} service{} kept", if n == 1 { "" } else { "s" }));
                    let text = serde_json::to_string_pretty(&import.layer).unwrap_or_default();
                    let _ = writeln!(stdout, "{text}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    report(e);
                    ExitCode::from(2)
                }
            }
        }
        Command::Export { out, hsds: None } => {
            let _ = out.lang;
            let _ = writeln!(
                stdout,
                "{}",
                serde_json::to_string_pretty(&json::export(&data)).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Command::Layer { command } => layer_file::run(command, today(), &mut stdout),
        Command::Data { command } => data_check::run(command, &mut stdout),
    };
    let _ = stdout.flush();
    match stdout.failed {
        // A full disk or a closed pipe: say so once, and never exit 0 with the answer lost.
        Some(e) => {
            report(format!("hulpkompas: could not write the output: {e}"));
            ExitCode::FAILURE
        }
        None => code,
    }
}

/// Standard output that remembers its first write error (then writes nothing more).
struct Sink<W: Write> {
    w: W,
    failed: Option<std::io::Error>,
}

impl<W: Write> Sink<W> {
    fn new(w: W) -> Self {
        Sink { w, failed: None }
    }
}

impl<W: Write> Write for Sink<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_some() {
            return Ok(buf.len());
        }
        match self.w.write(buf) {
            Ok(n) => Ok(n),
            Err(e) => {
                self.failed = Some(e);
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_none() {
            if let Err(e) = self.w.flush() {
                self.failed = Some(e);
            }
        }
        Ok(())
    }
}

/// A message on standard error; when even that cannot be written, there is no one to tell.
fn report(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Prints JSON (`--json`) or text.
fn print<J: serde::Serialize>(
    stdout: &mut impl Write,
    out: &Output,
    json: impl FnOnce() -> J,
    text: impl FnOnce() -> String,
) {
    let _ = if out.json {
        writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&json()).unwrap_or_default()
        )
    } else {
        write!(stdout, "{}", text())
    };
}

/// 0 for an answer, 2 for input that is no place (its message on stderr).
fn exit_for(answer: &hulpkompas_core::Answer<'_>, lang: Lang, json: bool) -> ExitCode {
    if answer.outcome == Outcome::NotAPlace {
        if !json {
            for d in &answer.diagnostics {
                report(d.message(lang));
            }
        }
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Today's date (UTC) from the system clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    Date {
        year: (if m <= 2 { y + 1 } else { y }) as u16,
        month: m,
        day: d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(
            civil_from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            civil_from_days(20_779),
            Date {
                year: 2026,
                month: 11,
                day: 22
            }
        );
        assert_eq!(
            civil_from_days(19_782),
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
    }
}
