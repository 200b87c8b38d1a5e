//! Judging a claim against the fact base: supported, contradicted (by which
//! fact), unsupported (the base lists every holder and this is not one), or
//! unknown (the base cannot tell; factlint stays silent).
//!
//! How the world is modelled here:
//! - an event happens at its date; a journey with several stops is several
//!   events of one date (fled to Hmeimim, then to Moscow);
//! - a state holds from its start (or from the holder's designation, for an
//!   office: "Prime Minister Dbeibah" between his designation and his
//!   swearing-in is not wrong) until its end; after the last date the
//!   sources report it, it is not known to hold or to have ended, so a claim
//!   is never contradicted there;
//! - a claim about when a state began ("joined NATO in 2024") is judged
//!   against its start;
//! - a group that stands for some members of an organisation ("NATO
//!   countries") makes a claim about some of them: supported when one
//!   member's fact supports it, never contradicted by one member's; only
//!   where one subject holds the object (Damascus was taken by HTS) and
//!   none of the members is it.

use jiff::civil::Date;

use super::actors::{disjoint_from, may_be_entity};
use super::How;
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
    /// How many years the claim says the state lasted ("ruled for 24
    /// years"): the fewest and the most.
    pub years: Option<(f32, f32)>,
    /// How the claim is judged besides its relation (`start` is also set
    /// where the sentence says "since").
    pub how: How,
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
    /// It holds, though the sentence denies it.
    Denied,
    /// The subject acted or held a state after the end the claim gives it.
    LaterAlive,
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
    /// The entity is another kind of thing than the claim says (an air
    /// base called a naval base).
    Differs {
        /// The entity.
        entity: EntityId,
        /// What it is.
        kind: String,
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

/// Whether a state holds over some of the days `(a, b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    /// It does.
    Yes,
    /// It had not begun, or had ended.
    No,
    /// The days come after the last report of it: it may or may not hold.
    Unknown,
}

/// Whether state `f` holds over some of the days `(a, b)`: from its start,
/// or from the holder's designation (an office), until its end.
fn holding(f: &Fact, (a, b): (Date, Date)) -> Holds {
    let start = f.designated.as_ref().unwrap_or(&f.from).start;
    if start > b {
        return Holds::No;
    }
    match (&f.until, &f.last_reported) {
        (Some(u), _) if u.end < a => Holds::No,
        (Some(_), _) => Holds::Yes,
        (None, Some(last)) if last.end < a => Holds::Unknown,
        (None, _) => Holds::Yes,
    }
}

fn holds(f: &Fact, t: (Date, Date)) -> bool {
    holding(f, t) == Holds::Yes
}

/// Whether event `f` happened at the time `w` names (at the precision it
/// states: "in 2015" holds for any day of 2015, "on Thursday" only for that day).
fn on_date(f: &Fact, w: &PartialDate) -> bool {
    f.from.start <= w.end && f.from.end >= w.start
}

/// Whether a claimed start (`when`) fits the state's: its start, or the
/// holder's designation.
fn starts_at(f: &Fact, w: &PartialDate) -> bool {
    let near = |d: &PartialDate| d.start <= w.end && d.end >= w.start;
    near(&f.from) || f.designated.as_ref().is_some_and(near)
}

/// The members, at the days `t`, of the organisation a group stands for
/// (the subjects of its `member-of` facts), when the claim's subject is
/// such a group.
fn group_members(fb: &FactBase, subject: &[Actor], t: (Date, Date)) -> Option<Vec<Actor>> {
    let org = subject
        .iter()
        .find_map(|a| fb.entities[a.entity()].members_of)?;
    let member_of = fb.relation("member-of")?;
    let members = fb
        .facts_of(member_of)
        .filter(|f| f.object == Some(org) && holds(f, t))
        .map(|f| Actor::Entity(f.subject))
        .collect();
    Some(members)
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
    let t = span(&claim.when, claim.at);
    // A group ("NATO countries"): some of its members, each judged alone;
    // one supports it, or the base's complete list shows none does.
    if let Some(members) = group_members(fb, claim.subject, t) {
        // Who holds it instead, when it has one holder and no member is it.
        let mut holder = None;
        for m in &members {
            let one = Statement {
                subject: std::slice::from_ref(m),
                ..claim.clone()
            };
            match judge_one(fb, &one) {
                Verdict::Supported => return Verdict::Supported,
                Verdict::Contradicted {
                    fact,
                    reason: Reason::WrongSubject,
                } => holder = Some(fact),
                _ => {}
            }
        }
        return match (unsupported(fb, claim, &members, t), holder) {
            (Some(v), _) => v,
            (None, Some(fact)) => Verdict::Contradicted {
                fact,
                reason: Reason::WrongSubject,
            },
            (None, None) => Verdict::Unknown,
        };
    }
    judge_one(fb, claim)
}

