//! `geo/`: municipalities and their areas, zones, localities, special postcodes, mergers.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::codec::{FIELD_RESERVED, LOCALITY_RESERVED, MAX_ZONES};
use crate::model::Date;
use crate::read;
use crate::rows::*;
use crate::{At, Errors};

/// A name in Dutch and French.
pub(crate) type Names = (String, String);

/// A locality, checked and resolved.
pub(crate) struct Loc {
    pub postcode: u16,
    pub name: String,
    pub main: bool,
    pub municipality: u16,
    pub also: Option<u16>,
    pub zones: Vec<u8>,
    pub walloon: bool,
}

/// A former municipality, resolved to the one that exists today.
pub(crate) struct Former {
    pub old_nis: String,
    pub old_name: String,
    pub new: u16,
    pub date: Date,
    pub is_merger: bool,
}

/// A zone and its zorgraad (name, website, source; empty where unknown).
pub(crate) struct ZoneOut {
    pub id: String,
    pub name: String,
    pub zorgraad: String,
    pub website: String,
    pub email: String,
    pub source: String,
}

/// Another name of a municipality (`geo/exonyms.csv`), checked.
pub(crate) struct Exonym {
    pub name: String,
    /// Index of the municipality.
    pub municipality: usize,
    /// English answers use this name.
    pub display_en: bool,
}

pub(crate) struct Geo {
    /// Other names people type.
    pub exonyms: Vec<Exonym>,
    /// Sorted by NIS code.
    pub munis: Vec<MunicipalityRow>,
    /// The zones of each municipality (zone indices, in file order).
    pub muni_zones: Vec<Vec<u8>>,
    pub provinces: BTreeMap<String, Names>,
    pub arrs: BTreeMap<String, Names>,
    pub judicials: BTreeMap<String, Names>,
    pub zones: Vec<ZoneOut>,
    pub muni_index: HashMap<String, usize>,
    pub province_index: HashMap<String, usize>,
    pub arr_index: HashMap<String, usize>,
    pub judicial_index: HashMap<String, usize>,
    pub zone_index: HashMap<String, usize>,
    /// Sorted by postcode, then name.
    pub localities: Vec<Loc>,
    /// Every regular postcode (of a locality).
    pub postcodes: BTreeSet<u16>,
    /// Sorted.
    pub specials: Vec<(u16, String)>,
    pub mergers: Vec<Former>,
}

