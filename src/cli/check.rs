//! `factlint check`: find the inputs, have the engine check them, render
//! the findings, and pick the exit code.

use std::path::Path;
use std::sync::Arc;

use factlint::error::ConfigError;
use factlint::finding::{Descriptor, FileReport};
use factlint::inputs;
use factlint::report::style::Style;
use factlint::report::{compact, github, human, json, sarif, write_atomic, Summary};

use super::{
    print_errors, ruleset, CheckArgs, FailOn, OutputFormat, EXIT_CONFIG, EXIT_FINDINGS, EXIT_OK,
};

fn render(
    format: OutputFormat,
    reports: &[FileReport],
    descriptors: &[Descriptor],
    summary: &Summary,
    quiet: bool,
    color: bool,
) -> String {
    match format {
        OutputFormat::Human => {
            let style = Style { color };
            let handler = human::handler(style.color);
            let mut out = String::new();
            for r in reports {
                if r.findings.is_empty() {
                    continue;
                }
                // Snippets need the text: read the file again if it was not kept.
                let reread;
                let r = if r.source.is_empty() {
                    let source = std::fs::read_to_string(&r.path)
                        .map(Arc::from)
                        .unwrap_or_else(|_| Arc::from(""));
                    reread = FileReport {
                        path: r.path.clone(),
                        source,
                        findings: r.findings.clone(),
                    };
                    &reread
                } else {
                    r
                };
                human::render(r, &handler, &mut out);
            }
            if !quiet {
                out.push_str(&human::summary(summary, style));
                out.push('\n');
            }
            out
        }
        OutputFormat::Compact => compact::render(reports),
        OutputFormat::Json => json::render(reports),
        OutputFormat::Sarif => sarif::render(reports, descriptors),
        OutputFormat::Github => github::render(reports),
    }
}

/// Runs `check` and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let loaded = ruleset::load_with(&[], &args.rules, |config, settings| {
        let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
        settings.fail_on = fail_on.threshold();
        settings.as_of = args.as_of.or(config.as_of);
    });
    let (engine, config) = match loaded {
        Ok(l) => l,
        Err(errors) => {
            print_errors(&errors);
            return EXIT_CONFIG;
        }
    };
    let (mut inputs, mut errors) =
        inputs::collect(&args.paths, &config, args.stdin_filename.as_deref());
    if let Some(r) = &args.changed_since {
        match inputs::changed_since(inputs, r) {
            Ok(i) => inputs = i,
            Err(e) => {
                print_errors(&[e]);
                return EXIT_CONFIG;
            }
        }
    }
    if let Some((k, n)) = args.shard {
        inputs = inputs::shard(inputs, k, n);
    }
    let corpus = engine.check_corpus(&inputs);
    errors.extend(corpus.errors);
    let reports = corpus.reports;

    let descriptors = engine.descriptors();
    let summary = Summary::of(&reports, reports.len());
    let color = Style::stdout().color;
    match &args.output {
        Some(file) => {
            // The report goes to the file; the terminal gets the human form.
            let report = render(
                args.format,
                &reports,
                &descriptors,
                &summary,
                args.quiet,
                false,
            );
            if let Err(e) = write_atomic(Path::new(file), report.as_bytes()) {
                errors.push(ConfigError::plain(format!(
                    "{}: cannot write the report: {e}",
                    file.display()
                )));
            }
            print!(
                "{}",
                render(
                    OutputFormat::Human,
                    &reports,
                    &descriptors,
                    &summary,
                    args.quiet,
                    color
                )
            );
        }
        None => print!(
            "{}",
            render(
                args.format,
                &reports,
                &descriptors,
                &summary,
                args.quiet,
                color
            )
        ),
    }
    print_errors(&errors);
    if !errors.is_empty() {
        return EXIT_CONFIG;
    }
    if engine.fails(reports.iter().flat_map(|r| &r.findings)) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
