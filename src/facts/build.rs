//! Building the fact base from YAML specs, with validation.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::sources::{PolicySpec, MAX_SOURCES};
use super::spec::{CoverageSpec, EntitySpec, FactSpec, RelationSpec};
use super::PLACES;
use super::{name_key, Actor, Coverage, Entity, EntityId, Fact, FactBase, PartialDate, Relation};
use crate::text::normalize::normalize;

/// The kinds an entity may have.
pub const KINDS: &[&str] = &[
    "person",
    "country",
    "city",
    "province",
    "region",
    "organization",
    "armed-group",
    "government",
    "alliance",
    "military-base",
    "weapon-system",
    "event",
    "conflict",
    "outlet",
    "company",
    "party",
    "office",
    "group",
];

/// The fact-base parts of one file.
pub struct FileFacts<'a> {
    /// Index of the file among the loaded sources.
    pub source: usize,
    /// Built-in files are overridden by user files.
    pub builtin: bool,
    /// `relations:`.
    pub relations: &'a BTreeMap<String, RelationSpec>,
    /// `entities:`.
    pub entities: &'a [EntitySpec],
    /// `facts:`.
    pub facts: &'a [FactSpec],
    /// `coverage:`.
    pub coverage: &'a [CoverageSpec],
    /// `source_policy:`.
    pub policy: Option<&'a PolicySpec>,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// The entity with this id.
    Entity(String),
    /// The n-th fact of the file.
    Fact(usize),
    /// The n-th coverage statement of the file.
    Coverage(usize),
    /// The relation with this name.
    Relation(String),
}

/// A validation problem.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Index of the file.
    pub source: usize,
    /// Where in it.
    pub at: At,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

fn is_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// Problems for sources that are not URLs; `true` when all are URLs.
fn check_sources(sources: &[String], source: usize, at: &At, problems: &mut Vec<Problem>) -> bool {
    let mut ok = true;
    for s in sources.iter().filter(|s| !is_url(s)) {
        problems.push(Problem {
            source,
            at: at.clone(),
            message: format!("source `{s}` is not a URL"),
            help: None,
        });
        ok = false;
    }
    ok
}

/// Builds the fact base, a section at a time; problems are returned
/// alongside whatever could be built.
pub fn build(files: &[FileFacts]) -> (FactBase, Vec<Problem>) {
    let mut fb = FactBase::default();
    let mut problems = Vec::new();
    fb.policy.max_sources = MAX_SOURCES;
    for p in files.iter().filter_map(|f| f.policy) {
        fb.policy.add(p);
    }
    relations(files, &mut fb, &mut problems);
    entities(files, &mut fb, &mut problems);
    names(&mut fb);
    fb.facts_by_relation = vec![Vec::new(); fb.relations.len()];
    for f in files {
        facts(f, &mut fb, &mut problems);
        coverage(f, &mut fb, &mut problems);
    }
    countries(&mut fb);
    (fb, problems)
}

fn problem(source: usize, at: At, message: String, help: Option<&str>) -> Problem {
    Problem {
        source,
        at,
        message,
        help: help.map(str::to_string),
    }
}

/// Relations: a user file replaces a built-in relation of the same name.
fn relations(files: &[FileFacts], fb: &mut FactBase, problems: &mut Vec<Problem>) {
    let mut rel_origin: HashMap<String, (usize, bool)> = HashMap::new();
    for f in files {
        for (name, spec) in f.relations {
            if let Some(&(_, builtin)) = rel_origin.get(name) {
                if builtin == f.builtin {
                    problems.push(problem(
                        f.source,
                        At::Relation(name.clone()),
                        format!("relation `{name}` is defined twice"),
                        None,
                    ));
                    continue;
                }
                if f.builtin {
                    continue;
                }
            }
            let rel = Relation {
                name: name.clone(),
                phrase: spec.phrase.clone(),
                past: spec.past.clone().unwrap_or_else(|| spec.phrase.clone()),
                event: spec.event,
                once: spec.once,
                one_subject: spec.one_subject,
                one_object: spec.one_object,
                titles: spec.titles.iter().map(|t| normalize(t)).collect(),
                transitive: spec.transitive,
                journey: spec.journey,
                ends: spec.ends,
                heads: spec.heads,
                sides: spec.sides,
            };
            match fb.relation_by_name.get(name) {
                Some(&i) => fb.relations[i] = rel,
                None => {
                    fb.relation_by_name.insert(name.clone(), fb.relations.len());
                    fb.relations.push(rel);
                }
            }
            rel_origin.insert(name.clone(), (f.source, f.builtin));
        }
    }
}

