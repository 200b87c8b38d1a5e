//! Claims: what claim rules capture in a document, judged against the fact
//! base, and compared with each other.
//!
//! This is the one place that interprets a relation's behaviour (an event
//! or a state, happening once, one holder, one value, places within
//! places): [`capture`] reads a claim rule's match as a claim and places
//! it in time, [`judge`] decides whether the base supports it, contradicts
//! it or cannot tell, and [`consistency`] finds claims that cannot both be
//! true, within one article and across the articles of a run.

mod actors;
pub mod capture;
pub mod consistency;
pub mod context;
pub mod judge;
mod reading;
pub mod time;

pub use capture::{as_of, judge_match, Captured, ClaimRule, How, Judged, Outcome, VARS};
pub use context::Context;
pub use judge::{Reason, Statement, Verdict};

use crate::checks::{Builtin, CorpusBuiltin};

/// The built-in document checks about claims.
pub const BUILTIN: &[Builtin] = &[Builtin {
    info: &consistency::INFO,
    build: |s| Box::new(consistency::ClaimValues::new(s)),
}];

/// The built-in checks about claims over a whole run.
pub const CORPUS: &[CorpusBuiltin] = &[CorpusBuiltin {
    info: &consistency::CROSS_INFO,
    build: |s| Box::new(consistency::CrossDocument::new(s)),
}];
