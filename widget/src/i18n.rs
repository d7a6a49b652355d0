//! Every string of the widget's own interface, in Dutch, French and English (klare taal).
//! Texts about places, concepts and diagnostics come from the core.

use hulpkompas_core::{Access, Applies, Lang};

/// The interface strings of one language.
pub struct Ui {
    pub place_label: &'static str,
    pub place_hint: &'static str,
    pub need_label: &'static str,
    pub need_hint: &'static str,
    pub chips_label: &'static str,
    pub langs_label: &'static str,
    pub start: &'static str,
    pub did_you_mean: &'static str,
    pub best_matches: &'static str,
    pub more: &'static str,
    pub for_whom: &'static str,
    pub how: &'static str,
    pub sources: &'static str,
    pub data_date: &'static str,
    pub print: &'static str,
    pub handout_title: &'static str,
    pub printed_on: &'static str,
    pub fits: &'static str,
    pub found_through: &'static str,
    pub phone: &'static str,
    pub website: &'static str,
    pub no_address: &'static str,
    pub derived: &'static str,
    pub eerstelijnszone: &'static str,
    pub province: &'static str,
    pub judicial: &'static str,
    pub region: &'static str,
    pub no_results_need: &'static str,
    pub urgent_heading: &'static str,
    pub first_stop_heading: &'static str,
    pub email: &'static str,
    pub hours: &'static str,
    pub call: &'static str,
    pub chat: &'static str,
    pub quick_exit: &'static str,
    pub quick_exit_hint: &'static str,
    pub loading_needs: &'static str,
    pub needs_failed: &'static str,
    pub sources_loading: &'static str,
    pub sources_failed: &'static str,
    /// "Klopt dit niet?": the link to the host's `report` address, and its e-mail's subject (the
    /// service's name follows; the visitor writes what is wrong).
    pub report: &'static str,
    pub report_subject: &'static str,
    pub chips: [(&'static str, &'static str); 6],
}

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Nl => &NL,
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

static NL: Ui = Ui {
    place_label: "Postcode of gemeente",
    place_hint: "Bijvoorbeeld 8500 of Kortrijk.",
    need_label: "Waarvoor zoek je hulp?",
    need_hint: "In je eigen woorden, bijvoorbeeld: schulden, zwanger, geweld thuis.",
    chips_label: "Vaak gezocht",
    langs_label: "Taal",
    start: "Typ een postcode of gemeente om te zien welke hulp er bij jou in de buurt is.",
    did_you_mean: "Bedoel je:",
    best_matches: "Past het best bij je vraag",
    more: "Meer uitleg en bronnen",
    for_whom: "Voor wie",
    how: "Hoe kom je er terecht",
    sources: "Bronnen",
    data_date: "Gegevens van",
    print: "Afdrukken",
    handout_title: "Hulpkompas: waar kan je terecht?",
    printed_on: "Afgedrukt op",
    fits: "Past bij",
    found_through: "Gevonden via",
    phone: "Telefoon",
    website: "Website",
    no_address: "We kennen het adres hier nog niet. Vraag het aan het Sociaal Huis (OCMW) van je gemeente of aan het CAW.",
    derived: "volgens de regel per gebied",
    eerstelijnszone: "Eerstelijnszone",
    province: "Provincie",
    judicial: "Gerechtelijk arrondissement",
    region: "Gewest",
    no_results_need: "We vinden geen dienst die past bij je vraag. Het Sociaal Huis (OCMW) of het CAW helpt je verder.",
    first_stop_heading: "Hier kan je eerst terecht",
    email: "E-mail",
    hours: "Openingsuren",
    urgent_heading: "Hulp nodig, nu? Bel:",
    call: "Bel",
    chat: "Chat",
    quick_exit: "Verlaat deze pagina snel",
    quick_exit_hint: "Deze knop opent meteen een andere website.",
    loading_needs: "Even geduld: we laden de woorden om je vraag te begrijpen.",
    needs_failed: "We kunnen je vraag nu niet lezen. Probeer het zo opnieuw.",
    sources_loading: "Bronnen laden…",
    sources_failed: "De bronnen konden niet laden. Probeer later opnieuw.",
    report: "Klopt dit niet?",
    report_subject: "Hulpkompas: klopt dit niet? ",
    chips: [
        ("Geldzorgen", "schulden"),
        ("Geweld thuis", "geweld thuis"),
        ("Zwanger", "zwanger"),
        ("Geen woning", "dakloos"),
        ("Niet goed in je vel", "niet goed in mijn vel"),
        ("Opvoeding", "opvoeding"),
    ],
};

