//! The widget's state and how it changes (the split of Yew's `examples/function_todomvc`: the
//! state beside the components, the views pure).
//!
//! Everything a render shows is computed here, once per change — the lookup, the search, the status
//! line — never in `view`. Side effects (asking the loader for the vocabulary or the sources) are
//! not done here either: [`State::wants_vocabulary`] and [`State::wants_sources`] tell the
//! component to start them.

use hulpkompas_core::{
    is_whole_postcode, urgent, Answer, Dataset, Date, FirstStop, Lang, SearchResult, Sources,
    Urgent,
};

use crate::i18n::{self, ui};

/// How many best matches the answer shows for a need.
const MAX_RESULTS: usize = 5;

/// What one widget shows: the visitor's input and the core's answer to it.
pub struct State {
    /// The place field, as typed.
    pub place: String,
    /// The need field, as typed.
    pub need: String,
    /// The language of the interface and the answer.
    pub lang: Lang,
    /// Whether the place field was typed in and has not settled: no answer is shown for a
    /// name half typed ("Sint" is not Lint on the way to Sint-Niklaas).
    pub place_typing: bool,
    /// Whether the status waits for what is typed to settle: the live region speaks once per
    /// settled answer, not on every keystroke.
    pub quiet: bool,
    /// The concept ids the host wants shown (empty: all).
    pub concepts: Vec<String>,
    /// The answer for the place, when the field holds something.
    pub answer: Option<Answer<'static>>,
    /// The best matches for the need, when the field holds something.
    pub results: Option<Vec<SearchResult>>,
    /// The lines to call now, when the need (or a place field that holds no place) signals
    /// danger. Compiled in: there before the vocabulary of needs, before anything else.
    pub urgent: Urgent,
    /// Where to go first for the place (and the need), in the order to try.
    pub first_stop: Vec<FirstStop>,
    /// Whether the answer was made without the vocabulary of needs (still loading, or failed).
    pub vocabulary_missing: bool,
    /// Whether the vocabulary of needs could not load (the next need typed asks again).
    pub vocabulary_failed: bool,
    /// The status line the live region speaks.
    pub status: String,
    /// Counts the answers: the view keys the answer by it, so each new answer (another place,
    /// need or list of concepts; not another language) is built afresh instead of patched. A translator extension (Google Translate and the like) replaces the
    /// text nodes it translates; patched text would land in the replaced, invisible nodes and the
    /// visitor would read the old answer (or Yew would fail to insert next to a removed node).
    pub generation: u32,
    /// Counts the changes of the lines to call: the view rebuilds them only when they change.
    pub urgent_shown: u32,
    /// Counts what the live region said: its text is a new node each time (one announcement).
    pub spoken: u32,
    /// The source addresses the folds show: not in the first load, fetched when a visitor
    /// first opens a fold.
    pub sources: SourcesState,
    /// Whether a fold was opened while the sources are not there: the component asks for them.
    sources_wanted: bool,
    /// The folds opened in this answer, by key: their bodies are built (the view builds a fold's
    /// body only when it was opened). A new answer starts with every fold closed.
    pub opened: Vec<String>,
}

