//! A library of articles: many sources, each loaded and analysed on a
//! background thread, each kept as one [`Analysis`] (which holds the text)
//! and a few facts for the list. No terminal code: the reader's library view
//! (`ui::library`) and the benchmark drive it.
//!
//! Takes [`Source`]s (files, directories, stdin, URLs), gives one [`Entry`]
//! per article, filled in by [`Outcome`]s as the workers finish.

use crate::analysis::{analyze_owned, Analysis};
use crate::input::{load_source_with, Article, FileError, LoadError, LoadOptions, Source};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Longest title shown, in characters, when the title is the first line.
pub const TITLE_CHARS: usize = 80;

/// One analysed article.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The title the input gives, or its first non-empty line.
    pub title: String,
    /// The analysis; its `text` is the article and `path` the source's name.
    pub analysis: Analysis,
    /// The offset of the first byte that was not UTF-8, when such bytes
    /// were replaced by U+FFFD to show the article anyway.
    pub repaired: Option<usize>,
}

/// What loading one source gave: the article, or the error's message.
pub type Outcome = Result<Loaded, String>;

/// Where an article is in its life.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// Waiting for, or in, a worker.
    Pending,
    /// Analysed (boxed: the list holds many entries).
    Ready(Box<Analysis>),
    /// Could not be loaded: the message names the file.
    Failed(String),
}

/// One row of the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The source's name (a path as given, `<stdin>`, a URL).
    pub name: String,
    /// The title, once known.
    pub title: Option<String>,
    /// Quotes found.
    pub quotes: usize,
    /// Speakers quoted at least once.
    pub speakers: usize,
    /// Loading state, and the analysis once there.
    pub state: State,
    /// Where the first byte that was not UTF-8 was, when the text was
    /// repaired to be shown (see [`Loaded::repaired`]).
    pub repaired: Option<usize>,
}

impl Entry {
    /// A row for `name`, not loaded yet.
    pub fn pending(name: String) -> Entry {
        Entry {
            name,
            title: None,
            quotes: 0,
            speakers: 0,
            state: State::Pending,
            repaired: None,
        }
    }

    /// A row for a source that failed before loading (a directory walk error).
    pub fn failed(error: &FileError) -> Entry {
        let mut e = Entry::pending(error.path.clone());
        e.state = State::Failed(error.to_string());
        e
    }

    /// Record what the worker gave.
    pub fn finish(&mut self, outcome: Outcome) {
        match outcome {
            Ok(loaded) => {
                let a = loaded.analysis;
                self.title = Some(loaded.title);
                self.repaired = loaded.repaired;
                self.quotes = a.quotes.len();
                self.speakers = a.speakers.iter().filter(|s| s.quotes > 0).count();
                self.state = State::Ready(Box::new(a));
            }
            Err(message) => self.state = State::Failed(message),
        }
    }

    /// True once loading ended, well or not.
    pub fn done(&self) -> bool {
        !matches!(self.state, State::Pending)
    }

    /// The analysis, when ready.
    pub fn analysis(&self) -> Option<&Analysis> {
        match &self.state {
            State::Ready(a) => Some(a),
            _ => None,
        }
    }

    /// The error message, when loading failed.
    pub fn error(&self) -> Option<&str> {
        match &self.state {
            State::Failed(m) => Some(m),
            _ => None,
        }
    }
}

/// Load and analyse one source. The text is read once and lives on only
/// inside the analysis.
pub fn load(source: &Source, options: &LoadOptions) -> Outcome {
    let article = load_source_with(source, options).map_err(|e| e.to_string())?;
    let repaired = article.repaired;
    let analysis = analyze_article(article).map_err(|e| e.to_string())?;
    Ok(Loaded {
        title: first_line(&analysis.title, TITLE_CHARS),
        analysis,
        repaired,
    })
}

