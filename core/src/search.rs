//! Search by need: from the words people type ("schulden", "mon mari me frappe", "homeless") to the
//! concepts that help, ranked and explained.
//!
//! The vocabulary is data (`core/data/needs.toml`): life situations with words in nl, fr and en,
//! each pointing at concepts with a weight. The concepts' own names, abbreviations and aliases are
//! terms too. All three languages are matched at once.
//!
//! Matching forgives what people really type: case and accents (folding), stop words, plurals and
//! simple inflections (a light stemmer), one typo (not in the first letter) in words of five letters or more, prefixes while
//! typing, and Dutch compounds (`schuldhulpverlening` finds the term words inside it).

use crate::data;
use crate::lookup::{Answer, Applies};
use crate::model::{Concept, Lang, Text};
use crate::sort::{insertion_sort_by, sorted_ids};
use crate::text::{fold, within_one_edit};
use crate::vocabulary::Vocabulary;

/// Longest query taken into account, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 300;
/// Most query words taken into account.
pub const MAX_QUERY_WORDS: usize = 16;
/// Results below this score are not shown.
const MIN_SCORE: f32 = 0.25;

/// A life situation or need from the vocabulary.
#[derive(Debug, PartialEq)]
pub struct Need {
    /// Stable id, e.g. `schulden`.
    pub id: &'static str,
    /// Its label, e.g. "Schulden en geldzorgen".
    pub label: Text,
    /// The words and phrases that point to it.
    pub terms: Terms,
    /// Concept index and weight (0–1).
    pub(crate) concepts: &'static [(u8, f32)],
}

impl Need {
    /// The concepts it points to, with their weights.
    pub fn concepts(&self) -> impl Iterator<Item = (&'static Concept, f32)> + '_ {
        self.concepts
            .iter()
            .map(|&(c, w)| (&data::CONCEPTS[c as usize], w))
    }
}

/// A need's words and phrases per language (stored joined by `|`).
#[derive(Debug, PartialEq, Eq)]
pub struct Terms {
    /// Dutch.
    pub nl: &'static str,
    /// French.
    pub fr: &'static str,
    /// English.
    pub en: &'static str,
}

impl Terms {
    /// The phrases in `lang`.
    pub fn get(&self, lang: Lang) -> impl Iterator<Item = &'static str> {
        let s = match lang {
            Lang::Nl => self.nl,
            Lang::Fr => self.fr,
            Lang::En => self.en,
        };
        s.split('|').filter(|t| !t.trim().is_empty())
    }
}

