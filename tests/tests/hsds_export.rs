//! `hulpkompas export --hsds DIR`: every record of every table is valid against the official
//! HSDS 3.0 JSON Schemas vendored in `standards/hsds-3.0/schema/` (each table's file is the
//! schema's own tabular `path`), every id is unique and every link points at a record, the
//! dataset's first stops and offers are all there with their facts, and two exports are the same
//! byte for byte. The areas offers serve are checked against the data files, read independently.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use hulpkompas_cli::hsds::export::{self, Tables, CAW_CONCEPT};
use hulpkompas_core::{Dataset, FirstStop, OpeningHours};
use hulpkompas_tests::{data as files, hsds};
use jsonschema::Validator;
use serde_json::Value;

fn data() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| export::tables(data()))
}

fn validator(schema: &str) -> &'static Validator {
    hsds::validator(schema)
}

fn text<'a>(r: &'a Value, field: &str) -> &'a str {
    r[field].as_str().unwrap_or_default()
}

/// The records of `table` whose `field` is `id` (an index over every `*_id` field, built once).
fn linked(table: &str, field: &str, id: &str) -> Vec<&'static Value> {
    type Index = HashMap<(&'static str, &'static str, &'static str), Vec<&'static Value>>;
    static I: OnceLock<Index> = OnceLock::new();
    let index = I.get_or_init(|| {
        let mut index = Index::new();
        for t in &tables().tables {
            for r in &t.records {
                for (f, v) in r.as_object().unwrap() {
                    if let (true, Some(v)) = (f.ends_with("_id"), v.as_str()) {
                        index.entry((t.name, f.as_str(), v)).or_default().push(r);
                    }
                }
            }
        }
        index
    });
    index.get(&(table, field, id)).cloned().unwrap_or_default()
}

/// The taxonomy term (taxonomy, code) of every attribute of a record.
fn terms(id: &str) -> Vec<(String, String, Option<String>)> {
    static T: OnceLock<HashMap<&'static str, &'static Value>> = OnceLock::new();
    let by_id = T.get_or_init(|| {
        tables()
            .get("taxonomy_terms")
            .iter()
            .map(|t| (text(t, "id"), t))
            .collect()
    });
    linked("attributes", "link_id", id)
        .into_iter()
        .map(|a| {
            let t = by_id[text(a, "taxonomy_term_id")];
            let value = a["value"].as_str().map(String::from);
            (text(t, "taxonomy").into(), text(t, "code").into(), value)
        })
        .collect()
}

/// The code of a record's attribute of `taxonomy` (the first one).
fn code(id: &str, taxonomy: &str) -> Option<String> {
    terms(id)
        .into_iter()
        .find(|(t, ..)| t == taxonomy)
        .map(|(_, c, _)| c)
}

/// The NIS codes of a service's areas.
fn extent(service_id: &str) -> BTreeSet<String> {
    linked("service_areas", "service_id", service_id)
        .iter()
        .flat_map(|a| text(a, "extent").split(','))
        .map(|c| c.strip_prefix("nis:").unwrap_or(c).to_string())
        .collect()
}

fn first_stop_services() -> Vec<&'static Value> {
    tables()
        .get("services")
        .iter()
        .filter(|s| code(text(s, "id"), export::FIRST_STOP_TAXONOMY).is_some())
        .collect()
}

