//! The Hulpkompas widget: the core's answers as a Yew component, compiled to WebAssembly.
//!
//! The host page never calls this crate directly: it loads `hulpkompas.js` (see `www/`), which defines
//! `<hulpkompas-widget>` and the JS API `mount(element, options)`, attaches an open shadow root and
//! calls [`mount`] here with a container inside it. Nothing leaves the browser: the data is in the
//! wasm, and the vocabulary of needs and the source addresses are two more files of the widget,
//! each fetched when first needed (a need search; the first fold opened).

mod app;
mod i18n;
#[cfg(feature = "layer")]
mod layer;
mod state;
mod view;

use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

use hulpkompas_core::text::SplitAscii;
use hulpkompas_core::{Dataset, Date, Lang, Sources, Vocabulary};
use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

pub use app::{App, Props};
pub use state::SourcesState;

thread_local! {
    /// The dataset every instance answers from: built once per page, built again when the
    /// vocabulary of needs (or a layer) arrives (each leaked: they live as long as the page).
    static DATA: Cell<Option<&'static Dataset>> = const { Cell::new(None) };
    /// The loader's function that fetches the vocabulary (`hulpkompas-needs.txt`); it fetches once,
    /// and again after a failure.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Every app (mounted or parked, see `Mounted`) to tell when the vocabulary or the sources arrive (or fail).
    static REFRESH: RefCell<Vec<Callback<Arrived>>> = const { RefCell::new(Vec::new()) };
    /// The source addresses (`hulpkompas-sources.txt`), once they are there (leaked: they live
    /// as long as the page).
    static SOURCES: Cell<Option<&'static Sources>> = const { Cell::new(None) };
    /// Whether the last request for the sources failed (cleared by the next request).
    static SOURCES_FAILED: Cell<bool> = const { Cell::new(false) };
    /// Whether a request for the sources is in flight (one at a time).
    static SOURCES_IN_FLIGHT: Cell<bool> = const { Cell::new(false) };
    /// The loader's function that fetches the sources; it fetches once, and again after a failure.
    static SOURCES_LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The loader's function to call on a panic: it replaces every instance by its fallback.
    static ON_PANIC: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// What arrived for every mounted instance.
#[derive(Clone, Copy)]
pub enum Arrived {
    /// The data changed (the vocabulary of needs, or a layer, arrived): answer again.
    Vocabulary,
    /// The vocabulary of needs could not load: say so (search keeps the concepts' own names).
    VocabularyFailed,
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

/// Called by the loader when the vocabulary of needs could not load (or was no vocabulary): every
/// instance says so and keeps its answer; the next need search asks again.
#[wasm_bindgen(js_name = vocabularyFailed)]
pub fn vocabulary_failed() {
    tell_every_instance(Arrived::VocabularyFailed);
}

/// Called by the loader with the text of `hulpkompas-needs.txt`: search by need gets its vocabulary.
#[wasm_bindgen(js_name = setVocabulary)]
pub fn set_vocabulary(text: String) -> Result<(), JsValue> {
    let text: &'static str = Box::leak(text.into_boxed_str());
    let (vocabulary, skipped) = Vocabulary::parse(text).map_err(|e| {
        vocabulary_failed();
        JsValue::from_str(&format!("hulpkompas: the vocabulary of needs: {e}"))
    })?;
    for line in skipped {
        web_sys::console::warn_1(&format!("hulpkompas: the vocabulary of needs, {line}").into());
    }
    let data = Dataset::builtin().with_vocabulary(vocabulary);
    // With the layered build, the host's layers on top (kept for when one arrives later).
    #[cfg(feature = "layer")]
    let data = layer::with_vocabulary(data, text);
    install(data);
    Ok(())
}

/// `data` is what every instance answers from now on: they answer again.
pub(crate) fn install(data: Dataset) {
    DATA.with(|d| d.set(Some(Box::leak(Box::new(data)))));
    tell_every_instance(Arrived::Vocabulary);
}

fn tell_every_instance(what: Arrived) {
    let callbacks: Vec<Callback<Arrived>> = REFRESH.with(|r| r.borrow().clone());
    for c in callbacks {
        c.emit(what);
    }
}

/// Registers an instance to hear when the vocabulary or the sources arrive.
pub(crate) fn on_arrival(callback: Callback<Arrived>) {
    REFRESH.with(|r| r.borrow_mut().push(callback));
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
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// Called by the loader: the function to call with the message when the widget panics. A panic
/// in wasm leaves its memory in no known state, so the loader, not this crate, replaces every
/// instance by its fallback (the general entry and the help lines) and mounts no new one.
#[wasm_bindgen(js_name = setPanicHandler)]
pub fn set_panic_handler(handler: js_sys::Function) {
    ON_PANIC.with(|h| *h.borrow_mut() = Some(handler));
}

/// Our panic hook, set before Yew's renderer would set its own (which only logs): say so in the
/// console and let the loader show the fallback in every instance. Never a frozen or blank box.
fn install_panic_hook() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            let message = format!("hulpkompas: {info}");
            web_sys::console::error_1(&message.as_str().into());
            ON_PANIC.with(|h| {
                if let Ok(h) = h.try_borrow() {
                    if let Some(f) = h.as_ref() {
                        let _ = f.call1(&JsValue::NULL, &message.into());
                    }
                }
            });
        }));
    });
}

