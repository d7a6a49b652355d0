//! Builds the embeddable widget into a cleaned `dist/widget/`, writes `dist/embed.html` (with SRI
//! hashes) and `dist/size-report.json`, and copies the demo site into `dist/` (filling in what the
//! demo pages take from the data, such as the builder's list of concepts).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::tools::{self, run};
use crate::{root, Result};

/// The files of the widget's first load, in the order a browser loads them: the loader (with the
/// wasm-bindgen glue bundled in), the wasm it requests as it runs, the stylesheet.
pub const WIDGET_FILES: [&str; 3] = [
    "hulpkompas.js",
    "hulpkompas_widget_bg.wasm",
    "hulpkompas.css",
];
/// The widget built with the `layer` feature (the layer reader and the merge), and its glue: what
/// the loader loads instead of the first load's wasm on a page whose widget has `offers`.
pub const LAYERED_WASM: &str = "hulpkompas_widget_layer_bg.wasm";
/// See [`LAYERED_WASM`].
pub const LAYERED_GLUE: &str = "hulpkompas-layer.js";
/// Fetched only when a visitor first searches by need.
pub const LATER_FILES: [&str; 1] = ["hulpkompas-needs.txt"];
/// The files fetched on demand, each with when: the vocabulary of needs, the sources. Not part of
/// the first load (the first answer shows neither).
pub const ON_DEMAND_FILES: [(&str, &str); 5] = [
    ("hulpkompas-needs.txt", "first need search"),
    ("hulpkompas-sources.txt", "first fold opened"),
    ("hulpkompas-print.css", "first handout printed"),
    (
        LAYERED_GLUE,
        "instead of the loader's glue, on a page whose widget has offers",
    ),
    (
        LAYERED_WASM,
        "instead of hulpkompas_widget_bg.wasm, on a page whose widget has offers",
    ),
];

/// The most the first load ([`WIDGET_FILES`]) may weigh, brotli-compressed. Over it, `cargo xtask
/// dist` and `cargo xtask test` fail.
///
/// It was 150,000 B until the first load gained what the first answer must show at once: the help
/// lines with their signals (about 4 KB, needed before anything else has loaded) and the first
/// stops of every municipality with the code that shows them (about 13 KB), after the source
/// addresses moved to the lazy sources file (−7 KB) and Yew's tracing was compiled out (−10 KB).
/// Then the Unicode case and alphabetic tables left the wasm (−6.5 KB: the first letter of a
/// sentence is upper case in the stylesheet, words are split by `text::is_word_char`), and the
/// source dates moved to the sources file (−0.85 KB); the layered build's choice in the loader and
/// the view of today's hours took 0.6 KB of that. Short import and export names (−2.5 KB in the
/// wasm and the loader's glue) and wasm-opt's `--converge` (−0.5 KB) paid for "Klopt dit niet?"
/// (the host's `report` address, 1 KB). Lazy French and English texts are to bring it to 120 KB;
/// lower this number as savings land, never raise it to fit a change.
pub const FIRST_LOAD_BUDGET_BROTLI: usize = 159_700;

/// What `build` made.
pub struct Dist {
    /// The cleaned `dist/` folder.
    pub dir: PathBuf,
    /// Brotli bytes of the first load.
    pub first_load_brotli: usize,
}

impl Dist {
    /// Fails when the first load is over [`FIRST_LOAD_BUDGET_BROTLI`].
    pub fn within_budget(&self) -> Result {
        let (size, budget) = (self.first_load_brotli, FIRST_LOAD_BUDGET_BROTLI);
        if size > budget {
            return crate::fail(format!(
                "the first load is {size} B brotli, {} B over its budget of {budget} B: \
                 see dist/size-report.json and make it smaller (or lazy-load what the first answer does not show)",
                size - budget
            ));
        }
        Ok(())
    }
}

/// wasm-opt's passes: -Oz, then flatten and re-loop, then -Oz twice — about 1 KB brotli less than
/// -Oz alone (the last -Oz: another 0.3 KB) —, the whole repeated while it still shrinks
/// (`--converge`: another 0.5 KB, measured on 2026-12-03).
const WASM_OPT_PASSES: [&str; 6] = ["-Oz", "--flatten", "--rereloop", "-Oz", "-Oz", "--converge"];

