//! `concepts/*.toml`: the concepts, discovered and ordered by their `order` field.

use std::collections::HashMap;
use std::path::Path;

use crate::read;
use crate::rows::ConceptFile;
use crate::{At, Errors};

/// A concept, checked, with its enums as Rust expressions.
pub(crate) struct LoadedConcept {
    pub file: ConceptFile,
    pub scope: &'static str,
    pub coverage: String,
    pub status: String,
    pub access: Vec<&'static str>,
    pub for_citizens: bool,
}

fn scope_variant(s: &str) -> Option<&'static str> {
    match s {
        "flanders" => Some("Scope::Flanders"),
        "flanders_brussels" => Some("Scope::FlandersBrussels"),
        "belgium" => Some("Scope::Belgium"),
        _ => None,
    }
}

/// The concepts in the product's order (their index in this list is the concept index the tables
/// use), and the ids of concept files that have errors (so that their offers and needs are not
/// reported as naming an unknown concept too).
pub(crate) fn load(dir: &Path, errors: &mut Errors) -> (Vec<LoadedConcept>, Vec<String>) {
    let mut broken = Vec::new();
    let mut out: Vec<(u32, LoadedConcept)> = Vec::new();
    let mut orders: HashMap<u32, String> = HashMap::new();
    for rel in read::files(dir, "concepts", "toml", errors) {
        let id = read::stem(&rel);
        let Some((c, text)) = read::toml_with_text::<ConceptFile>(dir, &rel, errors) else {
            broken.push(id.to_string());
            continue;
        };
        let at = |key: &str| match read::key_line(&text, key) {
            Some(line) => At::line(&rel, line),
            None => At::file(&rel),
        };
        if c.id != id {
            errors.push(
                &at("id"),
                format!("id `{}` differs from the file name", c.id),
            );
        }
        if let Some(other) = orders.insert(c.order, c.id.clone()) {
            errors.push(
                &at("order"),
                format!("order {} is also the order of `{other}`", c.order),
            );
        }
        match check(c, &at, errors) {
            Some(concept) => out.push((concept.file.order, concept)),
            None => broken.push(id.to_string()),
        }
    }
    out.sort_by_key(|(order, _)| *order);
    if out.len() > u8::MAX as usize {
        errors.push(&At::file("concepts"), "more than 255 concepts");
    }
    (out.into_iter().map(|(_, c)| c).collect(), broken)
}

