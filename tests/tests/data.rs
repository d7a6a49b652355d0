//! Data tests: what the core compiled in is what the data files say, and every place in them
//! gets an answer. The data files in `core/data/` are read here with the `csv` crate, as a source
//! independent of the core's build script: counts and expectations come from them, not from
//! numbers copied into the tests.

use std::collections::{BTreeMap, BTreeSet};

use hulpkompas_core::{Applies, Dataset, Outcome, DATA_DATE};
use hulpkompas_tests::data::{concept_ids, exists, records};

fn data() -> &'static Dataset {
    static D: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

/// `geo/postcodes.csv`: postcode → (municipality NIS, region, all municipalities of the postcode).
fn postcodes() -> BTreeMap<String, (String, String, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    for r in records("geo/postcodes.csv") {
        let all = r["postcode_all_municipality_nis"]
            .split(';')
            .map(String::from)
            .collect();
        let (nis, region) = (r["municipality_nis"].clone(), r["region"].clone());
        let prev = out.insert(r["postcode"].clone(), (nis.clone(), region, all));
        if let Some((prev_nis, ..)) = prev {
            assert_eq!(
                prev_nis, nis,
                "postcodes.csv: {} lies in two municipalities",
                r["postcode"]
            );
        }
    }
    out
}

#[test]
fn every_concept_file_is_compiled_in_with_its_sources_and_texts() {
    let mut ids: Vec<&str> = data().concepts().iter().map(|c| c.id).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        concept_ids(),
        "the concepts compiled in are the files of core/data/concepts/"
    );
    for c in data().concepts() {
        assert!(!c.sources.is_empty(), "{} has no source", c.id);
        for s in c.sources {
            assert!(
                s.url.starts_with("https://") || s.url.starts_with("http://"),
                "{}: source `{}` is no address",
                c.id,
                s.url
            );
            assert!(!s.date.is_empty(), "{}: source {} has no date", c.id, s.url);
        }
        for t in [c.name, c.summary, c.how] {
            assert!(
                !t.nl.is_empty() && !t.fr.is_empty() && !t.en.is_empty(),
                "{}: a text is missing a language: {t:?}",
                c.id
            );
        }
    }
}

#[test]
fn every_municipality_lies_in_the_zones_of_elz_csv_and_wallonia_in_none() {
    // elz.csv: one row per municipality and eerstelijnszone (Antwerpen: one per zone it is split over).
    let mut zones_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in records("geo/elz.csv") {
        zones_of
            .entry(r["municipality_nis"].clone())
            .or_default()
            .push(r["elz_name"].clone());
    }
    let mut names: Vec<&str> = data().zones().iter().map(|z| z.name).collect();
    names.sort_unstable();
    let mut want: Vec<&str> = zones_of.values().flatten().map(String::as_str).collect();
    want.sort_unstable();
    want.dedup();
    assert_eq!(names, want, "the zones compiled in are those of elz.csv");

    let municipalities = records("geo/municipalities.csv");
    assert_eq!(data().municipalities().len(), municipalities.len());
    for r in &municipalities {
        let nis = &r["municipality_nis"];
        let m = data()
            .municipality(nis)
            .unwrap_or_else(|| panic!("{nis} {} is not compiled in", r["name_nl"]));
        assert_eq!(m.region.id(), r["region"].to_lowercase(), "{nis}: region");
        let mut got: Vec<&str> = m.zones().map(|z| z.name).collect();
        got.sort_unstable();
        let mut want: Vec<&str> = zones_of
            .get(nis)
            .map(|z| z.iter().map(String::as_str).collect())
            .unwrap_or_default();
        want.sort_unstable();
        assert_eq!(got, want, "{nis} {}: zones", r["name_nl"]);
        if r["region"] == "Wallonia" {
            assert!(
                got.is_empty(),
                "{nis} {} is in Wallonia but in a zone",
                r["name_nl"]
            );
        } else {
            assert!(!got.is_empty(), "{nis} {} has no zone", r["name_nl"]);
        }
    }
}

