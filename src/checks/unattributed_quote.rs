//! Quotations with no attribution in the same, previous or next sentence.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::{Check, Context, Report};
use crate::document::{Document, TokenKind};
use crate::finding::{Finding, Severity};

/// The check.
pub struct UnattributedQuote;

/// Fewest words a quotation needs to count (shorter ones are scare quotes or titles).
const MIN_WORDS: usize = 6;

/// Words that attribute a quotation to someone.
const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "states",
    "noted",
    "notes",
    "asked",
    "asks",
    "claimed",
    "claims",
    "reported",
    "reports",
    "explained",
    "explains",
    "argued",
    "argues",
    "warned",
    "warns",
    "insisted",
    "insists",
    "announced",
    "announces",
    "cited",
    "citing",
    "quoted",
    "quoting",
    "assessed",
    "assesses",
    "declared",
    "declares",
    "replied",
    "replies",
    "responded",
    "acknowledged",
    "admitted",
    "recalled",
    "remarked",
    "observed",
    "tweeted",
    "posted",
    "read",
    "reads",
    "statement",
    "predicted",
    "predict",
    "predicts",
    "highlighted",
    "suggested",
    "suggests",
    "concluded",
    "testified",
    "commented",
    "continued",
    "urged",
    "described",
];

fn attributed(doc: &Document, s: usize) -> bool {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| ATTRIBUTION.iter().copied().collect());
    doc.sentences.get(s).is_some_and(|r| {
        doc.tokens[r.clone()]
            .iter()
            .any(|t| t.kind == TokenKind::Word && words.contains(doc.norm(t)))
    })
}

impl Check for UnattributedQuote {
    fn id(&self) -> &'static str {
        "hygiene.unattributed-quote"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn description(&self) -> &'static str {
        "a quotation of several words with no one credited in the same, previous or next sentence"
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let toks = &doc.tokens;
        let leads = doc.leads();
        let mut i = 0;
        while i < toks.len() {
            // “ is E2 80 9C: its first byte is looked for in the dense array of first bytes.
            match leads.get(i..).and_then(|l| memchr::memchr(0xE2, l)) {
                Some(k) => i += k,
                None => break,
            }
            if doc.text(&toks[i]) != "“" {
                i += 1;
                continue;
            }
            let Some(len) = toks[i + 1..]
                .iter()
                .take(200)
                .position(|t| doc.text(t) == "”")
            else {
                i += 1;
                continue;
            };
            let close = i + 1 + len;
            let words = toks[i + 1..close]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count();
            let (first, last) = (toks[i].sentence as usize, toks[close].sentence as usize);
            // A quotation that stands as its own paragraph is a title or a pull quote.
            let near = first.saturating_sub(1)..=last + 1;
            let credited = near.clone().any(|s| attributed(doc, s));
            if words >= MIN_WORDS && !credited {
                let span = toks[i].start()..toks[close].end();
                out.push(
                    Report {
                        check: self,
                        span,
                        message: "Quotation with no attribution: no one is credited in this or a neighbouring sentence".into(),
                        help: Some("Say who said or wrote it (“…,” the minister said).".into()),
                        suggestion: None,
                    }
                    .finding(doc),
                );
            }
            i = close + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_examples;
    use super::UnattributedQuote;

    #[test]
    fn examples() {
        assert_examples(
            &UnattributedQuote,
            &[
                "The talks went on. “We will never leave our bases in the region.” The ships sailed.",
                "“The air defence systems are already in the east of the country.”",
                "Nothing changed. “This is the end of an era for the whole region,” and the crowd cheered. Later it rained.",
                "Markets fell. “Prices will rise sharply before the end of the year.”\n\nAnother story.",
                "It was cold. “Nobody expected the regime to fall within twelve days.” Then it snowed.",
            ],
            &[
                "“We will never leave our bases in the region,” the minister said.",
                "The envoy told reporters: “The systems are already in the east of the country.”",
                "“The talks went well for both sides today.” That was how the spokesman put it, he added.",
                "He called it the “Arab Spring” in his notes.",
                "According to the report, “Russia is relocating advanced air defence systems.”",
            ],
        );
    }
}
