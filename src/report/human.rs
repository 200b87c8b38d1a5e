//! `human`: miette diagnostics with the source snippet, then a coloured summary.

use std::fmt::{self, Display};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use super::style::Style;
use super::{FileReport, Summary};
use crate::finding::{Finding, Severity};

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: NamedSource<std::sync::Arc<str>>,
    help: Option<String>,
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
        // Places in the same file are labelled in the snippet; others are named in the help.
        let related = f
            .related
            .iter()
            .filter(|r| r.path.is_none())
            .map(|r| LabeledSpan::new(Some(r.message.clone()), r.span.start, r.span.len()));
        Some(Box::new(std::iter::once(span).chain(related)))
    }
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
    for r in f.related.iter().filter(|r| r.path.is_some()) {
        parts.push(format!(
            "see {}:{}:{}: {}",
            r.path.as_deref().unwrap_or(""),
            r.start.line,
            r.start.column,
            r.message
        ));
    }
    if !f.sources.is_empty() {
        let mut s = String::from("sources:");
        for u in f.sources.iter() {
            // A no-break space keeps the dash with a long URL when lines wrap.
            s.push_str("\n  -\u{a0}");
            s.push_str(u);
        }
        parts.push(s);
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

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
    for f in &report.findings {
        let d = FindingDiagnostic {
            finding: f,
            source: NamedSource::new(
                format!("{}:{}:{}", report.path, f.start.line, f.start.column),
                report.source.clone(),
            ),
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
