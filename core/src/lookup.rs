//! From what a person typed to a place, its areas and the concepts that apply there.
//!
//! Lookups never fail: every input gives an [`Answer`], with [`Diagnostic`]s saying what was
//! understood, corrected or wrong.

use crate::data;
use crate::dataset::{Dataset, NameTarget, Names};
use crate::diagnostics::Diagnostic;
use crate::model::*;
use crate::sort::insertion_sort_by;
use crate::text::{fold, matches_exactly, number, within_one_edit, SplitAscii};

/// Longest input taken into account (characters). Longer input is no postcode or place name.
pub const MAX_INPUT_CHARS: usize = 100;

/// A place Hulpkompas found for the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The postcode, when the input gave one or named a bpost locality.
    pub postcode: Option<u16>,
    /// The bpost locality (deelgemeente), when known.
    pub locality: Option<&'static str>,
    /// The municipality (after the 2025 mergers).
    pub municipality: &'static Municipality,
    /// Other municipalities the postcode touches (1040, 1050: the street decides).
    pub also: Vec<&'static Municipality>,
    /// The former municipality the input named, if it merged.
    pub former: Option<&'static Merger>,
    /// The eerstelijnszones the place can lie in (indices); more than one where the street decides.
    pub(crate) zones: Vec<u8>,
}

impl Place {
    /// The region.
    pub fn region(&self) -> Region {
        self.municipality.region
    }

    /// The eerstelijnszones the place can lie in: one, or several where the street decides.
    pub fn zones(&self) -> impl Iterator<Item = &'static Zone> + '_ {
        self.zones.iter().map(|&z| &data::ZONES[z as usize])
    }

    /// Whether the eerstelijnszone is certain (one zone) rather than a choice the street decides.
    pub fn zone_is_certain(&self) -> bool {
        self.zones.len() == 1
    }

    /// A short label: `8500 Kortrijk`, `Kortrijk`, or `2070 Zwijndrecht (Beveren-Kruibeke-Zwijndrecht)`.
    pub fn label(&self, lang: Lang) -> String {
        let muni = self.municipality.name(lang);
        match (self.postcode, self.locality) {
            (Some(pc), Some(loc))
                if fold(loc) == fold(muni) || fold(loc) == fold(self.municipality.name_nl) =>
            {
                format!("{pc:04} {muni}")
            }
            (Some(pc), Some(loc)) => format!("{pc:04} {loc} ({muni})"),
            (Some(pc), None) => format!("{pc:04} {muni}"),
            _ => muni.to_string(),
        }
    }
}

/// The kind of an area a place lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaKind {
    /// Region.
    Region,
    /// Province.
    Province,
    /// Administrative arrondissement.
    Arrondissement,
    /// Judicial arrondissement.
    JudicialArrondissement,
    /// Eerstelijnszone.
    Eerstelijnszone,
}

impl AreaKind {
    /// Stable id, as in the JSON output.
    pub fn id(self) -> &'static str {
        match self {
            AreaKind::Region => "region",
            AreaKind::Province => "province",
            AreaKind::Arrondissement => "arrondissement",
            AreaKind::JudicialArrondissement => "judicial_arrondissement",
            AreaKind::Eerstelijnszone => "eerstelijnszone",
        }
    }
}

/// An area the place lies in.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    /// What kind of area.
    pub kind: AreaKind,
    /// Stable id (NIS code, zone id, judicial arrondissement id, region id).
    pub id: &'static str,
    /// Its name.
    pub name: Text,
    /// False when the place may lie in this area or another (Antwerpen: the street decides).
    pub certain: bool,
}

/// Whether a concept applies at the place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applies {
    /// It works here: by law or decree, or a source confirms an offer for this area.
    Yes,
    /// It may work here, but we do not know: ask the general entry.
    Unknown,
    /// The project has ended: not a current offer.
    Ended,
    /// It does not exist here (e.g. a Flemish concept in Wallonia).
    No,
}

impl Applies {
    /// Stable id: `yes`, `unknown`, `ended`, `no`.
    pub fn id(self) -> &'static str {
        match self {
            Applies::Yes => "yes",
            Applies::Unknown => "unknown",
            Applies::Ended => "ended",
            Applies::No => "no",
        }
    }
}

