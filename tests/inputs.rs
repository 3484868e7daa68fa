//! Every input kind as a user gives it: HTML and Markdown files, stdin,
//! directories, and URLs served by a small HTTP server on 127.0.0.1 that
//! each test starts itself (nothing here reaches the internet).

use serde_json::Value;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const BRIDGE: &str = "tests/fixtures/bridge.html";
const ALLOTMENTS: &str = "tests/fixtures/allotments.htm";
const FERRY: &str = "tests/fixtures/ferry_strike.md";
const ORCHARD: &str = "tests/fixtures/orchard.txt";

mod bin_common;
use bin_common::{run_with, whosaid_as_nobody, whosaid_cmd, write, Run};

/// Run the binary with `stdin` piped in.
fn whosaid_with(args: &[&str], stdin: &[u8]) -> Run {
    run_with(whosaid_cmd(args), Some(stdin))
}

fn whosaid(args: &[&str]) -> Run {
    whosaid_with(args, b"")
}

/// `analyze --format json` of one input: the document.
fn analysis(args: &[&str]) -> Value {
    let mut all = vec!["analyze", "--format", "json"];
    all.extend(args);
    let run = whosaid(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn jsonl(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The name of the speaker the quote starting with `opening` is attributed to.
fn speaker_of<'a>(doc: &'a Value, opening: &str) -> &'a str {
    let text = doc["text"].as_str().unwrap();
    let quote = doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| text[q["start"].as_u64().unwrap() as usize..].starts_with(opening))
        .unwrap_or_else(|| panic!("no quote starts with {opening:?} in {text}"));
    let id = quote["speaker"].as_str().expect("the quote is attributed");
    let speakers = doc["speakers"].as_array().unwrap();
    let speaker = speakers.iter().find(|s| s["id"] == id).unwrap();
    speaker["name"].as_str().unwrap()
}

fn assert_contains_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
}

fn assert_contains_none(text: &str, unwanted: &[&str]) {
    for u in unwanted {
        assert!(!text.contains(u), "clutter {u:?} in:\n{text}");
    }
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    bin_common::scratch("inputs", name)
}

// ---- HTML ----

#[test]
fn html_page_gives_the_article_without_the_clutter() {
    let doc = analysis(&[BRIDGE]);
    let text = doc["text"].as_str().unwrap();
    assert_eq!(
        doc["title"],
        "River town reopens its old stone bridge after two years of repairs"
    );
    assert!(
        text.starts_with("River town reopens its old stone bridge"),
        "{text}"
    );
    assert_contains_all(
        text,
        &[
            "Priya Lindqvist",
            "Crowds lined both banks of the Marren on Friday morning as the eighteenth-century stone bridge",
            "The repairs cost £4.2 million",
            // the blockquote, entities decoded
            "\n\n“We lost a third of our customers the week the bridge closed",
            // <q> shows as a quotation
            "called the delay “simply not good enough”.",
            "county’s chief engineer",
            "two years of detours.\n",
        ],
    );
    assert_contains_none(
        text,
        &[
            "cookie",
            "Subscribe",
            "Sport",
            "Refinance",
            "Advertisement",
            "dataLayer",
            "track(",
            "Related stories",
            "County agrees to pay",
            "Win a weekend",
            "riverwatcher77",
            "About time",
            "All rights reserved",
            "Privacy",
            "&ldquo;",
            "&pound;",
            "<",
        ],
    );
    // Paragraphs are separated by one blank line, and nothing is indented.
    assert!(!text.contains("\n\n\n") && !text.contains("\n "), "{text}");
    assert_eq!(
        speaker_of(&doc, "“This bridge is older"),
        "Tomasz Wrenfield"
    );
    assert_eq!(speaker_of(&doc, "“You cannot rush"), "Hannah Osei");
    assert_eq!(speaker_of(&doc, "“We lost a third"), "Graham Pell");
}

