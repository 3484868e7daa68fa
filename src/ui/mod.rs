//! The terminal reader: the article, its speakers and its quotes side by side.
//!
//! [`App`] holds the state and [`App::update`] applies an [`Action`]; `keys`
//! and `mouse` turn terminal events into actions; each pane has a module
//! that only draws; [`terminal`] owns the terminal and the event loop.

mod action;
pub mod app;
mod article;
mod details;
mod filter;
mod help;
mod index;
pub mod keys;
pub mod layout;
pub mod library;
mod library_run;
mod list;
pub mod mouse;
mod nav;
pub mod people;
mod people_view;
mod quotes;
mod search;
mod shelf;
mod speakers;
mod status;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod wrap;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod sizes;

pub use app::{Action, App, Pane};
pub use library::LibraryApp;
pub use library_run::{action as library_action, draw as draw_library, plan};
pub use theme::Theme;

use crate::analysis::Analysis;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// Run the reader on `analysis` until the user quits; the terminal is
/// restored on every way out (quit, Ctrl-c, SIGTERM, panic). When standard
/// output is not a terminal (piped or redirected) the analysis is printed
/// as text instead, so no escape codes end up in a file.
pub fn run(analysis: Analysis) -> std::io::Result<()> {
    use std::io::{IsTerminal, Write};
    if !std::io::stdout().is_terminal() {
        let mut out = std::io::stdout().lock();
        return write!(out, "{}", crate::report::text(&analysis));
    }
    terminal::run(App::new(analysis, Theme::from_env()))
}

/// Open a library of `sources` (files, directories searched recursively for
/// article files, stdin, URLs) in the terminal: the list shows at once and
/// fills in as background threads load and analyse the articles. The
/// terminal is restored on every way out, as for [`run`]. Bytes that are not
/// UTF-8 are replaced so the article still shows, and its row is marked `⚠`.
/// (With standard output not a terminal, the command line prints the text
/// reports instead: `cli::read`.)
pub fn run_library(
    sources: Vec<crate::input::Source>,
    options: &crate::input::LoadOptions,
) -> std::io::Result<()> {
    let lossy = crate::input::LoadOptions {
        lossy: true,
        ..options.clone()
    };
    library_run::run(sources, lossy)
}

/// Draw the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(a) = layout::areas(area) else {
        return too_small(frame, area);
    };
    article::draw(frame, a.article, app);
    speakers::draw(frame, a.speakers, app);
    quotes::draw(frame, a.quotes, app);
    details::draw(frame, a.details, app);
    status::draw(frame, a.status, app);
    if app.help.is_some() {
        help::draw(frame, area, app);
    }
}

/// Below the minimum size: say so instead of drawing squashed panes.
fn too_small(frame: &mut Frame, area: Rect) {
    too_small_for(frame, area, (layout::MIN_WIDTH, layout::MIN_HEIGHT));
}

/// Say the terminal is smaller than `min` (columns, rows).
fn too_small_for(frame: &mut Frame, area: Rect, min: (u16, u16)) {
    let msg = format!(
        "terminal too small (need {}x{}, have {}x{})",
        min.0, min.1, area.width, area.height
    );
    let lines = (msg.len() as u16).div_ceil(area.width.max(1));
    let top = area.height.saturating_sub(lines) / 2;
    let r = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(msg).centered().wrap(Wrap { trim: true }), r);
}
