//! Frame-time benchmark for the reader (`cargo bench --bench frame`).
//!
//! Reports, on a 200x50 `TestBackend`: the time to draw one frame after a
//! `j` keypress for a 5 KB and a 5 MB article, and the time from start
//! (analysis in hand) to the first frame for the 5 MB article. The articles
//! repeat paragraphs with many quotes; their analyses are built by hand so
//! the figures do not depend on the analysis core (set
//! `WHOSAID_BENCH_ANALYZE=1` to also time `analyze` on the large one).

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::{Duration, Instant};
use whosaid::analysis::{Analysis, Evidence, Id, Quote, QuoteKind, Span, Speaker};
use whosaid::ui::{draw, Action, App, Theme};

const NAMES: [&str; 6] = [
    "Helen Okafor",
    "Marcus Bell",
    "David Reyes",
    "Ruth Lindqvist",
    "Anna Kowalski",
    "Samuel Osei",
];

/// One paragraph with three quotes: two by speaker `i`, a scare quote by nobody.
fn paragraph(i: usize) -> String {
    let a = NAMES[i % NAMES.len()];
    let b = NAMES[(i + 1) % NAMES.len()];
    format!(
        "\"We cannot pretend the numbers are pretty,\" {a} said at meeting {i}. \"But a town that \
cuts itself off from its own island is not saving money.\" {b} called the deal a \"blank cheque\" \
and said the vote had been rushed, while residents waited on the pier in the rain.\n\n"
    )
}

/// An article of about `bytes` bytes and its hand-built analysis.
fn article(bytes: usize) -> Analysis {
    let mut text = String::from("Harbour town votes to keep its ferry\n\n");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&paragraph(i));
        i += 1;
    }
    let quotes = quotes_of(&text);
    let speakers = speakers_of(&text, &quotes);
    let title = "Harbour town votes to keep its ferry".into();
    Analysis {
        path: None,
        title,
        text,
        speakers,
        quotes,
    }
}

/// The straight-quoted stretches, attributed as [`paragraph`] writes them.
fn quotes_of(text: &str) -> Vec<Quote> {
    let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    marks
        .chunks_exact(2)
        .enumerate()
        .map(|(n, pair)| {
            let para = n / 3;
            let speaker = (n % 3 != 2).then(|| Id::new('s', para % NAMES.len()));
            Quote {
                id: Id::new('q', n),
                start: pair[0],
                end: pair[1] + 1,
                kind: QuoteKind::Direct,
                speaker,
                source: None,
                cue: None,
                evidence: Some(Evidence::CueName),
            }
        })
        .collect()
}

/// The speakers, every mention of their names, and their quote counts.
fn speakers_of(text: &str, quotes: &[Quote]) -> Vec<Speaker> {
    let mut counts = [0; NAMES.len()];
    for q in quotes.iter().filter_map(|q| q.speaker.as_deref()) {
        counts[q[1..].parse::<usize>().expect("sN")] += 1;
    }
    NAMES
        .iter()
        .enumerate()
        .map(|(k, name)| Speaker {
            id: Id::new('s', k),
            name: name.to_string(),
            role: None,
            aliases: vec![name.to_string()],
            mentions: text
                .match_indices(name)
                .map(|(s, m)| Span::new(s, s + m.len()))
                .collect(),
            quotes: counts[k],
        })
        .collect()
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(200, 50)).expect("test terminal")
}

/// App::new, layout and the first frame.
fn first_frame(analysis: Analysis, term: &mut Terminal<TestBackend>) -> (App, Duration) {
    let t = Instant::now();
    let mut app = App::new(analysis, Theme::new(false));
    app.update(Action::Resize(200, 50));
    term.draw(|f| draw(f, &app)).expect("draw");
    (app, t.elapsed())
}

/// Median and mean time of `j` + one frame, over `rounds`.
fn frame_after_j(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    rounds: usize,
) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        if app.scroll >= app.max_scroll() {
            app.update(Action::First);
            term.draw(|f| draw(f, app)).expect("draw");
        }
        let t = Instant::now();
        app.update(Action::Down);
        term.draw(|f| draw(f, app)).expect("draw");
        times.push(t.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / rounds as u32;
    (times[rounds / 2], mean)
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// Time `analyze` on the large article, and frames on its result.
fn with_core(text: &str, rounds: usize) {
    let t = Instant::now();
    let a = whosaid::analysis::analyze(text);
    let took = t.elapsed();
    println!(
        "analyze(5 MB): {} ({} quotes, {} speakers)",
        ms(took),
        a.quotes.len(),
        a.speakers.len()
    );
    let mut term = terminal();
    let (mut app, first) = first_frame(a, &mut term);
    let (med, _) = frame_after_j(&mut app, &mut term, rounds);
    println!(
        "  with the core's analysis: frame after j median {}, first frame {} (+ analyze)",
        ms(med),
        ms(first)
    );
}

fn main() {
    let rounds = 2000;
    let small = article(5 * 1024);
    let t = Instant::now();
    let large = article(5 * 1024 * 1024);
    let build = t.elapsed();
    println!(
        "articles: 5 KB = {} bytes, {} quotes; 5 MB = {} bytes, {} quotes (hand-built in {})",
        small.text.len(),
        small.quotes.len(),
        large.text.len(),
        large.quotes.len(),
        ms(build)
    );
    if std::env::var_os("WHOSAID_BENCH_ANALYZE").is_some() {
        with_core(&large.text, rounds);
    }
    let mut term = terminal();
    let (mut app_s, _) = first_frame(small, &mut term);
    let (med_s, mean_s) = frame_after_j(&mut app_s, &mut term, rounds);
    let mut term = terminal();
    let (mut app_l, first) = first_frame(large, &mut term);
    let (med_l, mean_l) = frame_after_j(&mut app_l, &mut term, rounds);
    println!(
        "frame after j, 200x50, 5 KB article: median {}, mean {}",
        ms(med_s),
        ms(mean_s)
    );
    println!(
        "frame after j, 200x50, 5 MB article: median {}, mean {}",
        ms(med_l),
        ms(mean_l)
    );
    println!(
        "5 MB / 5 KB frame (median): {:.2}x",
        med_l.as_secs_f64() / med_s.as_secs_f64()
    );
    println!(
        "start to first frame, 5 MB article (App::new + layout/wrap + draw): {}",
        ms(first)
    );
}
