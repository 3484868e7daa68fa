//! The terminal reader (placeholder until the reader lands: prints the report).

use crate::analysis::Analysis;

/// Run the reader on `analysis` until the user quits.
pub fn run(analysis: Analysis) -> std::io::Result<()> {
    print!("{}", crate::report::text(&analysis));
    Ok(())
}