/// Where a term comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TermSource {
    /// A need of the vocabulary.
    Need(&'static Need),
    /// A concept's own name, abbreviation or alias.
    ConceptName(&'static Concept),
}

#[derive(Debug)]
struct Term {
    phrase: &'static str,
    words: Vec<u32>,
    source: TermSource,
}

/// The search index, built once with the dataset.
#[derive(Debug, Default)]
pub struct Index {
    words: Vec<String>,
    stems: Vec<String>,
    terms: Vec<Term>,
    /// For each word, the terms that contain it.
    postings: Vec<Vec<u32>>,
    stopwords: Vec<String>,
    /// Word ids sorted by word, and by stem: exact, stem and prefix matches by binary search.
    by_word: Vec<u32>,
    by_stem: Vec<u32>,
}

impl Index {
    pub(crate) fn build(vocabulary: &Vocabulary) -> Index {
        let mut idx = Index {
            // Folded and sorted by the build.
            stopwords: vocabulary
                .stopwords
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            ..Index::default()
        };
        // Every term, folded, with its words (stop words dropped from phrases).
        let mut phrases: Vec<(&'static str, TermSource)> = Vec::new();
        for need in vocabulary.needs {
            for lang in Lang::ALL {
                phrases.extend(need.terms.get(lang).map(|t| (t, TermSource::Need(need))));
            }
        }
        for c in data::CONCEPTS {
            for lang in Lang::ALL {
                phrases.push((c.name.get(lang), TermSource::ConceptName(c)));
            }
            if !c.abbreviation.is_empty() {
                phrases.push((c.abbreviation, TermSource::ConceptName(c)));
            }
            phrases.extend(c.aliases.iter().map(|&a| (a, TermSource::ConceptName(c))));
        }
        let folded: Vec<String> = phrases.iter().map(|(p, _)| fold(p)).collect();
        // (word, term) pairs, sorted by word: word ids come out in sorted order, with no map.
        let mut pairs: Vec<(&str, u32)> = Vec::new();
        for (t, f) in folded.iter().enumerate() {
            let several = f.contains(' ');
            for w in f.split(' ').filter(|w| !w.is_empty()) {
                if !(several && idx.is_stopword(w)) {
                    pairs.push((w, t as u32));
                }
            }
        }
        pairs.sort_unstable();
        let mut term_words: Vec<Vec<u32>> = vec![Vec::new(); phrases.len()];
        for (w, t) in pairs {
            if idx.words.last().map(String::as_str) != Some(w) {
                idx.words.push(w.to_string());
                idx.stems.push(stem(w).to_string());
                idx.postings.push(Vec::new());
            }
            let id = (idx.words.len() - 1) as u32;
            let words = &mut term_words[t as usize];
            if !words.contains(&id) {
                words.push(id);
                idx.postings[id as usize].push(t);
            }
        }
        // Terms keep their index (postings point at it), even when no word is left.
        for ((phrase, source), words) in phrases.into_iter().zip(term_words) {
            idx.terms.push(Term {
                phrase,
                words,
                source,
            });
        }
        idx.by_word = (0..idx.words.len() as u32).collect();
        let stems: Vec<&str> = idx.stems.iter().map(String::as_str).collect();
        idx.by_stem = sorted_ids(&stems);
        idx
    }

    /// Ids in `sorted` (ordered by `keys`) whose key is `key`, or starts with it when `prefix`.
    fn range(
        &self,
        sorted: &[u32],
        keys: &[String],
        key: &str,
        prefix: bool,
    ) -> std::ops::Range<usize> {
        let start = sorted.partition_point(|&i| keys[i as usize].as_str() < key);
        let len = sorted[start..]
            .iter()
            .take_while(|&&i| {
                let k = keys[i as usize].as_str();
                if prefix {
                    k.starts_with(key)
                } else {
                    k == key
                }
            })
            .count();
        start..start + len
    }

    /// The dictionary words query word `q` may match, with how well (see [`Index::word_match`]).
    /// Found by binary search and length buckets instead of a scan of the whole dictionary.
    fn matches(&self, q: &str, q_stem: &str, last: bool) -> Vec<(usize, f32)> {
        let mut cand: Vec<u32> = Vec::new();
        let ql = q.len();
        let prefix = ql >= 3;
        cand.extend(&self.by_word[self.range(&self.by_word, &self.words, q, prefix)]);
        if q_stem.len() >= 3 {
            cand.extend(&self.by_stem[self.range(&self.by_stem, &self.stems, q_stem, false)]);
        }
        if ql >= 5 {
            // One typo, not in the first letter: the words that start with the same letter and
            // differ in length by at most one (a slice of the sorted words, not the dictionary).
            let first = q.chars().next().map(char::len_utf8).unwrap_or(1);
            let same_start =
                &self.by_word[self.range(&self.by_word, &self.words, &q[..first], true)];
            cand.extend(
                same_start
                    .iter()
                    .filter(|&&i| self.words[i as usize].len().abs_diff(ql) <= 1),
            );
        }
        // Compounds: the start or the end of the query word is a dictionary word (or a stem).
        for k in 4..ql.saturating_sub(2) {
            if q.is_char_boundary(k) {
                let head = &q[..k];
                cand.extend(&self.by_word[self.range(&self.by_word, &self.words, head, false)]);
                cand.extend(&self.by_stem[self.range(&self.by_stem, &self.stems, head, false)]);
            }
            if q.is_char_boundary(ql - k) {
                cand.extend(
                    &self.by_word[self.range(&self.by_word, &self.words, &q[ql - k..], false)],
                );
            }
        }
        let mut out: Vec<(usize, f32)> = Vec::new();
        for i in cand {
            let i = i as usize;
            if out.iter().any(|&(j, _)| j == i) {
                continue;
            }
            let quality = self.word_match(q, q_stem, i, last);
            if quality > 0.0 {
                out.push((i, quality));
            }
        }
        out
    }

    fn is_stopword(&self, w: &str) -> bool {
        self.stopwords
            .binary_search_by(|s| s.as_str().cmp(w))
            .is_ok()
    }

    /// How well query word `q` matches dictionary word `i` (0 = not at all).
    fn word_match(&self, q: &str, q_stem: &str, i: usize, last: bool) -> f32 {
        let w = self.words[i].as_str();
        if q == w {
            return 1.0;
        }
        let s = self.stems[i].as_str();
        if q_stem == s && q_stem.len() >= 3 {
            return 0.95;
        }
        let (ql, wl) = (q.len(), w.len());
        // While typing: the query word is the start of a longer word.
        if ql >= 3 && wl > ql && w.starts_with(q) {
            let ratio = ql as f32 / wl as f32;
            let base = if last { 0.6 } else { 0.45 };
            return base + 0.35 * ratio;
        }
        // One typo in a word of five letters or more.
        if ql >= 5
            && wl >= 4
            && ql.abs_diff(wl) <= 1
            && (within_one_edit(q, w) || within_one_edit(q_stem, s))
        {
            return 0.8;
        }
        // A compound: the dictionary word is the start or the end of the query word.
        if wl >= 4
            && ql >= wl + 3
            && (q.starts_with(w) || q.ends_with(w) || q.starts_with(s) && s.len() >= 4)
        {
            return 0.7 * (0.6 + 0.4 * wl as f32 / ql as f32);
        }
        0.0
    }
}

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
        .split(' ')
        .filter(|w| !w.is_empty() && !index.is_stopword(w))
        .take(MAX_QUERY_WORDS)
        .map(str::to_string)
        .collect()
}

/// A light stemmer for the three languages: strips plural and common inflection endings.
pub(crate) fn stem(w: &str) -> &str {
    for suffix in ["ingen", "eren", "ing", "en", "es", "s", "e", "x"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s;
            }
        }
    }
    w
}