/// The verdict of a complete list of the relation's holders (with the
/// claim's object, at its time) that holds none of `subjects`.
fn unsupported<'a>(
    fb: &'a FactBase,
    claim: &Statement,
    subjects: &[Actor],
    t: (Date, Date),
) -> Option<Verdict<'a>> {
    let obj = claim.object?;
    for c in &fb.coverage {
        let in_period = c.from.start <= t.1 && c.until.as_ref().is_none_or(|u| u.end >= t.0);
        let covers_subject = c.subject.is_none_or(|s| may_be_entity(fb, subjects, s));
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
            return Some(Verdict::Unsupported {
                coverage: c,
                holders,
            });
        }
    }
    None
}

/// Judges a claim about one actor (or about the readings of one name).
fn judge_one<'a>(fb: &'a FactBase, claim: &Statement) -> Verdict<'a> {
    let Some(rel) = fb.relations.get(claim.relation) else {
        return Verdict::Unknown;
    };
    let t = span(&claim.when, claim.at);
    // "Flew to Tehran on December 8": said of a day the subject fled, or
    // of nothing the base knows.
    if claim.how.during {
        let on_one = claim.when.as_ref().is_some_and(|w| {
            fb.facts_of(claim.relation)
                .any(|f| may_be_entity(fb, claim.subject, f.subject) && on_date(f, w))
        });
        if !on_one {
            return Verdict::Unknown;
        }
    }
    // "A founding member": joined with the first.
    if claim.how.founding {
        let first = fb
            .facts_of(claim.relation)
            .filter(|f| object_matches(fb, claim.object, f.object) && !f.from.is_always())
            .min_by_key(|f| f.from.start);
        let Some(first) = first else {
            return Verdict::Unknown;
        };
        let founding = Statement {
            when: Some(first.from.clone()),
            how: How {
                start: true,
                founding: false,
                ..claim.how
            },
            ..claim.clone()
        };
        return judge_one(fb, &founding);
    }
    if claim.how.holds {
        return holder(fb, claim, t);
    }
    if claim.how.latest {
        // "The newest member": the last to begin, like the last to take.
        return holder(fb, claim, t);
    }
    let verdict = judge_plain(fb, claim, rel, t);
    if claim.how.only && !matches!(verdict, Verdict::Contradicted { .. }) {
        return only(fb, claim, t);
    }
    if claim.how.only_object && !matches!(verdict, Verdict::Contradicted { .. }) {
        return only_object(fb, claim, t);
    }
    if claim.how.denied {
        return match verdict {
            Verdict::Supported => match supporting(fb, claim, t) {
                Some(fact) => Verdict::Contradicted {
                    fact,
                    reason: Reason::Denied,
                },
                None => Verdict::Unknown,
            },
            _ => Verdict::Unknown,
        };
    }
    verdict
}

/// Judges a claim whose relation is whichever `heads` relation (an office,
/// a command) the subject has facts of: supported by one, else
/// contradicted by the first that contradicts it.
pub fn judge_heads<'a>(
    fb: &'a FactBase,
    statement: &dyn Fn(usize) -> Statement<'a>,
) -> Verdict<'a> {
    let mut verdict = Verdict::Unknown;
    for (i, rel) in fb.relations.iter().enumerate() {
        let claim = statement(i);
        let has = || {
            fb.facts_of(i)
                .any(|f| may_be_entity(fb, claim.subject, f.subject))
        };
        if !rel.heads || !has() {
            continue;
        }
        match judge(fb, &claim) {
            Verdict::Supported => return Verdict::Supported,
            v @ Verdict::Contradicted { .. } if matches!(verdict, Verdict::Unknown) => verdict = v,
            _ => {}
        }
    }
    verdict
}

