//! An engine's settings for a run: which rules and checks report, at which
//! severity, what fails the run, and the date undated documents are judged
//! at. A server can give each request other settings over one rulebook.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::finding::Severity;

/// Settings for a run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Severity overrides by rule or check id; `None` turns it off.
    pub levels: HashMap<String, Option<Severity>>,
    /// Whether the built-in hygiene and consistency checks run (they go
    /// with the built-in rules).
    pub builtin_checks: bool,
    /// The lowest severity that fails the run; `None`: nothing does.
    pub fail_on: Option<Severity>,
    /// The date claims are judged at in documents without one; `None`: today.
    pub as_of: Option<Date>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            levels: HashMap::new(),
            builtin_checks: true,
            fail_on: Some(Severity::Error),
            as_of: None,
        }
    }
}

impl Settings {
    /// Whether a rule or check is on.
    pub fn enabled(&self, id: &str) -> bool {
        !matches!(self.levels.get(id), Some(None))
    }

    /// The severity a rule or check reports at, after overrides.
    pub fn severity_of(&self, id: &str, default: Severity) -> Severity {
        match self.levels.get(id) {
            Some(Some(s)) => *s,
            _ => default,
        }
    }

    /// Whether a finding of this severity fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        self.fail_on.is_some_and(|t| severity >= t)
    }
}
