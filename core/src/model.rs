//! The domain model: places, areas, concepts and offers.
//!
//! Everything here is plain data (the first layer: it imports nothing of the crate, and the data
//! generator compiles this file in too). The built-in dataset is compiled into static tables by `build.rs`;
//! a second layer of offers supplied at run time uses the same [`Offer`] type (its fields are
//! [`Cow`]s, borrowed for built-in data and owned for a layer).

use crate::text::{number, SplitAscii};
use std::borrow::Cow;
use std::fmt;

/// A language Hulpkompas speaks. Dutch is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Nederlands.
    #[default]
    Nl,
    /// Français.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// All languages, in the order texts are stored.
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::Fr, Lang::En];

    /// The BCP 47 code: `nl`, `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses `nl`, `fr` or `en` (case and surrounding spaces forgiven, `nl-BE` accepted).
    ///
    /// ```
    /// use hulpkompas_core::Lang;
    /// assert_eq!(Lang::parse(" FR-be"), Some(Lang::Fr));
    /// assert_eq!(Lang::parse("de"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in the three languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// Dutch.
    pub nl: &'static str,
    /// French.
    pub fr: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// A list of short phrases in the three languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextList {
    /// Dutch.
    pub nl: &'static [&'static str],
    /// French.
    pub fr: &'static [&'static str],
    /// English.
    pub en: &'static [&'static str],
}

impl TextList {
    /// The phrases in `lang`.
    pub fn get(&self, lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::Nl => self.nl,
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// A calendar date (no time zone: the data speaks in dates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    ///
    /// ```
    /// use hulpkompas_core::Date;
    /// let d = Date::parse("2024-02-29").unwrap();
    /// assert_eq!((d.year, d.month, d.day), (2024, 2, 29));
    /// assert!(Date::parse("2024-13-01").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let year: u16 = number(it.next()?)?;
        let month: u8 = number(it.next()?)?;
        let day: u8 = number(it.next()?)?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A Belgian region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    /// Vlaams Gewest.
    Flanders,
    /// Brussels Hoofdstedelijk Gewest.
    Brussels,
    /// Waals Gewest (includes the German-speaking community).
    Wallonia,
}

impl Region {
    /// Stable id: `flanders`, `brussels`, `wallonia`.
    pub fn id(self) -> &'static str {
        match self {
            Region::Flanders => "flanders",
            Region::Brussels => "brussels",
            Region::Wallonia => "wallonia",
        }
    }

    /// The region's name.
    pub fn name(self) -> Text {
        match self {
            Region::Flanders => Text {
                nl: "Vlaanderen",
                fr: "Flandre",
                en: "Flanders",
            },
            Region::Brussels => Text {
                nl: "Brussels Hoofdstedelijk Gewest",
                fr: "Région de Bruxelles-Capitale",
                en: "Brussels-Capital Region",
            },
            Region::Wallonia => Text {
                nl: "Wallonië",
                fr: "Wallonie",
                en: "Wallonia",
            },
        }
    }
}

/// A province (Brussels has none).
#[derive(Debug, PartialEq, Eq)]
pub struct Province {
    /// NIS code, e.g. `30000` for West-Vlaanderen.
    pub nis: &'static str,
    /// Dutch name.
    pub name_nl: &'static str,
    /// French name.
    pub name_fr: &'static str,
}

/// An administrative arrondissement.
#[derive(Debug, PartialEq, Eq)]
pub struct Arrondissement {
    /// NIS code, e.g. `34000` for Kortrijk.
    pub nis: &'static str,
    /// Dutch name (empty where no clean source gives one).
    pub name_nl: &'static str,
    /// French name.
    pub name_fr: &'static str,
}

/// A judicial arrondissement (gerechtelijk arrondissement), after the 2025 mergers.
#[derive(Debug, PartialEq, Eq)]
pub struct JudicialArrondissement {
    /// Stable id, e.g. `west-vlaanderen`.
    pub id: &'static str,
    /// Dutch name.
    pub name_nl: &'static str,
    /// French name.
    pub name_fr: &'static str,
}

