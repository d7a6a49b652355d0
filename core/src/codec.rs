//! The compact text tables: one declared shape per table, its encoder and its decoder side by side.
//!
//! The generator (`hulpkompas-datagen`, run by `core/build.rs`) calls only the encoders; the runtime
//! (`data.rs`) calls only the decoders. Text tables are far smaller in the wasm than tables of
//! structs and pointers, and are parsed once at start-up.
//!
//! **Why a module of the core and not a crate of its own.** The rows of these tables *are* model
//! types ([`Municipality`], [`Locality`], [`Offer`]): decoding gives the runtime its values with no
//! second row type to convert from. The generator compiles this file and `model.rs` into itself
//! with `#[path]` (both import nothing but `std`, `crate::model` and each other), so there is one
//! source for the shape, no extra crate for the widget to build, and no serde, csv or toml in the
//! core. Adding a field to a table means: the model type, and its encoder and decoder here.
//!
//! Every table is UTF-8 text of lines separated by `\n`, fields separated by `\t`. Field values
//! never contain a tab or a line break ([`FIELD_RESERVED`]); the generator rejects data that does.
//! Indices are decimal and point into the tables of the same build (municipalities sorted by NIS
//! code, provinces, arrondissements, judicial arrondissements and zones sorted by id).

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::model::{
    Address, AreaRef, Audience, CawArea, Concept, Confidence, Date, FactConfidence, FirstStop,
    FirstStopKind, Locality, Municipality, Need, Offer, OfferStatus, Region, Terms, Text,
};
use crate::text::{number, Parts, SplitAscii};

/// Characters no field of any table may contain.
pub const FIELD_RESERVED: &[char] = &['\t', '\n', FETCHED_SEPARATOR];

/// What separates the fields of the two files the widget fetches over the web (the vocabulary and
/// the sources). Not a tab: web servers, editors and copy-paste turn tabs into spaces, and a file
/// read with one missing separator would be rejected whole. A visible character no field holds
/// ([`FIELD_RESERVED`]) survives all of them; the decoders trim spaces around each field.
pub const FETCHED_SEPARATOR: char = '^';

/// The fields of one line of a fetched file, each trimmed of the spaces (and tabs, and the `\r`
/// of a Windows line end) a server or editor may have added around it.
fn fetched_fields(line: &str) -> impl Iterator<Item = &str> {
    line.parts(FETCHED_SEPARATOR as u8).map(str::trim)
}

/// The lines of a compiled-in table (each ends with `\n`; no `\r`: the generator writes them).
pub(crate) fn table_lines(table: &str) -> impl Iterator<Item = &str> {
    let mut rest = table;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, after) = rest.cut(b'\n').unwrap_or((rest, ""));
        rest = after;
        Some(line)
    })
}

/// Characters a locality name may not contain (they structure the locality table).
pub const LOCALITY_RESERVED: &[char] = &['\t', '\n', ';', '*', '#'];

/// Most zones a municipality or locality row holds.
pub const MAX_ZONES: usize = 4;

/// The separator of an offer's sources (also how the offer CSV separates them).
pub const SOURCE_SEPARATOR: &str = " ; ";

// ---------------------------------------------------------------------------------------------
// Municipalities
// ---------------------------------------------------------------------------------------------

/// The municipality table: one line per [`Municipality`], sorted by NIS code.
///
/// ```text
/// nis \t name_nl \t name_fr \t region \t province \t arrondissement \t judicial \t zones \t name_en
/// 34022\tKortrijk\t\tF\t6\t25\t9\t41\t
/// ```
/// - `name_fr` is empty when it equals `name_nl` (most Flemish municipalities);
/// - `name_en` is empty when it is [`Municipality::default_name_en`];
/// - `region` is `F` (Flanders), `B` (Brussels) or `W` (Wallonia);
/// - `province` is an index, empty for none (Brussels);
/// - `zones` are up to [`MAX_ZONES`] zone indices separated by `,` (empty: none, Wallonia).
pub fn encode_municipalities(rows: &[Municipality]) -> String {
    let mut out = String::new();
    for m in rows {
        let name_fr = if m.name_fr == m.name_nl {
            ""
        } else {
            m.name_fr
        };
        let province = m.province.map(|p| p.to_string()).unwrap_or_default();
        let name_en = if m.name_en == Municipality::default_name_en(m.name_nl, m.name_fr, m.region)
        {
            ""
        } else {
            m.name_en
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{name_fr}\t{}\t{province}\t{}\t{}\t{}\t{name_en}",
            m.nis,
            m.name_nl,
            region_code(m.region),
            m.arrondissement,
            m.judicial,
            encode_indices(&m.zones),
        );
    }
    out
}

