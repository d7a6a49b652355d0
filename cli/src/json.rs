//! The stable JSON shapes of the command-line tool (documented in the README, described by the
//! JSON Schemas in `schema/`).
//!
//! Each shape is a serializable counterpart of a core type (`Answer` → [`LookupJson`], `Place` →
//! [`PlaceJson`], `Offer` → [`OfferJson`], …), built from it by a constructor or `From`. The
//! shapes are declared here and nowhere else.
//!
//! Field order: the fields of every struct are declared in alphabetical order, because that is the
//! order the tool has always printed (its JSON used to go through `serde_json::Value`, whose
//! objects sort their keys). `fields_are_declared_in_printed_order` in the tests keeps it so.
//!
//! Numbers: scores and weights are `f32` in the core; they are printed as the `f64` of that
//! `f32`, as before (so a score rounded to 1.2 prints as 1.2000000476837158).

use hulpkompas_core::{
    urgent_lines, Answer, Area, Concept, ConceptAnswer, Coverage, Dataset, Diagnostic, FirstStop,
    HelpLine, Lang, Need, Offer, Outcome, Place, SearchResult, Source, Status, Text, TextList,
};
use serde::Serialize;

/// A text in the three languages.
#[derive(Serialize)]
pub struct TextJson {
    pub en: &'static str,
    pub fr: &'static str,
    pub nl: &'static str,
}

impl From<Text> for TextJson {
    fn from(t: Text) -> TextJson {
        TextJson {
            en: t.en,
            fr: t.fr,
            nl: t.nl,
        }
    }
}

/// A list of texts in the three languages.
#[derive(Serialize)]
pub struct TextListJson {
    pub en: &'static [&'static str],
    pub fr: &'static [&'static str],
    pub nl: &'static [&'static str],
}

impl From<TextList> for TextListJson {
    fn from(t: TextList) -> TextListJson {
        TextListJson {
            en: t.en,
            fr: t.fr,
            nl: t.nl,
        }
    }
}

/// Whether the input is a place: `found`, `ambiguous` or `not_a_place`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeJson {
    Found,
    Ambiguous,
    NotAPlace,
}

impl From<Outcome> for OutcomeJson {
    fn from(o: Outcome) -> OutcomeJson {
        match o {
            Outcome::Found => OutcomeJson::Found,
            Outcome::Ambiguous => OutcomeJson::Ambiguous,
            Outcome::NotAPlace => OutcomeJson::NotAPlace,
        }
    }
}

/// A municipality, province or former municipality by NIS code and name.
#[derive(Serialize)]
pub struct NamedJson {
    pub name: &'static str,
    pub nis: &'static str,
}

/// The municipality of a place, with its names in both languages.
#[derive(Serialize)]
pub struct MunicipalityJson {
    pub name: &'static str,
    pub name_fr: &'static str,
    pub name_nl: &'static str,
    pub nis: &'static str,
}

/// The municipality a merged name belonged to.
#[derive(Serialize)]
pub struct FormerJson {
    pub merged_on: String,
    pub name: &'static str,
    pub nis: &'static str,
}

/// A region by id and name.
#[derive(Serialize)]
pub struct RegionJson {
    pub id: &'static str,
    pub name: &'static str,
}

/// A place: `place` and each of `candidates`.
#[derive(Serialize)]
pub struct PlaceJson {
    pub also_municipalities: Vec<NamedJson>,
    pub former_municipality: Option<FormerJson>,
    pub label: String,
    pub locality: Option<&'static str>,
    pub municipality: MunicipalityJson,
    pub postcode: Option<String>,
    pub province: Option<NamedJson>,
    pub region: RegionJson,
}

impl PlaceJson {
    pub fn new(p: &Place, lang: Lang) -> PlaceJson {
        let m = p.municipality;
        PlaceJson {
            also_municipalities: p
                .also
                .iter()
                .map(|x| NamedJson {
                    name: x.name(lang),
                    nis: x.nis,
                })
                .collect(),
            former_municipality: p.former.map(|f| FormerJson {
                merged_on: f.date.to_string(),
                name: f.old_name,
                nis: f.old_nis,
            }),
            label: p.label(lang),
            locality: p.locality,
            municipality: MunicipalityJson {
                name: m.name(lang),
                name_fr: m.name_fr,
                name_nl: m.name_nl,
                nis: m.nis,
            },
            postcode: p.postcode.map(|pc| format!("{pc:04}")),
            province: m.province().map(|pr| NamedJson {
                name: if lang == Lang::Fr {
                    pr.name_fr
                } else {
                    pr.name_nl
                },
                nis: pr.nis,
            }),
            region: RegionJson {
                id: m.region.id(),
                name: m.region.name().get(lang),
            },
        }
    }
}

