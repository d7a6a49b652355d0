//! `hulpkompas import --hsds`: someone else's HSDS 3.0 becomes a layer Hulpkompas reads without a
//! problem. Tested on the specification's own examples (`standards/hsds-3.0/examples/`): what maps
//! is kept, nothing is guessed, and what is lost is reported with its path into the input.

use std::fs;
use std::path::{Path, PathBuf};

use hulpkompas_cli::hsds::import::{import, Import, Options};
use hulpkompas_core::Date;
use hulpkompas_tests::root;
use serde_json::{json, Value};

/// The example files of the specification that hold a service (the others hold an organization
/// without services, a location, taxonomies, the API's description or the tabular form).
const WITH_SERVICES: [&str; 5] = [
    "organization_full.json",
    "service_at_location_full.json",
    "service_at_location_list.json",
    "service_full.json",
    "service_list.json",
];

/// The service all examples describe.
const EXAMPLE_ID: &str = "ac148810-d857-441c-9679-408f346de14b";

fn examples() -> PathBuf {
    root().join("standards/hsds-3.0/examples")
}

fn defaults() -> Options {
    Options {
        concept: Some("sociaal-huis".into()),
        serves: Some("9000".into()),
    }
}

fn today() -> Date {
    Date::parse("2026-12-03").unwrap()
}

