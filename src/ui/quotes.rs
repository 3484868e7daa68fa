//! The quotes pane: the listed quotes in article order, one row each:
//! speaker and the start of the quote, cut to fit.

use super::app::{App, Pane};
use super::layout::inner;
use super::text;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Widest the speaker column gets.
const NAME_COLS: usize = 16;

/// Draw the quotes list in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let focused = app.focus == Pane::Quotes;
    let pos = app
        .quote_row()
        .map_or("–".to_string(), |r| (r + 1).to_string());
    let which = if app.filter_active() {
        "Quotes, filtered"
    } else {
        "Quotes"
    };
    let title = format!(" {which} {pos}/{} ", app.visible.len());
    frame.render_widget(theme.block(title, focused), area);
    let r = inner(area);
    if app.visible.is_empty() {
        let note = if app.analysis.quotes.is_empty() {
            "No quotes."
        } else {
            "No quotes by the chosen speakers."
        };
        frame.render_widget(Paragraph::new(note).style(theme.dim()), r);
        return;
    }
    let name_cols = name_width(app, r.width as usize);
    let selected = app.quote_row();
    let lines: Vec<Line> = (app.quote_offset..app.visible.len())
        .take(r.height as usize)
        .map(|row| {
            let style = if Some(row) == selected {
                theme.row_selected(focused)
            } else {
                Style::new()
            };
            self::row(app, app.visible[row], name_cols, r.width as usize).style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), r);
}

/// The speaker column's width: the longest listed name, capped.
fn name_width(app: &App, width: usize) -> usize {
    let longest = app
        .order
        .iter()
        .filter(|&&s| app.counts[s] > 0)
        .map(|&s| text::width(&app.analysis.speakers[s].name))
        .max()
        .unwrap_or(0)
        .max(text::width(UNATTRIBUTED));
    longest.min(NAME_COLS).min(width.saturating_sub(1) / 3)
}

/// The name shown for a quote nobody is credited with.
const UNATTRIBUTED: &str = "(nobody)";

/// One quote's row: `Name      “Start of the quote…`.
fn row(app: &App, q: usize, name_cols: usize, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let (name, style) = match app.quote_speaker[q] {
        Some(s) => {
            let slot = app.slots[s].unwrap_or(0);
            (app.analysis.speakers[s].name.as_str(), theme.speaker(slot))
        }
        None => (UNATTRIBUTED, theme.dim()),
    };
    let quote = &app.analysis.quotes[q];
    // Only the start of a long quote is needed for one row.
    let end = floor_char(
        &app.analysis.text,
        quote.end.min(quote.start + width * 4 + 8),
    );
    let words = text::fit(
        text::slice(
            &app.analysis.text,
            crate::analysis::Span::new(quote.start, end),
        ),
        width.saturating_sub(name_cols + 2),
    );
    Line::from(vec![
        Span::raw(" "),
        Span::styled(text::pad(&text::fit(name, name_cols), name_cols), style),
        Span::raw(" "),
        Span::raw(words),
    ])
}

/// The largest char boundary of `s` at or before `i`.
pub fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::super::app::Action;
    use super::super::fixture::{self, find, render, screen};
    use ratatui::style::Modifier;

    #[test]
    fn lists_quotes_in_order_with_speakers() {
        let app = fixture::app(100, 30);
        let s = screen(&render(&app, 100, 30));
        assert!(s.contains("Quotes 1/5"), "{s}");
        let a = s.find("Helen Okafor \"We cannot").expect(&s);
        let b = s.find("(nobody)     \"blank cheque\"").expect(&s);
        assert!(a < b);
    }

    #[test]
    fn long_quotes_are_cut_with_an_ellipsis() {
        let app = fixture::app(60, 20);
        let s = screen(&render(&app, 60, 20));
        assert!(s.contains('…'), "{s}");
    }

    #[test]
    fn moving_selects_and_filter_narrows() {
        let mut app = fixture::app(100, 30);
        app.update(Action::FocusPrev); // quotes
        app.update(Action::Down);
        assert_eq!(app.selected, Some(1));
        let buf = render(&app, 100, 30);
        let (x, y) = find(&buf, "\"The numbers").unwrap();
        assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
        app.filter.insert(1);
        app.update(Action::ToggleFilter);
        let s = screen(&render(&app, 100, 30));
        assert!(s.contains("Quotes, filtered 1/1"), "{s}");
        assert!(!s.contains("(nobody)"), "{s}");
    }
}
