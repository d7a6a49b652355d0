//! The widget's one component: it keeps the [`State`], turns messages into state changes and side
//! effects, and renders with the pure views of [`crate::view`].

use gloo_timers::callback::Timeout;
use hulpkompas_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{Action, State};

/// What the host page sets (attributes of `<hulpkompas-widget>` or options of `mount`).
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct Props {
    /// Postcode or place to start with.
    #[prop_or_default]
    pub postcode: String,
    /// Need to start with.
    #[prop_or_default]
    pub need: String,
    /// Language.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// Show only these concept ids (empty: all).
    #[prop_or_default]
    pub concepts: Vec<String>,
    /// Where the quick exit leads (an http(s) address; else a neutral search page).
    #[prop_or_default]
    pub exit_url: Option<String>,
    /// The level of the widget's own headings (`heading-level`, 2–6), so they fit the host's
    /// outline; anything else is 2.
    #[prop_or_default]
    pub heading_level: u8,
    /// Where "Klopt dit niet?" on each first stop and offer leads (`report`): a `mailto:` address
    /// (the name of what is wrong goes in the subject) or an http(s) page; none: no such link.
    #[prop_or_default]
    pub report: Option<String>,
    /// Only the answer and the first stop (`compact`): for a narrow column.
    #[prop_or_default]
    pub compact: bool,
    /// Unique per instance, for element ids.
    #[prop_or_default]
    pub instance: u32,
    /// Unique per mount: an app taken over by a new widget (see `Mounted` in `lib.rs`) starts
    /// afresh when it changes.
    #[prop_or_default]
    pub mount: u32,
}

impl Props {
    /// The level of the widget's top headings: what the host set, where it is 2–6; else 2.
    pub fn heading_level(&self) -> u8 {
        match self.heading_level {
            l @ 2..=6 => l,
            _ => 2,
        }
    }
}

/// Where the quick exit leads when the host sets nothing: a neutral page.
pub const DEFAULT_EXIT_URL: &str = "https://www.google.com/";

/// How long typing pauses before what is typed is answered (a whole postcode is answered at once).
pub const PAUSE_MS: u32 = 700;

/// What the visitor did, or what arrived.
pub enum Msg {
    /// Typed in the place field.
    Place(String),
    /// A "did you mean" choice: take it, and put the focus back in the field (the list goes away).
    Pick(String),
    /// Typed in the need field.
    Need(String),
    /// A chip: that need, at once.
    Chip(String),
    /// A pause in the typing, Enter, or the place field left: answer what is typed.
    Settle,
    Lang(Lang),
    /// Leave the page at once (violence, abuse): replace it in the history, so Back does not return.
    QuickExit,
    /// The vocabulary of needs arrived: answer again.
    Refresh,
    /// The vocabulary of needs could not load.
    VocabularyFailed,
    /// A fold opened (`open`) or closed: its body is built when it first opens; `sources`: it
    /// shows sources.
    Fold {
        key: String,
        open: bool,
        sources: bool,
    },
    /// The sources arrived, or could not load.
    Sources(crate::SourcesState),
}

/// The component.
pub struct App {
    state: State,
    place_ref: NodeRef,
    focus_place: bool,
    /// Runs out [`PAUSE_MS`] after the last keystroke (a new keystroke starts it again).
    pause: Option<Timeout>,
}

impl App {
    /// Applies an action to the state, then starts what the new state asks for.
    fn apply(&mut self, action: Action) {
        let data = crate::dataset();
        self.state.apply(action, data, crate::today());
        self.effects();
    }

    /// Waits for a pause in the typing while the state is quiet; else waits for nothing.
    fn wait_for_pause(&mut self, ctx: &Context<Self>) {
        self.pause = self.state.quiet.then(|| {
            let link = ctx.link().clone();
            Timeout::new(PAUSE_MS, move || link.send_message(Msg::Settle))
        });
    }