/// An area the place lies in.
#[derive(Serialize)]
pub struct AreaJson {
    pub certain: bool,
    pub id: &'static str,
    /// `region`, `province`, `arrondissement`, `judicial_arrondissement` or `eerstelijnszone`.
    pub kind: &'static str,
    pub name: &'static str,
}

impl AreaJson {
    pub fn new(a: &Area, lang: Lang) -> AreaJson {
        AreaJson {
            certain: a.certain,
            id: a.id,
            kind: a.kind.id(),
            name: a.name.get(lang),
        }
    }
}

/// A local offer of a concept.
#[derive(Serialize)]
pub struct OfferJson<'d> {
    pub address: Option<&'d str>,
    /// `citizens` or `professionals`.
    pub audience: &'static str,
    /// `confirmed` or another confidence id of the core.
    pub confidence: &'static str,
    pub email: Option<&'d str>,
    /// The machine format (`MO-FR 09:00-12:00`); a layer's offers only, for now.
    pub hours: Option<&'d str>,
    pub id: &'d str,
    pub name: &'d str,
    pub note: Option<&'d str>,
    pub phone: Option<&'d str>,
    /// Who gave these facts, for an organisation's own layer.
    pub provider: Option<&'d str>,
    pub source_date: &'d str,
    pub sources: Vec<&'d str>,
    pub website: Option<&'d str>,
}

impl<'d> From<&'d Offer> for OfferJson<'d> {
    fn from(o: &'d Offer) -> OfferJson<'d> {
        OfferJson {
            address: o.address.as_deref(),
            audience: o.audience.id(),
            confidence: o.confidence.id(),
            email: o.email.as_deref(),
            hours: o.hours.as_deref(),
            id: &o.id,
            name: &o.name,
            note: o.note.as_deref(),
            phone: o.phone.as_deref(),
            provider: o.provider.as_deref(),
            source_date: &o.source_date,
            sources: o.sources.iter().map(|s| s.as_ref()).collect(),
            website: o.website.as_deref(),
        }
    }
}

/// Whether a concept applies at the place, why, and its local offers.
#[derive(Serialize)]
pub struct ConceptAnswerJson<'d> {
    /// `yes`, `unknown`, `ended` or `no`.
    pub applies: &'static str,
    /// False for what a citizen cannot use at all (LIVC-R, the eerstelijnszones, …).
    pub for_citizens: bool,
    pub id: &'static str,
    pub name: &'static str,
    pub offers: Vec<OfferJson<'d>>,
    /// Why it applies here or not (there are concepts only when there is a place).
    pub reason: String,
}

