//! The dataset: the built-in tables plus indexes, and room for a second layer of offers.

use std::borrow::Cow;

use crate::data;
use crate::index::Index;
use crate::model::*;
use crate::text::{fold, number};
use crate::vocabulary::Vocabulary;

/// What a folded name points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum NameTarget {
    /// A municipality by its Dutch or French name.
    Municipality(u16),
    /// A bpost locality (index into the locality table).
    Locality(u16),
    /// A former municipality (index into the merger table).
    Former(u16),
}

/// The data Hulpkompas answers from: places, areas, concepts and offers, with the indexes lookups use.
///
/// Build it once and share it; lookups borrow it and never fail.
///
/// ```
/// let data = hulpkompas_core::Dataset::builtin();
/// assert!(data.concepts().iter().any(|c| c.id == "huizen-van-het-kind"));
/// assert_eq!(data.municipality("34022").map(|m| m.name_nl), Some("Kortrijk"));
/// ```
pub struct Dataset {
    pub(crate) offers: Vec<Offer>,
    /// The place names, built when a name is first looked up: a postcode needs none of them, so
    /// the widget's first answer for a postcode does not wait for them.
    names: std::sync::OnceLock<Names>,
    /// Offers per concept (indices into `offers`).
    pub(crate) offers_by_concept: Vec<Vec<usize>>,
    /// The search index over the vocabulary, built on the first search: an answer for a place
    /// needs none of it, so the widget's first answer does not wait for it.
    search_index: std::sync::OnceLock<Index>,
    pub(crate) vocabulary: Vocabulary,
    /// An organisation's own first stops, by municipality index (see [`Dataset::with_layer`]).
    pub(crate) layer_stops: Vec<(u16, FirstStop)>,
}

/// Every place name people type, folded (`text::fold`), with the place it names.
pub(crate) struct Names {
    /// Folded name → target, sorted by name (binary search, then a linear scan for near misses).
    pub(crate) names: Vec<(String, NameTarget)>,
    /// Names with a lost accent at the source (`?` in the folded name), indices into `names`.
    pub(crate) lost_accents: Vec<usize>,
}

impl Names {
    fn build() -> Names {
        let mut names: Vec<(String, NameTarget)> = Vec::with_capacity(4000);
        for (i, m) in data::municipalities().iter().enumerate() {
            names.push((fold(m.name_nl), NameTarget::Municipality(i as u16)));
            if m.name_fr != m.name_nl {
                names.push((fold(m.name_fr), NameTarget::Municipality(i as u16)));
            }
        }
        // Other names people type (geo/exonyms.csv: Antwerp, Ghent, …).
        for &(name, mi) in data::EXONYMS {
            names.push((fold(name), NameTarget::Municipality(mi)));
        }
        for (i, l) in data::localities().iter().enumerate() {
            names.push((fold(l.name), NameTarget::Locality(i as u16)));
        }
        for (i, m) in data::MERGERS.iter().enumerate() {
            names.push((fold(m.old_name), NameTarget::Former(i as u16)));
        }
        // Sorted by name through the same sort the search index uses (each sort instantiation
        // costs the widget code size).
        let keys: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
        let order = crate::sort::sorted_ids(&keys);
        let mut names: Vec<(String, NameTarget)> =
            order.iter().map(|&i| names[i as usize].clone()).collect();
        names.dedup();
        let lost_accents = names
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| n.as_bytes().contains(&b'?'))
            .map(|(i, _)| i)
            .collect();
        Names {
            names,
            lost_accents,
        }
    }
}

/// A problem with one record of an organisation's own layer: where it is (a JSON path such as
/// `[3].service_areas[0].extent`) and what is wrong. A layer is never fatal: the record or field is
/// left out and the rest is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerError {
    /// Where: the record and field, as a JSON path into the layer file.
    pub path: String,
    /// What is wrong (English, for the web team that publishes the file).
    pub message: String,
}

impl std::fmt::Display for LayerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for LayerError {}

