//! Message and suggestion templates: text with `{capture}` holes.
//!
//! `{name}` inserts a capture as written; `{name|lower}`, `{name|upper}`
//! and `{name|title}` convert its case; `{match}` is the reported text
//! (the marked part, or the whole match when there is no marker);
//! `{{` and `}}` are literal braces.

/// Case conversion applied to a capture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// As written.
    Keep,
    /// lower case.
    Lower,
    /// UPPER CASE.
    Upper,
    /// First Letter Of Each Word.
    Title,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Lit(String),
    Hole { capture: Option<usize>, case: Case },
    Var { name: String, case: Case },
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

/// A template error: byte offset in the template and message.
#[derive(Debug, Clone)]
pub struct TemplateError {
    /// Byte offset of the fault in the template text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl Template {
    /// Parses `text`; capture names must be among `captures` (or `match`).
    pub fn parse(text: &str, captures: &[String]) -> Result<Template, TemplateError> {
        Template::parse_with(text, captures, &[])
    }

    /// Parses `text`, also allowing the variables `vars` (filled at render time).
    pub fn parse_with(
        text: &str,
        captures: &[String],
        vars: &[&str],
    ) -> Result<Template, TemplateError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut rest = text;
        while let Some(i) = rest.find(['{', '}']) {
            lit.push_str(&rest[..i]);
            let at = text.len() - rest.len() + i;
            let tail = &rest[i..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                lit.push(tail.as_bytes()[0] as char);
                rest = &tail[2..];
                continue;
            }
            if tail.starts_with('}') {
                return Err(TemplateError {
                    offset: at,
                    message: "unmatched `}` (write `}}` for a brace)".into(),
                });
            }
            let Some(close) = tail.find('}') else {
                return Err(TemplateError {
                    offset: at,
                    message: "unclosed `{` (write `{{` for a brace)".into(),
                });
            };
            let inner = &tail[1..close];
            let (name, case) = match inner.split_once('|') {
                None => (inner.trim(), Case::Keep),
                Some((n, c)) => (
                    n.trim(),
                    match c.trim() {
                        "lower" => Case::Lower,
                        "upper" => Case::Upper,
                        "title" => Case::Title,
                        other => {
                            return Err(TemplateError {
                                offset: at,
                                message: format!(
                                    "unknown case `{other}` (use lower, upper or title)"
                                ),
                            })
                        }
                    },
                ),
            };
            if !lit.is_empty() && vars.contains(&name) {
                parts.push(Part::Lit(std::mem::take(&mut lit)));
            }
            if vars.contains(&name) {
                parts.push(Part::Var {
                    name: name.to_string(),
                    case,
                });
                rest = &tail[close + 1..];
                continue;
            }
            let capture = if name == "match" {
                None
            } else {
                match captures.iter().position(|c| c == name) {
                    Some(i) => Some(i),
                    None => {
                        let mut known = if captures.is_empty() {
                            "the pattern has no captures; `{match}` is the matched text".to_string()
                        } else {
                            format!("the pattern's captures are {}", captures.join(", "))
                        };
                        if !vars.is_empty() {
                            known.push_str(&format!("; variables: {}", vars.join(", ")));
                        }
                        return Err(TemplateError {
                            offset: at,
                            message: format!("unknown capture `{name}`: {known}"),
                        });
                    }
                }
            };
            if !lit.is_empty() {
                parts.push(Part::Lit(std::mem::take(&mut lit)));
            }
            parts.push(Part::Hole { capture, case });
            rest = &tail[close + 1..];
        }
        lit.push_str(rest);
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Ok(Template { parts })
    }

    /// Fills the holes: `capture(None)` is the reported (marked) text, `capture(Some(i))` capture `i`.
    pub fn render<'a>(&self, capture: impl Fn(Option<usize>) -> Option<&'a str>) -> String {
        self.render_with(capture, |_| None)
    }

    /// Fills the holes, variables from `var`.
    pub fn render_with<'a>(
        &self,
        capture: impl Fn(Option<usize>) -> Option<&'a str>,
        var: impl Fn(&str) -> Option<String>,
    ) -> String {
        let mut out = String::new();
        for p in &self.parts {
            let (v, case) = match p {
                Part::Lit(s) => {
                    out.push_str(s);
                    continue;
                }
                Part::Hole { capture: c, case } => (capture(*c).unwrap_or("").to_string(), *case),
                Part::Var { name, case } => (var(name).unwrap_or_default(), *case),
            };
            match case {
                Case::Keep => out.push_str(&v),
                Case::Lower => out.push_str(&v.to_lowercase()),
                Case::Upper => out.push_str(&v.to_uppercase()),
                Case::Title => {
                    let mut start = true;
                    for ch in v.chars() {
                        if start {
                            out.extend(ch.to_uppercase());
                        } else {
                            out.push(ch);
                        }
                        start = ch.is_whitespace();
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_captures_with_case() {
        let caps = vec!["who".to_string()];
        let t =
            Template::parse("{who} rebels ({who|upper}, {{x}}) in {match|title}", &caps).unwrap();
        let s = t.render(|c| match c {
            Some(0) => Some("Russian"),
            None => Some("the city"),
            _ => None,
        });
        assert_eq!(s, "Russian rebels (RUSSIAN, {x}) in The City");
    }

    #[test]
    fn unknown_capture_is_an_error() {
        let e = Template::parse("ab {what}", &["who".into()]).unwrap_err();
        assert_eq!(e.offset, 3);
        assert!(e.message.contains("who"));
        assert!(Template::parse("a {", &[]).is_err());
        assert!(Template::parse("a }", &[]).is_err());
        assert!(Template::parse("{who|loud}", &["who".into()]).is_err());
    }
}