impl<'d> ConceptAnswerJson<'d> {
    pub fn new(c: &ConceptAnswer<'d>, place: &Place, lang: Lang) -> ConceptAnswerJson<'d> {
        ConceptAnswerJson {
            applies: c.applies.id(),
            for_citizens: c.for_citizens(),
            id: c.concept.id,
            name: c.concept.name.get(lang),
            offers: c.offers.iter().map(|o| OfferJson::from(*o)).collect(),
            reason: c.reason_text(place, lang),
        }
    }
}

/// What was understood, corrected or wrong.
#[derive(Serialize)]
pub struct DiagnosticJson {
    pub code: &'static str,
    pub message: String,
    /// `info`, `warning` or `error`.
    pub severity: &'static str,
}

impl DiagnosticJson {
    pub fn new(d: &Diagnostic, lang: Lang) -> DiagnosticJson {
        DiagnosticJson {
            code: d.code(),
            message: d.message(lang),
            severity: d.severity().id(),
        }
    }
}

fn diagnostics(answer: &Answer<'_>, lang: Lang) -> Vec<DiagnosticJson> {
    answer
        .diagnostics
        .iter()
        .map(|d| DiagnosticJson::new(d, lang))
        .collect()
}

/// A first stop's address.
#[derive(Serialize)]
pub struct AddressJson {
    pub city: &'static str,
    pub postcode: &'static str,
    pub street: &'static str,
}

/// Where to go first (`first_stop`, in the order to try).
#[derive(Serialize)]
pub struct FirstStopJson {
    pub address: Option<AddressJson>,
    /// `high`, `medium` or `low`.
    pub confidence: &'static str,
    pub email: Option<&'static str>,
    /// The machine format (`MO-FR 09:00-12:00; MO 18:00-20:00`), else the source's words.
    pub hours: Option<&'static str>,
    /// `sociaal_huis`, `ocmw`, `caw`, `huis_van_het_kind` or `cpas`.
    pub kind: &'static str,
    pub name: String,
    pub phone: Option<&'static str>,
    /// Who gave these facts, for an organisation's own layer (`lookup --offers`).
    pub provider: Option<&'static str>,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `undated`.
    pub source_date: &'static str,
    pub sources: Vec<String>,
    pub website: Option<&'static str>,
}

impl FirstStopJson {
    pub fn new(s: &FirstStop, lang: Lang) -> FirstStopJson {
        FirstStopJson {
            address: s.address.as_ref().map(|a| AddressJson {
                city: a.city,
                postcode: a.postcode,
                street: a.street,
            }),
            confidence: s.confidence.id(),
            email: s.email,
            hours: s.hours.or(s.hours_text),
            kind: s.kind.id(),
            name: s.name(lang),
            phone: s.phone,
            provider: s.provider,
            source_date: s.source_date,
            sources: s.sources().map(str::to_string).collect(),
            website: s.website,
        }
    }
}

fn first_stops(stops: &[FirstStop], lang: Lang) -> Vec<FirstStopJson> {
    stops.iter().map(|s| FirstStopJson::new(s, lang)).collect()
}

/// One ranked search result.
#[derive(Serialize)]
pub struct ResultJson {
    /// Set when a place was given.
    pub applies: Option<&'static str>,
    /// The concept id.
    pub concept: &'static str,
    pub matched: Vec<String>,
    pub name: &'static str,
    /// Rounded to three decimals (as an `f32`, printed as its `f64`: see the module).
    pub score: f64,
}

impl ResultJson {
    pub fn new(r: &SearchResult, lang: Lang) -> ResultJson {
        ResultJson {
            applies: r.applies.map(|a| a.id()),
            concept: r.concept.id,
            matched: r.matched.iter().map(|m| m.explain(lang)).collect(),
            name: r.concept.name.get(lang),
            score: f64::from((r.score * 1000.0).round() / 1000.0),
        }
    }
}

fn ranked(results: &[SearchResult], lang: Lang) -> Vec<ResultJson> {
    results.iter().map(|r| ResultJson::new(r, lang)).collect()
}

/// `hulpkompas lookup --json`.
#[derive(Serialize)]
pub struct LookupJson<'a, 'd> {
    pub areas: Vec<AreaJson>,
    pub candidates: Vec<PlaceJson>,
    pub concepts: Vec<ConceptAnswerJson<'d>>,
    pub diagnostics: Vec<DiagnosticJson>,
    /// Where to go first, in the order to try (empty without a place).
    pub first_stop: Vec<FirstStopJson>,
    pub input: &'a str,
    pub lang: &'static str,
    pub outcome: OutcomeJson,
    pub place: Option<PlaceJson>,
    /// Only with `--need`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<Vec<ResultJson>>,
    /// The lines to call now, when the need (or an input that is no place) signals danger.
    pub urgent: Vec<UrgentJson>,
}

impl LookupJson<'_, '_> {
    /// With `--need`: the lines to call now when the need signals danger.
    pub fn with_need(mut self, need: &str, lang: Lang) -> Self {
        let mut urgent = urgent(need, lang);
        for u in std::mem::take(&mut self.urgent) {
            if !urgent.iter().any(|x| x.number == u.number) {
                urgent.push(u);
            }
        }
        self.urgent = urgent;
        self
    }
}

/// A line to call now (`urgent`): an emergency number or a help line.
#[derive(Serialize)]
pub struct UrgentJson {
    pub chat: Option<&'static str>,
    pub hours: &'static str,
    pub name: &'static str,
    pub number: &'static str,
    pub sources: &'static [&'static str],
    pub what_for: &'static str,
}

impl UrgentJson {
    pub fn new(l: &'static HelpLine, lang: Lang) -> UrgentJson {
        UrgentJson {
            chat: l.chat,
            hours: l.hours.get(lang),
            name: l.name.get(lang),
            number: l.number,
            sources: l.sources,
            what_for: l.what_for.get(lang),
        }
    }
}

/// The lines to call now for what a person typed, in the order to try them.
pub fn urgent(typed: &str, lang: Lang) -> Vec<UrgentJson> {
    urgent_lines(typed, lang)
        .into_iter()
        .map(|l| UrgentJson::new(l, lang))
        .collect()
}

