//! The library: many articles, listed, opened one at a time in the reader,
//! and their people across articles ([`super::people`]).
//!
//! [`LibraryApp`] holds the list and the open reader; [`LibraryApp::update`]
//! applies an [`Action`] to the screen showing; [`LibraryApp::receive`]
//! takes a background worker's result. The list's drawing is in `shelf`.

use super::app::{Action, App};
use super::people::People;
use super::theme::Theme;
use crate::analysis::Analysis;
use crate::library::{Entry, Outcome, State};
use ratatui::layout::Rect;

/// Which screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The list of articles.
    List,
    /// The people quoted across articles.
    People,
    /// One article in the reader.
    Article,
}

/// The list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// By title (articles not analysed yet last).
    Title,
    /// By file name.
    File,
}

/// The article open in the reader, with the reader's state.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Its entry.
    pub entry: usize,
    /// The reader, which holds the entry's analysis while it is open.
    pub app: App,
}

/// The library's whole state.
#[derive(Debug, Clone)]
pub struct LibraryApp {
    /// Every article, in the order given.
    pub entries: Vec<Entry>,
    /// The list's rows (entry indices), sorted and filtered.
    pub rows: Vec<usize>,
    /// The list's order.
    pub sort: Sort,
    /// The selected entry (kept across sorting, filtering and screens).
    pub selected: Option<usize>,
    /// True once the user chose a row (moved, sorted, filtered or opened):
    /// the selection then follows its entry as rows re-sort. Until then it
    /// stays on the first row while arriving titles re-sort the list.
    pub pinned: bool,
    /// The list's first visible row.
    pub offset: usize,
    /// The filter typed after `/`.
    pub query: String,
    /// True while the `/` prompt is open (on the list or people screen).
    pub prompt: bool,
    /// The screen showing.
    pub screen: View,
    /// Where Back from the article goes.
    pub back: View,
    /// The article open in the reader (kept while other screens show).
    pub reader: Option<Reader>,
    /// The people screen's state.
    pub people: People,
    /// Entries whose loading ended.
    pub done: usize,
    /// The help overlay's scroll, when open (list and people screens).
    pub help: Option<usize>,
    /// The styles.
    pub theme: Theme,
    /// The terminal size.
    pub size: Rect,
    /// A one-off message for the status bar.
    pub message: Option<String>,
    /// Whether the reader captures the mouse (kept across articles).
    pub mouse: bool,
    /// Set when the library should exit.
    pub quit: bool,
}

impl LibraryApp {
    /// A library of `entries` (pending, or failed already), on the list.
    pub fn new(entries: Vec<Entry>, theme: Theme) -> LibraryApp {
        let done = entries.iter().filter(|e| e.done()).count();
        let mut lib = LibraryApp {
            rows: Vec::new(),
            sort: Sort::Title,
            selected: None,
            pinned: false,
            offset: 0,
            query: String::new(),
            prompt: false,
            screen: View::List,
            back: View::List,
            reader: None,
            people: People::default(),
            done,
            help: None,
            theme,
            size: Rect::default(),
            message: None,
            mouse: true,
            quit: false,
            entries,
        };
        lib.refresh_rows();
        lib
    }

    /// A worker finished entry `i`.
    pub fn receive(&mut self, i: usize, outcome: Outcome) {
        let Some(entry) = self.entries.get_mut(i) else {
            return;
        };
        if !entry.done() {
            self.done += 1;
        }
        entry.finish(outcome);
        self.place(i);
        self.people_arrived();
    }

    /// True when every entry is loaded or failed.
    pub fn all_done(&self) -> bool {
        self.done == self.entries.len()
    }

    /// The analysis of entry `e`, wherever it is (the reader holds the open one).
    pub fn analysis(&self, e: usize) -> Option<&Analysis> {
        match &self.reader {
            Some(r) if r.entry == e => Some(&r.app.analysis),
            _ => self.entries.get(e)?.analysis(),
        }
    }

