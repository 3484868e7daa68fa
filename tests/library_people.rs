//! The library's people screen (one person across articles, opening an
//! article at a quote) and its error rows (real files loaded by the
//! background workers: a missing and a binary file among good ones).

mod ui_common;

use std::path::PathBuf;
use ui_common::{article, press_library as press, render_library as render};
use whosaid::input::Source;
use whosaid::library;
use whosaid::ui::library::View;
use whosaid::ui::people::Side;
use whosaid::ui::{Action, LibraryApp, Theme};

/// Pompeo in two articles (full name, then surname only), the two
/// Clintons in one, each with their own words.
fn politics() -> LibraryApp {
    let articles = [
        (
            "a.txt",
            article(
                "Talks in Seoul",
                &[("Mike Pompeo", "Progress was made"), ("Kim Lee", "Maybe")],
            ),
        ),
        (
            "b.txt",
            article(
                "Summit plans",
                &[
                    ("Hillary Clinton", "Not so fast"),
                    ("Pompeo", "We will meet again"),
                    ("Bill Clinton", "I agree with her"),
                ],
            ),
        ),
    ];
    let names = articles
        .iter()
        .map(|(n, _)| library::Entry::pending(n.to_string()));
    let mut lib = LibraryApp::new(names.collect(), Theme::new(false));
    lib.update(Action::Resize(120, 30));
    for (i, (_, a)) in articles.into_iter().enumerate() {
        lib.receive(i, Ok(a));
    }
    lib
}

fn people(lib: &LibraryApp) -> Vec<String> {
    let p = &lib.people;
    p.rows.iter().map(|&i| p.people[i].name.clone()).collect()
}

#[test]
fn p_lists_people_merged_across_articles() {
    let mut lib = politics();
    press(&mut lib, &[Action::People]);
    assert_eq!(lib.screen, View::People);
    let mut names = people(&lib);
    names.sort();
    assert_eq!(
        names,
        ["Bill Clinton", "Hillary Clinton", "Kim Lee", "Mike Pompeo"],
        "Pompeo merged, the Clintons not"
    );
    assert_eq!(people(&lib)[0], "Mike Pompeo", "most quoted first");
    let s = render(&lib, 120, 30);
    assert!(s.contains("Mike Pompeo — 2 quotes in 2 articles"), "{s}");
    let talks = s.find("▸ Talks in Seoul — a.txt").expect(&s);
    let summit = s.find("▸ Summit plans — b.txt").expect(&s);
    let first = s.find("\"Progress was made\"").expect(&s);
    let second = s.find("\"We will meet again\"").expect(&s);
    assert!(talks < first && first < summit && summit < second, "{s}");
}

#[test]
fn filter_by_person_then_enter_opens_the_article_at_the_quote() {
    let mut lib = politics();
    press(&mut lib, &[Action::People, Action::Search]);
    for c in "clinton".chars() {
        lib.update(Action::Input(c));
    }
    press(&mut lib, &[Action::Confirm]);
    let mut names = people(&lib);
    names.sort();
    assert_eq!(names, ["Bill Clinton", "Hillary Clinton"]);
    assert!(render(&lib, 120, 30).contains("People /clinton (2)"));
    press(&mut lib, &[Action::Cancel, Action::Search]);
    for c in "pompeo".chars() {
        lib.update(Action::Input(c));
    }
    press(&mut lib, &[Action::Confirm, Action::Activate]);
    assert_eq!(lib.people.focus, Side::Quotes);
    press(&mut lib, &[Action::Down, Action::Activate]);
    assert_eq!(lib.screen, View::Article);
    let reader = lib.reader.as_ref().expect("an open article");
    assert_eq!(lib.entries[reader.entry].name, "b.txt");
    let q = reader.app.selected.expect("a selected quote");
    let a = &reader.app.analysis;
    assert_eq!(
        &a.text[a.quotes[q].start..a.quotes[q].end],
        "\"We will meet again\""
    );
    let s = render(&lib, 120, 30);
    assert!(s.contains("Summit plans") && s.contains("quote 2/3"), "{s}");
    // Back returns to the people screen where it was.
    press(&mut lib, &[Action::Back]);
    assert_eq!(lib.screen, View::People);
    assert_eq!(people(&lib), ["Mike Pompeo"]);
    assert_eq!(lib.people.quote, 1);
    press(&mut lib, &[Action::Library]);
    assert_eq!(lib.screen, View::List);
}

