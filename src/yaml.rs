//! The one place that reads YAML.
//!
//! Every YAML document factlint reads (rule files, front matter) goes
//! through this module, so the YAML library can be replaced in one place.

use serde::de::{DeserializeOwned, IgnoredAny};

/// A YAML error with the byte offset, line and column (1-based) where it was found.
#[derive(Debug, Clone)]
pub struct YamlError {
    /// What went wrong, as the YAML library put it (without its location suffix).
    pub message: String,
    /// Byte offset of the fault in the input, when known.
    pub offset: Option<usize>,
}

impl From<serde_yaml::Error> for YamlError {
    fn from(e: serde_yaml::Error) -> Self {
        let offset = e.location().map(|l| l.index());
        let mut message = e.to_string();
        // serde_yaml appends " at line L column C"; the diagnostic shows it graphically.
        if let Some(pos) = message.find(" at line ") {
            message.truncate(pos);
        }
        // A leading path such as `.[0].severity: ` repeats what the location shows.
        if message.starts_with('.') || message.starts_with('[') {
            if let Some(pos) = message.find(": ") {
                let path = message[..pos].to_string();
                message.drain(..pos + 2);
                let last = path.rsplit('.').next().unwrap_or("");
                let field = last.split('[').next().unwrap_or("");
                if !field.is_empty() {
                    message = format!("`{field}`: {message}");
                }
            }
        }
        YamlError { message, offset }
    }
}

/// Deserializes `text` into `T`, with a located error on failure.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(YamlError::from)
}

/// The shape of a YAML document's top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopLevel {
    /// A sequence (`- item`).
    Sequence,
    /// A mapping (`key: value`).
    Mapping,
    /// Empty, null or a scalar.
    Other,
}

/// Tells whether a YAML document is a sequence, a mapping or something else.
///
/// The document is walked without being kept (a pack of thousands of rules
/// would otherwise be held twice while it loads).
pub fn top_level(text: &str) -> Result<TopLevel, YamlError> {
    Ok(from_str::<Shape>(text)?.0)
}

/// The top-level shape of a document, read by [`ShapeVisitor`].
struct Shape(TopLevel);

impl<'de> serde::Deserialize<'de> for Shape {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeVisitor).map(Shape)
    }
}

/// Tells sequences from mappings and skips their contents.
struct ShapeVisitor;

impl<'de> serde::de::Visitor<'de> for ShapeVisitor {
    type Value = TopLevel;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<TopLevel, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(TopLevel::Sequence)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(TopLevel::Mapping)
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<TopLevel, A::Error> {
        // A tagged value (`!tag …`).
        use serde::de::VariantAccess;
        let (_, value) = data.variant::<IgnoredAny>()?;
        value.newtype_variant::<IgnoredAny>()?;
        Ok(TopLevel::Other)
    }

