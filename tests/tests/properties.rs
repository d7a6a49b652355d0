//! Property tests: any input returns an answer without panicking, with bounded output and work,
//! and the command-line tool's JSON for it matches the schemas in `schema/`.
//!
//! The time bound here is a guard against runaway work (seconds, in a debug build), not a speed
//! target: speed lives in the criterion benchmarks.

use hulpkompas_cli::json;
use hulpkompas_core::{Dataset, Lang, Outcome};
use hulpkompas_tests::{data::concept_ids, schema};
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn data() -> &'static Dataset {
    static D: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    D.get_or_init(Dataset::builtin)
}

const GUARD: Duration = Duration::from_secs(2);

fn check_lookup(input: &str) {
    let t = Instant::now();
    let a = data().lookup(input);
    assert!(t.elapsed() < GUARD, "lookup took {:?}", t.elapsed());
    assert!(a.candidates.len() <= 50);
    assert!(a.diagnostics.len() <= 8);
    match a.outcome {
        Outcome::Found => assert_eq!(a.concepts.len(), concept_ids().len(), "every concept"),
        Outcome::NotAPlace => assert!(
            !a.diagnostics.is_empty(),
            "no place and no message for {input:?}"
        ),
        Outcome::Ambiguous => assert!(!a.candidates.is_empty()),
    }
    for d in &a.diagnostics {
        for l in Lang::ALL {
            assert!(d.message(l).len() < 2000);
        }
    }
    let v = serde_json::to_value(json::lookup(input, &a, None, Lang::Nl)).unwrap();
    schema::assert_valid(schema::lookup(), &v, &format!("lookup {input:?}"));
}

fn check_search(input: &str) {
    let t = Instant::now();
    let r = data().search(input, None);
    assert!(t.elapsed() < GUARD, "search took {:?}", t.elapsed());
    // Scores are positive numbers (not NaN), each result has one to three explanations.
    let v = serde_json::to_value(json::search(input, None, &r, Lang::Nl)).unwrap();
    schema::assert_valid(schema::search(), &v, &format!("search {input:?}"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn lookup_never_panics(s in "\\PC{0,300}") {
        check_lookup(&s);
    }

    #[test]
    fn lookup_of_digits_never_panics(s in "[0-9 bB-]{0,12}") {
        check_lookup(&s);
    }

    #[test]
    fn search_never_panics(s in "\\PC{0,300}") {
        check_search(&s);
    }

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let s = String::from_utf8_lossy(&bytes);
        check_lookup(&s);
        check_search(&s);
    }
}

#[test]
fn hostile_and_huge_inputs() {
    let long = "a".repeat(10_000);
    let words = "schulden ".repeat(2_000);
    let inputs = [
        long.as_str(),
        words.as_str(),
        "😀😀😀",
        "\u{0}\u{1}\u{2}",
        "<img src=x onerror=alert(1)>",
        "' OR 1=1; --",
        "\u{202e}8500",
        "８５００",
        "8500\u{0}",
        "\t\n\r",
    ];
    for s in inputs {
        check_lookup(s);
        check_search(s);
    }
    assert_eq!(data().lookup(&long).diagnostics[0].code(), "too_long");
}
