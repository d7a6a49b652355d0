//! One-line explanations: why a concept is shown for a place, in plain words.

use crate::diagnostics::date_text;
use crate::lookup::{ConceptAnswer, Place, Reason};
use crate::model::{AreaRef, Lang, Region, Scope};

impl ConceptAnswer<'_> {
    /// Why the concept is shown as it is, in one plain sentence.
    ///
    /// ```
    /// use hulpkompas_core::{Dataset, Lang};
    /// let data = Dataset::builtin();
    /// let answer = data.lookup("8500");
    /// let elz = answer.concept("eerstelijnszones-zorgraden").unwrap();
    /// let place = answer.place.as_ref().unwrap();
    /// assert_eq!(elz.reason_text(place, Lang::Nl), "Kortrijk ligt in eerstelijnszone Kortrijk-Kuurne-Harelbeke.");
    /// ```
    pub fn reason_text(&self, place: &Place, lang: Lang) -> String {
        let here = place.municipality.name(lang);
        match &self.reason {
            Reason::Zone => {
                let zones: Vec<&str> = place.zones().map(|z| z.name).collect();
                match (lang, zones.len()) {
                    (Lang::Nl, 1) => format!("{here} ligt in eerstelijnszone {}.", zones[0]),
                    (Lang::Fr, 1) => format!(
                        "{here} se trouve dans la zone de première ligne {}.",
                        zones[0]
                    ),
                    (Lang::En, 1) => format!("{here} lies in primary care zone {}.", zones[0]),
                    (Lang::Nl, _) => format!(
                        "{here} ligt in eerstelijnszone {}: de straat beslist.",
                        zones.join(" of ")
                    ),
                    (Lang::Fr, _) => format!(
                        "{here} se trouve dans la zone {} : la rue décide.",
                        zones.join(" ou ")
                    ),
                    (Lang::En, _) => format!(
                        "{here} lies in primary care zone {}: the street decides.",
                        zones.join(" or ")
                    ),
                }
            }
            Reason::ByLaw => match lang {
                Lang::Nl => format!(
                    "Werkt in elke gemeente van {}, dus ook in {here}.",
                    scope_nl(self)
                ),
                Lang::Fr => format!(
                    "Actif dans chaque commune de {}, donc aussi à {here}.",
                    scope_fr(self)
                ),
                Lang::En => format!(
                    "Works in every municipality of {}, so in {here} too.",
                    scope_en(self)
                ),
            },
            Reason::Offers(via) => {
                let own = via.iter().all(|a| matches!(a, AreaRef::Municipality(_)));
                let areas: Vec<String> = via.iter().map(|a| a.describe(lang)).collect();
                match (lang, own || areas.is_empty()) {
                    (Lang::Nl, true) => format!("Er is een aanbod in {here}."),
                    (Lang::Fr, true) => format!("Il y a une offre à {here}."),
                    (Lang::En, true) => format!("There is an offer in {here}."),
                    (Lang::Nl, false) => {
                        format!("Werkt voor {}, waar {here} bij hoort.", areas.join(", "))
                    }
                    (Lang::Fr, false) => {
                        format!("Actif pour {}, dont fait partie {here}.", areas.join(", "))
                    }
                    (Lang::En, false) => {
                        format!("Serves {}, which includes {here}.", areas.join(", "))
                    }
                }
            }
            Reason::UnknownHere => {
                let entry = general_entry(place.region(), lang);
                match lang {
                    Lang::Nl => format!("We weten nog niet of er in {here} een aanbod is. Vraag het aan {entry}."),
                    Lang::Fr => format!("Nous ne savons pas encore s'il existe une offre à {here}. Demandez à {entry}."),
                    Lang::En => format!("We do not know yet whether there is an offer in {here}. Ask {entry}."),
                }
            }
            Reason::OutsideScope(scope) => match (lang, scope) {
                (Lang::Nl, Scope::Flanders) => "Bestaat alleen in Vlaanderen.".into(),
                (Lang::Nl, _) => "Bestaat alleen in Vlaanderen en Brussel.".into(),
                (Lang::Fr, Scope::Flanders) => "N'existe qu'en Flandre.".into(),
                (Lang::Fr, _) => "N'existe qu'en Flandre et à Bruxelles.".into(),
                (Lang::En, Scope::Flanders) => "Exists in Flanders only.".into(),
                (Lang::En, _) => "Exists in Flanders and Brussels only.".into(),
            },
            Reason::Ended(until) => {
                let d = date_text(*until, lang);
                match lang {
                    Lang::Nl => format!("Dit project liep tot {d}. Wat er nu is, weten we niet: vraag het aan {}.", general_entry(place.region(), lang)),
                    Lang::Fr => format!("Ce projet a pris fin le {d}. Nous ne savons pas ce qui existe aujourd'hui : demandez à {}.", general_entry(place.region(), lang)),
                    Lang::En => format!("This project ran until {d}. We do not know what exists now: ask {}.", general_entry(place.region(), lang)),
                }
            }
        }
    }
}

fn scope_of(answer: &ConceptAnswer<'_>) -> Scope {
    match answer.concept.coverage {
        crate::model::Coverage::Everywhere(s) => s,
        crate::model::Coverage::Listed => answer.concept.scope,
    }
}

fn scope_nl(a: &ConceptAnswer<'_>) -> &'static str {
    match scope_of(a) {
        Scope::Flanders => "Vlaanderen",
        Scope::FlandersBrussels => "Vlaanderen en Brussel",
        Scope::Belgium => "België",
    }
}

fn scope_fr(a: &ConceptAnswer<'_>) -> &'static str {
    match scope_of(a) {
        Scope::Flanders => "Flandre",
        Scope::FlandersBrussels => "Flandre et de Bruxelles",
        Scope::Belgium => "Belgique",
    }
}

fn scope_en(a: &ConceptAnswer<'_>) -> &'static str {
    match scope_of(a) {
        Scope::Flanders => "Flanders",
        Scope::FlandersBrussels => "Flanders and Brussels",
        Scope::Belgium => "Belgium",
    }
}

/// The general entry for welfare questions in a region, as a phrase to end "ask …".
pub fn general_entry(region: Region, lang: Lang) -> &'static str {
    match (region, lang) {
        (Region::Flanders, Lang::Nl) => "het Sociaal Huis (OCMW) van je gemeente of het CAW",
        (Region::Flanders, Lang::Fr) => "la Maison sociale (CPAS) de votre commune ou le CAW",
        (Region::Flanders, Lang::En) => {
            "your municipality's Sociaal Huis (public social welfare centre) or the CAW"
        }
        (Region::Brussels, Lang::Nl) => "het OCMW van je gemeente of het CAW Brussel",
        (Region::Brussels, Lang::Fr) => "le CPAS de votre commune ou le CAW Brussel",
        (Region::Brussels, Lang::En) => {
            "your municipality's public social welfare centre (OCMW/CPAS) or CAW Brussel"
        }
        (Region::Wallonia, Lang::Nl) => "het OCMW (CPAS) van je gemeente",
        (Region::Wallonia, Lang::Fr) => "le CPAS de votre commune",
        (Region::Wallonia, Lang::En) => "your municipality's public social welfare centre (CPAS)",
    }
}
