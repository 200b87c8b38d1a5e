//! The fact base: entities with their names, facts with their dates and
//! sources, and statements of completeness. Claims found in documents are
//! judged against it ([`crate::claims`]).

pub mod build;
mod claim;
mod names;
pub mod sources;
pub mod spec;
pub mod time;

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

pub use claim::Claim;
use names::NameTrie;
pub use names::{name_key, NameMatch};
pub use sources::Policy;
pub use time::PartialDate;

/// Index of an entity in [`FactBase::entities`].
pub type EntityId = usize;

/// Something the base knows by name.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Unique id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// What it is (person, country, city, …).
    pub kind: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Family names, which stand for it only once it has been introduced.
    pub family_names: Vec<String>,
    /// House-style spelling, if any.
    pub preferred: Option<String>,
    /// Nationality adjectives (countries).
    pub demonyms: Vec<String>,
    /// The country it belongs to.
    pub country: Option<EntityId>,
    /// For a group standing for some members of an organisation: the organisation.
    pub members_of: Option<EntityId>,
    /// A finer kind (`air base`).
    pub subtype: Option<String>,
    /// Sources for its names and description.
    pub sources: Vec<String>,
}

/// How a relation behaves (see [`spec::RelationSpec`]).
#[derive(Debug, Clone)]
pub struct Relation {
    /// Its name.
    pub name: String,
    /// Verb phrase.
    pub phrase: String,
    /// Verb phrase for ended facts.
    pub past: String,
    /// Happens at a date.
    pub event: bool,
    /// Happens once for a subject and object.
    pub once: bool,
    /// One subject per object at a time.
    pub one_subject: bool,
    /// One object per subject at a time.
    pub one_object: bool,
    /// Title words, normalized.
    pub titles: Vec<String>,
    /// Transitive (being within a place).
    pub transitive: bool,
    /// A movement: stops within the subject's own country are not excluded.
    pub journey: bool,
    /// An event that ends its subject (a death, a dissolution).
    pub ends: bool,
    /// The subject heads the object.
    pub heads: bool,
    /// Backing one party excludes backing its opponent.
    pub sides: bool,
}

/// The kinds of entity that are places: their `country` is where they
/// lie (for the others, where they are from).
pub const PLACES: &[&str] = &["city", "province", "region", "military-base"];

/// A sourced, dated fact.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Who or what.
    pub subject: EntityId,
    /// Index into [`FactBase::relations`].
    pub relation: usize,
    /// To whom or what, if the relation has an object.
    pub object: Option<EntityId>,
    /// Holds from (or happened on); [`PartialDate::always`] when it has no known start.
    pub from: PartialDate,
    /// For an office: when the holder was designated, before `from`.
    pub designated: Option<PartialDate>,
    /// Holds until.
    pub until: Option<PartialDate>,
    /// URLs, the best first.
    pub sources: Arc<[String]>,
    /// When it was last verified.
    pub checked: Option<PartialDate>,
    /// For a state with no known end: the last date the sources report it.
    pub last_reported: Option<PartialDate>,
    /// Remarks.
    pub note: Option<String>,
    /// Made from an entity's `country` (where a place is, where a person or
    /// a group is from), not written as a fact: its sources are the entity's.
    pub derived: bool,
}

/// The base lists every subject of a relation with an object over a period.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// Index into [`FactBase::relations`].
    pub relation: usize,
    /// The one subject whose facts it covers (all subjects when absent).
    pub subject: Option<EntityId>,
    /// The object whose subjects are all listed.
    pub object: EntityId,
    /// Start of the period.
    pub from: PartialDate,
    /// End of the period.
    pub until: Option<PartialDate>,
    /// URLs, the best first.
    pub sources: Arc<[String]>,
    /// When the list was last verified to be complete.
    pub checked: Option<PartialDate>,
    /// What it covers.
    pub note: Option<String>,
}

/// What a name in a document refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    /// An entity, by name or alias.
    Entity(EntityId),
    /// Anyone of a country's nationality (a demonym: "Syrian rebels").
    Nationality(EntityId),
}

impl Actor {
    /// The entity named: the entity itself, or the country of a nationality.
    pub fn entity(self) -> EntityId {
        match self {
            Actor::Entity(e) | Actor::Nationality(e) => e,
        }
    }
}

/// All entities, relations, facts and coverage statements, with indexes.
#[derive(Debug, Default)]
pub struct FactBase {
    /// Entities.
    pub entities: Vec<Entity>,
    /// Relations.
    pub relations: Vec<Relation>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Coverage statements.
    pub coverage: Vec<Coverage>,
    /// The policy its sources are held to.
    pub policy: Policy,
    by_id: FxHashMap<String, EntityId>,
    by_name: FxHashMap<String, Vec<Actor>>,
    /// The keys of names that are some entity's family name.
    family: rustc_hash::FxHashSet<String>,
    relation_by_name: FxHashMap<String, usize>,
    /// Entity names as a trie over their words, for finding names in documents.
    names: NameTrie,
    facts_by_relation: Vec<Vec<usize>>,
}