#[test]
fn html_page_without_an_article_element() {
    let doc = analysis(&[ALLOTMENTS]);
    let text = doc["text"].as_str().unwrap();
    assert_eq!(
        doc["title"],
        "Allotment holders win fight over water charges"
    );
    assert_contains_all(
        text,
        &[
            "By Daniel Okonkwo",
            "Gardeners at the Fenby Road allotments will not have to pay for water",
            "“We listened, and we changed our minds,” Shah said.",
            "called the decision “a win for common sense”.",
            "The new arrangement will be reviewed in two years.",
        ],
    );
    assert_contains_none(
        text,
        &[
            "Home",
            "Crime",
            "cookies",
            "newsletter",
            "Sign up",
            "Read more",
            "Park café",
            "Most read",
            "Man arrested",
            "Share this",
            "Facebook",
            "late ad",
            "adConfig",
            "Terms",
            "&#8220;",
        ],
    );
    assert_eq!(
        speaker_of(&doc, "“People here grow food"),
        "Margaret Ellery"
    );
    assert_eq!(speaker_of(&doc, "“We listened"), "Imran Shah");
}

#[test]
fn html_offsets_index_the_extracted_text() {
    let doc = analysis(&[BRIDGE]);
    let text = doc["text"].as_str().unwrap();
    for q in doc["quotes"].as_array().unwrap() {
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        let quote = &text[start as usize..end as usize];
        assert!(
            !quote.contains('<') && !quote.contains("&rdquo;"),
            "{quote}"
        );
    }
}

#[test]
fn malformed_and_tiny_html_still_give_their_text() {
    let dir = scratch("malformed");
    let tiny = write(&dir, "tiny.html", b"<p>&ldquo;Hi,&rdquo; she said.");
    let broken = write(
        &dir,
        "broken.html",
        b"<html><body><div><p>Unclosed <b>tag \"Go home,\" he said.</div></span></table><p",
    );
    for (path, want) in [
        (&tiny, "“Hi,” she said."),
        (&broken, "\"Go home,\" he said."),
    ] {
        let doc = analysis(&[path]);
        assert!(doc["text"].as_str().unwrap().contains(want), "{doc}");
    }
}

#[test]
fn deeply_nested_html_is_read_without_the_tree() {
    // 50,000 nested elements: parsing them would take about 7 s (the
    // time grows with the square of the depth); the page is read flat.
    let dir = scratch("deep");
    let page = format!(
        "<!doctype html><html><head><title>Harbour wall</title>\
         <script>var nav = '<div>';</script></head><body>\
         <p>The harbour wall was finished on Friday.</p>{}\
         <p>&ldquo;The storms will not reach the boats now,&rdquo; said Mayor Anna Berg.</p>{}\
         </body></html>",
        "<div><section>".repeat(25_000),
        "</section></div>".repeat(25_000)
    );
    let path = write(&dir, "deep.html", page.as_bytes());
    let doc = analysis(&[&path]);
    let text = doc["text"].as_str().unwrap();
    assert_eq!(doc["title"], "Harbour wall");
    assert_eq!(
        text,
        "Harbour wall\n\nThe harbour wall was finished on Friday.\n\n\
         \u{201c}The storms will not reach the boats now,\u{201d} said Mayor Anna Berg.\n"
    );
    assert_eq!(speaker_of(&doc, "\u{201c}The storms"), "Anna Berg");
}

#[test]
fn html_with_no_text_is_an_error_naming_it() {
    let dir = scratch("no_text");
    let page = write(
        &dir,
        "blank.html",
        b"<html><head><title>T</title><script>x()</script></head><body> </body></html>",
    );
    let run = whosaid(&["analyze", &page, ORCHARD]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains(&page) && run.stderr.contains("no article text"));
    assert_eq!(
        jsonl(&run.stdout).len(),
        1,
        "the good file is still analysed"
    );
}

// ---- Markdown ----

#[test]
fn markdown_loses_its_markup_and_keeps_its_words() {
    let doc = analysis(&[FERRY]);
    let text = doc["text"].as_str().unwrap();
    assert_eq!(doc["title"], "Ferry crews vote to strike over rotas");
    assert_contains_all(
        text,
        &[
            "Ferry crews vote to strike over rotas\n\n",
            "By Lena Marsh",
            "said Joe Tranter, the union's regional organiser.",
            "\n\n\"We have offered more than any other operator on this coast,\" said Alison Grey,",
            "\n\nThe strike would begin on the 14th.\n\n",
            "in the union's statement.",
        ],
    );
    assert_contains_none(text, &["*", "#", "](", "https://", "> ", "---", "title:"]);
    assert_eq!(speaker_of(&doc, "\"Nobody on these boats"), "Joe Tranter");
    assert_eq!(speaker_of(&doc, "\"We have offered"), "Alison Grey");
}

