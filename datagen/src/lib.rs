//! # Hulpkompas data generator
//!
//! Reads the data folder (`core/data`), checks every file and every rule between files, and writes
//! the Rust source of the core's static tables (in the pattern of Ruffle's `build_playerglobal`:
//! `core/build.rs` only calls [`generate`]).
//!
//! - [`rows`]: one typed row per data file (serde, `csv`, `toml`);
//! - `geo`, `concepts`, `offers`, `needs`, `urgent`: load the files, check them and resolve references
//!   (an offer's areas, a need's concepts) into indices;
//! - `emit`: the generated code. The compact text tables are written by the core's own encoders
//!   (`core/src/codec.rs`, compiled in here with the core's `model.rs`), the rest as Rust statics.
//!
//! Every problem is a [`DataError`] `file:line: what is wrong`; all of them are collected, none
//! panics. Concepts are discovered from `concepts/*.toml` (ordered by their `order` field) and
//! offers from `offers/*.csv` (each file named after its concept); `local` reads the first stops
//! (`local/*.csv`). Folders and files the generator does not know are ignored.

use std::fmt;
use std::path::Path;

mod concepts;
mod emit;
mod geo;
mod local;
mod needs;
mod offers;
mod read;
pub mod rows;
mod urgent;

/// The core's domain types: the rows of the compact tables.
#[path = "../../core/src/model.rs"]
#[allow(dead_code)]
mod model;

/// The core's compact tables: the generator calls its encoders.
#[path = "../../core/src/codec.rs"]
#[allow(dead_code)]
mod codec;

/// The core's folding: stop words are stored folded.
#[path = "../../core/src/text.rs"]
#[allow(dead_code)]
mod text;

/// A problem in the data: `file:line: what is wrong`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file, relative to the data folder, with `/` separators (`geo/postcodes.csv`).
    pub file: String,
    /// The line in the file (1-based), when the problem has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for DataError {}

/// The core's features that change the generated tables (see `core/Cargo.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// Texts for professionals (sources' use, scale, policy domain, legal basis, notes, websites).
    pub details: bool,
    /// The source addresses of concepts, offers and zones compiled in (else the widget fetches
    /// them as the sources file).
    pub sources: bool,
    /// The vocabulary of needs compiled in.
    pub vocabulary: bool,
    /// Every Walloon locality (else one per Walloon postcode).
    pub wallonia_localities: bool,
}

impl Features {
    /// Every feature on (the core's default).
    pub const ALL: Features = Features {
        details: true,
        sources: true,
        vocabulary: true,
        wallonia_localities: true,
    };

    /// Every feature off: what the widget compiles in (`widget/Cargo.toml`).
    pub const NONE: Features = Features {
        details: false,
        sources: false,
        vocabulary: false,
        wallonia_localities: false,
    };

    /// The features cargo passes to a build script (`CARGO_FEATURE_*`).
    pub fn from_cargo_env() -> Features {
        let on = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some();
        Features {
            details: on("DETAILS"),
            sources: on("SOURCES"),
            vocabulary: on("VOCABULARY"),
            wallonia_localities: on("WALLONIA_LOCALITIES"),
        }
    }
}

/// Where an error is: a file and maybe a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct At {
    file: String,
    line: Option<usize>,
}

impl At {
    pub(crate) fn file(file: &str) -> At {
        At {
            file: file.to_string(),
            line: None,
        }
    }

    pub(crate) fn line(file: &str, line: usize) -> At {
        At {
            file: file.to_string(),
            line: Some(line),
        }
    }
}

/// The errors found so far.
#[derive(Default)]
pub(crate) struct Errors(Vec<DataError>);

impl Errors {
    pub(crate) fn push(&mut self, at: &At, message: impl Into<String>) {
        self.0.push(DataError {
            file: at.file.clone(),
            line: at.line,
            message: message.into(),
        });
    }
}

/// The data, read, checked and resolved.
pub(crate) struct Loaded {
    geo: geo::Geo,
    concepts: Vec<concepts::LoadedConcept>,
    offers: Vec<model::Offer>,
    needs: Option<needs::LoadedNeeds>,
    urgent: Option<urgent::LoadedUrgent>,
    local: Option<local::Local>,
}

fn load(dir: &Path) -> (Option<Loaded>, Vec<DataError>) {
    let mut errors = Errors::default();
    let geo = geo::load(dir, &mut errors);
    let (concepts, broken) = concepts::load(dir, &mut errors);
    // Concepts with errors still count as known: their offers and needs are checked against them.
    let ids: Vec<&str> = concepts
        .iter()
        .map(|c| c.file.id.as_str())
        .chain(broken.iter().map(String::as_str))
        .collect();
    let offers = match &geo {
        Some(g) => offers::load(dir, g, &ids, &mut errors),
        None => Vec::new(),
    };
    let needs = needs::load(dir, &ids, &mut errors);
    let urgent = urgent::load(dir, &mut errors);
    let local = geo.as_ref().map(|g| local::load(dir, g, &mut errors));
    // In file order, then line order (a file's rows are checked in the order its keys sort).
    errors
        .0
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    let loaded = geo.map(|geo| Loaded {
        geo,
        concepts,
        offers,
        needs,
        urgent,
        local,
    });
    (loaded, errors.0)
}

/// Checks the data folder `dir`: every error, in file order (empty when the data is clean).
///
/// The checks are those of [`generate`], independent of the features.
pub fn check(dir: &Path) -> Vec<DataError> {
    load(dir).1
}

/// The compact text tables the core compiles in with `features` (`core/src/codec.rs`), each with
/// the name of its static: for the size report, which finds each of them in the widget's wasm.
pub fn text_tables(
    dir: &Path,
    features: Features,
) -> Result<Vec<(&'static str, String)>, Vec<DataError>> {
    match load(dir) {
        (Some(loaded), errors) if errors.is_empty() => {
            Ok(emit::text_tables(&loaded, features).into())
        }
        (_, errors) => Err(errors),
    }
}

/// Reads and checks the data folder `dir` and returns the Rust source of the core's tables
/// (`$OUT_DIR/data.rs`), or every error found.
pub fn generate(dir: &Path, features: Features) -> Result<String, Vec<DataError>> {
    match load(dir) {
        (Some(loaded), errors) if errors.is_empty() => Ok(emit::code(&loaded, features)),
        (_, errors) => Err(errors),
    }
}
