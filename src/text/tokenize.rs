//! Splitting prose into tokens: words, numbers, punctuation, URLs.
//!
//! The same tokenizer splits documents and the literal words of patterns,
//! so that a pattern's words always line up with a document's tokens.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and dots
    /// ("Hay’at", "pro-Russian", "S-400", "U.S.").
    Word,
    /// Digits with inner separators ("2015", "1,000", "3.5", "11:23").
    Number,
    /// One punctuation or symbol character.
    Punct,
    /// A web address (`https://…`, `www.…`); never matches a word.
    Url,
    /// Inline code or other opaque material standing in the prose; never matches a word.
    Code,
}

/// The character that stands in prose for inline code and other opaque spans.
pub const OPAQUE: char = '\u{FFFC}';

/// A token found by [`tokenize`]: a byte range in the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// Whether white space (or the start of the text) comes right before it.
    pub space_before: bool,
    /// Whether its matching form is its own text lower-cased: ASCII words,
    /// numbers and punctuation. Web addresses and code have no form, and
    /// tokens beyond ASCII have forms of their own (see
    /// [`super::normalize::normalize`]).
    pub lowered: bool,
    /// Whether an apostrophe joins two of its parts ("Haftar’s", "it's"):
    /// only such a word can end in a possessive `'s`.
    pub apostrophe: bool,
}

/// Characters that print nothing: byte-order mark, zero-width space and joiners, soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}'
    )
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Curly quotes, dashes and the other general punctuation (U+2000 to
    // U+206F) are frequent in prose and hold no letter or mark: decided
    // without the Unicode tables.
    if GENERAL_PUNCTUATION.contains(&c) {
        return false;
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// The Unicode block of general punctuation.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Splits `text` into tokens, calling `emit` for each in order.
pub fn tokenize(text: &str, mut emit: impl FnMut(RawToken)) {
    for t in Tokens::new(text) {
        emit(t);
    }
}

/// The tokens of a text, in order (see [`tokenize`]).
pub struct Tokens<'a> {
    text: &'a str,
    i: usize,
    space_before: bool,
}

impl<'a> Tokens<'a> {
    /// The tokens of `text`.
    pub fn new(text: &'a str) -> Self {
        Tokens {
            text,
            i: 0,
            space_before: true,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = RawToken;

    #[inline(always)]
    fn next(&mut self) -> Option<RawToken> {
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            let i = self.i;
            let &b = bytes.get(i)?;
            let (end, kind, lowered, apostrophe) = if b < 0x80 {
                // ASCII, the common case, decided byte by byte.
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                    self.i += 1;
                    self.space_before = true;
                    continue;
                }
                // "http", "https" and "www" start web addresses.
                let web = matches!(b | 0x20, b'h' | b'w')
                    && matches!(bytes.get(i + 1).map(|n| n | 0x20), Some(b't' | b'w'));
                match web.then(|| url_end(text, i)).flatten() {
                    // A web address has no matching form.
                    Some(end) => (end, TokenKind::Url, false, false),
                    None if b.is_ascii_alphanumeric() => word_end_quick(text, i),
                    None => (i + 1, TokenKind::Punct, true, false),
                }
            } else {
                let c = text.get(i..)?.chars().next()?;
                if c.is_whitespace() || is_invisible(c) {
                    self.i += c.len_utf8();
                    self.space_before = true;
                    continue;
                }
                if c == OPAQUE {
                    (i + c.len_utf8(), TokenKind::Code, false, false)
                } else if is_word_char(c) {
                    word_end_quick(text, i)
                } else {
                    (i + c.len_utf8(), TokenKind::Punct, false, false)
                }
            };
            let space_before = self.space_before;
            self.space_before = false;
            self.i = end;
            return Some(RawToken {
                start: i,
                end,
                kind,
                space_before,
                lowered,
                apostrophe,
            });
        }
    }
}

/// Splits `text` into token strings (for pattern literals and tests).
pub fn split(text: &str) -> Vec<(&str, TokenKind)> {
    let mut out = Vec::new();
    tokenize(text, |t| out.push((&text[t.start..t.end], t.kind)));
    out
}

fn url_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let b = rest.as_bytes();
    let starts = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”'))
        .unwrap_or(rest.len());
    let mut trimmed = &rest[..len];
    // Parentheses counted once, then kept in step as the end is trimmed.
    let (opens, mut closes) = (
        memchr::memchr_iter(b'(', trimmed.as_bytes()).count(),
        memchr::memchr_iter(b')', trimmed.as_bytes()).count(),
    );
    while let Some(c) = trimmed.chars().next_back() {
        let strip = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | ']' | '\'' | '’' | '*' | '_' => true,
            // A closing parenthesis stays when it closes one opened in the address.
            ')' => opens < closes,
            _ => false,
        };
        if !strip {
            break;
        }
        if c == ')' {
            closes -= 1;
        }
        trimmed = &trimmed[..trimmed.len() - c.len_utf8()];
    }
    (trimmed.len() > 4).then_some(i + trimmed.len())
}