/// Why a concept is shown as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The place lies in these eerstelijnszones (more than one: the street decides).
    Zone,
    /// Present in every municipality of the scope by law or decree.
    ByLaw,
    /// Listed offers serve the place, through these areas.
    Offers(Vec<AreaRef>),
    /// Not known for this place.
    UnknownHere,
    /// The concept does not exist in this region.
    OutsideScope(Scope),
    /// The project ended on this date.
    Ended(Date),
    /// The project ended on this date; no offer of it is known to have served this place.
    EndedElsewhere(Date),
    /// Only an offer for professionals serves the place (a coordination network): nothing a
    /// citizen can go to, through these areas.
    ProfessionalsOnly(Vec<AreaRef>),
    /// The offer that serves the place takes no new cases (as of the month of its source).
    NoNewCases {
        /// The offer's name.
        name: String,
        /// The month of the source (day 1).
        as_of: Option<Date>,
    },
}

/// One concept's answer for the place.
#[derive(Clone, Debug)]
pub struct ConceptAnswer<'d> {
    /// The concept.
    pub concept: &'static Concept,
    /// Whether it applies here.
    pub applies: Applies,
    /// The local offers that serve the place (current ones only): where the concept applies, and
    /// where only a network of professionals serves the place ([`Reason::ProfessionalsOnly`]).
    pub offers: Vec<&'d Offer>,
    /// Why.
    pub reason: Reason,
}

/// What the lookup understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// One place.
    Found,
    /// Several places match the name equally well: see `candidates`.
    Ambiguous,
    /// No place: see the diagnostics.
    NotAPlace,
}

/// The answer to a lookup: the place, its areas, every concept's applicability, and diagnostics.
#[derive(Clone, Debug)]
pub struct Answer<'d> {
    /// What was understood.
    pub outcome: Outcome,
    /// The place, when found.
    pub place: Option<Place>,
    /// Other places the input may mean (ambiguous names, or suggestions).
    pub candidates: Vec<Place>,
    /// The areas the place lies in.
    pub areas: Vec<Area>,
    /// Every concept, those that apply first, in a stable order.
    pub concepts: Vec<ConceptAnswer<'d>>,
    /// What was understood, corrected or wrong, in order of importance.
    pub diagnostics: Vec<Diagnostic>,
    /// Where to go first, in the order to try (empty without a place).
    pub first_stop: Vec<FirstStop>,
    /// The organisation's own first stops of the dataset asked, for a need about children (see
    /// [`Answer::first_stop_for`]).
    pub(crate) layer_stops: &'d [(u16, FirstStop)],
}

impl ConceptAnswer<'_> {
    /// Whether a citizen can use the concept at all (false for LIVC-R, the eerstelijnszones and
    /// other partnerships of professionals behind the scenes).
    pub fn for_citizens(&self) -> bool {
        self.concept.for_citizens
    }

    /// Whether it is a service that works for a citizen here: it applies and it is for citizens.
    pub fn works_for_citizens(&self) -> bool {
        self.applies == Applies::Yes && self.for_citizens()
    }
}

impl<'d> Answer<'d> {
    /// How many services work for a citizen here (the count of the status line).
    pub fn working_for_citizens(&self) -> usize {
        self.concepts
            .iter()
            .filter(|c| c.works_for_citizens())
            .count()
    }

    /// The answer for one concept, by id.
    pub fn concept(&self, id: &str) -> Option<&ConceptAnswer<'d>> {
        self.concepts.iter().find(|c| c.concept.id == id)
    }

    /// The eerstelijnszones among the areas.
    pub fn zones(&self) -> impl Iterator<Item = &Area> {
        self.areas
            .iter()
            .filter(|a| a.kind == AreaKind::Eerstelijnszone)
    }
}