/// Reads the municipality table (see [`encode_municipalities`]).
pub fn decode_municipalities(table: &'static str) -> Vec<Municipality> {
    table_lines(table)
        .map(|line| {
            let mut f = Parts::new(line, b'\t');
            let mut next = || f.field();
            let nis = next();
            let name_nl = next();
            let name_fr = match next() {
                "" => name_nl,
                fr => fr,
            };
            let region = decode_region(next());
            let province = number(next());
            let arrondissement = number(next()).unwrap_or(0);
            let judicial = number(next()).unwrap_or(0);
            let zones = decode_indices(next());
            let name_en = match next() {
                "" => Municipality::default_name_en(name_nl, name_fr, region),
                en => en,
            };
            Municipality {
                nis,
                name_nl,
                name_fr,
                name_en,
                region,
                province,
                arrondissement,
                judicial,
                zones,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Localities
// ---------------------------------------------------------------------------------------------

/// The locality table: one line per run of [`Locality`]s with the same postcode, municipality and
/// other municipality, in the order given (sorted by postcode, then name).
///
/// ```text
/// postcode \t municipality \t also \t locality;locality;…
/// 1000\t14\t\tBrussel*;Bruxelles*
/// 2000\t0\t\tAntwerpen*#0,1
/// ```
/// - `municipality` is an index, `also` another municipality's index or empty (1040, 1050);
/// - each locality is its name, then `*` if it is the main one, then `#` and up to [`MAX_ZONES`]
///   zone indices separated by `,` if the locality has zones of its own (Antwerp).
pub fn encode_localities(rows: &[Locality]) -> String {
    let mut out = String::new();
    let mut group: Option<(u16, u16, Option<u16>)> = None;
    for l in rows {
        let key = (l.postcode, l.municipality, l.also);
        if group != Some(key) {
            if group.is_some() {
                out.push('\n');
            }
            let also = l.also.map(|a| a.to_string()).unwrap_or_default();
            let _ = write!(out, "{}\t{}\t{also}\t", l.postcode, l.municipality);
            group = Some(key);
        } else {
            out.push(';');
        }
        out.push_str(l.name);
        if l.main {
            out.push('*');
        }
        let zones = encode_indices(&l.zones);
        if !zones.is_empty() {
            out.push('#');
            out.push_str(&zones);
        }
    }
    out.push('\n');
    out
}

/// Reads the locality table (see [`encode_localities`]).
pub fn decode_localities(table: &'static str) -> Vec<Locality> {
    let mut out = Vec::with_capacity(2800);
    for line in table_lines(table) {
        let mut f = Parts::new(line, b'\t');
        let mut next = || f.field();
        let postcode = number(next()).unwrap_or(0);
        let municipality = number(next()).unwrap_or(0);
        let also = number(next());
        for entry in Parts::new(next(), b';') {
            let mut parts = Parts::new(entry, b'#');
            let (rest, zones) = (parts.field(), parts.field());
            let (name, main) = match rest.strip_suffix('*') {
                Some(n) => (n, true),
                None => (rest, false),
            };
            out.push(Locality {
                postcode,
                name,
                main,
                municipality,
                also,
                zones: decode_indices(zones),
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Offers
// ---------------------------------------------------------------------------------------------

/// The offer table: one line per [`Offer`], in the order given (by concept file, then file order).
///
/// ```text
/// id \t concept \t name \t address \t phone \t email \t website \t serves \t confidence \t status
///    \t until \t sources \t source_date \t note
/// ```
/// - `concept` is the concept's index;
/// - `address`, `phone`, `email`, `website` and `note` are empty for none;
/// - `serves` is area codes separated by `,`: `m<municipality>`, `p<province>`,
///   `a<arrondissement>`, `j<judicial>`, `z<zone>` (indices) or `rF`/`rB`/`rW` (regions);
/// - `confidence` is `c` (confirmed), `d` (derived), `b` (by law) or `u` (unconfirmed);
/// - `status` is `a` (active), `p` (project), `e` (ended) or `n` (no new cases), `until` its date
///   `YYYY-MM-DD` or empty;
/// - `sources` are separated by [`SOURCE_SEPARATOR`];
/// - `audience` (last) is `p` for professionals, empty for citizens.
pub fn encode_offers(rows: &[Offer]) -> String {
    let mut out = String::new();
    let opt = |s: &Option<Cow<'static, str>>| s.as_deref().unwrap_or("").to_string();
    for o in rows {
        let serves: Vec<String> = o.serves.iter().map(|a| encode_area(*a)).collect();
        let confidence = match o.confidence {
            Confidence::Confirmed => 'c',
            Confidence::Derived => 'd',
            Confidence::ByLaw => 'b',
            Confidence::Unconfirmed => 'u',
        };
        let (status, until) = match o.status {
            OfferStatus::Active => ('a', None),
            OfferStatus::Project(u) => ('p', u),
            OfferStatus::Ended(u) => ('e', u),
            OfferStatus::NoNewCases(u) => ('n', u),
        };
        let audience = match o.audience {
            Audience::Citizens => "",
            Audience::Professionals => "p",
        };
        let until = until.map(|d| d.to_string()).unwrap_or_default();
        let sources: Vec<&str> = o.sources.iter().map(|s| s.as_ref()).collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{confidence}\t{status}\t{until}\t{}\t{}\t{}\t{audience}",
            o.id,
            o.concept,
            o.name,
            opt(&o.address),
            opt(&o.phone),
            opt(&o.email),
            opt(&o.website),
            serves.join(","),
            sources.join(SOURCE_SEPARATOR),
            o.source_date,
            opt(&o.note),
        );
    }
    out
}

/// Reads the offer table (see [`encode_offers`]).
pub fn decode_offers(table: &'static str) -> Vec<Offer> {
    let opt = |s: &'static str| (!s.is_empty()).then_some(Cow::Borrowed(s));
    table_lines(table)
        .map(|line| {
            let mut f = Parts::new(line, b'\t');
            let mut next = || f.field();
            let id = next();
            let concept = number(next()).unwrap_or(0);
            let name = next();
            let (address, phone, email, website) = (next(), next(), next(), next());
            let serves: Vec<AreaRef> = Parts::new(next(), b',').filter_map(decode_area).collect();
            let confidence = match next() {
                "d" => Confidence::Derived,
                "b" => Confidence::ByLaw,
                "u" => Confidence::Unconfirmed,
                _ => Confidence::Confirmed,
            };
            let status = next();
            let until = Date::parse(next());
            let status = match status {
                "p" => OfferStatus::Project(until),
                "e" => OfferStatus::Ended(until),
                "n" => OfferStatus::NoNewCases(until),
                _ => OfferStatus::Active,
            };
            let sources: Vec<Cow<'static, str>> = next()
                .split(SOURCE_SEPARATOR)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Cow::Borrowed)
                .collect();
            Offer {
                id: Cow::Borrowed(id),
                concept,
                name: Cow::Borrowed(name),
                address: opt(address),
                phone: opt(phone),
                email: opt(email),
                website: opt(website),
                serves: Cow::Owned(serves),
                confidence,
                status,
                sources: Cow::Owned(sources),
                source_date: Cow::Borrowed(next()),
                note: opt(next()),
                audience: match next() {
                    "p" => Audience::Professionals,
                    _ => Audience::Citizens,
                },
                hours: None,
                provider: None,
            }
        })
        .collect()
}

/// `AreaRef::Municipality(12)` → `m12`; see [`encode_offers`].
pub fn encode_area(a: AreaRef) -> String {
    match a {
        AreaRef::Municipality(i) => format!("m{i}"),
        AreaRef::Province(i) => format!("p{i}"),
        AreaRef::Arrondissement(i) => format!("a{i}"),
        AreaRef::Judicial(i) => format!("j{i}"),
        AreaRef::Zone(i) => format!("z{i}"),
        AreaRef::Region(r) => format!("r{}", region_code(r)),
    }
}

/// `m12` → `AreaRef::Municipality(12)`; see [`encode_offers`].
fn decode_area(code: &str) -> Option<AreaRef> {
    let (kind, rest) = code.split_at_checked(1)?;
    Some(match kind {
        "m" => AreaRef::Municipality(number(rest)?),
        "p" => AreaRef::Province(number(rest)?),
        "a" => AreaRef::Arrondissement(number(rest)?),
        "j" => AreaRef::Judicial(number(rest)?),
        "z" => AreaRef::Zone(number(rest)?),
        "r" => AreaRef::Region(decode_region(rest)),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// First stops
// ---------------------------------------------------------------------------------------------

/// The first stops (`core/data/local/`): each municipality's own places, the CAWs, and which CAW
/// serves which municipality.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FirstStopTable {
    /// A municipality's own places (Sociaal Huis/OCMW, Huis van het Kind), by municipality index,
    /// sorted by it.
    pub local: Vec<(u16, FirstStop)>,
    /// The CAWs, in the order of `caw.csv` (the last one is the CAWs' common site).
    pub caws: Vec<FirstStop>,
    /// Which CAW serves which municipality, sorted by municipality index.
    pub areas: Vec<CawArea>,
}

/// The first-stop table: one line per place or area, the first field saying which.
///
/// ```text
/// L \t municipality \t kind \t <stop>      a municipality's own place
/// C \t             \t kind \t <stop>      a CAW (its index: its rank among the C lines)
/// A \t municipality \t caw \t confidence \t sources \t source_date
/// <stop> = name \t name_fr \t street \t postcode \t city \t phone \t email \t website \t chat
///          \t hours \t hours_text \t confidence \t sources \t source_date
/// ```
/// - `kind` is `s` (Sociaal Huis), `o` (OCMW), `c` (CAW), `h` (Huis van het Kind), `p` (CPAS);
/// - `confidence` is `h`, `m` or `l`;
/// - empty optional fields are `None`; the address is `None` when the street is empty (a town
///   alone is no address), its postcode and town may be empty;
/// - `hours` is the checked machine format (`MO-FR 09:00-12:00; MO 18:00-20:00`), `sources` are
///   separated by [`FirstStop::SOURCE_SEPARATOR`], `source_date` is `YYYY-MM-DD`, `YYYY-MM`,
///   `YYYY` or `undated`.
pub fn encode_first_stops(t: &FirstStopTable) -> String {
    let mut out = String::new();
    for (m, s) in &t.local {
        let _ = writeln!(out, "L\t{m}\t{}", encode_stop(s));
    }
    for s in &t.caws {
        let _ = writeln!(out, "C\t\t{}", encode_stop(s));
    }
    for a in &t.areas {
        let _ = writeln!(
            out,
            "A\t{}\t{}\t{}\t{}\t{}",
            a.municipality,
            a.caw,
            confidence_code(a.confidence),
            a.sources,
            a.source_date
        );
    }
    out
}

fn encode_stop(s: &FirstStop) -> String {
    let o = |v: Option<&str>| v.unwrap_or("").to_string();
    let (street, postcode, city) = match &s.address {
        Some(a) => (a.street, a.postcode, a.city),
        None => ("", "", ""),
    };
    let kind = match s.kind {
        FirstStopKind::SociaalHuis => 's',
        FirstStopKind::Ocmw => 'o',
        FirstStopKind::Caw => 'c',
        FirstStopKind::HuisVanHetKind => 'h',
        FirstStopKind::Cpas => 'p',
    };
    format!(
        "{kind}\t{}\t{}\t{street}\t{postcode}\t{city}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        s.name,
        o(s.name_fr.as_deref()),
        o(s.phone),
        o(s.email),
        o(s.website),
        o(s.chat),
        o(s.hours),
        o(s.hours_text),
        confidence_code(s.confidence),
        s.sources,
        s.source_date
    )
}

fn confidence_code(c: FactConfidence) -> char {
    match c {
        FactConfidence::High => 'h',
        FactConfidence::Medium => 'm',
        FactConfidence::Low => 'l',
    }
}

fn decode_confidence(s: &str) -> FactConfidence {
    match s {
        "h" => FactConfidence::High,
        "m" => FactConfidence::Medium,
        _ => FactConfidence::Low,
    }
}

/// Reads the first-stop table (see [`encode_first_stops`]).
pub fn decode_first_stops(table: &'static str) -> FirstStopTable {
    let mut t = FirstStopTable::default();
    let opt = |s: &'static str| (!s.is_empty()).then_some(s);
    for line in table_lines(table) {
        let mut f = Parts::new(line, b'\t');
        let mut next = || f.field();
        let (what, key) = (next(), next());
        if what == "A" {
            t.areas.push(CawArea {
                municipality: number(key).unwrap_or(0),
                caw: number(next()).unwrap_or(0),
                confidence: decode_confidence(next()),
                sources: next(),
                source_date: next(),
            });
            continue;
        }
        let kind = match next() {
            "s" => FirstStopKind::SociaalHuis,
            "o" => FirstStopKind::Ocmw,
            "c" => FirstStopKind::Caw,
            "h" => FirstStopKind::HuisVanHetKind,
            _ => FirstStopKind::Cpas,
        };
        let (name, name_fr) = (next(), next());
        let (street, postcode, city) = (next(), next(), next());
        let stop = FirstStop {
            kind,
            name: Cow::Borrowed(name),
            name_fr: opt(name_fr).map(Cow::Borrowed),
            address: opt(street).map(|street| Address {
                street,
                postcode,
                city,
            }),
            phone: opt(next()),
            email: opt(next()),
            website: opt(next()),
            chat: opt(next()),
            hours: opt(next()),
            hours_text: opt(next()),
            confidence: decode_confidence(next()),
            sources: Cow::Borrowed(next()),
            source_date: next(),
            provider: None,
        };
        match what {
            "L" => t.local.push((number(key).unwrap_or(0), stop)),
            _ => t.caws.push(stop),
        }
    }
    t
}

// ---------------------------------------------------------------------------------------------
// The vocabulary file
// ---------------------------------------------------------------------------------------------

/// First line of the vocabulary file.
pub const VOCABULARY_HEADER: &str = "# hulpkompas vocabulary 2";

/// The vocabulary file (`hulpkompas-needs.txt`, which the widget fetches on its first need search):
/// a header line, a `stopwords` line, then one `need` line per [`Need`], fields separated by
/// [`FETCHED_SEPARATOR`] (`^`).
///
/// ```text
/// # hulpkompas vocabulary 2
/// stopwords ^ <folded stop words separated by spaces>
/// need ^ id ^ label nl ^ label fr ^ label en ^ terms nl ^ terms fr ^ terms en ^ concepts
/// ```
/// - terms are joined by [`Terms::SEPARATOR`], as in [`Terms`];
/// - `concepts` is `concept id=weight` pairs separated by `,`, the weight in hundredths (no float
///   parsing: `dec2flt` costs the widget KBs). Concept ids, not indices: the file outlives a build.
pub fn encode_vocabulary(needs: &[Need], stopwords: &str, concepts: &[Concept]) -> String {
    let sep = FETCHED_SEPARATOR;
    let mut out = format!("{VOCABULARY_HEADER}\nstopwords{sep}{stopwords}\n");
    for n in needs {
        let weights: Vec<String> = n
            .concepts
            .iter()
            .map(|&(c, w)| {
                let id = concepts.get(c as usize).map_or("", |c| c.id);
                format!("{id}={}", (w * 100.0).round() as u32)
            })
            .collect();
        let fields = [
            "need",
            n.id,
            n.label.nl,
            n.label.fr,
            n.label.en,
            n.terms.nl,
            n.terms.fr,
            n.terms.en,
            &weights.join(","),
        ];
        let _ = writeln!(out, "{}", fields.join(&sep.to_string()));
    }
    out
}

/// What [`decode_vocabulary`] read: the needs, the stop words, and the lines it had to skip.
#[derive(Debug)]
pub struct DecodedVocabulary {
    /// The needs of every line that could be read.
    pub needs: Vec<Need>,
    /// Folded stop words, space-separated.
    pub stopwords: &'static str,
    /// One message per line that could not be read (`line 12: …`): the rest is kept.
    pub skipped: Vec<String>,
}

/// Reads the vocabulary file (see [`encode_vocabulary`]): the needs and the stop words. Concept
/// ids are resolved in `concepts`; each need's weights are leaked (the file lives as long as the
/// program). A line that cannot be read is skipped and reported, the rest is kept: one bad line
/// (a proxy's edit, an unknown concept after an update) costs one need, not search by need. An
/// error only when the text is no vocabulary at all (no header) or not one need could be read.
pub fn decode_vocabulary(
    text: &'static str,
    concepts: &[Concept],
) -> Result<DecodedVocabulary, String> {
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some(VOCABULARY_HEADER) {
        return Err(format!(
            "not a Hulpkompas vocabulary (the first line is not `{VOCABULARY_HEADER}`)"
        ));
    }
    let mut out = DecodedVocabulary {
        needs: Vec::new(),
        stopwords: "",
        skipped: Vec::new(),
    };
    for (i, line) in lines.enumerate() {
        let f: Vec<&'static str> = fetched_fields(line).collect();
        match f.first().copied() {
            Some("stopwords") => out.stopwords = f.get(1).copied().unwrap_or(""),
            Some("need") if f.len() == 9 => match decode_need(&f, concepts) {
                Ok(need) => out.needs.push(need),
                Err(e) => out.skipped.push(format!("line {}: {e}", i + 2)),
            },
            Some("") | None => {}
            Some(_) => out.skipped.push(format!(
                "line {}: not a `need` line of 9 fields separated by `{FETCHED_SEPARATOR}`",
                i + 2
            )),
        }
    }
    if out.needs.is_empty() && !out.skipped.is_empty() {
        return Err(format!("no need could be read ({})", out.skipped[0]));
    }
    Ok(out)
}

/// One `need` line's 9 fields (see [`encode_vocabulary`]).
fn decode_need(f: &[&'static str], concepts: &[Concept]) -> Result<Need, String> {
    let mut weights = Vec::new();
    for pair in f[8].parts(b',').map(str::trim).filter(|p| !p.is_empty()) {
        let (id, w) = pair.cut(b'=').ok_or(format!("bad weight `{pair}`"))?;
        let ci = concepts
            .iter()
            .position(|c| c.id == id)
            .ok_or(format!("unknown concept `{id}`"))?;
        let w: u32 = number(w).ok_or(format!("bad weight `{pair}`"))?;
        weights.push((ci as u8, w as f32 / 100.0));
    }
    Ok(Need {
        id: f[1],
        label: Text {
            nl: f[2],
            fr: f[3],
            en: f[4],
        },
        terms: Terms {
            nl: f[5],
            fr: f[6],
            en: f[7],
        },
        concepts: Box::leak(weights.into_boxed_slice()),
    })
}

// ---------------------------------------------------------------------------------------------
// The sources file
// ---------------------------------------------------------------------------------------------

/// First line of the sources file.
pub const SOURCES_HEADER: &str = "# hulpkompas sources 2";

/// The kind of a concept's line in the sources file (key: the concept id).
pub const SOURCE_KIND_CONCEPT: &str = "c";
/// The kind of an offer's line in the sources file (key: `concept id/offer id`).
pub const SOURCE_KIND_OFFER: &str = "o";
/// The kind of a first stop's line in the sources file (key: `NIS/first-stop kind/name`).
pub const SOURCE_KIND_FIRST_STOP: &str = "f";
/// The kind of a concept's texts for professionals in the sources file (key: `concept id/how` or
/// `concept id/target`; pairs: language and text).
pub const SOURCE_KIND_TEXT: &str = "t";
/// What separates the parts of a key (ids never contain it: the generator checks).
pub const SOURCE_KEY_SEPARATOR: char = '/';

/// One line of the sources file: what it is about (`kind`, `key`) and its sources as
/// `(date, url)` pairs, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine<'a> {
    /// `c` (a concept), `o` (an offer); see [`encode_sources`] for the reserved kinds.
    pub kind: &'a str,
    /// The id of what the line is about, its parts separated by [`SOURCE_KEY_SEPARATOR`].
    pub key: Cow<'a, str>,
    /// `(date, url)` pairs: the date as the source states it (may be empty), the address.
    pub sources: Vec<(&'a str, &'a str)>,
}

/// The sources file (`hulpkompas-sources.txt`, which the widget fetches when a visitor first
/// opens a fold, "Meer uitleg en bronnen"): a header line, then one line per concept and per
/// offer with its source addresses and their dates, fields separated by [`FETCHED_SEPARATOR`].
///
/// ```text
/// # hulpkompas sources 2
/// kind ^ key ^ date ^ url [^ date ^ url]…
/// c^sociaal-huis^2024-05-01^https://example.org/decreet^onbekend^https://example.org/faq
/// o^overkop/overkop-kortrijk^2025-03^https://example.org/kortrijk
/// ```
/// - `kind` says what the line is about, and how its `key` reads (parts separated by
///   [`SOURCE_KEY_SEPARATOR`]):
///   - `c`: a concept, key `concept id`;
///   - `o`: an offer, key `concept id/offer id` (offer ids are unique only within their concept);
///   - `f`: a first stop (a Sociaal Huis, OCMW, CAW, Huis van het Kind or CPAS), key
///     `municipality NIS/first-stop kind/name` as the answer names it, e.g.
///     `f^71022/caw/CAW Limburg^…` (per municipality: a CAW's sources include the statement of
///     its area; the name may itself contain `/`: the key is compared whole);
///   - `t`: a concept's text for professionals, key `concept id/how` (how to get there) or
///     `concept id/target` (for whom, a list joined by `, `); its pairs are `(language, text)`,
///     e.g. `t^stek/how^nl^Via je huisarts.^fr^Par votre médecin.^en^Through your doctor.`
///     (the widget's first load leaves these texts out: the fold that shows them fetches the file);
///   - any other kind is skipped by the decoder, so an older widget reads a newer file.
/// - then `(date, url)` pairs, in the order the data lists them: each address with the date its
///   source states (`onbekend` when undated, empty when none is given; an offer repeats its one
///   source date). Concept and offer ids, not indices: the file outlives a build.
pub fn encode_sources(lines: &[SourceLine<'_>]) -> String {
    let mut out = format!("{SOURCES_HEADER}\n");
    for l in lines {
        out.push_str(l.kind);
        out.push(FETCHED_SEPARATOR);
        out.push_str(&l.key);
        for (date, url) in &l.sources {
            let _ = write!(out, "{FETCHED_SEPARATOR}{date}{FETCHED_SEPARATOR}{url}");
        }
        out.push('\n');
    }
    out
}

/// Reads the sources file (see [`encode_sources`]). Lines of kinds other than `c`, `o`, `f` and `t`,
/// empty lines and `#` comments are skipped; a known line without a key or with a date and no
/// address is an error. Never panics.
pub fn decode_sources(text: &'static str) -> Result<Vec<SourceLine<'static>>, String> {
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some(SOURCES_HEADER) {
        return Err(format!(
            "not a Hulpkompas sources file (the first line is not `{SOURCES_HEADER}`)"
        ));
    }
    let mut out = Vec::new();
    for (i, line) in lines.enumerate() {
        let mut f = fetched_fields(line);
        let kind = f.next().unwrap_or("");
        if ![
            SOURCE_KIND_CONCEPT,
            SOURCE_KIND_OFFER,
            SOURCE_KIND_FIRST_STOP,
            SOURCE_KIND_TEXT,
        ]
        .contains(&kind)
        {
            continue;
        }
        let key = f.next().unwrap_or("");
        if key.is_empty() {
            return Err(format!("line {}: a `{kind}` line without a key", i + 2));
        }
        let mut sources = Vec::new();
        while let Some(date) = f.next() {
            let url = f
                .next()
                .ok_or(format!("line {}: the date `{date}` has no address", i + 2))?;
            sources.push((date, url));
        }
        out.push(SourceLine {
            kind,
            key: Cow::Borrowed(key),
            sources,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

fn region_code(r: Region) -> char {
    match r {
        Region::Flanders => 'F',
        Region::Brussels => 'B',
        Region::Wallonia => 'W',
    }
}

fn decode_region(s: &str) -> Region {
    match s {
        "F" => Region::Flanders,
        "B" => Region::Brussels,
        _ => Region::Wallonia,
    }
}

/// `[3, 7, MAX, MAX]` → `"3,7"` (`u8::MAX` marks an empty slot).
fn encode_indices(zones: &[u8; MAX_ZONES]) -> String {
    let v: Vec<String> = zones
        .iter()
        .filter(|&&z| z != u8::MAX)
        .map(|z| z.to_string())
        .collect();
    v.join(",")
}

/// `"3,7"` → `[3, 7, MAX, MAX]`.
fn decode_indices(s: &str) -> [u8; MAX_ZONES] {
    let mut out = [u8::MAX; MAX_ZONES];
    let mut filled = 0;
    for z in Parts::new(s, b',') {
        if let (Some(slot), Some(z)) = (out.get_mut(filled), number(z)) {
            *slot = z;
            filled += 1;
        }
    }
    out
}
