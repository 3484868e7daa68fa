//! The help overlay, generated from the keymap so it lists every key.

use super::app::App;
use super::keys::{self, GROUPS, MOUSE, PROMPT};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Padding, Paragraph};
use ratatui::Frame;

/// Columns given to the keys column.
const KEY_COLS: usize = 16;

/// Every line of the help text.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let entry = |keys: String, help: &str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<KEY_COLS$}"), theme.key()),
            Span::raw(help.to_string()),
        ])
    };
    let mut out = Vec::new();
    for (group, bindings) in GROUPS {
        out.push(Line::styled(group.to_string(), theme.label()));
        out.extend(bindings.iter().map(|b| entry(keys::labels(b), b.help)));
        out.push(Line::raw(""));
    }
    out.push(Line::styled("In the / and @ prompts", theme.label()));
    out.push(entry(
        "type".into(),
        "search, or narrow the speakers as you type",
    ));
    out.extend(PROMPT.iter().map(|b| entry(keys::labels(b), b.help)));
    out.push(Line::raw(""));
    out.push(Line::styled("Mouse", theme.label()));
    out.extend(MOUSE.iter().map(|(k, h)| entry(k.to_string(), h)));
    out
}

/// The overlay's rectangle within `area`, for `lines` lines of help.
fn rect(area: Rect, lines: usize) -> Rect {
    let w = area.width.saturating_sub(4).min(74);
    let h = area.height.saturating_sub(2).min(lines as u16 + 2);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The furthest the help scrolls on the app's screen.
pub fn max_scroll(app: &App) -> usize {
    let n = lines(app).len();
    (n + 2).saturating_sub(rect(app.size, n).height as usize)
}

/// Draw the help over the panes, scrolled to the app's help offset.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lines = lines(app);
    let w = area.width.saturating_sub(4).min(74);
    let h = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let max_top = (lines.len() as u16 + 2).saturating_sub(h) as usize;
    let top = app.help.unwrap_or(0).min(max_top);
    let block = app
        .theme
        .block(" Keys — Esc or ? closes ", true)
        .title_bottom(Line::from(" j/k scroll ").right_aligned())
        .padding(Padding::horizontal(1));
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((top as u16, 0)),
        r,
    );
}

#[cfg(test)]
mod tests {
    use super::super::app::Action;
    use super::super::fixture::{self, render, screen};
    use super::super::keys::{labels, GROUPS};

    #[test]
    fn lists_every_key() {
        let mut app = fixture::app(120, 60);
        app.update(Action::Help);
        let s = screen(&render(&app, 120, 60));
        for (_, bindings) in GROUPS {
            for b in *bindings {
                assert!(s.contains(b.help), "missing {:?}\n{s}", b.help);
                assert!(s.contains(&labels(b)), "missing {}\n{s}", labels(b));
            }
        }
    }

    #[test]
    fn esc_closes_and_small_screens_scroll() {
        let mut app = fixture::app(80, 24);
        app.update(Action::Help);
        app.update(Action::Down);
        assert_eq!(app.help, Some(1));
        for _ in 0..100 {
            app.update(Action::Down);
        }
        let bottom = app.help.unwrap();
        assert!(bottom > 1 && bottom < 50);
        app.update(Action::Up);
        assert_eq!(
            app.help,
            Some(bottom - 1),
            "Up works at once from the bottom"
        );
        let s = screen(&render(&app, 80, 24));
        assert!(s.contains("Keys — Esc or ? closes"), "{s}");
        app.update(Action::Cancel);
        assert_eq!(app.help, None);
        let s = screen(&render(&app, 80, 24));
        assert!(!s.contains("Keys — Esc"));
    }
}
