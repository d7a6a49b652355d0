//! One typed row per data file (see `core/data/README.md`). CSV rows are read by column name
//! (columns not named here are ignored); TOML files reject unknown keys.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{AreaRef, Audience, Confidence, Offer, OfferStatus};

/// `geo/municipalities.csv`: a municipality after the 2025 mergers.
#[derive(Debug, Deserialize)]
pub struct MunicipalityRow {
    /// 5-digit NIS code.
    pub municipality_nis: String,
    /// Dutch name.
    pub name_nl: String,
    /// French name.
    pub name_fr: String,
    /// `Flanders`, `Brussels` or `Wallonia`.
    pub region: String,
    /// Province NIS code (empty in Brussels).
    pub province_nis: String,
    /// Province, Dutch.
    pub province_nl: String,
    /// Province, French.
    pub province_fr: String,
    /// Arrondissement NIS code.
    pub arrondissement_nis: String,
    /// Arrondissement, Dutch.
    pub arrondissement_nl: String,
    /// Arrondissement, French.
    pub arrondissement_fr: String,
    /// Judicial arrondissement id.
    pub judicial_arrondissement_id: String,
    /// Judicial arrondissement, Dutch.
    pub judicial_arrondissement_nl: String,
    /// Judicial arrondissement, French.
    pub judicial_arrondissement_fr: String,
}

/// `geo/elz.csv`: a municipality (or part of one) in an eerstelijnszone.
#[derive(Debug, Deserialize)]
pub struct ElzRow {
    /// The zone's name (its id is the slug of it).
    pub elz_name: String,
    /// The municipality.
    pub municipality_nis: String,
    /// `yes` when the municipality lies in several zones.
    pub partial: String,
}

/// `geo/zorgraden.csv`: the zorgraad of a zone.
#[derive(Debug, Deserialize)]
pub struct ZorgraadRow {
    /// The zorgraad's name.
    pub name: String,
    /// The zone.
    pub elz_name: String,
    /// Website: one absolute URL, or empty.
    pub website: String,
    /// E-mail address, or empty (an optional column).
    #[serde(default)]
    pub email: String,
    /// Sources separated by ` ; `.
    pub source: String,
    /// `low` rows are leads, not shown.
    pub confidence: String,
}

/// `geo/elz_antwerpen_deelgemeenten.csv`: which Antwerp district lies in which zones.
#[derive(Debug, Deserialize)]
pub struct DistrictRow {
    /// The municipality (Antwerpen).
    pub municipality_nis_2025: String,
    /// The district's name.
    pub deelgemeente_name: String,
    /// Zone names separated by `;`, each maybe with a note in parentheses.
    pub elz_zones: String,
    /// The postcodes of bpost localities with the district's name, separated by `;`.
    pub bpost_postcodes_with_same_locality_name: String,
}

/// `geo/postcodes.csv`: a bpost locality.
#[derive(Debug, Deserialize)]
pub struct PostcodeRow {
    /// 4-digit postcode.
    pub postcode: String,
    /// The locality's name.
    pub locality: String,
    /// `yes` for the main locality of the postcode.
    pub bpost_main_locality: String,
    /// The municipality bpost assigns it to.
    pub municipality_nis: String,
    /// Every municipality the postcode touches, separated by `;`.
    pub postcode_all_municipality_nis: String,
    /// `Flanders`, `Brussels` or `Wallonia`.
    pub region: String,
}

/// `geo/special_postcodes.csv`: a bpost organisation or sorting code.
#[derive(Debug, Deserialize)]
pub struct SpecialPostcodeRow {
    /// The postcode.
    pub postcode: String,
    /// Its name.
    pub name: String,
}

/// `geo/mergers.csv`: a former municipality and what it became.
#[derive(Debug, Deserialize)]
pub struct MergerRow {
    /// The former NIS code.
    pub old_nis: String,
    /// The former name.
    pub old_name: String,
    /// The NIS code it became part of (maybe itself merged later).
    pub new_nis: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `merger` or another change (a recode).
    pub change_type: String,
}

