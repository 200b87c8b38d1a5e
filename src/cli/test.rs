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
    let report = examples::run(&engine, |r| {
        paths.is_empty() || tested.contains(&r.origin.file)
    });
    for f in &report.failures {
        let rule = book.rule(&f.rule);
        let at = rule
            .map(|r| format!("{}:{}", r.origin.file, r.origin.line))
            .unwrap_or_default();
        match f.expect {
            Expect::Flag => println!(
                "{} {} ({at}): `flag` example not flagged:\n    {}",
                style.error("✖"),
                style.bold(&f.rule),
                f.text
            ),
            Expect::Pass => println!(
                "{} {} ({at}): `pass` example flagged at {}:\n    {}",
                style.error("✖"),
                style.bold(&f.rule),
                f.found
                    .iter()
                    .map(|s| format!("“{s}”"))
                    .collect::<Vec<_>>()
                    .join(", "),
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
    println!(
        "{} rules, {} examples: {passed} passed, {} failed",
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
