//! Placeholders left in copy: TK, XX, lorem ipsum, [citation needed], FIXME, TODO.
//!
//! The check looks for its words by id: their tokens are listed when the
//! document's word ids are found, so it reads a short list, not every
//! token. TK runs count up to eight repetitions (TKTKTKTKTKTKTKTK).

use super::{Check, CheckInfo, Context, Report, Setup};
use crate::finding::{Finding, Severity};
use crate::text::TokenKind;
use crate::vocab::IdSet;

/// The check.
pub struct Placeholder {
    /// Ids of its words, listed.
    words: IdSet,
}

impl Placeholder {
    /// The check, with ids for its words.
    pub fn new(setup: &mut Setup) -> Self {
        Placeholder {
            words: setup.listed_word_ids(WORDS),
        }
    }
}

/// The words a placeholder starts with, in matching form (their case is
/// checked on the text): TK repeated up to eight times, XX to XXXX, and
/// the rest.
const WORDS: &[&str] = &[
    "tk",
    "tktk",
    "tktktk",
    "tktktktk",
    "tktktktktk",
    "tktktktktktk",
    "tktktktktktktk",
    "tktktktktktktktk",
    "xx",
    "xxx",
    "xxxx",
    "fixme",
    "todo",
    "tbc",
    "hed",
    "dek",
    "lorem",
];

/// Whole tokens that are placeholders when written in capitals.
fn placeholder_token(text: &str) -> bool {
    let tk = text.len() >= 2
        && text.len().is_multiple_of(2)
        && text.as_bytes().chunks(2).all(|c| c == b"TK");
    let xx = (2..=4).contains(&text.len()) && text.bytes().all(|b| b == b'X');
    tk || xx || matches!(text, "FIXME" | "TODO" | "TBC" | "XXXX" | "HED" | "DEK")
}

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "hygiene.placeholder",
    severity: Severity::Error,
    summary: "placeholders left in copy: TK, XX, lorem ipsum, [citation needed], FIXME, TODO",
    details: "0.25 | \"TODO\" left in changelog sections: real placeholders",
    flag: &[
        "The base holds TK aircraft.",
        "The offensive began on XX November.",
        "Lorem ipsum dolor sit amet.",
        "Russia has two bases there [citation needed].",
        "FIXME: add the minister's name.",
        "The deal is worth TKTK dollars.",
        "The deal is worth TKTKTKTKTKTKTKTK dollars.",
        "Quote from the minister: TODO.",
    ],
    pass: &[
        "The XX century saw two world wars.",
        "Tk, the currency symbol, is lower case here.",
        "The Xbox and the XXL size were on sale.",
        "She needed a citation for the claim.",
        "Todo lo que sé, she said in Spanish.",
        "Tktk is the boat's name; Lorem is a village.",
    ],
};

impl Check for Placeholder {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let toks = &doc.tokens;
        // Where a placeholder can start: a listed token with one of the
        // words, or an opening bracket ("[citation needed]"), in order.
        let words = &self.words;
        let mut starts: Vec<usize> = cx
            .ids
            .known
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| {
                let (n, b) = cx.ids.forms(i);
                words.contains(n) || words.contains(b)
            })
            .collect();
        starts.extend(memchr::memchr_iter(b'[', doc.leads()));
        starts.sort_unstable();
        // The first token not yet part of a placeholder found.
        let mut next = 0;
        for i in starts {
            if i < next {
                continue;
            }
            let t = &toks[i];
            let text = doc.text(t);
            let next_norm = toks.get(i + 1).map(|n| doc.norm(n));
            let mut hit: Option<(usize, &str)> = None;
            if t.kind == TokenKind::Word && placeholder_token(text) {
                // "the XX century" and "XXL" are not placeholders.
                let roman = text.starts_with('X')
                    && matches!(
                        next_norm,
                        Some("century" | "centuries" | "th" | "congress" | "olympiad")
                    );
                if !roman {
                    hit = Some((i + 1, "a placeholder"));
                }
            } else if doc.norm(t) == "lorem" && next_norm == Some("ipsum") {
                hit = Some((i + 2, "placeholder text"));
            } else if text == "["
                && toks.get(i + 3).is_some_and(|c| doc.text(c) == "]")
                && doc.norm(&toks[i + 1]) == "citation"
                && doc.norm(&toks[i + 2]) == "needed"
            {
                hit = Some((i + 4, "a missing citation"));
            }
            match hit {
                Some((end, what)) => {
                    let span = t.start()..toks[end - 1].end();
                    out.push(
                        Report {
                            check: self,
                            message: format!(
                                "“{}” is {what} left in the copy",
                                doc.slice(span.clone())
                            ),
                            span,
                            help: Some("Fill it in before publishing.".into()),
                            suggestion: None,
                        }
                        .finding(doc),
                    );
                    next = end;
                }
                None => next = i + 1,
            }
        }
    }
}
