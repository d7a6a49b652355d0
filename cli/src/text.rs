//! Plain-text output for people at a terminal.

use std::fmt::Write;

use hulpkompas_core::{Answer, Applies, Dataset, Lang, SearchResult};

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
    _query: &str,
    answer: Option<&Answer<'_>>,
    results: &[SearchResult],
    lang: Lang,
) -> String {
    let mut s = String::new();
    if let Some(a) = answer {
        for d in &a.diagnostics {
            let _ = writeln!(s, "! {}", d.message(lang));
        }
        if let Some(p) = &a.place {
            let _ = writeln!(s, "{}\n", p.label(lang));
        }
    }
    s.push_str(&ranked(results, lang));
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
