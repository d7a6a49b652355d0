//! The vocabulary of needs (`core/data/needs.toml`): compiled in, or loaded at run time.
//!
//! The command-line tool and other native users get it compiled in (feature `vocabulary`, on by
//! default). The widget leaves it out of its first load and fetches it as a text file only when a
//! visitor searches by need (`Vocabulary::parse`); until then it searches the concepts' own names.
//! `Vocabulary::to_text` writes that file, so both are the same data.

use crate::codec;
use crate::data;
use crate::model::Need;

/// A vocabulary of needs and the stop words the search ignores.
#[derive(Clone, Copy, Debug)]
pub struct Vocabulary {
    pub(crate) needs: &'static [Need],
    /// Folded stop words, space-separated.
    pub(crate) stopwords: &'static str,
}

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

    /// The text form (the format is documented in `codec.rs`, beside its decoder).
    pub fn to_text(&self) -> String {
        codec::encode_vocabulary(self.needs, self.stopwords, data::CONCEPTS)
    }

    /// Reads the text form, with one message per line it had to skip (the rest is kept). The
    /// text must live as long as the program (the widget leaks the one copy it fetches): needs
    /// borrow their words from it.
    ///
    /// ```
    /// use hulpkompas_core::Vocabulary;
    /// let v = Vocabulary::builtin();
    /// let text: &'static str = Box::leak(v.to_text().into_boxed_str());
    /// let (again, skipped) = Vocabulary::parse(text).unwrap();
    /// assert_eq!(again.needs().len(), v.needs().len());
    /// assert!(skipped.is_empty());
    /// assert!(Vocabulary::parse("not a vocabulary").is_err());
    /// ```
    pub fn parse(text: &'static str) -> Result<(Vocabulary, Vec<String>), String> {
        let read = codec::decode_vocabulary(text, data::CONCEPTS)?;
        let vocabulary = Vocabulary {
            needs: Box::leak(read.needs.into_boxed_slice()),
            stopwords: read.stopwords,
        };
        Ok((vocabulary, read.skipped))
    }
}
