//! Configuration errors (bad rule files, bad patterns, bad paths), as located diagnostics.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

use crate::source::LineIndex;

/// Where in a file an error is.
#[derive(Debug)]
struct Location {
    src: NamedSource<Arc<str>>,
    span: SourceSpan,
    label: String,
}

/// An error in a rule file or other configuration, pointing at the fault.
#[derive(Debug)]
pub struct ConfigError {
    /// What is wrong, starting with `file:line:column:` when located.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    location: Option<Box<Location>>,
}

impl ConfigError {
    /// An error about a whole file or path, with no location inside it.
    pub fn plain(message: impl Into<String>) -> Self {
        ConfigError {
            message: message.into(),
            help: None,
            location: None,
        }
    }

    /// An error at byte `offset` (length `len`) of file `name` with contents `text`.
    pub fn at(
        name: &str,
        text: &Arc<str>,
        offset: usize,
        len: usize,
        message: impl AsRef<str>,
        label: impl Into<String>,
    ) -> Self {
        let offset = crate::source::floor_char_boundary(text, offset.min(text.len()));
        let pos = LineIndex::new(text).position(text, offset);
        ConfigError {
            message: format!("{name}:{}:{}: {}", pos.line, pos.column, message.as_ref()),
            help: None,
            location: Some(Box::new(Location {
                // miette counts columns in bytes; the name carries the character column.
                src: NamedSource::new(format!("{name}:{}:{}", pos.line, pos.column), text.clone()),
                span: SourceSpan::new(offset.into(), len.min(text.len() - offset)),
                label: label.into(),
            })),
        }
    }

    /// Adds a hint.
    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("factlint::config"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.location.as_ref().map(|l| &l.src as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let l = self.location.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(l.label.clone()),
            l.span,
        ))))
    }
}