/// Where the source addresses are.
#[derive(Clone, Copy, Debug)]
pub enum SourcesState {
    /// Not there yet (not asked, or on their way): the folds say they are loading.
    Loading,
    /// They could not load: the folds say so, the rest of the answer stays.
    Failed,
    /// There.
    Ready(&'static Sources),
}

/// A change to the state: what the visitor did, or what the host set.
pub enum Action {
    /// The visitor typed in the place field: answered when it holds a whole postcode (or
    /// nothing), else when it settles.
    TypePlace(String),
    /// The place was chosen ("did you mean") or set by the host: answered at once.
    Place(String),
    /// The visitor typed in the need field: the matches follow at once, the status when it
    /// settles.
    TypeNeed(String),
    /// The need was chosen (a chip) or set by the host: answered at once.
    Need(String),
    /// The visitor paused, pressed Enter or left the field: answer what is typed.
    Settle,
    /// Another language.
    Lang(Lang),
    /// The host changed the concepts to show.
    Concepts(Vec<String>),
    /// The data changed (the vocabulary of needs arrived): answer again.
    Refresh,
    /// The vocabulary of needs could not load: say so, keep the answer.
    VocabularyFailed,
    /// The visitor opened the fold `key`; `sources`: it shows sources.
    OpenFold { key: String, sources: bool },
    /// The sources arrived, or could not load.
    Sources(SourcesState),
}

impl State {
    /// The state for what the host set, answered.
    pub fn new(
        place: &str,
        need: &str,
        lang: Lang,
        concepts: Vec<String>,
        sources: SourcesState,
        data: &'static Dataset,
        today: Date,
    ) -> State {
        let mut state = State {
            place: place.to_string(),
            need: need.to_string(),
            lang,
            place_typing: false,
            quiet: false,
            concepts,
            answer: None,
            results: None,
            urgent: Urgent::default(),
            first_stop: Vec::new(),
            vocabulary_missing: false,
            vocabulary_failed: false,
            status: String::new(),
            generation: 0,
            spoken: 0,
            urgent_shown: 0,
            sources,
            sources_wanted: false,
            opened: Vec::new(),
        };
        state.answer_again(data, today);
        state
    }

    /// Applies one change and answers again where the answer depends on it.
    pub fn apply(&mut self, action: Action, data: &'static Dataset, today: Date) {
        // Another language is the same answer, patched in place, and so are a fold opened and
        // the sources arriving: the folds the visitor opened stay open.
        // A pause after a need typed only lets the status speak: the answer stays (a click on it,
        // such as the quick exit, is never lost to a rebuild when the field loses focus).
        let new_answer = match action {
            Action::Settle => self.place_typing,
            Action::Lang(_) | Action::OpenFold { .. } | Action::Sources(_) => false,
            _ => true,
        };
        if new_answer {
            self.generation = self.generation.wrapping_add(1);
            self.opened.clear();
        }
        match action {
            Action::TypePlace(v) => {
                let at_once = v.trim().is_empty() || is_whole_postcode(&v);
                self.place_typing = !at_once;
                self.quiet = !at_once;
                self.place = v;
            }
            Action::Place(v) => {
                self.place_typing = false;
                self.quiet = false;
                self.place = v;
            }
            Action::TypeNeed(v) => {
                self.quiet = !v.trim().is_empty();
                self.need = v;
            }
            Action::Need(v) => {
                self.quiet = false;
                self.need = v;
            }
            Action::Settle => {
                self.place_typing = false;
                self.quiet = false;
            }
            Action::Lang(l) => self.lang = l,
            Action::Concepts(c) => self.concepts = c,
            Action::Refresh => self.vocabulary_failed = false,
            Action::VocabularyFailed => self.vocabulary_failed = true,
            // Neither changes the answer: only what the folds show.
            Action::OpenFold { key, sources } => {
                if !self.opened.contains(&key) {
                    self.opened.push(key);
                }
                if sources && !matches!(self.sources, SourcesState::Ready(_)) {
                    // After a failure, opening a fold tries again.
                    self.sources = SourcesState::Loading;
                    self.sources_wanted = true;
                }
                return;
            }
            Action::Sources(s) => {
                self.sources = s;
                self.sources_wanted = false;
                return;
            }
        }
        self.answer_again(data, today);
    }

    /// Whether the host wants this concept shown.
    pub fn shows(&self, concept: &str) -> bool {
        self.concepts.is_empty() || self.concepts.iter().any(|c| c == concept)
    }

    /// Whether the answer would be better with the vocabulary of needs, which `data` lacks.
    pub fn wants_vocabulary(&self, data: &Dataset) -> bool {
        !self.need.trim().is_empty() && data.vocabulary().is_empty()
    }

    /// Whether a fold waits for the sources, which have not arrived.
    pub fn wants_sources(&self) -> bool {
        self.sources_wanted && matches!(self.sources, SourcesState::Loading)
    }

