//! Writes the built-in dataset as HSDS 3.0 (`hulpkompas export --hsds DIR`): Open Referral's
//! tabular form, one JSON array of records per table, the records linked by id
//! (`service.organization_id`, `service_area.service_id`, …), with the Hulpkompas profile of
//! `layer/README.md`.
//!
//! What becomes what:
//!
//! - **First stops** (every distinct [`FirstStop`] of [`Dataset::every_first_stop`]): a service
//!   of the organisation of the same name, with the attributes `hulpkompas` = the concept
//!   ([`FirstStopKind::concept_id`]; the CAW, which the core links to no concept, is [`CAW_CONCEPT`])
//!   and `hulpkompas-first-stop` = [`FirstStopKind::id`]; a service area `nis:NNNNN,…` of the
//!   municipalities it is shown for; its phone; its address (a location); its opening hours (one
//!   weekly schedule per period, or the source's own words as a schedule's description). One
//!   organisation per name: the CAW that serves many municipalities is one organisation. A CAW
//!   whose area is stated by different sources in different municipalities is one service per
//!   statement (the sources differ), each serving its own municipalities.
//! - **Offers** ([`Dataset::offers`]): a service of the organisation of the offer's name, with
//!   the concept, its audience (`hulpkompas-audience`), its areas resolved to municipalities, and
//!   its status: `active` when current on [`DATA_DATE`], `defunct` when ended, else `inactive`.
//! - **Concepts**: the terms of the taxonomy `hulpkompas` (code = concept id, name and description
//!   in Dutch); the kinds of first stop and the audiences are taxonomies of their own.
//! - **Sources**: attributes with terms of the taxonomy `hulpkompas-provenance`, their `value` the
//!   fact as the dataset holds it: `source` (one per URL), `source-date` (the date as the source
//!   states it, `2020-04`, `2019 / 2021-11`), `confidence` (`high`/`medium`/`low` for a first stop,
//!   `confirmed`/`derived`/`by_law`/`unconfirmed` for an offer) and `until` (a project's end).
//!   HSDS `metadata` records are about edits (previous and replacement values), which the data
//!   does not have. A source date that is a whole date is also the service's `assured_date`.
//!
//! Nothing is invented; a field the dataset does not hold is left out. Three fields HSDS requires
//! of an address are derived or left empty: `postal_code` is the stated one, else the one bpost
//! postcode of a locality named as the stated town (among the localities of the municipalities
//! the service serves, else in all of Belgium), else empty; `state_province` is the province of
//! that postcode's municipality (the region for Brussels), else empty; `country` is `BE`. An
//! organisation's required `description` is the summary of its first service's concept. A zone
//! that covers part of a municipality (Antwerpen: the street decides) lists the whole municipality.
//!
//! Ids are name-based UUIDs (version 8: a 128-bit FNV-1a hash of a stable key such as
//! `first-stop/37020/sociaal_huis/…`), so the same data gives the same files, byte for byte.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::path::Path;

use hulpkompas_core::hours::clock;
use hulpkompas_core::text::fold;
use hulpkompas_core::{
    AreaRef, Dataset, FirstStop, FirstStopKind, Lang, Municipality, OfferStatus, OpeningHours,
    DATA_DATE,
};
use serde_json::{json, Value};

/// The taxonomies of the profile whose term codes are the concept id and the kind of first stop
/// ([`FirstStopKind::id`]), as the layer reader reads them.
pub use hulpkompas_layer::{CONCEPT_TAXONOMY, FIRST_STOP_TAXONOMY};
/// The taxonomy of audiences: `citizens`, `professionals`.
pub const AUDIENCE_TAXONOMY: &str = "hulpkompas-audience";
/// The taxonomy of provenance: an attribute's `value` is the source URL, date, confidence or end.
pub const PROVENANCE_TAXONOMY: &str = "hulpkompas-provenance";
/// The concept of a CAW's service: the core links the CAW to no concept
/// ([`FirstStopKind::concept_id`] is `None`), and the `gbo` concept's own summary names the CAW as
/// one of the desks of the geïntegreerd breed onthaal ("je kan bij elk van hen terecht").
pub const CAW_CONCEPT: &str = "gbo";

/// The tables, in the order they are written: the file stem (the specification's tabular `path`,
/// `organizations.csv` → `organizations.json`) and the schema of its records.
pub const TABLES: [(&str, &str); 11] = [
    ("organizations", "organization"),
    ("services", "service"),
    ("locations", "location"),
    ("service_at_location", "service_at_location"),
    ("service_areas", "service_area"),
    ("phones", "phone"),
    ("schedules", "schedule"),
    ("addresses", "address"),
    ("attributes", "attribute"),
    ("taxonomies", "taxonomy"),
    ("taxonomy_terms", "taxonomy_term"),
];

