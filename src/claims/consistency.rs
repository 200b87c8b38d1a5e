//! Claims that disagree: within one document (a year, a holder, a place
//! given two ways) and across the documents of a run.
//!
//! Two claims conflict when the fact base's relation allows only one value:
//! a `once` event dated in two different years, a `one_object` state with two
//! disjoint objects at the same time, a `one_subject` state with two holders
//! at the same time. The claims come from the claim rules' captures.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::actors::{disjoint, may_be};
use crate::checks::{Check, CheckInfo, Context, CorpusCheck, DocClaims, Setup};
use crate::facts::{Actor, Claim, FactBase};
use crate::finding::{Finding, Place, Related, Severity};

/// The within-document check.
pub struct ClaimValues {
    facts: Arc<FactBase>,
}

/// What the within-document check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "consistency.claim-values",
    severity: Severity::Warning,
    summary: "two claims in one article that cannot both be true",
    details: "two claims in one article that cannot both be true: an event that happens once dated in two years (\"Russia intervened in 2015\" … \"its 2016 intervention\"), a one-holder state given two holders, a place given two locations. Claims come from the claim rules' captures; both places are shown.",
    flag: &[
        "Egypt intervened in Libya in 2015. Egypt's 2016 intervention in Libya was brief.",
        "Turkey intervened in Libya in 2020. Later, in 2019, Turkey intervened in Libya.",
        "The al-Watiya air base in Tripoli grew. The al-Watiya air base in Misrata did not.",
        "Jets left the Hmeimim air base in Tartus. Crews at the Hmeimim air base in Damascus waited.",
        "Russia intervened in Syria in 2015. Russia intervened in Syria in 2017, too.",
    ],
    pass: &[
        "Egypt intervened in Libya in 2015. Egypt's 2015 intervention in Libya was brief.",
        "Turkey intervened in Libya in 2020. Turkey's 2020 intervention in Libya worked.",
        "The al-Watiya air base in Libya grew. The al-Watiya air base in Libya was busy.",
        "Jets left the Hmeimim air base in Latakia. The Hmeimim air base in Syria is Russian.",
        "Russia intervened in Syria in 2015. Turkey intervened in Libya in 2020.",
    ],
};

/// The cross-document check.
pub struct CrossDocument {
    facts: Arc<FactBase>,
}

/// What the cross-document check is.
pub const CROSS_INFO: CheckInfo = CheckInfo {
    id: "consistency.cross-document",
    severity: Severity::Warning,
    summary: "two articles of one run that state the same fact differently",
    details: "the same across the articles of one run: each article gets a finding that names the other (`related` in JSON). Claims about states are compared when their articles' dates are within 180 days of each other.",
    flag: &[],
    pass: &[],
};

impl ClaimValues {
    /// The check, over the fact base's relations.
    pub fn new(setup: &mut Setup) -> Self {
        ClaimValues {
            facts: setup.facts(),
        }
    }
}

impl CrossDocument {
    /// The check, over the fact base's relations.
    pub fn new(setup: &mut Setup) -> Self {
        CrossDocument {
            facts: setup.facts(),
        }
    }
}

/// Days either side of an undated claim's document date within which two
/// claims about a state are taken to speak of the same time.
const SAME_TIME_DAYS: i64 = 180;

/// The first and last day a claim speaks of.
type Period = (jiff::civil::Date, jiff::civil::Date);

fn period(c: &Claim) -> Period {
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
pub fn conflict(fb: &FactBase, a: &Claim, b: &Claim) -> Option<String> {
    if a.relation != b.relation {
        return None;
    }
    let rel = &fb.relations[a.relation];
    let (pa, pb) = (period(a), period(b));
    let overlap = pa.0 <= pb.1 && pb.0 <= pa.1;
    let objects = |x: &Claim, y: &Claim| match (&x.object, &y.object) {
        (Some(p), Some(q)) => Some((p.clone(), q.clone())),
        _ => None,
    };
    if rel.event && rel.once {
        let (wa, wb) = (a.when.as_ref()?, b.when.as_ref()?);
        let same_object = objects(a, b).is_none_or(|(p, q)| !disjoint(fb, &p, &q));
        if may_be(fb, &a.subject, &b.subject) && same_object && !overlap {
            return Some(format!("dated {wb} here but {wa} in “{}”", a.text));
        }
        return None;
    }
    if rel.event || !overlap {
        return None;
    }
    if rel.one_object && may_be(fb, &a.subject, &b.subject) {
        let (p, q) = objects(a, b)?;
        if disjoint(fb, &p, &q) {
            return Some(format!("disagrees with “{}”", a.text));
        }
    }
    if rel.one_subject {
        let (p, q) = objects(a, b)?;
        if !disjoint(fb, &p, &q) && !may_be(fb, &a.subject, &b.subject) {
            return Some(format!("disagrees with “{}”", a.text));
        }
    }
    None
}

fn finding(info: &CheckInfo, c: &Claim, message: String, related: Related) -> Finding {
    let place = Place {
        span: c.span.clone(),
        start: c.start,
        end: c.end,
        text: c.raw.clone(),
    };
    Finding::new(Arc::from(info.id), info.severity, place, message)
        .with_help(Some(
            "Check which is right, and make the articles agree.".into(),
        ))
        .with_related(related)
}

/// What a claim says, without where and when: claims with equal values never conflict.
type Value = (usize, Vec<Actor>, Option<Vec<Actor>>, Option<String>);

fn value(c: &Claim) -> Value {
    (
        c.relation,
        c.subject.clone(),
        c.object.clone(),
        c.when.as_ref().map(|w| w.text.clone()),
    )
}

/// The claims that may conflict with one another share a relation and the
/// entity that must agree (the subject, or the object for one-holder relations).
fn group_key(fb: &FactBase, c: &Claim) -> Option<(usize, usize)> {
    let rel = &fb.relations[c.relation];
    let key = if rel.one_subject && !rel.once {
        c.object.as_ref().and_then(|o| o.first())
    } else {
        c.subject.first()
    };
    key.map(|k| (c.relation, k.entity()))
}

/// A claim with the indices of its document and of itself in that document.
type Member<'a> = (usize, usize, &'a Claim);

