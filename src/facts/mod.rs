//! The fact base: entities with their names, facts with their dates and
//! sources, and statements of completeness. Claims found in documents are
//! judged against it ([`crate::claims`]).

pub mod build;
mod claim;
pub mod spec;
pub mod time;

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::text::normalize::{base_len, normalize};
use crate::text::tokenize;
use crate::text::Prose;
use crate::vocab::{Vocab, WordIds};
pub use claim::Claim;
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
    /// House-style spelling, if any.
    pub preferred: Option<String>,
    /// Nationality adjectives (countries).
    pub demonyms: Vec<String>,
    /// The country it belongs to.
    pub country: Option<EntityId>,
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
}

/// A sourced, dated fact.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Who or what.
    pub subject: EntityId,
    /// Index into [`FactBase::relations`].
    pub relation: usize,
    /// To whom or what, if the relation has an object.
    pub object: Option<EntityId>,
    /// Holds from (or happened on).
    pub from: PartialDate,
    /// Holds until.
    pub until: Option<PartialDate>,
    /// URLs.
    pub sources: Arc<[String]>,
    /// Remarks.
    pub note: Option<String>,
}

/// The base lists every subject of a relation with an object over a period.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// Index into [`FactBase::relations`].
    pub relation: usize,
    /// The object whose subjects are all listed.
    pub object: EntityId,
    /// Start of the period.
    pub from: PartialDate,
    /// End of the period.
    pub until: Option<PartialDate>,
    /// URLs.
    pub sources: Arc<[String]>,
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
    by_id: FxHashMap<String, EntityId>,
    by_name: FxHashMap<String, Vec<Actor>>,
    relation_by_name: FxHashMap<String, usize>,
    /// Entity names as a trie over their words, for finding names in documents.
    names: NameTrie,
    facts_by_relation: Vec<Vec<usize>>,
}

/// The matching key of a name: its tokens in matching form, one space apart,
/// without a leading "the" or a trailing possessive.
pub fn name_key(name: &str) -> String {
    let mut parts: Vec<String> = tokenize::split(name)
        .into_iter()
        .filter(|(_, k)| !matches!(k, tokenize::TokenKind::Punct))
        .map(|(t, _)| normalize(t))
        .collect();
    if parts.len() > 1 && parts[0] == "the" {
        parts.remove(0);
    }
    if let Some(last) = parts.last_mut() {
        let b = base_len(last);
        last.truncate(b);
    }
    parts.join(" ")
}

/// A name of the fact base found in a document.
#[derive(Debug, Clone)]
pub struct NameMatch<'a> {
    /// Byte span in the source.
    pub span: std::ops::Range<usize>,
    /// Token indices.
    pub tokens: std::ops::Range<usize>,
    /// The name's matching key.
    pub key: &'a str,
    /// What it may refer to.
    pub actors: &'a [Actor],
}

/// Entity names as a trie over their words' ids.
#[derive(Debug, Default)]
pub(crate) struct NameTrie {
    /// The words of the names.
    pub(crate) vocab: Vocab,
    nodes: Vec<NameNode>,
    /// The node after a name's first word, by the word's id ([`NONE`] when
    /// no name starts with it): one array read for the most frequent step.
    root: Vec<u32>,
}

/// No node.
const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
struct NameNode {
    /// The words that continue a name here and the nodes they lead to,
    /// sorted by id (most nodes have one or two).
    next: Vec<(u32, u32)>,
    /// For a node that ends a name: its key and the entities it names.
    end: Option<(String, Vec<Actor>)>,
}

impl NameTrie {
    /// The node reached from node `at` (`None`: before the first word) by word `id`, or [`NONE`].
    fn child(&self, at: Option<u32>, id: u32) -> u32 {
        match at {
            None => self.root.get(id as usize).copied().unwrap_or(NONE),
            Some(n) => {
                let next = &self.nodes[n as usize].next;
                match next.binary_search_by_key(&id, |&(w, _)| w) {
                    Ok(k) => next[k].1,
                    Err(_) => NONE,
                }
            }
        }
    }

    /// The node reached from `at` by token `j`'s word, or by its base when
    /// it has one of its own (a possessive), or [`NONE`].
    fn step(&self, at: Option<u32>, ids: &WordIds, j: usize) -> u32 {
        let (n, b) = ids.forms(j);
        match self.child(at, n) {
            NONE if b != n => self.child(at, b),
            c => c,
        }
    }

