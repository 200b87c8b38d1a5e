//! Collecting prose blocks, and their offset map, while markup is walked.

use std::ops::Range;

use super::offsets::{OffsetMap, Piece};
use super::{cleared, Buffers};
use crate::text::tokenize;

/// Collects prose blocks and their offset map while markup is walked.
pub(crate) struct Builder<'s> {
    source: &'s str,
    prose: String,
    pieces: OffsetMap,
    blocks: Vec<Range<usize>>,
    pub(super) open: Option<usize>,
}

impl<'s> Builder<'s> {
    pub(super) fn new(source: &'s str, buffers: &mut Buffers) -> Self {
        let mut prose = std::mem::take(&mut buffers.prose);
        prose.clear();
        prose.reserve(source.len());
        Builder {
            source,
            prose,
            pieces: OffsetMap(cleared(&mut buffers.pieces.0)),
            blocks: cleared(&mut buffers.block_prose),
            open: None,
        }
    }

    fn push_piece(&mut self, text: &str, src: Range<usize>, exact: bool) {
        if self.open.is_none() {
            self.open = Some(self.prose.len());
        }
        self.pieces.0.push(Piece {
            prose: self.prose.len(),
            src: src.start,
            src_len: src.len(),
            exact,
        });
        self.prose.push_str(text);
    }

    /// Adds prose text that was read from `src`.
    pub(crate) fn push(&mut self, text: &str, src: Range<usize>) {
        // Text that is the source slice itself (most Markdown text) needs no comparison.
        let exact = self
            .source
            .get(src.clone())
            .is_some_and(|s| (s.as_ptr() == text.as_ptr() && s.len() == text.len()) || s == text);
        self.push_piece(text, src, exact);
    }

    /// Adds an opaque token (inline code) standing for `src`.
    pub(crate) fn push_opaque(&mut self, src: Range<usize>) {
        let mut buf = [0u8; 4];
        self.push_piece(tokenize::OPAQUE.encode_utf8(&mut buf), src, false);
    }

    /// Adds a word break (soft line break) standing for `src`.
    pub(crate) fn push_space(&mut self, src: Range<usize>) {
        if self.open.is_some() {
            self.push_piece(" ", src, false);
        }
    }

    /// Closes the current block, if one is open.
    pub(crate) fn end_block(&mut self) {
        if let Some(start) = self.open.take() {
            self.blocks.push(start..self.prose.len());
            self.prose.push('\n');
        }
    }

    pub(super) fn finish(mut self) -> (String, Vec<Range<usize>>, OffsetMap) {
        self.end_block();
        (self.prose, self.blocks, self.pieces)
    }
}
