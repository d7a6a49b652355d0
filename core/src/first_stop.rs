//! Where a person goes first, concretely, in the order to try (issue 10): the municipality's
//! Sociaal Huis or OCMW, then the CAW that serves it; for a need about children and families the
//! Huis van het Kind first. In Wallonia and the German-speaking Community: the CPAS/OCMW.
//!
//! Rules: a place is listed only when it can be reached (a phone, an address or a web page);
//! where the municipality's own contact is not known, a [`Diagnostic::FirstStopUnknown`] says so
//! and the CAW stays; a list of only low-confidence facts is never alone (the CAWs' common site
//! follows); a card about a concept never sends the person to that concept
//! ([`without_concept`]).

use std::borrow::Cow;

use crate::data;
use crate::diagnostics::Diagnostic;
use crate::model::{FactConfidence, FirstStop, FirstStopKind, Municipality, Region};

/// Sources stating that every municipality has a CPAS (organic law of 8 July 1976 on the CPAS,
/// art. 1): the Walloon Region's pages (the second states "il existe dans chaque commune un Centre
/// public d'action sociale").
const CPAS_SOURCES: &str = "https://luttepauvrete.wallonie.be/question/j%E2%80%99ai-besoin-d%E2%80%99une-aide-du-cpas-aupr%C3%A8s-de-quel-cpas-dois-je-m%E2%80%99adresser | http://elections2006.wallonie.be/apps/spip/article.php3?id_article=56";

/// The first stops for municipality `m`, with the diagnostic to add when its own contact is not
/// known. `children`: the need is about children and families (the Huis van het Kind first).
/// `layer`: an organisation's own first stops, by municipality index (see [`with_layer`]).
pub(crate) fn first_stops(
    m: &'static Municipality,
    children: bool,
    layer: &[(u16, FirstStop)],
) -> (Vec<FirstStop>, Option<Diagnostic>) {
    let (out, diagnostic) = builtin_first_stops(m, children);
    #[cfg(feature = "layer")]
    return with_layer(out, diagnostic, m.index(), children, layer);
    #[cfg(not(feature = "layer"))]
    return {
        let _ = layer;
        (out, diagnostic)
    };
}

/// Which place a first stop stands in: the municipality's social service (Sociaal Huis, OCMW,
/// CPAS), the CAW, or the Huis van het Kind.
#[cfg(feature = "layer")]
fn slot(kind: FirstStopKind) -> u8 {
    match kind {
        FirstStopKind::HuisVanHetKind => 0,
        FirstStopKind::SociaalHuis | FirstStopKind::Ocmw | FirstStopKind::Cpas => 1,
        FirstStopKind::Caw => 2,
    }
}

/// An organisation's own first stop takes the place of the built-in one of the same kind (its
/// Sociaal Huis replaces the sourced one, its CAW the CAW), in the usual order; a Huis van het Kind
/// only when the need is about children, as for the built-in data.
#[cfg(feature = "layer")]
fn with_layer(
    mut out: Vec<FirstStop>,
    mut diagnostic: Option<Diagnostic>,
    mi: u16,
    children: bool,
    layer: &[(u16, FirstStop)],
) -> (Vec<FirstStop>, Option<Diagnostic>) {
    for (_, stop) in layer.iter().filter(|(i, _)| *i == mi) {
        let s = slot(stop.kind);
        if s == 0 && !children {
            continue;
        }
        if s == 1 {
            diagnostic = None;
        }
        match out.iter().position(|o| slot(o.kind) >= s) {
            Some(i) if slot(out[i].kind) == s && out[i].provider.is_none() => {
                out[i] = stop.clone();
            }
            Some(i) => out.insert(i, stop.clone()),
            None => out.push(stop.clone()),
        }
    }
    (out, diagnostic)
}

