//! The people screen's state and keys: everyone quoted across the library
//! (merged by [`crate::people::merge`]), and the selected person's quotes
//! grouped by article; Enter on a quote opens its article at it.
//! The drawing is in `people_view`.

use super::app::Action;
use super::library::{LibraryApp, View};
use crate::people::{merge, Person};
use std::time::{Duration, Instant};

/// How often the people are merged again while articles keep arriving.
const REMERGE: Duration = Duration::from_millis(300);

/// Which side of the people screen has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The people list.
    #[default]
    People,
    /// The selected person's quotes.
    Quotes,
}

/// The people screen's state.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Everyone quoted, most quoted first.
    pub people: Vec<Person>,
    /// The listed people (indices into `people`), narrowed by the query.
    pub rows: Vec<usize>,
    /// The people list's cursor row.
    pub cursor: usize,
    /// The people list's first visible row.
    pub offset: usize,
    /// The selected quote among the person's quotes (in their order).
    pub quote: usize,
    /// The quotes pane's first visible line.
    pub quote_offset: usize,
    /// The focused side.
    pub focus: Side,
    /// The `/` query: people whose names contain it.
    pub query: String,
    /// Articles done when the people were last merged: behind
    /// [`LibraryApp::done`] while the people are stale.
    pub merged_at: Option<usize>,
    /// When they were last merged.
    pub merged_when: Option<Instant>,
}

impl People {
    /// The person under the cursor.
    pub fn person(&self) -> Option<&Person> {
        self.rows.get(self.cursor).map(|&p| &self.people[p])
    }
}

/// One line of the quotes pane: an article's heading, or a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The article (entry index) the quotes below are from.
    Article(usize),
    /// A quote: its number among the person's quotes, entry and quote index.
    Quote(usize, usize, usize),
}

/// The quotes pane's lines for `p`: each article's heading, then its quotes.
pub fn lines(p: &Person) -> Vec<Line> {
    let mut out = Vec::new();
    let mut n = 0;
    for a in &p.articles {
        out.push(Line::Article(a.article));
        for &q in &a.quotes {
            out.push(Line::Quote(n, a.article, q));
            n += 1;
        }
    }
    out
}

impl LibraryApp {
    /// Show the people screen, merging the people first when articles arrived.
    pub(crate) fn show_people(&mut self) {
        self.screen = View::People;
        self.prompt = false;
        if self.people.merged_at != Some(self.done) {
            self.merge_people();
        }
    }

    /// Articles arrived: merge again when the people show, at most every
    /// [`REMERGE`] until the last one. One that arrives sooner leaves the
    /// people stale until [`LibraryApp::tick`].
    pub(crate) fn people_arrived(&mut self) {
        if self.screen == View::People && (self.merge_due() || self.all_done()) {
            self.merge_people();
        }
    }

    /// Time passed: merge the articles that arrived since the last merge
    /// once [`REMERGE`] is up, if the people show. True when they changed.
    /// The event loop calls it while articles are being analysed.
    pub fn tick(&mut self) -> bool {
        let stale = self.people.merged_at != Some(self.done);
        let show = self.screen == View::People;
        if show && stale && self.merge_due() {
            self.merge_people();
            return true;
        }
        false
    }

    /// True when the last merge is [`REMERGE`] old.
    fn merge_due(&self) -> bool {
        self.people
            .merged_when
            .is_none_or(|t| t.elapsed() >= REMERGE)
    }

    fn merge_people(&mut self) {
        let chosen = self.people.person().map(|p| p.name.clone());
        let articles = (0..self.entries.len()).filter_map(|e| self.analysis(e).map(|a| (e, a)));
        self.people.people = merge(articles);
        self.people.merged_at = Some(self.done);
        self.people.merged_when = Some(Instant::now());
        self.filter_people(chosen);
    }

    /// List the people matching the query, keeping `chosen` selected.
    fn filter_people(&mut self, chosen: Option<String>) {
        let needle = self.people.query.to_lowercase();
        let p = &mut self.people;
        p.rows = (0..p.people.len())
            .filter(|&i| {
                let names = &p.people[i].names;
                names.iter().any(|n| n.to_lowercase().contains(&needle))
            })
            .collect();
        let at = chosen.and_then(|c| p.rows.iter().position(|&i| p.people[i].name == c));
        if at != Some(p.cursor) {
            p.quote = 0;
            p.quote_offset = 0;
        }
        p.cursor = at.unwrap_or(0);
        self.keep_people_in_view();
    }