/// [`ASCII_CLASS`] bit: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`ASCII_CLASS`] bits: an ASCII digit.
const ALNUM_DIGIT: u8 = 3;
/// For each byte: [`ALNUM_DIGIT`] for ASCII digits, [`ALNUM`] for ASCII
/// letters, else 0.
const ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            ALNUM_DIGIT
        } else if c.is_ascii_alphabetic() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The end of the word or number token starting at `start`, and its kind.
pub fn word_end(text: &str, start: usize) -> (usize, TokenKind) {
    let (end, kind, _, _) = word_end_quick(text, start);
    (end, kind)
}

/// The run of ASCII letters and digits at `start`: its length, and the
/// [`ASCII_CLASS`] bits all its bytes share.
///
/// Eight bytes are classified at a time (see [`alnum_bytes`]), so that a
/// word costs one branch per eight bytes instead of one per byte.
#[inline(always)]
fn ascii_run(bytes: &[u8], start: usize) -> (usize, u8) {
    let mut run = 0;
    let mut all_digits = true;
    loop {
        let at = start + run;
        let x = match bytes.get(at..at + 8) {
            Some(w) => u64::from_le_bytes(w.try_into().unwrap_or_default()),
            None => {
                // The last bytes of the text, padded with NUL (which ends a run).
                let mut w = [0u8; 8];
                let rest = bytes.get(at..).unwrap_or_default();
                w[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(w)
            }
        };
        let (alnum, digits) = alnum_bytes(x);
        let stop = !alnum & HIGH_BITS;
        if stop != 0 {
            // The high bits of the bytes before the first that is not a
            // letter or digit (all bits below that byte's high bit).
            let inside = HIGH_BITS & ((stop & stop.wrapping_neg()) - 1);
            all_digits &= digits & inside == inside;
            run += stop.trailing_zeros() as usize / 8;
            let class = if all_digits { ALNUM_DIGIT } else { ALNUM };
            return (run, class);
        }
        all_digits &= digits == HIGH_BITS;
        run += 8;
    }
}

/// The high bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in each of eight bytes.
const fn each(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// For the eight bytes of `x` (first byte lowest): the high bit of each
/// that is an ASCII letter or digit, and of each that is an ASCII digit.
#[inline(always)]
fn alnum_bytes(x: u64) -> (u64, u64) {
    // Each byte's low seven bits plus a constant stays under 0x100, so no
    // carry crosses bytes; the sum's high bit says whether the byte is at
    // least (or more than) the bound.
    let in_range = |v: u64, lo: u8, hi: u8| {
        let t = v & !HIGH_BITS;
        (t + each(0x80 - lo)) & !(t + each(0x7f - hi))
    };
    let ascii = !x & HIGH_BITS;
    let digits = in_range(x, b'0', b'9') & ascii;
    // Setting 0x20 lower-cases letters and maps no other byte into a-z.
    let letters = in_range(x | each(0x20), b'a', b'z') & ascii;
    (digits | letters, digits)
}

/// Like [`word_end`], whether the word is ASCII, and whether an apostrophe joins it.
#[inline(always)]
fn word_end_quick(text: &str, start: usize) -> (usize, TokenKind, bool, bool) {
    // Most words are a run of ASCII letters or digits ended by a space or by
    // punctuation that joins nothing: decided here, the rest below.
    let bytes = text.as_bytes();
    let (run, all) = ascii_run(bytes, start);
    let j = start + run;
    if run == 0 || !ends_on_ascii(bytes, j) {
        return word_end_full(text, start);
    }
    let kind = if all == ALNUM_DIGIT {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (j, kind, true, false)
}

/// Whether a word ends at `j` on ASCII alone: at the end of the text, at
/// ASCII that cannot join two parts of a word, or at an ASCII joiner
/// followed by a space or punctuation ("said," "end."). False where a
/// character beyond ASCII, or a joiner before a letter or digit, must be
/// looked at.
#[inline(always)]
fn ends_on_ascii(bytes: &[u8], j: usize) -> bool {
    match bytes.get(j) {
        None => true,
        Some(&b) if b >= 0x80 => false,
        Some(b'\'' | b'-' | b'.' | b',' | b':' | b'_' | b'&') => bytes
            .get(j + 1)
            .is_none_or(|&n| n < 0x80 && ASCII_CLASS[n as usize] == 0),
        Some(_) => true,
    }
}

/// [`word_end_quick`] for words with joiners or letters beyond ASCII.
#[inline(never)]
fn word_end_full(text: &str, start: usize) -> (usize, TokenKind, bool, bool) {
    let mut ascii = true;
    let mut apostrophe = false;
    let mut j = start;
    let mut numeric = true;
    let mut has_dot = false;
    let mut segment_start = start;
    let bytes = text.as_bytes();
    loop {
        // One segment of letters and digits: ASCII byte by byte, the rest by character.
        loop {
            let (run, all) = ascii_run(bytes, j);
            j += run;
            numeric &= all == ALNUM_DIGIT;
            if j >= bytes.len() || bytes[j] < 0x80 {
                break;
            }
            let Some(c) = text[j..].chars().next() else {
                break;
            };
            if is_invisible(c) && text[j + c.len_utf8()..].starts_with(is_word_char) && j > start {
                // A soft hyphen or joiner inside a word does not split it.
                j += c.len_utf8();
                ascii = false;
                continue;
            }
            if !is_word_char(c) {
                break;
            }
            numeric = false;
            ascii = false;
            j += c.len_utf8();
        }
        if ends_on_ascii(bytes, j) {
            break;
        }
        let mut it = text[j..].chars();
        let (Some(joiner), Some(next)) = (it.next(), it.next()) else {
            break;
        };
        if !is_word_char(next) {
            break;
        }
        let prev = text[..j].chars().next_back().unwrap_or(' ');
        let joins = match joiner {
            '\'' | '’' | 'ʼ' => {
                let joins = prev.is_alphabetic() && next.is_alphabetic();
                apostrophe |= joins;
                joins
            }
            '-' | '‐' | '‑' => {
                numeric = false;
                true
            }
            '.' => {
                has_dot = true;
                true
            }
            ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
            // snake_case identifiers in prose are one word.
            '_' => true,
            '&' => prev.is_alphabetic() && next.is_alphabetic(),
            _ => false,
        };
        if !joins {
            break;
        }
        ascii &= joiner.is_ascii();
        j += joiner.len_utf8();
        segment_start = j;
    }
    // "U.S.", "e.g.", "a.m.": a dotted abbreviation keeps its final dot.
    if has_dot && !numeric && text[j..].starts_with('.') {
        let last = &text[segment_start..j];
        if last.chars().count() == 1 {
            j += 1;
        }
    }
    let kind = if numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (j, kind, ascii, apostrophe)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn runs_eight_at_a_time_agree_with_byte_by_byte() {
        // Every byte value at every place of runs around the eight-byte
        // steps, and at the very end of the text.
        let reference = |bytes: &[u8], start: usize| {
            let run = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let digits = bytes[start..start + run].iter().all(u8::is_ascii_digit);
            (run, if digits { ALNUM_DIGIT } else { ALNUM })
        };
        for len in 0..20 {
            for at in 0..=len {
                for b in 0..=255u8 {
                    for fill in [b'7', b'q', b'Z'] {
                        let mut bytes = vec![fill; len];
                        if at < len {
                            bytes[at] = b;
                        }
                        for start in [0, len.min(3)] {
                            assert_eq!(
                                ascii_run(&bytes, start),
                                reference(&bytes, start),
                                "{bytes:?} from {start}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_word_character() {
        for c in GENERAL_PUNCTUATION {
            assert!(
                !c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c),
                "{c:?}"
            );
        }
        assert!(!is_word_char('’') && !is_word_char('—') && is_word_char('é'));
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            words("Hay’at Tahrir al-Sham, pro-Russian S-400s."),
            [
                "Hay’at",
                "Tahrir",
                "al-Sham",
                ",",
                "pro-Russian",
                "S-400s",
                "."
            ]
        );
    }

    #[test]
    fn numbers_and_times() {
        let toks = split("At 11:23 AM, 1,000 troops (3.5%) left in 2015.");
        let nums: Vec<_> = toks
            .iter()
            .filter(|(_, k)| *k == TokenKind::Number)
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(nums, ["11:23", "1,000", "3.5", "2015"]);
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(
            words("the U.S. and e.g. this."),
            ["the", "U.S.", "and", "e.g.", "this", "."]
        );
        assert_eq!(words("Dr. Smith"), ["Dr", ".", "Smith"]);
    }

    #[test]
    fn urls_are_one_token() {
        let toks = split("See https://example.com/a_(b). Then www.x.org, ok");
        assert_eq!(toks[1], ("https://example.com/a_(b)", TokenKind::Url));
        assert_eq!(toks[4], ("www.x.org", TokenKind::Url));
    }

    #[test]
    fn parentheses_split() {
        assert_eq!(words("visit(s) today"), ["visit", "(", "s", ")", "today"]);
        assert_eq!(
            words("a long-time (ally) partner"),
            ["a", "long-time", "(", "ally", ")", "partner"]
        );
    }

    #[test]
    fn tokens_say_whether_their_form_is_their_text_lowered() {
        let text = "Haftar’s US-backed café, https://x.org ok.";
        let mut got = Vec::new();
        tokenize(text, |t| got.push((&text[t.start..t.end], t.lowered)));
        assert_eq!(
            got,
            [
                ("Haftar’s", false),
                ("US-backed", true),
                ("café", false),
                (",", true),
                // A web address has no matching form to read.
                ("https://x.org", false),
                ("ok", true),
                (".", true),
            ]
        );
    }

    #[test]
    fn possessive_stays_in_word() {
        assert_eq!(words("Haftar’s army"), ["Haftar’s", "army"]);
        assert_eq!(words("‘Arab Spring’."), ["‘", "Arab", "Spring", "’", "."]);
    }
}
