//! `local/`: where a person goes first, per municipality (issue 10). The researched files
//! `sociaal-huis.csv`, `huis-van-het-kind.csv`, `caw.csv` and `caw-areas.csv` (see
//! `core/data/local/README.md`), read into typed rows, checked (`file:line` for every problem) and
//! turned into the core's [`FirstStopTable`](crate::codec::FirstStopTable).
//!
//! What the build does to the research:
//! - only places that can be reached (a phone, a street or a web page) go in; a row with nothing
//!   to reach is left out (the answer then says the contact is not known, and the CAW follows);
//! - a web page stated without a scheme gets `https://`; a field holding anything but one URL is an
//!   error; hours in the machine format are parsed (an error when malformed);
//! - `source_date` (several dates separated by ` / ` or ` | `) becomes the newest date as stated
//!   (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), or `undated` when no part is an exact date (`c.2020`
//!   and `undated (…)` are not);
//! - a name that does not name the municipality gets it in parentheses (`Sociaal Huis (Niel)`);
//!   a reachable row with no name gets the institution's name (`OCMW van Sint-Pieters-Woluwe`);
//! - in `huis-van-het-kind.csv` a later row for a municipality (a later research round) replaces
//!   an earlier one.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::codec::{FirstStopTable, FIELD_RESERVED};
use crate::geo::Geo;
use crate::model::{Address, CawArea, FactConfidence, FirstStop, FirstStopKind, OpeningHours};
use crate::{read, text, At, Errors};

/// `local/sociaal-huis.csv`: a municipality's Sociaal Huis or OCMW social service.
#[derive(Debug, Deserialize)]
pub struct SociaalHuisRow {
    /// 5-digit NIS code.
    pub municipality_nis: String,
    /// `sociaal_huis`, `ocmw`, or empty when nothing was found.
    pub kind: String,
    /// Name as stated.
    pub name: String,
    /// French name (Brussels).
    pub name_fr: String,
    /// Street and number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub city: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// One web page (maybe without `https://`).
    pub website: String,
    /// Machine-readable hours (`MO-FR 09:00-12:00; MO 18:00-20:00`).
    pub hours: String,
    /// The hours in the source's words.
    pub hours_as_stated: String,
    /// Sources separated by ` | `.
    pub source_url: String,
    /// Dates of the sources.
    pub source_date: String,
    /// `high`, `medium`, `low`.
    pub confidence: String,
}

/// `local/huis-van-het-kind.csv`: the Huis van het Kind that serves a municipality.
#[derive(Debug, Deserialize)]
pub struct HuisVanHetKindRow {
    /// 5-digit NIS code.
    pub municipality_nis: String,
    /// Name as stated.
    pub name: String,
    /// Street and number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub city: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// One web page.
    pub website: String,
    /// Sources separated by ` | `.
    pub source_url: String,
    /// Dates of the sources.
    pub source_date: String,
    /// `high`, `medium`, `low`.
    pub confidence: String,
}

/// `local/caw.csv`: how to reach one CAW (the row with id `caw` is the CAWs' common site).
#[derive(Debug, Deserialize)]
pub struct CawRow {
    /// Stable id (`oost-vlaanderen`), used by `caw-areas.csv`.
    pub id: String,
    /// The name shown.
    pub name: String,
    /// Phone.
    pub phone: String,
    /// One web page.
    pub website: String,
    /// Chat page.
    pub chat: String,
    /// Street and number.
    pub street: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub city: String,
    /// Machine-readable hours.
    pub hours: String,
    /// The hours in the source's words.
    pub hours_as_stated: String,
    /// Sources separated by ` | `.
    pub source_url: String,
    /// Dates of the sources.
    pub source_date: String,
    /// `high`, `medium`, `low`.
    pub confidence: String,
}