// ---- --format-in ----

#[test]
fn format_in_overrides_the_extension() {
    let dir = scratch("format_in");
    let page = fs::read(BRIDGE).unwrap();
    let saved = write(&dir, "page.txt", &page);
    let doc = analysis(&[&saved]);
    assert!(
        doc["text"].as_str().unwrap().contains("<script>"),
        "a .txt is text"
    );
    let doc = analysis(&["--format-in", "html", &saved]);
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.starts_with("River town") && !text.contains('<'),
        "{text}"
    );
    let doc = analysis(&["--format-in", "text", FERRY]);
    assert!(doc["text"].as_str().unwrap().starts_with("---\ntitle:"));
}

#[test]
fn a_page_without_a_known_extension_is_recognised_by_its_content() {
    let dir = scratch("sniff");
    let page = write(&dir, "saved_page", &fs::read(BRIDGE).unwrap());
    let doc = analysis(&[&page]);
    assert!(doc["text"]
        .as_str()
        .unwrap()
        .starts_with("River town reopens"));
}

// ---- stdin ----

#[test]
fn dash_reads_stdin() {
    let page = fs::read(ALLOTMENTS).unwrap();
    let run = whosaid_with(&["analyze", "-"], &page);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs = jsonl(&run.stdout);
    assert_eq!(docs[0]["path"], "<stdin>");
    assert_eq!(
        docs[0]["title"],
        "Allotment holders win fight over water charges"
    );
    assert!(!docs[0]["text"].as_str().unwrap().contains("Most read"));
}

#[test]
fn stdin_text_is_analysed_unchanged() {
    let article = fs::read_to_string(ORCHARD).unwrap();
    let run = whosaid_with(&["analyze", "-"], article.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(jsonl(&run.stdout)[0]["text"], article.as_str());
}

#[test]
fn piped_stdin_with_no_arguments_is_the_article() {
    // stdout is not a terminal either, so the reader prints its text report.
    let run = whosaid_with(&[], &fs::read(BRIDGE).unwrap());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("== <stdin> =="), "{}", run.stdout);
    assert!(run.stdout.contains("Tomasz Wrenfield"), "{}", run.stdout);
    let run = whosaid_with(&["-"], b"Title\n\n\"Yes,\" said Ann Bell.\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Ann Bell"), "{}", run.stdout);
}

#[test]
fn empty_and_invalid_stdin_are_one_line_errors() {
    for (bytes, what) in [(&b""[..], "empty"), (b"caf\xe9 \"x\"", "UTF-8")] {
        let run = whosaid_with(&["analyze", "-", ORCHARD], bytes);
        assert_eq!(run.code, 1);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains("<stdin>") && run.stderr.contains(what));
        assert_eq!(jsonl(&run.stdout).len(), 1);
    }
}

// ---- several inputs without a terminal ----