    /// Apply one action to the screen showing.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            return self.resize(w, h);
        }
        if self.screen == View::Article {
            return self.update_reader(action);
        }
        self.message = None;
        if self.help.is_some() {
            return self.update_help(action);
        }
        match (action, self.prompt) {
            (Action::ForceQuit, _) | (Action::Quit, false) => self.quit = true,
            (Action::Help, false) => self.help = Some(0),
            _ if self.screen == View::People => self.update_people(action),
            (Action::Input(_) | Action::Backspace | Action::Confirm, true) => {
                self.edit_query(action)
            }
            (Action::Cancel, _) => {
                self.prompt = false;
                self.set_query(String::new());
            }
            (Action::Search, _) => self.prompt = true,
            (Action::Sort, _) => self.toggle_sort(),
            (Action::Activate, _) => self.open_selected(),
            (Action::People, _) => self.show_people(),
            _ => self.move_cursor(action),
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        if let Some(r) = &mut self.reader {
            r.app.update(Action::Resize(w, h));
        }
        self.keep_in_view();
        self.keep_people_in_view();
    }

    /// Keys while the help is open: scroll it or close it.
    fn update_help(&mut self, action: Action) {
        let top = self.help.unwrap_or(0);
        let next = match action {
            Action::ForceQuit => {
                self.quit = true;
                None
            }
            Action::Down => Some(top + 1),
            Action::Up => Some(top.saturating_sub(1)),
            Action::PageDown => Some(top + 10),
            Action::PageUp => Some(top.saturating_sub(10)),
            Action::First => Some(0),
            Action::Quit | Action::Cancel | Action::Help => None,
            _ => Some(top),
        };
        let max = super::help::max_scroll_of(self.size, self.help_lines().len());
        self.help = next.map(|t| t.min(max));
    }

    /// The help for the screen showing.
    pub fn help_lines(&self) -> Vec<ratatui::text::Line<'static>> {
        let (keymaps, typing): (&'static [super::keys::Keymap], _) = match self.screen {
            View::People => (&[super::keys::PEOPLE], "find people by any of their names"),
            _ => (&[super::keys::LIBRARY], "filter the list by title or file"),
        };
        let sheet = super::help::Sheet {
            keymaps,
            prompts: "In the / prompt",
            typing,
            mouse: false,
        };
        super::help::lines(&self.theme, sheet)
    }

    /// Keys in the reader: the library's own, then the reader's.
    fn update_reader(&mut self, action: Action) {
        let Some(r) = &mut self.reader else {
            self.screen = View::List;
            return;
        };
        match action {
            Action::Back => self.screen = self.back,
            Action::Library => self.screen = View::List,
            Action::People => self.show_people(),
            _ => {
                r.app.update(action);
                self.quit = r.app.quit;
            }
        }
        if self.screen != View::Article {
            self.mouse = self.reader.as_ref().is_none_or(|r| r.app.mouse);
        }
    }

    /// Open entry `e` in the reader, at quote `quote` when given.
    pub fn open(&mut self, e: usize, quote: Option<usize>) {
        let Some(entry) = self.entries.get(e) else {
            return;
        };
        match &entry.state {
            State::Pending => return self.message = Some("still being analysed".into()),
            State::Failed(why) => return self.message = Some(why.clone()),
            State::Ready(_) => {}
        }
        if self.reader.as_ref().is_none_or(|r| r.entry != e) {
            self.close_reader();
            self.reader = Some(self.make_reader(e));
        }
        let Some(r) = &mut self.reader else { return };
        if let Some(q) = quote.filter(|&q| q < r.app.analysis.quotes.len()) {
            if r.app.filter_active() && r.app.visible.binary_search(&q).is_err() {
                r.app.filter_on = false;
                r.app.refresh_visible();
            }
            r.app.select_quote(q);
        }
        r.app.message = Some("Backspace or h: back · L: library · P: people".into());
        self.back = self.screen;
        self.screen = View::Article;
    }

    /// A reader on entry `e`, which lends it its analysis.
    fn make_reader(&mut self, e: usize) -> Reader {
        let analysis = match &mut self.entries[e].state {
            State::Ready(a) => std::mem::take(&mut **a),
            _ => Analysis::default(),
        };
        let mut app = App::new(analysis, self.theme);
        app.in_library = true;
        app.mouse = self.mouse;
        app.update(Action::Resize(self.size.width, self.size.height));
        Reader { entry: e, app }
    }

    /// Give the open article's analysis back to its entry.
    fn close_reader(&mut self) {
        if let Some(r) = self.reader.take() {
            self.mouse = r.app.mouse;
            if let State::Ready(a) = &mut self.entries[r.entry].state {
                **a = r.app.analysis;
            }
        }
    }

    fn open_selected(&mut self) {
        self.pinned = true;
        match self.selected.filter(|e| self.rows.contains(e)) {
            Some(e) => self.open(e, None),
            None => self.message = Some("no article selected".into()),
        }
    }

    fn toggle_sort(&mut self) {
        self.sort = match self.sort {
            Sort::Title => Sort::File,
            Sort::File => Sort::Title,
        };
        self.message = Some(self.sort_name().into());
        self.pinned = true;
        self.refresh_rows();
    }

    /// `sorted by title` or `sorted by file`.
    pub fn sort_name(&self) -> &'static str {
        match self.sort {
            Sort::Title => "sorted by title",
            Sort::File => "sorted by file",
        }
    }
}
