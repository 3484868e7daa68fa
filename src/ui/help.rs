//! The help overlay, generated from the keymap so it lists every key.

use super::app::App;
use super::keys::{self, Keymap, GROUPS, MOUSE, PROMPT};
use super::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Padding, Paragraph};
use ratatui::Frame;

/// Columns given to the keys column.
const KEY_COLS: usize = 16;

/// What one screen's help shows.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    /// The screen's keymaps, in order.
    pub keymaps: &'static [Keymap],
    /// The heading of the prompt keys: which prompts the screen has.
    pub prompts: &'static str,
    /// What typing in the screen's prompts does.
    pub typing: &'static str,
    /// True when the screen uses the mouse.
    pub mouse: bool,
}

/// The reader's help, with the library's keys when it shows a library's article.
pub fn reader_lines(app: &App) -> Vec<Line<'static>> {
    let keymaps: &'static [Keymap] = if !app.in_library {
        &[GROUPS]
    } else {
        &[GROUPS, keys::READER]
    };
    let sheet = Sheet {
        keymaps,
        prompts: "In the / and @ prompts",
        typing: "search, or narrow the speakers as you type",
        mouse: true,
    };
    lines(&app.theme, sheet)
}

/// Every line of the help text for `sheet`.
pub fn lines(theme: &Theme, sheet: Sheet) -> Vec<Line<'static>> {
    let entry = |keys: String, help: &str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<KEY_COLS$}"), theme.key()),
            Span::raw(help.to_string()),
        ])
    };
    let mut out = Vec::new();
    for (group, bindings) in sheet.keymaps.iter().flat_map(|m| m.iter()) {
        out.push(Line::styled(group.to_string(), theme.label()));
        out.extend(bindings.iter().map(|b| entry(keys::labels(b), b.help)));
        out.push(Line::raw(""));
    }
    out.push(Line::styled(sheet.prompts, theme.label()));
    out.push(entry("type".into(), sheet.typing));
    out.extend(PROMPT.iter().map(|b| entry(keys::labels(b), b.help)));
    if sheet.mouse {
        out.push(Line::raw(""));
        out.push(Line::styled("Mouse", theme.label()));
        out.extend(MOUSE.iter().map(|(k, h)| entry(k.to_string(), h)));
    }
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

/// The furthest `lines` lines of help scroll on a screen of `size`.
pub fn max_scroll_of(size: Rect, lines: usize) -> usize {
    (lines + 2).saturating_sub(rect(size, lines).height as usize)
}

/// The furthest the help scrolls on the app's screen.
pub fn max_scroll(app: &App) -> usize {
    max_scroll_of(app.size, reader_lines(app).len())
}

/// Draw the reader's help over the panes, scrolled to the app's help offset.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    overlay(frame, area, &app.theme, reader_lines(app), app.help);
}

/// Draw `lines` of help over `area`, scrolled to `top`.
pub fn overlay(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    lines: Vec<Line<'static>>,
    top: Option<usize>,
) {
    let r = rect(area, lines.len());
    let top = top.unwrap_or(0).min(max_scroll_of(area, lines.len()));
    let block = theme
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
