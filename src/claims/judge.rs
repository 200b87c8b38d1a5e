//! Judging a claim against the fact base: supported, contradicted (by which
//! fact), unsupported (the base lists every holder and this is not one), or
//! unknown (the base cannot tell; factlint stays silent).

use jiff::civil::Date;

use super::actors::{disjoint_from, may_be_entity};
use crate::facts::{Actor, Coverage, EntityId, Fact, FactBase, PartialDate};

/// A claim to judge: what a document states, at its time.
#[derive(Debug, Clone)]
pub struct Statement<'a> {
    /// Who or what the claim is about (all readings of the name).
    pub subject: &'a [Actor],
    /// The relation claimed.
    pub relation: usize,
    /// The object, when the relation has one (all readings of the name).
    pub object: Option<&'a [Actor]>,
    /// A time the claim names ("in 2015").
    pub when: Option<PartialDate>,
    /// The document's date.
    pub at: Date,
}

/// Why a fact contradicts a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// It held once but no longer holds at the claim's time.
    Stale,
    /// It did not hold yet at the claim's time.
    NotYet,
    /// The event happened at another time.
    WrongTime,
    /// Someone else holds it (the relation allows one subject).
    WrongSubject,
    /// The subject holds it with something else (the relation allows one object).
    WrongObject,
}

/// The outcome of judging a claim.
#[derive(Debug, Clone)]
pub enum Verdict<'a> {
    /// A fact supports it.
    Supported,
    /// A fact contradicts it.
    Contradicted {
        /// The fact.
        fact: &'a Fact,
        /// How.
        reason: Reason,
    },
    /// The base lists every holder of the relation with this object, and the subject is not among them.
    Unsupported {
        /// The completeness statement.
        coverage: &'a Coverage,
        /// Those the base does list.
        holders: Vec<EntityId>,
    },
    /// The base cannot tell.
    Unknown,
}

/// The span of days a claim is about.
fn span(when: &Option<PartialDate>, at: Date) -> (Date, Date) {
    match when {
        Some(w) => (w.start, w.end),
        None => (at, at),
    }
}

fn holds(f: &Fact, (a, b): (Date, Date)) -> bool {
    f.from.start <= b && f.until.as_ref().is_none_or(|u| u.end >= a)
}

/// The claimed object and the fact's are the same, or one lies within the
/// other ("fled to Russia" agrees with "fled to Moscow", "the war in Syria" with "Syria").
fn object_matches(fb: &FactBase, claim: Option<&[Actor]>, fact: Option<EntityId>) -> bool {
    match (claim, fact) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(c), Some(o)) => !disjoint_from(fb, c, o),
    }
}