/// `at(key)`: where `key` is set in the file. Every check runs; `None` if any failed.
fn check(c: ConceptFile, at: &dyn Fn(&str) -> At, errors: &mut Errors) -> Option<LoadedConcept> {
    let scope = scope_variant(&c.scope);
    if scope.is_none() {
        errors.push(
            &at("scope"),
            format!(
                "scope `{}`: use flanders, flanders_brussels or belgium",
                c.scope
            ),
        );
    }
    let coverage = coverage(&c, scope, at, errors);
    let status = status(&c, at, errors);
    let mut access = Vec::new();
    for a in &c.access {
        let v = match a.as_str() {
            "walk_in" => "Access::WalkIn",
            "call" => "Access::Call",
            "online" => "Access::Online",
            "appointment" => "Access::Appointment",
            "via_professional" => "Access::ViaProfessional",
            "none" => "Access::None",
            other => {
                errors.push(&at("access"), format!("access `{other}` is unknown"));
                continue;
            }
        };
        access.push(v);
    }
    for (lang, t) in [
        ("nl", &c.summary.nl),
        ("fr", &c.summary.fr),
        ("en", &c.summary.en),
    ] {
        if t.trim().is_empty() {
            errors.push(&at("summary"), format!("summary.{lang} is empty"));
        }
    }
    if c.sources.is_empty() {
        errors.push(&at("sources"), "a concept needs at least one source");
    }
    // "Works in every municipality" is a claim: a source must state it.
    match (c.coverage.as_str(), c.coverage_source.as_deref()) {
        ("everywhere", None) => errors.push(
            &at("coverage"),
            "coverage = \"everywhere\" needs coverage_source: the URL of the source (in sources) that states it",
        ),
        ("everywhere", Some(u)) if !c.sources.iter().any(|s| s.url == u) => errors.push(
            &at("coverage_source"),
            format!("coverage_source `{u}` is not one of the concept's sources"),
        ),
        ("listed", Some(_)) => errors.push(
            &at("coverage_source"),
            "coverage_source only goes with coverage = \"everywhere\"",
        ),
        _ => {}
    }
    // An ended concept is "ended" only where it ran: where an offer served the place.
    if c.status.kind == "ended" && c.coverage == "everywhere" {
        errors.push(
            &at("coverage"),
            "an ended concept shows as ended only where an offer ran: use coverage = \"listed\"",
        );
    }
    let only_none = !c.access.is_empty() && c.access.iter().all(|a| a == "none");
    let for_citizens = c.for_citizens.unwrap_or(!only_none);
    if for_citizens && only_none {
        errors.push(
            &at("for_citizens"),
            "access = [\"none\"] is no service for citizens: for_citizens cannot be true",
        );
    }
    // The sources file carries the texts for professionals too (see `codec::encode_sources`).
    let how = [&c.how.nl, &c.how.fr, &c.how.en];
    let target = c.target.nl.iter().chain(&c.target.fr).chain(&c.target.en);
    if how
        .into_iter()
        .chain(target)
        .any(|t| t.contains(crate::codec::FIELD_RESERVED))
    {
        errors.push(
            &at("how"),
            "no tab, line break or `^` in `how` or `target`: they go into the sources file",
        );
    }
    // The sources file is tab-separated (see `codec::encode_sources`).
    for s in &c.sources {
        if s.url.contains(crate::codec::FIELD_RESERVED)
            || s.date.contains(crate::codec::FIELD_RESERVED)
        {
            errors.push(
                &at("sources"),
                format!(
                    "source `{}`: no tab, line break or `^` in a url or date",
                    s.url.trim()
                ),
            );
        }
    }
    Some(LoadedConcept {
        file: c,
        scope: scope?,
        coverage: coverage?,
        status: status?,
        access,
        for_citizens,
    })
}

/// `Coverage::…` for the concept.
fn coverage(
    c: &ConceptFile,
    scope: Option<&str>,
    at: &dyn Fn(&str) -> At,
    errors: &mut Errors,
) -> Option<String> {
    Some(match (c.coverage.as_str(), c.everywhere_in.as_deref()) {
        ("everywhere", None) => format!("Coverage::Everywhere({})", scope?),
        ("everywhere", Some(s)) => match scope_variant(s) {
            Some(v) => format!("Coverage::Everywhere({v})"),
            None => {
                errors.push(
                    &at("everywhere_in"),
                    format!("everywhere_in `{s}`: use flanders, flanders_brussels or belgium"),
                );
                return None;
            }
        },
        ("listed", None) => "Coverage::Listed".to_string(),
        ("listed", Some(_)) => {
            errors.push(
                &at("everywhere_in"),
                "everywhere_in only goes with coverage = \"everywhere\"",
            );
            return None;
        }
        (other, _) => {
            errors.push(
                &at("coverage"),
                format!("coverage `{other}`: use everywhere or listed"),
            );
            return None;
        }
    })
}

/// `Status::…` for the concept.
fn status(c: &ConceptFile, at: &dyn Fn(&str) -> At, errors: &mut Errors) -> Option<String> {
    let date_lit = |d: crate::model::Date| {
        format!(
            "Date {{ year: {}, month: {}, day: {} }}",
            d.year, d.month, d.day
        )
    };
    let until = c.status.until.as_deref().map(|u| (u, read::date(u)));
    Some(match (c.status.kind.as_str(), until) {
        ("structural", _) => "Status::Structural".to_string(),
        ("project", Some((_, Some(d)))) => format!("Status::Project {{ until: {} }}", date_lit(d)),
        ("ended", Some((_, Some(d)))) => format!("Status::Ended {{ until: {} }}", date_lit(d)),
        ("project" | "ended", Some((u, None))) => {
            errors.push(
                &at("status"),
                format!("status.until `{u}` is not a date (YYYY-MM-DD)"),
            );
            return None;
        }
        ("project" | "ended", None) => {
            errors.push(
                &at("status"),
                "status.until is required for a project or an ended concept",
            );
            return None;
        }
        (k, _) => {
            errors.push(
                &at("status"),
                format!("status.kind `{k}`: use structural, project or ended"),
            );
            return None;
        }
    })
}
