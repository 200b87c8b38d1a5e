//! What a claim rule captured: the parts of its match that make up a claim,
//! read as names of the fact base, placed in time, and judged.

use std::sync::Arc;

use jiff::civil::Date;

use super::context::Context;
use super::judge::{self, judge, judge_alive, judge_kind, judge_title, Statement, Titled, Verdict};
use super::reading;
use super::time::Relation;
use crate::document::Document;
use crate::facts::{Actor, Claim, EntityId, FactBase, PartialDate};
use crate::source::Position;

/// The parts of a claim rule: which captures hold the claim, and the relation.
#[derive(Debug, Clone)]
pub struct ClaimRule {
    /// Capture holding the subject.
    pub subject: usize,
    /// Relation index in the fact base (not for title claims).
    pub relation: Option<usize>,
    /// Capture holding the object.
    pub object: Option<usize>,
    /// Capture holding a year or date.
    pub when: Option<usize>,
    /// Capture holding a title word.
    pub title: Option<usize>,
    /// Capture holding a kind of thing ("air base") the subject is said to be.
    pub kind: Option<usize>,
    /// How the claim is judged besides its relation.
    pub how: How,
}

/// How a claim is judged, besides its relation: what it says of the
/// relation's time, holders and subject. All off by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct How {
    /// The claim is about when a state began ("joined NATO in 2024").
    #[serde(default)]
    pub start: bool,
    /// The claim is that the subject still lives or exists then (a dead
    /// person acting, a dissolved body speaking).
    #[serde(default)]
    pub alive: bool,
    /// The claim is that the subject holds the object then, as the last of
    /// the relation's events left it ("HTS-held Homs").
    #[serde(default)]
    pub holds: bool,
    /// The claim is that no other subject has the relation with the object
    /// then ("the only foreign country with forces in Libya").
    #[serde(default)]
    pub only: bool,
    /// The claim is that the subject's state began last ("NATO's newest member").
    #[serde(default)]
    pub latest: bool,
    /// The claim is judged only where the sentence places it in time.
    #[serde(default)]
    pub needs_time: bool,
    /// The claim is in the past tense ("led"): without a time of its own it
    /// says the state held at some time up to the article's date.
    #[serde(default)]
    pub past: bool,
    /// The subject is written as a possessive ("Russia's base"): only a
    /// possessive form is a claim, and an object that lies within the
    /// subject (a base in that country) bears it out.
    #[serde(default)]
    pub possessive: bool,
    /// The sentence denies the relation ("Sweden is not a NATO member"): it
    /// is wrong where the relation holds.
    #[serde(default)]
    pub denied: bool,
    /// The claim is judged only at the time of one of the subject's own
    /// events of the relation ("flew to Tehran on December 8": the day he
    /// fled); at other times it says nothing of them.
    #[serde(default)]
    pub during: bool,
    /// The claim is that the object is the subject's only one of its kind
    /// in its country ("Hmeimim, Russia's only base in Syria").
    #[serde(default)]
    pub only_object: bool,
    /// The claim is that the subject's state began with the object's first
    /// ("a founding member of NATO").
    #[serde(default)]
    pub founding: bool,
    /// The relation is whichever of the `heads` relations (an office, a
    /// command) the subject has: "X ruled Syria", "X headed the GNA".
    #[serde(default)]
    pub heads: bool,
}

/// Variables that claim rules' messages, suggestions and help may use.
pub const VARS: &[&str] = &[
    "fact",
    "fact_subject",
    "fact_subject_demonym",
    "fact_object",
    "fact_from",
    "fact_until",
    "fact_note",
    "as_of",
    "holders",
];