static FR: Ui = Ui {
    place_label: "Code postal ou commune",
    place_hint: "Par exemple 8500 ou Courtrai.",
    need_label: "Pour quoi cherchez-vous de l'aide ?",
    need_hint: "Avec vos mots, par exemple : dettes, enceinte, violence à la maison.",
    chips_label: "Recherches fréquentes",
    langs_label: "Langue",
    start: "Tapez un code postal ou une commune pour voir l'aide près de chez vous.",
    did_you_mean: "Vous voulez dire :",
    best_matches: "Correspond le mieux à votre question",
    more: "Plus d'explications et sources",
    for_whom: "Pour qui",
    how: "Comment y accéder",
    sources: "Sources",
    data_date: "Données du",
    print: "Imprimer",
    handout_title: "Hulpkompas : où trouver de l'aide ?",
    printed_on: "Imprimé le",
    fits: "Correspond à",
    found_through: "Trouvé via",
    phone: "Téléphone",
    website: "Site web",
    no_address: "Nous ne connaissons pas encore l'adresse ici. Demandez-la au CPAS de votre commune ou au CAW.",
    derived: "selon la règle par territoire",
    eerstelijnszone: "Zone de première ligne",
    province: "Province",
    judicial: "Arrondissement judiciaire",
    region: "Région",
    no_results_need: "Aucun service ne correspond à votre question. Le CPAS ou le CAW vous aidera.",
    first_stop_heading: "Où aller d'abord",
    email: "E-mail",
    hours: "Heures d'ouverture",
    urgent_heading: "Besoin d'aide maintenant ? Appelez :",
    call: "Appeler le",
    chat: "Chat",
    quick_exit: "Quitter vite cette page",
    quick_exit_hint: "Ce bouton ouvre tout de suite un autre site.",
    loading_needs: "Un instant : nous chargeons les mots pour comprendre votre question.",
    needs_failed: "Nous ne pouvons pas lire votre question pour le moment. Réessayez dans un instant.",
    sources_loading: "Chargement des sources…",
    sources_failed: "Les sources n'ont pas pu se charger. Réessayez plus tard.",
    report: "Une erreur ?",
    report_subject: "Hulpkompas : une erreur ? ",
    chips: [
        ("Soucis d'argent", "dettes"),
        ("Violence à la maison", "violence conjugale"),
        ("Enceinte", "enceinte"),
        ("Sans logement", "sans-abri"),
        ("Mal dans sa peau", "mal dans sa peau"),
        ("Éducation", "éducation des enfants"),
    ],
};

static EN: Ui = Ui {
    place_label: "Postcode or municipality",
    place_hint: "For example 8500 or Kortrijk.",
    need_label: "What do you need help with?",
    need_hint: "In your own words, for example: debt, pregnant, violence at home.",
    chips_label: "Often searched",
    langs_label: "Language",
    start: "Type a postcode or municipality to see what help there is near you.",
    did_you_mean: "Did you mean:",
    best_matches: "Best match for your question",
    more: "More explanation and sources",
    for_whom: "For whom",
    how: "How to get there",
    sources: "Sources",
    data_date: "Data of",
    print: "Print",
    handout_title: "Hulpkompas: where to find help",
    printed_on: "Printed on",
    fits: "Fits",
    found_through: "Found through",
    phone: "Phone",
    website: "Website",
    no_address: "We do not know the address here yet. Ask your municipality's Sociaal Huis (OCMW) or the CAW.",
    derived: "by the rule for the area",
    eerstelijnszone: "Primary care zone",
    province: "Province",
    judicial: "Judicial district",
    region: "Region",
    no_results_need: "We found no service for your question. The Sociaal Huis (OCMW) or the CAW will help you further.",
    first_stop_heading: "Where to go first",
    email: "Email",
    hours: "Opening hours",
    urgent_heading: "Need help now? Call:",
    call: "Call",
    chat: "Chat",
    quick_exit: "Leave this page quickly",
    quick_exit_hint: "This button opens another website at once.",
    loading_needs: "One moment: we are loading the words to understand your question.",
    needs_failed: "We cannot read your question right now. Please try again in a moment.",
    sources_loading: "Loading the sources…",
    sources_failed: "The sources could not load. Please try again later.",
    report: "Is this wrong?",
    report_subject: "Hulpkompas: is this wrong? ",
    chips: [
        ("Money worries", "debt"),
        ("Violence at home", "domestic violence"),
        ("Pregnant", "pregnant"),
        ("No home", "homeless"),
        ("Not feeling well", "not feeling well"),
        ("Parenting", "parenting"),
    ],
};

