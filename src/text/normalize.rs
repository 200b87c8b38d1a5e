//! The matching form of a word: lower case, one apostrophe, one hyphen, no diacritics.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Appends the matching form of `word` to `out`.
///
/// Lower-cases, folds apostrophe variants (’ ‘ ʼ ′ `) to `'`, hyphen
/// variants (‐ ‑) to `-`, and removes diacritics (é → e), so that
/// "Hay’at" and "hay'at", "Bashar" and "Bashār" compare equal.
#[inline]
pub fn normalize_into(word: &str, out: &mut String) {
    // Most words are ASCII: lower-cased in line, the rest by the general way.
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        normalize_unicode(word, out);
    }
}

/// [`normalize_into`] for words beyond ASCII.
#[inline(never)]
fn normalize_unicode(word: &str, out: &mut String) {
    for c in word.nfd() {
        if is_combining_mark(c) || super::tokenize::is_invisible(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The matching form of `word` as a new string.
pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// Length in bytes of a normalized word without its possessive `'s`
/// ("haftar's" → 6); the whole length when it has none.
pub fn base_len(norm: &str) -> usize {
    let b = norm.as_bytes();
    let n = b.len();
    if n > 2 && b[n - 1] == b's' && b[n - 2] == b'\'' && !CONTRACTIONS.contains(&norm) {
        norm.len() - 2
    } else {
        norm.len()
    }
}

/// Contractions that end like a possessive but are not one.
const CONTRACTIONS: &[&str] = &[
    "it's", "that's", "there's", "here's", "what's", "who's", "let's", "he's", "she's", "where's",
    "how's",
];

/// Folds apostrophe variants only, keeping case (for exact-case comparison).
pub fn fold_apostrophe(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_apostrophes_and_diacritics() {
        assert_eq!(normalize("Hay’at"), "hay'at");
        assert_eq!(normalize("Bashār"), "bashar");
        assert_eq!(normalize("Pro‐Russian"), "pro-russian");
        assert_eq!(normalize("NATO"), "nato");
    }

    #[test]
    fn possessive_base() {
        assert_eq!(base_len("haftar's"), 6);
        assert_eq!(base_len("it's"), 4);
        assert_eq!(base_len("'s"), 2);
        assert_eq!(base_len("rebels"), 6);
    }
}
