//! Golden lookups: real postcodes and names with the answer a social worker would give.
//! The cases are in `tests/golden/lookup.csv` (input, outcome, NIS, zones, diagnostic codes), and
//! each is checked by [`check`] on the JSON the command-line tool prints for it.

use hulpkompas_cli::json;
use hulpkompas_core::{Applies, Dataset, Lang};
use hulpkompas_tests::{golden, schema};
use serde_json::Value;

fn data() -> &'static Dataset {
    static D: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

/// `hulpkompas lookup <input> --json [--need <need>] --lang <lang>`, as the tool prints it.
fn lookup_json(input: &str, need: Option<&str>, lang: Lang) -> Value {
    let answer = data().lookup(input);
    let results = need.map(|n| data().search(n, Some(&answer)));
    serde_json::to_value(json::lookup(input, &answer, results.as_deref(), lang)).unwrap()
}

fn strs<'v>(v: &'v Value, key: &str) -> Vec<&'v str> {
    let mut all: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap())
        .collect();
    all.sort_unstable();
    all
}

/// One golden lookup: the answer has the documented JSON shape in every language (also with a
/// need), and says what the row says: the outcome, the municipality, the eerstelijnszones (all
/// candidates when the street decides) and exactly the diagnostics listed.
fn check(row: &golden::Row) {
    let input = row.get("input");
    for lang in Lang::ALL {
        for need in [None, Some("schulden")] {
            let v = lookup_json(input, need, lang);
            schema::assert_valid(
                schema::lookup(),
                &v,
                &format!("lookup {input:?} {lang:?} {need:?}"),
            );
        }
    }
    let v = lookup_json(input, None, Lang::Nl);
    assert_eq!(v["outcome"], row.get("outcome"), "outcome");
    let nis = v["place"]["municipality"]["nis"].as_str().unwrap_or("");
    assert_eq!(nis, row.get("nis"), "municipality");
    let zones: Vec<&str> = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "eerstelijnszone")
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let mut want_zones = row.list("zones");
    want_zones.sort_unstable();
    let mut got_zones = zones.clone();
    got_zones.sort_unstable();
    assert_eq!(got_zones, want_zones, "eerstelijnszones");
    // One zone is certain; several are each uncertain (the street decides).
    let certain: Vec<bool> = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "eerstelijnszone")
        .map(|a| a["certain"].as_bool().unwrap())
        .collect();
    assert!(
        certain.iter().all(|c| *c == (zones.len() == 1)),
        "zones {zones:?} certain {certain:?}"
    );
    let mut want_diags = row.list("diagnostics");
    want_diags.sort_unstable();
    assert_eq!(strs(&v["diagnostics"], "code"), want_diags, "diagnostics");
}

#[test]
fn golden_lookups() {
    golden::check_each("tests/golden/lookup.csv", check);
}

#[test]
fn answers_outside_flanders_say_which_concepts_still_apply() {
    let a = data().lookup("4000");
    let applies: Vec<&str> = a
        .concepts
        .iter()
        .filter(|c| c.applies == Applies::Yes)
        .map(|c| c.concept.id)
        .collect();
    // Federal law: the mental health networks (a source says every municipality has one); nothing
    // Flemish. LIVC-R is required by law but no source says every municipality has one: unknown.
    assert!(!applies.contains(&"livc"));
    assert!(applies.contains(&"ggz-netwerken-volwassenen"));
    assert!(!applies.contains(&"sociaal-huis"));
    assert!(!applies.contains(&"eerstelijnszones-zorgraden"));
}

#[test]
fn sociaal_huis_is_flemish_only() {
    let bxl = data().lookup("1000");
    assert_eq!(bxl.concept("sociaal-huis").unwrap().applies, Applies::No);
    let kortrijk = data().lookup("8500");
    assert_eq!(
        kortrijk.concept("sociaal-huis").unwrap().applies,
        Applies::Yes
    );
}

#[test]
fn kortrijk_has_its_local_offers() {
    let a = data().lookup("8500");
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
