//! Frame-time benchmark (placeholder; filled in with the reader).
fn main() {}