#[test]
fn people_arriving_within_the_throttle_show_after_it_without_waiting_for_the_rest() {
    let names = ["a.txt", "b.txt", "c.txt"].map(|n| library::Entry::pending(n.into()));
    let mut lib = LibraryApp::new(names.into(), Theme::new(false));
    lib.update(Action::Resize(120, 30));
    press(&mut lib, &[Action::People]);
    let s = render(&lib, 120, 30);
    assert!(s.contains("Nobody quoted yet"), "{s}");
    assert!(!s.contains("matches"), "no query typed: {s}");
    // Two articles in quick succession, the third still being analysed.
    lib.receive(0, Ok(article("Talks", &[("Mike Pompeo", "Progress")])));
    lib.receive(1, Ok(article("Summit", &[("Kim Lee", "Maybe")])));
    std::thread::sleep(std::time::Duration::from_millis(350));
    // What the event loop does when it wakes while articles are pending.
    assert!(
        lib.tick(),
        "the stale people are merged once the window is up"
    );
    assert!(!lib.all_done());
    let s = render(&lib, 120, 30);
    assert!(s.contains("People (2)"), "{s}");
    assert!(s.contains("Mike Pompeo") && s.contains("Kim Lee"), "{s}");
    assert!(!lib.tick(), "nothing new: no merge, no redraw");
    // A query nobody matches says so.
    press(&mut lib, &[Action::Search]);
    for c in "zz".chars() {
        lib.update(Action::Input(c));
    }
    assert!(render(&lib, 120, 30).contains("Nobody quoted matches."));
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn missing_and_binary_files_show_their_error_and_the_rest_work() {
    let dir = temp_dir("lib-errors");
    std::fs::write(
        dir.join("good.txt"),
        "Ferry saved\n\n\"We did it,\" Mayor Jane Smith said.\n",
    )
    .unwrap();
    std::fs::write(dir.join("blob.txt"), b"PK\x03\x04\0\0binary").unwrap();
    let sources = [
        Source::File(dir.clone()),
        Source::File(dir.join("gone.txt")),
    ];
    let (entries, jobs) = whosaid::ui::plan(whosaid::input::expand_dirs(&sources));
    let mut lib = LibraryApp::new(entries, Theme::new(false));
    lib.update(Action::Resize(120, 30));
    let (tx, rx) = std::sync::mpsc::channel();
    library::spawn(jobs, 2, Default::default(), move |i, o| {
        tx.send((i, o)).is_ok()
    });
    for (i, outcome) in rx.iter() {
        lib.receive(i, outcome);
    }
    assert!(lib.all_done());
    let s = render(&lib, 120, 30);
    assert!(s.contains("analysed 3/3 (2 failed)"), "{s}");
    let row = |needle: &str| {
        s.lines()
            .find(|l| l.contains(needle))
            .unwrap_or("")
            .to_string()
    };
    assert!(row("blob.txt").contains("✗ is a binary file"), "{s}");
    assert!(row("gone.txt").contains("✗ no such file"), "{s}");
    assert!(row("good.txt").contains("Ferry saved"), "{s}");
    // Failed rows sort last; Enter on one says why and stays on the list.
    press(&mut lib, &[Action::Last, Action::Activate]);
    assert_eq!(lib.screen, View::List);
    assert!(render(&lib, 120, 30).contains("no such file"));
    press(&mut lib, &[Action::First, Action::Activate]);
    assert_eq!(lib.screen, View::Article);
    assert!(render(&lib, 120, 30).contains("We did it"));
    let _ = std::fs::remove_dir_all(&dir);
}