/// An eerstelijnszone (primary-care zone), with its zorgraad where known.
#[derive(Debug, PartialEq, Eq)]
pub struct Zone {
    /// Stable id: the zone name in lower case, other characters folded to `-` (e.g. `westkust-polder`).
    pub id: &'static str,
    /// The zone's name as the provinces' statistics service writes it (e.g. `Kortrijk-Kuurne-Harelbeke`).
    pub name: &'static str,
    /// The zorgraad's name as a source states it, if known with at least medium confidence.
    pub zorgraad: Option<&'static str>,
    /// The zorgraad's website, if a source gives one (one absolute URL).
    pub website: Option<&'static str>,
    /// The zorgraad's e-mail address, if a source gives one.
    pub email: Option<&'static str>,
    /// Where the zorgraad name comes from (`None` without the `sources` feature).
    pub zorgraad_source: Option<&'static str>,
}

/// A municipality as of 1 January 2025.
#[derive(Debug, PartialEq, Eq)]
pub struct Municipality {
    /// NIS (REFNIS) code, 5 digits.
    pub nis: &'static str,
    /// Dutch name.
    pub name_nl: &'static str,
    /// French name.
    pub name_fr: &'static str,
    /// The name English answers use: the French name of a Walloon place, the Dutch name of a
    /// Flemish one, or a well-known English exonym (`geo/exonyms.csv`: Antwerp, Ghent, …).
    pub name_en: &'static str,
    /// Region.
    pub region: Region,
    /// Index into the province table, if any.
    pub(crate) province: Option<u8>,
    /// Index into the arrondissement table.
    pub(crate) arrondissement: u8,
    /// Index into the judicial arrondissement table.
    pub(crate) judicial: u8,
    /// Indices into the zone table (`u8::MAX`: none): one zone, or several where the street
    /// decides (Antwerpen).
    pub(crate) zones: [u8; 4],
}

impl Municipality {
    /// The name in `lang`: Dutch, French, or the English name (see [`Municipality::name_en`]).
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.name_nl,
            Lang::Fr => self.name_fr,
            Lang::En => self.name_en,
        }
    }

    /// The English name when no exonym is known: French in Wallonia, Dutch elsewhere.
    pub fn default_name_en(
        name_nl: &'static str,
        name_fr: &'static str,
        region: Region,
    ) -> &'static str {
        match region {
            Region::Wallonia => name_fr,
            _ => name_nl,
        }
    }
}

/// One bpost locality: a (postcode, place name) pair.
#[derive(Debug, PartialEq, Eq)]
pub struct Locality {
    /// The 4-digit postcode.
    pub postcode: u16,
    /// The bpost place name (deelgemeente or municipality).
    pub name: &'static str,
    /// Whether the locality carries the municipality's own name.
    pub main: bool,
    /// Index of the municipality bpost assigns it to.
    pub(crate) municipality: u16,
    /// Another municipality the postcode touches (only 1040 and 1050: the street decides).
    pub(crate) also: Option<u16>,
    /// For Antwerp postcodes: the zones the locality lies in, where known (`u8::MAX`: none; then the
    /// municipality's zones apply).
    pub(crate) zones: [u8; 4],
}

/// A bpost organisation or sorting code: a real code, but not a place.
#[derive(Debug, PartialEq, Eq)]
pub struct SpecialPostcode {
    /// The postcode.
    pub postcode: u16,
    /// Its bpost name, e.g. `Sinterklaas`.
    pub name: &'static str,
}

/// A former municipality and what it became.
#[derive(Debug, PartialEq, Eq)]
pub struct Merger {
    /// The former NIS code.
    pub old_nis: &'static str,
    /// The former name.
    pub old_name: &'static str,
    /// Index of the successor municipality.
    pub(crate) new: u16,
    /// When the change took effect.
    pub date: Date,
    /// Whether it was a real merger (as opposed to a recode of the same municipality).
    pub is_merger: bool,
}

/// Where a concept exists at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Only in the Flemish Region.
    Flanders,
    /// In Flanders and in Brussels.
    FlandersBrussels,
    /// In all of Belgium (federal law).
    Belgium,
}

impl Scope {
    /// Whether the scope covers `region`.
    pub fn covers(self, region: Region) -> bool {
        match self {
            Scope::Flanders => region == Region::Flanders,
            Scope::FlandersBrussels => region != Region::Wallonia,
            Scope::Belgium => true,
        }
    }

    /// Stable id as in the data files.
    pub fn id(self) -> &'static str {
        match self {
            Scope::Flanders => "flanders",
            Scope::FlandersBrussels => "flanders_brussels",
            Scope::Belgium => "belgium",
        }
    }
}

