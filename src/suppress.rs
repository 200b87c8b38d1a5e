//! Suppression comments: `<!-- factlint-disable RULE, RULE -->` …
//! `<!-- factlint-enable -->`, `<!-- factlint-disable-next-line RULE -->`,
//! and front matter `factlint: {disable: [RULE, …]}`. Without rule ids a
//! comment applies to every rule. A suppression that suppresses nothing is
//! reported, so stale ones get cleaned up.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex::Regex;

use crate::checks::CheckInfo;
use crate::document::Document;
use crate::finding::{Finding, Place, Severity};

/// What the report of suppressions that suppress nothing is.
pub const INFO: CheckInfo = CheckInfo {
    id: "factlint.unused-suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that suppresses nothing",
    details: "a `factlint-disable` comment or front-matter list that suppresses no finding: the rule ids are wrong, or the text it excused was corrected. Remove it, so that it does not hide a later problem.",
    flag: &["Text.\n\n<!-- factlint-disable-next-line hygiene.doubled-word -->\nNothing doubled here.\n"],
    pass: &["Text.\n\n<!-- factlint-disable-next-line hygiene.doubled-word -->\nThe the end.\n"],
};

/// Rule id of findings about suppressions that suppress nothing.
pub const UNUSED: &str = INFO.id;

#[derive(Debug)]
struct Suppression {
    /// Where the comment (or front-matter key) is.
    at: Range<usize>,
    /// Rule ids; empty for all.
    rules: Vec<String>,
    /// Byte range of the source it covers.
    covers: Range<usize>,
    used: bool,
}

fn comment_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"<!--\s*factlint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
            .unwrap_or_else(|e| unreachable!("static regex: {e}"))
    })
}

fn ids(list: &str) -> Vec<String> {
    list.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse(doc: &Document) -> Vec<Suppression> {
    let src = &*doc.source;
    let mut out: Vec<Suppression> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    // Most documents name factlint nowhere: nothing to parse.
    if memchr::memmem::find(src.as_bytes(), b"factlint").is_none() {
        return out;
    }
    if let Some(fm) = &doc.front_matter {
        if let Ok(Some(rules)) =
            crate::yaml::string_list_at(&src[fm.clone()], &["factlint", "disable"])
        {
            let key = src[fm.clone()]
                .find("factlint")
                .map_or(fm.start, |k| fm.start + k);
            out.push(Suppression {
                at: key..key + "factlint".len(),
                rules,
                covers: 0..src.len(),
                used: false,
            });
        }
    }
    for c in comment_regex().captures_iter(src) {
        let (Some(whole), Some(kind)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let rules = ids(c.get(2).map_or("", |m| m.as_str()));
        match kind.as_str() {
            "disable" => {
                open.push(out.len());
                out.push(Suppression {
                    at: whole.range(),
                    rules,
                    covers: whole.end()..src.len(),
                    used: false,
                });
            }
            "enable" => {
                // Closes the open ranges it names (all when it names none).
                for &k in &open {
                    let s = &mut out[k];
                    if s.covers.end == src.len()
                        && (rules.is_empty() || s.rules.iter().any(|r| rules.contains(r)))
                    {
                        s.covers.end = whole.start();
                    }
                }
                open.retain(|&k| out[k].covers.end == src.len());
            }
            _ => {
                // The next line with text after the comment.
                let after = &src[whole.end()..];
                let skip = after.find('\n').map_or(after.len(), |n| n + 1);
                let rest = &after[skip..];
                let lead = rest.len() - rest.trim_start().len();
                let start = whole.end() + skip + lead;
                let end = src[start..].find('\n').map_or(src.len(), |n| start + n);
                out.push(Suppression {
                    at: whole.range(),
                    rules,
                    covers: start..end,
                    used: false,
                });
            }
        }
    }
    out
}

/// Removes suppressed findings and adds a warning for each suppression that
/// suppressed nothing.
pub fn apply(doc: &Document, findings: &mut Vec<Finding>) {
    let mut sups = parse(doc);
    if sups.is_empty() {
        return;
    }
    findings.retain(|f| {
        let hit = sups.iter_mut().find(|s| {
            s.covers.start <= f.span.start
                && f.span.start < s.covers.end.max(s.covers.start + 1)
                && (s.rules.is_empty() || s.rules.iter().any(|r| **r == *f.rule))
        });
        match hit {
            Some(s) => {
                s.used = true;
                false
            }
            None => true,
        }
    });
    for s in sups.iter().filter(|s| !s.used) {
        let what = if s.rules.is_empty() {
            "any finding".to_string()
        } else {
            s.rules.join(", ")
        };
        findings.push(
            Finding::new(
                Arc::from(UNUSED),
                INFO.severity,
                Place::of(doc, s.at.clone()),
                format!("This suppression of {what} suppresses nothing"),
            )
            .with_help(Some("Remove it, or correct the rule ids.".into())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn finding(doc: &Document, rule: &str, at: usize) -> Finding {
        Finding::new(
            Arc::from(rule),
            Severity::Error,
            Place::of(doc, at..at + 1),
            String::new(),
        )
    }

    #[test]
    fn ranges_next_line_and_front_matter() {
        let src = "---\nfactlint:\n  disable: [r.fm]\n---\nA x\n<!-- factlint-disable r.a -->\nB x\n<!-- factlint-enable -->\nC x\n<!-- factlint-disable-next-line r.c -->\nD x\nE x\n";
        let doc = Document::parse("t.md", src, Format::Markdown);
        let at = |s: &str| src.find(s).unwrap_or_else(|| panic!("{s}"));
        let mut fs = vec![
            finding(&doc, "r.fm", at("A x")),
            finding(&doc, "r.a", at("B x")),
            finding(&doc, "r.a", at("C x")),
            finding(&doc, "r.c", at("D x")),
            finding(&doc, "r.c", at("E x")),
        ];
        apply(&doc, &mut fs);
        let left: Vec<(&str, usize)> = fs.iter().map(|f| (&*f.rule, f.start.line)).collect();
        assert_eq!(left, [("r.a", 9), ("r.c", 12)]);
    }

    #[test]
    fn unused_suppressions_are_reported() {
        let src = "Text.\n<!-- factlint-disable-next-line r.x -->\nMore text.\n";
        let doc = Document::parse("t.md", src, Format::Markdown);
        let mut fs = Vec::new();
        apply(&doc, &mut fs);
        assert_eq!(fs.len(), 1);
        assert_eq!(&*fs[0].rule, UNUSED);
        assert_eq!(fs[0].start.line, 2);
    }
}
