//! Sentence boundaries inside one block of prose.

use super::tokenize::TokenKind;

/// Words that end with a dot without ending the sentence when a capitalised
/// word follows ("Dr. Smith", "Gen. Haftar", "Dec. 18").
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cdr", "cmdr", "col", "cpl", "dec", "dr", "feb", "fig", "ft",
    "gen", "gov", "hon", "jan", "jr", "jul", "jun", "lt", "maj", "mar", "messrs", "mr", "mrs",
    "ms", "mt", "no", "nov", "oct", "pres", "prof", "pvt", "rep", "rev", "sen", "sep", "sept",
    "sgt", "sr", "st", "supt", "vs",
];

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

/// Whether a token whose text starts with byte `lead` may end a sentence
/// ("." "!" "?", and "…", which starts with E2): most tokens are ruled out
/// without reading their text.
fn may_end(lead: u8) -> bool {
    matches!(lead, b'.' | b'!' | b'?' | 0xE2)
}

/// Like [`split`], into a reused vector (cleared first), for the tokens
/// described by `tok` (no copy of the tokens) whose first bytes are `leads`.
pub fn split_by<'a>(tok: impl Fn(usize) -> SentenceToken<'a>, leads: &[u8], ends: &mut Vec<usize>) {
    ends.clear();
    let n = leads.len();
    let mut i = 0;
    while i < n {
        // Most tokens cannot end a sentence: skipped on their first byte alone.
        match leads[i..].iter().position(|&b| may_end(b)) {
            Some(k) => i += k,
            None => break,
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
        let after_title = t.text == "."
            && i > 0
            && tok(i - 1).kind == TokenKind::Word
            && NON_FINAL_ABBREVIATIONS
                .iter()
                .any(|a| a.eq_ignore_ascii_case(tok(i - 1).text));
        if next.space_before && starts_sentence(&next) && !after_title {
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
    fn lowercase_continuation_is_not_a_boundary() {
        assert_eq!(sentences("It costs approx. five dollars.").len(), 1);
    }
}
