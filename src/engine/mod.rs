//! The engine: matches a [`Rulebook`] against a [`Document`] and returns findings.
//!
//! For each sentence the prefilter names the candidate rules; each
//! candidate's program runs on the sentence's tokens; `unless` patterns
//! cancel findings they overlap; claim rules ask the fact base. The engine
//! knows nothing of the command line or of output formats.

pub mod prefilter;

use std::ops::Range;
use std::sync::Arc;

use crate::document::Document;
use crate::facts::judge::{Claim, Verdict};
use crate::facts::{Actor, PartialDate};
use crate::finding::{Finding, Severity};
use crate::pattern::{Cache, Captures};
use crate::rules::{ClaimRule, Rule, Rulebook};
use crate::source::Position;
use crate::text::{TokenKind, SPACE_BEFORE};
use crate::vocab::WordIds;

/// A claim a claim rule found in a document, whatever the fact base says of it:
/// the material of within- and cross-document consistency checks.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// The rule that found it.
    pub rule: Arc<str>,
    /// Relation index in the fact base.
    pub relation: usize,
    /// What the subject may refer to.
    pub subject: Vec<Actor>,
    /// What the object may refer to.
    pub object: Option<Vec<Actor>>,
    /// The time the claim names, if any.
    pub when: Option<PartialDate>,
    /// The document's date.
    pub at: jiff::civil::Date,
    /// Byte span of the match.
    pub span: Range<usize>,
    /// Where it starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
    /// The matched text, single-spaced.
    pub text: String,
    /// The matched text as written in the source.
    pub raw: String,
}

/// Everything the engine found in one document.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Findings, sorted by position.
    pub findings: Vec<Finding>,
    /// Claims found by claim rules, in order.
    pub claims: Vec<Claimed>,
}

/// Rule id of findings about a document's front matter.
pub const FRONT_MATTER_RULE: &str = "front-matter";

/// Checks `doc` against every rule and check of `book`; findings are sorted by position.
pub fn check(book: &Rulebook, doc: &Document) -> Vec<Finding> {
    analyze(book, doc).findings
}

/// Checks `doc` against every rule and check of `book`, and returns the
/// claims found too (for consistency across documents).
pub fn analyze(book: &Rulebook, doc: &Document) -> Analysis {
    analyze_with(book, doc, &book.word_ids(doc))
}

/// [`analyze`] with the word ids of `doc`'s tokens already found (by
/// [`Rulebook::indexer`] while the document was parsed).
pub fn analyze_with(book: &Rulebook, doc: &Document, ids: &WordIds) -> Analysis {
    let mut claims = Vec::new();
    let mut findings = run(book, doc, ids, |r| !book.rule_off[r as usize], &mut claims);
    if book.enabled(crate::checks::values::ID) {
        crate::checks::values::in_document(book, doc, &claims, &mut findings);
    }
    let cx = crate::checks::Context { doc, book, ids };
    for c in &book.checks {
        if book.enabled(c.id()) {
            c.check(&cx, &mut findings);
        }
    }
    for p in &doc.problems {
        findings.push(Finding {
            rule: Arc::from(FRONT_MATTER_RULE),
            severity: Severity::Warning,
            span: p.span.clone(),
            text: doc.slice(p.span.clone()).to_string(),
            start: doc.position(p.span.start),
            end: doc.position(p.span.end),
            message: p.message.clone(),
            help: None,
            suggestion: None,
            sources: Arc::from(Vec::new()),
            related: Vec::new(),
        });
    }
    crate::suppress::apply(doc, &mut findings);
    apply_levels(book, &mut findings);
    sort(&mut findings);
    Analysis { findings, claims }
}

/// Applies severity overrides and drops findings of rules and checks that are off.
pub fn apply_levels(book: &Rulebook, findings: &mut Vec<Finding>) {
    findings.retain(|f| book.enabled(&f.rule));
    for f in findings.iter_mut() {
        f.severity = book.severity_of(&f.rule, f.severity);
    }
}

/// Checks `doc` against the rules at indices `only` (rule examples, tests).
pub fn check_rules(book: &Rulebook, doc: &Document, only: &[usize]) -> Vec<Finding> {
    let ids = book.word_ids(doc);
    let mut findings = run(
        book,
        doc,
        &ids,
        |r| only.contains(&(r as usize)),
        &mut Vec::new(),
    );
    sort(&mut findings);
    findings
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
}

