//! `json`: one array of finding objects, sorted by path then position.
//!
//! The schema is documented in `docs/output.md`; fields are only ever added.

use serde::Serialize;

use super::FileReport;

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    text: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    suggestion: Option<&'a str>,
    sources: &'a [String],
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    message: &'a str,
}

/// Renders all findings as a pretty-printed JSON array.
pub fn render(reports: &[FileReport]) -> String {
    let mut items: Vec<JsonFinding> = Vec::new();
    for report in reports {
        for f in &report.findings {
            let related = f
                .related
                .iter()
                .map(|r| JsonRelated {
                    path: r.path.as_deref().unwrap_or(&report.path),
                    line: r.start.line,
                    column: r.start.column,
                    end_line: r.end.line,
                    end_column: r.end.column,
                    byte_start: r.span.start,
                    byte_end: r.span.end,
                    message: &r.message,
                })
                .collect();
            items.push(JsonFinding {
                path: &report.path,
                rule: &f.rule,
                severity: f.severity.as_str(),
                line: f.start.line,
                column: f.start.column,
                end_line: f.end.line,
                end_column: f.end.column,
                byte_start: f.span.start,
                byte_end: f.span.end,
                text: &f.text,
                message: &f.message,
                help: f.help.as_deref(),
                suggestion: f.suggestion.as_deref(),
                sources: &f.sources,
                related,
            });
        }
    }
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
