//! `factlint check`: read, check and report, files in parallel.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use factlint::checks::values;
use factlint::document::Buffers;
use factlint::engine::Claimed;
use factlint::error::ConfigError;
use factlint::report::style::Style;
use factlint::report::{compact, github, human, json, sarif, write_atomic, FileReport, Summary};
use factlint::vocab::WordIds;
use factlint::{Document, Format, Rulebook};
use rayon::prelude::*;

use super::inputs::{self, Input};
use super::{
    print_errors, ruleset, CheckArgs, FailOn, OutputFormat, EXIT_CONFIG, EXIT_FINDINGS, EXIT_OK,
};

/// Reads an input into `buf` (empty, with the memory of the last source read).
fn read(input: &Input, mut buf: Vec<u8>) -> Result<(String, String, Format), ConfigError> {
    let (name, bytes, format) = match input {
        Input::Stdin { name, format } => {
            std::io::stdin().read_to_end(&mut buf).map_err(|e| {
                ConfigError::plain(format!("{name}: cannot read standard input: {e}"))
            })?;
            (name.clone(), buf, *format)
        }
        Input::File { path, format } => {
            let name = path.display().to_string();
            std::fs::File::open(path)
                .and_then(|f| {
                    // Read into the memory the buffer already has (from the
                    // files before), until the end: a file as large as one
                    // before it takes one read call and one to find the end.
                    // (A `File` asks its size and position first, two more
                    // system calls per file; through `take` it reads plainly.)
                    buf.reserve(8 * 1024);
                    f.take(u64::MAX).read_to_end(&mut buf)
                })
                .map_err(|e| ConfigError::plain(format!("{name}: cannot read: {e}")))?;
            (name, buf, *format)
        }
    };
    if bytes.len() > factlint::document::MAX_LEN {
        return Err(ConfigError::plain(format!(
            "{name}: too large ({} bytes); factlint reads files of up to {} bytes",
            bytes.len(),
            factlint::document::MAX_LEN
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text, format)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(ConfigError::plain(format!(
                "{name}: not valid UTF-8 (invalid byte at offset {at}); factlint reads UTF-8 text only"
            )))
        }
    }
}

fn check_one(
    book: &Rulebook,
    input: &Input,
    as_of: Option<jiff::civil::Date>,
    buffers: &mut Buffers,
    ids: &mut WordIds,
) -> Result<(FileReport, Vec<Claimed>), ConfigError> {
    let (path, source, format) = read(input, buffers.source())?;
    let mut indexer = book.indexer(std::mem::take(ids));
    let mut doc = Document::parse_with_forms(path.clone(), source, format, buffers, &mut indexer);
    *ids = indexer.finish();
    // The document's own date wins; `--as-of` stands in when it has none (else today).
    if doc.date.is_none() {
        doc.date = as_of;
    }
    let analysis = factlint::engine::analyze_with(book, &doc, ids);
    // Memory stays bounded by the largest file, not the corpus: the text of
    // a file is not kept (findings carry their own text; the human form reads
    // the file again for its snippets), and the document's memory serves the
    // next file this thread reads.
    let source = if matches!(input, Input::File { .. }) {
        Arc::from("")
    } else {
        Arc::from(doc.source.as_str())
    };
    buffers.recycle(doc);
    // Findings and claims are kept until the report is written: no spare
    // room (a vector of a few grows to room for four at least).
    let mut findings = analysis.findings;
    findings.shrink_to_fit();
    let report = FileReport {
        path,
        source,
        findings,
    };
    let mut claims = analysis.claims;
    claims.shrink_to_fit();
    Ok((report, claims))
}

fn render(
    format: OutputFormat,
    reports: &[FileReport],
    book: &Rulebook,
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
        OutputFormat::Sarif => sarif::render(reports, book),
        OutputFormat::Github => github::render(reports),
    }
}

/// Runs `check` and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let (book, _, config) = match ruleset::load(&args.rules) {
        Ok(b) => b,
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
    let as_of = args.as_of.or(config.as_of);
    let results: Vec<Result<(FileReport, Vec<Claimed>), ConfigError>> = inputs
        .par_iter()
        .map_init(
            || (Buffers::default(), WordIds::default()),
            |(buffers, ids), i| check_one(&book, i, as_of, buffers, ids),
        )
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

    let summary = Summary::of(&reports, reports.len());
    let color = Style::stdout().color;
    match &args.output {
        Some(file) => {
            // The report goes to the file; the terminal gets the human form.
            let report = render(args.format, &reports, &book, &summary, args.quiet, false);
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
                    &book,
                    &summary,
                    args.quiet,
                    color
                )
            );
        }
        None => print!(
            "{}",
            render(args.format, &reports, &book, &summary, args.quiet, color)
        ),
    }
    print_errors(&errors);
    if !errors.is_empty() {
        return EXIT_CONFIG;
    }
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
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