/// `Westkust&Polder` → `westkust-polder`.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// Five digits.
fn is_nis(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_region(s: &str) -> bool {
    matches!(s, "Flanders" | "Brussels" | "Wallonia")
}

fn index_of<V>(map: &BTreeMap<String, V>) -> HashMap<String, usize> {
    map.keys()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect()
}

/// `None` when a file the rest depends on (municipalities, zones) cannot be read.
pub(crate) fn load(dir: &Path, errors: &mut Errors) -> Option<Geo> {
    // Municipalities, provinces, arrondissements, judicial arrondissements.
    let mut munis: Vec<(At, MunicipalityRow)> = read::csv(dir, "geo/municipalities.csv", errors)?;
    munis.sort_by(|a, b| a.1.municipality_nis.cmp(&b.1.municipality_nis));
    let mut provinces = BTreeMap::new();
    let mut arrs = BTreeMap::new();
    let mut judicials = BTreeMap::new();
    let mut muni_index = HashMap::new();
    for (i, (at, r)) in munis.iter().enumerate() {
        let nis = &r.municipality_nis;
        if !is_nis(nis) {
            errors.push(
                at,
                format!("municipality_nis `{nis}` is not a 5-digit NIS code"),
            );
        }
        if muni_index.insert(nis.clone(), i).is_some() {
            errors.push(at, format!("duplicate municipality {nis}"));
        }
        if !is_region(&r.region) {
            errors.push(at, format!("unknown region `{}`", r.region));
        }
        if !r.province_nis.is_empty() {
            provinces.insert(
                r.province_nis.clone(),
                (r.province_nl.clone(), r.province_fr.clone()),
            );
        }
        arrs.insert(
            r.arrondissement_nis.clone(),
            (r.arrondissement_nl.clone(), r.arrondissement_fr.clone()),
        );
        judicials.insert(
            r.judicial_arrondissement_id.clone(),
            (
                r.judicial_arrondissement_nl.clone(),
                r.judicial_arrondissement_fr.clone(),
            ),
        );
        for (f, v) in [("name_nl", &r.name_nl), ("name_fr", &r.name_fr)] {
            if v.contains(FIELD_RESERVED) {
                errors.push(at, format!("{f} contains a tab, a line break or `^`"));
            }
        }
    }
    let province_index = index_of(&provinces);
    let arr_index = index_of(&arrs);
    let judicial_index = index_of(&judicials);

    // Zones and zorgraden.
    let elz: Vec<(At, ElzRow)> = read::csv(dir, "geo/elz.csv", errors)?;
    let mut zone_names: BTreeMap<String, String> = BTreeMap::new(); // id -> name
    let mut muni_zone_ids: HashMap<String, Vec<String>> = HashMap::new();
    for (at, r) in &elz {
        let id = slug(&r.elz_name);
        if id.is_empty() {
            errors.push(at, "empty elz_name");
            continue;
        }
        zone_names.insert(id.clone(), r.elz_name.clone());
        if !muni_index.contains_key(&r.municipality_nis) {
            errors.push(
                at,
                format!("unknown municipality NIS code `{}`", r.municipality_nis),
            );
        }
        let zones = muni_zone_ids.entry(r.municipality_nis.clone()).or_default();
        if !zones.is_empty() && r.partial != "yes" {
            errors.push(
                at,
                format!(
                    "municipality {} is in more than one zone but not marked partial",
                    r.municipality_nis
                ),
            );
        }
        zones.push(id);
    }
    let zone_index = index_of(&zone_names);
    let mut zorgraden: HashMap<String, (String, String, String, String)> = HashMap::new();
    let zr: Vec<(At, ZorgraadRow)> =
        read::csv(dir, "geo/zorgraden.csv", errors).unwrap_or_default();
    for (at, r) in &zr {
        let id = slug(&r.elz_name);
        if !zone_index.contains_key(&id) {
            errors.push(
                at,
                format!("unknown zone `{}` (not in elz.csv)", r.elz_name),
            );
            continue;
        }
        if let Some(e) = read::website_problem(&r.website) {
            errors.push(at, e);
        }
        if let Some(e) = read::email_problem(&r.email) {
            errors.push(at, e);
        }
        // Rows of low confidence are leads, not facts: not shown.
        if r.name.is_empty() || r.confidence == "low" {
            continue;
        }
        let website = r.website.trim().to_string();
        let source = r
            .source
            .split(" ; ")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        zorgraden.insert(
            id,
            (r.name.clone(), website, r.email.trim().to_string(), source),
        );
    }
    let zones = zone_names
        .iter()
        .map(|(id, name)| {
            let (zorgraad, website, email, source) = zorgraden.get(id).cloned().unwrap_or_default();
            ZoneOut {
                id: id.clone(),
                name: name.clone(),
                zorgraad,
                website,
                email,
                source,
            }
        })
        .collect();

    // Every municipality's zones.
    let mut muni_zones = Vec::with_capacity(munis.len());
    for (at, r) in &munis {
        let nis = &r.municipality_nis;
        let zones: Vec<u8> = muni_zone_ids
            .get(nis)
            .map(|z| z.iter().map(|id| zone_index[id] as u8).collect())
            .unwrap_or_default();
        if r.region != "Wallonia" && zones.is_empty() {
            errors.push(
                at,
                format!(
                    "Flemish or Brussels municipality {nis} {} is in no eerstelijnszone (geo/elz.csv)",
                    r.name_nl
                ),
            );
        }
        if r.region == "Wallonia" && !zones.is_empty() {
            errors.push(
                at,
                format!("Walloon municipality {nis} is in an eerstelijnszone"),
            );
        }
        if zones.len() > MAX_ZONES {
            errors.push(
                at,
                format!(
                    "municipality {nis} lies in more than four zones: the table cannot hold it"
                ),
            );
        }
        muni_zones.push(zones);
    }

    let districts: Vec<(At, DistrictRow)> =
        read::csv(dir, "geo/elz_antwerpen_deelgemeenten.csv", errors).unwrap_or_default();
    let localities = localities(dir, &muni_index, &zone_index, &districts, errors);
    let specials = specials(dir, errors);
    let mergers = mergers(dir, &muni_index, errors);

    let exonyms = exonyms(dir, &munis, &muni_index, &localities, &mergers, errors);

    Some(Geo {
        exonyms,
        munis: munis.into_iter().map(|(_, r)| r).collect(),
        muni_zones,
        provinces,
        arrs,
        judicials,
        zones,
        muni_index,
        province_index,
        arr_index,
        judicial_index,
        zone_index,
        postcodes: localities.iter().map(|l| l.postcode).collect(),
        localities,
        specials,
        mergers,
    })
}

fn localities(
    dir: &Path,
    muni_index: &HashMap<String, usize>,
    zone_index: &HashMap<String, usize>,
    districts: &[(At, DistrictRow)],
    errors: &mut Errors,
) -> Vec<Loc> {
    let mut locs: Vec<(At, PostcodeRow)> =
        read::csv(dir, "geo/postcodes.csv", errors).unwrap_or_default();
    locs.sort_by(|a, b| {
        (a.1.postcode.as_str(), a.1.locality.as_str())
            .cmp(&(b.1.postcode.as_str(), b.1.locality.as_str()))
    });
    let mut out = Vec::with_capacity(locs.len());
    for (at, r) in &locs {
        let Ok(pc) = r.postcode.parse::<u16>() else {
            errors.push(at, format!("postcode `{}` is not a number", r.postcode));
            continue;
        };
        if r.postcode.len() != 4 {
            errors.push(
                at,
                format!("postcode `{}` does not have 4 digits", r.postcode),
            );
        }
        if !is_region(&r.region) {
            errors.push(at, format!("unknown region `{}`", r.region));
        }
        let Some(&mi) = muni_index.get(&r.municipality_nis) else {
            errors.push(
                at,
                format!("unknown municipality NIS code `{}`", r.municipality_nis),
            );
            continue;
        };
        let mut all = Vec::new();
        for nis in r
            .postcode_all_municipality_nis
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match muni_index.get(nis) {
                Some(&i) => all.push(i),
                None => errors.push(
                    at,
                    format!(
                        "unknown municipality NIS code `{nis}` in postcode_all_municipality_nis"
                    ),
                ),
            }
        }
        if !all.contains(&mi) {
            all.insert(0, mi);
        }
        let mut zones: Vec<u8> = Vec::new();
        for (_, d) in districts {
            if d.municipality_nis_2025 != r.municipality_nis {
                continue;
            }
            let pcs: Vec<&str> = d
                .bpost_postcodes_with_same_locality_name
                .split(';')
                .map(str::trim)
                .collect();
            let dname = d.deelgemeente_name.to_lowercase();
            let lname = r.locality.to_lowercase();
            let name_match = dname == lname || dname.split('-').any(|p| p == lname);
            if pcs.contains(&r.postcode.as_str()) && name_match {
                for z in d.elz_zones.split(';') {
                    let zname = z.split(" (").next().unwrap_or("").trim();
                    match zone_index.get(&slug(zname)) {
                        Some(&zi) if !zones.contains(&(zi as u8)) => zones.push(zi as u8),
                        Some(_) => {}
                        None => errors.push(
                            at,
                            format!("unknown zone `{zname}` in elz_antwerpen_deelgemeenten.csv"),
                        ),
                    }
                }
            }
        }
        zones.sort();
        if zones.len() > MAX_ZONES || all.len() > 2 {
            errors.push(at, "a locality lies in more than four zones or two municipalities: the table cannot hold it");
        }
        if r.locality.contains(LOCALITY_RESERVED) {
            errors.push(
                at,
                "a locality name contains a tab, a line break, `;`, `*` or `#`",
            );
        }
        out.push(Loc {
            postcode: pc,
            name: r.locality.clone(),
            main: r.bpost_main_locality == "yes",
            municipality: mi as u16,
            also: all.iter().find(|&&i| i != mi).map(|&i| i as u16),
            zones,
            walloon: r.region == "Wallonia",
        });
    }
    out
}

