//! The reader's state machine without a terminal: App::update with Actions.

mod ui_common;

use ui_common::{analysis, app, press, type_text};
use whosaid::ui::{Action, App, Pane, Theme};

fn names(app: &App) -> Vec<String> {
    app.rows
        .iter()
        .map(|&s| app.analysis.speakers[s].name.clone())
        .collect()
}

fn speaker_of(app: &App) -> Option<String> {
    app.selected_speaker()
        .map(|s| app.analysis.speakers[s].name.clone())
}

#[test]
fn starts_on_the_first_quote_with_speakers_ordered() {
    let app = app(100, 30);
    assert_eq!(app.selected, Some(0));
    assert_eq!(app.focus, Pane::Article);
    assert_eq!(
        names(&app),
        [
            "Helen Okafor",
            "Marcus Bell",
            "David Reyes",
            "Ruth Lindqvist"
        ]
    );
    assert_eq!(app.counts, [3, 2, 1, 0]);
}

#[test]
fn tab_cycles_focus_both_ways() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Pane::Speakers);
    press(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Pane::Quotes);
    press(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Pane::Article);
    press(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Pane::Quotes);
}

#[test]
fn n_and_shift_n_walk_quotes_and_stop_at_the_ends() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::NextQuote, Action::NextQuote]);
    assert_eq!(app.selected, Some(2));
    press(&mut app, &[Action::PrevQuote]);
    assert_eq!(app.selected, Some(1));
    press(&mut app, &[Action::PrevQuote, Action::PrevQuote]);
    assert_eq!(app.selected, Some(0));
    assert_eq!(app.message.as_deref(), Some("first quote"));
    for _ in 0..10 {
        app.update(Action::NextQuote);
    }
    assert_eq!(app.selected, Some(6));
}

#[test]
fn brackets_jump_between_speakers() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::NextSpeaker]);
    assert_eq!(speaker_of(&app).as_deref(), Some("Marcus Bell"));
    assert_eq!(app.selected, Some(2));
    press(&mut app, &[Action::NextSpeaker]);
    assert_eq!(app.selected, Some(4));
    // Ruth Lindqvist is only mentioned: ] stops at the last quoted speaker.
    press(&mut app, &[Action::NextSpeaker]);
    assert_eq!(app.selected, Some(4));
    assert_eq!(app.message.as_deref(), Some("last speaker"));
    press(&mut app, &[Action::PrevSpeaker, Action::PrevSpeaker]);
    assert_eq!(app.selected, Some(0));
}

#[test]
fn s_skips_to_a_different_speaker() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::NextOtherSpeaker]);
    assert_eq!(app.selected, Some(2), "q1 is Okafor again");
    press(&mut app, &[Action::NextOtherSpeaker]);
    assert_eq!(app.selected, Some(3), "unattributed counts as different");
}

#[test]
fn moving_in_speakers_jumps_to_their_first_quote() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::FocusNext, Action::Down]);
    assert_eq!(app.selected, Some(2));
    press(&mut app, &[Action::Down]);
    assert_eq!(app.selected, Some(4));
    press(&mut app, &[Action::Down]); // mentioned only: the quote stays, the cursor moves
    assert_eq!(app.speaker_cursor, 3);
    assert_eq!(app.selected, Some(4));
    press(&mut app, &[Action::First]);
    assert_eq!(app.selected, Some(0));
}

#[test]
fn filter_toggles_on_several_speakers() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::FocusNext, Action::Down, Action::Activate],
    );
    assert!(app.filter_active());
    assert_eq!(app.visible, [2, 6]);
    press(&mut app, &[Action::Down, Action::Activate]);
    assert_eq!(app.visible, [2, 4, 6]);
    press(&mut app, &[Action::ToggleFilter]);
    assert!(!app.filter_active());
    assert_eq!(app.visible.len(), 7);
    press(&mut app, &[Action::ToggleFilter]);
    assert_eq!(app.visible, [2, 4, 6]);
    // n stays within the filter.
    press(&mut app, &[Action::NextQuote]);
    assert!(app.visible.contains(&app.selected.unwrap()));
    press(&mut app, &[Action::ClearFilter]);
    assert!(app.filter.is_empty() && app.visible.len() == 7);
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[
            Action::FocusNext,
            Action::Down,
            Action::Down,
            Action::Activate,
        ],
    );
    assert_eq!(app.visible, [4]);
    let q = &app.analysis.quotes[4];
    assert!(app.analysis.text[q.start..q.end].contains("\n\n"));
}