/// An offer from an embedding organisation's own layer (its address, opening hours, local
/// partners), as `hulpkompas-layer` reads it from HSDS 3.0. Empty strings are "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayerOffer {
    /// Where the record is in the layer file (`[3]`), for messages.
    pub path: String,
    /// Concept id, e.g. `sociaal-huis`.
    pub concept: String,
    /// The kind of first stop it is, if it is one: it then becomes the first stop where it serves.
    pub first_stop: Option<FirstStopKind>,
    /// Stable id; an id that already exists for the same concept replaces that offer.
    pub id: String,
    /// Name.
    pub name: String,
    /// Who gives these facts ("OCMW Gent").
    pub provider: String,
    /// The date of the facts, `YYYY-MM-DD`, or empty.
    pub date: String,
    /// Street and number.
    pub street: String,
    /// Postcode of the address.
    pub postcode: String,
    /// Town of the address.
    pub city: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Web page.
    pub website: String,
    /// Opening hours in the machine format of [`OpeningHours::parse`].
    pub hours: String,
    /// The hours in the organisation's own words.
    pub hours_text: String,
    /// The areas it serves, each with its JSON path: a postcode (`9000`) or `nis:44021`.
    pub serves: Vec<(String, String)>,
}

impl LayerOffer {
    /// Appends the offer to a flat list of strings, as the widget's layer reader hands offers to
    /// the widget (two WebAssembly modules share no types, and strings need no escaping): the
    /// fifteen fields `path`, `concept`, `first_stop` (its id, or empty), `id`, `name`, `provider`,
    /// `date`, `street`, `postcode`, `city`, `phone`, `email`, `website`, `hours`, `hours_text`,
    /// then the number of areas, then each area's path and code. [`LayerOffer::from_fields`]
    /// reads it back.
    ///
    /// ```
    /// use hulpkompas_core::{FirstStopKind, LayerOffer};
    /// let o = LayerOffer {
    ///     id: "a^b\n".into(),
    ///     first_stop: Some(FirstStopKind::Caw),
    ///     serves: vec![("[0].service_areas[0].extent".into(), "9000".into())],
    ///     ..Default::default()
    /// };
    /// let mut fields = Vec::new();
    /// o.to_fields(&mut fields);
    /// o.to_fields(&mut fields);
    /// assert_eq!(fields.len(), 2 * 18);
    /// let mut it = fields.into_iter();
    /// assert_eq!(LayerOffer::from_fields(&mut it), Some(o.clone()));
    /// assert_eq!(LayerOffer::from_fields(&mut it), Some(o));
    /// assert_eq!(LayerOffer::from_fields(&mut it), None);
    /// ```
    pub fn to_fields(&self, out: &mut Vec<String>) {
        out.extend(
            [
                self.path.as_str(),
                &self.concept,
                self.first_stop.map_or("", FirstStopKind::id),
                &self.id,
                &self.name,
                &self.provider,
                &self.date,
                &self.street,
                &self.postcode,
                &self.city,
                &self.phone,
                &self.email,
                &self.website,
                &self.hours,
                &self.hours_text,
            ]
            .map(str::to_string),
        );
        out.push(self.serves.len().to_string());
        for (path, code) in &self.serves {
            out.extend([path.clone(), code.clone()]);
        }
    }

    /// Reads the next offer written by [`LayerOffer::to_fields`]; `None` at the end or when the
    /// list is cut short.
    pub fn from_fields(fields: &mut impl Iterator<Item = String>) -> Option<LayerOffer> {
        let mut next = || fields.next();
        let mut o = LayerOffer {
            path: next()?,
            concept: next()?,
            first_stop: FirstStopKind::parse(&next()?),
            ..Default::default()
        };
        for f in [
            &mut o.id,
            &mut o.name,
            &mut o.provider,
            &mut o.date,
            &mut o.street,
            &mut o.postcode,
            &mut o.city,
            &mut o.phone,
            &mut o.email,
            &mut o.website,
            &mut o.hours,
            &mut o.hours_text,
        ] {
            *f = next()?;
        }
        let areas: usize = number(&next()?)?;
        for _ in 0..areas {
            o.serves.push((next()?, next()?));
        }
        Some(o)
    }

