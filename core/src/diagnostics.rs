//! Diagnostics: what a lookup understood, corrected or could not use, with a message in each language.
//!
//! Messages are plain and say what to do next. They are the texts the widget and the command-line
//! tool show; nothing else words them.

use crate::model::{Date, Lang, Municipality};

/// How much a diagnostic matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input is no place: the message says what to type.
    Error,
    /// The answer holds, but needs care (outside Flanders, ambiguity, a correction).
    Warning,
    /// Good to know.
    Info,
}

impl Severity {
    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Something the lookup wants to say about the input or the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagnostic {
    /// Nothing typed.
    Empty,
    /// Longer than any postcode or place name.
    TooLong {
        /// The limit in characters.
        max: usize,
    },
    /// Control characters or binary data.
    InvalidCharacters,
    /// Only punctuation or symbols.
    NoLetters,
    /// A number that is not four digits long.
    WrongLength {
        /// How many digits were typed.
        digits: usize,
    },
    /// Four digits, but no Belgian postcode.
    UnknownPostcode {
        /// The number.
        postcode: u16,
    },
    /// A bpost organisation or sorting code: real, but not a place.
    SpecialPostcode {
        /// The code.
        postcode: u16,
        /// Its bpost name.
        name: &'static str,
    },
    /// Letters that match no place.
    UnknownPlace {
        /// The folded input.
        input: String,
    },
    /// One letter from a known name, in a build that does not know every Walloon locality (the
    /// widget): it may be a place we do not know, so the answer asks instead of correcting.
    DidYouMean {
        /// The folded input.
        input: String,
    },
    /// The start of one or more place names: see the candidates.
    Incomplete {
        /// The folded input.
        input: String,
    },
    /// One typo was forgiven.
    Corrected {
        /// What was typed (folded).
        from: String,
        /// The name it was read as.
        to: String,
    },
    /// The name belongs to several municipalities: see the candidates.
    Ambiguous {
        /// How many.
        count: usize,
    },
    /// The name is a municipality, and also a locality elsewhere: see the candidates.
    AlsoElsewhere {
        /// How many other places.
        count: usize,
    },
    /// A postcode with several localities; the main one was taken.
    SeveralLocalities {
        /// The postcode.
        postcode: u16,
        /// Its localities.
        localities: Vec<&'static str>,
    },
    /// "8500 Gent": the name is not a locality of the postcode; the postcode was used.
    NameDoesNotMatchPostcode {
        /// The postcode.
        postcode: u16,
        /// The folded name.
        name: String,
    },
    /// The postcode and the name are two different places ("Gent 8500"): the answer asks which.
    PostcodeAndNameDisagree {
        /// The postcode.
        postcode: u16,
        /// The folded name.
        name: String,
    },
    /// A former municipality, merged.
    Merged {
        /// Former name.
        old_name: &'static str,
        /// The municipality today.
        new: &'static Municipality,
        /// When.
        date: Date,
    },
    /// A postcode shared by several municipalities (1040, 1050).
    SharedPostcode {
        /// The postcode.
        postcode: u16,
        /// The municipalities, the one shown first.
        municipalities: Vec<&'static Municipality>,
    },
    /// The place lies in one of several eerstelijnszones; the street decides (Antwerpen 2000–2060).
    ZoneDependsOnStreet {
        /// The zone names.
        zones: Vec<&'static str>,
    },
    /// A real place in Wallonia or the German-speaking community.
    OutsideFlandersBrussels {
        /// Whether it is in the German-speaking community.
        german_speaking: bool,
    },
    /// The municipality's own Sociaal Huis/OCMW contact is not known: it is not listed as a first
    /// stop, the CAW is.
    FirstStopUnknown {
        /// The municipality.
        municipality: &'static Municipality,
    },
}

impl Diagnostic {
    /// How much it matters.
    pub fn severity(&self) -> Severity {
        use Diagnostic::*;
        match self {
            Empty
            | TooLong { .. }
            | InvalidCharacters
            | NoLetters
            | WrongLength { .. }
            | UnknownPostcode { .. }
            | SpecialPostcode { .. }
            | UnknownPlace { .. } => Severity::Error,
            Incomplete { .. }
            | DidYouMean { .. }
            | Ambiguous { .. }
            | OutsideFlandersBrussels { .. }
            | ZoneDependsOnStreet { .. }
            | SharedPostcode { .. }
            | NameDoesNotMatchPostcode { .. }
            | PostcodeAndNameDisagree { .. }
            | Corrected { .. } => Severity::Warning,
            AlsoElsewhere { .. }
            | SeveralLocalities { .. }
            | Merged { .. }
            | FirstStopUnknown { .. } => Severity::Info,
        }
    }

