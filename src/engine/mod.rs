//! The engine: one value, built once from a rulebook and a run's settings,
//! that checks a text, a document or a whole corpus and returns findings.
//! The command line, the language server and the HTTP service all call it;
//! it knows nothing of any of them, nor of output formats.
//!
//! ```
//! use std::sync::Arc;
//! use factlint::engine::{Engine, Settings};
//! use factlint::{Format, Rulebook};
//!
//! let book = Arc::new(Rulebook::builtin().expect("the built-in rules load"));
//! let engine = Engine::new(book, Settings::default());
//! let findings = engine.check("a.md", "Russian rebels captured Damascus.", Format::Markdown, None);
//! assert_eq!(&*findings[0].rule, "claim.captured-by-nationality");
//! ```
//!
//! For one document: the rules run first (`matching.rs`), collecting the
//! claims their matches make; then every enabled check, on the document and
//! its claims; then suppression comments and the settings' severities.
//! A corpus ([`Engine::check_corpus`]) runs its files in parallel, then the
//! checks over the whole run, in one deterministic order.

mod corpus;
pub mod examples;
mod matching;
mod settings;

use std::sync::Arc;

use jiff::civil::Date;

use crate::checks::{self, Builtin, Check, CheckInfo, Context, CorpusCheck, Setup};
use crate::claims;
use crate::document::{Document, Format};
use crate::facts::Claim;
use crate::finding::{Descriptor, Finding};
use crate::rules::Rulebook;
use crate::suppress;
use crate::vocab::{Extension, Vocab, WordIds};
pub use corpus::Corpus;
pub use settings::Settings;

/// Everything the engine found in one document.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Findings, sorted by position.
    pub findings: Vec<Finding>,
    /// Claims found by claim rules, in order.
    pub claims: Vec<Claim>,
}

/// A rulebook with a run's settings, ready to check texts.
pub struct Engine {
    book: Arc<Rulebook>,
    settings: Settings,
    /// The rulebook's vocabulary with the checks' words added, when one was
    /// new to it (else the rulebook's serves): documents' word ids are found in it.
    own_vocab: Option<Vocab>,
    /// The enabled document checks.
    checks: Vec<Box<dyn Check>>,
    /// The enabled checks over a whole run.
    corpus_checks: Vec<Box<dyn CorpusCheck>>,
    /// For each rule (by index), whether the settings turn it off.
    rule_off: Vec<bool>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("rules", &self.book.rules.len())
            .field("checks", &self.checks)
            .field("settings", &self.settings)
            .finish()
    }
}

/// What every built-in check is: the document checks, the checks over a
/// run, and the report of unused suppressions.
pub fn builtin_checks() -> Vec<&'static CheckInfo> {
    checks::BUILTIN
        .iter()
        .chain(checks::ALWAYS)
        .chain(claims::BUILTIN)
        .map(|b| b.info)
        .chain(claims::CORPUS.iter().map(|b| b.info))
        .chain(std::iter::once(&suppress::INFO))
        .collect()
}

/// The built-in document checks that the settings let run, in order.
fn registry(settings: &Settings) -> impl Iterator<Item = &'static Builtin> {
    let hygiene: &[Builtin] = if settings.builtin_checks {
        checks::BUILTIN
    } else {
        &[]
    };
    hygiene.iter().chain(checks::ALWAYS).chain(claims::BUILTIN)
}

impl Engine {
    /// The engine for `book` with `settings`: builds the enabled checks.
    pub fn new(book: Arc<Rulebook>, settings: Settings) -> Engine {
        let mut vocab = Extension::new(&book.vocab);
        let mut setup = Setup::new(&book.lexicons, &book.facts, &mut vocab);
        let checks: Vec<Box<dyn Check>> = registry(&settings)
            .filter(|b| settings.enabled(b.info.id))
            .map(|b| (b.build)(&mut setup))
            .collect();
        let corpus_checks: Vec<Box<dyn CorpusCheck>> = claims::CORPUS
            .iter()
            .filter(|b| settings.enabled(b.info.id))
            .map(|b| (b.build)(&mut setup))
            .collect();
        let own_vocab = vocab.finish();
        let rule_off = book
            .rules
            .iter()
            .map(|r| !settings.enabled(&r.id))
            .collect();
        Engine {
            book,
            settings,
            own_vocab,
            checks,
            corpus_checks,
            rule_off,
        }
    }

