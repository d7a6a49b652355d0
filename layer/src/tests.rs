//! Each case: a layer file, and what `hulpkompas layer check` says of it (one problem a line, or
//! `ok`), then what is kept of the records.

use super::*;
use hulpkompas_core::FirstStopKind;

fn today() -> Date {
    Date::parse("2026-12-03").unwrap()
}

/// A service in the profile, with `extra` fields replacing or adding to it.
fn service(extra: &str) -> String {
    let base = r#""id": "s1", "name": "Sociaal Huis Voorbeeld", "status": "active",
        "organization": {"id": "o1", "name": "OCMW Voorbeeld"},
        "attributes": [{"id": "a1", "taxonomy_term": {"id": "t1", "taxonomy": "hulpkompas", "code": "sociaal-huis"}}],
        "service_areas": [{"id": "sa1", "extent_type": "text", "extent": "8500"}]"#;
    let mut v: serde_json::Map<String, Value> =
        serde_json::from_str(&format!("{{{base}}}")).unwrap();
    let extra: serde_json::Map<String, Value> =
        serde_json::from_str(&format!("{{{extra}}}")).unwrap();
    v.extend(extra);
    Value::Object(v).to_string()
}

/// A layer of one [`service`].
fn layer(extra: &str) -> String {
    format!("[{}]", service(extra))
}

