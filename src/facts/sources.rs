//! The source policy: which sources a fact may rest on, in which order, and
//! which never. It is data (`source_policy:` in a fact file; the built-in
//! one is `rules/facts/sources.yml`), and [`FactBase::audit`] holds every
//! fact, coverage statement and entity to it.

use serde::Deserialize;

use super::{FactBase, PartialDate};

/// The policy as written in YAML.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySpec {
    /// The tiers of acceptable sources, best first.
    #[serde(default)]
    pub tiers: Vec<TierSpec>,
    /// Domains never to cite, each with the reason.
    #[serde(default)]
    pub deny: Vec<DenySpec>,
    /// The most sources a fact may list.
    #[serde(default)]
    pub max_sources: Option<usize>,
}

/// One tier of acceptable sources.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierSpec {
    /// Its name (`record`, `wire`, …).
    pub name: String,
    /// What belongs in it.
    pub reason: String,
    /// Domains (a domain covers its subdomains: `nato.int` covers `www.nato.int`).
    pub domains: Vec<String>,
}

/// A domain never to cite.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DenySpec {
    /// The domain (and its subdomains).
    pub domain: String,
    /// Why.
    pub reason: String,
}

/// The source policy the fact base holds its sources to.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Tiers, best first: name and domains.
    pub tiers: Vec<(String, Vec<String>)>,
    /// Denied domains with the reason.
    pub deny: Vec<(String, String)>,
    /// The most sources a fact may list (3 unless a policy says otherwise).
    pub max_sources: usize,
}

/// The default for [`Policy::max_sources`].
pub const MAX_SOURCES: usize = 3;

impl Policy {
    /// Adds a file's policy: its tiers after the ones known, its denials too.
    pub fn add(&mut self, spec: &PolicySpec) {
        for t in &spec.tiers {
            match self.tiers.iter_mut().find(|(n, _)| *n == t.name) {
                Some((_, d)) => d.extend(t.domains.iter().cloned()),
                None => self.tiers.push((t.name.clone(), t.domains.clone())),
            }
        }
        self.deny.extend(
            spec.deny
                .iter()
                .map(|d| (d.domain.clone(), d.reason.clone())),
        );
        if let Some(m) = spec.max_sources {
            self.max_sources = m;
        }
    }

    /// Whether a policy was given at all.
    pub fn is_empty(&self) -> bool {
        self.tiers.is_empty() && self.deny.is_empty()
    }

    /// The tier of `url` (its index, best 0), or `None` when no tier holds its domain.
    pub fn tier(&self, url: &str) -> Option<usize> {
        let host = host(url)?;
        self.tiers
            .iter()
            .position(|(_, domains)| domains.iter().any(|d| covers(d, &host)))
    }

    /// Why `url` may not be cited, if it may not.
    pub fn denied(&self, url: &str) -> Option<&str> {
        let host = host(url)?;
        self.deny
            .iter()
            .find(|(d, _)| covers(d, &host))
            .map(|(_, r)| r.as_str())
    }
}

/// The host of a URL, lower-cased, without `www.`.
fn host(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    let h = u.host_str()?.to_ascii_lowercase();
    Some(h.strip_prefix("www.").unwrap_or(&h).to_string())
}

/// Whether domain `d` covers `host` (the same, or a subdomain of it).
fn covers(d: &str, host: &str) -> bool {
    host == d || host.ends_with(&format!(".{d}"))
}

/// What is wrong with a URL as a source, by itself.
fn malformed(url: &str) -> Option<&'static str> {
    let Ok(u) = url::Url::parse(url) else {
        return Some("not a URL");
    };
    if !matches!(u.scheme(), "https" | "http") {
        return Some("not a web address");
    }
    if !u.host_str().is_some_and(|h| h.contains('.')) {
        return Some("no host");
    }
    if url.contains("&amp") || url.contains(' ') {
        return Some("a mangled address (an HTML entity or a space in it)");
    }
    None
}

/// Where in the base a source problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Where {
    /// The n-th fact.
    Fact(usize),
    /// The n-th coverage statement.
    Coverage(usize),
    /// The n-th entity.
    Entity(usize),
}

/// A breach of the source policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    /// Where.
    pub at: Where,
    /// What.
    pub message: String,
}

impl FactBase {
    /// Every breach of the source policy: sources that are not well-formed
    /// web addresses, on a denied domain or on none of the tiers' domains,
    /// listed worse before better, more than the policy allows; facts and
    /// coverage statements without a `checked` date.
    pub fn audit(&self) -> Vec<Breach> {
        let p = &self.policy;
        let mut out = Vec::new();
        let mut sources = |at: Where, list: &[String], checked: Option<&PartialDate>| {
            let push = |out: &mut Vec<Breach>, message: String| {
                out.push(Breach {
                    at: at.clone(),
                    message,
                })
            };
            if list.len() > p.max_sources {
                push(
                    &mut out,
                    format!(
                        "{} sources; at most {} (the best first)",
                        list.len(),
                        p.max_sources
                    ),
                );
            }
            let mut last = 0;
            for url in list {
                if let Some(why) = malformed(url) {
                    push(&mut out, format!("`{url}`: {why}"));
                    continue;
                }
                if let Some(why) = p.denied(url) {
                    push(&mut out, format!("`{url}`: denied ({why})"));
                    continue;
                }
                match p.tier(url) {
                    None => push(
                        &mut out,
                        format!("`{url}`: its domain is on no tier of the source policy"),
                    ),
                    Some(t) if t < last => push(
                        &mut out,
                        format!(
                            "`{url}` ({}) comes after a worse source: the best first",
                            p.tiers[t].0
                        ),
                    ),
                    Some(t) => last = t,
                }
            }
            if checked.is_none() && !matches!(at, Where::Entity(_)) {
                push(
                    &mut out,
                    "no `checked` date: say when it was last verified".into(),
                );
            }
        };
        for (i, f) in self.facts.iter().enumerate().filter(|(_, f)| !f.derived) {
            sources(Where::Fact(i), &f.sources, f.checked.as_ref());
        }
        for (i, c) in self.coverage.iter().enumerate() {
            sources(Where::Coverage(i), &c.sources, c.checked.as_ref());
        }
        for (i, e) in self.entities.iter().enumerate() {
            sources(Where::Entity(i), &e.sources, None);
        }
        out
    }
}
