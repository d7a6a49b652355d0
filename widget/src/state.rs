//! The widget's state and how it changes (the split of Yew's `examples/function_todomvc`: the
//! state beside the components, the views pure).
//!
//! Everything a render shows is computed here, once per change — the lookup, the search, the status
//! line — never in `view`. Side effects (asking the loader for the vocabulary or the sources) are
//! not done here either: [`State::wants_vocabulary`] and [`State::wants_sources`] tell the
//! component to start them.

use hulpkompas_core::{
    urgent, Answer, Dataset, Date, FirstStop, Lang, SearchResult, Sources, Urgent,
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
    /// Whether the place field offers a keyboard with letters (else digits).
    pub letters: bool,
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
    /// The source addresses the folds show: not in the first load, fetched when a visitor
    /// first opens a fold.
    pub sources: SourcesState,
    /// Whether a fold was opened while the sources are not there: the component asks for them.
    sources_wanted: bool,
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
    /// The place field changed (typed, or a "did you mean" choice).
    Place(String),
    /// The host set the place: the keyboard follows what it holds.
    HostPlace(String),
    /// The need field changed (typed, or a chip).
    Need(String),
    /// Another language.
    Lang(Lang),
    /// The other keyboard for the place field.
    ToggleKeyboard,
    /// The host changed the concepts to show.
    Concepts(Vec<String>),
    /// The data changed (the vocabulary of needs arrived): answer again.
    Refresh,
    /// The vocabulary of needs could not load: say so, keep the answer.
    VocabularyFailed,
    /// The visitor opened a fold ("Meer uitleg en bronnen"): it shows sources.
    OpenFold,
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
            letters: has_letters(place),
            concepts,
            answer: None,
            results: None,
            urgent: Urgent::default(),
            first_stop: Vec::new(),
            vocabulary_missing: false,
            vocabulary_failed: false,
            status: String::new(),
            generation: 0,
            sources,
            sources_wanted: false,
        };
        state.answer_again(data, today);
        state
    }

    /// Applies one change and answers again where the answer depends on it.
    pub fn apply(&mut self, action: Action, data: &'static Dataset, today: Date) {
        // Another language is the same answer, patched in place, and so are a fold opened and
        // the sources arriving: the folds the visitor opened stay open.
        let new_answer = matches!(
            action,
            Action::Place(_)
                | Action::HostPlace(_)
                | Action::Need(_)
                | Action::Concepts(_)
                | Action::Refresh
                | Action::VocabularyFailed
        );
        if new_answer {
            self.generation = self.generation.wrapping_add(1);
        }
        match action {
            Action::Place(v) => self.place = v,
            Action::HostPlace(v) => {
                self.letters = has_letters(&v);
                self.place = v;
            }
            Action::Need(v) => self.need = v,
            Action::Lang(l) => self.lang = l,
            Action::ToggleKeyboard => {
                self.letters = !self.letters;
                return;
            }
            Action::Concepts(c) => self.concepts = c,
            Action::Refresh => self.vocabulary_failed = false,
            Action::VocabularyFailed => self.vocabulary_failed = true,
            // Neither changes the answer: only what the folds show.
            Action::OpenFold => {
                if !matches!(self.sources, SourcesState::Ready(_)) {
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
        self.answer = (!self.place.trim().is_empty()).then(|| data.lookup_on(&self.place, today));
        let results = (!self.need.trim().is_empty()).then(|| {
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
        self.urgent = urgent(&self.need, self.lang);
        // A cry for help typed in the place field.
        if self.urgent.lines.is_empty() && self.answer.as_ref().is_some_and(|a| a.place.is_none()) {
            self.urgent = urgent(&self.place, self.lang);
        }
        self.status = self.status_text();
    }

    /// What the live region says: the line to call first, when there is one, then the answer.
    fn status_text(&self) -> String {
        let answer = self.answer_status();
        match self.urgent.lines.first() {
            Some(line) => {
                i18n::status_urgent(line.number, line.name.get(self.lang), &answer, self.lang)
            }
            None => answer,
        }
    }

    fn answer_status(&self) -> String {
        let lang = self.lang;
        let t = ui(lang);
        let place = self
            .answer
            .as_ref()
            .and_then(|a| a.place.as_ref())
            .map(|p| p.label(lang));
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

/// A place typed with letters wants the keyboard with letters.
fn has_letters(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}
