//! factlint: a fact-consistency linter for editorial content.
//!
//! Data flows one way (see `docs/architecture.md`): rule files are loaded
//! into a [`Rulebook`] (patterns compiled by [`pattern`], facts in
//! [`facts`]); an [`Engine`] is built from a rulebook and a run's
//! [`Settings`]; the files of a run are found by [`inputs`] and parsed into
//! [`Document`]s (over the text primitives of [`text`]); the engine matches
//! rules, runs the [`checks`] and judges [`claims`], and returns
//! [`Finding`]s, which [`report`] turns into output. The engine knows
//! nothing of the command line or of output formats.

#![warn(missing_docs)]

pub mod checks;
pub mod claims;
pub mod config;
pub mod document;
pub mod engine;
pub mod error;
pub mod facts;
pub mod finding;
pub mod inputs;
pub mod pattern;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;
pub mod vocab;
pub mod yaml;

pub use document::{Document, Format};
pub use engine::{Engine, Settings};
pub use finding::{Finding, Related, Severity};
pub use rules::Rulebook;
