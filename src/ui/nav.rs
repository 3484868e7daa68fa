//! Moving around: focus, scrolling, list cursors, and jumps between quotes
//! and speakers.

use super::app::{Action, App, Pane};

/// How far a movement goes.
#[derive(Debug, Clone, Copy)]
enum Step {
    Up(usize),
    Down(usize),
    First,
    Last,
}

impl App {
    /// Movement actions.
    pub(crate) fn update_nav(&mut self, action: Action) {
        let page = match self.focus {
            Pane::Article => self.view_height(),
            Pane::Speakers => self.list_heights().0,
            Pane::Quotes => self.list_heights().1,
        }
        .max(1);
        let step = match action {
            Action::FocusNext => return self.focus_by(1),
            Action::FocusPrev => return self.focus_by(2),
            Action::NextQuote => return self.next_quote(true),
            Action::PrevQuote => return self.next_quote(false),
            Action::NextSpeaker => return self.next_speaker(true),
            Action::PrevSpeaker => return self.next_speaker(false),
            Action::NextOtherSpeaker => return self.next_other_speaker(),
            Action::Up => Step::Up(1),
            Action::Down => Step::Down(1),
            Action::HalfPageUp => Step::Up(page.div_ceil(2)),
            Action::HalfPageDown => Step::Down(page.div_ceil(2)),
            Action::PageUp => Step::Up(page),
            Action::PageDown => Step::Down(page),
            Action::First => Step::First,
            Action::Last => Step::Last,
            _ => return,
        };
        match self.focus {
            Pane::Article => self.scroll = moved(self.scroll, step, self.max_scroll() + 1),
            Pane::Speakers => self.move_speaker_cursor(step),
            Pane::Quotes => self.move_quote_cursor(step),
        }
    }

    fn focus_by(&mut self, by: usize) {
        const PANES: [Pane; 3] = [Pane::Article, Pane::Speakers, Pane::Quotes];
        let at = PANES.iter().position(|&p| p == self.focus).unwrap_or(0);
        self.focus = PANES[(at + by) % 3];
    }

    fn move_speaker_cursor(&mut self, step: Step) {
        if self.rows.is_empty() {
            return;
        }
        self.speaker_cursor = moved(self.speaker_cursor, step, self.rows.len());
        self.jump_to_speaker(self.rows[self.speaker_cursor]);
    }

    /// Show speaker `s`: select their first quote (in the filter when one
    /// applies), or scroll to where they are first mentioned.
    pub(crate) fn jump_to_speaker(&mut self, s: usize) {
        let cursor = self.speaker_cursor;
        let listed = self
            .visible
            .iter()
            .find(|&&q| self.quote_speaker[q] == Some(s));
        let any = || (0..self.quote_speaker.len()).find(|&q| self.quote_speaker[q] == Some(s));
        match listed.copied().or_else(any) {
            Some(q) => self.select_quote(q),
            None => {
                if let Some(m) = self.analysis.speakers[s].mentions.iter().min() {
                    self.show_span(*m);
                }
            }
        }
        self.speaker_cursor = cursor;
        self.keep_lists_in_view();
    }

    fn move_quote_cursor(&mut self, step: Step) {
        if self.visible.is_empty() {
            return;
        }
        let row = match (self.quote_row(), self.selected) {
            (Some(r), _) => moved(r, step, self.visible.len()),
            // The selection is filtered out: start from where it would be.
            (None, Some(q)) => {
                let at = self.visible.partition_point(|&v| v < q);
                let from = if matches!(step, Step::Down(_)) {
                    at.saturating_sub(1)
                } else {
                    at
                };
                moved(from.min(self.visible.len() - 1), step, self.visible.len())
            }
            (None, None) => 0,
        };
        self.select_quote(self.visible[row]);
    }

    /// `n`/`N`: the next or previous listed quote, or search match while searching.
    fn next_quote(&mut self, forward: bool) {
        if self.search.as_ref().is_some_and(|s| !s.matches.is_empty()) {
            return self.next_match(forward);
        }
        let sel = self.selected;
        let target = match sel {
            None => self.visible.first().copied(),
            Some(q) if forward => self
                .visible
                .get(self.visible.partition_point(|&v| v <= q))
                .copied(),
            Some(q) => {
                let i = self.visible.partition_point(|&v| v < q);
                i.checked_sub(1).map(|i| self.visible[i])
            }
        };
        match target {
            Some(q) => self.select_quote(q),
            None if self.visible.is_empty() => self.message = Some("no quotes to show".into()),
            None if forward => self.message = Some("last quote".into()),
            None => self.message = Some("first quote".into()),
        }
    }

    /// `]`/`[`: the next or previous quoted speaker in the list (within the
    /// filter when it applies), jumping to their first quote.
    fn next_speaker(&mut self, forward: bool) {
        let eligible = |app: &App, row: usize| {
            let s = app.rows[row];
            app.counts[s] > 0 && (!app.filter_active() || app.filter.contains(&s))
        };
        let n = self.rows.len();
        let from = self.speaker_cursor;
        let found = if forward {
            (from + 1..n).find(|&r| eligible(self, r))
        } else {
            (0..from.min(n)).rev().find(|&r| eligible(self, r))
        };
        match found {
            Some(row) => {
                self.speaker_cursor = row;
                self.jump_to_speaker(self.rows[row]);
            }
            None => {
                self.message = Some(
                    if forward {
                        "last speaker"
                    } else {
                        "first speaker"
                    }
                    .into(),
                )
            }
        }
    }

    /// `s`: the next listed quote whose speaker differs from the selected one's.
    fn next_other_speaker(&mut self) {
        let current = self.selected_speaker();
        let from = self
            .selected
            .map_or(0, |q| self.visible.partition_point(|&v| v <= q));
        let next = self.visible[from..]
            .iter()
            .copied()
            .find(|&q| self.quote_speaker[q] != current);
        match next {
            Some(q) => self.select_quote(q),
            None => self.message = Some("no later quote by another speaker".into()),
        }
    }
}

/// `at` moved by `step` within `0..len`.
fn moved(at: usize, step: Step, len: usize) -> usize {
    let last = len.saturating_sub(1);
    match step {
        Step::Up(n) => at.saturating_sub(n),
        Step::Down(n) => at.saturating_add(n).min(last),
        Step::First => 0,
        Step::Last => last,
    }
}
