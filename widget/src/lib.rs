//! The Hulpkompas widget: the core's answers as a Yew component, compiled to WebAssembly.
//!
//! The host page never calls this crate directly: it loads `hulpkompas.js` (see `www/`), which defines
//! `<hulpkompas-widget>` and the JS API `mount(element, options)`, attaches an open shadow root and
//! calls [`mount`] here with a container inside it. Nothing leaves the browser: the data is in the
//! wasm, and the vocabulary of needs and the source addresses are two more files of the widget,
//! each fetched when first needed (a need search; the first fold opened).

mod app;
mod i18n;
mod state;
mod view;

use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

use hulpkompas_core::{Dataset, Date, Lang, Sources, Vocabulary};
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

pub use app::{App, Props};
pub use state::SourcesState;

thread_local! {
    /// The dataset every instance answers from: built once per page, replaced once when the
    /// vocabulary of needs arrives (both leaked: they live as long as the page).
    static DATA: Cell<Option<&'static Dataset>> = const { Cell::new(None) };
    /// The loader's function that fetches the vocabulary (`hulpkompas-needs.txt`); it fetches once,
    /// and again after a failure.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Mounted instances to tell when the vocabulary or the sources arrive (or fail).
    static REFRESH: RefCell<Vec<(u32, Callback<Arrived>)>> = const { RefCell::new(Vec::new()) };
    /// The source addresses (`hulpkompas-sources.txt`), once they are there (leaked: they live
    /// as long as the page).
    static SOURCES: Cell<Option<&'static Sources>> = const { Cell::new(None) };
    /// Whether the last request for the sources failed (cleared by the next request).
    static SOURCES_FAILED: Cell<bool> = const { Cell::new(false) };
    /// Whether a request for the sources is in flight (one at a time).
    static SOURCES_IN_FLIGHT: Cell<bool> = const { Cell::new(false) };
    /// The loader's function that fetches the sources; it fetches once, and again after a failure.
    static SOURCES_LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// What arrived for every mounted instance.
#[derive(Clone, Copy)]
pub enum Arrived {
    /// The vocabulary of needs: answer again.
    Vocabulary,
    /// The sources, or the news that they could not load.
    Sources(SourcesState),
}

/// The dataset, shared by every instance.
pub fn dataset() -> &'static Dataset {
    DATA.with(|d| match d.get() {
        Some(data) => data,
        None => {
            let data: &'static Dataset = Box::leak(Box::new(Dataset::builtin()));
            d.set(Some(data));
            data
        }
    })
}

/// Whether the vocabulary of needs is there (else search uses the concepts' own names).
pub fn has_vocabulary() -> bool {
    !dataset().vocabulary().is_empty()
}

/// Asks the loader to fetch the vocabulary of needs (it keeps one request in flight).
pub fn request_vocabulary() {
    if has_vocabulary() {
        return;
    }
    LOADER.with(|l| {
        if let Some(f) = l.borrow().as_ref() {
            if let Err(e) = f.call0(&JsValue::NULL) {
                web_sys::console::error_2(
                    &"hulpkompas: could not request the vocabulary".into(),
                    &e,
                );
            }
        }
    });
}

/// Called by the loader: the function that fetches the vocabulary when it is first needed.
#[wasm_bindgen(js_name = setVocabularyLoader)]
pub fn set_vocabulary_loader(loader: js_sys::Function) {
    LOADER.with(|l| *l.borrow_mut() = Some(loader));
}

/// Called by the loader with the text of `hulpkompas-needs.txt`: search by need gets its vocabulary.
#[wasm_bindgen(js_name = setVocabulary)]
pub fn set_vocabulary(text: String) -> Result<(), JsValue> {
    let text: &'static str = Box::leak(text.into_boxed_str());
    let vocabulary =
        Vocabulary::parse(text).map_err(|e| JsValue::from_str(&format!("hulpkompas: {e}")))?;
    let data: &'static Dataset =
        Box::leak(Box::new(Dataset::builtin().with_vocabulary(vocabulary)));
    DATA.with(|d| d.set(Some(data)));
    tell_every_instance(Arrived::Vocabulary);
    Ok(())
}

fn tell_every_instance(what: Arrived) {
    let callbacks: Vec<Callback<Arrived>> =
        REFRESH.with(|r| r.borrow().iter().map(|(_, c)| c.clone()).collect());
    for c in callbacks {
        c.emit(what);
    }
}

/// Registers an instance to hear when the vocabulary or the sources arrive.
pub(crate) fn on_arrival(instance: u32, callback: Callback<Arrived>) {
    REFRESH.with(|r| r.borrow_mut().push((instance, callback)));
}

/// Where the sources are: there (compiled in with the full core, as in the component tests, or
/// fetched), failed, or still to come.
pub fn sources_state() -> SourcesState {
    if let Some(s) = SOURCES.get() {
        return SourcesState::Ready(s);
    }
    if Sources::compiled_in() {
        let data = dataset();
        // First stops carry their sources themselves when they are compiled in.
        let text = Sources::to_text(data.concepts(), data.offers(), std::iter::empty());
        if let Ok(s) = Sources::parse(Box::leak(text.into_boxed_str())) {
            let s: &'static Sources = Box::leak(Box::new(s));
            SOURCES.set(Some(s));
            return SourcesState::Ready(s);
        }
    }
    if SOURCES_FAILED.get() {
        SourcesState::Failed
    } else {
        SourcesState::Loading
    }
}