/// Entities, with their references resolved: user files replace built-in ones.
fn entities(files: &[FileFacts], fb: &mut FactBase, problems: &mut Vec<Problem>) {
    // First pass: ids.
    let mut chosen: Vec<(&FileFacts, &EntitySpec)> = Vec::new();
    let mut origin: HashMap<&str, (usize, bool)> = HashMap::new();
    for f in files {
        for e in f.entities {
            match origin.get(e.id.as_str()) {
                Some(&(_, builtin)) if builtin == f.builtin => {
                    problems.push(problem(
                        f.source,
                        At::Entity(e.id.clone()),
                        format!("entity id `{}` is used twice", e.id),
                        None,
                    ));
                }
                Some(&(k, _)) => {
                    if !f.builtin {
                        chosen[k] = (f, e);
                        origin.insert(&e.id, (k, false));
                    }
                }
                None => {
                    origin.insert(&e.id, (chosen.len(), f.builtin));
                    chosen.push((f, e));
                }
            }
        }
    }
    for (i, (_, e)) in chosen.iter().enumerate() {
        fb.by_id.insert(e.id.clone(), i);
    }
    // Second pass: entities with resolved references.
    for (f, e) in &chosen {
        let at = || At::Entity(e.id.clone());
        if !KINDS.contains(&e.kind.as_str()) {
            problems.push(problem(
                f.source,
                at(),
                format!("unknown entity kind `{}`", e.kind),
                Some(&format!("kinds: {}", KINDS.join(", "))),
            ));
        }
        let country = match &e.country {
            None => None,
            Some(c) => match fb.by_id.get(c) {
                Some(&ci) if chosen[ci].1.kind == "country" => Some(ci),
                Some(_) => {
                    problems.push(problem(
                        f.source,
                        at(),
                        format!("`country: {c}` is not a country"),
                        None,
                    ));
                    None
                }
                None => {
                    problems.push(problem(
                        f.source,
                        at(),
                        format!("unknown entity `{c}` in `country`"),
                        Some("define it under `entities:`"),
                    ));
                    None
                }
            },
        };
        let members_of = match &e.members_of {
            None => None,
            Some(o) => match fb.by_id.get(o) {
                Some(&oi) => Some(oi),
                None => {
                    problems.push(problem(
                        f.source,
                        at(),
                        format!("unknown entity `{o}` in `members_of`"),
                        Some("define it under `entities:`"),
                    ));
                    None
                }
            },
        };
        check_sources(&e.sources, f.source, &at(), problems);
        fb.entities.push(Entity {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.clone(),
            aliases: e.aliases.clone(),
            family_names: e.family_names.clone(),
            preferred: e.preferred.clone(),
            demonyms: e.demonyms.clone(),
            country,
            members_of,
            subtype: e.subtype.clone(),
            sources: e.sources.clone(),
        });
    }
}

/// The names of the entities: what each name may refer to, and the trie
/// of entity names (not demonyms) for finding names in documents.
fn names(fb: &mut FactBase) {
    for (i, e) in fb.entities.iter().enumerate() {
        for name in std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(e.preferred.iter())
        {
            let v = fb.by_name.entry(name_key(name)).or_default();
            if !v.contains(&Actor::Entity(i)) {
                v.push(Actor::Entity(i));
            }
        }
        for name in &e.family_names {
            let key = name_key(name);
            let v = fb.by_name.entry(key.clone()).or_default();
            if !v.contains(&Actor::Entity(i)) {
                v.push(Actor::Entity(i));
            }
            fb.family.insert(key);
        }
        for d in &e.demonyms {
            let v = fb.by_name.entry(name_key(d)).or_default();
            if !v.contains(&Actor::Nationality(i)) {
                v.push(Actor::Nationality(i));
            }
        }
    }
    let mut keys: Vec<(&String, &Vec<Actor>)> = fb.by_name.iter().collect();
    keys.sort_by(|a, b| a.0.cmp(b.0));
    let mut trie = super::NameTrie::default();
    for (key, actors) in keys {
        let entities: Vec<Actor> = actors
            .iter()
            .copied()
            .filter(|a| matches!(a, Actor::Entity(_)))
            .collect();
        if !key.is_empty() && !entities.is_empty() {
            trie.insert(key, entities);
        }
    }
    fb.names = trie;
}

/// Facts made from the entities' `country`: a place is located in it
/// (`located-in`), a person or a group is from it (`of-country`), when the
/// base has those relations.
fn countries(fb: &mut FactBase) {
    let (located, from) = (fb.relation("located-in"), fb.relation("of-country"));
    for e in 0..fb.entities.len() {
        let ent = &fb.entities[e];
        let Some(country) = ent.country else {
            continue;
        };
        let relation = if PLACES.contains(&ent.kind.as_str()) {
            located
        } else {
            from
        };
        let Some(relation) = relation else {
            continue;
        };
        let fact = Fact {
            subject: e,
            relation,
            object: Some(country),
            from: PartialDate::always(),
            designated: None,
            until: None,
            sources: ent.sources.clone().into(),
            checked: None,
            last_reported: None,
            note: None,
            derived: true,
        };
        fb.facts_by_relation[relation].push(fb.facts.len());
        fb.facts.push(fact);
    }
}