/// Two conflicting claims and how they conflict.
type Conflict<'a> = (Member<'a>, Member<'a>, String);

/// Finds conflicting pairs among `claims` (each `(doc, index, claim)`), in
/// time linear in the claims times the number of distinct values of a group:
/// each claim is compared with one representative of each other value still
/// in its time window, not with every earlier claim.
fn conflicts<'a>(fb: &FactBase, claims: &[Member<'a>]) -> Vec<Conflict<'a>> {
    let mut groups: BTreeMap<(usize, usize), Vec<Member>> = BTreeMap::new();
    for &c in claims {
        if let Some(k) = group_key(fb, c.2) {
            groups.entry(k).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for mut members in groups.into_values() {
        members.sort_by_key(|(d, k, c)| (period(c).0, *d, *k));
        // The latest claim of each distinct value, with its period.
        let mut reps: Vec<(Value, Member, Period)> = Vec::new();
        for m in members {
            let v = value(m.2);
            let p = period(m.2);
            let once = fb.relations[m.2.relation].once;
            // Representatives whose period ended before this one began cannot overlap it (states).
            if !once {
                reps.retain(|(_, _, rp)| rp.1 >= p.0);
            }
            if let Some(r) = reps.iter_mut().find(|(rv, _, _)| *rv == v) {
                r.1 = m;
                r.2 = p;
                continue;
            }
            for (_, a, _) in &reps {
                if let Some(why) = conflict(fb, a.2, m.2) {
                    out.push((*a, m, why));
                    break;
                }
            }
            reps.push((v, m, p));
        }
    }
    out
}

impl Check for ClaimValues {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    /// Adds a finding for each claim of the document that disagrees with an earlier one in it.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let (fb, doc, claims) = (&*self.facts, cx.doc, cx.claims);
        let all: Vec<Member> = claims.iter().enumerate().map(|(k, c)| (0, k, c)).collect();
        let mut found = conflicts(fb, &all);
        found.sort_by_key(|(_, b, _)| b.1);
        let mut seen = std::collections::HashSet::new();
        for (a, b, why) in found {
            // The later statement is the one reported.
            let (first, second) = if a.1 < b.1 { (a, b) } else { (b, a) };
            if !seen.insert(second.1) {
                continue;
            }
            let why = if a.1 < b.1 {
                why
            } else {
                conflict(fb, second.2, first.2).unwrap_or(why)
            };
            let related = Related::here(doc, first.2.span.clone(), "the other statement");
            let message = format!(
                "This article contradicts itself: “{}” {why}, line {}",
                second.2.text, first.2.start.line
            );
            out.push(finding(&INFO, second.2, message, related));
        }
    }
}

impl CorpusCheck for CrossDocument {
    fn info(&self) -> &'static CheckInfo {
        &CROSS_INFO
    }

    /// Findings for claims that disagree across documents: each side gets one,
    /// pointing at the other. The result is in the order of `docs`, then of
    /// positions, whatever order the documents were checked in.
    fn check(&self, docs: &[DocClaims]) -> Vec<(usize, Finding)> {
        let fb = &*self.facts;
        let all: Vec<(usize, usize, &Claim)> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, (_, cs))| cs.iter().enumerate().map(move |(k, c)| (d, k, c)))
            .collect();
        let mut out = Vec::new();
        let mut reported: std::collections::HashSet<(usize, usize)> =
            std::collections::HashSet::new();
        for (a, b, _) in conflicts(fb, &all) {
            if a.0 == b.0 {
                continue;
            }
            for (this, other) in [(a, b), (b, a)] {
                if !reported.insert((this.0, this.1)) {
                    continue;
                }
                let (c, o) = (this.2, other.2);
                let path = &docs[other.0].0;
                let why =
                    conflict(fb, o, c).unwrap_or_else(|| format!("disagrees with “{}”", o.text));
                let related = Related {
                    path: Some(path.clone()),
                    span: o.span.clone(),
                    start: o.start,
                    end: o.end,
                    message: format!("“{}”", o.text),
                };
                let message = format!(
                    "Articles disagree: “{}” {why} ({path}:{})",
                    c.text, o.start.line
                );
                out.push((this.0, finding(&CROSS_INFO, c, message, related)));
            }
        }
        out.sort_by_key(|(d, f)| (*d, f.span.start));
        out
    }
}
