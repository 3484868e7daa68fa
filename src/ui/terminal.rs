//! Owning the terminal: enter and leave it, restore it on every way out
//! (quit, Ctrl-c, SIGTERM/SIGHUP, panic), and run the event loop.
//!
//! The loop sleeps until something happens: a key, a mouse event, a resize,
//! or a message from a worker thread (the input reader, the signal
//! listener, the library's loaders). It redraws at once for the user, and at
//! most every 50 ms for the loaders' results.

use super::app::{Action, App};
use super::{keys, mouse};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::{self, stdout};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// What wakes the event loop.
#[derive(Debug)]
pub enum Msg<W = ()> {
    /// A terminal event.
    Event(Event),
    /// A signal asked the reader to stop.
    Stop,
    /// A background worker finished a piece of work.
    Work(W),
}

/// What the event loop runs: the reader, or the library.
pub trait Screen {
    /// What background workers send it.
    type Work: Send + 'static;
    /// The action a terminal event stands for, if any.
    fn action(&self, ev: Event) -> Option<Action>;
    /// Apply an action.
    fn update(&mut self, action: Action);
    /// The terminal is now `w`x`h`.
    fn resize(&mut self, w: u16, h: u16) {
        self.update(Action::Resize(w, h));
    }
    /// Handle a terminal event; true when the screen changed.
    fn event(&mut self, ev: Event) -> bool {
        let action = self.action(ev);
        if let Some(a) = action {
            self.update(a);
        }
        action.is_some()
    }
    /// Take a worker's result; true when the screen changed.
    fn work(&mut self, work: Self::Work) -> bool;
    /// Draw the whole screen.
    fn draw(&self, frame: &mut ratatui::Frame);
    /// True when it should exit.
    fn quit(&self) -> bool;
    /// True when the mouse should be captured.
    fn mouse(&self) -> bool;
    /// Text waiting to be copied to the clipboard.
    fn take_copy(&mut self) -> Option<String>;
}

impl Screen for App {
    type Work = ();

    fn action(&self, ev: Event) -> Option<Action> {
        action(self, ev)
    }

    fn update(&mut self, action: Action) {
        App::update(self, action);
    }

    fn work(&mut self, (): ()) -> bool {
        false
    }

    fn draw(&self, frame: &mut ratatui::Frame) {
        super::draw(frame, self);
    }

    fn quit(&self) -> bool {
        self.quit
    }

    fn mouse(&self) -> bool {
        self.mouse
    }

    fn take_copy(&mut self) -> Option<String> {
        self.copy.take()
    }
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
pub fn run(app: App) -> io::Result<()> {
    run_with(app, |_| {})
}

/// Run `screen` in the terminal until it quits; `start` is given the
/// channel workers send their results on, once the terminal is up.
pub fn run_with<S: Screen>(
    mut screen: S,
    start: impl FnOnce(Sender<Msg<S::Work>>),
) -> io::Result<()> {
    let (tx, rx) = channel();
    listen_for_signals(tx.clone())?;
    let mut terminal = enter()?;
    read_input(tx.clone());
    start(tx);
    let result = event_loop(&mut terminal, &mut screen, &rx);
    leave();
    result
}

/// Forward terminal events to the loop from a thread of their own.
fn read_input<W: Send + 'static>(tx: Sender<Msg<W>>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Msg::Event(ev)).is_err() {
                break;
            }
        }
    });
}

/// Turn SIGTERM and SIGHUP into a clean stop.
fn listen_for_signals<W: Send + 'static>(tx: Sender<Msg<W>>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Msg::Stop);
        }
    });
    Ok(())
}

/// Shortest time between frames redrawn for workers' results alone, so a
/// stream of results does not take a core from the workers to draw.
const WORK_FRAME: Duration = Duration::from_millis(50);

fn event_loop<S: Screen>(
    terminal: &mut DefaultTerminal,
    screen: &mut S,
    rx: &Receiver<Msg<S::Work>>,
) -> io::Result<()> {
    let size = terminal.size()?;
    screen.resize(size.width, size.height);
    let mut mouse_on = screen.mouse();
    let (mut dirty, mut worked) = (true, false);
    let mut drawn = Instant::now();
    loop {
        if dirty || (worked && drawn.elapsed() >= WORK_FRAME) {
            terminal.draw(|f| screen.draw(f))?;
            (dirty, worked, drawn) = (false, false, Instant::now());
        }
        let first = if worked {
            match rx.recv_timeout(WORK_FRAME.saturating_sub(drawn.elapsed())) {
                Ok(msg) => msg,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        } else {
            let Ok(msg) = rx.recv() else { return Ok(()) };
            msg
        };
        // Apply everything already waiting before drawing again; events
        // that map to no action (mouse motion, focus) cause no redraw.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match msg {
                Msg::Stop => return Ok(()),
                Msg::Event(ev) => dirty |= screen.event(ev),
                Msg::Work(w) => worked |= screen.work(w),
            }
            if screen.quit() {
                return Ok(());
            }
        }
        if screen.mouse() != mouse_on {
            mouse_on = screen.mouse();
            set_mouse(mouse_on)?;
        }
        if let Some(text) = screen.take_copy() {
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

/// The reader's action for a terminal event.
pub fn action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => keys::action(key, app.prompt.is_some()),
        Event::Mouse(m) if app.mouse => mouse::action(m),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
