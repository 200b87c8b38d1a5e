//! Doubled words: "the the".

use super::{Check, Context, Report};
use crate::document::TokenKind;
use crate::finding::{Finding, Severity};

/// The check.
pub struct DoubledWord;

/// Words that are correctly doubled in English prose.
const ALLOWED: &[&str] = &[
    "had", "that", "so", "very", "bye", "no", "yes", "ha", "go", "chop", "knock", "many", "far",
    "more", "much", "really", "well", "tut", "walla", "wagga", "pago", "bora", "baden", "sirhan",
    "hush", "is", "do", "blah", "tsk", "dum", "la", "boo", "yeah", "hear", "again", "round",
    "over", "on", "cha", "aye", "mm", "hmm", "ah", "oh",
];

impl Check for DoubledWord {
    fn id(&self) -> &'static str {
        "hygiene.doubled-word"
    }

    fn severity(&self) -> Severity {
        Severity::Warning
    }

    fn description(&self) -> &'static str {
        "the same word twice in a row: “the the”"
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let leads = doc.leads();
        for s in &doc.sentences {
            let toks = &doc.tokens[s.clone()];
            let firsts = &leads[s.clone()];
            for (k, w) in toks.windows(2).enumerate() {
                // Two ASCII first letters that differ but for case rule the pair
                // out (read from the dense array of first bytes); a first letter
                // beyond ASCII may lose an accent in the matching form ("école").
                let (la, lb) = (firsts[k], firsts[k + 1]);
                if la < 0x80 && lb < 0x80 && la | 0x20 != lb | 0x20 {
                    continue;
                }
                let (a, b) = (&w[0], &w[1]);
                if a.kind != TokenKind::Word
                    || b.kind != TokenKind::Word
                    || a.norm_len() != b.norm_len()
                    || doc.norm(a) != doc.norm(b)
                {
                    continue;
                }
                // Only white space between them (a comma or markup makes it deliberate).
                // One space or one line break between them: wider gaps are table columns.
                let between = doc.slice(a.end()..b.start());
                let gap = between == " "
                    || (between.starts_with('\n')
                        && between[1..].chars().all(|c| c == ' ')
                        && between.len() <= 9);
                let caps_and_lower = doc.text(a).chars().all(|c| !c.is_lowercase())
                    != doc.text(b).chars().all(|c| !c.is_lowercase())
                    && doc.text(a).chars().count() > 1
                    && !doc.text(a)[1..].chars().any(char::is_lowercase);
                let letter = doc.text(a).chars().count() < 2 && doc.norm(a) != "a";
                if !gap || caps_and_lower || letter || ALLOWED.contains(&doc.norm(a)) {
                    continue;
                }
                out.push(
                    Report {
                        check: self,
                        span: a.start()..b.end(),
                        message: format!("“{}” is written twice", doc.text(a)),
                        help: None,
                        suggestion: Some(doc.text(a).to_string()),
                    }
                    .finding(doc),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_examples;
    use super::DoubledWord;

    #[test]
    fn examples() {
        assert_examples(
            &DoubledWord,
            &[
                "The the base was closed.",
                "The ecole école stayed open.",
                "Russia moved its its air defences.",
                "They said that the\nthe rebels had won.",
                "It was a a long war.",
                "Libya has been divided for for years.",
            ],
            &[
                "He had had enough.",
                "She said that that was the end.",
                "Walla Walla is in Washington.",
                "The word “the”, the article, is common.",
                "Bye bye, she said.",
                "Rename Value::to_str to to_cow_str in the API.",
                "set(DIFF diff)",
                "v   v",
                "He said no, no and no again.",
            ],
        );
    }
}