/// `hulpkompas lookup --json`.
pub fn lookup<'a, 'd>(
    input: &'a str,
    answer: &Answer<'d>,
    results: Option<&[SearchResult]>,
    lang: Lang,
) -> LookupJson<'a, 'd> {
    let p = answer.place.as_ref();
    LookupJson {
        areas: answer
            .areas
            .iter()
            .map(|a| AreaJson::new(a, lang))
            .collect(),
        candidates: answer
            .candidates
            .iter()
            .map(|c| PlaceJson::new(c, lang))
            .collect(),
        // The core answers concepts only for a place.
        concepts: p
            .map(|p| {
                answer
                    .concepts
                    .iter()
                    .map(|c| ConceptAnswerJson::new(c, p, lang))
                    .collect()
            })
            .unwrap_or_default(),
        diagnostics: diagnostics(answer, lang),
        first_stop: first_stops(&answer.first_stop_for(results.unwrap_or(&[])), lang),
        input,
        lang: lang.code(),
        outcome: answer.outcome.into(),
        place: p.map(|p| PlaceJson::new(p, lang)),
        results: results.map(|r| ranked(r, lang)),
        // What is no place may be a cry for help typed in the wrong field.
        urgent: if p.is_none() {
            urgent(input, lang)
        } else {
            Vec::new()
        },
    }
}

/// `hulpkompas search --json`.
#[derive(Serialize)]
pub struct SearchJson<'a> {
    /// Empty without `--postcode`.
    pub diagnostics: Vec<DiagnosticJson>,
    /// Where to go first, for the best result (empty without `--postcode`).
    pub first_stop: Vec<FirstStopJson>,
    pub lang: &'static str,
    pub place: Option<PlaceJson>,
    pub query: &'a str,
    pub results: Vec<ResultJson>,
    /// The lines to call now, in the order to try them: empty when nothing signals danger.
    pub urgent: Vec<UrgentJson>,
}

/// `hulpkompas search --json`.
pub fn search<'a>(
    query: &'a str,
    answer: Option<&Answer<'_>>,
    results: &[SearchResult],
    lang: Lang,
) -> SearchJson<'a> {
    SearchJson {
        diagnostics: answer.map(|a| diagnostics(a, lang)).unwrap_or_default(),
        first_stop: answer
            .map(|a| first_stops(&a.first_stop_for(results), lang))
            .unwrap_or_default(),
        lang: lang.code(),
        place: answer
            .and_then(|a| a.place.as_ref())
            .map(|p| PlaceJson::new(p, lang)),
        query,
        results: ranked(results, lang),
        urgent: urgent(query, lang),
    }
}

/// Where a concept is present: `{ "in": scope, "kind": "everywhere" }` or `{ "kind": "listed" }`.
/// (A struct rather than a tagged enum: serde writes an enum's tag first, before `in`.)
#[derive(Serialize)]
pub struct CoverageJson {
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_scope: Option<&'static str>,
    pub kind: &'static str,
}

impl From<Coverage> for CoverageJson {
    fn from(c: Coverage) -> CoverageJson {
        match c {
            Coverage::Everywhere(s) => CoverageJson {
                in_scope: Some(s.id()),
                kind: "everywhere",
            },
            Coverage::Listed => CoverageJson {
                in_scope: None,
                kind: "listed",
            },
        }
    }
}

/// A concept's status: `structural`, or a `project` or `ended` with its last day.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatusJson {
    Structural,
    Project { until: String },
    Ended { until: String },
}

impl From<Status> for StatusJson {
    fn from(s: Status) -> StatusJson {
        match s {
            Status::Structural => StatusJson::Structural,
            Status::Project { until } => StatusJson::Project {
                until: until.to_string(),
            },
            Status::Ended { until } => StatusJson::Ended {
                until: until.to_string(),
            },
        }
    }
}

/// A source of a concept.
#[derive(Serialize)]
pub struct SourceJson {
    pub date: &'static str,
    pub url: &'static str,
    pub used_for: &'static str,
}

impl From<&Source> for SourceJson {
    fn from(s: &Source) -> SourceJson {
        SourceJson {
            date: s.date,
            url: s.url,
            used_for: s.used_for,
        }
    }
}