    fn visit_bool<E>(self, _: bool) -> Result<TopLevel, E> {
        Ok(TopLevel::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<TopLevel, E> {
        Ok(TopLevel::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<TopLevel, E> {
        Ok(TopLevel::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<TopLevel, E> {
        Ok(TopLevel::Other)
    }

    fn visit_str<E>(self, _: &str) -> Result<TopLevel, E> {
        Ok(TopLevel::Other)
    }

    fn visit_unit<E>(self) -> Result<TopLevel, E> {
        Ok(TopLevel::Other)
    }

    fn visit_none<E>(self) -> Result<TopLevel, E> {
        Ok(TopLevel::Other)
    }
}

/// Reads a top-level string field (such as `date`) from a YAML mapping.
/// Returns `Ok(None)` when the document is not a mapping or has no such scalar.
pub fn string_field(text: &str, key: &str) -> Result<Option<String>, YamlError> {
    let v: serde_yaml::Value = if text.trim().is_empty() {
        serde_yaml::Value::Null
    } else {
        from_str(text)?
    };
    let Some(map) = v.as_mapping() else {
        return Ok(None);
    };
    Ok(match map.get(key) {
        Some(serde_yaml::Value::String(s)) => Some(s.clone()),
        Some(serde_yaml::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// Reads a list of strings at a path of mapping keys (`["factlint", "disable"]`).
/// Returns `Ok(None)` when the path is absent; an error when it holds something else.
pub fn string_list_at(text: &str, path: &[&str]) -> Result<Option<Vec<String>>, YamlError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut v: &serde_yaml::Value = &from_str::<serde_yaml::Value>(text)?;
    for key in path {
        match v.as_mapping().and_then(|m| m.get(*key)) {
            Some(x) => v = x,
            None => return Ok(None),
        }
    }
    let owned = v.clone();
    let bad = || YamlError {
        message: format!("`{}` must be a list of rule ids", path.join(".")),
        offset: None,
    };
    match owned {
        serde_yaml::Value::Sequence(items) => items
            .into_iter()
            .map(|i| i.as_str().map(str::to_string).ok_or_else(bad))
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        serde_yaml::Value::String(s) => Ok(Some(vec![s])),
        _ => Err(bad()),
    }
}

/// Finds where a string scalar with the decoded value `value` is written in
/// `text`, searching from byte `from`. Returns the byte offset of the scalar's
/// first raw character and a map from offsets in `value` to offsets in `text`.
///
/// serde_yaml reports no positions for values that parsed, so pattern errors
/// are located by finding the scalar again: plain, single-quoted and
/// double-quoted single-line scalars are located exactly.
pub fn locate_scalar(text: &str, from: usize, value: &str) -> Option<ScalarLocation> {
    let from = from.min(text.len());
    let hay = text.get(from..)?;
    let encodings = [
        (Quoting::Plain, value.to_string()),
        (Quoting::Single, format!("'{}'", value.replace('\'', "''"))),
        (
            Quoting::Double,
            format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\"")),
        ),
    ];
    encodings
        .iter()
        .filter(|(_, enc)| !enc.is_empty())
        .filter_map(|(q, enc)| hay.find(enc.as_str()).map(|p| (p, *q)))
        .min_by_key(|(p, q)| (*p, *q != Quoting::Plain))
        .map(|(p, quoting)| ScalarLocation {
            start: from + p,
            quoting,
        })
}

/// How a located scalar was quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// Written as is.
    Plain,
    /// `'…'`, with `''` for a quote.
    Single,
    /// `"…"`, with backslash escapes.
    Double,
}

/// Where a scalar stands in its YAML file.
#[derive(Debug, Clone, Copy)]
pub struct ScalarLocation {
    /// Byte offset of the scalar's first raw character (the quote, if quoted).
    pub start: usize,
    /// How it is quoted.
    pub quoting: Quoting,
}

impl ScalarLocation {
    /// Maps a byte offset inside the decoded value to a byte offset in the file.
    pub fn offset_of(&self, value: &str, offset: usize) -> usize {
        let mut raw = self.start;
        if self.quoting != Quoting::Plain {
            raw += 1;
        }
        for (i, c) in value.char_indices() {
            if i >= offset {
                break;
            }
            raw += c.len_utf8();
            match (self.quoting, c) {
                (Quoting::Single, '\'') | (Quoting::Double, '"' | '\\') => raw += 1,
                _ => {}
            }
        }
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_top_level_shape() {
        let cases = [
            ("- id: a\n  message: m\n- [1, {x: 2}]\n", TopLevel::Sequence),
            ("[]", TopLevel::Sequence),
            ("rules:\n  - id: a\nlexicons: {x: [y]}\n", TopLevel::Mapping),
            ("{}", TopLevel::Mapping),
            ("", TopLevel::Other),
            ("# only a comment\n", TopLevel::Other),
            ("~", TopLevel::Other),
            ("just text", TopLevel::Other),
            ("42", TopLevel::Other),
            ("-3", TopLevel::Other),
            ("1.5", TopLevel::Other),
            ("true", TopLevel::Other),
            ("!tag [1, 2]", TopLevel::Other),
            ("!tag {a: 1}", TopLevel::Other),
        ];
        for (text, want) in cases {
            assert_eq!(top_level(text).ok(), Some(want), "{text:?}");
        }
        // Broken YAML is an error with its place, wherever it is.
        let e = top_level("- a\n- [b\n").err();
        assert!(e.is_some_and(|e| e.offset.is_some()));
        assert!(top_level("a: 1\n  b: 2\n").is_err());
    }

    #[test]
    fn locates_quoted_scalars() {
        let text = "a: x\npattern: 'it''s (bad'\n";
        let value = "it's (bad";
        let loc = locate_scalar(text, 0, value).unwrap();
        assert_eq!(loc.quoting, Quoting::Single);
        let paren = value.find('(').unwrap();
        assert_eq!(&text[loc.offset_of(value, paren)..][..1], "(");
    }

    #[test]
    fn error_carries_offset() {
        let e = from_str::<serde_yaml::Value>("a: [1,\n").unwrap_err();
        assert!(e.offset.is_some());
    }
}
