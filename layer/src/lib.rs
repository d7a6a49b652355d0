//! An organisation's own layer: HSDS 3.0 services with the Hulpkompas profile (see
//! `layer/README.md`), read into [`LayerOffer`]s for [`Dataset::with_layer`].
//!
//! Reading is never fatal: a record that cannot be used is left out, a field that cannot be used is
//! dropped, and every problem is returned with its JSON path (`[3].service_areas[0].extent`). The
//! command-line tool (`hulpkompas layer check`), the widget and the embed builder all read layers
//! here, so they give the same messages.
//!
//! ```
//! use hulpkompas_core::Date;
//! let text = r#"[{"id": "x", "name": "Sociaal Huis", "status": "active",
//!   "organization": {"id": "o", "name": "OCMW Voorbeeld"},
//!   "attributes": [{"id": "a", "taxonomy_term": {"id": "t", "taxonomy": "hulpkompas", "code": "sociaal-huis"}}],
//!   "service_areas": [{"id": "s", "extent_type": "text", "extent": "8500, 90000"}]}]"#;
//! let today = Date::parse("2026-12-03").unwrap();
//! let problems = hulpkompas_layer::check(text, today);
//! assert_eq!(problems.len(), 1);
//! assert_eq!(problems[0].to_string(), "[0].service_areas[0].extent: \"90000\" is no Belgian postcode");
//! ```

mod schedule;
mod service;

pub use service::{CONCEPT_TAXONOMY, FIRST_STOP_TAXONOMY};

use hulpkompas_core::{Dataset, Date, LayerError, LayerOffer};
use serde_json::Value;

/// The largest layer file read: 1 MB. (A municipality's own offers are a few KB.)
pub const MAX_BYTES: usize = 1_000_000;

/// What a layer file holds: the offers that can be used, and every problem found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layer {
    /// The records that can be used, with what of them can be used.
    pub offers: Vec<LayerOffer>,
    /// Every problem, with its JSON path, in the order of the file.
    pub problems: Vec<LayerError>,
}

/// Reads a layer file. `today` decides which schedules are valid (`valid_from`, `valid_to`).
/// Problems found here are those of the file itself; [`check`] adds those only the dataset can
/// see (a postcode that is no Belgian place).
pub fn read(text: &str, today: Date) -> Layer {
    let mut layer = Layer::default();
    if let Some(p) = too_big(text.len() as u64) {
        layer.problems.push(p);
        return layer;
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            layer.problem("$", format!("this is not valid JSON ({e})"));
            return layer;
        }
    };
    let Value::Array(records) = value else {
        let found = service::kind_of(&value);
        layer.problem(
            "$",
            format!(
                "a layer is a JSON array of HSDS services, [ {{…}}, … ]; this file holds {found}"
            ),
        );
        return layer;
    };
    for (i, record) in records.iter().enumerate() {
        let mut reader = service::Reader::new(format!("[{i}]"), today);
        if let Some(offer) = reader.service(record) {
            layer.offers.push(offer);
        }
        layer.problems.append(&mut reader.problems);
    }
    layer
}

/// The problem of a file of `bytes` bytes, if it is over [`MAX_BYTES`] (to check before reading it).
pub fn too_big(bytes: u64) -> Option<LayerError> {
    (bytes > MAX_BYTES as u64).then(|| LayerError {
        path: "$".into(),
        message: format!(
            "the file is {bytes} bytes; a layer may be at most {MAX_BYTES} bytes (1 MB)"
        ),
    })
}

/// Every problem of a layer file, merged into the built-in data: those of the file and those only
/// the data can see (a postcode that is no Belgian place), in the order of the file.
pub fn check(text: &str, today: Date) -> Vec<LayerError> {
    apply(Dataset::builtin(), text, today).1
}

/// The dataset with the layer merged in, and every problem ([`check`]).
pub fn apply(data: Dataset, text: &str, today: Date) -> (Dataset, Vec<LayerError>) {
    let Layer {
        offers,
        mut problems,
    } = read(text, today);
    let (data, mut merged) = data.with_layer(offers);
    problems.append(&mut merged);
    problems.sort_by_key(|p| record_index(&p.path));
    (data, problems)
}

/// The index of the record a JSON path is in (`[3].name` → 3); the file itself first.
fn record_index(path: &str) -> Option<usize> {
    path.strip_prefix('[')?.split(']').next()?.parse().ok()
}

impl Layer {
    fn problem(&mut self, path: &str, message: String) {
        self.problems.push(LayerError {
            path: path.to_string(),
            message,
        });
    }
}

#[cfg(test)]
mod tests;
