//! Front matter at the top of a Markdown file (`---` YAML or `+++` TOML).

use std::ops::Range;

use jiff::civil::Date;

use crate::yaml;

/// A front-matter block found at the start of a file.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// The whole block, fences included.
    pub range: Range<usize>,
    /// The content between the fences.
    pub body: Range<usize>,
    /// `true` for TOML (`+++`), `false` for YAML (`---`).
    pub toml: bool,
}

/// Finds front matter at the very start of `source`.
pub fn find(source: &str) -> Option<FrontMatter> {
    let source_nb = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let bom = source.len() - source_nb.len();
    let (fence, toml) = if source_nb.starts_with("---") {
        ("---", false)
    } else if source_nb.starts_with("+++") {
        ("+++", true)
    } else {
        return None;
    };
    let first_end = source_nb.find('\n')?;
    if source_nb[..first_end].trim_end() != fence {
        return None;
    }
    let body_start = bom + first_end + 1;
    let mut pos = body_start;
    for line in source[body_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == fence || (!toml && trimmed == "...") {
            return Some(FrontMatter {
                range: bom..pos + line.len(),
                body: body_start..pos,
                toml,
            });
        }
        pos += line.len();
    }
    None
}

/// A problem with front matter, at a byte range of the file.
#[derive(Debug, Clone)]
pub struct FrontMatterProblem {
    /// Where.
    pub span: Range<usize>,
    /// What.
    pub message: String,
}

/// Reads the `date` key of front matter, if any.
pub fn date(source: &str, fm: &FrontMatter) -> Result<Option<Date>, FrontMatterProblem> {
    let body = &source[fm.body.clone()];
    let raw = if fm.toml {
        body.lines().find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == "date")
                .then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
        })
    } else if let Some(raw) = simple_date(body) {
        raw
    } else {
        yaml::string_field(body, "date").map_err(|e| FrontMatterProblem {
            span: e
                .offset
                .map(|o| fm.body.start + o..fm.body.start + o)
                .unwrap_or(fm.range.clone()),
            message: format!("front matter is not valid YAML: {}", e.message),
        })?
    };
    let Some(raw) = raw else { return Ok(None) };
    parse_date(&raw).map(Some).ok_or_else(|| {
        let at = body.find(raw.as_str()).map(|o| fm.body.start + o);
        FrontMatterProblem {
            span: at.map(|o| o..o + raw.len()).unwrap_or(fm.range.clone()),
            message: format!("front matter `date` is not a date (YYYY-MM-DD): {raw:?}"),
        }
    })
}

/// The `date` of YAML front matter written in the plain subset most sites
/// use (`key: value` lines of plain or simply quoted scalars and flat
/// `[a, b]` lists), read without a YAML parser: `None` when the text goes
/// beyond that subset (the YAML parser then reads it and reports errors),
/// else the date's text if there is one.
fn simple_date(body: &str) -> Option<Option<String>> {
    let mut keys: Vec<&str> = Vec::new();
    let mut date = None;
    for line in body.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key_ok = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !key_ok || keys.contains(&key) || !(value.is_empty() || value.starts_with(' ')) {
            return None;
        }
        keys.push(key);
        let value = value.trim();
        let inner = |q: char| {
            let v = value.strip_prefix(q)?.strip_suffix(q)?;
            (!v.contains(q) && !v.contains('\\')).then_some(v)
        };
        const INDICATORS: &[char] = &[
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ];
        let text = if value.is_empty() {
            // A nested block may follow: beyond the subset.
            return None;
        } else if value.starts_with('"') {
            inner('"')?
        } else if value.starts_with('\'') {
            inner('\'')?
        } else if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let flat = !list.contains(INDICATORS)
                || list.split(',').all(|item| {
                    let item = item.trim();
                    !item.is_empty()
                        && !item.starts_with(INDICATORS)
                        && !item.contains([':', '#', '[', ']', '{', '}', '"', '\''])
                });
            if !flat {
                return None;
            }
            value
        } else if value.starts_with(INDICATORS)
            || value.contains(": ")
            || value.contains(" #")
            || value.ends_with(':')
        {
            return None;
        } else {
            value
        };
        if key == "date" {
            // Other plain values (numbers, `null`) are typed by YAML: leave them to the parser.
            let dated = text.len() >= 5
                && text.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                && text.as_bytes()[4] == b'-';
            if !dated {
                return None;
            }
            date = Some(text.to_string());
        }
    }
    Some(date)
}

