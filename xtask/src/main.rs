//! Build tasks for Hulpkompas, in Rust (the cargo-xtask pattern): `cargo xtask <task>`.
//!
//! - `demo [--port N]`: install what is missing, build the widget, assemble `dist/`, serve the demo.
//! - `dist`: build the embeddable artefacts into `dist/widget/`, with `embed.html` and `size-report.json`.
//! - `test`: formatting, clippy, native tests, wasm tests in headless Chromium, end-to-end browser tests.
//! - `bench-browser`: the side-by-side speed comparison in Chromium (not part of `test`).
//!
//! `cargo xtask` with no arguments lists the tasks. Every failure ends with one sentence saying what to do, and exit code 1.

mod dist;
mod serve;
mod size;
mod tasks;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

/// A failure with one clear sentence for the person at the terminal.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

/// Fails with a message.
pub fn fail<T>(msg: impl Into<String>) -> Result<T> {
    Err(Failure(msg.into()))
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

const USAGE: &str = "usage: cargo xtask <task>";

/// The tasks, as `cargo xtask` with no arguments lists them.
const TASKS: &str = "\
Tasks:
  demo [--port N]   install what is missing, build the widget into dist/ and serve the demo
                    (default port 8080, or HULPKOMPAS_PORT)
  dist              build the embeddable files into a cleaned dist/ (dist/widget/, embed.html,
                    size-report.json); fails when the first load is over its size budget
  test              formatting, clippy, native tests, widget tests and end-to-end tests in Chromium
                    (the README's test command; CI runs it)
  fuzz [--seconds N] generated inputs through lookup, search, the help-line signals and the
                    vocabulary parser under catch_unwind; inputs, panics, p50/p99/max per call
                    (default 60 s; `cargo xtask test` runs 10 s; a long run: --seconds 600)
  bench-browser     speed in Chromium, written to target/bench-browser.json (not part of test)";

fn help() -> String {
    format!("{USAGE}\n\n{TASKS}")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => port(&args[1..]).and_then(tasks::demo),
        Some("dist") => tasks::dist().map(|_| ()),
        Some("test") => tasks::test(),
        Some("fuzz") => seconds(&args[1..]).and_then(tasks::fuzz),
        Some("bench-browser") => tasks::bench_browser(),
        None | Some("-h" | "--help" | "help") => {
            println!("{}", help());
            Ok(())
        }
        Some(other) => fail(format!("unknown task `{other}`\n\n{}", help())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("\nxtask: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn seconds(args: &[String]) -> Result<u64> {
    match args {
        [] => Ok(60),
        [flag, n] if flag == "--seconds" => n.parse().or_else(|_| {
            fail("--seconds needs a whole number, e.g. `cargo xtask fuzz --seconds 600`")
        }),
        _ => fail("usage: cargo xtask fuzz [--seconds N]"),
    }
}

fn port(args: &[String]) -> Result<u16> {
    let mut port = std::env::var("HULPKOMPAS_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.as_str() {
            "--port" => it.next().cloned(),
            s if s.starts_with("--port=") => Some(s["--port=".len()..].to_string()),
            other => {
                return fail(format!(
                    "unknown option `{other}`; usage: cargo xtask demo [--port N]"
                ))
            }
        };
        port = match value.as_deref().map(str::parse) {
            Some(Ok(p)) => p,
            _ => return fail("--port needs a number, e.g. `cargo xtask demo --port 8081`"),
        };
    }
    Ok(port)
}
