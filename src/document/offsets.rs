//! The offset map: where each run of prose text came from in the source,
//! so that every token maps back to the bytes the writer wrote.

use std::ops::Range;

/// Walks the offset map along tokens, which come in order: most tokens lie
/// in an exact piece already found, and map back by one addition.
pub(super) struct Cursor<'a> {
    map: &'a OffsetMap,
    at: usize,
    /// The prose range of the current piece where the offset map is one shift.
    lo: usize,
    hi: usize,
    /// Source offset minus prose offset in that range.
    shift: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(map: &'a OffsetMap) -> Self {
        let mut c = Cursor {
            map,
            at: 0,
            lo: 1,
            hi: 0,
            shift: 0,
        };
        c.refresh();
        c
    }

    /// Caches the piece at `at`: exact pieces map by a shift up to their source length.
    fn refresh(&mut self) {
        let Some(pc) = self.map.0.get(self.at) else {
            return;
        };
        if pc.exact {
            let next = self.map.0.get(self.at + 1).map_or(usize::MAX, |n| n.prose);
            self.lo = pc.prose;
            self.hi = next.min(pc.prose + pc.src_len);
            self.shift = pc.src.wrapping_sub(pc.prose);
        } else {
            (self.lo, self.hi) = (1, 0);
        }
    }

    /// The source span of prose `start..end`.
    pub(super) fn map(&mut self, start: usize, end: usize) -> Range<usize> {
        if self.lo <= start && end <= self.hi {
            return start.wrapping_add(self.shift)..end.wrapping_add(self.shift);
        }
        let span = self.map.to_source(start, end, &mut self.at);
        self.refresh();
        span
    }
}

/// A run of prose text and the source bytes it came from.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub(super) prose: usize,
    pub(super) src: usize,
    pub(super) src_len: usize,
    pub(super) exact: bool,
}

/// Maps prose offsets back to source offsets.
#[derive(Debug, Default)]
pub(super) struct OffsetMap(pub(super) Vec<Piece>);

impl OffsetMap {
    /// The piece containing prose offset `p`; `hint` is where the last search
    /// ended (tokens come in order, so the search usually moves a step or none).
    fn piece(&self, p: usize, hint: &mut usize) -> Option<&Piece> {
        let pieces = &self.0;
        let mut i = (*hint).min(pieces.len().saturating_sub(1));
        if pieces.get(i).is_none_or(|pc| pc.prose > p) {
            i = pieces.partition_point(|pc| pc.prose <= p).checked_sub(1)?;
        } else {
            while i + 1 < pieces.len() && pieces[i + 1].prose <= p {
                i += 1;
            }
        }
        *hint = i;
        pieces.get(i)
    }

    /// The source span of prose `start..end`; one piece lookup when both
    /// ends lie in it (tokens in the piece already found are mapped by
    /// [`Cursor`] without coming here).
    pub(super) fn to_source(&self, start: usize, end: usize, hint: &mut usize) -> Range<usize> {
        if let Some(pc) = self.piece(start, hint) {
            let next = self.0.get(*hint + 1).map_or(usize::MAX, |n| n.prose);
            if pc.exact && end < next {
                let at = |p: usize| pc.src + (p - pc.prose).min(pc.src_len);
                return at(start)..at(end);
            }
        }
        self.to_source_start(start, hint)..self.to_source_end(end, hint)
    }

    fn to_source_start(&self, p: usize, hint: &mut usize) -> usize {
        match self.piece(p, hint) {
            Some(pc) if pc.exact => pc.src + (p - pc.prose).min(pc.src_len),
            Some(pc) => pc.src,
            None => 0,
        }
    }

    fn to_source_end(&self, p: usize, hint: &mut usize) -> usize {
        match self.piece(p.saturating_sub(1), hint) {
            Some(pc) if pc.exact => pc.src + (p - pc.prose).min(pc.src_len),
            Some(pc) => pc.src + pc.src_len,
            None => 0,
        }
    }
}
