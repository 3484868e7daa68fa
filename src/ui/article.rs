//! The article pane: the wrapped text, quotes in their speaker's colour,
//! search matches, the selected quote standing out. Only the visible lines
//! are built, so a frame costs the same for any article length.

use super::app::{App, Pane};
use super::layout::article_text;
use super::text::{self, TAB_WIDTH};
use crate::analysis::Span;
use crate::sanitize::replacement;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

/// Draw the article pane in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let title = format!(
        " {} ",
        text::fit(&app.analysis.title, area.width.saturating_sub(12) as usize)
    );
    let total = app.wrapped.len();
    let pct = if app.max_scroll() == 0 {
        100
    } else {
        app.scroll * 100 / app.max_scroll()
    };
    let block = theme
        .block(title, app.focus == Pane::Article)
        .title_bottom(Line::from(format!(" {pct}% ")).right_aligned());
    frame.render_widget(block, area);
    let view = article_text(area);
    let lines: Vec<Line> = app
        .wrapped
        .lines
        .iter()
        .skip(app.scroll)
        .take(view.height as usize)
        .map(|&l| line(app, l))
        .collect();
    frame.render_widget(Paragraph::new(lines), view);
    if total > view.height as usize {
        let mut state = ScrollbarState::new(app.max_scroll()).position(app.scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        let track = Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(2),
        );
        frame.render_stateful_widget(bar, track, &mut state);
    }
}

/// A styled range within one line.
struct Mark {
    span: Span,
    style: Style,
    /// Patches the style beneath instead of replacing it.
    patch: bool,
}

/// The marks on display line `l`: quotes, then the selected quote's cue and
/// source, then search matches (later marks win).
fn marks(app: &App, l: Span) -> Vec<Mark> {
    let theme = &app.theme;
    let mut out = Vec::new();
    for q in app.quotes_in(l) {
        let speaker = app.quote_speaker[q];
        let dimmed = app.filter_active() && !speaker.is_some_and(|s| app.filter.contains(&s));
        let slot = speaker.and_then(|s| app.slots[s]);
        let style = theme.quote(slot, app.selected == Some(q), dimmed);
        out.push(Mark {
            span: app.analysis.quotes[q].span(),
            style,
            patch: false,
        });
    }
    if let Some(q) = app.selected.map(|q| &app.analysis.quotes[q]) {
        for s in [q.cue, q.source]
            .into_iter()
            .flatten()
            .filter(|s| s.overlaps(l))
        {
            out.push(Mark {
                span: s,
                style: theme.cue(),
                patch: true,
            });
        }
    }
    if let Some(search) = &app.search {
        let from = search.matches.partition_point(|m| m.end <= l.start);
        for (i, m) in search.matches.iter().enumerate().skip(from) {
            if m.start >= l.end {
                break;
            }
            let style = theme.search(search.current == Some(i));
            out.push(Mark {
                span: *m,
                style,
                patch: true,
            });
        }
    }
    out
}