    /// The vocabulary documents' word ids are found in.
    pub(crate) fn vocab(&self) -> &Vocab {
        self.own_vocab.as_ref().unwrap_or(&self.book.vocab)
    }

    /// The rulebook.
    pub fn rulebook(&self) -> &Rulebook {
        &self.book
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether `id` names a rule or a check of this engine (on or off).
    pub fn knows(&self, id: &str) -> bool {
        self.book.rule(id).is_some() || self.check_info(id).is_some()
    }

    /// What the built-in check `id` is, if this engine has it (on or off).
    pub fn check_info(&self, id: &str) -> Option<&'static CheckInfo> {
        registry(&self.settings)
            .map(|b| b.info)
            .chain(claims::CORPUS.iter().map(|b| b.info))
            .chain(std::iter::once(&suppress::INFO))
            .find(|i| i.id == id)
    }

    /// Checks one text: `date` is the date claims are judged at when the
    /// text's front matter gives none (then the settings' date, then today).
    pub fn check(
        &self,
        path: &str,
        text: impl Into<String>,
        format: Format,
        date: Option<Date>,
    ) -> Vec<Finding> {
        let mut doc = Document::parse(path, text, format);
        if doc.date.is_none() {
            doc.date = date.or(self.settings.as_of);
        }
        self.analyze(&doc).findings
    }

    /// Checks a parsed document, and returns the claims found too.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let ids = self.word_ids(doc);
        let mut a = self.analyze_with(doc, &ids);
        sort(&mut a.findings);
        a
    }

    /// The word ids of `doc`'s tokens in this engine's vocabulary, which
    /// the rules' programs compare ([`crate::pattern::Program::find_iter`]).
    pub fn word_ids(&self, doc: &Document) -> WordIds {
        self.vocab().index(doc.prose())
    }

    /// [`Engine::analyze`] with the word ids of `doc`'s tokens already
    /// found; the findings are not sorted.
    fn analyze_with(&self, doc: &Document, ids: &WordIds) -> Analysis {
        let mut claims = Vec::new();
        let mut findings = matching::run(
            &self.book,
            doc,
            ids,
            |r| !self.rule_off[r as usize],
            &mut claims,
        );
        let cx = Context {
            doc,
            ids,
            claims: &claims,
        };
        for c in &self.checks {
            c.check(&cx, &mut findings);
        }
        suppress::apply(doc, &mut findings);
        self.apply_levels(&mut findings);
        Analysis { findings, claims }
    }

    /// Applies severity overrides and drops findings of rules and checks that are off.
    fn apply_levels(&self, findings: &mut Vec<Finding>) {
        findings.retain(|f| self.settings.enabled(&f.rule));
        for f in findings.iter_mut() {
            f.severity = self.settings.severity_of(&f.rule, f.severity);
        }
    }

    /// Whether any of `findings` fails the run (see [`Settings::fail_on`]).
    pub fn fails<'a>(&self, mut findings: impl Iterator<Item = &'a Finding>) -> bool {
        findings.any(|f| self.settings.fails(f.severity))
    }

    /// What each rule and built-in hygiene check is, for reporters.
    pub fn descriptors(&self) -> Vec<Descriptor> {
        let mut out: Vec<Descriptor> = self
            .book
            .rules
            .iter()
            .map(|r| {
                let summary = r.message.render(|_| Some("…"));
                let help = r
                    .help
                    .as_ref()
                    .map(|h| h.render(|_| Some("…")))
                    .unwrap_or_else(|| summary.clone());
                Descriptor {
                    id: r.id.to_string(),
                    summary,
                    help,
                    uri: r.sources.first().cloned(),
                    severity: r.severity,
                }
            })
            .collect();
        if self.settings.builtin_checks {
            out.extend(checks::BUILTIN.iter().map(|b| Descriptor {
                id: b.info.id.to_string(),
                summary: b.info.summary.to_string(),
                help: b.info.summary.to_string(),
                uri: None,
                severity: b.info.severity,
            }));
        }
        out
    }
}

/// Sorts findings by position (then rule), keeping the order of equals.
fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
}
