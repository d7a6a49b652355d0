//! The widget's views: pure functions from the [`State`] to HTML (no lookups, no side effects).
//! What the visitor does comes back as [`Msg`]s through the component's scope.
//!
//! Thin by design: every decision (what a place is, what applies, the ranking, the messages) is the
//! core's; these functions only lay it out. Every string is rendered as text.

use hulpkompas_core::{
    Address, Answer, Applies, AreaKind, ConceptAnswer, Confidence, FirstStop, Lang, Offer, Place,
    SearchResult, Urgent,
};
use web_sys::HtmlInputElement;
use yew::html::Scope;
use yew::prelude::*;

use crate::app::{App, Msg, Props};
use crate::i18n::{self, ui};
use crate::state::{SourcesState, State};

/// The whole widget for `state`. `instance` makes element ids unique on the page.
pub fn widget(state: &State, props: &Props, place_ref: &NodeRef, link: &Scope<App>) -> Html {
    let lang = state.lang;
    let t = ui(lang);
    let instance = props.instance;
    let prefix = ["ww", &instance.to_string(), "-"].concat();
    let id = |s: &str| [prefix.as_str(), s].concat();
    let shown = |c: &str| state.shows(c);
    let answer = state.answer.as_ref();
    let on_place = link.callback(|e: InputEvent| {
        Msg::Place(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_need = link
        .callback(|e: InputEvent| Msg::Need(e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());
    // Enter or leaving the field (a `change`) answers what is typed, at once.
    let on_commit = link.callback(|_: Event| Msg::Settle);
    let fold = Fold {
        lang,
        h: props.heading_level(),
        sources: state.sources,
        opened: &state.opened,
        report: props.report.as_deref(),
        link,
    };
    // What the first answer shows first: the crisis lines, the first stop, the best matches.
    let in_results = |c: &str| state.results.iter().flatten().any(|r| r.concept.id == c);
    html! {
        <div class="ww" lang={lang.code()}>
            <form class="ww-form" role="search" onsubmit={on_submit}>
                <div class="ww-field">
                    <label for={id("place")}>{ t.place_label }</label>
                    <input ref={place_ref.clone()} id={id("place")} name="place" type="text" inputmode="text"
                        autocomplete="postal-code" aria-describedby={id("place-hint")} value={state.place.clone()}
                        oninput={on_place} onchange={on_commit.clone()} spellcheck="false" />
                    <p class="ww-hint" id={id("place-hint")}>{ t.place_hint }</p>
                    // What was read, and the "did you mean" choices: right after the field.
                    <div class="ww-answer" key={state.generation.wrapping_mul(4)}>
                        { answer.map(|a| view_messages(a, lang, link)).unwrap_or_default() }
                    </div>
                </div>
                <div class="ww-field">
                    <label for={id("need")}>{ t.need_label }</label>
                    <input id={id("need")} name="need" type="search" aria-describedby={id("need-hint")}
                        value={state.need.clone()} oninput={on_need} onchange={on_commit} />
                    <p class="ww-hint" id={id("need-hint")}>{ t.need_hint }</p>
                </div>
                if !props.compact {
                    <div class="ww-chips" role="group" aria-label={t.chips_label}>
                        { for t.chips.iter().map(|&(label, query)| {
                            let pressed = state.need == query;
                            html! {
                                <button type="button" class="ww-chip" aria-pressed={pressed.to_string()}
                                    onclick={link.callback(move |_| Msg::Chip(if pressed { String::new() } else { query.to_string() }))}>
                                    { label }
                                </button>
                            }
                        }) }
                    </div>
                }
                <div class="ww-langs" role="group" aria-label={t.langs_label}>
                    { for Lang::ALL.iter().map(|&l| html! {
                        <button type="button" data-lang={l.code()} lang={l.code()} aria-pressed={(l == lang).to_string()}
                            onclick={link.callback(move |_| Msg::Lang(l))}>
                            { match l { Lang::Nl => "NL", Lang::Fr => "FR", Lang::En => "EN" } }
                        </button>
                    }) }
                </div>
            </form>
            // A new answer is built afresh, never patched (see `State::generation`).
            // Danger first: right below the form, before the rest of the answer.
            // Keyed by what it shows: rebuilt when the lines change, never under a visitor's tap.
            <div class="ww-answer" key={state.urgent_shown.wrapping_mul(4) | 1}>
                { view_urgent(&state.urgent, &fold, &id("urgent"), link) }
            </div>
            // The live region stays; what it says is a new node each time (announced as added).
            <p class="ww-status" role="status" aria-live="polite">
                <span key={state.spoken}>{ state.status.clone() }</span>
            </p>
            <div class="ww-answer" key={state.generation.wrapping_mul(4) | 2}>
                if state.has_answer() {
                    <p class="ww-tools">
                        // The loader prints the handout (`hulpkompas.js`): no wasm is needed for it.
                        <button type="button" class="ww-print">{ t.print }</button>
                    </p>
                    { view_print_head(state) }
                }
                { view_first_stop(&state.first_stop, answer.and_then(|a| a.place.as_ref()).map(|p| p.municipality.nis), &fold, &id("first")) }
                { state.results.as_ref().map(|r| view_results(r, answer, &state.need, &fold, &id("results"))).unwrap_or_default() }
                // The place the rest of the answer is for, above what works there.
                { answer.and_then(|a| a.place.as_ref()).map(|p| html! { <p class="ww-place">{ p.label(lang) }</p> }).unwrap_or_default() }
                if !props.compact {
                    { answer.map(|a| view_groups(a, &fold, &|c: &str| shown(c) && !in_results(c), &id("g"))).unwrap_or_default() }
                    { answer.and_then(|a| a.place.as_ref().map(|p| view_professionals(a, p, &fold, &shown, &id("pro")))).unwrap_or_default() }
                }
                if state.has_answer() {
                    <p class="ww-foot">
                        <span class="ww-date">{ data_date(lang) }</span>
                    </p>
                }
            </div>
        </div>
    }
}

/// "Gegevens van 1 december 2026".
fn data_date(lang: Lang) -> String {
    let date = hulpkompas_core::diagnostics::date_text(hulpkompas_core::DATA_DATE, lang);
    [ui(lang).data_date, " ", &date].concat()
}

/// What only the handout shows (hidden on screen): the question, the place, the day it was
/// printed and the date of the data.
fn view_print_head(state: &State) -> Html {
    let lang = state.lang;
    let t = ui(lang);
    html! {
        <div class="ww-print-head">
            <p class="ww-print-title">{ t.handout_title }</p>
            <dl>
                if !state.need.trim().is_empty() {
                    <div><dt>{ t.need_label }</dt><dd class="ww-print-need">{ state.need.trim().to_string() }</dd></div>
                }
                if let Some(p) = state.place_label() {
                    <div><dt>{ t.place_label }</dt><dd class="ww-print-place">{ p }</dd></div>
                }
                <div><dt>{ t.printed_on }</dt><dd>{ hulpkompas_core::diagnostics::date_text(crate::today(), lang) }</dd></div>
            </dl>
            <p>{ data_date(lang) }</p>
        </div>
    }
}

/// A heading at the level the host asked for (`heading-level`, 2 by default), `depth` below it,
/// so the widget's outline fits the host page's.
fn heading(fold: &Fold<'_>, depth: u8, id: Option<String>, text: Html) -> Html {
    let tag = match (fold.h + depth).min(6) {
        2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    };
    html! { <@{tag} id={id} class="ww-h">{ text }</@> }
}

/// The lines to call now, with tap-to-call links, and the quick exit where violence is signalled.
fn view_urgent(urgent: &Urgent, fold: &Fold<'_>, id: &str, link: &Scope<App>) -> Html {
    if urgent.lines.is_empty() {
        return html! {};
    }
    let lang = fold.lang;
    let t = ui(lang);
    html! {
        <section class="ww-urgent" aria-labelledby={id.to_string()}>
            // The way out first: whoever hurts the person may be watching.
            if urgent.quick_exit {
                <p class="ww-exit-row">
                    <button type="button" class="ww-exit" aria-describedby={[id, "-exit"].concat()}
                        onclick={link.callback(|_| Msg::QuickExit)}>{ t.quick_exit }</button>
                    <span class="ww-hint" id={[id, "-exit"].concat()}>{ t.quick_exit_hint }</span>
                </p>
            }
            { heading(fold, 0, Some(id.to_string()), html! { t.urgent_heading }) }
            <ul>
                { for urgent.lines.iter().map(|l| html! {
                    <li class="ww-line" data-number={l.number}>
                        <a class="ww-call" href={["tel:", &l.dial()].concat()}>{ t.call }{ " " }{ l.number }</a>
                        <strong class="ww-line-name">{ l.name.get(lang) }</strong>
                        <p>{ l.what_for.get(lang) }</p>
                        <p class="ww-line-hours">{ l.hours.get(lang) }</p>
                        if let Some(chat) = l.chat { <p>{ safe_link(chat, t.chat) }</p> }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// Where to go first: name, tap-to-call phone, address, hours, web page — with a warning where the
/// facts are not recently confirmed.
fn view_first_stop(stops: &[FirstStop], nis: Option<&str>, fold: &Fold<'_>, id: &str) -> Html {
    if stops.is_empty() {
        return html! {};
    }
    let lang = fold.lang;
    let t = ui(lang);
    html! {
        <section class="ww-first" aria-labelledby={id.to_string()}>
            { heading(fold, 0, Some(id.to_string()), html! { t.first_stop_heading }) }
            <ol>
                { for stops.iter().enumerate().map(|(i, s)| {
                    let address = s.address.as_ref().map(Address::line);
                    let key = ["f:", s.kind.id(), ":", &i.to_string()].concat();
                    html! {
                        <li class="ww-stop" data-kind={s.kind.id()} data-confidence={s.confidence.id()}>
                            <strong class="ww-stop-name">{ s.name(lang) }</strong>
                            // A sentence: its first letter upper case in the stylesheet (no Unicode tables in the wasm).
                            if let Some(w) = s.confidence.warning(lang) { <p class="ww-warn">{ w }{ "." }</p> }
                            if let Some(p) = s.phone {
                                <a class="ww-call" href={["tel:", &dial(p)].concat()}>{ t.call }{ " " }{ p }</a>
                            }
                            if let Some(a) = address { <p class="ww-addr">{ a }</p> }
                            { view_hours(s.hours, s.hours_in(lang), lang) }
                            if let Some(e) = s.email.filter(|e| e.as_bytes().contains(&b'@') && !e.contains(char::is_whitespace)) {
                                <p>{ t.email }{ ": " }<a href={["mailto:", e].concat()}>{ e }</a></p>
                            }
                            if let Some(w) = s.website { <p>{ safe_link(w, t.website) }</p> }
                            { view_provider(s, lang) }
                            { view_report(fold, &s.name(lang)) }
                            <details class="ww-details" ontoggle={fold.on_toggle(key.clone(), true)}>
                                <summary>{ t.sources }</summary>
                                if fold.is_open(&key) { { view_stop_sources(s, nis.unwrap_or(""), fold) } }
                            </details>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// Opening hours. With the layered build (an organisation's own layer): today's hours and whether
/// it is open now in Belgian time, the whole week one click away; else the week.
fn view_hours(machine: Option<&str>, week: Option<String>, lang: Lang) -> Html {
    let t = ui(lang);
    let Some(week) = week else {
        return html! {};
    };
    #[cfg(feature = "layer")]
    if let Some(h) = machine.and_then(|h| hulpkompas_core::OpeningHours::parse(h).ok()) {
        let now = hulpkompas_core::hours::brussels_time(js_sys::Date::now());
        return html! {
            <div class="ww-hours">
                <p class="ww-today">{ hulpkompas_core::hours::today_line(&h, now, lang) }</p>
                <details class="ww-details ww-week">
                    <summary>{ t.hours }</summary>
                    <p>{ week }</p>
                </details>
            </div>
        };
    }
    let _ = machine;
    html! { <p class="ww-hours">{ t.hours }{ ": " }{ week }</p> }
}

/// Who gave the facts of an organisation's own first stop ("gegevens van OCMW Gent,
/// 2026-11-30"); nothing for built-in data (and nothing to show in a build without layers).
fn view_provider(stop: &FirstStop, lang: Lang) -> Html {
    #[cfg(feature = "layer")]
    if let Some(by) = stop.provided_by(lang) {
        return html! { <p class="ww-provider">{ by }</p> };
    }
    let _ = (stop, lang);
    html! {}
}

/// An organisation's own offer: its hours and who gave its facts (built-in offers have neither,
/// and a build without layers shows nothing here).
fn view_offer_layer(o: &Offer, lang: Lang) -> Html {
    #[cfg(feature = "layer")]
    return html! {
        <>
            { view_hours(o.hours.as_deref(), o.hours_in(lang), lang) }
            if let Some(by) = o.provided_by(lang) { <span class="ww-provider">{ by }</span> }
        </>
    };
    #[cfg(not(feature = "layer"))]
    {
        let _ = (o, lang);
        html! {}
    }
}

/// A phone number for a `tel:` link: digits and a leading `+`.
fn dial(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn view_messages(answer: &Answer<'_>, lang: Lang, link: &Scope<App>) -> Html {
    let t = ui(lang);
    html! {
        <>
            if !answer.diagnostics.is_empty() {
                <ul class="ww-messages">
                    { for answer.diagnostics.iter().map(|d| html! {
                        <li class={["ww-msg ww-msg-", d.severity().id()].concat()}>{ d.message(lang) }</li>
                    }) }
                </ul>
            }
            if !answer.candidates.is_empty() {
                <div class="ww-candidates">
                    <p>{ t.did_you_mean }</p>
                    <ul>
                        { for answer.candidates.iter().map(|c| {
                            let label = c.label(lang);
                            let value = match c.postcode { Some(pc) => format!("{pc:04} {}", c.locality.unwrap_or(c.municipality.name_nl)), None => c.municipality.name(lang).to_string() };
                            html! {
                                <li><button type="button" class="ww-candidate"
                                    onclick={link.callback(move |_| Msg::Pick(value.clone()))}>{ label }</button></li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </>
    }
}

/// The kinds of area a place lies in (eerstelijnszone, province, …): for professionals.
fn view_areas(answer: &Answer<'_>, lang: Lang) -> Html {
    let t = ui(lang);
    // One row per kind of area; one value per area (Antwerpen: several zones, the street decides).
    let row = |kind: &str, label: &str, values: Vec<String>| {
        if values.is_empty() {
            return html! {};
        }
        html! {
            <div class="ww-area">
                <dt>{ label.to_string() }</dt>
                { for values.into_iter().map(|v| html! { <dd data-kind={kind.to_string()}>{ v }</dd> }) }
            </div>
        }
    };
    let names = |kind: AreaKind| -> Vec<String> {
        answer
            .areas
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.name.get(lang).to_string())
            .collect()
    };
    html! {
        <dl class="ww-areas">
            { row("eerstelijnszone", t.eerstelijnszone, names(AreaKind::Eerstelijnszone)) }
            { row("province", t.province, names(AreaKind::Province)) }
            { row("judicial_arrondissement", t.judicial, names(AreaKind::JudicialArrondissement)) }
            { row("region", t.region, names(AreaKind::Region)) }
        </dl>
    }
}

/// What every fold needs: the language, the level of the widget's headings, the sources (there,
/// loading or failed), and the folds opened in this answer. A fold's body is built when it is
/// first opened: what a closed fold holds costs the first render nothing.
struct Fold<'a> {
    lang: Lang,
    h: u8,
    sources: SourcesState,
    opened: &'a [String],
    /// Where "Klopt dit niet?" leads (the host's `report`), if anywhere.
    report: Option<&'a str>,
    link: &'a Scope<App>,
}

impl Fold<'_> {
    /// Whether the fold `key` was opened in this answer (its body is there).
    fn is_open(&self, key: &str) -> bool {
        self.opened.iter().any(|k| k == key)
    }

    /// What the fold `key` does when it opens or closes; `sources`: whether it shows sources
    /// (which are then fetched, if they are not there).
    fn on_toggle(&self, key: String, sources: bool) -> Callback<Event> {
        self.link.callback(move |e: Event| Msg::Fold {
            key: key.clone(),
            open: e
                .target_unchecked_into::<web_sys::Element>()
                .has_attribute("open"),
            sources,
        })
    }
}

fn view_results(
    results: &[SearchResult],
    answer: Option<&Answer<'_>>,
    need: &str,
    fold: &Fold<'_>,
    id: &str,
) -> Html {
    let lang = fold.lang;
    let t = ui(lang);
    html! {
        <section class="ww-results" aria-labelledby={id.to_string()}>
            { heading(fold, 0, Some(id.to_string()), html! { t.best_matches }) }
            <ol>
                { for results.iter().map(|r| {
                    let ca = answer.and_then(|a| a.concept(r.concept.id));
                    let place = answer.and_then(|a| a.place.as_ref());
                    view_concept(r.concept, ca, place, fold, Some(Fits { result: r, need }), false)
                }) }
            </ol>
        </section>
    }
}

/// What a best match fits: the visitor's own words, and (in its fold) the needs they matched.
struct Fits<'a> {
    result: &'a SearchResult,
    need: &'a str,
}

/// The concepts that work here for citizens, one line each (the best matches are not repeated);
/// then, folded, those not known here, the ended ones and those of other regions.
fn view_groups(
    answer: &Answer<'_>,
    fold: &Fold<'_>,
    shown: &dyn Fn(&str) -> bool,
    id: &str,
) -> Html {
    let lang = fold.lang;
    let Some(place) = &answer.place else {
        return html! {};
    };
    let groups = [Applies::Yes, Applies::Unknown, Applies::Ended, Applies::No];
    html! {
        { for groups.iter().map(|&g| {
            let items: Vec<&ConceptAnswer<'_>> = answer.concepts.iter().filter(|c| c.applies == g && (g != Applies::Yes || c.for_citizens()) && shown(c.concept.id)).collect();
            if items.is_empty() { return html! {}; }
            let hid = [id, "-", g.id()].concat();
            let list = || html! {
                <ul>
                    { for items.iter().map(|c| view_concept(c.concept, Some(c), Some(place), fold, None, g == Applies::Yes)) }
                </ul>
            };
            let title = heading(fold, 0, Some(hid.clone()), html! { i18n::group_heading(g, lang) });
            if g == Applies::Yes {
                html! {
                    <section class="ww-group" data-applies={g.id()} data-audience="citizens" aria-labelledby={hid}>
                        { title }
                        { list() }
                    </section>
                }
            } else {
                // Folded: a citizen's answer stays short; what is not known or ended is one tap away.
                let key = ["g:", g.id()].concat();
                html! {
                    <details class="ww-group ww-fold" data-applies={g.id()} data-audience="citizens" ontoggle={fold.on_toggle(key.clone(), false)}>
                        <summary>{ title }</summary>
                        if fold.is_open(&key) { { list() } }
                    </details>
                }
            }
        }) }
    }
}

/// For professionals, folded: the areas of the place and what works behind the scenes (LIVC-R,
/// the eerstelijnszones, …).
fn view_professionals(
    answer: &Answer<'_>,
    place: &Place,
    fold: &Fold<'_>,
    shown: &dyn Fn(&str) -> bool,
    id: &str,
) -> Html {
    let lang = fold.lang;
    let items: Vec<&ConceptAnswer<'_>> = answer
        .concepts
        .iter()
        .filter(|c| c.applies == Applies::Yes && !c.for_citizens() && shown(c.concept.id))
        .collect();
    html! {
        <details class="ww-group ww-pro ww-fold" data-applies="yes" data-audience="professionals" ontoggle={fold.on_toggle("pro".to_string(), false)}>
            <summary>{ heading(fold, 0, Some(id.to_string()), html! { i18n::group_professionals(lang) }) }</summary>
            if fold.is_open("pro") {
                { view_areas(answer, lang) }
                if !items.is_empty() {
                    <ul>
                        { for items.iter().map(|c| view_concept(c.concept, Some(c), Some(place), fold, None, false)) }
                    </ul>
                }
            }
        </details>
    }
}

/// One concept: its name, what it does, how to get there and the local offers. `folded`: one line
/// (name and summary) that opens on the rest.
fn view_concept(
    concept: &'static hulpkompas_core::Concept,
    answer: Option<&ConceptAnswer<'_>>,
    place: Option<&Place>,
    fold: &Fold<'_>,
    fits: Option<Fits<'_>>,
    folded: bool,
) -> Html {
    let lang = fold.lang;
    let t = ui(lang);
    let applies = answer.map(|a| a.applies);
    let current = matches!(applies, None | Some(Applies::Yes) | Some(Applies::Unknown));
    let access: Vec<&str> = concept
        .access
        .iter()
        .map(|&a| i18n::access(a, lang))
        .collect();
    let offers: &[&Offer] = answer.map(|a| a.offers.as_slice()).unwrap_or(&[]);
    let name = heading(fold, 1, None, html! { concept.name.get(lang) });
    let summary = html! { <p class="ww-summary">{ concept.summary.get(lang) }</p> };
    let body = html! {
        <>
            if current { <p class="ww-access">{ i18n::access_prefix(lang) }{ access.join(" · ") }</p> }
            if !offers.is_empty() {
                <ul class="ww-offers">{ for offers.iter().map(|o| view_offer(o, fold)) }</ul>
            } else if applies == Some(Applies::Yes) && concept.access.iter().any(|a| *a != hulpkompas_core::Access::None) {
                <p class="ww-nooffer">{ t.no_address }</p>
            }
            if let (Some(a), Some(p)) = (answer, place) { <p class="ww-reason">{ a.reason_text(p, lang) }</p> }
        </>
    };
    let more_key = ["m:", concept.id].concat();
    let more = html! {
        <details class="ww-details" ontoggle={fold.on_toggle(more_key.clone(), true)}>
            <summary>{ t.more }</summary>
            if fold.is_open(&more_key) {
                { view_explanation(concept, answer, place, fold) }
                if let Some(f) = &fits {
                    <p class="ww-matched-needs"><strong>{ t.found_through }{ ": " }</strong>{ f.result.matched.iter().map(|m| m.explain(lang)).collect::<Vec<_>>().join(" · ") }</p>
                }
                <p class="ww-sources-h"><strong>{ t.sources }</strong></p>
                { view_sources(concept, offers, fold) }
            }
        </details>
    };
    let applies_id = applies.map(|a| a.id()).unwrap_or("");
    if folded {
        let key = ["c:", concept.id].concat();
        return html! {
            <li class="ww-concept ww-line-concept" data-concept={concept.id} data-applies={applies_id}>
                <details class="ww-concept-fold" ontoggle={fold.on_toggle(key.clone(), false)}>
                    <summary>{ name }{ summary }</summary>
                    if fold.is_open(&key) {
                        { body }
                        { more }
                    }
                </details>
            </li>
        };
    }
    html! {
        <li class="ww-concept" data-concept={concept.id} data-applies={applies_id}>
            { name }
            if let Some(f) = &fits {
                <p class="ww-matched">{ t.fits }{ ": " }{ hulpkompas_core::search::words_as_typed(f.need, &f.result.matched).join(", ") }</p>
            }
            { summary }
            { body }
            { more }
        </li>
    }
}

/// How to get there and for whom: compiled in (the full core), or from the sources file (the
/// widget: these texts are for professionals and stay out of its first load).
fn view_explanation(
    concept: &'static hulpkompas_core::Concept,
    answer: Option<&ConceptAnswer<'_>>,
    place: Option<&Place>,
    fold: &Fold<'_>,
) -> Html {
    let lang = fold.lang;
    let t = ui(lang);
    let file = |what: &str| match fold.sources {
        SourcesState::Ready(s) => s.text(concept.id, what, lang).unwrap_or_default(),
        _ => "",
    };
    let mut how = match (answer, place) {
        (Some(a), Some(p)) => a.how_text(p, lang),
        _ => concept.how.get(lang).to_string(),
    };
    if how.is_empty() {
        how = file("how").to_string();
    }
    let mut target = concept.target.get(lang).join(", ");
    if target.is_empty() {
        target = file("target").to_string();
    }
    html! {
        <>
            if !how.is_empty() { <p><strong>{ t.how }{ ": " }</strong>{ how }</p> }
            if !target.is_empty() { <p><strong>{ t.for_whom }{ ": " }</strong>{ target }</p> }
        </>
    }
}

/// Where a first stop's facts come from, with the date of the source.
fn view_stop_sources(stop: &FirstStop, nis: &str, fold: &Fold<'_>) -> Html {
    let t = ui(fold.lang);
    let item = |url: &str, date: &str| {
        html! { <li>{ safe_link(url, url) }{ " (" }{ date }{ ")" }</li> }
    };
    // Compiled in (the full core), or from the sources file with their dates (the widget).
    if stop.sources().next().is_some() {
        return html! { <ul class="ww-sources">{ for stop.sources().map(|u| item(u, stop.source_date)) }</ul> };
    }
    match fold.sources {
        SourcesState::Ready(s) => html! {
            <ul class="ww-sources">{ for s.of_first_stop(nis, stop).iter().map(|x| item(x.url, x.date)) }</ul>
        },
        SourcesState::Loading => {
            html! { <p class="ww-sources-loading" role="status">{ t.sources_loading }</p> }
        }
        SourcesState::Failed => {
            html! { <p class="ww-sources-failed" role="status">{ t.sources_failed }</p> }
        }
    }
}

/// The sources in a fold: the local offers' first (where the address comes from), then the
/// concept's; or that they are loading, or could not load.
fn view_sources(concept: &hulpkompas_core::Concept, offers: &[&Offer], fold: &Fold<'_>) -> Html {
    let t = ui(fold.lang);
    let sources = match fold.sources {
        SourcesState::Ready(s) => s,
        SourcesState::Loading => {
            return html! { <p class="ww-sources-loading" role="status">{ t.sources_loading }</p> }
        }
        SourcesState::Failed => {
            return html! { <p class="ww-sources-failed" role="status">{ t.sources_failed }</p> }
        }
    };
    let item = |url: &str, date: &str| {
        html! {
            <li>{ safe_link(url, url) }if !date.is_empty() { { " (" }{ date }{ ")" } }</li>
        }
    };
    html! {
        <ul class="ww-sources">
            { for offers.iter().map(|o| {
                // A host's own offers (a layer) carry their sources; built-in ones are in the file.
                if o.sources.is_empty() {
                    sources.of_offer(concept.id, &o.id).iter().map(|s| item(s.url, s.date)).collect::<Html>()
                } else {
                    o.sources.iter().map(|u| item(u, &o.source_date)).collect::<Html>()
                }
            }) }
            { for sources.of_concept(concept.id).iter().map(|s| item(s.url, s.date)) }
        </ul>
    }
}

fn view_offer(o: &Offer, fold: &Fold<'_>) -> Html {
    let lang = fold.lang;
    let t = ui(lang);
    let note = match o.confidence {
        Confidence::Derived => Some(t.derived),
        c => c.caveat(lang),
    };
    html! {
        <li class="ww-offer">
            <strong class="ww-offer-name">{ o.name.to_string() }</strong>
            if let Some(n) = note { <span class="ww-conf">{ " (" }{ n }{ ")" }</span> }
            if let Some(a) = &o.address { <span class="ww-addr">{ a.to_string() }</span> }
            if let Some(p) = &o.phone {
                <span class="ww-phone">{ t.phone }{ ": " }<a href={["tel:", &dial(p)].concat()}>{ p.to_string() }</a></span>
            }
            if let Some(w) = &o.website { <span class="ww-web">{ safe_link(w, t.website) }</span> }
            { view_offer_layer(o, lang) }
            { view_report(fold, &o.name) }
        </li>
    }
}

/// "Klopt dit niet?": to the host's `report` address, for the first stop or offer `name`. An
/// e-mail gets the name in its subject; nothing is sent by the widget itself (the visitor's own
/// mail program does, or not).
fn view_report(fold: &Fold<'_>, name: &str) -> Html {
    let Some(to) = fold.report else {
        return html! {};
    };
    let t = ui(fold.lang);
    let page = !to.starts_with("mailto:");
    let href = if page || to.as_bytes().contains(&b'?') {
        to.to_string()
    } else {
        let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
        let subject = encode(&[t.report_subject, name].concat());
        [to, "?subject=", &subject].concat()
    };
    html! {
        <p class="ww-report">
            <a href={href} target={page.then_some("_blank")} rel={page.then_some("noopener noreferrer")}>{ t.report }</a>
        </p>
    }
}

/// A link only for http(s) addresses; anything else is shown as text.
fn safe_link(url: &str, text: &str) -> Html {
    let u = url.trim();
    if u.starts_with("https://") || u.starts_with("http://") {
        html! { <a href={u.to_string()} target="_blank" rel="noopener noreferrer">{ text.to_string() }</a> }
    } else {
        html! { { text.to_string() } }
    }
}
