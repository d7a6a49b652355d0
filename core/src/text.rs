//! Text folding and fuzzy comparison, shared by place lookup and need search.
//!
//! Folding: lower case, accents removed (`É` → `e`, `ß` → `ss`), every run of other characters
//! (punctuation, apostrophes, hyphens, spaces) becomes one space. A hand-written table of the Latin
//! letters Belgian names and the three languages use keeps the wasm small: a Unicode normalisation
//! crate would add its tables (tens of KB) for letters nobody types here.

/// Folds `s` for comparison: lower case, no accents, words separated by single spaces.
///
/// ```
/// use hulpkompas_core::text::fold;
/// assert_eq!(fold("  Sint-Genesius-Rode "), "sint genesius rode");
/// assert_eq!(fold("ÉÉN GEZIN ÉÉN PLAN"), "een gezin een plan");
/// assert_eq!(fold("’s Gravenbrakel"), "s gravenbrakel");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let mut push = |piece: &str| {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(piece);
        };
        if c.is_ascii_alphanumeric() {
            let mut b = [0u8; 4];
            push(c.to_ascii_lowercase().encode_utf8(&mut b));
        } else if let Some(f) = fold_char(c) {
            push(f);
        } else if c.is_ascii() || is_separator(c) {
            space = true;
        } else {
            // Letters outside the table (Greek, Cyrillic, …) are kept as they are. No Unicode case
            // tables: they would cost the widget more than these letters are worth here.
            let mut b = [0u8; 4];
            push(c.encode_utf8(&mut b));
        }
    }
    out
}

/// Whether `c` belongs to a word as [`fold`] reads it (a letter or digit, also one outside its
/// table), and not to what separates words. No Unicode tables: see the module doc.
///
/// ```
/// use hulpkompas_core::text::is_word_char;
/// assert!(is_word_char('é') && is_word_char('8') && is_word_char('ж'));
/// assert!(!is_word_char('’') && !is_word_char('-') && !is_word_char(' '));
/// ```
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || fold_char(c).is_some() || !(c.is_ascii() || is_separator(c))
}

/// Non-ASCII punctuation and spaces: Latin-1 symbols, general punctuation (’ “ – …), CJK and
/// full-width punctuation, and the replacement-free control and format characters.
fn is_separator(c: char) -> bool {
    matches!(c as u32, 0x80..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2190..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F | 0xFEFF)
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'č' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ő' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ű' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ß' => "ss",
        'ş' | 'š' | 'Š' => "s",
        'ž' | 'Ž' => "z",
        'ł' | 'Ł' => "l",
        // The replacement character in Walloon names whose accent was lost at the source: let any letter match.
        '\u{FFFD}' => "?",
        _ => return None,
    })
}

/// Whether `a` and `b` are at most one edit apart (insert, delete, substitute, or swap of two
/// neighbouring letters). A `?` in `b` matches any one letter.
///
/// ```
/// use hulpkompas_core::text::within_one_edit;
/// assert!(within_one_edit("kortijk", "kortrijk"));
/// assert!(within_one_edit("zwnager", "zwanger"));
/// assert!(within_one_edit("daklos", "dakloos"));
/// assert!(!within_one_edit("gent", "genk "));
/// ```
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a = a.as_bytes();
    let b = b.as_bytes();
    let eq = |x: u8, y: u8| x == y || y == b'?';
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut i = 0;
    while i < la && i < lb && eq(a[i], b[i]) {
        i += 1;
    }
    if i == la && i == lb {
        return true;
    }
    let rest_eq =
        |x: &[u8], y: &[u8]| x.len() == y.len() && x.iter().zip(y).all(|(&p, &q)| eq(p, q));
    match la.cmp(&lb) {
        std::cmp::Ordering::Equal => {
            // substitution, or a swap of a[i], a[i+1]
            rest_eq(&a[i + 1..], &b[i + 1..])
                || (i + 1 < la
                    && eq(a[i], b[i + 1])
                    && eq(a[i + 1], b[i])
                    && rest_eq(&a[i + 2..], &b[i + 2..]))
        }
        std::cmp::Ordering::Less => rest_eq(&a[i..], &b[i + 1..]),
        std::cmp::Ordering::Greater => rest_eq(&a[i + 1..], &b[i..]),
    }
}

