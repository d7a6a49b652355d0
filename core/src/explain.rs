//! One-line explanations: why a concept is shown for a place, in plain words.

use crate::diagnostics::date_text;
use crate::lookup::{ConceptAnswer, Place, Reason};
use crate::model::{AreaRef, Lang, Region, Scope};
use crate::text::SplitAscii;

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
                    Lang::Fr => format!("Nous ne savons pas encore s'il existe une offre à {here}. Demandez {entry}."),
                    Lang::En => format!("We do not know yet whether there is an offer in {here}. Ask {entry}."),
                }
            }
            Reason::EndedElsewhere(until) => {
                let d = date_text(*until, lang);
                let entry = general_entry(place.region(), lang);
                match lang {
                    Lang::Nl => format!("Dit was een tijdelijk project op enkele plaatsen, tot {d}. We kennen er geen in {here}. Vraag het aan {entry}."),
                    Lang::Fr => format!("C'était un projet temporaire à quelques endroits, jusqu'au {d}. Nous n'en connaissons pas à {here}. Demandez {entry}."),
                    Lang::En => format!("This was a temporary project in a few places, until {d}. We know of none in {here}. Ask {entry}."),
                }
            }
            Reason::ProfessionalsOnly(via) => {
                let entry = general_entry(place.region(), lang);
                let areas: Vec<String> = via.iter().map(|a| a.describe(lang)).collect();
                let areas = areas.join(", ");
                match lang {
                    Lang::Nl => format!("Voor {areas} kennen we alleen een samenwerking tussen professionals, geen dienst waar je zelf terecht kan. Vraag het aan {entry}."),
                    Lang::Fr => format!("Pour {areas}, nous ne connaissons qu'une collaboration entre professionnels, pas un service où vous pouvez vous rendre vous-même. Demandez {entry}."),
                    Lang::En => format!("For {areas} we only know of a partnership of professionals, not a service you can go to yourself. Ask {entry}."),
                }
            }
            Reason::NoNewCases { name, as_of } => {
                let entry = general_entry(place.region(), lang);
                let when = as_of.map(|d| month_text(d, lang));
                match (lang, when) {
                    (Lang::Nl, Some(w)) => format!("{name} nam in {w} geen nieuwe dossiers aan; of dat nu anders is, weten we niet. Vraag het aan {entry}."),
                    (Lang::Nl, None) => format!("{name} neemt geen nieuwe dossiers aan. Vraag het aan {entry}."),
                    (Lang::Fr, Some(w)) => format!("En {w}, {name} n'acceptait pas de nouveaux dossiers ; nous ne savons pas si c'est encore le cas. Demandez {entry}."),
                    (Lang::Fr, None) => format!("{name} n'accepte pas de nouveaux dossiers. Demandez {entry}."),
                    (Lang::En, Some(w)) => format!("In {w}, {name} took no new cases; we do not know whether that has changed. Ask {entry}."),
                    (Lang::En, None) => format!("{name} takes no new cases. Ask {entry}."),
                }
            }
            Reason::OutsideScope(scope) => {
                let only = match (lang, scope) {
                    (Lang::Nl, Scope::Flanders) => "Bestaat alleen in Vlaanderen.",
                    (Lang::Nl, _) => "Bestaat alleen in Vlaanderen en Brussel.",
                    (Lang::Fr, Scope::Flanders) => "N'existe qu'en Flandre.",
                    (Lang::Fr, _) => "N'existe qu'en Flandre et à Bruxelles.",
                    (Lang::En, Scope::Flanders) => "Exists in Flanders only.",
                    (Lang::En, _) => "Exists in Flanders and Brussels only.",
                };
                match (place.region(), lang) {
                    (Region::Wallonia, Lang::Nl) => {
                        format!("{only} In Wallonië: het OCMW (CPAS) van je gemeente.")
                    }
                    (Region::Wallonia, Lang::Fr) => {
                        format!("{only} En Wallonie : le CPAS de votre commune.")
                    }
                    (Region::Wallonia, Lang::En) => {
                        format!("{only} In Wallonia: your municipality's CPAS.")
                    }
                    _ => only.to_string(),
                }
            }
            Reason::Ended(until) => {
                let d = date_text(*until, lang);
                match lang {
                    Lang::Nl => format!("Dit project liep tot {d}. Wat er nu is, weten we niet: vraag het aan {}.", general_entry(place.region(), lang)),
                    Lang::Fr => format!("Ce projet a pris fin le {d}. Nous ne savons pas ce qui existe aujourd'hui : demandez {}.", general_entry(place.region(), lang)),
                    Lang::En => format!("This project ran until {d}. We do not know what exists now: ask {}.", general_entry(place.region(), lang)),
                }
            }
        }
    }

    /// How to get there, in one or two plain sentences: the concept's own text, except where the
    /// concept does not exist (a Flemish concept in Wallonia: then where to go instead, not "ask the
    /// Sociaal Huis or the CAW", which do not exist there).
    pub fn how_text(&self, place: &Place, lang: Lang) -> String {
        match (&self.reason, place.region()) {
            (Reason::OutsideScope(_), Region::Wallonia) => wallonia_help(lang).to_string(),
            _ => self.concept.how.get(lang).to_string(),
        }
    }
}