/// A concept with all its texts: `concepts --json` and `export --json`.
#[derive(Serialize)]
pub struct ConceptJson {
    pub abbreviation: &'static str,
    pub access: Vec<&'static str>,
    pub aliases: &'static [&'static str],
    pub coverage: CoverageJson,
    pub how: TextJson,
    pub id: &'static str,
    pub legal_basis: &'static str,
    pub name: TextJson,
    pub policy_domain: &'static str,
    pub scale: &'static str,
    pub scope: &'static str,
    pub sources: Vec<SourceJson>,
    pub status: StatusJson,
    pub summary: TextJson,
    pub target: TextListJson,
    pub websites: &'static [&'static str],
}

impl From<&Concept> for ConceptJson {
    fn from(c: &Concept) -> ConceptJson {
        ConceptJson {
            abbreviation: c.abbreviation,
            access: c.access.iter().map(|a| a.id()).collect(),
            aliases: c.aliases,
            coverage: c.coverage.into(),
            how: c.how.into(),
            id: c.id,
            legal_basis: c.legal_basis,
            name: c.name.into(),
            policy_domain: c.policy_domain,
            scale: c.scale,
            scope: c.scope.id(),
            sources: c.sources.iter().map(SourceJson::from).collect(),
            status: c.status.into(),
            summary: c.summary.into(),
            target: c.target.into(),
            websites: c.websites,
        }
    }
}

/// `hulpkompas concepts --json`.
#[derive(Serialize)]
pub struct ConceptsJson {
    pub concepts: Vec<ConceptJson>,
}

/// `hulpkompas concepts --json`.
pub fn concepts(data: &Dataset) -> ConceptsJson {
    ConceptsJson {
        concepts: data.concepts().iter().map(ConceptJson::from).collect(),
    }
}

/// A concept a need points to, with its weight.
#[derive(Serialize)]
pub struct WeightJson {
    pub id: &'static str,
    /// The core's `f32`, printed as its `f64`.
    pub weight: f64,
}

/// The search terms of a need, per language.
#[derive(Serialize)]
pub struct TermsJson {
    pub en: Vec<&'static str>,
    pub fr: Vec<&'static str>,
    pub nl: Vec<&'static str>,
}

/// A need of the vocabulary.
#[derive(Serialize)]
pub struct NeedJson {
    pub concepts: Vec<WeightJson>,
    pub id: &'static str,
    pub label: TextJson,
    pub terms: TermsJson,
}

impl From<&Need> for NeedJson {
    fn from(n: &Need) -> NeedJson {
        NeedJson {
            concepts: n
                .concepts()
                .map(|(c, w)| WeightJson {
                    id: c.id,
                    weight: f64::from(w),
                })
                .collect(),
            id: n.id,
            label: n.label.into(),
            terms: TermsJson {
                en: n.terms.get(Lang::En).collect(),
                fr: n.terms.get(Lang::Fr).collect(),
                nl: n.terms.get(Lang::Nl).collect(),
            },
        }
    }
}

/// `hulpkompas export --json`: the searchable corpus, so another engine can index the same text.
#[derive(Serialize)]
pub struct ExportJson {
    pub concepts: Vec<ConceptJson>,
    pub data_date: String,
    pub needs: Vec<NeedJson>,
}

/// `hulpkompas export --json`.
pub fn export(data: &Dataset) -> ExportJson {
    ExportJson {
        concepts: data.concepts().iter().map(ConceptJson::from).collect(),
        data_date: hulpkompas_core::DATA_DATE.to_string(),
        needs: data
            .vocabulary()
            .needs()
            .iter()
            .map(NeedJson::from)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The printed order of every object's keys is the declared order, and it is the sorted
    /// order the tool has always printed: a field added out of order fails here.
    #[test]
    fn fields_are_declared_in_printed_order() {
        fn same<T: Serialize>(what: &str, v: &T) {
            let direct = serde_json::to_string_pretty(v).unwrap();
            let sorted = serde_json::to_string_pretty(&serde_json::to_value(v).unwrap()).unwrap();
            assert_eq!(direct, sorted, "{what}: fields out of alphabetical order");
        }
        let data = Dataset::builtin();
        for input in ["8500", "2000", "1040", "Zwijndrecht", "kort", "xyz", "4000"] {
            let a = data.lookup(input);
            let r = data.search("schulden", Some(&a));
            for lang in Lang::ALL {
                same(input, &lookup(input, &a, Some(&r), lang));
                same(input, &search("schulden", Some(&a), &r, lang));
            }
        }
        same("concepts", &concepts(&data));
        same("export", &export(&data));
    }
}
