//! Whole screens of the reader, key by key, compared with stored snapshots
//! (tests/snapshots/). Review a change with `cargo insta review`, or accept
//! it with `INSTA_UPDATE=always cargo test --test ui_snapshots`.

mod ui_common;

use ui_common::{app, press, render, screen, type_text};
use whosaid::ui::Action;

fn shot(app: &whosaid::ui::App, w: u16, h: u16) -> String {
    screen(&render(app, w, h))
}

#[test]
fn opening_screen_80x24() {
    insta::assert_snapshot!(shot(&app(80, 24), 80, 24));
}

#[test]
fn speakers_focused_with_filter_100x30() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::FocusNext, Action::Down, Action::Activate],
    );
    insta::assert_snapshot!(shot(&app, 100, 30));
}

#[test]
fn quotes_focused_on_the_two_paragraph_quote_100x30() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[
            Action::FocusPrev,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    insta::assert_snapshot!(shot(&app, 100, 30));
}

#[test]
fn search_prompt_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[Action::Search]);
    type_text(&mut app, "will");
    insta::assert_snapshot!(shot(&app, 80, 24));
}

#[test]
fn help_overlay_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[Action::Help]);
    insta::assert_snapshot!(shot(&app, 80, 24));
}

#[test]
fn too_small_40x10() {
    insta::assert_snapshot!(shot(&app(40, 10), 40, 10));
}