/// The index of each table in [`TABLES`].
#[derive(Clone, Copy)]
enum T {
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    ServiceArea,
    Phone,
    Schedule,
    Address,
    Attribute,
    Taxonomy,
    TaxonomyTerm,
}

/// One HSDS table in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The file stem: `organizations`, `services`, …
    pub name: &'static str,
    /// The HSDS schema of its records: `organization`, `service`, … (`schema/<schema>.json`).
    pub schema: &'static str,
    /// The records, each a JSON object.
    pub records: Vec<Value>,
}

/// Every table of the export, in the order of [`TABLES`].
#[derive(Clone, Debug, PartialEq)]
pub struct Tables {
    /// The tables.
    pub tables: Vec<Table>,
}

impl Tables {
    /// The records of the table with this file stem (empty for an unknown name).
    pub fn get(&self, name: &str) -> &[Value] {
        self.tables
            .iter()
            .find(|t| t.name == name)
            .map_or(&[], |t| t.records.as_slice())
    }
}

/// How many records each file got, for the command to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// (file stem, records), in the order of [`TABLES`].
    pub counts: Vec<(&'static str, usize)>,
}

impl fmt::Display for Summary {
    /// `312 organizations, 900 services, …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .counts
            .iter()
            .map(|(name, n)| format!("{n} {name}"))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

/// Writes the HSDS tables of `data` into `dir` (created if missing): one `<table>.json` per
/// table of [`TABLES`] and a `README.md` that says what they are, their source and date.
pub fn write(data: &Dataset, dir: &Path) -> Result<Summary, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let tables = tables(data);
    let summary = Summary {
        counts: tables
            .tables
            .iter()
            .map(|t| (t.name, t.records.len()))
            .collect(),
    };
    for t in &tables.tables {
        let path = dir.join(format!("{}.json", t.name));
        let text = serde_json::to_string_pretty(&t.records)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&path, text + "\n")
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    let path = dir.join("README.md");
    std::fs::write(&path, readme(&summary))
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    Ok(summary)
}

/// The HSDS records of `data`, table by table (what [`write`] writes).
pub fn tables(data: &Dataset) -> Tables {
    let mut b = Builder {
        data,
        tables: TABLES.map(|_| Vec::new()),
        ids: HashSet::new(),
    };
    b.taxonomies();
    b.first_stops();
    b.offers();
    Tables {
        tables: TABLES
            .iter()
            .zip(b.tables)
            .map(|(&(name, schema), records)| Table {
                name,
                schema,
                records,
            })
            .collect(),
    }
}

/// The README of the export folder.
fn readme(summary: &Summary) -> String {
    let rows: String = summary
        .counts
        .iter()
        .map(|(name, n)| format!("| `{name}.json` | {n} |\n"))
        .collect();
    format!(
        "# Hulpkompas as HSDS 3.0\n\n\
         The built-in data of Hulpkompas (data of {DATA_DATE}): where to go first in every Belgian \
         municipality (Sociaal Huis or OCMW, CAW, Huis van het Kind, CPAS) and the local offers \
         of Flanders' integrated first-line welfare concepts, written by `hulpkompas export --hsds` \
         as Open Referral's Human Services Data Specification 3.0 in tabular form: one JSON array \
         of records per table, linked by id, with the Hulpkompas profile (`layer/README.md`).\n\n\
         | file | records |\n|---|---|\n{rows}\n\
         Source: the researched public sources of each fact, as attributes of the taxonomy \
         `{PROVENANCE_TAXONOMY}` (`source`: a URL, `source-date`: the date as the source states it, \
         `confidence`, `until`). The concept of a service is its attribute of the taxonomy \
         `{CONCEPT_TAXONOMY}`, the kind of first stop that of `{FIRST_STOP_TAXONOMY}`; a service \
         area's `extent` lists municipality NIS codes (`nis:37020`). Ids are name-based: the same \
         data gives the same files.\n"
    )
}

