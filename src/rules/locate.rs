//! Locating what the YAML parser does not: where each rule id, mapping key,
//! fact and coverage statement stands in a rule file, so that an error
//! found after parsing points at the right line and column.

use std::collections::HashMap;

use super::RuleSource;
use crate::error::ConfigError;
use crate::facts::build::At;
use crate::pattern::PatternError;
use crate::source::LineIndex;
use crate::yaml;

/// Where ids and mapping keys stand in one rule file (built in one pass).
pub(super) struct FileIndex {
    /// `id: value` → byte offset of the line's content (first occurrence).
    ids: HashMap<String, usize>,
    /// `name:` mapping keys → byte offset (first occurrence).
    keys: HashMap<String, usize>,
    /// Offsets of list items that start with `subject:` (facts), in order.
    fact_items: Vec<usize>,
    /// Offsets of list items that start with `relation:` (coverage), in order.
    coverage_items: Vec<usize>,
    pub(super) lines: LineIndex,
}

impl FileIndex {
    pub(super) fn new(text: &str) -> FileIndex {
        let mut ids = HashMap::new();
        let mut keys = HashMap::new();
        let mut fact_items = Vec::new();
        let mut coverage_items = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_start();
            let at = pos + line.len() - content.len();
            let t = content.trim_start_matches('-').trim_start();
            let t_at = pos + line.len() - t.len();
            if content.starts_with('-') && t.starts_with("subject:") {
                fact_items.push(t_at);
            }
            if content.starts_with('-') && t.starts_with("relation:") {
                coverage_items.push(t_at);
            }
            // `id: x`, or `{id: x, …}` in flow style.
            let (t_id, flow) = match t.strip_prefix('{') {
                Some(inner) => (inner.trim_start(), true),
                None => (t, false),
            };
            if let Some(rest) = t_id.strip_prefix("id:") {
                let mut v = rest.split(" #").next().unwrap_or("");
                if flow {
                    v = v.split([',', '}']).next().unwrap_or("");
                }
                let v = v.trim().trim_matches(['"', '\'']);
                ids.entry(v.to_string())
                    .or_insert(pos + line.len() - t_id.len());
            }
            let key = content.trim_start_matches(['"', '\'']);
            if let Some(end) = key.find(':') {
                let name = key[..end].trim_end_matches(['"', '\'']);
                if !name.is_empty() && !name.contains(' ') {
                    keys.entry(name.to_string()).or_insert(at);
                }
            }
            pos += line.len();
        }
        FileIndex {
            ids,
            keys,
            fact_items,
            coverage_items,
            lines: LineIndex::new(text),
        }
    }

    pub(super) fn id(&self, id: &str) -> usize {
        self.ids.get(id).copied().unwrap_or(0)
    }

    pub(super) fn key(&self, name: &str) -> usize {
        self.keys.get(name).copied().unwrap_or(0)
    }

    pub(super) fn at(&self, at: &At) -> usize {
        match at {
            At::Entity(id) => self.id(id),
            At::Relation(name) => self.key(name),
            At::Fact(n) => self
                .fact_items
                .get(*n)
                .copied()
                .unwrap_or_else(|| self.key("facts")),
            At::Coverage(n) => self
                .coverage_items
                .get(*n)
                .copied()
                .unwrap_or_else(|| self.key("coverage")),
        }
    }
}

/// A problem in a rule file, at a byte range of it.
struct Problem {
    source: usize,
    offset: usize,
    len: usize,
    message: String,
    label: &'static str,
    help: Option<String>,
}

/// The problems found while loading rule files, in the order found; they
/// become located errors once loading is over.
#[derive(Default)]
pub(super) struct Problems(Vec<Problem>);

impl Problems {
    /// How many there are.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems of file `source`.
    pub(super) fn in_file<'a>(&'a mut self, source: usize, src: &'a RuleSource) -> Ctx<'a> {
        Ctx {
            source,
            src,
            problems: self,
        }
    }

    /// The located errors, one per problem.
    pub(super) fn into_errors(self, sources: &[RuleSource]) -> Vec<ConfigError> {
        self.0
            .into_iter()
            .map(|p| {
                let src = &sources[p.source];
                ConfigError::at(&src.name, &src.text, p.offset, p.len, p.message, p.label)
                    .with_help(p.help)
            })
            .collect()
    }
}

/// The problems of one rule file.
pub(super) struct Ctx<'a> {
    source: usize,
    src: &'a RuleSource,
    problems: &'a mut Problems,
}

impl Ctx<'_> {
    /// A problem at byte `at` of the file (a rule's `id` line).
    pub(super) fn error(&mut self, at: usize, message: impl Into<String>) {
        self.error_with(at, 1, message, "here", None);
    }

    /// A problem over `len` bytes from `at`, its label and help.
    pub(super) fn error_with(
        &mut self,
        at: usize,
        len: usize,
        message: impl Into<String>,
        label: &'static str,
        help: Option<String>,
    ) {
        self.problems.0.push(Problem {
            source: self.source,
            offset: at,
            len,
            message: message.into(),
            label,
            help,
        });
    }

    /// The file.
    pub(super) fn file(&self) -> &RuleSource {
        self.src
    }

    /// How many problems the load has found so far (in all files).
    pub(super) fn count(&self) -> usize {
        self.problems.len()
    }

    /// An error about `value` (a scalar written somewhere after `from`), at `range` inside it.
    pub(super) fn scalar_error(
        &mut self,
        from: usize,
        value: &str,
        range: std::ops::Range<usize>,
        message: &str,
        help: Option<String>,
    ) {
        let (offset, len) = match yaml::locate_scalar(&self.src.text, from, value) {
            Some(loc) => {
                let a = loc.offset_of(value, range.start);
                let b = loc.offset_of(value, range.end.max(range.start));
                (a, (b - a).max(1))
            }
            None => (from, 1),
        };
        self.error_with(offset, len, message, "here", help);
    }

    pub(super) fn pattern_error(&mut self, from: usize, value: &str, e: &PatternError, what: &str) {
        let msg = format!("{what}: {}", e.message);
        self.scalar_error(from, value, e.span.clone(), &msg, e.hint.clone());
    }
}
