//! Danger first: which help lines a person should see before anything else, from what they typed.
//!
//! The signals and the lines are compiled in (`core/data/urgent/`), so this works in the widget's first
//! load, before the vocabulary of needs arrives. Matching is deliberately simple and generous: a missed
//! signal is the worst bug this product can ship, a line shown once too often is not.

use crate::data;
use crate::model::{HelpLine, Lang, Signal};
use crate::text::{fold, within_one_edit, SplitAscii};

/// Longest query looked at (characters) and most words: bounded work for any input.
const MAX_CHARS: usize = 300;
const MAX_WORDS: usize = 40;
/// At most this many other words between two words of a phrase.
const MAX_GAP: usize = 2;

/// Every help line, in the order of `core/data/urgent/lines.csv`.
pub fn help_lines() -> &'static [HelpLine] {
    data::HELP_LINES
}

/// The help lines for what a person typed, in the order to try them; empty when nothing in it
/// signals danger. Works on any input, with or without the vocabulary of needs.
///
/// The order of a signal's lines follows the language of the phrase that matched (a French phrase
/// puts the French-language lines first), else the answer's language `lang`.
///
/// ```
/// use hulpkompas_core::{urgent_lines, Lang};
/// let lines = urgent_lines("ik wil niet meer leven", Lang::Nl);
/// assert_eq!(lines[0].number, "1813");
/// assert!(urgent_lines("schulden", Lang::Nl).is_empty());
/// ```
pub fn urgent_lines(query: &str, lang: Lang) -> Vec<&'static HelpLine> {
    urgent(query, lang).lines
}

/// What to show first when what a person typed signals danger.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Urgent {
    /// The lines to call, in the order to try them (empty: no danger signalled).
    pub lines: Vec<&'static HelpLine>,
    /// Whether to offer a quick exit from the page (violence, abuse, acute danger).
    pub quick_exit: bool,
}

/// The lines for what a person typed, and whether to offer a quick exit: see [`urgent_lines`].
pub fn urgent(query: &str, lang: Lang) -> Urgent {
    answer_for(data::SIGNALS, data::HELP_LINES, query, lang)
}

fn answer_for(
    signals: &'static [Signal],
    lines: &'static [HelpLine],
    query: &str,
    lang: Lang,
) -> Urgent {
    let capped: String = query.chars().take(MAX_CHARS).collect();
    let folded = fold(&capped);
    let words: Vec<&str> = folded
        .parts(b' ')
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .collect();
    let mut answer = Urgent::default();
    if words.is_empty() {
        return answer;
    }
    for signal in signals {
        let matched: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|&l| signal.phrases(l).any(|p| phrase_matches(p, &words)))
            .collect();
        let Some(&first) = matched.first() else {
            continue;
        };
        answer.quick_exit |= signal.quick_exit;
        // The lines of the answer's language first when a phrase in it matched, else those of the
        // first language that matched; then those of every other language that matched.
        let preferred = if matched.contains(&lang) { lang } else { first };
        let order =
            std::iter::once(preferred).chain(matched.into_iter().filter(|&l| l != preferred));
        for l in order {
            for number in signal.lines(l) {
                if let Some(line) = lines.iter().find(|x| x.number == number) {
                    if !answer.lines.iter().any(|x| x.number == line.number) {
                        answer.lines.push(line);
                    }
                }
            }
        }
    }
    answer
}

/// Whether the words of `phrase` (separated by single spaces) occur in `words` in that order, with
/// at most [`MAX_GAP`] other words between two of them. Allocates nothing.
fn phrase_matches(phrase: &str, words: &[&str]) -> bool {
    let (first, rest) = phrase.cut(b' ').unwrap_or((phrase, ""));
    !first.is_empty()
        && (0..words.len())
            .any(|i| word_matches(first, words[i]) && rest_matches(rest, &words[i + 1..]))
}

fn rest_matches(phrase: &str, words: &[&str]) -> bool {
    if phrase.is_empty() {
        return true;
    }
    let (first, rest) = phrase.cut(b' ').unwrap_or((phrase, ""));
    (0..words.len().min(MAX_GAP + 1))
        .any(|i| word_matches(first, words[i]) && rest_matches(rest, &words[i + 1..]))
}

/// A phrase word against a typed word: exact; one typo (five letters or more); the start of a longer
/// word, with at most one typo in it (six letters or more). A leading `=` asks for the exact word only.
fn word_matches(pattern: &str, word: &str) -> bool {
    if let Some(exact) = pattern.strip_prefix('=') {
        return word == exact;
    }
    let n = pattern.len();
    word == pattern
        || (n >= 5 && word.len() >= 5 && within_one_edit(word, pattern))
        // The start of a longer word, also with one typo in that start ("zelfmoortgedachten").
        || (n >= 6
            && word.len() > n
            && [n, n - 1, n + 1]
                .iter()
                .filter_map(|&k| word.get(..k))
                .any(|start| start == pattern || within_one_edit(start, pattern)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        fold(s).parts(b' ').map(String::from).collect()
    }

    fn matches(phrase: &str, query: &str) -> bool {
        let w = words(query);
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        phrase_matches(phrase, &w)
    }

    #[test]
    fn phrases_match_in_order_with_small_gaps() {
        assert!(matches("ik wil dood", "ik wil gewoon dood"));
        assert!(matches("ik wil dood", "ik wil nu echt dood"));
        assert!(!matches(
            "ik wil dood",
            "ik wil hulp bij de dood van mijn moeder"
        ));
        assert!(!matches("ik wil dood", "dood wil ik"));
    }

    #[test]
    fn typos_prefixes_and_exact_words() {
        assert!(word_matches("zelfmoord", "zelfmoort"));
        assert!(word_matches("zelfmoord", "zelfmoordgedachten"));
        assert!(word_matches("zelfmoord", "zelfmoortgedachten"));
        assert!(word_matches("suicide", "sucide"));
        assert!(!word_matches("=slaat", "staat"));
        assert!(word_matches("=slaat", "slaat"));
        assert!(!word_matches("=slaat", "slaatje"));
        // Short words are exact: "viol" is not "vol".
        assert!(!word_matches("viol", "vol"));
    }
}
