//! First stops over every Flemish and Brussels municipality: each answer has a place to reach,
//! never sends a card's reader to the card's own concept, has sources and a confidence, and never
//! leaves low-confidence facts alone. `coverage_report` prints the counts (`--nocapture`).

use hulpkompas_core::{
    without_concept, Dataset, FactConfidence, FirstStop, FirstStopKind, Municipality, Region,
};

fn data() -> &'static Dataset {
    static D: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

fn flemish_and_brussels() -> Vec<&'static Municipality> {
    data()
        .municipalities()
        .iter()
        .filter(|m| m.region != Region::Wallonia)
        .collect()
}

fn stops(m: &'static Municipality, children: bool) -> Vec<FirstStop> {
    data().first_stop(m, children).0
}

#[test]
fn there_are_304_flemish_and_brussels_municipalities() {
    assert_eq!(flemish_and_brussels().len(), 304);
}

#[test]
fn every_answer_has_a_first_stop_to_reach() {
    for m in flemish_and_brussels() {
        for children in [false, true] {
            let s = stops(m, children);
            assert!(
                s.iter().any(FirstStop::is_reachable),
                "{}: no first stop with a phone, a website or an address",
                m.name_nl
            );
            assert!(s.iter().all(FirstStop::is_reachable), "{}", m.name_nl);
            assert!(
                s.iter().any(|f| f.kind == FirstStopKind::Caw),
                "{}: the CAW always stays",
                m.name_nl
            );
        }
        // The lookup's answer is the same list.
        let a = data().lookup(m.name_nl);
        if a.place
            .as_ref()
            .is_some_and(|p| std::ptr::eq(p.municipality, m))
        {
            assert_eq!(a.first_stop, stops(m, false), "{}", m.name_nl);
        }
    }
}

#[test]
fn no_first_stop_sends_a_card_to_its_own_concept() {
    for m in flemish_and_brussels() {
        let s = stops(m, true);
        for c in data().concepts() {
            let shown: Vec<&FirstStop> = without_concept(&s, c.id).collect();
            assert!(
                shown.iter().all(|f| f.kind.concept_id() != Some(c.id)),
                "{}: the {} card sends to itself",
                m.name_nl,
                c.id
            );
            assert!(
                !shown.is_empty(),
                "{}: the {} card has no first stop",
                m.name_nl,
                c.id
            );
        }
    }
}

#[test]
fn every_first_stop_has_a_source_and_a_confidence_and_low_is_never_alone() {
    let date = |d: &str| {
        d == "undated"
            || [4, 7, 10].contains(&d.len())
                && d.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                })
    };
    for m in data().municipalities() {
        let s = stops(m, true);
        for f in &s {
            let sources: Vec<&str> = f.sources().collect();
            assert!(
                !sources.is_empty(),
                "{}: {} has no source",
                m.name_nl,
                f.name
            );
            assert!(
                sources
                    .iter()
                    .all(|u| u.starts_with("https://") || u.starts_with("http://")),
                "{}: {sources:?}",
                m.name_nl
            );
            assert!(date(f.source_date), "{}: date {}", m.name_nl, f.source_date);
            if let Some(w) = f.website {
                assert!(w.starts_with("https://") || w.starts_with("http://"), "{w}");
            }
        }
        assert!(
            s.iter().any(|f| f.confidence != FactConfidence::Low),
            "{}: only low-confidence first stops",
            m.name_nl
        );
        if m.region == Region::Wallonia {
            assert_eq!(s.len(), 1);
            assert_eq!(s[0].kind, FirstStopKind::Cpas);
        }
    }
}

/// Counts over the 304 municipalities: `cargo test -p hulpkompas-tests --test first_stop --
/// --nocapture`.
#[test]
fn coverage_report() {
    let all = flemish_and_brussels();
    let levels = [
        FactConfidence::High,
        FactConfidence::Medium,
        FactConfidence::Low,
    ];
    let mut rows: Vec<(&str, [usize; 3])> = Vec::new();
    let social = |m: &'static Municipality| {
        stops(m, false)
            .into_iter()
            .find(|f| matches!(f.kind, FirstStopKind::SociaalHuis | FirstStopKind::Ocmw))
    };
    let count = |pick: &dyn Fn(&FirstStop) -> bool| {
        let mut n = [0; 3];
        for m in &all {
            if let Some(f) = social(m).filter(|f| pick(f)) {
                n[levels.iter().position(|l| *l == f.confidence).unwrap()] += 1;
            }
        }
        n
    };
    rows.push(("Sociaal Huis/OCMW listed", count(&|_| true)));
    rows.push(("  with a phone", count(&|f| f.phone.is_some())));
    rows.push(("  with an address", count(&|f| f.address.is_some())));
    rows.push((
        "  with hours (machine format)",
        count(&|f| f.hours.is_some()),
    ));
    rows.push((
        "  with hours (as stated only)",
        count(&|f| f.hours.is_none() && f.hours_text.is_some()),
    ));
    rows.push(("  with a web page", count(&|f| f.website.is_some())));
    let general = "CAW (Centrum Algemeen Welzijnswerk)";
    let mut caw = [0; 3];
    let mut hvk = [0; 3];
    let mut unknown = 0;
    for m in &all {
        let s = stops(m, true);
        if let Some(f) = s
            .iter()
            .find(|f| f.kind == FirstStopKind::Caw && f.name != general)
        {
            caw[levels.iter().position(|l| *l == f.confidence).unwrap()] += 1;
        }
        if let Some(f) = s.iter().find(|f| f.kind == FirstStopKind::HuisVanHetKind) {
            hvk[levels.iter().position(|l| *l == f.confidence).unwrap()] += 1;
        }
        if data().first_stop(m, false).1.is_some() {
            unknown += 1;
        }
    }
    rows.push(("named CAW (reachable)", caw));
    rows.push(("named Huis van het Kind (reachable)", hvk));
    println!(
        "First stops over {} municipalities (Flanders and Brussels):",
        all.len()
    );
    println!(
        "{:<38} {:>5} {:>5} {:>5} {:>5} {:>5}",
        "", "all", "high", "med", "low", "%"
    );
    for (what, n) in &rows {
        let total: usize = n.iter().sum();
        println!(
            "{what:<38} {total:>5} {:>5} {:>5} {:>5} {:>4}%",
            n[0],
            n[1],
            n[2],
            total * 100 / all.len()
        );
    }
    println!("{:<38} {unknown:>5}", "first_stop_unknown (no own contact)");
    assert_eq!(rows[0].1.iter().sum::<usize>() + unknown, all.len());
}