/// Feature flags of the Rust wasm output, for wasm-opt.
const WASM_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// Builds everything into a cleaned `dist/`.
pub fn build() -> Result<Dist> {
    tools::ensure_wasm_toolchain()?;
    let wasm_opt = tools::wasm_opt()?;
    let root = root();
    let dist = root.join("dist");
    let pkg = root.join("target/wasm-pkg");
    let layered_pkg = root.join("target/wasm-pkg-layer");
    wasm_pack(&pkg, "hulpkompas_widget", &[])?;
    wasm_pack(
        &layered_pkg,
        "hulpkompas_widget_layer",
        &["--features", "layer"],
    )?;
    // A cleaned folder: nothing of an earlier build (a renamed or removed file) survives in dist/.
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    let widget_dir = dist.join("widget");
    std::fs::create_dir_all(&widget_dir)?;
    let wasm_in = pkg.join("hulpkompas_widget_bg.wasm");
    optimize(
        &wasm_opt,
        &wasm_in,
        &widget_dir.join("hulpkompas_widget_bg.wasm"),
    )?;
    optimize(
        &wasm_opt,
        &layered_pkg.join("hulpkompas_widget_layer_bg.wasm"),
        &widget_dir.join(LAYERED_WASM),
    )?;
    short_names(
        &wasm_opt,
        &widget_dir.join("hulpkompas_widget_bg.wasm"),
        &pkg.join("hulpkompas_widget.js"),
    )?;
    short_names(
        &wasm_opt,
        &widget_dir.join(LAYERED_WASM),
        &layered_pkg.join("hulpkompas_widget_layer.js"),
    )?;
    // The loader with the wasm-bindgen glue bundled in (one module: no request waits for
    // another), and the stylesheets, minified (esbuild). The loader imports the glue as
    // `./hulpkompas_widget.js`: it is bundled from beside wasm-pack's output.
    let esbuild = wasm_opt.with_file_name("esbuild");
    std::fs::copy(
        root.join("widget/www/hulpkompas.js"),
        pkg.join("hulpkompas.js"),
    )?;
    std::fs::copy(
        root.join("widget/www").join(LAYERED_GLUE),
        layered_pkg.join(LAYERED_GLUE),
    )?;
    for (from, name, bundle) in [
        (pkg.join("hulpkompas.js"), "hulpkompas.js", true),
        // The layered build with its glue: imported by the loader only on a page with a layer.
        (layered_pkg.join(LAYERED_GLUE), LAYERED_GLUE, true),
        (
            root.join("widget/www/hulpkompas.css"),
            "hulpkompas.css",
            false,
        ),
        (
            root.join("widget/www/hulpkompas-print.css"),
            "hulpkompas-print.css",
            false,
        ),
    ] {
        let mut esbuild = Command::new(&esbuild);
        esbuild.arg(&from);
        if bundle {
            esbuild.args(["--bundle", "--format=esm"]);
        }
        run(
            esbuild
                .args(["--minify", "--log-level=warning", "--legal-comments=none"])
                .arg(format!("--outfile={}", widget_dir.join(name).display())),
            &format!("esbuild could not build {name} (see above)"),
        )?;
    }
    std::fs::write(
        widget_dir.join("hulpkompas-needs.txt"),
        hulpkompas_core::Vocabulary::builtin().to_text(),
    )?;
    // The source addresses, from the full core (the widget's core has none compiled in).
    let data = hulpkompas_core::Dataset::builtin();
    let stops = data.every_first_stop();
    std::fs::write(
        widget_dir.join("hulpkompas-sources.txt"),
        hulpkompas_core::Sources::to_text(
            data.concepts(),
            data.offers(),
            stops.iter().map(|(nis, f)| (*nis, f)),
        ),
    )?;
    copy_dir(&root.join("demo"), &dist)?;
    // The demo's layer (`demo/layer.html`): the documented example of `layer/README.md`.
    std::fs::create_dir_all(dist.join("layer"))?;
    std::fs::copy(
        root.join("layer/example.json"),
        dist.join("layer/ons-aanbod.json"),
    )?;
    fill_in_concepts(&dist.join("builder.html"))?;
    write_embed(&dist)?;
    let first_load_brotli = write_size_report(&dist, &wasm_in)?;
    Ok(Dist {
        dir: dist,
        first_load_brotli,
    })
}

