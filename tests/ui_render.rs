//! Whole-screen safety checks: hostile text in every pane, and NO_COLOR.

mod ui_common;

use ui_common::{press, render, screen};
use whosaid::analysis::analyze;
use whosaid::ui::{Action, App, Theme};

/// Characters that must never reach the terminal raw.
const RAW: [char; 6] = ['\x1b', '\x07', '\r', '\u{9b}', '\u{9d}', '\x08'];

fn hostile() -> whosaid::analysis::Analysis {
    let mut a = ui_common::analysis();
    let evil = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\r\u{9b}1m\u{9d}0;t\x08";
    a.title = format!("Title {evil}");
    a.path = Some(format!("file{evil}.txt"));
    a.speakers[0].name = format!("Helen {evil}");
    a.speakers[0].role = Some(format!("Mayor {evil}"));
    a
}

fn assert_clean(s: &str) {
    for c in RAW {
        assert!(!s.contains(c), "raw {c:?} on screen:\n{s}");
    }
}

#[test]
fn control_characters_never_reach_the_screen() {
    let mut app = App::new(hostile(), Theme::new(false));
    for (w, h) in [(80, 24), (160, 50)] {
        press(&mut app, &[Action::Resize(w, h)]);
        let s = screen(&render(&app, w, h));
        assert_clean(&s);
        assert!(s.contains("␛]52;c;ZXZpbA==␇"), "{s}");
    }
    press(&mut app, &[Action::Copy]);
    assert_clean(app.copy.as_deref().unwrap());
    press(&mut app, &[Action::Search]);
    ui_common::type_text(&mut app, "\x1b]52");
    let s = screen(&render(&app, 160, 50));
    assert_clean(&s);
    assert!(s.contains("/␛]52█"), "{s}");
    press(&mut app, &[Action::Confirm, Action::Help]);
    assert_clean(&screen(&render(&app, 160, 50)));
}

#[test]
fn an_article_full_of_escapes_from_the_core_is_safe() {
    let text =
        "Evil \x1b[31mtitle\x07\n\n\"Quote \x1b]52;c;aGk=\x07 here,\" she said.\r\n\u{9b}6n\n";
    let mut app = App::new(analyze(text), Theme::new(false));
    press(&mut app, &[Action::Resize(100, 30)]);
    let s = screen(&render(&app, 100, 30));
    assert_clean(&s);
    assert!(s.contains("Evil ␛[31mtitle␇"), "{s}");
    assert!(s.contains("\u{fffd}6n"), "{s}");
}

#[test]
fn no_color_env_turns_colours_off() {
    // This binary's only test that reads NO_COLOR.
    std::env::set_var("NO_COLOR", "1");
    let on = Theme::from_env();
    std::env::set_var("NO_COLOR", "");
    let empty = Theme::from_env();
    std::env::remove_var("NO_COLOR");
    let off = Theme::from_env();
    assert!(on.no_color && !empty.no_color && !off.no_color);
    let mut app = App::new(ui_common::analysis(), on);
    press(
        &mut app,
        &[Action::Resize(100, 30), Action::FocusNext, Action::Activate],
    );
    let buf = render(&app, 100, 30);
    assert!(buf
        .content()
        .iter()
        .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
    let marked = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .count();
    assert!(marked > 10, "quotes stay marked without colour");
}

/// Every straight-quoted stretch as an unattributed quote (built here, not
/// by the core, so the test's cost does not depend on the core).
fn straight_quotes(text: String) -> whosaid::analysis::Analysis {
    use whosaid::analysis::{Analysis, Id, Quote, QuoteKind};
    let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    let quotes = marks
        .chunks_exact(2)
        .enumerate()
        .map(|(n, p)| Quote {
            id: Id::new('q', n),
            start: p[0],
            end: p[1] + 1,
            kind: QuoteKind::Direct,
            speaker: None,
            source: None,
            cue: None,
            evidence: None,
        })
        .collect();
    Analysis {
        title: "Big".into(),
        text,
        quotes,
        ..Default::default()
    }
}

#[test]
fn large_article_frames_only_draw_what_is_visible() {
    let mut text = String::from("Big\n\n");
    while text.len() < 2_000_000 {
        text.push_str(
            "\"A quote,\" she said, and \"another one\" followed. Plain words fill the line.\n\n",
        );
    }
    let mut app = App::new(straight_quotes(text), Theme::new(false));
    press(
        &mut app,
        &[Action::Resize(120, 40), Action::Last, Action::Search],
    );
    ui_common::type_text(&mut app, "another");
    press(&mut app, &[Action::Confirm, Action::NextQuote]);
    let t = std::time::Instant::now();
    for _ in 0..20 {
        press(&mut app, &[Action::Up]);
        render(&app, 120, 40);
    }
    // Generous even for debug builds; the real figure is in benches/frame.rs.
    assert!(t.elapsed().as_millis() < 2000, "{:?}", t.elapsed());
}