/// A claim rule's match: the rule, its captures' text, and where it is.
pub struct Captured<'a> {
    /// The rule's claim parts.
    pub claim: &'a ClaimRule,
    /// The rule's id.
    pub rule: &'a Arc<str>,
    /// Each capture's text, single-spaced (`None` when it matched nothing).
    pub captures: &'a [Option<String>],
    /// The document's date (see [`as_of`]).
    pub at: Date,
    /// What the sentence says of the claim: whose words, denied or not, when.
    pub context: &'a Context,
    /// Whether the rule reports claims the base calls unsupported.
    pub reports_unsupported: bool,
    /// Whether the article named an entity in full before the match (what
    /// a bare family name may stand for).
    pub introduced: &'a dyn Fn(EntityId) -> bool,
}

/// Which of a claim rule's messages a finding takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A fact contradicts the claim: the rule's message and severity.
    Contradicted,
    /// The base lists every holder and the claimed one is not among them:
    /// the rule's `unsupported` message and severity.
    Unsupported,
}

/// What a claim rule's finding says, once the fact base has judged the claim.
#[derive(Debug)]
pub struct Judged {
    /// Which message the finding takes.
    pub outcome: Outcome,
    /// The sources of the fact or coverage statement that decided it.
    pub sources: Arc<[String]>,
    /// Values of the [`VARS`] for the rule's templates.
    pub vars: Vec<(&'static str, String)>,
    /// The sentence credits the claim to a source: it is reported at
    /// `info`, never as the writer's error.
    pub credited: bool,
}

/// The date claims are judged at: the document's date, else today.
pub fn as_of(doc: &Document) -> Date {
    doc.date.unwrap_or_else(|| jiff::Zoned::now().date())
}

/// Whether `FACTLINT_TRACE_CLAIMS` is set: each judged claim is then
/// written to standard error, with its captures, time and verdict (for
/// rule writers asking why a frame did or did not fire).
fn trace() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("FACTLINT_TRACE_CLAIMS").is_some())
}

