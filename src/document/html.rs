//! HTML: the visible text of the page, without scripts, styles, navigation,
//! headers, footers, asides and forms; every word keeps its offsets in the
//! original file. Tokenized by html5gum, with spans.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::builder::Builder;

/// Elements whose content is not article text.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "footer", "header", "aside", "form",
    "button", "svg", "iframe", "select", "textarea", "object", "canvas",
];

/// Elements that are opaque code in prose.
const CODE: &[&str] = &["code", "kbd", "samp", "var", "pre"];

/// Elements that start a new block of prose.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "hr",
    "body",
    "caption",
    "details",
    "summary",
    "address",
];

/// Meta names and properties that give an article's date.
const DATE_META: &[&str] = &[
    "date",
    "article:published_time",
    "dc.date",
    "dcterms.created",
    "pubdate",
    "publish-date",
];

/// Adds the prose of the HTML in `source` to `b`; returns the date found in
/// a `<meta>` tag or a `<time datetime>` in the article, if any.
pub(crate) fn build(b: &mut Builder, source: &str) -> Option<String> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Switch to raw text inside <script>, <style> and the like.
    emitter.naively_switch_states(true);
    let mut hidden: Vec<String> = Vec::new();
    let mut code: Option<(String, usize)> = None;
    let mut date = None;
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let attr = |k: &str| {
                    tag.attributes
                        .get(k.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                if name == "meta" {
                    let key = attr("name")
                        .or_else(|| attr("property"))
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    if DATE_META.contains(&key.as_str()) && date.is_none() {
                        date = attr("content");
                    }
                }
                if name == "time" && date.is_none() && hidden.is_empty() {
                    date = attr("datetime");
                }
                if tag.self_closing
                    || matches!(
                        name.as_str(),
                        "br" | "hr" | "img" | "meta" | "link" | "input" | "wbr"
                    )
                {
                    if name == "br" && hidden.is_empty() {
                        b.push_space(tag.span.start..tag.span.end);
                    } else if BLOCKS.contains(&name.as_str()) {
                        b.end_block();
                    }
                    continue;
                }
                if HIDDEN.contains(&name.as_str()) {
                    hidden.push(name);
                    continue;
                }
                if !hidden.is_empty() {
                    continue;
                }
                if CODE.contains(&name.as_str()) && code.is_none() {
                    if name == "pre" {
                        b.end_block();
                    }
                    code = Some((name, tag.span.start));
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    b.end_block();
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if hidden.last() == Some(&name) {
                    hidden.pop();
                    continue;
                }
                if !hidden.is_empty() {
                    continue;
                }
                if let Some((open, start)) = &code {
                    if *open == name {
                        if name == "pre" {
                            b.end_block();
                        } else {
                            b.push_opaque(*start..tag.span.end);
                        }
                        code = None;
                    }
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    b.end_block();
                }
            }
            Token::String(s) if hidden.is_empty() && code.is_none() => {
                let text = String::from_utf8_lossy(&s.value).into_owned();
                push_aligned(b, &text, source, s.span.start..s.span.end);
            }
            _ => {}
        }
    }
    b.end_block();
    date
}

/// Adds decoded text read from `source[span]`, mapping literal runs exactly
/// and each character reference (`&amp;`) to the decoded character.
fn push_aligned(b: &mut Builder, text: &str, source: &str, span: std::ops::Range<usize>) {
    let Some(raw) = source.get(span.clone()) else {
        b.push(text, span);
        return;
    };
    if raw == text {
        b.push(text, span);
        return;
    }
    // Walk the raw and decoded text together.
    let mut pieces: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < raw.len() && j < text.len() {
        let entity = raw[i..]
            .starts_with('&')
            .then(|| raw[i..].find(';').filter(|&e| e <= 32))
            .flatten();
        match entity {
            Some(e) if !text[j..].starts_with(&raw[i..i + e + 1]) => {
                let Some(c) = text[j..].chars().next() else {
                    break;
                };
                pieces.push((i..i + e + 1, j..j + c.len_utf8()));
                i += e + 1;
                j += c.len_utf8();
            }
            _ => {
                let Some(c) = raw[i..].chars().next() else {
                    break;
                };
                if !text[j..].starts_with(c) {
                    break;
                }
                pieces.push((i..i + c.len_utf8(), j..j + c.len_utf8()));
                i += c.len_utf8();
                j += c.len_utf8();
            }
        }
    }
    if i != raw.len() || j != text.len() {
        b.push(text, span);
        return;
    }
    for (r, t) in pieces {
        b.push(&text[t], span.start + r.start..span.start + r.end);
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Document, Format};

    #[test]
    fn visible_text_only_with_exact_offsets() {
        let src = "<html><head><title>T</title><script>var x = 'Russian rebels';</script></head>\n<body><nav>Home</nav>\n<article><p>The <em>Russian</em>\nrebels &amp; <b>others</b> met.</p><footer>Exit mobile version</footer></article></body></html>";
        let doc = Document::parse("a.html", src, Format::Html);
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.text(t)).collect();
        assert_eq!(
            words,
            ["The", "Russian", "rebels", "&", "others", "met", "."]
        );
        let r = doc.tokens.iter().find(|t| doc.text(t) == "rebels").unwrap();
        assert_eq!(doc.slice(r.span()), "rebels");
        assert_eq!(doc.position(r.start()).line, 4);
        let amp = doc.tokens.iter().find(|t| doc.text(t) == "&").unwrap();
        assert_eq!(doc.slice(amp.span()), "&amp;");
    }

    #[test]
    fn date_from_meta() {
        let src = "<html><head><meta property=\"article:published_time\" content=\"2024-12-20T08:00:00Z\"></head><body><p>Hi.</p></body></html>";
        let doc = Document::parse("a.html", src, Format::Html);
        assert_eq!(doc.date, Some(jiff::civil::date(2024, 12, 20)));
    }
}