#[test]
fn every_record_is_valid_against_its_hsds_schema() {
    let mut errors = Vec::new();
    for table in &tables().tables {
        let schema = hsds::schema_file(&format!("{}.json", table.schema)).unwrap();
        // The file is the one the specification's tabular form names for the schema.
        assert_eq!(
            schema["path"].as_str(),
            Some(format!("{}.csv", table.name).as_str()),
            "{}.json: not the table of schema {}",
            table.name,
            table.schema
        );
        assert!(
            !table.records.is_empty(),
            "{}.json has no records",
            table.name
        );
        // Required in tabular form (the schemas' own `tabular_required`).
        let tabular: Vec<&str> = schema["tabular_required"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let v = validator(table.schema);
        for (i, r) in table.records.iter().enumerate() {
            let at = format!("{}.json[{i}] (id {})", table.name, text(r, "id"));
            errors.extend(
                v.iter_errors(r)
                    .map(|e| format!("{at}: {}: {e}", e.instance_path())),
            );
            errors.extend(
                tabular
                    .iter()
                    .filter(|f| r.get(**f).is_none())
                    .map(|f| format!("{at}: no {f} (tabular_required)")),
            );
        }
    }
    assert!(
        errors.is_empty(),
        "{} errors, the first:\n{}",
        errors.len(),
        errors[..errors.len().min(20)].join("\n")
    );
    let counts: Vec<String> = tables()
        .tables
        .iter()
        .map(|t| format!("{} {}", t.records.len(), t.name))
        .collect();
    eprintln!("exported: {}", counts.join(", "));
}

#[test]
fn the_schemas_reject_a_broken_record() {
    // The validation above can fail: a record that breaks the schema is caught.
    let mut service = tables().get("services")[0].clone();
    service["status"] = "open".into();
    service["id"] = "37020".into();
    service["url"] = "not a url".into();
    let errors: Vec<String> = validator("service")
        .iter_errors(&service)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    let mut address = tables().get("addresses")[0].clone();
    address.as_object_mut().unwrap().remove("country");
    assert!(!validator("address").is_valid(&address));
}

#[test]
fn ids_are_unique_and_every_link_points_at_a_record() {
    let mut ids: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut all = HashSet::new();
    for t in &tables().tables {
        for r in &t.records {
            let id = text(r, "id");
            assert!(all.insert(id), "{}: id {id} is not unique", t.name);
            ids.entry(t.schema).or_default().insert(id);
        }
    }
    let mut broken = Vec::new();
    for t in &tables().tables {
        for r in &t.records {
            for (field, value) in r.as_object().unwrap() {
                let Some(schema) = field.strip_suffix("_id") else {
                    continue;
                };
                let target = match schema {
                    "link" => text(r, "link_entity"),
                    s => s,
                };
                let value = value.as_str().unwrap_or_default();
                if !ids.get(target).is_some_and(|s| s.contains(value)) {
                    broken.push(format!("{}: {field} {value} is no {target}", t.name));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    // Every service has an organisation, exactly one concept and an area.
    for s in tables().get("services") {
        let id = text(s, "id");
        let concepts: Vec<_> = terms(id)
            .into_iter()
            .filter(|(t, ..)| t == export::CONCEPT_TAXONOMY)
            .collect();
        assert_eq!(
            concepts.len(),
            1,
            "{}: concepts {concepts:?}",
            text(s, "name")
        );
        assert!(files::concept_ids().contains(&concepts[0].1));
        assert!(!extent(id).is_empty(), "{}: no area", text(s, "name"));
    }
}

#[test]
fn two_exports_are_the_same_byte_for_byte() {
    assert_eq!(export::tables(data()), *tables());
    let dir = std::env::temp_dir().join(format!("hulpkompas-hsds-{}", std::process::id()));
    let (a, b) = (dir.join("a"), dir.join("b"));
    let summary = export::write(data(), &a).unwrap();
    assert_eq!(export::write(data(), &b).unwrap(), summary);
    for (name, n) in &summary.counts {
        let file = format!("{name}.json");
        let text = std::fs::read(a.join(&file)).unwrap();
        assert_eq!(
            text,
            std::fs::read(b.join(&file)).unwrap(),
            "{file} differs"
        );
        let records: Vec<Value> = serde_json::from_slice(&text).unwrap();
        assert_eq!(records.len(), *n, "{file}");
        assert_eq!(records, tables().get(name), "{file}");
    }
    let readme = std::fs::read_to_string(a.join("README.md")).unwrap();
    assert!(readme.contains(&hulpkompas_core::DATA_DATE.to_string()));
    let line = summary.to_string();
    assert!(line.contains(&format!("{} services", tables().get("services").len())));
    std::fs::remove_dir_all(&dir).unwrap();
    // A folder that cannot be made is an error naming it, not a panic.
    let file = std::env::temp_dir().join(format!("hulpkompas-hsds-file-{}", std::process::id()));
    std::fs::write(&file, "").unwrap();
    let err = export::write(data(), &file.join("sub")).unwrap_err();
    assert!(err.contains(&file.display().to_string()), "{err}");
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn the_sociaal_huis_of_ardooie_is_there_with_its_facts() {
    let ardooie: Vec<&Value> = first_stop_services()
        .into_iter()
        .filter(|s| extent(text(s, "id")).contains("37020"))
        .filter(|s| {
            code(text(s, "id"), export::FIRST_STOP_TAXONOMY).as_deref() == Some("sociaal_huis")
        })
        .collect();
    assert_eq!(ardooie.len(), 1);
    let s = ardooie[0];
    let id = text(s, "id");
    assert_eq!(
        code(id, export::CONCEPT_TAXONOMY).as_deref(),
        Some("sociaal-huis")
    );
    let phones = linked("phones", "service_id", id);
    assert_eq!(phones.len(), 1);
    assert_eq!(text(phones[0], "number"), "051 74 03 70");
    let at = linked("service_at_location", "service_id", id);
    assert_eq!(at.len(), 1);
    let addresses = linked("addresses", "location_id", text(at[0], "location_id"));
    assert_eq!(addresses.len(), 1);
    assert_eq!(
        text(addresses[0], "address_1"),
        "Oude Lichterveldsestraat 11A"
    );
    assert_eq!(text(addresses[0], "city"), "Ardooie");
    assert_eq!(text(addresses[0], "country"), "BE");
    let schedules = linked("schedules", "service_id", id);
    assert_eq!(schedules.len(), 1, "{schedules:?}");
    let h = schedules[0];
    assert_eq!(
        (text(h, "freq"), text(h, "byday")),
        ("WEEKLY", "MO,TU,WE,TH,FR")
    );
    assert_eq!(text(h, "byday").split(',').count(), 5);
    assert_eq!(
        (text(h, "opens_at"), text(h, "closes_at")),
        ("09:00", "12:00")
    );
    // Its source, as the data file states it; the date is a month, so no assured_date.
    let row = files::records("local/sociaal-huis.csv")
        .into_iter()
        .find(|r| r["municipality_nis"] == "37020")
        .unwrap();
    let provenance: Vec<(String, Option<String>)> = terms(id)
        .into_iter()
        .filter(|(t, ..)| t == export::PROVENANCE_TAXONOMY)
        .map(|(_, c, v)| (c, v))
        .collect();
    assert!(provenance.contains(&("source".into(), Some(row["source_url"].clone()))));
    assert!(provenance.contains(&("source-date".into(), Some(row["source_date"].clone()))));
    assert!(s.get("assured_date").is_none());
}

/// The distinct first stops of the dataset, with the NIS codes each is shown for.
fn distinct_first_stops() -> Vec<(FirstStop, BTreeSet<String>)> {
    let mut out: Vec<(FirstStop, BTreeSet<String>)> = Vec::new();
    for (nis, stop) in data().every_first_stop() {
        match out.iter_mut().find(|(s, _)| *s == stop) {
            Some((_, served)) => {
                served.insert(nis.to_string());
            }
            None => out.push((stop, BTreeSet::from([nis.to_string()]))),
        }
    }
    out
}

#[test]
fn every_first_stop_is_a_service_with_its_facts() {
    let stops = distinct_first_stops();
    let services = first_stop_services();
    assert_eq!(services.len(), stops.len());
    let mut missing = Vec::new();
    for (stop, served) in &stops {
        let found = services.iter().find(|s| {
            let id = text(s, "id");
            text(s, "name") == stop.name
                && code(id, export::FIRST_STOP_TAXONOMY).as_deref() == Some(stop.kind.id())
                && extent(id) == *served
        });
        let Some(s) = found else {
            missing.push(format!("{} {} for {served:?}", stop.kind.id(), stop.name));
            continue;
        };
        let id = text(s, "id");
        let concept = stop.kind.concept_id().unwrap_or(CAW_CONCEPT);
        assert_eq!(code(id, export::CONCEPT_TAXONOMY).as_deref(), Some(concept));
        assert_eq!(s["url"].as_str(), stop.website, "{}", stop.name);
        assert_eq!(s["email"].as_str(), stop.email, "{}", stop.name);
        let phones: Vec<&str> = linked("phones", "service_id", id)
            .iter()
            .map(|p| text(p, "number"))
            .collect();
        assert_eq!(phones, Vec::from_iter(stop.phone), "{}", stop.name);
        let streets: Vec<&str> = linked("service_at_location", "service_id", id)
            .iter()
            .flat_map(|l| linked("addresses", "location_id", text(l, "location_id")))
            .map(|a| text(a, "address_1"))
            .collect();
        assert_eq!(
            streets,
            Vec::from_iter(stop.address.as_ref().map(|a| a.street)),
            "{}",
            stop.name
        );
        let schedules = linked("schedules", "service_id", id);
        let periods = stop
            .hours
            .map_or(0, |h| OpeningHours::parse(h).unwrap().len());
        let expected = if periods > 0 {
            periods
        } else {
            usize::from(stop.hours_text.is_some())
        };
        assert_eq!(schedules.len(), expected, "{}", stop.name);
        let sources: Vec<String> = terms(id)
            .into_iter()
            .filter(|(t, c, _)| t == export::PROVENANCE_TAXONOMY && c == "source")
            .filter_map(|(.., v)| v)
            .collect();
        assert_eq!(sources, stop.sources().collect::<Vec<_>>(), "{}", stop.name);
    }
    assert!(missing.is_empty(), "not exported:\n{}", missing.join("\n"));
}

#[test]
fn the_caw_is_one_organisation_and_a_desk_of_its_concept() {
    // The concept a CAW's service gets must name the CAW as one of its desks.
    let gbo = data().concept(CAW_CONCEPT).unwrap();
    assert!(gbo.summary.nl.contains("CAW"), "{}", gbo.summary.nl);
    let caws: Vec<&Value> = first_stop_services()
        .into_iter()
        .filter(|s| code(text(s, "id"), export::FIRST_STOP_TAXONOMY).as_deref() == Some("caw"))
        .collect();
    assert!(!caws.is_empty());
    let names: BTreeSet<&str> = caws.iter().map(|s| text(s, "name")).collect();
    for name in names {
        let orgs: BTreeSet<&str> = caws
            .iter()
            .filter(|s| text(s, "name") == name)
            .map(|s| text(s, "organization_id"))
            .collect();
        assert_eq!(orgs.len(), 1, "{name}: {} organisations", orgs.len());
        let n = tables()
            .get("organizations")
            .iter()
            .filter(|o| text(o, "name") == name)
            .count();
        assert_eq!(n, 1, "{name}");
    }
}

/// The zone id of an `elz.csv` name: lower case, every run of other characters `-`.
fn zone_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').to_string()
}

#[test]
fn every_offer_serves_the_municipalities_its_data_file_says() {
    let munis = files::records("geo/municipalities.csv");
    let elz = files::records("geo/elz.csv");
    let resolve = |area: &str| -> BTreeSet<String> {
        let (kind, code) = area.split_once(':').unwrap();
        let of = |column: &str, value: &str| -> BTreeSet<String> {
            munis
                .iter()
                .filter(|m| m[column].eq_ignore_ascii_case(value))
                .map(|m| m["municipality_nis"].clone())
                .collect()
        };
        match kind {
            "nis" => BTreeSet::from([code.to_string()]),
            "province" => of("province_nis", code),
            "arrondissement" => of("arrondissement_nis", code),
            "judicial" => of("judicial_arrondissement_id", code),
            "region" => of("region", code),
            "elz" => elz
                .iter()
                .filter(|r| zone_id(&r["elz_name"]) == code)
                .map(|r| r["municipality_nis"].clone())
                .collect(),
            other => panic!("unknown area kind {other}"),
        }
    };
    let services: HashMap<&str, &Value> = tables()
        .get("services")
        .iter()
        .map(|s| (text(s, "id"), s))
        .collect();
    let mut offers = 0;
    let mut wrong = Vec::new();
    let mut check = |concept: &str, id: &str, expected: BTreeSet<String>| {
        offers += 1;
        let uuid = export::uuid(&format!("offer/{concept}/{id}"));
        let Some(s) = services.get(uuid.as_str()) else {
            wrong.push(format!("{concept}/{id}: not exported"));
            return;
        };
        assert_eq!(
            code(&uuid, export::CONCEPT_TAXONOMY).as_deref(),
            Some(concept)
        );
        let got = extent(text(s, "id"));
        if got != expected {
            wrong.push(format!(
                "{concept}/{id}: serves {got:?}, the data says {expected:?}"
            ));
        }
    };
    for concept in files::concept_ids() {
        let file = format!("offers/{concept}.csv");
        if !files::exists(&file) {
            continue;
        }
        for r in files::records(&file) {
            let areas = r["serves"].split(';').filter(|a| !a.trim().is_empty());
            check(
                &concept,
                &r["id"],
                areas.flat_map(|a| resolve(a.trim())).collect(),
            );
        }
    }
    // The zorgraad of each eerstelijnszone is an offer of its zone.
    let zones: BTreeSet<String> = elz.iter().map(|r| zone_id(&r["elz_name"])).collect();
    for z in zones {
        check(
            "eerstelijnszones-zorgraden",
            &format!("elz-{z}"),
            resolve(&format!("elz:{z}")),
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // And nothing else: the other services are the first stops.
    let others = tables().get("services").len() - first_stop_services().len();
    assert_eq!(others, offers);
    assert_eq!(offers, data().offers().len());
}

#[test]
fn every_postcode_is_stated_or_the_bpost_postcode_of_its_town() {
    // Stated: (street, postcode) of the research files, and the postcodes in offers' addresses.
    let mut stated: BTreeSet<(String, String)> = BTreeSet::new();
    for file in [
        "local/sociaal-huis.csv",
        "local/huis-van-het-kind.csv",
        "local/caw.csv",
    ] {
        for r in files::records(file) {
            stated.insert((r["street"].clone(), r["postcode"].clone()));
        }
    }
    for concept in files::concept_ids() {
        let file = format!("offers/{concept}.csv");
        let rows = if files::exists(&file) {
            files::records(&file)
        } else {
            Vec::new()
        };
        for r in rows {
            if let Some((street, town)) = r["address"].rsplit_once(", ") {
                let pc = town.split(' ').next().unwrap_or_default();
                stated.insert((street.to_string(), pc.to_string()));
            }
        }
    }
    let postcodes = files::records("geo/postcodes.csv");
    let fold = hulpkompas_core::text::fold;
    let (mut derived, mut wrong) = (0, Vec::new());
    for a in tables().get("addresses") {
        let (street, pc, city) = (
            text(a, "address_1"),
            text(a, "postal_code"),
            text(a, "city"),
        );
        if pc.is_empty() {
            assert_eq!(text(a, "state_province"), "", "{a}");
            continue;
        }
        let rows: Vec<_> = postcodes.iter().filter(|r| r["postcode"] == pc).collect();
        if !stated.contains(&(street.to_string(), pc.to_string())) {
            derived += 1;
            if !rows.iter().any(|r| fold(&r["locality"]) == fold(city)) {
                wrong.push(format!("{street}, {pc} {city}"));
            }
        }
        let province = |r: &BTreeMap<String, String>| match r["region"].as_str() {
            "Brussels" => "Brussels Hoofdstedelijk Gewest".to_string(),
            _ => r["province_nl"].clone(),
        };
        assert_eq!(
            Some(text(a, "state_province").to_string()),
            rows.first().map(|r| province(r)),
            "{a}"
        );
    }
    assert!(derived > 0, "no postcode derived from a town");
    assert!(
        wrong.is_empty(),
        "derived, but no such bpost locality: {wrong:?}"
    );
}