/// One display line as styled spans, control characters made visible and tabs expanded.
fn line(app: &App, l: Span) -> Line<'static> {
    let marks = marks(app, l);
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::new();
    for (i, c) in text::slice(&app.analysis.text, l).char_indices() {
        let at = l.start + i;
        let style = marks
            .iter()
            .filter(|m| m.span.contains_pos(at))
            .fold(Style::new(), |s, m| {
                if m.patch {
                    s.patch(m.style)
                } else {
                    m.style
                }
            });
        if style != run_style && !run.is_empty() {
            spans.push(TextSpan::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        match c {
            '\t' => run.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            c => run.push(replacement(c).unwrap_or(c)),
        }
    }
    if !run.is_empty() {
        spans.push(TextSpan::styled(run, run_style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::super::app::{Action, App};
    use super::super::fixture::{self, find, render, rows, screen};
    use super::super::theme::Theme;
    use ratatui::style::Modifier;

    #[test]
    fn shows_title_and_wrapped_text() {
        let app = fixture::app(80, 24);
        let buf = render(&app, 80, 24);
        let s = screen(&buf);
        assert!(s.contains("Ferry vote splits the harbour"), "{s}");
        assert!(s.contains("\"We cannot pretend,\""), "{s}");
        // The article pane's text never runs into the side panes.
        let side = app.areas.unwrap().speakers.x as usize;
        for row in rows(&buf) {
            let left: String = row.chars().take(side).collect();
            assert!(!left.contains("Speakers"));
        }
    }

    #[test]
    fn quotes_are_underlined_and_selection_reversed() {
        let app = fixture::app(100, 30);
        let buf = render(&app, 100, 30);
        let (x, y) = find(&buf, "cannot pretend").unwrap();
        let cell = &buf[(x, y)];
        assert!(
            cell.modifier.contains(Modifier::REVERSED),
            "selected quote reversed"
        );
        let (x, y) = find(&buf, "numbers are bad").unwrap();
        let cell = &buf[(x, y)];
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
        assert!(!cell.modifier.contains(Modifier::REVERSED));
        assert_ne!(cell.fg, ratatui::style::Color::Reset, "speaker colour");
    }

    #[test]
    fn filter_dims_other_speakers() {
        let mut app = fixture::app(100, 30);
        app.update(Action::FocusNext); // speakers
        app.update(Action::Down); // Marcus Bell
        app.update(Action::Activate);
        let buf = render(&app, 100, 30);
        let (x, y) = find(&buf, "numbers are bad").unwrap();
        assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
        let (x, y) = find(&buf, "not villains").unwrap();
        assert!(!buf[(x, y)].modifier.contains(Modifier::DIM));
        app.update(Action::ToggleFilter);
        let buf = render(&app, 100, 30);
        let (x, y) = find(&buf, "numbers are bad").unwrap();
        assert!(!buf[(x, y)].modifier.contains(Modifier::DIM));
    }

    #[test]
    fn search_matches_are_highlighted() {
        let mut app = fixture::app(100, 30);
        app.update(Action::Search);
        for c in "harbour".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Confirm);
        let buf = render(&app, 100, 30);
        // The first hit is the pane title; the text's line is right below it.
        let (x, y) = find(&buf, "harbour").unwrap();
        assert_eq!(buf[(x, y + 1)].symbol(), "h");
        assert!(buf[(x, y + 1)].bg != ratatui::style::Color::Reset);
        assert!(
            screen(&buf).contains("search \"harbour\" 1/1"),
            "{}",
            screen(&buf)
        );
    }

    #[test]
    fn control_characters_are_visible() {
        let text = "T\x1b]52;c;SGVsbG8=\x07\n\n\"We cannot pretend,\" Helen Okafor said. \"The numbers are bad.\" \u{9b}2J\r\n\
\"We are not villains.\" Marcus Bell said: x \"blank cheque\" added \"it will work\" Ruth Lindqvist\x1b[31m";
        let app = {
            let mut a = App::new(fixture::analysis_of(text), Theme::new(false));
            a.update(Action::Resize(100, 30));
            a
        };
        let s = screen(&render(&app, 100, 30));
        assert!(s.contains("␛]52;c;SGVsbG8=␇"), "{s}");
        assert!(s.contains("\u{fffd}2J"), "{s}");
        assert!(s.contains("␛[31m"), "{s}");
        assert!(!s.contains('\x1b') && !s.contains('\x07') && !s.contains('\r'));
    }

    #[test]
    fn wide_combining_and_tabs_align() {
        let text = "日本語のタイトル\n\n\"We cannot pretend,\" Helen Okafor said.\t\"The numbers are bad.\" café\u{301} 🎉\n\
\"We are not villains.\" Marcus Bell said: \"blank cheque\" added \"it will work\" Ruth Lindqvist";
        let mut app = App::new(fixture::analysis_of(text), Theme::new(true));
        app.update(Action::Resize(70, 20));
        let buf = render(&app, 70, 20);
        let s = screen(&buf);
        assert!(s.contains("日本語のタイトル"), "{s}");
        assert!(s.contains("said.    \"The"), "tab expanded: {s}");
        assert!(s.contains("café\u{301}") && s.contains("🎉"), "{s}");
        // Every row is exactly the terminal width: nothing overflows or shifts.
        for row in rows(&buf) {
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(row.as_str()),
                70,
                "{row}"
            );
        }
    }

    #[test]
    fn no_color_still_marks_quotes() {
        let mut app = App::new(fixture::analysis(), Theme::new(true));
        app.update(Action::Resize(100, 30));
        let buf = render(&app, 100, 30);
        for cell in buf.content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset);
            assert_eq!(cell.bg, ratatui::style::Color::Reset);
        }
        let (x, y) = find(&buf, "numbers are bad").unwrap();
        assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    }
}