#[test]
fn several_inputs_print_a_report_each_when_stdout_is_not_a_terminal() {
    let run = whosaid(&[ORCHARD, FERRY, BRIDGE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let headers: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("== "))
        .collect();
    assert_eq!(
        headers,
        [
            format!("== {ORCHARD} =="),
            format!("== {FERRY} =="),
            format!("== {BRIDGE} ==")
        ]
    );
}

#[test]
fn one_html_file_without_a_terminal_prints_its_report() {
    let run = whosaid(&[BRIDGE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(&format!("== {BRIDGE} ==")));
    assert!(run.stdout.contains("Hannah Osei"), "{}", run.stdout);
    assert!(!run.stdout.contains("\x1b"), "no escape codes");
}

// ---- directories ----

/// A tree of articles with things that must be skipped, and a bad file.
fn article_tree(name: &str) -> (PathBuf, Vec<String>) {
    let dir = scratch(name);
    let story = |n: usize| format!("Story {n}\n\n\"Line {n},\" Ms Doe said.\n");
    let files = [
        "b/2.md",
        "b/1.txt",
        "a.html",
        "b/deep/3.htm",
        "c.TXT",
        "d.markdown",
    ];
    for (i, f) in files.iter().enumerate() {
        let body = if f.ends_with("html") || f.ends_with("htm") {
            format!("<html><body><p>{}</p></body></html>", story(i))
        } else {
            story(i)
        };
        write(&dir, f, body.as_bytes());
    }
    write(&dir, "notes.pdf", b"%PDF-1.4");
    write(&dir, "image.png", b"\x89PNG\0\0");
    write(&dir, ".hidden.txt", b"hidden \"x,\" she said");
    write(&dir, ".git/HEAD.txt", b"ref: refs/heads/main");
    let expected = [
        "a.html",
        "b/1.txt",
        "b/2.md",
        "b/deep/3.htm",
        "c.TXT",
        "d.markdown",
    ]
    .iter()
    .map(|f| dir.join(f).to_str().unwrap().to_string())
    .collect();
    (dir, expected)
}

#[test]
fn a_directory_is_its_article_files_sorted_by_path() {
    let (dir, expected) = article_tree("dir_jsonl");
    let run = whosaid(&["analyze", "--format", "jsonl", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let paths: Vec<String> = jsonl(&run.stdout)
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, expected);
    // The library's input, without a terminal: a text report per article.
    let run = whosaid(&[dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let headers: Vec<String> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("== ")?.strip_suffix(" =="))
        .map(str::to_string)
        .collect();
    assert_eq!(headers, expected);
}

#[test]
fn directories_and_files_mix_and_bad_files_do_not_stop_the_run() {
    let (dir, mut expected) = article_tree("dir_mix");
    let bad = write(&dir, "sub/zz_bad.txt", b"caf\xe9");
    let empty = scratch("dir_mix_empty");
    let run = whosaid(&[
        "analyze",
        ORCHARD,
        dir.to_str().unwrap(),
        empty.to_str().unwrap(),
        FERRY,
    ]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(
        lines[0].contains(&bad) && lines[0].contains("UTF-8"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains(empty.to_str().unwrap()) && lines[1].contains("no article files"),
        "{}",
        lines[1]
    );
    let paths: Vec<String> = jsonl(&run.stdout)
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    expected.insert(0, ORCHARD.to_string());
    expected.push(FERRY.to_string());
    assert_eq!(paths, expected);
}

#[test]
fn a_directory_as_json_is_an_array() {
    let (dir, expected) = article_tree("dir_json");
    let run = whosaid(&["analyze", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(docs.as_array().map(Vec::len), Some(expected.len()));
}

#[test]
fn unreadable_directories_are_error_lines() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, expected) = article_tree("dir_locked");
    let locked = dir.join("b");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let args = ["analyze", dir.to_str().unwrap()];
    // Root (as in CI) reads a mode-000 directory: run as nobody instead.
    let run = if fs::read_dir(&locked).is_ok() {
        whosaid_as_nobody(&args)
    } else {
        Some(whosaid(&args))
    };
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let Some(run) = run else {
        eprintln!("skipped: this user reads mode-000 directories and setpriv is missing");
        return;
    };
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(locked.to_str().unwrap()),
        "{}",
        run.stderr
    );
    assert_eq!(jsonl(&run.stdout).len(), expected.len() - 3);
}

// ---- URLs ----

/// What the test server sends for a path.
fn respond(path: &str, stream: &mut TcpStream) -> std::io::Result<()> {
    let ok = |kind: &str, body: &[u8]| {
        let mut r = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r
    };
    let redirect = |to: &str| {
        format!("HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes()
    };
    let response = match path {
        "/story" => ok("text/html; charset=utf-8", &fs::read(BRIDGE).unwrap()),
        "/story.md" => ok("text/plain", &fs::read(FERRY).unwrap()),
        "/plain" => ok("text/plain; charset=utf-8", &fs::read(ORCHARD).unwrap()),
        "/photo" => ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "/old" => redirect("/moved"),
        "/moved" => redirect("/story"),
        "/loop" => redirect("/loop"),
        "/slow" => {
            // Never answers: the client must give up by itself.
            std::thread::sleep(Duration::from_secs(20));
            return Ok(());
        }
        "/declared-huge" => b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 30000000\r\nConnection: close\r\n\r\n<p>".to_vec(),
        "/huge" => {
            // No length given: the limit must stop the download.
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")?;
            let chunk = b"All work and no play. ".repeat(1000);
            for _ in 0..(21_000_000 / chunk.len() + 1) {
                stream.write_all(&chunk)?;
            }
            return Ok(());
        }
        _ => b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found"
            .to_vec(),
    };
    stream.write_all(&response)
}

/// Serve `respond` on 127.0.0.1 (a thread per connection, until the test
/// process ends); the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut request = Vec::new();
                let mut byte = [0u8; 1];
                while !request.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                    request.push(byte[0]);
                }
                let request = String::from_utf8_lossy(&request);
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let _ = respond(&path, &mut stream);
            });
        }
    });
    base
}

