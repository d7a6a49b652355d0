//! `offers/<concept id>.csv`: the local offers, discovered, each file named after its concept.

use std::collections::BTreeSet;
use std::path::Path;

use crate::codec::{FIELD_RESERVED, SOURCE_SEPARATOR};
use crate::geo::Geo;
use crate::model::{AreaRef, Audience, Confidence, Offer, OfferStatus, Region};
use crate::read;
use crate::rows::OfferRow;
use crate::{At, Errors};

pub(crate) fn load(dir: &Path, geo: &Geo, concepts: &[&str], errors: &mut Errors) -> Vec<Offer> {
    let mut out = Vec::new();
    for rel in read::files(dir, "offers", "csv", errors) {
        let stem = read::stem(&rel);
        let Some(ci) = concepts.iter().position(|c| *c == stem) else {
            errors.push(
                &At::file(&rel),
                format!("`{stem}` is not a concept id: name the file after its concept"),
            );
            continue;
        };
        let Some(rows) = read::csv::<OfferRow>(dir, &rel, errors) else {
            continue;
        };
        let mut ids = BTreeSet::new();
        for (at, r) in rows {
            if let Some(o) = check(ci as u8, r, &at, geo, &mut ids, errors) {
                out.push(o);
            }
        }
    }
    out
}

fn check(
    concept: u8,
    r: OfferRow,
    at: &At,
    geo: &Geo,
    ids: &mut BTreeSet<String>,
    errors: &mut Errors,
) -> Option<Offer> {
    if r.id.is_empty() || !ids.insert(r.id.clone()) {
        errors.push(at, format!("id `{}` is empty or not unique", r.id));
    }
    // The sources file keys an offer by `concept id/offer id` (see `codec::encode_sources`).
    if r.id.contains(crate::codec::SOURCE_KEY_SEPARATOR) || r.id.contains(char::is_whitespace) {
        errors.push(
            at,
            format!("id `{}`: no `/` or spaces in an offer id", r.id),
        );
    }
    if r.name.is_empty() {
        errors.push(at, "name is empty");
    }
    let mut serves = Vec::new();
    for area in r.serves.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        match area_ref(area, geo) {
            Ok(a) => serves.push(a),
            Err(e) => errors.push(at, format!("serves: {e}")),
        }
    }
    if serves.is_empty() {
        errors.push(at, "serves is empty: say which areas the offer serves");
    }
    let confidence = match r.confidence.as_str() {
        "confirmed" => Confidence::Confirmed,
        "derived" => Confidence::Derived,
        // A lead (local/README.md: low): shown only with "niet recent bevestigd".
        "unconfirmed" => Confidence::Unconfirmed,
        other => {
            errors.push(
                at,
                format!("confidence `{other}`: use confirmed, derived or unconfirmed"),
            );
            return None;
        }
    };
    let until = match r.until.as_str() {
        "" => None,
        // `no_new_cases`: the month of the source (`YYYY-MM`).
        u if r.status == "no_new_cases" && u.len() == 7 => match read::date(&format!("{u}-01")) {
            Some(d) => Some(d),
            None => {
                errors.push(at, format!("until `{u}` is not a month (YYYY-MM)"));
                return None;
            }
        },
        u => match read::date(u) {
            Some(d) => Some(d),
            None => {
                errors.push(at, format!("until `{u}` is not a date (YYYY-MM-DD)"));
                return None;
            }
        },
    };
    let status = match r.status.as_str() {
        "active" | "" => OfferStatus::Active,
        "project" => OfferStatus::Project(until),
        "ended" => OfferStatus::Ended(until),
        "no_new_cases" => OfferStatus::NoNewCases(until),
        other => {
            errors.push(
                at,
                format!("status `{other}`: use active, project, ended or no_new_cases"),
            );
            return None;
        }
    };
    let audience = match r.audience.as_str() {
        "" | "citizens" => Audience::Citizens,
        "professionals" => Audience::Professionals,
        other => {
            errors.push(
                at,
                format!("audience `{other}`: use citizens or professionals"),
            );
            return None;
        }
    };
    // An offer for professionals never makes a concept "work here" for citizens: a row whose own
    // note says it is for professionals must say so in `audience`.
    if audience == Audience::Citizens && says_professionals(&r.note) {
        errors.push(
            at,
            "the note says this offer is for professionals: set audience = professionals",
        );
    }
    for pc in address_postcodes(&r.address) {
        if !geo.postcodes.contains(&pc) {
            errors.push(
                at,
                format!("address: postcode `{pc}` is not a known postcode"),
            );
        }
    }
    if let Some(e) = read::website_problem(&r.website) {
        errors.push(at, e);
    }
    if let Some(e) = read::email_problem(&r.email) {
        errors.push(at, e);
    }
    if r.source.trim().is_empty() {
        errors.push(at, "source is empty: every offer needs a source");
    }
    for (f, v) in r.fields() {
        if v.contains(FIELD_RESERVED) {
            errors.push(at, format!("{f} contains a tab, a line break or `^`"));
        }
    }
    let sources = r
        .source
        .split(SOURCE_SEPARATOR)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    Some(r.into_offer(concept, serves, confidence, status, audience, sources))
}