/// `offers/<concept id>.csv`: a concrete local offer.
#[derive(Debug, Deserialize)]
pub struct OfferRow {
    /// Stable slug, unique in the file.
    pub id: String,
    /// The name as the source states it.
    pub name: String,
    /// Address, maybe empty.
    pub address: String,
    /// Phone, maybe empty.
    pub phone: String,
    /// E-mail, maybe empty.
    pub email: String,
    /// Website, maybe empty.
    pub website: String,
    /// Areas separated by `;` (`nis:…`, `province:…`, `region:…`, `elz:…`, `judicial:…`,
    /// `arrondissement:…`).
    pub serves: String,
    /// `confirmed` or `derived`.
    pub confidence: String,
    /// `active` (or empty), `project` or `ended`.
    pub status: String,
    /// `YYYY-MM-DD` or empty.
    pub until: String,
    /// Sources separated by ` ; `.
    pub source: String,
    /// The date of the source, as stated.
    pub source_date: String,
    /// A short Dutch note.
    pub note: String,
    /// `citizens` (or empty) or `professionals` (an optional column).
    #[serde(default)]
    pub audience: String,
}

/// `geo/exonyms.csv`: another name people type for a municipality (Antwerp, Ghent, …).
#[derive(Debug, Deserialize)]
pub struct ExonymRow {
    /// The name as people type it.
    pub name: String,
    /// The municipality it names.
    pub municipality_nis: String,
    /// The language of the name: `nl`, `fr` or `en`.
    pub lang: String,
    /// `yes`: answers in that language use this name (only for `en`).
    pub display: String,
    /// The source that gives the name.
    pub source: String,
    /// Its date, as stated.
    pub source_date: String,
    /// `high` or `medium` (`low` rows are not used).
    pub confidence: String,
}

impl OfferRow {
    /// The model's offer, with the values the checks resolved (`offers.rs`).
    pub(crate) fn into_offer(
        self,
        concept: u8,
        serves: Vec<AreaRef>,
        confidence: Confidence,
        status: OfferStatus,
        audience: Audience,
        sources: Vec<String>,
    ) -> Offer {
        let opt = |s: String| (!s.is_empty()).then_some(Cow::Owned(s));
        Offer {
            id: Cow::Owned(self.id),
            concept,
            name: Cow::Owned(self.name),
            address: opt(self.address),
            phone: opt(self.phone),
            email: opt(self.email),
            website: opt(self.website),
            serves: Cow::Owned(serves),
            confidence,
            status,
            audience,
            sources: Cow::Owned(sources.into_iter().map(Cow::Owned).collect()),
            source_date: Cow::Owned(self.source_date),
            note: opt(self.note),
            hours: None,
            provider: None,
        }
    }

    /// Every field with its column name.
    pub fn fields(&self) -> [(&'static str, &str); 14] {
        [
            ("id", &self.id),
            ("name", &self.name),
            ("address", &self.address),
            ("phone", &self.phone),
            ("email", &self.email),
            ("website", &self.website),
            ("serves", &self.serves),
            ("confidence", &self.confidence),
            ("status", &self.status),
            ("until", &self.until),
            ("source", &self.source),
            ("source_date", &self.source_date),
            ("note", &self.note),
            ("audience", &self.audience),
        ]
    }
}

/// `concepts/<id>.toml`: one concept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptFile {
    /// The stable id (the file's name).
    pub id: String,
    /// Where the concept comes in the product's list (1, 2, …; unique).
    pub order: u32,
    /// Short name, maybe empty.
    #[serde(default)]
    pub abbreviation: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `flanders`, `flanders_brussels` or `belgium`.
    pub scope: String,
    /// `everywhere` or `listed`.
    pub coverage: String,
    /// Where `everywhere` applies, when only in part of the scope.
    pub everywhere_in: Option<String>,
    /// With `coverage = "everywhere"`: the URL (one of `sources`) of the source that states it.
    pub coverage_source: Option<String>,
    /// Whether a citizen can use it at all (default: unless `access = ["none"]`).
    pub for_citizens: Option<bool>,
    /// Status over time.
    pub status: StatusFile,
    /// What a citizen can do.
    pub access: Vec<String>,
    /// Websites.
    #[serde(default)]
    pub websites: Vec<String>,
    /// Name.
    pub name: Texts,
    /// One plain sentence.
    pub summary: Texts,
    /// How to get there.
    pub how: Texts,
    /// For whom.
    pub target: TextLists,
    /// For professionals.
    pub facts: Facts,
    /// Sources.
    pub sources: Vec<SourceFile>,
}

