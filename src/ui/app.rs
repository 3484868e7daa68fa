//! The reader's state and the one way it changes: [`App::update`] with an
//! [`Action`]. Plain Rust, no terminal: tests drive it directly.
//!
//! Actions are handled by group in sibling modules (`nav`, `filter`,
//! `search`, `mouse`); this file holds the state, its indexes, and the
//! helpers they share.

pub use super::action::Action;
use super::index::{speaker_order, start_index};
use super::layout::{self, Areas};
use super::theme::Theme;
use super::wrap::Wrapped;
use crate::analysis::{Analysis, Span};
use ratatui::layout::Rect;
use std::collections::BTreeSet;

/// The three panes focus moves between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article text.
    Article,
    /// The speakers list.
    Speakers,
    /// The quotes list.
    Quotes,
}

/// Which line editor is open at the bottom of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// `/`: search the article text.
    Search,
    /// `@`: narrow the speakers list by name.
    Speaker,
}

/// A search over the article text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// Every match, in text order.
    pub matches: Vec<Span>,
    /// The match the view is on.
    pub current: Option<usize>,
}

/// The reader's whole state.
#[derive(Debug, Clone)]
pub struct App {
    /// What is being read.
    pub analysis: Analysis,
    /// The styles in use.
    pub theme: Theme,
    /// The focused pane.
    pub focus: Pane,
    /// The terminal size.
    pub size: Rect,
    /// Where the panes are (None when the terminal is too small).
    pub areas: Option<Areas>,
    /// The article wrapped to the current width.
    pub wrapped: Wrapped,
    /// The article's first visible display line.
    pub scroll: usize,
    /// Each quote's speaker, as an index into `analysis.speakers`.
    pub quote_speaker: Vec<Option<usize>>,
    /// Each speaker's colour slot (quoted speakers only).
    pub slots: Vec<Option<usize>>,
    /// Quotes attributed to each speaker.
    pub counts: Vec<usize>,
    /// Quotes the core credits to nobody.
    pub unattributed: usize,
    /// Speakers in list order: most quoted first, then those only mentioned.
    pub order: Vec<usize>,
    /// The speakers list's rows (speaker indices), narrowed by the `@` query.
    pub rows: Vec<usize>,
    /// The speakers list's cursor row.
    pub speaker_cursor: usize,
    /// The speakers list's first visible row.
    pub speaker_offset: usize,
    /// The `@` query.
    pub speaker_query: String,
    /// Speakers chosen for the filter.
    pub filter: BTreeSet<usize>,
    /// Whether the filter applies.
    pub filter_on: bool,
    /// The quotes list's quotes (indices into `analysis.quotes`), in text order.
    pub visible: Vec<usize>,
    /// The selected quote.
    pub selected: Option<usize>,
    /// The quotes list's first visible row.
    pub quote_offset: usize,
    /// The active search.
    pub search: Option<Search>,
    /// The open prompt.
    pub prompt: Option<Prompt>,
    /// The help overlay's scroll, when it is open.
    pub help: Option<usize>,
    /// Whether the mouse is captured.
    pub mouse: bool,
    /// A one-off message for the status bar.
    pub message: Option<String>,
    /// Text waiting to be copied to the clipboard by the terminal loop.
    pub copy: Option<String>,
    /// Set when the reader should exit.
    pub quit: bool,
    /// True when the reader shows an article of a library: its help lists
    /// the library's keys too.
    pub in_library: bool,
    /// Quote indices sorted by start, and the running maximum of their ends.
    pub(crate) by_start: Vec<usize>,
    pub(crate) max_end: Vec<usize>,
    /// The text with ASCII letters lowered, made on the first search.
    pub(crate) lower: Option<String>,
}

