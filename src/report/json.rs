//! `json`: one array of finding objects, sorted by path then position.
//!
//! The schema is documented in `docs/output.md`; fields are only ever added.

use serde::Serialize;

use std::ops::Range;

use super::FileReport;
use crate::source::Position;

/// Where a finding or a related place is: the same fields for both.
#[derive(Serialize)]
struct JsonPlace {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
}

impl JsonPlace {
    fn of(start: Position, end: Position, span: &Range<usize>) -> JsonPlace {
        JsonPlace {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    #[serde(flatten)]
    place: JsonPlace,
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
    #[serde(flatten)]
    place: JsonPlace,
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
                    place: JsonPlace::of(r.start, r.end, &r.span),
                    message: &r.message,
                })
                .collect();
            items.push(JsonFinding {
                path: &report.path,
                rule: &f.rule,
                severity: f.severity.as_str(),
                place: JsonPlace::of(f.start, f.end, &f.span),
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