    /// The address on one line: `Straat 1, 9000 Gent`; `None` without a street.
    #[cfg(feature = "layer")]
    fn address_line(&self) -> Option<String> {
        if self.street.is_empty() {
            return None;
        }
        let town = [self.postcode.as_str(), self.city.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        Some(if town.is_empty() {
            self.street.clone()
        } else {
            [self.street.as_str(), town.as_str()].join(", ")
        })
    }
}

impl Dataset {
    /// The built-in dataset, with its indexes built (a few milliseconds).
    pub fn builtin() -> Dataset {
        let mut offers: Vec<Offer> = data::offers();
        offers.extend(zone_offers());
        let mut ds = Dataset {
            offers,
            names: std::sync::OnceLock::new(),
            offers_by_concept: Vec::new(),
            search_index: std::sync::OnceLock::new(),
            vocabulary: Vocabulary::builtin(),
            layer_stops: Vec::new(),
        };
        ds.index_offers();
        ds
    }

    /// The search index over the vocabulary in use, built on first use.
    pub(crate) fn search_index(&self) -> &Index {
        self.search_index
            .get_or_init(|| Index::build(&self.vocabulary))
    }

    /// The place names (see [`Names`]), built on first use.
    pub(crate) fn names(&self) -> &Names {
        self.names.get_or_init(Names::build)
    }

    fn index_offers(&mut self) {
        let mut by = vec![Vec::new(); data::CONCEPTS.len()];
        for (i, o) in self.offers.iter().enumerate() {
            by[o.concept as usize].push(i);
        }
        self.offers_by_concept = by;
    }

    /// Adds an organisation's own layer of offers on top of the built-in data. A layer offer comes
    /// first for its concept where it serves; one with the id of a built-in offer of the same
    /// concept replaces it; one with a first-stop kind becomes the first stop there. Never fatal:
    /// a record that cannot be used is left out, an area that is no place is dropped, and each
    /// problem is returned with its JSON path.
    ///
    /// ```
    /// use hulpkompas_core::{Dataset, LayerOffer};
    /// let (data, problems) = Dataset::builtin().with_layer(vec![LayerOffer {
    ///     path: "[0]".into(),
    ///     concept: "sociaal-huis".into(),
    ///     id: "sociaal-huis-voorbeeld".into(),
    ///     name: "Sociaal Huis (voorbeeld)".into(),
    ///     provider: "Gemeente Voorbeeld".into(),
    ///     serves: vec![
    ///         ("[0].service_areas[0].extent".into(), "8500".into()),
    ///         ("[0].service_areas[0].extent".into(), "90000".into()),
    ///     ],
    ///     ..Default::default()
    /// }]);
    /// assert_eq!(problems[0].to_string(), "[0].service_areas[0].extent: \"90000\" is no Belgian postcode");
    /// let answer = data.lookup("8500");
    /// let sh = answer.concept("sociaal-huis").unwrap();
    /// assert_eq!(sh.offers[0].name, "Sociaal Huis (voorbeeld)");
    /// assert!(data.lookup("9000").concept("sociaal-huis").unwrap().offers.iter().all(|o| o.provider.is_none()));
    /// ```
    #[cfg(feature = "layer")]
    pub fn with_layer(mut self, layer: Vec<LayerOffer>) -> (Dataset, Vec<LayerError>) {
        let mut errors = Vec::new();
        let mut layered = Vec::new();
        for o in layer {
            let err = |errors: &mut Vec<LayerError>, path: &str, m: String| {
                errors.push(LayerError {
                    path: path.to_string(),
                    message: m,
                })
            };
            let Some(ci) = data::CONCEPTS.iter().position(|c| c.id == o.concept) else {
                let m = format!(
                    "\"{}\" is no Hulpkompas concept id; the record is left out",
                    o.concept
                );
                err(&mut errors, &o.path, m);
                continue;
            };
            let mut serves: Vec<u16> = Vec::new();
            for (path, code) in &o.serves {
                let found = self.layer_area(code);
                if found.is_empty() {
                    let m = if code.starts_with("nis:") {
                        format!("\"{code}\" is no Belgian municipality (NIS code)")
                    } else {
                        format!("\"{code}\" is no Belgian postcode")
                    };
                    err(&mut errors, path, m);
                }
                for m in found {
                    if !serves.contains(&m) {
                        serves.push(m);
                    }
                }
            }
            if serves.is_empty() {
                let m = "serves no Belgian place; the record is left out".to_string();
                err(&mut errors, &o.path, m);
                continue;
            }
            let hours = (!o.hours.is_empty()).then(|| o.hours.clone());
            if let Some(h) = &hours {
                if let Err(e) = OpeningHours::parse(h) {
                    err(&mut errors, &o.path, format!("opening hours: {e}"));
                    continue;
                }
            }
            let opt = |s: &str| (!s.is_empty()).then(|| Cow::Owned(s.to_string()));
            if let Some(kind) = o.first_stop {
                // A dataset is built once and lives as long as the program (the widget keeps it
                // in a static): its layer's strings too.
                let keep = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
                let keep_opt = |s: &str| (!s.is_empty()).then(|| keep(s));
                let stop = FirstStop {
                    kind,
                    name: Cow::Owned(o.name.clone()),
                    name_fr: None,
                    address: (!o.street.is_empty()).then(|| Address {
                        street: keep(&o.street),
                        postcode: keep(&o.postcode),
                        city: keep(&o.city),
                    }),
                    phone: keep_opt(&o.phone),
                    email: keep_opt(&o.email),
                    website: keep_opt(&o.website),
                    chat: None,
                    hours: keep_opt(&o.hours),
                    hours_text: keep_opt(&o.hours_text),
                    confidence: FactConfidence::High,
                    sources: Cow::Borrowed(""),
                    source_date: if o.date.is_empty() {
                        "undated"
                    } else {
                        keep(&o.date)
                    },
                    provider: Some(keep(&o.provider)),
                };
                for &m in &serves {
                    self.layer_stops.push((m, stop.clone()));
                }
            }
            let offer = Offer {
                id: Cow::Owned(o.id.clone()),
                concept: ci as u8,
                name: Cow::Owned(o.name.clone()),
                address: o.address_line().map(Cow::Owned),
                phone: opt(&o.phone),
                email: opt(&o.email),
                website: opt(&o.website),
                serves: Cow::Owned(serves.into_iter().map(AreaRef::Municipality).collect()),
                confidence: Confidence::Confirmed,
                status: OfferStatus::Active,
                audience: Audience::Citizens,
                sources: Cow::Owned(Vec::new()),
                source_date: match o.date.as_str() {
                    "" => Cow::Borrowed("undated"),
                    d => Cow::Owned(d.to_string()),
                },
                note: None,
                hours: hours.map(Cow::Owned),
                provider: Some(Cow::Owned(o.provider.clone())),
            };
            self.offers
                .retain(|x| !(x.concept == offer.concept && x.id == offer.id));
            layered.push(offer);
        }
        // Layer offers first, in the order of the file.
        layered.append(&mut self.offers);
        self.offers = layered;
        self.index_offers();
        (self, errors)
    }