impl FactBase {
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<EntityId> {
        self.by_id.get(id).copied()
    }

    /// The relation with this name.
    pub fn relation(&self, name: &str) -> Option<usize> {
        self.relation_by_name.get(name).copied()
    }

    /// What a name (as written in a document) refers to; empty when unknown.
    pub fn resolve(&self, name: &str) -> &[Actor] {
        self.by_name
            .get(&name_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether a name (as written in a document) is some entity's family name.
    pub fn is_family_name(&self, name: &str) -> bool {
        !self.family.is_empty() && self.family.contains(&name_key(name))
    }

    /// The facts of a relation.
    pub fn facts_of(&self, relation: usize) -> impl Iterator<Item = &Fact> {
        self.facts_by_relation
            .get(relation)
            .into_iter()
            .flatten()
            .map(|&i| &self.facts[i])
    }

    /// The entity's display name with its first acronym alias, e.g. "Hayat Tahrir al-Sham (HTS)".
    pub fn display(&self, e: EntityId) -> String {
        let ent = &self.entities[e];
        let name = ent.preferred.as_deref().unwrap_or(&ent.name);
        match ent
            .aliases
            .iter()
            .find(|a| a.len() <= 6 && a.chars().all(|c| c.is_ascii_uppercase()))
        {
            Some(acr) => format!("{name} ({acr})"),
            None => name.to_string(),
        }
    }

    /// Whether place `inner` lies within `outer` (the same place counts),
    /// through a place's `country` and transitive relations such as
    /// `located-in`. A group or a person is not within its country (see
    /// [`FactBase::belongs_to`]).
    pub fn within(&self, inner: EntityId, outer: EntityId) -> bool {
        let mut seen = vec![inner];
        let mut i = 0;
        while i < seen.len() {
            let e = seen[i];
            if e == outer {
                return true;
            }
            let place = PLACES.contains(&self.entities[e].kind.as_str());
            if let Some(c) = self.entities[e].country.filter(|_| place) {
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
            for (r, rel) in self.relations.iter().enumerate() {
                if rel.transitive {
                    for f in self.facts_of(r) {
                        if f.subject == e {
                            if let Some(o) = f.object {
                                if !seen.contains(&o) {
                                    seen.push(o);
                                }
                            }
                        }
                    }
                }
            }
            i += 1;
        }
        false
    }

    /// Whether `e` lies within `country` or belongs to it (a government or
    /// a group of that country, or one of its places).
    pub fn belongs_to(&self, e: EntityId, country: EntityId) -> bool {
        self.within(e, country)
            || self.entities[e]
                .country
                .is_some_and(|c| self.within(c, country))
    }

    /// One line stating a fact: "Hayat Tahrir al-Sham (HTS) captured Damascus (2024-12-08)".
    pub fn describe(&self, f: &Fact) -> String {
        let rel = &self.relations[f.relation];
        let phrase = if f.until.is_some() {
            &rel.past
        } else {
            &rel.phrase
        };
        let mut s = format!("{} {}", self.display(f.subject), phrase);
        if let Some(o) = f.object {
            s.push(' ');
            s.push_str(&self.display(o));
        }
        match (&f.until, rel.event, f.from.is_always()) {
            (_, true, _) => s.push_str(&format!(" ({})", f.from)),
            (Some(u), false, true) => s.push_str(&format!(" (until {u})")),
            (Some(u), false, false) => s.push_str(&format!(" (from {} until {})", f.from, u)),
            (None, false, true) => {}
            (None, false, false) => s.push_str(&format!(" (since {})", f.from)),
        }
        s
    }

    /// Word lists generated from the base, for patterns: `@entity`, one per
    /// kind (`@person`, `@city`, `@armed-group`, …), `@demonym`, `@title`.
    pub fn lexicons(&self) -> Vec<(String, Vec<String>)> {
        let mut by_kind: HashMap<String, Vec<String>> = HashMap::new();
        let mut all = Vec::new();
        let mut demonyms = Vec::new();
        for e in &self.entities {
            let names: Vec<String> = std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .chain(e.family_names.iter().cloned())
                .chain(e.preferred.iter().cloned())
                .collect();
            by_kind
                .entry(e.kind.clone())
                .or_default()
                .extend(names.iter().cloned());
            all.extend(names);
            demonyms.extend(e.demonyms.iter().cloned());
        }
        // Titles, and their "then-" forms ("then-President"), one word with
        // the title's first in the tokenizer's eyes.
        let titles: Vec<String> = self
            .relations
            .iter()
            .flat_map(|r| r.titles.iter().cloned())
            .flat_map(|t| [format!("then-{t}"), t])
            .collect();
        for kind in build::KINDS {
            by_kind.entry(kind.to_string()).or_default();
        }
        let mut out: Vec<(String, Vec<String>)> = by_kind.into_iter().collect();
        out.push(("entity".into(), all));
        out.push(("demonym".into(), demonyms));
        out.push(("title".into(), titles));
        out.sort();
        out
    }
}
