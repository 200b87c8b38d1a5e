//! Matching the rules against a document: the prefilter names the
//! candidate rules of each sentence, each candidate's program runs on the
//! sentence's tokens, `unless` patterns cancel findings they overlap, and
//! claim rules' matches are judged by [`crate::claims`].

use std::ops::Range;
use std::sync::Arc;

use crate::claims::{self, Captured, Judged, Outcome};
use crate::document::Document;
use crate::facts::Claim;
use crate::finding::{Finding, Place};
use crate::pattern::{Cache, Captures};
use crate::rules::{Rule, Rulebook};
use crate::text::{TokenKind, SPACE_BEFORE};
use crate::vocab::WordIds;

/// The findings of the rules `allowed` admits on `doc` (unsorted); the
/// claims their matches make are added to `claims`.
pub(super) fn run(
    book: &Rulebook,
    doc: &Document,
    ids: &WordIds,
    allowed: impl Fn(u32) -> bool,
    claims: &mut Vec<Claim>,
) -> Vec<Finding> {
    let mut cache = Cache::default();
    let mut findings = Vec::new();
    for (s, r) in book.prefilter.candidates(doc, ids, allowed) {
        let rule = &book.rules[r as usize];
        let range = doc.sentences[s as usize].clone();
        let matches = rule
            .program
            .find_iter(doc.prose(), ids, range.clone(), &mut cache);
        if matches.is_empty() {
            continue;
        }
        // What the rule's `unless` patterns match, and the year standing in
        // the sentence (for claims): once per sentence, however many matches it holds.
        let unless: Vec<Range<usize>> = rule
            .unless
            .iter()
            .flat_map(|u| u.find_iter(doc.prose(), ids, range.clone(), &mut cache))
            .map(|um| um.whole())
            .collect();
        let year = rule
            .claim
            .as_ref()
            .and_then(|_| claims::sentence_year(doc, range.clone()));
        for m in matches {
            // An `unless` match overlapping the reported span cancels it.
            let w = m.marked();
            if unless.iter().any(|x| x.start < w.end && w.start < x.end) {
                continue;
            }
            if let Some(f) = finding(book, rule, doc, year.clone(), &m, claims) {
                findings.push(f);
            }
        }
    }
    findings
}

/// The prose text of tokens `range`, single-spaced as written.
fn tokens_text(doc: &Document, range: Range<usize>) -> String {
    let mut s = String::new();
    for (k, t) in doc.tokens[range].iter().enumerate() {
        if k > 0 && t.has(SPACE_BEFORE) {
            s.push(' ');
        }
        if t.kind == TokenKind::Code {
            // Inline code stands in prose as one opaque token; show what was written.
            s.push_str(doc.slice(t.span()));
        } else {
            s.push_str(doc.text(t));
        }
    }
    s
}

/// The finding of one match of `rule`; `None` for a claim the fact base
/// supports or cannot judge.
fn finding(
    book: &Rulebook,
    rule: &Rule,
    doc: &Document,
    sentence_year: Option<crate::facts::PartialDate>,
    m: &Captures,
    claims: &mut Vec<Claim>,
) -> Option<Finding> {
    let marked = m.marked();
    let span = if marked.is_empty() {
        let at = doc
            .tokens
            .get(marked.start)
            .map_or(doc.source.len(), |t| t.start());
        at..at
    } else {
        doc.tokens[marked.start].start()..doc.tokens[marked.end - 1].end()
    };
    let caps: Vec<Option<String>> = (0..rule.program.captures.len())
        .map(|i| m.capture(i).map(|r| tokens_text(doc, r)))
        .collect();
    let matched = tokens_text(doc, marked.clone());
    // A claim is recorded with the whole match, which names all its parts.
    let whole = m.whole();
    let record = |mut c: Claim| {
        let wspan = doc.tokens[whole.start].start()..doc.tokens[whole.end - 1].end();
        c.start = doc.position(wspan.start);
        c.end = doc.position(wspan.end);
        c.span = wspan;
        c.text = tokens_text(doc, whole.clone());
        c.raw = doc.slice(c.span.clone()).to_string();
        claims.push(c);
    };
    let judged: Option<Judged> = match &rule.claim {
        Some(claim) => {
            let captured = Captured {
                claim,
                rule: &rule.id,
                captures: &caps,
                at: claims::as_of(doc),
                sentence_year,
                reports_unsupported: rule.unsupported.is_some(),
            };
            Some(claims::judge_match(&book.facts, &captured, record)?)
        }
        None => None,
    };
    let get = |c: Option<usize>| -> Option<&str> {
        match c {
            None => Some(matched.as_str()),
            Some(i) => caps.get(i).and_then(|c| c.as_deref()),
        }
    };
    let var = |name: &str| -> Option<String> {
        judged.as_ref().and_then(|j| {
            j.vars
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        })
    };
    let (severity, message, sources) = match &judged {
        None => (
            rule.severity,
            rule.message.render(get),
            rule.sources.clone(),
        ),
        Some(j) => {
            let (severity, template) = match (&rule.unsupported, j.outcome) {
                (Some(u), Outcome::Unsupported) => (u.severity, &u.message),
                _ => (rule.severity, &rule.message),
            };
            let mut sources: Vec<String> = j.sources.to_vec();
            for s in rule.sources.iter() {
                if !sources.contains(s) {
                    sources.push(s.clone());
                }
            }
            (severity, template.render_with(get, var), Arc::from(sources))
        }
    };
    Some(
        Finding::new(rule.id.clone(), severity, Place::of(doc, span), message)
            .with_help(rule.help.as_ref().map(|t| t.render_with(get, var)))
            .with_suggestion(rule.suggest.as_ref().map(|t| t.render_with(get, var)))
            .with_sources(sources),
    )
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::pattern::Cache;
    use crate::vocab::WordIds;

    #[test]
    fn built_in_rules_match_alike_by_ids_and_by_text() {
        // Every built-in program, on its own examples: ids from the
        // rulebook's vocabulary find what comparing the text finds.
        let engine = super::super::Engine::new(
            std::sync::Arc::new(crate::rules::Rulebook::builtin().unwrap()),
            super::super::Settings::default(),
        );
        let book = engine.rulebook();
        let mut cache = Cache::default();
        let mut compared = 0;
        for rule in &book.rules {
            let flags = rule.examples.flag.iter().map(|e| &e.text);
            let examples = flags.chain(&rule.examples.pass);
            for text in examples {
                let doc = Document::from_text(text);
                let ids = engine.word_ids(&doc);
                for prog in std::iter::once(&rule.program).chain(&rule.unless) {
                    for s in &doc.sentences {
                        let by_id = prog.find_iter(doc.prose(), &ids, s.clone(), &mut cache);
                        let by_text =
                            prog.find_iter(doc.prose(), &WordIds::default(), s.clone(), &mut cache);
                        assert_eq!(by_id, by_text, "{} on {text:?}", rule.id);
                        compared += by_id.len();
                    }
                }
            }
        }
        assert!(compared > 20, "{compared} matches compared");
    }
}