/// `local/caw-areas.csv`: the CAW that serves a municipality.
#[derive(Debug, Deserialize)]
pub struct CawAreaRow {
    /// 5-digit NIS code.
    pub municipality_nis: String,
    /// The CAW as the source words it.
    pub caw: String,
    /// The CAW's id in `caw.csv`; empty when the source does not identify one of them.
    pub caw_id: String,
    /// `stated` or `area`.
    pub rule: String,
    /// Sources separated by ` | `.
    pub source_url: String,
    /// Dates of the sources.
    pub source_date: String,
    /// `high`, `medium`, `low`.
    pub confidence: String,
}

/// The id of the CAWs' common site in `caw.csv`.
pub(crate) const GENERAL_CAW: &str = "caw";

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn opt(s: &str) -> Option<&'static str> {
    (!s.is_empty()).then(|| leak(s))
}

/// One web page as one absolute URL: `www.x.be/a` → `https://www.x.be/a`.
pub(crate) fn website(s: &str) -> Result<String, String> {
    let s = s.trim();
    let schemes = s.matches("http://").count() + s.matches("https://").count();
    if s.contains(char::is_whitespace) || schemes > 1 || s.matches("www.").count() > 1 {
        return Err(format!("`{s}` is not one URL"));
    }
    let url = if s.starts_with("https://") || s.starts_with("http://") {
        s.to_string()
    } else if schemes == 0 {
        format!("https://{s}")
    } else {
        return Err(format!("`{s}` is not one URL"));
    };
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split('/')
        .next()
        .unwrap_or("");
    if !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err(format!("`{s}` has no host name"));
    }
    Ok(url)
}

/// The newest date among `YYYY-MM-DD`, `YYYY-MM`, `YYYY` parts, as stated, or `undated`.
pub(crate) fn source_date(s: &str) -> Result<String, String> {
    let mut best: Option<((u16, u8, u8), String)> = None;
    for part in s
        .split([' ', '|', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let nums: Vec<&str> = part.split('-').collect();
        let exact = nums
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            && nums[0].len() == 4
            && nums.len() <= 3
            && nums[1..].iter().all(|n| n.len() == 2);
        if !exact {
            continue;
        }
        let year: u16 = nums[0].parse().unwrap_or(0);
        let month: u8 = nums.get(1).map_or(0, |m| m.parse().unwrap_or(99));
        let day: u8 = nums.get(2).map_or(0, |d| d.parse().unwrap_or(99));
        if month > 12
            || (nums.len() == 3 && read::date(part).is_none())
            || !(1990..=2100).contains(&year)
        {
            return Err(format!("`{part}` is not a date"));
        }
        if best.as_ref().is_none_or(|(k, _)| (year, month, day) > *k) {
            best = Some(((year, month, day), part.to_string()));
        }
    }
    Ok(best.map_or("undated".to_string(), |(_, p)| p))
}

/// A row's common facts, checked.
struct Facts<'a> {
    name: &'a str,
    street: &'a str,
    postcode: &'a str,
    city: &'a str,
    phone: &'a str,
    email: &'a str,
    website: &'a str,
    chat: &'a str,
    hours: &'a str,
    hours_as_stated: &'a str,
    source_url: &'a str,
    source_date: &'a str,
    confidence: &'a str,
}

