//! Try the library view until the command line opens it:
//! `cargo run --release --example library -- FILE_OR_DIR...`
//! (the input branch's `cli.rs` calls the same `whosaid::ui::run_library`).

#[cfg(feature = "tui")]
fn main() -> std::io::Result<()> {
    let sources = std::env::args()
        .skip(1)
        .map(|a| whosaid::input::Source::parse(&a))
        .collect();
    whosaid::ui::run_library(sources)
}

#[cfg(not(feature = "tui"))]
fn main() {
    eprintln!("the library view needs the `tui` feature");
}