/// How we know a concept is present in a municipality of its scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// By law or decree in every municipality of the given scope.
    Everywhere(Scope),
    /// Only where a listed offer serves the place; elsewhere unknown (not absent).
    Listed,
}

/// A concept's status over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Structural, anchored in law or decree or lasting funding.
    Structural,
    /// A pilot or project, funded until a date.
    Project {
        /// Last day of the funding as the sources state it.
        until: Date,
    },
    /// Ended on a date; what came after is not known.
    Ended {
        /// Last day.
        until: Date,
    },
}

impl Status {
    /// Whether the concept is a current offer on `today`.
    pub fn is_current(self, today: Date) -> bool {
        match self {
            Status::Structural => true,
            // An ended project was current until its last day (for answers as of an earlier date).
            Status::Project { until } | Status::Ended { until } => today <= until,
        }
    }

    /// The end date, if any.
    pub fn until(self) -> Option<Date> {
        match self {
            Status::Structural => None,
            Status::Project { until } | Status::Ended { until } => Some(until),
        }
    }
}

/// What a citizen can do with a concept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// Walk in without an appointment.
    WalkIn,
    /// Call.
    Call,
    /// Online: chat, mail or a website.
    Online,
    /// Make an appointment.
    Appointment,
    /// Only through a professional (a doctor, the police, a social worker).
    ViaProfessional,
    /// No service for citizens: a network of professionals behind the scenes.
    None,
}

impl Access {
    /// Stable id as in the data files.
    pub fn id(self) -> &'static str {
        match self {
            Access::WalkIn => "walk_in",
            Access::Call => "call",
            Access::Online => "online",
            Access::Appointment => "appointment",
            Access::ViaProfessional => "via_professional",
            Access::None => "none",
        }
    }
}

/// A source with its date.
#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    /// The address of the page or document.
    pub url: &'static str,
    /// The date as the source states it (`onbekend` when undated).
    pub date: &'static str,
    /// What Hulpkompas took from it.
    pub used_for: &'static str,
}

/// One of the integrated concepts of the first line.
#[derive(Debug, PartialEq, Eq)]
pub struct Concept {
    /// The stable id, e.g. `overkop`.
    pub id: &'static str,
    /// Name.
    pub name: Text,
    /// Short name or abbreviation (may be empty).
    pub abbreviation: &'static str,
    /// Other names people or professionals use.
    pub aliases: &'static [&'static str],
    /// What it does, one plain sentence.
    pub summary: Text,
    /// How to get there, one or two plain sentences.
    pub how: Text,
    /// For whom.
    pub target: TextList,
    /// Where the concept exists at all.
    pub scope: Scope,
    /// How presence in a municipality is known.
    pub coverage: Coverage,
    /// Status over time.
    pub status: Status,
    /// What a citizen can do.
    pub access: &'static [Access],
    /// Whether a citizen can use it at all (false: a partnership, a consultation or a method of
    /// professionals behind the scenes — LIVC-R, the eerstelijnszones). Such a concept is never
    /// counted among the services that work for you.
    pub for_citizens: bool,
    /// Websites about the concept.
    pub websites: &'static [&'static str],
    /// The scale it works at (Dutch).
    pub scale: &'static str,
    /// The responsible policy domain (Dutch).
    pub policy_domain: &'static str,
    /// Legal basis (Dutch).
    pub legal_basis: &'static str,
    /// Sources with dates (empty without the `sources` feature: see `Sources`).
    pub sources: &'static [Source],
}

/// An area an offer serves or a place lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AreaRef {
    /// A municipality (index).
    Municipality(u16),
    /// A province (index).
    Province(u8),
    /// A region.
    Region(Region),
    /// An eerstelijnszone (index).
    Zone(u8),
    /// A judicial arrondissement (index).
    Judicial(u8),
    /// An administrative arrondissement (index).
    Arrondissement(u8),
}

/// How sure we are that an offer serves an area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// A source names this area.
    Confirmed,
    /// Follows from a stated rule (e.g. one network per province).
    Derived,
    /// Present everywhere by law or decree.
    ByLaw,
    /// A lead of the research (older than 2020, or ambiguous): shown only with the words of
    /// [`Confidence::caveat`], and never what makes a concept "work here".
    Unconfirmed,
}