/// A name-based UUID (version 8) of `key`: the 128-bit FNV-1a hash of `hulpkompas/<key>`.
///
/// ```
/// use hulpkompas_cli::hsds::export::uuid;
/// assert_eq!(uuid("a"), uuid("a"));
/// assert_ne!(uuid("a"), uuid("b"));
/// assert_eq!(&uuid("a")[14..15], "8");
/// ```
pub fn uuid(key: &str) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut h = OFFSET;
    for b in "hulpkompas/".bytes().chain(key.bytes()) {
        h = (h ^ u128::from(b)).wrapping_mul(PRIME);
    }
    // Version 8 (bits 76–79), variant 10 (bits 62–63).
    h = (h & !(0xf << 76)) | (0x8 << 76);
    h = (h & !(0x3 << 62)) | (0x2 << 62);
    let x = format!("{h:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &x[..8],
        &x[8..12],
        &x[12..16],
        &x[16..20],
        &x[20..]
    )
}

/// A JSON object without its `null` fields (an absent fact is left out, not written as null).
fn record(mut v: Value) -> Value {
    if let Value::Object(m) = &mut v {
        m.retain(|_, v| !v.is_null());
    }
    v
}

/// The facts of one service, first stop or offer, in the terms of the profile.
struct Service<'a> {
    key: String,
    concept: &'static str,
    first_stop: Option<FirstStopKind>,
    audience: Option<&'static str>,
    name: &'a str,
    name_fr: Option<&'a str>,
    description: Option<&'a str>,
    status: &'static str,
    url: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    /// Street, postcode, town, as stated.
    address: Option<(&'a str, &'a str, &'a str)>,
    hours: Option<&'a str>,
    hours_text: Option<&'a str>,
    served: Vec<&'static Municipality>,
    area_name: String,
    sources: Vec<&'a str>,
    source_date: &'a str,
    confidence: &'static str,
    until: Option<String>,
}

/// The tables being built; a record's id is never added twice.
struct Builder<'d> {
    data: &'d Dataset,
    tables: [Vec<Value>; TABLES.len()],
    ids: HashSet<String>,
}

