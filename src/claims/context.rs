//! The context that decides how a claim is judged: whose words it is (the
//! writer's, a quoted speaker's, a source's the sentence credits), whether
//! the sentence denies it, and the time it speaks of.

use std::ops::Range;

use jiff::civil::Date;

use super::time::{dates_in, durations_in, Mention, Relation};
use crate::document::Document;
use crate::facts::PartialDate;
use crate::text::TokenKind;

/// What the sentence around a claim says of it.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The claim stands inside quotation marks: a speaker's words, not the writer's.
    pub quoted: bool,
    /// The sentence denies it ("did not", "denied that", "falsely").
    pub negated: bool,
    /// The sentence credits it to a source ("according to", "said").
    pub attributed: bool,
    /// Words before a title that make it historical ("former", "ousted", "then").
    pub historical: bool,
    /// The time the sentence places it at, nearest the claim, if any.
    pub time: Option<(PartialDate, Relation)>,
    /// A span of years the sentence gives it ("for 24 years").
    pub years: Option<(f32, f32)>,
    /// The sentence speaks of a death or an end ("died", "killed",
    /// "funeral"): a role held until then is still the subject's in it.
    pub death: bool,
}

/// How many tokens either side of a claim its context is read from.
const NEIGHBOURHOOD: usize = 40;

/// How many tokens after a claim a time may stand and still be the claim's.
const AFTER: usize = 8;

/// Words that deny what follows or what they stand in.
const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "no",
    "nor",
    "neither",
    "deny",
    "denies",
    "denied",
    "denying",
    "false",
    "falsely",
    "wrongly",
    "mistakenly",
    "erroneously",
    "incorrectly",
    "untrue",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "hoax",
    "myth",
    "disinformation",
    "misinformation",
    "fake",
    "refuted",
    "rejected",
    "dismissed",
];

/// Words that credit what the sentence says to a source.
const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "according",
    "claimed",
    "claims",
    "claiming",
    "alleged",
    "alleges",
    "allegedly",
    "reported",
    "reports",
    "reportedly",
    "stated",
    "states",
    "insisted",
    "insists",
    "asserted",
    "asserts",
    "argued",
    "argues",
    "announced",
    "announces",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "quoted",
    "cited",
    "believes",
    "believed",
    "suggested",
    "suggests",
    "accused",
    "accuses",
    "described",
    "describes",
    "called",
    "calls",
    "added",
    "adds",
];

/// Words that credit a claim to a source wherever they stand.
const CREDITED: &[&str] = &[
    "according",
    "allegedly",
    "reportedly",
    "purportedly",
    "supposedly",
];

/// Words of a death or an end.
const DEATH: &[&str] = &[
    "died",
    "dies",
    "death",
    "dead",
    "killed",
    "crash",
    "crashed",
    "funeral",
    "buried",
    "burial",
    "assassinated",
    "assassination",
    "slain",
    "body",
    "remains",
    "obituary",
    "mourned",
    "dissolved",
    "disbanded",
];

/// Words before a title that make it a past one.
const HISTORICAL: &[&str] = &[
    "former",
    "ex",
    "late",
    "ousted",
    "deposed",
    "toppled",
    "exiled",
    "overthrown",
    "erstwhile",
    "fallen",
    "outgoing",
    "then",
    "once",
    "onetime",
    "one-time",
    "previous",
    "longtime",
    "long-time",
    "disgraced",
    "fugitive",
    "defeated",
];

/// Whether a word (in matching form) is a negation, or ends in "n't".
fn negates(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't")
}

/// Whether a word is "then" or starts "then-" ("then-president").
fn then(w: &str) -> bool {
    w == "then" || w.starts_with("then-")
}

/// Whether a word names something past ("former", or a hyphenated form
/// such as "now-deposed", "then-president").
fn historical(w: &str) -> bool {
    HISTORICAL.contains(&w)
        || w.split('-')
            .any(|p| HISTORICAL.contains(&p) || p == "deposed")
}

