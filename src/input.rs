//! Loading articles from disk, with one-line errors that name the file.

use std::fmt;
use std::io;
use std::path::Path;

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No file at that path.
    Missing,
    /// The path is a directory.
    Directory,
    /// A device such as `/dev/zero`: reading it might never end.
    Device,
    /// The file is UTF-16 text (it starts with a UTF-16 byte order mark).
    Utf16,
    /// The file exists but could not be read.
    Unreadable(String),
    /// The file is empty (or holds only whitespace).
    Empty,
    /// The file holds NUL bytes: not text.
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The file is not valid UTF-8.
    InvalidUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The analysis itself failed: a bug in whosaid, reported per file so
    /// the other files are still analysed.
    Internal(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing => write!(f, "no such file"),
            LoadError::Directory => write!(f, "is a directory, not an article file"),
            LoadError::Device => write!(f, "is a device, not an article file"),
            LoadError::Utf16 => write!(
                f,
                "is UTF-16 text; whosaid reads UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)"
            ),
            LoadError::Unreadable(why) => write!(f, "cannot be read: {why}"),
            LoadError::Empty => write!(f, "is empty: there is no article to read"),
            LoadError::Binary { offset } => {
                write!(
                    f,
                    "is a binary file, not text (NUL byte at offset {offset})"
                )
            }
            LoadError::InvalidUtf8 { offset } => {
                write!(f, "is not valid UTF-8 (first bad byte at offset {offset})")
            }
            LoadError::Internal(why) => {
                write!(
                    f,
                    "could not be analysed (a bug in whosaid, please report it): {why}"
                )
            }
        }
    }
}

/// A load error together with the file it is about: `FILE: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The path as the user gave it.
    pub path: String,
    /// What went wrong.
    pub error: LoadError,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", crate::sanitize::clean(&self.path), self.error)
    }
}

impl std::error::Error for FileError {}

/// Read the article at `path` as UTF-8 text.
pub fn load(path: &Path) -> Result<String, FileError> {
    let wrap = |error| FileError {
        path: path.display().to_string(),
        error,
    };
    if path.is_dir() {
        return Err(wrap(LoadError::Directory));
    }
    if is_device(path) {
        return Err(wrap(LoadError::Device));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        wrap(match e.kind() {
            io::ErrorKind::NotFound => LoadError::Missing,
            io::ErrorKind::IsADirectory => LoadError::Directory,
            _ => LoadError::Unreadable(e.to_string()),
        })
    })?;
    decode(bytes).map_err(wrap)
}

/// True for character and block devices. Pipes stay allowed, so
/// `whosaid analyze <(curl …)` works.
#[cfg(unix)]
fn is_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::metadata(path).map(|m| m.file_type());
    kind.is_ok_and(|k| k.is_char_device() || k.is_block_device())
}

#[cfg(not(unix))]
fn is_device(_: &Path) -> bool {
    false
}

/// Check that `bytes` is a non-empty UTF-8 text article.
pub fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(LoadError::Utf16);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

/// Where an article comes from, as the user named it on the command line.
///
/// The library view and the command line both load articles through
/// [`load_source`], so every input kind works the same in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(std::path::PathBuf),
    /// Standard input (`-` or a pipe).
    Stdin,
    /// An `http://` or `https://` address.
    Url(String),
}

impl Source {
    /// Read one command-line argument: `-` is stdin, `http(s)://` a URL,
    /// anything else a path.
    pub fn parse(arg: &str) -> Source {
        let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
        if arg == "-" {
            Source::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Source::Url(arg.to_string())
        } else {
            Source::File(arg.into())
        }
    }

    /// The name shown for this source and used in error lines.
    pub fn name(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::Url(url) => url.clone(),
        }
    }
}

/// An article ready for analysis: the text the analysis indexes, and what is
/// known of it besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The source's name ([`Source::name`]).
    pub name: String,
    /// The article's title when the input names one (an HTML `<title>` or
    /// heading); otherwise None and the first line serves.
    pub title: Option<String>,
    /// The text that is analysed; every offset in the analysis indexes it.
    pub text: String,
}

/// Load one source as an article.
pub fn load_source(source: &Source) -> Result<Article, FileError> {
    let name = source.name();
    let text = match source {
        Source::File(path) => load(path)?,
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes).map_err(|e| FileError {
                path: name.clone(),
                error: LoadError::Unreadable(e.to_string()),
            })?;
            decode(bytes).map_err(|error| FileError {
                path: name.clone(),
                error,
            })?
        }
        Source::Url(_) => {
            return Err(FileError {
                path: name,
                error: LoadError::Unreadable("URLs are not supported yet".to_string()),
            })
        }
    };
    Ok(Article {
        name,
        title: None,
        text,
    })
}