    /// Keys on the people screen.
    pub(crate) fn update_people(&mut self, action: Action) {
        if self.prompt {
            return self.edit_people_query(action);
        }
        match action {
            Action::FocusNext | Action::FocusPrev => self.people.focus = other(self.people.focus),
            Action::Activate => self.activate_person(),
            Action::Search => {
                self.prompt = true;
                self.people.focus = Side::People;
            }
            Action::Cancel => self.set_people_query(String::new()),
            Action::Library | Action::Back => self.screen = View::List,
            _ => self.move_people(action),
        }
    }

    fn activate_person(&mut self) {
        let at = self.people.quote;
        let Some(target) = self.people.person().map(|p| p.quotes().nth(at)) else {
            return;
        };
        match self.people.focus {
            Side::People => self.people.focus = Side::Quotes,
            Side::Quotes => {
                if let Some((e, q)) = target {
                    self.open(e, Some(q));
                }
            }
        }
    }

    fn edit_people_query(&mut self, action: Action) {
        let mut q = self.people.query.clone();
        match action {
            Action::Input(c) => q.push(c),
            Action::Backspace => {
                q.pop();
            }
            Action::Confirm => self.prompt = false,
            Action::Cancel => {
                self.prompt = false;
                q.clear();
            }
            _ => return,
        }
        self.set_people_query(q);
    }

    fn set_people_query(&mut self, q: String) {
        let chosen = self.people.person().map(|p| p.name.clone());
        self.people.query = q;
        self.filter_people(chosen);
    }

    fn move_people(&mut self, action: Action) {
        let (h, len, at) = match self.people.focus {
            Side::People => (
                self.people_height(),
                self.people.rows.len(),
                self.people.cursor,
            ),
            Side::Quotes => {
                let n = self.people.person().map_or(0, Person::quote_count);
                (self.people_height(), n, self.people.quote)
            }
        };
        let last = len.saturating_sub(1);
        let to = match action {
            Action::Down => (at + 1).min(last),
            Action::Up => at.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (at + h.max(1)).min(last),
            Action::PageUp | Action::HalfPageUp => at.saturating_sub(h.max(1)),
            Action::First => 0,
            Action::Last => last,
            _ => return,
        };
        match self.people.focus {
            Side::People if to != at => {
                self.people.cursor = to;
                self.people.quote = 0;
                self.people.quote_offset = 0;
            }
            Side::People => {}
            Side::Quotes => self.people.quote = to,
        }
        self.keep_people_in_view();
    }

    /// Rows each side of the people screen shows at once.
    pub fn people_height(&self) -> usize {
        self.size.height.saturating_sub(3) as usize
    }

    /// Scroll both sides so their cursors show.
    pub(crate) fn keep_people_in_view(&mut self) {
        let h = self.people_height().max(1);
        let p = &mut self.people;
        p.offset = in_view(p.offset, p.cursor, h);
        let Some(person) = p.rows.get(p.cursor).map(|&i| &p.people[i]) else {
            return;
        };
        let lines = lines(person);
        let at = lines
            .iter()
            .position(|l| matches!(l, Line::Quote(n, ..) if *n == p.quote))
            .unwrap_or(0);
        // Keep the article's heading in view above its first quote.
        let top = if at > 0 && matches!(lines[at - 1], Line::Article(_)) {
            at - 1
        } else {
            at
        };
        p.quote_offset = in_view(p.quote_offset.min(top), at, h).min(top);
    }
}

fn other(side: Side) -> Side {
    match side {
        Side::People => Side::Quotes,
        Side::Quotes => Side::People,
    }
}

/// The offset that keeps `cursor` within a `height`-row window near `offset`.
fn in_view(offset: usize, cursor: usize, height: usize) -> usize {
    if cursor < offset {
        cursor
    } else if cursor >= offset + height {
        cursor + 1 - height
    } else {
        offset
    }
}
