//! `urgent/`: the help lines and the signals of danger that put them first.

use std::collections::BTreeSet;
use std::path::Path;

use crate::read;
use crate::rows::{HelpLineRow, SignalEntry, SignalsFile};
use crate::text::fold;
use crate::{At, Errors};

const LINES: &str = "urgent/lines.csv";
const SIGNALS: &str = "urgent/signals.toml";

/// The help lines and signals, checked.
pub(crate) struct LoadedUrgent {
    pub lines: Vec<HelpLineRow>,
    pub signals: Vec<LoadedSignal>,
}

/// A signal with its phrases folded into words (`=word` kept for exact words).
pub(crate) struct LoadedSignal {
    pub id: String,
    pub quick_exit: bool,
    pub lines: [Vec<String>; 3],
    pub phrases: [Vec<Vec<String>>; 3],
}

pub(crate) fn load(dir: &Path, errors: &mut Errors) -> Option<LoadedUrgent> {
    let rows = read::csv::<HelpLineRow>(dir, LINES, errors)?;
    let mut numbers = BTreeSet::new();
    let mut lines = Vec::new();
    for (at, row) in rows {
        check_line(&at, &row, &mut numbers, errors);
        lines.push(row);
    }
    let (file, text): (SignalsFile, String) = read::toml_with_text(dir, SIGNALS, errors)?;
    let mut ids = BTreeSet::new();
    let mut signals = Vec::new();
    for s in file.signal {
        let at = At::line(SIGNALS, read::line_of(&text, s.id.span().start));
        if !ids.insert(s.id.get_ref().clone()) {
            errors.push(&at, format!("signal id `{}` is not unique", s.id.get_ref()));
        }
        signals.push(load_signal(&at, s, &numbers, errors));
    }
    if signals.is_empty() {
        errors.push(
            &At::file(SIGNALS),
            "no signal: danger would never be recognised",
        );
    }
    Some(LoadedUrgent { lines, signals })
}

fn check_line(at: &At, row: &HelpLineRow, numbers: &mut BTreeSet<String>, errors: &mut Errors) {
    let n = &row.number;
    if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        errors.push(at, format!("number `{n}` is not digits (and spaces)"));
    } else if !numbers.insert(n.clone()) {
        errors.push(at, format!("number `{n}` is listed twice"));
    }
    if !matches!(row.lang.as_str(), "all" | "nl" | "fr") {
        errors.push(at, format!("lang `{}` is not all, nl or fr", row.lang));
    }
    let texts = [
        ("name", [&row.name_nl, &row.name_fr, &row.name_en]),
        (
            "what_for",
            [&row.what_for_nl, &row.what_for_fr, &row.what_for_en],
        ),
        ("hours", [&row.hours_nl, &row.hours_fr, &row.hours_en]),
    ];
    for (field, [nl, fr, en]) in texts {
        if nl.is_empty() || fr.is_empty() || en.is_empty() {
            errors.push(
                at,
                format!("{field}: every language needs a text (nl, fr, en)"),
            );
        }
    }
    for (field, value) in [("chat", &row.chat), ("website", &row.website)] {
        if !value.is_empty() && !is_one_url(value) {
            errors.push(
                at,
                format!("{field} `{value}` is not one https:// or http:// address"),
            );
        }
    }
    let sources: Vec<&str> = sources(&row.source);
    if sources.is_empty() {
        errors.push(at, "source is empty: every line needs a source");
    }
    for s in sources {
        if !is_one_url(s) {
            errors.push(at, format!("source `{s}` is not an address"));
        }
    }
    if !matches!(row.confidence.as_str(), "high" | "medium" | "low") {
        errors.push(
            at,
            format!("confidence `{}` is not high, medium or low", row.confidence),
        );
    }
    if row.source_date.is_empty() {
        errors.push(
            at,
            "source_date is empty (write `undated` when the source has no date)",
        );
    }
}

/// The sources of a row, separated by ` ; `.
pub(crate) fn sources(s: &str) -> Vec<&str> {
    s.split(" ; ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn is_one_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && !s.contains(char::is_whitespace)
        && s.len() > "https://".len()
}

fn load_signal(
    at: &At,
    s: SignalEntry,
    numbers: &BTreeSet<String>,
    errors: &mut Errors,
) -> LoadedSignal {
    let id = s.id.get_ref().clone();
    let lines = [s.lines_nl, s.lines_fr, s.lines_en];
    for (lang, ls) in ["nl", "fr", "en"].iter().zip(&lines) {
        if ls.is_empty() {
            errors.push(at, format!("signal `{id}`: lines_{lang} is empty"));
        }
        for n in ls {
            if !numbers.contains(n) {
                errors.push(
                    at,
                    format!("signal `{id}`: lines_{lang}: `{n}` is not a number in {LINES}"),
                );
            }
        }
    }
    let phrases = [&s.nl, &s.fr, &s.en].map(|list| {
        list.iter()
            .filter_map(|p| match phrase_words(p) {
                Ok(words) => Some(words),
                Err(e) => {
                    errors.push(at, format!("signal `{id}`: phrase `{p}`: {e}"));
                    None
                }
            })
            .collect::<Vec<_>>()
    });
    if phrases.iter().all(Vec::is_empty) {
        errors.push(at, format!("signal `{id}` has no phrases"));
    }
    LoadedSignal {
        id,
        quick_exit: s.quick_exit,
        lines,
        phrases,
    }
}

/// A phrase as the matcher compares it: folded words, `=word` for a word typed exactly.
pub(crate) fn phrase_words(phrase: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    for token in phrase.split_whitespace() {
        match token.strip_prefix('=') {
            Some(exact) => {
                let folded = fold(exact);
                if folded.is_empty() || folded.contains(' ') {
                    return Err(format!("`={exact}` must be one word"));
                }
                words.push(format!("={folded}"));
            }
            None => words.extend(
                fold(token)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(String::from),
            ),
        }
    }
    if words.is_empty() {
        return Err("has no letters or digits".into());
    }
    if phrase.contains(crate::model::Signal::SEPARATOR) {
        return Err(format!(
            "contains `{}`, which separates phrases",
            crate::model::Signal::SEPARATOR
        ));
    }
    Ok(words)
}