impl Facts<'_> {
    fn reachable(&self) -> bool {
        !self.phone.is_empty() || !self.street.is_empty() || !self.website.is_empty()
    }

    /// The first stop, or `None` (with errors) when a fact is malformed.
    fn stop(&self, at: &At, kind: FirstStopKind, errors: &mut Errors) -> Option<FirstStop> {
        let before = errors.0.len();
        for (field, v) in [
            ("name", self.name),
            ("street", self.street),
            ("phone", self.phone),
            ("email", self.email),
            ("hours_as_stated", self.hours_as_stated),
            ("source_url", self.source_url),
        ] {
            if v.contains(FIELD_RESERVED) {
                errors.push(at, format!("`{field}` holds a tab, a line break or `^`"));
            }
        }
        if self.name.is_empty() {
            errors.push(at, "a place to reach needs a `name`");
        }
        let confidence = FactConfidence::parse(self.confidence);
        if confidence.is_none() {
            errors.push(
                at,
                format!(
                    "confidence `{}` is not high, medium or low",
                    self.confidence
                ),
            );
        }
        let url = |v: &str, what: &str, errors: &mut Errors| -> Option<&'static str> {
            if v.is_empty() {
                return None;
            }
            match website(v) {
                Ok(u) => Some(leak(&u)),
                Err(e) => {
                    errors.push(at, format!("{what} {e}"));
                    None
                }
            }
        };
        let web = url(self.website, "website", errors);
        let chat = url(self.chat, "chat", errors);
        if !self.hours.is_empty() {
            if let Err(e) = OpeningHours::parse(self.hours) {
                errors.push(at, format!("hours `{}`: {e}", self.hours));
            }
        }
        if !self.email.is_empty() && (!self.email.contains('@') || self.email.contains(' ')) {
            errors.push(
                at,
                format!("email `{}` is not an e-mail address", self.email),
            );
        }
        let sources: Vec<&str> = self
            .source_url
            .split(" | ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if sources.is_empty() {
            errors.push(at, "a place to reach needs a `source_url`");
        }
        for s in &sources {
            if !(s.starts_with("https://") || s.starts_with("http://")) || s.contains(' ') {
                errors.push(
                    at,
                    format!("source `{s}` is not a URL (sources are separated by ` | `)"),
                );
            }
        }
        let date = match source_date(self.source_date) {
            Ok(d) => d,
            Err(e) => {
                errors.push(at, format!("source_date: {e}"));
                String::new()
            }
        };
        if errors.0.len() > before {
            return None;
        }
        Some(FirstStop {
            kind,
            name: leak(self.name).into(),
            name_fr: None,
            address: (!self.street.is_empty()).then(|| Address {
                street: leak(self.street),
                postcode: leak(self.postcode),
                city: leak(self.city),
            }),
            phone: opt(self.phone),
            email: opt(self.email),
            website: web,
            chat,
            hours: opt(self.hours),
            hours_text: if self.hours.is_empty() {
                opt(self.hours_as_stated)
            } else {
                None
            },
            confidence: confidence?,
            sources: sources.join(FirstStop::SOURCE_SEPARATOR).into(),
            source_date: leak(&date),
            provider: None,
        })
    }
}

/// `Sociaal Huis` in Niel → `Sociaal Huis (Niel)`.
fn with_municipality(name: &str, municipality: &str) -> String {
    if name.is_empty() || text::fold(name).contains(&text::fold(municipality)) {
        name.to_string()
    } else {
        format!("{name} ({municipality})")
    }
}

/// What `local/` holds, checked: the table, and the municipalities a row was left out for.
pub(crate) struct Local {
    pub table: FirstStopTable,
}

fn municipality(g: &Geo, at: &At, nis: &str, errors: &mut Errors) -> Option<usize> {
    let i = g.muni_index.get(nis).copied();
    match i {
        Some(i) if g.munis[i].region != "Wallonia" => Some(i),
        Some(_) => {
            errors.push(
                at,
                format!("municipality {nis} is in Wallonia: no Sociaal Huis or CAW there"),
            );
            None
        }
        None => {
            errors.push(at, format!("unknown municipality NIS code {nis}"));
            None
        }
    }
}

