//! Running each rule's and check's own examples: `flag` text must be
//! flagged, `pass` text must not.

use std::sync::Arc;

use super::{matching, sort, Engine};
use crate::document::{Document, Format};
use crate::rules::Rule;

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
    /// The text of each finding the rule or check reported.
    pub found: Vec<String>,
    /// The suggestion of each finding reported.
    pub suggested: Vec<Option<String>>,
    /// The span a `flag` example required.
    pub span: Option<String>,
    /// The suggestion a `flag` example required.
    pub suggest: Option<String>,
}

/// The outcome of running examples.
#[derive(Debug, Default)]
pub struct ExampleReport {
    /// Rules whose examples ran.
    pub rules: usize,
    /// Checks whose examples ran.
    pub checks: usize,
    /// Examples run.
    pub examples: usize,
    /// Rules that have no `flag` example.
    pub without_examples: Vec<Arc<str>>,
    /// Failed examples.
    pub failures: Vec<ExampleFailure>,
}

/// Runs the examples of every rule of `engine` for which `select` is
/// true, each rule alone on its examples (read as plain text).
pub fn run(engine: &Engine, select: impl Fn(&Rule) -> bool) -> ExampleReport {
    let book = engine.rulebook();
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
            .map(|e| (Expect::Flag, e))
            .chain(rule.examples.pass.iter().map(|e| (Expect::Pass, e)));
        for (expect, example) in cases {
            report.examples += 1;
            let text = &example.text;
            let wanted = (expect == Expect::Flag).then_some(example);
            let mut doc = Document::from_text(text);
            doc.date = example.date;
            let ids = engine.word_ids(&doc);
            let mut found = matching::run(book, &doc, &ids, |r| r as usize == idx, &mut Vec::new());
            sort(&mut found);
            let ok = match (expect, wanted) {
                (Expect::Flag, Some(w)) => found.iter().any(|f| {
                    w.span.as_ref().is_none_or(|s| *s == f.text)
                        && w.suggest
                            .as_ref()
                            .is_none_or(|s| Some(s) == f.suggestion.as_ref())
                }),
                (Expect::Flag, None) => !found.is_empty(),
                (Expect::Pass, _) => found.is_empty(),
            };
            if !ok {
                report.failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    expect,
                    text: text.clone(),
                    found: found.iter().map(|f| f.text.clone()).collect(),
                    suggested: found.iter().map(|f| f.suggestion.clone()).collect(),
                    span: wanted.and_then(|w| w.span.clone()),
                    suggest: wanted.and_then(|w| w.suggest.clone()),
                });
            }
        }
    }
    report
}

/// Runs the examples of every enabled built-in check of `engine` (and of
/// the report of unused suppressions), each read as a Markdown document
/// and checked by the whole engine: only the check's own findings count.
pub fn run_checks(engine: &Engine) -> ExampleReport {
    let mut report = ExampleReport::default();
    let infos = engine.checks.iter().map(|c| c.info());
    for info in infos.chain(std::iter::once(&crate::suppress::INFO)) {
        report.checks += 1;
        if info.flag.is_empty() {
            report.without_examples.push(Arc::from(info.id));
        }
        let cases = info
            .flag
            .iter()
            .map(|t| (Expect::Flag, t))
            .chain(info.pass.iter().map(|t| (Expect::Pass, t)));
        for (expect, text) in cases {
            report.examples += 1;
            let doc = Document::parse("example.md", *text, Format::Markdown);
            let found: Vec<String> = engine
                .analyze(&doc)
                .findings
                .iter()
                .filter(|f| &*f.rule == info.id)
                .map(|f| f.text.clone())
                .collect();
            let ok = match expect {
                Expect::Flag => !found.is_empty(),
                Expect::Pass => found.is_empty(),
            };
            if !ok {
                report.failures.push(ExampleFailure {
                    rule: Arc::from(info.id),
                    expect,
                    text: text.to_string(),
                    found,
                    suggested: Vec::new(),
                    span: None,
                    suggest: None,
                });
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::Settings;
    use crate::rules::Rulebook;

    fn engine() -> Engine {
        let book = Rulebook::builtin().unwrap_or_else(|e| {
            panic!(
                "built-in rules load: {:?}",
                e.iter().map(|e| &e.message).collect::<Vec<_>>()
            )
        });
        Engine::new(Arc::new(book), Settings::default())
    }

    #[test]
    fn every_rule_and_check_passes_its_own_examples() {
        let engine = engine();
        let rules = run(&engine, |_| true);
        assert!(rules.failures.is_empty(), "{:#?}", rules.failures);
        assert!(rules.examples > 30, "{} rule examples", rules.examples);
        let checks = run_checks(&engine);
        assert!(checks.failures.is_empty(), "{:#?}", checks.failures);
        // Every built-in check has examples of both kinds.
        assert!(
            checks.without_examples.is_empty(),
            "{:?}",
            checks.without_examples
        );
        assert!(checks.checks >= 12, "{} checks", checks.checks);
        assert!(checks.examples > 100, "{} check examples", checks.examples);
    }

    #[test]
    fn a_failing_example_is_reported() {
        // A rule whose examples are the wrong way round fails both.
        let text = "- id: t.rebels\n  severity: warning\n  message: m\n  pattern: 'Russian rebels'\n  examples:\n    flag: ['Syrian rebels']\n    pass: ['Russian rebels']\n";
        let book = Rulebook::load(vec![crate::rules::RuleSource {
            name: "t.yml".into(),
            text: Arc::from(text),
            builtin: false,
        }])
        .unwrap_or_else(|_| panic!("the rule loads"));
        let engine = Engine::new(Arc::new(book), Settings::default());
        let report = run(&engine, |_| true);
        let failed: Vec<(Expect, &str)> = report
            .failures
            .iter()
            .map(|f| (f.expect, f.text.as_str()))
            .collect();
        assert_eq!(
            failed,
            [
                (Expect::Flag, "Syrian rebels"),
                (Expect::Pass, "Russian rebels")
            ]
        );
        assert_eq!(report.failures[1].found, ["Russian rebels"]);
    }

    #[test]
    fn claim_values_flag_each_example_once() {
        let engine = engine();
        let info = &crate::claims::consistency::INFO;
        for text in info.flag {
            let doc = Document::parse(
                "t.md",
                format!("---\ndate: 2025-06-01\n---\n{text}\n"),
                Format::Markdown,
            );
            let n = engine
                .analyze(&doc)
                .findings
                .iter()
                .filter(|f| &*f.rule == info.id)
                .count();
            assert_eq!(n, 1, "{text}");
        }
    }
}
