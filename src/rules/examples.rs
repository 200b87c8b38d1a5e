//! Running each rule's own examples: `flag` text must be flagged, `pass` text must not.

use std::sync::Arc;

use super::{Rule, Rulebook};
use crate::document::Document;
use crate::engine;

/// Whether an example was meant to be flagged or passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The rule must report it.
    Flag,
    /// The rule must not report it.
    Pass,
}

/// An example whose outcome was not the expected one.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    /// The rule.
    pub rule: Arc<str>,
    /// What was expected.
    pub expect: Expect,
    /// The example text.
    pub text: String,
    /// The spans the rule reported (for `pass` failures).
    pub found: Vec<String>,
}

/// The outcome of running examples.
#[derive(Debug, Default)]
pub struct ExampleReport {
    /// Rules whose examples ran.
    pub rules: usize,
    /// Examples run.
    pub examples: usize,
    /// Rules that have no `flag` example.
    pub without_examples: Vec<Arc<str>>,
    /// Failed examples.
    pub failures: Vec<ExampleFailure>,
}

/// Runs the examples of every rule for which `select` is true.
pub fn run(book: &Rulebook, select: impl Fn(&Rule) -> bool) -> ExampleReport {
    let mut report = ExampleReport::default();
    for (idx, rule) in book.rules.iter().enumerate() {
        if !select(rule) {
            continue;
        }
        report.rules += 1;
        if rule.examples.flag.is_empty() {
            report.without_examples.push(rule.id.clone());
        }
        let cases = rule
            .examples
            .flag
            .iter()
            .map(|t| (Expect::Flag, t))
            .chain(rule.examples.pass.iter().map(|t| (Expect::Pass, t)));
        for (expect, text) in cases {
            report.examples += 1;
            let doc = Document::from_text(text);
            let found = engine::check_rules(book, &doc, &[idx]);
            let ok = match expect {
                Expect::Flag => !found.is_empty(),
                Expect::Pass => found.is_empty(),
            };
            if !ok {
                report.failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    expect,
                    text: text.clone(),
                    found: found
                        .iter()
                        .map(|f| doc.slice(f.span.clone()).to_string())
                        .collect(),
                });
            }
        }
    }
    report
}
