//! Data tests: the vendored dataset is complete and consistent.

use hulpkompas_core::{Applies, Dataset, Diagnostic, Outcome, Region};

fn data() -> Dataset {
    Dataset::builtin()
}

#[test]
fn fifteen_concepts_with_the_stable_ids_and_sources() {
    let d = data();
    let mut ids: Vec<&str> = d.concepts().iter().map(|c| c.id).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "1gezin1plan",
            "dak-thuisloosheid-netwerken",
            "eerstelijnszones-zorgraden",
            "fjc-veilig-huis-ketenaanpak-ifg",
            "gbo",
            "ggz-netwerken-kinderen-jongeren",
            "ggz-netwerken-volwassenen",
            "huizen-van-het-kind",
            "livc",
            "lokale-gezinscoaches",
            "overkop",
            "sociaal-huis",
            "stek",
            "vroeg-en-nabij",
            "zorgzame-buurten",
        ]
    );
    for c in d.concepts() {
        assert!(!c.sources.is_empty(), "{} has no source", c.id);
        for s in c.sources {
            assert!(
                s.url.starts_with("http"),
                "{}: source `{}` is no address",
                c.id,
                s.url
            );
            assert!(!s.date.is_empty(), "{}: source {} has no date", c.id, s.url);
        }
        for t in [c.name, c.summary, c.how] {
            assert!(
                !t.nl.is_empty() && !t.fr.is_empty() && !t.en.is_empty(),
                "{}: a text is missing a language",
                c.id
            );
        }
    }
}

#[test]
fn sixty_zones_and_every_flemish_and_brussels_municipality_in_exactly_one() {
    let d = data();
    assert_eq!(d.zones().len(), 60);
    let mut fl_bxl = 0;
    for m in d.municipalities() {
        let zones: Vec<_> = m.zones().collect();
        match m.region {
            Region::Wallonia => assert!(
                zones.is_empty(),
                "{} {} is in Wallonia but in a zone",
                m.nis,
                m.name_nl
            ),
            _ if m.nis == "11002" => {
                // Antwerpen is split over four zones by statistical sector: stated, not hidden.
                let mut names: Vec<&str> = zones.iter().map(|z| z.name).collect();
                names.sort();
                assert_eq!(
                    names,
                    [
                        "Antwerpen Centrum",
                        "Antwerpen Oost",
                        "Antwerpen Zuid",
                        "Noord Antwerpen"
                    ]
                );
                fl_bxl += 1;
            }
            _ => {
                assert_eq!(
                    zones.len(),
                    1,
                    "{} {} is in {} zones",
                    m.nis,
                    m.name_nl,
                    zones.len()
                );
                fl_bxl += 1;
            }
        }
    }
    assert_eq!(fl_bxl, 304, "285 Flemish + 19 Brussels municipalities");
    // Bruzel is exactly the 19 Brussels municipalities.
    let bruzel = d
        .municipalities()
        .iter()
        .filter(|m| m.zones().any(|z| z.id == "bruzel"))
        .count();
    assert_eq!(bruzel, 19);
}

#[test]
fn every_postcode_resolves_to_its_municipality() {
    let d = data();
    let mut postcodes: Vec<u16> = d.localities().iter().map(|l| l.postcode).collect();
    postcodes.dedup();
    assert_eq!(postcodes.len(), 1146);
    for pc in postcodes {
        let a = d.lookup(&format!("{pc:04}"));
        assert_eq!(a.outcome, Outcome::Found, "{pc:04}: {:?}", a.diagnostics);
        let place = a.place.as_ref().unwrap();
        let loc = d
            .localities()
            .iter()
            .find(|l| l.postcode == pc && l.main)
            .or_else(|| d.localities().iter().find(|l| l.postcode == pc))
            .unwrap();
        assert!(
            loc.all_municipalities()
                .any(|m| std::ptr::eq(m, place.municipality)),
            "{pc:04} → {}",
            place.municipality.name_nl
        );
        if place.region() != Region::Wallonia {
            assert!(a.zones().count() >= 1, "{pc:04} has no eerstelijnszone");
        } else {
            assert!(a
                .diagnostics
                .iter()
                .any(|d| matches!(d, Diagnostic::OutsideFlandersBrussels { .. })));
        }
        assert_eq!(a.concepts.len(), 15);
    }
}