#[test]
fn mentioned_speakers_cannot_be_filtered() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::FocusNext, Action::Last, Action::Activate],
    );
    assert!(app.filter.is_empty());
    assert!(app.message.as_deref().unwrap().contains("only mentioned"));
}

#[test]
fn speaker_prompt_matches_aliases_in_any_case() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::SpeakerPrompt]);
    assert_eq!(app.focus, Pane::Speakers);
    type_text(&mut app, "mr BELL");
    assert_eq!(names(&app), ["Marcus Bell"]);
    press(&mut app, &[Action::Confirm]);
    assert_eq!(app.prompt, None);
    assert_eq!(app.selected, Some(2));
    press(&mut app, &[Action::Cancel]);
    assert_eq!(app.rows.len(), 4, "Esc clears the query");
}

#[test]
fn speaker_prompt_typing_q_does_not_quit() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::SpeakerPrompt, Action::Input('q'), Action::Backspace],
    );
    assert!(!app.quit);
    press(&mut app, &[Action::Cancel]);
    assert_eq!(app.prompt, None);
}

#[test]
fn search_finds_and_n_moves_between_matches() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::Search]);
    type_text(&mut app, "will");
    press(&mut app, &[Action::Confirm]);
    let s = app.search.clone().unwrap();
    assert_eq!(s.matches.len(), 2);
    assert_eq!(s.current, Some(0));
    press(&mut app, &[Action::NextQuote]);
    assert_eq!(app.search.as_ref().unwrap().current, Some(1));
    press(&mut app, &[Action::NextQuote]);
    assert_eq!(app.search.as_ref().unwrap().current, Some(0), "wraps");
    assert_eq!(app.selected, Some(0), "n moves matches, not quotes");
    press(&mut app, &[Action::Cancel]);
    assert!(app.search.is_none());
    press(&mut app, &[Action::NextQuote]);
    assert_eq!(app.selected, Some(1));
}

#[test]
fn search_is_smart_case() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::Search]);
    type_text(&mut app, "it");
    let lower = app.search.as_ref().unwrap().matches.len();
    press(&mut app, &[Action::Cancel, Action::Search]);
    type_text(&mut app, "It");
    let exact = app.search.as_ref().unwrap().matches.len();
    assert!(lower > exact && exact == 2, "{lower} {exact}");
}

#[test]
fn search_without_match_says_so() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::Search]);
    type_text(&mut app, "zebra");
    press(&mut app, &[Action::Confirm]);
    assert!(app.search.is_none());
    assert_eq!(app.message.as_deref(), Some("no match for \"zebra\""));
}

#[test]
fn esc_unwinds_help_then_search_then_filter() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::FocusNext, Action::Activate, Action::Search],
    );
    type_text(&mut app, "the");
    press(&mut app, &[Action::Confirm, Action::Help]);
    press(&mut app, &[Action::Cancel]);
    assert!(app.help.is_none() && app.search.is_some());
    press(&mut app, &[Action::Cancel]);
    assert!(app.search.is_none() && app.filter_active());
    press(&mut app, &[Action::Cancel]);
    assert!(!app.filter_active());
    assert!(!app.quit);
}

#[test]
fn q_closes_help_first_and_ctrl_c_always_quits() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::Help, Action::Quit]);
    assert!(app.help.is_none() && !app.quit);
    press(&mut app, &[Action::Quit]);
    assert!(app.quit);
    let mut app = ui_common::app(100, 30);
    press(&mut app, &[Action::Help, Action::ForceQuit]);
    assert!(app.quit);
    let mut app = ui_common::app(100, 30);
    press(&mut app, &[Action::Search, Action::ForceQuit]);
    assert!(app.quit);
}