fn run(path: &Path, options: &Options) -> Import {
    import(path, options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The layer as the file `hulpkompas import` writes.
fn text(import: &Import) -> String {
    serde_json::to_string_pretty(&import.layer).unwrap()
}

/// A fresh directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hulpkompas-import-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_example_with_services_becomes_a_layer_without_problems() {
    for file in WITH_SERVICES {
        let got = run(&examples().join(file), &defaults());
        assert_eq!(got.kept, 1, "{file}: {got:#?}");
        assert_eq!(got.layer.as_array().map(Vec::len), Some(1), "{file}");
        let problems = hulpkompas_layer::check(&text(&got), today());
        assert!(
            problems.is_empty(),
            "{file}: the layer check says {problems:#?}"
        );
        // What Hulpkompas will show of it.
        let layer = hulpkompas_layer::read(&text(&got), today());
        let offer = &layer.offers[0];
        assert_eq!(offer.id, EXAMPLE_ID, "{file}");
        assert_eq!(offer.name, "Community Counselling", "{file}");
        assert_eq!(offer.provider, "Example Organization Inc.", "{file}");
        assert_eq!(offer.concept, "sociaal-huis", "{file}: the default concept");
        let served: Vec<&str> = offer.serves.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(served, ["9000"], "{file}: the default area");
        assert_eq!(offer.website, "http://example.com/counselling", "{file}");
        assert_eq!(offer.date, "2023-03-15", "{file}: last_modified");
        assert!(
            offer.street.is_empty() && offer.postcode.is_empty(),
            "{file}: a US address"
        );
        assert_eq!(got.layer[0]["status"], "active", "{file}");
        assert!(
            got.detected.len() == 1 && got.detected[0].starts_with(file),
            "{file}"
        );
        for line in &got.report {
            assert!(line.starts_with(&format!("{file}: ")), "{file}: {line}");
        }
    }
}

#[test]
fn the_layer_of_each_example_is_valid_hsds() {
    let schema = hulpkompas_tests::hsds::validator("service");
    assert!(
        !schema.is_valid(&json!({"id": "x", "name": "no status"})),
        "the schema is read"
    );
    let example: Value =
        serde_json::from_str(&fs::read_to_string(root().join("layer/example.json")).unwrap())
            .unwrap();
    for service in example.as_array().unwrap() {
        let errors = hulpkompas_tests::hsds::errors("service", service);
        assert!(errors.is_empty(), "layer/example.json: {errors:#?}");
    }
    for file in WITH_SERVICES {
        let got = run(&examples().join(file), &defaults());
        for service in got.layer.as_array().unwrap() {
            let errors: Vec<String> = schema
                .iter_errors(service)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{file}: {errors:#?}");
        }
    }
}

#[test]
fn the_phone_and_hours_of_the_examples_are_kept() {
    // The phone is the service's own, else the location's; service_list.json has none.
    for file in [
        "organization_full.json",
        "service_at_location_full.json",
        "service_full.json",
    ] {
        let got = run(&examples().join(file), &defaults());
        let layer = hulpkompas_layer::read(&text(&got), today());
        let offer = &layer.offers[0];
        assert_eq!(
            offer.phone, "\"+44 1234 234567\"",
            "{file}: the number as written"
        );
        // The examples' schedule ran on 2005-01-01 only: its description is all that is shown.
        assert!(offer.hours.is_empty(), "{file}: {}", offer.hours);
        assert!(
            offer
                .hours_text
                .starts_with("The service is available from 10 am"),
            "{file}"
        );
        assert!(
            got.report
                .iter()
                .any(|l| l.contains("schedules[0].valid_to") && l.contains("has passed")),
            "{file}: {:#?}",
            got.report
        );
        let week = &got.layer[0]["schedules"][0];
        assert_eq!(
            (&week["byday"], &week["opens_at"]),
            (&json!("TH,FR"), &json!("10:00:00"))
        );
    }
}

#[test]
fn us_and_uk_places_of_the_examples_become_no_areas_and_are_reported() {
    for file in WITH_SERVICES {
        let got = run(&examples().join(file), &defaults());
        let layer = text(&got);
        for foreign in ["ABC 1234", "1-30 Main Street", "AB1", "geojson"] {
            assert!(!layer.contains(foreign), "{file}: {foreign} in the layer");
        }
        let areas = got.layer[0]["service_areas"].as_array().unwrap();
        assert_eq!(areas.len(), 1, "{file}");
        assert_eq!(
            (&areas[0]["extent_type"], &areas[0]["extent"]),
            (&json!("text"), &json!("9000"))
        );
    }
    // The files whose service has a geojson area and a US address say so, each at its path.
    for (file, area, address) in [
        (
            "service_full.json",
            "service_areas[0]",
            "service_at_locations[0].location.addresses[0]",
        ),
        (
            "organization_full.json",
            "services[0].service_areas[0]",
            "services[0].service_at_locations[0].location.addresses[0]",
        ),
        (
            "service_at_location_full.json",
            "service.service_areas[0]",
            "location.addresses[0]",
        ),
    ] {
        let got = run(&examples().join(file), &defaults());
        let said = |path: &str, words: &[&str]| {
            got.report.iter().any(|l| {
                l.starts_with(&format!("{file}: {path}: ")) && words.iter().all(|w| l.contains(w))
            })
        };
        assert!(said(area, &["\"geojson\""]), "{file}: {:#?}", got.report);
        assert!(
            said(address, &["\"US\"", "\"ABC 1234\""]),
            "{file}: {:#?}",
            got.report
        );
    }
}

#[test]
fn without_defaults_nothing_is_guessed() {
    for file in WITH_SERVICES {
        let got = run(&examples().join(file), &Options::default());
        assert_eq!(got.kept, 0, "{file}: {}", text(&got));
        assert_eq!(got.layer, json!([]), "{file}");
        let mentions = |flag: &str| got.report.iter().any(|l| l.contains(flag));
        assert!(
            mentions("--concept") && mentions("--serves"),
            "{file}: {:#?}",
            got.report
        );
    }
}

#[test]
fn files_without_services_import_nothing_and_say_why() {
    for entry in fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if WITH_SERVICES.contains(&file.as_str()) {
            continue;
        }
        let got = run(&path, &defaults());
        assert_eq!(got.kept, 0, "{file}");
        assert!(!got.report.is_empty(), "{file}: nothing said");
        assert!(
            got.report
                .iter()
                .all(|l| l.contains("no services to import")),
            "{file}: {:#?}",
            got.report
        );
    }
}

#[test]
fn a_directory_is_the_union_of_its_files() {
    // The examples: five files describe the same service, which is kept once, from the first file.
    let files: Vec<Import> = WITH_SERVICES
        .iter()
        .map(|f| run(&examples().join(f), &defaults()))
        .collect();
    let all = run(&examples(), &defaults());
    assert_eq!(all.kept, 1);
    assert_eq!(all.layer, files[0].layer, "the first file by name wins");
    for (file, one) in WITH_SERVICES.iter().zip(&files) {
        for line in &one.report {
            assert!(
                all.report.contains(line),
                "{file}: {line} is not in the directory's report"
            );
        }
    }
    let again: Vec<&String> = all
        .report
        .iter()
        .filter(|l| l.contains("imported already"))
        .collect();
    assert_eq!(again.len(), WITH_SERVICES.len() - 1, "{again:#?}");
    let json_files = fs::read_dir(examples()).unwrap().count();
    assert_eq!(
        all.detected.len(),
        json_files,
        "one line per file: {:#?}",
        all.detected
    );

    // Two different layers in one directory: their services and reports, in the order of the names.
    let dir = scratch("union");
    fs::copy(root().join("layer/example.json"), dir.join("a.json")).unwrap();
    fs::copy(examples().join("service_full.json"), dir.join("b.json")).unwrap();
    fs::write(dir.join("notes.txt"), "not read").unwrap();
    let (a, b) = (
        run(&dir.join("a.json"), &defaults()),
        run(&dir.join("b.json"), &defaults()),
    );
    let both = run(&dir, &defaults());
    assert_eq!(both.kept, a.kept + b.kept);
    let union: Vec<Value> = [
        a.layer.as_array().unwrap().clone(),
        b.layer.as_array().unwrap().clone(),
    ]
    .concat();
    assert_eq!(both.layer, Value::Array(union));
    assert_eq!(both.report, [a.report, b.report].concat());
    assert!(hulpkompas_layer::check(&text(&both), today()).is_empty());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_input_is_an_error_naming_the_file() {
    let dir = scratch("garbage");
    let garbage = dir.join("garbage.json");
    fs::write(&garbage, "<html>this is no JSON</html>").unwrap();
    let e = import(&garbage, &defaults()).unwrap_err();
    assert!(e.contains("garbage.json") && e.contains("not JSON"), "{e}");
    // In a directory too: nothing is imported from it.
    fs::copy(examples().join("service_full.json"), dir.join("a.json")).unwrap();
    let e = import(&dir, &defaults()).unwrap_err();
    assert!(e.contains("garbage.json"), "{e}");
    let missing = dir.join("missing.json");
    let e = import(&missing, &defaults()).unwrap_err();
    assert!(e.contains("missing.json"), "{e}");
    let empty = scratch("empty");
    assert!(import(&empty, &defaults()).unwrap_err().contains(".json"));
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_dir_all(&empty);
}

#[test]
fn defaults_that_are_no_concept_or_no_place_are_refused() {
    let file = examples().join("service_full.json");
    let concept = Options {
        concept: Some("sociaal huis".into()),
        ..defaults()
    };
    assert!(import(&file, &concept)
        .unwrap_err()
        .contains("\"sociaal huis\""));
    let serves = Options {
        serves: Some("9000, 90000".into()),
        ..defaults()
    };
    assert!(import(&file, &serves).unwrap_err().contains("\"90000\""));
}

#[test]
fn a_layer_in_the_profile_comes_through_unchanged() {
    let file = root().join("layer/example.json");
    let input = fs::read_to_string(&file).unwrap();
    let records = serde_json::from_str::<Value>(&input)
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    let got = run(&file, &Options::default());
    assert_eq!(got.kept, records);
    assert_eq!(got.report, Vec::<String>::new());
    let before = hulpkompas_layer::read(&input, today());
    let after = hulpkompas_layer::read(&text(&got), today());
    assert!(after.problems.is_empty(), "{:#?}", after.problems);
    assert_eq!(
        after.offers, before.offers,
        "what Hulpkompas reads of it is unchanged"
    );
}

#[test]
fn what_cannot_be_used_is_left_out_and_the_rest_kept() {
    let record = |id: &str| {
        json!({
            "id": id, "name": "Sociaal Huis Gent", "status": "active",
            "organization": {"id": "o", "name": "OCMW Gent"},
            "url": "www.gent.be",
            "attributes": [{"id": "a", "taxonomy_term": {"id": "t", "taxonomy": "hulpkompas", "code": "sociaal-huis"}}],
            "service_areas": [{"id": "s", "extent_type": "text", "extent": "9000, 90000, nis:44021, Gent"}],
            "phones": [{"id": "p1", "type": "fax"}, {"id": "p2", "number": "09 266 99 00"}],
            "schedules": [
                {"id": "h1", "freq": "MONTHLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00"},
                {"id": "h2", "freq": "WEEKLY", "byday": "MO,WE", "opens_at": "09:00", "closes_at": "12:00"},
                {"id": "h3", "freq": "WEEKLY", "byday": "TU", "opens_at": "17:00", "closes_at": "09:00", "description": "op afspraak"}
            ],
            "service_at_locations": [{"id": "l", "location": {"id": "loc", "location_type": "physical", "addresses": [
                {"id": "ad", "address_1": "Onderbergen 86", "postal_code": "9000", "city": "Gent", "country": "BE"}
            ]}}]
        })
    };
    let mut defunct = record("gent-oud");
    defunct["status"] = json!("defunct");
    let dir = scratch("mixed");
    let file = dir.join("gent.json");
    fs::write(
        &file,
        json!([record("gent"), defunct, record("gent")]).to_string(),
    )
    .unwrap();
    let got = run(&file, &Options::default());
    assert_eq!(got.kept, 1, "{:#?}", got.report);
    assert!(hulpkompas_layer::check(&text(&got), today()).is_empty());
    let offer = &hulpkompas_layer::read(&text(&got), today()).offers[0];
    let served: Vec<&str> = offer.serves.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(served, ["9000", "nis:44021"]);
    assert_eq!(
        (offer.phone.as_str(), offer.street.as_str()),
        ("09 266 99 00", "Onderbergen 86")
    );
    assert_eq!(
        (offer.hours.as_str(), offer.hours_text.as_str()),
        ("MO,WE 09:00-12:00", "op afspraak")
    );
    assert!(offer.website.is_empty());
    for (path, words) in [
        ("[0].url", "\"www.gent.be\""),
        ("[0].service_areas[0].extent", "\"90000\""),
        ("[0].service_areas[0].extent", "\"Gent\""),
        ("[0].phones[0]", "no number"),
        ("[0].schedules[0].freq", "\"MONTHLY\""),
        ("[0].schedules[2].closes_at", "description is kept"),
        ("[1].status", "\"defunct\""),
        ("[2].id", "imported already from gent.json: [0]"),
    ] {
        assert!(
            got.report
                .iter()
                .any(|l| l.starts_with(&format!("gent.json: {path}: ")) && l.contains(words)),
            "no {path} {words} in {:#?}",
            got.report
        );
    }
    let _ = fs::remove_dir_all(&dir);
}