/// Analyse a loaded article, recording its name and title. `analyze` never
/// panics by contract; should a bug break that, the article gets an error
/// (with the panic's message) and the other articles are still analysed.
pub fn analyze_article(article: Article) -> Result<Analysis, FileError> {
    let text = article.text;
    // The text moves into its analysis, not copied.
    let analysis = std::panic::catch_unwind(move || analyze_owned(text));
    let mut analysis = analysis.map_err(|panic| FileError {
        path: article.name.clone(),
        error: LoadError::Internal(panic_message(panic.as_ref())),
    })?;
    analysis.path = Some(article.name);
    if let Some(title) = article.title {
        analysis.title = title;
    }
    Ok(analysis)
}

/// A panic's message on one line, control characters made visible, at most
/// 200 characters (messages can quote article text).
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic.downcast_ref::<&str>().map(|s| s.to_string());
    let text = text.or_else(|| panic.downcast_ref::<String>().cloned());
    let text = text
        .unwrap_or_else(|| "panic".to_string())
        .replace('\n', " ");
    crate::sanitize::clean(&text).chars().take(200).collect()
}
/// The first non-empty line of `text`, trimmed, at most `max` characters
/// (cut ones end in `…`).
pub fn first_line(text: &str, max: usize) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let line = line.unwrap_or("");
    if line.chars().count() <= max {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Load each `(id, source)` job on `threads` workers, in order, handing
/// each outcome to `deliver` with its id as soon as it is ready. Returns at
/// once; the workers stop early when `deliver` returns false (nobody
/// listens any more).
pub fn spawn<F>(jobs: Vec<(usize, Source)>, threads: usize, options: LoadOptions, deliver: F)
where
    F: Fn(usize, Outcome) -> bool + Send + Sync + 'static,
{
    let sources: Arc<[(usize, Source)]> = jobs.into();
    let next = Arc::new(AtomicUsize::new(0));
    let deliver = Arc::new(deliver);
    for _ in 0..threads.max(1).min(sources.len()) {
        let (sources, next, deliver) = (sources.clone(), next.clone(), deliver.clone());
        let options = options.clone();
        std::thread::spawn(move || loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((id, source)) = sources.get(i) else {
                return;
            };
            if !deliver(*id, load(source, &options)) {
                return;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("whosaid-lib-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn first_line_skips_blanks_and_cuts_long_lines() {
        assert_eq!(first_line("\n\n  Ferry saved  \nbody", 80), "Ferry saved");
        let long = "word ".repeat(40);
        let cut = first_line(&long, 20);
        assert_eq!(cut.chars().count(), 20);
        assert!(cut.ends_with('…'));
        assert_eq!(first_line("   \n", 80), "");
    }

    #[test]
    fn load_keeps_the_text_once_and_names_the_source() {
        let dir = temp_dir("load");
        let path = dir.join("a.txt");
        std::fs::write(&path, "\nFerry saved\n\n\"Yes,\" Mayor Jane Smith said.\n").unwrap();
        let loaded = load(&Source::File(path.clone()), &LoadOptions::default()).expect("loads");
        assert_eq!(loaded.title, "Ferry saved");
        assert_eq!(
            loaded.analysis.path.as_deref(),
            Some(&*path.display().to_string())
        );
        assert!(loaded.analysis.text.contains("Jane Smith"));
        let missing =
            load(&Source::File(dir.join("gone.txt")), &LoadOptions::default()).unwrap_err();
        assert!(
            missing.contains("gone.txt") && missing.contains("no such file"),
            "{missing}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn spawn_delivers_every_source_once() {
        let dir = temp_dir("spawn");
        let mut sources = Vec::new();
        for i in 0..7 {
            let p = dir.join(format!("{i}.txt"));
            std::fs::write(&p, format!("Article {i}\n\nbody\n")).unwrap();
            sources.push((i, Source::File(p)));
        }
        sources.push((7, Source::File(dir.join("missing.txt"))));
        let (tx, rx) = std::sync::mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        spawn(sources, 3, LoadOptions::default(), move |i, o| {
            tx.lock().unwrap().send((i, o)).is_ok()
        });
        let mut got: Vec<(usize, Outcome)> = rx.iter().take(8).collect();
        got.sort_by_key(|(i, _)| *i);
        for (i, o) in &got[..7] {
            assert_eq!(o.as_ref().unwrap().title, format!("Article {i}"));
        }
        assert!(got[7].1.is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