impl Confidence {
    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Derived => "derived",
            Confidence::ByLaw => "by_law",
            Confidence::Unconfirmed => "unconfirmed",
        }
    }

    /// The words an unconfirmed fact is shown with (`core/data/local/README.md`).
    pub fn caveat(self, lang: Lang) -> Option<&'static str> {
        (self == Confidence::Unconfirmed).then_some(match lang {
            Lang::Nl => "niet recent bevestigd: kijk dit na voor je gaat",
            Lang::Fr => "non confirmé récemment : vérifiez avant de vous déplacer",
            Lang::En => "not recently confirmed: check before you go",
        })
    }
}

/// An offer's own status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfferStatus {
    /// Working.
    Active,
    /// A project, funded until a date.
    Project(Option<Date>),
    /// Ended on a date.
    Ended(Option<Date>),
    /// Takes no new cases, as of a month (the source's): not a current offer.
    NoNewCases(Option<Date>),
}

/// For whom an offer is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Audience {
    /// People can use it (maybe through a professional).
    #[default]
    Citizens,
    /// A network or consultation of professionals: it does not make a concept "work here" for
    /// citizens.
    Professionals,
}

impl Audience {
    /// Stable id: `citizens`, `professionals`.
    pub fn id(self) -> &'static str {
        match self {
            Audience::Citizens => "citizens",
            Audience::Professionals => "professionals",
        }
    }
}

impl OfferStatus {
    /// Whether the offer is current on `today`.
    pub fn is_current(self, today: Date) -> bool {
        match self {
            OfferStatus::Active => true,
            // No end date stated: current (the source gives none; Hulpkompas does not invent one).
            OfferStatus::Project(until) => until.is_none_or(|u| today <= u),
            OfferStatus::Ended(until) => until.is_some_and(|u| today <= u),
            OfferStatus::NoNewCases(_) => false,
        }
    }
}

/// A concrete local instance of a concept: an OverKop-huis, a Veilig Huis, a GGZ network, …
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// Stable id, unique within its concept.
    pub id: Cow<'static, str>,
    /// Index of its concept.
    pub(crate) concept: u8,
    /// The name as the source states it.
    pub name: Cow<'static, str>,
    /// Address, if a source gives it.
    pub address: Option<Cow<'static, str>>,
    /// Phone, if a source gives it.
    pub phone: Option<Cow<'static, str>>,
    /// E-mail, if a source gives it.
    pub email: Option<Cow<'static, str>>,
    /// Website, if a source gives it.
    pub website: Option<Cow<'static, str>>,
    /// The areas it serves.
    pub serves: Cow<'static, [AreaRef]>,
    /// How sure we are.
    pub confidence: Confidence,
    /// Its status.
    pub status: OfferStatus,
    /// For whom it is.
    pub audience: Audience,
    /// Source addresses (empty for built-in offers without the `sources` feature: see `Sources`).
    pub sources: Cow<'static, [Cow<'static, str>]>,
    /// The date of the source, as stated.
    pub source_date: Cow<'static, str>,
    /// A short note for professionals (Dutch).
    pub note: Option<Cow<'static, str>>,
    /// Opening hours in the machine format (see [`OpeningHours::parse`]); only an organisation's
    /// own layer gives them for now.
    pub hours: Option<Cow<'static, str>>,
    /// Who gave these facts, for an organisation's own layer ("OCMW Gent"); `None` for built-in data.
    pub provider: Option<Cow<'static, str>>,
}

impl Offer {
    /// Its opening hours for the week in `lang` ("ma–vr 09:00–12:00"), where it has them.
    pub fn hours_in(&self, lang: Lang) -> Option<String> {
        let h = OpeningHours::parse(self.hours.as_deref()?).ok()?;
        Some(
            h.iter()
                .map(|p| p.describe(lang))
                .collect::<Vec<_>>()
                .join("; "),
        )
    }

    /// Who gave these facts, for an organisation's own layer: "gegevens van OCMW Gent, 2026-11-30".
    pub fn provided_by(&self, lang: Lang) -> Option<String> {
        Some(provided_by(
            self.provider.as_deref()?,
            &self.source_date,
            lang,
        ))
    }
}

