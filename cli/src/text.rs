//! Plain-text output for people at a terminal.

use std::fmt::Write;

use hulpkompas_core::{Answer, Applies, Dataset, FirstStop, Lang, SearchResult};

fn heading(applies: Applies, lang: Lang) -> &'static str {
    match (applies, lang) {
        (Applies::Yes, Lang::Nl) => "Werkt hier",
        (Applies::Yes, Lang::Fr) => "Actif ici",
        (Applies::Yes, Lang::En) => "Works here",
        (Applies::Unknown, Lang::Nl) => "Niet gekend voor deze plaats",
        (Applies::Unknown, Lang::Fr) => "Pas connu pour ce lieu",
        (Applies::Unknown, Lang::En) => "Not known for this place",
        (Applies::Ended, Lang::Nl) => "Afgelopen projecten",
        (Applies::Ended, Lang::Fr) => "Projets terminés",
        (Applies::Ended, Lang::En) => "Ended projects",
        (Applies::No, Lang::Nl) => "Bestaat hier niet",
        (Applies::No, Lang::Fr) => "N'existe pas ici",
        (Applies::No, Lang::En) => "Does not exist here",
    }
}

/// Where to go first: each place with its phone, address, web page and hours for the week, and
/// "niet recent bevestigd" for low-confidence facts.
fn first_stops(stops: &[FirstStop], lang: Lang) -> String {
    let mut s = String::new();
    if stops.is_empty() {
        return s;
    }
    let _ = writeln!(
        s,
        "\n{}",
        match lang {
            Lang::Nl => "Ga eerst naar:",
            Lang::Fr => "Adressez-vous d'abord à :",
            Lang::En => "Go first to:",
        }
    );
    for (i, f) in stops.iter().enumerate() {
        let mut line = format!("  {}. {}", i + 1, f.name(lang));
        if let Some(w) = f.confidence.warning(lang) {
            let _ = write!(line, " ({w})");
        }
        let _ = writeln!(s, "{line}");
        if let Some(p) = f.phone {
            let _ = writeln!(s, "     ☎ {p}");
        }
        if let Some(a) = &f.address {
            let _ = writeln!(s, "     {}", a.line());
        }
        if let Some(h) = f.hours_in(lang) {
            let _ = writeln!(s, "     {h}");
        }
        for part in [f.email, f.website].into_iter().flatten() {
            let _ = writeln!(s, "     {part}");
        }
        if let Some(by) = f.provided_by(lang) {
            let _ = writeln!(s, "     ({by})");
        }
    }
    s
}

/// `hulpkompas lookup`.
pub fn lookup(answer: &Answer<'_>, results: Option<&[SearchResult]>, lang: Lang) -> String {
    let mut s = String::new();
    for d in &answer.diagnostics {
        let _ = writeln!(s, "! {}", d.message(lang));
    }
    if !answer.candidates.is_empty() {
        for c in &answer.candidates {
            let _ = writeln!(s, "  ? {} ({})", c.label(lang), c.municipality.nis);
        }
    }
    let Some(place) = &answer.place else { return s };
    let m = place.municipality;
    let _ = writeln!(s, "\n{} — NIS {}", place.label(lang), m.nis);
    s.push_str(&first_stops(
        &answer.first_stop_for(results.unwrap_or(&[])),
        lang,
    ));
    for a in &answer.areas {
        let _ = writeln!(
            s,
            "  {:<24} {}{}",
            a.kind.id(),
            a.name.get(lang),
            if a.certain { "" } else { " (?)" }
        );
    }
    if let Some(results) = results {
        let _ = writeln!(s);
        let _ = write!(s, "{}", ranked(results, lang));
    }
    let mut last = None;
    for c in &answer.concepts {
        if last != Some(c.applies) {
            let _ = writeln!(s, "\n{}:", heading(c.applies, lang));
            last = Some(c.applies);
        }
        let _ = writeln!(
            s,
            "  • {} — {}",
            c.concept.name.get(lang),
            c.reason_text(place, lang)
        );
        if c.applies == Applies::Yes {
            let _ = writeln!(s, "    {}", c.concept.summary.get(lang));
        }
        for o in &c.offers {
            let mut line = format!("    → {}", o.name);
            for part in [&o.address, &o.phone, &o.website].into_iter().flatten() {
                let _ = write!(line, " · {part}");
            }
            if let Some(c) = o.confidence.caveat(lang) {
                let _ = write!(line, " ({c})");
            }
            if o.audience == hulpkompas_core::Audience::Professionals {
                let _ = write!(
                    line,
                    " · {}",
                    match lang {
                        Lang::Nl => "voor professionals",
                        Lang::Fr => "pour professionnels",
                        Lang::En => "for professionals",
                    }
                );
            }
            let _ = writeln!(s, "{line}");
            if let Some(h) = o.hours_in(lang) {
                let _ = writeln!(s, "      {h}");
            }
            if let Some(by) = o.provided_by(lang) {
                let _ = writeln!(s, "      ({by})");
            }
        }
    }
    s
}

