//! `factlint test`: run rules' own examples.

use std::path::PathBuf;

use factlint::engine::examples::{self, Expect};
use factlint::report::style::Style;

use super::{print_errors, ruleset, RuleArgs, EXIT_CONFIG, EXIT_FINDINGS, EXIT_OK};

/// Runs the examples of the rules in `paths` (all rules when empty).
pub fn run(paths: &[PathBuf], extra: &RuleArgs) -> i32 {
    let tested = match ruleset::read_rule_files(paths) {
        Ok(sources) => sources.into_iter().map(|s| s.name).collect::<Vec<_>>(),
        Err(errors) => {
            print_errors(&errors);
            return EXIT_CONFIG;
        }
    };
    let (engine, _) = match ruleset::load_with(paths, extra, |_, _| {}) {
        Ok(l) => l,
        Err(errors) => {
            print_errors(&errors);
            return EXIT_CONFIG;
        }
    };
    let book = engine.rulebook();
    let style = Style::stdout();
    let mut report = examples::run(&engine, |r| {
        paths.is_empty() || tested.contains(&r.origin.file)
    });
    // Without paths, the built-in checks' examples run too.
    if paths.is_empty() {
        let checks = examples::run_checks(&engine);
        report.checks += checks.checks;
        report.examples += checks.examples;
        report.without_examples.extend(checks.without_examples);
        report.failures.extend(checks.failures);
    }
    for f in &report.failures {
        let rule = book.rule(&f.rule);
        let at = rule
            .map(|r| format!("{}:{}", r.origin.file, r.origin.line))
            .unwrap_or_default();
        match f.expect {
            Expect::Flag if f.found.is_empty() => println!(
                "{} {} ({at}): `flag` example not flagged:\n    {}",
                style.error("✖"),
                style.bold(&f.rule),
                f.text
            ),
            Expect::Flag => println!(
                "{} {} ({at}): `flag` example flagged at {}, not at {}:\n    {}",
                style.error("✖"),
                style.bold(&f.rule),
                quoted(&f.found, &f.suggested),
                quoted(
                    &[f.span.clone().unwrap_or_else(|| "…".into())],
                    std::slice::from_ref(&f.suggest)
                ),
                f.text
            ),
            Expect::Pass => println!(
                "{} {} ({at}): `pass` example flagged at {}:\n    {}",
                style.error("✖"),
                style.bold(&f.rule),
                quoted(&f.found, &[]),
                f.text
            ),
        }
    }
    for id in &report.without_examples {
        println!(
            "{} {}: no `flag` examples",
            style.warning("⚠"),
            style.bold(id)
        );
    }
    let passed = report.examples - report.failures.len();
    let checks = match report.checks {
        0 => String::new(),
        n => format!("{n} checks, "),
    };
    println!(
        "{} rules, {checks}{} examples: {passed} passed, {} failed",
        report.rules,
        report.examples,
        report.failures.len()
    );
    if report.rules == 0 {
        println!("{} no rules found to test", style.warning("⚠"));
    }
    if report.failures.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

/// Spans as “span” (suggesting “fix”), one after another.
fn quoted(spans: &[String], suggestions: &[Option<String>]) -> String {
    spans
        .iter()
        .enumerate()
        .map(|(k, s)| match suggestions.get(k).cloned().flatten() {
            Some(fix) => format!("“{s}” (suggesting “{fix}”)"),
            None => format!("“{s}”"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