/// Builds the widget with wasm-pack into `out` as `name` (`name.js`, `name_bg.wasm`), with the
/// cargo arguments `cargo_args` (features).
fn wasm_pack(out: &Path, name: &str, cargo_args: &[&str]) -> Result {
    let root = root();
    let cache = root.join("target/wasm-pack-cache");
    std::fs::create_dir_all(&cache)?;
    run(
        Command::new("wasm-pack")
            .args([
                "build",
                "--mode",
                "no-install",
                "--release",
                "--target",
                "web",
                "--no-typescript",
                "--no-pack",
                "--out-name",
                name,
            ])
            .arg("--out-dir")
            .arg(out)
            .arg(root.join("widget"))
            .args(if cargo_args.is_empty() {
                vec![]
            } else {
                [&["--"][..], cargo_args].concat()
            })
            .env("PATH", tools::path_with_tools())
            .env("WASM_PACK_CACHE", &cache)
            .env("CARGO_ENCODED_RUSTFLAGS", short_panic_paths()),
        "building the widget with wasm-pack failed (see above)",
    )
}

/// The compiler flags that shorten the source paths a panic location carries in the wasm: the
/// checkout and each registry folder (`$CARGO_HOME/registry/src/index.crates.io-…/`) are left out, so
/// `yew-0.23.0/src/scheduler.rs` stays and the machine's folders do not ship (nor cost bytes).
/// Separated by 0x1f, as `CARGO_ENCODED_RUSTFLAGS` wants.
fn short_panic_paths() -> String {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let mut flags = vec![format!("--remap-path-prefix={}/=", root().display())];
    if let Some(registry) = cargo_home.map(|h| h.join("registry/src")) {
        for index in std::fs::read_dir(&registry).into_iter().flatten().flatten() {
            flags.push(format!("--remap-path-prefix={}/=", index.path().display()));
        }
    }
    flags.join("\x1f")
}

/// Gives the wasm's imports, exports and import module short names (wasm-opt
/// `--minify-imports-and-exports-and-modules`: `__wbg_parentElement_300cdd39ce1d95f8` becomes `$`)
/// and renames them the same way in the wasm-bindgen glue `glue`, before it is bundled: the hashed
/// names cost 1.3 KB brotli in the wasm and 1.2 KB in the loader (measured on 2026-12-03). In the glue an import is the key of the imports object (`name:`) and
/// an export is read as `wasm.name`; both are whole identifiers, replaced only there.
fn short_names(wasm_opt: &Path, wasm: &Path, glue: &Path) -> Result {
    let out = tools::output(
        Command::new(wasm_opt)
            .args(WASM_FEATURES)
            .arg("--minify-imports-and-exports-and-modules")
            .arg(wasm)
            .arg("-o")
            .arg(wasm),
    )
    .ok_or("wasm-opt could not shorten the import and export names")?;
    let map: serde_json::Value = serde_json::from_str(&out)
        .map_err(|e| format!("wasm-opt's map of short names is no JSON ({e}): {out}"))?;
    let pairs =
        |key: &str, old: usize, new: usize| -> Result<std::collections::HashMap<String, String>> {
            let mut m = std::collections::HashMap::new();
            for entry in map[key]
                .as_array()
                .ok_or(format!("wasm-opt's map has no {key}"))?
            {
                let (Some(o), Some(n)) = (entry[old].as_str(), entry[new].as_str()) else {
                    return Err(format!("wasm-opt's map: unexpected {key} entry {entry}").into());
                };
                m.insert(o.to_string(), n.to_string());
            }
            Ok(m)
        };
    let (imports, exports) = (pairs("imports", 1, 2)?, pairs("exports", 0, 1)?);
    // The one module the glue provides (`"./hulpkompas_widget_bg.js": import0`) gets a short
    // name too: read back from the wasm.
    let old_module = map["imports"][0][0]
        .as_str()
        .ok_or("wasm-opt's map has no import")?;
    let module = import_module(wasm)?;
    let text = std::fs::read_to_string(glue)?;
    let key = format!("\"{old_module}\": import0");
    if text.matches(&key).count() != 1 {
        return Err(format!("{}: not once {key}", glue.display()).into());
    }
    let text = text.replace(&key, &format!("\"{module}\": import0"));
    let (renamed, left) = rename_in_glue(&text, &imports, &exports);
    if !left.is_empty() {
        return Err(format!(
            "{}: these imports of the wasm were not found in the glue, so they cannot be renamed: {}",
            glue.display(),
            left.join(", ")
        )
        .into());
    }
    std::fs::write(glue, renamed)?;
    Ok(())
}