#[test]
fn every_postcode_resolves_to_its_municipality() {
    let postcodes = postcodes();
    let mut compiled: Vec<String> = data()
        .localities()
        .iter()
        .map(|l| format!("{:04}", l.postcode))
        .collect();
    compiled.dedup();
    assert_eq!(
        compiled,
        postcodes.keys().cloned().collect::<Vec<_>>(),
        "the postcodes compiled in are those of postcodes.csv"
    );
    let concepts = concept_ids();
    for (pc, (nis, region, all)) in &postcodes {
        let a = data().lookup(pc);
        assert_eq!(a.outcome, Outcome::Found, "{pc}: {:?}", a.diagnostics);
        let place = a.place.as_ref().unwrap();
        assert_eq!(
            place.municipality.nis, nis,
            "{pc} → {}",
            place.municipality.name_nl
        );
        // Shared postcodes (1040, 1050) name the other municipalities too.
        let mut every: BTreeSet<String> = place.also.iter().map(|m| m.nis.to_string()).collect();
        every.insert(nis.clone());
        assert_eq!(&every, all, "{pc}: municipalities of the postcode");
        if region == "Wallonia" {
            assert_eq!(a.zones().count(), 0, "{pc} is in Wallonia but in a zone");
            assert!(
                a.diagnostics
                    .iter()
                    .any(|d| d.code() == "outside_flanders_brussels"),
                "{pc}: {:?}",
                a.diagnostics
            );
        } else {
            assert!(a.zones().count() >= 1, "{pc} has no eerstelijnszone");
        }
        let mut ids: Vec<&str> = a.concepts.iter().map(|c| c.concept.id).collect();
        ids.sort_unstable();
        assert_eq!(ids, concepts, "{pc}: every concept, once");
    }
}

#[test]
fn every_locality_and_municipality_name_resolves() {
    let finds = |name: &str, nis: &str| {
        let a = data().lookup(name);
        assert!(
            a.place
                .iter()
                .chain(a.candidates.iter())
                .any(|p| p.municipality.nis == nis),
            "`{name}` does not find {nis} ({:?})",
            a.diagnostics
        );
    };
    for r in records("geo/municipalities.csv") {
        finds(&r["name_nl"], &r["municipality_nis"]);
        finds(&r["name_fr"], &r["municipality_nis"]);
    }
    for r in records("geo/postcodes.csv") {
        if r["locality"].contains('\u{FFFD}') {
            continue; // a lost accent at the source: found with the accent typed, checked below
        }
        finds(&r["locality"], &r["municipality_nis"]);
    }
    // "Grivegn\u{FFFD}e" in postcodes.csv is found as typed with its accent.
    assert_eq!(
        data()
            .lookup("Grivegnée")
            .place
            .unwrap()
            .municipality
            .name_fr,
        "Liège"
    );
}

#[test]
fn every_former_municipality_leads_to_its_successor() {
    for r in records("geo/mergers.csv") {
        let a = data().lookup(&r["old_name"]);
        assert!(
            a.place
                .iter()
                .chain(a.candidates.iter())
                .any(|p| p.municipality.nis == r["new_nis"]),
            "{} ({}) does not lead to {} {}",
            r["old_name"],
            r["old_nis"],
            r["new_nis"],
            r["new_name"]
        );
    }
}

/// The offers of `core/data/offers/<concept>.csv`: (concept, row).
fn offer_rows() -> Vec<(String, BTreeMap<String, String>)> {
    let concepts = concept_ids();
    let mut out = Vec::new();
    for concept in &concepts {
        let file = format!("offers/{concept}.csv");
        if exists(&file) {
            out.extend(records(&file).into_iter().map(|r| (concept.clone(), r)));
        }
    }
    out
}

