//! Rules: loading YAML rule files into a compiled [`Rulebook`].

pub mod builtin;
pub mod examples;
mod load;
pub mod spec;
pub mod template;

use std::sync::Arc;

use crate::engine::prefilter::Prefilter;
use crate::finding::Severity;
use crate::pattern::Program;
pub use load::RuleSource;
pub use spec::Examples;
pub use template::Template;

/// Where a rule was defined.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The rule file's name (a path, or `rules/…` for built-in rules).
    pub file: String,
    /// The 1-based line of the rule's `id`.
    pub line: usize,
    /// Whether it is one of the built-in rules.
    pub builtin: bool,
}

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Unique id.
    pub id: Arc<str>,
    /// Severity of its findings.
    pub severity: Severity,
    /// The message template.
    pub message: Template,
    /// The replacement template for the marked span.
    pub suggest: Option<Template>,
    /// The help template.
    pub help: Option<Template>,
    /// URLs behind the rule.
    pub sources: Arc<[String]>,
    /// The rule's own examples.
    pub examples: Examples,
    /// The patterns as written.
    pub patterns: Vec<String>,
    /// The `unless` patterns as written.
    pub unless_patterns: Vec<String>,
    /// The compiled pattern (all alternatives).
    pub program: Program,
    /// The compiled `unless` patterns.
    pub unless: Vec<Program>,
    /// Where it was defined.
    pub origin: Origin,
    /// For claim rules: which captures make up the claim.
    pub claim: Option<ClaimRule>,
    /// For claim rules: how to report an unsupported claim.
    pub unsupported: Option<Outcome>,
}

/// The parts of a claim rule: capture indices and the relation.
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
}

/// A severity and message for one outcome of a claim.
#[derive(Debug)]
pub struct Outcome {
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub message: Template,
}

/// Variables that claim rules' messages, suggestions and help may use.
pub const CLAIM_VARS: &[&str] = &[
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

/// All loaded rules, word lists and the prefilter that picks candidate rules.
#[derive(Debug)]
pub struct Rulebook {
    /// The rules, in load order.
    pub rules: Vec<Rule>,
    /// Names of the word lists and named patterns, for listings.
    pub names: Vec<String>,
    /// The fact base.
    pub facts: crate::facts::FactBase,
    /// Every word list by name (from files and from the fact base), for checks that use them.
    pub lexicons: std::collections::HashMap<String, Vec<String>>,
    /// The built-in checks.
    pub checks: Vec<Box<dyn crate::checks::Check>>,
    /// For each check, the ids of the words it looks for by id.
    pub(crate) check_words: Vec<crate::vocab::IdSet>,
    pub(crate) lexicon_keys: rustc_hash::FxHashMap<String, rustc_hash::FxHashSet<String>>,
    pub(crate) lexicon_longest: rustc_hash::FxHashMap<String, usize>,
    pub(crate) lexicon_firsts: rustc_hash::FxHashMap<String, rustc_hash::FxHashSet<String>>,
    /// Severity overrides by rule or check id; `None` turns it off.
    pub levels: std::collections::HashMap<String, Option<Severity>>,
    /// For each rule (by index), whether it is turned off (kept in step with `levels`).
    pub(crate) rule_off: Vec<bool>,
    pub(crate) prefilter: Prefilter,
    /// Every word the prefilter and the fact base's names need, with its id.
    pub(crate) vocab: crate::vocab::Vocab,
}

/// The set under `name` in `map`, or an empty one.
fn set_or_empty<'a>(
    map: &'a rustc_hash::FxHashMap<String, rustc_hash::FxHashSet<String>>,
    name: &str,
) -> &'a rustc_hash::FxHashSet<String> {
    static EMPTY: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    map.get(name)
        .unwrap_or_else(|| EMPTY.get_or_init(Default::default))
}

impl Rulebook {
    /// Loads and compiles rules from `sources` (built-in and user files).
    /// A user rule, lexicon or pattern with the same name as a built-in one replaces it.
    pub fn load(sources: Vec<RuleSource>) -> Result<Rulebook, Vec<crate::error::ConfigError>> {
        load::load(sources)
    }