fn run(
    book: &Rulebook,
    doc: &Document,
    ids: &crate::vocab::WordIds,
    allowed: impl Fn(u32) -> bool,
    claims: &mut Vec<Claimed>,
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
            .and_then(|_| sentence_year(doc, range.clone()));
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

/// The date claims are judged at: the document's date, else today.
pub fn as_of(doc: &Document) -> jiff::civil::Date {
    doc.date.unwrap_or_else(|| jiff::Zoned::now().date())
}

/// A year standing in the sentence, which moves a claim about a state to that time.
fn sentence_year(doc: &Document, range: Range<usize>) -> Option<PartialDate> {
    doc.tokens[range].iter().find_map(|t| {
        let s = doc.text(t);
        let year = t.kind == TokenKind::Number
            && s.len() == 4
            && (s.starts_with("19") || s.starts_with("20"));
        if year {
            PartialDate::parse(s)
        } else {
            None
        }
    })
}

/// What a claim rule's finding says, once the fact base has judged the claim.
struct Judged {
    severity: Severity,
    sources: Arc<[String]>,
    vars: Vec<(&'static str, String)>,
    unsupported: bool,
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => "none".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Judges a claim rule's match; `None` when the base supports it or cannot tell.
fn judge(
    book: &Rulebook,
    rule: &Rule,
    claim: &ClaimRule,
    doc: &Document,
    sentence_year: Option<PartialDate>,
    caps: &[Option<String>],
    record: impl FnOnce(Claimed),
) -> Option<Judged> {
    let fb = &book.facts;
    let text = |i: Option<usize>| i.and_then(|i| caps.get(i).cloned().flatten());
    let subject_text = text(Some(claim.subject))?;
    let subject = fb.resolve(&subject_text);
    if subject.is_empty() {
        return None;
    }
    let object_text = text(claim.object);
    let object = match &object_text {
        Some(o) => {
            let r = fb.resolve(o);
            if r.is_empty() {
                return None;
            }
            Some(r)
        }
        None => None,
    };
    let at = as_of(doc);
    let event = claim.relation.is_some_and(|r| fb.relations[r].event);
    let when = match text(claim.when) {
        Some(w) => PartialDate::parse(&w),
        None if !event => sentence_year,
        None => None,
    };
    // Only claims that another claim could contradict are kept for the
    // consistency checks: a once-only event with its year, a state with one holder.
    let comparable = claim.relation.is_some_and(|r| {
        let rel = &fb.relations[r];
        (rel.event && rel.once && when.is_some())
            || (!rel.event && (rel.one_object || rel.one_subject))
    });
    if let (Some(relation), true) = (claim.relation, comparable) {
        record(Claimed {
            rule: rule.id.clone(),
            relation,
            subject: subject.to_vec(),
            object: object.map(<[Actor]>::to_vec),
            when: when.clone(),
            at,
            span: 0..0,
            start: Position { line: 0, column: 0 },
            end: Position { line: 0, column: 0 },
            text: String::new(),
            raw: String::new(),
        });
    }
    let verdict = match (claim.relation, claim.title) {
        (Some(relation), _) => fb.judge(&Claim {
            subject,
            relation,
            object,
            when,
            at,
        }),
        (None, Some(t)) => fb.judge_title(subject, &text(Some(t))?, when, at),
        (None, None) => return None,
    };
    let mut vars: Vec<(&'static str, String)> = vec![("as_of", at.to_string())];
    match verdict {
        Verdict::Supported | Verdict::Unknown => None,
        Verdict::Contradicted { fact, .. } => {
            vars.push(("fact", fb.describe(fact)));
            vars.push(("fact_subject", fb.display(fact.subject)));
            let country = fb.entities[fact.subject].country.unwrap_or(fact.subject);
            vars.push((
                "fact_subject_demonym",
                fb.entities[country]
                    .demonyms
                    .first()
                    .cloned()
                    .unwrap_or_default(),
            ));
            vars.push((
                "fact_object",
                fact.object.map(|o| fb.display(o)).unwrap_or_default(),
            ));
            vars.push(("fact_from", fact.from.to_string()));
            vars.push((
                "fact_until",
                fact.until
                    .as_ref()
                    .map(|u| u.to_string())
                    .unwrap_or_default(),
            ));
            vars.push(("fact_note", fact.note.clone().unwrap_or_default()));
            Some(Judged {
                severity: rule.severity,
                sources: fact.sources.clone(),
                vars,
                unsupported: false,
            })
        }
        Verdict::Unsupported { coverage, holders } => {
            let outcome = rule.unsupported.as_ref()?;
            let names: Vec<String> = holders.iter().map(|&h| fb.display(h)).collect();
            vars.push(("holders", join_names(&names)));
            vars.push(("fact_note", coverage.note.clone().unwrap_or_default()));
            vars.push(("fact_from", coverage.from.to_string()));
            Some(Judged {
                severity: outcome.severity,
                sources: coverage.sources.clone(),
                vars,
                unsupported: true,
            })
        }
    }
}

fn finding(
    book: &Rulebook,
    rule: &Rule,
    doc: &Document,
    sentence_year: Option<PartialDate>,
    m: &Captures,
    claims: &mut Vec<Claimed>,
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
    let record = |mut c: Claimed| {
        let wspan = doc.tokens[whole.start].start()..doc.tokens[whole.end - 1].end();
        c.start = doc.position(wspan.start);
        c.end = doc.position(wspan.end);
        c.span = wspan;
        c.text = tokens_text(doc, whole.clone());
        c.raw = doc.slice(c.span.clone()).to_string();
        claims.push(c);
    };
    let judged = match &rule.claim {
        Some(claim) => Some(judge(book, rule, claim, doc, sentence_year, &caps, record)?),
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
            let template = match (&rule.unsupported, j.unsupported) {
                (Some(u), true) => &u.message,
                _ => &rule.message,
            };
            let mut sources: Vec<String> = j.sources.to_vec();
            for s in rule.sources.iter() {
                if !sources.contains(s) {
                    sources.push(s.clone());
                }
            }
            (
                j.severity,
                template.render_with(get, var),
                Arc::from(sources),
            )
        }
    };
    Some(Finding {
        rule: rule.id.clone(),
        severity,
        start: doc.position(span.start),
        end: doc.position(span.end),
        text: doc.slice(span.clone()).to_string(),
        span,
        message,
        help: rule.help.as_ref().map(|t| t.render_with(get, var)),
        suggestion: rule.suggest.as_ref().map(|t| t.render_with(get, var)),
        sources,
        related: Vec::new(),
    })
}