/// Parses `YYYY-MM-DD`, also as the start of a timestamp (`2024-12-20T10:00:00Z`).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    head.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_yaml_front_matter_and_date() {
        let src = "---\ntitle: x\ndate: 2024-12-20T08:00:00Z\n---\nBody\n";
        let fm = find(src).unwrap();
        assert_eq!(&src[fm.range.end..], "Body\n");
        assert_eq!(
            date(src, &fm).unwrap(),
            Some(jiff::civil::date(2024, 12, 20))
        );
    }

    #[test]
    fn toml_front_matter() {
        let src = "+++\ndate = \"2023-05-01\"\n+++\nBody";
        let fm = find(src).unwrap();
        assert_eq!(date(src, &fm).unwrap(), Some(jiff::civil::date(2023, 5, 1)));
    }

    #[test]
    fn bad_date_is_a_problem() {
        let src = "---\ndate: soon\n---\n";
        let fm = find(src).unwrap();
        let p = date(src, &fm).unwrap_err();
        assert_eq!(&src[p.span.clone()], "soon");
    }

    #[test]
    fn plain_front_matter_is_read_as_yaml_reads_it() {
        let cases = [
            "title: \"Report 0\"\ndate: 2025-06-05\ntags: [power plant, Aleppo]\n",
            "date: '2024-12-20'\n# comment\n\ndraft: false\n",
            "title: Damascus: the fall\ndate: 2024-12-08\n",
            "date: 2024-12-20T08:00:00Z\nweight: 3\n",
            "date: 2024\n",
            "date: null\n",
            "date: [2024-01-01]\n",
            "date: 2024-01-01\ndate: 2024-01-02\n",
            "tags:\n  - a\ndate: 2024-01-01\n",
            "title: a # comment\ndate: 2024-01-01\n",
            "title: x\n",
            "list: [a, [b]]\ndate: 2024-01-01\n",
            "list: [a, *b]\n",
            "\"quoted key\": 1\ndate: 2024-01-01\n",
            "date: \"2024-01-01\\n\"\n",
        ];
        for body in cases {
            let parsed = yaml::string_field(body, "date");
            if let Some(fast) = simple_date(body) {
                let slow = parsed.unwrap_or_else(|e| panic!("{body:?}: {}", e.message));
                assert_eq!(fast, slow, "{body:?}");
            }
        }
        assert_eq!(simple_date(cases[0]), Some(Some("2025-06-05".to_string())));
        assert_eq!(simple_date(cases[10]), Some(None));
        assert_eq!(
            simple_date(cases[7]),
            None,
            "duplicate keys go to the parser"
        );
    }

    #[test]
    fn plain_subset_agrees_with_the_parser_on_generated_front_matter() {
        let keys = [
            "date", "title", "tags", "a-b", "_x", "date ", "1k", "k\"", "",
        ];
        let values = [
            "2024-12-08",
            "\"2024-12-08\"",
            "'x'",
            "[a, b]",
            "[a: b]",
            "x: y",
            "~",
            "null",
            "12",
            "*a",
            "&a x",
            "a #b",
            "'it''s'",
            "\"a\\\"b\"",
            "",
            "- a",
            "|",
            "[2024-12-08, 2]",
            "2024-12-08 10:00",
            "@x",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let mut body = String::new();
            for _ in 0..1 + next(4) {
                let sep = [": ", ":", " : ", ":  "][next(4)];
                body.push_str(&format!(
                    "{}{sep}{}\n",
                    keys[next(keys.len())],
                    values[next(values.len())]
                ));
                if next(6) == 0 {
                    body.push_str("  - nested\n");
                }
            }
            if let Some(fast) = simple_date(&body) {
                let slow = yaml::string_field(&body, "date")
                    .unwrap_or_else(|e| panic!("{body:?}: {}", e.message));
                assert_eq!(fast, slow, "{body:?}");
            }
        }
    }

    #[test]
    fn no_closing_fence_means_no_front_matter() {
        assert!(find("---\ntitle: x\n").is_none());
        assert!(find("--- not a fence\n---\n").is_none());
    }
}