impl Dataset {
    /// Looks up a postcode or place name, as of the data's date.
    ///
    /// ```
    /// let data = hulpkompas_core::Dataset::builtin();
    /// let answer = data.lookup("8500");
    /// let place = answer.place.as_ref().unwrap();
    /// assert_eq!(place.municipality.name_nl, "Kortrijk");
    /// assert_eq!(answer.zones().next().unwrap().id, "kortrijk-kuurne-harelbeke");
    ///
    /// // A typo is forgiven, and said.
    /// let answer = data.lookup("kortijk");
    /// assert_eq!(answer.place.unwrap().municipality.nis, "34022");
    /// assert!(!answer.diagnostics.is_empty());
    ///
    /// // Bad input never panics: it gets a message.
    /// let answer = data.lookup("12");
    /// assert!(answer.place.is_none());
    /// println!("{}", answer.diagnostics[0].message(hulpkompas_core::Lang::Nl));
    /// ```
    pub fn lookup(&self, input: &str) -> Answer<'_> {
        self.lookup_on(input, data::DATA_DATE)
    }

    /// Looks up a postcode or place name as of `today` (projects that ended before it are not current).
    pub fn lookup_on(&self, input: &str, today: Date) -> Answer<'_> {
        let (place, candidates, mut diagnostics) = self.resolve(input);
        let mut answer = Answer {
            outcome: if place.is_some() {
                Outcome::Found
            } else if candidates.is_empty() {
                Outcome::NotAPlace
            } else {
                Outcome::Ambiguous
            },
            place: None,
            candidates,
            areas: Vec::new(),
            concepts: Vec::new(),
            diagnostics: Vec::new(),
            first_stop: Vec::new(),
            layer_stops: &self.layer_stops,
        };
        if let Some(place) = place {
            answer.areas = areas_of(&place);
            answer.concepts = self.concepts_at(&place, today);
            place_diagnostics(&place, &mut diagnostics);
            let (stops, unknown) = self.first_stop(place.municipality, false);
            answer.first_stop = stops;
            diagnostics.extend(unknown);
            answer.place = Some(place);
        }
        insertion_sort_by(&mut diagnostics, |a, b| a.severity() < b.severity());
        answer.diagnostics = diagnostics;
        answer
    }

    /// Resolves the input to a place (or candidates), with diagnostics.
    fn resolve(&self, input: &str) -> (Option<Place>, Vec<Place>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        if input.chars().any(|c| c.is_control() && !c.is_whitespace()) {
            diags.push(Diagnostic::InvalidCharacters);
            return (None, Vec::new(), diags);
        }
        let trimmed = input.trim();
        if trimmed.is_empty() {
            diags.push(Diagnostic::Empty);
            return (None, Vec::new(), diags);
        }
        if trimmed.chars().count() > MAX_INPUT_CHARS {
            diags.push(Diagnostic::TooLong {
                max: MAX_INPUT_CHARS,
            });
            return (None, Vec::new(), diags);
        }
        let folded = fold(trimmed);
        if folded.is_empty() {
            diags.push(Diagnostic::NoLetters);
            return (None, Vec::new(), diags);
        }
        let (digits, rest) = split_postcode(&folded);
        match digits {
            Some(d) if d.len() != 4 => {
                diags.push(Diagnostic::WrongLength { digits: d.len() });
                (None, Vec::new(), diags)
            }
            Some(d) => {
                let pc: u16 = number(d).unwrap_or(0);
                self.resolve_postcode(pc, rest, &mut diags)
            }
            None => self.resolve_name(&folded, &mut diags),
        }
    }

    fn resolve_postcode(
        &self,
        pc: u16,
        name: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> (Option<Place>, Vec<Place>, Vec<Diagnostic>) {
        let locs = localities_of(pc);
        if locs.is_empty() {
            if let Some(s) = data::SPECIAL_POSTCODES.iter().find(|s| s.postcode == pc) {
                diags.push(Diagnostic::SpecialPostcode {
                    postcode: pc,
                    name: s.name,
                });
            } else {
                diags.push(Diagnostic::UnknownPostcode { postcode: pc });
            }
            return (None, Vec::new(), std::mem::take(diags));
        }
        // "8500 Kortrijk": let the name pick the locality; otherwise the main locality.
        let mut chosen = None;
        if !name.is_empty() {
            chosen = locs
                .iter()
                .find(|&&i| matches_exactly(name, &fold(data::localities()[i].name)))
                .or_else(|| {
                    locs.iter().find(|&&i| {
                        name_matches_municipality(name, data::localities()[i].municipality())
                    })
                })
                .or_else(|| {
                    locs.iter().find(|&&i| {
                        name.len() >= 4 && within_one_edit(name, &fold(data::localities()[i].name))
                    })
                })
                .copied();
            if chosen.is_none() {
                diags.push(Diagnostic::NameDoesNotMatchPostcode {
                    postcode: pc,
                    name: name.to_string(),
                });
            }
        }
        let li = chosen.unwrap_or_else(|| {
            locs.iter()
                .copied()
                .find(|&i| data::localities()[i].main)
                .unwrap_or(locs[0])
        });
        let mut place = place_of_locality(li, None);
        // "1040 Brussel": the name picks the other municipality the postcode touches.
        if !name.is_empty() && !name_matches_municipality(name, place.municipality) {
            if let Some(pos) = place
                .also
                .iter()
                .position(|m| name_matches_municipality(name, m))
            {
                let own = std::mem::replace(&mut place.municipality, place.also[pos]);
                place.also[pos] = own;
                place.zones = place.municipality.zone_ids();
                diags.retain(|d| !matches!(d, Diagnostic::NameDoesNotMatchPostcode { .. }));
            }
        }
        // "Gent 8500": the name is another place than the postcode. Never pick one: ask.
        let mismatch = diags
            .iter()
            .any(|d| matches!(d, Diagnostic::NameDoesNotMatchPostcode { .. }));
        if mismatch && !self.exact_names(name).is_empty() {
            let mut scratch = Vec::new();
            let (by_name, mut others, _) = self.resolve_name(name, &mut scratch);
            let mut candidates = vec![place];
            candidates.extend(by_name);
            candidates.append(&mut others);
            diags.retain(|d| !matches!(d, Diagnostic::NameDoesNotMatchPostcode { .. }));
            diags.push(Diagnostic::PostcodeAndNameDisagree {
                postcode: pc,
                name: name.to_string(),
            });
            return (None, candidates, std::mem::take(diags));
        }
        if chosen.is_none() && locs.len() > 1 {
            diags.push(Diagnostic::SeveralLocalities {
                postcode: pc,
                localities: locs.iter().map(|&i| data::localities()[i].name).collect(),
            });
        }
        (Some(place), Vec::new(), std::mem::take(diags))
    }

    fn resolve_name(
        &self,
        folded: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> (Option<Place>, Vec<Place>, Vec<Diagnostic>) {
        let mut targets = self.exact_names(folded);
        let exact = !targets.is_empty();
        // A name still being typed ("sint" on the way to Sint-Niklaas) is no typo of another
        // place ("Lint"): the names it starts are the suggestions below.
        if targets.is_empty() && folded.len() >= 4 && !self.starts_a_name(folded) {
            // One typo forgiven: the closest names at one edit.
            let near: Vec<(&str, NameTarget)> = self
                .names()
                .names
                .iter()
                .filter(|(n, _)| n.len().abs_diff(folded.len()) <= 1 && within_one_edit(folded, n))
                .map(|(n, t)| (n.as_str(), *t))
                .collect();
            targets = near.into_iter().map(|(_, t)| t).collect();
        }
        let corrected = !targets.is_empty() && !exact;
        let places = places_of(&targets);
        // Without every Walloon locality (the widget's build), a name one letter from a known
        // place may be a village we do not know ("Vottem" is not Gottem, "Mark" not Marke): ask,
        // never answer for another place.
        if corrected && !cfg!(feature = "wallonia-localities") {
            diags.push(Diagnostic::DidYouMean {
                input: folded.to_string(),
            });
            return (None, places, std::mem::take(diags));
        }
        match places.len() {
            0 => {
                // Suggestions while typing: names that start with the input.
                let suggestions: Vec<Place> = if folded.len() >= 3 {
                    let ts: Vec<NameTarget> =
                        self.names_starting(folded).map(|(_, t)| *t).collect();
                    places_of(&ts).into_iter().take(8).collect()
                } else {
                    Vec::new()
                };
                diags.retain(|d| !matches!(d, Diagnostic::Corrected { .. }));
                if suggestions.is_empty() {
                    diags.push(Diagnostic::UnknownPlace {
                        input: folded.to_string(),
                    });
                } else {
                    diags.push(Diagnostic::Incomplete {
                        input: folded.to_string(),
                    });
                }
                (None, suggestions, std::mem::take(diags))
            }
            1 => {
                if corrected {
                    diags.push(Diagnostic::Corrected {
                        from: folded.to_string(),
                        to: place_name(&places[0]),
                    });
                }
                (places.into_iter().next(), Vec::new(), std::mem::take(diags))
            }
            _ => {
                // A municipality's own name wins over localities of the same name elsewhere.
                let muni_hits: Vec<u16> = targets
                    .iter()
                    .filter_map(|t| match t {
                        NameTarget::Municipality(m) => Some(*m),
                        _ => None,
                    })
                    .collect();
                let mut uniq = muni_hits.clone();
                uniq.dedup();
                if uniq.len() == 1 {
                    let main_idx = places
                        .iter()
                        .position(|p| p.municipality.index() == uniq[0])
                        .unwrap_or(0);
                    let mut places = places;
                    let main = places.remove(main_idx);
                    if corrected {
                        diags.push(Diagnostic::Corrected {
                            from: folded.to_string(),
                            to: place_name(&main),
                        });
                    } else {
                        diags.push(Diagnostic::AlsoElsewhere {
                            count: places.len(),
                        });
                    }
                    (Some(main), places, std::mem::take(diags))
                } else {
                    diags.push(Diagnostic::Ambiguous {
                        count: places.len(),
                    });
                    (None, places, std::mem::take(diags))
                }
            }
        }
    }

    /// The known names that start with `folded`, in order (the table is sorted).
    fn names_starting<'a>(
        &'a self,
        folded: &'a str,
    ) -> impl Iterator<Item = &'a (String, NameTarget)> + 'a {
        let names = &self.names().names;
        let start = names.partition_point(|(n, _)| n.as_str() < folded);
        names[start..]
            .iter()
            .take_while(move |(n, _)| n.starts_with(folded))
    }

    /// Whether `folded` is the start of a longer known name.
    fn starts_a_name(&self, folded: &str) -> bool {
        self.names_starting(folded)
            .any(|(n, _)| n.len() > folded.len())
    }

    fn exact_names(&self, folded: &str) -> Vec<NameTarget> {
        let out = self.exact_names_as_typed(folded);
        if !out.is_empty() {
            return out;
        }
        // "St-Niklaas", "St.-Truiden", "St Truiden", "Ste-Ode": the abbreviations of Sint-,
        // Saint- and Sainte-, as whole words. Exact matches only: never a correction.
        for variant in saint_variants(folded) {
            let out = self.exact_names_as_typed(&variant);
            if !out.is_empty() {
                return out;
            }
        }
        Vec::new()
    }

    fn exact_names_as_typed(&self, folded: &str) -> Vec<NameTarget> {
        let Names {
            names,
            lost_accents,
        } = self.names();
        let start = names.partition_point(|(n, _)| n.as_str() < folded);
        let mut out: Vec<NameTarget> = names[start..]
            .iter()
            .take_while(|(n, _)| n == folded)
            .map(|(_, t)| *t)
            .collect();
        if out.is_empty() {
            // Names with a lost accent (Walloon localities): `?` matches any letter.
            out = lost_accents
                .iter()
                .map(|&i| &names[i])
                .filter(|(n, _)| matches_exactly(folded, n))
                .map(|(_, t)| *t)
                .collect();
        }
        out
    }

    /// Every concept's answer at `place` on `today`.
    fn concepts_at(&self, place: &Place, today: Date) -> Vec<ConceptAnswer<'_>> {
        let m = place.municipality;
        let hits = |o: &Offer| -> Vec<AreaRef> {
            o.serves
                .iter()
                .copied()
                .filter(|a| a.contains(m, &place.zones))
                .collect()
        };
        let mut out: Vec<ConceptAnswer<'_>> = data::CONCEPTS
            .iter()
            .enumerate()
            .map(|(ci, concept)| {
                let here: Vec<(&Offer, Vec<AreaRef>)> = self.offers_by_concept[ci]
                    .iter()
                    .map(|&i| &self.offers[i])
                    .map(|o| (o, hits(o)))
                    .filter(|(_, via)| !via.is_empty())
                    .collect();
                let current: Vec<&(&Offer, Vec<AreaRef>)> = here
                    .iter()
                    .filter(|(o, _)| o.status.is_current(today))
                    .collect();
                // An unconfirmed offer (a lead) is no reason for an answer: it is only shown beside one.
                let via_of = |audience: Audience| {
                    let mut via: Vec<AreaRef> = current
                        .iter()
                        .filter(|(o, _)| o.audience == audience)
                        .filter(|(o, _)| o.confidence != Confidence::Unconfirmed)
                        .flat_map(|(_, v)| v.iter().copied())
                        .collect();
                    via.dedup();
                    via
                };
                let for_citizens = via_of(Audience::Citizens);
                let for_professionals = via_of(Audience::Professionals);
                let paused = here
                    .iter()
                    .find(|(o, _)| matches!(o.status, OfferStatus::NoNewCases(_)));
                let (applies, reason) = if !concept.scope.covers(m.region) {
                    (Applies::No, Reason::OutsideScope(concept.scope))
                } else if !concept.status.is_current(today) {
                    let until = concept.status.until().unwrap_or(today);
                    // Ended only where it ran: where one of its offers served the place.
                    if here.is_empty() {
                        (Applies::Unknown, Reason::EndedElsewhere(until))
                    } else {
                        (Applies::Ended, Reason::Ended(until))
                    }
                } else if concept.id == "eerstelijnszones-zorgraden" {
                    (Applies::Yes, Reason::Zone)
                } else if !for_citizens.is_empty() {
                    (Applies::Yes, Reason::Offers(for_citizens))
                } else if matches!(concept.coverage, Coverage::Everywhere(s) if s.covers(m.region))
                {
                    (Applies::Yes, Reason::ByLaw)
                } else if let Some((o, _)) = paused {
                    let as_of = match o.status {
                        OfferStatus::NoNewCases(d) => d,
                        _ => None,
                    };
                    (
                        Applies::Unknown,
                        Reason::NoNewCases {
                            name: o.name.to_string(),
                            as_of,
                        },
                    )
                } else if !for_professionals.is_empty() {
                    (
                        Applies::Unknown,
                        Reason::ProfessionalsOnly(for_professionals),
                    )
                } else {
                    (Applies::Unknown, Reason::UnknownHere)
                };
                // The current offers are shown where the concept works, and where only a network
                // of professionals serves the place (named, with the reason saying what it is).
                let offers = match (&applies, &reason) {
                    (Applies::Yes, _) | (_, Reason::ProfessionalsOnly(_)) => {
                        current.iter().map(|(o, _)| *o).collect()
                    }
                    _ => Vec::new(),
                };
                ConceptAnswer {
                    concept,
                    applies,
                    offers,
                    reason,
                }
            })
            .collect();
        // Stable: keeps the product's order within each group.
        insertion_sort_by(&mut out, |a, b| a.applies < b.applies);
        out
    }
}