/// Whether `a` matches `b` exactly, where a `?` in `b` matches any one letter.
pub fn matches_exactly(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y || y == b'?')
}

/// The parts of `s` between the ASCII byte `sep` (another byte never splits), in order, as
/// `str::split` gives them (`""` gives one empty part), and [`Parts::field`]: the next part, or `""` after the last. The
/// compiled-in tables (`codec.rs`) and the words of what is typed are split with this byte loop
/// instead of `str::split`: the widget's first answer decodes some 4,000 table lines in the
/// browser's baseline compiler, which inlines nothing, so every call of a pattern searcher
/// counted (the first lookup of the first render took 8.0 ms with `str::split` and `str::parse`,
/// 3.8 ms with these, measured in Chromium on 2026-12-04), and the wasm is smaller for it.
#[derive(Clone)]
pub struct Parts<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Parts<'a> {
    /// The parts of `s` separated by `sep`.
    pub fn new(s: &'a str, sep: u8) -> Parts<'a> {
        Parts { rest: Some(s), sep }
    }

    /// The next part, or `""` when there is none left.
    pub fn field(&mut self) -> &'a str {
        self.next().unwrap_or("")
    }
}

impl<'a> Iterator for Parts<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest?;
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == self.sep && self.sep.is_ascii() {
                // An ASCII byte: `i` and `i + 1` are character boundaries.
                self.rest = Some(&s[i + 1..]);
                return Some(&s[..i]);
            }
            i += 1;
        }
        self.rest = None;
        Some(s)
    }
}

/// `str::split` and `str::split_once` at an ASCII byte, with [`Parts`].
///
/// ```
/// use hulpkompas_core::text::SplitAscii;
/// assert_eq!("a b".cut(b' '), Some(("a", "b")));
/// assert_eq!("a".parts(b',').collect::<Vec<_>>(), ["a"]);
/// ```
pub trait SplitAscii {
    /// The parts between each `sep`, as `str::split` gives them.
    fn parts(&self, sep: u8) -> Parts<'_>;
    /// What is before the first `sep` and what follows it, as `str::split_once` gives them.
    fn cut(&self, sep: u8) -> Option<(&str, &str)>;
}

impl SplitAscii for str {
    fn parts(&self, sep: u8) -> Parts<'_> {
        Parts::new(self, sep)
    }

    fn cut(&self, sep: u8) -> Option<(&str, &str)> {
        let mut p = Parts::new(self, sep);
        let head = p.next()?;
        p.rest.map(|rest| (head, rest))
    }
}

/// A decimal number of digits only that fits in `T` (what the encoders write, a postcode, an
/// hour), as `str::parse` reads it; `None` for an empty field, a sign or anything else, or a
/// number too large.
pub fn number<T: TryFrom<u32>>(s: &str) -> Option<T> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    let mut n: u32 = 0;
    let mut i = 0;
    while i < b.len() {
        let d = b[i].wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u32::from(d))?;
        i += 1;
    }
    T::try_from(n).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(
            fold("Geïntegreerd Breed-Onthaal!"),
            "geintegreerd breed onthaal"
        );
        assert_eq!(fold("Écaussinnes-d'Enghien"), "ecaussinnes d enghien");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" \t\n "), "");
        assert_eq!(fold("8500"), "8500");
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("kortrijk", "kortrijk"));
        assert!(within_one_edit("kortrjik", "kortrijk"));
        assert!(within_one_edit("kortrijkk", "kortrijk"));
        assert!(within_one_edit("grivegnee", "grivegn?e"));
        assert!(!within_one_edit("kotrjik", "kortrijk"));
        assert!(!within_one_edit("", "ab"));
        assert!(within_one_edit("", "a"));
    }
}