fn builtin_first_stops(
    m: &'static Municipality,
    children: bool,
) -> (Vec<FirstStop>, Option<Diagnostic>) {
    if m.region == Region::Wallonia {
        return (vec![cpas(m)], None);
    }
    let t = data::first_stops();
    let mi = m.index();
    let start = t.local.partition_point(|(i, _)| *i < mi);
    let own: Vec<&FirstStop> = t.local[start..]
        .iter()
        .take_while(|(i, _)| *i == mi)
        .map(|(_, s)| s)
        .collect();
    let mut out = Vec::new();
    if children {
        out.extend(
            own.iter()
                .filter(|s| s.kind == FirstStopKind::HuisVanHetKind)
                .map(|s| (*s).clone()),
        );
    }
    let social = own
        .iter()
        .find(|s| matches!(s.kind, FirstStopKind::SociaalHuis | FirstStopKind::Ocmw));
    let diagnostic = match social {
        Some(s) => {
            out.push((*s).clone());
            None
        }
        None => Some(Diagnostic::FirstStopUnknown { municipality: m }),
    };
    let general = t.caws.last();
    let named = t
        .areas
        .binary_search_by(|a| a.municipality.cmp(&mi))
        .ok()
        .map(|i| &t.areas[i])
        .and_then(|a| Some((a, t.caws.get(a.caw as usize)?)))
        .filter(|(_, c)| c.is_reachable());
    if let Some((area, caw)) = named {
        let mut caw = caw.clone();
        // The area statement is a fact too: the weaker confidence, both sources.
        caw.confidence = caw.confidence.max(area.confidence);
        if !area.sources.is_empty() {
            caw.sources = Cow::Owned(format!(
                "{}{}{}",
                area.sources,
                FirstStop::SOURCE_SEPARATOR,
                caw.sources
            ));
        }
        let undated = |d: &str| d == "undated";
        if !undated(area.source_date)
            && (undated(caw.source_date) || area.source_date > caw.source_date)
        {
            caw.source_date = area.source_date;
        }
        out.push(caw);
    }
    let only_low = out.iter().all(|s| s.confidence == FactConfidence::Low);
    if named.is_none() || only_low {
        out.extend(general.cloned());
    }
    (out, diagnostic)
}

/// The CPAS/OCMW of a Walloon or German-speaking municipality: no address or phone is sourced.
fn cpas(m: &'static Municipality) -> FirstStop {
    let vowel = m
        .name_fr
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÉÈÊ".contains(c));
    let fr = if vowel {
        format!("CPAS d'{}", m.name_fr)
    } else {
        format!("CPAS de {}", m.name_fr)
    };
    FirstStop {
        kind: FirstStopKind::Cpas,
        name: Cow::Owned(format!("OCMW van {}", m.name_nl)),
        name_fr: Some(Cow::Owned(fr)),
        address: None,
        phone: None,
        email: None,
        website: None,
        chat: None,
        hours: None,
        hours_text: None,
        confidence: FactConfidence::High,
        sources: Cow::Borrowed(CPAS_SOURCES),
        source_date: "2006",
        provider: None,
    }
}

/// The first stops a card about concept `concept_id` shows: never the concept itself.
pub fn without_concept<'a>(
    stops: &'a [FirstStop],
    concept_id: &'a str,
) -> impl Iterator<Item = &'a FirstStop> + 'a {
    stops
        .iter()
        .filter(move |s| s.kind.concept_id() != Some(concept_id))
}

impl crate::dataset::Dataset {
    /// The first stops for municipality `m` (the Huis van het Kind first when `children`), with
    /// the diagnostic an answer adds when the municipality's own contact is not known.
    ///
    /// ```
    /// use hulpkompas_core::{Dataset, FirstStopKind};
    /// let data = Dataset::builtin();
    /// let namur = data.municipality("92094").unwrap();
    /// let (stops, _) = data.first_stop(namur, false);
    /// assert_eq!(stops[0].kind, FirstStopKind::Cpas);
    /// ```
    pub fn first_stop(
        &self,
        m: &'static Municipality,
        children: bool,
    ) -> (Vec<FirstStop>, Option<Diagnostic>) {
        first_stops(m, children, &self.layer_stops)
    }

    /// Every first stop an answer can show, with the NIS code of its municipality: each
    /// municipality's, with and without a need about children (which puts its Huis van het Kind
    /// first). For the sources file and its tests.
    pub fn every_first_stop(&self) -> Vec<(&'static str, FirstStop)> {
        self.municipalities()
            .iter()
            .flat_map(|m| {
                [self.first_stop(m, false).0, self.first_stop(m, true).0]
                    .into_iter()
                    .flatten()
                    .map(move |f| (m.nis, f))
            })
            .collect()
    }
}
