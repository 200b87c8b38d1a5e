//! Findings: what the engine reports about a document.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::source::Position;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: fails the check by default.
    Error,
}

impl Severity {
    /// The next severity down (`info` stays `info`).
    pub fn lower(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }

    /// The lower-case name used in rule files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The id of the rule or check that found it.
    pub rule: Arc<str>,
    /// How serious it is.
    pub severity: Severity,
    /// Byte span in the document's source.
    pub span: Range<usize>,
    /// The source text of the span, as written.
    pub text: String,
    /// Where the span starts (1-based line and character column).
    pub start: Position,
    /// Where the span ends (the column just past its last character).
    pub end: Position,
    /// What is wrong, with the rule's captures filled in.
    pub message: String,
    /// Why, or what to do, in words.
    pub help: Option<String>,
    /// Replacement text for the span, when the rule suggests one.
    pub suggestion: Option<String>,
    /// Where the facts behind the finding come from (URLs).
    pub sources: Arc<[String]>,
    /// Other places that explain the finding (the first spelling, the other article).
    pub related: Vec<Related>,
}

/// The findings of one file, with its text (for snippets).
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given or found.
    pub path: String,
    /// The file's text (for snippets); empty when it was not kept in memory.
    pub source: Arc<str>,
    /// Its findings, sorted by position.
    pub findings: Vec<Finding>,
}

/// What a rule or check is, for reporters (SARIF's rule descriptors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Descriptor {
    /// Its id.
    pub id: String,
    /// What it reports, in one line.
    pub summary: String,
    /// How to fix what it reports.
    pub help: String,
    /// Where to read more (the first of its sources).
    pub uri: Option<String>,
    /// Its default severity.
    pub severity: Severity,
}

/// Another place a finding points to.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// The file, when it is not the finding's own.
    pub path: Option<String>,
    /// Byte span in that file.
    pub span: Range<usize>,
    /// Where the span starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
    /// What is there.
    pub message: String,
}

/// Where a finding or a claim is in its document: the byte span, where it
/// starts and ends, and the source text it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Byte span in the document's source.
    pub span: Range<usize>,
    /// Where the span starts.
    pub start: Position,
    /// Where the span ends.
    pub end: Position,
    /// The source text of the span, as written.
    pub text: String,
}

impl Place {
    /// The place of byte span `span` in `doc`.
    pub fn of(doc: &Document, span: Range<usize>) -> Place {
        Place {
            start: doc.position(span.start),
            end: doc.position(span.end),
            text: doc.slice(span.clone()).to_string(),
            span,
        }
    }
}

impl Finding {
    /// A finding of rule or check `rule` at `place`, with no help, fix,
    /// sources or related places (see the `with_` methods).
    pub fn new(rule: Arc<str>, severity: Severity, place: Place, message: String) -> Finding {
        Finding {
            rule,
            severity,
            span: place.span,
            text: place.text,
            start: place.start,
            end: place.end,
            message,
            help: None,
            suggestion: None,
            sources: Arc::from(Vec::new()),
            related: Vec::new(),
        }
    }

    /// The same finding with `help`.
    pub fn with_help(mut self, help: Option<String>) -> Finding {
        self.help = help;
        self
    }

    /// The same finding with a replacement for its span.
    pub fn with_suggestion(mut self, suggestion: Option<String>) -> Finding {
        self.suggestion = suggestion;
        self
    }

    /// The same finding with the sources behind it.
    pub fn with_sources(mut self, sources: Arc<[String]>) -> Finding {
        self.sources = sources;
        self
    }

    /// The same finding with another place that explains it.
    pub fn with_related(mut self, related: Related) -> Finding {
        self.related.push(related);
        self
    }
}

impl Related {
    /// A place in the finding's own document.
    pub fn here(doc: &Document, span: Range<usize>, message: impl Into<String>) -> Related {
        Related {
            path: None,
            start: doc.position(span.start),
            end: doc.position(span.end),
            span,
            message: message.into(),
        }
    }
}
