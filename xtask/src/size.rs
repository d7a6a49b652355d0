//! What the widget's wasm is made of, for the size report: each part of the final file (code,
//! the core's text tables, other text, binary statics) in raw and brotli bytes, and the code per
//! crate, read from the function names of the wasm before wasm-opt (twiggy's "dominators" view
//! in one table).
//!
//! Per-part brotli figures compress each part alone, so they add up to a little more than the
//! whole file (brotli shares its dictionary across parts).

use std::path::Path;

use wasmparser::{KnownCustom, Name, Parser, Payload};

use crate::Result;

/// One part of the final wasm.
pub struct Part {
    pub name: String,
    pub raw: usize,
    pub brotli: usize,
}

/// The code of one crate, before wasm-opt.
pub struct CrateCode {
    pub name: String,
    pub functions: usize,
    pub raw: usize,
}

/// The parts of `wasm` (the file shipped) and the code per crate of `named` (the same build
/// before wasm-opt, which still has its name section). `tables` are the core's text tables as
/// compiled into the widget (name, text): each is found in the data section and counted apart.
pub fn breakdown(
    wasm: &Path,
    named: &Path,
    tables: &[(&str, String)],
    brotli: impl Fn(&[u8]) -> Result<usize>,
) -> Result<(Vec<Part>, Vec<CrateCode>)> {
    let bytes = std::fs::read(wasm)?;
    let mut code = Vec::new();
    let mut data = Vec::new();
    let mut rest = Vec::new();
    for payload in Parser::new(0).parse_all(&bytes) {
        match payload.map_err(|e| format!("{}: {e}", wasm.display()))? {
            Payload::CodeSectionStart { range, .. } => code.extend_from_slice(&bytes[range]),
            Payload::DataSection(reader) => {
                for segment in reader {
                    let segment = segment.map_err(|e| format!("{}: {e}", wasm.display()))?;
                    data.extend_from_slice(segment.data);
                }
            }
            Payload::CodeSectionEntry(_) | Payload::Version { .. } | Payload::End(_) => {}
            other => {
                if let Some((_, range)) = other.as_section() {
                    rest.extend_from_slice(&bytes[range]);
                }
            }
        }
    }
    let mut parts = vec![Part {
        name: "code".into(),
        raw: code.len(),
        brotli: brotli(&code)?,
    }];
    for (name, table) in tables {
        if let Some(at) = find(&data, table.as_bytes()) {
            parts.push(Part {
                name: format!("data: {name} (core/src/codec.rs)"),
                raw: table.len(),
                brotli: brotli(table.as_bytes())?,
            });
            data.drain(at..at + table.len());
        }
    }
    let (text, binary) = split_text(&data);
    parts.push(Part {
        name: "data: other text (interface, concepts, help lines, messages)".into(),
        raw: text.len(),
        brotli: brotli(&text)?,
    });
    parts.push(Part {
        name: "data: binary (static structs and their pointers, Unicode tables)".into(),
        raw: binary.len(),
        brotli: brotli(&binary)?,
    });
    parts.push(Part {
        name: "imports, exports, types, tables".into(),
        raw: rest.len(),
        brotli: brotli(&rest)?,
    });
    Ok((parts, code_by_crate(named)?))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Runs of at least 6 printable UTF-8 characters (text), and the other bytes (binary).
fn split_text(data: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let (mut text, mut binary) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < data.len() {
        let mut end = i;
        let mut chars = 0;
        while end < data.len() {
            let len = match data[end] {
                b'\t' | b'\n' | 0x20..=0x7e => 1,
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => 0,
            };
            let whole = len > 0
                && end + len <= data.len()
                && std::str::from_utf8(&data[end..end + len]).is_ok();
            if !whole {
                break;
            }
            end += len;
            chars += 1;
        }
        if chars >= 6 {
            text.extend_from_slice(&data[i..end]);
            i = end;
        } else {
            binary.push(data[i]);
            i += 1;
        }
    }
    (text, binary)
}

/// The code of each crate, by the demangled function names wasm-bindgen leaves in the wasm
/// before wasm-opt; largest first.
fn code_by_crate(named: &Path) -> Result<Vec<CrateCode>> {
    let bytes = std::fs::read(named)?;
    let mut imported = 0u32;
    let mut names = std::collections::HashMap::new();
    let mut bodies = Vec::new();
    for payload in Parser::new(0).parse_all(&bytes) {
        match payload.map_err(|e| format!("{}: {e}", named.display()))? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| format!("{}: {e}", named.display()))?;
                    if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for name in reader.into_iter().flatten() {
                        if let Name::Function(map) = name {
                            for n in map.into_iter().flatten() {
                                names.insert(n.index, n.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by_crate: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for (i, len) in bodies.into_iter().enumerate() {
        let name = names
            .get(&(imported + i as u32))
            .map(String::as_str)
            .unwrap_or("");
        let entry = by_crate.entry(crate_of(name)).or_default();
        entry.0 += 1;
        entry.1 += len;
    }
    let mut crates: Vec<CrateCode> = by_crate
        .into_iter()
        .map(|(name, (functions, raw))| CrateCode {
            name,
            functions,
            raw,
        })
        .collect();
    crates.sort_by(|a, b| b.raw.cmp(&a.raw).then(a.name.cmp(&b.name)));
    Ok(crates)
}

/// The crate a demangled function name belongs to: its first path segment, with generic code of
/// the standard library (`<core::iter::…Map<I,F> as …>::fold`, most of it our closures inlined)
/// counted as `core`/`alloc`, as twiggy does.
fn crate_of(name: &str) -> String {
    let s = name.trim_start_matches(['<', '&', '*']);
    let s = s
        .trim_start_matches("mut ")
        .trim_start_matches("const ")
        .trim_start_matches("dyn ");
    let end = s.find([':', '[', '<', ' ', '>']).unwrap_or(s.len());
    let is_path = s[end..].starts_with("::") || s[end..].starts_with('[');
    match &s[..end] {
        "" if name.is_empty() => "(unnamed)".into(),
        "__rustc" => "std".into(),
        c if is_path => c.into(),
        // `<&mut T as core::fmt::Write>::…`: a trait's method for a generic or primitive type.
        _ if name.contains(" as ") => crate_of(name.split_once(" as ").map_or("", |(_, t)| t)),
        // `<char>::escape_debug_ext`: an inherent method of a primitive type.
        _ if name.starts_with('<') => "core".into(),
        _ => "(no crate: wasm-bindgen shims, compiler built-ins)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crates_of_demangled_names() {
        for (name, want) in [
            ("hulpkompas_widget::view::widget::h7b79aa17d2f7cbd2", "hulpkompas_widget"),
            ("<core::iter::adapters::map::Map<I,F> as core::iter::traits::iterator::Iterator>::fold::hb8", "core"),
            ("core[c5930c85a12de822]::str::slice_error_fail_rt", "core"),
            ("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc", "dlmalloc"),
            ("<&mut T as core::fmt::Display>::fmt::h1", "core"),
            ("<char>::escape_debug_ext", "core"),
            ("__rustc[b7974e8690430dd9]::__rdl_realloc", "std"),
            ("__wbindgen_malloc", "(no crate: wasm-bindgen shims, compiler built-ins)"),
            ("", "(unnamed)"),
        ] {
            assert_eq!(crate_of(name), want, "{name}");
        }
    }

    #[test]
    fn text_and_binary_apart() {
        let (text, binary) = split_text(b"\x01\x02Kortrijk\x00\x00ab\xff");
        assert_eq!(text, b"Kortrijk");
        assert_eq!(binary, b"\x01\x02\x00\x00ab\xff");
    }
}
