//! Quotations with no attribution in the same, previous or next sentence.

use super::{Check, CheckInfo, Context, Report, Setup};
use crate::finding::{Finding, Severity};
use crate::text::TokenKind;
use crate::vocab::IdSet;

/// The check.
pub struct UnattributedQuote {
    /// Ids of the attribution words.
    attribution: IdSet,
}

impl UnattributedQuote {
    /// The check, with ids for the attribution words.
    pub fn new(setup: &mut Setup) -> Self {
        UnattributedQuote {
            attribution: setup.word_ids(ATTRIBUTION),
        }
    }
}

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
    // Participles and other verbs that credit a quotation ("saying “…”").
    "saying",
    "adding",
    "calling",
    "called",
    "calls",
    "describing",
    "telling",
    "insisting",
    "warning",
    "noting",
    "writing",
    "stressing",
    "stressed",
    "emphasised",
    "emphasized",
    "indicated",
    "indicates",
    "revealed",
    "reveals",
    "vowed",
    "pledged",
    "denied",
    "confirmed",
    "accused",
    "alleged",
    "conceded",
    "asserted",
    "announcing",
    "explaining",
    "arguing",
    "claiming",
    "declaring",
    "promising",
    "promised",
    "branded",
    "dubbed",
    "labelled",
    "labeled",
];

/// Whether sentence `s` holds an attribution word: by word id where the
/// document's ids are at hand, else by text.
fn attributed(cx: &Context, words: &IdSet, s: usize) -> bool {
    let doc = cx.doc;
    let Some(r) = doc.sentences.get(s) else {
        return false;
    };
    let by_id = cx.ids.norm.len() == doc.tokens.len();
    doc.tokens[r.clone()].iter().zip(r.clone()).any(|(t, i)| {
        t.kind == TokenKind::Word
            && if by_id {
                words.contains(cx.ids.norm[i])
            } else {
                ATTRIBUTION.contains(&doc.norm(t))
            }
    })
}

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "hygiene.unattributed-quote",
    severity: Severity::Warning,
    summary: "a quotation of several words with no one credited in the same, previous or next sentence",
    details: "0.07 | a quoted compiler message: false positives",
    flag: &[
        "The talks went on. “We will never leave our bases in the region.” The ships sailed.",
        "“The air defence systems are already in the east of the country.”",
        "Nothing changed. “This is the end of an era for the whole region,” and the crowd cheered. Later it rained.",
        "Markets fell. “Prices will rise sharply before the end of the year.”\n\nAnother story.",
        "It was cold. “Nobody expected the regime to fall within twelve days.” Then it snowed.",
    ],
    pass: &[
        "“We will never leave our bases in the region,” the minister said.",
        "The envoy told reporters: “The systems are already in the east of the country.”",
        "“The talks went well for both sides today.” That was how the spokesman put it, he added.",
        "He called it the “Arab Spring” in his notes.",
        "According to the report, “Russia is relocating advanced air defence systems.”",
        "The president has called Russia an “important country,” saying “we do not want Russia to leave Syria in a way that harms our relations.”",
        "The paper indicated that the jets had flown to bases controlled by “the commander’s militias supported by Moscow.”",
    ],
};

impl Check for UnattributedQuote {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let toks = &doc.tokens;
        let leads = doc.leads();
        let attribution = &self.attribution;
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
            // ” is E2 80 9D: tokens are read only where the first byte is E2.
            let Some(len) = leads[i + 1..]
                .iter()
                .take(200)
                .zip(&toks[i + 1..])
                .position(|(&b, t)| b == 0xE2 && doc.text(t) == "”")
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
            let credited = near.clone().any(|s| attributed(cx, attribution, s));
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
    use super::super::testing::tested;
    use super::super::{Check, Context};
    use super::UnattributedQuote;
    use crate::document::{Document, Format};
    use crate::vocab::WordIds;

    #[test]
    fn attribution_by_id_and_by_text_agree() {
        let text = "The talks went on. “We will never leave our bases in the region,” he said.\n\n\
                    It rained. “Nobody expected the regime to fall within twelve days.” It snowed.";
        let doc = Document::parse("t.md", text, Format::Markdown);
        let t = tested(UnattributedQuote::new);
        let run = |ids: &WordIds| {
            let mut out = Vec::new();
            let cx = Context {
                doc: &doc,
                ids,
                claims: &[],
            };
            t.check.check(&cx, &mut out);
            out.iter().map(|f| f.text.clone()).collect::<Vec<_>>()
        };
        let by_id = run(&t.vocab.index(doc.prose()));
        assert_eq!(by_id.len(), 1, "{by_id:?}");
        assert!(by_id[0].starts_with("“Nobody"), "{by_id:?}");
        assert_eq!(run(&WordIds::default()), by_id);
    }
}