impl App {
    /// A reader on `analysis`, first quote selected, article focused.
    pub fn new(analysis: Analysis, theme: Theme) -> App {
        let quote_speaker = analysis.quote_speakers();
        let (order, counts, slots) = speaker_order(&analysis, &quote_speaker);
        let (by_start, max_end) = start_index(&analysis);
        let mut app = App {
            theme,
            focus: Pane::Article,
            size: Rect::default(),
            areas: None,
            wrapped: Wrapped::default(),
            scroll: 0,
            rows: order.clone(),
            order,
            unattributed: quote_speaker.iter().filter(|s| s.is_none()).count(),
            counts,
            slots,
            quote_speaker,
            speaker_cursor: 0,
            speaker_offset: 0,
            speaker_query: String::new(),
            filter: BTreeSet::new(),
            filter_on: false,
            visible: (0..analysis.quotes.len()).collect(),
            selected: None,
            quote_offset: 0,
            search: None,
            prompt: None,
            help: None,
            mouse: true,
            message: None,
            copy: None,
            quit: false,
            in_library: false,
            by_start,
            max_end,
            lower: None,
            analysis,
        };
        app.selected = app.visible.first().copied();
        app.sync_speaker_cursor();
        app
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if self.help.is_some() && self.update_help(action) {
            return;
        }
        if self.prompt.is_some() && self.update_prompt(action) {
            return;
        }
        match action {
            Action::Quit | Action::ForceQuit => self.quit = true,
            Action::Cancel => self.cancel(),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Help => self.help = Some(0),
            Action::Copy => self.copy_selected(),
            Action::ToggleMouse => self.toggle_mouse(),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::Search => self.open_search(),
            Action::SpeakerPrompt => self.open_speaker_prompt(),
            Action::Activate | Action::ToggleFilter | Action::ClearFilter => {
                self.update_filter(action)
            }
            _ => self.update_nav(action),
        }
    }

    /// Keys while the help is open: scroll it, close it; Ctrl-c still quits.
    fn update_help(&mut self, action: Action) -> bool {
        let top = self.help.unwrap_or(0);
        self.help = match action {
            Action::ForceQuit => {
                self.quit = true;
                None
            }
            Action::Down => Some(top + 1),
            Action::Up => Some(top.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some(top + 10),
            Action::PageUp | Action::HalfPageUp => Some(top.saturating_sub(10)),
            Action::First => Some(0),
            Action::Resize(..) => return false,
            Action::Quit | Action::Cancel | Action::Help => None,
            _ => Some(top),
        };
        self.help = self.help.map(|t| t.min(super::help::max_scroll(self)));
        true
    }

    /// Esc: undo the innermost thing that is on.
    fn cancel(&mut self) {
        if self.search.take().is_some() {
            return;
        }
        if !self.speaker_query.is_empty() {
            self.set_speaker_query(String::new());
        } else if self.filter_active() {
            self.filter_on = false;
            self.refresh_visible();
        }
    }

    fn toggle_mouse(&mut self) {
        self.mouse = !self.mouse;
        self.message = Some(if self.mouse {
            "mouse on: wheel scrolls, click selects".into()
        } else {
            "mouse off: select text with the terminal; m turns it back on".into()
        });
    }

    /// Lay out for a terminal of `w`x`h`, re-wrapping the article only when its width changed.
    fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        self.areas = layout::areas(self.size);
        let Some(areas) = self.areas else { return };
        let width = layout::article_text(areas.article).width as usize;
        if width != self.wrapped.width || self.wrapped.is_empty() {
            let anchor = self.wrapped.lines.get(self.scroll).map_or(0, |l| l.start);
            self.wrapped = Wrapped::new(&self.analysis.text, width);
            self.scroll = self.wrapped.line_of(anchor);
        }
        self.scroll = self.scroll.min(self.max_scroll());
        self.keep_lists_in_view();
    }

    /// True when the filter is on and names at least one speaker.
    pub fn filter_active(&self) -> bool {
        self.filter_on && !self.filter.is_empty()
    }

