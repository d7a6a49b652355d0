//! # Hulpkompas core
//!
//! Which of Flanders' integrated first-line welfare concepts (Sociaal Huis, Huis van het Kind,
//! OverKop, Veilig Huis, eerstelijnszones, …) apply at a place, what the local offer is, and which
//! concepts answer a need.
//!
//! The crate is plain Rust: no web dependencies, no IO. Its data (`core/data/`) is checked and
//! compiled in by `build.rs` (with `hulpkompas-datagen`). Lookups never fail: they return an
//! [`Answer`] plus [`Diagnostic`]s.
//!
//! ```
//! use hulpkompas_core::{Dataset, Lang, Applies};
//!
//! let data = Dataset::builtin();
//! let answer = data.lookup("8500");
//! let place = answer.place.as_ref().unwrap();
//! assert_eq!(place.label(Lang::Nl), "8500 Kortrijk");
//!
//! for c in &answer.concepts {
//!     if c.applies == Applies::Yes {
//!         println!("{}: {}", c.concept.name.nl, c.reason_text(place, Lang::Nl));
//!     }
//! }
//!
//! let results = data.search("schulden", Some(&answer));
//! assert_eq!(results[0].concept.id, "sociaal-huis");
//! ```
//!
//! ## Layers
//!
//! Each module imports only modules of the layers before it (a unit test holds this):
//!
//! 1. **Plain types**: `model` (places, areas, concepts, offers, needs and their terms), with the
//!    helpers `text` (folding) and `sort`, and `hours` (Belgian time, today's hours, open now).
//!    Only `std`.
//! 2. **Tables**: `codec` (the shape, encoder and decoder of each compact text table), `data` (the
//!    generated tables, decoded once), `sources` (the source addresses, built in or loaded),
//!    `vocabulary` (the needs, built in or loaded).
//! 3. **Indexes**: `index` (the search index over the vocabulary and the concepts' names).
//! 4. **Dataset**: `dataset` (the tables with their indexes; a second layer of offers).
//! 5. **Lookup and search**: `diagnostics` (what was understood or wrong), `first_stop` (where
//!    to go first), `lookup` (input → place → areas → every concept's answer), `search` (by need),
//!    `urgent` (the help lines to call now when what a person typed signals danger; compiled in,
//!    independent of the vocabulary).
//! 6. **Messages about answers**: `explain` (the one-line reasons).
#![warn(missing_docs)]

// Layer 1: plain types.
pub mod hours;
pub mod model;
mod sort;
pub mod text;
// Layer 2: tables. The codec's encoders are for hulpkompas-datagen (which compiles the file in)
// and the round-trip tests.
#[cfg_attr(not(test), allow(dead_code))]
mod codec;
#[cfg(test)]
mod codec_tests;
mod data;
mod sources;
mod vocabulary;
// Layer 3: indexes.
mod index;
// Layer 4: the dataset.
mod dataset;
// Layer 5: lookup and search.
pub mod diagnostics;
pub mod first_stop;
mod lookup;
pub mod search;
mod urgent;
// Layer 6: messages about answers.
mod explain;

pub use data::DATA_DATE;
pub use dataset::{Dataset, LayerError, LayerOffer};
pub use diagnostics::{Diagnostic, Severity};
pub use explain::general_entry;
pub use first_stop::without_concept;
pub use hours::{LocalTime, OpenNow};
pub use lookup::{
    is_whole_postcode, Answer, Applies, Area, AreaKind, ConceptAnswer, Outcome, Place, Reason,
    MAX_INPUT_CHARS,
};
pub use model::{
    Access, AreaRef, Arrondissement, Audience, Concept, Confidence, Coverage, Date, HelpLine,
    JudicialArrondissement, Lang, Locality, Merger, Municipality, Need, Offer, OfferStatus,
    Province, Region, Scope, Signal, Source, SpecialPostcode, Status, TermSource, Terms, Text,
    TextList, Zone,
};
pub use model::{Address, CawArea, FactConfidence, FirstStop, FirstStopKind, OpeningHours};
pub use search::{Matched, SearchResult};
pub use sources::Sources;
pub use urgent::{help_lines, urgent, urgent_lines, Urgent};
pub use vocabulary::Vocabulary;

#[cfg(test)]
mod layers {
    /// The modules in layer order (see the crate doc): each may import only modules before it.
    const MODULES: &[(&str, &str)] = &[
        ("text", include_str!("text.rs")),
        ("sort", include_str!("sort.rs")),
        ("model", include_str!("model.rs")),
        ("hours", include_str!("hours.rs")),
        ("codec", include_str!("codec.rs")),
        ("data", include_str!("data.rs")),
        ("sources", include_str!("sources.rs")),
        ("vocabulary", include_str!("vocabulary.rs")),
        ("index", include_str!("index.rs")),
        ("dataset", include_str!("dataset.rs")),
        ("diagnostics", include_str!("diagnostics.rs")),
        ("first_stop", include_str!("first_stop.rs")),
        ("lookup", include_str!("lookup.rs")),
        ("search", include_str!("search.rs")),
        ("urgent", include_str!("urgent.rs")),
        ("explain", include_str!("explain.rs")),
    ];

    #[test]
    fn no_module_imports_a_module_above_it() {
        let position = |m: &str| MODULES.iter().position(|(name, _)| *name == m);
        let mut wrong = Vec::new();
        for (i, (name, src)) in MODULES.iter().enumerate() {
            for (at, _) in src.match_indices("crate::") {
                let used: String = src[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                match position(&used) {
                    Some(j) if j <= i => {}
                    Some(_) => wrong.push(format!("{name} imports {used}, a layer above it")),
                    None => wrong.push(format!(
                        "{name} names `crate::{used}`: import from the module that defines it"
                    )),
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
