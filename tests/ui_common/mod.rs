//! A hand-built article for the reader's integration tests, so they do not
//! depend on what the analysis core finds.
#![allow(dead_code)]

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;
use whosaid::analysis::{Analysis, Evidence, Id, Quote, QuoteKind, Span, Speaker};
use whosaid::library::Loaded;
use whosaid::ui::{Action, App, LibraryApp, Theme};

/// Four speakers (three quoted), seven quotes, one unattributed, one over two paragraphs.
pub const TEXT: &str = "Council keeps the ferry\n\n\
\"We cannot pretend,\" Mayor Helen Okafor said. \"The numbers are bad.\"\n\n\
“We are not villains,” said Marcus Bell, the chief executive.\n\n\
Critics called it a \"blank cheque\". David Reyes said: \"Nobody has shown me the money.\n\n\
\"I would rather we chose honestly.\"\n\n\
Ms Okafor added: \"It will work.\" Mr Bell agreed: \"It will.\"\n\n\
Ruth Lindqvist watched from the pier.\n";

fn span(needle: &str) -> Span {
    let s = TEXT.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
    Span::new(s, s + needle.len())
}

fn quote(n: usize, words: &str, speaker: Option<&str>) -> Quote {
    let s = span(words);
    Quote {
        id: Id::new('q', n),
        start: s.start,
        end: s.end,
        kind: QuoteKind::Direct,
        speaker: speaker.map(|s| Id::try_from(s).expect("a fixture id")),
        source: None,
        cue: None,
        evidence: speaker.map(|_| Evidence::CueName),
    }
}

fn speaker(id: &str, name: &str, role: Option<&str>, aliases: &[&str]) -> Speaker {
    Speaker {
        id: Id::try_from(id).expect("a fixture id"),
        name: name.into(),
        role: role.map(Into::into),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions: vec![span(name)],
        quotes: 0,
    }
}

/// The analysis of [`TEXT`].
pub fn analysis() -> Analysis {
    let quotes = vec![
        quote(0, "\"We cannot pretend,\"", Some("s0")),
        quote(1, "\"The numbers are bad.\"", Some("s0")),
        quote(2, "“We are not villains,”", Some("s1")),
        quote(3, "\"blank cheque\"", None),
        quote(
            4,
            "\"Nobody has shown me the money.\n\n\"I would rather we chose honestly.\"",
            Some("s2"),
        ),
        quote(5, "\"It will work.\"", Some("s0")),
        quote(6, "\"It will.\"", Some("s1")),
    ];
    Analysis {
        path: Some("council.txt".into()),
        title: "Council keeps the ferry".into(),
        text: TEXT.into(),
        speakers: vec![
            speaker(
                "s0",
                "Helen Okafor",
                Some("Mayor"),
                &["Helen Okafor", "Ms Okafor"],
            ),
            speaker(
                "s1",
                "Marcus Bell",
                Some("chief executive"),
                &["Marcus Bell", "Mr Bell"],
            ),
            speaker("s2", "David Reyes", None, &["David Reyes"]),
            speaker(
                "s3",
                "Ruth Lindqvist",
                Some("harbour master"),
                &["Ruth Lindqvist"],
            ),
        ],
        quotes,
    }
}

/// A reader on [`analysis`] laid out for `w`x`h`.
pub fn app(w: u16, h: u16) -> App {
    let mut app = App::new(analysis(), Theme::new(false));
    app.update(Action::Resize(w, h));
    app
}

/// Apply `actions` in order.
pub fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

/// Type `s` into the open prompt.
pub fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Input(c));
    }
}

/// Draw `app` on a `w`x`h` test terminal.
pub fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| whosaid::ui::draw(f, app)).expect("draw");
    term.backend().buffer().clone()
}

/// The screen as text, one line per row (wide characters' spare cells skipped).
pub fn screen(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in 0..a.height {
        let mut skip = 0;
        for x in 0..a.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

// ---- the library's tests: articles as the workers deliver them

/// An article titled `title` where each `(name, words)` says its words.
pub fn article(title: &str, said: &[(&str, &str)]) -> Loaded {
    let mut text = format!("{title}\n\n");
    let mut a = Analysis::default();
    for (name, words) in said {
        let id = match a.speakers.iter().position(|s| s.name == *name) {
            Some(i) => i,
            None => {
                a.speakers.push(Speaker {
                    id: Id::new('s', a.speakers.len()),
                    name: name.to_string(),
                    role: None,
                    aliases: vec![name.to_string()],
                    mentions: Vec::new(),
                    quotes: 0,
                });
                a.speakers.len() - 1
            }
        };
        a.speakers[id].quotes += 1;
        let start = text.len();
        text.push_str(&format!("\"{words}\""));
        a.quotes.push(Quote {
            id: Id::new('q', a.quotes.len()),
            start,
            end: text.len(),
            kind: QuoteKind::Direct,
            speaker: Some(Id::new('s', id)),
            source: None,
            cue: None,
            evidence: None,
        });
        text.push_str(&format!(" {name} said.\n\n"));
    }
    a.text = text;
    a.title = title.into();
    Loaded {
        title: title.into(),
        analysis: a,
        repaired: None,
    }
}

/// The library screen drawn at `w`x`h`, as text.
pub fn render_library(lib: &LibraryApp, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| whosaid::ui::draw_library(f, lib))
        .expect("draw");
    screen(term.backend().buffer())
}

/// The library screen's rows drawn highlighted (the focused cursor,
/// reversed) at `w`x`h`, as text; the status bar, reversed too, is left out.
pub fn highlighted_rows(lib: &LibraryApp, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| whosaid::ui::draw_library(f, lib))
        .expect("draw");
    let buf = term.backend().buffer();
    let text = screen(buf);
    (0..h.saturating_sub(1))
        .filter(|&y| (0..w).any(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED)))
        .map(|y| text.lines().nth(y as usize).unwrap_or("").to_string())
        .collect()
}

/// Apply `actions` in order.
pub fn press_library(lib: &mut LibraryApp, actions: &[Action]) {
    for &a in actions {
        lib.update(a);
    }
}