fn ranked(results: &[SearchResult], lang: Lang) -> String {
    let mut s = String::new();
    if results.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            match lang {
                Lang::Nl => "Geen passende dienst gevonden. Vraag raad aan het Sociaal Huis (OCMW) of het CAW.",
                Lang::Fr => "Aucun service correspondant. Demandez conseil au CPAS ou au CAW.",
                Lang::En => "No matching service found. Ask the Sociaal Huis (OCMW) or the CAW for advice.",
            }
        );
    }
    for (i, r) in results.iter().enumerate() {
        let why: Vec<String> = r.matched.iter().map(|m| m.explain(lang)).collect();
        let _ = writeln!(
            s,
            "{:>2}. {} ({:.2}) — {}",
            i + 1,
            r.concept.name.get(lang),
            r.score,
            why.join("; ")
        );
    }
    s
}

/// `hulpkompas search`.
pub fn search(
    query: &str,
    answer: Option<&Answer<'_>>,
    results: &[SearchResult],
    lang: Lang,
) -> String {
    let mut s = urgent(query, lang);
    if let Some(a) = answer {
        for d in &a.diagnostics {
            let _ = writeln!(s, "! {}", d.message(lang));
        }
        if let Some(p) = &a.place {
            let _ = writeln!(s, "{}", p.label(lang));
            s.push_str(&first_stops(&a.first_stop_for(results), lang));
            s.push('\n');
        }
    }
    s.push_str(&ranked(results, lang));
    s
}

/// The lines to call now, before anything else, when what was typed signals danger (else empty).
pub fn urgent(typed: &str, lang: Lang) -> String {
    let lines = hulpkompas_core::urgent_lines(typed, lang);
    if lines.is_empty() {
        return String::new();
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        match lang {
            Lang::Nl => "Hulp nodig, nu? Bel:",
            Lang::Fr => "Besoin d'aide maintenant ? Appelez :",
            Lang::En => "Need help now? Call:",
        }
    );
    for l in lines {
        let _ = writeln!(s, "  {:<12} {}", l.number, l.name.get(lang));
        let _ = writeln!(s, "  {:<12} {}", "", l.what_for.get(lang));
        let _ = writeln!(s, "  {:<12} {}", "", l.hours.get(lang));
        if let Some(chat) = l.chat {
            let _ = writeln!(s, "  {:<12} chat: {chat}", "");
        }
    }
    s.push('\n');
    s
}

/// `hulpkompas concepts`.
pub fn concepts(data: &Dataset, lang: Lang) -> String {
    let mut s = String::new();
    for c in data.concepts() {
        let _ = writeln!(
            s,
            "{:<34} {}\n{:<34} {}\n",
            c.id,
            c.name.get(lang),
            "",
            c.summary.get(lang)
        );
    }
    s
}
