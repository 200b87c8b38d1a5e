//! Bracketed editing leftovers: a bracketed word left between two words
//! ("a long-time (ally) partner"), where an editor meant to keep one.

use super::{Check, CheckInfo, Context, Report, Setup};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::text::{TokenKind, SPACE_BEFORE};

/// The check.
pub struct BracketArtifact {
    /// Numbers written in words (`@number_word`): a bracketed one is a gloss.
    numbers: Vec<String>,
}

impl BracketArtifact {
    /// The check, with the word list `@number_word`.
    pub fn new(setup: &mut Setup) -> Self {
        BracketArtifact {
            numbers: setup.lexicon("number_word").to_vec(),
        }
    }
}

/// Bracketed words that are normal in running text.
const ALLOWED: &[&str] = &[
    "sic",
    "optional",
    "s",
    "es",
    "ies",
    "ed",
    "or",
    "and",
    "etc",
    "e.g.",
    "i.e.",
    "see",
    "cf",
    "ibid",
    "required",
    "default",
    "deprecated",
    "beta",
    "alias",
    "plural",
    "approx",
    "est",
    "ret",
    "retd",
    "pbuh",
    "lit",
    "trans",
    "ca",
    "vs",
    "emphasis",
    "inclusive",
    "exclusive",
    "recommended",
    "experimental",
    "unofficial",
    "translated",
    "redacted",
    "maybe",
    "again",
    "very",
    "many",
    "minor",
    "major",
    "mostly",
    "often",
    "still",
    "also",
    "now",
    "even",
    "just",
    "perhaps",
    "sometimes",
    "usually",
    "currently",
    "finally",
    "partly",
    "partially",
    "only",
    "all",
    "some",
    "most",
    "more",
    "less",
    "too",
    "yet",
    "already",
    "today",
    "here",
    "there",
    "soon",
    "once",
    "twice",
    "first",
    "above",
    "below",
];

/// Words that follow a gloss rather than a competing word.
const FUNCTION_WORDS: &[&str] = &[
    "or", "and", "to", "of", "in", "on", "for", "with", "is", "are", "was", "were", "that",
    "which", "when", "had", "has", "have", "be", "by", "as", "at", "from", "but", "if", "than",
    "then", "so", "it", "can", "will", "would", "should",
];

/// Words ending in -ly that are not adverbs.
const LY_NOUNS: &[&str] = &[
    "rally",
    "family",
    "assembly",
    "supply",
    "reply",
    "anomaly",
    "monopoly",
    "belly",
    "jelly",
    "bully",
    "folly",
    "holly",
    "butterfly",
    "ally",
];

fn lower_word(doc: &Document, t: &crate::text::Token) -> bool {
    t.kind == TokenKind::Word && !doc.text(t).chars().any(char::is_uppercase)
}

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "hygiene.bracketed-artifact",
    severity: Severity::Warning,
    summary: "a bracketed word left between two words, as an editor left it",
    details:
        "0.11 | \"from the (operating) system\", one README in three versions: a false positive",
    flag: &[
        "it is attempting to use Libya, a long-time (ally) partner, to keep its influence",
        "the (former) president said on Monday",
        "a close [friend] partner of the minister",
        "the (new) old policy stays in force",
        "an (urgent) important meeting",
    ],
    pass: &[
        "Khalifa Haftar’s Libyan National Army (LNA) controls the east.",
        "Visited 1 times, 1 visit(s) today",
        "The report (published on Tuesday) said the base was expanded.",
        "Pass the (optional) flag to skip the check.",
        "The spelling in the letter (sic) was kept.",
        "The Wall Street Journal (WSJ) cited officials.",
        "The number of flights (seven) was higher than last week.",
        "It could (maybe) happen again.",
        "This is a (literally) small release.",
        "the (backwards-compatible) features stay",
        "when fragments (words) or line lengths had extreme values",
        "consider the [\\[rust\\] tag on StackOverflow][so] today",
        "crates for the (no_std) target build",
        "He called the airbase their “last foothold on the [western] coastal plain”.",
    ],
};

impl Check for BracketArtifact {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let numbers = &self.numbers;
        // Each "(" or "[" (found in the dense array of first bytes) with a
        // token before it and three after it in its sentence.
        let mut quoted: Option<Vec<bool>> = None;
        for at in memchr::memchr2_iter(b'(', b'[', doc.leads()) {
            let s = &doc.sentences[doc.tokens[at].sentence as usize];
            let toks = &doc.tokens[s.clone()];
            let i = at - s.start;
            if i < 1 || i + 3 >= toks.len() {
                continue;
            }
            let (open, word, close) = (&toks[i], &toks[i + 1], &toks[i + 2]);
            if open.kind != TokenKind::Punct || close.kind != TokenKind::Punct {
                continue;
            }
            let pair = matches!((doc.text(open), doc.text(close)), ("(", ")") | ("[", "]"));
            if !pair || !open.has(SPACE_BEFORE) || word.has(SPACE_BEFORE) || close.has(SPACE_BEFORE)
            {
                continue;
            }
            let w = doc.norm(word);
            if !lower_word(doc, &toks[i - 1])
                || !lower_word(doc, word)
                || !lower_word(doc, &toks[i + 3])
                || !toks[i + 3].has(SPACE_BEFORE)
            {
                continue;
            }
            // Adverbs, hyphenated words and single letters are ordinary asides,
            // and an escaped bracket (`\[`) is not a bracket in the text.
            let adverb = w.ends_with("ly") && w.len() > 4 && !LY_NOUNS.contains(&w);
            let aside = adverb
                || w.contains(['-', '_'])
                || w.chars().any(|c| c.is_ascii_digit())
                || w.chars().count() < 2;
            // An aside that glosses the word before it ("fragments (words) or …")
            // is followed by a function word; a leftover is followed by the word it competes with.
            let gloss = FUNCTION_WORDS.contains(&doc.norm(&toks[i + 3]));
            let escaped = [open, close].iter().any(|t| {
                doc.slice(t.span()) != doc.text(t) || doc.source[..t.start()].ends_with('\\')
            });
            if aside
                || gloss
                || escaped
                || ALLOWED.contains(&w)
                || numbers.iter().any(|n| n.eq_ignore_ascii_case(w))
            {
                continue;
            }
            // Square brackets in a quotation are the editor's words put into
            // the speaker's ("the [western] coastal plain").
            if doc.text(open) == "[" && quoted.get_or_insert_with(|| doc.quotations())[at] {
                continue;
            }
            let span = open.start()..close.end();
            out.push(
                Report {
                    check: self,
                    message: format!("“{}” looks like an editing leftover: a bracketed word left between two words", doc.slice(span.clone())),
                    span,
                    help: Some(format!("Keep one of “{}” and “{}”, and delete the other.", doc.text(word), doc.text(&toks[i + 3]))),
                    suggestion: Some(String::new()),
                }
                .finding(doc),
            );
        }
    }
}