/// A concept's status.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    /// `structural`, `project` or `ended`.
    pub kind: String,
    /// Since when (informative).
    pub since: Option<String>,
    /// `YYYY-MM-DD`, for a project or an ended concept.
    pub until: Option<String>,
}

/// A text in three languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// Dutch.
    pub nl: String,
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

/// Lists of texts in three languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextLists {
    /// Dutch.
    pub nl: Vec<String>,
    /// French.
    pub fr: Vec<String>,
    /// English.
    pub en: Vec<String>,
}

/// A concept's facts for professionals.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Scale.
    pub scale: String,
    /// Policy domain.
    pub policy_domain: String,
    /// Legal basis.
    pub legal_basis: String,
}

/// A source of a concept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// Address.
    pub url: String,
    /// Date as stated.
    pub date: String,
    /// What was taken from it.
    pub used_for: String,
}

/// `needs.toml`: the vocabulary of needs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedsFile {
    /// Words that carry no need.
    pub stopwords: Stopwords,
    /// The needs.
    pub need: Vec<NeedFile>,
}

/// Stop words per language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stopwords {
    /// Dutch.
    pub nl: Vec<String>,
    /// French.
    pub fr: Vec<String>,
    /// English.
    pub en: Vec<String>,
}

/// One need.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedFile {
    /// Stable id (with where it is in the file, for the line of an error).
    pub id: toml::Spanned<String>,
    /// Label.
    pub label: Texts,
    /// Dutch terms.
    #[serde(default)]
    pub nl: Vec<String>,
    /// French terms.
    #[serde(default)]
    pub fr: Vec<String>,
    /// English terms.
    #[serde(default)]
    pub en: Vec<String>,
    /// Concept id → weight (0–1).
    pub concepts: BTreeMap<String, f32>,
}

/// `urgent/lines.csv`: an emergency number or help line.
#[derive(Debug, Deserialize)]
pub struct HelpLineRow {
    /// The number as people write it (`1813`, `0800 32 123`).
    pub number: String,
    /// `all`, `nl` or `fr`: the language the line answers in.
    pub lang: String,
    /// Name, Dutch.
    pub name_nl: String,
    /// Name, French.
    pub name_fr: String,
    /// Name, English.
    pub name_en: String,
    /// What it is for, Dutch.
    pub what_for_nl: String,
    /// What it is for, French.
    pub what_for_fr: String,
    /// What it is for, English.
    pub what_for_en: String,
    /// Hours, Dutch.
    pub hours_nl: String,
    /// Hours, French.
    pub hours_fr: String,
    /// Hours, English.
    pub hours_en: String,
    /// Chat address (may be empty).
    pub chat: String,
    /// Website (may be empty).
    pub website: String,
    /// Sources separated by ` ; `.
    pub source: String,
    /// The date of the latest source (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `undated`).
    pub source_date: String,
    /// `high`, `medium` or `low`.
    pub confidence: String,
}

/// `urgent/signals.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalsFile {
    /// The signals, in the order they are tried.
    pub signal: Vec<SignalEntry>,
}

/// One signal of danger.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalEntry {
    /// Stable id.
    pub id: toml::Spanned<String>,
    /// Whether the answer offers a quick exit from the page.
    pub quick_exit: bool,
    /// Lines to show when a Dutch phrase matched.
    pub lines_nl: Vec<String>,
    /// Lines to show when a French phrase matched.
    pub lines_fr: Vec<String>,
    /// Lines to show when an English phrase matched.
    pub lines_en: Vec<String>,
    /// Dutch phrases.
    pub nl: Vec<String>,
    /// French phrases.
    pub fr: Vec<String>,
    /// English phrases.
    pub en: Vec<String>,
}