/// The module name of every import of `wasm` (an error unless there is exactly one).
fn import_module(wasm: &Path) -> Result<String> {
    let bytes = std::fs::read(wasm)?;
    let mut modules = std::collections::BTreeSet::new();
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        if let wasmparser::Payload::ImportSection(reader) =
            payload.map_err(|e| format!("{}: {e}", wasm.display()))?
        {
            for import in reader.into_imports() {
                let import = import.map_err(|e| format!("{}: {e}", wasm.display()))?;
                modules.insert(import.module.to_string());
            }
        }
    }
    match modules.len() {
        1 => Ok(modules.into_iter().next().unwrap_or_default()),
        _ => Err(format!(
            "{}: imports from {modules:?}, not one module",
            wasm.display()
        )
        .into()),
    }
}

/// The glue with its import keys (`old:`) and export reads (`wasm.old`) renamed, and the imports
/// never met (an empty list: every import was renamed).
fn rename_in_glue(
    glue: &str,
    imports: &std::collections::HashMap<String, String>,
    exports: &std::collections::HashMap<String, String>,
) -> (String, Vec<String>) {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut met = std::collections::HashSet::new();
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(start) = rest.find(is_ident) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let end = from.find(|c: char| !is_ident(c)).unwrap_or(from.len());
        let (word, after) = from.split_at(end);
        let read_as_export = out.ends_with("wasm.")
            && !out[..out.len() - 5].ends_with(|c: char| is_ident(c) || c == '.');
        let new = if read_as_export {
            exports.get(word)
        } else if after.starts_with(':') && !out.ends_with(['.', '?']) {
            imports.get(word)
        } else {
            None
        };
        match new {
            Some(n) => {
                met.insert(word.to_string());
                out.push_str(n);
            }
            None => out.push_str(word),
        }
        rest = after;
    }
    out.push_str(rest);
    // An export the glue never reads may keep any name; an import not renamed would fail the load.
    let mut left: Vec<String> = imports
        .keys()
        .filter(|k| !met.contains(*k))
        .cloned()
        .collect();
    left.sort();
    (out, left)
}

/// wasm-opt from `wasm_in` to `to`. It takes a while: it runs only when its input changed
/// (wasm-pack rewrites the file on every run, so contents are compared, not times); its output
/// is kept beside its input.
fn optimize(wasm_opt: &Path, wasm_in: &Path, to: &Path) -> Result {
    let wasm_out = wasm_in.with_extension("optimized.wasm");
    let stamp = wasm_in.with_extension("wasm.optimized-from");
    // The stamp holds the input's hash and the passes: a change to either runs wasm-opt again.
    let input_hash = format!("{} {}", sri(wasm_in)?, WASM_OPT_PASSES.join(" "));
    let up_to_date =
        wasm_out.exists() && std::fs::read_to_string(&stamp).is_ok_and(|h| h == input_hash);
    if !up_to_date {
        run(
            Command::new(wasm_opt)
                .args(WASM_OPT_PASSES)
                .args(WASM_FEATURES)
                .arg("--strip-debug")
                .arg("--strip-producers")
                .arg(wasm_in)
                .arg("-o")
                .arg(&wasm_out),
            "wasm-opt failed (see above)",
        )?;
        std::fs::write(&stamp, &input_hash)?;
    }
    std::fs::copy(&wasm_out, to)?;
    Ok(())
}

/// The marker in `demo/builder.html` that becomes one checkbox per concept of the data.
const CONCEPTS_MARKER: &str =
    "<!-- concepts: filled in by cargo xtask dist from core/data/concepts -->";

/// Replaces [`CONCEPTS_MARKER`] by the concepts of the data, in their order, so the builder never
/// lists a concept the data does not have (or misses one it has).
fn fill_in_concepts(page: &Path) -> Result {
    let html = std::fs::read_to_string(page)?;
    let Some((before, after)) = html.split_once(CONCEPTS_MARKER) else {
        return crate::fail(format!(
            "{} has no `{CONCEPTS_MARKER}` line for the list of concepts",
            page.display()
        ));
    };
    let indent = before.rsplit('\n').next().unwrap_or("");
    let items: Vec<String> = hulpkompas_core::Dataset::builtin()
        .concepts()
        .iter()
        .map(|c| {
            let (id, name) = (escape(c.id), escape(c.name.nl));
            format!(
                "<li><label><input type=\"checkbox\" name=\"concept\" value=\"{id}\"> {name} \
                 <span class=\"concept-id\">{id}</span></label></li>"
            )
        })
        .collect();
    std::fs::write(
        page,
        format!("{before}{}{after}", items.join(&format!("\n{indent}"))),
    )?;
    Ok(())
}