/// For a Walloon place: the Flemish concepts do not exist there; the CPAS and the general lines do
/// (107 and 112: `core/data/urgent/lines.csv`).
fn wallonia_help(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Dit is een Vlaamse dienst. In Wallonië ga je naar het OCMW (CPAS: de sociale dienst van je gemeente). Wil je met iemand praten: Télé-Accueil 107 (in het Frans). In nood: 112.",
        Lang::Fr => "C'est un service flamand. En Wallonie, adressez-vous au CPAS de votre commune. Pour parler à quelqu'un : Télé-Accueil 107. En cas d'urgence : 112.",
        Lang::En => "This is a Flemish service. In Wallonia, go to the CPAS (the public social welfare centre of your municipality). To talk to someone: Télé-Accueil 107 (in French). In an emergency: 112.",
    }
}

/// A month in words: `mei 2025`, `mai 2025`, `May 2025`.
fn month_text(d: crate::model::Date, lang: Lang) -> String {
    let full = date_text(d, lang);
    // `1 mei 2025` → `mei 2025`.
    full.cut(b' ')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or(full)
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

/// The general entry for welfare questions in a region, as a phrase to end "ask …" ("Vraag het
/// aan …", "Demandez …": in French the phrase carries its preposition, "au CPAS", "à la Maison
/// sociale"). Each abbreviation is explained once.
///
/// ```
/// use hulpkompas_core::{general_entry, Lang, Region};
/// assert!(general_entry(Region::Brussels, Lang::Fr).starts_with("au CPAS"));
/// assert!(general_entry(Region::Flanders, Lang::Nl).contains("het CAW (Centrum Algemeen Welzijnswerk)"));
/// ```
pub fn general_entry(region: Region, lang: Lang) -> &'static str {
    match (region, lang) {
        (Region::Flanders, Lang::Nl) => "het Sociaal Huis van je gemeente (bij het OCMW, de sociale dienst van je gemeente) of het CAW (Centrum Algemeen Welzijnswerk)",
        (Region::Flanders, Lang::Fr) => "à la Maison sociale de votre commune (au CPAS, le service social de votre commune) ou au CAW (centre d'aide sociale générale)",
        (Region::Flanders, Lang::En) => {
            "your municipality's Sociaal Huis (at the OCMW, your municipality's social welfare service) or the CAW (general welfare centre)"
        }
        (Region::Brussels, Lang::Nl) => "het OCMW (de sociale dienst van je gemeente) of het CAW Brussel (Centrum Algemeen Welzijnswerk)",
        (Region::Brussels, Lang::Fr) => "au CPAS de votre commune ou au CAW Brussel (centre d'aide sociale générale)",
        (Region::Brussels, Lang::En) => {
            "your municipality's public social welfare centre (OCMW/CPAS) or CAW Brussel (general welfare centre)"
        }
        (Region::Wallonia, Lang::Nl) => "het OCMW (CPAS: de sociale dienst van je gemeente)",
        (Region::Wallonia, Lang::Fr) => "au CPAS de votre commune",
        (Region::Wallonia, Lang::En) => "your municipality's public social welfare centre (CPAS)",
    }
}