    /// The built-in rules alone.
    pub fn builtin() -> Result<Rulebook, Vec<crate::error::ConfigError>> {
        load::load(builtin::sources())
    }

    /// The word ids of `doc`'s tokens in this rulebook's vocabulary.
    pub fn word_ids(&self, doc: &crate::document::Document) -> crate::vocab::WordIds {
        self.vocab.index(doc.prose())
    }

    /// The word ids of a document's tokens in this rulebook's vocabulary,
    /// found while it is parsed ([`crate::document::Document::parse_with_forms`]),
    /// in the memory of `ids`.
    pub fn indexer(&self, ids: crate::vocab::WordIds) -> crate::vocab::Indexer<'_> {
        self.vocab.indexer(ids)
    }

    /// The ids of the words check `id` looks for by id
    /// ([`crate::checks::Check::words`]), in the vocabulary of
    /// [`Rulebook::word_ids`]; empty for an unknown check.
    pub fn check_words(&self, id: &str) -> &crate::vocab::IdSet {
        static EMPTY: crate::vocab::IdSet = crate::vocab::IdSet::EMPTY;
        self.checks
            .iter()
            .position(|c| c.id() == id)
            .and_then(|k| self.check_words.get(k))
            .unwrap_or(&EMPTY)
    }

    /// The entries of word list `name` as keys: their words' matching forms,
    /// one space apart, punctuation dropped (as [`crate::checks::words_of`] gives them).
    pub fn lexicon_keys(&self, name: &str) -> &rustc_hash::FxHashSet<String> {
        set_or_empty(&self.lexicon_keys, name)
    }

    /// How many words the longest entry of word list `name` has (0 when there is none).
    pub fn lexicon_longest(&self, name: &str) -> usize {
        self.lexicon_longest.get(name).copied().unwrap_or(0)
    }

    /// The first words of the keys of word list `name` (see
    /// [`Rulebook::lexicon_keys`]): a text whose first word is not among
    /// them is no entry of the list.
    pub fn lexicon_firsts(&self, name: &str) -> &rustc_hash::FxHashSet<String> {
        set_or_empty(&self.lexicon_firsts, name)
    }

    /// The entries of word list `name` (empty when there is none).
    pub fn lexicon(&self, name: &str) -> &[String] {
        self.lexicons.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Sets the severity of a rule or check, or turns it off (`None`).
    /// Fails for an id that is neither a rule nor a check.
    pub fn set_level(&mut self, id: &str, level: Option<Severity>) -> Result<(), String> {
        let known = self.rule(id).is_some()
            || self.checks.iter().any(|c| c.id() == id)
            || [
                crate::engine::FRONT_MATTER_RULE,
                crate::checks::values::ID,
                crate::checks::values::CROSS_ID,
                crate::suppress::UNUSED,
            ]
            .contains(&id);
        if !known {
            return Err(format!(
                "no rule or check `{id}`; `factlint rules` lists them"
            ));
        }
        self.levels.insert(id.to_string(), level);
        if let Some(i) = self.rules.iter().position(|r| &*r.id == id) {
            self.rule_off[i] = level.is_none();
        }
        Ok(())
    }

    /// Whether a rule or check is on.
    pub fn enabled(&self, id: &str) -> bool {
        !matches!(self.levels.get(id), Some(None))
    }

    /// The severity a rule or check reports at, after overrides.
    pub fn severity_of(&self, id: &str, default: Severity) -> Severity {
        match self.levels.get(id) {
            Some(Some(s)) => *s,
            _ => default,
        }
    }

    /// The prefilter's anchor words, sorted: a document must contain one for
    /// some prefiltered rule to run on it.
    pub fn anchor_words(&self) -> Vec<String> {
        let mut w: Vec<String> = self
            .rules
            .iter()
            .filter_map(|r| r.program.required.first())
            .flatten()
            .cloned()
            .collect();
        w.sort();
        w.dedup();
        w
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }
}
