//! Sentence boundaries inside one block of prose.

use super::tokenize::TokenKind;

/// Whether `word` is an abbreviation that ends with a dot without ending
/// the sentence when a capitalised word follows ("Dr. Smith", "Gen.
/// Haftar", "Dec. 18"), in any case.
fn is_non_final_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    // None is longer than six letters.
    if b.len() > 6 {
        return false;
    }
    let mut lower = [0u8; 6];
    for (l, c) in lower.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    matches!(
        &lower[..b.len()],
        b"adm"
            | b"apr"
            | b"aug"
            | b"capt"
            | b"cdr"
            | b"cmdr"
            | b"col"
            | b"cpl"
            | b"dec"
            | b"dr"
            | b"feb"
            | b"fig"
            | b"ft"
            | b"gen"
            | b"gov"
            | b"hon"
            | b"jan"
            | b"jr"
            | b"jul"
            | b"jun"
            | b"lt"
            | b"maj"
            | b"mar"
            | b"messrs"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"mt"
            | b"no"
            | b"nov"
            | b"oct"
            | b"pres"
            | b"prof"
            | b"pvt"
            | b"rep"
            | b"rev"
            | b"sen"
            | b"sep"
            | b"sept"
            | b"sgt"
            | b"sr"
            | b"st"
            | b"supt"
            | b"vs"
    )
}

/// What the splitter needs to know of a token.
#[derive(Debug, Clone, Copy)]
pub struct SentenceToken<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Its kind.
    pub kind: TokenKind,
    /// Whether white space precedes it.
    pub space_before: bool,
}

fn is_closer(t: &SentenceToken) -> bool {
    !t.space_before && matches!(t.text, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

fn starts_sentence(t: &SentenceToken) -> bool {
    match t.kind {
        TokenKind::Word | TokenKind::Number => t
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        TokenKind::Punct => matches!(t.text, "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "—" | "-"),
        TokenKind::Url | TokenKind::Code => true,
    }
}

/// Returns the exclusive end index of each sentence in `tokens` (one block).
pub fn split(tokens: &[SentenceToken]) -> Vec<usize> {
    let mut ends = Vec::new();
    let leads: Vec<u8> = tokens
        .iter()
        .map(|t| t.text.as_bytes().first().copied().unwrap_or(0))
        .collect();
    split_by(|i| tokens[i], &leads, &mut ends);
    ends
}

/// The first token at or after `i` whose text starts with a byte that may
/// end a sentence ("." "!" "?", and "…", which starts with E2), or
/// `usize::MAX`: most tokens are ruled out on their first byte alone, many
/// at a time by `memchr`. `next` holds the next ASCII terminal and the next
/// E2 lead found by earlier searches, each searched for again only once
/// passed, so that a block is scanned about once (E2 also starts curly
/// quotes and dashes, hence its own search).
fn next_may_end(leads: &[u8], i: usize, next: &mut [usize; 2]) -> usize {
    let rest = leads.get(i..).unwrap_or_default();
    if next[0] < i {
        next[0] = memchr::memchr3(b'.', b'!', b'?', rest).map_or(usize::MAX, |k| i + k);
    }
    if next[1] < i {
        next[1] = memchr::memchr(0xE2, rest).map_or(usize::MAX, |k| i + k);
    }
    next[0].min(next[1])
}

/// Like [`split`], into a reused vector (cleared first), for the tokens
/// described by `tok` (no copy of the tokens) whose first bytes are `leads`.
pub fn split_by<'a>(tok: impl Fn(usize) -> SentenceToken<'a>, leads: &[u8], ends: &mut Vec<usize>) {
    ends.clear();
    let n = leads.len();
    let mut i = 0;
    let mut next = [
        memchr::memchr3(b'.', b'!', b'?', leads).unwrap_or(usize::MAX),
        memchr::memchr(0xE2, leads).unwrap_or(usize::MAX),
    ];
    while i < n {
        i = next_may_end(leads, i, &mut next);
        if i >= n {
            break;
        }
        let t = tok(i);
        let terminal = t.kind == TokenKind::Punct && matches!(t.text, "." | "!" | "?" | "…");
        if !terminal {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && {
            let u = tok(j);
            is_closer(&u) || (u.text == "." && !u.space_before)
        } {
            j += 1;
        }
        if j >= n {
            break;
        }
        let next = tok(j);
        let after_title = || {
            t.text == "." && i > 0 && {
                let before = tok(i - 1);
                before.kind == TokenKind::Word && is_non_final_abbreviation(before.text)
            }
        };
        if next.space_before && starts_sentence(&next) && !after_title() {
            ends.push(j);
        }
        i = j;
    }
    if n > 0 {
        ends.push(n);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let toks: Vec<_> = tokenize::split(text);
        let mut spaced = Vec::new();
        tokenize::tokenize(text, |t| spaced.push(t.space_before));
        let st: Vec<SentenceToken> = toks
            .iter()
            .zip(spaced)
            .map(|(&(text, kind), space_before)| SentenceToken {
                text,
                kind,
                space_before,
            })
            .collect();
        let mut start = 0;
        split(&st)
            .into_iter()
            .map(|end| {
                let s = st[start..end]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" ");
                start = end;
                s
            })
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(sentences("One fell. Two rose! Three?").len(), 3);
    }

    #[test]
    fn keeps_abbreviations_and_decimals() {
        assert_eq!(
            sentences("Dr. Smith met Gen. Haftar in the U.S. on Dec. 18 at 3.5 km.").len(),
            1
        );
    }

    #[test]
    fn quotes_close_the_sentence() {
        let s = sentences("He said “we won.” Then he left. “Go,” she said.");
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[0].ends_with("”"));
    }

    #[test]
    fn abbreviations_are_found_in_any_case() {
        for a in ["adm", "Gen", "DR", "messrs", "Sept", "vs"] {
            assert!(is_non_final_abbreviation(a), "{a}");
        }
        for w in ["", "d", "drs", "messrss", "gene", "Ms.", "mé", "September"] {
            assert!(!is_non_final_abbreviation(w), "{w}");
        }
        assert_eq!(sentences("GEN. Haftar and MR. Smith met.").len(), 1);
    }

    #[test]
    fn ellipses_and_curly_quotes_among_terminals() {
        // Curly quotes and dashes share the first byte of the ellipsis: they
        // are passed over, and terminals after many of them are still found.
        let s = sentences("“A” — “b” ‘c’ – “d” waited… Then “e” – ‘f’ left. Done “g”! Yes");
        assert_eq!(s.len(), 4, "{s:?}");
        assert!(s[0].ends_with("…"), "{s:?}");
        assert!(s[1].ends_with("."), "{s:?}");
        assert!(s[2].ends_with("!"), "{s:?}");
    }

    #[test]
    fn lowercase_continuation_is_not_a_boundary() {
        assert_eq!(sentences("It costs approx. five dollars.").len(), 1);
    }
}
