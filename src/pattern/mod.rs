//! factlint's pattern language: parsed with nom into an AST ([`ast`]),
//! compiled into a token program ([`compile()`]) and run by a bounded
//! backtracking matcher ([`vm`]) whose cost is linear in the tokens of a
//! sentence times the size of the program.
//!
//! The grammar is documented in `docs/pattern-language.md`.

pub mod ast;
pub mod compile;
pub mod inflect;
pub mod parser;
pub mod vm;

use std::ops::Range;

pub use ast::{Class, Node, NodeKind};
pub use compile::{compile, Compiler, Program, Resolve, Resolved};
pub use parser::parse;
pub use vm::{Cache, Captures};

/// An error in a pattern, at a byte range of the pattern text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// Where in the pattern (byte offsets).
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is an obvious way.
    pub hint: Option<String>,
}

impl PatternError {
    pub(crate) fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        PatternError {
            span,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.span.start)
    }
}

impl std::error::Error for PatternError {}
