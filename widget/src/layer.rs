//! The host's own layer (`offers="./ons-aanbod.json"`, only in the widget's layered build): the
//! loader fetches the file and hands its text here; it is read with `hulpkompas-layer` (the same
//! reader as `hulpkompas layer check`) and merged into the dataset. Every problem is one console
//! message naming the file, the record and the field; the widget keeps working with what it has.

use std::cell::{Cell, RefCell};

use hulpkompas_core::{Dataset, LayerError, Vocabulary};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The layer files read so far (address and text), merged in again when the dataset is
    /// built again (the vocabulary of needs arriving).
    static FILES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The text of the vocabulary of needs, once it is there, for a layer that arrives after it.
    static VOCABULARY: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// The dataset with the vocabulary `text` just arrived: the layers read so far merged in.
pub(crate) fn with_vocabulary(data: Dataset, text: &'static str) -> Dataset {
    VOCABULARY.set(Some(text));
    apply(data, false)
}

fn warn(file: &str, problem: &LayerError) {
    web_sys::console::warn_1(
        &["hulpkompas: ", file, ": ", &problem.to_string()]
            .concat()
            .into(),
    );
}

/// `data` with every layer read so far merged in; with `log`, the problems of the newest one are
/// logged (each file's once).
fn apply(mut data: Dataset, log: bool) -> Dataset {
    FILES.with(|files| {
        let files = files.borrow();
        for (i, (file, text)) in files.iter().enumerate() {
            let (merged, problems) = hulpkompas_layer::apply(data, text, crate::today());
            data = merged;
            if log && i + 1 == files.len() {
                for p in &problems {
                    warn(file, p);
                }
            }
        }
        data
    })
}

/// Called by the loader with the text of the layer file at `file`: its offers and first stops
/// come first from now on, in every instance.
#[wasm_bindgen(js_name = setLayer)]
pub fn set_layer(file: String, text: String) {
    FILES.with(|f| f.borrow_mut().push((file, text)));
    let mut data = Dataset::builtin();
    if let Some((vocabulary, _)) = VOCABULARY.get().and_then(|t| Vocabulary::parse(t).ok()) {
        data = data.with_vocabulary(vocabulary);
    }
    crate::install(apply(data, true));
}

/// For the embed builder: every problem of a layer file, one line each (`[0].name: …`), exactly
/// as `hulpkompas layer check` prints them after the file's name.
#[wasm_bindgen(js_name = checkLayer)]
pub fn check_layer(text: String) -> Vec<String> {
    hulpkompas_layer::check(&text, crate::today())
        .iter()
        .map(ToString::to_string)
        .collect()
}