/// Text for an HTML attribute or element.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// `sha384-…` of a file, for Subresource Integrity.
pub fn sri(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path)?;
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes))
    ))
}

fn write_embed(dist: &Path) -> Result {
    let w = dist.join("widget");
    let html = format!(
        "<!-- Hulpkompas: paste these lines where the widget should appear (the text inside the element shows only if the widget cannot load). Replace https://example.org/hulpkompas/ by where you host dist/widget/. The three <link> lines may go into the page's <head>: the browser then fetches the loader, the wasm and the stylesheet at once. -->\n\
         <link rel=\"modulepreload\" href=\"https://example.org/hulpkompas/hulpkompas.js\" integrity=\"{loader}\" crossorigin=\"anonymous\">\n\
         <link rel=\"preload\" href=\"https://example.org/hulpkompas/hulpkompas_widget_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n\
         <link rel=\"preload\" href=\"https://example.org/hulpkompas/hulpkompas.css\" as=\"style\">\n\
         <script type=\"module\" src=\"https://example.org/hulpkompas/hulpkompas.js\" integrity=\"{loader}\" crossorigin=\"anonymous\"></script>\n\
         <hulpkompas-widget lang=\"nl\">\n  <p>Laadt deze hulpwijzer niet? Ga naar het Sociaal Huis (OCMW) van je gemeente of naar het CAW. In nood: bel <a href=\"tel:112\">112</a>. Zelfmoordgedachten: bel <a href=\"tel:1813\">1813</a>.</p>\n</hulpkompas-widget>\n\
         <!-- Integrity of the files the loader fetches itself (for your own checks):\n  hulpkompas_widget_bg.wasm {}\n  hulpkompas.css            {}\n  hulpkompas-needs.txt      {}\n  hulpkompas-sources.txt    {}\n-->\n",
        sri(&w.join("hulpkompas_widget_bg.wasm"))?,
        sri(&w.join("hulpkompas.css"))?,
        sri(&w.join("hulpkompas-needs.txt"))?,
        sri(&w.join("hulpkompas-sources.txt"))?,
        loader = sri(&w.join("hulpkompas.js"))?,
    );
    std::fs::write(dist.join("embed.html"), html)?;
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.len())
}

fn brotli_len(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len())
}

