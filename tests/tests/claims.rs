//! Only true claims (issue 10, parts 4–7): what the answer says about a place never goes beyond
//! its sources. Every Flemish and Brussels municipality is looked up; expectations come from the
//! data files (read with the `csv` crate), not from numbers copied into the tests.

use std::collections::BTreeSet;

use hulpkompas_cli::json;
use hulpkompas_core::{Answer, Applies, Audience, Confidence, Dataset, Lang, Reason, Region};
use hulpkompas_tests::data::records;

fn data() -> &'static Dataset {
    static D: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

/// Every municipality of `regions` (municipalities.csv) with the answer for one of its postcodes.
fn answers(regions: &[&str]) -> Vec<(String, Answer<'static>)> {
    let postcodes = records("geo/postcodes.csv");
    let mut out = Vec::new();
    for m in records("geo/municipalities.csv") {
        if !regions.contains(&m["region"].as_str()) {
            continue;
        }
        let nis = &m["municipality_nis"];
        let answer = postcodes
            .iter()
            .filter(|p| &p["municipality_nis"] == nis)
            .map(|p| data().lookup(&p["postcode"]))
            .find(|a| a.place.as_ref().is_some_and(|p| p.municipality.nis == nis))
            .unwrap_or_else(|| panic!("no postcode of {nis} resolves to it"));
        out.push((nis.clone(), answer));
    }
    out
}

