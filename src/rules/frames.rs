//! Frames: the ways reporters state a relation, written once with
//! `{subject}`, `{object}`, `{when}`, `{title}` and `{kind}` for the claim's
//! parts, and made into claim rules for every entity of the kinds named.

use super::spec::{ClaimSpec, FrameSpec, OneOrMany, RuleSpec};

/// The frames' pseudo-relation for titles before a name ("President X"):
/// judged against every relation with that title word.
const TITLES: &str = "titles";

/// The frames' pseudo-relation for kinds of installation ("the Hmeimim
/// naval base"): judged against the installation's type.
const KINDS: &str = "kinds";

/// The frames' pseudo-relation for heading something, in whichever office
/// or command ("X ruled Syria", "X headed the GNA"): the `heads` relations.
const HEADS: &str = "heads";

/// The claim rules made of the frames of each relation.
pub(super) fn rules(frames: &std::collections::BTreeMap<String, Vec<FrameSpec>>) -> Vec<RuleSpec> {
    frames
        .iter()
        .flat_map(|(relation, list)| list.iter().map(move |f| rule(relation, f)))
        .collect()
}

/// `@a | @b | …` for word lists `a`, `b`, …
fn lists(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("@{n}"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The frame's pattern with its placeholders made into captures.
fn expand(p: &str, f: &FrameSpec) -> String {
    p.replace("{subject}", &format!("{{subject: {}}}", lists(&f.subject)))
        .replace("{object}", &format!("{{object: {}}}", lists(&f.object)))
        .replace("{when}", "{when: @date}")
        .replace("{title}", "{title: @title}")
        .replace("{kind}", "{kind: @installation}")
}

fn expand_all(ps: &OneOrMany, f: &FrameSpec) -> OneOrMany {
    OneOrMany::Many(ps.to_vec().iter().map(|p| expand(p, f)).collect())
}

/// The claim rule of one frame of `relation`.
fn rule(relation: &str, f: &FrameSpec) -> RuleSpec {
    let patterns = f.pattern.to_vec();
    let uses = |part: &str| patterns.iter().any(|p| p.contains(part));
    let named = |part: &str, name: &str| uses(part).then(|| name.to_string());
    let pseudo = [TITLES, KINDS, HEADS].contains(&relation);
    RuleSpec {
        id: f.id.clone(),
        severity: f.severity,
        message: f.message.clone(),
        pattern: expand_all(&f.pattern, f),
        unless: expand_all(&f.unless, f),
        suggest: None,
        help: f.help.clone(),
        sources: Vec::new(),
        examples: f.examples.clone(),
        claim: Some(ClaimSpec {
            subject: "subject".into(),
            relation: (!pseudo).then(|| relation.to_string()),
            object: named("{object}", "object"),
            when: named("{when}", "when"),
            title: named("{title}", "title"),
            kind: named("{kind}", "kind"),
            how: Some(crate::claims::How {
                heads: relation == HEADS,
                ..f.claim
            }),
            ..ClaimSpec::default()
        }),
        unsupported: f.unsupported.clone(),
    }
}
