//! Shared pieces of the project's developer tooling: the workspace layout and the static file
//! server used by `cargo xtask demo` and by the end-to-end tests.

pub mod serve;

use std::path::{Path, PathBuf};

/// The workspace root (the folder holding the root `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Flags for headless Chromium here: as root it needs `--no-sandbox`, and with no network but
/// the package registries its background services only produce refused connections.
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1024,900",
];

/// The strict Content-Security-Policy the widget works under (documented for organisations and
/// checked by an end-to-end test): no inline script or style, WebAssembly allowed.
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Where `cargo xtask dist` writes the embeddable files.
pub fn dist_dir() -> PathBuf {
    workspace_root().join("dist")
}

/// The files of `dist/`: what a host page downloads.
pub mod dist_files {
    /// The ES module a host page loads; it defines `<outcomes-conversation>`.
    pub const ENTRY: &str = "outcomes-widget.js";
    /// The wasm-bindgen glue, imported by the entry module.
    pub const GLUE: &str = "widget.js";
    /// The widget's WebAssembly.
    pub const WASM: &str = "widget_bg.wasm";
    /// The base name given to wasm-bindgen (it names the glue and the wasm after it).
    pub const BINDGEN_NAME: &str = "widget";
    /// The exports module (downloads), loaded only when someone downloads a file.
    pub const EXPORTS_GLUE: &str = "exports.js";
    pub const EXPORTS_WASM: &str = "exports_bg.wasm";
    pub const EXPORTS_BINDGEN_NAME: &str = "exports";
    /// The version and Subresource Integrity hash of every file above.
    pub const INTEGRITY: &str = "integrity.json";
    /// Every file a page may load.
    pub const ALL: [&str; 5] = [ENTRY, GLUE, WASM, EXPORTS_GLUE, EXPORTS_WASM];
}
