//! Every style the reader draws with, in one place.
//!
//! Colours are mid-tone 256-colour entries that read on dark and light
//! backgrounds. Quotes are also underlined and the selection reversed, so
//! everything stays visible without colour: with `NO_COLOR` set
//! (<https://no-color.org>) only modifiers are used.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders};

/// Speaker colours, distinct and readable on dark and light terminals.
const PALETTE: [Color; 10] = [
    Color::Indexed(33),  // blue
    Color::Indexed(166), // orange
    Color::Indexed(35),  // green
    Color::Indexed(163), // magenta
    Color::Indexed(37),  // teal
    Color::Indexed(136), // ochre
    Color::Indexed(98),  // purple
    Color::Indexed(160), // red
    Color::Indexed(31),  // steel blue
    Color::Indexed(94),  // brown
];

/// The reader's styles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// True when colours are off (`NO_COLOR`).
    pub no_color: bool,
}

impl Theme {
    /// A theme with colours, or without when `no_color` is true.
    pub fn new(no_color: bool) -> Theme {
        Theme { no_color }
    }

    /// The theme the environment asks for: no colours when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
    }

    /// How many speaker colours there are before they repeat.
    pub fn palette_len() -> usize {
        PALETTE.len()
    }

    fn fg(&self, c: Color) -> Style {
        if self.no_color {
            Style::new()
        } else {
            Style::new().fg(c)
        }
    }

    fn bg(&self, fg: Color, bg: Color) -> Style {
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().fg(fg).bg(bg)
        }
    }

    /// The colour swatch or name style of speaker colour `slot`.
    pub fn speaker(&self, slot: usize) -> Style {
        self.fg(PALETTE[slot % PALETTE.len()])
    }

    /// A quote in the article: `slot` is its speaker's colour (None: unattributed).
    pub fn quote(&self, slot: Option<usize>, selected: bool, dimmed: bool) -> Style {
        let base = match (dimmed, slot) {
            (true, _) => Style::new().add_modifier(Modifier::DIM),
            (false, Some(s)) => self.speaker(s).add_modifier(Modifier::UNDERLINED),
            (false, None) => Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
        };
        if selected {
            base.add_modifier(Modifier::REVERSED | Modifier::BOLD)
                .remove_modifier(Modifier::DIM)
        } else {
            base
        }
    }

    /// The cue and the speaker's mention of the selected quote.
    pub fn cue(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// A search match; `current` is the one the view is on.
    pub fn search(&self, current: bool) -> Style {
        if current {
            self.bg(Color::Black, Color::Indexed(208))
                .add_modifier(Modifier::BOLD)
        } else {
            self.bg(Color::Black, Color::Indexed(220))
        }
    }

    /// Secondary text: roles, counts, labels.
    pub fn dim(&self) -> Style {
        self.fg(Color::Indexed(244))
    }

    /// A label in the details pane.
    pub fn label(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list; `focused` when its pane has the focus.
    pub fn row_selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The status bar.
    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A key name in hints and help.
    pub fn key(&self) -> Style {
        self.fg(Color::Indexed(37)).add_modifier(Modifier::BOLD)
    }

    /// A warning or message that needs attention.
    pub fn alert(&self) -> Style {
        self.fg(Color::Indexed(160)).add_modifier(Modifier::BOLD)
    }

    /// A bordered pane; the focused one has a thick, coloured border and bold title.
    pub fn block<'a>(&self, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
        let block = Block::new().borders(Borders::ALL).title(title);
        if focused {
            block
                .border_type(BorderType::Thick)
                .border_style(self.fg(Color::Indexed(37)).add_modifier(Modifier::BOLD))
                .title_style(Style::new().add_modifier(Modifier::BOLD))
        } else {
            block
                .border_type(BorderType::Plain)
                .border_style(self.dim())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_eight_distinct_colours() {
        let t = Theme::new(false);
        let mut seen: Vec<Style> = (0..Theme::palette_len()).map(|i| t.speaker(i)).collect();
        seen.dedup();
        assert!(seen.len() >= 8);
        assert_eq!(t.speaker(0), t.speaker(Theme::palette_len()));
    }

    #[test]
    fn no_color_keeps_modifiers_only() {
        let t = Theme::new(true);
        let q = t.quote(Some(3), false, false);
        assert_eq!(q.fg, None);
        assert!(q.add_modifier.contains(Modifier::UNDERLINED));
        let sel = t.quote(Some(3), true, false);
        assert!(sel.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(t.search(false).bg, None);
        assert!(t
            .quote(None, false, false)
            .add_modifier
            .contains(Modifier::UNDERLINED));
    }
}