/// Writes `dist/size-report.json` and prints it; returns the first load's brotli bytes. `named` is
/// the widget's wasm before wasm-opt (with its function names), for the code per crate.
fn write_size_report(dist: &Path, named: &Path) -> Result<usize> {
    let measure = |names: &[(&str, &str)]| -> Result<(Vec<String>, [usize; 3])> {
        let mut rows = Vec::new();
        let mut total = [0; 3];
        for (f, when) in names {
            let bytes = std::fs::read(dist.join("widget").join(f))?;
            let (g, b) = (gzip_len(&bytes)?, brotli_len(&bytes)?);
            total[0] += bytes.len();
            total[1] += g;
            total[2] += b;
            let when = if when.is_empty() {
                String::new()
            } else {
                format!(", \"when\": \"{when}\"")
            };
            rows.push(format!(
                "    {{ \"file\": \"widget/{f}\"{when}, \"raw\": {}, \"gzip\": {g}, \"brotli\": {b} }}",
                bytes.len()
            ));
        }
        Ok((rows, total))
    };
    let no_when = |names: &[&'static str]| -> Vec<(&'static str, &'static str)> {
        names.iter().map(|n| (*n, "")).collect()
    };
    let (first, [raw, gz, br]) = measure(&no_when(&WIDGET_FILES))?;
    let (later, [lraw, lgz, lbr]) = measure(&no_when(&LATER_FILES))?;
    let (on_demand, [draw, dgz, dbr]) = measure(&ON_DEMAND_FILES)?;
    let budget = FIRST_LOAD_BUDGET_BROTLI;
    let tables = hulpkompas_datagen::text_tables(
        &crate::root().join("core/data"),
        hulpkompas_datagen::Features::NONE,
    )
    .map_err(|e| format!("core/data: {} error(s), the first: {}", e.len(), e[0]))?;
    let (parts, crates) = crate::size::breakdown(
        &dist.join("widget/hulpkompas_widget_bg.wasm"),
        named,
        &tables,
        brotli_len,
    )?;
    let parts_json: Vec<String> = parts
        .iter()
        .map(|p| {
            format!(
                "    {{ \"part\": {:?}, \"raw\": {}, \"brotli\": {} }}",
                p.name, p.raw, p.brotli
            )
        })
        .collect();
    let code_total: usize = crates.iter().map(|c| c.raw).sum::<usize>().max(1);
    let crates_json: Vec<String> = crates
        .iter()
        .map(|c| {
            format!(
                "    {{ \"crate\": {:?}, \"functions\": {}, \"raw\": {}, \"percent\": {:.1} }}",
                c.name,
                c.functions,
                c.raw,
                100.0 * c.raw as f64 / code_total as f64
            )
        })
        .collect();
    let json = format!(
        "{{\n  \"first_load_files\": [\n{}\n  ],\n  \"first_load\": {{ \"raw\": {raw}, \"gzip\": {gz}, \"brotli\": {br} }},\n  \"budget_brotli\": {budget},\n  \"within_budget\": {},\n  \"wasm_parts\": [\n{}\n  ],\n  \"wasm_code_by_crate_before_wasm_opt\": [\n{}\n  ],\n  \"on_first_need_search\": [\n{}\n  ],\n  \"on_first_need_search_total\": {{ \"raw\": {lraw}, \"gzip\": {lgz}, \"brotli\": {lbr} }},\n  \"fetched_on_demand\": [\n{}\n  ],\n  \"fetched_on_demand_total\": {{ \"raw\": {draw}, \"gzip\": {dgz}, \"brotli\": {dbr} }}\n}}\n",
        first.join(",\n"),
        br <= budget,
        parts_json.join(",\n"),
        crates_json.join(",\n"),
        later.join(",\n"),
        on_demand.join(",\n"),
    );
    std::fs::write(dist.join("size-report.json"), &json)?;
    println!("\nSize of the first load (loader, wasm with data, CSS):");
    for f in &first {
        println!("{}", f.trim());
    }
    println!("  total: {raw} B raw, {gz} B gzip, {br} B brotli (budget {budget} B brotli)");
    println!("The wasm's parts (each compressed alone):");
    for p in &parts {
        println!("  {:>7} B raw {:>7} B brotli  {}", p.raw, p.brotli, p.name);
    }
    println!("Its code per crate, before wasm-opt (the rest: dist/size-report.json):");
    for c in crates.iter().take(8) {
        println!(
            "  {:>7} B {:>5.1}%  {}",
            c.raw,
            100.0 * c.raw as f64 / code_total as f64,
            c.name
        );
    }
    println!("Fetched on demand (not in the first load):");
    for f in &on_demand {
        println!("{}", f.trim());
    }
    Ok(br)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::rename_in_glue;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn only_import_keys_and_export_reads_are_renamed() {
        let glue = "const import0 = { __wbg_get_ab12: function(a) { return a.__wbg_get_ab12; },\n\
                    mount: 1 };\nwasm.mount(x); other.wasm.mount; wasm.mount2; const o = { b: a ? mount : 2 };";
        let (out, left) = rename_in_glue(
            glue,
            &map(&[("__wbg_get_ab12", "$"), ("mount", "q")]),
            &map(&[("mount", "Ta"), ("memory", "Pa")]),
        );
        assert_eq!(
            out,
            "const import0 = { $: function(a) { return a.__wbg_get_ab12; },\n\
             q: 1 };\nwasm.Ta(x); other.wasm.mount; wasm.mount2; const o = { b: a ? mount : 2 };"
        );
        // Every import was met; an export the glue never reads is no problem.
        assert!(left.is_empty(), "{left:?}");
        let (_, left) =
            rename_in_glue("wasm.mount()", &map(&[("__wbg_x_1", "a")]), &HashMap::new());
        assert_eq!(left, vec!["__wbg_x_1".to_string()]);
    }
}
