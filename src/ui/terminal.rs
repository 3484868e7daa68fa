//! Owning the terminal: enter and leave it, restore it on every way out
//! (quit, Ctrl-c, SIGTERM/SIGHUP, panic), and run the event loop.
//!
//! The loop sleeps until something happens: a key, a mouse event, a resize,
//! or a message from a worker thread (the input reader, the signal
//! listener). It never redraws on a timer.

use super::app::{Action, App};
use super::{keys, mouse};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::{self, stdout};
use std::sync::mpsc::{channel, Receiver, Sender};

/// What wakes the event loop.
#[derive(Debug)]
pub enum Msg {
    /// A terminal event.
    Event(Event),
    /// A signal asked the reader to stop.
    Stop,
}

/// Enter the alternate screen in raw mode with the mouse captured, and make
/// any panic restore the terminal before its message is printed.
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?; // installs ratatui's restoring panic hook
    install_panic_hook(|| {
        let _ = execute!(stdout(), DisableMouseCapture);
    });
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

/// Give the terminal back: mouse released, raw mode off, main screen.
pub fn leave() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Run `cleanup` first when a panic happens, then the hook that was there
/// before (ratatui's, which restores the terminal, then the default printer).
pub fn install_panic_hook(cleanup: impl Fn() + Send + Sync + 'static) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        cleanup();
        previous(info);
    }));
}

/// Run `app` in the terminal until it quits.
pub fn run(mut app: App) -> io::Result<()> {
    let (tx, rx) = channel();
    listen_for_signals(tx.clone())?;
    let mut terminal = enter()?;
    read_input(tx);
    let result = event_loop(&mut terminal, &mut app, &rx);
    leave();
    result
}

/// Forward terminal events to the loop from a thread of their own.
fn read_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Msg::Event(ev)).is_err() {
                break;
            }
        }
    });
}

/// Turn SIGTERM and SIGHUP into a clean stop.
fn listen_for_signals(tx: Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Msg::Stop);
        }
    });
    Ok(())
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, rx: &Receiver<Msg>) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut mouse_on = app.mouse;
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| super::draw(f, app))?;
        }
        let Ok(first) = rx.recv() else { return Ok(()) };
        dirty = false;
        // Apply everything already waiting before drawing again; events
        // that map to no action (mouse motion, focus) cause no redraw.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            let Msg::Event(ev) = msg else { return Ok(()) };
            if let Some(action) = action(app, ev) {
                app.update(action);
                dirty = true;
            }
            if app.quit {
                return Ok(());
            }
        }
        if app.mouse != mouse_on {
            mouse_on = app.mouse;
            set_mouse(mouse_on)?;
        }
        if let Some(text) = app.copy.take() {
            // crossterm's own path, for its `osc52` feature (the same crate ratatui re-exports).
            crossterm::execute!(
                stdout(),
                crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
            )?;
        }
    }
}

fn set_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    }
}

/// The action for a terminal event.
fn action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => keys::action(key, app.prompt.is_some()),
        Event::Mouse(m) if app.mouse => mouse::action(m),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
