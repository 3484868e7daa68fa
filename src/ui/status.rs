//! The one-line status bar: the file, quote n/m, the filter, the search, a
//! message, and key hints that drop out when the line is too narrow.
//! While a prompt is open the bar is the prompt.

use super::app::{App, Prompt};
use super::text;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Hints in the order they are dropped last-first; `? help` goes last of all.
const HINTS: &[(&str, &str)] = &[
    ("?", "help"),
    ("Tab", "pane"),
    ("n/N", "quote"),
    ("Enter", "filter"),
    ("/", "search"),
    ("]/[", "speaker"),
    ("q", "quit"),
];

/// Draw the status bar in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width as usize;
    let line = match app.prompt_text() {
        Some((prompt, query)) => prompt_line(app, prompt, query, width),
        None => status_line(app, width),
    };
    frame.render_widget(Paragraph::new(line).style(app.theme.status()), area);
}

fn prompt_line(app: &App, prompt: Prompt, query: &str, width: usize) -> Line<'static> {
    let (sigil, extra) = match prompt {
        Prompt::Search => {
            let n = app.search.as_ref().map_or(0, |s| s.matches.len());
            (
                "/",
                if query.is_empty() {
                    String::new()
                } else {
                    format!("  {}", count(n, "match", "matches"))
                },
            )
        }
        Prompt::Speaker => (
            "@",
            format!("  {}", count(app.rows.len(), "speaker", "speakers")),
        ),
    };
    let hint = "  Enter accept · Esc cancel";
    let room = width.saturating_sub(2 + extra.width() + hint.width());
    let shown = tail(&text::display(query), room);
    Line::from(vec![
        Span::styled(format!("{sigil}{shown}█"), app.theme.label()),
        Span::raw(extra),
        Span::raw(hint),
    ])
}

/// `1 match`, `2 matches`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The end of `s` that fits in `cols` columns.
fn tail(s: &str, cols: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        used += text::char_width(c);
        if used > cols {
            break;
        }
        out.push(c);
    }
    out.iter().rev().collect()
}

/// The parts of the left side: file, position, filter, search, message.
fn facts(app: &App) -> Vec<(String, Style)> {
    let theme = &app.theme;
    let mut out = Vec::new();
    if let Some(m) = &app.message {
        out.push((text::display(m), theme.label()));
    }
    let pos = app
        .quote_row()
        .map_or("–".to_string(), |r| (r + 1).to_string());
    out.push((format!("quote {pos}/{}", app.visible.len()), Style::new()));
    if app.filter_active() {
        let names: Vec<String> = app
            .filter
            .iter()
            .map(|&s| text::display(&app.analysis.speakers[s].name))
            .collect();
        out.push((format!("filter: {}", names.join(", ")), theme.label()));
    } else if !app.filter.is_empty() {
        out.push(("filter off (f)".into(), Style::new()));
    }
    if let Some(s) = &app.search {
        let at = s.current.map_or(0, |c| c + 1);
        out.push((
            format!(
                "search \"{}\" {at}/{}",
                text::display(&s.query),
                s.matches.len()
            ),
            Style::new(),
        ));
    }
    if !app.mouse {
        out.push(("mouse off (m)".into(), Style::new()));
    }
    out
}

fn status_line(app: &App, width: usize) -> Line<'static> {
    let name = app.analysis.path.as_deref().unwrap_or(&app.analysis.title);
    let facts = facts(app);
    let fixed: usize = facts.iter().map(|(s, _)| s.width() + 3).sum();
    let mut hints: Vec<&(&str, &str)> = HINTS.iter().collect();
    let hint_width = |h: &[&(&str, &str)]| {
        h.iter()
            .map(|(k, d)| k.width() + d.width() + 3)
            .sum::<usize>()
    };
    // Keep at least a little of the file name; drop hints from the end until it fits.
    while hints.len() > 1 && fixed + 24 + hint_width(&hints) > width {
        hints.pop();
    }
    let name_room = width.saturating_sub(fixed + hint_width(&hints) + 2);
    // A name cut to a few letters says nothing: leave it out instead.
    let name = (name_room >= 8).then(|| text::fit(name, name_room));
    let parts = name.map(|n| (n, Style::new())).into_iter().chain(facts);
    let mut spans = Vec::new();
    for (i, (s, style)) in parts.enumerate() {
        spans.push(Span::raw(if i == 0 { " " } else { " │ " }));
        spans.push(Span::styled(s, style));
    }
    let left: usize = spans.iter().map(|s| s.content.width()).sum();
    let mut right = Vec::new();
    for (k, d) in hints.iter().rev() {
        right.push(Span::styled(format!(" {k}"), app.theme.label()));
        right.push(Span::raw(format!(" {d} ")));
    }
    let right_w: usize = right.iter().map(|s| s.content.width()).sum();
    if left + right_w < width {
        spans.push(Span::raw(" ".repeat(width - left - right_w)));
        spans.extend(right);
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::super::app::Action;
    use super::super::fixture::{self, render, rows};

    fn status(app: &super::App, w: u16, h: u16) -> String {
        rows(&render(app, w, h)).pop().unwrap()
    }

    #[test]
    fn shows_file_position_and_help_hint() {
        let app = fixture::app(100, 30);
        let s = status(&app, 100, 30);
        assert!(s.contains("fixture.txt"), "{s}");
        assert!(s.contains("quote 1/5"), "{s}");
        assert!(s.trim_end().ends_with("? help"), "{s}");
    }

    #[test]
    fn hints_fit_narrow_terminals() {
        let app = fixture::app(60, 20);
        let s = status(&app, 60, 20);
        assert!(s.contains("? help"), "{s}");
        assert!(s.contains("quote 1/5"), "{s}");
        assert_eq!(unicode_width::UnicodeWidthStr::width(s.as_str()), 60);
    }

    #[test]
    fn shows_the_filter_and_prompt() {
        let mut app = fixture::app(100, 30);
        app.update(Action::FocusNext);
        app.update(Action::Activate);
        let s = status(&app, 100, 30);
        assert!(s.contains("filter: Helen Okafor"), "{s}");
        assert!(s.contains("quote 1/3"), "{s}");
        app.update(Action::Search);
        app.update(Action::Input('w'));
        let s = status(&app, 100, 30);
        assert!(s.starts_with("/w█"), "{s}");
    }

    #[test]
    fn a_long_message_pushes_the_name_out_cleanly() {
        let mut app = fixture::app(60, 20);
        app.update(Action::ToggleMouse);
        let s = status(&app, 60, 20);
        assert!(s.starts_with(" mouse off: select text"), "{s}");
    }
}