/// The heading of a group of concepts.
pub fn group_heading(applies: Applies, lang: Lang) -> &'static str {
    match (applies, lang) {
        (Applies::Yes, Lang::Nl) => "Werkt bij jou",
        (Applies::Yes, Lang::Fr) => "Actif chez vous",
        (Applies::Yes, Lang::En) => "Works where you live",
        (Applies::Unknown, Lang::Nl) => "Misschien bij jou: nog niet gekend",
        (Applies::Unknown, Lang::Fr) => "Peut-être chez vous : pas encore connu",
        (Applies::Unknown, Lang::En) => "Maybe where you live: not known yet",
        (Applies::Ended, Lang::Nl) => "Afgelopen projecten",
        (Applies::Ended, Lang::Fr) => "Projets terminés",
        (Applies::Ended, Lang::En) => "Ended projects",
        (Applies::No, Lang::Nl) => "Niet in deze regio",
        (Applies::No, Lang::Fr) => "Pas dans cette région",
        (Applies::No, Lang::En) => "Not in this region",
    }
}

/// The heading of the group of what applies but works behind the scenes (not for citizens).
pub fn group_professionals(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Achter de schermen: samenwerking van professionals",
        Lang::Fr => "En coulisses : collaboration entre professionnels",
        Lang::En => "Behind the scenes: professionals working together",
    }
}

/// What a citizen can do, in a few words.
pub fn access(a: Access, lang: Lang) -> &'static str {
    match (a, lang) {
        (Access::WalkIn, Lang::Nl) => "binnenlopen zonder afspraak",
        (Access::WalkIn, Lang::Fr) => "entrer sans rendez-vous",
        (Access::WalkIn, Lang::En) => "walk in, no appointment",
        (Access::Call, Lang::Nl) => "bellen",
        (Access::Call, Lang::Fr) => "téléphoner",
        (Access::Call, Lang::En) => "call",
        (Access::Online, Lang::Nl) => "online",
        (Access::Online, Lang::Fr) => "en ligne",
        (Access::Online, Lang::En) => "online",
        (Access::Appointment, Lang::Nl) => "op afspraak",
        (Access::Appointment, Lang::Fr) => "sur rendez-vous",
        (Access::Appointment, Lang::En) => "by appointment",
        (Access::ViaProfessional, Lang::Nl) => "via een hulpverlener, dokter of de politie",
        (Access::ViaProfessional, Lang::Fr) => "via un professionnel, un médecin ou la police",
        (Access::ViaProfessional, Lang::En) => "through a professional, a doctor or the police",
        (Access::None, Lang::Nl) => "geen loket: een samenwerking achter de schermen",
        (Access::None, Lang::Fr) => "pas de guichet : une collaboration en coulisses",
        (Access::None, Lang::En) => "no desk: a partnership behind the scenes",
    }
}

/// "Hoe: " prefix for the access line.
pub fn access_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Hoe: ",
        Lang::Fr => "Comment : ",
        Lang::En => "How: ",
    }
}

/// The live-region sentence.
pub fn status_found(n: usize, place: &str, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => format!("1 dienst werkt voor {place}."),
        (Lang::Nl, _) => format!("{n} diensten werken voor {place}."),
        (Lang::Fr, 1) => format!("1 service est actif pour {place}."),
        (Lang::Fr, _) => format!("{n} services sont actifs pour {place}."),
        (Lang::En, 1) => format!("1 service works for {place}."),
        (Lang::En, _) => format!("{n} services work for {place}."),
    }
}

/// The live-region sentence when a line should be called now: the line first, then the answer.
pub fn status_urgent(number: &str, name: &str, answer: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Hulp nodig, nu? Bel {number}, {name}. {answer}"),
        Lang::Fr => format!("Besoin d'aide maintenant ? Appelez le {number}, {name}. {answer}"),
        Lang::En => format!("Need help now? Call {number}, {name}. {answer}"),
    }
}

/// The live-region sentence for a need.
pub fn status_need(n: usize, place: Option<&str>, lang: Lang) -> String {
    let at = place.map(|p| match lang {
        Lang::Nl => format!(" in {p}"),
        Lang::Fr => format!(" à {p}"),
        Lang::En => format!(" in {p}"),
    });
    let at = at.unwrap_or_default();
    match (lang, n) {
        (Lang::Nl, 1) => format!("1 dienst past bij je vraag{at}."),
        (Lang::Nl, _) => format!("{n} diensten passen bij je vraag{at}."),
        (Lang::Fr, 1) => format!("1 service correspond à votre question{at}."),
        (Lang::Fr, _) => format!("{n} services correspondent à votre question{at}."),
        (Lang::En, 1) => format!("1 service fits your question{at}."),
        (Lang::En, _) => format!("{n} services fit your question{at}."),
    }
}