impl Builder<'_> {
    /// Adds a record with the id of `key` unless one has it already; returns the id.
    fn push(&mut self, table: T, key: &str, fields: Value) -> String {
        let id = uuid(key);
        if self.ids.insert(id.clone()) {
            let mut r = record(fields);
            if let Value::Object(m) = &mut r {
                m.insert("id".into(), Value::String(id.clone()));
            }
            self.tables[table as usize].push(r);
        }
        id
    }

    /// The taxonomies and their terms: the concepts, the kinds of first stop, the audiences and
    /// the provenance fields.
    fn taxonomies(&mut self) {
        let kinds: Vec<Term<'_>> = FirstStopKind::ALL
            .iter()
            .map(|k| {
                let (name, description) = match k {
                    FirstStopKind::SociaalHuis => {
                        ("Sociaal Huis", "Het Sociaal Huis van de gemeente (Vlaanderen).")
                    }
                    FirstStopKind::Ocmw => (
                        "OCMW",
                        "De sociale dienst van het OCMW van de gemeente (Vlaanderen, Brussel).",
                    ),
                    FirstStopKind::Caw => (
                        "CAW",
                        "Het Centrum Algemeen Welzijnswerk dat de gemeente bedient, of de gemeenschappelijke site van de CAW's.",
                    ),
                    FirstStopKind::HuisVanHetKind => {
                        ("Huis van het Kind", "Het Huis van het Kind van de gemeente.")
                    }
                    FirstStopKind::Cpas => (
                        "CPAS",
                        "Het OCMW (CPAS) van een gemeente in Wallonië of de Duitstalige Gemeenschap.",
                    ),
                };
                (k.id(), name, description)
            })
            .collect();
        let concepts: Vec<Term<'_>> = self
            .data
            .concepts()
            .iter()
            .map(|c| (c.id, c.name.nl, c.summary.nl))
            .collect();
        let audiences = [
            (
                "citizens",
                "Burgers",
                "Burgers kunnen er (eventueel via een hulpverlener) terecht.",
            ),
            (
                "professionals",
                "Professionals",
                "Een netwerk of overleg van professionals: geen loket voor burgers.",
            ),
        ];
        let provenance = [
            ("source", "Bron", "Het adres van een bron van de gegevens."),
            ("source-date", "Datum van de bron", "De datum zoals de bron hem vermeldt."),
            ("confidence", "Zekerheid", "Hoe recent en rechtstreeks de bron is (high, medium, low), of hoe zeker het werkingsgebied is (confirmed, derived, by_law, unconfirmed)."),
            ("until", "Tot", "De laatste dag van een project, zoals de bron hem vermeldt."),
        ];
        let taxonomies: [(&str, &str, &[Term<'_>]); 4] = [
            (CONCEPT_TAXONOMY, "De geïntegreerde concepten van de eerste lijn in Hulpkompas; de code is het id van het concept.", &concepts),
            (FIRST_STOP_TAXONOMY, "Waar je eerst naartoe gaat: de soort van eerste aanspreekpunt.", &kinds),
            (AUDIENCE_TAXONOMY, "Voor wie een aanbod is.", &audiences),
            (PROVENANCE_TAXONOMY, "Waar een gegeven vandaan komt; de waarde van het attribuut is het gegeven.", &provenance),
        ];
        for (taxonomy, description, terms) in taxonomies {
            let taxonomy_id = self.push(
                T::Taxonomy,
                &format!("taxonomy/{taxonomy}"),
                json!({ "name": taxonomy, "description": description }),
            );
            for (code, name, description) in terms {
                self.push(
                    T::TaxonomyTerm,
                    &term_key(taxonomy, code),
                    json!({
                        "code": code, "name": name, "description": description,
                        "taxonomy": taxonomy, "taxonomy_id": taxonomy_id, "language": "nl",
                    }),
                );
            }
        }
    }

    /// Every distinct first stop, with the municipalities it is shown for.
    fn first_stops(&mut self) {
        let mut stops: Vec<(FirstStop, Vec<&'static Municipality>)> = Vec::new();
        for (nis, stop) in self.data.every_first_stop() {
            let Some(m) = self.data.municipality(nis) else {
                continue;
            };
            match stops.iter_mut().find(|(s, _)| *s == stop) {
                Some((_, served)) if served.iter().any(|s| s.nis == nis) => {}
                Some((_, served)) => served.push(m),
                None => stops.push((stop, vec![m])),
            }
        }
        for (s, served) in &stops {
            let names: Vec<&str> = served.iter().map(|m| m.name_nl).collect();
            self.service(Service {
                key: format!("first-stop/{}/{}/{}", served[0].nis, s.kind.id(), s.name),
                concept: s.kind.concept_id().unwrap_or(CAW_CONCEPT),
                first_stop: Some(s.kind),
                audience: None,
                name: &s.name,
                name_fr: s.name_fr.as_deref(),
                description: None,
                status: "active",
                url: s.website,
                email: s.email,
                phone: s.phone,
                address: s.address.as_ref().map(|a| (a.street, a.postcode, a.city)),
                hours: s.hours,
                hours_text: s.hours_text,
                served: served.clone(),
                area_name: names.join(", "),
                sources: s.sources().collect(),
                source_date: s.source_date,
                confidence: s.confidence.id(),
                until: None,
            });
        }
    }

    /// Every offer, its areas resolved to municipalities.
    fn offers(&mut self) {
        let data = self.data;
        for o in data.offers() {
            let concept = o.concept();
            let mut served: BTreeSet<&str> = BTreeSet::new();
            for area in o.serves.iter() {
                served.extend(self.municipalities_in(area).iter().map(|m| m.nis));
            }
            let current = concept.status.is_current(DATA_DATE) && o.status.is_current(DATA_DATE);
            let (street, postcode, city) = o.address.as_deref().map_or(("", "", ""), split_address);
            let until = match o.status {
                OfferStatus::Project(Some(d)) | OfferStatus::Ended(Some(d)) => Some(d.to_string()),
                _ => None,
            };
            let areas: Vec<String> = o.serves.iter().map(|a| a.describe(Lang::Nl)).collect();
            self.service(Service {
                key: format!("offer/{}/{}", concept.id, o.id),
                concept: concept.id,
                first_stop: None,
                audience: Some(o.audience.id()),
                name: &o.name,
                name_fr: None,
                description: o.note.as_deref(),
                status: match o.status {
                    _ if current => "active",
                    OfferStatus::Ended(_) => "defunct",
                    _ => "inactive",
                },
                url: o.website.as_deref(),
                email: o.email.as_deref(),
                phone: o.phone.as_deref(),
                address: (!street.is_empty()).then_some((street, postcode, city)),
                hours: o.hours.as_deref(),
                hours_text: None,
                served: served.iter().filter_map(|n| data.municipality(n)).collect(),
                area_name: areas.join("; "),
                sources: o.sources.iter().map(|s| s.as_ref()).collect(),
                source_date: &o.source_date,
                confidence: o.confidence.id(),
                until,
            });
        }
    }

    /// The municipalities that lie in `area`. The core keeps the indexes of its area tables to
    /// itself, so a province, arrondissement or judicial arrondissement is recognised by the name
    /// [`AreaRef::describe`] gives it (unique per kind).
    fn municipalities_in(&self, area: &AreaRef) -> Vec<&'static Municipality> {
        let all = self.data.municipalities();
        let (nl, fr) = (area.describe(Lang::Nl), area.describe(Lang::Fr));
        let zone = match *area {
            AreaRef::Zone(z) => self.data.zones().get(usize::from(z)).map(|z| z.id),
            _ => None,
        };
        all.iter()
            .enumerate()
            .filter(|(i, m)| match *area {
                AreaRef::Municipality(j) => *i == usize::from(j),
                AreaRef::Region(r) => m.region == r,
                AreaRef::Zone(_) => m.zones().any(|z| Some(z.id) == zone),
                AreaRef::Province(_) => m
                    .province()
                    .is_some_and(|p| nl == format!("provincie {}", p.name_nl)),
                AreaRef::Judicial(_) => {
                    nl == format!("gerechtelijk arrondissement {}", m.judicial().name_nl)
                }
                AreaRef::Arrondissement(_) => {
                    fr == format!("arrondissement de {}", m.arrondissement().name_fr)
                }
            })
            .map(|(_, m)| m)
            .collect()
    }

    /// One service with its organisation, attributes, area, phone, location and schedules.
    fn service(&mut self, s: Service<'_>) {
        let summary = self.data.concept(s.concept).map(|c| c.summary.nl);
        let organization_id = self.push(
            T::Organization,
            &format!("organization/{}", s.name),
            json!({ "name": s.name, "alternate_name": s.name_fr, "description": summary.unwrap_or("") }),
        );
        let date = (s.source_date.len() == 10)
            .then(|| hulpkompas_core::Date::parse(s.source_date))
            .flatten();
        let key = s.key.as_str();
        let service_id = self.push(
            T::Service,
            key,
            json!({
                "organization_id": organization_id, "name": s.name, "alternate_name": s.name_fr,
                "description": s.description, "url": s.url, "email": s.email, "status": s.status,
                "assured_date": date.map(|d| d.to_string()),
            }),
        );
        // Attributes: the concept, the kind of first stop, the audience, the provenance.
        let mut terms: Vec<(&str, &str, Option<&str>)> = vec![(CONCEPT_TAXONOMY, s.concept, None)];
        terms.extend(s.first_stop.map(|k| (FIRST_STOP_TAXONOMY, k.id(), None)));
        terms.extend(s.audience.map(|a| (AUDIENCE_TAXONOMY, a, None)));
        terms.extend(
            s.sources
                .iter()
                .map(|u| (PROVENANCE_TAXONOMY, "source", Some(*u))),
        );
        if !matches!(s.source_date, "" | "undated" | "onbekend") {
            terms.push((PROVENANCE_TAXONOMY, "source-date", Some(s.source_date)));
        }
        terms.push((PROVENANCE_TAXONOMY, "confidence", Some(s.confidence)));
        terms.extend(
            s.until
                .as_deref()
                .map(|u| (PROVENANCE_TAXONOMY, "until", Some(u))),
        );
        for (i, (taxonomy, code, value)) in terms.into_iter().enumerate() {
            self.push(
                T::Attribute,
                &format!("attribute/{key}/{i}"),
                json!({
                    "link_id": service_id, "link_entity": "service",
                    "taxonomy_term_id": uuid(&term_key(taxonomy, code)), "value": value,
                }),
            );
        }
        if !s.served.is_empty() {
            let extent: Vec<String> = s.served.iter().map(|m| format!("nis:{}", m.nis)).collect();
            self.push(
                T::ServiceArea,
                &format!("service-area/{key}"),
                json!({
                    "service_id": service_id, "name": s.area_name,
                    "extent_type": "text", "extent": extent.join(","),
                }),
            );
        }
        if let Some(number) = s.phone {
            self.push(
                T::Phone,
                &format!("phone/{key}"),
                json!({ "service_id": service_id, "number": number, "type": "voice" }),
            );
        }
        if let Some((street, postcode, city)) = s.address {
            let postcode = self.postcode(postcode, city, &s.served);
            let location_key = format!("location/{}/{street}/{postcode}/{city}", s.name);
            let location_id = self.push(
                T::Location,
                &location_key,
                json!({ "location_type": "physical", "organization_id": organization_id, "name": s.name }),
            );
            self.push(
                T::Address,
                &format!("address/{location_key}"),
                json!({
                    "location_id": location_id, "address_1": street, "city": city,
                    "state_province": self.province(&postcode), "postal_code": postcode,
                    "country": "BE", "address_type": "physical",
                }),
            );
            self.push(
                T::ServiceAtLocation,
                &format!("service-at-location/{key}"),
                json!({ "service_id": service_id, "location_id": location_id }),
            );
        }
        let periods = s.hours.and_then(|h| OpeningHours::parse(h).ok());
        match (periods, s.hours_text) {
            (Some(periods), _) => {
                for (i, p) in periods.iter().enumerate() {
                    let days: Vec<&str> = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
                        .into_iter()
                        .enumerate()
                        .filter(|(d, _)| p.days & (1 << d) != 0)
                        .map(|(_, code)| code)
                        .collect();
                    self.push(
                        T::Schedule,
                        &format!("schedule/{key}/{i}"),
                        json!({
                            "service_id": service_id, "freq": "WEEKLY", "byday": days.join(","),
                            "opens_at": clock(p.from), "closes_at": clock(p.to),
                        }),
                    );
                }
            }
            (None, Some(text)) => {
                self.push(
                    T::Schedule,
                    &format!("schedule/{key}/0"),
                    json!({ "service_id": service_id, "description": text }),
                );
            }
            (None, None) => {}
        }
    }

    /// The postcode of an address: as stated; else the one bpost postcode of the localities named
    /// `city` among those of the municipalities served (else of all of Belgium); else empty.
    fn postcode(&self, stated: &str, city: &str, served: &[&Municipality]) -> String {
        if !stated.is_empty() || city.is_empty() {
            return stated.to_string();
        }
        let city = fold(city);
        let named: Vec<_> = self
            .data
            .localities()
            .iter()
            .filter(|l| fold(l.name) == city)
            .collect();
        let one = |codes: BTreeSet<u16>| (codes.len() == 1).then(|| codes.into_iter().next());
        let near = named
            .iter()
            .filter(|l| served.iter().any(|m| m.nis == l.municipality().nis))
            .map(|l| l.postcode)
            .collect();
        one(near)
            .or_else(|| one(named.iter().map(|l| l.postcode).collect()))
            .flatten()
            .map_or_else(String::new, |pc| format!("{pc:04}"))
    }

    /// The province (in Brussels the region) of the municipality of a postcode; empty if unknown.
    fn province(&self, postcode: &str) -> String {
        let Ok(pc) = postcode.parse::<u16>() else {
            return String::new();
        };
        self.data
            .localities()
            .iter()
            .find(|l| l.postcode == pc)
            .map(|l| l.municipality())
            .map_or_else(String::new, |m| {
                m.province()
                    .map_or(m.region.name().nl, |p| p.name_nl)
                    .to_string()
            })
    }
}

/// A taxonomy term: code, name and description (Dutch).
type Term<'a> = (&'a str, &'a str, &'a str);

