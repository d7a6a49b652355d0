//! The search index: every term of the vocabulary and of the concepts' own names, folded, split
//! into words and stems, sorted for binary search. Built once with the dataset (and again when a
//! vocabulary is loaded); the search by need matches queries against it.

use crate::data;
use crate::model::{Lang, TermSource};
use crate::sort::sorted_ids;
use crate::text::SplitAscii;
use crate::text::{fold, within_one_edit};
use crate::vocabulary::Vocabulary;

#[derive(Debug)]
pub(crate) struct Term {
    pub(crate) phrase: &'static str,
    pub(crate) words: Vec<u32>,
    pub(crate) source: TermSource,
}

/// The search index, built once with the dataset.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) words: Vec<String>,
    stems: Vec<String>,
    pub(crate) terms: Vec<Term>,
    /// For each word, the terms that contain it.
    pub(crate) postings: Vec<Vec<u32>>,
    /// For each word, how much it alone says about a phrase it is part of (see
    /// [`Index::specificity`]).
    specificity: Vec<f32>,
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
                .parts(b' ')
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
            let several = f.as_bytes().contains(&b' ');
            for w in f.parts(b' ').filter(|w| !w.is_empty()) {
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
        idx.specificity = (0..idx.words.len())
            .map(|w| {
                let mut needs: Vec<&'static str> = Vec::new();
                for &t in &idx.postings[w] {
                    if let TermSource::Need(n) = idx.terms[t as usize].source {
                        if !needs.contains(&n.id) {
                            needs.push(n.id);
                        }
                    }
                }
                (SPECIFIC_NEEDS as f32 / needs.len().max(1) as f32).min(1.0)
            })
            .collect();
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
    pub(crate) fn matches(&self, q: &str, q_stem: &str, last: bool) -> Vec<(usize, f32)> {
        let mut cand: Vec<u32> = Vec::new();
        let ql = q.len();
        let prefix = ql >= 3;
        cand.extend(&self.by_word[self.range(&self.by_word, &self.words, q, prefix)]);
        if q_stem.len() >= 3 {
            cand.extend(&self.by_stem[self.range(&self.by_stem, &self.stems, q_stem, false)]);
        }
        // A word the dictionary knows is no typo of another ("homeless" is not "hopeless").
        let known = !self.range(&self.by_word, &self.words, q, false).is_empty();
        if ql >= 5 && !known {
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
            let quality = self.word_match(q, q_stem, i, last, !known);
            if quality > 0.0 {
                out.push((i, quality));
            }
        }
        out
    }

    /// How much a word alone says about a phrase it is part of: 1 for a word used by the phrases
    /// of up to [`SPECIFIC_NEEDS`] needs, less for a word many needs share ("partner" is in
    /// violence, separation, grief, addiction, care…: alone it says no more than "mijn").
    /// Computed once, when the index is built.
    pub(crate) fn specificity(&self, word: u32) -> f32 {
        self.specificity[word as usize]
    }

    pub(crate) fn is_stopword(&self, w: &str) -> bool {
        self.stopwords
            .binary_search_by(|s| s.as_str().cmp(w))
            .is_ok()
    }

    /// How well query word `q` matches dictionary word `i` (0 = not at all).
    fn word_match(&self, q: &str, q_stem: &str, i: usize, last: bool, typo: bool) -> f32 {
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
        if typo
            && ql >= 5
            && wl >= 4
            && ql.abs_diff(wl) <= 1
            && (within_one_edit(q, w) || within_one_edit(q_stem, s))
        {
            return 0.8;
        }
        // A compound: the dictionary word is the start or the end of the query word — but not
        // when the rest says "without" ("homeless" is no home, "thuisloos" no "thuis").
        if wl >= 4
            && ql >= wl + 3
            && (q.starts_with(w) || q.ends_with(w) || q.starts_with(s) && s.len() >= 4)
            && !WITHOUT
                .iter()
                .any(|x| q.strip_prefix(w).is_some_and(|rest| rest.starts_with(x)))
        {
            return 0.7 * (0.6 + 0.4 * wl as f32 / ql as f32);
        }
        0.0
    }
}

/// A word in the phrases of this many needs or fewer tells them apart (see [`Index::specificity`]).
const SPECIFIC_NEEDS: usize = 3;

/// Endings that turn a word into its absence: "home" + "less", "thuis" + "loos".
const WITHOUT: [&str; 2] = ["less", "loos"];

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
