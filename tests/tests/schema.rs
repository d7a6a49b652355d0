//! The JSON Schemas in `schema/` describe the command-line tool's JSON closely enough to reject a
//! broken answer. (That every golden answer matches them is checked with the golden cases.)

use hulpkompas_cli::json;
use hulpkompas_core::{Dataset, Lang};
use hulpkompas_tests::schema;
use serde_json::{json, Value};

fn lookup(input: &str) -> Value {
    let data = Dataset::builtin();
    let a = data.lookup(input);
    let r = data.search("schulden", Some(&a));
    serde_json::to_value(json::lookup(input, &a, Some(&r), Lang::Nl)).unwrap()
}

fn search(query: &str, postcode: Option<&str>) -> Value {
    let data = Dataset::builtin();
    let a = postcode.map(|p| data.lookup(p));
    let r = data.search(query, a.as_ref());
    serde_json::to_value(json::search(query, a.as_ref(), &r, Lang::Nl)).unwrap()
}

/// A way to break an answer, and what it breaks.
type Breakage = (&'static str, fn(&mut Value));

/// Each change breaks an answer that is valid before it; the schema must say so.
fn assert_rejected(validator: &jsonschema::Validator, good: &Value, broken: &[Breakage]) {
    schema::assert_valid(validator, good, "the unbroken answer");
    for (what, breaks) in broken {
        let mut v = good.clone();
        breaks(&mut v);
        assert!(
            !schema::errors(validator, &v).is_empty(),
            "the schema accepts an answer with {what}"
        );
    }
}

#[test]
fn lookup_schema_rejects_broken_answers() {
    assert_rejected(
        schema::lookup(),
        &lookup("8500"),
        &[
            ("applies: maybe", |v| {
                v["concepts"][0]["applies"] = json!("maybe")
            }),
            ("an unknown outcome", |v| v["outcome"] = json!("lost")),
            ("an unknown area kind", |v| {
                v["areas"][0]["kind"] = json!("parish")
            }),
            ("a field too many", |v| {
                v["place"]["street"] = json!("Grote Markt")
            }),
            ("no diagnostics", |v| {
                v.as_object_mut().unwrap().remove("diagnostics");
            }),
            ("a postcode of three digits", |v| {
                v["place"]["postcode"] = json!("850")
            }),
            ("a concept without its reason", |v| {
                v["concepts"][0]["reason"] = Value::Null
            }),
            ("found without a place", |v| v["place"] = Value::Null),
            (
                "a place but a result that does not say if it applies",
                |v| v["results"][0]["applies"] = Value::Null,
            ),
            ("an offer without a source", |v| {
                let offers = v["concepts"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .find(|c| !c["offers"].as_array().unwrap().is_empty())
                    .unwrap();
                offers["offers"][0]["sources"] = json!([]);
            }),
            (
                "an unknown diagnostic code",
                |v| {
                    v["diagnostics"] =
                        json!([{ "code": "oops", "severity": "info", "message": "…" }])
                },
            ),
            ("a diagnostic with another severity than its code's", |v| {
                v["diagnostics"] =
                    json!([{ "code": "merged", "severity": "error", "message": "…" }])
            }),
            (
                "an empty message",
                |v| {
                    v["diagnostics"] =
                        json!([{ "code": "merged", "severity": "info", "message": "" }])
                },
            ),
        ],
    );
    assert_rejected(
        schema::lookup(),
        &lookup("xyz"),
        &[
            ("no place and no error", |v| v["diagnostics"] = json!([])),
            ("no place but concepts", |v| {
                v["concepts"] = lookup("8500")["concepts"].clone()
            }),
        ],
    );
}

#[test]
fn search_schema_rejects_broken_answers() {
    assert_rejected(
        schema::search(),
        &search("mijn partner slaat me", Some("9000")),
        &[
            ("applies: maybe", |v| {
                v["results"][0]["applies"] = json!("maybe")
            }),
            ("a score of zero", |v| v["results"][0]["score"] = json!(0)),
            ("a result without a why", |v| {
                v["results"][0]["matched"] = json!([])
            }),
            ("a score as text", |v| {
                v["results"][0]["score"] = json!("1.2")
            }),
            ("no query", |v| {
                v.as_object_mut().unwrap().remove("query");
            }),
            ("a field too many", |v| v["results"][0]["rank"] = json!(1)),
            ("an unknown language", |v| v["lang"] = json!("de")),
            (
                "a place but a result that does not say if it applies",
                |v| v["results"][0]["applies"] = Value::Null,
            ),
        ],
    );
}

/// The two schemas describe a place, a diagnostic and a search result the same way.
#[test]
fn both_schemas_share_their_common_definitions() {
    let (l, s) = (schema::load("lookup"), schema::load("search"));
    for def in s["$defs"].as_object().unwrap().keys() {
        assert_eq!(l["$defs"][def], s["$defs"][def], "$defs/{def} differs");
    }
    assert_eq!(l["properties"]["lang"], s["properties"]["lang"]);
}
