//! Terminal colours for summaries and lists (owo-colors), switched off for
//! `NO_COLOR`, `TERM=dumb` and output that is not a terminal.

use owo_colors::OwoColorize;

/// Paints text when colours are on; leaves it plain otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Whether to emit colour codes.
    pub color: bool,
}

impl Style {
    /// Colours for standard output, as the environment allows.
    pub fn stdout() -> Style {
        Style {
            color: supports_color::on(supports_color::Stream::Stdout).is_some(),
        }
    }

    /// Colours for standard error, as the environment allows.
    pub fn stderr() -> Style {
        Style {
            color: supports_color::on(supports_color::Stream::Stderr).is_some(),
        }
    }

    fn paint(&self, s: &str, f: impl Fn(&str) -> String) -> String {
        if self.color {
            f(s)
        } else {
            s.to_string()
        }
    }

    /// Bold red (errors).
    pub fn error(&self, s: &str) -> String {
        self.paint(s, |s| s.red().bold().to_string())
    }

    /// Bold yellow (warnings).
    pub fn warning(&self, s: &str) -> String {
        self.paint(s, |s| s.yellow().bold().to_string())
    }

    /// Cyan (notes).
    pub fn info(&self, s: &str) -> String {
        self.paint(s, |s| s.cyan().to_string())
    }

    /// Bold green (success).
    pub fn ok(&self, s: &str) -> String {
        self.paint(s, |s| s.green().bold().to_string())
    }

    /// Bold.
    pub fn bold(&self, s: &str) -> String {
        self.paint(s, |s| s.bold().to_string())
    }

    /// Dimmed.
    pub fn dim(&self, s: &str) -> String {
        self.paint(s, |s| s.dimmed().to_string())
    }

    /// A severity word in its colour.
    pub fn severity(&self, sev: crate::finding::Severity) -> String {
        match sev {
            crate::finding::Severity::Error => self.error(sev.as_str()),
            crate::finding::Severity::Warning => self.warning(sev.as_str()),
            crate::finding::Severity::Info => self.info(sev.as_str()),
        }
    }
}
