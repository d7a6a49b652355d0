//! The source addresses of concepts and offers: compiled in, or read from the sources file.
//!
//! The command-line tool and other native users get them compiled in (feature `sources`, on by
//! default). The widget leaves every source address out of its first load (they are shown only in
//! the folds, "Meer uitleg en bronnen") and fetches them as one text file,
//! `hulpkompas-sources.txt`, when a visitor first opens a fold. [`Sources::to_text`] writes that
//! file (from the full core, in `cargo xtask dist`), [`Sources::parse`] reads it; the format is
//! documented in `codec.rs`, beside its encoder and decoder.

use std::borrow::Cow;

use crate::codec::{
    self, SourceLine, SOURCE_KEY_SEPARATOR, SOURCE_KIND_CONCEPT, SOURCE_KIND_FIRST_STOP,
    SOURCE_KIND_OFFER, SOURCE_KIND_TEXT,
};
use crate::data;
use crate::model::{Concept, FirstStop, Lang, Offer, Source};
use crate::text::SplitAscii;

/// The sources of concepts and offers, by what they are about.
#[derive(Debug, Default)]
pub struct Sources {
    /// One entry per line of the file: kind, key, sources (`used_for` is empty).
    entries: Vec<(&'static str, &'static str, Vec<Source>)>,
}

impl Sources {
    /// Whether the core was built with its source addresses (feature `sources`). Without it
    /// (the widget), concepts and offers carry none: they come from the sources file.
    pub fn compiled_in() -> bool {
        data::SOURCES_COMPILED_IN
    }

    /// The key of a first stop's line: the municipality it is shown for (a CAW's sources include
    /// the statement of its area, which differs per municipality), its kind and its name.
    fn first_stop_key(nis: &str, stop: &FirstStop) -> String {
        let sep = SOURCE_KEY_SEPARATOR;
        format!("{nis}{sep}{}{sep}{}", stop.kind.id(), stop.name)
    }

    /// The sources file for these concepts, offers and first stops — each first stop with the
    /// NIS code of the municipality it is shown for (empty lists without the `sources` feature).
    pub fn to_text<'s>(
        concepts: &[Concept],
        offers: &[Offer],
        first_stops: impl IntoIterator<Item = (&'s str, &'s FirstStop)>,
    ) -> String {
        let mut lines: Vec<SourceLine<'_>> = concepts
            .iter()
            .map(|c| SourceLine {
                kind: SOURCE_KIND_CONCEPT,
                key: Cow::Borrowed(c.id),
                sources: c.sources.iter().map(|s| (s.date, s.url)).collect(),
            })
            .collect();
        // The texts for professionals (the widget's build has none compiled in).
        let targets: Vec<[String; 3]> = concepts
            .iter()
            .map(|c| Lang::ALL.map(|l| c.target.get(l).join(", ")))
            .collect();
        for (c, target) in concepts.iter().zip(&targets) {
            let sep = SOURCE_KEY_SEPARATOR;
            let how = Lang::ALL.map(|l| (l.code(), c.how.get(l)));
            let target = Lang::ALL.map(|l| (l.code(), target[l as usize].as_str()));
            for (what, pairs) in [("how", how), ("target", target)] {
                lines.push(SourceLine {
                    kind: SOURCE_KIND_TEXT,
                    key: Cow::Owned(format!("{}{sep}{what}", c.id)),
                    sources: pairs.into_iter().filter(|(_, t)| !t.is_empty()).collect(),
                });
            }
        }
        for o in offers {
            let concept = concepts.get(o.concept as usize).map_or("", |c| c.id);
            lines.push(SourceLine {
                kind: SOURCE_KIND_OFFER,
                key: Cow::Owned(format!("{concept}{SOURCE_KEY_SEPARATOR}{}", o.id)),
                sources: o
                    .sources
                    .iter()
                    .map(|u| (o.source_date.as_ref(), u.as_ref()))
                    .collect(),
            });
        }
        let mut seen = std::collections::BTreeSet::new();
        for (nis, f) in first_stops {
            let key = Self::first_stop_key(nis, f);
            if seen.insert(key.clone()) {
                lines.push(SourceLine {
                    kind: SOURCE_KIND_FIRST_STOP,
                    key: Cow::Owned(key),
                    sources: f.sources().map(|u| (f.source_date, u)).collect(),
                });
            }
        }
        codec::encode_sources(&lines)
    }

    /// The sources of a first stop shown for the municipality `nis` (empty when the file has none).
    pub fn of_first_stop(&self, nis: &str, stop: &FirstStop) -> &[Source] {
        let key = Self::first_stop_key(nis, stop);
        self.find(SOURCE_KIND_FIRST_STOP, |k| k == key)
    }

    /// Reads the sources file. The text must live as long as the program (the widget leaks the
    /// one copy it fetches). Lines of kinds this build does not know are skipped (a newer file
    /// still reads); bad input is an error, never a panic.
    ///
    /// ```
    /// use hulpkompas_core::Sources;
    /// let text = "# hulpkompas sources 2\nc^sociaal-huis^2024-05-01^https://example.org/a\n\
    ///             o^overkop/kortrijk^2025-03^https://example.org/b\n\
    ///             f^34022/sociaal-huis^2025^https://example.org/later\n";
    /// let sources = Sources::parse(text).unwrap();
    /// assert_eq!(sources.of_concept("sociaal-huis")[0].url, "https://example.org/a");
    /// assert_eq!(sources.of_offer("overkop", "kortrijk")[0].date, "2025-03");
    /// assert!(sources.of_concept("overkop").is_empty());
    /// assert!(Sources::parse("not a sources file").is_err());
    /// ```
    pub fn parse(text: &'static str) -> Result<Sources, String> {
        let entries = codec::decode_sources(text)?
            .into_iter()
            .map(|l| {
                let key = match l.key {
                    Cow::Borrowed(k) => k,
                    Cow::Owned(k) => Box::leak(k.into_boxed_str()),
                };
                let sources = l
                    .sources
                    .into_iter()
                    .map(|(date, url)| Source {
                        url,
                        date,
                        used_for: "",
                    })
                    .collect();
                (l.kind, key, sources)
            })
            .collect();
        Ok(Sources { entries })
    }

    /// A concept's text for professionals from the file: `what` is `how` or `target` (for
    /// whom, a list joined by `, `). `None` when the file has none in `lang`.
    pub fn text(&self, concept: &str, what: &str, lang: Lang) -> Option<&'static str> {
        self.find(SOURCE_KIND_TEXT, |k| {
            k.cut(SOURCE_KEY_SEPARATOR as u8) == Some((concept, what))
        })
        .iter()
        .find(|s| s.date == lang.code())
        .map(|s| s.url)
        .filter(|t| !t.is_empty())
    }

    /// The sources of a concept, by its id (empty when the file has none).
    pub fn of_concept(&self, id: &str) -> &[Source] {
        self.find(SOURCE_KIND_CONCEPT, |k| k == id)
    }

    /// The sources of an offer, by its concept's id and its own (empty when the file has none).
    pub fn of_offer(&self, concept: &str, id: &str) -> &[Source] {
        self.find(SOURCE_KIND_OFFER, |k| {
            k.cut(SOURCE_KEY_SEPARATOR as u8) == Some((concept, id))
        })
    }

    /// How many concepts and offers it has sources for.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find(&self, kind: &str, key: impl Fn(&str) -> bool) -> &[Source] {
        self.entries
            .iter()
            .find(|(k, key_, _)| *k == kind && key(key_))
            .map_or(&[], |(_, _, s)| s.as_slice())
    }
}