/// Asks the loader to fetch the sources (one request in flight; again after a failure).
pub fn request_sources() {
    if SOURCES.get().is_some() || SOURCES_IN_FLIGHT.get() {
        return;
    }
    let asked = SOURCES_LOADER.with(|l| match l.borrow().as_ref() {
        Some(f) => f.call0(&JsValue::NULL).map_err(|e| {
            web_sys::console::error_2(&"hulpkompas: could not request the sources".into(), &e);
        }),
        None => Err(()),
    });
    match asked {
        Ok(_) => {
            SOURCES_IN_FLIGHT.set(true);
            SOURCES_FAILED.set(false);
        }
        // No loader (mounted without hulpkompas.js) or it threw: the folds say so.
        Err(()) => sources_failed(),
    }
}

/// Called by the loader: the function that fetches the sources when a fold is first opened.
#[wasm_bindgen(js_name = setSourcesLoader)]
pub fn set_sources_loader(loader: js_sys::Function) {
    SOURCES_LOADER.with(|l| *l.borrow_mut() = Some(loader));
}

/// Called by the loader with the text of `hulpkompas-sources.txt`: every fold gets its sources.
#[wasm_bindgen(js_name = setSources)]
pub fn set_sources(text: String) -> Result<(), JsValue> {
    SOURCES_IN_FLIGHT.set(false);
    let sources = match Sources::parse(Box::leak(text.into_boxed_str())) {
        Ok(s) => s,
        Err(e) => {
            sources_failed();
            return Err(JsValue::from_str(&format!("hulpkompas: {e}")));
        }
    };
    let sources: &'static Sources = Box::leak(Box::new(sources));
    SOURCES.set(Some(sources));
    SOURCES_FAILED.set(false);
    tell_every_instance(Arrived::Sources(SourcesState::Ready(sources)));
    Ok(())
}

/// Called by the loader when the sources could not load: the folds say so, the answer stays,
/// and the next fold opened asks again.
#[wasm_bindgen(js_name = sourcesFailed)]
pub fn sources_failed() {
    SOURCES_IN_FLIGHT.set(false);
    SOURCES_FAILED.set(true);
    tell_every_instance(Arrived::Sources(SourcesState::Failed));
}

/// Today's date in the visitor's browser.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date {
        year: d.get_full_year() as u16,
        month: (d.get_month() + 1) as u8,
        day: d.get_date() as u8,
    }
}

thread_local! {
    /// Mounted roots, for the panic fallback.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
    static NEXT: RefCell<u32> = const { RefCell::new(1) };
}

/// On a panic: say so in the console and replace every mounted widget by a short message with a
/// pointer to the general entry. Never a blank box.
fn install_panic_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("hulpkompas: {info}").into());
            ROOTS.with(|roots| {
                for root in roots.borrow().iter() {
                    let lang = root
                        .get_attribute("data-lang")
                        .and_then(|l| Lang::parse(&l))
                        .unwrap_or_default();
                    root.set_text_content(None);
                    if let Some(doc) = root.owner_document() {
                        if let Ok(p) = doc.create_element("p") {
                            p.set_class_name("ww-error");
                            p.set_attribute("lang", lang.code()).ok();
                            p.set_attribute("role", "alert").ok();
                            p.set_text_content(Some(i18n::ui(lang).error));
                            root.append_child(&p).ok();
                        }
                    }
                }
            });
        }));
    });
}

fn props_from(options: &JsValue, instance: u32) -> Props {
    let get = |k: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
    };
    Props {
        postcode: get("postcode").unwrap_or_default(),
        need: get("need").unwrap_or_default(),
        lang: get("lang").as_deref().and_then(Lang::parse),
        concepts: get("concepts")
            .map(|c| {
                c.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        exit_url: get("exitUrl").filter(|u| is_web_address(u)),
        instance,
    }
}

/// Only an absolute http(s) address may be where the quick exit leads.
fn is_web_address(url: &str) -> bool {
    let u = url.trim();
    (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace)
}

/// A mounted widget.
#[wasm_bindgen]
pub struct Handle {
    app: Option<AppHandle<App>>,
    root: web_sys::Element,
    instance: u32,
}

#[wasm_bindgen]
impl Handle {
    /// Replaces the options (`postcode`, `need`, `lang`, `concepts`).
    pub fn update(&mut self, options: JsValue) {
        let props = props_from(&options, self.instance);
        if let Some(l) = props.lang {
            self.root.set_attribute("data-lang", l.code()).ok();
        }
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Removes the widget.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        let root = self.root.clone();
        ROOTS.with(|r| r.borrow_mut().retain(|x| x != &root));
        let instance = self.instance;
        REFRESH.with(|r| r.borrow_mut().retain(|(i, _)| *i != instance));
    }
}

/// Mounts the widget into `root` (an element inside the host's shadow root).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> Handle {
    install_panic_hook();
    let instance = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n - 1
    });
    let props = props_from(&options, instance);
    root.set_attribute("data-lang", props.lang.unwrap_or_default().code())
        .ok();
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Handle {
        app: Some(app),
        root,
        instance,
    }
}

/// For the browser benchmark: runs one need search in the core and times it (the loader makes
/// sure the vocabulary is there first).
#[wasm_bindgen(js_name = searchTimed)]
pub fn search_timed(query: &str) -> JsValue {
    let data = dataset();
    let perf = web_sys::window().and_then(|w| w.performance());
    let t0 = perf.as_ref().map(|p| p.now()).unwrap_or(0.0);
    let results = data.search(query, None);
    let ms = perf.as_ref().map(|p| p.now()).unwrap_or(0.0) - t0;
    let ids = js_sys::Array::new();
    for r in results.iter().take(3) {
        ids.push(&JsValue::from_str(r.concept.id));
    }
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"ms".into(), &ms.into()).ok();
    js_sys::Reflect::set(&out, &"ids".into(), &ids).ok();
    out.into()
}
