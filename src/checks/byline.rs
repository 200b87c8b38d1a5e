//! Broken bylines: a time, a date or a section name where the author's name should be.

use rustc_hash::FxHashSet;

use super::{span_of, Check, CheckInfo, Context, Report, Setup};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::text::TokenKind;

/// The check.
pub struct Byline {
    /// Section names (`@byline_section`), as keys.
    sections: FxHashSet<String>,
}

impl Byline {
    /// The check, with the word list `@byline_section`.
    pub fn new(setup: &mut Setup) -> Self {
        Byline {
            sections: setup.lexicon_keys("byline_section"),
        }
    }
}

const LEADS: &[&str] = &[
    "written",
    "posted",
    "published",
    "story",
    "words",
    "reporting",
    "text",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn is_time_or_date(doc: &Document, t: &crate::text::Token) -> bool {
    let s = doc.norm(t);
    t.kind == TokenKind::Number
        || MONTHS.contains(&s)
        || matches!(s, "am" | "pm" | "a.m." | "p.m." | "today" | "yesterday")
}

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "hygiene.byline-no-author",
    severity: Severity::Error,
    summary: "a byline with a time, date or section name where the author should be",
    details: "a byline (\"By …\", \"Written by …\", \"Posted by …\") whose author is missing or is a time, a date or a section name (\"Written by 11:23 AM World\"). A line that reads like a sentence (\"By 11:30 a.m. the crowd had gathered…\") is not a byline. Section names come from `@byline_section`.",
    flag: &[
        "Written by 11:23 AM World",
        "By 9:05 PM",
        "Posted by admin",
        "Written by",
        "Published by 2024",
        "By December 12, 2024",
    ],
    pass: &[
        "Written by Jane Okafor, World correspondent",
        "Written by hand, the note was delivered at dawn.",
        "By 11:30 a.m. the crowd had gathered outside the ministry.",
        "The report was written by World Bank economists.",
        "Posted by the embassy on its website",
        "By Min-ji Park",
    ],
};

impl Check for Byline {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let sections = &self.sections;
        for line in doc.lines() {
            let toks = &doc.tokens[line.clone()];
            let word = |k: usize| toks.get(k).map(|t| doc.norm(t));
            // "By …", or a lead word and "by": the second word is tested first, it rules out most lines.
            let by = if word(1) == Some("by") && word(0).is_some_and(|w| LEADS.contains(&w)) {
                2
            } else if word(0) == Some("by") {
                1
            } else {
                continue;
            };
            let rest = &toks[by..];
            // A byline is short and is not a sentence.
            let sentence_like = rest.len() > 6
                || toks
                    .last()
                    .is_some_and(|t| matches!(doc.text(t), "." | "!" | "?"));
            if sentence_like && !(rest.is_empty()) {
                continue;
            }
            if by == 1 && rest.is_empty() {
                continue;
            }
            let author = rest.iter().filter(|t| t.kind != TokenKind::Punct);
            let broken = rest.is_empty()
                || rest.first().is_some_and(|t| is_time_or_date(doc, t))
                || author
                    .clone()
                    .all(|t| sections.contains(doc.norm(t)) || is_time_or_date(doc, t));
            if !broken {
                continue;
            }
            let what = if rest.is_empty() {
                "nothing".to_string()
            } else {
                format!("“{}”", doc.slice(span_of(doc, line.start + by..line.end)))
            };
            out.push(
                Report {
                    check: self,
                    span: span_of(doc, line.clone()),
                    message: format!(
                        "Broken byline: {what} stands where the author's name should be"
                    ),
                    help: Some("Put the author's name after “by”, or remove the byline.".into()),
                    suggestion: None,
                }
                .finding(doc),
            );
        }
    }
}
