//! The shape of rule files, as serde reads them.
//!
//! A rule file is either a list of rules, or a mapping with `rules`,
//! `lexicons` (named word lists), `patterns` (named sub-patterns) and the
//! fact base's `relations`, `entities`, `facts` and `coverage`.
//! Unknown keys are errors.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::finding::Severity;

/// One string or a list of strings.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single string.
    One(String),
    /// A list of strings.
    Many(Vec<String>),
}

impl Default for OneOrMany {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl OneOrMany {
    /// The strings, in order.
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

/// A rule's own examples: text it must flag and text it must pass.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Each must produce at least one finding of the rule (at the span,
    /// and with the suggestion, that the example states).
    #[serde(default)]
    pub flag: Vec<Example>,
    /// Each must produce no finding of the rule.
    #[serde(default)]
    pub pass: Vec<Example>,
}

/// An example text: a string, or a mapping that also gives the article's
/// date and, for text to flag, what the finding covers and suggests
/// (`{text: …, date: 2025-06-01, span: …, suggest: …}`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Example {
    /// The text.
    pub text: String,
    /// The article's date, which decides which facts hold.
    pub date: Option<jiff::civil::Date>,
    /// The source text a finding must cover exactly.
    pub span: Option<String>,
    /// The suggestion that finding must make (empty: delete the span).
    pub suggest: Option<String>,
}

/// The mapping form of an [`Example`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleSpec {
    text: String,
    #[serde(default)]
    date: Option<crate::facts::PartialDate>,
    #[serde(default)]
    span: Option<String>,
    #[serde(default)]
    suggest: Option<String>,
}

