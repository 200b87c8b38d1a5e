//! `github`: GitHub Actions workflow commands, one annotation a finding:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use std::fmt::Write;

use super::FileReport;
use crate::finding::Severity;

/// Escapes a message for a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value for a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Renders all findings as workflow commands.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        for f in &r.findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&r.path),
                f.start.line,
                f.start.column,
                f.end.line,
                f.end.column,
                property(&f.rule),
                data(&f.message)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("50% done\nok"), "50%25 done%0Aok");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
