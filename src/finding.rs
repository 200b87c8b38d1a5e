//! Findings: what the engine reports about a document.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

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

impl Related {
    /// A place in the finding's own document.
    pub fn here(
        doc: &crate::document::Document,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Related {
        Related {
            path: None,
            start: doc.position(span.start),
            end: doc.position(span.end),
            span,
            message: message.into(),
        }
    }
}
