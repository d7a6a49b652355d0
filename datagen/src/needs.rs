//! `needs.toml`: the vocabulary of needs.

use std::collections::BTreeSet;
use std::path::Path;

use crate::codec::FIELD_RESERVED;
use crate::model::Terms;
use crate::read;
use crate::rows::NeedsFile;
use crate::{At, Errors};

/// The vocabulary, checked: each need's concept weights resolved to concept indices.
pub(crate) struct LoadedNeeds {
    pub file: NeedsFile,
    pub weights: Vec<Vec<(u8, f32)>>,
}

const FILE: &str = "needs.toml";

pub(crate) fn load(dir: &Path, concepts: &[&str], errors: &mut Errors) -> Option<LoadedNeeds> {
    let (file, text): (NeedsFile, String) = read::toml_with_text(dir, FILE, errors)?;
    let mut ids = BTreeSet::new();
    let mut weights = Vec::new();
    for need in &file.need {
        let at = At::line(FILE, read::line_of(&text, need.id.span().start));
        let need_id = need.id.get_ref();
        if !ids.insert(need_id.clone()) {
            errors.push(&at, format!("need id `{}` is not unique", need_id));
        }
        let mut ws = Vec::new();
        for (cid, w) in &need.concepts {
            match concepts.iter().position(|c| c == cid) {
                Some(i) if (0.0..=1.0).contains(w) => ws.push((i as u8, *w)),
                Some(_) => errors.push(
                    &at,
                    format!(
                        "need `{}`: weight {w} for `{cid}` is not between 0 and 1",
                        need_id
                    ),
                ),
                None => errors.push(
                    &at,
                    format!("need `{}`: `{cid}` is not a concept id", need_id),
                ),
            }
        }
        if need.nl.is_empty() && need.fr.is_empty() && need.en.is_empty() {
            errors.push(&at, format!("need `{}` has no terms", need_id));
        }
        let id_and_label = [need_id, &need.label.nl, &need.label.fr, &need.label.en];
        if id_and_label.iter().any(|v| v.contains(FIELD_RESERVED)) {
            errors.push(
                &at,
                format!(
                    "need `{}`: the id or a label contains a tab, a line break or `^`",
                    need_id
                ),
            );
        }
        for t in need.nl.iter().chain(&need.fr).chain(&need.en) {
            if t.contains(Terms::SEPARATOR) || t.contains(FIELD_RESERVED) {
                errors.push(
                    &at,
                    format!(
                        "need `{}`: the term `{t}` contains `|` (which separates terms), a tab, a line break or `^`",
                        need_id
                    ),
                );
            }
        }
        weights.push(ws);
    }
    Some(LoadedNeeds { file, weights })
}
