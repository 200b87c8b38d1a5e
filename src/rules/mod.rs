//! Rules: loading YAML rule files into a compiled [`Rulebook`]: reading
//! them with located errors (`load.rs`, `locate.rs`), the shared names of
//! word lists and sub-patterns (`names.rs`), compiling each rule
//! (`compile.rs`) and the prefilter over all of them ([`prefilter`]).

pub mod builtin;
mod compile;
mod frames;
mod load;
mod locate;
mod names;
pub mod prefilter;
pub mod spec;
pub mod template;

use std::collections::HashMap;
use std::sync::Arc;

use crate::claims::ClaimRule;
use crate::error::ConfigError;
use crate::facts::FactBase;
use crate::finding::Severity;
use crate::pattern::Program;
use crate::vocab::Vocab;
use prefilter::Prefilter;
pub use spec::Examples;
pub use template::Template;

/// A rule file to load: its name (for messages), its text, and whether it is built in.
#[derive(Debug, Clone)]
pub struct RuleSource {
    /// Path or built-in name, shown in errors.
    pub name: String,
    /// The YAML text.
    pub text: Arc<str>,
    /// Built-in files can be overridden by user files.
    pub builtin: bool,
}

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

/// A severity and message for one outcome of a claim.
#[derive(Debug)]
pub struct Outcome {
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub message: Template,
}

/// The rulebook: compiled rules and their prefilter, word lists, the fact
/// base, and the vocabulary their words have ids in. It is data, built once
/// from rule files and shared: which rules and checks run, and at which
/// severity, are an engine's settings.
#[derive(Debug)]
pub struct Rulebook {
    /// The rules, in load order.
    pub rules: Vec<Rule>,
    /// Names of the word lists and named patterns, for listings.
    pub names: Vec<String>,
    /// The fact base.
    pub facts: Arc<FactBase>,
    /// Every word list by name (from files and from the fact base).
    pub lexicons: HashMap<String, Vec<String>>,
    /// Which rules may match in which sentences.
    pub(crate) prefilter: Prefilter,
    /// Every word the prefilter, the programs and the fact base's names
    /// need, with its id.
    pub(crate) vocab: Vocab,
}

impl Rulebook {
    /// Loads and compiles rules from `sources` (built-in and user files).
    /// A user rule, lexicon or pattern with the same name as a built-in one replaces it.
    pub fn load(sources: Vec<RuleSource>) -> Result<Rulebook, Vec<ConfigError>> {
        load::load(sources)
    }

    /// The built-in rules alone.
    pub fn builtin() -> Result<Rulebook, Vec<ConfigError>> {
        load::load(builtin::sources())
    }

    /// The entries of word list `name` (empty when there is none).
    pub fn lexicon(&self, name: &str) -> &[String] {
        self.lexicons.get(name).map(Vec::as_slice).unwrap_or(&[])
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