    /// A stable code for programs (`empty`, `wrong_length`, `outside_flanders_brussels`, …).
    pub fn code(&self) -> &'static str {
        use Diagnostic::*;
        match self {
            Empty => "empty",
            TooLong { .. } => "too_long",
            InvalidCharacters => "invalid_characters",
            NoLetters => "no_letters",
            WrongLength { .. } => "wrong_length",
            UnknownPostcode { .. } => "unknown_postcode",
            SpecialPostcode { .. } => "special_postcode",
            UnknownPlace { .. } => "unknown_place",
            Incomplete { .. } => "incomplete",
            Corrected { .. } => "corrected",
            DidYouMean { .. } => "did_you_mean",
            Ambiguous { .. } => "ambiguous",
            AlsoElsewhere { .. } => "also_elsewhere",
            SeveralLocalities { .. } => "several_localities",
            NameDoesNotMatchPostcode { .. } => "name_does_not_match_postcode",
            PostcodeAndNameDisagree { .. } => "postcode_and_name_disagree",
            Merged { .. } => "merged",
            SharedPostcode { .. } => "shared_postcode",
            ZoneDependsOnStreet { .. } => "zone_depends_on_street",
            OutsideFlandersBrussels { .. } => "outside_flanders_brussels",
            FirstStopUnknown { .. } => "first_stop_unknown",
        }
    }

