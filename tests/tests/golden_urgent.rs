//! Danger first: for every phrasing in `tests/golden/urgent.csv` (Dutch, French, English, with
//! typos and indirect words) the right line to call comes first — and ordinary needs get none.
//! Checked on the JSON the command-line tool prints for `search --json`, in every language.

use hulpkompas_cli::json;
use hulpkompas_core::{Dataset, Lang};
use hulpkompas_tests::{golden, schema};
use serde_json::Value;

fn data() -> &'static Dataset {
    static D: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

/// `hulpkompas search <query> --json --lang <lang>`, as the tool prints it.
fn search_json(query: &str, lang: Lang) -> Value {
    let results = data().search(query, None);
    serde_json::to_value(json::search(query, None, &results, lang)).unwrap()
}

fn numbers(v: &Value) -> Vec<String> {
    v["urgent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["number"].as_str().unwrap().to_string())
        .collect()
}

/// One phrasing: in the row's language the first line is `first` and the lines in `also` follow;
/// in every other language the same lines are there (in that language's order); with `first`
/// empty, no line at all. Every line has what it is for, its hours and a source.
fn check(row: &golden::Row) {
    let query = row.get("query");
    let lang = Lang::parse(row.get("lang")).expect("lang is nl, fr or en");
    let first = row.get("first");
    let v = search_json(query, lang);
    schema::assert_valid(schema::search(), &v, &format!("search {query:?}"));
    let got = numbers(&v);
    if first.is_empty() {
        assert_eq!(
            got,
            Vec::<String>::new(),
            "no danger here, yet lines are shown"
        );
        return;
    }
    assert_eq!(
        got.first().map(String::as_str),
        Some(first),
        "first line; all: {got:?}"
    );
    for also in row.list("also") {
        assert!(got.iter().any(|n| n == also), "{also} missing from {got:?}");
    }
    for u in v["urgent"].as_array().unwrap() {
        for field in ["name", "what_for", "hours"] {
            assert!(
                u[field].as_str().is_some_and(|s| s.len() > 3),
                "line {}: no {field}",
                u["number"]
            );
        }
        assert!(
            !u["sources"].as_array().unwrap().is_empty(),
            "line {} has no source",
            u["number"]
        );
    }
    for other in Lang::ALL {
        let in_other = numbers(&search_json(query, other));
        assert!(
            in_other.iter().any(|n| n == first),
            "in {other:?} the line {first} is missing: {in_other:?}"
        );
    }
}

#[test]
fn every_crisis_phrasing_puts_the_right_line_first() {
    golden::check_each("tests/golden/urgent.csv", check);
}

#[test]
fn the_golden_set_has_at_least_sixty_crisis_phrasings_in_each_language() {
    let rows = golden::rows("tests/golden/urgent.csv");
    let crisis = rows.iter().filter(|r| !r.get("first").is_empty()).count();
    assert!(crisis >= 60, "only {crisis} crisis phrasings");
    for lang in ["nl", "fr", "en"] {
        assert!(
            rows.iter()
                .any(|r| r.get("lang") == lang && !r.get("first").is_empty()),
            "no crisis phrasing in {lang}"
        );
    }
}

#[test]
fn a_cry_for_help_typed_as_a_place_still_gets_the_line() {
    let answer = data().lookup("ik wil niet meer leven");
    let v = serde_json::to_value(json::lookup(
        "ik wil niet meer leven",
        &answer,
        None,
        Lang::Nl,
    ))
    .unwrap();
    schema::assert_valid(schema::lookup(), &v, "lookup of a cry for help");
    assert_eq!(numbers(&v).first().map(String::as_str), Some("1813"));
    // A real place with no need: nothing to call.
    let answer = data().lookup("8500");
    let v = serde_json::to_value(json::lookup("8500", &answer, None, Lang::Nl)).unwrap();
    assert!(numbers(&v).is_empty());
}
