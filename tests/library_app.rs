//! The library without a terminal: LibraryApp::update with Actions, and
//! what the screen shows (ratatui TestBackend). Articles are built by hand
//! so the tests do not depend on what the analysis core finds, except the
//! one that loads real files.

mod ui_common;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ui_common::{article, highlighted_rows, press_library as press, render_library as render};
use whosaid::library::{Entry, Loaded};
use whosaid::ui::keys::{labels, LIBRARY, PEOPLE};
use whosaid::ui::library::View;
use whosaid::ui::{Action, LibraryApp, Theme};

/// A library of `articles` (file name, article), all arrived, laid out for 100x30.
fn library(articles: Vec<(&str, Loaded)>) -> LibraryApp {
    let entries = articles
        .iter()
        .map(|(n, _)| Entry::pending(n.to_string()))
        .collect();
    let mut lib = LibraryApp::new(entries, Theme::new(false));
    lib.update(Action::Resize(100, 30));
    for (i, (name, mut loaded)) in articles.into_iter().enumerate() {
        loaded.analysis.path = Some(name.into());
        lib.receive(i, Ok(loaded));
    }
    lib
}

/// Three articles whose titles and file names sort differently.
fn three() -> LibraryApp {
    library(vec![
        (
            "c-ferry.txt",
            article("Ferry saved", &[("Helen Okafor", "Yes")]),
        ),
        (
            "a-budget.txt",
            article(
                "Budget passes",
                &[("Marcus Bell", "At last"), ("Helen Okafor", "Good")],
            ),
        ),
        (
            "b-zoo.txt",
            article("Zoo reopens", &[("Ruth Lindqvist", "Lions")]),
        ),
    ])
}

fn type_text(lib: &mut LibraryApp, s: &str) {
    for c in s.chars() {
        lib.update(Action::Input(c));
    }
}

/// The titles on the list, top to bottom.
fn titles(lib: &LibraryApp) -> Vec<String> {
    lib.rows
        .iter()
        .map(|&e| lib.entries[e].title.clone().unwrap_or_default())
        .collect()
}

fn selected_title(lib: &LibraryApp) -> String {
    lib.entries[lib.selected.expect("a selection")]
        .title
        .clone()
        .unwrap_or_default()
}

#[test]
fn shows_at_once_and_fills_in_as_articles_arrive() {
    let entries = ["one.txt", "two.txt"]
        .iter()
        .map(|n| Entry::pending(n.to_string()))
        .collect();
    let mut lib = LibraryApp::new(entries, Theme::new(false));
    lib.update(Action::Resize(100, 30));
    let s = render(&lib, 100, 30);
    assert!(s.contains("analysed 0/2"), "{s}");
    assert_eq!(s.matches("analysing…").count(), 2, "{s}");
    lib.receive(1, Ok(article("Ferry saved", &[("Helen Okafor", "Yes")])));
    let s = render(&lib, 100, 30);
    assert!(s.contains("analysed 1/2"), "{s}");
    let row = s.lines().find(|l| l.contains("Ferry saved")).expect(&s);
    assert!(row.contains("two.txt") && row.contains(" 1 "), "{row}");
    assert_eq!(s.matches("analysing…").count(), 1, "{s}");
}

/// A library of `files` none of which has arrived yet, laid out for 100x30.
fn pending(files: &[&str]) -> LibraryApp {
    let entries = files
        .iter()
        .map(|n| Entry::pending(n.to_string()))
        .collect();
    let mut lib = LibraryApp::new(entries, Theme::new(false));
    lib.update(Action::Resize(100, 30));
    lib
}