    pub(crate) fn insert(&mut self, key: &str, actors: Vec<Actor>) {
        let mut at = None;
        for w in key.split(' ') {
            // The name finder starts at the first words only.
            let id = match at {
                None => self.vocab.intern_listed(w),
                Some(_) => self.vocab.intern(w),
            };
            let mut n = self.child(at, id);
            if n == NONE {
                n = self.nodes.len() as u32;
                self.nodes.push(NameNode::default());
                match at {
                    None => {
                        if self.root.len() <= id as usize {
                            self.root.resize(id as usize + 1, NONE);
                        }
                        self.root[id as usize] = n;
                    }
                    Some(p) => {
                        let next = &mut self.nodes[p as usize].next;
                        let k = next.partition_point(|&(w, _)| w < id);
                        next.insert(k, (id, n));
                    }
                }
            }
            at = Some(n);
        }
        if let Some(n) = at {
            self.nodes[n as usize].end = Some((key.to_string(), actors));
        }
    }
}

impl FactBase {
    /// The words of the entities' names: a vocabulary that the word ids given
    /// to [`FactBase::find_names`] must extend.
    pub fn vocab(&self) -> &Vocab {
        &self.names.vocab
    }

    /// The names of entities (not demonyms) among the tokens of `doc`, longest first at each
    /// position, left to right, not overlapping, within sentences. `ids` are
    /// the tokens' ids in [`FactBase::vocab`] or a vocabulary that extends it.
    pub fn find_names<'a>(&'a self, doc: Prose, ids: &WordIds) -> Vec<NameMatch<'a>> {
        use crate::text::TokenKind;
        let mut out = Vec::new();
        if self.names.nodes.is_empty() {
            return out;
        }
        // Names are a small share of the words.
        out.reserve(doc.tokens.len() / 16);
        // A name starts at a token with an id; the next match may start after the last.
        let mut next = 0;
        for &i in &ids.known {
            let i = i as usize;
            if i < next {
                continue;
            }
            // Most words with an id start no name (they are rule words, or
            // inner words of names): ruled out by one array read by id,
            // before the token itself is read.
            let mut n = self.names.step(None, ids, i);
            if n == NONE {
                continue;
            }
            // Walk the trie from token i, word by word, within its sentence.
            let sentence = doc.tokens[i].sentence;
            let mut found: Option<(usize, &(String, Vec<Actor>))> = None;
            let mut j = i;
            loop {
                let t = &doc.tokens[j];
                if t.sentence != sentence || !matches!(t.kind, TokenKind::Word | TokenKind::Number)
                {
                    break;
                }
                if let Some(e) = &self.names.nodes[n as usize].end {
                    found = Some((j, e));
                }
                j += 1;
                if j >= doc.tokens.len() {
                    break;
                }
                n = self.names.step(Some(n), ids, j);
                if n == NONE {
                    break;
                }
            }
            if let Some((j, (key, actors))) = found {
                out.push(NameMatch {
                    span: doc.tokens[i].start()..doc.tokens[j].end(),
                    tokens: i..j + 1,
                    key,
                    actors,
                });
                next = j + 1;
            }
        }
        out
    }

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
    /// through `country` links and transitive relations such as `located-in`.
    pub fn within(&self, inner: EntityId, outer: EntityId) -> bool {
        let mut seen = vec![inner];
        let mut i = 0;
        while i < seen.len() {
            let e = seen[i];
            if e == outer {
                return true;
            }
            if let Some(c) = self.entities[e].country {
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
        match (&f.until, rel.event) {
            (_, true) => s.push_str(&format!(" ({})", f.from)),
            (Some(u), false) => s.push_str(&format!(" (from {} until {})", f.from, u)),
            (None, false) => s.push_str(&format!(" (since {})", f.from)),
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
                .chain(e.preferred.iter().cloned())
                .collect();
            by_kind
                .entry(e.kind.clone())
                .or_default()
                .extend(names.iter().cloned());
            all.extend(names);
            demonyms.extend(e.demonyms.iter().cloned());
        }
        let titles: Vec<String> = self
            .relations
            .iter()
            .flat_map(|r| r.titles.iter().cloned())
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
