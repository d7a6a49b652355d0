//! Reading CSV and TOML files into typed rows, with `file:line` for every problem.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::{At, Errors};

/// Reads `dir/rel` (a CSV file with a header) into rows of `T`, each with its line.
///
/// `None` when the file cannot be used at all (unreadable, or a column is missing); a row with a
/// bad value is reported and left out.
pub(crate) fn csv<T: DeserializeOwned>(
    dir: &Path,
    rel: &str,
    errors: &mut Errors,
) -> Option<Vec<(At, T)>> {
    let mut reader = match csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(dir.join(rel))
    {
        Ok(r) => r,
        Err(e) => {
            errors.push(&At::file(rel), format!("cannot read: {}", io_message(&e)));
            return None;
        }
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(&At::line(rel, 1), format!("bad header: {e}"));
            return None;
        }
    };
    // Every column the row needs, even in a file without rows: an empty row must deserialize.
    let empty = csv::StringRecord::from(vec![""; headers.len()]);
    if let Err(e) = empty.deserialize::<T>(Some(&headers)) {
        if let Some(field) = missing_field(&e) {
            errors.push(&At::line(rel, 1), format!("missing column `{field}`"));
            return None;
        }
    }
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("{len} fields, the header has {expected_len}"),
                    _ => one_line(&e.to_string()),
                };
                errors.push(&At::line(rel, line), message);
                continue;
            }
        };
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        match rec.deserialize::<T>(Some(&headers)) {
            Ok(row) => rows.push((At::line(rel, line), row)),
            Err(e) => {
                let message = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
                    _ => one_line(&e.to_string()),
                };
                errors.push(&At::line(rel, line), message);
            }
        }
    }
    Some(rows)
}

/// The column of a "missing field" error.
fn missing_field(e: &csv::Error) -> Option<String> {
    match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => err
            .to_string()
            .strip_prefix("missing field `")?
            .strip_suffix('`')
            .map(String::from),
        _ => None,
    }
}

fn io_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    }
}

/// Reads `dir/rel` (a TOML file) into `T`, with the file's text (for the lines of errors).
pub(crate) fn toml_with_text<T: DeserializeOwned>(
    dir: &Path,
    rel: &str,
    errors: &mut Errors,
) -> Option<(T, String)> {
    let text = match std::fs::read_to_string(dir.join(rel)) {
        Ok(t) => t,
        Err(e) => {
            errors.push(&At::file(rel), format!("cannot read: {e}"));
            return None;
        }
    };
    match ::toml::from_str(&text) {
        Ok(v) => Some((v, text)),
        Err(e) => {
            let at = match e.span() {
                Some(s) => At::line(rel, text[..s.start].lines().count().max(1)),
                None => At::file(rel),
            };
            errors.push(&at, one_line(e.message()));
            None
        }
    }
}

/// The line (1-based) of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line (1-based) where top-level `key` is set in a TOML text (`key = …`, `[key]` or
/// `[[key]]`), for errors about a value that parsed but is not allowed.
pub(crate) fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l == format!("[{key}]")
                || l == format!("[[{key}]]")
                || l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// A message on one line.
fn one_line(s: &str) -> String {
    s.trim()
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The files `dir/sub/*.ext`, sorted, as paths relative to `dir` (`concepts/gbo.toml`).
pub(crate) fn files(dir: &Path, sub: &str, ext: &str, errors: &mut Errors) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir.join(sub)) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(&format!(".{ext}")))
            .collect(),
        Err(e) => {
            errors.push(&At::file(sub), format!("cannot read the folder: {e}"));
            Vec::new()
        }
    };
    names.sort();
    names.into_iter().map(|n| format!("{sub}/{n}")).collect()
}

/// `concepts/gbo.toml` → `gbo`.
pub(crate) fn stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// `YYYY-MM-DD`, a day that exists (30 February does not).
pub(crate) fn date(s: &str) -> Option<crate::model::Date> {
    let mut it = s.split('-');
    let year: u16 = it.next()?.parse().ok()?;
    let month: u8 = it.next()?.parse().ok()?;
    let day: u8 = it.next()?.parse().ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if it.next().is_some() || !(1..=12).contains(&month) || !(1..=days).contains(&day) {
        return None;
    }
    Some(crate::model::Date { year, month, day })
}

/// What is wrong with a website field, if anything: it holds exactly one absolute URL
/// (`https://…` or `http://…`, no spaces, no e-mail address, no note), or nothing.
pub(crate) fn website_problem(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let what = if s.contains('@') {
        "holds an e-mail address: put it in the e-mail field"
    } else if s.contains(char::is_whitespace) || s.contains(';') || s.contains('|') {
        "holds more than one URL, or a note: one absolute URL only (a note goes in the note)"
    } else if rest.is_none_or(|r| !r.split('/').next().unwrap_or("").contains('.')) {
        "is not an absolute URL (https://host/…)"
    } else {
        return None;
    };
    Some(format!("website `{s}` {what}"))
}

/// What is wrong with an e-mail field, if anything: one address, or nothing.
pub(crate) fn email_problem(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let ok = !s.contains(char::is_whitespace)
        && !s.contains(';')
        && s.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.contains('@')
        });
    (!ok).then(|| format!("email `{s}` is not one e-mail address"))
}