#[test]
fn url_html_page_is_fetched_and_extracted() {
    let base = serve();
    let url = format!("{base}/story");
    let doc = analysis(&[&url]);
    assert_eq!(doc["path"], url.as_str());
    let text = doc["text"].as_str().unwrap();
    assert!(text.starts_with("River town reopens"), "{text}");
    assert!(!text.contains("Related stories") && !text.contains('<'));
    assert_eq!(speaker_of(&doc, "“You cannot rush"), "Hannah Osei");
}

#[test]
fn url_content_type_decides_text_or_markdown() {
    let base = serve();
    let plain = analysis(&[&format!("{base}/plain")]);
    assert_eq!(plain["text"], fs::read_to_string(ORCHARD).unwrap().as_str());
    let md = analysis(&[&format!("{base}/story.md")]);
    assert!(!md["text"].as_str().unwrap().contains("**"), "{md}");
}

#[test]
fn url_redirects_are_followed() {
    let base = serve();
    let doc = analysis(&[&format!("{base}/old")]);
    assert!(doc["text"]
        .as_str()
        .unwrap()
        .starts_with("River town reopens"));
}

/// `analyze URL ORCHARD`: one stderr line naming the URL and saying `what`,
/// exit code 1, the good file still analysed.
fn assert_url_error(url: &str, extra: &[&str], what: &str) -> Run {
    let mut args = vec!["analyze"];
    args.extend(extra);
    args.extend([url, ORCHARD]);
    let run = whosaid(&args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(lines[0].contains(url), "names the URL: {}", lines[0]);
    assert!(lines[0].contains(what), "says {what:?}: {}", lines[0]);
    assert_eq!(jsonl(&run.stdout).len(), 1, "the good file is analysed");
    run
}

#[test]
fn url_errors_are_one_line_each() {
    let base = serve();
    assert_url_error(&format!("{base}/missing"), &[], "HTTP 404 Not Found");
    assert_url_error(&format!("{base}/photo"), &[], "image/png, not an article");
    assert_url_error(&format!("{base}/loop"), &[], "redirects");
    assert_url_error(&format!("{base}/declared-huge"), &[], "20 MB limit");
    assert_url_error(&format!("{base}/huge"), &[], "20 MB limit");
}

#[test]
fn url_timeout_is_an_error_after_the_timeout() {
    let base = serve();
    let started = Instant::now();
    assert_url_error(
        &format!("{base}/slow"),
        &["--timeout", "0.5"],
        "timed out after 0.5 s",
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn url_with_nothing_listening_is_an_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }; // closed again: connections are refused
    assert_url_error(
        &format!("http://127.0.0.1:{port}/story"),
        &[],
        "cannot be fetched",
    );
}

#[test]
fn one_url_without_a_terminal_prints_its_report() {
    let base = serve();
    let url = format!("{base}/story");
    let run = whosaid(&[&url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(&format!("== {url} ==")),
        "{}",
        run.stdout
    );
    let run = whosaid(&[&format!("{base}/missing")]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("404"), "{}", run.stderr);
}

#[test]
fn bad_timeouts_are_usage_errors() {
    for bad in ["0", "-1", "soon"] {
        let run = whosaid(&["analyze", "--timeout", bad, ORCHARD]);
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
    }
}
