//! # Hulpkompas core
//!
//! Which of Flanders' integrated first-line welfare concepts (Sociaal Huis, Huis van het Kind,
//! OverKop, Veilig Huis, eerstelijnszones, …) apply at a place, what the local offer is, and which
//! concepts answer a need.
//!
//! The crate is plain Rust: no web dependencies, no IO. Its data (`core/data/`) is checked and
//! compiled in by `build.rs`. Lookups never fail: they return an [`Answer`] plus [`Diagnostic`]s.
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
#![warn(missing_docs)]

// The encoders are for hulpkompas-datagen (which compiles this file in) and the round-trip tests.
#[cfg_attr(not(test), allow(dead_code))]
mod codec;
#[cfg(test)]
mod codec_tests;
mod data;
mod dataset;
pub mod diagnostics;
mod explain;
mod lookup;
pub mod model;
pub mod search;
mod sort;
pub mod text;
mod vocabulary;

pub use data::DATA_DATE;
pub use dataset::{Dataset, LayerError, LayerOffer};
pub use diagnostics::{Diagnostic, Severity};
pub use explain::general_entry;
pub use lookup::{
    Answer, Applies, Area, AreaKind, ConceptAnswer, Outcome, Place, Reason, MAX_INPUT_CHARS,
};
pub use model::*;
pub use search::{Matched, Need, SearchResult, TermSource, Terms};
pub use vocabulary::Vocabulary;
