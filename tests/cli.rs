//! `whosaid analyze` run as a user runs it: the real binary, real files.
//!
//! These check structure only (never which speaker the core picks), so they
//! hold for any correct analysis core.

use serde_json::Value;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const ORCHARD: &str = "tests/fixtures/orchard.txt";
const HARBOUR: &str = "tests/fixtures/harbour_wall.txt";

mod bin_common;
use bin_common::{run_with, whosaid_as_nobody, whosaid_cmd, write, Run};

fn whosaid(args: &[&str]) -> Run {
    run_with(whosaid_cmd(args), None)
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    bin_common::scratch("cli", name)
}

/// Parse `--format jsonl` output: one object per line.
fn jsonl(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Check one SCHEMA.md object against the file it came from.
fn check_schema(doc: &Value, path: &str) {
    let file = fs::read_to_string(path).unwrap();
    assert_eq!(doc["path"], path);
    assert!(doc["title"].is_string(), "title: {doc}");
    let text = doc["text"].as_str().expect("text");
    assert_eq!(text, file, "text must be the file byte for byte");
    let speakers = doc["speakers"].as_array().expect("speakers");
    let ids: Vec<&str> = speakers.iter().map(|s| s["id"].as_str().unwrap()).collect();
    for s in speakers {
        assert!(s["name"].is_string() && s["aliases"].is_array(), "{s}");
        assert!(s["quotes"].is_u64(), "{s}");
        for m in s["mentions"].as_array().expect("mentions") {
            check_span(text, m);
        }
    }
    for q in doc["quotes"].as_array().expect("quotes") {
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        check_range(text, start as usize, end as usize);
        assert!(q["kind"] == "direct" || q["kind"] == "indirect", "{q}");
        match &q["speaker"] {
            Value::Null => {}
            Value::String(id) => assert!(ids.contains(&id.as_str()), "unknown speaker {id}"),
            other => panic!("speaker is {other}"),
        }
        for key in ["source", "cue"] {
            if !q[key].is_null() {
                check_span(text, &q[key]);
            }
        }
    }
}

fn check_span(text: &str, span: &Value) {
    let pair = span.as_array().expect("a span is [start, end]");
    assert_eq!(pair.len(), 2, "{span}");
    let (start, end) = (pair[0].as_u64().unwrap(), pair[1].as_u64().unwrap());
    check_range(text, start as usize, end as usize);
}

fn check_range(text: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "{start}..{end} of {}",
        text.len()
    );
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
}

/// Exit code 1, exactly one stderr line, naming `path` and saying `what`;
/// the good files' output still on stdout.
fn assert_one_error(run: &Run, path: &str, what: &str) {
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    let lines: Vec<_> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr: {:?}", run.stderr);
    assert!(lines[0].contains(path), "names the file: {}", lines[0]);
    assert!(lines[0].contains(what), "says {what:?}: {}", lines[0]);
    let docs = jsonl(&run.stdout);
    assert_eq!(docs.len(), 2, "both good files analysed: {}", run.stdout);
    check_schema(&docs[0], ORCHARD);
    check_schema(&docs[1], HARBOUR);
}

#[test]
fn missing_file() {
    let dir = scratch("missing");
    let missing = dir.join("no_such_article.txt");
    let missing = missing.to_str().unwrap();
    let run = whosaid(&["analyze", ORCHARD, missing, HARBOUR]);
    assert_one_error(&run, missing, "no such file");
}

#[test]
fn directory() {
    let dir = scratch("directory");
    let dir = dir.to_str().unwrap();
    let run = whosaid(&["analyze", ORCHARD, dir, HARBOUR]);
    assert_one_error(&run, dir, "directory");
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = scratch("utf8");
    let bad = write(&dir, "latin1.txt", b"Caf\xe9 owner says \"no\"\n");
    let run = whosaid(&["analyze", ORCHARD, &bad, HARBOUR]);
    assert_one_error(&run, &bad, "UTF-8");
    assert!(run.stderr.contains("offset 3"), "{}", run.stderr);
}

