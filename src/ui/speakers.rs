//! The speakers pane: one row per person, most quoted first, then those only
//! mentioned; a colour swatch, name, role, and quote count.

use super::app::{App, Pane, Prompt};
use super::layout::inner;
use super::text;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Draw the speakers pane in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let focused = app.focus == Pane::Speakers;
    let title = if app.speaker_query.is_empty() && app.prompt != Some(Prompt::Speaker) {
        format!(" Speakers ({}) ", app.order.len())
    } else {
        let q = text::fit(&app.speaker_query, 20);
        format!(
            " Speakers @{q} ({} of {}) ",
            app.rows.len(),
            app.order.len()
        )
    };
    let mut block = theme.block(title, focused);
    if let Some(note) = empty_note(app) {
        block = block.title_bottom(Line::from(format!(" {note} ")).style(theme.alert()));
    } else if app.unattributed > 0 {
        let n = app.unattributed;
        let note = format!(" +{n} unattributed quote{} ", if n == 1 { "" } else { "s" });
        block = block.title_bottom(Line::from(note).style(theme.dim()).right_aligned());
    }
    frame.render_widget(block, area);
    let r = inner(area);
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(app.speaker_offset)
        .take(r.height as usize)
        .map(|(row, &s)| {
            let selected = row == app.speaker_cursor;
            let style = if selected {
                theme.row_selected(focused)
            } else {
                Style::new()
            };
            self::row(app, s, r.width as usize).style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), r);
}

/// What the pane says when there is nothing to list.
fn empty_note(app: &App) -> Option<&'static str> {
    if app.analysis.quotes.is_empty() {
        Some("no quotes in this article")
    } else if app.order.is_empty() {
        Some("no speakers identified")
    } else if app.rows.is_empty() {
        Some("no speaker matches")
    } else {
        None
    }
}

/// One speaker's row, `width` columns: `✓■ Name, role      3`.
fn row(app: &App, s: usize, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let sp = &app.analysis.speakers[s];
    let count = app.counts[s];
    let right = if count == 0 {
        "mentioned".to_string()
    } else {
        count.to_string()
    };
    let mark = if app.filter.contains(&s) { "✓" } else { " " };
    let (swatch, swatch_style) = match app.slots[s] {
        Some(slot) => ("■ ", theme.speaker(slot)),
        None => ("· ", theme.dim()),
    };
    let room = width.saturating_sub(3 + right.chars().count() + 1);
    let name = text::fit(&sp.name, room);
    let used = unicode_width::UnicodeWidthStr::width(name.as_str());
    let role = match &sp.role {
        Some(r) if room > used + 4 => text::fit(&format!(", {r}"), room - used),
        _ => String::new(),
    };
    let gap = width.saturating_sub(
        3 + used + unicode_width::UnicodeWidthStr::width(role.as_str()) + right.len(),
    );
    Line::from(vec![
        Span::styled(mark, theme.label()),
        Span::styled(swatch, swatch_style),
        Span::raw(name),
        Span::styled(role, theme.dim()),
        Span::raw(" ".repeat(gap)),
        Span::styled(
            right,
            if count == 0 {
                theme.dim()
            } else {
                theme.label()
            },
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::super::app::{Action, App, Pane};
    use super::super::fixture::{self, find, render, screen};
    use super::super::theme::Theme;
    use crate::analysis::Analysis;
    use ratatui::style::Modifier;

    #[test]
    fn quoted_first_then_mentioned() {
        let app = fixture::app(100, 30);
        let s = screen(&render(&app, 100, 30));
        let okafor = s.find("Helen Okafor, Mayor").expect(&s);
        let bell = s.find("Marcus Bell, chief executive").expect(&s);
        let ruth = s.find("Ruth Lindqvist").expect(&s);
        assert!(okafor < bell && bell < ruth);
        assert!(s.contains("mentioned"));
        assert!(s.contains("Speakers (3)"));
    }

    #[test]
    fn focus_shows_in_border_and_cursor() {
        let mut app = fixture::app(100, 30);
        let before = render(&app, 100, 30);
        app.update(Action::FocusNext);
        assert_eq!(app.focus, Pane::Speakers);
        let after = render(&app, 100, 30);
        let (x, y) = find(&after, "Speakers").unwrap();
        assert!(after[(x, y)].modifier.contains(Modifier::BOLD));
        assert_ne!(
            before[(x - 2, y)].symbol(),
            after[(x - 2, y)].symbol(),
            "border style changes"
        );
        let (x, y) = find(&after, "Helen Okafor").unwrap();
        assert!(after[(x, y)].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn filter_marks_chosen_speakers() {
        let mut app = fixture::app(100, 30);
        app.update(Action::FocusNext);
        app.update(Action::Activate);
        let s = screen(&render(&app, 100, 30));
        assert!(s.contains("✓■ Helen Okafor"), "{s}");
    }

    #[test]
    fn no_quotes_says_so() {
        let a = Analysis {
            title: "Calm".into(),
            text: "Calm\n\nNothing said.".into(),
            ..Default::default()
        };
        let mut app = App::new(a, Theme::new(false));
        app.update(Action::Resize(80, 24));
        let s = screen(&render(&app, 80, 24));
        assert!(s.contains("no quotes in this article"), "{s}");
    }

    #[test]
    fn speaker_prompt_narrows_the_list() {
        let mut app = fixture::app(100, 30);
        app.update(Action::SpeakerPrompt);
        app.update(Action::Input('b'));
        app.update(Action::Input('E'));
        let s = screen(&render(&app, 100, 30));
        assert!(s.contains("Speakers @bE (1 of 3)"), "{s}");
        assert!(s.contains("@bE"));
        assert!(!s.contains("Ruth Lindqvist   "));
    }
}