fn specials(dir: &Path, errors: &mut Errors) -> Vec<(u16, String)> {
    let rows: Vec<(At, SpecialPostcodeRow)> =
        read::csv(dir, "geo/special_postcodes.csv", errors).unwrap_or_default();
    let mut specials: Vec<(u16, String)> = rows
        .into_iter()
        .filter_map(|(at, r)| match r.postcode.parse::<u16>() {
            Ok(_) if r.postcode.len() != 4 => {
                errors.push(
                    &at,
                    format!("postcode `{}` does not have 4 digits", r.postcode),
                );
                None
            }
            Ok(pc) => Some((pc, r.name)),
            Err(_) => {
                errors.push(&at, format!("postcode `{}` is not a number", r.postcode));
                None
            }
        })
        .collect();
    specials.sort();
    specials
}

/// Mergers: follow chains to the municipality that exists today.
fn mergers(dir: &Path, muni_index: &HashMap<String, usize>, errors: &mut Errors) -> Vec<Former> {
    let rows: Vec<(At, MergerRow)> = read::csv(dir, "geo/mergers.csv", errors).unwrap_or_default();
    let next: HashMap<&str, &str> = rows
        .iter()
        .map(|(_, r)| (r.old_nis.as_str(), r.new_nis.as_str()))
        .collect();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (at, r) in &rows {
        if !is_nis(&r.old_nis) {
            errors.push(
                at,
                format!("old_nis `{}` is not a 5-digit NIS code", r.old_nis),
            );
        }
        if !seen.insert(r.old_nis.as_str()) {
            errors.push(at, format!("old_nis {} appears twice", r.old_nis));
        }
        let mut nis = r.new_nis.as_str();
        let mut hops = 0;
        while !muni_index.contains_key(nis) && hops < 5 {
            match next.get(nis) {
                Some(n) => nis = n,
                None => break,
            }
            hops += 1;
        }
        let Some(&mi) = muni_index.get(nis) else {
            errors.push(
                at,
                format!(
                    "successor `{}` of {} does not exist today",
                    r.new_nis, r.old_nis
                ),
            );
            continue;
        };
        let Some(date) = read::date(&r.date) else {
            errors.push(at, format!("date `{}` is not a date (YYYY-MM-DD)", r.date));
            continue;
        };
        if r.old_nis == nis {
            continue; // Antwerpen absorbed Borsbeek and kept its code: not a former municipality
        }
        out.push(Former {
            old_nis: r.old_nis.clone(),
            old_name: r.old_name.clone(),
            new: mi as u16,
            date,
            is_merger: r.change_type == "merger",
        });
    }
    out
}

