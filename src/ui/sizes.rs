//! Whole-screen checks across terminal sizes: nothing panics, and below the
//! minimum the reader says how much room it needs.

use super::app::{Action, App};
use super::fixture::{self, render, screen};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;

fn exercise(app: &mut App, w: u16, h: u16) {
    app.update(Action::Resize(w, h));
    render(app, w, h);
    for a in [
        Action::Down,
        Action::Last,
        Action::FocusNext,
        Action::PageDown,
        Action::Help,
    ] {
        app.update(a);
    }
    render(app, w, h);
    app.update(Action::Cancel);
}

#[test]
fn every_size_draws_without_panicking() {
    let mut app = App::new(fixture::analysis(), Theme::new(false));
    for w in (1..=400).step_by(13).chain([1, 2, 59, 60, 80, 400]) {
        for h in (1..=120).step_by(11).chain([1, 2, 14, 15, 24, 120]) {
            exercise(&mut app, w, h);
        }
    }
}

#[test]
fn too_small_says_what_it_needs() {
    let app = fixture::app(MIN_WIDTH - 1, 30);
    let s = screen(&render(&app, MIN_WIDTH - 1, 30));
    assert!(s.contains(&format!("need {MIN_WIDTH}x{MIN_HEIGHT}")), "{s}");
    assert!(!s.contains("Speakers"));
    let app = fixture::app(80, MIN_HEIGHT - 1);
    let s = screen(&render(&app, 80, MIN_HEIGHT - 1));
    assert!(s.contains("terminal too small"), "{s}");
}

#[test]
fn all_panes_fit_at_80x24() {
    let app = fixture::app(80, 24);
    let s = screen(&render(&app, 80, 24));
    for title in [
        "Ferry vote",
        "Speakers",
        "Quotes",
        "Quote details",
        "? help",
    ] {
        assert!(s.contains(title), "{title} missing\n{s}");
    }
}

#[test]
fn empty_article_draws() {
    let mut app = App::new(crate::analysis::Analysis::default(), Theme::new(false));
    for a in [
        Action::Resize(80, 24),
        Action::Down,
        Action::NextQuote,
        Action::NextSpeaker,
        Action::Copy,
    ] {
        app.update(a);
    }
    let s = screen(&render(&app, 80, 24));
    assert!(s.contains("no quotes in this article"), "{s}");
}