    /// Recompute the quotes list after the filter changed, keeping a selection.
    pub(crate) fn refresh_visible(&mut self) {
        let active = self.filter_active();
        self.visible = (0..self.analysis.quotes.len())
            .filter(|&q| !active || self.quote_speaker[q].is_some_and(|s| self.filter.contains(&s)))
            .collect();
        let keep = self
            .selected
            .filter(|q| self.visible.binary_search(q).is_ok());
        let next = self.selected.and_then(|sel| {
            let i = self.visible.partition_point(|&q| q < sel);
            self.visible.get(i).or(self.visible.last()).copied()
        });
        match keep.or(next).or(self.visible.first().copied()) {
            Some(q) => self.select_quote(q),
            None => self.selected = None,
        }
        self.quote_offset = 0;
        self.keep_lists_in_view();
    }

    /// Select quote `q`: scroll the article to it and follow it in the lists.
    pub(crate) fn select_quote(&mut self, q: usize) {
        self.selected = Some(q);
        let span = self.analysis.quotes[q].span();
        self.show_span(span);
        self.sync_speaker_cursor();
        self.keep_lists_in_view();
    }

    /// Scroll the article so `span` is in view, with some context above it.
    pub(crate) fn show_span(&mut self, span: Span) {
        let h = self.view_height();
        if self.wrapped.is_empty() || h == 0 {
            return;
        }
        let first = self.wrapped.line_of(span.start);
        let last = self
            .wrapped
            .line_of(span.end.saturating_sub(1).max(span.start));
        if first >= self.scroll && last < self.scroll + h {
            return;
        }
        let mut top = first.saturating_sub(h / 4);
        if last >= top + h {
            top = (last + 1 - h).min(first);
        }
        self.scroll = top.min(self.max_scroll());
    }

    /// Put the speakers cursor on the selected quote's speaker, when listed.
    pub(crate) fn sync_speaker_cursor(&mut self) {
        let speaker = self.selected.and_then(|q| self.quote_speaker[q]);
        if let Some(row) = speaker.and_then(|s| self.rows.iter().position(|&r| r == s)) {
            self.speaker_cursor = row;
        }
    }

    /// Scroll both lists so their cursors are visible.
    pub(crate) fn keep_lists_in_view(&mut self) {
        let (sh, qh) = self.list_heights();
        self.speaker_cursor = self.speaker_cursor.min(self.rows.len().saturating_sub(1));
        self.speaker_offset = in_view(self.speaker_offset, self.speaker_cursor, sh);
        if let Some(row) = self.quote_row() {
            self.quote_offset = in_view(self.quote_offset, row, qh);
        }
    }

    /// The selected quote's row in the quotes list, when it is listed.
    pub fn quote_row(&self) -> Option<usize> {
        self.selected
            .and_then(|q| self.visible.binary_search(&q).ok())
    }

    /// Rows the article shows at once.
    pub fn view_height(&self) -> usize {
        self.areas
            .map_or(0, |a| layout::article_text(a.article).height as usize)
    }

    /// Rows the speakers and quotes lists show at once.
    pub fn list_heights(&self) -> (usize, usize) {
        self.areas.map_or((0, 0), |a| {
            (
                layout::inner(a.speakers).height as usize,
                layout::inner(a.quotes).height as usize,
            )
        })
    }

    /// The largest article scroll: the last line at the bottom.
    pub fn max_scroll(&self) -> usize {
        self.wrapped.len().saturating_sub(self.view_height())
    }

    /// Quotes overlapping `span`, in start order.
    pub fn quotes_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.max_end.partition_point(|&e| e <= span.start);
        self.by_start[from..]
            .iter()
            .copied()
            .take_while(move |&q| self.analysis.quotes[q].start < span.end.max(span.start + 1))
            .filter(move |&q| self.analysis.quotes[q].end > span.start)
    }

    /// The speaker index of the selected quote.
    pub fn selected_speaker(&self) -> Option<usize> {
        self.selected.and_then(|q| self.quote_speaker[q])
    }
}

/// The offset that keeps `cursor` within a `height`-row window starting near `offset`.
fn in_view(offset: usize, cursor: usize, height: usize) -> usize {
    if height == 0 || cursor < offset {
        cursor.min(offset)
    } else if cursor >= offset + height {
        cursor + 1 - height
    } else {
        offset
    }
}