/// "gegevens van OCMW Gent, 2026-11-30" (without the date when it is `undated` or empty).
///
/// ```
/// use hulpkompas_core::{model::provided_by, Lang};
/// assert_eq!(provided_by("OCMW Gent", "2026-11-30", Lang::Nl), "gegevens van OCMW Gent, 2026-11-30");
/// assert_eq!(provided_by("OCMW Gent", "undated", Lang::Fr), "données fournies par OCMW Gent");
/// assert_eq!(provided_by("OCMW Gent", "", Lang::En), "data from OCMW Gent");
/// ```
pub fn provided_by(provider: &str, date: &str, lang: Lang) -> String {
    let by = match lang {
        Lang::Nl => "gegevens van",
        Lang::Fr => "données fournies par",
        Lang::En => "data from",
    };
    match date {
        "" | "undated" => format!("{by} {provider}"),
        d => format!("{by} {provider}, {d}"),
    }
}

/// A life situation or need from the vocabulary.
#[derive(Debug, PartialEq)]
pub struct Need {
    /// Stable id, e.g. `schulden`.
    pub id: &'static str,
    /// Its label, e.g. "Schulden en geldzorgen".
    pub label: Text,
    /// The words and phrases that point to it.
    pub terms: Terms,
    /// Concept index and weight (0–1).
    pub(crate) concepts: &'static [(u8, f32)],
}

/// A need's words and phrases per language (stored joined by `|`).
#[derive(Debug, PartialEq, Eq)]
pub struct Terms {
    /// Dutch.
    pub nl: &'static str,
    /// French.
    pub fr: &'static str,
    /// English.
    pub en: &'static str,
}

impl Terms {
    /// What separates the phrases of one language (a phrase never contains it).
    pub const SEPARATOR: char = '|';

    /// The phrases in `lang`.
    pub fn get(&self, lang: Lang) -> impl Iterator<Item = &'static str> {
        let s = match lang {
            Lang::Nl => self.nl,
            Lang::Fr => self.fr,
            Lang::En => self.en,
        };
        s.parts(Self::SEPARATOR as u8)
            .filter(|t| !t.trim().is_empty())
    }
}

/// Where a term comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TermSource {
    /// A need of the vocabulary.
    Need(&'static Need),
    /// A concept's own name, abbreviation or alias.
    ConceptName(&'static Concept),
}

/// A phone line to call now: an emergency number or a help line (`core/data/urgent/lines.csv`).
#[derive(Debug, PartialEq, Eq)]
pub struct HelpLine {
    /// The number to dial, as people write it (`1813`, `0800 32 123`).
    pub number: &'static str,
    /// The language the line answers in: `None` for every language (112, 101).
    pub lang: Option<Lang>,
    /// Its name.
    pub name: Text,
    /// What it is for, in one or two plain sentences.
    pub what_for: Text,
    /// When it answers.
    pub hours: Text,
    /// The address of its chat, if it has one.
    pub chat: Option<&'static str>,
    /// Its website.
    pub website: Option<&'static str>,
    /// Source addresses (empty without the `sources` feature).
    pub sources: &'static [&'static str],
    /// The date of the latest source, as stated.
    pub source_date: &'static str,
}

impl HelpLine {
    /// The number for a `tel:` link: digits only (`0800 32 123` → `080032123`).
    pub fn dial(&self) -> String {
        self.number.chars().filter(char::is_ascii_digit).collect()
    }
}

/// A signal of danger in what a person types, and the lines to show for it
/// (`core/data/urgent/signals.toml`).
///
/// Stored compactly (every byte counts in the widget): per language one string of phrases
/// separated by `|`, the folded words of a phrase by spaces, and the numbers to show separated
/// by `|`.
#[derive(Debug, PartialEq, Eq)]
pub struct Signal {
    /// Stable id (`suicide`, `violence`, …).
    pub id: &'static str,
    /// Whether the answer offers a quick exit from the page (violence, abuse, acute danger).
    pub quick_exit: bool,
    /// The numbers to show, in order, when the phrase that matched is Dutch, French, English.
    pub lines: [&'static str; 3],
    /// The phrases per language (Dutch, French, English); a word starting with `=` must be typed
    /// exactly.
    pub phrases: [&'static str; 3],
}

impl Signal {
    /// What separates phrases, and numbers.
    pub const SEPARATOR: char = '|';

    /// The numbers to show when the matching phrase was in `lang`.
    pub fn lines(&self, lang: Lang) -> impl Iterator<Item = &'static str> {
        self.lines[lang as usize]
            .parts(Self::SEPARATOR as u8)
            .filter(|n| !n.is_empty())
    }

    /// The phrases in `lang`, each as its words separated by single spaces.
    pub fn phrases(&self, lang: Lang) -> impl Iterator<Item = &'static str> {
        self.phrases[lang as usize]
            .parts(Self::SEPARATOR as u8)
            .filter(|p| !p.is_empty())
    }
}

