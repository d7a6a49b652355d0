//! Installs what the build and the tests need, only when missing, from the package registries only:
//! the wasm32 target (rustup), wasm-pack and wasm-bindgen-cli (crates.io, pinned), wasm-opt (the npm
//! package `binaryen`), Chromium and chromium-driver (Debian), the npm packages of the browser tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{fail, root, Result};

/// wasm-pack, pinned.
const WASM_PACK_VERSION: &str = "0.15.1";

/// Runs a command, echoing it; fails with `what` when it does not succeed.
pub fn run(cmd: &mut Command, what: &str) -> Result {
    eprintln!("» {}", describe(cmd));
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(_) => fail(what.to_string()),
        Err(e) => fail(format!(
            "{what} ({}: {e})",
            cmd.get_program().to_string_lossy()
        )),
    }
}

/// A command's output, if it ran and succeeded.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

fn cargo_bin_dir() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin")
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|_| {
        crate::Failure("Cargo.lock is missing: run `cargo generate-lockfile` and try again".into())
    })?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    fail("Cargo.lock names no wasm-bindgen version: build the widget once with `cargo build -p hulpkompas-widget`")
}

/// The Rust side: rustup's wasm32 target, wasm-pack and wasm-bindgen-cli.
pub fn ensure_wasm_toolchain() -> Result {
    if output(Command::new("rustup").arg("--version")).is_none() {
        return fail("Hulpkompas needs rustup (to add the wasm32 target): install it as https://rustup.rs says, then run this again");
    }
    let targets =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]), "could not add the wasm32 target with rustup: check the network to the Rust registry and try again")?;
    }
    let bin = cargo_bin_dir();
    let have =
        |tool: &str| output(Command::new(bin.join(tool)).arg("--version")).unwrap_or_default();
    if !have("wasm-pack").contains(WASM_PACK_VERSION) {
        run(
            Command::new("cargo").args(["install", "wasm-pack", "--version", &format!("={WASM_PACK_VERSION}"), "--locked"]),
            "could not install wasm-pack from crates.io: check the network to the Rust registry and try again",
        )?;
    }
    let wb = wasm_bindgen_version()?;
    if !have("wasm-bindgen").contains(&wb) || !have("wasm-bindgen-test-runner").contains(&wb) {
        // Without --locked: its lockfile pins a crate version the registry mirror does not serve.
        run(
            Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &format!("={wb}"), "--force"]),
            "could not install wasm-bindgen-cli from crates.io: check the network to the Rust registry and try again",
        )?;
    }
    Ok(())
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lockfile.
pub fn ensure_npm(dir: &Path) -> Result {
    if output(Command::new("npm").arg("--version")).is_none() {
        if is_root() {
            apt_install(&["nodejs", "npm"])?;
        } else {
            return fail("Hulpkompas needs Node.js and npm: install them (as root: `apt-get install nodejs npm`), then run this again");
        }
    }
    let lock = dir.join("package-lock.json");
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(&lock).and_then(|m| m.modified()),
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
    ) {
        (Ok(l), Ok(s)) => s >= l,
        _ => false,
    };
    if !fresh {
        run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .current_dir(dir),
            &format!(
                "`npm ci` failed in {}: check the network to the npm registry and try again",
                dir.display()
            ),
        )?;
    }
    Ok(())
}

/// Node.js of at least `major` (Playwright needs 20; Debian 12's own nodejs is 18).
pub fn ensure_node(major: u32) -> Result {
    let version = output(Command::new("node").arg("--version")).unwrap_or_default();
    let have: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if have < major {
        return fail(format!(
            "the browser tests need Node.js {major} or newer (found {}): install it (e.g. from NodeSource's Debian packages), then run this again",
            if version.trim().is_empty() { "none" } else { version.trim() }
        ));
    }
    Ok(())
}

/// The npm package `binaryen`'s wasm-opt (Debian's is too old for current Rust wasm).
pub fn wasm_opt() -> Result<PathBuf> {
    let dir = root().join("xtask/npm");
    ensure_npm(&dir)?;
    Ok(dir.join("node_modules/.bin/wasm-opt"))
}

/// Chromium and chromium-driver from Debian, for the browser tests.
pub fn ensure_chromium() -> Result {
    let have =
        Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists();
    if have {
        return Ok(());
    }
    if !is_root() {
        return fail("the browser tests need Chromium: run `sudo apt-get install chromium chromium-driver`, then run this again");
    }
    apt_install(&["chromium", "chromium-driver"])
}

fn apt_install(packages: &[&str]) -> Result {
    run(
        Command::new("apt-get").arg("update").arg("-qq"),
        "`apt-get update` failed: check the network to Debian's package registry",
    )?;
    run(
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
        &format!("could not install {} with apt-get", packages.join(" ")),
    )
}

/// PATH with cargo's bin folder first, so the pinned tools win.
pub fn path_with_tools() -> std::ffi::OsString {
    let mut paths = vec![cargo_bin_dir()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap_or_default()
}
