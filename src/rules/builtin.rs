//! The rule files in `rules/`, embedded in the binary at build time.

use std::sync::Arc;

use super::RuleSource;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The built-in rule files, as sources to load.
pub fn sources() -> Vec<RuleSource> {
    BUILTIN
        .iter()
        .map(|(name, text)| RuleSource {
            name: name.to_string(),
            text: Arc::from(*text),
            builtin: true,
        })
        .collect()
}