// ---------------------------------------------------------------------------------------------
// First stops (issue 10): where a person goes first, per municipality
// ---------------------------------------------------------------------------------------------

/// What kind of place a [`FirstStop`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FirstStopKind {
    /// The municipality's Sociaal Huis (Flanders).
    SociaalHuis,
    /// The municipality's OCMW social service (Flanders; in Brussels the OCMW/CPAS).
    Ocmw,
    /// The Centrum Algemeen Welzijnswerk that serves the municipality (or the CAWs' common site).
    Caw,
    /// The municipality's Huis van het Kind.
    HuisVanHetKind,
    /// The municipality's CPAS/OCMW in Wallonia and the German-speaking Community.
    Cpas,
}

impl FirstStopKind {
    /// Stable id: `sociaal_huis`, `ocmw`, `caw`, `huis_van_het_kind`, `cpas`.
    pub fn id(self) -> &'static str {
        match self {
            FirstStopKind::SociaalHuis => "sociaal_huis",
            FirstStopKind::Ocmw => "ocmw",
            FirstStopKind::Caw => "caw",
            FirstStopKind::HuisVanHetKind => "huis_van_het_kind",
            FirstStopKind::Cpas => "cpas",
        }
    }

    /// Every kind, in the order of [`FirstStopKind::id`].
    pub const ALL: [FirstStopKind; 5] = [
        FirstStopKind::SociaalHuis,
        FirstStopKind::Ocmw,
        FirstStopKind::Caw,
        FirstStopKind::HuisVanHetKind,
        FirstStopKind::Cpas,
    ];

    /// The kind with this stable id.
    ///
    /// ```
    /// use hulpkompas_core::FirstStopKind;
    /// assert_eq!(FirstStopKind::parse("caw"), Some(FirstStopKind::Caw));
    /// assert_eq!(FirstStopKind::parse("CAW"), None);
    /// ```
    pub fn parse(id: &str) -> Option<FirstStopKind> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The concept (by id) this kind of first stop is an instance of, if it is one: a card about
    /// that concept never sends the person to it (never circular).
    pub fn concept_id(self) -> Option<&'static str> {
        match self {
            FirstStopKind::SociaalHuis | FirstStopKind::Ocmw | FirstStopKind::Cpas => {
                Some("sociaal-huis")
            }
            FirstStopKind::HuisVanHetKind => Some("huizen-van-het-kind"),
            FirstStopKind::Caw => None,
        }
    }
}

/// How recent and direct the source of a first stop's facts is (see `core/data/local/README.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactConfidence {
    /// The organisation's own page, 2020 or later (or undated but current).
    High,
    /// News or a secondary page, 2020 or later.
    Medium,
    /// Older than 2020, or ambiguous: shown as "niet recent bevestigd: kijk dit na voor je gaat".
    Low,
}

impl FactConfidence {
    /// Stable id: `high`, `medium`, `low`.
    pub fn id(self) -> &'static str {
        match self {
            FactConfidence::High => "high",
            FactConfidence::Medium => "medium",
            FactConfidence::Low => "low",
        }
    }

    /// Parses `high`, `medium` or `low`.
    pub fn parse(s: &str) -> Option<FactConfidence> {
        match s {
            "high" => Some(FactConfidence::High),
            "medium" => Some(FactConfidence::Medium),
            "low" => Some(FactConfidence::Low),
            _ => None,
        }
    }

    /// The label shown with low facts; `None` for high and medium.
    pub fn warning(self, lang: Lang) -> Option<&'static str> {
        (self == FactConfidence::Low).then_some(match lang {
            Lang::Nl => "niet recent bevestigd: kijk dit na voor je gaat",
            Lang::Fr => "non confirmé récemment : vérifiez avant de vous déplacer",
            Lang::En => "not recently confirmed: check before you go",
        })
    }
}

