//! The engine: matches a [`Rulebook`] against a [`Document`] and returns findings.
//!
//! For each sentence the prefilter names the candidate rules; each
//! candidate's program runs on the sentence's tokens; `unless` patterns
//! cancel findings they overlap. The engine knows nothing of the command
//! line or of output formats.

pub mod prefilter;

use std::sync::Arc;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::pattern::{Cache, Captures};
use crate::rules::{Rule, Rulebook};

/// Rule id of findings about a document's front matter.
pub const FRONT_MATTER_RULE: &str = "front-matter";

/// Checks `doc` against every rule of `book`; findings are sorted by position.
pub fn check(book: &Rulebook, doc: &Document) -> Vec<Finding> {
    let mut findings = run(book, doc, |_| true);
    for p in &doc.problems {
        findings.push(Finding {
            rule: Arc::from(FRONT_MATTER_RULE),
            severity: Severity::Warning,
            span: p.span.clone(),
            start: doc.position(p.span.start),
            end: doc.position(p.span.end),
            message: p.message.clone(),
            help: None,
            suggestion: None,
            sources: Arc::from(Vec::new()),
        });
    }
    sort(&mut findings);
    findings
}

/// Checks `doc` against the rules at indices `only` (rule examples, tests).
pub fn check_rules(book: &Rulebook, doc: &Document, only: &[usize]) -> Vec<Finding> {
    let mut findings = run(book, doc, |r| only.contains(&(r as usize)));
    sort(&mut findings);
    findings
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
}

fn run(book: &Rulebook, doc: &Document, allowed: impl Fn(u32) -> bool) -> Vec<Finding> {
    let mut cache = Cache::default();
    let mut findings = Vec::new();
    for (s, r) in book.prefilter.candidates(doc, allowed) {
        let rule = &book.rules[r as usize];
        let range = doc.sentences[s as usize].clone();
        for m in rule.program.find_iter(doc, range.clone(), &mut cache) {
            if cancelled(rule, doc, range.clone(), &m, &mut cache) {
                continue;
            }
            findings.push(finding(rule, doc, &m));
        }
    }
    findings
}

/// Whether an `unless` pattern matches text overlapping the match.
fn cancelled(
    rule: &Rule,
    doc: &Document,
    range: std::ops::Range<usize>,
    m: &Captures,
    cache: &mut Cache,
) -> bool {
    let w = m.whole();
    rule.unless.iter().any(|u| {
        u.find_iter(doc, range.clone(), cache).iter().any(|um| {
            let x = um.whole();
            x.start < w.end && w.start < x.end
        })
    })
}

/// The prose text of tokens `range`, single-spaced as written.
fn tokens_text(doc: &Document, range: std::ops::Range<usize>) -> String {
    let mut s = String::new();
    for (k, t) in doc.tokens[range].iter().enumerate() {
        if k > 0 && t.has(crate::document::SPACE_BEFORE) {
            s.push(' ');
        }
        s.push_str(doc.text(t));
    }
    s
}

fn finding(rule: &Rule, doc: &Document, m: &Captures) -> Finding {
    let marked = m.marked();
    let span = if marked.is_empty() {
        let at = doc
            .tokens
            .get(marked.start)
            .map_or(doc.source.len(), |t| t.span.start);
        at..at
    } else {
        doc.tokens[marked.start].span.start..doc.tokens[marked.end - 1].span.end
    };
    let caps: Vec<Option<String>> = (0..rule.program.captures.len())
        .map(|i| m.capture(i).map(|r| tokens_text(doc, r)))
        .collect();
    let matched = tokens_text(doc, marked.clone());
    let get = |c: Option<usize>| -> Option<&str> {
        match c {
            None => Some(matched.as_str()),
            Some(i) => caps.get(i).and_then(|c| c.as_deref()),
        }
    };
    Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        start: doc.position(span.start),
        end: doc.position(span.end),
        span,
        message: rule.message.render(get),
        help: rule.help.as_ref().map(|t| t.render(get)),
        suggestion: rule.suggest.as_ref().map(|t| t.render(get)),
        sources: rule.sources.clone(),
    }
}
