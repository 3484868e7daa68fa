//! The library list's order, filter and cursor: rows sorted by title or
//! file, narrowed by the `/` query, the selection kept on its article.

use super::app::Action;
use super::library::{LibraryApp, Sort};
use crate::library::Entry;

impl LibraryApp {
    /// The list's rows after a sort or a filter; the selected entry stays
    /// selected when still listed.
    pub fn refresh_rows(&mut self) {
        let needle = self.query.to_lowercase();
        let mut rows: Vec<usize> = (0..self.entries.len())
            .filter(|&e| needle.is_empty() || matches(&self.entries[e], &needle))
            .collect();
        rows.sort_by_cached_key(|&e| self.key(e));
        self.rows = rows;
        self.keep_selection();
    }

    /// Move entry `e`, which just arrived, to its row: a binary insertion,
    /// so a thousand arrivals cost no thousand sorts.
    pub(crate) fn place(&mut self, e: usize) {
        if let Some(at) = self.rows.iter().position(|&r| r == e) {
            self.rows.remove(at);
        }
        let needle = self.query.to_lowercase();
        if needle.is_empty() || matches(&self.entries[e], &needle) {
            let key = self.key(e);
            let at = self.rows.partition_point(|&r| self.key(r) < key);
            self.rows.insert(at, e);
        }
        self.keep_selection();
    }

    /// Entry `e`'s place in the order: by title (lowercased; untitled
    /// last), or by file name.
    fn key(&self, e: usize) -> (bool, Option<String>, &str) {
        let entry = &self.entries[e];
        match self.sort {
            Sort::Title => {
                let t = entry.title.as_deref();
                (t.is_none(), t.map(str::to_lowercase), &entry.name)
            }
            Sort::File => (false, None, &entry.name),
        }
    }

    /// Keep the chosen entry selected, or the first row when the user has
    /// chosen none yet (pinning entry 0 would carry the cursor to wherever
    /// its title sorts when it arrives).
    fn keep_selection(&mut self) {
        let gone = self.selected.is_none_or(|e| !self.rows.contains(&e));
        if gone || !self.pinned {
            self.selected = self.rows.first().copied();
        }
        self.keep_in_view();
    }

    pub(crate) fn edit_query(&mut self, action: Action) {
        let mut q = self.query.clone();
        match action {
            Action::Input(c) => q.push(c),
            Action::Backspace => {
                q.pop();
            }
            _ => self.prompt = false,
        }
        self.set_query(q);
    }

    pub(crate) fn set_query(&mut self, q: String) {
        self.pinned |= q != self.query;
        self.query = q;
        self.offset = 0;
        self.refresh_rows();
    }

    /// The selected entry's row.
    pub fn cursor(&self) -> Option<usize> {
        self.selected
            .and_then(|e| self.rows.iter().position(|&r| r == e))
    }

    pub(crate) fn move_cursor(&mut self, action: Action) {
        let Some(at) = self.cursor() else { return };
        let page = self.list_height().max(1);
        let last = self.rows.len().saturating_sub(1);
        let row = match action {
            Action::Down => (at + 1).min(last),
            Action::Up => at.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (at + page).min(last),
            Action::PageUp | Action::HalfPageUp => at.saturating_sub(page),
            Action::First => 0,
            Action::Last => last,
            _ => return,
        };
        self.selected = Some(self.rows[row]);
        self.pinned = true;
        self.keep_in_view();
    }

    /// Rows the list shows at once: the screen less borders, header and status.
    pub fn list_height(&self) -> usize {
        self.size.height.saturating_sub(4) as usize
    }

    pub(crate) fn keep_in_view(&mut self) {
        let h = self.list_height().max(1);
        let row = self.cursor().unwrap_or(0);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + h {
            self.offset = row + 1 - h;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(h));
    }
}

/// True when the entry's title or name contains `needle` (lowercase).
fn matches(e: &Entry, needle: &str) -> bool {
    e.name.to_lowercase().contains(needle)
        || e.title
            .as_ref()
            .is_some_and(|t| t.to_lowercase().contains(needle))
}