/// Judges a claim.
pub fn judge<'a>(fb: &'a FactBase, claim: &Statement) -> Verdict<'a> {
    let Some(rel) = fb.relations.get(claim.relation) else {
        return Verdict::Unknown;
    };
    let t = span(&claim.when, claim.at);
    let exact: Vec<&Fact> = fb
        .facts_of(claim.relation)
        .filter(|f| {
            may_be_entity(fb, claim.subject, f.subject)
                && object_matches(fb, claim.object, f.object)
        })
        .collect();
    if let Some(&first) = exact.first() {
        if rel.event {
            return match &claim.when {
                None => Verdict::Supported,
                Some(w)
                    if exact
                        .iter()
                        .any(|f| f.from.start <= w.end && f.from.end >= w.start) =>
                {
                    Verdict::Supported
                }
                Some(_) if rel.once => Verdict::Contradicted {
                    fact: first,
                    reason: Reason::WrongTime,
                },
                Some(_) => Verdict::Unknown,
            };
        }
        if exact.iter().any(|f| holds(f, t)) {
            return Verdict::Supported;
        }
        let reason = if first.from.start > t.1 {
            Reason::NotYet
        } else {
            Reason::Stale
        };
        return Verdict::Contradicted {
            fact: first,
            reason,
        };
    }
    // A place claimed to be within another, through the chain of places.
    if rel.transitive {
        if let Some(obj) = claim.object {
            let sub = claim.subject.iter().map(|a| a.entity());
            if sub
                .clone()
                .any(|s| obj.iter().any(|o| fb.within(s, o.entity())))
            {
                return Verdict::Supported;
            }
        }
    }
    let relevant = |f: &&Fact| {
        if rel.event {
            match &claim.when {
                Some(w) => f.from.start <= w.end && f.from.end >= w.start,
                None => f.from.start <= t.1,
            }
        } else {
            holds(f, t)
        }
    };
    if rel.one_subject {
        if let Some(obj) = claim.object {
            let holders: Vec<&Fact> = fb
                .facts_of(claim.relation)
                .filter(|f| {
                    f.object
                        .is_some_and(|o| obj.iter().any(|a| a.entity() == o))
                })
                .collect();
            let mut now: Vec<&Fact> = holders.iter().copied().filter(relevant).collect();
            now.sort_by_key(|f| std::cmp::Reverse(f.from.start));
            // For a state, when no one holds it at the claim's time, the holder
            // nearest in time still shows that the claimed subject never did.
            let nearest = || {
                holders
                    .iter()
                    .copied()
                    .filter(|_| !rel.event)
                    .min_by_key(|f| {
                        let end = f.until.as_ref().map_or(f.from.start, |u| u.end);
                        let gap = if end < t.0 {
                            t.0 - end
                        } else {
                            f.from.start - t.1
                        };
                        gap.get_days().unsigned_abs()
                    })
            };
            if let Some(f) = now.first().copied().or_else(nearest) {
                return Verdict::Contradicted {
                    fact: f,
                    reason: Reason::WrongSubject,
                };
            }
        }
    }
    if rel.one_object {
        if let Some(obj) = claim.object {
            let other = fb
                .facts_of(claim.relation)
                .filter(|f| may_be_entity(fb, claim.subject, f.subject))
                .filter(relevant)
                .find(|f| f.object.is_some_and(|o| disjoint_from(fb, obj, o)));
            if let Some(f) = other {
                return Verdict::Contradicted {
                    fact: f,
                    reason: Reason::WrongObject,
                };
            }
        }
    }
    if let Some(obj) = claim.object {
        for c in &fb.coverage {
            let in_period = c.from.start <= t.1 && c.until.as_ref().is_none_or(|u| u.end >= t.0);
            let covers_subject = c
                .subject
                .is_none_or(|s| may_be_entity(fb, claim.subject, s));
            if c.relation == claim.relation
                && in_period
                && covers_subject
                && obj.iter().any(|a| a.entity() == c.object)
            {
                let mut holders: Vec<EntityId> = fb
                    .facts_of(claim.relation)
                    .filter(|f| f.object == Some(c.object) && holds(f, t))
                    .filter(|f| c.subject.is_none_or(|s| f.subject == s))
                    .map(|f| f.subject)
                    .collect();
                holders.dedup();
                return Verdict::Unsupported {
                    coverage: c,
                    holders,
                };
            }
        }
    }
    Verdict::Unknown
}

/// Judges a title before a name ("President Assad") at the claim's time:
/// supported if the person holds an office with that title then,
/// contradicted if the office ended before or began after.
pub fn judge_title<'a>(
    fb: &'a FactBase,
    subject: &[Actor],
    title: &str,
    when: Option<PartialDate>,
    at: Date,
) -> Verdict<'a> {
    let title = crate::text::normalize::normalize(title);
    let t = span(&when, at);
    let facts: Vec<&Fact> = fb
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.titles.contains(&title))
        .flat_map(|(i, _)| fb.facts_of(i))
        .filter(|f| {
            subject
                .iter()
                .any(|a| matches!(a, Actor::Entity(e) if *e == f.subject))
        })
        .collect();
    if facts.is_empty() || facts.iter().any(|f| holds(f, t)) {
        return if facts.is_empty() {
            Verdict::Unknown
        } else {
            Verdict::Supported
        };
    }
    // The closest office in time explains the verdict.
    let ended: Option<&&Fact> = facts
        .iter()
        .filter(|f| f.until.as_ref().is_some_and(|u| u.end < t.0))
        .max_by_key(|f| f.until.as_ref().map(|u| u.end));
    match ended {
        Some(f) => Verdict::Contradicted {
            fact: f,
            reason: Reason::Stale,
        },
        None => Verdict::Contradicted {
            fact: facts[0],
            reason: Reason::NotYet,
        },
    }
}
