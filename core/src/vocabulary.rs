//! The vocabulary of needs (`core/data/needs.toml`): compiled in, or loaded at run time.
//!
//! The command-line tool and other native users get it compiled in (feature `vocabulary`, on by
//! default). The widget leaves it out of its first load and fetches it as a text file only when a
//! visitor searches by need (`Vocabulary::parse`); until then it searches the concepts' own names.
//! `Vocabulary::to_text` writes that file, so both are the same data.

use crate::data;
use crate::model::{Need, Terms, Text};

/// A vocabulary of needs and the stop words the search ignores.
#[derive(Clone, Copy, Debug)]
pub struct Vocabulary {
    pub(crate) needs: &'static [Need],
    /// Folded stop words, space-separated.
    pub(crate) stopwords: &'static str,
}

/// First line of the text form.
const HEADER: &str = "# hulpkompas vocabulary 1";

impl Vocabulary {
    /// The compiled-in vocabulary (empty without the `vocabulary` feature).
    pub fn builtin() -> Vocabulary {
        Vocabulary {
            needs: data::NEEDS,
            stopwords: data::STOPWORDS,
        }
    }

    /// The needs.
    pub fn needs(&self) -> &'static [Need] {
        self.needs
    }

    /// Whether it has no needs.
    pub fn is_empty(&self) -> bool {
        self.needs.is_empty()
    }

    /// The text form: a header line, a `stopwords` line, then one `need` line each, tab-separated.
    pub fn to_text(&self) -> String {
        let mut out = format!("{HEADER}\nstopwords\t{}\n", self.stopwords);
        for n in self.needs {
            // Weights in hundredths: no float parsing (dec2flt costs the widget KBs).
            let concepts: Vec<String> = n
                .concepts()
                .map(|(c, w)| format!("{}={}", c.id, (w * 100.0).round() as u32))
                .collect();
            out.push_str(&format!(
                "need\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                n.id,
                n.label.nl,
                n.label.fr,
                n.label.en,
                n.terms.nl,
                n.terms.fr,
                n.terms.en,
                concepts.join(",")
            ));
        }
        out
    }

    /// Reads the text form. The text must live as long as the program (the widget leaks the one
    /// copy it fetches): needs borrow their words from it.
    ///
    /// ```
    /// use hulpkompas_core::Vocabulary;
    /// let v = Vocabulary::builtin();
    /// let text: &'static str = Box::leak(v.to_text().into_boxed_str());
    /// let again = Vocabulary::parse(text).unwrap();
    /// assert_eq!(again.needs().len(), v.needs().len());
    /// assert!(Vocabulary::parse("not a vocabulary").is_err());
    /// ```
    pub fn parse(text: &'static str) -> Result<Vocabulary, String> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(format!(
                "not a Hulpkompas vocabulary (the first line is not `{HEADER}`)"
            ));
        }
        let mut stopwords = "";
        let mut needs = Vec::new();
        for (i, line) in lines.enumerate() {
            let f: Vec<&'static str> = line.split('\t').collect();
            match f.first().copied() {
                Some("stopwords") => stopwords = f.get(1).copied().unwrap_or(""),
                Some("need") if f.len() == 9 => {
                    let mut concepts = Vec::new();
                    for pair in f[8].split(',').filter(|p| !p.is_empty()) {
                        let (id, w) = pair
                            .split_once('=')
                            .ok_or(format!("line {}: bad weight `{pair}`", i + 2))?;
                        let ci = data::CONCEPTS
                            .iter()
                            .position(|c| c.id == id)
                            .ok_or(format!("line {}: unknown concept `{id}`", i + 2))?;
                        let w: u32 = w
                            .parse()
                            .map_err(|_| format!("line {}: bad weight `{pair}`", i + 2))?;
                        concepts.push((ci as u8, w as f32 / 100.0));
                    }
                    needs.push(Need {
                        id: f[1],
                        label: Text {
                            nl: f[2],
                            fr: f[3],
                            en: f[4],
                        },
                        terms: Terms {
                            nl: f[5],
                            fr: f[6],
                            en: f[7],
                        },
                        concepts: Box::leak(concepts.into_boxed_slice()),
                    });
                }
                Some("") | None => {}
                Some(_) => return Err(format!("line {}: not a `need` line of 9 fields", i + 2)),
            }
        }
        Ok(Vocabulary {
            needs: Box::leak(needs.into_boxed_slice()),
            stopwords,
        })
    }
}
