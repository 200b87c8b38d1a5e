//! A claim a document makes, in the fact base's terms: who or what, which
//! relation, to whom or what, when, and where in the document it stands.

use std::ops::Range;
use std::sync::Arc;

use super::{Actor, PartialDate};
use crate::source::Position;

/// A claim found in a document, whatever the fact base says of it: the
/// material of the within- and cross-document consistency checks.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The rule that found it.
    pub rule: Arc<str>,
    /// Relation index in the fact base.
    pub relation: usize,
    /// What the subject may refer to.
    pub subject: Vec<Actor>,
    /// What the object may refer to.
    pub object: Option<Vec<Actor>>,
    /// The time the claim names, if any.
    pub when: Option<PartialDate>,
    /// The document's date.
    pub at: jiff::civil::Date,
    /// Byte span of the match.
    pub span: Range<usize>,
    /// Where it starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
    /// The matched text, single-spaced.
    pub text: String,
    /// The matched text as written in the source.
    pub raw: String,
}
