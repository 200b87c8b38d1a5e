//! Plain text: paragraphs are runs of non-blank lines.

use super::builder::Builder;

/// Adds each paragraph of `source` as one block.
pub(crate) fn build(b: &mut Builder, source: &str) {
    let mut pos = 0;
    for line in source.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if line.trim().is_empty() {
            b.end_block();
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        if b.open.is_some() {
            b.push_space(start - 1..start);
        }
        b.push(content, start..start + content.len());
    }
    b.end_block();
}