/// A postal address; any part may be empty where the source does not state it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// Street and number (as stated; sometimes without a number).
    pub street: &'static str,
    /// Postcode (may be empty).
    pub postcode: &'static str,
    /// Town (may be empty).
    pub city: &'static str,
}

impl Address {
    /// The address on one line, leaving out what is empty.
    ///
    /// ```
    /// use hulpkompas_core::Address;
    /// let a = Address { street: "Markt 1", postcode: "8500", city: "Kortrijk" };
    /// assert_eq!(a.line(), "Markt 1, 8500 Kortrijk");
    /// assert_eq!(Address { city: "", ..a }.line(), "Markt 1, 8500");
    /// assert_eq!(Address { postcode: "", city: "", ..a }.line(), "Markt 1");
    /// ```
    pub fn line(&self) -> String {
        let town = [self.postcode, self.city]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        [self.street, town.as_str()]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One opening period: days (bit 0 = Monday … bit 6 = Sunday) and a time span in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    /// Days, bit 0 = Monday.
    pub days: u8,
    /// Opens, minutes after midnight.
    pub from: u16,
    /// Closes, minutes after midnight.
    pub to: u16,
}

const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

impl OpeningHours {
    /// Parses the machine format of the research files: periods separated by `; `, each days
    /// (`MO-FR`, `MO,TH`, `TU`) and a span `09:00-12:00`.
    ///
    /// ```
    /// use hulpkompas_core::{Lang, OpeningHours};
    /// let h = OpeningHours::parse("MO-FR 09:00-12:00; MO,TH 13:30-16:30").unwrap();
    /// assert_eq!(h.len(), 2);
    /// assert_eq!(h[1].days, 0b1001);
    /// assert_eq!(h[0].describe(Lang::Nl), "ma–vr 09:00–12:00");
    /// assert_eq!(h[1].describe(Lang::Fr), "lun, jeu 13:30–16:30");
    /// assert!(OpeningHours::parse("ma-vr 9-12").is_err());
    /// assert!(OpeningHours::parse("MO 12:00-09:00").is_err());
    /// assert!(OpeningHours::parse("FR-MO 09:00-12:00").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Vec<OpeningHours>, String> {
        let mut out = Vec::new();
        for period in s.parts(b';').map(str::trim) {
            let (days, span) = period
                .cut(b' ')
                .ok_or(format!("`{period}` is not `DAYS HH:MM-HH:MM`"))?;
            let mut mask = 0u8;
            for part in days.parts(b',') {
                let day = |d: &str| {
                    DAY_CODES
                        .iter()
                        .position(|c| *c == d)
                        .ok_or(format!("`{d}` is not a day (MO TU WE TH FR SA SU)"))
                };
                match part.cut(b'-') {
                    Some((a, b)) => {
                        let (a, b) = (day(a)?, day(b)?);
                        if a >= b {
                            return Err(format!("`{part}`: the days are not in order"));
                        }
                        (a..=b).for_each(|d| mask |= 1 << d);
                    }
                    None => mask |= 1 << day(part)?,
                }
            }
            let (from, to) = span
                .trim()
                .cut(b'-')
                .ok_or(format!("`{span}` is not `HH:MM-HH:MM`"))?;
            let time = |t: &str| -> Result<u16, String> {
                let bad = || format!("`{t}` is not a time HH:MM");
                let (h, m) = t.cut(b':').ok_or_else(bad)?;
                if h.len() != 2 || m.len() != 2 {
                    return Err(bad());
                }
                let (h, m): (u16, u16) = (number(h).ok_or_else(bad)?, number(m).ok_or_else(bad)?);
                if h > 23 || m > 59 {
                    return Err(bad());
                }
                Ok(h * 60 + m)
            };
            let (from, to) = (time(from)?, time(to)?);
            if from >= to {
                return Err(format!("`{span}`: it closes before it opens"));
            }
            out.push(OpeningHours {
                days: mask,
                from,
                to,
            });
        }
        Ok(out)
    }

