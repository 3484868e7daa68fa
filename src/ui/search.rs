//! `/` search over the article text: case-insensitive for ASCII letters
//! unless the query has a capital (smart case); byte offsets stay those of
//! the original text.

use super::app::{App, Prompt, Search};
use crate::analysis::Span;

impl App {
    /// `/`: start a new search.
    pub(crate) fn open_search(&mut self) {
        self.prompt = Some(Prompt::Search);
        self.search = Some(Search::default());
    }

    /// Find every match of `query` and move to the first one at or after the view's top.
    pub(crate) fn set_search_query(&mut self, query: String) {
        let matches = self.find_all(&query);
        let top = self.wrapped.lines.get(self.scroll).map_or(0, |l| l.start);
        let current = (!matches.is_empty()).then(|| {
            let i = matches.partition_point(|m| m.start < top);
            if i == matches.len() {
                0
            } else {
                i
            }
        });
        if let Some(i) = current {
            self.show_span(matches[i]);
        }
        self.search = Some(super::app::Search {
            query,
            matches,
            current,
        });
    }

    /// Enter in the search prompt: keep the search, or say it found nothing.
    pub(crate) fn confirm_search(&mut self) {
        match &self.search {
            Some(s) if s.query.is_empty() => self.search = None,
            Some(s) if s.matches.is_empty() => {
                let q = crate::sanitize::clean(&s.query);
                self.message = Some(format!("no match for \"{q}\""));
                self.search = None;
            }
            _ => {}
        }
    }

    /// `n`/`N` while searching: the next or previous match, wrapping around.
    pub(crate) fn next_match(&mut self, forward: bool) {
        let Some(search) = &mut self.search else {
            return;
        };
        let n = search.matches.len();
        if n == 0 {
            return;
        }
        let at = search.current.unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        if (forward && next < at) || (!forward && next > at) {
            self.message = Some("search wrapped around".into());
        }
        search.current = Some(next);
        let span = search.matches[next];
        self.show_span(span);
    }

    fn find_all(&mut self, query: &str) -> Vec<Span> {
        if query.is_empty() {
            return Vec::new();
        }
        let text = &self.analysis.text;
        let (hay, needle) = if query.chars().any(|c| c.is_uppercase()) {
            (text.as_str(), query.to_string())
        } else {
            let lower = self.lower.get_or_insert_with(|| text.to_ascii_lowercase());
            (lower.as_str(), query.to_ascii_lowercase())
        };
        hay.match_indices(needle.as_str())
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect()
    }
}