    /// The municipalities a layer's area stands for: a postcode (every municipality it touches)
    /// or `nis:NNNNN`.
    #[cfg(feature = "layer")]
    fn layer_area(&self, code: &str) -> Vec<u16> {
        if let Some(nis) = code.strip_prefix("nis:") {
            return self
                .municipality(nis)
                .map(|m| m.index())
                .into_iter()
                .collect();
        }
        let Some(pc) = number::<u16>(code) else {
            return Vec::new();
        };
        let ls = data::localities();
        let start = ls.partition_point(|l| l.postcode < pc);
        let mut out: Vec<u16> = Vec::new();
        for l in ls[start..].iter().take_while(|l| l.postcode == pc) {
            for m in l.all_municipalities() {
                if !out.contains(&m.index()) {
                    out.push(m.index());
                }
            }
        }
        out
    }

    /// Replaces the vocabulary of needs (the widget loads it when a visitor first searches by need).
    pub fn with_vocabulary(mut self, vocabulary: Vocabulary) -> Dataset {
        self.search_index = std::sync::OnceLock::new();
        self.vocabulary = vocabulary;
        self
    }

    /// The vocabulary of needs in use.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The concepts, in the order the product lists them (their `order` in `core/data/concepts`).
    pub fn concepts(&self) -> &'static [Concept] {
        data::CONCEPTS
    }

