//! Claims that disagree: within one document (a year, a holder, a place
//! given two ways) and across the documents of a run.
//!
//! Two claims conflict when the fact base's relation allows only one value:
//! a `once` event dated in two different years, a `one_object` state with two
//! disjoint objects at the same time, a `one_subject` state with two holders
//! at the same time. The claims come from the claim rules' captures.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::document::Document;
use crate::engine::Claimed;
use crate::facts::{Actor, FactBase};
use crate::finding::{Finding, Related, Severity};
use crate::rules::Rulebook;

/// Id of the within-document check.
pub const ID: &str = "consistency.claim-values";
/// Id of the cross-document check.
pub const CROSS_ID: &str = "consistency.cross-document";

fn entity(a: &Actor) -> usize {
    match *a {
        Actor::Entity(e) | Actor::Nationality(e) => e,
    }
}

/// The two name readings can be the same actor.
fn same_actor(fb: &FactBase, a: &[Actor], b: &[Actor]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| match (*x, *y) {
            (Actor::Entity(p), Actor::Entity(q))
            | (Actor::Nationality(p), Actor::Nationality(q)) => p == q,
            (Actor::Entity(e), Actor::Nationality(c))
            | (Actor::Nationality(c), Actor::Entity(e)) => {
                e == c || fb.entities[e].country == Some(c)
            }
        })
    })
}

fn disjoint(fb: &FactBase, a: &[Actor], b: &[Actor]) -> bool {
    a.iter().all(|x| {
        b.iter()
            .all(|y| !fb.within(entity(x), entity(y)) && !fb.within(entity(y), entity(x)))
    })
}

/// Days either side of an undated claim's document date within which two
/// claims about a state are taken to speak of the same time.
const SAME_TIME_DAYS: i64 = 180;

fn period(c: &Claimed) -> (jiff::civil::Date, jiff::civil::Date) {
    match &c.when {
        Some(w) => (w.start, w.end),
        None => {
            let d = jiff::Span::new().days(SAME_TIME_DAYS);
            (
                c.at.checked_sub(d).unwrap_or(c.at),
                c.at.checked_add(d).unwrap_or(c.at),
            )
        }
    }
}

/// How two claims conflict, in words; `None` when they do not.
pub fn conflict(fb: &FactBase, a: &Claimed, b: &Claimed) -> Option<String> {
    if a.relation != b.relation {
        return None;
    }
    let rel = &fb.relations[a.relation];
    let (pa, pb) = (period(a), period(b));
    let overlap = pa.0 <= pb.1 && pb.0 <= pa.1;
    let objects = |x: &Claimed, y: &Claimed| match (&x.object, &y.object) {
        (Some(p), Some(q)) => Some((p.clone(), q.clone())),
        _ => None,
    };
    if rel.event && rel.once {
        let (wa, wb) = (a.when.as_ref()?, b.when.as_ref()?);
        let same_object = objects(a, b).is_none_or(|(p, q)| !disjoint(fb, &p, &q));
        if same_actor(fb, &a.subject, &b.subject) && same_object && !overlap {
            return Some(format!("dated {wb} here but {wa} in “{}”", a.text));
        }
        return None;
    }
    if rel.event || !overlap {
        return None;
    }
    if rel.one_object && same_actor(fb, &a.subject, &b.subject) {
        let (p, q) = objects(a, b)?;
        if disjoint(fb, &p, &q) {
            return Some(format!("disagrees with “{}”", a.text));
        }
    }
    if rel.one_subject {
        let (p, q) = objects(a, b)?;
        if !disjoint(fb, &p, &q) && !same_actor(fb, &a.subject, &b.subject) {
            return Some(format!("disagrees with “{}”", a.text));
        }
    }
    None
}

fn finding(
    id: &str,
    severity: Severity,
    c: &Claimed,
    message: String,
    related: Related,
) -> Finding {
    Finding {
        rule: Arc::from(id),
        severity,
        span: c.span.clone(),
        text: c.raw.clone(),
        start: c.start,
        end: c.end,
        message,
        help: Some("Check which is right, and make the articles agree.".into()),
        suggestion: None,
        sources: Arc::from(Vec::new()),
        related: vec![related],
    }
}

/// Adds a finding for each claim of `doc` that disagrees with an earlier one in it.
pub fn in_document(book: &Rulebook, doc: &Document, claims: &[Claimed], out: &mut Vec<Finding>) {
    let fb = &book.facts;
    for (j, b) in claims.iter().enumerate() {
        if let Some((a, why)) = claims[..j]
            .iter()
            .find_map(|a| conflict(fb, a, b).map(|w| (a, w)))
        {
            let related = Related::here(doc, a.span.clone(), "the other statement");
            let message = format!(
                "This article contradicts itself: “{}” {why}, line {}",
                b.text, a.start.line
            );
            out.push(finding(ID, Severity::Warning, b, message, related));
        }
    }
}

