//! The shape of fact-base YAML: relations, entities, facts and coverage.

use serde::Deserialize;

use super::time::PartialDate;

/// How a relation behaves when claims are judged.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationSpec {
    /// Verb phrase used to state a fact that still holds: `captured`, `has been president of`.
    pub phrase: String,
    /// Verb phrase for a fact that has ended (`was president of`); `phrase` when absent.
    #[serde(default)]
    pub past: Option<String>,
    /// The relation is an event: it happens at its `from` date.
    #[serde(default)]
    pub event: bool,
    /// The event happens once for a subject and object: a different year in a claim is wrong.
    #[serde(default)]
    pub once: bool,
    /// An object has one subject at a time (a city taken by one force, an office held by one person).
    #[serde(default)]
    pub one_subject: bool,
    /// A subject has one object at a time (a commander leads one force, a base is in one place).
    #[serde(default)]
    pub one_object: bool,
    /// Title words that assert this relation before a name ("President" Assad).
    #[serde(default)]
    pub titles: Vec<String>,
    /// A → B and B → C give A → C (being located in a place).
    #[serde(default)]
    pub transitive: bool,
    /// A movement (fleeing, flying): its facts record the destination
    /// abroad, and do not exclude stops on the way within the subject's own
    /// country.
    #[serde(default)]
    pub journey: bool,
    /// An event that ends its subject (a death, a dissolution): after it
    /// the subject does not act.
    #[serde(default)]
    pub ends: bool,
    /// The subject heads the object (an office, a command): "Haftar's
    /// backers" are the backers of what Haftar heads.
    #[serde(default)]
    pub heads: bool,
    /// Taking a side: backing one party excludes backing the party it
    /// `opposes` at the same time.
    #[serde(default)]
    pub sides: bool,
}

/// An entity as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitySpec {
    /// Unique id (`hts`, `bashar-al-assad`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// person, country, city, province, region, organization, armed-group,
    /// government, alliance, military-base, weapon-system, event, conflict, outlet.
    pub kind: String,
    /// Other spellings, transliterations and acronyms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Family names ("Assad", "Haftar"): they stand for this person only
    /// where the article has named the person in full first (or a title
    /// picks the holder); other members of the family are other people.
    #[serde(default)]
    pub family_names: Vec<String>,
    /// House-style spelling, when it differs from `name`.
    #[serde(default)]
    pub preferred: Option<String>,
    /// Nationality adjectives (countries): Syrian, Russian.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// The country it belongs to (entity id): a city's, an armed group's, a person's.
    #[serde(default)]
    pub country: Option<String>,
    /// For a group that stands for some of the members of an organisation
    /// ("NATO countries"): the organisation's id. A claim about the group
    /// is judged against the members' facts.
    #[serde(default)]
    pub members_of: Option<String>,
    /// A finer kind, shown to readers: `air base`, `naval facility`.
    #[serde(default, rename = "type")]
    pub subtype: Option<String>,
    /// Where the entity's names and description come from.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A fact as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactSpec {
    /// Entity id.
    pub subject: String,
    /// Relation name (defined under `relations`).
    pub relation: String,
    /// Entity id; absent for one-place relations such as `died`.
    #[serde(default)]
    pub object: Option<String>,
    /// The date the fact holds from (or the event's date); a state without
    /// it has no known start (where a place is).
    #[serde(default)]
    pub from: Option<PartialDate>,
    /// For an office: the day the holder was designated or elected, before
    /// taking office on `from`; the title is not wrong in between.
    #[serde(default)]
    pub designated: Option<PartialDate>,
    /// The date it stops holding; open when absent.
    #[serde(default)]
    pub until: Option<PartialDate>,
    /// At least one URL, the best first (see the source policy).
    #[serde(default)]
    pub sources: Vec<String>,
    /// When the fact was last verified against its sources.
    #[serde(default)]
    pub checked: Option<PartialDate>,
    /// For a state with no known end: the last date the sources report it
    /// holding. After it a claim that it holds is not contradicted, only
    /// unsupported (silence is not an end).
    #[serde(default)]
    pub last_reported: Option<PartialDate>,
    /// Anything a reader should know.
    #[serde(default)]
    pub note: Option<String>,
}

/// A statement that the base lists every subject of `relation` with `object`
/// over a period: what lets "unsupported" be said with confidence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageSpec {
    /// Relation name.
    pub relation: String,
    /// Entity id: the list covers only this subject's facts with the
    /// object ("every US military presence in Libya": none since 2019).
    #[serde(default)]
    pub subject: Option<String>,
    /// Entity id.
    pub object: String,
    /// Start of the period the list is complete for.
    pub from: PartialDate,
    /// End of that period; open when absent.
    #[serde(default)]
    pub until: Option<PartialDate>,
    /// At least one URL, the best first.
    #[serde(default)]
    pub sources: Vec<String>,
    /// When the list was last verified to be complete.
    #[serde(default)]
    pub checked: Option<PartialDate>,
    /// What the list covers.
    #[serde(default)]
    pub note: Option<String>,
}