    /// A concept by its stable id.
    pub fn concept(&self, id: &str) -> Option<&'static Concept> {
        data::CONCEPTS.iter().find(|c| c.id == id)
    }

    /// All offers, built-in and layered.
    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    /// The offers of one concept.
    pub fn offers_of(&self, concept_id: &str) -> impl Iterator<Item = &Offer> {
        let ci = data::CONCEPTS.iter().position(|c| c.id == concept_id);
        ci.into_iter().flat_map(move |ci| {
            self.offers_by_concept[ci]
                .iter()
                .map(move |&i| &self.offers[i])
        })
    }

    /// All municipalities after the 2025 mergers, sorted by NIS code.
    pub fn municipalities(&self) -> &'static [Municipality] {
        data::municipalities()
    }

    /// A municipality by NIS code.
    pub fn municipality(&self, nis: &str) -> Option<&'static Municipality> {
        data::municipalities()
            .binary_search_by(|m| m.nis.cmp(nis))
            .ok()
            .map(|i| &data::municipalities()[i])
    }

    /// All bpost localities, sorted by postcode.
    pub fn localities(&self) -> &'static [Locality] {
        data::localities()
    }

    /// The 60 eerstelijnszones.
    pub fn zones(&self) -> &'static [Zone] {
        data::ZONES
    }

    /// Former municipalities and their successors.
    pub fn mergers(&self) -> &'static [Merger] {
        data::MERGERS
    }

    /// bpost's organisation and sorting codes.
    pub fn special_postcodes(&self) -> &'static [SpecialPostcode] {
        data::SPECIAL_POSTCODES
    }

    /// The concept index of `concept`.
    pub(crate) fn concept_index(concept: &Concept) -> usize {
        table_index(data::CONCEPTS, concept)
    }
}

/// The zorgraad of each eerstelijnszone, as an offer of the concept `eerstelijnszones-zorgraden`.
fn zone_offers() -> Vec<Offer> {
    let ci = data::CONCEPTS
        .iter()
        .position(|c| c.id == "eerstelijnszones-zorgraden")
        .unwrap_or(0) as u8;
    data::ZONES
        .iter()
        .enumerate()
        .map(|(i, z)| {
            // Without the `sources` feature (the widget) no addresses: the sources file has them.
            let mut sources = Vec::new();
            if data::SOURCES_COMPILED_IN {
                sources.push(Cow::Borrowed(ZONE_SOURCE));
            }
            if let Some(s) = z.zorgraad_source {
                sources.push(Cow::Borrowed(s));
            }
            Offer {
                id: Cow::Owned(format!("elz-{}", z.id)),
                concept: ci,
                // The zone's own name: zorgraad names in the research often carry notes, and are
                // of medium confidence (they stay available as `Zone::zorgraad`).
                name: Cow::Owned(format!("Eerstelijnszone {}", z.name)),
                address: None,
                phone: None,
                email: None,
                website: z.website.map(Cow::Borrowed),
                serves: Cow::Owned(vec![AreaRef::Zone(i as u8)]),
                confidence: Confidence::Confirmed,
                status: OfferStatus::Active,
                // A partnership of care providers: no desk for citizens.
                audience: Audience::Professionals,
                sources: Cow::Owned(sources),
                source_date: Cow::Borrowed("2025 (indeling na de fusies)"),
                note: None,
                hours: None,
                provider: None,
            }
        })
        .collect()
}

/// Where the zone layout comes from (see `core/data/geo/SOURCES.md`).
const ZONE_SOURCE: &str = "https://github.com/provinciesincijfers/gebiedsniveaus";

/// Accessors that resolve the indexes in the model.
impl Municipality {
    /// The province, if any (Brussels has none).
    pub fn province(&self) -> Option<&'static Province> {
        self.province.map(|i| &data::PROVINCES[i as usize])
    }

    /// The administrative arrondissement.
    pub fn arrondissement(&self) -> &'static Arrondissement {
        &data::ARRONDISSEMENTS[self.arrondissement as usize]
    }

    /// The judicial arrondissement.
    pub fn judicial(&self) -> &'static JudicialArrondissement {
        &data::JUDICIALS[self.judicial as usize]
    }

    /// The eerstelijnszones (one, or several where the street decides; none in Wallonia).
    pub fn zones(&self) -> impl Iterator<Item = &'static Zone> + '_ {
        self.zone_ids()
            .into_iter()
            .map(|i| &data::ZONES[i as usize])
    }

    pub(crate) fn zone_ids(&self) -> Vec<u8> {
        self.zones
            .iter()
            .copied()
            .filter(|&z| z != u8::MAX)
            .collect()
    }

    /// Whether the municipality belongs to the German-speaking community.
    pub fn is_german_speaking(&self) -> bool {
        self.judicial().id == "eupen"
    }

    /// Position in the municipality table (the data is static, so pointer arithmetic is exact).
    pub(crate) fn index(&self) -> u16 {
        table_index(data::municipalities(), self) as u16
    }
}