#[track_caller]
fn check(text: &str, expect: &str) {
    let problems = super::check(text, today());
    let got = if problems.is_empty() {
        "ok".to_string()
    } else {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(got, expect.trim(), "for the layer {text}");
}

#[test]
fn the_example_file_is_clean_and_complete() {
    let text = include_str!("../example.json");
    check(text, "ok");
    let layer = read(text, today());
    let o = &layer.offers[0];
    assert_eq!(o.first_stop, Some(FirstStopKind::SociaalHuis));
    assert_eq!(
        (o.phone.as_str(), o.hours.as_str()),
        ("051 74 03 70", "MO,TU,WE,TH,FR 09:00-12:00")
    );
    assert_eq!(
        (o.street.as_str(), o.postcode.as_str()),
        ("Oude Lichterveldsestraat 11A", "8850")
    );
    assert_eq!(o.provider, "OCMW Ardooie");
}

#[test]
fn the_file_itself() {
    check(
        "",
        "$: this is not valid JSON (EOF while parsing a value at line 1 column 0)",
    );
    check(
        "[{\"id\": \"x\",}]",
        "$: this is not valid JSON (trailing comma at line 1 column 13)",
    );
    check(
        "{\"id\": \"x\"}",
        "$: a layer is a JSON array of HSDS services, [ {…}, … ]; this file holds an object",
    );
    check("[]", "ok");
    let big = format!("[{}]", vec![service(""); 4000].join(","));
    assert!(big.len() > MAX_BYTES);
    check(
        &big,
        &format!(
            "$: the file is {} bytes; a layer may be at most 1000000 bytes (1 MB)",
            big.len()
        ),
    );
}

#[test]
fn records_that_cannot_be_used_are_left_out_and_the_rest_is_kept() {
    let text = format!(
        "[{}, 3, {}, {}, {}]",
        service(r#""attributes": []"#),
        service(
            r#""attributes": [{"id": "a", "taxonomy_term": {"id": "t", "taxonomy": "hulpkompas", "code": "schuldhulp"}}]"#
        ),
        service(
            r#""service_areas": [{"id": "x", "extent_type": "text", "extent": "90000, 8850, nis:99999"}]"#
        ),
        service(r#""id": "s2""#),
    );
    check(
        &text,
        r#"
[0].attributes: no attribute with a "hulpkompas" taxonomy term names the concept; the record is left out
[1]: an object { … } was expected, found a number; it is left out
[2]: "schuldhulp" is no Hulpkompas concept id; the record is left out
[3].service_areas[0].extent: "90000" is no Belgian postcode
[3].service_areas[0].extent: "nis:99999" is no Belgian municipality (NIS code)
"#,
    );
    let (data, _) = apply(Dataset::builtin(), &text, today());
    let kortrijk = data.lookup("8500");
    let offers = &kortrijk.concept("sociaal-huis").unwrap().offers;
    assert_eq!(offers[0].name, "Sociaal Huis Voorbeeld");
    assert_eq!(offers[0].provider.as_deref(), Some("OCMW Voorbeeld"));
    // The record of [3] serves Ardooie, beside its bad areas; [4] (id s2) serves Kortrijk.
    let ardooie = data.lookup("8850");
    assert_eq!(ardooie.concept("sociaal-huis").unwrap().offers[0].id, "s1");
    assert!(offers.iter().any(|o| o.id == "s2"));
}

#[test]
fn wrong_types_drop_the_field_and_name_it() {
    check(
        &layer(r#""name": 5"#),
        r#"
[0].name: a text was expected, found a number; the field is left out
[0].name: every service needs a name; the record is left out
"#,
    );
    check(
        &layer(
            r#""phones": {"number": "09 123"}, "url": "javascript:alert(1)", "organization": "OCMW""#,
        ),
        r#"
[0].organization: an object { … } was expected, found a text; it is left out
[0].organization.name: say who gives these facts (the organisation's name); the record is left out
"#,
    );
    check(
        &layer(r#""phones": {"number": "09 123"}, "url": "javascript:alert(1)""#),
        r#"
[0].phones: an array [ … ] was expected, found an object; the field is left out
[0].url: "javascript:alert(1)" is no web address (it must start with https://); the field is left out
"#,
    );
    check(
        &layer(r#""service_areas": [{"id": "x", "extent_type": "geojson", "extent": "{}"}]"#),
        r#"
[0].service_areas[0].extent_type: "geojson" is not read by Hulpkompas: write extent_type "text" with postcodes or nis: codes; the area is left out
[0]: serves no Belgian place; the record is left out
"#,
    );
}

#[test]
fn schedules_become_opening_hours() {
    let layer = |schedules: &str| {
        let text = format!("[{}]", service(&format!(r#""schedules": {schedules}"#)));
        let l = read(&text, today());
        let problems: Vec<String> = l.problems.iter().map(ToString::to_string).collect();
        (
            l.offers[0].hours.clone(),
            l.offers[0].hours_text.clone(),
            problems,
        )
    };
    let (hours, text, problems) = layer(
        r#"[{"id": "1", "freq": "WEEKLY", "byday": "TU,MO,WE,TH,FR", "opens_at": "09:00:00", "closes_at": "12:00:00"},
            {"id": "2", "freq": "WEEKLY", "byday": "TH", "opens_at": "13:30", "closes_at": "18:00", "description": "donderdagnamiddag"},
            {"id": "3", "freq": "WEEKLY", "byday": "SA", "opens_at": "09:00", "closes_at": "11:00", "valid_to": "2026-06-30"},
            {"id": "4", "freq": "WEEKLY", "byday": "SU", "opens_at": "09:00", "closes_at": "11:00", "valid_from": "2027-01-01"}]"#,
    );
    assert_eq!(hours, "MO,TU,WE,TH,FR 09:00-12:00; TH 13:30-18:00");
    assert_eq!(text, "donderdagnamiddag");
    assert!(problems.is_empty(), "{problems:?}");
    let (hours, _, problems) = layer(
        r#"[{"id": "1", "freq": "MONTHLY", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00"},
            {"id": "2", "freq": "WEEKLY", "byday": "MA", "opens_at": "09:00", "closes_at": "12:00"},
            {"id": "3", "freq": "WEEKLY", "byday": "MO", "opens_at": "9u", "closes_at": "12:00"},
            {"id": "4", "freq": "WEEKLY", "byday": "MO", "opens_at": "14:00", "closes_at": "12:00"},
            {"id": "5", "freq": "WEEKLY", "byday": "FR", "opens_at": "14:00", "closes_at": "16:00"}]"#,
    );
    assert_eq!(hours, "FR 14:00-16:00");
    assert_eq!(
        problems,
        [
            "[0].schedules[0].freq: \"MONTHLY\" is not read: only WEEKLY schedules are; the schedule is left out",
            "[0].schedules[1].byday: \"MA\" is no day (MO TU WE TH FR SA SU); the schedule is left out",
            "[0].schedules[2].opens_at: \"9u\" is no time HH:MM; the schedule is left out",
            "[0].schedules[3]: `14:00-12:00`: it closes before it opens; the schedule is left out",
        ]
    );
}

#[test]
fn a_first_stop_kind_that_is_unknown_keeps_the_offer() {
    let text = format!(
        "[{}]",
        service(
            r#""attributes": [
            {"id": "a", "taxonomy_term": {"id": "t", "taxonomy": "hulpkompas", "code": "sociaal-huis"}},
            {"id": "b", "taxonomy_term": {"id": "u", "taxonomy": "hulpkompas-first-stop", "code": "loket"}}]"#
        ),
    );
    check(
        &text,
        r#"[0].attributes[1].taxonomy_term.code: "loket" is no kind of first stop (sociaal_huis, ocmw, caw, huis_van_het_kind, cpas); the service is shown as an offer only"#,
    );
    let l = read(&text, today());
    assert_eq!((l.offers.len(), l.offers[0].first_stop), (1, None));
}

#[test]
fn strings_are_kept_as_text() {
    let text = format!("[{}]", service(r#""name": "<img src=x onerror=alert(1)>""#));
    check(&text, "ok");
    assert_eq!(
        read(&text, today()).offers[0].name,
        "<img src=x onerror=alert(1)>"
    );
}
