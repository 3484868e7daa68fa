//! Running the library: its keys per screen, its drawing, the background
//! workers feeding it, and the plain-text output when stdout is no terminal.

use super::app::Action;
use super::keys::{self, LIBRARY, PEOPLE, READER};
use super::library::{LibraryApp, View};
use super::terminal::{self, Msg, Screen};
use super::theme::Theme;
use crate::input::{LoadOptions, Source};
use crate::library::{self, Entry, Outcome};
use ratatui::crossterm::event::Event;
use ratatui::Frame;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::Duration;

/// The smallest terminal the list and people screens are drawn in.
const MIN: (u16, u16) = (40, 8);

/// How often the event loop is woken while articles are being analysed, so
/// work held back by a throttle (the people's merge) is done when due even
/// when no further article arrives to wake it.
const TICK: Duration = Duration::from_millis(100);

/// What the library's background threads send its event loop.
#[derive(Debug)]
pub enum Work {
    /// A worker finished loading an entry.
    Loaded(usize, Outcome),
    /// Time passed while articles are still being analysed.
    Tick,
}

/// The action for a terminal event on the library's current screen.
pub fn action(lib: &LibraryApp, ev: Event) -> Option<Action> {
    let Event::Key(key) = ev else {
        return match (ev, &lib.reader) {
            (Event::Resize(w, h), _) => Some(Action::Resize(w, h)),
            (ev, Some(r)) if lib.screen == View::Article => terminal::action(&r.app, ev),
            _ => None,
        };
    };
    match (lib.screen, &lib.reader) {
        (View::Article, Some(r)) => {
            let app = &r.app;
            // The library's keys only when the reader would ignore them.
            let free = app.prompt.is_none() && app.help.is_none();
            free.then(|| keys::lookup(key, READER, false))
                .flatten()
                .or_else(|| keys::action(key, app.prompt.is_some()))
        }
        (View::People, _) => keys::lookup(key, PEOPLE, lib.prompt),
        _ => keys::lookup(key, LIBRARY, lib.prompt),
    }
}

impl Screen for LibraryApp {
    type Work = Work;

    fn action(&self, ev: Event) -> Option<Action> {
        action(self, ev)
    }

    fn update(&mut self, action: Action) {
        LibraryApp::update(self, action);
    }

    fn work(&mut self, work: Work) -> bool {
        match work {
            Work::Loaded(i, outcome) => {
                self.receive(i, outcome);
                true
            }
            Work::Tick => self.tick(),
        }
    }

    fn draw(&self, frame: &mut Frame) {
        draw(frame, self);
    }

    fn quit(&self) -> bool {
        self.quit
    }

    fn mouse(&self) -> bool {
        match (&self.reader, self.screen) {
            (Some(r), View::Article) => r.app.mouse,
            _ => self.mouse,
        }
    }

    fn take_copy(&mut self) -> Option<String> {
        self.reader.as_mut().and_then(|r| r.app.copy.take())
    }
}

/// Draw the library's current screen.
pub fn draw(frame: &mut Frame, lib: &LibraryApp) {
    let area = frame.area();
    if let (View::Article, Some(r)) = (lib.screen, &lib.reader) {
        return super::draw(frame, &r.app);
    }
    if area.width < MIN.0 || area.height < MIN.1 {
        return super::too_small_for(frame, area, MIN);
    }
    match lib.screen {
        View::People => super::people_view::draw(frame, area, lib),
        _ => super::shelf::draw(frame, area, lib),
    }
    if lib.help.is_some() {
        super::help::overlay(frame, area, &lib.theme, lib.help_lines(), lib.help);
    }
}

/// The library's rows for `expanded` sources, and the sources to load with
/// their row numbers.
pub fn plan(
    expanded: Vec<Result<Source, crate::input::FileError>>,
) -> (Vec<Entry>, Vec<(usize, Source)>) {
    let mut entries = Vec::with_capacity(expanded.len());
    let mut jobs = Vec::new();
    for item in expanded {
        match item {
            Ok(source) => {
                jobs.push((entries.len(), source.clone()));
                entries.push(Entry::pending(source.name()));
            }
            Err(e) => entries.push(Entry::failed(&e)),
        }
    }
    (entries, jobs)
}

/// Workers: one per core (`RAYON_NUM_THREADS` overrides, as for `analyze`).
fn threads() -> usize {
    rayon::current_num_threads().max(1)
}

/// Open the library on `sources` in the terminal; see [`super::run_library`].
pub fn run(sources: Vec<Source>, options: LoadOptions) -> io::Result<()> {
    let (entries, jobs) = plan(crate::input::expand_dirs(&sources));
    let lib = LibraryApp::new(entries, Theme::from_env());
    let left = Arc::new(AtomicUsize::new(jobs.len()));
    terminal::run_with(lib, move |tx| {
        tick_while_loading(tx.clone(), left.clone());
        library::spawn(jobs, threads(), options, move |i, outcome| {
            left.fetch_sub(1, Ordering::Relaxed);
            tx.send(Msg::Work(Work::Loaded(i, outcome))).is_ok()
        });
    })
}

/// Send a [`Work::Tick`] every [`TICK`] until no job is `left` (or the
/// loop is gone); the last arrival needs no tick, it merges at once.
fn tick_while_loading(tx: Sender<Msg<Work>>, left: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        while left.load(Ordering::Relaxed) > 0 {
            std::thread::sleep(TICK);
            if tx.send(Msg::Work(Work::Tick)).is_err() {
                return;
            }
        }
    });
}