/// `geo/exonyms.csv` (optional): other names people type. A name must not be the name of another
/// place (it would send someone to the wrong place) nor a plain spelling of its own municipality.
fn exonyms(
    dir: &Path,
    munis: &[(At, MunicipalityRow)],
    muni_index: &HashMap<String, usize>,
    localities: &[Loc],
    mergers: &[Former],
    errors: &mut Errors,
) -> Vec<Exonym> {
    use crate::text::fold;
    if !dir.join("geo/exonyms.csv").exists() {
        return Vec::new();
    }
    let rows: Vec<(At, ExonymRow)> = read::csv(dir, "geo/exonyms.csv", errors).unwrap_or_default();
    let mut out: Vec<Exonym> = Vec::new();
    for (at, r) in rows {
        let Some(&mi) = muni_index.get(&r.municipality_nis) else {
            errors.push(
                &at,
                format!("unknown municipality NIS code `{}`", r.municipality_nis),
            );
            continue;
        };
        if !matches!(r.lang.as_str(), "nl" | "fr" | "en") {
            errors.push(&at, format!("lang `{}`: use nl, fr or en", r.lang));
        }
        let display_en = match r.display.as_str() {
            "yes" if r.lang == "en" => true,
            "yes" => {
                errors.push(&at, "display = yes only for an English name (lang = en)");
                false
            }
            "" | "no" => false,
            other => {
                errors.push(&at, format!("display `{other}`: use yes or no"));
                false
            }
        };
        if r.source.trim().is_empty() {
            errors.push(&at, "source is empty: every name needs a source");
        } else if let Some(e) = read::website_problem(&r.source) {
            errors.push(&at, format!("source: {e}"));
        }
        if !matches!(r.confidence.as_str(), "high" | "medium") {
            errors.push(
                &at,
                format!(
                    "confidence `{}`: use high or medium (low names are not used)",
                    r.confidence
                ),
            );
            continue;
        }
        let f = fold(&r.name);
        if f.is_empty() {
            errors.push(&at, "name is empty");
            continue;
        }
        let (own_nl, own_fr) = (&munis[mi].1.name_nl, &munis[mi].1.name_fr);
        let other_muni = munis
            .iter()
            .enumerate()
            .find(|(j, (_, m))| *j != mi && (fold(&m.name_nl) == f || fold(&m.name_fr) == f));
        let other_loc = localities
            .iter()
            .find(|l| l.municipality as usize != mi && fold(&l.name) == f);
        let other_former = mergers
            .iter()
            .find(|m| m.new as usize != mi && fold(&m.old_name) == f);
        if let Some((_, (_, m))) = other_muni {
            errors.push(
                &at,
                format!(
                    "`{}` is also the name of municipality {} {}",
                    r.name, m.municipality_nis, m.name_nl
                ),
            );
        } else if let Some(l) = other_loc {
            errors.push(
                &at,
                format!(
                    "`{}` is also the name of locality {} {}",
                    r.name, l.postcode, l.name
                ),
            );
        } else if let Some(m) = other_former {
            errors.push(
                &at,
                format!(
                    "`{}` is also the name of former municipality {} {}",
                    r.name, m.old_nis, m.old_name
                ),
            );
        } else if !display_en && (fold(own_nl) == f || fold(own_fr) == f) {
            errors.push(
                &at,
                format!(
                    "`{}` is already a name of {} in municipalities.csv",
                    r.name, r.municipality_nis
                ),
            );
        }
        if display_en && out.iter().any(|e| e.municipality == mi && e.display_en) {
            errors.push(&at, "a second English display name for this municipality");
        }
        out.push(Exonym {
            name: r.name.trim().to_string(),
            municipality: mi,
            display_en,
        });
    }
    out
}
