//! Compiling one rule: its patterns, `unless` patterns, claim parts,
//! templates and sources, each error located in the rule file.

use std::sync::Arc;

use super::locate::{Ctx, FileIndex};
use super::spec::RuleSpec;
use super::template::Template;
use super::{Origin, Outcome, Rule};
use crate::claims::{ClaimRule, VARS};
use crate::facts::FactBase;
use crate::pattern::{self, Compiler, Node};

/// Whether `id` is a valid rule id.
pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Compiles one rule; `None` (with errors in `ctx`) when it has any.
pub(super) fn compile_rule(
    ctx: &mut Ctx,
    index: &FileIndex,
    compiler: &mut Compiler,
    facts: &FactBase,
    spec: &RuleSpec,
) -> Option<Rule> {
    let at = index.id(&spec.id);
    let before = ctx.count();
    let patterns = spec.pattern.to_vec();
    if patterns.is_empty() {
        ctx.error(at, format!("rule `{}` has no pattern", spec.id));
        return None;
    }
    // Each pattern is compiled alone first, so that an error points into the right one.
    let mut nodes = Vec::new();
    for p in &patterns {
        match pattern::parse(p).and_then(|n| compiler.compile(&n).map(|_| n)) {
            Ok(n) => nodes.push(n),
            Err(e) => ctx.pattern_error(at, p, &e, "pattern error"),
        }
    }
    let unless_patterns = spec.unless.to_vec();
    let mut unless = Vec::with_capacity(unless_patterns.len());
    for p in &unless_patterns {
        match pattern::parse(p).and_then(|n| compiler.compile(&n)) {
            Ok(prog) => unless.push(prog),
            Err(e) => ctx.pattern_error(at, p, &e, "`unless` pattern error"),
        }
    }
    if ctx.count() > before {
        return None;
    }
    let node = if nodes.len() == 1 {
        nodes.pop()?
    } else {
        Node {
            kind: pattern::NodeKind::Alt(nodes),
            span: 0..0,
        }
    };
    let program = match compiler.compile(&node) {
        Ok(p) => p,
        Err(e) => {
            ctx.error_with(
                at,
                1,
                format!("rule `{}`: {}", spec.id, e.message),
                "here",
                e.hint,
            );
            return None;
        }
    };
    let claim = match &spec.claim {
        None => None,
        Some(c) => {
            let err = |ctx: &mut Ctx, msg: String| {
                ctx.error(at, format!("rule `{}`: {msg}", spec.id));
            };
            let capture = |ctx: &mut Ctx,
                           name: &Option<String>,
                           what: &str|
             -> Option<Option<usize>> {
                match name {
                    None => Some(None),
                    Some(n) => match program.captures.iter().position(|c| c == n) {
                        Some(i) => Some(Some(i)),
                        None => {
                            err(ctx, format!("claim `{what}: {n}` names no capture of the pattern (captures: {})", program.captures.join(", ")));
                            None
                        }
                    },
                }
            };
            let subject = capture(ctx, &Some(c.subject.clone()), "subject").flatten();
            let object = capture(ctx, &c.object, "object");
            let when = capture(ctx, &c.when, "when");
            let title = capture(ctx, &c.title, "title");
            let kind = capture(ctx, &c.kind, "kind");
            let relation = match &c.relation {
                Some(r) => match facts.relation(r) {
                    Some(i) => Some(Some(i)),
                    None => {
                        err(
                            ctx,
                            format!("claim relation `{r}` is not defined in the fact base"),
                        );
                        None
                    }
                },
                None => Some(None),
            };
            match (&c.relation, &c.title) {
                (None, None) if c.kind.is_none() && !c.how().heads => err(
                    ctx,
                    "a claim needs `relation`, `title`, `kind` or `heads`".into(),
                ),
                (Some(_), Some(_)) => {
                    err(ctx, "a claim has `relation` or `title`, not both".into())
                }
                _ => {}
            }
            match (subject, relation, object, when, title, kind) {
                (
                    Some(subject),
                    Some(relation),
                    Some(object),
                    Some(when),
                    Some(title),
                    Some(kind),
                ) => Some(ClaimRule {
                    subject,
                    relation,
                    object,
                    when,
                    title,
                    kind,
                    how: c.how(),
                }),
                _ => None,
            }
        }
    };
    let vars: &[&str] = if spec.claim.is_some() { VARS } else { &[] };
    let template = |ctx: &mut Ctx, text: &str, what: &str| -> Option<Template> {
        match Template::parse_with(text, &program.captures, vars) {
            Ok(t) => Some(t),
            Err(e) => {
                ctx.scalar_error(
                    at,
                    text,
                    e.offset..e.offset + 1,
                    &format!("in `{what}`: {}", e.message),
                    None,
                );
                None
            }
        }
    };
    let message = template(ctx, &spec.message, "message");
    let suggest = spec.suggest.as_deref().map(|s| template(ctx, s, "suggest"));
    let help = spec.help.as_deref().map(|s| template(ctx, s, "help"));
    let unsupported = spec
        .unsupported
        .as_ref()
        .map(|u| (u.severity, template(ctx, &u.message, "unsupported.message")));
    if spec.unsupported.is_some() && spec.claim.is_none() {
        ctx.error(
            at,
            format!("rule `{}`: `unsupported` needs `claim`", spec.id),
        );
    }
    for url in &spec.sources {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            ctx.scalar_error(
                at,
                url,
                0..url.len(),
                "a source must be a URL (http:// or https://)",
                None,
            );
        }
    }
    if ctx.count() > before {
        return None;
    }
    let line = index.lines.line_of(at) + 1;
    Some(Rule {
        id: Arc::from(spec.id.as_str()),
        severity: spec.severity,
        message: message?,
        suggest: suggest.flatten(),
        help: help.flatten(),
        sources: spec.sources.clone().into(),
        examples: spec.examples.clone(),
        patterns,
        unless_patterns,
        program,
        unless,
        origin: Origin {
            file: ctx.file().name.clone(),
            line,
            builtin: ctx.file().builtin,
        },
        claim,
        unsupported: unsupported
            .and_then(|(severity, m)| m.map(|message| Outcome { severity, message })),
    })
}
