//! `sarif`: SARIF 2.1.0 for code-scanning upload: the tool with its rules
//! (help and help URI), results with locations and regions.
//! Columns count Unicode code points (`columnKind: unicodeCodePoints`).

use serde_json::{json, Value};

use super::FileReport;
use crate::finding::Descriptor;
use crate::finding::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    p.replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F")
}

/// One reporting descriptor: id, descriptions, help, help URI, default level.
fn descriptor(id: &str, text: &str, help: &str, uri: Option<&str>, severity: Severity) -> Value {
    let mut d = json!({
        "id": id,
        "name": id,
        "shortDescription": { "text": text },
        "fullDescription": { "text": text },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(severity) },
    });
    if let Some(u) = uri {
        d["helpUri"] = json!(u);
    }
    d
}

/// Renders all findings as one SARIF log.
/// `descriptors` describe the rules and checks; a finding of any other is
/// described by its own message.
pub fn render(reports: &[FileReport], descriptors: &[Descriptor]) -> String {
    let mut rules: Vec<Value> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for d in descriptors {
        rules.push(descriptor(
            &d.id,
            &d.summary,
            &d.help,
            d.uri.as_deref(),
            d.severity,
        ));
        ids.push(d.id.clone());
    }
    let mut results = Vec::new();
    for report in reports {
        for f in &report.findings {
            let index = match ids.iter().position(|i| **i == *f.rule) {
                Some(i) => i,
                None => {
                    rules.push(descriptor(
                        &f.rule, &f.message, &f.message, None, f.severity,
                    ));
                    ids.push(f.rule.to_string());
                    ids.len() - 1
                }
            };
            let region = |start: &crate::source::Position,
                          end: &crate::source::Position,
                          span: &std::ops::Range<usize>| {
                json!({
                    "startLine": start.line,
                    "startColumn": start.column,
                    "endLine": end.line,
                    "endColumn": end.column,
                    "byteOffset": span.start,
                    "byteLength": span.len(),
                })
            };
            let mut result = json!({
                "ruleId": &*f.rule,
                "ruleIndex": index,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&report.path) },
                        "region": region(&f.start, &f.end, &f.span),
                    }
                }],
            });
            if !f.related.is_empty() {
                let related: Vec<Value> = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(k, r)| {
                        json!({
                            "id": k,
                            "message": { "text": r.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": uri(r.path.as_deref().unwrap_or(&report.path)) },
                                "region": region(&r.start, &r.end, &r.span),
                            }
                        })
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            if let Some(s) = &f.suggestion {
                result["fixes"] = json!([{
                    "description": { "text": if s.is_empty() { "Remove it".to_string() } else { format!("Write “{s}”") } },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&report.path) },
                        "replacements": [{
                            "deletedRegion": { "byteOffset": f.span.start, "byteLength": f.span.len() },
                            "insertedContent": { "text": s },
                        }]
                    }]
                }]);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "factlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