pub(crate) fn load(dir: &Path, g: &Geo, errors: &mut Errors) -> Local {
    let mut table = FirstStopTable::default();
    let mut local: BTreeMap<(usize, u8), FirstStop> = BTreeMap::new();

    // Sociaal Huis / OCMW: one row per Flemish and Brussels municipality.
    let file = "local/sociaal-huis.csv";
    if let Some(rows) = read::csv::<SociaalHuisRow>(dir, file, errors) {
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for (at, r) in &rows {
            let Some(mi) = municipality(g, at, &r.municipality_nis, errors) else {
                continue;
            };
            if let Some(line) = seen.insert(mi, at.line.unwrap_or(0)) {
                errors.push(
                    at,
                    format!(
                        "municipality {} already has a row (line {line})",
                        r.municipality_nis
                    ),
                );
                continue;
            }
            let kind = match r.kind.as_str() {
                "sociaal_huis" => FirstStopKind::SociaalHuis,
                "ocmw" => FirstStopKind::Ocmw,
                "" => FirstStopKind::Ocmw,
                k => {
                    errors.push(at, format!("kind `{k}` is not sociaal_huis or ocmw"));
                    continue;
                }
            };
            let m = &g.munis[mi];
            if kind == FirstStopKind::SociaalHuis && m.region == "Brussels" {
                errors.push(
                    at,
                    "Brussels has no Sociaal Huis: kind `ocmw` (the OCMW/CPAS)",
                );
            }
            // No name stated: the French one, else the institution's name by law (every
            // municipality has an OCMW, organic law of 8 July 1976, art. 1).
            let (name, name_fr) = match (r.name.as_str(), r.name_fr.as_str()) {
                ("", "") if kind == FirstStopKind::SociaalHuis => {
                    (format!("Sociaal Huis ({})", m.name_nl), String::new())
                }
                ("", "") => (format!("OCMW van {}", m.name_nl), String::new()),
                ("", fr) => (fr.to_string(), String::new()),
                (nl, fr) => (with_municipality(nl, &m.name_nl), fr.to_string()),
            };
            let facts = Facts {
                name: &name,
                street: &r.street,
                postcode: &r.postcode,
                city: &r.city,
                phone: &r.phone,
                email: &r.email,
                website: &r.website,
                chat: "",
                hours: &r.hours,
                hours_as_stated: &r.hours_as_stated,
                source_url: &r.source_url,
                source_date: &r.source_date,
                confidence: &r.confidence,
            };
            if !facts.reachable() {
                continue;
            }
            if r.kind.is_empty() {
                errors.push(at, "a place to reach needs a `kind` (sociaal_huis or ocmw)");
            }
            if let Some(mut stop) = facts.stop(at, kind, errors) {
                stop.name_fr = opt(&name_fr).map(Into::into);
                local.insert((mi, 1), stop);
            }
        }
        for (i, m) in g.munis.iter().enumerate() {
            if m.region != "Wallonia" && !seen.contains_key(&i) {
                errors.push(
                    &At::file(file),
                    format!(
                        "no row for municipality {} ({})",
                        m.municipality_nis, m.name_nl
                    ),
                );
            }
        }
    }

    // Huis van het Kind: at most one row per municipality.
    let file = "local/huis-van-het-kind.csv";
    if let Some(rows) = read::csv::<HuisVanHetKindRow>(dir, file, errors) {
        for (at, r) in &rows {
            let Some(mi) = municipality(g, at, &r.municipality_nis, errors) else {
                continue;
            };
            // A later row (a later research round) replaces an earlier one.
            local.remove(&(mi, 0));
            let name = with_municipality(&r.name, &g.munis[mi].name_nl);
            let facts = Facts {
                name: &name,
                street: &r.street,
                postcode: &r.postcode,
                city: &r.city,
                phone: &r.phone,
                email: &r.email,
                website: &r.website,
                chat: "",
                hours: "",
                hours_as_stated: "",
                source_url: &r.source_url,
                source_date: &r.source_date,
                confidence: &r.confidence,
            };
            if facts.reachable() {
                if let Some(stop) = facts.stop(at, FirstStopKind::HuisVanHetKind, errors) {
                    local.insert((mi, 0), stop);
                }
            }
        }
    }
    table.local = local
        .into_iter()
        .map(|((mi, _), s)| (mi as u16, s))
        .collect();

    // The CAWs, the common site last.
    let file = "local/caw.csv";
    let mut caw_index: HashMap<String, u8> = HashMap::new();
    let mut general = None;
    if let Some(rows) = read::csv::<CawRow>(dir, file, errors) {
        for (at, r) in &rows {
            if r.id.is_empty()
                || caw_index.contains_key(&r.id)
                || r.id == GENERAL_CAW && general.is_some()
            {
                errors.push(at, format!("CAW id `{}` is empty or not unique", r.id));
                continue;
            }
            let facts = Facts {
                name: &r.name,
                street: &r.street,
                postcode: &r.postcode,
                city: &r.city,
                phone: &r.phone,
                email: "",
                website: &r.website,
                chat: &r.chat,
                hours: &r.hours,
                hours_as_stated: &r.hours_as_stated,
                source_url: &r.source_url,
                source_date: &r.source_date,
                confidence: &r.confidence,
            };
            let Some(stop) = facts.stop(at, FirstStopKind::Caw, errors) else {
                continue;
            };
            if r.id == GENERAL_CAW {
                if stop.website.is_none() {
                    errors.push(at, "the CAWs' common site needs a `website`");
                }
                general = Some(stop);
            } else {
                caw_index.insert(r.id.clone(), table.caws.len() as u8);
                table.caws.push(stop);
            }
        }
        match general {
            Some(s) => table.caws.push(s),
            None => errors.push(
                &At::file(file),
                format!("no row with id `{GENERAL_CAW}` (the CAWs' common site)"),
            ),
        }
    }

    // Which CAW serves which municipality.
    let file = "local/caw-areas.csv";
    if let Some(rows) = read::csv::<CawAreaRow>(dir, file, errors) {
        let mut areas: BTreeMap<usize, CawArea> = BTreeMap::new();
        for (at, r) in &rows {
            let Some(mi) = municipality(g, at, &r.municipality_nis, errors) else {
                continue;
            };
            if !matches!(r.rule.as_str(), "stated" | "area") {
                errors.push(at, format!("rule `{}` is not stated or area", r.rule));
            }
            if r.caw_id.is_empty() {
                // The source does not identify one of the CAWs: left out (see GAPS.md).
                continue;
            }
            let Some(&caw) = caw_index.get(&r.caw_id) else {
                errors.push(
                    at,
                    format!("CAW `{}` ({}) is not in local/caw.csv", r.caw_id, r.caw),
                );
                continue;
            };
            let facts = Facts {
                name: &r.caw,
                street: "",
                postcode: "",
                city: "",
                phone: "",
                email: "",
                website: "",
                chat: "",
                hours: "",
                hours_as_stated: "",
                source_url: &r.source_url,
                source_date: &r.source_date,
                confidence: &r.confidence,
            };
            let Some(s) = facts.stop(at, FirstStopKind::Caw, errors) else {
                continue;
            };
            if areas.contains_key(&mi) {
                errors.push(
                    at,
                    format!("municipality {} already has a CAW", r.municipality_nis),
                );
                continue;
            }
            areas.insert(
                mi,
                CawArea {
                    municipality: mi as u16,
                    caw,
                    confidence: s.confidence,
                    sources: leak(&s.sources),
                    source_date: s.source_date,
                },
            );
        }
        table.areas = areas.into_values().collect();
    }
    Local { table }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websites_become_one_absolute_url() {
        assert_eq!(website("www.caw.be").unwrap(), "https://www.caw.be");
        assert_eq!(website("http://ocmwzele.be").unwrap(), "http://ocmwzele.be");
        assert_eq!(
            website(" https://www.x.be/a?b=1 ").unwrap(),
            "https://www.x.be/a?b=1"
        );
        assert!(website("www.a.be www.b.be").is_err());
        assert!(website("https://a.be | https://b.be").is_err());
        assert!(website("https://a.behttps://b.be").is_err());
        assert!(website("zie site").is_err());
        assert!(website("localhost").is_err());
    }

    #[test]
    fn source_dates_are_the_newest_as_stated() {
        assert_eq!(source_date("undated").unwrap(), "undated");
        assert_eq!(source_date("").unwrap(), "undated");
        assert_eq!(source_date("c.2020 / undated (c.2020)").unwrap(), "undated");
        assert_eq!(source_date("2019-06-19 / undated").unwrap(), "2019-06-19");
        assert_eq!(source_date("undated / 2020-04-03 / 2025").unwrap(), "2025");
        assert_eq!(source_date("2020 | 2020-03").unwrap(), "2020-03");
        assert_eq!(source_date("2022-10").unwrap(), "2022-10");
        assert!(source_date("2020-02-30").is_err());
        assert!(source_date("2020-13").is_err());
    }
}