/// A fact that bears the claim out at the days `t`.
fn supporting<'a>(fb: &'a FactBase, claim: &Statement, t: (Date, Date)) -> Option<&'a Fact> {
    fb.facts_of(claim.relation).find(|f| {
        may_be_entity(fb, claim.subject, f.subject)
            && object_matches(fb, claim.object, f.object)
            && holds(f, t)
    })
}

/// "Hmeimim, Russia's only base in Syria": no other object of the
/// subject's, of the same kind, stands in the same country then.
fn only_object<'a>(fb: &'a FactBase, claim: &Statement, t: (Date, Date)) -> Verdict<'a> {
    let Some(obj) = claim.object else {
        return Verdict::Unknown;
    };
    let country = |e: EntityId| fb.entities[e].country;
    let other = fb.facts_of(claim.relation).find(|f| {
        holding(f, t) != Holds::No
            && may_be_entity(fb, claim.subject, f.subject)
            && f.object.is_some_and(|o| {
                obj.iter().all(|a| a.entity() != o)
                    && obj.iter().any(|a| {
                        fb.entities[a.entity()].kind == fb.entities[o].kind
                            && country(a.entity()).is_some()
                            && country(a.entity()) == country(o)
                    })
            })
    });
    match other {
        Some(fact) => Verdict::Contradicted {
            fact,
            reason: Reason::WrongObject,
        },
        None => Verdict::Unknown,
    }
}

/// A state the subject held, or an event it took part in, after the days
/// `t` (for a claimed death or dissolution then).
pub fn alive_after<'a>(fb: &'a FactBase, subject: &[Actor], t: (Date, Date)) -> Option<&'a Fact> {
    fb.facts
        .iter()
        .filter(|f| !f.derived && !f.from.is_always() && may_be_entity(fb, subject, f.subject))
        .filter(|f| !fb.relations[f.relation].ends)
        .find(|f| {
            let event = fb.relations[f.relation].event;
            f.from.start > t.1
                || (!event
                    && match (&f.until, &f.last_reported) {
                        (Some(u), _) => u.start > t.1,
                        (None, Some(l)) => l.start > t.1,
                        (None, None) => true,
                    })
        })
}

/// "X-held City": the last of the relation's events with the object,
/// up to the claim's time, left it to its subject.
fn holder<'a>(fb: &'a FactBase, claim: &Statement, t: (Date, Date)) -> Verdict<'a> {
    let Some(obj) = claim.object else {
        return Verdict::Unknown;
    };
    let last = fb
        .facts_of(claim.relation)
        .filter(|f| f.object.is_some_and(|o| !disjoint_from(fb, obj, o)) && f.from.start <= t.1)
        .max_by_key(|f| f.from.start);
    match last {
        Some(f) if may_be_entity(fb, claim.subject, f.subject) => Verdict::Supported,
        Some(f) => Verdict::Contradicted {
            fact: f,
            reason: Reason::WrongSubject,
        },
        // "HTS-controlled Hama" before HTS took it.
        None => fb
            .facts_of(claim.relation)
            .find(|f| {
                may_be_entity(fb, claim.subject, f.subject)
                    && f.object.is_some_and(|o| !disjoint_from(fb, obj, o))
                    && f.from.start > t.1
            })
            .map_or(Verdict::Unknown, |fact| Verdict::Contradicted {
                fact,
                reason: Reason::NotYet,
            }),
    }
}

/// "The only …": no other subject has the relation with the object then.
fn only<'a>(fb: &'a FactBase, claim: &Statement, t: (Date, Date)) -> Verdict<'a> {
    let Some(obj) = claim.object else {
        return Verdict::Supported;
    };
    // "The only country to join NATO in 2009": another began then too.
    let then = |f: &Fact| match (&claim.when, claim.how.start) {
        (Some(w), true) => starts_at(f, w),
        _ => holds(f, t),
    };
    let other = fb.facts_of(claim.relation).find(|f| {
        then(f)
            && f.object.is_some_and(|o| !disjoint_from(fb, obj, o))
            && !may_be_entity(fb, claim.subject, f.subject)
    });
    match other {
        Some(f) => Verdict::Contradicted {
            fact: f,
            reason: Reason::WrongSubject,
        },
        None => Verdict::Supported,
    }
}