/// The context of a claim matched at tokens `claim` in sentence `sentence`
/// of `doc`, whose date is `at`.
/// `quoted` says whether each token stands in a quotation
/// ([`Document::quotations`]).
/// Only the claim's neighbourhood in the sentence is read, so that the cost
/// of a match does not grow with the sentence.
pub fn around(
    doc: &Document,
    sentence: Range<usize>,
    claim: Range<usize>,
    at: Date,
    quoted: &[bool],
) -> Context {
    let norm = |k: usize| doc.norm(&doc.tokens[k]);
    let mut cx = Context {
        quoted: quoted.get(claim.start).copied().unwrap_or(false),
        ..Context::default()
    };
    let sentence = claim
        .start
        .saturating_sub(NEIGHBOURHOOD)
        .max(sentence.start)..(claim.end + NEIGHBOURHOOD).min(sentence.end);
    // The clause the claim stands in: from the last clause break before it.
    let clause_start = (sentence.start..claim.start)
        .rev()
        .find(|&k| matches!(doc.text(&doc.tokens[k]), ";" | ":" | "—" | "–"))
        .map_or(sentence.start, |k| k + 1);
    cx.negated = (clause_start..claim.end).any(|k| negates(norm(k)));
    // "According to state media, …", "Assad claimed that …": a source
    // credited anywhere, or a reporting verb before the claim. One after
    // it ("…, officials said") is news style for what the writer vouches
    // for, and a claim's own subject speaking ("Assad said") credits nobody.
    cx.attributed = sentence.clone().any(|k| CREDITED.contains(&norm(k)))
        || (clause_start..claim.start).any(|k| ATTRIBUTION.contains(&norm(k)));
    cx.death = sentence.clone().any(|k| DEATH.contains(&norm(k)));

    // The time nearest the claim; a date inside the claim counts first.
    let dates = dates_in(doc, sentence.clone(), at);
    let distance = |m: &Mention| {
        if m.tokens.start >= claim.start && m.tokens.end <= claim.end {
            0
        } else if m.tokens.start >= claim.end {
            m.tokens.start - claim.end + 1
        } else {
            claim.start.saturating_sub(m.tokens.end) + 1
        }
    };
    // "X said the vote would be in December": a time well inside what
    // someone is reported to say after the claim is the speech's, not the
    // claim's ("X said in 2015 that …" keeps its time).
    let reported = |m: &Mention| {
        m.tokens.start >= claim.end
            && (claim.end..m.tokens.start).any(|k| {
                ATTRIBUTION.contains(&norm(k))
                    && (m.tokens.start - k > 4 || (k..m.tokens.start).any(|j| norm(j) == "that"))
            })
    };
    // A time long after the claim belongs to another phrase ("headed by PM
    // Dbeibah as part of a plan … with an election in December").
    let far = |m: &Mention| m.tokens.start >= claim.end && m.tokens.start - claim.end > AFTER;
    cx.time = dates
        .iter()
        .filter(|m| !reported(m) && !far(m))
        .min_by_key(|m| distance(m))
        .map(|m| (m.date.clone(), m.relation));
    // Up to four words before the claim, and the claim's own: "former",
    // "ousted". "Then" places a title at the sentence's time, when it has one.
    // The words before stop at punctuation: "In late November, President X"
    // has no "late" of his.
    let from = (claim.start.saturating_sub(4).max(sentence.start)..claim.start)
        .rev()
        .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
        .last()
        .unwrap_or(claim.start);
    let words = (from..claim.end).filter(|&k| doc.tokens[k].kind == TokenKind::Word);
    cx.historical = words.clone().any(|k| historical(norm(k)) && !then(norm(k)))
        || (cx.time.is_none() && words.clone().any(|k| then(norm(k))));
    cx.years = durations_in(doc, sentence)
        .into_iter()
        .min_by_key(|d| d.tokens.start.abs_diff(claim.start))
        .map(|d| d.years);
    cx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(text: &str, claim: &str) -> Context {
        let doc = Document::from_text(text);
        let start = doc
            .tokens
            .iter()
            .position(|t| doc.text(t) == claim.split(' ').next().unwrap())
            .unwrap();
        let end = start + claim.split(' ').count();
        let s = doc.sentences[doc.tokens[start].sentence as usize].clone();
        around(
            &doc,
            s,
            start..end,
            "2024-12-20".parse().unwrap(),
            &doc.quotations(),
        )
    }

    #[test]
    fn whose_words_and_when() {
        let c = context(
            "“President Assad is in Moscow,” he said.",
            "President Assad",
        );
        assert!(c.quoted && !c.attributed && !c.negated);
        let c = context(
            "According to state media, Russian rebels took Damascus.",
            "Russian rebels",
        );
        assert!(c.attributed);
        let c = context(
            "State television claimed that Russian rebels took Damascus.",
            "Russian rebels",
        );
        assert!(c.attributed);
        let c = context(
            "Syrian President Bashar al-Assad said on Monday he would stay.",
            "Syrian President",
        );
        assert!(!c.attributed, "the claim's own subject speaks");
        let c = context(
            "Russian rebels did not capture Damascus.",
            "Russian rebels did not capture Damascus",
        );
        assert!(c.negated && !c.quoted);
        let c = context(
            "It was not Russian rebels who captured Damascus.",
            "Russian rebels",
        );
        assert!(c.negated);
        let c = context(
            "Not all is lost; Russian rebels captured Damascus.",
            "Russian rebels",
        );
        assert!(!c.negated, "the denial is in another clause");
        let c = context(
            "By December 8, President Bashar Assad had fled.",
            "President Bashar Assad",
        );
        assert_eq!(
            c.time.map(|t| t.0.start.to_string()),
            Some("2024-12-08".into())
        );
        let c = context(
            "The ousted Syrian president Bashar al-Assad fled.",
            "president Bashar al-Assad",
        );
        assert!(c.historical);
        let c = context(
            "President Assad said the vote would be in December.",
            "President Assad",
        );
        assert!(c.time.is_none(), "the time is the speech's");
        let c = context(
            "President Assad said in 2015 that he would stay.",
            "President Assad",
        );
        assert!(c.time.is_some(), "the time is the saying's");
        let c = context("He ruled Syria for 24 years.", "ruled Syria");
        assert_eq!(c.years, Some((23.5, 25.0)));
        let c = context(
            "In late November 2024, then-President Ahmed al-Sharaa spoke.",
            "then-President Ahmed",
        );
        assert!(
            !c.historical,
            "“late” belongs to the date, “then” to the sentence's time"
        );
        let c = context(
            "Then-President Ahmed al-Sharaa spoke.",
            "Then-President Ahmed",
        );
        assert!(c.historical, "“then” with no time of its own");
    }
}
