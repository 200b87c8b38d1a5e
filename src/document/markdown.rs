//! Markdown: prose comes from pulldown-cmark's text events; code, HTML,
//! autolinks and images are not prose.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::builder::Builder;

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn hides_text(tag: &Tag) -> bool {
    match tag {
        Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::Image { .. } => true,
        Tag::Link { link_type, .. } => matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    }
}

/// Blanks MDX `import`/`export` lines (keeping every offset), so they are not read as prose.
fn mask_mdx(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.split_inclusive('\n') {
        if line.starts_with("import ") || line.starts_with("export ") {
            for c in line.chars() {
                if c == '\n' {
                    out.push('\n');
                } else {
                    out.push_str(&" ".repeat(c.len_utf8()));
                }
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Adds the prose of the Markdown in `source[body..]` to `b` (MDX when `mdx`).
pub(crate) fn build(b: &mut Builder, source: &str, body: usize, mdx: bool) {
    let masked;
    let md = if mdx {
        masked = mask_mdx(&source[body..]);
        masked.as_str()
    } else {
        &source[body..]
    };
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    // One entry per open tag: whether its text is hidden.
    let mut hidden: Vec<bool> = Vec::new();
    let mut hiding = 0usize;
    for (event, range) in Parser::new_ext(md, opts).into_offset_iter() {
        let range = range.start + body..range.end + body;
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    b.end_block();
                }
                let h = hides_text(&tag);
                hiding += h as usize;
                hidden.push(h);
            }
            Event::End(tag) => {
                if hidden.pop() == Some(true) {
                    hiding -= 1;
                }
                if is_block_end(&tag) {
                    b.end_block();
                }
            }
            _ if hiding > 0 => {}
            Event::Text(t) => b.push(&t, range),
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => b.push_opaque(range),
            Event::SoftBreak | Event::HardBreak => b.push_space(range),
            Event::Rule => b.end_block(),
            Event::Html(_) | Event::InlineHtml(_) | Event::TaskListMarker(_) => {}
        }
    }
    b.end_block();
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};

    fn words(doc: &Document) -> Vec<&str> {
        doc.tokens.iter().map(|t| doc.text(t)).collect()
    }

    #[test]
    fn code_and_comments_are_not_prose() {
        let src = "---\ndate: 2024-01-02\n---\n# Title\n\nSay `Russian rebels` here.\n\n```\nRussian rebels\n```\n<!-- Russian rebels -->\n";
        let doc = Document::parse("a.md", src, Format::Markdown);
        assert_eq!(words(&doc), ["Title", "Say", "\u{FFFC}", "here", "."]);
        assert_eq!(doc.date, Some(jiff::civil::date(2024, 1, 2)));
    }

    #[test]
    fn spans_map_back_through_markup() {
        let src = "Intro *Russian*\n**rebels** took &amp; [Damascus](https://x.org).\n";
        let doc = Document::parse("a.md", src, Format::Markdown);
        let find = |w: &str| doc.tokens.iter().find(|t| doc.text(t) == w).unwrap();
        assert_eq!(doc.slice(find("rebels").span()), "rebels");
        assert_eq!(doc.position(find("rebels").start()).line, 2);
        assert_eq!(doc.slice(find("&").span()), "&amp;");
        assert_eq!(doc.slice(find("Damascus").span()), "Damascus");
        assert!(find("rebels").has(crate::text::LINE_START));
    }

    #[test]
    fn mdx_imports_are_not_prose() {
        let src = "import Chart from './chart.js'\nexport const meta = {}\n\nThe Russian rebels advanced.\n";
        let doc = Document::parse("a.mdx", src, Format::Mdx);
        assert_eq!(words(&doc)[0], "The");
        let r = doc.tokens.iter().find(|t| doc.text(t) == "rebels").unwrap();
        assert_eq!(doc.slice(r.span()), "rebels");
    }

    #[test]
    fn list_items_and_cells_are_blocks() {
        let src =
            "- Close Search Window\n- Exit mobile version\n\n| a | b |\n|---|---|\n| one | two |\n";
        let doc = Document::parse("a.md", src, Format::Markdown);
        assert!(doc.sentences.len() >= 4);
    }
}
