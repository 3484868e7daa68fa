//! The mouse: a click selects what is under it, the wheel scrolls the pane
//! under the pointer. Events become [`Action`]s here; [`App`] resolves the
//! cell against the same layout it draws.

use super::app::{Action, App, Pane};
use super::layout::{article_text, inner};
use super::text::char_width;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// The action for a mouse event, if any.
pub fn action(event: MouseEvent) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(x, y)),
        MouseEventKind::ScrollDown => Some(Action::Wheel(x, y, true)),
        MouseEventKind::ScrollUp => Some(Action::Wheel(x, y, false)),
        _ => None,
    }
}

/// Lines or rows one wheel notch scrolls the article.
const WHEEL_LINES: usize = 3;

fn hit(r: Rect, x: u16, y: u16) -> bool {
    r.contains(Position::new(x, y))
}

impl App {
    /// The pane under a screen cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let a = self.areas?;
        if hit(a.article, x, y) {
            Some(Pane::Article)
        } else if hit(a.speakers, x, y) {
            Some(Pane::Speakers)
        } else if hit(a.quotes, x, y) || hit(a.details, x, y) {
            Some(Pane::Quotes)
        } else {
            None
        }
    }

    /// A click: focus the pane, and select the row or quote under the pointer.
    pub(crate) fn click(&mut self, x: u16, y: u16) {
        let (Some(pane), Some(a)) = (self.pane_at(x, y), self.areas) else {
            return;
        };
        self.focus = pane;
        match pane {
            Pane::Article => self.click_article(article_text(a.article), x, y),
            Pane::Speakers => {
                let r = inner(a.speakers);
                let row = self.speaker_offset + y.saturating_sub(r.y) as usize;
                if hit(r, x, y) && row < self.rows.len() {
                    self.speaker_cursor = row;
                    self.jump_to_speaker(self.rows[row]);
                }
            }
            Pane::Quotes => {
                let r = inner(a.quotes);
                let row = self.quote_offset + y.saturating_sub(r.y) as usize;
                if hit(r, x, y) && row < self.visible.len() {
                    self.select_quote(self.visible[row]);
                }
            }
        }
    }

    fn click_article(&mut self, text: Rect, x: u16, y: u16) {
        if !hit(text, x, y) {
            return;
        }
        let Some(line) = self.wrapped.lines.get(self.scroll + (y - text.y) as usize) else {
            return;
        };
        let col = (x - text.x) as usize;
        let mut used = 0;
        let mut at = line.start;
        for (i, c) in super::text::slice(&self.analysis.text, *line).char_indices() {
            used += char_width(c);
            at = line.start + i;
            if used > col {
                break;
            }
        }
        let q = self
            .quotes_in(crate::analysis::Span::new(at, at + 1))
            .last();
        if let Some(q) = q {
            // The click is in view already: select without scrolling.
            let scroll = self.scroll;
            self.select_quote(q);
            self.scroll = scroll;
        }
    }

    /// A wheel notch over a pane scrolls it without moving its cursor.
    pub(crate) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let step = |v: usize, by: usize, max: usize| {
            if down {
                (v + by).min(max)
            } else {
                v.saturating_sub(by)
            }
        };
        let (sh, qh) = self.list_heights();
        match self.pane_at(x, y) {
            Some(Pane::Article) => self.scroll = step(self.scroll, WHEEL_LINES, self.max_scroll()),
            Some(Pane::Speakers) => {
                let max = self.rows.len().saturating_sub(sh);
                self.speaker_offset = step(self.speaker_offset, 1, max);
            }
            Some(Pane::Quotes) => {
                let max = self.visible.len().saturating_sub(qh);
                self.quote_offset = step(self.quote_offset, 1, max);
            }
            None => {}
        }
    }
}