/// For the end-to-end test of the fallback: panics, as a defect would.
#[wasm_bindgen(js_name = selfTestPanic)]
pub fn self_test_panic() {
    panic!("self-test panic");
}

fn props_from(options: &JsValue, instance: u32, mount: u32) -> Props {
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
                c.parts(b',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        exit_url: get("exitUrl").filter(|u| is_web_address(u)),
        report: get("report")
            .map(|u| u.trim().to_string())
            .filter(|u| is_report_address(u)),
        heading_level: get("headingLevel")
            // One digit (2–6 are used; `Props::heading_level` makes anything else 2).
            .and_then(|l| match l.trim().as_bytes() {
                [d @ b'0'..=b'9'] => Some(d - b'0'),
                _ => None,
            })
            .unwrap_or_default(),
        // Present means on (`compact`, `compact=""`), except an explicit "false".
        compact: get("compact").is_some_and(|c| c.trim() != "false"),
        instance,
        mount,
    }
}

/// Only an absolute http(s) address may be where the quick exit leads.
fn is_web_address(url: &str) -> bool {
    let u = url.trim();
    (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace)
}

/// Where a mistake may be reported: an http(s) address or `mailto:` one e-mail address (never a
/// `javascript:` or other scheme).
fn is_report_address(url: &str) -> bool {
    match url.strip_prefix("mailto:") {
        // One address: no spaces, commas or semicolons (bytes: no generic pattern code).
        Some(to) => {
            to.as_bytes().contains(&b'@')
                && !to.bytes().any(|b| b <= b' ' || b == b',' || b == b';')
        }
        None => is_web_address(url),
    }
}

thread_local! {
    /// Apps whose widget was removed, with their element, for the next widget to take over.
    static PARKED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static NEXT_MOUNT: Cell<u32> = const { Cell::new(1) };
}

/// A Yew app and the element it renders into.
///
/// Yew never removes the event listeners it puts on that element (its closures are forgotten
/// "as this event handler is static"), so an app destroyed with its element leaks both, with
/// the element's last DOM: about one node, three listeners and a few KB of wasm per mount. So
/// an app is never destroyed: a removed widget's app is parked with its element, and the next
/// widget mounted takes it over, starting afresh. The apps alive are the most widgets the page
/// ever showed at once.
struct Mounted {
    app: AppHandle<App>,
    element: web_sys::Element,
    instance: u32,
}

/// A mounted widget.
#[wasm_bindgen]
pub struct Handle {
    mounted: Option<Mounted>,
    mount: u32,
}

#[wasm_bindgen]
impl Handle {
    /// Replaces the options (`postcode`, `need`, `lang`, `concepts`).
    pub fn update(&mut self, options: JsValue) {
        if let Some(m) = self.mounted.as_mut() {
            m.app.update(props_from(&options, m.instance, self.mount));
        }
    }

    /// Removes the widget (its app waits, parked, for the next widget).
    pub fn destroy(&mut self) {
        if let Some(m) = self.mounted.take() {
            m.element.remove();
            PARKED.with(|p| p.borrow_mut().push(m));
        }
    }
}

/// Mounts the widget into `container` (an element inside the host's shadow root).
#[wasm_bindgen]
pub fn mount(container: web_sys::Element, options: JsValue) -> Result<Handle, JsValue> {
    install_panic_hook();
    // What the loader showed meanwhile ("Hulpkompas laadt…") goes.
    container.set_text_content(None);
    let mount = NEXT_MOUNT.get();
    NEXT_MOUNT.set(mount + 1);
    let mounted = match PARKED.with(|p| p.borrow_mut().pop()) {
        Some(mut m) => {
            container.append_child(&m.element)?;
            m.app.update(props_from(&options, m.instance, mount));
            m
        }
        None => {
            let instance = NEXT.get();
            NEXT.set(instance + 1);
            let element = container
                .owner_document()
                .ok_or("hulpkompas: the container is in no document")?
                .create_element("div")?;
            container.append_child(&element)?;
            let props = props_from(&options, instance, mount);
            let app = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
            Mounted {
                app,
                element,
                instance,
            }
        }
    };
    Ok(Handle {
        mounted: Some(mounted),
        mount,
    })
}

/// For the browser benchmark: runs one need search in the core and gives the ids of the best
/// three, separated by `,` (the loader times the call and makes sure the vocabulary is there).
#[wasm_bindgen(js_name = searchTimed)]
pub fn search_timed(query: &str) -> String {
    let results = dataset().search(query, None);
    let ids: Vec<&str> = results.iter().take(3).map(|r| r.concept.id).collect();
    ids.join(",")
}