/// Whether a note says the offer is for professionals ("voor professionals", "netwerk van
/// professionals", "geen loket voor burgers").
fn says_professionals(note: &str) -> bool {
    let n = note.to_lowercase();
    [
        "voor professionals",
        "van professionals",
        "tussen professionals",
        "geen loket voor burgers",
    ]
    .iter()
    .any(|p| n.contains(p))
}

fn area_ref(s: &str, geo: &Geo) -> Result<AreaRef, String> {
    let (kind, value) = s
        .split_once(':')
        .ok_or_else(|| format!("`{s}` is not of the form kind:value"))?;
    let value = value.trim();
    let (index, what) = match kind.trim() {
        "nis" => (&geo.muni_index, "municipality NIS code (after the 2025 mergers)"),
        "province" => (&geo.province_index, "province NIS code"),
        "arrondissement" => (&geo.arr_index, "arrondissement NIS code"),
        "judicial" => (&geo.judicial_index, "judicial arrondissement"),
        "elz" => (&geo.zone_index, "eerstelijnszone id"),
        "region" => {
            return match value {
                "flanders" => Ok(AreaRef::Region(Region::Flanders)),
                "brussels" => Ok(AreaRef::Region(Region::Brussels)),
                "wallonia" => Ok(AreaRef::Region(Region::Wallonia)),
                _ => Err(format!("unknown region `{value}`")),
            }
        }
        other => {
            return Err(format!(
                "unknown area kind `{other}` (use nis, province, arrondissement, judicial, elz, region)"
            ))
        }
    };
    let i = *index
        .get(value)
        .ok_or_else(|| format!("unknown {what} `{value}`"))?;
    Ok(match kind.trim() {
        "nis" => AreaRef::Municipality(i as u16),
        "province" => AreaRef::Province(i as u8),
        "arrondissement" => AreaRef::Arrondissement(i as u8),
        "judicial" => AreaRef::Judicial(i as u8),
        _ => AreaRef::Zone(i as u8),
    })
}

/// The postcodes in an address: four digits on their own, then a space and a capital letter
/// (`Straat 1, 8500 Kortrijk`).
fn address_postcodes(address: &str) -> Vec<u16> {
    let b = address.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(5) {
        let digits = &b[i..i + 4];
        let before = i.checked_sub(1).map(|j| b[j]);
        if digits.iter().all(u8::is_ascii_digit)
            && !before.is_some_and(|c| c.is_ascii_digit())
            && b[i + 4] == b' '
            && address[i + 5..].starts_with(|c: char| c.is_uppercase())
        {
            out.extend(address[i..i + 4].parse::<u16>().ok());
        }
    }
    out
}
