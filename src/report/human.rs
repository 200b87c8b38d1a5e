//! `human`: miette diagnostics with the source snippet, then a coloured summary.

use std::fmt::{self, Display};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::style::Style;
use super::{FileReport, Summary};
use crate::finding::{Finding, Related, Severity};
use crate::source::{ceil_char_boundary, floor_char_boundary, LineIndex};

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: Excerpts<'a>,
    help: Option<String>,
}

/// Snippets wider than this many bytes are cut down to the span's
/// neighbourhood: a minified page or a file of one long line shows a few
/// hundred characters around the finding, not the whole line.
const MAX_WINDOW: usize = 2_000;
/// Bytes kept on each side of a span when a snippet is cut.
const CUT_CONTEXT: usize = 120;

/// A file's text as miette reads it: the lines around a span, with their
/// true line numbers, found through a line index rather than by scanning
/// from the start of the file, and cut down when very long.
struct Excerpts<'a> {
    name: String,
    text: &'a str,
    lines: &'a LineIndex,
}

impl SourceCode for Excerpts<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.text;
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let lines = self.lines.line_count();
        let first = self.lines.line_of(start);
        let last = self.lines.line_of(end.saturating_sub(1).max(start));
        let from = first.saturating_sub(before);
        let to = (last + after).min(lines - 1);
        // Whole lines, with the last one's line break (as miette reads a `str`).
        let (mut ws, mut we) = (
            self.lines.start_of(from),
            self.lines.start_of_or(to + 1, text.len()),
        );
        let (mut line, mut column) = (from, 0);
        if we - ws > MAX_WINDOW {
            // Only the span's own lines, cut to its neighbourhood.
            ws = floor_char_boundary(text, start.saturating_sub(CUT_CONTEXT))
                .max(self.lines.start_of(first));
            we = ceil_char_boundary(text, (end + CUT_CONTEXT).min(text.len()))
                .min(self.lines.end_of(text, last))
                .max(end);
            line = first;
            column = self.lines.position(text, ws).column - 1;
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[ws..we],
            (ws, we - ws).into(),
            line,
            column,
            self.lines.line_of(we) - line + 1,
        )))
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn Display + 'b>> {
        Some(Box::new(&*self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let label = match &f.suggestion {
            Some(s) if s.is_empty() => "remove this".to_string(),
            Some(s) => format!("did you mean “{s}”?"),
            None => f.severity.as_str().to_string(),
        };
        let span = LabeledSpan::new(Some(label), f.span.start, f.span.len());
        // Places near by in the same file are labelled in the snippet; others are named in the help.
        let related = f
            .related
            .iter()
            .filter(|r| labelled(f, r))
            .map(|r| LabeledSpan::new(Some(r.message.clone()), r.span.start, r.span.len()));
        Some(Box::new(std::iter::once(span).chain(related)))
    }
}

/// Whether a related place is labelled in the finding's snippet: in the same
/// file and near enough that the snippet is not cut between them.
fn labelled(f: &Finding, r: &Related) -> bool {
    r.path.is_none() && r.span.start.abs_diff(f.span.start) < MAX_WINDOW / 2
}

fn help_text(f: &Finding) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(s) = &f.suggestion {
        parts.push(if s.is_empty() {
            "remove it".to_string()
        } else {
            format!("write “{s}”")
        });
    }
    if let Some(h) = &f.help {
        parts.push(h.clone());
    }
    for r in f.related.iter().filter(|r| !labelled(f, r)) {
        parts.push(match &r.path {
            Some(p) => format!("see {p}:{}:{}: {}", r.start.line, r.start.column, r.message),
            None => format!(
                "see line {}, column {}: {}",
                r.start.line, r.start.column, r.message
            ),
        });
    }
    if !f.sources.is_empty() {
        // The best first, as an editor cites: the first three (JSON and
        // SARIF keep them all).
        let mut s = String::from("sources:");
        for u in f.sources.iter().take(SHOWN_SOURCES) {
            // A no-break space keeps the dash with a long URL when lines wrap.
            s.push_str("\n  -\u{a0}");
            s.push_str(u);
        }
        if f.sources.len() > SHOWN_SOURCES {
            s.push_str(&format!(
                "\n  (and {} more in the JSON output)",
                f.sources.len() - SHOWN_SOURCES
            ));
        }
        parts.push(s);
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// How many of a finding's sources the human form shows.
const SHOWN_SOURCES: usize = 3;

/// A renderer for miette diagnostics, coloured or not.
pub fn handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100)
        .with_break_words(false)
        // Dates and URLs stay whole: no splitting at hyphens.
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        // miette counts columns in bytes; the source name carries factlint's own position.
        .without_primary_span_start()
}

/// Renders every finding of `report` as a miette diagnostic.
pub fn render(report: &FileReport, handler: &GraphicalReportHandler, out: &mut String) {
    let lines = LineIndex::new(&report.source);
    for f in &report.findings {
        let d = FindingDiagnostic {
            finding: f,
            source: Excerpts {
                name: format!("{}:{}:{}", report.path, f.start.line, f.start.column),
                text: &report.source,
                lines: &lines,
            },
            help: help_text(f),
        };
        if handler.render_report(out, &d).is_err() {
            out.push_str(&format!(
                "{}:{}:{}: {} {}\n",
                report.path, f.start.line, f.start.column, f.rule, f.message
            ));
        }
        out.push('\n');
    }
}

/// One coloured summary line.
pub fn summary(s: &Summary, style: Style) -> String {
    let files = if s.files == 1 { "file" } else { "files" };
    if s.total() == 0 {
        return format!("{} no problems in {} {files}", style.ok("✔"), s.files);
    }
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let mut parts = Vec::new();
    if s.errors > 0 {
        parts.push(style.error(&plural(s.errors, "error")));
    }
    if s.warnings > 0 {
        parts.push(style.warning(&plural(s.warnings, "warning")));
    }
    if s.infos > 0 {
        parts.push(style.info(&plural(s.infos, "note")));
    }
    let mark = if s.errors > 0 {
        style.error("✖")
    } else {
        style.warning("⚠")
    };
    format!(
        "{mark} {} in {} of {} {files} checked",
        parts.join(", "),
        s.files_with_findings,
        s.files
    )
}
