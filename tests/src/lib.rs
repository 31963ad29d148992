//! The end-to-end harness: the built `dist/` and test pages served on 127.0.0.1, driven in
//! headless Chromium through ChromeDriver.
//!
//! Every process the harness starts is ended when the [`Browser`] is dropped, also when a test
//! fails: ChromeDriver runs in a process group of its own (Chromium inherits it), and the whole
//! group is killed on drop.

pub mod endpoint;

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use xtask::serve::{Mount, StaticServer};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// How long to wait for something the page should do soon; generous for a busy CI machine.
const PATIENCE: Duration = Duration::from_secs(30);

/// A headless Chromium session on a fresh server for `dist/` and the test pages.
pub struct Browser {
    client: Option<Client>,
    pub server: StaticServer,
    _driver: Driver,
}

impl std::fmt::Debug for Browser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Browser")
            .field("server", &self.server)
            .finish_non_exhaustive()
    }
}

impl Browser {
    /// Serves `dist/` under `/dist/` and `tests/pages/` under `/` (`/strict/` with the strict
    /// Content-Security-Policy, `/no-wasm/` with one that blocks WebAssembly), and opens a
    /// browser.
    pub async fn start() -> Self {
        let dist = dist_dir();
        let pages = xtask::workspace_root().join("tests/pages");
        let strict = Mount::new("/strict/", pages.join("strict"))
            .with_header("Content-Security-Policy", xtask::STRICT_CSP);
        // A policy without 'wasm-unsafe-eval': the widget cannot load, and must say so.
        let no_wasm = Mount::new("/no-wasm/", pages.join("no-wasm")).with_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'",
        );
        let fixtures = xtask::workspace_root().join("core/tests/snapshots");
        let mounts = vec![
            Mount::new("/dist/", dist),
            Mount::new("/site/", site_dir()),
            strict,
            no_wasm,
            Mount::new("/fixtures/", fixtures),
            Mount::new("/", pages),
        ];
        let server = StaticServer::start(0, mounts).expect("start the test server on 127.0.0.1");
        let driver = Driver::start();
        let capabilities = json!({
            "goog:chromeOptions": { "binary": CHROMIUM, "args": xtask::CHROMIUM_ARGS }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .expect("start a Chromium session through ChromeDriver");
        Self {
            client: Some(client),
            server,
            _driver: driver,
        }
    }

    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the session is open until close()")
    }

    /// Opens a test page, e.g. `/plain.html`.
    pub async fn open(&self, path: &str) {
        self.client()
            .goto(&self.server.url(path))
            .await
            .expect("load the page");
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `script` until it returns something other than `null`/`false`, and returns it.
    pub async fn wait_for_js(&self, what: &str, script: &str) -> Value {
        let start = Instant::now();
        loop {
            let value = self.js(script, vec![]).await;
            if !matches!(value, Value::Null | Value::Bool(false)) {
                return value;
            }
            assert!(start.elapsed() < PATIENCE, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The first element matching `css` inside the shadow root of the first
    /// `<outcomes-conversation>`, once it is there.
    pub async fn in_widget(&self, css: &str) -> Element {
        self.in_widget_of("outcomes-conversation", css).await
    }

    /// The first element matching `css` inside the shadow root of the widget `host` (a CSS
    /// selector such as `#second`), once it is there.
    pub async fn in_widget_of(&self, host: &str, css: &str) -> Element {
        let script = format!(
            "const root = document.querySelector({host:?})?.shadowRoot; \
             return root?.querySelector({css:?}) ?? null;"
        );
        self.wait_for_js(&format!("{css} in the widget {host}"), &script)
            .await;
        let host = self
            .client()
            .find(Locator::Css(host))
            .await
            .expect("the element");
        let root = host.shadow_root().await.expect("the widget's shadow root");
        root.find(Locator::Css(css))
            .await
            .expect("the element in the shadow root")
    }

    /// The text of the first element matching `css` in the first widget, once it is there.
    pub async fn widget_text(&self, css: &str) -> String {
        self.in_widget(css)
            .await
            .text()
            .await
            .expect("the element's text")
    }

    /// Runs axe-core's WCAG 2.2 A and AA rules over the first widget (its shadow tree included)
    /// and returns the violations: rule, impact, help and the elements.
    pub async fn accessibility_violations(&self) -> Value {
        self.accessibility_violations_in("document.querySelector('outcomes-conversation')")
            .await
    }

    /// The same over `context` (a JavaScript expression: an element, or `document`).
    pub async fn accessibility_violations_in(&self, context: &str) -> Value {
        let axe = xtask::workspace_root().join("target/tools/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe)
            .unwrap_or_else(|_| panic!("{} is missing: run `cargo xtask setup`", axe.display()));
        self.js(&format!("if (!window.axe) {{ {source} }}"), vec![])
            .await;
        self.js(
            &format!(
                "return axe.run({context}, \
                   {{ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }}) \
                 .then(r => r.violations.map(v => ({{ rule: v.id, impact: v.impact, help: v.help, \
                   nodes: v.nodes.map(n => n.target.join(' ')) }})));"
            ),
            vec![],
        )
        .await
    }

    /// Starts recording the widget's DOM events into `window.outcomesEvents` (pages that must
    /// catch events fired while the widget starts load `/record-events.js` themselves).
    pub async fn record_events(&self) {
        self.js(include_str!("../pages/record-events.js"), vec![])
            .await;
    }

    /// The process group of ChromeDriver and the Chromium it started.
    pub fn process_group(&self) -> u32 {
        self._driver.child.id()
    }

    /// Ends the WebDriver session (Chromium quits); the driver is ended on drop.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}

/// The `dist/` folder the tests run against: `OUTCOMES_DIST`, else the workspace's `dist/`.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("OUTCOMES_DIST").map_or_else(xtask::dist_dir, PathBuf::from);
    assert!(
        dist.join(xtask::dist_files::ENTRY).is_file(),
        "{} has no built widget: run `cargo xtask test` (or `cargo xtask dist` first)",
        dist.display()
    );
    dist
}

/// The built site (`cargo xtask www`): `OUTCOMES_SITE`, else `target/www`.
pub fn site_dir() -> PathBuf {
    std::env::var_os("OUTCOMES_SITE")
        .map_or_else(|| xtask::workspace_root().join("target/www"), PathBuf::from)
}

/// ChromeDriver in a process group of its own; dropping it kills the group (and so Chromium).
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        assert!(
            std::path::Path::new(CHROMEDRIVER).exists() && std::path::Path::new(CHROMIUM).exists(),
            "Chromium and ChromeDriver are not installed: run `cargo xtask setup`"
        );
        let port = free_port();
        let child = std::os::unix::process::CommandExt::process_group(
            Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
            0,
        )
        .spawn()
        .expect("start chromedriver");
        let driver = Self { child, port };
        let start = Instant::now();
        while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
            assert!(
                start.elapsed() < PATIENCE,
                "chromedriver did not start listening on port {port}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        driver
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The negative pid names the whole group: chromedriver and every Chromium it started.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("find a free port on 127.0.0.1")
}

/// Processes of `group` that are still running (zombies waiting to be reaped do not count).
pub fn live_processes_in_group(group: u32) -> Vec<String> {
    let output = Command::new("ps")
        .args(["-e", "-o", "pgid=,stat=,comm="])
        .output()
        .expect("run ps");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let pgid: u32 = fields.next()?.parse().ok()?;
            let stat = fields.next()?;
            (pgid == group && !stat.starts_with('Z')).then(|| line.trim().to_owned())
        })
        .collect()
}
