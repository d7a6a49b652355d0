//! Search by need: from the words people type ("schulden", "mon mari me frappe", "homeless") to the
//! concepts that help, ranked and explained.
//!
//! The vocabulary is data (`core/data/needs.toml`): life situations with words in nl, fr and en,
//! each pointing at concepts with a weight. The concepts' own names, abbreviations and aliases are
//! terms too. All three languages are matched at once.
//!
//! Matching forgives what people really type: case and accents (folding), stop words, plurals and
//! simple inflections (a light stemmer), one typo (not in the first letter) in words of five letters or more, prefixes while
//! typing, and Dutch compounds (`schuldhulpverlening` finds the term words inside it). It does not
//! read a known word as a typo of another ("homeless" is not "hopeless"), nor a word that ends in
//! "less"/"loos" as a compound of its start; a word that many needs share ("partner") counts for
//! little in part of a phrase, and an explanation names only the matches that carry the result.

use crate::data;
use crate::dataset::{table_index, Dataset};
use crate::index::stem;
use crate::lookup::{Answer, Applies};
use crate::model::{Concept, Lang};
use crate::sort::insertion_sort_by;
use crate::text::SplitAscii;
use crate::text::{fold, is_word_char};

// Where they were defined before the layers: `hulpkompas_core::search::{Index, Need, …}`.
pub use crate::index::Index;
pub use crate::model::{Need, TermSource, Terms};

/// Longest query taken into account, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 300;
/// Most query words taken into account.
pub const MAX_QUERY_WORDS: usize = 16;
/// Results below this score are not shown.
const MIN_SCORE: f32 = 0.25;

/// One matched word, for the explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Matched {
    /// The word as understood (folded).
    pub word: String,
    /// The term it matched.
    pub term: &'static str,
    /// Where the term comes from.
    pub source: TermSource,
}

impl Matched {
    /// "“schulden” → Schulden en geldzorgen" in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        let what = match self.source {
            TermSource::Need(n) => n.label.get(lang),
            TermSource::ConceptName(c) => c.name.get(lang),
        };
        format!("“{}” → {what}", self.word)
    }
}