/// "a" or "an" before a word.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => "none".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Judges a claim rule's match; `None` when the base supports it or cannot
/// tell. Claims that another claim could contradict are handed to `record`
/// (without their place, which the caller knows).
pub fn judge_match(fb: &FactBase, m: &Captured, record: impl FnOnce(Claim)) -> Option<Judged> {
    let claim = m.claim;
    let text = |i: Option<usize>| i.and_then(|i| m.captures.get(i).cloned().flatten());
    let cx = m.context;
    // A quoted speaker's words, or a claim the sentence denies, are not the
    // writer's claim; nor is a title that the words before it make past.
    if cx.quoted || (cx.negated && !claim.how.denied) || (claim.title.is_some() && cx.historical) {
        return None;
    }
    let subject_text = text(Some(claim.subject))?;
    if claim.how.possessive && !reading::is_possessive(&subject_text) {
        return None;
    }
    let at = m.at;
    let subject = reading::subject(
        fb,
        &subject_text,
        // Whether someone is alive says nothing of which Assad is meant.
        claim.relation.filter(|_| !claim.how.alive),
        claim.title.is_some(),
        m.introduced,
        at,
    )?;
    let subject = subject.as_slice();
    let event = claim.relation.is_some_and(|r| fb.relations[r].event);
    // The time the claim speaks of: the one it captures, else the one the
    // sentence gives nearest to it. "Since 2017" of a state is a claim
    // about when it began.
    let mut start = claim.how.start;
    let when = match text(claim.when).and_then(|w| PartialDate::parse_prose(&w)) {
        Some(w) => Some(w),
        None => match &cx.time {
            Some((d, Relation::Since)) if !event => {
                start = true;
                Some(d.clone())
            }
            Some((_, Relation::Since)) => None,
            Some((d, _)) => Some(d.clone()),
            None => None,
        },
    };
    let t = when.as_ref().map_or((at, at), |w| (w.start, w.end));
    let object = match text(claim.object) {
        Some(o) => Some(reading::object(fb, &o, t)?),
        None => None,
    };
    let object = object.as_deref();
    // "Russia's Hmeimim base" is borne out by where the base stands, too.
    if claim.how.possessive
        && object.is_some_and(|o| {
            o.iter()
                .any(|x| subject.iter().any(|s| fb.within(x.entity(), s.entity())))
        })
    {
        return None;
    }
    // Only claims that another claim could contradict are kept for the
    // consistency checks: a once-only event with its year, a state with one holder.
    // A claim about being alive, holding after the last event, being the
    // only or the newest one, is not the relation's own claim.
    let plain = !(claim.how.alive
        || claim.how.holds
        || claim.how.only
        || claim.how.latest
        || claim.how.possessive);
    let comparable = plain
        && claim.relation.is_some_and(|r| {
            let rel = &fb.relations[r];
            (rel.event && rel.once && when.is_some())
                || (!rel.event && (rel.one_object || rel.one_subject))
        });
    if let (Some(relation), true) = (claim.relation, comparable) {
        record(Claim {
            rule: m.rule.clone(),
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
    if claim.how.needs_time && when.is_none() {
        return None;
    }
    let when = match when {
        None if claim.how.past => Some(PartialDate {
            start: Date::MIN,
            end: at,
            text: String::new(),
        }),
        w => w,
    };
    let span_of = |w: &Option<PartialDate>| match w {
        Some(w) => (w.start, w.end),
        None => (at, at),
    };
    let verdict = if claim.how.alive {
        judge_alive(fb, subject, span_of(&when))
    } else if let Some(k) = claim.kind {
        judge_kind(fb, subject, &text(Some(k))?)
    } else {
        let statement = |relation: usize| Statement {
            subject,
            relation,
            object,
            when: when.clone(),
            at,
            years: cx.years,
            how: How { start, ..claim.how },
        };
        match (claim.relation, claim.title) {
            (None, None) if claim.how.heads => judge::judge_heads(fb, &statement),
            (Some(relation), _) => judge(fb, &statement(relation)),
            (None, Some(t)) => judge_title(
                fb,
                &Titled {
                    subject,
                    title: &text(Some(t))?,
                    country: object,
                    when,
                    at,
                    start,
                },
            ),
            (None, None) => return None,
        }
    };
    if trace() {
        eprintln!(
            "factlint trace: {} {:?} at {:?}: {verdict:?}",
            m.rule, m.captures, cx.time
        );
    }
    // "Wagner chief Prigozhin died": a role held until death is still his
    // in a sentence about it.
    if let Verdict::Contradicted {
        fact,
        reason: judge::Reason::Stale,
    } = &verdict
    {
        if cx.death && judge::ended_with_subject(fb, fact) {
            return None;
        }
    }
    let mut vars: Vec<(&'static str, String)> = vec![("as_of", at.to_string())];
    match verdict {
        Verdict::Supported | Verdict::Unknown => None,
        Verdict::Differs { entity, kind } => {
            vars.push((
                "fact",
                format!("{} is {} {kind}", fb.display(entity), article(&kind)),
            ));
            vars.push(("fact_subject", fb.display(entity)));
            Some(Judged {
                outcome: Outcome::Contradicted,
                sources: fb.entities[entity].sources.clone().into(),
                vars,
                credited: cx.attributed,
            })
        }
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
                outcome: Outcome::Contradicted,
                sources: fact.sources.clone(),
                vars,
                credited: cx.attributed,
            })
        }
        Verdict::Unsupported { coverage, holders } => {
            if !m.reports_unsupported {
                return None;
            }
            let names: Vec<String> = holders.iter().map(|&h| fb.display(h)).collect();
            vars.push(("holders", join_names(&names)));
            vars.push(("fact_note", coverage.note.clone().unwrap_or_default()));
            vars.push(("fact_from", coverage.from.to_string()));
            Some(Judged {
                outcome: Outcome::Unsupported,
                sources: coverage.sources.clone(),
                vars,
                credited: cx.attributed,
            })
        }
    }
}