/// The folded name with `st` read as `sint` or `saint`, and `ste` as `sainte` (whole words).
fn saint_variants(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded.parts(b' ').collect();
    if !words.iter().any(|w| *w == "st" || *w == "ste") {
        return Vec::new();
    }
    ["sint", "saint"]
        .iter()
        .map(|st| {
            words
                .iter()
                .map(|w| match *w {
                    "st" => *st,
                    "ste" => "sainte",
                    w => w,
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Whether `input` is a whole postcode and nothing else (`8500`, `B-8500`, `BE 8500`), read as
/// [`Dataset::lookup`] reads it. A field that holds one can be answered at once; a name may still
/// grow ("Lier" → "Lierde").
///
/// ```
/// use hulpkompas_core::is_whole_postcode;
/// assert!(is_whole_postcode(" B-8500 "));
/// assert!(!is_whole_postcode("850"));
/// assert!(!is_whole_postcode("8500 Gent"));
/// ```
pub fn is_whole_postcode(input: &str) -> bool {
    let folded = fold(input);
    matches!(split_postcode(&folded), (Some(digits), "") if digits.len() == 4)
}

/// `"b 8500 kortrijk"` → (`Some("8500")`, `"kortrijk"`); `"kortrijk"` → (`None`, …).
fn split_postcode(folded: &str) -> (Option<&str>, &str) {
    let mut s = folded;
    // "b 8500", "be 8500", "b8500" ("B-8500" and "B 8500" fold to "b 8500").
    for prefix in ["be ", "b ", "be", "b"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                s = rest;
                break;
            }
        }
    }
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if digits_end == 0 {
        // "Kortrijk 8500": the number at the end.
        // Bytes, not `rsplit_once(' ')`: with the few `contains(<byte>)` elsewhere, the char
        // pattern code it brings costs 0.2 KB brotli in the widget (measured on 2026-12-04).
        let last_space = s.bytes().rposition(|b| b == b' ');
        if let Some((name, last)) = last_space.map(|i| (&s[..i], &s[i + 1..])) {
            if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
                return (Some(last), name);
            }
        }
        return (None, s);
    }
    let (digits, rest) = s.split_at(digits_end);
    (Some(digits), rest.trim())
}

fn localities_of(pc: u16) -> Vec<usize> {
    let all = data::localities();
    let start = all.partition_point(|l| l.postcode < pc);
    (start..all.len())
        .take_while(|&i| all[i].postcode == pc)
        .collect()
}

fn name_matches_municipality(name: &str, m: &Municipality) -> bool {
    fold(m.name_nl) == name || fold(m.name_fr) == name
}

fn place_of_locality(li: usize, former: Option<&'static Merger>) -> Place {
    let l = &data::localities()[li];
    let m = l.municipality();
    let own = l.own_zones();
    let zones = if own.is_empty() { m.zone_ids() } else { own };
    Place {
        postcode: Some(l.postcode),
        locality: Some(l.name),
        municipality: m,
        also: l
            .all_municipalities()
            .filter(|x| !std::ptr::eq(*x, m))
            .collect(),
        former,
        zones,
    }
}

fn place_of_municipality(mi: u16, former: Option<&'static Merger>) -> Place {
    let m = &data::municipalities()[mi as usize];
    Place {
        postcode: None,
        locality: None,
        municipality: m,
        also: Vec::new(),
        former,
        zones: m.zone_ids(),
    }
}

/// Turns name targets into places: one per municipality, the most specific target winning.
fn places_of(targets: &[NameTarget]) -> Vec<Place> {
    let former_of = |mi: u16| {
        targets.iter().find_map(|t| match t {
            NameTarget::Former(f)
                if data::MERGERS[*f as usize].new == mi && data::MERGERS[*f as usize].is_merger =>
            {
                Some(&data::MERGERS[*f as usize])
            }
            _ => None,
        })
    };
    let mut places: Vec<Place> = Vec::new();
    let mut seen: Vec<u16> = Vec::new();
    // Municipalities by name first, then localities, then former municipalities.
    for t in targets
        .iter()
        .filter(|t| matches!(t, NameTarget::Municipality(_)))
    {
        if let NameTarget::Municipality(mi) = *t {
            if !seen.contains(&mi) {
                seen.push(mi);
                places.push(place_of_municipality(mi, former_of(mi)));
            }
        }
    }
    for t in targets
        .iter()
        .filter(|t| matches!(t, NameTarget::Locality(_)))
    {
        if let NameTarget::Locality(li) = *t {
            let mi = data::localities()[li as usize].municipality;
            if !seen.contains(&mi) {
                seen.push(mi);
                places.push(place_of_locality(li as usize, former_of(mi)));
            }
        }
    }
    for t in targets
        .iter()
        .filter(|t| matches!(t, NameTarget::Former(_)))
    {
        if let NameTarget::Former(f) = *t {
            let mi = data::MERGERS[f as usize].new;
            if !seen.contains(&mi) {
                seen.push(mi);
                places.push(place_of_municipality(mi, Some(&data::MERGERS[f as usize])));
            }
        }
    }
    places
}

/// The name a place was recognised by: the locality, the former municipality, or the municipality.
fn place_name(p: &Place) -> String {
    p.locality
        .or(p.former.map(|f| f.old_name))
        .unwrap_or(p.municipality.name_nl)
        .to_string()
}

fn areas_of(place: &Place) -> Vec<Area> {
    let m = place.municipality;
    let mut areas = vec![Area {
        kind: AreaKind::Region,
        id: m.region.id(),
        name: m.region.name(),
        certain: true,
    }];
    // English uses the French names in Wallonia (Liège, not Luik), the Dutch ones elsewhere.
    let walloon = m.region == Region::Wallonia;
    let en = |nl: &'static str, fr: &'static str| if walloon { fr } else { nl };
    if let Some(p) = m.province() {
        areas.push(Area {
            kind: AreaKind::Province,
            id: p.nis,
            name: Text {
                nl: p.name_nl,
                fr: p.name_fr,
                en: en(p.name_nl, p.name_fr),
            },
            certain: true,
        });
    }
    let a = m.arrondissement();
    let a_nl = if a.name_nl.is_empty() {
        a.name_fr
    } else {
        a.name_nl
    };
    areas.push(Area {
        kind: AreaKind::Arrondissement,
        id: a.nis,
        name: Text {
            nl: a_nl,
            fr: a.name_fr,
            en: en(a_nl, a.name_fr),
        },
        certain: true,
    });
    let j = m.judicial();
    areas.push(Area {
        kind: AreaKind::JudicialArrondissement,
        id: j.id,
        name: Text {
            nl: j.name_nl,
            fr: j.name_fr,
            en: en(j.name_nl, j.name_fr),
        },
        certain: true,
    });
    let certain = place.zones.len() == 1;
    for z in place.zones() {
        areas.push(Area {
            kind: AreaKind::Eerstelijnszone,
            id: z.id,
            name: Text {
                nl: z.name,
                fr: z.name,
                en: z.name,
            },
            certain,
        });
    }
    areas
}

fn place_diagnostics(place: &Place, diags: &mut Vec<Diagnostic>) {
    let m = place.municipality;
    if let Some(f) = place.former {
        if f.date.year >= 2019 {
            // Hasselt, Tielt, … kept their name in the 2025 mergers: nothing to say then.
            if fold(f.old_name) != fold(m.name_nl) {
                diags.push(Diagnostic::Merged {
                    old_name: f.old_name,
                    new: m,
                    date: f.date,
                });
            }
        }
    }
    if !place.also.is_empty() {
        let mut names = vec![m];
        names.extend(place.also.iter().copied());
        diags.push(Diagnostic::SharedPostcode {
            postcode: place.postcode.unwrap_or(0),
            municipalities: names,
        });
    }
    if place.zones.len() > 1 {
        diags.push(Diagnostic::ZoneDependsOnStreet {
            zones: place.zones().map(|z| z.name).collect(),
        });
    }
    if m.region == Region::Wallonia {
        diags.push(Diagnostic::OutsideFlandersBrussels {
            german_speaking: m.is_german_speaking(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_postcodes() {
        assert_eq!(split_postcode("8500"), (Some("8500"), ""));
        assert_eq!(
            split_postcode("b 8500 kortrijk"),
            (Some("8500"), "kortrijk")
        );
        assert_eq!(split_postcode("kortrijk 8500"), (Some("8500"), "kortrijk"));
        assert_eq!(split_postcode("kortrijk"), (None, "kortrijk"));
        assert_eq!(split_postcode("850"), (Some("850"), ""));
        assert_eq!(split_postcode("b8500"), (Some("8500"), ""));
        assert_eq!(split_postcode("be8500"), (Some("8500"), ""));
        assert_eq!(split_postcode("b 8500"), (Some("8500"), ""));
    }

    #[test]
    fn whole_postcodes_and_what_is_not_one() {
        for s in ["8500", " 8500 ", "B-8500", "be8500", "BE 8500"] {
            assert!(is_whole_postcode(s), "{s:?}");
        }
        for s in [
            "850",
            "85000",
            "Lier",
            "Gent 9000",
            "x8500",
            "",
            "8500 Gent",
        ] {
            assert!(!is_whole_postcode(s), "{s:?}");
        }
    }
}