impl Locality {
    /// The municipality bpost assigns the locality to.
    pub fn municipality(&self) -> &'static Municipality {
        &data::municipalities()[self.municipality as usize]
    }

    /// Every municipality the postcode touches (two for 1040 and 1050: the street decides).
    pub fn all_municipalities(&self) -> impl Iterator<Item = &'static Municipality> + '_ {
        std::iter::once(self.municipality())
            .chain(self.also.map(|i| &data::municipalities()[i as usize]))
    }

    /// The zones of the locality itself, where they differ from its municipality's (Antwerp).
    pub(crate) fn own_zones(&self) -> Vec<u8> {
        self.zones
            .iter()
            .copied()
            .filter(|&z| z != u8::MAX)
            .collect()
    }
}

impl Merger {
    /// The municipality it became part of.
    pub fn successor(&self) -> &'static Municipality {
        &data::municipalities()[self.new as usize]
    }
}

impl Offer {
    /// The offer's concept.
    pub fn concept(&self) -> &'static Concept {
        &data::CONCEPTS[self.concept as usize]
    }
}

impl AreaRef {
    /// Whether a place in `m` (optionally narrowed to the zones of a locality) lies in this area.
    pub(crate) fn contains(&self, m: &Municipality, zones: &[u8]) -> bool {
        match *self {
            AreaRef::Municipality(i) => m.index() == i,
            AreaRef::Province(i) => m.province == Some(i),
            AreaRef::Region(r) => m.region == r,
            AreaRef::Zone(z) => zones.contains(&z),
            AreaRef::Judicial(j) => m.judicial == j,
            AreaRef::Arrondissement(a) => m.arrondissement == a,
        }
    }

    /// The area's kind and name in `lang`, for explanations.
    pub fn describe(&self, lang: Lang) -> String {
        match *self {
            AreaRef::Municipality(i) => data::municipalities()[i as usize].name(lang).to_string(),
            AreaRef::Province(i) => {
                let p = &data::PROVINCES[i as usize];
                match lang {
                    Lang::Nl => format!("provincie {}", p.name_nl),
                    Lang::Fr => format!("province de {}", p.name_fr),
                    Lang::En => format!("province of {}", p.name_nl),
                }
            }
            AreaRef::Region(r) => r.name().get(lang).to_string(),
            AreaRef::Zone(z) => {
                let z = &data::ZONES[z as usize];
                match lang {
                    Lang::Nl => format!("eerstelijnszone {}", z.name),
                    Lang::Fr => format!("zone de première ligne {}", z.name),
                    Lang::En => format!("primary care zone {}", z.name),
                }
            }
            AreaRef::Judicial(j) => {
                let j = &data::JUDICIALS[j as usize];
                match lang {
                    Lang::Nl => format!("gerechtelijk arrondissement {}", j.name_nl),
                    Lang::Fr => format!("arrondissement judiciaire de {}", j.name_fr),
                    Lang::En => format!("judicial district of {}", j.name_nl),
                }
            }
            AreaRef::Arrondissement(a) => {
                let a = &data::ARRONDISSEMENTS[a as usize];
                let nl = if a.name_nl.is_empty() {
                    a.name_fr
                } else {
                    a.name_nl
                };
                match lang {
                    Lang::Nl => format!("arrondissement {nl}"),
                    Lang::Fr => format!("arrondissement de {}", a.name_fr),
                    Lang::En => format!("district of {nl}"),
                }
            }
        }
    }
}

/// The position of `item` in `table`, or `usize::MAX` if it is not an element of it.
pub(crate) fn table_index<T>(table: &[T], item: &T) -> usize {
    let start = table.as_ptr() as usize;
    let at = item as *const T as usize;
    let size = std::mem::size_of::<T>().max(1);
    if at >= start && at < start + table.len() * size {
        (at - start) / size
    } else {
        usize::MAX
    }
}
