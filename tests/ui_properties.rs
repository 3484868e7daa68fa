//! Whatever the article and whatever the analysis says about it (even spans
//! out of range or off character boundaries), the reader neither panics nor
//! lets a control character reach the screen.

mod ui_common;

use proptest::prelude::*;
use ui_common::{render, screen};
use whosaid::analysis::{Analysis, Id, Quote, QuoteKind, Span, Speaker};
use whosaid::ui::{Action, App, Theme};

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        Just("\x1b]52;c;eA==\x07".to_string()),
        Just("\r\n".to_string()),
        Just("日本語".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩‍👩‍👧".to_string()),
        "[a-zA-Z ,.]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Down),
        Just(Action::Up),
        Just(Action::PageDown),
        Just(Action::Last),
        Just(Action::First),
        Just(Action::NextQuote),
        Just(Action::PrevQuote),
        Just(Action::NextSpeaker),
        Just(Action::PrevSpeaker),
        Just(Action::NextOtherSpeaker),
        Just(Action::FocusNext),
        Just(Action::Activate),
        Just(Action::ToggleFilter),
        Just(Action::ClearFilter),
        Just(Action::Search),
        Just(Action::SpeakerPrompt),
        Just(Action::Input('e')),
        Just(Action::Input('\u{1b}')),
        Just(Action::Backspace),
        Just(Action::Confirm),
        Just(Action::Cancel),
        Just(Action::Help),
        Just(Action::Copy),
        (0u16..130, 0u16..45).prop_map(|(x, y)| Action::Click(x, y)),
        (0u16..130, 0u16..45, any::<bool>()).prop_map(|(x, y, d)| Action::Wheel(x, y, d)),
        (1u16..130, 1u16..45).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

/// An analysis whose spans may be anything, and whose quotes may name speakers that do not exist.
fn analysis(text: String, spans: Vec<(usize, usize, u8)>) -> Analysis {
    let speakers = (0..3)
        .map(|k| Speaker {
            id: Id::new('s', k),
            name: format!("Name\x1b[{k}m {k}"),
            role: (k == 1).then(|| "role\x07".to_string()),
            aliases: vec![format!("Alias {k}")],
            mentions: vec![Span::new(k * 7, k * 7 + 3)],
            quotes: 0,
        })
        .collect();
    let quotes = spans
        .into_iter()
        .enumerate()
        .map(|(n, (start, len, who))| Quote {
            id: Id::new('q', n),
            start,
            end: start + len,
            kind: if who % 2 == 0 {
                QuoteKind::Direct
            } else {
                QuoteKind::Indirect
            },
            speaker: (who < 4).then(|| Id::new('s', usize::from(who))),
            source: Some(Span::new(start.saturating_sub(3), start)),
            cue: Some(Span::new(start + len, start + len + 4)),
            evidence: None,
        })
        .collect();
    Analysis {
        path: Some("p\x1b.txt".into()),
        title: text.lines().next().unwrap_or("").into(),
        text,
        speakers,
        quotes,
    }
}

proptest! {
    // 64 cases by default; set PROPTEST_CASES for a longer run.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn never_panics_and_screens_stay_clean(
        text in text(),
        spans in prop::collection::vec((0usize..400, 0usize..80, 0u8..6), 0..12),
        actions in prop::collection::vec(action(), 0..40),
        (w, h) in (1u16..130, 1u16..45),
    ) {
        let mut app = App::new(analysis(text, spans), Theme::new(false));
        app.update(Action::Resize(w, h));
        for a in actions {
            app.update(a);
        }
        let (w, h) = (app.size.width.max(1), app.size.height.max(1));
        let s = screen(&render(&app, w, h));
        for c in s.chars() {
            prop_assert!(!c.is_control() || c == '\n', "{c:?} on screen:\n{s}");
        }
    }
}
