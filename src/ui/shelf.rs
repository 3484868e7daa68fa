//! The library's list screen: one row per article — title, quotes,
//! speakers, file — with the analysis progress in the title and the filter
//! prompt or key hints in the status bar. Only draws.

use super::layout::inner;
use super::library::LibraryApp;
use super::text;
use crate::library::{Entry, State};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Columns of the two count columns.
const QUOTES_COLS: usize = 7;
const SPEAKERS_COLS: usize = 9;

/// Key hints on the list's status bar.
const HINTS: &[(&str, &str)] = &[
    ("Enter", "open"),
    ("/", "filter"),
    ("s", "sort"),
    ("P", "people"),
    ("?", "help"),
    ("q", "quit"),
];

/// Draw the list screen in `area`.
pub fn draw(frame: &mut Frame, area: Rect, lib: &LibraryApp) {
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let status = Rect::new(area.x, area.y + body.height, area.width, 1);
    frame.render_widget(lib.theme.block(title(lib), true), body);
    let r = inner(body);
    let cols = Columns::for_width(lib, r.width as usize);
    let mut lines = vec![cols.header().style(lib.theme.label())];
    let cursor = lib.cursor();
    lines.extend(
        (lib.offset..lib.rows.len())
            .take(r.height.saturating_sub(1) as usize)
            .map(|row| {
                let line = cols.row(lib, &lib.entries[lib.rows[row]]);
                if Some(row) == cursor {
                    line.style(lib.theme.row_selected(true))
                } else {
                    line
                }
            }),
    );
    if lib.rows.is_empty() {
        let note = if lib.entries.is_empty() {
            " No articles."
        } else {
            " No article matches the filter (Esc clears it)."
        };
        lines.push(Line::styled(note, lib.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), r);
    let bar = status_line(lib, status.width as usize, &progress(lib), HINTS);
    frame.render_widget(Paragraph::new(bar).style(lib.theme.status()), status);
}

/// ` Library — 40 articles · analysed 12/40 · sorted by title `.
fn title(lib: &LibraryApp) -> String {
    let n = lib.entries.len();
    let mut t = format!(" Library — {n} article{}", if n == 1 { "" } else { "s" });
    t.push_str(&format!(" · {}", progress(lib)));
    if !lib.query.is_empty() {
        t.push_str(&format!(" · {} shown", lib.rows.len()));
    }
    t.push_str(&format!(" · {} ", lib.sort_name()));
    t
}

/// `analysed 12/40`, with the failures when there are some.
pub fn progress(lib: &LibraryApp) -> String {
    let failed = lib.entries.iter().filter(|e| e.error().is_some()).count();
    let mut p = format!("analysed {}/{}", lib.done, lib.entries.len());
    if failed > 0 {
        p.push_str(&format!(" ({failed} failed)"));
    }
    p
}

/// The widths of the list's columns.
struct Columns {
    title: usize,
    file: usize,
}

impl Columns {
    fn for_width(lib: &LibraryApp, width: usize) -> Columns {
        let longest = lib.rows.iter().map(|&e| text::width(&lib.entries[e].name));
        let file = longest.max().unwrap_or(4).clamp(4, width * 2 / 5);
        let title = width.saturating_sub(file + QUOTES_COLS + SPEAKERS_COLS + 3);
        Columns { title, file }
    }

    fn header(&self) -> Line<'static> {
        Line::raw(format!(
            " {}{:>QUOTES_COLS$}{:>SPEAKERS_COLS$} {}",
            text::pad("Title", self.title),
            "Quotes",
            "Speakers",
            "File"
        ))
    }

    fn row(&self, lib: &LibraryApp, e: &Entry) -> Line<'static> {
        let file = text::fit(&e.name, self.file);
        let (title, counts, style) = match &e.state {
            State::Ready(_) => (
                e.title.as_deref().unwrap_or(""),
                format!("{:>QUOTES_COLS$}{:>SPEAKERS_COLS$}", e.quotes, e.speakers),
                Style::new(),
            ),
            State::Pending => ("analysing…", String::new(), lib.theme.dim()),
            State::Failed(why) => (problem(e, why), String::new(), lib.theme.alert()),
        };
        let marked = if e.error().is_some() {
            format!("✗ {title}")
        } else if e.repaired.is_some() {
            // Bytes that were not UTF-8 were replaced to show the article.
            format!("⚠ {title}")
        } else {
            title.to_string()
        };
        let left = self.title
            + if counts.is_empty() {
                QUOTES_COLS + SPEAKERS_COLS
            } else {
                0
            };
        Line::from(vec![
            Span::raw(" "),
            Span::styled(text::pad(&text::fit(&marked, left), left), style),
            Span::raw(format!("{counts} ")),
            Span::styled(file, lib.theme.dim()),
        ])
    }
}

/// The error without the file name the row shows anyway.
fn problem<'a>(e: &Entry, why: &'a str) -> &'a str {
    let named = why.strip_prefix(e.name.as_str());
    named.and_then(|w| w.strip_prefix(": ")).unwrap_or(why)
}

/// The status bar of a library screen: the prompt while it is open, else
/// the message, `what` counted, and the key hints that fit.
pub fn status_line(
    lib: &LibraryApp,
    width: usize,
    what: &str,
    hints: &[(&str, &str)],
) -> Line<'static> {
    let label = lib.theme.label();
    if lib.prompt {
        let query = match lib.screen {
            super::library::View::People => &lib.people.query,
            _ => &lib.query,
        };
        return Line::from(vec![
            Span::styled(format!("/{}█", text::display(query)), label),
            Span::raw("  Enter accept · Esc clear"),
        ]);
    }
    let left = match &lib.message {
        Some(m) => Span::styled(format!(" {}", text::fit(m, width / 2)), label),
        None => Span::raw(format!(" {what}")),
    };
    let mut spans = vec![left];
    let mut used = spans[0].content.chars().count();
    let mut right = Vec::new();
    for (k, d) in hints {
        let w = k.chars().count() + d.chars().count() + 3;
        if used + w > width {
            break;
        }
        used += w;
        right.push(Span::styled(format!(" {k}"), label));
        right.push(Span::raw(format!(" {d} ")));
    }
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    spans.extend(right);
    Line::from(spans)
}
