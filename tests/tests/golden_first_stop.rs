//! Golden first stops (`tests/golden/first-stop.csv`): where a person goes first for a place (and
//! a need), checked on the JSON of `lookup --json` (with `--need`) and `search --json --postcode`.

use hulpkompas_cli::json;
use hulpkompas_core::{Dataset, Lang};
use hulpkompas_tests::{golden, schema};
use serde_json::Value;

fn data() -> &'static Dataset {
    static D: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

fn kinds(v: &Value) -> Vec<&str> {
    v["first_stop"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect()
}

/// One golden first stop: the kinds in order, the first one's phone and name, the diagnostics,
/// and words no first stop or message may say (Wallonia: no Sociaal Huis, no CAW).
fn check(row: &golden::Row) {
    let input = row.get("input");
    let need = Some(row.get("need")).filter(|n| !n.is_empty());
    let answer = data().lookup(input);
    let results = need.map(|n| data().search(n, Some(&answer)));
    for lang in Lang::ALL {
        let v =
            serde_json::to_value(json::lookup(input, &answer, results.as_deref(), lang)).unwrap();
        schema::assert_valid(schema::lookup(), &v, &format!("lookup {input} {lang:?}"));
        assert_eq!(kinds(&v), row.list("kinds"), "first stop kinds ({lang:?})");
        if let Some(n) = need {
            let r = results.as_deref().unwrap();
            let s = serde_json::to_value(json::search(n, Some(&answer), r, lang)).unwrap();
            schema::assert_valid(
                schema::search(),
                &s,
                &format!("search {n} {input} {lang:?}"),
            );
            assert_eq!(kinds(&s), row.list("kinds"), "search --postcode kinds");
        }
    }
    let v =
        serde_json::to_value(json::lookup(input, &answer, results.as_deref(), Lang::Nl)).unwrap();
    let first = &v["first_stop"][0];
    if !row.get("phone").is_empty() {
        assert_eq!(first["phone"], row.get("phone"), "phone of the first stop");
    }
    let name = first["name"].as_str().unwrap();
    assert!(name.contains(row.get("name")), "name `{name}`");
    let mut codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    codes.sort_unstable();
    let mut want = row.list("diagnostics");
    want.sort_unstable();
    assert_eq!(codes, want, "diagnostics");
    let said = format!("{} {}", v["first_stop"], v["diagnostics"]);
    for word in row.list("absent") {
        assert!(!said.contains(word), "says `{word}`: {said}");
    }
}

#[test]
fn golden_first_stops() {
    golden::check_each("tests/golden/first-stop.csv", check);
}

/// The text output starts with the first stop: its phone, address and hours for the week, and
/// "niet recent bevestigd" for low facts; in Wallonia no Sociaal Huis and no CAW.
#[test]
fn the_text_output_starts_with_the_first_stop() {
    use hulpkompas_cli::text;
    let anderlecht = text::lookup(&data().lookup("1070"), None, Lang::Nl);
    let first = anderlecht.find("Ga eerst naar:").expect("a first stop");
    assert!(first < anderlecht.find("eerstelijnszone").unwrap());
    for part in ["☎ 02 529 41 20", "1070 Anderlecht", "ma–do 07:30–11:30"] {
        assert!(anderlecht.contains(part), "{part}:\n{anderlecht}");
    }
    assert!(anderlecht.contains("CAW Brussel (niet recent bevestigd: kijk dit na voor je gaat)"));
    let namur = text::lookup(&data().lookup("5000"), None, Lang::Fr);
    let stops = &namur[namur.find("Adressez-vous d'abord à :").unwrap()..];
    let stops = &stops[..stops.find("region").unwrap()];
    assert!(stops.contains("CPAS de Namur"), "{stops}");
    assert!(
        !stops.contains("CAW") && !stops.contains("Sociaal Huis"),
        "{stops}"
    );
}
