//! Front matter that cannot be read: YAML that does not parse, a `date`
//! that is not a date.

use std::sync::Arc;

use super::{Check, CheckInfo, Context};
use crate::finding::{Finding, Place, Severity};

/// The check.
pub struct FrontMatter;

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "front-matter",
    severity: Severity::Warning,
    summary: "front matter that is not valid YAML, or a date that is not a date",
    details: "front matter that is not valid YAML, or a `date` that is not a date.",
    flag: &[
        "---\ndate: last Tuesday\n---\nText.\n",
        "---\ntitle: [unclosed\n---\nText.\n",
    ],
    pass: &[
        "---\ndate: 2025-01-10\n---\nText.\n",
        "---\ntitle: Notes\n---\nNo date is fine.\n",
        "Text without front matter.\n",
    ],
};

impl Check for FrontMatter {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for p in &doc.problems {
            out.push(Finding::new(
                Arc::from(INFO.id),
                INFO.severity,
                Place::of(doc, p.span.clone()),
                p.message.clone(),
            ));
        }
    }
}