#[test]
fn the_cursor_stays_on_the_first_row_while_titles_arrive() {
    let mut lib = pending(&["a.txt", "b.txt", "c.txt"]);
    let first = |lib: &LibraryApp| {
        let rows = highlighted_rows(lib, 100, 30);
        assert_eq!(rows.len(), 1, "{rows:?}\n{}", render(lib, 100, 30));
        rows[0].clone()
    };
    assert!(first(&lib).contains("a.txt"), "pending rows sort by file");
    // a.txt's title sorts last: the cursor stays on the top row, not on a.txt.
    lib.receive(
        1,
        Ok(article("Budget passes", &[("Marcus Bell", "At last")])),
    );
    lib.receive(
        0,
        Ok(article("Zoo reopens", &[("Ruth Lindqvist", "Lions")])),
    );
    lib.receive(2, Ok(article("Ferry saved", &[("Helen Okafor", "Yes")])));
    assert_eq!(
        titles(&lib),
        ["Budget passes", "Ferry saved", "Zoo reopens"]
    );
    let s = render(&lib, 100, 30);
    let top = s.lines().find(|l| l.contains("b.txt")).expect(&s);
    assert!(first(&lib).contains("Budget passes"), "{s}");
    assert_eq!(first(&lib), top);
    press(&mut lib, &[Action::Activate]);
    assert_eq!(lib.screen, View::Article);
    assert!(render(&lib, 100, 30).contains("\"At last\""));
}

#[test]
fn once_moved_the_cursor_follows_its_article_as_titles_arrive() {
    let mut lib = pending(&["a.txt", "b.txt", "c.txt"]);
    press(&mut lib, &[Action::Down]);
    lib.receive(
        2,
        Ok(article("Budget passes", &[("Marcus Bell", "At last")])),
    );
    lib.receive(
        1,
        Ok(article("Zoo reopens", &[("Ruth Lindqvist", "Lions")])),
    );
    let rows = highlighted_rows(&lib, 100, 30);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("Zoo reopens"), "{rows:?}");
    press(&mut lib, &[Action::Activate]);
    assert!(render(&lib, 100, 30).contains("\"Lions\""));
}

#[test]
fn enter_opens_the_article_and_back_returns_with_the_selection() {
    let mut lib = three();
    assert_eq!(
        titles(&lib),
        ["Budget passes", "Ferry saved", "Zoo reopens"]
    );
    press(&mut lib, &[Action::Down, Action::Activate]);
    assert_eq!(lib.screen, View::Article);
    let s = render(&lib, 100, 30);
    assert!(
        s.contains("Ferry saved") && s.contains("Speakers (1)"),
        "{s}"
    );
    assert!(s.contains("c-ferry.txt"), "{s}");
    // The reader's own keys still work while it shows a library's article.
    press(&mut lib, &[Action::FocusNext]);
    assert!(render(&lib, 100, 30).contains("┏ Speakers"));
    press(&mut lib, &[Action::Back]);
    assert_eq!(lib.screen, View::List);
    assert_eq!(selected_title(&lib), "Ferry saved");
    assert_eq!(
        titles(&lib),
        ["Budget passes", "Ferry saved", "Zoo reopens"]
    );
    // Opening another article and going back with L keeps order and selection too.
    press(&mut lib, &[Action::Down, Action::Activate, Action::Library]);
    assert_eq!(lib.screen, View::List);
    assert_eq!(selected_title(&lib), "Zoo reopens");
}

#[test]
fn s_sorts_by_file_and_back_keeping_the_selection() {
    let mut lib = three();
    press(&mut lib, &[Action::Last]);
    assert_eq!(selected_title(&lib), "Zoo reopens");
    press(&mut lib, &[Action::Sort]);
    let s = render(&lib, 100, 30);
    assert!(s.contains("sorted by file"), "{s}");
    let files: Vec<&str> = lib
        .rows
        .iter()
        .map(|&e| lib.entries[e].name.as_str())
        .collect();
    assert_eq!(files, ["a-budget.txt", "b-zoo.txt", "c-ferry.txt"]);
    assert_eq!(selected_title(&lib), "Zoo reopens");
    let a = s.find("a-budget.txt").expect(&s);
    assert!(a < s.find("b-zoo.txt").expect(&s));
    press(&mut lib, &[Action::Sort]);
    assert_eq!(
        titles(&lib),
        ["Budget passes", "Ferry saved", "Zoo reopens"]
    );
}

