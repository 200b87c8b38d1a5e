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
}

/// All loaded rules, word lists and the prefilter that picks candidate rules.
#[derive(Debug)]
pub struct Rulebook {
    /// The rules, in load order.
    pub rules: Vec<Rule>,
    /// Names of the word lists and named patterns, for listings.
    pub names: Vec<String>,
    pub(crate) prefilter: Prefilter,
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

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }
}
