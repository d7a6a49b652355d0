#![cfg(feature = "layer")]
//! An organisation's own layer on top of the built-in data: its first stop replaces the built-in
//! one of the same kind where it serves (and only there), problems carry their JSON path, and a
//! bad record never takes the rest down.

use hulpkompas_core::{Dataset, FirstStopKind, LayerOffer};

fn record(path: &str, concept: &str, kind: Option<FirstStopKind>, area: &str) -> LayerOffer {
    LayerOffer {
        path: path.into(),
        concept: concept.into(),
        first_stop: kind,
        id: format!("eigen-{concept}"),
        name: "Sociaal Huis (eigen gegevens)".into(),
        provider: "Gemeente Ardooie".into(),
        date: "2026-11-30".into(),
        street: "Oude Lichterveldsestraat 11A".into(),
        postcode: "8850".into(),
        city: "Ardooie".into(),
        phone: "051 74 03 70".into(),
        hours: "MO-FR 09:00-12:00".into(),
        serves: vec![(format!("{path}.service_areas[0].extent"), area.into())],
        ..Default::default()
    }
}

#[test]
fn a_layer_first_stop_takes_the_place_of_the_built_in_one_where_it_serves() {
    let builtin = Dataset::builtin();
    let before_elsewhere = builtin.lookup("9000").first_stop;
    let (data, problems) = Dataset::builtin().with_layer(vec![record(
        "[0]",
        "sociaal-huis",
        Some(FirstStopKind::SociaalHuis),
        "8850",
    )]);
    assert!(problems.is_empty(), "{problems:?}");
    let answer = data.lookup("8850");
    let first = &answer.first_stop[0];
    assert_eq!(first.provider, Some("Gemeente Ardooie"));
    assert_eq!(first.hours, Some("MO-FR 09:00-12:00"));
    assert_eq!(
        answer
            .first_stop
            .iter()
            .filter(|s| matches!(s.kind, FirstStopKind::SociaalHuis | FirstStopKind::Ocmw))
            .count(),
        1,
        "the built-in Sociaal Huis is replaced, not listed twice"
    );
    let offers = &answer.concept("sociaal-huis").unwrap().offers;
    assert_eq!(offers[0].provider.as_deref(), Some("Gemeente Ardooie"));
    // Elsewhere nothing changes.
    assert_eq!(data.lookup("9000").first_stop, before_elsewhere);
}

#[test]
fn a_bad_record_is_left_out_with_its_path_and_the_rest_is_used() {
    let (data, problems) = Dataset::builtin().with_layer(vec![
        record("[0]", "bestaat-niet", None, "8850"),
        record(
            "[1]",
            "sociaal-huis",
            Some(FirstStopKind::SociaalHuis),
            "90000",
        ),
        record(
            "[2]",
            "sociaal-huis",
            Some(FirstStopKind::SociaalHuis),
            "nis:37020",
        ),
    ]);
    let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        said,
        [
            "[0]: \"bestaat-niet\" is no Hulpkompas concept id; the record is left out",
            "[1].service_areas[0].extent: \"90000\" is no Belgian postcode",
            "[1]: serves no Belgian place; the record is left out",
        ]
    );
    assert_eq!(
        data.lookup("Ardooie").first_stop[0].provider,
        Some("Gemeente Ardooie")
    );
}
