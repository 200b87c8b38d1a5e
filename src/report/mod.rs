//! Reporters: one module per output format.

pub mod compact;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod style;

use crate::finding::{FileReport, Severity};

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Summary {
    /// Counts the findings of `reports`.
    pub fn of(reports: &[FileReport], files: usize) -> Summary {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for r in reports {
            if !r.findings.is_empty() {
                s.files_with_findings += 1;
            }
            for f in &r.findings {
                match f.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
            }
        }
        s
    }

    /// All findings.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Writes `bytes` to `path` atomically: to a temporary file beside it, then
/// renamed over it, so a reader never sees a half-written file.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
