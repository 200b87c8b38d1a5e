//! Matching the rules against a document: the prefilter names the
//! candidate rules of each sentence, each candidate's program runs on the
//! sentence's tokens, `unless` patterns cancel findings they overlap, and
//! claim rules' matches are judged by [`crate::claims`].

use std::ops::Range;
use std::sync::Arc;

use crate::claims::{self, Captured, Judged, Outcome};
use crate::document::Document;
use crate::facts::{Actor, Claim, EntityId};
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
    // Who the article names in full, and where: found at the first claim
    // that needs it (a bare family name).
    let named = std::cell::OnceCell::new();
    let named = || {
        named
            .get_or_init(|| named_in_full(book, doc, ids))
            .as_slice()
    };
    // Which tokens stand in quotations: found at the first claim.
    let quoted = std::cell::OnceCell::new();
    let quoted = || quoted.get_or_init(|| doc.quotations()).as_slice();
    let lazy = Lazy {
        named: &named,
        quoted: &quoted,
    };
    for (s, r) in book.prefilter.candidates(doc, ids, allowed) {
        let rule = &book.rules[r as usize];
        let range = doc.sentences[s as usize].clone();
        let matches = rule
            .program
            .find_iter(doc.prose(), ids, range.clone(), &mut cache);
        if matches.is_empty() {
            continue;
        }
        // What the rule's `unless` patterns match: once per sentence,
        // however many matches it holds.
        let unless: Vec<Range<usize>> = rule
            .unless
            .iter()
            .flat_map(|u| u.find_iter(doc.prose(), ids, range.clone(), &mut cache))
            .map(|um| um.whole())
            .collect();
        for m in matches {
            // An `unless` match overlapping the reported span cancels it.
            let w = m.marked();
            if unless.iter().any(|x| x.start < w.end && w.start < x.end) {
                continue;
            }
            if let Some(f) = finding(book, rule, doc, range.clone(), &m, &lazy, claims) {
                findings.push(f);
            }
        }
    }
    findings
}

/// The entities `doc` names by a name that is not a family name, each with
/// the byte offset where it is named.
fn named_in_full(book: &Rulebook, doc: &Document, ids: &WordIds) -> Vec<(usize, EntityId)> {
    let fb = &book.facts;
    let mut out = Vec::new();
    for m in fb.find_names(doc.prose(), ids) {
        if fb.is_family_name(m.key) {
            continue;
        }
        for a in m.actors {
            if let Actor::Entity(e) = a {
                out.push((m.span.start, *e));
            }
        }
    }
    out
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

/// What a document's claims share, found at the first claim that needs it.
struct Lazy<'a, 'n> {
    /// Who the article names in full, and where.
    named: &'a dyn Fn() -> &'n [(usize, EntityId)],
    /// Which tokens stand in quotations.
    quoted: &'a dyn Fn() -> &'n [bool],
}

/// The finding of one match of `rule`; `None` for a claim the fact base
/// supports or cannot judge.
fn finding<'n>(
    book: &Rulebook,
    rule: &Rule,
    doc: &Document,
    sentence: Range<usize>,
    m: &Captures,
    lazy: &Lazy<'_, 'n>,
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
            let here = doc.tokens[whole.start].start();
            let introduced =
                |e: EntityId| (lazy.named)().iter().any(|&(at, n)| n == e && at < here);
            let at = claims::as_of(doc);
            let context =
                claims::context::around(doc, sentence, whole.clone(), at, (lazy.quoted)());
            let captured = Captured {
                claim,
                rule: &rule.id,
                captures: &caps,
                at,
                context: &context,
                reports_unsupported: rule.unsupported.is_some(),
                introduced: &introduced,
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
            let (mut severity, template) = match (&rule.unsupported, j.outcome) {
                (Some(u), Outcome::Unsupported) => (u.severity, &u.message),
                _ => (rule.severity, &rule.message),
            };
            // A claim the sentence credits to a source is not the writer's own:
            // one severity lower.
            if j.credited {
                severity = severity.lower();
            }
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
            let examples = flags.chain(rule.examples.pass.iter().map(|e| &e.text));
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

    #[test]
    fn the_prefilter_never_drops_a_rule_that_matches() {
        // Random texts made of the rules' own words (their examples' words
        // and the words they require), in any case, some possessive, some
        // whole examples: wherever a rule's program matches a sentence,
        // the prefilter must have named that rule for that sentence.
        let engine = super::super::Engine::new(
            std::sync::Arc::new(crate::rules::Rulebook::builtin().unwrap()),
            super::super::Settings::default(),
        );
        let book = engine.rulebook();
        let mut words: Vec<String> = Vec::new();
        let mut examples: Vec<&str> = Vec::new();
        for rule in &book.rules {
            let flags = rule.examples.flag.iter().map(|e| e.text.as_str());
            for text in flags.chain(rule.examples.pass.iter().map(|e| e.text.as_str())) {
                examples.push(text);
                words.extend(text.split_whitespace().map(str::to_string));
            }
            for set in rule.program.alternatives.iter().flatten() {
                words.extend(set.iter().cloned());
            }
        }
        words.extend(["the", "of", ".", ",", "in", "2015", "’s"].map(String::from));
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        let mut cache = Cache::default();
        let (mut matched, mut pairs) = (0, 0);
        for _ in 0..4_000 {
            let mut text = String::new();
            for _ in 0..1 + next(3) {
                if next(4) == 0 {
                    text.push_str(examples[next(examples.len())]);
                } else {
                    for _ in 0..2 + next(12) {
                        let mut w = words[next(words.len())].clone();
                        match next(8) {
                            0 => w = w.to_uppercase(),
                            1 => w.push_str("’s"),
                            2 => w = w.to_lowercase(),
                            _ => {}
                        }
                        text.push_str(&w);
                        text.push(' ');
                    }
                    text.push('.');
                }
                text.push(' ');
            }
            let doc = Document::from_text(&text);
            let ids = engine.word_ids(&doc);
            let candidates: std::collections::HashSet<(u32, u32)> = book
                .prefilter
                .candidates(&doc, &ids, |_| true)
                .into_iter()
                .collect();
            for (s, range) in doc.sentences.iter().enumerate() {
                for (r, rule) in book.rules.iter().enumerate() {
                    pairs += 1;
                    let found =
                        rule.program
                            .find_iter(doc.prose(), &ids, range.clone(), &mut cache);
                    if !found.is_empty() {
                        matched += 1;
                        assert!(
                            candidates.contains(&(s as u32, r as u32)),
                            "the prefilter dropped {} on {:?}",
                            rule.id,
                            doc.slice(
                                doc.tokens[range.start].start()..doc.tokens[range.end - 1].end()
                            )
                        );
                    }
                }
            }
        }
        // The texts are made so that many sentences match some rule.
        assert!(matched > 1_000, "{matched} matches in {pairs} pairs");
    }
}