#[test]
fn every_locality_and_municipality_name_resolves() {
    let d = data();
    for m in d.municipalities() {
        for name in [m.name_nl, m.name_fr] {
            let a = d.lookup(name);
            let found = a
                .place
                .iter()
                .chain(a.candidates.iter())
                .any(|p| std::ptr::eq(p.municipality, m));
            assert!(
                found,
                "`{name}` does not find {} ({:?})",
                m.nis, a.diagnostics
            );
        }
    }
    for l in d.localities() {
        if l.name.contains('\u{FFFD}') {
            continue; // a lost accent at the source: matched with `?`, checked below
        }
        let a = d.lookup(l.name);
        let found = a
            .place
            .iter()
            .chain(a.candidates.iter())
            .any(|p| std::ptr::eq(p.municipality, l.municipality()));
        assert!(
            found,
            "`{}` ({}) does not find {}",
            l.name,
            l.postcode,
            l.municipality().name_nl
        );
    }
    // A name with a lost accent at the source is found with the accent typed.
    let a = d.lookup("Grivegnée");
    assert_eq!(a.place.unwrap().municipality.name_fr, "Liège");
}

#[test]
fn merged_municipalities_resolve_to_their_successor() {
    let d = data();
    for m in d.mergers().iter().filter(|m| m.is_merger) {
        let a = d.lookup(m.old_name);
        let all: Vec<_> = a.place.iter().chain(a.candidates.iter()).collect();
        assert!(
            all.iter()
                .any(|p| std::ptr::eq(p.municipality, m.successor())),
            "{} ({}) does not lead to {}",
            m.old_name,
            m.old_nis,
            m.successor().name_nl
        );
        if m.date.year == 2025 {
            if let Some(p) = &a.place {
                // A merged name gets a note; a municipality that kept its name (Hasselt) does not.
                let renamed = hulpkompas_core::text::fold(m.old_name)
                    != hulpkompas_core::text::fold(m.successor().name_nl);
                if std::ptr::eq(p.municipality, m.successor()) {
                    assert_eq!(
                        a.diagnostics.iter().any(|d| d.code() == "merged"),
                        renamed,
                        "{}: merger note expected: {renamed}",
                        m.old_name
                    );
                }
            }
        }
    }
}

#[test]
fn every_offer_has_areas_a_source_and_a_concept() {
    let d = data();
    assert!(d.offers().len() > 100);
    for o in d.offers() {
        assert!(!o.serves.is_empty(), "{} serves nothing", o.id);
        assert!(!o.sources.is_empty(), "{} has no source", o.id);
        assert!(!o.name.is_empty());
        let _ = o.concept();
    }
}

#[test]
fn every_offer_is_found_where_it_says_it_works() {
    // Every current offer of a listed concept shows up for at least one Flemish or Brussels postcode.
    let d = data();
    let mut shown = std::collections::HashSet::new();
    let mut postcodes: Vec<u16> = d.localities().iter().map(|l| l.postcode).collect();
    postcodes.dedup();
    for pc in postcodes {
        let a = d.lookup(&format!("{pc:04}"));
        for c in &a.concepts {
            for o in &c.offers {
                shown.insert(o.id.to_string());
            }
        }
    }
    for o in d.offers() {
        if o.status.is_current(hulpkompas_core::DATA_DATE)
            && o.concept().status.is_current(hulpkompas_core::DATA_DATE)
        {
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
    let d = data();
    let a = d.lookup("2400"); // Mol: lokale gezinscoaches pilot (ILV Baldemore) ended in 2023
    let c = a.concept("lokale-gezinscoaches").unwrap();
    assert_eq!(c.applies, Applies::Ended);
    assert!(c.offers.is_empty());
}

#[test]
fn special_postcodes_are_not_places() {
    let d = data();
    for s in d.special_postcodes() {
        if d.localities().iter().any(|l| l.postcode == s.postcode) {
            continue;
        }
        let a = d.lookup(&format!("{:04}", s.postcode));
        assert_eq!(a.outcome, Outcome::NotAPlace, "{:04}", s.postcode);
        assert_eq!(a.diagnostics[0].code(), "special_postcode");
    }
}
