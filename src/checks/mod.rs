//! Built-in checks: whole-document inspections written in Rust, one per
//! file, each with its own tests of text it must flag and text it must pass.
//!
//! A check sees a parsed [`Document`] and the [`Rulebook`] (for word lists
//! and the fact base) and reports findings under its own id, which
//! configuration can turn off or give another severity.

pub mod acronyms;
pub mod bracket_artifact;
pub mod byline;
pub mod doubled_word;
pub mod placeholder;
pub mod residue;
pub mod spelling;
pub mod unattributed_quote;
pub mod unbalanced;
pub mod values;

use std::ops::Range;
use std::sync::Arc;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::rules::Rulebook;
use crate::text::{Token, TokenKind};
use crate::vocab::WordIds;

/// What a check sees: the document, the rulebook (word lists, fact base)
/// and the document's word ids in the rulebook's vocabulary.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The rules, word lists and fact base.
    pub book: &'a Rulebook,
    /// The word id of each token (see [`Rulebook::word_ids`]).
    pub ids: &'a WordIds,
}

/// A whole-document check.
pub trait Check: Send + Sync {
    /// Unique id, used in findings and configuration.
    fn id(&self) -> &'static str;
    /// Severity of its findings unless configured otherwise.
    fn severity(&self) -> Severity;
    /// What it looks for, in one line.
    fn description(&self) -> &'static str;
    /// Adds its findings on the context's document to `out`.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>);
    /// Words (in matching form) it looks for by id: the rulebook gives
    /// them ids when it loads ([`Rulebook::check_words`]), so that the check
    /// compares a token's id instead of hashing its text.
    fn words(&self) -> &'static [&'static str] {
        &[]
    }
    /// Whether the tokens of its [`Check::words`] are listed in
    /// [`WordIds::known`]: a check that looks for rare words walks that
    /// short list instead of every token. Common words stay unlisted, or
    /// every walk of the list would grow.
    fn lists_words(&self) -> bool {
        false
    }
}

impl std::fmt::Debug for dyn Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// Every built-in check.
pub fn all() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(residue::PageResidue),
        Box::new(byline::Byline),
        Box::new(bracket_artifact::BracketArtifact),
        Box::new(placeholder::Placeholder),
        Box::new(doubled_word::DoubledWord),
        Box::new(unbalanced::Unbalanced),
        Box::new(unattributed_quote::UnattributedQuote),
        Box::new(spelling::SpellingConsistency),
        Box::new(acronyms::Acronyms),
    ]
}

/// What a check reports: a span of the source, a message, and optional help and fix.
pub struct Report<'a> {
    /// The check.
    pub check: &'a dyn Check,
    /// Byte span in the source.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Replacement text.
    pub suggestion: Option<String>,
}

impl Report<'_> {
    /// The finding, positioned in `doc`.
    pub fn finding(self, doc: &Document) -> Finding {
        Finding {
            rule: Arc::from(self.check.id()),
            severity: self.check.severity(),
            start: doc.position(self.span.start),
            end: doc.position(self.span.end),
            text: doc.slice(self.span.clone()).to_string(),
            span: self.span,
            message: self.message,
            help: self.help,
            suggestion: self.suggestion,
            sources: Arc::from(Vec::new()),
            related: Vec::new(),
        }
    }
}

/// A table of the bytes in `bytes`, for testing a token's first byte.
pub const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// The byte span from the first to the last of `tokens`.
pub fn span_of(doc: &Document, tokens: Range<usize>) -> Range<usize> {
    doc.tokens[tokens.start].start()..doc.tokens[tokens.end - 1].end()
}

/// The tokens' matching forms joined by single spaces, punctuation dropped.
pub fn words_of(doc: &Document, tokens: &[Token]) -> String {
    let mut s = String::new();
    words_into(doc, tokens, &mut s);
    s
}

/// Like [`words_of`], into a reused buffer (cleared first).
pub fn words_into(doc: &Document, tokens: &[Token], s: &mut String) {
    s.clear();
    for t in tokens {
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(doc.norm(t));
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the checks' own tests.

    use super::Check;
    use crate::document::{Document, Format};
    use crate::rules::Rulebook;

    pub fn book() -> &'static Rulebook {
        use std::sync::OnceLock;
        static BOOK: OnceLock<Rulebook> = OnceLock::new();
        BOOK.get_or_init(|| match Rulebook::builtin() {
            Ok(b) => b,
            Err(e) => panic!(
                "built-in rules load: {:?}",
                e.iter().map(|e| &e.message).collect::<Vec<_>>()
            ),
        })
    }

    /// The source text of each finding of `check` on `text` (read as Markdown).
    pub fn flagged(check: &dyn Check, text: &str) -> Vec<String> {
        let doc = Document::parse("t.md", text, Format::Markdown);
        let mut out = Vec::new();
        let ids = book().word_ids(&doc);
        let cx = super::Context {
            doc: &doc,
            book: book(),
            ids: &ids,
        };
        check.check(&cx, &mut out);
        out.iter()
            .map(|f| doc.slice(f.span.clone()).to_string())
            .collect()
    }

    /// Asserts that each of `flag` gives at least one finding and each of `pass` none.
    pub fn assert_examples(check: &dyn Check, flag: &[&str], pass: &[&str]) {
        for t in flag {
            assert!(
                !flagged(check, t).is_empty(),
                "{} should flag: {t:?}",
                check.id()
            );
        }
        for t in pass {
            let f = flagged(check, t);
            assert!(
                f.is_empty(),
                "{} should pass: {t:?}, flagged {f:?}",
                check.id()
            );
        }
    }
}