/// The subject's stand, at the days `t`, with a party that `opposes` the
/// claim's object ("Turkey backs Haftar": Turkey backed the GNA, which the
/// LNA fought).
fn backs_the_opponent<'a>(
    fb: &'a FactBase,
    claim: &Statement,
    t: (Date, Date),
) -> Option<&'a Fact> {
    let obj = claim.object?;
    let opposes = fb.relation("opposes")?;
    let is_obj = |e: EntityId| obj.iter().any(|a| a.entity() == e);
    let rivals: Vec<EntityId> = fb
        .facts_of(opposes)
        .filter(|g| holds(g, t))
        .filter_map(|g| {
            let o = g.object?;
            match (is_obj(g.subject), is_obj(o)) {
                (true, _) => Some(o),
                (_, true) => Some(g.subject),
                _ => None,
            }
        })
        .collect();
    fb.facts_of(claim.relation).find(|f| {
        may_be_entity(fb, claim.subject, f.subject)
            && holds(f, t)
            && f.object.is_some_and(|o| rivals.contains(&o))
    })
}

/// Whether state `f` ended with its subject (an office held until death):
/// in a sentence about that end, the state is still the subject's.
pub fn ended_with_subject(fb: &FactBase, f: &Fact) -> bool {
    let Some(until) = &f.until else {
        return false;
    };
    fb.relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.ends)
        .flat_map(|(i, _)| fb.facts_of(i))
        .any(|e| e.subject == f.subject && e.from.start == until.start)
}

/// Whether the subject lived (or existed) at the claim's time: a death or
/// a dissolution before it contradicts.
pub fn judge_alive<'a>(fb: &'a FactBase, subject: &[Actor], t: (Date, Date)) -> Verdict<'a> {
    let ended = fb
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.ends)
        .flat_map(|(i, _)| fb.facts_of(i))
        .find(|f| may_be_entity(fb, subject, f.subject) && f.from.end < t.0);
    match ended {
        Some(fact) => Verdict::Contradicted {
            fact,
            reason: Reason::Stale,
        },
        None => Verdict::Unknown,
    }
}