#[test]
fn slash_filters_by_title_or_file_and_esc_clears() {
    let mut lib = three();
    press(&mut lib, &[Action::Search]);
    type_text(&mut lib, "ZOO");
    assert_eq!(titles(&lib), ["Zoo reopens"]);
    let s = render(&lib, 100, 30);
    assert!(s.contains("/ZOO█"), "{s}");
    assert!(!s.contains("Ferry saved"), "{s}");
    press(&mut lib, &[Action::Confirm, Action::Activate]);
    assert_eq!(lib.screen, View::Article, "Enter opens the one shown");
    press(&mut lib, &[Action::Back]);
    assert_eq!(titles(&lib), ["Zoo reopens"], "the filter survives too");
    press(
        &mut lib,
        &[Action::Search, Action::Backspace, Action::Backspace],
    );
    assert_eq!(
        lib.rows.len(),
        1,
        "\"Z\" is only in the zoo's title and file"
    );
    press(&mut lib, &[Action::Backspace]);
    type_text(&mut lib, "budget.t");
    assert_eq!(titles(&lib), ["Budget passes"], "file names match");
    press(&mut lib, &[Action::Confirm, Action::Cancel]);
    assert_eq!(lib.rows.len(), 3);
}

#[test]
fn typing_q_in_the_filter_does_not_quit() {
    let mut lib = three();
    press(&mut lib, &[Action::Search, Action::Input('q')]);
    assert!(!lib.quit);
    press(&mut lib, &[Action::Cancel, Action::Quit]);
    assert!(lib.quit);
}

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

#[test]
fn the_article_view_keeps_the_readers_keys() {
    let mut lib = three();
    lib.update(Action::Activate);
    let act = |lib: &LibraryApp, c| whosaid::ui::library_action(lib, key(c));
    assert_eq!(act(&lib, KeyCode::Char('h')), Some(Action::Back));
    assert_eq!(act(&lib, KeyCode::Backspace), Some(Action::Back));
    assert_eq!(act(&lib, KeyCode::Char('L')), Some(Action::Library));
    assert_eq!(
        act(&lib, KeyCode::Char('s')),
        Some(Action::NextOtherSpeaker)
    );
    assert_eq!(act(&lib, KeyCode::Esc), Some(Action::Cancel));
    // In the reader's search prompt, h and Backspace edit the query.
    lib.update(Action::Search);
    assert_eq!(act(&lib, KeyCode::Char('h')), Some(Action::Input('h')));
    assert_eq!(act(&lib, KeyCode::Backspace), Some(Action::Backspace));
    lib.update(Action::Cancel);
    // In the list, s sorts and h does nothing.
    lib.update(Action::Back);
    assert_eq!(act(&lib, KeyCode::Char('s')), Some(Action::Sort));
    assert_eq!(act(&lib, KeyCode::Char('h')), None);
}

#[test]
fn help_lists_every_library_and_people_key() {
    let mut lib = three();
    lib.update(Action::Resize(120, 70));
    for (keymap, to) in [(LIBRARY, None), (PEOPLE, Some(Action::People))] {
        if let Some(a) = to {
            lib.update(a);
        }
        lib.update(Action::Help);
        let s = render(&lib, 120, 70);
        for b in keymap.iter().flat_map(|(_, b)| b.iter()) {
            assert!(s.contains(b.help), "missing {:?}\n{s}", b.help);
            assert!(s.contains(&labels(b)), "missing {}\n{s}", labels(b));
        }
        lib.update(Action::Cancel);
        assert!(!render(&lib, 120, 70).contains("Keys — Esc"));
    }
    // The reader's help lists the keys back to the library.
    press(&mut lib, &[Action::Library, Action::Activate, Action::Help]);
    let s = render(&lib, 120, 70);
    assert!(
        s.contains("back to the list this article was opened from"),
        "{s}"
    );
}