/// The facts of one file.
fn facts(f: &FileFacts, fb: &mut FactBase, problems: &mut Vec<Problem>) {
    for (n, spec) in f.facts.iter().enumerate() {
        let at = || At::Fact(n);
        let mut ok = true;
        let entity = |id: &str, what: &str, problems: &mut Vec<Problem>| -> Option<EntityId> {
            let e = fb.by_id.get(id).copied();
            if e.is_none() {
                problems.push(problem(
                    f.source,
                    at(),
                    format!("unknown entity `{id}` in `{what}`"),
                    Some("define it under `entities:`"),
                ));
            }
            e
        };
        let subject = entity(&spec.subject, "subject", problems);
        let object = spec
            .object
            .as_deref()
            .map(|o| entity(o, "object", problems));
        let relation = fb.relation_by_name.get(&spec.relation).copied();
        if relation.is_none() {
            problems.push(problem(
                f.source,
                at(),
                format!("unknown relation `{}`", spec.relation),
                Some("define it under `relations:`"),
            ));
            ok = false;
        }
        // An event happens at a date; a state may have no known start.
        let event = relation.is_some_and(|r| fb.relations[r].event);
        let from = match &spec.from {
            Some(d) => d.clone(),
            None if event => {
                problems.push(problem(
                    f.source,
                    at(),
                    format!("`{}` is an event: it needs `from`, its date", spec.relation),
                    None,
                ));
                ok = false;
                PartialDate::always()
            }
            None => PartialDate::always(),
        };
        if spec.sources.is_empty() {
            problems.push(problem(
                f.source,
                at(),
                "a fact needs at least one source".into(),
                Some("add `sources: [https://…]`"),
            ));
            ok = false;
        }
        ok &= check_sources(&spec.sources, f.source, &at(), problems);
        if let Some(u) = &spec.until {
            if u.end < from.start {
                problems.push(problem(
                    f.source,
                    at(),
                    format!("`until: {u}` is before `from: {from}`"),
                    None,
                ));
                ok = false;
            }
        }
        let (Some(subject), Some(relation)) = (subject, relation) else {
            continue;
        };
        let object = match object {
            Some(None) => continue,
            Some(Some(o)) => Some(o),
            None => None,
        };
        if !ok {
            continue;
        }
        fb.facts_by_relation[relation].push(fb.facts.len());
        fb.facts.push(Fact {
            subject,
            relation,
            object,
            from,
            designated: spec.designated.clone(),
            until: spec.until.clone(),
            sources: spec.sources.clone().into(),
            checked: spec.checked.clone(),
            last_reported: spec.last_reported.clone(),
            note: spec.note.clone(),
            derived: false,
        });
    }
}

/// The coverage statements of one file.
fn coverage(f: &FileFacts, fb: &mut FactBase, problems: &mut Vec<Problem>) {
    for (n, spec) in f.coverage.iter().enumerate() {
        let at = || At::Coverage(n);
        let relation = fb.relation_by_name.get(&spec.relation).copied();
        let object = fb.by_id.get(&spec.object).copied();
        let subject = spec.subject.as_ref().map(|s| (s, fb.by_id.get(s).copied()));
        if let Some((s, None)) = &subject {
            problems.push(problem(
                f.source,
                at(),
                format!("unknown entity `{s}` in `subject`"),
                None,
            ));
            continue;
        }
        if relation.is_none() {
            problems.push(problem(
                f.source,
                at(),
                format!("unknown relation `{}`", spec.relation),
                None,
            ));
        }
        if object.is_none() {
            problems.push(problem(
                f.source,
                at(),
                format!("unknown entity `{}` in `object`", spec.object),
                None,
            ));
        }
        if spec.sources.is_empty() || !spec.sources.iter().all(|s| is_url(s)) {
            problems.push(problem(
                f.source,
                at(),
                "a coverage statement needs at least one source URL".into(),
                None,
            ));
            continue;
        }
        if let (Some(relation), Some(object)) = (relation, object) {
            fb.coverage.push(Coverage {
                relation,
                subject: subject.and_then(|(_, s)| s),
                object,
                from: spec.from.clone(),
                until: spec.until.clone(),
                sources: Arc::from(spec.sources.clone()),
                checked: spec.checked.clone(),
                note: spec.note.clone(),
            });
        }
    }
}