/// The verdict of a plain claim: the relation holds (or happened).
fn judge_plain<'a>(
    fb: &'a FactBase,
    claim: &Statement,
    rel: &crate::facts::Relation,
    t: (Date, Date),
) -> Verdict<'a> {
    let exact: Vec<&Fact> = fb
        .facts_of(claim.relation)
        .filter(|f| {
            may_be_entity(fb, claim.subject, f.subject)
                && object_matches(fb, claim.object, f.object)
                // "In Syria" says nothing of which city in Syria.
                && !(rel.transitive && f.object.is_some_and(|o| {
                    claim.object.is_some_and(|c| !c.iter().any(|a| fb.within(o, a.entity())))
                }))
        })
        .collect();
    if let Some(&first) = exact.first() {
        if rel.event {
            return match &claim.when {
                None => Verdict::Supported,
                Some(w) if exact.iter().any(|f| on_date(f, w)) => Verdict::Supported,
                Some(_) if rel.once => Verdict::Contradicted {
                    fact: first,
                    reason: Reason::WrongTime,
                },
                Some(_) => Verdict::Unknown,
            };
        }
        if let (Some((lo, hi)), false) = (claim.years, rel.event) {
            // How long the state lasted: from its start to its end (or to
            // the claim's time, while it lasts), at the precision of its
            // dates ("from 2014": from some day of 2014).
            let lasted = |f: &Fact| {
                let end = f.until.as_ref().map_or(t.1, |u| u.end.min(t.1));
                let years = |from: Date| (end - from).get_days() as f32 / 365.25;
                (years(f.from.end), years(f.from.start))
            };
            let fits = |f: &&Fact| {
                let (short, long) = lasted(f);
                !f.from.is_always() && long >= lo && short <= hi
            };
            let dated: Vec<&Fact> = exact
                .iter()
                .copied()
                .filter(|f| !f.from.is_always())
                .collect();
            if !dated.is_empty() && !dated.iter().any(fits) {
                return Verdict::Contradicted {
                    fact: dated[0],
                    reason: Reason::WrongTime,
                };
            }
        }
        if claim.how.start {
            // When the state began: its start (or designation) must fit.
            return match &claim.when {
                Some(w) if !exact.iter().any(|f| starts_at(f, w)) => Verdict::Contradicted {
                    fact: first,
                    reason: Reason::WrongTime,
                },
                _ => Verdict::Supported,
            };
        }
        if exact.iter().any(|f| holds(f, t)) {
            return Verdict::Supported;
        }
        // After the last report of it, a state is not known to have ended.
        if exact.iter().any(|f| holding(f, t) == Holds::Unknown) {
            return unsupported(fb, claim, claim.subject, t).unwrap_or(Verdict::Unknown);
        }
        let reason = if first.from.start > t.1 {
            Reason::NotYet
        } else {
            Reason::Stale
        };
        // A state that began later says nothing of an earlier one, unless
        // it is held by one subject at a time (an office, control of a
        // place), whose holders the base lists.
        if reason == Reason::NotYet && !rel.one_subject {
            return unsupported(fb, claim, claim.subject, t).unwrap_or(Verdict::Unknown);
        }
        return Verdict::Contradicted {
            fact: first,
            reason,
        };
    }
    // A death or an end the base does not record, on a day after which
    // the subject still acted or held office.
    if rel.ends && exact.is_empty() {
        if let Some(fact) = claim
            .when
            .as_ref()
            .and_then(|w| alive_after(fb, claim.subject, (w.start, w.end)))
        {
            return Verdict::Contradicted {
                fact,
                reason: Reason::LaterAlive,
            };
        }
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
                Some(w) => on_date(f, w),
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
    // A stop on the way within the subject's own country is not excluded
    // by the journey's destination abroad.
    let on_the_way = |obj: &[Actor]| {
        rel.journey
            && obj.iter().all(|o| {
                claim.subject.iter().any(|s| {
                    fb.entities[s.entity()]
                        .country
                        .is_some_and(|c| fb.within(o.entity(), c))
                })
            })
    };
    if rel.sides {
        if let Some(fact) = backs_the_opponent(fb, claim, t) {
            return Verdict::Contradicted {
                fact,
                reason: Reason::WrongObject,
            };
        }
    }
    if rel.one_object {
        if let Some(obj) = claim.object.filter(|o| !on_the_way(o)) {
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
    unsupported(fb, claim, claim.subject, t).unwrap_or(Verdict::Unknown)
}

/// A title before a name ("President Assad", "Libyan Prime Minister
/// Dbeibah", "Assad, Syria's president,"), at the claim's time.
#[derive(Debug, Clone)]
pub struct Titled<'a> {
    /// Who is given the title (all readings of the name).
    pub subject: &'a [Actor],
    /// The title word.
    pub title: &'a str,
    /// The country the title is said to be of, if the claim says.
    pub country: Option<&'a [Actor]>,
    /// A time the claim names.
    pub when: Option<PartialDate>,
    /// The document's date.
    pub at: Date,
    /// The claim is about when the office began ("became president in 2000").
    pub start: bool,
}

/// The classes of installation a kind word names: air bases and naval ones.
fn installation_class(kind: &str) -> Option<&'static str> {
    let k = crate::text::normalize::normalize(kind);
    if [
        "air base",
        "airbase",
        "airfield",
        "air field",
        "airport",
        "air station",
    ]
    .contains(&k.as_str())
    {
        Some("air")
    } else if [
        "naval base",
        "naval facility",
        "navy base",
        "naval port",
        "port",
        "naval station",
    ]
    .contains(&k.as_str())
    {
        Some("naval")
    } else {
        None
    }
}