/// The visitor's own words behind the matches, as typed, once each, best first: "Past bij: huur,
/// schulden" says what was understood in the words that were typed, not in the vocabulary's.
pub fn words_as_typed(query: &str, matched: &[Matched]) -> Vec<String> {
    let typed: Vec<&str> = query
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut words: Vec<String> = Vec::new();
    for m in matched {
        let word = typed
            .iter()
            .find(|w| fold(w) == m.word)
            .map(|w| w.to_string())
            .unwrap_or_else(|| m.word.clone());
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// One ranked result.
#[derive(Clone, Debug)]
pub struct SearchResult {
    /// The concept.
    pub concept: &'static Concept,
    /// The score (higher is better; comparable within one query).
    pub score: f32,
    /// What matched, best first.
    pub matched: Vec<Matched>,
    /// Whether the concept applies at the place, when a place was given.
    pub applies: Option<Applies>,
}

/// A term word matched by a query word: (term word, quality, query word index).
type WordHit = (u32, f32, usize);

/// Splits the query into folded words without stop words, bounded in length and count.
fn query_words(index: &Index, query: &str) -> Vec<String> {
    let capped: String = query.chars().take(MAX_QUERY_CHARS).collect();
    fold(&capped)
        .parts(b' ')
        .filter(|w| !w.is_empty() && !index.is_stopword(w))
        .take(MAX_QUERY_WORDS)
        .map(str::to_string)
        .collect()
}

impl Dataset {
    /// Searches concepts by need, optionally at a place (from [`Dataset::lookup`]).
    ///
    /// ```
    /// use hulpkompas_core::Dataset;
    /// let data = Dataset::builtin();
    /// let results = data.search("mijn partner slaat me", None);
    /// assert_eq!(results[0].concept.id, "fjc-veilig-huis-ketenaanpak-ifg");
    /// ```
    ///
    pub fn search(&self, query: &str, place: Option<&Answer<'_>>) -> Vec<SearchResult> {
        let index = self.search_index();
        let qwords = query_words(index, query);
        if qwords.is_empty() {
            return Vec::new();
        }
        // Best match per (term, term word): quality and which query word. Terms are collected in
        // the order they are first hit, through a dense slot table (no hashing, no sorting).
        let mut slot = vec![u32::MAX; index.terms.len()];
        let mut term_hits: Vec<(u32, Vec<WordHit>)> = Vec::new();
        for (qi, q) in qwords.iter().enumerate() {
            let q_stem = stem(q);
            let last = qi + 1 == qwords.len();
            for (wi, quality) in index.matches(q, q_stem, last) {
                for &t in &index.postings[wi] {
                    if slot[t as usize] == u32::MAX {
                        slot[t as usize] = term_hits.len() as u32;
                        term_hits.push((t, Vec::new()));
                    }
                    let hits = &mut term_hits[slot[t as usize] as usize].1;
                    match hits.iter_mut().find(|h| h.0 == wi as u32) {
                        Some(h) if h.1 >= quality => {}
                        Some(h) => *h = (wi as u32, quality, qi),
                        None => hits.push((wi as u32, quality, qi)),
                    }
                }
            }
        }
        // Score terms; keep the best term per source (dense tables: no search, no allocation per term).
        let n_concepts = data::CONCEPTS.len();
        let mut scores = vec![0f32; n_concepts];
        let mut best_per_concept: Vec<Vec<(f32, Matched)>> = vec![Vec::new(); n_concepts];
        // Per need and per concept name: (score, term, query word).
        let mut need_best: Vec<(f32, u32, usize)> = vec![(0.0, 0, 0); self.vocabulary.needs.len()];
        let mut name_best: Vec<(f32, u32, usize)> = vec![(0.0, 0, 0); n_concepts];
        for (t, hits) in term_hits {
            let term = &index.terms[t as usize];
            let n = term.words.len() as f32;
            let full = hits.len() == term.words.len();
            // Part of a phrase counts by what its words tell apart: "partner" alone is not
            // "mijn partner is overleden".
            let sum: f32 = hits
                .iter()
                .map(|h| {
                    if full {
                        h.1
                    } else {
                        h.1 * index.specificity(h.0)
                    }
                })
                .sum();
            let coverage = sum / n;
            // A phrase counts fully only when all its words occur; a longer full phrase is a stronger signal.
            let score = if full {
                coverage * (1.0 + 0.15 * (n - 1.0))
            } else {
                coverage * 0.6
            };
            let best_q = hits
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|h| h.2)
                .unwrap_or(0);
            let slot = match term.source {
                TermSource::Need(need) => &mut need_best[table_index(self.vocabulary.needs, need)],
                TermSource::ConceptName(c) => &mut name_best[Dataset::concept_index(c)],
            };
            if score > slot.0 {
                *slot = (score, t, best_q);
            }
        }
        let matched = |t: u32, q: usize| {
            let term = &index.terms[t as usize];
            Matched {
                word: qwords[q].clone(),
                term: term.phrase,
                source: term.source,
            }
        };
        let need_scores: Vec<(&'static Need, f32, Matched)> = self
            .vocabulary
            .needs
            .iter()
            .zip(&need_best)
            .filter(|(_, b)| b.0 > 0.0)
            .map(|(need, &(s, t, q))| (need, s, matched(t, q)))
            .collect();
        let concept_name_scores: Vec<(usize, f32, Matched)> = name_best
            .iter()
            .enumerate()
            .filter(|(_, b)| b.0 > 0.0)
            .map(|(ci, &(s, t, q))| (ci, s, matched(t, q)))
            .collect();
        // Needs → concepts: the strongest need counts fully, further needs add a little.
        let mut contributions: Vec<Vec<f32>> = vec![Vec::new(); n_concepts];
        for (need, s, m) in &need_scores {
            for &(ci, w) in need.concepts {
                contributions[ci as usize].push(s * w);
                best_per_concept[ci as usize].push((s * w, m.clone()));
            }
        }
        for (ci, s, m) in concept_name_scores {
            // Naming the concept itself is the strongest signal there is.
            contributions[ci].push(s * 1.2);
            best_per_concept[ci].push((s * 1.2, m));
        }
        for ci in 0..n_concepts {
            let c = &mut contributions[ci];
            insertion_sort_by(c, |a, b| a > b);
            scores[ci] =
                c.first().copied().unwrap_or(0.0) + 0.1 * c.iter().skip(1).take(3).sum::<f32>();
        }
        let mut results: Vec<SearchResult> = data::CONCEPTS
            .iter()
            .enumerate()
            .filter(|(ci, _)| scores[*ci] >= MIN_SCORE)
            .map(|(ci, concept)| {
                // Without a place, an ended project is still said to be ended.
                let applies = match place {
                    Some(a) => a.concept(concept.id).map(|c| c.applies),
                    None => (!concept.status.is_current(data::DATA_DATE)).then_some(Applies::Ended),
                };
                let factor = match applies {
                    None | Some(Applies::Yes) => 1.0,
                    Some(Applies::Unknown) => 0.9,
                    Some(Applies::Ended) => 0.6,
                    Some(Applies::No) => 0.4,
                };
                let mut m = std::mem::take(&mut best_per_concept[ci]);
                insertion_sort_by(&mut m, |a, b| a.0 > b.0);
                // What explains it: the strongest matches, none under half of the best (a
                // faint partial match would explain "partner" by grief or care).
                let best = m.first().map_or(0.0, |b| b.0);
                let mut matched: Vec<Matched> = Vec::new();
                for (s, x) in m {
                    if s >= 0.5 * best
                        && !matched.iter().any(|y| y.source == x.source)
                        && matched.len() < 3
                    {
                        matched.push(x);
                    }
                }
                // Ended projects are never a first answer over a current one with a similar score.
                let ended = !concept.status.is_current(data::DATA_DATE);
                let status_factor = if ended { 0.7 } else { 1.0 };
                SearchResult {
                    concept,
                    score: scores[ci] * factor * status_factor,
                    matched,
                    applies,
                }
            })
            .collect();
        // Stable: equal scores keep the product's order.
        insertion_sort_by(&mut results, |a, b| a.score > b.score);
        results
    }
}

impl Answer<'_> {
    /// The first stops for this answer given a search's results: when the best result is about
    /// children and families (`huizen-van-het-kind`), the municipality's Huis van het Kind goes
    /// first, when known; otherwise [`Answer::first_stop`].
    ///
    /// ```
    /// use hulpkompas_core::{Dataset, FirstStopKind};
    /// let data = Dataset::builtin();
    /// let answer = data.lookup("9000");
    /// let results = data.search("schulden", Some(&answer));
    /// assert_eq!(answer.first_stop_for(&results)[0].kind, answer.first_stop[0].kind);
    /// ```
    pub fn first_stop_for(&self, results: &[SearchResult]) -> Vec<crate::model::FirstStop> {
        let children = results
            .first()
            .is_some_and(|r| r.concept.id == "huizen-van-het-kind");
        match &self.place {
            Some(p) if children => {
                crate::first_stop::first_stops(p.municipality, true, self.layer_stops).0
            }
            _ => self.first_stop.clone(),
        }
    }
}
