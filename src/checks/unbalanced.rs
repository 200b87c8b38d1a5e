//! Unbalanced brackets and quotation marks within a paragraph.

use super::{Check, CheckInfo, Context, Report};
use crate::finding::{Finding, Severity};
use crate::text::{TokenKind, LINE_START, SPACE_BEFORE};

/// The check.
pub struct Unbalanced;

fn closer(open: &str) -> &'static str {
    match open {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        "“" | "”" => "”",
        _ => "\"",
    }
}

/// The first bytes of brackets and quotes.
static LEADS: [bool; 256] = super::byte_set(b"()[]{}\"\xE2");

/// What the check is.
pub const INFO: CheckInfo = CheckInfo {
    id: "hygiene.unbalanced",
    severity: Severity::Warning,
    summary: "a bracket or quotation mark opened and not closed (or closed and not opened) in a paragraph",
    details: "0.43 | unclosed brackets really in the sources (broken links in changelogs), one malformed link",
    flag: &[
        "The Libyan National Army (LNA controls the east.",
        "He said “we will stay and left.",
        "The base) was expanded.",
        "She called it \"a turning point and moved on.",
        "“I am proud,” a resident said.”It is a new era for us all”.",
        "The list [of bases was long.",
    ],
    pass: &[
        "The Libyan National Army (LNA) controls the east.",
        "He said “we will stay” and left.",
        "She called it \"a turning point\" and moved on.",
        "1) Tartus\n2) Hmeimim",
        "“The first paragraph of a long quotation runs on.\n\n“And the second one closes it,” he said.",
        "Russia’s bases, the rebels’ gains and the ‘Arab Spring’ are fine.",
        "“We are focused on the state now,\" he said, with mixed marks.",
        "\"We are focused on the state now,” he said, with mixed marks.",
        "Thanks for reading :)",
        "No changelog until this point :(",
        "Code points in [0, 0x800) take two bytes.",
    ],
};

impl Check for Unbalanced {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        // Paragraphs: runs of sentences whose tokens follow without a block break.
        let blocks = doc.blocks();
        // The brackets and quotes open in the current block (one vector for all).
        let mut stack: Vec<usize> = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            let toks = &doc.tokens[block.clone()];
            stack.clear();
            let mut report = |i: usize, what: String| {
                let t = &toks[i];
                out.push(
                    Report {
                        check: self,
                        span: t.span(),
                        message: what,
                        help: None,
                        suggestion: None,
                    }
                    .finding(doc),
                );
            };
            // Brackets, straight quotes, and curly quotes (E2 80 9C, E2 80 9D),
            // found in the dense array of first bytes.
            let leads = &doc.leads()[block.clone()];
            for (i, _) in leads.iter().enumerate().filter(|(_, &l)| LEADS[l as usize]) {
                let t = &toks[i];
                if t.kind != TokenKind::Punct {
                    continue;
                }
                match doc.text(t) {
                    // ":(" is a face, not a bracket.
                    "(" if i >= 1
                        && matches!(doc.text(&toks[i - 1]), ":" | ";")
                        && !t.has(SPACE_BEFORE) => {}
                    "(" | "[" | "{" | "“" => stack.push(i),
                    // A straight mark closes a curly one too (“…"): mixed marks,
                    // but a closed quotation.
                    "\"" => match stack.last() {
                        Some(&o) if matches!(doc.text(&toks[o]), "\"" | "“") => {
                            stack.pop();
                        }
                        _ => stack.push(i),
                    },
                    c @ (")" | "]" | "}" | "”") => {
                        // "1)" and "a)" that number list items are not brackets, nor ":)".
                        let numbering = c == ")"
                            && i >= 1
                            && toks[i - 1].has(LINE_START)
                            && doc.text(&toks[i - 1]).chars().count() <= 2;
                        let smiley = c == ")"
                            && i >= 1
                            && matches!(doc.text(&toks[i - 1]), ":" | ";")
                            && !t.has(SPACE_BEFORE);
                        // An opening straight mark closed by a curly one ("…”).
                        let mixed = |o: usize| c == "”" && doc.text(&toks[o]) == "\"";
                        // A closing mark typed where an opening one belongs:
                        // straight after a sentence's end, against the next word
                        // (“…,” she said.”It is …”).
                        let opens = c == "”"
                            && toks
                                .get(i + 1)
                                .is_some_and(|n| n.kind == TokenKind::Word && !n.has(SPACE_BEFORE));
                        match stack.last() {
                            Some(&o) if closer(doc.text(&toks[o])) == c || mixed(o) => {
                                stack.pop();
                            }
                            None if opens => {
                                stack.push(i);
                                report(
                                    i,
                                    "“”” opens a quotation here: the opening mark is ““”".into(),
                                );
                            }
                            // Half-open intervals: [0, 10) and (0, 10].
                            Some(&o)
                                if matches!((doc.text(&toks[o]), c), ("[", ")") | ("(", "]")) =>
                            {
                                stack.pop();
                            }
                            _ if numbering || smiley => {}
                            _ => report(
                                i,
                                format!("“{c}” closes nothing opened before it in this paragraph"),
                            ),
                        }
                    }
                    _ => {}
                }
            }
            for &o in &stack {
                let open = doc.text(&toks[o]);
                // A quotation running on into the next paragraph reopens it there.
                let continues = open == "“"
                    && blocks.get(b + 1).is_some_and(|next| {
                        doc.tokens
                            .get(next.start)
                            .is_some_and(|t| doc.text(t) == "“")
                    });
                if !continues {
                    report(o, format!("“{open}” is not closed in this paragraph"));
                }
            }
        }
    }
}
