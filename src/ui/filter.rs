//! The speaker filter, the `@` speaker prompt, the prompt line editor and
//! copying a quote.

use super::app::{Action, App, Pane, Prompt};

impl App {
    /// `Enter`/`Space`, `f`, `a`.
    pub(crate) fn update_filter(&mut self, action: Action) {
        match action {
            Action::Activate => match self.focus {
                Pane::Speakers => self.toggle_speaker(),
                Pane::Quotes => self.focus = Pane::Article,
                Pane::Article => {}
            },
            Action::ToggleFilter => {
                if self.filter.is_empty() {
                    self.message = Some("no speakers chosen: Enter on a speaker adds them".into());
                    return;
                }
                self.filter_on = !self.filter_on;
                self.refresh_visible();
            }
            Action::ClearFilter => {
                self.filter.clear();
                self.filter_on = false;
                self.refresh_visible();
            }
            _ => {}
        }
    }

    /// Add the speaker under the cursor to the filter, or take them out.
    fn toggle_speaker(&mut self) {
        let Some(&s) = self.rows.get(self.speaker_cursor) else {
            return;
        };
        if !self.filter.remove(&s) {
            if self.counts[s] == 0 {
                let name = crate::sanitize::clean(&self.analysis.speakers[s].name);
                self.message = Some(format!("{name} is only mentioned, not quoted"));
                return;
            }
            self.filter.insert(s);
        }
        self.filter_on = !self.filter.is_empty();
        self.refresh_visible();
    }

    /// `@`: narrow the speakers list as the user types.
    pub(crate) fn open_speaker_prompt(&mut self) {
        self.prompt = Some(Prompt::Speaker);
        self.focus = Pane::Speakers;
    }

    /// Narrow the speakers list to names and aliases containing `query` (any case).
    pub(crate) fn set_speaker_query(&mut self, query: String) {
        let needle = query.to_lowercase();
        let speakers = &self.analysis.speakers;
        self.rows = self
            .order
            .iter()
            .copied()
            .filter(|&s| {
                let sp = &speakers[s];
                std::iter::once(&sp.name)
                    .chain(&sp.aliases)
                    .any(|n| n.to_lowercase().contains(&needle))
            })
            .collect();
        self.speaker_query = query;
        self.speaker_cursor = 0;
        self.speaker_offset = 0;
        self.sync_speaker_cursor();
        self.keep_lists_in_view();
    }

    /// Keys while a prompt is open. Returns false for actions the prompt leaves alone.
    pub(crate) fn update_prompt(&mut self, action: Action) -> bool {
        let Some(prompt) = self.prompt else {
            return false;
        };
        match action {
            Action::Input(c) => self.edit_prompt(prompt, |q| q.push(c)),
            Action::Backspace => self.edit_prompt(prompt, |q| {
                q.pop();
            }),
            Action::Confirm => {
                self.prompt = None;
                if prompt == Prompt::Search {
                    self.confirm_search();
                } else if let Some(&s) = self.rows.get(self.speaker_cursor) {
                    self.jump_to_speaker(s);
                }
            }
            Action::Cancel => {
                self.prompt = None;
                match prompt {
                    Prompt::Search => self.search = None,
                    Prompt::Speaker => self.set_speaker_query(String::new()),
                }
            }
            Action::ForceQuit => self.quit = true,
            _ => return false,
        }
        true
    }

    fn edit_prompt(&mut self, prompt: Prompt, edit: impl FnOnce(&mut String)) {
        match prompt {
            Prompt::Speaker => {
                let mut q = self.speaker_query.clone();
                edit(&mut q);
                self.set_speaker_query(q);
            }
            Prompt::Search => {
                let mut q = self
                    .search
                    .as_ref()
                    .map(|s| s.query.clone())
                    .unwrap_or_default();
                edit(&mut q);
                self.set_search_query(q);
            }
        }
    }

    /// The text of the open prompt.
    pub fn prompt_text(&self) -> Option<(Prompt, &str)> {
        self.prompt.map(|p| match p {
            Prompt::Search => (p, self.search.as_ref().map_or("", |s| s.query.as_str())),
            Prompt::Speaker => (p, self.speaker_query.as_str()),
        })
    }

    /// `y`: queue the selected quote, with its attribution, for the clipboard.
    pub(crate) fn copy_selected(&mut self) {
        let Some(q) = self.selected else {
            self.message = Some("no quote selected".into());
            return;
        };
        let text = self.citation(q);
        self.message = Some(format!(
            "copied {} characters to the clipboard",
            text.chars().count()
        ));
        self.copy = Some(text);
    }

    /// `"…" — Name, role` for quote `q`, made safe.
    pub fn citation(&self, q: usize) -> String {
        let quote = &self.analysis.quotes[q];
        let words = super::text::slice(&self.analysis.text, quote.span()).trim();
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        let marked = words.starts_with(['"', '“', '\'', '‘', '«']);
        let mut out = if marked {
            words
        } else {
            format!("“{words}”")
        };
        if let Some(s) = self.quote_speaker[q].map(|s| &self.analysis.speakers[s]) {
            out.push_str(" — ");
            out.push_str(&s.name);
            if let Some(role) = &s.role {
                out.push_str(", ");
                out.push_str(role);
            }
        }
        crate::sanitize::clean(&out)
    }
}
