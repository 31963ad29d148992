//! A failing test must not leave ChromeDriver or Chromium running.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use outcomes_e2e::{live_processes_in_group, Browser};

static GROUP: AtomicU32 = AtomicU32::new(0);

#[tokio::test(flavor = "multi_thread")]
async fn a_test_that_panics_leaves_no_browser_or_driver_behind() {
    let failing = tokio::spawn(async {
        let browser = Browser::start().await;
        browser.open("/plain.html").await;
        browser.in_widget("textarea").await;
        GROUP.store(browser.process_group(), Ordering::SeqCst);
        assert!(!live_processes_in_group(browser.process_group()).is_empty());
        panic!("a test failing while its browser is open");
    });
    assert!(failing.await.is_err_and(|e| e.is_panic()));
    let group = GROUP.load(Ordering::SeqCst);
    assert_ne!(group, 0, "the browser started before the panic");
    // SIGKILL is delivered asynchronously; the group empties within moments.
    let start = Instant::now();
    let mut left = live_processes_in_group(group);
    while !left.is_empty() && start.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(50)).await;
        left = live_processes_in_group(group);
    }
    assert!(
        left.is_empty(),
        "still running after the test failed: {left:?}"
    );
}