#[test]
fn empty_and_blank_files() {
    let dir = scratch("empty");
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b"  \n\n\t\n")] {
        let empty = write(&dir, name, bytes);
        let run = whosaid(&["analyze", ORCHARD, &empty, HARBOUR]);
        assert_one_error(&run, &empty, "empty");
    }
}

#[test]
fn binary_file() {
    let dir = scratch("binary");
    let bin = write(&dir, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let run = whosaid(&["analyze", ORCHARD, &bin, HARBOUR]);
    assert_one_error(&run, &bin, "binary");
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let locked = write(&dir, "locked.txt", b"Title\n\n\"Hi,\" she said.\n");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let args = ["analyze", ORCHARD, &locked, HARBOUR];
    let run = if fs::read(&locked).is_ok() {
        // Root (as in CI) reads a mode-000 file: run as nobody instead.
        let Some(run) = whosaid_as_nobody(&args) else {
            eprintln!("skipped: this user reads mode-000 files and setpriv is missing");
            return;
        };
        run
    } else {
        whosaid(&args)
    };
    assert_one_error(&run, &locked, "cannot be read");
}

#[test]
fn several_bad_files_each_get_their_line_in_order() {
    let dir = scratch("several");
    let empty = write(&dir, "empty.txt", b"");
    let missing = dir.join("gone.txt").to_str().unwrap().to_string();
    let run = whosaid(&["analyze", &empty, ORCHARD, &missing, HARBOUR]);
    assert_eq!(run.code, 1);
    let lines: Vec<_> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(lines[0].contains(&empty) && lines[1].contains(&missing));
    assert_eq!(jsonl(&run.stdout).len(), 2);
}

#[test]
fn control_characters_in_a_path_do_not_reach_the_terminal() {
    let evil = "gone\x1b]52;c;cHduZWQ=\x07\u{9b}2J.txt";
    let run = whosaid(&["analyze", evil]);
    assert_eq!(run.code, 1);
    assert_no_controls(&run.stderr, "\n");
}

#[test]
fn jsonl_is_one_schema_line_per_file_in_order() {
    let run = whosaid(&["analyze", "--format", "jsonl", ORCHARD, HARBOUR, ORCHARD]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty());
    let docs = jsonl(&run.stdout);
    assert_eq!(docs.len(), 3);
    for (doc, path) in docs.iter().zip([ORCHARD, HARBOUR, ORCHARD]) {
        check_schema(doc, path);
    }
}

#[test]
fn jsonl_is_the_default_format() {
    let run = whosaid(&["analyze", HARBOUR]);
    assert_eq!(run.code, 0);
    check_schema(&jsonl(&run.stdout)[0], HARBOUR);
}

#[test]
fn many_files_keep_their_order() {
    let dir = scratch("many");
    let paths: Vec<String> = (0..60)
        .map(|i| {
            let body = format!("Story number {i}\n\n\"Line {i},\" Ms Doe said.\n");
            // Uneven sizes so the parallel jobs finish out of order.
            let body = body.repeat(1 + (i * 37) % 200);
            write(&dir, &format!("{i:02}.txt"), body.as_bytes())
        })
        .collect();
    let mut args = vec!["analyze"];
    args.extend(paths.iter().map(String::as_str));
    let run = whosaid(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs = jsonl(&run.stdout);
    assert_eq!(docs.len(), paths.len());
    for (doc, path) in docs.iter().zip(&paths) {
        check_schema(doc, path);
    }
}

#[test]
fn json_is_one_pretty_document_or_an_array() {
    let one = whosaid(&["analyze", "--format", "json", ORCHARD]);
    assert_eq!(one.code, 0);
    assert!(one.stdout.lines().count() > 5, "pretty: {}", one.stdout);
    let doc: Value = serde_json::from_str(&one.stdout).unwrap();
    check_schema(&doc, ORCHARD);

    let two = whosaid(&["analyze", "--format", "json", ORCHARD, HARBOUR]);
    assert_eq!(two.code, 0);
    let docs: Value = serde_json::from_str(&two.stdout).unwrap();
    let docs = docs.as_array().expect("an array for several files");
    assert_eq!(docs.len(), 2);
    check_schema(&docs[0], ORCHARD);
    check_schema(&docs[1], HARBOUR);
}

#[test]
fn json_with_a_failed_file_keeps_the_array_shape() {
    let dir = scratch("json_failed");
    let empty = write(&dir, "empty.txt", b"");
    let run = whosaid(&["analyze", "--format", "json", ORCHARD, &empty]);
    assert_eq!(run.code, 1);
    let docs: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(docs.as_array().map(Vec::len), Some(1));
    let alone = whosaid(&["analyze", "--format", "json", &empty]);
    assert_eq!((alone.code, alone.stdout.as_str()), (1, ""));
}

#[test]
fn text_is_a_readable_report() {
    let run = whosaid(&["analyze", "--format", "text", ORCHARD, HARBOUR]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains(&format!("== {ORCHARD} ==")), "{out}");
    assert!(out.contains("Village orchard saved by a late bid"), "{out}");
    assert!(out.contains("Engineers say the harbour wall"), "{out}");
    assert!(out.contains("quotes"), "a count of quotes: {out}");
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
    assert!(!out.trim_start().starts_with('{'), "not JSON: {out}");
}

/// An article that tries to drive the terminal: OSC 52 (write the clipboard),
/// CSI (clear the screen), BEL, 8-bit CSI, CR (overwrite the line), DEL.
const HOSTILE: &str = "Screen \x1b[2J cleared \x1b]0;pwned\x07 title\n\n\
\"Copy this\x1b]52;c;cm0gLXJmIH4=\x07 now,\" Mr Mallory said.\n\n\
\"Fake\rReal \u{9b}31m red \x7f bell\x07,\" said Ms Eve.\n";

fn assert_no_controls(out: &str, allowed: &str) {
    for (i, c) in out.char_indices() {
        let control = c.is_control() && !allowed.contains(c);
        assert!(!control, "raw control {c:?} at byte {i} of {out:?}");
    }
    assert!(!out.bytes().any(|b| b == 0x1b || b == 0x07 || b == b'\r'));
}

#[test]
fn text_never_prints_control_characters_raw() {
    let dir = scratch("hostile");
    let path = write(&dir, "hostile.txt", HOSTILE.as_bytes());
    let run = whosaid(&["analyze", "--format", "text", &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_no_controls(&run.stdout, "\n");
    assert!(run.stdout.contains("Screen"), "{}", run.stdout);
}

#[test]
fn json_escapes_control_characters_and_keeps_the_text() {
    let dir = scratch("hostile_json");
    let path = write(&dir, "hostile.txt", HOSTILE.as_bytes());
    for format in ["jsonl", "json"] {
        let run = whosaid(&["analyze", "--format", format, &path]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_no_controls(&run.stdout, "\n");
        let doc: Value = serde_json::from_str(&run.stdout).unwrap();
        check_schema(&doc, &path);
    }
}

#[test]
fn closed_stdout_is_not_a_crash() {
    let mut args = vec!["analyze"];
    args.extend(std::iter::repeat_n(ORCHARD, 400));
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, like `| head -0`
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn no_files_is_a_usage_error() {
    let run = whosaid(&["analyze"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("Usage"), "{}", run.stderr);
}

#[test]
fn devices_and_utf16_are_refused_with_a_reason() {
    let run = whosaid(&["analyze", ORCHARD, "/dev/zero", HARBOUR]);
    assert_one_error(&run, "/dev/zero", "device");
    let dir = scratch("utf16");
    let utf16: Vec<u8> = std::iter::once(0xfeff_u16)
        .chain("Title\n\n\"Hi,\" she said.\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let path = write(&dir, "utf16.txt", &utf16);
    let run = whosaid(&["analyze", ORCHARD, &path, HARBOUR]);
    assert_one_error(&run, &path, "UTF-16");
}

#[test]
fn output_is_the_same_on_one_thread_and_on_many() {
    let mut args = vec!["analyze"];
    for _ in 0..20 {
        args.extend([ORCHARD, HARBOUR]);
    }
    let on = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(&args)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    assert_eq!(on("1"), on("3"));
}
