//! The people screen: everyone quoted across the library on the left, the
//! selected person's quotes grouped by article on the right. Only draws.

use super::layout::inner;
use super::library::LibraryApp;
use super::people::{lines, Line as Row, Side};
use super::shelf::{progress, status_line};
use super::text;
use crate::analysis::Span as TextSpan;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Key hints on the people screen's status bar.
const HINTS: &[(&str, &str)] = &[
    ("Enter", "quotes/open"),
    ("Tab", "side"),
    ("/", "find"),
    ("L", "library"),
    ("?", "help"),
    ("q", "quit"),
];

/// Draw the people screen in `area`.
pub fn draw(frame: &mut Frame, area: Rect, lib: &LibraryApp) {
    let body_h = area.height.saturating_sub(1);
    let left_w = (area.width * 2 / 5).clamp(20.min(area.width), 48);
    let left = Rect::new(area.x, area.y, left_w, body_h);
    let right = Rect::new(area.x + left_w, area.y, area.width - left_w, body_h);
    draw_people(frame, left, lib);
    draw_quotes(frame, right, lib);
    let status = Rect::new(area.x, area.y + body_h, area.width, 1);
    let what = format!("people across {}", progress(lib));
    let bar = status_line(lib, status.width as usize, &what, HINTS);
    frame.render_widget(Paragraph::new(bar).style(lib.theme.status()), status);
}

fn draw_people(frame: &mut Frame, area: Rect, lib: &LibraryApp) {
    let p = &lib.people;
    let theme = &lib.theme;
    let focused = p.focus == Side::People;
    let title = if p.query.is_empty() {
        format!(" People ({}) ", p.rows.len())
    } else {
        format!(" People /{} ({}) ", text::display(&p.query), p.rows.len())
    };
    frame.render_widget(theme.block(title, focused), area);
    let r = inner(area);
    let w = r.width as usize;
    let mut out: Vec<Line> = (p.offset..p.rows.len())
        .take(r.height as usize)
        .map(|row| {
            let person = &p.people[p.rows[row]];
            let n = person.articles.len();
            let count = format!("{} in {n}", person.quote_count());
            let name_w = w.saturating_sub(count.len() + 2);
            let line = Line::from(vec![
                Span::raw(" "),
                Span::raw(text::pad(&text::fit(&person.name, name_w), name_w)),
                Span::styled(format!("{count} "), theme.dim()),
            ]);
            if row == p.cursor {
                line.style(theme.row_selected(focused))
            } else {
                line
            }
        })
        .collect();
    if p.rows.is_empty() {
        let note = if !p.query.is_empty() {
            " Nobody quoted matches."
        } else if !lib.all_done() {
            " Nobody quoted yet: articles are being analysed."
        } else {
            " Nobody is quoted in these articles."
        };
        out.push(Line::styled(note, theme.dim()));
    }
    frame.render_widget(Paragraph::new(out), r);
}

fn draw_quotes(frame: &mut Frame, area: Rect, lib: &LibraryApp) {
    let p = &lib.people;
    let theme = &lib.theme;
    let focused = p.focus == Side::Quotes;
    let Some(person) = p.person() else {
        frame.render_widget(theme.block(" Quotes ", focused), area);
        return;
    };
    let (q, n) = (person.quote_count(), person.articles.len());
    let title = format!(
        " {} — {q} quote{} in {n} article{} ",
        text::fit(&person.name, 30),
        if q == 1 { "" } else { "s" },
        if n == 1 { "" } else { "s" }
    );
    frame.render_widget(theme.block(title, focused), area);
    let r = inner(area);
    let w = r.width as usize;
    let out: Vec<Line> = lines(person)
        .into_iter()
        .skip(p.quote_offset)
        .take(r.height as usize)
        .map(|row| match row {
            Row::Article(e) => article_line(lib, e, w),
            Row::Quote(k, e, q) => {
                let line = quote_line(lib, e, q, w);
                if k == p.quote {
                    line.style(theme.row_selected(focused))
                } else {
                    line
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(out), r);
}

/// `▸ Title — file`.
fn article_line(lib: &LibraryApp, e: usize, w: usize) -> Line<'static> {
    let entry = &lib.entries[e];
    let title = entry.title.as_deref().unwrap_or(&entry.name);
    let name_w = (text::width(&entry.name) + 3).min(w / 2);
    let title = text::fit(title, w.saturating_sub(2 + name_w));
    let name = text::fit(&entry.name, w.saturating_sub(5 + text::width(&title)));
    Line::from(vec![
        Span::styled(format!("▸ {title}"), lib.theme.label()),
        Span::styled(format!(" — {name}"), lib.theme.dim()),
    ])
}

/// `    “The start of the quote…`.
fn quote_line(lib: &LibraryApp, e: usize, q: usize, w: usize) -> Line<'static> {
    let Some(quote) = lib.analysis(e).and_then(|a| Some((a, a.quotes.get(q)?))) else {
        return Line::raw("");
    };
    let (a, quote) = quote;
    // Only the start of a long quote is needed for one row.
    let end = super::quotes::floor_char(&a.text, quote.end.min(quote.start + w * 4 + 8));
    let words = text::slice(&a.text, TextSpan::new(quote.start, end));
    Line::from(vec![
        Span::raw("   "),
        Span::styled(text::fit(words, w.saturating_sub(4)), Style::new()),
    ])
}
