//! Directories as inputs: the article files in them, recursively.

use super::{FileError, LoadError, Source};
use std::path::{Path, PathBuf};

/// The extensions of the files a directory is searched for (any case).
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// True for a file name with one of the [`ARTICLE_EXTENSIONS`].
pub fn is_article_file(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str());
    ext.is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Replace each directory in `sources` by the article files under it.
///
/// Every other source (files whatever their extension, stdin, URLs, paths
/// that do not exist) is kept as it is, in place: loading it reports any
/// problem. Under a directory, files with an article extension
/// ([`ARTICLE_EXTENSIONS`]) are taken, sorted by path (a directory's files
/// and subdirectories in name order, depth first), skipping hidden files and
/// directories (names starting with `.`) and not following symbolic links to
/// directories (so a link loop cannot run forever). A directory that cannot
/// be read, or holds no article file at all, is an `Err` in its place, so
/// the caller reports it and goes on. Only paths are collected, never text.
pub fn expand_dirs(sources: &[Source]) -> Vec<Result<Source, FileError>> {
    let mut out = Vec::new();
    for source in sources {
        match source {
            Source::File(dir) if dir.is_dir() => {
                let before = out.len();
                walk(dir, &mut out);
                if out.len() == before {
                    out.push(Err(FileError {
                        path: dir.display().to_string(),
                        error: LoadError::NoArticleFiles,
                    }));
                }
            }
            other => out.push(Ok(other.clone())),
        }
    }
    out
}

/// What a directory entry is, as the directory listing says (no extra
/// system call for most entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A real directory (a link to one is not followed: no loops).
    Dir,
    /// A regular file.
    File,
    /// A symbolic link: followed only to a regular file.
    Link,
    /// A FIFO, socket or device: reading it could block forever.
    Other,
}

/// Push the article files under `dir` (and errors for unreadable
/// subdirectories) in path order, depth first. Uses a stack of its own:
/// directory depth cannot overflow the thread's stack.
fn walk(dir: &Path, out: &mut Vec<Result<Source, FileError>>) {
    // Entries still to visit, the next one last.
    let mut stack = vec![(dir.to_path_buf(), Kind::Dir)];
    while let Some((path, kind)) = stack.pop() {
        if kind != Kind::Dir {
            // Regular files only (a link to one counts): a FIFO or socket
            // named like an article would block the reading forever.
            let regular = match kind {
                Kind::File => true,
                Kind::Link => std::fs::metadata(&path).is_ok_and(|m| m.is_file()),
                _ => false,
            };
            if regular && is_article_file(&path) {
                out.push(Ok(Source::File(path)));
            }
            continue;
        }
        match read_sorted(&path) {
            Ok(entries) => stack.extend(entries.into_iter().rev()),
            Err(e) => out.push(Err(FileError {
                path: path.display().to_string(),
                error: LoadError::Unreadable(e.to_string()),
            })),
        }
    }
}

/// The visible entries of `dir`, sorted by name, each with its [`Kind`].
fn read_sorted(dir: &Path) -> std::io::Result<Vec<(PathBuf, Kind)>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = match entry.file_type() {
            Ok(t) if t.is_dir() => Kind::Dir,
            Ok(t) if t.is_file() => Kind::File,
            Ok(t) if t.is_symlink() => Kind::Link,
            _ => Kind::Other,
        };
        entries.push((entry.path(), kind));
    }
    entries.sort();
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_like_an_article_is_not_read() {
        let root = std::env::temp_dir().join(format!("whosaid-fifo-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("a.txt"), "x").unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("b.txt"))
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let found = expand_dirs(&[Source::File(root.clone())]);
        assert_eq!(found, [Ok(Source::File(root.join("a.txt")))]);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn directories_become_their_article_files_in_path_order() {
        let root = std::env::temp_dir().join(format!("whosaid-dirs-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for dir in ["a", "a/sub", "b", ".hidden"] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        for file in [
            "z.txt",
            "a/2.md",
            "a/1.HTML",
            "a/sub/x.htm",
            "a/zz.markdown",
            "b/notes.pdf",
            "b/.draft.txt",
            ".hidden/h.txt",
            "a.txt",
        ] {
            fs::write(root.join(file), "x").unwrap();
        }
        fs::create_dir_all(root.join("empty")).unwrap();
        let names: Vec<String> = expand_dirs(&[
            Source::File(root.clone()),
            Source::Stdin,
            Source::File(root.join("empty")),
        ])
        .into_iter()
        .map(|r| match r {
            Ok(Source::File(p)) => p.strip_prefix(&root).unwrap().display().to_string(),
            Ok(other) => other.name(),
            Err(e) => format!("error: {}", e.error),
        })
        .collect();
        let _ = fs::remove_dir_all(&root);
        assert_eq!(
            names,
            [
                "a/1.HTML",
                "a/2.md",
                "a/sub/x.htm",
                "a/zz.markdown",
                "a.txt",
                "z.txt",
                "<stdin>",
                "error: is a directory with no article files in it (.txt, .md, .markdown, .html, .htm)",
            ]
        );
    }
}
