//! Text primitives: tokens, their matching forms and sentence ends. The
//! document, the pattern language and the fact base all read text through
//! these, so that a pattern's words line up with a document's tokens and
//! with the fact base's names.

pub mod normalize;
pub mod sentence;
pub mod tokenize;

use std::ops::Range;

pub use tokenize::TokenKind;

/// Token flag: first prose token on its source line.
pub const LINE_START: u8 = 1;
/// Token flag: last prose token on its source line.
pub const LINE_END: u8 = 2;
/// Token flag: white space precedes the token.
pub const SPACE_BEFORE: u8 = 4;
/// Token flag (internal): the matching form ends in a possessive `'s`.
pub(crate) const POSSESSIVE: u8 = 8;

/// One token of prose: 32 bytes, offsets held as `u32` (documents are
/// limited to `document::MAX_LEN` bytes). Its text and matching form are
/// read through the [`Prose`] it belongs to.
#[derive(Debug, Clone)]
pub struct Token {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) text: u32,
    pub(crate) text_end: u32,
    pub(crate) norm: u32,
    pub(crate) norm_end: u32,
    /// Index of the sentence it belongs to.
    pub sentence: u32,
    /// What it is.
    pub kind: TokenKind,
    /// [`LINE_START`], [`LINE_END`], [`SPACE_BEFORE`].
    pub flags: u8,
}

impl Token {
    /// Whether the token has `flag`.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Byte span in the original source.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Where its span starts in the original source.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where its span ends in the original source.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Where its matching form lies in the buffer of forms.
    pub(crate) fn norm_range(&self) -> (usize, usize) {
        (self.norm as usize, self.norm_end as usize)
    }

    /// Length in bytes of its matching form.
    pub fn norm_len(&self) -> usize {
        (self.norm_end - self.norm) as usize
    }

    /// Whether its matching form ends in a possessive `'s`.
    pub fn possessive(&self) -> bool {
        self.has(POSSESSIVE)
    }

    /// Length in bytes of its matching form without a possessive `'s`.
    pub fn base_len(&self) -> u32 {
        self.norm_end - self.norm - 2 * u32::from(self.has(POSSESSIVE))
    }
}

/// Tokens with their prose text and matching forms: what the pattern
/// matcher, the word index and the name finder read.
#[derive(Debug, Clone, Copy)]
pub struct Prose<'a> {
    /// The tokens, in order.
    pub tokens: &'a [Token],
    prose: &'a str,
    norm: &'a str,
}

impl<'a> Prose<'a> {
    /// The tokens of `prose` (decoded text) whose matching forms lie in `norm`.
    pub(crate) fn new(tokens: &'a [Token], prose: &'a str, norm: &'a str) -> Self {
        Prose {
            tokens,
            prose,
            norm,
        }
    }

    /// The token's text as it reads in prose (escapes and entities decoded).
    pub fn text(&self, t: &Token) -> &'a str {
        &self.prose[t.text as usize..t.text_end as usize]
    }

    /// The token's matching form (see [`normalize::normalize`]).
    pub fn norm(&self, t: &Token) -> &'a str {
        &self.norm[t.norm as usize..t.norm_end as usize]
    }

    /// The token's matching form without a possessive `'s`.
    pub fn base(&self, t: &Token) -> &'a str {
        &self.norm[t.norm as usize..(t.norm + t.base_len()) as usize]
    }

    /// The token's matching form as bytes (cheaper to slice than [`Prose::norm`]).
    pub fn norm_bytes(&self, t: &Token) -> &'a [u8] {
        self.norm
            .as_bytes()
            .get(t.norm as usize..t.norm_end as usize)
            .unwrap_or_default()
    }

    /// The buffer the matching forms lie in: a token's form is at
    /// [`Token::norm_range`] of it, and the bytes after a form let a short
    /// one be read as one integer.
    pub(crate) fn norm_buffer(&self) -> &'a [u8] {
        self.norm.as_bytes()
    }
}

/// Told each token's matching form while a text is tokenized, so that an
/// index of the words (the vocabulary's) is built in the same pass.
pub trait FormSink {
    /// The next token (tokens come in order, each once: the first told
    /// is token 0) has the matching form `norm[start..end]`, which ends in
    /// a possessive `'s` when `possessive`.
    fn form(&mut self, norm: &[u8], start: usize, end: usize, possessive: bool);
}

/// No sink: forms are not needed.
impl FormSink for () {
    #[inline(always)]
    fn form(&mut self, _: &[u8], _: usize, _: usize, _: bool) {}
}