/// Findings for claims that disagree across documents: each side gets one,
/// pointing at the other. `docs` holds each document's path and claims.
/// The result is in the order of `docs`, then of claims, whatever order the
/// documents were checked in.
pub fn across_documents(book: &Rulebook, docs: &[(String, Vec<Claimed>)]) -> Vec<(usize, Finding)> {
    let fb = &book.facts;
    // Group by relation and the entity that must agree, so only likely pairs are compared.
    let mut groups: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (d, (_, claims)) in docs.iter().enumerate() {
        for (k, c) in claims.iter().enumerate() {
            let rel = &fb.relations[c.relation];
            let key = if rel.one_subject && !rel.once {
                c.object.as_ref().and_then(|o| o.first())
            } else {
                c.subject.first()
            };
            if let Some(key) = key {
                groups
                    .entry((c.relation, entity(key)))
                    .or_default()
                    .push((d, k));
            }
        }
    }
    let mut out = Vec::new();
    let mut reported: std::collections::HashSet<(usize, usize, usize)> =
        std::collections::HashSet::new();
    for members in groups.values() {
        for (x, &(da, ka)) in members.iter().enumerate() {
            for &(db, kb) in &members[x + 1..] {
                if da == db || reported.contains(&(da, db, ka)) {
                    continue;
                }
                let (a, b) = (&docs[da].1[ka], &docs[db].1[kb]);
                let Some(why) = conflict(fb, a, b) else {
                    continue;
                };
                reported.insert((da, db, ka));
                let (pa, pb) = (&docs[da].0, &docs[db].0);
                let rel_b = Related {
                    path: Some(pa.clone()),
                    span: a.span.clone(),
                    start: a.start,
                    end: a.end,
                    message: format!("“{}”", a.text),
                };
                let rel_a = Related {
                    path: Some(pb.clone()),
                    span: b.span.clone(),
                    start: b.start,
                    end: b.end,
                    message: format!("“{}”", b.text),
                };
                let msg_b = format!(
                    "Articles disagree: “{}” {why} ({pa}:{})",
                    b.text, a.start.line
                );
                let msg_a = match conflict(fb, b, a) {
                    Some(w) => format!(
                        "Articles disagree: “{}” {w} ({pb}:{})",
                        a.text, b.start.line
                    ),
                    None => format!(
                        "Articles disagree: “{}” and “{}” ({pb}:{})",
                        a.text, b.text, b.start.line
                    ),
                };
                out.push((da, finding(CROSS_ID, Severity::Warning, a, msg_a, rel_a)));
                out.push((db, finding(CROSS_ID, Severity::Warning, b, msg_b, rel_b)));
            }
        }
    }
    out.sort_by_key(|(d, f)| (*d, f.span.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::engine::analyze;

    fn book() -> Rulebook {
        Rulebook::builtin()
            .unwrap_or_else(|e| panic!("{:?}", e.iter().map(|e| &e.message).collect::<Vec<_>>()))
    }

    fn doc(text: &str) -> Document {
        Document::parse(
            "t.md",
            format!("---\ndate: 2025-06-01\n---\n{text}\n"),
            Format::Markdown,
        )
    }

    fn within(book: &Rulebook, text: &str) -> usize {
        analyze(book, &doc(text))
            .findings
            .iter()
            .filter(|f| &*f.rule == ID)
            .count()
    }

    fn across(book: &Rulebook, a: &str, b: &str) -> usize {
        let docs: Vec<(String, Vec<Claimed>)> = [a, b]
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("{i}.md"), analyze(book, &doc(t)).claims))
            .collect();
        across_documents(book, &docs).len()
    }

    #[test]
    fn within_document_examples() {
        let book = book();
        let flag = [
            "Egypt intervened in Libya in 2015. Egypt's 2016 intervention in Libya was brief.",
            "Turkey intervened in Libya in 2020. Later, in 2019, Turkey intervened in Libya.",
            "The al-Watiya air base in Tripoli grew. The al-Watiya air base in Misrata did not.",
            "Jets left the Hmeimim air base in Tartus. Crews at the Hmeimim air base in Damascus waited.",
            "Russia intervened in Syria in 2015. Russia intervened in Syria in 2017, too.",
        ];
        let pass = [
            "Egypt intervened in Libya in 2015. Egypt's 2015 intervention in Libya was brief.",
            "Turkey intervened in Libya in 2020. Turkey's 2020 intervention in Libya worked.",
            "The al-Watiya air base in Libya grew. The al-Watiya air base in Libya was busy.",
            "Jets left the Hmeimim air base in Latakia. The Hmeimim air base in Syria is Russian.",
            "Russia intervened in Syria in 2015. Turkey intervened in Libya in 2020.",
        ];
        for t in flag {
            assert_eq!(within(&book, t), 1, "should flag: {t}");
        }
        for t in pass {
            assert_eq!(within(&book, t), 0, "should pass: {t}");
        }
    }

    #[test]
    fn across_documents_examples() {
        let book = book();
        let flag = [
            (
                "Turkey intervened in Libya in 2020.",
                "Turkey intervened in Libya in 2019.",
            ),
            (
                "Egypt intervened in Libya in 2015.",
                "Egypt's 2016 intervention in Libya was brief.",
            ),
            (
                "The al-Watiya air base in Tripoli grew.",
                "The al-Watiya air base in Misrata grew.",
            ),
            (
                "Jets left the Hmeimim air base in Tartus.",
                "Jets left the Hmeimim air base in Damascus.",
            ),
            (
                "Russia intervened in Syria in 2016.",
                "Russia intervened in Syria in 2015.",
            ),
        ];
        let pass = [
            (
                "Turkey intervened in Libya in 2020.",
                "Turkey intervened in Libya in 2020.",
            ),
            (
                "Egypt intervened in Libya in 2015.",
                "Turkey intervened in Libya in 2020.",
            ),
            (
                "The al-Watiya air base in Libya grew.",
                "The al-Watiya air base in Libya was busy.",
            ),
            (
                "Jets left the Hmeimim air base in Latakia.",
                "Jets left the Hmeimim air base in Syria.",
            ),
            (
                "Russia intervened in Syria in 2015.",
                "Rebels captured Damascus.",
            ),
        ];
        for (a, b) in flag {
            assert_eq!(across(&book, a, b), 2, "should flag both: {a} / {b}");
        }
        for (a, b) in pass {
            assert_eq!(across(&book, a, b), 0, "should pass: {a} / {b}");
        }
    }
}
