//! Source text positions: byte offsets to 1-based lines and character columns.

/// A 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The byte offsets at which each line of a text starts.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// In lines longer than [`CHECKPOINT`] bytes: every [`CHECKPOINT`] bytes,
    /// a byte offset and its 0-based column, so that a column is counted
    /// from nearby and not from the start of a very long line.
    checkpoints: Vec<(usize, usize)>,
}

/// Spacing of column checkpoints in long lines, in bytes.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        LineIndex::new_in(text, Vec::new())
    }

    /// Indexes the line starts of `text`, in `starts` (cleared first: the
    /// memory of an index no longer needed, see [`LineIndex::into_starts`]).
    pub fn new_in(text: &str, mut starts: Vec<usize>) -> Self {
        starts.clear();
        // Lines of prose run about 60 bytes: one allocation for most texts.
        starts.reserve(text.len() / 48 + 2);
        starts.push(0);
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            let (mut at, mut column) = (start, 0);
            while end - at > CHECKPOINT {
                let next = floor_char_boundary(text, at + CHECKPOINT);
                column += text[at..next].chars().count();
                at = next;
                checkpoints.push((at, column));
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Gives back the memory of the line starts, for [`LineIndex::new_in`].
    pub fn into_starts(self) -> Vec<usize> {
        self.starts
    }

    /// The byte offset at which each line starts, in order (the first is 0).
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// How many lines the text has (at least one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where 0-based line `line` starts.
    pub fn start_of(&self, line: usize) -> usize {
        self.start_of_or(line, 0)
    }

    /// The byte offset where 0-based line `line` starts, or `default` past the last line.
    pub fn start_of_or(&self, line: usize, default: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(default)
    }

    /// The byte offset where 0-based line `line` of `text` ends, before its line break.
    pub fn end_of(&self, text: &str, line: usize) -> usize {
        let end = self.starts.get(line + 1).map_or(text.len(), |&s| s - 1);
        if end > 0 && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        }
    }

    /// The 0-based line that contains byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let mut start = self.starts[line];
        let mut before = 0;
        if offset - start > CHECKPOINT {
            // The last checkpoint at or before the offset, in this line.
            let k = self.checkpoints.partition_point(|&(at, _)| at <= offset);
            if let Some(&(at, column)) = k.checked_sub(1).and_then(|k| self.checkpoints.get(k)) {
                if at >= start {
                    (start, before) = (at, column);
                }
            }
        }
        let column = before + text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

/// The smallest char boundary at or above `i` (at most the text's length).
pub fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_very_long_lines() {
        let text = format!("x\n{}\n{}é z", "é".repeat(5000), "a".repeat(9000));
        let idx = LineIndex::new(&text);
        let z = text.rfind('z').unwrap();
        assert_eq!(
            idx.position(&text, z),
            Position {
                line: 3,
                column: 9003
            }
        );
        let mid = text.find('é').unwrap() + 2 * 4321;
        assert_eq!(
            idx.position(&text, mid),
            Position {
                line: 2,
                column: 4322
            }
        );
        for offset in [0, 1, 2, 5000, 10_000, 10_003, text.len()] {
            let slow = {
                let o = floor_char_boundary(&text, offset);
                let start = text[..o].rfind('\n').map_or(0, |n| n + 1);
                text[start..o].chars().count() + 1
            };
            assert_eq!(idx.position(&text, offset).column, slow, "at {offset}");
        }
    }

    #[test]
    fn positions_count_characters() {
        let text = "ab\nçé x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position { line: 2, column: 4 });
        assert_eq!(
            idx.position(text, text.len()),
            Position { line: 3, column: 1 }
        );
    }
}
