//! Placeholders left in copy: TK, XX, lorem ipsum, [citation needed], FIXME, TODO.

use super::{Check, Context, Report};
use crate::document::TokenKind;
use crate::finding::{Finding, Severity};

/// The check.
pub struct Placeholder;

/// The first bytes a placeholder can start with: `[`, l, L, T, X, F, H, D.
static LEADS: [bool; 256] = super::byte_set(b"[lLTXFHD");

/// Whole tokens that are placeholders when written in capitals.
fn placeholder_token(text: &str) -> bool {
    let tk = text.len() >= 2
        && text.len().is_multiple_of(2)
        && text.as_bytes().chunks(2).all(|c| c == b"TK");
    let xx = (2..=4).contains(&text.len()) && text.bytes().all(|b| b == b'X');
    tk || xx || matches!(text, "FIXME" | "TODO" | "TBC" | "XXXX" | "HED" | "DEK")
}

impl Check for Placeholder {
    fn id(&self) -> &'static str {
        "hygiene.placeholder"
    }

    fn severity(&self) -> Severity {
        Severity::Error
    }

    fn description(&self) -> &'static str {
        "placeholders left in copy: TK, XX, lorem ipsum, [citation needed], FIXME, TODO"
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let toks = &doc.tokens;
        let leads = doc.leads();
        let mut i = 0;
        while i < toks.len() {
            // Placeholders are capitals (TK, XX, FIXME), "lorem" or "[citation needed]":
            // the first byte rules out most tokens, read from the dense array of first bytes.
            match leads
                .get(i..)
                .and_then(|l| l.iter().position(|&b| LEADS[b as usize]))
            {
                Some(k) => i += k,
                None => break,
            }
            let t = &toks[i];
            let candidate = match leads[i] {
                b'[' => true,
                b'l' | b'L' => doc.text(t).len() == 5,
                b'T' | b'X' | b'F' | b'H' | b'D' => doc
                    .text(t)
                    .as_bytes()
                    .get(1)
                    .is_some_and(u8::is_ascii_uppercase),
                _ => false,
            };
            if !candidate {
                i += 1;
                continue;
            }
            let text = doc.text(t);
            let next_norm = toks.get(i + 1).map(|n| doc.norm(n));
            let mut hit: Option<(usize, &str)> = None;
            if t.kind == TokenKind::Word && placeholder_token(text) {
                // "the XX century" and "XXL" are not placeholders.
                let roman = text.starts_with('X')
                    && matches!(
                        next_norm,
                        Some("century" | "centuries" | "th" | "congress" | "olympiad")
                    );
                if !roman {
                    hit = Some((i + 1, "a placeholder"));
                }
            } else if doc.norm(t) == "lorem" && next_norm == Some("ipsum") {
                hit = Some((i + 2, "placeholder text"));
            } else if text == "["
                && toks.get(i + 3).is_some_and(|c| doc.text(c) == "]")
                && doc.norm(&toks[i + 1]) == "citation"
                && doc.norm(&toks[i + 2]) == "needed"
            {
                hit = Some((i + 4, "a missing citation"));
            }
            match hit {
                Some((end, what)) => {
                    let span = t.start()..toks[end - 1].end();
                    out.push(
                        Report {
                            check: self,
                            message: format!(
                                "“{}” is {what} left in the copy",
                                doc.slice(span.clone())
                            ),
                            span,
                            help: Some("Fill it in before publishing.".into()),
                            suggestion: None,
                        }
                        .finding(doc),
                    );
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_examples;
    use super::Placeholder;

    #[test]
    fn examples() {
        assert_examples(
            &Placeholder,
            &[
                "The base holds TK aircraft.",
                "The offensive began on XX November.",
                "Lorem ipsum dolor sit amet.",
                "Russia has two bases there [citation needed].",
                "FIXME: add the minister's name.",
                "The deal is worth TKTK dollars.",
            ],
            &[
                "The XX century saw two world wars.",
                "Tk, the currency symbol, is lower case here.",
                "The Xbox and the XXL size were on sale.",
                "She needed a citation for the claim.",
                "Todo lo que sé, she said in Spanish.",
            ],
        );
    }
}