    /// The period in words: `ma–vr 09:00–12:00`, `lun–ven 09:00–12:00`, `Mon–Fri 09:00–12:00`.
    pub fn describe(&self, lang: Lang) -> String {
        let names: [&str; 7] = match lang {
            Lang::Nl => ["ma", "di", "wo", "do", "vr", "za", "zo"],
            Lang::Fr => ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"],
            Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        };
        let mut runs: Vec<String> = Vec::new();
        let mut d = 0;
        while d < 7 {
            if self.days & (1 << d) == 0 {
                d += 1;
                continue;
            }
            let start = d;
            while d + 1 < 7 && self.days & (1 << (d + 1)) != 0 {
                d += 1;
            }
            runs.push(match d - start {
                0 => names[start].to_string(),
                1 => format!("{}, {}", names[start], names[d]),
                _ => format!("{}–{}", names[start], names[d]),
            });
            d += 1;
        }
        let t = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        format!("{} {}–{}", runs.join(", "), t(self.from), t(self.to))
    }
}

/// Where a person goes first, concretely: one place with the facts a source states.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstStop {
    /// What kind of place.
    pub kind: FirstStopKind,
    /// Its name (Dutch, or as the source writes it).
    pub name: Cow<'static, str>,
    /// Its French name, where it has one (Brussels, Wallonia).
    pub name_fr: Option<Cow<'static, str>>,
    /// Its address, when a source states one.
    pub address: Option<Address>,
    /// Phone number, as stated.
    pub phone: Option<&'static str>,
    /// E-mail address.
    pub email: Option<&'static str>,
    /// Web page: one absolute URL (normalised at build time).
    pub website: Option<&'static str>,
    /// Chat page, where sourced.
    pub chat: Option<&'static str>,
    /// Opening hours in the machine format, checked at build time (see [`OpeningHours::parse`]).
    pub hours: Option<&'static str>,
    /// The hours in the source's own words, where they are not in the machine format.
    pub hours_text: Option<&'static str>,
    /// How recent and direct the source is.
    pub confidence: FactConfidence,
    /// Source URLs, separated by `" | "` (see [`FirstStop::sources`]).
    pub sources: Cow<'static, str>,
    /// The date of the newest source: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `undated`.
    pub source_date: &'static str,
    /// Who gave these facts, for an organisation's own layer ("OCMW Gent"); `None` for built-in
    /// data. (A layer's strings live as long as its dataset, which is built once: `'static`.)
    pub provider: Option<&'static str>,
}

impl FirstStop {
    /// What separates the source URLs in [`FirstStop::sources`] (as in the research files).
    pub const SOURCE_SEPARATOR: &'static str = " | ";

    /// The source URLs.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.sources
            .split(Self::SOURCE_SEPARATOR)
            .filter(|u| !u.is_empty())
    }

    /// The name in `lang`: in Brussels both names (the one of `lang` first), in Wallonia the French
    /// name except in Dutch.
    pub fn name(&self, lang: Lang) -> String {
        match (&self.name_fr, lang) {
            (None, _) => self.name.to_string(),
            (Some(fr), _) if self.kind == FirstStopKind::Cpas => match lang {
                Lang::Nl => self.name.to_string(),
                _ => fr.to_string(),
            },
            (Some(fr), Lang::Fr) => format!("{fr} / {}", self.name),
            (Some(fr), _) => format!("{} / {fr}", self.name),
        }
    }

    /// The opening hours for a week, in words (`ma–vr 09:00–12:00; ma 18:00–20:00`), or the
    /// source's own words.
    pub fn hours_in(&self, lang: Lang) -> Option<String> {
        match self.hours.map(OpeningHours::parse) {
            Some(Ok(h)) => Some(
                h.iter()
                    .map(|p| p.describe(lang))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            _ => self.hours_text.map(str::to_string),
        }
    }

    /// Who gave these facts, for an organisation's own layer: "gegevens van OCMW Gent, 2026-11-30".
    pub fn provided_by(&self, lang: Lang) -> Option<String> {
        Some(provided_by(self.provider?, self.source_date, lang))
    }

    /// Whether it can be reached: a phone, an address or a web page.
    pub fn is_reachable(&self) -> bool {
        self.phone.is_some() || self.address.is_some() || self.website.is_some()
    }
}

/// A municipality served by a CAW, by the source's statement (`rule` stated or area).
#[derive(Clone, Debug, PartialEq)]
pub struct CawArea {
    /// The municipality (index).
    pub municipality: u16,
    /// The CAW (index into the CAW rows of the first-stop table).
    pub caw: u8,
    /// How recent and direct the area statement is.
    pub confidence: FactConfidence,
    /// Source URLs of the area statement, separated by `" | "`.
    pub sources: &'static str,
    /// The date of the newest source of the area statement.
    pub source_date: &'static str,
}