    /// Whether there is an answer to print (a place or a need).
    pub fn has_answer(&self) -> bool {
        self.answer.as_ref().is_some_and(|a| a.place.is_some()) || self.results.is_some()
    }

    fn answer_again(&mut self, data: &'static Dataset, today: Date) {
        self.answer = (!self.place_typing && !self.place.trim().is_empty())
            .then(|| data.lookup_on(&self.place, today));
        // While a place is half typed, no matches either: they would be for no place, or the last.
        let results = (!self.place_typing && !self.need.trim().is_empty()).then(|| {
            let mut r = data.search(&self.need, self.answer.as_ref());
            r.retain(|r| self.shows(r.concept.id));
            r.truncate(MAX_RESULTS);
            r
        });
        self.first_stop = match (&self.answer, &results) {
            (Some(a), Some(r)) => a.first_stop_for(r),
            (Some(a), None) => a.first_stop.clone(),
            (None, _) => Vec::new(),
        };
        self.results = results;
        self.vocabulary_missing = data.vocabulary().is_empty();
        let before = std::mem::take(&mut self.urgent);
        self.urgent = urgent(&self.need, self.lang);
        // A cry for help typed in the place field (at once, also while it is being typed).
        if self.urgent.lines.is_empty()
            && (self.place_typing || self.answer.as_ref().is_some_and(|a| a.place.is_none()))
        {
            self.urgent = urgent(&self.place, self.lang);
        }
        let same = |a: &Urgent, b: &Urgent| {
            a.quick_exit == b.quick_exit
                && a.lines
                    .iter()
                    .map(|l| l.number)
                    .eq(b.lines.iter().map(|l| l.number))
        };
        if !same(&before, &self.urgent) {
            self.urgent_shown = self.urgent_shown.wrapping_add(1);
        }
        // Quiet while typing: the status (and the live region) waits for the answer to settle.
        self.status = if self.quiet {
            String::new()
        } else {
            self.spoken = self.spoken.wrapping_add(1);
            self.status_text()
        };
    }

    /// What the live region says: the line to call first, when there is one, then what was
    /// read (a correction, a warning), then the answer.
    fn status_text(&self) -> String {
        let mut answer = self.answer_status();
        if let Some(a) = self.answer.as_ref().filter(|a| a.place.is_some()) {
            let notes: Vec<String> = a.diagnostics.iter().map(|d| d.message(self.lang)).collect();
            if !notes.is_empty() {
                answer = [notes.join(" "), answer].join(" ");
            }
        }
        match self.urgent.lines.first() {
            Some(line) => {
                i18n::status_urgent(line.number, line.name.get(self.lang), &answer, self.lang)
            }
            None => answer,
        }
    }

    /// The place answered for, in the visitor's language ("9000 Gent"), when there is one.
    pub fn place_label(&self) -> Option<String> {
        self.answer
            .as_ref()
            .and_then(|a| a.place.as_ref())
            .map(|p| p.label(self.lang))
    }

    fn answer_status(&self) -> String {
        let lang = self.lang;
        let t = ui(lang);
        let place = self.place_label();
        if let Some(r) = &self.results {
            if r.is_empty() && self.vocabulary_missing {
                return if self.vocabulary_failed {
                    t.needs_failed
                } else {
                    t.loading_needs
                }
                .to_string();
            }
            if r.is_empty() {
                return t.no_results_need.to_string();
            }
            return i18n::status_need(r.len(), place.as_deref(), lang);
        }
        match &self.answer {
            None => t.start.to_string(),
            Some(a) => match &a.place {
                Some(p) => {
                    let n = a
                        .concepts
                        .iter()
                        .filter(|c| c.works_for_citizens() && self.shows(c.concept.id))
                        .count();
                    i18n::status_found(n, &p.label(lang), lang)
                }
                None => a
                    .diagnostics
                    .first()
                    .map(|d| d.message(lang))
                    .unwrap_or_default(),
            },
        }
    }
}
