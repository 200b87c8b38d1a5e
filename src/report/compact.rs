//! `compact`: one line a finding, `path:line:column: severity rule message`.

use std::fmt::Write;

use super::FileReport;

/// Renders all findings, one per line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {} {}",
                r.path, f.start.line, f.start.column, f.severity, f.rule, f.message
            );
        }
    }
    out
}
