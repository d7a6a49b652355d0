//! The tasks themselves.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use crate::tools::{self, run};
use crate::{dist, root, serve, Result};

/// `cargo xtask dist`.
pub fn dist() -> Result {
    dist::build()?.within_budget()
}

/// `cargo xtask demo`: build, then serve until Ctrl-C.
pub fn demo(port: u16) -> Result {
    let server = serve::bind(port)?; // fail early, before a long build, when the port is taken
    let built = dist::build()?;
    if let Err(crate::Failure(over)) = built.within_budget() {
        eprintln!("\nwarning: {over}");
    }
    let dir = built.dir;
    println!("\nHulpkompas demo: http://127.0.0.1:{port}/   (Ctrl-C to stop)");
    for h in serve::serve(server, dir) {
        let _ = h.join();
    }
    Ok(())
}

struct Steps {
    passed: Vec<String>,
    started: Instant,
}

impl Steps {
    fn step(&mut self, name: &str, f: impl FnOnce() -> Result) -> Result {
        let t = Instant::now();
        eprintln!("\n=== {name}");
        f()?;
        eprintln!("=== {name}: ok ({:.1} s)", t.elapsed().as_secs_f64());
        self.passed.push(name.to_string());
        Ok(())
    }
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// How many steps `cargo xtask test` has.
const STEPS: usize = 8;

/// `cargo xtask test`: everything, in the order that fails fastest.
pub fn test() -> Result {
    let root = root();
    let mut steps = Steps {
        passed: Vec::new(),
        started: Instant::now(),
    };
    let result = (|| {
        steps.step("formatting (cargo fmt --check)", || {
            run(
                cargo().args(["fmt", "--all", "--check"]).current_dir(&root),
                "the code is not formatted: run `cargo fmt --all`",
            )
        })?;
        steps.step("clippy (warnings are errors)", || {
            run(
                cargo()
                    .args([
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--quiet",
                        "--",
                        "-D",
                        "warnings",
                    ])
                    .current_dir(&root),
                "clippy found problems (see above)",
            )
        })?;
        steps.step(
            "native tests (core, cli, data, data checks, golden sets, doctests)",
            || {
                run(
                    cargo()
                        .args([
                            "test",
                            "-p",
                            "hulpkompas-core",
                            "-p",
                            "hulpkompas-cli",
                            "-p",
                            "hulpkompas-tests",
                            "-p",
                            "hulpkompas-datagen",
                            "-p",
                            "xtask",
                        ])
                        .current_dir(&root),
                    "native tests failed (see above)",
                )
            },
        )?;
        steps.step(
            "wrong-place guard in the widget's build (core without default features)",
            || {
                run(
                    cargo()
                        .args([
                            "test",
                            "-p",
                            "hulpkompas-core",
                            "--no-default-features",
                            "--test",
                            "wrong_place",
                        ])
                        .current_dir(&root),
                    "a place name answers for another municipality in the widget's build (see above)",
                )
            },
        )?;
        steps.step("fuzz (10 s of generated inputs)", || fuzz(10))?;
        tools::ensure_wasm_toolchain()?;
        tools::ensure_chromium()?;
        steps.step(
            "widget tests in headless Chromium (wasm-bindgen-test)",
            || {
                run(
                    cargo()
                        .args([
                            "test",
                            "-p",
                            "hulpkompas-widget",
                            "--target",
                            "wasm32-unknown-unknown",
                        ])
                        .current_dir(&root)
                        .env("PATH", tools::path_with_tools())
                        .env(
                            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                            "wasm-bindgen-test-runner",
                        )
                        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
                    "widget tests failed in Chromium (see above)",
                )
            },
        )?;
        let mut dir = PathBuf::new();
        steps.step("widget build and size budget (cargo xtask dist)", || {
            let built = dist::build()?;
            dir = built.dir.clone();
            built.within_budget()
        })?;
        tools::ensure_npm(&root.join("tests"))?;
        tools::ensure_node(20)?;
        steps.step(
            "end-to-end tests in Chromium (Playwright, axe-core)",
            || {
                let server = serve::bind(0).or_else(|_| serve::bind(18080))?;
                let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(0);
                let _workers = serve::serve(server.clone(), dir.clone());
                let r = run(
                    Command::new("node")
                        .args(["--test", "--test-concurrency=1"])
                        .arg("e2e/")
                        .current_dir(root.join("tests"))
                        .env("HULPKOMPAS_BASE_URL", format!("http://127.0.0.1:{port}")),
                    "end-to-end tests failed (see above; screenshots in target/screenshots/)",
                );
                server.unblock();
                r
            },
        )
    })();
    eprintln!(
        "\nxtask test: {} of {STEPS} steps passed in {:.0} s",
        steps.passed.len(),
        steps.started.elapsed().as_secs_f64()
    );
    let failed = usize::from(result.is_err());
    println!("steps: {} passed, {failed} failed", steps.passed.len());
    result
}

/// `cargo xtask fuzz --seconds N`: the fuzzer (`tests/src/bin/fuzz.rs`), optimised with panics that
/// unwind (the `fuzz` profile of the workspace), so each panic is caught and counted.
pub fn fuzz(seconds: u64) -> Result {
    run(
        cargo()
            .args([
                "run",
                "--quiet",
                "--profile",
                "fuzz",
                "-p",
                "hulpkompas-tests",
                "--bin",
                "fuzz",
                "--",
                "--seconds",
            ])
            .arg(seconds.to_string())
            .current_dir(root()),
        "the fuzzer found a panic (see above: the inputs are printed)",
    )
}

/// `cargo xtask bench-browser`: the speed comparison in Chromium (not part of `test`).
pub fn bench_browser() -> Result {
    let root = root();
    let dir = dist::build()?.dir;
    tools::ensure_chromium()?;
    tools::ensure_npm(&root.join("tests"))?;
    tools::ensure_node(20)?;
    // Export the corpus with the command-line tool, so both engines search the same text.
    let out = cargo()
        .args([
            "run",
            "--quiet",
            "--release",
            "--bin",
            "hulpkompas",
            "--",
            "export",
            "--json",
        ])
        .current_dir(&root)
        .output()?;
    if !out.status.success() {
        return crate::fail("`hulpkompas export --json` failed");
    }
    std::fs::create_dir_all(dir.join("bench"))?;
    std::fs::write(dir.join("bench/corpus.json"), &out.stdout)?;
    // The host page with the widget and the same page without it.
    for page in ["with-widget.html", "without-widget.html"] {
        std::fs::copy(
            root.join("tests/e2e/bench").join(page),
            dir.join("bench").join(page),
        )?;
    }
    let server = serve::bind(0)?;
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(0);
    let _workers = serve::serve(server.clone(), dir);
    let r = run(
        Command::new("node")
            .arg("e2e/bench-browser.mjs")
            .current_dir(root.join("tests"))
            .env("HULPKOMPAS_BASE_URL", format!("http://127.0.0.1:{port}")),
        "the browser benchmark failed (see above)",
    );
    server.unblock();
    r
}
