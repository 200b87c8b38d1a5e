//! factlint: a fact-consistency linter for editorial content.
//!
//! Data flows one way: rule files are loaded into a [`rules::Rulebook`]
//! (patterns parsed by [`pattern`], facts in [`facts`]), articles are parsed into
//! [`document::Document`]s, the [`engine`] matches one against the other and
//! produces [`finding::Finding`]s, and [`report`] turns them into output.
//! The engine knows nothing of the command line or of output formats.

#![warn(missing_docs)]

pub mod checks;
pub mod config;
pub mod document;
pub mod engine;
pub mod error;
pub mod facts;
pub mod finding;
pub mod pattern;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;
pub mod vocab;
pub mod yaml;

pub use document::{Document, Format};
pub use engine::check;
pub use finding::{Finding, Related, Severity};
pub use rules::Rulebook;