    /// The side effects the state asks for: the vocabulary of needs, when a need is asked
    /// without it (until it arrives, search uses the concepts' own names); the sources, when a
    /// fold is opened without them (until they arrive, the folds say they are loading).
    fn effects(&self) {
        if self.state.wants_vocabulary(crate::dataset()) {
            crate::request_vocabulary();
        }
        if self.state.wants_sources() {
            crate::request_sources();
        }
    }
}

/// The state for what the host set, answered.
fn fresh_state(p: &Props) -> State {
    State::new(
        &p.postcode,
        &p.need,
        p.lang.unwrap_or_default(),
        p.concepts.clone(),
        crate::sources_state(),
        crate::dataset(),
        crate::today(),
    )
}

impl Component for App {
    type Message = Msg;
    type Properties = Props;

    fn create(ctx: &Context<Self>) -> Self {
        let p = ctx.props();
        crate::on_arrival(ctx.link().callback(|what| match what {
            crate::Arrived::Vocabulary => Msg::Refresh,
            crate::Arrived::VocabularyFailed => Msg::VocabularyFailed,
            crate::Arrived::Sources(s) => Msg::Sources(s),
        }));
        let app = App {
            state: fresh_state(p),
            place_ref: NodeRef::default(),
            focus_place: false,
            pause: None,
        };
        app.effects();
        app
    }

    /// The host changed an attribute: take over what changed, keep what the visitor typed otherwise.
    /// A new widget that took this app over starts afresh.
    fn changed(&mut self, ctx: &Context<Self>, old: &Props) -> bool {
        let new = ctx.props();
        if new.mount != old.mount {
            self.state = fresh_state(new);
            self.focus_place = false;
            self.pause = None;
            self.effects();
            return true;
        }
        if new.postcode != old.postcode {
            self.apply(Action::Place(new.postcode.clone()));
        }
        if new.need != old.need {
            self.apply(Action::Need(new.need.clone()));
        }
        if new.lang != old.lang {
            self.apply(Action::Lang(new.lang.unwrap_or_default()));
        }
        if new.concepts != old.concepts {
            self.apply(Action::Concepts(new.concepts.clone()));
        }
        true
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Place(v) => {
                self.apply(Action::TypePlace(v));
                self.wait_for_pause(ctx);
            }
            Msg::Pick(v) => {
                self.apply(Action::Place(v));
                self.focus_place = true;
            }
            Msg::Need(v) => {
                self.apply(Action::TypeNeed(v));
                self.wait_for_pause(ctx);
            }
            Msg::Chip(v) => self.apply(Action::Need(v)),
            Msg::Settle => {
                self.pause = None;
                if !self.state.quiet {
                    return false;
                }
                self.apply(Action::Settle);
            }
            Msg::Lang(l) => self.apply(Action::Lang(l)),
            Msg::Refresh => self.apply(Action::Refresh),
            Msg::VocabularyFailed => {
                // Only what the status says changes; no new request until the visitor types.
                let data = crate::dataset();
                self.state
                    .apply(Action::VocabularyFailed, data, crate::today());
            }
            Msg::Fold { key, open, sources } => {
                let wants_sources =
                    sources && !matches!(self.state.sources, crate::SourcesState::Ready(_));
                if !open || (self.state.opened.contains(&key) && !wants_sources) {
                    return false;
                }
                self.apply(Action::OpenFold { key, sources });
            }
            Msg::Sources(s) => self.apply(Action::Sources(s)),
            Msg::QuickExit => {
                let url = ctx.props().exit_url.as_deref().unwrap_or(DEFAULT_EXIT_URL);
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace(url);
                }
                return false;
            }
        }
        true
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first: bool) {
        if std::mem::take(&mut self.focus_place) {
            if let Some(input) = self.place_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        crate::view::widget(&self.state, ctx.props(), &self.place_ref, ctx.link())
    }
}