    /// The message in `lang`: plain, and saying what to do.
    ///
    /// ```
    /// use hulpkompas_core::{Diagnostic, Lang};
    /// let d = Diagnostic::WrongLength { digits: 3 };
    /// assert_eq!(d.message(Lang::Nl), "Een Belgische postcode heeft 4 cijfers. Je typte er 3.");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        use Diagnostic::*;
        let l = lang;
        match self {
            Empty => pick(l, "Typ een postcode of de naam van je gemeente.", "Tapez un code postal ou le nom de votre commune.", "Type a postcode or the name of your municipality."),
            TooLong { max } => match l {
                Lang::Nl => format!("Dat is te lang voor een postcode of plaatsnaam (hoogstens {max} tekens)."),
                Lang::Fr => format!("C'est trop long pour un code postal ou un nom de lieu ({max} caractères au plus)."),
                Lang::En => format!("That is too long for a postcode or place name (at most {max} characters)."),
            },
            InvalidCharacters => pick(l, "Daar staan tekens in die geen postcode of plaatsnaam kunnen zijn.", "Ce texte contient des caractères qui ne peuvent pas être un code postal ou un nom de lieu.", "That contains characters that cannot be a postcode or place name."),
            NoLetters => pick(l, "Typ een postcode (4 cijfers) of een plaatsnaam.", "Tapez un code postal (4 chiffres) ou un nom de lieu.", "Type a postcode (4 digits) or a place name."),
            WrongLength { digits } => match l {
                Lang::Nl => format!("Een Belgische postcode heeft 4 cijfers. Je typte er {digits}."),
                Lang::Fr => format!("Un code postal belge a 4 chiffres. Vous en avez tapé {digits}."),
                Lang::En => format!("A Belgian postcode has 4 digits. You typed {digits}."),
            },
            UnknownPostcode { postcode } => match l {
                Lang::Nl => format!("{postcode:04} is geen Belgische postcode. Kijk de postcode na, of typ de naam van je gemeente."),
                Lang::Fr => format!("{postcode:04} n'est pas un code postal belge. Vérifiez le code, ou tapez le nom de votre commune."),
                Lang::En => format!("{postcode:04} is not a Belgian postcode. Check it, or type the name of your municipality."),
            },
            SpecialPostcode { postcode, name } => match l {
                Lang::Nl => format!("{postcode:04} ({name}) is een postcode van een organisatie, geen woonplaats. Typ de postcode van de plaats waar je woont."),
                Lang::Fr => format!("{postcode:04} ({name}) est le code postal d'une organisation, pas d'un lieu de résidence. Tapez le code postal de l'endroit où vous habitez."),
                Lang::En => format!("{postcode:04} ({name}) is an organisation's postcode, not a place where people live. Type the postcode of where you live."),
            },
            UnknownPlace { input } => match l {
                Lang::Nl => format!("We vinden geen plaats met de naam “{input}”. Kijk de schrijfwijze na, of typ de postcode."),
                Lang::Fr => format!("Nous ne trouvons pas de lieu appelé « {input} ». Vérifiez l'orthographe, ou tapez le code postal."),
                Lang::En => format!("We cannot find a place called “{input}”. Check the spelling, or type the postcode."),
            },
            DidYouMean { input } => match l {
                Lang::Nl => format!("We kennen “{input}” niet. Bedoel je een van deze plaatsen? Zo niet, typ de postcode."),
                Lang::Fr => format!("Nous ne connaissons pas « {input} ». Voulez-vous dire l'un de ces lieux ? Sinon, tapez le code postal."),
                Lang::En => format!("We do not know “{input}”. Do you mean one of these places? If not, type the postcode."),
            },
            Incomplete { input } => match l {
                Lang::Nl => format!("Bedoel je een van deze plaatsen? (“{input}” is nog geen volledige naam.)"),
                Lang::Fr => format!("Voulez-vous dire l'un de ces lieux ? (« {input} » n'est pas encore un nom complet.)"),
                Lang::En => format!("Do you mean one of these places? (“{input}” is not a full name yet.)"),
            },
            Corrected { from, to } => match l {
                Lang::Nl => format!("We lezen “{from}” als {to}."),
                Lang::Fr => format!("Nous lisons « {from} » comme {to}."),
                Lang::En => format!("We read “{from}” as {to}."),
            },
            Ambiguous { count } => match l {
                Lang::Nl => format!("Die naam past bij {count} plaatsen. Kies de juiste, of typ de postcode."),
                Lang::Fr => format!("Ce nom correspond à {count} lieux. Choisissez le bon, ou tapez le code postal."),
                Lang::En => format!("That name fits {count} places. Pick the right one, or type the postcode."),
            },
            AlsoElsewhere { count } => match l {
                Lang::Nl => format!("Er is ook een deelgemeente met die naam elders ({count}). Bedoel je een andere plaats? Typ dan de postcode."),
                Lang::Fr => format!("Une localité porte aussi ce nom ailleurs ({count}). Vous pensez à un autre endroit ? Tapez le code postal."),
                Lang::En => format!("A locality elsewhere has the same name ({count}). Did you mean another place? Then type the postcode."),
            },
            SeveralLocalities { postcode, localities } => match l {
                Lang::Nl => format!("Postcode {postcode:04} hoort bij {}.", localities.join(", ")),
                Lang::Fr => format!("Le code postal {postcode:04} couvre {}.", localities.join(", ")),
                Lang::En => format!("Postcode {postcode:04} covers {}.", localities.join(", ")),
            },
            NameDoesNotMatchPostcode { postcode, name } => match l {
                Lang::Nl => format!("“{name}” ligt niet in postcode {postcode:04}. We tonen het antwoord voor {postcode:04}."),
                Lang::Fr => format!("« {name} » ne correspond pas au code postal {postcode:04}. Nous affichons la réponse pour {postcode:04}."),
                Lang::En => format!("“{name}” is not in postcode {postcode:04}. We show the answer for {postcode:04}."),
            },
            PostcodeAndNameDisagree { postcode, name } => match l {
                Lang::Nl => format!("Postcode {postcode:04} en “{name}” zijn twee verschillende plaatsen. Kies de plaats die je bedoelt."),
                Lang::Fr => format!("Le code postal {postcode:04} et « {name} » sont deux lieux différents. Choisissez celui que vous voulez dire."),
                Lang::En => format!("Postcode {postcode:04} and “{name}” are two different places. Choose the one you mean."),
            },
            Merged { old_name, new, date } => {
                let d = date_text(*date, l);
                let new_name = new.name(l);
                match l {
                    Lang::Nl => format!("{old_name} is sinds {d} een deel van de gemeente {new_name}."),
                    Lang::Fr => format!("Depuis le {d}, {old_name} fait partie de la commune de {new_name}."),
                    Lang::En => format!("Since {d}, {old_name} has been part of the municipality of {new_name}."),
                }
            }
            SharedPostcode { postcode, municipalities } => {
                let names: Vec<&str> = municipalities.iter().map(|m| m.name(l)).collect();
                match l {
                    Lang::Nl => format!("Postcode {postcode:04} ligt deels in {}: de straat beslist. We tonen {}.", names.join(" en "), names[0]),
                    Lang::Fr => format!("Le code postal {postcode:04} s'étend sur {} : la rue décide. Nous affichons {}.", names.join(" et "), names[0]),
                    Lang::En => format!("Postcode {postcode:04} lies partly in {}: the street decides. We show {}.", names.join(" and "), names[0]),
                }
            }
            ZoneDependsOnStreet { zones } => match l {
                Lang::Nl => format!("Deze plaats ligt in een van {} eerstelijnszones ({}): de straat beslist.", zones.len(), zones.join(", ")),
                Lang::Fr => format!("Ce lieu se trouve dans l'une de {} zones de première ligne ({}) : la rue décide.", zones.len(), zones.join(", ")),
                Lang::En => format!("This place lies in one of {} primary care zones ({}): the street decides.", zones.len(), zones.join(", ")),
            },
            OutsideFlandersBrussels { german_speaking } => match (l, german_speaking) {
                (Lang::Nl, false) => "Deze plaats ligt in Wallonië. De meeste van deze Vlaamse en Brusselse diensten werken daar niet; wat federaal geregeld is, wel. Voor hulp: het OCMW (CPAS) van je gemeente.".into(),
                (Lang::Nl, true) => "Deze plaats ligt in de Duitstalige Gemeenschap. De meeste van deze Vlaamse en Brusselse diensten werken daar niet; wat federaal geregeld is, wel. Voor hulp: het OCMW (ÖSHZ) van je gemeente.".into(),
                (Lang::Fr, false) => "Ce lieu se trouve en Wallonie. La plupart de ces services flamands et bruxellois n'y sont pas actifs ; ceux qui relèvent du fédéral, oui. Pour de l'aide : le CPAS de votre commune.".into(),
                (Lang::Fr, true) => "Ce lieu se trouve en Communauté germanophone. La plupart de ces services flamands et bruxellois n'y sont pas actifs ; ceux qui relèvent du fédéral, oui. Pour de l'aide : le CPAS (ÖSHZ) de votre commune.".into(),
                (Lang::En, false) => "This place is in Wallonia. Most of these Flemish and Brussels services do not work there; those set up by federal law do. For help: the CPAS (public social welfare centre) of your municipality.".into(),
                (Lang::En, true) => "This place is in the German-speaking Community. Most of these Flemish and Brussels services do not work there; those set up by federal law do. For help: the ÖSHZ (public social welfare centre) of your municipality.".into(),
            },
            FirstStopUnknown { municipality } => {
                let m = municipality.name(l);
                let brussels = municipality.region == crate::model::Region::Brussels;
                match (l, brussels) {
                    (Lang::Nl, false) => format!("We kennen het adres en telefoonnummer van het Sociaal Huis van {m} nog niet. Het CAW helpt je ook verder."),
                    (Lang::Nl, true) => format!("We kennen het adres en telefoonnummer van het OCMW van {m} nog niet. Het CAW helpt je ook verder."),
                    (Lang::Fr, false) => format!("Nous ne connaissons pas encore l'adresse ni le numéro de téléphone du Sociaal Huis (CPAS) de {m}. Le CAW peut aussi vous aider."),
                    (Lang::Fr, true) => format!("Nous ne connaissons pas encore l'adresse ni le numéro de téléphone du CPAS de {m}. Le CAW peut aussi vous aider."),
                    (Lang::En, false) => format!("We do not know the address and phone number of the Sociaal Huis of {m} yet. The CAW can help you too."),
                    (Lang::En, true) => format!("We do not know the address and phone number of the OCMW/CPAS of {m} yet. The CAW can help you too."),
                }
            }
        }
    }
}

fn pick(lang: Lang, nl: &str, fr: &str, en: &str) -> String {
    match lang {
        Lang::Nl => nl,
        Lang::Fr => fr,
        Lang::En => en,
    }
    .to_string()
}

/// A date in words: `1 januari 2025`, `1 janvier 2025`, `1 January 2025`.
pub fn date_text(d: Date, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = (d.month.clamp(1, 12) - 1) as usize;
    let month = match lang {
        Lang::Nl => NL[m],
        Lang::Fr => FR[m],
        Lang::En => EN[m],
    };
    format!("{} {month} {}", d.day, d.year)
}
