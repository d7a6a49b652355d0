//! Golden lookups: real postcodes and names with the answer a social worker would give.
//! The cases are in `tests/golden/lookup.csv` (input, outcome, NIS, zones, diagnostic codes).

use hulpkompas_core::{Dataset, Outcome};

fn split(s: &str) -> Vec<&str> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// A minimal CSV reader for the golden file: quoted fields are not used there.
fn rows() -> Vec<Vec<String>> {
    let text = include_str!("../golden/lookup.csv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').map(String::from).collect())
        .collect()
}

#[test]
fn golden_lookups() {
    let data = Dataset::builtin();
    let mut failures = Vec::new();
    for (i, row) in rows().iter().enumerate() {
        let (input, outcome, nis, zones, diags) = (&row[0], &row[1], &row[2], &row[3], &row[4]);
        let a = data.lookup(input);
        let got_outcome = match a.outcome {
            Outcome::Found => "found",
            Outcome::Ambiguous => "ambiguous",
            Outcome::NotAPlace => "not_a_place",
        };
        let got_nis = a.place.as_ref().map(|p| p.municipality.nis).unwrap_or("");
        let mut got_zones: Vec<&str> = a.zones().map(|z| z.id).collect();
        got_zones.sort();
        let got_diags: Vec<&str> = a.diagnostics.iter().map(|d| d.code()).collect();
        let mut want_diags = split(diags);
        want_diags.sort();
        let mut gd = got_diags.clone();
        gd.sort();
        if got_outcome != outcome || got_nis != nis || got_zones != split(zones) || gd != want_diags
        {
            failures.push(format!(
                "line {}: `{input}`\n   want {outcome} {nis} {:?} {:?}\n   got  {got_outcome} {got_nis} {got_zones:?} {got_diags:?}",
                i + 2,
                split(zones),
                want_diags
            ));
        }
        // Every answer that is no place says why, in all three languages.
        if a.outcome == Outcome::NotAPlace {
            for lang in hulpkompas_core::Lang::ALL {
                assert!(!a.diagnostics[0].message(lang).is_empty());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden lookup(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn answers_outside_flanders_say_which_concepts_still_apply() {
    let data = Dataset::builtin();
    let a = data.lookup("4000");
    let applies: Vec<&str> = a
        .concepts
        .iter()
        .filter(|c| c.applies == hulpkompas_core::Applies::Yes)
        .map(|c| c.concept.id)
        .collect();
    // Federal law: LIVC-R and the mental health networks; nothing Flemish.
    assert!(applies.contains(&"livc"));
    assert!(applies.contains(&"ggz-netwerken-volwassenen"));
    assert!(!applies.contains(&"sociaal-huis"));
    assert!(!applies.contains(&"eerstelijnszones-zorgraden"));
}

#[test]
fn sociaal_huis_is_flemish_only() {
    let data = Dataset::builtin();
    let bxl = data.lookup("1000");
    assert_eq!(
        bxl.concept("sociaal-huis").unwrap().applies,
        hulpkompas_core::Applies::No
    );
    let kortrijk = data.lookup("8500");
    assert_eq!(
        kortrijk.concept("sociaal-huis").unwrap().applies,
        hulpkompas_core::Applies::Yes
    );
}

#[test]
fn kortrijk_has_its_local_offers() {
    let data = Dataset::builtin();
    let a = data.lookup("8500");
    let names = |id: &str| -> Vec<String> {
        a.concept(id)
            .unwrap()
            .offers
            .iter()
            .map(|o| o.name.to_string())
            .collect()
    };
    assert!(names("overkop").iter().any(|n| n.contains("Kortrijk")));
    assert!(names("fjc-veilig-huis-ketenaanpak-ifg")
        .iter()
        .any(|n| n.contains("Veilig Huis")));
    assert!(names("dak-thuisloosheid-netwerken")
        .iter()
        .any(|n| n.contains("Kracht.Wonen")));
    assert_eq!(
        names("ggz-netwerken-kinderen-jongeren").len(),
        1,
        "one WINGG for West-Vlaanderen"
    );
}