/// The key of a taxonomy term.
pub fn term_key(taxonomy: &str, code: &str) -> String {
    format!("taxonomy-term/{taxonomy}/{code}")
}

/// An offer's address as the data writes it, "street and number, postcode and place"
/// (`Drongenplein 26, 9031 Drongen`, `Lutgartsite, Beringen`): (street, postcode, town).
fn split_address(line: &str) -> (&str, &str, &str) {
    let Some((street, town)) = line.rsplit_once(", ") else {
        return (line, "", "");
    };
    match town.split_once(' ') {
        Some((pc, city)) if pc.len() == 4 && pc.bytes().all(|b| b.is_ascii_digit()) => {
            (street, pc, city)
        }
        _ => (street, "", town),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_8_and_variant_10() {
        let u = uuid("first-stop/37020/sociaal_huis/OCMW/Sociaal Huis (Ardooie)");
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "8");
        assert!("89ab".contains(&u[19..20]), "{u}");
        assert!(u
            .chars()
            .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn addresses_split_as_the_data_writes_them() {
        assert_eq!(
            split_address("Drongenplein 26, 9031 Drongen"),
            ("Drongenplein 26", "9031", "Drongen")
        );
        assert_eq!(
            split_address("wijkcentrum Eikenhove, Albert Servaeslaan 48a, Waregem"),
            (
                "wijkcentrum Eikenhove, Albert Servaeslaan 48a",
                "",
                "Waregem"
            )
        );
        assert_eq!(split_address("Kasteel"), ("Kasteel", "", ""));
    }
}
