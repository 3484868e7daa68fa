//! A library of articles: many sources, each loaded and analysed on a
//! background thread, each kept as one [`Analysis`] (which holds the text)
//! and a few facts for the list. No terminal code: the reader's library view
//! (`ui::library`) and the benchmark drive it.
//!
//! Takes [`Source`]s (files, directories, stdin, URLs), gives one [`Entry`]
//! per article, filled in by [`Outcome`]s as the workers finish.

use crate::analysis::{analyze, Analysis};
use crate::input::{load_source, FileError, LoadError, Source};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Longest title shown, in characters, when the title is the first line.
pub const TITLE_CHARS: usize = 80;

/// Endings of the files a directory walk picks up.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// One analysed article.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The title the input gives, or its first non-empty line.
    pub title: String,
    /// The analysis; its `text` is the article and `path` the source's name.
    pub analysis: Analysis,
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
/// inside the analysis. A panic in the core (a bug; `analyze` must not
/// fail) becomes this article's error, so the others still load.
pub fn load(source: &Source) -> Outcome {
    let article = load_source(source).map_err(|e| e.to_string())?;
    let analysis = std::panic::catch_unwind(|| analyze(&article.text));
    let mut analysis = analysis.map_err(|_| {
        let error = LoadError::Internal("the analysis panicked".into());
        FileError {
            path: article.name.clone(),
            error,
        }
        .to_string()
    })?;
    let title = article
        .title
        .unwrap_or_else(|| first_line(&article.text, TITLE_CHARS));
    analysis.path = Some(article.name);
    Ok(Loaded { title, analysis })
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
pub fn spawn<F>(jobs: Vec<(usize, Source)>, threads: usize, deliver: F)
where
    F: Fn(usize, Outcome) -> bool + Send + Sync + 'static,
{
    let sources: Arc<[(usize, Source)]> = jobs.into();
    let next = Arc::new(AtomicUsize::new(0));
    let deliver = Arc::new(deliver);
    for _ in 0..threads.max(1).min(sources.len()) {
        let (sources, next, deliver) = (sources.clone(), next.clone(), deliver.clone());
        std::thread::spawn(move || loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((id, source)) = sources.get(i) else {
                return;
            };
            if !deliver(*id, load(source)) {
                return;
            }
        });
    }
}

/// Replace each directory among `sources` by the article files under it,
/// recursively, sorted by path; other sources stay as given. Hidden files
/// and directories are skipped, and so are files whose ending is not an
/// article's (`.txt`, `.md`, `.html`…); a directory that cannot be read is
/// an error in the list.
// until input::expand_dirs lands
pub fn expand(sources: &[Source]) -> Vec<Result<Source, FileError>> {
    let mut out = Vec::new();
    for source in sources {
        match source {
            Source::File(path) if path.is_dir() => walk(path, &mut out),
            other => out.push(Ok(other.clone())),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Source, FileError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()),
        Err(e) => {
            let error = LoadError::Unreadable(e.to_string());
            let path = dir.display().to_string();
            return out.push(Err(FileError { path, error }));
        }
    };
    let mut paths: Vec<_> = entries.filter(|p| !hidden(p)).collect();
    paths.sort();
    for path in paths {
        // Symbolic links to directories are not followed: no loops.
        let is_link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
        if path.is_dir() && !is_link {
            walk(&path, out);
        } else if path.is_file() && is_article(&path) {
            out.push(Ok(Source::File(path)));
        }
    }
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn is_article(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str());
    ext.is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
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
    fn expand_walks_directories_in_order_and_keeps_other_sources() {
        let dir = temp_dir("walk");
        std::fs::create_dir_all(dir.join("b/c")).unwrap();
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        for f in [
            "b/c/z.txt",
            "a.md",
            "b/y.html",
            "notes.pdf",
            ".git/x.txt",
            ".h.txt",
        ] {
            std::fs::write(dir.join(f), "Title\n").unwrap();
        }
        let given = [Source::File(dir.clone()), Source::Stdin];
        let got: Vec<String> = expand(&given)
            .into_iter()
            .map(|s| s.expect("no error").name())
            .collect();
        let d = dir.display();
        assert_eq!(
            got,
            [
                format!("{d}/a.md"),
                format!("{d}/b/c/z.txt"),
                format!("{d}/b/y.html"),
                "<stdin>".to_string()
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_given_by_name_is_kept_whatever_its_ending() {
        let s = Source::File("/no/such/file.pdf".into());
        assert_eq!(expand(std::slice::from_ref(&s)), [Ok(s)]);
    }

    #[test]
    fn load_keeps_the_text_once_and_names_the_source() {
        let dir = temp_dir("load");
        let path = dir.join("a.txt");
        std::fs::write(&path, "\nFerry saved\n\n\"Yes,\" Mayor Jane Smith said.\n").unwrap();
        let loaded = load(&Source::File(path.clone())).expect("loads");
        assert_eq!(loaded.title, "Ferry saved");
        assert_eq!(
            loaded.analysis.path.as_deref(),
            Some(&*path.display().to_string())
        );
        assert!(loaded.analysis.text.contains("Jane Smith"));
        let missing = load(&Source::File(dir.join("gone.txt"))).unwrap_err();
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
        spawn(sources, 3, move |i, o| {
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