#[test]
fn article_keys_scroll_and_selection_scrolls_into_view() {
    let mut app = app(80, 16);
    press(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.scroll, 2);
    press(&mut app, &[Action::Last]);
    assert_eq!(app.scroll, app.max_scroll());
    press(&mut app, &[Action::First]);
    assert_eq!(app.scroll, 0);
    for _ in 0..6 {
        app.update(Action::NextQuote);
    }
    let q = &app.analysis.quotes[6];
    let line = app.wrapped.line_of(q.start);
    assert!(line >= app.scroll && line < app.scroll + app.view_height());
}

#[test]
fn quotes_pane_moves_selection() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::FocusPrev, Action::Down, Action::Down]);
    assert_eq!(app.selected, Some(2));
    press(&mut app, &[Action::Last]);
    assert_eq!(app.selected, Some(6));
    let page = app.list_heights().1;
    press(&mut app, &[Action::PageUp]);
    assert_eq!(app.selected, Some(6 - page));
    press(&mut app, &[Action::First]);
    assert_eq!(app.selected, Some(0));
    assert_eq!(app.speaker_cursor, 0, "speakers follow the selected quote");
}

#[test]
fn copy_gives_the_quote_with_attribution() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::NextQuote, Action::NextQuote, Action::Copy],
    );
    assert_eq!(
        app.copy.as_deref(),
        Some("“We are not villains,” — Marcus Bell, chief executive")
    );
    assert!(app.message.as_deref().unwrap().contains("copied"));
    let mut app = ui_common::app(100, 30);
    press(
        &mut app,
        &[
            Action::FocusPrev,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Copy,
        ],
    );
    assert_eq!(
        app.copy.as_deref(),
        Some(
            "\"Nobody has shown me the money. \"I would rather we chose honestly.\" — David Reyes"
        )
    );
}

#[test]
fn mouse_toggle_and_clicks() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::ToggleMouse]);
    assert!(!app.mouse);
    press(&mut app, &[Action::ToggleMouse]);
    assert!(app.mouse);
    let a = app.areas.unwrap();
    // Third speaker row.
    press(
        &mut app,
        &[Action::Click(a.speakers.x + 5, a.speakers.y + 3)],
    );
    assert_eq!(app.focus, Pane::Speakers);
    assert_eq!(app.selected, Some(4));
    // Second quote row.
    press(&mut app, &[Action::Click(a.quotes.x + 5, a.quotes.y + 2)]);
    assert_eq!(app.focus, Pane::Quotes);
    assert_eq!(app.selected, Some(1));
    // A quote in the article: line 2 is the first quote's line.
    press(&mut app, &[Action::Click(a.article.x + 4, a.article.y + 3)]);
    assert_eq!(app.focus, Pane::Article);
    assert_eq!(app.selected, Some(0));
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(80, 16);
    let a = app.areas.unwrap();
    press(
        &mut app,
        &[Action::Wheel(a.article.x + 3, a.article.y + 3, true)],
    );
    assert_eq!(app.scroll, 3.min(app.max_scroll()));
    press(
        &mut app,
        &[Action::Wheel(a.article.x + 3, a.article.y + 3, false)],
    );
    assert_eq!(app.scroll, 0);
    press(
        &mut app,
        &[Action::Wheel(a.quotes.x + 3, a.quotes.y + 1, true)],
    );
    assert_eq!(app.quote_offset, 1);
}

#[test]
fn resize_rewraps_and_keeps_the_place() {
    let mut app = app(200, 40);
    press(&mut app, &[Action::Last]);
    let wide = app.wrapped.len();
    press(&mut app, &[Action::Resize(60, 20)]);
    assert!(app.wrapped.len() > wide);
    assert!(app.scroll <= app.max_scroll());
    press(&mut app, &[Action::Resize(10, 5)]);
    assert!(app.areas.is_none());
    press(
        &mut app,
        &[Action::Down, Action::NextQuote, Action::Click(1, 1)],
    );
}

#[test]
fn no_quotes_and_no_speakers() {
    let mut a = analysis();
    a.quotes.clear();
    let mut app = App::new(a, Theme::new(false));
    press(
        &mut app,
        &[
            Action::Resize(80, 24),
            Action::NextQuote,
            Action::NextOtherSpeaker,
            Action::Copy,
        ],
    );
    assert_eq!(app.selected, None);
    assert_eq!(app.message.as_deref(), Some("no quote selected"));
}
