//! The panic path: the reader's hook releases the terminal before the panic
//! message is printed (the whole path in a real terminal is tested in
//! tests/e2e.rs, `panic_restores_the_terminal`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[test]
fn hook_cleans_up_then_calls_the_previous_hook() {
    let order = Arc::new(AtomicUsize::new(0));
    let (cleanup, previous) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    {
        let (order, previous) = (order.clone(), previous.clone());
        std::panic::set_hook(Box::new(move |_| {
            previous.store(order.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
        }));
    }
    {
        let (order, cleanup) = (order.clone(), cleanup.clone());
        whosaid::ui::terminal::install_panic_hook(move || {
            cleanup.store(order.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
        });
    }
    let result = std::panic::catch_unwind(|| panic!("boom"));
    let _ = std::panic::take_hook();
    assert!(result.is_err());
    assert_eq!(cleanup.load(Ordering::SeqCst), 1, "cleanup runs first");
    assert_eq!(
        previous.load(Ordering::SeqCst),
        2,
        "then the hook that was there"
    );
}