impl crate::Dataset {
    /// Searches concepts by need, optionally at a place (from [`Dataset::lookup`]).
    ///
    /// ```
    /// use hulpkompas_core::Dataset;
    /// let data = Dataset::builtin();
    /// let results = data.search("mijn partner slaat me", None);
    /// assert_eq!(results[0].concept.id, "fjc-veilig-huis-ketenaanpak-ifg");
    /// ```
    ///
    /// [`Dataset::lookup`]: crate::Dataset::lookup
    pub fn search(&self, query: &str, place: Option<&Answer<'_>>) -> Vec<SearchResult> {
        let index = &self.search_index;
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
            let sum: f32 = hits.iter().map(|h| h.1).sum();
            let coverage = sum / n;
            // A phrase counts fully only when all its words occur; a longer full phrase is a stronger signal.
            let score = if hits.len() == term.words.len() {
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
                TermSource::Need(need) => {
                    &mut need_best[crate::dataset::table_index(self.vocabulary.needs, need)]
                }
                TermSource::ConceptName(c) => &mut name_best[crate::Dataset::concept_index(c)],
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
                let mut matched: Vec<Matched> = Vec::new();
                for (_, x) in m {
                    if !matched.iter().any(|y| y.source == x.source) && matched.len() < 3 {
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
