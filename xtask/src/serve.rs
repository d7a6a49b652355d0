//! A small static server for `dist/`: the demo site at `/`, the widget at `/widget/`.
//! Pages under `/csp/` get the strict Content-Security-Policy the widget must work under.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use tiny_http::{Header, Response, Server};

use crate::{fail, Result};

/// The policy of the widget's strict-CSP test host.
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Binds to 127.0.0.1:`port`, with a clear message when the port is taken.
pub fn bind(port: u16) -> Result<Arc<Server>> {
    match Server::http(("127.0.0.1", port)) {
        Ok(s) => Ok(Arc::new(s)),
        Err(e) if e.to_string().contains("in use") => fail(format!(
            "port {port} is in use: stop what uses it, or choose another port with `cargo xtask demo --port {}`",
            port.wrapping_add(1)
        )),
        Err(e) => fail(format!("cannot listen on 127.0.0.1:{port}: {e}")),
    }
}

/// Serves `dir` on `server` until the process ends (two worker threads).
pub fn serve(server: Arc<Server>, dir: PathBuf) -> Vec<std::thread::JoinHandle<()>> {
    (0..2)
        .map(|_| {
            let server = server.clone();
            let dir = dir.clone();
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let url = request
                        .url()
                        .split(['?', '#'])
                        .next()
                        .unwrap_or("/")
                        .to_string();
                    let _ = request.respond(respond(&dir, &url));
                }
            })
        })
        .collect()
}

fn respond(dir: &Path, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    // A folder without its trailing slash: redirect, so relative links and the /csp/ policy hold.
    if !url.ends_with('/')
        && dir.join(url.trim_start_matches('/')).is_dir()
        && resolve(dir, url).is_some()
    {
        return Response::from_string("")
            .with_status_code(301)
            .with_header(header("Location", &format!("{url}/")));
    }
    let Some(path) = resolve(dir, url) else {
        return Response::from_string("Not found").with_status_code(404);
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            let mut r =
                Response::from_data(bytes).with_header(header("Content-Type", content_type(&path)));
            r.add_header(header("Cache-Control", "no-cache"));
            r.add_header(header("X-Content-Type-Options", "nosniff"));
            if url.starts_with("/csp/") {
                r.add_header(header("Content-Security-Policy", STRICT_CSP));
            }
            r
        }
        Err(_) => Response::from_string("Not found").with_status_code(404),
    }
}

/// Maps a URL path to a file under `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let rel = Path::new(url.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut path = dir.join(rel);
    if path.is_dir() {
        path = path.join("index.html");
    }
    path.is_file().then_some(path)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_folder() {
        let dir = std::env::temp_dir();
        assert!(resolve(&dir, "/../etc/passwd").is_none());
        assert!(resolve(&dir, "/a/../../b").is_none());
    }
}