#[test]
fn every_offer_file_row_is_compiled_in_under_its_concept() {
    let rows = offer_rows();
    let mut want: Vec<&str> = rows.iter().map(|(_, r)| r["id"].as_str()).collect();
    want.sort_unstable();
    // Besides the rows of the offer files, each eerstelijnszone is an offer of its own concept.
    let (zones, listed): (Vec<_>, Vec<_>) = data()
        .offers()
        .iter()
        .partition(|o| o.concept().id == "eerstelijnszones-zorgraden");
    let mut got: Vec<&str> = listed.iter().map(|o| o.id.as_ref()).collect();
    got.sort_unstable();
    assert_eq!(
        got, want,
        "the offers compiled in are the rows of core/data/offers/*.csv"
    );
    let elz_names: BTreeSet<String> = records("geo/elz.csv")
        .into_iter()
        .map(|r| r["elz_name"].clone())
        .collect();
    assert_eq!(
        zones.len(),
        elz_names.len(),
        "one offer per eerstelijnszone of elz.csv"
    );
    for o in &zones {
        assert_eq!(o.serves.len(), 1, "{} serves one zone", o.id);
    }
    for (concept, r) in &rows {
        let o = listed.iter().find(|o| o.id == r["id"]).unwrap();
        assert_eq!(o.concept().id, concept, "{}: concept", o.id);
        assert_eq!(o.name, r["name"], "{}: name", o.id);
        let serves: Vec<&str> = r["serves"]
            .split(';')
            .filter(|s| !s.trim().is_empty())
            .collect();
        assert!(!serves.is_empty(), "{} serves nothing", o.id);
        assert_eq!(o.serves.len(), serves.len(), "{}: areas served", o.id);
        assert!(!o.sources.is_empty(), "{} has no source", o.id);
    }
}

#[test]
fn every_active_offer_is_shown_in_the_municipalities_it_serves() {
    // A postcode of each municipality, from postcodes.csv.
    let mut postcode_of: BTreeMap<String, String> = BTreeMap::new();
    for (pc, (nis, ..)) in postcodes() {
        postcode_of.entry(nis).or_insert(pc);
    }
    let mut checked = 0;
    for (concept, r) in offer_rows() {
        let current = data()
            .concept(&concept)
            .unwrap()
            .status
            .is_current(DATA_DATE);
        if r["status"] != "active" || !current {
            continue;
        }
        for nis in r["serves"]
            .split(';')
            .filter_map(|s| s.trim().strip_prefix("nis:"))
        {
            let pc = &postcode_of[nis];
            let a = data().lookup(pc);
            let shown = a
                .concept(&concept)
                .unwrap()
                .offers
                .iter()
                .any(|o| o.id == r["id"]);
            assert!(shown, "{} serves {nis} but is not shown for {pc}", r["id"]);
            checked += 1;
        }
    }
    assert!(checked > 0, "no offer serves a municipality by NIS code");
}

#[test]
fn every_current_offer_is_shown_somewhere() {
    // Offers may serve a zone, province, arrondissement or region: each current one shows up for
    // at least one postcode of postcodes.csv.
    let mut shown = BTreeSet::new();
    for pc in postcodes().keys() {
        for c in &data().lookup(pc).concepts {
            shown.extend(c.offers.iter().map(|o| o.id.to_string()));
        }
    }
    for o in data().offers() {
        if o.status.is_current(DATA_DATE) && o.concept().status.is_current(DATA_DATE) {
            assert!(
                shown.contains(o.id.as_ref()),
                "offer {} is never shown",
                o.id
            );
        }
    }
}

#[test]
fn ended_projects_are_never_current_offers() {
    let a = data().lookup("2400"); // Mol: lokale gezinscoaches pilot (ILV Baldemore) ended in 2023
    let c = a.concept("lokale-gezinscoaches").unwrap();
    assert_eq!(c.applies, Applies::Ended);
    assert!(c.offers.is_empty());
}

#[test]
fn special_postcodes_are_not_places() {
    let postcodes = postcodes();
    let special: Vec<String> = records("geo/special_postcodes.csv")
        .into_iter()
        .map(|r| r["postcode"].clone())
        .filter(|pc| !postcodes.contains_key(pc))
        .collect();
    assert!(!special.is_empty());
    for pc in special {
        let a = data().lookup(&pc);
        assert_eq!(a.outcome, Outcome::NotAPlace, "{pc}");
        let codes: Vec<&str> = a.diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["special_postcode"], "{pc}");
    }
}