impl<'de> Deserialize<'de> for Example {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Example;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a mapping with `text`, `date`, `span` and `suggest`")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Example, E> {
                Ok(Example {
                    text: v.to_string(),
                    ..Example::default()
                })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Example, A::Error> {
                let s =
                    ExampleSpec::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Example {
                    text: s.text,
                    date: s.date.map(|d| d.start),
                    span: s.span,
                    suggest: s.suggest,
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// One rule as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique id, e.g. `hygiene.page-residue`.
    pub id: String,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// What is wrong; may use `{capture}`.
    pub message: String,
    /// The pattern, or a list of patterns (any may match).
    pub pattern: OneOrMany,
    /// Patterns whose match over the same text cancels a finding.
    #[serde(default)]
    pub unless: OneOrMany,
    /// Replacement text for the marked span; may use `{capture}`.
    #[serde(default)]
    pub suggest: Option<String>,
    /// Why this is wrong, or what to do; may use `{capture}`.
    #[serde(default)]
    pub help: Option<String>,
    /// URLs behind the rule's facts.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Text the rule must flag and text it must pass.
    #[serde(default)]
    pub examples: Examples,
    /// Makes this a claim rule: the captures are checked against the fact base.
    #[serde(default)]
    pub claim: Option<ClaimSpec>,
    /// Severity and message when the fact base rules a claim unsupported
    /// (without it, unsupported claims are not reported).
    #[serde(default)]
    pub unsupported: Option<OutcomeSpec>,
}

/// Which captures of a claim rule make up the claim.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    /// Capture holding the subject (a name or a nationality adjective).
    pub subject: String,
    /// The relation claimed (defined in the fact base); not with `title`.
    #[serde(default)]
    pub relation: Option<String>,
    /// Capture holding the object.
    #[serde(default)]
    pub object: Option<String>,
    /// The claim says when a state began ("joined NATO in {when}", "has
    /// ruled since {when}"): judged against the state's start.
    #[serde(default)]
    pub start: bool,
    /// Capture holding a year or date the claim names.
    #[serde(default)]
    pub when: Option<String>,
    /// Capture holding a title word before the subject ("President"); not with `relation`.
    #[serde(default)]
    pub title: Option<String>,
    /// Capture holding a kind of thing ("air base") the subject is said to be.
    #[serde(default)]
    pub kind: Option<String>,
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
    /// The sentence denies the relation: wrong where it holds.
    #[serde(default)]
    pub denied: bool,
    /// Judged only at the time of one of the subject's own events of the relation.
    #[serde(default)]
    pub during: bool,
    /// The object is the subject's only one of its kind in its country.
    #[serde(default)]
    pub only_object: bool,
    /// The subject's state began with the object's first (a founding member).
    #[serde(default)]
    pub founding: bool,
    /// The relation is whichever `heads` relation the subject has.
    #[serde(default)]
    pub heads: bool,
    /// How a frame's claim is judged (set for rules made of frames).
    #[serde(skip)]
    pub how: Option<crate::claims::How>,
}

impl ClaimSpec {
    /// How the claim is judged besides its relation (the flags above).
    pub fn how(&self) -> crate::claims::How {
        self.how.unwrap_or(crate::claims::How {
            start: self.start,
            alive: self.alive,
            holds: self.holds,
            only: self.only,
            latest: self.latest,
            needs_time: self.needs_time,
            past: self.past,
            possessive: self.possessive,
            denied: self.denied,
            during: self.during,
            only_object: self.only_object,
            founding: self.founding,
            heads: self.heads,
        })
    }
}

/// A frame: one way reporters state a relation, with `{subject}`,
/// `{object}`, `{when}`, `{title}` and `{kind}` standing for the claim's
/// parts. A claim rule is made of it for every entity of the kinds given.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameSpec {
    /// The id of the rule made of it.
    pub id: String,
    /// Severity of its findings.
    #[serde(default = "error")]
    pub severity: Severity,
    /// Word lists for `{subject}`: entity kinds (`person`), `demonym`, or any list.
    #[serde(default)]
    pub subject: Vec<String>,
    /// Word lists for `{object}`.
    #[serde(default)]
    pub object: Vec<String>,
    /// What is wrong; may use the captures (`subject`, `object`, `when`, `title`, `kind`) and the claim variables.
    pub message: String,
    /// Help.
    #[serde(default)]
    pub help: Option<String>,
    /// The patterns.
    pub pattern: OneOrMany,
    /// Patterns whose match cancels a finding.
    #[serde(default)]
    pub unless: OneOrMany,
    /// How the claim is judged, besides the relation (`start`, `alive`, …).
    #[serde(default)]
    pub claim: crate::claims::How,
    /// How to report a claim the base rules out through coverage.
    #[serde(default)]
    pub unsupported: Option<OutcomeSpec>,
    /// The frame's own examples.
    #[serde(default)]
    pub examples: Examples,
}

fn error() -> Severity {
    Severity::Error
}

/// A severity and message for one outcome of a claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSpec {
    /// Severity of the finding.
    pub severity: Severity,
    /// Message template.
    pub message: String,
}

/// A rule file in mapping form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackSpec {
    /// Named word lists, used as `@name`.
    #[serde(default)]
    pub lexicons: BTreeMap<String, Vec<String>>,
    /// Named sub-patterns, used as `@name`.
    #[serde(default)]
    pub patterns: BTreeMap<String, String>,
    /// Rules.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// Fact-base relations by name.
    #[serde(default)]
    pub relations: BTreeMap<String, crate::facts::spec::RelationSpec>,
    /// Fact-base entities.
    #[serde(default)]
    pub entities: Vec<crate::facts::spec::EntitySpec>,
    /// Facts.
    #[serde(default)]
    pub facts: Vec<crate::facts::spec::FactSpec>,
    /// Completeness statements.
    #[serde(default)]
    pub coverage: Vec<crate::facts::spec::CoverageSpec>,
    /// The policy the fact base's sources are held to.
    #[serde(default)]
    pub source_policy: Option<crate::facts::sources::PolicySpec>,
    /// How reporters state each relation: frames by relation name.
    #[serde(default)]
    pub frames: BTreeMap<String, Vec<FrameSpec>>,
}
