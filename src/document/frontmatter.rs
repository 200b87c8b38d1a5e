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
    fn no_closing_fence_means_no_front_matter() {
        assert!(find("---\ntitle: x\n").is_none());
        assert!(find("--- not a fence\n---\n").is_none());
    }
}