fn flemish_and_brussels() -> &'static [(String, Answer<'static>)] {
    static A: std::sync::OnceLock<Vec<(String, Answer<'static>)>> = std::sync::OnceLock::new();
    A.get_or_init(|| answers(&["Flanders", "Brussels"]))
}

/// The municipalities an offer file's rows serve through `nis:` and `elz:` areas (the ones these
/// tests need), from the CSV files.
fn served_by(concept: &str) -> BTreeSet<String> {
    let elz = records("geo/elz.csv");
    // The zone id an offer names (`elz:westkust-polder`) → the zone's name in elz.csv.
    let zone_name = |id: &str| {
        Dataset::builtin()
            .zones()
            .iter()
            .find(|z| z.id == id)
            .map(|z| z.name)
            .unwrap_or_else(|| panic!("{concept}: unknown zone id `{id}`"))
    };
    let mut out = BTreeSet::new();
    for r in records(&format!("offers/{concept}.csv")) {
        for area in r["serves"].split(';').map(str::trim) {
            match area.split_once(':') {
                Some(("nis", n)) => {
                    out.insert(n.to_string());
                }
                Some(("elz", z)) => {
                    let name = zone_name(z);
                    out.extend(
                        elz.iter()
                            .filter(|e| e["elz_name"] == name)
                            .map(|e| e["municipality_nis"].clone()),
                    )
                }
                other => panic!("{concept}: area {other:?} not handled by this test"),
            }
        }
    }
    out
}

// 1. Offers for professionals.

#[test]
fn an_offer_for_professionals_never_makes_a_concept_work_here() {
    for (nis, a) in flemish_and_brussels() {
        for c in &a.concepts {
            if let Reason::Offers(_) = c.reason {
                assert!(
                    c.offers.iter().any(|o| o.audience == Audience::Citizens),
                    "{nis}: {} works here through offers for professionals only",
                    c.concept.id
                );
            }
        }
    }
}

#[test]
fn brugge_has_no_veilig_huis_only_a_network_of_professionals() {
    let a = data().lookup("8000");
    let vh = a.concept("fjc-veilig-huis-ketenaanpak-ifg").unwrap();
    assert_ne!(vh.applies, Applies::Yes);
    assert!(matches!(vh.reason, Reason::ProfessionalsOnly(_)));
    assert!(vh
        .offers
        .iter()
        .all(|o| o.audience == Audience::Professionals));
    let place = a.place.as_ref().unwrap();
    assert!(vh.reason_text(place, Lang::Nl).contains("professionals"));
}

#[test]
fn veilig_huis_works_only_where_a_house_serves_the_place() {
    // Of West-Vlaanderen's municipalities, only those a house (not the ketenaanpak) serves.
    let houses: BTreeSet<String> = records("offers/fjc-veilig-huis-ketenaanpak-ifg.csv")
        .into_iter()
        .filter(|r| r["audience"] != "professionals" && r["status"] == "active")
        .flat_map(|r| {
            r["serves"]
                .split(';')
                .filter_map(|s| s.trim().strip_prefix("nis:").map(String::from))
                .collect::<Vec<_>>()
        })
        .collect();
    let west: Vec<&(String, Answer<'static>)> = flemish_and_brussels()
        .iter()
        .filter(|(nis, _)| nis.starts_with('3'))
        .collect();
    assert!(west.len() > 60);
    for (nis, a) in west {
        let yes = a
            .concept("fjc-veilig-huis-ketenaanpak-ifg")
            .unwrap()
            .applies
            == Applies::Yes;
        assert_eq!(yes, houses.contains(nis), "{nis}");
    }
}

#[test]
fn halle_takes_no_new_cases_and_is_not_shown_as_current() {
    let a = data().lookup("1500");
    let vh = a.concept("fjc-veilig-huis-ketenaanpak-ifg").unwrap();
    assert_eq!(vh.applies, Applies::Unknown);
    assert!(vh.offers.is_empty());
    let place = a.place.as_ref().unwrap();
    let text = vh.reason_text(place, Lang::Nl);
    assert!(
        text.contains("geen nieuwe dossiers") && text.contains("mei 2025"),
        "{text}"
    );
}

// 2. "Everywhere" only where a source says so.

#[test]
fn livc_r_is_not_said_to_work_everywhere() {
    for pc in ["8500", "1000", "4000"] {
        let a = data().lookup(pc);
        let c = a.concept("livc").unwrap();
        assert_eq!(c.applies, Applies::Unknown, "{pc}");
        let place = a.place.as_ref().unwrap();
        for lang in Lang::ALL {
            let t = c.reason_text(place, lang);
            assert!(
                !t.contains("elke gemeente") && !t.contains("every municipality"),
                "{t}"
            );
        }
    }
}

// 3. An ended project is "ended" only where it ran.

#[test]
fn an_ended_project_shows_as_ended_only_where_it_ran() {
    for concept in ["lokale-gezinscoaches", "zorgzame-buurten"] {
        let ran = served_by(concept);
        let mut ended = BTreeSet::new();
        for (nis, a) in flemish_and_brussels() {
            let c = a.concept(concept).unwrap();
            let place = a.place.as_ref().unwrap();
            match c.applies {
                Applies::Ended => {
                    ended.insert(nis.clone());
                }
                // Outside the concept's scope (Brussels for a Flemish project): "does not exist".
                Applies::No => assert!(matches!(c.reason, Reason::OutsideScope(_))),
                _ => {
                    assert!(
                        matches!(c.reason, Reason::EndedElsewhere(_)),
                        "{nis} {concept}"
                    );
                    let t = c.reason_text(place, Lang::Nl);
                    assert!(!t.contains("liep tot"), "{nis} {concept}: {t}");
                }
            }
            assert!(c.offers.is_empty(), "{nis} {concept}: an ended offer shown");
        }
        assert_eq!(ended, ran, "{concept}");
    }
    assert_eq!(served_by("lokale-gezinscoaches").len(), 8);
}

// 4. Websites.

#[test]
fn every_website_is_one_absolute_url() {
    let ok = |w: &str| {
        (w.starts_with("https://") || w.starts_with("http://"))
            && !w.contains(char::is_whitespace)
            && !w.contains('@')
            && !w.contains(';')
    };
    for z in data().zones() {
        if let Some(w) = z.website {
            assert!(ok(w), "zone {}: website {w:?}", z.id);
        }
    }
    for o in data().offers() {
        if let Some(w) = &o.website {
            assert!(ok(w), "offer {}: website {w:?}", o.id);
        }
    }
}

// 5. The adult mental-health networks: named where a source names them, for professionals.

#[test]
fn adult_mental_health_networks_are_for_professionals_and_named_where_sourced() {
    for o in data().offers_of("ggz-netwerken-volwassenen") {
        assert_eq!(o.audience, Audience::Professionals, "{}", o.id);
    }
    // The sourced (not low) rows of the research: their municipality shows a named network.
    let sourced: Vec<String> = records("local/ggz-volwassenen.csv")
        .into_iter()
        .filter(|r| r["confidence"] != "low")
        .map(|r| r["municipality_nis"].clone())
        .collect();
    assert!(sourced.len() >= 30);
    for (nis, a) in flemish_and_brussels() {
        let c = a.concept("ggz-netwerken-volwassenen").unwrap();
        if sourced.contains(nis) {
            assert!(!c.offers.is_empty(), "{nis}: no network named");
        }
    }
    // The leads (low): named, but only with the caveat, and never the reason for an answer.
    for (nis, a) in flemish_and_brussels() {
        for c in &a.concepts {
            if let Reason::Offers(via) | Reason::ProfessionalsOnly(via) = &c.reason {
                let reasons: Vec<_> = c
                    .offers
                    .iter()
                    .filter(|o| o.confidence != Confidence::Unconfirmed)
                    .collect();
                assert!(
                    !reasons.is_empty() && !via.is_empty(),
                    "{nis} {}",
                    c.concept.id
                );
            }
        }
    }
    let brugge = data().lookup("8000");
    let c = brugge.concept("ggz-netwerken-volwassenen").unwrap();
    let lead = c
        .offers
        .iter()
        .find(|o| o.confidence == Confidence::Unconfirmed)
        .expect("the Noord-West-Vlaanderen lead is named in Brugge");
    let v = serde_json::to_value(json::lookup("8000", &brugge, None, Lang::Nl)).unwrap();
    assert!(v.to_string().contains("\"unconfirmed\""));
    assert_eq!(
        lead.confidence.caveat(Lang::Nl),
        Some("niet recent bevestigd: kijk dit na voor je gaat")
    );
    let leuven = data().lookup("3000");
    let c = leuven.concept("ggz-netwerken-volwassenen").unwrap();
    assert!(c.offers.iter().any(|o| o.name.starts_with("Diletti")));
}

// 6. What a citizen cannot walk into.

#[test]
fn partnerships_of_professionals_are_not_counted_as_services_for_you() {
    let not_for_citizens = [
        "livc",
        "eerstelijnszones-zorgraden",
        "1gezin1plan",
        "vroeg-en-nabij",
    ];
    for (nis, a) in flemish_and_brussels() {
        for c in &a.concepts {
            let pro = not_for_citizens.contains(&c.concept.id);
            assert_eq!(c.for_citizens(), !pro, "{nis} {}", c.concept.id);
            if pro {
                assert!(!c.works_for_citizens());
            }
        }
        let yes = a.concepts.iter().filter(|c| c.applies == Applies::Yes);
        assert_eq!(
            a.working_for_citizens(),
            yes.filter(|c| !not_for_citizens.contains(&c.concept.id))
                .count()
        );
    }
    let a = data().lookup("8500");
    let place = a.place.as_ref().unwrap();
    let v = serde_json::to_value(json::lookup("8500", &a, None, Lang::Nl)).unwrap();
    let elz = v["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "eerstelijnszones-zorgraden")
        .unwrap();
    assert_eq!(elz["applies"], "yes");
    assert_eq!(elz["for_citizens"], false);
    assert!(
        a.working_for_citizens()
            < a.concepts
                .iter()
                .filter(|c| c.applies == Applies::Yes)
                .count()
    );
    assert_eq!(place.municipality.nis, "34022");
}

// 7. Texts.

#[test]
fn french_never_says_a_le_and_dutch_explains_ocmw_and_caw() {
    for (nis, a) in flemish_and_brussels().iter().step_by(7) {
        let place = a.place.as_ref().unwrap();
        for c in &a.concepts {
            let fr = c.reason_text(place, Lang::Fr);
            for wrong in ["à le ", "à les ", "Demandez à le", "de le "] {
                assert!(!fr.contains(wrong), "{nis} {}: {fr}", c.concept.id);
            }
            let nl = c.reason_text(place, Lang::Nl);
            if nl.contains("CAW") {
                assert!(nl.contains("(Centrum Algemeen Welzijnswerk)"), "{nl}");
            }
            if nl.contains("OCMW") {
                assert!(nl.contains("de sociale dienst van je gemeente"), "{nl}");
            }
        }
    }
}

#[test]
fn english_answers_use_english_and_french_names() {
    for (pc, name) in [
        ("4000", "4000 Liège"),
        ("7000", "7000 Mons"),
        ("5000", "5000 Namur"),
        ("1000", "1000 Brussels"),
        ("9000", "9000 Ghent"),
        ("8000", "8000 Bruges"),
        ("3000", "3000 Leuven"),
        ("8500", "8500 Kortrijk"),
    ] {
        let a = data().lookup(pc);
        let place = a.place.as_ref().unwrap();
        assert_eq!(place.label(Lang::En), name);
        for c in &a.concepts {
            let t = c.reason_text(place, Lang::En);
            assert!(
                !t.contains("Luik") && !t.contains("Bergen") && !t.contains("Namen"),
                "{t}"
            );
        }
        for area in &a.areas {
            assert!(
                !["Luik", "Henegouwen", "Namen"].contains(&area.name.en),
                "{pc}: {}",
                area.name.en
            );
        }
    }
    assert_eq!(
        data().lookup("Antwerpen").place.unwrap().label(Lang::En),
        "Antwerp"
    );
}

#[test]
fn walloon_cards_do_not_send_people_to_a_sociaal_huis_or_a_caw() {
    for (nis, a) in answers(&["Wallonia"]).iter().step_by(13) {
        let place = a.place.as_ref().unwrap();
        assert_eq!(place.region(), Region::Wallonia);
        for c in &a.concepts {
            for lang in Lang::ALL {
                for t in [c.reason_text(place, lang), c.how_text(place, lang)] {
                    assert!(
                        !t.contains("Sociaal Huis") && !t.contains("CAW"),
                        "{nis} {} {lang:?}: {t}",
                        c.concept.id
                    );
                }
            }
        }
    }
}

#[test]
fn dutch_concept_texts_explain_ocmw_caw_and_clb() {
    // Every Dutch summary or "how" that names the OCMW, the CAW or the CLB says plainly what it is.
    let explained = [
        ("OCMW", "de sociale dienst van je gemeente"),
        ("CAW", "(Centrum Algemeen Welzijnswerk)"),
        ("CLB", "(Centrum voor Leerlingenbegeleiding)"),
    ];
    for c in data().concepts() {
        for t in [c.summary.nl, c.how.nl] {
            for (abbr, plain) in explained {
                if t.contains(abbr) {
                    assert!(t.contains(plain), "{}: {abbr} not explained: {t}", c.id);
                }
            }
        }
    }
}

// 8. The names people type.

/// The municipality `input` resolves to, and whether the lookup had to correct a typo.
fn resolves(input: &str) -> (Option<&'static str>, bool) {
    let a = data().lookup(input);
    let corrected = a.diagnostics.iter().any(|d| d.code() == "corrected");
    (a.place.map(|p| p.municipality.nis), corrected)
}

#[test]
fn every_name_of_municipalities_csv_and_exonyms_csv_resolves_exactly() {
    let mut names: Vec<(String, String)> = Vec::new();
    for m in records("geo/municipalities.csv") {
        names.push((m["name_nl"].clone(), m["municipality_nis"].clone()));
        names.push((m["name_fr"].clone(), m["municipality_nis"].clone()));
        // "Sint-Niklaas" → "St-Niklaas", "St.-Niklaas", "St Niklaas"; "Sainte-Ode" → "Ste-Ode".
        for (long, shorts) in [
            ("Sint-", &["St-", "St.-", "St "][..]),
            ("Saint-", &["St-", "St."][..]),
            ("Sainte-", &["Ste-"][..]),
        ] {
            for name in [&m["name_nl"], &m["name_fr"]] {
                if let Some(rest) = name.strip_prefix(long) {
                    for s in shorts {
                        names.push((format!("{s}{rest}"), m["municipality_nis"].clone()));
                    }
                }
            }
        }
    }
    for e in records("geo/exonyms.csv") {
        names.push((e["name"].clone(), e["municipality_nis"].clone()));
    }
    let mut wrong = Vec::new();
    for (name, nis) in &names {
        let (got, corrected) = resolves(name);
        // A name shared with a locality elsewhere still finds its municipality first.
        if got != Some(nis.as_str()) || corrected {
            wrong.push(format!(
                "{name}: {got:?} (corrected: {corrected}), want {nis}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(names.len() > 1200);
}

#[test]
fn a_postcode_with_a_country_letter_is_the_postcode() {
    for input in ["B8500", "B-8500", "B 8500", "b8500", "BE8500", "BE-8500"] {
        assert_eq!(resolves(input), (Some("34022"), false), "{input}");
    }
}