/// Whether the installation the subject names is the kind of thing the
/// claim says ("the Hmeimim naval base": an air base). A city's name with
/// a kind ("the Tartus air base") stands for the one installation in it.
pub fn judge_kind<'a>(fb: &'a FactBase, subject: &[Actor], kind: &str) -> Verdict<'a> {
    let Some(claimed) = installation_class(kind) else {
        return Verdict::Unknown;
    };
    let located_in = fb.relation("located-in");
    let mut bases: Vec<EntityId> = Vec::new();
    for a in subject {
        let e = a.entity();
        if fb.entities[e].subtype.is_some() {
            bases.push(e);
        } else if let Some(r) = located_in {
            bases.extend(
                fb.facts_of(r)
                    .filter(|f| f.object == Some(e) && fb.entities[f.subject].subtype.is_some())
                    .map(|f| f.subject),
            );
        }
    }
    bases.sort_unstable();
    bases.dedup();
    let [base] = bases.as_slice() else {
        return Verdict::Unknown;
    };
    let is = fb.entities[*base].subtype.clone().unwrap_or_default();
    match installation_class(&is) {
        Some(c) if c != claimed => Verdict::Differs {
            entity: *base,
            kind: is,
        },
        _ => Verdict::Supported,
    }
}

/// Judges a title before a name at the claim's time: supported if the
/// person holds an office with that title then (of the country named),
/// contradicted if it ended before or began after, if it is of another
/// country, or if the person held another office then and never this one.
pub fn judge_title<'a>(fb: &'a FactBase, c: &Titled) -> Verdict<'a> {
    let title = crate::text::normalize::normalize(c.title);
    let title = title.strip_prefix("then-").unwrap_or(&title).to_string();
    let t = span(&c.when, c.at);
    let titled: Vec<usize> = fb
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.titles.contains(&title))
        .map(|(i, _)| i)
        .collect();
    let is_subject = |f: &&Fact| {
        c.subject
            .iter()
            .any(|a| matches!(a, Actor::Entity(e) if *e == f.subject))
    };
    let facts: Vec<&Fact> = titled
        .iter()
        .flat_map(|&i| fb.facts_of(i))
        .filter(is_subject)
        .collect();
    // Offices with any title that the person held at the claim's time.
    let other_office = || {
        fb.relations
            .iter()
            .enumerate()
            .filter(|(i, r)| !r.titles.is_empty() && !titled.contains(i))
            .flat_map(|(i, _)| fb.facts_of(i))
            .filter(is_subject)
            .find(|f| holds(f, t))
    };
    if facts.is_empty() {
        // A president called prime minister: another office, held then.
        if let Some(fact) = other_office().filter(|_| !titled.is_empty()) {
            return Verdict::Contradicted {
                fact,
                reason: Reason::WrongObject,
            };
        }
        // "Syria's president, Maher al-Assad": the office's holder then is
        // someone else.
        let holder = c.country.and_then(|k| {
            titled
                .iter()
                .filter(|&&i| fb.relations[i].one_subject)
                .flat_map(|&i| fb.facts_of(i))
                .filter(|f| holds(f, t))
                .find(|f| {
                    f.object.is_some_and(|o| {
                        k.iter()
                            .any(|a| fb.belongs_to(o, a.entity()) || fb.within(a.entity(), o))
                    })
                })
        });
        return match holder {
            Some(fact) => Verdict::Contradicted {
                fact,
                reason: Reason::WrongSubject,
            },
            None => Verdict::Unknown,
        };
    }
    // The country the title is said to be of: the office's object must lie in it.
    let of_country = |f: &Fact| {
        c.country.is_none_or(|k| {
            f.object.is_none_or(|o| {
                k.iter()
                    .any(|a| fb.belongs_to(o, a.entity()) || fb.within(a.entity(), o))
            })
        })
    };
    if c.country.is_some() && !facts.iter().any(|f| of_country(f)) {
        return Verdict::Contradicted {
            fact: facts[0],
            reason: Reason::WrongObject,
        };
    }
    let facts: Vec<&Fact> = facts.into_iter().filter(|f| of_country(f)).collect();
    if c.start {
        return match &c.when {
            Some(w) if !facts.iter().any(|f| starts_at(f, w)) => Verdict::Contradicted {
                fact: facts[0],
                reason: Reason::WrongTime,
            },
            _ => Verdict::Supported,
        };
    }
    if facts.iter().any(|f| holds(f, t)) {
        return Verdict::Supported;
    }
    // After the last report of an office held, it is not known to have ended.
    if facts.iter().any(|f| holding(f, t) == Holds::Unknown) {
        return Verdict::Unknown;
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
