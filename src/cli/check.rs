//! `factlint check`: read, check and report, files in parallel.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use factlint::checks::values;
use factlint::engine::Claimed;
use factlint::error::ConfigError;
use factlint::report::style::Style;
use factlint::report::{compact, human, json, FileReport, Summary};
use factlint::{Document, Format, Rulebook};
use rayon::prelude::*;

use super::inputs::{self, Input};
use super::{
    print_errors, ruleset, FailOn, OutputFormat, RuleArgs, EXIT_CONFIG, EXIT_FINDINGS, EXIT_OK,
};

fn read(input: &Input) -> Result<(String, Arc<str>, Format), ConfigError> {
    let (name, bytes, format) = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| ConfigError::plain(format!("<stdin>: cannot read: {e}")))?;
            ("<stdin>".to_string(), buf, Format::Text)
        }
        Input::File { path, format } => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path)
                .map_err(|e| ConfigError::plain(format!("{name}: cannot read: {e}")))?;
            (name, bytes, *format)
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, Arc::from(text), format)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(ConfigError::plain(format!("{name}: not valid UTF-8 (invalid byte at offset {at}); factlint reads UTF-8 text only")))
        }
    }
}

fn check_one(
    book: &Rulebook,
    input: &Input,
    as_of: Option<jiff::civil::Date>,
) -> Result<(FileReport, Vec<Claimed>), ConfigError> {
    let (path, source, format) = read(input)?;
    let mut doc = Document::parse(path.clone(), source.clone(), format);
    // The document's own date wins; `--as-of` stands in when it has none (else today).
    if doc.date.is_none() {
        doc.date = as_of;
    }
    let analysis = factlint::engine::analyze(book, &doc);
    let report = FileReport {
        path,
        source,
        findings: analysis.findings,
    };
    Ok((report, analysis.claims))
}

/// Runs `check` and returns the exit code.
pub fn run(
    paths: &[PathBuf],
    rules: &RuleArgs,
    format: OutputFormat,
    fail_on: FailOn,
    as_of: Option<jiff::civil::Date>,
) -> i32 {
    let book = match ruleset::load(rules) {
        Ok((b, _)) => b,
        Err(errors) => {
            print_errors(&errors);
            return EXIT_CONFIG;
        }
    };
    let (inputs, mut errors) = inputs::collect(paths);
    let results: Vec<Result<(FileReport, Vec<Claimed>), ConfigError>> = inputs
        .par_iter()
        .map(|i| check_one(&book, i, as_of))
        .collect();
    let mut checked = Vec::new();
    for r in results {
        match r {
            Ok(rep) => checked.push(rep),
            Err(e) => errors.push(e),
        }
    }
    checked.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    // Claims that disagree across documents, reported in both.
    let claims: Vec<(String, Vec<Claimed>)> = checked
        .iter_mut()
        .map(|(r, c)| (r.path.clone(), std::mem::take(c)))
        .collect();
    let mut reports: Vec<FileReport> = checked.into_iter().map(|(r, _)| r).collect();
    if book.enabled(values::CROSS_ID) && reports.len() > 1 {
        for (d, mut f) in values::across_documents(&book, &claims) {
            f.severity = book.severity_of(&f.rule, f.severity);
            reports[d].findings.push(f);
        }
        for r in &mut reports {
            r.findings.sort_by(|a, b| {
                (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
            });
        }
    }
    let files = reports.len();
    let summary = Summary::of(&reports, files);
    match format {
        OutputFormat::Human => {
            let style = Style::stdout();
            let handler = human::handler(style.color);
            let mut out = String::new();
            for r in &reports {
                human::render(r, &handler, &mut out);
            }
            print!("{out}");
            println!("{}", human::summary(&summary, style));
        }
        OutputFormat::Compact => print!("{}", compact::render(&reports)),
        OutputFormat::Json => print!("{}", json::render(&reports)),
    }
    print_errors(&errors);
    if !errors.is_empty() {
        return EXIT_CONFIG;
    }
    let failing = fail_on.threshold().is_some_and(|t| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= t)
    });
    if failing {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
