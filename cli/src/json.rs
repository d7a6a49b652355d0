//! The stable JSON shapes of the command-line tool (documented in the README).

use hulpkompas_core::{Answer, Concept, Dataset, Lang, Offer, Place, SearchResult};
use serde_json::{json, Value};

fn place(p: &Place, lang: Lang) -> Value {
    let m = p.municipality;
    json!({
        "label": p.label(lang),
        "postcode": p.postcode.map(|pc| format!("{pc:04}")),
        "locality": p.locality,
        "municipality": { "nis": m.nis, "name": m.name(lang), "name_nl": m.name_nl, "name_fr": m.name_fr },
        "also_municipalities": p.also.iter().map(|x| json!({ "nis": x.nis, "name": x.name(lang) })).collect::<Vec<_>>(),
        "former_municipality": p.former.map(|f| json!({
            "nis": f.old_nis, "name": f.old_name, "merged_on": f.date.to_string()
        })),
        "province": m.province().map(|pr| json!({ "nis": pr.nis, "name": if lang == Lang::Fr { pr.name_fr } else { pr.name_nl } })),
        "region": { "id": m.region.id(), "name": m.region.name().get(lang) },
    })
}

fn offer(o: &Offer) -> Value {
    json!({
        "id": o.id,
        "name": o.name,
        "address": o.address,
        "phone": o.phone,
        "email": o.email,
        "website": o.website,
        "confidence": o.confidence.id(),
        "sources": o.sources,
        "source_date": o.source_date,
        "note": o.note,
    })
}

fn diagnostics(answer: &Answer<'_>, lang: Lang) -> Vec<Value> {
    answer
        .diagnostics
        .iter()
        .map(|d| json!({ "code": d.code(), "severity": d.severity().id(), "message": d.message(lang) }))
        .collect()
}

/// `hulpkompas lookup --json`.
pub fn lookup(
    input: &str,
    answer: &Answer<'_>,
    results: Option<&[SearchResult]>,
    lang: Lang,
) -> Value {
    let p = answer.place.as_ref();
    let mut v = json!({
        "input": input,
        "lang": lang.code(),
        "outcome": match answer.outcome {
            hulpkompas_core::Outcome::Found => "found",
            hulpkompas_core::Outcome::Ambiguous => "ambiguous",
            hulpkompas_core::Outcome::NotAPlace => "not_a_place",
        },
        "place": p.map(|p| place(p, lang)),
        "candidates": answer.candidates.iter().map(|c| place(c, lang)).collect::<Vec<_>>(),
        "areas": answer.areas.iter().map(|a| json!({
            "kind": a.kind.id(), "id": a.id, "name": a.name.get(lang), "certain": a.certain
        })).collect::<Vec<_>>(),
        "concepts": answer.concepts.iter().map(|c| json!({
            "id": c.concept.id,
            "name": c.concept.name.get(lang),
            "applies": c.applies.id(),
            "reason": p.map(|p| c.reason_text(p, lang)),
            "offers": c.offers.iter().map(|o| offer(o)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "diagnostics": diagnostics(answer, lang),
    });
    if let Some(results) = results {
        v["results"] = ranked(results, lang);
    }
    v
}

fn ranked(results: &[SearchResult], lang: Lang) -> Value {
    Value::Array(
        results
            .iter()
            .map(|r| {
                json!({
                    "concept": r.concept.id,
                    "name": r.concept.name.get(lang),
                    "score": (r.score * 1000.0).round() / 1000.0,
                    "applies": r.applies.map(|a| a.id()),
                    "matched": r.matched.iter().map(|m| m.explain(lang)).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// `hulpkompas search --json`.
pub fn search(
    query: &str,
    answer: Option<&Answer<'_>>,
    results: &[SearchResult],
    lang: Lang,
) -> Value {
    json!({
        "query": query,
        "lang": lang.code(),
        "place": answer.and_then(|a| a.place.as_ref()).map(|p| place(p, lang)),
        "results": ranked(results, lang),
        "diagnostics": answer.map(|a| diagnostics(a, lang)).unwrap_or_default(),
    })
}

fn texts(t: hulpkompas_core::Text) -> Value {
    json!({ "nl": t.nl, "fr": t.fr, "en": t.en })
}

fn concept(c: &Concept) -> Value {
    json!({
        "id": c.id,
        "name": texts(c.name),
        "abbreviation": c.abbreviation,
        "aliases": c.aliases,
        "summary": texts(c.summary),
        "how": texts(c.how),
        "target": { "nl": c.target.nl, "fr": c.target.fr, "en": c.target.en },
        "scope": c.scope.id(),
        "coverage": match c.coverage {
            hulpkompas_core::Coverage::Everywhere(s) => json!({ "kind": "everywhere", "in": s.id() }),
            hulpkompas_core::Coverage::Listed => json!({ "kind": "listed" }),
        },
        "status": match c.status {
            hulpkompas_core::Status::Structural => json!({ "kind": "structural" }),
            hulpkompas_core::Status::Project { until } => json!({ "kind": "project", "until": until.to_string() }),
            hulpkompas_core::Status::Ended { until } => json!({ "kind": "ended", "until": until.to_string() }),
        },
        "access": c.access.iter().map(|a| a.id()).collect::<Vec<_>>(),
        "websites": c.websites,
        "scale": c.scale,
        "policy_domain": c.policy_domain,
        "legal_basis": c.legal_basis,
        "sources": c.sources.iter().map(|s| json!({ "url": s.url, "date": s.date, "used_for": s.used_for })).collect::<Vec<_>>(),
    })
}

/// `hulpkompas concepts --json`.
pub fn concepts(data: &Dataset) -> Value {
    json!({ "concepts": data.concepts().iter().map(concept).collect::<Vec<_>>() })
}

/// `hulpkompas export --json`: the searchable corpus, so another engine can index the same text.
pub fn export(data: &Dataset) -> Value {
    json!({
        "data_date": hulpkompas_core::DATA_DATE.to_string(),
        "concepts": data.concepts().iter().map(concept).collect::<Vec<_>>(),
        "needs": data.vocabulary().needs().iter().map(|n| json!({
            "id": n.id,
            "label": texts(n.label),
            "terms": {
                "nl": n.terms.get(Lang::Nl).collect::<Vec<_>>(),
                "fr": n.terms.get(Lang::Fr).collect::<Vec<_>>(),
                "en": n.terms.get(Lang::En).collect::<Vec<_>>(),
            },
            "concepts": n.concepts().map(|(c, w)| json!({ "id": c.id, "weight": w })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
